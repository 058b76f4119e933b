//! What a race's facts say, in the words people use for it: the statements the facts make
//! (`Cory Gardner` is the winner, the Republicans gained the seat, it was a close result), each
//! told in the words of its concept of `corpus/vocabulary.toml`, in both languages. Search
//! indexes these beside the article's text, so that `who won Iowa`, `Republican gains`,
//! `retired` or `unopposed` find their races although the article says it otherwise, or only
//! in a heading; nothing here is shown to a reader.
//!
//! Which statements a race makes is decided by its facts and its people's roles alone, never by
//! a list of races: a new race in the corpus gets its statements from its facts.

use crate::kb::corpus::{
    ConceptId, Corpus, Document, Gender, Party, Person, RaceFacts, Role, State,
};
use crate::l10n::Lang;

/// The share under which a winner had no majority: a close result (see `vocabulary.toml`).
const MAJORITY: f64 = 50.0;
/// A lead in points under which a result was close.
const CLOSE_MARGIN: f64 = 3.0;
/// The share from which a result was clear.
const CLEAR_SHARE: f64 = 60.0;
/// The round shares a winner's share is told to be above (`über 70 Prozent`).
const SHARES_OVER: [u32; 5] = [50, 60, 70, 80, 90];
/// The round shares a winner's share is told to be under.
const SHARES_UNDER: [u32; 2] = [50, 60];

/// One thing a race's facts say: a concept, said of a person or of a party, or of the race.
#[derive(Debug, Clone, Copy)]
pub struct Statement<'a> {
    /// What is said.
    pub concept: ConceptId,
    /// Of whom (the winner, a loser, the incumbent …).
    pub person: Option<&'a Person>,
    /// Of which party (the one that gained, lost or held the seat).
    pub party: Option<Party>,
}

impl<'a> Statement<'a> {
    fn of_race(concept: ConceptId) -> Statement<'a> {
        Statement {
            concept,
            person: None,
            party: None,
        }
    }

    fn of_person(concept: ConceptId, person: &'a Person) -> Statement<'a> {
        Statement {
            concept,
            person: Some(person),
            party: Some(person.party),
        }
    }

    fn of_party(concept: ConceptId, party: Party) -> Statement<'a> {
        Statement {
            concept,
            person: None,
            party: Some(party),
        }
    }
}

/// Everything a race's facts say (nothing for the overview), in a stable order.
pub fn statements<'a>(corpus: &'a Corpus, doc: &'a Document) -> Vec<Statement<'a>> {
    let Some(facts) = &doc.facts else {
        return Vec::new();
    };
    // Every race is a race and has a result: words that say so are filler in a query (see
    // `race` and `result` in `vocabulary.toml`), never said of one race.
    let mut out = vec![Statement::of_race(if facts.special.value {
        ConceptId::Special
    } else {
        ConceptId::Regular
    })];
    let has = |person: &str, role: Role| {
        doc.participant(person)
            .is_some_and(|p| p.roles.contains(&role))
    };
    let mut candidates = 0;
    let mut incumbent_on_ballot = false;
    for participant in &doc.people {
        let Some(person) = corpus.person(&participant.person) else {
            continue;
        };
        let id = person.id.as_str();
        let on_ballot = has(id, Role::Candidate);
        candidates += usize::from(on_ballot);
        let won = has(id, Role::Winner);
        let incumbent = has(id, Role::Incumbent);
        incumbent_on_ballot |= incumbent && on_ballot;
        for (holds, concept) in [
            (won, ConceptId::Winner),
            (on_ballot && !won, ConceptId::Loser),
            (incumbent, ConceptId::Incumbent),
            (incumbent && on_ballot && !won, ConceptId::IncumbentDefeated),
            (has(id, Role::Retiring), ConceptId::Retired),
            (has(id, Role::Withdrawn), ConceptId::Withdrew),
            (has(id, Role::Resigned), ConceptId::Resigned),
            (has(id, Role::Appointed), ConceptId::Appointed),
            (has(id, Role::Primary), ConceptId::PrimaryDefeat),
        ] {
            if holds {
                out.push(Statement::of_person(concept, person));
            }
        }
    }
    if !incumbent_on_ballot {
        out.push(Statement::of_race(ConceptId::OpenSeat));
    }
    if candidates == 1 {
        out.push(Statement::of_race(ConceptId::Unopposed));
    }
    if facts.runoff.as_ref().is_some_and(|r| r.value) {
        out.push(Statement::of_race(ConceptId::Runoff));
    }
    out.extend(outcome(corpus, facts));
    out.extend(closeness(facts).map(Statement::of_race));
    out
}

