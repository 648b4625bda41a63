//! Quoted speech tracked across articles: the words inside quotation marks, with the speaker
//! where the sentence names one, and the renderings of one quote in different articles
//! matched, so that a reader can see which outlets carry a quote and who changed its words.
//!
//! 1. [`find`]: the quotes of one text. Straight and curly double quotes, « », » « and „ “
//!    are read with a stack, so a quote inside a quote stays part of the outer one; a mark
//!    that opens nothing and closes nothing (inches, a stray mark) is passed over; a quote
//!    left open at a paragraph's end continues only when the next paragraph opens with the
//!    same mark (the usual way to quote several paragraphs), else it is dropped. Very short
//!    quotes ("silly", a title in quotes) are scare quotes or names, not speech: a quote is
//!    kept from [`MIN_WORDS`] words, or from two words when the sentence names a speaker.
//! 2. [`track`]: renderings matched across articles by word-level similarity (the longest
//!    common subsequence of their words over the shorter one's length, so that a partial
//!    quote matches the whole), seeded from the rendering most others match, one rendering
//!    per article, without chaining.
//! 3. [`changes`]: the words of one rendering that differ from another's: changed words
//!    inside the marks make an altered quote; quoting less of it (words missing at either
//!    end) or marking a cut with an ellipsis does not.
//!
//! The aligner knows no dates; which rendering is the earliest is the presentation's call.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use similar::Algorithm;

use super::diff::{word_diff_split, DiffTag, Words};
use super::terms::{fold, is_stop_word};
use super::Span;

/// Fewest words of a quote without a named speaker (a two-word quote with one is kept).
pub const MIN_WORDS: usize = 4;

/// Most words of a quote: longer stretches between marks are a misread pair of marks.
const MAX_WORDS: usize = 400;

/// Most paragraphs one quote may run over.
const MAX_PARAGRAPHS: usize = 6;

/// Quotes nested deeper than this are not tracked.
const MAX_DEPTH: usize = 8;

/// How far around a quote its speaker is looked for, in bytes: a sentence's worth, so that a
/// paragraph-long line of quotes costs a bounded search per quote.
const SPEAKER_WINDOW: usize = 600;

/// Share of the shorter rendering's words that must be found, in order, in the other.
const MIN_SIMILARITY: f32 = 0.75;

/// The most quotes one rare word pair brings for comparison with each quote using it.
const MAX_POSTINGS: usize = 5000;

/// One quote and every article that carries it (two or more).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: usize,
    /// The speaker as most renderings name them (the fullest form of that name).
    pub speaker: Option<String>,
    /// One rendering per article, in article order.
    pub members: Vec<Rendering>,
}

/// A quote as one article gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendering {
    /// The words inside the quotation marks, the marks left out.
    pub span: Span,
    /// Where the article names the speaker (in the quote's sentence, or for "he said", the
    /// name of the last speaker before it).
    pub speaker: Option<Span>,
}

/// A quote found in one text: byte ranges of its words and of its speaker's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub quote: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

/// The quotation marks read: the character that opens and what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    /// `"`: closed by `"`.
    Straight,
    /// `“`: closed by `”`.
    Curly,
    /// `„`: closed by `“` (German) or `”` (Polish).
    Low,
    /// `«`: closed by `»`.
    Guillemet,
    /// `»` as an opener (Danish, Swedish): closed by `«`.
    Reversed,
    /// `”` as an opener (Swedish, Finnish): closed by `”`.
    RightCurly,
    /// ``` `` ```: closed by `''` (typewriter and treebank text).
    Backticks,
    /// `‘‘`: closed by `’’`.
    DoubledSingle,
}

impl Opener {
    fn closed_by(self, c: char) -> bool {
        match self {
            // Pages mix straight and curly marks: either closes either.
            Opener::Straight => c == '"' || c == '”',
            Opener::Curly => c == '”' || c == '"',
            Opener::Low => c == '“' || c == '”',
            Opener::Guillemet => c == '»',
            Opener::Reversed => c == '«',
            Opener::RightCurly => c == '”',
            // Closed by two marks: see `find`.
            Opener::Backticks | Opener::DoubledSingle => false,
        }
    }

    /// How many times its character opens it.
    fn width(self) -> usize {
        match self {
            Opener::Backticks | Opener::DoubledSingle => 2,
            _ => 1,
        }
    }

