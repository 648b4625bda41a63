//! Two articles side by side, drawn from a [`Comparison`] (the one `crossread compare`
//! prints): each aligned passage on the same rows as its counterpart, with word-level
//! differences marked, and the text aligned with nothing between them.
//!
//! The comparison is built once when the screen opens; rows are laid out again only when
//! the column width or the choices change ([`CompareState::relayout`]), keeping the current
//! passage where it was on screen. Drawing copies the rows on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line as TextLine, Span as TextSpan};
use ratatui::widgets::Widget;

use crate::display::comparison::{plural, words, Block, Comparison, GapPiece};
use crate::display::layout::{column_width, lay_out, plain_units, Line, Mark, Side, DIVIDER};
use crate::display::text::{truncate, width};
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::theme::Theme;

/// Rows of context kept above a passage jumped to.
const CONTEXT_ROWS: usize = 1;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// A passage's title rule.
    Rule(usize),
    /// Text of a passage.
    Pair(usize),
    /// Text aligned with nothing (dimmed), or a placeholder.
    Gap,
}

#[derive(Debug, Clone)]
struct Row {
    kind: RowKind,
    /// The block of the comparison the row belongs to.
    block: usize,
    left: Line,
    right: Line,
}

/// The compare screen's state.
#[derive(Debug, Clone)]
pub struct CompareState {
    cmp: Comparison,
    show_unaligned: bool,
    focus: Side,
    /// The passage the status line tells of and `Enter` opens.
    current: usize,
    /// False until a jump: the first `]` goes to the first passage below the top.
    has_jumped: bool,
    rows: Vec<Row>,
    /// The row of each passage's rule.
    rule_rows: Vec<usize>,
    /// The first row of each block.
    block_rows: Vec<usize>,
    /// The first body row on screen.
    scroll: usize,
    area: Rect,
    column: usize,
    /// A note for the status line, until the next action.
    notice: Option<String>,
    theme: Theme,
}

impl CompareState {
    pub fn new(cmp: Comparison, theme: Theme) -> CompareState {
        CompareState {
            cmp,
            show_unaligned: true,
            focus: Side::Left,
            current: 0,
            has_jumped: false,
            rows: Vec::new(),
            rule_rows: Vec::new(),
            block_rows: Vec::new(),
            scroll: 0,
            area: Rect::default(),
            column: 0,
            notice: None,
            theme,
        }
    }

    /// What the screen shows.
    pub fn comparison(&self) -> &Comparison {
        &self.cmp
    }

    /// The left and right articles.
    pub fn articles(&self) -> (ArticleIdx, ArticleIdx) {
        (self.cmp.left.index, self.cmp.right.index)
    }

    /// Lays the rows out again for a new area. The current passage keeps its place on
    /// screen if it was on screen, else the text at the top stays at the top.
    pub fn relayout(&mut self, area: Rect) {
        let column = column_width(usize::from(area.width));
        if column != self.column || self.rows.is_empty() {
            let anchor = self.anchor();
            self.area = area;
            self.column = column;
            self.rebuild();
            self.restore(anchor);
        } else {
            self.area = area;
        }
        self.clamp_scroll();
    }

    /// Where the view stands, in terms that outlive a new layout.
    fn anchor(&self) -> Anchor {
        if self.rows.is_empty() {
            return Anchor::Top;
        }
        if let Some(&row) = self.rule_rows.get(self.current) {
            if self.is_visible(row) {
                return Anchor::Passage {
                    passage: self.current,
                    from_top: row - self.scroll,
                };
            }
        }
        match self.rows.get(self.scroll) {
            Some(row) => {
                let first = self.block_rows[row.block];
                let next = self.block_rows.get(row.block + 1).copied();
                let len = next.unwrap_or(self.rows.len()) - first;
                Anchor::Block {
                    block: row.block,
                    offset: self.scroll - first,
                    len: len.max(1),
                }
            }
            None => Anchor::Top,
        }
    }

    fn restore(&mut self, anchor: Anchor) {
        self.scroll = match anchor {
            Anchor::Top => 0,
            Anchor::Passage { passage, from_top } => {
                self.rule_rows[passage].saturating_sub(from_top)
            }
            Anchor::Block { block, offset, len } => {
                let first = self.block_rows[block];
                let next = self.block_rows.get(block + 1).copied();
                let new_len = next.unwrap_or(self.rows.len()) - first;
                first + offset * new_len / len
            }
        };
    }

