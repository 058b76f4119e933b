//! The command line as clap parses it (raw flags, before anything is resolved), and the
//! localization of clap's side: help texts, value names and usage errors all come from Fluent,
//! so a German user reads German help.
//!
//! [`crate::cli::config::Config`] turns the parsed flags into the settings the commands use.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::l10n::{Args as FArgs, Localizer};
use crate::text::safe::sanitize;

/// senate-kb: the 2014 US Senate elections, in German and English.
#[derive(Debug, Parser)]
#[command(name = "senate-kb", version)]
pub struct Cli {
    /// Options that apply to every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the command. Their help comes from Fluent
/// (`cli-opt-<id>`), as does every other text of the command line.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output language.
    #[arg(short, long, global = true)]
    pub lang: Option<String>,
    /// JSON output.
    #[arg(long, global = true)]
    pub json: bool,
    /// When to colour.
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorChoice>,
    /// Corpus directory.
    #[arg(long, global = true)]
    pub corpus: Option<PathBuf>,
    /// Index directory.
    #[arg(long, global = true)]
    pub index: Option<PathBuf>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--party`: a party code, any case (also `/api/races?party=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, utoipa::ToSchema)]
#[value(rename_all = "UPPER")]
pub enum PartyArg {
    /// Democratic.
    D,
    /// Republican.
    R,
    /// Independent.
    I,
    /// Libertarian.
    L,
}

/// `--outcome` (also `/api/races?outcome=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum OutcomeArg {
    /// The seat changed party.
    Gain,
    /// The seat stayed with its party.
    Hold,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Full-text search.
    Search {
        /// The query; several words are joined.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        query: Vec<String>,
        /// At most this many hits.
        #[arg(long, short = 'n', default_value_t = crate::commands::search::DEFAULT_LIMIT)]
        limit: usize,
    },
    /// Every race a politician appears in.
    Person {
        /// The name; several words are joined (`person tom udall`).
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
        /// German and English side by side.
        #[arg(long)]
        parallel: bool,
    },
    /// One race.
    Race {
        /// Race id or state name; several words are joined (`race new hampshire`).
        #[arg(required = true, num_args = 1..)]
        race: Vec<String>,
        /// German and English side by side.
        #[arg(long)]
        parallel: bool,
    },
    /// The races as a table.
    Races {
        /// Only this outcome.
        #[arg(long, value_enum)]
        outcome: Option<OutcomeArg>,
        /// Only races this party won.
        #[arg(long, value_enum, ignore_case = true)]
        party: Option<PartyArg>,
        /// Only special elections.
        #[arg(long)]
        special: bool,
    },
    /// The election at a glance.
    Stats,
    /// Build or rebuild the index now.
    Index,
    /// Validate the corpus.
    Check,
    /// Export as NDJSON.
    Export,
    /// The same knowledge over HTTP: a JSON API (and, later, web pages).
    Serve {
        /// Where to listen: loopback by default; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
}

/// The Fluent id of an argument's help and of its value name, by argument id.
fn arg_messages(id: &str) -> (String, Option<&'static str>) {
    let value = match id {
        "lang" => Some("cli-value-tag"),
        "color" => Some("cli-value-when"),
        "corpus" | "index" => Some("cli-value-dir"),
        "query" => Some("cli-value-query"),
        "limit" => Some("cli-value-n"),
        "race" => Some("cli-value-race"),
        "name" => Some("cli-value-name"),
        "outcome" => Some("cli-value-outcome"),
        "party" => Some("cli-value-party"),
        "addr" => Some("cli-value-addr"),
        _ => None,
    };
    let help = if id == "race" || id == "query" || id == "name" {
        format!("cli-arg-{id}")
    } else {
        format!("cli-opt-{id}")
    };
    (help, value)
}

/// Where the global options start in a help's option list: after any command's own ones.
const GLOBAL_ORDER: usize = 100;
/// Where `--help` stands in every option list: last.
const HELP_ORDER: usize = 1000;

