//! What every page has around its content ([`Chrome`], printed by `templates/base.html`):
//! the title, the site's name and navigation, the search box, the language switch that keeps
//! the page and its query, the credit to the source article and its licence, and the assets.
//!
//! Also how the pages write their links ([`href`]): a path, its parameters percent-encoded,
//! and `lang` always, so that a reader who chose a language keeps it from link to link.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::assets;
use crate::l10n::{Args, Lang, Localizer};
use crate::serve::lang::with_l10n;

/// What the parameters of a link may hold unencoded: RFC 3986's unreserved characters.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Where the source article is read (the German Wikipedia, under the title a mirror gives).
pub const ARTICLE_URL: &str =
    "https://de.wikipedia.org/wiki/Wahl_zum_Senat_der_Vereinigten_Staaten_2014";
/// The licence of the article, and so of its translation.
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by-sa/4.0/";

/// A link to `path` with `params` (empty values left out) and `lang`.
pub fn href(path: &str, params: &[(&str, &str)], lang: Lang) -> String {
    let mut out = String::from(path);
    let mut sep = '?';
    for (name, value) in params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .chain(std::iter::once(&("lang", lang.code())))
    {
        out.push(sep);
        out.push_str(name);
        out.push('=');
        out.extend(utf8_percent_encode(value, COMPONENT));
        sep = '&';
    }
    out
}

/// One path segment (a race or person id), percent-encoded.
pub fn segment(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// The frame of a page.
pub struct Chrome<'a> {
    /// The page's language, through which every string comes.
    pub l10n: &'a Localizer,
    /// Its code, for `<html lang>`.
    pub lang: &'static str,
    /// The page's own title (the `<h1>`); `<title>` adds the site's name.
    pub title: String,
    /// The link to the home page.
    pub home: String,
    /// The navigation: the races' table and the people.
    pub nav: Vec<NavLink>,
    /// The language switch: this page in each language.
    pub switch: Vec<LangLink>,
    /// The search box at the top of the page.
    pub search: SearchBox,
    /// The credit, in pieces (some of them links).
    pub credit: Vec<Segment>,
    /// The stylesheet's address.
    pub css: &'static str,
    /// The script's address (search as you type).
    pub js: &'static str,
    /// The icon's address.
    pub icon: &'static str,
}

/// A link of the navigation.
pub struct NavLink {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub label: String,
    /// Whether it is the page shown.
    pub current: bool,
}

/// The page in one language.
pub struct LangLink {
    /// The address of this page, its query kept, in that language.
    pub href: String,
    /// The language's name in itself (`Deutsch`).
    pub label: String,
    /// Its code (`de`).
    pub code: &'static str,
    /// Whether it is the page's language.
    pub current: bool,
}

/// The search form every page starts with.
pub struct SearchBox {
    /// What was searched for (the search page), else empty.
    pub query: String,
    /// Whether the box takes the focus when the page opens (the home page).
    pub autofocus: bool,
}

/// A piece of a sentence: text, or a link.
pub struct Segment {
    /// The text.
    pub text: String,
    /// Where it links to, if it does.
    pub href: Option<&'static str>,
}

/// Which page of the navigation is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The home page or a search.
    Search,
    /// The races' table or a race.
    Races,
    /// A person or a lookup.
    People,
}

