//! The faithful record: a fixture plan with every value form, qualifier, counting
//! word and period, and a record with every disclosure field, checked on target
//! pages, plan pages, year pages, chart text and open data, in both languages.

use std::collections::BTreeMap;

use predicates::prelude::*;

use crate::util::TestSite;

const PLAN: &str = include_str!("fixtures/forms/plan.yaml");
const RECORD: &str = include_str!("fixtures/forms/record.yaml");

fn forms_site() -> TestSite {
    let site = TestSite::starter();
    site.write("content/plans/forms-2025/plan.yaml", PLAN);
    site.write("seeds/forms-2025.yaml", RECORD);
    site
}

fn built() -> BTreeMap<String, String> {
    forms_site().build_ok()
}

fn page<'a>(out: &'a BTreeMap<String, String>, lang: &str, target: &str) -> &'a str {
    let path = format!("{lang}/plans/forms-2025/{target}/index.html");
    out.get(&path).unwrap_or_else(|| panic!("no {path}"))
}

/// Each target's value as its page states it, in Chinese and English.
const VALUES: &[(&str, &str, &str)] = &[
    (
        "strive-single",
        "力争2600亿元",
        "strive for CNY 260 billion",
    ),
    (
        "range-or-more",
        "争取3～5户以上",
        "seek 3–5 or more household firms",
    ),
    (
        "two-forms",
        "突破40%，达到42%",
        "over 40% (also stated as reaching 42%)",
    ),
    (
        "worded-tiers",
        "确保突破1000亿元，力争1200亿元",
        "ensure over CNY 100 billion; strive for CNY 120 billion",
    ),
    (
        "strive-double",
        "力争比2022年翻番",
        "strive to double the 2022 level",
    ),
    (
        "rise-at-least",
        "比2022年提高15%以上",
        "at least 15% above the 2022 level",
    ),
    (
        "average-growth",
        "2023—2025年年均增长9%左右",
        "average growth of about 9% a year, 2023–2025",
    ),
    ("each-year", "每年1～2项", "1–2 technologies each year"),
    (
        "each-quarter",
        "每季度1次以上",
        "at least 1 event each quarter",
    ),
    ("nearly-share", "近30%", "nearly 30%"),
    ("aim-for-rank", "争创前50名", "aim for top 50"),
];

#[test]
fn every_form_reads_as_the_document_words_it_on_target_and_plan_pages() {
    let out = built();
    for (id, zh, en) in VALUES {
        assert!(page(&out, "zh", id).contains(zh), "{id} zh: {zh}");
        assert!(page(&out, "en", id).contains(en), "{id} en: {en}");
        assert!(
            out["zh/plans/forms-2025/index.html"].contains(zh),
            "plan zh {zh}"
        );
        assert!(
            out["en/plans/forms-2025/index.html"].contains(en),
            "plan en {en}"
        );
    }
}

#[test]
fn chart_text_states_the_qualified_value() {
    let out = built();
    for (id, zh, en) in [VALUES[0], VALUES[3], VALUES[4]] {
        for (lang, want) in [("zh", zh), ("en", en)] {
            let svg = &out[&format!("{lang}/plans/forms-2025/{id}/chart.svg")];
            roxmltree::Document::parse(svg).expect("chart is XML");
            assert!(svg.contains(want), "{lang} chart of {id} lacks {want}");
        }
    }
}

#[test]
fn a_figure_set_for_each_year_is_listed_under_every_year() {
    let out = built();
    for year in [2023, 2024, 2025] {
        for lang in ["zh", "en"] {
            let page = &out[&format!("{lang}/years/{year}/index.html")];
            assert!(page.contains("each-year/index.html"), "{lang} {year}");
        }
    }
    // The quarterly figure applies from 2024 only.
    assert!(!out["zh/years/2023/index.html"].contains("each-quarter/index.html"));
    assert!(out["zh/years/2024/index.html"].contains("each-quarter/index.html"));
    // A one-year target is listed under its year alone.
    assert!(!out["zh/years/2024/index.html"].contains("strive-single/index.html"));
}

