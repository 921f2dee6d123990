//! The bundled showcase site at the repository root: its content's invariants, its
//! links, its progress statuses and its open data (its search: `bundled_search.rs`).

use std::collections::HashSet;
use std::path::Path;

use plansite::content::{PartKey, TargetValue};
use plansite::derive::{Index, Status};
use plansite::pipeline::{BuildOptions, build_in_memory};

fn bundled_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled site built once for every test here (in memory, as `check` does).
pub fn built() -> &'static (
    std::collections::BTreeMap<String, Vec<u8>>,
    plansite::diagnostics::Diagnostics,
) {
    static BUILT: std::sync::OnceLock<(
        std::collections::BTreeMap<String, Vec<u8>>,
        plansite::diagnostics::Diagnostics,
    )> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| build_in_memory(bundled_root(), &BuildOptions::default()).unwrap())
}

fn bundled_site() -> plansite::content::Site {
    let loaded = plansite::content::load(bundled_root());
    assert!(
        !loaded.diagnostics.has_errors(),
        "{:?}",
        loaded
            .diagnostics
            .iter()
            .map(|d| d.render(false))
            .collect::<Vec<_>>()
    );
    loaded.site.unwrap()
}

#[test]
fn bundled_site_builds_without_warnings_and_all_links_resolve() {
    let (files, warnings) = built();
    assert!(
        warnings.is_empty(),
        "{:?}",
        warnings.iter().map(|d| d.render(false)).collect::<Vec<_>>()
    );
    let broken = plansite::check::check_links(files, "/");
    assert!(
        broken.is_empty(),
        "{:?}",
        broken.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
    );
    assert!(files.contains_key("zh/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html"));
    assert!(files.contains_key("en/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html"));
    // Nothing meant for editors reaches a reader: no file or folder of the sources, no
    // stars that failed to become emphasis.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for internal in [
            "site.yaml",
            "plan.yaml",
            "seeds/",
            "content/",
            "i18n/",
            "templates/",
            "**",
        ] {
            assert!(!html.contains(internal), "{path} shows `{internal}`");
        }
    }
}

#[test]
fn bundled_content_keeps_its_invariants() {
    let site = bundled_site();
    assert_eq!(site.plans.len(), 5, "all five seed plans are published");
    let mut ids = HashSet::new();
    for (plan, t) in site.targets() {
        assert!(
            ids.insert((plan.id.clone(), t.id.clone())),
            "duplicate {}/{}",
            plan.id,
            t.id
        );
        // Every target cites a clause that exists in its record.
        let record = site.records.get(&t.source.record).expect("record");
        let clause = t.source.clause.as_deref().expect("clause");
        assert!(
            record.clause(clause).is_some(),
            "{}/{}: no clause {clause}",
            plan.id,
            t.id
        );
        // Every name in both languages.
        assert!(t.name.blank_languages().is_empty(), "{}/{}", plan.id, t.id);
        // Partition breakdowns add up to their totals.
        if let Some(b) = &t.breakdown {
            if b.kind == plansite::content::raw::BreakdownKind::Partition {
                let sum: f64 = b.parts.iter().map(|p| p.value).sum();
                let total = t.total().unwrap();
                assert!(
                    (sum - total).abs() < 0.01,
                    "{}/{}: {sum} vs {total}",
                    plan.id,
                    t.id
                );
            }
            for p in &b.parts {
                if let PartKey::Region(r) = &p.key {
                    assert!(site.regions.contains(r));
                }
            }
        }
    }
    for plan in site.plans.iter() {
        for lang in plansite::lang::Lang::ALL {
            assert!(
                plan.commentary.get(lang).is_some(),
                "{} has no {lang} commentary",
                plan.id
            );
        }
    }
    for registry_names in [
        site.chains
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>(),
        site.regions.iter().map(|c| c.name.clone()).collect(),
        site.units.iter().map(|c| c.name.clone()).collect(),
        site.topics.iter().map(|c| c.name.clone()).collect(),
    ] {
        for name in registry_names {
            assert!(name.blank_languages().is_empty(), "{name:?}");
        }
    }
}

