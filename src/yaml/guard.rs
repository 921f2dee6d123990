//! Checks of a YAML text, each cheap and each about a way a hostile file could hurt
//! the build or the pages.
//!
//! - Nesting is capped: a value 64,000 levels deep took half a minute to reject,
//!   in the passes that locate an error. No plansite file needs more than a dozen
//!   levels.
//! - Control characters are refused, written raw, as an escape (`"\0"`, `"\e"`,
//!   `"\x85"`) or in a tag (`!%1B`): invisible in an editor, they reached pages,
//!   data files and charts, broke the charts' XML, and reached the terminal in
//!   error messages. Tab, line feed and carriage return are text.
//! - A file holds one document: serde_yaml refuses a second one (`---` again)
//!   without saying where it starts.
//!
//! [`check`] reads the file's events with `saphyr-parser` and stops at the first
//! refusal, so an overly deep file costs only the prefix that shows it. A text the
//! event parser cannot read is left to the deserializer, which reports the error.
//! [`crate::yaml::SourceFile::parse`] runs it before deserializing only where
//! [`needs_events_first`] says so, and otherwise after a failure.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// The deepest nesting of mappings and sequences a file may use. A plan's deepest
/// value (`targets[0].value.tiers.floor.exceed`) is six levels down.
pub const MAX_DEPTH: usize = 32;

/// Why a text is refused, and where (a byte range of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
}

/// Returns true if and only if `c` is a control character text may not hold: C0
/// controls but tab, line feed and carriage return; DEL; the C1 controls.
pub fn is_forbidden_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Refuses `text` if it holds a control character written as it is. A byte scan:
/// every file of the site goes through it.
pub fn control_characters(text: &str) -> Result<(), Refusal> {
    let bytes = text.as_bytes();
    let found = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            // C1 controls are U+0080–U+009F, encoded as C2 80 to C2 9F.
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    match found {
        None => Ok(()),
        Some(at) => {
            let c = text[at..].chars().next().unwrap_or('\0');
            Err(Refusal {
                span: at..at + c.len_utf8(),
                message: format!("the file holds the control character U+{:04X}", c as u32),
                help: CONTROL_HELP.into(),
            })
        }
    }
}

const CONTROL_HELP: &str = "remove it: control characters are invisible in an editor and \
     would reach pages, data files and charts; use a space or a line break";

/// Above this size a text is read for its events before it is deserialized: the
/// deserializer's parser has no nesting cap, and on megabytes of `[` it would take
/// far longer than the events take to show the file is too deep. A plan of about 200
/// targets fits under it.
pub const EVENTS_FIRST_ABOVE: usize = 64 * 1024;

/// Above this many `[` and `{` a text is read for its events first too: the
/// deserializer's parser takes time in proportion to its tokens times the depth of
/// the open brackets (up to a thousand), so a file under [`EVENTS_FIRST_ABOVE`] but
/// deeply nested took two seconds to refuse, against a fiftieth of a second with
/// the events read first. Counted without regard to quotes, so that no quoting can
/// hide a bracket; a plan of 50 targets has about 300.
pub const EVENTS_FIRST_OPENINGS: usize = 1024;

/// Whether `text` must have its events read before it is deserialized: when it is
/// large or holds many openings (see [`EVENTS_FIRST_ABOVE`] and
/// [`EVENTS_FIRST_OPENINGS`]), or when it may write a character in a way the byte
/// scan of [`control_characters`] cannot see: an escape (`"\e"`) starts with a
/// backslash, and a tag (`!%1B`), whose `%` escapes are decoded, with `!`.
pub fn needs_events_first(text: &str) -> bool {
    text.len() > EVENTS_FIRST_ABOVE
        || text.contains(['\\', '!'])
        || text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() > EVENTS_FIRST_OPENINGS
}

