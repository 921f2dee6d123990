//! The names a plan's text uses matched to the site's registries: each goal's chain or
//! topic, its lead and responsible departments, and the plan's region, as the ids the
//! draft needs. What matches nothing is proposed to the editor as new registry entries.
//!
//! A text names bodies the way its readers say them: 市工信局 for the city's
//! 工业和信息化局, 新区经济发展局 inside the new area's own plan. So each department is
//! known by its registry name, its aliases, their usual short forms (the list search
//! uses) and the same with its region's proper name left off (赣州市工信局 → 市工信局).

use std::collections::BTreeMap;

use super::model::Goal;
use crate::content::{HasId, Region, Registries};
use crate::vocab::abbreviations::short_forms;

/// A registry entry and every name the text may call it by.
#[derive(Debug)]
struct Named {
    id: String,
    names: Vec<String>,
    /// The region a department belongs to (for departments only).
    region: Option<String>,
}

/// The site's registries as the names a text may use.
#[derive(Debug, Default)]
pub struct SiteNames {
    chains: Vec<Named>,
    topics: Vec<Named>,
    regions: Vec<Named>,
    units: Vec<Named>,
    /// Each region's parent, to tell a department of the plan's region (or of a place
    /// within it) from a namesake elsewhere (every city has its 市工信局).
    parents: BTreeMap<String, String>,
}

/// Names the registries lack, for the editor to add: departments and chains (each
/// with the lines that name it), and the plan's region when none matched.
#[derive(Debug, Default)]
pub struct Proposals {
    pub units: BTreeMap<String, Vec<usize>>,
    /// Chains by the id of the built-in list the text's words matched.
    pub chains: BTreeMap<String, Vec<usize>>,
    pub region: Option<String>,
}

impl Proposals {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.chains.is_empty() && self.region.is_none()
    }
}

impl SiteNames {
    pub fn new(reg: &Registries) -> SiteNames {
        let simple = |id: &str, zh: &str, aliases: &[String]| {
            let mut names = vec![zh.to_string()];
            names.extend(aliases.iter().cloned());
            // 电子信息 is also 电子信息产业 and 电子信息产业链 in a text.
            names.retain(|n| !n.trim().is_empty());
            Named {
                id: id.to_string(),
                names,
                region: None,
            }
        };
        let units = reg
            .units
            .iter()
            .map(|u| {
                let region = u.region.as_ref().and_then(|r| reg.regions.get(r));
                Named {
                    id: u.id().to_string(),
                    names: unit_names(&u.name.zh, &u.aliases, region),
                    region: u.region.as_ref().map(|r| r.to_string()),
                }
            })
            .collect();
        SiteNames {
            chains: reg
                .chains
                .iter()
                .map(|c| simple(c.id().as_ref(), &c.name.zh, &c.aliases))
                .collect(),
            topics: reg
                .topics
                .iter()
                .map(|t| simple(t.id().as_ref(), &t.name.zh, &t.aliases))
                .collect(),
            regions: reg
                .regions
                .iter()
                .map(|r| simple(r.id().as_ref(), &r.name.zh, &r.aliases))
                .collect(),
            units,
            parents: reg
                .regions
                .iter()
                .filter_map(|r| Some((r.id().to_string(), r.parent.as_ref()?.to_string())))
                .collect(),
        }
    }

    /// Whether `region` is `plan` or lies within it, or `plan` lies within `region`.
    fn related(&self, region: &str, plan: &str) -> bool {
        self.within(region, plan) || self.within(plan, region)
    }

    /// Whether region `r` is `of` or lies within it.
    fn within(&self, r: &str, of: &str) -> bool {
        let mut r = r.to_string();
        // A cycle of parents is refused when the registry loads; the bound is a guard.
        for _ in 0..64 {
            if r == of {
                return true;
            }
            match self.parents.get(&r) {
                Some(p) => r = p.clone(),
                None => return false,
            }
        }
        false
    }

