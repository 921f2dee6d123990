//! Property tests: the loaders and the Markdown renderer never panic, whatever they
//! are given, and sanitizing always removes scripts.

use std::path::Path;

use plansite::content::raw::{RawChain, RawPlan, RawRecord};
use plansite::render::markdown::{MarkdownContext, render, unexpected_markup};
use plansite::yaml::{SourceFile, YamlPath, locate};
use proptest::prelude::*;

const STARTER_PLAN: &str =
    include_str!("../../src/scaffold/starter/content/plans/example-2025/plan.yaml");

fn markdown_context() -> MarkdownContext<'static> {
    MarkdownContext {
        root: "../",
        lang: "zh",
        page_exists: &|p| p.is_empty(),
    }
}

/// Text that looks like YAML: keys, flow mappings, lists, quotes, CJK, control bytes.
fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("title: ".to_string()),
            Just("targets:\n  - id: a\n".to_string()),
            Just("{zh: 电子, en: x}".to_string()),
            Just("value: {tiers: {floor: {exceed: 1}, stretch: {reach: 2}}}\n".to_string()),
            Just("[1, 2".to_string()),
            Just("- ".to_string()),
            Just("\n".to_string()),
            Just("  ".to_string()),
            Just("\t".to_string()),
            Just("\"".to_string()),
            Just("&a *a".to_string()),
            Just("!tag ".to_string()),
            Just(".nan".to_string()),
            "[a-z: {}\\[\\],\n-]{0,12}",
            "\\PC{0,8}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn plan_loader_never_panics(text in yamlish()) {
        let file = SourceFile::from_text("plan.yaml", &text);
        let _ = file.parse::<RawPlan>();
        let _ = file.parse::<Vec<RawChain>>();
        let _ = file.parse::<RawRecord>();
    }

    #[test]
    fn mutated_real_plans_never_panic_the_loader(
        at in 0usize..STARTER_PLAN.len(),
        len in 0usize..40,
        insert in "\\PC{0,6}",
    ) {
        let mut text = STARTER_PLAN.to_string();
        let start = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let end = (start + len).min(text.len());
        let end = (end..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
        text.replace_range(start..end, &insert);
        let file = SourceFile::from_text("plan.yaml", &text);
        if let Err(d) = file.parse::<RawPlan>() {
            // Every error names the file and renders with its snippet.
            prop_assert!(d.render(false).contains("plan.yaml"));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(file) = SourceFile::from_bytes(Path::new("x.yaml"), bytes) {
            let _ = file.parse::<RawPlan>();
        }
    }

    #[test]
    fn locating_any_path_in_any_text_never_panics(text in yamlish(), keys in prop::collection::vec("[a-z]{1,6}", 0..4), index in 0usize..5) {
        let mut path = YamlPath::root();
        for k in &keys {
            path = path.key(k).index(index);
        }
        if let Some(loc) = locate(&text, &path) {
            prop_assert!(loc.span.end <= text.len());
        }
    }

    #[test]
    fn markdown_never_panics(text in "\\PC{0,300}") {
        let _ = render(&text, &markdown_context());
    }

    #[test]
    fn markdown_alone_writes_only_known_markup(text in markdownish()) {
        let out = render(&text, &markdown_context());
        if !out.sanitized {
            prop_assert_eq!(unexpected_markup(&out.html), None, "{}", out.html);
        }
    }

    #[test]
    fn raw_html_never_keeps_a_script(
        before in "[a-z \n#*|-]{0,40}",
        attr in prop_oneof![Just("onclick"), Just("onerror"), Just("onload"), Just("ONMOUSEOVER")],
        after in "[a-z \n]{0,40}",
    ) {
        let text = format!(
            "{before}\n<script>alert(1)</script>\n<div {attr}=\"x()\">y</div>\n<a href=\"JaVaScRiPt:alert(1)\">z</a>\n{after}"
        );
        let out = render(&text, &markdown_context()).html.to_lowercase();
        prop_assert!(!out.contains("<script"), "{}", out);
        prop_assert!(!out.contains(&attr.to_lowercase()), "{}", out);
        prop_assert!(!out.contains("javascript:"), "{}", out);
    }

    #[test]
    fn extract_never_panics_and_always_drafts_valid_yaml(text in planish()) {
        let draft = plansite::extract::extract(&text);
        let yaml = plansite::extract::draft_yaml(&draft, "fuzzed", "plan.txt");
        let record = plansite::extract::draft_record(&draft);
        prop_assert!(serde_yaml::from_str::<serde_yaml::Value>(&yaml).is_ok(), "{}", yaml);
        prop_assert!(serde_yaml::from_str::<serde_yaml::Value>(&record).is_ok(), "{}", record);
        // Where the text gave every year, the draft already has the model's shape.
        let years_known = draft.period.is_some() && draft.goals.iter().all(|g| g.year.is_some());
        if years_known {
            let parsed = SourceFile::from_text("plan.yaml", &yaml).parse::<RawPlan>();
            prop_assert!(parsed.is_ok(), "{}\n{}", parsed.err().map(|e| e.render(false)).unwrap_or_default(), yaml);
        }
    }

    #[test]
    fn extract_never_panics_on_any_text(text in "\\PC{0,300}") {
        let _ = plansite::extract::extract(&text);
    }
}

/// Text that looks like Markdown: headings with attribute blocks, links and images
/// of every scheme, tables, footnotes, code, entities and quotes.
fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("## ".to_string()),
            Just("# ".to_string()),
            Just(" {".to_string()),
            Just("}".to_string()),
            Just("#id ".to_string()),
            Just(".cls ".to_string()),
            Just("onfocus=alert(1) ".to_string()),
            Just("style=\"x\" ".to_string()),
            Just("autofocus ".to_string()),
            Just("[a](".to_string()),
            Just("![a](".to_string()),
            Just(")".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("&#106;avascript:x".to_string()),
            Just("data:text/html,x".to_string()),
            Just("@/plans/a/".to_string()),
            Just("<https://x.example/>".to_string()),
            Just("| a | b |\n|:--|--:|\n| 1 | 2 |\n".to_string()),
            Just("[^1]".to_string()),
            Just("[^1]: n\n".to_string()),
            Just("```x\"y\n".to_string()),
            Just("`".to_string()),
            Just("\"'&".to_string()),
            "[a-z =\"'{}#.]{0,10}",
            "[#.a-z=()\"' ]{0,16}".prop_map(|a| format!("\n## T {{{a}}}\n")),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

/// Text that looks like a plan: clause numbers, figures, units, years, brackets of
/// responsible units, table cells on lines of their own, full-width punctuation.
fn planish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("一、".to_string()),
            Just("(二)".to_string()),
            Just("3．".to_string()),
            Just("到2025年，".to_string()),
            Just("全年".to_string()),
            Just("确保".to_string()),
            Just("力争".to_string()),
            Just("其中".to_string()),
            Just("突破".to_string()),
            Just("比2023年提高".to_string()),
            Just("翻番".to_string()),
            Just("“三个".to_string()),
            Just("1.5万亿元".to_string()),
            Just("300万平方米".to_string()),
            Just("2—3个".to_string()),
            Just("45%".to_string()),
            Just("以上".to_string()),
            Just("左右".to_string()),
            Just("、".to_string()),
            Just("，".to_string()),
            Just("。".to_string()),
            Just("\n".to_string()),
            Just("〔牵头单位：市局；责任单位：各县(市、区)〕".to_string()),
            Just("(市局按职责分工负责)".to_string()),
            Just("2026年营业收入(亿元)\n合计\n其中\n甲\n1\n乙\n".to_string()),
            "[0-9一二三十百千万亿元家个%.\\-]{0,6}",
            "\\PC{0,6}",
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}
