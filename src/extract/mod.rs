//! `plansite extract`: a draft `plan.yaml` from a plan's plain text.
//!
//! Bureaus receive plans as text; this finds every quantified goal in it (a figure
//! with a unit, a range, two tiers, a doubling, a rise over a baseline), with the
//! clause it sits in, the year it is due, and the departments named responsible, and writes
//! them as targets of the content model. It never invents: each target carries, as a
//! comment, the line it came from and a confidence, and whatever the text does not
//! say (English names, registry ids) is left for an editor to fill in, so the draft
//! passes `plansite check` once they are.
//!
//! The stages: [`text`] normalises the text and finds clauses, years and
//! responsibility blocks; [`quantity`] reads figures and units; [`goals`] reads the
//! sentences of a clause into goals ([`model`]), with [`figures`] picking the figures
//! that state goals, [`subject`] naming them, [`measure`] reading their metric and
//! comparator, [`due`] their year, and [`forms`] the goals stated without a figure
//! (doublings, firsts); [`table`] reads tables whose cells stand on lines of their
//! own; [`draft`] writes the YAML.

mod degree;
mod draft;
mod due;
mod figures;
mod forms;
mod goals;
pub mod input;
mod measure;
mod model;
mod parts;
mod quantity;
mod registry;
mod subject;
mod table;
mod text;

pub use draft::{Draft, REVIEW_BELOW, draft_record, draft_yaml};
pub use model::{Goal, GoalPart};
pub use registry::{Proposals, proposals_yaml};

/// Extracts every quantified goal of `source` (a plan's text).
pub fn extract(source: &str) -> Draft {
    let doc = text::Document::parse(source);
    let mut goals = goals::find(&doc);
    for row in table::find(&doc) {
        attach_or_add(&mut goals, row);
    }
    goals.sort_by_key(|g| g.line);
    Draft {
        title: doc.title.clone(),
        period: doc.period,
        clauses: doc.clauses.clone(),
        goals,
        region: None,
    }
}

/// Matches the draft's names to a site's registries (see [`registry`]): chains,
/// topics, departments and the plan's region become ids; what matches nothing is
/// returned for the editor.
pub fn match_registries(draft: &mut Draft, registries: &crate::content::Registries) -> Proposals {
    let names = registry::SiteNames::new(registries);
    let (region, proposals) = names.resolve(&mut draft.goals, &draft.title);
    draft.region = region;
    proposals
}

/// A row of a decomposition table: when the text states the same goal (the same unit
/// and total, no parts yet), the row's parts become that goal's breakdown; otherwise
/// the row is a goal of its own. A plan's annex table repeats the goals of its text
/// and would otherwise draft each twice.
fn attach_or_add(goals: &mut Vec<Goal>, row: Goal) {
    let same = goals.iter_mut().find(|g| {
        g.unit == row.unit
            && g.parts.is_empty()
            && g.value.total().is_some()
            && g.value.total() == row.value.total()
            && shares_a_name(&g.subject, &row.subject)
    });
    match same {
        Some(goal) => goal.parts = row.parts,
        None => goals.push(row),
    }
}

/// Whether a goal's name holds the first two characters of a table row's name
/// (光电信息产业营业收入 and the row 光电信息), so a row is matched to its own goal,
/// not to another with the same total.
fn shares_a_name(goal: &str, row: &str) -> bool {
    let head = text::first_chars(row, 2);
    head.chars().count() == 2 && goal.contains(head)
}

/// A plan id made from a file name's letters and digits: `Yichun_869 plan.txt` becomes
/// `yichun-869-plan`, `赣州2021要点.txt` becomes `2021`, and `要点.txt`, with none to
/// use, becomes `plan`.
pub fn id_from_file_name(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "plan".into()
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::model::single;
    use super::*;
    use crate::content::Comparator;

    /// An annex table that repeats a goal of the text gives that goal its breakdown
    /// instead of a second target.
    #[test]
    fn a_table_row_breaks_down_the_goal_the_text_states() {
        let text = "示范市行动方案(2024—2026年)\n一、目标\n光电信息产业营业收入力争突破1000亿元。\n附件\n分解表\n序号\n产业\n2026年营业收入(亿元)\n其中\n东区\n西区\n1\n光电信息\n1000\n600\n400\n";
        let draft = extract(text);
        assert_eq!(draft.goals.len(), 1, "{:?}", draft.goals);
        let parts: Vec<f64> = draft.goals[0].parts.iter().map(|p| p.value).collect();
        assert_eq!(parts, [600.0, 400.0]);
    }

    /// Regression: a single line of 480 KB with a goal every few words took 9.5 GB,
    /// as each goal copied its whole sentence and looked back over it.
    #[test]
    fn a_long_line_of_goals_is_read_in_linear_memory() {
        let phrase = "营业收入达到100亿元，";
        let n = 500_000 / phrase.len();
        let text = format!("示范市2025年工作要点\n{}", phrase.repeat(n));
        let draft = extract(&text);
        assert_eq!(draft.goals.len(), n);
        let expected = single(Comparator::Reach, 100.0);
        assert!(draft.goals.iter().all(|g| {
            g.subject == "营业收入" && g.value == expected && g.year == Some(2025)
        }));
        // The goals of a sentence share its text, and a sentence is read in pieces.
        let texts: HashSet<*const u8> = draft.goals.iter().map(|g| g.span.as_ptr()).collect();
        assert!(texts.len() * 50 < n, "{} texts for {n} goals", texts.len());
        let longest = draft.goals.iter().map(|g| g.span.chars().count()).max();
        assert!(longest <= Some(1000), "{longest:?}");
        let yaml = draft_yaml(&draft, "long", "long.txt");
        assert!(yaml.len() < 40 * text.len(), "{} bytes", yaml.len());
    }

    /// Regression: figures with no words to name them are named by their sentence;
    /// on one long line that made the draft quadratic in the line's length (a 60 KB
    /// line gave a draft of 317 MB).
    #[test]
    fn a_long_line_of_unnamed_figures_makes_a_draft_of_linear_size() {
        let text = format!("示范市2025年工作要点\n{}", "100亿元，".repeat(5_000));
        let draft = extract(&text);
        assert_eq!(draft.goals.len(), 5_000);
        let yaml = draft_yaml(&draft, "long", "long.txt");
        assert!(yaml.len() < 300 * text.len(), "{} bytes", yaml.len());
    }

    /// Regression: a long run of spaces was quadratic to normalise.
    #[test]
    fn a_long_run_of_spaces_is_read() {
        let text = format!(
            "示范市2025年工作要点\n营业收入{}达到100亿元。",
            " ".repeat(500_000)
        );
        let draft = extract(&text);
        assert_eq!(draft.goals.len(), 1);
        assert_eq!(draft.goals[0].subject, "营业收入");
    }
}
