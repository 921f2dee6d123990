//! Charts, drawn with plotters into SVG, with the data table and CSV beside them.
//!
//! Four charts: a target's chart over time (baseline, outcomes as a line, the target
//! in each year it applies to, the path needed or implied, or a growth rate over its
//! years), a breakdown's bars, a plan's overview of its chain targets and a chain's
//! comparison across plans (a panel per measure). Each chart is built from one list of
//! data points ([`series`]), and the SVG, the screen-reader description, the HTML table
//! and the CSV ([`table`]) are all made from that list, so they can never disagree.
//!
//! Every chart is drawn twice ([`Variant`]): for a page's column and for a phone, so
//! its smallest text stays at 13 px where it is read. Each drawing carries its title,
//! subtitle, source, notes and the site's name ([`frame`]), so a copy stands alone.
//!
//! Imports run one way: this file uses every part; [`columns`] and [`bars`] draw with
//! [`layout`], [`frame`] and [`text`] into [`svg`], the backend, which knows nothing of
//! charts.
//!
//! Why some things are done by hand:
//! - plotters' bundled SVG backend estimates text width from UTF-8 bytes, which makes
//!   Chinese labels look twice as wide as they are; label areas are sized here with
//!   `unicode-width`, and [`svg`] (the backend plotters draws into) measures text the
//!   same way.
//! - Category and year labels, value labels and the legend are placed by us, so they
//!   sit exactly on the bars in both languages, wrap instead of being cut, and are
//!   left out where they would overlap another (the table beside has every figure).
//! - plotters writes a bare `<svg>`; [`finish_svg`] gives it `role="img"`, a `<title>`
//!   and a `<desc>` stating the numbers, and lets it scale to the page width.

mod bars;
mod columns;
mod frame;
mod layout;
mod lines;
mod palette;
mod path;
mod series;
mod style;
mod svg;
mod table;
mod terms;
mod text;
mod years;

use serde::Serialize;
use std::collections::{HashMap, HashSet};

use self::bars::{BarChart, BarPanel, draw_bars};
use self::columns::{Columns, draw_columns};
use self::frame::{Frame, Words};
use self::layout::{Body, FONT_STACK, Variant};
pub use self::layout::{NARROW_WIDTH, WIDTH};
use self::series::{Kind, Panel, TargetSeries};
pub use self::table::DataTable;
use self::table::{ChartData, describe};
use super::encode::{base64_url, escape, escape_into};
use super::format::{self, Measure};
use super::keys::ChartWord;
use super::views::ViewCtx;
use crate::content::*;
use crate::lang::Lang;

/// One drawing of a chart, as a file next to the page.
#[derive(Debug, Serialize)]
pub struct Drawing {
    /// The SVG file's text, with its XML declaration.
    #[serde(skip)]
    pub svg: String,
    pub file: String,
    /// The drawing's size in pixels, so the page reserves its space before it loads.
    pub width: u32,
    pub height: u32,
}

/// A chart placed in a page, with its downloads.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// Unique on its page; prefixes the ids inside the SVG.
    pub id: String,
    pub title: String,
    /// What the chart shows, with its numbers: the SVG's `<desc>` and the image's `alt`.
    pub desc: String,
    /// The drawing for a page's column, and the one for a phone. Pages show them with
    /// `<picture>` and `<img>`, so each chart's bytes are written once.
    pub wide: Drawing,
    pub narrow: Drawing,
    pub table: DataTable,
    /// The names the SVG and the data download as: after the target, plan or chain.
    pub svg_download: String,
    pub csv_file: String,
    /// The data as a base64 `data:` address (compact for Chinese text): the download
    /// needs no file of its own, which keeps a site of tens of thousands of charts to
    /// two files per chart.
    pub csv_href: String,
    #[serde(skip)]
    pub csv: String,
    /// HTML a news site can paste to show the chart with its citation: an image
    /// linked to this page, no script.
    pub embed: String,
}

