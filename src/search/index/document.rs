//! Turns documents into index documents: one per race and one for the overview. The corpus's
//! documents come through [`documents`]; a caller with documents of its own (the synthetic
//! corpora of the scale benchmark) builds [`IndexDocument`]s directly, and both go through
//! [`fill`], so the index holds the same fields either way.

use tantivy::{IndexWriter, TantivyDocument};

use crate::kb::answer;
use crate::kb::corpus::{Corpus, DocKind, Role, SentencePair};
use crate::kb::knowledge;
use crate::l10n::{Lang, Localizer};
use crate::search::analysis::{self, Analyzers, analyze};
use crate::search::index::schema::{self, Fields};
use crate::search::index::store::{Lexicon, Names};
use crate::search::query::compile;
use crate::text::fold;

/// What a race's facts contribute to the index: the values the filters look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFacts {
    /// Postal code (`MT`), for `state:`.
    pub state: String,
    /// The winner's party code (`R`), for `party:`; `None` when the winner is unknown.
    pub party: Option<String>,
    /// `gain` or `hold`, for `outcome:`.
    pub outcome: String,
    /// Whether the race was a special election.
    pub special: bool,
}

/// One document as the index holds it: what a race (or the overview) of the corpus becomes,
/// and what a caller without a corpus builds itself.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDocument {
    /// Document id (`mt`, `overview`).
    pub id: String,
    /// Race or overview.
    pub kind: DocKind,
    /// The facts of a race; `None` for the overview.
    pub facts: Option<IndexFacts>,
    /// Ids of every person linked to the document, for `person:`.
    pub people: Vec<String>,
    /// Ids of the people the race is about (see `schema::Fields::lead`).
    pub leads: Vec<String>,
    /// The concepts its facts say (see `schema::Fields::concept`).
    pub concepts: Vec<String>,
    /// The text, sentence by sentence, both languages.
    pub units: Vec<SentencePair>,
    /// What the race's facts say in the words people search with, unit by unit, German and
    /// English ([`crate::kb::knowledge::units`]): indexed beside the text, never shown.
    pub knowledge: [Vec<String>; 2],
    /// Title in German and English.
    pub title: [String; 2],
    /// One-line outcome in German and English (empty for the overview).
    pub summary: [String; 2],
}

/// What every search needs besides the index: the glossary, analyzed once here.
pub fn lexicon(corpus: &Corpus, key: &str) -> Lexicon {
    let mut an = Analyzers::new();
    let stems = |analyzer: &mut tantivy::tokenizer::TextAnalyzer, forms: &[String]| {
        forms
            .iter()
            .map(|f| analyze(analyzer, f).into_iter().map(|t| t.text).collect())
            .collect()
    };
    let glossary = corpus
        .glossary
        .iter()
        .map(|term| {
            [
                stems(&mut an.de_stem, &term.de),
                stems(&mut an.en_stem, &term.en),
            ]
        })
        .collect();
    Lexicon {
        key: key.to_string(),
        glossary,
        // Counted by `store::build` as it writes the generation.
        documents: 0,
        names_hash: 0,
    }
}

/// The people and states, the words of the concepts and of people's names (see [`Names`]).
pub fn names(corpus: &Corpus) -> Result<Names, serde_json::Error> {
    let folded =
        |text: &str| -> Vec<String> { fold::words(text).iter().map(|w| fold::german(w)).collect() };
    let state_spellings = corpus
        .states
        .iter()
        .map(|state| {
            let mut keys: Vec<String> = knowledge::spellings(state)
                .iter()
                .map(|s| folded(s).concat())
                .collect();
            keys.dedup();
            keys
        })
        .collect();
    let concepts = corpus
        .vocabulary
        .iter()
        .map(|concept| {
            let words = concept.de.iter().chain(&concept.en);
            let mut words: Vec<String> = words.map(|w| folded(w).join(" ")).collect();
            words.sort_unstable();
            words.dedup();
            (concept.id, words)
        })
        .collect();
    let mut name_words: Vec<String> = corpus
        .people
        .iter()
        .flat_map(|p| {
            let names = std::iter::once(&p.name)
                .chain(&p.article_name)
                .chain(&p.aliases);
            names.flat_map(|n| fold::words(n)).collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() > 1)
        .collect();
    name_words.sort_unstable();
    name_words.dedup();
    Names::new(
        &corpus.people,
        corpus.states.clone(),
        corpus.states.iter().map(compile::state_keys).collect(),
        state_spellings,
        concepts,
        name_words,
    )
}

/// The corpus's documents as the index holds them, in article order, titles and summaries
/// rendered in both languages.
pub fn documents(corpus: &Corpus) -> impl Iterator<Item = IndexDocument> + '_ {
    let de = Localizer::new(Lang::De);
    let en = Localizer::new(Lang::En);
    corpus.documents.iter().map(move |doc| {
        let facts = doc.facts.as_ref().map(|facts| IndexFacts {
            state: facts.state.value.clone(),
            party: corpus
                .person(&facts.winner.value)
                .map(|winner| winner.party.code().to_string()),
            outcome: facts.outcome.value.as_str().to_string(),
            special: facts.special.value,
        });
        let summary = |l10n: &Localizer| {
            if doc.kind() == DocKind::Race {
                answer::summary(corpus, doc, l10n).unwrap_or_default()
            } else {
                String::new()
            }
        };
        let title = [
            answer::title(corpus, doc, &de),
            answer::title(corpus, doc, &en),
        ];
        let leads = doc
            .people
            .iter()
            .filter(|p| p.roles.iter().any(|r| LEAD_ROLES.contains(r)))
            .map(|p| p.person.clone())
            .collect();
        IndexDocument {
            id: doc.id.clone(),
            kind: doc.kind(),
            facts,
            people: doc.people.iter().map(|p| p.person.clone()).collect(),
            leads,
            concepts: knowledge::fact_terms(corpus, doc),
            units: doc.units.clone(),
            knowledge: [
                knowledge::units(corpus, doc, &title[0], Lang::De),
                knowledge::units(corpus, doc, &title[1], Lang::En),
            ],
            title,
            summary: [summary(&de), summary(&en)],
        }
    })
}

