//! Text analysis for both languages: the tokenizer, the German normalizer, the compound
//! splitter, and the tantivy analyzers built from them. The same analyzers serve the index,
//! the query and the highlighter, so what matches is what gets highlighted.
//!
//! Per language there are several fields, one per kind of match, so that ranking can tell
//! them apart (an exact word above a stemmed form, above a compound part, above a typo):
//!
//! | analyzer    | pipeline                                                        |
//! | ----------- | --------------------------------------------------------------- |
//! | `de_exact`  | words → lower case → German normalization → ASCII folding       |
//! | `de_stem`   | `de_exact` → German Snowball stemmer                            |
//! | `de_parts`  | `de_exact` → compound parts only → German Snowball stemmer      |
//! | `en_exact`  | words (possessive `'s` dropped) → lower case → ASCII folding    |
//! | `en_stem`   | `en_exact` → English Snowball (Porter 2) stemmer                |
//!
//! An index field holds a document's units as one text, each ended by [`UNIT_SEPARATOR`]:
//! the tokenizer numbers the words by unit ([`UNIT_STRIDE`]), so a position tells the unit.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, Stemmer, StopWordFilter, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

use rustc_hash::FxHashMap;

pub mod compounds;
use crate::l10n::Lang;
use crate::text::fold;

/// Bump when analysis changes what the index holds: a new version makes every index stale.
pub const ANALYZER_VERSION: u32 = 3;

/// The analyzers by name, as registered with tantivy.
pub const DE_EXACT: &str = "de_exact";
/// German, stemmed.
pub const DE_STEM: &str = "de_stem";
/// German compound parts, stemmed.
pub const DE_PARTS: &str = "de_parts";
/// English, exact.
pub const EN_EXACT: &str = "en_exact";
/// English, stemmed.
pub const EN_STEM: &str = "en_stem";

/// Splits text into words: runs of letters and digits. An apostrophe between two letters
/// stays inside the word (`O'Rourke`, `Obama's`); a trailing possessive `'s` is dropped and
/// other apostrophes are removed from the token text, so `Obama's` indexes as `obama`.
///
/// A text may hold several units, each ended by [`UNIT_SEPARATOR`] (see [`join_units`]): word
/// `w` of unit `u` is at [`position`]`(u, w)`, so that a position in the index tells the unit.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    /// The next [`UNIT_SEPARATOR`] at or after `cursor` (the text's length when none is).
    separator: usize,
    /// The unit the cursor is in, and how many of its words came before.
    unit: usize,
    word: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            cursor: 0,
            separator: next_separator(text.as_bytes(), 0),
            unit: 0,
            word: 0,
            token: &mut self.token,
        }
    }
}

/// Where the next [`UNIT_SEPARATOR`] at or after `from` is: the text's length when there is
/// none.
fn next_separator(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == UNIT_SEPARATOR))
        .map_or(bytes.len(), |at| from + at)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The next word of `text` at or after byte `from`: where it starts and ends, and whether it
/// holds an apostrophe. The words of [`WordTokenizer`].
#[inline]
fn next_word(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    // ASCII bytes are judged without decoding: most text is ASCII, and indexing runs this
    // once per word and field.
    let bytes = text.as_bytes();
    let char_at = |i: usize| text[i..].chars().next().unwrap_or_default();
    let mut start = from;
    loop {
        match bytes.get(start) {
            None => return None,
            Some(b) if b.is_ascii_alphanumeric() => break,
            Some(b) if b.is_ascii() => start += 1,
            Some(_) => {
                let c = char_at(start);
                if c.is_alphanumeric() {
                    break;
                }
                start += c.len_utf8();
            }
        }
    }
    // The word: letters and digits, and apostrophes followed by a letter.
    let mut end = start;
    let mut i = start;
    let mut apostrophes = false;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            i += 1;
            end = i;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            char_at(i)
        };
        let len = c.len_utf8();
        // `ʼ` (U+02BC) is a letter to Unicode, and still an apostrophe to us.
        apostrophes |= is_apostrophe(c);
        if c.is_alphanumeric() {
            i += len;
            end = i;
        } else if is_apostrophe(c) && char_at(i + len).is_alphabetic() {
            i += len;
        } else {
            break;
        }
    }
    Some((start, end, apostrophes))
}

