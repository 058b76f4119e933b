//! The web pages through the server's own router, in process (no browser, no socket): every
//! page in both languages, well-formed and escaped; the language switch and the links keep
//! the page, the query and the language; the search page finds what `/api/search` finds;
//! facets and the races' table filter and sort as the race facts say; errors on a page's
//! path are pages; every page with its assets stays under 100 KB and is gzipped when asked.
//! What a real browser does with them is `tests/web.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use senate_kb::kb::corpus::{Corpus, CorpusLocation, Outcome, Party};
use senate_kb::l10n::{Lang, Localizer};
use senate_kb::serve::state::AppState;
use tower::ServiceExt;

/// Every page must fit in this, with its stylesheet, script and icon.
const BUDGET: usize = 100 * 1024;

struct Server {
    state: Arc<AppState>,
    corpus: Corpus,
    runtime: tokio::runtime::Runtime,
    _index: tempfile::TempDir,
}

/// One server state for every test: opening the index builds it once.
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let index = tempfile::tempdir().unwrap();
        let state = Arc::new(AppState::new());
        state
            .open(&CorpusLocation::Embedded, index.path().join("index"))
            .expect("the index opens");
        Server {
            state,
            corpus: Corpus::load(&CorpusLocation::Embedded).unwrap(),
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            _index: index,
        }
    })
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
}

fn request(method: Method, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let server = server();
    let mut builder = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    let req = builder.body(Body::empty()).unwrap();
    let router = senate_kb::serve::router(Arc::clone(&server.state));
    server.runtime.block_on(async {
        let response = router.oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    })
}

fn get(uri: &str) -> Answer {
    request(Method::GET, uri, &[])
}

/// A page as XML (the pages are written well-formed); the doctype is HTML's, not XML's.
fn parse(html: &str) -> roxmltree::Document<'_> {
    let body = html.strip_prefix("<!DOCTYPE html>").unwrap_or(html);
    roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("not well-formed: {e}\n{html}"))
}

fn element_by_id<'a>(doc: &'a roxmltree::Document, id: &str) -> Option<roxmltree::Node<'a, 'a>> {
    doc.descendants().find(|n| n.attribute("id") == Some(id))
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// A link's path and its parameters, decoded.
fn split_href(href: &str) -> (String, BTreeMap<String, String>) {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let params = senate_kb::serve::params::Params::parse(query).unwrap();
    let mut map = BTreeMap::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let name = pair.split('=').next().unwrap();
        map.insert(name.to_string(), params.get(name).unwrap().to_string());
    }
    (path.to_string(), map)
}

/// Every page the server has, in its several kinds.
const PAGES: [&str; 16] = [
    "/",
    "/search",
    "/search?q=Plagiat",
    "/search?q=Stichwahl",
    "/search?q=who+replaced+Max+Baucus",
    "/search?q=Senat",
    "/search?q=Senat&party=R&outcome=gain",
    "/races",
    "/races?party=D&sort=-share",
    "/race/mt",
    "/race/ok-special",
    "/race/overview",
    "/race/co?text=both",
    "/person/mark-udall",
    "/people?q=udall",
    "/people",
];

fn with_lang(page: &str, lang: Lang) -> String {
    let sep = if page.contains('?') { '&' } else { '?' };
    format!("{page}{sep}lang={}", lang.code())
}

#[test]
fn every_page_answers_in_both_languages_well_formed() {
    for page in PAGES {
        for lang in Lang::ALL {
            for answer in [
                get(&with_lang(page, lang)),
                request(
                    Method::GET,
                    page,
                    &[("accept-language", &format!("{}, fr;q=0.5", lang.code()))],
                ),
            ] {
                assert_eq!(answer.status, StatusCode::OK, "{page} {lang:?}");
                assert_eq!(
                    answer.header(header::CONTENT_TYPE),
                    "text/html; charset=utf-8"
                );
                assert_eq!(answer.header(header::CONTENT_LANGUAGE), lang.code());
                let csp = answer.header(header::CONTENT_SECURITY_POLICY);
                assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
                let html = answer.text();
                let doc = parse(&html);
                let root = doc.root_element();
                assert_eq!(root.attribute("lang"), Some(lang.code()), "{page}");
                let h1 = doc.descendants().filter(|n| n.has_tag_name("h1")).count();
                assert_eq!(h1, 1, "{page}: one heading");
                let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
                assert!(!text_of(title).trim().is_empty());
                // The credit, with the article and the licence, in every footer.
                let footer = doc
                    .descendants()
                    .find(|n| n.has_tag_name("footer"))
                    .unwrap();
                let credit = text_of(footer);
                assert!(
                    credit.contains("Wahl zum Senat der Vereinigten Staaten 2014")
                        && credit.contains("CC BY-SA")
                        && credit.contains("Wikipedia"),
                    "{page}: {credit}"
                );
            }
        }
    }
}

