//! The terminal interface. (Being written.)

pub mod action;
pub mod keymap;
pub mod text;
pub mod theme;

use crate::config::Config;
use crate::corpus::Corpus;

/// Runs the TUI on a loaded corpus until the user quits. Restores the terminal on every path.
pub fn run(_corpus: Corpus, _config: &Config) -> anyhow::Result<()> {
    anyhow::bail!("the terminal interface is not built yet")
}
