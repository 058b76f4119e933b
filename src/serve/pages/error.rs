//! An error on a page's path, as a page: the frame every page has (so that the search box
//! and the navigation are still there), a heading and the error's message in the
//! negotiated language. The language layer ([`crate::serve::layers`]) writes it instead of
//! the API's JSON body for the paths [`super::is_page`] names, whatever made the error (a
//! handler, a bad parameter, a limit).

use askama::Template;

use super::chrome::{Chrome, Section};
use crate::l10n::{Args, Localizer};
use crate::serve::error::ApiError;

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// What went wrong.
    pub message: String,
}

/// The page of an error, in the localizer's language.
pub fn page(error: &ApiError, l10n: &Localizer) -> String {
    let mut args = Args::new();
    args.set("status", error.status().as_u16());
    let title = l10n.t_args("page-error-title", &args);
    let message = match error {
        ApiError::NotFound => l10n.t("page-not-found"),
        _ => error.message(l10n),
    };
    ErrorPage {
        chrome: Chrome::new(l10n, title, Section::Search, "/", &[]),
        message,
    }
    .render()
    .expect("the error page renders")
}
