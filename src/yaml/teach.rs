//! serde's messages in an editor's words.
//!
//! serde names the Rust type it wanted (`expected struct RawBreakdown`, `expected
//! f64`); an editor needs the shape to write instead, with a one-line example. And a
//! generic "check the type" helps nobody who wrote `{zh: "4+4+X"产业, …}`: the likely
//! causes of the common slips are recognised from the message and the line itself.

/// What an editor writes where serde expected the Rust type `name`, as a phrase
/// with an example; `None` for a name this table does not know.
pub fn shape_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "Localized" => {
            "text in both languages, such as `{zh: 电子信息, en: Electronic information}`"
        }
        "Noun" => "an English noun, such as `{one: technology, other: technologies}`",
        "RawConfig" => "the site's settings: fields such as `title:` and `base_url:`",
        "RawFooter" => "a footer, such as `{organisation: {zh: 示例市人民政府办公室, en: …}}`",
        "RawFiling" => {
            "a filing, such as `{label: {zh: 赣ICP备00000000号, en: …}, url: https://beian.miit.gov.cn/}`"
        }
        "RawChain" | "RawTopic" => {
            "an entry, such as `{id: electronic-information, name: {zh: 电子信息, en: Electronic information}}`"
        }
        "RawRegion" => {
            "a region, such as `{id: ganzhou, name: {zh: 赣州市, en: Ganzhou}, parent: jiangxi}`"
        }
        "RawUnit" => {
            "a department, such as `{id: ganzhou-industry-bureau, name: {zh: …, en: …}, region: ganzhou}`"
        }
        "RawRecord" => {
            "a source record: fields such as `title:`, `issuer:`, `issued:` and `clauses:`"
        }
        "RawValidity" => "a validity, such as `{status: in_force}`",
        "RawRecordInferred" | "RawTargetInferred" => {
            "the reasons for inferred facts, one per field, such as `{year: {zh: …, en: …}}`"
        }
        "RawPublication" => {
            "a publication, such as `{publisher: {zh: …, en: …}, date: 2023-03-02}`"
        }
        "RawClause" => "a clause, such as `{id: 二(一), title: {zh: 发展目标, en: Goals}}`",
        "RawPlan" => {
            "a plan: fields such as `issuer:`, `region:`, `record:`, `horizon:` and `targets:`"
        }
        "RawHorizon" => "a period, such as `{start: 2021, end: 2025}`",
        "RawTarget" => {
            "a target: a list item with `id:`, `name:`, `metric:`, `unit:`, `year:`, `value:` and `source:`"
        }
        "RawBaseline" => "a baseline, such as `{year: 2020, value: 500}`",
        "RawBreakdown" => {
            "a breakdown, such as `{kind: partition, parts: [{region: ganzhou, value: 120}]}`"
        }
        "RawPart" => "a part, such as `{region: ganzhou, value: 120}`",
        "RawSource" => "a source, such as `{clause: 二(一)}`",
        "RawActual" => {
            "an outcome, such as `{year: 2023, value: 1350, source: {record: statistics-2023}}`"
        }
        "RawActualSource" => "a source, such as `{record: statistics-2023}`",
        "RawFrontMatter" => "front matter, such as `summary: …`",
        "RawValue" => "a value, such as `2600`, `{exceed: 2600}` or `{range: [3, 5]}`",
        "RawTiers" => {
            "tiers, such as `{floor: {exceed: 1000, qualifier: ensure}, stretch: {reach: 1200}}`"
        }
        "RawBound" => "a figure, such as `1000` or `{exceed: 1000}`",
        _ => return None,
    })
}

/// The primitive types serde names, in an editor's words.
const PRIMITIVES: &[(&str, &str)] = &[
    ("f64", "a number, such as `1200` or `8.5`"),
    ("f32", "a number, such as `1200` or `8.5`"),
    ("i64", "a whole number, such as `2025`"),
    ("u64", "a whole number, such as `2025`"),
    ("u16", "a whole number, such as `2025`"),
    ("a string", "text"),
    ("a boolean", "`true` or `false`"),
    (
        "a sequence",
        "a list, such as `[a, b]` or items each on a line starting with `- `",
    ),
    ("unit", "nothing"),
    // serde_yaml's word for an enum given a list or a mapping: our enums are words.
    (
        "a YAML tag starting with '!'",
        "a single word from the allowed names",
    ),
];

