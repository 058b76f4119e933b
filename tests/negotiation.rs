//! Language negotiation on the real binary: `--lang`, `SENATE_KB_LANG`, `LC_ALL`,
//! `LC_MESSAGES`, `LANG` in that order, BCP 47 tags and POSIX locales, regional variants,
//! quiet fallback for system locales we lack, and a localized error (exit 2) for an explicit
//! request we cannot meet.

mod common;

use common::*;

/// The first line of `stats`: stable, and different in each language.
const EN: &str = "The 2014 US Senate elections";
const DE: &str = "Die US-Senatswahlen 2014";

/// Runs `args` with `env` on a clean environment.
fn run_with(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = cmd();
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run senate-kb")
}

/// The language `stats` speaks with these arguments and environment; asserts success and a
/// quiet stderr on the way.
fn language(args: &[&str], env: &[(&str, &str)]) -> &'static str {
    let out = run_with(args, env);
    let context = format!("{args:?} {env:?}");
    assert_eq!(out.status.code(), Some(0), "{context}: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "{context}: stderr must be empty");
    match stdout(&out).lines().next() {
        Some(EN) => "en",
        Some(DE) => "de",
        other => panic!("{context}: unexpected first line {other:?}"),
    }
}

/// Arguments, environment variables and the language they must give.
type Case = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    &'static str,
);

