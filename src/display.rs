//! What the screens and the command line show, with no terminal in it: the presentation
//! core between the pipeline ([`crate::corpus`], [`crate::align`]) and the two shells
//! ([`crate::tui`], [`crate::cli`]).
//!
//! - [`index`]: the alignment as the shells read it, built once per corpus: pairs by
//!   article pair, groups by member, groups in listing order, overlaps.
//! - [`claims`]: shared passages and quotes in time order, each quote's renderings
//!   compared with the earliest.
//! - [`comparison`]: two articles side by side ([`comparison::Comparison`]), built once;
//!   the compare screen turns it into ratatui rows, `crossread compare` into text.
//! - [`label`]: how an article is named (id, outlet, date).
//! - [`layout`]: marked words laid out in columns of a given width.
//! - [`order`]: the orders the lists show, sorted by a column or in story blocks.
//! - [`report`]: a comparison as Markdown and as a self-contained HTML page, to cite;
//!   [`report_story`]: a story the same way.
//! - [`report_claims`]: a shared passage or a quote as the same two reports.
//! - [`search`]: the articles' bodies indexed by word, for search as you type.
//! - [`story`]: stories (event clusters joined with copy families), their copies in time
//!   order, each measured against the earliest copy.
//! - [`text`]: untrusted strings made safe for a terminal, measured, cut and wrapped.
//!
//! Nothing here prints or draws; the layering test (`tests/layers.rs`) keeps it so.

pub mod claims;
pub mod comparison;
pub mod index;
pub mod label;
pub mod layout;
pub mod order;
pub mod report;
pub mod report_claims;
pub mod report_story;
pub mod search;
pub mod story;
pub mod text;

pub use index::{AlignmentIndex, ArticleIdx};