    /// The region a plan is about: the registry region whose name comes first in the
    /// title (the longest name where two start at one place: 赣江新区 before 赣江).
    pub fn region_of(&self, title: &str) -> Option<&str> {
        self.regions
            .iter()
            .flat_map(|r| r.names.iter().map(move |n| (r, n)))
            .filter_map(|(r, n)| title.find(n.as_str()).map(|at| (at, n.len(), r)))
            .min_by_key(|(at, len, _)| (*at, std::cmp::Reverse(*len)))
            .map(|(_, _, r)| r.id.as_str())
    }

    /// Sets each goal's chain or topic and departments to registry ids, and returns
    /// what matched nothing.
    pub fn resolve(&self, goals: &mut [Goal], title: &str) -> (Option<String>, Proposals) {
        let mut proposals = Proposals::default();
        let region = self.region_of(title).map(str::to_string);
        if region.is_none() && !self.regions.is_empty() {
            proposals.region = Some(title.to_string());
        }
        for goal in goals.iter_mut() {
            let builtin = goal.chain.take();
            goal.chain = longest_in(&self.chains, &goal.subject);
            if goal.chain.is_none() {
                goal.topic = longest_in(&self.topics, &goal.subject);
                if let Some(id) = builtin.filter(|_| goal.topic.is_none()) {
                    proposals.chains.entry(id).or_default().push(goal.line);
                }
            }
            let plan = region.as_deref();
            goal.lead_ids = self.units_named(&goal.lead, plan, goal.line, &mut proposals);
            goal.responsible_ids =
                self.units_named(&goal.responsible, plan, goal.line, &mut proposals);
        }
        for lines in proposals
            .units
            .values_mut()
            .chain(proposals.chains.values_mut())
        {
            lines.dedup();
        }
        (region, proposals)
    }

    /// The ids of the departments `names` in a plan of region `plan`. A name that
    /// several departments share (市工信局) is the one of the plan's region, or of a
    /// place within it; a name no entry has, or that stays ambiguous, goes to
    /// `proposals` rather than to a guess.
    fn units_named(
        &self,
        names: &[String],
        plan: Option<&str>,
        line: usize,
        proposals: &mut Proposals,
    ) -> Vec<String> {
        let mut ids = Vec::new();
        for name in names {
            let mut found: Vec<&Named> = self
                .units
                .iter()
                .filter(|u| u.names.iter().any(|n| n == name))
                .collect();
            if found.len() > 1
                && let Some(plan) = plan
            {
                found.retain(|u| u.region.as_deref().is_some_and(|r| self.related(r, plan)));
            }
            let one = match found.as_slice() {
                [one] => Some(*one),
                _ => None,
            };
            match one {
                Some(u) if !ids.contains(&u.id) => ids.push(u.id.clone()),
                Some(_) => {}
                None => proposals.units.entry(name.clone()).or_default().push(line),
            }
        }
        ids
    }
}

/// The entry of `entries` with the longest name found in `subject`.
fn longest_in(entries: &[Named], subject: &str) -> Option<String> {
    entries
        .iter()
        .flat_map(|e| e.names.iter().map(move |n| (e, n)))
        .filter(|(_, n)| subject.contains(n.as_str()))
        .max_by_key(|(_, n)| n.len())
        .map(|(e, _)| e.id.clone())
}

