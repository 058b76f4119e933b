//! A request's query string, read strictly: percent-escapes must be whole and the text they
//! give valid UTF-8 without NUL, and no parameter may be given twice ([`Params::parse`]); a
//! route then says which parameters it takes ([`Params::allow`]) and reads them as the
//! command line reads its flags. Anything else is a 400 that names the parameter, never a
//! guess (a lossy decoding would search for something nobody typed).

use std::str::FromStr;

use clap::ValueEnum;

use super::error::{ApiError, Expected};
use crate::cli::args::{OutcomeArg, PartyArg};
use crate::views::race::Filter;

/// The decoded parameters of one request, in the order given.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses a query string (`application/x-www-form-urlencoded`, as a GET form sends it:
    /// `+` is a space). Empty pieces (`a=1&&b=2`) are skipped; a name without `=` has the
    /// empty value.
    pub fn parse(query: &str) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for piece in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            let name = decode(name).map_err(|()| ApiError::BadEncoding(name.to_string()))?;
            let value = decode(value).map_err(|()| ApiError::BadEncoding(name.clone()))?;
            if pairs.iter().any(|(n, _)| *n == name) {
                return Err(ApiError::RepeatedParameter(name));
            }
            pairs.push((name, value));
        }
        Ok(Params { pairs })
    }

    /// The value of a parameter, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Fails on the first parameter that is not one of `allowed`.
    pub fn allow(&self, allowed: &'static [&'static str]) -> Result<&Params, ApiError> {
        match self
            .pairs
            .iter()
            .find(|(n, _)| !allowed.contains(&n.as_str()))
        {
            Some((name, _)) => Err(ApiError::UnknownParameter {
                name: name.clone(),
                allowed,
            }),
            None => Ok(self),
        }
    }

    /// A parameter the route needs.
    pub fn required(&self, name: &'static str) -> Result<&str, ApiError> {
        self.get(name).ok_or(ApiError::MissingParameter(name))
    }

    /// A number, as `--limit` takes it (`0` to the largest `usize`).
    pub fn number(&self, name: &'static str) -> Result<Option<usize>, ApiError> {
        self.parsed(name, Expected::Message("http-expected-number"), |v| {
            // `usize::from_str` takes a leading `+`; the command line's clap does not.
            v.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| usize::from_str(v).ok())
                .flatten()
        })
    }

    /// `true` or `false`, for a flag of the command line (`--special`).
    pub fn boolean(&self, name: &'static str) -> Result<bool, ApiError> {
        let value = self.parsed(
            name,
            Expected::Message("http-expected-boolean"),
            |v| match v {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
        )?;
        Ok(value.unwrap_or(false))
    }

    /// The filter of `races` from `outcome`, `party` and `special`, read as the command
    /// line reads `--outcome`, `--party` (any case) and `--special`.
    pub fn races_filter(&self) -> Result<Filter, ApiError> {
        let outcome = self.parsed("outcome", Expected::OneOf("gain, hold"), |v| {
            OutcomeArg::from_str(v, false).ok()
        })?;
        let party = self.parsed("party", Expected::OneOf("D, R, I, L"), |v| {
            PartyArg::from_str(v, true).ok()
        })?;
        Ok(crate::commands::races::filter(
            outcome,
            party,
            self.boolean("special")?,
        ))
    }

    /// A value read with `read`, which says `None` for one it does not take.
    pub fn parsed<T>(
        &self,
        name: &'static str,
        expected: Expected,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match read(value) {
            Some(v) => Ok(Some(v)),
            None => Err(ApiError::BadParameter {
                name,
                value: value.to_string(),
                expected,
            }),
        }
    }
}

/// Percent-decodes one name or value strictly: `+` is a space, `%` must be followed by two
/// hexadecimal digits, the bytes must be UTF-8, and none may be NUL.
fn decode(text: &str) -> Result<String, ()> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(())?;
                // Two digits: `from_str_radix` alone would take `%+1`.
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return Err(());
                }
                let hex = std::str::from_utf8(hex).map_err(|_| ())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| ())?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    if out.contains(&0) {
        return Err(());
    }
    String::from_utf8(out).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_a_form_sends() {
        let p = Params::parse("q=Kopf-an-Kopf+Rennen&lang=de&x=%C3%BC%2F%3C&&flag").unwrap();
        assert_eq!(p.get("q"), Some("Kopf-an-Kopf Rennen"));
        assert_eq!(p.get("lang"), Some("de"));
        assert_eq!(p.get("x"), Some("ü/<"));
        assert_eq!(p.get("flag"), Some(""));
        assert_eq!(p.get("nope"), None);
    }

    #[test]
    fn refuses_what_is_not_text() {
        for query in [
            "q=%", "q=%4", "q=%zz", "q=%ff", "q=%c3", "q=a%00b", "%ff=1", "q=%+1",
        ] {
            let e = Params::parse(query).unwrap_err();
            assert_eq!(e.code(), "bad-encoding", "{query}");
        }
    }

    #[test]
    fn refuses_a_parameter_given_twice_and_one_not_taken() {
        let e = Params::parse("q=a&limit=1&q=b").unwrap_err();
        assert_eq!(e.code(), "repeated-parameter");
        let p = Params::parse("q=a&colour=red").unwrap();
        let e = p.allow(&["q", "lang"]).unwrap_err();
        assert_eq!(e.code(), "unknown-parameter");
        assert!(p.allow(&["q", "colour"]).is_ok());
    }

    #[test]
    fn numbers_and_booleans_as_the_command_line_takes_them() {
        let p =
            Params::parse("a=0&b=18446744073709551615&c=-1&d=%2B3&e=1e3&f=&t=true&u=yes").unwrap();
        assert_eq!(p.number("a").unwrap(), Some(0));
        assert_eq!(p.number("b").unwrap(), Some(usize::MAX));
        for bad in ["c", "d", "e", "f"] {
            assert_eq!(p.number(bad).unwrap_err().code(), "bad-parameter", "{bad}");
        }
        assert_eq!(p.number("z").unwrap(), None);
        assert!(p.boolean("t").unwrap());
        assert!(!p.boolean("z").unwrap());
        assert_eq!(p.boolean("u").unwrap_err().code(), "bad-parameter");
    }
}
