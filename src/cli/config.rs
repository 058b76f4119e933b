//! Resolved settings: the output language, the corpus location and the output format,
//! decided once from the flags and the environment.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::args::{ColorChoice, GlobalArgs};
use crate::error::Error;
use crate::kb::corpus::CorpusLocation;
use crate::l10n::Lang;

/// Environment variables that name a language, in the order they are consulted after
/// `--lang`. Only the first one is explicit: an unsupported value there is an error.
pub const LANG_VARS: [&str; 4] = ["SENATE_KB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// Everything a command needs to know about how it was asked to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The output language.
    pub lang: Lang,
    /// JSON instead of text.
    pub json: bool,
    /// Whether to colour the output.
    pub color: bool,
    /// Where the corpus comes from.
    pub corpus: CorpusLocation,
    /// Where the search index lives: `--index`, else `SENATE_KB_INDEX`, else `index/` in the
    /// checkout the program was built from (when run inside it), else the user's cache.
    pub index: PathBuf,
}

impl Config {
    /// Resolves the flags against the environment.
    pub fn resolve(
        args: &GlobalArgs,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, Error> {
        Ok(Config {
            lang: resolve_lang(args.lang.as_deref(), env)?,
            json: args.json,
            color: resolve_color(args.color, env, std::io::stdout().is_terminal()),
            corpus: match &args.corpus {
                Some(dir) => CorpusLocation::Dir(dir.clone()),
                None => CorpusLocation::Embedded,
            },
            index: match (
                &args.index,
                env("SENATE_KB_INDEX").filter(|v| !v.is_empty()),
            ) {
                (Some(dir), _) => dir.clone(),
                (None, Some(dir)) => PathBuf::from(dir),
                (None, None) => default_index_dir(std::env::current_dir().ok().as_deref()),
            },
        })
    }
}

/// The output language: `--lang`, else `SENATE_KB_LANG`, else `LC_ALL`, `LC_MESSAGES`,
/// `LANG` (the first that is set and not empty), else English. A language asked for
/// explicitly that we do not have is an error; a system locale we do not have falls back to
/// English without a word.
pub fn resolve_lang(
    flag: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Lang, Error> {
    if let Some(tag) = flag {
        return Lang::negotiate(tag).ok_or_else(|| Error::UnknownLanguage {
            requested: tag.to_string(),
        });
    }
    for var in LANG_VARS {
        let Some(value) = env(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        return match Lang::negotiate(&value) {
            Some(lang) => Ok(lang),
            None if var == "SENATE_KB_LANG" => Err(Error::UnknownLanguage { requested: value }),
            None => Ok(Lang::En),
        };
    }
    Ok(Lang::En)
}

/// Whether to colour: `--color always|never`, else (auto) when stdout is a terminal and
/// `NO_COLOR` is unset or empty.
pub fn resolve_color(
    choice: Option<ColorChoice>,
    env: &dyn Fn(&str) -> Option<String>,
    terminal: bool,
) -> bool {
    match choice.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && env("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// The default index location: `index/` in the checkout this binary was built from, when it
/// runs inside that checkout; otherwise the user's cache directory.
pub fn default_index_dir(cwd: Option<&Path>) -> PathBuf {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(cwd) = cwd {
        let inside = match (cwd.canonicalize(), checkout.canonicalize()) {
            (Ok(cwd), Ok(checkout)) => cwd.starts_with(checkout),
            _ => false,
        };
        if inside && checkout.join("Cargo.toml").is_file() {
            return checkout.join("index");
        }
    }
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("senate-kb")
        .join("index")
}
