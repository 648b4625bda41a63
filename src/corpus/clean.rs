//! Boilerplate removal: from a page as loaded to the article's own text.
//!
//! The page is read by [`super::page`] (paragraphs, Markdown-ish syntax rendered to plain
//! text, each paragraph classified by its cues and its place on the page): prompts and
//! navigation, disclaimers and sign-offs, photo credits and captions, related-article teasers. Lines repeated across many articles of the corpus are site
//! furniture too ([`RepeatedLines`]). What is kept is copied word for word, one paragraph per
//! block, so that offsets into the cleaned text address exactly what a reader sees.
//!
//! The rules are general (shapes, places and the usual phrasing of page furniture), never lists
//! of any site's lines: crossread meets pages it has never seen.

#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

#[cfg(test)]
use super::page::segment::segment;
use super::page::shape::{ends_sentence, fold, word_count};
use super::page::{Family, Kind, Page};

/// Which kinds of boilerplate cleaning removes; each can be switched off in the config.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CleanOptions {
    /// Master switch: false keeps the text as loaded.
    pub enabled: bool,
    /// Share/subscribe/login/comment prompts and navigation crumbs; with them the rest of the
    /// page's furniture: menus and taglines before the headline, bylines, date and reading-time
    /// lines, interface words ("loader", a lone "0"), short unpunctuated lines after the text,
    /// lines of punctuation only.
    pub prompts: bool,
    /// Copyright, disclaimer and fair-use blocks, and sign-offs crediting a source ("The
    /// original source of this article is X", "Submitted by X", "X and agencies").
    pub disclaimers: bool,
    /// Photo credits and captions, and images' alternative text.
    pub captions: bool,
    /// Related-article markers ("Related:", "Read more") and teaser headlines.
    pub related: bool,
    /// Lines that repeat across several articles (site furniture).
    pub repeated_lines: bool,
    /// How many articles a line must appear in to count as repeated.
    pub repeat_min_articles: usize,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            enabled: true,
            prompts: true,
            disclaimers: true,
            captions: true,
            related: true,
            repeated_lines: true,
            repeat_min_articles: 3,
        }
    }
}

impl CleanOptions {
    /// Returns true if and only if these options remove boilerplate of `family`.
    fn removes(&self, family: Family) -> bool {
        match family {
            Family::Markup => true,
            Family::Prompts => self.prompts,
            Family::Disclaimers => self.disclaimers,
            Family::Captions => self.captions,
            Family::Related => self.related,
        }
    }
}

/// Lines at most this long (in words) count as repeated wherever they stand: menus, widget
/// labels and sign-offs are short, and a short line shared by several articles says little.
const SHORT_LINE_WORDS: usize = 12;

/// The share of an article's paragraphs, at its head and at its tail, where site furniture sits.
const EDGE_SHARE: f64 = 0.25;

/// Lines seen in several articles of the corpus: site furniture that no single page reveals.
///
/// A line (case-folded, digits as `0`, whitespace collapsed) is repeated when it appears in at
/// least `repeat_min_articles` articles and is either short (≤ 12 words) or stands, in every
/// article, in the first or last quarter of its paragraphs. Wire copy that several outlets share
/// is what crossread compares, so a sentence of more than 12 words never counts as repeated,
/// and a short sentence only when it always sits at an edge (a sign-off, not a quoted line).
#[derive(Debug, Default)]
pub struct RepeatedLines {
    lines: HashMap<String, LineSpread>,
    min_articles: usize,
}

/// A paragraph [`fold`]ed for comparison across articles, with the hash of its folded text
/// (computed where the page is read, in parallel, so that counting does not hash).
#[derive(Debug, Clone)]
pub struct FoldedLine {
    text: String,
    hash: u64,
}

impl FoldedLine {
    pub fn new(paragraph: &str) -> FoldedLine {
        use std::hash::BuildHasher;
        let text = fold(paragraph);
        let hash = rustc_hash::FxBuildHasher.hash_one(&text);
        FoldedLine { text, hash }
    }
}

/// A folded line as a key: hashed by its precomputed hash, compared by its text.
struct LineKey<'a>(&'a FoldedLine);

impl std::hash::Hash for LineKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

impl PartialEq for LineKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.text == other.0.text
    }
}

impl Eq for LineKey<'_> {}

/// Where one folded line was seen.
#[derive(Debug, Clone, Copy)]
struct LineSpread {
    /// How many articles contain it.
    articles: usize,
    /// The last article counted, so that a line repeated within one article counts once.
    last_article: usize,
    /// True while every occurrence sits in the first or last quarter of its article.
    at_edges: bool,
}

