//! The stories: articles about one event, with the copy families among them
//! ([`crate::display::story`]), most articles first.
//!
//! One row per story: its number, how many articles and outlets ran it, its first and last
//! date and its lead (the earliest article's opening sentence). The heading marks the
//! column the list is sorted by; `s` sorts by the next one, `S` reverses, a click on a
//! heading sorts by it. `/` filters, `Enter` opens the story's copies in time order.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::display::label;
use crate::display::order::{next_of, Sort, SortKey};
use crate::display::story::StoryEntry;
use crate::display::text::sanitize;
use crate::tui::action::Action;
use crate::tui::screens::list::{
    filter_terms, matches_all, numbered, place, split_header, Change, Clicked, Heading, ListState,
};
use crate::tui::screens::Context;
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

impl Heading for Column {
    type Key = Column;

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

    /// Every column but the lead sorts.
    fn key(self) -> Option<Column> {
        (self != Column::Lead).then_some(self)
    }
}

impl SortKey for Column {
    /// Most first for counts, earliest first for dates and numbers.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Articles | Column::Outlets)
    }

    /// The column `s` sorts by after this one (the lead is no order).
    fn next(self) -> Column {
        next_of(
            &[
                Column::Articles,
                Column::Outlets,
                Column::First,
                Column::Last,
                Column::Number,
            ],
            self,
        )
    }
}

/// The x offset and width of each column shown at `width` cells. The lead takes what the
/// others leave; on narrow screens the last date goes first, then the first date.
fn column_spans(width: u16) -> Vec<(Column, u16, u16)> {
    let inner = usize::from(width).saturating_sub(2);
    let last = if inner >= 70 { 10 } else { 0 };
    let first = if inner >= 44 { 10 } else { 0 };
    let outlets = if inner >= 30 { 9 } else { 0 };
    place(
        &[
            (Column::Number, 4),
            (Column::Articles, 10),
            (Column::Outlets, outlets),
            (Column::First, first),
            (Column::Last, last),
            (Column::Lead, usize::MAX),
        ],
        width,
        1,
    )
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
    list: ListState<Column>,
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
            rows,
            list: ListState::new(Sort::by(Column::Articles)),
            theme,
            area: Rect::default(),
        };
        state.refilter();
        state
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.list.set_height(split_header(area).1.height);
    }

    /// The selected story's number, if any.
    pub fn selected(&self) -> Option<usize> {
        let row = self.list.selected_row()?;
        Some(self.rows[row].entry.number)
    }

    /// The sort shown in the heading.
    pub fn sort(&self) -> Sort<Column> {
        self.list.sort()
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.list.is_editing_filter()
    }

    /// Filters and sorts the rows again, the selection following its story when it stays.
    /// A story without dates sorts after the dated ones either way; ties keep the numbers'
    /// order (the rows are in number order).
    fn refilter(&mut self) {
        let terms = filter_terms(self.list.filter());
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches_all(&self.rows[i].haystack, &terms))
            .collect();
        let sort = self.list.sort();
        let entry = |i: usize| &self.rows[i].entry;
        sort.sort_view(
            &mut view,
            |i| match sort.column {
                Column::First => entry(i).first.is_none(),
                Column::Last => entry(i).last.is_none(),
                _ => false,
            },
            |a, b| {
                let (a, b) = (entry(a), entry(b));
                match sort.column {
                    Column::Number | Column::Lead => a.number.cmp(&b.number),
                    Column::Articles => a.articles.len().cmp(&b.articles.len()),
                    Column::Outlets => a.outlets.cmp(&b.outlets),
                    Column::First => a.first.cmp(&b.first),
                    Column::Last => a.last.cmp(&b.last),
                }
            },
        );
        self.list.set_view(view);
    }

    /// Sorts by `column`; again by the same column reverses.
    pub fn sort_by(&mut self, column: Column) {
        self.list.sort_by(column);
        self.refilter();
    }

    /// Applies a key's action; returns a follow-up for the app (open a story).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let numbered = numbered(&[
            Column::Number,
            Column::Articles,
            Column::Outlets,
            Column::First,
            Column::Last,
        ]);
        match self.list.update(action, numbered) {
            Change::Refresh => self.refilter(),
            Change::Moved => {}
            Change::None if action == Action::OpenStory => {
                return self.selected().map(|story| Action::ShowStory { story })
            }
            Change::None => {}
        }
        None
    }

    /// A click selects a row, a click on the selected row opens it, a click on a heading
    /// sorts by its column.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = split_header(self.area);
        let spans = column_spans(header.width);
        match self.list.click(position, header, rows, &spans) {
            Clicked::Open(row) => {
                return Some(Action::ShowStory {
                    story: self.rows[row].entry.number,
                })
            }
            Clicked::Sorted => self.refilter(),
            Clicked::Selected | Clicked::Nothing => {}
        }
        None
    }

    /// "3/9 ", after the filter when there is one ("/spotify▏ · 3 of 12 ").
    pub fn status(&self) -> String {
        self.list.status(self.rows.len())
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        let empty = if self.rows.is_empty() {
            "No story: no two articles are about one event.".to_string()
        } else {
            format!("No story matches “{}”.", sanitize(self.list.filter()))
        };
        let date = |d: Option<chrono::NaiveDate>| -> (Cow<str>, Style) {
            match d {
                Some(d) => (d.format("%Y-%m-%d").to_string().into(), Style::new()),
                None => ("—".into(), self.theme.dim()),
            }
        };
        let spans = column_spans(area.width);
        self.list
            .render_rows(area, buf, &spans, &self.theme, &empty, |row, column, _| {
                let entry = &self.rows[row].entry;
                match column {
                    Column::Number => (entry.number.to_string().into(), self.theme.dim()),
                    Column::Articles => (entry.articles.len().to_string().into(), Style::new()),
                    Column::Outlets => (entry.outlets.to_string().into(), Style::new()),
                    Column::First => date(entry.first),
                    Column::Last => date(entry.last),
                    Column::Lead => ((&entry.lead).into(), Style::new()),
                }
            });
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
        let (header, rows) = split_header(area);
        let spans = column_spans(header.width);
        self.list
            .render_header(header, buf, &spans, &self.theme, |_, _| None);
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
