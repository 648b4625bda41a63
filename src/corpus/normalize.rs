//! Text made safe and uniform for reading: [`normalize`] for bodies, [`normalize_field`] for
//! one-line metadata values.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalises text for reading: NFC, every kind of space to a plain space, line ends to `\n`,
/// invisible and terminal-controlling characters removed or made visible.
///
/// - `\r\n`, `\r`, U+0085 (NEL), U+2028, vertical tab and form feed → `\n`; U+2029 → `\n\n`.
/// - Tab, NBSP and every other space separator (U+1680, U+2000–U+200A, U+202F, U+205F,
///   U+3000) → ` `.
/// - Removed: zero-width space U+200B, word joiner U+2060, U+FEFF, soft hyphen U+00AD, and
///   the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 (which can
///   make text display in an order other than the one it is stored and compared in).
/// - Terminal safety, since articles are untrusted: C0 controls (ESC, BEL, BS, ...) become
///   their visible control pictures (ESC → `␛`), DEL → `␡`, C1 controls (U+0080–U+009F,
///   among them the 8-bit CSI U+009B) → U+FFFD. The output holds no control character but `\n`.
/// - Kept as they are: curly quotes, dashes, accents, ZWJ/ZWNJ (needed by emoji and scripts
///   such as Persian), LRM/RLM marks.
///
/// ```text
/// "caf\u{65}\u{301}\u{A0}au\u{2009}lait\r\n\x1b[31m"  →  "café au lait\n␛[31m"
/// ```
pub fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // The start of the characters copied as they are, not yet written.
    let mut kept = 0;
    let mut i = 0;
    while i < bytes.len() {
        if plain_ascii8(bytes, i) {
            i += 8;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let at = i;
        i += c.len_utf8();
        if !changes(c) {
            continue;
        }
        out.push_str(&text[kept..at]);
        kept = i;
        match c {
            '\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                    kept += 1;
                }
                out.push('\n');
            }
            '\n' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\t'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => out.push(' '),
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            '\0'..='\x1F' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}')),
            '\x7F' => out.push('\u{2421}'),
            '\u{80}'..='\u{9F}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push_str(&text[kept..]);
    if is_nfc_quick_yes(&out) {
        out
    } else {
        // NFC maps no character to one removed above: its only changes to spaces are
        // U+2000/U+2001 → U+2002/U+2003, which were already turned into plain spaces.
        out.nfc().collect()
    }
}

/// `is_nfc_quick(text.chars()) == IsNormalized::Yes`, looking only at the runs of non-ASCII
/// characters: the quick check passes ASCII and starts afresh after it, so each run can be
/// checked alone.
fn is_nfc_quick_yes(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.bytes().position(|b| !b.is_ascii()) {
        let run = &rest[start..];
        let end = run.bytes().position(|b| b.is_ascii()).unwrap_or(run.len());
        if is_nfc_quick(run[..end].chars()) != IsNormalized::Yes {
            return false;
        }
        rest = &run[end..];
    }
    true
}

/// Returns true for every character that [`normalize`] does not copy as it is (and a few that
/// it does: `\u{A1}`–`\u{AC}` and the like are simpler to leave in the ranges).
fn changes(c: char) -> bool {
    match c {
        '\n' => false,
        '\0'..='\x1F' | '\x7F' => true,
        ' '..='\x7E' => false,
        '\u{80}'..='\u{AD}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200B}'
        | '\u{2028}'..='\u{202F}'
        | '\u{205F}'..='\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{3000}'
        | '\u{FEFF}' => true,
        _ => false,
    }
}

