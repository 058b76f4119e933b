//! Finds, within a race that matched, the sentence that matches best, and the words to
//! highlight in it, in both languages, by analysing its sentences with the index's own
//! analyzers, so compound parts, prefixes, typos and glossary terms highlight exactly like
//! exact words (tantivy's `SnippetGenerator` cannot: it knows no terms of fuzzy or prefix
//! queries). A search reads the same answer from the index's positions where it can
//! ([`positions`](super::positions)); this is what it falls back on, for prefixes and
//! overlong sentences, and what the tests hold the positions to.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::analysis::Analyzers;
use super::compile::{AtomSpec, LANGS, li};
use super::compounds;
use crate::l10n::Lang;
use tantivy::tokenizer::TokenStream;

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

/// A word of a sentence: where it is, its exact term (a range of [`Toks::exact`]), and its
/// stem and compound parts when it may need them (see [`Need`]).
struct Tok {
    from: usize,
    to: usize,
    exact: std::ops::Range<usize>,
    stem: String,
    parts: Vec<String>,
}

/// The words of a sentence, in space reused from one sentence to the next: a hit's sentences
/// are analysed one after another, and a string per word was a good part of the cost.
#[derive(Default)]
struct Toks {
    /// The exact terms, one after another.
    exact: String,
    toks: Vec<Tok>,
}

impl Toks {
    fn exact(&self, t: &Tok) -> &str {
        &self.exact[t.exact.clone()]
    }
}

/// An atom's needles: per tier it can match with, best first, a string the sentence must
/// contain.
type Needles = Vec<(Tier, String)>;

/// Which tokens need stemming and splitting: a stem can only equal a wanted stem when the
/// word starts like it, and a part can only be in a word that contains it, so most tokens of
/// a sentence are never stemmed or split (stemming every word of every unit would dominate the
/// cost of a search).
///
/// It also knows, per language, what a sentence must contain for any atom to match in it at
/// all (`needles`), so that most sentences of a hit are never tokenized.
pub struct Need {
    stem_starts: [Vec<String>; 2],
    part_probes: Vec<String>,
    /// Per atom, the strings a sentence must contain for the atom to match there with each
    /// tier, best tier first, in their [`coarse`] form: what a sentence may score at most
    /// (see [`Need::promise`]). `None` when some atom gives no such string.
    needles: [Option<Vec<Needles>>; 2],
    /// The best key a unit can reach (see [`best_unit`]): no unit after one that reaches it
    /// can be better.
    ceiling: (u32, u32),
    /// The parts (stemmed, as the parts field holds them) of the words split so far in this
    /// query, `None` for a word that is no compound: a word recurs from hit to hit, and
    /// splitting it (a dictionary lookup for every substring that may be a part) was a sixth
    /// of the cost of analysing a sentence.
    parts: RefCell<FxHashMap<String, Option<Vec<String>>>>,
}

fn start(word: &str, n: usize) -> String {
    word.chars().take(n).collect()
}

/// The needle of a stem: a word whose stem it is starts with all of the stem but its last
/// letter. Both stemmers only cut endings, except that English may end a stem in a letter the
/// word does not have there (`early` → `earli`, `generate` → `generat`, `luxuriating` →
/// `luxuriate`). Three letters at most were taken before: `sti` of `stichwahl` is in every
/// sentence with `Stimmen`, and the whole stem rules out 5 % more of the sentences the test
/// below compares, with the same answers (irregular English forms included).
fn stem_needle(stem: &str, lang: Lang) -> String {
    if irregular(stem, lang) {
        return start(stem, 1);
    }
    start(stem, stem.chars().count().saturating_sub(1))
}

/// The English stems some of whose words start otherwise: the Porter2 stemmer's exceptions
/// `dying`, `lying` and `tying` (→ `die`, `lie`, `tie`). Its other exceptions (`skies` →
/// `sky`, `early` → `earli`, …) keep all of the stem but its last letter, and German stems
/// only lose endings.
fn irregular(stem: &str, lang: Lang) -> bool {
    lang == Lang::En && matches!(stem, "die" | "lie" | "tie")
}

