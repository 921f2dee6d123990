//! The one list of UI-string keys a build needs: those the generator's code looks up
//! (listed here, beside the helpers that make keys from enums) and those the templates
//! use (`t.<key>`). The theme's and a site's language files are checked against it when
//! the theme loads ([`required_with`]), so a key used anywhere but missing in a
//! language is a build error naming the key and the file, never an empty label; a test
//! fails when the code looks up a literal key that is not listed.

use std::collections::{BTreeMap, BTreeSet};

use super::data::COLUMNS;
use crate::content::{MeasureUnit, Metric, RecordField, TargetField, UnitKind, ValidityStatus};
use crate::derive::progress::Status;

/// What a search result is; the search index lists the kinds' labels in this order, and
/// the search script reads them by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKind {
    Plan,
    Chain,
    Target,
    Topic,
    Region,
    Unit,
}

impl SearchKind {
    pub const ALL: [SearchKind; 6] = [
        SearchKind::Plan,
        SearchKind::Chain,
        SearchKind::Target,
        SearchKind::Topic,
        SearchKind::Region,
        SearchKind::Unit,
    ];

    /// The kind as the search index and script name it.
    pub fn code(self) -> &'static str {
        match self {
            SearchKind::Plan => "plan",
            SearchKind::Chain => "chain",
            SearchKind::Target => "target",
            SearchKind::Topic => "topic",
            SearchKind::Region => "region",
            SearchKind::Unit => "unit",
        }
    }
}

/// A word or sentence the charts (`charts/`) show: legend, titles, table and CSV
/// heads, and two sentences with placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartWord {
    // What a column or bar stands for, in the legend and the table.
    Target,
    Baseline,
    Actual,
    OtherMeasure,
    Stretch,
    TopOfRange,
    Path,
    // What a chart is about, after the name in its title.
    TitleBreakdown,
    TitleOverview,
    TitleComparison,
    // The data table's columns.
    ColYear,
    ColSeries,
    ColFigure,
    ColMeasure,
    ColItem,
    ColDetails,
    ColPart,
    // The CSV's columns.
    CsvYear,
    CsvSeries,
    CsvValue,
    CsvUpper,
    CsvUnit,
    CsvMeasure,
    CsvItem,
    CsvDetails,
    // Sentences with placeholders.
    /// `{title}`: the data table's caption.
    TableCaption,
    /// `{from}`, `{to}`, `{rate}`: the growth a year the path to the target needs.
    PathSentence,
    /// `{from}`, `{to}`, `{rate}`: the fall a year the path to the target needs.
    PathSentenceFall,
    // Chart frames, time and panels.
    Implied,
    /// A level worked out from the baseline and a doubling or a rise.
    Worked,
    /// `{rule}`: the note under a chart with a worked-out level.
    WorkedNote,
    /// Under an overview or comparison with worked-out levels among its bars.
    WorkedBarsNote,
    ImpliedPath,
    PathRate,
    /// `{rate}`: the fall a year a falling path needs.
    PathFall,
    /// `{rate}`: the percentage points a year a share's path needs, up and down.
    PathPoints,
    PathPointsFall,
    PathSentencePoints,
    PathSentencePointsFall,
    LatestActual,
    OtherPanel,
    /// `{metric}`, `{unit}`: the panel of outcomes as levels beside a growth-rate target.
    LevelsPanel,
    TargetEach,
    /// `{figure}`, `{word}`, `{stretch}`: a floor with its stretch figure.
    FigureStretch,
    EachYear,
    EachQuarter,
    EachMonth,
    Subtitle,
    Source,
    SourcePlans,
    OutcomeSource,
    InferredNote,
    ImpliedNote,
    PanelHeading,
    PanelHeadingCounted,
    ByMeasure,
    ColOutcome,
    CsvQualifier,
    CsvComparator,
    CsvSource,
    CsvOutcome,
    CsvOutcomeYear,
    TargetValue,
    TargetPeriod,
    Document,
}

