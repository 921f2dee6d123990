//! Charts: snapshots in both languages, valid accessible SVG, escaping, downloads.

use std::collections::BTreeMap;

use crate::util::TestSite;

/// The starter site with a baseline, outcomes in two measures and a breakdown, so one
/// target exercises every mark of the column chart.
fn chart_site() -> TestSite {
    let site = TestSite::starter();
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "    source: {clause: 二}\n",
        "    source: {clause: 二}
    breakdown:
      kind: of_which
      parts:
        - segment: {zh: 核心元器件, en: Core components}
          value: 400
        - segment: {zh: 整机, en: Finished devices}
          value: 350
    actuals:
      - year: 2023
        value: 820
        source: {record: example-2025}
      - year: 2024
        value: 950
        metric: output
        source: {record: example-2025}
",
    );
    site
}

fn svgs(out: &BTreeMap<String, String>) -> Vec<(&String, &String)> {
    out.iter()
        .filter(|(p, _)| p.ends_with(".svg") && !p.starts_with("static/"))
        .collect()
}

#[test]
fn every_chart_is_valid_accessible_svg() {
    let out = chart_site().build_ok();
    let charts = svgs(&out);
    assert!(
        charts.len() >= 8,
        "{:?}",
        charts.iter().map(|c| c.0).collect::<Vec<_>>()
    );
    for (path, svg) in charts {
        check_svg(path, svg);
    }
}

/// Parses `svg` as XML and checks role, viewBox, title and desc.
pub fn check_svg(path: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{path}: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{path}");
    assert_eq!(root.attribute("role"), Some("img"), "{path}");
    assert!(root.attribute("viewBox").is_some(), "{path}");
    assert!(
        root.attribute("width").is_none(),
        "{path}: fixed width stops scaling"
    );
    let labelled: Vec<&str> = root
        .attribute("aria-labelledby")
        .unwrap()
        .split(' ')
        .collect();
    for tag in ["title", "desc"] {
        let el = root
            .children()
            .find(|n| n.has_tag_name(tag))
            .unwrap_or_else(|| panic!("{path}: no <{tag}>"));
        assert!(
            !el.text().unwrap_or("").trim().is_empty(),
            "{path}: empty <{tag}>"
        );
        assert!(
            labelled.contains(&el.attribute("id").unwrap()),
            "{path}: {tag} not referenced"
        );
    }
}

#[test]
fn descriptions_state_the_numbers() {
    let out = chart_site().build_ok();
    let svg = &out["en/plans/example-2025/electronics-revenue/chart.svg"];
    let doc = roxmltree::Document::parse(svg).unwrap();
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .unwrap()
        .text()
        .unwrap();
    for figure in [
        "CNY 70 billion",
        "CNY 82 billion",
        "CNY 95 billion",
        "ensure over CNY 100 billion; strive for CNY 120 billion",
    ] {
        assert!(desc.contains(figure), "{desc}");
    }
    assert!(desc.contains("growth a year"), "{desc}");
}

#[test]
fn chart_pages_carry_the_table_and_downloads() {
    let out = chart_site().build_ok();
    let page = &out["zh/plans/example-2025/electronics-revenue/index.html"];
    // The chart is the downloadable SVG file itself, with its description as text.
    assert!(
        page.contains(r#"<img class="chart" src="chart.svg" alt="电子信息产业营业收入。"#),
        "{page}"
    );
    assert!(page.contains(r#"<table class="chart-data"#));
    assert!(page.contains(r#"<a href="chart.svg" download="electronics-revenue.svg">"#));
    // The data downloads, named after the target, from a data: address in the page.
    let href = crate::util::attrs(page, "href")
        .into_iter()
        .find(|h| h.starts_with("data:text/csv;charset=utf-8;base64,"))
        .expect("a CSV download");
    assert!(page.contains(r#"download="electronics-revenue.csv" type="text/csv""#));
    let csv = base64_text(&href);
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("2024,实际（口径不同）,950,,,,亿元,产值,《"),
        "{csv}"
    );
}

#[test]
fn names_with_markup_characters_are_escaped_in_svg() {
    let site = chart_site();
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "en: Electronic information industry revenue}",
        "en: 'Revenue <script>alert(\"x\")</script> & \"more\"'}",
    );
    let out = site.build_ok();
    let svg = &out["en/plans/example-2025/electronics-revenue/chart.svg"];
    check_svg("escaped", svg);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&amp;"));
    let page = &out["en/plans/example-2025/electronics-revenue/index.html"];
    assert!(!page.contains("<script>alert"));
}

#[test]
fn a_site_can_reword_chart_labels_and_sentences() {
    let site = chart_site();
    // Overrides of the theme's chart words: a legend word and a sentence with
    // placeholders, filled in by the chart.
    site.write(
        "i18n/zh.yaml",
        "chart_baseline: 基准年\n\
         chart_path_sentence: \"{from}—{to}年须年均增长{rate}%方能达标。\"\n",
    );
    let out = site.build_ok();
    let svg = &out["zh/plans/example-2025/electronics-revenue/chart.svg"];
    check_svg("reworded", svg);
    let doc = roxmltree::Document::parse(svg).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&"基准年"), "legend: {texts:?}");
    assert!(
        !texts.contains(&"基期"),
        "the theme's word is replaced: {texts:?}"
    );
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        desc.ends_with("2025 确保 确保突破1000亿元，力争1200亿元 营业收入。2022—2025年须年均增长12.6%方能达标。"),
        "{desc}"
    );
    assert!(!desc.contains("达标需要"), "{desc}");
    // English keeps the theme's words.
    let en = &out["en/plans/example-2025/electronics-revenue/chart.svg"];
    assert!(en.contains(">Baseline</text>"), "{en}");
}

/// The text of a base64 `data:` address.
pub fn base64_text(href: &str) -> String {
    let b64 = href
        .split_once(";base64,")
        .expect("a base64 data: address")
        .1;
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let mut out = Vec::new();
    for chunk in b64.as_bytes().chunks(4) {
        let digits: Vec<u8> = chunk
            .iter()
            .filter(|c| **c != b'=')
            .map(|c| value(*c))
            .collect();
        let n = digits
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..digits.len()]);
    }
    String::from_utf8(out).unwrap()
}
