//! The Tera template engine, set up once per language.
//!
//! Templates are parsed once per build. Each language gets its own engine whose global
//! context holds what every page of that language shares (`t`, the UI strings, and
//! `site`), so a page's own context carries only the page.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, ErrorKind, ReportError, Tera};

use super::theme::Theme;
use crate::config::{Config, Footer};
use crate::diagnostics::{Diagnostic, Location};
use crate::lang::{Lang, Localized};

/// The Content-Security-Policy of every page, as defence in depth behind escaping and
/// sanitizing: scripts, styles and fonts from the site only, images from the site and
/// `data:`, nothing else fetched, no plugins, no `<base>`, forms only to the site.
/// Given in a `<meta>` tag, so it holds on any static host and from the disk.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'";

/// The site as every template sees it, in one language.
#[derive(Serialize)]
struct SiteGlobals<'a> {
    /// [`CONTENT_SECURITY_POLICY`].
    csp: &'static str,
    title: &'a str,
    description: &'a str,
    base_url: String,
    lang: &'static str,
    html_lang: &'static str,
    other_lang: &'static str,
    other_html_lang: &'static str,
    default_lang: &'static str,
    footer: Option<FooterView<'a>>,
}

#[derive(Serialize)]
struct FooterView<'a> {
    organisation: &'a str,
    contact: Option<&'a str>,
    notice: Option<&'a str>,
    site_code: Option<&'a str>,
    filings: Vec<FilingView<'a>>,
    error_report_url: Option<&'a str>,
}

#[derive(Serialize)]
struct FilingView<'a> {
    label: &'a str,
    url: Option<&'a str>,
}

fn footer_view(footer: &Footer, lang: Lang) -> FooterView<'_> {
    FooterView {
        organisation: footer.organisation.get(lang),
        contact: footer.contact.as_ref().map(|c| c.get(lang).as_str()),
        notice: footer.notice.as_ref().map(|c| c.get(lang).as_str()),
        site_code: footer.site_code.as_deref(),
        filings: footer
            .filings
            .iter()
            .map(|f| FilingView {
                label: f.label.get(lang),
                url: f.url.as_deref(),
            })
            .collect(),
        error_report_url: footer.error_report_url.as_deref(),
    }
}

/// Parsed templates, one engine per language.
pub struct Templates {
    engines: Localized<Tera>,
    /// Each template's file and text, for locating its errors.
    files: TemplateFiles,
}

/// Template name → the file it was read from and its text.
struct TemplateFiles(BTreeMap<String, (PathBuf, Arc<str>)>);

impl TemplateFiles {
    fn new(theme: &Theme) -> TemplateFiles {
        TemplateFiles(
            theme
                .templates
                .iter()
                .map(|(name, text)| {
                    let file = theme
                        .template_files
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| PathBuf::from("templates").join(name));
                    (name.clone(), (file, Arc::from(text.as_str())))
                })
                .collect(),
        )
    }

    /// `e` as a diagnostic located in the template file it happened in, at the line
    /// and column Tera gives; errors Tera gives no place for point at the template
    /// it names, or at `templates/`.
    fn error(&self, e: &tera::Error) -> Diagnostic {
        let help = "fix the template named above (a site's templates/ overrides the theme's)";
        if let Some(report) = report_of(e)
            && let Some((file, text)) = self.0.get(report.filename())
        {
            let location = Location::from_byte_range(text, report.span().range.clone());
            return Diagnostic::error(
                file,
                format!("template error: {}{}", report.message(), causes(e)),
            )
            .at(text, location)
            .help(help);
        }
        let named = match e.kind() {
            ErrorKind::MissingParent { current, .. } => Some(current),
            ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => {
                Some(tpl)
            }
            _ => None,
        };
        match named.and_then(|n| self.0.get(n)) {
            Some((file, _)) => {
                Diagnostic::error(file, format!("template error: {e}{}", causes(e))).help(help)
            }
            None => template_error(e),
        }
    }
}

