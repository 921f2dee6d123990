//! The open-data record of a source document: the disclosure metadata a government
//! information portal shows for it (索引号, 发文机关, 文号, 成文日期, 发布日期, 有效性,
//! 主题分类), and the facts the site inferred. Every target's record carries the record
//! of its plan's document, so the CSV row of a target is complete on its own.

use serde::Serialize;

use crate::content::{Inferred, Record};
use crate::lang::Text;

#[derive(Debug, Clone, Serialize)]
pub struct DocumentRecord {
    pub record: String,
    pub title: Text,
    pub issuer: Text,
    /// `None` when the document states none.
    pub document_number: Option<String>,
    pub index_number: Option<String>,
    pub issued: String,
    pub validity: Option<ValidityRecord>,
    pub subjects: Vec<Text>,
    pub published: Vec<PublicationRecord>,
    pub inferred: Vec<InferredRecord>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValidityRecord {
    /// [`crate::content::ValidityStatus::key`].
    pub status: &'static str,
    pub since: Option<String>,
    pub until: Option<String>,
    pub replaced_by: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublicationRecord {
    pub publisher: Text,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A field the site filled in, with the reason.
#[derive(Debug, Clone, Serialize)]
pub struct InferredRecord {
    pub field: &'static str,
    pub reason: Text,
}

/// The inferred fields of a record or target, keyed as in YAML.
pub fn inferred<F: Copy + PartialEq>(
    inferred: &Inferred<F>,
    key: fn(F) -> &'static str,
) -> Vec<InferredRecord> {
    inferred
        .iter()
        .map(|i| InferredRecord {
            field: key(i.field),
            reason: i.reason.clone(),
        })
        .collect()
}

impl DocumentRecord {
    pub fn new(r: &Record) -> DocumentRecord {
        DocumentRecord {
            record: r.id.to_string(),
            title: r.title.clone(),
            issuer: r.issuer.clone(),
            document_number: r.document_number.clone(),
            index_number: r.index_number.clone(),
            issued: r.issued.to_string(),
            validity: r.validity.as_ref().map(|v| ValidityRecord {
                status: v.status.key(),
                since: v.since.map(|d| d.to_string()),
                until: v.until.map(|d| d.to_string()),
                replaced_by: v.replaced_by.clone(),
            }),
            subjects: r.subjects.clone(),
            published: r
                .published
                .iter()
                .map(|p| PublicationRecord {
                    publisher: p.publisher.clone(),
                    date: p.date.map(|d| d.to_string()),
                    url: p.url.clone(),
                })
                .collect(),
            inferred: inferred(&r.inferred, |f| f.key()),
        }
    }
}
