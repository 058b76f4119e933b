//! Hostile requests to the real server: the command line's table of hostile inputs
//! (`tests/common/hostile.rs`) percent-encoded into every route that takes text, in English
//! and German; then what only HTTP has: invalid percent-encoding and UTF-8, `%00`, overlong
//! addresses and headers, unknown and repeated parameters, `..%2f` in a path segment,
//! malformed request lines, methods other than GET, a slow client. Each gets an answer (200
//! for what the command line answers, else a 4xx with the JSON error body) or is cut off by a
//! limit; never a 5xx, never a crash, and nothing a terminal or a page would act on is echoed
//! raw.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::hostile::{cases, unsafe_char};
use common::index;
use common::server::{Reply, Server, encode};

/// A route that takes text, as a path with a `{}` where the text goes.
const ROUTES: [&str; 3] = ["/api/search?q={}", "/api/races/{}", "/api/people?q={}"];

/// Everything an answer must satisfy, whatever was asked; `Err` says what is wrong.
fn check_reply(reply: &Reply) -> Result<(), String> {
    if reply.status >= 500 {
        return Err(format!("status {}: {:.300}", reply.status, reply.body));
    }
    if !(reply.status == 200 || (400..500).contains(&reply.status)) {
        return Err(format!("status {}", reply.status));
    }
    if let Some(c) = unsafe_char(&reply.body) {
        return Err(format!("{c:?} raw in the body: {:.300}", reply.body));
    }
    let doc: serde_json::Value = serde_json::from_str(&reply.body)
        .map_err(|e| format!("not JSON ({e}): {:.300}", reply.body))?;
    if reply.status != 200 {
        let code = doc["error"]["code"].as_str().ok_or("no error code")?;
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return Err(format!("code {code:?} is not kebab-case"));
        }
        let message = doc["error"]["message"].as_str().ok_or("no message")?;
        if message.is_empty() {
            return Err("empty message".into());
        }
        // What a page would act on never stands raw in an error body.
        if let Some(c) = reply.body.chars().find(|c| matches!(c, '<' | '>' | '&')) {
            return Err(format!("{c:?} raw in an error body: {:.300}", reply.body));
        }
        if reply.body.len() > 4000 {
            return Err(format!("the request is echoed whole: {:.200}", reply.body));
        }
    }
    Ok(())
}

