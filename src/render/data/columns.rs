//! The columns of the open data, in one table: each column's name, where its value sits
//! in `targets.json`, and how its `targets.csv` cell is read from a [`TargetRecord`].
//! The CSV header and rows, and the data page's list of columns, are all made from
//! [`COLUMNS`], so a column cannot be added to one without the others.

use super::document::{DocumentRecord, InferredRecord};
use super::record::{Named, TargetRecord};
use crate::content::{Bound, TargetValue};
use crate::render::format;

/// One column of `targets.csv`.
pub struct Column {
    /// The CSV header, also shown on the data page.
    pub name: &'static str,
    /// The same value in a target's `targets.json` record, as a JSON pointer (RFC 6901):
    /// it tells a reader of one file where to look in the other.
    pub json: &'static str,
    /// The column's cell in a target's row.
    pub cell: fn(&TargetRecord) -> String,
}

impl Column {
    /// The UI string explaining the column on the data page: `data_column_<name>`.
    pub fn doc_key(&self) -> String {
        format!("data_column_{}", self.name)
    }
}

const fn col(name: &'static str, json: &'static str, cell: fn(&TargetRecord) -> String) -> Column {
    Column { name, json, cell }
}

/// The columns of `targets.csv`, in order.
pub const COLUMNS: &[Column] = &[
    col("plan_id", "/plan_id", |r| r.plan_id.clone()),
    col("target_id", "/target_id", |r| r.target_id.clone()),
    col("name_zh", "/name/zh", |r| r.name.zh.clone()),
    col("name_en", "/name/en", |r| r.name.en.clone()),
    col("plan_title_zh", "/plan_title/zh", |r| {
        r.plan_title.zh.clone()
    }),
    col("plan_title_en", "/plan_title/en", |r| {
        r.plan_title.en.clone()
    }),
    col("issuer_zh", "/issuer/name/zh", |r| r.issuer.name.zh.clone()),
    col("issuer_en", "/issuer/name/en", |r| r.issuer.name.en.clone()),
    col("document_number", "/document/document_number", |r| {
        doc(r, |d| d.document_number.clone().unwrap_or_default())
    }),
    col("index_number", "/document/index_number", |r| {
        doc(r, |d| d.index_number.clone().unwrap_or_default())
    }),
    col("issued", "/document/issued", |r| {
        doc(r, |d| d.issued.clone())
    }),
    col("published", "/document/published", |r| {
        doc(r, |d| {
            let list: Vec<String> = d
                .published
                .iter()
                .map(|p| {
                    let date = p.date.as_deref().unwrap_or("");
                    let url = p.url.as_deref().unwrap_or("");
                    format!("{} {date} {url}", p.publisher.zh)
                        .trim()
                        .to_string()
                })
                .collect();
            list.join("; ")
        })
    }),
    col("validity", "/document/validity/status", |r| {
        doc(r, |d| {
            d.validity
                .as_ref()
                .map_or(String::new(), |v| v.status.into())
        })
    }),
    col("subjects_zh", "/document/subjects", |r| {
        doc(r, |d| {
            let zh: Vec<&str> = d.subjects.iter().map(|s| s.zh.as_str()).collect();
            zh.join("; ")
        })
    }),
    col("document_inferred", "/document/inferred", |r| {
        doc(r, |d| fields(&d.inferred))
    }),
    col("plan_status", "/plan_status", |r| r.plan_status.into()),
    col("chain_id", "/chain/id", |r| id(&r.chain)),
    col("chain_zh", "/chain/name/zh", |r| {
        named(&r.chain, |n| &n.name.zh)
    }),
    col("chain_en", "/chain/name/en", |r| {
        named(&r.chain, |n| &n.name.en)
    }),
    col("topic_id", "/topic/id", |r| id(&r.topic)),
    col("topic_zh", "/topic/name/zh", |r| {
        named(&r.topic, |n| &n.name.zh)
    }),
    col("topic_en", "/topic/name/en", |r| {
        named(&r.topic, |n| &n.name.en)
    }),
    col("region_id", "/region/id", |r| r.region.id.clone()),
    col("region_zh", "/region/name/zh", |r| r.region.name.zh.clone()),
    col("region_en", "/region/name/en", |r| r.region.name.en.clone()),
    col("metric", "/metric", |r| r.metric.into()),
    col("unit", "/unit", |r| r.unit.into()),
    col("year", "/year", |r| r.year.to_string()),
    col("each", "/each/period", |r| {
        r.each.as_ref().map_or(String::new(), |e| e.period.into())
    }),
    col("each_from", "/each/from", |r| {
        r.each
            .as_ref()
            .map_or(String::new(), |e| e.from.to_string())
    }),
    col("value_form", "/value/form", |r| r.value.form().into()),
    col("qualifier", "/value/qualifier", |r| {
        r.value
            .qualifier()
            .map_or(String::new(), |q| q.key().into())
    }),
    col("comparator", "/value/comparator", |r| comparator(single(r))),
    col("value", "/value/value", |r| num(single(r).map(|b| b.value))),
    col("low", "/value/low", |r| num(range(r).map(|(low, _)| low))),
    col("high", "/value/high", |r| {
        num(range(r).map(|(_, high)| high))
    }),
    col("or", "/value/or", |r| match r.value {
        TargetValue::Range { or: Some(o), .. } => o.key().into(),
        _ => String::new(),
    }),
    col("floor_comparator", "/value/floor/comparator", |r| {
        comparator(tiers(r).map(|(floor, _)| floor))
    }),
    col("floor", "/value/floor/value", |r| {
        num(tiers(r).map(|(floor, _)| floor.value))
    }),
    col("stretch_comparator", "/value/stretch/comparator", |r| {
        comparator(tiers(r).map(|(_, stretch)| stretch))
    }),
    col("stretch", "/value/stretch/value", |r| {
        num(tiers(r).map(|(_, stretch)| stretch.value))
    }),
    col("stretch_qualifier", "/value/stretch/qualifier", |r| {
        tiers(r)
            .and_then(|(_, stretch)| stretch.qualifier)
            .map_or(String::new(), |q| q.key().into())
    }),
    col(
        "increase_by_comparator",
        "/value/increase_by/comparator",
        |r| {
            comparator(match r.value {
                TargetValue::IncreaseBy(b) => Some(b),
                _ => None,
            })
        },
    ),
    col("increase_by", "/value/increase_by/value", |r| {
        match r.value {
            TargetValue::IncreaseBy(x) => num(Some(x.value)),
            _ => String::new(),
        }
    }),
    col(
        "average_growth_comparator",
        "/value/average_growth/comparator",
        |r| {
            comparator(match r.value {
                TargetValue::AverageGrowth(b) => Some(b),
                _ => None,
            })
        },
    ),
    col(
        "average_growth",
        "/value/average_growth/value",
        |r| match r.value {
            TargetValue::AverageGrowth(x) => num(Some(x.value)),
            _ => String::new(),
        },
    ),
    col("growth_since", "/growth_since", |r| {
        r.growth_since.map_or(String::new(), |y| y.to_string())
    }),
    col("also_form", "/also/form", |r| {
        r.also.map_or(String::new(), |a| a.form().into())
    }),
    col("counter", "/counter", |r| r.counter.unwrap_or("").into()),
    col("noun_en", "/noun/other", |r| {
        r.noun.as_ref().map_or(String::new(), |n| n.other.clone())
    }),
    col("direction", "/direction", |r| r.direction.into()),
    col("baseline_year", "/baseline/year", |r| {
        r.baseline
            .as_ref()
            .map_or(String::new(), |b| b.year.to_string())
    }),
    col("baseline_value", "/baseline/value", |r| {
        num(r.baseline.as_ref().and_then(|b| b.value))
    }),
    col("value_zh", "/value_text/zh", |r| r.value_text.zh.clone()),
    col("value_en", "/value_text/en", |r| r.value_text.en.clone()),
    col("breakdown_kind", "/breakdown/kind", |r| {
        r.breakdown
            .as_ref()
            .map_or(String::new(), |b| b.kind.into())
    }),
    col("breakdown", "/breakdown/parts", breakdown),
    col("lead", "/lead", |r| r.lead.join("; ")),
    col("responsible", "/responsible", |r| r.responsible.join("; ")),
    col("source_record", "/source/record", |r| {
        r.source.record.clone()
    }),
    col("source_clause", "/source/clause", |r| {
        r.source.clause.clone().unwrap_or_default()
    }),
    col("source_wording", "/source/wording", |r| {
        r.source.wording.clone().unwrap_or_default()
    }),
    col("inferred", "/inferred", |r| fields(&r.inferred)),
    col("progress", "/progress/status", |r| r.progress.status.into()),
    col("actuals", "/actuals", actuals),
    col("url_zh", "/url/zh", |r| r.url.zh.clone()),
    col("url_en", "/url/en", |r| r.url.en.clone()),
];

