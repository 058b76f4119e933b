//! The answers of `race`, `races` and `stats` on the real binary, in both languages.
//!
//! Whole outputs are compared with `tests/golden/*.txt`. Those files were written from the
//! corpus facts and the source article, not copied from the program: names, parties, numbers
//! per language (`48,2 %`, `48.2%`), German gender and case, plurals. The one thing taken
//! over from the program is where the narrative's lines break (textwrap's choice);
//! `golden_narratives_are_the_corpus_text` checks that those lines put back together are
//! exactly the corpus units, in order, and fit the width.
//!
//! Also here: help, unknown and ambiguous races, the JSON shapes of the contract, colour, the
//! parallel view and the `races` filters.

mod common;

use common::*;
use serde_json::{Value, json};

/// Stderr of a run that must fail with `code` and print nothing on stdout.
fn fails(lang: &str, args: &[&str], code: i32) -> String {
    let out = answer(lang, args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    assert_eq!(stdout(&out), "", "{args:?}: stdout");
    stderr(&out)
}

#[test]
fn golden_answers() {
    for (args, name) in [
        (&["race", "mt"][..], "race-mt"),
        (&["race", "co"], "race-co"),
        (&["races", "--outcome", "gain"], "races-gain"),
        (&["stats"], "stats"),
    ] {
        for lang in ["en", "de"] {
            let file = format!("{name}.{lang}.txt");
            assert_same(&ok(lang, args), &golden(&file), &file);
        }
    }
}

/// Whether a line break between a line ending in `last` and one starting with `first` splits
/// what must stay together: a number from its percent sign (`48,2` / `%`), a day from its
/// month (`7.` / `August`, `August` / `7`).
fn splits_a_unit(last: &str, first: &str) -> bool {
    const MONTHS_DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day = |w: &str| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit());
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':', ')']).to_string();
    first.starts_with('%')
        || (last.strip_suffix('.').is_some_and(day) && MONTHS_DE.contains(&bare(first).as_str()))
        || (MONTHS_EN.contains(&last) && day(&bare(first)))
}

/// The narrative of a race answer, put back together: paragraphs of unwrapped text. Checks
/// the indent, the width (`columns`) and that no line break splits a unit or a date.
fn narrative_at(text: &str, columns: usize) -> Vec<String> {
    let (_, body) = text.split_once("\nText\n").expect("a Text section");
    body.trim_end_matches('\n')
        .split("\n\n")
        .map(|paragraph| {
            let mut joined = String::new();
            let mut last_word = "";
            for line in paragraph.lines() {
                assert!(
                    line.starts_with("  ") && !line.starts_with("   "),
                    "indent: {line:?}"
                );
                assert!(line.chars().count() <= columns - 2, "too wide: {line:?}");
                let first_word = line.split_whitespace().next().unwrap_or("");
                assert!(
                    !splits_a_unit(last_word, first_word),
                    "broken between {last_word:?} and {first_word:?} at {columns} columns"
                );
                last_word = line.split_whitespace().last().unwrap_or("");
                // textwrap breaks after a hyphen (`US-` / `Senator`) without a space.
                let hyphen = joined.ends_with('-');
                if !joined.is_empty() && !hyphen {
                    joined.push(' ');
                }
                joined.push_str(&line[2..]);
            }
            joined
        })
        .collect()
}

/// The narrative of a golden race file (100 columns).
fn narrative(text: &str) -> Vec<String> {
    narrative_at(text, 100)
}

/// A race's paragraphs in the corpus, in German or English: its units joined by spaces.
fn paragraphs(id: &str, de: bool) -> Vec<String> {
    let mut paragraphs: Vec<(i64, Vec<String>)> = Vec::new();
    for (p, de_text, en_text) in units(id) {
        let text = if de { de_text } else { en_text };
        match paragraphs.last_mut() {
            Some((last, texts)) if *last == p => texts.push(text),
            _ => paragraphs.push((p, vec![text])),
        }
    }
    paragraphs.into_iter().map(|(_, t)| t.join(" ")).collect()
}

