//! The status of each target against its published outcomes.
//!
//! The method follows Open SDG's progress measure (after Statistics Canada): compare
//! the compound annual growth rate actually achieved since the baseline with the rate
//! needed to reach the target. It adds three rules of our own, all stated on the
//! site's progress page:
//!
//! 1. **Deadline.** Once an outcome for the target year (or later) is published, a
//!    target is *achieved* or *not achieved*; no "progress" band is given for a past
//!    deadline. If the year has passed without a published outcome, the status is *no
//!    data*, not a guess.
//! 2. **Different measures are never compared.** An outcome reported in another
//!    metric (operating revenue against an output target) gives *not comparable*.
//! 3. **Rates and shares** (growth rates, shares, ratios in percent) are compared
//!    directly with the target figure: the CAGR of a rate means nothing. Before the
//!    deadline they are on track when the gap to the target has closed at least as
//!    fast as time has passed.
//!
//! Bands for levels, with R = achieved CAGR / needed CAGR (Open SDG's cut-offs):
//! R ≥ 0.95 *on track*; 0 ≤ R < 0.95 *off track*; R < 0 *regressing*.

use crate::content::{
    Actual, Bound, Comparator, Direction, MeasureUnit, Metric, Target, TargetValue,
};

/// A target's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Achieved,
    OnTrack,
    OffTrack,
    Regressing,
    NotAchieved,
    NotComparable,
    NoData,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::OffTrack,
        Status::Regressing,
        Status::NotAchieved,
        Status::NotComparable,
        Status::NoData,
    ];

    /// The key used in UI strings (`progress_<key>`), CSS classes and open data.
    pub fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::OffTrack => "off_track",
            Status::Regressing => "regressing",
            Status::NotAchieved => "not_achieved",
            Status::NotComparable => "not_comparable",
            Status::NoData => "no_data",
        }
    }
}

/// Why a status was given, for the page to explain it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// No outcome has been published.
    NoOutcome,
    /// Only outcomes in another metric exist.
    OtherMeasure(Metric),
    /// The target year has passed and no outcome for it is published.
    NoFinalFigure,
    /// The target implies no figure (a doubling of an unpublished baseline).
    NoFigure,
    /// No baseline figure, or the outcome is not after the baseline year.
    NoBaseline,
    /// A baseline or target of zero, or of opposite signs: growth cannot be computed.
    NotComputable,
    /// The latest outcome meets the target.
    Met { year: u16, value: f64 },
    /// A figure set for each year: that year's outcome meets it, and later years are
    /// still to come.
    MetYear { year: u16, value: f64 },
    /// A figure set for each year: that year's outcome falls short of it.
    MissedYear { year: u16, value: f64 },
    /// A ranking not yet reached before the target year: a place is not a level that
    /// grows, so no path to it is computed.
    NotYetRanked { year: u16, value: f64 },
    /// The outcome for the target year falls short.
    Missed { year: u16, value: f64 },
    /// Levels: R, the achieved CAGR over the needed CAGR.
    Ratio { year: u16, value: f64, ratio: f64 },
    /// Rates and shares before the deadline: share of the gap closed vs time passed.
    Gap {
        year: u16,
        value: f64,
        closed: f64,
        elapsed: f64,
    },
}

/// Whether each tier of a two-tier target was met by the latest outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tiers {
    pub floor: bool,
    pub stretch: bool,
}

/// The assessment of one target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub reason: Reason,
    /// For two-tier targets with a comparable outcome.
    pub tiers: Option<Tiers>,
}

