//! `search`: runs a query through [`crate::search`] and prints the hits, as text (title,
//! outcome, the best sentence with its matches highlighted, and the other language's sentence
//! when that is where the match was) or as the contract's JSON.

use std::io::Write;

use crate::cli::color::{self, Painter};
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::l10n::{Args, Localizer};
use crate::search::query;
use crate::search::{Engine, Found, Hit};
use crate::text::safe::sanitize;
use crate::text::safe::shorten;
use crate::views::search::SearchView;

/// How many hits `search` shows unless `--limit` says otherwise (and `/api/search` unless
/// `limit` does).
pub const DEFAULT_LIMIT: usize = 10;

/// Runs `search`.
pub fn run(
    words: &[String],
    limit: usize,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let text = words.join(" ");
    let parsed = query::parse(&text).map_err(Error::Query)?;
    let (engine, _) = Engine::open(&config.index, &config.corpus)?;
    // Never dropped: the process ends right after this command, and unmapping the index file
    // by file and freeing its readers one by one took longer than letting the kernel reclaim
    // it all at exit (about 5% of a search's run time).
    let mut engine = std::mem::ManuallyDrop::new(engine);
    let found = engine.find(&parsed, limit)?;
    if config.json {
        let view = SearchView::new(&text, config.lang, &found);
        let mut out = crate::cli::output::stdout();
        crate::views::write_json(&mut out, &view)?;
        out.flush()?;
    }
    if let Some(nobody) = found.nobody {
        // Nobody by that name: nothing found, with suggestions (exit 1, as grep).
        eprintln!("{}", Error::Filter(nobody).render(l10n));
        return Ok(Exit::NotFound);
    }
    if !config.json {
        print_answer(&found, config)?;
    }
    if found.total > 0 {
        if !config.json {
            print_text(&found.hits, found.total, config, l10n)?;
        }
        return Ok(Exit::Success);
    }
    // Every word must match, and nothing does: nothing found (exit 1, as grep). What matches
    // the other words is offered, under a note naming the words it ignores.
    let mut args = Args::new();
    args.set("query", sanitize(&shorten(&text)));
    let Some(relaxed) = &found.relaxed else {
        eprintln!("{}", l10n.t_args("search-none", &args));
        return Ok(Exit::NotFound);
    };
    args.set("without", word_list(&relaxed.without, l10n));
    let note = l10n.t_args("search-relaxed", &args);
    if config.json {
        eprintln!("{note}");
    } else {
        // On stdout, with the hits it describes: wherever they go, it goes.
        let paint = Painter::new(config.color);
        let mut out = crate::cli::output::stdout();
        writeln!(out, "{}\n", paint.dim(&note))?;
        out.flush()?;
        print_text(&relaxed.hits, relaxed.total, config, l10n)?;
    }
    Ok(Exit::NotFound)
}

/// The answer to a result question (`who won Iowa`), first: the race's one-line summary.
fn print_answer(found: &Found, config: &Config) -> Result<(), Error> {
    let shown = found.relaxed.as_ref().map_or(&found.hits, |r| &r.hits);
    let Some(hit) = found
        .answer
        .as_ref()
        .and_then(|id| shown.iter().find(|h| &h.id == id))
    else {
        return Ok(());
    };
    let paint = Painter::new(config.color);
    let mut out = crate::cli::output::stdout();
    for line in crate::cli::output::wrap(hit.summary(config.lang), color::width()) {
        writeln!(out, "{}", paint.heading(&sanitize(&line)))?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Words as a list for a sentence: each quoted (but a phrase, which has its quotes), the last
/// after "and" (the relaxed notice of the text answer and of the search page).
pub fn word_list(words: &[String], l10n: &Localizer) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|word| {
            let word = sanitize(&shorten(word));
            if word.starts_with('"') {
                return word;
            }
            let mut args = Args::new();
            args.set("word", word);
            l10n.t_args("search-quoted", &args)
        })
        .collect();
    match quoted.split_last() {
        Some((last, head)) if !head.is_empty() => {
            let mut args = Args::new();
            args.set("head", head.join(", "));
            args.set("last", last.clone());
            l10n.t_args("search-list", &args)
        }
        _ => quoted.concat(),
    }
}

/// Wraps `text` to `width` with `indent`, painting the byte ranges `marks`.
fn wrap_marked(
    text: &str,
    marks: &[(usize, usize)],
    indent: &str,
    width: usize,
    paint: &Painter,
) -> Vec<String> {
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(indent)
        .subsequent_indent(indent);
    let lines = textwrap::wrap(text, options);
    let mut cursor = 0;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let body = line.strip_prefix(indent).unwrap_or(&line);
        let Some(found) = text[cursor..].find(body) else {
            out.push(sanitize(&line));
            continue;
        };
        let start = cursor + found;
        let end = start + body.len();
        cursor = end;
        let mut painted = String::from(indent);
        let mut at = start;
        for &(a, b) in marks {
            let (a, b) = (a.max(at), b.min(end));
            if a >= b {
                continue;
            }
            painted.push_str(&sanitize(&text[at..a]));
            painted.push_str(&paint.highlight(&sanitize(&text[a..b])));
            at = b;
        }
        painted.push_str(&sanitize(&text[at..end]));
        out.push(painted);
    }
    out
}

fn print_text(hits: &[Hit], total: usize, config: &Config, l10n: &Localizer) -> Result<(), Error> {
    let paint = Painter::new(config.color);
    let width = color::width();
    let lang = config.lang;
    let mut out = crate::cli::output::stdout();
    for (n, hit) in hits.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{} {}",
            paint.heading(&sanitize(hit.title(lang))),
            paint.dim(&format!("[{}]", hit.id))
        )?;
        let summary = hit.summary(lang);
        if !summary.is_empty() {
            let options = textwrap::Options::new(width)
                .initial_indent("  ")
                .subsequent_indent("  ");
            for line in textwrap::wrap(summary, options) {
                writeln!(out, "{}", paint.dim(&sanitize(&line)))?;
            }
        }
        let Some(best) = &hit.best else {
            continue;
        };
        for line in wrap_marked(
            best.sentence(lang),
            best.highlights(lang),
            "    ",
            width,
            &paint,
        ) {
            writeln!(out, "{line}")?;
        }
        let matched = best.matched_lang(lang);
        if matched != lang {
            let mut args = Args::new();
            args.set("lang", matched.code());
            writeln!(
                out,
                "    {}",
                paint.dim(&l10n.t_args("search-other-language", &args))
            )?;
            let (text, marks) = (best.sentence(matched), best.highlights(matched));
            for line in wrap_marked(text, marks, "      ", width, &paint) {
                writeln!(out, "{line}")?;
            }
        }
    }
    if hits.len() < total {
        let mut args = Args::new();
        args.set("shown", hits.len());
        args.set("total", total);
        writeln!(out)?;
        writeln!(out, "{}", paint.dim(&l10n.t_args("search-total", &args)))?;
    }
    out.flush()?;
    Ok(())
}
