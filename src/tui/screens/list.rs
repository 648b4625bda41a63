//! The list component the list screens share (library, stories, one story, shared passages,
//! quotes): a table with a heading row, sorted by one of its columns with the same keys on
//! every list (`s` the next column, `S` the other direction, a number key or a click on a
//! heading that column, again: reversed), the sort column marked in its heading (`Outlets ▼`),
//! a `/` filter typed in place, a selection that follows its row through sorting and
//! filtering, scrolling that keeps it on screen, and the mouse (a click selects, a click on
//! the selected row opens it).
//!
//! A screen keeps its rows and says how to sort and filter them; [`ListState`] keeps the
//! order shown (`view`: indices of the screen's rows), the selection, the scroll, the sort
//! and the filter, and draws the heading and the rows' cells the screen gives it.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};

use crate::display::order::{Sort, SortKey};
use crate::display::text::{sanitize, truncate, width};
use crate::tui::action::Action;
use crate::tui::screens::render_empty;
use crate::tui::theme::Theme;

/// A column of a list's table.
pub trait Heading: Copy + Eq {
    /// What the list can be sorted by.
    type Key: SortKey;
    /// Its heading.
    fn name(self) -> &'static str;
    /// Right-aligned (counts and shares).
    fn is_numeric(self) -> bool;
    /// The sort this column shows, if the list can be sorted by it.
    fn key(self) -> Option<Self::Key>;
}

/// The x offset and width of each column, laid out from the left in the order given: one
/// cell of margin on the left, `right_margin` on the right, one between columns. A width
/// of 0 leaves the column out; the last ones are cut to what is left.
pub fn place<C: Copy>(columns: &[(C, usize)], width: u16, right_margin: u16) -> Vec<(C, u16, u16)> {
    let end = usize::from(width.saturating_sub(right_margin));
    let mut spans = Vec::new();
    let mut x = 1;
    for &(column, w) in columns {
        if w == 0 || x >= end {
            continue;
        }
        let w = w.min(end - x);
        spans.push((column, x as u16, w as u16));
        x += w + 1;
    }
    spans
}

/// The sort keys a list's number keys ask for: `SortByColumn1` the first of `columns` (its
/// sortable columns from the left), and so on.
pub fn numbered<K: Copy>(columns: &[K]) -> impl Fn(Action) -> Option<K> + '_ {
    |action| {
        action
            .sort_column_number()
            .and_then(|n| columns.get(n).copied())
    }
}

/// The filter's words, lower-cased.
fn filter_terms(filter: &str) -> Vec<String> {
    filter
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// Returns true if `haystack` (lower-cased) holds every one of `terms`.
fn matches_all(haystack: &str, terms: &[String]) -> bool {
    terms.iter().all(|t| haystack.contains(t.as_str()))
}

/// The heading row and the rows' area: with a single row, a row is worth more than the
/// headings.
pub fn split_header(area: Rect) -> (Rect, Rect) {
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

/// A row on screen.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Its line of the screen.
    pub area: Rect,
    /// The row (an index into the screen's rows).
    pub row: usize,
    /// The line's style: the selection's or the text's.
    pub base: Style,
    pub is_selected: bool,
}

impl Line {
    /// A cell's style on this line: the selection's colours win over the cell's (dim
    /// columns, missing values).
    pub fn style(&self, cell: Style) -> Style {
        if self.is_selected {
            self.base
        } else {
            self.base.patch(cell)
        }
    }
}

/// What a key did to a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Not a list key: the screen's own.
    None,
    /// The selection or the filter prompt moved; the rows stay.
    Moved,
    /// The sort or the filter changed: the screen builds the view again
    /// ([`ListState::set_view`]).
    Refresh,
}

/// What a mouse click on a list landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit<C> {
    /// A row, by its place in the list.
    Row(usize),
    Heading(C),
}

/// What a click did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clicked {
    Nothing,
    /// Selected a row.
    Selected,
    /// Clicked the selected row: the screen opens this row (an index into its rows).
    Open(usize),
    /// Sorted by the heading clicked: the screen builds the view again.
    Sorted,
}

