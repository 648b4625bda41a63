//! A linear HTML lexer: tokens, nesting depth, the declared charset.

use std::borrow::Cow;

use super::entities::decode_entities;

/// One piece of an HTML document, as [`Lexer`] sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    Tag(Tag<'a>),
    /// The content of `<script>`, `<style>`, `<title>`, `<textarea>` and the like: text in
    /// which `<` starts no tag.
    RawText(&'a str),
    /// A comment, doctype, processing instruction or CDATA section.
    Comment,
}

/// A start or end tag. Names keep their case; compare them with [`Tag::is`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    pub name: &'a str,
    pub is_end: bool,
    /// Written `<name ... />`. Only meaningful for SVG and MathML; in HTML `<div/>` opens a div.
    pub self_closing: bool,
    /// The raw text between the name and `>`, parsed on demand by [`Tag::attr`].
    pub(super) attrs: &'a str,
}

impl<'a> Tag<'a> {
    /// Returns true if and only if the tag's name is `name` (ASCII case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    pub(super) fn is_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is(n))
    }

    /// The value of attribute `name`, entities decoded; the first one if it is repeated.
    pub fn attr(&self, name: &str) -> Option<Cow<'a, str>> {
        Attributes {
            text: self.attrs,
            pos: 0,
        }
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, value)| decode_entities(value))
    }
}

/// A linear, non-recursive HTML tokenizer: every step moves forward, and nothing is nested, so
/// its time is proportional to the page size whatever the page's shape. It follows the HTML
/// standard's tokenizer where that matters for extracting text (quoted `>` in attributes,
/// comments, raw-text elements), not in every error-recovery detail.
pub(super) struct Lexer<'a> {
    html: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: its name, whose end tag ends the text.
    raw_text_of: Option<&'a str>,
}

impl<'a> Lexer<'a> {
    pub fn new(html: &'a str) -> Lexer<'a> {
        Lexer {
            html,
            pos: 0,
            raw_text_of: None,
        }
    }

    /// Finds `</name` (followed by a delimiter) from `from`; the end of the text if none.
    fn find_end_tag(&self, from: usize, name: &str) -> usize {
        let bytes = self.html.as_bytes();
        let mut at = from;
        while let Some(offset) = self.html[at..].find("</") {
            let start = at + offset;
            let name_end = start + 2 + name.len();
            let name_matches = bytes
                .get(start + 2..name_end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            let delimited = bytes
                .get(name_end)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
            if name_matches && delimited {
                return start;
            }
            at = start + 2;
        }
        self.html.len()
    }

    /// The position after the next `needle` from `from`, or the end of the text.
    fn skip_past(&self, from: usize, needle: &str) -> usize {
        self.html[from..]
            .find(needle)
            .map_or(self.html.len(), |i| from + i + needle.len())
    }

    /// Lexes a tag whose name starts at `name_start`.
    fn tag(&mut self, name_start: usize, is_end: bool) -> Token<'a> {
        let bytes = self.html.as_bytes();
        let mut name_end = name_start;
        while name_end < bytes.len()
            && !bytes[name_end].is_ascii_whitespace()
            && bytes[name_end] != b'/'
            && bytes[name_end] != b'>'
        {
            name_end += 1;
        }
        let mut attributes = Attributes {
            text: self.html,
            pos: name_end,
        };
        for _ in attributes.by_ref() {}
        let attrs_end = attributes.pos; // at `>`, or the end of the text
        self.pos = (attrs_end + 1).min(self.html.len());
        let name = &self.html[name_start..name_end];
        let self_closing = attrs_end > name_end && bytes[attrs_end - 1] == b'/';
        if !is_end
            && RAW_TEXT_ELEMENTS
                .iter()
                .any(|e| name.eq_ignore_ascii_case(e))
        {
            self.raw_text_of = Some(name);
        }
        Token::Tag(Tag {
            name,
            is_end,
            self_closing,
            attrs: &self.html[name_end..attrs_end],
        })
    }
}

/// Elements whose content is text even when it contains `<`.
const RAW_TEXT_ELEMENTS: [&str; 8] = [
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
];

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw_text_of.take() {
            let end = self.find_end_tag(self.pos, name);
            let text = &self.html[self.pos..end];
            self.pos = end;
            if !text.is_empty() {
                return Some(Token::RawText(text));
            }
        }
        let bytes = self.html.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        let next = bytes.get(start + 1).copied().unwrap_or(b' ');
        if bytes[start] == b'<' {
            if self.html[start..].starts_with("<!--") {
                self.pos = self.skip_past(start + 4, "-->");
                return Some(Token::Comment);
            }
            if next == b'!'
                || next == b'?'
                || (next == b'/' && !bytes.get(start + 2).is_some_and(u8::is_ascii_alphabetic))
            {
                self.pos = self.skip_past(start + 1, ">");
                return Some(Token::Comment);
            }
            if next == b'/' {
                return Some(self.tag(start + 2, true));
            }
            if next.is_ascii_alphabetic() {
                return Some(self.tag(start + 1, false));
            }
        }
        // Text up to the next `<`.
        // A `<` that starts no tag is text too: search past it (it is one byte).
        let from = if bytes[start] == b'<' {
            start + 1
        } else {
            start
        };
        let end = self.html[from..]
            .find('<')
            .map_or(self.html.len(), |i| from + i);
        self.pos = end;
        Some(Token::Text(&self.html[start..end]))
    }
}