/// Normalises a one-line metadata value (a title, an author): [`normalize`], then every run of
/// whitespace (line breaks included) to one space, trimmed; `None` if nothing is left.
///
/// ```text
/// "  Élection\u{A0}présidentielle\n à Montréal " → Some("Élection présidentielle à Montréal")
/// ```
pub fn normalize_field(text: &str) -> Option<String> {
    let normal = normalize(text);
    let mut out = String::with_capacity(normal.len());
    for word in normal.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// Returns true if and only if the eight bytes from `at` are ASCII without a control character
/// (0x00–0x1F, 0x7F): text that decoding checks and normalising keeps as it is.
pub(super) fn plain_ascii8(bytes: &[u8], at: usize) -> bool {
    let Some(chunk) = bytes.get(at..at + 8) else {
        return false;
    };
    let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    let high = each(0x80);
    if v & high != 0 {
        return false;
    }
    // With no byte above 0x7F, no sum carries into the next byte: a high bit is set where a
    // byte is at least 0x20, and where it is not 0x7F.
    let printable = (v + each(0x80 - 0x20)) & ((v ^ each(0x7F)) + each(0x7F));
    printable & high == high
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[track_caller]
    fn normalizes_to(input: &str, expected: &str) {
        assert_eq!(normalize(input), expected);
    }

    #[test]
    fn normalize_spaces_and_line_ends() {
        normalizes_to("a\u{A0}b\u{2009}c\u{202F}d\u{3000}e\tf", "a b c d e f");
        normalizes_to("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour");
        normalizes_to(
            "page\x0Cbreak\u{2028}line\u{2029}para",
            "page\nbreak\nline\n\npara",
        );
        normalizes_to(
            "zero\u{200B}width\u{FEFF} soft\u{AD}hyphen",
            "zerowidth softhyphen",
        );
    }

    #[test]
    fn normalize_composes_to_nfc() {
        normalizes_to("caf\u{65}\u{301}", "café");
        normalizes_to("A\u{30A}ngstr\u{6F}\u{308}m", "Ångström");
    }

    #[test]
    fn normalize_keeps_typography() {
        let text = "“Don’t,” she said — ‘maybe’… «oui» „ja“ – déjà vu, Zürich, İstanbul";
        normalizes_to(text, text);
        normalizes_to(
            "family: 👨\u{200D}👩\u{200D}👧",
            "family: 👨\u{200D}👩\u{200D}👧",
        );
    }

    #[test]
    fn normalize_defuses_terminal_controls() {
        let attack = "title\x1b]0;pwned\x07 \x1b[2J\x1b[31mred \u{9B}31m \u{9D}8;;http://x\u{9C} bell\x07 back\x08\x7F";
        let out = normalize(attack);
        assert_eq!(
            out,
            "title␛]0;pwned␇ ␛[2J␛[31mred \u{FFFD}31m \u{FFFD}8;;http://x\u{FFFD} bell␇ back␈␡"
        );
        assert!(!out.bytes().any(|b| b == 0x1B));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }

    #[test]
    fn normalize_removes_bidi_overrides() {
        normalizes_to("invoice_\u{202E}fdp.exe", "invoice_fdp.exe");
        normalizes_to(
            "\u{2067}isolated\u{2069} \u{202A}embedded\u{202C}",
            "isolated embedded",
        );
        normalizes_to(
            "\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{200F}!",
            "\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{200F}!",
        );
    }

    #[test]
    fn eight_plain_ascii_bytes_are_printable_ascii() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let expected = (0x20..0x7F).contains(&b);
                assert_eq!(plain_ascii8(&chunk, 0), expected, "{b:#x} at {at}");
                assert!(!plain_ascii8(&chunk, 1), "fewer than eight bytes");
            }
        }
    }

    #[test]
    fn the_nfc_quick_check_of_non_ascii_runs_is_that_of_the_whole() {
        for text in [
            "",
            "plain",
            "café",
            "cafe\u{301}",
            "\u{301}a\u{327}",
            "x\u{327}\u{301}",
            "x\u{301}\u{327}",
            "\u{212B}ngström",
            "한국어 \u{1100}\u{1161}",
            "か\u{3099} and \u{30AB}\u{3099}",
            "“quoted” — ’",
        ] {
            let whole = is_nfc_quick(text.chars()) == IsNormalized::Yes;
            assert_eq!(is_nfc_quick_yes(text), whole, "{text:?}");
        }
    }

    #[test]
    fn normalize_copies_runs_as_mapping_every_character_would() {
        // The mapping character by character, as normalize read before it copied runs.
        fn by_chars(text: &str) -> String {
            let mut out = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        out.push('\n');
                    }
                    '\n' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' => out.push('\n'),
                    '\u{2029}' => out.push_str("\n\n"),
                    '\t'
                    | '\u{A0}'
                    | '\u{1680}'
                    | '\u{2000}'..='\u{200A}'
                    | '\u{202F}'
                    | '\u{205F}'
                    | '\u{3000}' => out.push(' '),
                    '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
                    '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
                    '\0'..='\x1F' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap()),
                    '\x7F' => out.push('\u{2421}'),
                    '\u{80}'..='\u{9F}' => out.push('\u{FFFD}'),
                    c => out.push(c),
                }
            }
            out.nfc().collect()
        }
        let every: String = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'x'])
            .collect();
        for text in [&every, "a\r\nb\r\r\nc\r", "\r", "\r\n", "", "plain ASCII"] {
            assert!(normalize(text) == by_chars(text));
        }
    }

    #[test]
    fn normalize_field_makes_one_line() {
        assert_eq!(
            normalize_field("  Élection\u{A0}présidentielle\n à Montréal "),
            Some("Élection présidentielle à Montréal".to_string())
        );
        assert_eq!(normalize_field(" \u{200B}\n "), None);
    }
}
