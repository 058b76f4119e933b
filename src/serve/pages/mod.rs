//! The web pages of `senate-kb serve` (`shared/docs/http-contract.md`, Pages): `/`,
//! `/search`, `/races`, `/race/{id}`, `/person/{id}` and `/people`, server-rendered HTML in
//! the negotiated language, and the assets they use (`/assets/…`, [`assets`]).
//!
//! Each page is a thin adapter, like an API handler: it reads its parameters strictly
//! ([`super::params`]), asks the same core functions and views the command line and the JSON
//! API answer from ([`crate::views`], [`crate::commands`], [`crate::kb::answer`]) and renders
//! them through a compile-time-checked askama template (`templates/`), which escapes
//! everything it prints. Every word comes from Fluent ([`crate::l10n`]). What is shared by
//! every page (the language switch, the navigation, the credit) is [`chrome`]; highlights
//! are pieces of text cut at character offsets ([`marks`]); the two pictures are SVG drawn
//! from the race facts ([`map`], [`senate`]).
//!
//! Errors are [`ApiError`]s like the API's; the language layer writes them as an HTML page
//! ([`error`]) for the paths [`is_page`] names.

pub mod assets;
pub mod chrome;
pub mod error;
pub mod facets;
pub mod home;
pub mod map;
pub mod marks;
pub mod person;
pub mod race;
pub mod races;
pub mod search;
pub mod senate;

use std::sync::Arc;

use axum::Extension;
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::get;

use super::error::ApiError;
use super::lang::{Negotiated, with_l10n};
use super::params::Params;
use super::state::{AppState, Ready};
use crate::error::Error;

/// The pages' routes and the assets', for [`super::router`] to merge before its layers.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search))
        .route("/races", get(races))
        .route("/race/{id}", get(race))
        .route("/person/{id}", get(person))
        .route("/people", get(people))
        .route("/assets/{name}", get(assets::serve))
}

/// Whether a path is one of the pages, whose errors are answered as an HTML page rather than
/// the API's JSON body.
pub fn is_page(path: &str) -> bool {
    matches!(path, "/" | "/search" | "/races" | "/people")
        || ["/race/", "/person/"].iter().any(|prefix| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty())
        })
}

/// `/`: the search box, the election in one sentence, the map and the Senate.
async fn home(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Html<String>, ApiError> {
    params.allow(&["lang"])?;
    let ready = ready(&state)?;
    Ok(Html(with_l10n(lang, |l10n| home::render(ready, l10n))))
}

/// `/search?q=…`: the hits, with facets that filter them.
async fn search(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<(StatusCode, Html<String>), ApiError> {
    let request = search::Request::read(&params)?;
    ready(&state)?;
    // A search can take a while (typos, relaxing): off the async threads.
    let page = tokio::task::spawn_blocking(move || {
        let ready = state.ready().ok_or(ApiError::NotReady)?;
        let searched = request.search(ready)?;
        let page = with_l10n(lang, |l10n| {
            search::render(ready, l10n, &request, &searched)
        });
        Ok::<_, ApiError>((searched.status(), Html(page)))
    })
    .await
    .map_err(|e| ApiError::from(Error::Index(e.to_string())))??;
    Ok(page)
}

/// `/races`: the table, filtered and sorted by links.
async fn races(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Html<String>, ApiError> {
    let request = races::Request::read(&params)?;
    let ready = ready(&state)?;
    Ok(Html(with_l10n(lang, |l10n| {
        races::render(ready, l10n, &request)
    })))
}

/// `/race/{id}`: one race, its facts, people and narrative.
async fn race(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, ApiError> {
    let id = path_id(id)?;
    let request = race::Request::read(&params)?;
    let ready = ready(&state)?;
    with_l10n(lang, |l10n| race::render(ready, l10n, &id, &request)).map(Html)
}

/// `/person/{id}`: one person, every race they appear in.
async fn person(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, ApiError> {
    let id = path_id(id)?;
    params.allow(&["lang"])?;
    let ready = ready(&state)?;
    with_l10n(lang, |l10n| person::render_one(ready, l10n, &id)).map(Html)
}

/// `/people?q=…`: everyone who answers to a name.
async fn people(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Html<String>, ApiError> {
    params.allow(&["q", "lang"])?;
    let query = params.get("q").unwrap_or("").to_string();
    let ready = ready(&state)?;
    with_l10n(lang, |l10n| person::render_lookup(ready, l10n, &query)).map(Html)
}

/// The `{id}` of a path, refused when it is not text (as the API refuses it).
fn path_id(id: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    match id {
        Ok(Path(id)) if !id.contains('\0') => Ok(id),
        _ => Err(ApiError::BadEncoding("id".into())),
    }
}

/// What a page is rendered from, or 503 while the index is being opened.
fn ready(state: &AppState) -> Result<&Ready, ApiError> {
    state.ready().ok_or(ApiError::NotReady)
}

#[cfg(test)]
mod tests {
    use super::is_page;

    #[test]
    fn pages_are_named_by_their_paths_only() {
        for page in ["/", "/search", "/races", "/people", "/race/mt", "/person/x"] {
            assert!(is_page(page), "{page}");
        }
        for other in [
            "/api/search",
            "/healthz",
            "/race/",
            "/person/",
            "/assets/site.css",
            "/searchx",
            "/nope",
        ] {
            assert!(!is_page(other), "{other}");
        }
    }
}