/// `message` with serde's type names replaced by what to write.
pub fn reword(message: &str) -> String {
    // serde_path_to_error puts the YAML path first (`targets[0].name: invalid type…`).
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(char::is_whitespace) => (Some(path), rest),
        _ => (None, message),
    };
    let reworded = reword_plain(message);
    match path {
        Some(path) => format!("{path}: {reworded}"),
        None => reworded,
    }
}

fn reword_plain(message: &str) -> String {
    let Some((before, expected)) = message.split_once(", expected ") else {
        return message.to_string();
    };
    let wanted = expected
        .strip_prefix("struct ")
        .and_then(shape_of)
        .or_else(|| {
            PRIMITIVES
                .iter()
                .find(|(name, _)| *name == expected)
                .map(|(_, words)| *words)
        });
    match wanted {
        Some(wanted) => {
            let found = before
                .strip_prefix("invalid type: ")
                .map(found_words)
                .unwrap_or_else(|| before.to_string());
            format!("expected {wanted}; found {found}")
        }
        None => message.to_string(),
    }
}

/// serde's name for what it found (`string "x"`, `map`, `sequence`, `integer `5``).
fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if found == "map" {
        "a mapping of fields".into()
    } else if found == "sequence" {
        "a list".into()
    } else if found == "unit value" {
        "nothing (an empty value)".into()
    } else {
        found.replace('`', "")
    }
}

/// The likely cause of a slip, from the (reworded) message and the source lines it
/// points at: the line of the error and the one before (libyaml often notices a slip
/// only on the next line).
pub fn help(message: &str, lines: &[&str]) -> Option<String> {
    let line = lines.last().copied().unwrap_or("");
    if let Some((_, opener)) = unclosed(line) {
        return Some(unclosed_help(opener));
    }
    if lines
        .iter()
        .any(|l| l.contains('：') && !l.contains(": ") && !l.trim_start().starts_with('#'))
    {
        return Some(
            "a full-width colon `：` does not separate a key from its value; type the \
             ASCII colon `:` followed by a space"
                .into(),
        );
    }
    if message.contains("could not find expected ':'")
        && let Some(l) = lines.iter().find(|l| glued_colon(l))
    {
        return Some(format!(
            "put a space after the colon: `{}`",
            l.trim().replacen(':', ": ", 1)
        ));
    }
    if message.contains("tab character")
        || message.contains("cannot start any token") && line.contains('\t')
    {
        return Some("indent with spaces; YAML does not allow tabs".into());
    }
    if let Some(field) = unknown_field(message) {
        // `{nearly: 1,000}` and `{en: farms, parks}`: a comma inside braces starts a
        // new field, so the piece after it is taken for a field's name.
        if !field.is_empty() && field.chars().all(|c| c.is_ascii_digit()) {
            return Some(
                "write figures without thousands separators (`1000`, not `1,000`): inside \
                 `{ … }` a comma starts a new field"
                    .into(),
            );
        }
        let bare_after_comma = lines.last().is_some_and(|l| {
            let piece = format!(", {field}");
            l.match_indices(&piece)
                .any(|(i, m)| !l[i + m.len()..].trim_start().starts_with(':'))
        });
        if field.contains(' ') || bare_after_comma {
            return Some(
                "inside `{ … }` a comma starts a new field: quote text that contains a comma, \
                 such as `en: \"farms, parks and zones\"`"
                    .into(),
            );
        }
        return Some("check the spelling; the fields this place accepts are listed above".into());
    }
    if message.contains("missing field") {
        return Some("add the field; it is required here".into());
    }
    if message.contains("unknown variant") {
        return Some("use one of the values listed above".into());
    }
    if message.contains("expected text in both languages") {
        return Some(
            "write the Chinese and the English each under its own key, as in the example".into(),
        );
    }
    if message.contains("found the text") && message.contains("expected a number") {
        return Some(
            "write the figure alone, without its unit or words (2600 for 2600亿元); the unit \
             goes in `unit:` and words such as 以上 in the value's form"
                .into(),
        );
    }
    if message.contains("invalid type")
        || message.contains("expected ") && message.contains("found ")
    {
        return Some("write the value in the shape named above".into());
    }
    if message.contains("duplicate") {
        return Some("remove or rename one of the two entries".into());
    }
    let syntax = message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("could not find expected")
        || message.contains("cannot start any token");
    if syntax {
        return Some(syntax_help(line));
    }
    None
}

