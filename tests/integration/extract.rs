//! `plansite extract` on a plan text written for these tests: every construction the
//! extractor reads, the draft's shape, and the draft passing `plansite check` once the
//! fields only an editor can know are filled in.

use crate::util::TestSite;

const PLAN: &str = include_str!("fixtures/qinglan-plan.txt");

fn draft() -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("qinglan-plan.txt");
    std::fs::write(&input, PLAN).unwrap();
    // Outside any site, so no registry is matched.
    let out = assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "extract",
            input.to_str().unwrap(),
            "--plan-id",
            "qinglan-2024",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("quantified goals"), "{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The target of the draft whose comment names `line` and whose body has `needle`.
fn target<'a>(yaml: &'a str, needle: &str) -> &'a str {
    yaml.split("\n  # line ")
        .find(|t| t.contains(needle))
        .unwrap_or_else(|| panic!("no target with {needle:?} in:\n{yaml}"))
}

#[test]
fn every_construction_becomes_a_target() {
    let yaml = draft();
    let expected = [
        // 1.3万亿元 and 5000亿元, with 其中 as a part; 3万亿元.
        ("value: {reach: 13000}", "unit: yi-yuan"),
        ("value: {reach: 30000}", "unit: yi-yuan"),
        // 确保 … 力争: two tiers, each with its modal word.
        (
            "{tiers: {floor: {exceed: 800, qualifier: ensure}, stretch: {reach: 1000, qualifier: strive}}}",
            "metric: output",
        ),
        // 全年 in a three-year plan: the first year.
        ("value: {at_least: 300}", "year: 2024"),
        ("value: {about: 7.5}", "metric: growth"),
        ("value: {at_least: 2.5}", "unit: percent"),
        // 一万户, 三个千亿级.
        ("value: {reach: 10000}", "unit: firms"),
        ("value: {reach: 3}", "unit: clusters"),
        // 力争三年内 … 翻番: the plan's last year against the year before it.
        (
            "value: {double: true, qualifier: strive}",
            "baseline: {year: 2023}",
        ),
        // 300万平方米, 以上.
        ("value: {reach: 300}", "unit: wan-m2"),
        ("value: {at_least: 85}", "unit: percent"),
        // 3-5家, 2—3个, 比2023年增加15%.
        ("value: {range: [3, 5]}", "unit: firms"),
        ("value: {range: [2, 3]}", "unit: platforms"),
        ("value: {increase_by: 15}", "baseline: {year: 2023}"),
        // 每年: a figure for every year of the plan.
        ("value: {reach: 2}", "each: year"),
        // The annex table, each cell on its own line: a row that repeats a goal of the
        // text (新能源 800) is that goal's breakdown, not a second target.
        (
            "{tiers: {floor: {exceed: 800, qualifier: ensure}",
            "{segment: {zh: \"东城园\", en: \"\"}, value: 500}",
        ),
        (
            "value: {reach: 400}",
            "{segment: {zh: \"西城园(含北区)\", en: \"\"}, value: 400}",
        ),
    ];
    for (value, also) in expected {
        let t = target(&yaml, value);
        assert!(t.contains(also), "{value}: expected {also:?} in\n{t}");
    }
    assert!(
        target(&yaml, "value: {reach: 13000}")
            .contains("{segment: {zh: \"先进制造业营业收入\", en: \"\"}, value: 5000}")
    );
    // A figure that only qualifies a noun (超50亿元项目) is no target.
    assert!(!yaml.contains("value: {exceed: 50}"), "{yaml}");
}

#[test]
fn targets_cite_their_line_clause_and_units() {
    let yaml = draft();
    let area = target(&yaml, "unit: wan-m2");
    assert!(area.starts_with("14, confidence"), "{area}");
    assert!(area.contains("source: {clause: \"二(一)1\"}"), "{area}");
    assert!(
        area.contains("# lead departments named in the text: 市工信局"),
        "{area}"
    );
    assert!(
        area.contains("# responsible departments named in the text: 各县(市、区)政府、市住建局"),
        "{area}"
    );
    let listing = target(&yaml, "value: {range: [3, 5]}");
    assert!(
        listing.contains("# responsible departments named in the text: 市金融办、市科技局"),
        "{listing}"
    );
    assert!(target(&yaml, "value: {reach: 30000}").contains("source: {clause: \"一\"}"));
    // Page furniture is not a goal and not the title.
    assert!(
        yaml.contains("title is its source record's (seeds/qinglan-2024.yaml): \"青岚市制造业倍增三年行动方案(2024—2026年)\""),
        "{yaml}"
    );
    assert!(yaml.contains("horizon: {start: 2024, end: 2026}"), "{yaml}");
    // Unsure readings say why, and the unsurest are marked for review.
    assert!(
        target(&yaml, "value: {double: true").contains("# check: a doubling"),
        "{yaml}"
    );
    let rise = target(&yaml, "value: {increase_by: 15}");
    assert!(
        rise.contains("# REVIEW:") && rise.contains("unit"),
        "{rise}"
    );
    assert!(yaml.contains(", 1 marked REVIEW."), "{yaml}");
}

