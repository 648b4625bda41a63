//! The library: a table of the articles, sorted by any column and filtered as you type.
//!
//! The state keeps one sanitised [`Row`] per article (built once) and `view`, the indices
//! of the rows shown, in order. Sorting and filtering rebuild `view`; the selection follows
//! the selected article when it stays visible.
//!
//! The filter searches the title, outlet, id and author of each article, and, once the
//! worker has indexed them ([`SearchIndex`]), the articles' bodies: each row found says
//! where ([`Field`]), with a snippet of the text when the body is what matched.

use std::cmp::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use std::sync::Arc;

use crate::align::family::Story;
use crate::corpus::Article;
use crate::display::label;
use crate::display::order::{self, group_by_story, story_of, SortKey};
use crate::display::search::{self, snippet, Field, FieldKeys, SearchIndex};
use crate::display::text::{sanitize, truncate, width};
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::screens::list::{place, put, Change, Heading, ListState};
use crate::tui::screens::render_empty;
use crate::tui::theme::Theme;

/// A column of the table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Outlet,
    Date,
    Title,
    Words,
    /// The share of the article's text found in other articles.
    Shared,
    Id,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Outlet,
        Column::Date,
        Column::Title,
        Column::Words,
        Column::Shared,
        Column::Id,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Outlet => "Outlet",
            Column::Date => "Date",
            Column::Title => "Title",
            Column::Words => "Words",
            Column::Shared => "Shared",
            Column::Id => "Id",
        }
    }
}

impl Heading for Column {
    type Key = Column;

    fn name(self) -> &'static str {
        Column::name(self)
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Words | Column::Shared)
    }

    fn key(self) -> Option<Column> {
        Some(self)
    }
}

impl SortKey for Column {
    const ALL: &'static [Column] = &Column::ALL;

    /// Counts and shares largest first, the rest from the start.
    fn is_descending_first(self) -> bool {
        matches!(self, Column::Words | Column::Shared)
    }
}

/// The order of the table.
pub type Sort = order::Sort<Column>;

impl Default for Sort {
    /// Oldest first: one story read in the order it unfolded.
    fn default() -> Sort {
        Sort {
            column: Column::Date,
            is_descending: false,
        }
    }
}

/// One article as the table shows it: every string sanitised, missing fields `None`.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub outlet: Option<String>,
    /// The date part of the article's ISO date (`2015-10-25`), for the table.
    pub date: Option<String>,
    /// The title, or the id when the article has none.
    pub title: String,
    pub words: usize,
    /// Percent of the text other articles share, once the alignment is ready.
    pub shared: Option<u8>,
    /// Lower-cased title, outlet, author and id, for the filter and for sorting.
    keys: FieldKeys,
    /// The author, sanitised, when the file names one.
    author: Option<String>,
}

impl Row {
    pub fn new(article: &Article) -> Row {
        let title = label::title(article);
        let outlet = label::outlet(article);
        let date = label::short_date(article);
        let author = label::author(article);
        Row {
            keys: FieldKeys::new(article),
            author,
            id: sanitize(&article.id).into_owned(),
            outlet,
            date,
            title,
            words: article.words,
            shared: None,
        }
    }

    fn compare(&self, other: &Row, column: Column) -> Ordering {
        // Missing values sort after present ones in both directions: see `sorted_view`.
        match column {
            Column::Outlet => self
                .keys
                .outlet
                .cmp(&other.keys.outlet)
                .then_with(|| self.outlet.cmp(&other.outlet)),
            Column::Date => self.date.cmp(&other.date),
            Column::Title => self
                .keys
                .title
                .cmp(&other.keys.title)
                .then_with(|| self.title.cmp(&other.title)),
            Column::Words => self.words.cmp(&other.words),
            Column::Shared => self.shared.cmp(&other.shared),
            Column::Id => self.id.cmp(&other.id),
        }
    }

    fn is_missing(&self, column: Column) -> bool {
        match column {
            Column::Outlet => self.outlet.is_none(),
            Column::Date => self.date.is_none(),
            Column::Shared => self.shared.is_none(),
            _ => false,
        }
    }
}

/// Per row, where the filter found it (`None`: not found, or no filter).
pub type Found = Vec<Option<Field>>;

