//! Embeds the shipped corpus and the Fluent resources in the binary, so that an installed
//! `senate-kb` works from any directory without its source tree.
//!
//! Generates `$OUT_DIR/embedded.rs`: a sorted table of `(relative path, contents)` for every
//! file under `corpus/` and `locales/`. `include_str!` makes rustc track each file, and
//! `rerun-if-changed` on the directories picks up added or removed files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn table(name: &str, dir: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    println!("cargo:rerun-if-changed={dir}");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut code = format!(
        "/// Every file under `{dir}/`, by path relative to it.\npub static {name}: &[(&str, &str)] = &[\n"
    );
    for path in files {
        let rel = path.strip_prefix(&root).expect("under root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

#[path = "src/kb/corpus/fingerprint.rs"]
mod fingerprint;

/// The fingerprint of every file of a directory (see `src/kb/corpus/fingerprint.rs`), by path
/// relative to it: `senate_kb::kb::corpus::fingerprint` computes the same for a corpus
/// directory at run time.
fn fingerprint(dir: &str) -> u64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    collect(&root, &mut files);
    let entries: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).expect("under root");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(path).expect("read corpus file"))
        })
        .collect();
    fingerprint::of(entries.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut code = table("CORPUS_FILES", "corpus") + &table("LOCALE_FILES", "locales");
    writeln!(
        code,
        "/// The fingerprint of the embedded corpus, computed at build time.\npub const CORPUS_FINGERPRINT: u64 = {:#x};",
        fingerprint("corpus")
    )
    .unwrap();
    writeln!(
        code,
        "/// The fingerprint of the embedded locales, computed at build time.\npub const LOCALES_FINGERPRINT: u64 = {:#x};",
        fingerprint("locales")
    )
    .unwrap();
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
}
