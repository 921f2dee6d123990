//! Every kind of chart, drawn from a fixture plan: time drawn as it is (yearly
//! targets in each year, growth rates over their years, outcomes as a series), legible
//! text (level units, wrapped labels, whole-number counts), a frame that cites the
//! source, and downloads named after what they show.

use std::collections::BTreeMap;

use crate::charts::check_svg;
use crate::util::TestSite;

const PLAN: &str = include_str!("fixtures/charts/plan.yaml");
const RECORD: &str = include_str!("fixtures/forms/record.yaml");
const CHAINS: &str = "- id: electronic-information
  name: {zh: 电子信息, en: Electronic information}
- id: equipment
  name: {zh: 装备制造, en: Equipment manufacturing}
";

fn built() -> BTreeMap<String, String> {
    let site = TestSite::starter();
    site.write("content/plans/charts-2026/plan.yaml", PLAN);
    site.write("seeds/forms-2025.yaml", RECORD);
    site.write("content/chains.yaml", CHAINS);
    site.build_ok()
}

/// Every chart kind, as the site path of its wide drawing (without `.svg`).
const KINDS: &[(&str, &str)] = &[
    (
        "tiers_outcomes_path",
        "plans/charts-2026/tiers-with-outcomes/chart",
    ),
    ("each_year", "plans/charts-2026/firms-each-year/chart"),
    (
        "growth_path",
        "plans/charts-2026/growth-from-baseline/chart",
    ),
    ("growth_rate", "plans/charts-2026/growth-rate-only/chart"),
    ("count_outcome", "plans/charts-2026/platforms-count/chart"),
    (
        "lone_target",
        "plans/example-2025/new-high-tech-firms/chart",
    ),
    ("breakdown", "plans/charts-2026/equipment-output/breakdown"),
    ("overview", "plans/charts-2026/overview"),
    ("comparison", "chains/electronic-information/comparison"),
];

fn svg<'a>(out: &'a BTreeMap<String, String>, lang: &str, path: &str, narrow: bool) -> &'a str {
    let file = format!("{lang}/{path}{}.svg", if narrow { "-narrow" } else { "" });
    out.get(&file).unwrap_or_else(|| panic!("no {file}"))
}

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_chart_kind_snapshots_in_both_languages_and_both_widths() {
    let out = built();
    for (name, path) in KINDS {
        for lang in ["zh", "en"] {
            insta::assert_snapshot!(format!("{name}_{lang}"), svg(&out, lang, path, false));
        }
        insta::assert_snapshot!(format!("{name}_zh_narrow"), svg(&out, "zh", path, true));
    }
}

#[test]
fn every_svg_parses_names_its_source_and_the_site_and_has_no_sideways_or_cut_text() {
    let out = built();
    let charts: Vec<(&String, &String)> = out
        .iter()
        .filter(|(p, _)| p.ends_with(".svg") && !p.starts_with("static/"))
        .collect();
    assert!(charts.len() >= 40, "{}", charts.len());
    for (path, svg) in charts {
        check_svg(path, svg);
        let words = texts(svg);
        let source = if path.starts_with("zh/") {
            "来源："
        } else {
            "Source"
        };
        assert!(
            words.iter().any(|t| t.starts_with(source)),
            "{path}: {words:?}"
        );
        assert!(
            words.iter().any(|t| t.contains("https://")),
            "{path}: no site address"
        );
        assert!(!svg.contains("rotate("), "{path}: rotated text");
        assert!(
            !words.iter().any(|t| t.contains('…')),
            "{path}: a cut label"
        );
        let smallest = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
            .fold(f64::MAX, f64::min);
        assert!(smallest >= 13.0, "{path}: text at {smallest} px");
    }
}

#[test]
fn a_yearly_target_is_drawn_in_each_year_of_its_period() {
    let out = built();
    let zh = svg(&out, "zh", "plans/charts-2026/firms-each-year/chart", false);
    let words = texts(zh);
    for year in ["2023", "2024", "2025", "2026"] {
        assert!(words.iter().any(|t| t == year), "{year}: {words:?}");
    }
    // Four target columns and four tops of the range, each labelled.
    let floors = zh.matches("fill=\"#0072B2\"/>").count();
    assert!(floors >= 4, "{floors} columns:\n{zh}");
    assert_eq!(
        words.iter().filter(|t| *t == "区间上限 5").count(),
        4,
        "{words:?}"
    );
    assert!(
        words.iter().any(|t| t == "争取（每年）"),
        "legend as the page words it: {words:?}"
    );
}

