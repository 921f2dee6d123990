//! Encodings every output format shares: HTML/SVG escaping, CSV, base64 `data:`
//! addresses and the text width that layout estimates. A leaf: it depends on nothing
//! else in the crate, so charts, pages, data files and the preview server can all use it.
//!
//! The encoders themselves are well-kept crates (`pulldown-cmark-escape`, `csv`,
//! `base64`); this module only fixes the choices the site depends on: which
//! characters are escaped, the CSV dialect and its formula guard.

use std::borrow::Cow;

use base64::Engine as _;
use unicode_width::UnicodeWidthChar;

/// Display columns of `c`: two for wide (CJK) characters, none for zero-width ones.
#[inline]
pub fn columns(c: char) -> usize {
    // Printable ASCII and the common CJK ideographs are most of every label; answered
    // without the width tables, text measuring takes a third less time in charts.
    match u32::from(c) {
        0x20..=0x7E => 1,
        0x4E00..=0x9FFF => 2,
        _ => c.width().unwrap_or(0),
    }
}

/// Width in pixels of `columns` display columns at `px`.
pub fn columns_width(columns: usize, px: f64) -> f64 {
    columns as f64 * px * 0.56
}

/// Width of `text` in pixels at `px`: wide (CJK) characters count double.
pub fn text_width(text: &str, px: f64) -> f64 {
    columns_width(text.chars().map(columns).sum(), px)
}

/// RFC 4180 CSV with a byte-order mark, which spreadsheet programs need to read
/// UTF-8 Chinese correctly.
pub fn to_csv(head: &[String], rows: &[Vec<String>]) -> String {
    // The mark goes first into the writer's own bytes: the text is then the CSV as
    // the writer leaves it, not a copy of it.
    let mut writer = csv_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        write_row(&mut writer, row);
    }
    csv_text(writer)
}

/// What every CSV file starts with, so spreadsheets read the Chinese as UTF-8.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// Starts a CSV file: a byte-order mark, so spreadsheets read the Chinese as UTF-8.
pub fn csv_start(out: &mut String) {
    out.push_str(BYTE_ORDER_MARK);
}

/// Appends one CSV row (RFC 4180, CRLF line ends).
pub fn csv_line(out: &mut String, row: &[String]) {
    let mut writer = csv_writer(Vec::new());
    write_row(&mut writer, row);
    out.push_str(&csv_text(writer));
}

/// The dialect of every CSV file: quotes only where RFC 4180 needs them (a
/// separator, a quote or a line break), CRLF line ends, rows of any length.
fn csv_writer(mut into: Vec<u8>) -> csv::Writer<Vec<u8>> {
    into.reserve(512);
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        // The writer's own buffer is zeroed when it is made, 8 KB by default: for
        // CSV written into memory a row or a chart's table at a time that zeroing
        // was most of the cost (callgrind). It flushes into the Vec when full.
        .buffer_capacity(512)
        .from_writer(into)
}

fn write_row(writer: &mut csv::Writer<Vec<u8>>, row: &[String]) {
    writer
        .write_record(row.iter().map(|c| guard_formula(c)))
        .expect("writing CSV into memory cannot fail");
}

fn csv_text(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer
        .into_inner()
        .expect("writing CSV into memory cannot fail");
    // The cells are text and the writer adds only ASCII around them.
    String::from_utf8(bytes).expect("CSV of text cells is text")
}

/// A cell as written: a leading = + - @ would run as a formula in spreadsheets, so
/// such a cell starts with `'`, which makes it text (a negative number stays a number).
/// A leading tab or carriage return is guarded too: spreadsheets skip it and read
/// the formula behind it (OWASP's CSV injection advice).
fn guard_formula(c: &str) -> Cow<'_, [u8]> {
    let formula = c.starts_with(['=', '+', '@', '\t', '\r'])
        || (c.starts_with('-') && c.parse::<f64>().is_err());
    if formula {
        Cow::Owned([b"'", c.as_bytes()].concat())
    } else {
        Cow::Borrowed(c.as_bytes())
    }
}

/// `text` as a base64 `data:` address of `media_type`.
pub fn base64_url(media_type: &str, text: &str) -> String {
    let mut out = String::with_capacity(media_type.len() + 13 + text.len().div_ceil(3) * 4);
    out.push_str("data:");
    out.push_str(media_type);
    out.push_str(";base64,");
    base64::engine::general_purpose::STANDARD.encode_string(text, &mut out);
    out
}

/// Escapes text for SVG and HTML element content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for SVG and HTML content and attributes: `<`, `>`,
/// `&`, `"` and `'` become entities.
pub fn escape_into(out: &mut String, text: &str) {
    pulldown_cmark_escape::escape_html(out, text).expect("a String takes every write");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_measured_twice_as_wide_as_latin() {
        assert_eq!(text_width("电子", 10.0), text_width("abcd", 10.0));
        assert!(text_width("有色金属产业集群", 13.0) > text_width("Nonferrous", 13.0));
        assert_eq!(text_width("a\u{200b}b", 10.0), text_width("ab", 10.0));
    }

    #[test]
    fn base64_urls_follow_rfc_4648() {
        // The RFC's test vectors, and a Chinese character (3 bytes, 4 characters).
        for (text, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("年", "5bm0"),
        ] {
            assert_eq!(
                base64_url("text/csv", text),
                format!("data:text/csv;base64,{encoded}")
            );
        }
    }

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        let csv = to_csv(
            &["a".into(), "b".into()],
            &[
                vec!["x, y".into(), "=1+1".into()],
                vec!["\"q\"".into(), "-5".into()],
                vec!["-x".into(), "line\nbreak".into()],
            ],
        );
        assert_eq!(
            csv,
            "\u{feff}a,b\r\n\"x, y\",'=1+1\r\n\"\"\"q\"\"\",-5\r\n'-x,\"line\nbreak\"\r\n"
        );
    }

    #[test]
    fn a_leading_tab_or_carriage_return_is_guarded_too() {
        // Spreadsheets skip a leading tab or carriage return before reading a
        // formula, so "\t=cmd()" runs as one unless guarded.
        let csv = to_csv(
            &["a".into(), "b".into()],
            &[vec!["\t=HYPERLINK(\"x\")".into(), "\r+1".into()]],
        );
        assert_eq!(
            csv,
            "\u{feff}a,b\r\n\"'\t=HYPERLINK(\"\"x\"\")\",\"'\r+1\"\r\n"
        );
    }

    #[test]
    fn csv_lines_append_rows_of_any_length() {
        let mut out = String::new();
        csv_start(&mut out);
        csv_line(&mut out, &["id".into(), "名称".into(), "note".into()]);
        csv_line(&mut out, &["1".into(), "@x".into()]);
        assert_eq!(out, "\u{feff}id,名称,note\r\n1,'@x\r\n");
    }

    #[test]
    fn markup_characters_are_escaped_for_content_and_attributes() {
        assert_eq!(
            escape("a<b> & \"c\" 'd' 电子"),
            "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; 电子"
        );
        let mut out = String::from("x=");
        escape_into(&mut out, "<");
        assert_eq!(out, "x=&lt;");
    }
}
