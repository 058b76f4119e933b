//! Coverage of the people: every person the article names is in the registry, every document
//! lists exactly the people its text names (with `mentioned` where they take no part), and
//! the program links every unit that names a person, and no other.
//!
//! The expectation is derived here from the text alone, independently of the program's
//! matcher (`senate_kb::kb::mentions`): the corpus is read with a generic TOML parser, and a unit
//! names a person when it contains one of their names as words (full name, article spelling,
//! alias, any of them without middle initials) or their surname alone, also in the genitive
//! (`McConnells`, English `McConnell's`). A surname two people share (Udall, Johnson, and
//! Scott, which is also Scott Brown's first name) is never guessed: every unit where one
//! stands alone is listed in [`SHARED`], read and decided by a person.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use senate_kb::kb::corpus::{Corpus, CorpusLocation};
use senate_kb::l10n::Lang;

/// Every unit where a surname that two people bear stands alone, and whom it names, as a
/// reader of the article understands it: (document, unit, surname, person).
const SHARED: [(&str, usize, &str, &str); 6] = [
    // "Senator Udall konnte jedoch in den meisten Umfragen recht knapp anführen": Colorado's
    // race is Mark Udall's.
    ("co", 4, "Udall", "mark-udall"),
    // New Mexico names Mark Udall once, as Tom Udall's cousin; "Senator Udall lag in allen
    // Umfragen etwa 15 % vor dem Republikaner" and "Udall gewann die Wahl" are Tom Udall.
    ("nm", 6, "Udall", "tom-udall"),
    ("nm", 7, "Udall", "tom-udall"),
    // "Lankford in allen Umfragen klar vor Johnson": Connie Johnson, his opponent.
    ("ok-special", 6, "Johnson", "connie-johnson"),
    // "Der Amtsinhaber Scott", "Scott lag in allen Umfragen deutlich vor Dickerson": Tim Scott.
    ("sc-special", 5, "Scott", "tim-scott"),
    ("sc-special", 8, "Scott", "tim-scott"),
];

/// A registry entry, read without the program's model.
#[derive(Debug)]
struct Person {
    id: String,
    /// Every full form, as words: name, article name, aliases, each also without initials.
    forms: Vec<Vec<String>>,
    /// The last word of the name.
    surname: String,
}

/// Words of letters and digits; everything else separates them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn registry() -> Vec<Person> {
    let people = toml_file("people.toml");
    people["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut names = vec![p["name"].as_str().unwrap().to_string()];
            if let Some(article) = p.get("article_name") {
                names.push(article.as_str().unwrap().to_string());
            }
            for alias in p
                .get("aliases")
                .and_then(|a| a.as_array())
                .into_iter()
                .flatten()
            {
                names.push(alias.as_str().unwrap().to_string());
            }
            let mut forms = Vec::new();
            for name in &names {
                let all = words(name);
                let without_initials: Vec<String> =
                    all.iter().filter(|w| w.len() > 1).cloned().collect();
                for form in [all, without_initials] {
                    if form.len() > 1 && !forms.contains(&form) {
                        forms.push(form);
                    }
                }
            }
            let surname = words(&names[0]).last().unwrap().clone();
            Person {
                id: p["id"].as_str().unwrap().to_string(),
                forms,
                surname,
            }
        })
        .collect()
}

/// Where `phrase` (words) stands in `text` (words): word indices `[start, end)`. The last
/// word may carry a genitive `s`.
fn find_phrase(text: &[String], phrase: &[String]) -> Vec<(usize, usize)> {
    let n = phrase.len();
    (0..text.len().saturating_sub(n - 1))
        .filter(|&i| {
            phrase.iter().enumerate().all(|(k, w)| {
                let t = &text[i + k];
                t == w || (k + 1 == n && t.strip_suffix('s') == Some(w.as_str()))
            })
        })
        .map(|i| (i, i + n))
        .collect()
}

/// The documents in article order with their units as (German, English).
fn documents() -> Vec<(String, Vec<[String; 2]>)> {
    document_ids()
        .into_iter()
        .map(|id| {
            let units = units(id).into_iter().map(|(_, de, en)| [de, en]).collect();
            (id.to_string(), units)
        })
        .collect()
}

