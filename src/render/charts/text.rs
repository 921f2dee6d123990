//! Text in a chart: wrapped onto lines instead of cut, and placed only where it
//! overlaps nothing already placed.
//!
//! Written here rather than taken from a crate: the line breaker has to measure text
//! exactly as the label areas are sized ([`text_width`], display columns), and has to
//! stay linear on hostile input (a name of 40,000 zero-width characters); a general
//! Unicode line breaker measures nothing and would still need this loop around it.

use std::ops::Range;

use crate::render::encode::{columns, columns_width, text_width};

/// The common CJK ideographs: most characters of a Chinese label, and none of them
/// punctuation, so the tests below answer them without a table.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether a line may not start with `c` (closing punctuation, in both scripts).
fn no_start(c: char) -> bool {
    !is_ideograph(c)
        && matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '）'
                | '》'
                | '」'
                | '』'
                | '】'
                | '”'
                | '’'
                | '%'
                | '％'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
        )
}

/// Whether a line may not end with `c` (opening punctuation).
fn no_end(c: char) -> bool {
    !is_ideograph(c)
        && matches!(
            c,
            '（' | '《' | '「' | '『' | '【' | '“' | '‘' | '(' | '[' | '{'
        )
}

/// Breaks `text` into lines no wider than `max` pixels at `px`. Chinese may break
/// between any two characters except before closing or after opening punctuation;
/// other scripts break at spaces, and a word wider than a line is broken where it must.
/// Nothing is dropped: the lines together hold every character of `text`.
pub fn wrap(text: &str, px: f64, max: f64) -> Vec<&str> {
    let mut lines = Vec::new();
    breaks(text, px, max, &mut lines);
    slices(text, &lines)
}

/// Lines as even as [`wrap`] makes them without adding a line: a label of two lines
/// breaks near its middle instead of leaving the last character of 比重 alone on the
/// second. It tries the width the lines would have if they were exactly even, then
/// wider ones up to `max`, and keeps the first that holds as many lines with every
/// break one a line may take (no word or number is cut that `max` kept whole).
/// Chinese, which may break between any two characters, nearly always takes the
/// first; halving the width five times instead was a twentieth of a chart's time.
/// The tries find where lines would break, as byte ranges into a reused buffer, and the
/// lines kept are slices of `text`: copying every try's lines was a tenth of the
/// wrapping's time.
pub fn wrap_balanced(text: &str, px: f64, max: f64) -> Vec<&str> {
    let mut lines = Vec::new();
    breaks(text, px, max, &mut lines);
    let n = lines.len();
    if n < 2 {
        return slices(text, &lines);
    }
    let even = text_width(text, px) / n as f64;
    let mut tried = Vec::with_capacity(n + 1);
    for step in 0..8 {
        let width = even + (max - even) * f64::from(step) / 8.0 + columns_width(1, px);
        tried.clear();
        let forced = breaks(text, px, width.min(max), &mut tried);
        if !forced && tried.len() <= n {
            return slices(text, &tried);
        }
    }
    slices(text, &lines)
}

/// The lines of `text` at `ranges`.
fn slices<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
    ranges.iter().map(|r| &text[r.clone()]).collect()
}

