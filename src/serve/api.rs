//! The JSON API's handlers: each reads its parameters into the same typed inputs the command
//! line builds from its arguments, calls the same core function and writes the same view
//! with the same writer ([`crate::views::write_json`]), so that a route's body is byte for
//! byte what the matching command prints with `--json`. The `#[utoipa::path]` of each is its
//! part of the OpenAPI document ([`super::openapi`]).

use std::sync::Arc;

use axum::Extension;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use clap::ValueEnum;
use serde::Serialize;

use super::error::{ApiError, ErrorBody, Expected};
use super::lang::{Negotiated, with_l10n};
use super::params::Params;
use super::state::{AppState, Ready};
use crate::cli::args::{OutcomeArg, PartyArg};
use crate::commands;
use crate::error::Error;
use crate::search::query;
use crate::views::person::PersonResult;
use crate::views::race::{RaceJson, RacesView};
use crate::views::search::SearchView;
use crate::views::stats::StatsView;

/// The errors every API route may answer besides its own (for the OpenAPI document).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum Unavailable {
    /// The address is longer than the server reads.
    #[response(status = 414)]
    UriTooLong(ErrorBody),
    /// Not ready yet (the index is being opened), or overloaded.
    #[response(status = 503)]
    NotNow(ErrorBody),
}

/// A JSON document as [`crate::views::write_json`] writes it (with its final newline).
pub struct Json(pub Vec<u8>);

impl Json {
    /// The document of a view.
    pub fn of(view: &impl Serialize) -> Json {
        let mut body = Vec::with_capacity(1024);
        crate::views::write_json(&mut body, view).expect("writing to a Vec cannot fail");
        Json(body)
    }
}

impl IntoResponse for Json {
    fn into_response(self) -> Response {
        ([(CONTENT_TYPE, "application/json; charset=utf-8")], self.0).into_response()
    }
}

/// The parameters of `/api/search`: `search`'s arguments.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query, in the command line's query language (`Plagiat`, `"Max Baucus"`,
    /// `Stichwahl -Georgia`, `party:R outcome:gain`); at most 1,000 characters.
    #[param(min_length = 1, max_length = 1000)]
    q: String,
    /// At most this many hits (default 10; any number up to the largest 64-bit one is
    /// taken, and documented up to 10^18).
    #[param(value_type = Option<u64>, minimum = 0, maximum = 1_000_000_000_000_000_000_f64)]
    limit: Option<usize>,
}

impl SearchParams {
    /// Reads them from the query string, as `search` reads its arguments.
    fn read(params: &Params) -> Result<SearchParams, ApiError> {
        params.allow(&["q", "limit", "lang"])?;
        Ok(SearchParams {
            q: params.required("q")?.to_string(),
            limit: params.number("limit")?,
        })
    }
}

/// Full-text search over both languages, as `senate-kb search <q> --limit N --json`.
#[utoipa::path(get, path = "/api/search", params(SearchParams, LangParams), responses(
    (status = 200, description = "What the query found (also when nothing: `hits` is empty)", body = SearchView),
    (status = 400, description = "A bad parameter, a query that cannot be parsed, an unknown language", body = ErrorBody),
    Unavailable,
))]
pub async fn search(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Json, ApiError> {
    let SearchParams { q: text, limit } = SearchParams::read(&params)?;
    let limit = limit.unwrap_or(commands::search::DEFAULT_LIMIT);
    let parsed = query::parse(&text).map_err(Error::Query)?;
    ready(&state)?;
    let found = blocking(state, move |ready| {
        let mut engine = ready.engines.lease();
        engine.find(&parsed, limit).map_err(ApiError::from)
    })
    .await?;
    Ok(Json::of(&SearchView::new(&text, lang, &found)))
}

/// The parameters of `/api/races`: `races`'s flags.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RacesParams {
    /// Only races with this outcome.
    #[param(inline)]
    outcome: Option<OutcomeArg>,
    /// Only races this party's candidate won (any case).
    #[param(inline)]
    party: Option<PartyArg>,
    /// Only special elections.
    special: Option<bool>,
}

impl RacesParams {
    /// Reads them from the query string, as clap reads `races`'s flags.
    fn read(params: &Params) -> Result<RacesParams, ApiError> {
        params.allow(&["outcome", "party", "special", "lang"])?;
        Ok(RacesParams {
            outcome: params.parsed("outcome", Expected::OneOf("gain, hold"), |v| {
                OutcomeArg::from_str(v, false).ok()
            })?,
            party: params.parsed("party", Expected::OneOf("D, R, I, L"), |v| {
                PartyArg::from_str(v, true).ok()
            })?,
            special: Some(params.boolean("special")?),
        })
    }
}

/// The races, filtered, as `senate-kb races [--outcome …] [--party …] [--special] --json`.
#[utoipa::path(get, path = "/api/races", params(RacesParams, LangParams), responses(
    (status = 200, description = "The races that pass the filters (maybe none)", body = RacesView),
    (status = 400, description = "A bad parameter or an unknown language", body = ErrorBody),
    Unavailable,
))]
pub async fn races(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Json, ApiError> {
    let RacesParams {
        outcome,
        party,
        special,
    } = RacesParams::read(&params)?;
    let filter = commands::races::filter(outcome, party, special.unwrap_or(false));
    let ready = ready(&state)?;
    let races = filter.races(&ready.corpus);
    Ok(with_l10n(lang, |l10n| {
        Json::of(&RacesView::new(&ready.corpus, &races, l10n))
    }))
}

/// The parameter every API route takes. The language layer reads it (see
/// [`super::lang`]); this is its part of the OpenAPI document.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct LangParams {
    /// The answer's language: any tag `--lang` takes (`de`, `en-GB`, `de_AT.UTF-8`).
    #[param(
        pattern = r"^(?:[dD][eE]|[eE][nN])(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?(?:\.[A-Za-z0-9-]+)?$"
    )]
    lang: Option<String>,
}

