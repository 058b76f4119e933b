//! The language of a request: `?lang=` (any tag the command line's `--lang` takes) wins,
//! else `Accept-Language`, negotiated tag by tag in the client's order of preference as the
//! command line negotiates a locale, else English. An unsupported `lang` is an error; an
//! `Accept-Language` we cannot serve falls back to English without a word, as an unsupported
//! system locale does on the command line.
//!
//! Also the localizers the handlers speak through: one per language and thread, made on
//! first use ([`with_l10n`]), since a Fluent bundle is neither shared between threads nor
//! worth parsing for every request.

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;

use super::error::ApiError;
use crate::l10n::{Lang, Localizer};

/// The language a request is answered in, as the language layer negotiated it (in the
/// request's extensions for the handlers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated(pub Lang);

/// The language of a request: the `lang` parameter's (`Err` when it names none we have),
/// else the best of `Accept-Language`, else English.
pub fn negotiate(lang_param: Option<&str>, headers: &HeaderMap) -> Result<Lang, ApiError> {
    if let Some(tag) = lang_param {
        return Lang::negotiate(tag).ok_or_else(|| ApiError::UnknownLanguage(tag.to_string()));
    }
    Ok(accepted(headers).unwrap_or(Lang::En))
}

/// The first language of `Accept-Language`, in the client's order of preference (`q`
/// values, then the order given), that we have. Malformed entries and `q=0` are skipped.
pub fn accepted(headers: &HeaderMap) -> Option<Lang> {
    let mut ranges: Vec<(&str, f32)> = headers
        .get_all(ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|range| {
            let mut parts = range.split(';').map(str::trim);
            let tag = parts.next().filter(|t| !t.is_empty() && *t != "*")?;
            let q = parts
                .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
                .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
            (q > 0.0 && q <= 1.0).then_some((tag, q))
        })
        .collect();
    // Stable: equal preferences keep the client's order.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges.into_iter().find_map(|(tag, _)| Lang::negotiate(tag))
}

thread_local! {
    /// English and German, in the order of [`Lang::ALL`].
    static LOCALIZERS: [Localizer; 2] = Lang::ALL.map(Localizer::new);
}

/// Runs `f` with this thread's localizer for `lang`.
pub fn with_l10n<R>(lang: Lang, f: impl FnOnce(&Localizer) -> R) -> R {
    LOCALIZERS.with(|all| {
        let l10n = all
            .iter()
            .find(|l| l.lang() == lang)
            .expect("a localizer for every language");
        f(l10n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(accept).unwrap());
        h
    }

    #[test]
    fn the_parameter_wins_then_the_header_then_english() {
        let de = headers("de-CH, en;q=0.5");
        assert_eq!(negotiate(Some("en-GB"), &de).unwrap(), Lang::En);
        assert_eq!(
            negotiate(Some("de_AT.UTF-8"), &HeaderMap::new()).unwrap(),
            Lang::De
        );
        assert_eq!(negotiate(None, &de).unwrap(), Lang::De);
        assert_eq!(negotiate(None, &HeaderMap::new()).unwrap(), Lang::En);
        assert_eq!(
            negotiate(Some("fr"), &de).unwrap_err().code(),
            "unknown-language"
        );
    }

    #[test]
    fn the_header_is_read_in_order_of_preference() {
        for (accept, want) in [
            ("fr-FR, de;q=0.8, en;q=0.7", Some(Lang::De)),
            ("en;q=0.3, de;q=0.9", Some(Lang::De)),
            ("fr, it;q=0.5", None),
            ("*", None),
            ("", None),
            ("de-DE, en", Some(Lang::De)),
            ("de;q=0, en;q=0.1", Some(Lang::En)),
            ("de;q=x, en;q=0.1", Some(Lang::En)),
            ("en-GB;q=0.8, de-AT", Some(Lang::De)),
        ] {
            assert_eq!(accepted(&headers(accept)), want, "{accept}");
        }
    }
}