impl Need {
    /// What `atoms` need, worked out once per query.
    pub fn of(atoms: &[AtomSpec]) -> Need {
        let mut need = Need {
            stem_starts: Default::default(),
            part_probes: Vec::new(),
            needles: [Some(Vec::new()), Some(Vec::new())],
            ceiling: (0, 0),
            parts: RefCell::default(),
        };
        let mut ceilings = [0; 2];
        for atom in atoms {
            for lang in LANGS {
                let i = li(lang);
                ceilings[i] += ceiling(atom, lang).map_or(0, |t| t as u32);
                let stem_seqs: Vec<&Vec<String>> = std::iter::once(&atom.stem[i])
                    .chain(&atom.glossary[i])
                    .collect();
                for stem in stem_seqs.iter().copied().flatten() {
                    need.stem_starts[i]
                        .push(start(stem, if irregular(stem, lang) { 1 } else { 2 }));
                }
                // Every way the atom can match names a string the matching word contains:
                // the first word of a sequence, the start of a stem, a part, a prefix, a typo.
                let mut needles: Needles = Vec::new();
                let mut add = |tier, needle: &str| needles.push((tier, coarse(needle, lang)));
                if let Some(first) = atom.exact[i].first() {
                    add(Tier::Exact, first);
                }
                if let Some(first) = atom.stem[i].first() {
                    add(Tier::Stem, &stem_needle(first, lang));
                }
                for first in atom.glossary[i].iter().filter_map(|form| form.first()) {
                    add(Tier::Glossary, &stem_needle(first, lang));
                }
                if lang == Lang::De {
                    if let Some(part) = &atom.part {
                        add(Tier::Part, &stem_needle(part, lang));
                    }
                }
                if let Some(prefix) = &atom.prefix[i] {
                    add(Tier::Prefix, prefix);
                }
                for typo in &atom.typos[i] {
                    add(Tier::Typo, typo);
                }
                if lang == Lang::De {
                    for part in &atom.part_typos {
                        add(Tier::Typo, &stem_needle(part, lang));
                    }
                }
                if needles.iter().any(|(_, n)| n.is_empty()) {
                    need.needles[i] = None;
                }
                if let Some(all) = &mut need.needles[i] {
                    all.push(needles);
                }
            }
            let probes = atom
                .part
                .iter()
                .chain(&atom.prefix[0])
                .chain(&atom.part_typos);
            need.part_probes.extend(probes.map(|p| start(p, 3)));
        }
        need.ceiling = key(ceilings);
        need
    }

    /// The most a sentence can score (see [`sentence_matches`]): the sum, over the atoms, of
    /// the best tier whose string it contains. `None` when that cannot be told cheaply: the
    /// text holds letters whose folding only the analyzer knows. `scratch` is space to fold
    /// the text in.
    fn promise(&self, text: &str, lang: Lang, scratch: &mut Vec<u8>) -> Option<u32> {
        let atoms = self.needles[li(lang)].as_ref()?;
        if !fold(text, lang, scratch) {
            return None;
        }
        // Only ASCII was pushed.
        let folded = std::str::from_utf8(scratch).ok()?;
        let best = |needles: &Needles| {
            let found = needles.iter().find(|(_, n)| folded.contains(n.as_str()));
            found.map_or(0, |&(tier, _)| tier as u32)
        };
        Some(atoms.iter().map(best).sum())
    }

    /// Whether a German word (its exact term) may hold a part the query looks for, by the
    /// first three letters of each: most words do not, and are never split.
    fn may_have_parts(&self, exact: &str) -> bool {
        self.part_probes
            .iter()
            .any(|probe| holds(exact.as_bytes(), probe.as_bytes()))
    }

    /// The parts of a German word (its exact term) as the parts field holds them, each
    /// stemmed: the masculine form too for a feminine part (see [`compounds::forms`]).
    /// `None` when it is no compound.
    fn parts_of(&self, exact: &str, an: &mut Analyzers) -> Option<Vec<String>> {
        if let Some(parts) = self.parts.borrow().get(exact) {
            return parts.clone();
        }
        let parts = compounds::split(exact).map(|parts| {
            parts
                .into_iter()
                .flat_map(compounds::forms)
                .map(|p| an.stem_word(Lang::De, p))
                .collect::<Vec<_>>()
        });
        self.parts
            .borrow_mut()
            .insert(exact.to_string(), parts.clone());
        parts
    }
}

/// Whether `hay` starts with `prefix`, two letters: compared a byte at a time, where
/// `str::starts_with` calls `memcmp` for every word of a sentence.
fn begins(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay.iter().zip(prefix).all(|(a, b)| a == b)
}

