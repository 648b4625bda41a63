//! The static side-by-side view of two articles (`crossread compare` when printing): each
//! aligned pair on shared rows, its changed words marked, then what each article says alone.
//!
//! Rendering is a pure function of the two articles, their pairs and a width, so tests read
//! like the output. Words are the unit of layout: a line breaks at spaces (or between CJK
//! characters), a change marker opens and closes at word edges, and a word is cut only when
//! it is wider than a whole column.

use super::span_text;
use crate::align::diff::word_diff;
use crate::align::{AlignedPair, Span};
use crate::corpus::Article;
use crate::layout::{
    lay_out as lay_out_lines, marks, out_of_order, paragraph_number, plain_units, segments, units,
    Line, Side, Unit,
};
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
    let layout = Layout {
        column: column_width(width),
        width,
        color,
    };
    let mut out = String::new();
    render_header(&mut out, cmp, &layout);
    let starts: Vec<usize> = cmp.pairs.iter().map(|(_, _, r)| r.start).collect();
    let moved = out_of_order(&starts);
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
            let (left_lines, right_lines) = (
                lay_out(&left_units, &layout),
                lay_out(&right_units, &layout),
            );
            push_rows(&mut out, &layout, &left_lines, &right_lines);
        }
    }
    if cmp.pairs.is_empty() {
        let line = format!(
            "No aligned passages between {} and {}.",
            cmp.left.id, cmp.right.id
        );
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
        format!(
            "{}\n{outlet} · {date}\n{}",
            a.id,
            a.meta.title.as_deref().unwrap_or("-")
        )
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
        row.push_str(&l.ansi(layout.color));
        row.push_str(&" ".repeat(layout.column.saturating_sub(l.width)));
        row.push_str(DIVIDER);
        row.push_str(&r.ansi(layout.color));
        out.push_str(row.trim_end_matches(' '));
        out.push('\n');
    }
}

/// A full-width rule with a title: `── 1/9 · paraphrase · 0.71 ─────`.
fn push_rule(out: &mut String, title: &str, width: usize) {
    out.push_str(&rule(title, width).text());
    out.push('\n');
}

fn rule(title: &str, width: usize) -> Line {
    let head = format!("── {} ", sanitize(title));
    let head = crate::tui::text::truncate(&head, width).into_owned();
    let used = display_width(&head);
    Line::plain(format!("{head}{}", "─".repeat(width.saturating_sub(used))))
}

/// Lays units out in one column of the view.
fn lay_out(units: &[Unit], layout: &Layout) -> Vec<Line> {
    lay_out_lines(units, layout.column, !layout.color)
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
            let start = a
                .text
                .find(s)
                .unwrap_or_else(|| panic!("{s:?} not in {}", a.id));
            Span {
                article,
                start,
                end: start + s.len(),
            }
        };
        let (a, b) = (find(left, l, 0), find(right, r, 1));
        (
            AlignedPair {
                kind,
                score,
                a,
                b,
                evidence: Default::default(),
            },
            a,
            b,
        )
    }

    /// A comparison of pairs, with nothing unique on either side.
    fn pairs_only<'a>(
        left: &'a Article,
        right: &'a Article,
        pairs: &'a [(AlignedPair, Span, Span)],
    ) -> Comparison<'a> {
        Comparison {
            left,
            right,
            pairs,
            unique_left: &[],
            unique_right: &[],
        }
    }

    /// The spans of `texts` in `a`, as unique stretches.
    fn spans(a: &Article, article: usize, texts: &[&str]) -> Vec<Span> {
        texts
            .iter()
            .map(|t| {
                let start = a.text.find(t).unwrap();
                Span {
                    article,
                    start,
                    end: start + t.len(),
                }
            })
            .collect()
    }

    #[track_caller]
    fn assert_renders(cmp: &Comparison, width: usize, expected: &[&str]) {
        let out = render(cmp, width, false);
        for line in out.lines() {
            assert!(
                display_width(line) <= width,
                "{line:?} is wider than {width}"
            );
        }
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            expected,
            "at width {width}:\n{out}"
        );
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
        let right = article(
            "b",
            "B",
            None,
            "T",
            "He said: \"We agree.\" Later the meeting ended.",
        );
        let pairs = [pair(
            PairKind::Verbatim,
            0.8,
            &left,
            &left.text,
            &right,
            &right.text,
        )];
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
        let left = article(
            "左",
            "新闻",
            None,
            "合作",
            "伊拉克与俄罗斯合作打击恐怖主义。",
        );
        let right = article("右", "通讯社", None, "合作", "伊拉克与叙利亚合作。");
        let pairs = [pair(
            PairKind::Paraphrase,
            0.6,
            &left,
            &left.text,
            &right,
            &right.text,
        )];
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
        let right = article(
            "b",
            "B",
            None,
            "T",
            "Second claim there.\n\nFirst claim there.",
        );
        let pairs = [
            pair(
                PairKind::Verbatim,
                0.8,
                &left,
                "First claim here.",
                &right,
                "First claim there.",
            ),
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
        let right = article(
            "b",
            "B",
            None,
            "T",
            "Only that, and https://example.com/a/very/long/path/x",
        );
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
            let pairs = [pair(
                PairKind::Verbatim,
                0.8,
                &left,
                &left.text,
                right,
                &right.text,
            )];
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
        let pairs = [pair(
            PairKind::Verbatim,
            0.5,
            &left,
            &left.text,
            &right,
            &right.text,
        )];
        let cmp = pairs_only(&left, &right, &pairs);
        let out = render(&cmp, 20, false);
        let left_column: String = out
            .lines()
            .skip(4)
            .take_while(|l| !l.starts_with("──"))
            .map(|l| l.split(" │").next().unwrap().trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            left_column, "[-Unbe-] [-liev-] [-ably-] long words happen.",
            "{out}"
        );
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
        let pairs = [pair(
            PairKind::Paraphrase,
            0.7,
            &left,
            &left.text,
            &right,
            &right.text,
        )];
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
