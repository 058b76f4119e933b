//! Finds the best sentence of each hit from the positions the index holds, without analysing
//! the sentences: a document's units are one value per text field, word `w` of unit `u` at
//! position `u * UNIT_STRIDE + w` (see [`analysis::UNIT_STRIDE`]), so the postings of the
//! terms an atom can match with tell, per unit, which words match and how well. Only the
//! best unit's two sentences are split into words, for the byte offsets of the highlights
//! (tantivy stores no offsets). The answer is the [matcher](crate::search::highlight::matcher)'s, which
//! analyses every sentence; the tests compare the two.
//!
//! A query with a prefix (`plag*`) is left to the matcher: its terms are not known before
//! the index is read. So is a document with a unit too long for its positions to tell its
//! words apart.

use rustc_hash::FxHashMap;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, Term};

use crate::l10n::Lang;
use crate::search::analysis::{self, UNIT_BYTES, UNIT_STRIDE};
use crate::search::highlight::matcher::{Best, Tier, key, merge};
use crate::search::index::schema::Fields;
use crate::search::query::compile::{AtomSpec, LANGS, li};

/// One way an atom can match in one language: a sequence of terms of one field (one term
/// for most), each a slot of [`Plan::slots`].
struct Form {
    atom: usize,
    lang: usize,
    tier: Tier,
    slots: Vec<usize>,
}

/// What a query looks for, as terms of the index: worked out once per query.
pub struct Plan {
    atoms: usize,
    /// Every distinct (field, term) the forms name.
    slots: Vec<(Field, String)>,
    forms: Vec<Form>,
}

impl Plan {
    /// The plan of `atoms`; `None` when some atom is a prefix.
    pub fn of(atoms: &[AtomSpec], fields: &Fields) -> Option<Plan> {
        if atoms.iter().any(|a| a.prefix.iter().any(Option::is_some)) {
            return None;
        }
        let mut plan = Plan {
            atoms: atoms.len(),
            slots: Vec::new(),
            forms: Vec::new(),
        };
        let mut known: FxHashMap<(Field, String), usize> = FxHashMap::default();
        let mut slot = |field: Field, term: &str, slots: &mut Vec<(Field, String)>| {
            *known.entry((field, term.to_string())).or_insert_with(|| {
                slots.push((field, term.to_string()));
                slots.len() - 1
            })
        };
        for (a, atom) in atoms.iter().enumerate() {
            for lang in LANGS {
                let i = li(lang);
                let mut add = |tier, field, terms: &[String], plan: &mut Plan| {
                    if terms.is_empty() {
                        return;
                    }
                    let slots = terms
                        .iter()
                        .map(|t| slot(field, t, &mut plan.slots))
                        .collect();
                    plan.forms.push(Form {
                        atom: a,
                        lang: i,
                        tier,
                        slots,
                    });
                };
                add(Tier::Exact, fields.exact(lang), &atom.exact[i], &mut plan);
                add(Tier::Stem, fields.stem(lang), &atom.stem[i], &mut plan);
                for form in &atom.glossary[i] {
                    add(Tier::Glossary, fields.stem(lang), form, &mut plan);
                }
                if lang == Lang::De {
                    if let Some(part) = &atom.part {
                        add(
                            Tier::Part,
                            fields.de_parts,
                            std::slice::from_ref(part),
                            &mut plan,
                        );
                    }
                }
                for typo in &atom.typos[i] {
                    add(
                        Tier::Typo,
                        fields.exact(lang),
                        std::slice::from_ref(typo),
                        &mut plan,
                    );
                }
                if lang == Lang::De {
                    for part in &atom.part_typos {
                        add(
                            Tier::Typo,
                            fields.de_parts,
                            std::slice::from_ref(part),
                            &mut plan,
                        );
                    }
                }
            }
        }
        Some(plan)
    }
}

/// Why a document's best unit is left to the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplaced {
    /// A unit too long, or too many units, for positions to tell the words apart.
    TooLong,
}

/// The postings of a plan's slots in one segment, read forward document by document.
pub struct Reader<'a> {
    plan: &'a Plan,
    searcher: &'a Searcher,
    segment: Option<u32>,
    postings: Vec<Option<SegmentPostings>>,
    /// Per slot, its positions in the current document.
    positions: Vec<Vec<u32>>,
}

/// A match of a form: the unit, its first and last word, its tier.
struct Found {
    unit: usize,
    words: (usize, usize),
    lang: usize,
    atom: usize,
    tier: Tier,
}

