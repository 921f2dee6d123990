//! The open data: `data/targets.csv` and `data/targets.json`, every target of the site
//! in a flat and a nested form, both made from one [`TargetRecord`] per target and
//! laid out by the column table [`COLUMNS`], which also documents them on the data page.

pub mod columns;
pub mod document;
pub mod record;

pub use columns::{COLUMNS, Column};
pub use record::TargetRecord;

use super::encode::{csv_line, csv_start};
use super::links;
use crate::content::Site;
use crate::derive::{Index, TargetRef};

/// `data/targets.json` and `data/targets.csv`, made in one pass over the targets:
/// each target's record is serialized to its JSON line and its CSV row and dropped,
/// so a large site never holds every record at once.
pub struct OpenData {
    pub json: String,
    pub csv: String,
}

impl OpenData {
    pub fn new(site: &Site, index: &Index) -> OpenData {
        let count: usize = site.plans.iter().map(|p| p.targets.len()).sum();
        let mut open = OpenData::start(site, count);
        let mut first = true;
        for p in 0..site.plans.len() {
            let lines = PlanLines::new(site, index, p);
            open.push(&lines, &mut first);
        }
        open.finish();
        open
    }

    /// The files' heads: the JSON's documentation link, the CSV's byte-order mark and
    /// column header.
    fn start(site: &Site, targets: usize) -> OpenData {
        let documentation = site
            .config
            .base_url
            .join(&links::data_docs(site.config.default_language));
        // One target per line in the JSON, so the file diffs and greps well.
        let mut json = String::with_capacity(targets * 1500);
        json.push_str("{\"generator\":\"plansite\",\"documentation\":");
        json.push_str(&serde_json::to_string(&documentation).unwrap_or_default());
        json.push_str(",\"targets\":[\n");
        let mut csv = String::with_capacity(targets * 600);
        csv_start(&mut csv);
        csv_line(&mut csv, &columns::header());
        OpenData { json, csv }
    }

    fn push(&mut self, lines: &PlanLines, first: &mut bool) {
        if lines.json.is_empty() {
            return;
        }
        if !*first {
            self.json.push_str(",\n");
        }
        *first = false;
        self.json.push_str(&lines.json);
        self.csv.push_str(&lines.csv);
    }

    fn finish(&mut self) {
        self.json.push_str("\n]}\n");
    }
}

/// One plan's lines of the two files: its targets, one per line.
pub struct PlanLines {
    json: String,
    csv: String,
}

impl PlanLines {
    pub fn new(site: &Site, index: &Index, p: usize) -> PlanLines {
        let plan = crate::render::page_list::plan_at(site, p);
        let mut lines = PlanLines {
            json: String::new(),
            csv: String::new(),
        };
        for i in 0..plan.targets.len() {
            let record = TargetRecord::new(site, index, plan, TargetRef { plan: p, target: i });
            if i > 0 {
                lines.json.push_str(",\n");
            }
            lines
                .json
                .push_str(&serde_json::to_string(&record).unwrap_or_default());
            csv_line(&mut lines.csv, &columns::row(&record));
        }
        lines
    }
}

/// The open data kept between edits, for `serve`: each plan's lines, so an edit of
/// one plan writes its lines again and joins them with the others'.
pub struct LiveOpenData {
    plans: Vec<PlanLines>,
}

impl LiveOpenData {
    pub fn new(site: &Site, index: &Index) -> LiveOpenData {
        LiveOpenData {
            plans: (0..site.plans.len())
                .map(|p| PlanLines::new(site, index, p))
                .collect(),
        }
    }

    /// Plan `p` alone changed; `false` if the site's plans are not the ones kept.
    pub fn update_plan(&mut self, site: &Site, index: &Index, p: usize) -> bool {
        if self.plans.len() != site.plans.len() || p >= self.plans.len() {
            return false;
        }
        self.plans[p] = PlanLines::new(site, index, p);
        true
    }

    /// The two files, as a build writes them.
    pub fn files(&self, site: &Site) -> OpenData {
        let count = site.plans.iter().map(|p| p.targets.len()).sum();
        let mut open = OpenData::start(site, count);
        let mut first = true;
        for lines in &self.plans {
            open.push(lines, &mut first);
        }
        open.finish();
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_site::starter;

    #[test]
    fn both_files_hold_every_target_under_the_column_header() {
        let s = starter();
        let open = OpenData::new(&s.site, &s.index);
        let csv = open
            .csv
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark");
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(lines[0], names.join(","));
        assert_eq!(
            lines.len(),
            1 + 2,
            "the header and the starter's two targets"
        );
        assert!(lines[1].starts_with("example-2025,electronics-revenue,"));
        let json: serde_json::Value = serde_json::from_str(&open.json).unwrap();
        assert_eq!(
            json["documentation"],
            "https://www.example.gov.cn/plans/zh/data/"
        );
        let targets = json["targets"].as_array().unwrap();
        let ids: Vec<&str> = targets
            .iter()
            .filter_map(|t| t["target_id"].as_str())
            .collect();
        assert_eq!(ids, ["electronics-revenue", "new-high-tech-firms"]);
        assert_eq!(targets[1]["topic"]["id"], "innovation");
        assert_eq!(open.json.lines().count(), 4, "one line per target");
    }
}