    /// Lays out every row at the current column width.
    fn rebuild(&mut self) {
        let markers = self.theme.is_monochrome();
        let column = self.column.max(1);
        let cmp = &self.cmp;
        let mut rows = Vec::new();
        let mut rule_rows = vec![0; cmp.passages.len()];
        let mut block_rows = Vec::with_capacity(cmp.blocks.len());
        for (b, block) in cmp.blocks.iter().enumerate() {
            block_rows.push(rows.len());
            match block {
                Block::Gap { left: l, right: r } => {
                    let right_words: usize = r
                        .iter()
                        .map(|p| match p {
                            GapPiece::Text(range) => words(cmp.slice(Side::Right, range)),
                            GapPiece::Moved(_) => 0,
                        })
                        .sum();
                    let left_words = words(cmp.slice(Side::Left, l));
                    // Punctuation between two passages (a comma, a dash) is not a gap.
                    if left_words == 0
                        && r.iter().all(|p| matches!(p, GapPiece::Text(_)))
                        && right_words == 0
                    {
                        continue;
                    }
                    if !self.show_unaligned {
                        let hidden = |n: usize| match n {
                            0 => Line::default(),
                            n => {
                                Line::plain(format!("⋯ {n} word{} aligned with nothing", plural(n)))
                            }
                        };
                        push_rows(
                            &mut rows,
                            RowKind::Gap,
                            b,
                            &[hidden(left_words)],
                            &[hidden(right_words)],
                        );
                        continue;
                    }
                    let left_text = cmp.slice(Side::Left, l).trim();
                    let left_lines = lay_out(&plain_units(left_text), column, markers);
                    let mut right_lines = Vec::new();
                    for piece in r {
                        match piece {
                            GapPiece::Text(range) => {
                                let text = cmp.slice(Side::Right, range).trim();
                                if text.is_empty() {
                                    continue;
                                }
                                if !right_lines.is_empty() {
                                    right_lines.push(Line::default());
                                }
                                right_lines.extend(lay_out(&plain_units(text), column, markers));
                            }
                            GapPiece::Moved(i) => {
                                if !right_lines.is_empty() {
                                    right_lines.push(Line::default());
                                }
                                let p = &cmp.passages[*i];
                                let note = format!(
                                    "↷ ¶{}: passage {} (shown beside left ¶{})",
                                    p.moved_from.unwrap_or(0),
                                    i + 1,
                                    p.left_paragraph
                                );
                                right_lines.extend(lay_out(&plain_units(&note), column, false));
                            }
                        }
                    }
                    push_rows(&mut rows, RowKind::Gap, b, &left_lines, &right_lines);
                }
                Block::Pair(i) => {
                    rule_rows[*i] = rows.len();
                    rows.push(Row {
                        kind: RowKind::Rule(*i),
                        block: b,
                        left: Line::default(),
                        right: Line::default(),
                    });
                    for piece in &cmp.passages[*i].pieces {
                        push_rows(
                            &mut rows,
                            RowKind::Pair(*i),
                            b,
                            &lay_out(&piece.left, column, markers),
                            &lay_out(&piece.right, column, markers),
                        );
                    }
                }
            }
        }
        self.rows = rows;
        self.rule_rows = rule_rows;
        self.block_rows = block_rows;
    }

    fn body(&self) -> Rect {
        layout(self.area).1
    }

    fn page_height(&self) -> usize {
        usize::from(self.body().height).max(1)
    }

    fn max_scroll(&self) -> usize {
        self.rows
            .len()
            .saturating_sub(usize::from(self.body().height))
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn is_visible(&self, row: usize) -> bool {
        row >= self.scroll && row < self.scroll + self.page_height()
    }

    /// Scrolls by `delta` rows; the current passage follows the screen when it leaves it.
    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
        let Some(&row) = self.rule_rows.get(self.current) else {
            return;
        };
        if !self.is_visible(row) {
            let on_screen =
                (0..self.cmp.passages.len()).find(|&i| self.is_visible(self.rule_rows[i]));
            let before = (0..self.cmp.passages.len())
                .rev()
                .find(|&i| self.rule_rows[i] < self.scroll);
            if let Some(i) = on_screen.or(before) {
                self.current = i;
            }
        }
    }

    /// Makes passage `i` current and puts its rule near the top of the screen.
    fn go_to(&mut self, i: usize) {
        self.current = i;
        self.scroll = self.rule_rows[i].saturating_sub(CONTEXT_ROWS);
        self.clamp_scroll();
    }

