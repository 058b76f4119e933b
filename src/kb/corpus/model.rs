//! The corpus data model: plain serde structs that mirror the TOML files in `corpus/`.
//!
//! Everything else in senate-kb (validation, export, the index, the answers) reads these types.
//! Unknown keys are rejected everywhere so that a typo in a corpus file is an error, not a
//! silently ignored fact.

use serde::{Deserialize, Serialize};

/// The version of the corpus format that this program reads.
pub const FORMAT_VERSION: u32 = 1;

/// `corpus.toml`: the manifest that ties the corpus together.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Version of the file format; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The source article, relative to the corpus directory.
    pub source: String,
    /// Document ids in article order: `overview` first, then the 36 races.
    pub documents: Vec<String>,
    /// The only changes the German units may make to the source article (besides dropping
    /// section headings): spaces lost where links were, and footnote markers.
    #[serde(default)]
    pub repairs: Vec<Repair>,
}

/// One documented change to the source text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Repair {
    /// What kind of damage this repairs.
    pub kind: RepairKind,
    /// The text as the source article has it; it must occur exactly once.
    pub find: String,
    /// What the corpus has instead.
    pub replace: String,
}

/// The kinds of repair the corpus allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A space lost where a link was (`PräsidentBarack`).
    Space,
    /// A footnote marker (`[2]`), removed.
    Footnote,
}

/// One sentence unit: a German sentence of the article and its English translation.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SentencePair {
    /// The paragraph of the document this sentence belongs to, counted from 1.
    pub paragraph: u32,
    /// The German sentence, word for word as in the article (after the documented repairs).
    pub de: String,
    /// Its English translation.
    pub en: String,
}

/// Where a fact comes from: a unit of the article, or knowledge from outside it.
///
/// Exactly one of `unit` and `external` is set. `doc` points the unit at another document
/// (the overview lists the special elections; New Mexico's text names Mark Udall's state).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The unit (1-based) that states the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<usize>,
    /// The document holding `unit`, when it is not the race itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Why the fact is known although the article does not state it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

/// A single fact with its provenance.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fact<T> {
    /// The value.
    pub value: T,
    /// The unit that states it (1-based, in this race unless `doc` says otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<usize>,
    /// The document holding `unit`, when it is not this race.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Where the fact comes from when the article does not state it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

impl<T> Fact<T> {
    /// The provenance of this fact.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            unit: self.unit,
            doc: self.doc.clone(),
            external: self.external.clone(),
        }
    }
}

/// A party, by its one-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Party {
    /// Democratic Party.
    D,
    /// Republican Party.
    R,
    /// Independent (no party).
    I,
    /// Libertarian Party.
    L,
}

impl Party {
    /// Every party, in the order tables show them.
    pub const ALL: [Party; 4] = [Party::D, Party::R, Party::I, Party::L];

    /// The one-letter code (`D`).
    pub fn code(self) -> &'static str {
        match self {
            Party::D => "D",
            Party::R => "R",
            Party::I => "I",
            Party::L => "L",
        }
    }
}

/// Whether the seat changed party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The seat changed party.
    Gain,
    /// The party that held the seat kept it.
    Hold,
}

impl Outcome {
    /// The contract's spelling (`gain`, `hold`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Gain => "gain",
            Outcome::Hold => "hold",
        }
    }
}

/// How the article qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `mit 58 %`: the number as stated (rounded as the article rounds it).
    Exact,
    /// `mit mehr als 56 %`, `mit über 65 %`.
    MoreThan,
    /// `fast 56 %`.
    Almost,
    /// `knapp mehr als 53 %`.
    JustOver,
    /// `mit weniger als einem Prozent`.
    LessThan,
}

impl Qualifier {
    /// The contract's spelling (`more_than`).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::Almost => "almost",
            Qualifier::JustOver => "just_over",
            Qualifier::LessThan => "less_than",
        }
    }
}

/// The winner's share of the vote as the article states it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VoteShare {
    /// The percentage the article gives.
    pub percent: f64,
    /// How the article qualifies it.
    pub qualifier: Qualifier,
    /// The unit that states it.
    pub unit: usize,
    /// Set where the article's number disagrees with the official result: what is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discrepancy: Option<String>,
}