/// Puts [`wrap`]'s lines into `lines`, as byte ranges of `text`, and tells whether a
/// line had to be cut where no break is allowed (a word wider than the line).
fn breaks(text: &str, px: f64, max: f64, lines: &mut Vec<Range<usize>>) -> bool {
    // Every character takes no more display columns than it has UTF-8 bytes (a wide
    // character is 3 or 4 bytes and 2 columns), nor more than 2, so text whose bytes,
    // or twice its characters, fit on a line fits without being measured; most labels
    // do, and Chinese ones by the second count. Wrapping was a seventh of a chart's
    // instructions before this and the whole-column limit below (callgrind).
    // Other text that fits is not measured here: the loop below makes one line of it,
    // except of text starting with a space, whose leading spaces the loop drops and a
    // whole line keeps. (Measuring every text first was a pass more over every title,
    // source and note.)
    if columns_width(text.len(), px) <= max
        || columns_width(2 * text.chars().count(), px) <= max
        || (text.starts_with(' ') && text_width(text, px) <= max)
    {
        lines.push(0..text.trim_end().len());
        return false;
    }
    let max_cols = max_columns(px, max);
    let mut forced = false;
    // The line is `text[start..i]`, kept as offsets so no character is copied.
    // Each character costs a width lookup and an addition; where a line may break is
    // asked only when one overflows, looking back along that line (so each character
    // is looked back at no more than once). Asking it of every character, with the
    // glued words found beforehand, was a tenth of a chart's instructions (callgrind).
    let first = lines.len();
    let mut start = 0;
    let mut cols = 0;
    // Whether the line holds anything but white space (so a break has something to keep).
    let mut ink = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Most characters are printable ASCII, or an ideograph, on a line that has
        // ink and room for them: they only add their columns. (A space is dropped
        // only at the start of a line, which a line with ink is past.)
        if ink {
            let lead = bytes[i];
            if (0x20..0x7F).contains(&lead) && cols < max_cols {
                let n = ascii_run(bytes, i, max_cols - cols);
                (cols, i) = (cols + n, i + n);
                continue;
            }
            if is_ideograph_at(bytes, i) && cols + 2 <= max_cols {
                (cols, i) = (cols + 2, i + 3);
                continue;
            }
        }
        let g = glyph(text, i);
        if ink && cols + g.cols > max_cols {
            match last_break(text, start, i) {
                Some(at) => {
                    let piece = text[start..at].trim_end();
                    if !piece.is_empty() {
                        lines.push(start..start + piece.len());
                    }
                    let rest = &text[at..i];
                    let kept = rest.trim_start_matches(' ');
                    start = at + (rest.len() - kept.len());
                    cols = text[start..i].chars().map(columns).sum();
                    ink = kept.chars().any(|k| !k.is_whitespace());
                }
                None => {
                    lines.push(start..i);
                    (start, cols, ink, forced) = (i, 0, false, true);
                }
            }
        }
        if i == start && g.space {
            start = i + 1;
        } else {
            cols += g.cols;
            ink = ink || !g.white;
        }
        i += g.len;
    }
    if ink || lines.len() == first {
        lines.push(start..start + text[start..].trim_end().len());
    }
    forced
}

/// How many bytes from `i` on are printable ASCII (space to tilde), up to `room`: a
/// column each. Eight bytes are tested at once while all eight are (the two tests of
/// "Bit Twiddling Hacks", exact for the word as a whole): English sources and notes
/// are long runs of them, and testing a byte at a time was most of the breaker's
/// time (perf).
fn ascii_run(bytes: &[u8], i: usize, room: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let mut n = 0;
    while n + 8 <= room {
        let Some(chunk) = bytes.get(i + n..i + n + 8) else {
            break;
        };
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Some byte below 0x20; some byte above 0x7E (DEL and all non-ASCII).
        let below = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let above = (x.wrapping_add(ONES) | x) & HIGH;
        if below | above != 0 {
            break;
        }
        n += 8;
    }
    while n < room && bytes.get(i + n).is_some_and(|b| (0x20..0x7F).contains(b)) {
        n += 1;
    }
    n
}

/// One character of a label, as the line breaker needs it.
struct Glyph {
    /// Its UTF-8 bytes.
    len: usize,
    /// Its display columns ([`columns`]).
    cols: usize,
    /// Whether it is a plain space (dropped at the start of a line).
    space: bool,
    /// Whether it is white space of any kind (a line of it has nothing to keep).
    white: bool,
}