#[test]
fn growth_is_drawn_as_its_path_or_as_its_rate_over_the_period() {
    let out = built();
    let path = svg(
        &out,
        "zh",
        "plans/charts-2026/growth-from-baseline/chart",
        false,
    );
    assert!(
        path.contains("stroke-dasharray=\"1 5\""),
        "a dotted path:\n{path}"
    );
    let words = texts(path);
    assert!(
        words.iter().any(|t| t.contains("年均增长9%左右")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|t| t.starts_with('≈')),
        "the implied level is marked: {words:?}"
    );
    assert!(
        words.iter().any(|t| t.contains("推算值")),
        "and explained: {words:?}"
    );
    let rate = svg(
        &out,
        "en",
        "plans/charts-2026/growth-rate-only/chart",
        false,
    );
    let words = texts(rate);
    assert!(words.iter().any(|t| t == "%"), "a rate axis: {words:?}");
    for year in ["2023", "2026"] {
        assert!(words.iter().any(|t| t == year), "{year}: {words:?}");
    }
    assert!(
        !words.iter().any(|t| t == "2022"),
        "no empty leading year: {words:?}"
    );
    assert!(
        words
            .iter()
            .any(|t| t.contains("inferred by this site") && t.contains("Unit")),
        "the inferred unit is noted: {words:?}"
    );
}

#[test]
fn outcomes_beside_a_growth_rate_are_levels_and_a_share_falls_by_points() {
    let out = built();
    let path = "plans/charts-2026/growth-with-levels/chart";
    let zh = texts(svg(&out, "zh", path, false)).join("|");
    assert!(zh.contains("实际值：营业收入（总量"), "{zh}");
    assert!(!zh.contains("另一口径"), "same measure, not another: {zh}");
    assert!(!zh.contains("|910|"), "one measure per axis: {zh}");
    let en = texts(svg(&out, "en", path, false)).join("|");
    assert!(en.contains("revenue as levels"), "{en}");
    assert!(!en.contains("another measure"), "{en}");
    let page = &out["zh/plans/charts-2026/growth-with-levels/index.html"];
    let href = crate::util::attrs(page, "href")
        .into_iter()
        .find(|h| h.starts_with("data:text/csv"))
        .expect("a CSV download");
    let csv = crate::charts::base64_text(&href);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("2024,实际,575,") && l.contains(",亿元,")),
        "levels are in 亿元, not the rate's %:\n{csv}"
    );

    let path = "plans/charts-2026/falling-share/chart";
    let falls = [
        ("zh", "需年均降低2.5个百分点"),
        ("en", "needs a 2.5-percentage-point fall a year"),
    ];
    for (lang, fall) in falls {
        let svg = svg(&out, lang, path, false);
        let words = texts(svg).join("|");
        assert!(words.contains(fall), "{lang}: {words}");
        assert!(
            !words.contains("-9") && !words.contains("−"),
            "no negative growth: {words}"
        );
        let page = &out[&format!(
            "{lang}/{}",
            path.trim_end_matches("chart").to_string() + "index.html"
        )];
        assert!(!page.contains("%-") && !page.contains("-9."), "{lang}");
    }
}

#[test]
fn a_level_worked_out_from_a_doubling_is_marked_as_the_sites_arithmetic() {
    let out = built();
    let path = "plans/charts-2026/profit-doubles/chart";
    let zh = texts(svg(&out, "zh", path, false));
    assert!(zh.iter().any(|t| t == "80"), "{zh:?}");
    assert!(zh.iter().any(|t| t == "由基期推算的目标值"), "{zh:?}");
    assert!(
        !zh.iter().any(|t| t == "目标"),
        "not the document's figure: {zh:?}"
    );
    assert!(
        zh.concat().contains("文件没有写这个数字"),
        "the note says so: {zh:?}"
    );
    let page = &out["en/plans/charts-2026/profit-doubles/index.html"];
    assert!(
        page.contains("Target level worked out from the baseline</td>"),
        "the table says so too"
    );
    // Among other targets' bars, it is outlined and named in the legend and a note.
    let overview = texts(svg(&out, "zh", "plans/charts-2026/overview", false));
    assert!(
        overview.iter().any(|t| t == "由基期推算的目标值"),
        "{overview:?}"
    );
    assert!(
        overview.concat().contains("空心条是本站按基期值"),
        "{overview:?}"
    );
}

