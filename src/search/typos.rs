//! Finding the terms within two typos of a word: a Levenshtein automaton that computes its
//! states as the term dictionary is walked, instead of building a DFA first.
//!
//! tantivy's `FuzzyTermQuery` builds a complete DFA for every word (states of 256 transitions
//! each, for every byte of UTF-8), after building, once per process, a parametric automaton
//! for the number of typos. For two typos both are large: for a word of nine letters the DFA
//! took longer than the search itself on an index of a thousand sentences, and the first one
//! in a process was most of a `senate-kb search Stichwahl`. (For one typo the DFA is small and
//! walks faster than rows are computed: [`compile`](super::compile) keeps it there.)
//!
//! Here a state is the band of one row of the edit-distance table (and of the row before it,
//! for transpositions), advanced by one character at a time; the FST walk visits exactly the
//! prefixes the DFA would, because a row whose every cell exceeds the allowance is dead in
//! both. The distance is the same: Levenshtein over Unicode characters, with a transposition
//! of two neighbours counting as one edit (optimal string alignment), as tantivy's
//! `FuzzyTermQuery::new(term, n, true)`. Tests hold the two against each other, on generated
//! words and on every word of the corpus in its own index.

use tantivy_fst::Automaton;

/// The longest word, in characters, given typos here; longer words (none in the corpus) take
/// tantivy's DFA (see [`Typos::new`]).
const MAX_CHARS: usize = 40;

/// The most typos allowed, and the width of the band of the distance table kept: the cells
/// more than `allowance` away from the diagonal always exceed the allowance.
const MAX_TYPOS: usize = 2;
const BAND: usize = 2 * MAX_TYPOS + 1;

/// The terms within `allowance` edits of a word.
#[derive(Debug, Clone)]
pub struct Typos {
    word: Vec<char>,
    allowance: u8,
}

/// Where the walk is: the band of the distance table's row for the term read so far.
///
/// With `i` characters read and `n` the allowance, `now[k]` is the distance from them to the
/// word's first `i - n + k` characters (capped at `n + 1`; cells off the table hold the cap),
/// and `before[k]` the same for the row before, one to the left: the cells a transposition
/// reaches back to.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    now: [u8; BAND],
    before: [u8; BAND],
    /// Characters read.
    read: u8,
    /// The term's last character, if any.
    last: Option<char>,
    /// A character being read byte by byte: its bits so far and how many bytes it still needs.
    partial: u32,
    missing: u8,
    /// A byte that is not UTF-8 was read: nothing from here on matches.
    broken: bool,
}

impl Typos {
    /// An automaton for the terms within `allowance` edits of `word`, or `None` when the word
    /// is longer than [`MAX_CHARS`] characters or the allowance above [`MAX_TYPOS`].
    pub fn new(word: &str, allowance: u8) -> Option<Typos> {
        let word: Vec<char> = word.chars().collect();
        (word.len() <= MAX_CHARS && usize::from(allowance) <= MAX_TYPOS)
            .then_some(Typos { word, allowance })
    }

    fn cap(&self) -> u8 {
        self.allowance + 1
    }

    /// How many cells of the band this allowance uses.
    fn width(&self) -> usize {
        2 * usize::from(self.allowance) + 1
    }

    /// The word position (`j`) of band cell `k` in the row after `read` characters.
    fn column(&self, read: u8, k: usize) -> isize {
        isize::from(read) - isize::from(self.allowance) + k as isize
    }

    /// The row after reading one more character of the term.
    fn step(&self, row: &Row, c: char) -> Row {
        let cap = self.cap();
        let width = self.width();
        let read = row.read.saturating_add(1);
        let mut now = [cap; BAND];
        for k in 0..width {
            let j = self.column(read, k);
            if j < 0 || j as usize > self.word.len() {
                continue;
            }
            if j == 0 {
                now[k] = read.min(cap);
                continue;
            }
            let j = j as usize;
            let wc = self.word[j - 1];
            // Diagonal: the previous row's cell for j - 1 is its band cell k.
            let mut best = row.now[k] + u8::from(wc != c);
            // Up: the previous row's cell for j.
            if k + 1 < width {
                best = best.min(row.now[k + 1] + 1);
            }
            // Left: this row's cell for j - 1.
            if k > 0 {
                best = best.min(now[k - 1] + 1);
            }
            // Transposition: the row before the previous one, cell for j - 2, band cell k.
            if j > 1 && row.last == Some(wc) && self.word[j - 2] == c {
                best = best.min(row.before[k] + 1);
            }
            now[k] = best.min(cap);
        }
        Row {
            now,
            before: row.now,
            read,
            last: Some(c),
            partial: 0,
            missing: 0,
            broken: false,
        }
    }

