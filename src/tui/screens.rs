//! The screens. Each owns its state, lays itself out in `relayout` (called by `update` on
//! resize) and draws with `impl Widget for &State`.

pub mod help;
pub mod library;
pub mod reader;