impl ChartWord {
    pub const ALL: [ChartWord; 65] = [
        ChartWord::Target,
        ChartWord::Baseline,
        ChartWord::Actual,
        ChartWord::OtherMeasure,
        ChartWord::Stretch,
        ChartWord::TopOfRange,
        ChartWord::Path,
        ChartWord::TitleBreakdown,
        ChartWord::TitleOverview,
        ChartWord::TitleComparison,
        ChartWord::ColYear,
        ChartWord::ColSeries,
        ChartWord::ColFigure,
        ChartWord::ColMeasure,
        ChartWord::ColItem,
        ChartWord::ColDetails,
        ChartWord::ColPart,
        ChartWord::CsvYear,
        ChartWord::CsvSeries,
        ChartWord::CsvValue,
        ChartWord::CsvUpper,
        ChartWord::CsvUnit,
        ChartWord::CsvMeasure,
        ChartWord::CsvItem,
        ChartWord::CsvDetails,
        ChartWord::TableCaption,
        ChartWord::PathSentence,
        ChartWord::PathSentenceFall,
        ChartWord::Implied,
        ChartWord::Worked,
        ChartWord::WorkedNote,
        ChartWord::WorkedBarsNote,
        ChartWord::ImpliedPath,
        ChartWord::PathRate,
        ChartWord::PathFall,
        ChartWord::PathPoints,
        ChartWord::PathPointsFall,
        ChartWord::PathSentencePoints,
        ChartWord::PathSentencePointsFall,
        ChartWord::LatestActual,
        ChartWord::OtherPanel,
        ChartWord::LevelsPanel,
        ChartWord::TargetEach,
        ChartWord::FigureStretch,
        ChartWord::EachYear,
        ChartWord::EachQuarter,
        ChartWord::EachMonth,
        ChartWord::Subtitle,
        ChartWord::Source,
        ChartWord::SourcePlans,
        ChartWord::OutcomeSource,
        ChartWord::InferredNote,
        ChartWord::ImpliedNote,
        ChartWord::PanelHeading,
        ChartWord::PanelHeadingCounted,
        ChartWord::ByMeasure,
        ChartWord::ColOutcome,
        ChartWord::CsvQualifier,
        ChartWord::CsvComparator,
        ChartWord::CsvSource,
        ChartWord::CsvOutcome,
        ChartWord::CsvOutcomeYear,
        ChartWord::TargetValue,
        ChartWord::TargetPeriod,
        ChartWord::Document,
    ];

    /// The key of the word in the language files.
    pub const fn key(self) -> &'static str {
        match self {
            ChartWord::Target => "chart_target",
            ChartWord::Baseline => "chart_baseline",
            ChartWord::Actual => "chart_actual",
            ChartWord::OtherMeasure => "chart_other_measure",
            ChartWord::Stretch => "chart_stretch",
            ChartWord::TopOfRange => "chart_top_of_range",
            ChartWord::Path => "chart_path",
            ChartWord::TitleBreakdown => "chart_title_breakdown",
            ChartWord::TitleOverview => "chart_title_overview",
            ChartWord::TitleComparison => "chart_title_comparison",
            ChartWord::ColYear => "chart_col_year",
            ChartWord::ColSeries => "chart_col_series",
            ChartWord::ColFigure => "chart_col_figure",
            ChartWord::ColMeasure => "chart_col_measure",
            ChartWord::ColItem => "chart_col_item",
            ChartWord::ColDetails => "chart_col_details",
            ChartWord::ColPart => "chart_col_part",
            ChartWord::CsvYear => "chart_csv_year",
            ChartWord::CsvSeries => "chart_csv_series",
            ChartWord::CsvValue => "chart_csv_value",
            ChartWord::CsvUpper => "chart_csv_upper",
            ChartWord::CsvUnit => "chart_csv_unit",
            ChartWord::CsvMeasure => "chart_csv_measure",
            ChartWord::CsvItem => "chart_csv_item",
            ChartWord::CsvDetails => "chart_csv_details",
            ChartWord::TableCaption => "chart_table_caption",
            ChartWord::PathSentence => "chart_path_sentence",
            ChartWord::PathSentenceFall => "chart_path_sentence_fall",
            ChartWord::Implied => "chart_implied",
            ChartWord::Worked => "chart_worked",
            ChartWord::WorkedNote => "chart_worked_note",
            ChartWord::WorkedBarsNote => "chart_worked_bars_note",
            ChartWord::ImpliedPath => "chart_implied_path",
            ChartWord::PathRate => "chart_path_rate",
            ChartWord::PathFall => "chart_path_fall",
            ChartWord::PathPoints => "chart_path_points",
            ChartWord::PathPointsFall => "chart_path_points_fall",
            ChartWord::PathSentencePoints => "chart_path_sentence_points",
            ChartWord::PathSentencePointsFall => "chart_path_sentence_points_fall",
            ChartWord::LatestActual => "chart_latest_actual",
            ChartWord::OtherPanel => "chart_other_panel",
            ChartWord::LevelsPanel => "chart_levels_panel",
            ChartWord::TargetEach => "chart_target_each",
            ChartWord::FigureStretch => "chart_figure_stretch",
            ChartWord::EachYear => "chart_each_year",
            ChartWord::EachQuarter => "chart_each_quarter",
            ChartWord::EachMonth => "chart_each_month",
            ChartWord::Subtitle => "chart_subtitle",
            ChartWord::Source => "chart_source",
            ChartWord::SourcePlans => "chart_source_plans",
            ChartWord::OutcomeSource => "chart_outcome_source",
            ChartWord::InferredNote => "chart_inferred_note",
            ChartWord::ImpliedNote => "chart_implied_note",
            ChartWord::PanelHeading => "chart_panel_heading",
            ChartWord::PanelHeadingCounted => "chart_panel_heading_counted",
            ChartWord::ByMeasure => "chart_by_measure",
            ChartWord::ColOutcome => "chart_col_outcome",
            ChartWord::CsvQualifier => "chart_csv_qualifier",
            ChartWord::CsvComparator => "chart_csv_comparator",
            ChartWord::CsvSource => "chart_csv_source",
            ChartWord::CsvOutcome => "chart_csv_outcome",
            ChartWord::CsvOutcomeYear => "chart_csv_outcome_year",
            ChartWord::TargetValue => "chart_target_value",
            ChartWord::TargetPeriod => "chart_target_period",
            ChartWord::Document => "chart_document",
        }
    }
}

