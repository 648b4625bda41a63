//! The quotes: quoted speech that two or more articles carry, most articles first.
//!
//! One row per quote: how many outlets carry it, how many renderings alter its words, who
//! says it, when it was first seen and the earliest rendering. `Enter` opens the quote with
//! every rendering in time order.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::display::claims::{quote_order, QuoteView};
use crate::display::label::short_date;
use crate::display::text::{sanitize, truncate, width};
use crate::tui::action::Action;
use crate::tui::screens::render_empty;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Outlets,
    Altered,
    Speaker,
    Date,
    Quote,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Outlets => "Outlets▼",
            Column::Altered => "Altered",
            Column::Speaker => "Speaker",
            Column::Date => "First",
            Column::Quote => "Quote (earliest rendering)",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Outlets | Column::Altered)
    }
}

/// The x offset and width of each column at `width` cells; the quote takes what the others
/// leave, and on narrow screens the date goes first, then the speaker.
fn column_spans(width: u16) -> Vec<(Column, u16, u16)> {
    let width = usize::from(width);
    let inner = width.saturating_sub(2);
    let speaker = if inner >= 50 {
        (inner / 6).clamp(10, 24)
    } else {
        0
    };
    let date = if inner >= 70 { 10 } else { 0 };
    let mut spans = Vec::new();
    let mut x = 1;
    for (column, w) in [
        (Column::Outlets, 8),
        (Column::Altered, 7),
        (Column::Speaker, speaker),
        (Column::Date, date),
        (Column::Quote, usize::MAX),
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
}

/// The quotes screen's state.
#[derive(Debug, Clone)]
pub struct QuotesState {
    rows: Vec<Row>,
    selected: usize,
    offset: usize,
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
                Row {
                    quote: i,
                    outlets: view.outlets,
                    altered: view.altered,
                    speaker: view.speaker.clone(),
                    date: view
                        .members
                        .first()
                        .and_then(|m| articles.get(m.span.article))
                        .and_then(short_date),
                    text: sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" "))
                        .into_owned(),
                }
            })
            .collect::<Vec<Row>>();
        let selected = rows.iter().position(|r| r.quote == selected).unwrap_or(0);
        QuotesState {
            selected,
            rows,
            offset: 0,
            theme,
            area: Rect::default(),
        }
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
        usize::from(QuotesState::layout(self.area).1.height).max(1)
    }

    /// The selected quote (an index into the alignment's quotes), if there is any.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|r| r.quote)
    }

    /// Selects a quote (an index into the alignment's quotes), as when the quote screen
    /// moved on to it.
    pub fn select(&mut self, quote: usize) {
        if let Some(row) = self.rows.iter().position(|r| r.quote == quote) {
            self.select_row(row);
        }
    }

    fn select_row(&mut self, row: usize) {
        self.selected = row.min(self.rows.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    fn move_by(&mut self, delta: isize) {
        self.select_row(self.selected.saturating_add_signed(delta));
    }

    fn scroll_to_selection(&mut self) {
        let height = self.page_height();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Applies a key's action; returns a follow-up for the app (open a quote).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let page = self.page_height() as isize;
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveToTop => self.select_row(0),
            Action::MoveToBottom => self.select_row(usize::MAX),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::OpenGroup => return self.selected().map(|quote| Action::ShowQuote { quote }),
            _ => {}
        }
        None
    }

    /// A click selects a row; a click on the selected row opens it.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (_, rows) = QuotesState::layout(self.area);
        if !rows.contains(position) {
            return None;
        }
        let index = self.offset + usize::from(position.y - rows.y);
        let quote = self.rows.get(index)?.quote;
        if index == self.selected {
            return Some(Action::ShowQuote { quote });
        }
        self.select_row(index);
        None
    }

    /// "3/9 · 2 altered ".
    pub fn status(&self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let altered = self.rows.iter().filter(|r| r.altered > 0).count();
        format!(
            "{}/{} · {altered} altered somewhere ",
            self.selected + 1,
            self.rows.len()
        )
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
            render_empty(
                area,
                buf,
                "No quote is carried by two articles.",
                self.theme.dim(),
            );
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
                    Column::Outlets => (row.outlets.to_string().into(), Style::new()),
                    Column::Altered if row.altered == 0 => ("—".into(), self.theme.dim()),
                    Column::Altered => (row.altered.to_string().into(), self.theme.warning()),
                    Column::Speaker => match &row.speaker {
                        Some(s) => (s.into(), self.theme.accent()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Date => match &row.date {
                        Some(d) => (d.into(), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Quote => (format!("“{}”", row.text).into(), Style::new()),
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

screen_state!(QuotesState, Quotes, "Quotes", wheel = Row);

impl Widget for &QuotesState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (header, rows) = QuotesState::layout(area);
        if header.height > 0 {
            self.render_header(header, buf);
        }
        self.render_rows(rows, buf);
    }
}
