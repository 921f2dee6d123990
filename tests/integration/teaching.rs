//! Errors that teach: the common slips of editors who are not programmers get the
//! field's shape with an example and the likely cause, in their words, never the
//! name of a Rust type.

use crate::util::TestSite;

const PLAN: &str = "content/plans/example-2025/plan.yaml";

struct Slip {
    name: &'static str,
    from: &'static str,
    to: &'static str,
    /// Pieces the message must hold.
    message: &'static [&'static str],
    /// A piece of the help line.
    help: &'static str,
}

const SLIPS: &[Slip] = &[
    Slip {
        name: "a breakdown written as a bare list of parts",
        from: "    baseline: {year: 2022, value: 700}",
        to: "    baseline: {year: 2022, value: 700}\n    breakdown: [{region: example-city, value: 1000}]",
        message: &[
            "expected a breakdown, such as `{kind: partition, parts: [{region: ganzhou, value: 120}]}`",
            "found a list",
        ],
        help: "shape named above",
    },
    Slip {
        name: "a name in one language only",
        from: "name: {zh: 新增高新技术企业, en: New high-tech enterprises}",
        to: "name: 4+4+X 产业",
        message: &[
            "expected text in both languages, such as `{zh: 电子信息, en: Electronic information}`",
            "found the text \"4+4+X 产业\"",
        ],
        help: "the Chinese and the English each under its own key",
    },
    Slip {
        name: "a value quoted only in part",
        from: "name: {zh: 新增高新技术企业, en: New high-tech enterprises}",
        to: "name: {zh: \"4+4+X\"产业体系, en: New high-tech enterprises}",
        message: &["did not find expected ',' or '}'"],
        help: "quote the whole text",
    },
    Slip {
        name: "a figure written with its unit",
        from: "baseline: {year: 2022, value: 700}",
        to: "baseline: {year: 2022, value: 700亿元}",
        message: &["expected a number, such as `1200` or `8.5`; found the text \"700亿元\""],
        help: "without its unit",
    },
    Slip {
        name: "a full-width colon",
        from: "    metric: count",
        to: "    metric：count",
        message: &["could not find expected ':'"],
        help: "full-width colon",
    },
    Slip {
        name: "a tab in the indentation",
        from: "    metric: count",
        to: "\tmetric: count",
        message: &["tab character"],
        help: "indent with spaces",
    },
    Slip {
        name: "a breakdown part with a comparator",
        from: "    baseline: {year: 2022, value: 700}",
        to: "    baseline: {year: 2022, value: 700}\n    breakdown: {kind: of_which, parts: [{region: example-city, value: {at_least: 500}}]}",
        message: &["this figure is plain: write it as `120` or `{reach: 120}`"],
        help: "",
    },
    Slip {
        name: "a department that is not in the registry",
        from: "    lead: [example-industry-bureau]",
        to: "    lead: [example-finance-bureau]",
        message: &["unknown department `example-finance-bureau`"],
        help: "add `example-finance-bureau` to content/units.yaml",
    },
    Slip {
        name: "a blank English note",
        from: "    source: {clause: 三(一)}",
        to: "    source: {clause: 三(一)}\n    note: {zh: 说明, en: \"\"}",
        message: &["the note is empty in `en`"],
        help: "write the note in both languages",
    },
    Slip {
        name: "a bracket left open",
        from: "    unit: firms",
        to: "    unit: [firms",
        message: &[
            "expected a single word from the allowed names; found a list",
            "plan.yaml:26:11",
        ],
        help: "opens a list that is never closed: end it with `]`",
    },
    Slip {
        name: "a quote left open, noticed only at the end of the file",
        from: "    unit: firms",
        to: "    unit: \"firms",
        message: &["the file ends inside a `\"` opened here", "plan.yaml:26:11"],
        help: "opens a quoted text that is never closed",
    },
];

#[test]
fn common_slips_are_explained_in_the_editors_words() {
    let mut failures = Vec::new();
    for slip in SLIPS {
        let site = TestSite::starter();
        site.edit(PLAN, slip.from, slip.to);
        let out = site.cmd(&["check"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = Vec::new();
        if out.status.code() != Some(1) {
            problems.push(format!("exit code {:?}", out.status.code()));
        }
        for piece in slip.message {
            if !stderr.contains(piece) {
                problems.push(format!("message {piece:?} missing"));
            }
        }
        let help = stderr
            .lines()
            .find(|l| l.starts_with("help: "))
            .unwrap_or("");
        if !help.contains(slip.help) {
            problems.push(format!("help {:?} missing", slip.help));
        }
        for internal in [
            "struct ",
            "Raw",
            "Localized",
            "f64",
            "i64",
            "u16",
            "the the ",
            "YAML tag",
            "end of stream",
        ] {
            if stderr.contains(internal) {
                problems.push(format!("says {internal:?}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n{stderr}", slip.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A figure is written the same way wherever it stands: bare, or as `{reach: N}`.
#[test]
fn a_bare_figure_is_a_reach_in_targets_parts_and_outcomes() {
    let bare = TestSite::starter();
    bare.edit(PLAN, "value: {range: [30, 50]}", "value: 40");
    bare.edit(
        PLAN,
        "    baseline: {year: 2022, value: 700}",
        "    baseline: {year: 2022, value: 700}\n    breakdown: {kind: of_which, parts: [{region: example-city, value: 600}]}",
    );
    let spelled = TestSite::starter();
    spelled.edit(PLAN, "value: {range: [30, 50]}", "value: {reach: 40}");
    spelled.edit(
        PLAN,
        "    baseline: {year: 2022, value: 700}",
        "    baseline: {year: 2022, value: 700}\n    breakdown: {kind: of_which, parts: [{region: example-city, value: {reach: 600}}]}",
    );
    let (a, b) = (bare.build_ok(), spelled.build_ok());
    assert_eq!(a, b, "a bare figure and {{reach: N}} built differently");
    let page = &a["en/plans/example-2025/new-high-tech-firms/index.html"];
    assert!(page.contains("40"), "the figure is missing from the page");
}
