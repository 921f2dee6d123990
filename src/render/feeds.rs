//! The files that tell machines about the site: `sitemap.xml` for search engines,
//! an Atom feed of the plans per language, and `robots.txt`.

use std::fmt::Write as _;

use super::encode::{escape, escape_into};
use super::links;
use super::views::ViewCtx;
use crate::content::{Date, Plan, Site};
use crate::lang::Lang;

/// `sitemap.xml`: every listed page, given as its site path and language, with its
/// twin in the other language as an hreflang alternate.
pub fn sitemap(site: &Site, pages: impl IntoIterator<Item = (String, Lang)>) -> String {
    // Escaping works character by character, so the base is escaped once and each
    // address is written in pieces: `serve` makes this file again after every edit,
    // with tens of thousands of pages.
    let base = escape(&site.config.base_url.as_str());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let address = |out: &mut String, path: &str| {
        out.push_str(&base);
        escape_into(out, path);
    };
    for (path, lang) in pages {
        out.push_str("  <url>\n    <loc>");
        address(&mut out, &path);
        out.push_str("</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"");
        out.push_str(lang.html_tag());
        out.push_str("\" href=\"");
        address(&mut out, &path);
        out.push_str("\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"");
        out.push_str(lang.other().html_tag());
        out.push_str("\" href=\"");
        // The twin: the same path under the other language (see `links::twin`).
        match path.split_once('/') {
            Some((_, rest)) => {
                out.push_str(&base);
                out.push_str(lang.other().code());
                out.push('/');
                escape_into(&mut out, rest);
            }
            None => address(&mut out, &path),
        }
        out.push_str("\"/>\n  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
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
        assert_eq!(sitemap(&s.site, pages.clone()), want);
        assert!(want.contains("a&amp;b&#39;c/en/plans/a&amp;b/"), "{want}");
    }

    #[test]
    fn the_sitemap_pairs_each_page_with_its_twin() {
        let s = starter();
        let xml = sitemap(
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
