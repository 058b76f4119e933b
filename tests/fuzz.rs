//! Coverage-free random fuzzing that runs on the stable toolchain (cargo-fuzz needs nightly).
//!
//! Two targets, each an `#[ignore]`d test that runs for `SENATE_KB_FUZZ_SECS` seconds (default
//! 10) with the seed `SENATE_KB_FUZZ_SEED` (default: from the clock; always printed):
//!
//! - `fuzz_query`: random queries (corpus words, operators, filters, random Unicode, and byte
//!   mutations of earlier inputs) through `query::parse` and `Engine::search` in process, and
//!   through the race lookup; every answer is checked (valid ids, highlights on character
//!   boundaries, error messages free of control characters).
//! - `fuzz_corpus`: copies of the corpus mutated byte-wise (flips, inserts, deletions,
//!   truncation, invalid UTF-8) and structurally (keys deleted, types changed, ids duplicated,
//!   tables doubled, files removed or added), each loaded with `Corpus::load`: it must return
//!   `Ok` or `Err`, never panic or hang.
//!
//! ```sh
//! SENATE_KB_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored --nocapture
//! SENATE_KB_FUZZ_SEED=1234 SENATE_KB_FUZZ_ITERS=5000 cargo test --release --test fuzz -- --ignored
//! ```
//!
//! Like cargo-fuzz, build with debug assertions and overflow checks on, so that what only a
//! debug build would trip over is found too (the one crash found so far was a debug
//! assertion): `CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
//! CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true` before the commands above.
//!
//! The same seed replays the same inputs in the same order (`SENATE_KB_FUZZ_ITERS` stops after
//! that many). A failing input is printed, written under `target/fuzz-failures/`, and belongs
//! in a regression test.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use senate_kb::error::{Error, render_problem};
use senate_kb::kb::corpus::{Corpus, CorpusError, CorpusLocation};
use senate_kb::l10n::{Lang, Localizer};
use senate_kb::search::{Engine, SearchError, query};
use senate_kb::views::search::snippet;

/// SplitMix64: small, fast and reproducible, which is all a fuzzer without coverage needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The run's settings: duration, seed, and an optional cap on the number of inputs.
struct Settings {
    secs: u64,
    seed: u64,
    iters: Option<u64>,
}

impl Settings {
    fn from_env(target: &str) -> Settings {
        let var = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
        let seed = var("SENATE_KB_FUZZ_SEED").unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
        let s = Settings {
            secs: var("SENATE_KB_FUZZ_SECS").unwrap_or(10),
            seed,
            iters: var("SENATE_KB_FUZZ_ITERS"),
        };
        eprintln!(
            "fuzz {target}: seed {} for {} s (replay: SENATE_KB_FUZZ_SEED={})",
            s.seed, s.secs, s.seed
        );
        s
    }

    fn more(&self, started: Instant, done: u64) -> bool {
        started.elapsed() < Duration::from_secs(self.secs) && self.iters.is_none_or(|n| done < n)
    }
}

/// Aborts the process, naming the input, when one input runs longer than `limit`: a hang
/// would otherwise only show as a test that never ends.
struct Watchdog {
    current: Arc<Mutex<(Instant, String)>>,
}

impl Watchdog {
    fn start(limit: Duration) -> Watchdog {
        let current = Arc::new(Mutex::new((Instant::now(), String::new())));
        let shared = Arc::clone(&current);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let (since, input) = shared.lock().unwrap().clone();
                if since.elapsed() > limit {
                    eprintln!("HANG: one input took more than {limit:?}: {input}");
                    std::process::abort();
                }
            }
        });
        Watchdog { current }
    }

    fn enter(&self, input: String) {
        *self.current.lock().unwrap() = (Instant::now(), input);
    }

    fn leave(&self) {
        self.current.lock().unwrap().0 = Instant::now() + Duration::from_secs(3600 * 24 * 365);
    }
}

/// Keeps a failing input for a regression test.
fn keep_failure(target: &str, n: usize, bytes: &[u8]) -> PathBuf {
    let dir = common::root().join("target").join("fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{target}-{n}"));
    let _ = std::fs::write(&path, bytes);
    path
}

