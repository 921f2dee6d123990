//! Clause and document numbers as English pages write them.
//!
//! Chinese documents number their outline with Chinese numerals: 一、 for a part, （一）
//! for a section, 1. for an item. English pages write the same place as III.1.2 (part
//! three, section one, item two), with the original beside it so a reader can find it
//! in the document. Document numbers (文号) are written as official translations write
//! them, the office's abbreviation in pinyin: 赣市府办字〔2020〕38号 becomes
//! Gan Shi Fu Ban Zi [2020] No. 38, with the original beside.

/// A clause id in English (三(一)2 → III.1.2), or `None` if it has no Chinese to
/// put in English (a plain `13`), or is not an outline number.
pub fn clause_in_english(id: &str) -> Option<String> {
    if let Some(part) = named_part_in_english(id.trim()) {
        return Some(part);
    }
    if !id.chars().any(is_numeral) {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = id.trim();
    let mut first = true;
    while !rest.is_empty() {
        let (part, after) = if let Some(inner) = rest.strip_prefix(['(', '（']) {
            let close = inner.find([')', '）'])?;
            let number = chinese_number(&inner[..close])
                .map(|n| n.to_string())
                .or_else(|| inner[..close].parse::<u32>().ok().map(|n| n.to_string()))?;
            let close_len = inner[close..].chars().next()?.len_utf8();
            (number, &inner[close + close_len..])
        } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            (rest[..end].to_string(), &rest[end..])
        } else {
            let end = rest
                .char_indices()
                .find(|(_, c)| !is_numeral(*c))
                .map_or(rest.len(), |(i, _)| i);
            let n = chinese_number(&rest[..end])?;
            // A leading Chinese numeral is a part: Roman, as English outlines write them.
            (if first { roman(n) } else { n.to_string() }, &rest[end..])
        };
        parts.push(part);
        first = false;
        rest = after.trim_start_matches(['.', '．', '、', ' ']);
    }
    Some(parts.join("."))
}

/// Parts a document names with a word rather than an outline number: 附件1 (an
/// annex), 附表2 (a table annexed), 第十条 (an article), 第三章 (a chapter).
const NAMED_PARTS: [(&str, &str, &str); 7] = [
    ("附件", "", "Annex"),
    ("附表", "", "Annexed table"),
    ("第", "条", "Article"),
    ("第", "章", "Chapter"),
    ("第", "节", "Section"),
    ("第", "款", "Paragraph"),
    ("第", "部分", "Part"),
];

/// Whether a clause id names its part with a word of its own (附件1, 第十条), so a
/// citation gives it as it is, without the word "clause" before it.
pub fn names_its_part(id: &str) -> bool {
    let id = id.trim();
    NAMED_PARTS
        .iter()
        .any(|(head, tail, _)| id.starts_with(head) && (tail.is_empty() || id.contains(tail)))
}

/// 附件1 → Annex 1, 附件二(三) → Annex 2, III, 第十条 → Article 10.
fn named_part_in_english(id: &str) -> Option<String> {
    NAMED_PARTS.iter().find_map(|(head, tail, word)| {
        let rest = id.strip_prefix(head)?;
        let (number, after) = if tail.is_empty() {
            let end = rest
                .char_indices()
                .find(|(_, c)| !c.is_ascii_digit() && !is_numeral(*c))
                .map_or(rest.len(), |(i, _)| i);
            (&rest[..end], &rest[end..])
        } else {
            let at = rest.find(tail)?;
            (&rest[..at], &rest[at + tail.len()..])
        };
        let n = number
            .parse::<u32>()
            .ok()
            .or_else(|| chinese_number(number))?;
        let after = after.trim_start_matches(['.', '．', '、', ' ', '：', ':']);
        match after {
            "" => Some(format!("{word} {n}")),
            more => Some(format!("{word} {n}, {}", clause_in_english(more)?)),
        }
    })
}

/// A document number in its conventional English form, the way official translations
/// write it: the office's abbreviation in pinyin, then year and number
/// (赣市府办字〔2020〕38号 → `Gan Shi Fu Ban Zi [2020] No. 38`). `None` if it is not
/// written `…〔year〕n号`, or its abbreviation has a character without a reading.
pub fn document_number_in_english(number: &str) -> Option<String> {
    let open = number.find(['〔', '[', '［', '('])?;
    let after_open = &number[open..];
    let open_len = after_open.chars().next()?.len_utf8();
    let close = after_open.find(['〕', ']', '］', ')'])?;
    let year = after_open[open_len..close].trim();
    let close_len = after_open[close..].chars().next()?.len_utf8();
    let tail = after_open[close + close_len..].trim();
    let n = tail.strip_suffix('号')?.trim();
    let valid = year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && !n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit());
    if !valid {
        return None;
    }
    let office = office_in_pinyin(number[..open].trim())?;
    Some(format!("{office} [{year}] No. {n}"))
}

