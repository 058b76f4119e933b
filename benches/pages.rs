//! How long the server takes to answer each web page, in process: a request through the
//! whole router (the layers, the handler, the template, and gzip when asked for), without a
//! socket. Prints p50, p90 and p99 over many requests and each page's size, plain and
//! gzipped; the budget is 2 ms at p50 and 100 KB. Run with `cargo bench --bench pages`
//! (numbers in BENCHMARKS.md, "Web pages").

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use senate_kb::kb::corpus::CorpusLocation;
use senate_kb::serve::state::AppState;
use tower::ServiceExt;

/// Requests timed per page, after as many to warm up.
const ROUNDS: usize = 2000;

const PAGES: [&str; 10] = [
    "/?lang=en",
    "/?lang=de",
    "/search?q=Plagi&lang=en",
    "/search?q=Stichwahl&lang=de",
    "/search?q=Senat&lang=en",
    "/races?lang=en",
    "/races?sort=-share&party=R&lang=de",
    "/race/mt?lang=en",
    "/race/co?text=both&lang=de",
    "/person/mark-udall?lang=en",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let rounds = if quick { 5 } else { ROUNDS };
    let dir = tempfile::tempdir().unwrap();
    let state = Arc::new(AppState::new());
    state
        .open(&CorpusLocation::Embedded, dir.path().join("index"))
        .unwrap();
    let router = senate_kb::serve::router(state);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ask = |uri: &str, gzip: bool| {
        let mut request = Request::builder().uri(uri);
        if gzip {
            request = request.header("accept-encoding", "gzip");
        }
        let request = request.body(Body::empty()).unwrap();
        runtime.block_on(async {
            let response = router.clone().oneshot(request).await.unwrap();
            assert!(response.status().is_success(), "{uri}");
            response
                .into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .len()
        })
    };
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "page", "p50", "p90", "p99", "p50 gz", "p99 gz", "bytes", "gzipped"
    );
    for page in PAGES {
        let mut times = [Vec::new(), Vec::new()];
        let mut sizes = [0, 0];
        for (gzip, (times, size)) in times.iter_mut().zip(sizes.iter_mut()).enumerate() {
            let gzip = gzip == 1;
            for _ in 0..rounds {
                *size = ask(page, gzip);
            }
            for _ in 0..rounds {
                let start = Instant::now();
                std::hint::black_box(ask(page, gzip));
                times.push(start.elapsed());
            }
            times.sort();
        }
        let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1000.0);
        println!(
            "{:<38} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
            page,
            ms(percentile(&times[0], 0.5)),
            ms(percentile(&times[0], 0.9)),
            ms(percentile(&times[0], 0.99)),
            ms(percentile(&times[1], 0.5)),
            ms(percentile(&times[1], 0.99)),
            sizes[0],
            sizes[1],
        );
    }
}
