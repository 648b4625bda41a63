//! Popup windows over the current screen: the help (the keys of the screen, generated from
//! the keymap) and the list of skipped files. Both are scrollable lists of lines, built
//! once when the window opens.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use crate::corpus::LoadWarning;
use crate::tui::keymap::{Keymap, Scope};
use crate::tui::text::{sanitize, truncate, width};
use crate::tui::theme::Theme;

/// The widest the window gets: room for keys and a one-line description.
const MAX_POPUP_WIDTH: u16 = 76;

/// The key column never takes more than this; longer key lists are cut.
const MAX_KEY_WIDTH: usize = 28;

/// One line of a popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupLine {
    Heading(String),
    /// Keys (or a file path) in the first column, a description after it.
    Entry {
        keys: String,
        description: String,
    },
    /// A line of secondary text, indented.
    Note(String),
    Blank,
}

/// A popup's state: its lines and how far they are scrolled.
#[derive(Debug, Clone)]
pub struct HelpState {
    title: String,
    lines: Vec<PopupLine>,
    /// The width of the first column of entries.
    key_width: usize,
    scroll: usize,
    /// The area the popup is centred in.
    area: Rect,
    theme: Theme,
}

impl HelpState {
    /// The keys of `scopes` (the current screen, then `global`), as configured.
    pub fn keys(keymap: &Keymap, scopes: &[Scope], theme: Theme) -> HelpState {
        let mut lines = Vec::new();
        for &scope in scopes {
            if !lines.is_empty() {
                lines.push(PopupLine::Blank);
            }
            lines.push(PopupLine::Heading(scope.title().to_string()));
            for binding in keymap.bindings(scope) {
                let keys = if binding.keys.is_empty() {
                    "(none)".to_string()
                } else {
                    binding.keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
                };
                lines.push(PopupLine::Entry { keys, description: binding.description.to_string() });
            }
        }
        let key_width = lines
            .iter()
            .filter_map(|l| match l {
                PopupLine::Entry { keys, .. } => Some(width(keys)),
                _ => None,
            })
            .max()
            .unwrap_or(0)
            .min(MAX_KEY_WIDTH);
        HelpState {
            title: " Keys ".to_string(),
            lines,
            key_width,
            scroll: 0,
            area: Rect::default(),
            theme,
        }
    }

    /// The files that were not loaded, each with its reason.
    pub fn skipped_files(warnings: &[LoadWarning], theme: Theme) -> HelpState {
        let mut lines = Vec::new();
        for warning in warnings {
            lines.push(PopupLine::Heading(
                sanitize(&warning.path.display().to_string()).into_owned(),
            ));
            lines.push(PopupLine::Note(sanitize(&warning.reason).into_owned()));
        }
        let title = match warnings.len() {
            1 => " 1 file skipped ".to_string(),
            n => format!(" {n} files skipped "),
        };
        HelpState { title, lines, key_width: 0, scroll: 0, area: Rect::default(), theme }
    }

    /// The lines, for tests and for the app's title.
    pub fn lines(&self) -> &[PopupLine] {
        &self.lines
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.clamp_scroll();
    }

    /// The popup's rectangle, centred in `area`, no larger than its content.
    fn popup_rect(&self, area: Rect) -> Rect {
        let width =
            if area.width > 24 { (area.width - 4).min(MAX_POPUP_WIDTH) } else { area.width };
        let content = u16::try_from(self.lines.len()).unwrap_or(u16::MAX).saturating_add(2);
        let height = content.min(area.height);
        Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        }
    }

    fn viewport_height(&self) -> usize {
        usize::from(self.popup_rect(self.area).height.saturating_sub(2)).max(1)
    }

    fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.viewport_height())
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
    }

    pub fn page(&self) -> isize {
        self.viewport_height().saturating_sub(1).max(1) as isize
    }

    pub fn scroll_to_top(&mut self) {
        self.scroll = 0;
    }

    pub fn scroll_to_bottom(&mut self) {
        self.scroll = self.max_scroll();
    }

    fn render_line(&self, line: &PopupLine, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        match line {
            PopupLine::Heading(text) => {
                buf.set_stringn(area.x, area.y, truncate(text, w), w, self.theme.accent());
            }
            PopupLine::Entry { keys, description } => {
                let keys = truncate(keys, self.key_width.min(w));
                buf.set_stringn(area.x, area.y, &keys, w, self.theme.key());
                let x = self.key_width + 2;
                if x < w {
                    let description = truncate(description, w - x);
                    buf.set_stringn(
                        area.x + x as u16,
                        area.y,
                        description,
                        w - x,
                        self.theme.text(),
                    );
                }
            }
            PopupLine::Note(text) => {
                if w > 2 {
                    buf.set_stringn(
                        area.x + 2,
                        area.y,
                        truncate(text, w - 2),
                        w - 2,
                        self.theme.dim(),
                    );
                }
            }
            PopupLine::Blank => {}
        }
    }
}

