//! The text of a web page: what a reader sees, a block (paragraph, heading, list item,
//! table cell) to a line; scripts, styles and comments left out.
//!
//! html5ever's tokenizer reads the page (entities, any case, unclosed tags, as a
//! browser would); the page is not built into a tree, which a long page would make
//! slow for nothing: only the order of text and block boundaries matters here.

use std::cell::RefCell;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Elements whose content no reader sees.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template"];

#[derive(Default)]
struct State {
    out: String,
    /// How many hidden elements the tokenizer is inside.
    hidden: usize,
}

impl State {
    /// Ends the line, unless it is empty: blocks inside blocks make one break.
    fn line_break(&mut self) {
        let kept = self.out.trim_end_matches(' ').len();
        self.out.truncate(kept);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
}

struct Text(RefCell<State>);

impl TokenSink for Text {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let hidden = HIDDEN.contains(&name) && !tag.self_closing;
                match tag.kind {
                    TagKind::StartTag if hidden => {
                        state.hidden += 1;
                        // What follows is raw text up to the end tag, as a browser reads it.
                        return match name {
                            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                            "style" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
                            _ => TokenSinkResult::Continue,
                        };
                    }
                    TagKind::EndTag if hidden => state.hidden = state.hidden.saturating_sub(1),
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    state.line_break();
                }
            }
            Token::CharacterTokens(text) if state.hidden == 0 => {
                // Line breaks in the page's source are not line breaks on screen.
                // Line breaks in the page's source are not line breaks on screen, and
                // a run of white space shows as one space.
                for c in text.chars() {
                    if c.is_whitespace() {
                        if !state.out.ends_with([' ', '\n']) && !state.out.is_empty() {
                            state.out.push(' ');
                        }
                    } else {
                        state.out.push(c);
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The text of the page `html`, a block to a line.
pub(super) fn text(html: &str) -> String {
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let tokenizer = Tokenizer::new(
        Text(RefCell::new(State::default())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let state = tokenizer.sink.0.take();
    super::tidy(&state.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_hidden_text_is_left_out() {
        let page = "<!DOCTYPE html><html><head><title>示范市行动方案（2024—2026年）</title>\
            <style>p{color:red}</style><script>if (a<b) { x = '<p>营业收入100亿元</p>' }</script></head>\
            <body><div class=nav>首页 &gt; 政务公开</div><!-- 注释 200亿元 -->\
            <p>到2026年，营业收入突破\n   300亿元，<b>新增</b>企业20家&nbsp;以上。</p>\
            <table><tr><td>新能源</td><td>800</td></tr></table></body></html>";
        let text = text(page);
        assert_eq!(
            text,
            "示范市行动方案（2024—2026年）\n首页 > 政务公开\n到2026年，营业收入突破 300亿元，新增企业20家 以上。\n新能源\n800\n"
        );
    }
}
