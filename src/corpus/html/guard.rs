//! Keeping trafilatura to pages it can handle, in bounded time and memory.
//!
//! Trafilatura cleans the parsed tree with recursive walks, and html5ever's tree builder
//! scans its stack of open elements per tag, so a page nested thousands deep overflows a
//! thread's stack (the process aborts) or takes minutes; a page of a million tiny elements
//! takes gigabytes. Three guards, each cheap, keep every page on the safe side:
//!
//! 1. [`Shape::measure`], a linear pass of our own lexer before any parser, bounds the
//!    nesting the tree builder will make (following its rules for self-closing tags, end
//!    tags that match nothing and elements closed by their siblings) and counts elements.
//! 2. [`tree_depth`] measures the tree the parser did build, iteratively, before the
//!    extractor's recursive walks see it: the bound of step 1 is a model; this is the fact.
//! 3. [`run_bounded`] runs the extractor on its own thread with a stack sized for the depth
//!    allowed, and stops waiting for it after a deadline.
//!
//! A page that fails any of them is read by the linear tag stripper instead.

use std::sync::mpsc;
use std::time::Duration;

use super::lexer::{is_one_of, Lexer, Token, VOID_ELEMENTS};

/// What the linear pass found: an upper estimate of the parser's nesting, and the number of
/// elements (start tags). Counting stops once either passes its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub depth: usize,
    pub elements: usize,
}

/// Elements a parser re-opens after they were closed implicitly (the "list of active
/// formatting elements"): `<div><b id=1></div><div><b id=2></div>…text` nests every `b`.
const FORMATTING_ELEMENTS: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose end tag the tree builder ignores unless it reaches them from the top of
/// its stack without passing a "special" element (HTML standard, "any other end tag").
/// The special elements, less the void ones (never on the stack).
const SPECIAL_ELEMENTS: [&str; 66] = [
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "iframe",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "xmp",
    "frame",
];

/// Where an end tag's search for its element stops: the scope boundaries.
const SCOPE_BOUNDARIES: [&str; 9] = [
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

impl Shape {
    /// Bounds the nesting depth of the tree an HTML parser builds from `html`, following
    /// the tree builder where pages differ from their markup:
    ///
    /// - `<div/>` opens a div (the slash counts only inside `<svg>` and `<math>`);
    /// - an end tag that matches no open element, or that would have to close a block to
    ///   reach its inline element (`<span><div></span>`), is ignored;
    /// - `<p>`, `<li>`, `<dt>`, `<dd>`, `<tr>`, `<td>`, `<option>`… close an open one of their
    ///   kind, as far as its container;
    /// - formatting elements closed implicitly are counted as re-opened (at most three alike,
    ///   as the parser keeps them).
    ///
    /// Where the model is unsure it counts deeper, so a page is never taken for shallower
    /// than the parser makes it; [`tree_depth`] checks the result anyway.
    pub fn measure(html: &str, max_depth: usize, max_elements: usize) -> Shape {
        let mut stack: Vec<&str> = Vec::new();
        let mut foreign = 0usize;
        // The active formatting elements: (name, attributes); at most three alike.
        let mut formatting: Vec<(&str, &str)> = Vec::new();
        let mut shape = Shape {
            depth: 0,
            elements: 0,
        };
        for token in Lexer::new(html) {
            let Token::Tag(tag) = token else { continue };
            let name = tag.name;
            if tag.is_end {
                if let Some(at) = formatting
                    .iter()
                    .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    formatting.remove(at);
                }
                if let Some(at) = end_tag_target(&stack, name) {
                    foreign -= stack[at..].iter().filter(|n| is_foreign_root(n)).count();
                    stack.truncate(at);
                }
                continue;
            }
            shape.elements += 1;
            if shape.elements > max_elements {
                return shape;
            }
            if is_one_of(name, &VOID_ELEMENTS) || (tag.self_closing && foreign > 0) {
                continue;
            }
            if let Some(at) = open_sibling(&stack, name) {
                foreign -= stack[at..].iter().filter(|n| is_foreign_root(n)).count();
                stack.truncate(at);
            }
            if is_foreign_root(name) {
                foreign += 1;
            }
            stack.push(name);
            if is_one_of(name, &FORMATTING_ELEMENTS) {
                let attrs = tag.attrs.trim();
                let alike = formatting
                    .iter()
                    .filter(|(n, a)| n.eq_ignore_ascii_case(name) && *a == attrs)
                    .count();
                if alike >= 3 {
                    // The parser drops the earliest of them (the "Noah's Ark" clause).
                    if let Some(at) = formatting
                        .iter()
                        .position(|(n, a)| n.eq_ignore_ascii_case(name) && *a == attrs)
                    {
                        formatting.remove(at);
                    }
                }
                formatting.push((name, attrs));
            }
            shape.depth = shape.depth.max(stack.len() + formatting.len());
            if shape.depth > max_depth {
                return shape;
            }
        }
        shape
    }
}