    fn char(self) -> char {
        match self {
            Opener::Straight => '"',
            Opener::Curly => '“',
            Opener::Low => '„',
            Opener::Guillemet => '«',
            Opener::Reversed => '»',
            Opener::RightCurly => '”',
            Opener::Backticks => '`',
            Opener::DoubledSingle => '‘',
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The quotes of `text`, in text order (nested quotes are part of the outer one).
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // Open marks: (opener, byte offset just after the mark).
    let mut stack: Vec<(Opener, usize)> = Vec::new();
    let mut paragraphs = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            if let Some(&(bottom, _)) = stack.first() {
                // A quote open at the paragraph's end goes on only if the next paragraph
                // opens with the same mark.
                let mut j = i + 1;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                paragraphs += 1;
                let width = bottom.width();
                let reopens = chars
                    .get(j..j + width)
                    .is_some_and(|marks| marks.iter().all(|&(_, m)| m == bottom.char()));
                if reopens && paragraphs < MAX_PARAGRAPHS {
                    stack.truncate(1);
                    i = j + width;
                    continue;
                }
                stack.clear();
            }
            i += 1;
            continue;
        }
        // Doubled marks: ``…'' and ‘‘…’’ open and close only in pairs.
        let doubled = chars.get(i + 1).filter(|&&(_, n)| n == c).is_some();
        if doubled && matches!(c, '`' | '‘') {
            let opener = if c == '`' {
                Opener::Backticks
            } else {
                Opener::DoubledSingle
            };
            if stack.len() < MAX_DEPTH {
                if stack.is_empty() {
                    paragraphs = 0;
                }
                stack.push((opener, chars.get(i + 2).map_or(text.len(), |&(a, _)| a)));
            }
            i += 2;
            continue;
        }
        if doubled && matches!(c, '\'' | '’') {
            let wanted = if c == '\'' {
                Opener::Backticks
            } else {
                Opener::DoubledSingle
            };
            if let Some(depth) = stack.iter().rposition(|&(o, _)| o == wanted) {
                if let Some(start) = close_down_to(&mut stack, depth) {
                    keep(text, start..at, &mut found);
                    paragraphs = 0;
                }
                i += 2;
                continue;
            }
        }
        if !is_mark(c) {
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|&(_, c)| c);
        let space_before =
            before.is_none_or(|p| p.is_whitespace() || "([{—–-/‘'".contains(p) || is_mark(p));
        let space_after = after.is_none_or(char::is_whitespace);
        let punct_after = after.is_some_and(|n| ".,;:!?)]}—–-…'’".contains(n) || is_mark(n));
        let can_open = !space_after && space_before;
        let can_close = before.is_some_and(|p| !p.is_whitespace()) && (space_after || punct_after);
        let end = at + c.len_utf8();
        let top = stack.last().map(|&(o, _)| o);
        let closes_top = top.is_some_and(|o| {
            o.closed_by(c)
                && match o {
                    // An undirected mark closes only where a closing mark can stand.
                    Opener::Straight | Opener::RightCurly | Opener::Reversed => {
                        can_close || !can_open
                    }
                    _ if c == '"' => can_close || !can_open,
                    _ => true,
                }
        });
        // `“` written for both marks: a `“` that can only close closes a `“`.
        let misused = top == Some(Opener::Curly) && c == '“' && can_close && !can_open;
        if closes_top || misused {
            let (_, start) = stack.pop().unwrap_or((Opener::Straight, at));
            if stack.is_empty() {
                keep(text, start..at, &mut found);
                paragraphs = 0;
            }
            i += 1;
            continue;
        }
        let opener = match c {
            '“' => Some(Opener::Curly),
            '„' => Some(Opener::Low),
            '«' => Some(Opener::Guillemet),
            '"' if can_open => Some(Opener::Straight),
            '»' if can_open && !can_close => Some(Opener::Reversed),
            '”' if can_open && !can_close => Some(Opener::RightCurly),
            _ => None,
        };
        // Marks opened deeper than anyone nests quotes are strays; ignoring them keeps the
        // search for a closer's opener short on text made of quote marks.
        if let Some(opener) = opener.filter(|_| stack.len() < MAX_DEPTH) {
            if stack.is_empty() {
                paragraphs = 0;
            }
            stack.push((opener, end));
        } else if let Some(depth) = stack.iter().rposition(|(o, _)| o.closed_by(c)) {
            // Closes a quote further down: the marks opened inside it were strays.
            if let Some(start) = close_down_to(&mut stack, depth) {
                keep(text, start..at, &mut found);
                paragraphs = 0;
            }
        }
        i += 1;
    }
    let mut last_speaker: Option<(Range<usize>, usize)> = None;
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let paragraph_index = |at: usize| newlines.partition_point(|&n| n < at);
    // The quote before, if it named its speaker: (its end, its paragraph, the speaker).
    let mut previous: Option<(usize, usize, Range<usize>)> = None;
    for quote in &mut found {
        let line = paragraph_index(quote.quote.start);
        match speaker(text, quote.quote.clone()) {
            Some(Speaker::Named(range)) => {
                last_speaker = Some((range.clone(), line));
                quote.speaker = Some(range);
            }
            // "he said": the last speaker named, if within a few paragraphs.
            Some(Speaker::Pronoun) => {
                quote.speaker = last_speaker
                    .as_ref()
                    .filter(|(_, l)| line.saturating_sub(*l) <= 3)
                    .map(|(r, _)| r.clone());
            }
            // `"…," Ek said. "…"`: a quote that goes on right after the attribution of the
            // one before (the name between the two), in the same paragraph, is the same
            // speaker's.
            None => {
                quote.speaker = previous
                    .as_ref()
                    .filter(|(end, l, r)| {
                        *l == line && r.start > *end && quote.quote.start.saturating_sub(*end) < 160
                    })
                    .map(|(_, _, r)| r.clone());
            }
        }
        previous = quote
            .speaker
            .clone()
            .map(|r| (quote.quote.end, paragraph_index(quote.quote.end), r));
    }
    found.retain(|q| {
        let words = words(&text[q.quote.clone()]).len();
        let is_title = q.speaker.is_none() && is_title_case(&text[q.quote.clone()]);
        (words >= MIN_WORDS || (words >= 2 && q.speaker.is_some())) && !is_title
    });
    found
}

/// Closes the quote opened at `depth` of the stack (and the strays opened inside it): the
/// offset its words start at, when it was the outermost quote.
fn close_down_to(stack: &mut Vec<(Opener, usize)>, depth: usize) -> Option<usize> {
    let (_, start) = stack[depth];
    stack.truncate(depth);
    stack.is_empty().then_some(start)
}

/// Adds the quote at `range` (trimmed), unless it is empty or too long.
fn keep(text: &str, range: Range<usize>, found: &mut Vec<Found>) {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    if start >= end || words(&text[start..end]).len() > MAX_WORDS {
        return;
    }
    found.push(Found {
        quote: start..end,
        speaker: None,
    });
}

/// The words of a text folded for matching: lower case, letters and digits (an apostrophe
/// inside a word kept, as a straight one).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            word.push('\'');
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Every word capitalised (small joining words aside): a title or a name in quotes ("Discover
/// Weekly", "Hate Content and Hateful Conduct"), not speech. Up to eight words.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 8
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.chars().next().is_some_and(|c| !c.is_lowercase())
                || matches!(
                    w,
                    "a" | "an" | "and" | "of" | "the" | "in" | "on" | "for" | "to" | "or"
                )
        })
}

/// Words that introduce quoted speech.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "explained",
    "explains",
    "stated",
    "states",
    "noted",
    "notes",
    "asked",
    "asks",
    "continued",
    "insisted",
    "insists",
    "declared",
    "tweeted",
    "argued",
    "argues",
    "warned",
    "warns",
    "claimed",
    "claims",
    "replied",
    "responded",
    "recalled",
    "acknowledged",
    "admitted",
    "announced",
    "commented",
    "remarked",
    "confirmed",
    "suggested",
    "joked",
    "posted",
    "according",
    "testified",
    "emphasized",
    "emphasised",
    "expressed",
    "stressed",
    "conceded",
    "predicted",
    "promised",
    "vowed",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Capitalised words that start a sentence without being a name (and, through
/// [`is_not_name`], the calendar's month and weekday names).
const NOT_NAMES: &[&str] = &[
    "but",
    "and",
    "then",
    "later",
    "however",
    "in",
    "on",
    "at",
    "the",
    "a",
    "an",
    "when",
    "as",
    "meanwhile",
    "still",
    "yet",
    "so",
    "now",
    "also",
    "this",
    "that",
    "there",
    "here",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "while",
    "after",
    "before",
    "speaking",
    "asked",
    "according",
    "in",
    "for",
    "if",
    "though",
    "although",
    "last",
    "earlier",
    "today",
    "yesterday",
    "on",
    "by",
    "with",
    "tonight",
    "tomorrow",
];

/// Titles before a name: "Spotify CEO Daniel Ek" is Daniel Ek.
const TITLES: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "chief",
    "executive",
    "president",
    "vice",
    "minister",
    "prime",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "founder",
    "co-founder",
    "cofounder",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "officer",
    "head",
    "analyst",
    "professor",
    "prof.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "general",
    "gen.",
    "judge",
    "leader",
    "manager",
    "editor",
    "chancellor",
    "king",
    "queen",
    "pope",
    "ambassador",
    "commissioner",
    "deputy",
    "attorney",
    "lawyer",
    "councillor",
    "councilman",
    "mp",
    "md",
    "svp",
    "vp",
    "evp",
    "gm",
    "boss",
    "owner",
    "partner",
    "economist",
    "strategist",
    "critic",
];

