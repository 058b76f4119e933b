//! The errors that end a run, and how each is told to the user in their language.

use crate::corpus::{CorpusError, Problem, ProblemKind};
use crate::l10n::{Args, Localizer};

/// Why a command could not do its job. Every variant ends the run with exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `--lang` or `SENATE_KB_LANG` names a language we do not have.
    #[error("unknown language: {requested}")]
    UnknownLanguage {
        /// What was asked for.
        requested: String,
    },
    /// No race answers to what was typed.
    #[error("unknown race: {query}")]
    UnknownRace {
        /// What was typed.
        query: String,
        /// Close races (`mt (Montana)`), best first.
        suggestions: Vec<String>,
    },
    /// Several races answer to what was typed (`Oklahoma`).
    #[error("ambiguous race: {query}")]
    AmbiguousRace {
        /// What was typed.
        query: String,
        /// Every race it fits (`ok (Oklahoma)`).
        choices: Vec<String>,
    },
    /// The corpus cannot be used.
    #[error("the corpus is invalid")]
    Corpus(CorpusError),
    /// The corpus is invalid and its problems were already printed (`check --json`).
    #[error("the corpus has {0} problems")]
    CorpusProblemsShown(usize),
    /// Writing the answer failed (other than a closed pipe).
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

impl Error {
    /// The message a person reads, in the localizer's language: one or more lines.
    pub fn render(&self, l10n: &Localizer) -> String {
        match self {
            Error::UnknownLanguage { requested } => {
                let mut args = Args::new();
                args.set("requested", crate::output::sanitize(requested));
                args.set("available", "de, en");
                l10n.t_args("error-unknown-language", &args)
            }
            Error::UnknownRace { query, suggestions } => {
                let mut args = Args::new();
                args.set("race", crate::output::sanitize(query));
                if suggestions.is_empty() {
                    l10n.t_args("error-unknown-race", &args)
                } else {
                    args.set("suggestions", suggestions.join(", "));
                    l10n.t_args("error-unknown-race-suggest", &args)
                }
            }
            Error::AmbiguousRace { query, choices } => {
                let mut args = Args::new();
                args.set("race", crate::output::sanitize(query));
                args.set("choices", choices.join(", "));
                l10n.t_args("error-ambiguous-race", &args)
            }
            Error::Corpus(CorpusError::Invalid(problems)) => {
                let mut lines: Vec<String> =
                    problems.iter().map(|p| render_problem(p, l10n)).collect();
                let mut args = Args::new();
                args.set("count", problems.len());
                lines.push(l10n.t_args("error-corpus-invalid", &args));
                lines.join("\n")
            }
            Error::CorpusProblemsShown(count) => {
                let mut args = Args::new();
                args.set("count", *count);
                l10n.t_args("error-corpus-invalid", &args)
            }
            Error::Output(e) => {
                let mut args = Args::new();
                args.set("error", e.to_string());
                l10n.t_args("error-output", &args)
            }
        }
    }
}

