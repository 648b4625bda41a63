//! The reader: one article's metadata and text, wrapped to the window and scrolled.
//!
//! Wrapping happens when the article, the width or the raw/clean choice changes
//! ([`ReaderState::relayout`]), never while drawing: `render` only copies the cached lines
//! on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::corpus::Article;
use crate::tui::text::{sanitize, truncate, width, wrap};
use crate::tui::theme::Theme;

/// Lines wider than this are hard to read; wider windows centre a column of this width.
const MAX_TEXT_WIDTH: u16 = 100;

/// At most this many lines of a long title are shown; the rest is cut with an ellipsis.
const MAX_TITLE_LINES: usize = 2;

/// Where each part of the reader goes; shared by [`ReaderState::relayout`] and rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReaderLayout {
    /// The title's lines (one rect, `title_lines` high).
    pub title: Rect,
    pub byline: Rect,
    pub path: Rect,
    /// The rule under the header, carrying the RAW marker, position and scroll percentage.
    pub rule: Rect,
    pub text: Rect,
}

impl ReaderLayout {
    /// Lays out a reader in `area` for a title of `title_lines` lines. On short windows the
    /// header shrinks to one title line and the rule, then to nothing, so text stays visible.
    pub fn new(area: Rect, title_lines: u16) -> ReaderLayout {
        let column_width = if area.width > 2 {
            (area.width - 2).min(MAX_TEXT_WIDTH)
        } else {
            area.width
        };
        let column = Rect {
            x: area.x + (area.width - column_width) / 2,
            width: column_width,
            ..area
        };
        let full_header = title_lines + 3;
        let (title_h, byline_h, path_h, rule_h) = if area.height >= full_header + 3 {
            (title_lines, 1, 1, 1)
        } else if area.height >= 4 {
            (1, 0, 0, 1)
        } else {
            (0, 0, 0, 0)
        };
        let mut y = area.y;
        let mut take = |h: u16, rect: Rect| {
            let r = Rect {
                y,
                height: h,
                ..rect
            };
            y += h;
            r
        };
        let title = take(title_h, column);
        let byline = take(byline_h, column);
        let path = take(path_h, column);
        let rule = take(rule_h, column);
        let text = Rect {
            y,
            height: area.bottom() - y,
            ..column
        };
        ReaderLayout {
            title,
            byline,
            path,
            rule,
            text,
        }
    }
}

/// The reader screen's state: one article, its wrapped lines and the scroll position.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The article's index in the corpus.
    article: usize,
    /// The article's position in the library's list, and the list's length: "2/5".
    position: (usize, usize),
    title: String,
    byline: String,
    path: String,
    /// The text as loaded (sanitised by `wrap`).
    text: String,
    raw: String,
    is_raw: bool,
    area: Rect,
    title_lines: Vec<String>,
    /// `text` or `raw` wrapped to `wrap_width`.
    lines: Vec<String>,
    wrap_width: usize,
    /// The first line on screen.
    scroll: usize,
    theme: Theme,
}

