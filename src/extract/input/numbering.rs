//! The numbers Word writes itself: a paragraph of an automatic list (一、 (一) 1.)
//! shows a number that is not in its text but made from `word/numbering.xml`. Plans
//! number their clauses this way as often as by hand, and the extractor reads clauses
//! by their numbers, so the numbers are made again here as Word shows them.

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

/// How one level of a list is numbered.
#[derive(Debug, Clone, Default)]
struct Level {
    /// Word's number format: decimal, chineseCounting, upperLetter…
    format: String,
    /// The label with %1, %2… for the numbers of the levels: "%1、", "（%1）".
    text: String,
    start: u32,
}

/// The lists of a document and the numbers given so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Levels by abstract list id and level.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// Abstract list ids by list instance id (w:numId).
    instances: HashMap<String, String>,
    /// The current number of each level of each list instance.
    counters: HashMap<String, [u32; 9]>,
}

/// The value of attribute `w:val` (or another) of an element.
pub(super) fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    let attr = e.try_get_attribute(name).ok()??;
    let raw = String::from_utf8_lossy(&attr.value);
    quick_xml::escape::unescape(&raw)
        .ok()
        .map(|v| v.into_owned())
}

impl Numbering {
    /// Reads `word/numbering.xml`. A part that cannot be read gives no numbers: the
    /// text is still read, only without its automatic numbers.
    pub(super) fn read(xml: impl BufRead) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let (mut abstract_id, mut level, mut num_id) = (None::<String>, None::<u8>, None::<String>);
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match event {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = attribute(&e, "w:abstractNumId"),
                    b"w:lvl" => level = attribute(&e, "w:ilvl").and_then(|v| v.parse().ok()),
                    b"w:num" => num_id = attribute(&e, "w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(num), Some(id)) = (&num_id, attribute(&e, "w:val")) {
                            n.instances.insert(num.clone(), id);
                        }
                    }
                    tag @ (b"w:start" | b"w:numFmt" | b"w:lvlText") => {
                        let (Some(a), Some(l)) = (&abstract_id, level) else {
                            continue;
                        };
                        let value = attribute(&e, "w:val").unwrap_or_default();
                        let entry = n
                            .abstracts
                            .entry(a.clone())
                            .or_default()
                            .entry(l)
                            .or_default();
                        match tag {
                            b"w:start" => entry.start = value.parse().unwrap_or(1),
                            b"w:numFmt" => entry.format = value,
                            _ => entry.text = value,
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:lvl" => level = None,
                    b"w:abstractNum" => abstract_id = None,
                    b"w:num" => num_id = None,
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        n
    }

    /// The label of the next paragraph of list `num_id` at level `ilvl` ("二、"), and
    /// the count moved on: the level's number goes up and deeper levels start again.
    pub(super) fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let levels = self.abstracts.get(self.instances.get(num_id)?)?;
        let level = levels.get(&ilvl)?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let counters = self.counters.entry(num_id.to_string()).or_insert([0; 9]);
        let i = usize::from(ilvl).min(8);
        counters[i] = if counters[i] == 0 {
            level.start.max(1)
        } else {
            counters[i] + 1
        };
        for deeper in &mut counters[i + 1..] {
            *deeper = 0;
        }
        let mut label = level.text.clone();
        for (k, count) in counters.iter().enumerate() {
            // A level deeper than this one has no number yet: its placeholder shows nothing.
            let shown = if k <= i {
                let format = levels
                    .get(&(k as u8))
                    .map_or("decimal", |l| l.format.as_str());
                formatted(*count, format)
            } else {
                String::new()
            };
            label = label.replace(&format!("%{}", k + 1), &shown);
        }
        Some(label)
    }
}

/// The lists that paragraph styles number (a heading style numbered 一、 二、), from
/// `word/styles.xml`: the list and level of each style that has one.
pub(super) fn style_lists(xml: impl BufRead) -> HashMap<String, (String, u8)> {
    let mut out = HashMap::new();
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut style: Option<String> = None;
    let mut list: (Option<String>, u8) = (None, 0);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) if e.name().as_ref() == b"w:style" => {
                style = attribute(&e, "w:styleId");
                list = (None, 0);
            }
            Event::Empty(e) => match e.name().as_ref() {
                b"w:numId" => list.0 = attribute(&e, "w:val").filter(|v| v != "0"),
                b"w:ilvl" => {
                    list.1 = attribute(&e, "w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                if let (Some(id), Some(num)) = (style.take(), list.0.take()) {
                    out.insert(id, (num, list.1));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

/// `n` written as Word's number format `format` shows it.
fn formatted(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "japaneseCounting" => chinese(n),
        "upperLetter" => letter(n, b'A'),
        "lowerLetter" => letter(n, b'a'),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (as clause numbers are written).
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// 1 → A, 26 → Z, 27 → AA.
fn letter(n: u32, base: u8) -> String {
    let count = (n.max(1) - 1) / 26 + 1;
    let c = char::from(base + ((n.max(1) - 1) % 26) as u8);
    std::iter::repeat_n(c, count as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_letter_numbers() {
        let read: Vec<String> = [1, 10, 12, 20, 35].iter().map(|n| chinese(*n)).collect();
        assert_eq!(read, ["一", "十", "十二", "二十", "三十五"]);
        assert_eq!(
            (letter(1, b'A'), letter(27, b'a')),
            ("A".into(), "aa".into())
        );
    }

    /// A label that names a level deeper than its own shows nothing for it (a figure
    /// must not appear from a placeholder).
    #[test]
    fn placeholders_of_deeper_levels_show_nothing() {
        let mut n = Numbering::default();
        let level = Level {
            format: "chineseCounting".into(),
            text: "%1、%2%9".into(),
            start: 1,
        };
        n.abstracts.insert("0".into(), HashMap::from([(0, level)]));
        n.instances.insert("1".into(), "0".into());
        assert_eq!(n.next_label("1", 0).as_deref(), Some("一、"));
    }
}
