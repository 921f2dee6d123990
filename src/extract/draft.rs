//! Writing the goals found as a draft `plan.yaml` (and a draft `seeds/` record).
//!
//! The YAML is written by hand rather than serialized, to keep a comment above each
//! target with the line it came from, its confidence and what to check. Whatever the
//! text cannot tell (English names, registry ids, the issuer) is left empty or as
//! `fill-in`, so `plansite check` points at every field an editor must complete.

use std::fmt::Write as _;

use super::model::Goal;
use crate::content::{Bound, Comparator, OpenEnd, Qualifier, TargetValue};
use crate::numfmt::plain;

/// What extraction found.
#[derive(Debug, Clone)]
pub struct Draft {
    pub title: String,
    pub period: Option<(u16, u16)>,
    pub clauses: Vec<(String, String)>,
    pub goals: Vec<Goal>,
    /// The plan's region id, when the draft was matched to a site's registries.
    pub region: Option<String>,
}

/// Below this confidence a goal is marked for review.
pub const REVIEW_BELOW: f64 = 0.7;

impl Draft {
    /// How many goals are marked for review.
    pub fn review_count(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.confidence < REVIEW_BELOW)
            .count()
    }
}

/// A YAML double-quoted string (JSON's quoting is valid YAML).
pub(super) fn quote(s: &str) -> String {
    // JSON leaves U+0085, U+2028 and U+2029 bare, and YAML reads them as line breaks.
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace('\u{85}', "\\u0085")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Text for a YAML comment: on one line whatever the text held (YAML also breaks
/// lines at U+0085, U+2028 and U+2029), without control characters.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn bound_yaml(b: Bound) -> String {
    match b.qualifier {
        Some(q) => format!(
            "{{{}: {}, qualifier: {}}}",
            b.comparator.key(),
            plain(b.value, 6),
            q.key()
        ),
        None => format!("{{{}: {}}}", b.comparator.key(), plain(b.value, 6)),
    }
}

/// `, or: more, qualifier: strive` for a range's extra keys.
fn range_keys(or: Option<OpenEnd>, qualifier: Option<Qualifier>) -> String {
    let or = or.map_or_else(String::new, |o| format!(", or: {}", o.key()));
    let q = qualifier.map_or_else(String::new, |q| format!(", qualifier: {}", q.key()));
    format!("{or}{q}")
}

fn value_yaml(v: &TargetValue) -> String {
    match *v {
        TargetValue::Single(b) => bound_yaml(b),
        TargetValue::Range {
            low,
            high,
            or,
            qualifier,
        } => format!(
            "{{range: [{}, {}]{}}}",
            plain(low, 6),
            plain(high, 6),
            range_keys(or, qualifier)
        ),
        TargetValue::Tiers { floor, stretch } => format!(
            "{{tiers: {{floor: {}, stretch: {}}}}}",
            bound_yaml(floor),
            bound_yaml(stretch)
        ),
        TargetValue::Double { qualifier: None } => "double".into(),
        TargetValue::Double { qualifier: Some(q) } => {
            format!("{{double: true, qualifier: {}}}", q.key())
        }
        TargetValue::IncreaseBy(x)
            if x.comparator == Comparator::Reach && x.qualifier.is_none() =>
        {
            format!("{{increase_by: {}}}", plain(x.value, 6))
        }
        TargetValue::IncreaseBy(x) => format!("{{increase_by: {}}}", bound_yaml(x)),
        TargetValue::AverageGrowth(x) => format!("{{average_growth: {}}}", bound_yaml(x)),
    }
}

/// The draft `plan.yaml` for the plan `plan_id`, read from `source_name`.
pub fn draft_yaml(draft: &Draft, plan_id: &str, source_name: &str) -> String {
    let review = draft.review_count();
    // The schema line assumes the usual place, content/plans/<plan>/plan.yaml.
    let mut out =
        String::from("# yaml-language-server: $schema=../../../schemas/plan.schema.json\n");
    let _ = writeln!(
        out,
        "# Draft made by `plansite extract` from {source_name}: {} goals, {review} marked REVIEW.\n\
         # Each target names the line it was read from and a confidence. Fill in what the text\n\
         # cannot tell (English names, issuer, region, chain or topic ids, department ids), check every\n\
         # REVIEW, then run `plansite check`.",
        draft.goals.len()
    );
    let _ = writeln!(
        out,
        "# The plan's title is its source record's (seeds/{plan_id}.yaml): {}",
        quote(&draft.title)
    );
    let region = draft.region.as_deref().unwrap_or("fill-in");
    let _ = writeln!(out, "issuer: fill-in\nregion: {region}");
    let _ = writeln!(out, "record: {plan_id}");
    match draft.period {
        Some((start, end)) => {
            let _ = writeln!(out, "horizon: {{start: {start}, end: {end}}}");
        }
        None => out.push_str("horizon: {start: 0, end: 0}  # REVIEW: the text gives no period\n"),
    }
    out.push_str("targets:\n");
    for (n, goal) in draft.goals.iter().enumerate() {
        write_goal(&mut out, n + 1, goal);
    }
    out
}

fn write_goal(out: &mut String, n: usize, g: &Goal) {
    let span = comment(&g.span.chars().take(120).collect::<String>());
    let _ = writeln!(
        out,
        "\n  # line {}, confidence {:.2}: {span}",
        g.line, g.confidence
    );
    if g.confidence < REVIEW_BELOW || !g.doubts.is_empty() {
        let tag = if g.confidence < REVIEW_BELOW {
            "REVIEW"
        } else {
            "check"
        };
        let _ = writeln!(out, "  # {tag}: {}", g.doubts.join("; "));
    }
    if !g.lead.is_empty() {
        let _ = writeln!(
            out,
            "  # lead departments named in the text: {}",
            comment(&g.lead.join("、"))
        );
    }
    if !g.responsible.is_empty() {
        let _ = writeln!(
            out,
            "  # responsible departments named in the text: {}",
            comment(&g.responsible.join("、"))
        );
    }
    let _ = writeln!(out, "  - id: goal-{n:02}");
    let name = if g.subject.is_empty() {
        &*g.span
    } else {
        g.subject.as_str()
    };
    let _ = writeln!(out, "    name: {{zh: {}, en: \"\"}}", quote(name));
    match (&g.chain, &g.topic) {
        (Some(chain), _) => {
            let _ = writeln!(out, "    chain: {chain}");
        }
        (None, Some(topic)) => {
            let _ = writeln!(out, "    topic: {topic}");
        }
        (None, None) => out.push_str("    topic: fill-in\n"),
    }
    let _ = writeln!(out, "    metric: {}", g.metric.key());
    let _ = writeln!(out, "    unit: {}", g.unit.key());
    let _ = writeln!(out, "    year: {}", g.year.unwrap_or(0));
    if let Some(each) = g.each {
        let _ = writeln!(out, "    each: {}", each.key());
    }
    let _ = writeln!(out, "    value: {}", value_yaml(&g.value));
    if let Some(also) = &g.also {
        let _ = writeln!(out, "    also: {}", value_yaml(also));
    }
    // Doublings and rises carry their baseline year (the year before the plan's
    // period when the text names none).
    if let Some(year) = g.baseline_year {
        let _ = writeln!(out, "    baseline: {{year: {year}}}");
    }
    write_breakdown(out, g);
    let _ = writeln!(out, "    responsible: [{}]", g.responsible_ids.join(", "));
    if !g.lead_ids.is_empty() {
        let _ = writeln!(out, "    lead: [{}]", g.lead_ids.join(", "));
    }
    let clause = if g.clause.is_empty() {
        "fill-in"
    } else {
        &g.clause
    };
    let _ = writeln!(out, "    source: {{clause: {}}}", quote(clause));
}

/// The parts named with 其中, as a breakdown: a partition when they add up to the
/// total, otherwise parts "of which".
fn write_breakdown(out: &mut String, g: &Goal) {
    if g.parts.is_empty() {
        return;
    }
    let sum: f64 = g.parts.iter().map(|p| p.value).sum();
    let kind = match g.value.total() {
        Some(t) if (sum - t).abs() < 0.01 => "partition",
        _ => "of_which",
    };
    let _ = writeln!(out, "    breakdown:\n      kind: {kind}\n      parts:");
    for p in &g.parts {
        let _ = writeln!(
            out,
            "        - {{segment: {{zh: {}, en: \"\"}}, value: {}}}",
            quote(&p.name),
            plain(p.value, 6)
        );
    }
}

/// A draft `seeds/` record: the document's clause outline, for the editor to complete
/// with the document's facts and clause titles in their own words.
pub fn draft_record(draft: &Draft) -> String {
    let mut out = String::from(
        "# yaml-language-server: $schema=../schemas/record.schema.json\n\
         # Draft record made by `plansite extract`. Complete the facts, and give each clause\n\
         # a short title in your own words (the text's heading is shown beside it).\n",
    );
    let _ = writeln!(out, "title: {{zh: {}, en: \"\"}}", quote(&draft.title));
    out.push_str("issuer: {zh: \"\", en: \"\"}\nissued: \"\"  # YYYY-MM-DD\nclauses:\n");
    for (id, heading) in &draft.clauses {
        let _ = writeln!(
            out,
            "  - id: {}  # the text: {}",
            quote(id),
            comment(heading)
        );
        out.push_str("    title: {zh: \"\", en: \"\"}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::RawPlan;
    use crate::yaml::SourceFile;

    /// Regression (found by the property test): YAML breaks lines at U+2028, so a
    /// span holding one broke out of its comment.
    #[test]
    fn unicode_line_separators_stay_inside_comments_and_strings() {
        let draft = super::super::extract("示范市2025年工作要点\n收入达到\u{2028}100亿元。\n");
        let yaml = draft_yaml(&draft, "example", "plan.txt");
        assert!(!yaml.contains('\u{2028}'), "{yaml}");
        assert!(
            serde_yaml::from_str::<serde_yaml::Value>(&yaml).is_ok(),
            "{yaml}"
        );
        assert_eq!(quote("a\u{2028}b"), "\"a\\u2028b\"");
    }

    #[test]
    fn the_draft_is_valid_yaml_for_the_content_model() {
        let text = "示范市工业倍增工作要点(2024—2026年)\n一、目标\n1.确保电子信息产业集群产值突破900亿元，力争达到1100亿元。〔责任单位：市科技局〕\n2.推动3-5家企业上市，营业收入比2023年提高15%。\n3.力争三年内实现工业投资翻番。\n";
        let draft = super::super::extract(text);
        let yaml = draft_yaml(&draft, "example", "plan.txt");
        let plan: RawPlan = SourceFile::from_text("plan.yaml", &yaml)
            .parse()
            .unwrap_or_else(|e| panic!("{}\n{yaml}", e.render(false)));
        assert_eq!(plan.targets.len(), 4, "{yaml}");
        assert!(yaml.contains("# responsible departments named in the text: 市科技局"));
        assert!(yaml.contains("chain: electronic-information"));
        assert!(yaml.contains("{tiers: {floor: {exceed: 900, qualifier: ensure}, stretch: {reach: 1100, qualifier: strive}}}"));
        assert!(yaml.contains("source: {clause: \"一1\"}"));
        let record = draft_record(&draft);
        assert!(record.contains("id: \"一1\""));
    }
}
