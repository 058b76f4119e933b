//! `person` on the real binary, in both languages: which people a name finds and the races
//! each of them appears in, the JSON shape of the contract, whole answers compared with
//! `tests/golden/person-*.txt`, names nobody has, colour, the parallel view, and search's
//! `person:` filter, which resolves names the same way.
//!
//! Every expectation here was derived from the corpus by reading it (the race files' people
//! and roles, the units that name each person), not taken from the program's output. The
//! golden files were written the same way; only their line breaks are the program's, and
//! `golden_sentences_are_the_corpus_units` checks that the sentences they quote are exactly
//! the corpus units, in order.

mod common;

use common::*;
use serde_json::{Value, json};

/// The JSON answer to `person <query>` and the exit status.
fn person_json(lang: &str, query: &str) -> (Value, Option<i32>) {
    let out = answer(lang, &["--json", "person", query]);
    let value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("{query}: {e}: {}", stdout(&out)));
    (value, out.status.code())
}

/// Each person found, with the documents they appear in, in order.
fn found(value: &Value) -> Vec<(String, Vec<String>)> {
    value["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let races = p["races"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            (p["id"].as_str().unwrap().to_string(), races)
        })
        .collect()
}

/// What a lookup must find: each person and the documents they appear in.
type Want = &'static [(&'static str, &'static [&'static str])];

/// The lookups: full names, surnames, first names, middle names, aliases, nicknames, case,
/// diacritics, genitives, typos, several people for one name. The people come best first;
/// equally good ones in the registry's order, which is the article's.
const LOOKUPS: [(&str, Want); 40] = [
    // Full names, any case, with or without initials.
    ("Tom Udall", &[("tom-udall", &["nm"])]),
    ("tom udall", &[("tom-udall", &["nm"])]),
    ("TOM UDALL", &[("tom-udall", &["nm"])]),
    ("tom-udall", &[("tom-udall", &["nm"])]),
    ("Udall Tom", &[("tom-udall", &["nm"])]),
    ("John Sununu", &[("john-e-sununu", &["nh"])]),
    ("John E. Sununu", &[("john-e-sununu", &["nh"])]),
    ("T. W. Shannon", &[("t-w-shannon", &["ok-special"])]),
    ("Shelley Moore Capito", &[("shelley-moore-capito", &["wv"])]),
    // The article's spelling, the nickname it gives, aliases.
    ("Connie Johnson", &[("connie-johnson", &["ok-special"])]),
    (
        "Constance N. („Connie“) Johnson",
        &[("connie-johnson", &["ok-special"])],
    ),
    ("Constance Johnson", &[("connie-johnson", &["ok-special"])]),
    ("Alison Grimes", &[("alison-lundergan-grimes", &["ky"])]),
    ("Richard Durbin", &[("dick-durbin", &["il"])]),
    // Surnames, also in the genitive and with diacritics.
    ("Landrieu", &[("mary-landrieu", &["la"])]),
    ("Merkley", &[("jeff-merkley", &["or"])]),
    ("Capito", &[("shelley-moore-capito", &["wv"])]),
    ("Grimes", &[("alison-lundergan-grimes", &["ky"])]),
    ("Shannon", &[("t-w-shannon", &["ok-special"])]),
    ("McConnells", &[("mitch-mcconnell", &["ky"])]),
    ("Obama's", OBAMA),
    ("ÍNHOFE", &[("jim-inhofe", &["ok", "ok-special"])]),
    ("Inouyé", &[("daniel-inouye", &["hi-special"])]),
    ("Obama", OBAMA),
    // Middle and maiden names.
    ("Moore", &[("shelley-moore-capito", &["wv"])]),
    ("Lundergan", &[("alison-lundergan-grimes", &["ky"])]),
    // Typos: one edit from five letters, two from nine.
    ("Merkly", &[("jeff-merkley", &["or"])]),
    ("Landreiu", &[("mary-landrieu", &["la"])]),
    ("McConell", &[("mitch-mcconnell", &["ky"])]),
    ("Rockefelle", &[("jay-rockefeller", &["wv"])]),
    ("Mitch McConnel", &[("mitch-mcconnell", &["ky"])]),
    // Several people: all of them, best first.
    (
        "Udall",
        &[("mark-udall", &["co", "nm"]), ("tom-udall", &["nm"])],
    ),
    (
        "Johnson",
        &[
            ("connie-johnson", &["ok-special"]),
            ("tim-johnson", &["sd"]),
        ],
    ),
    (
        "Scott",
        &[("tim-scott", &["sc-special"]), ("scott-brown", &["nh"])],
    ),
    (
        "Mark",
        &[
            ("mark-begich", &["ak"]),
            ("mark-pryor", &["ar"]),
            ("mark-udall", &["co", "nm"]),
            ("mark-harris", &["nc"]),
            ("mark-zaccaria", &["ri"]),
            ("mark-warner", &["va"]),
        ],
    ),
    (
        "Jim",
        &[
            ("jim-risch", &["id"]),
            ("jim-oberweis", &["il"]),
            ("jim-rubens", &["nh"]),
            ("jim-inhofe", &["ok", "ok-special"]),
            ("jim-demint", &["sc-special"]),
        ],
    ),
    (
        "Tom",
        &[
            ("tom-cotton", &["ar"]),
            ("tom-harkin", &["ia"]),
            ("tom-udall", &["nm"]),
            ("tom-coburn", &["ok-special"]),
        ],
    ),
    // Thomas Ravenel by name, then the Toms, who are Thomas by alias.
    (
        "Thomas",
        &[
            ("thomas-ravenel", &["sc"]),
            ("tom-cotton", &["ar"]),
            ("tom-harkin", &["ia"]),
            ("tom-udall", &["nm"]),
            ("tom-coburn", &["ok-special"]),
        ],
    ),
    // Jonson is one edit from both Johnsons.
    (
        "Jonson",
        &[
            ("connie-johnson", &["ok-special"]),
            ("tim-johnson", &["sd"]),
        ],
    ),
    ("Mitt Romney", &[("mitt-romney", &["ne", "nc"])]),
];