/// The state of a list: the rows shown and their order, the selection, the scroll, the sort
/// and the filter.
#[derive(Debug, Clone)]
pub struct ListState<K> {
    /// The screen's rows shown (indices into them), in order.
    view: Vec<usize>,
    /// Index into `view` of the selected row (0 when there is none).
    selected: usize,
    /// Index into `view` of the first row on screen.
    offset: usize,
    /// Rows on screen (at least 1, so that paging always moves).
    height: usize,
    sort: Sort<K>,
    filter: String,
    is_editing_filter: bool,
    /// Where a screen that is one list ([`ListScreen`]) last laid it out: heading and rows.
    area: Rect,
}

impl<K: SortKey> ListState<K> {
    pub fn new(sort: Sort<K>) -> ListState<K> {
        ListState {
            view: Vec::new(),
            selected: 0,
            offset: 0,
            height: 1,
            sort,
            filter: String::new(),
            is_editing_filter: false,
            area: Rect::default(),
        }
    }

    /// Takes a new order of rows (indices into the screen's rows), the selection following
    /// its row when the new view holds it, else the first row.
    pub fn set_view(&mut self, view: Vec<usize>) {
        let previous = self.selected_row();
        self.view = view;
        self.selected = previous
            .and_then(|p| self.view.iter().position(|&i| i == p))
            .unwrap_or(0);
        self.scroll_to_selection();
    }

    /// The rows shown, in order.
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    /// The selected row (an index into the screen's rows), if any is shown.
    pub fn selected_row(&self) -> Option<usize> {
        self.view.get(self.selected).copied()
    }

    /// The selected row's place in the list (0-based) and the list's length.
    pub fn position(&self) -> (usize, usize) {
        (self.selected, self.view.len())
    }

    /// Index into the view of the first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects this row (an index into the screen's rows) if the list shows it.
    pub fn select(&mut self, row: usize) {
        if let Some(at) = self.view.iter().position(|&r| r == row) {
            self.select_at(at);
        }
    }

    /// The row after (or before) `row` in the list as it is sorted and filtered: `None` if
    /// the list does not show `row`, `Some(None)` at the end of the list.
    pub fn step_from(&self, row: usize, forward: bool) -> Option<Option<usize>> {
        let at = self.view.iter().position(|&r| r == row)?;
        let next = if forward {
            at.checked_add(1)
        } else {
            at.checked_sub(1)
        };
        Some(next.and_then(|i| self.view.get(i).copied()))
    }

    /// Selects the row at this place in the list (the last one if past the end).
    pub fn select_at(&mut self, at: usize) {
        self.selected = at.min(self.view.len().saturating_sub(1));
        self.scroll_to_selection();
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        self.select_at(self.selected.saturating_add_signed(delta));
    }

    /// Takes the number of rows on screen.
    pub fn set_height(&mut self, height: u16) {
        self.height = usize::from(height).max(1);
        self.scroll_to_selection();
    }

    pub fn page(&self) -> isize {
        self.height as isize
    }

    pub fn half_page(&self) -> isize {
        (self.height / 2).max(1) as isize
    }