/// Where each word of `text` starts and ends, as [`WordTokenizer`] splits it (without making
/// the tokens' texts).
pub fn word_bounds(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cursor = 0;
    std::iter::from_fn(move || {
        let (start, end, _) = next_word(text, cursor)?;
        cursor = end;
        Some((start, end))
    })
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, end, apostrophes)) = next_word(self.text, self.cursor) else {
            self.cursor = self.text.len();
            return false;
        };
        self.cursor = end;
        // The separators before the word end units (a separator is no letter: never in one).
        while self.separator < start {
            self.unit += 1;
            self.word = 0;
            self.separator = next_separator(self.text.as_bytes(), self.separator + 1);
        }
        let word = &self.text[start..end];
        let mut kept = word;
        if matches!(word.as_bytes().last(), Some(b's' | b'S')) {
            for suffix in ["'s", "’s", "ʼs", "'S", "’S"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    kept = stem;
                    break;
                }
            }
        }
        let text = &mut self.token.text;
        text.clear();
        if apostrophes {
            text.extend(kept.chars().filter(|&c| !is_apostrophe(c)));
        } else {
            text.push_str(kept);
        }
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = position(self.unit, self.word) as usize;
        self.token.position_length = 1;
        self.word += 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Token filter applying [`fold::german`].
#[derive(Clone)]
pub struct GermanNormalizer;

impl TokenFilter for GermanNormalizer {
    type Tokenizer<T: Tokenizer> = MapFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MapFilter<T> {
        MapFilter {
            inner: tokenizer,
            map: fold::german,
        }
    }
}

/// A tokenizer wrapper that rewrites each token's text.
#[derive(Clone)]
pub struct MapFilter<T> {
    inner: T,
    map: fn(&str) -> String,
}

/// The token stream of [`MapFilter`].
pub struct MapStream<S> {
    inner: S,
    map: fn(&str) -> String,
}

impl<T: Tokenizer> Tokenizer for MapFilter<T> {
    type TokenStream<'a> = MapStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapStream {
            inner: self.inner.token_stream(text),
            map: self.map,
        }
    }
}

impl<S: TokenStream> TokenStream for MapStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let mapped = (self.map)(&self.inner.token().text);
        self.inner.token_mut().text = mapped;
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

/// Token filter that replaces each German compound by its parts (`plagiatsvorwurfs` →
/// `plagiat`, `vorwurf`) and drops every other token: the parts field holds parts only, so a
/// match there is known to be a compound-part match. See [`compounds::split`].
#[derive(Clone)]
pub struct CompoundParts;

impl TokenFilter for CompoundParts {
    type Tokenizer<T: Tokenizer> = CompoundPartsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundPartsFilter<T> {
        CompoundPartsFilter { inner: tokenizer }
    }
}

/// The tokenizer of [`CompoundParts`].
#[derive(Clone)]
pub struct CompoundPartsFilter<T> {
    inner: T,
}

/// The token stream of [`CompoundParts`].
pub struct CompoundPartsStream<S> {
    inner: S,
    parts: Vec<&'static str>,
    token: Token,
}

impl<T: Tokenizer> Tokenizer for CompoundPartsFilter<T> {
    type TokenStream<'a> = CompoundPartsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundPartsStream {
            inner: self.inner.token_stream(text),
            parts: Vec::new(),
            token: Token::default(),
        }
    }
}

