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

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let code = table("CORPUS_FILES", "corpus") + &table("LOCALE_FILES", "locales");
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
}
