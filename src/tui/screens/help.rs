//! Popup windows over the current screen: the help (the keys of the screen, generated from
//! the keymap) and the list of skipped files. Both are scrollable lists of lines, built
//! when the window opens and fitted (wrapped into rows) to the window's width on relayout.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use crate::corpus::LoadWarning;
use crate::display::layout::Mark;
use crate::display::text::{sanitize, width, wrap};
use crate::tui::keymap::{Keymap, Scope};
use crate::tui::theme::Theme;

/// The widest the window gets: room for keys and a one-line description.
const MAX_POPUP_WIDTH: u16 = 76;

/// Cells between the border and the content, on each side.
const PADDING: u16 = 1;

/// One line of a popup: as built, or (after `fit`) as one row on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupLine {
    Heading(String),
    /// Keys in the first column, a description after it.
    Entry {
        keys: String,
        description: String,
    },
    /// A line of secondary text, indented.
    Note(String),
    /// A word as the screens show it (in their style) and what it means.
    Term {
        term: String,
        style: TermStyle,
        description: String,
    },
    Blank,
}

/// How a term of the glossary is drawn: as the screens draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermStyle {
    Plain,
    Mark(Mark),
    Dim,
    Shared,
}

/// What the screens show, in their words: each term with its meaning. The colours are
/// drawn in the theme's styles, so the help describes what the screen does.
#[rustfmt::skip]
const GLOSSARY: &[(&str, TermStyle, &str)] = &[
    ("left only", TermStyle::Mark(Mark::Deleted), "Compare: words only the left article has (red; [-…-] without colour). In a group: words of the reference that this wording lacks."),
    ("right only", TermStyle::Mark(Mark::Inserted), "Compare: words only the right article has (green; {+…+} without colour). In a group: words not in the reference."),
    ("reworded", TermStyle::Mark(Mark::ReplacedLeft), "Words each side puts differently, at the same place (yellow)."),
    ("dim text", TermStyle::Dim, "Text aligned with nothing in the other article."),
    ("▌ gutter", TermStyle::Shared, "Reader: a line that other articles say too."),
    ("verbatim", TermStyle::Plain, "A passage two articles share word for word, or nearly: copied text."),
    ("paraphrase 0.41", TermStyle::Plain, "A passage two articles say in different words. The score (0 to 1, also on verbatim passages) is how surely both say the same thing: 0.41 is a loose rewording, 0.9 a close one."),
    ("moved from right ¶2", TermStyle::Plain, "The right article has this passage in its paragraph 2, out of the left article's order; the right column keeps a placeholder where it stood."),
    ("shared passage", TermStyle::Plain, "A passage several articles carry (a group): p lists them, most outlets first."),
    ("reference", TermStyle::Plain, "In a group, the wording the others are compared with: the earliest dated, else the longest."),
    ("Shared %", TermStyle::Plain, "Library: the share of an article's text that other articles say too."),
    ("story", TermStyle::Plain, "Articles about one event (t lists them): the event clusters and the copy families among them, joined."),
    ("Keeps 87%", TermStyle::Plain, "Story: the share of the earliest copy's words this copy keeps, in order; Added and Dropped: the words it adds or rewords, and leaves out. Outside families (—): the share of the story's earliest article this one lines up with, in any words."),
    ("●·····", TermStyle::Plain, "Story: a time axis from the story's first day to its last; the dot is the day this copy came out."),
    ("copy", TermStyle::Plain, "An article whose text is another's, whole or nearly: wire copy that several outlets ran."),
    ("family", TermStyle::Plain, "The copies of one text; the earliest dated is the first seen in these articles."),
    ("altered quote", TermStyle::Plain, "A quotation whose words differ between the articles that carry it: a changed word inside quotation marks."),
];