/// `mark_chinese`: text with its Chinese runs marked `lang="zh-Hans"` on English pages
/// (a citation with a document number, a note quoting 力争); Chinese pages need no
/// marks, so there it only escapes.
fn register_mark_chinese(tera: &mut Tera, english: bool) {
    tera.register_filter(
        "mark_chinese",
        move |text: &str, _: tera::Kwargs, _: &tera::State| {
            let escaped = super::encode::escape(text);
            let html = if english {
                super::markdown::mark_chinese(&escaped)
            } else {
                escaped
            };
            tera::Value::safe_string(&html)
        },
    );
}

/// The first error in `e`'s chain that knows its template and place.
fn report_of(e: &tera::Error) -> Option<&ReportError> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(t) = err.downcast_ref::<tera::Error>()
            && let ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) = t.kind()
            && !r.filename().is_empty()
        {
            return Some(r);
        }
        current = err.source();
    }
    None
}

/// What caused `e`, one line each.
fn causes(e: &tera::Error) -> String {
    let mut out = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(&format!("\n  caused by: {s}"));
        source = s.source();
    }
    out
}

impl Templates {
    /// Parses the theme's templates and sets the per-language globals.
    pub fn new(theme: &Theme, config: &Config) -> Result<Templates, Vec<Diagnostic>> {
        let files = TemplateFiles::new(theme);
        let mut base = Tera::new();
        base.autoescape_on([".html", ".xml", ".svg"]);
        register_mark_chinese(&mut base, false);
        base.add_raw_templates(theme.templates.iter())
            .map_err(|e| vec![files.error(&e)])?;
        let engines = Localized::from_fn(|lang| {
            let mut tera = Tera::new();
            tera.autoescape_on([".html", ".xml", ".svg"]);
            tera.register_from(&base);
            // Registering copies filters and functions only; templates are added again
            // (parsing is cheap and happens once per build and language).
            tera.add_raw_templates(theme.templates.iter())
                .expect("templates parsed once already");
            register_mark_chinese(&mut tera, lang == Lang::En);
            let globals = tera.global_context();
            globals.insert("t", theme.strings.get(lang));
            globals.insert(
                "site",
                &SiteGlobals {
                    csp: CONTENT_SECURITY_POLICY,
                    title: config.title.get(lang),
                    description: config.description.get(lang),
                    base_url: config.base_url.as_str(),
                    lang: lang.code(),
                    html_lang: lang.html_tag(),
                    other_lang: lang.other().code(),
                    other_html_lang: lang.other().html_tag(),
                    default_lang: config.default_language.code(),
                    footer: config.footer.as_ref().map(|f| footer_view(f, lang)),
                },
            );
            tera
        });
        Ok(Templates { engines, files })
    }

    /// Renders `template` in `lang` into `out`.
    pub fn render(
        &self,
        lang: Lang,
        template: &str,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        self.engines
            .get(lang)
            .render_to(template, context, out)
            .map_err(|e| self.files.error(&e))
    }
}

impl Templates {
    /// Renders one table row of a target (`partials/target_row.html`) for a page whose
    /// path to the site root is `root`; `show_plan` says whether the table has a plan
    /// column (tables that list several plans' targets).
    pub fn render_row<T: Serialize>(
        &self,
        lang: Lang,
        row: &T,
        root: &str,
        show_plan: bool,
    ) -> Result<String, Diagnostic> {
        let mut context = Context::new();
        context.insert("row", row);
        context.insert("root", root);
        context.insert("show_plan", &show_plan);
        let mut out = Vec::with_capacity(1024);
        self.render(lang, "partials/target_row.html", &context, &mut out)?;
        String::from_utf8(out).map_err(|_| Diagnostic::error("templates", "a row is not UTF-8"))
    }
}

impl Templates {
    /// Renders a partial that is given its context piece by piece (a table row, say),
    /// as markup for a page to place.
    pub fn render_partial(
        &self,
        lang: Lang,
        template: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        let mut out = Vec::with_capacity(1024);
        self.render(lang, template, context, &mut out)?;
        String::from_utf8(out).map_err(|_| Diagnostic::error("templates", "a row is not UTF-8"))
    }
}

/// A template error that names no template file, as a diagnostic; Tera's message
/// quotes the template where it knows it.
pub fn template_error(e: &tera::Error) -> Diagnostic {
    Diagnostic::error("templates", format!("template error: {e}{}", causes(e)))
        .help("fix the template named above (a site's templates/ overrides the theme's)")
}