    /// Goes to the next (or previous) passage in the focused article's order: the left's
    /// order is the screen's; the right's follows the right article, moved passages and all.
    fn next_passage(&mut self, forward: bool) {
        let n = self.cmp.passages.len();
        if n == 0 {
            self.notice = Some("These two articles share no passage.".to_string());
            return;
        }
        let mut order: Vec<usize> = (0..n).collect();
        if self.focus == Side::Right {
            order.sort_by_key(|&i| (self.cmp.passages[i].right.start, i));
        }
        let at = order.iter().position(|&i| i == self.current).unwrap_or(0);
        let current_row = self.rule_rows[self.current];
        let target = if self.has_jumped && self.is_visible(current_row) {
            if forward {
                order.get(at + 1).copied()
            } else {
                at.checked_sub(1).map(|k| order[k])
            }
        } else if self.focus == Side::Right {
            // Not started, or scrolled away: begin where the right article begins or ends.
            if forward {
                order.first().copied()
            } else {
                order.last().copied()
            }
        } else if forward {
            (0..n).find(|&i| self.rule_rows[i] >= self.scroll)
        } else {
            (0..n).rev().find(|&i| self.rule_rows[i] < self.scroll)
        };
        match target {
            Some(i) => {
                self.has_jumped = true;
                self.go_to(i);
            }
            None => {
                let end = if forward { "last" } else { "first" };
                self.notice = Some(format!("This is the {end} passage."));
            }
        }
    }

    /// Shows the articles the other way round, on the same passage.
    fn swap(&mut self) {
        let current = self.cmp.passages.get(self.current).map(|p| p.right.start);
        self.cmp = self.cmp.swapped();
        self.focus = self.focus.other();
        self.rebuild();
        let at =
            current.and_then(|start| self.cmp.passages.iter().position(|p| p.left.start == start));
        match at {
            Some(i) => self.go_to(i),
            None => self.clamp_scroll(),
        }
    }

    fn toggle_unaligned(&mut self) {
        // Keep the current passage where the eye is, if it is on screen.
        let keep = self
            .rule_rows
            .get(self.current)
            .is_some_and(|&r| self.is_visible(r))
            && self.scroll > 0;
        self.show_unaligned = !self.show_unaligned;
        self.rebuild();
        if keep {
            self.go_to(self.current);
        } else {
            self.clamp_scroll();
        }
        self.notice = Some(
            if self.show_unaligned {
                "Showing the text aligned with nothing."
            } else {
                "Hiding the text aligned with nothing."
            }
            .to_string(),
        );
    }

