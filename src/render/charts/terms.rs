//! The document's words for a figure as a chart's CSV carries them: its modal word,
//! comparator and source, so a figure exported alone still says 力争, 以上 and where
//! it comes from.

use crate::content::*;
use crate::render::format;
use crate::render::keys::ChartWord;
use crate::render::views::ViewCtx;

/// The document's words for a target's figure, as the CSV carries them.
#[derive(Debug, Clone, Default)]
pub struct ValueTerms {
    pub qualifier: String,
    /// The stretch tier's modal word (力争), for the figure in the `upper` column.
    pub upper_qualifier: String,
    pub comparator: String,
    pub source: String,
}

/// The words a target's figures carry into the CSV; `source` is the citation of the
/// target's clause ([`source_words`]), made once by the caller for all its figures.
pub fn terms(cx: ViewCtx, target: &Target, source: &str) -> ValueTerms {
    let lang = cx.lang;
    let value = &target.value;
    let qualifier = value.qualifier().map_or(String::new(), |q| {
        format::qualifier_word(q, lang).to_string()
    });
    let upper_qualifier = match value {
        TargetValue::Tiers { stretch, .. } => {
            format::qualifier_word(stretch.qualifier.unwrap_or(Qualifier::Strive), lang).to_string()
        }
        _ => String::new(),
    };
    let comparator = match value {
        TargetValue::Single(b) | TargetValue::IncreaseBy(b) | TargetValue::AverageGrowth(b) => {
            format::comparator_word(b.comparator, lang).to_string()
        }
        TargetValue::Tiers { floor, .. } => {
            format::comparator_word(floor.comparator, lang).to_string()
        }
        // 3～5家以上 / 3～5%以下: the open end is the range's comparator.
        TargetValue::Range { or: Some(end), .. } => format::comparator_word(
            match end {
                OpenEnd::More => Comparator::AtLeast,
                OpenEnd::Less => Comparator::AtMost,
            },
            lang,
        )
        .to_string(),
        TargetValue::Range { .. } | TargetValue::Double { .. } => String::new(),
    };
    ValueTerms {
        qualifier,
        upper_qualifier,
        comparator,
        source: source.to_string(),
    }
}

/// A source as a citation: the document's title and the clause.
pub fn source_words(cx: ViewCtx, source: &SourceRef) -> String {
    let title = cx
        .site
        .records
        .get(&source.record)
        .map_or(source.record.as_str(), |r| cx.text(&r.title));
    match source.clause.as_deref() {
        Some(clause) => cx.cite(title, &[clause]),
        None => cx.tf(ChartWord::Document.key(), &[("title", title)]),
    }
}
