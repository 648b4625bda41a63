//! Word layout of diff-marked text, shared by the printed side-by-side view and the
//! terminal screens: text is cut into units (words, or single wide characters) carrying
//! the marks of a word diff, and laid out greedily in lines of a given width.
//!
//! Words are the unit of layout: a line breaks at spaces (or between CJK characters), a
//! change marker opens and closes at word edges, and a word is cut only when it is wider
//! than a whole line. Without colour, marked stretches are written in brackets (`[-…-]`
//! for the left's words, `{+…+}` for the right's) and their width counts.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::align::diff::{DiffOp, DiffTag};
use crate::display::text::{sanitize, width as display_width};

/// Between the two columns of a side-by-side view.
pub const DIVIDER: &str = " │ ";

/// Each column's width in a side-by-side view `width` cells wide: half of what the divider
/// leaves, at least one cell. The screen and the printout share it, so both wrap alike.
pub fn column_width(width: usize) -> usize {
    (width.saturating_sub(display_width(DIVIDER)) / 2).max(1)
}

/// Given the right passages' starts of pairs in the left article's order, returns for each
/// pair true if and only if its right passage sits out of the right article's order: not on
/// the longest run of pairs whose right passages keep the left article's order.
pub fn out_of_order(starts: &[usize]) -> Vec<bool> {
    // Longest increasing subsequence, quadratic: pairs between two articles are few.
    let mut best = vec![1usize; starts.len()];
    let mut previous = vec![None; starts.len()];
    for i in 0..starts.len() {
        for j in 0..i {
            if starts[j] <= starts[i] && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                previous[i] = Some(j);
            }
        }
    }
    let mut moved = vec![true; starts.len()];
    let mut at = (0..starts.len()).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        moved[i] = false;
        at = previous[i];
    }
    moved
}

/// The 1-based number of the paragraph (blank-line separated) holding byte `offset`.
pub fn paragraph_number(text: &str, offset: usize) -> usize {
    let mut number = 0;
    let mut is_blank = true;
    let mut line_start = 0;
    for line in text.split('\n') {
        if line_start > offset {
            break;
        }
        let blank = line.trim().is_empty();
        if is_blank && !blank {
            number += 1;
        }
        is_blank = blank;
        line_start += line.len() + 1;
    }
    number.max(1)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// How a stretch of text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Only the left says it (red; `[-…-]`).
    Deleted,
    /// Only the right says it (green; `{+…+}`).
    Inserted,
    /// The left's wording of something the right words differently (yellow; `[-…-]`).
    ReplacedLeft,
    /// The right's wording of it (yellow; `{+…+}`).
    ReplacedRight,
}

impl Mark {
    /// The brackets of a marked stretch in plain text.
    pub fn brackets(self) -> Option<(&'static str, &'static str)> {
        match self {
            Mark::Plain => None,
            Mark::Deleted | Mark::ReplacedLeft => Some(("[-", "-]")),
            Mark::Inserted | Mark::ReplacedRight => Some(("{+", "+}")),
        }
    }

    /// The ANSI SGR code of a marked stretch in colour.
    pub fn sgr(self) -> Option<&'static str> {
        match self {
            Mark::Plain => None,
            Mark::Deleted => Some("\x1b[31m"),
            Mark::Inserted => Some("\x1b[32m"),
            Mark::ReplacedLeft | Mark::ReplacedRight => Some("\x1b[33m"),
        }
    }

    /// Returns true if and only if two marks render as one run: with markers only the
    /// brackets tell them apart, so a deletion next to a replacement is one bracketed stretch.
    fn joins(self, other: Mark, markers: bool) -> bool {
        if markers {
            self.brackets() == other.brackets()
        } else {
            self == other
        }
    }
}

/// One side's marks as byte ranges relative to `offset` (the start of a segment).
pub fn marks(ops: &[DiffOp], side: Side, offset: usize) -> Vec<(Range<usize>, Mark)> {
    ops.iter()
        .map(|op| {
            let (range, mark) = match (side, op.tag) {
                (Side::Left, DiffTag::Equal) => (&op.a, Mark::Plain),
                (Side::Left, DiffTag::Replace) => (&op.a, Mark::ReplacedLeft),
                (Side::Left, _) => (&op.a, Mark::Deleted),
                (Side::Right, DiffTag::Equal) => (&op.b, Mark::Plain),
                (Side::Right, DiffTag::Replace) => (&op.b, Mark::ReplacedRight),
                (Side::Right, _) => (&op.b, Mark::Inserted),
            };
            (
                range.start.saturating_sub(offset)..range.end.saturating_sub(offset),
                mark,
            )
        })
        .filter(|(range, _)| !range.is_empty())
        .collect()
}

