//! The UI-string keys the generator's own code looks up (templates name theirs in the
//! template). They are made here and nowhere else: the theme check
//! ([`super::ui_keys::required`]) gathers them from [`required`], and the code that
//! shows a label asks here for its key, so the two cannot drift apart.

use super::data::COLUMNS;
use crate::content::Metric;

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

/// The label of a metric.
pub fn metric(m: Metric) -> String {
    format!("metric_{}", m.key())
}

/// The label of a kind of search result.
pub fn search_kind(k: SearchKind) -> String {
    format!("search_kind_{}", k.code())
}

/// Every key the code looks up: metric labels, the open-data columns' documentation
/// ([`super::data::Column::doc_key`]) and the search result kinds.
pub fn required() -> Vec<String> {
    let metrics = Metric::ALL.into_iter().map(metric);
    let columns = COLUMNS.iter().map(|c| c.doc_key());
    let kinds = SearchKind::ALL.into_iter().map(search_kind);
    metrics.chain(columns).chain(kinds).collect()
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
        for want in ["metric_output", "data_column_plan_id", "search_kind_unit"] {
            assert!(keys.iter().any(|k| k == want), "{want} missing");
        }
        assert_eq!(
            keys.len(),
            Metric::ALL.len() + COLUMNS.len() + SearchKind::ALL.len()
        );
    }
}
