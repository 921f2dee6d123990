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

/// A piece of English text: plain, or a clause number written the Chinese way
/// (四(七)), with its English form (IV.7).
enum Piece<'a> {
    Plain(&'a str),
    Clause { zh: &'a str, en: String },
}

/// Whether `c` may be part of a clause number: Chinese numerals, digits, brackets
/// and the dots between items.
fn in_clause(c: char) -> bool {
    // A match, not a search of a string of them: this is asked of every character
    // of English commentary.
    c.is_ascii_digit()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '零'
                | '〇'
                | '('
                | ')'
                | '（'
                | '）'
                | '.'
                | '．'
        )
}

/// `text` cut into plain pieces and clause numbers. A clause number is a run of
/// [`in_clause`] characters with a Chinese numeral that reads as an outline number,
/// and either has brackets (四(七), 三（一）2) or follows the word "clause": a bare
/// 十四五 is a plan period, not a clause.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain = 0;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !in_clause(c) || c.is_ascii_digit() || c == '.' || c == ')' || c == '）' {
            i += c.len_utf8();
            continue;
        }
        let end = text[i..]
            .char_indices()
            .find(|(_, c)| !in_clause(*c))
            .map_or(text.len(), |(k, _)| i + k);
        let mut token = &text[i..end];
        // A dot, or a closing bracket without its opening one, after the number
        // belongs to the sentence.
        // The brackets are counted once, not again for each character dropped: a
        // number followed by thousands of brackets stays linear.
        let opens = token.matches(['(', '（']).count();
        let mut closes = token.matches([')', '）']).count();
        while let Some(last) = token.chars().next_back() {
            let closing = matches!(last, ')' | '）');
            if !(matches!(last, '.' | '．') || (closing && closes > opens)) {
                break;
            }
            token = &token[..token.len() - last.len_utf8()];
            closes -= usize::from(closing);
        }
        let bracketed = token.contains(['(', '（']);
        let english = (bracketed || after_clause_word(&text[..i]))
            .then(|| crate::render::format::outline::clause_in_english(token))
            .flatten();
        match english {
            Some(en) if !token.is_empty() => {
                if plain < i {
                    out.push(Piece::Plain(&text[plain..i]));
                }
                out.push(Piece::Clause { zh: token, en });
                i += token.len();
                plain = i;
            }
            _ => i = end.max(i + c.len_utf8()),
        }
    }
    if plain < text.len() {
        out.push(Piece::Plain(&text[plain..]));
    }
    out
}

/// Whether `before` ends with the word "clause", in any case. Only its last bytes are
/// compared: lowering the whole text before every Chinese numeral made long Chinese
/// paragraphs (一 is a common character) quadratic.
fn after_clause_word(before: &str) -> bool {
    let b = before.trim_end().as_bytes();
    b.len() >= 6 && b[b.len() - 6..].eq_ignore_ascii_case(b"clause")
}

/// `text` as events, each run of Chinese inside a `<span lang="zh-Hans">`, and each
/// clause number in English with the original beside (IV.7 (四(七))). Text without
/// Chinese comes back as it was.
pub fn mark(text: CowStr<'_>) -> Vec<Event<'_>> {
    if !text.chars().any(is_chinese) {
        return vec![Event::Text(text)];
    }
    match text {
        // Text of the source is marked in slices of it: no run is copied.
        CowStr::Borrowed(source) => mark_with(source, CowStr::Borrowed),
        other => mark_with(&other, |run| CowStr::from(run.to_string())),
    }
}

/// [`mark`] of `text`, each piece of which becomes an event's text through `piece`.
fn mark_with<'a, 't>(text: &'t str, piece: impl Fn(&'t str) -> CowStr<'a>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let chinese_run = |run: &'t str, out: &mut Vec<Event<'a>>| {
        out.extend([
            Event::Html(CowStr::Borrowed(OPEN)),
            Event::Text(piece(run)),
            Event::Html(CowStr::Borrowed(CLOSE)),
        ]);
    };
    for p in pieces(text) {
        match p {
            Piece::Clause { zh, en } => {
                out.push(Event::Text(CowStr::from(format!("{en} ("))));
                chinese_run(zh, &mut out);
                out.push(Event::Text(CowStr::Borrowed(")")));
            }
            Piece::Plain(plain) => {
                for (run, chinese) in runs(plain) {
                    if chinese {
                        chinese_run(run, &mut out);
                    } else {
                        out.push(Event::Text(piece(run)));
                    }
                }
            }
        }
    }
    out
}

/// HTML text (already escaped) with each run of Chinese inside a
/// `<span lang="zh-Hans">`, and clause numbers as [`mark`] writes them: for strings
/// an English page shows (a citation, a note).
pub fn mark_html(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 32);
    for piece in pieces(escaped) {
        match piece {
            Piece::Clause { zh, en } => out.extend([&en, " (", OPEN, zh, CLOSE, ")"]),
            Piece::Plain(plain) => {
                for (run, chinese) in runs(plain) {
                    if chinese {
                        out.extend([OPEN, run, CLOSE]);
                    } else {
                        out.push_str(run);
                    }
                }
            }
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
    fn long_runs_of_numerals_and_brackets_are_marked_whole() {
        // Hostile commentary: thousands of numerals, and a clause number followed by
        // thousands of brackets, each read once.
        let numerals = "一a".repeat(20_000);
        assert_eq!(
            mark_html(&numerals),
            "<span lang=\"zh-Hans\">一</span>a".repeat(20_000)
        );
        let brackets = format!("clause 四{}", ")".repeat(20_000));
        assert_eq!(
            mark_html(&brackets),
            format!(
                "clause IV (<span lang=\"zh-Hans\">四</span>){}",
                ")".repeat(20_000)
            )
        );
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
            "clause III.1.2 (<span lang=\"zh-Hans\">三（一）2</span>) &amp; more"
        );
        assert_eq!(
            html("the goal; clause 四(七) gives (see 二(一)). 十四五 stays"),
            "the goal; clause IV.7 (<span lang=\"zh-Hans\">四(七)</span>) gives (see II.1 \
             (<span lang=\"zh-Hans\">二(一)</span>)). <span lang=\"zh-Hans\">十四五</span> stays"
        );
        assert_eq!(
            mark_html("clause 五 of it"),
            "clause V (<span lang=\"zh-Hans\">五</span>) of it"
        );
        assert_eq!(html("plain <b>"), "plain &lt;b&gt;");
        // The word before a bare number counts in any case; brackets and dots after
        // the number that it does not open stay with the sentence.
        assert_eq!(
            mark_html("CLAUSE 五 of it"),
            "CLAUSE V (<span lang=\"zh-Hans\">五</span>) of it"
        );
        assert_eq!(
            html("(clause 三（一）).. and 二(一))))"),
            "(clause III.1 (<span lang=\"zh-Hans\">三（一）</span>)).. and II.1 \
             (<span lang=\"zh-Hans\">二(一)</span>))))"
        );
    }
}
