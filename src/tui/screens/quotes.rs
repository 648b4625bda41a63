//! The quotes: quoted speech that two or more articles carry, most outlets first unless
//! sorted otherwise.
//!
//! One row per quote: how many outlets carry it, how many renderings alter its words, who
//! says it, when it was first seen and the earliest rendering. The list sorts and filters
//! as the other lists do ([`crate::tui::screens::list`]); `Enter` opens the quote with every
//! rendering in time order.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::display::claims::{quote_order, QuoteView};
use crate::display::label::{self, short_date};
use crate::display::order::{next_of, Sort, SortKey};
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
    Outlets,
    Altered,
    Speaker,
    Date,
    Quote,
}

impl Heading for Column {
    type Key = Column;

    fn name(self) -> &'static str {
        match self {
            Column::Outlets => "Outlets",
            Column::Altered => "Altered",
            Column::Speaker => "Speaker",
            Column::Date => "First",
            Column::Quote => "Quote (earliest rendering)",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Outlets | Column::Altered)
    }

    /// Every column but the quote's words sorts.
    fn key(self) -> Option<Column> {
        (self != Column::Quote).then_some(self)
    }
}

impl SortKey for Column {
    /// Counts most first, names and dates from the start.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Outlets | Column::Altered)
    }

    fn next(self) -> Column {
        next_of(
            &[
                Column::Outlets,
                Column::Altered,
                Column::Speaker,
                Column::Date,
            ],
            self,
        )
    }
}

/// The x offset and width of each column at `width` cells, sorted by `sorted`; the quote
/// takes what the others leave, and on narrow screens the date goes first, then the
/// speaker, but never the column the list is sorted by.
fn column_spans(width: u16, sorted: Column) -> Vec<(Column, u16, u16)> {
    let inner = usize::from(width).saturating_sub(2);
    let speaker = if inner >= 50 {
        (inner / 6).clamp(10, 24)
    } else if sorted == Column::Speaker {
        10
    } else {
        0
    };
    let date = if inner >= 70 || sorted == Column::Date {
        10
    } else {
        0
    };
    // Room for the heading and its arrow: "Outlets ▼", "Altered ▼".
    let altered = if sorted == Column::Altered { 9 } else { 7 };
    place(
        &[
            (Column::Outlets, 9),
            (Column::Altered, altered),
            (Column::Speaker, speaker),
            (Column::Date, date),
            (Column::Quote, usize::MAX),
        ],
        width,
        1,
    )
}

/// One quote as the list shows it, every string sanitised.
#[derive(Debug, Clone)]
struct Row {
    /// Its index in the alignment's quotes.
    quote: usize,
    outlets: usize,
    altered: usize,
    speaker: Option<String>,
    date: Option<String>,
    text: String,
    /// Lower-cased words, speaker, outlets and ids, for the filter.
    haystack: String,
}

/// The quotes screen's state.
#[derive(Debug, Clone)]
pub struct QuotesState {
    /// In listing order: most outlets first, then most renderings.
    rows: Vec<Row>,
    list: ListState<Column>,
    theme: Theme,
    area: Rect,
}

impl QuotesState {
    /// The list (most outlets first), the quote `selected` (an index into the alignment's
    /// quotes) selected.
    pub fn new(context: &Context, selected: usize, theme: Theme) -> QuotesState {
        let articles = &context.corpus.articles;
        let quotes = &context.alignment.quotes;
        let rows = quote_order(articles, quotes)
            .into_iter()
            .map(|i| {
                let view = QuoteView::new(articles, &quotes[i]);
                let text = view.text(articles);
                let text =
                    sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned();
                let speaker = view.speaker.as_deref().map(|s| sanitize(s).into_owned());
                let mut haystack = text.to_lowercase();
                for field in view
                    .members
                    .iter()
                    .filter_map(|m| articles.get(m.span.article))
                    .flat_map(|a| [Some(label::id(a)), label::outlet(a)])
                    .chain([speaker.clone()])
                    .flatten()
                {
                    haystack.push('\n');
                    haystack.push_str(&field.to_lowercase());
                }
                Row {
                    quote: i,
                    outlets: view.outlets,
                    altered: view.altered,
                    speaker,
                    date: view
                        .members
                        .first()
                        .and_then(|m| articles.get(m.span.article))
                        .and_then(short_date),
                    text,
                    haystack,
                }
            })
            .collect::<Vec<Row>>();
        let mut state = QuotesState {
            rows,
            list: ListState::new(Sort::by(Column::Outlets)),
            theme,
            area: Rect::default(),
        };
        state.refilter();
        state.select(selected);
        state
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.list.set_height(split_header(area).1.height);
    }

    /// The selected quote (an index into the alignment's quotes), if there is any.
    pub fn selected(&self) -> Option<usize> {
        self.list.selected_row().map(|r| self.rows[r].quote)
    }

