//! The static side-by-side view of two articles (`crossread compare` when printing): each
//! aligned pair on shared rows, its changed words marked, then what each article says alone.
//!
//! Rendering is a pure function of the two articles, their pairs and a width, so tests read
//! like the output. Words are the unit of layout: a line breaks at spaces (or between CJK
//! characters), a change marker opens and closes at word edges, and a word is cut only when
//! it is wider than a whole column.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::span_text;
use crate::align::diff::{word_diff, DiffOp, DiffTag};
use crate::align::{AlignedPair, Span};
use crate::corpus::Article;
use crate::tui::text::{sanitize, width as display_width};

/// What the side-by-side view shows: two articles and what lines up between them.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    pub left: &'a Article,
    pub right: &'a Article,
    /// Pairs oriented `(pair, left span, right span)`, in the left article's text order, as
    /// [`crate::align::Alignment::between`] gives them.
    pub pairs: &'a [(AlignedPair, Span, Span)],
    /// Stretches of the left article that no pair covers, in text order.
    pub unique_left: &'a [Span],
    /// Stretches of the right article that no pair covers, in text order.
    pub unique_right: &'a [Span],
}

/// Between the two columns.
const DIVIDER: &str = " │ ";

/// Renders the comparison at `width` terminal cells, with ANSI colours if `color`, else with
/// `[-…-]` around words only the left says (or says differently) and `{+…+}` around words
/// only the right says. Every line ends with a newline; none is wider than `width` unless a
/// column is narrower than a marked character (`width` < 13).
pub fn render(cmp: &Comparison, width: usize, color: bool) -> String {
    let layout = Layout { column: column_width(width), width, color };
    let mut out = String::new();
    render_header(&mut out, cmp, &layout);
    let moved = out_of_order(cmp.pairs);
    for (i, (pair, left, right)) in cmp.pairs.iter().enumerate() {
        let (kind, n) = (pair.kind.as_str(), cmp.pairs.len());
        let mut title = format!("{}/{n} · {kind} · {:.2}", i + 1, pair.score);
        if moved[i] {
            let paragraph = paragraph_number(&cmp.right.text, right.start);
            title.push_str(&format!(" · right ¶{paragraph}, moved"));
        }
        push_rule(&mut out, &title, layout.width);
        let left_text = span_text(cmp.left, left);
        let right_text = span_text(cmp.right, right);
        let ops = word_diff(left_text, right_text);
        for (l, r) in segments(left_text, right_text, &ops) {
            let left_units = units(&left_text[l.clone()], &marks(&ops, Side::Left, l.start));
            let right_units = units(&right_text[r.clone()], &marks(&ops, Side::Right, r.start));
            let (left_lines, right_lines) =
                (lay_out(&left_units, &layout), lay_out(&right_units, &layout));
            push_rows(&mut out, &layout, &left_lines, &right_lines);
        }
    }
    if cmp.pairs.is_empty() {
        let line = format!("No aligned passages between {} and {}.", cmp.left.id, cmp.right.id);
        for l in crate::tui::text::wrap(&line, layout.width.max(1)) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    render_unique(&mut out, cmp, &layout);
    out
}

/// Widths of one rendering.
struct Layout {
    /// Cells of each column: both the same, so that the two sides wrap alike.
    column: usize,
    /// Cells of a whole line.
    width: usize,
    color: bool,
}

/// Each column's width: half of what the divider leaves, at least one cell.
fn column_width(width: usize) -> usize {
    (width.saturating_sub(display_width(DIVIDER)) / 2).max(1)
}

/// Ids, outlets and dates, and titles, each side in its column.
fn render_header(out: &mut String, cmp: &Comparison, layout: &Layout) {
    let describe = |a: &Article| {
        let outlet = a.meta.outlet.as_deref().unwrap_or("-");
        let date = a.meta.date.as_deref().unwrap_or("-");
        format!("{}\n{outlet} · {date}\n{}", a.id, a.meta.title.as_deref().unwrap_or("-"))
    };
    let left = lay_out(&plain_units(&describe(cmp.left)), layout);
    let right = lay_out(&plain_units(&describe(cmp.right)), layout);
    push_rows(out, layout, &left, &right);
}

/// The last part: a heading per side, then the stretches only that side has, top-aligned.
fn render_unique(out: &mut String, cmp: &Comparison, layout: &Layout) {
    let column = |article: &Article, spans: &[Span]| {
        let mut text = String::new();
        for span in spans {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(span_text(article, span).trim());
        }
        if text.is_empty() {
            text.push_str("(nothing)");
        }
        let heading = rule(&format!("Only in {}", article.id), layout.column);
        let mut lines = vec![heading];
        lines.extend(lay_out(&plain_units(&text), layout));
        lines
    };
    let left = column(cmp.left, cmp.unique_left);
    let right = column(cmp.right, cmp.unique_right);
    push_rows(out, layout, &left, &right);
}

/// Appends rows: the left line padded to the column, the divider, the right line. The
/// shorter side is padded with empty lines, so that what follows starts level.
fn push_rows(out: &mut String, layout: &Layout, left: &[Line], right: &[Line]) {
    let empty = Line::default();
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).unwrap_or(&empty);
        let r = right.get(i).unwrap_or(&empty);
        let mut row = String::new();
        row.push_str(&l.text);
        row.push_str(&" ".repeat(layout.column.saturating_sub(l.width)));
        row.push_str(DIVIDER);
        row.push_str(&r.text);
        out.push_str(row.trim_end_matches(' '));
        out.push('\n');
    }
}