/// The winner's lead in percentage points, where the article gives that instead of a share.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Margin {
    /// The lead in percentage points the article gives.
    pub points: f64,
    /// How the article qualifies it.
    pub qualifier: Qualifier,
    /// The unit that states it.
    pub unit: usize,
    /// Set where the article's number disagrees with the official result: what is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discrepancy: Option<String>,
}

/// The certified result, from outside the article, against which its numbers are checked.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OfficialResult {
    /// The winner's share of the vote, in percent, rounded to one decimal.
    pub percent: f64,
    /// The winner's lead over the runner-up, in percentage points, where the article gives a margin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// Where the numbers come from.
    pub external: String,
}

/// The structured facts of one race.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RaceFacts {
    /// The state's postal code (`MT`).
    pub state: Fact<String>,
    /// Whether this was a special election for the remainder of a term.
    pub special: Fact<bool>,
    /// The person id of the winner.
    pub winner: Fact<String>,
    /// The party that held the seat before the election.
    pub party_before: Fact<Party>,
    /// Whether the seat changed party.
    pub outcome: Fact<Outcome>,
    /// The winner's share as the article states it; absent where it states none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_share: Option<VoteShare>,
    /// The winner's lead, where the article gives a lead instead of a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<Margin>,
    /// The certified result, to check the article's numbers against.
    pub official: OfficialResult,
    /// Whether the race was decided in a runoff (a second round after no candidate won the
    /// majority the state requires); absent where it was not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runoff: Option<Fact<bool>>,
    /// Anything a reader of the facts should know (a runoff, a withdrawal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a person did in a race. The vocabulary is documented in `corpus/README.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Held the seat going into the election.
    Incumbent,
    /// Appointed to the seat before the election.
    Appointed,
    /// On the general-election ballot.
    Candidate,
    /// Won the general election.
    Winner,
    /// An incumbent who did not run again.
    Retiring,
    /// Left the seat before the end of the term.
    Resigned,
    /// Withdrew a candidacy.
    Withdrawn,
    /// Held the seat before the incumbent.
    Predecessor,
    /// The governor who appointed the senator or called the special election.
    Governor,
    /// Ran in a primary and lost it.
    Primary,
    /// Named in the race's text without taking part in it.
    Mentioned,
}

impl Role {
    /// The contract's spelling (`incumbent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Incumbent => "incumbent",
            Role::Appointed => "appointed",
            Role::Candidate => "candidate",
            Role::Winner => "winner",
            Role::Retiring => "retiring",
            Role::Resigned => "resigned",
            Role::Withdrawn => "withdrawn",
            Role::Predecessor => "predecessor",
            Role::Governor => "governor",
            Role::Primary => "primary",
            Role::Mentioned => "mentioned",
        }
    }
}

/// A person's part in one race.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The person's id in `people.toml`.
    pub person: String,
    /// What they were in this race.
    pub roles: Vec<Role>,
}

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// The article's introduction.
    Overview,
    /// One race.
    Race,
}

impl DocKind {
    /// The contract's spelling (`race`, `overview`).
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Overview => "overview",
            DocKind::Race => "race",
        }
    }
}

/// Numbers the overview states about the whole election, against which the race facts are
/// checked.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OverviewFacts {
    /// How many seats were up for election.
    pub races: Fact<u32>,
    /// How many of them were special elections.
    pub special: Fact<u32>,
    /// Seats per party in the Senate before the election.
    pub seats_before: Fact<std::collections::BTreeMap<Party, u32>>,
    /// How many of the seats up for election each party held.
    pub defending: Fact<std::collections::BTreeMap<Party, u32>>,
    /// The majority the article states after the election.
    pub seats_after: Fact<std::collections::BTreeMap<Party, u32>>,
}

/// `overview.toml` or `races/<id>.toml`: one document of the knowledge base.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// `overview` or a race id (`mt`, `ok-special`).
    pub id: String,
    /// The section headings the source article prints before this document's text, which
    /// the corpus derives from the race instead of storing as text.
    #[serde(default)]
    pub source_headings: Vec<String>,
    /// The facts of a race; `None` for the overview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<RaceFacts>,
    /// The overview's election-wide numbers; `None` for races.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<OverviewFacts>,
    /// Everyone the text names, with their roles.
    #[serde(default)]
    pub people: Vec<Participant>,
    /// The text, sentence by sentence, in article order.
    pub units: Vec<SentencePair>,
}

