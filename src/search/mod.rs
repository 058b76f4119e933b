//! Full-text search over both languages, on tantivy. From a query to its hits:
//!
//! - [`analysis`]: words as the index and the queries see them (tokenizer, German
//!   normalization, compound parts, stemming), one set of analyzers for both;
//! - [`index`]: the schema, the documents the corpus becomes, writing a generation and its
//!   life on disk (fresh, whole and safe to share between processes);
//! - [`query`]: the query language, turning a query into tantivy queries (with typos from the
//!   term dictionaries), and what to offer when nothing matches every word;
//! - [`highlight`]: the best sentence of each hit and the words to mark in it.
//!
//! [`Engine`] ties them together. Printing is for the commands and the views.

pub mod analysis;
pub(crate) mod highlight;
pub(crate) mod index;
pub mod query;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, IndexWriter, Order, Searcher};

use crate::kb::corpus::{Corpus, CorpusLocation};
use crate::l10n::Lang;
use analysis::Analyzers;
use highlight::matcher::best_unit;
use highlight::positions;
use index::store::{self, BuildError, OpenError, Opened};
use index::{document, schema, writer};
use query::Query;
use query::compile::{self, Compiled};

pub use highlight::Best;
pub use index::document::{IndexDocument, IndexFacts, documents};
pub use query::compile::CompileError;
pub use query::relax::{Found, Relaxed};

/// One race (or the overview) that matched.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// `race` or `overview`.
    pub kind: String,
    /// Its place in the article.
    pub order: u64,
    /// BM25-based score.
    pub score: f32,
    /// Title in German.
    pub title_de: String,
    /// Title in English.
    pub title_en: String,
    /// One-line outcome in German (empty for the overview).
    pub summary_de: String,
    /// One-line outcome in English.
    pub summary_en: String,
    /// The best matching sentence, when the query has words.
    pub best: Option<Best>,
}

impl Hit {
    /// The title in a language.
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.title_de,
            Lang::En => &self.title_en,
        }
    }

    /// The one-line outcome in a language.
    pub fn summary(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.summary_de,
            Lang::En => &self.summary_en,
        }
    }
}

/// Why a search could not run.
#[derive(Debug)]
pub enum SearchError {
    /// The query's filters name nothing.
    Compile(CompileError),
    /// The index could not be built where it must live.
    Build(BuildError),
    /// The corpus is broken (the old index is kept).
    Corpus(crate::kb::corpus::CorpusError),
    /// tantivy failed while searching.
    Index(String),
}

/// A searchable knowledge base: the opened index and the analyzers.
///
/// The opened index is shared: [`Engine::fork`] makes another engine over the same one, with
/// analyzers of its own (a search needs them mutable), so that a server opens the index once
/// and searches it from several threads.
pub struct Engine {
    opened: Arc<Opened>,
    analyzers: Analyzers,
}

/// How the index was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// An up-to-date index was there.
    Existing,
    /// It was built now (missing, stale or damaged).
    Built,
}

impl Engine {
    /// Opens the index for this corpus in `dir`, building it when missing, stale or damaged.
    /// The corpus is loaded and validated only when a build is needed.
    pub fn open(dir: &Path, corpus: &CorpusLocation) -> Result<(Engine, Freshness), SearchError> {
        let fingerprint = crate::kb::corpus::fingerprint(corpus)
            .map_err(|e| SearchError::Corpus(crate::kb::corpus::CorpusError::Invalid(vec![e])))?;
        let key = store::key(fingerprint);
        match store::open(dir, &key) {
            Ok(opened) => return Ok((Engine::from(opened), Freshness::Existing)),
            Err(OpenError::Missing) => {}
            Err(OpenError::Corrupt(_)) => {
                // Another process may have just replaced the generation: look once more.
                if let Ok(opened) = store::open(dir, &key) {
                    return Ok((Engine::from(opened), Freshness::Existing));
                }
            }
        }
        let corpus = Corpus::load(corpus).map_err(SearchError::Corpus)?;
        Ok((Engine::build_from(dir, &corpus, &key)?, Freshness::Built))
    }

    /// Builds a fresh index for a loaded corpus and makes it live.
    pub fn rebuild(dir: &Path, corpus: &Corpus) -> Result<Engine, SearchError> {
        let key = store::key(corpus.fingerprint);
        Engine::build_from(dir, corpus, &key)
    }

    fn build_from(dir: &Path, corpus: &Corpus, key: &str) -> Result<Engine, SearchError> {
        Engine::build_with(dir, key, corpus, document::documents(corpus))
    }