/// Barack Obama: the overview and five races name him.
const OBAMA: &[(&str, &[&str])] = &[(
    "barack-obama",
    &["overview", "ma", "ne", "nj", "nc", "sc-special"],
)];

#[test]
fn lookups_find_exactly_these_people_and_races() {
    let mut problems = Vec::new();
    for (query, want) in LOOKUPS {
        let want: Vec<(String, Vec<String>)> = want
            .iter()
            .map(|(id, docs)| (id.to_string(), docs.iter().map(|d| d.to_string()).collect()))
            .collect();
        for lang in ["en", "de"] {
            let (value, code) = person_json(lang, query);
            let got = found(&value);
            if got != want || code != Some(0) {
                problems.push(format!("{lang} {query:?} (exit {code:?}): {got:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn names_nobody_has_are_exit_1_with_a_localized_message() {
    for (lang, query, message) in [
        (
            "en",
            "Schwarzenegger",
            "nobody named “Schwarzenegger” appears in the knowledge base\n",
        ),
        (
            "de",
            "Schwarzenegger",
            "niemand namens „Schwarzenegger“ kommt in der Wissensbasis vor\n",
        ),
        // Too far for a typo (two edits at eight letters), close enough to suggest.
        (
            "en",
            "Merklyyy",
            "nobody named “Merklyyy” appears in the knowledge base; did you mean “Jeff Merkley”?\n",
        ),
        (
            "de",
            "Merklyyy",
            "niemand namens „Merklyyy“ kommt in der Wissensbasis vor; meinten Sie „Jeff Merkley“?\n",
        ),
        // Four letters allow no typo.
        (
            "en",
            "Udal",
            "nobody named “Udal” appears in the knowledge base; did you mean “Mark Udall”, “Tom Udall”?\n",
        ),
    ] {
        let out = answer(lang, &["person", query]);
        assert_eq!(out.status.code(), Some(1), "{lang} {query}");
        assert_eq!(stdout(&out), "", "{lang} {query}");
        assert_eq!(stderr(&out), message, "{lang} {query}");
        let (value, code) = person_json(lang, query);
        assert_eq!(code, Some(1));
        assert_eq!(value, json!({"query": query, "lang": lang, "people": []}));
    }
    // Input is shown safely.
    let out = answer("en", &["person", "\u{1b}[31mX"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains('\u{1b}'), "{}", stderr(&out));
}

#[test]
fn a_misspelt_name_says_it_shows_the_closest() {
    for (lang, query, first) in [
        (
            "en",
            "Merkly",
            "Nobody is named “Merkly”; the closest name:",
        ),
        (
            "de",
            "Merkly",
            "Niemand heißt „Merkly“; der ähnlichste Name:",
        ),
        (
            "en",
            "Jonson",
            "Nobody is named “Jonson”; the closest names, best first:",
        ),
        (
            "de",
            "Jonson",
            "Niemand heißt „Jonson“; die ähnlichsten Namen, der beste zuerst:",
        ),
        (
            "en",
            "Udall",
            "2 people answer to “Udall”, the best match first:",
        ),
        (
            "de",
            "Mark",
            "6 Personen passen zu „Mark“, die beste Übereinstimmung zuerst:",
        ),
    ] {
        let text = ok(lang, &["person", query]);
        assert_eq!(text.lines().next(), Some(first), "{lang} {query}");
        assert_eq!(text.lines().nth(1), Some(""), "{lang} {query}");
    }
    // One person found by name: no such line.
    let text = ok("en", &["person", "Merkley"]);
    assert!(text.starts_with("Jeff Merkley — "), "{text}");
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [&["person"][..], &["person", "Udall", "--bogus"]] {
        let out = answer("en", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("Usage: senate-kb person [OPTIONS] <NAME>..."),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = answer("de", &["person"]);
    assert!(stderr(&out).contains("Aufruf: senate-kb person [OPTIONEN] <NAME>..."));
}

#[test]
fn json_is_the_contract() {
    let (value, code) = person_json("en", "Udall");
    assert_eq!(code, Some(0));
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["lang", "people", "query"]);
    assert_eq!(value["query"], "Udall");
    assert_eq!(value["lang"], "en");
    // The contract's keys, with these values.
    let contract: Vec<Value> = value["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let races: Vec<Value> = p["races"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json!({"id": r["id"], "roles": r["roles"]}))
                .collect();
            json!({"id": p["id"], "name": p["name"], "party": p["party"], "races": races})
        })
        .collect();
    assert_eq!(
        contract,
        [
            json!({"id": "mark-udall", "name": "Mark Udall", "party": "D",
                   "races": [{"id": "co", "roles": ["incumbent", "candidate"]},
                             {"id": "nm", "roles": ["mentioned"]}]}),
            json!({"id": "tom-udall", "name": "Tom Udall", "party": "D",
                   "races": [{"id": "nm", "roles": ["incumbent", "candidate", "winner"]}]}),
        ]
    );
    // More: what they were, how the name matched, the race, the sentences that name them.
    let mark = &value["people"][0];
    assert_eq!(mark["party_name"], "Democrat");
    assert_eq!(mark["standing"], "incumbent");
    assert_eq!(
        mark["description"],
        "U.S. Senator from Colorado (incumbent)"
    );
    assert_eq!(mark["match"], "words");
    let nm = &mark["races"][1];
    assert_eq!(nm["kind"], "race");
    assert_eq!(nm["title"], "New Mexico");
    assert_eq!(nm["roles_text"], "mentioned");
    assert_eq!(nm["outcome"], "hold");
    assert_eq!(
        nm["winner"],
        json!({"id": "tom-udall", "name": "Tom Udall", "party": "D"})
    );
    let (_, de, en) = &units("nm")[2];
    assert_eq!(
        nm["sentences"],
        json!([{"unit": 3, "paragraph": 1, "de": de, "en": en}])
    );
    let unit_numbers = |p: &Value, r: usize| -> Vec<u64> {
        p["races"][r]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["unit"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(unit_numbers(mark, 0), [1, 4]);
    assert_eq!(unit_numbers(&value["people"][1], 0), [1, 3, 6, 7]);
    // Display strings follow the language; keys and ids do not.
    let (de_value, _) = person_json("de", "Landrieu");
    let mary = &de_value["people"][0];
    assert_eq!(mary["party_name"], "Demokratin");
    assert_eq!(
        mary["description"],
        "US-Senatorin für Louisiana (Amtsinhaberin)"
    );
    assert_eq!(mary["races"][0]["roles_text"], "Amtsinhaberin, Kandidatin");
    assert_eq!(mary["races"][0]["roles"], json!(["incumbent", "candidate"]));
    // The overview is a document too, without a race's facts.
    let (obama, _) = person_json("en", "Obama");
    let overview = &obama["people"][0]["races"][0];
    assert_eq!(overview["id"], "overview");
    assert_eq!(overview["kind"], "overview");
    assert_eq!(overview["outcome"], Value::Null);
    assert_eq!(overview["summary"], Value::Null);
    assert_eq!(
        overview["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["unit"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [8, 14]
    );
}

#[test]
fn what_each_person_was_in_both_languages() {
    for (query, en, de) in [
        (
            "Mark Udall",
            "Mark Udall — Democrat, U.S. Senator from Colorado (incumbent)",
            "Mark Udall — Demokrat, US-Senator für Colorado (Amtsinhaber)",
        ),
        (
            "Tim Scott",
            "Tim Scott — Republican, U.S. Senator from South Carolina (incumbent)",
            "Tim Scott — Republikaner, US-Senator für South Carolina (Amtsinhaber)",
        ),
        (
            "Joni Ernst",
            "Joni Ernst — Republican, elected U.S. Senator from Iowa",
            "Joni Ernst — Republikanerin, zur US-Senatorin für Iowa gewählt",
        ),
        (
            "Dan Sullivan",
            "Dan Sullivan — Republican, elected U.S. Senator from Alaska",
            "Dan Sullivan — Republikaner, zum US-Senator für Alaska gewählt",
        ),
        (
            "Mary Fallin",
            "Mary Fallin — Republican, Governor of Oklahoma",
            "Mary Fallin — Republikanerin, Gouverneurin von Oklahoma",
        ),
        (
            "Neil Abercrombie",
            "Neil Abercrombie — Democrat, Governor of Hawaii",
            "Neil Abercrombie — Demokrat, Gouverneur von Hawaii",
        ),
        (
            "Ted Stevens",
            "Ted Stevens — Republican, former U.S. Senator from Alaska",
            "Ted Stevens — Republikaner, ehemaliger US-Senator für Alaska",
        ),
        (
            "Michelle Nunn",
            "Michelle Nunn — Democrat, candidate for the U.S. Senate in Georgia",
            "Michelle Nunn — Demokratin, Kandidatin für den US-Senat in Georgia",
        ),
        (
            "Greg Orman",
            "Greg Orman — independent, candidate for the U.S. Senate in Kansas",
            "Greg Orman — Unabhängiger, Kandidat für den US-Senat in Kansas",
        ),
        (
            "Chad Taylor",
            "Chad Taylor — Democrat, withdrew as a candidate for the U.S. Senate in Kansas",
            "Chad Taylor — Demokrat, Kandidatur für den US-Senat in Kansas zurückgezogen",
        ),
        (
            "Sid Dinsdale",
            "Sid Dinsdale — Republican, lost the primary for the U.S. Senate in Nebraska",
            "Sid Dinsdale — Republikaner, in der Vorwahl für den US-Senat in Nebraska unterlegen",
        ),
        (
            "Barack Obama",
            "Barack Obama — Democrat, mentioned in the overview and in 5 races",
            "Barack Obama — Demokrat, in der Übersicht und in 5 Rennen erwähnt",
        ),
        (
            "Mitt Romney",
            "Mitt Romney — Republican, mentioned in 2 races",
            "Mitt Romney — Republikaner, in 2 Rennen erwähnt",
        ),
        (
            "Alan Keyes",
            "Alan Keyes — Republican, mentioned in one race",
            "Alan Keyes — Republikaner, in einem Rennen erwähnt",
        ),
    ] {
        for (lang, want) in [("en", en), ("de", de)] {
            let text = cmd()
                .env("COLUMNS", "200")
                .args(["--lang", lang, "--color", "never", "person", query])
                .output()
                .unwrap();
            let first = stdout(&text).lines().next().unwrap_or("").to_string();
            assert_eq!(first, want, "{lang} {query}");
        }
    }
}

#[test]
fn roles_are_gendered_in_german() {
    for (query, en, de) in [
        (
            "Nikki Haley",
            "  South Carolina (special election) — governor",
            "  South Carolina (Sonderwahl) — Gouverneurin",
        ),
        (
            "Shelley Moore Capito",
            "  West Virginia — candidate, winner",
            "  West Virginia — Kandidatin, Siegerin",
        ),
        (
            "John Walsh",
            "  Montana — incumbent, appointed to the seat, withdrew",
            "  Montana — Amtsinhaber, auf den Sitz ernannt, Kandidatur zurückgezogen",
        ),
    ] {
        for (lang, want) in [("en", en), ("de", de)] {
            let text = ok(lang, &["person", query]);
            assert!(text.lines().any(|l| l == want), "{lang} {query}:\n{text}");
        }
    }
}

/// Units of the corpus: (document, unit from 1).
type Quoted = &'static [(&'static str, usize)];

/// The golden answers and the units each quotes, per person, in order.
const GOLDEN: [(&str, &str, Quoted); 2] = [
    (
        "Udall",
        "person-udall",
        // Mark Udall: Colorado 1 and 4, New Mexico 3; Tom Udall: New Mexico 1, 3, 6, 7.
        &[
            ("co", 1),
            ("co", 4),
            ("nm", 3),
            ("nm", 1),
            ("nm", 3),
            ("nm", 6),
            ("nm", 7),
        ],
    ),
    ("Landrieu", "person-landrieu", &[("la", 1), ("la", 4)]),
];

#[test]
fn golden_answers() {
    for (query, name, _) in GOLDEN {
        for lang in ["en", "de"] {
            let file = format!("{name}.{lang}.txt");
            assert_same(&ok(lang, &["person", query]), &golden(&file), &file);
        }
    }
}

/// The sentences of an answer: each bullet with its wrapped lines put back together. Checks
/// the width and the hanging indent.
fn bullets(text: &str, columns: usize) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    let mut in_bullet = false;
    for line in text.lines() {
        assert!(line.chars().count() <= columns, "too wide: {line:?}");
        if let Some(start) = line.strip_prefix("    • ") {
            sentences.push(start.to_string());
            in_bullet = true;
        } else if let (true, Some(more)) = (in_bullet, line.strip_prefix("      ")) {
            let last = sentences.last_mut().unwrap();
            // textwrap breaks after a hyphen (`US-` / `Senator`) without a space.
            if !last.ends_with('-') {
                last.push(' ');
            }
            last.push_str(more);
        } else {
            in_bullet = false;
        }
    }
    sentences
}

#[test]
fn golden_sentences_are_the_corpus_units() {
    for (_, name, quoted) in GOLDEN {
        for (lang, de) in [("en", false), ("de", true)] {
            let want: Vec<String> = quoted
                .iter()
                .map(|(doc, unit)| {
                    let (_, de_text, en_text) = units(doc)[unit - 1].clone();
                    if de { de_text } else { en_text }
                })
                .collect();
            let file = format!("{name}.{lang}.txt");
            assert_eq!(bullets(&golden(&file), 100), want, "{file}");
        }
    }
}

#[test]
fn narrow_terminals_wrap_every_line() {
    for columns in [40, 60, 77] {
        let text = stdout(
            &cmd()
                .env("COLUMNS", columns.to_string())
                .args(["--color", "never", "person", "Udall"])
                .output()
                .unwrap(),
        );
        let wide = ok("en", &["person", "Udall"]);
        assert_eq!(bullets(&text, columns), bullets(&wide, 100), "{columns}");
    }
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn colour_highlights_the_names_that_name_them() {
    let coloured = stdout(
        &cmd()
            .env("COLUMNS", "100")
            .args(["--color", "always", "person", "Udall"])
            .output()
            .unwrap(),
    );
    assert_eq!(strip_ansi(&coloured), ok("en", &["person", "Udall"]));
    // The highlighted words: the namings of the person whose sentence it is.
    let start = "\u{1b}[1m\u{1b}[32m";
    let marked: Vec<&str> = coloured
        .split(start)
        .skip(1)
        .map(|rest| rest.split('\u{1b}').next().unwrap())
        .collect();
    assert_eq!(
        marked,
        [
            "Mark Udall",
            "Udall",
            "Mark Udall",
            "Tom Udall",
            "Tom Udall",
            "Udall",
            "Udall"
        ]
    );
    let never = stdout(
        &cmd()
            .env("NO_COLOR", "1")
            .args(["person", "Udall"])
            .output()
            .unwrap(),
    );
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn parallel_shows_the_german_beside_the_english() {
    let text = ok("de", &["person", "Landrieu", "--parallel"]);
    let (head, table) = text.split_once("\n    Deutsch").expect("a header row");
    // Above the table: the person and the race, as without --parallel.
    let plain = ok("de", &["person", "Landrieu"]);
    assert!(plain.starts_with(head), "{head}");
    assert!(table.trim_start().starts_with("│ Englisch\n"), "{table}");
    let mut pairs = vec![(String::new(), String::new())];
    for line in table.lines().skip(1) {
        assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        let (left, right) = line.split_once(" │").expect("two columns");
        let (left, right) = (left.trim(), right.trim());
        if left.is_empty() && right.is_empty() {
            pairs.push((String::new(), String::new()));
            continue;
        }
        let pair = pairs.last_mut().unwrap();
        for (column, part) in [(&mut pair.0, left), (&mut pair.1, right)] {
            if !part.is_empty() {
                if !column.is_empty() && !column.ends_with('-') {
                    column.push(' ');
                }
                column.push_str(part);
            }
        }
    }
    let la = units("la");
    let want: Vec<(String, String)> = [1, 4]
        .iter()
        .map(|&u| (la[u - 1].1.clone(), la[u - 1].2.clone()))
        .collect();
    assert_eq!(pairs, want);
}

#[test]
fn help_in_both_languages() {
    let en = ok("en", &["person", "--help"]);
    assert!(en.starts_with(
        "Every race a politician appears in: their roles, the outcome and the sentences that name them\n\nUsage: senate-kb person [OPTIONS] <NAME>...\n"
    ), "{en}");
    assert!(en.contains("\n      --parallel "), "{en}");
    let de = ok("de", &["person", "--help"]);
    assert!(de.starts_with(
        "Jedes Rennen, in dem eine Person vorkommt: ihre Rollen, der Ausgang und die Sätze, die sie nennen\n\nAufruf: senate-kb person [OPTIONEN] <NAME>...\n"
    ), "{de}");
    for (lang, text) in [("en", &en), ("de", &de)] {
        assert!(text.contains("(tom udall)"), "{lang}: {text}");
    }
    let root = ok("de", &["--help"]);
    assert!(root.contains("\n  person  Jedes Rennen"), "{root}");
}

/// The ids of the hits of a JSON search.
fn search_ids(index: &std::path::Path, query: &str) -> (Vec<String>, Option<i32>) {
    let out = cmd()
        .args(["--json", "--index"])
        .arg(index)
        .args(["search", query])
        .output()
        .unwrap();
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut ids: Vec<String> = value["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    (ids, out.status.code())
}

#[test]
fn search_filters_resolve_names_as_person_does() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    for (query, want) in [
        ("person:udall", &["co", "nm"][..]),
        ("person:\"tom udall\"", &["nm"]),
        ("person:\"mark udall\"", &["co", "nm"]),
        ("person:merkly", &["or"]),
        ("person:moore", &["wv"]),
        ("person:mcconnells", &["ky"]),
        ("person:inhofe", &["ok", "ok-special"]),
        (
            "person:obama",
            &["ma", "nc", "ne", "nj", "overview", "sc-special"],
        ),
    ] {
        let (ids, code) = search_ids(&index, query);
        assert_eq!(code, Some(0), "{query}");
        assert_eq!(ids, want, "{query}");
    }
    let (ids, code) = search_ids(&index, "person:schwarzenegger");
    assert_eq!((ids.len(), code), (0, Some(1)));
}