impl<S: TokenStream> TokenStream for CompoundPartsStream<S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(part) = self.parts.pop() {
                self.token.text.clear();
                self.token.text.push_str(part);
                return true;
            }
            if !self.inner.advance() {
                return false;
            }
            if let Some(parts) = compounds::split(&self.inner.token().text) {
                let mut parts: Vec<&'static str> =
                    parts.into_iter().flat_map(compounds::forms).collect();
                parts.reverse();
                self.parts = parts;
                let source = self.inner.token();
                self.token.offset_from = source.offset_from;
                self.token.offset_to = source.offset_to;
                self.token.position = source.position;
                self.token.position_length = 1;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Between the units of a document's text as one field value holds them (see [`join_units`]).
pub const UNIT_SEPARATOR: u8 = 0x1E;

/// Positions per unit in a field that holds a document's units as one value: word `w` of
/// unit `u` is at `u * UNIT_STRIDE + w`, in every text field, so that a position tells the
/// unit and the word whichever field it comes from (the parts field, where most words have
/// no term, included). The last position of a unit is never a word's, so no phrase spans two
/// units. A unit of more than `UNIT_STRIDE - 1` words (see [`UNIT_BYTES`]) has its last
/// words on that position; its matches are found by analysing it (see the matcher).
pub const UNIT_STRIDE: u32 = 1 << 9;

/// The longest unit, in bytes, that cannot have more than `UNIT_STRIDE - 1` words: two words
/// have a byte between them, so `n` bytes hold at most `(n + 1) / 2` words.
pub const UNIT_BYTES: usize = 2 * (UNIT_STRIDE as usize - 1);

/// The most units a document's positions tell apart; the units after share the last.
pub const MAX_UNITS: u32 = u32::MAX / UNIT_STRIDE - 1;

/// A document's units in one text, as the index's text fields hold them: each unit followed
/// by [`UNIT_SEPARATOR`], which a unit's own text cannot hold (it is blanked: it is no letter,
/// so no word changes, and it has one byte, so no offset does).
pub fn join_units<'a>(units: impl IntoIterator<Item = &'a str>, out: &mut String) {
    out.clear();
    for unit in units {
        if unit.as_bytes().contains(&UNIT_SEPARATOR) {
            let separator = char::from(UNIT_SEPARATOR);
            out.extend(unit.chars().map(|c| if c == separator { ' ' } else { c }));
        } else {
            out.push_str(unit);
        }
        out.push(char::from(UNIT_SEPARATOR));
    }
}

/// The position of word `word` of unit `unit` (see [`UNIT_STRIDE`]).
pub fn position(unit: usize, word: usize) -> u32 {
    let unit = u32::try_from(unit).unwrap_or(u32::MAX).min(MAX_UNITS);
    let word = u32::try_from(word).unwrap_or(u32::MAX).min(UNIT_STRIDE - 1);
    unit * UNIT_STRIDE + word
}

/// How many distinct words an analyzer keeps the terms of before it starts afresh: enough for
/// the vocabulary of a large corpus of race reports, a few MB at most.
const REMEMBERED_WORDS: usize = 1 << 15;

/// An analyzer that runs its pipeline once per distinct word and remembers the terms.
///
/// Every filter of our pipelines (lower case, German normalization, folding, compound parts,
/// stemming) works on one word at a time, so the terms of a word never depend on the words
/// around it. This tokenizer splits the text into words with [`WordTokenizer`] (positions
/// included) and runs the full pipeline on a word only the first time it sees it. Indexing
/// spends most of its analysis time in the Snowball stemmers and the compound splitter, and
/// a corpus repeats its words: `Senator`, `Wahl` and `Republikaner` are analyzed once per
/// analyzer instead of once per occurrence.
#[derive(Clone)]
pub struct Remembering {
    pipeline: TextAnalyzer,
    /// How many words it keeps before it starts afresh.
    capacity: usize,
    words: WordTokenizer,
    /// Per word (a token of [`WordTokenizer`]), its terms: a range of `terms`.
    known: FxHashMap<Box<str>, (u32, u32)>,
    terms: Vec<Box<str>>,
    token: Token,
}

impl Remembering {
    /// Remembers what `pipeline` (whose tokenizer must be a [`WordTokenizer`]) makes of words.
    pub fn new(pipeline: TextAnalyzer) -> Remembering {
        Remembering::with_capacity(pipeline, REMEMBERED_WORDS)
    }

    /// Remembers at most about `words` words, then starts afresh.
    fn with_capacity(pipeline: TextAnalyzer, words: usize) -> Remembering {
        Remembering {
            pipeline,
            capacity: words,
            words: WordTokenizer::default(),
            known: FxHashMap::default(),
            terms: Vec::new(),
            token: Token::default(),
        }
    }
}