    fn build_with(
        dir: &Path,
        key: &str,
        corpus: &Corpus,
        docs: impl IntoIterator<Item = IndexDocument>,
    ) -> Result<Engine, SearchError> {
        let docs = docs.into_iter();
        let threads = writer::threads(docs.size_hint().1);
        Engine::build_filled(dir, key, corpus, threads, |writer, fields| {
            document::fill(docs, writer, fields)
        })
    }

    /// Builds with `threads` indexing threads, the documents added by `fill`.
    fn build_filled(
        dir: &Path,
        key: &str,
        corpus: &Corpus,
        threads: usize,
        fill: impl FnOnce(&mut IndexWriter, &schema::Fields) -> tantivy::Result<u64>,
    ) -> Result<Engine, SearchError> {
        let lexicon = document::lexicon(corpus, key);
        let names = document::names(corpus).map_err(|e| {
            SearchError::Build(BuildError {
                path: dir.to_path_buf(),
                error: e.to_string(),
            })
        })?;
        store::build(dir, key, lexicon, &names, threads, fill)
            .map(Engine::from)
            .map_err(SearchError::Build)
    }

    /// Builds an index of documents that do not come from a corpus file (the synthetic
    /// corpora of the scale benchmark), with the same analyzers, schema and index lifecycle
    /// as the corpus's own. `corpus` lends its glossary, people and states (for bridging and
    /// filters); `fingerprint` stands for the documents, as the corpus fingerprint does for
    /// the corpus: [`Engine::open_documents`] with the same one opens the index again.
    pub fn build_documents(
        dir: &Path,
        fingerprint: u64,
        corpus: &Corpus,
        docs: impl IntoIterator<Item = IndexDocument>,
    ) -> Result<Engine, SearchError> {
        Engine::build_with(dir, &store::key(fingerprint), corpus, docs)
    }

    /// Opens an index that [`Engine::build_documents`] built with this fingerprint.
    pub fn open_documents(dir: &Path, fingerprint: u64) -> Result<Engine, SearchError> {
        match store::open(dir, &store::key(fingerprint)) {
            Ok(opened) => Ok(Engine::from(opened)),
            Err(OpenError::Missing) => Err(SearchError::Index(format!(
                "no index for fingerprint {fingerprint:016x} in {}",
                dir.display()
            ))),
            Err(OpenError::Corrupt(e)) => Err(SearchError::Index(e)),
        }
    }

    /// The generation directory in use.
    pub fn path(&self) -> &PathBuf {
        &self.opened.path
    }

    /// Another engine over the same opened index, with analyzers of its own: searches on
    /// several threads at once without opening the index again.
    pub fn fork(&self) -> Engine {
        Engine {
            opened: Arc::clone(&self.opened),
            analyzers: Analyzers::new(),
        }
    }

