//! Turns the corpus into index documents: one per race and one for the overview.

use tantivy::{IndexWriter, TantivyDocument};

use super::analysis::{Analyzers, analyze};
use super::schema::Fields;
use super::store::{Lexicon, Names};
use crate::answer;
use crate::corpus::{Corpus, DocKind};
use crate::json;
use crate::l10n::{Lang, Localizer};

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
        // Both counted by `store::build` as it writes the generation.
        documents: 0,
        names_hash: 0,
    }
}

/// The people and states, for filters.
pub fn names(corpus: &Corpus) -> Names {
    Names {
        people: corpus.people.clone(),
        states: corpus.states.clone(),
    }
}

/// Adds every document of the corpus; returns how many.
pub fn fill(corpus: &Corpus, writer: &mut IndexWriter, f: &Fields) -> tantivy::Result<u64> {
    let de = Localizer::new(Lang::De);
    let en = Localizer::new(Lang::En);
    let mut count = 0;
    for (order, doc) in corpus.documents.iter().enumerate() {
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_text(f.kind, doc.kind().as_str());
        d.add_u64(f.order, order as u64);
        if let Some(facts) = &doc.facts {
            d.add_text(f.state, facts.state.value.to_lowercase());
            if let Some(winner) = corpus.person(&facts.winner.value) {
                d.add_text(f.party, winner.party.code().to_lowercase());
            }
            d.add_text(f.outcome, facts.outcome.value.as_str());
            d.add_text(
                f.special,
                if facts.special.value {
                    "special"
                } else {
                    "regular"
                },
            );
        }
        for participant in &doc.people {
            d.add_text(f.person, &participant.person);
        }
        for unit in &doc.units {
            for field in [f.de_exact, f.de_stem, f.de_parts, f.de_units] {
                d.add_text(field, &unit.de);
            }
            for field in [f.en_exact, f.en_stem, f.en_units] {
                d.add_text(field, &unit.en);
            }
        }
        d.add_text(f.title_de, json::title(corpus, doc, &de));
        d.add_text(f.title_en, json::title(corpus, doc, &en));
        if doc.kind() == DocKind::Race {
            d.add_text(
                f.summary_de,
                answer::summary(corpus, doc, &de).unwrap_or_default(),
            );
            d.add_text(
                f.summary_en,
                answer::summary(corpus, doc, &en).unwrap_or_default(),
            );
        }
        writer.add_document(d)?;
        count += 1;
    }
    Ok(count)
}
