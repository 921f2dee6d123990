//! The files that tell machines about the site: `sitemap.xml` for search engines,
//! an Atom feed of the plans per language, and `robots.txt`.

use std::fmt::Write as _;

use super::encode::{escape, escape_into};
use super::links;
use super::views::ViewCtx;
use crate::content::{Date, Plan, Site};
use crate::lang::Lang;

/// What one sitemap file may hold: 50,000 addresses (the sitemap protocol's limit) and
/// less than 10 MB (Baidu's, where the protocol and Google allow 50 MB; most of a
/// Chinese portal's readers arrive through Baidu). A file past either limit is
/// refused, and a site passes the bytes at about 18,000 targets, so a province's
/// portal needs more than one file.
pub const SITEMAP_LIMITS: SitemapLimits = SitemapLimits {
    urls: 50_000,
    bytes: 10 * 1024 * 1024 - 1,
};

/// The most addresses and bytes one sitemap file holds.
#[derive(Debug, Clone, Copy)]
pub struct SitemapLimits {
    pub urls: usize,
    pub bytes: usize,
}

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_TAIL: &str = "</urlset>\n";

/// The sitemap of every listed page, given as its site path and language, with its twin
/// in the other language as an hreflang alternate; each file is passed to `emit` with
/// its site path as soon as it is made. While the pages fit in one file that is
/// `sitemap.xml`; beyond [`SITEMAP_LIMITS`], `sitemap.xml` is an index of
/// `sitemap1.xml`, `sitemap2.xml`, … (robots.txt names `sitemap.xml` either way).
pub fn sitemaps(
    site: &Site,
    pages: impl IntoIterator<Item = (String, Lang)>,
    emit: impl FnMut(&str, String),
) {
    sitemaps_within(site, pages, SITEMAP_LIMITS, emit);
}

/// [`sitemaps`] with the given limits (tests use small ones).
pub fn sitemaps_within(
    site: &Site,
    pages: impl IntoIterator<Item = (String, Lang)>,
    limits: SitemapLimits,
    mut emit: impl FnMut(&str, String),
) {
    // Escaping works character by character, so the base is escaped once and each
    // address is written in pieces: `serve` makes these files again after every edit,
    // with tens of thousands of pages.
    let base = escape(&site.config.base_url.as_str());
    let mut parts = 0;
    let mut part = String::from(URLSET_HEAD);
    let mut urls = 0;
    let mut entry = String::new();
    for (path, lang) in pages {
        entry.clear();
        url_entry(&mut entry, &base, &path, lang);
        let full =
            urls == limits.urls || part.len() + entry.len() + URLSET_TAIL.len() > limits.bytes;
        // A file always takes its first address, however long.
        if full && urls > 0 {
            part.push_str(URLSET_TAIL);
            parts += 1;
            let next = String::from(URLSET_HEAD);
            emit(
                &links::sitemap_part(parts),
                std::mem::replace(&mut part, next),
            );
            urls = 0;
        }
        part.push_str(&entry);
        urls += 1;
    }
    part.push_str(URLSET_TAIL);
    if parts == 0 {
        emit(links::SITEMAP, part);
        return;
    }
    parts += 1;
    emit(&links::sitemap_part(parts), part);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        index.push_str("  <sitemap>\n    <loc>");
        index.push_str(&base);
        escape_into(&mut index, &links::sitemap_part(n));
        index.push_str("</loc>\n  </sitemap>\n");
    }
    index.push_str("</sitemapindex>\n");
    emit(links::SITEMAP, index);
}

