//! The search index of a language, `<lang>/search-index/`: every plan, chain, target,
//! topic, region and unit with the words it is found by. The search page's script looks
//! queries up in it without a server, loading only the parts a query needs.

mod live;
mod shards;

pub use live::LiveIndex;

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::keys::{self, SearchKind};
use super::links;
use super::views::{ViewCtx, horizon_text, value_text};
use crate::content::{Plan, Target};
use crate::derive::progress::Status;
use crate::lang::Lang;
use crate::vocab::abbreviations::{english_short_forms, short_forms};
use shards::Posting;

/// A document of the search index: what a result shows, and the words it is found by.
struct SearchDoc {
    kind: SearchKind,
    title: String,
    href: String,
    context: String,
    /// Extra words to find it by (the name in the other language, ids).
    extra: String,
}

/// The files of a language's search index (see [`shards`]), as paths from the site's
/// root and texts. Documents are in the order results are ranked by kind: targets
/// first, since they are what readers look for, then the pages that list them.
pub fn search_index(v: ViewCtx) -> Vec<(String, String)> {
    let mut docs = all_docs(v);
    let base = links::search_index_dir(v.lang);
    let grams = gram_lists(&mut docs, false);
    shards::index_files(&docs, kinds(v), &base, &grams)
        .into_iter()
        .map(|(name, text)| (format!("{base}{name}"), text))
        .collect()
}

/// Every document, in the order results rank: targets, plans, chains, registries.
fn all_docs(v: ViewCtx) -> Vec<SearchDoc> {
    let mut docs = target_docs(v);
    docs.extend(plan_docs(v));
    docs.extend(chain_docs(v));
    docs.extend(registry_docs(v));
    docs
}

/// The name of each kind of result, in the page's language.
fn kinds(v: ViewCtx) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = SearchKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), v.t(&keys::search_kind(k)).into()))
        .collect();
    kinds.into()
}

/// Each key of [`search_grams`] with the documents found by it, in document order.
/// Each document's extra words are dropped once read (`keep_extra` false): only the
/// keys need them.
fn gram_lists(docs: &mut [SearchDoc], keep_extra: bool) -> BTreeMap<String, Vec<Posting>> {
    // Gathered in a hash map and put in order once: an ordered map compared each gram
    // with a dozen others, a fifth of the index's time (callgrind).
    let mut lists: ahash::AHashMap<String, Vec<Posting>> = ahash::AHashMap::new();
    for (doc, d) in docs.iter_mut().enumerate() {
        each_doc_key(d, |g, in_title| {
            let posting = Posting::new(doc, in_title);
            // A gram seen before is found without making a string of it.
            match lists.get_mut(g.as_ref()) {
                Some(list) => {
                    if list.last().map(|p| p.doc()) != Some(doc) {
                        list.push(posting);
                    }
                }
                None => {
                    lists.insert(g.into_owned(), vec![posting]);
                }
            }
        });
        if !keep_extra {
            d.extra = String::new();
        }
    }
    let mut sorted: Vec<(String, Vec<Posting>)> = lists.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    sorted.into_iter().collect()
}

/// The keys a document is found by, each with whether it is in the title.
fn doc_keys(d: &SearchDoc) -> Vec<(String, bool)> {
    let mut keys = Vec::new();
    each_doc_key(d, |g, in_title| keys.push((g.into_owned(), in_title)));
    keys
}