#[test]
fn every_way_of_asking_gives_the_right_language() {
    #[rustfmt::skip]
    let table: &[Case] = &[
        // Nothing set: English.
        (&["stats"], &[], "en"),
        // --lang: tags, any case, regions, POSIX locales.
        (&["--lang", "de", "stats"], &[], "de"),
        (&["--lang", "DE", "stats"], &[], "de"),
        (&["-l", "de-AT", "stats"], &[], "de"),
        (&["--lang", "de_DE.UTF-8", "stats"], &[], "de"),
        (&["--lang", "de-CH", "stats"], &[], "de"),
        (&["--lang", "en-GB", "stats"], &[], "en"),
        (&["--lang", "EN", "stats"], &[], "en"),
        (&["--lang", "en", "stats"], &[], "en"),
        (&["--lang=de", "stats"], &[], "de"),
        (&["-lde", "stats"], &[], "de"),
        // --lang after the command.
        (&["stats", "--lang", "de"], &[], "de"),
        (&["stats", "-l", "de-AT"], &[], "de"),
        (&["stats", "--lang=de_DE.UTF-8"], &[], "de"),
        // The environment, one variable at a time.
        (&["stats"], &[("SENATE_KB_LANG", "de")], "de"),
        (&["stats"], &[("SENATE_KB_LANG", "de_AT@euro")], "de"),
        (&["stats"], &[("SENATE_KB_LANG", "en")], "en"),
        (&["stats"], &[("LC_ALL", "de_DE.UTF-8")], "de"),
        (&["stats"], &[("LC_MESSAGES", "de_CH.UTF-8")], "de"),
        (&["stats"], &[("LANG", "de_DE.UTF-8")], "de"),
        (&["stats"], &[("LANG", "de_AT")], "de"),
        (&["stats"], &[("LANG", "en_US.UTF-8")], "en"),
        // System locales we do not have: English, without a word (stderr is checked).
        (&["stats"], &[("LANG", "fr_FR.UTF-8")], "en"),
        (&["stats"], &[("LANG", "C")], "en"),
        (&["stats"], &[("LANG", "POSIX")], "en"),
        (&["stats"], &[("LANG", "C.UTF-8")], "en"),
        (&["stats"], &[("LC_ALL", "fr_FR.UTF-8")], "en"),
        // Precedence: --lang, SENATE_KB_LANG, LC_ALL, LC_MESSAGES, LANG.
        (&["--lang", "en", "stats"], &[("SENATE_KB_LANG", "de")], "en"),
        (&["--lang", "de", "stats"], &[("SENATE_KB_LANG", "en")], "de"),
        (&["stats", "--lang", "en"], &[("SENATE_KB_LANG", "de"), ("LANG", "de_DE.UTF-8")], "en"),
        (&["stats"], &[("SENATE_KB_LANG", "de"), ("LC_ALL", "en_US.UTF-8")], "de"),
        (&["stats"], &[("SENATE_KB_LANG", "en"), ("LC_ALL", "de_DE.UTF-8")], "en"),
        (&["stats"], &[("LC_ALL", "de_DE.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")], "de"),
        (&["stats"], &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "de_DE.UTF-8")], "en"),
        (&["stats"], &[("LC_MESSAGES", "de_DE.UTF-8"), ("LANG", "en_US.UTF-8")], "de"),
        (&["stats"], &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "de_DE.UTF-8")], "en"),
        (&["stats"], &[("LC_ALL", "en_US.UTF-8"), ("LANG", "de_DE.UTF-8")], "en"),
        // The first variable that is set decides, even when we lack its language.
        (&["stats"], &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "de_DE.UTF-8")], "en"),
        // Set but empty is skipped.
        (&["stats"], &[("LC_ALL", ""), ("LANG", "de_DE.UTF-8")], "de"),
        (&["stats"], &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "de_DE.UTF-8")], "de"),
        (&["stats"], &[("SENATE_KB_LANG", ""), ("LC_MESSAGES", "de_CH.UTF-8")], "de"),
        // An explicit --lang that works wins over an unusable SENATE_KB_LANG.
        (&["--lang", "de", "stats"], &[("SENATE_KB_LANG", "fr")], "de"),
        (&["--lang", "en", "stats"], &[("SENATE_KB_LANG", "fr"), ("LANG", "de_DE.UTF-8")], "en"),
    ];
    let mut wrong = Vec::new();
    for (args, env, want) in table {
        let got = language(args, env);
        if got != *want {
            wrong.push(format!("{args:?} {env:?}: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn help_follows_the_negotiated_language() {
    let out = run_with(&["--help"], &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(help.contains("\nAufruf: senate-kb"), "{help}");
    let out = run_with(&["race", "--help"], &[("LC_ALL", "en_GB.UTF-8")]);
    assert!(
        stdout(&out).contains("\nUsage: senate-kb race"),
        "{}",
        stdout(&out)
    );
}

/// Runs `args` with `env`, asserts exit 2 with nothing on stdout, and returns stderr.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = run_with(args, env);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} {env:?}: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "", "{args:?} {env:?}");
    stderr(&out)
}

const FR_EN: &str =
    "senate-kb: error: the language “fr” is not available; available languages: de, en\n";
const FR_DE: &str =
    "senate-kb: Fehler: die Sprache „fr“ ist nicht verfügbar; verfügbare Sprachen: de, en\n";

#[test]
fn an_unavailable_language_asked_for_is_an_error_naming_the_available_ones() {
    // Nothing else says which language to speak: English.
    assert_eq!(refused(&["--lang", "fr", "stats"], &[]), FR_EN);
    assert_eq!(refused(&["stats", "--lang", "fr"], &[]), FR_EN);
    assert_eq!(refused(&["stats"], &[("SENATE_KB_LANG", "fr")]), FR_EN);
    assert_eq!(
        refused(&["stats"], &[("SENATE_KB_LANG", "fr_FR.UTF-8")]),
        FR_EN.replace("“fr”", "“fr_FR.UTF-8”")
    );
    assert_eq!(refused(&["--lang", "fr", "stats"], &[("LANG", "C")]), FR_EN);
}

#[test]
fn the_error_speaks_the_language_the_environment_asks_for() {
    // The system locale is German: the user reads German, the French they asked for is the
    // problem.
    assert_eq!(
        refused(&["--lang", "fr", "stats"], &[("LANG", "de_DE.UTF-8")]),
        FR_DE
    );
    assert_eq!(
        refused(
            &["stats"],
            &[("SENATE_KB_LANG", "fr"), ("LC_ALL", "de_AT.UTF-8")]
        ),
        FR_DE
    );
    // A valid SENATE_KB_LANG is the user's language when only --lang is wrong.
    assert_eq!(
        refused(&["--lang", "fr", "stats"], &[("SENATE_KB_LANG", "de")]),
        FR_DE
    );
    assert_eq!(
        refused(
            &["--lang", "fr", "stats"],
            &[("SENATE_KB_LANG", "en"), ("LANG", "de_DE.UTF-8")]
        ),
        FR_EN
    );
}

#[test]
fn nonsense_and_empty_tags_are_refused_too() {
    for tag in ["", "!!", "C", "xx-YY-zz-1234567890"] {
        let err = refused(&["--lang", tag, "stats"], &[]);
        assert!(
            err.starts_with("senate-kb: error: the language “") && err.ends_with("de, en\n"),
            "{tag:?}: {err}"
        );
    }
}
