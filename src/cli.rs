//! The command line as clap parses it: raw flags, before anything is resolved.
//!
//! [`crate::config::Config`] turns these into the settings the commands use.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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

/// Options accepted before or after the command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output language: a BCP 47 tag or a POSIX locale (de, en, de-AT, de_DE.UTF-8).
    #[arg(short, long, global = true, value_name = "TAG")]
    pub lang: Option<String>,
    /// Print one JSON document on stdout (NDJSON for export) instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Use this corpus directory instead of the corpus shipped with the program.
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the corpus; every problem named with its file and what to fix.
    Check,
    /// Every document, both languages and all facts, as NDJSON: one JSON object a line.
    Export,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
