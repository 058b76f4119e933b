//! Typos: how many a word is forgiven ([`typo_allowance`], and [`typo_limit`] for a term that
//! starts otherwise), and finding the terms within them: a Levenshtein automaton ([`Typos`])
//! that computes its states as a term dictionary is walked, instead of building a DFA first.
//! Search ([`crate::search::query::typos`] walks tantivy's term dictionaries with it) and the
//! names of people ([`crate::kb::names`]) both follow the same rule.
//!
//! tantivy's `FuzzyTermQuery` builds a complete DFA for every word (states of 256 transitions
//! each, for every byte of UTF-8), after building, once per process, a parametric automaton
//! for the number of typos. For two typos both are large: for a word of nine letters the DFA
//! took longer than the search itself on an index of a thousand sentences, and the first one
//! in a process was most of a `senate-kb search Stichwahl`. For one typo it is small, but its
//! building still cost more than the walk.
//!
//! Here a state is the nondeterministic automaton's set of active states, one bit per
//! character of the word and one word of bits per number of edits (Wu and Manber's
//! bit-parallel simulation, with Hyyrö's states for transpositions): a character read is a
//! handful of shifts and masks. The distance is the same as tantivy's: Levenshtein over Unicode
//! characters, with a transposition of two neighbours counting as one edit (optimal string
//! alignment), as `FuzzyTermQuery::new(term, n, true)`, with one rule on top: where two typos
//! are allowed, a term that does not start with the word's first character gets one (as in
//! Meilisearch, where a typo on the first letter counts as two). People rarely mistype the
//! first letter and a second typo there matches words that merely look alike; a walk of a
//! term dictionary with two typos from the first byte on visits most of its nodes near the
//! root, with the rule only those below the word's first letter. Where one typo is allowed, it
//! may be anywhere. Tests hold the automaton against tantivy's and against the textbook table,
//! on generated words and on every word of the corpus in its own index.

use tantivy_fst::Automaton;

/// The typo allowance of a word, as in Meilisearch: none under 5 letters, one from 5, two
/// from 9.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The typos a search forgives a term, for a word of `allowance` typos whose first character
/// is `word_first`, given the term's first character (`None`: an empty word or term): the
/// allowance, but one where it is two and the term starts differently. Meilisearch counts a
/// typo on the first letter as two; one typo may still be anywhere, as the CLI contract
/// promises for words of five letters or more.
pub fn typo_limit(allowance: usize, word_first: Option<char>, term_first: Option<char>) -> usize {
    if allowance >= 2 && term_first != word_first {
        allowance - 1
    } else {
        allowance
    }
}

/// The longest word, in characters, given typos here (its states are the bits of a `u64`, one
/// more than its characters); longer words (none in the corpus) take tantivy's DFA (see
/// [`Typos::new`]).
const MAX_CHARS: usize = 63;

/// The most typos allowed.
const MAX_TYPOS: usize = 2;

/// The terms within `allowance` edits of a word.
#[derive(Debug, Clone)]
pub struct Typos {
    /// Per ASCII character, where the word has it: bit `j` for its `j`-th character.
    ascii: [u64; 128],
    /// The same for the word's other characters.
    other: Vec<(char, u64)>,
    /// The bit of the state after the whole word.
    end: u64,
    /// The bits of every state (the whole word's and those before it).
    states: u64,
    allowance: u8,
    /// The word's first character (`None`: the word is empty).
    first: Option<char>,
}

/// Where the walk is: the automaton's active states, for the term read so far.
///
/// `reach[i]` has bit `j` set when the term is `i` edits from the word's first `j`
/// characters; `half[i]` has bit `j` set when, at `i` edits, the term has just read the
/// word's character `j + 1` in place of character `j`: a transposition half done, completed
/// by reading character `j`.
#[derive(Debug, Clone, Copy)]
pub struct Active {
    reach: [u64; MAX_TYPOS + 1],
    half: [u64; MAX_TYPOS + 1],
    /// A character being read byte by byte: its bits so far and how many bytes it still needs.
    partial: u32,
    missing: u8,
    /// A byte that is not UTF-8 was read: nothing from here on matches.
    broken: bool,
    /// No character has been read yet.
    fresh: bool,
    /// The edits allowed, known once the first character is read (see [`Typos::limit`]);
    /// the levels of `reach` and `half` above it stay empty.
    limit: u8,
}

