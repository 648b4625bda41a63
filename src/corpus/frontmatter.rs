//! Markdown front matter (YAML `---` or TOML `+++`). (Stub, being written.)

use super::Metadata;

/// Splits front matter off a Markdown text; returns its metadata and the body.
pub fn split(text: &str) -> (Metadata, &str) {
    (Metadata::default(), text)
}
