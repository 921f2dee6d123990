//! `plansite sheet export|import`: every bundled plan survives the round trip with its
//! open data byte for byte, and a workbook's mistakes are reported at their cells.

use std::path::Path;

use crate::util::{TestSite, read_tree};

const PLAN: &str = "content/plans/example-2025/plan.yaml";

fn bundled() -> tempfile::TempDir {
    crate::util::bundled_copy()
}

fn plansite(root: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn build(root: &Path, out: &Path) -> std::collections::BTreeMap<String, String> {
    let o = plansite(root, &["build", "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read_tree(out)
}

#[test]
fn every_bundled_plan_survives_export_and_import_with_its_open_data_unchanged() {
    let site = bundled();
    let out = tempfile::tempdir().unwrap();
    let before = build(site.path(), &out.path().join("a"));
    let plans: Vec<String> = std::fs::read_dir(site.path().join("content/plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(plans.len() >= 5);
    for plan in &plans {
        let book = out.path().join(format!("{plan}.xlsx"));
        let e = plansite(
            site.path(),
            &["sheet", "export", plan, "--output", book.to_str().unwrap()],
        );
        assert!(
            e.status.success(),
            "{plan}: {}",
            String::from_utf8_lossy(&e.stderr)
        );
        let again = out.path().join(format!("{plan}-again.xlsx"));
        plansite(
            site.path(),
            &["sheet", "export", plan, "--output", again.to_str().unwrap()],
        );
        assert_eq!(
            std::fs::read(&book).unwrap(),
            std::fs::read(&again).unwrap(),
            "{plan}: export is not byte-identical"
        );
        let i = plansite(
            site.path(),
            &["sheet", "import", book.to_str().unwrap(), "--plan", plan],
        );
        assert!(
            i.status.success(),
            "{plan}: {}",
            String::from_utf8_lossy(&i.stderr)
        );
        let yaml = std::fs::read_to_string(
            site.path()
                .join("content/plans")
                .join(plan)
                .join("plan.yaml"),
        )
        .unwrap();
        assert!(
            yaml.starts_with("# yaml-language-server: $schema="),
            "{plan}"
        );
    }
    let after = build(site.path(), &out.path().join("b"));
    let data = |tree: &std::collections::BTreeMap<String, String>| {
        tree.iter()
            .filter(|(k, _)| k.starts_with("data/"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    assert!(!data(&before).is_empty());
    assert_eq!(
        data(&before),
        data(&after),
        "the open data changed in the round trip"
    );
    assert_eq!(before, after, "a page changed in the round trip");
}

/// The starter's targets as a CSV, with one cell replaced.
fn csv_with(site: &TestSite, from: &str, to: &str) -> std::path::PathBuf {
    let book = site.path("t.xlsx");
    let e = plansite(
        site.root(),
        &[
            "sheet",
            "export",
            "example-2025",
            "--output",
            book.to_str().unwrap(),
        ],
    );
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    let header = "编号 id,名称（中文） name.zh,名称（英文） name.en,产业链 chain,指标 metric,单位 unit,目标年 year,目标值 value,条款 source.clause\n";
    let rows = "electronics-revenue,电子信息产业营业收入,Electronic information industry revenue,electronic-information,revenue,yi-yuan,2025,{exceed: 1000},二\n";
    let text = format!("{header}{rows}").replacen(from, to, 1);
    let path = site.path("targets.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn import_fails_at(site: &TestSite, input: &Path, cell: &str, message: &str) {
    let before = site.read(PLAN);
    let o = plansite(
        site.root(),
        &[
            "sheet",
            "import",
            input.to_str().unwrap(),
            "--plan",
            "example-2025",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{cell}: ")), "no {cell} in: {err}");
    assert!(err.contains(message), "no {message:?} in: {err}");
    assert!(!err.contains("Raw") && !err.contains("f64"), "{err}");
    assert_eq!(
        site.read(PLAN),
        before,
        "plan.yaml changed after a failed import"
    );
}

#[test]
fn a_csv_of_targets_replaces_the_targets_and_keeps_the_plans_fields() {
    let site = TestSite::starter();
    let csv = csv_with(&site, "", "");
    let o = plansite(
        site.root(),
        &[
            "sheet",
            "import",
            csv.to_str().unwrap(),
            "--plan",
            "example-2025",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let yaml = site.read(PLAN);
    assert!(
        yaml.contains("horizon:") && yaml.contains("record: example-2025"),
        "{yaml}"
    );
    assert!(
        yaml.contains("exceed: 1000") && !yaml.contains("new-high-tech-firms"),
        "{yaml}"
    );
    site.build_ok();
}

#[test]
fn mistakes_in_a_workbook_are_reported_at_their_cells() {
    let site = TestSite::starter();
    let csv = csv_with(&site, "目标年 year", "目标年份 the year");
    import_fails_at(
        &site,
        &csv,
        "目标!G1",
        "the column `目标年份 the year` is not one plansite reads",
    );
    let csv = csv_with(&site, ",2025,", ",twenty,");
    import_fails_at(&site, &csv, "目标!G2", "expected a whole number");
    let csv = csv_with(&site, "{exceed: 1000}", "{exceed: 1000亿元}");
    import_fails_at(&site, &csv, "目标!H2", "expected a number");
    let csv = csv_with(&site, ",revenue,", ",sales,");
    import_fails_at(&site, &csv, "目标!E2", "unknown variant `sales`");
    // Found only once the plan is in the site: an unknown chain.
    let csv = csv_with(&site, ",electronic-information,", ",electronics,");
    import_fails_at(&site, &csv, "目标!D2", "unknown chain `electronics`");
    // A clause the record does not have.
    let csv = csv_with(&site, ",二\n", ",九\n");
    import_fails_at(&site, &csv, "目标!I2", "九");
}

#[test]
fn a_breakdown_part_of_no_target_is_reported_on_its_sheet() {
    let site = TestSite::starter();
    let book = site.path("bad.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let targets = workbook.add_worksheet();
    targets.set_name("目标").unwrap();
    for (c, h) in [
        "编号 id",
        "名称（中文） name.zh",
        "名称（英文） name.en",
        "产业链 chain",
        "指标 metric",
        "单位 unit",
        "目标年 year",
        "目标值 value",
        "条款 source.clause",
    ]
    .iter()
    .enumerate()
    {
        targets.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "t1",
        "甲",
        "A",
        "electronic-information",
        "output",
        "yi-yuan",
    ]
    .iter()
    .enumerate()
    {
        targets.write_string(1, c as u16, *v).unwrap();
    }
    targets.write_number(1, 6, 2025.0).unwrap();
    targets.write_number(1, 7, 100.0).unwrap();
    targets.write_string(1, 8, "二").unwrap();
    let parts = workbook.add_worksheet();
    parts.set_name("分解").unwrap();
    parts.write_string(0, 0, "目标编号 target").unwrap();
    parts.write_string(0, 1, "地区 region").unwrap();
    parts.write_string(0, 2, "数值 value").unwrap();
    parts.write_string(1, 0, "t2").unwrap();
    parts.write_string(1, 1, "example-city").unwrap();
    parts.write_number(1, 2, 100.0).unwrap();
    workbook.save(&book).unwrap();
    import_fails_at(&site, &book, "分解!A2", "no target `t2`");
}

/// A cell of a generated CSV: headers, ids, figures, YAML fragments, quotes and noise.
fn csv_cell() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just("编号 id".to_string()),
        Just("目标值 value".to_string()),
        Just("目标年 year".to_string()),
        Just("产业链 chain".to_string()),
        Just("electronic-information".to_string()),
        Just("2025".to_string()),
        Just("{exceed: 1000".to_string()),
        Just("{tiers: {floor: 1}}".to_string()),
        Just("double".to_string()),
        Just("a; b；c、".to_string()),
        Just("\"".to_string()),
        Just(String::new()),
        "[a-z0-9{}:,\\[\\] -]{0,10}",
        "\\PC{0,6}",
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 160, ..Default::default() })]

    /// Whatever a CSV holds, import ends in a written plan that loads or in errors at
    /// cells with plan.yaml untouched; it never panics.
    #[test]
    fn importing_any_csv_never_panics_and_fails_cleanly(
        rows in proptest::collection::vec(proptest::collection::vec(csv_cell(), 0..6), 0..5)
    ) {
        let site = TestSite::starter();
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_path(site.path("t.csv"))
            .unwrap();
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        writer.flush().unwrap();
        let before = site.read(PLAN);
        let result = plansite::sheet::import(site.root(), &site.path("t.csv"), "example-2025");
        match result {
            Ok(_) => {
                let loaded = plansite::content::load(site.root());
                proptest::prop_assert!(!loaded.diagnostics.has_errors());
            }
            Err(errors) => {
                proptest::prop_assert!(errors.has_errors());
                proptest::prop_assert_eq!(site.read(PLAN), before);
            }
        }
    }
}
