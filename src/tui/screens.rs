//! The screens. Each owns its state, lays itself out in `relayout` (called by `update` on
//! resize) and draws with `impl Widget for &State`.

pub mod compare;
pub mod group;
pub mod groups;
pub mod help;
pub mod library;
pub mod matrix;
pub mod reader;

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