impl Widget for &HelpState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let popup = self.popup_rect(area);
        if popup.is_empty() {
            return;
        }
        Clear.render(popup, buf);
        let mut block = Block::bordered()
            .border_style(self.theme.accent())
            .style(self.theme.text())
            .title(Line::styled(self.title.as_str(), self.theme.accent()));
        let inner = block.inner(popup);
        let shown = usize::from(inner.height);
        if self.lines.len() > shown && shown > 0 {
            let last = (self.scroll + shown).min(self.lines.len());
            let more = if last < self.lines.len() { " ↓" } else { "" };
            block = block.title_bottom(
                Line::styled(
                    format!(" {}–{} of {}{more} ", self.scroll + 1, last, self.lines.len()),
                    self.theme.dim(),
                )
                .alignment(Alignment::Right),
            );
        }
        block.render(popup, buf);
        let content = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        let visible = self.lines.iter().skip(self.scroll).take(shown);
        for (y, line) in (content.y..).zip(visible) {
            self.render_line(line, Rect { y, height: 1, ..content }, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn help_lists_the_configured_keys_of_each_scope() {
        let mut keymap = Keymap::default();
        keymap
            .bind("reader", "toggle_raw", vec!["R".parse().unwrap(), "<F5>".parse().unwrap()])
            .unwrap();
        keymap.bind("reader", "next_article", vec![]).unwrap();
        let help = HelpState::keys(&keymap, &[Scope::Reader, Scope::Global], Theme::default());
        let lines = help.lines();
        assert_eq!(lines[0], PopupLine::Heading("Reader".into()));
        assert!(lines.contains(&PopupLine::Entry {
            keys: "R <F5>".into(),
            description: "Show the raw text (before cleaning), or back".into()
        }));
        assert!(lines.contains(&PopupLine::Entry {
            keys: "(none)".into(),
            description: "Read the next article of the list".into()
        }));
        assert!(lines.contains(&PopupLine::Heading("Everywhere".into())));
        assert!(lines.contains(&PopupLine::Entry {
            keys: "q <C-c>".into(),
            description: "Quit crossread".into()
        }));
    }

    #[test]
    fn skipped_files_are_listed_with_sanitised_paths() {
        let warnings = [LoadWarning {
            path: "bad\x1b[2J.html".into(),
            reason: "binary data, not text".into(),
        }];
        let popup = HelpState::skipped_files(&warnings, Theme::default());
        assert_eq!(
            popup.lines(),
            [
                PopupLine::Heading("bad␛[2J.html".into()),
                PopupLine::Note("binary data, not text".into()),
            ]
        );
    }

    #[test]
    fn scrolling_stops_at_the_last_line() {
        let mut help = HelpState::keys(&Keymap::default(), &Scope::ALL, Theme::default());
        help.relayout(Rect::new(0, 0, 80, 12));
        help.scroll_to_bottom();
        assert_eq!(help.scroll, help.lines().len() - 10);
        help.scroll_by(5);
        assert_eq!(help.scroll, help.lines().len() - 10);
        help.scroll_by(-1000);
        assert_eq!(help.scroll, 0);
    }
}
