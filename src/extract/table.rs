//! Tables captured from web pages with every cell on a line of its own, such as a
//! plan's decomposition table:
//!
//! ```text
//! 序号 / 产业 / 2023年营业收入(亿元) / 总计 / 其中 / 直管区 / 经开组团 / (含临空组团) / …
//! 1 / 光电信息 / 1000 / - / 850 / 85 / 65
//! 2 / …
//! ```
//!
//! A row starts with its number and its name; the figures that follow are the total
//! and then one per column after 其中. Each row becomes a goal with a breakdown.

use super::model::{Goal, GoalPart, single};
use super::text::{Document, Line, YEAR};
use crate::content::{Comparator, MeasureUnit, Metric};

fn figure(cell: &str) -> Option<Option<f64>> {
    let cell = cell.trim();
    if matches!(cell, "-" | "—" | "/" | "") {
        return Some(None);
    }
    cell.parse::<f64>().ok().map(Some)
}

/// A table's header cell naming the year and the unit: 2026年营业收入(亿元).
fn is_header(text: &str) -> bool {
    text.contains("(亿元)") && text.contains('年') && text.chars().count() < 30
}

/// How far below its header a table's first row may start.
const MAX_HEADER_CELLS: usize = 24;

/// Finds tables whose header names a unit in brackets (亿元) and a year.
pub fn find(doc: &Document) -> Vec<Goal> {
    let lines = &doc.lines;
    let mut goals = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let header = &lines[i].text;
        // A line that only looked like a header has no rows below it.
        let Some((columns, first_row)) = is_header(header).then(|| columns(lines, i)).flatten()
        else {
            i += 1;
            continue;
        };
        let table = Table {
            year: YEAR.captures(header).and_then(|c| c[1].parse::<u16>().ok()),
            metric: if header.contains("产值") {
                Metric::Output
            } else {
                Metric::Revenue
            },
            columns,
        };
        let end = table.rows(lines, first_row, &mut goals);
        i = end.max(i + 1);
    }
    goals
}

/// The column names after 其中 below the header at `header`, up to the first row
/// number: short cells on lines of their own, a few lines at most. Also the line of
/// the first row; `None` when no row follows.
fn columns(lines: &[Line], header: usize) -> Option<(Vec<String>, usize)> {
    let mut columns: Vec<String> = Vec::new();
    let mut j = header + 1;
    let mut after_of_which = false;
    let scan_end = lines.len().min(header + 1 + MAX_HEADER_CELLS);
    while j < scan_end
        && lines[j].text != "1"
        && lines[j].text.chars().count() <= 16
        && !is_header(&lines[j].text)
    {
        let cell = lines[j].text.trim();
        if cell == "其中" {
            after_of_which = true;
        } else if after_of_which {
            match columns.last_mut() {
                Some(last) if cell.starts_with('(') => last.push_str(cell),
                _ => columns.push(cell.to_string()),
            }
        }
        j += 1;
    }
    (j < scan_end && lines[j].text == "1").then_some((columns, j))
}

/// What a table's header says of every row.
struct Table {
    year: Option<u16>,
    metric: Metric,
    /// The columns after 其中.
    columns: Vec<String>,
}

impl Table {
    /// Reads the rows numbered 1, 2, … from line `j` into `goals`; returns the line
    /// after the last row.
    fn rows(&self, lines: &[Line], mut j: usize, goals: &mut Vec<Goal>) -> usize {
        let mut row = 1;
        while j + 1 < lines.len() && lines[j].text == row.to_string() {
            let name = lines[j + 1].text.clone();
            let mut values: Vec<Option<f64>> = Vec::new();
            let mut k = j + 2;
            while k < lines.len() && values.len() <= self.columns.len() {
                match figure(&lines[k].text) {
                    Some(v) => values.push(v),
                    None => break,
                }
                k += 1;
            }
            let Some(Some(total)) = values.first().copied() else {
                break;
            };
            goals.push(self.row_goal(&lines[j], name, total, &values[1..]));
            row += 1;
            j = k;
        }
        j
    }

    /// The goal of the row numbered on `line`: the total of `name`, and a part for
    /// each column with a figure in `values`.
    fn row_goal(&self, line: &Line, name: String, total: f64, values: &[Option<f64>]) -> Goal {
        let parts = self
            .columns
            .iter()
            .zip(values)
            .filter_map(|(c, v)| {
                v.map(|v| GoalPart {
                    name: c.clone(),
                    value: v,
                })
            })
            .collect();
        let measure = if self.metric == Metric::Output {
            "产值"
        } else {
            "营业收入"
        };
        Goal {
            line: line.number,
            span: format!("{name} {total}").into(),
            clause: line.clause.clone(),
            subject: format!("{name}{measure}"),
            metric: self.metric,
            unit: MeasureUnit::YiYuan,
            year: self.year,
            each: None,
            value: single(Comparator::Reach, total),
            also: None,
            restates: false,
            baseline_year: None,
            parts,
            chain: None,
            topic: None,
            lead_ids: Vec::new(),
            responsible_ids: Vec::new(),
            lead: Vec::new(),
            responsible: Vec::new(),
            confidence: 0.8,
            doubts: vec!["read from a table: check the row against the text's own goal"],
            guessed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_without_rows_does_not_hide_later_tables() {
        let text = "示范区行动计划(2024-2026年)\n2025年营业收入(亿元)情况见下文。\n说明文字\n附件\n序号\n产业\n2026年营业收入(亿元)\n合计\n其中\n东区\n1\n电子信息\n500\n500\n";
        let goals = find(&Document::parse(text));
        assert_eq!(goals.len(), 1, "{goals:?}");
        assert_eq!(goals[0].year, Some(2026));
    }

    #[test]
    fn cells_on_lines_of_their_own() {
        let text = "示范区行动计划(2024-2026年)\n附件:\n目标分解表\n序号\n产业\n2026年营业收入(亿元)\n总计\n其中\n东区\n西区\n(含北片)\n1\n电子信息\n500\n300\n200\n2\n纺织\n120\n-\n120\n";
        let goals = find(&Document::parse(text));
        assert_eq!(goals.len(), 2, "{goals:?}");
        assert_eq!(goals[0].subject, "电子信息营业收入");
        assert_eq!(goals[0].value, single(Comparator::Reach, 500.0));
        assert_eq!(goals[0].year, Some(2026));
        assert_eq!(
            goals[0].parts,
            vec![
                GoalPart {
                    name: "东区".into(),
                    value: 300.0
                },
                GoalPart {
                    name: "西区(含北片)".into(),
                    value: 200.0
                }
            ]
        );
        assert_eq!(
            goals[1].parts,
            vec![GoalPart {
                name: "西区(含北片)".into(),
                value: 120.0
            }]
        );
    }
}