/// Returns true if and only if `value` meets `bound` in `direction`. "About" counts as
/// met within 5% short of the figure.
pub fn meets(value: f64, bound: Bound, direction: Direction) -> bool {
    let x = bound.value;
    match (bound.comparator, direction) {
        (Comparator::AtMost, _) => value <= x,
        (_, Direction::Down) => value <= x,
        (Comparator::Exceed, Direction::Up) => value > x,
        (Comparator::About, Direction::Up) => value >= x - x.abs() * 0.05,
        (Comparator::Reach | Comparator::AtLeast, Direction::Up) => value >= x,
        // 近100 is met a little short of the figure, as "about" is.
        (Comparator::Nearly, Direction::Up) => value >= x - x.abs() * 0.05,
    }
}

/// The bound a value must meet: the floor of tiers, the bottom of a range, the
/// figure a doubling or rise implies.
fn floor_bound(target: &Target) -> Option<Bound> {
    match target.value {
        TargetValue::Single(b) => Some(b),
        TargetValue::Tiers { floor, .. } => Some(floor),
        TargetValue::Range { low, .. } => Some(Bound::plain(Comparator::AtLeast, low)),
        TargetValue::Double { .. } | TargetValue::IncreaseBy(_) | TargetValue::AverageGrowth(_) => {
            target
                .implied_figure()
                .map(|v| Bound::plain(Comparator::AtLeast, v))
        }
    }
}

/// Rates and shares are compared as figures, not grown as levels.
fn is_rate(target: &Target) -> bool {
    matches!(
        target.metric,
        Metric::Growth | Metric::Share | Metric::Rate | Metric::Ratio
    ) || matches!(
        target.unit,
        MeasureUnit::Percent | MeasureUnit::PercentagePoints
    )
}

/// Assesses `target` against its outcomes, as of the year `as_of_year`.
pub fn assess(target: &Target, as_of_year: u16) -> Progress {
    let no = |status, reason| Progress {
        status,
        reason,
        tiers: None,
    };
    let comparable: Vec<&Actual> = target
        .actuals
        .iter()
        .filter(|a| a.metric == target.metric)
        .collect();
    let Some(latest) = comparable.iter().max_by_key(|a| a.year).copied() else {
        return match target.actuals.first() {
            Some(other) => no(Status::NotComparable, Reason::OtherMeasure(other.metric)),
            None if as_of_year > target.year => no(Status::NoData, Reason::NoFinalFigure),
            None => no(Status::NoData, Reason::NoOutcome),
        };
    };
    let Some(floor) = floor_bound(target) else {
        return no(Status::NoData, Reason::NoFigure);
    };
    // Which tier was met is a verdict: given for the target year (or a year of a
    // yearly figure), not for an earlier outcome on its way there, where "not met"
    // would contradict an on-track status.
    let judged = latest.year >= target.year || target.each.is_some();
    let tiers = match target.value {
        TargetValue::Tiers { floor, stretch } if judged => Some(Tiers {
            floor: meets(latest.value, floor, target.direction),
            stretch: meets(latest.value, stretch, target.direction),
        }),
        _ => None,
    };
    let with_tiers = |status, reason| Progress {
        status,
        reason,
        tiers,
    };
    let (year, value) = (latest.year, latest.value);
    let each_year = target.each.is_some();
    if meets(value, floor, target.direction) {
        if each_year && year < target.year {
            return with_tiers(Status::OnTrack, Reason::MetYear { year, value });
        }
        return with_tiers(Status::Achieved, Reason::Met { year, value });
    }
    // A figure for each year is judged year by year: a year that falls short is
    // missed, whatever the later years bring.
    if each_year && year < target.year {
        return with_tiers(Status::OffTrack, Reason::MissedYear { year, value });
    }
    if year >= target.year {
        return with_tiers(Status::NotAchieved, Reason::Missed { year, value });
    }
    if as_of_year > target.year {
        return with_tiers(Status::NoData, Reason::NoFinalFigure);
    }
    if target.unit == MeasureUnit::Place {
        return with_tiers(Status::NoData, Reason::NotYetRanked { year, value });
    }
    let Some((base_year, base)) = baseline_point(target, &comparable) else {
        return with_tiers(Status::NoData, Reason::NoBaseline);
    };
    if year <= base_year {
        return with_tiers(Status::NoData, Reason::NoBaseline);
    }
    let (status, reason) = if is_rate(target) || target.each.is_some() {
        gap_status(target, (base_year, base), (year, value), floor.value)
    } else {
        growth_status(target, (base_year, base), (year, value), floor.value)
    };
    with_tiers(status, reason)
}