/// `metric:revenue`: a key glued to its value, which YAML reads as one plain word.
pub fn glued_colon(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches("- ");
    !t.starts_with('#')
        && !t.contains(": ")
        && t.split_once(':').is_some_and(|(key, value)| {
            !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !value.is_empty()
                && !value.starts_with("//")
        })
}

/// The name in serde's "unknown field `name`" message.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.split_once("unknown field `")?.1;
    Some(rest.split_once('`').map_or(rest, |(name, _)| name))
}

/// The first quote or bracket on `line` that opens a value and is not closed on the
/// same line: its byte offset and the character. A quote or bracket opens a value only
/// where a value starts (after `: `, `- `, `[`, `{` or `,`), so the apostrophe of
/// "City's" or the brackets of "a[1]" in plain text are not counted.
pub fn unclosed(line: &str) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<(usize, char)> = None;
    let mut at_start = true;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some((_, q)) = quote {
            if c == '\\' && q == '"' {
                chars.next();
            } else if c == q {
                if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            continue;
        }
        match c {
            '#' if at_start || line[..i].ends_with(' ') => break,
            '"' | '\'' if at_start => quote = Some((i, c)),
            '[' | '{' if at_start => open.push((i, c)),
            ']' | '}' if !open.is_empty() => {
                open.pop();
            }
            _ => {}
        }
        at_start = match c {
            ' ' => at_start,
            '[' | '{' | ',' => !open.is_empty() || at_start,
            ':' | '-' => chars.peek().is_none_or(|&(_, n)| n == ' '),
            _ => false,
        };
    }
    quote.or(open.first().copied())
}

/// How to close what `opener` opened.
pub fn unclosed_help(opener: char) -> String {
    let (what, closer) = match opener {
        '[' => ("list", ']'),
        '{' => ("mapping", '}'),
        _ => ("quoted text", opener),
    };
    format!(
        "the `{opener}` here opens a {what} that is never closed: end it with `{closer}` on \
         the same line, or remove the `{opener}`"
    )
}

