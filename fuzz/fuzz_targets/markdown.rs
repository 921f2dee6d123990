//! Any text as commentary Markdown: rendering never panics and never lets a script
//! through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansite::render::markdown::{MarkdownContext, render};

/// Returns true if and only if `html` has an attribute whose value is a
/// `javascript:` address. The word in prose ("…javascript:…" as text) is harmless and
/// kept: the first crash this target found was that false alarm.
fn has_script_url(html: &str) -> bool {
    // Entities a browser would decode inside an attribute (&#9;javascript:) first.
    let lower = html
        .to_ascii_lowercase()
        .replace("&#9;", "\t")
        .replace("&#x9;", "\t")
        .replace("&#10;", "\n")
        .replace("&#xa;", "\n")
        .replace("&tab;", "\t")
        .replace("&newline;", "\n")
        .replace("&colon;", ":");
    lower.match_indices("javascript:").any(|(at, _)| {
        let before = lower[..at]
            .trim_end_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
            .trim_end_matches(['"', '\''])
            .trim_end_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
        before.ends_with('=') || before.ends_with("url(")
    })
}

fuzz_target!(|text: &str| {
    let cx = MarkdownContext {
        root: "../../",
        lang: "zh",
        page_exists: &|p| p.starts_with("plans/"),
    };
    let out = render(text, &cx);
    if out.sanitized {
        let lower = out.html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "a script survived sanitizing");
        assert!(!has_script_url(&out.html), "a script URL survived sanitizing");
    }
});