#[test]
fn region_pages_count_own_targets_shares_and_areas_within_apart() {
    let (files, _) = built();
    let page = |path: &str| String::from_utf8_lossy(&files[path]).to_string();
    let fact = |page: &str, label: &str| {
        let at = page.find(&format!("<dt>{label}</dt><dd>"))?;
        let rest = &page[at + label.len() + 13..];
        Some(rest[..rest.find("</dd>").unwrap()].to_string())
    };
    let area = page("en/regions/ganjiang-new-area/index.html");
    assert_eq!(
        fact(&area, "Targets set for this region").as_deref(),
        Some("27")
    );
    assert_eq!(
        fact(&area, "Shares held by the areas within").as_deref(),
        Some("14")
    );
    // A count of nothing is not stated: no "0" above a list that has entries.
    assert!(!area.contains("<dd>0</dd>"), "a zero count is shown");
    assert_eq!(fact(&area, "Targets of the areas within"), None);
    // A zone whose only figures are shares of the New Area's targets says so, not "0 targets".
    let zone = area.find("Yongxiu Zone</a>").unwrap();
    let line = &area[zone..zone + area[zone..].find("</li>").unwrap()];
    assert!(
        line.contains("wider targets it holds a share of: 5"),
        "{line}"
    );
    assert!(!line.contains("0 targets"), "{line}");
    // Areas with nothing are folded away under a count.
    let folded = &area[area.find("<details class=\"quiet-regions\">").unwrap()..];
    assert!(
        folded.contains("<summary>Areas within with no targets yet: 2</summary>"),
        "{}",
        &folded[..200]
    );
    let zone_page = page("zh/regions/ganjiang-yongxiu-zone/index.html");
    assert!(zone_page.contains("<dt>上级目标分解到本地区的份额</dt><dd>5</dd>"));
    // A district with no target of its own lists the targets its government works on.
    let nankang = page("en/regions/ganzhou-nankang/index.html");
    assert_eq!(
        fact(&nankang, "Other targets its bodies work on").as_deref(),
        Some("5")
    );
    assert!(
        nankang.contains("<h2 id=\"bodies\">Bodies here that work on targets set elsewhere</h2>")
    );
    // Each body is listed with its count, linked to its page, which lists the targets.
    assert!(
        nankang.contains("Nankang District Government</a> <span class=\"count\">5 targets</span>"),
        "{nankang}"
    );
    assert!(!nankang.contains(">No targets yet<"));
    // The index gives each region what it holds, and folds away those with nothing.
    let index = page("en/regions/index.html");
    let yongxiu = index.find("Yongxiu Zone</a>").unwrap();
    let entry = &index[yongxiu..yongxiu + index[yongxiu..].find("</li>").unwrap()];
    assert!(
        entry.contains("wider targets it holds a share of: 5"),
        "{entry}"
    );
    assert!(!entry.contains("0 targets"), "{entry}");
    assert!(index.contains("<summary>Regions with no targets, shares or plans yet: "));
    assert!(!index.contains("1 targets"));
}

#[test]
fn the_ganjiang_annex_is_published_as_breakdowns() {
    let site = bundled_site();
    let plan = site.plans.get("ganjiang-2021-2023").unwrap();
    let opto = plan
        .targets
        .iter()
        .find(|t| t.id.as_str() == "optoelectronics-revenue")
        .unwrap();
    assert!(matches!(opto.value, TargetValue::Single(b) if b.value == 1000.0));
    let parts: Vec<f64> = opto
        .breakdown
        .as_ref()
        .unwrap()
        .parts
        .iter()
        .map(|p| p.value)
        .collect();
    assert_eq!(parts, vec![850.0, 85.0, 65.0]);
}

