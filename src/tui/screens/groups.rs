//! The shared passages: the groups of passages found in two or more articles, most
//! outlets first unless sorted otherwise.
//!
//! One row per group: how many outlets and articles carry it, the earliest date among them,
//! how surely its members say one thing, which outlets, and the group's core passage. The
//! list sorts by any of the first four columns with the library's keys, and its heading
//! marks the column it is sorted by ([`GroupSort`]). Rows are built once; `Enter` opens the
//! group's collation.

use std::borrow::Cow;

use ratatui::style::Style;

use crate::align::{SharedPassage, Span};
use crate::corpus::Article;
use crate::display::label::{outlet_or_id, short_date, short_ids, voice};
use crate::display::order::{sort_groups, GroupColumn, GroupKey, GroupSort};
use crate::display::text::sanitize;
use crate::tui::action::Action;
use crate::tui::screens::list::{place, Heading, ListScreen, ListState};
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
pub enum Column {
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
        };
        state.refilter();
        state
    }

    /// The selected group (an index into the alignment's groups), if there is any.
    #[cfg(test)]
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

    /// The right end of the status line: "3/9 ", after the filter when there is one
    /// ("/sputnik▏ · 3 of 12 ").
    pub fn status(&self) -> String {
        self.list_status()
    }
}

impl ListScreen for GroupsState {
    type Column = Column;

    fn columns(&self, width: u16) -> Vec<(Column, u16, u16)> {
        column_spans(width, self.list.sort().column)
    }

    /// The outlets, ids and every member's wording.
    fn haystack(&self, row: usize) -> &str {
        &self.rows[row].haystack
    }

    fn sort_view(&self, view: &mut [usize], sort: GroupSort) {
        sort_groups(&self.keys, view, sort);
    }

    fn total(&self) -> usize {
        self.rows.len()
    }

    fn open_key(&self) -> Action {
        Action::OpenGroup
    }

    fn open(&self, group: usize) -> Option<Action> {
        Some(Action::ShowGroup { group })
    }

    /// The four first columns, as in the library.
    fn sort_key(&self, action: Action) -> Option<GroupColumn> {
        match action {
            Action::SortByOutlet => Some(GroupColumn::Outlets),
            Action::SortByDate => Some(GroupColumn::Date),
            Action::SortByArticles => Some(GroupColumn::Articles),
            Action::SortByScore => Some(GroupColumn::Score),
            _ => None,
        }
    }

    fn cell(&self, g: usize, column: Column, _: u16) -> (Cow<'_, str>, Style) {
        let (row, key) = (&self.rows[g], &self.keys[g]);
        match column {
            Column::Sort(GroupColumn::Outlets) => (key.outlets.to_string().into(), Style::new()),
            Column::Sort(GroupColumn::Articles) => (key.articles.to_string().into(), Style::new()),
            Column::Sort(GroupColumn::Score) => {
                (format!("{:.2}", key.score).into(), self.theme.dim())
            }
            Column::Sort(GroupColumn::Date) => match &key.date {
                Some(d) => (d.as_str().into(), Style::new()),
                None => ("—".into(), self.theme.dim()),
            },
            Column::Names => (row.names.as_str().into(), self.theme.dim()),
            Column::Passage => (row.label.as_str().into(), Style::new()),
        }
    }

    fn empty(&self) -> String {
        if self.rows.is_empty() {
            "No passage is shared by two articles.".to_string()
        } else {
            format!(
                "No shared passage matches “{}”.",
                sanitize(self.list.filter())
            )
        }
    }
}

list_screen_state!(GroupsState, Groups, "Shared passages", key = GroupColumn);

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
