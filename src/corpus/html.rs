//! HTML pages: main content and metadata. (Stub, being written.)

use super::{LoadError, Metadata};

/// Extracts the main text of a page and the metadata it declares.
pub fn extract(html: &str) -> Result<(String, Metadata), LoadError> {
    Ok((html.to_string(), Metadata::default()))
}
