//! What every page is rendered from: the prepared templates, indexes and shared rows
//! ([`Prepared`]), and the [`RenderContext`] a page builder receives. Kept apart from
//! the page builders so they depend on it and it never on them.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::markdown::{self, LocalLink, MarkdownContext, MarkdownProblem};
use super::page_list::{self, Page};
use super::templates::Templates;
use super::theme::Theme;
use super::{links, views};
use crate::content::Site;
use crate::derive::Index;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::lang::{Lang, Localized};

/// The path to the site root from every listing page (`zh/chains/<id>/`,
/// `zh/years/<year>/`…): the pages whose target tables share pre-rendered rows.
pub const LISTING_ROOT: &str = "../../../";

/// What pages are rendered from besides the site itself: the parsed templates, the
/// indexes and each target's table row, prepared once per build. None of it depends
/// on commentary bodies, so `serve` keeps it across commentary edits.
pub struct Prepared {
    pub index: Index,
    pub templates: Templates,
    /// Site paths without the language (`plans/x/`), for checking `@/` links.
    pub page_paths: HashSet<String>,
    /// Each target's table row as markup, by language, plan and target position, as the
    /// listing pages show it ([`LISTING_ROOT`], with a plan column). A target appears
    /// in up to ten tables (its chain, region, units, year…); its row is rendered once,
    /// then shared (a cheap clone). Only the markup is kept: the row's fields, which
    /// few pages show, are built when a page asks ([`RenderContext::row_fields`]), so a
    /// large site does not hold them all.
    rows: Localized<Vec<Vec<tera::Value>>>,
    /// Each plan's card for lists, by language and plan position.
    cards: Localized<Vec<tera::Value>>,
    /// The latest date any source record states (issued or published): what a page
    /// drawing on the whole site is dated by. Found once here, not for each page (a
    /// site of 100,000 targets has 200,000 pages and 2,000 records).
    pub latest_record: Option<crate::vocab::Date>,
    /// The all-targets table's rows, by language, plan and target position: kept by
    /// `serve` (see [`Prepared::keep_rows_for_edits`]), not by builds.
    all_target_rows: Option<Localized<Vec<Vec<tera::Value>>>>,
    /// The progress page's rows, by language and plan, kept by `serve` in the same
    /// way (see [`views::assessed_rows`]), for the targets with outcomes only. Like
    /// the all-targets rows they depend on their own plan and on what the whole site
    /// shares, which a plan edit leaves as it was (the status date too: `serve` builds
    /// everything when it moves).
    assessed_rows: Option<Localized<Vec<Vec<tera::Value>>>>,
}

impl Prepared {
    /// Parses the templates, builds the indexes and every row and card.
    pub fn new(site: &Site, theme: &Theme) -> Result<Prepared, Diagnostics> {
        // Parsing the templates and building the indexes are independent, and each
        // leaves much of a core idle: they are made side by side.
        let (templates, (index, page_paths)) = rayon::join(
            || Templates::new(theme, &site.config),
            || {
                let index = Index::build(site, crate::derive::status_date(site.config.as_of));
                let page_paths = page_list::page_paths(site, &index);
                (index, page_paths)
            },
        );
        let templates = templates.map_err(Diagnostics::from_iter)?;
        let view = |lang| views::ViewCtx::of(site, &index, theme, lang);
        let plans: Vec<&crate::content::Plan> = site.plans.iter().collect();
        let mut rows = Localized::<Vec<Vec<tera::Value>>>::default();
        for lang in Lang::ALL {
            let v = view(lang);
            let built: Result<Vec<Vec<tera::Value>>, Diagnostic> = plans
                .par_iter()
                .map(|plan| {
                    plan.targets
                        .iter()
                        .map(|t| {
                            let row = views::TargetRow::new(v, t);
                            let html = templates.render_row(lang, &row, LISTING_ROOT, true)?;
                            Ok(tera::Value::from(html))
                        })
                        .collect()
                })
                .collect();
            let built = built.map_err(Diagnostics::from)?;
            match lang {
                Lang::Zh => rows.zh = built,
                Lang::En => rows.en = built,
            }
        }
        let cards = Localized::from_fn(|lang| {
            let v = view(lang);
            site.plans
                .iter()
                .map(|p| tera::Value::from_serializable(&views::PlanCard::new(v, p)))
                .collect()
        });
        Ok(Prepared {
            index,
            templates,
            page_paths,
            rows,
            cards,
            latest_record: latest_record(site, site.records.iter().map(|r| &r.id)),
            all_target_rows: None,
            assessed_rows: None,
        })
    }
}

