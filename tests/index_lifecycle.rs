//! The index's life on disk, on the real binary: built when missing, rebuilt when the corpus
//! changes or the index is damaged, replaced atomically while others search, never replaced
//! by one built from a broken corpus, and a clear error where it cannot be written.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{cmd, corpus_copy, ids, stderr, stdout};

fn search(index: &Path, extra: &[&str], query: &str) -> Output {
    let mut c = cmd();
    c.arg("--index").arg(index).arg("--json");
    c.args(extra).args(["search", query]);
    c.output().unwrap()
}

/// Every `<key>.current` pointer and the generation it names.
fn pointers(index: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = fs::read_dir(index)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let key = name.strip_suffix(".current")?.to_string();
            let target = fs::read_to_string(index.join(&name)).unwrap();
            Some((key, target.trim().to_string()))
        })
        .collect();
    found.sort();
    found
}

fn generation(index: &Path) -> PathBuf {
    let ptrs = pointers(index);
    assert_eq!(ptrs.len(), 1, "{ptrs:?}");
    index.join(&ptrs[0].1)
}

#[test]
fn a_missing_index_is_built_on_first_search() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("nested").join("index");
    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
    let live = generation(&index);
    assert!(live.join("meta.json").is_file());
    assert!(live.join("lexicon.json").is_file());
    // The second search opens the same generation.
    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
    assert_eq!(generation(&index), live);
    // The corpus is one segment: each more would cost every search's start files to open and
    // a term dictionary to walk.
    let segments = fs::read_dir(&live)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("idx".as_ref()))
        .count();
    assert_eq!(segments, 1);
}

#[test]
fn a_changed_corpus_makes_the_index_stale() {
    let (_tmp, corpus) = corpus_copy();
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let corpus_arg = ["--corpus", corpus.to_str().unwrap()];
    assert_eq!(ids(&search(&index, &corpus_arg, "plagiarism")), ["mt"]);
    assert_eq!(
        search(&index, &corpus_arg, "accusations").status.code(),
        Some(1)
    );
    let before = pointers(&index);

    let file = corpus.join("races/mt.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("plagiarism allegations"));
    fs::write(
        &file,
        text.replace("plagiarism allegations", "plagiarism accusations"),
    )
    .unwrap();

    assert_eq!(ids(&search(&index, &corpus_arg, "accusations")), ["mt"]);
    let after = pointers(&index);
    assert_eq!(after.len(), 2, "a new key beside the old one: {after:?}");
    assert!(before.iter().all(|p| after.contains(p)));
}

#[test]
fn a_damaged_index_is_rebuilt() {
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 5] = [
        ("every file garbage", |g| {
            for e in fs::read_dir(g).unwrap() {
                fs::write(e.unwrap().path(), b"\x00garbage\xff").unwrap();
            }
        }),
        ("every file empty", |g| {
            for e in fs::read_dir(g).unwrap() {
                fs::write(e.unwrap().path(), b"").unwrap();
            }
        }),
        ("every file truncated", |g| {
            for e in fs::read_dir(g).unwrap() {
                let path = e.unwrap().path();
                let len = fs::metadata(&path).unwrap().len();
                fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .unwrap()
                    .set_len(len / 2)
                    .unwrap();
            }
        }),
        ("generation deleted", |g| fs::remove_dir_all(g).unwrap()),
        ("generation replaced by a file", |g| {
            fs::remove_dir_all(g).unwrap();
            fs::write(g, b"not a directory").unwrap();
        }),
    ];
    for (what, damage) in damages {
        let tmp = tempfile::tempdir().unwrap();
        let index = tmp.path().join("index");
        assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"], "{what}");
        damage(&generation(&index));
        assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"], "after {what}");
        assert_eq!(
            ids(&search(&index, &[], "Stichwahl")),
            ["overview", "la"],
            "after {what}"
        );
    }
}