    /// Keeps `offset` such that the selected row is on screen, and the screen full after a
    /// resize or a shrinking filter.
    fn scroll_to_selection(&mut self) {
        let height = self.height;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.view.len().saturating_sub(height));
    }

    pub fn sort(&self) -> Sort<K> {
        self.sort
    }

    /// Sorts by `sort` from now on; the screen builds the view again.
    pub fn set_sort(&mut self, sort: Sort<K>) {
        self.sort = sort;
    }

    /// Sorts by `column` (again: the other way); the screen builds the view again.
    pub fn sort_by(&mut self, column: K) {
        self.sort = self.sort.toggled(column);
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Returns true while the filter is typed.
    pub fn is_editing_filter(&self) -> bool {
        self.is_editing_filter
    }

    /// Takes the filter and whether it is being typed (a list set up before).
    pub fn set_filter(&mut self, filter: String, is_editing: bool) {
        self.filter = filter;
        self.is_editing_filter = is_editing;
    }

    /// Types `c` into the filter; returns false (and leaves it) for a control character.
    pub fn push_filter_char(&mut self, c: char) -> bool {
        if c.is_control() {
            return false;
        }
        self.filter.push(c);
        true
    }

    pub fn pop_filter_char(&mut self) {
        self.filter.pop();
    }

    /// Applies a list key: moving, paging, the filter prompt, and the sort (`sort_key` maps
    /// the list's own sort keys, as `1`…`4`, to a column).
    pub fn update(&mut self, action: Action, sort_key: impl Fn(Action) -> Option<K>) -> Change {
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveToTop => self.select_at(0),
            Action::MoveToBottom => self.select_at(usize::MAX),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::HalfPageDown => self.move_by(self.half_page()),
            Action::HalfPageUp => self.move_by(-self.half_page()),
            Action::StartFilter => {
                self.is_editing_filter = true;
                return Change::Refresh;
            }
            Action::InsertChar(c) if self.is_editing_filter && self.push_filter_char(c) => {
                return Change::Refresh;
            }
            Action::DeleteChar if self.is_editing_filter => {
                self.pop_filter_char();
                return Change::Refresh;
            }
            Action::ConfirmFilter => {
                self.is_editing_filter = false;
                return Change::Refresh;
            }
            Action::CancelFilter | Action::ClearFilter => {
                self.is_editing_filter = false;
                self.filter.clear();
                return Change::Refresh;
            }
            Action::CycleSort => {
                self.sort = self.sort.cycled();
                return Change::Refresh;
            }
            Action::ReverseSort => {
                self.sort = self.sort.reversed();
                return Change::Refresh;
            }
            _ => match sort_key(action) {
                Some(column) => {
                    self.sort_by(column);
                    return Change::Refresh;
                }
                None => return Change::None,
            },
        }
        Change::Moved
    }

    /// What a click at `position` lands on: a row of `rows` or a heading of `header`, laid
    /// out as `spans` (relative to `header.x`).
    pub fn hit<C: Copy>(
        &self,
        position: Position,
        header: Rect,
        rows: Rect,
        spans: &[(C, u16, u16)],
    ) -> Option<Hit<C>> {
        if rows.contains(position) {
            let index = self.offset + usize::from(position.y - rows.y);
            return (index < self.view.len()).then_some(Hit::Row(index));
        }
        if header.contains(position) {
            let x = position.x - header.x;
            return spans
                .iter()
                .find(|&&(_, start, w)| x >= start && x < start + w)
                .map(|&(column, _, _)| Hit::Heading(column));
        }
        None
    }

    /// A click selects a row, a click on the selected row opens it, a click on a heading
    /// sorts by its column (again: reverses).
    pub fn click<C: Heading<Key = K>>(
        &mut self,
        position: Position,
        header: Rect,
        rows: Rect,
        spans: &[(C, u16, u16)],
    ) -> Clicked {
        match self.hit(position, header, rows, spans) {
            Some(Hit::Row(index)) if index == self.selected => Clicked::Open(self.view[index]),
            Some(Hit::Row(index)) => {
                self.select_at(index);
                Clicked::Selected
            }
            Some(Hit::Heading(column)) => match column.key() {
                Some(key) => {
                    self.sort_by(key);
                    Clicked::Sorted
                }
                None => Clicked::Nothing,
            },
            None => Clicked::Nothing,
        }
    }

    /// "3/9 ", after the filter when there is one ("/spotify▏ · 3 of 12 · 1/3 "); `total`
    /// is the number of rows before the filter.
    pub fn status(&self, total: usize) -> String {
        let place = match self.view.len() {
            0 => String::new(),
            len => format!("{}/{len} ", self.selected + 1),
        };
        if !self.is_editing_filter && self.filter.is_empty() {
            return place;
        }
        let cursor = if self.is_editing_filter { "▏" } else { "" };
        let mut status = format!(
            "/{}{cursor} · {} of {total} ",
            sanitize(&self.filter),
            self.view.len(),
        );
        if !place.is_empty() {
            status.push_str("· ");
            status.push_str(&place);
        }
        status
    }

    /// The heading row: each column's name (`label` may say another), the sort column's
    /// with its arrow and underlined.
    pub fn render_header<C: Heading<Key = K>>(
        &self,
        area: Rect,
        buf: &mut Buffer,
        spans: &[(C, u16, u16)],
        theme: &Theme,
        label: impl Fn(C, u16) -> Option<String>,
    ) {
        if area.height == 0 {
            return;
        }
        buf.set_style(area, theme.text());
        for &(column, x, w) in spans {
            let mut text = label(column, w).unwrap_or_else(|| column.name().to_string());
            let mut style = theme.header();
            if column.key() == Some(self.sort.column) {
                text.push(' ');
                text.push(self.sort.arrow());
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            let text = truncate(&text, usize::from(w));
            put(buf, area, x, w, &text, style, column.is_numeric());
        }
    }

    /// The rows on screen, each line of `area` styled as selected or not first.
    pub fn visible(&self, area: Rect, buf: &mut Buffer, theme: &Theme) -> Vec<Line> {
        (area.y..)
            .zip(self.view.iter().enumerate().skip(self.offset))
            .take(usize::from(area.height))
            .map(|(y, (index, &row))| {
                let area = Rect {
                    y,
                    height: 1,
                    ..area
                };
                let is_selected = index == self.selected;
                let base = if is_selected {
                    theme.selection()
                } else {
                    theme.text()
                };
                buf.set_style(area, base);
                Line {
                    area,
                    row,
                    base,
                    is_selected,
                }
            })
            .collect()
    }

    /// Returns true if this place in the list is the selected one.
    pub fn is_selected(&self, index: usize) -> bool {
        index == self.selected
    }

    /// The rows: each cell as `cell(row, column, width)` gives it (the selection's colours
    /// win over the cell's), or `empty` centred when no row is shown.
    pub fn render_rows<'r, C: Heading<Key = K>>(
        &self,
        area: Rect,
        buf: &mut Buffer,
        spans: &[(C, u16, u16)],
        theme: &Theme,
        empty: &str,
        cell: impl Fn(usize, C, u16) -> (Cow<'r, str>, Style),
    ) {
        if self.view.is_empty() {
            render_empty(area, buf, empty, theme.dim());
            return;
        }
        for line in self.visible(area, buf, theme) {
            for &(column, x, w) in spans {
                let (text, style) = cell(line.row, column, w);
                let text = truncate(&text, usize::from(w));
                put(
                    buf,
                    line.area,
                    x,
                    w,
                    &text,
                    line.style(style),
                    column.is_numeric(),
                );
            }
        }
    }
}

