//! The compound splitter on this corpus: every German word it splits, and into what. A new
//! dictionary part that splits something unintended (`Senator` into `senat` + junk) fails
//! here until the split is reviewed and listed.

mod common;

use std::collections::BTreeMap;

use senate_kb::search::analysis::compounds::split;
use senate_kb::text::fold;

/// Every split on the corpus, written from the German words themselves (normalized: lower
/// case, umlauts folded), reviewed for precision.
const EXPECTED: &[(&str, &[&str])] = &[
    ("altersgrunden", &["alter", "grunde"]),
    ("amtsinhaber", &["amt", "inhaber"]),
    ("amtsperiode", &["amt", "periode"]),
    ("amtstrager", &["amt", "trager"]),
    ("amtszeit", &["amt", "zeit"]),
    ("aussenminister", &["aussen", "minister"]),
    ("aussenseiterchancen", &["aussenseiter", "chance"]),
    ("bundesstaat", &["bund", "staat"]),
    ("bundesstaaten", &["bund", "staat"]),
    ("bundesstaates", &["bund", "staat"]),
    ("bundesstaats", &["bund", "staat"]),
    ("direktwahl", &["direkt", "wahl"]),
    ("fraktionschef", &["fraktion", "chef"]),
    ("fraktionsvorsitzenden", &["fraktion", "vorsitzende"]),
    ("gegenkandidat", &["gegen", "kandidat"]),
    ("gegenkandidaten", &["gegen", "kandidat"]),
    ("geschaftsmann", &["geschaft", "mann"]),
    ("gouverneurswahlen", &["gouverneur", "wahl"]),
    ("halbzeitwahlen", &["halbzeit", "wahl"]),
    ("hauptwahl", &["haupt", "wahl"]),
    ("hochburg", &["hoch", "burg"]),
    ("kinderarztin", &["kinder", "arztin"]),
    ("kommunalpolitiker", &["kommunal", "politiker"]),
    ("kongressabgeordneten", &["kongress", "abgeordnete"]),
    ("legislaturperiode", &["legislatur", "periode"]),
    ("nachwahl", &["nach", "wahl"]),
    ("neurochirurgin", &["neuro", "chirurgin"]),
    ("afroamerikanerin", &["afro", "amerikanerin"]),
    ("parteiinternen", &["partei", "intern"]),
    ("parteikollege", &["partei", "kollege"]),
    ("parteikollegen", &["partei", "kollege"]),
    ("parteiversammlung", &["partei", "versammlung"]),
    ("plagiatsvorwurfs", &["plagiat", "vorwurf"]),
    ("prasidentschaftswahl", &["prasidentschaft", "wahl"]),
    ("prozentpunkten", &["prozent", "punkt"]),
    ("rechtsanwalt", &["recht", "anwalt"]),
    ("reprasentantenhaus", &["reprasentant", "haus"]),
    ("reprasentantenhauses", &["reprasentant", "haus"]),
    ("senatssitz", &["senat", "sitz"]),
    ("senatswahl", &["senat", "wahl"]),
    ("senatswahlen", &["senat", "wahl"]),
    ("siegeschancen", &["sieg", "chance"]),
    ("sonderstatus", &["sonder", "status"]),
    ("sonderwahl", &["sonder", "wahl"]),
    ("staatsabgeordneten", &["staat", "abgeordnete"]),
    ("staatsanwalt", &["staat", "anwalt"]),
    ("staatsministerin", &["staat", "ministerin"]),
    ("staatsparlaments", &["staat", "parlament"]),
    ("staatssenator", &["staat", "senator"]),
    ("staatssenatorin", &["staat", "senatorin"]),
    ("stichwahl", &["stich", "wahl"]),
    ("versicherungskaufmann", &["versicherung", "kaufmann"]),
    ("vizegouverneur", &["vize", "gouverneur"]),
    ("vizeprasident", &["vize", "prasident"]),
    ("volksabstimmungen", &["volk", "abstimmung"]),
    ("vorwahl", &["vor", "wahl"]),
    ("vorwahlen", &["vor", "wahl"]),
    ("wahlausgang", &["wahl", "ausgang"]),
    ("wahlentscheidend", &["wahl", "entscheidend"]),
    ("wahlentscheidenden", &["wahl", "entscheidend"]),
    ("wahlgang", &["wahl", "gang"]),
    ("wahlperiode", &["wahl", "periode"]),
    ("wahlrecht", &["wahl", "recht"]),
    ("wahlsieg", &["wahl", "sieg"]),
    ("wiederwahl", &["wieder", "wahl"]),
    ("wunschkandidaten", &["wunsch", "kandidat"]),
    ("zustimmungswerte", &["zustimmung", "werte"]),
    ("zweikampf", &["zwei", "kampf"]),
];

fn corpus_words() -> Vec<String> {
    let mut words: Vec<String> = common::document_ids()
        .into_iter()
        .flat_map(common::units)
        .flat_map(|(_, de, _)| {
            de.split(|c: char| !c.is_alphanumeric())
                .map(|w| fold::german(&w.to_lowercase()))
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn every_split_on_the_corpus_is_listed() {
    let actual: BTreeMap<String, Vec<&str>> = corpus_words()
        .into_iter()
        .filter_map(|w| split(&w).map(|parts| (w, parts)))
        .collect();
    let expected: BTreeMap<String, Vec<&str>> = EXPECTED
        .iter()
        .filter(|(_, parts)| !parts.is_empty())
        .map(|(w, parts)| (w.to_string(), parts.to_vec()))
        .collect();
    let unexpected: Vec<_> = actual
        .iter()
        .filter(|(w, p)| expected.get(*w) != Some(p))
        .collect();
    let missed: Vec<_> = expected
        .iter()
        .filter(|(w, p)| actual.get(*w) != Some(p))
        .collect();
    assert!(
        unexpected.is_empty() && missed.is_empty(),
        "splits not listed (review, then list them): {unexpected:?}\nlisted splits not made: {missed:?}"
    );
}

#[test]
fn words_that_must_not_split() {
    for word in [
        "abstimmung",
        "senator",
        "senatoren",
        "senatorin",
        "wahlen",
        "vorsitzende",
        "vorstand",
        "staaten",
        "nachfolger",
        "vorzeitig",
        "zeitgleich",
        "parteilose",
        "kandidatin",
        "amtierende",
        "minderheiten",
        "zweiten",
        "besonders",
        "abgeordneten",
    ] {
        assert_eq!(split(word), None, "{word}");
    }
}

#[test]
fn splits_every_compound_the_issue_names() {
    for (word, part) in [
        ("Plagiatsvorwurfs", "plagiat"),
        ("Plagiatsvorwurfs", "vorwurf"),
        ("Staatsanwalt", "anwalt"),
        ("Rechtsanwalt", "anwalt"),
        ("Kinderärztin", "arztin"),
        ("Stichwahl", "wahl"),
    ] {
        let parts = split(&fold::german(&word.to_lowercase())).unwrap_or_default();
        assert!(parts.contains(&part), "{word} → {parts:?}");
    }
}
