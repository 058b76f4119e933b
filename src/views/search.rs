//! The answer to a search, as the contract's `search` JSON has it: the hits, each with its
//! outcome and its best sentence cut to a snippet with the matches marked in characters, and,
//! when nothing matches every word, what matches the rest.
//!
//! The fields of each shape are declared in alphabetical order, the order the JSON has always
//! had (it was built as a `serde_json` map).

use serde::Serialize;

use crate::l10n::Lang;
use crate::search::{Found, Hit};

/// How long a snippet may be before it is cut around its first match, in characters.
const SNIPPET_MAX: usize = 240;
/// Characters of context kept before the first match when cutting.
const SNIPPET_BEFORE: usize = 60;

/// The `search` document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchView {
    /// When the query asks for a race's result (`who won Iowa`): the race and its one-line
    /// summary, the answer; `null` otherwise.
    pub answer: Option<AnswerView>,
    /// The hits, best first (empty when nothing matches every word).
    pub hits: Vec<HitView>,
    /// The output language.
    pub lang: &'static str,
    /// The query as typed, words joined by spaces.
    pub query: String,
    /// When nothing matches every word: what matches the rest, and which words it leaves out.
    pub relaxed: Option<RelaxedView>,
    /// How many documents match every word.
    pub total: usize,
}

/// The answer to a result question.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AnswerView {
    /// The race's id.
    pub id: String,
    /// Its one-line summary in the output language.
    pub summary: String,
}

/// What matches the rest of a query that nothing matches in full.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RelaxedView {
    /// The best of them.
    pub hits: Vec<HitView>,
    /// How many documents match the rest.
    pub total: usize,
    /// The words left out, as typed.
    pub without: Vec<String>,
}

/// One hit.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HitView {
    /// The matches in [`HitView::snippet`], as `[start, end)` character offsets.
    #[schema(value_type = Vec<[usize; 2]>)]
    pub highlights: Vec<(usize, usize)>,
    /// The document id (`mt`, `overview`).
    pub id: String,
    /// `race` or `overview`.
    pub kind: String,
    /// The language the match was in (`null` when the query had no words).
    pub matched_lang: Option<&'static str>,
    /// The BM25-based score, to three decimals.
    pub score: f64,
    /// The best sentence in both languages (`null` when the query had no words).
    pub sentence: Option<Sentence>,
    /// The matches in each language's sentence, as character offsets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_highlights: Option<SentenceHighlights>,
    /// The best sentence in the output language (or where the match can be seen), cut to
    /// [`SNIPPET_MAX`] characters around its first match.
    pub snippet: String,
    /// The race's one-line outcome in the output language (empty for the overview).
    pub summary: String,
    /// The title in the output language.
    pub title: String,
    /// The best sentence's unit in its document, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<usize>,
}

/// A sentence in both languages.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Sentence {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

/// Character ranges in each language's sentence.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SentenceHighlights {
    /// In the German sentence.
    #[schema(value_type = Vec<[usize; 2]>)]
    pub de: Vec<(usize, usize)>,
    /// In the English sentence.
    #[schema(value_type = Vec<[usize; 2]>)]
    pub en: Vec<(usize, usize)>,
}

impl SearchView {
    /// The view of what a search for `query` found, in `lang`.
    pub fn new(query: &str, lang: Lang, found: &Found) -> SearchView {
        let shown = found.relaxed.as_ref().map_or(&found.hits, |r| &r.hits);
        let answer = found.answer.as_ref().and_then(|id| {
            let hit = shown.iter().find(|h| &h.id == id)?;
            Some(AnswerView {
                id: id.clone(),
                summary: hit.summary(lang).to_string(),
            })
        });
        SearchView {
            answer,
            hits: found.hits.iter().map(|h| HitView::new(h, lang)).collect(),
            lang: lang.code(),
            query: query.to_string(),
            relaxed: found.relaxed.as_ref().map(|r| RelaxedView {
                hits: r.hits.iter().map(|h| HitView::new(h, lang)).collect(),
                total: r.total,
                without: r.without.clone(),
            }),
            total: found.total,
        }
    }
}

impl HitView {
    /// The view of a hit in `lang`.
    pub fn new(hit: &Hit, lang: Lang) -> HitView {
        let mut view = HitView {
            highlights: Vec::new(),
            id: hit.id.clone(),
            kind: hit.kind.clone(),
            matched_lang: None,
            score: (f64::from(hit.score) * 1000.0).round() / 1000.0,
            sentence: None,
            sentence_highlights: None,
            snippet: String::new(),
            summary: hit.summary(lang).to_string(),
            title: hit.title(lang).to_string(),
            unit: None,
        };
        if let Some(best) = &hit.best {
            let matched = best.matched_lang(lang);
            // The snippet is in the output language, unless the match can only be seen in
            // the other one (`matched_lang` says which).
            let shown = if best.highlights(lang).is_empty() {
                matched
            } else {
                lang
            };
            let (snippet, highlights) = snippet(best.sentence(shown), best.highlights(shown));
            view.matched_lang = Some(matched.code());
            view.snippet = snippet;
            view.highlights = highlights;
            view.sentence = Some(Sentence {
                de: best.de.clone(),
                en: best.en.clone(),
            });
            view.sentence_highlights = Some(SentenceHighlights {
                de: char_ranges(&best.de, best.highlights(Lang::De)),
                en: char_ranges(&best.en, best.highlights(Lang::En)),
            });
            view.unit = Some(best.unit);
        }
        view
    }
}

/// Byte ranges to character ranges.
fn char_ranges(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let to_char = |b: usize| text[..b.min(text.len())].chars().count();
    ranges
        .iter()
        .map(|&(a, b)| (to_char(a), to_char(b)))
        .collect()
}

/// The snippet of a sentence: the whole sentence when short, else a window that starts a
/// little before the first match, cut at word boundaries and marked with `…`. Returns the
/// snippet and the highlight ranges in characters of the snippet.
pub fn snippet(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let highlights = char_ranges(text, ranges);
    if chars.len() <= SNIPPET_MAX {
        return (text.to_string(), highlights);
    }
    let (first, first_end) = highlights.first().copied().unwrap_or_default();
    let mut start = first.saturating_sub(SNIPPET_BEFORE);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    // The first match is always shown whole, even when the word boundary before it is far.
    let mut end = (start + SNIPPET_MAX).max(first_end).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let mut out = String::new();
    let offset = if start > 0 {
        out.push_str("… ");
        2
    } else {
        0
    };
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push_str(" …");
    }
    let shifted = highlights
        .into_iter()
        .filter(|&(a, b)| a >= start && b <= end)
        .map(|(a, b)| (a - start + offset, b - start + offset))
        .collect();
    (out, shifted)
}