/// A message shown to a user must not carry terminal controls (newline aside).
fn assert_clean(what: &str, text: &str) -> Result<(), String> {
    let bad = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    });
    match bad {
        Some(c) => Err(format!("{what} contains {c:?}: {text:?}")),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// The query target.

const OPERATORS: &[&str] = &[
    "\"", "„", "“", "”", "«", "»", "-", "--", "+", "OR", "AND", "NOT", "ODER", "UND", "NICHT", "|",
    "||", "&&", "*", "(", ")", "[", "]", "{", "}", "TO", "~", "~2", "^2", ":", "\\", "'", "’", "?",
    "!", "/", ".", ",", "…", "—", "%", "$", "@", "#",
];

const FILTERS: &[&str] = &[
    "state",
    "party",
    "outcome",
    "person",
    "staat",
    "partei",
    "ergebnis",
    "bundesstaat",
    "STATE",
    "Person",
    "colour",
    "x",
];

const FILTER_VALUES: &[&str] = &[
    "MT",
    "mt",
    "ZZ",
    "Montana",
    "Süd-Carolina",
    "sued carolina",
    "oklahoma special",
    "R",
    "D",
    "I",
    "L",
    "Q",
    "gain",
    "hold",
    "maybe",
    "Gewinn",
    "udall",
    "tom udall",
    "Udal",
    "[A TO Z]",
    "{a TO b}",
    "*",
    "-",
    "",
];

/// Characters that have broken text code elsewhere: controls, bidi, combining marks,
/// zero-width, letters whose case mapping changes their length, and astral symbols.
const NASTY: &[char] = &[
    '\u{0}',
    '\u{1}',
    '\u{7}',
    '\u{8}',
    '\t',
    '\n',
    '\r',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{9b}',
    '\u{9c}',
    '\u{9d}',
    '\u{9f}',
    '\u{a0}',
    '\u{ad}',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{2028}',
    '\u{2029}',
    '\u{202a}',
    '\u{202b}',
    '\u{202c}',
    '\u{202d}',
    '\u{202e}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{feff}',
    '\u{fffd}',
    '\u{300}',
    '\u{301}',
    '\u{308}',
    '\u{34f}',
    'İ',
    'ı',
    'ẞ',
    'ß',
    'ﬁ',
    'ﬀ',
    'ŉ',
    'ǰ',
    'ΐ',
    'Ω',
    'K',
    'Å',
    'ä',
    'Ä',
    'ö',
    'ü',
    'Ü',
    'é',
    'ʻ',
    'ʼ',
    '\'',
    '’',
    '🗳',
    '👨',
    '\u{1f3fd}',
    '\u{e0001}',
    '\u{10ffff}',
    '中',
    '文',
    'Ａ',
    '１',
    '٣',
    '²',
    '½',
    'Ⅻ',
    '〇',
];

fn random_char(rng: &mut Rng) -> char {
    match rng.below(4) {
        0 => *rng.pick(NASTY),
        1 => char::from_u32(rng.below(0x80) as u32).unwrap_or('?'),
        2 => char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'),
        _ => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
    }
}

fn random_word(rng: &mut Rng, vocab: &[String]) -> String {
    let mut word = rng.pick(vocab).clone();
    match rng.below(10) {
        0 => word = word.to_uppercase(),
        1 => word = word.to_lowercase(),
        2 => {
            // A typo: drop, double or replace a character.
            let mut chars: Vec<char> = word.chars().collect();
            let at = rng.below(chars.len().max(1));
            match rng.below(3) {
                0 if !chars.is_empty() => {
                    chars.remove(at);
                }
                1 if !chars.is_empty() => chars.insert(at, chars[at]),
                _ => chars.insert(at.min(chars.len()), random_char(rng)),
            }
            word = chars.into_iter().collect();
        }
        3 => {
            let keep = word.chars().count().clamp(1, 4);
            let n = 1 + rng.below(keep);
            word = word.chars().take(n).collect::<String>() + "*";
        }
        4 => word.push('*'),
        _ => {}
    }
    word
}

/// One query: a soup of words, operators, filters and random characters.
fn random_query(rng: &mut Rng, vocab: &[String]) -> String {
    let most = if rng.chance(10) { 40 } else { 6 };
    let parts = 1 + rng.below(most);
    let mut q = String::new();
    for _ in 0..parts {
        if !q.is_empty() && rng.chance(85) {
            q.push(if rng.chance(95) {
                ' '
            } else {
                *rng.pick(&['\t', '\n', '\u{a0}', '\u{3000}', '\u{1}'])
            });
        }
        match rng.below(12) {
            0..=4 => q.push_str(&random_word(rng, vocab)),
            5 | 6 => q.push_str(rng.word(OPERATORS)),
            7 => {
                q.push('-');
                q.push_str(&random_word(rng, vocab));
            }
            8 => {
                q.push_str(rng.word(FILTERS));
                q.push(':');
                match rng.below(3) {
                    0 => q.push_str(rng.word(FILTER_VALUES)),
                    1 => q.push_str(&random_word(rng, vocab)),
                    _ => {
                        q.push('"');
                        q.push_str(rng.word(FILTER_VALUES));
                        q.push(' ');
                        q.push_str(&random_word(rng, vocab));
                        if rng.chance(80) {
                            q.push('"');
                        }
                    }
                }
            }
            9 => {
                q.push('"');
                for _ in 0..1 + rng.below(4) {
                    q.push_str(&random_word(rng, vocab));
                    q.push(' ');
                }
                if rng.chance(80) {
                    q.push('"');
                }
            }
            10 => {
                for _ in 0..1 + rng.below(8) {
                    q.push(random_char(rng));
                }
            }
            _ => {
                let c = random_char(rng);
                let most = if rng.chance(5) { 2000 } else { 10 };
                let n = 1 + rng.below(most);
                q.extend(std::iter::repeat_n(c, n));
            }
        }
    }
    q
}

/// Byte-wise mutation of an earlier input, back to text (invalid UTF-8 is replaced, as the
/// binary's argument handling refuses it before a query is parsed).
fn mutate_text(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        mutate_bytes(rng, &mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    match rng.below(8) {
        0 if len > 0 => {
            let at = rng.below(len);
            bytes[at] ^= 1 << rng.below(8);
        }
        1 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(8);
            let new: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, new);
        }
        2 if len > 0 => {
            let at = rng.below(len);
            let n = 1 + rng.below((len - at).min(64));
            bytes.drain(at..at + n);
        }
        3 => {
            let at = rng.below(len + 1);
            bytes.truncate(at);
        }
        4 => {
            let at = rng.below(len + 1);
            let bad = rng.pick(INVALID_UTF8);
            bytes.splice(at..at, bad.iter().copied());
        }
        5 if len > 0 => {
            // Duplicate a range.
            let a = rng.below(len);
            let b = a + rng.below((len - a).min(256)) + 1;
            let at = rng.below(len + 1);
            let copy = bytes[a..b.min(len)].to_vec();
            bytes.splice(at..at, copy);
        }
        6 if len > 0 => {
            // Replace a byte with an interesting one.
            let at = rng.below(len);
            bytes[at] = *rng.pick(b"\"-*: \t\n\r\\[]{}=#'0OR\x1b\x7f");
        }
        _ => {
            let at = rng.below(len + 1);
            let piece = rng.pick(OPERATORS).as_bytes().to_vec();
            bytes.splice(at..at, piece);
        }
    }
}

