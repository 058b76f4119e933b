//! Finds, within a race that matched, the sentence that matches best, and the words to
//! highlight in it, in both languages, by analysing each of its sentences with the index's
//! own analyzers ([`Analyzers`]), so compound parts, prefixes, typos and glossary terms
//! highlight exactly like exact words (tantivy's `SnippetGenerator` cannot: it knows no terms
//! of fuzzy or prefix queries). A search reads the same answer from the index's positions
//! where it can ([`positions`](crate::search::highlight::positions)); this is what it falls back on, for
//! prefixes and overlong sentences, and what the tests hold the positions to. The vocabulary
//! of both ([`Best`], [`Tier`], `key`, `merge`) is this module's.

use crate::l10n::Lang;
use crate::search::analysis::{Analyzed, Analyzers, analyze};
use crate::search::query::compile::{AtomSpec, LANGS, li};

/// How a word matched, from best to worst (the weight of each in sentence ranking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// A typo away.
    Typo = 2,
    /// Starts with the prefix.
    Prefix = 3,
    /// A compound part (`Plagiat` in `Plagiatsvorwurfs`).
    Part = 4,
    /// A glossary term of the other language (`Stichwahl` ⇄ `runoff`).
    Glossary = 5,
    /// The same stem.
    Stem = 6,
    /// The same word.
    Exact = 8,
}

/// The best sentence of a hit.
#[derive(Debug, Clone)]
pub struct Best {
    /// Index of the unit in the document.
    pub unit: usize,
    /// German sentence.
    pub de: String,
    /// English sentence.
    pub en: String,
    /// Byte ranges to highlight, per language (German 0, English 1).
    pub highlights: [Vec<(usize, usize)>; 2],
    /// Match score per language.
    pub scores: [u32; 2],
}

