//! Cutting a file around one top-level block sequence, so each item of a plan's
//! `targets:` is read on its own and every item's first error is reported.

use std::sync::Arc;

use saphyr_parser::{Event, Parser};

use super::{SourceFile, char_to_byte, skip_node, skip_rest_of_node, start_document};

/// A file cut around one top-level block sequence (a plan's `targets:`), so that each
/// item can be deserialized on its own and the first error of *every* item reported,
/// not only the first of the file. Bytes cut out become spaces (newlines stay), so
/// every line, column and byte offset left is the same as in the file itself.
#[derive(Debug)]
pub struct SplitSequence {
    /// The file without the key and its sequence.
    pub rest: SourceFile,
    /// For each item, the file holding only the key's line and that item.
    pub items: Vec<SourceFile>,
}

impl SourceFile {
    /// Splits the file around the block sequence under the top-level `key`. `None`
    /// when the file has no such sequence or writes it in flow style (`[…]`), whose
    /// items cannot be cut apart by lines.
    pub fn split_sequence(&self, key: &str) -> Option<SplitSequence> {
        let text = &*self.text;
        let (key_at, items, end) = sequence_lines(text, key)?;
        let first_item = items.first().map_or(end, |r| r.start);
        let key_lines = key_at..first_item;
        let keep = |ranges: &[std::ops::Range<usize>]| SourceFile {
            display: self.display.clone(),
            text: Arc::from(blank_outside(text, ranges)),
        };
        Some(SplitSequence {
            rest: keep(&[0..key_at, end..text.len()]),
            items: items
                .iter()
                .map(|item| keep(&[key_lines.clone(), item.clone()]))
                .collect(),
        })
    }
}

/// The byte offset of the line holding `key`, the line ranges of each item of the
/// block sequence under it, and where the sequence ends.
fn sequence_lines(text: &str, key: &str) -> Option<(usize, Vec<std::ops::Range<usize>>, usize)> {
    let mut parser = Parser::new_from_str(text);
    start_document(&mut parser)?;
    let (root, _) = parser.next_event()?.ok()?;
    if !matches!(root, Event::MappingStart(..)) {
        return None;
    }
    loop {
        let (event, span) = parser.next_event()?.ok()?;
        match event {
            Event::Scalar(ref name, ..) if name.as_ref() == key => {
                let key_at = line_start(text, char_to_byte(text, span.start.index()));
                let (seq, seq_span) = parser.next_event()?.ok()?;
                let seq_at = char_to_byte(text, seq_span.start.index());
                if !matches!(seq, Event::SequenceStart(..)) || text[seq_at..].starts_with('[') {
                    return None;
                }
                let mut starts = Vec::new();
                let end = loop {
                    let (item, span) = parser.next_event()?.ok()?;
                    let at = char_to_byte(text, span.start.index());
                    if matches!(item, Event::SequenceEnd) {
                        break if at >= text.len() {
                            text.len()
                        } else {
                            line_start(text, at)
                        };
                    }
                    starts.push(line_start(text, dash_before(text, at)));
                    skip_rest_of_node(&mut parser, &item)?;
                };
                let items = starts
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| s..starts.get(i + 1).copied().unwrap_or(end).max(s))
                    .collect();
                return Some((key_at, items, end.max(key_at)));
            }
            Event::MappingEnd => return None,
            other => {
                skip_rest_of_node(&mut parser, &other)?;
                skip_node(&mut parser)?;
            }
        }
    }
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The `-` that opens the sequence item whose content starts at `at`. The content
/// may stand on a later line than its dash, after comments (`- # note`).
fn dash_before(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let line = line_start(text, at);
    if text[line..at].trim_end().ends_with('-') {
        return line + text[line..at].trim_end().len() - 1;
    }
    let mut end = line;
    while end > 0 {
        let start = line_start(text, end - 1);
        let previous = text[start..end].trim();
        if previous.is_empty() || previous.starts_with('#') {
            end = start;
            continue;
        }
        let dash = previous == "-" || previous.starts_with("- #") || previous.starts_with("-\t#");
        return if dash { start } else { at };
    }
    at
}

/// `text` with every character outside `keep` turned into spaces (one per byte, so
/// offsets stay), newlines kept.
fn blank_outside(text: &str, keep: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '\n' || keep.iter().any(|r| r.contains(&i)) {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}