/// The header of `targets.csv`.
pub fn header() -> Vec<String> {
    COLUMNS.iter().map(|c| c.name.to_string()).collect()
}

/// A target's row of `targets.csv`.
pub fn row(r: &TargetRecord) -> Vec<String> {
    COLUMNS.iter().map(|c| (c.cell)(r)).collect()
}

/// A figure as the CSV writes it: plain digits, up to six decimals; empty when absent.
fn num(v: Option<f64>) -> String {
    v.map_or(String::new(), |v| format::plain(v, 6))
}

fn comparator(b: Option<Bound>) -> String {
    b.map_or(String::new(), |b| b.comparator.key().into())
}

fn id(n: &Option<Named>) -> String {
    n.as_ref().map_or(String::new(), |n| n.id.clone())
}

fn named(n: &Option<Named>, name: fn(&Named) -> &String) -> String {
    n.as_ref().map_or(String::new(), |n| name(n).clone())
}

fn single(r: &TargetRecord) -> Option<Bound> {
    match r.value {
        TargetValue::Single(b) => Some(b),
        _ => None,
    }
}

fn range(r: &TargetRecord) -> Option<(f64, f64)> {
    match r.value {
        TargetValue::Range { low, high, .. } => Some((low, high)),
        _ => None,
    }
}