    /// Applies a key's action; returns a follow-up for the app (open a group).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.notice = None;
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::HalfPageDown => self.scroll_by((self.page_height() / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((self.page_height() / 2).max(1) as isize)),
            Action::PageDown => {
                self.scroll_by(self.page_height().saturating_sub(1).max(1) as isize)
            }
            Action::PageUp => {
                self.scroll_by(-(self.page_height().saturating_sub(1).max(1) as isize))
            }
            Action::ScrollToTop => self.scroll_by(-(self.rows.len() as isize)),
            Action::ScrollToBottom => self.scroll_by(self.rows.len() as isize),
            Action::NextPassage => self.next_passage(true),
            Action::PreviousPassage => self.next_passage(false),
            Action::SwitchSide => {
                self.focus = self.focus.other();
            }
            Action::SwapSides => self.swap(),
            Action::ToggleUnique => self.toggle_unaligned(),
            Action::OpenGroup => {
                let Some(passage) = self.cmp.passages.get(self.current) else {
                    self.notice = Some("These two articles share no passage.".to_string());
                    return None;
                };
                match passage.group {
                    Some(group) => return Some(Action::ShowGroup { group }),
                    None => self.notice = Some("This passage is in no shared group.".to_string()),
                }
            }
            _ => {}
        }
        None
    }

    /// A click selects the passage under it and focuses the side it fell on.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        self.notice = None;
        let (head, body, _) = layout(self.area);
        let on_left = position.x < body.x + self.column as u16 + 1;
        if head.contains(position) || body.contains(position) {
            self.focus = if on_left { Side::Left } else { Side::Right };
        }
        if body.contains(position) {
            let row = self.scroll + usize::from(position.y - body.y);
            if let Some(RowKind::Rule(i) | RowKind::Pair(i)) = self.rows.get(row).map(|r| r.kind) {
                self.current = i;
            }
        }
        None
    }

    /// The right end of the status line: "passage 3 of 9 · paraphrase · 0.49".
    pub fn status(&self) -> String {
        if let Some(notice) = &self.notice {
            return format!("{notice} ");
        }
        let Some(p) = self.cmp.passages.get(self.current) else {
            return "no aligned passage ".to_string();
        };
        let mut status = format!(
            "passage {} of {} · {} · {:.2}",
            self.current + 1,
            self.cmp.passages.len(),
            p.kind.as_str(),
            p.score
        );
        if let Some(paragraph) = p.moved_from {
            status.push_str(&format!(" · moved from ¶{paragraph}"));
        }
        status.push(' ');
        status
    }

    fn render_head(&self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let column = self.column as u16;
        let sides = [
            (&self.cmp.left, Side::Left, area.x),
            (&self.cmp.right, Side::Right, area.x + column + 3),
        ];
        for (head, side, x) in sides {
            let focused = side == self.focus;
            let style = if focused {
                self.theme.accent().add_modifier(Modifier::UNDERLINED)
            } else {
                self.theme.text()
            };
            let marker = if focused { "▸ " } else { "  " };
            let line = format!("{marker}{}", head.line);
            let w = usize::from(column);
            buf.set_stringn(x, area.y, truncate(&line, w), w, style);
            if area.height > 1 {
                let title = head.title.as_deref().unwrap_or("");
                buf.set_stringn(x, area.y + 1, truncate(title, w), w, self.theme.dim());
            }
        }
        if area.height > 2 {
            let w = usize::from(area.width);
            let head = truncate(&format!("── {} ", self.cmp.summary()), w).into_owned();
            let rule = format!("{head}{}", "─".repeat(w.saturating_sub(width(&head))));
            buf.set_stringn(area.x, area.y + 2, rule, w, self.theme.dim());
        }
        for y in area.y..area.y + area.height.min(2) {
            buf.set_stringn(area.x + column, y, DIVIDER, 3, self.theme.dim());
        }
    }

    fn render_rule(&self, i: usize, area: Rect, buf: &mut Buffer) {
        let p = &self.cmp.passages[i];
        let mut title = format!(
            "── {}/{} · {} · {:.2} ",
            i + 1,
            self.cmp.passages.len(),
            p.kind.as_str(),
            p.score
        );
        if let Some(paragraph) = p.moved_from {
            title.push_str(&format!("· moved from right ¶{paragraph} "));
        }
        let w = usize::from(area.width);
        let title = truncate(&title, w).into_owned();
        let fill = "─".repeat(w.saturating_sub(width(&title)));
        let style = if i == self.current {
            self.theme.accent().add_modifier(Modifier::BOLD)
        } else {
            self.theme.dim()
        };
        buf.set_stringn(area.x, area.y, format!("{title}{fill}"), w, style);
    }

    /// One line that says what the marks mean, each in the style it names.
    fn render_legend(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = &self.theme;
        let legend = |long: bool| -> TextLine<'static> {
            let parts: [(&'static str, &'static str, Style); 4] = [
                ("left only", "left", theme.mark(Mark::Deleted)),
                ("right only", "right", theme.mark(Mark::Inserted)),
                (
                    "worded differently",
                    "reworded",
                    theme.mark(Mark::ReplacedLeft),
                ),
                ("aligned with nothing", "unaligned", theme.dim()),
            ];
            let mut spans = vec![TextSpan::styled(" ", theme.dim())];
            for (i, (full, short, style)) in parts.into_iter().enumerate() {
                if i > 0 {
                    spans.push(TextSpan::styled(" · ", theme.dim()));
                }
                let word = if long { full } else { short };
                // Without colour, the marks are brackets: the legend shows them.
                let word = match (i, theme.is_monochrome()) {
                    (0 | 2, true) => format!("[-{word}-]"),
                    (1, true) => format!("{{+{word}+}}"),
                    _ => word.to_string(),
                };
                spans.push(TextSpan::styled(word, style));
            }
            let tail = if long {
                "   score: how surely both say it (0–1) · ? explains"
            } else {
                " · ? explains"
            };
            spans.push(TextSpan::styled(tail, theme.dim()));
            TextLine::from(spans)
        };
        let line = crate::tui::screens::fit_line(
            vec![legend(true), legend(false)],
            usize::from(area.width),
        );
        buf.set_line(area.x, area.y, &line, area.width);
    }

    fn render_side(&self, line: &Line, base: Style, x: u16, y: u16, buf: &mut Buffer) {
        let spans: Vec<TextSpan> = line
            .runs
            .iter()
            .map(|(mark, text)| {
                let style = if *mark == Mark::Plain {
                    base
                } else {
                    base.patch(self.theme.mark(*mark))
                };
                TextSpan::styled(text.as_str(), style)
            })
            .collect();
        buf.set_line(x, y, &TextLine::from(spans), self.column as u16);
    }
}