enum Speaker {
    Named(Range<usize>),
    Pronoun,
}

/// A word of a sentence, with its byte range in the text.
struct Word<'a> {
    range: Range<usize>,
    text: &'a str,
    /// Punctuation right after it (a comma, a colon), before the next word.
    then: &'a str,
}

fn sentence_words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let slice = &text[range.clone()];
    let mut at = 0;
    for piece in slice.split_whitespace() {
        let start = at + slice[at..].find(piece).unwrap_or(0);
        at = start + piece.len();
        let core_start = piece
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(piece.len());
        let core_end = piece
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric() || c == '.')
            .map_or(core_start, |(e, c)| e + c.len_utf8())
            .max(core_start);
        let core = &piece[core_start..core_end];
        // A full stop that ends the word is punctuation, except in an abbreviation ("Sen.").
        let (core, then) = match core.strip_suffix('.') {
            Some(c) if !TITLES.contains(&core.to_lowercase().as_str()) && !c.contains('.') => {
                (c, &piece[core_start + c.len()..])
            }
            _ => (core, &piece[core_end..]),
        };
        if core.is_empty() {
            if let Some(last) = out.last_mut() {
                // Punctuation standing alone ("—") ends the previous word's phrase.
                last.then = piece;
            }
            continue;
        }
        let begin = range.start + start + core_start;
        out.push(Word {
            range: begin..begin + core.len(),
            text: core,
            then,
        });
    }
    out
}

/// Who says the quote at `quote`: a name in the words after the closing mark (`"…," said
/// Ek`, `"…," Ek said`, `"…," according to Ek`), else in the words before the opening mark
/// in its sentence (`Ek said: "…"`, `according to Ek, "…"`).
fn speaker(text: &str, quote: Range<usize>) -> Option<Speaker> {
    let window_end = floor_char_boundary(text, quote.end.saturating_add(SPEAKER_WINDOW));
    let window_start = floor_char_boundary(text, quote.start.saturating_sub(SPEAKER_WINDOW));
    let line_end = text[quote.end..window_end]
        .find('\n')
        .map_or(window_end, |e| quote.end + e);
    // After the closing mark: up to the end of the sentence or the next quote.
    let after_start = text[quote.end..line_end]
        .char_indices()
        .find(|&(_, c)| is_mark(c))
        .map_or(quote.end, |(i, c)| quote.end + i + c.len_utf8());
    let open = text[window_start..quote.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_mark(c))
        .map_or(quote.start, |(i, _)| window_start + i);
    let mut after_end = line_end;
    for (i, c) in text[after_start..line_end].char_indices() {
        if is_mark(c)
            || (matches!(c, '.' | '!' | '?') && i > 0 && sentence_ends(text, after_start + i))
        {
            after_end = after_start + i + c.len_utf8();
            break;
        }
    }
    // A quote that ends its sentence (`… win." Ek said later.`) is attributed after only
    // when the words right after it say so.
    let after = sentence_words(text, after_start..after_end);
    if let Some(found) = speaker_after(&after) {
        return Some(found);
    }
    let line_start = text[window_start..quote.start]
        .rfind('\n')
        .map_or(window_start, |s| window_start + s + 1);
    let mut before_start = line_start;
    let line_start = line_start.min(open);
    let head = &text[line_start..open];
    for (i, c) in head.char_indices().rev() {
        if is_mark(c) || (matches!(c, '.' | '!' | '?') && sentence_ends(text, line_start + i)) {
            before_start = line_start + i + c.len_utf8();
            break;
        }
    }
    let before = sentence_words(text, before_start..open.max(before_start));
    speaker_before(&before)
}

