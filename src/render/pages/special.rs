//! The root redirect, the 404 pages, the search page and the open-data documentation.

use serde::Serialize;
use tera::Context;

use super::{MetaSpec, PageMeta, PageOut, context};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::render::data;
use crate::render::links;
use crate::render::views::{self, StatusCount, status_counts};

#[derive(Serialize)]
struct RootPage {
    default_href: String,
    languages: Vec<LanguageLink>,
}

#[derive(Serialize)]
struct LanguageLink {
    href: String,
    html_lang: &'static str,
    label: String,
    title: String,
}

fn language_links(out: &PageOut, prefix: &str) -> Vec<LanguageLink> {
    let default = out.cx.site.config.default_language;
    let mut languages: Vec<LanguageLink> = Lang::ALL
        .iter()
        .map(|&l| LanguageLink {
            href: format!("{prefix}{}", links::href(&links::home(l))),
            html_lang: l.html_tag(),
            label: out
                .cx
                .theme
                .strings
                .get(l)
                .get("language_self_name")
                .cloned()
                .unwrap_or_default(),
            title: out.cx.site.config.title.get(l).clone(),
        })
        .collect();
    languages.sort_by_key(|l| l.html_lang != default.html_tag());
    languages
}

pub fn root(out: &mut PageOut) -> Result<Context, Diagnostic> {
    let default = out.cx.site.config.default_language;
    context(&RootPage {
        default_href: links::href(&links::home(default)),
        languages: language_links(out, ""),
    })
}

#[derive(Serialize)]
struct NotFoundPage {
    page: PageMeta,
    languages: Vec<LanguageLink>,
}

/// The 404 page of a language, or the site root's (which offers both languages).
pub fn not_found(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let mut page = out.meta(
        lang,
        MetaSpec {
            kind: "not_found",
            section: "",
            title: v.t("not_found_title").to_string(),
            description: v.t("not_found_text").to_string(),
            breadcrumbs: Vec::new(),
        },
    );
    // The other language's version of a missing page is missing too: the language
    // switch leads to that language's home instead (the root 404 has no twin path).
    let home = links::home(lang.other());
    page.twin_canonical = out
        .cx
        .site
        .config
        .base_url
        .join(home.strip_suffix("index.html").unwrap_or(&home));
    page.twin_href = links::href(&home);
    // An error page states no information, so it has no date.
    page.updated = None;
    let languages = language_links(out, &page.root);
    context(&NotFoundPage { page, languages })
}

#[derive(Serialize)]
struct SearchPage {
    page: PageMeta,
    /// The search index script, from the site root.
    index_href: String,
}

pub fn search(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "search",
            section: "search",
            title: v.t("nav_search").to_string(),
            description: v.t("search_description").to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    context(&SearchPage {
        page,
        index_href: links::search_index(lang),
    })
}

#[derive(Serialize)]
struct DataPage {
    page: PageMeta,
    columns: Vec<ColumnDoc>,
    csv_href: String,
    json_href: String,
    /// "153 targets", as the language says it.
    targets: String,
}

#[derive(Serialize)]
struct ColumnDoc {
    name: &'static str,
    description: String,
}

pub fn data_docs(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "data",
            section: "data",
            title: v.t("nav_data").to_string(),
            description: v.t("data_description").to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    let columns = data::COLUMNS
        .iter()
        .map(|c| ColumnDoc {
            name: c.name,
            description: v.t(&c.doc_key()).to_string(),
        })
        .collect();
    context(&DataPage {
        page,
        columns,
        csv_href: links::TARGETS_CSV.into(),
        json_href: links::TARGETS_JSON.into(),
        targets: v.targets_count(out.cx.site.targets().count()),
    })
}

#[derive(Serialize)]
struct ProgressPage {
    page: PageMeta,
    totals: Vec<StatusCount>,
    plans: Vec<PlanProgress>,
    /// Targets with a published outcome, whatever their status.
    /// See `views::assessed_rows`.
    assessed: Vec<tera::Value>,
    /// The date statuses are worked out for, in a sentence.
    method_date: String,
}

#[derive(Serialize)]
struct PlanProgress {
    title: String,
    href: String,
    counts: Vec<StatusCount>,
    total: usize,
}

/// The site-wide progress page: counts per plan, every assessed target, the method.
pub fn progress(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let site = v.site;
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "progress",
            section: "progress",
            title: v.t("nav_progress").to_string(),
            description: v.t("progress_description").to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    let plans = site
        .plans
        .iter()
        .map(|p| PlanProgress {
            title: v.text(&p.short_title).to_string(),
            href: links::href(&links::plan(lang, &p.id)),
            counts: status_counts(v, p.targets.iter()),
            total: p.targets.len(),
        })
        .collect();
    let assessed: Vec<tera::Value> = match out.cx.prepared.assessed_rows(lang) {
        Some(kept) => kept.iter().flatten().cloned().collect(),
        None => views::assessed_rows_by_plan(v)
            .into_iter()
            .flatten()
            .collect(),
    };
    let method_date = match v.index.as_of {
        Some(d) => crate::render::i18n::fill(v.t("method_date"), &[("date", &v.date(d))]),
        None => String::new(),
    };
    context(&ProgressPage {
        page,
        method_date,
        totals: status_counts(v, site.targets().map(|(_, t)| t)),
        plans,
        assessed,
    })
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::output::MemorySink;
    use crate::render::encode::escape;
    use crate::render::test_site::starter;
    use crate::render::{data, render_site};

    #[test]
    fn the_data_page_documents_every_column_in_its_language() {
        let s = starter();
        let theme = s.theme();
        let sink = MemorySink::new();
        render_site(&s.site, &theme, &sink).unwrap();
        let files = sink.into_files();
        for lang in Lang::ALL {
            let page =
                String::from_utf8(files[&format!("{}/data/index.html", lang.code())].clone())
                    .unwrap();
            let strings = theme.strings.get(lang);
            for c in data::COLUMNS {
                let doc = strings.get(&c.doc_key()).expect("a documented column");
                let mut shown = escape(doc).to_string();
                if lang == Lang::En {
                    shown = crate::render::markdown::mark_chinese(&shown);
                }
                let label = escape(&strings["data_meaning"]).to_string();
                let want = format!(
                    "<code>{}</code></th><td data-label=\"{label}\">{shown}</td>",
                    c.name
                );
                assert!(page.contains(&want), "{lang}: {want}");
            }
        }
        assert_ne!(
            theme.strings.zh["data_column_plan_id"],
            theme.strings.en["data_column_plan_id"]
        );
    }
}
