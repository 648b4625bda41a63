//! The shared passages: the groups of passages found in two or more articles, most
//! outlets first.
//!
//! One row per group, by number of outlets, then score (the app orders the groups): how many
//! articles share it, how surely, which outlets, the earliest date among them, and the
//! group's core passage. Rows are built once; `Enter` opens the group's collation.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::align::{SharedPassage, Span};
use crate::corpus::Article;
use crate::display::label::{outlet_or_id, short_date, short_ids};
use crate::display::text::{sanitize, truncate, width};
use crate::tui::action::Action;
use crate::tui::screens::render_empty;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// A span's text on one line: whitespace runs collapsed to one space, sanitised. An
/// out-of-range span gives an empty string rather than a panic.
pub fn one_line(article: &Article, span: &Span) -> String {
    let text = article.text.get(span.start..span.end).unwrap_or("");
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    sanitize(&joined).into_owned()
}

/// The distinct articles of a group, in member order (by article).
pub fn articles_of(group: &SharedPassage) -> Vec<usize> {
    let mut articles: Vec<usize> = group.members.iter().map(|m| m.article).collect();
    articles.dedup();
    articles
}

/// A column of the list, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Articles,
    Score,
    Outlets,
    Date,
    Passage,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Articles => "Articles",
            Column::Score => "Score",
            Column::Outlets => "Outlets",
            Column::Date => "Earliest",
            Column::Passage => "Passage",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Articles | Column::Score)
    }
}

/// The x offset and width of each column shown at `width` cells. The passage takes what the
/// others leave; on narrow screens the outlets go first, then the date, then the score.
fn column_spans(width: u16) -> Vec<(Column, u16, u16)> {
    let width = usize::from(width);
    // One cell of margin on each side, one between columns.
    let inner = width.saturating_sub(2);
    let outlets = if inner >= 60 {
        (inner / 4).clamp(12, 40)
    } else {
        0
    };
    let date = if inner >= 40 { 10 } else { 0 };
    let score = if inner >= 24 { 5 } else { 0 };
    let mut spans = Vec::new();
    let mut x = 1;
    for (column, w) in [
        (Column::Articles, 8),
        (Column::Score, score),
        (Column::Outlets, outlets),
        (Column::Date, date),
        (Column::Passage, usize::MAX),
    ] {
        if w == 0 || x >= width.saturating_sub(1) {
            continue;
        }
        let w = w.min(width - 1 - x);
        spans.push((column, x as u16, w as u16));
        x += w + 1;
    }
    spans
}

/// One group as the list shows it, every string sanitised.
#[derive(Debug, Clone)]
struct Row {
    articles: usize,
    score: f32,
    /// The outlets (else ids) of its articles, comma-separated.
    outlets: String,
    /// The earliest date among its articles.
    date: Option<String>,
    /// The group's core passage on one line.
    label: String,
}

