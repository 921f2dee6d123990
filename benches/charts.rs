//! Charts per second: draws every chart of a site — each target's chart, each
//! breakdown, each plan overview and each chain comparison — in both languages,
//! several times over, and prints the rate on one core and on all cores.
//!
//!     cargo bench --bench charts                # the bundled site
//!     cargo bench --bench charts -- SITE_DIR    # any site, e.g. one from benches/gen_site.py
//!
//! A chart here is what a build makes of it: its two SVG drawings (for a page and for
//! a phone) drawn by plotters, its description, its data table, its CSV and its embed
//! code. Benchmarks compile as the binary that ships does (`[profile.bench]` and
//! `[profile.dist]` in Cargo.toml: the whole program optimised as one unit).

// Charts are drawn with the allocator a build uses (src/main.rs), so the rate is the
// rate a build sees.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;

use plansite::content::{Plan, Site, Target};
use plansite::derive::{self, Index};
use plansite::lang::Lang;
use plansite::pipeline::{self, BuildOptions};
use plansite::render::charts;
use plansite::render::theme::Theme;
use plansite::render::views::ViewCtx;
use rayon::prelude::*;

/// The address of the page a chart is embedded from.
const PAGE: &str = "https://example.org/zh/plans/p/t/";

/// One chart to draw, in one language.
#[derive(Clone, Copy)]
enum Job<'a> {
    Target(&'a Target),
    Breakdown(&'a Target),
    Plan(&'a Plan),
    Chain(usize),
}

fn main() {
    let root = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let (site, theme, _) = match pipeline::load(&root, &BuildOptions::default()) {
        Ok(loaded) => loaded,
        Err(problems) => {
            problems.print();
            eprintln!("{} cannot be loaded", root.display());
            std::process::exit(1);
        }
    };
    let index = Index::build(&site, derive::status_date(site.config.as_of));
    let chains: Vec<(&plansite::content::Chain, Vec<(&Plan, &Target)>)> = index
        .by_chain
        .iter()
        .filter_map(|(id, refs)| {
            let chain = site.chains.get(id)?;
            let pairs = refs
                .iter()
                .map(|r| {
                    let plan = site.plans.iter().nth(r.plan).expect("indexed plan");
                    (plan, &plan.targets[r.target])
                })
                .collect();
            Some((chain, pairs))
        })
        .collect();
    let mut jobs = Vec::new();
    for plan in site.plans.iter() {
        jobs.push(Job::Plan(plan));
        for t in &plan.targets {
            jobs.push(Job::Target(t));
            if t.breakdown.is_some() {
                jobs.push(Job::Breakdown(t));
            }
        }
    }
    jobs.extend((0..chains.len()).map(Job::Chain));

    let draw = |job: Job, lang: Lang| -> usize {
        let cx = view(&site, &theme, &index, lang);
        let chart = match job {
            Job::Target(t) => charts::target_chart(cx, t, PAGE),
            Job::Breakdown(t) => charts::breakdown_chart(cx, t, PAGE),
            Job::Plan(p) => charts::plan_chart(cx, p, PAGE),
            Job::Chain(i) => charts::chain_chart(cx, chains[i].0, &chains[i].1, PAGE),
        };
        chart.map_or(0, |c| {
            std::hint::black_box(c.wide.svg.len() + c.narrow.svg.len()).min(1)
        })
    };
    let rounds = rounds_for(jobs.len());
    println!(
        "{}: {} chart jobs x 2 languages, {rounds} round(s)",
        root.display(),
        jobs.len()
    );
    for (label, parallel) in [("1 core", false), ("all cores", true)] {
        let started = Instant::now();
        let mut drawn = 0;
        for _ in 0..rounds {
            drawn += if parallel {
                jobs.par_iter()
                    .map(|&j| Lang::ALL.iter().map(|&l| draw(j, l)).sum::<usize>())
                    .sum::<usize>()
            } else {
                jobs.iter()
                    .map(|&j| Lang::ALL.iter().map(|&l| draw(j, l)).sum::<usize>())
                    .sum::<usize>()
            };
        }
        let secs = started.elapsed().as_secs_f64();
        // Each chart is two drawings (page and phone); before the phone drawing a
        // chart was one, so the drawing rate is what compares with older figures.
        println!(
            "{label:>9}: {drawn} charts in {secs:.3} s = {:.0} charts/s ({:.0} SVG drawings/s)",
            drawn as f64 / secs,
            2.0 * drawn as f64 / secs
        );
    }
}

fn view<'a>(site: &'a Site, theme: &'a Theme, index: &'a Index, lang: Lang) -> ViewCtx<'a> {
    ViewCtx {
        site,
        index,
        lang,
        strings: theme.strings.get(lang),
    }
}

/// Enough rounds for about 20,000 charts, so small sites are timed long enough.
fn rounds_for(jobs: usize) -> usize {
    (10_000 / jobs.max(1)).clamp(1, 200)
}