#[test]
fn the_plan_page_opens_with_the_disclosure_block_in_both_languages() {
    let out = built();
    let zh = &out["zh/plans/forms-2025/index.html"];
    let block = &zh[zh.find("class=\"disclosure\"").expect("zh block")..];
    for want in [
        "索引号",
        "000000000/2023-00042",
        "发文机关",
        "文号",
        "未注明",
        "成文日期",
        "2023年3月1日",
        "发布日期",
        "2023年3月2日",
        "有效性",
        "已被替代：示例市新一轮行动计划（2023年3月1日至2024年12月31日）",
        "主题分类",
        "工业、交通",
        "https://example.gov.cn/forms",
    ] {
        assert!(block.contains(want), "zh block lacks {want}");
    }
    let en = &out["en/plans/forms-2025/index.html"];
    let block = &en[en.find("class=\"disclosure\"").expect("en block")..];
    for want in [
        "Index number",
        "Document number",
        "not stated",
        "Date written",
        "1 March 2023",
        "Replaced by Example City&#39;s next action plan (1 March 2023 to 31 December 2024)",
        "Subject classification",
        "Industry and transport",
    ] {
        assert!(block.contains(want), "en block lacks {want}");
    }
}

#[test]
fn inferred_facts_are_marked_with_their_reason_in_both_languages() {
    let out = built();
    let zh = page(&out, "zh", "nearly-share");
    assert!(zh.contains("本站推定"), "zh badge");
    assert!(zh.contains("title=\"原文数字后没有单位，按上下文是百分比。\""));
    assert!(zh.contains("<dd>原文数字后没有单位，按上下文是百分比。</dd>"));
    let en = page(&out, "en", "nearly-share");
    assert!(en.contains("inferred by this site"), "en badge");
    assert!(en.contains("from the context it is a percentage."));
    // The record's inferred issuer is marked on the plan page, and rows in tables.
    let plan = &out["en/plans/forms-2025/index.html"];
    assert!(plan.contains("href=\"#inferred-issuer\""), "issuer badge");
    assert!(plan.contains("id=\"inferred-issuer\""), "issuer reason");
    assert!(
        plan.contains("title=\"Unit: The text gives the figure with no unit"),
        "table row badge"
    );
    // A target with nothing inferred has no badge.
    assert!(!page(&out, "zh", "two-forms").contains("class=\"inferred\""));
}

#[test]
fn the_documents_wording_is_quoted_escaped_with_its_figure_marked() {
    let out = built();
    for lang in ["zh", "en"] {
        let p = page(&out, lang, "strive-single");
        assert!(
            p.contains("<mark>力争</mark>产业营业收入达到<mark>2600</mark>亿元&lt;script&gt;alert(1)&lt;&#x2F;script&gt;。")
                || p.contains("<mark>力争</mark>产业营业收入达到<mark>2600</mark>亿元&lt;script&gt;alert(1)&lt;/script&gt;。"),
            "{lang}"
        );
        assert!(!p.contains("<script>alert"), "{lang}: unescaped");
    }
    assert!(!page(&out, "zh", "two-forms").contains("<blockquote"));
}

