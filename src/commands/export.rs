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
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
