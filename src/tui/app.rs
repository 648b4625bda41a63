//! The model: [`App`] holds the corpus and every screen's state; [`handle_event`] turns a
//! terminal event into an [`Action`] through the keymap of the current screen, and
//! [`App::update`] applies it. Drawing is elsewhere ([`super::ui::view`]) and reads only.

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect, Size};

use super::action::Action;
use super::keymap::{Key, Keymap, Scope};
use super::screens::help::HelpState;
use super::screens::library::{Column, Hit, LibraryState};
use super::screens::reader::ReaderState;
use super::theme::Theme;
use crate::corpus::Corpus;

/// Lines the reader and the help scroll per notch of the mouse wheel.
const WHEEL_LINES: isize = 3;

/// The screen under any popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
}

/// Which popup is open, if any: help toggles with its key, the skipped-files list does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopupKind {
    Help,
    SkippedFiles,
}

/// Where the title bar, the current screen and the status line go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppLayout {
    pub title: Rect,
    pub body: Rect,
    pub status: Rect,
}

impl AppLayout {
    /// The title bar and the status line take a row each when there is room for them and at
    /// least one row of screen: below 3 rows the status line goes first, then the title.
    pub fn new(area: Rect) -> AppLayout {
        let mut body = area;
        let mut title = Rect { height: 0, ..area };
        let mut status = Rect { y: area.bottom(), height: 0, ..area };
        if area.height >= 2 {
            status = Rect { y: area.bottom() - 1, height: 1, ..area };
            body.height -= 1;
        }
        if area.height >= 3 {
            title = Rect { height: 1, ..area };
            body.y += 1;
            body.height -= 1;
        }
        AppLayout { title, body, status }
    }
}

/// The whole interface's state.
#[derive(Debug)]
pub struct App {
    pub(super) corpus: Corpus,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) screen: Screen,
    pub(super) library: LibraryState,
    pub(super) reader: Option<ReaderState>,
    pub(super) popup: Option<(PopupKind, HelpState)>,
    /// A message for the status line, shown until the next key.
    pub(super) message: Option<String>,
    size: Size,
    is_running: bool,
}

impl App {
    pub fn new(corpus: Corpus, keymap: Keymap, theme: Theme) -> App {
        let library = LibraryState::new(&corpus.articles, theme);
        App {
            corpus,
            keymap,
            theme,
            screen: Screen::Library,
            library,
            reader: None,
            popup: None,
            message: None,
            size: Size::default(),
            is_running: true,
        }
    }

    /// Returns true until the user quits.
    pub fn is_running(&self) -> bool {
        self.is_running
    }