/// For rates and annual targets: the share of the gap from the baseline to the target
/// closed so far, against the share of the period elapsed.
fn gap_status(
    target: &Target,
    base: (u16, f64),
    latest: (u16, f64),
    goal: f64,
) -> (Status, Reason) {
    let ((base_year, base), (year, value)) = (base, latest);
    let needed = goal - base;
    if needed == 0.0 {
        return (Status::NoData, Reason::NotComputable);
    }
    let closed = (value - base) / needed;
    let elapsed = f64::from(year - base_year) / f64::from(target.year - base_year);
    let status = if closed < 0.0 {
        Status::Regressing
    } else if closed >= elapsed * 0.95 {
        Status::OnTrack
    } else {
        Status::OffTrack
    };
    let reason = Reason::Gap {
        year,
        value,
        closed,
        elapsed,
    };
    (status, reason)
}

/// For levels: the growth rate achieved since the baseline against the rate needed to
/// reach the target in time (PROGRESS-METHOD: compound annual growth).
fn growth_status(
    target: &Target,
    base: (u16, f64),
    latest: (u16, f64),
    goal: f64,
) -> (Status, Reason) {
    let ((base_year, base), (year, value)) = (base, latest);
    let signs_differ = (base < 0.0) != (value < 0.0) || (base < 0.0) != (goal < 0.0);
    if base == 0.0 || goal == 0.0 || signs_differ {
        return (Status::NoData, Reason::NotComputable);
    }
    let d = match target.direction {
        Direction::Up => 1.0,
        Direction::Down => -1.0,
    };
    let s = if base < 0.0 { -1.0 } else { 1.0 };
    let achieved = cagr(base, value, year - base_year);
    let needed = cagr(base, goal, target.year - base_year);
    if needed == 0.0 {
        return (Status::NoData, Reason::NotComputable);
    }
    let ratio = s * d * achieved / needed.abs();
    let status = if ratio >= 0.95 {
        Status::OnTrack
    } else if ratio >= 0.0 {
        Status::OffTrack
    } else {
        Status::Regressing
    };
    (status, Reason::Ratio { year, value, ratio })
}

/// The baseline: the stated one, or the first comparable outcome when the baseline has
/// no figure (Open SDG: "the first later year that does").
fn baseline_point(target: &Target, comparable: &[&Actual]) -> Option<(u16, f64)> {
    if let Some(b) = target.baseline
        && let Some(v) = b.value
    {
        return Some((b.year, v));
    }
    let from = target.baseline.map_or(0, |b| b.year);
    comparable
        .iter()
        .filter(|a| a.year >= from)
        .min_by_key(|a| a.year)
        .map(|a| (a.year, a.value))
}

