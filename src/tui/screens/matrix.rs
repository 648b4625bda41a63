//! The overlap matrix: articles × articles, each cell the share of the row article's text
//! aligned with the column article.
//!
//! It shows the articles the library shows (its filter kept, and said in the first line),
//! laid out in story blocks ([`story_blocks`]): the story with most articles shown first,
//! each story's articles by date, the articles in no story last. A story column names each
//! block (`S1`), a line under its last row and a bar after its last column mark where it
//! ends, so that copies of one story show as a square of warm cells on the diagonal.
//!
//! Columns are numbered; the rows, numbered alike, are their legend. The row labels and the
//! column numbers stay put while the cells scroll under them, so that the selected cell is
//! always on screen however many articles there are. Cells are looked up in the sparse
//! [`Overlap`] as they are drawn: nothing of size N² is ever made. Positions on screen
//! (`row`, `column`) are places in `order`, not corpus indices.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::align::overlap::Overlap;
use crate::display::label::{self, short_ids};
use crate::display::order::story_blocks;
use crate::display::story;
use crate::display::text::sanitize;
use crate::display::text::{truncate, width};
use crate::display::AlignmentIndex;
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::screens::fit_line;
use crate::tui::screens::render_empty;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// A share as a cell shows it: " 34 ", "100 ", " <1 ", "  · " for nothing shared.
fn cell_text(share: f32, cell: usize) -> String {
    let percent = (share * 100.0).round() as u32;
    let text = if share <= 0.0 {
        "·".to_string()
    } else if percent == 0 {
        "<1".to_string()
    } else {
        percent.to_string()
    };
    format!("{text:>w$} ", w = cell - 1)
}

/// Where each part of the matrix goes in its area; shared by drawing and mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct MatrixLayout {
    /// What the matrix shows and in what order, above it all, when there is room.
    title: Option<Rect>,
    /// The column numbers, right of the label column.
    header: Rect,
    /// The row labels.
    labels: Rect,
    /// The cells.
    cells: Rect,
    /// The heat legend at the bottom, when there is room.
    legend: Option<Rect>,
    /// Cells across one column takes (its text and a gap).
    stride: u16,
}

impl MatrixLayout {
    fn new(area: Rect, label_width: u16, stride: u16) -> MatrixLayout {
        // Below 4 rows the title gives way: the cells matter more.
        let title = (area.height >= 4).then_some(Rect { height: 1, ..area });
        let area = match title {
            Some(title) => Rect {
                y: title.bottom(),
                height: area.height - 1,
                ..area
            },
            None => area,
        };
        let legend = (area.height >= 5).then(|| Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        });
        let top = u16::from(area.height >= 2);
        let height = area.height - top - legend.map_or(0, |l| l.height + 1);
        // The labels give way to the cells, down to the row numbers alone.
        let label_width = label_width.min(area.width.saturating_sub(stride + 1));
        let labels = Rect::new(area.x, area.y + top, label_width, height);
        let cells_x = area.x + label_width + u16::from(label_width > 0);
        let cells = Rect::new(
            cells_x,
            area.y + top,
            area.right().saturating_sub(cells_x),
            height,
        );
        let header = Rect {
            y: area.y,
            height: top,
            ..cells
        };
        MatrixLayout {
            title,
            header,
            labels,
            cells,
            legend,
            stride,
        }
    }

    fn visible_rows(&self) -> usize {
        usize::from(self.cells.height)
    }

    fn visible_columns(&self) -> usize {
        usize::from(self.cells.width / self.stride)
    }
}

