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

/// `text` as events, each run of Chinese inside a `<span lang="zh-Hans">`. Text
/// without Chinese comes back as it was.
pub fn mark(text: CowStr<'_>) -> Vec<Event<'_>> {
    if !text.chars().any(is_chinese) {
        return vec![Event::Text(text)];
    }
    let mut out = Vec::new();
    let mut run_start = 0;
    let mut in_chinese = false;
    for (i, c) in text.char_indices() {
        if is_chinese(c) != in_chinese {
            push_run(&mut out, &text[run_start..i], in_chinese);
            run_start = i;
            in_chinese = !in_chinese;
        }
    }
    push_run(&mut out, &text[run_start..], in_chinese);
    out
}

/// HTML text (already escaped) with each run of Chinese inside a
/// `<span lang="zh-Hans">`: for strings an English page shows (a citation, a note).
pub fn mark_html(escaped: &str) -> String {
    if !escaped.chars().any(is_chinese) {
        return escaped.to_string();
    }
    let mut out = String::with_capacity(escaped.len() + 32);
    let mut in_chinese = false;
    for c in escaped.chars() {
        if is_chinese(c) != in_chinese {
            out.push_str(if in_chinese {
                "</span>"
            } else {
                "<span lang=\"zh-Hans\">"
            });
            in_chinese = !in_chinese;
        }
        out.push(c);
    }
    if in_chinese {
        out.push_str("</span>");
    }
    out
}

fn push_run(out: &mut Vec<Event<'_>>, run: &str, chinese: bool) {
    if run.is_empty() {
        return;
    }
    let text = Event::Text(CowStr::from(run.to_string()));
    if chinese {
        out.push(Event::Html(CowStr::Borrowed("<span lang=\"zh-Hans\">")));
        out.push(text);
        out.push(Event::Html(CowStr::Borrowed("</span>")));
    } else {
        out.push(text);
    }
}

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
