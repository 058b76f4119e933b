//! Search that knows what the knowledge base knows, on the real binary: a result question
//! answered first (the text's first line, JSON's `answer`), in both languages; no answer where
//! the question names no single race; the partial-match notice on stdout above the hits, in the
//! user's language; and a partial match never leaving out the only word that names a state, a
//! person or a party.

mod common;

use std::collections::BTreeMap;

use common::{cmd, index, parallel, stdout};
use serde::Deserialize;

/// The judged queries, as far as this test reads them.
#[derive(Debug, Deserialize)]
struct Set {
    query: Vec<Judged>,
}

#[derive(Debug, Deserialize)]
struct Judged {
    class: String,
    text: String,
    judged: BTreeMap<String, u8>,
    #[serde(default)]
    answer: Option<String>,
}

fn judged() -> Vec<Judged> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/judged/queries.toml");
    toml::from_str::<Set>(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .query
}

/// `search --json` in a language.
fn search_json(index: &str, lang: &str, text: &str) -> serde_json::Value {
    let out = cmd()
        .args([
            "--index", index, "--lang", lang, "--json", "search", "--", text,
        ])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Every judged question with an answer gets it, the race's id and its summary in the output
/// language (the `race` command's summary), in both languages; every judged question that
/// names no single race (two Oklahoma or South Carolina races, the majority) gets none.
#[test]
fn result_questions_are_answered_with_their_race() {
    let index = index().to_str().unwrap();
    let questions: Vec<Judged> = judged()
        .into_iter()
        .filter(|q| q.class == "question")
        .collect();
    let answered = questions.iter().filter(|q| q.answer.is_some()).count();
    assert!(answered >= 20, "{answered} judged questions with an answer");
    let cases: Vec<(&Judged, &str)> = questions
        .iter()
        .flat_map(|q| [(q, "de"), (q, "en")])
        .collect();
    let results = parallel(&cases, 4, |(q, lang)| {
        let json = search_json(index, lang, &q.text);
        let answer = &json["answer"];
        match &q.answer {
            Some(id) => {
                if answer["id"] != id.as_str() {
                    return Err(format!("{:?} ({lang}): answer {answer}, not {id}", q.text));
                }
                let race = cmd()
                    .args(["--index", index, "--lang", lang, "--json", "race", id])
                    .output()
                    .unwrap();
                let race: serde_json::Value = serde_json::from_slice(&race.stdout).unwrap();
                if answer["summary"] != race["summary"] {
                    return Err(format!("{:?} ({lang}): summary {answer}", q.text));
                }
            }
            // Questions about several races or about no race get no answer.
            None if q.judged.values().filter(|&&g| g == 3).count() > 1 && !answer.is_null() => {
                return Err(format!("{:?} ({lang}): answered {answer}", q.text));
            }
            None => {}
        }
        Ok(())
    });
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// As text, the answer is the first line: the race's summary in the user's language, before
/// the hits; a query that is no question gets none.
#[test]
fn the_answer_is_the_first_line() {
    let index = index().to_str().unwrap();
    for (lang, question, summary_start) in [
        ("en", "who won Iowa", "Joni Ernst (Republican) won Iowa"),
        (
            "de",
            "wer hat in Iowa gewonnen",
            "Joni Ernst (Republikanerin) gewann in Iowa",
        ),
        (
            "en",
            "Wahlsieger Kentucky",
            "Mitch McConnell (Republican) won Kentucky",
        ),
        (
            "de",
            "did Mitch McConnell win",
            "Mitch McConnell (Republikaner) gewann in Kentucky",
        ),
    ] {
        let out = cmd()
            .args([
                "--index", index, "--lang", lang, "--color", "never", "search", question,
            ])
            .output()
            .unwrap();
        let text = stdout(&out);
        // The first paragraph (wrapped to the width), before the hits.
        let first = text
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .replace('\n', " ");
        assert!(first.starts_with(summary_start), "{question}: {text}");
        assert!(!first.contains('['), "{question}: {text}");
    }
    let out = cmd()
        .args([
            "--index", index, "--lang", "en", "--color", "never", "search", "Iowa",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("Iowa [ia]"), "{text}");
}

/// When no race holds every word, the text says so on stdout above the hits, in the user's
/// language, naming the words left out; JSON keeps them in `relaxed`.
#[test]
fn a_partial_match_says_so_above_its_hits() {
    let index = index().to_str().unwrap();
    for (lang, notice) in [
        ("en", "Nothing matches every word"),
        ("de", "Nichts enthält alle Wörter"),
    ] {
        let out = cmd()
            .args([
                "--index", index, "--lang", lang, "--color", "never", "search",
            ])
            .args(["who", "replaced", "Max", "Baucus"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(notice), "{lang}: {text}");
        assert!(first.contains("replaced"), "{lang}: {text}");
        assert!(text.contains("Montana [mt]"), "{lang}: {text}");
    }
    let json = search_json(index, "en", "who replaced Max Baucus");
    assert_eq!(json["relaxed"]["without"], serde_json::json!(["replaced"]));
}

/// A partial match leaves out words that name nothing before words that name a state, a
/// person or a party, and never the only such word: the race named stays found, even where
/// the word that names nothing is the rarer (`Plagiat`: Montana only; `Udall`: two races).
#[test]
fn a_partial_match_keeps_the_word_that_names_something() {
    let index = index().to_str().unwrap();
    for (lang, text, named, race) in [
        ("en", "Iowa senate scandal yesterday", "Iowa", "ia"),
        ("de", "Skandal gestern Montana Bestechung", "Montana", "mt"),
        // Each word in a race of its own: the rarer one is no name, and goes.
        ("en", "Udall Plagiat", "Udall", "co"),
        ("de", "Landrieu Plagiat", "Landrieu", "la"),
    ] {
        let json = search_json(index, lang, text);
        let relaxed = &json["relaxed"];
        assert!(!relaxed.is_null(), "{text}: {json}");
        let without = relaxed["without"].as_array().unwrap();
        assert!(
            !without.iter().any(|w| w == named),
            "{text}: left out {without:?}"
        );
        let first = &relaxed["hits"][0]["id"];
        assert!(
            relaxed["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["id"] == race),
            "{text}: {first} …"
        );
    }
}
