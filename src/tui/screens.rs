//! The screens. Each owns its state, lays itself out in `relayout` (called by `update` on
//! resize) and draws with `impl Widget for &State`.

pub mod compare;
pub mod group;
pub mod groups;
pub mod help;
pub mod library;
pub mod matrix;
pub mod reader;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::align::overlap::Overlap;
use crate::align::Alignment;
use crate::corpus::Corpus;

/// What the alignment screens are built from: the corpus and its alignment.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub corpus: &'a Corpus,
    pub alignment: &'a Alignment,
    pub overlap: &'a Overlap,
}

/// Writes `message` (cut to fit) centred on the middle row of `area`: what an empty list or
/// screen says instead of its rows.
pub fn render_empty(area: Rect, buf: &mut Buffer, message: &str, style: Style) {
    if area.is_empty() {
        return;
    }
    let line = Line::styled(
        crate::tui::text::truncate(message, usize::from(area.width)),
        style,
    );
    let row = Rect {
        y: area.y + area.height / 2,
        height: 1,
        ..area
    };
    line.centered().render(row, buf);
}
