//! `check`: everything that must hold across the corpus files, each violation a [`Problem`]
//! that names its file, its line where one can be found, and what is wrong.
//!
//! Checks ids and references, the facts against each other and against the official
//! results, the translation (numbers, names, no German left), and the German text against the
//! source article ([`super::fidelity`]).

use std::collections::{BTreeMap, HashSet};

use super::load::{Problem, ProblemKind};
use super::model::*;
use super::{Corpus, fidelity};

/// Every problem of a parsed corpus; empty when it is sound.
pub fn validate(corpus: &Corpus) -> Vec<Problem> {
    let mut v = Validator {
        corpus,
        problems: Vec::new(),
    };
    v.manifest();
    v.people();
    v.states();
    v.vocabulary();
    for doc in &corpus.documents {
        v.document(doc);
    }
    v.election();
    v.problems.extend(fidelity::check(corpus));
    v.problems
}

struct Validator<'a> {
    corpus: &'a Corpus,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn push(&mut self, file: &str, line: Option<usize>, kind: ProblemKind) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            kind,
        });
    }

    /// The line of the first occurrence of `needle` in a file's text.
    fn line_of(&self, file: &str, needle: &str) -> Option<usize> {
        let text = self.corpus.texts.get(file)?;
        text.find(needle).map(|at| super::load::line_at(text, at))
    }

    /// The line of the `n`-th (1-based) `[[units]]` table of a document file.
    fn unit_line(&self, file: &str, n: usize) -> Option<usize> {
        let text = self.corpus.texts.get(file)?;
        let at = text.match_indices("[[units]]").nth(n.checked_sub(1)?)?.0;
        Some(super::load::line_at(text, at))
    }

    fn manifest(&mut self) {
        let file = self.corpus.file_of("corpus.toml");
        let m = &self.corpus.manifest;
        if m.format_version != FORMAT_VERSION {
            let line = self.line_of(&file, "format_version");
            self.push(
                &file,
                line,
                ProblemKind::FormatVersion {
                    found: m.format_version,
                    expected: FORMAT_VERSION,
                },
            );
        }
        let mut seen = HashSet::new();
        for id in &m.documents {
            if !seen.insert(id) {
                let line = self.line_of(&file, &format!("\"{id}\""));
                self.push(
                    &file,
                    line,
                    ProblemKind::DuplicateDocument { id: id.clone() },
                );
            }
        }
        if m.documents.first().map(String::as_str) != Some("overview") {
            let line = self.line_of(&file, "documents");
            self.push(&file, line, ProblemKind::OverviewNotFirst);
        }
    }

    fn people(&mut self) {
        let file = self.corpus.file_of("people.toml");
        let mut seen = HashSet::new();
        let used: HashSet<&str> = self
            .corpus
            .documents
            .iter()
            .flat_map(|d| d.people.iter().map(|p| p.person.as_str()))
            .collect();
        for person in &self.corpus.people {
            let line = self.line_of(&file, &format!("id = \"{}\"", person.id));
            if !seen.insert(person.id.as_str()) {
                self.push(
                    &file,
                    line,
                    ProblemKind::DuplicatePerson {
                        id: person.id.clone(),
                    },
                );
            }
            let well_formed = !person.id.is_empty()
                && person.id.split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                });
            if !well_formed {
                self.push(
                    &file,
                    line,
                    ProblemKind::BadPersonId {
                        id: person.id.clone(),
                    },
                );
            }
            if !used.contains(person.id.as_str()) {
                self.push(
                    &file,
                    line,
                    ProblemKind::PersonUnused {
                        id: person.id.clone(),
                    },
                );
            }
        }
    }

    fn states(&mut self) {
        let file = self
            .corpus
            .files
            .get("states.toml")
            .cloned()
            .unwrap_or_default();
        let mut seen = HashSet::new();
        for state in &self.corpus.states {
            if !seen.insert(state.code.as_str()) {
                self.push(
                    &file,
                    None,
                    ProblemKind::DuplicateState {
                        code: state.code.clone(),
                    },
                );
            }
        }
    }

    /// Every concept once, with words in both languages and a reason.
    fn vocabulary(&mut self) {
        let file = self
            .corpus
            .files
            .get("vocabulary.toml")
            .cloned()
            .unwrap_or_default();
        let mut seen = HashSet::new();
        for concept in &self.corpus.vocabulary {
            let name = concept.id.as_str().to_string();
            if !seen.insert(concept.id) {
                self.push(&file, None, ProblemKind::ConceptDuplicate { concept: name });
                continue;
            }
            // The share concepts' words hold the share (`über {n} Prozent`); no other's may.
            let counted = matches!(concept.id, ConceptId::ShareOver | ConceptId::ShareUnder);
            let bad = |words: &[String]| {
                words.is_empty()
                    || words
                        .iter()
                        .any(|w| w.trim().is_empty() || w.contains("{n}") != counted)
            };
            let parts = [
                ("de", bad(&concept.de)),
                ("en", bad(&concept.en)),
                ("reason", concept.reason.trim().is_empty()),
            ];
            for (part, incomplete) in parts {
                if incomplete {
                    self.push(
                        &file,
                        None,
                        ProblemKind::ConceptIncomplete {
                            concept: name.clone(),
                            part: part.to_string(),
                        },
                    );
                }
            }
        }
        for id in ConceptId::ALL {
            if !seen.contains(&id) {
                self.push(
                    &file,
                    None,
                    ProblemKind::ConceptMissing {
                        concept: id.as_str().to_string(),
                    },
                );
            }
        }
    }

    fn document(&mut self, doc: &Document) {
        let file = self.corpus.file_of(&doc.id);
        let expected = if self.corpus.manifest.documents.contains(&doc.id) {
            doc.id.clone()
        } else {
            String::new()
        };
        if expected.is_empty() {
            let line = self.line_of(&file, "id =");
            self.push(
                &file,
                line,
                ProblemKind::IdMismatch {
                    id: doc.id.clone(),
                    expected: file.clone(),
                },
            );
        }
        self.units(doc, &file);
        self.participants(doc, &file);
        match (&doc.facts, &doc.election, doc.id == "overview") {
            (Some(facts), None, false) => self.facts(doc, facts, &file),
            (None, Some(_), true) => {}
            _ => {
                let kind = if doc.id == "overview" {
                    "overview"
                } else {
                    "race"
                };
                self.push(
                    &file,
                    None,
                    ProblemKind::FactsPlacement { kind: kind.into() },
                );
            }
        }
    }

    fn units(&mut self, doc: &Document, file: &str) {
        if doc.units.is_empty() {
            self.push(file, None, ProblemKind::NoUnits);
            return;
        }
        let mut paragraph = 0;
        for (i, unit) in doc.units.iter().enumerate() {
            let n = i + 1;
            let line = self.unit_line(file, n);
            if unit.paragraph != paragraph && unit.paragraph != paragraph + 1 || unit.paragraph == 0
            {
                self.push(file, line, ProblemKind::ParagraphOrder { unit: n });
            }
            paragraph = unit.paragraph;
            for (lang, text) in [("de", &unit.de), ("en", &unit.en)] {
                if text.trim().is_empty() {
                    self.push(
                        file,
                        line,
                        ProblemKind::MissingText {
                            unit: n,
                            lang: lang.into(),
                        },
                    );
                }
            }
            if unit.de.trim().is_empty() || unit.en.trim().is_empty() {
                continue;
            }
            self.translation(unit, n, file, line);
        }
    }

    /// Numbers and names of the German unit must survive in the English one, and no German
    /// may be left in it.
    fn translation(&mut self, unit: &SentencePair, n: usize, file: &str, line: Option<usize>) {
        let english_numbers = numbers(&unit.en);
        for number in numbers(&unit.de) {
            if !english_numbers.contains(&number) {
                self.push(file, line, ProblemKind::NumberMissing { unit: n, number });
            }
        }
        for name in self.names() {
            if starts_word(&unit.de, &name) && !starts_word(&unit.en, &name) {
                self.push(file, line, ProblemKind::NameMissing { unit: n, name });
            }
        }
        for state in &self.corpus.states {
            if starts_word(&unit.de, &state.de) && !starts_word(&unit.en, &state.en) {
                self.push(
                    file,
                    line,
                    ProblemKind::NameMissing {
                        unit: n,
                        name: state.en.clone(),
                    },
                );
            }
        }
        if let Some(word) = german_word(&unit.en) {
            self.push(file, line, ProblemKind::GermanInEnglish { unit: n, word });
        }
    }

    /// Full names and surnames of everyone in the registry.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for p in &self.corpus.people {
            names.push(p.name.clone());
            if let Some(surname) = p.name.split(' ').next_back() {
                names.push(surname.to_string());
            }
        }
        names.sort();
        names.dedup();
        names
    }

    fn participants(&mut self, doc: &Document, file: &str) {
        let mut seen = HashSet::new();
        for p in &doc.people {
            let line = self.line_of(file, &format!("person = \"{}\"", p.person));
            if self.corpus.person(&p.person).is_none() {
                self.push(
                    file,
                    line,
                    ProblemKind::UnknownPerson {
                        id: p.person.clone(),
                    },
                );
            }
            if !seen.insert(p.person.as_str()) {
                self.push(
                    file,
                    line,
                    ProblemKind::DuplicateParticipant {
                        id: p.person.clone(),
                    },
                );
            }
            if p.roles.is_empty() {
                self.push(
                    file,
                    line,
                    ProblemKind::NoRoles {
                        id: p.person.clone(),
                    },
                );
            }
        }
    }

    fn provenance(&mut self, doc: &Document, file: &str, fact: &str, p: Provenance) {
        let line = self.line_of(file, &format!("[facts.{fact}]"));
        match (p.unit, &p.external) {
            (Some(unit), None) => {
                let target_id = p.doc.clone().unwrap_or_else(|| doc.id.clone());
                match self.corpus.document(&target_id) {
                    None => self.push(
                        file,
                        line,
                        ProblemKind::UnknownDoc {
                            fact: fact.into(),
                            doc: target_id,
                        },
                    ),
                    Some(target) if target.unit(unit).is_none() => self.push(
                        file,
                        line,
                        ProblemKind::UnitOutOfRange {
                            fact: fact.into(),
                            unit,
                            doc: target_id,
                        },
                    ),
                    Some(_) => {}
                }
            }
            (None, Some(_)) if p.doc.is_none() => {}
            _ => self.push(file, line, ProblemKind::BadProvenance { fact: fact.into() }),
        }
    }

    fn facts(&mut self, doc: &Document, facts: &RaceFacts, file: &str) {
        for (name, p) in [
            ("state", facts.state.provenance()),
            ("special", facts.special.provenance()),
            ("winner", facts.winner.provenance()),
            ("party_before", facts.party_before.provenance()),
            ("outcome", facts.outcome.provenance()),
        ] {
            self.provenance(doc, file, name, p);
        }
        if let Some(runoff) = &facts.runoff {
            self.provenance(doc, file, "runoff", runoff.provenance());
        }
        let code = &facts.state.value;
        if self.corpus.state(code).is_none() {
            let line = self.line_of(file, "[facts.state]");
            self.push(file, line, ProblemKind::UnknownState { code: code.clone() });
        }
        let expected_id = format!(
            "{}{}",
            code.to_lowercase(),
            if facts.special.value { "-special" } else { "" }
        );
        if doc.id != expected_id {
            let line = self.line_of(file, "id =");
            self.push(
                file,
                line,
                ProblemKind::RaceIdMismatch {
                    id: doc.id.clone(),
                    expected: expected_id,
                },
            );
        }
        self.winner(doc, facts, file);
        self.numbers_against_official(doc, facts, file);
    }

    fn winner(&mut self, doc: &Document, facts: &RaceFacts, file: &str) {
        let winner = &facts.winner.value;
        let line = self.line_of(file, "[facts.winner]");
        let winners: Vec<&str> = doc
            .people
            .iter()
            .filter(|p| p.roles.contains(&Role::Winner))
            .map(|p| p.person.as_str())
            .collect();
        if winners != [winner.as_str()] {
            self.push(file, line, ProblemKind::WinnerRole { id: winner.clone() });
        }
        let Some(person) = self.corpus.person(winner) else {
            self.push(
                file,
                line,
                ProblemKind::UnknownPerson { id: winner.clone() },
            );
            return;
        };
        let changed = person.party != facts.party_before.value;
        if changed != (facts.outcome.value == Outcome::Gain) {
            let line = self.line_of(file, "[facts.outcome]");
            self.push(
                file,
                line,
                ProblemKind::OutcomeInconsistent {
                    outcome: facts.outcome.value.as_str().into(),
                    before: facts.party_before.value.code().into(),
                    winner_party: person.party.code().into(),
                },
            );
        }
    }

    /// The article's vote shares and margins: stated in their unit, and true to the official
    /// result unless a discrepancy is noted.
    fn numbers_against_official(&mut self, doc: &Document, facts: &RaceFacts, file: &str) {
        let official = &facts.official;
        let claims = [
            facts.vote_share.as_ref().map(|s| {
                (
                    "vote_share",
                    s.percent,
                    s.qualifier,
                    s.unit,
                    &s.discrepancy,
                    Some(official.percent),
                )
            }),
            facts.margin.as_ref().map(|m| {
                (
                    "margin",
                    m.points,
                    m.qualifier,
                    m.unit,
                    &m.discrepancy,
                    official.margin,
                )
            }),
        ];
        for (fact, stated, qualifier, unit, discrepancy, truth) in claims.into_iter().flatten() {
            let line = self.line_of(file, &format!("[facts.{fact}]"));
            match doc.unit(unit) {
                None => self.push(
                    file,
                    line,
                    ProblemKind::UnitOutOfRange {
                        fact: fact.into(),
                        unit,
                        doc: doc.id.clone(),
                    },
                ),
                Some(u) => {
                    let number = german_number(stated);
                    if !u.de.contains(&number) && !spelled_out(&u.de, stated) {
                        self.push(
                            file,
                            line,
                            ProblemKind::FactNotInUnit {
                                fact: fact.into(),
                                unit,
                                number,
                            },
                        );
                    }
                }
            }
            let Some(truth) = truth else {
                self.push(file, line, ProblemKind::MarginWithoutOfficial);
                continue;
            };
            let agrees = agrees(stated, qualifier, truth);
            match (agrees, discrepancy.is_some()) {
                (false, false) => self.push(
                    file,
                    line,
                    ProblemKind::ShareDisagrees {
                        fact: fact.into(),
                        stated,
                        qualifier: qualifier.as_str().into(),
                        official: truth,
                    },
                ),
                (true, true) => self.push(
                    file,
                    line,
                    ProblemKind::StaleDiscrepancy { fact: fact.into() },
                ),
                _ => {}
            }
        }
    }

    /// The overview's election-wide numbers against what the race facts add up to.
    fn election(&mut self) {
        let Some(overview) = self.corpus.overview() else {
            return;
        };
        let Some(e) = &overview.election else { return };
        let file = self.corpus.file_of(&overview.id);
        for (name, p) in [
            ("races", e.races.provenance()),
            ("special", e.special.provenance()),
            ("seats_before", e.seats_before.provenance()),
            ("defending", e.defending.provenance()),
            ("seats_after", e.seats_after.provenance()),
        ] {
            let line = self.line_of(&file, &format!("[election.{name}]"));
            if let Some(unit) = p.unit {
                if overview.unit(unit).is_none() {
                    self.push(
                        &file,
                        line,
                        ProblemKind::UnitOutOfRange {
                            fact: name.into(),
                            unit,
                            doc: overview.id.clone(),
                        },
                    );
                }
            }
        }
        let stats = super::stats::Stats::compute(self.corpus);
        let mut compare = |what: &str, stated: String, computed: String| {
            if stated != computed {
                let line = self.line_of(&file, &format!("[election.{what}]"));
                self.push(
                    &file,
                    line,
                    ProblemKind::ElectionCount {
                        what: what.into(),
                        stated,
                        computed,
                    },
                );
            }
        };
        compare("races", e.races.value.to_string(), stats.races.to_string());
        compare(
            "special",
            e.special.value.to_string(),
            stats.special.to_string(),
        );
        compare(
            "defending",
            show(&e.defending.value),
            show(&stats.defending),
        );
        let after_stated: BTreeMap<Party, u32> = e
            .seats_after
            .value
            .keys()
            .map(|p| (*p, stats.seats_after.get(p).copied().unwrap_or(0)))
            .collect();
        compare(
            "seats_after",
            show(&e.seats_after.value),
            show(&after_stated),
        );
    }
}

