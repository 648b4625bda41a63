//! Bytes to text: encoding detection, binary rejection and Unicode normalisation.
//!
//! [`decode`] turns a file's bytes into a `String` (or says why it cannot: binary data);
//! [`normalize`] makes that text safe and uniform for reading in a terminal. Every other
//! reader (`frontmatter`, `html`) works on decoded text, and every article body and metadata
//! field goes through [`normalize`] (or [`normalize_field`]) before it reaches a screen.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, ISO_2022_JP, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};

use super::normalize::plain_ascii8;
use super::LoadError;

/// How much of the start of a file is examined for NUL bytes and UTF-16 patterns: as much as
/// `file(1)`-style sniffers look at, and enough to see past any text header of a binary format.
const SNIFF_BYTES: usize = 8 * 1024;

/// How much of a page is searched for `<meta charset>`. The HTML standard's prescan stops at
/// 1024 bytes, but browsers also honour a later declaration in `<head>` (by re-parsing), and
/// saved pages often have long inline scripts or styles before it.
const META_SCAN_BYTES: usize = 8 * 1024;

/// How much of a file `chardetng` sees. Its guess settles after a few kilobytes of real text;
/// feeding all of a large file would only cost time.
const DETECT_BYTES: usize = 256 * 1024;

/// How many characters of decoded text are checked for signs of binary data.
const CHECK_CHARS: usize = 64 * 1024;

/// Decodes a file's bytes to text; `is_html` lets a `<meta charset>` declaration decide.
///
/// The order of evidence:
/// 1. A byte order mark (UTF-8, UTF-16LE, UTF-16BE) is taken at its word.
/// 2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP, gzip, ...) and NUL bytes are rejected
///    with [`LoadError::Binary`]; UTF-16 without a BOM is recognised by its NUL pattern first.
/// 3. Valid UTF-8 wins, even over a `<meta>` declaration: legacy text with any non-ASCII
///    letter is practically never valid UTF-8, while pages re-saved as UTF-8 often keep their
///    old declaration. Text that is UTF-8 apart from a few broken sequences (a truncated
///    download) is decoded as UTF-8 with U+FFFD for the broken bytes.
/// 4. For HTML, the charset of `<meta charset=...>` or
///    `<meta http-equiv="Content-Type" content="...; charset=...">`.
/// 5. Otherwise `chardetng` guesses a legacy encoding (windows-1252, windows-1251, ...).
///
/// Decoded text that does not look like text (many control characters or U+FFFD; for a
/// guessed legacy encoding, too few letters) is rejected as [`LoadError::Binary`], so that
/// random bytes never come out as mojibake. The BOM is removed; nothing else is normalised.
///
/// ```text
/// b"caf\xE9"                → "café"          (windows-1252, guessed)
/// b"\xFF\xFEh\0i\0"         → "hi"            (UTF-16LE BOM)
/// b"\x89PNG\r\n\x1a\n..."   → Err(Binary)
/// ```
#[cfg(test)]
pub fn decode(bytes: &[u8], is_html: bool) -> Result<String, LoadError> {
    decode_noting(bytes, is_html).map(|decoded| decoded.text)
}

/// Decoded text, and a note for the user when the bytes were not what they claimed to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Set when the text was read despite damage or by a guess ("not valid UTF-8; read as
    /// windows-1252"): the article loads, and the user is told which file to check.
    pub note: Option<String>,
}