#[test]
fn golden_narratives_are_the_corpus_text() {
    for id in ["mt", "co"] {
        for (lang, de) in [("en", false), ("de", true)] {
            let want = paragraphs(id, de);
            let file = format!("race-{id}.{lang}.txt");
            assert_eq!(narrative(&golden(&file)), want, "{file}");
        }
    }
}

#[test]
fn help_is_in_one_language() {
    let english = [
        "Usage:",
        "Options:",
        "Commands:",
        "Arguments:",
        "Print help",
        "[default:",
    ];
    let german = [
        "Aufruf:",
        "Optionen:",
        "Befehle:",
        "Argumente:",
        "Hilfe anzeigen",
        "[Vorgabe:",
    ];
    for (lang, own, other) in [("en", english, german), ("de", german, english)] {
        let root = ok(lang, &["--help"]);
        let race = ok(lang, &["race", "--help"]);
        for word in other {
            assert!(!root.contains(word), "{lang} --help has {word:?}:\n{root}");
            assert!(
                !race.contains(word),
                "{lang} race --help has {word:?}:\n{race}"
            );
        }
        for heading in [own[0], own[1], own[2]] {
            assert!(
                root.contains(&format!("\n{heading}")),
                "{lang}: {heading}\n{root}"
            );
        }
        for heading in [own[0], own[1], own[3]] {
            assert!(
                race.contains(&format!("\n{heading}")),
                "{lang}: {heading}\n{race}"
            );
        }
        for command in ["race", "races", "stats", "check", "export"] {
            assert!(
                root.contains(&format!("\n  {command} ")),
                "{command}\n{root}"
            );
        }
    }
    let de = ok("de", &["race", "--help"]);
    assert!(
        de.starts_with("Ein Rennen: Fakten, Personen und der ganze Text\n\nAufruf: senate-kb race [OPTIONEN] <RENNEN>...\n"),
        "{de}"
    );
    let en = ok("en", &["race", "--help"]);
    assert!(
        en.starts_with("One race: facts, people and the full narrative\n\nUsage: senate-kb race [OPTIONS] <RACE>...\n"),
        "{en}"
    );
}

#[test]
fn unknown_races_are_errors_with_suggestions() {
    for (lang, query, want) in [
        (
            "en",
            "Montan",
            "senate-kb: error: there is no race “Montan”; did you mean mt (Montana)?\n",
        ),
        (
            "de",
            "Montan",
            "senate-kb: Fehler: es gibt kein Rennen „Montan“; meinten Sie mt (Montana)?\n",
        ),
        (
            "en",
            "Kentuky",
            "senate-kb: error: there is no race “Kentuky”; did you mean ky (Kentucky)?\n",
        ),
        (
            "de",
            "Kentuky",
            "senate-kb: Fehler: es gibt kein Rennen „Kentuky“; meinten Sie ky (Kentucky)?\n",
        ),
        (
            "en",
            "xx",
            "senate-kb: error: there is no race “xx”; did you mean tx (Texas)?\n",
        ),
        // A state whose election is not the one asked for: its races (Hawaii held only
        // the special election, Montana only the regular one).
        (
            "en",
            "Hawaii regular",
            "senate-kb: error: there is no race “Hawaii regular”; did you mean hi-special (Hawaii (special election))?\n",
        ),
        (
            "de",
            "Hawaii regulär",
            "senate-kb: Fehler: es gibt kein Rennen „Hawaii regulär“; meinten Sie hi-special (Hawaii (Sonderwahl))?\n",
        ),
        (
            "en",
            "Montana special",
            "senate-kb: error: there is no race “Montana special”; did you mean mt (Montana)?\n",
        ),
        (
            "de",
            "Montan Sonderwahl",
            "senate-kb: Fehler: es gibt kein Rennen „Montan Sonderwahl“; meinten Sie mt (Montana)?\n",
        ),
        (
            "de",
            "Atlantis",
            "senate-kb: Fehler: es gibt kein Rennen „Atlantis“\n",
        ),
        (
            "en",
            "Atlantis",
            "senate-kb: error: there is no race “Atlantis”\n",
        ),
    ] {
        assert_eq!(fails(lang, &["race", query], 2), want, "{lang} {query}");
    }
}

