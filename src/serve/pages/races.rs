//! `/races`: the races as `races` lists them, a table of state, winner, party, outcome and
//! share (the command line's columns), filtered by the command line's filters as facet links
//! ([`super::facets`]: `?outcome=gain&party=R&special=true`, read as `/api/races` reads them)
//! and sorted by a column's heading (`?sort=share`, `?sort=-share` for the other way round),
//! all links, so that it works without a script.

use std::cmp::Ordering;

use askama::Template;

use super::chrome::{Chrome, Section, href, segment};
use super::facets::{FacetGroup, facets, filter_params, filtered_href};
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, Outcome};
use crate::l10n::{Args, Localizer};
use crate::serve::error::{ApiError, Expected};
use crate::serve::params::Params;
use crate::serve::state::Ready;
use crate::text::fold;
use crate::views::race::{Filter, RaceJson, race};

/// The columns, by the `sort` value that orders by each, with their heading's message.
const COLUMNS: [(&str, &str); 5] = [
    ("state", "col-state"),
    ("winner", "col-winner"),
    ("party", "col-party"),
    ("outcome", "col-outcome"),
    ("share", "col-share"),
];

/// What the page was asked.
pub struct Request {
    /// The races to show.
    pub filter: Filter,
    /// The column to sort by (an index into the columns) and whether downwards; `None`: in
    /// article order.
    pub sort: Option<(usize, bool)>,
}

impl Request {
    /// Reads `outcome`, `party`, `special`, `sort` and `lang`.
    pub fn read(params: &Params) -> Result<Request, ApiError> {
        params.allow(&["outcome", "party", "special", "sort", "lang"])?;
        let sort = params.parsed(
            "sort",
            Expected::OneOf("state, winner, party, outcome, share (- before one: downwards)"),
            |v| {
                let (down, name) = v.strip_prefix('-').map_or((false, v), |n| (true, n));
                COLUMNS
                    .iter()
                    .position(|(c, _)| *c == name)
                    .map(|i| (i, down))
            },
        )?;
        Ok(Request {
            filter: params.races_filter()?,
            sort,
        })
    }

    /// The `sort` parameter's value, if any.
    fn sort_param(&self) -> Option<String> {
        self.sort
            .map(|(i, down)| format!("{}{}", if down { "-" } else { "" }, COLUMNS[i].0))
    }
}

/// A column's heading: a link that sorts by it (or the other way round when it does).
pub struct Heading {
    /// What it says.
    pub label: String,
    /// The link.
    pub href: String,
    /// `ascending` or `descending` when the table is sorted by it.
    pub sorted: Option<&'static str>,
}

/// One race in the table.
pub struct Row {
    /// The race's page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// The winner's page.
    pub winner_href: String,
    /// The winner.
    pub winner: String,
    /// The winner's party, a noun.
    pub party: String,
    /// Gain or hold.
    pub outcome: String,
    /// The share or lead.
    pub share: String,
}

/// The races page.
#[derive(Template)]
#[template(path = "races.html")]
pub struct RacesPage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The filters.
    pub facets: Vec<FacetGroup>,
    /// The columns.
    pub headings: Vec<Heading>,
    /// The races.
    pub rows: Vec<Row>,
    /// How many, in words (or that none passes).
    pub count: String,
}

/// What a race is sorted by in each column.
struct Keys<'c> {
    doc: &'c Document,
    json: RaceJson,
    row: Row,
}

fn compare(a: &Keys, b: &Keys, column: usize) -> Ordering {
    match COLUMNS[column].0 {
        "state" => fold::key(&a.row.title).cmp(&fold::key(&b.row.title)),
        "winner" => surname(&a.row.winner).cmp(&surname(&b.row.winner)),
        "party" => a
            .json
            .winner
            .as_ref()
            .map(|w| w.party)
            .cmp(&b.json.winner.as_ref().map(|w| w.party)),
        "outcome" => outcome(a.doc).cmp(&outcome(b.doc)),
        _ => share(a.doc).total_cmp(&share(b.doc)),
    }
}

fn surname(name: &str) -> String {
    fold::key(name.rsplit(' ').next().unwrap_or(name))
}

fn outcome(doc: &Document) -> u8 {
    match doc.facts.as_ref().map(|f| f.outcome.value) {
        Some(Outcome::Gain) => 0,
        _ => 1,
    }
}

/// The winner's share; a race the article gives only a lead for sorts below every share.
fn share(doc: &Document) -> f64 {
    doc.facts
        .as_ref()
        .and_then(|f| f.vote_share.as_ref())
        .map_or(f64::NEG_INFINITY, |s| s.percent)
}

/// Renders the races page.
pub fn render(ready: &Ready, l10n: &Localizer, request: &Request) -> String {
    let corpus = &ready.corpus;
    let lang = l10n.lang();
    let sort = request.sort_param();
    let sort_param: Vec<(&str, &str)> = sort.iter().map(|s| ("sort", s.as_str())).collect();
    let filters = filter_params(&request.filter);
    let mut params = sort_param.clone();
    params.extend(filters.iter().map(|(k, v)| (*k, v.as_str())));
    let chrome = Chrome::new(
        l10n,
        l10n.t("page-races-title"),
        Section::Races,
        "/races",
        &params,
    );
    let mut keyed: Vec<Keys> = request
        .filter
        .races(corpus)
        .into_iter()
        .filter_map(|doc| keys(corpus, doc, l10n))
        .collect();
    if let Some((column, down)) = request.sort {
        keyed.sort_by(|a, b| {
            let order = compare(a, b, column);
            if down { order.reverse() } else { order }
        });
    }
    let all: Vec<&str> = corpus.races().map(|d| d.id.as_str()).collect();
    let link = |filter| filtered_href("/races", &sort_param, filter, lang);
    let headings = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (name, message))| {
            let sorted = request.sort.filter(|(c, _)| *c == i);
            let next = match sorted {
                Some((_, false)) => format!("-{name}"),
                _ => name.to_string(),
            };
            Heading {
                label: l10n.t(message),
                href: filtered_href("/races", &[("sort", &next)], request.filter, lang),
                sorted: sorted.map(|(_, down)| if down { "descending" } else { "ascending" }),
            }
        })
        .collect();
    let count = if keyed.is_empty() {
        l10n.t("races-none")
    } else {
        let mut args = Args::new();
        args.set("count", keyed.len());
        l10n.t_args("races-count", &args)
    };
    let page = RacesPage {
        facets: facets(corpus, &all, request.filter, &link, l10n),
        headings,
        rows: keyed.into_iter().map(|k| k.row).collect(),
        count,
        chrome,
    };
    page.render().expect("the races page renders")
}

/// A race's row and what it sorts by; `None` for a race without a winner.
fn keys<'c>(corpus: &'c Corpus, doc: &'c Document, l10n: &Localizer) -> Option<Keys<'c>> {
    let facts = doc.facts.as_ref()?;
    let winner = corpus.person(&facts.winner.value)?;
    let json = race(corpus, doc, l10n, false, false);
    let lang = l10n.lang();
    let mut args = Args::new();
    args.set("outcome", facts.outcome.value.as_str());
    let row = Row {
        href: href(&format!("/race/{}", segment(&doc.id)), &[], lang),
        title: json.title.clone(),
        winner_href: href(&format!("/person/{}", segment(&winner.id)), &[], lang),
        winner: winner.name.clone(),
        party: answer::party_noun(l10n, winner),
        outcome: l10n.t_args("outcome-short", &args),
        share: answer::share_phrase(l10n, facts, true),
    };
    Some(Keys { doc, json, row })
}