impl Document {
    /// Whether this is the overview or a race.
    pub fn kind(&self) -> DocKind {
        if self.facts.is_some() {
            DocKind::Race
        } else {
            DocKind::Overview
        }
    }

    /// The unit with the 1-based number `n`.
    pub fn unit(&self, n: usize) -> Option<&SentencePair> {
        n.checked_sub(1).and_then(|i| self.units.get(i))
    }

    /// The participant entry of a person, if they take part in this document.
    pub fn participant(&self, person: &str) -> Option<&Participant> {
        self.people.iter().find(|p| p.person == person)
    }
}

/// Grammatical gender, for German templates (`Amtsinhaberin`, `die Republikanerin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Masculine forms.
    Male,
    /// Feminine forms.
    Female,
}

impl Gender {
    /// The Fluent selector value (`male`, `female`).
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// One person of `people.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Lower-case hyphenated id (`tom-udall`).
    pub id: String,
    /// The name as readers know it (`Connie Johnson`).
    pub name: String,
    /// The name exactly as the article first writes it, where it differs
    /// (`Constance N. („Connie“) Johnson`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_name: Option<String>,
    /// Other names a reader may look them up by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Their party in 2014.
    pub party: Party,
    /// Set when the article never states the party: where it is known from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_external: Option<String>,
    /// Grammatical gender for German.
    pub gender: Gender,
}

#[cfg(test)]
impl Person {
    /// A Democrat with the given names, for unit tests.
    pub(crate) fn sample(id: &str, name: &str, article: Option<&str>, aliases: &[&str]) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            article_name: article.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            party: Party::D,
            party_external: None,
            gender: Gender::Male,
        }
    }
}

/// `people.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// Every person the article names.
    pub person: Vec<Person>,
}

/// One state of `states.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Postal code (`MT`).
    pub code: String,
    /// German name.
    pub de: String,
    /// English name.
    pub en: String,
    /// Other spellings people type (`Nord-Carolina`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `states.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatesFile {
    /// The states that held a Senate election in 2014.
    pub state: Vec<State>,
}

/// One entry of the bilingual election glossary that search uses to bridge the languages.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// German forms (`Stichwahl`).
    pub de: Vec<String>,
    /// English forms (`runoff`).
    pub en: Vec<String>,
}

/// `glossary.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// The terms.
    pub term: Vec<Term>,
}

/// A concept of the race facts that people name in words of their own (`corpus/vocabulary.toml`):
/// which races it applies to is decided by the facts, never by a list of races (see
/// [`crate::kb::knowledge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptId {
    /// Every race: a Senate election in 2014.
    Race,
    /// Every race has a result.
    Result,
    /// The `winner`.
    Winner,
    /// A general-election candidate who is not the winner.
    Loser,
    /// The person who held the seat.
    Incumbent,
    /// An incumbent on the ballot who lost.
    IncumbentDefeated,
    /// An incumbent who did not run again.
    Retired,
    /// No incumbent on the ballot.
    OpenSeat,
    /// Someone withdrew a candidacy.
    Withdrew,
    /// Someone resigned the seat.
    Resigned,
    /// Someone was appointed to the seat.
    Appointed,
    /// Someone lost a primary.
    PrimaryDefeat,
    /// The seat changed party: the winner's party gained it.
    Gain,
    /// The seat changed party: the party that held it lost it.
    Loss,
    /// The party that held the seat kept it.
    Hold,
    /// A race decided in a runoff.
    Runoff,
    /// A special election.
    Special,
    /// A regular election.
    Regular,
    /// A close result: no majority, or a lead under three points.
    Close,
    /// A clear result: 60 % or more.
    Clear,
    /// The winner was the only candidate.
    Unopposed,
    /// The winner's certified share was above a round number (`{n}` in the words).
    ShareOver,
    /// The winner's certified share was under a round number (`{n}` in the words).
    ShareUnder,
    /// Said of a woman.
    Women,
    /// The Democratic Party.
    Democrats,
    /// The Republican Party.
    Republicans,
    /// Candidates of no party.
    Independents,
    /// The Libertarian Party.
    Libertarians,
}

