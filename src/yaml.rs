//! Reading YAML files into typed structs, with errors that point into the file.
//!
//! `serde_yaml` reports the position of syntax and type errors itself. Problems found
//! later, by validation (an unknown chain, a breakdown that does not add up), only know
//! the *path* of the offending value, such as `targets[3].chain`. [`locate`] turns such a
//! path back into a line and column by walking the file's events with `saphyr-parser`,
//! which keeps spans. That second parse happens only when there is an error to show, so
//! a clean build pays nothing for it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use saphyr_parser::{Event, Parser, Span};
use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location};

mod split;
pub mod teach;
pub use split::SplitSequence;

pub mod guard;

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path to a value in a YAML document, such as `targets[3].value.range`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YamlPath(Vec<Segment>);

impl YamlPath {
    /// The document root.
    pub fn root() -> YamlPath {
        YamlPath(Vec::new())
    }

    /// This path followed by a mapping key.
    pub fn key(&self, key: &str) -> YamlPath {
        let mut p = self.clone();
        p.0.push(Segment::Key(key.to_string()));
        p
    }

    /// This path followed by a sequence index.
    pub fn index(&self, index: usize) -> YamlPath {
        let mut p = self.clone();
        p.0.push(Segment::Index(index));
        p
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A text file of the site, read once and kept for error snippets.
#[derive(Clone)]
pub struct SourceFile {
    /// The path shown to the editor (relative to the site root).
    pub display: PathBuf,
    /// The text, without a leading byte-order mark.
    pub text: Arc<str>,
}

/// The text as it is, after its length: incremental builds fingerprint the model by
/// its `Debug` form, and escaping every character of every commentary file took most
/// of that time (0.9 s at 10,000 targets).
impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SourceFile({:?}, {}:", self.display, self.text.len())?;
        f.write_str(&self.text)?;
        f.write_str(")")
    }
}

impl SourceFile {
    /// Reads `path`, naming it `display` in messages. Non-UTF-8 bytes are an error
    /// pointing at the first bad byte; a UTF-8 byte-order mark is dropped.
    pub fn read(path: &Path, display: &Path) -> Result<SourceFile, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(display, format!("cannot read file: {e}"))
                .help("check that the file exists and is readable")
        })?;
        SourceFile::from_bytes(display, bytes)
    }

    /// Builds a source file from bytes already in memory.
    pub fn from_bytes(display: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Ok(SourceFile {
                    display: display.to_path_buf(),
                    text: Arc::from(text),
                })
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes[..valid]));
                let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes));
                let loc = Location::from_byte_range(&prefix, valid..valid);
                let loc = Location {
                    span: loc.span.start..loc.span.start + '\u{fffd}'.len_utf8(),
                    ..loc
                };
                Err(Diagnostic::error(
                    display,
                    format!("the file is not valid UTF-8 (bad byte at offset {valid})"),
                )
                .at(&lossy, loc)
                .help("save the file as UTF-8; GBK or GB 18030 encodings are not accepted"))
            }
        }
    }

    /// Builds a source file from text (tests, generated files).
    pub fn from_text(display: impl Into<PathBuf>, text: &str) -> SourceFile {
        SourceFile {
            display: display.into(),
            text: Arc::from(text.strip_prefix('\u{feff}').unwrap_or(text)),
        }
    }

    /// Deserializes the whole file as `T`. Structs use `deny_unknown_fields`, so a
    /// misspelt key is an error here, located at the key. `T` must nest no deeper than
    /// [`guard::MAX_DEPTH`] (every content structure does): a small file without
    /// escapes or tags is checked for depth only if it fails to deserialize. A type of
    /// any depth (a YAML `Value`) is parsed only from text a typed parse accepted.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        if self.text.trim().is_empty() {
            return Err(Diagnostic::error(&self.display, "the file is empty")
                .help("fill it in, or delete it if it is not needed"));
        }
        self.guard_before(0..self.text.len())?;
        match serde_yaml::from_str(&self.text) {
            Ok(value) => Ok(value),
            // Only a failing file pays for tracking the path of each value, after the
            // checks that stop a hostile one quickly.
            Err(plain) => {
                self.guard(0..self.text.len())?;
                let deserializer = serde_yaml::Deserializer::from_str(&self.text);
                match serde_path_to_error::deserialize::<_, T>(deserializer) {
                    Err(e) => Err(self.path_error(&e)),
                    Ok(_) => Err(self.yaml_error(&plain, 0)),
                }
            }
        }
    }

    /// Refuses a control character anywhere in the file (commentary bodies, which are
    /// not YAML, go through this alone).
    pub fn refuse_control_characters(&self) -> Result<(), Diagnostic> {
        guard::control_characters(&self.text).map_err(|r| self.refusal(r, 0))
    }

    /// The checks of [`guard`] that the YAML at `range` needs before it is
    /// deserialized: raw control characters always, and the event parser's checks
    /// where [`guard::needs_events_first`] says so (a large text, or one that could
    /// write a control character as an escape or in a tag).
    ///
    /// Reading the events cost as much as deserializing (a fifth of loading a large
    /// site), and for a file that deserializes it finds nothing else: our structures
    /// nest a few levels, and the deserializer refuses a second document itself. A
    /// file that fails runs [`SourceFile::guard`] before its error is located, which
    /// is where a deep file used to cost half a minute.
    pub fn guard_before(&self, range: std::ops::Range<usize>) -> Result<(), Diagnostic> {
        let start = range.start;
        let text = &self.text[range.clone()];
        if guard::needs_events_first(text) {
            self.guard(range)
        } else {
            guard::control_characters(text).map_err(|r| self.refusal(r, start))
        }
    }

    /// Runs the checks of [`guard`] on the YAML at `range` of the file (all of it, or
    /// a commentary's front matter).
    pub fn guard(&self, range: std::ops::Range<usize>) -> Result<(), Diagnostic> {
        let start = range.start;
        guard::check(&self.text[range]).map_err(|r| self.refusal(r, start))
    }

    /// A refusal of [`guard`] in the text at byte `start` of the file, as a diagnostic.
    fn refusal(&self, r: guard::Refusal, start: usize) -> Diagnostic {
        let span = start + r.span.start..start + r.span.end;
        Diagnostic::error(&self.display, r.message)
            .at(&self.text, Location::from_byte_range(&self.text, span))
            .help(r.help)
    }

    /// Locates an error at the exact value it is about. serde_yaml places errors raised
    /// by our own checks (an invalid id, an implausible year) at the start of the
    /// enclosing mapping; the path of the failing value, tracked while deserializing,
    /// finds the value itself.
    fn path_error(&self, e: &serde_path_to_error::Error<serde_yaml::Error>) -> Diagnostic {
        let mut d = self.yaml_error(e.inner(), 0);
        let message = d.message.clone();
        let keeps_yaml_position = message.contains("unknown field")
            || message.contains("missing field")
            || e.inner().location().is_none();
        if keeps_yaml_position {
            return d;
        }
        let path = yaml_path(e.path());
        let reported = d.location.as_ref().map_or(0, |l| l.span.start);
        // Only move forward, into the mapping serde_yaml pointed at: a syntax error's
        // own position is already exact and lies after the value it broke.
        if let Some(loc) = locate_exactly(&self.text, &path)
            && loc.span.start > reported
        {
            d = d.at(&self.text, loc);
            // The location now says where; drop serde_yaml's path prefix.
            if let Some((prefix, rest)) = message.split_once(": ")
                && !prefix.contains(char::is_whitespace)
                && path.to_string().starts_with(prefix)
            {
                d.message = rest.to_string();
            }
        }
        d
    }

    /// Turns a serde_yaml error into a diagnostic. `line_offset` is added to the line
    /// the error gives, for errors in a section of the file (front matter).
    pub fn yaml_error(&self, e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
        let full = e.to_string();
        let message = teach::reword(strip_position(&full));
        let lines: Vec<&str> = match e.location() {
            Some(loc) => {
                let n = loc.line() + line_offset;
                let first = n.saturating_sub(2);
                self.text.lines().skip(first).take(n - first).collect()
            }
            None => Vec::new(),
        };
        if full.contains("end of stream")
            && let Some(d) = self.unclosed_before(e, line_offset)
        {
            return d;
        }
        let help = teach::help(&message, &lines);
        let mut d = Diagnostic::error(&self.display, message.clone());
        if let Some(loc) = e.location() {
            // libyaml notices a key glued to its value (or a full-width colon) only on
            // the next line; point at the line that holds the slip.
            let line = loc.line() + line_offset;
            let slip_above = message.contains("could not find expected ':'")
                && lines.len() == 2
                && (teach::glued_colon(lines[0]) || lines[0].contains('：'));
            d = d.at(
                &self.text,
                match slip_above {
                    true => {
                        let column = lines[0].len() - lines[0].trim_start().len() + 1;
                        Location::from_line_column(&self.text, line - 1, column)
                    }
                    false => Location::from_line_column(&self.text, line, loc.column()),
                },
            );
        }
        match help {
            Some(h) => d.help(h),
            None => d,
        }
    }

    /// The file ended inside a quote or a bracket: libyaml reports the end, which
    /// says nothing useful, so the diagnostic points at the first quote or bracket
    /// left open in the lines before it instead.
    fn unclosed_before(&self, e: &serde_yaml::Error, line_offset: usize) -> Option<Diagnostic> {
        let end = e.location().map_or(usize::MAX, |l| l.line() + line_offset);
        let (n, column, opener) = self
            .text
            .lines()
            .enumerate()
            .skip(line_offset)
            .take(end.saturating_sub(line_offset))
            .find_map(|(n, line)| {
                teach::unclosed(line).map(|(i, c)| (n + 1, line[..i].chars().count() + 1, c))
            })?;
        let message = format!("the file ends inside a `{opener}` opened here");
        let d = Diagnostic::error(&self.display, message).at(
            &self.text,
            Location::from_line_column(&self.text, n, column),
        );
        Some(d.help(teach::unclosed_help(opener)))
    }

    /// An error about the value at `path`, located in this file.
    pub fn error_at(&self, path: &YamlPath, message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::error(&self.display, message);
        self.locate_diagnostic(d, path)
    }

    /// A warning about the value at `path`, located in this file.
    pub fn warning_at(&self, path: &YamlPath, message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::warning(&self.display, message);
        self.locate_diagnostic(d, path)
    }

    fn locate_diagnostic(&self, d: Diagnostic, path: &YamlPath) -> Diagnostic {
        match locate(&self.text, path) {
            Some(loc) => d.at(&self.text, loc),
            None => d,
        }
    }
}

