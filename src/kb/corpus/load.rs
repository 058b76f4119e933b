//! Reading the corpus files and parsing them into the model, with every failure turned into a
//! [`Problem`] that names the file (and the line, where TOML gives one).

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::model::*;
use super::{Corpus, CorpusLocation};

/// One thing wrong with the corpus, located in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file, as the user knows it (`corpus/races/mt.toml`).
    pub file: String,
    /// The 1-based line, where known.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What can be wrong with the corpus. Each variant is rendered by the Fluent message
/// `problem-<variant in kebab case>` with the fields as arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// A file cannot be read (missing, no permission).
    Unreadable { error: String },
    /// A file is not valid TOML or does not fit the format.
    Syntax { detail: String },
    /// A concept of the race facts is missing from `vocabulary.toml`.
    ConceptMissing { concept: String },
    /// A concept is in `vocabulary.toml` twice.
    ConceptDuplicate { concept: String },
    /// A concept has no words in a language (`de`, `en`), an empty word, or no reason.
    ConceptIncomplete { concept: String, part: String },
    /// `format_version` is not the one this program reads.
    FormatVersion { found: u32, expected: u32 },
    /// A document id is listed twice in the manifest.
    DuplicateDocument { id: String },
    /// A race file exists that the manifest does not list.
    DocumentNotListed { id: String },
    /// The id inside a file differs from its file name.
    IdMismatch { id: String, expected: String },
    /// The manifest does not list `overview` first.
    OverviewNotFirst,
    /// A document has no sentence units.
    NoUnits,
    /// Paragraph numbers must start at 1 and grow by at most one.
    ParagraphOrder { unit: usize },
    /// A unit lacks its text in one language.
    MissingText { unit: usize, lang: String },
    /// A person id that `people.toml` does not have.
    UnknownPerson { id: String },
    /// A person id defined twice.
    DuplicatePerson { id: String },
    /// A person id that is not lower-case and hyphenated.
    BadPersonId { id: String },
    /// A person nobody references.
    PersonUnused { id: String },
    /// A person listed twice in one race.
    DuplicateParticipant { id: String },
    /// A participant without roles.
    NoRoles { id: String },
    /// A state code that `states.toml` does not have.
    UnknownState { code: String },
    /// A state code defined twice.
    DuplicateState { code: String },
    /// A race id that does not follow from its state and special flag.
    RaceIdMismatch { id: String, expected: String },
    /// The winner is not among the race's people with the role `winner`.
    WinnerRole { id: String },
    /// The outcome contradicts the party before and the winner's party.
    OutcomeInconsistent {
        outcome: String,
        before: String,
        winner_party: String,
    },
    /// A fact with neither or both of `unit` and `external`.
    BadProvenance { fact: String },
    /// A fact points at a unit that does not exist.
    UnitOutOfRange {
        fact: String,
        unit: usize,
        doc: String,
    },
    /// A fact points at a document that does not exist.
    UnknownDoc { fact: String, doc: String },
    /// A number of the German unit is missing from its English unit.
    NumberMissing { unit: usize, number: String },
    /// A name of the German unit is missing from its English unit.
    NameMissing { unit: usize, name: String },
    /// The English unit contains German.
    GermanInEnglish { unit: usize, word: String },
    /// The unit stating a fact does not contain its number.
    FactNotInUnit {
        fact: String,
        unit: usize,
        number: String,
    },
    /// The article's number disagrees with the official result, and no discrepancy is noted.
    ShareDisagrees {
        fact: String,
        stated: f64,
        qualifier: String,
        official: f64,
    },
    /// A discrepancy is noted although the article's number agrees with the official result.
    StaleDiscrepancy { fact: String },
    /// A margin without the official margin to check it against.
    MarginWithoutOfficial,
    /// The overview's numbers disagree with what the race facts add up to.
    ElectionCount {
        what: String,
        stated: String,
        computed: String,
    },
    /// A race lacks facts, or the overview has them.
    FactsPlacement { kind: String },
    /// A documented repair does not occur exactly once in the source.
    RepairCount { find: String, count: usize },
    /// The German text differs from the source article.
    Fidelity {
        unit: usize,
        expected: String,
        found: String,
    },
    /// A heading the document names is not where the source has it.
    HeadingMismatch { expected: String, found: String },
    /// The source article has text that no document reproduces.
    SourceLeftOver { text: String },
}

/// Why the corpus cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum CorpusError {
    /// Every problem found.
    Invalid(Vec<Problem>),
}

/// The text of one corpus file and the path to show for it.
struct RawFile {
    display: String,
    text: String,
}

fn display_path(location: &CorpusLocation, rel: &str) -> String {
    match location {
        CorpusLocation::Embedded => format!("corpus/{rel}"),
        CorpusLocation::Dir(dir) => dir.join(rel).display().to_string(),
    }
}

fn read(location: &CorpusLocation, rel: &str) -> Result<RawFile, Problem> {
    let display = display_path(location, rel);
    let text = match location {
        CorpusLocation::Embedded => crate::embedded::CORPUS_FILES
            .iter()
            .find(|(p, _)| *p == rel)
            .map(|(_, t)| t.to_string())
            .ok_or_else(|| "not in the embedded corpus".to_string()),
        CorpusLocation::Dir(dir) => std::fs::read(dir.join(rel))
            .map_err(|e| e.to_string())
            .and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string())),
    };
    match text {
        Ok(text) => Ok(RawFile { display, text }),
        Err(error) => Err(Problem {
            file: display,
            line: None,
            kind: ProblemKind::Unreadable { error },
        }),
    }
}