impl Typos {
    /// An automaton for the terms within `allowance` edits of `word` (one fewer for a term
    /// that does not start with the word's first character, when the allowance is two), or
    /// `None` when the word is longer than [`MAX_CHARS`] characters or the allowance above
    /// [`MAX_TYPOS`].
    pub fn new(word: &str, allowance: u8) -> Option<Typos> {
        let chars = word.chars().count();
        if chars > MAX_CHARS || usize::from(allowance) > MAX_TYPOS {
            return None;
        }
        let mut typos = Typos {
            ascii: [0; 128],
            other: Vec::new(),
            end: 1 << chars,
            states: u64::MAX >> (63 - chars),
            allowance,
            first: word.chars().next(),
        };
        for (j, c) in word.chars().enumerate() {
            let bit = 1 << j;
            if c.is_ascii() {
                typos.ascii[c as usize] |= bit;
            } else if let Some(entry) = typos.other.iter_mut().find(|(o, _)| *o == c) {
                entry.1 |= bit;
            } else {
                typos.other.push((c, bit));
            }
        }
        Some(typos)
    }

    /// Where the word has `c`.
    fn positions(&self, c: char) -> u64 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |(_, bits)| *bits)
        }
    }

    /// The edits allowed for a term starting with `first` (`None`: the empty term): see
    /// [`typo_limit`].
    fn limit(&self, first: Option<char>) -> u8 {
        let limit = typo_limit(usize::from(self.allowance), self.first, first);
        u8::try_from(limit).unwrap_or(self.allowance)
    }

    /// The active after reading one more character of the term.
    fn step(&self, active: &Active, c: char) -> Active {
        let at = self.positions(c);
        // The levels up to a lower limit are those of an automaton with that allowance: a
        // level depends on the levels below it only.
        let limit = if active.fresh {
            self.limit(Some(c))
        } else {
            active.limit
        };
        let n = usize::from(limit);
        let mut reach = [0; MAX_TYPOS + 1];
        let mut half = [0; MAX_TYPOS + 1];
        reach[0] = (active.reach[0] & at) << 1;
        for i in 1..=n {
            let before = active.reach[i - 1];
            reach[i] = (((active.reach[i] & at) << 1)
                // c inserted: no character of the word read
                | before
                // c in place of the word's character
                | (before << 1)
                // the word's next character left out (after c is read)
                | (reach[i - 1] << 1)
                // the second half of a transposition
                | ((active.half[i] & at) << 2))
                & self.states;
            half[i] = before & (at >> 1);
        }
        Active {
            reach,
            half,
            partial: 0,
            missing: 0,
            broken: false,
            fresh: false,
            limit,
        }
    }

    /// The fewest edits from the term read to the whole word, if within the term's limit.
    fn edits(&self, active: &Active) -> Option<u8> {
        if active.broken || active.missing > 0 {
            return None;
        }
        let limit = if active.fresh {
            self.limit(None)
        } else {
            active.limit
        };
        (0..=limit).find(|&i| active.reach[usize::from(i)] & self.end != 0)
    }

    /// The edit distance of a whole term, if within its limit.
    #[cfg(test)]
    fn distance(&self, term: &str) -> Option<u8> {
        let active = term
            .bytes()
            .fold(self.start(), |active, b| self.accept(&active, b));
        self.edits(&active)
    }
}

impl Automaton for Typos {
    type State = Active;

    fn start(&self) -> Active {
        // Nothing read: the word's first i characters are i edits away (left out).
        let mut reach = [0; MAX_TYPOS + 1];
        reach[0] = 1;
        for i in 1..=usize::from(self.allowance) {
            reach[i] = (reach[i - 1] | (reach[i - 1] << 1)) & self.states;
        }
        Active {
            reach,
            half: [0; MAX_TYPOS + 1],
            partial: 0,
            missing: 0,
            broken: false,
            fresh: true,
            limit: self.allowance,
        }
    }

    fn is_match(&self, active: &Active) -> bool {
        self.edits(active).is_some()
    }

    fn can_match(&self, active: &Active) -> bool {
        // No active state is dead for good: every way on needs one.
        !active.broken
            && (active
                .reach
                .iter()
                .chain(&active.half)
                .any(|&bits| bits != 0))
    }