/// The matrix screen's state.
#[derive(Debug, Clone)]
pub struct MatrixState {
    /// Corpus indices of the articles shown, in the order of the rows (and columns).
    order: Vec<usize>,
    /// Per corpus index: its place in `order`, if shown.
    place: Vec<Option<usize>>,
    /// Per place: its story block, and whether it is the block's first and last place.
    blocks: Vec<BlockPlace>,
    /// Per block: its label, `S1` for story 1, `—` for the articles in no story.
    story_labels: Vec<String>,
    /// Width of the widest story label; 0 when no article shown is in a story.
    story_width: u16,
    /// Per corpus index: its short id and outlet, sanitised.
    ids: Vec<String>,
    outlets: Vec<Option<String>>,
    /// The articles in the corpus and the library's filter, for the title.
    total: usize,
    filter: String,
    /// The alignment (its overlaps), shared with the app rather than copied.
    index: Arc<AlignmentIndex>,
    /// The selected cell: row and column place.
    row: usize,
    column: usize,
    /// The first row and column on screen.
    row_offset: usize,
    column_offset: usize,
    /// Cells a column's text takes: 4 ("100" and a space), more for 5-digit numbers.
    cell: u16,
    /// Width of the widest row label.
    label_width: u16,
    /// A note for the status line, until the next key.
    notice: Option<&'static str>,
    theme: Theme,
    area: Rect,
}

/// Where a place of the matrix stands in its story block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BlockPlace {
    /// Index into the blocks (for labels).
    block: usize,
    is_first: bool,
    is_last: bool,
}

impl MatrixState {
    fn overlap(&self) -> &Overlap {
        self.index.overlap()
    }

    /// The matrix of the articles `shown` (corpus indices, as the library lists them after
    /// `filter`), in story blocks.
    pub fn new(context: &Context, shown: &[usize], filter: &str, theme: Theme) -> MatrixState {
        let articles = &context.corpus.articles;
        let dates: Vec<_> = articles
            .iter()
            .map(|a| a.meta.date.as_ref().map(|d| d.day()))
            .collect();
        // The stories screen's stories (event clusters joined with copy families), by its
        // numbers.
        let clusters = story::clusters(&story::stories(context.alignment, context.corpus));
        let stories = story_blocks(shown, &clusters, &dates);
        let mut order = Vec::with_capacity(shown.len());
        let mut blocks = Vec::with_capacity(shown.len());
        let mut labels = Vec::with_capacity(stories.len());
        for (b, block) in stories.iter().enumerate() {
            labels.push(block.story.map_or("—".to_string(), |id| format!("S{id}")));
            let last = block.articles.len() - 1;
            for (k, &a) in block.articles.iter().enumerate() {
                order.push(a);
                blocks.push(BlockPlace {
                    block: b,
                    is_first: k == 0,
                    is_last: k == last,
                });
            }
        }
        let mut place = vec![None; articles.len()];
        for (p, &a) in order.iter().enumerate() {
            place[a] = Some(p);
        }
        let has_stories = stories.iter().any(|b| b.story.is_some());
        let story_width = if has_stories {
            labels.iter().map(|l| width(l)).max().unwrap_or(0) as u16
        } else {
            0
        };
        let ids = short_ids(articles);
        let outlets: Vec<Option<String>> = articles.iter().map(label::outlet).collect();
        let digits = order.len().max(1).to_string().len() as u16;
        let label_width = order
            .iter()
            .map(|&a| {
                digits as usize
                    + 1
                    + width(&ids[a])
                    + outlets[a].as_deref().map_or(0, |o| 1 + width(o))
            })
            .max()
            .unwrap_or(0) as u16
            + if story_width > 0 { story_width + 1 } else { 0 };
        MatrixState {
            story_labels: labels,
            order,
            place,
            blocks,
            story_width,
            ids,
            outlets,
            total: articles.len(),
            filter: sanitize(filter.trim()).into_owned(),
            index: Arc::clone(context.index),
            row: 0,
            column: usize::from(shown.len() > 1),
            row_offset: 0,
            column_offset: 0,
            cell: (digits + 1).max(4),
            label_width,
            notice: None,
            theme,
            area: Rect::default(),
        }
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.scroll_to_selection();
    }

