//! What the preview refuses to answer, whatever it serves: requests naming a host
//! other than its own (DNS rebinding) and paths that would redirect off the site.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Response, StatusCode, header};
use axum::response::IntoResponse;

/// The host names the preview answers to: the address it is bound to, `localhost`,
/// and the host of the site's own `base_url`.
pub fn allowed_hosts(bound: &str, root: &Path) -> Vec<String> {
    let mut hosts = vec![bound.to_ascii_lowercase(), "localhost".to_string()];
    let configured = crate::yaml::SourceFile::read(
        &root.join(crate::config::CONFIG_FILE),
        Path::new(crate::config::CONFIG_FILE),
    )
    .ok()
    .and_then(|f| crate::config::Config::parse(&f).ok())
    .map(|c| c.base_url.as_str());
    if let Some(url) = configured
        && let Some(authority) = url.split("://").nth(1).and_then(|r| r.split('/').next())
    {
        hosts.push(host_name(authority).to_string());
    }
    hosts
}

/// A `Host` header's name without its port (`[::1]:8080` → `[::1]`), lower-cased.
fn host_name(authority: &str) -> String {
    let name = match authority.strip_prefix('[') {
        Some(rest) => rest
            .split_once(']')
            .map_or(authority.to_string(), |(ip, _)| format!("[{ip}]")),
        None => authority.split(':').next().unwrap_or("").to_string(),
    };
    name.to_ascii_lowercase()
}

/// Refuses what a preview must not answer. A request naming another host is how a
/// page on the web reaches a preview through DNS rebinding, so it gets 421; and a
/// path starting with `//` would be redirected to `//…/`, which browsers read as
/// another site's address, so it gets 404.
pub async fn guard(
    req: axum::extract::Request,
    next: axum::middleware::Next,
    allowed: Arc<Vec<String>>,
) -> Response<Body> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(host_name);
    if !host.is_some_and(|h| allowed.contains(&h)) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "plansite serve answers only to its own address\n",
        )
            .into_response();
    }
    if req.uri().path().starts_with("//") {
        return StatusCode::NOT_FOUND.into_response();
    }
    next.run(req).await
}