/// The match forms ([`crate::align::terms::match_form`]) of the words of `text`.
pub fn word_forms(text: &str) -> std::collections::HashSet<String> {
    text.split_whitespace()
        .map(crate::align::terms::match_form)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Unmarks the words of marked stretches that the other side uses too, anywhere in its
/// passage: a paraphrase says "Iran and Iraq have agreed" where the other says "Iraq and
/// Iran created", and what stays marked is what only one side says ("have agreed",
/// "created"). `marks` are ranges of `text`; `other` is [`word_forms`] of the other side.
pub fn unmark_shared_words(
    text: &str,
    marks: Vec<(Range<usize>, Mark)>,
    other: &std::collections::HashSet<String>,
) -> Vec<(Range<usize>, Mark)> {
    let mut out = Vec::with_capacity(marks.len());
    for (range, mark) in marks {
        if mark == Mark::Plain {
            out.push((range, mark));
            continue;
        }
        let Some(stretch) = text.get(range.clone()) else {
            out.push((range, mark));
            continue;
        };
        let mut at = 0;
        for word in stretch.split_whitespace() {
            let start = at + stretch[at..].find(word).unwrap_or(0);
            at = start + word.len();
            let shared = other.contains(&crate::align::terms::match_form(word));
            let word_mark = if shared { Mark::Plain } else { mark };
            let (from, to) = (range.start + start, range.start + at);
            match out.last_mut() {
                // Consecutive words keep one range, so a phrase stays one marked stretch.
                Some((last, m))
                    if *m == word_mark && last.end <= from && word_mark != Mark::Plain =>
                {
                    last.end = to;
                }
                _ => out.push((from..to, word_mark)),
            }
        }
    }
    out
}

/// Splits a pair into segments that start level on both sides: after each sentence end that
/// both sides share (an equal `.`, `!`, `?` or `…`, maybe closed by a quote or bracket, then
/// a space). Returns byte ranges of `left` and `right`, covering both.
pub fn segments(left: &str, right: &str, ops: &[DiffOp]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut cuts = Vec::new();
    for op in ops.iter().filter(|op| op.tag == DiffTag::Equal) {
        let words = |text: &str, range: &Range<usize>| -> Vec<Range<usize>> {
            text[range.clone()]
                .split_word_bound_indices()
                .filter(|(_, w)| !w.chars().all(char::is_whitespace))
                .map(|(i, w)| range.start + i..range.start + i + w.len())
                .collect()
        };
        let (words_l, words_r) = (words(left, &op.a), words(right, &op.b));
        for (j, (l, r)) in words_l.iter().zip(&words_r).enumerate() {
            let ends_sentence = |text: &str, w: &Range<usize>, previous: Option<&Range<usize>>| {
                let is_end = |w: &Range<usize>| matches!(&text[w.clone()], "." | "!" | "?" | "…");
                let is_closer =
                    matches!(&text[w.clone()], "\"" | "'" | "”" | "’" | ")" | "»" | "]");
                let followed_by_space = text[w.end..].starts_with(char::is_whitespace);
                followed_by_space && (is_end(w) || is_closer && previous.is_some_and(is_end))
            };
            let previous = j.checked_sub(1);
            if ends_sentence(left, l, previous.map(|p| &words_l[p]))
                && ends_sentence(right, r, previous.map(|p| &words_r[p]))
            {
                cuts.push((l.end, r.end));
            }
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let (mut from_l, mut from_r) = (0, 0);
    for (l, r) in cuts {
        out.push((from_l..l, from_r..r));
        (from_l, from_r) = (l, r);
    }
    out.push((from_l..left.len(), from_r..right.len()));
    out
}

/// Layout units of text with nothing marked.
pub fn plain_units(text: &str) -> Vec<Unit> {
    units(text, &[(0..text.len(), Mark::Plain)])
}

/// A unit of layout: a whitespace-delimited word (or one wide character), never split
/// across lines unless it is wider than a column, made of differently marked pieces.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    pieces: Vec<(Mark, String)>,
    /// True if a space separates it from the unit before.
    is_spaced: bool,
    /// Line breaks before it in the text: 1 starts a new line, 2 leaves a blank line.
    breaks: u8,
}

impl Unit {
    /// Its pieces of text, each with its mark.
    pub fn pieces(&self) -> &[(Mark, String)] {
        &self.pieces
    }

    fn push(&mut self, mark: Mark, text: &str) {
        match self.pieces.last_mut() {
            Some((m, s)) if *m == mark => s.push_str(text),
            _ => self.pieces.push((mark, text.to_string())),
        }
    }

    /// Gives the whole word one mark when its letters are marked differently ("al-Zameli"
    /// against "al-Zamili" marks "al-Zameli", not "Zameli"): a marker never splits a word.
    /// Punctuation at the word's edges keeps its own mark.
    fn coalesce(&mut self) {
        let has_letters = |s: &str| s.chars().any(char::is_alphanumeric);
        let first = self.pieces.iter().position(|(_, s)| has_letters(s));
        let last = self.pieces.iter().rposition(|(_, s)| has_letters(s));
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let core = &self.pieces[first..=last];
        let Some(mark) = core.iter().map(|(m, _)| *m).find(|m| *m != Mark::Plain) else {
            return;
        };
        for piece in &mut self.pieces[first..=last] {
            piece.0 = mark;
        }
        let pieces = std::mem::take(&mut self.pieces);
        for (m, s) in pieces {
            self.push(m, &s);
        }
    }
}

/// Splits text into layout units, each grapheme marked by the range of `marks` it falls in.
pub fn units(text: &str, marks: &[(Range<usize>, Mark)]) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut current: Option<Unit> = None;
    let (mut is_spaced, mut breaks) = (false, 0u8);
    let mut mark_at = marks.iter().peekable();
    let finish = |unit: Option<Unit>, out: &mut Vec<Unit>| {
        if let Some(mut unit) = unit {
            unit.coalesce();
            out.push(unit);
        }
    };
    for (i, g) in text.grapheme_indices(true) {
        if g.chars().all(char::is_whitespace) {
            finish(current.take(), &mut out);
            is_spaced = true;
            breaks = breaks.saturating_add(g.matches('\n').count() as u8).min(2);
            continue;
        }
        while mark_at.peek().is_some_and(|(range, _)| range.end <= i) {
            mark_at.next();
        }
        let mark = mark_at
            .peek()
            .filter(|(range, _)| range.start <= i)
            .map_or(Mark::Plain, |m| m.1);
        let g = sanitize(g);
        let is_wide = display_width(&g) >= 2;
        if is_wide {
            finish(current.take(), &mut out);
        }
        let unit = current.get_or_insert_with(|| {
            let unit = Unit {
                pieces: Vec::new(),
                is_spaced,
                breaks,
            };
            (is_spaced, breaks) = (false, 0);
            unit
        });
        unit.push(mark, &g);
        if is_wide {
            finish(current.take(), &mut out);
        }
    }
    finish(current.take(), &mut out);
    out
}

/// One laid-out line: runs of marked text (with their brackets when markers are on) and its
/// width in cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub runs: Vec<(Mark, String)>,
    pub width: usize,
}