/// Applies Fluent texts to one command's arguments and headings.
fn localize_args(cmd: clap::Command, l10n: &Localizer) -> clap::Command {
    let options = l10n
        .t("cli-options-heading")
        .trim_end_matches(':')
        .to_string();
    let arguments = l10n
        .t("cli-arguments-heading")
        .trim_end_matches(':')
        .to_string();
    cmd.disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true),
        )
        .mut_args(move |arg| {
            let id = arg.get_id().as_str().to_string();
            let (help, value) = arg_messages(&id);
            let heading = if arg.is_positional() {
                arguments.clone()
            } else {
                options.clone()
            };
            // A command's own options first, then the global ones in their order, then
            // version and help, the way clap lists them when nothing is global.
            let order = match id.as_str() {
                "help" => HELP_ORDER,
                "version" => HELP_ORDER - 1,
                _ if arg.is_global_set() => GLOBAL_ORDER + arg.get_display_order(),
                _ => arg.get_display_order(),
            };
            let mut arg = arg
                .help(l10n.t(if id == "help" { "cli-help" } else { &help }))
                .help_heading(heading)
                .display_order(order);
            if id == "version" {
                arg = arg.help(l10n.t("cli-version"));
            }
            if let Some(value) = value {
                arg = arg.value_name(l10n.t(value));
            }
            if arg.get_action().takes_values() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            }
        })
}

/// The clap command with every text a person reads taken from Fluent.
pub fn command(l10n: &Localizer) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        l10n.t("cli-usage-heading")
    );
    let cmd = Cli::command()
        .about(l10n.t("cli-about"))
        .override_usage(l10n.t("cli-usage-root"))
        .help_template(template.clone())
        .subcommand_help_heading(
            l10n.t("cli-commands-heading")
                .trim_end_matches(':')
                .to_string(),
        )
        .subcommand_value_name(
            l10n.t("cli-usage-root")
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .trim_matches(['<', '>'])
                .to_string(),
        )
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        // Help wraps to the width the answers wrap to (COLUMNS, the terminal, else 100);
        // clap passes it on to the subcommands.
        .term_width(crate::cli::color::width())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    let cmd = localize_args(cmd, l10n);
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = sub
            .about(l10n.t(&format!("cli-cmd-{name}")))
            .override_usage(l10n.t(&format!("cli-usage-{name}")))
            .help_template(template.clone());
        localize_args(sub, l10n)
    })
}

/// Finds `--lang`/`-l` among the raw arguments before clap runs, so that clap's own texts can
/// be in that language. Invalid values are left to the normal parse. Query words of `search`
/// are not looked at (`search Wahl -libertarian` excludes a word, it asks for no language).
pub fn prescan_lang(args: &[OsString]) -> Option<String> {
    let args = search_words_last(args.to_vec());
    let mut iter = args.iter().skip(1);
    let mut found = None;
    while let Some(arg) = iter.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            found = Some(value.to_string());
        } else if arg == "--lang" || arg == "-l" {
            found = iter.next().and_then(|v| v.to_str()).map(str::to_string);
        } else if let Some(value) = arg
            .strip_prefix("-l")
            .filter(|v| !v.is_empty() && !arg.starts_with("--"))
        {
            found = Some(value.trim_start_matches('=').to_string());
        }
    }
    found
}

/// Parses the arguments with the localized command.
pub fn parse(args: Vec<OsString>, l10n: &Localizer) -> Result<Cli, clap::Error> {
    let args = search_words_last(args);
    // Most command lines parse: try the plain command first, and build the localized one
    // (every help text from Fluent) only for help and errors, which it then renders.
    if let Ok(matches) = Cli::command().try_get_matches_from(args.iter().cloned()) {
        if let Ok(cli) = Cli::from_arg_matches(&matches) {
            return Ok(cli);
        }
    }
    let mut cmd = command(l10n);
    let matches = cmd
        .try_get_matches_from_mut(args.iter().cloned())
        .map_err(|e| with_usage(e, &mut cmd, &args))?;
    Cli::from_arg_matches(&matches).map_err(|e| with_usage(e.with_cmd(&cmd), &mut cmd, &args))
}

