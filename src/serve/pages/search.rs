//! `/search?q=…`: what the command line's `search` finds, as a page. The hits come from the
//! same engine call and the same view as `/api/search` ([`crate::views::search::SearchView`]);
//! the page adds:
//!
//! - the last word as a prefix ([`as_you_type`]), as a search box that answers while one
//!   types must (`Plagi` finds `Plagiat`); the script that searches as you type
//!   (`assets/search.js`) asks this page, so a page loaded from the address it keeps shows
//!   the same;
//! - the answer line for result questions ([`answer_line`]), the partial-match notice, each
//!   hit's best sentence with its matches marked and, beneath it, the other language's
//!   sentence when the match was there too (as a bilingual concordance shows it);
//! - facets ([`super::facets`]): how many hits each winner's party, outcome and special
//!   elections have, as links that filter the hits.

use askama::Template;
use axum::http::StatusCode;

use super::chrome::{Chrome, Section, href, segment};
use super::facets::{FacetGroup, facets, filter_params, filtered_href};
use super::marks::{self, Piece};
use crate::error::Error;
use crate::kb::corpus::Corpus;
use crate::l10n::{Args, Lang, Localizer};
use crate::search::query::{self, Atom, Item, Query, QueryError};
use crate::search::{Found, SearchError};
use crate::serve::error::ApiError;
use crate::serve::params::Params;
use crate::serve::state::Ready;
use crate::text::safe::{sanitize, shorten};
use crate::views::race::Filter;
use crate::views::search::{HitView, SearchView, snippet};

/// What the page was asked.
pub struct Request {
    /// The query as typed.
    pub text: String,
    /// It parsed, with the last word as a prefix; `None` when nothing was typed.
    parsed: Option<Result<Query, QueryError>>,
    /// The facets chosen.
    pub filter: Filter,
}

impl Request {
    /// Reads `q`, `lang` and the facets (`party`, `outcome`, `special`, as `/api/races` takes
    /// them).
    pub fn read(params: &Params) -> Result<Request, ApiError> {
        params.allow(&["q", "lang", "party", "outcome", "special"])?;
        let text = params.get("q").unwrap_or("").to_string();
        let parsed = (!text.trim().is_empty()).then(|| {
            query::parse(&text).map(|mut q| {
                as_you_type(&text, &mut q);
                q
            })
        });
        Ok(Request {
            text,
            parsed,
            filter: params.races_filter()?,
        })
    }

    /// Searches (blocks: run it off the async threads). A query that cannot be parsed, or
    /// whose filter names nothing, is refused with the command line's message, which the
    /// page shows with the query still in the box; only the index failing is an error.
    pub fn search(&self, ready: &Ready) -> Result<Searched, ApiError> {
        let query = match &self.parsed {
            None => return Ok(Searched::Nothing),
            Some(Err(e)) => return Ok(Searched::Refused(Error::Query(e.clone()))),
            Some(Ok(query)) => query,
        };
        let mut engine = ready.engines.lease();
        // Every document: the facets count them all, and there are few.
        match engine.find(query, ready.corpus.documents.len()) {
            Ok(found) => Ok(Searched::Found(found)),
            Err(SearchError::Compile(e)) => Ok(Searched::Refused(Error::Filter(e))),
            Err(e) => Err(e.into()),
        }
    }
}

/// What a search came to.
pub enum Searched {
    /// Nothing was typed.
    Nothing,
    /// The query was refused, for this reason.
    Refused(Error),
    /// What it found.
    Found(Found),
}

