//! The shared passages: the groups of passages found in two or more articles, most
//! outlets first unless sorted otherwise.
//!
//! One row per group: how many outlets and articles carry it, the earliest date among them,
//! how surely its members say one thing, which outlets, and the group's core passage. The
//! list sorts by any of the first four columns with the library's keys, and its heading
//! marks the column it is sorted by ([`GroupSort`]). Rows are built once; `Enter` opens the
//! group's collation.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::align::{SharedPassage, Span};
use crate::corpus::Article;
use crate::display::label::{outlet_or_id, short_date, short_ids, voice};
use crate::display::order::{sort_groups, GroupColumn, GroupKey, GroupSort};
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

/// A column of the list, in display order: the four it can be sorted by (keys 1 to 4, as
/// the library's first columns), then the outlets' names and the passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Sort(GroupColumn),
    Names,
    Passage,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Sort(column) => column.name(),
            Column::Names => "Carried by",
            Column::Passage => "Passage",
        }
    }

    fn is_numeric(self) -> bool {
        matches!(
            self,
            Column::Sort(GroupColumn::Outlets | GroupColumn::Articles | GroupColumn::Score)
        )
    }
}

/// The x offset and width of each column shown at `width` cells, sorted by `sorted`. The
/// passage takes what the others leave; on narrow screens the outlets' names go first, then
/// the score, then the date, but never the column the list is sorted by, so that the list
/// always shows its order.
fn column_spans(width: u16, sorted: GroupColumn) -> Vec<(Column, u16, u16)> {
    let width = usize::from(width);
    // One cell of margin on each side, one between columns.
    let inner = width.saturating_sub(2);
    let keep = |column: GroupColumn, from: usize| sorted == column || inner >= from;
    // Room for the heading and its arrow: "Outlets ▼", "Earliest ▲".
    let outlets = 9;
    let date = if keep(GroupColumn::Date, 44) { 10 } else { 0 };
    let articles = 10;
    let score = if keep(GroupColumn::Score, 70) { 7 } else { 0 };
    let names = if inner >= 90 {
        (inner / 5).clamp(12, 40)
    } else {
        0
    };
    let mut spans = Vec::new();
    let mut x = 1;
    for (column, w) in [
        (Column::Sort(GroupColumn::Outlets), outlets),
        (Column::Sort(GroupColumn::Date), date),
        (Column::Sort(GroupColumn::Articles), articles),
        (Column::Sort(GroupColumn::Score), score),
        (Column::Names, names),
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
    /// The outlets (else ids) of its articles, each once, comma-separated.
    names: String,
    /// The group's core passage on one line.
    label: String,
    /// Lower-cased outlets, ids and every member's wording, for the filter.
    haystack: String,
}

impl Row {
    /// The row of `group` and what it sorts by. `ids` are the articles' short ids, shown for
    /// articles without an outlet.
    fn new(context: &Context, group: &SharedPassage, ids: &[String]) -> (Row, GroupKey) {
        let indices = articles_of(group);
        let articles: Vec<(usize, &Article)> = indices
            .iter()
            .filter_map(|&i| context.corpus.articles.get(i).map(|a| (i, a)))
            .collect();
        // One name per voice (see `label::voice`), as the outlets are counted.
        let mut voices: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for &(i, a) in &articles {
            let v = voice(a);
            if voices.contains(&v) {
                continue;
            }
            voices.push(v);
            names.push(match a.meta.outlet.as_deref().map(str::trim) {
                Some(outlet) if !outlet.is_empty() => sanitize(outlet).into_owned(),
                _ => ids.get(i).cloned().unwrap_or_else(|| outlet_or_id(a)),
            });
        }
        let names = names.join(", ");
        let date = articles.iter().filter_map(|(_, a)| short_date(a)).min();
        let label = context
            .corpus
            .articles
            .get(group.label.article)
            .map(|a| one_line(a, &group.label))
            .unwrap_or_default();
        let mut haystack = names.to_lowercase();
        for member in &group.members {
            if let Some(article) = context.corpus.articles.get(member.article) {
                haystack.push('\n');
                haystack.push_str(&article.id.to_lowercase());
                haystack.push('\n');
                haystack.push_str(&one_line(article, member).to_lowercase());
            }
        }
        let key = GroupKey {
            outlets: voices.len(),
            articles: articles.len(),
            date,
            score: group.score,
        };
        (
            Row {
                haystack,
                names,
                label,
            },
            key,
        )
    }
}

/// The shared-passages screen's state.
#[derive(Debug, Clone)]
pub struct GroupsState {
    rows: Vec<Row>,
    /// What each row sorts by.
    keys: Vec<GroupKey>,
    /// The groups shown (indices into `rows`), in order: those the filter keeps, sorted.
    view: Vec<usize>,
    sort: GroupSort,
    filter: String,
    is_editing_filter: bool,
    /// Index into `view` of the selected row (0 when there are none).
    selected: usize,
    /// Index of the first row on screen.
    offset: usize,
    theme: Theme,
    area: Rect,
}

impl GroupsState {
    pub fn new(context: &Context, theme: Theme) -> GroupsState {
        let ids = short_ids(&context.corpus.articles);
        let (rows, keys): (Vec<Row>, Vec<GroupKey>) = context
            .alignment
            .groups
            .iter()
            .map(|g| Row::new(context, g, &ids))
            .unzip();
        let mut state = GroupsState {
            view: Vec::new(),
            sort: GroupSort::default(),
            filter: String::new(),
            is_editing_filter: false,
            rows,
            keys,
            selected: 0,
            offset: 0,
            theme,
            area: Rect::default(),
        };
        state.refilter();
        state
    }

    /// The order of the list.
    pub fn sort(&self) -> GroupSort {
        self.sort
    }

    /// Sorts the list anew, the selection following its group.
    fn set_sort(&mut self, sort: GroupSort) {
        self.sort = sort;
        self.refilter();
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
        self.view.get(self.selected).copied()
    }

    /// Selects a group, as when the group screen moved on to it (if the filter shows it).
    pub fn select(&mut self, group: usize) {
        if let Some(at) = self.view.iter().position(|&g| g == group) {
            self.select_row(at);
        }
    }

    /// The group after (or before) `group` in the list as it is sorted and filtered: `None`
    /// if the list does not show `group`, `Some(None)` at the end of the list.
    pub fn step_from(&self, group: usize, forward: bool) -> Option<Option<usize>> {
        let at = self.view.iter().position(|&g| g == group)?;
        let next = if forward {
            at.checked_add(1)
        } else {
            at.checked_sub(1)
        };
        Some(next.and_then(|i| self.view.get(i).copied()))
    }

    /// Selects a row of the list.
    fn select_row(&mut self, row: usize) {
        self.selected = row.min(self.view.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    fn move_by(&mut self, delta: isize) {
        self.select_row(self.selected.saturating_add_signed(delta));
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.is_editing_filter
    }

    /// Keeps the passages whose outlets, ids or wordings hold every word of the filter
    /// (case aside), in the list's order, the selection following its group when it stays.
    fn refilter(&mut self) {
        let previous = self.selected();
        let terms: Vec<String> = self
            .filter
            .to_lowercase()
            .split_whitespace()
            .map(String::from)
            .collect();
        self.view = (0..self.rows.len())
            .filter(|&i| {
                terms
                    .iter()
                    .all(|t| self.rows[i].haystack.contains(t.as_str()))
            })
            .collect();
        sort_groups(&self.keys, &mut self.view, self.sort);
        self.selected = previous
            .and_then(|p| self.view.iter().position(|&g| g == p))
            .unwrap_or(0);
        self.offset = 0;
        self.scroll_to_selection();
    }

    /// Keeps `offset` such that the selected row is on screen.
    fn scroll_to_selection(&mut self) {
        let height = self.page_height();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.view.len().saturating_sub(height));
    }

    /// Applies a key's action; returns a follow-up for the app (open a group).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let page = self.page_height() as isize;
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveToTop => self.select_row(0),
            Action::MoveToBottom => self.select_row(usize::MAX),
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
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::OpenGroup => return self.selected().map(|group| Action::ShowGroup { group }),
            Action::CycleSort => self.set_sort(self.sort.cycled()),
            Action::ReverseSort => self.set_sort(self.sort.reversed()),
            Action::SortByOutlet => self.set_sort(self.sort.toggled(GroupColumn::Outlets)),
            Action::SortByDate => self.set_sort(self.sort.toggled(GroupColumn::Date)),
            Action::SortByArticles => self.set_sort(self.sort.toggled(GroupColumn::Articles)),
            Action::SortByScore => self.set_sort(self.sort.toggled(GroupColumn::Score)),
            _ => {}
        }
        None
    }

    /// What a click at `position` asks for: a click selects a row, a click on the selected
    /// row opens it, a click on a heading sorts by its column (again: reverses).
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = GroupsState::layout(self.area);
        if header.contains(position) {
            let x = position.x - header.x;
            let column = column_spans(header.width, self.sort.column)
                .into_iter()
                .find(|&(_, start, w)| x >= start && x < start + w)
                .map(|(column, _, _)| column);
            if let Some(Column::Sort(column)) = column {
                self.set_sort(self.sort.toggled(column));
            }
            return None;
        }
        if !rows.contains(position) {
            return None;
        }
        let index = self.offset + usize::from(position.y - rows.y);
        let group = *self.view.get(index)?;
        if index == self.selected {
            return Some(Action::ShowGroup { group });
        }
        self.select_row(index);
        None
    }

    /// The right end of the status line: "3/9 ", after the filter when there is one
    /// ("/sputnik▏ · 3 of 12 ").
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
        for (column, x, w) in column_spans(area.width, self.sort.column) {
            let mut label = column.name().to_string();
            let mut style = self.theme.header();
            if column == Column::Sort(self.sort.column) {
                label.push(' ');
                label.push(self.sort.arrow());
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
                "No passage is shared by two articles.".to_string()
            } else {
                format!("No shared passage matches “{}”.", sanitize(&self.filter))
            };
            render_empty(area, buf, &message, self.theme.dim());
            return;
        }
        let spans = column_spans(area.width, self.sort.column);
        let visible = self
            .view
            .iter()
            .map(|&g| (&self.rows[g], &self.keys[g]))
            .enumerate()
            .skip(self.offset)
            .take(usize::from(area.height));
        for (y, (index, (row, key))) in (area.y..).zip(visible) {
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
                    Column::Sort(GroupColumn::Outlets) => {
                        (key.outlets.to_string().into(), Style::new())
                    }
                    Column::Sort(GroupColumn::Articles) => {
                        (key.articles.to_string().into(), Style::new())
                    }
                    Column::Sort(GroupColumn::Score) => {
                        (format!("{:.2}", key.score).into(), self.theme.dim())
                    }
                    Column::Sort(GroupColumn::Date) => match &key.date {
                        Some(d) => (d.into(), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Names => ((&row.names).into(), self.theme.dim()),
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

screen_state!(
    GroupsState,
    Groups,
    "Shared passages",
    wheel = Row,
    typing = is_editing_filter
);

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
    fn columns_fit_the_width_and_always_show_the_sort_column() {
        for w in [0u16, 1, 2, 5, 10, 26, 30, 42, 46, 61, 62, 80, 92, 120, 300] {
            for sorted in GroupColumn::ALL {
                let spans = column_spans(w, sorted);
                for &(_, x, cw) in &spans {
                    assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                    assert!(cw > 0);
                }
                let has = |c| spans.iter().any(|s| s.0 == c);
                if w >= 40 {
                    assert!(has(Column::Sort(sorted)), "{sorted:?} at width {w}");
                    assert!(has(Column::Passage), "width {w}");
                }
                assert_eq!(has(Column::Names), w >= 92, "width {w}");
                if has(Column::Names) {
                    assert!(GroupColumn::ALL.into_iter().all(|c| has(Column::Sort(c))));
                }
            }
        }
    }
}