screen_state!(CompareState, Compare, "Compare", wheel = Lines);

impl Widget for &CompareState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.text());
        let (head, body, legend) = layout(area);
        self.render_head(head, buf);
        self.render_legend(legend, buf);
        if self.cmp.passages.is_empty() && body.height > 0 {
            let note = "These two articles share no passage: each is shown whole.";
            buf.set_stringn(
                body.x,
                body.y,
                truncate(note, usize::from(body.width)),
                usize::from(body.width),
                self.theme.message(),
            );
        }
        let column = self.column as u16;
        let visible = self
            .rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(body.height));
        for (y, row) in (body.y..).zip(visible) {
            match row.kind {
                RowKind::Rule(i) => {
                    self.render_rule(
                        i,
                        Rect {
                            y,
                            height: 1,
                            ..body
                        },
                        buf,
                    );
                    continue;
                }
                RowKind::Pair(_) => {
                    self.render_side(&row.left, self.theme.text(), body.x, y, buf);
                    self.render_side(&row.right, self.theme.text(), body.x + column + 3, y, buf);
                }
                RowKind::Gap => {
                    self.render_side(&row.left, self.theme.dim(), body.x, y, buf);
                    self.render_side(&row.right, self.theme.dim(), body.x + column + 3, y, buf);
                }
            }
            if body.width > column {
                buf.set_stringn(body.x + column, y, DIVIDER, 3, self.theme.dim());
            }
        }
    }
}

/// The header (two lines per side and a rule, when there is room), the body, and the
/// legend's row at the bottom (when there is room for it: empty otherwise).
fn layout(area: Rect) -> (Rect, Rect, Rect) {
    let head_height = if area.height >= 8 {
        3
    } else if area.height >= 4 {
        1
    } else {
        0
    };
    let legend_height = u16::from(area.height >= 12);
    let head = Rect {
        height: head_height,
        ..area
    };
    let body = Rect {
        y: area.y + head_height,
        height: area.height - head_height - legend_height,
        ..area
    };
    let legend = Rect {
        y: body.bottom(),
        height: legend_height,
        ..area
    };
    (head, body, legend)
}

/// Where the view stands across a new layout (see [`CompareState::relayout`]).
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Top,
    /// The current passage's rule was on screen, this many rows from the top.
    Passage {
        passage: usize,
        from_top: usize,
    },
    /// The top row was this far into a block of this many rows.
    Block {
        block: usize,
        offset: usize,
        len: usize,
    },
}