/// The roles that make a race about a person: they stood in it, won it or held the seat.
const LEAD_ROLES: [Role; 5] = [
    Role::Candidate,
    Role::Winner,
    Role::Incumbent,
    Role::Appointed,
    Role::Retiring,
];

/// Adds every document, numbering them in the order given; returns how many.
pub fn fill(
    docs: impl IntoIterator<Item = IndexDocument>,
    writer: &IndexWriter,
    f: &Fields,
) -> tantivy::Result<u64> {
    let mut count = 0;
    for doc in docs {
        add(writer, &doc, count, f)?;
        count += 1;
    }
    Ok(count)
}

/// Adds one document as the `order`-th of the article (the order equal scores keep).
pub fn add(
    writer: &IndexWriter,
    doc: &IndexDocument,
    order: u64,
    f: &Fields,
) -> tantivy::Result<()> {
    writer.add_document(tantivy_document(doc, order, f))?;
    Ok(())
}

fn tantivy_document(doc: &IndexDocument, order: u64, f: &Fields) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &doc.id);
    d.add_text(f.kind, doc.kind.as_str());
    d.add_u64(f.order, order);
    if let Some(facts) = &doc.facts {
        d.add_text(f.state, facts.state.to_lowercase());
        if let Some(party) = &facts.party {
            d.add_text(f.party, party.to_lowercase());
        }
        d.add_text(f.outcome, &facts.outcome);
        d.add_text(f.special, if facts.special { "special" } else { "regular" });
    }
    for person in &doc.people {
        d.add_text(f.person, person);
    }
    for person in &doc.leads {
        d.add_text(f.lead, person);
    }
    for concept in &doc.concepts {
        d.add_text(f.concept, concept);
    }
    // Each language's units as one value per field, so that a position tells the unit (see
    // `analysis::UNIT_STRIDE`); the knowledge likewise, in fields of its own.
    let mut joined = String::new();
    analysis::join_units(doc.units.iter().map(|u| u.de.as_str()), &mut joined);
    for field in [f.de_exact, f.de_stem, f.de_parts] {
        d.add_text(field, &joined);
    }
    analysis::join_units(doc.units.iter().map(|u| u.en.as_str()), &mut joined);
    for field in [f.en_exact, f.en_stem] {
        d.add_text(field, &joined);
    }
    for (field, units) in [f.de_kb, f.en_kb].into_iter().zip(&doc.knowledge) {
        analysis::join_units(units.iter().map(String::as_str), &mut joined);
        d.add_text(field, &joined);
    }
    let mut texts: [String; 2] = Default::default();
    let mut ends = Vec::with_capacity(doc.units.len() * 16);
    for unit in &doc.units {
        schema::push_unit(&mut texts, &mut ends, [&unit.de, &unit.en]);
    }
    let [de, en] = texts;
    d.add_text(f.de_units, de);
    d.add_text(f.en_units, en);
    d.add_bytes(f.unit_ends, &ends);
    d.add_text(f.title_de, &doc.title[0]);
    d.add_text(f.title_en, &doc.title[1]);
    if doc.kind == DocKind::Race {
        d.add_text(f.summary_de, &doc.summary[0]);
        d.add_text(f.summary_en, &doc.summary[1]);
    }
    d
}
