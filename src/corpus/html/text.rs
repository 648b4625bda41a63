//! HTML to plain text with paragraph breaks, in one linear pass.

use super::entities::decode_entities;
use super::lexer::{is_one_of, Lexer, Tag, Token};

/// What [`html_to_text`] is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
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
pub(super) fn html_to_text(html: &str, scope: Scope) -> String {
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