impl ReaderState {
    pub fn new(article: &Article, index: usize, position: (usize, usize), theme: Theme) -> Self {
        let meta = &article.meta;
        let field = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| sanitize(s).into_owned())
        };
        let title = field(&meta.title).unwrap_or_else(|| sanitize(&article.id).into_owned());
        let mut byline: Vec<String> = Vec::new();
        byline.extend(field(&meta.outlet));
        byline.extend(field(&meta.date));
        byline.extend(field(&meta.author).map(|a| format!("by {a}")));
        byline.push(format!("{} words", article.words));
        let mut path = sanitize(&article.path.display().to_string()).into_owned();
        if let Some(url) = field(&meta.url) {
            path.push_str(" · ");
            path.push_str(&url);
        }
        ReaderState {
            article: index,
            position,
            title,
            byline: byline.join(" · "),
            path,
            text: article.text.clone(),
            raw: article.raw.clone(),
            is_raw: false,
            area: Rect::default(),
            title_lines: Vec::new(),
            lines: Vec::new(),
            wrap_width: 0,
            scroll: 0,
            theme,
        }
    }

    /// The corpus index of the article shown.
    pub fn article(&self) -> usize {
        self.article
    }

    /// Returns true if and only if the text before cleaning is shown.
    pub fn is_raw(&self) -> bool {
        self.is_raw
    }

    /// Re-wraps for a new area (a resize, or the first layout), keeping the reading position
    /// at the same fraction of the text.
    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.title_lines = title_lines(
            &self.title,
            usize::from(area.width.saturating_sub(2).max(1)),
        );
        let width = usize::from(self.layout().text.width);
        if width != self.wrap_width {
            let old_total = self.lines.len().max(1);
            self.rewrap(width);
            self.scroll = self.scroll * self.lines.len() / old_total;
        }
        self.clamp_scroll();
    }

    fn rewrap(&mut self, width: usize) {
        let source = if self.is_raw { &self.raw } else { &self.text };
        self.lines = wrap(source, width);
        self.wrap_width = width;
    }

    fn layout(&self) -> ReaderLayout {
        ReaderLayout::new(self.area, self.title_lines.len().max(1) as u16)
    }

    /// Switches between the cleaned text and the raw text, from the top.
    pub fn toggle_raw(&mut self) {
        self.is_raw = !self.is_raw;
        self.rewrap(self.wrap_width);
        self.scroll = 0;
    }

    fn page_height(&self) -> usize {
        usize::from(self.layout().text.height).max(1)
    }

    pub fn half_page(&self) -> isize {
        (self.page_height() / 2).max(1) as isize
    }

    pub fn page(&self) -> isize {
        // Keep one line of context, as `less` does.
        self.page_height().saturating_sub(1).max(1) as isize
    }

    fn max_scroll(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(usize::from(self.layout().text.height))
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
    }

    pub fn scroll_to_top(&mut self) {
        self.scroll = 0;
    }

    pub fn scroll_to_bottom(&mut self) {
        self.scroll = self.max_scroll();
    }

    /// How far through the text the window is: "All" when it all fits, else 0% to 100%.
    pub fn percent(&self) -> String {
        match self.max_scroll() {
            0 => "All".to_string(),
            max => format!("{}%", self.scroll * 100 / max),
        }
    }

    fn render_rule(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let dim = self.theme.dim();
        let mut right: Vec<Span> = Vec::new();
        if self.is_raw {
            right.push(Span::styled(" RAW ", self.theme.raw_marker()));
            right.push(Span::styled("─", dim));
        }
        let (index, total) = self.position;
        right.push(Span::styled(format!(" {}/{} ", index + 1, total), dim));
        right.push(Span::styled("─", dim));
        right.push(Span::styled(format!(" {} ", self.percent()), dim));
        right.push(Span::styled("─", dim));
        let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
        let fill = usize::from(area.width).saturating_sub(right_width);
        let mut spans = vec![Span::styled("─".repeat(fill), dim)];
        spans.extend(right);
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

/// The title wrapped to at most [`MAX_TITLE_LINES`] lines, the last cut with an ellipsis if
/// the title is longer.
fn title_lines(title: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(title, width);
    if lines.len() > MAX_TITLE_LINES {
        let rest = lines.split_off(MAX_TITLE_LINES - 1).join(" ");
        lines.push(truncate(&rest, width).into_owned());
    }
    lines
}

impl Widget for &ReaderState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        // `area` is the one laid out for, except while a resize is on its way to `update`.
        let computed;
        let title_lines: &[String] = if area == self.area {
            &self.title_lines
        } else {
            computed = title_lines(
                &self.title,
                usize::from(area.width.saturating_sub(2).max(1)),
            );
            &computed
        };
        let layout = ReaderLayout::new(area, title_lines.len().max(1) as u16);
        for (y, line) in (layout.title.y..layout.title.bottom()).zip(title_lines) {
            buf.set_stringn(
                layout.title.x,
                y,
                line,
                usize::from(layout.title.width),
                self.theme.accent(),
            );
        }
        if !layout.byline.is_empty() {
            let byline = truncate(&self.byline, usize::from(layout.byline.width));
            buf.set_stringn(
                layout.byline.x,
                layout.byline.y,
                &byline,
                usize::MAX,
                self.theme.text(),
            );
        }
        if !layout.path.is_empty() {
            let path = truncate(&self.path, usize::from(layout.path.width));
            buf.set_stringn(
                layout.path.x,
                layout.path.y,
                &path,
                usize::MAX,
                self.theme.dim(),
            );
        }
        self.render_rule(layout.rule, buf);

        let text = layout.text;
        if self.lines.is_empty() && text.height > 0 {
            let empty = if self.is_raw {
                "(no raw text)"
            } else {
                "(no text left after cleaning)"
            };
            buf.set_stringn(
                text.x,
                text.y,
                empty,
                usize::from(text.width),
                self.theme.dim(),
            );
        }
        let visible = self
            .lines
            .iter()
            .skip(self.scroll)
            .take(usize::from(text.height));
        for (y, line) in (text.y..).zip(visible) {
            buf.set_stringn(text.x, y, line, usize::from(text.width), self.theme.text());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Metadata};
    use pretty_assertions::assert_eq;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            path: "a.txt".into(),
            format: Format::Text,
            meta: Metadata {
                title: Some("Title".into()),
                ..Metadata::default()
            },
            raw: format!("RAW {text}"),
            text: text.into(),
            words: 2,
        }
    }

    #[test]
    fn layout_fits_in_any_area() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (60, 18), (80, 22), (300, 100)] {
            let area = Rect::new(0, 1, w, h);
            let layout = ReaderLayout::new(area, 2);
            for part in [
                layout.title,
                layout.byline,
                layout.path,
                layout.rule,
                layout.text,
            ] {
                assert_eq!(area.union(part), area, "{part:?} outside {area:?}");
            }
        }
        assert_eq!(
            ReaderLayout::new(Rect::new(0, 0, 80, 22), 1).text,
            Rect::new(1, 4, 78, 18)
        );
        assert_eq!(
            ReaderLayout::new(Rect::new(0, 0, 300, 5), 1).text,
            Rect::new(100, 2, 100, 3)
        );
    }

    #[test]
    fn scrolls_within_the_text_and_reports_percent() {
        let text: Vec<String> = (0..40).map(|i| format!("paragraph {i}")).collect();
        let mut state = ReaderState::new(&article(&text.join("\n\n")), 0, (0, 1), Theme::default());
        state.relayout(Rect::new(0, 0, 40, 14)); // header 4 rows, text 10
        assert_eq!(state.lines.len(), 79);
        assert_eq!(state.percent(), "0%");
        state.scroll_by(1000);
        assert_eq!((state.scroll, state.percent().as_str()), (69, "100%"));
        state.scroll_by(-1000);
        assert_eq!(state.scroll, 0);
        state.scroll_by(state.page());
        assert_eq!(state.scroll, 9);
        state.toggle_raw();
        assert!(state.is_raw());
        assert_eq!(state.lines[0], "RAW paragraph 0");
        assert_eq!(state.scroll, 0);
    }

    #[test]
    fn a_short_text_is_all_on_screen() {
        let mut state = ReaderState::new(&article("one line"), 0, (0, 1), Theme::default());
        state.relayout(Rect::new(0, 0, 40, 14));
        assert_eq!(state.percent(), "All");
        state.scroll_by(5);
        assert_eq!(state.scroll, 0);
    }

    #[test]
    fn long_titles_take_two_lines_at_most() {
        assert_eq!(
            title_lines("one two three four five six", 9),
            ["one two", "three fo…"]
        );
        assert_eq!(title_lines("one two", 9), ["one two"]);
    }
}
