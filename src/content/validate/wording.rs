//! The words around a target's figure: its counting word, the period it recurs over,
//! and the facts marked inferred on a target or a record.

use super::Problems;
use super::check_text;
use super::plan::PlanContext;
use crate::content::raw::{RawRecordInferred, RawTarget, RawTargetInferred};
use crate::content::value::UnitKind;
use crate::content::wording::{
    Counting, Inference, Inferred, Period, RecordField, Recurrence, TargetField,
};
use crate::lang::Text;
use crate::yaml::{SourceFile, YamlPath};

impl PlanContext<'_> {
    /// The counting word and English noun, which only counts take.
    pub(super) fn counting(&self, t: &RawTarget, path: &YamlPath, out: &mut Problems) -> Counting {
        if t.unit.kind() != UnitKind::Count {
            for key in ["counter", "noun"] {
                let set = match key {
                    "counter" => t.counter.is_some(),
                    _ => t.noun.is_some(),
                };
                if set {
                    out.push(
                        self.file
                            .error_at(
                                &path.key(key),
                                format!("`{key}` is for counts, and `{}` is not a count", t.unit),
                            )
                            .help("remove it; the unit says how the figure is written"),
                    );
                }
            }
        }
        if let Some(n) = &t.noun {
            for (key, word) in [("one", &n.one), ("other", &n.other)] {
                if word.trim().is_empty() {
                    out.push(
                        self.file
                            .error_at(&path.key("noun").key(key), "the English noun is empty")
                            .help("write it as in `noun: {one: technology, other: technologies}`"),
                    );
                }
            }
        }
        Counting {
            counter: t.counter,
            noun: t.noun.clone(),
        }
    }

    /// The span of years an `each` figure applies to.
    pub(super) fn recurrence(
        &self,
        t: &RawTarget,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Recurrence> {
        let Some(each) = t.each else {
            if t.from.is_some() {
                out.push(
                    self.file
                        .error_at(&path.key("from"), "`from` is only read with `each`")
                        .help("add `each: year` if the figure applies to every year, or remove `from`"),
                );
            }
            return None;
        };
        let from = t.from.map_or(self.horizon.start.min(t.year.0), |y| y.0);
        if from > t.year.0 {
            out.push(
                self.file
                    .error_at(
                        &path.key("from"),
                        format!(
                            "the span starts ({from}) after the target year ({})",
                            t.year
                        ),
                    )
                    .help("`from` is the first year the figure applies to, `year` the last"),
            );
        }
        if each != Period::Year && t.value.0.forms().iter().any(|f| f.ends_with("growth")) {
            out.push(
                self.file
                    .error_at(
                        &path.key("each"),
                        "an average growth rate is a rate per year",
                    )
                    .help("remove `each`; `average_growth` already applies to every year"),
            );
        }
        Some(Recurrence {
            each,
            from,
            to: t.year.0,
        })
    }
}

/// The reasons given under a target's `inferred`, checked for both languages.
pub(super) fn target_inferred(
    file: &SourceFile,
    raw: &RawTargetInferred,
    path: &YamlPath,
    out: &mut Problems,
) -> Inferred<TargetField> {
    use TargetField as F;
    let fields = [
        (F::Name, &raw.name),
        (F::Subject, &raw.subject),
        (F::Region, &raw.region),
        (F::Metric, &raw.metric),
        (F::Unit, &raw.unit),
        (F::Year, &raw.year),
        (F::Value, &raw.value),
        (F::Baseline, &raw.baseline),
        (F::Each, &raw.each),
        (F::Counter, &raw.counter),
        (F::Clause, &raw.clause),
        (F::Responsible, &raw.responsible),
        (F::Lead, &raw.lead),
    ];
    collect(file, &fields, |f| f.key(), path, out)
}

/// The reasons given under a record's `inferred`.
pub(super) fn record_inferred(
    file: &SourceFile,
    raw: &RawRecordInferred,
    out: &mut Problems,
) -> Inferred<RecordField> {
    use RecordField as F;
    let fields = [
        (F::Title, &raw.title),
        (F::Issuer, &raw.issuer),
        (F::Issued, &raw.issued),
        (F::DocumentNumber, &raw.document_number),
        (F::Published, &raw.published),
    ];
    collect(
        file,
        &fields,
        |f| f.key(),
        &YamlPath::root().key("inferred"),
        out,
    )
}

fn collect<F: Copy>(
    file: &SourceFile,
    fields: &[(F, &Option<Text>)],
    key: impl Fn(F) -> &'static str,
    path: &YamlPath,
    out: &mut Problems,
) -> Inferred<F> {
    let mut inferred = Vec::new();
    for (field, reason) in fields {
        if let Some(reason) = reason {
            check_text(file, &path.key(key(*field)), reason, "the reason", out);
            inferred.push(Inference {
                field: *field,
                reason: reason.clone(),
            });
        }
    }
    Inferred(inferred)
}
