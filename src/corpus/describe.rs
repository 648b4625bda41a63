//! Metadata from the text itself. (Stub, being written.)

use super::Metadata;

/// Infers title, outlet, date and author from an article's raw and cleaned text.
pub fn describe(_raw: &str, cleaned: &str) -> Metadata {
    Metadata {
        title: cleaned.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string),
        ..Metadata::default()
    }
}