/// True for a capitalised word that is no name: "But", "Friday", "May".
fn is_not_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOT_NAMES.contains(&lower.as_str())
        || crate::calendar::MONTHS.contains(&lower.as_str())
        || crate::calendar::WEEKDAYS.contains(&lower.as_str())
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True if the `.`, `!` or `?` at `at` ends a sentence: followed by a space or the end, and
/// not the full stop of an abbreviation or an initial ("Sen.", "J.").
fn sentence_ends(text: &str, at: usize) -> bool {
    let next = text[at + 1..].chars().next();
    if next.is_some_and(|n| !n.is_whitespace() && !is_mark(n)) {
        return false;
    }
    let word: String = text[..at]
        .chars()
        .rev()
        .take(64)
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let with_stop = format!("{}.", word.to_lowercase());
    !(TITLES.contains(&with_stop.as_str())
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn is_verb(word: &Word) -> bool {
    SPEECH_VERBS.contains(&word.text.to_lowercase().as_str())
}

fn is_pronoun(word: &Word) -> bool {
    PRONOUNS.contains(&word.text.to_lowercase().as_str())
}

fn is_capitalised(word: &Word) -> bool {
    word.text.chars().next().is_some_and(char::is_uppercase)
}

fn speaker_after(words: &[Word]) -> Option<Speaker> {
    let first = words.first()?;
    if is_verb(first) {
        // `said Ek`, `according to Ek`, `says Spotify's Daniel Ek`.
        let mut rest = &words[1..];
        if first.text.eq_ignore_ascii_case("according") {
            if rest
                .first()
                .is_some_and(|w| w.text.eq_ignore_ascii_case("to"))
            {
                rest = &rest[1..];
            } else {
                return None;
            }
        }
        if rest.first().is_some_and(is_pronoun) {
            return Some(Speaker::Pronoun);
        }
        return name_forward(rest).map(Speaker::Named);
    }
    // `Ek said`, `he said`, `Daniel Ek, Spotify's CEO, said`.
    if is_pronoun(first) && words.get(1).is_some_and(is_verb) {
        return Some(Speaker::Pronoun);
    }
    // The verb after a name, or after a name and its apposition ("Shaunna Thomas, the
    // co-founder and executive director of UltraViolet, said").
    let verb = words.iter().take(16).position(is_verb)?;
    if words[verb].text.eq_ignore_ascii_case("according") {
        return None;
    }
    let has_apposition = words[..verb].iter().any(|w| w.then.starts_with(','));
    if verb > 6 && !has_apposition {
        return None;
    }
    name_forward(&words[..verb]).map(Speaker::Named)
}

fn speaker_before(words: &[Word]) -> Option<Speaker> {
    let n = words.len();
    // The speech verb nearest the quote, among its last eight words.
    let verb = (n.saturating_sub(8)..n)
        .rev()
        .find(|&i| is_verb(&words[i]))?;
    if words[verb].text.eq_ignore_ascii_case("according") {
        let rest = &words[verb + 1..];
        if !rest
            .first()
            .is_some_and(|w| w.text.eq_ignore_ascii_case("to"))
        {
            return None;
        }
        return name_forward(&rest[1..]).map(Speaker::Named);
    }
    if verb > 0 && is_pronoun(&words[verb - 1]) {
        return Some(Speaker::Pronoun);
    }
    // `Ek said:`; `Daniel Ek, Spotify's CEO, said:`; else `said Ek:`.
    name_backward(&words[..verb])
        .or_else(|| name_forward(&words[verb + 1..]))
        .map(Speaker::Named)
}

/// The name that starts `words` (titles before it left out): capitalised words up to the
/// first that is not, or up to a comma.
fn name_forward(words: &[Word]) -> Option<Range<usize>> {
    let mut run: Vec<&Word> = Vec::new();
    for w in words.iter().take(7) {
        if !is_capitalised(w) {
            // A lower-case title inside the run ("Spotify chief executive Daniel Ek").
            if TITLES.contains(&w.text.to_lowercase().as_str()) && !run.is_empty() {
                run.push(w);
                continue;
            }
            break;
        }
        run.push(w);
        if !w.then.is_empty() {
            break;
        }
    }
    name_of(&run)
}

/// The name that ends `words`: the capitalised words before the end, or before an
/// apposition set off by commas ("Daniel Ek, Spotify's chief executive, said").
fn name_backward(words: &[Word]) -> Option<Range<usize>> {
    let run_ending = |end: usize| -> Vec<&Word> {
        let mut run: Vec<&Word> = Vec::new();
        for w in words[..end].iter().rev().take(6) {
            let ends_phrase = !w.then.is_empty() && !run.is_empty();
            if ends_phrase
                || !(is_capitalised(w) || TITLES.contains(&w.text.to_lowercase().as_str()))
            {
                break;
            }
            run.push(w);
        }
        run.reverse();
        run
    };
    let last = words.last()?;
    if last.then.is_empty() || last.then.starts_with(':') {
        if let Some(name) = name_of(&run_ending(words.len())) {
            return Some(name);
        }
    }
    // An apposition: find the comma that opens it and take the name before it.
    let comma = words[..words.len() - 1]
        .iter()
        .rposition(|w| w.then.starts_with(','))?;
    if words.len() - comma > 8 {
        return None;
    }
    name_of(&run_ending(comma + 1))
}

/// The name in a run of capitalised words: leading sentence words and titles dropped, the
/// words after a possessive or a title kept ("Spotify CEO Daniel Ek" → "Daniel Ek").
fn name_of(run: &[&Word]) -> Option<Range<usize>> {
    let mut start = 0;
    for (i, w) in run.iter().enumerate() {
        let lower = w.text.to_lowercase();
        let is_possessive = lower.ends_with("'s") || lower.ends_with("’s");
        if TITLES.contains(&lower.as_str()) || is_possessive {
            start = i + 1;
        }
    }
    let mut run = &run[start.min(run.len())..];
    while let Some(first) = run.first() {
        if is_not_name(first.text) {
            run = &run[1..];
        } else {
            break;
        }
    }
    while let Some(last) = run.last() {
        if is_not_name(last.text) {
            run = &run[..run.len() - 1];
        } else {
            break;
        }
    }
    let run = &run[..run.len().min(4)];
    let (first, last) = (run.first()?, run.last()?);
    if run.iter().any(|w| !is_capitalised(w)) {
        return None;
    }
    Some(first.range.start..last.range.end)
}

/// Matches the quotes of every text into quotes carried by two or more of them.
pub fn track(texts: &[&str]) -> Vec<Quote> {
    let found: Vec<Vec<Found>> = texts.par_iter().map(|t| find(t)).collect();
    track_found(texts, &found)
}

/// A quote of one article, its words as term ids.
struct Candidate {
    article: usize,
    found: usize,
    terms: Vec<u32>,
}

fn track_found(texts: &[&str], found: &[Vec<Found>]) -> Vec<Quote> {
    // Words are split in parallel; ids are given in text order, so that they (and the order
    // of the postings below) do not depend on the threads.
    let split: Vec<Vec<Vec<String>>> = found
        .par_iter()
        .enumerate()
        .map(|(article, quotes)| {
            quotes
                .iter()
                .map(|q| words(&texts[article][q.quote.clone()]))
                .collect()
        })
        .collect();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    // Per id, whether the word is a function word.
    let mut stop: Vec<bool> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (article, quotes) in split.into_iter().enumerate() {
        for (i, quote_words) in quotes.into_iter().enumerate() {
            let terms = quote_words
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert_with_key(|w| {
                        stop.push(is_stop_word(&fold(w)));
                        next
                    })
                })
                .collect();
            candidates.push(Candidate {
                article,
                found: i,
                terms,
            });
        }
    }
    // Candidates through their rarest word pairs (a pair of words in a row), never all
    // pairs of quotes.
    let mut postings: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    // Per candidate, its word pairs, sorted.
    let word_pairs: Vec<Vec<(u32, u32)>> = candidates
        .par_iter()
        .map(|cand| {
            let mut seen: Vec<(u32, u32)> = cand.terms.windows(2).map(|w| (w[0], w[1])).collect();
            seen.sort_unstable();
            seen.dedup();
            seen
        })
        .collect();
    for (c, seen) in word_pairs.iter().enumerate() {
        for &key in seen {
            postings.entry(key).or_default().push(c);
        }
    }
    // Per candidate: its rarest word pairs, whose postings (the first `MAX_POSTINGS` of each)
    // are the quotes it is compared with.
    let keys: Vec<Vec<(u32, u32)>> = candidates
        .par_iter()
        .map(|cand| {
            let mut keys: Vec<(usize, (u32, u32))> = cand
                .terms
                .windows(2)
                .map(|w| (w[0], w[1]))
                .map(|k| (postings.get(&k).map_or(0, Vec::len), k))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            keys.truncate(4);
            keys.into_iter().map(|(_, k)| k).collect()
        })
        .collect();
    // The quotes a word pair brings for comparison, in candidate order.
    let listed = |k: &(u32, u32)| {
        let list = postings.get(k).map_or(&[][..], Vec::as_slice);
        &list[..list.len().min(MAX_POSTINGS)]
    };
    // Each quote's words sorted, all in one list: their common count bounds what a diff can
    // find, and most pairs fail on it without one.
    let mut sorted: Vec<u32> = Vec::new();
    let mut sorted_at: Vec<usize> = Vec::with_capacity(candidates.len() + 1);
    sorted_at.push(0);
    for c in &candidates {
        let from = sorted.len();
        sorted.extend_from_slice(&c.terms);
        sorted[from..].sort_unstable();
        sorted_at.push(sorted.len());
    }
    let sorted_terms = |c: usize| &sorted[sorted_at[c]..sorted_at[c + 1]];
    let longest = candidates.iter().map(|c| c.terms.len()).max().unwrap_or(0);
    let least: Vec<usize> = (0..=longest).map(least_common).collect();
    // Content words per quote: with the lengths, they rule most pairs out before any count.
    let content: Vec<usize> = candidates
        .iter()
        .map(|c| c.terms.iter().filter(|&&w| !stop[w as usize]).count())
        .collect();
    // A pair is compared once: by its first quote when that one brings the other, else by
    // the other. `o` brings `c` when one of its keys is a word pair of `c` and lists `c`
    // among its first `MAX_POSTINGS` (postings list quotes in order).
    let brings = |o: usize, c: usize| {
        keys[o].iter().any(|k| {
            word_pairs[c].binary_search(k).is_ok()
                && postings.get(k).is_some_and(|list| {
                    list.len() <= MAX_POSTINGS || list[..MAX_POSTINGS].binary_search(&c).is_ok()
                })
        })
    };
    let mut pairs: Vec<(usize, usize, f32)> = (0..candidates.len())
        .into_par_iter()
        .flat_map_iter(|c| {
            let mut others: Vec<usize> = keys[c]
                .iter()
                .flat_map(|k| listed(k).iter().copied())
                .filter(|&o| candidates[o].article != candidates[c].article)
                .collect();
            others.sort_unstable();
            others.dedup();
            others.retain(|&o| o > c || !brings(o, c));
            let (candidates, sorted_terms, least, stop, content) =
                (&candidates, &sorted_terms, &least, &stop, &content);
            others.into_iter().filter_map(move |o| {
                let (c, o) = (c.min(o), c.max(o));
                let (tc, to) = (&candidates[c].terms, &candidates[o].terms);
                // As `similarity` takes them: the first when no longer.
                let (short, long, short_content) = if tc.len() <= to.len() {
                    (tc.len(), to.len(), content[c])
                } else {
                    (to.len(), tc.len(), content[o])
                };
                if !lengths_may_match(short, long, short_content)
                    || !has_common(sorted_terms(c), sorted_terms(o), least[short])
                {
                    return None;
                }
                similarity(tc, to, stop).map(|sim| (c, o, sim))
            })
        })
        .collect();
    pairs.par_sort_unstable_by_key(|&(c, o, _)| (c, o));
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); candidates.len()];
    for (c, o, sim) in pairs {
        neighbours[c].push((o, sim));
        neighbours[o].push((c, sim));
    }
    // Seeds: the rendering most others match (then the longest) first; each quote takes the
    // seed and, from every other article, its best unclaimed match of the seed.
    let articles_matched = |c: usize| {
        let mut a: Vec<usize> = neighbours[c]
            .iter()
            .map(|&(o, _)| candidates[o].article)
            .collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    };
    // Each key computed once, not at every comparison of the sort (a quote carried by
    // thousands of articles has thousands of neighbours).
    let mut order: Vec<(std::cmp::Reverse<usize>, std::cmp::Reverse<usize>, usize)> = (0
        ..candidates.len())
        .into_par_iter()
        .filter(|&c| !neighbours[c].is_empty())
        .map(|c| {
            (
                std::cmp::Reverse(articles_matched(c)),
                std::cmp::Reverse(candidates[c].terms.len()),
                c,
            )
        })
        .collect();
    order.par_sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, _, c)| c).collect();
    let mut taken = vec![false; candidates.len()];
    let mut quotes: Vec<Vec<usize>> = Vec::new();
    for seed in order {
        if taken[seed] {
            continue;
        }
        let mut best: FxHashMap<usize, (usize, f32)> = FxHashMap::default();
        for &(o, sim) in &neighbours[seed] {
            if taken[o] {
                continue;
            }
            let article = candidates[o].article;
            let better = best.get(&article).is_none_or(|&(b, s)| {
                (sim, candidates[o].terms.len(), std::cmp::Reverse(o))
                    > (s, candidates[b].terms.len(), std::cmp::Reverse(b))
            });
            if better {
                best.insert(article, (o, sim));
            }
        }
        if best.is_empty() {
            continue;
        }
        let mut members: Vec<usize> = best.into_values().map(|(o, _)| o).collect();
        members.sort_unstable();
        // A long seed (a statement quoted at length) can hold two quotes that others give
        // apart: a member whose part of the seed no other member quotes too stays out.
        if members.len() > 1 {
            let seed_terms = &candidates[seed].terms;
            let regions: Vec<Option<Range<usize>>> = members
                .iter()
                .map(|&m| region(seed_terms, &candidates[m].terms))
                .collect();
            let overlaps = |a: &Range<usize>, b: &Range<usize>| {
                a.end.min(b.end).saturating_sub(a.start.max(b.start)) * 2 >= a.len().max(1)
            };
            let alone: Vec<bool> = regions
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    r.as_ref().is_none_or(|r| {
                        !regions
                            .iter()
                            .enumerate()
                            .any(|(j, o)| j != i && o.as_ref().is_some_and(|o| overlaps(r, o)))
                    })
                })
                .collect();
            if alone.iter().any(|a| !a) {
                members = members
                    .into_iter()
                    .zip(alone)
                    .filter_map(|(m, alone)| (!alone).then_some(m))
                    .collect();
            }
        }
        members.push(seed);
        for &m in &members {
            taken[m] = true;
        }
        members.sort_by_key(|&m| (candidates[m].article, candidates[m].found));
        quotes.push(members);
    }
    let mut quotes: Vec<Quote> = quotes
        .into_iter()
        .map(|members| {
            let members: Vec<Rendering> = members
                .into_iter()
                .map(|m| {
                    let cand = &candidates[m];
                    let f = &found[cand.article][cand.found];
                    let span = |r: &Range<usize>| Span {
                        article: cand.article,
                        start: r.start,
                        end: r.end,
                    };
                    Rendering {
                        span: span(&f.quote),
                        speaker: f.speaker.as_ref().map(span),
                    }
                })
                .collect();
            Quote {
                id: 0,
                speaker: common_speaker(texts, &members),
                members,
            }
        })
        .collect();
    quotes.sort_by_key(|q| {
        let first = q.members[0].span;
        (
            std::cmp::Reverse(q.members.len()),
            first.article,
            first.start,
        )
    });
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = i;
    }
    quotes
}

