//! The screens. Each owns its state, lays itself out in `relayout` (called by `update` on
//! resize) and draws with `impl Widget for &State`.

pub mod compare;
pub mod group;
pub mod groups;
pub mod help;
pub mod library;
pub mod matrix;
pub mod reader;

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::align::overlap::Overlap;
use crate::align::Alignment;
use crate::corpus::Corpus;
use crate::display::text::{truncate, width};
use crate::display::AlignmentIndex;

/// What the alignment screens are built from: the corpus and its indexed alignment.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub corpus: &'a Arc<Corpus>,
    pub index: &'a Arc<AlignmentIndex>,
    /// `index.alignment()`: its groups in listing order.
    pub alignment: &'a Alignment,
    pub overlap: &'a Overlap,
}

/// Writes `message` (cut to fit) centred on the middle row of `area`: what an empty list or
/// screen says instead of its rows.
pub fn render_empty(area: Rect, buf: &mut Buffer, message: &str, style: Style) {
    if area.is_empty() {
        return;
    }
    let line = Line::styled(truncate(message, usize::from(area.width)), style);
    let row = Rect {
        y: area.y + area.height / 2,
        height: 1,
        ..area
    };
    line.centered().render(row, buf);
}

/// The first of `variants` (longest first) that fits in `max_width` cells, else the last one
/// cut to fit with an ellipsis, each span keeping its style.
pub fn fit_line(variants: Vec<Line<'_>>, max_width: usize) -> Line<'_> {
    let mut last = Line::default();
    for line in variants {
        if line.width() <= max_width {
            return line;
        }
        last = line;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for span in last.spans {
        let w = width(&span.content);
        if used + w <= max_width {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = truncate(&span.content, max_width - used).into_owned();
        spans.push(ratatui::text::Span::styled(cut, span.style));
        break;
    }
    Line::from(spans)
}