/// The 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse<T: DeserializeOwned>(file: &RawFile) -> Result<T, Problem> {
    toml::from_str(&file.text).map_err(|e| Problem {
        file: file.display.clone(),
        line: e.span().map(|s| line_at(&file.text, s.start)),
        kind: ProblemKind::Syntax {
            detail: e.message().trim().to_string(),
        },
    })
}

/// The race ids that have a file under `races/`.
fn race_files(location: &CorpusLocation) -> Vec<String> {
    let mut ids: Vec<String> = match location {
        CorpusLocation::Embedded => crate::embedded::CORPUS_FILES
            .iter()
            .filter_map(|(p, _)| p.strip_prefix("races/")?.strip_suffix(".toml"))
            .map(str::to_string)
            .collect(),
        CorpusLocation::Dir(dir) => std::fs::read_dir(dir.join("races"))
            .map(|rd| {
                rd.filter_map(|e| {
                    let name = e.ok()?.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".toml").map(str::to_string)
                })
                .collect()
            })
            .unwrap_or_default(),
    };
    ids.sort();
    ids
}

/// The file a document lives in, relative to the corpus directory.
pub fn document_path(id: &str) -> String {
    if id == "overview" {
        "overview.toml".to_string()
    } else {
        format!("races/{id}.toml")
    }
}

/// Reads and parses every file; validation is [`super::validate`]'s job.
pub fn load(location: &CorpusLocation) -> Result<Corpus, CorpusError> {
    if let CorpusLocation::Dir(dir) = location {
        if !Path::new(dir).is_dir() {
            return Err(CorpusError::Invalid(vec![Problem {
                file: dir.display().to_string(),
                line: None,
                kind: ProblemKind::Unreadable {
                    error: "not a directory".to_string(),
                },
            }]));
        }
    }
    let mut problems = Vec::new();
    let mut keep = |r: Result<RawFile, Problem>| match r {
        Ok(f) => Some(f),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let manifest_file = keep(read(location, "corpus.toml"));
    let people_file = keep(read(location, "people.toml"));
    let states_file = keep(read(location, "states.toml"));
    let glossary_file = keep(read(location, "glossary.toml"));
    let vocabulary_file = keep(read(location, "vocabulary.toml"));
    let Some(manifest_file) = manifest_file else {
        return Err(CorpusError::Invalid(problems));
    };
    let manifest: Option<Manifest> = parse(&manifest_file).map_err(|p| problems.push(p)).ok();
    let people: Option<PeopleFile> = people_file
        .as_ref()
        .and_then(|f| parse(f).map_err(|p| problems.push(p)).ok());
    let states: Option<StatesFile> = states_file
        .as_ref()
        .and_then(|f| parse(f).map_err(|p| problems.push(p)).ok());
    let glossary: Option<GlossaryFile> = glossary_file
        .as_ref()
        .and_then(|f| parse(f).map_err(|p| problems.push(p)).ok());
    let vocabulary: Option<VocabularyFile> = vocabulary_file
        .as_ref()
        .and_then(|f| parse(f).map_err(|p| problems.push(p)).ok());
    let Some(manifest) = manifest else {
        return Err(CorpusError::Invalid(problems));
    };
    let source_file = read(location, &manifest.source)
        .map_err(|p| problems.push(p))
        .ok();

    let mut documents = Vec::new();
    let mut doc_files = Vec::new();
    let mut files = HashMap::new();
    for id in &manifest.documents {
        let rel = document_path(id);
        let Ok(file) = read(location, &rel).map_err(|p| problems.push(p)) else {
            continue;
        };
        files.insert(id.clone(), file.display.clone());
        if let Ok(doc) = parse::<Document>(&file).map_err(|p| problems.push(p)) {
            documents.push(doc);
        }
        doc_files.push(file);
    }
    for id in race_files(location) {
        if !manifest.documents.contains(&id) {
            problems.push(Problem {
                file: display_path(location, &document_path(&id)),
                line: None,
                kind: ProblemKind::DocumentNotListed { id },
            });
        }
    }
    if !problems.is_empty() {
        return Err(CorpusError::Invalid(problems));
    }
    let (Some(people), Some(states), Some(glossary), Some(vocabulary), Some(source_file)) =
        (people, states, glossary, vocabulary, source_file)
    else {
        return Err(CorpusError::Invalid(problems));
    };
    let mut all: Vec<&RawFile> = vec![&manifest_file, &source_file];
    all.extend(
        people_file
            .iter()
            .chain(&states_file)
            .chain(&glossary_file)
            .chain(&vocabulary_file),
    );
    all.extend(doc_files.iter());
    let fingerprint = super::fingerprint(location).unwrap_or_else(|_| {
        super::fingerprint::of(all.iter().map(|f| (f.display.as_str(), f.text.as_bytes())))
    });
    files.insert("corpus.toml".into(), manifest_file.display.clone());
    files.insert("people.toml".into(), display_path(location, "people.toml"));
    files.insert("states.toml".into(), display_path(location, "states.toml"));
    files.insert(
        "vocabulary.toml".into(),
        display_path(location, "vocabulary.toml"),
    );
    files.insert("source".into(), source_file.display.clone());
    let texts: HashMap<String, String> = doc_files
        .iter()
        .map(|f| (f.display.clone(), f.text.clone()))
        .chain(
            people_file
                .iter()
                .map(|f| (f.display.clone(), f.text.clone())),
        )
        .collect();
    Ok(Corpus {
        manifest,
        documents,
        people: people.person,
        states: states.state,
        glossary: glossary.term,
        vocabulary: vocabulary.concept,
        source: source_file.text,
        files,
        texts,
        fingerprint,
    })
}
