//! `plansite serve` after edits inside one plan: the preview holds what a full build
//! writes, file for file, and an edit renders only what it changes.

use crate::serve::{Server, served_dir};
use crate::util::TestSite;

/// After each kind of edit inside one plan — a figure, a name, a target moved to
/// another chain, a department no longer responsible, a year — the preview holds the
/// bytes a full build of the edited site writes, in every file: the edit renders only
/// what it changes, and must miss nothing.
#[test]
fn plan_edits_are_served_as_a_full_build_writes_them() {
    let site = TestSite::bundled();
    let server = Server::start(&site);
    let served = served_dir(&server);
    let plan = "content/plans/ganzhou-2021-work-points/plan.yaml";
    let edits = [
        (
            "value: {about: 8.8, qualifier: strive}",
            "value: {about: 8.76, qualifier: strive}",
        ),
        (
            "en: Electronic information cluster output}",
            "en: Electronics cluster output}",
        ),
        (
            "    chain: electronic-information\n    metric: output",
            "    chain: textiles-apparel\n    metric: output",
        ),
        (
            ", ganzhou-nankang-government, ganzhou-zhanggong-government",
            ", ganzhou-zhanggong-government",
        ),
        (
            "    year: 2021\n    value: {tiers: {floor: {exceed: 1000",
            "    year: 2022\n    value: {tiers: {floor: {exceed: 1000",
        ),
        // A target renamed: its pages move to a new folder, the old ones go.
        (
            "  - id: textiles-output\n",
            "  - id: textiles-apparel-output\n",
        ),
        // A target added, in a folder the preview does not have yet.
        (
            "  - id: medicine-food-output\n",
            "  - id: solar-output\n    name: {zh: 光伏产业产值, en: Solar industry output}\n    chain: new-energy\n    metric: output\n    unit: yi-yuan\n    year: 2021\n    value: {exceed: 50}\n    source: {clause: 二(一)5}\n\n  - id: medicine-food-output\n",
        ),
    ];
    for (from, to) in edits {
        server.edit_and_reload(&site, plan, from, to);
        assert_served_as_built(&site, &served, server.port, &format!("{to:?}"));
        // No full build since serving started: the edits were rendered alone.
        let log = server.log.lock().unwrap();
        let full = log.iter().filter(|l| l.starts_with("Built")).count();
        assert_eq!(full, 0, "an edit inside one plan rebuilt the site: {log:?}");
    }
}

/// Whether the preview holds exactly the files a full build of its site writes.
fn assert_served_as_built(site: &TestSite, served: &std::path::Path, port: u16, after: &str) {
    let out = tempfile::tempdir().unwrap();
    let built = out.path().join("site");
    let base = format!("http://127.0.0.1:{port}/");
    site.cmd(&["build", "--clean", "--base-url", &base, "--output"])
        .arg(&built)
        .assert()
        .success();
    let want = crate::util::read_tree(&built);
    let have = crate::util::read_tree(served);
    let differ: Vec<&String> = want
        .iter()
        .filter(|(path, text)| have.get(*path) != Some(text))
        .map(|(path, _)| path)
        .collect();
    assert!(
        differ.is_empty(),
        "after {after}, served files differ: {differ:?}"
    );
    let extra: Vec<&String> = have.keys().filter(|p| !want.contains_key(*p)).collect();
    assert!(
        extra.is_empty(),
        "after {after}, the preview serves files a build does not write: {extra:?}"
    );
}

/// Edits that leave the site smaller leave the preview as a full build writes it: a
/// plan that loses most of its targets leaves fewer search index chunks, and a year no
/// target is set for any more (2027, past the plan's period: a warning) loses its page.
#[test]
fn edits_that_shrink_the_site_leave_no_retired_files_in_the_preview() {
    let site = TestSite::starter();
    let plan = "content/plans/example-2025/plan.yaml";
    let extra = crate::util::extra_targets(20);
    site.grow_starter_plan(20);
    // Served at the root, as `assert_served_as_built` builds it.
    site.edit(
        "site.yaml",
        "base_url: https://www.example.gov.cn/plans/",
        "base_url: https://www.example.gov.cn/",
    );
    let server = Server::start(&site);
    let served = served_dir(&server);
    let chunks = || {
        std::fs::read_dir(served.join("en/search-index"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with('d')
            })
            .count()
    };
    let before = chunks();
    server.edit_and_reload(&site, plan, &extra, "");
    assert!(
        chunks() < before,
        "the index did not shrink: {before} chunks"
    );
    assert_served_as_built(&site, &served, server.port, "twenty targets removed");
    let (set, moved) = (
        "    year: 2025\n    value: {range: [30, 50]}",
        "    year: 2027\n    value: {range: [30, 50]}",
    );
    server.edit_and_reload(&site, plan, set, moved);
    assert!(served.join("en/years/2027/index.html").is_file());
    assert_served_as_built(&site, &served, server.port, "a target moved to 2027");
    server.edit_and_reload(&site, plan, moved, set);
    assert!(!served.join("en/years/2027").exists());
    assert_served_as_built(&site, &served, server.port, "the target moved back");
    let log = server.log.lock().unwrap();
    assert!(!log.iter().any(|l| l.starts_with("Built")), "{log:?}");
}