/// Appends rows, the shorter side padded with empty lines so that what follows starts level.
fn push_rows(rows: &mut Vec<Row>, kind: RowKind, block: usize, left: &[Line], right: &[Line]) {
    for i in 0..left.len().max(right.len()) {
        rows.push(Row {
            kind,
            block,
            left: left.get(i).cloned().unwrap_or_default(),
            right: right.get(i).cloned().unwrap_or_default(),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Corpus, LoadOptions};
    use crate::display::AlignmentIndex;

    /// The sample corpus and its alignment by the real aligner.
    fn sample() -> (Arc<Corpus>, Arc<AlignmentIndex>) {
        let corpus = Corpus::sample(&LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = crate::align::align(&texts, &Default::default());
        let index = Arc::new(AlignmentIndex::new(alignment, &corpus));
        (Arc::new(corpus), index)
    }

    /// The marked words of one side, in order, from text with `[-…-]` and `{+…+}` markers.
    fn marked_words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find(['[', '{']) {
            let (start, end) = match &rest[open..] {
                s if s.starts_with("[-") => ("[-", "-]"),
                s if s.starts_with("{+") => ("{+", "+}"),
                _ => {
                    rest = &rest[open + 1..];
                    continue;
                }
            };
            let inner = &rest[open + start.len()..];
            let Some(close) = inner.find(end) else { break };
            out.extend(inner[..close].split_whitespace().map(String::from));
            rest = &inner[close + end.len()..];
        }
        out
    }

    /// Word counts of a text: alphanumeric tokens, lower-cased, edge punctuation trimmed.
    fn words_of(texts: impl Iterator<Item = String>) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for text in texts {
            for w in text.split_whitespace() {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if !w.is_empty() {
                    *counts.entry(w).or_insert(0) += 1;
                }
            }
        }
        counts
    }

    /// End to end (the real aligner on the sample). Nothing is silently dropped: for every
    /// ordered pair of sample articles, at several widths, every word of the left article is in the left column and every word of the
    /// right article is in the right column (moved passages included).
    #[test]
    fn every_word_of_both_articles_is_on_its_side() {
        let (corpus, index) = sample();
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        for left in 0..texts.len() {
            for right in 0..texts.len() {
                if left == right {
                    continue;
                }
                // Wide enough that no word is cut across lines.
                for width in [80, 97, 160] {
                    let cmp = Comparison::new(
                        Arc::clone(&corpus),
                        Arc::clone(&index),
                        ArticleIdx(left),
                        ArticleIdx(right),
                    )
                    .unwrap();
                    let mut state = CompareState::new(cmp, Theme::default());
                    state.relayout(Rect::new(0, 0, width, 40));
                    let side = |pick: fn(&Row) -> &Line| {
                        words_of(state.rows.iter().map(|r| pick(r).text()))
                    };
                    let (shown_left, shown_right) = (side(|r| &r.left), side(|r| &r.right));
                    for (text, shown, name) in [
                        (texts[left], &shown_left, "left"),
                        (texts[right], &shown_right, "right"),
                    ] {
                        for (word, n) in words_of(std::iter::once(text.to_string())) {
                            let got = shown.get(&word).copied().unwrap_or(0);
                            assert!(
                                got >= n,
                                "{left}×{right} at {width}: {name} shows {word:?} {got} of {n} times"
                            );
                        }
                    }
                }
            }
        }
    }

    /// End to end (the real aligner on the sample): the screen and `crossread compare`
    /// render one comparison and mark the same words, for every pair of sample articles at
    /// 160 columns (both with bracket markers: the screen without colours, the command line
    /// without ANSI).
    #[test]
    fn the_screen_and_the_command_line_mark_the_same_words() {
        let (corpus, index) = sample();
        let n = corpus.articles.len();
        let mut compared = 0;
        for left in 0..n {
            for right in (0..n).filter(|&r| r != left) {
                let cmp = Comparison::new(
                    Arc::clone(&corpus),
                    Arc::clone(&index),
                    ArticleIdx(left),
                    ArticleIdx(right),
                )
                .unwrap();
                let printed = crate::cli::side_by_side::render(&cmp, 160, false);
                let mut state = CompareState::new(cmp, Theme::monochrome());
                state.relayout(Rect::new(0, 0, 160, 45));
                let screen_side = |pick: fn(&Row) -> &Line| {
                    let rows = state
                        .rows
                        .iter()
                        .filter(|r| matches!(r.kind, RowKind::Pair(_)));
                    let text: Vec<String> = rows.map(|r| pick(r).text()).collect();
                    marked_words(&text.join("\n"))
                };
                // The printed view's passage rows: between the header and "Only in".
                let body: Vec<&str> = printed
                    .lines()
                    .skip_while(|l| !l.starts_with("── "))
                    .take_while(|l| !l.starts_with("── Only in"))
                    .filter(|l| !l.starts_with("──"))
                    .collect();
                let printed_side = |pick: fn(&str) -> &str| {
                    let text: Vec<&str> = body.iter().map(|l| pick(l)).collect();
                    marked_words(&text.join("\n"))
                };
                let screen_left = screen_side(|r| &r.left);
                let screen_right = screen_side(|r| &r.right);
                assert_eq!(
                    screen_left,
                    printed_side(|l| l.split(" │").next().unwrap_or("")),
                    "{left}×{right}: left side"
                );
                assert_eq!(
                    screen_right,
                    printed_side(|l| l.split_once("│ ").map_or("", |(_, r)| r)),
                    "{left}×{right}: right side"
                );
                compared += usize::from(!screen_left.is_empty() || !screen_right.is_empty());
            }
        }
        assert!(compared > 0, "no pair of sample articles marks any word");
    }

    #[test]
    fn marked_words_reads_both_markers() {
        assert_eq!(marked_words("a [-b c-] d {+e+}. [x] {y}"), ["b", "c", "e"]);
    }
}