/// [`decode`], also saying when the text was read by a guess or with broken bytes replaced.
pub fn decode_noting(bytes: &[u8], is_html: bool) -> Result<Decoded, LoadError> {
    let plain = |text: Result<String, LoadError>| text.map(|text| Decoded { text, note: None });
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            reject_binary_bytes(body)?;
            let note = broken_utf8_note(body);
            let text = finish(
                decode_utf8ish(body).unwrap_or_else(|| lossy_utf8(body)),
                false,
            )?;
            return Ok(Decoded { text, note });
        }
        return plain(finish(encoding.decode_without_bom_handling(body).0, false));
    }
    reject_binary_magic(bytes)?;
    // Old DOS editors ended text files with Ctrl-Z; it marks the end, it is not text.
    let bytes = bytes.strip_suffix(b"\x1A").unwrap_or(bytes);
    if let Some(encoding) = sniff_utf16(bytes) {
        return plain(finish(encoding.decode_without_bom_handling(bytes).0, false));
    }
    reject_binary_bytes(bytes)?;
    let declared = if is_html { meta_charset(bytes) } else { None };
    if declared == Some(ISO_2022_JP) && bytes.is_ascii() {
        // The one common encoding whose text is also pure ASCII (escape sequences switch
        // character sets), so "valid UTF-8" proves nothing against the declaration.
        return plain(finish(
            ISO_2022_JP.decode_without_bom_handling(bytes).0,
            false,
        ));
    }
    if let Some(text) = decode_utf8ish(bytes) {
        // Borrowed text is valid UTF-8: nothing was broken.
        let note = if matches!(text, Cow::Owned(_)) {
            broken_utf8_note(bytes)
        } else {
            None
        };
        return Ok(Decoded {
            text: finish(text, false)?,
            note,
        });
    }
    // A declaration of UTF-8 (or of UTF-16, which means UTF-8 in a byte-oriented page) on
    // bytes that are not UTF-8 is wrong, so the detector gets to look instead.
    let declared = declared.filter(|e| e.output_encoding() != UTF_8);
    let (encoding, guessed) = match declared {
        Some(encoding) => (encoding, false),
        None => (guess_legacy(bytes), true),
    };
    match finish(encoding.decode_without_bom_handling(bytes).0, guessed) {
        Ok(text) => {
            let note =
                guessed.then(|| format!("not valid UTF-8; read as {} (detected)", encoding.name()));
            Ok(Decoded { text, note })
        }
        // UTF-8 text with scattered damage (a bad copy, a disk error) reads as no language in
        // any legacy encoding, since its own accents and quotes turn into "â€œ": it is
        // still better read as UTF-8 with the damaged bytes marked than dropped.
        Err(LoadError::Binary) if guessed && is_lightly_damaged_utf8(bytes) => {
            let text = finish(lossy_utf8(bytes), false)?;
            Ok(Decoded {
                text,
                note: broken_utf8_note(bytes),
            })
        }
        Err(err) => Err(err),
    }
}

/// Returns true if and only if at most 2% of the bytes sit in broken UTF-8 sequences and
/// most of the rest is text-like ASCII: a damaged UTF-8 file rather than random data.
fn is_lightly_damaged_utf8(bytes: &[u8]) -> bool {
    let broken: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    broken * 50 <= bytes.len() && bytes.len() >= 64
}

/// A note naming how many broken UTF-8 sequences were replaced, if any.
fn broken_utf8_note(bytes: &[u8]) -> Option<String> {
    match bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count()
    {
        0 => None,
        1 => Some("1 invalid UTF-8 sequence shown as \u{FFFD}".to_string()),
        n => Some(format!("{n} invalid UTF-8 sequences shown as \u{FFFD}")),
    }
}

/// Checks decoded text and hands it over; `guessed` asks for the stricter letter check.
fn finish(text: Cow<'_, str>, guessed: bool) -> Result<String, LoadError> {
    if looks_like_text(&text, guessed) {
        Ok(text.into_owned())
    } else {
        Err(LoadError::Binary)
    }
}

/// Rejects known binary formats by their magic numbers, and anything with a NUL byte near its
/// start (no text encoding we read without a BOM uses NUL; every common binary format does).
fn reject_binary_bytes(bytes: &[u8]) -> Result<(), LoadError> {
    reject_binary_magic(bytes)?;
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return Err(LoadError::Binary);
    }
    Ok(())
}