/// Options that take a value, as `search` sees them (global ones included).
const VALUE_OPTIONS: [&str; 7] = [
    "--lang", "-l", "--color", "--corpus", "--index", "--limit", "-n",
];
/// Flags without a value.
const FLAG_OPTIONS: [&str; 3] = ["--json", "--help", "-h"];

/// Lets `search` take exclusions the way people type them (`search Stichwahl -Georgia`):
/// after `search`, every argument that is not one of our options is a query word, even when
/// it starts with `-`. The options are moved before a `--`, the words after it, so clap never
/// mistakes `-Georgia` for an option nor `--json` for a word.
///
/// A short option with its value attached is one only when the value is one: `-n3` and `-lde`
/// are options (passed on as `-n 3` and `-l de`), `-neue` and `-libertarian` exclude words.
pub fn search_words_last(args: Vec<OsString>) -> Vec<OsString> {
    let is_option = |a: &str| {
        VALUE_OPTIONS.contains(&a) || FLAG_OPTIONS.contains(&a) || {
            let name = a.split_once('=').map_or(a, |(n, _)| n);
            a.contains('=') && name.starts_with("--") && VALUE_OPTIONS.contains(&name)
        }
    };
    // Find `search` as the subcommand: skip global options and their values.
    let mut i = 1;
    while i < args.len() {
        let Some(a) = args[i].to_str() else {
            return args;
        };
        if a == "search" {
            break;
        }
        if !a.starts_with('-') || a == "--" {
            return args;
        }
        i += if VALUE_OPTIONS.contains(&a) { 2 } else { 1 };
    }
    if i >= args.len() {
        return args;
    }
    let mut options: Vec<OsString> = args[..=i].to_vec();
    let mut words = Vec::new();
    let mut rest = args[i + 1..].iter();
    while let Some(arg) = rest.next() {
        match arg.to_str() {
            Some("--") => {
                words.extend(rest.cloned());
                break;
            }
            Some(a) if is_option(a) => {
                options.push(arg.clone());
                if VALUE_OPTIONS.contains(&a) {
                    options.extend(rest.next().cloned());
                }
            }
            _ => match arg.to_str().and_then(attached_short) {
                Some((short, value)) => options.extend([short.into(), value.into()]),
                None => words.push(arg.clone()),
            },
        }
    }
    options.push("--".into());
    options.extend(words);
    options
}

/// `-n3` as (`-n`, `3`) and `-lde` (or `-l=de`) as (`-l`, `de`), when the value is a number or
/// a language we have; anything else (`-neue`, `-libertarian`) is an exclusion.
fn attached_short(arg: &str) -> Option<(&'static str, &str)> {
    let value = |short| {
        arg.strip_prefix(short)
            .map(|v: &str| v.trim_start_matches('='))
    };
    if let Some(n) = value("-n").filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(("-n", n));
    }
    let tag = value("-l").filter(|tag| crate::l10n::Lang::negotiate(tag).is_some())?;
    Some(("-l", tag))
}

/// Gives an error the usage of the command it is about. clap leaves it out of some errors
/// (an invalid value: `races --party x`), and the top-level usage is then the wrong one.
fn with_usage(mut err: clap::Error, cmd: &mut clap::Command, args: &[OsString]) -> clap::Error {
    if err.get(ContextKind::Usage).is_some() {
        return err;
    }
    let name = subcommand_name(cmd, args);
    if let Some(sub) = name.and_then(|n| cmd.find_subcommand_mut(&n)) {
        err.insert(
            ContextKind::Usage,
            ContextValue::StyledStr(sub.render_usage()),
        );
    }
    err
}