impl Searched {
    /// 400 for a refused query, else 200.
    pub fn status(&self) -> StatusCode {
        match self {
            Searched::Refused(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::OK,
        }
    }
}

/// Makes the last word of a query a prefix as well as a word, as a search box that answers
/// while one types must: `Plagi` finds `Plagiat`, and a whole word still matches as a word
/// (with its stem and a forgiven typo), above its prefix. Only a plain word of at least two
/// letters or digits at the very end counts: after a space the word is finished, and a
/// phrase, a filter, an exclusion or a word with `*` or a hyphen is left as typed.
pub fn as_you_type(text: &str, query: &mut Query) {
    if text.ends_with(char::is_whitespace) {
        return;
    }
    let Some(last) = text.split_whitespace().last() else {
        return;
    };
    if last.chars().count() < 2
        || !last.chars().all(char::is_alphanumeric)
        || ["OR", "AND", "NOT"].contains(&last)
    {
        return;
    }
    if let Some(group) = query.groups.last_mut()
        && matches!(group.as_slice(), [Item::Atom(Atom::Word(w))] if w == last)
    {
        group.push(Item::Atom(Atom::Prefix(last.to_string())));
    }
}

/// What [`as_you_type`] made of the last word, as the relaxed notice would name it
/// (`plagi OR plagi*`): the word as typed.
fn as_typed(word: &str) -> String {
    match word.split_once(" OR ") {
        Some((w, p)) if p.strip_suffix('*') == Some(w) => w.to_string(),
        _ => word.to_string(),
    }
}

/// The answer to a result question (`who won Iowa`), when the search has one: the race and
/// its one-line answer, linked. Takes what the search view's `answer` holds, `(id, summary)`.
pub fn answer_line(answer: Option<(&str, &str)>, lang: Lang) -> Option<AnswerLine> {
    let (id, summary) = answer?;
    Some(AnswerLine {
        href: race_href(id, lang),
        summary: summary.to_string(),
    })
}

/// The answer line.
pub struct AnswerLine {
    /// The race's page.
    pub href: String,
    /// Its one-line answer.
    pub summary: String,
}

/// The answer the search view holds, for [`answer_line`]: the race and its summary.
fn answer_of(view: &SearchView) -> Option<(&str, &str)> {
    view.answer
        .as_ref()
        .map(|a| (a.id.as_str(), a.summary.as_str()))
}

/// One hit as the page shows it.
pub struct HitLine {
    /// The race's page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// Its one-line outcome (empty for the overview).
    pub summary: String,
    /// The best sentence in the page's language, matches marked.
    pub own: Vec<Piece>,
    /// The other language's sentence, when the match was there.
    pub other: Option<OtherLine>,
}

/// The other language's sentence under a hit.
pub struct OtherLine {
    /// Its language's code.
    pub lang: &'static str,
    /// Its language's name.
    pub label: String,
    /// The sentence, matches marked.
    pub pieces: Vec<Piece>,
}

/// The search page.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The answer to a result question.
    pub answer: Option<AnswerLine>,
    /// Why there is nothing to show: the query cannot be parsed, nothing matches, a person
    /// filter names nobody; or the partial-match notice above what matches the other words.
    pub notice: Option<String>,
    /// Whether the notice is an error.
    pub error: bool,
    /// How many hits are shown, in words; empty when no search ran.
    pub count: String,
    /// The facets.
    pub facets: Vec<FacetGroup>,
    /// The hits.
    pub hits: Vec<HitLine>,
    /// A hint when nothing was typed.
    pub hint: Option<String>,
}

/// Renders the search page for what `request` came to.
pub fn render(ready: &Ready, l10n: &Localizer, request: &Request, searched: &Searched) -> String {
    let lang = l10n.lang();
    let corpus = &ready.corpus;
    let title = if request.text.trim().is_empty() {
        l10n.t("page-search-title")
    } else {
        let mut args = Args::new();
        args.set("query", sanitize(&shorten(&request.text)));
        l10n.t_args("page-search-results", &args)
    };
    let filters = filter_params(&request.filter);
    let mut params = vec![("q", request.text.as_str())];
    params.extend(filters.iter().map(|(k, v)| (*k, v.as_str())));
    let mut chrome = Chrome::new(l10n, title, Section::Search, "/search", &params);
    chrome.search.query = request.text.clone();
    let mut page = SearchPage {
        chrome,
        answer: None,
        notice: None,
        error: false,
        count: String::new(),
        facets: Vec::new(),
        hits: Vec::new(),
        hint: None,
    };
    let found = match searched {
        Searched::Nothing => {
            page.hint = Some(l10n.t("page-search-hint"));
            return page.render().expect("the search page renders");
        }
        Searched::Refused(e) => {
            page.notice = Some(e.render(l10n));
            page.error = true;
            return page.render().expect("the search page renders");
        }
        Searched::Found(found) => found,
    };
    let view = SearchView::new(&request.text, lang, found);
    page.answer = answer_line(answer_of(&view), lang);
    let mut args = Args::new();
    args.set("query", sanitize(&shorten(&request.text)));
    let hits: &[HitView] = if let Some(nobody) = &found.nobody {
        page.notice = Some(Error::Filter(nobody.clone()).render(l10n));
        &[]
    } else if view.total > 0 {
        &view.hits
    } else if let Some(relaxed) = &view.relaxed {
        let without: Vec<String> = relaxed.without.iter().map(|w| as_typed(w)).collect();
        args.set(
            "without",
            crate::commands::search::word_list(&without, l10n),
        );
        page.notice = Some(l10n.t_args("search-relaxed", &args));
        &relaxed.hits
    } else {
        page.notice = Some(l10n.t_args("search-none", &args));
        &[]
    };
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    let link = |filter| filtered_href("/search", &[("q", &request.text)], filter, lang);
    page.facets = facets(corpus, &ids, request.filter, &link, l10n);
    page.hits = hits
        .iter()
        .filter(|h| accepts(corpus, &request.filter, &h.id))
        .map(|h| hit_line(h, lang, l10n))
        .collect();
    if !hits.is_empty() {
        let mut args = Args::new();
        args.set("count", page.hits.len());
        page.count = l10n.t_args("page-hits", &args);
    }
    page.render().expect("the search page renders")
}

