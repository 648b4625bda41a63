//! The overlap matrix: articles × articles, each cell the share of the row article's text
//! aligned with the column article.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

/// The matrix screen's state.
#[derive(Debug, Clone)]
pub struct MatrixState {
    theme: Theme,
    area: Rect,
}

impl MatrixState {
    pub fn new(_context: &Context, theme: Theme) -> MatrixState {
        MatrixState {
            theme,
            area: Rect::default(),
        }
    }

    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
    }

    /// Applies a key's action; returns a follow-up for the app (open a comparison).
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

impl Widget for &MatrixState {
    fn render(self, _area: Rect, _buf: &mut Buffer) {
        let _ = self.theme;
    }
}