/// Byte sequences that are not UTF-8: a stray byte, a lone lead byte, an overlong NUL, an
/// encoded surrogate, a code point past U+10FFFF, a cut sequence; and a NUL.
const INVALID_UTF8: &[&[u8]] = &[
    &[0xff],
    &[0xc3],
    &[0xc0, 0x80],
    &[0xed, 0xa0, 0x80],
    &[0xf4, 0x90, 0x80, 0x80],
    &[0xe2, 0x80],
    &[0],
];

/// Checks one search answer.
fn check_answer(total: usize, hits: &[senate_kb::search::Hit], limit: usize) -> Result<(), String> {
    let ids = common::document_ids();
    if hits.len() > limit.max(1) || hits.len() > total {
        return Err(format!("{} hits, limit {limit}, total {total}", hits.len()));
    }
    for hit in hits {
        if !ids.contains(&hit.id.as_str()) {
            return Err(format!("unknown id {:?}", hit.id));
        }
        let Some(best) = &hit.best else { continue };
        for lang in [Lang::De, Lang::En] {
            let text = best.sentence(lang);
            for &(a, b) in best.highlights(lang) {
                if a >= b
                    || b > text.len()
                    || !text.is_char_boundary(a)
                    || !text.is_char_boundary(b)
                {
                    return Err(format!("highlight {a}..{b} in {text:?}"));
                }
            }
            let (snip, marks) = snippet(text, best.highlights(lang));
            let n = snip.chars().count();
            if let Some(m) = marks.iter().find(|&&(a, b)| a >= b || b > n) {
                return Err(format!("snippet highlight {m:?} outside {snip:?}"));
            }
        }
    }
    Ok(())
}

