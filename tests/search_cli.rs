//! `search` on the real binary: the text and JSON answers in both languages, highlighting of
//! every kind of match, "nothing found", query errors with hints, and hostile input.

mod common;

use std::ffi::OsString;
use std::process::Output;

use common::{RACE_IDS, cmd, ids, index, stderr, stdout};

fn search<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    cmd()
        .env("COLUMNS", "100")
        .arg("--index")
        .arg(index())
        .args(["--color", "never"])
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = search(&all);
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

/// The highlighted substrings of a hit's snippet (character offsets).
fn marked(hit: &serde_json::Value) -> Vec<String> {
    let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            assert!(a < b && b <= snippet.len(), "{r} outside {snippet:?}");
            snippet[a..b].iter().collect()
        })
        .collect()
}

/// The highlighted substrings of a hit's sentence in one language.
fn marked_in(hit: &serde_json::Value, lang: &str) -> Vec<String> {
    let text: Vec<char> = hit["sentence"][lang].as_str().unwrap().chars().collect();
    hit["sentence_highlights"][lang]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[a..b].iter().collect()
        })
        .collect()
}

const MT_DE: &str = "Nachdem Walsh die demokratischen Vorwahlen deutlich für sich entscheiden \
    konnte, musste er jedoch überraschenderweise am 7. August aufgrund eines Plagiatsvorwurfs \
    seinen Rücktritt bekanntgeben.";
const MT_EN: &str = "After Walsh had clearly won the Democratic primaries, however, he \
    surprisingly had to announce his withdrawal on August 7 because of plagiarism allegations.";

