//! What each question answers, as typed values that serialize to the contract's JSON: a race
//! and the races ([`race`]), a search ([`search`]), a person ([`person`]), the
//! election at a glance ([`stats`]), and [`write_json`], the one way they are
//! written. The command line prints them as text or as JSON; the same values are the
//! JSON of the HTTP API.

pub mod person;
pub mod race;
pub mod search;
pub mod stats;

use std::io;

use crate::text::safe::is_unsafe;

/// Writes one JSON document and a newline. Strings are escaped as usual, and, beyond what
/// `serde_json` escapes (C0 controls only), every [unsafe](is_unsafe) character is written as
/// a `\uXXXX` escape: the data is the same for a JSON reader, and a query such as
/// `"x\u{9b}2J"` or `"x\u{202e}"` echoed in `"query"` cannot act on a terminal showing it.
pub fn write_json(out: &mut impl io::Write, value: &impl serde::Serialize) -> io::Result<()> {
    write_escaped(out, value, Escapes { markup: false })
}

/// Writes one JSON document and a newline as [`write_json`] does, and also escapes what HTML
/// acts on (`<`, `>`, `&`, `'`) as `\uXXXX`: for documents that echo a request in a message
/// (the HTTP API's error bodies), so that the echo is inert even where a page shows it raw.
pub fn write_json_inert(out: &mut impl io::Write, value: &impl serde::Serialize) -> io::Result<()> {
    write_escaped(out, value, Escapes { markup: true })
}

fn write_escaped(
    out: &mut impl io::Write,
    value: &impl serde::Serialize,
    escapes: Escapes,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, escapes);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// The compact JSON formatter, with [`write_json`]'s extra escapes (and, with `markup`,
/// [`write_json_inert`]'s).
struct Escapes {
    markup: bool,
}

impl serde_json::ser::Formatter for Escapes {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) || (self.markup && matches!(c, '<' | '>' | '&' | '\'')) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Every unsafe character is in the Basic Multilingual Plane: one escape.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_escapes_what_a_terminal_would_act_on() {
        let mut out = Vec::new();
        let value = serde_json::json!({"q": "a\u{1b}[2J\u{7f}\u{9b}\u{202e}\u{61c}ü\n"});
        super::write_json(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\"q\":\"a\\u001b[2J\\u007f\\u009b\\u202e\\u061cü\\n\"}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn inert_json_also_escapes_markup() {
        let mut out = Vec::new();
        let value = serde_json::json!({"q": "<b onload='x'>&amp;\u{1b}"});
        super::write_json_inert(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\"q\":\"\\u003cb onload=\\u0027x\\u0027\\u003e\\u0026amp;\\u001b\"}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