impl Best {
    /// The sentence in a language.
    pub fn sentence(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// The highlights in a language.
    pub fn highlights(&self, lang: Lang) -> &[(usize, usize)] {
        &self.highlights[li(lang)]
    }

    /// The language the match was in: the output language unless the other one matched
    /// better, or is the only one where the match can be seen.
    pub fn matched_lang(&self, output: Lang) -> Lang {
        let other = match output {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        };
        let unseen =
            self.highlights[li(output)].is_empty() && !self.highlights[li(other)].is_empty();
        if unseen || self.scores[li(other)] > self.scores[li(output)] {
            other
        } else {
            output
        }
    }
}

/// A word of a sentence as the index's analyzers make it: where it is, its exact term, its
/// stem, and (German) its compound parts, stemmed, as the parts field holds them.
struct Tok {
    from: usize,
    to: usize,
    exact: String,
    stem: String,
    parts: Vec<String>,
}

/// The words of a sentence, each through every analyzer of its language: the stemming
/// analyzer makes one term per word, as the exact one does, and the parts analyzer gives a
/// compound's parts its word's offsets.
fn tokens(text: &str, lang: Lang, an: &mut Analyzers) -> Vec<Tok> {
    let stems = analyze(an.stem(lang), text);
    let exact = analyze(an.exact(lang), text);
    let mut toks: Vec<Tok> = exact
        .into_iter()
        .zip(stems)
        .map(|(exact, stem)| Tok {
            from: exact.from,
            to: exact.to,
            exact: exact.text,
            stem: stem.text,
            parts: Vec::new(),
        })
        .collect();
    if lang == Lang::De {
        for Analyzed { text, from, .. } in analyze(&mut an.de_parts, text) {
            if let Ok(word) = toks.binary_search_by_key(&from, |t| t.from) {
                toks[word].parts.push(text);
            }
        }
    }
    toks
}

/// How units are compared: by the score of their better language, then of the other.
pub(super) fn key(scores: [u32; 2]) -> (u32, u32) {
    (scores[0].max(scores[1]), scores[0].min(scores[1]))
}

/// Where a token sequence occurs, by a key of each token.
fn find_sequence<'a>(
    toks: &'a [Tok],
    seq: &[String],
    key: impl Fn(&'a Tok) -> &'a str,
) -> Vec<(usize, usize)> {
    if seq.is_empty() || seq.len() > toks.len() {
        return Vec::new();
    }
    (0..=toks.len() - seq.len())
        .filter(|&i| seq.iter().enumerate().all(|(j, s)| key(&toks[i + j]) == s))
        .map(|i| (toks[i].from, toks[i + seq.len() - 1].to))
        .collect()
}

/// The matches of one atom in one sentence: the best tier and every span.
fn atom_matches(atom: &AtomSpec, toks: &[Tok], lang: Lang) -> (Option<Tier>, Vec<(usize, usize)>) {
    let i = li(lang);
    let mut best: Option<Tier> = None;
    let mut spans = Vec::new();
    macro_rules! add {
        ($tier:expr, $found:expr $(,)?) => {{
            let found: Vec<(usize, usize)> = $found;
            if !found.is_empty() {
                best = best.max(Some($tier));
                spans.extend(found);
            }
        }};
    }
    add!(
        Tier::Exact,
        find_sequence(toks, &atom.exact[i], |t| &t.exact),
    );
    add!(Tier::Stem, find_sequence(toks, &atom.stem[i], |t| &t.stem));
    for form in &atom.glossary[i] {
        add!(Tier::Glossary, find_sequence(toks, form, |t| &t.stem));
    }
    if lang == Lang::De {
        if let Some(part) = &atom.part {
            add!(
                Tier::Part,
                toks.iter()
                    .filter(|t| t.parts.contains(part))
                    .map(|t| (t.from, t.to))
                    .collect(),
            );
        }
    }
    if let Some(prefix) = &atom.prefix[i] {
        add!(
            Tier::Prefix,
            toks.iter()
                .filter(|t| {
                    t.exact.starts_with(prefix.as_str())
                        || (lang == Lang::De
                            && t.parts.iter().any(|p| p.starts_with(prefix.as_str())))
                })
                .map(|t| (t.from, t.to))
                .collect(),
        );
    }
    // Typos: the words the index's typo clause matched (see `compile::expand`).
    let typos = &atom.typos[i];
    let part_typos = &atom.part_typos;
    if !typos.is_empty() || (lang == Lang::De && !part_typos.is_empty()) {
        add!(
            Tier::Typo,
            toks.iter()
                .filter(|t| {
                    typos.contains(&t.exact)
                        || (lang == Lang::De && t.parts.iter().any(|x| part_typos.contains(x)))
                })
                .map(|t| (t.from, t.to))
                .collect(),
        );
    }
    (best, spans)
}

/// Scores a sentence: the sum of each atom's best tier, and the spans to highlight, merged.
fn sentence_matches(
    atoms: &[AtomSpec],
    text: &str,
    lang: Lang,
    an: &mut Analyzers,
) -> (u32, Vec<(usize, usize)>) {
    let toks = tokens(text, lang, an);
    let mut score = 0;
    let mut spans = Vec::new();
    for atom in atoms {
        let (tier, found) = atom_matches(atom, &toks, lang);
        score += tier.map_or(0, |t| t as u32);
        spans.extend(found);
    }
    (score, merge(spans))
}

/// Sorts spans and merges those that overlap or touch.
pub(super) fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

/// The best unit of a document: the one whose better language scores highest (the other
/// language breaks ties, then article order); `None` when no unit matches at all.
pub fn best_unit<S: AsRef<str>>(
    atoms: &[AtomSpec],
    de_units: &[S],
    en_units: &[S],
    an: &mut Analyzers,
) -> Option<Best> {
    let mut best: Option<((u32, u32), Best)> = None;
    for (unit, (de, en)) in de_units.iter().zip(en_units).enumerate() {
        let texts = [de.as_ref(), en.as_ref()];
        let mut highlights: [Vec<(usize, usize)>; 2] = Default::default();
        let mut scores = [0; 2];
        for lang in LANGS {
            (scores[li(lang)], highlights[li(lang)]) =
                sentence_matches(atoms, texts[li(lang)], lang, an);
        }
        let key = key(scores);
        if key.0 > 0 && best.as_ref().is_none_or(|(best, _)| key > *best) {
            let [de, en] = texts.map(str::to_string);
            let found = Best {
                unit,
                de,
                en,
                highlights,
                scores,
            };
            best = Some((key, found));
        }
    }
    best.map(|(_, b)| b)
}
