//! Turns a parsed [`Query`] into one tantivy query over the race documents, and into the
//! [`AtomSpec`]s the [matcher](crate::search::highlight::matcher) uses to pick and highlight the best sentence.
//!
//! Each word becomes an alternative of weighted clauses over both languages, so that whatever
//! language it was typed in, it finds the race, and the kinds of match rank in this order:
//!
//! | clause                                   | boost |
//! | ---------------------------------------- | ----- |
//! | exact word (`de_exact`, `en_exact`)      | 4     |
//! | stemmed word (`de_stem`, `en_stem`)      | 2     |
//! | compound part (`de_parts`)               | 1.5   |
//! | glossary term of the other language      | 1.5   |
//! | prefix (`plag*`)                         | 1     |
//! | one or two typos (constant score)        | 0.5   |
//!
//! An exact match also matches the stemmed field, so it always outscores a stemmed one.

use rustc_hash::FxHashSet;
use tantivy::collector::DocSetCollector;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::Value;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::kb::corpus::{ConceptId, Person, State};
use crate::kb::knowledge;
use crate::kb::names;
use crate::l10n::Lang;
use crate::search::SearchError;
use crate::search::analysis::{Analyzers, analyze};
use crate::search::index::schema::Fields;
use crate::search::index::store::{Names, Opened};
use crate::search::query::typos::Fuzzy;
use crate::search::query::understand::{Understanding, holds, understand_in};
use crate::search::query::{self, Atom, FilterField, Item};
use crate::text::fold::filter_key as fold;

/// The index of a language in per-language arrays: German 0, English 1.
pub fn li(lang: Lang) -> usize {
    match lang {
        Lang::De => 0,
        Lang::En => 1,
    }
}

/// Both languages, German first, matching [`li`].
pub const LANGS: [Lang; 2] = [Lang::De, Lang::En];

/// What the matcher looks for in a sentence for one query word, phrase or prefix.
#[derive(Debug, Clone, Default)]
pub struct AtomSpec {
    /// Exact token sequence, per language.
    pub exact: [Vec<String>; 2],
    /// Stemmed token sequence, per language.
    pub stem: [Vec<String>; 2],
    /// For a single German word: its stem, looked for among compound parts.
    pub part: Option<String>,
    /// For a single word: the normalized word and how many edits it forgives, per language.
    pub fuzzy: [Option<(String, usize)>; 2],
    /// The index's terms within those edits of the word, per language (exact fields): what
    /// the typo clause matches, so the matcher highlights exactly these words.
    pub typos: [FxHashSet<String>; 2],
    /// The compound parts in the index within those edits of `part`.
    pub part_typos: FxHashSet<String>,
    /// For a prefix: the normalized prefix, per language.
    pub prefix: [Option<String>; 2],
    /// Stemmed glossary forms, per language.
    pub glossary: [Vec<Vec<String>>; 2],
}

/// A compiled query.
pub struct Compiled {
    /// The query over race documents.
    pub query: Box<dyn Query>,
    /// What to look for in sentences (words, phrases, prefixes, named people).
    pub atoms: Vec<AtomSpec>,
    /// Whether the query has words (else it lists races in article order).
    pub has_text: bool,
}

/// A query that is well formed but names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The words are only punctuation.
    Nothing,
    /// A filter value that names nothing.
    BadFilterValue {
        /// Which filter.
        field: FilterField,
        /// The value as typed.
        value: String,
        /// Close valid values, if any.
        suggestions: Vec<String>,
    },
    /// `person:` names nobody.
    NoSuchPerson {
        /// The name as typed.
        name: String,
        /// Close names.
        suggestions: Vec<String>,
    },
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn sequence(field: Field, tokens: &[String]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [one] => Some(term(field, one)),
        many => Some(Box::new(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))),
    }
}

fn boost(query: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, by))
}