/// The rows matching `filter` and where each was found ([`search::find`]).
fn find(rows: &[Row], filter: &str, search: Option<&SearchIndex>) -> Found {
    search::find(rows.iter().map(|r| &r.keys), filter, search)
}

/// The indices of the rows matching `filter`, in `sort` order; ties and missing values keep
/// the corpus order (by path), and missing values come last in either direction.
pub fn sorted_view(rows: &[Row], filter: &str, sort: Sort) -> Vec<usize> {
    sorted_found(rows, filter, &find(rows, filter, None), sort)
}

/// [`sorted_view`] of rows already searched.
fn sorted_found(rows: &[Row], filter: &str, found: &Found, sort: Sort) -> Vec<usize> {
    let is_filtered = !filter.trim().is_empty();
    let mut view: Vec<usize> = (0..rows.len())
        .filter(|&i| !is_filtered || found[i].is_some())
        .collect();
    sort.sort_view(
        &mut view,
        |i| rows[i].is_missing(sort.column),
        |a, b| rows[a].compare(&rows[b], sort.column),
    );
    view
}

/// Where each part of the library goes in its area; shared by rendering and mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LibraryLayout {
    pub header: Rect,
    pub rows: Rect,
    /// The filter prompt, when the filter is being edited or is not empty.
    pub filter: Option<Rect>,
}

impl LibraryLayout {
    pub fn new(area: Rect, has_filter_line: bool) -> LibraryLayout {
        // With a single row, an article is worth more than the headings.
        let header = Rect {
            height: u16::from(area.height >= 2),
            ..area
        };
        let mut rest = Rect {
            y: header.bottom(),
            height: area.height - header.height,
            ..area
        };
        let filter = if has_filter_line && rest.height >= 2 {
            let line = Rect {
                y: rest.bottom() - 1,
                height: 1,
                ..rest
            };
            rest.height -= 1;
            Some(line)
        } else {
            None
        };
        LibraryLayout {
            header,
            rows: rest,
            filter,
        }
    }
}

/// The x offset and width of each column shown at `width` cells, sorted by `sorted`: the
/// share and the id only when there is room or the list is sorted by them (so that the
/// heading always shows the order), the title taking what the others leave.
pub fn column_spans(width: u16, sorted: Column) -> Vec<(Column, u16, u16)> {
    // One cell of margin on each side, one between columns.
    let inner = usize::from(width).saturating_sub(2);
    let outlet = (inner / 5).clamp(6, 20);
    let date = 10;
    // "Words ▼" fits.
    let words = 7;
    // "Shared ▼" fits; shown from 60 cells, once the title keeps room.
    let shared = if inner >= 60 || sorted == Column::Shared {
        8
    } else {
        0
    };
    let id = match inner {
        100.. => 22,
        _ if sorted == Column::Id => 12,
        _ => 0,
    };
    let fixed =
        outlet + date + words + shared + id + 3 + usize::from(shared > 0) + usize::from(id > 0);
    let title = inner.saturating_sub(fixed);
    place(
        &[
            (Column::Outlet, outlet),
            (Column::Date, date),
            (Column::Title, title),
            (Column::Words, words),
            (Column::Shared, shared),
            (Column::Id, id),
        ],
        width,
        0,
    )
}

/// The library screen's state.
#[derive(Debug, Clone)]
pub struct LibraryState {
    rows: Vec<Row>,
    /// The rows shown (indices into `rows`, which are the corpus's), the selection, the
    /// sort and the filter.
    list: ListState<Column>,
    /// The library's area at the terminal's current size, for mouse clicks and page sizes.
    area: Rect,
    /// The article marked for a comparison, shown in the left margin.
    marked: Option<ArticleIdx>,
    /// The bodies indexed for the filter, once the worker has done it.
    search: Option<Arc<SearchIndex>>,
    /// Where the filter found each row.
    found: Found,
    /// Per article, the number of its story, once the alignment is ready (else empty).
    story_of: Vec<Option<usize>>,
    /// True if any article is in a story.
    has_stories: bool,
    /// Cells the story column takes (its widest label on the list, `S12`), 0 when the list
    /// is not grouped by story; set with the list.
    story_width: u16,
    /// True while the list is grouped story by story ([`group_by_story`]).
    by_story: bool,
    theme: Theme,
}

