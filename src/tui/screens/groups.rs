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
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::align::{SharedPassage, Span};
use crate::corpus::Article;
use crate::display::label::{outlet_or_id, short_date, short_ids, voice};
use crate::display::order::{sort_groups, GroupColumn, GroupKey, GroupSort};
use crate::display::text::sanitize;
use crate::tui::action::Action;
use crate::tui::screens::list::{
    filter_terms, matches_all, place, split_header, Change, Clicked, Heading, ListState,
};
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

impl Heading for Column {
    type Key = GroupColumn;

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

    fn key(self) -> Option<GroupColumn> {
        match self {
            Column::Sort(column) => Some(column),
            Column::Names | Column::Passage => None,
        }
    }
}

/// The column a number key sorts by: the four first columns, as in the library.
fn sort_key(action: Action) -> Option<GroupColumn> {
    match action {
        Action::SortByOutlet => Some(GroupColumn::Outlets),
        Action::SortByDate => Some(GroupColumn::Date),
        Action::SortByArticles => Some(GroupColumn::Articles),
        Action::SortByScore => Some(GroupColumn::Score),
        _ => None,
    }
}

/// The x offset and width of each column shown at `width` cells, sorted by `sorted`. The
/// passage takes what the others leave; on narrow screens the outlets' names go first, then
/// the score, then the date, but never the column the list is sorted by, so that the list
/// always shows its order.
fn column_spans(width: u16, sorted: GroupColumn) -> Vec<(Column, u16, u16)> {
    // One cell of margin on each side, one between columns.
    let inner = usize::from(width).saturating_sub(2);
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
    place(
        &[
            (Column::Sort(GroupColumn::Outlets), outlets),
            (Column::Sort(GroupColumn::Date), date),
            (Column::Sort(GroupColumn::Articles), articles),
            (Column::Sort(GroupColumn::Score), score),
            (Column::Names, names),
            (Column::Passage, usize::MAX),
        ],
        width,
        1,
    )
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
    /// The rows are the alignment's groups in listing order: a row's index is its group's.
    list: ListState<GroupColumn>,
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
            rows,
            keys,
            list: ListState::new(GroupSort::default()),
            theme,
            area: Rect::default(),
        };
        state.refilter();
        state
    }

    /// The order of the list.
    pub fn sort(&self) -> GroupSort {
        self.list.sort()
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.list.set_height(split_header(area).1.height);
    }

    /// The selected group (an index into the alignment's groups), if there is any.
    pub fn selected(&self) -> Option<usize> {
        self.list.selected_row()
    }

    /// Selects a group, as when the group screen moved on to it (if the filter shows it).
    pub fn select(&mut self, group: usize) {
        self.list.select(group);
    }

    /// The group after (or before) `group` in the list as it is sorted and filtered: `None`
    /// if the list does not show `group`, `Some(None)` at the end of the list.
    pub fn step_from(&self, group: usize, forward: bool) -> Option<Option<usize>> {
        self.list.step_from(group, forward)
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.list.is_editing_filter()
    }

    /// Keeps the passages whose outlets, ids or wordings hold every word of the filter
    /// (case aside), in the list's order, the selection following its group when it stays.
    fn refilter(&mut self) {
        let terms = filter_terms(self.list.filter());
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches_all(&self.rows[i].haystack, &terms))
            .collect();
        sort_groups(&self.keys, &mut view, self.list.sort());
        self.list.set_view(view);
    }

    /// Applies a key's action; returns a follow-up for the app (open a group).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        match self.list.update(action, sort_key) {
            Change::Refresh => self.refilter(),
            Change::Moved => {}
            Change::None if action == Action::OpenGroup => {
                return self.selected().map(|group| Action::ShowGroup { group })
            }
            Change::None => {}
        }
        None
    }

    /// What a click at `position` asks for: a click selects a row, a click on the selected
    /// row opens it, a click on a heading sorts by its column (again: reverses).
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = split_header(self.area);
        let spans = column_spans(header.width, self.list.sort().column);
        match self.list.click(position, header, rows, &spans) {
            Clicked::Open(group) => return Some(Action::ShowGroup { group }),
            Clicked::Sorted => self.refilter(),
            Clicked::Selected | Clicked::Nothing => {}
        }
        None
    }

    /// The right end of the status line: "3/9 ", after the filter when there is one
    /// ("/sputnik▏ · 3 of 12 ").
    pub fn status(&self) -> String {
        self.list.status(self.rows.len())
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        let empty = if self.rows.is_empty() {
            "No passage is shared by two articles.".to_string()
        } else {
            format!(
                "No shared passage matches “{}”.",
                sanitize(self.list.filter())
            )
        };
        let spans = column_spans(area.width, self.list.sort().column);
        self.list
            .render_rows(area, buf, &spans, &self.theme, &empty, |g, column, _| {
                let (row, key) = (&self.rows[g], &self.keys[g]);
                match column {
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
                        Some(d) => (Cow::from(d.as_str()), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Names => (row.names.as_str().into(), self.theme.dim()),
                    Column::Passage => (row.label.as_str().into(), Style::new()),
                }
            });
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
