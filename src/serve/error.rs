//! Why a request gets no answer, as the HTTP API tells it: [`ApiError`], with a status, a
//! stable kebab-case `code` and a message in the request's language (through Fluent, like
//! every error of the command line; the command line's own errors are wrapped, not
//! retold).
//!
//! A handler returns an [`ApiError`]; its [`IntoResponse`] gives the status and carries the
//! error in the response's extensions. The language layer ([`super::layers`]), which knows
//! the negotiated language, writes the body `{"error": {"code": …, "message": …}}`; it does
//! the same for the bodiless errors of axum and tower-http (405, 408, 413), so that every
//! error has the same shape.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;
use crate::l10n::{Args, Localizer};
use crate::search::query::QueryError;
use crate::text::safe::{sanitize, shorten};

/// Why a request gets no answer.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// The index is still being opened (or built).
    NotReady,
    /// No route answers to the path.
    NotFound,
    /// A method other than GET (or HEAD).
    MethodNotAllowed,
    /// `?lang=` names a language we do not have.
    UnknownLanguage(String),
    /// A parameter is not valid percent-encoded UTF-8, or holds a NUL.
    BadEncoding(String),
    /// A parameter this route does not take.
    UnknownParameter {
        /// Its name, as given.
        name: String,
        /// The parameters the route takes.
        allowed: &'static [&'static str],
    },
    /// A parameter given twice.
    RepeatedParameter(String),
    /// A parameter the route needs.
    MissingParameter(&'static str),
    /// A parameter whose value is not one the route takes.
    BadParameter {
        /// Its name.
        name: &'static str,
        /// The value given.
        value: String,
        /// What it may be, as a Fluent id (`http-expected-number`) or the values themselves.
        expected: Expected,
    },
    /// The request's address is longer than the server reads.
    UriTooLong(usize),
    /// The request's headers are larger than the server reads.
    HeadersTooLarge(usize),
    /// The request has a body larger than the server reads.
    PayloadTooLarge,
    /// Too many requests at once: answered at once rather than queued.
    Overloaded,
    /// The answer took longer than a request may.
    Timeout,
    /// What the command line would have said (an unknown race, a query that cannot be
    /// parsed, a filter that names nothing, a name too long, a failing index).
    Cli(Arc<Error>),
}

