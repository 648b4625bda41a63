//! HTML pages: main content and metadata.
//!
//! [`extract`] keeps `trafilatura` (pinned; see Cargo.toml) behind our own function: it finds
//! the article body and most metadata, and this module turns its cleaned HTML into plain text
//! with paragraph breaks. Around it, a small linear lexer of our own ([`Lexer`]) does what must
//! never be slow or fail: it bounds nesting depth and counts elements ([`guard`]: deep pages
//! make extractors run for minutes or overflow the stack, huge ones take gigabytes), strips tags when trafilatura is skipped or finds nothing,
//! scans `<meta>`, Open Graph and JSON-LD for metadata trafilatura missed, and finds
//! `<meta charset>` for [`super::decode`].

use std::borrow::Cow;

use super::decode::normalize_field;
use super::frontmatter::iso_date;
use super::{LoadError, Metadata};

mod guard;

use std::time::Duration;

pub use guard::EXTRACT_THREAD;
use guard::{run_bounded, Bounded, Shape};

/// Pages nested deeper than this skip trafilatura and get the linear tag stripper.
///
/// Real news pages nest 20–60 elements deep, rarely past 150. Recursive tree walks over a
/// much deeper page overflow a thread's stack (and abort the process), and html5ever's tree
/// builder scans the stack of open elements per tag, so a page nested tens of thousands deep
/// takes minutes before extraction even starts. See [`guard`] for how depth is measured.
pub const MAX_NESTING_DEPTH: usize = 512;

/// Pages with more elements than this skip trafilatura. Its tree costs about a kilobyte per
/// element: a 10 MB page of tiny elements took 1.5 GB. Real pages have a few thousand
/// elements, the heaviest tens of thousands; 100,000 keeps a page near 100 MB.
pub const MAX_ELEMENTS: usize = 100_000;

/// How long trafilatura may take on one page before the stripper is used instead. Real
/// pages take milliseconds; this bounds what the depth and element limits miss.
const EXTRACT_TIMEOUT: Duration = Duration::from_secs(5);

/// The stack of the extraction thread: trafilatura's recursive walks over a page at
/// [`MAX_NESTING_DEPTH`] need a few MiB; the rest is margin. Only the pages touched are
/// ever committed.
const EXTRACT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Extracts the main text of a page and the metadata it declares.
#[cfg(test)]
pub fn extract(html: &str) -> Result<(String, Metadata), LoadError> {
    extract_noting(html).map(|(text, meta, _)| (text, meta))
}

/// Extracts the main text of a page and the metadata it declares, and says why if the page
/// was read by the tag stripper rather than trafilatura for being too deep, too large or
/// too slow (the note names no file: the caller does).
///
/// The text has one paragraph per block (blank lines between paragraphs, headings and list
/// items on their own), links reduced to their text, entities decoded; it is not yet
/// normalised (see [`super::decode::normalize`]). Metadata fields are normalised to one line;
/// dates are `YYYY-MM-DD`.
///
/// Trafilatura (with its fallback extractors on) is used for pages within
/// [`MAX_NESTING_DEPTH`] and [`MAX_ELEMENTS`], on a thread of its own for at most
/// [`EXTRACT_TIMEOUT`]; other pages, and pages it fails on (an error, a panic, no text), get
/// [`html_to_text`] over the whole page, dropping scripts, navigation, headers and footers.
/// Returns [`LoadError::NoText`] when neither finds any text.
pub fn extract_noting(html: &str) -> Result<(String, Metadata, Option<String>), LoadError> {
    let declared = DeclaredMeta::scan(html).into_metadata();
    let (extracted, note) = match bounded_trafilatura(html) {
        Ok(extracted) => (extracted, None),
        Err(why) => (None, Some(format!("{why}; read by the plain tag stripper"))),
    };
    let (text, found) =
        extracted.unwrap_or_else(|| (html_to_text(html, Scope::Page), Metadata::default()));
    if text.trim().is_empty() {
        return Err(LoadError::NoText);
    }
    Ok((text, merge(found, declared), note))
}

/// Runs trafilatura within the limits; `Ok(None)` if it errs, panics or finds no text (an
/// ordinary page it cannot read), `Err` saying why if the page was outside the limits.
fn bounded_trafilatura(html: &str) -> Result<Option<(String, Metadata)>, String> {
    let shape = Shape::measure(html, MAX_NESTING_DEPTH, MAX_ELEMENTS);
    if shape.elements > MAX_ELEMENTS {
        return Err(format!("more than {MAX_ELEMENTS} elements"));
    }
    if shape.depth > MAX_NESTING_DEPTH {
        return Err(format!("nested more than {MAX_NESTING_DEPTH} elements deep"));
    }
    let page = html.to_owned();
    let job = move || {
        let doc = trafilatura::dom::Document::parse(&page);
        // The tree as parsed, before any recursive walk: the measure above is a model.
        if guard::tree_depth(&doc) > MAX_NESTING_DEPTH {
            return Err(());
        }
        Ok(run_trafilatura(doc))
    };
    match run_bounded(job, EXTRACT_STACK_BYTES, EXTRACT_TIMEOUT) {
        Bounded::Done(Ok(found)) => Ok(found),
        Bounded::Done(Err(())) => Err(format!("nested more than {MAX_NESTING_DEPTH} elements deep")),
        Bounded::TimedOut => Err(format!(
            "extraction took over {} s",
            EXTRACT_TIMEOUT.as_secs()
        )),
        Bounded::Panicked | Bounded::NotStarted => Ok(None),
    }
}