/// Whom each unit names, derived here from the text: `[document][unit]` → person ids, for
/// one language (0 German, 1 English). Shared surnames alone are decided by [`SHARED`];
/// one that is not there is reported in `unresolved`.
fn expected(
    people: &[Person],
    docs: &[(String, Vec<[String; 2]>)],
    lang: usize,
    used: &mut BTreeSet<(String, usize)>,
    unresolved: &mut Vec<String>,
) -> Vec<Vec<BTreeSet<String>>> {
    docs.iter()
        .map(|(doc, units)| {
            units
                .iter()
                .enumerate()
                .map(|(i, unit)| {
                    let text = words(&unit[lang]);
                    let mut named = BTreeSet::new();
                    let mut covered = vec![false; text.len()];
                    for p in people {
                        for form in &p.forms {
                            for (a, b) in find_phrase(&text, form) {
                                named.insert(p.id.clone());
                                covered[a..b].iter_mut().for_each(|c| *c = true);
                            }
                        }
                    }
                    // A surname alone may name its bearers, and, were the article to use
                    // first names alone, the people whose first name it is (`Scott`).
                    let mut surnames: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
                    for p in people {
                        surnames.entry(p.surname.as_str()).or_default().push(p);
                    }
                    for p in people {
                        if let Some(bearers) = surnames.get_mut(p.forms[0][0].as_str()) {
                            bearers.push(p);
                        }
                    }
                    for (surname, bearers) in surnames {
                        let phrase = [surname.to_string()];
                        let alone = find_phrase(&text, &phrase)
                            .into_iter()
                            .any(|(a, _)| !covered[a]);
                        if !alone {
                            continue;
                        }
                        if let [only] = bearers[..] {
                            named.insert(only.id.clone());
                            continue;
                        }
                        let decided = SHARED
                            .iter()
                            .find(|(d, u, s, _)| d == doc && *u == i + 1 && *s == surname);
                        match decided {
                            Some((_, _, _, person)) => {
                                named.insert(person.to_string());
                                used.insert((doc.clone(), i + 1));
                            }
                            None => unresolved.push(format!("{doc} unit {}: {surname}", i + 1)),
                        }
                    }
                    named
                })
                .collect()
        })
        .collect()
}

/// The people each document's `[[people]]` lists.
fn listed() -> BTreeMap<String, BTreeSet<String>> {
    document_ids()
        .into_iter()
        .map(|id| {
            let doc = toml_file(&document_file(id));
            let people = doc
                .get("people")
                .and_then(|p| p.as_array())
                .into_iter()
                .flatten()
                .map(|p| p["person"].as_str().unwrap().to_string())
                .collect();
            (id.to_string(), people)
        })
        .collect()
}

fn corpus() -> Corpus {
    Corpus::load(&CorpusLocation::Dir(corpus_dir())).expect("the shipped corpus loads")
}