    fn accept(&self, active: &Active, byte: u8) -> Active {
        if active.broken {
            return *active;
        }
        let dead = Active {
            broken: true,
            ..*active
        };
        if active.missing > 0 {
            if byte & 0xC0 != 0x80 {
                return dead;
            }
            let partial = (active.partial << 6) | u32::from(byte & 0x3F);
            if active.missing > 1 {
                return Active {
                    partial,
                    missing: active.missing - 1,
                    ..*active
                };
            }
            return match char::from_u32(partial) {
                Some(c) => self.step(active, c),
                None => dead,
            };
        }
        let (bits, missing) = match byte {
            0x00..=0x7F => return self.step(active, char::from(byte)),
            0xC0..=0xDF => (byte & 0x1F, 1),
            0xE0..=0xEF => (byte & 0x0F, 2),
            0xF0..=0xF7 => (byte & 0x07, 3),
            _ => return dead,
        };
        Active {
            partial: u32::from(bits),
            missing,
            ..*active
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

    /// The edits a term may be from a word with an allowance of `n`, by the rule of the
    /// first letter, spelt out: one fewer than two for a term that does not start with the
    /// word's first character.
    fn limit(word: &str, n: u8, term: &str) -> u8 {
        if n == 2 && word.chars().next() != term.chars().next() {
            1
        } else {
            n
        }
    }

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
        // The first letter: one typo there, anywhere else the second.
        assert_eq!(
            plagiat.distance("blagiat"),
            Some(1),
            "one typo may be anywhere"
        );
        assert_eq!(plagiat.distance("lagiat"), Some(1));
        assert_eq!(two.distance("sustimmungswerte"), Some(1));
        assert_eq!(two.distance("ustimmungswerte"), Some(1));
        assert_eq!(two.distance("uzstimmungswerte"), Some(1), "a transposition");
        assert_eq!(
            two.distance("xzustimmungswerte"),
            Some(1),
            "a letter put before"
        );
        assert_eq!(
            two.distance("sustimungswerte"),
            None,
            "two, one on the first letter"
        );
        assert_eq!(two.distance("ustimungswerte"), None);
        assert_eq!(
            two.distance("zustimungswerto"),
            Some(2),
            "two after the first letter"
        );
        let umlaut_first = Typos::new("überhangmandat", 2).expect("short word");
        assert_eq!(umlaut_first.distance("ueberhangmandat"), None);
        assert_eq!(umlaut_first.distance("uberhangmandat"), Some(1));
        assert_eq!(umlaut_first.distance("überhangmandt"), Some(1));
        assert_eq!(umlaut_first.distance("überhngmandt"), Some(2));
    }

    #[test]
    fn dead_states_and_broken_bytes() {
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

        /// Matches exactly what tantivy's Levenshtein DFA matches with the term's limit.
        #[test]
        fn agrees_with_tantivy((w, term) in pair(), n in 1u8..=2) {
            let ours = Typos::new(&w, n).expect("short word");
            let m = limit(&w, n, &term);
            prop_assert_eq!(ours.distance(&term).is_some(), tantivy_says(&w, m, &term));
        }

        /// Long words too, up to the last bit of the state.
        #[test]
        fn long_words_agree_with_osa(
            (w, edits) in (proptest::collection::vec(letter(), 55..=MAX_CHARS), proptest::collection::vec(edit(), 0..3)),
            n in 1u8..=2,
        ) {
            let w: String = w.into_iter().collect();
            let term = apply(&w, &edits);
            let ours = Typos::new(&w, n).expect("word within the limit");
            let d = osa(&w, &term);
            let m = usize::from(limit(&w, n, &term));
            prop_assert_eq!(ours.distance(&term), (d <= m).then_some(d as u8));
        }

        /// And its distance is the optimal-string-alignment distance, within the term's limit.
        #[test]
        fn distance_is_osa((w, term) in pair(), n in 1u8..=2) {
            let ours = Typos::new(&w, n).expect("short word");
            let d = osa(&w, &term);
            let expected = (d <= usize::from(limit(&w, n, &term))).then_some(d as u8);
            prop_assert_eq!(ours.distance(&term), expected);
        }
    }
}