fn is_foreign_root(name: &str) -> bool {
    name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math")
}

/// The index in `stack` of the element an end tag `name` closes, if it closes one.
fn end_tag_target(stack: &[&str], name: &str) -> Option<usize> {
    let is_special = is_one_of(name, &SPECIAL_ELEMENTS);
    for (at, open) in stack.iter().enumerate().rev() {
        if open.eq_ignore_ascii_case(name) {
            return Some(at);
        }
        // A block end tag closes the inline elements above its block; an inline end tag
        // closes nothing across a block; neither crosses a table cell or the like.
        let blocks = if is_special {
            is_one_of(open, &SCOPE_BOUNDARIES)
        } else {
            is_one_of(open, &SPECIAL_ELEMENTS)
        };
        if blocks {
            return None;
        }
    }
    None
}

/// The index in `stack` of an open element that the start tag `name` closes first (a `<p>`
/// before another `<p>`, a `<td>` before the next cell), if any.
fn open_sibling(stack: &[&str], name: &str) -> Option<usize> {
    let lower = name.to_ascii_lowercase();
    // What the tag closes, and where the search stops.
    let (closes, stops): (&[&str], &[&str]) = match lower.as_str() {
        "p" => (&["p"], &SCOPE_BOUNDARIES),
        "li" => (&["li"], &SPECIAL_ELEMENTS),
        "dt" | "dd" => (&["dt", "dd"], &SPECIAL_ELEMENTS),
        "option" => (&["option"], &["select", "datalist"]),
        "optgroup" => (&["optgroup", "option"], &["select"]),
        "td" | "th" => (&["td", "th"], &["table", "tr"]),
        "tr" => (&["tr"], &["table"]),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot"], &["table"]),
        _ => return None,
    };
    for (at, open) in stack.iter().enumerate().rev() {
        if is_one_of(open, closes) {
            return Some(at);
        }
        // `li` and `dt`/`dd` pass over `address`, `div` and `p` (HTML standard).
        let passes = matches!(lower.as_str(), "li" | "dt" | "dd")
            && is_one_of(open, &["address", "div", "p"]);
        if is_one_of(open, stops) && !passes {
            return None;
        }
    }
    None
}

/// The depth of the element tree trafilatura will walk: the number of elements on the
/// longest path from the root. Iterative, so any depth can be measured.
pub fn tree_depth(doc: &trafilatura::dom::Document) -> usize {
    let mut deepest = 0;
    let mut pending = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        pending.extend(doc.children(node).into_iter().map(|c| (c, depth + 1)));
    }
    deepest
}

/// The name of the threads [`run_bounded`] starts.
const EXTRACT_THREAD: &str = "crossread-extract";

