//! Two articles side by side: each aligned passage on the same rows as its counterpart,
//! with word-level differences marked, and the text aligned with nothing between them.
//!
//! The left article is shown whole, in its own order. Pairs whose right passages keep the
//! right article's order are anchors: the text between two anchors stands side by side,
//! dimmed. A pair whose right passage sits elsewhere in the right article is shown beside
//! its left passage, marked "moved from right ¶N", and a placeholder in the right column
//! says where it went, so nothing is dropped.
//!
//! Text is laid out in rows when the width or the choices change ([`CompareState::relayout`]);
//! drawing copies the rows on screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line as TextLine, Span as TextSpan};
use ratatui::widgets::Widget;

use crate::align::diff::word_diff;
use crate::align::{PairKind, SharedPassage, Span};
use crate::corpus::Article;
use crate::layout::{
    lay_out, marks, out_of_order, paragraph_number, plain_units, segments, units,
    unmark_shared_words, word_forms, Line, Mark, Side,
};
use crate::tui::action::Action;
use crate::tui::screens::Context;
use crate::tui::text::{sanitize, truncate, width};
use crate::tui::theme::Theme;

/// Between the two columns.
const DIVIDER: &str = " │ ";

/// Rows of context kept above a passage jumped to.
const CONTEXT_ROWS: usize = 1;

/// One article as the header shows it.
#[derive(Debug, Clone)]
struct Head {
    /// Corpus index.
    index: usize,
    /// "003 · Sputnik International · 2015-10-09"
    line: String,
    title: String,
    text: String,
}

impl Head {
    fn new(article: &Article, index: usize) -> Head {
        let mut parts = vec![sanitize(&article.id).into_owned()];
        parts.extend(
            article
                .meta
                .outlet
                .as_deref()
                .map(|o| sanitize(o).into_owned()),
        );
        parts.extend(
            article
                .meta
                .date
                .as_deref()
                .map(|d| sanitize(d).into_owned()),
        );
        let title = article
            .meta
            .title
            .as_deref()
            .map(|t| sanitize(t).into_owned());
        Head {
            index,
            line: parts.join(" · "),
            title: title.unwrap_or_default(),
            text: article.text.clone(),
        }
    }
}

/// One aligned pair between the two articles, oriented left to right.
#[derive(Debug, Clone)]
struct Passage {
    kind: PairKind,
    score: f32,
    left: Range<usize>,
    right: Range<usize>,
    /// The right passage's paragraph when it sits out of the right article's order.
    moved_from: Option<usize>,
    /// The left passage's paragraph.
    left_paragraph: usize,
    /// The shared passage (group) holding this pair, if any.
    group: Option<usize>,
}

/// What the document is made of, in order.
#[derive(Debug, Clone)]
enum Block {
    /// Text aligned with nothing, side by side: the left's, and the right's with placeholders
    /// where a moved passage was taken out.
    Gap {
        left: Range<usize>,
        right: Vec<RightPiece>,
    },
    /// A passage (index into `passages`).
    Pair(usize),
}

#[derive(Debug, Clone)]
enum RightPiece {
    Text(Range<usize>),
    /// The right passage of this (moved) passage stood here.
    Moved(usize),
}

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
    left: Line,
    right: Line,
}

/// The compare screen's state.
#[derive(Debug, Clone)]
pub struct CompareState {
    left: Head,
    right: Head,
    passages: Vec<Passage>,
    blocks: Vec<Block>,
    show_unaligned: bool,
    focus: Side,
    /// The passage the status line tells of and `Enter` opens.
    current: usize,
    /// False until a jump: the first `]` goes to the first passage below the top.
    has_jumped: bool,
    rows: Vec<Row>,
    /// The row of each passage's rule.
    rule_rows: Vec<usize>,
    /// "5 aligned passages · 21% of the left text · 9% of the right", under the header.
    summary: String,
    /// The first body row on screen.
    scroll: usize,
    area: Rect,
    column: usize,
    /// A note for the status line, until the next action.
    notice: Option<String>,
    theme: Theme,
}

