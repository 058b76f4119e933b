//! `/race/{id}`: one race as `race {id}` answers it, from the same view
//! ([`crate::views::race::race`]): the one-line answer, the facts table (the command line's
//! rows), the people with their roles, each a link to their page, and the narrative in
//! German, in English, or side by side unit by unit (`?text=de|en|both`, links that work
//! without a script; the page's language by default). `id` is what the command line takes: a
//! race id or a state's name; `overview` is the article's introduction.

use askama::Template;

use super::chrome::{Chrome, Section, href, segment};
use crate::commands;
use crate::kb::answer;
use crate::kb::corpus::Document;
use crate::l10n::{Lang, Localizer};
use crate::serve::error::{ApiError, Expected};
use crate::serve::params::Params;
use crate::serve::state::Ready;
use crate::views::race::TextJson;

/// Which narrative to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextView {
    /// One language.
    One(Lang),
    /// German and English side by side.
    Both,
}

impl TextView {
    const ALL: [TextView; 3] = [
        TextView::One(Lang::De),
        TextView::One(Lang::En),
        TextView::Both,
    ];

    /// The parameter's value (`de`, `en`, `both`).
    fn code(self) -> &'static str {
        match self {
            TextView::One(lang) => lang.code(),
            TextView::Both => "both",
        }
    }
}

/// What the page was asked.
pub struct Request {
    /// The narrative asked for; the page's language when none is.
    pub text: Option<TextView>,
}

impl Request {
    /// Reads `text` and `lang`.
    pub fn read(params: &Params) -> Result<Request, ApiError> {
        params.allow(&["text", "lang"])?;
        let text = params.parsed("text", Expected::OneOf("de, en, both"), |v| {
            TextView::ALL.into_iter().find(|t| t.code() == v)
        })?;
        Ok(Request { text })
    }
}

/// A fact row.
pub struct FactRow {
    /// What it is.
    pub label: String,
    /// Its value.
    pub value: String,
}

/// A person of the race.
pub struct PersonLine {
    /// Their page.
    pub href: String,
    /// Their name.
    pub name: String,
    /// Their party, as a noun in the page's language.
    pub party: String,
    /// Their roles in this race.
    pub roles: String,
}

/// A link to one view of the narrative.
pub struct ViewLink {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub label: String,
    /// Whether it is shown.
    pub current: bool,
}

/// A unit side by side.
pub struct Pair {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
    /// Whether it starts a paragraph (the first does not count).
    pub new_paragraph: bool,
}

/// The race page.
#[derive(Template)]
#[template(path = "race.html")]
pub struct RacePage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The one-line answer (`None` for the overview).
    pub summary: Option<String>,
    /// The facts.
    pub facts: Vec<FactRow>,
    /// The people.
    pub people: Vec<PersonLine>,
    /// The narrative's views.
    pub views: Vec<ViewLink>,
    /// The narrative in one language, by paragraph, when one is shown.
    pub paragraphs: Vec<String>,
    /// Its language's code.
    pub text_lang: &'static str,
    /// Both languages, unit by unit, when side by side.
    pub pairs: Vec<Pair>,
    /// The two columns' headings, German and English.
    pub columns: [String; 2],
}

/// The document `id` names: a race as the command line finds it, or the overview.
fn document<'c>(ready: &'c Ready, id: &str, l10n: &Localizer) -> Result<&'c Document, ApiError> {
    let corpus = &ready.corpus;
    if id == "overview" {
        return corpus.overview().ok_or(ApiError::NotFound);
    }
    Ok(commands::race::find(corpus, &[id.to_string()], l10n)?)
}

/// Renders the page of the race `id` names.
pub fn render(
    ready: &Ready,
    l10n: &Localizer,
    id: &str,
    request: &Request,
) -> Result<String, ApiError> {
    let corpus = &ready.corpus;
    let lang = l10n.lang();
    let doc = document(ready, id, l10n)?;
    let json = crate::views::race::race(corpus, doc, l10n, true, false);
    let shown = request.text.unwrap_or(TextView::One(lang));
    let path = format!("/race/{}", segment(&json.id));
    let text_param: Vec<(&str, &str)> = request.text.iter().map(|t| ("text", t.code())).collect();
    let chrome = Chrome::new(l10n, json.title.clone(), Section::Races, &path, &text_param);
    let facts = doc
        .facts
        .as_ref()
        .map(|f| commands::race::fact_rows(corpus, f, l10n))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|row| {
            let mut row = row.into_iter();
            Some(FactRow {
                label: row.next()?,
                value: row.next()?,
            })
        })
        .collect();
    let people = json
        .people
        .iter()
        .filter_map(|p| {
            let person = corpus.person(&p.id)?;
            let roles = doc.participant(&p.id).map_or(&[][..], |x| &x.roles);
            Some(PersonLine {
                href: href(&format!("/person/{}", segment(&p.id)), &[], lang),
                name: p.name.clone(),
                party: answer::party_noun(l10n, person),
                roles: answer::roles(l10n, person, roles),
            })
        })
        .collect();
    let views = TextView::ALL
        .into_iter()
        .map(|view| {
            let label = match view {
                TextView::One(l) => l10n.t(&format!("language-{}", l.code())),
                TextView::Both => l10n.t("page-text-both"),
            };
            ViewLink {
                href: href(&path, &[("text", view.code())], lang),
                label,
                current: view == shown,
            }
        })
        .collect();
    let units: &[TextJson] = json.text.as_deref().unwrap_or(&[]);
    let (paragraphs, text_lang, pairs) = match shown {
        TextView::One(l) => (paragraphs(units, l), l.code(), Vec::new()),
        TextView::Both => (Vec::new(), lang.code(), pairs(units)),
    };
    let page = RacePage {
        chrome,
        summary: json.summary.clone(),
        facts,
        people,
        views,
        paragraphs,
        text_lang,
        pairs,
        columns: [l10n.t("language-de"), l10n.t("language-en")],
    };
    Ok(page.render().expect("the race page renders"))
}

/// The narrative in one language, each paragraph's units joined by a space (as the article
/// has them).
fn paragraphs(units: &[TextJson], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for unit in units {
        let text = match lang {
            Lang::De => &unit.de,
            Lang::En => &unit.en,
        };
        match out.last_mut() {
            Some(p) if last == Some(unit.paragraph) => {
                p.push(' ');
                p.push_str(text);
            }
            _ => out.push(text.clone()),
        }
        last = Some(unit.paragraph);
    }
    out
}

/// Both languages, unit by unit.
fn pairs(units: &[TextJson]) -> Vec<Pair> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| Pair {
            de: u.de.clone(),
            en: u.en.clone(),
            new_paragraph: i > 0 && units[i - 1].paragraph != u.paragraph,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(paragraph: u32, de: &str, en: &str) -> TextJson {
        TextJson {
            de: de.into(),
            en: en.into(),
            paragraph,
        }
    }

    #[test]
    fn paragraphs_join_their_units_and_pairs_mark_where_one_starts() {
        let units = [
            unit(1, "A.", "a."),
            unit(1, "B.", "b."),
            unit(2, "C.", "c."),
        ];
        assert_eq!(paragraphs(&units, Lang::De), ["A. B.", "C."]);
        assert_eq!(paragraphs(&units, Lang::En), ["a. b.", "c."]);
        let starts: Vec<bool> = pairs(&units).iter().map(|p| p.new_paragraph).collect();
        assert_eq!(starts, [false, false, true]);
    }
}
