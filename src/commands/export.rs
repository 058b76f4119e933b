//! `export`: every document as NDJSON, one JSON object a line, `overview` first.

use std::io::Write;

use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::kb::corpus::Corpus;
use crate::l10n::Localizer;

/// Writes the corpus in article order.
pub fn run(corpus: &Corpus, _config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let mut out = crate::cli::output::stdout();
    for doc in &corpus.documents {
        let line = crate::views::race::race(corpus, doc, l10n, true, true);
        crate::views::write_json(&mut out, &line)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