/// Refuses `text` if it holds a control character, raw or written as an escape or in
/// a tag, if it holds a second document, or if it nests deeper than [`MAX_DEPTH`].
pub fn check(text: &str) -> Result<(), Refusal> {
    control_characters(text)?;
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    let mut last = 0;
    let mut documents = 0;
    loop {
        let (event, span) = match parser.next_event() {
            Some(Ok(next)) => next,
            // The event parser has a nesting limit of its own, and looks ahead: a
            // deep value may stop it before the cap is reached.
            Some(Err(e)) if e.info().contains("recursion limit") => {
                let at = super::char_to_byte(text, e.marker().index());
                let from = super::char_to_byte(text, last);
                return Err(too_deep(bracket_depth(text, from, depth).unwrap_or(at)));
            }
            // What the event parser cannot read, the deserializer reports; only the
            // brackets are counted here, which is all that makes it slow.
            Some(Err(_)) => {
                return bracket_depth(text, 0, 0).map_or(Ok(()), |at| Err(too_deep(at)));
            }
            None => return Ok(()),
        };
        // A character index: turned into a byte offset only if it is needed.
        last = span.end.index().max(last);
        if let Event::Scalar(.., Some(tag))
        | Event::MappingStart(_, Some(tag))
        | Event::SequenceStart(_, Some(tag)) = &event
        {
            let at = super::char_to_byte(text, span.start.index());
            // The tag as written is read too: the event parser decodes a two-byte
            // escape (`%C2%85`) as one wrong character, the deserializer's parser
            // decodes it right.
            let written = tag_escape(text, at);
            let decoded = [&tag.handle, &tag.suffix]
                .iter()
                .any(|t| t.chars().any(is_forbidden_control));
            if written.is_some() || decoded {
                return Err(control_in_tag(text, written.unwrap_or((at, 1))));
            }
        }
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(super::char_to_byte(text, span.start.index())));
                }
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::Scalar(value, ScalarStyle::DoubleQuoted, ..)
                if value.chars().any(is_forbidden_control) =>
            {
                let start = super::char_to_byte(text, span.start.index());
                return Err(control_escape(text, start));
            }
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    let at = super::char_to_byte(text, span.start.index());
                    return Err(Refusal {
                        span: at..at + 3,
                        message: "a second YAML document starts here".into(),
                        help: "a file holds one document: remove this `---` line, or move what follows into a file of its own".into(),
                    });
                }
            }
            Event::StreamEnd => return Ok(()),
            _ => {}
        }
    }
}

/// The refusal of a control character written as an escape in the double-quoted
/// scalar that starts at byte `start`: located at the escape itself.
fn control_escape(text: &str, start: usize) -> Refusal {
    let found = forbidden_escape(&text[start..]);
    let (at, len, code) = found.map_or((start, 1, 0), |(at, len, c)| (start + at, len, c));
    Refusal {
        span: at..at + len,
        message: format!(
            "the text holds the control character U+{code:04X}, written as the escape `{}`",
            &text[at..at + len]
        ),
        help: CONTROL_HELP.into(),
    }
}

/// In a double-quoted scalar (`quoted` starts at its opening quote), the byte
/// offset and length of the first escape that stands for a forbidden control
/// character, and the character's code.
fn forbidden_escape(quoted: &str) -> Option<(usize, usize, u32)> {
    let mut chars = quoted.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let (_, e) = chars.next()?;
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                let code = if digits == 0 {
                    match e {
                        '0' => 0,
                        'a' => 7,
                        'b' => 8,
                        'v' => 0xb,
                        'f' => 0xc,
                        'e' => 0x1b,
                        'N' => 0x85,
                        _ => continue,
                    }
                } else {
                    let hex = quoted.get(i + 2..i + 2 + digits)?;
                    for _ in 0..digits {
                        chars.next();
                    }
                    u32::from_str_radix(hex, 16).ok()?
                };
                if char::from_u32(code).is_some_and(is_forbidden_control) {
                    return Some((i, 2 + digits, code));
                }
            }
            _ => {}
        }
    }
    None
}

/// The first `%` escape of a forbidden control character in a tag written on the
/// line of the node at byte `at` (its properties, `&anchor !tag`, come first): its
/// byte offset and length.
fn tag_escape(text: &str, at: usize) -> Option<(usize, usize)> {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..line_end];
    let mut offset = 0;
    line.split(' ').find_map(|word| {
        let start = offset;
        offset += word.len() + 1;
        let escape = word.starts_with('!').then(|| percent_control(word))??;
        Some((line_start + start + escape.0, escape.1))
    })
}

/// The refusal of a control character written in a tag, at `(start, len)`.
fn control_in_tag(text: &str, (start, len): (usize, usize)) -> Refusal {
    Refusal {
        span: start..start + len,
        message: format!(
            "the tag holds a control character, written as `{}`",
            &text[start..start + len]
        ),
        help: "remove the tag: plansite's files need no YAML tags (`!name`), and this one \
               holds a character invisible in an editor"
            .into(),
    }
}

/// The byte offset and length of the first `%XX` escape in `word` that stands for a
/// forbidden control character (see [`is_forbidden_control`]): one escape for C0
/// and DEL, two (`%C2%85`) for the C1 controls, which are two bytes in UTF-8.
fn percent_control(word: &str) -> Option<(usize, usize)> {
    let byte = |i: usize| {
        let hex = word.get(i..i + 3)?.strip_prefix('%')?;
        u8::from_str_radix(hex, 16).ok()
    };
    (0..word.len()).find_map(|i| {
        let (c, len) = match byte(i)? {
            b @ 0..=0x7f => (char::from(b), 3),
            0xc2 => (
                char::from(byte(i + 3).filter(|n| (0x80..=0xbf).contains(n))?),
                6,
            ),
            _ => return None,
        };
        is_forbidden_control(c).then_some((i, len))
    })
}

fn too_deep(at: usize) -> Refusal {
    Refusal {
        span: at..at + 1,
        message: format!("the value is nested more than {MAX_DEPTH} levels deep"),
        help: "no plansite file needs this many levels: check the brackets and the indentation"
            .into(),
    }
}

