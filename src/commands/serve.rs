//! `serve [--addr ADDR]`: the knowledge base over HTTP. Everything is in [`crate::serve`];
//! this is the command's door to it.

use std::net::SocketAddr;

use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::l10n::Localizer;

/// Runs `serve` until SIGINT or SIGTERM.
pub fn run(addr: SocketAddr, config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    crate::serve::run(addr, config, l10n)
}