#[test]
fn open_data_carries_the_wording_and_the_inferred_flags() {
    let out = built();
    let json: serde_json::Value = serde_json::from_str(&out["data/targets.json"]).unwrap();
    let targets = json["targets"].as_array().unwrap();
    let t = |id: &str| {
        targets
            .iter()
            .find(|t| t["target_id"] == id)
            .unwrap_or_else(|| panic!("{id} not in targets.json"))
    };
    assert_eq!(t("strive-single")["value"]["qualifier"], "strive");
    assert_eq!(t("range-or-more")["value"]["or"], "more");
    assert_eq!(t("range-or-more")["counter"], "户");
    assert_eq!(t("range-or-more")["noun"]["other"], "household firms");
    assert_eq!(t("two-forms")["also"]["form"], "single");
    assert_eq!(t("two-forms")["also"]["value"], 42.0);
    assert_eq!(t("each-quarter")["each"]["period"], "quarter");
    assert_eq!(t("each-quarter")["each"]["from"], 2024);
    assert_eq!(
        t("average-growth")["value"]["average_growth"]["comparator"],
        "about"
    );
    assert_eq!(t("average-growth")["growth_since"], 2022);
    assert_eq!(
        t("rise-at-least")["value"]["increase_by"]["comparator"],
        "at_least"
    );
    assert_eq!(t("nearly-share")["inferred"][0]["field"], "unit");
    assert_eq!(t("aim-for-rank")["value"]["qualifier"], "aim_for");
    let doc = &t("strive-single")["document"];
    assert_eq!(doc["index_number"], "000000000/2023-00042");
    assert!(doc["document_number"].is_null());
    assert_eq!(doc["validity"]["status"], "replaced");
    assert_eq!(doc["inferred"][0]["field"], "issuer");
    assert_eq!(
        t("strive-single")["value_text"]["zh"],
        "力争2600亿元",
        "the words the pages show"
    );
    let csv = &out["data/targets.csv"];
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    for col in [
        "qualifier",
        "or",
        "each",
        "counter",
        "inferred",
        "index_number",
        "validity",
    ] {
        assert!(header.contains(&col), "csv lacks {col}");
    }
    let row = csv.lines().find(|l| l.contains("nearly-share")).unwrap();
    assert!(row.contains(",unit,"), "{row}");
}

#[test]
fn an_unknown_qualifier_or_counting_word_lists_the_accepted_ones() {
    let site = forms_site();
    site.edit(
        "content/plans/forms-2025/plan.yaml",
        "qualifier: strive}",
        "qualifier: hope}",
    );
    site.cmd(&["check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("hope"))
        .stderr(predicate::str::contains("strive"))
        .stderr(predicate::str::contains("aim_for"))
        .stderr(predicate::str::contains("forms-2025/plan.yaml:14:"));
    let site = forms_site();
    site.edit(
        "content/plans/forms-2025/plan.yaml",
        "counter: 户",
        "counter: 匹",
    );
    site.cmd(&["check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("匹"))
        .stderr(predicate::str::contains("家"))
        .stderr(predicate::str::contains("forms-2025/plan.yaml:23:14"));
}

/// Every page says the date its information stands at, from the records it draws on
/// (never the build clock): a target with a newer outcome is dated by that outcome's
/// record, the others by the plan's document, and site-wide pages by the newest record.
#[test]
fn pages_are_dated_by_the_records_they_draw_on() {
    let site = crate::util::TestSite::starter();
    site.write(
        "seeds/statistics-2024.yaml",
        "title: {zh: 示例市2024年统计公报, en: Example City statistical communiqué 2024}\n\
         issuer: {zh: 示例市统计局, en: Example City Bureau of Statistics}\n\
         issued: 2025-03-20\n",
    );
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "    source: {clause: 三(一)}",
        "    source: {clause: 三(一)}\n    actuals:\n      - {year: 2024, value: 35, source: {record: statistics-2024}}",
    );
    let out = site.build_ok();
    let dated = |page: &str| {
        let html = &out[page];
        let para = html
            .find("<p class=\"updated\">")
            .unwrap_or_else(|| panic!("{page} has no date"));
        let at = para + html[para..].find("<time datetime=\"").unwrap();
        html[at + 16..at + 26].to_string()
    };
    assert_eq!(
        dated("en/plans/example-2025/new-high-tech-firms/index.html"),
        "2025-03-20"
    );
    assert_eq!(
        dated("en/plans/example-2025/electronics-revenue/index.html"),
        "2023-03-02"
    );
    assert_eq!(dated("zh/plans/example-2025/index.html"), "2025-03-20");
    assert_eq!(dated("en/index.html"), "2025-03-20");
    assert!(
        out["en/plans/example-2025/electronics-revenue/index.html"]
            .contains(">2 March 2023</time>")
    );
    assert!(
        out["zh/plans/example-2025/electronics-revenue/index.html"]
            .contains(">2023年3月2日</time>")
    );
}