fn any(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

fn texts(tokens: Vec<crate::search::analysis::Analyzed>) -> Vec<String> {
    tokens.into_iter().map(|t| t.text).collect()
}

/// The typo allowance of a word: none under 5 letters, one from 5, two from 9.
fn allowance(word: &str) -> usize {
    crate::text::typos::typo_allowance(word)
}

impl AtomSpec {
    /// The spec of a word that is somebody's name: its exact forms only, never stemmed, split
    /// into parts, bridged by the glossary or misspelt into another word.
    fn as_name(&mut self) {
        self.stem = Default::default();
        self.part = None;
        self.fuzzy = Default::default();
        self.glossary = Default::default();
    }
}

/// What a race scores for a word that only its facts decide.
const FACT_SCORE: f32 = 6.0;

/// The races whose facts say one of `terms` (see `kb::knowledge::fact_terms`), each scoring
/// [`FACT_SCORE`].
fn said(terms: &[String], f: &Fields) -> Box<dyn Query> {
    let terms = terms.iter().map(|t| term(f.concept, t)).collect();
    Box::new(ConstScoreQuery::new(any(terms), FACT_SCORE))
}

/// The longest stem that stands for too many words to match by: a German stem of three
/// letters (`Lager` → `lag`, the past of `liegen`) meets unrelated words, so such a word is
/// matched as typed.
const SHORTEST_STEM: usize = 4;

/// The shortest compound part a misspelt word may reach: a typo in a short part matches the
/// ends of unrelated compounds (`Maine` → `main` → `-mann` of `Geschäftsmann`).
const SHORTEST_PART_TYPO: usize = 6;

/// Builds the spec of a word, phrase or prefix; `None` when it holds no word at all.
fn spec(atom: &Atom, an: &mut Analyzers, glossary: &[[Vec<Vec<String>>; 2]]) -> Option<AtomSpec> {
    let text = match atom {
        Atom::Word(t) | Atom::Phrase(t) | Atom::Prefix(t) => t.as_str(),
    };
    let mut s = AtomSpec::default();
    for lang in LANGS {
        s.exact[li(lang)] = texts(analyze(an.exact(lang), text));
        s.stem[li(lang)] = texts(analyze(an.stem(lang), text));
    }
    if s.exact.iter().all(Vec::is_empty) {
        return None;
    }
    // A word stemmed to a few letters is matched as typed (see `SHORTEST_STEM`).
    for lang in LANGS {
        let i = li(lang);
        if let ([exact], [stem]) = (&s.exact[i][..], &s.stem[i][..]) {
            if stem != exact && stem.chars().count() < SHORTEST_STEM {
                s.stem[i] = s.exact[i].clone();
            }
        }
    }
    let single = s.exact[0].len() == 1;
    match atom {
        Atom::Word(_) if single => {
            s.part = s.stem[0].first().cloned();
            for lang in LANGS {
                let word = &s.exact[li(lang)][0];
                let n = allowance(word);
                if n > 0 {
                    s.fuzzy[li(lang)] = Some((word.clone(), n));
                }
            }
        }
        Atom::Prefix(_) => {
            for lang in LANGS {
                let tokens = &s.exact[li(lang)];
                if tokens.len() == 1 {
                    s.prefix[li(lang)] = tokens.first().cloned();
                }
            }
            if s.prefix.iter().any(Option::is_some) {
                s.exact = Default::default();
                s.stem = Default::default();
            }
        }
        _ => {}
    }
    // The glossary: a term any of whose forms this is brings in all of its forms.
    for term in glossary {
        let hit = LANGS
            .iter()
            .any(|&l| term[li(l)].iter().any(|f| *f == s.stem[li(l)]));
        if hit {
            for lang in LANGS {
                for form in &term[li(lang)] {
                    if !s.glossary[li(lang)].contains(form) {
                        s.glossary[li(lang)].push(form.clone());
                    }
                }
            }
        }
    }
    Some(s)
}

/// Spells out the typo matches of a spec: the index's terms within the word's allowance of
/// its German form (`de_exact`), of its English form (`en_exact`) and of its stem among the
/// compound parts (`de_parts`): what a `FuzzyTermQuery` in each field would match, found in
/// each segment's term dictionary of the field (see [`typos`](crate::search::query::typos)). A form the same
/// in several fields is one automaton.
fn expand_typos(s: &mut AtomSpec, f: &Fields, searcher: &Searcher) -> tantivy::Result<()> {
    let part = match (&s.part, &s.fuzzy[0]) {
        (Some(part), Some((_, n))) => Some((part.clone(), *n)),
        _ => None,
    };
    // The exact forms are looked for in the text's words and in what the facts say.
    let forms = [
        s.fuzzy[0].clone(),
        s.fuzzy[0].clone(),
        s.fuzzy[1].clone(),
        s.fuzzy[1].clone(),
        part,
    ];
    let [de, en] = &mut s.typos;
    let mut de_kb = FxHashSet::default();
    let mut en_kb = FxHashSet::default();
    let found = [de, &mut de_kb, en, &mut en_kb, &mut s.part_typos];
    let mut automata: Vec<(&str, usize, Fuzzy)> = Vec::new();
    for ((form, field), found) in forms
        .iter()
        .zip([f.de_exact, f.de_kb, f.en_exact, f.en_kb, f.de_parts])
        .zip(found)
    {
        let Some((form, n)) = form else { continue };
        let at = match automata.iter().position(|(w, m, _)| w == form && m == n) {
            Some(at) => at,
            None => {
                automata.push((form, *n, Fuzzy::new(form, *n)?));
                automata.len() - 1
            }
        };
        automata[at].2.find(searcher, field, found)?;
    }
    s.typos[0].extend(de_kb);
    s.typos[1].extend(en_kb);
    s.part_typos
        .retain(|part| part.chars().count() >= SHORTEST_PART_TYPO);
    Ok(())
}

/// Matches any of the terms, every document scoring `score`.
fn any_term(field: Field, terms: &FxHashSet<String>, score: f32) -> Option<Box<dyn Query>> {
    if terms.is_empty() {
        return None;
    }
    // Not a `TermSetQuery`: its weight builds an FST, and the FST builder's registry alone
    // cost more than a whole search of a small index.
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .map(|t| {
            let term = Term::from_field_text(field, t);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    // Most words have no neighbour but themselves: no union for one term.
    let query = match clauses.len() {
        1 => clauses.pop().expect("one clause").1,
        _ => Box::new(BooleanQuery::new(clauses)),
    };
    Some(Box::new(ConstScoreQuery::new(query, score)))
}

/// The boost of a word found in what the facts say (as an exact word of the text is 4, a stem
/// 2): a little under the text's own words, which say more than a fact's many spellings.
const KB_BOOST: f32 = 3.0;

/// The tantivy query of a spec.
fn atom_query(s: &AtomSpec, f: &Fields, fuzzy: bool) -> Box<dyn Query> {
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    for lang in LANGS {
        let i = li(lang);
        if let Some(q) = sequence(f.exact(lang), &s.exact[i]) {
            clauses.push(boost(q, 4.0));
        }
        if let Some(q) = sequence(f.stem(lang), &s.stem[i]) {
            clauses.push(boost(q, 2.0));
        }
        // What the facts say, in the vocabulary's words as they are spelt.
        if let Some(q) = sequence(f.kb(lang), &s.exact[i]) {
            clauses.push(boost(q, KB_BOOST));
        }
        for form in &s.glossary[i] {
            if let Some(q) = sequence(f.stem(lang), form) {
                clauses.push(boost(q, 1.5));
            }
        }
        if let Some(prefix) = &s.prefix[i] {
            let prefix_query = |field| {
                Box::new(FuzzyTermQuery::new_prefix(
                    Term::from_field_text(field, prefix),
                    0,
                    true,
                )) as Box<dyn Query>
            };
            clauses.push(prefix_query(f.exact(lang)));
            clauses.push(prefix_query(f.kb(lang)));
            if lang == Lang::De {
                clauses.push(boost(prefix_query(f.de_parts), 0.8));
            }
        }
        if fuzzy {
            clauses.extend(any_term(f.exact(lang), &s.typos[i], 0.5));
            clauses.extend(any_term(f.kb(lang), &s.typos[i], 0.5));
        }
    }
    if let Some(part) = &s.part {
        clauses.push(boost(term(f.de_parts, part), 1.5));
        if fuzzy {
            clauses.extend(any_term(f.de_parts, &s.part_typos, 0.4));
        }
    }
    any(clauses)
}

/// What a `state:` value is compared with, folded: the state's code first, then its German
/// and English names and its aliases. Worked out when the index is built and kept in
/// `names.json`: a change to [`crate::text::fold::filter_key`] must bump the schema version, or older indexes keep
/// keys folded the old way.
pub fn state_keys(state: &State) -> Vec<String> {
    [&state.code, &state.de, &state.en]
        .into_iter()
        .chain(&state.aliases)
        .map(|name| fold(name))
        .collect()
}

fn state_codes(value: &str, lexicon: &Names) -> Result<Vec<String>, CompileError> {
    let wanted = fold(value);
    let wanted_code = wanted.strip_suffix(" special").unwrap_or(&wanted);
    let found: Vec<String> = lexicon
        .states
        .iter()
        .zip(&lexicon.state_keys)
        .filter(|(_, keys)| match keys.split_first() {
            Some((code, names)) => code == wanted_code || names.contains(&wanted),
            None => false,
        })
        .map(|(s, _)| s.code.to_lowercase())
        .collect();
    if found.is_empty() {
        let mut close: Vec<(usize, String)> = lexicon
            .states
            .iter()
            .flat_map(|s| {
                [
                    (s.en.clone(), s.code.clone()),
                    (s.de.clone(), s.code.clone()),
                ]
            })
            .map(|(name, code)| {
                (
                    strsim::osa_distance(&wanted, &fold(&name)),
                    format!("{code} ({name})"),
                )
            })
            .filter(|(d, _)| *d <= 2)
            .collect();
        close.sort();
        close.dedup_by(|a, b| a.1 == b.1);
        return Err(CompileError::BadFilterValue {
            field: FilterField::State,
            value: value.to_string(),
            suggestions: close.into_iter().map(|(_, s)| s).take(3).collect(),
        });
    }
    Ok(found)
}

fn party_code(value: &str) -> Option<&'static str> {
    Some(match fold(value).as_str() {
        "d" | "dem" | "democrat" | "democrats" | "democratic" | "demokrat" | "demokraten"
        | "demokratin" | "demokratisch" => "d",
        "r" | "rep" | "gop" | "republican" | "republicans" | "republikaner" | "republikanerin"
        | "republikanisch" => "r",
        "i" | "ind" | "independent" | "independents" | "unabhangig" | "unabhangige"
        | "unabhangiger" | "parteilos" => "i",
        "l" | "lib" | "libertarian" | "libertarians" | "libertar" | "libertarer" => "l",
        _ => return None,
    })
}

fn outcome_code(value: &str) -> Option<&'static str> {
    Some(match fold(value).as_str() {
        "gain" | "gained" | "flip" | "gewinn" | "wechsel" | "gewonnen" => "gain",
        "hold" | "held" | "halten" | "gehalten" | "behauptet" => "hold",
        _ => return None,
    })
}

/// Compiles a parsed query against the index's fields and lexicon.
pub fn compile(
    q: &query::Query,
    opened: &Opened,
    an: &mut Analyzers,
) -> Result<Compiled, SearchError> {
    let f = &opened.fields;
    let glossary = &opened.lexicon.glossary;
    let mut atoms = Vec::new();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut has_text = false;
    let mut required = 0;
    let groups = join_glossary_terms(&q.groups, glossary, an);
    let searcher = opened.reader.searcher();
    let names = opened.names().map_err(SearchError::Index)?;
    let understood = understand_in(opened, &groups).map_err(SearchError::Index)?;
    let mut stems: Vec<[Option<String>; 2]> = vec![Default::default(); groups.len()];
    let mut exacts = stems.clone();
    for (g, group) in groups.iter().enumerate() {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        let mut stop_words_only = true;
        for item in group {
            match item {
                Item::Atom(atom) => {
                    let Some(mut spec) = spec(atom, an, glossary) else {
                        continue;
                    };
                    if understood.name_words.contains(&g) {
                        // A name is matched as typed: `Stevens` is not `Steve`.
                        spec.as_name();
                    }
                    // A word the index holds is what was meant: no typos turn it into
                    // another (`Ernst` is not `erst`, `Maine` not `Geschäftsmann`).
                    let exists = LANGS.iter().any(|&lang| match &spec.exact[li(lang)][..] {
                        [word] => {
                            holds(&searcher, f.exact(lang), word)
                                || holds(&searcher, f.kb(lang), word)
                        }
                        _ => false,
                    });
                    if !exists {
                        expand_typos(&mut spec, f, &searcher)
                            .map_err(|e| SearchError::Index(e.to_string()))?;
                    }
                    let word = match atom {
                        Atom::Word(w) => Some(w.as_str()),
                        _ => None,
                    };
                    let fact = understood
                        .facts
                        .iter()
                        .any(|(span, _, _)| span.contains(&g));
                    let filler = understood.filler.contains(&g) && !fact;
                    if !filler && !word.is_some_and(|w| an.is_stop_word(w)) {
                        stop_words_only = false;
                        if group.len() == 1 && word.is_some() {
                            let one = |tokens: &[String]| match tokens {
                                [token] => Some(token.clone()),
                                _ => None,
                            };
                            stems[g] = LANGS.map(|lang| one(&spec.stem[li(lang)]));
                            exacts[g] = LANGS.map(|lang| one(&spec.exact[li(lang)]));
                        }
                    }
                    has_text = true;
                    match understood
                        .facts
                        .iter()
                        .find(|(span, _, _)| span.contains(&g))
                    {
                        // Only the facts decide: the races whose facts say it.
                        Some((_, _, terms)) => alternatives.push(said(terms, f)),
                        None => alternatives.push(atom_query(&spec, f, true)),
                    }
                    atoms.push(spec);
                }
                Item::Filter(filter) => {
                    stop_words_only = false;
                    // The people are parsed only for a `person:` filter.
                    let people = match filter.field {
                        FilterField::Person => names.people().map_err(SearchError::Index)?,
                        _ => &[],
                    };
                    let query = filter_query(filter, f, names, people, an, &mut atoms)
                        .map_err(SearchError::Compile)?;
                    alternatives.push(Box::new(ConstScoreQuery::new(query, 0.0)));
                }
            }
        }
        // A group that names a state also matches that state's races by their facts: a postal
        // code (`IA`) is in no text.
        for (span, code) in &understood.states {
            if span.contains(&g) && !alternatives.is_empty() {
                alternatives.push(Box::new(ConstScoreQuery::new(term(f.state, code), 0.0)));
            }
        }
        if alternatives.is_empty() {
            continue;
        }
        let occur = if stop_words_only {
            Occur::Should
        } else {
            required += 1;
            Occur::Must
        };
        let group_query = if alternatives.len() == 1 {
            alternatives.pop().expect("one alternative")
        } else {
            any(alternatives)
        };
        clauses.push((occur, group_query));
    }
    if clauses.is_empty() {
        return Err(SearchError::Compile(CompileError::Nothing));
    }
    if required == 0 {
        // Only stop words ("in the"): then they are what the user wants.
        for clause in &mut clauses {
            clause.0 = Occur::Must;
        }
    }
    let near = Near {
        stems: &stems,
        exacts: &exacts,
    };
    clauses.extend(
        ranking(&understood, &near, f)
            .into_iter()
            .map(|q| (Occur::Should, q)),
    );
    let mut exclusions = Vec::new();
    for atom in &q.excluded {
        if let Some(spec) = spec(atom, an, glossary) {
            let spec = AtomSpec {
                fuzzy: Default::default(),
                ..spec
            };
            exclusions.push(atom_query(&spec, f, false));
        }
    }
    if !exclusions.is_empty() {
        for id in excluded_ids(any(exclusions), opened)? {
            clauses.push((Occur::MustNot, term(f.id, &id)));
        }
    }
    Ok(Compiled {
        query: Box::new(BooleanQuery::new(clauses)),
        atoms,
        has_text,
    })
}

/// What a race scores for a state it is the race of, named in the query: above any mention in
/// the text (`Virginia` ranks Virginia above West Virginia, `Colorado` Colorado above the New
/// Mexico race that names it).
const STATE_SCORE: f32 = 30.0;
/// What a race scores for a person it is about (candidate, winner, incumbent), named in the
/// query: above races that only mention them (`Mark Udall`: Colorado, then New Mexico).
const LEAD_SCORE: f32 = 20.0;
/// What a race scores for the gain, loss or hold of the party the query names beside it.
const PARTY_FACT_SCORE: f32 = 40.0;
/// What a race scores for being the special (or regular) election the query asks for: above
/// races whose text only mentions an earlier special election (`Sonderwahl`: Hawaii, Oklahoma
/// and South Carolina, then Massachusetts).
const ELECTION_SCORE: f32 = 20.0;
/// The boost of words found next to each other, as typed.
const ADJACENT_BOOST: f32 = 2.0;
/// The boost of words found in one sentence. Positions of one sentence lie within
/// `analysis::UNIT_STRIDE` (512) of each other, of two sentences further apart: a slop well
/// under it keeps the words in one sentence.
const SENTENCE_BOOST: f32 = 1.0;
/// How far apart, in words, words of one sentence may be for [`SENTENCE_BOOST`].
const SENTENCE_SLOP: u32 = 48;

/// A query's words as the phrases that rank words near each other look for them: per group,
/// per language, a word's one stem (for the text) and its one exact term (for what the facts
/// say); `None` for anything else.
struct Near<'a> {
    stems: &'a [[Option<String>; 2]],
    exacts: &'a [[Option<String>; 2]],
}