/// Rejects known binary formats by their magic numbers. Runs before the UTF-16 sniffing,
/// whose NUL pattern a short binary header can imitate.
fn reject_binary_magic(bytes: &[u8]) -> Result<(), LoadError> {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG\r\n\x1a\n",
        b"\xFF\xD8\xFF", // JPEG
        b"GIF87a",
        b"GIF89a",
        b"%PDF-",
        b"PK\x03\x04",         // ZIP, and so docx, epub, odt
        b"PK\x05\x06",         // empty ZIP
        b"\x1F\x8B",           // gzip
        b"\xFD7zXZ\x00",       // xz
        b"7z\xBC\xAF\x27\x1C", // 7-Zip
        b"\x7FELF",
        b"OggS",
        b"\x00asm", // WebAssembly
    ];
    let is_riff_media = bytes.starts_with(b"RIFF")
        && bytes
            .get(8..12)
            .is_some_and(|kind| [&b"WEBP"[..], b"WAVE", b"AVI "].contains(&kind));
    let is_iso_media = bytes.get(4..8) == Some(b"ftyp"); // MP4, MOV, HEIC
    if MAGIC.iter().any(|m| bytes.starts_with(m)) || is_riff_media || is_iso_media {
        return Err(LoadError::Binary);
    }
    Ok(())
}

/// Recognises UTF-16 without a BOM: in text of any script, spaces, digits and punctuation are
/// ASCII, so their zero high bytes fall on one parity only (odd offsets for little-endian).
/// Binary data has NULs at both parities.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_zeros += usize::from(pair[0] == 0);
        odd_zeros += usize::from(pair[1] == 0);
    }
    // At least one ASCII character in ten (and four in all, which a short random blob rarely
    // has on one side only), and (almost) never a zero byte on the other side.
    let one_sided =
        |zeros: usize, other: usize| zeros >= 4 && zeros * 10 >= pairs && other * 100 <= pairs;
    if one_sided(odd_zeros, even_zeros) {
        Some(UTF_16LE)
    } else if one_sided(even_zeros, odd_zeros) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes bytes that are UTF-8, or UTF-8 apart from a few broken sequences; `None` when the
/// bytes look like another encoding.
///
/// "A few": the valid multi-byte characters must outnumber the broken sequences two to one.
/// Legacy single-byte text almost never contains a valid multi-byte sequence (it would take
/// "Ã" followed by a C1 byte or a symbol), so it fails this test at its first accent.
fn decode_utf8ish(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Cow::Borrowed(text));
    }
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    (multibyte >= 2 * broken).then(|| lossy_utf8(bytes))
}

fn lossy_utf8(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Asks `chardetng` for the most likely legacy encoding of bytes that are not UTF-8.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

/// Returns true if and only if decoded text looks like text rather than binary data.
///
/// Suspicious characters are C0 and C1 controls other than line breaks, tab, form feed and
/// ESC (terminal colour codes in a text file are text; `normalize` defuses them), U+FFFD,
/// private-use and non-characters: real text has next to none, random bytes decoded as
/// windows-1252 have about one in ten, as UTF-16 about one in eight. More than 2% rejects
/// (two at least: one broken sequence in a short UTF-8 text is damage, not binary data).
///
/// When the encoding was only guessed (`strict`), the bytes were not UTF-8 and nothing vouches
/// for them, so random blobs must be told apart from legacy texts:
/// - more than 0.5% suspicious characters rejects (a stray Ctrl-Z in a long old file passes,
///   one control character in a 30-byte blob does not);
/// - at least 75% of the characters must be letters, digits or whitespace (prose in any
///   script is above 85%, random bytes read as windows-1252 about 55%).
///
/// Measured on 2,000 random blobs per size: none of 64 bytes or more passes (larger ones
/// nearly always hold a NUL anyway), one of 40 bytes, about one in twenty of 16 bytes. A stricter test
/// (e.g. on word lengths) would start rejecting short real sentences such as
/// "Il y a un an, à la mi-mai", which is worse than the odd tiny blob shown as mojibake.
fn looks_like_text(text: &str, strict: bool) -> bool {
    if !strict && text.len() <= CHECK_CHARS {
        // Every character is checked, and only the count of suspicious ones matters: most
        // bytes can be judged without decoding (see `suspicious_chars`).
        let (total, suspicious) = suspicious_chars(text);
        return !(suspicious >= 2 && suspicious * 50 > total);
    }
    let (mut total, mut suspicious, mut wordy) = (0usize, 0usize, 0usize);
    for c in text.chars().take(CHECK_CHARS) {
        total += 1;
        let is_suspicious = match c {
            '\n' | '\r' | '\t' | '\x0B' | '\x0C' | '\x1B' => false,
            '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{FFFE}' | '\u{FFFF}' => true,
            c => c.is_control(),
        };
        suspicious += usize::from(is_suspicious);
        // Only the stricter check below reads this.
        if strict {
            wordy += usize::from(c.is_alphanumeric() || c.is_whitespace());
        }
    }
    if suspicious >= 2 && suspicious * 50 > total {
        return false;
    }
    if !strict || total == 0 {
        return true;
    }
    suspicious * 200 <= total && wordy * 100 >= total * 75 && has_word_shapes(text)
}

/// The number of characters of `text` and of those [`looks_like_text`] finds suspicious.
/// ASCII is judged byte by byte; a suspicious character beyond ASCII (a C1 control, U+FFFD,
/// private use, U+FFFE, U+FFFF) starts with 0xC2, 0xEE or 0xEF, so only those are decoded.
fn suspicious_chars(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut total, mut suspicious) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        if plain_ascii8(bytes, i) {
            total += 8;
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if b < 0x80 {
            total += 1;
            suspicious += usize::from(
                (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x0C | 0x1B)) || b == 0x7F,
            );
        } else if b >= 0xC0 {
            // The first byte of a character.
            total += 1;
            if matches!(b, 0xC2 | 0xEE | 0xEF) {
                let c = text[i - 1..].chars().next().unwrap_or_default();
                let private = ('\u{E000}'..='\u{F8FF}').contains(&c);
                let odd = matches!(
                    c,
                    '\u{80}'..='\u{9F}' | '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}'
                );
                suspicious += usize::from(private || odd);
            }
        }
    }
    (total, suspicious)
}