/// What the Content-Security-Policy would block, or what would ask another host: no inline
/// script or style, no event attribute, no resource from elsewhere; links out only in the
/// credit.
#[test]
fn pages_load_nothing_from_elsewhere_and_nothing_inline() {
    for page in PAGES {
        let html = get(&with_lang(page, Lang::De)).text();
        let doc = parse(&html);
        for node in doc.descendants().filter(|n| n.is_element()) {
            let tag = node.tag_name().name();
            assert_ne!(tag, "style", "{page}");
            assert_ne!(tag, "img", "{page}");
            if tag == "script" {
                assert!(node.attribute("src").unwrap().starts_with("/assets/"));
                assert!(node.text().is_none_or(|t| t.trim().is_empty()), "{page}");
            }
            for attr in node.attributes() {
                let name = attr.name();
                assert!(!name.starts_with("on"), "{page}: {name} on <{tag}>");
                assert_ne!(name, "style", "{page}: <{tag} style>");
                if name == "src" || (tag == "link" && name == "href") {
                    assert!(
                        attr.value().starts_with("/assets/"),
                        "{page}: {}",
                        attr.value()
                    );
                }
                if name == "href" && tag == "a" && !attr.value().starts_with(['/', '#']) {
                    let in_footer = node.ancestors().any(|a| a.has_tag_name("footer"));
                    assert!(
                        in_footer && attr.value().starts_with("https://"),
                        "{page}: {}",
                        attr.value()
                    );
                }
            }
        }
    }
}

/// The switch leads to the same page with the same parameters in the other language, and
/// every link inside the site carries the page's language.
#[test]
fn the_language_switch_keeps_the_page_and_the_query_and_links_keep_the_language() {
    for page in PAGES {
        for lang in Lang::ALL {
            let url = with_lang(page, lang);
            let html = get(&url).text();
            let doc = parse(&html);
            let switch = element_by_id(&doc, "switch").expect("a language switch");
            let (path, mut params) = split_href(&url);
            params.remove("lang");
            let links: Vec<_> = switch
                .descendants()
                .filter(|n| n.has_tag_name("a"))
                .collect();
            assert_eq!(links.len(), Lang::ALL.len());
            for (link, other) in links.iter().zip(Lang::ALL) {
                let (to, mut to_params) = split_href(link.attribute("href").unwrap());
                assert_eq!(to, path, "{url}");
                assert_eq!(to_params.remove("lang").as_deref(), Some(other.code()));
                assert_eq!(to_params, params, "{url}");
                assert_eq!(link.attribute("hreflang"), Some(other.code()));
            }
            for a in doc.descendants().filter(|n| n.has_tag_name("a")) {
                let href = a.attribute("href").unwrap();
                if href.starts_with('/') {
                    let (_, params) = split_href(href);
                    let want = if a.ancestors().any(|n| n.attribute("id") == Some("switch")) {
                        None
                    } else {
                        Some(lang.code())
                    };
                    if let Some(want) = want {
                        assert_eq!(
                            params.get("lang").map(String::as_str),
                            Some(want),
                            "{url}: {href}"
                        );
                    }
                }
            }
        }
    }
}

/// The hits of a page, as the ids of the races they link to, in order.
fn hit_ids(html: &str) -> Vec<String> {
    let doc = parse(html);
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("hit"))
        .map(|hit| {
            let a = hit.descendants().find(|n| n.has_tag_name("a")).unwrap();
            let (path, _) = split_href(a.attribute("href").unwrap());
            path.trim_start_matches("/race/").to_string()
        })
        .collect()
}