/// The program's links: `[document][unit]` → person ids, in one language.
fn program(corpus: &Corpus, lang: Lang) -> Vec<Vec<BTreeSet<String>>> {
    senate_kb::kb::mentions::find(&corpus.people, &corpus.documents, lang)
        .into_iter()
        .map(|units| {
            units
                .into_iter()
                .map(|ms| {
                    ms.iter()
                        .map(|m| corpus.people[m.person].id.clone())
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_program_links_exactly_the_units_that_name_each_person() {
    let people = registry();
    let docs = documents();
    let corpus = corpus();
    let mut used = BTreeSet::new();
    let mut unresolved = Vec::new();
    let mut problems = Vec::new();
    let mut links = 0;
    for (lang, code) in [(Lang::De, 0), (Lang::En, 1)] {
        let want = expected(&people, &docs, code, &mut used, &mut unresolved);
        let got = program(&corpus, lang);
        for (d, (doc, units)) in docs.iter().enumerate() {
            for u in 0..units.len() {
                let (w, g) = (&want[d][u], &got[d][u]);
                links += w.len();
                let missed: Vec<_> = w.difference(g).collect();
                let extra: Vec<_> = g.difference(w).collect();
                if !missed.is_empty() || !extra.is_empty() {
                    problems.push(format!(
                        "{doc} unit {} ({}): missed {missed:?}, extra {extra:?}",
                        u + 1,
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(
        unresolved.is_empty(),
        "a shared surname stands alone here; decide whom it names in SHARED:\n{}",
        unresolved.join("\n")
    );
    let stale: Vec<_> = SHARED
        .iter()
        .filter(|(d, u, _, _)| !used.contains(&(d.to_string(), *u)))
        .collect();
    assert!(stale.is_empty(), "SHARED entries no text needs: {stale:?}");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // 205 namings of a person by a unit, in each language.
    assert_eq!(links, 2 * 205, "unit links checked");
}

#[test]
fn german_and_english_name_the_same_people_in_every_unit() {
    let corpus = corpus();
    let (de, en) = (program(&corpus, Lang::De), program(&corpus, Lang::En));
    let mut problems = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        for u in 0..doc.units.len() {
            if de[d][u] != en[d][u] {
                problems.push(format!(
                    "{} unit {}: de {:?}, en {:?}",
                    doc.id,
                    u + 1,
                    de[d][u],
                    en[d][u]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_document_lists_exactly_the_people_its_text_names() {
    let people = registry();
    let docs = documents();
    let listed = listed();
    let (mut used, mut unresolved) = (BTreeSet::new(), Vec::new());
    let mut named: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for lang in [0, 1] {
        let units = expected(&people, &docs, lang, &mut used, &mut unresolved);
        for ((doc, _), units) in docs.iter().zip(units) {
            named
                .entry(doc)
                .or_default()
                .extend(units.into_iter().flatten());
        }
    }
    let mut problems = Vec::new();
    for (doc, _) in &docs {
        let (text, list) = (&named[doc.as_str()], &listed[doc]);
        for id in text.difference(list) {
            problems.push(format!(
                "{}: the text names {id}, who is not in its [[people]] (add them, as `mentioned` if they take no part)",
                document_file(doc)
            ));
        }
        for id in list.difference(text) {
            problems.push(format!(
                "{}: lists {id}, whom its text never names",
                document_file(doc)
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    let links: usize = listed.values().map(BTreeSet::len).sum();
    assert_eq!(links, named.values().map(BTreeSet::len).sum::<usize>());
    // Every person of the registry is named somewhere.
    let everyone: BTreeSet<&String> = named.values().flatten().collect();
    for p in &people {
        assert!(everyone.contains(&p.id), "{} is named nowhere", p.id);
    }
}

/// The roles of a person in each document that lists them.
fn roles_of(id: &str) -> Vec<(String, Vec<String>)> {
    document_ids()
        .into_iter()
        .filter_map(|doc| {
            let file = toml_file(&document_file(doc));
            let entry = file
                .get("people")?
                .as_array()?
                .iter()
                .find(|p| p["person"].as_str() == Some(id))?
                .clone();
            let roles = entry["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            Some((doc.to_string(), roles))
        })
        .collect()
}

#[test]
fn people_outside_a_race_are_mentioned_in_it() {
    let mentioned = |docs: &[&str]| -> Vec<(String, Vec<String>)> {
        docs.iter()
            .map(|d| (d.to_string(), vec!["mentioned".to_string()]))
            .collect()
    };
    // The overview and five races name Barack Obama.
    assert_eq!(
        roles_of("barack-obama"),
        mentioned(&["overview", "ma", "ne", "nj", "nc", "sc-special"])
    );
    let udall = roles_of("mark-udall");
    assert_eq!(
        udall,
        [
            (
                "co".to_string(),
                vec!["incumbent".into(), "candidate".into()]
            ),
            ("nm".to_string(), vec!["mentioned".into()]),
        ]
    );
    assert_eq!(roles_of("mitt-romney"), mentioned(&["ne", "nc"]));
    assert_eq!(roles_of("alan-keyes"), mentioned(&["sc-special"]));
    assert_eq!(roles_of("steve-lonegan"), mentioned(&["nj"]));
    assert_eq!(roles_of("john-e-sununu"), mentioned(&["nh"]));
    assert_eq!(
        roles_of("jim-inhofe"),
        [
            (
                "ok".to_string(),
                vec!["incumbent".into(), "candidate".into(), "winner".into()]
            ),
            ("ok-special".to_string(), vec!["mentioned".into()]),
        ]
    );
}

/// The program's units (1-based) of a document that name a person, in one language.
fn linked_units(corpus: &Corpus, doc: &str, person: &str, lang: Lang) -> Vec<usize> {
    let d = corpus.documents.iter().position(|x| x.id == doc).unwrap();
    program(corpus, lang)[d]
        .iter()
        .enumerate()
        .filter(|(_, ids)| ids.contains(person))
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn genitives_and_possessives_name_their_person() {
    let corpus = corpus();
    for (doc, unit, de, en, person) in [
        ("ky", 2, "McConnells", "McConnell's", "mitch-mcconnell"),
        ("overview", 14, "Obamas", "Obama's", "barack-obama"),
        ("il", 2, "Durbins", "Durbin's", "dick-durbin"),
        ("ia", 2, "Harkins", "Harkin", "tom-harkin"),
        ("ma", 4, "Markeys", "Markey's", "ed-markey"),
        ("hi-special", 3, "Inouye", "Inouye's", "daniel-inouye"),
        ("ok-special", 2, "Coburn", "Coburn's", "tom-coburn"),
        ("sc-special", 3, "DeMint", "DeMint's", "jim-demint"),
    ] {
        let (_, de_text, en_text) = &units(doc)[unit - 1];
        assert!(de_text.contains(de), "{doc} {unit}: {de_text}");
        assert!(en_text.contains(en), "{doc} {unit}: {en_text}");
        for lang in [Lang::De, Lang::En] {
            let linked = linked_units(&corpus, doc, person, lang);
            assert!(linked.contains(&unit), "{doc} {unit} {lang:?}: {linked:?}");
        }
    }
}

#[test]
fn names_the_source_ran_together_are_linked() {
    let corpus = corpus();
    let people = registry();
    let manifest = toml_file("corpus.toml");
    let source =
        std::fs::read_to_string(corpus_dir().join(manifest["source"].as_str().unwrap())).unwrap();
    let mut checked = Vec::new();
    for repair in manifest["repairs"].as_array().unwrap() {
        if repair["kind"].as_str() != Some("space") {
            continue;
        }
        // `PräsidentBarack` → `Präsident Barack`: the repaired words with what follows them
        // in the source pin down the unit.
        let (find, replace) = (
            repair["find"].as_str().unwrap(),
            repair["replace"].as_str().unwrap(),
        );
        let at = source.find(find).unwrap() + find.len();
        let following: String = source[at..].chars().take(12).collect();
        let repaired = format!("{replace}{following}");
        let after = &repaired[replace.find(' ').unwrap() + 1..];
        let found: Vec<(&str, usize)> = document_ids()
            .into_iter()
            .flat_map(|doc| {
                units(doc)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (_, de, _))| de.contains(&repaired))
                    .map(move |(u, _)| (doc, u + 1))
            })
            .collect();
        let [(doc, unit)] = found[..] else {
            panic!("{repaired:?} is in {found:?}");
        };
        let rest = words(after);
        let Some(person) = people.iter().find(|p| {
            p.forms
                .iter()
                .any(|f| rest.len() >= f.len() && rest[..f.len()] == f[..])
        }) else {
            continue;
        };
        let linked = linked_units(&corpus, doc, &person.id, Lang::De);
        assert!(linked.contains(&unit), "{doc} {unit}: {}", person.id);
        checked.push(person.id.clone());
    }
    checked.sort();
    assert_eq!(
        checked,
        [
            "barack-obama",
            "brad-hutto",
            "brian-schatz",
            "jim-oberweis",
            "john-walsh",
            "joni-ernst",
            "neil-abercrombie",
            "randall-batson",
            "t-w-shannon",
        ]
    );
}

/// Capitalized words of the English text that are not names: states, parties, offices,
/// months, institutions. A capitalized word that is neither this nor part of a registered
/// name is a person the registry lacks (or a word to add here, after checking).
const NOT_NAMES: [&str; 37] = [
    "African",
    "American",
    "August",
    "Boise",
    "China",
    "Democrat",
    "Democratic",
    "Democrats",
    "February",
    "Governor",
    "House",
    "January",
    "June",
    "Libertarian",
    "Lieutenant",
    "March",
    "Midland",
    "November",
    "Party",
    "President",
    "Representative",
    "Representatives",
    "Republican",
    "Republicans",
    "Secretary",
    "Senate",
    "Senator",
    "September",
    "Southern",
    "Speaker",
    "State",
    "States",
    "Treasurer",
    "United",
    "University",
    "Vice",
    // `U.S.`
    "U",
];

#[test]
fn every_name_the_article_gives_is_in_the_registry() {
    let people = registry();
    let names: BTreeSet<String> = people.iter().flat_map(|p| p.forms.concat()).collect();
    let states = toml_file("states.toml");
    let state_words: BTreeSet<String> = states["state"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| words(s["en"].as_str().unwrap()))
        .collect();
    let mut unknown = BTreeSet::new();
    for doc in document_ids() {
        for (_, _, en) in units(doc) {
            // A sentence's first word is capitalized anyway.
            for word in words(&en).into_iter().skip(1) {
                let capitalized = word.starts_with(|c: char| c.is_uppercase());
                let known = names.contains(&word)
                    || state_words.contains(&word)
                    || NOT_NAMES.contains(&word.as_str())
                    || word == "S";
                if capitalized && !known {
                    unknown.insert(format!("{doc}: {word}"));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "capitalized words that are no registered name: {unknown:?}"
    );
}

#[test]
fn no_two_people_share_a_full_name() {
    let people = registry();
    let mut seen: BTreeMap<&Vec<String>, &str> = BTreeMap::new();
    for p in &people {
        for form in &p.forms {
            if let Some(other) = seen.insert(form, &p.id) {
                assert_eq!(other, p.id, "{form:?} names {other} and {}", p.id);
            }
        }
    }
}
