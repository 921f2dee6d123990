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
    let body = archive
        .by_name("word/document.xml")
        .map_err(|e| not_word(&e))?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(body.take(MAX_BODY)));
    let mut out = String::new();
    let mut buf = Vec::new();
    let mut in_text = false;
    let broken = |e: &dyn std::fmt::Display| {
        InputError::new(
            format!("the Word document is damaged: {e}"),
            "open and save it again in a word processor, or save it as .txt",
        )
    };
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| broken(&e))? {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => out.push(' '),
                b"w:br" | b"w:cr" => out.push('\n'),
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

    /// A minimal .docx whose body has `paragraphs` (each a list of runs), for tests.
    pub(crate) fn docx(body_xml: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
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