/// Returns true if and only if the non-ASCII words of a guessed decoding look like words of
/// a language: letters of one script each, punctuation only at their edges (or an inner
/// apostrophe, hyphen or dot). Broken UTF-8 read as windows-1251 gives "ЎвЎр(Њјш"; a real
/// legacy text gives "Montréal" or "Привет". At most one such word in five may be odd.
fn has_word_shapes(text: &str) -> bool {
    #[derive(PartialEq, Eq, Clone, Copy)]
    enum Script {
        Latin,
        Greek,
        Cyrillic,
        Hebrew,
        Arabic,
        Other,
    }
    fn script_of(c: char) -> Script {
        match c {
            'A'..='Z' | 'a'..='z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
            '\u{370}'..='\u{3FF}' => Script::Greek,
            '\u{400}'..='\u{52F}' => Script::Cyrillic,
            '\u{590}'..='\u{5FF}' => Script::Hebrew,
            '\u{600}'..='\u{6FF}' => Script::Arabic,
            _ => Script::Other,
        }
    }
    let (mut checked, mut odd) = (0usize, 0usize);
    // Markup characters split words too: HTML is checked before its tags are stripped.
    // So do the punctuation marks of scripts written without spaces (Japanese 、。「」,
    // fullwidth forms): there a whole sentence is one "word" between spaces.
    let words =
        text.split(|c: char| c.is_whitespace() || "<>=\"/&;".contains(c) || is_cjk_punctuation(c));
    for token in words.filter(|t| !t.is_ascii()).take(CHECK_CHARS / 8) {
        checked += 1;
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let mut script = None;
        let is_odd = core.chars().any(|c| {
            if c.is_alphabetic() {
                let s = script_of(c);
                let mixed = script.is_some_and(|seen| seen != s);
                script = Some(s);
                mixed
            } else {
                !(c.is_numeric() || matches!(c, '\'' | '’' | '-' | '‐' | '.' | '·'))
            }
        });
        odd += usize::from(is_odd);
    }
    odd * 5 <= checked
}

/// Returns true for the punctuation of Chinese, Japanese and Korean text: CJK symbols and
/// punctuation, and the fullwidth and halfwidth forms that are not letters or digits.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}') && !c.is_alphanumeric()
}

