//! Incremental builds: after any kind of edit, a build into the previous output gives
//! exactly the bytes of a clean build, renders only the pages of the plans that
//! changed, and a memo that is damaged or out of date means a full build.

use std::path::Path;

use crate::util::{bundled_copy, read_tree};

fn build(root: &Path, out: &Path, extra: &[&str]) -> String {
    let output = assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .arg("--root")
        .arg(root)
        .arg("build")
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

/// The number of pages the build rendered afresh, from its summary line.
fn rendered(stderr: &str) -> usize {
    let at = stderr.find(" rendered").expect(stderr);
    let digits: String = stderr[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const WORK_POINTS: &str = "content/plans/ganzhou-2021-work-points/plan.yaml";

#[test]
fn every_kind_of_edit_rebuilds_to_the_bytes_of_a_clean_build() {
    let site = bundled_copy();
    let root = site.path();
    let outs = tempfile::tempdir().unwrap();
    let out = outs.path().join("public");
    let full = build(root, &out, &[]);
    let all = rendered(&full);
    let none = build(root, &out, &[]);
    assert_eq!(rendered(&none), all - plan_pages(&out), "{none}");
    type Edit = (&'static str, &'static str, &'static str);
    let edits: [Edit; 5] = [
        // One value of one plan.
        (
            WORK_POINTS,
            "value: {about: 8.8, qualifier: strive}",
            "value: {about: 8.9, qualifier: strive}",
        ),
        // A registry entry every plan may show.
        ("content/chains.yaml", "en: ", "en: X "),
        // A plan's commentary.
        (
            "content/plans/ganjiang-2021-2023/index.en.md",
            "\n\n",
            "\n\nA sentence added here.\n\n",
        ),
        // A second value of the same plan, after other edits.
        (WORK_POINTS, "value: 11.6", "value: 11.7"),
        // The home page's commentary.
        ("content/index.en.md", "\n\n", "\n\nAnother sentence.\n\n"),
    ];
    for (i, (file, from, to)) in edits.iter().enumerate() {
        edit(root, file, from, to);
        let stderr = build(root, &out, &[]);
        let clean = outs.path().join(format!("clean-{i}"));
        build(root, &clean, &[]);
        assert_eq!(
            read_tree(&out),
            read_tree(&clean),
            "after editing {file}, the incremental build differs from a clean one"
        );
        if *file == WORK_POINTS {
            assert!(rendered(&stderr) < all, "{stderr}");
        }
    }
}

/// How many pages belong to plans (plan and target pages, both languages): what a
/// no-op rebuild carries over.
fn plan_pages(out: &Path) -> usize {
    walkdir::WalkDir::new(out.join("zh/plans"))
        .min_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count()
        * 2
}

#[test]
fn a_damaged_or_foreign_memo_means_a_full_build_and_a_hand_edited_file_is_rendered_again() {
    let site = bundled_copy();
    let root = site.path();
    let outs = tempfile::tempdir().unwrap();
    let out = outs.path().join("public");
    let all = rendered(&build(root, &out, &[]));
    let memo = outs.path().join(".public.plansite-memo.json");
    assert!(
        memo.is_file(),
        "the memo lives beside the output, not in it"
    );
    assert!(!out.join(".public.plansite-memo.json").exists());
    // Damaged: cut in half.
    let text = std::fs::read(&memo).unwrap();
    std::fs::write(&memo, &text[..text.len() / 2]).unwrap();
    assert_eq!(rendered(&build(root, &out, &[])), all);
    // Another version's memo.
    let text = std::fs::read_to_string(&memo).unwrap();
    std::fs::write(&memo, text.replacen("memo 1", "memo 0", 1)).unwrap();
    assert_eq!(rendered(&build(root, &out, &[])), all);
    // A page of the output changed by hand is not trusted.
    let page = out.join("en/plans/ganjiang-2021-2023/index.html");
    let good = std::fs::read(&page).unwrap();
    std::fs::write(&page, b"tampered").unwrap();
    let stderr = build(root, &out, &[]);
    assert!(rendered(&stderr) < all, "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), good);
    // --clean renders everything.
    assert_eq!(rendered(&build(root, &out, &["--clean"])), all);
}

/// One edit of the bundled site that keeps it valid: `kind` chooses what is edited
/// (a target's English name in a plan, an entry of a registry, a clause title of a
/// source record, a template, a commentary), `pick` which one, `n` the new words.
fn random_edit(root: &Path, kind: u8, pick: usize, n: u32) -> String {
    let files = |dir: &str, suffix: &str| -> Vec<String> {
        let mut found: Vec<String> = walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| {
                e.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|p| p.ends_with(suffix))
            .collect();
        found.sort();
        found
    };
    // Puts " R<n>" at the end of the English text of the `pick`th line that starts
    // with `lead` in one of `candidates`.
    let rename = |candidates: Vec<String>, lead: &str| -> String {
        let mut lines: Vec<(String, usize)> = Vec::new();
        for file in &candidates {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            for (i, line) in text.lines().enumerate() {
                // Plain `{zh: …, en: …}` lines only: no quoted text, nothing nested.
                let plain = line.matches('{').count() == 1
                    && line.matches('}').count() == 1
                    && !line.contains(", en: '")
                    && !line.contains(", en: \"");
                if line.trim_start().starts_with(lead)
                    && line.contains(", en: ")
                    && line.ends_with('}')
                    && plain
                {
                    lines.push((file.clone(), i));
                }
            }
        }
        let (file, at) = lines[pick % lines.len()].clone();
        let text = std::fs::read_to_string(root.join(&file)).unwrap();
        let edited: Vec<String> = text
            .lines()
            .enumerate()
            .map(|(i, l)| match i == at {
                true => format!("{} R{n}}}", &l[..l.len() - 1]),
                false => l.to_string(),
            })
            .collect();
        std::fs::write(root.join(&file), edited.join("\n") + "\n").unwrap();
        format!("{file}:{}", at + 1)
    };
    match kind % 5 {
        0 => rename(files("content/plans", "plan.yaml"), "name: {zh:"),
        // Chains and topics: units and regions must keep their names consistent
        // across entries, which a random rename could break.
        1 => rename(
            vec!["content/chains.yaml".into(), "content/topics.yaml".into()],
            "name: {zh:",
        ),
        2 => rename(files("seeds", ".yaml"), "title: {zh:"),
        3 => {
            let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default/templates/partials/footer.html");
            let footer = std::fs::read_to_string(theme).unwrap();
            let path = root.join("templates/partials/footer.html");
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, format!("{footer}<!-- edition {n} -->\n")).unwrap();
            format!("templates/partials/footer.html ({n})")
        }
        _ => {
            let all = files("content", ".md");
            let file = &all[pick % all.len()];
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            std::fs::write(root.join(file), format!("{text}\nRevision {n}.\n")).unwrap();
            file.clone()
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 5,
        // Each case builds the bundled site seven times: no file of failures to
        // replay, the failing edits are in the message.
        failure_persistence: None,
        ..Default::default()
    })]

    /// After any sequence of edits of any kind, a build into the previous output gives
    /// exactly the bytes of a clean build.
    #[test]
    fn random_edits_rebuild_to_the_bytes_of_a_clean_build(
        edits in proptest::collection::vec((0u8..5, 0usize..1000, 1u32..1000), 3)
    ) {
        let site = bundled_copy();
        let root = site.path();
        let outs = tempfile::tempdir().unwrap();
        let out = outs.path().join("public");
        build(root, &out, &[]);
        for (i, (kind, pick, n)) in edits.into_iter().enumerate() {
            let what = random_edit(root, kind, pick, n);
            build(root, &out, &[]);
            let clean = outs.path().join(format!("clean-{i}"));
            build(root, &clean, &[]);
            proptest::prop_assert!(
                read_tree(&out) == read_tree(&clean),
                "after editing {}, the incremental build differs from a clean one", what
            );
        }
    }
}
