//! Bad input: located errors, exit code 1, previous output untouched.

use predicates::prelude::*;

use crate::util::{TestSite, read_tree};

#[test]
fn unknown_yaml_field_is_rejected_with_its_line_and_column() {
    let site = TestSite::starter();
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "    metric: revenue\n",
        "    metric: revenue\n    metirc: output\n",
    );
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown field `metirc`"))
        .stderr(predicate::str::contains(
            "content/plans/example-2025/plan.yaml:15:5",
        ));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = TestSite::starter();
    let before = site.build_ok();
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "chain: electronic-information",
        "chain: no-such-chain",
    );
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown chain `no-such-chain`"))
        .stderr(predicate::str::contains("plan.yaml:13:12"));
    assert_eq!(read_tree(&site.path("public")), before);
}

#[test]
fn a_ui_string_missing_in_one_language_names_the_key_and_file() {
    let site = TestSite::starter();
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    for entry in walkdir::WalkDir::new(&theme)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&theme).unwrap();
            site.write(
                &format!("themes/default/{}", rel.display()),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    site.edit("themes/default/i18n/en.yaml", "nav_plans: Plans\n", "");
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the UI string `nav_plans` is missing in `en`",
        ))
        .stderr(predicate::str::contains("themes/default/i18n/en.yaml"));
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let site = TestSite::starter();
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "chain: electronic-information",
        "chain: nope-one",
    );
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "topic: innovation",
        "topic: nope-two",
    );
    let out = site.cmd(&["check"]).assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nope-one") && stderr.contains("nope-two"),
        "{stderr}"
    );
    assert!(stderr.contains("2 errors"), "{stderr}");
}

#[test]
fn every_target_with_a_typo_is_reported_not_only_the_first() {
    let site = TestSite::starter();
    let plan = "content/plans/example-2025/plan.yaml";
    site.edit(plan, "    unit: yi-yuan", "    unti: yi-yuan");
    site.edit(
        plan,
        "    year: 2025\n    value: {range",
        "    year: twenty\n    value: {range",
    );
    site.edit(plan, "horizon:", "horizn:");
    let out = site.cmd(&["check"]).assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let text = site.read(plan);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    for (needle, message) in [
        ("unti:", "targets[0]: unknown field `unti`"),
        ("year: twenty", "targets[1].year"),
        ("horizn:", "unknown field `horizn`"),
    ] {
        assert!(stderr.contains(message), "{message} missing:\n{stderr}");
        let at = format!("{plan}:{}:", line_of(needle));
        assert!(stderr.contains(&at), "{at} missing:\n{stderr}");
    }
    assert!(stderr.contains("3 errors"), "{stderr}");
}

#[test]
fn output_refuses_to_replace_the_site_itself() {
    let site = TestSite::starter();
    let root = site.root().to_str().unwrap().to_string();
    site.cmd(&["build", "--output", &root])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "would replace the site's own files",
        ));
    assert!(site.path("site.yaml").exists());
}

#[test]
fn a_directory_without_site_yaml_gets_that_error_alone() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .arg("--root")
        .arg(dir.path())
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no site.yaml in"))
        .stderr(predicate::str::contains("plansite new <dir>"))
        .stderr(predicate::str::contains("warning:").not())
        .stderr(predicate::str::contains("1 error, 0 warnings."));
    assert!(!dir.path().join("public").exists());
}

/// The exit code of `plansite --root SITE ARGS` with standard error on a full disk
/// (`/dev/full`: every write fails) and then closed.
fn codes_with_broken_stderr(site: &TestSite, args: &[&str]) -> Option<(i32, i32)> {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()?;
    let run = |stderr: std::process::Stdio| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("plansite"))
            .arg("--root")
            .arg(site.root())
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(stderr)
            .status()
            .unwrap()
            .code()
            .unwrap_or(-1)
    };
    Some((run(full.into()), run(std::process::Stdio::null())))
}

#[test]
fn a_full_or_closed_stderr_ends_in_the_exit_code_not_a_panic() {
    let site = TestSite::starter();
    let Some(ok) = codes_with_broken_stderr(&site, &["build"]) else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    assert_eq!(ok, (0, 0), "a good build with nowhere to report");
    assert_eq!(codes_with_broken_stderr(&site, &["check"]), Some((0, 0)));
    site.edit(
        "content/plans/example-2025/plan.yaml",
        "    metric: revenue\n",
        "    metirc: revenue\n",
    );
    assert_eq!(
        codes_with_broken_stderr(&site, &["build"]),
        Some((1, 1)),
        "a bad build still says so by its exit code"
    );
}