#[test]
fn ambiguous_races_list_every_candidate() {
    for (lang, query, want) in [
        (
            "en",
            "Oklahoma",
            "senate-kb: error: “Oklahoma” matches more than one race: ok (Oklahoma), ok-special (Oklahoma (special election)); name one by its id\n",
        ),
        (
            "de",
            "Oklahoma",
            "senate-kb: Fehler: „Oklahoma“ passt auf mehr als ein Rennen: ok (Oklahoma), ok-special (Oklahoma (Sonderwahl)); bitte eines mit seiner Kennung wählen\n",
        ),
        (
            "en",
            "South Carolina",
            "senate-kb: error: “South Carolina” matches more than one race: sc (South Carolina), sc-special (South Carolina (special election)); name one by its id\n",
        ),
        (
            "de",
            "Süd-Carolina",
            "senate-kb: Fehler: „Süd-Carolina“ passt auf mehr als ein Rennen: sc (South Carolina), sc-special (South Carolina (Sonderwahl)); bitte eines mit seiner Kennung wählen\n",
        ),
    ] {
        assert_eq!(fails(lang, &["race", query], 2), want, "{lang} {query}");
    }
    // Two words on the command line are one name.
    let err = fails("en", &["race", "south", "CAROLINA"], 2);
    assert!(err.contains("sc (South Carolina), sc-special"), "{err}");
    // "ue" for "ü" names the state the umlaut does.
    for query in [
        &["sued carolina"][..],
        &["Sued-Carolina"],
        &["sued", "carolina"],
    ] {
        let err = fails("de", &[&["race"][..], query].concat(), 2);
        assert!(
            err.contains("passt auf mehr als ein Rennen: sc (South Carolina), sc-special"),
            "{query:?}: {err}"
        );
    }
    // Only in names that have the umlaut: "ue" stays "ue" elsewhere.
    assert_eq!(
        fails("en", &["race", "Kentuecky"], 2),
        "senate-kb: error: there is no race “Kentuecky”; did you mean ky (Kentucky)?\n"
    );
}

#[test]
fn races_are_found_by_id_or_name_in_either_language_and_any_case() {
    for (query, title) in [
        (&["nord-carolina"][..], "North Carolina"),
        (&["Nordkarolina"], "North Carolina"),
        (&["NC"], "North Carolina"),
        (&["KENTUCKY"], "Kentucky"),
        (&["kentucky"], "Kentucky"),
        (&["OK-SPECIAL"], "Oklahoma (special election)"),
        (&["Oklahoma", "Sonderwahl"], "Oklahoma (special election)"),
        (
            &["South Carolina special"],
            "South Carolina (special election)",
        ),
        (&["new", "hampshire"], "New Hampshire"),
        (&["Hawaii"], "Hawaii (special election)"),
        // Umlauts typed as German keyboards without them do: ue, oe, ae.
        (&["Sueddakota"], "South Dakota"),
        (&["sued-dakota"], "South Dakota"),
        (&["SUED", "DAKOTA"], "South Dakota"),
        (
            &["Sued-Carolina", "Sonderwahl"],
            "South Carolina (special election)",
        ),
        (
            &["suedkarolina", "special"],
            "South Carolina (special election)",
        ),
    ] {
        let text = ok("en", &[&["race"][..], query].concat());
        assert_eq!(text.lines().next(), Some(title), "{query:?}");
    }
    let text = ok("de", &["race", "ok-special"]);
    assert_eq!(text.lines().next(), Some("Oklahoma (Sonderwahl)"));
}

fn json(lang: &str, args: &[&str]) -> Value {
    let text = ok(lang, &[&["--json"][..], args].concat());
    assert_eq!(text.lines().count(), 1, "one JSON document: {text}");
    serde_json::from_str(&text).expect("valid JSON")
}