/// The clauses that only rank, none required: the state, person and election the query names,
/// and its words near each other.
fn ranking(understood: &Understanding, near: &Near, f: &Fields) -> Vec<Box<dyn Query>> {
    let constant = |q: Box<dyn Query>, score| Box::new(ConstScoreQuery::new(q, score)) as _;
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    for (_, code) in &understood.states {
        out.push(constant(term(f.state, code), STATE_SCORE));
    }
    if let Some(special) = understood.special {
        let kind = if special { "special" } else { "regular" };
        out.push(constant(term(f.special, kind), ELECTION_SCORE));
    }
    // A party named beside a gain, a loss or a hold: that party's (`Republican hold`).
    for (_, concepts, _) in &understood.facts {
        for &concept in concepts {
            if matches!(concept, ConceptId::Gain | ConceptId::Loss | ConceptId::Hold) {
                for &(_, party) in &understood.parties {
                    let bound = knowledge::party_term(concept, party);
                    out.push(constant(term(f.concept, &bound), PARTY_FACT_SCORE));
                }
            }
        }
    }
    let mut people: Vec<&str> = understood
        .people
        .iter()
        .map(|(_, id)| id.as_str())
        .collect();
    people.dedup();
    for id in people {
        out.push(constant(term(f.lead, id), LEAD_SCORE));
    }
    for lang in LANGS {
        for (words, field) in [(near.stems, f.stem(lang)), (near.exacts, f.kb(lang))] {
            // Runs of words in a row, each with one term.
            for run in words
                .split(|w| w[li(lang)].is_none())
                .filter(|run| run.len() >= 2)
            {
                let terms: Vec<Term> = run
                    .iter()
                    .filter_map(|w| w[li(lang)].as_deref())
                    .map(|word| Term::from_field_text(field, word))
                    .collect();
                for (slop, by) in [(0, ADJACENT_BOOST), (SENTENCE_SLOP, SENTENCE_BOOST)] {
                    let mut phrase = PhraseQuery::new(terms.clone());
                    phrase.set_slop(slop);
                    out.push(boost(Box::new(phrase), by));
                }
            }
        }
    }
    out
}