impl LibraryState {
    pub fn new(articles: &[Article], theme: Theme) -> LibraryState {
        let rows: Vec<Row> = articles.iter().map(Row::new).collect();
        let sort = Sort::default();
        let mut list = ListState::new(sort);
        list.set_view(sorted_view(&rows, "", sort));
        LibraryState {
            search: None,
            found: vec![None; rows.len()],
            rows,
            list,
            area: Rect::default(),
            marked: None,
            story_of: Vec::new(),
            has_stories: false,
            story_width: 0,
            by_story: false,
            theme,
        }
    }

    /// Takes the sort and the filter (typed so far, or kept) of `other`: the list the user
    /// set up while the files were being read.
    pub fn keep_view_of(&mut self, other: &LibraryState) {
        self.list.set_sort(other.list.sort());
        self.by_story = other.by_story;
        self.list.set_filter(
            other.list.filter().to_string(),
            other.list.is_editing_filter(),
        );
        self.refresh();
    }

    /// Takes each article's shared share (0..1, by corpus index) once the alignment is
    /// ready; the order follows if the list is sorted by it.
    pub fn set_shares(&mut self, shares: &[f32]) {
        for (row, share) in self.rows.iter_mut().zip(shares) {
            row.shared = Some((share * 100.0).round().clamp(0.0, 100.0) as u8);
        }
        self.refresh();
    }

    /// Takes the stories of the alignment: the list can be grouped by them.
    pub fn set_stories(&mut self, stories: &[Story]) {
        self.story_of = story_of(stories, self.rows.len());
        self.has_stories = self.story_of.iter().any(Option::is_some);
        self.refresh();
    }

    /// Returns true if there is a story to group the list by.
    pub fn has_stories(&self) -> bool {
        self.has_stories
    }

    /// Groups the list story by story (each story kept in the sort's order), or ungroups it.
    pub fn toggle_by_story(&mut self) {
        self.by_story = !self.by_story;
        self.refresh();
    }

    /// Returns true while the list is grouped by story.
    pub fn is_by_story(&self) -> bool {
        self.by_story && self.has_stories()
    }

    /// Takes the index of the articles' bodies: the filter searches them from now on.
    pub fn set_search(&mut self, search: Arc<SearchIndex>) {
        if search.corpus().articles.len() == self.rows.len() {
            self.search = Some(search);
            self.refresh();
        }
    }

    /// Returns true once the filter searches the bodies too.
    pub fn searches_text(&self) -> bool {
        self.search.is_some()
    }

    /// Where the filter found this row (an index into the corpus).
    pub fn found(&self, row: usize) -> Option<Field> {
        self.found.get(row).copied().flatten()
    }

    /// Shows this article as marked for a comparison.
    pub fn set_marked(&mut self, marked: Option<ArticleIdx>) {
        self.marked = marked;
    }