    fn layout(&self, area: Rect) -> MatrixLayout {
        // A cell of margin on the left, as the lists have.
        let margin = u16::from(area.width >= 2);
        let area = Rect {
            x: area.x + margin,
            width: area.width - margin,
            ..area
        };
        // Room for at most two fifths of the screen, so that cells keep the rest.
        let cap = (area.width * 2 / 5).max(self.digits() + 1);
        MatrixLayout::new(area, self.label_width.min(cap), self.cell + 1)
    }

    fn digits(&self) -> u16 {
        self.order.len().max(1).to_string().len() as u16
    }

    fn len(&self) -> usize {
        self.order.len()
    }

    /// The selected cell: (row article, column article), corpus indices.
    pub fn selected(&self) -> (usize, usize) {
        (
            self.order.get(self.row).copied().unwrap_or(0),
            self.order.get(self.column).copied().unwrap_or(0),
        )
    }

    /// The corpus indices of the articles shown, in the order of the rows.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The places in `order` of the articles `row` (a place) shares text with, in order.
    fn shared_places(&self, row: usize) -> Vec<usize> {
        let Some(&article) = self.order.get(row) else {
            return Vec::new();
        };
        let mut places: Vec<usize> = self
            .overlap()
            .others(article)
            .filter_map(|other| self.place.get(other).copied().flatten())
            .collect();
        places.sort_unstable();
        places
    }

    fn select(&mut self, row: usize, column: usize) {
        let last = self.len().saturating_sub(1);
        self.row = row.min(last);
        self.column = column.min(last);
        self.scroll_to_selection();
    }

    fn scroll_to_selection(&mut self) {
        let layout = self.layout(self.area);
        let keep = |selected: usize, offset: &mut usize, visible: usize, len: usize| {
            let visible = visible.max(1);
            if selected < *offset {
                *offset = selected;
            } else if selected >= *offset + visible {
                *offset = selected + 1 - visible;
            }
            *offset = (*offset).min(len.saturating_sub(visible));
        };
        let len = self.len();
        keep(self.row, &mut self.row_offset, layout.visible_rows(), len);
        keep(
            self.column,
            &mut self.column_offset,
            layout.visible_columns(),
            len,
        );
    }

