//! Character references (`&amp;`, `&#233;`).

use std::borrow::Cow;

/// Decodes character references: numeric ones (`&#233;`, `&#xE9;`, with the HTML standard's
/// windows-1252 reading of `&#128;`–`&#159;`) and the named ones news pages use (Latin-1,
/// typographic punctuation, a few symbols). Unknown names stay as written.
///
/// ```text
/// "&Eacute;lection &amp; caf&eacute; &#8220;oui&#x201D; &bogus;" → "Élection & café “oui” &bogus;"
/// ```
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_entity(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `text` (just after `&`): the character, and how many
/// bytes of `text` it used.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'#') {
        let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let len = bytes[start..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let digits = &text[start..start + len];
        let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let used = start + len + usize::from(bytes.get(start + len) == Some(&b';'));
        return Some((numeric_reference(code), used));
    }
    let len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &text[..len];
    let c = named_entity(name)?;
    if bytes.get(len) == Some(&b';') {
        Some((c, len + 1))
    } else if ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(&name) {
        Some((c, len)) // legacy references browsers accept without `;`
    } else {
        None
    }
}

/// The character of a numeric reference, as the HTML standard maps it.
fn numeric_reference(code: u32) -> char {
    match code {
        0x80..=0x9F => {
            let byte = [code as u8];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            decoded.chars().next().unwrap_or('\u{FFFD}')
        }
        0 => '\u{FFFD}',
        code => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

/// The named character references this reader knows: every Latin-1 one and the common
/// typographic ones. (The full table has over 2,000 names; news pages use a few dozen.)
#[rustfmt::skip]
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'',
        "nbsp" => '\u{A0}', "iexcl" => '¡', "cent" => '¢', "pound" => '£', "curren" => '¤',
        "yen" => '¥', "brvbar" => '¦', "sect" => '§', "uml" => '¨', "copy" => '©',
        "ordf" => 'ª', "laquo" => '«', "not" => '¬', "shy" => '\u{AD}', "reg" => '®',
        "macr" => '¯', "deg" => '°', "plusmn" => '±', "sup2" => '²', "sup3" => '³',
        "acute" => '´', "micro" => 'µ', "para" => '¶', "middot" => '·', "cedil" => '¸',
        "sup1" => '¹', "ordm" => 'º', "raquo" => '»', "frac14" => '¼', "frac12" => '½',
        "frac34" => '¾', "iquest" => '¿', "Agrave" => 'À', "Aacute" => 'Á', "Acirc" => 'Â',
        "Atilde" => 'Ã', "Auml" => 'Ä', "Aring" => 'Å', "AElig" => 'Æ', "Ccedil" => 'Ç',
        "Egrave" => 'È', "Eacute" => 'É', "Ecirc" => 'Ê', "Euml" => 'Ë', "Igrave" => 'Ì',
        "Iacute" => 'Í', "Icirc" => 'Î', "Iuml" => 'Ï', "ETH" => 'Ð', "Ntilde" => 'Ñ',
        "Ograve" => 'Ò', "Oacute" => 'Ó', "Ocirc" => 'Ô', "Otilde" => 'Õ', "Ouml" => 'Ö',
        "times" => '×', "Oslash" => 'Ø', "Ugrave" => 'Ù', "Uacute" => 'Ú', "Ucirc" => 'Û',
        "Uuml" => 'Ü', "Yacute" => 'Ý', "THORN" => 'Þ', "szlig" => 'ß', "agrave" => 'à',
        "aacute" => 'á', "acirc" => 'â', "atilde" => 'ã', "auml" => 'ä', "aring" => 'å',
        "aelig" => 'æ', "ccedil" => 'ç', "egrave" => 'è', "eacute" => 'é', "ecirc" => 'ê',
        "euml" => 'ë', "igrave" => 'ì', "iacute" => 'í', "icirc" => 'î', "iuml" => 'ï',
        "eth" => 'ð', "ntilde" => 'ñ', "ograve" => 'ò', "oacute" => 'ó', "ocirc" => 'ô',
        "otilde" => 'õ', "ouml" => 'ö', "divide" => '÷', "oslash" => 'ø', "ugrave" => 'ù',
        "uacute" => 'ú', "ucirc" => 'û', "uuml" => 'ü', "yacute" => 'ý', "thorn" => 'þ',
        "yuml" => 'ÿ', "OElig" => 'Œ', "oelig" => 'œ', "Scaron" => 'Š', "scaron" => 'š',
        "Yuml" => 'Ÿ', "fnof" => 'ƒ', "circ" => 'ˆ', "tilde" => '˜', "ensp" => '\u{2002}',
        "emsp" => '\u{2003}', "thinsp" => '\u{2009}', "hairsp" => '\u{200A}',
        "zwnj" => '\u{200C}', "zwj" => '\u{200D}', "lrm" => '\u{200E}', "rlm" => '\u{200F}',
        "ndash" => '–', "mdash" => '—', "horbar" => '―', "lsquo" => '‘', "rsquo" => '’',
        "sbquo" => '‚', "ldquo" => '“', "rdquo" => '”', "bdquo" => '„', "dagger" => '†',
        "Dagger" => '‡', "bull" => '•', "hellip" => '…', "permil" => '‰', "prime" => '′',
        "Prime" => '″', "lsaquo" => '‹', "rsaquo" => '›', "oline" => '‾', "frasl" => '⁄',
        "euro" => '€', "trade" => '™', "larr" => '←', "rarr" => '→', "uarr" => '↑',
        "darr" => '↓', "harr" => '↔', "minus" => '−', "nbhy" => '\u{2011}',
        "NonBreakingSpace" => '\u{A0}', "ZeroWidthSpace" => '\u{200B}',
        _ => return None,
    };
    Some(c)
}
