//! Chinese words in English commentary (力争, 以上, a clause number), marked as
//! Chinese: `<span lang="zh-Hans">`, so screen readers switch voice, browsers pick a
//! Chinese font, and an English page holds no Chinese outside elements that say so.

use pulldown_cmark::{CowStr, Event};

/// Whether `c` is written only in Chinese text: Han characters, CJK punctuation and
/// full-width forms.
fn is_chinese(c: char) -> bool {
    matches!(u32::from(c),
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// `text` cut into runs that are all Chinese or all not, each with which it is.
fn runs(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let chinese = is_chinese(first);
        let end = rest
            .char_indices()
            .find(|(_, c)| is_chinese(*c) != chinese)
            .map_or(rest.len(), |(i, _)| i);
        let (run, after) = rest.split_at(end);
        rest = after;
        Some((run, chinese))
    })
}

/// `text` as events, each run of Chinese inside a `<span lang="zh-Hans">`. Text
/// without Chinese comes back as it was.
pub fn mark(text: CowStr<'_>) -> Vec<Event<'_>> {
    if !text.chars().any(is_chinese) {
        return vec![Event::Text(text)];
    }
    let mut out = Vec::new();
    for (run, chinese) in runs(&text) {
        let run = Event::Text(CowStr::from(run.to_string()));
        if chinese {
            out.extend([
                Event::Html(CowStr::Borrowed(OPEN)),
                run,
                Event::Html(CowStr::Borrowed(CLOSE)),
            ]);
        } else {
            out.push(run);
        }
    }
    out
}

/// HTML text (already escaped) with each run of Chinese inside a
/// `<span lang="zh-Hans">`: for strings an English page shows (a citation, a note).
pub fn mark_html(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 32);
    for (run, chinese) in runs(escaped) {
        if chinese {
            out.extend([OPEN, run, CLOSE]);
        } else {
            out.push_str(run);
        }
    }
    out
}

const OPEN: &str = "<span lang=\"zh-Hans\">";
const CLOSE: &str = "</span>";

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, mark(CowStr::from(text.to_string())).into_iter());
        out
    }

    #[test]
    fn escaped_text_gets_the_same_marks() {
        assert_eq!(
            mark_html("Floor (确保) &amp; 以上"),
            "Floor (<span lang=\"zh-Hans\">确保</span>) &amp; <span lang=\"zh-Hans\">以上</span>"
        );
        assert_eq!(mark_html("none"), "none");
    }

    #[test]
    fn runs_of_chinese_are_marked_and_the_rest_left_alone() {
        assert_eq!(
            html("力争 (strive for) stands before “以上”."),
            "<span lang=\"zh-Hans\">力争</span> (strive for) stands before “<span lang=\"zh-Hans\">以上</span>”."
        );
        assert_eq!(
            html("clause 三（一）2 & more"),
            "clause <span lang=\"zh-Hans\">三（一）</span>2 &amp; more"
        );
        assert_eq!(html("plain <b>"), "plain &lt;b&gt;");
    }
}