fn api_ids(query: &str) -> Vec<String> {
    let uri = format!("/api/search?q={}&limit=100", encode(query));
    let json: serde_json::Value = serde_json::from_slice(&get(&uri).body).unwrap();
    let hits = if json["total"].as_u64() == Some(0) && !json["relaxed"].is_null() {
        &json["relaxed"]["hits"]
    } else {
        &json["hits"]
    };
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every byte percent-encoded, as a strict client may send it.
fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// The page asks the same engine as the API: a finished query (a space after it) finds the
/// same hits in the same order; an unfinished last word finds what the query language's
/// `word OR word*` finds.
#[test]
fn the_search_page_finds_what_the_api_finds() {
    let judged: toml::Table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/judged/queries.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let queries = judged["query"].as_array().unwrap();
    assert!(queries.len() > 20);
    for query in queries {
        let text = query["text"].as_str().unwrap();
        let page = get(&format!(
            "/search?q={}&lang=en",
            encode(&format!("{text} "))
        ));
        assert_eq!(hit_ids(&page.text()), api_ids(text), "{text}");
    }
    for (typed, as_query) in [
        ("Plagi", "Plagi OR Plagi*"),
        ("Stichwahl Georg", "Stichwahl Georg OR Georg*"),
    ] {
        let page = get(&format!("/search?q={}&lang=de", encode(typed)));
        let ids = hit_ids(&page.text());
        assert!(!ids.is_empty(), "{typed}");
        assert_eq!(ids, api_ids(as_query), "{typed}");
    }
    assert_eq!(hit_ids(&get("/search?q=Plagi&lang=de").text()), ["mt"]);
}

/// A result question gets its answer above the hits, as on the command line: the race's
/// one-line summary (the API's `answer`), linking to the race; other queries get none.
#[test]
fn a_result_question_is_answered_above_the_hits() {
    // Joni Ernst won Iowa (the article's Iowa section; the race facts agree).
    for (query, lang) in [("who won Iowa ", "en"), ("wer hat in Iowa gewonnen ", "de")] {
        let uri = format!("/api/search?q={}&lang={lang}", encode(query));
        let json: serde_json::Value = serde_json::from_slice(&get(&uri).body).unwrap();
        assert_eq!(json["answer"]["id"], "ia", "{query}");
        let summary = json["answer"]["summary"].as_str().unwrap();
        assert!(summary.contains("Joni Ernst"), "{summary}");
        let html = get(&format!("/search?q={}&lang={lang}", encode(query))).text();
        let doc = parse(&html);
        let answer = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("answer"))
            .unwrap_or_else(|| panic!("no answer line for {query:?}"));
        let link = answer.descendants().find(|n| n.has_tag_name("a")).unwrap();
        let (path, params) = split_href(link.attribute("href").unwrap());
        assert_eq!(path, "/race/ia", "{query}");
        assert_eq!(params.get("lang").map(String::as_str), Some(lang));
        assert_eq!(text_of(link), summary, "{query}");
    }
    let html = get("/search?q=Plagiat&lang=en").text();
    assert!(
        !parse(&html)
            .descendants()
            .any(|n| n.attribute("class") == Some("answer")),
        "Plagiat asks no result"
    );
}

fn winner_party(corpus: &Corpus, id: &str) -> Option<Party> {
    let facts = corpus.document(id)?.facts.as_ref()?;
    Some(corpus.person(&facts.winner.value)?.party)
}

/// Each facet link shows as many hits as its count says, each of them a race that has it
/// by the facts.
#[test]
fn facets_count_what_they_filter() {
    let corpus = &server().corpus;
    let html = get("/search?q=Senat&lang=en").text();
    let doc = parse(&html);
    let facets: Vec<(String, usize)> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("a")
                && n.ancestors()
                    .any(|a| a.attribute("class") == Some("facets"))
        })
        .map(|a| {
            let n = a
                .descendants()
                .find(|n| n.attribute("class") == Some("n"))
                .unwrap();
            (
                a.attribute("href").unwrap().to_string(),
                text_of(n).parse().unwrap(),
            )
        })
        .collect();
    assert!(facets.len() >= 4, "{facets:?}");
    for (href, count) in facets {
        let (_, params) = split_href(&href);
        let ids = hit_ids(&get(&href).text());
        assert_eq!(ids.len(), count, "{href}");
        for id in ids {
            let facts = corpus.document(&id).unwrap().facts.as_ref().unwrap();
            if let Some(p) = params.get("party") {
                assert_eq!(winner_party(corpus, &id).unwrap().code(), p, "{href}: {id}");
            }
            if let Some(o) = params.get("outcome") {
                assert_eq!(facts.outcome.value.as_str(), o, "{href}: {id}");
            }
            if params.contains_key("special") {
                assert!(facts.special.value, "{href}: {id}");
            }
        }
    }
}

/// The rows of the races' table, as race ids.
fn row_ids(html: &str) -> Vec<String> {
    let doc = parse(html);
    doc.descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|b| b.children().filter(|n| n.has_tag_name("tr")))
        .map(|tr| {
            let a = tr.descendants().find(|n| n.has_tag_name("a")).unwrap();
            split_href(a.attribute("href").unwrap())
                .0
                .trim_start_matches("/race/")
                .to_string()
        })
        .collect()
}

