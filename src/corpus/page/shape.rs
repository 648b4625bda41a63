//! The shape of a line: sentence or headline, title case or not, short or long.
//!
//! Boilerplate is recognised less by its words than by its shape and place: a headline-shaped
//! line beside a photo caption is a teaser, a short unpunctuated line after the last paragraph is
//! a credit. These predicates name those shapes.

/// Characters that may close a sentence after its final stop: quotes, brackets, emphasis.
const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', ')', ']', '*', '_', '」', '』', '）', '】',
];

/// Returns true if and only if `text` ends like a sentence: `.`, `!`, `?` or `…` (or the full
/// stops of scripts that write them otherwise: `。`, `！`, `？`, `؟`, `।`, `۔`), possibly followed
/// by closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(CLOSERS);
    t.ends_with([
        '.', '!', '?', '…', '。', '！', '？', '．', '｡', '؟', '।', '۔', '։',
    ])
}

/// The number of white-space-separated words of `text`: `text.split_whitespace().count()`.
pub fn word_count(text: &str) -> usize {
    word_count_upto(text, usize::MAX - 1)
}

/// The number of words of `text` when it is at most `limit`, else some number above `limit`
/// (so it compares with any bound up to `limit` as the full count does). Paragraphs are counted
/// many times while they are judged, mostly against small bounds: counting stops there.
pub fn word_count_upto(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        // Eight ASCII bytes at a time, as bit masks with one bit (0x80) per byte.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if v & HIGH_BITS == 0 {
                let word = !ascii_spaces(v) & HIGH_BITS;
                // A word starts at a byte that is not space after one that is (the byte before
                // the chunk is the lowest bit shifted in).
                let after_word = (word << 8) | if in_word { 0x80 } else { 0 };
                count += (word & !after_word).count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                if count > limit {
                    return count;
                }
                continue;
            }
        }
        let b = bytes[i];
        let space = if b < 0x80 {
            i += 1;
            matches!(b, b' ' | b'\t'..=b'\r')
        } else if WHITE_SPACE_LEADS.contains(&b) {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_whitespace()
        } else {
            // Any other byte is part of a character that is not white space.
            i += 1;
            false
        };
        if !space && !in_word {
            count += 1;
            if count > limit {
                return count;
            }
        }
        in_word = !space;
    }
    count
}

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` (eight ASCII bytes) that is white space: a space, or a tab,
/// line feed, vertical tab, form feed or carriage return (`\t`..=`\r`). No byte is above 0x7F,
/// so none of the sums below carries into the next byte.
fn ascii_spaces(v: u64) -> u64 {
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    let at_least_tab = v + each(0x80 - b'\t');
    let above_return = v + each(0x80 - b'\r' - 1);
    let not_space = (v ^ each(b' ')) + each(0x7F);
    ((at_least_tab & !above_return) | !not_space) & HIGH_BITS
}

/// The first UTF-8 bytes of every non-ASCII white space character (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
const WHITE_SPACE_LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];

/// The first letter or digit of `text`.
pub fn first_alphanumeric(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphanumeric())
}

/// Returns true if and only if `text` is a list item: "- Russia", "* Syria", "• Iran", "2. Iraq".
pub fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let numbered = t.split_once(['.', ')']).is_some_and(|(n, rest)| {
        (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
    });
    numbered
        || ["- ", "* ", "+ ", "• ", "– "]
            .iter()
            .any(|m| t.starts_with(m))
}

/// The last word of `text`, stripped of punctuation on both sides.
pub fn last_word(text: &str) -> Option<&str> {
    text.split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Words that headline title case leaves in lower case, and name particles.
#[rustfmt::skip]
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by",
    "with", "from", "as", "vs", "via", "into", "per", "al", "el", "de", "du", "la", "le", "von",
    "van", "bin", "ibn", "over", "amid", "after", "up",
];

/// Returns true if and only if the word's first letter is upper case (digits count as neither).
/// A name particle joined by a hyphen does not count: "al-Zameli" is capitalised.
fn is_capitalised(word: &str) -> Option<bool> {
    let word = match word.split_once('-') {
        Some((particle, name)) if MINOR.contains(&particle.to_lowercase().as_str()) => name,
        _ => word,
    };
    word.chars()
        .find(|c| c.is_alphanumeric())
        .filter(|c| c.is_alphabetic())
        .map(char::is_uppercase)
}

/// Returns true if and only if `text` is in title case: at least two capitalised words, and at
/// least four in five of its words other than minor ones capitalised.
///
/// ```text
/// "Iraqi Popular Forces Not to Fight alongside Americans in Anbar" → true
/// "Iraq, Russia, others unite against ISIL"                        → false
/// ```
pub fn is_title_case(text: &str) -> bool {
    let (mut caps, mut counted) = (0, 0);
    for word in text.split_whitespace() {
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if MINOR.contains(&bare.as_str()) {
            continue;
        }
        if let Some(cap) = is_capitalised(word) {
            counted += 1;
            caps += usize::from(cap);
        }
    }
    caps >= 2 && caps * 5 >= counted * 4
}

