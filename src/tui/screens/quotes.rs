//! The quotes: quoted speech that two or more articles carry, most outlets first unless
//! sorted otherwise.
//!
//! One row per quote: how many outlets carry it, how many renderings alter its words, who
//! says it, when it was first seen and the earliest rendering. The list sorts and filters
//! as the other lists do ([`crate::tui::screens::list`]); `Enter` opens the quote with every
//! rendering in time order.

use std::borrow::Cow;

use ratatui::style::Style;

use crate::display::claims::{quote_order, QuoteView};
use crate::display::label::{self, short_date};
use crate::display::order::{Sort, SortKey};
use crate::display::text::sanitize;
use crate::tui::action::Action;
use crate::tui::screens::list::{place, Heading, ListScreen, ListState};
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
    const ALL: &'static [Column] = &[
        Column::Outlets,
        Column::Altered,
        Column::Speaker,
        Column::Date,
    ];

    /// Counts most first, names and dates from the start.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Outlets | Column::Altered)
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
        };
        state.refilter();
        state.select(selected);
        state
    }

    /// The selected quote (an index into the alignment's quotes), if there is any.
    #[cfg(test)]
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

    /// "3/9 · 2 altered somewhere ", after the filter when there is one.
    pub fn status(&self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let altered = self.rows.iter().filter(|r| r.altered > 0).count();
        format!("{}· {altered} altered somewhere ", self.list_status())
    }
}

impl ListScreen for QuotesState {
    type Column = Column;

    fn columns(&self, width: u16) -> Vec<(Column, u16, u16)> {
        column_spans(width, self.list.sort().column)
    }

    fn haystack(&self, row: usize) -> &str {
        &self.rows[row].haystack
    }

    /// A quote without a speaker or a date sorts last either way; ties keep the listing
    /// order.
    fn sort_view(&self, view: &mut [usize], sort: Sort<Column>) {
        let rows = &self.rows;
        sort.sort_view(
            view,
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
    }

    fn total(&self) -> usize {
        self.rows.len()
    }

    fn open_key(&self) -> Action {
        Action::OpenGroup
    }

    fn open(&self, row: usize) -> Option<Action> {
        Some(Action::ShowQuote {
            quote: self.rows[row].quote,
        })
    }

    fn cell(&self, r: usize, column: Column, _: u16) -> (Cow<'_, str>, Style) {
        let row = &self.rows[r];
        let dim = self.theme.dim();
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
    }

    fn empty(&self) -> String {
        if self.rows.is_empty() {
            "No quote is carried by two articles.".to_string()
        } else {
            format!("No quote matches “{}”.", sanitize(self.list.filter()))
        }
    }
}

list_screen_state!(QuotesState, Quotes, "Quotes", key = Column);

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
