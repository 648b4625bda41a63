//! The stories: articles about one event, with the copy families among them
//! ([`crate::display::story`]), most articles first.
//!
//! One row per story: its number, how many articles and outlets ran it, its first and last
//! date and its lead (the earliest article's opening sentence). The heading marks the
//! column the list is sorted by; `s` sorts by the next one, `S` reverses, a click on a
//! heading sorts by it. `/` filters, `Enter` opens the story's copies in time order.

use std::borrow::Cow;
use std::cmp::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::display::label;
use crate::display::story::StoryEntry;
use crate::display::text::{sanitize, truncate, width};
use crate::tui::action::Action;
use crate::tui::screens::{render_empty, Context};
use crate::tui::theme::Theme;

/// A column of the list, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    Articles,
    Outlets,
    First,
    Last,
    Lead,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Number => "#",
            Column::Articles => "Articles",
            Column::Outlets => "Outlets",
            Column::First => "First",
            Column::Last => "Last",
            Column::Lead => "Lead",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Number | Column::Articles | Column::Outlets)
    }

    /// The column `s` sorts by after this one (the lead is no order).
    fn next(self) -> Column {
        match self {
            Column::Articles => Column::Outlets,
            Column::Outlets => Column::First,
            Column::First => Column::Last,
            Column::Last => Column::Number,
            Column::Number | Column::Lead => Column::Articles,
        }
    }

    /// The direction a first sort by this column takes: most first for counts, earliest
    /// first for dates and numbers.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Articles | Column::Outlets)
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub is_descending: bool,
}

