//! A table of bad inputs. Each case edits the starter site, builds, and asserts the
//! exit code, the message, the reported location, and that the previous output is
//! byte for byte unchanged. Input that is accepted but could do harm is in
//! `hostile.rs`.

use crate::util::{TestSite, read_tree};

pub const PLAN: &str = "content/plans/example-2025/plan.yaml";

/// What a case does to the site.
enum Edit {
    /// Replace the first occurrence of a string in a file.
    Replace(&'static str, &'static str, &'static str),
    /// Write a whole file.
    Write(&'static str, &'static [u8]),
}

struct Case {
    name: &'static str,
    edits: &'static [Edit],
    /// A piece of the error message.
    message: &'static str,
    /// `file:line:column` (or just the file) the error must point at.
    location: &'static str,
}

use Edit::*;

/// A value nested 64,000 levels deep.
const DEEP: &str = const_str_deep();

const fn const_str_deep() -> &'static str {
    const N: usize = 64_000;
    static BYTES: [u8; 2 * N] = {
        let mut b = [b']'; 2 * N];
        let mut i = 0;
        while i < N {
            b[i] = b'[';
            i += 1;
        }
        b
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("brackets are ASCII"),
    }
}

const CASES: &[Case] = &[
    Case {
        name: "malformed YAML: a key without its colon",
        edits: &[Replace(PLAN, "    metric: revenue", "    metric revenue")],
        message: "could not find expected ':'",
        location: "plan.yaml:15:5",
    },
    Case {
        name: "malformed YAML: an unclosed flow mapping",
        edits: &[Replace(PLAN, "{zh: 新增高新技术企业, en: New high-tech enterprises}", "{zh: 新增高新技术企业, en: New high-tech enterprises")],
        message: "did not find expected ',' or '}'",
        location: "plan.yaml:24:10",
    },
    Case {
        name: "malformed YAML: a tab used for indentation",
        edits: &[Replace(PLAN, "    unit: yi-yuan", "\tunit: yi-yuan")],
        message: "found a tab character that violates indentation",
        location: "plan.yaml:15:1",
    },
    Case {
        name: "a control character written as an escape",
        edits: &[Replace(PLAN, "en: New high-tech enterprises}", "en: \"New\\0 firms\"}")],
        message: "the control character U+0000",
        location: "plan.yaml:23:34",
    },
    Case {
        name: "an escape character written as \\e in site.yaml",
        edits: &[Replace("site.yaml", "  en: Example City industrial plan targets", "  en: \"Example \\e[31mCity\"")],
        message: "the control character U+001B",
        location: "site.yaml:5:16",
    },
    Case {
        name: "a C1 control written as \\x85 in front matter",
        edits: &[Write("content/index.en.md", b"---\nsummary: \"A\\x85B\"\n---\nText\n")],
        message: "the control character U+0085",
        location: "index.en.md:2:12",
    },
    Case {
        name: "a raw control character in a name",
        edits: &[Replace(PLAN, "en: New high-tech enterprises}", "en: New\x07 firms}")],
        message: "the control character U+0007",
        location: "plan.yaml:23:33",
    },
    Case {
        name: "a raw C1 control character in commentary",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nOne\n\nTwo \xC2\x9B three\n")],
        message: "the control character U+009B",
        location: "index.en.md:6:5",
    },
    Case {
        name: "two YAML documents in one plan",
        edits: &[Replace(PLAN, "    source: {clause: 三(一)}\n", "    source: {clause: 三(一)}\n---\ntitle: {zh: 二, en: Two}\n")],
        message: "a second YAML document starts here",
        location: "plan.yaml:31:1",
    },
    Case {
        name: "nesting 64,000 levels deep",
        edits: &[Replace(PLAN, "{range: [30, 50]}", DEEP)],
        message: "nested more than 32 levels deep",
        location: "plan.yaml:28:",
    },
    Case {
        name: "wrong type: a year in words",
        edits: &[Replace(PLAN, "    year: 2025\n    # 确保", "    year: twenty\n    # 确保")],
        message: "expected a whole number, such as `2025`; found the text \"twenty\"",
        location: "plan.yaml:16:11",
    },
    Case {
        name: "wrong type: a figure in words",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "{range: [thirty, 50]}")],
        message: "expected a number, such as `1200` or `8.5`; found the text \"thirty\"",
        location: "plan.yaml:28:21",
    },
    Case {
        name: "unknown field in a target",
        edits: &[Replace(PLAN, "    unit: firms", "    unit: firms\n    units: firms")],
        message: "unknown field `units`",
        location: "plan.yaml:27:5",
    },
    Case {
        name: "unknown field in site.yaml",
        edits: &[Replace("site.yaml", "default_language: zh", "default_language: zh\nthem: default")],
        message: "unknown field `them`",
        location: "site.yaml:12:1",
    },
    Case {
        name: "unknown field in a registry",
        edits: &[Replace("content/chains.yaml", "  name: {zh: 电子信息, en: Electronic information}", "  nmae: {zh: 电子信息, en: Electronic information}")],
        message: "unknown field `nmae`",
        location: "chains.yaml:4:3",
    },
    Case {
        name: "unknown value of an enumeration",
        edits: &[Replace(PLAN, "    metric: revenue", "    metric: turnover")],
        message: "unknown variant `turnover`",
        location: "plan.yaml:14:13",
    },
    Case {
        name: "missing field: a target without a unit",
        edits: &[Replace(PLAN, "    unit: firms\n", "")],
        message: "missing field `unit`",
        location: "plan.yaml:22:5",
    },
    Case {
        name: "missing field: a plan without a horizon",
        edits: &[Replace(PLAN, "horizon: {start: 2023, end: 2025}\n", "")],
        message: "missing field `horizon`",
        location: "plan.yaml:5:1",
    },
    Case {
        name: "bad date: 30 February",
        edits: &[Replace("seeds/example-2025.yaml", "issued: 2023-03-01", "issued: 2023-02-30")],
        message: "`2023-02-30` is not a day of the calendar",
        location: "example-2025.yaml:8:9",
    },
    Case {
        name: "bad date: slashes",
        edits: &[Replace("seeds/example-2025.yaml", "issued: 2023-03-01", "issued: 2023/03/01")],
        message: "is not a date; write it as YYYY-MM-DD",
        location: "example-2025.yaml:8:9",
    },
    Case {
        name: "implausible year",
        edits: &[Replace(PLAN, "    year: 2025\n    value: {range", "    year: 20225\n    value: {range")],
        message: "20225 is not a plausible year",
        location: "plan.yaml:27:11",
    },
    Case {
        name: "negative figure",
        edits: &[Replace(PLAN, "{floor: {exceed: 1000,", "{floor: {exceed: -1000,")],
        message: "the figure -1000 is negative",
        location: "plan.yaml:18:12",
    },
    Case {
        name: "absurd figure",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "{range: [30, 5000000000]}")],
        message: "implausibly large",
        location: "plan.yaml:28:12",
    },
    Case {
        name: "NaN",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "{range: [30, .nan]}")],
        message: "is not a number a plan can state",
        location: "plan.yaml:28:25",
    },
    Case {
        name: "infinity",
        edits: &[Replace(PLAN, "baseline: {year: 2022, value: 700}", "baseline: {year: 2022, value: .inf}")],
        message: "is not a number a plan can state",
        location: "plan.yaml:19:35",
    },
    Case {
        name: "a count that is not whole",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "{range: [30, 50.5]}")],
        message: "the count 50.5 is not a whole number",
        location: "plan.yaml:28:12",
    },
    Case {
        name: "a share over 100%",
        edits: &[Replace(PLAN, "    metric: count\n    unit: firms\n    year: 2025\n    value: {range: [30, 50]}", "    metric: share\n    unit: percent\n    year: 2025\n    value: {at_least: 130}")],
        message: "a share of 130% is more than the whole",
        location: "plan.yaml:28:12",
    },
    Case {
        name: "an empty range",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "{range: [50, 30]}")],
        message: "the range 50–30 is empty",
        location: "plan.yaml:28:20",
    },
    Case {
        name: "stretch below floor",
        edits: &[Replace(PLAN, "stretch: {reach: 1200}", "stretch: {reach: 900}")],
        message: "the stretch goal (900) is less ambitious than the floor (1000)",
        location: "plan.yaml:18:72",
    },
    Case {
        name: "unit that does not fit the metric",
        edits: &[Replace(PLAN, "    unit: yi-yuan", "    unit: percent")],
        message: "a `revenue` target cannot be measured in `percent`",
        location: "plan.yaml:15:11",
    },
    Case {
        name: "unknown chain",
        edits: &[Replace(PLAN, "chain: electronic-information", "chain: electronics")],
        message: "unknown chain `electronics`",
        location: "plan.yaml:13:12",
    },
    Case {
        name: "unknown responsible department",
        edits: &[Replace(PLAN, "responsible: [example-industry-bureau]", "responsible: [example-finance-bureau]")],
        message: "unknown department `example-finance-bureau`",
        location: "plan.yaml:20:19",
    },
    Case {
        name: "unknown region",
        edits: &[Replace(PLAN, "region: example-city", "region: example-county")],
        message: "unknown region `example-county`",
        location: "plan.yaml:7:9",
    },
    Case {
        name: "unknown source record",
        edits: &[Replace(PLAN, "record: example-2025", "record: example-2024")],
        message: "unknown source record `example-2024`",
        location: "plan.yaml:8:9",
    },
    Case {
        name: "unknown clause",
        edits: &[Replace(PLAN, "source: {clause: 二}", "source: {clause: 九}")],
        message: "the record `example-2025` has no clause `九`",
        location: "plan.yaml:21:22",
    },
    Case {
        name: "duplicate target ids",
        edits: &[Replace(PLAN, "  - id: new-high-tech-firms", "  - id: electronics-revenue")],
        message: "the id `electronics-revenue` is used twice",
        location: "plan.yaml:22:9",
    },
    Case {
        name: "duplicate registry ids",
        edits: &[Replace("content/topics.yaml", "- id: innovation\n  name: {zh: 科技创新, en: Innovation}", "- id: innovation\n  name: {zh: 科技创新, en: Innovation}\n- id: innovation\n  name: {zh: 创新, en: Innovation again}")],
        message: "the id `innovation` is used twice",
        location: "topics.yaml:5:7",
    },
    Case {
        name: "baseline after the target year",
        edits: &[Replace(PLAN, "baseline: {year: 2022, value: 700}", "baseline: {year: 2026, value: 700}")],
        message: "the baseline year 2026 is not before the target year 2025",
        location: "plan.yaml:19:22",
    },
    Case {
        name: "breakdown that does not add up",
        edits: &[Replace(PLAN, "    source: {clause: 二}\n", "    source: {clause: 二}\n    breakdown:\n      parts:\n        - {segment: {zh: 甲, en: A}, value: 600}\n        - {segment: {zh: 乙, en: B}, value: 300}\n")],
        message: "the parts add up to 900 but the total is 1000",
        location: "plan.yaml:24:9",
    },
    Case {
        name: "doubling without a baseline",
        edits: &[Replace(PLAN, "{range: [30, 50]}", "double")],
        message: "stated against a baseline, but the target has none",
        location: "plan.yaml:28:12",
    },
    Case {
        name: "both chain and topic",
        edits: &[Replace(PLAN, "    topic: innovation", "    topic: innovation\n    chain: electronic-information")],
        message: "a `chain` or a `topic`, not both",
        location: "plan.yaml:24:12",
    },
    Case {
        name: "path traversal in an id",
        edits: &[Replace(PLAN, "  - id: new-high-tech-firms", "  - id: ../../../etc/passwd")],
        message: "is not a valid id",
        location: "plan.yaml:22:9",
    },
    Case {
        name: "an id Windows cannot name a file",
        edits: &[Replace(PLAN, "  - id: new-high-tech-firms", "  - id: con")],
        message: "`con` cannot be an id: Windows reserves the name",
        location: "plan.yaml:22:9",
    },
    Case {
        name: "a target commentary named like a Windows device",
        edits: &[Write("content/plans/example-2025/targets/lpt1.en.md", b"Text\n")],
        message: "`lpt1` cannot be an id",
        location: "targets/lpt1.en.md",
    },
    Case {
        name: "a static file named like a Windows device",
        edits: &[Write("static/docs/Aux.pdf", b"%PDF")],
        message: "Windows reserves this file name",
        location: "static/docs/Aux.pdf",
    },
    Case {
        name: "a plan directory that is not a valid id",
        edits: &[Write("content/plans/Bad Plan/plan.yaml", b"title: {zh: x, en: x}\n")],
        message: "`Bad Plan` is not a valid id",
        location: "content/plans/Bad Plan",
    },
    Case {
        name: "byte-order mark: positions stay right",
        edits: &[Write("content/topics.yaml", b"\xEF\xBB\xBF- id: innovation\n  name: {zh: \xE7\xA7\x91\xE6\x8A\x80, en: Innovation}\n  colour: blue\n")],
        message: "unknown field `colour`",
        location: "topics.yaml:3:3",
    },
    Case {
        name: "CRLF line endings: lines stay right",
        edits: &[Write("content/topics.yaml", b"- id: innovation\r\n  name: {zh: x, en: Innovation}\r\n  colour: blue\r\n")],
        message: "unknown field `colour`",
        location: "topics.yaml:3:3",
    },
    Case {
        name: "empty file",
        edits: &[Write(PLAN, b"")],
        message: "the file is empty",
        location: "content/plans/example-2025/plan.yaml",
    },
    Case {
        name: "non-UTF-8 bytes (GBK)",
        edits: &[Write("content/regions.yaml", b"- id: example-city\n  name: {zh: \xca\xbe\xc0\xfd, en: Example City}\n")],
        message: "not valid UTF-8",
        location: "regions.yaml:2:15",
    },
    Case {
        name: "a javascript: link among the footer's filings",
        edits: &[Replace("site.yaml", "default_language: zh", "default_language: zh\nfooter:\n  organisation: {zh: 示例市, en: Example City}\n  filings:\n    - label: {zh: 备案号, en: Filing}\n      url: \"javascript:alert(1)\"")],
        message: "`javascript:alert(1)` is not a link plansite will publish",
        location: "site.yaml:16:12",
    },
    Case {
        name: "a data: link among the footer's filings",
        edits: &[Replace("site.yaml", "default_language: zh", "default_language: zh\nfooter:\n  organisation: {zh: 示例市, en: Example City}\n  filings:\n    - label: {zh: 备案号, en: Filing}\n      url: https://beian.example/\n    - label: {zh: 公安备案, en: Police filing}\n      url: \"data:text/html,<script>alert(1)</script>\"")],
        message: "is not a link plansite will publish",
        location: "site.yaml:18:12",
    },
    Case {
        name: "a filing link with a tab hidden in it",
        edits: &[Replace("site.yaml", "default_language: zh", "default_language: zh\nfooter:\n  organisation: {zh: 示例市, en: Example City}\n  filings:\n    - label: {zh: 备案号, en: Filing}\n      url: \"https://beian.example/\\tx\"")],
        message: "is not a link plansite will publish",
        location: "site.yaml:16:12",
    },
    Case {
        name: "relative base_url",
        edits: &[Replace("site.yaml", "base_url: https://www.example.gov.cn/plans/", "base_url: /plans/")],
        message: "is not an absolute address",
        location: "site.yaml:10:11",
    },
    Case {
        name: "broken internal link in commentary",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nSee [it](@/plans/nope/).\n")],
        message: "points to no page of the site",
        location: "index.en.md:4:5",
    },
    Case {
        name: "a relative link in commentary to a page the site does not have",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nText\n\nSee [it](../nope/#top).\n")],
        message: "the link `../nope/#top` points to a file the site does not have (en/plans/nope/index.html)",
        location: "index.en.md:6:5",
    },
    Case {
        name: "a relative image in commentary that no file answers",
        edits: &[Write("content/index.zh.md", b"\xE6\x96\x87\n\n![p](pic.png)\n")],
        message: "the link `pic.png` points to a file the site does not have (zh/pic.png)",
        location: "index.zh.md:3:1",
    },
    Case {
        name: "a raw HTML link to a missing file",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nText <a\n  href=\"report.pdf\">report</a>\n")],
        message: "the link `report.pdf` points to a file the site does not have",
        location: "index.en.md:5:3",
    },
    Case {
        name: "a site link written in raw HTML, where it is not resolved",
        edits: &[Write("content/index.en.md", b"Text <a href=\"@/plans/example-2025/\">plan</a>\n")],
        message: "site links (`@/plans/example-2025/`) are read in Markdown links only",
        location: "index.en.md:1:9",
    },
    Case {
        name: "a relative link that climbs out of the site",
        edits: &[Write("content/index.en.md", b"Text [x](../../../../etc/passwd)\n")],
        message: "the link `../../../../etc/passwd` leads out of the site",
        location: "index.en.md:1:6",
    },
    Case {
        name: "a link from the root outside the site's path",
        edits: &[Write("content/index.en.md", b"Text [x](/elsewhere/)\n")],
        message: "the link `/elsewhere/` leads out of the site",
        location: "index.en.md:1:6",
    },
    Case {
        name: "a blank alias in a registry",
        edits: &[Replace("content/chains.yaml", "  name: {zh: 电子信息, en: Electronic information}", "  name: {zh: 电子信息, en: Electronic information}\n  aliases: [电子, \"  \"]")],
        message: "an alias is blank",
        location: "chains.yaml:5:17",
    },
    Case {
        name: "remote image in commentary",
        edits: &[Write("content/plans/example-2025/index.zh.md", b"Text\n\n![x](https://cdn.example.com/a.png)\n")],
        message: "is not a file of the site",
        location: "index.zh.md:3:1",
    },
    Case {
        name: "an event handler as a heading attribute",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nText\n\n## T {onfocus=alert(1) autofocus}\n")],
        message: "the heading attribute `onfocus` is not allowed",
        location: "index.en.md:6:1",
    },
    Case {
        name: "a style as a heading attribute",
        edits: &[Write("content/index.zh.md", b"\xE6\x96\x87\n\n# T {#t .c style=background:url(https://x.example/a.png)}\n")],
        message: "the heading attribute `style` is not allowed",
        location: "index.zh.md:3:1",
    },
    Case {
        name: "remote image in raw HTML",
        edits: &[Write("content/plans/example-2025/index.zh.md", b"Text\n\n<p>\n<img alt=x\n  src=\"https://cdn.example.com/a.png\">\n</p>\n")],
        message: "`src` points to `https://cdn.example.com/a.png`, which is not a file of the site",
        location: "index.zh.md:5:3",
    },
    Case {
        name: "protocol-relative link in raw HTML",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nSee <a href=\"//evil.example/\">this</a>.\n")],
        message: "the link `//evil.example/` names no scheme",
        location: "index.en.md:4:8",
    },
    Case {
        name: "protocol-relative link in Markdown",
        edits: &[Write("content/plans/example-2025/index.en.md", b"---\nsummary: s\n---\nText\n\nSee [this](/\\evil.example/).\n")],
        message: "names no scheme",
        location: "index.en.md:6:5",
    },
    Case {
        name: "remote poster in raw HTML, written with entities",
        edits: &[Write("content/index.en.md", b"<video poster=\"&#104;ttps://x.example/p.png\"></video>\n")],
        message: "`poster` points to `https://x.example/p.png`",
        location: "index.en.md:1:8",
    },
    Case {
        name: "remote srcset in raw HTML",
        edits: &[Write("content/index.en.md", b"Text <img srcset=\"a.png 1x, HTTPS://x.example/b.png 2x\"> more\n")],
        message: "`srcset` points to `HTTPS://x.example/b.png`",
        location: "index.en.md:1:11",
    },
    Case {
        name: "commentary in an unknown language",
        edits: &[Write("content/plans/example-2025/index.fr.md", b"Bonjour\n")],
        message: "unexpected file in a plan directory",
        location: "content/plans/example-2025/index.fr.md",
    },
    Case {
        name: "unclosed front matter",
        edits: &[Write("content/index.en.md", b"---\nsummary: x\nText\n")],
        message: "never closed",
        location: "index.en.md:1:1",
    },
    Case {
        name: "unknown front-matter field",
        edits: &[Write("content/index.en.md", b"---\nsummary: x\ntitle: y\n---\nText\n")],
        message: "unknown field `title`",
        location: "index.en.md:3:1",
    },
    Case {
        name: "commentary for a target that does not exist",
        edits: &[Write("content/plans/example-2025/targets/no-such-target.en.md", b"Text\n")],
        message: "commentary for `no-such-target`, which is not a target of this plan",
        location: "targets/no-such-target.en.md",
    },
    Case {
        name: "theme that does not exist",
        edits: &[Replace("site.yaml", "default_language: zh", "default_language: zh\ntheme: fancy")],
        message: "the theme `fancy` does not exist",
        location: "site.yaml",
    },
    Case {
        name: "a misspelt UI string key in the site's override",
        edits: &[Write("i18n/en.yaml", b"nav_home: Start\nnav_serach: Find\n")],
        message: "the theme has no UI string `nav_serach`",
        location: "i18n/en.yaml:2:1",
    },
    Case {
        name: "template error in a site override",
        edits: &[Write("templates/home.html", b"{% extends \"base.html\" %}{% block main %}{{ nosuch.field }}{% endblock main %}")],
        message: "template error: Variable `nosuch` is not defined",
        location: "templates/home.html:1:45",
    },
    Case {
        name: "a template syntax error in a site override",
        edits: &[Write("templates/partials/target_row.html", b"<tr>\n  <td>{{ row.name }</td>\n</tr>\n")],
        message: "template error: Found `}` but expected }}",
        location: "templates/partials/target_row.html:2:19",
    },
    Case {
        name: "a site template extending one that does not exist",
        edits: &[Write("templates/home.html", b"{% extends \"nobase.html\" %}")],
        message: "is inheriting from 'nobase.html'",
        location: "templates/home.html",
    },
    Case {
        name: "a site link to a file static/ does not have",
        edits: &[Write("content/plans/example-2025/index.en.md", "---\nsummary: s\n---\nThe [report](@/static/missing.pdf).\n".as_bytes())],
        message: "the link `@/static/missing.pdf` points to a file the site does not have",
        location: "index.en.md:4:5",
    },
];

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn every_bad_input_fails_with_its_location_and_leaves_the_output_alone() {
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    // Every case starts from the same built starter: build it once, copy its output.
    let built = TestSite::starter();
    let before = built.build_ok();
    for case in CASES {
        let site = TestSite::starter();
        copy_tree(&built.path("public"), &site.path("public"));
        for edit in case.edits {
            match edit {
                Replace(file, from, to) => {
                    site.edit(file, from, to);
                }
                Write(file, bytes) => {
                    site.write(file, bytes);
                }
            }
        }
        let output = site.cmd(&["build"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let after = read_tree(&site.path("public"));
        let mut problems = Vec::new();
        if output.status.code() != Some(1) {
            problems.push(format!("exit code {:?}", output.status.code()));
        }
        if !stderr.contains(case.message) {
            problems.push(format!("message {:?} missing", case.message));
        }
        if !stderr.contains(case.location) {
            problems.push(format!("location {:?} missing", case.location));
        }
        if stderr.contains("panicked") {
            problems.push("panicked".into());
        }
        if after != before {
            problems.push("the previous output changed".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n{stderr}", case.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