    /// Takes the library's area at a new terminal size.
    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.list.set_height(self.layout().rows.height);
    }

    fn layout(&self) -> LibraryLayout {
        LibraryLayout::new(self.area, self.has_filter_line())
    }

    fn has_filter_line(&self) -> bool {
        self.list.is_editing_filter() || !self.list.filter().is_empty()
    }

    /// The selected article, if any is shown.
    pub fn selected_article(&self) -> Option<ArticleIdx> {
        self.list.selected_row().map(ArticleIdx)
    }

    /// The selected row's position in the list (0-based) and the list's length.
    pub fn position(&self) -> (usize, usize) {
        self.list.position()
    }

    pub fn sort(&self) -> Sort {
        self.list.sort()
    }

    pub fn filter(&self) -> &str {
        self.list.filter()
    }

    /// Returns true if and only if keys are being typed into the filter prompt.
    pub fn is_editing_filter(&self) -> bool {
        self.list.is_editing_filter()
    }

    /// The corpus indices of the articles shown, in display order.
    pub fn view(&self) -> &[usize] {
        self.list.view()
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        self.list.move_by(delta);
    }

    pub fn move_to(&mut self, index: usize) {
        self.list.select_at(index);
    }

    pub fn move_to_end(&mut self) {
        self.move_to(usize::MAX);
    }

    pub fn half_page(&self) -> isize {
        self.list.half_page()
    }

    pub fn page(&self) -> isize {
        self.list.page()
    }

    /// Re-sorts and re-filters, keeping the selected article selected if it is still shown.
    fn refresh(&mut self) {
        let filter = self.list.filter();
        self.found = find(&self.rows, filter, self.search.as_deref());
        let mut view = sorted_found(&self.rows, filter, &self.found, self.list.sort());
        self.story_width = 0;
        if self.is_by_story() {
            group_by_story(&mut view, &self.story_of);
            self.story_width = view
                .iter()
                .map(|&a| width(&story_label(self.story_of[a])))
                .max()
                .unwrap_or(0) as u16;
        }
        // The filter line comes and goes with the filter.
        self.list.set_height(self.layout().rows.height);
        self.list.set_view(view);
    }

    pub fn sort_by(&mut self, column: Column) {
        self.list.sort_by(column);
        self.refresh();
    }

    /// Applies a list key (sorting and the filter prompt).
    fn apply(&mut self, action: Action) {
        if self.list.update(action, |_| None) == Change::Refresh {
            self.refresh();
        }
    }

    pub fn cycle_sort(&mut self) {
        self.apply(Action::CycleSort);
    }

    pub fn reverse_sort(&mut self) {
        self.apply(Action::ReverseSort);
    }

    pub fn start_filter(&mut self) {
        self.apply(Action::StartFilter);
    }

    /// Leaves the prompt keeping the filter.
    pub fn confirm_filter(&mut self) {
        self.apply(Action::ConfirmFilter);
    }

    /// Leaves the prompt and shows every article again.
    pub fn clear_filter(&mut self) {
        self.apply(Action::CancelFilter);
    }

    pub fn push_filter_char(&mut self, c: char) {
        if self.list.push_filter_char(c) {
            self.refresh();
        }
    }

    pub fn pop_filter_char(&mut self) {
        self.list.pop_filter_char();
        self.refresh();
    }

    /// What a click at `position` means: a row index (into the list) or a column heading.
    pub fn hit(&self, position: Position) -> Option<Hit> {
        let layout = self.layout();
        let table = self.table(layout.header);
        let spans = column_spans(table.width, self.list.sort().column);
        self.list.hit(position, table, layout.rows, &spans)
    }

    /// Where the terminal cursor goes while the filter is edited (after the typed text).
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        if !self.list.is_editing_filter() {
            return None;
        }
        let line = LibraryLayout::new(area, true).filter?;
        let x = line.x + 2 + width(&sanitize(self.list.filter())) as u16;
        (x < line.right()).then_some(Position { x, y: line.y })
    }

    /// Cells the story column takes (its widest label, `S12`), 0 when not grouped by story.
    fn story_width(&self) -> u16 {
        self.story_width
    }

    /// The part of a row of `area` the table's columns take: right of the story column when
    /// the list is grouped by story.
    fn table(&self, area: Rect) -> Rect {
        let shift = match self.story_width() {
            0 => 0,
            w => (w + 1).min(area.width),
        };
        Rect {
            x: area.x + shift,
            width: area.width - shift,
            ..area
        }
    }

    /// The story column of the rows on screen: a story's label on its first row (and on the
    /// top row), and a line under the last row of each story but the last.
    fn render_stories(&self, area: Rect, buf: &mut Buffer) {
        let w = self.story_width();
        if w == 0 || area.width <= w {
            return;
        }
        let view = self.list.view();
        let offset = self.list.offset();
        let visible = view
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(area.height));
        for (y, (index, &article)) in (area.y..).zip(visible) {
            let story = self.story_of[article];
            let is_first = index == 0 || self.story_of[view[index - 1]] != story;
            let is_last = index + 1 == view.len() || self.story_of[view[index + 1]] != story;
            if is_first || index == offset {
                let style = if self.list.is_selected(index) {
                    self.theme.selection()
                } else {
                    self.theme.dim()
                };
                buf.set_stringn(area.x + 1, y, story_label(story), usize::from(w), style);
            }
            if is_last && index + 1 < view.len() {
                let line = Rect {
                    y,
                    height: 1,
                    ..area
                };
                buf.set_style(line, Style::new().add_modifier(Modifier::UNDERLINED));
            }
        }
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let spans = column_spans(area.width, self.list.sort().column);
        self.list
            .render_header(area, buf, &spans, &self.theme, |_, _| None);
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer) {
        if self.list.view().is_empty() {
            let message = if self.rows.is_empty() {
                "No articles.".to_string()
            } else {
                format!("No article matches “{}”.", sanitize(self.list.filter()))
            };
            render_empty(area, buf, &message, self.theme.dim());
            return;
        }
        let spans = column_spans(area.width, self.list.sort().column);
        for line in self.list.visible(area, buf, &self.theme) {
            let (row_index, y, is_selected, base) =
                (line.row, line.area.y, line.is_selected, line.base);
            let row = &self.rows[row_index];
            let line_area = line.area;
            if self.marked == Some(ArticleIdx(row_index)) {
                buf.set_stringn(line_area.x, y, "●", 1, base.patch(self.theme.accent()));
            }
            for &(column, x, w) in &spans {
                let (text, style): (std::borrow::Cow<str>, Style) = match column {
                    Column::Outlet => match &row.outlet {
                        Some(o) => (o.into(), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Date => match &row.date {
                        Some(d) => (d.into(), Style::new()),
                        None => ("—".into(), self.theme.dim()),
                    },
                    Column::Title => ((&row.title).into(), Style::new()),
                    Column::Words => (row.words.to_string().into(), Style::new()),
                    Column::Shared => match row.shared {
                        Some(p) => (format!("{p}%").into(), Style::new()),
                        None => ("…".into(), self.theme.dim()),
                    },
                    Column::Id => ((&row.id).into(), self.theme.dim()),
                };
                // The selection's colours win over the dim style of missing values.
                let style = line.style(style);
                // Where the filter found a row its columns do not show: after the title,
                // which gives up to half its room for it.
                let tag = (column == Column::Title)
                    .then(|| self.found_tag(row_index, usize::from(w)))
                    .flatten();
                let text_room = match &tag {
                    Some(tag) => usize::from(w)
                        .saturating_sub(width(tag))
                        .max(usize::from(w) / 2),
                    None => usize::from(w),
                };
                let text = truncate(&text, text_room);
                put(buf, line_area, x, w, &text, style, column.is_numeric());
                let x = line_area.x + x;
                let used = width(&text) as u16;
                if let Some(tag) = tag.filter(|_| used + 3 < w) {
                    let tag_style = if is_selected {
                        base
                    } else {
                        base.patch(self.theme.dim())
                    };
                    let room = usize::from(w - used);
                    buf.set_stringn(x + used, y, truncate(&tag, room), room, tag_style);
                }
            }
        }
    }

    /// " · text: …the nuclear talks…", " · author: Hakem al-Zameli": where the filter found
    /// the article (a corpus index) when the title and outlet columns do not show it.
    fn found_tag(&self, row_index: usize, room: usize) -> Option<String> {
        match self.found(row_index)? {
            Field::Text(at) => {
                let text = &self.search.as_ref()?.corpus().articles.get(row_index)?.text;
                let (snippet, _) = snippet(text, at, (room / 2).max(20));
                Some(format!(" · text: {snippet}"))
            }
            Field::Author => Some(format!(
                " · author: {}",
                self.rows[row_index].author.as_deref()?
            )),
            Field::Id => Some(format!(" · id: {}", self.rows[row_index].id)),
            Field::Title | Field::Outlet => None,
        }
    }

    /// For the filter line: where the filter found the selected article, the words found
    /// in the text marked.
    fn found_line(&self, room: usize) -> Vec<Span<'static>> {
        let Some(row) = self.selected_article().map(ArticleIdx::get) else {
            return Vec::new();
        };
        let Some(field) = self.found(row) else {
            return Vec::new();
        };
        let mut spans = vec![Span::styled(
            format!("   in {}", field.name()),
            self.theme.dim(),
        )];
        if let Field::Text(at) = field {
            let Some(search) = &self.search else {
                return spans;
            };
            let Some(article) = search.corpus().articles.get(row) else {
                return spans;
            };
            let (snippet, hit) = snippet(&article.text, at, room.saturating_sub(16).max(10));
            spans.push(Span::styled(": ", self.theme.dim()));
            spans.push(Span::styled(
                snippet[..hit.start].to_string(),
                self.theme.text(),
            ));
            spans.push(Span::styled(
                snippet[hit.clone()].to_string(),
                self.theme.accent().add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::styled(
                snippet[hit.end..].to_string(),
                self.theme.text(),
            ));
        }
        spans
    }

    fn render_filter(&self, area: Rect, buf: &mut Buffer) {
        let filter = sanitize(self.list.filter());
        let count = format!(" {} of {} ", self.list.view().len(), self.rows.len());
        let hint = if self.list.is_editing_filter() {
            ""
        } else {
            "  (filter kept)"
        };
        let count_width = width(&count) as u16;
        let line_width = area.width.saturating_sub(count_width + 1);
        let mut spans = vec![
            Span::styled("/", self.theme.accent()),
            Span::styled(filter.clone(), self.theme.text()),
            Span::styled(hint, self.theme.dim()),
        ];
        let room = usize::from(line_width).saturating_sub(1 + width(&filter) + width(hint));
        if room > 12 {
            spans.extend(self.found_line(room));
        }
        let line = Line::from(spans);
        buf.set_style(area, self.theme.text());
        buf.set_line(area.x + 1.min(area.width), area.y, &line, line_width);
        if area.width > count_width {
            buf.set_stringn(
                area.right() - count_width,
                area.y,
                &count,
                usize::from(count_width),
                self.theme.dim(),
            );
        }
    }
}

/// `S12` for story 12, `—` for an article in no story.
fn story_label(story: Option<usize>) -> String {
    story.map_or_else(|| "—".to_string(), |id| format!("S{id}"))
}

/// What a mouse click on the library landed on.
pub type Hit = crate::tui::screens::list::Hit<Column>;

impl Widget for &LibraryState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let layout = LibraryLayout::new(area, self.has_filter_line());
        buf.set_style(layout.header, self.theme.text());
        if self.is_by_story() && !self.list.view().is_empty() {
            buf.set_style(layout.rows, self.theme.text());
        }
        self.render_header(self.table(layout.header), buf);
        if self.list.view().is_empty() {
            self.render_rows(layout.rows, buf);
        } else {
            self.render_rows(self.table(layout.rows), buf);
            self.render_stories(layout.rows, buf);
        }
        if let Some(filter) = layout.filter {
            self.render_filter(filter, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Metadata};
    use pretty_assertions::assert_eq;

    fn article(
        id: &str,
        outlet: Option<&str>,
        date: Option<&str>,
        title: &str,
        words: usize,
    ) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                title: Some(title.to_string()),
                outlet: outlet.map(String::from),
                date: date.and_then(crate::corpus::PubDate::parse),
                author: (id == "c").then(|| "Hakem al-Zameli".to_string()),
                ..Metadata::default()
            },
            raw: String::new(),
            text: String::new(),
            words,
        }
    }

    fn rows() -> Vec<Row> {
        [
            article(
                "a",
                Some("Sputnik"),
                Some("2015-10-26"),
                "Iraq and Russia agree",
                400,
            ),
            article(
                "b",
                None,
                Some("2015-10-24T09:00:00Z"),
                "Baghdad defies Washington",
                560,
            ),
            article(
                "c",
                Some("al-Monitor"),
                None,
                "Iraqi PM to share intel",
                700,
            ),
            article(
                "d",
                Some("RT"),
                Some("2015-10-25"),
                "ISIL: Russia, Iraq unite",
                430,
            ),
        ]
        .iter()
        .map(Row::new)
        .collect()
    }

    fn ids(rows: &[Row], view: &[usize]) -> Vec<String> {
        view.iter().map(|&i| rows[i].id.clone()).collect()
    }

    #[test]
    fn sorts_by_each_column_with_missing_values_last() {
        let rows = rows();
        let sort = |column, is_descending| {
            ids(
                &rows,
                &sorted_view(
                    &rows,
                    "",
                    Sort {
                        column,
                        is_descending,
                    },
                ),
            )
        };
        assert_eq!(sort(Column::Date, false), ["b", "d", "a", "c"]);
        assert_eq!(sort(Column::Date, true), ["a", "d", "b", "c"]);
        assert_eq!(sort(Column::Outlet, false), ["c", "d", "a", "b"]);
        assert_eq!(sort(Column::Outlet, true), ["a", "d", "c", "b"]);
        assert_eq!(sort(Column::Title, false), ["b", "a", "c", "d"]);
        assert_eq!(sort(Column::Words, true), ["c", "b", "d", "a"]);
        assert_eq!(sort(Column::Id, true), ["d", "c", "b", "a"]);
    }

    #[test]
    fn filter_matches_every_word_in_title_outlet_id_or_author_ignoring_case() {
        let rows = rows();
        let filter = |text| ids(&rows, &sorted_view(&rows, text, Sort::default()));
        assert_eq!(filter("iraq"), ["d", "a", "c"]);
        assert_eq!(filter("IRAQ russia"), ["d", "a"]);
        assert_eq!(filter("sputnik"), ["a"]);
        assert_eq!(filter("zameli"), ["c"]);
        assert_eq!(filter("b"), ["b"]);
        assert_eq!(filter("  "), ["b", "d", "a", "c"]);
        assert_eq!(filter("nothing"), Vec::<String>::new());
        // Any whitespace separates words.
        assert_eq!(filter("rt\tisil"), ["d"]);
        assert_eq!(filter("sputnik\niraq"), ["a"]);
    }

    #[test]
    fn the_selection_follows_its_article_through_sorting_and_filtering() {
        let articles = [
            article(
                "a",
                Some("Sputnik"),
                Some("2015-10-26"),
                "Iraq and Russia agree",
                400,
            ),
            article(
                "b",
                None,
                Some("2015-10-24"),
                "Baghdad defies Washington",
                560,
            ),
            article(
                "c",
                Some("al-Monitor"),
                None,
                "Iraqi PM to share intel",
                700,
            ),
        ];
        let mut state = LibraryState::new(&articles, Theme::default());
        state.relayout(Rect::new(0, 0, 80, 10));
        state.move_by(1);
        assert_eq!(state.selected_article(), Some(ArticleIdx(0))); // b, a, c by date: "a" is second
        state.sort_by(Column::Words);
        assert_eq!(state.selected_article(), Some(ArticleIdx(0)));
        assert_eq!(state.position(), (2, 3));
        state.start_filter();
        for c in "bagh".chars() {
            state.push_filter_char(c);
        }
        assert_eq!(state.selected_article(), Some(ArticleIdx(1)));
        assert_eq!(state.position(), (0, 1));
        state.clear_filter();
        assert_eq!(state.view().len(), 3);
        assert_eq!(state.selected_article(), Some(ArticleIdx(1)));
    }

    #[test]
    fn moving_keeps_the_selection_on_screen() {
        let articles: Vec<Article> = (0..30)
            .map(|i| article(&format!("{i:02}"), None, None, "t", i))
            .collect();
        let mut state = LibraryState::new(&articles, Theme::default());
        state.relayout(Rect::new(0, 0, 80, 11)); // a header and 10 rows
        state.move_by(15);
        assert_eq!((state.list.position().0, state.list.offset()), (15, 6));
        state.move_by(-100);
        assert_eq!((state.list.position().0, state.list.offset()), (0, 0));
        state.move_to_end();
        assert_eq!((state.list.position().0, state.list.offset()), (29, 20));
        assert_eq!(state.hit(Position::new(5, 1)), Some(Hit::Row(20)));
        assert_eq!(
            state.hit(Position::new(2, 0)),
            Some(Hit::Heading(Column::Outlet))
        );
        state.relayout(Rect::new(0, 0, 80, 41));
        assert_eq!(
            state.list.offset(),
            0,
            "a taller screen shows the whole list"
        );
    }

    #[test]
    fn columns_fit_the_width_and_show_the_id_only_when_wide_or_sorted_by() {
        for w in [0u16, 1, 5, 20, 40, 60, 80, 99, 120, 300] {
            let spans = column_spans(w, Column::Date);
            for &(_, x, cw) in &spans {
                assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
            }
            assert_eq!(
                spans.iter().any(|s| s.0 == Column::Id),
                w >= 102,
                "width {w}"
            );
            for sorted in Column::ALL {
                let spans = column_spans(w, sorted);
                for &(_, x, cw) in &spans {
                    assert!(x + cw <= w, "column at {x}+{cw} overflows {w}");
                }
                if w >= 40 {
                    assert!(
                        spans.iter().any(|s| s.0 == sorted && s.2 >= 7),
                        "{sorted:?} at width {w}: {spans:?}"
                    );
                }
            }
        }
    }
}
