//! Bytes to text: encoding detection and Unicode normalisation. (Stub, being written.)

use super::LoadError;

/// Decodes a file's bytes; `is_html` allows a `<meta charset>` declaration to decide.
pub fn decode(bytes: &[u8], _is_html: bool) -> Result<String, LoadError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| LoadError::Encoding(e.to_string()))
}

/// Normalises text for reading: NFC, every kind of space to a plain space, line ends to `\n`,
/// control characters made harmless.
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
}