    /// The terminal size the screens are laid out for.
    pub fn size(&self) -> Size {
        self.size
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The keymap scope keys are looked up in first.
    pub fn scope(&self) -> Scope {
        if self.popup.is_some() {
            Scope::Help
        } else {
            match self.screen {
                Screen::Library if self.library.is_editing_filter() => Scope::Filter,
                Screen::Library => Scope::Library,
                Screen::Reader => Scope::Reader,
            }
        }
    }

    /// The scopes whose keys the help shows for the current screen, global last.
    fn help_scopes(&self) -> Vec<Scope> {
        match self.screen {
            Screen::Library => vec![Scope::Library, Scope::Filter, Scope::Global],
            Screen::Reader => vec![Scope::Reader, Scope::Global],
        }
    }

    fn layout(&self) -> AppLayout {
        AppLayout::new(Rect::new(0, 0, self.size.width, self.size.height))
    }

    /// Handles one terminal event the way the event loop does: the action it maps to, and
    /// the actions that one returns, until none is left.
    pub fn dispatch(&mut self, event: &Event) {
        let mut next = handle_event(self, event);
        if next.is_none() && self.popup.is_some() && matches!(event, Event::Key(_)) {
            // A key the window does not use closes it and acts on the screen beneath, so `q`
            // quits from the library and goes back from the reader, help open or not.
            self.popup = None;
            next = handle_event(self, event);
        }
        while let Some(action) = next {
            next = self.update(action);
        }
    }

    /// Applies one action; may return a follow-up action.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        match action {
            Action::Quit => self.is_running = false,
            Action::ShowHelp => self.toggle_help(),
            Action::Resize { width, height } => {
                self.size = Size { width, height };
                self.relayout();
            }
            Action::Wheel { is_down } => self.wheel(is_down),
            Action::Click { column, row } => return self.click(Position { x: column, y: row }),
            _ if self.popup.is_some() => self.update_popup(action),
            _ => match self.screen {
                Screen::Library => return self.update_library(action),
                Screen::Reader => self.update_reader(action),
            },
        }
        None
    }

    fn relayout(&mut self) {
        let body = self.layout().body;
        self.library.relayout(body);
        if let Some(reader) = &mut self.reader {
            reader.relayout(body);
        }
        if let Some((_, popup)) = &mut self.popup {
            popup.relayout(body);
        }
    }

    fn open_popup(&mut self, kind: PopupKind, mut popup: HelpState) {
        popup.relayout(self.layout().body);
        self.popup = Some((kind, popup));
    }

    fn toggle_help(&mut self) {
        if matches!(self.popup, Some((PopupKind::Help, _))) {
            self.popup = None;
        } else {
            let help = HelpState::keys(&self.keymap, &self.help_scopes(), self.theme);
            self.open_popup(PopupKind::Help, help);
        }
    }

    fn wheel(&mut self, is_down: bool) {
        let sign = if is_down { 1 } else { -1 };
        if let Some((_, popup)) = &mut self.popup {
            popup.scroll_by(sign * WHEEL_LINES);
            return;
        }
        match (self.screen, &mut self.reader) {
            (Screen::Reader, Some(reader)) => reader.scroll_by(sign * WHEEL_LINES),
            _ => self.library.move_by(sign),
        }
    }

    fn click(&mut self, position: Position) -> Option<Action> {
        if self.popup.is_some() || self.screen != Screen::Library {
            return None;
        }
        match self.library.hit(position)? {
            // A click on the selected row opens it, as a double click would.
            Hit::Row(index) if index == self.library.position().0 => {
                return Some(Action::OpenArticle)
            }
            Hit::Row(index) => self.library.move_to(index),
            Hit::Heading(column) => self.library.sort_by(column),
        }
        None
    }

    fn update_popup(&mut self, action: Action) {
        let Some((_, popup)) = &mut self.popup else { return };
        match action {
            Action::Close => self.popup = None,
            Action::ScrollDown => popup.scroll_by(1),
            Action::ScrollUp => popup.scroll_by(-1),
            Action::PageDown | Action::HalfPageDown => popup.scroll_by(popup.page()),
            Action::PageUp | Action::HalfPageUp => popup.scroll_by(-popup.page()),
            Action::ScrollToTop => popup.scroll_to_top(),
            Action::ScrollToBottom => popup.scroll_to_bottom(),
            _ => {}
        }
    }

    fn update_library(&mut self, action: Action) -> Option<Action> {
        let library = &mut self.library;
        match action {
            Action::MoveDown => library.move_by(1),
            Action::MoveUp => library.move_by(-1),
            Action::MoveToTop => library.move_to(0),
            Action::MoveToBottom => library.move_to_end(),
            Action::HalfPageDown => library.move_by(library.half_page()),
            Action::HalfPageUp => library.move_by(-library.half_page()),
            Action::PageDown => library.move_by(library.page()),
            Action::PageUp => library.move_by(-library.page()),
            Action::OpenArticle => self.open_selected(),
            Action::StartFilter => library.start_filter(),
            Action::ClearFilter | Action::CancelFilter => library.clear_filter(),
            Action::ConfirmFilter => library.confirm_filter(),
            Action::InsertChar(c) => library.push_filter_char(c),
            Action::DeleteChar => library.pop_filter_char(),
            Action::CycleSort => library.cycle_sort(),
            Action::ReverseSort => library.reverse_sort(),
            Action::ShowWarnings => {
                if self.corpus.warnings.is_empty() {
                    self.message = Some("No file was skipped.".to_string());
                } else {
                    let popup = HelpState::skipped_files(&self.corpus.warnings, self.theme);
                    self.open_popup(PopupKind::SkippedFiles, popup);
                }
            }
            Action::SortByOutlet => library.sort_by(Column::Outlet),
            Action::SortByDate => library.sort_by(Column::Date),
            Action::SortByTitle => library.sort_by(Column::Title),
            Action::SortByWords => library.sort_by(Column::Words),
            Action::SortById => library.sort_by(Column::Id),
            _ => {}
        }
        None
    }

    fn update_reader(&mut self, action: Action) {
        let Some(reader) = &mut self.reader else {
            self.screen = Screen::Library;
            return;
        };
        match action {
            Action::ScrollDown => reader.scroll_by(1),
            Action::ScrollUp => reader.scroll_by(-1),
            Action::HalfPageDown => reader.scroll_by(reader.half_page()),
            Action::HalfPageUp => reader.scroll_by(-reader.half_page()),
            Action::PageDown => reader.scroll_by(reader.page()),
            Action::PageUp => reader.scroll_by(-reader.page()),
            Action::ScrollToTop => reader.scroll_to_top(),
            Action::ScrollToBottom => reader.scroll_to_bottom(),
            Action::ToggleRaw => reader.toggle_raw(),
            Action::NextArticle | Action::PreviousArticle => {
                let is_next = action == Action::NextArticle;
                let (index, len) = self.library.position();
                if is_next && index + 1 < len {
                    self.library.move_by(1);
                    self.open_selected();
                } else if !is_next && index > 0 {
                    self.library.move_by(-1);
                    self.open_selected();
                } else {
                    let end = if is_next { "last" } else { "first" };
                    self.message = Some(format!("This is the {end} article of the list."));
                }
            }
            Action::GoBack => {
                self.screen = Screen::Library;
                self.reader = None;
            }
            _ => {}
        }
    }

    /// Opens the library's selected article in the reader.
    fn open_selected(&mut self) {
        let Some(index) = self.library.selected_article() else {
            self.message = Some("No article to open.".to_string());
            return;
        };
        let Some(article) = self.corpus.articles.get(index) else { return };
        let mut reader = ReaderState::new(article, index, self.library.position(), self.theme);
        reader.relayout(self.layout().body);
        self.reader = Some(reader);
        self.screen = Screen::Reader;
    }
}

