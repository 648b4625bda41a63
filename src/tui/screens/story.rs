//! One story: its articles in time order, one row per copy, with outlet, date, wire
//! credit, copy family, the share of the earliest copy it keeps and the words it adds and
//! drops ([`StoryDetail`]), and a time axis on every row that shows when each outlet
//! published.
//!
//! The copies sort by date (the default), outlet, family, keeps, added or dropped, with the
//! keys of every list ([`crate::tui::screens::list`]). `c` (or `Enter`) compares the selected copy
//! with the earliest copy it is measured against, or the two copies marked with `Space`;
//! `e` writes the story as a report.

use std::borrow::Cow;
use std::cmp::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::display::label;
use crate::display::order::{Sort, SortKey};
use crate::display::story::{
    day, family_name, short_day, timeline_heading, timeline_strip, StoryDetail,
};
use crate::display::text::{sanitize, width};
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::screens::list::{numbered, Change, Clicked, Heading, ListState};
use crate::tui::screens::{fit_line, Context};
use crate::tui::theme::Theme;

/// A column of the copies, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// `●` on a marked copy.
    Mark,
    Date,
    Outlet,
    Wire,
    Family,
    Keeps,
    Added,
    Dropped,
    When,
    Title,
}

impl Heading for Column {
    type Key = Column;

    fn name(self) -> &'static str {
        match self {
            Column::Mark => "",
            Column::Date => "Date",
            Column::Outlet => "Outlet",
            Column::Wire => "Wire",
            Column::Family => "Family",
            Column::Keeps => "Keeps",
            Column::Added => "Added",
            Column::Dropped => "Dropped",
            Column::When => "When",
            Column::Title => "Title",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Keeps | Column::Added | Column::Dropped)
    }

    fn key(self) -> Option<Column> {
        SORTABLE.contains(&self).then_some(self)
    }
}

/// The columns the copies sort by, in the order `s` cycles through them.
const SORTABLE: [Column; 6] = [
    Column::Date,
    Column::Outlet,
    Column::Family,
    Column::Keeps,
    Column::Added,
    Column::Dropped,
];

impl SortKey for Column {
    const ALL: &'static [Column] = &SORTABLE;

    /// Shares and word counts most first; dates, outlets and families from the start.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Keeps | Column::Added | Column::Dropped)
    }
}

/// The widths of the columns that take their contents' width (in cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Widths {
    /// 5 (`05-31`) when the story is within one year, else 10.
    date: usize,
    outlet: usize,
    wire: usize,
}

/// The columns shown at `width` cells, as `(column, x, width)`. Every column has a width
/// and a priority; the least needed go first until the rest fit, and the title takes what
/// is left. The column sorted by stays, wide enough for its heading and arrow.
fn column_spans(width: u16, widths: Widths, sorted: Column) -> Vec<(Column, u16, u16)> {
    let width = usize::from(width);
    let inner = width.saturating_sub(2);
    // (column, cells, priority: higher stays longer)
    let mut wanted = [
        (Column::Mark, 1, 9),
        (Column::Date, widths.date.max(6), 8),
        (Column::Outlet, widths.outlet.clamp(6, 24), 9),
        (Column::Wire, widths.wire.clamp(4, 20), 2),
        (Column::Family, 7, 6),
        (Column::Keeps, 5, 7),
        (Column::Added, 5, 4),
        (Column::Dropped, 7, 4),
        (Column::When, if inner >= 100 { 16 } else { 8 }, 5),
    ];
    for (column, cells, priority) in &mut wanted {
        if *column == sorted {
            *cells = (*cells).max(column.name().chars().count() + 2);
            *priority = u8::MAX;
        }
    }
    let mut kept: Vec<(Column, usize, u8)> = wanted.to_vec();
    let total = |kept: &[(Column, usize, u8)]| -> usize {
        kept.iter().map(|k| k.1).sum::<usize>() + kept.len().saturating_sub(1)
    };
    while total(&kept) > inner && !kept.is_empty() {
        let lowest = kept
            .iter()
            .enumerate()
            .min_by_key(|(i, k)| (k.2, usize::MAX - i))
            .map(|(i, _)| i)
            .unwrap_or(0);
        kept.remove(lowest);
    }
    let mut spans = Vec::new();
    let mut x = 1;
    for (column, w, _) in kept {
        if x >= width.saturating_sub(1) {
            break;
        }
        let w = w.min(width - 1 - x);
        spans.push((column, x as u16, w as u16));
        x += w + 1;
    }
    let left = width.saturating_sub(1).saturating_sub(x);
    if left >= 8 {
        spans.push((Column::Title, x as u16, left as u16));
    } else if let Some(when) = spans.iter_mut().find(|s| s.0 == Column::When) {
        // No room for titles: the time axis, last, takes the cells left.
        when.2 += left as u16;
    }
    spans
}

