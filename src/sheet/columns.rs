//! The workbook's layout: its sheets, and for each column the header (both languages),
//! the field of `plan.yaml` it holds and how a cell is read.
//!
//! One table serves export and import, so the two cannot disagree about a column.

/// How a cell's content becomes a YAML value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text as typed, even when it looks like a number (a name such as 2025行动).
    Text,
    /// A number.
    Number,
    /// A whole number (a year).
    Whole,
    /// A word or an id: text, with a number read as its digits (a clause `3`).
    Word,
    /// Ids separated by `;` (also `；`, `、` or `,`).
    List,
    /// A value written as in YAML on one line: `2600`, `double`, `{exceed: 1000}`.
    Yaml,
}

/// One column: headers and the path of its field inside a row's mapping.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub zh: &'static str,
    pub en: &'static str,
    pub path: &'static [&'static str],
    pub kind: CellKind,
}

impl Column {
    /// The header as written in the first row: `名称（中文） name.zh`.
    pub fn header(&self) -> String {
        format!("{} {}", self.zh, self.en)
    }

    /// Whether `cell` names this column: the full header, its Chinese or its English.
    pub fn is_named(&self, cell: &str) -> bool {
        let cell = cell.trim();
        cell == self.header() || cell == self.zh || cell == self.en
    }
}

const fn col(
    zh: &'static str,
    en: &'static str,
    path: &'static [&'static str],
    kind: CellKind,
) -> Column {
    Column { zh, en, path, kind }
}

use CellKind::*;

/// The sheets of a workbook, by name. Chinese names, as the editors' own files are;
/// every header carries the field's English name too.
pub const PLAN_SHEET: &str = "规划";
pub const TARGETS_SHEET: &str = "目标";
pub const PARTS_SHEET: &str = "分解";
pub const OUTCOMES_SHEET: &str = "完成情况";

/// The plan's own fields: one row each on the plan sheet (field, value).
pub const PLAN_FIELDS: &[Column] = &[
    col(
        "简称（中文）",
        "short_title.zh",
        &["short_title", "zh"],
        Text,
    ),
    col(
        "简称（英文）",
        "short_title.en",
        &["short_title", "en"],
        Text,
    ),
    col("发布部门", "issuer", &["issuer"], Word),
    col("地区", "region", &["region"], Word),
    col("来源文件", "record", &["record"], Word),
    col("起始年", "horizon.start", &["horizon", "start"], Whole),
    col("截止年", "horizon.end", &["horizon", "end"], Whole),
];

/// A row per target.
pub const TARGET_COLUMNS: &[Column] = &[
    col("编号", "id", &["id"], Word),
    col("名称（中文）", "name.zh", &["name", "zh"], Text),
    col("名称（英文）", "name.en", &["name", "en"], Text),
    col("简称（中文）", "short_name.zh", &["short_name", "zh"], Text),
    col("简称（英文）", "short_name.en", &["short_name", "en"], Text),
    col("产业链", "chain", &["chain"], Word),
    col("领域", "topic", &["topic"], Word),
    col("地区", "region", &["region"], Word),
    col("指标", "metric", &["metric"], Word),
    col("单位", "unit", &["unit"], Word),
    col("目标年", "year", &["year"], Whole),
    col("每期", "each", &["each"], Word),
    col("起始年", "from", &["from"], Whole),
    col("目标值", "value", &["value"], Yaml),
    col("另一表述", "also", &["also"], Yaml),
    col("量词", "counter", &["counter"], Word),
    col("英文名词（单数）", "noun.one", &["noun", "one"], Text),
    col("英文名词（复数）", "noun.other", &["noun", "other"], Text),
    col("方向", "direction", &["direction"], Word),
    col("基期年", "baseline.year", &["baseline", "year"], Whole),
    col("基期值", "baseline.value", &["baseline", "value"], Number),
    col("责任单位", "responsible", &["responsible"], List),
    col("牵头单位", "lead", &["lead"], List),
    col("出处文件", "source.record", &["source", "record"], Word),
    col("条款", "source.clause", &["source", "clause"], Word),
    col("原文", "source.wording", &["source", "wording"], Text),
    col("说明（中文）", "note.zh", &["note", "zh"], Text),
    col("说明（英文）", "note.en", &["note", "en"], Text),
    col("推定理由", "inferred", &["inferred"], Yaml),
];

/// A row per part of a breakdown; the first column names the target.
pub const PART_COLUMNS: &[Column] = &[
    col("目标编号", "target", &[], Word),
    col("分解方式", "kind", &["kind"], Word),
    col("地区", "region", &["region"], Word),
    col("组成部分（中文）", "segment.zh", &["segment", "zh"], Text),
    col("组成部分（英文）", "segment.en", &["segment", "en"], Text),
    col("数值", "value", &["value"], Yaml),
];

/// A row per published outcome; the first column names the target.
pub const OUTCOME_COLUMNS: &[Column] = &[
    col("目标编号", "target", &[], Word),
    col("年份", "year", &["year"], Whole),
    col("数值", "value", &["value"], Yaml),
    col("指标", "metric", &["metric"], Word),
    col("出处文件", "source.record", &["source", "record"], Word),
    col("条款", "source.clause", &["source", "clause"], Word),
    col("说明（中文）", "note.zh", &["note", "zh"], Text),
    col("说明（英文）", "note.en", &["note", "en"], Text),
];

/// A spreadsheet column's letters (0 → A, 26 → AA).
pub fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `目标!D7` for row and column counted from 0.
pub fn cell_name(sheet: &str, row: usize, column: usize) -> String {
    format!("{sheet}!{}{}", letters(column), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
        assert_eq!(cell_name(TARGETS_SHEET, 6, 3), "目标!D7");
    }

    #[test]
    fn every_column_is_in_the_editors_reference() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sheet.md");
        let docs = std::fs::read_to_string(path).unwrap();
        for sheet in [TARGET_COLUMNS, PART_COLUMNS, OUTCOME_COLUMNS, PLAN_FIELDS] {
            for c in sheet {
                assert!(
                    docs.contains(&format!("| {} | `{}` |", c.zh, c.en)),
                    "{} not in docs/sheet.md",
                    c.en
                );
            }
        }
    }

    #[test]
    fn headers_are_unique_within_a_sheet() {
        for sheet in [TARGET_COLUMNS, PART_COLUMNS, OUTCOME_COLUMNS, PLAN_FIELDS] {
            let mut seen = std::collections::HashSet::new();
            for c in sheet {
                assert!(seen.insert(c.en), "{}", c.en);
            }
        }
    }
}