/// Runs one query through everything a `search` or `race` command does with it, but the
/// printing: parse, search, check, and the error messages in both languages.
fn one_query(
    engine: &mut Engine,
    corpus: &Corpus,
    l10n: &[Localizer; 2],
    input: &str,
    limit: usize,
) -> Result<(), String> {
    let _ = senate_kb::kb::resolve::race(corpus, input);
    match query::parse(input) {
        Ok(parsed) => match engine.search(&parsed, limit) {
            Ok((total, hits)) => check_answer(total, &hits, limit),
            Err(SearchError::Compile(e)) => {
                for l in l10n {
                    assert_clean("filter message", &Error::Filter(e.clone()).render(l))?;
                }
                Ok(())
            }
            Err(SearchError::Index(e)) => Err(format!("index error: {e}")),
            Err(SearchError::Build(e)) => Err(format!("build error: {e:?}")),
            Err(SearchError::Corpus(e)) => Err(format!("corpus error: {e:?}")),
        },
        Err(e) => {
            for l in l10n {
                assert_clean("query message", &Error::Query(e.clone()).render(l))?;
            }
            Ok(())
        }
    }
}

/// Inputs the query fuzzer found crashing (seed 20140411, 630 s): each an exclusion whose
/// words form a phrase that never occurs as one (`2014 -"beinah e"`), which tantivy's
/// `Exclude` seeked backwards in a phrase scorer, a failed debug assertion.
const QUERY_REGRESSIONS: &[&str] = &[
    "2014 -\"beinah e\"",
    "-Favor👨it\t… Georgia ?",
    "TO 2014� -beinah��e",
    "prgsecuto# -verteidige�n ",
    "-jeweilige\u{f4ce2}n konnten \u{301}\u{301}\u{301}\u{301}\u{301} -\u{485ac}\u{200d}\u{80} All*",
    "-Steven\u{200e}s besondderem",
    "prosecutor -verteidige����n ==",
    "November -\"Brad* Collins most Georgias \"@",
    "ent* boise republikanern -meiste\u{17cd}n",
    "TO 2014 -beinah?e",
    "%Bill -politisch%n*",
    "parteiinternen -plus-die* [",
    "-gewinnen -dauert-Amts* zufolge* -Natalie Thom*",
    "-außerordentlich-wahlgang \u{34f}\u{34f}\u{1}-Mexi⧆co umfärbte*",
    "against\t-dementsprechend-Pers*",
    ". -Staatsabgeordnete]n resignation &&",
    "-whileAFRICAN UNCERTAIN -candidacy --schedul[ed",
    "Pat -EXPERTS-turnusgemäßen",
    ", NOT \"kentucky 100 Durbins unanimously \" MINORITIES",
    "wahlentscheidenden\t-beinahe ⦛\u{1f}\u{5b027}\u{8195d}\u{202a}\u{68369}\u{ef117}\u{9f}\t-Johann\u{200d}s",
    "\u{ada}\u{ada}\u{ada}\u{ada}\u{ada}\u{ada}\u{ada}\u{ada} -demokraჩtisch\"Roberts \" Amtsinhaber -Session🗳s",
    "WEST -seeking-DIES",
    "strong -nächst\u{139a}e",
    "' -führt⺙e- --staat:holdSie TOlobbyist",
    "surprisingly NOT \"Boise mood die* Kerry \" accordingly — clearly",
    "ihn -zwische�n",
    "daraufhin ve* , -Zunächs\u{103bbf}t",
    "-Bruc\u{a48fe}e\tTO &&",
    "ihn -zwische&&n",
    "-RHOD-RHODE -\u{17de}E -\u{17de}choSeSouth -2002 ^2",
    "Boise* -mind%3",
    "-außerordentlich\u{715a7}e louisiana",
    "{\u{2067}\u{c} up -Pilot�-je*",
    "NICHT \"curtis littl\u{1f}e \"\namtsträger",
];