/// A full-width rule with a title: `── 1/9 · paraphrase · 0.71 ─────`.
fn push_rule(out: &mut String, title: &str, width: usize) {
    out.push_str(&rule(title, width).text);
    out.push('\n');
}

fn rule(title: &str, width: usize) -> Line {
    let head = format!("── {} ", sanitize(title));
    let head = crate::tui::text::truncate(&head, width).into_owned();
    let used = display_width(&head);
    let text = format!("{head}{}", "─".repeat(width.saturating_sub(used)));
    Line { width: display_width(&text), text }
}

/// Returns, for each pair, true if and only if its right passage sits out of the right
/// article's order: not on the longest run of pairs whose right passages keep the left
/// article's order.
fn out_of_order(pairs: &[(AlignedPair, Span, Span)]) -> Vec<bool> {
    let starts: Vec<usize> = pairs.iter().map(|(_, _, r)| r.start).collect();
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
fn paragraph_number(text: &str, offset: usize) -> usize {
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// How a stretch of text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
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
    fn brackets(self) -> Option<(&'static str, &'static str)> {
        match self {
            Mark::Plain => None,
            Mark::Deleted | Mark::ReplacedLeft => Some(("[-", "-]")),
            Mark::Inserted | Mark::ReplacedRight => Some(("{+", "+}")),
        }
    }

    /// The ANSI SGR code of a marked stretch in colour.
    fn sgr(self) -> Option<&'static str> {
        match self {
            Mark::Plain => None,
            Mark::Deleted => Some("\x1b[31m"),
            Mark::Inserted => Some("\x1b[32m"),
            Mark::ReplacedLeft | Mark::ReplacedRight => Some("\x1b[33m"),
        }
    }

    /// Returns true if and only if two marks render as one run: in plain text only the
    /// brackets show, so a deletion next to a replacement is one bracketed stretch.
    fn joins(self, other: Mark, color: bool) -> bool {
        if color {
            self == other
        } else {
            self.brackets() == other.brackets()
        }
    }
}

/// One side's marks as byte ranges relative to `offset` (the start of a segment).
fn marks(ops: &[DiffOp], side: Side, offset: usize) -> Vec<(Range<usize>, Mark)> {
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
            (range.start.saturating_sub(offset)..range.end.saturating_sub(offset), mark)
        })
        .filter(|(range, _)| !range.is_empty())
        .collect()
}

