//! What every request goes through, around whatever route answers it ([`stack`]):
//!
//! - the security headers (a Content-Security-Policy without `unsafe-inline`,
//!   `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`) and `Vary:
//!   Accept-Language`, on every response;
//! - gzip, for clients that ask for it;
//! - the language layer ([`language`]): the bounds on the address and the headers, the query
//!   string read strictly ([`Params`]), the language negotiated ([`Negotiated`]), both handed
//!   to the handlers in the request's extensions; on the way out, `Content-Language`, and the
//!   JSON body of every error in that language;
//! - load shedding: at most [`MAX_IN_FLIGHT`] requests at once, the rest answered 503 at once
//!   instead of queued;
//! - a timeout per request, and a bound on the body (the API takes none).
//!
//! Limits are tower and tower-http layers; the connection-level ones (header read timeout,
//! buffer size, how many connections) are hyper's and [`super::listen`]'s.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::Request;
use axum::http::header::{
    CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, VARY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use super::error::ApiError;
use super::lang::{self, Negotiated, with_l10n};
use super::params::Params;
use crate::l10n::Lang;

/// Requests answered at once; more are answered 503 (`overloaded`) without waiting.
pub const MAX_IN_FLIGHT: usize = 256;
/// How long a request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest address (path and query string) read, in bytes: room for a query of the
/// command line's longest ([`crate::search::query::MAX_CHARS`] characters), each
/// percent-encoded, so that the command line's own limit is the one a user meets.
pub const MAX_URI: usize = 16 * 1024;
/// The most header bytes read (names and values); hyper cuts off far larger heads itself.
pub const MAX_HEADERS: usize = 16 * 1024;
/// The largest body accepted (the API reads none).
pub const MAX_BODY: usize = 1024;

/// The policy of every response: nothing inline, nothing from elsewhere, never framed.
const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// The router with the layers around every route, outermost first (see the module).
pub fn around(router: Router) -> Router {
    let header = |name, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let stack = ServiceBuilder::new()
        .layer(header(
            CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY_VALUE,
        ))
        .layer(header(X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(REFERRER_POLICY, "no-referrer"))
        .layer(SetResponseHeaderLayer::appending(
            VARY,
            HeaderValue::from_static("accept-language"),
        ))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(language))
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
            // The only error left here is load shedding's.
            ApiError::Overloaded
        }))
        .load_shed()
        .layer(GlobalConcurrencyLimitLayer::new(MAX_IN_FLIGHT))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ));
    router.layer(stack)
}

/// The language layer (see the module).
pub async fn language(mut request: Request, next: Next) -> Response {
    // A page's errors are written as a page (see `finish`).
    let page = super::pages::is_page(request.uri().path());
    let finish = |lang, response| finish(lang, page, response);
    // Until the `lang` parameter is read, errors speak the language of `Accept-Language`.
    let fallback = lang::accepted(request.headers()).unwrap_or(Lang::En);
    let uri = request.uri();
    let uri_len = uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI {
        return finish(fallback, ApiError::UriTooLong(MAX_URI).into_response());
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if header_bytes > MAX_HEADERS {
        return finish(
            fallback,
            ApiError::HeadersTooLarge(MAX_HEADERS).into_response(),
        );
    }
    // A method no route takes is a 405 (or 404) whatever the parameters: the router says.
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        request.extensions_mut().insert(Negotiated(fallback));
        request.extensions_mut().insert(Params::default());
        return finish(fallback, next.run(request).await);
    }
    let params = match Params::parse(uri.query().unwrap_or("")) {
        Ok(params) => params,
        Err(e) => return finish(fallback, e.into_response()),
    };
    let lang = match lang::negotiate(params.get("lang"), request.headers()) {
        Ok(lang) => lang,
        Err(e) => return finish(fallback, e.into_response()),
    };
    request.extensions_mut().insert(Negotiated(lang));
    request.extensions_mut().insert(params);
    finish(lang, next.run(request).await)
}

/// Sets `Content-Language`, and writes the JSON body of an error: the one a handler returned
/// ([`ApiError`] in the extensions), or the one a bodiless or plain-text error response of
/// axum or tower-http stands for (405, 408, 413, an unknown route's 404). On a `page`'s path
/// the error is written as an HTML page instead ([`super::pages::error`]); error pages of
/// another type (HTML) are left as they are.
fn finish(lang: Lang, page: bool, mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    let status = response.status();
    let error = response.extensions_mut().remove::<ApiError>().or_else(|| {
        // Bodiless, or a plain-text line from tower-http (`length limit exceeded`).
        let plain = response
            .headers()
            .get(CONTENT_TYPE)
            .is_none_or(|t| t.as_bytes().starts_with(b"text/plain"));
        let failed = status.is_client_error() || status.is_server_error();
        if plain && failed {
            ApiError::of_status(status)
        } else {
            None
        }
    });
    let Some(error) = error else {
        return response;
    };
    let (body, content_type) = if page {
        let html = with_l10n(lang, |l10n| super::pages::error::page(&error, l10n));
        (html.into_bytes(), "text/html; charset=utf-8")
    } else {
        let json = with_l10n(lang, |l10n| error.body(l10n));
        (json, "application/json; charset=utf-8")
    };
    let (mut parts, _) = response.into_parts();
    parts.status = error.status();
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    Response::from_parts(parts, Body::from(body))
}