impl RepeatedLines {
    /// Counts the paragraphs of every text; empty when the option is off.
    #[cfg(test)]
    pub fn count<'a>(texts: impl Iterator<Item = &'a str>, options: &CleanOptions) -> Self {
        let folded: Vec<Vec<FoldedLine>> = texts
            .map(|text| {
                segment(text)
                    .iter()
                    .map(|unit| FoldedLine::new(&unit.text))
                    .collect()
            })
            .collect();
        RepeatedLines::count_folded(folded.iter().map(Vec::as_slice), options)
    }

    /// Returns true if and only if this corpus's cleaning looks for repeated lines at all; when
    /// false, [`RepeatedLines::count_folded`] needs no folded lines.
    pub fn wanted(options: &CleanOptions) -> bool {
        options.enabled && options.repeated_lines
    }

    /// Counts the paragraphs of every page, given as their folded lines in order (one slice
    /// per page, one entry per unit); empty when the option is off.
    pub fn count_folded<'a>(
        pages: impl Iterator<Item = &'a [FoldedLine]>,
        options: &CleanOptions,
    ) -> Self {
        // A line in a single article is not repeated, whatever the option says.
        let min_articles = options.repeat_min_articles.max(2);
        if !RepeatedLines::wanted(options) {
            return RepeatedLines {
                lines: HashMap::default(),
                min_articles,
            };
        }
        let pages: Vec<&[FoldedLine]> = pages.collect();
        let units = pages.iter().map(|keys| keys.len()).sum();
        // Keys borrow the folded lines: only the few lines that turn out repeated are copied.
        let mut lines: HashMap<LineKey, LineSpread> =
            HashMap::with_capacity_and_hasher(units, Default::default());
        for (article, keys) in pages.into_iter().enumerate() {
            let n = keys.len() as f64;
            for (i, key) in keys.iter().enumerate() {
                if key.text.is_empty() {
                    continue;
                }
                let position = i as f64 / n;
                let at_edge = position < EDGE_SHARE || (i + 1) as f64 / n > 1.0 - EDGE_SHARE;
                let spread = lines.entry(LineKey(key)).or_insert(LineSpread {
                    articles: 0,
                    last_article: usize::MAX,
                    at_edges: true,
                });
                if spread.last_article != article {
                    spread.articles += 1;
                    spread.last_article = article;
                }
                spread.at_edges &= at_edge;
            }
        }
        let lines = lines
            .into_iter()
            .filter(|(_, s)| s.articles >= min_articles)
            .map(|(key, s)| (key.0.text.clone(), s))
            .collect();
        RepeatedLines {
            lines,
            min_articles,
        }
    }

    /// Returns true if and only if the paragraph `text` is site furniture repeated across the
    /// corpus (see the type's documentation).
    #[cfg(test)]
    pub fn is_repeated(&self, text: &str) -> bool {
        self.is_repeated_folded(text, || fold(text))
    }

    /// [`RepeatedLines::is_repeated`] with the folded text computed only if needed.
    fn is_repeated_folded<K: AsRef<str>>(&self, text: &str, folded: impl FnOnce() -> K) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let Some(spread) = self.lines.get(folded().as_ref()) else {
            return false;
        };
        let words = word_count(text);
        let short = words <= SHORT_LINE_WORDS;
        let sentence = ends_sentence(text) && words >= 5;
        spread.articles >= self.min_articles
            && if sentence {
                short && spread.at_edges
            } else {
                short || spread.at_edges
            }
    }
}

/// Returns the article body without boilerplate: kept paragraphs, word for word, separated by
/// one blank line. With `enabled = false`, returns `raw` unchanged.
///
/// Every format goes through the same rules: Markdown-ish syntax turns up in saved `.txt`
/// pages too, and HTML arrives here already reduced to text.
#[cfg(test)]
pub fn clean(raw: &str, repeated: &RepeatedLines, options: &CleanOptions) -> String {
    if !options.enabled {
        return raw.to_string();
    }
    clean_page(&Page::read(raw), None, repeated, options)
}

/// The share of a page's words that rules without a cue of their own (a paragraph's place,
/// its repetition across the corpus) may remove when what they remove reads as prose.
const MAX_PROSE_LOSS: f64 = 0.2;

/// Puts back the prose paragraphs that only their place or their repetition marked as
/// furniture, when together they are more than [`MAX_PROSE_LOSS`] of the page: rules of place
/// are tuned on pages of short furniture lines, and a page they misread (a language they do
/// not know, a wire story that many outlets ran) must not lose its text to them. Paragraphs
/// with a cue of their own (a prompt's phrasing, a disclaimer, a credit) stay out.
fn keep_prose_dropped_by_place(page: &Page, dropped: &mut [bool]) {
    let total: usize = page.units.iter().map(|u| u.words()).sum();
    if total == 0 {
        return;
    }
    let weak: Vec<usize> = (0..page.units.len())
        .filter(|&i| {
            let unit = &page.units[i];
            dropped[i]
                && unit.words() >= 8
                && ends_sentence(&unit.text)
                && super::page::kind_alone(unit) == Kind::Content
        })
        .collect();
    let lost: usize = weak.iter().map(|&i| page.units[i].words()).sum();
    if lost as f64 > MAX_PROSE_LOSS * total as f64 {
        for i in weak {
            dropped[i] = false;
        }
    }
}

/// [`clean`] for a page already read (describing reads the same page); `folded`, if given,
/// holds the [`fold`]ed text of each of its units, as counted for `repeated`.
pub(super) fn clean_page(
    page: &Page,
    folded: Option<&[FoldedLine]>,
    repeated: &RepeatedLines,
    options: &CleanOptions,
) -> String {
    let mut out = String::with_capacity(page.units.iter().map(|u| u.text.len() + 2).sum());
    let mut dropped: Vec<bool> = page
        .units
        .iter()
        .zip(&page.kinds)
        .enumerate()
        .map(|(i, (unit, kind))| {
            let boilerplate = kind.family().is_some_and(|f| options.removes(f));
            let furniture = options.repeated_lines
                && *kind != Kind::Title
                && repeated.is_repeated_folded(&unit.text, || match folded {
                    Some(keys) => std::borrow::Cow::Borrowed(keys[i].text.as_str()),
                    None => std::borrow::Cow::Owned(fold(&unit.text)),
                });
            boilerplate || furniture
        })
        .collect();
    keep_prose_dropped_by_place(page, &mut dropped);
    for (unit, dropped) in page.units.iter().zip(dropped) {
        let text = unit.text.trim();
        if dropped || text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
    }
    out
}