/// Whether `needle` occurs in `hay`: a word and a probe of three letters, too short for
/// `str::contains`, whose searcher cost about 170 instructions to set up per word.
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w[0] == first && w == needle)
}

/// What [`fold`] makes of an ASCII byte: the byte itself, lower case, [`SKIP`] (dropped) or
/// a space (anything that is not part of a word).
const fn fold_table(german: bool) -> [u8; 128] {
    let mut table = [b' '; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'\'' => SKIP,
            b'e' | b'E' if german => SKIP,
            b'A'..=b'Z' => c.to_ascii_lowercase(),
            b'a'..=b'z' | b'0'..=b'9' => c,
            _ => b' ',
        };
        b += 1;
    }
    table
}

/// Dropped by [`fold`].
const SKIP: u8 = 0xFF;
const FOLD: [[u8; 128]; 2] = [fold_table(true), fold_table(false)];

/// The coarse form of a needle, to look for in a [`fold`]ed text: German ones lose every
/// `e`.
fn coarse(needle: &str, lang: Lang) -> String {
    match lang {
        Lang::De => needle.chars().filter(|&c| c != 'e').collect(),
        Lang::En => needle.to_string(),
    }
}

/// Folds a sentence into `out`, a byte at a time, so that the [`coarse`] form of every
/// word's exact term is a substring of it: lower case, apostrophes dropped, `ä ö ü ß` as `a o
/// u ss`, other characters blanked, and in German every `e` dropped. The exact analyzer's
/// German normalization drops only the `e` of `ae oe ue` (and only after a consonant), which
/// takes a state machine; dropping every `e` from both the text and the needles keeps every
/// match (deleting the same letter everywhere keeps a substring a substring) and rules out
/// nearly as much. `false` when the text holds a letter other than ASCII, `ä ö ü ß`: its
/// folding is left to the analyzer.
fn fold(text: &str, lang: Lang, out: &mut Vec<u8>) -> bool {
    let table = &FOLD[li(lang)];
    let bytes = text.as_bytes();
    // Nothing folds to more bytes than it has (`ß` to two), so the folded text fits in the
    // text's length: every ASCII byte is written, and the length moves on past the ones kept.
    out.clear();
    out.resize(bytes.len(), 0);
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while they are ASCII: one test for all eight, and no bounds
        // check per byte (`len <= i`, so the eight folded bytes fit).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let chunk: [u8; 8] = chunk.try_into().expect("eight bytes");
            if u64::from_ne_bytes(chunk) & 0x8080_8080_8080_8080 == 0 {
                let dst: &mut [u8; 8] = (&mut out[len..len + 8]).try_into().expect("eight bytes");
                let mut kept = 0;
                for b in chunk {
                    let folded = table[usize::from(b & 0x7F)];
                    // `kept` is at most the number of bytes before this one: under eight.
                    dst[kept & 7] = folded;
                    kept += usize::from(folded != SKIP);
                }
                len += kept;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            let folded = table[usize::from(b)];
            out[len] = folded;
            len += usize::from(folded != SKIP);
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        i += c.len_utf8();
        let folded: &[u8] = match c {
            '’' | 'ʼ' => b"",
            'ä' | 'Ä' => b"a",
            'ö' | 'Ö' => b"o",
            'ü' | 'Ü' => b"u",
            'ß' => b"ss",
            c if c.is_alphanumeric() => return false,
            _ => b" ",
        };
        out[len..len + folded.len()].copy_from_slice(folded);
        len += folded.len();
    }
    out.truncate(len);
    true
}

fn tokens(text: &str, lang: Lang, need: &Need, an: &mut Analyzers, out: &mut Toks) {
    out.exact.clear();
    out.toks.clear();
    {
        let mut stream = an.exact(lang).token_stream(text);
        while let Some(t) = stream.next() {
            let start = out.exact.len();
            out.exact.push_str(&t.text);
            out.toks.push(Tok {
                from: t.offset_from,
                to: t.offset_to,
                exact: start..out.exact.len(),
                stem: String::new(),
                parts: Vec::new(),
            });
        }
    }
    for tok in &mut out.toks {
        let exact = &out.exact[tok.exact.clone()];
        if need.stem_starts[li(lang)]
            .iter()
            .any(|s| begins(exact.as_bytes(), s.as_bytes()))
        {
            tok.stem = an.stem_word(lang, exact);
        }
        if lang == Lang::De && need.may_have_parts(exact) {
            if let Some(parts) = need.parts_of(exact, an) {
                tok.parts = parts;
            }
        }
    }
}