/// Consecutive words that together form a glossary term of several words (`dead heat`,
/// `special election`) are searched as that term, so it bridges to the other language like a
/// quoted phrase would.
fn join_glossary_terms(
    groups: &[Vec<Item>],
    glossary: &[[Vec<Vec<String>>; 2]],
    an: &mut Analyzers,
) -> Vec<Vec<Item>> {
    let word = |group: &Vec<Item>| match group.as_slice() {
        [Item::Atom(Atom::Word(w))] => Some(w.clone()),
        _ => None,
    };
    let mut out = Vec::with_capacity(groups.len());
    let mut i = 0;
    'outer: while i < groups.len() {
        for len in (2..=3).rev() {
            let Some(run) = groups.get(i..i + len) else {
                continue;
            };
            let Some(words) = run.iter().map(word).collect::<Option<Vec<String>>>() else {
                continue;
            };
            let joined = words.join(" ");
            let is_term = LANGS.iter().any(|&lang| {
                let stems = texts(analyze(an.stem(lang), &joined));
                glossary.iter().any(|t| t[li(lang)].contains(&stems))
            });
            if is_term {
                out.push(vec![Item::Atom(Atom::Phrase(joined))]);
                i += len;
                continue 'outer;
            }
        }
        out.push(groups[i].clone());
        i += 1;
    }
    out
}