/// Runs trafilatura on a parsed page; `None` if it errs or finds no text.
fn run_trafilatura(doc: trafilatura::dom::Document) -> Option<(String, Metadata)> {
    // Fast date mode: URL, meta, JSON-LD, <time>, date-like elements, but not the free-text
    // and loose whole-page scans, which turn any year in the text into "YYYY-01-01". (Its
    // `Default` mode is the extensive one, whatever the option's doc says.)
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_html_date_mode(trafilatura::HtmlDateMode::Fast);
    let result = trafilatura::extract_document(doc, &options).ok()?;
    let mut text = html_to_text(&result.content_html, Scope::Content);
    if text.trim().is_empty() {
        text = result.content_text;
    }
    if text.trim().is_empty() {
        return None;
    }
    let found = &result.metadata;
    let meta = Metadata {
        title: normalize_field(&found.title),
        outlet: normalize_field(&found.sitename),
        date: found.date.and_then(|d| iso_date(&d.to_string())),
        // Trafilatura joins several authors with "; ", front matter with ", ".
        author: normalize_field(&found.author.replace("; ", ", ")),
        url: normalize_field(&found.url).filter(|u| is_absolute_url(u)),
    };
    Some((text, meta))
}

/// Combines what trafilatura found with what our own scan of the page found.
///
/// Trafilatura's fields win, except that a site name it made up from the host name
/// ("news.example.com") gives way to a declared one, and a title that is only the site name
/// gives way to the declared headline.
fn merge(found: Metadata, declared: Metadata) -> Metadata {
    let outlet = match (found.outlet, declared.outlet) {
        (Some(f), Some(d)) if looks_like_host(&f) => Some(d),
        (f, d) => f.or(d),
    };
    let title = found
        .title
        .map(|t| strip_site_name(&t, outlet.as_deref()))
        .filter(|t| is_sensible_title(t, outlet.as_deref()))
        .or(declared.title);
    Metadata {
        title,
        outlet,
        date: found.date.or(declared.date),
        author: found.author.or(declared.author),
        url: found.url.or(declared.url),
    }
}

/// Returns true if and only if `name` is a bare host name such as `news.example.com`.
fn looks_like_host(name: &str) -> bool {
    name.contains('.') && !name.contains(' ')
}

fn is_absolute_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Returns true if and only if `title` can stand as the article's title: not empty, and not
/// just the name of the site (`<title>Example News</title>` on every page of a site).
fn is_sensible_title(title: &str, site: Option<&str>) -> bool {
    !title.is_empty() && site.is_none_or(|site| !title.eq_ignore_ascii_case(site))
}

/// Removes the site name that page titles carry before or after the headline:
///
/// ```text
/// ("Iraq to share intelligence | Example News", Some("Example News")) → "Iraq to share intelligence"
/// ```
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • "];
    let Some(site) = site else {
        return title.to_string();
    };
    for sep in SEPARATORS {
        let suffix = format!("{sep}{site}");
        if let Some(head) = strip_suffix_ignore_case(title, &suffix) {
            return head.trim().to_string();
        }
        let prefix = format!("{site}{sep}");
        if title.len() > prefix.len()
            && title.is_char_boundary(prefix.len())
            && title[..prefix.len()].eq_ignore_ascii_case(&prefix)
        {
            return title[prefix.len()..].trim().to_string();
        }
    }
    title.to_string()
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text
        .len()
        .checked_sub(suffix.len())
        .filter(|&cut| cut > 0)?;
    (text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(suffix)).then(|| &text[..cut])
}

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

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
    attrs: &'a str,
}

impl<'a> Tag<'a> {
    /// Returns true if and only if the tag's name is `name` (ASCII case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn is_any(&self, names: &[&str]) -> bool {
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
const VOID_ELEMENTS: [&str; 17] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track",
];

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// Finds the charset label a page declares in `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">` before `<body>`.
pub(super) fn declared_charset(html: &str) -> Option<String> {
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

// ---------------------------------------------------------------------------------------------
// HTML to text
// ---------------------------------------------------------------------------------------------

/// What [`html_to_text`] is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Content already extracted (trafilatura's cleaned HTML): keep everything.
    Content,
    /// A whole page: also drop the head, navigation, site headers and footers, forms, asides.
    Page,
}

