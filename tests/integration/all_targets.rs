//! The all-targets page: one table of every target in each language, with what the
//! filters need on each row, and a link to it from every page.

use crate::util::{SearchIndex, TestSite, attrs};

const PLAN: &str = "content/plans/example-2025/plan.yaml";

#[test]
fn every_target_of_every_plan_is_one_row_with_its_filter_keys() {
    let site = TestSite::starter();
    // A second plan, so the table really gathers several plans.
    let plan = site.read(PLAN);
    site.write(
        "content/plans/second-2026/plan.yaml",
        plan.replace("en: Electronics action plan", "en: Second plan")
            .replace("zh: 电子信息行动计划", "zh: 第二个规划")
            .replace("year: 2025", "year: 2024"),
    );
    for lang in ["zh", "en"] {
        let file = format!("content/plans/example-2025/index.{lang}.md");
        site.write(
            &format!("content/plans/second-2026/index.{lang}.md"),
            site.read(&file),
        );
    }
    let out = site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&out["data/targets.json"]).unwrap();
    let targets = json["targets"].as_array().unwrap();
    assert!(targets.len() >= 4, "{}", targets.len());
    for lang in ["zh", "en"] {
        let page = &out[&format!("{lang}/targets/index.html")];
        let body = &page[page.find("<tbody>").unwrap()..page.find("</tbody>").unwrap()];
        assert_eq!(body.matches("<tr ").count(), targets.len(), "{lang}");
        for t in targets {
            let (plan, id) = (
                t["plan_id"].as_str().unwrap(),
                t["target_id"].as_str().unwrap(),
            );
            let link = format!("href=\"../../{lang}/plans/{plan}/{id}/index.html\"");
            assert!(body.contains(&link), "{lang}: {link}");
            let year = t["year"].as_u64().unwrap();
            assert!(
                body.contains(&format!("data-plan=\"{plan}\" "))
                    && body.contains(&format!("data-year=\"{year}\"")),
                "{lang}: {plan} {year}"
            );
        }
        // The filters offer each plan and year once, and work without a script hidden.
        let start = page.find("<form class=\"target-filters\"").unwrap();
        let form = &page[start..start + page[start..].find("</form>").unwrap()];
        assert!(form.contains(" hidden>"), "the filters wait for the script");
        assert_eq!(form.matches("<option value=\"second-2026\">").count(), 1);
        assert_eq!(form.matches("<option value=\"2024\">").count(), 1);
        assert!(page.contains("static/targets.js"));
        assert!(out.contains_key("static/targets.js"));
    }
    // Every page's navigation leads to it.
    for (path, html) in out.iter().filter(|(p, _)| p.ends_with("index.html")) {
        let lang = if path.starts_with("en/") { "en" } else { "zh" };
        if path == "index.html" {
            continue;
        }
        let hrefs = attrs(html, "href");
        assert!(
            hrefs
                .iter()
                .any(|h| h.ends_with(&format!("{lang}/targets/index.html"))),
            "{path} does not link to the all-targets page"
        );
    }
    assert!(out["sitemap.xml"].contains("/zh/targets/"));
}

#[test]
fn a_registry_alias_finds_its_entry_in_search_and_is_named_on_its_page() {
    let site = TestSite::starter();
    site.edit(
        "content/chains.yaml",
        "  name: {zh: 电子信息, en: Electronic information}",
        "  name: {zh: 电子信息, en: Electronic information}\n  aliases: [ICT, 信创]",
    );
    let out = site.build_ok();
    for lang in ["zh", "en"] {
        let index = SearchIndex::of(&out, lang);
        assert_eq!(index.meta["ranges"][0][0], "target", "targets rank first");
        let chain = index
            .docs
            .iter()
            .position(|d| d[0] == "chain")
            .expect("the chain is indexed");
        for gram in ["ict", "信创"] {
            assert!(index.found(gram).contains(&chain), "{lang} {gram}");
        }
    }
    // The chain's page names its aliases, the Chinese one marked on the English page.
    let en = &out["en/chains/electronic-information/index.html"];
    assert!(
        en.contains("<dt>Also called</dt><dd>ICT, <span lang=\"zh-Hans\">信创</span></dd>"),
        "{en}"
    );
    let zh = &out["zh/chains/electronic-information/index.html"];
    assert!(zh.contains("<dt>又称</dt><dd>ICT、信创</dd>"), "{zh}");
}