/// Where flow brackets (`[`, `{`) outside quotes and comments, counted from byte
/// `from` at nesting `depth`, first nest deeper than the cap, if they do: a rough
/// count for texts the event parser gave up on.
fn bracket_depth(text: &str, from: usize, mut depth: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    let mut escaped = false;
    for (i, c) in text[from..].char_indices() {
        let i = from + i;
        match (quote, c) {
            _ if comment => comment = c != '\n',
            (Some('"'), '\\') if !escaped => escaped = true,
            (Some(q), _) if c == q && !escaped => quote = None,
            (Some(_), _) => escaped = false,
            (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                quote = Some(c)
            }
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_at_the_level_that_exceeds_the_cap_and_quickly() {
        let n = 64_000;
        let text = format!("a:\n  b: {}{}\n", "[".repeat(n), "]".repeat(n));
        let started = std::time::Instant::now();
        let refusal = check(&text).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // The root mapping and `a` make two levels; the 31st bracket is the 33rd.
        assert_eq!(refusal.span.start, "a:\n  b: ".len() + MAX_DEPTH - 2);
        assert_eq!(
            bracket_depth(&text, 0, 0),
            Some("a:\n  b: ".len() + MAX_DEPTH)
        );
        let after_junk = format!("a: \"x\" y\n%\n{}", "{a: ".repeat(1000));
        assert!(check(&after_junk).is_err());
        let blocks: String = (0..40).map(|i| format!("{}- \n", "  ".repeat(i))).collect();
        assert!(check(&blocks).is_err());
        let dashes = format!("{}x\n", "- ".repeat(40));
        assert!(check(&dashes).is_err());
    }

    #[test]
    fn control_characters_are_refused_raw_or_escaped_at_their_place() {
        let raw = check("a: x\nb: y\u{7}z\n").unwrap_err();
        assert_eq!(raw.span, 9..10);
        assert!(raw.message.contains("U+0007"), "{}", raw.message);
        assert_eq!(check("a: \u{85}\n").unwrap_err().span, 3..5);
        assert_eq!(check("a: \u{7f}\n").unwrap_err().span, 3..4);
        for (text, escape, code) in [
            ("a: \"x\\0y\"\n", "\\0", "U+0000"),
            ("a: \"\\e[31m\"\n", "\\e", "U+001B"),
            ("a: \"\\\\ \\x85\"\n", "\\x85", "U+0085"),
            ("a: \"\\u0001\"\n", "\\u0001", "U+0001"),
            ("{\"\\U0000009b\": 1}\n", "\\U0000009b", "U+009B"),
        ] {
            assert_refused_at(text, escape, code);
        }
        for fine in [
            "a: \"tab\\tnew\\nline\\r \\u00e9 \\x41\"\n",
            "a: 'x\\0'\n",
            "a: x\\e\n",
            "a: \"\t\"\r\n",
        ] {
            assert_eq!(check(fine), Ok(()), "{fine:?}");
        }
    }

    #[test]
    fn control_characters_in_tags_are_refused_at_their_escape() {
        for (text, escape) in [
            ("metric: !%1B output\n", "%1B"),
            ("a: &x !y%09%1b z\n", "%1b"),
            ("a: !foo%7F x\n", "%7F"),
            ("a:\n  - !x%C2%85y [1]\n", "%C2%85"),
            ("a: !<tag:x%00> {b: 1}\n", "%00"),
        ] {
            assert_refused_at(text, escape, "tag");
        }
        for fine in [
            "a: !!str 1\n",
            "a: !foo%41 x\n",
            "a: !x%C3%A9 y\n",
            "a: '!%1B'\n",
        ] {
            assert_eq!(check(fine), Ok(()), "{fine:?}");
        }
    }

    /// `text` is refused at `at`, with a message that says `says`.
    fn assert_refused_at(text: &str, at: &str, says: &str) {
        let r = check(text).unwrap_err();
        assert_eq!(&text[r.span.clone()], at, "{text:?}");
        assert!(r.message.contains(says), "{}", r.message);
    }

    #[test]
    fn a_second_document_is_refused_at_its_start() {
        let r = check("---\na: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(r.span.start, "---\na: 1\n".len());
        assert!(check("a: 1\n...\n---\nb: 2\n").is_err());
        assert_eq!(check("---\na: 1\n...\n"), Ok(()));
    }

    #[test]
    fn ordinary_files_pass() {
        let plan = include_str!("../scaffold/starter/content/plans/example-2025/plan.yaml");
        assert_eq!(check(plan), Ok(()));
        assert_eq!(
            check(&format!("{}1{}", "[".repeat(31), "]".repeat(31))),
            Ok(())
        );
        let quoted = format!(
            "a: '{}' # {}\nb: \"{}\"\n",
            "[".repeat(40),
            "{".repeat(40),
            "[".repeat(40)
        );
        assert_eq!(bracket_depth(&quoted, 0, 0), None);
    }
}