/// One page's `<url>` entry.
fn url_entry(out: &mut String, base: &str, path: &str, lang: Lang) {
    let address = |out: &mut String, path: &str| {
        out.push_str(base);
        escape_into(out, path);
    };
    out.push_str("  <url>\n    <loc>");
    address(out, path);
    out.push_str("</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"");
    out.push_str(lang.html_tag());
    out.push_str("\" href=\"");
    address(out, path);
    out.push_str("\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"");
    out.push_str(lang.other().html_tag());
    out.push_str("\" href=\"");
    // The twin: the same path under the other language (see `links::twin`).
    match path.split_once('/') {
        Some((_, rest)) => {
            out.push_str(base);
            out.push_str(lang.other().code());
            out.push('/');
            escape_into(out, rest);
        }
        None => address(out, path),
    }
    out.push_str("\"/>\n  </url>\n");
}

/// `<lang>/atom.xml`: the plans, newest first.
pub fn feed(v: ViewCtx) -> String {
    let site = v.site;
    let lang = v.lang;
    let base = &site.config.base_url;
    let mut plans: Vec<(&Plan, Date)> = site
        .plans
        .iter()
        .filter_map(|p| site.records.get(&p.record).map(|r| (p, r.issued)))
        .collect();
    plans.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    // A feed must say when it last changed: the newest plan's issue, or the epoch for
    // a site without plans, so the file stays the same from build to build.
    let updated = plans.first().map_or_else(
        || "1970-01-01T00:00:00+08:00".to_string(),
        |(_, d)| d.rfc3339(),
    );
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <generator>plansite</generator>\n",
        lang.html_tag(),
        escape(site.config.title.get(lang)),
        escape(site.config.description.get(lang)),
        escape(&base.join(&links::home(lang))),
        escape(&base.join(&links::feed(lang))),
        escape(&base.join(&links::home(lang))),
    );
    for (plan, issued) in plans {
        entry(&mut out, v, plan, issued);
    }
    out.push_str("</feed>\n");
    out
}

/// One plan's `<entry>`: its summary, or its title for a plan without commentary.
fn entry(out: &mut String, v: ViewCtx, plan: &Plan, issued: Date) {
    let url = v.site.config.base_url.join(&links::plan(v.lang, &plan.id));
    let summary = plan
        .commentary
        .get(v.lang)
        .as_ref()
        .and_then(|c| c.summary.clone())
        .unwrap_or_else(|| v.text(&plan.title).to_string());
    let _ = write!(
        out,
        "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{}</published>\n    <updated>{}</updated>\n    <author><name>{}</name></author>\n    <summary>{}</summary>\n  </entry>\n",
        escape(v.text(&plan.title)),
        escape(&url),
        escape(&url),
        issued.rfc3339(),
        issued.rfc3339(),
        escape(&v.unit_name(&plan.issuer)),
        escape(&summary),
    );
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.base_url.join(links::SITEMAP)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::Strings;
    use crate::render::test_site::{Starter, starter};

    fn view<'a>(s: &'a Starter, strings: &'a Strings) -> ViewCtx<'a> {
        ViewCtx {
            site: &s.site,
            index: &s.index,
            lang: Lang::En,
            strings,
        }
    }

    /// The files [`sitemaps_within`] makes, by site path.
    fn sitemap_files(
        site: &Site,
        pages: &[(String, Lang)],
        limits: SitemapLimits,
    ) -> std::collections::BTreeMap<String, String> {
        let mut files = std::collections::BTreeMap::new();
        sitemaps_within(site, pages.iter().cloned(), limits, |path, text| {
            assert!(
                files.insert(path.to_string(), text).is_none(),
                "{path} twice"
            );
        });
        files
    }

    /// The sitemap of a site small enough for one file: `sitemap.xml` alone.
    fn one_sitemap<const N: usize>(site: &Site, pages: [(String, Lang); N]) -> String {
        let mut files = sitemap_files(site, &pages, SITEMAP_LIMITS);
        assert_eq!(files.len(), 1, "{:?}", files.keys());
        files.remove(links::SITEMAP).unwrap()
    }

    fn locs(xml: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text().map(str::to_string))
            .collect()
    }

    /// Past the protocol's limits, `sitemap.xml` becomes an index of parts, each within
    /// both limits, holding every address once and in order; the split depends on the
    /// count and on the bytes, and an address too long for the byte limit still gets
    /// a file of its own.
    #[test]
    fn a_sitemap_past_its_limits_is_an_index_of_parts_within_them() {
        let s = starter();
        let base = "https://www.example.gov.cn/plans/";
        let mut pages: Vec<(String, Lang)> = (0..7)
            .map(|i| (format!("zh/plans/p/t{i}/"), Lang::Zh))
            .collect();
        let whole = sitemap_files(&s.site, &pages, SITEMAP_LIMITS);
        let all = locs(&whole[links::SITEMAP]);
        assert_eq!(all.len(), 7);

        let by_count = sitemap_files(
            &s.site,
            &pages,
            SitemapLimits {
                urls: 3,
                bytes: 1 << 20,
            },
        );
        let names: Vec<&str> = by_count.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap1.xml",
                "sitemap2.xml",
                "sitemap3.xml"
            ]
        );
        let index = roxmltree::Document::parse(&by_count[links::SITEMAP]).unwrap();
        assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
        assert_eq!(
            locs(&by_count[links::SITEMAP]),
            (1..=3)
                .map(|n| format!("{base}sitemap{n}.xml"))
                .collect::<Vec<_>>()
        );
        let counts: Vec<usize> = (1..=3)
            .map(|n| locs(&by_count[&links::sitemap_part(n)]).len())
            .collect();
        assert_eq!(counts, [3, 3, 1]);
        let joined: Vec<String> = (1..=3)
            .flat_map(|n| locs(&by_count[&links::sitemap_part(n)]))
            .collect();
        assert_eq!(joined, all);

        // A byte limit that holds two of these entries, and a path far longer.
        let one = whole[links::SITEMAP].len() - URLSET_HEAD.len() - URLSET_TAIL.len();
        let limit = URLSET_HEAD.len() + URLSET_TAIL.len() + 2 * (one / 7) + 10;
        pages.insert(3, (format!("zh/plans/p/{}/", "x".repeat(limit)), Lang::Zh));
        let by_bytes = sitemap_files(
            &s.site,
            &pages,
            SitemapLimits {
                urls: 100,
                bytes: limit,
            },
        );
        let parts: Vec<&String> = by_bytes
            .keys()
            .filter(|p| links::is_sitemap_part(p))
            .collect();
        assert_eq!(parts.len(), 5, "{:?}", by_bytes.keys());
        let mut joined = Vec::new();
        for part in parts {
            let xml = &by_bytes[part];
            let n = locs(xml).len();
            assert!(xml.len() <= limit || n == 1, "{part}: {} bytes", xml.len());
            joined.extend(locs(xml));
        }
        assert_eq!(joined.len(), 8);
        assert_eq!(
            joined[3],
            format!("{base}zh/plans/p/{}/", "x".repeat(limit))
        );
    }

    /// The sitemap is written in pieces for speed; it must say exactly what joining
    /// and escaping each whole address says, for a base that needs escaping and for
    /// paths at the top of the site and without a language folder.
    #[test]
    fn the_sitemap_writes_each_address_as_joining_and_escaping_it_whole() {
        let mut s = starter();
        s.site.config.base_url =
            crate::config::BaseUrl::parse("https://example.gov.cn/a&b'c/").unwrap();
        let pages = [
            ("zh/plans/x/".to_string(), Lang::Zh),
            ("en/".to_string(), Lang::En),
            ("404.html".to_string(), Lang::Zh),
            (String::new(), Lang::En),
            ("en/plans/a&b/".to_string(), Lang::En),
        ];
        let base = &s.site.config.base_url;
        let mut want = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for (path, lang) in &pages {
            let twin = links::twin(path, *lang);
            want.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n  </url>\n",
                escape(&base.join(path)),
                lang.html_tag(),
                escape(&base.join(path)),
                lang.other().html_tag(),
                escape(&base.join(&twin)),
            ));
        }
        want.push_str("</urlset>\n");
        assert_eq!(one_sitemap(&s.site, pages.clone()), want);
        assert!(want.contains("a&amp;b&#39;c/en/plans/a&amp;b/"), "{want}");
    }

    #[test]
    fn the_sitemap_pairs_each_page_with_its_twin() {
        let s = starter();
        let xml = one_sitemap(
            &s.site,
            [
                ("zh/plans/x/".to_string(), Lang::Zh),
                ("en/".into(), Lang::En),
            ],
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        let base = "https://www.example.gov.cn/plans/";
        assert_eq!(locs, [format!("{base}zh/plans/x/"), format!("{base}en/")]);
        assert!(xml.contains(&format!("hreflang=\"en\" href=\"{base}en/plans/x/\"")));
        assert!(
            xml.contains(&format!("hreflang=\"zh-Hans\" href=\"{base}zh/\"")),
            "{xml}"
        );
    }

    #[test]
    fn the_feed_lists_each_plan_with_its_summary() {
        let s = starter();
        let strings = Strings::new();
        let xml = feed(view(&s, &strings));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let entries: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), 1);
        let text = |tag: &str| {
            entries[0]
                .descendants()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap_or_default()
        };
        assert_eq!(
            text("summary"),
            "A sample plan that shows plansite's content format."
        );
        assert_eq!(text("published"), "2023-03-01T00:00:00+08:00");
        assert!(xml.contains("<updated>2023-03-01T00:00:00+08:00</updated>\n  <generator>"));
        assert!(
            robots(&s.site).ends_with("Sitemap: https://www.example.gov.cn/plans/sitemap.xml\n")
        );
    }
}