/// One copy as the screen shows it, every string sanitised.
#[derive(Debug, Clone)]
struct Row {
    article: usize,
    date: Option<String>,
    outlet: String,
    wire: Option<String>,
    family: String,
    keeps: Option<String>,
    added: Option<String>,
    dropped: Option<String>,
    when: Option<chrono::NaiveDate>,
    title: String,
    /// What the row sorts by where its cells are text.
    family_id: Option<usize>,
    /// The share kept as shown: copies that read alike in the column sort as ties, in time
    /// order.
    keeps_percent: Option<u32>,
    added_words: Option<usize>,
    dropped_words: Option<usize>,
}

/// A share as the whole percent shown.
fn percent(share: f32) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The story screen's state.
#[derive(Debug, Clone)]
pub struct StoryState {
    detail: StoryDetail,
    rows: Vec<Row>,
    /// Articles marked with `Space`, in the order marked (two at most).
    marked: Vec<usize>,
    /// The rows (in time order, as `detail.copies`) as sorted, the selection and the scroll.
    list: ListState<Column>,
    /// A note for the status line, until the next key.
    notice: Option<String>,
    widths: Widths,
    theme: Theme,
    area: Rect,
}

impl StoryState {
    pub fn new(context: &Context, detail: StoryDetail, theme: Theme) -> StoryState {
        let corpus = context.corpus;
        let (first, last) = (detail.entry.first, detail.entry.last);
        let rows: Vec<Row> = detail
            .copies
            .iter()
            .map(|copy| {
                let article = &corpus.articles[copy.article];
                let when = day(corpus, copy.article);
                let mut family = copy
                    .family
                    .map(family_name)
                    .unwrap_or_else(|| "—".to_string());
                if copy.is_first {
                    family.push_str(" first");
                } else if copy.base.is_none() {
                    // The base of the others, its date unknown: not known to be first.
                    family.push_str(" ref");
                }
                let measured = copy.base.is_some();
                Row {
                    article: copy.article,
                    date: when.map(|d| short_day(d, first, last)),
                    outlet: label::outlet_or_id(article),
                    wire: article
                        .meta
                        .wire
                        .as_deref()
                        .map(str::trim)
                        .filter(|w| !w.is_empty())
                        .map(|w| sanitize(w).into_owned()),
                    family,
                    keeps: measured.then(|| format!("{}%", percent(copy.keeps()))),
                    added: copy.added_words().map(|n| format!("+{n}")),
                    dropped: copy.dropped_words().map(|n| format!("−{n}")),
                    when,
                    title: label::title(article),
                    family_id: copy.family,
                    keeps_percent: measured.then(|| percent(copy.keeps())),
                    added_words: copy.added_words(),
                    dropped_words: copy.dropped_words(),
                }
            })
            .collect();
        let widest = |cell: &dyn Fn(&Row) -> Option<usize>| rows.iter().filter_map(cell).max();
        let widths = Widths {
            date: widest(&|r| r.date.as_deref().map(width)).unwrap_or(5),
            outlet: widest(&|r| Some(width(&r.outlet))).unwrap_or(6),
            wire: widest(&|r| r.wire.as_deref().map(width)).unwrap_or(4),
        };
        let mut state = StoryState {
            detail,
            rows,
            marked: Vec::new(),
            list: ListState::new(Sort::by(Column::Date)),
            notice: None,
            widths,
            theme,
            area: Rect::default(),
        };
        state.resort();
        state
    }

    /// The order of the copies.
    pub fn sort(&self) -> Sort<Column> {
        self.list.sort()
    }

    /// Sorts the copies again, the selection following its copy. A copy without the
    /// value sorts last either way; ties keep the time order.
    fn resort(&mut self) {
        let mut view: Vec<usize> = (0..self.rows.len()).collect();
        let sort = self.list.sort();
        let rows = &self.rows;
        sort.sort_view(
            &mut view,
            |i| {
                let row = &rows[i];
                match sort.column {
                    Column::Date => row.when.is_none(),
                    Column::Family => row.family_id.is_none(),
                    Column::Keeps => row.keeps_percent.is_none(),
                    Column::Added => row.added_words.is_none(),
                    Column::Dropped => row.dropped_words.is_none(),
                    _ => false,
                }
            },
            |a, b| {
                let (a, b) = (&rows[a], &rows[b]);
                match sort.column {
                    Column::Date => a.when.cmp(&b.when),
                    Column::Outlet => a.outlet.to_lowercase().cmp(&b.outlet.to_lowercase()),
                    Column::Family => a.family_id.cmp(&b.family_id),
                    Column::Keeps => a.keeps_percent.cmp(&b.keeps_percent),
                    Column::Added => a.added_words.cmp(&b.added_words),
                    Column::Dropped => a.dropped_words.cmp(&b.dropped_words),
                    _ => Ordering::Equal,
                }
            },
        );
        self.list.set_view(view);
    }