/// Whether a hit passes the chosen facets (all hits when none is chosen, the overview too).
fn accepts(corpus: &Corpus, filter: &Filter, id: &str) -> bool {
    let none = filter.outcome.is_none() && filter.party.is_none() && !filter.special;
    none || corpus
        .document(id)
        .is_some_and(|d| filter.accepts(corpus, d))
}

/// A race's page (the overview's too).
fn race_href(id: &str, lang: Lang) -> String {
    href(&format!("/race/{}", segment(id)), &[], lang)
}

/// A hit as a line of the page.
fn hit_line(hit: &HitView, lang: Lang, l10n: &Localizer) -> HitLine {
    let other_lang = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    let (own, other) = match (&hit.sentence, &hit.sentence_highlights) {
        (Some(sentence), Some(marks)) => {
            let pick = |l: Lang| match l {
                Lang::De => (sentence.de.as_str(), marks.de.as_slice()),
                Lang::En => (sentence.en.as_str(), marks.en.as_slice()),
            };
            let (text, ranges) = pick(lang);
            let (other_text, other_ranges) = pick(other_lang);
            let other = (!other_ranges.is_empty()).then(|| {
                let mut args = Args::new();
                args.set("lang", other_lang.code());
                OtherLine {
                    lang: other_lang.code(),
                    label: l10n.t_args("search-other-language", &args),
                    pieces: cut(other_text, other_ranges),
                }
            });
            (cut(text, ranges), other)
        }
        _ => (Vec::new(), None),
    };
    HitLine {
        href: race_href(&hit.id, lang),
        title: hit.title.clone(),
        summary: hit.summary.clone(),
        own,
        other,
    }
}

/// A sentence cut to a snippet around its first match (as the view cuts its own), marked
/// at the character ranges.
fn cut(text: &str, ranges: &[(usize, usize)]) -> Vec<Piece> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |c: usize| bytes[c.min(bytes.len() - 1)];
    let byte_ranges: Vec<(usize, usize)> =
        ranges.iter().map(|&(a, b)| (byte(a), byte(b))).collect();
    let (snippet, marked) = snippet(text, &byte_ranges);
    marks::by_chars(&snippet, &marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Query {
        let mut q = query::parse(text).unwrap();
        as_you_type(text, &mut q);
        q
    }

    #[test]
    fn the_last_plain_word_is_also_a_prefix() {
        let q = parsed("Wahl Plagi");
        assert_eq!(
            q.groups.last().unwrap(),
            &vec![
                Item::Atom(Atom::Word("Plagi".into())),
                Item::Atom(Atom::Prefix("Plagi".into()))
            ]
        );
        assert_eq!(q.groups[0], vec![Item::Atom(Atom::Word("Wahl".into()))]);
    }

    #[test]
    fn finished_or_special_words_stay_as_typed() {
        for text in [
            "Plagiat ",
            "P",
            "\"Max Baucus\"",
            "Stichwahl -Georgia",
            "plag*",
            "party:R",
            "Kopf-an-Kopf",
            "Stichwahl OR runoff",
        ] {
            let plain = query::parse(text).unwrap();
            let mut q = plain.clone();
            as_you_type(text, &mut q);
            // "Stichwahl OR runoff" ends in a word of a group of two: left alone too.
            assert_eq!(q, plain, "{text}");
        }
    }

    #[test]
    fn the_relaxed_notice_names_the_word_as_typed() {
        let q = parsed("Plagi");
        let group = q.groups.last().unwrap();
        // What the engine's notice calls the group, rebuilt the way it writes it.
        let label = group
            .iter()
            .map(|item| match item {
                Item::Atom(Atom::Word(w)) => w.clone(),
                Item::Atom(Atom::Prefix(p)) => format!("{p}*"),
                _ => unreachable!(),
            })
            .collect::<Vec<_>>()
            .join(" OR ");
        assert_eq!(as_typed(&label), "Plagi");
        assert_eq!(as_typed("Stichwahl OR runoff"), "Stichwahl OR runoff");
    }

    #[test]
    fn an_answer_line_links_its_race() {
        let line = answer_line(Some(("ia", "Joni Ernst won Iowa.")), Lang::De).unwrap();
        assert_eq!(line.href, "/race/ia?lang=de");
        assert_eq!(line.summary, "Joni Ernst won Iowa.");
        assert!(answer_line(None, Lang::En).is_none());
    }

    #[test]
    fn snippets_keep_their_marks_on_the_words_matched() {
        let text = format!(
            "{} Plagiatsvorwurf {}",
            "Wort ".repeat(80),
            "Ende ".repeat(20)
        );
        let start = text.find("Plagiat").unwrap();
        let start = text[..start].chars().count();
        let pieces = cut(&text, &[(start, start + 7)]);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["Plagiat"]);
        let shown: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(shown.starts_with("… ") && shown.chars().count() < text.chars().count());
    }
}