#[test]
fn query_regressions() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut engine, _) = Engine::open(tmp.path(), &CorpusLocation::Embedded).unwrap();
    let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
    let l10n = [Localizer::new(Lang::En), Localizer::new(Lang::De)];
    for input in QUERY_REGRESSIONS {
        for limit in [0, 10] {
            let result = one_query(&mut engine, &corpus, &l10n, input, limit);
            assert_eq!(result, Ok(()), "{input:?}");
        }
    }
}

#[test]
#[ignore = "fuzzing: run with SENATE_KB_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored"]
fn fuzz_query() {
    let settings = Settings::from_env("query");
    let mut rng = Rng(settings.seed);
    let vocab = common::vocabulary();
    let tmp = tempfile::tempdir().unwrap();
    let (mut engine, _) = Engine::open(tmp.path(), &CorpusLocation::Embedded).unwrap();
    let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
    let l10n = [Localizer::new(Lang::En), Localizer::new(Lang::De)];
    let watchdog = Watchdog::start(Duration::from_secs(20));
    let mut pool: Vec<String> = vec!["Plagiat".into(), "Stichwahl OR runoff -Georgia".into()];
    let started = Instant::now();
    let (mut tried, mut parsed_ok, mut kept) = (0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, String::new());
    let mut failures = Vec::new();
    while settings.more(started, tried) {
        let input = if rng.chance(30) {
            let base = rng.pick(&pool).clone();
            mutate_text(&mut rng, &base)
        } else {
            random_query(&mut rng, &vocab)
        };
        let limit = *rng.pick(&[0, 1, 3, 10, 50, 1000, usize::MAX]);
        tried += 1;
        watchdog.enter(format!("{input:?}"));
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            one_query(&mut engine, &corpus, &l10n, &input, limit)
        }));
        let took = t.elapsed();
        watchdog.leave();
        if took > slowest.0 {
            slowest = (took, input.chars().take(80).collect());
        }
        let ok = query::parse(&input).is_ok();
        parsed_ok += u64::from(ok);
        match result {
            Ok(Ok(())) => {
                if ok && pool.len() < 2000 {
                    pool.push(input.clone());
                    kept += 1;
                }
            }
            Ok(Err(why)) => failures.push((input.clone(), why)),
            Err(_) => failures.push((input.clone(), "panic".into())),
        }
        if took > Duration::from_secs(5) {
            failures.push((input.clone(), format!("took {took:?}")));
        }
    }
    for (n, (input, why)) in failures.iter().enumerate() {
        let kept = keep_failure("query", n, input.as_bytes());
        eprintln!(
            "FAILURE {n}: {why}\n  input: {input:?}\n  kept in {}",
            kept.display()
        );
    }
    eprintln!(
        "fuzz query: seed {}, {tried} inputs in {:.0?} ({parsed_ok} parsed, {kept} kept \
         for mutation), slowest {:.1?} for {:?}, {} failures",
        settings.seed,
        started.elapsed(),
        slowest.0,
        slowest.1,
        failures.len()
    );
    assert!(failures.is_empty(), "{} failures", failures.len());
}

// ---------------------------------------------------------------------------------------------
// The corpus target.

/// A corpus file as shipped.
struct Original {
    rel: String,
    bytes: Vec<u8>,
}

fn corpus_files(dir: &Path, rel: &str, out: &mut Vec<Original>) {
    for entry in std::fs::read_dir(dir.join(rel)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type().unwrap().is_dir() {
            corpus_files(dir, &rel, out);
        } else {
            out.push(Original {
                bytes: std::fs::read(entry.path()).unwrap(),
                rel,
            });
        }
    }
}

/// Values of every TOML type, to put where another type belongs.
const TOML_VALUES: &[&str] = &[
    "\"\"",
    "\"x\"",
    "\"mt\"",
    "\"overview\"",
    "0",
    "-1",
    "1",
    "99999",
    "18446744073709551615",
    "9223372036854775807",
    "-9223372036854775808",
    "4294967296",
    "1.5",
    "-0.0",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "true",
    "false",
    "[]",
    "[1, \"a\"]",
    "[\"mt\", \"mt\"]",
    "{}",
    "{ value = 1 }",
    "1979-05-27T07:32:00Z",
    "\"\\u001b[2J\"",
    "\"\\u202e\"",
    "'''\nmulti\nline'''",
];