    /// Whether the index's pointer names another generation than this engine's (an `index`
    /// ran since it was opened): a long-lived reader then opens the index again. Cheap: one
    /// small file read.
    pub fn superseded(&self) -> bool {
        let path = &self.opened.path;
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return false;
        };
        store::live(dir, &self.opened.lexicon.key).is_none_or(|live| name != live.as_str())
    }

    /// Number of documents.
    pub fn documents(&self) -> u64 {
        self.opened.lexicon.documents
    }

    /// How many documents match a query, without fetching any.
    pub fn count(&mut self, query: &Query) -> Result<usize, SearchError> {
        let compiled = compile::compile(query, &self.opened, &mut self.analyzers)?;
        let searcher = self.opened.reader.searcher();
        searcher
            .search(&compiled.query, &Count)
            .map_err(|e| SearchError::Index(e.to_string()))
    }

    /// Runs a query: how many documents match, and at most `limit` hits, best first (filters
    /// alone: article order).
    pub fn search(
        &mut self,
        query: &Query,
        limit: usize,
    ) -> Result<(usize, Vec<Hit>), SearchError> {
        let compiled = compile::compile(query, &self.opened, &mut self.analyzers)?;
        let searcher = self.opened.reader.searcher();
        // No more hits than documents: tantivy sizes its heap by the limit, and overflowed on
        // `--limit 18446744073709551615`.
        let documents = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = limit.clamp(1, documents.max(1));
        let index_err = |e: tantivy::TantivyError| SearchError::Index(e.to_string());
        let (total, addresses): (usize, Vec<(f32, DocAddress)>) = if compiled.has_text {
            // Equal scores go in article order, not in the order of document ids (a large
            // index is built by several threads, their segments merged one after the other).
            let by_score_then_order = (
                SortBySimilarityScore,
                (SortByStaticFastValue::<u64>::for_field("order"), Order::Asc),
            );
            let (top, count) = searcher
                .search(
                    &compiled.query,
                    &(
                        TopDocs::with_limit(limit).order_by(by_score_then_order),
                        Count,
                    ),
                )
                .map_err(index_err)?;
            (
                count,
                top.into_iter()
                    .map(|((score, _), addr)| (score, addr))
                    .collect(),
            )
        } else {
            let (top, count) = searcher
                .search(
                    &compiled.query,
                    &(
                        TopDocs::with_limit(limit).order_by_u64_field("order", Order::Asc),
                        Count,
                    ),
                )
                .map_err(index_err)?;
            (
                count,
                top.into_iter().map(|(_, addr)| (0.0, addr)).collect(),
            )
        };
        let mut docs = Vec::with_capacity(addresses.len());
        for &(_, addr) in &addresses {
            let doc: schema::StoredDoc = searcher.doc(addr).map_err(index_err)?;
            docs.push(doc);
        }
        let bests = self.bests(&searcher, &compiled, &addresses, &docs)?;
        let f = &self.opened.fields;
        let hits = addresses
            .into_iter()
            .zip(docs)
            .zip(bests)
            .map(|(((score, _), mut doc), best)| Hit {
                id: doc.take_str(f.id),
                kind: doc.take_str(f.kind),
                order: doc.u64(f.order).unwrap_or_default(),
                score,
                title_de: doc.take_str(f.title_de),
                title_en: doc.take_str(f.title_en),
                summary_de: doc.take_str(f.summary_de),
                summary_en: doc.take_str(f.summary_en),
                best,
            })
            .collect();
        Ok((total, hits))
    }

    /// The best sentence of each hit (`docs`, at `addresses`): from the index's positions
    /// where they tell ([`positions`]), else by analysing the sentences ([`matcher`]).
    fn bests(
        &mut self,
        searcher: &Searcher,
        compiled: &Compiled,
        addresses: &[(f32, DocAddress)],
        docs: &[schema::StoredDoc],
    ) -> Result<Vec<Option<Best>>, SearchError> {
        let mut bests = vec![None; docs.len()];
        if compiled.atoms.is_empty() {
            return Ok(bests);
        }
        let f = &self.opened.fields;
        let plan = positions::Plan::of(&compiled.atoms, f);
        let mut reader = plan.as_ref().map(|p| positions::Reader::new(p, searcher));
        // The positions are read forward, document after document.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_unstable_by_key(|&i| {
            let addr = addresses[i].1;
            (addr.segment_ord, addr.doc_id)
        });
        for i in order {
            let doc = &docs[i];
            let [de, en] = schema::units(
                doc.str(f.de_units),
                doc.str(f.en_units),
                doc.bytes(f.unit_ends),
            );
            if let Some(reader) = &mut reader {
                let placed = reader
                    .best(addresses[i].1, [&de, &en])
                    .map_err(|e| SearchError::Index(e.to_string()))?;
                if let Ok(best) = placed {
                    bests[i] = best;
                    continue;
                }
            }
            bests[i] = best_unit(&compiled.atoms, &de, &en, &mut self.analyzers);
        }
        Ok(bests)
    }
}

impl From<Opened> for Engine {
    fn from(opened: Opened) -> Engine {
        Engine {
            opened: Arc::new(opened),
            analyzers: Analyzers::new(),
        }
    }
}

/// What the search modules' unit tests share.
#[cfg(test)]
mod testing {
    use super::Engine;
    use crate::kb::corpus::{Corpus, CorpusLocation};

    /// The corpus, and its engine with an index built in a directory of its own (kept as long
    /// as the directory lives).
    pub fn corpus_engine() -> (Corpus, tempfile::TempDir, Engine) {
        let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (engine, _) = Engine::open(dir.path(), &CorpusLocation::Embedded).unwrap();
        (corpus, dir, engine)
    }

    /// Sentences whose words fold or stem irregularly (German, English), for documents of
    /// their own.
    pub const ODD_UNITS: [(&str, &str); 3] = [
        (
            "Die Umfragen von O'Rourke zeigten früh einen Vorsprung.",
            "O'Rourke's early study showed a lead.",
        ),
        (
            "Müller, Rücktritt und die Straße: „Quelle“ – Bauer.",
            "Müller’s resignation on the street: research by Bauer.",
        ),
        (
            "Die Wahlhelfer zählten die Stimmen der Stichwahlen.",
            "The dying senator was lying; the tying vote came from the skies, generously.",
        ),
    ];

