//! The bundled site's search, run by the site's own script in Node: Chinese and English
//! queries find the pages they name.

use std::process::Command;

use crate::bundled::built;

/// Runs the site's own search script in Node against the built index (through
/// `scripts/search_node.js`), one run for all `queries`: every result's address.
fn search(
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    lang: &str,
    queries: &[&str],
) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        if path.starts_with(&format!("{lang}/search-index/")) || path == "static/search.js" {
            let to = dir.path().join(path);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
    }
    let harness = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/search_node.js");
    let out = Command::new("node")
        .arg(harness)
        .arg(dir.path())
        .arg(lang)
        .arg("--all")
        .args(queries)
        .output()
        .expect("node runs the site's search script; install Node.js");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let runs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    runs.iter()
        .map(|r| {
            let hrefs = r["hrefs"].as_array().unwrap();
            assert_eq!(hrefs.len() as u64, r["count"].as_u64().unwrap());
            hrefs
                .iter()
                .map(|h| h.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn chinese_and_english_queries_find_the_right_pages() {
    let (files, _) = built();
    let cases: &[(&str, &str, &str)] = &[
        ("zh", "稀土", "ganzhou"),
        (
            "zh",
            "家居",
            "zh/plans/ganzhou-2021-work-points/furniture-output/index.html",
        ),
        (
            "zh",
            "电子信息",
            "zh/chains/electronic-information/index.html",
        ),
        (
            "zh",
            "有机硅",
            "zh/plans/ganjiang-2021-2023/silicones-revenue/index.html",
        ),
        (
            "zh",
            "光电信息 2023",
            "zh/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html",
        ),
        (
            "zh",
            "electronic",
            "zh/chains/electronic-information/index.html",
        ),
        (
            "en",
            "organosilicon",
            "en/plans/ganjiang-2021-2023/silicones-revenue/index.html",
        ),
        (
            "en",
            "electr 2026",
            "en/plans/yichun-869-2023-2026/electronics-revenue/index.html",
        ),
        (
            "en",
            "有机硅",
            "en/plans/ganjiang-2021-2023/silicones-revenue/index.html",
        ),
        ("en", "furniture", "en/chains/furniture/index.html"),
        // Short forms of bodies, and the figures of the document.
        (
            "zh",
            "赣州市工信局",
            "zh/units/ganzhou-industry-bureau/index.html",
        ),
        (
            "zh",
            "工信局",
            "zh/units/ganzhou-industry-bureau/index.html",
        ),
        (
            "en",
            "工信局",
            "en/units/ganzhou-industry-bureau/index.html",
        ),
        ("zh", "1200", "zh/plans/"),
        ("en", "1200", "en/plans/"),
        // A figure or a year with the character after it, and one character alone.
        (
            "zh",
            "1000亿",
            "zh/plans/ganzhou-2021-work-points/electronics-output/index.html",
        ),
        (
            "en",
            "1000亿",
            "en/plans/ganzhou-2021-work-points/electronics-output/index.html",
        ),
        (
            "zh",
            "2025年",
            "zh/plans/jiangxi-pilot-zones-2021/rd-spending-share/index.html",
        ),
        (
            "zh",
            "锂",
            "zh/plans/yichun-869-2023-2026/new-energy-revenue/index.html",
        ),
        // A body's short form finds the targets it works on.
        (
            "zh",
            "工信局 2026",
            "zh/plans/yichun-869-2023-2026/industrial-revenue-growth/index.html",
        ),
        // English plurals and the forms foreign readers know.
        (
            "en",
            "electronics",
            "en/chains/electronic-information/index.html",
        ),
        (
            "en",
            "revenues",
            "en/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html",
        ),
        (
            "en",
            "NDRC",
            "en/plans/ganzhou-2021-work-points/nonferrous-output/index.html",
        ),
        (
            "en",
            "management committee",
            "en/plans/ganjiang-2021-2023/major-industrial-projects/index.html",
        ),
    ];
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("skipped: the search script needs Node.js, which is not installed");
        return;
    }
    for lang in ["zh", "en"] {
        let asked: Vec<&(&str, &str, &str)> = cases.iter().filter(|c| c.0 == lang).collect();
        let mut queries: Vec<&str> = asked.iter().map(|c| c.1).collect();
        queries.extend(["不存在的词组合", "电子信息"]);
        let found = search(files, lang, &queries);
        for ((_, query, expected), hits) in asked.iter().zip(&found) {
            assert!(
                hits.iter().any(|h| h.contains(expected)),
                "{lang} {query:?} → {hits:?}"
            );
        }
        assert!(
            found[asked.len()].is_empty(),
            "{lang}: {:?}",
            found[asked.len()]
        );
        // Targets come first, and "电子信息" names a chain and several targets.
        let hits = &found[asked.len() + 1];
        let first_other = hits.iter().position(|h| h.matches('/').count() != 4);
        let last_target = hits.iter().rposition(|h| h.matches('/').count() == 4);
        assert!(
            matches!((first_other, last_target), (Some(o), Some(t)) if t < o),
            "{lang} {hits:?}"
        );
    }
}