/// The words of `seed` (first to last, end exclusive) that `member` quotes.
fn region(seed: &[u32], member: &[u32]) -> Option<Range<usize>> {
    let ops = similar::capture_diff_slices(Algorithm::Myers, seed, member);
    let mut equal = ops.iter().filter_map(|op| match op {
        similar::DiffOp::Equal { old_index, len, .. } => Some(*old_index..old_index + len),
        _ => None,
    });
    let first = equal.next()?;
    let end = equal.next_back().map_or(first.end, |r| r.end);
    Some(first.start..end)
}

/// Whether two sorted word lists have at least `least` words in common, repeats counted: no
/// alignment of the two can match more. Stops as soon as the rest cannot make up the count.
fn has_common(a: &[u32], b: &[u32], least: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n + (a.len() - i).min(b.len() - j) < least {
            return false;
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n >= least
}

/// Fewest words in common that can give a rendering of `short` words (the shorter of two)
/// the [`MIN_SIMILARITY`] of [`similarity`]: at least two.
fn least_common(short: usize) -> usize {
    let enough = |n: usize| n >= 2 && n as f32 / short.max(1) as f32 >= MIN_SIMILARITY;
    let mut n = ((short as f32 * MIN_SIMILARITY) as usize).max(2);
    while n > 2 && enough(n - 1) {
        n -= 1;
    }
    while !enough(n) {
        n += 1;
    }
    n
}

/// Whether a rendering of `short` words, `content` of them content words, can be like one of
/// `long` words: a quote of one word is like none, and a short one or one of function words
/// alone ("it is what it is") only like one about as short.
fn lengths_may_match(short: usize, long: usize, content: usize) -> bool {
    let inside = long > short + 2;
    short >= 2 && !((short < MIN_WORDS || content == 0) && inside)
}

/// How alike two renderings are: the words of the shorter found in order in the longer,
/// over its length; `None` below [`MIN_SIMILARITY`]. A short quote (under [`MIN_WORDS`]
/// words) matches only a rendering about as short, not any quote that uses its two words.
/// The words that carry it count too: the shorter's content words (not function words, per
/// `stop` by word id) must be found in the same share, or "It was a mess" would match every
/// quote saying "it was a", and "as quickly as possible" every "as soon as possible".
fn similarity(a: &[u32], b: &[u32], stop: &[bool]) -> Option<f32> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let content = short.iter().filter(|&&w| !stop[w as usize]).count();
    if !lengths_may_match(short.len(), long.len(), content) {
        return None;
    }
    let inside = long.len() > short.len() + 2;
    // A quote of one or two content words is part of a longer one only word for word ("our
    // intentions were good"): scattered through it, "He has a gun" or "No one was hurt" is a
    // phrase any story's witnesses use.
    if content < 3 && inside && !long.windows(short.len()).any(|w| w == short) {
        return None;
    }
    let (mut common, mut common_content) = (0, 0);
    for op in similar::capture_diff_slices(Algorithm::Myers, short, long) {
        if let similar::DiffOp::Equal { old_index, len, .. } = op {
            common += len;
            common_content += short[old_index..old_index + len]
                .iter()
                .filter(|&&w| !stop[w as usize])
                .count();
        }
    }
    let sim = common as f32 / short.len() as f32;
    // Every content word of a short quote, one of three may differ ("reached the edge of the
    // abyss" against "is on the edge of the abyss"), then the same share as of all words.
    let needed = ((MIN_SIMILARITY * content as f32).ceil() as usize).min(content.max(3) - 1);
    let carried = common_content >= needed;
    (sim >= MIN_SIMILARITY && common >= 2 && carried).then_some(sim)
}