impl Prepared {
    /// Renders and keeps every row of the all-targets table and of the progress
    /// page, so that after an edit of one plan only its rows are made again
    /// ([`Prepared::refresh_plan`]). A preview keeps them; a build makes them as the
    /// pages render, not to hold them all.
    pub fn keep_rows_for_edits(&mut self, site: &Site, theme: &Theme) -> Result<(), Diagnostic> {
        let plans: Vec<&crate::content::Plan> = site.plans.iter().collect();
        let mut rows = Localized::<Vec<Vec<tera::Value>>>::default();
        let mut assessed = Localized::<Vec<Vec<tera::Value>>>::default();
        for lang in Lang::ALL {
            let v = views::ViewCtx::of(site, &self.index, theme, lang);
            *rows.get_mut(lang) = super::all_rows::rows_of(&self.templates, v, &plans)?;
            *assessed.get_mut(lang) = views::assessed_rows_by_plan(v);
        }
        self.all_target_rows = Some(rows);
        self.assessed_rows = Some(assessed);
        Ok(())
    }

    /// Plan `p`'s targets' rows as listing pages show them, in `lang`.
    pub fn plan_rows(&self, lang: Lang, p: usize) -> &[tera::Value] {
        self.rows.get(lang).get(p).map_or(&[], Vec::as_slice)
    }

    /// Plan `p`'s card, in `lang`.
    pub fn plan_card(&self, lang: Lang, p: usize) -> Option<&tera::Value> {
        self.cards.get(lang).get(p)
    }

    /// The kept rows of the progress page in `lang`, by plan.
    pub fn assessed_rows(&self, lang: Lang) -> Option<&Vec<Vec<tera::Value>>> {
        self.assessed_rows.as_ref().map(|r| r.get(lang))
    }

    /// The kept rows of the all-targets table in `lang`, by plan and target.
    pub fn all_target_rows(&self, lang: Lang) -> Option<&Vec<Vec<tera::Value>>> {
        self.all_target_rows.as_ref().map(|r| r.get(lang))
    }

    /// Brings the indexes, page list, and plan `p`'s rows and card up to date after
    /// that plan alone changed; the other plans' rows are kept.
    pub fn refresh_plan(&mut self, site: &Site, theme: &Theme, p: usize) -> Result<(), Diagnostic> {
        self.index = Index::build(site, crate::derive::status_date(site.config.as_of));
        self.page_paths = page_list::page_paths(site, &self.index);
        let plan = page_list::plan_at(site, p);
        for lang in Lang::ALL {
            let v = views::ViewCtx::of(site, &self.index, theme, lang);
            let rows = plan
                .targets
                .iter()
                .map(|t| {
                    let row = views::TargetRow::new(v, t);
                    let html = self.templates.render_row(lang, &row, LISTING_ROOT, true)?;
                    Ok(tera::Value::from(html))
                })
                .collect::<Result<Vec<_>, Diagnostic>>()?;
            let card = tera::Value::from_serializable(&views::PlanCard::new(v, plan));
            let (all_rows, cards) = match lang {
                Lang::Zh => (&mut self.rows.zh, &mut self.cards.zh),
                Lang::En => (&mut self.rows.en, &mut self.cards.en),
            };
            if let (Some(r), Some(c)) = (all_rows.get_mut(p), cards.get_mut(p)) {
                *r = rows;
                *c = card;
            }
            if let Some(slot) = self
                .assessed_rows
                .as_mut()
                .and_then(|kept| kept.get_mut(lang).get_mut(p))
            {
                *slot = views::assessed_rows(v, plan);
            }
            if let Some(kept) = self.all_target_rows.as_mut() {
                let fresh = super::all_rows::rows_of(&self.templates, v, &[plan])?;
                if let (Some(slot), Some(new)) =
                    (kept.get_mut(lang).get_mut(p), fresh.into_iter().next())
                {
                    *slot = new;
                }
            }
        }
        Ok(())
    }
}