/// The likely cause of a syntax error on `line`.
fn syntax_help(line: &str) -> String {
    let value = line.split_once(": ").map_or("", |(_, v)| v.trim());
    // `zh: "4+4+X"现代产业体系`: a quote that closes before the text ends.
    let partly_quoted = value.split([',', '{', '}', '[', ']']).any(|piece| {
        let v = piece.split_once(": ").map_or(piece, |(_, v)| v).trim();
        ['"', '\'']
            .iter()
            .any(|&q| v.starts_with(q) && !v.ends_with(q))
    });
    if partly_quoted {
        return "a value that starts with a quote must end with it: quote the whole text \
                (`zh: '\"4+4+X\"现代产业体系'`), or use Chinese quotation marks inside (“4+4+X”)"
            .into();
    }
    let starts_special = value
        .trim_start_matches(['{', ' '])
        .starts_with(['@', '`', '|', '>', '%', '!', '&', '*']);
    if starts_special {
        return "a value starting with @ ` | > % ! & or * must be quoted: `name: \"@…\"`".into();
    }
    if line.contains('\t') {
        return "indent with spaces; YAML does not allow tabs".into();
    }
    if value.starts_with('{') && value.matches(": ").count() > value.matches(',').count() + 1 {
        return "inside `{ … }`, a value containing `: ` must be quoted".into();
    }
    "check the indentation (items of a list line up under each other, two spaces deeper \
     than their key) and that every `key: value` pair is on its own line; quote values \
     that contain `: ` or start with a quote"
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_type_names_become_shapes_with_examples() {
        let m = reword("invalid type: sequence, expected struct RawBreakdown");
        assert_eq!(
            m,
            "expected a breakdown, such as `{kind: partition, parts: [{region: ganzhou, value: 120}]}`; found a list"
        );
        let m = reword("invalid type: string \"4+4+X 产业\", expected struct Localized");
        assert!(m.starts_with("expected text in both languages"), "{m}");
        assert!(m.ends_with("found the text \"4+4+X 产业\""), "{m}");
        let m = reword("invalid type: string \"2600亿元\", expected f64");
        assert_eq!(
            m,
            "expected a number, such as `1200` or `8.5`; found the text \"2600亿元\""
        );
        assert!(help(&m, &[]).unwrap().contains("without its unit"));
        let m =
            reword("targets[0].breakdown: invalid type: sequence, expected struct RawBreakdown");
        assert!(
            m.starts_with("targets[0].breakdown: expected a breakdown"),
            "{m}"
        );
        // Our own messages pass through.
        let own = "`tripple` is not a value; write `double`";
        assert_eq!(reword(own), own);
    }

    #[test]
    fn an_unclosed_quote_or_bracket_is_found_where_a_value_starts() {
        assert_eq!(unclosed("    unit: [yi-yuan"), Some((10, '[')));
        assert_eq!(unclosed("    unit: {yi-yuan"), Some((10, '{')));
        assert_eq!(unclosed("  name: \"电子信息"), Some((8, '"')));
        assert_eq!(unclosed("  - [a, {b: c}"), Some((4, '[')));
        for fine in [
            "  name: {zh: 电子信息, en: Example City's plan}",
            "  en: a[1] and b{2}",
            "  lead: [a, b]  # a comment with [ and \"",
            "  zh: '它''s'",
            "  en: \"say \\\"hi\\\"\"",
            "  url: https://example.org/#a[",
        ] {
            assert_eq!(unclosed(fine), None, "{fine}");
        }
        let m = reword("invalid type: sequence, expected a YAML tag starting with '!'");
        assert_eq!(
            m,
            "expected a single word from the allowed names; found a list"
        );
        let h = help(&m, &["    unit: [yi-yuan"]).unwrap();
        assert!(h.contains("never closed") && h.contains("`]`"), "{h}");
    }

    #[test]
    fn a_key_glued_to_its_value_is_found() {
        assert!(glued_colon("    metric:revenue"));
        assert!(!glued_colon("    metric: revenue"));
        assert!(!glued_colon("    url: https://example.org/"));
        assert!(!glued_colon("    # note:see"));
        let h = help(
            "could not find expected ':'",
            &["    metric:revenue", "    unit: yi-yuan"],
        );
        assert_eq!(h.unwrap(), "put a space after the colon: `metric: revenue`");
    }

    #[test]
    fn a_comma_inside_braces_is_explained_as_one() {
        let h = help(
            "unknown field `000`, expected one of `reach`, `exceed`",
            &[],
        )
        .unwrap();
        assert!(h.contains("thousands separators"), "{h}");
        let h = help(
            "unknown field `parks and zones`, expected `zh` or `en`",
            &[],
        )
        .unwrap();
        assert!(h.contains("quote text that contains a comma"), "{h}");
        let h = help(
            "unknown field `high-tech`, expected `zh` or `en`",
            &["    name: {zh: 高新技术企业, en: New firms, high-tech}"],
        )
        .unwrap();
        assert!(h.contains("quote text that contains a comma"), "{h}");
        let h = help("unknown field `metirc`, expected one of `metric`", &[]).unwrap();
        assert!(h.contains("check the spelling"), "{h}");
    }

    #[test]
    fn common_slips_get_their_likely_cause() {
        let h = help(
            "did not find expected ',' or '}'",
            &["  name: {zh: \"4+4+X\"现代产业体系, en: A}"],
        );
        assert!(h.unwrap().contains("quote the whole text"));
        let h = help(
            "found a tab character that violates indentation",
            &["\tid: x"],
        );
        assert!(h.unwrap().contains("tabs"));
        let h = help(
            "could not find expected ':'",
            &["    metric：count", "    unit: firms"],
        );
        assert!(h.unwrap().contains("full-width colon"));
        let h = help(
            "found character that cannot start any token",
            &["  name: @home"],
        );
        assert!(h.unwrap().contains("must be quoted"));
    }
}
