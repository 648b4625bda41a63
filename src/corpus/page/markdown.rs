//! Markdown-ish syntax rendered to plain reading text, one line at a time.
//!
//! Pages saved as text often keep their Markdown: `# Title`, `[Al Manar](#)`, `*lede*`, `---`.
//! The words stay exactly as written; only the markers go. The patterns are strict (a link needs
//! `](`, emphasis needs a marker hugging a word on each side) so that brackets and asterisks in
//! ordinary prose ("[i.e. Russia, Syria]", "5 * 3") are left alone.

use std::borrow::Cow;
use std::collections::HashMap;

use super::shape::word_count;

/// One rendered line and what its Markdown said about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderedLine {
    /// The line's words without Markdown markers, trimmed.
    pub text: String,
    /// True if the line was an ATX heading (`# ...`).
    pub heading: bool,
    /// True if the line has no reading text: a rule (`---`), an image, a link definition, or
    /// only a bare URL or e-mail address.
    pub markup: bool,
    /// True if every word outside links is at most a short `Label:` (navigation rows,
    /// "Region: [Middle East](#)"); false when the line has no link.
    pub link_only: bool,
}

/// Renders one line of Markdown-ish text.
///
/// ```text
/// "## [Become a Member](#)"        → "Become a Member" (heading, link_only)
/// "By [Al Manar](#)"               → "By Al Manar"
/// "*Baghdad and __Moscow__ agree*" → "Baghdad and Moscow agree"
/// "---"                            → "" (markup)
/// ```
pub fn render_line(line: &str) -> RenderedLine {
    let mut rest = line.trim();
    let mut heading = false;
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes)
        && rest[hashes..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        heading = true;
        rest = rest[hashes..].trim().trim_end_matches('#').trim_end();
    }
    while let Some(r) = rest.strip_prefix('>') {
        rest = r.trim_start();
    }
    if is_rule(rest) || is_link_definition(rest) {
        return RenderedLine {
            markup: true,
            heading,
            ..RenderedLine::default()
        };
    }
    let links = render_links(rest);
    let text = unescape(&strip_emphasis(&links.text)).trim().to_string();
    // What lies outside links only matters for a line that has links.
    let label_only = links.count > 0 && {
        let stripped = strip_emphasis(&links.outside);
        let residue = unescape(&stripped);
        let residue = residue.trim_matches(|c: char| c.is_whitespace() || ",|·•/-–*+".contains(c));
        residue.is_empty() || (residue.ends_with(':') && word_count(residue) <= 3)
    };
    let markup = (text.is_empty() && links.images > 0) || (!text.is_empty() && is_address(&text));
    RenderedLine {
        link_only: label_only,
        heading,
        markup,
        text,
    }
}

/// Returns true if and only if `line` is a thematic break: three or more `-`, `*` or `_`.
fn is_rule(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    "-*_".contains(first)
        && line.chars().filter(|&c| c == first).count() >= 3
        && chars.all(|c| c == first)
}

/// Returns true if and only if `line` is a reference-link definition: `[ref]: http://...`.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| !line[1..i].contains(['[', ']']) && i > 1)
}

/// Returns true if and only if `text` is one bare URL or e-mail address, nothing else.
fn is_address(text: &str) -> bool {
    let t = text.trim_matches(|c: char| "<>()[].,".contains(c));
    if t.contains(char::is_whitespace) || t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("mailto:")
        || (t.contains('@') && t.contains('.') && !t.starts_with('@'))
}

struct Links<'a> {
    /// The line with `[text](url)` replaced by `text` and images dropped.
    text: Cow<'a, str>,
    /// The line without links and images: what a reader sees besides link texts.
    outside: Cow<'a, str>,
    count: usize,
    images: usize,
}

/// Link texts and URLs longer than this are not links.
const MAX_LINK_PART: usize = 2048;

/// Pairs every opening bracket of `bytes` with its closing one, nesting respected, in one pass
/// (a line full of stray brackets stays linear). Escaped brackets (`\[`) are not paired.
fn bracket_pairs(bytes: &[u8], open: u8, close: u8) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut stack = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if i > 0 && bytes[i - 1] == b'\\' {
            continue;
        }
        if b == open {
            stack.push(i);
        } else if b == close {
            if let Some(o) = stack.pop() {
                if i - o <= MAX_LINK_PART {
                    pairs.insert(o, i);
                }
            }
        }
    }
    pairs
}