#[test]
fn a_folder_that_cannot_be_read_is_an_error_not_an_empty_folder() {
    let site = TestSite::starter();
    let before = site.build_ok();
    // A folder of plans replaced by a file cannot be listed: the build must say so,
    // not publish a site without plans.
    std::fs::remove_dir_all(site.path("content/plans")).unwrap();
    site.write("content/plans", "not a folder");
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("content/plans"))
        .stderr(predicate::str::contains("cannot read the directory"));
    assert_eq!(
        read_tree(&site.path("public")),
        before,
        "the previous site stays"
    );
}

#[cfg(unix)]
#[test]
fn a_folder_without_read_permission_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::starter();
    let plans = site.path("content/plans");
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&plans).is_ok() {
        std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as a user who reads any folder (root)");
        return;
    }
    let output = site.cmd(&["build"]).output().unwrap();
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot read the directory"), "{stderr}");
    assert!(stderr.contains("ermission denied"), "{stderr}");
}

#[test]
fn an_unreadable_seeds_folder_is_one_error_not_one_per_reference() {
    let site = TestSite::starter();
    // A file where the folder should be cannot be listed, even by root.
    std::fs::remove_dir_all(site.path("seeds")).unwrap();
    site.write("seeds", "not a folder");
    let output = site.cmd(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot read the directory"), "{stderr}");
    assert!(stderr.contains("--> seeds"), "{stderr}");
    assert!(!stderr.contains("unknown source record"), "{stderr}");
    assert!(stderr.contains("1 error,"), "{stderr}");
}

#[test]
fn stars_that_will_show_are_a_warning_at_their_line() {
    let site = TestSite::starter();
    site.write(
        "content/plans/example-2025/index.zh.md",
        "说明\n\n- **“重点任务”**一节列出数字。\n",
    );
    let output = site.cmd(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: `**` will be shown as it is"),
        "{stderr}"
    );
    assert!(stderr.contains("index.zh.md:3:3"), "{stderr}");
    assert!(stderr.contains("“**重点任务**”一节"), "{stderr}");
}

#[test]
fn one_body_put_into_english_two_ways_is_a_warning_at_the_second() {
    let site = TestSite::starter();
    let units = site.read("content/units.yaml");
    let regions = site.read("content/regions.yaml");
    site.write(
        "content/regions.yaml",
        format!("{regions}- id: other-city\n  name: {{zh: 另一市, en: Other City}}\n"),
    );
    site.write(
        "content/units.yaml",
        format!(
            "{units}- id: example-commerce\n  name: {{zh: 示例市商务局, en: Example City Bureau of Commerce}}\n  region: example-city\n\
             - id: other-commerce\n  name: {{zh: 另一市商务局, en: Other City Commerce Bureau}}\n  region: other-city\n"
        ),
    );
    let output = site.cmd(&["check"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: 商务局 is put as \"Other City Commerce Bureau\" here but as \"Example City Bureau of Commerce\" before"),
        "{stderr}"
    );
    assert!(stderr.contains("units.yaml:"), "{stderr}");
}

#[test]
fn one_term_put_into_english_two_ways_across_registries_is_a_warning() {
    let site = TestSite::starter();
    let append = |file: &str, extra: &str| {
        let text = site.read(file);
        site.write(file, format!("{text}{extra}"));
    };
    append(
        "content/regions.yaml",
        "- id: jia-county\n  name: {zh: 甲县, en: Jia County}\n\
         - id: yi-county\n  name: {zh: 乙县, en: Yi county}\n\
         - id: bing-new-area\n  name: {zh: 丙新区, en: Bing New Area}\n",
    );
    append(
        "content/units.yaml",
        "- id: bing-committee\n  name: {zh: 丙新区管委会, en: Bing New District Administrative Committee}\n",
    );
    append(
        "content/chains.yaml",
        "- id: nev\n  name: {zh: 新能源汽车, en: New-energy vehicles}\n",
    );
    append(
        "content/topics.yaml",
        "- id: ev-chain\n  name: {zh: 新能源汽车产业链, en: Electric vehicle value chain}\n\
         - id: same-spelling\n  name: {zh: 新能源汽车产业链, en: New energy vehicle industry chain}\n",
    );
    let output = site.cmd(&["check"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "warning: 县 is put as \"county\" here but as \"County\" in content/regions.yaml (`jia-county`)",
        "warning: 新区 is put as \"New District\" here but as \"New Area\" in content/regions.yaml (`bing-new-area`)",
        "warning: 新能源汽车 is put as \"electric vehicle\" here but as \"new-energy vehicles\" in content/chains.yaml (`nev`)",
        "warning: 产业链 is put as \"industry chain\" here but as \"value chain\" in content/topics.yaml (`ev-chain`)",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
    assert_eq!(
        stderr.matches("warning: 新能源汽车 is put as").count(),
        1,
        "another spelling of the same rendering is not a second one: {stderr}"
    );
    assert!(stderr.contains("regions.yaml:"), "{stderr}");
    assert!(stderr.contains("units.yaml:"), "{stderr}");
}