/// Splits a pair into segments that start level on both sides: after each sentence end that
/// both sides share (an equal `.`, `!`, `?` or `…`, maybe closed by a quote or bracket, then
/// a space). Returns byte ranges of `left` and `right`, covering both.
fn segments(left: &str, right: &str, ops: &[DiffOp]) -> Vec<(Range<usize>, Range<usize>)> {
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
fn plain_units(text: &str) -> Vec<Unit> {
    units(text, &[(0..text.len(), Mark::Plain)])
}

/// A unit of layout: a whitespace-delimited word (or one wide character), never split
/// across lines unless it is wider than a column, made of differently marked pieces.
#[derive(Debug, Clone, Default, PartialEq)]
struct Unit {
    pieces: Vec<(Mark, String)>,
    /// True if a space separates it from the unit before.
    is_spaced: bool,
    /// Line breaks before it in the text: 1 starts a new line, 2 leaves a blank line.
    breaks: u8,
}

impl Unit {
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
fn units(text: &str, marks: &[(Range<usize>, Mark)]) -> Vec<Unit> {
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
        let mark =
            mark_at.peek().filter(|(range, _)| range.start <= i).map_or(Mark::Plain, |m| m.1);
        let g = sanitize(g);
        let is_wide = display_width(&g) >= 2;
        if is_wide {
            finish(current.take(), &mut out);
        }
        let unit = current.get_or_insert_with(|| {
            let unit = Unit { pieces: Vec::new(), is_spaced, breaks };
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

/// One rendered line of a column: text (with brackets or escape codes) and its width in
/// cells.
#[derive(Debug, Clone, Default, PartialEq)]
struct Line {
    text: String,
    width: usize,
}

/// Renders units on one line; a space between two units that carry the same mark is inside
/// the marked run, so "[-created the Baghdad-]" is one run.
fn render_line(units: &[Unit], color: bool) -> Line {
    let mut runs: Vec<(Mark, String)> = Vec::new();
    for (k, unit) in units.iter().enumerate() {
        for (p, (mark, text)) in unit.pieces.iter().enumerate() {
            let space = k > 0 && p == 0 && unit.is_spaced;
            match runs.last_mut() {
                Some((m, s)) if m.joins(*mark, color) => {
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
        line.width += display_width(&text);
        match (color, mark.brackets(), mark.sgr()) {
            (true, _, Some(sgr)) => {
                line.text.push_str(sgr);
                line.text.push_str(&text);
                line.text.push_str("\x1b[0m");
            }
            (false, Some((open, close)), _) => {
                line.text.push_str(open);
                line.text.push_str(&text);
                line.text.push_str(close);
                line.width += display_width(open) + display_width(close);
            }
            _ => line.text.push_str(&text),
        }
    }
    line
}

/// Lays units out in lines of at most `layout.column` cells: greedily, breaking only between
/// units, keeping line breaks and one blank line between paragraphs. A unit wider than a
/// column is cut between graphemes; its last piece may share a line with what follows.
fn lay_out(units: &[Unit], layout: &Layout) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<Unit> = Vec::new();
    for unit in units {
        if unit.breaks > 0 && !current.is_empty() {
            lines.push(render_line(&std::mem::take(&mut current), layout.color));
            if unit.breaks > 1 {
                lines.push(Line::default());
            }
        }
        current.push(unit.clone());
        if render_line(&current, layout.color).width <= layout.column {
            continue;
        }
        let unit = current.pop().expect("just pushed");
        if !current.is_empty() {
            lines.push(render_line(&std::mem::take(&mut current), layout.color));
            current.push(unit.clone());
            if render_line(&current, layout.color).width <= layout.column {
                continue;
            }
            current.clear();
        }
        let mut cut = cut_to_fit(&unit, layout);
        let rest = cut.pop().expect("a cut unit has a piece");
        lines.extend(cut.into_iter().map(|u| render_line(&[u], layout.color)));
        current.push(rest);
    }
    if !current.is_empty() {
        lines.push(render_line(&current, layout.color));
    }
    lines
}

/// Cuts a unit wider than a column into units that each fit (at least one grapheme each).
fn cut_to_fit(unit: &Unit, layout: &Layout) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut current = Unit::default();
    for (mark, text) in &unit.pieces {
        for g in text.graphemes(true) {
            let mut candidate = current.clone();
            candidate.push(*mark, g);
            if !current.pieces.is_empty()
                && render_line(std::slice::from_ref(&candidate), layout.color).width > layout.column
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
    use crate::align::PairKind;
    use crate::cli::test_article as article;
    use pretty_assertions::assert_eq;

    /// The pair of `left[l]` and `right[r]` (found by text), oriented left to right.
    fn pair(
        kind: PairKind,
        score: f32,
        left: &Article,
        l: &str,
        right: &Article,
        r: &str,
    ) -> (AlignedPair, Span, Span) {
        let find = |a: &Article, s: &str, article| {
            let start = a.text.find(s).unwrap_or_else(|| panic!("{s:?} not in {}", a.id));
            Span { article, start, end: start + s.len() }
        };
        let (a, b) = (find(left, l, 0), find(right, r, 1));
        (AlignedPair { kind, score, a, b }, a, b)
    }

    /// A comparison of pairs, with nothing unique on either side.
    fn pairs_only<'a>(
        left: &'a Article,
        right: &'a Article,
        pairs: &'a [(AlignedPair, Span, Span)],
    ) -> Comparison<'a> {
        Comparison { left, right, pairs, unique_left: &[], unique_right: &[] }
    }

    /// The spans of `texts` in `a`, as unique stretches.
    fn spans(a: &Article, article: usize, texts: &[&str]) -> Vec<Span> {
        texts
            .iter()
            .map(|t| {
                let start = a.text.find(t).unwrap();
                Span { article, start, end: start + t.len() }
            })
            .collect()
    }

    #[track_caller]
    fn assert_renders(cmp: &Comparison, width: usize, expected: &[&str]) {
        let out = render(cmp, width, false);
        for line in out.lines() {
            assert!(display_width(line) <= width, "{line:?} is wider than {width}");
        }
        assert_eq!(out.lines().collect::<Vec<_>>(), expected, "at width {width}:\n{out}");
        assert!(out.ends_with('\n'));
    }

    #[test]
    fn a_pair_shares_rows_and_marks_its_changed_words() {
        let left = article(
            "left",
            "Left Post",
            Some("2024-01-02"),
            "Army takes city",
            "Intro line.\n\nThe army took the city on Monday after a long siege.\n\nOther news.",
        );
        let right = article(
            "right",
            "Right Wire",
            None,
            "City falls",
            "The army seized the city on Monday.\n\nMore.",
        );
        let pairs = [pair(
            PairKind::Verbatim,
            0.9,
            &left,
            "The army took the city on Monday after a long siege.",
            &right,
            "The army seized the city on Monday.",
        )];
        let unique_left = spans(&left, 0, &["Intro line.", "Other news."]);
        let unique_right = spans(&right, 1, &["More."]);
        let cmp = Comparison {
            left: &left,
            right: &right,
            pairs: &pairs,
            unique_left: &unique_left,
            unique_right: &unique_right,
        };
        assert_renders(
            &cmp,
            43,
            &[
                "left                 │ right",
                "Left Post ·          │ Right Wire · -",
                "2024-01-02           │ City falls",
                "Army takes city      │",
                "── 1/1 · verbatim · 0.90 ──────────────────",
                "The army [-took-]    │ The army {+seized+}",
                "the city on Monday   │ the city on Monday.",
                "[-after a long-]     │",
                "[-siege-].           │",
                "── Only in left ──── │ ── Only in right ───",
                "Intro line.          │ More.",
                "                     │",
                "Other news.          │",
            ],
        );
    }

    #[test]
    fn a_shared_sentence_end_starts_the_next_sentence_level() {
        let left = article(
            "a",
            "A",
            None,
            "T",
            "He said: “We agree.” Then the talks ended without a deal today.",
        );
        let right = article("b", "B", None, "T", "He said: \"We agree.\" Later the meeting ended.");
        let pairs = [pair(PairKind::Verbatim, 0.8, &left, &left.text, &right, &right.text)];
        let cmp = pairs_only(&left, &right, &pairs);
        // Curly and straight quotes are no difference; "the" between two changes is
        // absorbed; a run broken by the line end closes and opens again.
        assert_renders(
            &cmp,
            43,
            &[
                "a                    │ b",
                "A · -                │ B · -",
                "T                    │ T",
                "── 1/1 · verbatim · 0.80 ──────────────────",
                "He said: “We agree.” │ He said: \"We agree.\"",
                "[-Then the talks-]   │ {+Later the+}",
                "ended [-without a-]  │ {+meeting+} ended.",
                "[-deal today-].      │",
                "── Only in a ─────── │ ── Only in b ───────",
                "(nothing)            │ (nothing)",
            ],
        );
    }

    #[test]
    fn cjk_wraps_between_characters_and_keeps_words_whole_in_markers() {
        let left = article("左", "新闻", None, "合作", "伊拉克与俄罗斯合作打击恐怖主义。");
        let right = article("右", "通讯社", None, "合作", "伊拉克与叙利亚合作。");
        let pairs = [pair(PairKind::Paraphrase, 0.6, &left, &left.text, &right, &right.text)];
        let cmp = pairs_only(&left, &right, &pairs);
        assert_renders(
            &cmp,
            23,
            &[
                "左         │ 右",
                "新闻 · -   │ 通讯社 · -",
                "合作       │ 合作",
                "── 1/1 · paraphrase · …",
                "伊拉克与   │ 伊拉克与",
                "[-俄罗斯-] │ {+叙利亚+}",
                "合作[-打-] │ 合作。",
                "[-击恐怖-] │",
                "[-主义-]。 │",
                "── Only i… │ ── Only i…",
                "(nothing)  │ (nothing)",
            ],
        );
    }

    #[test]
    fn a_right_passage_out_of_order_is_called_moved() {
        let left = article("a", "A", None, "T", "First claim here. Second claim here.");
        let right = article("b", "B", None, "T", "Second claim there.\n\nFirst claim there.");
        let pairs = [
            pair(PairKind::Verbatim, 0.8, &left, "First claim here.", &right, "First claim there."),
            pair(
                PairKind::Verbatim,
                0.7,
                &left,
                "Second claim here.",
                &right,
                "Second claim there.",
            ),
        ];
        let cmp = pairs_only(&left, &right, &pairs);
        assert_renders(
            &cmp,
            50,
            &[
                "a                       │ b",
                "A · -                   │ B · -",
                "T                       │ T",
                "── 1/2 · verbatim · 0.80 ─────────────────────────",
                "First claim [-here-].   │ First claim {+there+}.",
                "── 2/2 · verbatim · 0.70 · right ¶1, moved ───────",
                "Second claim [-here-].  │ Second claim {+there+}.",
                "── Only in a ────────── │ ── Only in b ──────────",
                "(nothing)               │ (nothing)",
            ],
        );
    }

    #[test]
    fn without_pairs_it_says_so_and_shows_each_side_alone() {
        let left = article("a", "A", None, "T", "Only this.");
        let right =
            article("b", "B", None, "T", "Only that, and https://example.com/a/very/long/path/x");
        let unique_left = spans(&left, 0, &[&left.text]);
        let unique_right = spans(&right, 1, &[&right.text]);
        let cmp = Comparison {
            left: &left,
            right: &right,
            pairs: &[],
            unique_left: &unique_left,
            unique_right: &unique_right,
        };
        assert_renders(
            &cmp,
            33,
            &[
                "a               │ b",
                "A · -           │ B · -",
                "T               │ T",
                "No aligned passages between a and",
                "b.",
                "── Only in a ── │ ── Only in b ──",
                "Only this.      │ Only that, and",
                "                │ https://example",
                "                │ .com/a/very/lon",
                "                │ g/path/x",
            ],
        );
    }

    #[test]
    fn colour_marks_deleted_red_inserted_green_and_replaced_yellow() {
        let left = article("a", "A", None, "T", "Troops took the city quickly.");
        let right = article("b", "B", None, "T", "Troops seized the city.");
        let right2 = article("c", "C", None, "T", "Troops took the old city quickly.");
        let cmp = |right: &Article| {
            let pairs = [pair(PairKind::Verbatim, 0.8, &left, &left.text, right, &right.text)];
            let out = render(&pairs_only(&left, right, &pairs), 80, true);
            out.lines().nth(4).unwrap().to_string()
        };
        assert_eq!(
            cmp(&right),
            "Troops \x1b[33mtook\x1b[0m the city \x1b[31mquickly\x1b[0m.          │ \
             Troops \x1b[33mseized\x1b[0m the city."
        );
        assert_eq!(
            cmp(&right2),
            "Troops took the city quickly.          │ Troops took the \x1b[32mold\x1b[0m city quickly."
        );
    }

    #[test]
    fn very_narrow_columns_still_hold_every_word() {
        let left = article("a", "A", None, "T", "Unbelievably long words happen.");
        let right = article("b", "B", None, "T", "Long words happen.");
        let pairs = [pair(PairKind::Verbatim, 0.5, &left, &left.text, &right, &right.text)];
        let cmp = pairs_only(&left, &right, &pairs);
        let out = render(&cmp, 20, false);
        let left_column: String = out
            .lines()
            .skip(4)
            .take_while(|l| !l.starts_with("──"))
            .map(|l| l.split(" │").next().unwrap().trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(left_column, "[-Unbe-] [-liev-] [-ably-] long words happen.", "{out}");
    }

    #[test]
    fn a_reworded_phrase_stays_whole_inside_one_marker_on_one_row() {
        let left = article(
            "a",
            "A",
            None,
            "T",
            "Last week the two ministries quietly opened the Joint Press Office to answer \
             questions from reporters.",
        );
        let right = article(
            "b",
            "B",
            None,
            "T",
            "The ministries have decided to set up a press office in the capital Vilnius to \
             answer questions from reporters.",
        );
        let pairs = [pair(PairKind::Paraphrase, 0.7, &left, &left.text, &right, &right.text)];
        let cmp = pairs_only(&left, &right, &pairs);
        let out = render(&cmp, 200, false);
        let row = out.lines().nth(4).unwrap();
        assert!(
            row.starts_with(
                "[-Last week the two-] ministries [-quietly opened the Joint Press Office-] to"
            ),
            "{out}"
        );
        assert!(
            row.contains("│ {+The+} ministries {+have decided to set up a press office in the capital Vilnius+}"),
            "{out}"
        );
    }

    #[test]
    fn paragraph_numbers_count_blank_line_separated_paragraphs() {
        let text = "One.\n\nTwo\nstill two.\n\n\nThree.";
        assert_eq!(paragraph_number(text, 0), 1);
        assert_eq!(paragraph_number(text, text.find("still").unwrap()), 2);
        assert_eq!(paragraph_number(text, text.find("Three").unwrap()), 3);
    }
}