#[test]
fn a_label_too_long_for_one_line_wraps_rather_than_leaving_english_without_it() {
    let out = built();
    for (path, zh) in &out {
        if !(path.starts_with("zh/") && path.ends_with(".svg")) {
            continue;
        }
        let en = &out[&format!("en/{}", &path[3..])];
        let paces = |svg: &str, word: &str| texts(svg).iter().filter(|t| t.contains(word)).count();
        assert_eq!(
            paces(zh, "需年均"),
            paces(en, "needs "),
            "{path}: every path label drawn in Chinese is drawn in English"
        );
    }
}

#[test]
fn a_rise_in_points_draws_and_states_the_share_in_percent() {
    let out = built();
    let path = "plans/charts-2026/rd-intensity-rise/";
    let zh = texts(svg(&out, "zh", &format!("{path}chart"), false));
    for want in [
        "2.1",
        "3.6",
        "2.5",
        "需年均提高0.4个百分点",
        "由基期推算的目标值",
    ] {
        assert!(zh.iter().any(|t| t == want), "{want}: {zh:?}");
    }
    assert!(
        zh.iter().any(|t| t.ends_with("单位：%")),
        "levels in percent: {zh:?}"
    );
    let page = &out[&format!("zh/{path}index.html")];
    assert!(
        page.contains("2.1%") && page.contains("2.5%"),
        "levels in percent"
    );
    assert!(
        !page.contains("2.1个百分点") && !page.contains("2.5个百分点"),
        "a level is not a change in points"
    );
    assert!(page.contains("提高1.5个百分点") || page.contains("提升1.5个百分点"));
}

#[test]
fn a_fall_below_zero_is_drawn_below_the_zero_line_with_the_years_under_it() {
    let out = built();
    for narrow in [false, true] {
        let svg = svg(
            &out,
            "en",
            "plans/charts-2026/investment-growth-each-year/chart",
            narrow,
        );
        let doc = roxmltree::Document::parse(svg).unwrap();
        let y_of = |label: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name("text") && n.text() == Some(label))
                .and_then(|n| n.attribute("y")?.parse::<f64>().ok())
                .unwrap_or_else(|| panic!("no {label}:\n{svg}"))
        };
        let lowest_tick = texts(svg)
            .into_iter()
            .filter(|t| t.starts_with('-') && t[1..].parse::<f64>().is_ok())
            .map(|t| y_of(&t))
            .fold(f64::MIN, f64::max);
        assert!(lowest_tick > y_of("0"), "a tick below zero:\n{svg}");
        assert!(
            y_of("2023") > lowest_tick,
            "the years sit under the whole axis, not on the zero line:\n{svg}"
        );
    }
}

#[test]
fn tiers_of_ceilings_aim_down_and_draw_the_stretch_below_the_floor() {
    // No `direction: down` is needed: `at_most` says it, as it does for one figure.
    let out = built();
    let zh = texts(svg(
        &out,
        "zh",
        "plans/charts-2026/energy-ceiling/chart",
        false,
    ));
    assert!(zh.iter().any(|t| t == "0.45（力争0.4）"), "{zh:?}");
    assert!(zh.iter().any(|t| t.contains("需年均下降")), "{zh:?}");
    assert!(
        !zh.iter().any(|t| t.contains("单位：")),
        "a ratio has no unit: {zh:?}"
    );
}

