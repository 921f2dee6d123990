//! Input that is accepted but could do harm, and the moments a build can be stopped:
//! markup in names and scripts in commentary come out neutralised, symbolic links are
//! refused at every level, and a build killed at any moment leaves one whole site.

use crate::bad_inputs::PLAN;
use crate::util::{SearchIndex, TestSite, read_tree};

#[test]
fn markup_in_names_and_commentary_is_neutralised() {
    let site = TestSite::starter();
    site.edit(
        PLAN,
        "en: New high-tech enterprises}",
        "en: '<img src=x onerror=alert(1)> \"firms\" & <b>co</b>'}",
    );
    site.write(
        "content/plans/example-2025/index.en.md",
        "Intro\n\n<script>alert('x')</script>\n\n<p onclick=\"steal()\">Click</p>\n\n<a href=\"javascript:alert(1)\">bad</a>\n\n[also bad](javascript:alert(2))\n\n<table><tr><td>kept</td></tr></table>\n",
    );
    let out = site.build_ok();
    let target = &out["en/plans/example-2025/new-high-tech-firms/index.html"];
    assert!(
        !target.contains("<img src=x"),
        "name markup reached the page"
    );
    assert!(target.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let plan = &out["en/plans/example-2025/index.html"];
    assert!(!plan.contains("<script>alert"), "{plan}");
    assert!(!plan.contains("onclick"));
    assert!(!plan.contains("javascript:"));
    assert!(plan.contains("<td>kept</td>"));
    let json = &out["data/targets.json"];
    let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
    let names: Vec<&str> = parsed["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"]["en"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"<img src=x onerror=alert(1)> \"firms\" & <b>co</b>"));
    let index = SearchIndex::of(&out, "en");
    assert!(
        index
            .docs
            .iter()
            .any(|d| d[1] == "<img src=x onerror=alert(1)> \"firms\" & <b>co</b>"),
        "the name is indexed as text"
    );
}

#[test]
fn a_build_killed_at_any_moment_leaves_one_whole_site_and_the_next_build_recovers() {
    // A real SIGKILL at several moments of a build: the output is always either the
    // previous site or the new one, byte for byte, never a mixture.
    let site = TestSite::starter();
    site.grow_starter_plan(120);
    let before = site.build_ok();
    site.edit(
        PLAN,
        "en: New high-tech enterprises}",
        "en: Newly certified high-tech firms}",
    );
    let started = std::time::Instant::now();
    let after = site.build_ok();
    let full = started.elapsed();
    assert_ne!(before, after);
    site.edit(
        PLAN,
        "en: Newly certified high-tech firms}",
        "en: New high-tech enterprises}",
    );
    site.build_ok();
    let mut saw_old = false;
    for step in 0..5u32 {
        site.edit(
            PLAN,
            "en: New high-tech enterprises}",
            "en: Newly certified high-tech firms}",
        );
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("plansite"))
            .arg("--root")
            .arg(site.root())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full * step / 5);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = read_tree(&site.path("public"));
        if status.success() {
            assert_eq!(now, after, "a finished build wrote the new site");
        } else {
            assert!(
                now == before || now == after,
                "a killed build left a mixture"
            );
            saw_old |= now == before;
        }
        site.edit(
            PLAN,
            "en: Newly certified high-tech firms}",
            "en: New high-tech enterprises}",
        );
        assert_eq!(site.build_ok(), before, "the next build recovers");
    }
    assert!(
        saw_old,
        "no kill landed before the swap; the test proved nothing"
    );
    assert!(!site.path(".public.plansite-staging").exists());
}

#[test]
fn symbolic_links_are_refused() {
    let site = TestSite::starter();
    let before = site.build_ok();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "secret\n").unwrap();
    std::fs::remove_file(site.path("content/index.en.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("content/index.en.md")).unwrap();
    let output = site.cmd(&["build"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("symbolic links are not followed"),
        "{stderr}"
    );
    assert!(stderr.contains("content/index.en.md"), "{stderr}");
    assert_eq!(read_tree(&site.path("public")), before);
}

/// Moves `rel` of the site out to a folder outside it and links it back in place.
#[cfg(unix)]
fn link_out(site: &TestSite, rel: &str, outside: &std::path::Path) {
    let target = outside.join(rel.replace('/', "_"));
    std::fs::rename(site.path(rel), &target).unwrap();
    std::os::unix::fs::symlink(&target, site.path(rel)).unwrap();
}

#[cfg(unix)]
#[test]
fn symbolic_links_to_folders_are_refused_at_every_level() {
    for rel in [
        "content",
        "content/plans",
        "content/plans/example-2025",
        "seeds",
    ] {
        let site = TestSite::starter();
        let before = site.build_ok();
        let outside = tempfile::tempdir().unwrap();
        link_out(&site, rel, outside.path());
        let output = site.cmd(&["build"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{rel}: {stderr}");
        assert!(
            stderr.contains("symbolic links are not followed"),
            "{rel}: {stderr}"
        );
        assert!(stderr.contains(rel), "{rel}: {stderr}");
        assert_eq!(read_tree(&site.path("public")), before, "{rel}");
    }
}