#[test]
fn the_draft_passes_check_once_an_editor_fills_it_in() {
    let site = TestSite::starter();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plan.txt");
    std::fs::write(&input, PLAN).unwrap();
    let plan = site.path("content/plans/qinglan-2024/plan.yaml");
    std::fs::create_dir_all(plan.parent().unwrap()).unwrap();
    let record = site.path("seeds/qinglan-2024.yaml");
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "extract",
            input.to_str().unwrap(),
            "--plan-id",
            "qinglan-2024",
        ])
        .arg("--output")
        .arg(&plan)
        .arg("--record")
        .arg(&record)
        .assert()
        .success();
    // Unfilled, the draft fails and says where.
    site.cmd(&["check"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "content/plans/qinglan-2024/plan.yaml:",
        ));
    // What an editor adds: English names, registry ids, the record's facts.
    let filled = site
        .read("content/plans/qinglan-2024/plan.yaml")
        .replace("en: \"\"", "en: \"Filled in\"")
        .replace("issuer: fill-in", "issuer: example-government")
        .replace("region: fill-in", "region: example-city")
        .replace("topic: fill-in", "topic: innovation")
        .lines()
        .map(|l| match l.trim_start().strip_prefix("chain: ") {
            Some(_) => "    chain: electronic-information",
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("content/plans/qinglan-2024/plan.yaml", filled);
    let record_text = site
        .read("seeds/qinglan-2024.yaml")
        .replace("en: \"\"", "en: \"Filled in\"")
        .replace(
            "issuer: {zh: \"\", en: \"Filled in\"}",
            "issuer: {zh: 青岚市人民政府, en: Qinglan City Government}",
        )
        .replace("zh: \"\"", "zh: 已填写")
        .replace("issued: \"\"", "issued: 2024-03-15");
    site.write("seeds/qinglan-2024.yaml", record_text);
    site.write(
        "content/plans/qinglan-2024/index.zh.md",
        "---\nsummary: 示例。\n---\n说明。\n",
    );
    site.write(
        "content/plans/qinglan-2024/index.en.md",
        "---\nsummary: Example.\n---\nNotes.\n",
    );
    let out = site.cmd(&["check"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        site.read("content/plans/qinglan-2024/plan.yaml")
    );
}

/// `extract` on a file that is not UTF-8 text: a GBK text and a web page are read
/// (and say so); a file with no text layer is refused with a way out, exit code 1.
#[test]
fn plans_are_read_as_published() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, bytes: &[u8]| {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        assert_cmd::Command::cargo_bin("plansite")
            .unwrap()
            .current_dir(dir.path())
            .args(["extract", input.to_str().unwrap(), "--plan-id", "p"])
            .output()
            .unwrap()
    };
    let gbk = include_bytes!("fixtures/extract/qiaocheng-services-14th-fyp.gbk.txt");
    let utf8 = include_str!("fixtures/extract/qiaocheng-services-14th-fyp.txt");
    let from_gbk = run("gbk.txt", gbk);
    let from_utf8 = run("utf8.txt", utf8.as_bytes());
    assert!(from_gbk.status.success());
    assert_eq!(
        String::from_utf8_lossy(&from_gbk.stdout).replace("gbk.txt", "utf8.txt"),
        String::from_utf8_lossy(&from_utf8.stdout)
    );
    let page = "<html><body><h1>示范县工作要点（2025年）</h1><p>全年新增企业<b>20</b>家以上。</p></body></html>";
    let from_page = run("page.htm", page.as_bytes());
    let stderr = String::from_utf8_lossy(&from_page.stderr);
    assert!(stderr.contains("read as web page"), "{stderr}");
    let yaml = String::from_utf8_lossy(&from_page.stdout);
    assert!(
        yaml.contains("value: {at_least: 20}") && yaml.contains("year: 2025"),
        "{yaml}"
    );
    let scan = run(
        "scan.pdf",
        b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n",
    );
    assert_eq!(scan.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&scan.stderr);
    assert!(
        stderr.contains("scan.pdf") && stderr.contains("help:"),
        "{stderr}"
    );
}

/// In a site, the text's names become the site's registry ids: the region from the
/// title, the chain, the department by its local short form (市工信局 for
/// 示例市工业和信息化局); what the registries lack is proposed in a side file.
#[test]
fn names_are_matched_to_the_site_registries() {
    let site = TestSite::starter();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plan.txt");
    std::fs::write(
        &input,
        "示例市电子信息产业发展三年行动方案（2024—2026年）\n一、目标\n1.电子信息产业营业收入突破500亿元。〔牵头单位：市工信局；责任单位：市统计局〕\n",
    )
    .unwrap();
    let proposals = dir.path().join("proposals.yaml");
    let out = site
        .cmd(&["extract", input.to_str().unwrap(), "--plan-id", "p"])
        .arg("--proposals")
        .arg(&proposals)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 name is not in the site's registries"),
        "{stderr}"
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(yaml.contains("region: example-city"), "{yaml}");
    assert!(yaml.contains("chain: electronic-information"), "{yaml}");
    assert!(yaml.contains("lead: [example-industry-bureau]"), "{yaml}");
    let proposed = std::fs::read_to_string(&proposals).unwrap();
    assert!(
        proposed.contains("- {id: fill-in, name: {zh: \"市统计局\", en: \"\"}}  # line 3"),
        "{proposed}"
    );
}