    /// The story shown.
    pub fn detail(&self) -> &StoryDetail {
        &self.detail
    }

    /// The articles marked to compare, in the order marked.
    pub fn marked(&self) -> &[usize] {
        &self.marked
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.list.set_height(StoryState::layout(area).2.height);
    }

    /// The summary lines (when there is room), the heading and the rows.
    fn layout(area: Rect) -> (Rect, Rect, Rect) {
        let summary_height = if area.height >= 8 { 2 } else { 0 };
        let summary = Rect {
            height: summary_height,
            ..area
        };
        let header = Rect {
            y: summary.bottom(),
            height: u16::from(area.height - summary_height >= 2),
            ..area
        };
        let rows = Rect {
            y: header.bottom(),
            height: area.height - summary_height - header.height,
            ..area
        };
        (summary, header, rows)
    }

    /// Marks the selected copy, or unmarks it; a third mark replaces the oldest.
    fn toggle_mark(&mut self) {
        let Some(row) = self.list.selected_row().map(|r| &self.rows[r]) else {
            return;
        };
        let article = row.article;
        if let Some(at) = self.marked.iter().position(|&a| a == article) {
            self.marked.remove(at);
        } else {
            if self.marked.len() == 2 {
                self.marked.remove(0);
            }
            self.marked.push(article);
        }
        self.list.move_by(1);
    }

    /// The comparison `c` asks for: the two marked copies (earlier on the left), else the
    /// selected copy beside the copy it is measured against, else (on that earliest copy)
    /// beside the next copy measured against it.
    fn compare(&mut self) -> Option<Action> {
        let position = |a: usize| self.rows.iter().position(|r| r.article == a);
        if let [x, y] = self.marked[..] {
            let (left, right) = if position(x) <= position(y) {
                (x, y)
            } else {
                (y, x)
            };
            return Some(Action::CompareArticles {
                left: ArticleIdx(left),
                right: ArticleIdx(right),
            });
        }
        let copy = self.detail.copies.get(self.list.selected_row()?)?;
        let (left, right) = match copy.base {
            Some(base) => (base, copy.article),
            None => {
                let Some(next) = self
                    .detail
                    .copies
                    .iter()
                    .find(|c| c.base == Some(copy.article))
                else {
                    self.notice =
                        Some("No copy is measured against this one: mark two with Space.".into());
                    return None;
                };
                (copy.article, next.article)
            }
        };
        Some(Action::CompareArticles {
            left: ArticleIdx(left),
            right: ArticleIdx(right),
        })
    }