#[test]
fn the_year_axis_covers_only_what_is_drawn_and_outcomes_form_a_series() {
    let out = built();
    let lone = texts(svg(
        &out,
        "zh",
        "plans/example-2025/new-high-tech-firms/chart",
        false,
    ));
    let years: Vec<&String> = lone
        .iter()
        .filter(|t| t.len() == 4 && t.starts_with("20"))
        .collect();
    assert_eq!(years, ["2025"], "{lone:?}");
    let full = svg(
        &out,
        "zh",
        "plans/charts-2026/tiers-with-outcomes/chart",
        false,
    );
    let words = texts(full);
    for year in ["2022", "2023", "2024", "2025", "2026"] {
        assert!(words.iter().any(|t| t == year), "{year}: {words:?}");
    }
    assert!(!words.iter().any(|t| t == "2021"), "{words:?}");
    assert!(
        full.contains("<polyline"),
        "outcomes joined as a line:\n{full}"
    );
    assert!(
        words.iter().any(|t| t.starts_with("实际值：产值")),
        "the other measure has its own panel: {words:?}"
    );
    assert!(
        words.iter().any(|t| t == "确保") && words.iter().any(|t| t == "力争"),
        "{words:?}"
    );
}

#[test]
fn counts_tick_in_whole_numbers_and_units_are_written_level() {
    let out = built();
    for lang in ["zh", "en"] {
        let count = svg(&out, lang, "plans/charts-2026/platforms-count/chart", false);
        for t in texts(count) {
            if let Ok(n) = t.parse::<f64>() {
                assert_eq!(n.fract(), 0.0, "{lang}: tick {t}");
            }
        }
    }
    let zh = texts(svg(
        &out,
        "zh",
        "plans/charts-2026/tiers-with-outcomes/chart",
        false,
    ));
    assert!(zh.iter().any(|t| t == "亿元"), "{zh:?}");
}

#[test]
fn long_names_wrap_and_short_names_label_bars() {
    let out = built();
    let overview = texts(svg(&out, "en", "plans/charts-2026/overview", true));
    assert!(
        overview.iter().any(|t| t == "Electronics revenue"),
        "{overview:?}"
    );
    assert!(
        overview.iter().any(|t| t.starts_with("Operating revenue")),
        "a panel per measure: {overview:?}"
    );
    assert!(
        !overview.iter().any(|t| t.contains("growth")),
        "a rate is no level: {overview:?}"
    );
    assert!(
        overview.iter().any(|t| t.starts_with("Output")),
        "{overview:?}"
    );
    let breakdown = texts(svg(
        &out,
        "en",
        "plans/charts-2026/equipment-output/breakdown",
        true,
    ));
    let joined = breakdown.join(" ");
    assert!(
        joined.contains("New-energy equipment and the parts it uses"),
        "{breakdown:?}"
    );
}