impl<'a> Reader<'a> {
    /// Reads `plan`'s terms in the index of `searcher`.
    pub fn new(plan: &'a Plan, searcher: &'a Searcher) -> Reader<'a> {
        Reader {
            plan,
            searcher,
            segment: None,
            postings: Vec::new(),
            positions: vec![Vec::new(); plan.slots.len()],
        }
    }

    /// The best unit of the document at `addr`, whose units are `units` (German, English).
    /// Documents must come in order of address (segment, then document).
    pub fn best<S: AsRef<str>>(
        &mut self,
        addr: DocAddress,
        units: [&[S]; 2],
    ) -> tantivy::Result<Result<Option<Best>, Unplaced>> {
        let too_long = units
            .iter()
            .flat_map(|u| u.iter())
            .any(|u| u.as_ref().len() > UNIT_BYTES);
        if too_long || units[0].len() >= analysis::MAX_UNITS as usize {
            return Ok(Err(Unplaced::TooLong));
        }
        self.read(addr)?;
        let plan = self.plan;
        let mut found = Vec::new();
        for form in &plan.forms {
            let [first, rest @ ..] = form.slots.as_slice() else {
                continue;
            };
            for &p in &self.positions[*first] {
                let follows = rest.iter().enumerate().all(|(j, &slot)| {
                    let wanted = p + j as u32 + 1;
                    self.positions[slot].binary_search(&wanted).is_ok()
                });
                if follows {
                    let word = (p % UNIT_STRIDE) as usize;
                    found.push(Found {
                        unit: (p / UNIT_STRIDE) as usize,
                        words: (word, word + rest.len()),
                        lang: form.lang,
                        atom: form.atom,
                        tier: form.tier,
                    });
                }
            }
        }
        Ok(Ok(best_of(&found, plan.atoms, units)))
    }

    /// The positions of every slot in the document at `addr`.
    fn read(&mut self, addr: DocAddress) -> tantivy::Result<()> {
        if self.segment != Some(addr.segment_ord) {
            let segment = self.searcher.segment_reader(addr.segment_ord);
            let mut postings = Vec::with_capacity(self.plan.slots.len());
            for (field, text) in &self.plan.slots {
                let term = Term::from_field_text(*field, text);
                let index = segment.inverted_index(*field)?;
                postings
                    .push(index.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)?);
            }
            self.postings = postings;
            self.segment = Some(addr.segment_ord);
        }
        for (postings, positions) in self.postings.iter_mut().zip(&mut self.positions) {
            positions.clear();
            let Some(postings) = postings else {
                continue;
            };
            let doc = postings.doc();
            if doc == TERMINATED || doc > addr.doc_id {
                continue;
            }
            if doc < addr.doc_id && postings.seek(addr.doc_id) != addr.doc_id {
                continue;
            }
            postings.positions(positions);
        }
        Ok(())
    }
}