/// The token stream of [`Remembering`].
pub struct RememberingStream<'a> {
    words: WordTokenStream<'a>,
    pipeline: &'a mut TextAnalyzer,
    known: &'a mut FxHashMap<Box<str>, (u32, u32)>,
    terms: &'a mut Vec<Box<str>>,
    capacity: usize,
    /// The terms of the current word yet to come.
    pending: std::ops::Range<u32>,
    token: &'a mut Token,
}

impl Tokenizer for Remembering {
    type TokenStream<'a> = RememberingStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RememberingStream<'a> {
        self.token.reset();
        RememberingStream {
            words: self.words.token_stream(text),
            pipeline: &mut self.pipeline,
            known: &mut self.known,
            terms: &mut self.terms,
            capacity: self.capacity,
            pending: 0..0,
            token: &mut self.token,
        }
    }
}

impl RememberingStream<'_> {
    /// The terms of the current word, from the pipeline the first time.
    fn terms_of_word(&mut self) -> (u32, u32) {
        let word = self.words.token().text.as_str();
        if let Some(&terms) = self.known.get(word) {
            return terms;
        }
        if self.known.len() >= self.capacity {
            self.known.clear();
            self.terms.clear();
        }
        // The word alone is one word to the pipeline's own tokenizer: it holds letters and
        // digits only (apostrophes are gone from token texts).
        let from = self.terms.len() as u32;
        let mut stream = self.pipeline.token_stream(word);
        while let Some(term) = stream.next() {
            self.terms.push(term.text.as_str().into());
        }
        let terms = (from, self.terms.len() as u32);
        self.known.insert(word.into(), terms);
        terms
    }
}

impl TokenStream for RememberingStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(i) = self.pending.next() {
                self.token.text.clear();
                self.token.text.push_str(&self.terms[i as usize]);
                return true;
            }
            if !self.words.advance() {
                return false;
            }
            let (from, to) = self.terms_of_word();
            self.pending = from..to;
            let word = self.words.token();
            self.token.offset_from = word.offset_from;
            self.token.offset_to = word.offset_to;
            self.token.position = word.position;
            self.token.position_length = 1;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Builds the analyzer registered under `name` (see the table above): its pipeline,
/// remembered per word.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    pipeline(name).map(|p| TextAnalyzer::from(Remembering::new(p)))
}

/// The pipeline of the analyzer `name`, word by word, remembering nothing.
fn pipeline(name: &str) -> Option<TextAnalyzer> {
    let de_exact = || {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(GermanNormalizer)
            .filter(AsciiFoldingFilter)
    };
    let en_exact = || {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
    };
    Some(match name {
        DE_EXACT => de_exact().build(),
        DE_STEM => de_exact().filter(Stemmer::new(Language::German)).build(),
        DE_PARTS => de_exact()
            .filter(CompoundParts)
            .filter(Stemmer::new(Language::German))
            .build(),
        EN_EXACT => en_exact().build(),
        EN_STEM => en_exact().filter(Stemmer::new(Language::English)).build(),
        _ => return None,
    })
}

/// Every analyzer name.
pub const ALL: [&str; 5] = [DE_EXACT, DE_STEM, DE_PARTS, EN_EXACT, EN_STEM];

/// Registers our analyzers with an index. tantivy knows only its built-in ones, so this must
/// run after every `Index::open` and `Index::create`.
pub fn register(index: &Index) {
    register_in(index.tokenizers());
}

/// tantivy's tokenizers and ours, for an index yet to be created.
pub fn tokenizers() -> TokenizerManager {
    let manager = TokenizerManager::default();
    register_in(&manager);
    manager
}

fn register_in(manager: &TokenizerManager) {
    for name in ALL {
        if let Some(analyzer) = analyzer(name) {
            manager.register(name, analyzer);
        }
    }
}

/// A token as an analyzer produced it, with byte offsets into the analyzed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed {
    /// The term.
    pub text: String,
    /// Byte offset of the word's start.
    pub from: usize,
    /// Byte offset just after the word.
    pub to: usize,
}

/// Runs an analyzer over a text.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Analyzed> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(Analyzed {
            text: token.text.clone(),
            from: token.offset_from,
            to: token.offset_to,
        });
    }
    out
}

