//! Localization: the one place that turns message ids into text a person reads.
//!
//! Owns the Fluent bundles (`locales/<lang>/main.ftl`, embedded in the binary), language
//! negotiation (BCP 47 tags and POSIX locales, via unic-langid and fluent-langneg), and number
//! formatting the way each language writes numbers (`48,2` in German, `48.2` in English), which
//! fluent-rs does not do by itself. Everything else asks [`Localizer::t`] or
//! [`Localizer::t_args`] and never builds sentences from English fragments.

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use intl_memoizer::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

/// The languages senate-kb speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (`en-US` resources).
    En,
    /// German (`de` resources).
    De,
}

impl Lang {
    /// Every supported language, English first (it is the fallback).
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The short code used in JSON and in `--lang` (`en`, `de`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The directory under `locales/` that holds this language's resources.
    pub fn locale_dir(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::De => "de",
        }
    }

    /// The language identifier this language's bundle is built for.
    pub fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => unic_langid::langid!("en-US"),
            Lang::De => unic_langid::langid!("de"),
        }
    }

    /// Parses a BCP 47 tag (`de-CH`, `EN`) or a POSIX locale (`de_DE.UTF-8`, `de_AT@euro`)
    /// and negotiates it against the available languages. `None` when it names no language
    /// we have, or cannot be parsed at all.
    pub fn negotiate(requested: &str) -> Option<Lang> {
        let tag = posix_to_bcp47(requested)?;
        let wanted: LanguageIdentifier = tag.parse().ok()?;
        let available: Vec<LanguageIdentifier> = Lang::ALL.iter().map(|l| l.langid()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &[wanted],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        let first = chosen.first()?;
        Lang::ALL.into_iter().find(|l| &l.langid() == *first)
    }
}

/// Turns a POSIX locale name into a BCP 47 tag: drops the codeset (`.UTF-8`) and the modifier
/// (`@euro`), and replaces `_` with `-`. `C` and `POSIX` name no language: `None`.
fn posix_to_bcp47(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next().unwrap_or("").trim();
    if base.is_empty() || base.eq_ignore_ascii_case("c") || base.eq_ignore_ascii_case("posix") {
        return None;
    }
    Some(base.replace('_', "-"))
}

/// Formats numbers for one language: decimal separator, digit grouping and the fraction
/// digits a message asks for with `NUMBER($x, minimumFractionDigits: 1)`.
fn format_number(number: &FluentNumber, decimal: char, group: char) -> String {
    let opts: &FluentNumberOptions = &number.options;
    let max = opts.maximum_fraction_digits.unwrap_or(3);
    let min = opts.minimum_fraction_digits.unwrap_or(0).min(max);
    let mut text = format!("{:.*}", max, number.value.abs());
    if let Some(dot) = text.find('.') {
        let keep = dot + 1 + min;
        while text.len() > keep && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, d) in digits.iter().enumerate() {
        if opts.use_grouping && i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            grouped.push(group);
        }
        grouped.push(*d);
    }
    let mut out = String::new();
    if number.value < 0.0 && number.value.abs() > 0.0 {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(decimal);
        out.push_str(&f);
    }
    out
}

fn formatter_en(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n, '.', ',')),
        _ => None,
    }
}

fn formatter_de(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n, ',', '.')),
        _ => None,
    }
}

/// The Fluent source of a language, as embedded in the binary.
pub fn resource_text(lang: Lang) -> &'static str {
    let path = format!("{}/main.ftl", lang.locale_dir());
    crate::embedded::LOCALE_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
        .unwrap_or("")
}

/// Builds the bundle of one language, with number formatting and without Unicode isolation
/// marks (they show as garbage in many terminals).
pub fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = match FluentResource::try_new(resource_text(lang).to_string()) {
        Ok(r) => r,
        // A syntax error in a shipped resource is caught by the locale tests; at run time the
        // messages that did parse are still better than none.
        Err((r, _)) => r,
    };
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => formatter_en,
        Lang::De => formatter_de,
    }));
    // Both only fail on duplicate ids, which the locale tests rule out.
    let _ = bundle.add_builtins();
    let _ = bundle.add_resource(resource);
    bundle
}

