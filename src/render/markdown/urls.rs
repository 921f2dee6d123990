//! What kind of address a link or a file reference in commentary is.
//!
//! Browsers read an address leniently: they drop tabs and newlines anywhere in it,
//! trim spaces and control characters around it, and take `\` for `/`. Every test
//! here reads it the same way first, so `java\tscript:` and `/\evil.example` are
//! seen for what a browser makes of them.

/// The address as a browser reads it: tabs and newlines removed, spaces and control
/// characters trimmed from both ends.
fn as_browser_reads(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ' || c.is_control())
        .to_string()
}

/// Returns true if and only if `url` runs a script or carries a document of its own
/// (`javascript:`, `vbscript:`, `data:`).
pub fn is_script_url(url: &str) -> bool {
    let lower = as_browser_reads(url).to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// Returns true if and only if `url` starts with two slashes (either way round):
/// another host, in whatever scheme the page was read with.
pub fn is_protocol_relative(url: &str) -> bool {
    let url = as_browser_reads(url);
    let mut chars = url.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    )
}

/// The scheme `url` names (`https`, `data`…), lowercased, if it names one.
pub fn scheme(url: &str) -> Option<String> {
    let url = as_browser_reads(url);
    let end = url.find([':', '/', '?', '#'])?;
    let name = &url[..end];
    let valid = url[end..].starts_with(':')
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| name.to_ascii_lowercase())
}

/// Returns true if and only if `url` is not a file of the site: it names a scheme
/// (`https:`, `data:`, `file:`) or another host (`//cdn.example`).
pub fn is_off_site(url: &str) -> bool {
    is_protocol_relative(url) || scheme(url).is_some()
}

/// Returns true if and only if `url` is a path to another file of the site, written
/// relative to the page or from the site's root (`../x/`, `/zh/`, `chart.svg`): not
/// another site, not an anchor of the page itself, not a site link (`@/`), which
/// Markdown links resolve themselves.
pub fn is_local_path(url: &str) -> bool {
    let url = as_browser_reads(url);
    !url.is_empty() && !url.starts_with(['#', '?']) && !url.starts_with("@/") && !is_off_site(&url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_as_a_browser_reads_them() {
        assert!(is_script_url(" JaVa\tScRiPt:alert(1)"));
        assert!(is_script_url("\u{1}data:text/html,x"));
        assert!(!is_script_url("notes/javascript:x"));
        for relative in ["//x.example/", "\\\\x.example", "/\\x.example", " \t//x"] {
            assert!(is_protocol_relative(relative), "{relative:?}");
            assert!(is_off_site(relative), "{relative:?}");
        }
        for remote in [
            "https://x",
            "HTTP://x",
            "ftp://x",
            "data:image/png;base64,x",
            "file:/etc",
        ] {
            assert!(is_off_site(remote), "{remote:?}");
        }
        for local in ["a.png", "../static/a.png", "/static/a.png", "#top", "./x:y"] {
            assert!(!is_off_site(local), "{local:?}");
        }
        assert_eq!(scheme("Mailto:x@example.cn").as_deref(), Some("mailto"));
        assert_eq!(scheme("plans/a/"), None);
        assert_eq!(scheme("1x:y"), None);
    }
}