impl<'a> Chrome<'a> {
    /// The frame of the page at `path` with `params` (its own parameters, `lang` left out:
    /// the switch sets it), titled `title`.
    pub fn new(
        l10n: &'a Localizer,
        title: String,
        section: Section,
        path: &str,
        params: &[(&str, &str)],
    ) -> Chrome<'a> {
        let lang = l10n.lang();
        let nav = [
            (Section::Races, "/races", "page-nav-races"),
            (Section::People, "/people", "page-nav-people"),
        ]
        .into_iter()
        .map(|(s, path, id)| NavLink {
            href: href(path, &[], lang),
            label: l10n.t(id),
            current: s == section,
        })
        .collect();
        Chrome {
            l10n,
            lang: lang.code(),
            title,
            home: href("/", &[], lang),
            nav,
            switch: Lang::ALL
                .into_iter()
                .map(|other| LangLink {
                    href: href(path, params, other),
                    label: with_l10n(other, |own| own.t(&format!("language-{}", other.code()))),
                    code: other.code(),
                    current: other == lang,
                })
                .collect(),
            search: SearchBox {
                query: String::new(),
                autofocus: false,
            },
            credit: credit(l10n),
            css: assets::url("site.css"),
            js: assets::url("search.js"),
            icon: assets::url("icon.svg"),
        }
    }

    /// The text of a message (for the templates).
    pub fn t(&self, id: &str) -> String {
        self.l10n.t(id)
    }
}

/// The credit: the German Wikipedia's article and its licence, the English a translation.
fn credit(l10n: &Localizer) -> Vec<Segment> {
    rich(
        l10n,
        "page-credit",
        &[
            ("article", l10n.t("page-credit-article"), ARTICLE_URL),
            ("licence", l10n.t("page-credit-licence"), LICENCE_URL),
        ],
    )
}

/// A message cut into segments around the links it holds: each `(argument, text, href)`
/// becomes a link where the message places `{ $argument }`. The message is formatted with a
/// private-use character for each link and cut at them, so that the words around the links
/// come from Fluent, in the language's own order, and no markup is ever put into text.
pub fn rich(l10n: &Localizer, id: &str, links: &[(&str, String, &'static str)]) -> Vec<Segment> {
    let marker = |i: usize| char::from_u32(0xE000 + i as u32).expect("a private-use character");
    let mut args = Args::new();
    for (i, (name, _, _)) in links.iter().enumerate() {
        args.set(*name, marker(i).to_string());
    }
    let text = l10n.t_args(id, &args);
    let mut segments = Vec::new();
    let mut rest = text.as_str();
    while let Some((at, c)) = rest
        .char_indices()
        .find(|(_, c)| (0xE000..0xE000 + links.len() as u32).contains(&u32::from(*c)))
    {
        if at > 0 {
            segments.push(Segment {
                text: rest[..at].to_string(),
                href: None,
            });
        }
        let (_, label, url) = &links[(u32::from(c) - 0xE000) as usize];
        segments.push(Segment {
            text: label.clone(),
            href: Some(url),
        });
        rest = &rest[at + c.len_utf8()..];
    }
    if !rest.is_empty() {
        segments.push(Segment {
            text: rest.to_string(),
            href: None,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_their_parameters_encoded_and_the_language() {
        assert_eq!(href("/races", &[], Lang::De), "/races?lang=de");
        assert_eq!(
            href(
                "/search",
                &[("q", "Kopf-an-Kopf \"Max\" <x>&y=ü"), ("party", "")],
                Lang::En
            ),
            "/search?q=Kopf-an-Kopf%20%22Max%22%20%3Cx%3E%26y%3D%C3%BC&lang=en"
        );
        assert_eq!(segment("a/../b c"), "a%2F..%2Fb%20c");
    }

    #[test]
    fn the_credit_names_the_article_and_the_licence_in_each_language() {
        for lang in Lang::ALL {
            let l10n = Localizer::new(lang);
            let segments = credit(&l10n);
            let links: Vec<&str> = segments.iter().filter_map(|s| s.href).collect();
            assert_eq!(links, [ARTICLE_URL, LICENCE_URL], "{lang:?}");
            let text: String = segments.iter().map(|s| s.text.as_str()).collect();
            assert!(
                text.contains("Wahl zum Senat der Vereinigten Staaten 2014"),
                "{text}"
            );
            assert!(text.contains("CC BY-SA"), "{text}");
            assert!(text.contains("Wikipedia"), "{text}");
            assert!(!text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
        }
    }
}
