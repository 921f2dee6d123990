//! The path from a baseline to a target, and the pace it asks for. Amounts grow by a
//! steady rate (the way a plan's growth targets are reckoned); a share in percent
//! moves by percentage points, so its pace is worded in points, never as the
//! growth of a percentage, which readers misread.

use crate::render::format;
use crate::render::keys::ChartWord;

/// The path from the baseline to the target: (year, value) at each end.
#[derive(Debug, Clone, Copy)]
pub struct Trajectory {
    pub from: (u16, f64),
    pub to: (u16, f64),
    /// The values are shares in percent: the path is straight, its pace in points.
    pub shares: bool,
}

/// How fast the path moves each year, as it is worded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// Percent a year, compound.
    Growth(f64),
    /// Percent a year, compound, downwards.
    Fall(f64),
    /// Percentage points a year.
    PointsUp(f64),
    /// Percentage points a year, downwards.
    PointsDown(f64),
}

impl Pace {
    /// The label along the path and the sentence of the chart's description.
    pub fn words(self) -> (ChartWord, ChartWord) {
        match self {
            Pace::Growth(_) => (ChartWord::PathRate, ChartWord::PathSentence),
            Pace::Fall(_) => (ChartWord::PathFall, ChartWord::PathSentenceFall),
            Pace::PointsUp(_) => (ChartWord::PathPoints, ChartWord::PathSentencePoints),
            Pace::PointsDown(_) => (ChartWord::PathPointsFall, ChartWord::PathSentencePointsFall),
        }
    }

    /// The size of the pace, without its direction (the words carry it).
    pub fn size(self) -> f64 {
        match self {
            Pace::Growth(r) | Pace::Fall(r) | Pace::PointsUp(r) | Pace::PointsDown(r) => r,
        }
    }

    /// The size as written: one decimal, or two for a pace under 0.1 so it never
    /// reads "0".
    pub fn text(self) -> String {
        let size = self.size();
        format::plain(size, if size >= 0.095 { 1 } else { 2 })
    }
}

impl Trajectory {
    /// A point a year on the path: compound growth between positive amounts (the pace
    /// a plan's growth targets assume), a straight line for shares and otherwise.
    pub fn points(self) -> Vec<(f64, f64)> {
        let ((y0, v0), (y1, v1)) = (self.from, self.to);
        (y0..=y1)
            .map(|y| {
                let t = f64::from(y - y0) / f64::from((y1 - y0).max(1));
                let v = if self.compounds() {
                    v0 * (v1 / v0).powf(t)
                } else {
                    v0 + (v1 - v0) * t
                };
                (f64::from(y), v)
            })
            .collect()
    }

    fn compounds(self) -> bool {
        !self.shares && self.from.1 > 0.0 && self.to.1 > 0.0
    }

    /// The pace that takes the baseline to the target; `None` when it means nothing
    /// (no years between, no change, or an amount not above zero at an end).
    pub fn pace(self) -> Option<Pace> {
        let ((y0, v0), (y1, v1)) = (self.from, self.to);
        // Less than 0.005 a year is no pace worth a label: it would read "0".
        if y1 <= y0 || ((v1 - v0) / f64::from(y1 - y0)).abs() < 0.005 {
            return None;
        }
        let years = f64::from(y1 - y0);
        if self.shares {
            let points = (v1 - v0) / years;
            return Some(if points > 0.0 {
                Pace::PointsUp(points)
            } else {
                Pace::PointsDown(-points)
            });
        }
        self.compounds().then(|| {
            let rate = ((v1 / v0).powf(1.0 / years) - 1.0) * 100.0;
            if rate > 0.0 {
                Pace::Growth(rate)
            } else {
                Pace::Fall(-rate)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_grows_at_a_steady_rate_between_positive_ends() {
        let path = Trajectory {
            from: (2020, 100.0),
            to: (2022, 121.0),
            shares: false,
        };
        let points = path.points();
        assert_eq!(points.len(), 3);
        assert!((points[1].1 - 110.0).abs() < 1e-9, "{points:?}");
        let Some(Pace::Growth(rate)) = path.pace() else {
            panic!("{:?}", path.pace())
        };
        assert!((rate - 10.0).abs() < 1e-9);
        let from_zero = Trajectory {
            from: (2020, 0.0),
            to: (2022, 10.0),
            shares: false,
        };
        assert_eq!(from_zero.points()[1], (2021.0, 5.0));
        assert_eq!(from_zero.pace(), None);
    }

    #[test]
    fn a_share_moves_by_points_in_a_straight_line() {
        let rise = Trajectory {
            from: (2023, 2.1),
            to: (2027, 3.7),
            shares: true,
        };
        assert!((rise.points()[2].1 - 2.9).abs() < 1e-9);
        let Some(Pace::PointsUp(points)) = rise.pace() else {
            panic!("{:?}", rise.pace())
        };
        assert!((points - 0.4).abs() < 1e-9);
        let fall = Trajectory {
            from: (2022, 30.0),
            to: (2026, 20.0),
            shares: true,
        };
        assert_eq!(fall.pace(), Some(Pace::PointsDown(2.5)));
    }

    #[test]
    fn a_shrinking_amount_falls_and_a_flat_one_has_no_pace() {
        let fall = Trajectory {
            from: (2020, 100.0),
            to: (2022, 81.0),
            shares: false,
        };
        let Some(Pace::Fall(rate)) = fall.pace() else {
            panic!("{:?}", fall.pace())
        };
        assert!((rate - 10.0).abs() < 1e-9);
        let flat = Trajectory {
            to: (2022, 100.0),
            ..fall
        };
        assert_eq!(flat.pace(), None);
    }
}
