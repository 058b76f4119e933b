//! The table of hostile inputs that every command taking text from the user is run with
//! (`tests/hostile.rs`) and every route taking text over HTTP is asked with
//! (`tests/serve_hostile.rs`): broken query syntax, lone operators, bad filters, range
//! syntax, huge inputs, control characters, bidirectional overrides, terminal escape
//! sequences, invalid UTF-8.

use std::ffi::OsString;

/// A hostile argument and what it is.
pub struct Case {
    /// What it is.
    pub name: String,
    /// The argument.
    pub arg: OsString,
}

fn case(name: impl Into<String>, arg: impl Into<OsString>) -> Case {
    Case {
        name: name.into(),
        arg: arg.into(),
    }
}

/// The table. Each argument is given as one argument (a shell would quote it).
pub fn cases() -> Vec<Case> {
    let mut cases = vec![
        // Unbalanced quotes and parentheses.
        case("open quote", "\"Max Baucus"),
        case("close quote", "Max Baucus\""),
        case("lone quote", "\""),
        case("empty quotes", "\"\""),
        case("three quotes", "\"\"\""),
        case("German open quote", "„Plagiat"),
        case("guillemet", "»Plagiat"),
        case("open paren", "(Plagiat"),
        case("close paren", "Plagiat)"),
        case("parens only", "(("),
        case("unbalanced OR group", "(Stichwahl OR runoff"),
        // Lone operators.
        case("AND", "AND"),
        case("OR", "OR"),
        case("OR OR", "OR OR"),
        case("NOT", "NOT"),
        case("ODER", "ODER"),
        case("minus", "-"),
        case("double minus", "--x"),
        case("plus", "+"),
        case("tilde", "~"),
        case("boost", "^2"),
        case("star", "*"),
        case("operators only", "AND OR NOT - + ~ ^2 *"),
        case("pipes", "|| &&"),
        // Empty and unknown field filters.
        case("empty state", "state:"),
        case("unknown state", "state:ZZ"),
        case("unknown party", "party:Q"),
        case("unknown outcome", "outcome:maybe"),
        case("empty person", "person:"),
        case("unknown person", "person:zzyzx"),
        case("unknown field", "colour:red"),
        case("colon only", ":"),
        case("double colon", "state::MT"),
        case("filter with open quote", "person:\"tom"),
        case("negated filter", "-state:MT"),
        // An excluded phrase whose words never stand together (found by the fuzzer: a
        // tantivy debug assertion, exit 101 in a debug build).
        case("excluded phrase that never occurs", "2014 -\"beinah e\""),
        case("excluded word that splits", "Georgia -Favor👨it"),
        // Range syntax.
        case("inclusive range", "[a TO b]"),
        case("exclusive range", "{a TO b}"),
        case("state range", "state:[A TO Z]"),
        // Empty and blank.
        case("empty", ""),
        case("blank", "   "),
        // Huge inputs.
        case("100 KB", "x".repeat(100_000)),
        case("100 KB of words", "Wahl ".repeat(20_000)),
        case("10 000 emoji", "🗳".repeat(10_000)),
        case("100 KB of quotes", "\"".repeat(100_000)),
        // Bidirectional overrides and marks.
        case("RLO", "Zzyzx\u{202e}txet"),
        case("LRO", "\u{202d}Plagiat"),
        case("RLE PDF", "\u{202b}Plagiat\u{202c}"),
        case("isolates", "\u{2066}\u{2067}\u{2068}Plagiat\u{2069}"),
        case("marks", "\u{200e}Plagiat\u{200f}\u{61c}"),
        case("RLO in filter", "state:\u{202e}TM"),
        case("RLO in person", "person:\u{202e}lladu"),
        // Terminal escape sequences.
        case("CSI", "\u{1b}[2JPlagiat"),
        case("CSI colour", "\u{1b}[31mZzyzx\u{1b}[0m"),
        case("OSC with BEL", "\u{1b}]0;owned\u{7}Zzyzx"),
        case(
            "OSC with ST",
            "\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\",
        ),
        case("DCS", "\u{1b}P1$r\u{1b}\\Plagiat"),
        case("8-bit CSI", "\u{9b}2JZzyzx"),
        case("8-bit OSC with ST", "\u{9d}0;owned\u{9c}Zzyzx"),
        case("escape in filter", "state:\u{1b}[2J"),
        case("escape in person", "person:\u{1b}]0;x\u{7}"),
        case("escape in race name", "Mon\u{1b}[2Jtana"),
        case("escape after a hit", "Plagiat \u{1b}[2J"),
    ];
    // Every C0 control but NUL (the OS refuses it in an argument), DEL, and every C1 control,
    // each inside a word that matches nothing (so it is echoed in the message), and all of
    // them after a word that matches (so they meet the answer's printing).
    let c0: String = (1u8..0x20).chain([0x7f]).map(char::from).collect();
    let c1: String = (0x80u32..0xa0).filter_map(char::from_u32).collect();
    for c in c0.chars().chain(c1.chars()) {
        cases.push(case(format!("U+{:04X}", u32::from(c)), format!("Zz{c}yzx")));
    }
    cases.push(case("C0 after a hit", format!("Plagiat{c0}")));
    cases.push(case("C1 after a hit", format!("Plagiat{c1}")));
    cases.push(case("C0 alone", c0));
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        for (name, bytes) in [
            ("invalid UTF-8", &b"P\xff\xfex"[..]),
            ("lone lead byte", b"Plagiat\xc3"),
            ("overlong NUL", b"\xc0\x80"),
            ("encoded surrogate", b"\xed\xa0\x80"),
            ("invalid UTF-8 after ESC", b"\x1b[2J\xff"),
        ] {
            cases.push(case(name, OsString::from_vec(bytes.to_vec())));
        }
    }
    cases
}

/// A character a terminal would act on, or that reorders text: any control but newline and
/// tab, and the bidirectional controls.
pub fn unsafe_char(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    })
}
