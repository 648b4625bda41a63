//! The text model: paragraphs → sentences → word tokens, each with its byte range in the
//! cleaned text, so that every match maps back to exact text.

use std::ops::Range;

mod bounds;

use bounds::word_bounds;

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

/// Titles and other words that a full stop never ends a sentence after: a name or a date
/// follows (compared lowercased, without the dot).
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "apr", "atty", "aug", "brig", "capt", "cmdr", "col", "comr", "const", "cpl",
    "dec", "dep", "dept", "det", "dist", "dr", "e.g", "feb", "fr", "gen", "gov", "hon", "i.e",
    "insp", "jan", "jul", "jun", "lt", "maj", "mar", "messrs", "mr", "mrs", "ms", "msgr", "mt",
    "nov", "oct", "pfc", "prof", "pvt", "rep", "rev", "sen", "sep", "sept", "sgt", "snr", "spc",
    "supt", "vs",
];

/// Abbreviations that often end a sentence too ("… said Apple Inc. The company …"): the full
/// stop ends one only before a typical sentence opener, as after a dotted acronym.
#[rustfmt::skip]
const ENDING_ABBREVIATIONS: &[&str] = &[
    "approx", "ave", "blvd", "bros", "co", "corp", "etc", "ft", "inc", "jr", "ltd", "rd", "sr",
    "st",
];

/// Abbreviations that stand before a number ("No. 5", "case No. VA0898", "pp. 10"): the full
/// stop ends no sentence when a word with a digit follows.
const NUMBER_ABBREVIATIONS: &[&str] = &["art", "ch", "fig", "no", "nos", "op", "p", "pp", "vol"];

/// Words a sentence does not end on: a full stop after them before a number is a decimal
/// point ("a legal limit of .08 percent" spaced as "of. 08").
#[rustfmt::skip]
const NOT_FINAL: &[&str] = &[
    "a", "about", "an", "and", "are", "around", "at", "be", "by", "for", "from", "in", "is",
    "of", "on", "or", "over", "the", "to", "under", "was", "were", "with",
];

/// US state abbreviations of news style ("Lexington, Ky."), compared as written: in lower case
/// several are words ("ill", "miss", "wash"). They end a sentence only before a sentence opener.
#[rustfmt::skip]
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Capitalised words that start a new sentence after an abbreviation that may end one
/// ("…in the U.S. The …", "…at 7 a.m. Police …" is not among them: a name may follow).
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "an", "and", "as", "at", "but", "by", "for", "he", "her", "his", "however",
    "i", "if", "in", "it", "its", "meanwhile", "of", "on", "one", "our", "she", "so", "some",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "we", "what",
    "when", "while", "yet",
];

/// Verbs that attribute a quotation: after a question or an exclamation closed by a quote
/// mark, "… she asked." goes on with the same sentence.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "adds", "answered", "argued", "asked", "asks", "continued", "cried", "declared",
    "demanded", "exclaimed", "explained", "insisted", "joked", "noted", "questioned", "recalled",
    "replied", "responded", "said", "says", "shouted", "tells", "thundered", "told", "tweeted",
    "warned", "wondered", "wrote", "writes", "yelled",
];

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a full stop after `word` (without the dot) never ends a sentence before the
/// capitalised `next` word, wherever the two stand: a title or a month ("Gov. Cuomo", "Dec. 5")
/// or the "v." of a case name ("Roe v. Wade"). Initials are not among them: "…flew to L. A." may
/// end a paragraph.
pub(crate) fn title_before(word: &str, next: &str) -> bool {
    starts_upper_or_digit(next) && !is_starter(next) && (listed(ABBREVIATIONS, word) || word == "v")
}

fn is_starter(word: &str) -> bool {
    listed(SENTENCE_STARTERS, word)
}

/// Marks that close a quotation or a bracket: they belong to the sentence before them, even
/// after a space ("…something?’ ” Ek said"). A straight double quote closes when one is open.
fn is_closing(c: char, quote_open: bool) -> bool {
    matches!(c, '”' | '’' | ')' | ']' | '»') || (c == '"' && quote_open)
}

/// Marks that open a quotation or a bracket: right after a full stop, they begin the next
/// sentence ("…census.(J. Scott …").
fn is_opening(c: char, quote_open: bool) -> bool {
    matches!(c, '“' | '‘' | '(' | '[' | '«') || (c == '"' && !quote_open)
}

