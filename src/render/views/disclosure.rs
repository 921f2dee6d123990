//! What a page shows of a document's disclosure metadata (政府信息公开), and of the
//! facts the site inferred: each inferred fact is marked 本站推定 / inferred by this
//! site where it is shown, with the reason on hover and in a list below.

use std::collections::BTreeMap;

use serde::Serialize;

use super::ViewCtx;
use crate::content::*;

/// A fact the site filled in, as a page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct InferredView {
    /// The field's key as in YAML, for the badge's anchor.
    pub field: &'static str,
    pub label: String,
    pub reason: String,
}

/// The inferred facts of a target or record: by field key, for the badge beside each
/// fact, and in order, for the list of reasons.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InferredFacts {
    pub by_field: BTreeMap<&'static str, String>,
    pub list: Vec<InferredView>,
}

impl InferredFacts {
    pub fn new<F: Copy + PartialEq>(
        cx: ViewCtx,
        inferred: &Inferred<F>,
        key: fn(F) -> &'static str,
    ) -> InferredFacts {
        let list: Vec<InferredView> = inferred
            .iter()
            .map(|i| InferredView {
                field: key(i.field),
                label: cx.t(&field_key(key(i.field))).to_string(),
                reason: cx.text(&i.reason).to_string(),
            })
            .collect();
        InferredFacts {
            by_field: list.iter().map(|i| (i.field, i.reason.clone())).collect(),
            list,
        }
    }

    /// The reasons of `fields`, joined, for a badge standing for several facts.
    pub fn reasons_of(&self, cx: ViewCtx, fields: &[&str]) -> Option<String> {
        let reasons: Vec<String> = self
            .list
            .iter()
            .filter(|i| fields.contains(&i.field))
            .map(|i| cx.labelled(&i.label, &i.reason))
            .collect();
        reasons
            .into_iter()
            .reduce(|first, next| cx.tf("sentence_pair", &[("first", &first), ("next", &next)]))
    }
}

/// The UI string naming a field that may be inferred.
pub fn field_key(key: &str) -> String {
    format!("field_{key}")
}

/// Where and when a document was published.
#[derive(Debug, Serialize)]
pub struct PublicationView {
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// One line of the disclosure block: a label and the value, or `None` when the
/// record does not state it (the page then says so, never a guess).
#[derive(Debug, Serialize)]
pub struct DisclosureRow {
    pub key: &'static str,
    pub label: String,
    pub value: Option<String>,
    /// The value is Chinese text on an English page (an index number).
    pub zh: bool,
    /// A document number, shown in its English form beside the original on English
    /// pages (see [`super::DocNumber`]).
    pub doc_number: Option<super::DocNumber>,
    /// The reason, when the site inferred the value.
    pub inferred: Option<String>,
    /// The record field the value comes from, for the inferred badge's anchor.
    pub field: &'static str,
}

/// The disclosure metadata of a document, in the order portals show it.
#[derive(Debug, Serialize)]
pub struct Disclosure {
    pub rows: Vec<DisclosureRow>,
    pub publications: Vec<PublicationView>,
    /// The reason, when where or when it was published is inferred.
    pub publications_inferred: Option<String>,
    pub inferred: InferredFacts,
}

impl Disclosure {
    pub fn new(cx: ViewCtx, r: &Record) -> Disclosure {
        let inferred = InferredFacts::new(cx, &r.inferred, RecordField::key);
        let row =
            |key: &'static str, value: Option<String>, field: Option<RecordField>| DisclosureRow {
                key,
                label: cx.t(&format!("disclosure_{key}")).to_string(),
                doc_number: (key == "document_number")
                    .then(|| value.as_deref().map(|n| cx.doc_number(n)))
                    .flatten(),
                value,
                zh: key == "index_number",
                inferred: field.and_then(|f| inferred.by_field.get(f.key()).cloned()),
                field: field.map_or(key, RecordField::key),
            };
        let dates: Vec<String> = r
            .published
            .iter()
            .filter_map(|p| p.date.map(|d| cx.date(d)))
            .collect();
        let subjects: Vec<&str> = r.subjects.iter().map(|s| cx.text(s)).collect();
        let rows = vec![
            row("index_number", r.index_number.clone(), None),
            row(
                "issuer",
                Some(cx.text(&r.issuer).to_string()),
                Some(RecordField::Issuer),
            ),
            row(
                "document_number",
                r.document_number.clone(),
                Some(RecordField::DocumentNumber),
            ),
            row("issued", Some(cx.date(r.issued)), Some(RecordField::Issued)),
            row(
                "published_on",
                (!dates.is_empty()).then(|| dates.join(cx.t("list_separator"))),
                Some(RecordField::Published),
            ),
            row(
                "validity",
                r.validity.as_ref().map(|v| validity(cx, v)),
                None,
            ),
            row(
                "subjects",
                (!subjects.is_empty()).then(|| subjects.join(cx.t("list_separator"))),
                None,
            ),
        ];
        Disclosure {
            rows,
            publications: r
                .published
                .iter()
                .map(|p| PublicationView {
                    publisher: cx.text(&p.publisher).to_string(),
                    date: p.date.map(|d| cx.date(d)),
                    url: p.url.clone(),
                })
                .collect(),
            publications_inferred: inferred.by_field.get("published").cloned(),
            inferred,
        }
    }
}

/// `现行有效（自2021年11月4日起）` / `In force (since 4 November 2021)`.
fn validity(cx: ViewCtx, v: &Validity) -> String {
    let mut text = cx.t(&format!("validity_{}", v.status.key())).to_string();
    if let Some(by) = &v.replaced_by {
        text = cx.tf(
            "validity_replaced_by",
            &[("status", &text), ("by", cx.text(by))],
        );
    }
    let dates = match (v.since, v.until) {
        (Some(s), Some(u)) => Some(cx.tf(
            "validity_from_to",
            &[("since", &cx.date(s)), ("until", &cx.date(u))],
        )),
        (Some(s), None) => Some(cx.tf("validity_since", &[("since", &cx.date(s))])),
        (None, Some(u)) => Some(cx.tf("validity_until", &[("until", &cx.date(u))])),
        (None, None) => None,
    };
    match dates {
        Some(d) => cx.tf("validity_with_dates", &[("status", &text), ("dates", &d)]),
        None => text,
    }
}
