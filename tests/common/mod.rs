//! Shared helpers for the integration tests: run the real binary with a clean environment.
#![allow(dead_code)]

pub mod hostile;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped corpus directory.
pub fn corpus_dir() -> PathBuf {
    root().join("corpus")
}

/// A command for the binary with no language or colour variables from the caller.
pub fn cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_senate-kb"));
    for var in [
        "LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "SENATE_KB_LANG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "SENATE_KB_INDEX",
    ] {
        c.env_remove(var);
    }
    c
}

/// Runs `f` on every item on `workers` threads (runs of the binary, requests to a server:
/// they wait as much as they compute); the results in the items' order.
pub fn parallel<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(items.len().div_ceil(workers).max(1))
            .map(|chunk| s.spawn(move || chunk.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// Runs the binary with `args` and returns its output.
pub fn run(args: &[&str]) -> Output {
    cmd().args(args).output().expect("run senate-kb")
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of the shipped corpus that a test may damage.
pub fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    copy_dir(&corpus_dir(), &dir);
    (tmp, dir)
}

/// Parses a TOML file of the shipped corpus as a generic value, independent of the program's
/// own model.
pub fn toml_file(rel: &str) -> toml::Table {
    let text = std::fs::read_to_string(corpus_dir().join(rel)).unwrap();
    text.parse().unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The race ids of the CLI contract, in article order.
pub const RACE_IDS: [&str; 36] = [
    "al",
    "ak",
    "ar",
    "co",
    "de",
    "ga",
    "hi-special",
    "id",
    "il",
    "ia",
    "ks",
    "ky",
    "la",
    "me",
    "ma",
    "mi",
    "mn",
    "ms",
    "mt",
    "ne",
    "nh",
    "nj",
    "nm",
    "nc",
    "ok",
    "ok-special",
    "or",
    "ri",
    "sc",
    "sc-special",
    "sd",
    "tn",
    "tx",
    "va",
    "wv",
    "wy",
];

/// Every document id in article order: the overview, then the races.
pub fn document_ids() -> Vec<&'static str> {
    std::iter::once("overview").chain(RACE_IDS).collect()
}

/// The path of a document's file, relative to the corpus directory.
pub fn document_file(id: &str) -> String {
    if id == "overview" {
        "overview.toml".into()
    } else {
        format!("races/{id}.toml")
    }
}

/// The units of a document as (paragraph, de, en), read with the generic TOML parser.
pub fn units(id: &str) -> Vec<(i64, String, String)> {
    let doc = toml_file(&document_file(id));
    doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["paragraph"].as_integer().unwrap(),
                u["de"].as_str().unwrap().to_string(),
                u["en"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every distinct word of the corpus units, German and English (the vocabulary that random
/// queries are built from in the property tests and the fuzzer).
pub fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = document_ids()
        .into_iter()
        .flat_map(units)
        .flat_map(|(_, de, en)| {
            format!("{de} {en}")
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A golden output under `tests/golden/`.
pub fn golden(name: &str) -> String {
    let path = root().join("tests/golden").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares whole texts, naming the first line that differs.
pub fn assert_same(got: &str, want: &str, what: &str) {
    if got == want {
        return;
    }
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let line = (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .unwrap_or(g.len());
    panic!(
        "{what} differs at line {}:\n   got: {:?}\n  want: {:?}\n--- whole output ---\n{got}",
        line + 1,
        g.get(line),
        w.get(line)
    );
}

/// One search index built by `senate-kb index` for the whole test binary (a fresh temporary
/// directory per test binary).
pub fn index() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = cmd()
            .arg("--index")
            .arg(dir.path())
            .arg("index")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        dir
    })
    .path()
}

/// The ids of the hits of a successful `--json search`.
pub fn ids(out: &Output) -> Vec<String> {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        stderr(out)
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
    doc["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// Runs the binary the way the golden files were written: clean environment, 100 columns,
/// no colour, the language given.
pub fn answer(lang: &str, args: &[&str]) -> Output {
    cmd()
        .env("COLUMNS", "100")
        .args(["--lang", lang, "--color", "never"])
        .args(args)
        .output()
        .expect("run senate-kb")
}

/// Stdout of a successful run with nothing on stderr.
pub fn ok(lang: &str, args: &[&str]) -> String {
    let out = answer(lang, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "{args:?}: stderr");
    stdout(&out)
}
