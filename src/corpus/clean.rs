//! Boilerplate removal. (Stub, being written.)

use serde::Deserialize;

use super::Format;

/// Which kinds of boilerplate cleaning removes; each can be switched off in the config.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CleanOptions {
    /// Master switch: false keeps the text as loaded.
    pub enabled: bool,
    /// Share/subscribe/login/comment prompts and navigation crumbs.
    pub prompts: bool,
    /// Copyright, disclaimer and fair-use blocks.
    pub disclaimers: bool,
    /// Photo credits and captions.
    pub captions: bool,
    /// Related-article teasers.
    pub related: bool,
    /// Lines that repeat across several articles (site furniture).
    pub repeated_lines: bool,
    /// How many articles a line must appear in to count as repeated.
    pub repeat_min_articles: usize,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            enabled: true,
            prompts: true,
            disclaimers: true,
            captions: true,
            related: true,
            repeated_lines: true,
            repeat_min_articles: 3,
        }
    }
}

/// Lines seen in several articles of the corpus.
#[derive(Debug, Default)]
pub struct RepeatedLines {}

impl RepeatedLines {
    pub fn count<'a>(_texts: impl Iterator<Item = &'a str>, _options: &CleanOptions) -> Self {
        RepeatedLines {}
    }
}

/// Returns the article body without boilerplate.
pub fn clean(raw: &str, _format: Format, _repeated: &RepeatedLines, _options: &CleanOptions) -> String {
    raw.to_string()
}
