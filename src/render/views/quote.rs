//! The document's own sentence for a goal, quoted with the figures and modal words
//! marked, so a reader sees at once which words the published value rests on.

use serde::Serialize;

use crate::content::{Target, TargetValue};
use crate::lang::Lang;
use crate::render::format::{self, Measure};

/// A run of the quoted sentence; `mark` runs are the figure or the modal word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// The target's `wording`, cut into runs to mark, or `None` when it has none.
pub fn quote(target: &Target) -> Option<Vec<Segment>> {
    let wording = target.source.wording.as_deref()?;
    Some(segments(wording, &needles(target)))
}

/// The words to mark: each figure as digits (`2600`, and `1.3` for 1.3万亿) and each
/// modal word (力争).
fn needles(target: &Target) -> Vec<String> {
    let m = Measure::of(target);
    let mut out = Vec::new();
    let values = std::iter::once(&target.value).chain(target.also.as_ref());
    for v in values {
        let mut figures = v.figures();
        if let TargetValue::IncreaseBy(b) | TargetValue::AverageGrowth(b) = v {
            figures.push(b.value);
        }
        for f in figures {
            out.push(format::plain(f, 4));
            let zh = format::quantity(f, m, Lang::Zh);
            let digits: String = zh
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            out.push(digits);
        }
        out.extend(v.qualifier().map(|q| q.zh().to_string()));
        if let TargetValue::Tiers { stretch, .. } = v {
            out.extend(stretch.qualifier.map(|q| q.zh().to_string()));
        }
    }
    out.retain(|n| !n.is_empty());
    // Longest first, so 2600 is marked whole rather than as 260.
    out.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    out.dedup();
    out
}

/// Cuts `text` into runs, marking each occurrence of a needle; a figure is marked only
/// where it stands as a whole number, not inside a longer one.
fn segments(text: &str, needles: &[String]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let mut prev: Option<char> = None;
    'outer: while let Some(c) = rest.chars().next() {
        for n in needles {
            if let Some(after) = rest.strip_prefix(n.as_str()) {
                let numeric = n.starts_with(|c: char| c.is_ascii_digit());
                let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
                if numeric && (is_digit(prev) || is_digit(after.chars().next())) {
                    continue;
                }
                if !plain.is_empty() {
                    out.push(Segment {
                        text: std::mem::take(&mut plain),
                        mark: false,
                    });
                }
                out.push(Segment {
                    text: n.clone(),
                    mark: true,
                });
                prev = n.chars().last();
                rest = after;
                continue 'outer;
            }
        }
        plain.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    if !plain.is_empty() {
        out.push(Segment {
            text: plain,
            mark: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, needles: &[&str]) -> Vec<String> {
        let needles: Vec<String> = needles.iter().map(|s| s.to_string()).collect();
        segments(text, &needles)
            .into_iter()
            .filter(|s| s.mark)
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn marks_whole_figures_and_modal_words() {
        assert_eq!(
            marked("到2023年，力争营业收入达到2600亿元。", &["2600", "力争"]),
            ["力争", "2600"]
        );
        // 260 inside 2600 is not the figure.
        assert!(marked("达到2600亿元", &["260"]).is_empty());
        assert_eq!(marked("<b>5</b>家", &["5"]), ["5"]);
    }

    #[test]
    fn keeps_every_character() {
        let text = "确保突破1000亿元、力争1200亿元";
        let needles: Vec<String> = ["1000", "1200", "确保", "力争"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let joined: String = segments(text, &needles)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(joined, text);
    }
}