/// The subcommand the arguments name: the first word that is not an option or an option's
/// value (`--color never races`), if it is a subcommand.
fn subcommand_name(cmd: &clap::Command, args: &[OsString]) -> Option<String> {
    let takes_value = |arg: Option<&Arg>| arg.is_some_and(|a| a.get_action().takes_values());
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        let word = word?;
        if word == "--" {
            return None;
        }
        let value_follows = if let Some(long) = word.strip_prefix("--") {
            !long.contains('=')
                && takes_value(cmd.get_arguments().find(|a| a.get_long() == Some(long)))
        } else if let Some(short) = word.strip_prefix('-').filter(|s| !s.is_empty()) {
            let mut chars = short.chars();
            let first = chars.next();
            chars.next().is_none()
                && takes_value(cmd.get_arguments().find(|a| a.get_short() == first))
        } else {
            return cmd.find_subcommand(word).map(|s| s.get_name().to_string());
        };
        if value_follows {
            words.next();
        }
    }
    None
}

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A usage error in the user's language: the message, a suggestion where clap has one, the
/// usage line and where to read more. Input is sanitized before it is shown.
pub fn render_usage_error(err: &clap::Error, l10n: &Localizer) -> String {
    let get = |k| context(err, k).map(|s| sanitize(&s)).unwrap_or_default();
    let mut args = FArgs::new();
    let id = match err.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            args.set("value", get(ContextKind::InvalidValue));
            args.set("arg", get(ContextKind::InvalidArg));
            let valid = get(ContextKind::ValidValue);
            args.set("valid", valid.clone());
            if valid.is_empty() {
                "usage-invalid-value-plain"
            } else {
                "usage-invalid-value"
            }
        }
        ErrorKind::UnknownArgument => {
            args.set("arg", get(ContextKind::InvalidArg));
            "usage-unknown-argument"
        }
        ErrorKind::InvalidSubcommand => {
            args.set("command", get(ContextKind::InvalidSubcommand));
            "usage-unknown-command"
        }
        ErrorKind::MissingRequiredArgument => {
            args.set("arg", get(ContextKind::InvalidArg));
            "usage-missing-argument"
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "usage-missing-command"
        }
        ErrorKind::ArgumentConflict => {
            let arg = get(ContextKind::InvalidArg);
            let other = get(ContextKind::PriorArg);
            let repeated = other.is_empty() || other == arg;
            args.set("arg", arg);
            args.set("other", other);
            if repeated {
                "usage-repeated"
            } else {
                "usage-conflict"
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            args.set("value", get(ContextKind::InvalidValue));
            args.set("arg", get(ContextKind::InvalidArg));
            "usage-invalid-value-plain"
        }
        ErrorKind::InvalidUtf8 => "usage-invalid-utf8",
        _ => {
            let detail = err.kind().as_str().unwrap_or("?").to_string();
            args.set("detail", detail);
            "usage-other"
        }
    };
    let mut lines = vec![format!(
        "{} {}",
        l10n.t("error-prefix"),
        l10n.t_args(id, &args)
    )];
    let suggestions: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .filter_map(|k| match err.get(k) {
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        Some(ContextValue::Strings(v)) => Some(v.clone()),
        Some(ContextValue::StyledStr(s)) => Some(vec![s.to_string()]),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(|s| s.to_string()).collect()),
        _ => None,
    })
    .flatten()
    .collect();
    if !suggestions.is_empty() {
        let quoted: Vec<String> = suggestions
            .iter()
            .map(|s| {
                let mut a = FArgs::new();
                a.set("text", sanitize(s));
                l10n.t_args("quoted", &a)
            })
            .collect();
        let mut a = FArgs::new();
        a.set("suggestions", quoted.join(", "));
        lines.push(format!("  {}", l10n.t_args("usage-did-you-mean", &a)));
    }
    lines.push(String::new());
    // clap's usage of the command that failed, which is our localized override.
    let usage = match err.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => s.to_string().trim().to_string(),
        _ => format!(
            "{} {}",
            l10n.t("cli-usage-heading"),
            l10n.t("cli-usage-root")
        ),
    };
    let usage = match usage.split_once(' ') {
        Some((_, rest)) if !usage.starts_with(&l10n.t("cli-usage-heading")) => {
            format!("{} {rest}", l10n.t("cli-usage-heading"))
        }
        _ => usage,
    };
    lines.push(usage);
    lines.push(String::new());
    lines.push(l10n.t("usage-more-info"));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn search_words_may_start_with_a_hyphen() {
        let moved = search_words_last(os(&[
            "kb",
            "--lang",
            "de",
            "search",
            "Stichwahl",
            "-Georgia",
            "--json",
            "-n",
            "3",
            "--index=/x",
            "-lde",
            "-",
        ]));
        // (`-lde` is passed on as `-l de`: clap takes an attached value after `search` for a
        // query word.)
        assert_eq!(
            moved,
            os(&[
                "kb",
                "--lang",
                "de",
                "search",
                "--json",
                "-n",
                "3",
                "--index=/x",
                "-l",
                "de",
                "--",
                "Stichwahl",
                "-Georgia",
                "-",
            ])
        );
        // Other commands and an explicit `--` are left alone.
        let race = os(&["kb", "race", "-x"]);
        assert_eq!(search_words_last(race.clone()), race);
        let explicit = search_words_last(os(&["kb", "search", "--", "--json"]));
        assert_eq!(explicit, os(&["kb", "search", "--", "--json"]));
    }

    #[test]
    fn an_exclusion_is_no_attached_short_option() {
        // `-libertarian` was taken for `--lang ibertarian`, `-neue` and `-n3` for query words
        // before a literal `--`.
        let args = os(&[
            "kb",
            "search",
            "Wahl",
            "-neue",
            "-libertarian",
            "-n3",
            "-len",
            "-l=de",
        ]);
        assert_eq!(
            search_words_last(args.clone()),
            os(&[
                "kb",
                "search",
                "-n",
                "3",
                "-l",
                "en",
                "-l",
                "de",
                "--",
                "Wahl",
                "-neue",
                "-libertarian"
            ])
        );
        assert_eq!(prescan_lang(&args).as_deref(), Some("de"));
        let args = os(&["kb", "search", "Wahl", "-libertarian"]);
        assert_eq!(prescan_lang(&args), None);
        // Anywhere else an attached value is a value, as clap reads it.
        assert_eq!(
            prescan_lang(&os(&["kb", "-lfr", "stats"])).as_deref(),
            Some("fr")
        );
    }
    use crate::l10n::Lang;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
        for lang in Lang::ALL {
            command(&Localizer::new(lang)).debug_assert();
        }
    }

    #[test]
    fn every_argument_and_command_has_localized_help() {
        for lang in Lang::ALL {
            let l10n = Localizer::new(lang);
            let cmd = command(&l10n);
            let mut all = vec![&cmd];
            all.extend(cmd.get_subcommands());
            for c in all {
                assert!(c.get_about().is_some(), "{} lacks about", c.get_name());
                for arg in c.get_arguments() {
                    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                    assert!(
                        !help.is_empty() && !help.starts_with("cli-"),
                        "{}: {:?} has help {help:?}",
                        c.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
    }

    #[test]
    fn the_subcommand_is_found_past_global_options_and_their_values() {
        let cmd = command(&Localizer::new(Lang::En));
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        for (args, want) in [
            (&["x", "races", "--party", "q"][..], Some("races")),
            (&["x", "--color", "never", "races"], Some("races")),
            (&["x", "-l", "de", "stats"], Some("stats")),
            (&["x", "--lang=de", "race", "mt"], Some("race")),
            (&["x", "-lde", "--json", "races"], Some("races")),
            // A value that happens to be a command's name is still a value.
            (&["x", "--corpus", "stats", "race"], Some("race")),
            (&["x", "--bogus"], None),
            (&["x", "--", "races"], None),
            (&["x", "nope", "races"], None),
        ] {
            assert_eq!(
                subcommand_name(&cmd, &os(args)).as_deref(),
                want,
                "{args:?}"
            );
        }
    }

    #[test]
    fn prescan_finds_the_language() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            prescan_lang(&os(&["x", "--lang", "de", "stats"])),
            Some("de".into())
        );
        assert_eq!(
            prescan_lang(&os(&["x", "stats", "--lang=de-AT"])),
            Some("de-AT".into())
        );
        assert_eq!(
            prescan_lang(&os(&["x", "-l", "en", "stats"])),
            Some("en".into())
        );
        assert_eq!(
            prescan_lang(&os(&["x", "-lde", "stats"])),
            Some("de".into())
        );
        assert_eq!(prescan_lang(&os(&["x", "stats"])), None);
        assert_eq!(prescan_lang(&os(&["x", "--", "--lang", "de"])), None);
    }
}
