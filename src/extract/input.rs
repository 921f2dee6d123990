//! A plan's text from the file it was published as: plain text (UTF-8, UTF-16 with its
//! byte-order mark, or GBK/GB18030 as many government sites still serve), a Word
//! document (.docx), a web page (.html) or a PDF with a text layer.
//!
//! Every container is brought to the same plain text, a paragraph (or a table cell) to
//! a line, so the same words give the same draft whatever they came in. The format is
//! told by the file's first bytes, not its name: a saved web page called `.txt`, or a
//! Word file without its extension, are still read right.

use std::io::Read as _;
use std::path::Path;

mod html;
mod numbering;
mod pdf;
mod word;

/// Why a file's text could not be read.
#[derive(Debug)]
pub struct InputError {
    pub message: String,
    pub hint: &'static str,
}

impl InputError {
    fn new(message: impl Into<String>, hint: &'static str) -> InputError {
        InputError {
            message: message.into(),
            hint,
        }
    }
}

/// The kinds of file a plan is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Text,
    Word,
    Html,
    Pdf,
}

impl Container {
    /// What the file is, from its first bytes (and, for a zip archive that is not a
    /// Word document, the error says so later).
    pub fn sniff(bytes: &[u8]) -> Container {
        if bytes.starts_with(b"%PDF-") {
            return Container::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return Container::Word;
        }
        let head = decode(&bytes[..bytes.len().min(1024)]).unwrap_or_default();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let lower = head
            .chars()
            .take(64)
            .collect::<String>()
            .to_ascii_lowercase();
        if [
            "<!doctype html",
            "<html",
            "<head",
            "<meta",
            "<!--",
            "<body",
            "<div",
            "<p>",
        ]
        .iter()
        .any(|tag| lower.starts_with(tag))
        {
            Container::Html
        } else {
            Container::Text
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Container::Text => "text",
            Container::Word => "Word document",
            Container::Html => "web page",
            Container::Pdf => "PDF",
        }
    }
}

/// The plan's text in `path`, and what kind of file it was.
pub fn read(path: &Path) -> Result<(String, Container), InputError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::new(format!("cannot read the file: {e}"), "check the path"))?;
    let container = Container::sniff(&bytes);
    let text = match container {
        Container::Text => decode(&bytes)?,
        Container::Html => html::text(&decode(&bytes)?),
        Container::Word => word::text(&bytes)?,
        Container::Pdf => pdf::text(&bytes)?,
    };
    if text.trim().is_empty() {
        let hint = match container {
            Container::Pdf => {
                "the PDF has no text layer (a scan): run it through OCR first, or copy its text into a .txt file"
            }
            _ => "the file holds no text",
        };
        return Err(InputError::new(
            format!("no text found in the {}", container.name()),
            hint,
        ));
    }
    Ok((text, container))
}

/// Bytes of plain text as a string: UTF-8 (with or without its byte-order mark),
/// UTF-16 with one, or else GB18030, the superset of GBK and GB2312 that Chinese
/// sites serve when they do not serve UTF-8. Text that is none of these is refused
/// rather than read as garbage.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok(text.into_owned());
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        return Err(InputError::new(
            format!("the text is neither UTF-8 nor GBK (bad byte at offset {valid})"),
            "save the text as UTF-8 and try again",
        ));
    }
    Ok(text.into_owned())
}

/// Joins lines of text: no more than one empty line in a row, none at either end, and
/// no spaces at the ends of lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_and_utf16_are_read_like_utf8() {
        let text = "到2025年，营业收入突破100亿元。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk).unwrap(), text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap(), text);
        let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), text);
        assert_eq!(Container::sniff(&gbk), Container::Text);
    }

    #[test]
    fn bytes_that_are_no_chinese_text_are_refused() {
        let err = decode(&[0x80, 0xFF, 0xFF, 0x30]).unwrap_err();
        assert!(
            err.message.contains("neither UTF-8 nor GBK"),
            "{}",
            err.message
        );
    }

    #[test]
    fn the_container_is_told_by_its_first_bytes() {
        assert_eq!(Container::sniff(b"%PDF-1.7\n"), Container::Pdf);
        assert_eq!(Container::sniff(b"PK\x03\x04rest"), Container::Word);
        assert_eq!(
            Container::sniff(b"\n  <!DOCTYPE HTML><html>"),
            Container::Html
        );
        assert_eq!(Container::sniff("一、目标".as_bytes()), Container::Text);
    }

    /// The same plan as text, GBK text, a Word file, a web page and a PDF gives the
    /// same draft, line numbers aside (a container has no empty lines).
    #[test]
    fn every_container_drafts_what_the_text_does() {
        let plan = include_str!("../../tests/integration/fixtures/qinglan-plan.txt");
        let lines: Vec<&str> = plan.lines().filter(|l| !l.trim().is_empty()).collect();
        let escape = |l: &str| l.replace('&', "&amp;").replace('<', "&lt;");
        let docx = word::tests::docx(
            &lines
                .iter()
                .map(|l| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", escape(l)))
                .collect::<String>(),
        );
        let page = format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>x</title></head><body>{}</body></html>",
            lines
                .iter()
                .map(|l| format!("<p>\n  {}\n</p>", escape(l)))
                .collect::<String>()
        );
        let (gbk, _, _) = encoding_rs::GBK.encode(plan);
        let draft = |text: &str| {
            let yaml = super::super::draft_yaml(&super::super::extract(text), "q", "q");
            let numbers = regex::Regex::new(r"# line \d+,").unwrap();
            numbers.replace_all(&yaml, "# line N,").into_owned()
        };
        let expected = draft(plan);
        assert!(expected.matches("- id: goal-").count() > 10, "{expected}");
        assert_eq!(draft(&decode(&gbk).unwrap()), expected, "GBK");
        assert_eq!(draft(&word::text(&docx).unwrap()), expected, "docx");
        // The page's <title> is a line of its own before the body's.
        let from_html = html::text(&page);
        assert_eq!(
            draft(from_html.strip_prefix("x\n").unwrap()),
            expected,
            "html"
        );
        let from_pdf = pdf::text(&pdf::tests::pdf(&lines)).unwrap();
        assert_eq!(draft(&from_pdf), expected, "pdf:\n{from_pdf}");
    }

    #[test]
    fn tidy_keeps_one_empty_line() {
        assert_eq!(tidy("\n\n a \n\n\n\nb\nc  \n\n"), "a\n\nb\nc\n");
    }
}