/// The speaker most renderings name (by last word, so "Ek" and "Daniel Ek" agree), in its
/// fullest form.
fn common_speaker(texts: &[&str], members: &[Rendering]) -> Option<String> {
    let names: Vec<String> = members
        .iter()
        .filter_map(|m| {
            let s = m.speaker?;
            let name = texts[s.article].get(s.start..s.end)?;
            Some(name.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    let last = |n: &str| n.split_whitespace().last().unwrap_or("").to_lowercase();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for n in &names {
        *counts.entry(last(n)).or_default() += 1;
    }
    let (top, _) = counts
        .into_iter()
        .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))?;
    names.into_iter().filter(|n| last(n) == top).max_by(|a, b| {
        a.split_whitespace()
            .count()
            .cmp(&b.split_whitespace().count())
            .then(b.cmp(a))
    })
}

/// What one rendering changes against another (the reference).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Byte ranges in the rendering of words it puts differently or adds inside the quote.
    pub changed: Vec<Range<usize>>,
    /// Words of the reference it leaves out inside the quote (not at its ends, and not where
    /// an ellipsis marks the cut).
    pub dropped: usize,
    /// Where those words would be: a byte offset in the rendering and the reference's words
    /// left out there.
    pub missing: Vec<(usize, String)>,
    /// Words it shares with the reference.
    pub shared: usize,
}

impl Changes {
    /// A changed or dropped word inside the quotation marks: the quote was altered.
    pub fn is_altered(&self) -> bool {
        !self.changed.is_empty() || self.dropped > 0
    }
}

/// The words of `rendering` that differ from `reference`'s. Punctuation and case do not
/// count; nor does quoting less (words missing at either end) or more at the ends; nor a
/// cut marked with an ellipsis.
pub fn changes(reference: &str, rendering: &str) -> Changes {
    changes_split(
        reference,
        &Words::of(reference),
        rendering,
        &Words::of(rendering),
    )
}

