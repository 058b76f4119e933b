//! `index`: builds the search index now, from a freshly validated corpus, beside the live one,
//! and makes it live atomically. A broken corpus never replaces a working index.

use std::io::Write;
use std::time::Instant;

use serde_json::json;

use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::kb::corpus::Corpus;
use crate::l10n::{Args, Localizer};
use crate::search::Engine;
use crate::text::safe::sanitize;

/// Runs `index`.
pub fn run(corpus: &Corpus, config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let started = Instant::now();
    let engine = Engine::rebuild(&config.index, corpus)?;
    let millis = started.elapsed().as_millis();
    let path = engine.path().display().to_string();
    let mut out = crate::cli::output::stdout();
    if config.json {
        let doc = json!({"path": path, "documents": engine.documents(), "millis": millis});
        crate::views::write_json(&mut out, &doc)?;
    } else {
        let mut args = Args::new();
        args.set("documents", engine.documents());
        args.set("path", sanitize(&path));
        args.set("millis", millis as u64);
        writeln!(out, "{}", l10n.t_args("index-built", &args))?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