impl Line {
    /// A line of plain text.
    pub fn plain(text: String) -> Line {
        Line {
            width: display_width(&text),
            runs: vec![(Mark::Plain, text)],
        }
    }

    /// The line as terminal text: marked runs in ANSI colours if `color`.
    pub fn ansi(&self, color: bool) -> String {
        let mut out = String::new();
        for (mark, text) in &self.runs {
            match mark.sgr().filter(|_| color) {
                Some(sgr) => {
                    out.push_str(sgr);
                    out.push_str(text);
                    out.push_str("\x1b[0m");
                }
                None => out.push_str(text),
            }
        }
        out
    }

    /// The text without marks or escape codes (brackets included when markers are on).
    pub fn text(&self) -> String {
        self.runs.iter().map(|(_, t)| t.as_str()).collect()
    }
}

/// Renders units on one line; a space between two units that carry the same mark is inside
/// the marked run, so "[-created the Baghdad-]" is one run. With `markers`, marked runs are
/// written inside their brackets, for reading without colour.
fn render_line(units: &[Unit], markers: bool) -> Line {
    let mut runs: Vec<(Mark, String)> = Vec::new();
    for (k, unit) in units.iter().enumerate() {
        for (p, (mark, text)) in unit.pieces.iter().enumerate() {
            let space = k > 0 && p == 0 && unit.is_spaced;
            match runs.last_mut() {
                Some((m, s)) if m.joins(*mark, markers) => {
                    if space {
                        s.push(' ');
                    }
                    s.push_str(text);
                }
                _ => {
                    if space {
                        runs.push((Mark::Plain, " ".to_string()));
                    }
                    runs.push((*mark, text.clone()));
                }
            }
        }
    }
    let mut line = Line::default();
    for (mark, text) in runs {
        let text = match mark.brackets().filter(|_| markers) {
            Some((open, close)) => format!("{open}{text}{close}"),
            None => text,
        };
        line.width += display_width(&text);
        match line.runs.last_mut() {
            Some((m, s)) if *m == mark => s.push_str(&text),
            _ => line.runs.push((mark, text)),
        }
    }
    line
}

