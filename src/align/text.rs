//! The text model: paragraphs → sentences → word tokens, each with its byte range in the
//! cleaned text, so that every match maps back to exact text.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One word as written: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Index of its sentence in [`Segmented::sentences`].
    pub sentence: u32,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A sentence: `text[start..end]`, trimmed, with its tokens `tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of its paragraph (a line of the cleaned text), counted from 0.
    pub paragraph: u32,
    pub tokens: Range<usize>,
}

/// An article's text cut into sentences and tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

/// Words after which a full stop does not end a sentence (compared lowercased, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr",
    "e.g", "esq", "feb", "fig", "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun",
    "lt", "ltd", "maj", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "op", "pp", "prof",
    "pvt", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vol", "vs",
];

/// Capitalised words that start a new sentence after a dotted acronym ("…in the U.S. The …").
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "an",
    "and",
    "but",
    "he",
    "her",
    "his",
    "i",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "what",
    "when",
    "yet",
];

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a full stop right after `word` is part of the word rather than a sentence end,
/// given the `next` word.
fn dot_belongs_to_word(word: &str, next: &str) -> bool {
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial ("J. Smith", "George W. Bush").
    if letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // A dotted acronym ("U.S.", "U.N."): ends a sentence only before a typical sentence opener.
    if word.contains('.') && letters <= 4 {
        return !SENTENCE_STARTERS.contains(&next.to_lowercase().as_str());
    }
    false
}

/// Cut `text` into sentences and tokens. Newlines always end a sentence; each line is a
/// paragraph.
pub fn segment(text: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut paragraph: u32 = 0;
    // Tokens of the sentence being built.
    let mut sentence_start_token = 0usize;
    let mut sentence_start_byte: Option<usize> = None;
    // Last non-space byte seen in the sentence.
    let mut last_end = 0usize;
    // The last sentence terminator seen since the last word.
    let mut pending: Option<char> = None;
    let mut newline_pending = false;
    // Whitespace seen after a terminator, and where punctuation after it began (an opening
    // quote that belongs to the next sentence if one starts).
    let mut spaced = false;
    let mut lead: Option<usize> = None;

    let close = |out: &mut Segmented, start: Option<usize>, end: usize, first: usize, para: u32| {
        if let Some(start) = start {
            let tokens = first..out.tokens.len();
            if !tokens.is_empty() {
                let index = out.sentences.len() as u32;
                for t in &mut out.tokens[tokens.clone()] {
                    t.sentence = index;
                }
                out.sentences.push(Sentence {
                    start,
                    end,
                    paragraph: para,
                    tokens,
                });
            }
        }
    };

    for (offset, segment) in text.split_word_bound_indices() {
        if is_word(segment) {
            let ends = if newline_pending {
                true
            } else if let Some(mark) = pending {
                let previous = out.tokens.last().map(|t| &text[t.range()]).unwrap_or("");
                match mark {
                    '.' => {
                        starts_upper_or_digit(segment) && !dot_belongs_to_word(previous, segment)
                    }
                    _ => starts_upper_or_digit(segment),
                }
            } else {
                false
            };
            if ends {
                close(
                    &mut out,
                    sentence_start_byte,
                    last_end,
                    sentence_start_token,
                    paragraph,
                );
                if newline_pending {
                    paragraph += 1;
                }
                sentence_start_token = out.tokens.len();
                sentence_start_byte = lead;
            }
            pending = None;
            spaced = false;
            lead = None;
            newline_pending = false;
            if sentence_start_byte.is_none() {
                sentence_start_byte = Some(offset);
            }
            out.tokens.push(Token {
                start: offset as u32,
                end: (offset + segment.len()) as u32,
                sentence: 0,
            });
            last_end = offset + segment.len();
            continue;
        }
        if segment.contains('\n') {
            newline_pending = true;
            continue;
        }
        let trimmed = segment.trim();
        if trimmed.is_empty() {
            spaced |= pending.is_some();
            continue;
        }
        if spaced && !newline_pending {
            lead.get_or_insert(offset + (segment.len() - segment.trim_start().len()));
            continue;
        }
        // Punctuation before the first word of a sentence (an opening quote) belongs to it.
        if sentence_start_byte.is_none() && !newline_pending {
            sentence_start_byte = Some(offset + (segment.len() - segment.trim_start().len()));
        } else if newline_pending {
            close(
                &mut out,
                sentence_start_byte,
                last_end,
                sentence_start_token,
                paragraph,
            );
            paragraph += 1;
            sentence_start_token = out.tokens.len();
            sentence_start_byte = Some(offset + (segment.len() - segment.trim_start().len()));
            newline_pending = false;
            pending = None;
        }
        last_end = offset + segment.trim_end().len();
        for c in trimmed.chars() {
            match c {
                '.' => pending = Some('.'),
                '!' | '?' => pending = Some('!'),
                '…' => pending = Some('…'),
                _ => {}
            }
        }
    }
    close(
        &mut out,
        sentence_start_byte,
        last_end,
        sentence_start_token,
        paragraph,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        segment(text)
            .tokens
            .iter()
            .map(|t| &text[t.range()])
            .collect()
    }

    #[test]
    fn splits_sentences_at_full_stops_before_capitals() {
        assert_eq!(
            sentences("Russia struck. Iraq agreed! Did Iran? Yes."),
            ["Russia struck.", "Iraq agreed!", "Did Iran?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_end_sentences() {
        assert_eq!(
            sentences("Lt. Gen. Ray Odierno met George W. Bush in the U.S. Army base. It rained."),
            [
                "Lt. Gen. Ray Odierno met George W. Bush in the U.S. Army base.",
                "It rained."
            ]
        );
        assert_eq!(
            sentences("Troops left the U.S. The war went on."),
            ["Troops left the U.S.", "The war went on."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said: “We agree.” The talks ended. “Good,” she said."),
            [
                "He said: “We agree.”",
                "The talks ended.",
                "“Good,” she said."
            ]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues_the_sentence() {
        assert_eq!(
            sentences("watching terrorists… and degrading them. Then… Nothing."),
            [
                "watching terrorists… and degrading them.",
                "Then…",
                "Nothing."
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_end_sentences() {
        let text = "A headline without stop\n\nFirst line. Second.\nThird";
        let seg = segment(text);
        let got: Vec<(&str, u32)> = seg
            .sentences
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("A headline without stop", 0),
                ("First line.", 1),
                ("Second.", 1),
                ("Third", 2)
            ]
        );
    }

    #[test]
    fn tokens_carry_exact_byte_ranges() {
        assert_eq!(
            words("al-Abadi's “U.S.” Café, 1,800 sorties"),
            ["al", "Abadi's", "U.S", "Café", "1,800", "sorties"]
        );
        let text = "Ab cd. Ef";
        let seg = segment(text);
        assert_eq!(
            seg.tokens[2],
            Token {
                start: 7,
                end: 9,
                sentence: 1
            }
        );
        assert_eq!(seg.sentences[1].tokens, 2..3);
    }

    #[test]
    fn empty_and_punctuation_only_texts_have_no_sentences() {
        assert_eq!(segment(""), Segmented::default());
        assert_eq!(segment(" ,,, \n\n ... ").sentences, []);
    }
}