/// Finds the encoding a page declares in a `<meta>` tag near its start, if encoding_rs knows
/// its label. The prefix is read as windows-1252, which maps every byte and leaves ASCII
/// markup intact whatever the real encoding.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let (head, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(prefix);
    let label = super::html::declared_charset(&head)?;
    Encoding::for_label(label.trim().as_bytes()).filter(|e| *e != REPLACEMENT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[track_caller]
    fn decodes_to(bytes: &[u8], is_html: bool, expected: &str) {
        match decode(bytes, is_html) {
            Ok(text) => assert_eq!(text, expected),
            Err(err) => panic!("expected {expected:?}, got error {err}"),
        }
    }

    #[track_caller]
    fn is_binary(bytes: &[u8]) {
        match decode(bytes, false) {
            Err(LoadError::Binary) => {}
            other => panic!("expected Binary, got {other:?}"),
        }
    }

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(if little_endian {
                b"\xFF\xFE"
            } else {
                b"\xFE\xFF"
            });
        }
        for unit in text.encode_utf16() {
            let pair = if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    /// Deterministic pseudo-random bytes (xorshift), standing in for any binary blob.
    fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn unicode_encodings_decode() {
        decodes_to(
            "Zameli said “yes” — café".as_bytes(),
            false,
            "Zameli said “yes” — café",
        );
        decodes_to(b"\xEF\xBB\xBFcaf\xC3\xA9", false, "café");
        let text = "Élection à Montréal — “Да” 選挙";
        decodes_to(&utf16(text, true, true), false, text);
        decodes_to(&utf16(text, false, true), false, text);
        decodes_to(
            &utf16("Iraq shares intelligence.", true, false),
            false,
            "Iraq shares intelligence.",
        );
        decodes_to(
            &utf16("Iraq shares intelligence.", false, false),
            false,
            "Iraq shares intelligence.",
        );
    }

    #[test]
    fn invalid_utf8_that_reads_as_no_language_is_binary() {
        // Classic invalid UTF-8 test sequences: not UTF-8, and gibberish in any legacy encoding.
        is_binary(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xf8\xa1\xa1\xa1\xa1");
        decodes_to(
            "Привет, мир. Как дела?".as_bytes(),
            false,
            "Привет, мир. Как дела?",
        );
        let cp1251 = encoding_rs::WINDOWS_1251
            .encode("Привет, мир. Как у вас дела сегодня?")
            .0;
        decodes_to(&cp1251, false, "Привет, мир. Как у вас дела сегодня?");
    }

    #[test]
    fn damaged_utf8_is_read_as_utf8_with_the_damage_marked() {
        // Mostly ASCII, one dash, five stray bytes that no legacy encoding makes text of.
        let mut bytes = "Words and more text in a long enough sentence. "
            .repeat(12)
            .into_bytes();
        bytes.extend("The end — really.".as_bytes());
        for (i, at) in [10, 100, 200, 300, 400].into_iter().enumerate() {
            bytes[at] = [0x81, 0x8d, 0x8f, 0x90, 0x9d][i];
        }
        let decoded = decode_noting(&bytes, false).unwrap();
        assert!(
            decoded.text.ends_with("The end — really."),
            "{}",
            decoded.text
        );
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 5);
        assert_eq!(
            decoded.note.as_deref(),
            Some("5 invalid UTF-8 sequences shown as \u{FFFD}")
        );
    }

    #[test]
    fn legacy_encodings_decode() {
        decodes_to(
            b"Le caf\xE9 est servi \xE0 la terrasse.",
            false,
            "Le café est servi à la terrasse.",
        );
        let page = b"<html><head><meta charset=\"iso-8859-1\"><title>\xC9lection</title></head>";
        decodes_to(
            page,
            true,
            "<html><head><meta charset=\"iso-8859-1\"><title>Élection</title></head>",
        );
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>\xC4\xE0";
        decodes_to(
            page,
            true,
            "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>Да",
        );
        // "Премьер-министр Ирака заявил, что Багдад будет делиться разведданными с Россией."
        let cp1251 =
            b"\xcf\xf0\xe5\xec\xfc\xe5\xf0-\xec\xe8\xed\xe8\xf1\xf2\xf0 \xc8\xf0\xe0\xea\xe0 \
            \xe7\xe0\xff\xe2\xe8\xeb, \xf7\xf2\xee \xc1\xe0\xe3\xe4\xe0\xe4 \xe1\xf3\xe4\xe5\xf2 \
            \xe4\xe5\xeb\xe8\xf2\xfc\xf1\xff \xf0\xe0\xe7\xe2\xe5\xe4\xe4\xe0\xed\xed\xfb\xec\xe8 \
            \xf1 \xd0\xee\xf1\xf1\xe8\xe5\xe9.";
        decodes_to(
            cp1251,
            false,
            "Премьер-министр Ирака заявил, что Багдад будет делиться разведданными с Россией.",
        );
    }

    #[test]
    fn japanese_without_a_declaration_is_detected_not_rejected() {
        let text = "東京都は、新しい情報センターの設置について発表した。政府の関係者によると、\
                    この計画は来年の春に始まる予定である。「市民の反応はさまざまだ」と記者は書いた。";
        for encoding in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
            let (bytes, _, _) = encoding.encode(text);
            assert_eq!(decode(&bytes, false).unwrap(), text, "{}", encoding.name());
        }
    }

    #[test]
    fn short_legacy_texts_are_text() {
        decodes_to(
            b"Il y a un an, \xE0 la mi-mai.",
            false,
            "Il y a un an, à la mi-mai.",
        );
        decodes_to(b"caf\xE9", false, "café");
        decodes_to(
            b"Prix : 12,50 \x80 (TTC) \x96 voir p. 3.",
            false,
            "Prix : 12,50 € (TTC) – voir p. 3.",
        );
        decodes_to(b"Stra\xDFe in K\xF6ln\r\n\x1A", false, "Straße in Köln\r\n");
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>Montréal</p>";
        decodes_to(page.as_bytes(), true, page);
    }

    #[test]
    fn a_declared_utf8_that_is_not_utf8_is_ignored() {
        decodes_to(
            b"<meta charset=utf-8><p>Montr\xE9al, \xE0 l'aube</p>",
            true,
            "<meta charset=utf-8><p>Montréal, à l'aube</p>",
        );
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        let mut bytes = "“Yes,” said al-Zameli — “we’ll share it.” "
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"\xE2\x80"); // truncated last character
        decodes_to(
            &bytes,
            false,
            "“Yes,” said al-Zameli — “we’ll share it.” \u{FFFD}",
        );
    }

    #[test]
    fn binary_data_is_rejected() {
        is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
        is_binary(b"\xFF\xD8\xFF\xE0\0\x10JFIF");
        is_binary(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        is_binary(b"PK\x03\x04\x14\0\x06\0");
        is_binary(b"\x1F\x8B\x08\0");
        is_binary(b"plain text with a NUL\0 inside");
        is_binary(b"\x01\x02\x03\x04\x05\x06\x07\x08 lots of controls \x0e\x0f\x10\x11");
        for seed in 1..=20 {
            for len in [64, 300, 5000] {
                let bytes = random_bytes(len, seed);
                assert!(
                    matches!(decode(&bytes, false), Err(LoadError::Binary)),
                    "random bytes (len {len}, seed {seed}) were decoded as text"
                );
            }
        }
    }

    #[test]
    fn empty_input_is_empty_text() {
        decodes_to(b"", false, "");
        decodes_to(b"\xEF\xBB\xBF", false, "");
        decodes_to(b"\xFF\xFE", false, "");
        decodes_to(b" \n\t", true, " \n\t");
    }

    #[test]
    fn terminal_colour_codes_are_text() {
        decodes_to(b"\x1b[31mred\x1b[0m", false, "\x1b[31mred\x1b[0m");
    }

    #[test]
    fn suspicious_characters_are_counted_as_the_character_loop_does() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let suspicious = match c {
                '\n' | '\r' | '\t' | '\x0B' | '\x0C' | '\x1B' => false,
                '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{FFFE}' | '\u{FFFF}' => true,
                c => c.is_control(),
            };
            let text = c.encode_utf8(&mut buf);
            assert_eq!(
                suspicious_chars(text),
                (1, usize::from(suspicious)),
                "{c:?}"
            );
        }
    }
}
