//! `search`: runs a query through [`crate::search`] and prints the hits, as text (title,
//! outcome, the best sentence with its matches highlighted, and the other language's sentence
//! when that is where the match was) or as the contract's JSON.

use std::io::Write;

use serde_json::json;

use crate::cli::color::{self, Painter};
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::cli::output::sanitize;
use crate::error::{Error, shorten};
use crate::l10n::{Args, Lang, Localizer};
use crate::search::query;
use crate::search::{CompileError, Engine, Hit, Relaxed, SearchError};

/// How long a snippet may be before it is cut around its first match, in characters.
const SNIPPET_MAX: usize = 240;
/// Characters of context kept before the first match when cutting.
const SNIPPET_BEFORE: usize = 60;

/// Maps a search failure to the error told to the user.
pub fn search_error(e: SearchError) -> Error {
    match e {
        SearchError::Compile(e) => Error::Filter(e),
        SearchError::Build(e) => Error::IndexBuild {
            path: e.path.display().to_string(),
            error: e.error,
        },
        SearchError::Corpus(e) => Error::Corpus(e),
        SearchError::Index(e) => Error::Index(e),
    }
}

/// Runs `search`.
pub fn run(
    words: &[String],
    limit: usize,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let text = words.join(" ");
    let parsed = query::parse(&text).map_err(Error::Query)?;
    let (engine, _) = Engine::open(&config.index, &config.corpus).map_err(search_error)?;
    // Never dropped: the process ends right after this command, and unmapping the index file
    // by file and freeing its readers one by one took longer than letting the kernel reclaim
    // it all at exit (about 5% of a search's run time).
    let mut engine = std::mem::ManuallyDrop::new(engine);
    let (total, hits) = match engine.search(&parsed, limit) {
        Ok(found) => found,
        Err(SearchError::Compile(e @ CompileError::NoSuchPerson { .. })) => {
            // Nobody by that name: nothing found, with suggestions (exit 1, as grep).
            if config.json {
                print_json(&text, 0, &[], None, config.lang)?;
            }
            eprintln!("{}", Error::Filter(e).render(l10n));
            return Ok(Exit::NotFound);
        }
        Err(e) => return Err(search_error(e)),
    };
    if total == 0 {
        // Every word must match, and nothing does: nothing found (exit 1, as grep). What
        // matches the other words is offered, under a note naming the words it ignores.
        let relaxed = engine.relax(&parsed, limit).map_err(search_error)?;
        let mut args = Args::new();
        args.set("query", sanitize(&shorten(&text)));
        let Some(relaxed) = relaxed else {
            if config.json {
                print_json(&text, 0, &[], None, config.lang)?;
            }
            eprintln!("{}", l10n.t_args("search-none", &args));
            return Ok(Exit::NotFound);
        };
        args.set("without", word_list(&relaxed.without, l10n));
        let note = l10n.t_args("search-relaxed", &args);
        if config.json {
            print_json(&text, 0, &[], Some(&relaxed), config.lang)?;
            eprintln!("{note}");
        } else {
            // On stdout, with the hits it describes: wherever they go, it goes.
            let paint = Painter::new(config.color);
            let mut out = crate::cli::output::stdout();
            writeln!(out, "{}\n", paint.dim(&note))?;
            out.flush()?;
            print_text(&relaxed.hits, relaxed.total, config, l10n)?;
        }
        return Ok(Exit::NotFound);
    }
    if config.json {
        print_json(&text, total, &hits, None, config.lang)?;
    } else {
        print_text(&hits, total, config, l10n)?;
    }
    Ok(Exit::Success)
}

/// Words as a list for a sentence: each quoted (but a phrase, which has its quotes), the last
/// after "and".
fn word_list(words: &[String], l10n: &Localizer) -> String {
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

/// Byte ranges to character ranges.
fn char_ranges(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let to_char = |b: usize| text[..b.min(text.len())].chars().count();
    ranges
        .iter()
        .map(|&(a, b)| (to_char(a), to_char(b)))
        .collect()
}

/// The snippet of a sentence: the whole sentence when short, else a window that starts a
/// little before the first match, cut at word boundaries and marked with `…`. Returns the
/// snippet and the highlight ranges in characters of the snippet.
pub fn snippet(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let highlights = char_ranges(text, ranges);
    if chars.len() <= SNIPPET_MAX {
        return (text.to_string(), highlights);
    }
    let (first, first_end) = highlights.first().copied().unwrap_or_default();
    let mut start = first.saturating_sub(SNIPPET_BEFORE);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    // The first match is always shown whole, even when the word boundary before it is far.
    let mut end = (start + SNIPPET_MAX).max(first_end).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let mut out = String::new();
    let offset = if start > 0 {
        out.push_str("… ");
        2
    } else {
        0
    };
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push_str(" …");
    }
    let shifted = highlights
        .into_iter()
        .filter(|&(a, b)| a >= start && b <= end)
        .map(|(a, b)| (a - start + offset, b - start + offset))
        .collect();
    (out, shifted)
}

fn print_json(
    query: &str,
    total: usize,
    hits: &[Hit],
    relaxed: Option<&Relaxed>,
    lang: Lang,
) -> Result<(), Error> {
    let doc = json!({
        "query": query,
        "lang": lang.code(),
        "total": total,
        "hits": hits_json(hits, lang),
        // When nothing matches every word: what matches the other words, and which it ignores.
        "relaxed": relaxed.map(|r| json!({
            "without": r.without,
            "total": r.total,
            "hits": hits_json(&r.hits, lang),
        })),
    });
    let mut out = crate::cli::output::stdout();
    crate::cli::output::write_json(&mut out, &doc)?;
    out.flush()?;
    Ok(())
}

fn hits_json(hits: &[Hit], lang: Lang) -> Vec<serde_json::Value> {
    hits.iter()
        .map(|hit| {
            let mut value = json!({
                "id": hit.id,
                "kind": hit.kind,
                "title": hit.title(lang),
                "summary": hit.summary(lang),
                "score": (f64::from(hit.score) * 1000.0).round() / 1000.0,
            });
            if let Some(best) = &hit.best {
                let matched = best.matched_lang(lang);
                // The snippet is in the output language, unless the match can only be seen in
                // the other one (`matched_lang` says which).
                let shown = if best.highlights(lang).is_empty() {
                    matched
                } else {
                    lang
                };
                let (snippet, highlights) = snippet(best.sentence(shown), best.highlights(shown));
                value["matched_lang"] = json!(matched.code());
                value["snippet"] = json!(snippet);
                value["highlights"] = json!(highlights);
                value["sentence"] = json!({"de": best.de, "en": best.en});
                value["sentence_highlights"] = json!({
                    "de": char_ranges(&best.de, best.highlights(Lang::De)),
                    "en": char_ranges(&best.en, best.highlights(Lang::En)),
                });
                value["unit"] = json!(best.unit);
            } else {
                value["matched_lang"] = serde_json::Value::Null;
                value["snippet"] = json!("");
                value["highlights"] = json!([]);
                value["sentence"] = serde_json::Value::Null;
            }
            value
        })
        .collect()
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
