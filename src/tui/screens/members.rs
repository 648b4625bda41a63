//! Members stacked one under another, as the shared-passage and quote screens show them:
//! each a heading line and its text wrapped to the width (marked words kept in their
//! style), scrolled as one text, a click on any line of a member naming that member.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::display::layout::{self, lay_out, Unit};
use crate::tui::action::Action;
use crate::tui::screens::render_empty;
use crate::tui::theme::Theme;

/// A line of the stack.
#[derive(Debug, Clone)]
enum Row {
    /// The heading of a member (its index).
    Heading(usize),
    Text(layout::Line),
    Blank,
}

/// The laid-out stack and its scroll.
#[derive(Debug, Clone, Default)]
pub struct MemberStack {
    rows: Vec<Row>,
    /// The width `rows` were wrapped at (0: not yet).
    wrap_width: usize,
    scroll: usize,
    /// The scrolling part of the screen.
    area: Rect,
}

impl MemberStack {
    /// The scrolling part of a screen's `area`: all but its first line (a legend or a
    /// summary) when there are two rows.
    pub fn text_area(area: Rect) -> Rect {
        let top = u16::from(area.height >= 2);
        Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        }
    }

    /// Lays the members out for a screen's new `area` (wrapping their text again only when
    /// the width changed): each member's heading, then its units.
    pub fn relayout<'u>(
        &mut self,
        area: Rect,
        members: impl Iterator<Item = &'u [Unit]>,
        markers: bool,
    ) {
        self.area = MemberStack::text_area(area);
        let width = usize::from(self.area.width.saturating_sub(3)).max(1);
        if width != self.wrap_width {
            self.rows.clear();
            for (i, units) in members.enumerate() {
                if i > 0 {
                    self.rows.push(Row::Blank);
                }
                self.rows.push(Row::Heading(i));
                self.rows
                    .extend(lay_out(units, width, markers).into_iter().map(Row::Text));
            }
            self.wrap_width = width;
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.rows
            .len()
            .saturating_sub(usize::from(self.area.height))
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Applies a scrolling key; returns false for another key.
    pub fn update(&mut self, action: Action) -> bool {
        // Keep a line of context when paging, as `less` does.
        let page = usize::from(self.area.height)
            .max(1)
            .saturating_sub(1)
            .max(1) as isize;
        match action {
            Action::ScrollDown | Action::MoveDown => self.scroll_by(1),
            Action::ScrollUp | Action::MoveUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Action::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Action::ScrollToTop | Action::MoveToTop => self.scroll = 0,
            Action::ScrollToBottom | Action::MoveToBottom => self.scroll = self.max_scroll(),
            _ => return false,
        }
        true
    }

    /// The member whose heading or text is at `position`, if any.
    pub fn member_at(&self, position: Position) -> Option<usize> {
        if !self.area.contains(position) {
            return None;
        }
        let row = self.scroll + usize::from(position.y - self.area.y);
        // The nearest heading at or above the row.
        self.rows.get(..=row)?.iter().rev().find_map(|r| match r {
            Row::Heading(i) => Some(*i),
            _ => None,
        })
    }

    /// Draws a screen of members in `area`: its first line as `top` draws it (when there
    /// are two rows), then the lines on screen — a heading as `heading(member, width)`
    /// gives it (the bar's style and the line) after a bar in the margin that ties it to
    /// its text, the text indented, each run in its mark's style — or `empty` centred when
    /// there is no member.
    pub fn render<'h>(
        &self,
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
        empty: &str,
        top: impl FnOnce(Rect, &mut Buffer),
        heading: impl Fn(usize, usize) -> (Style, Line<'h>),
    ) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let text = MemberStack::text_area(area);
        if text.y > area.y {
            top(Rect { height: 1, ..area }, buf);
        }
        if self.rows.is_empty() {
            render_empty(text, buf, empty, theme.dim());
            return;
        }
        let visible = self
            .rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(text.height));
        for (y, row) in (text.y..).zip(visible) {
            match row {
                Row::Heading(i) => {
                    let w = text.width.saturating_sub(2);
                    let (bar, line) = heading(*i, usize::from(w));
                    buf.set_stringn(text.x, y, "▌", 1, bar);
                    buf.set_line(text.x + 2.min(text.width), y, &line, w);
                }
                Row::Text(line) => {
                    let x = text.x + 3.min(text.width);
                    let w = text.width.saturating_sub(3);
                    let spans: Vec<Span> = line
                        .runs
                        .iter()
                        .map(|(mark, t)| Span::styled(t.as_str(), theme.mark(*mark)))
                        .collect();
                    buf.set_line(x, y, &Line::from(spans), w);
                }
                Row::Blank => {}
            }
        }
    }
}