/// The x offset and width of each column shown at `width` cells. The lead takes what the
/// others leave; on narrow screens the last date goes first, then the first date.
fn column_spans(width: u16) -> Vec<(Column, u16, u16)> {
    let width = usize::from(width);
    let inner = width.saturating_sub(2);
    let last = if inner >= 70 { 10 } else { 0 };
    let first = if inner >= 44 { 10 } else { 0 };
    let outlets = if inner >= 30 { 9 } else { 0 };
    let mut spans = Vec::new();
    let mut x = 1;
    for (column, w) in [
        (Column::Number, 4),
        (Column::Articles, 10),
        (Column::Outlets, outlets),
        (Column::First, first),
        (Column::Last, last),
        (Column::Lead, usize::MAX),
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

/// One story as the list shows it.
#[derive(Debug, Clone)]
struct Row {
    entry: StoryEntry,
    /// Lower-cased lead, titles, outlets, wire credits and ids, for the filter.
    haystack: String,
}

/// The stories screen's state.
#[derive(Debug, Clone)]
pub struct StoriesState {
    rows: Vec<Row>,
    /// The rows shown (indices into `rows`), in order: those the filter keeps, sorted.
    view: Vec<usize>,
    sort: Sort,
    filter: String,
    is_editing_filter: bool,
    /// Index into `view` of the selected row.
    selected: usize,
    offset: usize,
    theme: Theme,
    area: Rect,
}

impl StoriesState {
    pub fn new(context: &Context, theme: Theme) -> StoriesState {
        let entries = crate::display::story::stories(context.alignment, context.corpus);
        let rows: Vec<Row> = entries
            .into_iter()
            .map(|entry| {
                let mut haystack = entry.lead.to_lowercase();
                for &a in &entry.articles {
                    let Some(article) = context.corpus.articles.get(a) else {
                        continue;
                    };
                    let fields = [
                        Some(label::id(article)),
                        label::title_if_any(article),
                        label::outlet(article),
                        article
                            .meta
                            .wire
                            .as_deref()
                            .map(|w| sanitize(w).into_owned()),
                    ];
                    for field in fields.into_iter().flatten() {
                        haystack.push('\n');
                        haystack.push_str(&field.to_lowercase());
                    }
                }
                Row { entry, haystack }
            })
            .collect();
        let mut state = StoriesState {
            view: Vec::new(),
            rows,
            sort: Sort {
                column: Column::Articles,
                is_descending: true,
            },
            filter: String::new(),
            is_editing_filter: false,
            selected: 0,
            offset: 0,
            theme,
            area: Rect::default(),
        };
        state.refilter();
        state
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.scroll_to_selection();
    }

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
        usize::from(StoriesState::layout(self.area).1.height).max(1)
    }

    /// The selected story's number, if any.
    pub fn selected(&self) -> Option<usize> {
        let row = self.view.get(self.selected)?;
        Some(self.rows[*row].entry.number)
    }

    /// The sort shown in the heading.
    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.is_editing_filter
    }

    fn select_row(&mut self, row: usize) {
        self.selected = row.min(self.view.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    fn move_by(&mut self, delta: isize) {
        self.select_row(self.selected.saturating_add_signed(delta));
    }

    fn compare(&self, a: &Row, b: &Row, column: Column) -> Ordering {
        let (a, b) = (&a.entry, &b.entry);
        match column {
            Column::Number | Column::Lead => a.number.cmp(&b.number),
            Column::Articles => a.articles.len().cmp(&b.articles.len()),
            Column::Outlets => a.outlets.cmp(&b.outlets),
            Column::First => a.first.cmp(&b.first),
            Column::Last => a.last.cmp(&b.last),
        }
    }

    /// Filters and sorts the rows again, the selection following its story when it stays.
    /// A story without dates sorts after the dated ones either way; ties keep the numbers'
    /// order.
    fn refilter(&mut self) {
        let previous = self.selected();
        let terms: Vec<String> = self
            .filter
            .to_lowercase()
            .split_whitespace()
            .map(String::from)
            .collect();
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                terms
                    .iter()
                    .all(|t| self.rows[i].haystack.contains(t.as_str()))
            })
            .collect();
        let sort = self.sort;
        let is_missing = |row: &Row| match sort.column {
            Column::First => row.entry.first.is_none(),
            Column::Last => row.entry.last.is_none(),
            _ => false,
        };
        view.sort_by(|&a, &b| {
            let (ra, rb) = (&self.rows[a], &self.rows[b]);
            let order = self.compare(ra, rb, sort.column);
            let order = if sort.is_descending {
                order.reverse()
            } else {
                order
            };
            is_missing(ra)
                .cmp(&is_missing(rb))
                .then(order)
                .then(ra.entry.number.cmp(&rb.entry.number))
        });
        self.view = view;
        self.selected = previous
            .and_then(|p| {
                self.view
                    .iter()
                    .position(|&i| self.rows[i].entry.number == p)
            })
            .unwrap_or(0);
        self.offset = 0;
        self.scroll_to_selection();
    }

    /// Sorts by `column`; again by the same column reverses.
    pub fn sort_by(&mut self, column: Column) {
        if self.sort.column == column {
            self.sort.is_descending = !self.sort.is_descending;
        } else {
            self.sort = Sort {
                column,
                is_descending: column.is_descending_first(),
            };
        }
        self.refilter();
    }

    fn scroll_to_selection(&mut self) {
        let height = self.page_height();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.view.len().saturating_sub(height));
    }

    /// Applies a key's action; returns a follow-up for the app (open a story).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let page = self.page_height() as isize;
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveToTop => self.select_row(0),
            Action::MoveToBottom => self.select_row(usize::MAX),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::StartFilter => self.is_editing_filter = true,
            Action::InsertChar(c) if self.is_editing_filter && !c.is_control() => {
                self.filter.push(c);
                self.refilter();
            }
            Action::DeleteChar if self.is_editing_filter => {
                self.filter.pop();
                self.refilter();
            }
            Action::ConfirmFilter => self.is_editing_filter = false,
            Action::CancelFilter => {
                self.is_editing_filter = false;
                self.filter.clear();
                self.refilter();
            }
            Action::CycleSort => {
                self.sort = Sort {
                    column: self.sort.column.next(),
                    is_descending: self.sort.column.next().is_descending_first(),
                };
                self.refilter();
            }
            Action::ReverseSort => {
                self.sort.is_descending = !self.sort.is_descending;
                self.refilter();
            }
            Action::OpenStory => return self.selected().map(|story| Action::ShowStory { story }),
            _ => {}
        }
        None
    }

    /// A click selects a row, a click on the selected row opens it, a click on a heading
    /// sorts by its column.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = StoriesState::layout(self.area);
        if header.contains(position) {
            let x = position.x - header.x;
            let column = column_spans(header.width)
                .into_iter()
                .find(|&(_, start, w)| x >= start && x < start + w)
                .map(|(column, _, _)| column)?;
            if column != Column::Lead {
                self.sort_by(column);
            }
            return None;
        }
        if !rows.contains(position) {
            return None;
        }
        let index = self.offset + usize::from(position.y - rows.y);
        if index >= self.view.len() {
            return None;
        }
        if index == self.selected {
            return self.selected().map(|story| Action::ShowStory { story });
        }
        self.select_row(index);
        None
    }

    /// "3/9 ", after the filter when there is one ("/spotify▏ · 3 of 12 ").
    pub fn status(&self) -> String {
        let place = match self.view.len() {
            0 => String::new(),
            len => format!("{}/{len} ", self.selected + 1),
        };
        if !self.is_editing_filter && self.filter.is_empty() {
            return place;
        }
        let cursor = if self.is_editing_filter { "▏" } else { "" };
        format!(
            "/{}{cursor} · {} of {} · {place}",
            sanitize(&self.filter),
            self.view.len(),
            self.rows.len()
        )
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.text());
        for (column, x, w) in column_spans(area.width) {
            let mut label = column.name().to_string();
            let mut style = self.theme.header();
            if column == self.sort.column {
                label.push(' ');
                label.push(if self.sort.is_descending {
                    '▼'
                } else {
                    '▲'
                });
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            let label = truncate(&label, usize::from(w));
            let x = if column.is_numeric() {
                area.x + x + w - width(&label) as u16
            } else {
                area.x + x
            };
            buf.set_stringn(x, area.y, &label, usize::from(w), style);
        }
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        if self.view.is_empty() {
            let message = if self.rows.is_empty() {
                "No story: no two articles are about one event.".to_string()
            } else {
                format!("No story matches “{}”.", sanitize(&self.filter))
            };
            render_empty(area, buf, &message, self.theme.dim());
            return;
        }
        let spans = column_spans(area.width);
        let visible = self
            .view
            .iter()
            .map(|&i| &self.rows[i].entry)
            .enumerate()
            .skip(self.offset)
            .take(usize::from(area.height));
        for (y, (index, entry)) in (area.y..).zip(visible) {
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
            let date = |d: Option<chrono::NaiveDate>| -> (Cow<str>, Style) {
                match d {
                    Some(d) => (d.format("%Y-%m-%d").to_string().into(), Style::new()),
                    None => ("—".into(), self.theme.dim()),
                }
            };
            for &(column, x, w) in &spans {
                let (text, style): (Cow<str>, Style) = match column {
                    Column::Number => (entry.number.to_string().into(), self.theme.dim()),
                    Column::Articles => (entry.articles.len().to_string().into(), Style::new()),
                    Column::Outlets => (entry.outlets.to_string().into(), Style::new()),
                    Column::First => date(entry.first),
                    Column::Last => date(entry.last),
                    Column::Lead => ((&entry.lead).into(), Style::new()),
                };
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

screen_state!(
    StoriesState,
    Stories,
    "Stories",
    wheel = Row,
    typing = is_editing_filter
);

impl Widget for &StoriesState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (header, rows) = StoriesState::layout(area);
        self.render_header(header, buf);
        self.render_rows(rows, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_and_drop_the_dates_first() {
        for w in [0u16, 1, 2, 5, 10, 26, 32, 46, 60, 72, 80, 120, 300] {
            let spans = column_spans(w);
            for &(_, x, cw) in &spans {
                assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                assert!(cw > 0);
            }
            let has = |c| spans.iter().any(|s| s.0 == c);
            assert_eq!(has(Column::Last), w >= 72, "width {w}");
            assert_eq!(has(Column::First), w >= 46, "width {w}");
        }
    }
}
