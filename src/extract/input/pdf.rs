//! The text layer of a PDF: its lines of text in the order they are drawn, joined back
//! into the paragraphs they were wrapped from.
//!
//! lopdf reads the file (objects, compressed streams, fonts and their ToUnicode maps,
//! which CJK fonts need to give characters back). Its own `extract_text` breaks lines
//! only between text objects, and a page drawn as one object would come out as one
//! line; here each move to a new line (Td, TD, T*, Tm) starts one. A paragraph wrapped
//! over several lines is then joined again, since the extractor reads a sentence
//! within a line: a line is joined to the one before when that one ran the full width
//! of the text and did not end a sentence, and this one does not open a clause.

use std::sync::LazyLock;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};
use regex::Regex;

use super::InputError;

/// The start of a numbered clause or heading: 一、 (一) 1. 第二章.
static CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十\d]+[章节条部分]|附件|附表)")
        .expect("a valid pattern")
});

/// The text of the PDF `bytes`.
pub(super) fn text(bytes: &[u8]) -> Result<String, InputError> {
    let doc = Document::load_mem(bytes).map_err(|e| {
        InputError::new(
            format!("the PDF cannot be read: {e}"),
            "open it in a PDF reader and save (or print) it as a new PDF, or copy its text into a .txt file",
        )
    })?;
    if doc.is_encrypted() {
        return Err(InputError::new(
            "the PDF is encrypted",
            "save an unprotected copy from a PDF reader, or copy its text into a .txt file",
        ));
    }
    let mut lines = Vec::new();
    for (_, page) in doc.get_pages() {
        page_lines(&doc, page, &mut lines);
    }
    Ok(super::tidy(&paragraphs(&lines)))
}

/// The lines of text drawn on one page, added to `lines`. A page that cannot be read
/// (a damaged stream, an unknown font encoding) gives what could be read of it.
fn page_lines(doc: &Document, page: lopdf::ObjectId, lines: &mut Vec<String>) {
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return;
    };
    let encodings: Vec<(Vec<u8>, Encoding)> = fonts
        .into_iter()
        .filter_map(|(name, font)| Some((name, font.get_font_encoding(doc).ok()?)))
        .collect();
    let Some(content) = doc
        .get_page_content(page)
        .ok()
        .and_then(|data| Content::decode(&data).ok())
    else {
        return;
    };
    let mut line = String::new();
    let mut font: Option<&Encoding> = None;
    let mut y: Option<f32> = None;
    let mut new_line = |line: &mut String| {
        if !line.trim().is_empty() {
            lines.push(std::mem::take(line));
        }
        line.clear();
    };
    for op in &content.operations {
        let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
        match op.operator.as_str() {
            "Tf" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                font = name.and_then(|n| encodings.iter().find(|(k, _)| k == n).map(|(_, e)| e));
            }
            "Td" | "TD" if number(1).is_some_and(|dy| dy.abs() > 0.01) => new_line(&mut line),
            "T*" | "'" | "\"" => new_line(&mut line),
            "Tm" => {
                let here = number(5);
                if here.zip(y).is_some_and(|(a, b)| (a - b).abs() > 0.01) {
                    new_line(&mut line);
                }
                y = here.or(y);
            }
            _ => {}
        }
        if matches!(op.operator.as_str(), "Tj" | "TJ" | "'" | "\"")
            && let Some(encoding) = font
        {
            shown_text(encoding, &op.operands, &mut line);
        }
    }
    new_line(&mut line);
}

/// The characters a text-showing operator draws. A wide gap in a TJ array (more than
/// a third of the font size) is a space between words.
fn shown_text(encoding: &Encoding, operands: &[Object], out: &mut String) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(s) = Document::decode_text(encoding, bytes) {
                    out.push_str(&s);
                }
            }
            Object::Array(items) => shown_text(encoding, items, out),
            other => {
                if other.as_float().is_ok_and(|gap| gap < -333.0) {
                    out.push(' ');
                }
            }
        }
    }
}

/// Lines joined into paragraphs, one to a line (see the module's comment).
fn paragraphs(lines: &[String]) -> String {
    let width = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut previous_full = false;
    for line in lines.iter().map(|l| l.trim()) {
        let ends_sentence = |s: &str| s.ends_with(['。', '；', '！', '？', '：', ':', ';']);
        let joins = previous_full && !CLAUSE_START.is_match(line);
        if !out.is_empty() && !joins {
            out.push('\n');
        }
        out.push_str(line);
        // A line within a character or two of the widest ran the full width.
        previous_full = line.chars().count() + 2 >= width && width >= 10 && !ends_sentence(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use lopdf::{Dictionary, Stream, dictionary};

    use super::*;

    /// A PDF whose one page draws `lines` in a CID font (Identity-H, as PDFs of
    /// Chinese text are made) with a ToUnicode map, all in one text object.
    pub(crate) fn pdf(lines: &[&str]) -> Vec<u8> {
        let mut chars: Vec<char> = lines.iter().flat_map(|l| l.chars()).collect();
        chars.sort_unstable();
        chars.dedup();
        let cid = |c: char| chars.iter().position(|&x| x == c).unwrap_or(0) as u16 + 1;
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             /CMapName /Test def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
        );
        cmap.push_str(&format!("{} beginbfchar\n", chars.len()));
        for &c in &chars {
            let mut utf16 = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut utf16)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{:04X}> <{hex}>\n", cid(c)));
        }
        cmap.push_str("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
        let mut doc = Document::with_version("1.7");
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes()));
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
            "ToUnicode" => to_unicode,
        });
        let mut ops = String::from("BT /F1 12 Tf 72 760 Td\n");
        for line in lines {
            let hex: String = line.chars().map(|c| format!("{:04X}", cid(c))).collect();
            ops.push_str(&format!("<{hex}> Tj 0 -16 Td\n"));
        }
        ops.push_str("ET\n");
        let content = doc.add_object(Stream::new(Dictionary::new(), ops.into_bytes()));
        let pages_id = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("a PDF is written");
        bytes
    }

    #[test]
    fn wrapped_lines_are_joined_into_their_paragraphs() {
        let bytes = pdf(&[
            "示范市行动方案（2024—2026年）",
            "一、发展目标",
            "到2026年，全市工业营业收入突破1000亿元，规上",
            "工业增加值年均增长8%以上。",
            "（一）平台建设",
            "新增平台3个。",
        ]);
        assert_eq!(
            text(&bytes).unwrap(),
            "示范市行动方案（2024—2026年）\n一、发展目标\n到2026年，全市工业营业收入突破1000亿元，规上工业增加值年均增长8%以上。\n（一）平台建设\n新增平台3个。\n"
        );
    }

    #[test]
    fn a_damaged_pdf_is_refused_with_a_way_out() {
        let err = text(b"%PDF-1.7\nnot really").unwrap_err();
        assert!(err.message.contains("cannot be read"), "{}", err.message);
        assert!(err.hint.contains(".txt"));
    }
}
