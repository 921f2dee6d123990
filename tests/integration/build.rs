//! Building fixture sites: structure, language twins, numbers, links.

use crate::util::{TestSite, attrs, read_tree};

#[test]
fn starter_site_builds_both_language_trees() {
    let site = TestSite::starter();
    let out = site.build_ok();
    for lang in ["zh", "en"] {
        for page in [
            "index.html",
            "plans/example-2025/index.html",
            "plans/example-2025/electronics-revenue/index.html",
            "plans/example-2025/new-high-tech-firms/index.html",
        ] {
            assert!(
                out.contains_key(&format!("{lang}/{page}")),
                "missing {lang}/{page}"
            );
        }
    }
    assert!(out.contains_key("static/style.css"));
}

#[test]
fn pages_declare_their_language() {
    let out = TestSite::starter().build_ok();
    for (path, html) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        if path.starts_with("zh/") {
            assert!(html.contains("<html lang=\"zh-Hans\""), "{path}");
        } else if path.starts_with("en/") {
            assert!(html.contains("<html lang=\"en\""), "{path}");
        }
    }
}

#[test]
fn every_page_links_to_its_twin_in_the_other_language() {
    let out = TestSite::starter().build_ok();
    let page = &out["zh/plans/example-2025/electronics-revenue/index.html"];
    assert!(
        page.contains(r#"href="../../../../en/plans/example-2025/electronics-revenue/index.html" lang="en" hreflang="en""#),
        "{page}"
    );
    let page = &out["en/plans/example-2025/index.html"];
    assert!(page.contains(r#"href="../../../zh/plans/example-2025/index.html" lang="zh-Hans""#));
    assert!(page.contains(r#"<link rel="alternate" hreflang="zh-Hans" href="https://www.example.gov.cn/plans/zh/plans/example-2025/">"#));
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    let out = TestSite::starter().build_ok();
    let zh = &out["zh/plans/example-2025/electronics-revenue/index.html"];
    let en = &out["en/plans/example-2025/electronics-revenue/index.html"];
    assert!(zh.contains("确保突破1000亿元，力争1200亿元"), "{zh}");
    assert!(
        en.contains("ensure over CNY 100 billion; strive for CNY 120 billion"),
        "{en}"
    );
    assert!(zh.contains("2022年：700亿元"));
    assert!(en.contains("2022: CNY 70 billion"));
    let zh = &out["zh/plans/example-2025/new-high-tech-firms/index.html"];
    let en = &out["en/plans/example-2025/new-high-tech-firms/index.html"];
    assert!(zh.contains("30～50家"));
    assert!(en.contains("30–50 firms"));
}

#[test]
fn every_internal_link_is_relative_and_resolves() {
    let site = TestSite::starter();
    let out = site.build_ok();
    // 404 pages are served at any address, so they link from the base path instead.
    let pages = out
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.ends_with("404.html"));
    for (path, html) in pages {
        for link in attrs(html, "href").into_iter().chain(attrs(html, "src")) {
            let external = link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("data:");
            assert!(!link.starts_with('/'), "{path}: root-absolute link {link}");
            if external {
                continue;
            }
            let file = link.split('#').next().unwrap();
            if file.is_empty() {
                continue;
            }
            let base = std::path::Path::new(path).parent().unwrap();
            let target = site.path("public").join(base).join(file);
            assert!(target.is_file(), "{path}: {link} does not resolve");
        }
    }
}

#[test]
fn not_found_pages_link_from_the_base_path() {
    let out = TestSite::starter().build_ok();
    for page in ["404.html", "zh/404.html", "en/404.html"] {
        let html = &out[page];
        assert!(html.contains(r#"href="/plans/static/style.css""#), "{page}");
        assert!(
            html.contains(r#"<meta name="robots" content="noindex">"#),
            "{page}"
        );
    }
    assert!(out["404.html"].contains(r#"href="/plans/en/index.html""#));
}

#[test]
fn root_page_leads_to_the_default_language_without_script() {
    let out = TestSite::starter().build_ok();
    let root = &out["index.html"];
    assert!(
        root.contains(r#"<meta http-equiv="refresh" content="0; url=zh/index.html">"#),
        "{root}"
    );
    assert!(root.contains(r#"<a href="zh/index.html""#));
    assert!(root.contains(r#"<a href="en/index.html""#));
    assert!(!root.contains("<script"));
}

#[test]
fn building_twice_gives_identical_bytes() {
    let site = TestSite::starter();
    let first = site.build_ok();
    let second = site.build_ok();
    assert_eq!(first, second);
}

#[test]
fn base_url_sub_path_appears_only_in_absolute_addresses() {
    let site = TestSite::starter();
    site.edit(
        "site.yaml",
        "base_url: https://www.example.gov.cn/plans/",
        "base_url: https://portal.example.cn/open/plans",
    );
    let out = site.build_ok();
    let page = &out["en/index.html"];
    assert!(
        page.contains(r#"<link rel="canonical" href="https://portal.example.cn/open/plans/en/">"#),
        "{page}"
    );
    assert!(page.contains(r#"href="../static/style.css""#));
}

#[test]
fn site_templates_override_the_theme() {
    let site = TestSite::starter();
    site.write(
        "templates/root.html",
        "<!DOCTYPE html><html lang=\"zh-Hans\"><head><title>x</title></head><body>custom root {{ default_href }}</body></html>",
    );
    let out = site.build_ok();
    assert!(out["index.html"].contains("custom root zh/index.html"));
}

#[test]
fn commentary_markdown_renders_tables_footnotes_and_heading_ids() {
    let site = TestSite::starter();
    site.write(
        "content/plans/example-2025/index.en.md",
        "## Goals\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nA claim.[^1]\n\n[^1]: The source.\n\nSee [the firms target](@/plans/example-2025/new-high-tech-firms/).\n",
    );
    let out = site.build_ok();
    let page = &out["en/plans/example-2025/index.html"];
    assert!(page.contains(r#"<h3 id="goals">Goals</h3>"#), "{page}");
    assert!(page.contains("<table>"));
    assert!(page.contains("footnote"));
    assert!(
        page.contains(r#"href="../../../en/plans/example-2025/new-high-tech-firms/index.html""#)
    );
}

#[test]
fn new_refuses_a_directory_that_is_not_empty() {
    let site = TestSite::starter();
    let mut c = assert_cmd::Command::cargo_bin("plansite").unwrap();
    c.arg("new").arg(site.root()).assert().code(1);
}

#[test]
fn every_command_has_help() {
    for cmd in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
        vec!["new", "--help"],
    ] {
        let out = assert_cmd::Command::cargo_bin("plansite")
            .unwrap()
            .args(&cmd)
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{cmd:?}"
        );
    }
}

#[test]
fn usage_errors_exit_with_two() {
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .arg("frobnicate")
        .assert()
        .code(2);
}

#[test]
fn a_site_rewords_a_view_sentence_and_a_date_through_its_i18n_override() {
    let site = TestSite::starter();
    site.write(
        "i18n/zh.yaml",
        "baseline_with_value: \"基数：{year}年为{value}\"\ndate_day: \"{year}年{month}月{day}号\"\n",
    );
    site.write(
        "i18n/en.yaml",
        "baseline_with_value: \"Base year {year}, at {value}\"\n",
    );
    let out = site.build_ok();
    let zh = &out["zh/plans/example-2025/electronics-revenue/index.html"];
    let en = &out["en/plans/example-2025/electronics-revenue/index.html"];
    assert!(zh.contains("基数：2022年为700亿元"), "{zh}");
    assert!(zh.contains("号"), "the reworded date pattern is used");
    assert!(en.contains("Base year 2022, at CNY 70 billion"), "{en}");
}

#[test]
fn every_page_carries_a_content_security_policy_before_anything_it_loads() {
    let site = TestSite::starter();
    site.write(
        "content/plans/example-2025/index.en.md",
        "---\nsummary: s\n---\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<p>raw <b>html</b></p>\n",
    );
    let out = site.build_ok();
    let mut pages = 0;
    for (path, html) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let head = &html[..html.find("</head>").unwrap_or(html.len())];
        let meta = head
            .find("<meta http-equiv=\"Content-Security-Policy\" content=\"")
            .unwrap_or_else(|| panic!("{path} has no policy"));
        let policy = head[meta..]
            .split('"')
            .nth(3)
            .unwrap_or_default()
            .replace("&#39;", "'")
            .replace("&#x27;", "'");
        assert!(
            policy.starts_with("default-src 'none'; script-src 'self'; style-src 'self';")
                && policy.contains("img-src 'self' data:")
                && !policy.contains("unsafe"),
            "{path}: {policy}"
        );
        for loaded in ["<script", "<link rel=\"stylesheet\"", "<link rel=\"icon\""] {
            if let Some(at) = head.find(loaded) {
                assert!(meta < at, "{path}: {loaded} comes before the policy");
            }
        }
        // What the policy would block must not be on the page at all.
        assert!(!html.contains("<script>"), "{path} has an inline script");
        assert!(!html.contains("<style"), "{path} has a style element");
        assert!(!html.contains(" style=\""), "{path} has a style attribute");
        assert!(!html.contains(" onclick="), "{path} has an inline handler");
    }
    assert!(pages > 40, "{pages} pages");
}

/// Every file of the output with its inode and modification time.
#[cfg(unix)]
fn file_stamps(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<String, (u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, (m.ino(), m.modified().unwrap()))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_every_unchanged_file_and_rewrites_only_what_an_edit_touched() {
    let site = TestSite::starter();
    let first = site.build_ok();
    let before = file_stamps(&site.path("public"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    // Nothing changed: every file is the previous build's file.
    let out = site.cmd(&["build"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(" 0 written, "), "{stderr}");
    let same = file_stamps(&site.path("public"));
    assert_eq!(before, same, "a no-op rebuild touched files");
    // One value edited: the pages showing it change, the rest keep their file.
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "value: {range: [30, 50]}",
        "value: {range: [30, 60]}",
    );
    let second = site.build_ok();
    let after = file_stamps(&site.path("public"));
    let changed: Vec<&String> = after
        .iter()
        .filter(|(p, s)| before.get(*p) != Some(s))
        .map(|(p, _)| p)
        .collect();
    assert!(!changed.is_empty());
    for path in &changed {
        assert_ne!(
            first.get(*path),
            second.get(*path),
            "{path} was rewritten with the same bytes"
        );
    }
    for (path, stamp) in &after {
        if first.get(path) != second.get(path) {
            assert_ne!(
                before.get(path),
                Some(stamp),
                "{path} changed but kept the old file"
            );
        }
    }
    // The starter is one small plan: many of its pages show the target, not all.
    assert!(
        changed.len() * 2 < after.len(),
        "{} of {} files rewritten",
        changed.len(),
        after.len()
    );
    // --clean writes every file afresh.
    site.cmd(&["build", "--clean"]).assert().success();
    let clean = file_stamps(&site.path("public"));
    assert!(
        clean.iter().all(|(p, s)| after.get(p) != Some(s)),
        "--clean kept a file"
    );
    assert_eq!(
        read_tree(&site.path("public")),
        second,
        "--clean wrote the same site"
    );
}

#[test]
fn relative_links_to_files_the_site_has_build() {
    let site = TestSite::starter();
    site.write("static/report.pdf", b"%PDF-1.4\n");
    site.write(
        "content/plans/example-2025/index.en.md",
        "---\nsummary: s\n---\nSee [all plans](../), [home](../../#main), [the file](/plans/static/report.pdf), [again](@/static/report.pdf), \
         [a target](new-high-tech-firms/) and <a href=\"../../../zh/plans/example-2025/\">the Chinese page</a>.\n",
    );
    let out = site.build_ok();
    let plan = &out["en/plans/example-2025/index.html"];
    assert!(plan.contains("href=\"new-high-tech-firms/\""), "{plan}");
    assert!(
        plan.contains("href=\"../../../static/report.pdf\""),
        "{plan}"
    );
}