/// Who gained, lost or held the seat.
fn outcome<'a>(corpus: &Corpus, facts: &RaceFacts) -> Vec<Statement<'a>> {
    let before = facts.party_before.value;
    let winner = corpus.person(&facts.winner.value).map(|w| w.party);
    match winner {
        Some(party) if party != before => vec![
            Statement::of_party(ConceptId::Gain, party),
            Statement::of_party(ConceptId::Loss, before),
        ],
        _ => vec![Statement::of_party(ConceptId::Hold, before)],
    }
}

/// Whether the certified result was close or clear (see `vocabulary.toml`).
fn closeness(facts: &RaceFacts) -> Option<ConceptId> {
    let official = &facts.official;
    let close = official.percent < MAJORITY || official.margin.is_some_and(|m| m < CLOSE_MARGIN);
    if close {
        Some(ConceptId::Close)
    } else if official.percent >= CLEAR_SHARE {
        Some(ConceptId::Clear)
    } else {
        None
    }
}

/// What a race's knowledge says, unit by unit, in a language: its title, every spelling of its
/// state, and each statement (the person's name, the party's words, the concept's words).
/// Empty for the overview.
pub fn units(corpus: &Corpus, doc: &Document, title: &str, lang: Lang) -> Vec<String> {
    let Some(facts) = &doc.facts else {
        return Vec::new();
    };
    let mut units = vec![title.to_string()];
    if let Some(state) = corpus.state(&facts.state.value) {
        units.push(spellings(state).join(" · "));
    }
    for statement in statements(corpus, doc) {
        let mut words: Vec<&str> = Vec::new();
        if let Some(person) = statement.person {
            words.push(&person.name);
            if person.gender == Gender::Female {
                words.extend(
                    corpus
                        .words(ConceptId::Women, lang)
                        .iter()
                        .map(String::as_str),
                );
            }
        }
        if let Some(party) = statement.party {
            words.extend(
                corpus
                    .words(ConceptId::party(party), lang)
                    .iter()
                    .map(String::as_str),
            );
        }
        words.extend(
            corpus
                .words(statement.concept, lang)
                .iter()
                .map(String::as_str),
        );
        units.push(words.join(" · "));
    }
    units.extend(shares(corpus, facts, lang));
    units
}

/// The winner's certified share in the words people ask for it: above each round share it
/// passed, under each it did not reach (one unit each).
fn shares(corpus: &Corpus, facts: &RaceFacts, lang: Lang) -> Vec<String> {
    let percent = facts.official.percent;
    let told = |concept, n: u32| {
        let words: Vec<String> = corpus
            .words(concept, lang)
            .iter()
            .map(|w| w.replace("{n}", &n.to_string()))
            .collect();
        words.join(" · ")
    };
    let over = SHARES_OVER
        .iter()
        .filter(|&&n| percent > f64::from(n))
        .map(|&n| told(ConceptId::ShareOver, n));
    let under = SHARES_UNDER
        .iter()
        .filter(|&&n| percent < f64::from(n))
        .map(|&n| told(ConceptId::ShareUnder, n));
    over.chain(under).collect()
}