    /// The band cell of the whole word in a row, if the row reaches it.
    fn whole_word(&self, row: &Row) -> u8 {
        let k = self.word.len() as isize - isize::from(row.read) + isize::from(self.allowance);
        match usize::try_from(k) {
            Ok(k) if k < self.width() => row.now[k],
            _ => self.cap(),
        }
    }

    /// The edit distance of a whole term, if within the allowance.
    #[cfg(test)]
    fn distance(&self, term: &str) -> Option<u8> {
        let row = term
            .bytes()
            .fold(self.start(), |row, b| self.accept(&row, b));
        self.is_match(&row).then(|| self.whole_word(&row))
    }
}

impl Automaton for Typos {
    type State = Row;

    fn start(&self) -> Row {
        let cap = self.cap();
        let mut now = [cap; BAND];
        for (k, cell) in now.iter_mut().enumerate().take(self.width()) {
            let j = self.column(0, k);
            if j >= 0 && j as usize <= self.word.len() {
                *cell = (j as u8).min(cap);
            }
        }
        Row {
            now,
            before: [cap; BAND],
            read: 0,
            last: None,
            partial: 0,
            missing: 0,
            broken: false,
        }
    }

    fn is_match(&self, row: &Row) -> bool {
        !row.broken && row.missing == 0 && self.whole_word(row) <= self.allowance
    }

    fn can_match(&self, row: &Row) -> bool {
        // A row past the allowance everywhere stays past it: every way on (a transposition
        // included) costs at least what the cheapest cell of this row does.
        !row.broken && row.now.iter().any(|&d| d <= self.allowance)
    }

