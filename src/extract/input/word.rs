//! The text of a Word document (.docx): the paragraphs of its body, one to a line,
//! table cells included, in the order a reader meets them.
//!
//! A .docx is a zip archive whose body is `word/document.xml`; the `zip` and
//! `quick-xml` crates (both already built for reading spreadsheets) read it. Only the
//! text runs (`w:t`) are kept: deleted revisions (`w:delText`) and field codes
//! (`w:instrText`) are not what the document says.

use std::io::{BufReader, Read as _};

use quick_xml::events::Event;

use super::InputError;
use super::numbering::{Numbering, attribute, style_lists};

/// The most bytes of XML read from a document body: a plan of 500 pages has a body of
/// a few MB; an archive that unpacks to more is refused, not read into memory.
const MAX_BODY: u64 = 512 * 1024 * 1024;

/// The text of the Word document `bytes`.
pub(super) fn text(bytes: &[u8]) -> Result<String, InputError> {
    let not_word = |e: &dyn std::fmt::Display| {
        InputError::new(
            format!("the file is a zip archive but not a Word document ({e})"),
            "save the plan as .docx, .txt, .html or .pdf",
        )
    };
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_word(&e))?;
    let mut numbering = match archive.by_name("word/numbering.xml") {
        Ok(part) => Numbering::read(BufReader::new(part.take(MAX_BODY))),
        Err(_) => Numbering::default(),
    };
    let styles = match archive.by_name("word/styles.xml") {
        Ok(part) => style_lists(BufReader::new(part.take(MAX_BODY))),
        Err(_) => Default::default(),
    };
    let body = archive
        .by_name("word/document.xml")
        .map_err(|e| not_word(&e))?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(body.take(MAX_BODY)));
    let mut out = String::new();
    let mut buf = Vec::new();
    let mut in_text = false;
    // The list a paragraph belongs to (w:numId) and its level (w:ilvl), its own or
    // its style's.
    let mut list: (Option<String>, u8) = (None, 0);
    let mut style_list: Option<(String, u8)> = None;
    let broken = |e: &dyn std::fmt::Display| {
        InputError::new(
            format!("the Word document is damaged: {e}"),
            "open and save it again in a word processor, or save it as .txt",
        )
    };
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| broken(&e))? {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                list = (None, 0);
                style_list = None;
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.push('\n'),
                // The paragraph's properties come before its text: its number first.
                b"w:pPr" => {
                    let own = list.0.take().map(|num| (num, list.1));
                    if let Some((num, level)) = own.or(style_list.take())
                        && let Some(label) = numbering.next_label(&num, level)
                    {
                        out.push_str(&label);
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => out.push(' '),
                b"w:br" | b"w:cr" => out.push('\n'),
                b"w:numId" => {
                    list.0 = attribute(&e, "w:val");
                    // numId 0 takes away the numbering the paragraph's style gives.
                    if list.0.as_deref() == Some("0") {
                        list.0 = None;
                        style_list = None;
                    }
                }
                b"w:pStyle" => {
                    style_list = attribute(&e, "w:val").and_then(|s| styles.get(&s).cloned());
                }
                b"w:ilvl" => {
                    list.1 = attribute(&e, "w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                }
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.decode().map_err(|e| broken(&e))?),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref().map_err(|e| broken(&e))? {
                    Some(c) => c,
                    None => match r.as_ref() {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        _ => continue,
                    },
                };
                out.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(super::tidy(&out))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write as _;

    use super::*;

    /// A minimal .docx whose body is `body_xml`, for tests.
    pub(crate) fn docx(body_xml: &str) -> Vec<u8> {
        docx_with(body_xml, None)
    }

    /// A minimal .docx with a numbering part `numbering_xml` (the inside of
    /// `w:numbering`) when given.
    pub(crate) fn docx_with(body_xml: &str, numbering_xml: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        if let Some(numbering) = numbering_xml {
            // A heading style numbered by the first level of list 5.
            zip.start_file("word/styles.xml", options).unwrap();
            write!(
                zip,
                "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style w:styleId=\"Heading1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style></w:styles>"
            )
            .unwrap();
            zip.start_file("word/numbering.xml", options).unwrap();
            write!(
                zip,
                "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{numbering}</w:numbering>"
            )
            .unwrap();
        }
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
             <w:body>{body_xml}</w:body></w:document>"
        )
        .unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_and_cells_become_lines() {
        let bytes = docx(
            "<w:p><w:r><w:t>一、目标</w:t></w:r></w:p>\
             <w:p><w:r><w:t xml:space=\"preserve\">营业收入突破</w:t></w:r><w:r><w:t>100亿元</w:t></w:r>\
             <w:r><w:delText>200亿元</w:delText></w:r><w:r><w:instrText>PAGE 3</w:instrText></w:r>\
             <w:r><w:t>&amp;企业&#x4E00;家</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>新能源</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>800</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(
            text(&bytes).unwrap(),
            "一、目标\n营业收入突破100亿元&企业一家\n新能源\n800\n"
        );
    }

    /// Clause numbers Word writes itself (一、 (一) 1.) are read as the reader sees them.
    #[test]
    fn automatic_clause_numbers_are_made_again() {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\">\
             <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
             <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
             <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>\
             </w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>";
        let p = |level: u8, text: &str| {
            format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        };
        let body = [
            p(0, "目标"),
            p(1, "总量"),
            p(2, "营业收入达到100亿元。"),
            p(2, "新增企业20家。"),
            p(0, "任务"),
            p(1, "平台"),
            "<w:p><w:r><w:t>说明</w:t></w:r></w:p>".to_string(),
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>保障</w:t></w:r></w:p>"
                .to_string(),
        ]
        .concat();
        assert_eq!(
            text(&docx_with(&body, Some(numbering))).unwrap(),
            "一、目标\n（一）总量\n1.营业收入达到100亿元。\n2.新增企业20家。\n二、任务\n（一）平台\n说明\n三、保障\n"
        );
    }

    #[test]
    fn a_zip_that_is_no_word_document_is_refused() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let err = text(&bytes).unwrap_err();
        assert!(
            err.message.contains("not a Word document"),
            "{}",
            err.message
        );
    }
}