impl CompareState {
    /// Compares articles `left` and `right` (corpus indices).
    pub fn new(context: &Context, left: usize, right: usize, theme: Theme) -> CompareState {
        let articles = &context.corpus.articles;
        let (left_article, right_article) = (&articles[left], &articles[right]);
        let pairs = context.alignment.between(left, right);
        let passages = placed(
            pairs
                .iter()
                .map(|(pair, l, r)| Passage {
                    kind: pair.kind,
                    score: pair.score,
                    left: l.start..l.end,
                    right: r.start..r.end,
                    moved_from: None,
                    left_paragraph: 0,
                    group: group_of(&context.alignment.groups, l, r),
                })
                .collect(),
            &left_article.text,
            &right_article.text,
        );
        let blocks = blocks(&passages, left_article.text.len(), right_article.text.len());
        CompareState {
            left: Head::new(left_article, left),
            right: Head::new(right_article, right),
            passages,
            blocks,
            show_unaligned: true,
            focus: Side::Left,
            current: 0,
            has_jumped: false,
            rows: Vec::new(),
            rule_rows: Vec::new(),
            summary: String::new(),
            scroll: 0,
            area: Rect::default(),
            column: 0,
            notice: None,
            theme,
        }
    }

    /// The corpus indices of the left and right articles.
    pub fn articles(&self) -> (usize, usize) {
        (self.left.index, self.right.index)
    }

