//! The errors that end a run, and how each is told to the user in their language.

use crate::kb::corpus::{CorpusError, Problem, ProblemKind};
use crate::l10n::{Args, Localizer};
use crate::search::SearchError;
use crate::text::safe::{sanitize, shorten};

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
    /// A `person` name longer than anyone's.
    #[error("name too long")]
    NameTooLong {
        /// The longest name accepted.
        max: usize,
    },
    /// A search query that cannot be parsed.
    #[error("bad query")]
    Query(crate::search::query::QueryError),
    /// A search query whose filters name nothing.
    #[error("bad filter")]
    Filter(crate::search::CompileError),
    /// The index cannot be built where it must live.
    #[error("cannot build the index in {path}: {error}")]
    IndexBuild {
        /// The path that failed.
        path: String,
        /// What went wrong.
        error: String,
    },
    /// The index failed while searching.
    #[error("index error: {0}")]
    Index(String),
    /// `serve` cannot listen where it was asked to.
    #[error("cannot listen on {addr}: {error}")]
    Bind {
        /// The address.
        addr: String,
        /// Why not.
        error: String,
    },
    /// Writing the answer failed (other than a closed pipe).
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

impl From<SearchError> for Error {
    /// A search failure as the user is told it.
    fn from(e: SearchError) -> Error {
        match e {
            SearchError::Compile(e) => Error::Filter(e),
            SearchError::Build(e) => Error::IndexBuild {
                path: e.path.display().to_string(),
                error: e.error,
            },
            SearchError::Corpus(e) => Error::Corpus(e),
            SearchError::Index(e) => Error::Index(e),
        }
    }
}

impl Error {
    /// The message a person reads, in the localizer's language: one or more lines.
    pub fn render(&self, l10n: &Localizer) -> String {
        match self {
            Error::UnknownLanguage { requested } => {
                let mut args = Args::new();
                args.set("requested", sanitize(&shorten(requested)));
                args.set("available", "de, en");
                l10n.t_args("error-unknown-language", &args)
            }
            Error::UnknownRace { query, suggestions } => {
                let mut args = Args::new();
                args.set("race", sanitize(&shorten(query)));
                if suggestions.is_empty() {
                    l10n.t_args("error-unknown-race", &args)
                } else {
                    args.set("suggestions", suggestions.join(", "));
                    l10n.t_args("error-unknown-race-suggest", &args)
                }
            }
            Error::AmbiguousRace { query, choices } => {
                let mut args = Args::new();
                args.set("race", sanitize(&shorten(query)));
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
            Error::NameTooLong { max } => {
                let mut args = Args::new();
                args.set("max", *max);
                l10n.t_args("error-name-too-long", &args)
            }
            Error::Query(e) => query_message(e, l10n),
            Error::Filter(e) => filter_message(e, l10n),
            Error::IndexBuild { path, error } => {
                let mut args = Args::new();
                args.set("path", sanitize(path));
                args.set("error", error.clone());
                l10n.t_args("error-index-build", &args)
            }
            Error::Index(error) => {
                let mut args = Args::new();
                args.set("error", error.clone());
                l10n.t_args("error-index", &args)
            }
            Error::Bind { addr, error } => {
                let mut args = Args::new();
                args.set("addr", sanitize(addr));
                args.set("error", error.clone());
                l10n.t_args("error-serve-bind", &args)
            }
            Error::Output(e) => {
                let mut args = Args::new();
                args.set("error", e.to_string());
                l10n.t_args("error-output", &args)
            }
        }
    }
}

/// The message of a query that cannot be parsed, with its hint.
fn query_message(e: &crate::search::query::QueryError, l10n: &Localizer) -> String {
    use crate::search::query::{self, QueryError};
    let mut args = Args::new();
    let id = match e {
        QueryError::Empty => "error-query-empty",
        QueryError::UnclosedQuote => "error-query-unclosed-quote",
        QueryError::DanglingOr => "error-query-dangling-or",
        QueryError::DanglingNot => "error-query-dangling-not",
        QueryError::ExclusionInOr => "error-query-exclusion-in-or",
        QueryError::OnlyExclusions => "error-query-only-exclusions",
        QueryError::Wildcard { word } => {
            args.set("word", sanitize(&shorten(word)));
            "error-query-wildcard"
        }
        QueryError::EmptyFilter { field } => {
            args.set("field", sanitize(&shorten(field)));
            "error-query-empty-filter"
        }
        QueryError::UnknownFilter { field } => {
            args.set("field", sanitize(&shorten(field)));
            "error-query-unknown-filter"
        }
        QueryError::BadFilterValue { field, value } => {
            return filter_message(
                &crate::search::CompileError::BadFilterValue {
                    field: *field,
                    value: value.clone(),
                    suggestions: Vec::new(),
                },
                l10n,
            );
        }
        QueryError::TooLong => {
            args.set("max", query::MAX_CHARS);
            "error-query-too-long"
        }
        QueryError::TooManyItems => {
            args.set("max", query::MAX_ITEMS);
            "error-query-too-many"
        }
    };
    l10n.t_args(id, &args)
}

/// The message of a filter that names nothing.
fn filter_message(e: &crate::search::CompileError, l10n: &Localizer) -> String {
    use crate::search::CompileError;
    let mut args = Args::new();
    match e {
        CompileError::Nothing => l10n.t("error-query-empty"),
        CompileError::BadFilterValue {
            field,
            value,
            suggestions,
        } => {
            args.set("field", field.name());
            args.set("value", sanitize(&shorten(value)));
            if suggestions.is_empty() {
                l10n.t_args("error-query-bad-filter", &args)
            } else {
                args.set("suggestions", suggestions.join(", "));
                l10n.t_args("error-query-bad-filter-suggest", &args)
            }
        }
        CompileError::NoSuchPerson { name, suggestions } => {
            args.set("name", sanitize(&shorten(name)));
            if suggestions.is_empty() {
                l10n.t_args("search-no-person", &args)
            } else {
                args.set("suggestions", suggestions.join(", "));
                l10n.t_args("search-no-person-suggest", &args)
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
        ProblemKind::ConceptMissing { concept } => {
            a.set("concept", concept.clone());
            "problem-concept-missing"
        }
        ProblemKind::ConceptDuplicate { concept } => {
            a.set("concept", concept.clone());
            "problem-concept-duplicate"
        }
        ProblemKind::ConceptIncomplete { concept, part } => {
            a.set("concept", concept.clone());
            a.set("part", part.clone());
            "problem-concept-incomplete"
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
    sanitize(&format!("{location}: {}", l10n.t_args(id, &args)))
}
