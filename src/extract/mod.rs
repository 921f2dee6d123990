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

mod draft;
mod due;
mod figures;
mod forms;
mod goals;
pub mod input;
mod measure;
mod model;
mod quantity;
mod subject;
mod table;
mod text;

pub use draft::{Draft, REVIEW_BELOW, draft_record, draft_yaml};
pub use model::{Goal, GoalPart};

/// Extracts every quantified goal of `source` (a plan's text).
pub fn extract(source: &str) -> Draft {
    let doc = text::Document::parse(source);
    let mut goals = goals::find(&doc);
    goals.extend(table::find(&doc));
    goals.sort_by_key(|g| g.line);
    Draft {
        title: doc.title.clone(),
        period: doc.period,
        clauses: doc.clauses.clone(),
        goals,
    }
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