/// The chart of one target over time. `None` when it has nothing to draw: a ranking,
/// or a change against a baseline the plan does not publish.
pub fn target_chart(cx: ViewCtx, target: &Target, page_url: &str) -> Option<Chart> {
    let series = series::target_series(cx, target)?;
    let target_word = target_word(cx, target);
    let words = target_words(cx, target, &series);
    // Beside a growth rate, the second panel holds the target's own measure as levels.
    let levels = series.others.iter().all(|b| b.kind == Kind::Actual);
    let others_heading = cx.tf(
        if levels {
            ChartWord::LevelsPanel.key()
        } else {
            ChartWord::OtherPanel.key()
        },
        &[
            (
                "metric",
                series.others.first().map_or("", |b| b.note.as_str()),
            ),
            (
                "unit",
                &format::axis_unit(Measure::level_of(target), cx.lang),
            ),
        ],
    );
    let stretch_word = match target.value {
        TargetValue::Tiers { stretch, .. } => series::capitalized(
            format::qualifier_word(stretch.qualifier.unwrap_or(Qualifier::Strive), cx.lang),
            cx.lang,
        ),
        _ => cx.t(ChartWord::TopOfRange.key()).to_string(),
    };
    let draw = |variant| {
        let frame = Frame::new(&words, variant);
        draw_columns(&Columns {
            series: &series,
            measure: Measure::level_of(target),
            cx,
            frame: &frame,
            variant,
            stretch_word: &stretch_word,
            target_word: &target_word,
            others_heading: &others_heading,
            always_key: target.each.is_some_and(|r| r.each != Period::Year),
        })
    };
    let data = ChartData::by_year(cx, target, &series, &target_word);
    let path = series.path.as_ref().filter(|p| !p.implied).map(|p| p.line);
    let desc = describe(cx, &words.title, &data.rows, path);
    let files = Files {
        id: "chart-target",
        file: "chart",
        download: target.id.to_string(),
    };
    finish(cx, files, &words, desc, data, page_url, draw)
}

/// The breakdown of a target among its parts, largest first.
pub fn breakdown_chart(cx: ViewCtx, target: &Target, page_url: &str) -> Option<Chart> {
    target.breakdown.as_ref()?;
    // Every part cites the target's clause: the citation is made once, for the parts
    // and the source line.
    let citation = series::source_words(cx, &target.source);
    let bars = series::breakdown_bars(cx, target, &citation)?;
    let panels = [Panel {
        metric: target.metric,
        unit: target.unit,
        bars,
    }];
    let mut words = site_words(cx);
    words.title = cx.text(&target.name).to_string();
    words.subtitle = subtitle(cx, cx.t(ChartWord::TitleBreakdown.key()), Some(target));
    words.source = vec![cited_line(cx, &citation)];
    let files = Files {
        id: "chart-breakdown",
        file: "breakdown",
        download: format!("{}-breakdown", target.id),
    };
    finish_bars(cx, files, words, &panels, false, page_url)
}

/// A plan's industry-chain targets side by side, a panel per measure.
pub fn plan_chart(cx: ViewCtx, plan: &Plan, page_url: &str) -> Option<Chart> {
    let panels = series::plan_panels(cx, plan)?;
    let mut words = site_words(cx);
    words.title = cx.text(&plan.short_title).to_string();
    words.subtitle = subtitle(cx, cx.t(ChartWord::TitleOverview.key()), None);
    let source = SourceRef {
        record: plan.record.clone(),
        clause: None,
        wording: None,
    };
    words.source = vec![source_line(cx, &source)];
    let files = Files {
        id: "chart-overview",
        file: "overview",
        download: format!("{}-overview", plan.id),
    };
    finish_bars(cx, files, words, &panels, true, page_url)
}

/// The targets of one chain across plans, by year, a panel per measure.
pub fn chain_chart(
    cx: ViewCtx,
    chain: &Chain,
    targets: &[(&Plan, &Target)],
    page_url: &str,
) -> Option<Chart> {
    let panels = series::chain_panels(cx, targets)?;
    let mut words = site_words(cx);
    words.title = cx.text(&chain.name).to_string();
    words.subtitle = subtitle(cx, cx.t(ChartWord::TitleComparison.key()), None);
    let cited = cited_plans(cx, targets);
    words.source = vec![match cited.as_slice() {
        [one] => cx.tf(ChartWord::Source.key(), &[("citation", one)]),
        _ => cx.tf(
            ChartWord::SourcePlans.key(),
            &[("plans", &cited.join(list_sep(cx.lang)))],
        ),
    }];
    let files = Files {
        id: "chart-comparison",
        file: "comparison",
        download: format!("{}-comparison", chain.id),
    };
    finish_bars(cx, files, words, &panels, true, page_url)
}

