//! Finds, within a race that matched, the sentence that matches best, and the words to
//! highlight in it, in both languages. It analyzes sentences with the index's own analyzers,
//! so compound parts, prefixes, typos and glossary terms highlight exactly like exact words
//! (tantivy's `SnippetGenerator` cannot: it knows no terms of fuzzy or prefix queries).

use super::analysis::{Analyzed, Analyzers};
use super::compile::{AtomSpec, LANGS, li};
use super::compounds;
use crate::l10n::Lang;

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

struct Tok {
    from: usize,
    to: usize,
    exact: String,
    stem: String,
    parts: Vec<String>,
}

/// Which tokens need stemming and splitting: a stem can only equal a wanted stem when the
/// word starts like it, and a part can only be in a word that contains it, so most tokens of
/// a sentence are never stemmed or split (stemming every word of every unit would dominate the
/// cost of a search).
struct Need {
    stem_starts: [Vec<String>; 2],
    part_probes: Vec<String>,
}

fn start(word: &str, n: usize) -> String {
    word.chars().take(n).collect()
}

impl Need {
    fn of(atoms: &[AtomSpec]) -> Need {
        let mut need = Need {
            stem_starts: Default::default(),
            part_probes: Vec::new(),
        };
        for atom in atoms {
            for lang in LANGS {
                let i = li(lang);
                let seqs = std::iter::once(&atom.stem[i]).chain(&atom.glossary[i]);
                for stem in seqs.flatten() {
                    need.stem_starts[i].push(start(stem, 2));
                }
            }
            let probes = atom
                .part
                .iter()
                .chain(&atom.prefix[0])
                .chain(&atom.part_typos);
            need.part_probes.extend(probes.map(|p| start(p, 3)));
        }
        need
    }
}

fn tokens(text: &str, lang: Lang, need: &Need, an: &mut Analyzers) -> Vec<Tok> {
    let mut exact = Vec::with_capacity(text.len() / 6);
    {
        let mut stream = an.exact(lang).token_stream(text);
        while let Some(t) = stream.next() {
            exact.push(Analyzed {
                text: t.text.clone(),
                from: t.offset_from,
                to: t.offset_to,
            });
        }
    }
    exact
        .into_iter()
        .map(|e| {
            let stem = if need.stem_starts[li(lang)]
                .iter()
                .any(|s| e.text.starts_with(s.as_str()))
            {
                an.stem_word(lang, &e.text)
            } else {
                String::new()
            };
            let split =
                lang == Lang::De && need.part_probes.iter().any(|p| e.text.contains(p.as_str()));
            let parts = match split.then(|| compounds::split(&e.text)).flatten() {
                Some(parts) => parts
                    .into_iter()
                    .flat_map(compounds::forms)
                    .map(|p| an.stem_word(Lang::De, p))
                    .collect(),
                None => Vec::new(),
            };
            Tok {
                from: e.from,
                to: e.to,
                exact: e.text,
                stem,
                parts,
            }
        })
        .collect()
}

/// Where a token sequence occurs, by a key of each token.
fn find_sequence(toks: &[Tok], seq: &[String], key: impl Fn(&Tok) -> &str) -> Vec<(usize, usize)> {
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
pub fn match_sentence(
    atoms: &[AtomSpec],
    text: &str,
    lang: Lang,
    an: &mut Analyzers,
) -> (u32, Vec<(usize, usize)>) {
    sentence_matches(atoms, text, lang, &Need::of(atoms), an)
}

fn sentence_matches(
    atoms: &[AtomSpec],
    text: &str,
    lang: Lang,
    need: &Need,
    an: &mut Analyzers,
) -> (u32, Vec<(usize, usize)>) {
    let toks = tokens(text, lang, need, an);
    let mut score = 0;
    let mut spans = Vec::new();
    for atom in atoms {
        let (tier, found) = atom_matches(atom, &toks, lang);
        score += tier.map_or(0, |t| t as u32);
        spans.extend(found);
    }
    (score, merge(spans))
}

fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
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
/// language breaks ties, then article order).
pub fn best_unit(
    atoms: &[AtomSpec],
    de_units: &[String],
    en_units: &[String],
    an: &mut Analyzers,
) -> Option<Best> {
    let need = Need::of(atoms);
    let mut best: Option<(u32, u32, Best)> = None;
    for (unit, (de, en)) in de_units.iter().zip(en_units).enumerate() {
        let mut highlights: [Vec<(usize, usize)>; 2] = Default::default();
        let mut scores = [0; 2];
        for lang in LANGS {
            let text = if lang == Lang::De { de } else { en };
            let (score, spans) = sentence_matches(atoms, text, lang, &need, an);
            scores[li(lang)] = score;
            highlights[li(lang)] = spans;
        }
        let key = (scores[0].max(scores[1]), scores[0].min(scores[1]));
        if key.0 > 0 && best.as_ref().is_none_or(|(a, b, _)| key > (*a, *b)) {
            best = Some((
                key.0,
                key.1,
                Best {
                    unit,
                    de: de.clone(),
                    en: en.clone(),
                    highlights,
                    scores,
                },
            ));
        }
    }
    best.map(|(_, _, b)| b)
}
