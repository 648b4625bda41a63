//! crossread: a terminal reader that lines up what many outlets say about one story.
//!
//! The library holds a pure pipeline and a thin shell around it:
//!
//! - [`corpus`]: load files and folders (txt, md, html; any common encoding), clean
//!   boilerplate away and describe each article (title, outlet, date, author). No terminal code.
//! - [`cache`]: finished alignments kept on disk, keyed by a hash of the texts and options.
//! - [`config`]: the user's TOML file merged over built-in defaults, validated before the
//!   terminal is touched.
//! - [`cli`]: the command line (`list`, `show`, `passages`, `compare`, the TUI by default)
//!   and its printers.
//! - [`safe_text`]: the one sanitiser for every untrusted string that reaches a terminal.
//! - [`tui`]: the terminal interface (library, reader, help), built on ratatui.
//!
//! The binary (`src/main.rs`) only maps [`cli::run`]'s result to an exit code.

pub mod align;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod display;
pub mod panics;
pub mod safe_text;
pub mod tui;
