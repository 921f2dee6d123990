//! A target's `value` as editors write it: one key naming the form and its figure,
//! beside the words around it (`qualifier`, `or`).
//!
//! `value: {reach: 2600, qualifier: strive}`, `value: {range: [1, 2], or: more}`,
//! `value: double`, `value: {increase_by: {at_least: 15}}`. The fields are a struct
//! (not an enum) so that a modifier can sit beside any form and a misspelt key is
//! reported with the list of accepted ones; `validate` checks that exactly one form is
//! given. A bare word (`double`) and a bare number (`increase_by: 15`) are accepted
//! where they read naturally, through the two hand-written `Deserialize` impls below.

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};

use crate::content::value::{Num, OpenEnd};
use crate::content::wording::Qualifier;

/// The keys of a value: exactly one form (checked in `validate`) and its modifiers.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    /// 达到: reach the figure.
    #[serde(default)]
    pub reach: Option<Num>,
    /// 突破, 超过: exceed the figure.
    #[serde(default)]
    pub exceed: Option<Num>,
    /// 左右, 约: about the figure.
    #[serde(default)]
    pub about: Option<Num>,
    /// 以上, 不低于, 不少于: at least the figure.
    #[serde(default)]
    pub at_least: Option<Num>,
    /// 以内, 不超过: at most the figure.
    #[serde(default)]
    pub at_most: Option<Num>,
    /// 近: nearly the figure.
    #[serde(default)]
    pub nearly: Option<Num>,
    /// A range, low and high: 3—5家 is `[3, 5]`.
    #[serde(default)]
    pub range: Option<[Num; 2]>,
    /// A firm floor and a stretch figure: 确保…力争….
    #[serde(default)]
    pub tiers: Option<RawTiers>,
    /// 翻番: double the baseline (needs `baseline`).
    #[serde(default)]
    pub double: Option<bool>,
    /// A rise over the baseline in percent of it (比2020年提高15%), or in percentage points
    /// when the unit is `percentage-points`; needs `baseline`.
    #[serde(default)]
    pub increase_by: Option<BoundOrNumber>,
    /// 年均增长: a yearly growth rate in percent.
    #[serde(default)]
    pub average_growth: Option<BoundOrNumber>,
    /// "or more" / "or less" after a range.
    #[serde(default)]
    pub or: Option<OpenEnd>,
    /// The modal word before the figure: ensure (确保), strive (力争), seek (争取), aim_for (争创), endeavour (努力).
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
}

impl RawValue {
    /// The form keys that are set, in the order of the struct.
    pub fn forms(&self) -> Vec<&'static str> {
        let set = [
            ("reach", self.reach.is_some()),
            ("exceed", self.exceed.is_some()),
            ("about", self.about.is_some()),
            ("at_least", self.at_least.is_some()),
            ("at_most", self.at_most.is_some()),
            ("nearly", self.nearly.is_some()),
            ("range", self.range.is_some()),
            ("tiers", self.tiers.is_some()),
            ("double", self.double.is_some()),
            ("increase_by", self.increase_by.is_some()),
            ("average_growth", self.average_growth.is_some()),
        ];
        set_keys(&set)
    }
}