/// A structural change of a TOML text, line-wise, so that it mostly stays parseable and
/// reaches validation.
fn mutate_structure(rng: &mut Rng, text: &str, ids: &[&str]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return String::new();
    }
    let assignments: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(" = "))
        .collect();
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with('['))
        .collect();
    match rng.below(9) {
        0 if !assignments.is_empty() => {
            // Delete a key.
            lines.remove(*rng.pick(&assignments));
        }
        1 | 2 if !assignments.is_empty() => {
            // Change a value's type or range.
            let i = *rng.pick(&assignments);
            let key = lines[i].split(" = ").next().unwrap_or("").to_string();
            lines[i] = format!("{key} = {}", rng.pick(TOML_VALUES));
        }
        3 if !headers.is_empty() => {
            // Double a table with its body.
            let start = *rng.pick(&headers);
            let end = headers
                .iter()
                .find(|&&h| h > start)
                .copied()
                .unwrap_or(lines.len());
            let block: Vec<String> = lines[start..end].to_vec();
            let at = *rng.pick(&headers);
            lines.splice(at..at, block);
        }
        4 if !headers.is_empty() => {
            // Delete a table with its body.
            let start = *rng.pick(&headers);
            let end = headers
                .iter()
                .find(|&&h| h > start)
                .copied()
                .unwrap_or(lines.len());
            lines.drain(start..end);
        }
        5 => {
            // Another id in place of one: duplicate ids and dangling references.
            let from = rng.pick(ids);
            let to = rng.pick(ids);
            let joined = lines.join("\n");
            let replaced = joined.replacen(&format!("\"{from}\""), &format!("\"{to}\""), 1);
            lines = replaced.lines().map(str::to_string).collect();
        }
        6 if !assignments.is_empty() => {
            // Rename a key.
            let i = *rng.pick(&assignments);
            lines[i] = lines[i].replacen(" = ", "_x = ", 1);
        }
        7 => {
            // Swap two lines.
            let a = rng.below(lines.len());
            let b = rng.below(lines.len());
            lines.swap(a, b);
        }
        _ => {
            // Break a header.
            if let Some(&i) = headers.get(rng.below(headers.len().max(1))) {
                let cut = lines[i].len().saturating_sub(1);
                lines[i].truncate(cut);
            }
        }
    }
    lines.join("\n") + "\n"
}