/// Elements whose content is never text to read.
const DROPPED_ELEMENTS: [&str; 10] = [
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
    "select",
];

/// Elements whose content is page furniture rather than article, when reading a whole page.
const DROPPED_PAGE_ELEMENTS: [&str; 6] = ["head", "nav", "aside", "form", "button", "dialog"];

/// Elements that start and end a paragraph.
const BLOCK_ELEMENTS: [&str; 38] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
];

/// Converts HTML to plain text in one linear pass: blocks become paragraphs separated by a
/// blank line, `<br>` and table rows a line break, table cells a space; runs of HTML
/// whitespace collapse to one space except inside `<pre>`; entities are decoded; links keep
/// only their text; scripts, styles and (for [`Scope::Page`]) page furniture are dropped
/// with everything inside them.
///
/// ```text
/// "<h2>A centre</h2><p>It  opened<br>on <a href=/x>Friday</a> &amp; more</p>"
///   → "A centre\n\nIt opened\non Friday & more"
/// ```
fn html_to_text(html: &str, scope: Scope) -> String {
    let mut out = TextBuilder::default();
    // The element being dropped, and how many of its kind are open inside it.
    let mut dropping: Option<(&str, usize)> = None;
    let mut preformatted = 0usize;
    // Inside <article> or <main>, a <header> or <footer> belongs to the article.
    let mut in_article = 0usize;
    for token in Lexer::new(html) {
        let tag = match token {
            Token::Text(text) if dropping.is_none() => {
                out.push_text(&decode_entities(text), preformatted > 0);
                continue;
            }
            Token::Tag(tag) => tag,
            _ => continue,
        };
        if let Some((name, open)) = &mut dropping {
            if tag.is(name) && !tag.self_closing {
                if tag.is_end {
                    *open -= 1;
                } else {
                    *open += 1;
                }
            } else if name.eq_ignore_ascii_case("head") && tag.is("body") {
                *open = 0; // `</head>` is optional
            }
            if *open == 0 {
                dropping = None;
            }
            continue;
        }
        if !tag.is_end && !tag.self_closing && is_dropped(&tag, scope, in_article > 0) {
            dropping = Some((tag.name, 1));
            continue;
        }
        if tag.is_any(&["article", "main"]) {
            in_article = if tag.is_end {
                in_article.saturating_sub(1)
            } else {
                in_article + 1
            };
        }
        if tag.is("pre") {
            preformatted = if tag.is_end {
                preformatted.saturating_sub(1)
            } else {
                preformatted + 1
            };
        }
        if tag.is_any(&["br", "lb", "tr"]) {
            out.line_break();
        } else if tag.is_any(&["td", "th"]) {
            out.space();
        } else if is_one_of(tag.name, &BLOCK_ELEMENTS) {
            out.paragraph_break();
        }
    }
    out.finish()
}

fn is_dropped(tag: &Tag<'_>, scope: Scope, in_article: bool) -> bool {
    tag.is_any(&DROPPED_ELEMENTS)
        || (scope == Scope::Page
            && (tag.is_any(&DROPPED_PAGE_ELEMENTS)
                || (!in_article && tag.is_any(&["header", "footer"]))))
}

/// Accumulates text, holding back spaces and line breaks until the next visible character so
/// that no text starts or ends with them and breaks never double up.
#[derive(Default)]
struct TextBuilder {
    out: String,
    space: bool,
    /// Line breaks owed before the next character: 0, 1 (a line break) or 2 (a blank line).
    breaks: u8,
}

