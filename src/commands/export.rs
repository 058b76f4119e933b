//! `export`: every document as NDJSON, one JSON object a line, `overview` first.

use std::io::Write;

use crate::config::Config;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::exit::Exit;
use crate::l10n::Localizer;

/// Writes the corpus in article order.
pub fn run(corpus: &Corpus, _config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let mut out = crate::output::stdout();
    for doc in &corpus.documents {
        let line = crate::json::race(corpus, doc, l10n, true, true);
        crate::output::write_json(&mut out, &line)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