/// Lays units out in lines of at most `column` cells: greedily, breaking only between
/// units, keeping line breaks and one blank line between paragraphs. A unit wider than a
/// column is cut between graphemes; its last piece may share a line with what follows.
pub fn lay_out(units: &[Unit], column: usize, markers: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<Unit> = Vec::new();
    for unit in units {
        if unit.breaks > 0 && !current.is_empty() {
            lines.push(render_line(&std::mem::take(&mut current), markers));
            if unit.breaks > 1 {
                lines.push(Line::default());
            }
        }
        current.push(unit.clone());
        if render_line(&current, markers).width <= column {
            continue;
        }
        let unit = current.pop().expect("just pushed");
        if !current.is_empty() {
            lines.push(render_line(&std::mem::take(&mut current), markers));
            current.push(unit.clone());
            if render_line(&current, markers).width <= column {
                continue;
            }
            current.clear();
        }
        let mut cut = cut_to_fit(&unit, column, markers);
        let rest = cut.pop().expect("a cut unit has a piece");
        lines.extend(cut.into_iter().map(|u| render_line(&[u], markers)));
        current.push(rest);
    }
    if !current.is_empty() {
        lines.push(render_line(&current, markers));
    }
    lines
}

/// Cuts a unit wider than a column into units that each fit (at least one grapheme each).
fn cut_to_fit(unit: &Unit, column: usize, markers: bool) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut current = Unit::default();
    for (mark, text) in &unit.pieces {
        for g in text.graphemes(true) {
            let mut candidate = current.clone();
            candidate.push(*mark, g);
            if !current.pieces.is_empty()
                && render_line(std::slice::from_ref(&candidate), markers).width > column
            {
                out.push(std::mem::take(&mut current));
                current.push(*mark, g);
            } else {
                current = candidate;
            }
        }
    }
    out.push(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::diff::word_diff;

    /// The text laid out on one line with bracket markers.
    fn marked(text: &str, marks: &[(Range<usize>, Mark)]) -> String {
        lay_out(&units(text, marks), 500, true)
            .iter()
            .map(Line::text)
            .collect()
    }

    #[test]
    fn words_the_other_side_uses_anywhere_are_unmarked() {
        let left = "Russia, Syria, Iraq and Iran created the Baghdad Information Center.";
        let right = "Russia, Syria, Iran and Iraq have agreed to establish an information \
                     center in Baghdad.";
        let ops = word_diff(left, right);
        let (l, r) = (marks(&ops, Side::Left, 0), marks(&ops, Side::Right, 0));
        assert_eq!(
            marked(left, &l),
            "Russia, Syria, [-Iraq and Iran created the Baghdad-] Information Center."
        );
        let l = unmark_shared_words(left, l, &word_forms(right));
        let r = unmark_shared_words(right, r, &word_forms(left));
        assert_eq!(
            marked(left, &l),
            "Russia, Syria, Iraq and Iran [-created the-] Baghdad Information Center."
        );
        assert_eq!(
            marked(right, &r),
            "Russia, Syria, Iran and Iraq {+have agreed to establish an+} information center \
             {+in+} Baghdad."
        );
    }

    #[test]
    fn match_forms_meet_across_case_punctuation_and_inflection() {
        let forms = word_forms("The center, established in Iraq's capital.");
        for word in ["Center", "establish", "Iraq", "capital", "the"] {
            assert!(
                forms.contains(&crate::align::terms::match_form(word)),
                "{word}"
            );
        }
        assert!(!forms.contains(&crate::align::terms::match_form("Iraqi")));
        assert_eq!(crate::align::terms::match_form("—"), "");
    }
}