    /// Lays the rows out again for a new area, keeping the current passage in view.
    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        let column = column_width(area.width);
        if column != self.column || self.rows.is_empty() {
            self.column = column;
            self.rebuild();
        }
        self.clamp_scroll();
    }

    /// Lays out every row at the current column width.
    fn rebuild(&mut self) {
        let markers = self.theme.is_monochrome();
        let (column, left, right) = (self.column.max(1), &self.left.text, &self.right.text);
        let mut rows = Vec::new();
        let mut rule_rows = vec![0; self.passages.len()];
        for block in &self.blocks {
            match block {
                Block::Gap { left: l, right: r } => {
                    let right_words: usize = r
                        .iter()
                        .map(|p| match p {
                            RightPiece::Text(range) => words(&right[range.clone()]),
                            RightPiece::Moved(_) => 0,
                        })
                        .sum();
                    let left_words = words(&left[l.clone()]);
                    // Punctuation between two passages (a comma, a dash) is not a gap.
                    if left_words == 0
                        && r.iter().all(|p| matches!(p, RightPiece::Text(_)))
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
                            &[hidden(left_words)],
                            &[hidden(right_words)],
                        );
                        continue;
                    }
                    let left_lines = lay_out(&plain_units(left[l.clone()].trim()), column, markers);
                    let mut right_lines = Vec::new();
                    for piece in r {
                        match piece {
                            RightPiece::Text(range) => {
                                let text = right[range.clone()].trim();
                                if text.is_empty() {
                                    continue;
                                }
                                if !right_lines.is_empty() {
                                    right_lines.push(Line::default());
                                }
                                right_lines.extend(lay_out(&plain_units(text), column, markers));
                            }
                            RightPiece::Moved(i) => {
                                if !right_lines.is_empty() {
                                    right_lines.push(Line::default());
                                }
                                let p = &self.passages[*i];
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
                    push_rows(&mut rows, RowKind::Gap, &left_lines, &right_lines);
                }
                Block::Pair(i) => {
                    let p = &self.passages[*i];
                    rule_rows[*i] = rows.len();
                    rows.push(Row {
                        kind: RowKind::Rule(*i),
                        left: Line::default(),
                        right: Line::default(),
                    });
                    let (lt, rt) = (&left[p.left.clone()], &right[p.right.clone()]);
                    let ops = word_diff(lt, rt);
                    // A paraphrase puts shared words in another order: only the words one side
                    // alone uses stay marked.
                    let forms =
                        (p.kind == PairKind::Paraphrase).then(|| (word_forms(lt), word_forms(rt)));
                    for (l, r) in segments(lt, rt, &ops) {
                        let (lt, rt) = (&lt[l.clone()], &rt[r.clone()]);
                        let mut left_marks = marks(&ops, Side::Left, l.start);
                        let mut right_marks = marks(&ops, Side::Right, r.start);
                        if let Some((left_forms, right_forms)) = &forms {
                            left_marks = unmark_shared_words(lt, left_marks, right_forms);
                            right_marks = unmark_shared_words(rt, right_marks, left_forms);
                        }
                        let left_units = units(lt, &left_marks);
                        let right_units = units(rt, &right_marks);
                        push_rows(
                            &mut rows,
                            RowKind::Pair(*i),
                            &lay_out(&left_units, column, markers),
                            &lay_out(&right_units, column, markers),
                        );
                    }
                }
            }
        }
        self.rows = rows;
        self.rule_rows = rule_rows;
        let n = self.passages.len();
        let left_share = share(self.passages.iter().map(|p| p.left.clone()), left);
        let right_share = share(self.passages.iter().map(|p| p.right.clone()), right);
        self.summary = format!(
            "{n} aligned passage{} · {left_share}% of the left text · {right_share}% of the right",
            plural(n)
        );
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
            let on_screen = (0..self.passages.len()).find(|&i| self.is_visible(self.rule_rows[i]));
            let before = (0..self.passages.len())
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
        let n = self.passages.len();
        if n == 0 {
            self.notice = Some("These two articles share no passage.".to_string());
            return;
        }
        let mut order: Vec<usize> = (0..n).collect();
        if self.focus == Side::Right {
            order.sort_by_key(|&i| (self.passages[i].right.start, i));
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
        let current = self.passages.get(self.current).map(|p| p.right.start);
        std::mem::swap(&mut self.left, &mut self.right);
        // Re-derive the passages from the other side's order.
        let flipped = placed(
            self.passages
                .iter()
                .map(|p| Passage {
                    left: p.right.clone(),
                    right: p.left.clone(),
                    ..p.clone()
                })
                .collect(),
            &self.left.text,
            &self.right.text,
        );
        self.blocks = blocks(&flipped, self.left.text.len(), self.right.text.len());
        self.passages = flipped;
        self.focus = self.focus.other();
        self.rebuild();
        match current.and_then(|start| self.passages.iter().position(|p| p.left.start == start)) {
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
                let Some(passage) = self.passages.get(self.current) else {
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
        let (head, body) = layout(self.area);
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
        let Some(p) = self.passages.get(self.current) else {
            return "no aligned passage ".to_string();
        };
        let mut status = format!(
            "passage {} of {} · {} · {:.2}",
            self.current + 1,
            self.passages.len(),
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
            (&self.left, Side::Left, area.x),
            (&self.right, Side::Right, area.x + column + 3),
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
                buf.set_stringn(x, area.y + 1, truncate(&head.title, w), w, self.theme.dim());
            }
        }
        if area.height > 2 {
            let w = usize::from(area.width);
            let head = truncate(&format!("── {} ", self.summary), w).into_owned();
            let rule = format!("{head}{}", "─".repeat(w.saturating_sub(width(&head))));
            buf.set_stringn(area.x, area.y + 2, rule, w, self.theme.dim());
        }
        for y in area.y..area.y + area.height.min(2) {
            buf.set_stringn(area.x + column, y, DIVIDER, 3, self.theme.dim());
        }
    }

    fn render_rule(&self, i: usize, area: Rect, buf: &mut Buffer) {
        let p = &self.passages[i];
        let mut title = format!(
            "── {}/{} · {} · {:.2} ",
            i + 1,
            self.passages.len(),
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

impl Widget for &CompareState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.text());
        let (head, body) = layout(area);
        self.render_head(head, buf);
        if self.passages.is_empty() && body.height > 0 {
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

/// The header (two lines per side and a rule, when there is room) and the body.
fn layout(area: Rect) -> (Rect, Rect) {
    let head_height = if area.height >= 8 {
        3
    } else if area.height >= 4 {
        1
    } else {
        0
    };
    let head = Rect {
        height: head_height,
        ..area
    };
    let body = Rect {
        y: area.y + head_height,
        height: area.height - head_height,
        ..area
    };
    (head, body)
}

/// Each column's width: half of what the divider leaves, at least one cell.
fn column_width(width: u16) -> usize {
    (usize::from(width).saturating_sub(DIVIDER.chars().count()) / 2).max(1)
}

/// Appends rows, the shorter side padded with empty lines so that what follows starts level.
fn push_rows(rows: &mut Vec<Row>, kind: RowKind, left: &[Line], right: &[Line]) {
    for i in 0..left.len().max(right.len()) {
        rows.push(Row {
            kind,
            left: left.get(i).cloned().unwrap_or_default(),
            right: right.get(i).cloned().unwrap_or_default(),
        });
    }
}

/// Passages in the left article's order, each with its left paragraph and, when its right
/// passage sits out of the right article's order, the right paragraph it was moved from.
fn placed(mut passages: Vec<Passage>, left: &str, right: &str) -> Vec<Passage> {
    passages.sort_by_key(|p| (p.left.start, p.right.start));
    let starts: Vec<usize> = passages.iter().map(|p| p.right.start).collect();
    for (p, is_moved) in passages.iter_mut().zip(out_of_order(&starts)) {
        p.left_paragraph = paragraph_number(left, p.left.start);
        p.moved_from = is_moved.then(|| paragraph_number(right, p.right.start));
    }
    passages
}

/// The document's blocks: the left article in its order, pairs in place, the unaligned text
/// between anchors side by side, and the right's text after the last anchor at the end.
fn blocks(passages: &[Passage], left_len: usize, right_len: usize) -> Vec<Block> {
    let mut moved: Vec<(Range<usize>, usize)> = passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.moved_from.is_some())
        .map(|(i, p)| (p.right.clone(), i))
        .collect();
    moved.sort_by_key(|(r, _)| (r.start, r.end));
    // The right's text between `from` and `to`, with moved passages taken out.
    let right_pieces = |from: usize, to: usize| -> Vec<RightPiece> {
        let mut pieces = Vec::new();
        let mut at = from;
        for (range, i) in &moved {
            if range.start < from || range.start >= to {
                continue;
            }
            if range.start > at {
                pieces.push(RightPiece::Text(at..range.start));
            }
            pieces.push(RightPiece::Moved(*i));
            at = at.max(range.end.min(to));
        }
        if to > at {
            pieces.push(RightPiece::Text(at..to));
        }
        pieces
    };
    let mut out = Vec::new();
    let (mut at_left, mut at_right) = (0, 0);
    for (i, p) in passages.iter().enumerate() {
        let left_gap = at_left..p.left.start.max(at_left);
        if p.moved_from.is_some() {
            out.push(Block::Gap {
                left: left_gap,
                right: Vec::new(),
            });
        } else {
            let right_to = p.right.start.max(at_right);
            out.push(Block::Gap {
                left: left_gap,
                right: right_pieces(at_right, right_to),
            });
            at_right = at_right.max(p.right.end);
        }
        out.push(Block::Pair(i));
        at_left = at_left.max(p.left.end);
    }
    out.push(Block::Gap {
        left: at_left..left_len,
        right: right_pieces(at_right, right_len.max(at_right)),
    });
    out
}

/// The group that holds both sides of a pair: one member covering most of each side.
fn group_of(groups: &[SharedPassage], left: &Span, right: &Span) -> Option<usize> {
    let holds = |group: &SharedPassage, span: &Span| {
        group
            .members
            .iter()
            .any(|m| m.overlap(span) * 2 >= span.len().min(m.len()).max(1))
    };
    groups
        .iter()
        .position(|g| holds(g, left) && holds(g, right))
}

/// The percentage of `text` (by bytes, whitespace included) that `ranges` cover.
fn share(ranges: impl Iterator<Item = Range<usize>>, text: &str) -> usize {
    let mut ranges: Vec<Range<usize>> = ranges.collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let (mut covered, mut reach) = (0, 0);
    for r in ranges {
        let from = r.start.max(reach);
        covered += r.end.saturating_sub(from);
        reach = reach.max(r.end);
    }
    (covered * 100)
        .checked_div(text.trim().len())
        .unwrap_or(0)
        .min(100)
}

/// Words with a letter or digit in them.
fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::align::overlap::Overlap;
    use crate::corpus::{Corpus, LoadOptions};

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

    /// Nothing is silently dropped: for every ordered pair of sample articles, at several
    /// widths, every word of the left article is in the left column and every word of the
    /// right article is in the right column (moved passages included).
    #[test]
    fn every_word_of_both_articles_is_on_its_side() {
        let corpus = Corpus::sample(&LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = crate::align::align(&texts, &Default::default());
        let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
        let overlap = Overlap::new(&alignment, &lens);
        let context = Context {
            corpus: &corpus,
            alignment: &alignment,
            overlap: &overlap,
        };
        for left in 0..texts.len() {
            for right in 0..texts.len() {
                if left == right {
                    continue;
                }
                // Wide enough that no word is cut across lines.
                for width in [80, 97, 160] {
                    let mut state = CompareState::new(&context, left, right, Theme::default());
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
}