impl TextBuilder {
    fn push_text(&mut self, text: &str, preformatted: bool) {
        for c in text.chars() {
            if !preformatted && c.is_ascii_whitespace() {
                self.space = true;
            } else {
                self.flush();
                self.out.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn line_break(&mut self) {
        self.breaks = (self.breaks + 1).min(2);
    }

    fn paragraph_break(&mut self) {
        self.breaks = 2;
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            if self.breaks > 0 {
                let kept = self.out.trim_end_matches(' ').len();
                self.out.truncate(kept);
                self.out
                    .push_str(if self.breaks == 2 { "\n\n" } else { "\n" });
            } else if self.space && !self.out.ends_with([' ', '\n']) {
                self.out.push(' ');
            }
        }
        self.space = false;
        self.breaks = 0;
    }

    fn finish(self) -> String {
        self.out
    }
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

/// Decodes character references: numeric ones (`&#233;`, `&#xE9;`, with the HTML standard's
/// windows-1252 reading of `&#128;`–`&#159;`) and the named ones news pages use (Latin-1,
/// typographic punctuation, a few symbols). Unknown names stay as written.
///
/// ```text
/// "&Eacute;lection &amp; caf&eacute; &#8220;oui&#x201D; &bogus;" → "Élection & café “oui” &bogus;"
/// ```
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_entity(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `text` (just after `&`): the character, and how many
/// bytes of `text` it used.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'#') {
        let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let len = bytes[start..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let digits = &text[start..start + len];
        let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let used = start + len + usize::from(bytes.get(start + len) == Some(&b';'));
        return Some((numeric_reference(code), used));
    }
    let len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &text[..len];
    let c = named_entity(name)?;
    if bytes.get(len) == Some(&b';') {
        Some((c, len + 1))
    } else if ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(&name) {
        Some((c, len)) // legacy references browsers accept without `;`
    } else {
        None
    }
}

/// The character of a numeric reference, as the HTML standard maps it.
fn numeric_reference(code: u32) -> char {
    match code {
        0x80..=0x9F => {
            let byte = [code as u8];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            decoded.chars().next().unwrap_or('\u{FFFD}')
        }
        0 => '\u{FFFD}',
        code => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

/// The named character references this reader knows: every Latin-1 one and the common
/// typographic ones. (The full table has over 2,000 names; news pages use a few dozen.)
#[rustfmt::skip]
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'',
        "nbsp" => '\u{A0}', "iexcl" => '¡', "cent" => '¢', "pound" => '£', "curren" => '¤',
        "yen" => '¥', "brvbar" => '¦', "sect" => '§', "uml" => '¨', "copy" => '©',
        "ordf" => 'ª', "laquo" => '«', "not" => '¬', "shy" => '\u{AD}', "reg" => '®',
        "macr" => '¯', "deg" => '°', "plusmn" => '±', "sup2" => '²', "sup3" => '³',
        "acute" => '´', "micro" => 'µ', "para" => '¶', "middot" => '·', "cedil" => '¸',
        "sup1" => '¹', "ordm" => 'º', "raquo" => '»', "frac14" => '¼', "frac12" => '½',
        "frac34" => '¾', "iquest" => '¿', "Agrave" => 'À', "Aacute" => 'Á', "Acirc" => 'Â',
        "Atilde" => 'Ã', "Auml" => 'Ä', "Aring" => 'Å', "AElig" => 'Æ', "Ccedil" => 'Ç',
        "Egrave" => 'È', "Eacute" => 'É', "Ecirc" => 'Ê', "Euml" => 'Ë', "Igrave" => 'Ì',
        "Iacute" => 'Í', "Icirc" => 'Î', "Iuml" => 'Ï', "ETH" => 'Ð', "Ntilde" => 'Ñ',
        "Ograve" => 'Ò', "Oacute" => 'Ó', "Ocirc" => 'Ô', "Otilde" => 'Õ', "Ouml" => 'Ö',
        "times" => '×', "Oslash" => 'Ø', "Ugrave" => 'Ù', "Uacute" => 'Ú', "Ucirc" => 'Û',
        "Uuml" => 'Ü', "Yacute" => 'Ý', "THORN" => 'Þ', "szlig" => 'ß', "agrave" => 'à',
        "aacute" => 'á', "acirc" => 'â', "atilde" => 'ã', "auml" => 'ä', "aring" => 'å',
        "aelig" => 'æ', "ccedil" => 'ç', "egrave" => 'è', "eacute" => 'é', "ecirc" => 'ê',
        "euml" => 'ë', "igrave" => 'ì', "iacute" => 'í', "icirc" => 'î', "iuml" => 'ï',
        "eth" => 'ð', "ntilde" => 'ñ', "ograve" => 'ò', "oacute" => 'ó', "ocirc" => 'ô',
        "otilde" => 'õ', "ouml" => 'ö', "divide" => '÷', "oslash" => 'ø', "ugrave" => 'ù',
        "uacute" => 'ú', "ucirc" => 'û', "uuml" => 'ü', "yacute" => 'ý', "thorn" => 'þ',
        "yuml" => 'ÿ', "OElig" => 'Œ', "oelig" => 'œ', "Scaron" => 'Š', "scaron" => 'š',
        "Yuml" => 'Ÿ', "fnof" => 'ƒ', "circ" => 'ˆ', "tilde" => '˜', "ensp" => '\u{2002}',
        "emsp" => '\u{2003}', "thinsp" => '\u{2009}', "hairsp" => '\u{200A}',
        "zwnj" => '\u{200C}', "zwj" => '\u{200D}', "lrm" => '\u{200E}', "rlm" => '\u{200F}',
        "ndash" => '–', "mdash" => '—', "horbar" => '―', "lsquo" => '‘', "rsquo" => '’',
        "sbquo" => '‚', "ldquo" => '“', "rdquo" => '”', "bdquo" => '„', "dagger" => '†',
        "Dagger" => '‡', "bull" => '•', "hellip" => '…', "permil" => '‰', "prime" => '′',
        "Prime" => '″', "lsaquo" => '‹', "rsaquo" => '›', "oline" => '‾', "frasl" => '⁄',
        "euro" => '€', "trade" => '™', "larr" => '←', "rarr" => '→', "uarr" => '↑',
        "darr" => '↓', "harr" => '↔', "minus" => '−', "nbhy" => '\u{2011}',
        "NonBreakingSpace" => '\u{A0}', "ZeroWidthSpace" => '\u{200B}',
        _ => return None,
    };
    Some(c)
}

// ---------------------------------------------------------------------------------------------
// Declared metadata
// ---------------------------------------------------------------------------------------------

/// Metadata candidates a page declares, each the first one found, normalised to one line.
#[derive(Debug, Default)]
struct DeclaredMeta {
    /// `og:title`, `twitter:title`.
    og_title: Option<String>,
    ld_headline: Option<String>,
    title_element: Option<String>,
    first_h1: Option<String>,
    /// `og:site_name`, `application-name`.
    site_name: Option<String>,
    ld_publisher: Option<String>,
    ld_site: Option<String>,
    /// `article:published_time` and its many synonyms, still as written.
    date: Option<String>,
    ld_date: Option<String>,
    author: Option<String>,
    ld_author: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    ld_url: Option<String>,
}

/// `<meta>` names and properties (lower case) for the publication date.
const DATE_META: [&str; 14] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// `<meta>` names and properties (lower case) for the author.
const AUTHOR_META: [&str; 6] = [
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
];

/// `<script type="application/ld+json">` blocks larger than this are not read: real ones
/// are a few kilobytes, and parsing is the one non-trivial cost of the scan.
const MAX_JSON_LD_BYTES: usize = 256 * 1024;

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = normalize_field(value);
    }
}

impl DeclaredMeta {
    /// Scans a page in one linear pass of [`Lexer`].
    fn scan(html: &str) -> DeclaredMeta {
        let mut meta = DeclaredMeta::default();
        let mut in_svg = 0usize;
        // Text of the first <h1> while it is being read.
        let mut h1: Option<String> = None;
        let mut pending: Option<Pending> = None;
        for token in Lexer::new(html) {
            match token {
                Token::Tag(tag) if tag.is_end => {
                    if tag.is("svg") {
                        in_svg = in_svg.saturating_sub(1);
                    } else if tag.is("h1") {
                        if let Some(text) = h1.take() {
                            set_once(&mut meta.first_h1, &text);
                        }
                    }
                    pending = None;
                }
                Token::Tag(tag) => {
                    pending = None;
                    if tag.is("svg") && !tag.self_closing {
                        in_svg += 1;
                    } else if tag.is("meta") {
                        meta.read_meta_tag(&tag);
                    } else if tag.is("link") {
                        let is_canonical = tag.attr("rel").is_some_and(|rel| {
                            rel.split_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("canonical"))
                        });
                        if let Some(href) = tag.attr("href").filter(|_| is_canonical) {
                            set_once(&mut meta.canonical, &href);
                        }
                    } else if tag.is("title") && in_svg == 0 {
                        pending = Some(Pending::Title);
                    } else if tag.is("script") {
                        let is_json_ld = tag
                            .attr("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                        pending = is_json_ld.then_some(Pending::JsonLd);
                    } else if tag.is("h1") && meta.first_h1.is_none() {
                        h1 = Some(String::new());
                    }
                }
                Token::RawText(text) => match pending.take() {
                    Some(Pending::Title) => {
                        set_once(&mut meta.title_element, &decode_entities(text))
                    }
                    Some(Pending::JsonLd) if text.len() <= MAX_JSON_LD_BYTES => {
                        meta.read_json_ld(text)
                    }
                    _ => {}
                },
                Token::Text(text) => {
                    if let Some(h1) = &mut h1 {
                        h1.push_str(&decode_entities(text));
                    }
                }
                Token::Comment => {}
            }
        }
        meta
    }

