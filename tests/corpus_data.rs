//! Data tests over the shipped corpus, read with a generic TOML parser so that they do not
//! share code with the program: fidelity to the source article, completeness, and the
//! translation keeping every number and name.

mod common;

use common::*;

/// The source article with exactly the repairs the manifest lists.
fn repaired_source() -> String {
    let manifest = toml_file("corpus.toml");
    let mut text =
        std::fs::read_to_string(corpus_dir().join(manifest["source"].as_str().unwrap())).unwrap();
    let repairs = manifest["repairs"].as_array().unwrap();
    for r in repairs {
        let find = r["find"].as_str().unwrap();
        let replace = r["replace"].as_str().unwrap();
        let kind = r["kind"].as_str().unwrap();
        assert_eq!(
            text.matches(find).count(),
            1,
            "repair {find:?} must occur once"
        );
        match kind {
            "space" => assert_eq!(
                find.replace(' ', ""),
                replace.replace(' ', ""),
                "a space repair only adds spaces"
            ),
            "footnote" => {
                assert!(replace.is_empty());
                assert!(
                    find.starts_with('[')
                        && find.ends_with(']')
                        && find[1..find.len() - 1].parse::<u32>().is_ok()
                );
            }
            other => panic!("unknown repair kind {other}"),
        }
        text = text.replacen(find, replace, 1);
    }
    text
}

#[test]
fn the_source_article_is_the_seed_unchanged() {
    let manifest = toml_file("corpus.toml");
    let ours = std::fs::read(corpus_dir().join(manifest["source"].as_str().unwrap())).unwrap();
    let seed = root().join("../shared/seed/000_6d4819efdcb42899.txt");
    if let Ok(seed) = std::fs::read(seed) {
        assert_eq!(ours, seed);
    }
    assert_eq!(ours.len(), 21485);
}

#[test]
fn the_repairs_are_exactly_the_documented_ones() {
    let manifest = toml_file("corpus.toml");
    let mut finds: Vec<&str> = manifest["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["find"].as_str().unwrap())
        .collect();
    finds.sort();
    let mut expected = vec![
        "BundesstaatenOklahoma",
        "PräsidentBarack",
        "Halbzeitwahlen(Midterm",
        "GouverneurNeil",
        "VizegouverneurBrian",
        "StaatssenatorJim",
        "StaatssenatorinJoni",
        "PartyRandall",
        "MontanaJohn",
        "RepresentativeT.",
        "SenatorBrad",
        "[2]",
        "[3]",
        "[4]",
    ];
    expected.sort();
    assert_eq!(finds, expected);
}

#[test]
fn german_units_reproduce_the_article_word_for_word() {
    let source = repaired_source();
    let mut rebuilt = Vec::new();
    for id in document_ids() {
        let doc = toml_file(&document_file(id));
        for h in doc["source_headings"].as_array().unwrap() {
            rebuilt.push(h.as_str().unwrap().to_string());
        }
        let mut paragraph = 0;
        for (p, de, _) in units(id) {
            if p != paragraph {
                rebuilt.push(de);
                paragraph = p;
            } else {
                let last = rebuilt.last_mut().unwrap();
                last.push(' ');
                last.push_str(&de);
            }
        }
    }
    let expected: Vec<&str> = source.trim_end().split('\n').collect();
    assert_eq!(rebuilt.len(), expected.len(), "paragraph and heading count");
    for (i, (a, b)) in rebuilt.iter().zip(&expected).enumerate() {
        assert_eq!(a, b, "source line {}", i + 1);
    }
}

#[test]
fn the_corpus_has_every_document_of_the_contract_in_order() {
    let manifest = toml_file("corpus.toml");
    let listed: Vec<&str> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(listed, document_ids());
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir().join("races"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".toml")
                .to_string()
        })
        .collect();
    files.sort();
    let mut ids: Vec<String> = RACE_IDS.iter().map(|s| s.to_string()).collect();
    ids.sort();
    assert_eq!(files, ids);
}

#[test]
fn paragraphs_are_kept() {
    let count = |id: &str| units(id).iter().map(|u| u.0).max().unwrap();
    assert_eq!(count("overview"), 5);
    assert_eq!(count("ne"), 2);
    for id in RACE_IDS.iter().filter(|id| **id != "ne") {
        assert_eq!(count(id), 1, "{id}");
    }
}

/// Digit groups of a text with the decimal separator normalized to a point.
fn digits(text: &str, decimal: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() {
            cur.push(*c);
        } else if *c == decimal && !cur.is_empty() && next_digit {
            cur.push('.');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn every_unit_is_translated_and_keeps_its_numbers() {
    let mut total = 0;
    for id in document_ids() {
        for (n, (_, de, en)) in units(id).iter().enumerate() {
            total += 1;
            assert!(
                !de.trim().is_empty() && !en.trim().is_empty(),
                "{id} unit {}",
                n + 1
            );
            assert_ne!(de, en, "{id} unit {} is not translated", n + 1);
            let mut english = digits(en, '.');
            if en.contains("two-thirds") {
                english.extend(["2".to_string(), "3".to_string()]);
            }
            for number in digits(de, ',') {
                assert!(
                    english.contains(&number),
                    "{id} unit {}: {number} missing from {en:?}",
                    n + 1
                );
            }
            // Percentages are written the English way: `48.2%`, never `48,2 %`.
            assert!(!en.contains(" %"), "{id} unit {}: {en:?}", n + 1);
        }
    }
    assert_eq!(total, 194);
}

#[test]
fn every_name_survives_translation() {
    let people = toml_file("people.toml");
    let mut names = Vec::new();
    for p in people["person"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap().to_string();
        names.push(name.rsplit(' ').next().unwrap().to_string());
        names.push(name);
    }
    for id in document_ids() {
        for (n, (_, de, en)) in units(id).iter().enumerate() {
            for name in &names {
                if de.contains(name.as_str()) {
                    assert!(
                        en.contains(name.as_str()),
                        "{id} unit {}: {name} missing from {en:?}",
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn no_german_is_left_in_english() {
    let german = [
        " und ",
        " der ",
        " das ",
        " nicht ",
        " wurde ",
        " mit ",
        " gegen ",
        " eine ",
        " sich ",
        " auch ",
        " Wahl ",
        " Stimmen ",
        "Senatswahl",
        "Repräsentantenhaus",
        "Vorwahl",
        " bei ",
        " zum ",
        " zur ",
    ];
    for id in document_ids() {
        for (n, (_, _, en)) in units(id).iter().enumerate() {
            let padded = format!(" {en} ");
            for word in german {
                assert!(
                    !padded.contains(word),
                    "{id} unit {}: {word:?} in {en:?}",
                    n + 1
                );
            }
            assert!(
                !en.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß', '„']),
                "{id} unit {}: {en:?}",
                n + 1
            );
        }
    }
}

#[test]
fn dates_are_in_english_order() {
    for id in document_ids() {
        for (_, _, en) in units(id) {
            for month in ["January", "February", "August", "November", "December"] {
                // "4 November" or "4. November" would be German order.
                for (at, _) in en.match_indices(month) {
                    let before = en[..at].trim_end();
                    assert!(
                        !before.ends_with(|c: char| c.is_ascii_digit() || c == '.'),
                        "{id}: {en}"
                    );
                }
            }
        }
    }
}
