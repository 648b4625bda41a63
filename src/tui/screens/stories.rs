//! The stories: articles about one event, with the copy families among them
//! ([`crate::display::story`]), most articles first.
//!
//! One row per story: its number, how many articles and outlets ran it, its first and last
//! date and its lead (the earliest article's opening sentence). The heading marks the
//! column the list is sorted by; `s` sorts by the next one, `S` reverses, a click on a
//! heading sorts by it. `/` filters, `Enter` opens the story's copies in time order.

use std::borrow::Cow;

use ratatui::style::Style;

use crate::display::label;
use crate::display::order::{Sort, SortKey};
use crate::display::story::StoryEntry;
use crate::display::text::sanitize;
use crate::tui::action::Action;
use crate::tui::screens::list::{place, Heading, ListScreen, ListState};
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
    /// `s` goes on from the default (articles) to outlets, first, last and number.
    const ALL: &'static [Column] = &[
        Column::Number,
        Column::Articles,
        Column::Outlets,
        Column::First,
        Column::Last,
    ];

    /// Most first for counts, earliest first for dates and numbers.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Articles | Column::Outlets)
    }
}

/// The x offset and width of each column shown at `width` cells, sorted by `sorted`. The
/// lead takes what the others leave; on narrow screens the last date goes first, then the
/// first date, then the outlets, but never the column the list is sorted by, so that the
/// list always shows its order.
fn column_spans(width: u16, sorted: Column) -> Vec<(Column, u16, u16)> {
    let inner = usize::from(width).saturating_sub(2);
    // A date sorted by on a narrow screen takes the room of the columns before it.
    let is_date_sorted = matches!(sorted, Column::First | Column::Last);
    let last = if sorted == Column::Last || inner >= 70 {
        10
    } else {
        0
    };
    let first =
        if sorted == Column::First || (inner >= 44 && !(sorted == Column::Last && inner < 47)) {
            10
        } else {
            0
        };
    let outlets = if sorted == Column::Outlets || (inner >= 30 && !(is_date_sorted && inner < 36)) {
        9
    } else {
        0
    };
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
        };
        state.refilter();
        state
    }

    /// "3/9 ", after the filter when there is one ("/spotify▏ · 3 of 12 ").
    pub fn status(&self) -> String {
        self.list_status()
    }
}

impl ListScreen for StoriesState {
    type Column = Column;

    fn columns(&self, width: u16) -> Vec<(Column, u16, u16)> {
        column_spans(width, self.list.sort().column)
    }

    fn haystack(&self, row: usize) -> &str {
        &self.rows[row].haystack
    }

    /// A story without dates sorts after the dated ones either way; ties keep the numbers'
    /// order (the rows are in number order).
    fn sort_view(&self, view: &mut [usize], sort: Sort<Column>) {
        let entry = |i: usize| &self.rows[i].entry;
        sort.sort_view(
            view,
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
    }

    fn total(&self) -> usize {
        self.rows.len()
    }

    fn open_key(&self) -> Action {
        Action::OpenStory
    }

    fn open(&self, row: usize) -> Option<Action> {
        Some(Action::ShowStory {
            story: self.rows[row].entry.number,
        })
    }

    fn cell(&self, row: usize, column: Column, _: u16) -> (Cow<'_, str>, Style) {
        let entry = &self.rows[row].entry;
        let date = |d: Option<chrono::NaiveDate>| -> (Cow<str>, Style) {
            match d {
                Some(d) => (d.format("%Y-%m-%d").to_string().into(), Style::new()),
                None => ("—".into(), self.theme.dim()),
            }
        };
        match column {
            Column::Number => (entry.number.to_string().into(), self.theme.dim()),
            Column::Articles => (entry.articles.len().to_string().into(), Style::new()),
            Column::Outlets => (entry.outlets.to_string().into(), Style::new()),
            Column::First => date(entry.first),
            Column::Last => date(entry.last),
            Column::Lead => (entry.lead.as_str().into(), Style::new()),
        }
    }

    fn empty(&self) -> String {
        if self.rows.is_empty() {
            "No story: no two articles are about one event.".to_string()
        } else {
            format!("No story matches “{}”.", sanitize(self.list.filter()))
        }
    }
}

list_screen_state!(StoriesState, Stories, "Stories", key = Column);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_drop_the_dates_first_and_keep_the_sort_column() {
        for w in [0u16, 1, 2, 5, 10, 26, 32, 46, 60, 72, 80, 120, 300] {
            let spans = column_spans(w, Column::Articles);
            for &(_, x, cw) in &spans {
                assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                assert!(cw > 0);
            }
            let has = |c| spans.iter().any(|s| s.0 == c);
            assert_eq!(has(Column::Last), w >= 72, "width {w}");
            assert_eq!(has(Column::First), w >= 46, "width {w}");
            // The column sorted by stays, with room for its arrow.
            for sorted in [
                Column::Number,
                Column::Articles,
                Column::Outlets,
                Column::First,
                Column::Last,
            ] {
                let spans = column_spans(w, sorted);
                for &(_, x, cw) in &spans {
                    assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                }
                if w >= 30 {
                    let room = spans.iter().find(|s| s.0 == sorted).map(|s| s.2);
                    assert!(
                        room.is_some_and(|r| usize::from(r) >= sorted.name().len() + 2),
                        "{sorted:?} at width {w}: {spans:?}"
                    );
                }
            }
        }
    }
}
