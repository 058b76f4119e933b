//! `check` on the real binary: the shipped corpus passes, and damaged copies fail with exit
//! status 2, naming the file and what is wrong, in the user's language.

mod common;

use std::path::Path;

use common::*;

fn check(dir: &Path, lang: &str) -> std::process::Output {
    run(&["--lang", lang, "--corpus", dir.to_str().unwrap(), "check"])
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Runs `check` on a damaged copy and returns stderr, asserting exit 2 and that stderr names
/// the file.
fn damaged(file: &str, damage: impl FnOnce(&Path)) -> String {
    let (_tmp, dir) = corpus_copy();
    damage(&dir);
    let out = check(&dir, "en");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(
        err.contains(&dir.join(file).display().to_string()),
        "file not named: {err}"
    );
    assert!(stdout(&out).is_empty());
    err
}

#[test]
fn the_shipped_corpus_is_sound() {
    for args in [
        vec!["check"],
        vec!["--corpus", corpus_dir().to_str().unwrap(), "check"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("37 documents")
                && text.contains("194 sentence units")
                && text.contains("36 races"),
            "{text}"
        );
    }
}

#[test]
fn check_speaks_german() {
    let out = run(&["--lang", "de", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("Das Korpus ist in Ordnung: 37 Dokumente"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_translation_is_named() {
    let err = damaged("races/mt.toml", |d| {
        edit(
            &d.join("races/mt.toml"),
            "en = \"At a party convention",
            "en = \"\" # \"At a party convention",
        )
    });
    assert!(err.contains("unit 4 has no English text"), "{err}");
}

#[test]
fn an_unknown_person_is_named() {
    let err = damaged("races/co.toml", |d| {
        edit(
            &d.join("races/co.toml"),
            "person = \"cory-gardner\"",
            "person = \"cory-gardener\"",
        )
    });
    assert!(err.contains("unknown person “cory-gardener”"), "{err}");
}

#[test]
fn a_syntax_error_is_named_with_its_line() {
    let err = damaged("races/ga.toml", |d| {
        edit(&d.join("races/ga.toml"), "[facts.winner]", "[facts.winner")
    });
    assert!(err.contains("ga.toml:"), "{err}");
    assert!(err.contains("is not valid"), "{err}");
}

#[test]
fn an_unknown_key_is_rejected() {
    let err = damaged("races/ga.toml", |d| {
        edit(
            &d.join("races/ga.toml"),
            "[facts.winner]\n",
            "[facts.winner]\nvalu = 1\n",
        )
    });
    assert!(err.contains("valu"), "{err}");
}

#[test]
fn a_missing_race_is_named() {
    let err = damaged("races/wy.toml", |d| {
        std::fs::remove_file(d.join("races/wy.toml")).unwrap()
    });
    assert!(err.contains("cannot be read"), "{err}");
}

#[test]
fn a_race_dropped_from_the_manifest_is_caught() {
    let err = damaged("overview.toml", |d| {
        edit(&d.join("corpus.toml"), "\"wy\",", "");
        std::fs::remove_file(d.join("races/wy.toml")).unwrap();
    });
    assert!(
        err.contains("races = 36, but the race facts give 35"),
        "{err}"
    );
}

#[test]
fn a_changed_german_word_breaks_fidelity() {
    let err = damaged("races/mt.toml", |d| {
        edit(
            &d.join("races/mt.toml"),
            "Plagiatsvorwurfs",
            "Plagiatsvorwurf",
        )
    });
    assert!(
        err.contains("unit 3: the German text departs from the source article"),
        "{err}"
    );
}

#[test]
fn a_lost_number_in_the_translation_is_caught() {
    let err = damaged("races/co.toml", |d| {
        edit(&d.join("races/co.toml"), "with 48.2%", "with 48%")
    });
    assert!(err.contains("the number 48.2"), "{err}");
}

#[test]
fn an_inconsistent_outcome_is_caught() {
    let err = damaged("races/ak.toml", |d| {
        edit(
            &d.join("races/ak.toml"),
            "value = \"gain\"",
            "value = \"hold\"",
        )
    });
    assert!(
        err.contains("the outcome “hold” contradicts the facts"),
        "{err}"
    );
}

#[test]
fn a_vote_share_that_contradicts_the_official_result_is_caught() {
    let err = damaged("races/ar.toml", |d| {
        edit(&d.join("races/ar.toml"), "percent = 56.5", "percent = 55.1")
    });
    assert!(err.contains("disagrees with the official result"), "{err}");
}

#[test]
fn problems_are_told_in_german() {
    let (_tmp, dir) = corpus_copy();
    edit(
        &dir.join("races/co.toml"),
        "person = \"cory-gardner\"",
        "person = \"cory-gardener\"",
    );
    let out = check(&dir, "de");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("senate-kb: Fehler: "), "{err}");
    assert!(err.contains("unbekannte Person „cory-gardener“"), "{err}");
}

#[test]
fn check_json_lists_problems() {
    let (_tmp, dir) = corpus_copy();
    edit(
        &dir.join("races/co.toml"),
        "person = \"cory-gardner\"",
        "person = \"cory-gardener\"",
    );
    let out = run(&["--json", "--corpus", dir.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["ok"], false);
    let problems = doc["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["kind"] == "unknown-person"
                && p["file"].as_str().unwrap().ends_with("co.toml"))
    );
}

#[test]
fn a_corpus_directory_that_does_not_exist_is_an_error() {
    let out = run(&["--corpus", "/nonexistent/senate-kb-corpus", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/senate-kb-corpus"));
}

/// The pointers of an index directory and every generation directory in it.
fn index_state(index: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(index)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            match std::fs::read_to_string(e.path()) {
                Ok(target) => format!("{name} -> {target}"),
                Err(_) => name,
            }
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_command_refuses_a_broken_corpus() {
    type Damage = fn(&Path);
    let faults: [(&str, &str, Damage); 6] = [
        ("syntax error", "races/ga.toml", |d| {
            edit(&d.join("races/ga.toml"), "[facts.winner]", "[facts.winner")
        }),
        ("wrong type", "races/mt.toml", |d| {
            edit(&d.join("races/mt.toml"), "value = \"MT\"", "value = 42")
        }),
        ("missing file", "races/wy.toml", |d| {
            std::fs::remove_file(d.join("races/wy.toml")).unwrap()
        }),
        ("duplicate id", "people.toml", |d| {
            edit(
                &d.join("people.toml"),
                "id = \"jeff-sessions\"",
                "id = \"barack-obama\"",
            )
        }),
        ("unit without translation", "races/mt.toml", |d| {
            edit(
                &d.join("races/mt.toml"),
                "en = \"At a party convention",
                "en = \"\" # \"At a party convention",
            )
        }),
        ("value missing", "people.toml", |d| {
            edit(&d.join("people.toml"), "name = \"Tom Udall\"", "name = ")
        }),
    ];
    let commands: [&[&str]; 7] = [
        &["check"],
        &["search", "Plagiat"],
        &["race", "mt"],
        &["races"],
        &["stats"],
        &["export"],
        &["index"],
    ];
    // An index built from the sound corpus, which no broken one may replace.
    let (_pristine_tmp, pristine) = corpus_copy();
    let index_tmp = tempfile::tempdir().unwrap();
    let index = index_tmp.path().join("index");
    let with = |corpus: &Path, index: &Path, args: &[&str]| {
        cmd()
            .arg("--corpus")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .args(args)
            .output()
            .unwrap()
    };
    let out = with(&pristine, &index, &["search", "Plagiat"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = index_state(&index);
    for (fault, file, damage) in faults {
        let (_tmp, dir) = corpus_copy();
        damage(&dir);
        let named = dir.join(file).display().to_string();
        for (n, args) in commands.iter().enumerate() {
            // Every other command in German: the refusal is localized.
            let (lang, prefix) = if n % 2 == 0 {
                ("en", "senate-kb: error: ")
            } else {
                ("de", "senate-kb: Fehler: ")
            };
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let out = with(&dir, &index, &all);
            let err = stderr(&out);
            let label = format!("{fault}: {}", args.join(" "));
            assert_eq!(out.status.code(), Some(2), "{label}: {err}");
            assert!(err.contains(&named), "{label}: {named} not named: {err}");
            assert!(err.contains(prefix), "{label}: {err}");
            assert!(stdout(&out).is_empty(), "{label} printed: {}", stdout(&out));
        }
        assert_eq!(index_state(&index), before, "{fault}: the index changed");
    }
    let out = with(&pristine, &index, &["--json", "search", "Plagiat"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["hits"][0]["id"], "mt");
    assert_eq!(index_state(&index), before);
}