#[test]
fn plagiat_in_english() {
    let out = search(&["search", "Plagiat"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let expected = "\
Montana [mt]
  Steve Daines (Republican) won Montana with 58%, a Republican gain from the Democrats.
    After Walsh had clearly won the Democratic primaries, however, he surprisingly had to announce
    his withdrawal on August 7 because of plagiarism allegations.
";
    assert_eq!(stdout(&out), expected);
}

#[test]
fn plagiat_in_german() {
    let out = search(&["--lang", "de", "search", "Plagiat"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = "\
Montana [mt]
  Steve Daines (Republikaner) gewann in Montana mit 58 %; der Sitz ging von den Demokraten an die
  Republikaner.
    Nachdem Walsh die demokratischen Vorwahlen deutlich für sich entscheiden konnte, musste er
    jedoch überraschenderweise am 7. August aufgrund eines Plagiatsvorwurfs seinen Rücktritt
    bekanntgeben.
";
    assert_eq!(stdout(&out), expected);
}

#[test]
fn a_match_in_the_other_language_shows_that_sentence_too() {
    let out = search(&["--lang", "en", "search", "Stichwahl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = "\
Overview: the 2014 Senate elections [overview]
    In the general election on November 4, 2014, the candidate with the most votes was elected
    (except in Louisiana and Georgia); in Louisiana and Georgia there would have been a runoff if no
    candidate had received more than 50% of the vote in the general election.
    German:
      Bei der Hauptwahl am 4. November 2014 war (mit Ausnahme Louisianas und Georgias) der Kandidat
      mit den meisten Stimmen gewählt, in Louisiana und Georgia hätte es eine Stichwahl gegeben,
      falls bei der Hauptwahl kein Kandidat mehr als 50 % der Stimmen erreicht hätte.

Louisiana [la]
  Bill Cassidy (Republican) won Louisiana with almost 56%, a Republican gain from the Democrats.
";
    // Louisiana's race went to a runoff (its facts): it is found without a sentence that says so.
    assert_eq!(stdout(&out), expected);

    let out = search(&["--lang", "de", "search", "runoff"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("Übersicht: die Senatswahlen 2014 [overview]\n"),
        "{text}"
    );
    assert!(
        text.contains("\n    Englisch:\n      In the general election"),
        "{text}"
    );
}

#[test]
fn json_has_the_contract_shape() {
    let doc = json(&["--lang", "de", "search", "Plagiat"]);
    assert_eq!(doc["query"], "Plagiat");
    assert_eq!(doc["lang"], "de");
    assert_eq!(doc["total"], 1);
    let hit = &doc["hits"][0];
    assert_eq!(hit["id"], "mt");
    assert_eq!(hit["kind"], "race");
    assert_eq!(hit["title"], "Montana");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(hit["matched_lang"], "de");
    assert_eq!(hit["snippet"], MT_DE);
    assert_eq!(marked(hit), ["Plagiatsvorwurfs"]);
    assert_eq!(hit["sentence"]["de"], MT_DE);
    assert_eq!(hit["sentence"]["en"], MT_EN);

    let doc = json(&["--lang", "en", "search", "Stichwahl"]);
    let hit = &doc["hits"][0];
    assert_eq!(hit["kind"], "overview");
    assert_eq!(hit["matched_lang"], "de");
    assert_eq!(marked(hit), ["runoff"]);
    assert_eq!(marked_in(hit, "de"), ["Stichwahl"]);
}

#[test]
fn compound_prefix_typo_and_umlaut_matches_are_highlighted() {
    for (query, word) in [
        ("Plagiat", "Plagiatsvorwurfs"),
        ("Vorwurf", "Plagiatsvorwurfs"),
        ("plag*", "Plagiatsvorwurfs"),
        ("Plagait", "Plagiatsvorwurfs"),
        ("Ruecktritt", "Rücktritt"),
        ("Rucktritt", "Rücktritt"),
    ] {
        let doc = json(&["--lang", "de", "search", query]);
        let hit = &doc["hits"][0];
        assert_eq!(hit["id"], "mt", "{query}");
        assert!(
            marked(hit).contains(&word.to_string()),
            "{query}: {:?}",
            marked(hit)
        );
    }
    // English side: a stemmed form and a phrase.
    let doc = json(&["--lang", "en", "search", "allegation"]);
    assert_eq!(marked(&doc["hits"][0]), ["allegations"]);
    let doc = json(&["--lang", "en", "search", "\"plagiarism allegations\""]);
    assert_eq!(marked(&doc["hits"][0]), ["plagiarism allegations"]);
}

#[test]
fn filters_alone_list_races_in_article_order() {
    let doc = json(&["search", "party:R", "outcome:gain"]);
    let ids: Vec<&str> = doc["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    // The nine Republican gains of 2014, in the article's order.
    let gains = ["ak", "ar", "co", "ia", "la", "mt", "nc", "sd", "wv"];
    let in_order: Vec<&str> = RACE_IDS
        .iter()
        .copied()
        .filter(|id| gains.contains(id))
        .collect();
    assert_eq!(ids, in_order);
    assert_eq!(doc["total"], 9);
    assert_eq!(doc["hits"][0]["matched_lang"], serde_json::Value::Null);
}

#[test]
fn limit_and_the_count_of_all_hits() {
    let doc = json(&["search", "--limit", "2", "Wahl"]);
    let total = doc["total"].as_u64().unwrap();
    assert_eq!(doc["hits"].as_array().unwrap().len(), 2);
    assert!(total > 2);
    let out = search(&["search", "-n", "2", "Wahl"]);
    assert!(
        stdout(&out).ends_with(&format!("\n\n2 of {total} hits; show more with --limit\n")),
        "{}",
        stdout(&out)
    );
    let out = search(&["--lang", "de", "search", "-n", "2", "Wahl"]);
    assert!(stdout(&out).ends_with(&format!("\n\n2 von {total} Treffern; mehr mit --limit\n")));
}

#[test]
fn exclusions_are_typed_as_words() {
    // The overview's runoff sentence names Georgia, so excluding it leaves Louisiana, whose
    // race went to a runoff; excluding Louisiana leaves nothing.
    assert_eq!(
        ids(&search(&["--json", "search", "Stichwahl", "-Georgia"])),
        ["la"]
    );
    // Options after the words are still options.
    let doc = json(&["search", "Stichwahl", "-Oregon", "--limit", "1"]);
    assert_eq!(doc["hits"][0]["id"], "overview");
    // An exclusion that starts like `-l` or `-n` is no option (`-louisiana` asked for the
    // language "ouisiana"; `-neue` put a literal `--` into the query).
    let out = search(&["search", "Stichwahl", "-louisiana"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc = json(&["search", "Wahl", "-neue"]);
    assert_eq!(doc["query"], "Wahl -neue");
    // Short options with their value attached still are options.
    let doc = json(&["search", "Wahl", "-n1", "-lde"]);
    assert_eq!(
        (doc["query"].as_str(), doc["lang"].as_str()),
        (Some("Wahl"), Some("de"))
    );
    assert_eq!(doc["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn nothing_found_is_exit_1_with_a_localized_message() {
    // Montana is the only race with `Plagiat`, and it is no Texas race: filters are never
    // relaxed, so there is nothing to offer.
    for (lang, message) in [
        ("en", "Nothing found for “Plagiat state:TX”.\n"),
        ("de", "Nichts gefunden für „Plagiat state:TX“.\n"),
    ] {
        let out = search(&["--lang", lang, "search", "Plagiat", "state:TX"]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stdout(&out), "");
        assert_eq!(stderr(&out), message);
    }
    // Neither word is in the corpus: nothing to relax to either.
    let out = search(&["search", "Xylophonquatsch", "Quarkbrötchen"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    for query in [&["xyzzy"][..], &["Xylophonquatsch", "Quarkbrötchen"]] {
        let out = search(&[&["--json", "search"][..], query].concat());
        assert_eq!(out.status.code(), Some(1));
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(doc["total"], 0);
        assert_eq!(doc["hits"], serde_json::json!([]));
        assert_eq!(doc["relaxed"], serde_json::Value::Null);
    }
    let out = search(&["search", "person:zzyzx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nobody named “zzyzx”"),
        "{}",
        stderr(&out)
    );
}

/// When no race holds every word, nothing is found (exit 1, no hits), and what matches the
/// other words is offered under a note naming the words ignored: first those no race holds,
/// then the commonest; of equally common ones, one whose leaving out lets the rest match, else
/// the last typed.
#[test]
fn nothing_matching_every_word_offers_what_matches_the_rest() {
    for (lang, note) in [
        (
            "en",
            "Nothing matches every word of “who replaced Max Baucus”. Matches for the other \
             words, ignoring “replaced”:\n\nMontana [mt]\n",
        ),
        (
            "de",
            "Nichts enthält alle Wörter aus „who replaced Max Baucus“. Treffer für die übrigen \
             Wörter, ohne „replaced“:\n\nMontana [mt]\n",
        ),
    ] {
        let out = search(&["--lang", lang, "search", "who replaced Max Baucus"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        let shown = stdout(&out);
        assert!(shown.starts_with(note), "{shown}");
        assert!(shown.contains("Baucus"), "{shown}");
    }
    // Several words ignored, as a list.
    let out = search(&["search", "Walsh Xylophon Quatsch"]);
    assert!(
        stdout(&out).contains("ignoring “Xylophon” and “Quatsch”:"),
        "{}",
        stdout(&out)
    );
    // Nothing to search for (`?`) is never a word to ignore, nor to keep: with it, `the
    // Xylophon ?` would match every race on `the` alone.
    for query in ["the Xylophon ?", "who is the Xylophonquatsch ?"] {
        let out = search(&["--json", "search", query]);
        assert_eq!(out.status.code(), Some(1));
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(doc["relaxed"], serde_json::Value::Null, "{query}: {doc}");
    }
    let relaxed = |query: &str| {
        let out = search(&["--json", "search", query]);
        assert_eq!(out.status.code(), Some(1), "{query}: {}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(doc["total"], 0, "{query}");
        assert_eq!(doc["hits"], serde_json::json!([]), "{query}");
        let relaxed = &doc["relaxed"];
        let strings = |key: &str, each: fn(&serde_json::Value) -> &serde_json::Value| {
            relaxed[key]
                .as_array()
                .unwrap_or_else(|| panic!("{query}: {doc}"))
                .iter()
                .map(|v| each(v).as_str().unwrap().to_string())
                .collect::<Vec<String>>()
        };
        let hits = strings("hits", |hit| &hit["id"]);
        assert_eq!(
            relaxed["total"].as_u64(),
            Some(hits.len() as u64),
            "{query}"
        );
        (strings("without", |word| word), hits.first().cloned())
    };
    for (query, without, top) in [
        // A word no race holds goes first, whatever its place.
        ("who replaced Max Baucus", &["replaced"][..], "mt"),
        ("Plagiat Xylophonquatsch", &["Xylophonquatsch"], "mt"),
        // Then the commonest: `Gegner` is in 17 races, `Mitch McConnell` in one.
        ("wer war der Gegner von Mitch McConnell", &["Gegner"], "ky"),
        ("welche Kandidatin war Kinderärztin", &["Kandidatin"], "or"),
        // A word that names somebody stays, though rarer words go: `Udall` is in two
        // races, `Plagiat` in one.
        // (New Mexico first: Tom Udall's race, which names Mark Udall too.)
        ("Udall Plagiat", &["Plagiat"], "nm"),
        // Phrases and prefixes are named as typed; filters stay.
        ("\"Max Baucus\" Xylophon* party:R", &["Xylophon*"], "mt"),
        // Each in one race: the one whose leaving out lets the others match goes.
        ("approval Arkansas Pryor", &["approval"], "ar"),
        // Named once; punctuation is not a word.
        ("Xylophon Baucus ? Xylophon", &["Xylophon"], "mt"),
        // Exclusions stay: `Plagiat` is only in Montana.
        ("Plagiat Stichwahl -Montana", &["Plagiat"], "overview"),
    ] {
        let want: Vec<String> = without.iter().map(|w| w.to_string()).collect();
        assert_eq!(relaxed(query), (want, Some(top.to_string())), "{query}");
    }
}

#[test]
fn queries_that_cannot_be_parsed_are_exit_2_with_a_hint() {
    let long = "a".repeat(1001);
    let many = vec!["Wahl"; 40].join(" ");
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            "\"Max Baucus",
            "quotation mark is not closed",
            "Anführungszeichen",
        ),
        ("OR Wahl", "OR needs a word on each side", "OR braucht"),
        ("Wahl OR", "OR needs a word on each side", "OR braucht"),
        (
            "Wahl OR OR Senat",
            "OR needs a word on each side",
            "OR braucht",
        ),
        (
            "-",
            "need a word right after them",
            "muss direkt ein Wort folgen",
        ),
        ("-Georgia", "not only exclusions", "nicht nur Ausschlüsse"),
        ("*", "* stands only at the end", "* steht nur am Ende"),
        ("p*", "* stands only at the end", "* steht nur am Ende"),
        (
            "state:",
            "“state:” needs a value",
            "„state:“ braucht einen Wert",
        ),
        (
            "colour:red",
            "there is no filter “colour:”",
            "einen Filter „colour:“ gibt es nicht",
        ),
        (
            "state:ZZ",
            "“ZZ” is not a state",
            "„ZZ“ ist kein Bundesstaat",
        ),
        (
            "state:Montan",
            "did you mean MT (Montana)?",
            "meinten Sie MT (Montana)?",
        ),
        (
            "party:Q",
            "“Q” is not a party; use D, R, I or L",
            "„Q“ ist keine Partei",
        ),
        (
            "outcome:maybe",
            "use gain or hold",
            "„maybe“ ist kein Wahlausgang",
        ),
        ("—", "nothing to search for", "nichts zu suchen"),
        (
            long.as_str(),
            "longer than 1000 characters",
            "länger als 1000 Zeichen",
        ),
        (many.as_str(), "more than 32 words", "mehr als 32 Wörter"),
    ];
    for (query, en, de) in cases {
        for (lang, words, prefix) in [
            ("en", en, "senate-kb: error: "),
            ("de", de, "senate-kb: Fehler: "),
        ] {
            let out = search(&["--lang", lang, "search", query]);
            assert_eq!(out.status.code(), Some(2), "{query:.40}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(err.starts_with(prefix), "{query:.40}: {err}");
            assert!(err.contains(words), "{query:.40} ({lang}): {err}");
            assert!(err.len() < 400, "the query is not echoed whole: {err:.200}");
            assert_eq!(stdout(&out), "");
        }
    }
}

#[test]
fn hostile_input_is_never_echoed_raw() {
    let escape = "\u{1b}[2J\u{1b}]0;owned\u{7}Zzyzx";
    let bidi = "Zzyzx\u{202e}txet";
    // (A NUL cannot be passed in an argument at all: the OS refuses it.)
    let nul = "Zz\u{1}yzx\u{7f}";
    for query in [escape, bidi, nul] {
        let out = search(&["search", query]);
        assert_eq!(out.status.code(), Some(1), "{query:?}: {}", stderr(&out));
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!all.contains('\u{1b}'), "{all:?}");
        assert!(!all.contains('\u{202e}'), "{all:?}");
        assert!(!all.contains('\u{1}') && !all.contains('\u{7f}'), "{all:?}");
    }
    // 100 KB and 10 000 emoji: refused at once, quoted only in part.
    for query in ["x".repeat(100_000), "🗳".repeat(10_000)] {
        let out = search(&["search", &query]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).len() < 400);
    }
    // Invalid UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'P', 0xff, 0xfe, b'x']);
        let out = search(&[OsString::from("search"), bad]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn colour_marks_the_matches_only_when_asked() {
    let out = cmd()
        .arg("--index")
        .arg(index())
        .args(["--color", "always", "search", "Plagiat"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("\u{1b}[1m\u{1b}[32mplagiarism allegations\u{1b}[0m"),
        "{text:?}"
    );
    let out = search(&["search", "Plagiat"]);
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn search_help_in_both_languages() {
    let out = search(&["search", "--help"]);
    assert!(stdout(&out).contains("Usage: senate-kb search [OPTIONS] <QUERY>..."));
    assert!(stdout(&out).contains("--limit <N>"));
    let out = search(&["--lang", "de", "search", "--help"]);
    let text = stdout(&out);
    assert!(
        text.contains("senate-kb search [OPTIONEN] <ANFRAGE>..."),
        "{text}"
    );
    assert!(
        text.contains("Höchstens so viele Treffer zeigen [Standard: 10]"),
        "{text}"
    );
    assert!(!text.contains("default"), "{text}");
}

#[test]
fn an_exact_word_ranks_above_a_compound_part() {
    // Derived from the text: the documents whose German has the word `Wahl` itself, and the
    // ones that have it only inside compounds (`Vorwahl`, `Stichwahl`, `Wiederwahl`, …) or
    // inflected (`Wahlen`).
    let has_word = |id: &str, word: &str| {
        common::units(id)
            .iter()
            .any(|(_, de, _)| de.split(|c: char| !c.is_alphanumeric()).any(|w| w == word))
    };
    let exact: Vec<&str> = common::document_ids()
        .into_iter()
        .filter(|id| has_word(id, "Wahl"))
        .collect();
    let doc = json(&["--lang", "de", "search", "--limit", "50", "Wahl"]);
    let ranked: Vec<&str> = doc["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert!(!exact.is_empty() && ranked.len() > exact.len());
    let (top, rest) = ranked.split_at(exact.len());
    let mut top_sorted = top.to_vec();
    top_sorted.sort();
    let mut exact_sorted = exact.clone();
    exact_sorted.sort();
    assert_eq!(top_sorted, exact_sorted, "exact first: {ranked:?}");
    assert!(rest.iter().all(|id| !exact.contains(id)));
}
