//! Problems found in a site, with the file, line and column they come from.
//!
//! Loading and validation never stop at the first problem: they push every
//! [`Diagnostic`] into a [`Diagnostics`] list so an editor sees all of them in one run
//! (ripgrep's `Partial` idea). Each diagnostic knows its file and, where it can, the
//! exact span, and is printed with a source snippet by `annotate-snippets`.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a problem is: errors stop the build, warnings do not (unless denied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A place in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte range in the file, for the snippet's underline.
    pub span: Range<usize>,
}

impl Location {
    /// The location of the byte offset `start` (and `len` bytes after it) in `source`.
    pub fn from_byte_range(source: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..start].chars().count() + 1;
        Location {
            line,
            column,
            span: start..end,
        }
    }

    /// The location of a 1-based line and 1-based character column in `source`.
    pub fn from_line_column(source: &str, line: usize, column: usize) -> Location {
        let line_start = source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            .min(source.len());
        let rest = &source[line_start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let offset = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        let start = line_start + offset;
        // Underline the token that starts here: a key, a value, or one character.
        let token_len = line_text[offset..]
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '}' | ']'))
            .unwrap_or(line_text.len() - offset);
        let first_char = line_text[offset..].chars().next().map_or(0, char::len_utf8);
        let end = start + token_len.max(first_char);
        Location {
            line,
            column: column.max(1),
            span: start..end.max(start),
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem, ready to be shown to an editor.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// The source text of the file, for the snippet.
    pub source: Option<Arc<str>>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error in `file` with no position (a missing file, an unreadable directory).
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            location: None,
            source: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning in `file` with no position.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Attaches the position and the file's text.
    pub fn at(mut self, source: &Arc<str>, location: Location) -> Diagnostic {
        self.source = Some(Arc::clone(source));
        self.location = Some(location);
        self
    }

    /// Attaches advice on how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// `file:line:column` (or just `file`), as editors and terminals link it.
    pub fn position(&self) -> String {
        match &self.location {
            Some(loc) => format!("{}:{}:{}", self.file.display(), loc.line, loc.column),
            None => self.file.display().to_string(),
        }
    }

    /// Renders the diagnostic with a source snippet; `styled` adds terminal colours.
    pub fn render(&self, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = self.file.display().to_string();
        let title = level.primary_title(&self.message);
        let mut report = Vec::new();
        match (&self.location, &self.source) {
            (Some(loc), Some(source)) => {
                let (text, line_start, span) = excerpt(source, loc);
                report.push(
                    title.element(
                        Snippet::source(text)
                            .path(&path)
                            .line_start(line_start)
                            .annotation(AnnotationKind::Primary.span(span)),
                    ),
                );
            }
            _ => report
                .push(Group::with_title(title).element(annotate_snippets::Origin::path(&path))),
        }
        if let Some(help) = &self.help {
            report.push(Group::with_title(Level::HELP.secondary_title(help)));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&report).to_string()
    }
}

/// Cuts the lines around `loc` out of `source`, so a long file prints a short snippet.
/// Returns the text, its first line number and the span relative to the text.
fn excerpt<'a>(source: &'a str, loc: &Location) -> (&'a str, usize, Range<usize>) {
    let first_line = loc.line.saturating_sub(2).max(1);
    let start = source
        .split_inclusive('\n')
        .take(first_line - 1)
        .map(str::len)
        .sum::<usize>();
    let last_line = loc.line + 1;
    let end = start
        + source[start..]
            .split_inclusive('\n')
            .take(last_line + 1 - first_line)
            .map(str::len)
            .sum::<usize>();
    let text = source[start..end].trim_end_matches(['\n', '\r']);
    let span_start = loc.span.start.saturating_sub(start).min(text.len());
    let span_end = loc
        .span
        .end
        .saturating_sub(start)
        .clamp(span_start, text.len());
    (text, first_line, span_start..span_end)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// All problems found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Prints every diagnostic with its snippet to standard error, styled when the
    /// terminal takes colour. Lives beside the type so `cli` and `serve` print alike
    /// without one depending on the other.
    pub fn print(&self) {
        for d in self.iter() {
            crate::say!("{}\n", d.render(true));
        }
    }

    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds every diagnostic of `other`: another list, or a `Vec` a stage collected.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Returns true if and only if at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// Sorts by file and position so output does not depend on load order.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.clone(),
                    d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)),
                    d.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        self.items.dedup_by(|a, b| {
            a.file == b.file && a.location == b.location && a.message == b.message
        });
    }
}

/// A list of the one problem that stopped a step.
impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

/// The problems a stage collected, as one list (`Vec<Diagnostic>` into `Diagnostics`).
impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Diagnostics {
        Diagnostics {
            items: items.into_iter().collect(),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Displays `path` relative to `root` when it lies inside it.
pub fn relative_to(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_made_from_one_problem_or_many() {
        let one = Diagnostics::from(Diagnostic::warning("a.yaml", "w"));
        assert!(!one.has_errors());
        assert_eq!(one.count(Severity::Warning), 1);
        let mut many: Diagnostics = vec![Diagnostic::error("b.yaml", "e")].into_iter().collect();
        many.extend(one);
        many.extend(vec![Diagnostic::error("c.yaml", "f")]);
        let messages: Vec<&str> = many.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, vec!["e", "w", "f"]);
        assert!(many.has_errors());
    }

    #[test]
    fn byte_range_location_counts_characters_not_bytes() {
        let src = "a: 1\n名称: 电子\n";
        let offset = src.find("电子").unwrap();
        let loc = Location::from_byte_range(src, offset..offset + "电子".len());
        assert_eq!((loc.line, loc.column), (2, 5));
    }

    #[test]
    fn line_column_location_finds_the_byte_offset() {
        let src = "a: 1\n名称: 电子\n";
        let loc = Location::from_line_column(src, 2, 5);
        assert_eq!(&src[loc.span.clone()], "电子");
        let loc = Location::from_line_column(src, 2, 1);
        assert_eq!(&src[loc.span.clone()], "名称");
    }

    #[test]
    fn rendered_diagnostic_names_file_line_column_and_help() {
        let src: Arc<str> = Arc::from("id: a\nchain: nope\n");
        let offset = src.find("nope").unwrap();
        let d = Diagnostic::error("content/plans/x/plan.yaml", "unknown chain `nope`")
            .at(&src, Location::from_byte_range(&src, offset..offset + 4))
            .help("add it to content/chains.yaml");
        let text = d.render(false);
        assert!(text.contains("unknown chain `nope`"), "{text}");
        assert!(text.contains("content/plans/x/plan.yaml:2:8"), "{text}");
        assert!(text.contains("add it to content/chains.yaml"), "{text}");
        assert_eq!(d.position(), "content/plans/x/plan.yaml:2:8");
    }
}