/// serde_yaml appends " at line L column C" (and libyaml a "while parsing" context);
/// the position is shown separately, so the message keeps only what went wrong.
fn strip_position(message: &str) -> &str {
    let cut = [" at line ", " at position "]
        .iter()
        .filter_map(|pat| message.find(pat))
        .min()
        .unwrap_or(message.len());
    message[..cut].trim_end_matches(',')
}

/// Converts serde's record of where deserialization failed into a YAML path. An enum
/// variant written as a single-key map (`{exceed: 1000}`) is a key in YAML.
fn yaml_path(path: &serde_path_to_error::Path) -> YamlPath {
    let mut out = YamlPath::root();
    for segment in path.iter() {
        out = match segment {
            serde_path_to_error::Segment::Seq { index } => out.index(*index),
            serde_path_to_error::Segment::Map { key } => out.key(key),
            serde_path_to_error::Segment::Enum { variant } => out.key(variant),
            serde_path_to_error::Segment::Unknown => out,
        };
    }
    out
}

/// Like [`locate`], but only if the whole path exists in the document.
fn locate_exactly(text: &str, path: &YamlPath) -> Option<Location> {
    locate_reaching(text, path, Reach::Whole)
}

/// Finds the line and column of the value at `path` in `text`. When the path does not
/// exist to the end (a missing field), the deepest existing node is returned, which is
/// where the missing value belongs.
pub fn locate(text: &str, path: &YamlPath) -> Option<Location> {
    locate_reaching(text, path, Reach::Deepest)
}