/// Each plan a comparison draws from, with the clauses its targets come from.
fn cited_plans(cx: ViewCtx, targets: &[(&Plan, &Target)]) -> Vec<String> {
    // In order of first mention, each found again through a map: a chain of
    // thousands of targets from hundreds of plans would otherwise search the list for
    // every target.
    let mut cited: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for (p, t) in targets {
        let title = cx.text(&p.short_title);
        let i = *place.entry(title).or_insert_with(|| {
            cited.push((title, Vec::new()));
            cited.len() - 1
        });
        if let Some(c) = t.source.clause.as_deref()
            && seen.insert((title, c))
        {
            cited[i].1.push(c);
        }
    }
    cited
        .into_iter()
        .map(|(title, clauses)| {
            if clauses.is_empty() {
                cx.tf(ChartWord::Document.key(), &[("title", title)])
            } else {
                cx.cite(title, &clauses)
            }
        })
        .collect()
}

/// How a chart's files are named: `id` prefixes the ids inside the SVG, `file` names
/// the files next to the page, `download` the files a reader saves.
struct Files {
    id: &'static str,
    file: &'static str,
    download: String,
}

/// The legend's word for a target, as its value is worded on the page: the modal
/// word (确保, 力争) or "target", and the period a yearly figure recurs over.
fn target_word(cx: ViewCtx, target: &Target) -> String {
    let word = series::modal_word(cx, target);
    match target.each {
        Some(r) => cx.tf(
            ChartWord::TargetEach.key(),
            &[("word", &word), ("period", cx.t(each_word(r.each).key()))],
        ),
        None => word,
    }
}

/// The word for a figure's period: 每年, each year.
fn each_word(each: Period) -> ChartWord {
    match each {
        Period::Year => ChartWord::EachYear,
        Period::Quarter => ChartWord::EachQuarter,
        Period::Month => ChartWord::EachMonth,
    }
}

/// The separator of a list of names in running text.
fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    }
}

/// The words every chart ends with: the site's name and address.
fn site_words(cx: ViewCtx) -> Words {
    let config = &cx.site.config;
    Words {
        site: [cx.text(&config.title), " · ", &config.base_url.as_str()].concat(),
        ..Words::default()
    }
}

/// "What is drawn; unit": the unit of a target's chart, or none for charts whose
/// panels each name theirs.
fn subtitle(cx: ViewCtx, what: &str, target: Option<&Target>) -> String {
    match target {
        Some(t) => with_unit(cx, what, &format::axis_unit(Measure::of(t), cx.lang)),
        None => what.to_string(),
    }
}

/// "what; unit: …", or `what` alone for a plain number, which has no unit to name.
fn with_unit(cx: ViewCtx, what: &str, unit: &str) -> String {
    if unit.is_empty() {
        return what.to_string();
    }
    cx.tf(ChartWord::Subtitle.key(), &[("what", what), ("unit", unit)])
}

/// "Source: 《title》clause".
fn source_line(cx: ViewCtx, source: &SourceRef) -> String {
    cited_line(cx, &series::source_words(cx, source))
}

/// "Source: …" around a citation already made.
fn cited_line(cx: ViewCtx, citation: &str) -> String {
    cx.tf(ChartWord::Source.key(), &[("citation", citation)])
}

