//! `export` on the real binary: NDJSON in the contract's shape, every document in article
//! order, text and facts matching the corpus files.

mod common;

use common::*;
use serde_json::Value;

fn export(lang: &str) -> Vec<Value> {
    let out = run(&["--lang", lang, "export"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn every_document_in_article_order_overview_first() {
    let docs = export("en");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, document_ids());
    assert_eq!(docs[0]["kind"], "overview");
    assert!(docs[1..].iter().all(|d| d["kind"] == "race"));
}

#[test]
fn races_have_the_contract_keys() {
    for doc in export("en").iter().skip(1) {
        for key in [
            "id",
            "state",
            "state_name",
            "special",
            "winner",
            "party_before",
            "outcome",
            "vote_share",
            "people",
            "text",
        ] {
            assert!(doc.get(key).is_some(), "{} lacks {key}", doc["id"]);
        }
        let winner = &doc["winner"];
        assert!(
            winner["id"].is_string() && winner["name"].is_string() && winner["party"].is_string()
        );
        assert!(["gain", "hold"].contains(&doc["outcome"].as_str().unwrap()));
        for p in doc["people"].as_array().unwrap() {
            assert!(
                p["id"].is_string()
                    && p["name"].is_string()
                    && p["party"].is_string()
                    && p["roles"].is_array()
            );
        }
        let share = &doc["vote_share"];
        assert!(
            share.is_null() || (share["percent"].is_number() && share["qualifier"].is_string())
        );
    }
}

#[test]
fn text_round_trips_from_the_corpus_files() {
    for doc in export("en") {
        let id = doc["id"].as_str().unwrap();
        let exported: Vec<(String, String)> = doc["text"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["de"].as_str().unwrap().to_string(),
                    t["en"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let files: Vec<(String, String)> =
            units(id).into_iter().map(|(_, de, en)| (de, en)).collect();
        assert_eq!(exported, files, "{id}");
    }
}

#[test]
fn the_facts_match_the_2014_results() {
    let docs = export("en");
    let race = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap().clone();
    // The nine Republican gains of 2014.
    let mut gains: Vec<&str> = docs
        .iter()
        .filter(|d| d["outcome"] == "gain")
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    gains.sort();
    assert_eq!(
        gains,
        ["ak", "ar", "co", "ia", "la", "mt", "nc", "sd", "wv"]
    );
    for id in &gains {
        assert_eq!(race(id)["winner"]["party"], "R", "{id}");
        assert_eq!(race(id)["party_before"], "D", "{id}");
    }
    for (id, winner) in [
        ("mt", "steve-daines"),
        ("co", "cory-gardner"),
        ("ks", "pat-roberts"),
        ("nh", "jeanne-shaheen"),
        ("va", "mark-warner"),
        ("la", "bill-cassidy"),
        ("ok-special", "james-lankford"),
        ("sc-special", "tim-scott"),
        ("hi-special", "brian-schatz"),
    ] {
        assert_eq!(race(id)["winner"]["id"], winner, "{id}");
    }
    assert_eq!(race("co")["vote_share"]["percent"], 48.2);
    assert_eq!(race("co")["vote_share"]["qualifier"], "exact");
    assert_eq!(race("ar")["vote_share"]["qualifier"], "more_than");
    assert_eq!(race("de")["vote_share"]["qualifier"], "almost");
    assert_eq!(race("ks")["vote_share"]["qualifier"], "just_over");
    assert!(race("ak")["vote_share"].is_null());
    assert_eq!(race("il")["margin"]["points"], 10.0);
    assert_eq!(race("va")["margin"]["qualifier"], "less_than");
    let specials: Vec<&str> = docs
        .iter()
        .filter(|d| d["special"] == true)
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(specials, ["hi-special", "ok-special", "sc-special"]);
}

#[test]
fn people_and_roles() {
    let docs = export("en");
    let roles = |race: &str, person: &str| -> Vec<String> {
        let doc = docs.iter().find(|d| d["id"] == race).unwrap();
        doc["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == person)
            .map(|p| {
                p["roles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(roles("co", "mark-udall"), ["incumbent", "candidate"]);
    assert_eq!(roles("nm", "mark-udall"), ["mentioned"]);
    assert!(roles("nm", "tom-udall").contains(&"winner".to_string()));
    assert_eq!(roles("ks", "chad-taylor"), ["withdrawn"]);
    assert!(roles("mt", "john-walsh").contains(&"appointed".to_string()));
    let obama: Vec<&str> = docs
        .iter()
        .filter(|d| {
            d["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == "barack-obama")
        })
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(obama, ["overview", "ma", "ne", "nj", "nc", "sc-special"]);
}

#[test]
fn display_strings_follow_the_language() {
    let de = export("de");
    let en = export("en");
    let find = |docs: &[Value], id: &str| docs.iter().find(|d| d["id"] == id).unwrap().clone();
    assert_eq!(
        find(&en, "ok-special")["title"],
        "Oklahoma (special election)"
    );
    assert_eq!(find(&de, "ok-special")["title"], "Oklahoma (Sonderwahl)");
    assert_eq!(find(&de, "mt")["state_name"], "Montana");
    // Keys and codes stay English and stable.
    assert_eq!(find(&de, "mt")["outcome"], "gain");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd()
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success() || out.status.code() == Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
