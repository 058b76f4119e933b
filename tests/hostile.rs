//! Hostile arguments on the real binary: every command that takes text from the user, every
//! case of a table of inputs (broken query syntax, lone operators, bad filters, range syntax,
//! huge inputs, control characters, bidirectional overrides, terminal escape sequences,
//! invalid UTF-8), in English and German, as text and as JSON. Each run must end with 0, 1 or
//! 2, say what went wrong in the user's language when it is 2, echo nothing a terminal would
//! act on, and answer within a generous bound of wall-clock time.

mod common;

use std::ffi::OsString;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{cmd, index, stderr, stdout};

/// The commands that take text from the user, as the words before it. One line per command.
const COMMANDS: &[&[&str]] = &[&["search"], &["race"], &["person"]];

/// Wall-clock bound per run: the contract asks for an answer within a second; this machine is
/// shared and loaded, so the assertion leaves room and the slowest run is printed.
const BOUND: Duration = Duration::from_secs(5);

/// A hostile argument and what it is.
struct Case {
    name: String,
    arg: OsString,
}

fn case(name: impl Into<String>, arg: impl Into<OsString>) -> Case {
    Case {
        name: name.into(),
        arg: arg.into(),
    }
}

/// The table. Each argument is given as one argument (a shell would quote it).
fn cases() -> Vec<Case> {
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
fn unsafe_char(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    })
}

/// One run of the matrix.
struct Run {
    label: String,
    json: bool,
    out: Output,
    took: Duration,
}

fn run(command: &[&str], case: &Case, lang: &str, json: bool) -> Run {
    let mut c = cmd();
    c.arg("--index").arg(index()).args(["--lang", lang]);
    if json {
        c.arg("--json");
    }
    c.args(command).arg(&case.arg);
    let started = Instant::now();
    let out = c.output().unwrap();
    Run {
        label: format!(
            "{} {:?} (--lang {lang}{})",
            command.join(" "),
            case.name,
            if json { " --json" } else { "" }
        ),
        json,
        out,
        took: started.elapsed(),
    }
}

/// Everything one run must satisfy on its own.
fn check_run(r: &Run) -> Result<(), String> {
    let code = r.out.status.code();
    if !matches!(code, Some(0..=2)) {
        return Err(format!(
            "exit {code:?}: {}",
            String::from_utf8_lossy(&r.out.stderr)
        ));
    }
    let (out, err) = (
        String::from_utf8(r.out.stdout.clone()).map_err(|_| "stdout is not UTF-8")?,
        String::from_utf8(r.out.stderr.clone()).map_err(|_| "stderr is not UTF-8")?,
    );
    for (stream, text) in [("stdout", &out), ("stderr", &err)] {
        if let Some(c) = unsafe_char(text) {
            return Err(format!("{c:?} raw on {stream}: {text:.300?}"));
        }
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
        return Err(format!("panic: {err}"));
    }
    if err.len() > 2000 || (code != Some(0) && out.len() > 2000) {
        return Err(format!("the input is echoed whole: {err:.200}"));
    }
    if code == Some(2) && err.trim().is_empty() {
        return Err("exit 2 without a message".into());
    }
    if r.json && !out.is_empty() {
        serde_json::from_str::<serde_json::Value>(&out)
            .map_err(|e| format!("stdout is not one JSON document ({e}): {out:.200}"))?;
    }
    if r.took > BOUND {
        return Err(format!("took {:?}", r.took));
    }
    Ok(())
}

/// The German run of a case against its English run: the same outcome, and an error or
/// notice on stderr in German, not in English.
fn check_languages(en: &Run, de: &Run) -> Result<(), String> {
    if en.out.status.code() != de.out.status.code() {
        return Err(format!(
            "exit {:?} in English, {:?} in German",
            en.out.status.code(),
            de.out.status.code()
        ));
    }
    let (en_err, de_err) = (stderr(&en.out), stderr(&de.out));
    if de.out.status.code() == Some(2) {
        if !en_err.starts_with("senate-kb: error: ") {
            return Err(format!("English error: {en_err}"));
        }
        if !de_err.starts_with("senate-kb: Fehler: ") {
            return Err(format!("German error: {de_err}"));
        }
    }
    if !de_err.is_empty() && de_err == en_err {
        return Err(format!("the German message is the English one: {de_err}"));
    }
    Ok(())
}

