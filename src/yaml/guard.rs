//! Checks of a YAML text before it is deserialized, each cheap and each about a way
//! a hostile file could hurt the build or the pages.
//!
//! - Nesting is capped: a value 64,000 levels deep took half a minute to reject,
//!   in the passes that locate an error. No plansite file needs more than a dozen
//!   levels.
//!
//! The check reads the file's events with `saphyr-parser` and stops at the first
//! refusal, so an overly deep file costs only the prefix that shows it. A text the
//! event parser cannot read is left to the deserializer, which reports the error.

use std::ops::Range;

use saphyr_parser::{Event, Parser};

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

/// Refuses `text` if it nests deeper than [`MAX_DEPTH`].
pub fn check(text: &str) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    let mut last = 0;
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
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(super::char_to_byte(text, span.start.index())));
                }
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::StreamEnd => return Ok(()),
            _ => {}
        }
    }
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
