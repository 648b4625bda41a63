//! crossread: a terminal reader that lines up what many outlets say about one story.
//!
//! The library holds a pure pipeline, a terminal-free presentation core, and a thin shell
//! around them (the layers are kept by `tests/layers.rs`):
//!
//! - [`corpus`]: load files and folders (txt, md, html; any common encoding), clean
//!   boilerplate away and describe each article (title, outlet, date, author). No terminal code.
//! - [`align`]: aligned pairs of passages, shared passages across articles, unique spans.
//! - [`cache`]: finished alignments kept on disk, keyed by a hash of the texts and options.
//! - [`display`]: what the screens and the command line show, built once: the alignment
//!   index, the comparison of two articles, article labels, word layout.
//! - [`safe_text`]: the one sanitiser for every untrusted string that reaches a terminal.
//! - `config`: the user's TOML file merged over built-in defaults, validated before the
//!   terminal is touched.
//! - `tui`: the terminal interface (a library, and screens stacked over it), on ratatui.
//! - [`cli`]: the command line (`list`, `show`, `passages`, `compare`, the TUI by default)
//!   and its printers.
//!
//! The binary (`src/main.rs`) only calls [`cli::main`].

pub mod align;
pub mod cache;
pub mod calendar;
pub mod cli;
pub(crate) mod config;
pub mod corpus;
pub mod display;
pub(crate) mod panics;
pub mod safe_text;
pub(crate) mod tui;
