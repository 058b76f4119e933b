//! Scale benchmark: senate-kb (the real [`Engine`]: our analyzers, schema and index
//! lifecycle) beside SQLite FTS5 (`unicode61 remove_diacritics 2`, ranked by bm25) on
//! synthetic corpora of 1k to 1M sentence units built from the real corpus.
//!
//! ```sh
//! cargo bench --bench scale -- 1k 10k 100k      # the default sizes
//! cargo bench --bench scale -- 1m               # one million units (long)
//! ```
//!
//! For each size it measures build time, size on disk, peak memory (of the build and of a
//! process that opens the index and queries it) and query latency p50/p99 per class, and
//! prints Markdown tables with the ratio senate-kb ÷ FTS5 (below 1: senate-kb is faster or
//! smaller). Each engine builds and queries in a process of its own (this binary, started
//! again with `--child`), so that peak memory (`VmHWM`) is that engine's alone; the engines
//! take turns, three builds each (the fastest counts) and three query runs each (the medians
//! count), so that a slow moment of a shared machine falls on both.
//!
//! # The synthetic corpus
//!
//! Generated with a fixed seed, so every run and both engines see the same units; written
//! once to `target/scale/<size>/corpus-*.jsonl`, which both engines stream from. A document
//! is race-like: as many units as a real race has, the first drawn from the real races' first
//! sentences, the last from their last sentences (who won, with how much), the others from
//! every unit of the corpus, the overview's too. Each unit keeps its German and English
//! (both languages, aligned), with the people it names replaced by a cast of new names (first
//! names and surnames of the real people, recombined, consistent within a document and across
//! the two languages) and its state by the document's state (German name in German, English
//! in English). The facts (state, winner's party, outcome, special) are drawn from the real
//! races. So the vocabulary, sentence structure, compounds, phrases and bilingual alignment are
//! the real corpus's, at any size.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use senate_kb::kb::corpus::{Corpus, CorpusLocation, DocKind, Document, Role, SentencePair};
use senate_kb::search::{Engine, IndexDocument, IndexFacts, query};
use serde::{Deserialize, Serialize};

/// The seed of every synthetic corpus.
const SEED: u64 = 2014;

/// Bump when the generator changes: the corpus files carry it in their name.
const GENERATOR_VERSION: u32 = 1;

/// The query classes, each with three queries: as typed into senate-kb, and the same need
/// as an FTS5 `MATCH` expression (typos and compound parts typed as they are: FTS5 has
/// neither fuzzy matching nor compound splitting).
const QUERIES: &[(&str, &[(&str, &str)])] = &[
    (
        "single word",
        &[
            ("Umfragen", "umfragen"),
            ("Stichwahl", "stichwahl"),
            ("Favorit", "favorit"),
        ],
    ),
    (
        "compound part",
        &[
            ("Plagiat", "plagiat"),
            ("Anwalt", "anwalt"),
            ("Chance", "chance"),
        ],
    ),
    (
        "two words",
        &[
            ("Daines Plagiat", "daines plagiat"),
            ("Demokraten Vorwahlen", "demokraten vorwahlen"),
            ("Favorit Umfragen", "favorit umfragen"),
        ],
    ),
    (
        "phrase",
        &[
            ("\"knapp mehr als\"", "\"knapp mehr als\""),
            ("\"Secretary of State\"", "\"secretary of state\""),
            ("\"neck-and-neck race\"", "\"neck and neck race\""),
        ],
    ),
    (
        "typo",
        &[
            ("Plagait", "plagait"),
            ("Zustimunswerte", "zustimunswerte"),
            ("Rokefelle", "rokefelle"),
        ],
    ),
    // The same typos against FTS5 with the simplest typo tolerance an application can add
    // (see `fuzzy_match`): the comparison of two answers, where the row above compares an
    // answer with none.
    (
        "typo, FTS5 + vocabulary scan",
        &[
            ("Plagait", "fuzzy:plagait"),
            ("Zustimunswerte", "fuzzy:zustimunswerte"),
            ("Rokefelle", "fuzzy:rokefelle"),
        ],
    ),
    (
        "filter",
        &[
            ("party:R outcome:gain", "party:r AND outcome:gain"),
            ("Umfrage state:MT", "umfrage AND state:mt"),
            ("Favorit party:D", "favorit AND party:d"),
        ],
    ),
    (
        "cross-language",
        &[
            ("runoff", "runoff"),
            ("pediatrician", "pediatrician"),
            ("underdog", "underdog"),
        ],
    ),
];

