//! `senate-kb serve`: the knowledge base over HTTP, as `shared/docs/http-contract.md`
//! describes it.
//!
//! - [`run`] makes the tokio runtime (only this command ever starts one), binds, prints the
//!   start line, opens the index in the background ([`state`]: `/readyz` says when) and
//!   serves until SIGINT or SIGTERM ([`listen`]).
//! - [`router`] is every route, with the layers around them ([`layers`]: limits, timeouts,
//!   security headers, language negotiation ([`lang`]) and the JSON body of every error
//!   ([`error`])). The JSON API is [`api`], its OpenAPI document [`openapi`]. The web pages
//!   are [`pages`], beside `api`, whose routes [`router`] merges before the layers: they get
//!   the same state, language and errors (written as a page on their paths).
//! - Requests are read strictly ([`params`]).

pub mod api;
pub mod error;
pub mod lang;
pub mod layers;
pub mod listen;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod state;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::l10n::{Args, Lang, Localizer};
use state::AppState;

/// Every route, with the layers around them.
pub fn router(state: Arc<AppState>) -> Router {
    let routes = Router::new()
        .route("/api/search", get(api::search))
        .route("/api/races", get(api::races))
        .route("/api/races/{id}", get(api::race))
        .route("/api/people", get(api::people))
        .route("/api/stats", get(api::stats))
        .route("/api/openapi.json", get(openapi::document))
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .merge(pages::routes())
        .with_state(state);
    layers::around(routes)
}

/// Serves on `addr` until SIGINT or SIGTERM; an index that cannot be opened ends the run
/// with its error (exit 2), as it would end any command.
pub fn run(addr: SocketAddr, config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(cores)
        // Searches run on the blocking threads and use the processor throughout: more
        // threads than cores would only make them wait longer each.
        .max_blocking_threads(cores * 2)
        .build()?;
    let result = runtime.block_on(serve(addr, config, l10n));
    // A build of the index still running after a signal is not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    result.map(|()| Exit::Success)
}

async fn serve(addr: SocketAddr, config: &Config, l10n: &Localizer) -> Result<(), Error> {
    let bind_error = |e: std::io::Error| Error::Bind {
        addr: addr.to_string(),
        error: e.to_string(),
    };
    let listener = TcpListener::bind(addr).await.map_err(bind_error)?;
    let local = listener.local_addr().map_err(bind_error)?;
    let mut args = Args::new();
    args.set("url", format!("http://{local}"));
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", l10n.t_args("serve-listening", &args))?;
    out.flush()?;
    drop(out);

    let state = Arc::new(AppState::new());
    let mut opening = tokio::task::spawn_blocking({
        let state = Arc::clone(&state);
        let (corpus, index) = (config.corpus.clone(), config.index.clone());
        move || state.open(&corpus, index)
    });
    let lang = l10n.lang();
    let stop = async {
        tokio::select! {
            opened = &mut opening => {
                match opened {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => return Err(e),
                    Err(e) => return Err(Error::Index(e.to_string())),
                }
                tokio::spawn(keep_fresh(Arc::clone(&state), lang));
                signal().await;
                Ok(())
            }
            () = signal() => Ok(()),
        }
    };
    listen::serve(listener, router(Arc::clone(&state)), async {
        let result = stop.await;
        if result.is_ok() {
            eprintln!("{}", l10n.t("serve-stopping"));
        }
        result
    })
    .await
}

/// SIGINT or SIGTERM.
async fn signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

/// Looks for a new generation of the index every [`state::REFRESH_EVERY`] and opens it. A
/// failure is told once (on stderr, in the server's language), the old generation stays
/// live, and the next tries come less and less often (up to a minute apart): opening can
/// mean building, which is not to be done every second.
async fn keep_fresh(state: Arc<AppState>, lang: Lang) {
    let mut told: Option<String> = None;
    let mut failures = 0u32;
    loop {
        tokio::time::sleep(state::REFRESH_EVERY * 2u32.pow(failures.min(6))).await;
        let state = Arc::clone(&state);
        let refreshed =
            tokio::task::spawn_blocking(move || state.ready().map(|r| r.engines.refresh())).await;
        let Ok(Some(Err(e))) = refreshed else {
            told = None;
            failures = 0;
            continue;
        };
        failures += 1;
        let message = lang::with_l10n(lang, |l10n| {
            let mut args = Args::new();
            args.set("error", e.render(l10n));
            l10n.t_args("serve-reload-failed", &args)
        });
        if told.as_ref() != Some(&message) {
            eprintln!("{message}");
            told = Some(message);
        }
    }
}
