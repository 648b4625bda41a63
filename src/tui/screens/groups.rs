//! The shared passages: the groups of passages found in two or more articles, most
//! outlets first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// The shared-passages screen's state.
#[derive(Debug, Clone)]
pub struct GroupsState {
    theme: Theme,
    area: Rect,
}

impl GroupsState {
    pub fn new(_context: &Context, theme: Theme) -> GroupsState {
        GroupsState {
            theme,
            area: Rect::default(),
        }
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
    }

    /// Applies a key's action; returns a follow-up for the app (open a group).
    pub fn update(&mut self, _action: Action) -> Option<Action> {
        None
    }

    /// What a click at `position` asks for.
    pub fn click(&mut self, _position: Position) -> Option<Action> {
        None
    }

    /// The right end of the status line.
    pub fn status(&self) -> String {
        String::new()
    }
}

impl Widget for &GroupsState {
    fn render(self, _area: Rect, _buf: &mut Buffer) {
        let _ = self.theme;
    }
}