/// Everything one build's pages are rendered from.
pub struct RenderContext<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub prepared: Arc<Prepared>,
    /// Commentary links to other files of the site, checked when every file is written
    /// ([`RenderContext::broken_links`]).
    pub links: Mutex<Vec<PendingLink>>,
    /// The `@/` pages commentary named, and whether each exists: an incremental build
    /// keeps a plan's pages only while the answers stay the same.
    asked: Mutex<Vec<(String, bool)>>,
}

/// A commentary's link to another file of the site: the file it needs, and the error
/// to report, at the link, if the build writes no such file.
#[derive(Debug)]
pub struct PendingLink {
    pub file: String,
    pub problem: Diagnostic,
}

impl<'a> RenderContext<'a> {
    /// Prepares rendering: parses the templates and builds the indexes.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<RenderContext<'a>, Diagnostics> {
        Ok(RenderContext::with(
            site,
            theme,
            Arc::new(Prepared::new(site, theme)?),
        ))
    }

    /// A context for rendering with what was prepared before (`serve` keeps it across
    /// commentary edits).
    pub fn with(site: &'a Site, theme: &'a Theme, prepared: Arc<Prepared>) -> RenderContext<'a> {
        RenderContext {
            site,
            theme,
            prepared,
            links: Mutex::new(Vec::new()),
            asked: Mutex::new(Vec::new()),
        }
    }

    /// The commentary links met so far, taken out of the context.
    pub fn take_links(&self) -> Vec<PendingLink> {
        std::mem::take(&mut *self.links.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Adds links met in another context (a plan's own), for the final check.
    pub fn add_links(&self, links: Vec<PendingLink>) {
        self.links
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(links);
    }

    /// The `@/` pages asked about so far, sorted and without repeats.
    pub fn take_asked(&self) -> Vec<(String, bool)> {
        let mut asked = std::mem::take(&mut *self.asked.lock().unwrap_or_else(|e| e.into_inner()));
        asked.sort();
        asked.dedup();
        asked
    }

    /// The errors of every commentary link, met since the last call, to a file that
    /// `exists` says was not written.
    pub fn broken_links(&self, exists: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
        self.take_links()
            .into_iter()
            .filter(|l| !exists(&l.file))
            .map(|l| l.problem)
            .collect()
    }

    /// A target's table row for a page whose path to the site root is `root`: shared
    /// markup for the listing pages, rendered afresh for any other table (a plan's own
    /// table, which has no plan column, shows each target once).
    pub fn row(
        &self,
        lang: Lang,
        r: crate::derive::TargetRef,
        root: &str,
        show_plan: bool,
    ) -> Result<tera::Value, Diagnostic> {
        if show_plan && root == LISTING_ROOT {
            return Ok(self.prepared.rows.get(lang)[r.plan][r.target].clone());
        }
        let target = &page_list::plan_at(self.site, r.plan).targets[r.target];
        let row = views::TargetRow::new(self.view(lang), target);
        let html = self
            .prepared
            .templates
            .render_row(lang, &row, root, show_plan)?;
        Ok(tera::Value::from(html))
    }

    /// A target's row fields (name, links, value, status…), for the pages that show
    /// them one by one: its own page, the progress page, breakdown parts.
    pub fn row_fields(&self, lang: Lang, r: crate::derive::TargetRef) -> tera::Value {
        let target = &page_list::plan_at(self.site, r.plan).targets[r.target];
        tera::Value::from_serializable(&views::TargetRow::new(self.view(lang), target))
    }

    /// What view builders need, in `lang`.
    pub fn view(&self, lang: Lang) -> views::ViewCtx<'_> {
        views::ViewCtx::of(self.site, self.index(), self.theme, lang)
    }

    /// A plan's card, ready for templates.
    pub fn card(&self, lang: Lang, plan: usize) -> tera::Value {
        self.prepared.cards.get(lang)[plan].clone()
    }

    /// The indexes of the site.
    pub fn index(&self) -> &Index {
        &self.prepared.index
    }

    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        page_list::all_pages(self.site, self.index())
    }
}