/// The action a terminal event asks for on the current screen, if any.
///
/// A key is looked up in the current screen's bindings, then (in the filter prompt) typed
/// as text if it is a printable character, then looked up in the global bindings.
pub fn handle_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let key = Key::from_event(key);
            let scope = app.scope();
            if let Some(action) = app.keymap.action_for(scope, key) {
                return Some(action);
            }
            if scope == Scope::Filter {
                if let Some(c) = key.typed_char() {
                    return Some(Action::InsertChar(c));
                }
            }
            if scope == Scope::Help {
                // Left to `App::dispatch`, which closes the window and asks the screen beneath.
                return None;
            }
            app.keymap.action_for(Scope::Global, key)
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { is_down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { is_down: false }),
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Action::Click { column: mouse.column, row: mouse.row })
            }
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
        _ => None,
    }
}

/// Returns the key to show in a hint for a `global` binding on `scope`: its first key that
/// the screen does not take for itself.
pub fn global_key_on(keymap: &Keymap, scope: Scope, keys: &[Key]) -> Option<Key> {
    keys.iter().copied().find(|&k| {
        keymap.action_for(scope, k).is_none()
            && !(scope == Scope::Filter && k.typed_char().is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_gives_the_body_what_is_left() {
        let layout = AppLayout::new(Rect::new(0, 0, 80, 24));
        assert_eq!(layout.title, Rect::new(0, 0, 80, 1));
        assert_eq!(layout.body, Rect::new(0, 1, 80, 22));
        assert_eq!(layout.status, Rect::new(0, 23, 80, 1));
        let tiny = AppLayout::new(Rect::new(0, 0, 1, 1));
        assert_eq!((tiny.title.height, tiny.body.height, tiny.status.height), (0, 1, 0));
        let two = AppLayout::new(Rect::new(0, 0, 10, 2));
        assert_eq!((two.title.height, two.body.height, two.status.height), (0, 1, 1));
        let none = AppLayout::new(Rect::new(0, 0, 0, 0));
        assert_eq!(none.body.height, 0);
    }
}