/// Readings an office abbreviation takes where the character's usual one is wrong: the
/// abbreviations are mostly places (长沙, 重庆, 厦门, 成都, 西藏, 蚌埠).
const OFFICE_READINGS: &[(char, &str)] = &[
    ('长', "chang"),
    ('重', "chong"),
    ('厦', "xia"),
    ('都', "du"),
    ('藏', "zang"),
    ('蚌', "beng"),
];

/// 赣市府办字 → `Gan Shi Fu Ban Zi`: each character's syllable, capitalised. Letters
/// and digits in the abbreviation stay as they are.
fn office_in_pinyin(office: &str) -> Option<String> {
    use pinyin::ToPinyin;
    let mut words: Vec<String> = Vec::new();
    for c in office.chars() {
        if c.is_ascii_alphanumeric() {
            match words.last_mut() {
                Some(w) if w.chars().all(|c| c.is_ascii_alphanumeric()) && !w.is_empty() => {
                    w.push(c)
                }
                _ => words.push(c.to_string()),
            }
            continue;
        }
        let syllable = OFFICE_READINGS
            .iter()
            .find(|(h, _)| *h == c)
            .map(|(_, r)| *r)
            .or_else(|| c.to_pinyin().map(|p| p.plain()))?;
        let mut letters = syllable.chars();
        let first = letters.next()?.to_ascii_uppercase();
        words.push(std::iter::once(first).chain(letters).collect());
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn is_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百".contains(c)
}

/// 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103.
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / '一'.len_utf8()) as u32)
    };
    let mut total = 0;
    let mut current = 0;
    let mut any = false;
    for c in text.chars() {
        any = true;
        match c {
            '〇' => current = 0,
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    any.then_some(total + current)
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in NUMERALS {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_named_with_a_word_are_put_in_english() {
        assert_eq!(clause_in_english("附件1").as_deref(), Some("Annex 1"));
        assert_eq!(clause_in_english("附件二").as_deref(), Some("Annex 2"));
        assert_eq!(
            clause_in_english("附件1（二）").as_deref(),
            Some("Annex 1, 2")
        );
        assert_eq!(
            clause_in_english("附表3").as_deref(),
            Some("Annexed table 3")
        );
        assert_eq!(clause_in_english("第十条").as_deref(), Some("Article 10"));
        assert_eq!(clause_in_english("第三章").as_deref(), Some("Chapter 3"));
        assert_eq!(clause_in_english("第二部分").as_deref(), Some("Part 2"));
        assert!(names_its_part("附件1") && names_its_part("第十条"));
        assert!(!names_its_part("二（一）") && !names_its_part("第") && !names_its_part("13"));
        // Not a number after the word: left as written.
        assert_eq!(clause_in_english("附件甲"), None);
    }

    #[test]
    fn outline_numbers_read_as_english_outlines() {
        for (zh, en) in [
            ("三(一)2", "III.1.2"),
            ("四（七）", "IV.7"),
            ("二", "II"),
            ("十二(十一)16", "XII.11.16"),
            ("三(七)18", "III.7.18"),
        ] {
            assert_eq!(clause_in_english(zh).as_deref(), Some(en), "{zh}");
        }
        assert_eq!(clause_in_english("13"), None, "nothing to translate");
        assert_eq!(clause_in_english("附件"), None, "not an outline number");
        assert_eq!(chinese_number("一百零三"), Some(103));
        assert_eq!(chinese_number("二十"), Some(20));
    }

    #[test]
    fn document_numbers_read_as_official_translations_write_them() {
        assert_eq!(
            document_number_in_english("赣市府办字〔2020〕38号").as_deref(),
            Some("Gan Shi Fu Ban Zi [2020] No. 38")
        );
        assert_eq!(
            document_number_in_english("赣府发[2021]7号").as_deref(),
            Some("Gan Fu Fa [2021] No. 7")
        );
        assert_eq!(
            document_number_in_english("长府办发〔2022〕12号").as_deref(),
            Some("Chang Fu Ban Fa [2022] No. 12"),
            "a place's reading, not the usual one"
        );
        assert_eq!(document_number_in_english("第三号"), None);
        assert_eq!(document_number_in_english("赣〔20〕1号"), None);
    }
}