/// An edit of one target of a plan renders that target's pages and the plan's own
/// pages, not the other targets'; an edit of the plan itself (its short title) renders
/// them all. Either way the preview holds what a full build writes.
#[test]
fn an_edit_of_one_target_renders_its_pages_and_not_its_plans_others() {
    let site = TestSite::starter();
    site.grow_starter_plan(20);
    site.edit(
        "site.yaml",
        "base_url: https://www.example.gov.cn/plans/",
        "base_url: https://www.example.gov.cn/",
    );
    let server = Server::start(&site);
    let served = served_dir(&server);
    let plan = "content/plans/example-2025/plan.yaml";
    let rendered = |server: &Server| {
        let log = server.log.lock().unwrap();
        let line = log
            .iter()
            .rev()
            .find(|l| l.starts_with("Rendered "))
            .cloned();
        line.unwrap_or_else(|| panic!("no edit reported: {log:?}"))
    };
    server.edit_and_reload(&site, plan, "en: Extra firms 7}", "en: Extra companies 7}");
    let one = rendered(&server);
    assert!(
        one.starts_with("Rendered 4 of the 46 pages of plan example-2025,"),
        "{one}"
    );
    assert_served_as_built(&site, &served, server.port, "one target renamed");
    server.edit_and_reload(
        &site,
        plan,
        "short_title: {zh: 电子信息行动计划, en: Electronics action plan}",
        "short_title: {zh: 电子信息行动计划, en: Electronics plan}",
    );
    let all = rendered(&server);
    assert!(all.starts_with("Rendered 46 of the 46 pages"), "{all}");
    assert_served_as_built(&site, &served, server.port, "the plan's short title");
}

/// The starter site, served at the root of the preview (as `assert_served_as_built`
/// builds it), with its plan.
fn starter_at_root() -> (TestSite, &'static str) {
    let site = TestSite::starter();
    site.edit(
        "site.yaml",
        "base_url: https://www.example.gov.cn/plans/",
        "base_url: https://www.example.gov.cn/",
    );
    (site, "content/plans/example-2025/plan.yaml")
}

/// A chain that loses its last target keeps its page but draws no comparison any
/// more: the comparison's files leave the preview as well.
#[test]
fn a_chain_left_without_targets_loses_its_comparison_in_the_preview() {
    let (site, plan) = starter_at_root();
    let chains = site.read("content/chains.yaml");
    site.write(
        "content/chains.yaml",
        chains + "- id: textiles\n  name: {zh: 纺织, en: Textiles}\n",
    );
    let server = Server::start(&site);
    let served = served_dir(&server);
    let drawn = "en/chains/electronic-information/comparison.svg";
    assert!(served.join(drawn).is_file());
    server.edit_and_reload(
        &site,
        plan,
        "    chain: electronic-information\n",
        "    chain: textiles\n",
    );
    assert!(!served.join(drawn).exists());
    assert_served_as_built(&site, &served, server.port, "the chain's only target moved");
}

/// A target whose commentary links to another target is checked again when an edit
/// renames that one, though the linking target did not change: the preview reports
/// the broken link, as a build does.
#[test]
fn renaming_a_target_another_links_to_is_reported_as_a_build_reports_it() {
    let (site, plan) = starter_at_root();
    site.write(
        "content/plans/example-2025/targets/new-high-tech-firms.en.md",
        "See [the revenue target](../electronics-revenue/).\n",
    );
    let server = Server::start(&site);
    server.edit_and_reload(
        &site,
        plan,
        "  - id: electronics-revenue\n",
        "  - id: electronics-income\n",
    );
    assert_reported_as_a_build_reports(
        &site,
        &server,
        "/en/plans/example-2025/index.html",
        "../electronics-revenue/",
        "new-high-tech-firms.en.md",
    );
}

