//! One translation per term: the same kind of body (商务局) should read the same way
//! in English whichever city it belongs to, not "Commerce Bureau" in one entry and
//! "Bureau of Commerce" in the next. Editors copy names from different sources; this
//! finds where they disagree.

use std::collections::BTreeMap;

use super::Problems;
use crate::content::model::{Region, Registry, Unit};
use crate::lang::Lang;
use crate::yaml::{SourceFile, YamlPath};

/// Words that say what level a body is at, which differ between cities and counties
/// without being a different translation.
const LEVEL_WORDS: &[&str] = &[
    "municipal",
    "city",
    "county",
    "district",
    "provincial",
    "prefectural",
    "the",
    "of",
    "people's",
];

/// What is left of a body's English name once its region's name and level words are
/// taken out: `Yichun Municipal Bureau of Commerce` gives `bureau commerce`.
fn english_term(name: &str, region: &str) -> String {
    let (name, region) = (name.to_lowercase(), region.to_lowercase());
    // The region's full name (Zhanggong District), or else its place name: a unit
    // of "Ruijin (county-level city)" is the "Ruijin City Government".
    let place = region.split_whitespace().next().unwrap_or_default();
    let rest = if name.contains(&region) {
        name.replace(&region, " ")
    } else {
        name.replacen(place, " ", 1)
    };
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !LEVEL_WORDS.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Warns at each unit whose body (its Chinese name without its region's) is put in
/// English differently from the first unit with that body.
pub fn check_unit_terms(
    file: &SourceFile,
    units: &Registry<Unit>,
    regions: &Registry<Region>,
    out: &mut Problems,
) {
    // Body in Chinese → the first English form seen, and the entry it was seen in.
    let mut first: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (i, unit) in units.iter().enumerate() {
        let Some(region) = unit.region.as_ref().and_then(|r| regions.get(r)) else {
            continue;
        };
        let (zh, region_zh) = (unit.name.get(Lang::Zh), region.name.get(Lang::Zh));
        let Some(body) = zh.strip_prefix(region_zh.as_str()) else {
            continue;
        };
        if body.is_empty() {
            continue;
        }
        let en = unit.name.get(Lang::En);
        let term = english_term(en, region.name.get(Lang::En));
        match first.get(body) {
            None => {
                first.insert(body.to_string(), (term, en.clone()));
            }
            Some((seen, seen_in)) if *seen != term => out.push(
                file.warning_at(
                    &YamlPath::root().index(i).key("name").key("en"),
                    format!("{body} is put as \"{en}\" here but as \"{seen_in}\" before"),
                )
                .help("give the same kind of body the same English form in every entry, so readers see one name for it"),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::english_term;

    #[test]
    fn a_body_is_compared_without_its_place_and_level() {
        assert_eq!(
            english_term("Yichun Municipal Bureau of Commerce", "Yichun"),
            "bureau commerce"
        );
        assert_eq!(
            english_term("Ganzhou Commerce Bureau", "Ganzhou"),
            "commerce bureau"
        );
        assert_eq!(
            english_term("Anyuan County Government", "Anyuan County"),
            english_term("Ruijin City Government", "Ruijin (county-level city)")
        );
    }
}