/// Title, subtitle, sources and notes of a target's chart.
fn target_words(cx: ViewCtx, target: &Target, s: &TargetSeries) -> Words {
    let mut words = site_words(cx);
    words.title = cx.text(&target.name).to_string();
    let value = cx.tf(
        ChartWord::TargetValue.key(),
        &[("value", &super::views::value_text(cx.lang, target))],
    );
    let unit = match s.rate {
        Some(_) => format::axis_unit(MeasureUnit::Percent, cx.lang),
        None => format::axis_unit(Measure::level_of(target), cx.lang),
    };
    // A growth rate's words already name its years.
    let growth = matches!(target.value, TargetValue::AverageGrowth(_));
    let what = match (growth, target.each) {
        (false, None) => cx.tf(
            ChartWord::TargetPeriod.key(),
            &[("text", &value), ("period", &target.year.to_string())],
        ),
        _ => value,
    };
    words.subtitle = with_unit(cx, &what, &unit);
    words.source = vec![cited_line(cx, &s.source)];
    let mut outcome_sources: Vec<&str> = Vec::new();
    for w in &s.outcome_sources {
        if !outcome_sources.contains(&w.as_str()) {
            outcome_sources.push(w);
        }
    }
    if !outcome_sources.is_empty() {
        words.source.push(cx.tf(
            ChartWord::OutcomeSource.key(),
            &[("sources", &outcome_sources.join(list_sep(cx.lang)))],
        ));
    }
    let drawn = [
        TargetField::Metric,
        TargetField::Unit,
        TargetField::Year,
        TargetField::Value,
        TargetField::Baseline,
        TargetField::Each,
        TargetField::Counter,
    ];
    let inferred: Vec<&str> = target
        .inferred
        .iter()
        .filter(|i| drawn.contains(&i.field))
        .map(|i| cx.t(&super::views::field_key(i.field.key())))
        .collect();
    if !inferred.is_empty() {
        words.notes.push(cx.tf(
            ChartWord::InferredNote.key(),
            &[("fields", &inferred.join(list_sep(cx.lang)))],
        ));
    }
    if s.columns.iter().any(|b| b.kind == Kind::Implied) {
        words
            .notes
            .push(cx.t(ChartWord::ImpliedNote.key()).to_string());
    }
    if s.columns.iter().any(|b| b.kind == Kind::Worked) {
        words.notes.push(cx.tf(
            ChartWord::WorkedNote.key(),
            &[("rule", &super::views::value_text(cx.lang, target))],
        ));
    }
    words
}

/// A bar chart with its table, CSV and description. `headings` gives every panel a
/// heading naming its measure and unit.
fn finish_bars(
    cx: ViewCtx,
    files: Files,
    mut words: Words,
    panels: &[Panel],
    headings: bool,
    page_url: &str,
) -> Option<Chart> {
    let mut heading = headings
        .then(|| bars::headings(cx, panels))
        .into_iter()
        .flatten();
    let bar_panels: Vec<BarPanel> = panels
        .iter()
        .map(|p| BarPanel {
            heading: heading.next(),
            unit: p.unit,
            bars: &p.bars,
        })
        .collect();
    let target_word = bars_word(cx, panels);
    if panels
        .iter()
        .flat_map(|p| &p.bars)
        .any(|b| b.kind == Kind::Worked)
    {
        words
            .notes
            .push(cx.t(ChartWord::WorkedBarsNote.key()).to_string());
    }
    if headings && panels.len() > 1 {
        words.subtitle = format!("{}{}", words.subtitle, cx.t(ChartWord::ByMeasure.key()));
    }
    let draw = |variant| {
        let frame = Frame::new(&words, variant);
        draw_bars(&BarChart {
            panels: &bar_panels,
            cx,
            frame: &frame,
            variant,
            target_word: &target_word,
        })
    };
    let data = ChartData::by_item(cx, panels);
    let desc = describe(cx, &words.title, &data.rows, None);
    finish(cx, files, &words, desc, data, page_url, draw)
}

/// The legend's word for bars: their common modal word, or "target".
fn bars_word(cx: ViewCtx, panels: &[Panel]) -> String {
    // Aspirations have a legend entry of their own; this names the firm figures.
    let mut terms = panels
        .iter()
        .flat_map(|p| &p.bars)
        .filter(|b| !b.aspiration)
        .map(|b| b.value_form.as_ref().map_or("", |t| t.qualifier.as_str()));
    match terms.next() {
        Some(first) if !first.is_empty() && terms.all(|t| t == first) => {
            series::capitalized(first, cx.lang)
        }
        _ => cx.t(ChartWord::Target.key()).to_string(),
    }
}