/// The UI strings the charts look up: every [`ChartWord`]'s key.
pub const CHART_KEYS: &[&str] = &chart_keys();

const fn chart_keys() -> [&'static str; ChartWord::ALL.len()] {
    let mut keys = [""; ChartWord::ALL.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = ChartWord::ALL[i].key();
        i += 1;
    }
    keys
}

/// The label of a metric.
pub fn metric(m: Metric) -> String {
    format!("metric_{}", m.key())
}

/// What a unit of things counts, as a heading names it (产业, industries): the key of
/// each count unit.
pub fn counted(u: MeasureUnit) -> String {
    format!("counted_{}", u.key())
}

/// The label of a kind of search result.
pub fn search_kind(k: SearchKind) -> String {
    format!("search_kind_{}", k.code())
}

/// Every key the build needs, sorted: those the code looks up ([`required`]) and those
/// the templates use.
pub fn required_with(templates: &BTreeMap<String, String>) -> Vec<String> {
    let mut keys: BTreeSet<String> = required().into_iter().collect();
    for text in templates.values() {
        keys.extend(template_keys(text));
    }
    keys.into_iter().collect()
}

/// The keys a template reads as `t.<key>`.
fn template_keys(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("t.").filter_map(|(i, _)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        let key: String = text[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (!key.is_empty()).then_some(key)
    })
}

/// The UI strings the views (`views.rs`) look up by name.
pub const VIEW_KEYS: &[&str] = &[
    "labelled_form",
    "sentence_pair",
    "paren_open",
    "paren_close",
    "comma",
    "chart_none",
    "chart_none_rank",
    "reason_gap_widened",
    "assess_annual",
    "assess_count",
    "assess_growth",
    "assess_level",
    "assess_ranking",
    "assess_range",
    "assess_share",
    "baseline_with_value",
    "baseline_year_only",
    "citation_long_form",
    "citation_long_part_form",
    "citation_number",
    "citation_part_form",
    "citation_retrieved",
    "citation_short_form",
    "date_day",
    "date_month",
    "disclosure_document_number",
    "disclosure_index_number",
    "disclosure_issued",
    "disclosure_issuer",
    "disclosure_published_on",
    "disclosure_subjects",
    "disclosure_validity",
    "inferred_badge",
    "list_separator",
    "month_1",
    "month_2",
    "month_3",
    "month_4",
    "month_5",
    "month_6",
    "month_7",
    "month_8",
    "month_9",
    "month_10",
    "month_11",
    "month_12",
    "reason_gap",
    "reason_met",
    "reason_met_year",
    "reason_missed",
    "reason_missed_year",
    "reason_not_yet_ranked",
    "reason_no_baseline",
    "reason_no_figure",
    "reason_no_final",
    "reason_no_outcome",
    "reason_not_computable",
    "reason_other_measure",
    "reason_ratio",
    "status_expired",
    "status_in_force",
    "status_not_yet_issued",
    "tiers_floor_met",
    "tiers_floor_missed",
    "tiers_stretch_met",
    "tiers_stretch_missed",
    "validity_from_to",
    "validity_replaced_by",
    "validity_since",
    "validity_until",
    "validity_with_dates",
    "year_label",
];