impl ConceptId {
    /// Every concept, each of which `vocabulary.toml` must hold once.
    pub const ALL: [ConceptId; 28] = [
        ConceptId::Race,
        ConceptId::Result,
        ConceptId::Winner,
        ConceptId::Loser,
        ConceptId::Incumbent,
        ConceptId::IncumbentDefeated,
        ConceptId::Retired,
        ConceptId::OpenSeat,
        ConceptId::Withdrew,
        ConceptId::Resigned,
        ConceptId::Appointed,
        ConceptId::PrimaryDefeat,
        ConceptId::Gain,
        ConceptId::Loss,
        ConceptId::Hold,
        ConceptId::Runoff,
        ConceptId::Special,
        ConceptId::Regular,
        ConceptId::Close,
        ConceptId::Clear,
        ConceptId::Unopposed,
        ConceptId::ShareOver,
        ConceptId::ShareUnder,
        ConceptId::Women,
        ConceptId::Democrats,
        ConceptId::Republicans,
        ConceptId::Independents,
        ConceptId::Libertarians,
    ];

    /// The spelling in `vocabulary.toml` (`open_seat`).
    pub fn as_str(self) -> &'static str {
        match self {
            ConceptId::Race => "race",
            ConceptId::Result => "result",
            ConceptId::Winner => "winner",
            ConceptId::Loser => "loser",
            ConceptId::Incumbent => "incumbent",
            ConceptId::IncumbentDefeated => "incumbent_defeated",
            ConceptId::Retired => "retired",
            ConceptId::OpenSeat => "open_seat",
            ConceptId::Withdrew => "withdrew",
            ConceptId::Resigned => "resigned",
            ConceptId::Appointed => "appointed",
            ConceptId::PrimaryDefeat => "primary_defeat",
            ConceptId::Gain => "gain",
            ConceptId::Loss => "loss",
            ConceptId::Hold => "hold",
            ConceptId::Runoff => "runoff",
            ConceptId::Special => "special",
            ConceptId::Regular => "regular",
            ConceptId::Close => "close",
            ConceptId::Clear => "clear",
            ConceptId::Unopposed => "unopposed",
            ConceptId::ShareOver => "share_over",
            ConceptId::ShareUnder => "share_under",
            ConceptId::Women => "women",
            ConceptId::Democrats => "democrats",
            ConceptId::Republicans => "republicans",
            ConceptId::Independents => "independents",
            ConceptId::Libertarians => "libertarians",
        }
    }

    /// Whether the facts are the authority on the concept: its words in a query find only the
    /// races whose facts say it, never a text that uses a word of it in another sense
    /// (`knapp mehr als 70 %` is no close race, `relativ offen` no open seat).
    pub fn only_by_facts(self) -> bool {
        matches!(
            self,
            ConceptId::IncumbentDefeated
                | ConceptId::Retired
                | ConceptId::OpenSeat
                | ConceptId::Gain
                | ConceptId::Loss
                | ConceptId::Hold
                | ConceptId::Close
                | ConceptId::Clear
                | ConceptId::Unopposed
                | ConceptId::ShareOver
                | ConceptId::ShareUnder
        )
    }

    /// The concept of a party's name.
    pub fn party(party: Party) -> ConceptId {
        match party {
            Party::D => ConceptId::Democrats,
            Party::R => ConceptId::Republicans,
            Party::I => ConceptId::Independents,
            Party::L => ConceptId::Libertarians,
        }
    }
}

/// One entry of `vocabulary.toml`: a concept and the words of each language that mean it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Which concept.
    pub id: ConceptId,
    /// German words and phrases.
    pub de: Vec<String>,
    /// English words and phrases.
    pub en: Vec<String>,
    /// Why these words mean this concept, and what they must not be taken for.
    pub reason: String,
}

/// `vocabulary.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    /// The concepts.
    pub concept: Vec<Concept>,
}
