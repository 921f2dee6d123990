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
//!
//! A table may also list places down its rows and end with a total row (合计): then
//! the total is the goal and each row a part of it, one goal for the main column and
//! one for each column after 其中 (其中:软件和信息技术服务业).

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
            title: title_above(lines, i),
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
        && (lines[j].text.chars().count() <= 16 || lines[j].text.starts_with("其中"))
        && !is_header(&lines[j].text)
    {
        let cell = lines[j].text.trim();
        if cell == "其中" {
            after_of_which = true;
        } else if let Some(name) = cell
            .strip_prefix("其中:")
            .or_else(|| cell.strip_prefix("其中："))
        {
            // "其中:软件和信息技术服务业(亿元)": the column's name after the colon.
            after_of_which = true;
            let name = name.split('(').next().unwrap_or(name).trim();
            columns.push(name.to_string());
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

/// The name of what a table breaks down, from its title a few lines above the header
/// (青禾市数字经济核心产业营业收入目标分解表 → 数字经济核心产业营业收入), without the
/// place the title opens with.
fn title_above(lines: &[Line], header: usize) -> Option<String> {
    let title = lines[header.saturating_sub(6)..header]
        .iter()
        .rev()
        .find(|l| l.text.contains("分解表") || l.text.contains("目标表"))?;
    let name = title.text.split("目标").next().unwrap_or(&title.text);
    let name = name.split("分解表").next().unwrap_or(name);
    let without_place = name
        .char_indices()
        .take(6)
        .find(|(_, c)| matches!(c, '市' | '县' | '区'))
        .map_or(name, |(i, c)| &name[i + c.len_utf8()..]);
    Some(without_place.to_string()).filter(|n| !n.is_empty())
}

/// The total row after a table's numbered rows (合计, 总计): its line and figures.
fn total_row(lines: &[Line], j: usize) -> Option<(usize, Vec<Option<f64>>)> {
    let label = lines.get(j)?.text.replace(' ', "");
    if !matches!(label.as_str(), "合计" | "总计" | "全市" | "全县" | "全区") {
        return None;
    }
    let totals: Vec<Option<f64>> = lines[j + 1..]
        .iter()
        .map_while(|l| figure(&l.text))
        .collect();
    (!totals.is_empty()).then_some((j, totals))
}

/// What a table's header says of every row.
struct Table {
    /// What the table breaks down, from its title.
    title: Option<String>,
    year: Option<u16>,
    metric: Metric,
    /// The columns after 其中.
    columns: Vec<String>,
}

impl Table {
    /// Reads the rows numbered 1, 2, … from line `j` into `goals`; returns the line
    /// after the last row.
    fn rows(&self, lines: &[Line], mut j: usize, goals: &mut Vec<Goal>) -> usize {
        let first = goals.len();
        let mut row = 1;
        // The rows' names, in case the rows are places (see `by_place`).
        let mut names = Vec::new();
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
            names.push(name.clone());
            goals.push(self.row_goal(&lines[j], name, total, &values[1..]));
            row += 1;
            j = k;
        }
        if let Some((line, totals)) = total_row(lines, j)
            && let Some(columns) = self.by_place(&goals[first..], &names, &lines[line], &totals)
        {
            goals.truncate(first);
            goals.extend(columns);
            j = line + 1 + totals.len();
        }
        j
    }

    /// When the rows are places that add up to a total row (`totals`, on `line`): one
    /// goal for the main column and one for each column after 其中, each broken down by
    /// the rows. `None` when the rows do not add up.
    fn by_place(
        &self,
        rows: &[Goal],
        places: &[String],
        line: &Line,
        totals: &[Option<f64>],
    ) -> Option<Vec<Goal>> {
        let total = totals.first().copied().flatten()?;
        let sum: f64 = rows.iter().filter_map(|r| r.value.total()).sum();
        if rows.len() < 2 || (sum - total).abs() > 0.5 {
            return None;
        }
        let main_parts = rows
            .iter()
            .zip(places)
            .filter_map(|(r, place)| {
                Some(GoalPart {
                    name: place.clone(),
                    value: r.value.total()?,
                })
            })
            .collect();
        let mut out = vec![self.column_goal(line, self.title.clone(), total, main_parts)];
        for (c, column) in self.columns.iter().enumerate() {
            let Some(Some(column_total)) = totals.get(c + 1).copied() else {
                continue;
            };
            let parts = rows
                .iter()
                .zip(places)
                .filter_map(|(r, place)| {
                    let value = r.parts.iter().find(|p| &p.name == column)?.value;
                    Some(GoalPart {
                        name: place.clone(),
                        value,
                    })
                })
                .collect();
            out.push(self.column_goal(line, Some(column.clone()), column_total, parts));
        }
        Some(out)
    }

    /// The goal of one column of a table by place: its total, split by the places.
    fn column_goal(
        &self,
        line: &Line,
        name: Option<String>,
        total: f64,
        parts: Vec<GoalPart>,
    ) -> Goal {
        let name = name.unwrap_or_default();
        let mut goal = self.row_goal(line, name, total, &[]);
        goal.parts = parts;
        goal
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
        let measure = if name.ends_with("收入") || name.ends_with("产值") {
            ""
        } else if self.metric == Metric::Output {
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

    /// Places down the rows and a total row: the total is the goal, each place a part
    /// of it, for the main column and the column after 其中.
    #[test]
    fn a_table_by_place_breaks_down_its_total() {
        let text = "示范市行动方案(2024-2026年)\n附件\n示范市数字经济核心产业营业收入目标分解表\n序号\n县(市、区)\n2026年目标(亿元)\n其中:软件和信息技术服务业(亿元)\n1\n东区\n420\n130\n2\n西区\n280\n70\n合计\n700\n200\n";
        let goals = find(&Document::parse(text));
        assert_eq!(goals.len(), 2, "{goals:?}");
        assert_eq!(goals[0].subject, "数字经济核心产业营业收入");
        assert_eq!(goals[0].value, single(Comparator::Reach, 700.0));
        let parts: Vec<(&str, f64)> = goals[0]
            .parts
            .iter()
            .map(|p| (p.name.as_str(), p.value))
            .collect();
        assert_eq!(parts, [("东区", 420.0), ("西区", 280.0)]);
        assert_eq!(goals[1].subject, "软件和信息技术服务业营业收入");
        let parts: Vec<f64> = goals[1].parts.iter().map(|p| p.value).collect();
        assert_eq!(
            (goals[1].value.total(), parts),
            (Some(200.0), vec![130.0, 70.0])
        );
    }
}
