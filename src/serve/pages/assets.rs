//! The pages' assets, compiled into the binary (`assets/`): the stylesheet, the script that
//! searches as you type, and the icon. Each is served under a name that holds a fingerprint
//! of its bytes (`site.1a2b3c4d.css`), so that a browser may keep it for a year and still
//! never shows an old one after an upgrade. Nothing is read from the disk at run time: the
//! route only looks the name up in this table.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::serve::error::ApiError;

/// One embedded file.
pub struct Asset {
    /// Its plain name, as the pages ask for it (`site.css`).
    pub name: &'static str,
    /// The name it is served under, with the fingerprint.
    pub served: String,
    /// Its address (`/assets/site.1a2b3c4d.css`).
    pub url: String,
    /// Its media type.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

/// Every asset.
pub static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    [
        (
            "site.css",
            "text/css; charset=utf-8",
            include_bytes!("../../../assets/site.css").as_slice(),
        ),
        (
            "search.js",
            "text/javascript; charset=utf-8",
            include_bytes!("../../../assets/search.js").as_slice(),
        ),
        (
            "icon.svg",
            "image/svg+xml",
            include_bytes!("../../../assets/icon.svg").as_slice(),
        ),
    ]
    .into_iter()
    .map(|(name, content_type, bytes)| {
        let print = crate::kb::corpus::fingerprint::of([(name, bytes)]);
        let (stem, ext) = name.rsplit_once('.').expect("an extension");
        let served = format!("{stem}.{:08x}.{ext}", print as u32);
        Asset {
            name,
            url: format!("/assets/{served}"),
            served,
            content_type,
            bytes,
        }
    })
    .collect()
});

/// The address of an asset by its plain name.
///
/// # Panics
/// When no asset has that name: the names are the templates' own constants.
pub fn url(name: &str) -> &'static str {
    ASSETS
        .iter()
        .find(|a| a.name == name)
        .map(|a| a.url.as_str())
        .unwrap_or_else(|| panic!("no asset {name}"))
}

/// `/assets/{name}`: the asset served under that name, kept by the browser for a year.
pub async fn serve(name: Option<Path<String>>) -> Result<Response, ApiError> {
    let Some(Path(name)) = name else {
        return Err(ApiError::NotFound);
    };
    let asset = ASSETS
        .iter()
        .find(|a| a.served == name)
        .ok_or(ApiError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
            (
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        asset.bytes,
    )
        .into_response())
}