#[test]
fn known_damage_in_the_captured_texts_does_not_reach_the_site() {
    let (files, _) = built();
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("足球"), "{path} carries the spam name");
        assert!(!text.contains("比例达55以"), "{path}");
    }
}

#[test]
fn ganzhou_2021_targets_with_outcomes_have_real_statuses() {
    let site = bundled_site();
    let index = Index::build(&site, plansite::content::Date::ymd(2026, 11, 23));
    let p = site.plans.position("ganzhou-2021-work-points").unwrap();
    let plan = site.plans.get("ganzhou-2021-work-points").unwrap();
    let mut seen = Vec::new();
    for (i, t) in plan.targets.iter().enumerate() {
        let status = index.progress[p][i].status;
        if t.actuals.is_empty() {
            assert_eq!(status, Status::NoData, "{}", t.id);
        } else {
            seen.push((t.id.to_string(), status));
        }
    }
    let status_of = |id: &str| seen.iter().find(|(t, _)| t == id).map(|(_, s)| *s);
    assert_eq!(status_of("electronics-output"), Some(Status::NotComparable));
    assert_eq!(status_of("nonferrous-output"), Some(Status::NotComparable));
    assert!(
        seen.iter().filter(|(_, s)| *s == Status::Achieved).count() >= 4,
        "{seen:?}"
    );
    // Elsewhere, no outcomes: no data.
    for other in site
        .plans
        .iter()
        .filter(|p| p.id.as_str() != "ganzhou-2021-work-points")
    {
        let p = site.plans.position(&other.id).unwrap();
        assert!(
            index.progress[p].iter().all(|x| x.status == Status::NoData),
            "{}",
            other.id
        );
    }
}

#[test]
fn a_not_comparable_outcome_is_shown_beside_the_target_in_both_languages() {
    let (files, _) = built();
    let page = |lang: &str| {
        let path = format!("{lang}/plans/ganzhou-2021-work-points/electronics-output/index.html");
        String::from_utf8(files[&path].clone()).unwrap()
    };
    let en = page("en");
    assert!(en.contains("Not comparable"), "no badge");
    assert!(
        en.contains(
            "The published figure is operating revenue: CNY 132.66 billion (2021); \
             the target is output: ensure over CNY 100 billion; strive for CNY 120 billion."
        ),
        "{en}"
    );
    let zh = page("zh");
    assert!(zh.contains("口径不同"), "no badge");
    assert!(
        zh.contains(
            "已公布的是营业收入：1326.6亿元（2021年）；目标是产值：确保突破1000亿元，力争1200亿元。"
        ),
        "{zh}"
    );
}

#[test]
fn open_data_holds_every_target_and_parses() {
    let (files, _) = built();
    let site = bundled_site();
    let count = site.targets().count();
    let json: serde_json::Value = serde_json::from_slice(&files["data/targets.json"]).unwrap();
    assert_eq!(json["targets"].as_array().unwrap().len(), count);
    let csv = String::from_utf8(files["data/targets.csv"].clone()).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    let mut reader = csv.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = reader.next().unwrap().split(',').collect();
    assert_eq!(header.len(), plansite::render::data::COLUMNS.len());
    // Rows may hold quoted commas; count records by their first field instead.
    let rows = csv.matches("\r\n").count() - 1;
    assert_eq!(rows, count);
    let sitemap = String::from_utf8(files["sitemap.xml"].clone()).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs = doc.descendants().filter(|n| n.has_tag_name("loc")).count();
    let pages = files
        .keys()
        .filter(|p| p.ends_with("index.html") && p.contains('/'))
        .count();
    assert_eq!(
        locs, pages,
        "every page but the root redirect is in the sitemap"
    );
    for lang in ["zh", "en"] {
        let feed = String::from_utf8(files[&format!("{lang}/atom.xml")].clone()).unwrap();
        let doc = roxmltree::Document::parse(&feed).unwrap();
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("entry"))
                .count(),
            5
        );
    }
}

