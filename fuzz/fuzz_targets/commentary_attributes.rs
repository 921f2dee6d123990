//! Commentary whose attributes are the fuzzer's: the input becomes a heading's
//! `{…}` block, the attributes of a raw HTML element, and a link's address and
//! title, in each of several shapes. Whatever comes out, no element may carry an event
//! handler, a style, or a script address, and no script, frame or style element may
//! survive, whether or not the input had raw HTML (a heading attribute reached the
//! page once because, with no raw HTML in the file, the sanitizer never ran).
#![no_main]

use std::cell::RefCell;

use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use libfuzzer_sys::fuzz_target;
use plansite::render::markdown::{MarkdownContext, render};

/// Every start tag of the output: its name and attributes.
struct Tags(RefCell<Vec<(String, Vec<(String, String)>)>>);

impl TokenSink for Tags {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && tag.kind == TagKind::StartTag
        {
            let attrs = tag
                .attrs
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            self.0.borrow_mut().push((tag.name.to_string(), attrs));
        }
        TokenSinkResult::Continue
    }
}

fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let tokenizer = Tokenizer::new(Tags(RefCell::new(Vec::new())), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// The address as a browser reads it, lowercased: tabs, newlines and surrounding
/// control characters and spaces dropped.
fn as_read(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ' || c.is_control())
        .to_ascii_lowercase()
}

fn check(source: &str, html: &str) {
    for (name, attrs) in tags(html) {
        assert!(
            !matches!(
                name.as_str(),
                "script" | "iframe" | "frame" | "object" | "embed" | "style" | "base" | "meta"
            ),
            "<{name}> survived: {source:?} -> {html}"
        );
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on") && attr != "style" && attr != "srcdoc",
                "`{attr}` on <{name}> survived: {source:?} -> {html}"
            );
            let read = as_read(&value);
            let url_like = matches!(attr.as_str(), "href" | "src" | "action" | "formaction" | "poster");
            assert!(
                !(url_like
                    && ["javascript:", "vbscript:", "data:"]
                        .iter()
                        .any(|s| read.starts_with(s))),
                "a script address in `{attr}` on <{name}> survived: {source:?} -> {html}"
            );
        }
    }
}

fuzz_target!(|input: &str| {
    let one_line: String = input.chars().filter(|c| *c != '\n').collect();
    let shapes = [
        format!("## Heading {{{one_line}}}\n\nText\n"),
        format!("Text\n\n# {one_line}\n"),
        format!("<p {input}>x</p>\n"),
        format!("Text <a {one_line}>x</a> and <img {one_line}>\n"),
        format!("[x]({one_line})\n\n[y](<{one_line}> \"{one_line}\")\n"),
        format!("![x]({one_line})\n"),
        input.to_string(),
    ];
    let cx = MarkdownContext {
        root: "../../",
        lang: "zh",
        page_exists: &|p| p.starts_with("plans/"),
    };
    for source in &shapes {
        check(source, &render(source, &cx).html);
    }
});
