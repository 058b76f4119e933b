//! `senate-kb serve` on the real binary: the start line, every route in both languages and
//! through `Accept-Language`, the JSON of each route byte for byte against the command
//! line's `--json` (every judged query, the races with every filter, every race, people,
//! stats), every error code with its status and a localized message, the security headers,
//! `Vary` and `Content-Language`, the OpenAPI document, and readiness.

mod common;

use std::time::Duration;

use common::server::{Server, enc};
use common::{RACE_IDS, cmd, index, stdout};

/// A server on the test binary's index, ready. Each test starts its own and stops it when
/// it ends (a server in a `static` would never be stopped: statics are not dropped).
fn server() -> Server {
    Server::ready(index(), &[])
}

/// What the command line prints with `--json` for `args` (any exit status).
fn cli_json(lang: &str, args: &[&str]) -> String {
    let out = cmd()
        .arg("--index")
        .arg(index())
        .args(["--lang", lang, "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: exit {:?}",
        out.status.code()
    );
    stdout(&out)
}

/// Asserts that a route answers 200 with exactly what the command prints.
fn assert_same_as_cli(server: &Server, path: &str, lang: &str, args: &[&str]) {
    let sep = if path.contains('?') { '&' } else { '?' };
    let reply = server.get(&format!("{path}{sep}lang={lang}"));
    assert_eq!(reply.status, 200, "{path} ({lang}): {}", reply.body);
    let want = cli_json(lang, args);
    assert!(
        reply.body == want,
        "{path} ({lang}) differs from {args:?}:\n  http: {:.400}\n   cli: {:.400}",
        reply.body,
        want
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/json; charset=utf-8")
    );
}

#[test]
fn the_start_line_names_the_url_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let en = Server::start(dir.path(), &[]);
    assert_eq!(
        en.start_line,
        format!("senate-kb answers on http://127.0.0.1:{}", en.port)
    );
    let de = Server::start_with(dir.path(), &[], &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(
        de.start_line,
        format!("senate-kb antwortet unter http://127.0.0.1:{}", de.port)
    );
    assert_ne!(en.port, de.port);
    // Both answer, on their own ports.
    en.wait_ready();
    de.wait_ready();
    assert_eq!(en.get("/healthz").status, 200);
    assert_eq!(de.get("/healthz").status, 200);
}

/// Parses `tests/judged/queries.toml`: (lang, text) of every query.
fn judged_queries() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(common::root().join("tests/judged/queries.toml")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    table["query"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["lang"].as_str().unwrap().to_string(),
                q["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn search_is_the_clis_json_for_every_judged_query_in_both_languages() {
    let server = server();
    let queries = judged_queries();
    assert!(queries.len() >= 50, "{} judged queries", queries.len());
    let jobs: Vec<(&str, &str)> = queries
        .iter()
        .flat_map(|(_, text)| [("de", text.as_str()), ("en", text.as_str())])
        .collect();
    common::parallel(&jobs, 4, |(lang, text)| {
        let path = format!("/api/search?q={}", enc(text));
        assert_same_as_cli(&server, &path, lang, &["search", "--", text]);
    });
    // With a limit, and a query whose answer is relaxed.
    assert_same_as_cli(
        &server,
        "/api/search?q=Wahl&limit=3",
        "de",
        &["search", "--limit", "3", "Wahl"],
    );
    assert_same_as_cli(
        &server,
        "/api/search?q=who+replaced+Max+Baucus",
        "en",
        &["search", "who", "replaced", "Max", "Baucus"],
    );
}

#[test]
fn races_race_people_and_stats_are_the_clis_json() {
    let server = server();
    for lang in ["de", "en"] {
        for (query, args) in [
            ("", &[][..]),
            ("?outcome=gain", &["--outcome", "gain"]),
            ("?outcome=hold", &["--outcome", "hold"]),
            ("?party=R", &["--party", "R"]),
            ("?party=d", &["--party", "d"]),
            ("?party=I", &["--party", "I"]),
            ("?special=true", &["--special"]),
            ("?special=false", &[]),
            (
                "?outcome=gain&party=R&special=true",
                &["--outcome", "gain", "--party", "R", "--special"],
            ),
            ("?party=L", &["--party", "L"]),
        ] {
            let args: Vec<&str> = std::iter::once("races")
                .chain(args.iter().copied())
                .collect();
            assert_same_as_cli(&server, &format!("/api/races{query}"), lang, &args);
        }
        for id in RACE_IDS {
            assert_same_as_cli(&server, &format!("/api/races/{id}"), lang, &["race", id]);
        }
        for name in [
            "new hampshire",
            "Süd-Dakota",
            "MONTANA",
            "sued carolina special",
        ] {
            assert_same_as_cli(
                &server,
                &format!("/api/races/{}", enc(name)),
                lang,
                &["race", name],
            );
        }
        for name in [
            "Udall",
            "tom udall",
            "landrieu",
            "Landreu",
            "McConnell",
            "Zzyzx",
        ] {
            assert_same_as_cli(
                &server,
                &format!("/api/people?q={}", enc(name)),
                lang,
                &["person", name],
            );
        }
        assert_same_as_cli(&server, "/api/stats", lang, &["stats"]);
    }
    // Nobody answers: 200 with no people.
    let nobody = server.get("/api/people?q=Zzyzx");
    assert_eq!(nobody.status, 200);
    assert_eq!(nobody.json()["people"], serde_json::json!([]));
}

/// The routes that answer 200, each with what it answers in English and German.
const ROUTES: [&str; 8] = [
    "/api/search?q=Stichwahl",
    "/api/races",
    "/api/races/mt",
    "/api/people?q=Udall",
    "/api/stats",
    "/api/openapi.json",
    "/healthz",
    "/readyz",
];

#[test]
fn every_route_answers_in_both_languages_by_parameter_and_by_accept_language() {
    let s = &server();
    for route in ROUTES {
        let sep = if route.contains('?') { '&' } else { '?' };
        let plain = s.get(route);
        let de = s.get(&format!("{route}{sep}lang=de"));
        let de_at = s.get(&format!("{route}{sep}lang=de_AT.UTF-8"));
        let en = s.get(&format!("{route}{sep}lang=en-GB"));
        let header = s.get_with(route, &[("Accept-Language", "fr-CH, de;q=0.9, en;q=0.8")]);
        let header_en = s.get_with(route, &[("Accept-Language", "en-US,en;q=0.9,de;q=0.5")]);
        let unsupported = s.get_with(route, &[("Accept-Language", "fr, it;q=0.5")]);
        // The parameter wins over the header.
        let both = s.get_with(
            &format!("{route}{sep}lang=en"),
            &[("Accept-Language", "de")],
        );
        for (reply, lang, what) in [
            (&plain, "en", "no language"),
            (&de, "de", "lang=de"),
            (&de_at, "de", "lang=de_AT.UTF-8"),
            (&en, "en", "lang=en-GB"),
            (&header, "de", "Accept-Language: fr-CH, de"),
            (&header_en, "en", "Accept-Language: en-US"),
            (&unsupported, "en", "Accept-Language: fr, it"),
            (&both, "en", "lang=en over Accept-Language: de"),
        ] {
            assert_eq!(reply.status, 200, "{route} {what}: {}", reply.body);
            assert_eq!(
                reply.header("content-language"),
                Some(lang),
                "{route} {what}"
            );
            let vary = reply.header_all("vary").to_ascii_lowercase();
            assert!(vary.contains("accept-language"), "{route} {what}: {vary}");
        }
        assert_eq!(de.body, header.body, "{route}");
        assert_eq!(de.body, de_at.body, "{route}");
        assert_eq!(plain.body, en.body, "{route}");
        assert_eq!(plain.body, both.body, "{route}");
        if plain.json().get("lang").is_some() {
            assert_eq!(de.json()["lang"], "de", "{route}");
            assert_eq!(plain.json()["lang"], "en", "{route}");
        }
    }
    // Display strings follow the language; keys stay English.
    let de = s.get("/api/races/mt?lang=de").json();
    let en = s.get("/api/races/mt?lang=en").json();
    assert_eq!(de["state_name"], "Montana");
    assert_ne!(de["summary"], en["summary"]);
    let de = s.get("/api/races/sd?lang=de").json();
    assert_eq!(de["state_name"], "South Dakota");
}

/// A request that must fail: path, extra headers, status, code.
type Failing<'a> = (String, Vec<(&'a str, String)>, u16, &'a str);

/// Every error code: (request path, headers, status, code).
#[test]
fn every_error_has_its_status_code_and_a_localized_message() {
    let s = &server();
    let long_query = "a".repeat(1001);
    let long_name = "a".repeat(201);
    let huge = "x".repeat(20_000);
    let cases: Vec<Failing> = vec![
        (
            "/api/search?q=Wahl&limit=x".into(),
            vec![],
            400,
            "bad-parameter",
        ),
        (
            "/api/search?q=Wahl&limit=-1".into(),
            vec![],
            400,
            "bad-parameter",
        ),
        (
            "/api/search?q=Wahl&limit=18446744073709551616".into(),
            vec![],
            400,
            "bad-parameter",
        ),
        (
            "/api/races?outcome=maybe".into(),
            vec![],
            400,
            "bad-parameter",
        ),
        ("/api/races?party=Q".into(), vec![], 400, "bad-parameter"),
        (
            "/api/races?special=yes".into(),
            vec![],
            400,
            "bad-parameter",
        ),
        (
            "/api/search?q=Wahl&colour=red".into(),
            vec![],
            400,
            "unknown-parameter",
        ),
        (
            "/api/stats?verbose".into(),
            vec![],
            400,
            "unknown-parameter",
        ),
        (
            "/api/search?q=Wahl&q=Stichwahl".into(),
            vec![],
            400,
            "repeated-parameter",
        ),
        ("/api/search".into(), vec![], 400, "missing-parameter"),
        ("/api/people".into(), vec![], 400, "missing-parameter"),
        ("/api/search?q=%FF".into(), vec![], 400, "bad-encoding"),
        ("/api/search?q=%ZZ".into(), vec![], 400, "bad-encoding"),
        ("/api/search?q=a%00b".into(), vec![], 400, "bad-encoding"),
        ("/api/search?q=%22Max".into(), vec![], 400, "bad-query"),
        ("/api/search?q=".into(), vec![], 400, "bad-query"),
        ("/api/search?q=OR".into(), vec![], 400, "bad-query"),
        (
            format!("/api/search?q={long_query}"),
            vec![],
            400,
            "query-too-long",
        ),
        ("/api/search?q=state:ZZ".into(), vec![], 400, "bad-filter"),
        (
            format!("/api/people?q={long_name}"),
            vec![],
            400,
            "name-too-long",
        ),
        ("/api/races/zz".into(), vec![], 404, "unknown-race"),
        ("/api/races/oklahoma".into(), vec![], 400, "ambiguous-race"),
        ("/api/stats?lang=fr".into(), vec![], 400, "unknown-language"),
        ("/api/stats?lang=".into(), vec![], 400, "unknown-language"),
        ("/nowhere".into(), vec![], 404, "not-found"),
        ("/api/race/mt".into(), vec![], 404, "not-found"),
        (format!("/api/search?q={huge}"), vec![], 414, "uri-too-long"),
        (
            "/api/stats".into(),
            vec![("X-Padding", "p".repeat(20_000))],
            431,
            "headers-too-large",
        ),
    ];
    for (path, headers, status, code) in &cases {
        let mut replies = Vec::new();
        for lang in ["en", "de"] {
            let mut h: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            h.push(("Accept-Language", lang));
            replies.push(s.get_with(path, &h));
        }
        let [en, de] = [&replies[0], &replies[1]];
        let what = format!("{:.60}", path);
        assert_eq!(en.status, *status, "{what}: {}", en.body);
        assert_eq!(en.code(), *code, "{what}");
        assert_eq!(de.code(), *code, "{what}");
        assert_eq!(
            en.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        let (en_msg, de_msg) = (
            en.json()["error"]["message"].clone(),
            de.json()["error"]["message"].clone(),
        );
        assert!(en_msg.as_str().is_some_and(|m| !m.is_empty()), "{what}");
        // In German when asked for German (unless the `lang` parameter itself is the
        // problem: then the header's language is still German).
        assert_ne!(
            en_msg, de_msg,
            "{what}: the German message is the English one"
        );
        assert_eq!(de.header("content-language"), Some("de"), "{what}");
    }
    // The unknown language names the available ones.
    let reply = s.get("/api/stats?lang=fr");
    let message = reply.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("de, en"), "{message}");
}

#[test]
fn methods_other_than_get_and_bodies_are_refused() {
    let s = &server();
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
        for path in ["/api/search?q=Wahl", "/api/races/mt", "/healthz"] {
            let request = format!(
                "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let response = s.raw(request.as_bytes(), Duration::from_secs(10));
            assert!(
                response.starts_with("HTTP/1.1 405"),
                "{method} {path}: {response:.300}"
            );
            assert!(
                response.contains("\"code\":\"method-not-allowed\""),
                "{response}"
            );
        }
    }
    let head = s.raw(
        b"HEAD /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        Duration::from_secs(10),
    );
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");
    let body = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{}",
        "b".repeat(5000)
    );
    let response = s.raw(body.as_bytes(), Duration::from_secs(10));
    assert!(response.starts_with("HTTP/1.1 413"), "{response:.300}");
    assert!(
        response.contains("\"code\":\"payload-too-large\""),
        "{response}"
    );
}

#[test]
fn every_response_carries_the_security_headers() {
    let s = &server();
    let mut replies: Vec<(String, common::server::Reply)> =
        ROUTES.iter().map(|r| (r.to_string(), s.get(r))).collect();
    for path in [
        "/nowhere",
        "/api/races/zz",
        "/api/search?q=%FF",
        "/api/stats?lang=xx",
    ] {
        replies.push((path.to_string(), s.get(path)));
    }
    for (path, reply) in &replies {
        let csp = reply
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
    }
}

#[test]
fn the_openapi_document_describes_every_route() {
    let doc = server().get("/api/openapi.json").json();
    let version = doc["openapi"].as_str().unwrap();
    assert!(version.starts_with("3.1"), "{version}");
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/search",
        "/api/races",
        "/api/races/{id}",
        "/api/people",
        "/api/stats",
        "/api/openapi.json",
        "/healthz",
        "/readyz",
    ] {
        let get = &paths[path]["get"];
        assert!(get.is_object(), "{path} is not documented");
        assert!(get["responses"]["200"].is_object(), "{path}: no 200");
    }
    // Each documented parameter is one the route takes, and `lang` is everywhere it may be.
    for path in [
        "/api/search",
        "/api/races",
        "/api/races/{id}",
        "/api/people",
        "/api/stats",
    ] {
        let names: Vec<&str> = paths[path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"lang"), "{path}: {names:?}");
    }
}