/// What the facts of a race say, as terms a word whose meaning only the facts decide
/// ([`ConceptId::only_by_facts`]) is held to: each concept said (`close`, `open_seat`), a
/// party's gain, loss or hold with the party (`gain:r`, `hold:d`), and the winner's certified
/// share against every whole percentage (`share_over:70`, `share_under:50`). Once each.
pub fn fact_terms(corpus: &Corpus, doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for statement in statements(corpus, doc) {
        let concept = statement.concept.as_str();
        out.push(concept.to_string());
        let bound = matches!(
            statement.concept,
            ConceptId::Gain | ConceptId::Loss | ConceptId::Hold
        );
        if let (true, Some(party)) = (bound, statement.party) {
            out.push(party_term(statement.concept, party));
        }
    }
    if let Some(facts) = &doc.facts {
        let percent = facts.official.percent;
        for n in 1..=100u32 {
            if percent > f64::from(n) {
                out.push(share_term(ConceptId::ShareOver, n));
            } else if percent < f64::from(n) {
                out.push(share_term(ConceptId::ShareUnder, n));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The term of a party's gain, loss or hold (`gain:r`).
pub fn party_term(concept: ConceptId, party: Party) -> String {
    format!("{}:{}", concept.as_str(), party.code().to_lowercase())
}

/// The term of a share above or under a whole percentage (`share_over:70`).
pub fn share_term(concept: ConceptId, n: u32) -> String {
    format!("{}:{n}", concept.as_str())
}

/// Every spelling of a state's name people type: its German and English names and its
/// aliases, and of each that has several words (`West Virginia`, `Süd-Dakota`), the words
/// written together too (`Westvirginia`, `Süddakota`), once each.
pub fn spellings(state: &State) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let names = [&state.de, &state.en].into_iter().chain(&state.aliases);
    for name in names {
        let joined: String = name.split([' ', '-']).collect::<Vec<_>>().concat();
        for spelling in [name.clone(), joined] {
            if !out.contains(&spelling) {
                out.push(spelling);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::{CorpusLocation, Outcome};

    fn corpus() -> Corpus {
        Corpus::load(&CorpusLocation::Embedded).unwrap()
    }

    fn concepts(corpus: &Corpus, id: &str) -> Vec<ConceptId> {
        let doc = corpus.document(id).unwrap();
        statements(corpus, doc).iter().map(|s| s.concept).collect()
    }

    /// Each statement follows from the facts and roles as the vocabulary's reasons say, checked
    /// against the facts read independently here for every race.
    #[test]
    fn statements_follow_from_the_facts() {
        let corpus = corpus();
        for doc in corpus.races() {
            let facts = doc.facts.as_ref().unwrap();
            let said = statements(&corpus, doc);
            let of = |concept| said.iter().filter(move |s| s.concept == concept);
            let winner = corpus.person(&facts.winner.value).unwrap();
            let winners: Vec<&str> = of(ConceptId::Winner)
                .map(|s| s.person.unwrap().id.as_str())
                .collect();
            assert_eq!(winners, [winner.id.as_str()], "{}", doc.id);
            let gained = facts.outcome.value == Outcome::Gain;
            assert_eq!(
                of(ConceptId::Gain).count(),
                usize::from(gained),
                "{}",
                doc.id
            );
            assert_eq!(
                of(ConceptId::Hold).count(),
                usize::from(!gained),
                "{}",
                doc.id
            );
            if gained {
                assert_eq!(
                    of(ConceptId::Gain).next().unwrap().party,
                    Some(winner.party)
                );
                let lost = of(ConceptId::Loss).next().unwrap().party;
                assert_eq!(lost, Some(facts.party_before.value), "{}", doc.id);
            }
            let losers = doc
                .people
                .iter()
                .filter(|p| p.roles.contains(&Role::Candidate) && !p.roles.contains(&Role::Winner))
                .count();
            assert_eq!(of(ConceptId::Loser).count(), losers, "{}", doc.id);
            let special = of(ConceptId::Special).count() == 1;
            assert_eq!(special, facts.special.value, "{}", doc.id);
            assert_ne!(special, of(ConceptId::Regular).count() == 1, "{}", doc.id);
        }
    }

    /// The races the article and the certified results make known: Alabama's Jeff Sessions ran
    /// alone; Virginia, North Carolina, Colorado and Alaska were won without a majority or by
    /// under a point; six incumbents retired; Walsh (Montana) and Taylor (Kansas) withdrew.
    #[test]
    fn the_races_people_ask_about() {
        let corpus = corpus();
        let with = |concept| {
            let mut ids: Vec<&str> = corpus
                .races()
                .filter(|d| concepts(&corpus, &d.id).contains(&concept))
                .map(|d| d.id.as_str())
                .collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(with(ConceptId::Unopposed), ["al"]);
        assert_eq!(with(ConceptId::Close), ["ak", "co", "nc", "va"]);
        assert_eq!(
            with(ConceptId::Retired),
            ["ga", "ia", "mi", "ne", "sd", "wv"]
        );
        assert_eq!(with(ConceptId::Withdrew), ["ks", "mt"]);
        assert_eq!(
            with(ConceptId::IncumbentDefeated),
            ["ak", "ar", "co", "la", "nc"]
        );
        let open = with(ConceptId::OpenSeat);
        for id in ["ga", "ia", "mi", "ne", "sd", "wv", "mt", "ok-special"] {
            assert!(open.contains(&id), "{id} {open:?}");
        }
        assert!(
            !open.contains(&"co") && !open.contains(&"hi-special"),
            "{open:?}"
        );
    }

    /// A race's units hold its title, its state's spellings and its statements in the words of
    /// the language asked for; the overview has none.
    #[test]
    fn units_speak_the_language_asked_for() {
        let corpus = corpus();
        let sd = corpus.document("sd").unwrap();
        let de = units(&corpus, sd, "South Dakota", Lang::De).join("\n");
        let en = units(&corpus, sd, "South Dakota", Lang::En).join("\n");
        for spelling in ["Süd-Dakota", "Süddakota", "South Dakota", "SouthDakota"] {
            assert!(de.contains(spelling) && en.contains(spelling), "{spelling}");
        }
        assert!(
            de.contains("Mike Rounds") && de.contains("Wahlsieger"),
            "{de}"
        );
        assert!(en.contains("Mike Rounds") && en.contains("winner"), "{en}");
        assert!(!de.contains("victory") && !en.contains("Wahlsieger"));
        let overview = corpus.overview().unwrap();
        assert!(units(&corpus, overview, "", Lang::De).is_empty());
    }
}