/// One race, as `senate-kb race <id> --json`: `id` is a race id (`co`, `ok-special`) or a
/// state's name in either language, any case (`new hampshire`, `Süd-Dakota`).
#[utoipa::path(get, path = "/api/races/{id}", params(
    ("id" = String, Path, description = "A race id or a state's name"),
    LangParams,
), responses(
    (status = 200, description = "The race, with its narrative", body = RaceJson),
    (status = 400, description = "A name several races answer to, a bad parameter, an unknown language", body = ErrorBody),
    (status = 404, description = "No race answers to it", body = ErrorBody),
    Unavailable,
))]
pub async fn race(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(ApiError::BadEncoding("id".into()));
    };
    if id.contains('\0') {
        return Err(ApiError::BadEncoding("id".into()));
    }
    params.allow(&["lang"])?;
    let ready = ready(&state)?;
    let race = with_l10n(lang, |l10n| {
        commands::race::view(&ready.corpus, &[id], l10n)
    })?;
    Ok(Json::of(&race))
}

/// The parameters of `/api/people`: `person`'s argument.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleParams {
    /// A name, or part of one (`Udall`, `tom udall`, `landrieu`); a typo is forgiven; at
    /// most 200 characters.
    #[param(max_length = 200)]
    q: String,
}

impl PeopleParams {
    /// Reads them from the query string.
    fn read(params: &Params) -> Result<PeopleParams, ApiError> {
        params.allow(&["q", "lang"])?;
        Ok(PeopleParams {
            q: params.required("q")?.to_string(),
        })
    }
}

/// Everyone who answers to a name, with every race they appear in, as `senate-kb person <q>
/// --json` (`people` is empty when nobody does).
#[utoipa::path(get, path = "/api/people", params(PeopleParams, LangParams), responses(
    (status = 200, description = "Everyone who answers to the name, best first (maybe nobody)", body = PersonResult),
    (status = 400, description = "A name too long, a bad parameter, an unknown language", body = ErrorBody),
    Unavailable,
))]
pub async fn people(
    State(state): State<Arc<AppState>>,
    Extension(Negotiated(lang)): Extension<Negotiated>,
    Extension(params): Extension<Params>,
) -> Result<Json, ApiError> {
    let PeopleParams { q: name } = PeopleParams::read(&params)?;
    ready(&state)?;
    blocking(state, move |ready| {
        let profiles = commands::person::lookup(&ready.corpus, &ready.mentions, &name)?;
        Ok(with_l10n(lang, |l10n| {
            let view = crate::views::person::view(&ready.corpus, &name, &profiles, l10n);
            Json::of(&view)
        }))
    })
    .await
}

/// The election at a glance, as `senate-kb stats --json`.
#[utoipa::path(get, path = "/api/stats", params(LangParams), responses(
    (status = 200, description = "Races, specials, seats before and after, gains", body = StatsView),
    (status = 400, description = "A bad parameter or an unknown language", body = ErrorBody),
    Unavailable,
))]
pub async fn stats(
    State(state): State<Arc<AppState>>,
    Extension(params): Extension<Params>,
) -> Result<Json, ApiError> {
    params.allow(&["lang"])?;
    let ready = ready(&state)?;
    Ok(Json::of(&commands::stats::view(&ready.corpus)))
}

/// What `/healthz` and `/readyz` answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `alive` or `ready`.
    status: &'static str,
    /// The index generation searched (`/readyz`): it changes when `senate-kb index` made a
    /// new one live.
    #[serde(skip_serializing_if = "Option::is_none")]
    generation: Option<String>,
    /// Documents in it (`/readyz`).
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<u64>,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", responses(
    (status = 200, description = "Alive", body = Health),
    (status = 503, description = "Overloaded", body = ErrorBody),
))]
pub async fn healthz() -> Json {
    Json::of(&Health {
        status: "alive",
        generation: None,
        documents: None,
    })
}

/// Readiness: the knowledge base is loaded and the index open.
#[utoipa::path(get, path = "/readyz", responses(
    (status = 200, description = "Ready", body = Health),
    (status = 503, description = "Not ready yet, or overloaded", body = ErrorBody),
))]
pub async fn readyz(State(state): State<Arc<AppState>>) -> Result<Json, ApiError> {
    let ready = ready(&state)?;
    Ok(Json::of(&Health {
        status: "ready",
        generation: Some(ready.engines.generation()),
        documents: Some(ready.engines.documents()),
    }))
}

/// Runs `work` on the blocking threads, off the async ones: a search (typos, relaxing) or a
/// name looked up with its typos can take milliseconds, and may wait on the disk for the
/// index's pages.
async fn blocking<R: Send + 'static>(
    state: Arc<AppState>,
    work: impl FnOnce(&Ready) -> Result<R, ApiError> + Send + 'static,
) -> Result<R, ApiError> {
    tokio::task::spawn_blocking(move || work(ready(&state)?))
        .await
        .map_err(|e| ApiError::from(Error::Index(e.to_string())))?
}

/// What a handler answers from, or 503 while the index is being opened.
fn ready(state: &AppState) -> Result<&Ready, ApiError> {
    state.ready().ok_or(ApiError::NotReady)
}
