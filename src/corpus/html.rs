//! HTML pages: main content and metadata.
//!
//! [`extract`] keeps `trafilatura` (pinned; see Cargo.toml) behind our own function: it finds
//! the article body and most metadata, and this module turns its cleaned HTML into plain text
//! with paragraph breaks. Around it, a small linear lexer of our own ([`Lexer`]) does what must
//! never be slow or fail: it bounds nesting depth and counts elements ([`guard`]: deep pages
//! make extractors run for minutes or overflow the stack, huge ones take gigabytes), strips tags when trafilatura is skipped or finds nothing,
//! scans `<meta>`, Open Graph and JSON-LD for metadata trafilatura missed, and finds
//! `<meta charset>` for [`super::decode`].

mod entities;
mod guard;
mod lexer;
mod meta;
#[cfg(test)]
mod tests;
mod text;

use std::time::Duration;

use super::dates::PubDate;
use super::normalize::normalize_field;
use super::{LoadError, Metadata};
use guard::{run_bounded, Bounded, Shape};
pub(super) use lexer::declared_charset;
use meta::DeclaredMeta;
use text::{html_to_text, Scope};

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
/// normalised (see [`super::normalize::normalize`]). Metadata fields are normalised to one
/// line; dates are `YYYY-MM-DD`.
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
    let too_deep = || format!("nested more than {MAX_NESTING_DEPTH} elements deep");
    let shape = Shape::measure(html, MAX_NESTING_DEPTH, MAX_ELEMENTS);
    if shape.elements > MAX_ELEMENTS {
        return Err(format!("more than {MAX_ELEMENTS} elements"));
    }
    if shape.depth > MAX_NESTING_DEPTH {
        return Err(too_deep());
    }
    let page = html.to_owned();
    let job = move || {
        // A panic inside the extractor must cost one file, not the whole load.
        crate::panics::catch_quietly(|| {
            let doc = trafilatura::dom::Document::parse(&page);
            // The tree as parsed, before any recursive walk: the measure above is a model.
            if guard::tree_depth(&doc) > MAX_NESTING_DEPTH {
                return Err(());
            }
            Ok(run_trafilatura(doc))
        })
    };
    match run_bounded(job, EXTRACT_STACK_BYTES, EXTRACT_TIMEOUT) {
        Bounded::Done(Some(Ok(found))) => Ok(found),
        Bounded::Done(Some(Err(()))) => Err(too_deep()),
        Bounded::TimedOut => Err(format!(
            "extraction took over {} s",
            EXTRACT_TIMEOUT.as_secs()
        )),
        Bounded::Done(None) | Bounded::Panicked | Bounded::NotStarted => Ok(None),
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
        date: found.date.and_then(|d| PubDate::parse(&d.to_string())),
        // Trafilatura joins several authors with "; ", front matter with ", ".
        author: normalize_field(&found.author.replace("; ", ", ")),
        url: normalize_field(&found.url).filter(|u| is_absolute_url(u)),
        ..Metadata::default()
    };
    Some((text, meta))
}

/// Combines what trafilatura found with what our own scan of the page found.
///
/// The outlet is, in order: the publisher the page's JSON-LD names, its `og:site_name`
/// unless that is a section, the site the JSON-LD describes (all from our scan), the site
/// name trafilatura found if it is a plausible name (not a Facebook page, a copyright line),
/// the outlet of the page's URL in the outlet table, the URL's host. The date is the
/// publication date the page declares before the one trafilatura found, which can be a
/// modified date; the author too is the declared one first. Otherwise trafilatura's fields
/// win, except that a title that is only the site name gives way to the declared headline.
fn merge(found: Metadata, declared: Metadata) -> Metadata {
    let table = super::outlets::built_in();
    let url = found.url.or(declared.url);
    let outlet = declared
        .outlet
        .or_else(|| {
            found
                .outlet
                .filter(|f| !looks_like_host(f))
                .and_then(|f| super::outlets::tidy(&f, table))
        })
        .or_else(|| {
            let url = url.as_deref()?;
            table
                .by_host(url)
                .map(str::to_string)
                .or_else(|| super::outlets::host(url))
        });
    let title = found
        .title
        .map(|t| strip_site_name(&t, outlet.as_deref()))
        .filter(|t| is_sensible_title(t, outlet.as_deref()))
        .or(declared.title);
    Metadata {
        title,
        outlet,
        date: declared.date.or(found.date),
        // Declared first: trafilatura reads any JSON-LD author, also that of the claim a
        // fact-check reviews.
        author: declared.author.or(found.author),
        url,
        ..Metadata::default()
    }
}

/// Returns true if and only if `name` is a bare host name such as `news.example.com`.
fn looks_like_host(name: &str) -> bool {
    name.contains('.') && !name.contains(' ')
}

pub(super) fn is_absolute_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Returns true if and only if `title` can stand as the article's title: not empty, and not
/// just the name of the site (`<title>Example News</title>` on every page of a site).
pub(super) fn is_sensible_title(title: &str, site: Option<&str>) -> bool {
    !title.is_empty() && site.is_none_or(|site| !title.eq_ignore_ascii_case(site))
}

/// Removes the site name that page titles carry before or after the headline:
///
/// ```text
/// ("Iraq to share intelligence | Example News", Some("Example News")) → "Iraq to share intelligence"
/// ```
pub(super) fn strip_site_name(title: &str, site: Option<&str>) -> String {
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