/// Replaces inline links `[text](url)`, `[text][ref]` and `[text][]` by their text, drops
/// images `![alt](url)`; a backslash-escaped character is never syntax.
fn render_links(line: &str) -> Links<'_> {
    if memchr::memchr(b'[', line.as_bytes()).is_none() {
        // No link or image can start: the loop below would copy the line as it is.
        return Links {
            text: line.into(),
            outside: line.into(),
            count: 0,
            images: 0,
        };
    }
    let mut text = String::with_capacity(line.len());
    let mut outside = String::new();
    let (mut count, mut images) = (0, 0);
    let mut i = 0;
    let bytes = line.as_bytes();
    let brackets = bracket_pairs(bytes, b'[', b']');
    let parens = bracket_pairs(bytes, b'(', b')');
    while i < line.len() {
        let b = bytes[i];
        if b == b'\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
            // Escapes stay until emphasis is stripped, so that `\*` is never a marker.
            text.push_str(&line[i..i + 2]);
            outside.push_str(&line[i..i + 2]);
            i += 2;
            continue;
        }
        let image = b == b'!' && bytes.get(i + 1) == Some(&b'[');
        let open = if image { i + 1 } else { i };
        if bytes[open] == b'[' {
            if let Some(&close) = brackets.get(&open) {
                let target = match bytes.get(close + 1) {
                    Some(b'(') => parens.get(&(close + 1)),
                    Some(b'[') => brackets.get(&(close + 1)),
                    _ => None,
                };
                if let Some(&end) = target {
                    if image {
                        images += 1;
                    } else {
                        count += 1;
                        text.push_str(&render_links(&line[open + 1..close]).text);
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        text.push(c);
        outside.push(c);
        i += c.len_utf8();
    }
    Links {
        text: text.into(),
        outside: outside.into(),
        count,
        images,
    }
}

/// Undoes backslash escapes of ASCII punctuation: `\*` → `*`.
fn unescape(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\\', text.as_bytes()).is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out.into()
}

/// Drops emphasis markers (`**`, `__`, `*`, `_`) that pair up around words.
///
/// An opener must be followed by a non-space and a closer preceded by one; `_` must also sit at
/// a word boundary on its outer side, so `snake_case_name` keeps its underscores.
fn strip_emphasis(text: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(text);
    if memchr::memchr2(b'*', b'_', text.as_bytes()).is_none() {
        return s;
    }
    for marker in ["**", "__", "*", "_"] {
        if let Some(stripped) = strip_marker(&s, marker) {
            s = stripped.into();
        }
    }
    s
}

/// `text` without the pairs of `marker` that are emphasis; `None` if there are none.
fn strip_marker(text: &str, marker: &str) -> Option<String> {
    let positions: Vec<usize> = text.match_indices(marker).map(|(i, _)| i).collect();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let intraword_ok = !marker.starts_with('_');
    let mut drop = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_end = 0;
    for &p in &positions {
        if p < last_end {
            continue;
        }
        let before = text[..p].chars().next_back();
        let after = text[p + marker.len()..].chars().next();
        if before == Some('\\') {
            continue;
        }
        // A single marker that is half of a double one belongs to the double marker's pass.
        let m = marker.as_bytes()[0] as char;
        if marker.len() == 1 && (before == Some(m) || after == Some(m)) {
            continue;
        }
        last_end = p + marker.len();
        let can_close = !space(before) && (intraword_ok || !word(after));
        let can_open = !space(after) && (intraword_ok || !word(before));
        match open {
            Some(o) if can_close => {
                drop.push(o);
                drop.push(p);
                open = None;
            }
            _ if can_open => open = Some(p),
            _ => {}
        }
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for p in drop {
        out.push_str(&text[from..p]);
        from = p + marker.len();
    }
    out.push_str(&text[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn text(line: &str) -> String {
        render_line(line).text
    }

    #[test]
    fn links_become_their_text() {
        assert_eq!(text("By [Al Manar](#)"), "By Al Manar");
        assert_eq!(
            text("see [the report](http://x.org/a_(b)) now"),
            "see the report now"
        );
        assert_eq!(
            text("a [ref link][1] and [another][]"),
            "a ref link and another"
        );
        assert_eq!(text("![a tank](img.jpg) A tank"), "A tank");
    }

    #[test]
    fn prose_brackets_and_stars_stay() {
        let line = "“There aren’t any obstacles [i.e. Russia, Syria, Iran and Iraq],” he said.";
        assert_eq!(text(line), line);
        assert_eq!(text("5 * 3 = 15 and a * b"), "5 * 3 = 15 and a * b");
        assert_eq!(
            text("call snake_case_name here"),
            "call snake_case_name here"
        );
        assert_eq!(text("Daesh [ISIS] group"), "Daesh [ISIS] group");
    }

    #[test]
    fn emphasis_markers_go() {
        assert_eq!(
            text("**Disclaimer:** The contents"),
            "Disclaimer: The contents"
        );
        assert_eq!(
            text("*Iraqi Parliament's committee said.*"),
            "Iraqi Parliament's committee said."
        );
        assert_eq!(text("a _very_ __big__ deal"), "a very big deal");
        assert_eq!(text("\\*not emphasis\\*"), "*not emphasis*");
    }

    #[test]
    fn headings_rules_and_addresses() {
        let h = render_line("## [Comment on Global Research Articles](#)");
        assert!(h.heading && h.link_only);
        assert_eq!(h.text, "Comment on Global Research Articles");
        assert!(render_line("---").markup);
        assert!(render_line("* * *").markup);
        assert!(render_line("[www.example.org](http://www.example.org)").markup);
        assert!(render_line("editor@example.org").markup);
        assert!(render_line("[1]: http://example.org").markup);
        assert!(!render_line("Email editor@example.org for details").markup);
    }

    #[test]
    fn link_only_allows_a_short_label() {
        assert!(render_line("Region: [Middle East & North Africa](#)").link_only);
        assert!(render_line("[Home](/) | [World](/w)").link_only);
        assert!(!render_line("By [Al Manar](#)").link_only);
        assert!(!render_line("Plain text").link_only);
    }
}