/// `want`'s keys must be in `got` with equal values; `got` may have more keys.
fn assert_contains(got: &Value, want: &Value, what: &str) {
    for (key, value) in want.as_object().unwrap() {
        assert_eq!(got.get(key), Some(value), "{what}: {key} in {got}");
    }
}

#[test]
fn stats_json_is_the_contract() {
    for lang in ["en", "de"] {
        let stats = json(lang, &["stats"]);
        assert_contains(
            &stats,
            &json!({"races": 36, "special": 3, "seats_before": {"D": 55, "R": 45},
                    "seats_after": {"D": 46, "R": 54}, "gains": {"R": 9}}),
            "stats",
        );
        assert_eq!(stats["defending"], json!({"D": 21, "R": 15}));
    }
}

#[test]
fn race_json_is_the_contract() {
    for lang in ["en", "de"] {
        let race = json(lang, &["race", "co"]);
        assert_contains(
            &race,
            &json!({
                "id": "co", "state": "CO", "state_name": "Colorado", "special": false,
                "winner": {"id": "cory-gardner", "name": "Cory Gardner", "party": "R"},
                "party_before": "D", "outcome": "gain",
                "vote_share": {"percent": 48.2, "qualifier": "exact"},
                "people": [
                    {"id": "mark-udall", "name": "Mark Udall", "party": "D",
                     "roles": ["incumbent", "candidate"]},
                    {"id": "cory-gardner", "name": "Cory Gardner", "party": "R",
                     "roles": ["candidate", "winner"]}
                ],
            }),
            "race co",
        );
        let text = race["text"].as_array().unwrap();
        let corpus = units("co");
        assert_eq!(text.len(), corpus.len());
        for (unit, (_, de, en)) in text.iter().zip(&corpus) {
            assert_eq!(unit["de"], *de);
            assert_eq!(unit["en"], *en);
        }
    }
    // Display strings follow --lang, keys and codes do not.
    let en = json("en", &["race", "ok-special"]);
    let de = json("de", &["race", "ok-special"]);
    assert_eq!(en["title"], "Oklahoma (special election)");
    assert_eq!(de["title"], "Oklahoma (Sonderwahl)");
    assert_eq!(en["special"], true);
    assert_eq!(de["outcome"], "hold");
    assert_eq!(
        de["vote_share"],
        json!({"percent": 68.0, "qualifier": "almost"})
    );
    // Where the article gives a lead instead of a share.
    let ky = json("en", &["race", "ky"]);
    assert_eq!(ky["vote_share"], Value::Null);
    assert_eq!(
        ky["margin"],
        json!({"points": 16.0, "qualifier": "more_than"})
    );
}

#[test]
fn races_json_is_the_contract() {
    let races = json("de", &["races", "--special"]);
    assert_eq!(races["lang"], "de");
    let list = races["races"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["hi-special", "ok-special", "sc-special"]);
    for race in list {
        assert!(race.get("text").is_none(), "races has no text: {race}");
        for key in [
            "state",
            "state_name",
            "special",
            "winner",
            "party_before",
            "outcome",
            "vote_share",
            "people",
        ] {
            assert!(race.get(key).is_some(), "{key} in {race}");
        }
        assert_eq!(race["special"], true);
    }
    let all = json("en", &["races"]);
    assert_eq!(all["lang"], "en");
    let ids: Vec<&str> = all["races"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, RACE_IDS);
}

#[test]
fn races_json_with_nothing_found_is_an_empty_list_and_exit_1() {
    let out = answer(
        "en",
        &["--json", "races", "--outcome", "gain", "--party", "d"],
    );
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc, json!({"lang": "en", "races": []}));
}