/// Renders a commentary body for the page at `page_path`, turning Markdown problems
/// into diagnostics located in the commentary file.
pub fn render_commentary(
    cx: &RenderContext,
    commentary: &crate::content::Commentary,
    page_path: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let root = links::root_of(page_path);
    let exists = |p: &str| {
        let found = cx.prepared.page_paths.contains(p);
        cx.asked
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((p.to_string(), found));
        found
    };
    let mcx = MarkdownContext {
        root: &root,
        lang: lang.code(),
        page_exists: &exists,
    };
    let rendered = markdown::render(commentary.body(), &mcx);
    let body_offset = commentary.body_start;
    let base = cx.site.config.base_url.path();
    for link in rendered.local_links {
        let (file, p) = local_link(page_path, base, link);
        let problem = markdown_diagnostic(
            &commentary.file.text,
            &commentary.file.display,
            body_offset,
            p,
        );
        match file {
            Some(file) => cx
                .links
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(PendingLink { file, problem }),
            None => problems.push(problem),
        }
    }
    for p in rendered.problems {
        problems.push(markdown_diagnostic(
            &commentary.file.text,
            &commentary.file.display,
            body_offset,
            p,
        ));
    }
    rendered.html
}

/// The file a commentary link on the page at `page_path` needs (`None` if it cannot
/// be a file of the site), and the problem to report if it is missing. Links from the
/// root (`/zh/`) are read under `base`, the path the site is published at; `@/static/…`
/// from the site's root.
fn local_link(page_path: &str, base: &str, link: LocalLink) -> (Option<String>, MarkdownProblem) {
    let path = link.dest.trim().split(['#', '?']).next().unwrap_or("");
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let file = match path.strip_prefix(base) {
        _ if path.starts_with("@/") => Some(path["@/".len()..].to_string()),
        Some(from_root) if path.starts_with('/') => Some(from_root.to_string()),
        _ if path.starts_with('/') => None,
        _ => links::resolve(&links::file_of(page_path), &path),
    };
    let file = file.map(|f| links::file_of(&f));
    let message = match &file {
        Some(f) => format!(
            "the link `{}` points to a file the site does not have ({f})",
            link.dest
        ),
        None => format!("the link `{}` leads out of the site", link.dest),
    };
    let problem = MarkdownProblem {
        severity: crate::diagnostics::Severity::Error,
        offset: link.offset,
        message,
        help: "link to pages as @/plans/<plan-id>/ and to files in static/ as @/static/<file>; a path is read from the page it appears on".into(),
    };
    (file, problem)
}

fn markdown_diagnostic(
    text: &Arc<str>,
    file: &std::path::Path,
    body_offset: usize,
    p: MarkdownProblem,
) -> Diagnostic {
    let start = body_offset + p.offset;
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let d = Diagnostic {
        severity: p.severity,
        ..Diagnostic::error(file, p.message)
    };
    d.at(text, Location::from_byte_range(text, start..end))
        .help(p.help)
}

/// The latest date the records `ids` state: when each was issued or published.
pub fn latest_record<'a>(
    site: &Site,
    ids: impl Iterator<Item = &'a crate::vocab::Id>,
) -> Option<crate::vocab::Date> {
    ids.filter_map(|id| site.records.get(id))
        .flat_map(|r| std::iter::once(r.issued).chain(r.published.iter().filter_map(|p| p.date)))
        .max()
}
