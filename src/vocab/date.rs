//! Dates and years, the way plans and records write them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A year a plan speaks of. Kept within a sane window so a typo such as 20221 is caught.
pub const YEAR_RANGE: std::ops::RangeInclusive<u16> = 1949..=2100;

/// A calendar date, as `YYYY-MM-DD`, or a month, as `YYYY-MM`, when a source gives
/// no day (an outcome report "published in February 2022").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `None` when only the month is known.
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`, checking the month and the day of the month.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "`{s}` is not a date; write it as YYYY-MM-DD (2021-04-26), or YYYY-MM when the day is unknown"
            )
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let (y, m, d) = match parts.as_slice() {
            [y, m] => (*y, *m, None),
            [y, m, d] => (*y, *m, Some(*d)),
            _ => return Err(bad()),
        };
        if y.len() != 4 || m.len() != 2 || d.is_some_and(|d| d.len() != 2) {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: Option<u8> = d.map(|d| d.parse().map_err(|_| bad())).transpose()?;
        if !YEAR_RANGE.contains(&year) {
            return Err(format!(
                "the year {year} in `{s}` is outside {}–{}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ));
        }
        let day_ok = day.is_none_or(|d| d >= 1 && d <= days_in_month(year, month));
        if !(1..=12).contains(&month) || !day_ok {
            return Err(format!("`{s}` is not a day of the calendar"));
        }
        Ok(Date { year, month, day })
    }

    /// A full date: the given one, or the first of the month.
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month,
            day: Some(day),
        }
    }

    /// The date in RFC 3339 form at midnight UTC+8, for feeds.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00+08:00",
            self.year,
            self.month,
            self.day.unwrap_or(1)
        )
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
            "description": "A date as year-month-day (2023-03-01) or year-month (2023-03).",
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A year, checked against [`YEAR_RANGE`] where it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Year(pub u16);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Year, D::Error> {
        let y = i64::deserialize(deserializer)?;
        match u16::try_from(y) {
            Ok(y) if YEAR_RANGE.contains(&y) => Ok(Year(y)),
            _ => Err(serde::de::Error::custom(format!(
                "{y} is not a plausible year; use a year between {} and {}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ))),
        }
    }
}

impl schemars::JsonSchema for Year {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": YEAR_RANGE.start(),
            "maximum": YEAR_RANGE.end(),
        })
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(Date::parse("2021-04-26").unwrap(), Date::ymd(2021, 4, 26));
        let month = Date::parse("2022-02").unwrap();
        assert_eq!(month.day, None);
        assert_eq!(month.to_string(), "2022-02");
        assert!(Date::parse("2022-13").is_err());
        assert!(Date::parse("2021-02-29").is_err());
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2021-13-01").is_err());
        assert!(Date::parse("21-04-26").is_err());
        assert!(Date::parse("2021/04/26").is_err());
        assert!(Date::parse("3021-01-01").is_err());
    }
}