    /// Applies a key's action; returns a follow-up for the app (open a comparison).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.notice = None;
        match self.list.update(action, numbered(&SORTABLE[..])) {
            Change::Refresh => self.resort(),
            Change::Moved => {}
            Change::None => match action {
                Action::ToggleMark => self.toggle_mark(),
                Action::Compare => return self.compare(),
                _ => {}
            },
        }
        None
    }

    /// A click selects a row, a click on the selected row compares it, a click on a heading
    /// sorts by its column.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        self.notice = None;
        let (_, header, rows) = StoryState::layout(self.area);
        let spans = self.spans(header.width);
        match self.list.click(position, header, rows, &spans) {
            Clicked::Open(_) => return self.compare(),
            Clicked::Sorted => self.resort(),
            Clicked::Selected | Clicked::Nothing => {}
        }
        None
    }

    /// "copy 3 of 9 · 2 marked ".
    pub fn status(&self) -> String {
        if let Some(notice) = &self.notice {
            return format!("{notice} ");
        }
        let (at, len) = self.list.position();
        let mut status = format!("copy {} of {len}", at + 1);
        if !self.marked.is_empty() {
            status.push_str(&format!(" · {} marked", self.marked.len()));
        }
        status.push(' ');
        status
    }

    fn render_summary(&self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        buf.set_style(area, self.theme.text());
        let entry = &self.detail.entry;
        let dates = match (entry.first, entry.last) {
            (Some(f), Some(l)) if f == l => format!("{}", f.format("%Y-%m-%d")),
            (Some(f), Some(l)) => format!("{} to {}", f.format("%Y-%m-%d"), l.format("%Y-%m-%d")),
            _ => "no dates".to_string(),
        };
        let families = match entry.families.len() {
            0 => "no copies".to_string(),
            1 => "1 copy family".to_string(),
            n => format!("{n} copy families"),
        };
        let articles = entry.articles.len();
        let long = format!(
            "Story {} · {articles} articles · {} outlets · {dates} · {families}",
            entry.number, entry.outlets
        );
        let short = format!("Story {} · {articles} articles · {dates}", entry.number);
        let inner = usize::from(area.width.saturating_sub(2));
        let line = fit_line(
            vec![
                Line::styled(long, self.theme.header()),
                Line::styled(short, self.theme.header()),
            ],
            inner,
        );
        line.render(
            Rect {
                x: area.x + 1,
                width: area.width.saturating_sub(2),
                height: 1,
                ..area
            },
            buf,
        );
        if area.height >= 2 {
            let lead = Line::from(vec![
                Span::styled("Lead: ", self.theme.dim()),
                Span::raw(entry.lead.as_str()),
            ]);
            fit_line(vec![lead], inner).render(
                Rect {
                    x: area.x + 1,
                    y: area.y + 1,
                    width: area.width.saturating_sub(2),
                    height: 1,
                },
                buf,
            );
        }
    }

    fn spans(&self, width: u16) -> Vec<(Column, u16, u16)> {
        column_spans(width, self.widths, self.list.sort().column)
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let entry = &self.detail.entry;
        let spans = self.spans(area.width);
        self.list
            .render_header(area, buf, &spans, &self.theme, |column, w| {
                match (column, entry.first, entry.last) {
                    (Column::When, Some(f), Some(l)) => {
                        Some(timeline_heading(f, l, usize::from(w)))
                    }
                    _ => None,
                }
            });
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        let spans = self.spans(area.width);
        let entry = &self.detail.entry;
        let dim = self.theme.dim();
        fn or_dash(text: &Option<String>, dim: Style) -> (Cow<'_, str>, Style) {
            match text {
                Some(t) => (t.as_str().into(), Style::new()),
                None => ("—".into(), dim),
            }
        }
        self.list
            .render_rows(area, buf, &spans, &self.theme, "", |r, column, w| {
                let row = &self.rows[r];
                match column {
                    Column::Mark => {
                        if self.marked.contains(&row.article) {
                            ("●".into(), self.theme.accent())
                        } else {
                            ("".into(), Style::new())
                        }
                    }
                    Column::Date => or_dash(&row.date, dim),
                    Column::Outlet => (row.outlet.as_str().into(), Style::new()),
                    Column::Wire => or_dash(&row.wire, dim),
                    Column::Family => (row.family.as_str().into(), Style::new()),
                    Column::Keeps => or_dash(&row.keeps, dim),
                    Column::Added => or_dash(&row.added, dim),
                    Column::Dropped => or_dash(&row.dropped, dim),
                    Column::When => match (row.when, entry.first, entry.last) {
                        (Some(d), Some(f), Some(l)) => (
                            timeline_strip(d, f, l, usize::from(w)).into(),
                            self.theme.accent(),
                        ),
                        _ => ("undated".into(), dim),
                    },
                    Column::Title => (row.title.as_str().into(), Style::new()),
                }
            });
    }
}

screen_state!(StoryState, Story, "Story", wheel = Row);

impl Widget for &StoryState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (summary, header, rows) = StoryState::layout(area);
        self.render_summary(summary, buf);
        self.render_header(header, buf);
        self.render_rows(rows, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDTHS: Widths = Widths {
        date: 5,
        outlet: 18,
        wire: 20,
    };

    #[test]
    fn columns_fit_and_keep_the_essentials_at_sixty_columns() {
        for w in [0u16, 1, 2, 5, 10, 30, 60, 80, 120, 300] {
            let spans = column_spans(w, WIDTHS, Column::Date);
            for &(_, x, cw) in &spans {
                assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                assert!(cw > 0);
            }
        }
        let has = |w, c| {
            column_spans(w, WIDTHS, Column::Date)
                .iter()
                .any(|s| s.0 == c)
        };
        for c in [
            Column::Date,
            Column::Outlet,
            Column::Keeps,
            Column::Family,
            Column::When,
        ] {
            assert!(has(60, c), "{c:?} at 60");
        }
        for c in [Column::Wire, Column::Added, Column::Dropped, Column::Title] {
            assert!(has(120, c), "{c:?} at 120");
        }
    }
}
