//! One English form per Chinese term across the registries: 新区 should not be a
//! "New Area" in regions.yaml and a "New District" in units.yaml, nor 产业链 an
//! "industry chain" for one chain and a "value chain" for the next. Editors copy names
//! from different sources; readers then take two words for two things.
//!
//! The terms are the ones plans name bodies, places and industries with, each with
//! the English renderings editors are known to choose between. A name whose English
//! uses none of a term's renderings is not judged: it may translate freely.

use std::collections::BTreeMap;

use super::Registries;
use super::{Problems, RegistryKind};
use crate::content::id::Id;
use crate::lang::{Lang, Text};
use crate::yaml::{SourceFile, YamlPath};

/// A Chinese term and the renderings editors choose between; each rendering is the
/// spellings that count as the same choice. Longer terms come first, so 新区 is read
/// before the 区 inside it.
struct Term {
    zh: &'static str,
    renderings: &'static [&'static [&'static str]],
    /// Level words of place names: "County" and "county" are two choices.
    case: bool,
}

const TERMS: &[Term] = &[
    Term {
        zh: "经济技术开发区",
        case: false,
        renderings: &[
            &[
                "economic and technological development zone",
                "economic-technological development zone",
                "economic and technological development area",
            ],
            &["economic and technical development zone"],
            &["etdz"],
        ],
    },
    Term {
        zh: "高新技术产业开发区",
        case: false,
        renderings: &[
            &[
                "high-tech industrial development zone",
                "high-tech zone",
                "hi-tech zone",
            ],
            &[
                "high and new technology industrial development zone",
                "high and new technology zone",
            ],
        ],
    },
    Term {
        zh: "综合保税区",
        case: false,
        renderings: &[
            &["comprehensive bonded zone"],
            &["integrated bonded zone"],
            &["bonded area"],
        ],
    },
    Term {
        zh: "领导小组",
        case: false,
        renderings: &[
            &["leading group", "leading groups"],
            &["steering group", "steering groups"],
            &["leadership group", "leadership groups"],
            &["leading small group", "leading small groups"],
        ],
    },
    Term {
        zh: "管理委员会",
        case: false,
        renderings: &[
            &["administrative committee", "administrative committees"],
            &["management committee", "management committees"],
        ],
    },
    Term {
        zh: "管委会",
        case: false,
        renderings: &[
            &["administrative committee", "administrative committees"],
            &["management committee", "management committees"],
        ],
    },
    Term {
        zh: "新能源汽车",
        case: false,
        renderings: &[
            &[
                "new energy vehicle",
                "new energy vehicles",
                "new-energy vehicle",
                "new-energy vehicles",
            ],
            &["electric vehicle", "electric vehicles"],
            &["nev", "nevs"],
        ],
    },
    Term {
        zh: "产业集群",
        case: false,
        renderings: &[
            &[
                "industrial cluster",
                "industrial clusters",
                "industry cluster",
                "industry clusters",
            ],
            &["industrial base", "industrial bases"],
        ],
    },
    Term {
        zh: "产业链",
        case: false,
        renderings: &[
            &[
                "industry chain",
                "industry chains",
                "industrial chain",
                "industrial chains",
            ],
            &["value chain", "value chains"],
            &["supply chain", "supply chains"],
        ],
    },
    Term {
        zh: "高新区",
        case: false,
        renderings: &[
            &[
                "high-tech zone",
                "high-tech zones",
                "hi-tech zone",
                "high-tech industrial development zone",
            ],
            &[
                "high and new technology zone",
                "high and new technology industrial development zone",
            ],
        ],
    },
    Term {
        zh: "经开区",
        case: false,
        renderings: &[
            &[
                "economic development zone",
                "economic and technological development zone",
                "economic-technological development zone",
            ],
            &["development area"],
            &["etdz"],
        ],
    },
    Term {
        zh: "开发区",
        case: false,
        renderings: &[
            &["development zone", "development zones"],
            &["development area", "development areas"],
        ],
    },
    Term {
        zh: "工业园区",
        case: false,
        renderings: &[
            &["industrial park", "industrial parks"],
            &["industrial zone", "industrial zones"],
            &["industry park", "industry parks"],
        ],
    },
    Term {
        zh: "工业园",
        case: false,
        renderings: &[
            &["industrial park", "industrial parks"],
            &["industrial zone", "industrial zones"],
            &["industry park", "industry parks"],
        ],
    },
    Term {
        zh: "试验区",
        case: false,
        renderings: &[
            &["pilot zone", "pilot zones"],
            &["experimental zone", "experimental zones"],
            &["trial zone", "trial zones"],
        ],
    },
    Term {
        zh: "示范区",
        case: false,
        renderings: &[
            &["demonstration zone", "demonstration zones"],
            &["model zone", "model zones"],
            &["pilot zone", "pilot zones"],
        ],
    },
    Term {
        zh: "中医药",
        case: false,
        renderings: &[
            &["traditional chinese medicine", "tcm"],
            &["chinese medicine"],
        ],
    },
    Term {
        zh: "生物医药",
        case: false,
        renderings: &[
            &["biomedicine", "biomedical"],
            &["biopharmaceutical", "biopharmaceuticals", "biopharma"],
            &["bio-medicine"],
        ],
    },
    Term {
        zh: "电子信息",
        case: false,
        renderings: &[
            &["electronic information"],
            &["electronics and information", "electronics and it"],
            &["electronics and information technology"],
        ],
    },
    Term {
        zh: "装备制造",
        case: false,
        renderings: &[
            &["equipment manufacturing"],
            &["machinery manufacturing"],
            &["equipment making"],
        ],
    },
    Term {
        zh: "纺织服装",
        case: false,
        renderings: &[
            &["textiles and apparel", "textile and apparel"],
            &[
                "textiles and garments",
                "textile and garment",
                "textiles and garment",
            ],
            &["textiles and clothing", "textile and clothing"],
        ],
    },
    Term {
        zh: "有色金属",
        case: false,
        renderings: &[
            &[
                "non-ferrous metals",
                "non-ferrous metal",
                "nonferrous metals",
                "nonferrous metal",
            ],
            &["base metals"],
        ],
    },
    Term {
        zh: "新材料",
        case: false,
        renderings: &[
            &["new materials", "new material"],
            &["advanced materials", "advanced material"],
            &["novel materials"],
        ],
    },
    Term {
        zh: "新能源",
        case: false,
        renderings: &[
            &["new energy", "new-energy"],
            &["renewable energy", "renewables"],
            &["clean energy"],
        ],
    },
    Term {
        zh: "数字经济",
        case: false,
        renderings: &[&["digital economy"], &["digital economics"]],
    },
    Term {
        zh: "节能环保",
        case: false,
        renderings: &[
            &["energy saving", "energy-saving"],
            &["energy conservation"],
            &["energy efficiency"],
        ],
    },
    Term {
        zh: "首位产业",
        case: false,
        renderings: &[
            &["leading industry", "leading industries"],
            &["primary industry"],
            &["pillar industry"],
            &["flagship industry"],
        ],
    },
    Term {
        zh: "新区",
        case: true,
        renderings: &[
            &["New Area"],
            &["New District"],
            &["new area"],
            &["new district"],
        ],
    },
    Term {
        zh: "组团",
        case: false,
        renderings: &[
            &["zone", "zones"],
            &["cluster", "clusters"],
            &["group", "groups"],
        ],
    },
    Term {
        zh: "产业",
        case: false,
        renderings: &[&["industry", "industries"], &["sector", "sectors"]],
    },
    Term {
        zh: "县",
        case: true,
        renderings: &[&["County"], &["county"]],
    },
    Term {
        zh: "区",
        case: true,
        renderings: &[&["District"], &["district"]],
    },
];

/// Where a rendering was first seen.
struct Seen {
    rendering: usize,
    text: &'static str,
    file: String,
    id: Id,
}

/// Warns at each registry name whose English gives a term another rendering than
/// the first name with that term, across chains, topics, regions and units.
pub fn check_glossary(files: &[(SourceFile, RegistryKind)], reg: &Registries, out: &mut Problems) {
    let mut first: BTreeMap<&'static str, Seen> = BTreeMap::new();
    for (file, kind) in files {
        for (i, (id, name)) in names(reg, *kind).into_iter().enumerate() {
            for (term, rendering, text) in renderings(name) {
                let Some(seen) = first.get(term.zh) else {
                    let file = file.display.display().to_string();
                    first.insert(
                        term.zh,
                        Seen {
                            rendering,
                            text,
                            file,
                            id: id.clone(),
                        },
                    );
                    continue;
                };
                if seen.rendering != rendering {
                    let path = YamlPath::root().index(i).key("name").key("en");
                    out.push(
                        file.warning_at(
                            &path,
                            format!(
                                "{} is put as \"{text}\" here but as \"{}\" in {} (`{}`)",
                                term.zh, seen.text, seen.file, seen.id
                            ),
                        )
                        .help("give a Chinese term one English form in every registry, so readers see one name for one thing"),
                    );
                }
            }
        }
    }
}

fn names(reg: &Registries, kind: RegistryKind) -> Vec<(&Id, &Text)> {
    match kind {
        RegistryKind::Chain => reg.chains.iter().map(|c| (&c.id, &c.name)).collect(),
        RegistryKind::Topic => reg.topics.iter().map(|t| (&t.id, &t.name)).collect(),
        RegistryKind::Region => reg.regions.iter().map(|r| (&r.id, &r.name)).collect(),
        RegistryKind::Department => reg.units.iter().map(|u| (&u.id, &u.name)).collect(),
        RegistryKind::Record => Vec::new(),
    }
}

/// The glossary terms in a name, each with the rendering its English uses (the
/// index, and the spelling as the table gives it). A term whose English uses none
/// is left out.
fn renderings(name: &Text) -> Vec<(&'static Term, usize, &'static str)> {
    let mut zh = name.get(Lang::Zh).clone();
    let en = name.get(Lang::En);
    let lower = en.to_lowercase();
    let mut found = Vec::new();
    for term in TERMS {
        if !zh.contains(term.zh) {
            continue;
        }
        // Read once: the 区 of 新区 is not a district.
        zh = zh.replace(term.zh, "\u{3000}");
        let haystack = if term.case {
            en.as_str()
        } else {
            lower.as_str()
        };
        let best = term
            .renderings
            .iter()
            .enumerate()
            .flat_map(|(r, forms)| forms.iter().map(move |f| (r, *f)))
            .filter(|(_, form)| contains_words(haystack, form))
            .max_by_key(|(_, form)| form.len());
        if let Some((rendering, form)) = best {
            found.push((term, rendering, form));
        }
    }
    found
}

/// Whether `form` occurs in `text` as whole words: "county" is not in "county-level"
/// nor in "counties".
fn contains_words(text: &str, form: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
    text.match_indices(form).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(zh: &str, en: &str) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    #[test]
    fn a_term_is_read_once_and_as_whole_words() {
        let found = renderings(&text("赣江新区", "Ganjiang New Area"));
        assert_eq!(found.len(), 1, "the 区 of 新区 is not read again");
        assert_eq!((found[0].0.zh, found[0].2), ("新区", "New Area"));
        assert!(renderings(&text("某县", "Mou county-level city")).is_empty());
        assert!(contains_words("anyuan county", "county"));
        assert!(!contains_words("counties", "county"));
    }

    #[test]
    fn two_renderings_of_one_term_differ_and_spellings_do_not() {
        let a = renderings(&text("新能源汽车", "New-energy vehicles"));
        let b = renderings(&text("新能源汽车", "new energy vehicle"));
        let c = renderings(&text("新能源汽车", "Electric vehicles"));
        assert_eq!(a[0].1, b[0].1);
        assert_ne!(a[0].1, c[0].1);
        let county = renderings(&text("安远县", "Anyuan County"));
        let lower = renderings(&text("信丰县", "Xinfeng county"));
        assert_ne!(county[0].1, lower[0].1, "level words keep their case");
    }
}