fn show(map: &BTreeMap<Party, u32>) -> String {
    map.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| format!("{}={n}", p.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the article's `stated` number, qualified as it is, is true of the official `truth`
/// (both rounded to one decimal as published).
pub fn agrees(stated: f64, qualifier: Qualifier, truth: f64) -> bool {
    let eps = 1e-9;
    match qualifier {
        // The article rounds to whole numbers or gives one decimal.
        Qualifier::Exact => (truth - stated).abs() <= 0.5 + eps,
        Qualifier::MoreThan => truth > stated,
        Qualifier::JustOver => truth > stated && truth < stated + 1.0,
        Qualifier::Almost => truth <= stated + 0.05 + eps && truth > stated - 1.0,
        Qualifier::LessThan => truth < stated,
    }
}

/// The number as the German text writes it (`48,2`, `58`).
fn german_number(value: f64) -> String {
    let text = format!("{value}");
    text.replace('.', ",")
}

/// Whether the German text spells the whole number out (`zehn`, `einem`).
fn spelled_out(text: &str, value: f64) -> bool {
    const WORDS: [&str; 17] = [
        "null",
        "einem",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
    ];
    if value.fract() != 0.0 || value < 0.0 {
        return false;
    }
    WORDS
        .get(value as usize)
        .is_some_and(|w| text.split(|c: char| !c.is_alphabetic()).any(|t| t == *w))
}

/// The numbers of a text, normalized to a decimal point: `48,2 %` → `48.2`, `2/3` → `2`, `3`.
/// English fractions written as words count as their digits (`two-thirds` → `2`, `3`).
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut number = String::new();
            while i < chars.len() {
                let c = chars[i];
                let decimal = (c == ',' || c == '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                    && !number.is_empty();
                if c.is_ascii_digit() {
                    number.push(c);
                } else if decimal {
                    number.push('.');
                } else {
                    break;
                }
                i += 1;
            }
            out.push(number);
        } else {
            i += 1;
        }
    }
    if text.contains("two-thirds") {
        out.push("2".into());
        out.push("3".into());
    }
    out
}

/// Whether `name` occurs in `text` at the start of a word, with nothing or a genitive `s`
/// after it (`Durbins`, `Kentuckys`).
pub fn starts_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + name.len()..];
        let after = rest.strip_prefix('s').unwrap_or(rest).chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A German word found in English text: umlauts and ß never occur in the English units, and
/// these function words are not English.
fn german_word(text: &str) -> Option<String> {
    const GERMAN: [&str; 24] = [
        "und", "nicht", "wurde", "wurden", "mit", "gegen", "eine", "einen", "einer", "sich",
        "dass", "auf", "zum", "zur", "nach", "oder", "aber", "jedoch", "gewann", "Wahl", "Stimmen",
        "der", "das", "ist",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .find(|w| GERMAN.contains(w) || w.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß']))
        .map(str::to_string)
}