/// Readiness, with an index that cannot be opened until the test lets it: the corpus's
/// manifest is a named pipe, and reading it waits for the test to write it.
#[cfg(unix)]
#[test]
fn readyz_is_503_until_the_index_is_open_and_healthz_answers_meanwhile() {
    let (tmp, corpus) = common::corpus_copy();
    let manifest = corpus.join("corpus.toml");
    let saved = tmp.path().join("corpus.toml.saved");
    std::fs::rename(&manifest, &saved).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&manifest)
        .status()
        .unwrap();
    assert!(made.success());
    let index_dir = tmp.path().join("index");
    let corpus_arg = corpus.to_str().unwrap().to_string();
    let s = Server::start(&index_dir, &["--corpus", &corpus_arg]);
    for _ in 0..3 {
        assert_eq!(s.get("/healthz").status, 200);
        let ready = s.get("/readyz");
        assert_eq!(ready.status, 503, "{}", ready.body);
        assert_eq!(ready.code(), "not-ready");
        let search = s.get("/api/search?q=Plagiat");
        assert_eq!(search.status, 503);
        assert_eq!(search.code(), "not-ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Let the loader read the manifest (once through the pipe, then from the file).
    let text = std::fs::read(&saved).unwrap();
    let mut pipe = std::fs::OpenOptions::new()
        .write(true)
        .open(&manifest)
        .unwrap();
    std::fs::rename(&saved, &manifest).unwrap();
    std::io::Write::write_all(&mut pipe, &text).unwrap();
    drop(pipe);
    s.wait_ready();
    let search = s.get("/api/search?q=Plagiat");
    assert_eq!(search.status, 200, "{}", search.body);
    assert_eq!(search.json()["hits"][0]["id"], "mt");
}

#[test]
fn a_corpus_that_cannot_be_loaded_ends_the_server_with_exit_2() {
    let (tmp, corpus) = common::corpus_copy();
    std::fs::write(corpus.join("corpus.toml"), "this is not toml = = =").unwrap();
    let corpus_arg = corpus.to_str().unwrap().to_string();
    let mut s = Server::start(&tmp.path().join("index"), &["--corpus", &corpus_arg]);
    let status = s
        .wait_exit(Duration::from_secs(60))
        .expect("the server ends");
    assert_eq!(status.code(), Some(2), "{}", s.stderr_text());
    assert!(
        s.stderr_text().contains("senate-kb: error:"),
        "{}",
        s.stderr_text()
    );
}