/// Returns true if and only if every word of `text` that has letters is capitalised, as in a
/// name ("War Press Info Network", "Al-Manar", "TRT World"), allowing minor words inside.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && is_capitalised(words[0]) == Some(true)
        && words.iter().all(|w| {
            let bare = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            is_capitalised(w) != Some(false) || MINOR.contains(&bare.as_str())
        })
}

/// Crumb separators: a line with these is a navigation path, not a headline.
const CRUMB_SEPARATORS: &[&str] = &[" > ", " » ", " › ", " / "];

/// Returns true if and only if `text` is shaped like a headline: 3 to 25 words, starting with a
/// capital or a digit, not ending as a sentence or with `:`/`,`, not a crumb path ("Home > World",
/// "Home | Middle East | Iraq"; a single " | " may separate a headline from its site's name).
pub fn is_headline(text: &str) -> bool {
    let words = word_count_upto(text, 25);
    let t = text.trim();
    let starts_well = t
        .chars()
        .find(|c| !"“\"‘'(".contains(*c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (3..=25).contains(&words)
        && starts_well
        && !t.trim_end_matches(CLOSERS).ends_with(['.', '…'])
        && !t.ends_with([':', ',', ';'])
        && !CRUMB_SEPARATORS.iter().any(|s| t.contains(s))
        && t.matches(" | ").count() < 2
}

/// Returns true if and only if `text` reads as a paragraph of running text: 20 words or more,
/// or 8 or more ending as a sentence.
pub fn is_body(text: &str) -> bool {
    let words = word_count(text);
    words >= 20 || (words >= 8 && ends_sentence(text))
}

/// Returns true if and only if `text` contains quotation marks.
pub fn has_quote(text: &str) -> bool {
    text.contains(['“', '”', '"', '«', '»'])
}

/// Normalises a line for comparison across articles: case-folded, digits as `0`, Markdown
/// already gone, whitespace collapsed.
///
/// ```text
/// "Copyright  2015 Al Manar" → "copyright 0000 al manar"
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A run of white space becomes one space, once a word has been written and another follows.
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii() {
            // The same as below, without the Unicode tables.
            match c {
                ' ' | '\t'..='\r' => space = !out.is_empty(),
                c => {
                    if std::mem::take(&mut space) {
                        out.push(' ');
                    }
                    out.push(if c.is_ascii_digit() {
                        '0'
                    } else {
                        c.to_ascii_lowercase()
                    });
                }
            }
        } else if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if std::mem::take(&mut space) {
                out.push(' ');
            }
            if c.is_numeric() {
                out.push('0');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Finds `needle` (ASCII) in `text` ignoring ASCII case. Unlike an index into
/// `text.to_lowercase()`, the index addresses `text` itself.
pub fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    // Candidates are where the needle's rarest byte (by English letter frequency) stands, in
    // either case; memchr2 jumps between them, in order.
    let rank = |b: u8| {
        RARITY
            .get(usize::from(b.to_ascii_lowercase()))
            .copied()
            .unwrap_or(0)
    };
    let Some(k) = (0..needle.len()).max_by_key(|&k| rank(needle[k])) else {
        return Some(0);
    };
    let (lower, upper) = (
        needle[k].to_ascii_lowercase(),
        needle[k].to_ascii_uppercase(),
    );
    memchr::memchr2_iter(lower, upper, hay)
        .filter_map(|at| at.checked_sub(k))
        .find(|&i| {
            hay.get(i..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
}

/// How rare each ASCII letter is in English text, from 1 (`e`) to 26 (`z`); 0 for the rest.
const RARITY: [u8; 128] = {
    let letters = b"etaoinshrdlcumwfgypbvkjxqz";
    let mut rarity = [0; 128];
    let mut i = 0;
    while i < letters.len() {
        rarity[letters[i] as usize] = i as u8 + 1;
        i += 1;
    }
    rarity
};

/// `text` after `prefix`, if it starts with it ignoring ASCII case.
pub fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Returns true if and only if `text` has a whole word (or phrase) `phrase`, ignoring case;
/// `phrase` must be lower case.
pub fn has_phrase(lower_text: &str, phrase: &str) -> bool {
    lower_text.match_indices(phrase).any(|(i, _)| {
        let before = lower_text[..i].chars().next_back();
        let after = lower_text[i + phrase.len()..].chars().next();
        let edge = |c: Option<char>, p: Option<char>| {
            c.is_none_or(|c| !c.is_alphanumeric()) || p.is_some_and(|p| !p.is_alphanumeric())
        };
        edge(before, phrase.chars().next()) && edge(after, phrase.chars().next_back())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_with_a_stop_before_closing_quotes() {
        assert!(ends_sentence("so as to “get better results.”"));
        assert!(ends_sentence("group (using the Arabic acronym for ISIL).”"));
        assert!(ends_sentence("*a lede in italics.*"));
        assert!(!ends_sentence(
            "Iraqi PM to share anti-ISIS intel with Russia"
        ));
        assert!(!ends_sentence("War Press Info Network at:"));
    }

    #[test]
    fn title_case_and_names() {
        assert!(is_title_case(
            "Tale of One Dead Soldier: How Syrian Army Defends Its Positions in Daraa"
        ));
        assert!(is_title_case(
            "Syrian Army's Actions Backed by Russian Airstrikes Are Effective - Kremlin"
        ));
        assert!(!is_title_case(
            "City of Atshan liberated by Syrian army with support of Russian aviation"
        ));
        assert!(!is_title_case("Iraq, Russia, others unite against ISIL"));
        assert!(is_name("War Press Info Network"));
        assert!(is_name("Hakem al-Zameli"));
        assert!(!is_name("the editorial staff"));
    }

    #[test]
    fn headlines_are_short_unfinished_and_capitalised() {
        assert!(is_headline("Iraqi PM to share anti-ISIS intel with Russia"));
        assert!(is_headline("Is Russia winning?"));
        assert!(!is_headline("World"));
        assert!(!is_headline("- Sputnik International"));
        assert!(!is_headline(
            "Get the latest news from around the world, live coverage, and analysis."
        ));
        assert!(!is_headline("Home > World > Middle East"));
        assert!(!is_headline("log in or register now"));
    }

    #[test]
    fn case_insensitive_search_addresses_the_original() {
        // "İ" grows when lower-cased, so an index into the lower-cased text would be off.
        let text = "İİ The Editorial Staff of X";
        let at = find_ascii_ci(text, "editorial staff of ").unwrap();
        assert_eq!(&text[at..], "Editorial Staff of X");
        assert_eq!(strip_prefix_ci("COPYRIGHT © X", "copyright"), Some(" © X"));
        let windows = |text: &str, needle: &str| {
            let (hay, n) = (text.as_bytes(), needle.as_bytes());
            (0..=hay.len().saturating_sub(n.len())).find(|&i| {
                hay.get(i..i + n.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(n))
            })
        };
        for (text, needle) in [
            (
                "the Editorial Staff of X and the editorial staff of Y",
                "editorial staff of ",
            ),
            ("staff of staff of", "editorial staff of "),
            ("ff", "ff"),
            ("aFfF", "ff"),
            ("", "x"),
            ("x", ""),
            ("", ""),
            ("İ#! --", "#! -"),
        ] {
            assert_eq!(
                find_ascii_ci(text, needle),
                windows(text, needle),
                "{text:?} {needle:?}"
            );
        }
        assert_eq!(strip_prefix_ci("İx", "ix"), None);
    }

    #[test]
    fn word_count_splits_as_split_whitespace_does() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0Bd\x0Ce\rf\x1Fg",
            "x\u{85}y\u{A0}z\u{2003}w\u{3000}v\u{200B}u",
            "é ü  日本 🙂",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn white_space_outside_ascii_starts_with_the_known_bytes() {
        let mut buf = [0; 4];
        for c in (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(WHITE_SPACE_LEADS.contains(&lead), "{c:?}");
        }
    }

    #[test]
    fn word_count_reads_every_ascii_byte_as_split_whitespace_does() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        const SPACES: [char; 7] = ['\t', '\n', '\x0B', '\x0C', '\r', '\u{A0}', '\u{3000}'];
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| match next() % 8 {
                    0 => ' ',
                    1 => SPACES[next() as usize % SPACES.len()],
                    2 => 'é',
                    _ => char::from((next() % 128) as u8),
                })
                .collect();
            let expected = text.split_whitespace().count();
            assert_eq!(word_count(&text), expected, "{text:?}");
            for limit in 0..expected {
                assert!(word_count_upto(&text, limit) > limit, "{text:?}");
            }
            assert_eq!(word_count_upto(&text, expected), expected, "{text:?}");
        }
    }

    #[test]
    fn counting_up_to_a_limit_stops_after_it() {
        assert!(word_count_upto("a b c d", 2) > 2);
        assert_eq!(word_count_upto("a b c d", 4), 4);
        assert_eq!(word_count_upto(" a  b ", 0), 1);
    }

    #[test]
    fn fold_lowers_and_zeroes_digits() {
        assert_eq!(
            fold("  Copyright  2015\tAl Manar "),
            "copyright 0000 al manar"
        );
    }

    #[test]
    fn fold_is_lower_cased_words_with_digits_zeroed() {
        let by_words = |text: &str| -> String {
            let words = text.split_whitespace().map(|word| {
                let zeroed = word.chars().map(|c| if c.is_numeric() { '0' } else { c });
                zeroed.flat_map(char::to_lowercase).collect::<String>()
            });
            words.collect::<Vec<_>>().join(" ")
        };
        for text in [
            "",
            " \t\n ",
            "Al-Manar, 23 October 2015",
            "\u{A0}İstanbul ΣΟΦΙΑ\u{2003}Ⅻ ٣ ½\u{3000}ß 🙂 ",
            "a\x0Bb\x0Cc\rd\x1Fe\u{85}f\u{200B}g",
        ] {
            assert_eq!(fold(text), by_words(text), "{text:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(has_phrase("follow us on twitter", "follow us"));
        assert!(!has_phrase("we follow usual practice", "follow us"));
        assert!(has_phrase("copyright © al manar", "©"));
    }
}