    fn accept(&self, row: &Row, byte: u8) -> Row {
        if row.broken {
            return *row;
        }
        let dead = Row {
            broken: true,
            ..*row
        };
        if row.missing > 0 {
            if byte & 0xC0 != 0x80 {
                return dead;
            }
            let partial = (row.partial << 6) | u32::from(byte & 0x3F);
            if row.missing > 1 {
                return Row {
                    partial,
                    missing: row.missing - 1,
                    ..*row
                };
            }
            return match char::from_u32(partial) {
                Some(c) => self.step(row, c),
                None => dead,
            };
        }
        let (bits, missing) = match byte {
            0x00..=0x7F => return self.step(row, char::from(byte)),
            0xC0..=0xDF => (byte & 0x1F, 1),
            0xE0..=0xEF => (byte & 0x0F, 2),
            0xF0..=0xF7 => (byte & 0x07, 3),
            _ => return dead,
        };
        Row {
            partial: u32::from(bits),
            missing,
            ..*row
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::Term;
    use tantivy::query::FuzzyTermQuery;
    use tantivy::schema::{Schema, TEXT};

    /// What tantivy's own automaton says of `term`: within `n` edits of `word` or not.
    fn tantivy_says(word: &str, n: u8, term: &str) -> bool {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("f", TEXT);
        let dfa = FuzzyTermQuery::new(Term::from_field_text(field, word), n, true)
            .automaton()
            .expect("automaton");
        let state = term
            .bytes()
            .fold(dfa.start(), |state, b| dfa.accept(&state, b));
        dfa.is_match(&state)
    }

    /// The optimal-string-alignment distance, by the textbook table.
    fn osa(a: &str, b: &str) -> usize {
        strsim::osa_distance(a, b)
    }

    #[test]
    fn known_distances() {
        let plagiat = Typos::new("plagiat", 1).expect("short word");
        assert_eq!(plagiat.distance("plagiat"), Some(0));
        assert_eq!(
            plagiat.distance("plagait"),
            Some(1),
            "a transposition is one edit"
        );
        assert_eq!(plagiat.distance("plagia"), Some(1));
        assert_eq!(plagiat.distance("plagiats"), Some(1));
        assert_eq!(plagiat.distance("plagiatsvorwurf"), None);
        assert_eq!(plagiat.distance("plgait"), None);
        let umlaut = Typos::new("müller", 1).expect("short word");
        assert_eq!(
            umlaut.distance("muller"),
            Some(1),
            "ü is one character, not two bytes"
        );
        assert_eq!(umlaut.distance("mueller"), None);
        let two = Typos::new("zustimmungswerte", 2).expect("short word");
        assert_eq!(two.distance("zustimunswerte"), Some(2));
        assert_eq!(two.distance("zustimunswert"), None);
    }

    #[test]
    fn dead_rows_and_broken_bytes() {
        let t = Typos::new("abc", 1).expect("short word");
        let dead = "xyz".bytes().fold(t.start(), |r, b| t.accept(&r, b));
        assert!(!t.can_match(&dead));
        let broken = t.accept(&t.start(), 0xFF);
        assert!(!t.can_match(&broken) && !t.is_match(&broken));
        // Half a character is no match yet, but may become one.
        let half = t.accept(&"ab".bytes().fold(t.start(), |r, b| t.accept(&r, b)), 0xC3);
        assert!(!t.is_match(&half) && t.can_match(&half));
        assert!(Typos::new(&"a".repeat(MAX_CHARS + 1), 1).is_none());
        assert!(Typos::new("abc", 3).is_none());
    }

    /// Words from a small alphabet, so that near neighbours are common; with letters of one,
    /// two, three and four bytes in UTF-8.
    fn word() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('a'),
                Just('b'),
                Just('c'),
                Just('s'),
                Just('ä'),
                Just('ß'),
                Just('€'),
                Just('𝄞')
            ],
            0..9,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    /// An edit of a word: what it does and where (taken modulo the word's length).
    #[derive(Debug, Clone)]
    enum Edit {
        Insert(usize, char),
        Delete(usize),
        Substitute(usize, char),
        Transpose(usize),
    }

    fn letter() -> impl Strategy<Value = char> {
        prop_oneof![
            Just('a'),
            Just('b'),
            Just('s'),
            Just('ä'),
            Just('€'),
            Just('𝄞')
        ]
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), letter()).prop_map(|(i, c)| Edit::Insert(i, c)),
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), letter()).prop_map(|(i, c)| Edit::Substitute(i, c)),
            any::<usize>().prop_map(Edit::Transpose),
        ]
    }

    fn apply(word: &str, edits: &[Edit]) -> String {
        let mut cs: Vec<char> = word.chars().collect();
        for e in edits {
            let n = cs.len();
            match *e {
                Edit::Insert(i, c) => cs.insert(i % (n + 1), c),
                Edit::Delete(i) if n > 0 => {
                    cs.remove(i % n);
                }
                Edit::Substitute(i, c) if n > 0 => cs[i % n] = c,
                Edit::Transpose(i) if n > 1 => cs.swap(i % (n - 1), i % (n - 1) + 1),
                _ => {}
            }
        }
        cs.into_iter().collect()
    }

    /// A word and a term near it: the word with up to three edits (or, now and then, any
    /// other word).
    fn pair() -> impl Strategy<Value = (String, String)> {
        (
            word(),
            proptest::collection::vec(edit(), 0..4),
            word(),
            0..8,
        )
            .prop_map(|(w, edits, other, pick)| {
                let term = if pick == 0 { other } else { apply(&w, &edits) };
                (w, term)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Matches exactly what tantivy's Levenshtein DFA matches.
        #[test]
        fn agrees_with_tantivy((w, term) in pair(), n in 1u8..=2) {
            let ours = Typos::new(&w, n).expect("short word");
            prop_assert_eq!(ours.distance(&term).is_some(), tantivy_says(&w, n, &term));
        }

        /// And its distance is the optimal-string-alignment distance.
        #[test]
        fn distance_is_osa((w, term) in pair(), n in 1u8..=2) {
            let ours = Typos::new(&w, n).expect("short word");
            let d = osa(&w, &term);
            let expected = (d <= usize::from(n)).then_some(d as u8);
            prop_assert_eq!(ours.distance(&term), expected);
        }
    }
}