/// The FTS5 query: the best hits, with a snippet each, as senate-kb returns a sentence each.
const FTS5_QUERY: &str = "SELECT id, snippet(docs, -1, '[', ']', '…', 12) FROM docs \
                          WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2";

/// How many hits a query returns: 10, or `SCALE_LIMIT` (with 1, senate-kb picks and
/// highlights one best sentence instead of ten, which shows what that costs).
fn limit() -> usize {
    std::env::var("SCALE_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

/// How long the query phase of one engine may take, and how many rounds it runs at most.
const QUERY_BUDGET: Duration = Duration::from_secs(15);
const MAX_ROUNDS: usize = 200;
const MIN_ROUNDS: usize = 10;

/// `SCALE_CLASS=typo,phrase`: only these query classes (for profiling one): the class of each
/// name, else the classes whose names contain it (`cross` for cross-language, `scan` for the
/// typo row with FTS5's vocabulary scan, `typo,scan` for both typo rows). Empty names select
/// nothing (`typo,` once selected every class).
fn selected(class: &str) -> bool {
    std::env::var("SCALE_CLASS").map_or(true, |wanted| {
        let exact = |w: &str| QUERIES.iter().any(|(c, _)| *c == w);
        wanted
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .any(|w| class == w || (!exact(w) && class.contains(w)))
    })
}

/// `SCALE_ROUNDS=N`: exactly N rounds whatever the time, so that runs under an instruction
/// counter (`valgrind --tool=callgrind`) do the same work and can be compared.
fn fixed_rounds() -> Option<usize> {
    std::env::var("SCALE_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    let words: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mut sizes: Vec<usize> = words.iter().filter_map(|a| parse_size(a)).collect();
    if sizes.len() < words.len() {
        // `cargo bench -- FILTER` hands criterion's filter to every bench: not ours.
        eprintln!("scale: arguments are sizes (1k, 10k, 100k, 1m); got {words:?}: nothing to do");
        return;
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000, 100_000];
    }
    println!("# senate-kb vs SQLite FTS5 at scale\n");
    println!("machine: {} cores, {}", cores(), cpu_model());
    println!("hits per query: {}", limit());
    for units in sizes {
        run_size(units);
    }
}

fn parse_size(text: &str) -> Option<usize> {
    let text = text.to_ascii_lowercase();
    let (digits, factor) = match text.as_bytes().last()? {
        b'k' => (&text[..text.len() - 1], 1_000),
        b'm' => (&text[..text.len() - 1], 1_000_000),
        _ => (text.as_str(), 1),
    };
    digits.parse::<usize>().ok().map(|n| n * factor)
}

fn label(units: usize) -> String {
    match units {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn work_dir(units: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("scale").join(label(units))
}

fn corpus_file(units: usize) -> PathBuf {
    work_dir(units).join(format!("corpus-v{GENERATOR_VERSION}-seed{SEED}.jsonl"))
}

/// What a child reports, as one JSON line on stdout.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Report {
    /// Build: seconds.
    build_s: f64,
    /// Build: bytes on disk.
    bytes: u64,
    /// Documents indexed.
    documents: u64,
    /// Peak resident memory of the child, kB.
    peak_kb: u64,
    /// Query: milliseconds to open the index.
    open_ms: f64,
    /// Query: per class, (p50 µs, p99 µs, mean results returned of at most 10, samples).
    classes: Vec<(String, f64, f64, f64, usize)>,
    /// Query: per query of those classes, in order, (p50 µs, mean results returned).
    queries: Vec<(f64, f64)>,
}

fn run_size(units: usize) {
    let dir = work_dir(units);
    fs::create_dir_all(&dir).expect("work dir");
    let file = corpus_file(units);
    if !file.exists() {
        let started = Instant::now();
        generate(units, &file);
        eprintln!(
            "generated {} units in {:.1} s",
            label(units),
            started.elapsed().as_secs_f64()
        );
    }
    let load_before = loadavg();
    let engines = ["senate-kb", "fts5"];
    let units_arg = units.to_string();
    // Each build from nothing, in a process of its own (so that its peak memory is one
    // build's), the engines taking turns so that a slow moment of the machine falls on all;
    // the fastest counts. The index each engine built last stays for its queries.
    let mut builds: HashMap<&str, Vec<Report>> = HashMap::new();
    for _ in 0..build_runs() {
        for engine in engines {
            let report = spawn_child(&["build", engine, &units_arg]);
            builds.entry(engine).or_default().push(report);
        }
    }
    // The query phases take turns too, and each figure is the median of an engine's runs.
    let mut queries: HashMap<&str, Vec<Report>> = HashMap::new();
    for _ in 0..query_runs() {
        for engine in engines {
            let report = spawn_child(&["query", engine, &units_arg]);
            queries.entry(engine).or_default().push(report);
        }
    }
    let mut reports = HashMap::new();
    for engine in engines {
        let build = builds
            .remove(engine)
            .into_iter()
            .flatten()
            .min_by(|a, b| a.build_s.total_cmp(&b.build_s))
            .expect("at least one build");
        let query = median_report(queries.remove(engine).unwrap_or_default());
        reports.insert(engine, (build, query));
    }
    let load_after = loadavg();
    print_tables(units, &reports, &load_before, &load_after);
}

/// How many query phases each engine runs, taking turns with the other: 3, or
/// `SCALE_QUERY_RUNS`. On this shared VM the ratio of one class moved by up to 1.6× between two
/// runs a minute apart, FTS5's own p50 by 1.3×, although neither engine had changed.
fn query_runs() -> usize {
    count_from_env("SCALE_QUERY_RUNS", 3)
}

/// A count of at least one from the environment variable `name`, else `default`.
fn count_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
        .max(1)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// One engine's query runs as one report: per class the median p50 and p99 of the runs, the
/// samples of all of them; per query the median p50; the median time to open; the highest
/// peak memory.
fn median_report(runs: Vec<Report>) -> Report {
    let Some(first) = runs.first() else {
        return Report::default();
    };
    let classes = (0..first.classes.len())
        .map(|i| {
            let of = |pick: fn(&(String, f64, f64, f64, usize)) -> f64| {
                median(runs.iter().map(|r| pick(&r.classes[i])).collect())
            };
            (
                first.classes[i].0.clone(),
                of(|c| c.1),
                of(|c| c.2),
                of(|c| c.3),
                runs.iter().map(|r| r.classes[i].4).sum(),
            )
        })
        .collect();
    let queries = (0..first.queries.len())
        .map(|i| {
            let of = |pick: fn(&(f64, f64)) -> f64| {
                median(runs.iter().map(|r| pick(&r.queries[i])).collect())
            };
            (of(|q| q.0), of(|q| q.1))
        })
        .collect();
    Report {
        open_ms: median(runs.iter().map(|r| r.open_ms).collect()),
        peak_kb: runs.iter().map(|r| r.peak_kb).max().unwrap_or_default(),
        classes,
        queries,
        ..Report::default()
    }
}

fn spawn_child(args: &[&str]) -> Report {
    let exe = std::env::current_exe().expect("current exe");
    let out = Command::new(exe)
        .arg("--child")
        .args(args)
        .output()
        .expect("start a child");
    assert!(
        out.status.success(),
        "child {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("child {args:?} said {line:?}: {e}"))
}

fn print_tables(
    units: usize,
    reports: &HashMap<&str, (Report, Report)>,
    load_before: &str,
    load_after: &str,
) {
    let (kb_build, kb_query) = &reports["senate-kb"];
    let (fts_build, fts_query) = &reports["fts5"];
    println!(
        "\n## {} units ({} documents)\n\nload average before: {load_before}; after: {load_after}\n",
        label(units),
        kb_build.documents
    );
    println!("| measure | senate-kb | FTS5 | senate-kb ÷ FTS5 |");
    println!("| --- | ---: | ---: | ---: |");
    let row = |name: &str, a: f64, b: f64, digits: usize| {
        println!(
            "| {name} | {a:.digits$} | {b:.digits$} | {:.2} |",
            if b > 0.0 { a / b } else { f64::NAN }
        );
    };
    row("build (s)", kb_build.build_s, fts_build.build_s, 3);
    let mb = |b: u64| b as f64 / 1_048_576.0;
    row(
        "size on disk (MB)",
        mb(kb_build.bytes),
        mb(fts_build.bytes),
        1,
    );
    let kb_mb = |k: u64| k as f64 / 1024.0;
    row(
        "peak memory, build (MB)",
        kb_mb(kb_build.peak_kb),
        kb_mb(fts_build.peak_kb),
        1,
    );
    row(
        "peak memory, queries (MB)",
        kb_mb(kb_query.peak_kb),
        kb_mb(fts_query.peak_kb),
        1,
    );
    row("open (ms)", kb_query.open_ms, fts_query.open_ms, 2);
    println!();
    println!(
        "| query class | senate-kb p50 (µs) | FTS5 p50 (µs) | p50 ÷ | senate-kb p99 (µs) | FTS5 p99 (µs) | p99 ÷ | results senate-kb / FTS5 |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (a, b) in kb_query.classes.iter().zip(&fts_query.classes) {
        println!(
            "| {} | {:.0} | {:.0} | {:.2} | {:.0} | {:.0} | {:.2} | {:.1} / {:.1} |",
            a.0,
            a.1,
            b.1,
            a.1 / b.1,
            a.2,
            b.2,
            a.2 / b.2,
            a.3,
            b.3
        );
    }
    let samples = kb_query.classes.first().map_or(0, |c| c.4);
    println!(
        "\n(samples per class: {samples}, in {} query runs per engine taken in turns, p50 and \
         p99 the medians of the runs'; results: mean number returned, at most {})",
        query_runs(),
        limit()
    );
    println!(
        "\n| query | class | senate-kb p50 (µs) | FTS5 p50 (µs) | p50 ÷ | results senate-kb / FTS5 |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    let asked = QUERIES
        .iter()
        .filter(|(class, _)| selected(class))
        .flat_map(|(class, queries)| queries.iter().map(move |(ours, _)| (class, ours)));
    for ((class, ours), (a, b)) in asked.zip(kb_query.queries.iter().zip(&fts_query.queries)) {
        println!(
            "| `{ours}` | {class} | {:.0} | {:.0} | {:.2} | {:.1} / {:.1} |",
            a.0,
            b.0,
            a.0 / b.0,
            a.1,
            b.1
        );
    }
}

// ----- children -------------------------------------------------------------------------

fn child(args: &[String]) {
    let [phase, engine, units] = args else {
        panic!("--child build|query senate-kb|fts5 UNITS");
    };
    let units: usize = units.parse().expect("units");
    let dir = work_dir(units);
    let mut report = match (phase.as_str(), engine.as_str()) {
        ("build", "senate-kb") => build_senate_kb(units, &dir),
        ("build", "fts5") => build_fts5(units, &dir),
        ("query", "senate-kb") => query_senate_kb(units, &dir),
        ("query", "fts5") => query_fts5(&dir),
        _ => panic!("unknown phase or engine: {phase} {engine}"),
    };
    report.peak_kb = peak_kb();
    println!("{}", serde_json::to_string(&report).expect("report"));
}

/// How many times each engine builds its index, taking turns: the fastest counts. On this
/// shared VM two builds of the same index a few minutes apart differed by up to 1.9x (a
/// 10k-unit build took 0.15 s and 0.21 s against FTS5's 0.09 s and 0.07 s), so one slow moment
/// should not decide the ratio. `SCALE_BUILDS=N` for another number.
fn build_runs() -> usize {
    count_from_env("SCALE_BUILDS", 3)
}

/// The fingerprint that keys a synthetic index.
fn fingerprint(units: usize) -> u64 {
    SEED.rotate_left(32) ^ units as u64 ^ (u64::from(GENERATOR_VERSION) << 56)
}

fn read_docs(units: usize) -> impl Iterator<Item = SynthDoc> {
    let file = fs::File::open(corpus_file(units)).expect("corpus file");
    BufReader::with_capacity(1 << 20, file)
        .lines()
        .map(|line| serde_json::from_str(&line.expect("read")).expect("parse"))
}

/// An iterator that knows its length, as a caller holding its documents would: the engine
/// plans its writer threads and memory by it.
struct Counted<I> {
    inner: I,
    left: usize,
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let item = self.inner.next()?;
        self.left = self.left.saturating_sub(1);
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

fn build_senate_kb(units: usize, dir: &Path) -> Report {
    let corpus = Corpus::load(&CorpusLocation::Embedded).expect("corpus");
    // Counted before the clock starts, as FTS5's build is not told.
    let documents = BufReader::new(fs::File::open(corpus_file(units)).expect("corpus file"))
        .lines()
        .count();
    let index = dir.join("senate-kb");
    let _ = fs::remove_dir_all(&index);
    let started = Instant::now();
    let engine = Engine::build_documents(
        &index,
        fingerprint(units),
        &corpus,
        Counted {
            inner: read_docs(units).map(SynthDoc::into_index_document),
            left: documents,
        },
    )
    .unwrap_or_else(|e| panic!("build: {e:?}"));
    Report {
        build_s: started.elapsed().as_secs_f64(),
        bytes: disk_size(&index),
        documents: engine.documents(),
        ..Report::default()
    }
}

fn build_fts5(units: usize, dir: &Path) -> Report {
    let path = dir.join("fts5.db");
    let _ = fs::remove_file(&path);
    let started = Instant::now();
    let mut db = rusqlite::Connection::open(&path).expect("open db");
    db.execute_batch(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, state, party, outcome, de, en, \
         tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("create");
    let tx = db.transaction().expect("transaction");
    let mut documents = 0;
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO docs (id, state, party, outcome, de, en) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .expect("prepare");
        for doc in read_docs(units) {
            insert
                .execute((
                    &doc.id,
                    doc.state.to_lowercase(),
                    doc.party.to_lowercase(),
                    &doc.outcome,
                    doc.text(0),
                    doc.text(1),
                ))
                .expect("insert");
            documents += 1;
        }
    }
    tx.commit().expect("commit");
    drop(db);
    Report {
        build_s: started.elapsed().as_secs_f64(),
        bytes: disk_size(&path),
        documents,
        ..Report::default()
    }
}

/// What [`measure`] returns: per class (name, p50 µs, p99 µs, mean results, samples), and per
/// query of those classes, in order, (p50 µs, mean results).
type Measured = (Vec<(String, f64, f64, f64, usize)>, Vec<(f64, f64)>);

/// Runs every query of every class in rounds until the budget is spent; returns per class
/// the latencies (µs) and the number of results of each run, and per query its p50 and mean
/// number of results.
fn measure(mut run: impl FnMut(&str, &str) -> usize) -> Measured {
    // Per class, per query: the latencies and the results found in all.
    type Samples = Vec<Vec<(Vec<f64>, usize)>>;
    let empty = || -> Samples {
        QUERIES
            .iter()
            .map(|(_, queries)| vec![(Vec::new(), 0); queries.len()])
            .collect()
    };
    let round = |samples: &mut Samples, run: &mut dyn FnMut(&str, &str) -> usize| {
        for (i, (class, queries)) in QUERIES.iter().enumerate() {
            if !selected(class) {
                continue;
            }
            for (j, (ours, fts)) in queries.iter().enumerate() {
                let started = Instant::now();
                let found = run(ours, fts);
                samples[i][j].0.push(started.elapsed().as_secs_f64() * 1e6);
                samples[i][j].1 += found;
            }
        }
    };
    // Warm up: two rounds not counted.
    let mut warm_up = empty();
    round(&mut warm_up, &mut run);
    round(&mut warm_up, &mut run);
    let mut samples = empty();
    let started = Instant::now();
    let mut rounds = 0;
    let more = |rounds: usize| match fixed_rounds() {
        Some(fixed) => rounds < fixed,
        None => rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && started.elapsed() < QUERY_BUDGET),
    };
    while more(rounds) {
        round(&mut samples, &mut run);
        rounds += 1;
    }
    let mut classes = Vec::new();
    let mut queries = Vec::new();
    for ((class, _), per_query) in QUERIES.iter().zip(samples) {
        if !selected(class) {
            continue;
        }
        let mut times = Vec::new();
        let mut found = 0;
        for (mut query_times, query_found) in per_query {
            query_times.sort_by(f64::total_cmp);
            let n = query_times.len();
            queries.push((
                percentile(&query_times, 0.50),
                query_found as f64 / n as f64,
            ));
            times.extend(query_times);
            found += query_found;
        }
        times.sort_by(f64::total_cmp);
        let n = times.len();
        classes.push((
            class.to_string(),
            percentile(&times, 0.50),
            percentile(&times, 0.99),
            found as f64 / n as f64,
            n,
        ));
    }
    (classes, queries)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn query_senate_kb(units: usize, dir: &Path) -> Report {
    let started = Instant::now();
    let mut engine =
        Engine::open_documents(&dir.join("senate-kb"), fingerprint(units)).expect("open");
    let open_ms = started.elapsed().as_secs_f64() * 1e3;
    let (classes, queries) = measure(|ours, _| {
        let parsed = query::parse(ours).expect("parse");
        let (_, hits) = engine.search(&parsed, limit()).expect("search");
        std::hint::black_box(&hits);
        hits.len()
    });
    Report {
        open_ms,
        classes,
        queries,
        ..Report::default()
    }
}

fn query_fts5(dir: &Path) -> Report {
    let started = Instant::now();
    let db = rusqlite::Connection::open(dir.join("fts5.db")).expect("open");
    // Opening is lazy: read the schema now, as the first query would.
    db.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .expect("schema");
    let open_ms = started.elapsed().as_secs_f64() * 1e3;
    // The vocabulary, read once, for `fuzzy:` queries (not counted in opening: only an
    // application that forgives typos needs it).
    db.execute_batch("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, docs, row);")
        .expect("vocab table");
    let vocabulary: Vec<String> = db
        .prepare("SELECT term FROM temp.vocab")
        .expect("prepare vocab")
        .query_map([], |r| r.get(0))
        .expect("vocab")
        .map(|t| t.expect("term"))
        .collect();
    let (classes, queries) = measure(|_, fts| {
        let expression = match fts.strip_prefix("fuzzy:") {
            Some(words) => match fuzzy_match(words, &vocabulary) {
                Some(expression) => expression,
                None => return 0,
            },
            None => fts.to_string(),
        };
        let mut stmt = db.prepare(FTS5_QUERY).expect("prepare");
        let rows: Vec<(String, String)> = stmt
            .query_map((&expression, limit() as i64), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        std::hint::black_box(&rows);
        rows.len()
    });
    Report {
        open_ms,
        classes,
        queries,
        ..Report::default()
    }
}

/// An FTS5 `MATCH` expression forgiving typos as senate-kb does (one in a word of five
/// letters or more, two from nine but one for a term whose first letter differs; a
/// transposition is one), built the simplest way an
/// application on FTS5 can: every term of the vocabulary (held in memory) within that many
/// edits of a word, ORed, per word; the words ANDed. `None` when a word has no such term.
/// (SQLite's `spellfix1` extension would prune the scan with phonetic keys; rusqlite's
/// bundled SQLite does not have it.)
fn fuzzy_match(words: &str, vocabulary: &[String]) -> Option<String> {
    let mut groups = Vec::new();
    for word in words.split_whitespace() {
        let length = word.chars().count();
        let allowance = senate_kb::text::typos::typo_allowance(word);
        let first = word.chars().next();
        let allowed =
            |term: &str| senate_kb::text::typos::typo_limit(allowance, first, term.chars().next());
        let terms: Vec<String> = vocabulary
            .iter()
            .filter(|term| term.chars().count().abs_diff(length) <= allowance)
            .filter(|term| strsim::osa_distance(word, term) <= allowed(term))
            .map(|term| format!("\"{term}\""))
            .collect();
        if terms.is_empty() {
            return None;
        }
        groups.push(format!("({})", terms.join(" OR ")));
    }
    Some(groups.join(" AND "))
}

fn disk_size(path: &Path) -> u64 {
    let Ok(meta) = fs::metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| disk_size(&e.path())).sum())
        .unwrap_or(0)
}

fn status_kb(key: &str) -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn peak_kb() -> u64 {
    status_kb("VmHWM:")
}

fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_default()
}

// ----- the generator ----------------------------------------------------------------------

/// A synthetic document as stored in the corpus file.
#[derive(Debug, Serialize, Deserialize)]
struct SynthDoc {
    id: String,
    state: String,
    party: String,
    outcome: String,
    special: bool,
    people: Vec<String>,
    /// German and English of each unit.
    units: Vec<[String; 2]>,
    title: [String; 2],
    summary: [String; 2],
}

impl SynthDoc {
    /// The units of one language (0: German, 1: English) as one text, a line each: the
    /// column FTS5 indexes.
    fn text(&self, lang: usize) -> String {
        let units: Vec<&str> = self.units.iter().map(|u| u[lang].as_str()).collect();
        units.join("\n")
    }

    fn into_index_document(self) -> IndexDocument {
        IndexDocument {
            id: self.id,
            kind: DocKind::Race,
            facts: Some(IndexFacts {
                state: self.state,
                party: Some(self.party),
                outcome: self.outcome,
                special: self.special,
            }),
            // Who each synthetic race is about is not modelled, nor what its facts say.
            leads: Vec::new(),
            concepts: Vec::new(),
            people: self.people,
            knowledge: Default::default(),
            units: self
                .units
                .into_iter()
                .map(|[de, en]| SentencePair {
                    paragraph: 1,
                    de,
                    en,
                })
                .collect(),
            title: self.title,
            summary: self.summary,
        }
    }
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A unit of the real corpus with what must be replaced in it.
struct Template<'a> {
    unit: &'a SentencePair,
    doc: &'a Document,
}

/// A person of a template document: the spellings to replace, longest first, and which
/// member of the new cast takes their place (0 the winner, 1 the main opponent, else others).
struct Cast {
    spellings: Vec<String>,
    slot: usize,
}

fn generate(units: usize, path: &Path) {
    let corpus = Corpus::load(&CorpusLocation::Embedded).expect("corpus");
    let races: Vec<&Document> = corpus.races().collect();
    let firsts: Vec<Template> = races
        .iter()
        .map(|d| Template {
            unit: &d.units[0],
            doc: d,
        })
        .collect();
    let lasts: Vec<Template> = races
        .iter()
        .map(|d| Template {
            unit: d.units.last().expect("a unit"),
            doc: d,
        })
        .collect();
    let all: Vec<Template> = corpus
        .documents
        .iter()
        .flat_map(|d| d.units.iter().map(move |unit| Template { unit, doc: d }))
        .collect();
    let casts: HashMap<&str, Vec<Cast>> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), cast_of(&corpus, d)))
        .collect();
    let first_names: Vec<&str> = corpus
        .people
        .iter()
        .filter_map(|p| p.name.split(' ').next())
        .collect();
    let surnames: Vec<&str> = corpus
        .people
        .iter()
        .filter_map(|p| p.name.rsplit(' ').next())
        .collect();

    let mut rng = Rng(SEED);
    let mut out = BufWriter::new(fs::File::create(path).expect("corpus file"));
    let mut written = 0;
    let mut n = 0;
    while written < units {
        let shape = rng.pick(&races);
        let length = shape.units.len().min(units - written);
        let facts = rng.pick(&races).facts.as_ref().expect("race facts");
        let state = rng.pick(&corpus.states);
        let cast: Vec<String> = (0..6)
            .map(|_| format!("{} {}", rng.pick(&first_names), rng.pick(&surnames)))
            .collect();
        let mut text = Vec::with_capacity(length);
        for i in 0..length {
            let template = if i == 0 {
                rng.pick(&firsts)
            } else if i + 1 == length {
                rng.pick(&lasts)
            } else {
                rng.pick(&all)
            };
            text.push(rewrite(
                template,
                &casts[template.doc.id.as_str()],
                &cast,
                state,
                &corpus,
            ));
        }
        let party = corpus
            .person(&facts.winner.value)
            .map_or("D", |p| p.party.code());
        let doc = SynthDoc {
            id: format!("s{n}"),
            state: state.code.clone(),
            party: party.to_string(),
            outcome: facts.outcome.value.as_str().to_string(),
            special: facts.special.value,
            people: cast.iter().map(|name| slug(name)).collect(),
            units: text,
            title: [state.de.clone(), state.en.clone()],
            summary: [
                format!("{} ({party}) gewann in {}.", cast[0], state.de),
                format!("{} ({party}) won in {}.", cast[0], state.en),
            ],
        };
        serde_json::to_writer(&mut out, &doc).expect("write");
        out.write_all(b"\n").expect("write");
        written += length;
        n += 1;
    }
    out.flush().expect("flush");
}

/// The people a template document names, and the slot of the new cast each one takes.
fn cast_of(corpus: &Corpus, doc: &Document) -> Vec<Cast> {
    let winner = doc.facts.as_ref().map(|f| f.winner.value.as_str());
    let mut others = 2;
    doc.people
        .iter()
        .filter_map(|participant| {
            let person = corpus.person(&participant.person)?;
            let slot = if Some(person.id.as_str()) == winner {
                0
            } else if participant.roles.contains(&Role::Candidate)
                || participant.roles.contains(&Role::Incumbent)
            {
                1
            } else {
                others = if others == 5 { 2 } else { others + 1 };
                others
            };
            let mut spellings: Vec<String> = person.article_name.iter().cloned().collect();
            spellings.push(person.name.clone());
            spellings.extend(person.name.rsplit(' ').next().map(str::to_string));
            Some(Cast { spellings, slot })
        })
        .collect()
}

/// A template unit with its people and state replaced, in both languages.
fn rewrite(
    template: &Template,
    people: &[Cast],
    cast: &[String],
    state: &senate_kb::kb::corpus::State,
    corpus: &Corpus,
) -> [String; 2] {
    let mut de = template.unit.de.clone();
    let mut en = template.unit.en.clone();
    for person in people {
        let new = &cast[person.slot];
        let surname = new.rsplit(' ').next().unwrap_or(new);
        for (i, spelling) in person.spellings.iter().enumerate() {
            // The last spelling is the surname alone.
            let to = if i + 1 == person.spellings.len() {
                surname
            } else {
                new
            };
            de = replace_word(&de, spelling, to);
            en = replace_word(&en, spelling, to);
        }
    }
    let old = template
        .doc
        .facts
        .as_ref()
        .and_then(|f| corpus.state(&f.state.value));
    if let Some(old) = old {
        de = replace_word(&de, &old.de, &state.de);
        en = replace_word(&en, &old.en, &state.en);
    }
    [de, en]
}

/// Replaces `from` where it stands as a word, or as a word with a genitive `s`.
fn replace_word(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() || !text.contains(from) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + from.len()..];
        let mut next = after.chars();
        let word_end = match next.next() {
            None => true,
            Some('s') => next.next().is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
        };
        let word_start = before.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if word_start && word_end { to } else { from });
        rest = after;
    }
    out.push_str(rest);
    out
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