    fn read_meta_tag(&mut self, tag: &Tag<'_>) {
        let Some(key) = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| tag.attr(a))
        else {
            return;
        };
        let Some(content) = tag.attr("content") else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" => set_once(&mut self.og_title, &content),
            "og:site_name" | "application-name" => set_once(&mut self.site_name, &content),
            "og:url" => set_once(&mut self.og_url, &content),
            k if DATE_META.contains(&k) => set_once(&mut self.date, &content),
            // `article:author` is often a profile URL rather than a name.
            k if AUTHOR_META.contains(&k) && !is_absolute_url(content.trim()) => {
                set_once(&mut self.author, strip_by(&content));
            }
            _ => {}
        }
    }

    /// Reads the article-like objects of a JSON-LD block (top level, arrays and `@graph`).
    fn read_json_ld(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        fn push_all<'v>(value: &'v serde_json::Value, nodes: &mut Vec<&'v serde_json::Value>) {
            match value {
                serde_json::Value::Array(items) => nodes.extend(items.iter()),
                other => nodes.push(other),
            }
        }
        let mut nodes = Vec::new();
        push_all(&value, &mut nodes);
        let graphs: Vec<&serde_json::Value> =
            nodes.iter().filter_map(|n| n.get("@graph")).collect();
        for graph in graphs {
            push_all(graph, &mut nodes);
        }
        for node in nodes {
            let types = json_ld_types(node);
            let is_article = types
                .iter()
                .any(|t| t.ends_with("Article") || t.ends_with("Posting") || *t == "Report");
            if is_article {
                if let Some(headline) = node.get("headline").or_else(|| node.get("name")) {
                    set_json_text(&mut self.ld_headline, headline);
                }
                if let Some(date) = node
                    .get("datePublished")
                    .or_else(|| node.get("dateCreated"))
                {
                    set_json_text(&mut self.ld_date, date);
                }
                if let Some(author) = node.get("author").and_then(json_names) {
                    set_once(&mut self.ld_author, strip_by(&author));
                }
                if let Some(publisher) = node.get("publisher").and_then(json_names) {
                    set_once(&mut self.ld_publisher, &publisher);
                }
                let url = node.get("url").or_else(|| node.get("mainEntityOfPage"));
                if let Some(url) = url.and_then(|u| u.as_str().or_else(|| u.get("@id")?.as_str())) {
                    set_once(&mut self.ld_url, url);
                }
            } else if types
                .iter()
                .any(|t| *t == "NewsMediaOrganization" || *t == "WebSite")
            {
                if let Some(name) = node.get("name") {
                    set_json_text(&mut self.ld_site, name);
                }
            }
        }
    }

    fn into_metadata(self) -> Metadata {
        let outlet = self.site_name.or(self.ld_publisher).or(self.ld_site);
        let title = [
            self.og_title,
            self.ld_headline,
            self.title_element,
            self.first_h1,
        ]
        .into_iter()
        .flatten()
        .map(|t| strip_site_name(&t, outlet.as_deref()))
        .find(|t| is_sensible_title(t, outlet.as_deref()));
        let date = [self.date, self.ld_date]
            .into_iter()
            .flatten()
            .find_map(|d| iso_date(&d));
        let url = [self.og_url, self.canonical, self.ld_url]
            .into_iter()
            .flatten()
            .find(|u| is_absolute_url(u));
        Metadata {
            title,
            outlet,
            date,
            author: self.author.or(self.ld_author),
            url,
        }
    }
}

