//! Text made safe for a terminal: the one sanitiser every untrusted string passes through
//! before it is printed, drawn or written as JSON.
//!
//! Untrusted means anything that came from the files: article text, metadata, file and folder
//! names, cache entries, and the config file's own text when an error quotes it. A name such
//! as `ESC]0;PWNED BEL ESC[2J.txt` would otherwise set the window title and clear the
//! screen, and an OSC 52 sequence would write the clipboard.
//!
//! - [`sanitize`] makes one line safe (line breaks and tabs become spaces);
//!   [`sanitize_lines`] keeps line breaks and tabs.
//! - [`escape_json`] escapes, inside JSON, the characters serde_json leaves raw that a
//!   terminal would act on (C1 controls, DEL, bidirectional controls, line separators).
//! - [`SafeWriter`] applies one of them to everything written through it, so that a printer
//!   cannot forget a field.
//!
//! No terminal code here: the pipeline, the command line and the interface all call it.

use std::borrow::Cow;
use std::io::{self, Write};

/// The replacement for C1 controls and bidirectional overrides, which have no picture.
const REPLACEMENT: char = '\u{FFFD}';

/// Returns the visible stand-in for a character that must not reach the terminal, or `None`
/// if the character is safe to print.
///
/// C0 controls become their Control Pictures (`ESC` → `␛`), so a reader can see that the
/// text held one; DEL becomes `␡`; C1 controls (`U+009B` is a one-byte CSI in some
/// terminals) become `U+FFFD`. Bidirectional embeddings, overrides and isolates become
/// `U+FFFD` as well: they can make a line display in an order other than the stored one
/// (`invoice\u{202E}txt.exe` shows as `invoiceexe.txt`).
pub fn stand_in(c: char) -> Option<char> {
    match c {
        '\u{00}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some(REPLACEMENT),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(REPLACEMENT),
        _ => None,
    }
}

/// Makes one line of untrusted text safe to display: tabs and line breaks become spaces,
/// other control characters become visible symbols.
///
/// `"a\tb\x1b[31m"` → `"a b␛[31m"`. Borrows when there is nothing to replace.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    replace(text, |c| match c {
        '\t' | '\n' | '\r' => Some(' '),
        c => stand_in(c),
    })
}

/// [`sanitize`] for text of several lines: `\n` and tabs are kept, everything else that a
/// terminal would act on becomes visible.
///
/// `"one\n\x1b]0;title\x07two"` → `"one\n␛]0;title␇two"`.
pub fn sanitize_lines(text: &str) -> Cow<'_, str> {
    replace(text, |c| match c {
        '\t' | '\n' => None,
        c => stand_in(c),
    })
}

fn replace(text: &str, with: impl Fn(char) -> Option<char>) -> Cow<'_, str> {
    let Some(first) = text.char_indices().find(|&(_, c)| with(c).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first.0]);
    for c in text[first.0..].chars() {
        out.push(with(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// Returns true if and only if JSON text must carry `c` escaped to be safe on a terminal.
///
/// serde_json escapes C0 controls already; these are the rest: DEL, the C1 controls, the
/// bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
/// separators (which also end a line in JavaScript).
fn is_json_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{7F}'..='\u{9F}'
            | '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Escapes, in serialised JSON, the characters of [`is_json_unsafe`] as `\uXXXX`. The JSON
/// means the same (they can only occur inside strings, and an escape is the same character
/// to any JSON reader), but a terminal showing it sees six harmless ASCII characters.
///
/// `"{\"id\":\"a\u{9B}31m\"}"` → `{"id":"a\u009b31m"}`.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    let Some(first) = json.char_indices().find(|&(_, c)| is_json_unsafe(c)) else {
        return Cow::Borrowed(json);
    };
    let mut out = String::with_capacity(json.len() + 16);
    out.push_str(&json[..first.0]);
    for c in json[first.0..].chars() {
        if is_json_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What [`SafeWriter`] does to the text written through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain text: [`sanitize_lines`].
    Text,
    /// Serialised JSON: [`escape_json`].
    Json,
}

/// A writer that makes everything written through it safe for a terminal before passing it
/// on: the last line of defence of the command line's printers, whatever field they print.
///
/// Characters split across two writes are held until they are whole; bytes that are not
/// UTF-8 are written as `U+FFFD`.
#[derive(Debug)]
pub struct SafeWriter<W: Write> {
    inner: W,
    mode: Mode,
    /// The start of a character whose remaining bytes have not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W, mode: Mode) -> SafeWriter<W> {
        SafeWriter {
            inner,
            mode,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        let safe = match self.mode {
            Mode::Text => sanitize_lines(text),
            Mode::Json => escape_json(text),
        };
        self.inner.write_all(safe.as_bytes())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            let mut all = std::mem::take(&mut self.pending);
            all.extend_from_slice(buf);
            joined = all;
            &joined[..]
        };
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_text(text)?;
                    break;
                }
                Err(err) => {
                    let (valid, after) = rest.split_at(err.valid_up_to());
                    // `valid_up_to` marks the end of valid UTF-8.
                    self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match err.error_len() {
                        Some(bad) => {
                            self.write_text("\u{FFFD}")?;
                            rest = &after[bad..];
                        }
                        None => {
                            // A character cut short by the end of this write.
                            self.pending = after.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.pending.clear();
            self.write_text("\u{FFFD}")?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE_NAME: &str = "\x1b]0;PWNED\x07\x1b[2J\u{9B}31m\u{202E}txt.exe";

    #[test]
    fn sanitize_leaves_no_control_character() {
        let safe = sanitize(HOSTILE_NAME);
        assert_eq!(safe, "␛]0;PWNED␇␛[2J\u{FFFD}31m\u{FFFD}txt.exe");
        assert!(matches!(sanitize("plain café"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\tb\nc"), "a b c");
        assert_eq!(sanitize_lines("a\tb\nc\x1b"), "a\tb\nc␛");
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_its_controls() {
        let json = serde_json::to_string(&serde_json::json!({ "id": HOSTILE_NAME })).unwrap();
        let safe = escape_json(&json);
        assert!(safe.is_ascii(), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["id"], HOSTILE_NAME);
    }

    #[test]
    fn the_writer_joins_characters_split_across_writes() {
        let mut out = Vec::new();
        {
            let mut writer = SafeWriter::new(&mut out, Mode::Text);
            let bytes = "é\u{9B}x\x1b".as_bytes();
            for b in bytes {
                writer.write_all(&[*b]).unwrap();
            }
            writer.write_all(b"\xFFok\n").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "é\u{FFFD}x␛\u{FFFD}ok\n");
    }
}