#[test]
fn every_file_damaged_alone_is_rebuilt() {
    // One pristine index, copied for each damage of each of its files (tantivy's segment
    // files, meta.json, .managed.json, the lock files, lexicon.json and names.json).
    let pristine = tempfile::tempdir().unwrap();
    let pristine = pristine.path().join("index");
    assert_eq!(ids(&search(&pristine, &[], "Plagiat")), ["mt"]);
    let live = generation(&pristine);
    let name = live.file_name().unwrap().to_owned();
    let mut files: Vec<String> = fs::read_dir(&live)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(files.len() >= 9, "{files:?}");
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 4] = [
        // The size and the shape stay: only a checksum tells.
        ("one byte changed", |f| {
            let mut bytes = fs::read(f).unwrap();
            if bytes.is_empty() {
                bytes.push(0);
            }
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x5A;
            fs::write(f, bytes).unwrap();
        }),
        ("truncated", |f| {
            let len = fs::metadata(f).unwrap().len();
            let file = fs::OpenOptions::new().write(true).open(f).unwrap();
            file.set_len(len / 2).unwrap();
        }),
        ("emptied", |f| fs::write(f, b"").unwrap()),
        ("garbage", |f| {
            let len = fs::metadata(f).unwrap().len().max(16) as usize;
            let garbage: Vec<u8> = (0..len).map(|i| (i * 131 % 251) as u8).collect();
            fs::write(f, garbage).unwrap();
        }),
    ];
    let cases: Vec<(&String, &str, Damage)> = files
        .iter()
        .flat_map(|f| {
            damages
                .iter()
                .map(move |(what, damage)| (f, *what, *damage))
        })
        .collect();
    std::thread::scope(|s| {
        for chunk in cases.chunks(cases.len().div_ceil(2)) {
            let (pristine, name) = (&pristine, &name);
            s.spawn(move || {
                for &(file, what, damage) in chunk {
                    let tmp = tempfile::tempdir().unwrap();
                    let index = tmp.path().join("index");
                    common::copy_dir(pristine, &index);
                    damage(&index.join(name).join(file));
                    let label = format!("{file} {what}");
                    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"], "{label}");
                    // Filters read names.json; a damaged one was an "index error" forever.
                    let gains = ids(&search(&index, &[], "party:R outcome:gain"));
                    assert_eq!(gains.len(), 9, "{label}: {gains:?}");
                    assert_eq!(
                        ids(&search(&index, &[], "Stichwahl")),
                        ["overview", "la"],
                        "{label}"
                    );
                }
            });
        }
    });
    eprintln!("{} damaged files, each rebuilt", cases.len());
}

#[test]
fn a_garbled_pointer_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
    let (key, _) = pointers(&index).remove(0);
    for garbage in ["../../etc", "", "\u{0}\u{1b}[2J"] {
        fs::write(index.join(format!("{key}.current")), garbage).unwrap();
        assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"], "{garbage:?}");
    }
}