/// What a parameter's value may be.
#[derive(Debug, Clone, Copy)]
pub enum Expected {
    /// A message saying it (`http-expected-number`).
    Message(&'static str),
    /// These values.
    OneOf(&'static str),
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        ApiError::Cli(Arc::new(e))
    }
}

impl From<crate::search::SearchError> for ApiError {
    fn from(e: crate::search::SearchError) -> ApiError {
        ApiError::from(Error::from(e))
    }
}

impl ApiError {
    /// The HTTP status: a 4xx for anything about the request, 503 when the server cannot
    /// answer now, 500 only when the index fails.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotReady | ApiError::Overloaded | ApiError::Timeout => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnknownLanguage(_)
            | ApiError::BadEncoding(_)
            | ApiError::UnknownParameter { .. }
            | ApiError::RepeatedParameter(_)
            | ApiError::MissingParameter(_)
            | ApiError::BadParameter { .. } => StatusCode::BAD_REQUEST,
            ApiError::Cli(e) => match **e {
                Error::UnknownRace { .. } => StatusCode::NOT_FOUND,
                Error::UnknownLanguage { .. }
                | Error::AmbiguousRace { .. }
                | Error::NameTooLong { .. }
                | Error::Query(_)
                | Error::Filter(_) => StatusCode::BAD_REQUEST,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            },
        }
    }

    /// The stable code a program matches on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NotReady => "not-ready",
            ApiError::NotFound => "not-found",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::UnknownLanguage(_) => "unknown-language",
            ApiError::BadEncoding(_) => "bad-encoding",
            ApiError::UnknownParameter { .. } => "unknown-parameter",
            ApiError::RepeatedParameter(_) => "repeated-parameter",
            ApiError::MissingParameter(_) => "missing-parameter",
            ApiError::BadParameter { .. } => "bad-parameter",
            ApiError::UriTooLong(_) => "uri-too-long",
            ApiError::HeadersTooLarge(_) => "headers-too-large",
            ApiError::PayloadTooLarge => "payload-too-large",
            ApiError::Overloaded => "overloaded",
            ApiError::Timeout => "timeout",
            ApiError::Cli(e) => match &**e {
                Error::UnknownRace { .. } => "unknown-race",
                Error::AmbiguousRace { .. } => "ambiguous-race",
                Error::UnknownLanguage { .. } => "unknown-language",
                Error::NameTooLong { .. } => "name-too-long",
                Error::Query(QueryError::TooLong | QueryError::TooManyItems) => "query-too-long",
                Error::Query(_) => "bad-query",
                Error::Filter(_) => "bad-filter",
                _ => "internal",
            },
        }
    }

    /// The message a person reads, in the localizer's language. What the request held is
    /// echoed shortened and with control characters escaped, as the command line echoes it.
    pub fn message(&self, l10n: &Localizer) -> String {
        let echo = |text: &str| sanitize(&shorten(text));
        let mut args = Args::new();
        let id = match self {
            ApiError::NotReady => "http-not-ready",
            ApiError::NotFound => "http-not-found",
            ApiError::MethodNotAllowed => "http-method-not-allowed",
            ApiError::UnknownLanguage(requested) => {
                let e = Error::UnknownLanguage {
                    requested: requested.clone(),
                };
                return e.render(l10n);
            }
            ApiError::BadEncoding(name) => {
                args.set("name", echo(name));
                "http-bad-encoding"
            }
            ApiError::UnknownParameter { name, allowed } => {
                args.set("name", echo(name));
                args.set("allowed", allowed.join(", "));
                "http-unknown-parameter"
            }
            ApiError::RepeatedParameter(name) => {
                args.set("name", echo(name));
                "http-repeated-parameter"
            }
            ApiError::MissingParameter(name) => {
                args.set("name", *name);
                "http-missing-parameter"
            }
            ApiError::BadParameter {
                name,
                value,
                expected,
            } => {
                args.set("name", *name);
                args.set("value", echo(value));
                args.set(
                    "expected",
                    match expected {
                        Expected::Message(id) => l10n.t(id),
                        Expected::OneOf(values) => (*values).to_string(),
                    },
                );
                "http-bad-parameter"
            }
            ApiError::UriTooLong(max) => {
                args.set("max", *max);
                "http-uri-too-long"
            }
            ApiError::HeadersTooLarge(max) => {
                args.set("max", *max);
                "http-headers-too-large"
            }
            ApiError::PayloadTooLarge => "http-payload-too-large",
            ApiError::Overloaded => "http-overloaded",
            ApiError::Timeout => "http-timeout",
            ApiError::Cli(e) if self.status().is_server_error() => {
                args.set("error", e.render(l10n));
                "http-internal"
            }
            ApiError::Cli(e) => return e.render(l10n),
        };
        l10n.t_args(id, &args)
    }

    /// The error for a bodiless error response of axum or tower-http, by its status.
    pub fn of_status(status: StatusCode) -> Option<ApiError> {
        Some(match status {
            StatusCode::NOT_FOUND => ApiError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT => ApiError::Timeout,
            StatusCode::SERVICE_UNAVAILABLE => ApiError::Overloaded,
            _ => return None,
        })
    }

    /// The JSON body, `{"error": {"code": …, "message": …}}` and a newline, with every
    /// character a terminal or an HTML page would act on (`<`, `>`, `&`, `'`, controls,
    /// bidirectional overrides) written as a `\uXXXX` escape: whatever a request held, its
    /// echo in a message is inert wherever the body ends up.
    pub fn body(&self, l10n: &Localizer) -> Vec<u8> {
        #[derive(Serialize)]
        struct Body<'a> {
            error: Inner<'a>,
        }
        #[derive(Serialize)]
        struct Inner<'a> {
            code: &'a str,
            message: String,
        }
        let body = Body {
            error: Inner {
                code: self.code(),
                message: self.message(l10n),
            },
        };
        let mut out = Vec::with_capacity(256);
        crate::views::write_json_inert(&mut out, &body).expect("writing to a Vec cannot fail");
        out
    }
}

impl IntoResponse for ApiError {
    /// The status, with the error in the extensions: the language layer writes the body.
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// The documented shape of every error body (for the OpenAPI document).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, kebab-case, English: `bad-query`, `unknown-race`, `not-ready`, …
    pub code: String,
    /// What went wrong, in the negotiated language.
    pub message: String,
}