/// What the raw text after the current start tag is for.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Title,
    JsonLd,
}

/// Removes a leading "By " from a byline.
fn strip_by(byline: &str) -> &str {
    let trimmed = byline.trim_start();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &trimmed[3..],
        _ => trimmed,
    }
}

/// The `@type` of a JSON-LD node, which may be one string or a list.
fn json_ld_types(node: &serde_json::Value) -> Vec<&str> {
    match node.get("@type") {
        Some(serde_json::Value::String(t)) => vec![t.as_str()],
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn set_json_text(slot: &mut Option<String>, value: &serde_json::Value) {
    if let Some(text) = value.as_str() {
        set_once(slot, text);
    }
}

/// A person or organisation as JSON-LD writes it: a string, `{"name": ...}`, or a list of
/// those (joined with ", ").
fn json_names(value: &serde_json::Value) -> Option<String> {
    let name = |v: &serde_json::Value| -> Option<String> {
        let text = v.as_str().or_else(|| v.get("name")?.as_str())?;
        normalize_field(text)
    };
    let names: Vec<String> = match value {
        serde_json::Value::Array(items) => items.iter().filter_map(name).collect(),
        single => name(single).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_bytes, Format};
    use pretty_assertions::assert_eq;
    use std::path::Path;

    const NEWS_PAGE: &str = include_str!("../../tests/fixtures/loader/news_page.html");

    const NEWS_BODY: &str = "Iraq to share intelligence with Russia, Iran and Syria\n\n\
        Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad would share \
        intelligence on the Islamic State group with Russia, Iran and Syria through a new \
        information centre in the capital.\n\n\
        “We have been fighting Daesh for more than a year and we have important security \
        information that no other country has,” al-Abadi told reporters at the presidential \
        office. He added that the centre’s work would be \"purely technical\" & would not \
        replace the coalition led by the United States.\n\n\
        A centre in Baghdad\n\n\
        The Joint Operations Command said the centre had been set up at the end of September \
        and that officers from the four countries were already working there. Hakim al-Zamili, \
        head of parliament’s security and defence committee, said the arrangement could lead \
        to Russian air strikes in Iraq.\n\n\
        Washington has criticised the arrangement. A spokesman for the US-led coalition said \
        it was “not helpful” and that the coalition would continue to support Iraqi forces in \
        their campaign to retake Ramadi and other cities held by the militants since last year.";

    fn news_meta() -> Metadata {
        Metadata {
            title: Some("Iraq to share intelligence with Russia, Iran and Syria".into()),
            outlet: Some("Example News".into()),
            date: Some("2015-10-03".into()),
            author: Some("Jane Doe".into()),
            url: Some("https://news.example.com/world/iraq-intelligence-center".into()),
        }
    }

    #[test]
    fn news_page_gives_body_and_metadata() {
        let (text, meta) = extract(NEWS_PAGE).expect("text");
        assert_eq!(text, NEWS_BODY);
        assert_eq!(meta, news_meta());
    }

    #[test]
    fn own_metadata_scan_reads_meta_open_graph_and_json_ld() {
        assert_eq!(DeclaredMeta::scan(NEWS_PAGE).into_metadata(), news_meta());
    }

    #[test]
    fn json_ld_graph_and_title_suffix() {
        let page = r#"<html><head><title>Talks resume in Vienna | The Daily Wire Service</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Daily Wire Service"},
              {"@type":["NewsArticle"],"datePublished":"2015-10-30T08:00:00Z",
               "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}
            ]}</script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            DeclaredMeta::scan(page).into_metadata(),
            Metadata {
                title: Some("Talks resume in Vienna".into()),
                outlet: Some("The Daily Wire Service".into()),
                date: Some("2015-10-30".into()),
                author: Some("A. Writer, B. Writer".into()),
                url: None,
            }
        );
    }

    #[test]
    fn a_year_in_the_text_is_not_a_date() {
        let page = format!(
            "<html><head><title>Colour science</title></head><body><article>{}</article></body></html>",
            "<p>The CIE 2000 formula refined the 1994 one; it is still used for colour \
             difference in 2015 by printers, paint makers and the textile industry.</p>"
                .repeat(3)
        );
        let (_, meta) = extract(&page).expect("text");
        assert_eq!(meta.date, None);
    }

    #[test]
    fn a_title_that_is_only_the_site_name_gives_way_to_the_h1() {
        let page = r#"<html><head><title>Example News</title>
            <meta property="og:site_name" content="Example News"></head>
            <body><h1>Talks <em>resume</em> in Vienna</h1><p>Text.</p></body></html>"#;
        let meta = DeclaredMeta::scan(page).into_metadata();
        assert_eq!(meta.title.as_deref(), Some("Talks resume in Vienna"));
    }

    #[test]
    fn whole_page_text_drops_furniture() {
        let text = html_to_text(NEWS_PAGE, Scope::Page);
        assert_eq!(
            text,
            format!(
                "Iraq to share intelligence with Russia, Iran and Syria\n\n\
                 By Jane Doe · October 3, 2015\n\n\
                 Share on Twitter Share on Facebook Email this story\n\n{}",
                NEWS_BODY.split_once("\n\n").expect("title").1
            )
        );
    }

    #[track_caller]
    fn converts_to(html: &str, expected: &str) {
        assert_eq!(html_to_text(html, Scope::Page), expected);
    }

    #[test]
    fn html_to_text_cases() {
        converts_to(
            "<h2>A centre</h2><p>It  opened<br>on <a href=/x>Friday</a> &amp; more</p>",
            "A centre\n\nIt opened\non Friday & more",
        );
        converts_to("<ul><li>one<li>two</ul><p>after", "one\n\ntwo\n\nafter");
        converts_to("<pre>a\n  b</pre><p>c   d</p>", "a\n  b\n\nc d");
        converts_to(
            "<table><tr><td>1</td><td>2</td><tr><td>3</td></table>",
            "1 2\n3",
        );
        converts_to(
            "<p>Visible</p><script>if (a < b) { document.write('</div>') }</script>\
             <style>p > a { x: '</style' }</style><p title='a > b'>Also visible</p>",
            "Visible\n\nAlso visible",
        );
        converts_to("<p>a<!-- <p>hidden</p> -->b<![CDATA[x]]></p>", "ab");
        converts_to(
            "<article><header><h1>Kept</h1></header><p>x</p></article><footer>Gone</footer>",
            "Kept\n\nx",
        );
        converts_to("<nav><nav>in</nav>still in</nav><p>out</p>", "out");
        converts_to("1 < 2 and 3 <> 4 </ 5", "1 < 2 and 3 <> 4");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities(
                "&Eacute;lection &amp; caf&eacute; &#8220;oui&#x201D; &bogus; AT&T &copy 2015"
            ),
            "Élection & café “oui” &bogus; AT&T © 2015"
        );
        assert_eq!(
            decode_entities("&#150; &#0; &#x110000; &#99999999999999;"),
            "– \u{FFFD} \u{FFFD} \u{FFFD}"
        );
        assert_eq!(decode_entities("&#27;[31m"), "\x1b[31m"); // defused later by normalize
    }

    #[test]
    fn charset_declarations_are_found() {
        let cases = [
            (r#"<meta charset="ISO-8859-1">"#, Some("ISO-8859-1")),
            ("<meta charset=windows-1251>", Some("windows-1251")),
            (
                r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; Charset=KOI8-R">"#,
                Some("koi8-r"),
            ),
            (
                r#"<!-- <meta charset="big5"> --><meta charset='utf-8'>"#,
                Some("utf-8"),
            ),
            (
                r#"<meta name="charset" content="x"><body><meta charset="latin1">"#,
                None,
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(declared_charset(html).as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn deeply_nested_page_is_read_without_trafilatura() {
        let depth = 100_000;
        let page = format!(
            "<html><head><title>Deep page</title></head><body>{}<p>Deep text survives.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let (text, meta) = extract(&page).expect("text");
        assert_eq!(text, "Deep text survives.");
        assert_eq!(meta.title.as_deref(), Some("Deep page"));
    }

    #[test]
    fn pages_deep_by_the_parser_s_rules_are_read_without_trafilatura() {
        let paragraph = "<p>Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad \
            would share intelligence with Russia, Iran and Syria.</p>";
        for filler in ["<div/>".repeat(8_000), "<div></x>".repeat(20_000)] {
            let page = format!("<html><body>{filler}{}</body></html>", paragraph.repeat(3));
            // A worker thread's default stack: the extractor must not overflow it.
            let result = std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn(move || extract_noting(&page))
                .expect("thread")
                .join()
                .expect("no stack overflow");
            let (text, _, note) = result.expect("text");
            assert!(text.starts_with("Iraqi Prime Minister"), "{text}");
            assert_eq!(
                note.as_deref(),
                Some("nested more than 512 elements deep; read by the plain tag stripper")
            );
        }
    }

    #[test]
    fn a_page_of_too_many_elements_is_read_without_trafilatura() {
        let page = format!(
            "<html><body><p>A paragraph of words.</p>{}</body></html>",
            "<b></b>".repeat(MAX_ELEMENTS + 1)
        );
        let (text, _, note) = extract_noting(&page).expect("text");
        assert_eq!(text, "A paragraph of words.");
        assert!(note.unwrap().starts_with("more than 100000 elements"));
    }

    #[test]
    fn page_just_under_the_depth_limit_goes_through_trafilatura() {
        let depth = MAX_NESTING_DEPTH - 10;
        let paragraph =
            "<p>Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad would \
            share intelligence with Russia, Iran and Syria through a new information centre.</p>";
        let page = format!(
            "<html><body>{}{}{}</body></html>",
            "<div>".repeat(depth),
            paragraph.repeat(3),
            "</div>".repeat(depth)
        );
        // A worker thread's default stack, as rayon gives the loader.
        let result = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || extract(&page).map(|(text, _)| text))
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert!(result.expect("text").starts_with("Iraqi Prime Minister"));
    }

    #[test]
    fn pages_without_text_are_no_text() {
        for page in [
            "",
            "<html><head><title>Only a title</title></head><body> </body></html>",
            "<script>x()</script>",
        ] {
            assert!(matches!(extract(page), Err(LoadError::NoText)), "{page:?}");
        }
    }

    #[test]
    fn malformed_markup_never_panics() {
        for page in [
            "<",
            "<a href='",
            "<!--",
            "</",
            "<p title=\"x>y",
            "&#",
            "&#x;",
            "<<<>>>",
            "<script>",
            "<svg><title>",
        ] {
            let _ = extract(page);
            let _ = html_to_text(page, Scope::Page);
        }
    }

    /// "Élection présidentielle à Montréal", a Latin-1 page, with and without a declaration.
    fn latin1_page(declared: bool) -> Vec<u8> {
        let mut page = b"<html><head>".to_vec();
        if declared {
            page.extend_from_slice(b"<meta charset=\"iso-8859-1\">");
        }
        page.extend_from_slice(
            b"<title>\xC9lection pr\xE9sidentielle \xE0 Montr\xE9al</title></head><body><article>\
              <h1>\xC9lection pr\xE9sidentielle \xE0 Montr\xE9al</h1>\
              <p>Les \xE9lecteurs de Montr\xE9al se sont rendus aux urnes d\xE8s l'aube, malgr\xE9 \
              la pluie et le froid qui s'abattaient sur la m\xE9tropole qu\xE9b\xE9coise.</p>\
              <p>\xAB C'est un jour important pour notre ville \xBB, a d\xE9clar\xE9 une \
              \xE9lectrice rencontr\xE9e pr\xE8s d'un bureau de vote du Plateau.</p>\
              </article></body></html>",
        );
        page
    }

    #[test]
    fn latin1_page_end_to_end() {
        for declared in [true, false] {
            let doc = document_from_bytes(
                Path::new("montreal.html"),
                Format::Html,
                &latin1_page(declared),
            )
            .expect("document");
            assert_eq!(
                doc.declared.title.as_deref(),
                Some("Élection présidentielle à Montréal"),
                "declared: {declared}"
            );
            assert_eq!(
                doc.raw,
                "Élection présidentielle à Montréal\n\n\
                 Les électeurs de Montréal se sont rendus aux urnes dès l'aube, malgré la pluie et \
                 le froid qui s'abattaient sur la métropole québécoise.\n\n\
                 « C'est un jour important pour notre ville », a déclaré une électrice rencontrée \
                 près d'un bureau de vote du Plateau.",
                "declared: {declared}"
            );
        }
    }
}
