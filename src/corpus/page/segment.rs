//! Raw text to paragraphs ("units"): the pieces that cleaning keeps or drops whole.
//!
//! Pages saved as text separate paragraphs either by blank lines or by single line breaks (a
//! caption, a teaser and a body paragraph can sit on three consecutive lines), and some break
//! lines in mid-sentence ("a spokesman for \nPrime Minister"). So every line is its own unit
//! unless it evidently continues the line before: see [`continues`].

use super::markdown::{render_line, RenderedLine};
use super::shape::{ends_sentence, first_alphanumeric, last_word, word_count};

/// One paragraph of the page, rendered to plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    /// The paragraph's words, Markdown markers removed, lines joined by one space.
    pub text: String,
    /// True if the paragraph was a Markdown heading.
    pub heading: bool,
    /// True if the paragraph has no reading text (a rule, an image, a bare URL).
    pub markup: bool,
    /// True if every line of the paragraph is links (plus at most a short label).
    pub link_only: bool,
    /// True if the paragraph stands alone between blank lines, as headlines do; false if
    /// other paragraphs share its block, as in menus and caption stacks.
    pub alone: bool,
    /// The [`word_count`] of `text`, counted once: paragraphs are judged by it many times.
    words: usize,
}

impl Unit {
    fn from_line(line: RenderedLine) -> Unit {
        Unit {
            words: unit_words(&line.text),
            text: line.text,
            heading: line.heading,
            markup: line.markup,
            link_only: line.link_only,
            alone: false,
        }
    }

    /// Number of whitespace-separated words, or for Japanese, Chinese or Thai (written without
    /// spaces) half the number of their characters if that is more.
    pub fn words(&self) -> usize {
        self.words
    }
}

/// The words of a line as [`Unit::words`] counts them.
fn unit_words(text: &str) -> usize {
    let spaced = word_count(text);
    if text.is_ascii() {
        return spaced;
    }
    let unspaced = text.chars().filter(|&c| super::cue::is_unspaced(c)).count();
    spaced.max(unspaced / 2)
}

/// Splits a raw text into units, in order. Empty lines only separate.
pub fn segment(raw: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block: Vec<RenderedLine> = Vec::new();
    for line in raw.lines() {
        if line.trim().is_empty() {
            flush(&mut block, &mut units);
        } else {
            block.push(render_line(line));
        }
    }
    flush(&mut block, &mut units);
    units
}

/// Turns one block of consecutive non-empty lines into units.
fn flush(block: &mut Vec<RenderedLine>, units: &mut Vec<Unit>) {
    let wrapped = is_wrapped(block);
    let first = units.len();
    let mut current: Option<Unit> = None;
    for line in block.drain(..) {
        if line.text.is_empty() && !line.markup {
            continue;
        }
        match current.as_mut() {
            Some(unit)
                if !line.markup && !line.heading && (wrapped || continues(unit, &line.text)) =>
            {
                unit.text.push(' ');
                unit.text.push_str(&line.text);
                // The space between them ends any word: the counts add up.
                unit.words += unit_words(&line.text);
                unit.link_only &= line.link_only;
            }
            _ => {
                units.extend(current.take());
                current = Some(Unit::from_line(line));
            }
        }
    }
    units.extend(current);
    if units.len() == first + 1 {
        units[first].alone = true;
    }
}

/// Words after which a line cannot end a sentence or a headline.
#[rustfmt::skip]
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or",
    "but", "as", "that", "which", "who", "whose", "whom", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "its", "their", "his", "her", "our", "your", "this", "these",
    "those", "than", "into", "about", "over", "under", "between", "against", "during", "after",
    "before", "via", "not", "if", "when", "while", "where",
];