#[test]
fn colour_only_when_asked_for() {
    let escape = "\u{1b}[";
    for args in [&["race", "co"][..], &["races"], &["stats"]] {
        let always = cmd()
            .args(["--color", "always"])
            .args(args)
            .output()
            .unwrap();
        assert!(stdout(&always).contains(escape), "{args:?} --color always");
        let forced = cmd()
            .env("NO_COLOR", "1")
            .args(args)
            .args(["--color", "always"])
            .output()
            .unwrap();
        assert!(
            stdout(&forced).contains(escape),
            "{args:?}: always beats NO_COLOR"
        );
        let never = cmd()
            .args(["--color", "never"])
            .args(args)
            .output()
            .unwrap();
        assert!(!stdout(&never).contains('\u{1b}'), "{args:?} --color never");
        let no_color = cmd()
            .env("NO_COLOR", "1")
            .args(["--color", "auto"])
            .args(args)
            .output()
            .unwrap();
        assert!(!stdout(&no_color).contains('\u{1b}'), "{args:?} NO_COLOR");
        // Auto, and stdout is a pipe: no colour either.
        let piped = cmd().args(args).output().unwrap();
        assert!(!stdout(&piped).contains('\u{1b}'), "{args:?} piped");
    }
    // Coloured and plain text say the same.
    let always = stdout(&cmd().args(["--color", "always", "races"]).output().unwrap());
    let never = stdout(&cmd().args(["--color", "never", "races"]).output().unwrap());
    assert_eq!(strip_ansi(&always), never);
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

/// Splits the parallel view into units: the German and English column of each, unwrapped.
fn parallel_units(text: &str, heading: &str) -> Vec<(String, String)> {
    let (_, body) = text.split_once(&format!("\n{heading}\n")).unwrap();
    let mut lines = body.lines();
    let header = lines.next().unwrap();
    let mut units = vec![(String::new(), String::new())];
    for line in lines {
        assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        // `┼` marks a new paragraph.
        let line = line.replace('┼', "│");
        let (left, right) = line.split_once(" │").expect("two columns");
        let (left, right) = (left.trim(), right.trim());
        if left.is_empty() && right.is_empty() {
            units.push((String::new(), String::new()));
            continue;
        }
        let unit = units.last_mut().unwrap();
        for (column, part) in [(&mut unit.0, left), (&mut unit.1, right)] {
            if part.is_empty() {
                continue;
            }
            if !column.is_empty() && !column.ends_with('-') {
                column.push(' ');
            }
            column.push_str(part);
        }
    }
    assert!(header.contains(" │ "), "{header}");
    units
}

#[test]
fn parallel_shows_each_german_unit_beside_its_english() {
    for (lang, heading, header) in [
        ("de", "Text", ("Deutsch", "Englisch")),
        ("en", "Text", ("German", "English")),
    ] {
        let text = ok(lang, &["race", "mt", "--parallel"]);
        let header_line = text
            .split_once(&format!("\n{heading}\n"))
            .unwrap()
            .1
            .lines()
            .next()
            .unwrap();
        let cells: Vec<&str> = header_line.split('│').map(str::trim).collect();
        assert_eq!(cells, [header.0, header.1], "{lang}");
        let got = parallel_units(&text, heading);
        let want: Vec<(String, String)> = units("mt")
            .into_iter()
            .map(|(_, de, en)| (de, en))
            .collect();
        assert_eq!(got, want, "{lang}");
        // Everything above the text is the ordinary answer.
        let plain = ok(lang, &["race", "mt"]);
        let head = |t: &str| {
            t.split_once(&format!("\n{heading}\n"))
                .unwrap()
                .0
                .to_string()
        };
        assert_eq!(head(&text), head(&plain));
    }
}

/// The rows of a `races` table (without the header and the count line).
fn rows(text: &str) -> Vec<String> {
    let (table, count) = text.split_once("\n\n").expect("table, blank line, count");
    assert!(!count.trim().is_empty());
    table.lines().skip(1).map(str::to_string).collect()
}

/// The cells of a table row: columns are separated by at least two spaces.
fn cells(row: &str) -> Vec<&str> {
    row.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn races_party_filter() {
    let text = ok("en", &["races", "--party", "r"]);
    assert_eq!(text, ok("en", &["races", "--party", "R"]));
    let rows = rows(&text);
    assert_eq!(rows.len(), 24, "{text}");
    assert!(text.ends_with("\n\n24 races\n"), "{text}");
    assert!(rows.iter().all(|r| r.contains("  Republican  ")), "{text}");
    // The 24 are exactly the races the corpus gives a Republican winner, in article order.
    let people = toml_file("people.toml");
    let person = |id: &str| {
        people["person"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"].as_str() == Some(id))
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["party"].as_str().unwrap().to_string(),
                )
            })
            .unwrap()
    };
    let republican: Vec<String> = RACE_IDS
        .iter()
        .map(|id| {
            let doc = toml_file(&document_file(id));
            person(doc["facts"]["winner"]["value"].as_str().unwrap())
        })
        .filter(|(_, party)| party == "R")
        .map(|(name, _)| name)
        .collect();
    let winners: Vec<String> = rows.iter().map(|r| cells(r)[1].to_string()).collect();
    assert_eq!(winners, republican);
    let de = ok("de", &["races", "--party", "D"]);
    assert!(de.ends_with("\n\n12 Rennen\n"), "{de}");
    assert!(
        self::rows(&de)
            .iter()
            .all(|r| r.contains("  Demokrat  ") || r.contains("  Demokratin  ")),
        "{de}"
    );
}