impl Row {
    /// `ids` are the articles' short ids, shown for articles without an outlet.
    fn new(context: &Context, group: &SharedPassage, ids: &[String]) -> Row {
        let indices = articles_of(group);
        let articles: Vec<&Article> = indices
            .iter()
            .filter_map(|&a| context.corpus.articles.get(a))
            .collect();
        let outlets = indices
            .iter()
            .zip(&articles)
            .map(|(&i, a)| match a.meta.outlet.as_deref().map(str::trim) {
                Some(outlet) if !outlet.is_empty() => sanitize(outlet).into_owned(),
                _ => ids.get(i).cloned().unwrap_or_else(|| outlet_or_id(a)),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let date = articles.iter().filter_map(|a| short_date(a)).min();
        let label = context
            .corpus
            .articles
            .get(group.label.article)
            .map(|a| one_line(a, &group.label))
            .unwrap_or_default();
        Row {
            articles: articles.len(),
            score: group.score,
            outlets,
            date,
            label,
        }
    }
}

/// The shared-passages screen's state.
#[derive(Debug, Clone)]
pub struct GroupsState {
    rows: Vec<Row>,
    /// Index of the selected row (a group index; 0 when there are none).
    selected: usize,
    /// Index of the first row on screen.
    offset: usize,
    theme: Theme,
    area: Rect,
}

impl GroupsState {
    pub fn new(context: &Context, theme: Theme) -> GroupsState {
        let ids = short_ids(&context.corpus.articles);
        let rows = context
            .alignment
            .groups
            .iter()
            .map(|g| Row::new(context, g, &ids))
            .collect();
        GroupsState {
            rows,
            selected: 0,
            offset: 0,
            theme,
            area: Rect::default(),
        }
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.scroll_to_selection();
    }

    /// The header row and the rows' area: with a single row, a group is worth more than
    /// the headings.
    fn layout(area: Rect) -> (Rect, Rect) {
        let header = Rect {
            height: u16::from(area.height >= 2),
            ..area
        };
        let rows = Rect {
            y: header.bottom(),
            height: area.height - header.height,
            ..area
        };
        (header, rows)
    }

    fn page_height(&self) -> usize {
        usize::from(GroupsState::layout(self.area).1.height).max(1)
    }

    /// The selected group (an index into the alignment's groups), if there is any.
    pub fn selected(&self) -> Option<usize> {
        (self.selected < self.rows.len()).then_some(self.selected)
    }

    /// Selects a group, as when the group screen moved on to it.
    pub fn select(&mut self, group: usize) {
        self.selected = group.min(self.rows.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// Keeps `offset` such that the selected row is on screen.
    fn scroll_to_selection(&mut self) {
        let height = self.page_height();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Applies a key's action; returns a follow-up for the app (open a group).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let page = self.page_height() as isize;
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveToTop => self.select(0),
            Action::MoveToBottom => self.select(usize::MAX),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::OpenGroup => return self.selected().map(|group| Action::ShowGroup { group }),
            _ => {}
        }
        None
    }

    /// What a click at `position` asks for: a click selects a row, a click on the selected
    /// row opens it.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (_, rows) = GroupsState::layout(self.area);
        if !rows.contains(position) {
            return None;
        }
        let index = self.offset + usize::from(position.y - rows.y);
        if index >= self.rows.len() {
            return None;
        }
        if index == self.selected {
            return Some(Action::ShowGroup { group: index });
        }
        self.select(index);
        None
    }

    /// The right end of the status line: "3/9 ".
    pub fn status(&self) -> String {
        match self.rows.len() {
            0 => String::new(),
            len => format!("{}/{len} ", self.selected + 1),
        }
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.text());
        for (column, x, w) in column_spans(area.width) {
            let label = truncate(column.name(), usize::from(w));
            let x = if column.is_numeric() {
                area.x + x + w - width(&label) as u16
            } else {
                area.x + x
            };
            buf.set_stringn(x, area.y, &label, usize::from(w), self.theme.header());
        }
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        if self.rows.is_empty() {
            let message = "No passage is shared by two articles.";
            render_empty(area, buf, message, self.theme.dim());
            return;
        }
        let spans = column_spans(area.width);
        let visible = self
            .rows
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(usize::from(area.height));
        for (y, (index, row)) in (area.y..).zip(visible) {
            let line_area = Rect {
                y,
                height: 1,
                ..area
            };
            let is_selected = index == self.selected;
            let base = if is_selected {
                self.theme.selection()
            } else {
                self.theme.text()
            };
            buf.set_style(line_area, base);
            for &(column, x, w) in &spans {
                let (text, style): (Cow<str>, Style) = match column {
                    Column::Articles => (row.articles.to_string().into(), Style::new()),
                    Column::Score => (format!("{:.2}", row.score).into(), self.theme.dim()),
                    Column::Outlets => ((&row.outlets).into(), Style::new()),
                    Column::Date => match &row.date {
                        Some(d) => (d.into(), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Passage => ((&row.label).into(), Style::new()),
                };
                // The selection's colours win over dim columns.
                let style = if is_selected { base } else { base.patch(style) };
                let text = truncate(&text, usize::from(w));
                let x = if column.is_numeric() {
                    line_area.x + x + w - width(&text) as u16
                } else {
                    line_area.x + x
                };
                buf.set_stringn(x, y, &text, usize::from(w), style);
            }
        }
    }
}

screen_state!(GroupsState, Groups, "Shared passages", wheel = Row);

impl Widget for &GroupsState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (header, rows) = GroupsState::layout(area);
        self.render_header(header, buf);
        self.render_rows(rows, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_and_drop_the_least_needed_first() {
        for w in [0u16, 1, 2, 5, 10, 26, 30, 42, 61, 80, 120, 300] {
            let spans = column_spans(w);
            for &(_, x, cw) in &spans {
                assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                assert!(cw > 0);
            }
            let has = |c| spans.iter().any(|s| s.0 == c);
            assert_eq!(has(Column::Outlets), w >= 62, "width {w}");
            if has(Column::Outlets) {
                assert!(has(Column::Date) && has(Column::Score) && has(Column::Passage));
            }
        }
    }
}