#[test]
fn each_chart_downloads_under_its_own_name_with_terms_and_sources_and_can_be_embedded() {
    let out = built();
    let page = &out["zh/plans/charts-2026/tiers-with-outcomes/index.html"];
    assert!(
        page.contains(r#"download="tiers-with-outcomes.csv""#),
        "{page}"
    );
    assert!(page.contains(r#"download="tiers-with-outcomes.svg""#));
    assert!(page.contains(r#"<source media="(max-width: 600px)" srcset="chart-narrow.svg""#));
    let href = crate::util::attrs(page, "href")
        .into_iter()
        .find(|h| h.starts_with("data:text/csv"))
        .unwrap();
    let csv = crate::charts::base64_text(&href);
    let head = csv.lines().next().unwrap();
    for column in ["限定词", "比较词", "单位", "来源"] {
        assert!(head.contains(column), "{head}");
    }
    assert!(csv.contains("2026,确保,1000,1200,确保 / 力争,突破,亿元,营业收入,《示例市各类目标形式示例（2023—2025年）》条款二"), "{csv}");
    // The embed code: the wide drawing by its full address, linked to the page, cited.
    let code = page
        .split("<code>")
        .nth(1)
        .and_then(|c| c.split("</code>").next())
        .unwrap();
    assert!(code.starts_with("&lt;figure"), "{code}");
    assert!(
        code.contains("https://example.gov.cn/zh/plans/charts-2026/tiers-with-outcomes/chart.svg")
            || code.contains("/zh/plans/charts-2026/tiers-with-outcomes/chart.svg"),
        "{code}"
    );
    assert!(code.contains("来源：《示例市各类目标形式示例"), "{code}");
    assert!(
        !code.contains("<script") && !code.contains("&lt;script"),
        "{code}"
    );
}

/// Two panels of one measure whose units Chinese writes alike (个 for platforms and
/// for clusters) say what each counts; English, whose units differ, is unchanged.
#[test]
fn panels_that_count_different_things_are_told_apart() {
    let out = built();
    let zh = texts(svg(&out, "zh", "plans/charts-2026/overview", false));
    let counts: Vec<&String> = zh.iter().filter(|t| t.contains("数量")).collect();
    assert_eq!(counts, ["平台数量（个）", "集群数量（个）"], "{zh:?}");
    let en = texts(svg(&out, "en", "plans/charts-2026/overview", false));
    let counts: Vec<&String> = en.iter().filter(|t| t.starts_with("Number")).collect();
    assert_eq!(
        counts,
        ["Number (platforms)", "Number (clusters)"],
        "{en:?}"
    );
}

/// An outcome whose dot sits between two columns, with no room above or below it,
/// is labelled level with the dot: a fall to -1.5 between yearly targets of 8%.
#[test]
fn an_outcome_hemmed_in_by_columns_is_labelled_beside_its_dot() {
    let site = TestSite::starter();
    site.write("seeds/forms-2025.yaml", RECORD);
    site.write(
        "content/plans/growth-2021-2025/plan.yaml",
        "short_title: {zh: 增速示例, en: Growth example}
issuer: example-government
region: example-city
record: forms-2025
horizon: {start: 2021, end: 2025}
targets:
  - id: investment-growth
    name: {zh: 工业投资增速, en: Growth of industrial investment}
    topic: innovation
    metric: growth
    unit: percent
    year: 2025
    each: year
    value: {about: 8}
    source: {clause: 二}
    actuals:
      - {year: 2021, value: 9.2, source: {record: forms-2025}}
      - {year: 2022, value: 7.1, source: {record: forms-2025}}
      - {year: 2023, value: -1.5, source: {record: forms-2025}}
      - {year: 2024, value: 6.4, source: {record: forms-2025}}
",
    );
    let out = site.build_ok();
    for lang in ["zh", "en"] {
        let labels = texts(svg(
            &out,
            lang,
            "plans/growth-2021-2025/investment-growth/chart",
            false,
        ));
        assert!(labels.iter().any(|t| t == "-1.5"), "{lang}: {labels:?}");
    }
}

/// A chain comparison names the bars that would otherwise read alike (one place, one
/// year), cites each plan once with each of its clauses once, in order of first
/// mention, and its page counts the plans, not the targets.
#[test]
fn a_comparison_names_alike_bars_and_cites_each_plan_and_clause_once() {
    let site = TestSite::starter();
    let extra = |id: &str, short: &str, clause: &str| {
        format!(
            "  - id: {id}\n    name: {{zh: {short}目标, en: {short} target}}\n    \
             short_name: {{zh: {short}, en: {short}}}\n    chain: electronic-information\n    \
             metric: revenue\n    unit: yi-yuan\n    year: 2026\n    value: {{reach: 500}}\n    \
             source: {{clause: {clause}}}\n"
        )
    };
    let plan = format!(
        "{PLAN}{}{}",
        extra("chips", "Chips", "三(一)"),
        extra("screens", "Screens", "二")
    );
    site.write("content/plans/charts-2026/plan.yaml", plan);
    site.write("seeds/forms-2025.yaml", RECORD);
    site.write("content/chains.yaml", CHAINS);
    let out = site.build_ok();
    let page = &out["en/chains/electronic-information/index.html"];
    let alt = crate::util::attrs(page, "alt")
        .into_iter()
        .find(|a| a.starts_with("Electronic information."))
        .expect("the comparison's alt text");
    // Three bars of Example City in 2026 are named; the one of 2025 needs no name.
    for named in ["Chips", "Screens", "Electronics revenue"] {
        assert!(
            alt.contains(&format!("; {named} · Example City · 2026, ")),
            "{alt}"
        );
    }
    assert!(
        alt.contains("Electronic information. Example City · 2025, "),
        "{alt}"
    );
    let en = texts(svg(
        &out,
        "en",
        "chains/electronic-information/comparison",
        false,
    ));
    let sources: Vec<&String> = en.iter().filter(|t| t.starts_with("Sources")).collect();
    assert_eq!(
        sources,
        ["Sources: Charts example, clause II, III.1; Electronics action plan, clause II"],
        "{en:?}"
    );
    assert!(
        page.contains("<dt>Targets</dt><dd>4</dd></div><div><dt>Plans</dt><dd>2</dd>"),
        "{page}"
    );
}