#[test]
fn races_special_filter() {
    let en = ok("en", &["races", "--special"]);
    let states: Vec<String> = rows(&en).iter().map(|r| cells(r)[0].to_string()).collect();
    assert_eq!(
        states,
        [
            "Hawaii (special election)",
            "Oklahoma (special election)",
            "South Carolina (special election)"
        ]
    );
    assert!(en.ends_with("\n\n3 races\n"));
    let de = ok("de", &["races", "--special", "--party", "d"]);
    assert_eq!(rows(&de).len(), 1, "{de}");
    assert_eq!(
        cells(&rows(&de)[0]),
        [
            "Hawaii (Sonderwahl)",
            "Brian Schatz",
            "Demokrat",
            "gehalten",
            "fast 70 %"
        ]
    );
    assert!(de.ends_with("\n\n1 Rennen\n"), "{de}");
    let en = ok("en", &["races", "--special", "--party", "d"]);
    assert!(en.ends_with("\n\n1 race\n"), "{en}");
}

#[test]
fn filters_that_leave_nothing_say_so_and_exit_1() {
    for (lang, args, want) in [
        (
            "en",
            &["races", "--outcome", "gain", "--party", "d"][..],
            "No race matches these filters.\n",
        ),
        (
            "de",
            &["races", "--outcome", "gain", "--party", "d"],
            "Kein Rennen passt zu diesen Filtern.\n",
        ),
        (
            "en",
            &["races", "--special", "--outcome", "gain"],
            "No race matches these filters.\n",
        ),
        (
            "de",
            &["races", "--party", "L"],
            "Kein Rennen passt zu diesen Filtern.\n",
        ),
    ] {
        assert_eq!(fails(lang, args, 1), want, "{lang} {args:?}");
    }
}

/// A usage error names the usage of the command it is about, not the top-level one, also
/// where clap gives none (an invalid value) and after global options with values.
#[test]
fn a_usage_error_shows_the_usage_of_its_command() {
    for (lang, args, want) in [
        (
            "en",
            &["races", "--party", "x"][..],
            "senate-kb: error: invalid value “x” for --party <PARTY>; possible values: D, R, I, L\n\
             \n\
             Usage: senate-kb races [OPTIONS]\n\
             \n\
             For more information, try “--help”.\n",
        ),
        (
            "de",
            &["--color", "never", "races", "--party", "x"],
            "senate-kb: Fehler: ungültiger Wert „x“ für --party <PARTEI>; mögliche Werte: D, R, I, L\n\
             \n\
             Aufruf: senate-kb races [OPTIONEN]\n\
             \n\
             Mehr dazu mit „--help“.\n",
        ),
        (
            "en",
            &["race", "--parallel=yes", "mt"],
            "senate-kb: error: invalid value “yes” for --parallel\n\
             \n\
             Usage: senate-kb race [OPTIONS] <RACE>...\n\
             \n\
             For more information, try “--help”.\n",
        ),
    ] {
        assert_eq!(fails(lang, args, 2), want, "{lang} {args:?}");
    }
    // Where no command is named, the top-level usage is the right one.
    let err = fails("en", &["--bogus"], 2);
    assert!(
        err.contains("\nUsage: senate-kb [OPTIONS] <COMMAND>\n"),
        "{err}"
    );
}