/// The Fluent id and arguments of a problem.
pub fn problem_message(kind: &ProblemKind) -> (&'static str, Args<'static>) {
    let mut a = Args::new();
    let id = match kind {
        ProblemKind::Unreadable { error } => {
            a.set("error", error.clone());
            "problem-unreadable"
        }
        ProblemKind::Syntax { detail } => {
            a.set("detail", detail.clone());
            "problem-syntax"
        }
        ProblemKind::FormatVersion { found, expected } => {
            a.set("found", *found);
            a.set("expected", *expected);
            "problem-format-version"
        }
        ProblemKind::DuplicateDocument { id } => {
            a.set("id", id.clone());
            "problem-duplicate-document"
        }
        ProblemKind::DocumentNotListed { id } => {
            a.set("id", id.clone());
            "problem-document-not-listed"
        }
        ProblemKind::IdMismatch { id, expected } => {
            a.set("id", id.clone());
            a.set("expected", expected.clone());
            "problem-id-mismatch"
        }
        ProblemKind::OverviewNotFirst => "problem-overview-not-first",
        ProblemKind::NoUnits => "problem-no-units",
        ProblemKind::ParagraphOrder { unit } => {
            a.set("unit", *unit);
            "problem-paragraph-order"
        }
        ProblemKind::MissingText { unit, lang } => {
            a.set("unit", *unit);
            a.set("lang", lang.clone());
            "problem-missing-text"
        }
        ProblemKind::UnknownPerson { id } => {
            a.set("id", id.clone());
            "problem-unknown-person"
        }
        ProblemKind::DuplicatePerson { id } => {
            a.set("id", id.clone());
            "problem-duplicate-person"
        }
        ProblemKind::BadPersonId { id } => {
            a.set("id", id.clone());
            "problem-bad-person-id"
        }
        ProblemKind::PersonUnused { id } => {
            a.set("id", id.clone());
            "problem-person-unused"
        }
        ProblemKind::DuplicateParticipant { id } => {
            a.set("id", id.clone());
            "problem-duplicate-participant"
        }
        ProblemKind::NoRoles { id } => {
            a.set("id", id.clone());
            "problem-no-roles"
        }
        ProblemKind::UnknownState { code } => {
            a.set("code", code.clone());
            "problem-unknown-state"
        }
        ProblemKind::DuplicateState { code } => {
            a.set("code", code.clone());
            "problem-duplicate-state"
        }
        ProblemKind::RaceIdMismatch { id, expected } => {
            a.set("id", id.clone());
            a.set("expected", expected.clone());
            "problem-race-id-mismatch"
        }
        ProblemKind::WinnerRole { id } => {
            a.set("id", id.clone());
            "problem-winner-role"
        }
        ProblemKind::OutcomeInconsistent {
            outcome,
            before,
            winner_party,
        } => {
            a.set("outcome", outcome.clone());
            a.set("before", before.clone());
            a.set("winner", winner_party.clone());
            "problem-outcome-inconsistent"
        }
        ProblemKind::BadProvenance { fact } => {
            a.set("fact", fact.clone());
            "problem-bad-provenance"
        }
        ProblemKind::UnitOutOfRange { fact, unit, doc } => {
            a.set("fact", fact.clone());
            a.set("unit", *unit);
            a.set("doc", doc.clone());
            "problem-unit-out-of-range"
        }
        ProblemKind::UnknownDoc { fact, doc } => {
            a.set("fact", fact.clone());
            a.set("doc", doc.clone());
            "problem-unknown-doc"
        }
        ProblemKind::NumberMissing { unit, number } => {
            a.set("unit", *unit);
            a.set("number", number.clone());
            "problem-number-missing"
        }
        ProblemKind::NameMissing { unit, name } => {
            a.set("unit", *unit);
            a.set("name", name.clone());
            "problem-name-missing"
        }
        ProblemKind::GermanInEnglish { unit, word } => {
            a.set("unit", *unit);
            a.set("word", word.clone());
            "problem-german-in-english"
        }
        ProblemKind::FactNotInUnit { fact, unit, number } => {
            a.set("fact", fact.clone());
            a.set("unit", *unit);
            a.set("number", number.clone());
            "problem-fact-not-in-unit"
        }
        ProblemKind::ShareDisagrees {
            fact,
            stated,
            qualifier,
            official,
        } => {
            a.set("fact", fact.clone());
            a.set("stated", *stated);
            a.set("qualifier", qualifier.clone());
            a.set("official", *official);
            "problem-share-disagrees"
        }
        ProblemKind::StaleDiscrepancy { fact } => {
            a.set("fact", fact.clone());
            "problem-stale-discrepancy"
        }
        ProblemKind::MarginWithoutOfficial => "problem-margin-without-official",
        ProblemKind::ElectionCount {
            what,
            stated,
            computed,
        } => {
            a.set("what", what.clone());
            a.set("stated", stated.clone());
            a.set("computed", computed.clone());
            "problem-election-count"
        }
        ProblemKind::FactsPlacement { kind } => {
            a.set("kind", kind.clone());
            "problem-facts-placement"
        }
        ProblemKind::RepairCount { find, count } => {
            a.set("find", find.clone());
            a.set("count", *count);
            "problem-repair-count"
        }
        ProblemKind::Fidelity {
            unit,
            expected,
            found,
        } => {
            a.set("unit", *unit);
            a.set("expected", expected.clone());
            a.set("found", found.clone());
            "problem-fidelity"
        }
        ProblemKind::HeadingMismatch { expected, found } => {
            a.set("expected", expected.clone());
            a.set("found", found.clone());
            "problem-heading-mismatch"
        }
        ProblemKind::SourceLeftOver { text } => {
            a.set("text", text.clone());
            "problem-source-left-over"
        }
    };
    (id, a)
}

/// One problem as a line: `file:line: message`.
pub fn render_problem(problem: &Problem, l10n: &Localizer) -> String {
    let (id, args) = problem_message(&problem.kind);
    let location = match problem.line {
        Some(line) => format!("{}:{line}", problem.file),
        None => problem.file.clone(),
    };
    crate::output::sanitize(&format!("{location}: {}", l10n.t_args(id, &args)))
}