/// Whether a full stop right after `word` is part of the word rather than a sentence end,
/// given the `next` word.
fn dot_belongs_to_word(word: &str, next: &str) -> bool {
    if listed(ABBREVIATIONS, word) {
        return true;
    }
    if next.contains(|c: char| c.is_ascii_digit()) && listed(NUMBER_ABBREVIATIONS, word) {
        return true;
    }
    if listed(ENDING_ABBREVIATIONS, word) || STATES.contains(&word) {
        return !is_starter(next);
    }
    let mut chars = word.chars();
    let (first, second) = (chars.next(), chars.next());
    if let (Some(c), None) = (first, second) {
        // An initial ("J. Smith", "George W. Bush").
        if c.is_uppercase() {
            return true;
        }
        // A letter of a spaced abbreviation ("Roe v. Wade", "7 p. m. Tuesday").
        if c.is_lowercase() {
            return !is_starter(next);
        }
    }
    // A dotted acronym ("U.S.", "U.N.", "a.m."): ends a sentence only before a typical
    // sentence opener.
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return !is_starter(next);
    }
    false
}

/// Whether a full stop between `before` (the text from the previous word's start up to the
/// next word) and a number is a decimal point or part of the number rather than a sentence
/// end: "6. 1" and "$37. 5" (numbers that a tokenizer spaced apart), ". 308" and "a .357"
/// (a leading decimal point). A number after a full stop that ends a word ("… said. 12 …") still
/// starts a sentence.
fn dot_before_number(previous: &str, gap: &str) -> bool {
    let gap_trimmed = gap.trim_end();
    // The stop touches the number (".308") or stands apart from the word before (" . 308").
    if gap_trimmed.len() == gap.len() || gap.starts_with(char::is_whitespace) {
        return true;
    }
    previous.ends_with(|c: char| c.is_ascii_digit()) || listed(NOT_FINAL, previous)
}