/// The keys of `set` whose flag is true, in order.
fn set_keys(set: &[(&'static str, bool)]) -> Vec<&'static str> {
    set.iter().filter(|(_, s)| *s).map(|(k, _)| *k).collect()
}

/// The form keys, for help messages.
pub const VALUE_FORMS: &str = "reach, exceed, about, at_least, at_most, nearly, range, tiers, double, increase_by, average_growth";

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTiers {
    /// The firm figure (确保), such as `{exceed: 1000, qualifier: ensure}`.
    pub floor: RawBound,
    /// The stretch figure (力争), such as `{reach: 1200}`.
    pub stretch: RawBound,
}

/// One figure with its comparator and modal word: `{exceed: 1000, qualifier: ensure}`.
/// A tier always names its comparator; under `increase_by` and `average_growth` a bare
/// number is accepted too ([`BoundOrNumber`]).
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBound {
    /// 达到: reach the figure.
    #[serde(default)]
    pub reach: Option<Num>,
    /// 突破, 超过: exceed the figure.
    #[serde(default)]
    pub exceed: Option<Num>,
    /// 左右, 约: about the figure.
    #[serde(default)]
    pub about: Option<Num>,
    /// 以上, 不低于: at least the figure.
    #[serde(default)]
    pub at_least: Option<Num>,
    /// 以内, 不超过: at most the figure.
    #[serde(default)]
    pub at_most: Option<Num>,
    /// 近: nearly the figure.
    #[serde(default)]
    pub nearly: Option<Num>,
    /// The modal word before this figure: ensure, strive, seek, aim_for or endeavour.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
}

/// A value as written: a map of [`RawValue`] keys, the bare word `double`, or a bare
/// number meaning `reach` (as everywhere a figure is written).
#[derive(Debug, Default)]
pub struct ValueOrWord(pub RawValue);

impl<'de> Deserialize<'de> for ValueOrWord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ValueOrWord, D::Error> {
        struct Form;
        impl<'de> Visitor<'de> for Form {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a value such as `2600`, `{exceed: 2600}`, `{range: [3, 5]}` or `double`",
                )
            }
            fn visit_str<E: de::Error>(self, word: &str) -> Result<RawValue, E> {
                if word == "double" {
                    Ok(RawValue {
                        double: Some(true),
                        ..RawValue::default()
                    })
                } else {
                    Err(E::custom(format!(
                        "`{word}` is not a value; write `double` or a form with its figure, such as `{{reach: 2600}}`"
                    )))
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
                let reach = Num::deserialize(de::value::F64Deserializer::<E>::new(v))?;
                Ok(RawValue {
                    reach: Some(reach),
                    ..RawValue::default()
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                self.visit_f64(v as f64)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawValue, A::Error> {
                RawValue::deserialize(MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_any(Form).map(ValueOrWord)
    }
}

/// For editors' schemas: the bare word `double` or the map of forms.
impl schemars::JsonSchema for ValueOrWord {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let forms = generator.subschema_for::<RawValue>();
        schemars::json_schema!({
            "description": "The figure in the document's form: one of reach, exceed, about, at_least, at_most, nearly, range, tiers, double, increase_by, average_growth; a bare number (reach); or the bare word `double`.",
            "anyOf": [{ "type": "number" }, { "const": "double" }, forms],
        })
    }
}

impl RawBound {
    /// The comparator keys that are set.
    pub fn comparators(&self) -> Vec<&'static str> {
        let set = [
            ("reach", self.reach.is_some()),
            ("exceed", self.exceed.is_some()),
            ("about", self.about.is_some()),
            ("at_least", self.at_least.is_some()),
            ("at_most", self.at_most.is_some()),
            ("nearly", self.nearly.is_some()),
        ];
        set_keys(&set)
    }
}

/// A bound as written: a map of [`RawBound`] keys, or a bare number meaning `reach`.
#[derive(Debug, Default)]
pub struct BoundOrNumber(pub RawBound);

impl<'de> Deserialize<'de> for BoundOrNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BoundOrNumber, D::Error> {
        struct Figure;
        impl<'de> Visitor<'de> for Figure {
            type Value = BoundOrNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a figure such as `15` or `{at_least: 15}`")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<BoundOrNumber, E> {
                let reach = Num::deserialize(de::value::F64Deserializer::<E>::new(v))?;
                Ok(BoundOrNumber(RawBound {
                    reach: Some(reach),
                    ..RawBound::default()
                }))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<BoundOrNumber, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<BoundOrNumber, E> {
                self.visit_f64(v as f64)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BoundOrNumber, A::Error> {
                RawBound::deserialize(MapAccessDeserializer::new(map)).map(BoundOrNumber)
            }
        }
        deserializer.deserialize_any(Figure)
    }
}

/// A figure that is only a figure: a breakdown part or a published outcome, written
/// `120` or `{reach: 120}` like a target's plain figure. It takes no comparator, because
/// parts are added up against their total and an outcome is what was reached; a part
/// the document states as 以上 belongs in a target of its own.
#[derive(Debug, Clone, Copy)]
pub struct PlainFigure(pub Num);

impl<'de> Deserialize<'de> for PlainFigure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PlainFigure, D::Error> {
        let bound = BoundOrNumber::deserialize(deserializer)?.0;
        match (bound.reach, bound.comparators().as_slice(), bound.qualifier) {
            (Some(n), ["reach"], None) => Ok(PlainFigure(n)),
            _ => Err(de::Error::custom(
                "this figure is plain: write it as `120` or `{reach: 120}`; comparators \
                 (exceed, at_least…) and qualifiers belong in a target's `value`",
            )),
        }
    }
}

impl schemars::JsonSchema for PlainFigure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PlainFigure".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "number" },
                {
                    "type": "object",
                    "properties": { "reach": { "type": "number", "description": "达到: the figure." } },
                    "required": ["reach"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

/// For editors' schemas: a bare number (meaning `reach`) or a map with one comparator.
impl schemars::JsonSchema for BoundOrNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Figure".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let bound = generator.subschema_for::<RawBound>();
        schemars::json_schema!({ "anyOf": [{ "type": "number" }, bound] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(yaml: &str) -> Result<RawValue, String> {
        serde_yaml::from_str::<ValueOrWord>(yaml)
            .map(|v| v.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_way_of_writing_a_value_is_read() {
        let v = value("{reach: 2600, qualifier: strive}").unwrap();
        assert_eq!(v.forms(), ["reach"]);
        assert_eq!(v.qualifier, Some(Qualifier::Strive));
        assert_eq!(value("double").unwrap().forms(), ["double"]);
        let r = value("{range: [1, 2], or: more}").unwrap();
        assert_eq!(r.or, Some(OpenEnd::More));
        let i = value("{increase_by: 15}").unwrap();
        assert_eq!(i.increase_by.unwrap().0.reach, Some(Num(15.0)));
        let g = value("{average_growth: {about: 9}}").unwrap();
        assert_eq!(g.average_growth.unwrap().0.about, Some(Num(9.0)));
        let t =
            value("{tiers: {floor: {exceed: 1000, qualifier: ensure}, stretch: {reach: 1200}}}")
                .unwrap();
        assert_eq!(t.tiers.unwrap().floor.qualifier, Some(Qualifier::Ensure));
    }

    #[test]
    fn misspelt_keys_and_words_list_what_is_accepted() {
        let e = value("{reach: 1, qualifer: strive}").unwrap_err();
        assert!(e.contains("unknown field `qualifer`"), "{e}");
        assert!(e.contains("qualifier"), "{e}");
        let e = value("{reach: 1, qualifier: hope}").unwrap_err();
        assert!(e.contains("unknown variant `hope`"), "{e}");
        assert!(e.contains("strive") && e.contains("aim_for"), "{e}");
        let e = value("tripple").unwrap_err();
        assert!(e.contains("`tripple` is not a value"), "{e}");
        let e = value("{increase_by: .nan}").unwrap_err();
        assert!(e.contains("finite"), "{e}");
    }
}