/// The best unit among the matches, as the matcher ranks them: by the score of the better
/// language (each atom's best tier, summed), then the other, then article order; its
/// highlights every match in it, merged.
fn best_of<S: AsRef<str>>(found: &[Found], atoms: usize, units: [&[S]; 2]) -> Option<Best> {
    // Per unit that has a match, per language, each atom's best tier.
    let mut tiers: FxHashMap<usize, [Vec<u32>; 2]> = FxHashMap::default();
    for f in found {
        let unit = tiers
            .entry(f.unit)
            .or_insert_with(|| [vec![0; atoms], vec![0; atoms]]);
        let best = &mut unit[f.lang][f.atom];
        *best = (*best).max(f.tier as u32);
    }
    let (unit, scores) = tiers
        .iter()
        .map(|(&unit, t)| (unit, [0, 1].map(|l| t[l].iter().sum::<u32>())))
        .filter(|&(unit, _)| unit < units[0].len().min(units[1].len()))
        .max_by(|(a, x), (b, y)| key(*x).cmp(&key(*y)).then_with(|| b.cmp(a)))?;
    if key(scores).0 == 0 {
        return None;
    }
    let texts = [units[0][unit].as_ref(), units[1][unit].as_ref()];
    let highlights = [0, 1].map(|l| {
        let here = || found.iter().filter(|f| f.unit == unit && f.lang == l);
        let Some(last) = here().map(|f| f.words.1).max() else {
            return Vec::new();
        };
        // The words up to the last one to highlight.
        let words: Vec<(usize, usize)> = analysis::word_bounds(texts[l]).take(last + 1).collect();
        let spans = here()
            .filter_map(|f| Some((words.get(f.words.0)?.0, words.get(f.words.1)?.1)))
            .collect();
        merge(spans)
    });
    Some(Best {
        unit,
        de: texts[0].to_string(),
        en: texts[1].to_string(),
        highlights,
        scores,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::{Corpus, CorpusLocation, DocKind, SentencePair};
    use crate::search::highlight::matcher::best_unit;
    use crate::search::index::schema;
    use crate::search::query::{self, compile};
    use crate::search::testing::{ODD_UNITS, probe_queries};
    use crate::search::{Engine, IndexDocument, documents};

    fn pair(de: &str, en: &str) -> SentencePair {
        SentencePair {
            paragraph: 1,
            de: de.to_string(),
            en: en.to_string(),
        }
    }

    fn document(id: &str, units: Vec<SentencePair>) -> IndexDocument {
        IndexDocument {
            id: id.to_string(),
            kind: DocKind::Race,
            facts: None,
            people: Vec::new(),
            leads: Vec::new(),
            concepts: Vec::new(),
            units,
            knowledge: Default::default(),
            title: [id.to_string(), id.to_string()],
            summary: Default::default(),
        }
    }

    /// The positions find the best unit and highlights the matcher finds by analysing every
    /// sentence, for every probe query in every document of an index of the corpus and of
    /// documents with odd words, with units as long as positions can tell apart and longer
    /// (left to the matcher), with a separator in a unit's text, and with empty units.
    #[test]
    fn positions_find_what_the_matcher_finds() {
        let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
        let mut docs: Vec<IndexDocument> = documents(&corpus).collect();
        let odd = ODD_UNITS.iter().map(|(de, en)| pair(de, en)).collect();
        docs.push(document("odd", odd));
        let first = &corpus.documents[1].units;
        let long = |unit: &SentencePair, bytes: usize| {
            let mut de = unit.de.clone();
            while de.len() < bytes {
                de.push(' ');
                de.push_str(&unit.de);
            }
            de.truncate(de.floor_char_boundary(bytes));
            pair(&de, &unit.en)
        };
        // As many words as a unit's positions hold (`x y x … z`), and one more.
        let words = |n: usize| {
            let mut words: Vec<&str> = ["x", "y"].into_iter().cycle().take(n - 1).collect();
            words.push("z");
            words.join(" ")
        };
        let most = UNIT_STRIDE as usize - 1;
        assert_eq!(words(most).len(), UNIT_BYTES - 1);
        docs.push(document(
            "longest",
            vec![
                long(&first[0], UNIT_BYTES),
                pair("", ""),
                pair(&words(most), &words(most)),
                first[1].clone(),
            ],
        ));
        docs.push(document(
            "too-long",
            vec![
                first[0].clone(),
                long(&first[1], UNIT_BYTES + 1),
                pair(&words(most + 1), "x"),
                first[2].clone(),
            ],
        ));
        let separated = format!("{}\u{1e}{}", first[0].de, first[1].de);
        docs.push(document(
            "separated",
            vec![pair(&separated, &first[0].en), first[2].clone()],
        ));
        let dir = tempfile::tempdir().unwrap();
        let mut engine = Engine::build_documents(dir.path(), 7, &corpus, docs).unwrap();
        let searcher = engine.opened.reader.searcher();
        let f = engine.opened.fields.clone();
        let mut stored = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in 0..segment.max_doc() {
                let addr = DocAddress::new(ord as u32, doc);
                let doc: schema::StoredDoc = searcher.doc(addr).unwrap();
                stored.push((addr, doc));
            }
        }
        let (mut compared, mut found, mut left, mut phrases) = (0, 0, 0, 0);
        let mut queries = probe_queries(&corpus);
        queries.extend(["z", "\"y z\"", "\"x y\"", "x"].map(String::from));
        let mut at_the_end = 0;
        for text in queries {
            let Ok(parsed) = query::parse(&text) else {
                continue;
            };
            let Ok(compiled) = compile::compile(&parsed, &engine.opened, &mut engine.analyzers)
            else {
                continue;
            };
            let Some(plan) = Plan::of(&compiled.atoms, &f) else {
                continue;
            };
            let mut reader = Reader::new(&plan, &searcher);
            for (addr, doc) in &stored {
                let [de, en] = schema::units(
                    doc.str(f.de_units),
                    doc.str(f.en_units),
                    doc.bytes(f.unit_ends),
                );
                let expected = best_unit(&compiled.atoms, &de, &en, &mut engine.analyzers);
                let key = |b: &Option<Best>| {
                    b.as_ref().map(|b| {
                        (
                            b.unit,
                            b.highlights.clone(),
                            b.scores,
                            b.de.clone(),
                            b.en.clone(),
                        )
                    })
                };
                match reader.best(*addr, [&de, &en]).unwrap() {
                    Ok(best) => {
                        assert_eq!(key(&best), key(&expected), "{text:?} in {}", doc.str(f.id));
                        compared += 1;
                        found += usize::from(best.is_some());
                        phrases += usize::from(best.is_some() && text.starts_with('"'));
                        // Highlights up to the last word of the unit of most words.
                        let end = words(most).len();
                        at_the_end += usize::from(best.as_ref().is_some_and(|b| {
                            b.unit == 2 && b.highlights[0].last().map(|h| h.1) == Some(end)
                        }));
                    }
                    Err(Unplaced::TooLong) => {
                        assert_eq!(doc.str(f.id), "too-long");
                        left += 1;
                    }
                }
            }
        }
        println!(
            "{compared} documents compared, {found} with a best unit ({phrases} for phrases), \
             {left} left to the matcher"
        );
        assert!(compared > 15_000, "{compared}");
        assert!(found > 2_500, "{found}");
        assert!(phrases > 50, "{phrases}");
        assert!(left > 400, "{left}");
        assert_eq!(at_the_end, 2, "`z` and `\"y z\"` in the longest unit");
    }
}
