//! `check`: validates the corpus and says so, or names every problem with its file.

use std::io::Write;

use serde_json::json;

use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::{Error, problem_message, render_problem};
use crate::kb::corpus::{Corpus, CorpusError};
use crate::l10n::{Args, Localizer};

/// Validates the corpus. A sound corpus gives a summary (exit 0); a broken one gives every
/// problem (exit 2), as text on stderr or, with `--json`, as a JSON document on stdout.
pub fn run(config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let mut out = crate::cli::output::stdout();
    match Corpus::load(&config.corpus) {
        Ok(corpus) => {
            let units: usize = corpus.documents.iter().map(|d| d.units.len()).sum();
            let races = corpus.races().count();
            if config.json {
                let doc = json!({
                    "ok": true,
                    "documents": corpus.documents.len(),
                    "races": races,
                    "units": units,
                    "people": corpus.people.len(),
                    "problems": [],
                });
                crate::views::write_json(&mut out, &doc)?;
            } else {
                let mut args = Args::new();
                args.set("documents", corpus.documents.len());
                args.set("races", races);
                args.set("units", units);
                args.set("people", corpus.people.len());
                writeln!(out, "{}", l10n.t_args("check-ok", &args))?;
            }
            out.flush()?;
            Ok(Exit::Success)
        }
        Err(CorpusError::Invalid(problems)) if config.json => {
            let list: Vec<_> = problems
                .iter()
                .map(|p| {
                    let (id, _) = problem_message(&p.kind);
                    json!({
                        "file": p.file,
                        "line": p.line,
                        "kind": id.trim_start_matches("problem-"),
                        "message": render_problem(p, l10n),
                    })
                })
                .collect();
            crate::views::write_json(&mut out, &json!({"ok": false, "problems": list}))?;
            out.flush()?;
            Err(Error::CorpusProblemsShown(problems.len()))
        }
        Err(e) => Err(Error::Corpus(e)),
    }
}