/// Question words of both languages and the English auxiliaries and pronouns that tantivy's
/// short English stop list lacks (lower case, folded), treated like stop words.
const QUESTION_WORDS: [&str; 42] = [
    "wer", "wen", "wem", "wessen", "was", "wann", "wo", "woher", "wohin", "warum", "wieso",
    "weshalb", "wie", "welche", "welcher", "welches", "welchen", "welchem", "who", "whom", "whose",
    "what", "when", "where", "why", "how", "which", "were", "has", "have", "had", "did", "does",
    "do", "been", "he", "she", "his", "her", "him", "from", "about",
];

/// The analyzers of one process, built once.
pub struct Analyzers {
    /// `de_exact`.
    pub de_exact: TextAnalyzer,
    /// `de_stem`.
    pub de_stem: TextAnalyzer,
    /// `de_parts`.
    pub de_parts: TextAnalyzer,
    /// `en_exact`.
    pub en_exact: TextAnalyzer,
    /// `en_stem`.
    pub en_stem: TextAnalyzer,
    de_stop: TextAnalyzer,
    en_stop: TextAnalyzer,
}

impl Default for Analyzers {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzers {
    /// Builds every analyzer.
    pub fn new() -> Analyzers {
        let build = |name| analyzer(name).expect("a known analyzer name");
        let stop = |language| {
            let filter =
                StopWordFilter::new(language).unwrap_or_else(|| StopWordFilter::remove([]));
            TextAnalyzer::builder(WordTokenizer::default())
                .filter(LowerCaser)
                .filter(filter)
                .build()
        };
        Analyzers {
            de_exact: build(DE_EXACT),
            de_stem: build(DE_STEM),
            de_parts: build(DE_PARTS),
            en_exact: build(EN_EXACT),
            en_stem: build(EN_STEM),
            de_stop: stop(Language::German),
            en_stop: stop(Language::English),
        }
    }

    /// The exact analyzer of a language.
    pub fn exact(&mut self, lang: Lang) -> &mut TextAnalyzer {
        match lang {
            Lang::De => &mut self.de_exact,
            Lang::En => &mut self.en_exact,
        }
    }

    /// The stemming analyzer of a language.
    pub fn stem(&mut self, lang: Lang) -> &mut TextAnalyzer {
        match lang {
            Lang::De => &mut self.de_stem,
            Lang::En => &mut self.en_stem,
        }
    }