    /// Queries that probe every way a word can match: the judged queries, every ninth word
    /// of the corpus in both languages, misspelt, cut to a prefix and paired with another,
    /// phrases of two and three words from every 23rd sentence, and the irregular words of
    /// [`ODD_UNITS`].
    pub fn probe_queries(corpus: &Corpus) -> Vec<String> {
        #[derive(serde::Deserialize)]
        struct Set {
            query: Vec<Judged>,
        }
        #[derive(serde::Deserialize)]
        struct Judged {
            text: String,
        }
        let judged: Set = toml::from_str(include_str!("../../tests/judged/queries.toml")).unwrap();
        let mut queries: Vec<String> = judged.query.into_iter().map(|q| q.text).collect();
        let mut words: Vec<&str> = corpus_words(corpus)
            .filter(|w| w.chars().count() >= 3)
            .collect();
        words.sort_unstable();
        words.dedup();
        for (n, word) in words.iter().enumerate().filter(|(n, _)| n % 9 == 0) {
            let chars: Vec<char> = word.chars().collect();
            queries.push(word.to_string());
            if chars.len() >= 6 {
                let mut typo = chars.clone();
                typo.swap(2, 3);
                queries.push(typo.into_iter().collect());
                queries.push(format!("{}*", chars[..4].iter().collect::<String>()));
            }
            queries.push(format!("{word} {}", words[(n * 7 + 3) % words.len()]));
        }
        let sentences = corpus
            .documents
            .iter()
            .flat_map(|d| &d.units)
            .flat_map(|u| [&u.de, &u.en]);
        for (n, sentence) in sentences.enumerate().filter(|(n, _)| n % 23 == 0) {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            let from = n % words.len().max(1);
            for len in [2, 3] {
                if let Some(phrase) = words.get(from..from + len) {
                    queries.push(format!("\"{}\"", phrase.join(" ")));
                }
            }
        }
        queries.extend(
            [
                "studies",
                "Orourke",
                "O’Rourke",
                "earli",
                "early",
                "Mueller",
                "Muller",
                "Ruecktritt",
                "Strasse",
                "Quelle",
                "Bauer",
                "resign",
                "Stud*",
                "died",
                "lied",
                "ties",
                "sky",
                "generous",
                "Stichwahl",
                "Wahlhelfers",
                "zählte",
            ]
            .map(String::from),
        );
        queries
    }

    /// Every word of the corpus's sentences in both languages, punctuation trimmed, in order
    /// and with repeats.
    pub fn corpus_words(corpus: &Corpus) -> impl Iterator<Item = &str> {
        corpus
            .documents
            .iter()
            .flat_map(|d| &d.units)
            .flat_map(|u| u.de.split_whitespace().chain(u.en.split_whitespace()))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::CorpusLocation;

    /// The `.idx` files of a generation: one per segment.
    fn segments(engine: &Engine) -> usize {
        std::fs::read_dir(engine.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension() == Some("idx".as_ref()))
            })
            .count()
    }

    /// An index merged from several segments answers as the corpus's index written in one
    /// segment does, best sentences and highlights included (read from the positions), equal
    /// scores in article order. Here each document is committed alone, a segment each, and
    /// the build merges them into one.
    #[test]
    fn an_index_merged_from_segments_answers_as_one_segment() {
        let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
        let key = store::key(corpus.fingerprint);
        let one_dir = tempfile::tempdir().unwrap();
        let mut one = Engine::build_from(one_dir.path(), &corpus, &key).unwrap();
        assert_eq!(segments(&one), 1);
        let dir = tempfile::tempdir().unwrap();
        let mut merged = Engine::build_filled(dir.path(), &key, &corpus, 2, |writer, f| {
            let mut order = 0;
            for doc in document::documents(&corpus) {
                document::add(writer, &doc, order, f)?;
                writer.commit()?;
                order += 1;
            }
            Ok(order)
        })
        .unwrap();
        let documents = corpus.documents.len();
        assert_eq!(merged.documents(), documents as u64);
        assert_eq!(segments(&merged), 1);
        let answer = |hits: &[Hit]| {
            hits.iter()
                .map(|h| {
                    let best = h.best.as_ref().map(|b| (b.unit, b.highlights.clone()));
                    (h.id.clone(), h.score, best)
                })
                .collect::<Vec<_>>()
        };
        for text in [
            "Plagiat",
            "Stichwahl",
            "runoff",
            "party:R",
            "Senatr",
            "\"Max Baucus\"",
            "Daines Plagiat",
            "Stimm*",
        ] {
            let q = query::parse(text).unwrap();
            let (total, hits) = merged.search(&q, 40).unwrap();
            let (one_total, one_hits) = one.search(&q, 40).unwrap();
            assert!(total > 0, "{text}");
            assert_eq!(
                (total, answer(&hits)),
                (one_total, answer(&one_hits)),
                "{text}"
            );
        }
    }
}