fn doc(r: &TargetRecord, cell: impl Fn(&DocumentRecord) -> String) -> String {
    r.document.as_ref().map_or(String::new(), cell)
}

/// The inferred fields, as `unit; year`.
fn fields(inferred: &[InferredRecord]) -> String {
    let keys: Vec<&str> = inferred.iter().map(|i| i.field).collect();
    keys.join("; ")
}

fn tiers(r: &TargetRecord) -> Option<(Bound, Bound)> {
    match r.value {
        TargetValue::Tiers { floor, stretch } => Some((floor, stretch)),
        _ => None,
    }
}

/// `part=figure; …`: a part is named by its region id, or a segment by its English
/// name.
fn breakdown(r: &TargetRecord) -> String {
    let Some(b) = &r.breakdown else {
        return String::new();
    };
    b.parts
        .iter()
        .map(|p| {
            let key = p
                .region
                .as_deref()
                .or_else(|| p.segment.as_ref().map(|s| s.en.as_str()))
                .unwrap_or_default();
            format!("{key}={}", format::plain(p.value, 6))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `year:figure:metric; …`, one entry per published outcome.
fn actuals(r: &TargetRecord) -> String {
    r.actuals
        .iter()
        .map(|a| format!("{}:{}:{}", a.year, format::plain(a.value, 6), a.metric))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Comparator;
    use crate::derive::TargetRef;
    use crate::lang::Localized;
    use crate::render::data::record::{
        ActualRecord, BreakdownRecord, EachRecord, NounRecord, PartRecord,
    };
    use crate::render::test_site::{Starter, starter};
    use serde_json::Value;

    fn record(s: &Starter, target: usize) -> TargetRecord {
        let plan = s.site.plans.iter().next().unwrap();
        TargetRecord::new(&s.site, &s.index, plan, TargetRef { plan: 0, target })
    }

    /// The cell a JSON field flattens to, as a reader of both files would match them.
    fn as_cell(v: Option<&Value>) -> String {
        match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Number(n)) => format::plain(n.as_f64().unwrap(), 6),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::Object(o) if o.contains_key("publisher") => format!(
                        "{} {} {}",
                        as_cell(item.pointer("/publisher/zh")),
                        as_cell(o.get("date")),
                        as_cell(o.get("url"))
                    )
                    .trim()
                    .to_string(),
                    Value::Object(o) if o.contains_key("field") => as_cell(o.get("field")),
                    Value::Object(o) if o.contains_key("zh") => as_cell(o.get("zh")),
                    Value::Object(o) if o.contains_key("region") => format!(
                        "{}={}",
                        as_cell(o.get("region").filter(|r| !r.is_null()))
                            + &as_cell(item.pointer("/segment/en")),
                        as_cell(o.get("value"))
                    ),
                    Value::Object(o) => format!(
                        "{}:{}:{}",
                        as_cell(o.get("year")),
                        as_cell(o.get("value")),
                        as_cell(o.get("metric"))
                    ),
                    other => as_cell(Some(other)),
                })
                .collect::<Vec<_>>()
                .join("; "),
            Some(other) => panic!("no cell for {other}"),
        }
    }

    /// Records covering every value form, both subjects, a baseline, a breakdown
    /// with a region and a segment, and outcomes: the starter's two targets, and
    /// changed copies of them.
    fn varied(s: &Starter) -> Vec<TargetRecord> {
        let (tiers, range) = (record(s, 0), record(s, 1));
        let mut single = tiers.clone();
        single.value = TargetValue::Single(Bound {
            comparator: Comparator::AtLeast,
            value: 1.5,
            qualifier: None,
        });
        single.breakdown = Some(BreakdownRecord {
            kind: "of_which",
            parts: vec![
                PartRecord {
                    region: Some("north".into()),
                    segment: None,
                    value: 0.25,
                },
                PartRecord {
                    region: None,
                    segment: Some(Localized {
                        zh: "芯片".into(),
                        en: "Chips".into(),
                    }),
                    value: 1.0,
                },
            ],
        });
        single.actuals = vec![ActualRecord {
            year: 2023,
            value: 1.25,
            metric: "output",
            comparable: false,
            source_record: "report".into(),
            note: None,
        }];
        let mut double = range.clone();
        double.value = TargetValue::Double { qualifier: None };
        let mut increase = range.clone();
        increase.value = TargetValue::IncreaseBy(Bound::plain(Comparator::Reach, 15.0));
        let mut worded = range.clone();
        worded.value = TargetValue::Range {
            low: 3.0,
            high: 5.0,
            or: Some(crate::content::OpenEnd::More),
            qualifier: None,
        };
        worded.each = Some(EachRecord {
            period: "quarter",
            from: 2024,
            to: 2025,
        });
        worded.also = Some(TargetValue::Single(Bound::plain(Comparator::Reach, 4.0)));
        worded.counter = Some("户");
        worded.noun = Some(NounRecord {
            one: "household".into(),
            other: "households".into(),
        });
        worded.source.wording = Some("力争新增企业30家以上".into());
        let mut growth = tiers.clone();
        growth.value = TargetValue::AverageGrowth(Bound::plain(Comparator::About, 9.0));
        growth.growth_since = Some(2022);
        vec![tiers, range, single, double, increase, worded, growth]
    }

    #[test]
    fn every_cell_is_the_json_field_its_column_names() {
        let s = starter();
        let mut found = vec![false; COLUMNS.len()];
        for r in varied(&s) {
            let json = serde_json::to_value(&r).unwrap();
            for (i, (c, cell)) in COLUMNS.iter().zip(row(&r)).enumerate() {
                let field = json.pointer(c.json);
                found[i] |= field.is_some_and(|f| !f.is_null());
                assert_eq!(cell, as_cell(field), "{} of {}", c.name, r.target_id);
            }
        }
        let missing: Vec<&str> = COLUMNS
            .iter()
            .zip(found)
            .filter(|(_, f)| !f)
            .map(|(c, _)| c.name)
            .collect();
        assert!(missing.is_empty(), "never found in the JSON: {missing:?}");
    }

    #[test]
    fn a_tiered_target_reads_the_same_in_both_files() {
        let s = starter();
        let r = record(&s, 0);
        let cells: Vec<(&str, String)> = COLUMNS.iter().map(|c| c.name).zip(row(&r)).collect();
        let cell = |name: &str| &cells.iter().find(|(n, _)| *n == name).unwrap().1;
        assert_eq!(cell("target_id"), "electronics-revenue");
        assert_eq!(cell("value_form"), "tiers");
        assert_eq!(cell("comparator"), "");
        assert_eq!(cell("floor_comparator"), "exceed");
        assert_eq!(cell("floor"), "1000");
        assert_eq!(cell("stretch_comparator"), "reach");
        assert_eq!(cell("stretch"), "1200");
        assert_eq!(cell("baseline_value"), "700");
        assert_eq!(cell("chain_id"), "electronic-information");
        assert_eq!(cell("topic_id"), "");
        assert_eq!(
            cell("url_en"),
            "https://www.example.gov.cn/plans/en/plans/example-2025/electronics-revenue/"
        );
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.contains(
                r#""value":{"form":"tiers","floor":{"comparator":"exceed","value":1000.0,"qualifier":"ensure"},"stretch":{"comparator":"reach","value":1200.0,"qualifier":"strive"},"qualifier":"ensure"},"#
            ),
            "{json}"
        );
    }

    #[test]
    fn names_are_unique_and_rows_are_as_wide_as_the_header() {
        let s = starter();
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
        assert_eq!(row(&record(&s, 1)).len(), header().len());
    }
}
