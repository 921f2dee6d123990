//! What HTML rendered from Markdown alone (no raw HTML) may hold.
//!
//! Commentary without raw HTML is not sanitized, for speed: pulldown-cmark writes a
//! fixed set of tags and escapes every text and attribute value, and the renderer
//! drops script links and every heading attribute but the id and classes. This is the
//! check of that claim, run by the property tests and the fuzz targets on whatever
//! they render: a tag or attribute outside the set would be a way past the sanitizer.

/// Attributes pulldown-cmark writes: links, images, heading ids and classes, footnote
/// ids, code block languages, a list's start, table alignment.
const ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "title", "id", "class", "start", "style",
];

/// Tags pulldown-cmark writes for the syntax the renderer enables.
const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "div",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The first tag, attribute or value of `html` that rendered Markdown cannot hold, or
/// `None` if there is none.
pub fn unexpected_markup(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let tag = tag.strip_suffix('/').unwrap_or(tag).trim_end();
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        if !TAGS.contains(&name) {
            return Some(format!("the tag <{name}>"));
        }
        while !attrs.is_empty() {
            let Some((attr, after)) = attrs.split_once("=\"") else {
                return Some(format!("the attribute text `{attrs}` in <{name}>"));
            };
            let (value, after) = after.split_once('"')?;
            let attr = attr.trim();
            if !ATTRIBUTES.contains(&attr) {
                return Some(format!("the attribute `{attr}` in <{name}>"));
            }
            if let Some(problem) = unexpected_value(attr, value) {
                return Some(problem);
            }
            attrs = after.trim_start();
        }
    }
    None
}

fn unexpected_value(attr: &str, value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let scheme_ok = ["javascript:", "vbscript:", "data:"]
        .iter()
        .all(|s| !lower.trim_start().starts_with(s));
    let style_ok = attr != "style" || lower.starts_with("text-align: ");
    if (attr == "href" || attr == "src") && !scheme_ok || !style_ok {
        Some(format!("the value `{value}` of `{attr}`"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes_and_foreign_markup_is_named() {
        assert_eq!(
            unexpected_markup("<h3 id=\"a\" class=\"b\">T</h3>\n<p><a href=\"x.html\">x</a></p>"),
            None
        );
        assert!(unexpected_markup("<h3 onfocus=\"alert(1)\">T</h3>").is_some());
        assert!(unexpected_markup("<h3 autofocus=\"\">T</h3>").is_some());
        assert!(unexpected_markup("<script>x</script>").is_some());
        assert!(unexpected_markup("<a href=\"javascript:x\">x</a>").is_some());
        assert!(unexpected_markup("<td style=\"background:url(x)\">1</td>").is_some());
    }
}