/// The attributes of a tag as (name, raw value) pairs; stops at `>` or the end of the text,
/// leaving `pos` there. Quoted values may contain `>`.
struct Attributes<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let bytes = self.text.as_bytes();
        let at = |pos: usize| bytes.get(pos).copied();
        while at(self.pos).is_some_and(|b| b.is_ascii_whitespace() || b == b'/') {
            self.pos += 1;
        }
        if at(self.pos).is_none_or(|b| b == b'>') {
            return None;
        }
        let name_start = self.pos;
        self.pos += 1; // a name may start with `=`; every other byte here is part of it
        while at(self.pos).is_some_and(|b| !b.is_ascii_whitespace() && !b"/>=".contains(&b)) {
            self.pos += 1;
        }
        let name = &self.text[name_start..self.pos];
        let mut after_name = self.pos;
        while at(after_name).is_some_and(|b| b.is_ascii_whitespace()) {
            after_name += 1;
        }
        if at(after_name) != Some(b'=') {
            return Some((name, ""));
        }
        self.pos = after_name + 1;
        while at(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
        let value = match at(self.pos) {
            Some(quote @ (b'"' | b'\'')) => {
                let value_start = self.pos + 1;
                let value_end = self.text[value_start..]
                    .find(char::from(quote))
                    .map_or(self.text.len(), |i| value_start + i);
                self.pos = (value_end + 1).min(self.text.len());
                &self.text[value_start..value_end]
            }
            _ => {
                let value_start = self.pos;
                while at(self.pos).is_some_and(|b| !b.is_ascii_whitespace() && b != b'>') {
                    self.pos += 1;
                }
                &self.text[value_start..self.pos]
            }
        };
        Some((name, value))
    }
}

/// Elements that never have content or an end tag.
pub(super) const VOID_ELEMENTS: [&str; 17] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track",
];

pub(super) fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// Finds the charset label a page declares in `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">` before `<body>`.
pub(in crate::corpus) fn declared_charset(html: &str) -> Option<String> {
    for token in Lexer::new(html) {
        let Token::Tag(tag) = token else { continue };
        if tag.is_end {
            continue;
        }
        if tag.is("body") {
            break;
        }
        if !tag.is("meta") {
            continue;
        }
        if let Some(charset) = tag.attr("charset") {
            return Some(charset.trim().to_string());
        }
        let is_content_type = tag
            .attr("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"));
        if let Some(content) = tag.attr("content").filter(|_| is_content_type) {
            if let Some(charset) = charset_of_content_type(&content) {
                return Some(charset);
            }
        }
    }
    None
}

/// The `charset` parameter of a content type: `text/html; charset="utf-8"` → `utf-8`.
fn charset_of_content_type(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace());
    let label = &rest[..end.unwrap_or(rest.len())];
    (!label.is_empty()).then(|| label.to_string())
}
