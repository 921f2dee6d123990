//! A source record (`seeds/<id>.yaml`): the document a plan is read from, with its
//! clauses and where it was published.

use std::collections::HashSet;

use super::wording::record_inferred;
use super::{Problems, check_text};
use crate::content::id::Id;
use crate::content::model::{Clause, Publication, Record, Validity, normalize_clause};
use crate::content::raw::RawRecord;
use crate::yaml::{SourceFile, YamlPath};

pub fn record(id: Id, file: &SourceFile, raw: RawRecord, out: &mut Problems) -> Record {
    let root = YamlPath::root();
    check_text(file, &root.key("title"), &raw.title, "the title", out);
    check_text(file, &root.key("issuer"), &raw.issuer, "the issuer", out);
    let mut seen = HashSet::new();
    for (i, c) in raw.clauses.iter().enumerate() {
        let path = root.key("clauses").index(i);
        check_text(file, &path.key("title"), &c.title, "the clause title", out);
        if c.id.trim().is_empty() {
            out.push(file.error_at(&path.key("id"), "the clause number is empty"));
        } else if !seen.insert(normalize_clause(&c.id)) {
            out.push(
                file.error_at(
                    &path.key("id"),
                    format!("the clause `{}` is listed twice", c.id),
                )
                .help("list each clause of the document once"),
            );
        }
    }
    for (i, p) in raw.published.iter().enumerate() {
        let path = root.key("published").index(i);
        check_text(
            file,
            &path.key("publisher"),
            &p.publisher,
            "the publisher",
            out,
        );
        if let Some(url) = &p.url
            && !crate::config::is_safe_link(url)
        {
            out.push(
                file.error_at(&path.key("url"), format!("`{url}` is not a web address"))
                    .help("use an address starting with https:// or http://"),
            );
        }
    }
    if let Some(v) = &raw.validity {
        if let Some(r) = &v.replaced_by {
            check_text(
                file,
                &root.key("validity").key("replaced_by"),
                r,
                "the replacing document",
                out,
            );
        }
        if let (Some(since), Some(until)) = (v.since, v.until)
            && until < since
        {
            out.push(
                file.error_at(
                    &root.key("validity").key("until"),
                    "the validity ends before it starts",
                )
                .help("`since` is when the status took effect, `until` when it ends"),
            );
        }
    }
    for (i, s) in raw.subjects.iter().enumerate() {
        check_text(file, &root.key("subjects").index(i), s, "the subject", out);
    }
    let inferred = record_inferred(file, &raw.inferred, out);
    Record {
        id,
        index_number: raw.index_number.filter(|n| !n.trim().is_empty()),
        validity: raw.validity.map(|v| Validity {
            status: v.status,
            since: v.since,
            until: v.until,
            replaced_by: v.replaced_by,
        }),
        subjects: raw.subjects,
        inferred,
        title: raw.title,
        issuer: raw.issuer,
        issued: raw.issued,
        document_number: raw.document_number.filter(|n| !n.trim().is_empty()),
        published: raw
            .published
            .into_iter()
            .map(|p| Publication {
                publisher: p.publisher,
                date: p.date,
                url: p.url,
            })
            .collect(),
        clauses: raw
            .clauses
            .into_iter()
            .map(|c| Clause {
                id: c.id,
                title: c.title,
            })
            .collect(),
    }
}