/// Writes `text` in the column at `x` (relative to `area.x`) and `w` cells of `area`'s
/// first row, right-aligned when `is_numeric`.
pub fn put(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    w: u16,
    text: &str,
    style: Style,
    is_numeric: bool,
) {
    let x = if is_numeric {
        area.x + x + w.saturating_sub(width(text) as u16)
    } else {
        area.x + x
    };
    buf.set_stringn(x, area.y, text, usize::from(w), style);
}

/// The sort key of a list screen's columns.
pub type KeyOf<S> = <S as HasList>::Key;

/// A screen's list and theme: the fields `list` and `theme`, as [`list_screen_state!`]
/// gives them.
pub trait HasList {
    type Key: SortKey;
    fn list(&self) -> &ListState<Self::Key>;
    fn list_mut(&mut self) -> &mut ListState<Self::Key>;
    fn theme(&self) -> &Theme;
}

/// A screen that is one list (stories, shared passages, quotes): its rows, how they are
/// filtered and sorted, drawn and opened. Its keys, clicks, status and drawing are then
/// the list's ([`list_screen_state!`]).
pub trait ListScreen: HasList {
    type Column: Heading<Key = Self::Key>;

    /// The columns shown at `width` cells: `(column, x, width)`.
    fn columns(&self, width: u16) -> Vec<(Self::Column, u16, u16)>;
    /// The lower-cased text of a row the filter searches.
    fn haystack(&self, row: usize) -> &str;
    /// Sorts `view` (rows) in the order `sort`.
    fn sort_view(&self, view: &mut [usize], sort: Sort<KeyOf<Self>>);
    /// The number of rows before the filter.
    fn total(&self) -> usize;
    /// The key's action that opens the selected row.
    fn open_key(&self) -> Action;
    /// What opening a row (an index into the rows) asks of the app.
    fn open(&self, row: usize) -> Option<Action>;
    /// The column a key other than `s` and `S` sorts by: by default the number keys
    /// (`sort_by_column1`…) name the sortable columns from the left.
    fn sort_key(&self, action: Action) -> Option<KeyOf<Self>> {
        numbered(KeyOf::<Self>::ALL)(action)
    }
    /// A cell's text and style.
    fn cell(&self, row: usize, column: Self::Column, width: u16) -> (Cow<'_, str>, Style);
    /// What the list says when no row is shown.
    fn empty(&self) -> String;

    /// Filters and sorts the rows again, after the sort or the filter changed: the rows
    /// whose text holds every word of the filter (case aside), the selection following its
    /// row when it stays.
    fn refilter(&mut self) {
        let terms = filter_terms(self.list().filter());
        let mut view: Vec<usize> = (0..self.total())
            .filter(|&i| matches_all(self.haystack(i), &terms))
            .collect();
        self.sort_view(&mut view, self.list().sort());
        self.list_mut().set_view(view);
    }

    fn relayout_list(&mut self, area: Rect) {
        let list = self.list_mut();
        list.area = area;
        list.set_height(split_header(area).1.height);
    }

    /// Applies a key's action; returns a follow-up for the app (open a row).
    fn update_list(&mut self, action: Action) -> Option<Action> {
        let key = self.sort_key(action);
        match self.list_mut().update(action, |_| key) {
            Change::Refresh => self.refilter(),
            Change::Moved => {}
            Change::None if action == self.open_key() => {
                let row = self.list().selected_row()?;
                return self.open(row);
            }
            Change::None => {}
        }
        None
    }

    /// A click selects a row, a click on the selected row opens it, a click on a heading
    /// sorts by its column (again: reverses).
    fn click_list(&mut self, position: Position) -> Option<Action> {
        let (header, rows) = split_header(self.list().area);
        let spans = self.columns(header.width);
        match self.list_mut().click(position, header, rows, &spans) {
            Clicked::Open(row) => return self.open(row),
            Clicked::Sorted => self.refilter(),
            Clicked::Selected | Clicked::Nothing => {}
        }
        None
    }

    /// "3/9 ", after the filter when there is one ("/spotify▏ · 3 of 12 · 1/3 ").
    fn list_status(&self) -> String {
        self.list().status(self.total())
    }

    /// The heading and the rows.
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (header, rows) = split_header(area);
        let spans = self.columns(area.width);
        let theme = self.theme();
        self.list()
            .render_header(header, buf, &spans, theme, |_, _| None);
        self.list()
            .render_rows(rows, buf, &spans, theme, &self.empty(), |r, c, w| {
                self.cell(r, c, w)
            });
    }
}

