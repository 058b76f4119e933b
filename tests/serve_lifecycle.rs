//! The server's life beside the rest of the world: `senate-kb index` rebuilding the index it
//! answers from (it keeps answering correctly, moves to the new generation, and its old one
//! is not removed under it), and SIGTERM while requests are in flight (they complete, then
//! exit 0).

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use common::server::Server;
use common::{cmd, stderr, stdout};

/// Runs `senate-kb index` on `dir` and returns the new generation's name.
fn reindex(dir: &Path) -> String {
    let out = cmd()
        .arg("--index")
        .arg(dir)
        .args(["--json", "index"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let path = doc["path"].as_str().unwrap();
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Makes every generation directory look older than garbage collection's grace period, so
/// that the next build removes each that nobody holds.
fn age_generations(dir: &Path) {
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            let file = std::fs::File::open(entry.path()).unwrap();
            file.set_modified(long_ago).unwrap();
        }
    }
}

/// The generation `/readyz` says the server searches.
fn generation(server: &Server) -> String {
    server.get("/readyz").json()["generation"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn index_beside_a_running_server_does_not_break_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    let server = Server::ready(&dir, &[]);
    let first = generation(&server);
    assert!(dir.join(&first).is_dir());
    let queries = ["/api/search?q=Plagiat", "/api/search?q=Stichwahll&lang=de"];
    let expected: Vec<String> = queries.iter().map(|q| server.get(q).body).collect();
    let stop = AtomicBool::new(false);
    let (answered, wrong) = std::thread::scope(|s| {
        let hammers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut answered = 0;
                    let mut wrong = Vec::new();
                    while !stop.load(Ordering::Relaxed) {
                        for (q, want) in queries.iter().zip(&expected) {
                            let reply = server.get(q);
                            answered += 1;
                            if reply.status != 200 || reply.body != *want {
                                wrong.push(format!("{q}: {} {:.200}", reply.status, reply.body));
                            }
                        }
                    }
                    (answered, wrong)
                })
            })
            .collect();
        let mut live = first.clone();
        for round in 0..3 {
            // Every generation but the server's may go now.
            age_generations(&dir);
            let held = live.clone();
            let built = reindex(&dir);
            assert_ne!(built, held, "round {round}: a new generation");
            // The build's garbage collection left the one the server holds.
            assert!(
                dir.join(&held).is_dir(),
                "round {round}: {held} removed under the server"
            );
            let started = Instant::now();
            while generation(&server) != built {
                assert!(
                    started.elapsed() < Duration::from_secs(20),
                    "round {round}: the server never moved to {built}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
            live = built;
        }
        // Once the server let it go, an old generation is collected by the next build.
        age_generations(&dir);
        reindex(&dir);
        assert!(!dir.join(&first).exists(), "{first} was never collected");
        stop.store(true, Ordering::Relaxed);
        hammers.into_iter().map(|h| h.join().unwrap()).fold(
            (0, Vec::new()),
            |(n, mut w), (a, more)| {
                w.extend(more);
                (n + a, w)
            },
        )
    });
    assert!(answered > 0);
    assert!(
        wrong.is_empty(),
        "{} wrong of {answered}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn sigterm_lets_the_requests_in_flight_finish_then_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let mut server = Server::ready(tmp.path(), &[]);
    // Queries that take a while: relaxed, typos, many hits.
    let paths = [
        "/api/search?q=who+replaced+Max+Baucus+in+the+Senate&limit=100",
        "/api/search?q=Stichwahll+Kandidatt+Senatorr&limit=100",
        "/api/search?q=Wahl&limit=1000",
    ];
    let port = server.port;
    let signalled = std::sync::Mutex::new(None::<Instant>);
    type Timed = (Instant, Instant, Result<(u16, String), String>);
    let results: Vec<Timed> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..8)
            .map(|n| {
                let signalled = &signalled;
                s.spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .timeout_global(Some(Duration::from_secs(30)))
                        .build()
                        .into();
                    let mut results = Vec::new();
                    let began = Instant::now();
                    // Until well after the signal (then every request fails to connect).
                    while began.elapsed() < Duration::from_secs(20) {
                        let sent = Instant::now();
                        let url = format!("http://127.0.0.1:{port}{}", paths[n % paths.len()]);
                        let result = agent
                            .get(&url)
                            .header("Connection", "close")
                            .call()
                            .map_err(|e| e.to_string())
                            .and_then(|mut r| {
                                let status = r.status().as_u16();
                                r.body_mut()
                                    .read_to_string()
                                    .map(|b| (status, b))
                                    .map_err(|e| e.to_string())
                            });
                        let failed = result.is_err();
                        results.push((sent, Instant::now(), result));
                        if failed && signalled.lock().unwrap().is_some() {
                            break;
                        }
                    }
                    results
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(1500));
        *signalled.lock().unwrap() = Some(Instant::now());
        let status = server.terminate(Duration::from_secs(15));
        let status = status.expect("the server exits within 15 s of SIGTERM");
        assert_eq!(status.code(), Some(0), "{}", server.stderr_text());
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let signalled = signalled.lock().unwrap().unwrap();
    // Requests sent before the signal (with a margin for the kernel's accept queue on a
    // loaded machine) all complete, whole; after it, a request may find the door shut, but
    // never gets a broken or a 5xx answer.
    let margin = Duration::from_millis(300);
    let mut before = 0;
    let mut in_flight = 0;
    let mut failures = Vec::new();
    for (sent, done, result) in &results {
        match result {
            Ok((status, body)) => {
                if *status != 200 || serde_json::from_str::<serde_json::Value>(body).is_err() {
                    failures.push(format!("{status}: {body:.200}"));
                }
            }
            Err(e) if *sent + margin < signalled => {
                failures.push(format!("sent before the signal, failed: {e}"))
            }
            Err(_) => {}
        }
        if *sent < signalled {
            before += 1;
        }
        if *sent < signalled && *done > signalled && result.is_ok() {
            in_flight += 1;
        }
    }
    assert!(before > 8, "only {before} requests before the signal");
    // Some were in flight when the signal came, and were answered whole.
    assert!(in_flight > 0, "no request was in flight at the signal");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        server.stderr_text().contains("senate-kb stops"),
        "{}",
        server.stderr_text()
    );
}