/// What [`walk`] returns when a path does not exist to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Nothing: only the whole path is wanted.
    Whole,
    /// The deepest node that exists along the path.
    Deepest,
}

fn locate_reaching(text: &str, path: &YamlPath, reach: Reach) -> Option<Location> {
    let mut parser = Parser::new_from_str(text);
    start_document(&mut parser)?;
    let span = walk(&mut parser, path.segments(), reach)?;
    let start = char_to_byte(text, span.start.index());
    let end = char_to_byte(text, span.end.index()).max(start);
    // A collection's span covers only its first token; underline one line at most.
    let end = text[start..end].find('\n').map_or(end, |n| start + n);
    Some(Location::from_byte_range(text, start..end))
}

/// Reads the events before the document's root node (StreamStart, DocumentStart).
fn start_document<'a>(parser: &mut Parser<'a, saphyr_parser::StrInput<'a>>) -> Option<()> {
    loop {
        let (event, _) = parser.next_event()?.ok()?;
        if matches!(event, Event::DocumentStart(_)) {
            return Some(());
        }
    }
}

fn char_to_byte(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(i, _)| i)
}

/// Reads the node starting at the next event and descends along `path`; where the
/// path stops short, returns what `reach` asks for.
fn walk<'a>(
    parser: &mut Parser<'a, saphyr_parser::StrInput<'a>>,
    path: &[Segment],
    reach: Reach,
) -> Option<Span> {
    let (event, span) = parser.next_event()?.ok()?;
    let short = |span: Span| (reach == Reach::Deepest).then_some(span);
    let Some((first, rest)) = path.split_first() else {
        // The deepest node is read to its end: one the parser cannot finish is not
        // pointed at.
        if reach == Reach::Deepest {
            skip_rest_of_node(parser, &event)?;
        }
        return Some(span);
    };
    match (event, first) {
        (Event::MappingStart(..), Segment::Key(wanted)) => loop {
            let (key, key_span) = parser.next_event()?.ok()?;
            match key {
                Event::MappingEnd => return short(span),
                Event::Scalar(ref k, ..) if k.as_ref() == wanted.as_str() => {
                    return walk(parser, rest, reach).or(short(key_span));
                }
                other => {
                    skip_rest_of_node(parser, &other)?;
                    skip_node(parser)?;
                }
            }
        },
        (Event::SequenceStart(..), Segment::Index(wanted)) => {
            for _ in 0..*wanted {
                let (item, _) = parser.next_event()?.ok()?;
                if matches!(item, Event::SequenceEnd) {
                    return short(span);
                }
                skip_rest_of_node(parser, &item)?;
            }
            walk(parser, rest, reach).or(short(span))
        }
        // A plain scalar such as `double` stands for a unit enum variant.
        (Event::Scalar(..), Segment::Key(_)) if rest.is_empty() => Some(span),
        _ => short(span),
    }
}

/// Consumes one whole node.
fn skip_node<'a>(parser: &mut Parser<'a, saphyr_parser::StrInput<'a>>) -> Option<()> {
    let (event, _) = parser.next_event()?.ok()?;
    skip_rest_of_node(parser, &event)
}

/// Having read `first`, consumes the rest of its node (the children of a collection).
fn skip_rest_of_node<'a>(
    parser: &mut Parser<'a, saphyr_parser::StrInput<'a>>,
    first: &Event<'_>,
) -> Option<()> {
    let mut depth = match first {
        Event::MappingStart(..) | Event::SequenceStart(..) => 1usize,
        _ => return Some(()),
    };
    while depth > 0 {
        let (event, _) = parser.next_event()?.ok()?;
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            Event::StreamEnd => return None,
            _ => {}
        }
    }
    Some(())
}

#[cfg(test)]
mod tests;