/// Calls `f` with each key a document is found by and whether it is in the title.
fn each_doc_key(d: &SearchDoc, mut f: impl FnMut(Cow<'_, str>, bool)) {
    let title = grams(&d.title);
    let text = format!("{} {} {}", d.title, d.context, d.extra);
    for g in grams(&text) {
        let in_title = title.binary_search(&g).is_ok();
        f(g, in_title);
    }
}

fn plan_docs(v: ViewCtx) -> Vec<SearchDoc> {
    v.site.plans.iter().map(|plan| plan_doc(v, plan)).collect()
}

fn plan_doc(v: ViewCtx, plan: &Plan) -> SearchDoc {
    let (lang, other) = (v.lang, v.lang.other());
    SearchDoc {
        kind: SearchKind::Plan,
        title: v.text(&plan.title).to_string(),
        href: links::href(&links::plan(lang, &plan.id)),
        context: format!(
            "{} · {}",
            v.unit_name(&plan.issuer),
            horizon_text(plan.horizon, lang)
        ),
        extra: format!(
            "{} {} {}",
            plan.title.get(other),
            plan.short_title.get(lang),
            plan.id
        ),
    }
}

fn chain_docs(v: ViewCtx) -> Vec<SearchDoc> {
    v.site
        .chains
        .iter()
        .map(|chain| SearchDoc {
            kind: SearchKind::Chain,
            title: v.text(&chain.name).to_string(),
            href: links::href(&links::chain(v.lang, &chain.id)),
            context: chain
                .description
                .as_ref()
                .map(|d| v.text(d).to_string())
                .unwrap_or_default(),
            extra: format!(
                "{} {} {}",
                chain.name.get(v.lang.other()),
                chain.id,
                chain.aliases.join(" ")
            ),
        })
        .collect()
}

fn target_docs(v: ViewCtx) -> Vec<SearchDoc> {
    v.site
        .targets()
        .map(|(plan, t)| target_doc(v, plan, t))
        .collect()
}

fn target_doc(v: ViewCtx, plan: &Plan, t: &Target) -> SearchDoc {
    let (site, lang, other) = (v.site, v.lang, v.lang.other());
    let value = value_text(lang, t);
    let status = v.progress_of(t).map_or(Status::NoData, |p| p.status);
    SearchDoc {
        kind: SearchKind::Target,
        title: v.text(&t.name).to_string(),
        href: links::href(&links::target(lang, &plan.id, &t.id)),
        context: format!(
            "{value} · {} · {} · {} · {}",
            v.year(t.year),
            site.subject_name(&t.subject, lang),
            v.text(&plan.short_title),
            v.status_label(status)
        ),
        // The value as the other language writes it (1200亿元 on an English page that
        // says CNY 120 billion), figures without group separators, so the number a
        // reader has from the document finds the target; and the bodies that work on
        // it, so 工信局 finds the bureau's targets.
        extra: format!(
            "{} {} {} {} {} {} {} {}",
            t.name.get(other),
            site.subject_name(&t.subject, other),
            v.region_name(&t.region),
            t.id,
            value_text(other, t),
            figures(&value_text(other, t)),
            figures(&value),
            body_words(v, t.lead.iter().chain(&t.responsible)),
        ),
    }
}

/// The numbers in `text`, without group separators: `力争突破1,200亿元` gives `1200`.
fn figures(text: &str) -> String {
    let plain = text.replace(',', "");
    let mut out = String::new();
    for number in plain
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
    {
        out.push_str(number.trim_matches('.'));
        out.push(' ');
    }
    out
}

/// The words bodies are found by: their names in both languages, their aliases and
/// the short forms people type (工信局, DRC, management committee).
fn body_words<'a>(v: ViewCtx, ids: impl Iterator<Item = &'a crate::content::Id>) -> String {
    let mut out = String::new();
    for unit in ids.filter_map(|id| v.site.units.get(id)) {
        let (zh, en) = (unit.name.get(Lang::Zh), unit.name.get(Lang::En));
        let words = [zh.as_str(), en.as_str()]
            .into_iter()
            .map(str::to_string)
            .chain(unit.aliases.iter().cloned())
            .chain(short_forms(zh))
            .chain(english_short_forms(en));
        for w in words {
            out.push_str(&w);
            out.push(' ');
        }
    }
    out
}