/// A target whose pages warn is rendered again by every edit of its plan, so the
/// preview reports its warning each time, as a build does, even when the edit
/// changed another target.
#[test]
fn a_target_that_warns_warns_again_after_every_edit_of_its_plan() {
    let (site, plan) = starter_at_root();
    site.write(
        "content/plans/example-2025/targets/new-high-tech-firms.zh.md",
        "见**“重点任务”**一节。\n",
    );
    let server = Server::start(&site);
    let warned = |server: &Server| {
        let log = server.log.lock().unwrap();
        log.iter()
            .filter(|l| l.contains("will be shown as it is"))
            .count()
    };
    // The first build's warnings come before the address, which the log starts after.
    let mut seen = warned(&server);
    let names = [
        "Electronic information industry revenue",
        "Electronics revenue",
        "Electronics sales",
    ];
    for pair in names.windows(2) {
        let (from, to) = (format!("en: {}", pair[0]), format!("en: {}", pair[1]));
        server.edit_and_reload(&site, plan, &from, &to);
        // The log is read on another thread: give it a moment to catch up.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while warned(&server) == seen && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let now = warned(&server);
        assert!(
            now > seen,
            "no warning after {to}: {:?}",
            server.log.lock().unwrap()
        );
        seen = now;
    }
}

/// A plan whose commentary names a target of another plan with `@/` is rendered again
/// when an edit of that other plan renames the target: the preview reports the broken
/// link, as a build does.
#[test]
fn renaming_a_target_another_plan_names_is_reported_as_a_build_reports_it() {
    let site = TestSite::bundled();
    let commentary = "content/plans/ganjiang-2021-2023/index.en.md";
    let text = site.read(commentary);
    site.write(
        commentary,
        text + "\nCompare [Ganzhou's textiles](@/plans/ganzhou-2021-work-points/textiles-output/).\n",
    );
    let server = Server::start(&site);
    server.edit_and_reload(
        &site,
        "content/plans/ganzhou-2021-work-points/plan.yaml",
        "  - id: textiles-output\n",
        "  - id: textiles-apparel-output\n",
    );
    assert_reported_as_a_build_reports(
        &site,
        &server,
        "/en/plans/ganjiang-2021-2023/index.html",
        "`@/plans/ganzhou-2021-work-points/textiles-output/` points to no page",
        "ganjiang-2021-2023/index.en.md",
    );
}

/// Asserts that the server printed a line containing `text`.
fn assert_logged(server: &Server, text: &str) {
    let log = server.log.lock().unwrap();
    assert!(
        log.iter().any(|l| l.contains(text)),
        "{text:?} not in {log:?}"
    );
}

/// A target whose commentary links to another target's breakdown drawing reports the
/// broken link, as a build does, when an edit stops drawing that breakdown: the
/// drawing is still on disk while the edit renders, and must not answer for it.
#[test]
fn a_link_to_a_drawing_an_edit_drops_is_reported_as_a_build_reports_it() {
    let site = TestSite::bundled();
    site.write(
        "content/plans/ganjiang-2021-2023/targets/intelligent-manufacturing-revenue.en.md",
        "Compare [the optoelectronics zones](../optoelectronics-revenue/breakdown.svg).\n",
    );
    site.write(
        "content/plans/ganjiang-2021-2023/targets/intelligent-manufacturing-revenue.zh.md",
        "参见[光电信息分组团目标](../optoelectronics-revenue/breakdown.svg)。\n",
    );
    let server = Server::start(&site);
    server.edit_and_reload(
        &site,
        "content/plans/ganjiang-2021-2023/plan.yaml",
        "    breakdown:\n      parts:\n        - {region: ganjiang-jingkai-linkong, value: 850}\n        - {region: ganjiang-yongxiu-zone, value: 85}\n        - {region: ganjiang-gongqing-zone, value: 65}\n",
        "",
    );
    assert_reported_as_a_build_reports(
        &site,
        &server,
        "/en/plans/ganjiang-2021-2023/index.html",
        "breakdown.svg",
        "breakdown.svg",
    );
}

/// Asserts that the preview shows an error over `page` and printed `logged`, and that
/// a build of the site fails naming `built`.
fn assert_reported_as_a_build_reports(
    site: &TestSite,
    server: &Server,
    page: &str,
    logged: &str,
    built: &str,
) {
    let body = server.wait_for(page, "plansite-error");
    assert!(body.contains("plansite-error"), "no error shown on {page}");
    assert_logged(server, logged);
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(built));
}