/// [`changes`] of texts already split into words (`Words::of`).
pub fn changes_split(
    reference: &str,
    reference_words: &Words,
    rendering: &str,
    rendering_words: &Words,
) -> Changes {
    let ops = word_diff_split(reference, reference_words, rendering, rendering_words);
    let has_words = |s: &str| s.chars().any(char::is_alphanumeric);
    // The first and last stretches of shared words: changes outside them are the ends.
    let shared = |op: &super::diff::DiffOp| {
        op.tag == DiffTag::Equal && has_words(rendering.get(op.b.clone()).unwrap_or(""))
    };
    let first = ops.iter().position(shared);
    let last = ops.iter().rposition(shared);
    let mut out = Changes::default();
    for (i, op) in ops.iter().enumerate() {
        let (old, new) = (
            reference.get(op.a.clone()).unwrap_or(""),
            rendering.get(op.b.clone()).unwrap_or(""),
        );
        let at_end = first.is_none_or(|f| i < f) || last.is_none_or(|l| i > l);
        match op.tag {
            DiffTag::Equal => out.shared += words(new).len(),
            // Quoting less or more of it at either end.
            DiffTag::Insert | DiffTag::Delete if at_end => {}
            DiffTag::Replace if at_end && !(has_words(old) && has_words(new)) => {}
            // The same letters, typed otherwise ("Court´s" for "Court’s").
            DiffTag::Replace if letters(old) == letters(new) => out.shared += words(new).len(),
            DiffTag::Delete => {
                out.dropped += words(old).len();
                out.missing.push((op.b.start, old.trim().to_string()));
            }
            DiffTag::Replace if !has_words(new) && (new.contains('…') || new.contains("...")) => {
            }
            DiffTag::Insert | DiffTag::Replace => {
                if has_words(new) {
                    out.changed.extend(word_ranges(new, op.b.start));
                } else if has_words(old) {
                    out.dropped += words(old).len();
                    out.missing.push((op.b.start, old.trim().to_string()));
                }
            }
        }
    }
    out
}

/// A rendering's letters, for a bound of what [`changes`] can count as shared with another
/// rendering without diffing the two: a quote carried by hundreds of articles has renderings
/// of different parts of a statement, and each is otherwise diffed with every earlier one.
///
/// Every word `changes` counts as shared lies in a stretch of the rendering whose letters
/// and digits (lower-cased) are those of a stretch of the reference: an equal stretch, or
/// one typed otherwise. So the letters of the diff's token holding the word's first letter
/// are found, in a row, in the reference's letters; and a token holds the first letters of no
/// more words than [`words`] finds in it alone.
pub struct Letters {
    /// The rendering's letters and digits, lower-cased, in a row.
    all: String,
    /// Per distinct token (its letters and digits): how many words start in it.
    tokens: Vec<(String, usize)>,
}

impl Letters {
    /// `split` is `Words::of(text)`.
    pub fn of(text: &str, split: &Words) -> Letters {
        let mut tokens: Vec<(String, usize)> = split
            .ranges()
            .filter_map(|r| {
                let token = text.get(r)?;
                let starts = words(token).len();
                (starts > 0).then(|| (folded_letters(token), starts))
            })
            .collect();
        tokens.sort_unstable();
        let mut merged: Vec<(String, usize)> = Vec::with_capacity(tokens.len());
        for (letters, starts) in tokens {
            match merged.last_mut() {
                Some(last) if last.0 == letters => last.1 += starts,
                _ => merged.push((letters, starts)),
            }
        }
        Letters {
            all: folded_letters(text),
            tokens: merged,
        }
    }

    /// At most how many words `changes(reference, this rendering).shared` counts.
    pub fn most_shared_with(&self, reference: &Letters) -> usize {
        self.tokens
            .iter()
            .filter(|(letters, _)| reference.all.contains(letters.as_str()))
            .map(|(_, starts)| starts)
            .sum()
    }
}