/// The best tier an atom can match with in a sentence of the index, in one language: the
/// best of the kinds of match [`atom_matches`] looks for that the atom has and the index
/// does not lack.
fn ceiling(atom: &AtomSpec, lang: Lang) -> Option<Tier> {
    let i = li(lang);
    let lacks = &atom.lacks[i];
    let german = lang == Lang::De;
    if !atom.exact[i].is_empty() && !lacks.exact {
        Some(Tier::Exact)
    } else if !atom.stem[i].is_empty() && !lacks.stem {
        Some(Tier::Stem)
    } else if !atom.glossary[i].is_empty() && !lacks.glossary {
        Some(Tier::Glossary)
    } else if german && atom.part.is_some() && !lacks.part {
        Some(Tier::Part)
    } else if atom.prefix[i].is_some() {
        Some(Tier::Prefix)
    } else if !atom.typos[i].is_empty() || (german && !atom.part_typos.is_empty()) {
        Some(Tier::Typo)
    } else {
        None
    }
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
fn atom_matches(atom: &AtomSpec, words: &Toks, lang: Lang) -> (Option<Tier>, Vec<(usize, usize)>) {
    let i = li(lang);
    let toks = &words.toks;
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
        find_sequence(toks, &atom.exact[i], |t| words.exact(t)),
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
                    words.exact(t).starts_with(prefix.as_str())
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
                    typos.contains(words.exact(t))
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
    let mut toks = Toks::default();
    sentence_matches(atoms, text, lang, &Need::of(atoms), an, &mut toks)
}

fn sentence_matches(
    atoms: &[AtomSpec],
    text: &str,
    lang: Lang,
    need: &Need,
    an: &mut Analyzers,
    toks: &mut Toks,
) -> (u32, Vec<(usize, usize)>) {
    tokens(text, lang, need, an, toks);
    let toks = &*toks;
    let mut score = 0;
    let mut spans = Vec::new();
    for atom in atoms {
        let (tier, found) = atom_matches(atom, toks, lang);
        score += tier.map_or(0, |t| t as u32);
        spans.extend(found);
    }
    (score, merge(spans))
}

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
/// language breaks ties, then article order). Units are read in order, and the first to
/// reach the best key any unit could have ends the search (`Need::ceiling`): most hits have
/// such a unit early, where every word matches as typed.
pub fn best_unit<S: AsRef<str>>(
    atoms: &[AtomSpec],
    need: &Need,
    de_units: &[S],
    en_units: &[S],
    an: &mut Analyzers,
) -> Option<Best> {
    let shortcuts = Shortcuts {
        rule_out: true,
        stop_at_ceiling: true,
    };
    best_unit_with(atoms, need, de_units, en_units, an, shortcuts)
}

/// The work [`best_unit`] may leave undone, each changing no answer (the tests compare).
#[derive(Debug, Clone, Copy)]
struct Shortcuts {
    /// Skip sentences that contain none of the strings a match needs, and units whose
    /// strings promise no more than the best unit so far.
    rule_out: bool,
    /// Stop at the first unit that reaches the ceiling.
    stop_at_ceiling: bool,
}

fn best_unit_with<S: AsRef<str>>(
    atoms: &[AtomSpec],
    need: &Need,
    de_units: &[S],
    en_units: &[S],
    an: &mut Analyzers,
    shortcuts: Shortcuts,
) -> Option<Best> {
    if shortcuts.stop_at_ceiling && need.ceiling.0 == 0 {
        return None;
    }
    let mut best: Option<(u32, u32, Best)> = None;
    let mut scratch = Vec::new();
    let mut toks = Toks::default();
    for (unit, (de, en)) in de_units.iter().zip(en_units).enumerate() {
        let texts = [de.as_ref(), en.as_ref()];
        // The most each language can score here, when the needles tell.
        let mut promised = [u32::MAX; 2];
        if shortcuts.rule_out {
            for lang in LANGS {
                let i = li(lang);
                if let Some(promise) = need.promise(texts[i], lang, &mut scratch) {
                    promised[i] = promise;
                }
            }
            // A unit that cannot do better than the best so far is not analysed.
            let beaten = best
                .as_ref()
                .is_some_and(|(a, b, _)| key(promised) <= (*a, *b));
            if beaten || promised == [0, 0] {
                continue;
            }
        }
        let [de, en] = texts;
        let mut highlights: [Vec<(usize, usize)>; 2] = Default::default();
        let mut scores = [0; 2];
        for lang in LANGS {
            let text = texts[li(lang)];
            if promised[li(lang)] == 0 {
                continue;
            }
            let (score, spans) = sentence_matches(atoms, text, lang, need, an, &mut toks);
            scores[li(lang)] = score;
            highlights[li(lang)] = spans;
        }
        let key = key(scores);
        if key.0 > 0 && best.as_ref().is_none_or(|(a, b, _)| key > (*a, *b)) {
            best = Some((
                key.0,
                key.1,
                Best {
                    unit,
                    de: de.to_string(),
                    en: en.to_string(),
                    highlights,
                    scores,
                },
            ));
            if shortcuts.stop_at_ceiling {
                debug_assert!(key <= need.ceiling, "{key:?} above {:?}", need.ceiling);
                if key >= need.ceiling {
                    break;
                }
            }
        }
    }
    best.map(|(_, _, b)| b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testing::{ODD_UNITS, corpus_engine, corpus_words, probe_queries};
    use crate::search::{compile, query};

    /// The shortcuts change no answer: for the judged queries, words of the corpus in both
    /// languages, misspelt, cut to prefixes and paired, the best unit and its highlights of
    /// every document are the same with none, with ruling sentences out, and with both ruling
    /// out and stopping at the ceiling. (Sentences that are not in the index, the odd ones
    /// below, are compared without the ceiling: it is the best score of the index's own
    /// sentences.)
    #[test]
    fn shortcuts_change_nothing() {
        let (corpus, _dir, mut engine) = corpus_engine();
        let queries = probe_queries(&corpus);
        let odd = ODD_UNITS;
        let mut docs: Vec<(String, Vec<String>, Vec<String>)> = corpus
            .documents
            .iter()
            .map(|d| {
                let de = d.units.iter().map(|u| u.de.clone()).collect();
                let en = d.units.iter().map(|u| u.en.clone()).collect();
                (d.id.clone(), de, en)
            })
            .collect();
        docs.push((
            "odd".into(),
            odd.iter().map(|p| p.0.to_string()).collect(),
            odd.iter().map(|p| p.1.to_string()).collect(),
        ));
        let none = Shortcuts {
            rule_out: false,
            stop_at_ceiling: false,
        };
        let rule_out = Shortcuts {
            rule_out: true,
            ..none
        };
        let both = Shortcuts {
            rule_out: true,
            stop_at_ceiling: true,
        };
        let mut compared = 0;
        let mut ruled_out = 0;
        let mut odd_found = 0;
        let mut stopped = 0;
        let mut matched = 0;
        for text in &queries {
            let Ok(parsed) = query::parse(text) else {
                continue;
            };
            let Ok(mut compiled) = compile::compile(&parsed, &engine.opened, &mut engine.analyzers)
            else {
                continue;
            };
            let searcher = engine.opened.reader.searcher();
            compile::note_lacks(&mut compiled.atoms, &engine.opened.fields, &searcher);
            let need = Need::of(&compiled.atoms);
            for (id, de, en) in &docs {
                let an = &mut engine.analyzers;
                let atoms = &compiled.atoms;
                let full = best_unit_with(atoms, &need, de, en, an, none);
                let fast = best_unit_with(atoms, &need, de, en, an, rule_out);
                let key =
                    |b: &Option<Best>| b.as_ref().map(|b| (b.unit, b.highlights.clone(), b.scores));
                assert_eq!(key(&fast), key(&full), "{text:?} in {id}, ruling out");
                if id == "odd" {
                    odd_found += usize::from(full.is_some());
                } else {
                    let fastest = best_unit_with(atoms, &need, de, en, an, both);
                    assert_eq!(key(&fastest), key(&full), "{text:?} in {id}, ceiling");
                    // Where the best unit reaches the ceiling, the units after it are not read.
                    if let Some(best) = &full {
                        let reached = super::key(best.scores) == need.ceiling;
                        stopped += usize::from(reached && best.unit + 1 < de.len());
                        matched += 1;
                    }
                }
                compared += 1;
                let mut scratch = Vec::new();
                ruled_out += de
                    .iter()
                    .filter(|t| need.promise(t, Lang::De, &mut scratch) == Some(0))
                    .count();
                ruled_out += en
                    .iter()
                    .filter(|t| need.promise(t, Lang::En, &mut scratch) == Some(0))
                    .count();
            }
        }
        println!(
            "{} queries, {compared} documents compared, {ruled_out} sentences ruled out, \
             {stopped} of the {matched} that match stopped at the ceiling before their last unit",
            queries.len()
        );
        assert!(compared > 10_000, "{compared}");
        assert!(odd_found >= 10, "{odd_found}");
        // And it does rule out: most sentences of most documents match nothing.
        assert!(ruled_out > compared * 4, "{ruled_out} of {compared}");
        // And the ceiling is reached before the last unit in many documents that match (968
        // of 3,586 when written; 313 when no form is known to be missing).
        assert!(stopped * 5 > matched, "{stopped} of {matched}");
    }

    /// `holds` finds what `str::contains` finds: every word of the corpus, lower case,
    /// against the first one to four letters of every 37th word (umlauts and `ß` among them,
    /// whose bytes must not match halves of letters), and the empty probe.
    #[test]
    fn holds_is_contains() {
        let corpus =
            crate::kb::corpus::Corpus::load(&crate::kb::corpus::CorpusLocation::Embedded).unwrap();
        let words: Vec<String> = corpus_words(&corpus).map(str::to_lowercase).collect();
        let mut probes: Vec<String> = vec![String::new(), "ä".into(), "\u{a4}".into()];
        for word in words.iter().step_by(37) {
            for n in 1..=4 {
                probes.push(word.chars().take(n).collect());
            }
        }
        let (mut found, mut compared) = (0, 0);
        for word in &words {
            for probe in &probes {
                let expected = word.contains(probe.as_str());
                assert_eq!(
                    holds(word.as_bytes(), probe.as_bytes()),
                    expected,
                    "{word} {probe}"
                );
                found += usize::from(expected);
                compared += 1;
            }
        }
        assert!(found * 100 > compared, "{found} of {compared}");
    }

    /// `fold` folds as a letter-by-letter reading of its rules does, on every sentence of the
    /// corpus in both languages and on texts with letters it leaves to the analyzer, with
    /// apostrophes, and with non-ASCII letters at every place within a run of eight bytes.
    #[test]
    fn fold_folds_by_its_rules() {
        fn reference(text: &str, lang: Lang) -> Option<Vec<u8>> {
            let mut out = Vec::new();
            for c in text.chars() {
                match c {
                    '\'' | '’' | 'ʼ' => {}
                    'e' | 'E' if lang == Lang::De => {}
                    'A'..='Z' => out.push(c.to_ascii_lowercase() as u8),
                    'a'..='z' | '0'..='9' => out.push(c as u8),
                    'ä' | 'Ä' => out.push(b'a'),
                    'ö' | 'Ö' => out.push(b'o'),
                    'ü' | 'Ü' => out.push(b'u'),
                    'ß' => out.extend(b"ss"),
                    c if c.is_alphanumeric() => return None,
                    _ => out.push(b' '),
                }
            }
            Some(out)
        }
        let corpus =
            crate::kb::corpus::Corpus::load(&crate::kb::corpus::CorpusLocation::Embedded).unwrap();
        let mut texts: Vec<String> = corpus
            .documents
            .iter()
            .flat_map(|d| &d.units)
            .flat_map(|u| [u.de.clone(), u.en.clone()])
            .collect();
        for i in 0..10 {
            let pad = "Ee".repeat(i);
            texts.push(format!("{pad}Größe der Bürgerinnen, O’Rourke's Ämter"));
            texts.push(format!("{pad}Senator Zoë Lofgren"));
            texts.push(format!("{pad}Peña Nieto – 48,2 %"));
        }
        let mut scratch = Vec::new();
        let mut unfolded = 0;
        for text in &texts {
            for lang in LANGS {
                let expected = reference(text, lang);
                let folded = fold(text, lang, &mut scratch);
                assert_eq!(folded, expected.is_some(), "{text}");
                if let Some(expected) = expected {
                    assert_eq!(scratch, expected, "{text}");
                } else {
                    unfolded += 1;
                }
            }
        }
        assert!(unfolded >= 20, "{unfolded}");
    }
}