#[test]
fn the_command_lines_hostile_table_over_http() {
    let server = Server::ready(index(), &[]);
    let cases = cases();
    let mut jobs = Vec::new();
    for route in ROUTES {
        for case in &cases {
            for lang in ["en", "de"] {
                jobs.push((route, case, lang));
            }
        }
    }
    let results: Vec<(String, Reply, Duration)> =
        common::parallel(&jobs, 4, |&(route, case, lang)| {
            let path = route.replace("{}", &encode(case.arg.as_encoded_bytes()));
            let sep = if path.contains('?') { '&' } else { '?' };
            let path = format!("{path}{sep}lang={lang}");
            let label = format!("{route} {:?} ({lang})", case.name);
            let started = Instant::now();
            let reply = if path.len() > MAX_CLIENT_URI {
                // Longer than an HTTP client sends: over a socket.
                raw_reply(&server, &path)
            } else {
                server.get(&path)
            };
            (label, reply, started.elapsed())
        });
    let mut failures = Vec::new();
    let mut statuses = std::collections::BTreeMap::new();
    for (label, reply, took) in &results {
        *statuses.entry(reply.status).or_insert(0) += 1;
        if let Err(why) = check_reply(reply) {
            failures.push(format!("{label}: {why}"));
        }
        if *took > Duration::from_secs(5) {
            failures.push(format!("{label}: took {took:?}"));
        }
    }
    eprintln!("{} requests; statuses {statuses:?}", results.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(server.get("/healthz").status, 200);
}

/// The longest address the HTTP client sends (the `http` crate's limit).
const MAX_CLIENT_URI: usize = 60_000;

/// GET over a raw socket, as a [`Reply`]: a server that cuts the request off without an
/// answer is a 431 here (hyper's own limit on a request's head).
fn raw_reply(server: &Server, path: &str) -> Reply {
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let (status, body) = raw(server, request.as_bytes());
    let status = status.unwrap_or(431);
    let body = if body.is_empty() {
        // hyper's bare refusal: nothing echoed, in the shape the checks read.
        r#"{"error":{"code":"cut-off","message":"cut off by a limit"}}"#.to_string()
    } else {
        body
    };
    Reply {
        status,
        headers: Vec::new(),
        body,
    }
}

/// Sends a raw request and returns the status (`None`: cut off without an answer) and the
/// body.
fn raw(server: &Server, request: &[u8]) -> (Option<u16>, String) {
    let response = server.raw(request, Duration::from_secs(15));
    let status = response
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok());
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn what_only_http_has() {
    let server = Server::ready(index(), &[]);
    let get =
        |target: &str| format!("GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let big_header = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "h".repeat(30_000)
    );
    let huge_head = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Huge: {}\r\nConnection: close\r\n\r\n",
        "h".repeat(200_000)
    );
    let many_headers = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\n{}Connection: close\r\n\r\n",
        (0..300)
            .map(|i| format!("X-H{i}: v\r\n"))
            .collect::<String>()
    );
    // (what, request, the statuses it may get; `None`: cut off, with or without a bare
    // status line from hyper).
    let cases: Vec<(&str, String, &[u16], Option<&str>)> = vec![
        (
            "broken escape",
            get("/api/search?q=Wahl%"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "broken escape 2",
            get("/api/search?q=%G1"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "invalid UTF-8",
            get("/api/search?q=%C3%28"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "lone continuation",
            get("/api/search?q=%80abc"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "overlong NUL",
            get("/api/search?q=%C0%80"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "surrogate",
            get("/api/search?q=%ED%A0%80"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "NUL",
            get("/api/search?q=%00"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "NUL in a race",
            get("/api/races/mt%00"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "invalid UTF-8 in a race",
            get("/api/races/%FF"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "NUL in a name",
            get("/api/search?q%00=x"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "bad lang escape",
            get("/api/stats?lang=%E2%82"),
            &[400],
            Some("bad-encoding"),
        ),
        (
            "unknown parameter",
            get("/api/races?colour=red"),
            &[400],
            Some("unknown-parameter"),
        ),
        (
            "script parameter",
            get("/api/races?%3Cscript%3E=1"),
            &[400],
            Some("unknown-parameter"),
        ),
        (
            "repeated",
            get("/api/people?q=a&q=b"),
            &[400],
            Some("repeated-parameter"),
        ),
        (
            "repeated lang",
            get("/api/stats?lang=de&lang=en"),
            &[400],
            Some("repeated-parameter"),
        ),
        (
            "dot dot slash",
            get("/api/races/..%2f..%2f..%2fetc%2fpasswd"),
            &[404],
            Some("unknown-race"),
        ),
        ("dot dot", get("/api/races/.."), &[404], None),
        (
            "dot dot in root",
            get("/..%2f..%2fetc%2fpasswd"),
            &[404],
            Some("not-found"),
        ),
        (
            "raw dot dot",
            get("/api/../../etc/passwd"),
            &[404, 400],
            None,
        ),
        (
            "script in path",
            get("/api/races/%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            &[404],
            Some("unknown-race"),
        ),
        (
            "overlong query",
            get(&format!("/api/search?q={}", "%41".repeat(10_000))),
            &[414],
            Some("uri-too-long"),
        ),
        (
            "overlong header",
            big_header,
            &[431],
            Some("headers-too-large"),
        ),
        ("huge head", huge_head, &[431], None),
        ("too many headers", many_headers, &[431], None),
        (
            "escape in the target",
            "GET /api/search?q=\x1b[2J HTTP/1.1\r\nHost: x\r\n\r\n".into(),
            &[400],
            None,
        ),
        (
            "space in the target",
            "GET /api/search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n".into(),
            &[400],
            None,
        ),
        ("no version", "GET /healthz\r\n\r\n".into(), &[400], None),
        (
            "garbage",
            "\x00\x01\x02 nonsense\r\n\r\n".into(),
            &[400],
            None,
        ),
        (
            "unknown method",
            "BREW /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".into(),
            &[405],
            Some("method-not-allowed"),
        ),
        (
            "absolute form",
            get("http://example.com/api/stats"),
            &[200],
            None,
        ),
        (
            "HTTP/1.0",
            "GET /api/stats HTTP/1.0\r\n\r\n".into(),
            &[200],
            None,
        ),
        (
            "bad content length",
            "GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n".into(),
            &[400],
            None,
        ),
    ];
    let mut failures = Vec::new();
    for (what, request, allowed, code) in &cases {
        let (status, body) = raw(&server, request.as_bytes());
        match status {
            Some(s) if s >= 500 => failures.push(format!("{what}: {s} {body:.200}")),
            Some(s) if !allowed.contains(&s) => {
                failures.push(format!("{what}: {s}, not {allowed:?}: {body:.200}"))
            }
            None if code.is_some() => failures.push(format!("{what}: no answer")),
            _ => {}
        }
        if let Some(c) = unsafe_char(&body) {
            failures.push(format!("{what}: {c:?} raw in {body:.200}"));
        }
        if let Some(code) = code {
            let doc: serde_json::Value = match serde_json::from_str(&body) {
                Ok(doc) => doc,
                Err(e) => {
                    failures.push(format!("{what}: not JSON ({e}): {body:.200}"));
                    continue;
                }
            };
            if doc["error"]["code"] != *code {
                failures.push(format!("{what}: {body:.200}, not {code}"));
            }
            if body.contains(['<', '>', '&']) {
                failures.push(format!("{what}: markup raw in {body:.200}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        server.get("/healthz").status,
        200,
        "the server still answers"
    );
}

#[test]
fn a_slow_client_is_cut_off_and_others_are_answered_meanwhile() {
    let server = Server::ready(index(), &[]);
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    // Others are answered while it dawdles.
    for _ in 0..5 {
        assert_eq!(server.get("/api/stats").status, 200);
    }
    // A byte now and then does not keep it alive: the head must be whole in time.
    slow.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let mut buf = [0u8; 1024];
    let closed = loop {
        if started.elapsed() > Duration::from_secs(30) {
            break false;
        }
        let _ = slow.write_all(b"X");
        match slow.read(&mut buf) {
            Ok(0) => break true,
            Ok(_) => break true,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break true,
        }
    };
    assert!(closed, "a slow client was not cut off in 30 s");
    let took = started.elapsed();
    assert!(took < Duration::from_secs(15), "cut off after {took:?}");
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn more_requests_than_the_server_answers_at_once_are_refused_with_503() {
    let server = Server::ready(index(), &[]);
    // Searches that take a while in a debug build, sent all at once from more clients than
    // the server answers at once (256): the ones over are refused at once (503 `overloaded`),
    // or, waiting for a search thread past the request timeout, 503 `timeout`.
    let heavy = "/api/search?q=Senatorrr+Stichwahlll+Kandidatinnn+Gouverneursss+Republikanerrr+Demokratinnnn+Wahlbezirkk+Vorwahlenn&limit=1000";
    let clients = 400;
    let barrier = std::sync::Barrier::new(clients);
    let replies: Vec<(Option<u16>, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let barrier = &barrier;
                let server = &server;
                s.spawn(move || {
                    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
                    stream
                        .set_read_timeout(Some(Duration::from_secs(60)))
                        .unwrap();
                    barrier.wait();
                    let request =
                        format!("GET {heavy} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    let _ = stream.write_all(request.as_bytes());
                    let mut response = Vec::new();
                    let _ = stream.read_to_end(&mut response);
                    let text = String::from_utf8_lossy(&response).into_owned();
                    let status = text.get(9..12).and_then(|c| c.parse().ok());
                    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string());
                    (status, body.unwrap_or_default())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut counts = std::collections::BTreeMap::new();
    for (status, body) in &replies {
        let code = match status {
            Some(200) => "ok".to_string(),
            Some(503) => serde_json::from_str::<serde_json::Value>(body)
                .map(|d| d["error"]["code"].as_str().unwrap_or("?").to_string())
                .unwrap_or_else(|_| format!("not JSON: {body:.100}")),
            other => format!("{other:?}: {body:.100}"),
        };
        *counts.entry(code).or_insert(0) += 1;
    }
    eprintln!("{clients} clients at once: {counts:?}");
    assert!(
        counts.get("overloaded").is_some_and(|&n| n > 0),
        "{counts:?}"
    );
    for code in counts.keys() {
        assert!(
            ["ok", "overloaded", "timeout"].contains(&code.as_str()),
            "{counts:?}"
        );
    }
    assert_eq!(server.get("/api/search?q=Plagiat").status, 200);
}