    /// Whether a word is a stop word in either language (`in`, `the`, `der`) or a question
    /// word (`wer`, `who`, `welche`): a search need not find these, so `wer gewann in
    /// Kentucky` finds Kentucky.
    pub fn is_stop_word(&mut self, word: &str) -> bool {
        let words = analyze(&mut self.en_exact, word);
        let [only] = words.as_slice() else {
            return false;
        };
        QUESTION_WORDS.contains(&only.text.as_str())
            || analyze(&mut self.de_stop, word).is_empty()
            || analyze(&mut self.en_stop, word).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(name: &str, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(name).unwrap();
        analyze(&mut analyzer, text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn umlaut_spellings_meet() {
        for word in ["Rücktritt", "Ruecktritt", "Rucktritt", "RÜCKTRITT"] {
            assert_eq!(terms(DE_EXACT, word), ["rucktritt"], "{word}");
        }
        assert_eq!(terms(DE_EXACT, "Außenseiter"), ["aussenseiter"]);
        assert_eq!(terms(DE_EXACT, "Quelle Bauer"), ["quelle", "bauer"]);
    }

    #[test]
    fn possessives_and_apostrophes() {
        assert_eq!(terms(EN_EXACT, "Obama's O’Rourke"), ["obama", "orourke"]);
        assert_eq!(terms(EN_STEM, "elections"), ["elect"]);
        assert_eq!(terms(DE_STEM, "Wahlen"), ["wahl"]);
    }

    #[test]
    fn parts_field_holds_parts_only() {
        assert_eq!(terms(DE_PARTS, "Plagiatsvorwurfs"), ["plagiat", "vorwurf"]);
        assert_eq!(terms(DE_PARTS, "Senator Stichwahl"), ["stich", "wahl"]);
        assert!(terms(DE_PARTS, "Senator").is_empty());
    }

    #[test]
    fn offsets_cover_the_word() {
        let mut a = analyzer(EN_EXACT).unwrap();
        let t = analyze(&mut a, "Obama's plan");
        assert_eq!((t[0].from, t[0].to), (0, 7));
        assert_eq!((t[1].from, t[1].to), (8, 12));
    }

    /// Every token of a text, with where it is.
    fn tokens(
        analyzer: &mut TextAnalyzer,
        text: &str,
    ) -> Vec<(String, usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((
                t.text.clone(),
                t.offset_from,
                t.offset_to,
                t.position,
                t.position_length,
            ));
        }
        out
    }

    /// The remembering analyzers against their pipelines run afresh, over every sentence of
    /// the corpus in both languages and every document's units joined as the index holds
    /// them: three times (the later ones from memory), and beside analyzers that start afresh
    /// every few words.
    #[test]
    fn remembering_changes_nothing() {
        let corpus = crate::kb::corpus::Corpus::load(&crate::kb::corpus::CorpusLocation::Embedded)
            .expect("the embedded corpus");
        let mut texts: [Vec<String>; 2] = Default::default();
        for doc in &corpus.documents {
            for unit in &doc.units {
                texts[0].push(unit.de.clone());
                texts[1].push(unit.en.clone());
            }
            let mut joined = String::new();
            join_units(doc.units.iter().map(|u| u.de.as_str()), &mut joined);
            texts[0].push(joined.clone());
            join_units(doc.units.iter().map(|u| u.en.as_str()), &mut joined);
            texts[1].push(joined);
        }
        let mut fresh = ALL.map(|name| pipeline(name).unwrap());
        let mut remembering = ALL.map(|name| analyzer(name).unwrap());
        let mut forgetful = ALL
            .map(|name| TextAnalyzer::from(Remembering::with_capacity(pipeline(name).unwrap(), 3)));
        let mut compared = 0;
        for round in 0..3 {
            for (k, name) in ALL.iter().enumerate() {
                let lang = usize::from(!name.starts_with("de"));
                for text in &texts[lang] {
                    let expected = tokens(&mut fresh[k], text);
                    assert_eq!(
                        tokens(&mut remembering[k], text),
                        expected,
                        "{name}: {text}"
                    );
                    if round == 2 {
                        assert_eq!(tokens(&mut forgetful[k], text), expected, "{name}: {text}");
                    }
                    compared += expected.len();
                }
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    /// The tokenizer as it was first written, char by char: the reference for the faster one.
    fn reference_words(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        loop {
            let rest = &text[cursor..];
            let Some(start_rel) = rest.find(char::is_alphanumeric) else {
                return out;
            };
            let start = cursor + start_rel;
            let mut end = start;
            let mut chars = text[start..].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_alphanumeric() {
                    end = start + i + c.len_utf8();
                } else if is_apostrophe(c)
                    && chars.peek().is_some_and(|&(_, next)| next.is_alphabetic())
                {
                    continue;
                } else {
                    break;
                }
            }
            cursor = end;
            let word = &text[start..end];
            let mut kept_end = end;
            for suffix in ["'s", "’s", "ʼs", "'S", "’S"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    kept_end = start + stem.len();
                    break;
                }
            }
            let kept = text[start..kept_end].chars().filter(|&c| !is_apostrophe(c));
            out.push((kept.collect(), start, end));
        }
    }

    fn words(text: &str) -> Vec<(String, usize, usize)> {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        let mut position = 0;
        while let Some(t) = stream.next() {
            assert_eq!(t.position, position, "{text}");
            position += 1;
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        // `word_bounds` splits as the tokenizer does.
        let bounds: Vec<(usize, usize)> = word_bounds(text).collect();
        let offsets: Vec<(usize, usize)> = out.iter().map(|w| (w.1, w.2)).collect();
        assert_eq!(bounds, offsets, "{text:?}");
        out
    }

    #[test]
    fn tokenizer_agrees_with_the_reference() {
        let corpus = crate::kb::corpus::Corpus::load(&crate::kb::corpus::CorpusLocation::Embedded)
            .expect("the embedded corpus");
        for doc in &corpus.documents {
            for unit in &doc.units {
                for text in [&unit.de, &unit.en] {
                    assert_eq!(words(text), reference_words(text), "{text}");
                }
            }
        }
        // Apostrophes, possessives, non-ASCII letters and digits, marks and odd ends.
        let pieces = [
            "O'Rourke's",
            "Obama’s",
            "Landrieuʼs",
            "rock 'n' roll",
            "'s",
            "s'",
            "X'S",
            "’’a",
            "Ärztin",
            "Straße",
            "İstanbul",
            "١٢٣",
            "e\u{301}",
            "—",
            " ",
            "'",
            "a'",
            "'b",
            "2014er",
            "naïve",
            "日本語",
            "\u{200b}x",
            "ǅ",
            "ß's",
            "",
        ];
        for a in pieces {
            for b in pieces {
                for sep in ["", " ", "'", "’", "-", "\u{a0}"] {
                    let text = format!("{a}{sep}{b}");
                    assert_eq!(words(&text), reference_words(&text), "{text:?}");
                }
            }
        }
    }

    /// The words of a text as an analyzer makes them: where each is, and its position.
    fn placed(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((t.offset_from, t.offset_to, t.position as u32));
        }
        out
    }

    /// Every analyzer numbers the words of joined units by unit: an empty unit takes a number,
    /// the words of a unit past the stride share its last position, a compound's parts stand
    /// at its word's position, and separators at the start, in a row and at the end change no
    /// word.
    #[test]
    fn positions_follow_the_unit_stride() {
        let long: Vec<String> = (0..UNIT_STRIDE + 2).map(|i| format!("w{i}")).collect();
        let long = long.join(" ");
        let units = [
            "Die Stichwahl,",
            "",
            "Plagiatsvorwurf gegen Walsh's Kampagne",
            long.as_str(),
            "Ende",
        ];
        let mut joined = String::new();
        join_units(units, &mut joined);
        let mut expected = Vec::new();
        let mut start = 0;
        for (u, unit) in units.iter().enumerate() {
            for (w, (from, to)) in word_bounds(unit).enumerate() {
                expected.push((start + from, start + to, position(u, w)));
            }
            start += unit.len() + 1;
        }
        let at = |word: &str| {
            let from = joined.find(word).unwrap();
            expected.iter().find(|e| e.0 == from).unwrap().2
        };
        assert_eq!(at("Plagiatsvorwurf"), 2 * UNIT_STRIDE);
        assert_eq!(at("Kampagne"), 2 * UNIT_STRIDE + 3);
        assert_eq!(at("w0 "), 3 * UNIT_STRIDE);
        assert_eq!(at("Ende"), 4 * UNIT_STRIDE);
        let last = expected.iter().rev().nth(1).unwrap();
        assert_eq!(last.2, 4 * UNIT_STRIDE - 1, "the long unit's last word");
        for name in ALL {
            let seen = placed(&mut analyzer(name).unwrap(), &joined);
            if name == DE_PARTS {
                // Stich, Wahl; Plagiat, Vorwurf.
                assert_eq!(seen.len(), 4, "{seen:?}");
                assert!(seen.iter().all(|s| expected.contains(s)), "{seen:?}");
            } else {
                assert_eq!(seen, expected, "{name}");
            }
        }
        let mut words = TextAnalyzer::from(WordTokenizer::default());
        let seen = placed(&mut words, "\u{1e}a\u{1e}\u{1e}b c\u{1e}");
        let stride = UNIT_STRIDE;
        assert_eq!(
            seen,
            [(1, 2, stride), (4, 5, 3 * stride), (6, 7, 3 * stride + 1)]
        );
        assert!(placed(&mut words, "\u{1e}").is_empty());
        assert_eq!(placed(&mut words, "a b"), [(0, 1, 0), (2, 3, 1)], "afresh");
    }

    #[test]
    fn stop_words() {
        let mut a = Analyzers::new();
        assert!(a.is_stop_word("in"));
        assert!(a.is_stop_word("der"));
        assert!(a.is_stop_word("Wer"));
        assert!(a.is_stop_word("which"));
        assert!(a.is_stop_word("und"));
        assert!(a.is_stop_word("the"));
        assert!(!a.is_stop_word("Plagiat"));
    }
}