/// The letters and digits of `text` after lower-casing (a capital whose lower case adds a
/// mark, as "İ" does, leaves the mark out): the same for two stretches [`changes`] counts as
/// shared, equal ones and ones typed otherwise alike.
fn folded_letters(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The letters and digits of `text`, lower-cased: what is left when typography is not.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The byte ranges of the words (runs of letters, digits and inner apostrophes) of `text`,
/// offset by `base`.
fn word_ranges(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(base + s..base + i);
        }
    }
    if let Some(s) = start {
        out.push(base + s..base + text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(&str, Option<&str>)> {
        find(text)
            .into_iter()
            .map(|f| (&text[f.quote], f.speaker.map(|s| &text[s])))
            .collect()
    }

    #[test]
    fn quotes_and_their_speakers_are_found_in_the_usual_attributions() {
        let text = "\"We are not a media company, we are a platform,\" said Daniel Ek.\n\
                    “Women's rights matter to every artist we work with,” Shaunna Thomas, the \
                    co-founder and executive director of UltraViolet, said on Friday.\n\
                    Spotify CEO Daniel Ek said: “Music is the most important thing we do here.”\n\
                    “This is a hard problem to solve,” Ek told reporters on Monday.\n\
                    According to Dawn Ostroff, « nous allons continuer à investir » in podcasts.\n\
                    „Wir haben das nicht gewusst“, sagte er.\n\
                    “It was a mistake and we own it,” he said.";
        assert_eq!(
            quotes(text),
            [
                (
                    "We are not a media company, we are a platform,",
                    Some("Daniel Ek")
                ),
                (
                    "Women's rights matter to every artist we work with,",
                    Some("Shaunna Thomas")
                ),
                (
                    "Music is the most important thing we do here.",
                    Some("Daniel Ek")
                ),
                ("This is a hard problem to solve,", Some("Ek")),
                ("nous allons continuer à investir", Some("Dawn Ostroff")),
                ("Wir haben das nicht gewusst", None),
                // "he": the last speaker named.
                ("It was a mistake and we own it,", Some("Dawn Ostroff")),
            ]
        );
    }

    #[test]
    fn nested_unbalanced_short_and_multi_paragraph_quotes() {
        // A quote inside a quote is part of it.
        let nested = "“He told me ‘stop’ and then “leave now” and I did,” she said, Smith said.";
        assert_eq!(
            quotes(nested)[0].0,
            "He told me ‘stop’ and then “leave now” and I did,"
        );
        // A mark left open at the end of a paragraph is dropped; the next line starts afresh.
        let open = "He called it “a total disaster for everyone\nThe board said “we will review every single case” today.";
        assert_eq!(quotes(open), [("we will review every single case", None)]);
        // Scare quotes and titles are not speech; two words with a speaker are.
        let short = "The “silly” plan, the “Discover Weekly Playlist” feature. “Pretty silly,” Bolton said.";
        assert_eq!(quotes(short), [("Pretty silly,", Some("Bolton"))]);
        // A quote over two paragraphs: the second opens with the mark again.
        let long = "“We will grow in every market we enter.\n“And we will keep paying artists more,” Ek said.";
        assert_eq!(
            quotes(long),
            [(
                "We will grow in every market we enter.\n“And we will keep paying artists more,",
                Some("Ek")
            )]
        );
        // Straight and curly marks mixed on one page still pair up.
        let mixed =
            "“We will appeal,\" Karen Flynn said. \"This contradicts the testimony of officials.”";
        assert_eq!(
            quotes(mixed),
            [
                ("We will appeal,", Some("Karen Flynn")),
                // Right after the attribution of the one before: the same speaker.
                (
                    "This contradicts the testimony of officials.",
                    Some("Karen Flynn")
                )
            ]
        );
        // Typewriter and treebank marks, and doubled single marks.
        let doubled = "``We will not step back,'' Ek said. \
                       ‘‘It was a mistake,’’ Flynn said. Rock 'n' roll, the ''Blues''.";
        assert_eq!(
            quotes(doubled),
            [
                ("We will not step back,", Some("Ek")),
                ("It was a mistake,", Some("Flynn"))
            ]
        );
        // Inches and stray marks do not open quotes.
        assert!(quotes("A 12\" record and a 7\" single.").is_empty());
    }

    /// Any text, marks and multi-byte letters anywhere: no panic, every span on character
    /// boundaries inside the text.
    #[test]
    fn odd_texts_give_spans_inside_them() {
        let pieces = [
            "Kottasová",
            "\"",
            "“",
            "”",
            "„",
            "«",
            "»",
            " ",
            "\n",
            "said",
            "Ek",
            ".",
            ",",
            "é",
            "he",
            "according",
            "to",
            "Sen.",
            ":",
            "…",
            "—",
            "'",
            "’s",
            "CEO",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            for f in find(&text) {
                assert!(text.get(f.quote.clone()).is_some(), "{text:?}");
                assert!(f.speaker.is_none_or(|s| text.get(s).is_some()), "{text:?}");
            }
            let _ = changes(&text, "Kottasová said “é”");
        }
    }

    #[test]
    fn letters_bound_the_words_changes_counts_as_shared() {
        let renderings = [
            "We will not tolerate hate on our platform at all,",
            "We won't tolerate hate on our platform at all.",
            "we will … hate",
            "the Court’s consideration of it",
            "the Court´s consideration of it",
            "co-operate with the U.S. authorities",
            "cooperate with the US authorities",
            "İstanbul talks resume",
            "i\u{307}stanbul talks resume",
            "Prices rose 3.5% in the euro zone",
            "prices rose 3,5 % in the euro-zone",
            "something else entirely was said here",
            "日本の経済は回復している",
            "日本の経済",
        ];
        let letters = |text: &str| Letters::of(text, &Words::of(text));
        for reference in renderings {
            for rendering in renderings {
                let shared = changes(reference, rendering).shared;
                let bound = letters(rendering).most_shared_with(&letters(reference));
                assert!(
                    bound >= shared,
                    "{reference:?} / {rendering:?}: {bound} < {shared}"
                );
            }
        }
        // Another part of a statement is told apart without a diff.
        let (other, reference) = (renderings[11], renderings[0]);
        let bound = letters(other).most_shared_with(&letters(reference));
        assert!(bound * 2 < other.split_whitespace().count(), "{bound}");
    }

    #[test]
    fn quotes_sharing_only_function_words_are_not_one_quote() {
        let texts = [
            "“It was a mess,” Reid's publicist said.",
            "“It was hard to understand what he got out of it,” the prosecutor said.",
            "“It was a sudden attack that gave the deputy no chance,” Armstead said.",
            "“We will fix it as quickly as possible,” the company said.",
            "“That person needs to be found as soon as possible,” police said.",
            "“No one was hurt,” a fire official said.",
            "“Luckily no one has been hurt and we are grateful to the fire service,” he said.",
        ];
        let tracked = track(&texts);
        assert!(tracked.is_empty(), "{tracked:?}");
        // The same short quote in two articles is still one.
        let texts = [
            "“It was a mess,” Reid's publicist said.",
            "The publicist told reporters: “It was a mess.”",
        ];
        assert_eq!(track(&texts).len(), 1);
        // Word for word, it is part of a longer quote.
        let texts = [
            "“While we believe our intentions were good, the language was too vague,” Spotify said.",
            "Spotify said “our intentions were good.”",
            "“We will look at the rule, but I think we will see them in court,” a lawyer said.",
            "“We will see them in court,” the group said.",
        ];
        assert_eq!(track(&texts).len(), 2);
    }

    #[test]
    fn renderings_match_across_articles_and_changes_flag_altered_words() {
        let texts = [
            "“We will not tolerate hate on our platform at all,” said Daniel Ek. Other “quoted words in here now” too.",
            "Ek said: \"We will not tolerate hate on our platform at all.\"",
            "“We won't tolerate hate on our platform at all,” Ek said.",
            "“tolerate hate on our platform,” Ek said, and “something else entirely was said here”.",
        ];
        let tracked = track(&texts);
        assert_eq!(tracked.len(), 1, "{tracked:?}");
        let q = &tracked[0];
        assert_eq!(q.speaker.as_deref(), Some("Daniel Ek"));
        assert_eq!(
            q.members.iter().map(|m| m.span.article).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        let text = |r: &Rendering| &texts[r.span.article][r.span.start..r.span.end];
        let reference = text(&q.members[0]);
        assert!(!changes(reference, text(&q.members[1])).is_altered());
        let altered = changes(reference, text(&q.members[2]));
        let r2 = text(&q.members[2]);
        assert_eq!(
            altered
                .changed
                .iter()
                .map(|r| &r2[r.clone()])
                .collect::<Vec<_>>(),
            ["won't"]
        );
        // Quoting part of it is no alteration.
        assert!(!changes(reference, text(&q.members[3])).is_altered());
        // A word left out inside is; a cut marked with an ellipsis is not.
        let dropped = changes("we will not tolerate hate", "we will tolerate hate");
        assert!(dropped.is_altered() && dropped.dropped == 1);
        assert_eq!(dropped.missing, [(8, "not".to_string())]);
        assert!(!changes("we will not tolerate any hate", "we will … hate").is_altered());
        // Typography is no alteration.
        assert!(!changes(
            "the Court’s consideration of it",
            "the Court´s consideration of it"
        )
        .is_altered());
    }
}
