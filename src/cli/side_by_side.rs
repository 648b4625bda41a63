//! The static side-by-side view of two articles (`crossread compare` when printing): each
//! aligned pair on shared rows, its changed words marked, then what each article says alone.
//!
//! It prints a [`Comparison`], the one the compare screen draws, so both mark the same words;
//! only the layout (a width, brackets or ANSI colours) is this module's. Words are the unit
//! of layout: a line breaks at spaces (or between CJK characters), a change marker opens and
//! closes at word edges, and a word is cut only when it is wider than a whole column.

use crate::display::comparison::Comparison;
use crate::display::layout::{
    column_width, lay_out as lay_out_lines, plain_units, Line, Side, Unit, DIVIDER,
};
use crate::display::text::{sanitize, truncate, width as display_width, wrap};

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
    let n = cmp.passages.len();
    for (i, p) in cmp.passages.iter().enumerate() {
        let mut title = format!("{}/{n} · {} · {:.2}", i + 1, p.kind.as_str(), p.score);
        if let Some(paragraph) = p.moved_from {
            title.push_str(&format!(" · right ¶{paragraph}, moved"));
        }
        push_rule(&mut out, &title, layout.width);
        for piece in &p.pieces {
            let (left_lines, right_lines) = (
                lay_out(&piece.left, &layout),
                lay_out(&piece.right, &layout),
            );
            push_rows(&mut out, &layout, &left_lines, &right_lines);
        }
    }
    if cmp.passages.is_empty() {
        let line = format!(
            "No aligned passages between {} and {}.",
            cmp.left.id, cmp.right.id
        );
        for l in wrap(&line, layout.width.max(1)) {
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

/// Ids, outlets and dates, and titles, each side in its column.
fn render_header(out: &mut String, cmp: &Comparison, layout: &Layout) {
    let describe = |head: &crate::display::comparison::Head| {
        let outlet = head.outlet.as_deref().unwrap_or("-");
        let date = head.date.as_deref().unwrap_or("-");
        format!(
            "{}\n{outlet} · {date}\n{}",
            head.id,
            head.title.as_deref().unwrap_or("-")
        )
    };
    let left = lay_out(&plain_units(&describe(&cmp.left)), layout);
    let right = lay_out(&plain_units(&describe(&cmp.right)), layout);
    push_rows(out, layout, &left, &right);
}

/// The last part: a heading per side, then the stretches only that side has, top-aligned.
fn render_unique(out: &mut String, cmp: &Comparison, layout: &Layout) {
    let column = |side: Side| {
        let (head, ranges) = match side {
            Side::Left => (&cmp.left, &cmp.unique_left),
            Side::Right => (&cmp.right, &cmp.unique_right),
        };
        let mut text = String::new();
        for range in ranges {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(cmp.slice(side, range).trim());
        }
        if text.is_empty() {
            text.push_str("(nothing)");
        }
        let heading = rule(&format!("Only in {}", head.id), layout.column);
        let mut lines = vec![heading];
        lines.extend(lay_out(&plain_units(&text), layout));
        lines
    };
    let left = column(Side::Left);
    let right = column(Side::Right);
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
    let head = truncate(&head, width).into_owned();
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
    use crate::corpus::Article;
    use crate::display::layout::paragraph_number;
    use pretty_assertions::assert_eq;

    fn comparison(
        left: &Article,
        right: &Article,
        pairs: &[(PairKind, f32, &str, &str)],
    ) -> Comparison {
        Comparison::of_pairs(left, right, pairs)
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
        let pairs = [(
            PairKind::Verbatim,
            0.9,
            "The army took the city on Monday after a long siege.",
            "The army seized the city on Monday.",
        )];
        // What no pair covers is what each side has alone.
        let cmp = comparison(&left, &right, &pairs);
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
        let pairs = [(
            PairKind::Verbatim,
            0.8,
            left.text.as_str(),
            right.text.as_str(),
        )];
        let cmp = comparison(&left, &right, &pairs);
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
        let pairs = [(
            PairKind::Paraphrase,
            0.6,
            left.text.as_str(),
            right.text.as_str(),
        )];
        let cmp = comparison(&left, &right, &pairs);
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
            (
                PairKind::Verbatim,
                0.8,
                "First claim here.",
                "First claim there.",
            ),
            (
                PairKind::Verbatim,
                0.7,
                "Second claim here.",
                "Second claim there.",
            ),
        ];
        let cmp = comparison(&left, &right, &pairs);
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
        let cmp = comparison(&left, &right, &[]);
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
            let pairs = [(
                PairKind::Verbatim,
                0.8,
                left.text.as_str(),
                right.text.as_str(),
            )];
            let out = render(&comparison(&left, right, &pairs), 80, true);
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
        let pairs = [(
            PairKind::Verbatim,
            0.5,
            left.text.as_str(),
            right.text.as_str(),
        )];
        let cmp = comparison(&left, &right, &pairs);
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
        // Verbatim: in a paraphrase the words both sides use ("the", "ministries",
        // "press office") are not marked at all (see the comparison's tests).
        let pairs = [(
            PairKind::Verbatim,
            0.7,
            left.text.as_str(),
            right.text.as_str(),
        )];
        let cmp = comparison(&left, &right, &pairs);
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
