//! Encodings every output format shares: HTML/SVG escaping, CSV, base64 `data:`
//! addresses and the text width that layout estimates. A leaf: it depends on nothing
//! else in the crate, so charts, pages, data files and the preview server can all use it.

use unicode_width::UnicodeWidthChar;

/// Width of `text` in pixels at `px`: wide (CJK) characters count double.
pub fn text_width(text: &str, px: f64) -> f64 {
    let units: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    units as f64 * px * 0.56
}

/// RFC 4180 CSV with a byte-order mark, which spreadsheet programs need to read
/// UTF-8 Chinese correctly.
pub fn to_csv(head: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    csv_start(&mut out);
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        csv_line(&mut out, row);
    }
    out
}

/// Starts a CSV file: a byte-order mark, so spreadsheets read the Chinese as UTF-8.
pub fn csv_start(out: &mut String) {
    out.push('\u{feff}');
}

/// Appends one CSV row (RFC 4180, CRLF line ends).
pub fn csv_line(out: &mut String, row: &[String]) {
    for (i, c) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_cell(out, c);
    }
    out.push_str("\r\n");
}

/// Appends one CSV cell: quoted when it holds a separator, a quote or a line break;
/// a leading = + - @ would run as a formula in spreadsheets, so it is quoted as text.
fn push_csv_cell(out: &mut String, c: &str) {
    let formula =
        c.starts_with(['=', '+', '@']) || (c.starts_with('-') && c.parse::<f64>().is_err());
    if !formula && !c.contains([',', '"', '\n', '\r']) {
        out.push_str(c);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    for part in c.split_inclusive('"') {
        out.push_str(part);
        if part.ends_with('"') {
            out.push('"');
        }
    }
    out.push('"');
}

/// `text` as a base64 `data:` address of `media_type`.
pub fn base64_url(media_type: &str, text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(media_type.len() + 13 + bytes.len().div_ceil(3) * 4);
    out.push_str("data:");
    out.push_str(media_type);
    out.push_str(";base64,");
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Escapes text for SVG and HTML element content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for SVG and HTML content and attributes.
pub fn escape_into(out: &mut String, text: &str) {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}