    /// Selects a quote (an index into the alignment's quotes), as when the quote screen
    /// moved on to it.
    pub fn select(&mut self, quote: usize) {
        if let Some(row) = self.rows.iter().position(|r| r.quote == quote) {
            self.list.select(row);
        }
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.list.is_editing_filter()
    }

    /// Filters and sorts the rows again, the selection following its quote. A quote
    /// without a speaker or a date sorts last either way; ties keep the listing order.
    fn refilter(&mut self) {
        let terms = filter_terms(self.list.filter());
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches_all(&self.rows[i].haystack, &terms))
            .collect();
        let sort = self.list.sort();
        let rows = &self.rows;
        sort.sort_view(
            &mut view,
            |i| match sort.column {
                Column::Speaker => rows[i].speaker.is_none(),
                Column::Date => rows[i].date.is_none(),
                _ => false,
            },
            |a, b| {
                let (a, b) = (&rows[a], &rows[b]);
                match sort.column {
                    Column::Outlets => a.outlets.cmp(&b.outlets),
                    Column::Altered => a.altered.cmp(&b.altered),
                    Column::Speaker => a
                        .speaker
                        .as_deref()
                        .map(str::to_lowercase)
                        .cmp(&b.speaker.as_deref().map(str::to_lowercase)),
                    Column::Date => a.date.cmp(&b.date),
                    Column::Quote => std::cmp::Ordering::Equal,
                }
            },
        );
        self.list.set_view(view);
    }

    /// Applies a key's action; returns a follow-up for the app (open a quote).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let numbered = numbered(&[
            Column::Outlets,
            Column::Altered,
            Column::Speaker,
            Column::Date,
        ]);
        match self.list.update(action, numbered) {
            Change::Refresh => self.refilter(),
            Change::Moved => {}
            Change::None if action == Action::OpenGroup => {
                return self.selected().map(|quote| Action::ShowQuote { quote })
            }
            Change::None => {}
        }
        None
    }

    /// A click selects a row, a click on the selected row opens it, a click on a heading
    /// sorts by its column.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = split_header(self.area);
        let spans = column_spans(header.width, self.list.sort().column);
        match self.list.click(position, header, rows, &spans) {
            Clicked::Open(row) => {
                return Some(Action::ShowQuote {
                    quote: self.rows[row].quote,
                })
            }
            Clicked::Sorted => self.refilter(),
            Clicked::Selected | Clicked::Nothing => {}
        }
        None
    }

    /// "3/9 · 2 altered somewhere ", after the filter when there is one.
    pub fn status(&self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let altered = self.rows.iter().filter(|r| r.altered > 0).count();
        format!(
            "{}· {altered} altered somewhere ",
            self.list.status(self.rows.len())
        )
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        let empty = if self.rows.is_empty() {
            "No quote is carried by two articles.".to_string()
        } else {
            format!("No quote matches “{}”.", sanitize(self.list.filter()))
        };
        let spans = column_spans(area.width, self.list.sort().column);
        let dim = self.theme.dim();
        self.list
            .render_rows(area, buf, &spans, &self.theme, &empty, |r, column, _| {
                let row = &self.rows[r];
                match column {
                    Column::Outlets => (row.outlets.to_string().into(), Style::new()),
                    Column::Altered if row.altered == 0 => ("—".into(), dim),
                    Column::Altered => (row.altered.to_string().into(), self.theme.warning()),
                    Column::Speaker => match &row.speaker {
                        Some(s) => (Cow::from(s.as_str()), self.theme.accent()),
                        None => ("—".into(), dim),
                    },
                    Column::Date => match &row.date {
                        Some(d) => (Cow::from(d.as_str()), Style::new()),
                        None => ("—".into(), dim),
                    },
                    Column::Quote => (format!("“{}”", row.text).into(), Style::new()),
                }
            });
    }
}

screen_state!(
    QuotesState,
    Quotes,
    "Quotes",
    wheel = Row,
    typing = is_editing_filter
);

impl Widget for &QuotesState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (header, rows) = split_header(area);
        let spans = column_spans(header.width, self.list.sort().column);
        self.list
            .render_header(header, buf, &spans, &self.theme, |_, _| None);
        self.render_rows(rows, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_and_always_show_the_sort_column() {
        for w in [0u16, 1, 2, 5, 10, 26, 30, 42, 52, 60, 72, 80, 120, 300] {
            for sorted in [
                Column::Outlets,
                Column::Altered,
                Column::Speaker,
                Column::Date,
            ] {
                let spans = column_spans(w, sorted);
                for &(_, x, cw) in &spans {
                    assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                    assert!(cw > 0);
                }
                if w >= 40 {
                    let sorted_span = spans.iter().find(|s| s.0 == sorted);
                    assert!(
                        sorted_span.is_some_and(|s| usize::from(s.2) >= sorted.name().len() + 2),
                        "{sorted:?} at width {w}: {spans:?}"
                    );
                    assert!(spans.iter().any(|s| s.0 == Column::Quote), "width {w}");
                }
            }
        }
    }
}