/// Compound annual growth from `from` to `to` over `years`.
fn cagr(from: f64, to: f64, years: u16) -> f64 {
    (to / from).abs().powf(1.0 / f64::from(years.max(1))) - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::*;
    use crate::lang::Localized;

    fn text() -> crate::lang::Text {
        Localized {
            zh: "x".into(),
            en: "x".into(),
        }
    }

    fn target(value: TargetValue, year: u16, baseline: Option<(u16, Option<f64>)>) -> Target {
        Target {
            position: 0,
            id: Id::parse("t").unwrap(),
            plan: Id::parse("p").unwrap(),
            name: text(),
            short_name: None,
            subject: Subject::Topic(Id::parse("x").unwrap()),
            region: Id::parse("r").unwrap(),
            metric: Metric::Output,
            unit: MeasureUnit::YiYuan,
            year,
            each: None,
            growth_since: None,
            direction: value.implied_direction(),
            value,
            also: None,
            counting: Counting::default(),
            baseline: baseline.map(|(year, value)| Baseline { year, value }),
            breakdown: None,
            responsible: Vec::new(),
            lead: Vec::new(),
            source: SourceRef {
                record: Id::parse("r").unwrap(),
                clause: None,
                wording: None,
            },
            actuals: Vec::new(),
            note: None,
            inferred: Inferred::default(),
            commentary: Localized::default(),
        }
    }

    fn actual(year: u16, value: f64, metric: Metric) -> Actual {
        Actual {
            year,
            value,
            metric,
            source: SourceRef {
                record: Id::parse("r").unwrap(),
                clause: None,
                wording: None,
            },
            note: None,
        }
    }

    fn reach(v: f64) -> TargetValue {
        TargetValue::Single(Bound {
            comparator: Comparator::Reach,
            value: v,
            qualifier: None,
        })
    }

    fn with(mut t: Target, actuals: &[(u16, f64)]) -> Target {
        t.actuals = actuals
            .iter()
            .map(|&(y, v)| actual(y, v, t.metric))
            .collect();
        t
    }

    // The worked examples of the method's description, with its cut-offs.
    #[test]
    fn open_sdg_worked_examples() {
        let base = target(reach(5000.0), 2022, Some((2019, Some(2500.0))));
        let cases = [
            (4533.0, Status::OnTrack),
            (3700.0, Status::OffTrack),
            (3200.0, Status::OffTrack),
            (2300.0, Status::Regressing),
            (5100.0, Status::Achieved),
        ];
        for (latest, want) in cases {
            let p = assess(&with(base.clone(), &[(2021, latest)]), 2021);
            assert_eq!(p.status, want, "latest {latest}");
        }
        let p = assess(&with(base.clone(), &[(2021, 4533.0)]), 2021);
        let Reason::Ratio { ratio, .. } = p.reason else {
            panic!("{p:?}")
        };
        assert!((ratio - 1.33).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn falling_targets_use_the_direction() {
        let mut t = target(
            TargetValue::Single(Bound {
                comparator: Comparator::AtMost,
                value: 20.0,
                qualifier: None,
            }),
            2030,
            Some((2015, Some(40.0))),
        );
        t.direction = Direction::Down;
        let p = assess(&with(t, &[(2020, 34.0)]), 2021);
        let Reason::Ratio { ratio, .. } = p.reason else {
            panic!("{p:?}")
        };
        assert!((ratio - 0.71).abs() < 0.01, "{ratio}");
        assert_eq!(p.status, Status::OffTrack);
    }

    #[test]
    fn past_deadline_is_achieved_or_not() {
        let t = target(reach(1000.0), 2021, Some((2020, Some(800.0))));
        assert_eq!(
            assess(&with(t.clone(), &[(2021, 1001.0)]), 2026).status,
            Status::Achieved
        );
        assert_eq!(
            assess(&with(t.clone(), &[(2021, 990.0)]), 2026).status,
            Status::NotAchieved
        );
        // The year passed, the latest outcome is older: no guess.
        let p = assess(&with(t.clone(), &[(2020, 900.0)]), 2026);
        assert_eq!(
            (p.status, p.reason),
            (Status::NoData, Reason::NoFinalFigure)
        );
        assert_eq!(assess(&t, 2026).reason, Reason::NoFinalFigure);
        assert_eq!(assess(&t, 2021).reason, Reason::NoOutcome);
    }

    #[test]
    fn tiers_say_which_tier_was_met() {
        let t = target(
            TargetValue::Tiers {
                floor: Bound {
                    comparator: Comparator::Exceed,
                    value: 1000.0,
                    qualifier: None,
                },
                stretch: Bound {
                    comparator: Comparator::Reach,
                    value: 1200.0,
                    qualifier: None,
                },
            },
            2021,
            None,
        );
        let p = assess(&with(t.clone(), &[(2021, 1100.0)]), 2022);
        assert_eq!(p.status, Status::Achieved);
        assert_eq!(
            p.tiers,
            Some(Tiers {
                floor: true,
                stretch: false
            })
        );
        let p = assess(&with(t.clone(), &[(2021, 1250.0)]), 2022);
        assert_eq!(
            p.tiers,
            Some(Tiers {
                floor: true,
                stretch: true
            })
        );
        // An outcome before the target year is on its way: no verdict on the tiers.
        let later = Target { year: 2023, ..t };
        let p = assess(&with(later, &[(2021, 900.0)]), 2022);
        assert_eq!(p.tiers, None);
    }

    #[test]
    fn a_different_measure_is_never_compared() {
        let mut t = target(reach(1000.0), 2021, None);
        t.actuals = vec![actual(2021, 1326.6, Metric::Revenue)];
        let p = assess(&t, 2022);
        assert_eq!(p.status, Status::NotComparable);
        assert_eq!(p.reason, Reason::OtherMeasure(Metric::Revenue));
    }

    #[test]
    fn growth_rates_are_compared_as_figures() {
        let mut t = target(
            TargetValue::Single(Bound {
                comparator: Comparator::About,
                value: 8.8,
                qualifier: None,
            }),
            2021,
            None,
        );
        t.metric = Metric::Growth;
        t.unit = MeasureUnit::Percent;
        assert_eq!(
            assess(&with(t.clone(), &[(2021, 11.6)]), 2022).status,
            Status::Achieved
        );
        // "About" allows 5% short of the figure.
        assert_eq!(
            assess(&with(t.clone(), &[(2021, 8.5)]), 2022).status,
            Status::Achieved
        );
        assert_eq!(
            assess(&with(t, &[(2021, 7.0)]), 2022).status,
            Status::NotAchieved
        );
    }

    #[test]
    fn shares_before_the_deadline_compare_gap_closed_with_time_passed() {
        let mut t = target(
            TargetValue::Single(Bound {
                comparator: Comparator::AtLeast,
                value: 40.0,
                qualifier: None,
            }),
            2025,
            Some((2020, Some(30.0))),
        );
        t.metric = Metric::Share;
        t.unit = MeasureUnit::Percent;
        // 2 of 5 years passed (40%); gap closed 50% → on track.
        assert_eq!(
            assess(&with(t.clone(), &[(2022, 35.0)]), 2023).status,
            Status::OnTrack
        );
        // Gap closed 10% → off track.
        assert_eq!(
            assess(&with(t.clone(), &[(2022, 31.0)]), 2023).status,
            Status::OffTrack
        );
        // Moving away → regressing.
        assert_eq!(
            assess(&with(t, &[(2022, 28.0)]), 2023).status,
            Status::Regressing
        );
    }

    #[test]
    fn not_assessable_cases_say_why() {
        let t = target(
            TargetValue::Double { qualifier: None },
            2023,
            Some((2020, None)),
        );
        assert_eq!(
            assess(&with(t, &[(2021, 10.0)]), 2022).reason,
            Reason::NoFigure
        );
        let t = target(reach(100.0), 2025, None);
        assert_eq!(
            assess(&with(t, &[(2021, 10.0)]), 2022).reason,
            Reason::NoBaseline
        );
        let t = target(reach(100.0), 2025, Some((2020, Some(0.0))));
        assert_eq!(
            assess(&with(t, &[(2021, 10.0)]), 2022).reason,
            Reason::NotComputable
        );
        // Without a baseline figure the first outcome stands in for it.
        let t = target(reach(100.0), 2025, Some((2020, None)));
        let p = assess(&with(t, &[(2021, 50.0), (2022, 70.0)]), 2023);
        assert!(matches!(p.reason, Reason::Ratio { .. }), "{p:?}");
    }
}