/// Implements [`ScreenState`](crate::tui::screens::ScreenState) for a [`ListScreen`] whose
/// fields `list` (sorted by `$key`) and `theme` are [`HasList`]'s: typed keys go to its
/// filter while it is typed, a notch of the wheel moves one row, and the title bar says
/// `$title`. `status` is the state's own (usually
/// [`ListScreen::list_status`]).
macro_rules! list_screen_state {
    ($state:ty, $kind:ident, $title:literal, key = $key:ty) => {
        impl $crate::tui::screens::list::HasList for $state {
            type Key = $key;

            fn list(&self) -> &$crate::tui::screens::list::ListState<$key> {
                &self.list
            }

            fn list_mut(&mut self) -> &mut $crate::tui::screens::list::ListState<$key> {
                &mut self.list
            }

            fn theme(&self) -> &$crate::tui::theme::Theme {
                &self.theme
            }
        }

        impl $crate::tui::screens::ScreenState for $state {
            fn kind(&self) -> $crate::tui::screens::Screen {
                $crate::tui::screens::Screen::$kind
            }

            fn scope(&self) -> $crate::tui::keymap::Scope {
                use $crate::tui::screens::list::HasList;
                if self.list().is_editing_filter() {
                    $crate::tui::keymap::Scope::Filter
                } else {
                    $crate::tui::keymap::Scope::$kind
                }
            }

            fn title(&self) -> &'static str {
                $title
            }

            fn update(&mut self, action: Action) -> Option<Action> {
                $crate::tui::screens::list::ListScreen::update_list(self, action)
            }

            fn click(&mut self, position: ratatui::layout::Position) -> Option<Action> {
                $crate::tui::screens::list::ListScreen::click_list(self, position)
            }

            fn wheel(&mut self, is_down: bool) {
                for action in $crate::tui::screens::Wheel::Row.actions(is_down) {
                    $crate::tui::screens::list::ListScreen::update_list(self, action);
                }
            }

            fn relayout(&mut self, area: ratatui::layout::Rect) {
                $crate::tui::screens::list::ListScreen::relayout_list(self, area);
            }

            fn status(&self) -> String {
                <$state>::status(self)
            }

            fn render(&self, area: ratatui::layout::Rect, buf: &mut ratatui::buffer::Buffer) {
                $crate::tui::screens::list::ListScreen::render_list(self, area, buf);
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Key {
        Count,
        Name,
    }

    impl SortKey for Key {
        const ALL: &'static [Key] = &[Key::Count, Key::Name];

        fn is_descending_first(self) -> bool {
            self == Key::Count
        }
    }

    fn list(len: usize, height: u16) -> ListState<Key> {
        let mut list = ListState::new(Sort::by(Key::Count));
        list.set_height(height);
        list.set_view((0..len).collect());
        list
    }

    #[test]
    fn the_selection_follows_its_row_and_stays_on_screen() {
        let mut list = list(30, 10);
        list.move_by(15);
        assert_eq!((list.position(), list.offset()), ((15, 30), 6));
        list.set_view((0..30).rev().collect());
        assert_eq!(list.selected_row(), Some(15));
        assert_eq!(list.position().0, 14);
        assert!(list.offset() <= 14 && 14 < list.offset() + 10);
        // A filter that drops the row selects the first; a short list fills the screen.
        list.set_view(vec![3, 2, 1]);
        assert_eq!((list.selected_row(), list.offset()), (Some(3), 0));
        list.set_view(Vec::new());
        assert_eq!(
            (list.selected_row(), list.status(30)),
            (None, String::new())
        );
        let _ = list.update(Action::MoveDown, |_| None);
        assert_eq!(list.position(), (0, 0));
    }

    #[test]
    fn keys_sort_and_filter_as_on_every_list() {
        let mut list = list(5, 10);
        let key = |a| (a == Action::SortByTitle).then_some(Key::Name);
        assert_eq!(list.update(Action::CycleSort, key), Change::Refresh);
        assert_eq!(list.sort(), Sort::by(Key::Name));
        assert_eq!(list.update(Action::SortByTitle, key), Change::Refresh);
        assert!(list.sort().is_descending, "again: reversed");
        assert_eq!(list.update(Action::ReverseSort, key), Change::Refresh);
        assert!(!list.sort().is_descending);
        assert_eq!(list.update(Action::OpenGroup, key), Change::None);
        // Typed text goes to the filter only while the prompt is open.
        assert_eq!(list.update(Action::InsertChar('x'), key), Change::None);
        assert_eq!(list.update(Action::StartFilter, key), Change::Refresh);
        let _ = list.update(Action::InsertChar('a'), key);
        let _ = list.update(Action::InsertChar('b'), key);
        let _ = list.update(Action::DeleteChar, key);
        assert_eq!(list.status(9), "/a▏ · 5 of 9 · 1/5 ");
        let _ = list.update(Action::ConfirmFilter, key);
        assert_eq!(list.status(9), "/a · 5 of 9 · 1/5 ");
        let _ = list.update(Action::CancelFilter, key);
        assert_eq!(list.status(9), "1/5 ");
        // Nothing shown: no place to say.
        let _ = list.update(Action::StartFilter, key);
        list.set_view(Vec::new());
        assert_eq!(list.status(9), "/▏ · 0 of 9 ");
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Column {
        Count,
        Text,
    }

    impl Heading for Column {
        type Key = Key;
        fn name(self) -> &'static str {
            match self {
                Column::Count => "Count",
                Column::Text => "Text",
            }
        }
        fn is_numeric(self) -> bool {
            self == Column::Count
        }
        fn key(self) -> Option<Key> {
            (self == Column::Count).then_some(Key::Count)
        }
    }

    #[test]
    fn clicks_select_open_and_sort() {
        let mut list = list(5, 4);
        let (header, rows) = split_header(Rect::new(0, 0, 40, 5));
        let spans = place(&[(Column::Count, 7), (Column::Text, usize::MAX)], 40, 1);
        assert_eq!(spans, [(Column::Count, 1, 7), (Column::Text, 9, 30)]);
        let click =
            |list: &mut ListState<Key>, x, y| list.click(Position::new(x, y), header, rows, &spans);
        assert_eq!(click(&mut list, 3, 2), Clicked::Selected);
        assert_eq!(list.selected_row(), Some(1));
        assert_eq!(click(&mut list, 3, 2), Clicked::Open(1));
        assert_eq!(
            click(&mut list, 12, 0),
            Clicked::Nothing,
            "the text does not sort"
        );
        assert_eq!(click(&mut list, 2, 0), Clicked::Sorted);
        assert!(!list.sort().is_descending);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 5));
        list.render_header(header, &mut buf, &spans, &Theme::default(), |_, _| None);
        let heading: String = (0..40).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(heading.trim_end(), " Count ▲ Text");
    }
}
