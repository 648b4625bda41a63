//! Word boundaries (Unicode's UAX #29, as `unicode-segmentation` finds them), faster on the
//! ASCII that most news text is made of.
//!
//! The text is cut at points where the boundary is certain and no rule looks across: between
//! an ASCII space (or line break) and an ASCII character that is not one. Each piece of plain
//! ASCII is split by the rules below, which are UAX #29's restricted to ASCII; a piece with
//! any other character goes to `unicode-segmentation` whole. The splitter spent most of its
//! time in the general algorithm's table lookups.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The word-break class of an ASCII byte (UAX #29, table 3), as far as ASCII needs it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    Numeric,
    /// ExtendNumLet: `_`.
    Connector,
    /// MidLetter: `:`.
    MidLetter,
    /// MidNumLet and Single_Quote: `.`, `'` (join letters and numbers alike).
    MidBoth,
    /// MidNum: `,`, `;`.
    MidNum,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b'_' => Class::Connector,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidBoth,
        b',' | b';' => Class::MidNum,
        _ => Class::Other,
    }
}

/// ASCII white space as UAX #29 sees it: a space (WSegSpace), a tab (Other, but never joined),
/// line breaks (CR, LF, Newline).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The end of the ASCII word or punctuation mark starting at `start` in `piece`, which holds
/// no white space.
fn word_end(piece: &[u8], start: usize) -> usize {
    let first = class(piece[start]);
    if !matches!(first, Class::Letter | Class::Numeric | Class::Connector) {
        return start + 1;
    }
    let mut last = first;
    let mut i = start + 1;
    while i < piece.len() {
        let c = class(piece[i]);
        match c {
            // WB5, WB8–WB10, WB13a, WB13b.
            Class::Letter | Class::Numeric | Class::Connector => {
                last = c;
                i += 1;
            }
            // WB6/WB7 (letter, mid, letter) and WB11/WB12 (number, mid, number).
            Class::MidLetter | Class::MidBoth | Class::MidNum => {
                let next = piece.get(i + 1).map(|&b| class(b));
                let joins = matches!(
                    (last, c, next),
                    (
                        Class::Letter,
                        Class::MidLetter | Class::MidBoth,
                        Some(Class::Letter)
                    ) | (
                        Class::Numeric,
                        Class::MidNum | Class::MidBoth,
                        Some(Class::Numeric)
                    )
                );
                if !joins {
                    break;
                }
                i += 2;
                last = next.unwrap_or(Class::Other);
            }
            Class::Other => break,
        }
    }
    i
}

/// The end of the white-space segment starting at `start`: a run of spaces (WB3d), CR LF
/// (WB3), or any other white-space byte alone.
fn space_end(piece: &[u8], start: usize) -> usize {
    match piece[start] {
        b' ' => start + piece[start..].iter().take_while(|&&b| b == b' ').count(),
        b'\r' if piece.get(start + 1) == Some(&b'\n') => start + 2,
        _ => start + 1,
    }
}

/// How the current piece is being split.
enum Mode<'a> {
    /// Plain ASCII, up to `end`.
    Ascii {
        end: usize,
    },
    /// By `unicode-segmentation`, offsets counted from `base`.
    General {
        base: usize,
        bounds: UWordBoundIndices<'a>,
    },
    Between,
}

/// The word-boundary segments of a text with their byte offsets: the same as
/// `text.split_word_bound_indices()`.
pub struct WordBounds<'a> {
    text: &'a str,
    pos: usize,
    mode: Mode<'a>,
}

pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        pos: 0,
        mode: Mode::Between,
    }
}

impl<'a> WordBounds<'a> {
    /// The end of the piece starting at `self.pos` (the next certain, context-free boundary)
    /// and whether it is all ASCII.
    fn next_piece(&self) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let mut ascii = bytes[self.pos] < 0x80;
        let mut i = self.pos + 1;
        while i < bytes.len() {
            let (a, b) = (bytes[i - 1], bytes[i]);
            if a < 0x80 && b < 0x80 && is_space(a) != is_space(b) {
                break;
            }
            ascii &= b < 0x80;
            i += 1;
        }
        (i, ascii)
    }
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            match &mut self.mode {
                Mode::General { base, bounds } => {
                    if let Some((offset, segment)) = bounds.next() {
                        return Some((*base + offset, segment));
                    }
                    self.mode = Mode::Between;
                }
                Mode::Ascii { end } if self.pos < *end => {
                    let piece = &self.text.as_bytes()[..*end];
                    let start = self.pos;
                    self.pos = if is_space(piece[start]) {
                        space_end(piece, start)
                    } else {
                        word_end(piece, start)
                    };
                    return Some((start, &self.text[start..self.pos]));
                }
                Mode::Ascii { .. } | Mode::Between => {
                    if self.pos >= self.text.len() {
                        return None;
                    }
                    let (end, ascii) = self.next_piece();
                    self.mode = if ascii {
                        Mode::Ascii { end }
                    } else {
                        let start = self.pos;
                        self.pos = end;
                        Mode::General {
                            base: start,
                            bounds: self.text[start..end].split_word_bound_indices(),
                        }
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_unicode_segmentation(text: &str) {
        let fast: Vec<(usize, &str)> = word_bounds(text).collect();
        let general: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        assert_eq!(fast, general, "{text:?}");
    }

    #[test]
    fn bounds_are_those_of_unicode_segmentation() {
        for text in [
            "",
            " ",
            "a",
            "Hello, world.  It's 6.1 or 1,800.5; a:b a.b. a_b 3_x x_3 __ 'a' ''",
            "U.S. e.g. 10:30 p.m. $37.5 .308 3.a a.3 1,a a,1 a,b a;b 1:2 1'000 it's' 'tis",
            "tabs\t\tand\r\nlines\n\n\r\x0b\x0c end ",
            "“Café” naïve — al-Abadi’s 6.1-magnitude 東京 are\u{301} x \u{301}y",
            " \u{2009} \u{2009}a\u{2009} b \u{200d}\u{1f600} 🇫🇷🇩🇪 \u{1f468}\u{200d}\u{1f469}",
            "a\u{301}.b 1\u{301},2 a.\u{301}b x\u{ad}y .\u{301} ,",
        ] {
            same_as_unicode_segmentation(text);
        }
    }

    #[test]
    fn bounds_agree_on_random_mixtures() {
        // A small fixed generator: the same texts every run.
        let alphabet: Vec<char> = "aZ09_.,;:'\" \t\n\r-()é’“\u{301}\u{200d}\u{2009}😀🇫東"
            .chars()
            .collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            same_as_unicode_segmentation(&text);
        }
    }
}