/// Whether the words from `rest` on attribute the quotation just closed: a speech verb among
/// the next eight words of the sentence ("” Colts coach Bruce Arians asked."), before any
/// quote mark (which would open a quotation of their own: "“We agree,” she said").
fn attributes_quote(rest: &str) -> bool {
    for word in rest.split_whitespace().take(8) {
        if word.contains(['"', '“']) {
            break;
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if listed(SPEECH_VERBS, bare) {
            return true;
        }
        if word.ends_with(['.', '!', '?', '…']) {
            break;
        }
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
    // A straight double quote is open in this paragraph (the next one closes it).
    let mut quote_open = false;
    // A quote mark closed after a question or exclamation mark ("…?” she asked).
    let mut quote_closed = false;

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

    for (offset, segment) in word_bounds(text) {
        if is_word(segment) {
            let ends = if newline_pending {
                true
            } else if let Some(mark) = pending {
                starts_upper_or_digit(segment) && {
                    let (previous, gap) = match out.tokens.last() {
                        Some(t) => (&text[t.range()], &text[t.end as usize..offset]),
                        None => ("", &text[..offset]),
                    };
                    match mark {
                        // A list marker ("1. How much …") opens the sentence it numbers.
                        '.' if out.tokens.len() == sentence_start_token + 1
                            && previous.len() <= 2
                            && previous.bytes().all(|b| b.is_ascii_digit()) =>
                        {
                            false
                        }
                        '.' => {
                            !dot_belongs_to_word(previous, segment)
                                && (!segment.starts_with(|c: char| c.is_ascii_digit())
                                    || !dot_before_number(previous, gap))
                        }
                        '!' if quote_closed => {
                            is_starter(segment) || !attributes_quote(&text[offset..])
                        }
                        _ => true,
                    }
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
                    quote_open = false;
                }
                sentence_start_token = out.tokens.len();
                sentence_start_byte = lead;
            }
            pending = None;
            spaced = false;
            lead = None;
            newline_pending = false;
            quote_closed = false;
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
        let lead_byte = offset + (segment.len() - segment.trim_start().len());
        if !newline_pending && (spaced || pending.is_some()) {
            let first = trimmed.chars().next().unwrap_or(' ');
            // A closing mark after the space still closes the sentence just ended.
            // A straight quote is closing when the quotation was opened on a line before and
            // its speaker follows ("…could it be? \" Yanes said."); two apostrophes close too.
            let closing = is_closing(first, quote_open)
                || (first == '"' && attributes_quote(&text[offset + 1..]))
                || (first == '\''
                    && text[offset + 1..].starts_with(|c: char| c == '\'' || c.is_whitespace()));
            if spaced && pending.is_some() && lead.is_none() && closing {
                last_end = offset + segment.trim_end().len();
                quote_open &= first != '"';
                quote_closed |= pending == Some('!');
                continue;
            }
            if spaced || (pending.is_some() && is_opening(first, quote_open)) {
                lead.get_or_insert(lead_byte);
                quote_open ^= trimmed.chars().filter(|&c| c == '"').count() % 2 == 1;
                continue;
            }
        }
        // Punctuation before the first word of a sentence (an opening quote) belongs to it.
        if sentence_start_byte.is_none() && !newline_pending {
            sentence_start_byte = Some(lead_byte);
        } else if newline_pending {
            close(
                &mut out,
                sentence_start_byte,
                last_end,
                sentence_start_token,
                paragraph,
            );
            paragraph += 1;
            quote_open = false;
            sentence_start_token = out.tokens.len();
            sentence_start_byte = Some(lead_byte);
            newline_pending = false;
            pending = None;
        }
        last_end = offset + segment.trim_end().len();
        for c in trimmed.chars() {
            match c {
                '.' => pending = Some('.'),
                '!' | '?' => pending = Some('!'),
                '…' => pending = Some('…'),
                '"' => {
                    quote_closed |= quote_open && pending == Some('!');
                    quote_open = !quote_open;
                }
                '”' | '’' | '\'' => quote_closed |= pending == Some('!'),
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
    fn abbreviations_that_may_end_a_sentence_end_one_before_an_opener() {
        assert_eq!(
            sentences("Roe v. Wade stands. It was 7 p. m. Tuesday. Talks ended at 9 a.m. The end."),
            [
                "Roe v. Wade stands.",
                "It was 7 p. m. Tuesday.",
                "Talks ended at 9 a.m.",
                "The end."
            ]
        );
        assert_eq!(
            sentences(
                "He works for Apple Inc. The firm sued. She lives in Lexington, Ky. It rained."
            ),
            [
                "He works for Apple Inc.",
                "The firm sued.",
                "She lives in Lexington, Ky.",
                "It rained."
            ]
        );
        assert_eq!(
            sentences("Said Dist. Atty. Steve Cooley. He ranks No. 5 now. She said no. Then left."),
            [
                "Said Dist. Atty. Steve Cooley.",
                "He ranks No. 5 now.",
                "She said no.",
                "Then left."
            ]
        );
    }

    #[test]
    fn numbers_spaced_at_their_decimal_point_stay_whole() {
        assert_eq!(
            sentences(
                "A 6. 1-magnitude quake hit. He had a . 308 average and a. 357 gun. 12 died."
            ),
            [
                "A 6. 1-magnitude quake hit.",
                "He had a . 308 average and a. 357 gun.",
                "12 died."
            ]
        );
        assert_eq!(
            sentences("It cost $37. 5 million, or .45 each."),
            ["It cost $37. 5 million, or .45 each."]
        );
    }

    #[test]
    fn closing_marks_after_a_space_close_the_sentence_before() {
        assert_eq!(
            sentences("‘The e stands for eternal.’ ”) Hofeller drew maps. “Has he been charged?’ ” Ek said."),
            [
                "‘The e stands for eternal.’ ”)",
                "Hofeller drew maps.",
                "“Has he been charged?’ ” Ek said."
            ]
        );
        assert_eq!(
            sentences("\"What else could it be? \" Yanes said. \"Go.\" The door shut."),
            [
                "\"What else could it be? \" Yanes said.",
                "\"Go.\"",
                "The door shut."
            ]
        );
        assert_eq!(
            sentences("The 2020 census.(J. Scott Applewhite/AP)"),
            ["The 2020 census.", "(J. Scott Applewhite/AP)"]
        );
    }

    #[test]
    fn a_quotation_opened_on_a_line_before_closes_before_its_speaker() {
        assert_eq!(
            sentences("\"It's tragic.\nWhat else could it be? \" Yanes said. \"Go,\" she said."),
            [
                "\"It's tragic.",
                "What else could it be? \" Yanes said.",
                "\"Go,\" she said."
            ]
        );
        assert_eq!(
            sentences("``How about 50 people? ''' Howard said."),
            ["``How about 50 people? ''' Howard said."]
        );
    }

    #[test]
    fn list_markers_and_case_numbers_open_no_sentence() {
        assert_eq!(
            sentences("1. How much will it cost?\n2. Who pays?"),
            ["1. How much will it cost?", "2. Who pays?"]
        );
        assert_eq!(
            sentences("He is charged in case No. VA089897 today. Its limit of. 08 percent held."),
            [
                "He is charged in case No. VA089897 today.",
                "Its limit of. 08 percent held."
            ]
        );
    }

    #[test]
    fn a_question_in_quotes_ends_before_a_new_sentence_not_before_its_speaker() {
        assert_eq!(
            sentences("“Would we have done it without him?” Colts coach Bruce Arians asked. “Why?” The room fell silent."),
            [
                "“Would we have done it without him?” Colts coach Bruce Arians asked.",
                "“Why?”",
                "The room fell silent."
            ]
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