/// The ids of the documents an exclusion matches, found by a search of their own. A phrase
/// under `MustNot` makes tantivy 0.27 seek a phrase scorer backwards once it has run out
/// (`Exclude::new` → `PhraseScorer::seek_danger`), a failed debug assertion, so a debug build
/// panicked on `2014 -"beinah e"`; excluding by id keeps phrase scorers going forwards only.
fn excluded_ids(exclusion: Box<dyn Query>, opened: &Opened) -> Result<Vec<String>, SearchError> {
    let index_err = |e: tantivy::TantivyError| SearchError::Index(e.to_string());
    let searcher = opened.reader.searcher();
    let found = searcher
        .search(&exclusion, &DocSetCollector)
        .map_err(index_err)?;
    let mut ids = Vec::with_capacity(found.len());
    for address in found {
        let doc: TantivyDocument = searcher.doc(address).map_err(index_err)?;
        if let Some(id) = doc.get_first(opened.fields.id).and_then(|v| v.as_str()) {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

fn filter_query(
    filter: &query::Filter,
    f: &Fields,
    lexicon: &Names,
    people: &[Person],
    an: &mut Analyzers,
    atoms: &mut Vec<AtomSpec>,
) -> Result<Box<dyn Query>, CompileError> {
    let bad = |suggestions: Vec<String>| CompileError::BadFilterValue {
        field: filter.field,
        value: filter.value.clone(),
        suggestions,
    };
    Ok(match filter.field {
        FilterField::State => {
            let codes = state_codes(&filter.value, lexicon)?;
            let special = fold(&filter.value).ends_with(" special");
            let by_state = any(codes.iter().map(|c| term(f.state, c)).collect());
            if special {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, by_state),
                    (Occur::Must, term(f.special, "special")),
                ]))
            } else {
                by_state
            }
        }
        FilterField::Party => {
            let code = party_code(&filter.value).ok_or_else(|| bad(Vec::new()))?;
            term(f.party, code)
        }
        FilterField::Outcome => {
            let code = outcome_code(&filter.value).ok_or_else(|| bad(Vec::new()))?;
            term(f.outcome, code)
        }
        FilterField::Person => {
            let matches = names::resolve(people, &filter.value);
            if matches.is_empty() {
                return Err(CompileError::NoSuchPerson {
                    name: filter.value.clone(),
                    suggestions: names::suggestions(people, &filter.value, 3),
                });
            }
            // Everyone the `person` command would list (`person:scott` is Tim Scott and Scott
            // Brown), typos only when nobody answers to the name itself.
            let exact = matches.iter().any(|m| m.kind != names::MatchKind::Typo);
            let people: Vec<_> = matches
                .iter()
                .filter(|m| !exact || m.kind != names::MatchKind::Typo)
                .collect();
            for m in &people {
                // Highlight the sentences that name them by surname.
                let surname = m.person.name.rsplit(' ').next().unwrap_or(&m.person.name);
                let mut spec = AtomSpec::default();
                for lang in LANGS {
                    spec.exact[li(lang)] = texts(analyze(an.exact(lang), surname));
                    spec.stem[li(lang)] = texts(analyze(an.stem(lang), surname));
                }
                atoms.push(spec);
            }
            any(people
                .iter()
                .map(|m| term(f.person, &m.person.id))
                .collect())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testing::{corpus_engine, corpus_words};

    /// The terms of `field` an automaton accepts in every segment, walked the way tantivy
    /// walks them for a `FuzzyTermQuery`: term dictionary by term dictionary.
    fn tantivy_walk<A>(searcher: &tantivy::Searcher, field: Field, automaton: &A) -> Vec<String>
    where
        A: tantivy_fst::Automaton,
        A::State: Clone,
    {
        let mut terms = FxHashSet::default();
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(field).unwrap();
            let mut stream = index.terms().search(automaton).into_stream().unwrap();
            while stream.advance() {
                terms.insert(std::str::from_utf8(stream.key()).unwrap().to_string());
            }
        }
        sorted(&terms)
    }

    fn sorted(terms: &FxHashSet<String>) -> Vec<String> {
        let mut terms: Vec<String> = terms.iter().cloned().collect();
        terms.sort_unstable();
        terms
    }

    /// A query word's typos, found by our automaton in each field's term dictionaries, are
    /// exactly the terms tantivy's Levenshtein DFA finds there, segment by segment, with the
    /// rule of the first letter (where two typos are allowed, a term that does not start with
    /// the word's first letter gets one): for every word of the corpus and a misspelling of
    /// each (two letters swapped, one left out or one added), in the exact fields of both
    /// languages and the compound parts.
    #[test]
    fn typos_find_what_tantivy_finds() {
        let (corpus, _dir, engine) = corpus_engine();
        let searcher = engine.opened.reader.searcher();
        let f = &engine.opened.fields;
        let mut words: Vec<String> = corpus_words(&corpus)
            .map(str::to_lowercase)
            .filter(|w| allowance(w) > 0)
            .collect();
        words.sort_unstable();
        words.dedup();
        let misspelt: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let mut chars: Vec<char> = w.chars().collect();
                match i % 3 {
                    0 => chars.swap(1, 2),
                    1 => drop(chars.remove(chars.len() / 2)),
                    _ => chars.insert(2, 'e'),
                }
                chars.into_iter().collect()
            })
            .collect();
        let mut an = Analyzers::new();
        let (mut compared, mut found, mut several) = (0, 0, 0);
        // Terms two typos away that the rule of the first letter leaves out.
        let mut first_letter = 0;
        for word in words.iter().chain(&misspelt) {
            let Some(mut s) = spec(&Atom::Word(word.clone()), &mut an, &[]) else {
                continue;
            };
            expand_typos(&mut s, f, &searcher).unwrap();
            let part = s.part.clone().zip(s.fuzzy[0].as_ref().map(|(_, n)| *n));
            // The typos of the exact forms come from the text's words and the facts' words.
            let forms = [
                (vec![f.de_exact, f.de_kb], s.fuzzy[0].clone(), &s.typos[0]),
                (vec![f.en_exact, f.en_kb], s.fuzzy[1].clone(), &s.typos[1]),
                (vec![f.de_parts], part, &s.part_typos),
            ];
            for (fields, form, expanded) in forms {
                let field = fields[0];
                let Some((form, n)) = form else {
                    assert!(expanded.is_empty(), "{word:?}: typos without an allowance");
                    continue;
                };
                // tantivy's DFA for the allowance, and where it is two, its DFA for one typo
                // for the terms that do not start with the word's first letter.
                let walk = |n: usize| {
                    let term = Term::from_field_text(field, &form);
                    let dfa = FuzzyTermQuery::new(term, n as u8, true)
                        .automaton()
                        .unwrap();
                    let mut terms: Vec<String> = fields
                        .iter()
                        .flat_map(|&field| tantivy_walk(&searcher, field, &dfa))
                        .collect();
                    terms.sort_unstable();
                    terms.dedup();
                    terms
                };
                let first = form.chars().next();
                let starts = |t: &String| t.chars().next() == first;
                let mut theirs = walk(n);
                if n == 2 {
                    let all = theirs.len();
                    theirs.retain(starts);
                    first_letter += all - theirs.len();
                    theirs.extend(walk(1).into_iter().filter(|t| !starts(t)));
                    theirs.sort_unstable();
                }
                // Parts reached by a typo are long ones only (`SHORTEST_PART_TYPO`).
                if field == f.de_parts {
                    theirs.retain(|t| t.chars().count() >= SHORTEST_PART_TYPO);
                }
                assert_eq!(sorted(expanded), theirs, "{form:?} with {n} typos");
                compared += 1;
                found += usize::from(!expanded.is_empty());
                several += usize::from(expanded.len() > 1);
            }
        }
        // The comparison is not empty: thousands of words, many finding terms, hundreds
        // finding neighbours besides themselves (5,266, 2,377 and 411 when written).
        eprintln!(
            "{compared} compared, {found} finding terms, {several} several, \
             {first_letter} left out by the first letter"
        );
        assert!(
            first_letter > 0,
            "the rule of the first letter left nothing out"
        );
        assert!(compared > 3_000, "compared {compared}");
        assert!(found > 2_000, "{found} of {compared} words found terms");
        assert!(
            several > 300,
            "{several} of {compared} words found several terms"
        );
    }
}