/// Wraps `lines` into rows of `width` cells: long headings and notes over several rows,
/// an entry's keys and description each in their own column. Returns the rows and the
/// width of the key column (at most half the width, so descriptions keep room).
fn fit(lines: &[PopupLine], width: usize) -> (Vec<PopupLine>, usize) {
    let widest_keys = lines
        .iter()
        .filter_map(|l| match l {
            PopupLine::Entry { keys, .. } => Some(crate::display::text::width(keys)),
            PopupLine::Term { term, .. } => Some(crate::display::text::width(term)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let key_column = widest_keys.min(width / 2);
    let description_width = width.saturating_sub(key_column + 2);
    let mut rows = Vec::new();
    for line in lines {
        match line {
            PopupLine::Heading(text) => {
                rows.extend(wrap(text, width).into_iter().map(PopupLine::Heading));
            }
            PopupLine::Note(text) => {
                rows.extend(
                    wrap(text, width.saturating_sub(2))
                        .into_iter()
                        .map(PopupLine::Note),
                );
            }
            PopupLine::Blank => rows.push(PopupLine::Blank),
            PopupLine::Term {
                term,
                style,
                description,
            } => {
                let terms = wrap(term, key_column);
                let description = wrap(description, description_width);
                for i in 0..terms.len().max(description.len()) {
                    rows.push(PopupLine::Term {
                        term: terms.get(i).cloned().unwrap_or_default(),
                        style: *style,
                        description: description.get(i).cloned().unwrap_or_default(),
                    });
                }
            }
            PopupLine::Entry { keys, description } => {
                let keys = wrap(keys, key_column);
                let description = wrap(description, description_width);
                for i in 0..keys.len().max(description.len()) {
                    rows.push(PopupLine::Entry {
                        keys: keys.get(i).cloned().unwrap_or_default(),
                        description: description.get(i).cloned().unwrap_or_default(),
                    });
                }
            }
        }
    }
    (rows, key_column)
}

/// A popup's state: its lines, the rows they make at the current width, and the scroll.
#[derive(Debug, Clone)]
pub struct HelpState {
    title: String,
    lines: Vec<PopupLine>,
    /// `lines` fitted to the popup's content width.
    rows: Vec<PopupLine>,
    /// The width of the key column in `rows`.
    key_column: usize,
    /// The first row on screen.
    scroll: usize,
    /// The area the popup is centred in.
    area: Rect,
    theme: Theme,
}

impl HelpState {
    fn new(title: String, lines: Vec<PopupLine>, theme: Theme) -> HelpState {
        HelpState {
            title,
            lines,
            rows: Vec::new(),
            key_column: 0,
            scroll: 0,
            area: Rect::default(),
            theme,
        }
    }

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
                    binding
                        .keys
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                lines.push(PopupLine::Entry {
                    keys,
                    description: binding.description.to_string(),
                });
            }
        }
        lines.push(PopupLine::Blank);
        lines.push(PopupLine::Heading("What the screens show".to_string()));
        for &(term, style, description) in GLOSSARY {
            lines.push(PopupLine::Term {
                term: term.to_string(),
                style,
                description: description.to_string(),
            });
        }
        HelpState::new(" Keys ".to_string(), lines, theme)
    }

    /// The files that were not loaded, each with its reason.
    pub fn skipped_files(warnings: &[LoadWarning], theme: Theme) -> HelpState {
        let mut lines = Vec::new();
        for warning in warnings {
            let path = warning.path.display().to_string();
            lines.push(PopupLine::Heading(sanitize(&path).into_owned()));
            lines.push(PopupLine::Note(sanitize(&warning.reason).into_owned()));
        }
        let title = match warnings.len() {
            1 => " 1 file skipped ".to_string(),
            n => format!(" {n} files skipped "),
        };
        HelpState::new(title, lines, theme)
    }

    /// The lines as built, before fitting.
    pub fn lines(&self) -> &[PopupLine] {
        &self.lines
    }

    /// Fits the lines to the popup's width in a new area (the terminal was resized).
    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        let content_width = usize::from(popup_width(area).saturating_sub(2 + 2 * PADDING));
        (self.rows, self.key_column) = fit(&self.lines, content_width);
        self.clamp_scroll();
    }

    /// The popup's rectangle, centred in `area`, no taller than its rows.
    fn popup_rect(&self, area: Rect) -> Rect {
        let width = popup_width(area);
        let content = u16::try_from(self.rows.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2);
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
        self.rows.len().saturating_sub(self.viewport_height())
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

    fn render_row(&self, row: &PopupLine, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        match row {
            PopupLine::Heading(text) => {
                buf.set_stringn(area.x, area.y, text, w, self.theme.accent());
            }
            PopupLine::Entry { keys, description } => {
                buf.set_stringn(area.x, area.y, keys, w, self.theme.key());
                let x = self.key_column + 2;
                if x < w {
                    buf.set_stringn(
                        area.x + x as u16,
                        area.y,
                        description,
                        w - x,
                        self.theme.text(),
                    );
                }
            }
            PopupLine::Term {
                term,
                style,
                description,
            } => {
                let style = match style {
                    TermStyle::Plain => self.theme.key(),
                    TermStyle::Mark(mark) => self.theme.mark(*mark),
                    TermStyle::Dim => self.theme.dim(),
                    TermStyle::Shared => self.theme.shared(),
                };
                buf.set_stringn(area.x, area.y, term, w, style);
                let x = self.key_column + 2;
                if x < w {
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
                    buf.set_stringn(area.x + 2, area.y, text, w - 2, self.theme.dim());
                }
            }
            PopupLine::Blank => {}
        }
    }
}