/// The character at byte `i` of `text`, a character boundary. ASCII and the common
/// CJK ideographs, nearly every character of a label, are read from their bytes
/// without decoding: decoding each character was most of the breaker's time, and the
/// breaker a sixth of a chart's (perf).
fn glyph(text: &str, i: usize) -> Glyph {
    let bytes = text.as_bytes();
    let lead = bytes[i];
    if lead < 0x80 {
        return Glyph {
            len: 1,
            cols: columns(char::from(lead)),
            space: lead == b' ',
            white: char::from(lead).is_whitespace(),
        };
    }
    if is_ideograph_at(bytes, i) {
        return Glyph {
            len: 3,
            cols: 2,
            space: false,
            white: false,
        };
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    Glyph {
        len: c.len_utf8(),
        cols: columns(c),
        space: false,
        white: c.is_whitespace(),
    }
}

/// Whether the character at byte `i` (a character boundary) is one of the common CJK
/// ideographs, U+4E00..=U+9FFF: in UTF-8 a lead byte E5 to E9, or E4 followed by B8
/// or more.
fn is_ideograph_at(bytes: &[u8], i: usize) -> bool {
    let lead = bytes[i];
    (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && bytes.get(i + 1) >= Some(&0xB8))
}

/// The last place in `text[start..=end]` (byte offsets) where a line may break: after
/// `start`, between two characters a line may part ([`may_break_between`]) and not
/// inside a glued word ([`glued_at`]).
fn last_break(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut after = text[end..].chars().next()?;
    for (j, before) in text[..end].char_indices().rev() {
        let at = j + before.len_utf8();
        if at <= start {
            return None;
        }
        if may_break_between(before, after) && !glued_at(text, at) {
            return Some(at);
        }
        after = before;
    }
    None
}

/// Words a chart's Chinese never splits across lines: units and the label before
/// them ("亿 / 元" or "单 / 位" read as two words).
const GLUED: &[&str] = &[
    "单位",
    "条款",
    "亿元",
    "万元",
    "万亿元",
    "万元/亩",
    "平方米",
    "万平方米",
    "百分点",
    "个百分点",
    "实际值",
];

/// Whether a line may not break at byte `at` of `text`: inside a [`GLUED`] word, or
/// between a figure and the counting word or unit after it ("2026年", "30家").
/// Asked only where a line overflows, so it looks at the few characters around `at`.
fn glued_at(text: &str, at: usize) -> bool {
    let Some(next) = text[at..].chars().next() else {
        return false;
    };
    let before = &text[..at];
    if is_ideograph(next) && before.ends_with(|p: char| p.is_ascii_digit() || p == '%') {
        return true;
    }
    // A glued word starting up to three characters before `at` and running past it.
    before.char_indices().rev().take(3).any(|(k, _)| {
        GLUED
            .iter()
            .any(|w| k + w.len() > at && text[k..].starts_with(w))
    })
}

/// The most display columns a line of `max` pixels holds at `px`: the same answer
/// as comparing [`columns_width`] with `max`, counted once instead of per character.
fn max_columns(px: f64, max: f64) -> usize {
    let mut n = (max / columns_width(1, px)).max(0.0) as usize;
    while columns_width(n + 1, px) <= max {
        n += 1;
    }
    while n > 0 && columns_width(n, px) > max {
        n -= 1;
    }
    n
}

/// Whether a line may break between `prev` and `c`: after a space, or beside a wide
/// (CJK) character, but never before closing or after opening punctuation.
fn may_break_between(prev: char, c: char) -> bool {
    (prev == ' ' || columns(prev) == 2 || columns(c) == 2) && !no_start(c) && !no_end(prev)
}

/// A label's box in pixels: left, top, right, bottom.
pub type Rect = (i32, i32, i32, i32);

/// The box `text` takes at `px`, anchored at `at` by the horizontal share `hx`
/// (0 left, 0.5 centre, 1 right) and the vertical share `vy` (0 top, 1 bottom).
pub fn text_box(text: &str, px: f64, at: (i32, i32), hx: f64, vy: f64) -> Rect {
    let w = text_width(text, px).ceil() as i32;
    // The height browsers give a line: Chinese fonts' ascent and descent.
    let h = (px * 1.45).ceil() as i32;
    let left = at.0 - (f64::from(w) * hx) as i32;
    let top = at.1 - (f64::from(h) * vy) as i32;
    (left, top, left + w, top + h)
}

/// The boxes of everything placed so far; a new label goes in only where it overlaps
/// none of them (the data table beside the chart always has every figure).
#[derive(Default)]
pub struct Placed(Vec<Rect>);

impl Placed {
    /// Reserves `rect` for a mark (a column, a line's point) that labels must avoid.
    pub fn reserve(&mut self, rect: Rect) {
        self.0.push(rect);
    }

    /// Places `rect` if it overlaps nothing placed and lies within `bounds`.
    pub fn try_place(&mut self, rect: Rect, bounds: Rect) -> bool {
        let inside =
            rect.0 >= bounds.0 && rect.1 >= bounds.1 && rect.2 <= bounds.2 && rect.3 <= bounds.3;
        if !inside || self.0.iter().any(|r| overlaps(*r, rect)) {
            return false;
        }
        self.0.push(rect);
        true
    }
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_a_figure_with_its_word_stay_on_one_line() {
        for (text, width) in [
            ("目标：突破1000亿元；单位：亿元", 9.0 * 14.0 * 1.12),
            ("全市规模以上工业增加值（2026年）", 10.0 * 14.0 * 1.12),
            ("亩均税收达到30万元/亩", 8.0 * 14.0 * 1.12),
        ] {
            let lines = wrap(text, 14.0, width);
            assert_eq!(lines.concat(), text, "nothing lost");
            for pair in lines.windows(2) {
                let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
                for word in GLUED.iter().chain(&["2026年"]) {
                    let joined = format!("{}{}", pair[0], pair[1]);
                    let at = pair[0].len();
                    assert!(
                        !joined
                            .match_indices(word)
                            .any(|(i, w)| i < at && at < i + w.len()),
                        "{word} split in {lines:?} ({end:?}/{start:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation_with_its_word() {
        let lines = wrap(
            "赣江新区“1+2+3+X”产业高质量跨越式发展行动计划，力争突破",
            14.0,
            120.0,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(
            lines.concat(),
            "赣江新区“1+2+3+X”产业高质量跨越式发展行动计划，力争突破"
        );
        for l in &lines {
            assert!(text_width(l, 14.0) <= 120.0, "{l} is too wide");
            assert!(!l.starts_with('，'), "{lines:?}");
        }
    }

    #[test]
    fn english_wraps_at_spaces_and_breaks_only_a_word_too_long_for_a_line() {
        let lines = wrap("Operating revenue of the electronics cluster", 14.0, 150.0);
        assert_eq!(
            lines,
            ["Operating revenue", "of the electronics", "cluster"]
        );
        let long = wrap("Supercalifragilisticexpialidocious", 14.0, 80.0);
        assert_eq!(long.concat(), "Supercalifragilisticexpialidocious");
        assert!(long.len() > 1);
        assert_eq!(wrap("", 14.0, 80.0), [""]);
    }

    #[test]
    fn the_column_limit_agrees_with_measuring_each_line() {
        for px in [12.0, 13.0, 14.0, 17.0] {
            for max in [0.0, 1.0, 50.0, 100.0, 335.9, 336.0, 616.0] {
                let n = max_columns(px, max);
                assert!(n == 0 || columns_width(n, px) <= max, "{px} {max}");
                assert!(columns_width(n + 1, px) > max, "{px} {max}");
            }
        }
        // Text whose bytes would not fit is still measured: Chinese of 3 bytes a
        // character fits where its byte count says it would not.
        assert_eq!(wrap("有色金属产业集群", 14.0, 130.0), ["有色金属产业集群"]);
    }

    #[test]
    fn chinese_that_fits_is_one_line_as_written() {
        // 26 and 24 bytes would not fit in 150 px at 14 px; 18 and 16 columns do.
        assert_eq!(
            wrap("  有色金属产业集群", 14.0, 150.0),
            ["  有色金属产业集群"]
        );
        assert_eq!(
            wrap("有色金属产业集群  ", 14.0, 150.0),
            ["有色金属产业集群"]
        );
        assert_eq!(wrap("有色金属产业集群", 14.0, 100.0).len(), 2);
    }

    #[test]
    fn balanced_lines_leave_no_character_alone_and_cut_no_word() {
        // 15 characters in a line of 14: plain wrapping leaves 重 alone.
        let text = "制造业增加值占地区生产总值比重";
        let width = 14.0 * 2.0 * 14.0 * 0.56;
        assert_eq!(wrap(text, 14.0, width).last().copied(), Some("重"));
        let even = wrap_balanced(text, 14.0, width);
        assert_eq!(even.len(), 2);
        assert_eq!(even.concat(), text);
        assert!(even.iter().all(|l| l.chars().count() >= 7), "{even:?}");
        // English keeps its words whole however it is balanced.
        let en = wrap_balanced("Share of manufacturing value added in GDP", 14.0, 300.0);
        assert!(en.len() > 1);
        for line in &en {
            for word in line.split(' ') {
                assert!(
                    "Share of manufacturing value added in GDP"
                        .split(' ')
                        .any(|w| w == word),
                    "{en:?}"
                );
            }
        }
        assert_eq!(wrap_balanced("短", 14.0, 300.0), ["短"]);
    }

    #[test]
    fn a_line_of_wide_spaces_wraps_in_one_pass() {
        let text = format!("{}产业", "\u{3000}".repeat(40_000));
        let lines = wrap(&text, 14.0, 50.0);
        let counts: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert_eq!(counts, [40_001, 1], "the spaces stay with the first word");
    }

    #[test]
    fn a_long_name_of_invisible_characters_wraps_in_one_pass() {
        let text = format!("{}产业集群产业集群", "\u{200b}".repeat(40_000));
        let lines = wrap(&text, 14.0, 50.0);
        assert_eq!(lines.concat().chars().count(), 40_008);
    }

    proptest::proptest! {
        #[test]
        fn glyphs_read_from_bytes_agree_with_decoded_characters(text in "(?s).*") {
            for (i, c) in text.char_indices() {
                let g = glyph(&text, i);
                proptest::prop_assert_eq!(
                    (g.len, g.cols, g.space, g.white),
                    (c.len_utf8(), columns(c), c == ' ', c.is_whitespace()),
                    "{:?} at {}", c, i
                );
            }
        }

        #[test]
        fn ascii_runs_counted_eight_at_a_time_agree_with_a_byte_at_a_time(
            // Mostly printable, so that runs of eight and more are common, and the
            // bytes at the edges of the range.
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    12 => 0x20u8..0x7F,
                    1 => proptest::sample::select(vec![0x1Fu8, 0x7F, 0x80, 0xFF, 0]),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..64,
            ),
            start in 0usize..64,
            room in 0usize..80,
        ) {
            let start = start.min(bytes.len());
            let one_by_one = bytes[start..]
                .iter()
                .take(room)
                .take_while(|b| (0x20..0x7F).contains(*b))
                .count();
            proptest::prop_assert_eq!(ascii_run(&bytes, start, room), one_by_one);
        }
    }

    #[test]
    fn a_label_is_placed_only_where_it_overlaps_nothing() {
        let mut placed = Placed::default();
        let bounds = (0, 0, 500, 500);
        assert!(placed.try_place((10, 10, 50, 30), bounds));
        assert!(
            !placed.try_place((40, 20, 80, 40), bounds),
            "overlaps the first"
        );
        assert!(
            placed.try_place((50, 10, 90, 30), bounds),
            "touching is not overlapping"
        );
        assert!(
            !placed.try_place((480, 10, 520, 30), bounds),
            "outside the drawing"
        );
    }
}
