//! The screens. The library is the one beneath everything; the others open on top of it,
//! as a stack ([`Open`]) that going back pops. Each screen owns its state in its own file,
//! lays itself out in `relayout` (called on resize) and draws with `impl Widget for &State`;
//! [`ScreenState`] is what the app asks of an open screen.
//!
//! Adding a screen: a file with its state and `impl ScreenState` (or [`screen_state!`] when
//! its state has the usual methods), a variant in [`open!`]'s list, a [`Screen`] kind and a
//! keymap [`Scope`].

/// Implements [`ScreenState`] for a state with inherent `update`, `click`, `relayout` and
/// `status` and drawn by `impl Widget for &State`: `kind` and `scope` are `$kind`, the title
/// bar says `$title`, and a notch of the wheel scrolls three `Lines` or moves one `Row`.
macro_rules! screen_state {
    ($state:ty, $kind:ident, $title:literal, wheel = $wheel:ident $(, typing = $typing:ident)?) => {
        impl $crate::tui::screens::ScreenState for $state {
            fn kind(&self) -> $crate::tui::screens::Screen {
                $crate::tui::screens::Screen::$kind
            }

            fn scope(&self) -> $crate::tui::keymap::Scope {
                // A screen with a prompt takes typed keys as text while it is open.
                $(
                    if <$state>::$typing(self) {
                        return $crate::tui::keymap::Scope::Filter;
                    }
                )?
                $crate::tui::keymap::Scope::$kind
            }

            fn title(&self) -> &'static str {
                $title
            }

            fn update(&mut self, action: Action) -> Option<Action> {
                <$state>::update(self, action)
            }

            fn click(&mut self, position: ratatui::layout::Position) -> Option<Action> {
                <$state>::click(self, position)
            }

            fn wheel(&mut self, is_down: bool) {
                for action in $crate::tui::screens::Wheel::$wheel.actions(is_down) {
                    <$state>::update(self, action);
                }
            }

            fn relayout(&mut self, area: ratatui::layout::Rect) {
                <$state>::relayout(self, area);
            }

            fn status(&self) -> String {
                <$state>::status(self)
            }

            fn render(&self, area: ratatui::layout::Rect, buf: &mut ratatui::buffer::Buffer) {
                ratatui::widgets::Widget::render(self, area, buf);
            }
        }
    };
}

#[macro_use]
pub mod list;

pub mod compare;
pub mod group;
pub mod groups;
pub mod help;
pub mod library;
pub mod matrix;
pub mod members;
pub mod quote;
pub mod quotes;
pub mod reader;
pub mod stories;
pub mod story;

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::align::overlap::Overlap;
use crate::align::Alignment;
use crate::corpus::Corpus;
use crate::display::text::{truncate, width};
use crate::display::AlignmentIndex;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;

/// Lines the reader and the compare and group screens scroll per notch of the mouse wheel.
pub const WHEEL_LINES: isize = 3;

/// What a notch of the mouse wheel does on a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wheel {
    /// Scrolls [`WHEEL_LINES`] lines of text.
    Lines,
    /// Moves the selection one row.
    Row,
}

impl Wheel {
    /// The actions of one notch.
    pub fn actions(self, is_down: bool) -> impl Iterator<Item = Action> {
        let (action, times) = match (self, is_down) {
            (Wheel::Lines, true) => (Action::ScrollDown, WHEEL_LINES),
            (Wheel::Lines, false) => (Action::ScrollUp, WHEEL_LINES),
            (Wheel::Row, true) => (Action::MoveDown, 1),
            (Wheel::Row, false) => (Action::MoveUp, 1),
        };
        std::iter::repeat_n(action, times as usize)
    }
}

/// Which screen is showing (the one under any popup).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
    Compare,
    Groups,
    Group,
    Matrix,
    Quotes,
    Quote,
    Stories,
    Story,
}

/// What the app asks of an open screen.
pub trait ScreenState {
    fn kind(&self) -> Screen;
    /// The keymap scope its keys are looked up in.
    fn scope(&self) -> Scope;
    /// Its name, on the right of the title bar.
    fn title(&self) -> &'static str;
    /// Applies a key's action; may return a follow-up action for the app. (`GoBack` is the
    /// app's: it pops the screen.)
    fn update(&mut self, action: Action) -> Option<Action>;
    fn click(&mut self, position: Position) -> Option<Action>;
    /// One notch of the mouse wheel.
    fn wheel(&mut self, is_down: bool);
    /// Lays itself out for a new area.
    fn relayout(&mut self, area: Rect);
    /// The right end of the status line ("passage 3 of 9").
    fn status(&self) -> String;
    fn render(&self, area: Rect, buf: &mut Buffer);
}

/// Declares the screens that open over the library: the [`Open`] enum and its one
/// delegation to [`ScreenState`].
macro_rules! open {
    ($($variant:ident($state:ty)),* $(,)?) => {
        /// An open screen, with its state (never missing: a screen that is open has one).
        #[derive(Debug)]
        pub enum Open {
            $($variant($state)),*
        }

        impl Open {
            pub fn get(&self) -> &dyn ScreenState {
                match self {
                    $(Open::$variant(state) => state),*
                }
            }

            pub fn get_mut(&mut self) -> &mut dyn ScreenState {
                match self {
                    $(Open::$variant(state) => state),*
                }
            }
        }
    };
}

open!(
    Reader(reader::ReaderState),
    Compare(compare::CompareState),
    Groups(groups::GroupsState),
    Group(group::GroupState),
    Matrix(matrix::MatrixState),
    Quotes(quotes::QuotesState),
    Quote(quote::QuoteState),
    Stories(stories::StoriesState),
    Story(story::StoryState),
);

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