#[test]
fn a_bad_filter_value_is_a_localized_usage_error() {
    let err = fails("de", &["races", "--party", "x"], 2);
    assert!(
        err.starts_with("senate-kb: Fehler: ungültiger Wert „x“ für --party <PARTEI>; mögliche Werte: D, R, I, L\n"),
        "{err}"
    );
    let err = fails("en", &["races", "--outcome", "won"], 2);
    assert!(
        err.starts_with("senate-kb: error: invalid value “won” for --outcome <OUTCOME>; possible values: gain, hold\n"),
        "{err}"
    );
}

/// Where the article gives a lead instead of a share (Kentucky: more than 16 points), the
/// fact row's label names the lead and its value gives the points, without repeating
/// "lead"; the table's share column still says what its number is.
#[test]
fn a_lead_is_named_once_in_its_fact_row() {
    for (lang, row, cell) in [
        (
            "en",
            "  Lead             more than 16 percentage points\n",
            "  lead of more than 16 pts\n",
        ),
        (
            "de",
            "  Vorsprung           mehr als 16 Prozentpunkte\n",
            "  mehr als 16 Pkt. Vorsprung\n",
        ),
    ] {
        let race = ok(lang, &["race", "ky"]);
        assert!(race.contains(row), "{lang}:\n{race}");
        let races = ok(lang, &["races", "--outcome", "hold", "--party", "R"]);
        let kentucky = races
            .lines()
            .find(|l| l.starts_with("Kentucky "))
            .expect("Kentucky row");
        assert!(
            format!("{kentucky}\n").ends_with(cell),
            "{lang}: {kentucky}"
        );
    }
}

/// At any width, a line break never separates a day from its month (`7.` / `August`,
/// `August` / `7`) nor a number from its percent sign, in either language; the text put
/// back together is still the corpus text.
#[test]
fn narrow_narratives_keep_dates_and_percentages_together() {
    for id in ["mt", "ok", "la"] {
        for (lang, de) in [("en", false), ("de", true)] {
            let want = paragraphs(id, de);
            for columns in (40..=100).step_by(6) {
                let out = cmd()
                    .env("COLUMNS", columns.to_string())
                    .args(["--lang", lang, "--color", "never", "race", id])
                    .output()
                    .expect("run senate-kb");
                assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
                let got = narrative_at(&stdout(&out), columns);
                assert_eq!(got, want, "{id} {lang} at {columns} columns");
            }
        }
    }
}

/// `stats` put back together: each "Label: list" line with its indented continuation lines,
/// then the closing sentence as one line.
fn unwrap_stats(text: &str) -> Vec<String> {
    let (facts, sentence) = text
        .split_once("\n\n")
        .expect("facts, blank line, sentence");
    let mut lines: Vec<String> = Vec::new();
    for line in facts.lines() {
        match (line.strip_prefix("  "), lines.last_mut()) {
            (Some(rest), Some(last)) => {
                last.push(' ');
                last.push_str(rest);
            }
            _ => lines.push(line.to_string()),
        }
    }
    lines.push(sentence.lines().collect::<Vec<_>>().join(" "));
    lines
}