/// The UI strings the page builders (`pages/`) look up by name.
pub const PAGE_KEYS: &[&str] = &[
    "col_plan",
    "col_region",
    "col_subject",
    "col_year",
    "data_description",
    "facts_aliases",
    "facts_assignments",
    "facts_part_of",
    "facts_plans",
    "facts_region_own",
    "facts_region_shares",
    "facts_region_within",
    "facts_region_shares_within",
    "facts_region_bodies",
    "listing_region_bodies",
    "listing_region_bodies_note",
    "listing_region_shares_within_note",
    "listing_regions_quiet",
    "facts_targets",
    "intro_chains",
    "intro_regions",
    "intro_topics",
    "intro_units",
    "intro_years",
    "kind_chain",
    "kind_region",
    "kind_topic",
    "kind_unit",
    "kind_year",
    "language_self_name",
    "listing_chain_targets",
    "listing_region_parts",
    "listing_region_plans",
    "listing_region_shares_note",
    "listing_region_targets",
    "listing_subregions_quiet",
    "listing_topic_targets",
    "listing_unit_lead",
    "listing_unit_plans",
    "listing_unit_responsible",
    "listing_year_plans",
    "listing_year_targets",
    "method_date",
    "nav_chains",
    "nav_data",
    "nav_home",
    "nav_plans",
    "nav_progress",
    "nav_regions",
    "nav_search",
    "nav_targets",
    "nav_topics",
    "nav_units",
    "nav_years",
    "not_found_text",
    "not_found_title",
    "count_targets_one",
    "count_targets_other",
    "plans_description",
    "progress_description",
    "progress_status",
    "search_description",
    "target_description",
    "target_region",
    "targets_description",
    "targets_lead",
    "units_no_region",
];

/// Every key the code looks up: the views', page builders' and charts' lists, metric
/// labels, the open-data columns' documentation ([`super::data::Column::doc_key`]) and
/// the search result kinds.
pub fn required() -> Vec<String> {
    let metrics = Metric::ALL.into_iter().map(metric);
    let counted = MeasureUnit::ALL
        .into_iter()
        .filter(|u| u.kind() == UnitKind::Count)
        .map(counted);
    let columns = COLUMNS.iter().map(|c| c.doc_key());
    let kinds = SearchKind::ALL.into_iter().map(search_kind);
    let named = VIEW_KEYS
        .iter()
        .chain(PAGE_KEYS)
        .chain(CHART_KEYS)
        .map(|k| k.to_string());
    let statuses = Status::ALL.iter().map(|s| format!("progress_{}", s.key()));
    let fields = TargetField::ALL
        .iter()
        .map(|f| f.key())
        .chain(RecordField::ALL.iter().map(|f| f.key()))
        .map(|k| format!("field_{k}"));
    let validity = ValidityStatus::ALL
        .iter()
        .map(|v| format!("validity_{}", v.key()));
    named
        .chain(metrics)
        .chain(counted)
        .chain(statuses)
        .chain(fields)
        .chain(validity)
        .chain(columns)
        .chain(kinds)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_looked_up_key_is_required_once() {
        let keys = required();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "a key is listed twice");
        for want in [
            "metric_output",
            "data_column_plan_id",
            "search_kind_unit",
            "chart_path_sentence",
            "counted_clusters",
        ] {
            assert!(keys.iter().any(|k| k == want), "{want} missing");
        }
        assert_eq!(
            keys.len(),
            VIEW_KEYS.len()
                + PAGE_KEYS.len()
                + CHART_KEYS.len()
                + Metric::ALL.len()
                + MeasureUnit::ALL
                    .iter()
                    .filter(|u| u.kind() == UnitKind::Count)
                    .count()
                + Status::ALL.len()
                + TargetField::ALL.len()
                + RecordField::ALL.len()
                + ValidityStatus::ALL.len()
                + COLUMNS.len()
                + SearchKind::ALL.len()
        );
    }

    #[test]
    fn chart_words_have_keys_of_their_own() {
        assert!(CHART_KEYS.iter().all(|k| k.starts_with("chart_")));
        assert_eq!(CHART_KEYS.len(), ChartWord::ALL.len());
        assert_eq!(ChartWord::PathSentence.key(), "chart_path_sentence");
    }

    #[test]
    fn template_keys_are_read_from_t_dot_key_only() {
        let keys: Vec<String> =
            template_keys("{{ t.nav_home }} {{ site.t.x }} {{ t.col_year ~ page.t }} it.y")
                .collect();
        assert_eq!(keys, ["nav_home", "col_year"]);
    }

    #[test]
    fn every_literal_key_in_the_code_is_in_the_list() {
        // The code looks strings up as `t("key")`; each such key must be listed, or a
        // theme lacking it would show an empty label without a build error.
        let listed: BTreeSet<String> = required().into_iter().collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for (i, _) in text.match_indices(".t(\"") {
                let rest = &text[i + 4..];
                let key: String = rest.chars().take_while(|c| *c != '"').collect();
                let is_key = key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if is_key && !key.is_empty() && !listed.contains(&key) {
                    missing.push(format!("{}: {key}", entry.path().display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys looked up but not listed: {missing:#?}"
        );
    }
}
