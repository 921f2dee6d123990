//! Commentary files: optional YAML front matter between `---` lines, then Markdown.

use serde::de::DeserializeOwned;

use super::model::Commentary;
use super::raw::RawFrontMatter;
use crate::diagnostics::{Diagnostic, Location};
use crate::yaml::SourceFile;

/// Splits and checks a commentary file.
pub fn parse_commentary(file: SourceFile) -> Result<Commentary, Diagnostic> {
    file.refuse_control_characters()?;
    let Layout {
        front,
        body_start,
        body_line,
    } = split_front_matter(&file)?;
    let matter: RawFrontMatter = match front {
        Some((start, end)) => parse_section(&file, start, end)?,
        None => RawFrontMatter::default(),
    };
    if let Some(summary) = &matter.summary
        && summary.trim().is_empty()
    {
        {
            return Err(file
                .error_at(&crate::yaml::YamlPath::root(), "the summary is empty")
                .help("write one or two sentences, or remove the `summary` line"));
        }
    }
    Ok(Commentary {
        summary: matter.summary.map(|s| s.trim().to_string()),
        body_start,
        file,
        body_line,
    })
}

/// Where the parts of a commentary file lie.
struct Layout {
    /// Byte range of the front matter's YAML, if there is front matter.
    front: Option<(usize, usize)>,
    /// Byte offset where the Markdown body starts.
    body_start: usize,
    /// The body's first line (1-based).
    body_line: usize,
}

/// Finds the front matter and the body.
fn split_front_matter(file: &SourceFile) -> Result<Layout, Diagnostic> {
    let text = &file.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Layout {
            front: None,
            body_start: 0,
            body_line: 1,
        });
    }
    let mut offset = first_line_end;
    for (line, raw_line) in (2..).zip(text[first_line_end..].split_inclusive('\n')) {
        if raw_line.trim_end() == "---" {
            return Ok(Layout {
                front: Some((first_line_end, offset)),
                body_start: offset + raw_line.len(),
                body_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    Err(Diagnostic::error(
        &file.display,
        "the front matter opened on line 1 is never closed",
    )
    .at(&file.text, Location::from_byte_range(text, 0..3))
    .help("end the front matter with a line holding only `---`"))
}

/// Deserializes `file.text[start..end]`, reporting errors at their place in the file.
fn parse_section<T: DeserializeOwned + Default>(
    file: &SourceFile,
    start: usize,
    end: usize,
) -> Result<T, Diagnostic> {
    let section = &file.text[start..end];
    if section.trim().is_empty() {
        return Ok(T::default());
    }
    file.guard_before(start..end)?;
    serde_yaml::from_str(section).map_err(|e| match file.guard(start..end) {
        Err(refused) => refused,
        Ok(()) => file.yaml_error(&e, file.text[..start].matches('\n').count()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::guard;

    #[test]
    fn splits_front_matter_and_body() {
        let f = SourceFile::from_text("a.md", "---\nsummary: 摘要\n---\n# 标题\n正文\n");
        let c = parse_commentary(f).unwrap();
        assert_eq!(c.summary.as_deref(), Some("摘要"));
        assert_eq!(c.body(), "# 标题\n正文\n");
        assert_eq!(c.body_line, 4);
    }

    /// Front matter reads its events first only with an escape or a tag, and
    /// otherwise after failing: the guard's refusal comes either way, at its place
    /// in the whole file.
    #[test]
    fn hostile_front_matter_gets_the_guards_refusal_at_its_place() {
        let deep = format!(
            "---\nsummary: {}{}\n---\nbody\n",
            "[".repeat(40),
            "]".repeat(40)
        );
        let cases = [
            (
                deep.as_str(),
                "nested more than 32",
                "---\nsummary: ".len() + guard::MAX_DEPTH - 1,
            ),
            (
                "---\nsummary: x\n--- # more\nb: 1\n---\nbody\n",
                "second YAML document",
                "---\nsummary: x\n".len(),
            ),
            (
                "---\nsummary: !%07 x\n---\nbody\n",
                "`%07`",
                "---\nsummary: !".len(),
            ),
        ];
        for (text, message, at) in cases {
            let d = parse_commentary(SourceFile::from_text("a.md", text)).unwrap_err();
            assert!(d.message.contains(message), "{text:.40?}: {}", d.message);
            assert_eq!(d.location.map(|l| l.span.start), Some(at), "{text:.40?}");
        }
    }

    #[test]
    fn accepts_crlf_line_endings() {
        let f = SourceFile::from_text("a.md", "---\r\nsummary: x\r\n---\r\nbody\r\n");
        let c = parse_commentary(f).unwrap();
        assert_eq!(c.summary.as_deref(), Some("x"));
        assert_eq!(c.body(), "body\r\n");
    }

    #[test]
    fn file_without_front_matter_is_all_body() {
        let f = SourceFile::from_text("a.md", "Just text.\n");
        let c = parse_commentary(f).unwrap();
        assert_eq!(c.summary, None);
        assert_eq!(c.body_line, 1);
    }

    #[test]
    fn unknown_front_matter_field_is_located_in_the_file() {
        let f = SourceFile::from_text("a.md", "---\nsummary: x\ntitel: y\n---\nbody\n");
        let err = parse_commentary(f).unwrap_err();
        assert!(
            err.message.contains("unknown field `titel`"),
            "{}",
            err.message
        );
        assert_eq!(err.location.unwrap().line, 3);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let f = SourceFile::from_text("a.md", "---\nsummary: x\nbody\n");
        let err = parse_commentary(f).unwrap_err();
        assert!(err.message.contains("never closed"));
    }
}