#[test]
fn hostile_arguments_to_every_command() {
    index();
    let cases = cases();
    // Each case in English and in German, one of them as text and the other as JSON, taking
    // turns: every case is seen in both languages, and text and JSON in both (the messages on
    // stderr are the same with --json; the JSON escapes do not depend on the language).
    let mut jobs = Vec::new();
    for command in COMMANDS {
        for (n, case) in cases.iter().enumerate() {
            jobs.push((*command, case, n % 2 == 1));
        }
    }
    // Four worker threads: the runs wait on processes as much as they compute.
    let results: Vec<(Run, Run)> = std::thread::scope(|s| {
        let chunks: Vec<_> = jobs.chunks(jobs.len().div_ceil(4)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|&(command, case, json)| {
                            (
                                run(command, case, "en", json),
                                run(command, case, "de", !json),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut failures = Vec::new();
    let mut slowest: Option<&Run> = None;
    let mut exits = [0usize; 3];
    for (en, de) in &results {
        for r in [en, de] {
            if let Err(why) = check_run(r) {
                failures.push(format!("{}: {why}", r.label));
            }
            if let Some(code @ 0..=2) = r.out.status.code() {
                exits[code as usize] += 1;
            }
            if slowest.is_none_or(|s| r.took > s.took) {
                slowest = Some(r);
            }
        }
        if let Err(why) = check_languages(en, de) {
            failures.push(format!("{}: {why}", de.label));
        }
    }
    if let Some(s) = slowest {
        eprintln!(
            "{} runs ({} cases × {} commands × en/de): exit 0/1/2 {exits:?}; \
             slowest {:?}: {}",
            results.len() * 2,
            cases.len(),
            COMMANDS.len(),
            s.took,
            s.label
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn any_limit_is_a_limit_or_a_usage_error() {
    // `--limit 18446744073709551615` overflowed inside tantivy (a panic in a debug build).
    for (limit, code) in [
        ("0", 0),
        ("1", 0),
        ("37", 0),
        ("4294967296", 0),
        ("18446744073709551615", 0),
        ("18446744073709551616", 2),
        ("-1", 2),
        ("1e3", 2),
        ("", 2),
        ("\u{1b}[2J", 2),
    ] {
        let out = cmd()
            .arg("--index")
            .arg(index())
            .args(["--json", "search", "--limit", limit, "Wahl"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "--limit {limit:?}: {err}");
        assert!(unsafe_char(&err).is_none(), "{err:?}");
        if code == 0 {
            let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            let hits = doc["hits"].as_array().unwrap().len();
            assert!((1..=37).contains(&hits), "--limit {limit}: {hits} hits");
        }
    }
}

#[test]
fn json_escapes_what_serde_json_leaves_raw() {
    // serde_json escapes only U+0000–U+001F: DEL, C1 controls and bidi overrides went out raw
    // in the "query" of `search --json`. Now they are \u escapes, and decode to the query.
    let query = "Zz\u{7f}y\u{9b}2J\u{202e}x";
    let out = cmd()
        .arg("--index")
        .arg(index())
        .args(["--json", "search", query])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(r#""query":"Zz\u007fy\u009b2J\u202ex""#),
        "{text}"
    );
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["query"], query);
}

#[test]
fn a_hostile_query_that_matches_still_answers() {
    // Control characters separate words; the words around them still find their race.
    for arg in [
        "Plagiat\u{7}",
        "\u{202e}Plagiat",
        "Plagiat\u{9b}",
        "\u{1b}Plagiat",
    ] {
        let out = cmd()
            .arg("--index")
            .arg(index())
            .args(["--json", "search", arg])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{arg:?}: {}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(doc["hits"][0]["id"], "mt", "{arg:?}");
        assert_eq!(doc["query"], arg);
    }
}