/// Topics, regions and units: found by their names in both languages.
fn registry_docs(v: ViewCtx) -> Vec<SearchDoc> {
    let (site, lang, other) = (v.site, v.lang, v.lang.other());
    let topics = site.topics.iter().map(|topic| SearchDoc {
        kind: SearchKind::Topic,
        title: v.text(&topic.name).to_string(),
        href: links::href(&links::topic(lang, &topic.id)),
        context: String::new(),
        extra: format!("{} {}", topic.name.get(other), topic.aliases.join(" ")),
    });
    let regions = site.regions.iter().map(|region| SearchDoc {
        kind: SearchKind::Region,
        title: v.text(&region.name).to_string(),
        href: links::href(&links::region(lang, &region.id)),
        context: String::new(),
        extra: format!(
            "{} {} {}",
            region.name.get(other),
            region.aliases.join(" "),
            short_forms(region.name.get(Lang::Zh)).join(" ")
        ),
    });
    let units = site.units.iter().map(|unit| SearchDoc {
        kind: SearchKind::Unit,
        title: v.text(&unit.name).to_string(),
        href: links::href(&links::unit(lang, &unit.id)),
        context: unit
            .region
            .as_ref()
            .map(|r| v.region_name(r))
            .unwrap_or_default(),
        extra: body_words(v, std::iter::once(&unit.id)),
    });
    topics.chain(regions).chain(units).collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The keys a text is found by: every pair of adjacent CJK characters (bigrams, since
/// Chinese has no spaces), every CJK character alone (so a query of one character,
/// or one beside a figure as in 1000亿, finds it), and lowercased words and numbers,
/// each with its [`stem`]. The search script splits queries the same way.
pub fn search_grams(text: &str) -> Vec<String> {
    grams(text).into_iter().map(Cow::into_owned).collect()
}

/// [`search_grams`] as slices of `text` where they are (every CJK gram, and words
/// already in lower case), sorted and without repeats. Making a string of every gram
/// of every document before sorting out the repeats was a tenth of a build.
fn grams(text: &str) -> Vec<Cow<'_, str>> {
    let mut out: Vec<Cow<str>> = Vec::new();
    // The current run of CJK characters, and the current word, as byte ranges.
    let mut run: Option<(usize, usize)> = None;
    let mut word: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_cjk(c) {
            word_grams(text, word.take(), &mut out);
            run = Some((run.map_or(i, |r| r.0), end));
        } else if c.is_alphanumeric() {
            run_grams(text, run.take(), &mut out);
            word = Some((word.map_or(i, |w| w.0), end));
        } else {
            run_grams(text, run.take(), &mut out);
            word_grams(text, word.take(), &mut out);
        }
    }
    run_grams(text, run, &mut out);
    word_grams(text, word, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// Each character of the CJK run `text[start..end]` alone and with the next.
fn run_grams<'t>(text: &'t str, run: Option<(usize, usize)>, out: &mut Vec<Cow<'t, str>>) {
    let Some((start, end)) = run else {
        return;
    };
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let from = start + at;
        out.push(Cow::Borrowed(&text[from..from + c.len_utf8()]));
        if let Some(&(next, n)) = chars.peek() {
            out.push(Cow::Borrowed(&text[from..start + next + n.len_utf8()]));
        }
    }
}

/// The word `text[start..end]` in lower case, and its stem.
fn word_grams<'t>(text: &'t str, word: Option<(usize, usize)>, out: &mut Vec<Cow<'t, str>>) {
    let Some((start, end)) = word else {
        return;
    };
    let w = &text[start..end];
    let lower: Cow<str> = if w.chars().any(|c| c.to_lowercase().ne([c])) {
        Cow::Owned(w.chars().flat_map(char::to_lowercase).collect())
    } else {
        Cow::Borrowed(w)
    };
    if let Some(s) = stem(&lower) {
        out.push(Cow::Owned(s));
    }
    out.push(lower);
}