/// How a job run by [`run_bounded`] ended.
#[derive(Debug)]
pub enum Bounded<T> {
    Done(T),
    /// It panicked; the panic cost this job only.
    Panicked,
    /// It was still running at the deadline. It runs on to its end in the background (a
    /// thread cannot be stopped from outside), but nobody waits for it.
    TimedOut,
    /// No thread could be started.
    NotStarted,
}

/// Runs `job` on a thread of its own with a `stack_bytes` stack, waiting at most `timeout`.
pub fn run_bounded<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
    stack_bytes: usize,
    timeout: Duration,
) -> Bounded<T> {
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name(EXTRACT_THREAD.into())
        .stack_size(stack_bytes)
        .spawn(move || {
            let _ = sender.send(job());
        });
    if spawned.is_err() {
        return Bounded::NotStarted;
    }
    match receiver.recv_timeout(timeout) {
        Ok(value) => Bounded::Done(value),
        Err(mpsc::RecvTimeoutError::Timeout) => Bounded::TimedOut,
        // The sender was dropped without a value: the job panicked.
        Err(mpsc::RecvTimeoutError::Disconnected) => Bounded::Panicked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        Shape::measure(html, usize::MAX, usize::MAX).depth
    }

    fn parsed_depth(html: &str) -> usize {
        // Less the document node and html/body, which the parser adds.
        tree_depth(&trafilatura::dom::Document::parse(html))
    }

    #[test]
    fn the_measure_follows_the_parser_on_hostile_shapes() {
        let cases = [
            // Self-closing tags open elements in HTML, and close them in SVG.
            "<div/>".repeat(300),
            format!("<svg>{}</svg><p>x", "<path/>".repeat(300)),
            // End tags that match nothing, or would cross a block, close nothing.
            "<div></x>".repeat(300),
            "<span><div></span>".repeat(150),
            // Implicitly closed formatting elements are re-opened by the next text.
            (0..300)
                .map(|i| format!("<div><b id={i}></div>"))
                .collect::<String>()
                + "text",
            // Siblings closing each other stay shallow.
            "<p>a".repeat(300),
            "<ul>".to_string() + &"<li>a".repeat(300) + "</ul>",
            "<table>".to_string() + &"<tr><td>a<td>b".repeat(300) + "</table>",
            "<dl>".to_string() + &"<dt>a<dd>b".repeat(300) + "</dl>",
            "<div><p>text</div>".repeat(300),
        ];
        for html in &cases {
            let page = format!("<html><body>{html}</body></html>");
            let (model, parsed) = (depth(&page), parsed_depth(&page));
            assert!(
                model + 1 >= parsed,
                "model {model} below the parser's {parsed}: {}",
                &page[..page.len().min(80)]
            );
            // Shallow pages must look shallow, or they would lose trafilatura for nothing.
            if parsed < 20 {
                assert!(
                    model < 40,
                    "model {model} for a page {parsed} deep: {}",
                    &page[..80]
                );
            }
        }
    }

    #[test]
    fn counting_stops_past_the_limits() {
        let page = "<div>".repeat(10_000);
        assert_eq!(Shape::measure(&page, 100, usize::MAX).depth, 101);
        let page = "<br>".repeat(10_000);
        assert_eq!(Shape::measure(&page, 100, 500).elements, 501);
    }

    #[test]
    fn a_job_that_overruns_is_left_behind_and_a_panic_is_contained() {
        let slow = run_bounded(
            || std::thread::sleep(Duration::from_secs(2)),
            1 << 20,
            Duration::from_millis(50),
        );
        assert!(matches!(slow, Bounded::TimedOut));
        // Generous deadlines: the panic hook may resolve a backtrace, slow on a loaded machine.
        let panicked = run_bounded(|| panic!("extractor bug"), 1 << 20, Duration::from_secs(60));
        assert!(matches!(panicked, Bounded::<()>::Panicked));
        assert!(matches!(
            run_bounded(|| 7, 1 << 20, Duration::from_secs(60)),
            Bounded::Done(7)
        ));
    }
}
