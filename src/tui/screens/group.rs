//! One shared passage: every member stacked with its outlet and date, each diffed word by
//! word against a reference member (the earliest dated, else the longest).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// The group screen's state.
#[derive(Debug, Clone)]
pub struct GroupState {
    theme: Theme,
    area: Rect,
}

impl GroupState {
    pub fn new(_context: &Context, _group: usize, theme: Theme) -> GroupState {
        GroupState {
            theme,
            area: Rect::default(),
        }
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
    }

    /// Applies a key's action; returns a follow-up for the app (none yet).
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

impl Widget for &GroupState {
    fn render(self, _area: Rect, _buf: &mut Buffer) {
        let _ = self.theme;
    }
}