#[test]
fn the_races_table_filters_and_sorts_by_the_facts() {
    let corpus = &server().corpus;
    let all: Vec<String> = corpus.races().map(|d| d.id.clone()).collect();
    assert_eq!(row_ids(&get("/races?lang=en").text()), all);
    let gains_r: Vec<String> = corpus
        .races()
        .filter(|d| {
            d.facts.as_ref().unwrap().outcome.value == Outcome::Gain
                && winner_party(corpus, &d.id) == Some(Party::R)
        })
        .map(|d| d.id.clone())
        .collect();
    assert!(!gains_r.is_empty());
    assert_eq!(
        row_ids(&get("/races?outcome=gain&party=r&lang=de").text()),
        gains_r
    );
    let specials = row_ids(&get("/races?special=true").text());
    assert_eq!(specials.len(), 3);
    assert!(specials.iter().all(|id| id.ends_with("-special")));
    let share = |id: &String| {
        let f = corpus.document(id).unwrap().facts.as_ref().unwrap();
        f.vote_share
            .as_ref()
            .map_or(f64::NEG_INFINITY, |s| s.percent)
    };
    let up = row_ids(&get("/races?sort=share").text());
    assert!(
        up.windows(2).all(|w| share(&w[0]) <= share(&w[1])),
        "{up:?}"
    );
    let down = row_ids(&get("/races?sort=-share").text());
    assert!(
        down.windows(2).all(|w| share(&w[0]) >= share(&w[1])),
        "{down:?}"
    );
    let l10n = Localizer::new(Lang::De);
    let names: Vec<String> = row_ids(&get("/races?sort=state&lang=de").text())
        .iter()
        .map(|id| {
            let f = corpus.document(id).unwrap().facts.as_ref().unwrap();
            corpus.state_name(&f.state.value, l10n.lang())
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase().replace('ü', "u"));
    assert_eq!(names, sorted);
    assert_eq!(get("/races?sort=colour").status, StatusCode::BAD_REQUEST);
}

/// Whatever a query holds is shown as text: in the box, the heading, the notice; no element
/// or attribute comes of it.
#[test]
fn hostile_input_is_shown_as_text() {
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "' onfocus='alert(1)",
        "&amp;<b>&lt;",
    ];
    for text in hostile {
        for page in ["/search", "/people"] {
            let answer = get(&format!("{page}?q={}&lang=en", encode(text)));
            assert!(answer.status.is_success() || answer.status.is_client_error());
            let html = answer.text();
            let doc = parse(&html);
            let scripts = doc
                .descendants()
                .filter(|n| n.has_tag_name("script"))
                .count();
            assert_eq!(scripts, 1, "{page} {text}");
            for tag in ["img", "svg", "b"] {
                assert!(
                    !doc.descendants()
                        .any(|n| n.has_tag_name(tag)
                            && !n.ancestors().any(|a| a.has_tag_name("figure"))),
                    "{page} {text}: <{tag}>"
                );
            }
            assert!(
                doc.descendants()
                    .filter(|n| n.is_element())
                    .all(|n| n.attributes().all(|a| !a.name().starts_with("on"))),
                "{page} {text}"
            );
            // The box of the page's own form: the search box, or the lookup's.
            let id = if page == "/search" { "q" } else { "name" };
            let input = element_by_id(&doc, id).unwrap();
            assert_eq!(input.attribute("value"), Some(text), "{page}");
            if page == "/search" {
                let h1 = doc.descendants().find(|n| n.has_tag_name("h1")).unwrap();
                assert!(text_of(h1).contains(text.trim()), "{}", text_of(h1));
            }
        }
        // In a path, on an error page.
        let answer = get(&format!("/race/{}", encode(text)));
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{text}");
        let html = answer.text();
        let doc = parse(&html);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("script"))
                .count(),
            1
        );
        assert!(!doc.descendants().any(|n| n.has_tag_name("img")));
    }
}