    /// Applies a key's action; returns a follow-up for the app (open a comparison).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.notice = None;
        let page = self.layout(self.area).visible_rows().max(1);
        let (row, column) = (self.row, self.column);
        match action {
            Action::MoveDown => self.select(row + 1, column),
            Action::MoveUp => self.select(row.saturating_sub(1), column),
            Action::MoveRight => self.select(row, column + 1),
            Action::MoveLeft => self.select(row, column.saturating_sub(1)),
            Action::MoveToTop => self.select(0, column),
            Action::MoveToBottom => self.select(usize::MAX, column),
            Action::PageDown => self.select(row.saturating_add(page), column),
            Action::PageUp => self.select(row.saturating_sub(page), column),
            Action::HalfPageDown => self.select(row.saturating_add(page / 2), column),
            Action::HalfPageUp => self.select(row.saturating_sub(page / 2), column),
            Action::NextPassage => self.next_shared(true),
            Action::PreviousPassage => self.next_shared(false),
            Action::Compare | Action::OpenArticle => return self.compare(),
            _ => {}
        }
        None
    }

    /// Selects the next (or previous) cell with shared text, row by row: in a large corpus
    /// most cells are empty.
    fn next_shared(&mut self, forward: bool) {
        let n = self.len();
        let (row, column) = (self.row, self.column);
        let found = if forward {
            let here = self
                .shared_places(row)
                .into_iter()
                .find(|&c| c > column)
                .map(|c| (row, c));
            here.or_else(|| {
                (row + 1..n).find_map(|r| self.shared_places(r).first().map(|&c| (r, c)))
            })
        } else {
            let here = self
                .shared_places(row)
                .into_iter()
                .rfind(|&c| c < column)
                .map(|c| (row, c));
            here.or_else(|| {
                (0..row)
                    .rev()
                    .find_map(|r| self.shared_places(r).last().map(|&c| (r, c)))
            })
        };
        match found {
            Some((r, c)) => self.select(r, c),
            None => self.notice = Some("No more cells with shared text this way."),
        }
    }

    /// The comparison of the selected cell's two articles; none on the diagonal.
    fn compare(&mut self) -> Option<Action> {
        if self.row == self.column {
            self.notice = Some("An article on the diagonal is not compared with itself.");
        }
        let (left, right) = self.selected();
        (self.row != self.column && self.column < self.len()).then_some(Action::CompareArticles {
            left: ArticleIdx(left),
            right: ArticleIdx(right),
        })
    }

    /// What a click at `position` asks for: a click selects a cell (or a row by its label,
    /// or a column by its number); a click on the selected cell compares its articles.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let layout = self.layout(self.area);
        let column_at = |x: u16| {
            let index = self.column_offset + usize::from((x - layout.cells.x) / layout.stride);
            (index < self.len() && index < self.column_offset + layout.visible_columns())
                .then_some(index)
        };
        let row_at = |y: u16| {
            let index = self.row_offset + usize::from(y - layout.cells.y);
            (index < self.len()).then_some(index)
        };
        if layout.cells.contains(position) {
            let (row, column) = (row_at(position.y)?, column_at(position.x)?);
            if (row, column) == (self.row, self.column) {
                return self.compare();
            }
            self.select(row, column);
        } else if layout.labels.contains(position) {
            let row = row_at(position.y)?;
            self.select(row, self.column);
        } else if layout.header.contains(position) {
            let column = column_at(position.x)?;
            self.select(self.row, column);
        }
        None
    }

    /// The right end of the status line: "003 × 004 · 34% of 003 · 28% of 004 ".
    pub fn status(&self) -> String {
        if let Some(notice) = self.notice {
            return format!("{notice} ");
        }
        if self.order.is_empty() {
            return String::new();
        }
        let (a, b) = self.selected();
        let (Some(row), Some(column)) = (self.ids.get(a), self.ids.get(b)) else {
            return String::new();
        };
        if self.row == self.column {
            return format!("{row} ");
        }
        let percent = |share: f32| (share * 100.0).round() as u32;
        format!(
            "{row} × {column} · {}% of {row} · {}% of {column} ",
            percent(self.overlap().share(a, b)),
            percent(self.overlap().share(b, a)),
        )
    }

    /// "12 of 612 articles, filter: “iran” · in story blocks, most articles first, each by date".
    fn render_title(&self, area: Rect, buf: &mut Buffer) {
        let shown = self.len();
        let count = if self.filter.is_empty() {
            format!("{shown} article{}", if shown == 1 { "" } else { "s" })
        } else {
            format!(
                "{shown} of {} articles, filter: “{}”",
                self.total, self.filter
            )
        };
        let short_count = if self.filter.is_empty() {
            count.clone()
        } else {
            format!("{shown} of {}, “{}”", self.total, self.filter)
        };
        let (order, short_order) = if self.story_width > 0 {
            (
                "in story blocks, most articles first, each by date",
                "by story, then date",
            )
        } else {
            ("by date (no stories among them)", "by date")
        };
        let dim = self.theme.dim();
        let variants = [
            (count.as_str(), order),
            (count.as_str(), short_order),
            (short_count.as_str(), short_order),
            (short_count.as_str(), ""),
        ]
        .into_iter()
        .map(|(count, order)| {
            let mut spans = vec![Span::styled(count.to_string(), self.theme.text())];
            if !order.is_empty() {
                spans.push(Span::styled(format!(" · {order}"), dim));
            }
            Line::from(spans)
        })
        .collect();
        let line = fit_line(variants, usize::from(area.width));
        buf.set_line(area.x, area.y, &line, area.width);
    }

    fn render_header(&self, layout: &MatrixLayout, buf: &mut Buffer) {
        if layout.header.is_empty() {
            return;
        }
        let y = layout.header.y;
        if layout.labels.width > 0 {
            let story = if self.story_width > 0 {
                " ".repeat(usize::from(self.story_width) + 1)
            } else {
                String::new()
            };
            let heading = format!("{story}Article");
            let label = truncate(&heading, usize::from(layout.labels.width));
            buf.set_stringn(
                layout.labels.x,
                y,
                &label,
                usize::from(layout.labels.width),
                self.theme.header(),
            );
        }
        let columns = (self.column_offset..self.len()).take(layout.visible_columns());
        for (k, column) in columns.enumerate() {
            let x = layout.cells.x + k as u16 * layout.stride;
            let text = format!("{:>w$} ", column + 1, w = usize::from(self.cell) - 1);
            let style = if column == self.column {
                self.theme.selection()
            } else {
                self.theme.header()
            };
            buf.set_stringn(x, y, &text, usize::from(self.cell), style);
            self.render_bar(column, x, y, buf);
        }
    }

    /// The bar after the last column of a story block, in the gap before the next column.
    fn render_bar(&self, column: usize, x: u16, y: u16, buf: &mut Buffer) {
        let ends_block = self.story_width > 0
            && column + 1 < self.len()
            && self.blocks.get(column).is_some_and(|b| b.is_last);
        if ends_block {
            buf.set_stringn(x + self.cell, y, "│", 1, self.theme.dim());
        }
    }

    /// The label of the row at place `row`: its story (on the block's first row and on the
    /// top row on screen), its number, id and outlet.
    fn render_label(&self, row: usize, area: Rect, buf: &mut Buffer) {
        let digits = usize::from(self.digits());
        let article = self.order[row];
        let is_selected = row == self.row;
        let base = if is_selected {
            self.theme.selection()
        } else {
            self.theme.text()
        };
        let dim = if is_selected { base } else { self.theme.dim() };
        let mut head = String::new();
        if self.story_width > 0 {
            let place = self.blocks[row];
            let story = if place.is_first || row == self.row_offset {
                self.story_labels[place.block].as_str()
            } else {
                ""
            };
            head.push_str(&format!("{story:<w$} ", w = usize::from(self.story_width)));
        }
        head.push_str(&format!("{:>digits$} ", row + 1));
        let mut spans = vec![
            Span::styled(head.clone(), dim),
            Span::styled(self.ids[article].as_str(), base),
        ];
        if let Some(outlet) = &self.outlets[article] {
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(outlet.as_str(), dim));
        }
        let line = Line::from(spans);
        let w = usize::from(area.width);
        buf.set_style(area, base);
        if line.width() > w {
            // Keep the story and the number, and cut the rest with an ellipsis.
            let rest: String = line.spans[1..].iter().map(|s| s.content.as_ref()).collect();
            let cut = truncate(&rest, w.saturating_sub(width(&head)));
            let line = Line::from(vec![Span::styled(head, dim), Span::styled(cut, base)]);
            buf.set_line(area.x, area.y, &line, area.width);
        } else {
            buf.set_line(area.x, area.y, &line, area.width);
        }
    }

    fn render_cells(&self, layout: &MatrixLayout, buf: &mut Buffer) {
        let rows = (self.row_offset..self.len()).take(layout.visible_rows());
        for (y, row) in (layout.cells.y..).zip(rows) {
            let row_article = self.order[row];
            if layout.labels.width > 0 {
                self.render_label(
                    row,
                    Rect {
                        y,
                        height: 1,
                        ..layout.labels
                    },
                    buf,
                );
            }
            let columns = (self.column_offset..self.len()).take(layout.visible_columns());
            for (k, column) in columns.enumerate() {
                let x = layout.cells.x + k as u16 * layout.stride;
                let (text, mut style) = if row == column {
                    (
                        format!("{:>w$} ", "—", w = usize::from(self.cell) - 1),
                        self.theme.dim(),
                    )
                } else {
                    let share = self.overlap().share(row_article, self.order[column]);
                    (
                        cell_text(share, usize::from(self.cell)),
                        self.theme.heat(share),
                    )
                };
                if (row, column) == (self.row, self.column) {
                    // Underlined too, so that it stands out from reversed hot cells without
                    // colour.
                    style = self.theme.selection().add_modifier(Modifier::UNDERLINED);
                }
                buf.set_stringn(x, y, &text, usize::from(self.cell), style);
                self.render_bar(column, x, y, buf);
            }
            // A line under the last row of a story block (not under the last row of all).
            let ends_block = self.story_width > 0
                && row + 1 < self.len()
                && self.blocks.get(row).is_some_and(|b| b.is_last);
            if ends_block {
                let line = Rect {
                    y,
                    height: 1,
                    ..layout.labels.union(layout.cells)
                };
                buf.set_style(line, Style::new().add_modifier(Modifier::UNDERLINED));
            }
        }
    }

    /// "Share of the row's text aligned with the column's:  <10%  10–39%  40%+".
    fn render_legend(&self, area: Rect, buf: &mut Buffer) {
        let dim = self.theme.dim();
        let samples = [
            Span::styled(" <10% ", self.theme.heat(0.05)),
            Span::styled(" ", dim),
            Span::styled(" 10–39% ", self.theme.heat(0.2)),
            Span::styled(" ", dim),
            Span::styled(" 40%+ ", self.theme.heat(0.5)),
        ];
        let variants = [
            (
                "Share of the row's text aligned with the column's: ",
                "  · none  — itself",
            ),
            ("Share of the row aligned with the column: ", ""),
            ("", ""),
        ]
        .into_iter()
        .map(|(lead, tail)| {
            let mut spans = vec![Span::styled(lead, dim)];
            spans.extend(samples.iter().cloned());
            spans.push(Span::styled(tail, dim));
            Line::from(spans)
        })
        .collect();
        let line = fit_line(variants, usize::from(area.width));
        buf.set_line(area.x, area.y, &line, area.width);
    }
}