/// An English plural's singular, so "revenues" finds "revenue" and "electronics"
/// finds "electronic": `-ies` becomes `-y`, `-sses` loses `es`, and a final `s` goes
/// unless the word ends in `ss`, `us` or `is`. Words under four letters are left
/// alone. `static/search.js` stems queries the same way.
pub fn stem(word: &str) -> Option<String> {
    if word.chars().count() < 4 || !word.is_ascii() {
        return None;
    }
    if let Some(base) = word.strip_suffix("ies") {
        return Some(format!("{base}y"));
    }
    if let Some(base) = word.strip_suffix("sses") {
        return Some(format!("{base}ss"));
    }
    let keeps_s = ["ss", "us", "is"].iter().any(|end| word.ends_with(end));
    word.strip_suffix('s')
        .filter(|_| !keeps_s)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::i18n::Strings;
    use crate::render::test_site::{Starter, starter};
    use serde_json::Value;

    fn view<'a>(s: &'a Starter, strings: &'a Strings) -> ViewCtx<'a> {
        ViewCtx {
            site: &s.site,
            index: &s.index,
            lang: Lang::En,
            strings,
        }
    }

    #[test]
    fn chinese_is_indexed_by_bigrams_and_latin_by_words() {
        let g = search_grams("稀土永磁 Rare-earth 2021");
        for want in ["稀土", "土永", "永磁", "rare", "earth", "2021"] {
            assert!(g.contains(&want.to_string()), "{want} in {g:?}");
        }
        assert_eq!(search_grams("硅"), vec!["硅".to_string()]);
        let g = search_grams("1000亿元 revenues industries");
        for want in [
            "亿", "元", "亿元", "1000", "revenue", "revenues", "industry",
        ] {
            assert!(g.contains(&want.to_string()), "{want} in {g:?}");
        }
    }

    #[test]
    fn english_plurals_are_read_as_their_singular() {
        assert_eq!(stem("revenues").as_deref(), Some("revenue"));
        assert_eq!(stem("electronics").as_deref(), Some("electronic"));
        assert_eq!(stem("industries").as_deref(), Some("industry"));
        assert_eq!(stem("businesses").as_deref(), Some("business"));
        for kept in ["gas", "process", "status", "analysis", "稀土们"] {
            assert_eq!(stem(kept), None, "{kept}");
        }
    }

    /// The index's files by part name (`meta`, `g0`, `d0`…) with the data each holds.
    fn parts(files: &[(String, String)]) -> BTreeMap<String, Value> {
        files
            .iter()
            .map(|(path, text)| {
                let name = path.rsplit('/').next().unwrap().trim_end_matches(".js");
                let json = if name == "meta" {
                    text.split_once(" = ")
                        .unwrap()
                        .1
                        .trim_end()
                        .strip_suffix(';')
                } else {
                    let (_, rest) = text.split_once("\", ").unwrap();
                    rest.trim_end().strip_suffix(");")
                };
                (
                    name.to_string(),
                    serde_json::from_str(json.unwrap()).unwrap(),
                )
            })
            .collect()
    }

    /// The documents found by `gram`, from whichever shard holds it.
    fn found_by(parts: &BTreeMap<String, Value>, gram: &str) -> Vec<u64> {
        let shards = parts["meta"]["shards"].as_u64().unwrap() as usize;
        let list = &parts[&format!("g{}", shards::shard_of(gram, shards))][gram];
        let mut at = 0;
        list.as_array()
            .unwrap_or_else(|| panic!("{gram} is indexed"))
            .iter()
            .map(|step| {
                at += step.as_u64().unwrap();
                at / 2
            })
            .collect()
    }

    #[test]
    fn targets_are_found_by_words_of_both_languages() {
        let s = starter();
        let mut strings: Strings = SearchKind::ALL
            .into_iter()
            .map(|k| (keys::search_kind(k), format!("<{}>", k.code())))
            .collect();
        for status in Status::ALL {
            strings.insert(format!("progress_{}", status.key()), status.key().into());
        }
        strings.insert("year_label".into(), "{year}".into());
        let files = search_index(view(&s, &strings));
        assert!(files.iter().all(|(p, _)| p.starts_with("en/search-index/")));
        let parts = parts(&files);
        let meta = &parts["meta"];
        assert_eq!(meta["kinds"]["unit"], "<unit>");
        assert_eq!(meta["base"], "en/search-index/");
        assert_eq!(meta["ranges"][0][0], "target", "targets come first");
        let docs: Vec<&Value> = (0..)
            .map_while(|i| parts.get(&format!("d{i}")))
            .flat_map(|chunk| chunk.as_array().unwrap())
            .collect();
        assert_eq!(docs.len() as u64, meta["docs"].as_u64().unwrap());
        assert!(parts["d0"].as_array().unwrap().len() <= shards::CHUNK);
        let at = docs
            .iter()
            .position(|d| d[2] == "en/plans/example-2025/electronics-revenue/index.html")
            .expect("the target is indexed");
        assert_eq!(docs[at][0], "target");
        assert_eq!(docs[at][1], "Electronic information industry revenue");
        for gram in ["revenue", "电子", "2025"] {
            assert!(found_by(&parts, gram).contains(&(at as u64)), "{gram}");
        }
    }
}
