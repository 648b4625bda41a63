//! Word-level differences between two aligned passages, for the CLI and the TUI.