#[test]
fn concurrent_first_searches_all_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let children: Vec<_> = (0..8)
        .map(|_| {
            let mut c = cmd();
            c.arg("--index")
                .arg(&index)
                .args(["--json", "search", "Plagiat"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(ids(&out), ["mt"]);
    }
    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
}

#[test]
fn concurrent_index_commands_all_succeed() {
    // On a missing index, then on an existing one: four `index` and four searches at once.
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    for round in ["missing", "existing"] {
        let spawn = |args: &[&str]| {
            cmd()
                .arg("--index")
                .arg(&index)
                .args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let builds: Vec<_> = (0..4).map(|_| spawn(&["index"])).collect();
        let searches: Vec<_> = (0..4)
            .map(|_| spawn(&["--json", "search", "Plagiat"]))
            .collect();
        for child in builds {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{round}: {}", stderr(&out));
        }
        for child in searches {
            assert_eq!(ids(&child.wait_with_output().unwrap()), ["mt"], "{round}");
        }
        let live = generation(&index);
        assert!(live.join("names.json").is_file(), "{round}");
        assert_eq!(ids(&search(&index, &[], "party:R outcome:gain")).len(), 9);
    }
}

#[test]
fn searches_during_rebuilds_all_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
    let rebuilder = {
        let index = index.clone();
        std::thread::spawn(move || {
            for _ in 0..8 {
                let out = cmd()
                    .arg("--index")
                    .arg(&index)
                    .arg("index")
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", stderr(&out));
            }
        })
    };
    let searchers: Vec<_> = (0..4)
        .map(|_| {
            let index = index.clone();
            std::thread::spawn(move || {
                for _ in 0..8 {
                    assert_eq!(ids(&search(&index, &[], "Plagiat")), ["mt"]);
                }
            })
        })
        .collect();
    rebuilder.join().unwrap();
    for s in searchers {
        s.join().unwrap();
    }
    assert_eq!(pointers(&index).len(), 1);
}

#[test]
fn index_command_reports_what_it_built() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let out = cmd()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Index built: 37 documents in "), "{text}");
    let out = cmd()
        .arg("--index")
        .arg(&index)
        .args(["--lang", "de", "--json", "index"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["documents"], 37);
    assert_eq!(
        PathBuf::from(doc["path"].as_str().unwrap()),
        generation(&index)
    );
    let out = cmd()
        .arg("--index")
        .arg(&index)
        .args(["--lang", "de", "index"])
        .output()
        .unwrap();
    assert!(stdout(&out).starts_with("Index aufgebaut: 37 Dokumente in "));
}

#[test]
fn a_broken_corpus_never_replaces_the_index() {
    let (_tmp, corpus) = corpus_copy();
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let corpus_arg = ["--corpus", corpus.to_str().unwrap()];
    assert_eq!(ids(&search(&index, &corpus_arg, "Plagiat")), ["mt"]);
    let before = pointers(&index);

    fs::write(corpus.join("races/mt.toml"), "id = \"mt\"\n[broken").unwrap();
    for args in [vec!["index"], vec!["search", "Plagiat"]] {
        let out = cmd()
            .arg("--index")
            .arg(&index)
            .args(corpus_arg)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("mt.toml"), "{}", stderr(&out));
    }
    assert_eq!(pointers(&index), before);
    // The shipped corpus's index is untouched and still answers.
    let out = cmd()
        .arg("--index")
        .arg(&index)
        .args(["--json", "search", "Plagiat"])
        .output()
        .unwrap();
    assert_eq!(ids(&out), ["mt"]);
}

#[test]
fn an_unwritable_location_is_a_localized_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    fs::write(&file, b"x").unwrap();
    let index = file.join("index");
    for (lang, words) in [
        ("en", "cannot build the search index in"),
        ("de", "kann nicht in"),
    ] {
        let out = cmd()
            .arg("--index")
            .arg(&index)
            .args(["--lang", lang, "search", "Plagiat"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains(words), "{err}");
        assert!(err.contains(index.to_str().unwrap()), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // The index directory itself is a file.
    for (lang, words) in [
        ("en", "cannot build the search index in"),
        ("de", "kann nicht in"),
    ] {
        let out = cmd()
            .arg("--index")
            .arg(&file)
            .args(["--lang", lang, "search", "Plagiat"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(words), "{err}");
        assert!(err.contains(file.to_str().unwrap()), "{err}");
    }
    assert_eq!(
        fs::read(&file).unwrap(),
        b"x",
        "a file in the way is never removed"
    );
}

#[test]
fn an_installed_binary_outside_the_checkout_uses_the_cache_directory() {
    let cwd = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let out = cmd()
        .current_dir(cwd.path())
        .env("XDG_CACHE_HOME", cache.path())
        .env("HOME", cache.path())
        .args(["--json", "search", "Plagiat"])
        .output()
        .unwrap();
    assert_eq!(ids(&out), ["mt"]);
    assert_eq!(
        fs::read_dir(cwd.path()).unwrap().count(),
        0,
        "nothing written to cwd"
    );
    assert!(cache.path().join("senate-kb").join("index").is_dir());
}