/// Returns true if and only if `next` continues the paragraph `unit` in mid-sentence: the unit
/// ends without sentence punctuation and either `next` starts in lower case, or the unit ends
/// on a comma or on a word that cannot end a sentence ("for", "the").
///
/// ```text
/// "a spokesman for " + "Prime Minister, ..."   → joined
/// "we kindly ask you," + "to facilitate ..."   → joined
/// "Photo by: Reuters" + "Photo by: Reuters"    → separate
/// ```
fn continues(unit: &Unit, next: &str) -> bool {
    if unit.heading || unit.markup {
        return false;
    }
    let end = unit.text.trim_end();
    if ends_sentence(end) {
        // "…the ruling in Roe v." + "Wade …": the full stop is the title's, not the sentence's.
        return end.ends_with('.')
            && last_word(end)
                .zip(next.split_whitespace().next())
                .is_some_and(|(w, n)| {
                    crate::align::text::title_before(
                        w,
                        n.trim_start_matches(|c: char| !c.is_alphanumeric()),
                    )
                });
    }
    if end.ends_with(':') {
        return false;
    }
    if end.ends_with([',', ';']) || first_alphanumeric(next).is_some_and(char::is_lowercase) {
        return true;
    }
    last_word(end).is_some_and(|w| w.chars().all(char::is_lowercase) && DANGLING.contains(&w))
}

/// Returns true if and only if a block reads as prose hard-wrapped at a fixed width: at least
/// four lines, every line but the last nearly as long as the longest, most of them ending in
/// mid-sentence. Such a block is one paragraph.
fn is_wrapped(block: &[RenderedLine]) -> bool {
    if block.len() < 4 || block.iter().any(|l| l.heading || l.markup) {
        return false;
    }
    let body = &block[..block.len() - 1];
    let lengths: Vec<usize> = body.iter().map(|l| l.text.chars().count()).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    // Wrapping at a width leaves lines within a word's length of it; 40 columns is the narrowest
    // wrap in common use.
    let even = longest >= 40 && lengths.iter().all(|&n| n * 5 >= longest * 4);
    let open = body.iter().filter(|l| !ends_sentence(&l.text)).count();
    even && open * 2 >= body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(raw: &str) -> Vec<String> {
        segment(raw).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn single_line_breaks_separate_paragraphs() {
        let raw =
            "Caption of a photo - Outlet\nTeaser Headline Here\nThe statement follows a meeting.";
        assert_eq!(texts(raw).len(), 3);
    }

    #[test]
    fn a_line_broken_in_mid_sentence_is_joined() {
        let raw = "“It’s a committee,” Saad al-Hadithi, a spokesman for \nPrime Minister, said.";
        assert_eq!(
            texts(raw),
            ["“It’s a committee,” Saad al-Hadithi, a spokesman for Prime Minister, said."]
        );
        let raw = "Re-publications are welcome, but we kindly ask you,\nto cite all these sources.";
        assert_eq!(texts(raw).len(), 1);
        let raw = "The talks went on\nuntil late.";
        assert_eq!(texts(raw).len(), 1);
        // A line broken after a title or the "v." of a case name.
        let raw = "The ruling in Roe v.\nWade stands, said Gov.\nAndrew Cuomo on Dec.\n5.";
        assert_eq!(
            texts(raw),
            ["The ruling in Roe v. Wade stands, said Gov. Andrew Cuomo on Dec. 5."]
        );
    }

    #[test]
    fn finished_lines_are_not_joined() {
        assert_eq!(texts("He spoke.\nthen left").len(), 2);
        // Initials may end a sentence; a title before a sentence opener ends one.
        assert_eq!(texts("He flew to L. A.\nLater he spoke.").len(), 2);
        assert_eq!(
            texts("It was the case of Smith v.\nThe court said no.").len(),
            2
        );
        assert_eq!(texts("Photo by: Reuters\nPhoto by: Reuters").len(), 2);
        assert_eq!(
            texts("War Press Info Network at:\nre-publications welcome").len(),
            2
        );
        assert_eq!(texts("# A heading for\nthe page").len(), 2);
        assert_eq!(
            texts("Posted by Jane Roe at 10:15 PM\n5 comments:").len(),
            2
        );
    }

    #[test]
    fn hard_wrapped_prose_is_one_paragraph() {
        let raw = "The United States is leading a 60-plus member coalition allegedly\n\
                   targeting the group in Iraq and Syria and has been carrying out\n\
                   frequent raids for more than a year, officials in Washington\n\
                   said.";
        assert_eq!(texts(raw).len(), 1);
    }

    #[test]
    fn blank_lines_and_markup_separate() {
        let raw = "\n\nFirst.\n\n\n---\nSecond\n";
        let units = segment(raw);
        assert_eq!(units.len(), 3);
        assert!(units[1].markup);
    }
}
