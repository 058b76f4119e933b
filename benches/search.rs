//! In-process benchmarks: query latency per query class, index build, and Fluent formatting
//! of an answer. Run with `cargo bench --bench search`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use senate_kb::kb::answer;
use senate_kb::kb::corpus::{Corpus, CorpusLocation};
use senate_kb::l10n::{Lang, Localizer};
use senate_kb::search::{Engine, query};

/// One query per class the issue names.
const QUERIES: [(&str, &str); 8] = [
    ("single_word", "Plagiat"),
    ("compound_part", "Anwalt"),
    ("two_words", "Daines Plagiat"),
    ("phrase", "\"Max Baucus\""),
    ("typo", "Plagait"),
    ("prefix", "plag*"),
    ("filter", "party:R outcome:gain"),
    ("cross_language", "runoff"),
];

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (mut engine, _) = Engine::open(dir.path(), &CorpusLocation::Embedded).unwrap();
    let mut group = c.benchmark_group("query");
    for (class, text) in QUERIES {
        let parsed = query::parse(text).unwrap();
        group.bench_function(class, |b| {
            b.iter(|| black_box(engine.search(black_box(&parsed), 10).unwrap()))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| black_box(Engine::rebuild(dir.path(), &corpus).unwrap().documents()))
    });
    group.bench_function("open", |b| {
        b.iter(|| {
            black_box(
                Engine::open(dir.path(), &CorpusLocation::Embedded)
                    .unwrap()
                    .1,
            )
        })
    });
    group.finish();
}

fn fluent(c: &mut Criterion) {
    let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
    let doc = corpus.document("co").unwrap();
    let mut group = c.benchmark_group("fluent");
    group.bench_function("localizer_new_de", |b| {
        b.iter(|| black_box(Localizer::new(Lang::De)))
    });
    let de = Localizer::new(Lang::De);
    group.bench_function("race_summary_de", |b| {
        b.iter(|| black_box(answer::summary(&corpus, doc, &de)))
    });
    group.finish();
}

criterion_group!(benches, queries, build, fluent);
criterion_main!(benches);