/// Argument values for [`Localizer::t_args`].
pub type Args<'a> = FluentArgs<'a>;

/// The localization facade: one language, one bundle. The resource is parsed on the first
/// message asked for: a search that prints only hits never pays for it.
pub struct Localizer {
    lang: Lang,
    bundle: std::cell::OnceCell<FluentBundle<FluentResource>>,
}

impl Localizer {
    /// A localizer for `lang`.
    pub fn new(lang: Lang) -> Self {
        Localizer {
            lang,
            bundle: std::cell::OnceCell::new(),
        }
    }

    fn bundle(&self) -> &FluentBundle<FluentResource> {
        self.bundle.get_or_init(|| bundle(self.lang))
    }

    /// The language this localizer speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of message `id` (or `id.attribute`) without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The text of message `id` (or `id.attribute`) with arguments.
    pub fn t_args(&self, id: &str, args: &Args) -> String {
        self.format(id, Some(args))
    }

    /// Whether the bundle has message `id` (or `id.attribute`), without falling back.
    pub fn has(&self, id: &str) -> bool {
        let (msg, attr) = split_id(id);
        match self.bundle().get_message(msg) {
            Some(m) => match attr {
                Some(a) => m.get_attribute(a).is_some(),
                None => m.value().is_some(),
            },
            None => false,
        }
    }

    /// Formats a message, collecting Fluent's resolution errors: a missing message shows as
    /// its id so the gap is visible (and the locale tests fail on it) instead of silently
    /// switching language.
    fn format(&self, id: &str, args: Option<&Args>) -> String {
        let (msg, attr) = split_id(id);
        let Some(message) = self.bundle().get_message(msg) else {
            return id.to_string();
        };
        let pattern = match attr {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle()
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// Formats a number the way this language writes it (`48,2`), with `min`..=`max`
    /// fraction digits.
    pub fn number(&self, value: f64, min: usize, max: usize) -> String {
        let options = FluentNumberOptions {
            minimum_fraction_digits: Some(min),
            maximum_fraction_digits: Some(max),
            use_grouping: true,
            ..Default::default()
        };
        let n = FluentNumber::new(value, options);
        match self.lang {
            Lang::En => format_number(&n, '.', ','),
            Lang::De => format_number(&n, ',', '.'),
        }
    }
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        let de = Localizer::new(Lang::De);
        let en = Localizer::new(Lang::En);
        assert_eq!(de.number(48.2, 0, 2), "48,2");
        assert_eq!(en.number(48.2, 0, 2), "48.2");
        assert_eq!(de.number(58.0, 0, 2), "58");
        assert_eq!(de.number(72.19, 0, 2), "72,19");
        assert_eq!(en.number(1234567.0, 0, 0), "1,234,567");
        assert_eq!(de.number(1234567.0, 0, 0), "1.234.567");
        assert_eq!(en.number(2014.0, 0, 0), "2014");
        assert_eq!(en.number(0.5, 1, 1), "0.5");
    }

    #[test]
    fn posix_and_bcp47_tags_negotiate() {
        for (input, want) in [
            ("de", Some(Lang::De)),
            ("de-CH", Some(Lang::De)),
            ("de_DE.UTF-8", Some(Lang::De)),
            ("de_AT@euro", Some(Lang::De)),
            ("EN", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("fr", None),
            ("fr_FR.UTF-8", None),
            ("C", None),
            ("POSIX", None),
            ("C.UTF-8", None),
            ("", None),
            ("!!", None),
        ] {
            assert_eq!(Lang::negotiate(input), want, "{input}");
        }
    }
}

#[cfg(test)]
mod resource_tests {
    use super::*;

    #[test]
    fn every_resource_parses() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = fluent_syntax::parser::parse(resource_text(lang)) {
                let text = resource_text(lang);
                let lines: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        format!(
                            "line {}: {:?}",
                            text[..e.pos.start].matches('\n').count() + 1,
                            e.kind
                        )
                    })
                    .collect();
                panic!("{}: {}", lang.locale_dir(), lines.join("\n"));
            }
        }
    }
}