/// One mutated corpus: which files were touched (to restore them) and a description.
fn mutate_corpus(
    rng: &mut Rng,
    dir: &Path,
    originals: &[Original],
    ids: &[&str],
) -> (Vec<String>, Vec<u8>) {
    let mut touched = Vec::new();
    let mut log = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let file = rng.pick(originals);
        let path = dir.join(&file.rel);
        touched.push(file.rel.clone());
        let current = std::fs::read(&path).unwrap_or_default();
        let what = rng.below(20);
        let new: Option<Vec<u8>> = match what {
            0..=7 => {
                let mut bytes = current;
                for _ in 0..1 + rng.below(3) {
                    mutate_bytes(rng, &mut bytes);
                }
                Some(bytes)
            }
            8..=15 => {
                let text = String::from_utf8_lossy(&current);
                Some(mutate_structure(rng, &text, ids).into_bytes())
            }
            16 => None,
            17 => Some(Vec::new()),
            18 => {
                // A race file the manifest does not list, or one under a listed id.
                let name = format!("races/{}.toml", rng.pick(&["zz", "mt", "overview", "x y"]));
                touched.push(name.clone());
                let _ = std::fs::write(dir.join(&name), &current);
                log.extend_from_slice(format!("add {name}\n").as_bytes());
                Some(current)
            }
            _ => {
                let at = rng.below(current.len() + 1);
                Some(current[..at].to_vec())
            }
        };
        log.extend_from_slice(format!("{} ({what}):\n", file.rel).as_bytes());
        match new {
            Some(bytes) => {
                log.extend_from_slice(&bytes);
                log.push(b'\n');
                std::fs::write(&path, bytes).unwrap();
            }
            None => {
                log.extend_from_slice(b"<removed>\n");
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    (touched, log)
}

/// What the commands do with a corpus that passed validation (the mutation hit a comment or
/// a note, or made a change that is still sound): answers, statistics, an index and a search.
fn use_corpus(corpus: &Corpus, index: &Path, l10n: &[Localizer; 2]) -> Result<(), String> {
    for l in l10n {
        for doc in &corpus.documents {
            let _ = senate_kb::views::race::race(corpus, doc, l, true, true);
            let _ = senate_kb::kb::answer::summary(corpus, doc, l);
        }
    }
    let _ = senate_kb::kb::corpus::stats::Stats::compute(corpus);
    let mut engine = Engine::rebuild(index, corpus).map_err(|e| format!("rebuild: {e:?}"))?;
    let parsed = query::parse("Plagiat OR Stichwahl party:R").unwrap();
    let (_, hits) = engine
        .search(&parsed, 10)
        .map_err(|e| format!("search: {e:?}"))?;
    check_answer(hits.len(), &hits, 10)
}

fn restore(dir: &Path, originals: &[Original], touched: &[String]) {
    for rel in touched {
        match originals.iter().find(|o| &o.rel == rel) {
            Some(o) => std::fs::write(dir.join(rel), &o.bytes).unwrap(),
            None => {
                let _ = std::fs::remove_file(dir.join(rel));
            }
        }
    }
}

#[test]
#[ignore = "fuzzing: run with SENATE_KB_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored"]
fn fuzz_corpus() {
    let settings = Settings::from_env("corpus");
    let mut rng = Rng(settings.seed);
    let (_tmp, dir) = common::corpus_copy();
    let mut originals = Vec::new();
    corpus_files(&dir, "", &mut originals);
    originals.sort_by(|a, b| a.rel.cmp(&b.rel));
    // The TOML files far more often than the source article.
    let tomls: Vec<Original> = originals
        .iter()
        .filter(|o| o.rel.ends_with(".toml"))
        .map(|o| Original {
            rel: o.rel.clone(),
            bytes: o.bytes.clone(),
        })
        .collect();
    let mut ids = common::document_ids();
    ids.extend([
        "tom-udall",
        "mark-udall",
        "cory-gardner",
        "MT",
        "CO",
        "D",
        "R",
    ]);
    let location = CorpusLocation::Dir(dir.clone());
    let index = tempfile::tempdir().unwrap();
    let l10n = [Localizer::new(Lang::En), Localizer::new(Lang::De)];
    let watchdog = Watchdog::start(Duration::from_secs(30));
    let started = Instant::now();
    let (mut tried, mut loaded, mut refused, mut problems) = (0u64, 0u64, 0u64, 0u64);
    let mut slowest = Duration::ZERO;
    let mut failures: Vec<(Vec<u8>, String)> = Vec::new();
    while settings.more(started, tried) {
        let set = if rng.chance(95) { &tomls } else { &originals };
        let (touched, log) = mutate_corpus(&mut rng, &dir, set, &ids);
        tried += 1;
        watchdog.enter(String::from_utf8_lossy(&log[..log.len().min(2000)]).into_owned());
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| match Corpus::load(&location) {
            Ok(corpus) => use_corpus(&corpus, index.path(), &l10n).map(|()| None),
            Err(CorpusError::Invalid(found)) => {
                if found.is_empty() {
                    return Err("refused without a problem".to_string());
                }
                for p in &found {
                    for l in &l10n {
                        assert_clean("problem", &render_problem(p, l))?;
                    }
                }
                Ok(Some(found.len()))
            }
        }));
        let took = t.elapsed();
        watchdog.leave();
        slowest = slowest.max(took);
        match result {
            Ok(Ok(None)) => loaded += 1,
            Ok(Ok(Some(n))) => {
                refused += 1;
                problems += n as u64;
            }
            Ok(Err(why)) => failures.push((log, why)),
            Err(_) => failures.push((log, "panic".into())),
        }
        restore(&dir, &originals, &touched);
    }
    for (n, (log, why)) in failures.iter().enumerate() {
        let kept = keep_failure("corpus", n, log);
        eprintln!("FAILURE {n}: {why}; mutation kept in {}", kept.display());
    }
    eprintln!(
        "fuzz corpus: seed {}, {tried} corpora in {:.0?} ({loaded} loaded, {refused} refused \
         with {problems} problems), slowest {slowest:.1?}, {} failures",
        settings.seed,
        started.elapsed(),
        failures.len()
    );
    assert!(failures.is_empty(), "{} failures", failures.len());
}
