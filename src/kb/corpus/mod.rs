//! The corpus: the article's text in both languages, the race facts, the people, the states
//! the glossary and the vocabulary of the facts, loaded from `corpus/` (embedded in the binary) or from `--corpus DIR`.
//!
//! [`Corpus::load`] parses every file ([`load`]) and then validates the whole ([`validate`],
//! which holds the German to the source article through [`fidelity`] and the race facts to the
//! overview's numbers through [`stats`]): a broken corpus never reaches the index or an answer.
//! The types themselves live in [`model`].

pub mod fidelity;
pub mod fingerprint;
pub mod load;
pub mod model;
pub mod stats;
pub mod validate;

use std::collections::HashMap;
use std::path::PathBuf;

pub use load::{CorpusError, Problem, ProblemKind};

use crate::l10n::Lang;
pub use model::*;

/// A fingerprint of every file of a corpus (see [`fingerprint::of`]), computed without
/// parsing anything: the search index is keyed by it, so a search with a fresh index never
/// has to load the corpus.
pub fn fingerprint(location: &CorpusLocation) -> Result<u64, Problem> {
    match location {
        // Computed by build.rs from the same files, with the same function.
        CorpusLocation::Embedded => Ok(crate::embedded::CORPUS_FINGERPRINT),
        CorpusLocation::Dir(dir) => {
            let mut files = Vec::new();
            collect_files(dir, dir, &mut files).map_err(|error| Problem {
                file: dir.display().to_string(),
                line: None,
                kind: ProblemKind::Unreadable {
                    error: error.to_string(),
                },
            })?;
            Ok(fingerprint::of(
                files
                    .iter()
                    .map(|(path, bytes)| (path.as_str(), bytes.as_slice())),
            ))
        }
    }
}

fn collect_files(
    root: &std::path::Path,
    dir: &std::path::Path,
    out: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read(&path)?));
        }
    }
    Ok(())
}

/// Where the corpus files come from.
#[derive(Debug, Clone)]
pub enum CorpusLocation {
    /// The corpus compiled into the binary.
    Embedded,
    /// A corpus directory on disk (`--corpus DIR`).
    Dir(PathBuf),
}

/// The whole knowledge base, parsed and validated.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The manifest (`corpus.toml`).
    pub manifest: Manifest,
    /// The documents in article order: `overview` first, then the races.
    pub documents: Vec<Document>,
    /// Every person the article names.
    pub people: Vec<Person>,
    /// The states with their names in both languages.
    pub states: Vec<State>,
    /// The bilingual glossary of election terms.
    pub glossary: Vec<Term>,
    /// The words of each concept of the race facts, in both languages.
    pub vocabulary: Vec<Concept>,
    /// The source article, as received.
    pub source: String,
    /// Display path of each document's file, by document id, for messages.
    pub files: HashMap<String, String>,
    /// The raw text of document and people files by display path, to find lines for messages.
    pub texts: HashMap<String, String>,
    /// A fingerprint of every corpus file's bytes, for index staleness checks.
    pub fingerprint: u64,
}

impl Corpus {
    /// Loads and validates the corpus; every problem is reported, not just the first.
    pub fn load(location: &CorpusLocation) -> Result<Corpus, CorpusError> {
        let corpus = load::load(location)?;
        let problems = validate::validate(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(CorpusError::Invalid(problems))
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The races, in article order.
    pub fn races(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| d.kind() == DocKind::Race)
    }

    /// The overview document.
    pub fn overview(&self) -> Option<&Document> {
        self.documents
            .iter()
            .find(|d| d.kind() == DocKind::Overview)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The state with this postal code.
    pub fn state(&self, code: &str) -> Option<&State> {
        self.states.iter().find(|s| s.code == code)
    }

    /// The words of a concept (empty when the vocabulary lacks it, which `check` forbids).
    pub fn words(&self, concept: ConceptId, lang: Lang) -> &[String] {
        self.vocabulary
            .iter()
            .find(|c| c.id == concept)
            .map_or(&[], |c| match lang {
                Lang::De => &c.de,
                Lang::En => &c.en,
            })
    }

    /// A state's name in a language, falling back to its code.
    pub fn state_name(&self, code: &str, lang: Lang) -> String {
        self.state(code)
            .map(|s| match lang {
                Lang::De => s.de.clone(),
                Lang::En => s.en.clone(),
            })
            .unwrap_or_else(|| code.to_string())
    }

    /// The display path of a document's file (`corpus/races/mt.toml`).
    pub fn file_of(&self, doc: &str) -> String {
        self.files
            .get(doc)
            .cloned()
            .unwrap_or_else(|| doc.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_time_fingerprint_matches_run_time() {
        let at_build = crate::embedded::CORPUS_FINGERPRINT;
        let embedded = crate::embedded::CORPUS_FILES
            .iter()
            .map(|(path, text)| (*path, text.as_bytes()));
        assert_eq!(at_build, fingerprint::of(embedded));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        assert_eq!(fingerprint(&CorpusLocation::Dir(dir)).unwrap(), at_build);
    }
}
