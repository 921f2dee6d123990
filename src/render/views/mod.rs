//! What templates see: plain structs built from the model for one language.
//!
//! Every page kind gets a typed context built from these views (never a map of string
//! keys), so a template typo is a render error, not a silently empty field. Links are
//! site paths relative to the root (`zh/plans/x/index.html`); templates prefix them with
//! the page's `root`.

use super::i18n::Strings;
use super::links;
use crate::content::*;
use crate::derive::{Index, PlanStatus};
use crate::lang::Lang;

/// Everything a view builder needs: the site, its indexes, the language and its UI
/// strings.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub site: &'a Site,
    pub index: &'a Index,
    pub lang: Lang,
    pub strings: &'a Strings,
}

/// A clause id as Chinese documents write it, with full-width brackets: editors key
/// 三(一)2, the document prints 三（一）2.
pub fn clause_as_written(id: &str) -> String {
    id.replace('(', "（").replace(')', "）")
}

/// A document number (文号) as a page shows it: on English pages in its conventional
/// English form, with the original beside.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocNumber {
    /// As the document writes it.
    pub zh: String,
    /// `Gan Shi Fu Ban Zi [2020] No. 38`, on English pages.
    pub en: Option<String>,
}

impl DocNumber {
    /// As plain text: `Gan Shi Fu Ban Zi [2020] No. 38 (赣市府办字〔2020〕38号)` on
    /// English pages.
    pub fn text(&self) -> String {
        match &self.en {
            Some(en) => format!("{en} ({})", self.zh),
            None => self.zh.clone(),
        }
    }
}

impl<'a> ViewCtx<'a> {
    /// The view of `site` in `lang`, with the theme's strings for that language.
    pub fn of(
        site: &'a Site,
        index: &'a Index,
        theme: &'a super::theme::Theme,
        lang: Lang,
    ) -> Self {
        ViewCtx {
            site,
            index,
            lang,
            strings: theme.strings.get(lang),
        }
    }

    /// A UI string; keys used here are checked when the theme loads.
    pub fn t(&self, key: &str) -> &'a str {
        debug_assert!(
            self.strings.contains_key(key),
            "the UI string `{key}` is looked up but not listed in render/keys.rs"
        );
        self.strings.get(key).map_or("", String::as_str)
    }

    /// A clause id as this language writes it: 三(一)2 stays on Chinese pages and is
    /// III.1.2 on English ones (see [`crate::render::format::outline`]).
    pub fn clause_words(&self, id: &str) -> String {
        match self.lang {
            Lang::En => crate::render::format::outline::clause_in_english(id)
                .unwrap_or_else(|| clause_as_written(id)),
            Lang::Zh => clause_as_written(id),
        }
    }

    /// A document number for this language's pages.
    pub fn doc_number(&self, number: &str) -> DocNumber {
        let en = match self.lang {
            Lang::En => crate::render::format::outline::document_number_in_english(number),
            Lang::Zh => None,
        };
        DocNumber {
            zh: number.to_string(),
            en,
        }
    }

    /// The short citation of a document's clauses: 《title》条款二（一）, or
    /// 《title》附件1 where the document names the part with a word of its own.
    pub fn cite(&self, title: &str, clause_ids: &[&str]) -> String {
        let named = clause_ids
            .iter()
            .all(|c| crate::render::format::outline::names_its_part(c));
        let clauses: Vec<String> = clause_ids.iter().map(|c| self.clause_words(c)).collect();
        self.tf(
            if named {
                "citation_part_form"
            } else {
                "citation_short_form"
            },
            &[
                ("title", title),
                ("clause", &clauses.join(self.t("list_separator"))),
            ],
        )
    }

    /// A UI string with its `{name}` placeholders filled from `args`.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        super::i18n::fill(self.t(key), args)
    }

    /// `text` with a remark in brackets, full-width in Chinese: "1376.9亿元（2021年）",
    /// "CNY 137.69 billion (2021)".
    pub fn aside(&self, text: &str, aside: &str) -> String {
        // The same brackets the templates write around a remark.
        [text, self.t("paren_open"), aside, self.t("paren_close")].concat()
    }

    /// `text` after its label and the language's colon: "目标年份：…", "Target year: …".
    pub fn labelled(&self, label: &str, text: &str) -> String {
        self.tf("labelled_form", &[("label", label), ("text", text)])
    }

    /// A number of targets as the language says it: "1 target", "3 targets", "3 个目标".
    pub fn targets_count(&self, n: usize) -> String {
        let key = if n == 1 {
            "count_targets_one"
        } else {
            "count_targets_other"
        };
        self.tf(key, &[("n", &n.to_string())])
    }

    /// A year as a label ("2025年", "2025").
    pub fn year(&self, year: u16) -> String {
        self.tf("year_label", &[("year", &year.to_string())])
    }

    pub fn metric(&self, metric: Metric) -> &'a str {
        self.t(&super::keys::metric(metric))
    }

    pub fn text<'t>(&self, text: &'t crate::lang::Text) -> &'t str {
        text.get(self.lang)
    }

    /// A date as the language writes it ("2021年4月26日", "26 April 2021"); the
    /// patterns and month names are UI strings.
    pub fn date(&self, d: Date) -> String {
        let month_name = self.t(&format!("month_{}", d.month.clamp(1, 12)));
        let (year, month) = (d.year.to_string(), d.month.to_string());
        match d.day {
            Some(day) => self.tf(
                "date_day",
                &[
                    ("year", &year),
                    ("month", &month),
                    ("month_name", month_name),
                    ("day", &day.to_string()),
                ],
            ),
            None => self.tf(
                "date_month",
                &[
                    ("year", &year),
                    ("month", &month),
                    ("month_name", month_name),
                ],
            ),
        }
    }

    pub fn unit_name(&self, id: &Id) -> String {
        self.site
            .units
            .get(id)
            .map(|u| self.text(&u.name).to_string())
            .unwrap_or_default()
    }

    pub fn region_name(&self, id: &Id) -> String {
        self.site
            .regions
            .get(id)
            .map(|r| self.text(&r.name).to_string())
            .unwrap_or_default()
    }

    /// A unit's name and page.
    pub fn unit_ref(&self, id: &Id) -> NameRef {
        NameRef {
            id: id.to_string(),
            name: self.unit_name(id),
            href: links::href(&links::unit(self.lang, id)),
        }
    }

    /// A region's name and page.
    pub fn region_ref(&self, id: &Id) -> NameRef {
        NameRef {
            id: id.to_string(),
            name: self.region_name(id),
            href: links::href(&links::region(self.lang, id)),
        }
    }

    /// The status of the plan at `position` in `site.plans`.
    pub fn status(&self, position: usize) -> StatusView {
        let status = self
            .index
            .status
            .get(position)
            .copied()
            .unwrap_or(PlanStatus::InForce);
        let key = status.key();
        StatusView {
            key,
            label: self.t(&format!("status_{key}")).to_string(),
        }
    }
}

mod detail;
mod disclosure;
mod lists;
mod progress;
mod quote;

pub use detail::*;
pub use disclosure::*;
pub use lists::*;
pub use progress::*;
pub use quote::{Segment, quote};