/// Every name a department may be called by in a text: its name and aliases, their
/// short forms, and all of these with its region's proper name left off (赣州市工信局
/// is 市工信局 in the city's own plans; 赣江新区经济发展局 is 新区经济发展局).
fn unit_names(name: &str, aliases: &[String], region: Option<&Region>) -> Vec<String> {
    let mut names: Vec<String> = std::iter::once(name.to_string())
        .chain(aliases.iter().cloned())
        .collect();
    let shorts: Vec<String> = names.iter().flat_map(|n| short_forms(n)).collect();
    names.extend(shorts);
    if let Some(region) = region {
        let place = &region.name.zh;
        // The level word the place's name ends in, which the text keeps.
        let level = ["新区", "市", "县", "区", "省", "镇"]
            .into_iter()
            .find(|l| place.ends_with(l));
        if let Some(level) = level {
            let local: Vec<String> = names
                .iter()
                .filter_map(|n| n.strip_prefix(place.as_str()))
                .map(|rest| format!("{level}{rest}"))
                .collect();
            names.extend(local);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The side file of names the registries lack, as entries to paste into them.
pub fn proposals_yaml(proposals: &Proposals, source_name: &str) -> String {
    use std::fmt::Write as _;
    let mut out = format!(
        "# Names in {source_name} that the site's registries do not hold. Add each to the\n\
         # file named (an id and an English name), or as an alias of the entry that is the\n\
         # same body, then fill in the draft's `fill-in` fields and run `plansite check`.\n"
    );
    let lines = |l: &[usize]| {
        l.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(title) = &proposals.region {
        let _ = writeln!(
            out,
            "\n# content/regions.yaml: no region's name is in the title {}\nregions:\n  - {{id: fill-in, name: {{zh: \"\", en: \"\"}}}}",
            super::draft::quote(title)
        );
    }
    if !proposals.units.is_empty() {
        out.push_str("\n# content/units.yaml\nunits:\n");
        for (name, at) in &proposals.units {
            let _ = writeln!(
                out,
                "  - {{id: fill-in, name: {{zh: {}, en: \"\"}}}}  # line {}",
                super::draft::quote(name),
                lines(at)
            );
        }
    }
    if !proposals.chains.is_empty() {
        out.push_str("\n# content/chains.yaml (or content/topics.yaml)\nchains:\n");
        for (id, at) in &proposals.chains {
            let _ = writeln!(
                out,
                "  - {{id: {id}, name: {{zh: \"\", en: \"\"}}}}  # line {}",
                lines(at)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Chain, Registry, Unit};
    use crate::lang::Text;

    fn text(zh: &str) -> Text {
        Text {
            zh: zh.to_string(),
            en: String::new(),
        }
    }

    fn registries() -> Registries {
        let id = |s: &str| crate::content::Id::parse(s).unwrap();
        Registries {
            chains: Registry::new(vec![Chain {
                id: id("electronic-information"),
                name: text("电子信息"),
                description: None,
                aliases: vec!["光电信息".into()],
            }]),
            regions: Registry::new(vec![
                Region {
                    id: id("ganzhou"),
                    name: text("赣州市"),
                    parent: None,
                    aliases: vec![],
                },
                Region {
                    id: id("ganjiang-new-area"),
                    name: text("赣江新区"),
                    parent: None,
                    aliases: vec![],
                },
            ]),
            units: Registry::new(vec![
                Unit {
                    id: id("ganzhou-miit"),
                    name: text("赣州市工业和信息化局"),
                    region: Some(id("ganzhou")),
                    aliases: vec![],
                },
                Unit {
                    id: id("ganjiang-economy"),
                    name: text("赣江新区经济发展局"),
                    region: Some(id("ganjiang-new-area")),
                    aliases: vec![],
                },
            ]),
            ..Registries::default()
        }
    }

    #[test]
    fn departments_are_matched_by_their_local_and_short_names() {
        let names = SiteNames::new(&registries());
        let draft = super::super::extract(
            "2021年赣州市工业倍增升级工作要点\n一、目标\n光电信息产业营业收入突破1000亿元。〔牵头单位：市工信局；责任单位：新区经济发展局、市统计局〕\n新能源汽车产业营业收入达到500亿元。\n",
        );
        let mut goals = draft.goals;
        let (region, proposals) = names.resolve(&mut goals, &draft.title);
        assert_eq!(region.as_deref(), Some("ganzhou"));
        assert_eq!(goals[0].chain.as_deref(), Some("electronic-information"));
        assert_eq!(goals[0].lead_ids, ["ganzhou-miit"]);
        assert_eq!(goals[0].responsible_ids, ["ganjiang-economy"]);
        // What matched nothing is proposed, with its lines.
        assert_eq!(proposals.units.get("市统计局"), Some(&vec![3]));
        assert_eq!(proposals.chains.get("new-energy"), Some(&vec![4]));
        let yaml = proposals_yaml(&proposals, "plan.txt");
        assert!(
            yaml.contains("name: {zh: \"市统计局\", en: \"\"}}  # line 3"),
            "{yaml}"
        );
    }
}