/// The popup's width in `area`: a margin of two cells each side when there is room.
fn popup_width(area: Rect) -> u16 {
    if area.width > 24 {
        (area.width - 4).min(MAX_POPUP_WIDTH)
    } else {
        area.width
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
        if self.rows.len() > shown && shown > 0 {
            let last = (self.scroll + shown).min(self.rows.len());
            let more = if last < self.rows.len() { " ↓" } else { "" };
            let position = format!(
                " {}–{} of {}{more} ",
                self.scroll + 1,
                last,
                self.rows.len()
            );
            if width(&position) + 2 <= usize::from(popup.width) {
                block = block.title_bottom(
                    Line::styled(position, self.theme.dim()).alignment(Alignment::Right),
                );
            }
        }
        block.render(popup, buf);
        let content = Rect {
            x: inner.x + PADDING.min(inner.width),
            width: inner.width.saturating_sub(2 * PADDING),
            ..inner
        };
        let visible = self.rows.iter().skip(self.scroll).take(shown);
        for (y, row) in (content.y..).zip(visible) {
            self.render_row(
                row,
                Rect {
                    y,
                    height: 1,
                    ..content
                },
                buf,
            );
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
            .bind(
                "reader",
                "toggle_raw",
                vec!["R".parse().unwrap(), "<F5>".parse().unwrap()],
            )
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
    fn fit_wraps_each_column_of_an_entry_within_the_width() {
        let lines = [
            PopupLine::Heading("Reader".into()),
            PopupLine::Entry {
                keys: "<Space> <PageDown> <C-f>".into(),
                description: "Scroll down a page".into(),
            },
            PopupLine::Entry {
                keys: "r".into(),
                description: "Show the raw text (before cleaning), or back".into(),
            },
            PopupLine::Note("no article text found in this file".into()),
        ];
        let (rows, key_column) = fit(&lines, 40);
        assert_eq!(key_column, 20);
        let entry = |k: &str, d: &str| PopupLine::Entry {
            keys: k.into(),
            description: d.into(),
        };
        assert_eq!(
            rows,
            [
                PopupLine::Heading("Reader".into()),
                entry("<Space> <PageDown>", "Scroll down a page"),
                entry("<C-f>", ""),
                entry("r", "Show the raw text"),
                entry("", "(before cleaning),"),
                entry("", "or back"),
                PopupLine::Note("no article text found in this file".into()),
            ]
        );
        // Nothing is lost on a wide window.
        let (rows, _) = fit(&lines, 76);
        assert_eq!(rows.len(), lines.len());
    }

    #[test]
    fn scrolling_stops_at_the_last_line() {
        let mut help = HelpState::keys(&Keymap::default(), &Scope::ALL, Theme::default());
        help.relayout(Rect::new(0, 0, 80, 12));
        help.scroll_to_bottom();
        assert_eq!(help.scroll, help.rows.len() - 10);
        help.scroll_by(5);
        assert_eq!(help.scroll, help.rows.len() - 10);
        help.scroll_by(-1000);
        assert_eq!(help.scroll, 0);
    }
}
