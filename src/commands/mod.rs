//! One module per command, each a thin adapter from the resolved [`Config`] to a typed core
//! function and a renderer.

pub mod check;
pub mod export;
pub mod index;
pub mod person;
pub mod race;
pub mod races;
pub mod search;
pub mod serve;
pub mod stats;

use crate::cli::args::Command;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::kb::corpus::Corpus;
use crate::l10n::Localizer;

/// Runs one command.
pub fn run(command: &Command, config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    match command {
        Command::Check => check::run(config, l10n),
        Command::Export => export::run(&load(config)?, config, l10n),
        Command::Person { name, parallel } => {
            person::run(&load(config)?, name, *parallel, config, l10n)
        }
        Command::Race { race, parallel } => {
            race::run(&load(config)?, race, *parallel, config, l10n)
        }
        Command::Races {
            outcome,
            party,
            special,
        } => {
            let filter = races::filter(*outcome, *party, *special);
            races::run(&load(config)?, filter, config, l10n)
        }
        Command::Stats => stats::run(&load(config)?, config, l10n),
        Command::Search { query, limit } => search::run(query, *limit, config, l10n),
        Command::Index => index::run(&load(config)?, config, l10n),
        Command::Serve { addr } => serve::run(*addr, config, l10n),
    }
}

/// Loads and validates the corpus the configuration names: every command refuses a broken one.
pub fn load(config: &Config) -> Result<Corpus, Error> {
    Corpus::load(&config.corpus).map_err(Error::Corpus)
}
