//! The registries plans refer to: chains, topics, regions (a tree) and units.

use std::collections::HashMap;

use super::RegistryKind;
use super::{Problems, Registries, check_text, check_unique};
use crate::content::id::Id;
use crate::content::model::{Chain, Region, Registry, Topic, Unit};
use crate::content::raw::{RawChain, RawRegion, RawTopic, RawUnit};
use crate::yaml::{SourceFile, YamlPath};

pub fn chains(file: &SourceFile, raw: Vec<RawChain>, out: &mut Problems) -> Registry<Chain> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, c) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &c.name, "the name", out);
        check_aliases(file, &path, &c.aliases, out);
        if let Some(d) = &c.description {
            check_text(file, &path.key("description"), d, "the description", out);
        }
        if check_unique(&mut seen, &c.id, i, file, &path, out) {
            items.push(Chain {
                id: c.id,
                name: c.name,
                description: c.description,
                aliases: c.aliases,
            });
        }
    }
    Registry::new(items)
}

pub fn topics(file: &SourceFile, raw: Vec<RawTopic>, out: &mut Problems) -> Registry<Topic> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, t) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &t.name, "the name", out);
        check_aliases(file, &path, &t.aliases, out);
        if check_unique(&mut seen, &t.id, i, file, &path, out) {
            items.push(Topic {
                id: t.id,
                name: t.name,
                aliases: t.aliases,
            });
        }
    }
    Registry::new(items)
}

pub fn regions(file: &SourceFile, raw: Vec<RawRegion>, out: &mut Problems) -> Registry<Region> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &r.name, "the name", out);
        check_aliases(file, &path, &r.aliases, out);
        if check_unique(&mut seen, &r.id, i, file, &path, out) {
            items.push(Region {
                id: r.id,
                name: r.name,
                parent: r.parent,
                aliases: r.aliases,
            });
        }
    }
    let registry = Registry::new(items);
    for (i, r) in registry.iter().enumerate() {
        let path = YamlPath::root().index(i).key("parent");
        let Some(parent) = &r.parent else { continue };
        if !registry.contains(parent) {
            out.push(
                file.error_at(&path, format!("unknown parent region `{parent}`"))
                    .help("add the parent region to this file, or remove `parent`"),
            );
        } else if has_cycle(&registry, &r.id) {
            out.push(
                file.error_at(&path, format!("the region `{}` is its own ancestor", r.id))
                    .help("regions form a tree: break the loop of `parent` links"),
            );
        }
    }
    registry
}

/// Every alias must say something, and once: a blank one would match nothing, a
/// repeated one is a slip.
fn check_aliases(file: &SourceFile, path: &YamlPath, aliases: &[String], out: &mut Problems) {
    for (j, alias) in aliases.iter().enumerate() {
        let at = path.key("aliases").index(j);
        if alias.trim().is_empty() {
            out.push(
                file.error_at(&at, "an alias is blank")
                    .help("write the other name readers search by, or remove the line"),
            );
        } else if aliases[..j].contains(alias) {
            out.push(
                file.error_at(&at, format!("the alias `{alias}` is given twice"))
                    .help("remove the second one"),
            );
        }
    }
}

fn has_cycle(regions: &Registry<Region>, start: &Id) -> bool {
    let mut current = regions.get(start).and_then(|r| r.parent.clone());
    for _ in 0..=regions.len() {
        match current {
            None => return false,
            Some(id) if &id == start => return true,
            Some(id) => current = regions.get(&id).and_then(|r| r.parent.clone()),
        }
    }
    true
}

pub fn units(
    file: &SourceFile,
    raw: Vec<RawUnit>,
    reg: &Registries,
    out: &mut Problems,
) -> Registry<Unit> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, u) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &u.name, "the name", out);
        check_aliases(file, &path, &u.aliases, out);
        if let Some(region) = &u.region
            && !reg.regions.contains(region)
        {
            reg.unknown(file, &path.key("region"), RegistryKind::Region, region, out);
        }
        if check_unique(&mut seen, &u.id, i, file, &path, out) {
            items.push(Unit {
                id: u.id,
                name: u.name,
                region: u.region,
                aliases: u.aliases,
            });
        }
    }
    let units = Registry::new(items);
    super::terms::check_unit_terms(file, &units, &reg.regions, out);
    units
}
