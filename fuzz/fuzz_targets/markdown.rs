//! Any text as commentary Markdown: rendering never panics and never lets a script
//! through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansite::render::markdown::{MarkdownContext, render};

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
        assert!(!lower.contains("javascript:"), "a script URL survived sanitizing");
    }
});