/// `stats` wraps to COLUMNS with the narratives' right margin, says the same at every width,
/// and never leaves a count at the end of a line without its party.
#[test]
fn stats_wraps_to_the_terminal_width() {
    for lang in ["en", "de"] {
        let wide = unwrap_stats(&golden(&format!("stats.{lang}.txt")));
        assert_eq!(wide.len(), 7, "{wide:?}");
        for columns in [40, 52, 64, 76, 88] {
            let out = cmd()
                .env("COLUMNS", columns.to_string())
                .args(["--lang", lang, "--color", "never", "stats"])
                .output()
                .expect("run senate-kb");
            let text = stdout(&out);
            for line in text.lines() {
                assert!(line.chars().count() <= columns - 2, "{columns}: {line:?}");
            }
            let (facts, _) = text
                .split_once("\n\n")
                .expect("facts, blank line, sentence");
            for line in facts.lines().skip(1) {
                let last = line.split_whitespace().last().unwrap_or("");
                assert!(
                    last.parse::<u32>().is_err(),
                    "{columns}: a count without its party: {line:?}"
                );
            }
            assert_eq!(unwrap_stats(&text), wide, "{lang} at {columns} columns");
        }
    }
}

/// Help wraps to COLUMNS like every other answer, in both languages, and says the same at
/// every width (the usage line excepted, a synopsis that stays whole).
#[test]
fn help_wraps_to_the_terminal_width() {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for lang in ["en", "de"] {
        for command in [&[][..], &["race"], &["races"]] {
            let args = [&["--lang", lang], command, &["--help"]].concat();
            let wide = stdout(&cmd().env("COLUMNS", "400").args(&args).output().unwrap());
            assert!(
                wide.lines().any(|l| l.chars().count() > 100),
                "{args:?} at 400 columns is not wide:\n{wide}"
            );
            for columns in [40, 60, 80, 100] {
                let out = cmd()
                    .env("COLUMNS", columns.to_string())
                    .args(&args)
                    .output()
                    .unwrap();
                assert_eq!(out.status.code(), Some(0));
                let text = stdout(&out);
                // The usage line is a synopsis to copy, kept whole (42 columns in German).
                let synopsis = |l: &str| l.starts_with("Usage: ") || l.starts_with("Aufruf: ");
                for line in text.lines().filter(|l| !synopsis(l)) {
                    assert!(
                        line.chars().count() <= columns,
                        "{args:?} at {columns} columns: {line:?}"
                    );
                }
                assert_eq!(words(&text), words(&wide), "{args:?} at {columns}");
            }
        }
    }
}

/// Every help lists a command's own options first, the global ones next and `--help` last,
/// and `race --help` writes its argument the same way in its usage line, its argument list
/// and the error for a missing race.
#[test]
fn help_lists_help_last_and_the_race_argument_one_way() {
    for (lang, race, heading) in [
        ("en", "<RACE>...", "Arguments:"),
        ("de", "<RENNEN>...", "Argumente:"),
    ] {
        for (command, first) in [
            (&[][..], "-l, --lang"),
            (&["race"], "--parallel"),
            (&["races"], "--outcome"),
            (&["stats"], "-l, --lang"),
        ] {
            let help = ok(lang, &[command, &["--help"]].concat());
            let options: Vec<&str> = help
                .lines()
                .filter(|l| l.starts_with("  ") && l.trim_start().starts_with('-'))
                .map(str::trim)
                .collect();
            assert!(options[0].starts_with(first), "{lang} {command:?}:\n{help}");
            assert!(
                options.last().unwrap().starts_with("-h, --help "),
                "{lang} {command:?}:\n{help}"
            );
        }
        let help = ok(lang, &["race", "--help"]);
        let usage = help.lines().find(|l| l.contains("senate-kb race")).unwrap();
        assert!(usage.ends_with(&format!(" {race}")), "{usage}");
        let (_, arguments) = help.split_once(&format!("\n{heading}\n")).unwrap();
        let argument = arguments.lines().next().unwrap().split_whitespace().next();
        assert_eq!(argument, Some(race), "{lang}:\n{help}");
        let missing = fails(lang, &["race"], 2);
        assert!(
            missing
                .lines()
                .next()
                .unwrap()
                .ends_with(&format!(": {race}")),
            "{missing}"
        );
        assert!(missing.contains(usage), "{missing}");
    }
}