/// The chart with both drawings and its downloads.
fn finish(
    cx: ViewCtx,
    files: Files,
    words: &Words,
    desc: String,
    data: ChartData,
    page_url: &str,
    draw: impl Fn(Variant) -> Result<Body, String>,
) -> Option<Chart> {
    // Escaped once for both drawings and the embed code: the description states
    // every figure and is the longest text of a chart.
    let (title_html, desc_html) = (escape(&words.title), escape(&desc));
    let [wide, narrow] = Variant::ALL.map(|v| {
        draw(v).ok().map(|body| {
            let (width, height) = body.size;
            let svg = finish_svg(&body.svg, files.id, &title_html, &desc_html, cx.lang);
            Drawing {
                svg,
                file: [files.file, v.suffix(), ".svg"].concat(),
                width,
                height,
            }
        })
    });
    let (wide, narrow) = (wide?, narrow?);
    let csv = data.csv();
    let embed = embed_code(words, &desc_html, &wide, page_url);
    Some(Chart {
        id: files.id.to_string(),
        desc,
        table: data.into_table(cx, &words.title),
        svg_download: [&files.download, ".svg"].concat(),
        csv_file: [&files.download, ".csv"].concat(),
        csv_href: base64_url("text/csv;charset=utf-8", &csv),
        csv,
        embed,
        title: words.title.clone(),
        wide,
        narrow,
    })
}

/// HTML to paste elsewhere: the wide drawing from this site, linked to its page, with
/// the source and the site's name under it. `desc_html` is the description, escaped.
fn embed_code(words: &Words, desc_html: &str, wide: &Drawing, page_url: &str) -> String {
    let base = page_url.trim_end_matches("index.html");
    let (w, h) = (wide.width.to_string(), wide.height.to_string());
    // Appended piece by piece, escaping straight into the code: one allocation.
    let mut out = String::with_capacity(400 + 2 * page_url.len() + desc_html.len());
    for piece in ["<figure style=\"margin:0;max-width:", &w, "px\"><a href=\""] {
        out.push_str(piece);
    }
    escape_into(&mut out, page_url);
    out.push_str("\"><img src=\"");
    escape_into(&mut out, base);
    escape_into(&mut out, &wide.file);
    for piece in [
        "\" alt=\"",
        desc_html,
        "\" width=\"",
        &w,
        "\" height=\"",
        &h,
        "\" style=\"width:100%;height:auto\"></a><figcaption>",
    ] {
        out.push_str(piece);
    }
    // Each source line on its own line, as in the drawing.
    for (i, source) in words.source.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_into(&mut out, source);
    }
    out.push_str(" · <a href=\"");
    escape_into(&mut out, page_url);
    out.push_str("\">");
    escape_into(&mut out, &words.site);
    out.push_str("</a></figcaption></figure>");
    out
}

/// Replaces plotters' opening tag with an accessible, scalable one. `title_html` and
/// `desc_html` come escaped.
fn finish_svg(body: &str, id: &str, title_html: &str, desc_html: &str, lang: Lang) -> String {
    let (head, rest) = body.split_once('\n').unwrap_or((body, ""));
    // The backend's `<svg viewBox="…" font-size="…" fill="…">`: its attributes carry over.
    let attrs = head
        .strip_prefix("<svg ")
        .and_then(|h| h.strip_suffix('>'))
        .unwrap_or("viewBox=\"0 0 640 360\"");
    // Pushed piece by piece into a string of the final size: the drawing is most of
    // the file, and `format!` grew the string several times copying it.
    let mut out = String::with_capacity(
        body.len() + FONT_STACK.len() + 2 * id.len() + 256 + title_html.len() + desc_html.len(),
    );
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ",
    );
    out.push_str(attrs);
    out.push_str(" class=\"chart\" role=\"img\" lang=\"");
    out.push_str(lang.html_tag());
    for piece in [
        "\" aria-labelledby=\"",
        id,
        "-title ",
        id,
        "-desc\" font-family=\"",
        FONT_STACK,
        "\">\n<title id=\"",
        id,
        "-title\">",
    ] {
        out.push_str(piece);
    }
    out.push_str(title_html);
    for piece in ["</title>\n<desc id=\"", id, "-desc\">"] {
        out.push_str(piece);
    }
    out.push_str(desc_html);
    out.push_str("</desc>\n");
    out.push_str(rest);
    out
}