screen_state!(MatrixState, Matrix, "Overlap", wheel = Row);

impl Widget for &MatrixState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.order.is_empty() {
            let message = if self.total == 0 {
                "No articles.".to_string()
            } else {
                format!("No article matches the library's filter “{}”.", self.filter)
            };
            render_empty(area, buf, &message, self.theme.dim());
            return;
        }
        let layout = self.layout(area);
        if let Some(title) = layout.title {
            self.render_title(title, buf);
        }
        self.render_header(&layout, buf);
        self.render_cells(&layout, buf);
        if let Some(legend) = layout.legend {
            // Right under the last row, not far down a tall screen.
            let shown = (self.len() - self.row_offset).min(layout.visible_rows()) as u16;
            let y = legend.y.min(layout.cells.y + shown + 1);
            self.render_legend(Rect { y, ..legend }, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_show_rounded_percentages() {
        assert_eq!(cell_text(0.0, 4), "  · ");
        assert_eq!(cell_text(0.001, 4), " <1 ");
        assert_eq!(cell_text(0.344, 4), " 34 ");
        assert_eq!(cell_text(1.0, 4), "100 ");
        assert_eq!(cell_text(0.5, 6), "   50 ");
    }

    #[test]
    fn the_layout_fits_any_area() {
        for w in 0..30u16 {
            for h in 0..8u16 {
                let area = Rect::new(0, 0, w, h);
                let layout = MatrixLayout::new(area, 25, 5);
                for r in [layout.header, layout.labels, layout.cells]
                    .into_iter()
                    .chain(layout.title)
                {
                    assert!(r.right() <= w && r.bottom() <= h, "{r:?} in {w}×{h}");
                }
                assert!(layout.cells.x >= layout.labels.right());
            }
        }
    }
}
