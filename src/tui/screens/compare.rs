//! Two articles side by side: each aligned passage on the same rows as its counterpart,
//! with word-level differences marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// The compare screen's state.
#[derive(Debug, Clone)]
pub struct CompareState {
    theme: Theme,
    area: Rect,
}

impl CompareState {
    pub fn new(_context: &Context, _left: usize, _right: usize, theme: Theme) -> CompareState {
        CompareState {
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

impl Widget for &CompareState {
    fn render(self, _area: Rect, _buf: &mut Buffer) {
        let _ = self.theme;
    }
}