/// On a page's path an error is a page in the request's language; elsewhere the API's JSON.
#[test]
fn errors_on_pages_are_pages() {
    for (method, uri, status) in [
        (Method::GET, "/race/zz?lang=de", StatusCode::NOT_FOUND),
        (Method::GET, "/person/nobody-at-all", StatusCode::NOT_FOUND),
        (
            Method::GET,
            "/search?q=%22Max&lang=de",
            StatusCode::BAD_REQUEST,
        ),
        (Method::GET, "/search?q=%ff", StatusCode::BAD_REQUEST),
        (Method::GET, "/search?q=a&q=b", StatusCode::BAD_REQUEST),
        (Method::GET, "/?lang=fr", StatusCode::BAD_REQUEST),
        (Method::GET, "/races?colour=red", StatusCode::BAD_REQUEST),
        (Method::POST, "/search?q=x", StatusCode::METHOD_NOT_ALLOWED),
    ] {
        let answer = request(method, uri, &[]);
        assert_eq!(answer.status, status, "{uri}");
        assert_eq!(
            answer.header(header::CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{uri}"
        );
        let html = answer.text();
        let doc = parse(&html);
        let notice = doc
            .descendants()
            .find(|n| n.attribute("class").is_some_and(|c| c.contains("notice")))
            .unwrap_or_else(|| panic!("{uri}: no message"));
        assert!(!text_of(notice).trim().is_empty());
    }
    let german = get("/search?q=%22Max&lang=de").text();
    assert!(german.contains("lang=\"de\""));
    // A refused query is told on the search page itself, the query still in the box.
    for query in ["\"Max", "state:Atlantis", "-Georgia"] {
        let answer = get(&format!("/search?q={}&lang=en", encode(query)));
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        let html = answer.text();
        let doc = parse(&html);
        let input = element_by_id(&doc, "q").unwrap();
        assert_eq!(input.attribute("value"), Some(query));
        assert!(
            doc.descendants()
                .any(|n| n.attribute("class") == Some("notice error"))
        );
    }
    for uri in ["/nope", "/api/races/zz", "/assets/nope.css"] {
        let answer = get(uri);
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(
            answer.header(header::CONTENT_TYPE),
            "application/json; charset=utf-8"
        );
    }
}

/// The addresses of a page's stylesheet, script and icon.
fn assets(html: &str) -> BTreeSet<String> {
    let doc = parse(html);
    doc.descendants()
        .filter_map(|n| match n.tag_name().name() {
            "script" => n.attribute("src"),
            "link" => n.attribute("href"),
            _ => None,
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_page_with_its_assets_fits_the_budget_and_is_gzipped() {
    let mut worst = (0, String::new());
    for page in PAGES
        .iter()
        .chain(&["/search?q=2014", "/person/mitch-mcconnell"])
    {
        for lang in Lang::ALL {
            let url = with_lang(page, lang);
            let answer = get(&url);
            let html = answer.text();
            let mut total = answer.body.len();
            for asset in assets(&html) {
                let a = get(&asset);
                assert_eq!(a.status, StatusCode::OK, "{asset}");
                assert!(a.header(header::CACHE_CONTROL).contains("immutable"));
                total += a.body.len();
            }
            if total > worst.0 {
                worst = (total, url.clone());
            }
            assert!(total < BUDGET, "{url}: {total} bytes");
            let gzipped = request(Method::GET, &url, &[("accept-encoding", "gzip")]);
            assert_eq!(gzipped.header(header::CONTENT_ENCODING), "gzip", "{url}");
            assert!(gzipped.body.len() < answer.body.len(), "{url}");
        }
    }
    eprintln!(
        "largest page with its assets: {} bytes ({})",
        worst.0, worst.1
    );
}

/// Every message the templates and the pages' code ask for exists in both languages (a
/// missing one would show its id).
#[test]
fn every_message_the_pages_use_exists_in_both_languages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ids = BTreeSet::new();
    let mut files = Vec::new();
    for dir in ["templates", "src/serve/pages"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    // Every string literal that is a message id of a family the pages use.
    let families = [
        "page", "map", "facet", "senate", "home", "col", "races", "search", "stats", "heading",
        "language", "party", "person", "outcome", "label",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if file.extension().is_some_and(|e| e != "rs") {
            // Templates name messages in `t("…")` only; their other strings are classes.
            for (i, _) in text.match_indices("t(\"") {
                let rest = &text[i + 3..];
                ids.insert(rest[..rest.find('"').unwrap()].to_string());
            }
            continue;
        }
        for literal in text.split('"').skip(1).step_by(2) {
            let mut words = literal.split('-');
            let family = words.next().unwrap_or("");
            let is_id = families.contains(&family)
                && literal.contains('-')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !literal.ends_with('-');
            if is_id {
                ids.insert(literal.to_string());
            }
        }
    }
    assert!(ids.len() > 30, "{ids:?}");
    for lang in Lang::ALL {
        let l10n = Localizer::new(lang);
        let missing: Vec<&String> = ids.iter().filter(|id| !l10n.has(id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
