//! Headings in commentary: demoted one level below the page's own title, given
//! readable ids that are unique on the page, and allowed no attributes but an id and
//! classes.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};

use super::MarkdownProblem;
use crate::diagnostics::Severity;

/// A heading's `{…}` may give an id (`#id`) and classes (`.class`), nothing else:
/// any other attribute (`onfocus=…`, `style=…`) would reach the page without raw HTML,
/// past the sanitizer. Each one is an error, and none is written.
pub(super) fn refuse_heading_attributes(
    attrs: &[(CowStr, Option<CowStr>)],
    offset: usize,
    problems: &mut Vec<MarkdownProblem>,
) {
    for (name, _) in attrs {
        problems.push(MarkdownProblem {
            severity: Severity::Error,
            offset,
            message: format!("the heading attribute `{name}` is not allowed"),
            help:
                "a heading's {…} takes only an id ({#id}) and classes ({.class}); remove the rest"
                    .into(),
        });
    }
}

pub(super) fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Ids already given on the page, to keep them unique.
#[derive(Default)]
pub(super) struct HeadingIds {
    /// Every id given so far, whatever it was made from.
    taken: HashSet<String>,
    /// The last number tried after each base, so a page of many equal headings stays
    /// linear.
    last: HashMap<String, usize>,
}

impl HeadingIds {
    /// `base`, or `base-2`, `base-3`… the first not yet given. Checking every id, not
    /// only those made from `base`, keeps `a`, `a-2`, `a` from giving `a-2` twice.
    fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.last.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let candidate = format!("{base}-{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Gives the heading that starts at `events[start]` an id from its text, unless the
/// author wrote one with `{#id}`.
pub(super) fn assign_heading_id(events: &mut [Event], start: usize, ids: &mut HeadingIds) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        let base = match id.take() {
            Some(given) => slug(&given),
            None => slug(&text),
        };
        *id = Some(CowStr::from(ids.unique(base)));
    }
}

/// A readable anchor: letters and digits of any script kept, everything else a hyphen.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}