/// The text of `html` that lies outside every element marked `lang="zh…"`, for
/// finding Chinese that an English page does not mark as Chinese.
fn unmarked_text(html: &str) -> String {
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::RefCell;
    const VOID: &[&str] = &[
        "meta", "link", "br", "img", "input", "source", "hr", "wbr", "area", "col",
    ];
    #[derive(Default)]
    struct Sink {
        stack: RefCell<Vec<bool>>,
        out: RefCell<String>,
    }
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
            match token {
                Token::TagToken(tag) if !VOID.contains(&&*tag.name) => {
                    let mut stack = self.stack.borrow_mut();
                    if tag.kind == TagKind::StartTag && !tag.self_closing {
                        let zh = tag
                            .attrs
                            .iter()
                            .any(|a| &*a.name.local == "lang" && a.value.starts_with("zh"));
                        let inside = stack.last().copied().unwrap_or(false);
                        stack.push(zh || inside);
                    } else if tag.kind == TagKind::EndTag {
                        stack.pop();
                    }
                }
                Token::CharacterTokens(text)
                    if !self.stack.borrow().last().copied().unwrap_or(false) =>
                {
                    self.out.borrow_mut().push_str(&text);
                }
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.out.take()
}

#[test]
fn english_pages_mark_every_chinese_word_as_chinese() {
    let (files, _) = built();
    let is_chinese =
        |c: char| matches!(u32::from(c), 0x3000..=0x303F | 0x3400..=0x9FFF | 0xFF00..=0xFFEF);
    let mut leaks = Vec::new();
    let mut pages = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.starts_with("en/") && p.ends_with(".html"))
    {
        pages += 1;
        let text = unmarked_text(&String::from_utf8_lossy(bytes));
        if let Some(at) = text.find(is_chinese) {
            let start = text[..at]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            leaks.push(format!(
                "{path}: …{}",
                text[start..].chars().take(60).collect::<String>()
            ));
        }
    }
    assert!(pages > 300, "{pages}");
    assert!(
        leaks.is_empty(),
        "{} pages: {:#?}",
        leaks.len(),
        &leaks[..leaks.len().min(10)]
    );
    // The marks are there, not the Chinese gone: clause numbers keep the original.
    let target = String::from_utf8_lossy(&files["en/plans/ganzhou-zones-2020-2022/index.html"]);
    assert!(target.contains("lang=\"zh-Hans\""));
}

#[test]
fn english_pages_give_document_numbers_as_official_translations_do_with_the_original() {
    let (files, _) = built();
    let english =
        "Gan Shi Fu Ban Zi [2020] No. 38 (<span lang=\"zh-Hans\">赣市府办字〔2020〕38号</span>)";
    for page in [
        "en/plans/index.html",
        "en/plans/ganzhou-zones-2020-2022/project-start-rate/index.html",
    ] {
        let html = String::from_utf8_lossy(&files[page]);
        assert!(
            html.contains(english),
            "{page}: the number in pinyin, the original beside"
        );
    }
    let zh = String::from_utf8_lossy(&files["zh/plans/index.html"]);
    assert!(zh.contains("赣市府办字〔2020〕38号") && !zh.contains("Gan Shi Fu"));
}

#[test]
fn a_lone_strive_figure_is_drawn_and_keyed_as_an_aspiration_in_a_comparison() {
    let (files, _) = built();
    let svg = String::from_utf8_lossy(&files["zh/chains/electronic-information/comparison.svg"]);
    // Ganjiang's 力争突破1000亿元 stands beside firm targets: a light, outlined bar,
    // besides the stretch above Ganzhou's floor and the key's swatch.
    let sky = svg.matches("fill=\"#56B4E9\"").count();
    assert_eq!(sky, 3, "the aspiration bar, the stretch tier and the key");
    // …named 力争 in the legend, beside the firm figures' own word.
    assert!(svg.contains(">力争</text>"), "{svg}");
}
