//! Word-level differences between two aligned passages, for the CLI and the TUI.
//!
//! Words are Unicode words (UAX #29; every CJK ideograph is a word of its own) and
//! punctuation marks. They are compared in a folded form — case, curly and straight quotes,
//! dash variants — so that only wording counts, while every range points at each side's
//! original text. A semantic cleanup in the manner of diff-match-patch's `cleanup_semantic`
//! then absorbs the small equalities that a reworded sentence leaves between its changes
//! ("the", "and", a comma, or a word or two inside a longer rewording), so that the sentence
//! reads as a few phrase-level changes rather than as confetti.

use std::ops::Range;

use serde::Serialize;
use similar::Algorithm;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What one stretch of a diff is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    /// The same words on both sides (folded: case, quotes and dashes may differ).
    Equal,
    /// Words only on the `a` side; the `b` range is empty.
    Delete,
    /// Words only on the `b` side; the `a` range is empty.
    Insert,
    /// Different words on both sides.
    Replace,
}

impl DiffTag {
    pub fn as_str(self) -> &'static str {
        match self {
            DiffTag::Equal => "equal",
            DiffTag::Delete => "delete",
            DiffTag::Insert => "insert",
            DiffTag::Replace => "replace",
        }
    }
}

/// One stretch of a word diff: `a[self.a]` against `b[self.b]`, byte ranges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub tag: DiffTag,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// The word diff of `a` against `b`.
///
/// The ops' ranges cover both strings completely and in order, whitespace included: the
/// whitespace between an equal stretch and a change belongs to the equal stretch, so a
/// change's range starts and ends on a word (except for whitespace at the very start or end
/// of a string, which belongs to the first or last op).
///
/// `word_diff("the cat sat", "the dog sat")` →
/// `[Equal 0..4/0..4 ("the "), Replace 4..7/4..7 ("cat"/"dog"), Equal 7..11/7..11 (" sat")]`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    word_diff_split(a, &Words::of(a), b, &Words::of(b))
}

/// The words of a text as [`word_diff`] compares them: split once, a text compared with many
/// others is not split again for each.
pub struct Words(Vec<Word>);

impl Words {
    pub fn of(text: &str) -> Words {
        Words(words(text))
    }

    /// The byte range of each word or punctuation mark, in order.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.0.iter().map(|w| w.range.clone())
    }
}

/// [`word_diff`] of `a` and `b`, already split (`Words::of(a)`, `Words::of(b)`).
pub fn word_diff_split(a: &str, words_a: &Words, b: &str, words_b: &Words) -> Vec<DiffOp> {
    let (words_a, words_b) = (&words_a.0, &words_b.0);
    let keys_a: Vec<&str> = words_a.iter().map(|w| w.key.as_str()).collect();
    let keys_b: Vec<&str> = words_b.iter().map(|w| w.key.as_str()).collect();
    let mut edits: Vec<Edit> = similar::capture_diff_slices(Algorithm::Myers, &keys_a, &keys_b)
        .iter()
        .map(|op| {
            let (tag, a, b) = op.as_tag_tuple();
            Edit {
                is_equal: tag == similar::DiffTag::Equal,
                a,
                b,
            }
        })
        .collect();
    merge_changes(&mut edits);
    cleanup_semantic(&mut edits, words_a, words_b);
    to_byte_ops(&edits, words_a, words_b, a, b)
}

/// A word or punctuation mark of one side, with its folded matching key.
#[derive(Debug)]
struct Word {
    range: Range<usize>,
    key: String,
    /// True if the word has a letter or digit (punctuation marks do not).
    is_alphanumeric: bool,
}

/// Splits text into UAX #29 words and punctuation marks; whitespace is left out.
fn words(text: &str) -> Vec<Word> {
    text.split_word_bound_indices()
        .filter(|(_, s)| !s.chars().all(char::is_whitespace))
        .map(|(start, s)| Word {
            range: start..start + s.len(),
            key: fold(s),
            is_alphanumeric: s.chars().any(char::is_alphanumeric),
        })
        .collect()
}

/// The matching form of a word: lower case, every quote mark straight, every dash a hyphen.
///
/// `fold("“Information’s—”")` → `"\"information's-\""`.
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(|c| {
            let folded = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
                | '\u{203A}' | '`' | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                | '\u{00BB}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
                c => c,
            };
            folded.to_lowercase()
        })
        .collect()
}

/// One stretch of the diff as word index ranges into each side's [`words`].
#[derive(Clone, Debug, PartialEq)]
struct Edit {
    /// True if the words match; else a change (delete, insert or replace, by which side
    /// is empty).
    is_equal: bool,
    a: Range<usize>,
    b: Range<usize>,
}

impl Edit {
    fn tag(&self) -> DiffTag {
        match (self.is_equal, self.a.is_empty(), self.b.is_empty()) {
            (true, _, _) => DiffTag::Equal,
            (false, true, _) => DiffTag::Insert,
            (false, false, true) => DiffTag::Delete,
            (false, false, false) => DiffTag::Replace,
        }
    }
}

/// Drops empty stretches and joins neighbouring changes, so that equal stretches and
/// changes alternate (a delete next to an insert becomes one replace).
fn merge_changes(edits: &mut Vec<Edit>) {
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits.drain(..) {
        if edit.a.is_empty() && edit.b.is_empty() {
            continue;
        }
        match merged.last_mut() {
            Some(last) if last.is_equal == edit.is_equal => {
                last.a.end = edit.a.end;
                last.b.end = edit.b.end;
            }
            _ => merged.push(edit),
        }
    }
    *edits = merged;
}

/// Words that carry little meaning on their own: an equality made only of these between two
/// changes is a coincidence of grammar, not shared wording.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
    "for", "from", "had", "has", "have", "he", "her", "his", "in", "into", "is", "it", "its",
    "not", "of", "on", "or", "said", "she", "that", "the", "their", "them", "they", "this", "to",
    "was", "were", "which", "who", "will", "with", "would",
];

/// Words of at most this many (narrow) characters count as small wherever they are ("US",
/// "two"): at word level, a match of such a word between two changes is mostly chance.
const SHORT_WORD_CHARS: usize = 3;

/// Absorbs each equal stretch that sits between two changes and is a coincidence rather than
/// shared wording: the changes around it and the stretch become one change.
///
/// An equality is a coincidence if it is at most two small words (stop words or short
/// words) and punctuation, or if, as in diff-match-patch's `cleanup_semantic` (counted in
/// words here, not characters, and with a margin), the changes on each side of it have at
/// least twice its words: "Information Center" between "created the Baghdad" / "and Iraq
/// have agreed to establish an" and "in the Iraqi capital Baghdad" is one phrase reworded,
/// while "to coordinate" between a five-word and a three-word change is shared wording, and
/// so is "D" in "[-X-] D [-Y-]".
///
/// Each equality is judged against the changes as the diff found them, not as absorbing
/// grew them: otherwise, in a heavily reworded pair, every absorption makes the next one
/// easier until the whole passage is a single change.
fn cleanup_semantic(edits: &mut Vec<Edit>, words_a: &[Word], words_b: &[Word]) {
    let content = |words: &[Word], range: &Range<usize>| {
        words[range.clone()]
            .iter()
            .filter(|w| w.is_alphanumeric)
            .count()
    };
    let change_words = |e: &Edit| content(words_a, &e.a).max(content(words_b, &e.b));
    // A CJK character is a word of its own and can be a whole content word: not "short".
    let is_short = |key: &str| {
        key.chars().count() <= SHORT_WORD_CHARS
            && UnicodeWidthStr::width(key) == key.chars().count()
    };
    let is_small = |w: &&Word| STOP_WORDS.contains(&w.key.as_str()) || is_short(&w.key);
    let is_coincidence = |before: &Edit, equal: &Edit, after: &Edit| {
        let equal_words: Vec<&Word> = words_a[equal.a.clone()]
            .iter()
            .filter(|w| w.is_alphanumeric)
            .collect();
        let only_small_words =
            equal_words.len() <= 2 && equal.a.len() <= 4 && equal_words.iter().all(is_small);
        let n = equal_words.len();
        only_small_words || (2 * n <= change_words(before) && 2 * n <= change_words(after))
    };
    let absorbed: Vec<usize> = (1..edits.len().saturating_sub(1))
        .filter(|&i| {
            edits[i].is_equal
                && !edits[i - 1].is_equal
                && !edits[i + 1].is_equal
                && is_coincidence(&edits[i - 1], &edits[i], &edits[i + 1])
        })
        .collect();
    for i in absorbed {
        edits[i].is_equal = false;
    }
    merge_changes(edits);
}

/// Turns word index ranges into byte ranges that cover each side's text in order.
fn to_byte_ops(
    edits: &[Edit],
    words_a: &[Word],
    words_b: &[Word],
    a: &str,
    b: &str,
) -> Vec<DiffOp> {
    if edits.is_empty() {
        // No words on either side: at most whitespace, which is not compared.
        if a.is_empty() && b.is_empty() {
            return Vec::new();
        }
        return vec![DiffOp {
            tag: DiffTag::Equal,
            a: 0..a.len(),
            b: 0..b.len(),
        }];
    }
    let bounds_a = byte_bounds(edits, words_a, a.len(), |e| &e.a);
    let bounds_b = byte_bounds(edits, words_b, b.len(), |e| &e.b);
    edits
        .iter()
        .enumerate()
        .map(|(i, e)| DiffOp {
            tag: e.tag(),
            a: bounds_a[i]..bounds_a[i + 1],
            b: bounds_b[i]..bounds_b[i + 1],
        })
        .collect()
}

/// The byte offsets where each edit starts on one side, then the side's length.
///
/// The whitespace between two edits goes to the equal one; a change empty on this side sits
/// after the whitespace that precedes it.
fn byte_bounds(
    edits: &[Edit],
    words: &[Word],
    len: usize,
    side: impl Fn(&Edit) -> &Range<usize>,
) -> Vec<usize> {
    let mut bounds = Vec::with_capacity(edits.len() + 1);
    bounds.push(0);
    for pair in edits.windows(2) {
        let next = side(&pair[1]).start;
        let gap_start = if next > 0 {
            words[next - 1].range.end
        } else {
            0
        };
        let gap_end = words.get(next).map_or(len, |w| w.range.start);
        let at = if pair[0].is_equal { gap_end } else { gap_start };
        let previous = *bounds.last().unwrap_or(&0);
        bounds.push(at.max(previous));
    }
    bounds.push(len);
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use DiffTag::*;

    /// The diff as (tag, a text, b text), after checking that the ops cover both sides.
    #[track_caller]
    fn diff_texts<'s>(a: &'s str, b: &'s str) -> Vec<(DiffTag, &'s str, &'s str)> {
        let ops = word_diff(a, b);
        let (mut at_a, mut at_b) = (0, 0);
        for op in &ops {
            assert_eq!(
                (op.a.start, op.b.start),
                (at_a, at_b),
                "gap or overlap in {ops:?}"
            );
            (at_a, at_b) = (op.a.end, op.b.end);
        }
        assert_eq!((at_a, at_b), (a.len(), b.len()), "not covered: {ops:?}");
        ops.iter()
            .map(|op| (op.tag, &a[op.a.clone()], &b[op.b.clone()]))
            .collect()
    }

    #[test]
    fn identical_texts_are_one_equal_op() {
        let text = "Iraq and Russia agree to share intelligence.";
        assert_eq!(
            word_diff(text, text),
            [DiffOp {
                tag: Equal,
                a: 0..44,
                b: 0..44
            }]
        );
    }

    #[test]
    fn one_changed_word_is_a_replace_between_equal_stretches() {
        assert_eq!(
            word_diff("the cat sat", "the dog sat"),
            [
                DiffOp {
                    tag: Equal,
                    a: 0..4,
                    b: 0..4
                },
                DiffOp {
                    tag: Replace,
                    a: 4..7,
                    b: 4..7
                },
                DiffOp {
                    tag: Equal,
                    a: 7..11,
                    b: 7..11
                },
            ]
        );
    }

    #[test]
    fn an_insertion_is_empty_on_the_left() {
        assert_eq!(
            word_diff("Russia and Iran", "Russia, Syria and Iran"),
            [
                DiffOp {
                    tag: Equal,
                    a: 0..7,
                    b: 0..6
                },
                DiffOp {
                    tag: Insert,
                    a: 7..7,
                    b: 6..13
                },
                DiffOp {
                    tag: Equal,
                    a: 7..15,
                    b: 13..22
                },
            ]
        );
        assert_eq!(
            diff_texts("Russia and Iran", "Russia, Syria and Iran"),
            [
                (Equal, "Russia ", "Russia"),
                (Insert, "", ", Syria"),
                (Equal, "and Iran", " and Iran")
            ]
        );
    }

    #[test]
    fn a_deletion_is_empty_on_the_right() {
        assert_eq!(
            diff_texts(
                "the command said on Saturday it would help",
                "the command said Saturday it would help"
            ),
            [
                (Equal, "the command said ", "the command said "),
                (Delete, "on", ""),
                (Equal, " Saturday it would help", "Saturday it would help"),
            ]
        );
    }

    #[test]
    fn a_reworded_sentence_reads_as_a_few_phrase_level_changes() {
        let a = "Last week the two ministries quietly opened the Joint Press Office to answer \
                 questions from reporters.";
        let b = "The ministries have decided to set up a press office in the capital Vilnius to \
                 answer questions from reporters.";
        assert_eq!(
            diff_texts(a, b),
            [
                (Replace, "Last week the two", "The"),
                (Equal, " ministries ", " ministries "),
                (
                    Replace,
                    "quietly opened the Joint Press Office",
                    "have decided to set up a press office in the capital Vilnius"
                ),
                (
                    Equal,
                    " to answer questions from reporters.",
                    " to answer questions from reporters."
                ),
            ]
        );
    }

    #[test]
    fn small_words_between_changes_are_absorbed() {
        assert_eq!(
            diff_texts(
                "officials visited the northern city",
                "ministers toured the old city"
            ),
            [
                (
                    Replace,
                    "officials visited the northern",
                    "ministers toured the old"
                ),
                (Equal, " city", " city")
            ]
        );
        // A comma is no shared wording either.
        assert_eq!(
            diff_texts("Moscow, Damascus and Tehran", "Russia, Syria and Iran"),
            [(
                Replace,
                "Moscow, Damascus and Tehran",
                "Russia, Syria and Iran"
            )]
        );
    }

    #[test]
    fn a_content_word_between_one_word_changes_stays_equal() {
        assert_eq!(
            diff_texts(
                "officers analyse data daily",
                "soldiers analyse data weekly"
            ),
            [
                (Replace, "officers", "soldiers"),
                (Equal, " analyse data ", " analyse data "),
                (Replace, "daily", "weekly"),
            ]
        );
        assert_eq!(
            diff_texts("red group blue", "[green] group"),
            [
                (Replace, "red", "[green]"),
                (Equal, " group ", " group"),
                (Delete, "blue", "")
            ]
        );
    }

    #[test]
    fn empty_sides() {
        assert_eq!(word_diff("", ""), []);
        assert_eq!(
            word_diff("", "new words"),
            [DiffOp {
                tag: Insert,
                a: 0..0,
                b: 0..9
            }]
        );
        assert_eq!(
            word_diff("old words", ""),
            [DiffOp {
                tag: Delete,
                a: 0..9,
                b: 0..0
            }]
        );
        // Whitespace is not compared: only spaces on one side is no difference.
        assert_eq!(
            word_diff("  ", ""),
            [DiffOp {
                tag: Equal,
                a: 0..2,
                b: 0..0
            }]
        );
    }

    #[test]
    fn cjk_characters_and_emoji_are_words_of_their_own() {
        assert_eq!(
            diff_texts("伊拉克与俄罗斯合作", "伊拉克与叙利亚合作"),
            [
                (Equal, "伊拉克与", "伊拉克与"),
                (Replace, "俄罗斯", "叙利亚"),
                (Equal, "合作", "合作")
            ]
        );
        // Two ideographs are a word, not a pair of small words to absorb.
        assert_eq!(
            diff_texts("伊拉克与俄罗斯合作打击恐怖主义。", "伊拉克与叙利亚合作。"),
            [
                (Equal, "伊拉克与", "伊拉克与"),
                (Replace, "俄罗斯", "叙利亚"),
                (Equal, "合作", "合作"),
                (Delete, "打击恐怖主义", ""),
                (Equal, "。", "。")
            ]
        );
        assert_eq!(
            word_diff("news 📰 today", "news 📺 today"),
            [
                DiffOp {
                    tag: Equal,
                    a: 0..5,
                    b: 0..5
                },
                DiffOp {
                    tag: Replace,
                    a: 5..9,
                    b: 5..9
                },
                DiffOp {
                    tag: Equal,
                    a: 9..15,
                    b: 9..15
                },
            ]
        );
    }

    #[test]
    fn case_quotes_and_dashes_do_not_count_as_changes() {
        assert_eq!(
            word_diff("Information Center", "information center"),
            [DiffOp {
                tag: Equal,
                a: 0..18,
                b: 0..18
            }]
        );
        let a = "Iraq’s “joint” force — now";
        let b = "Iraq's \"joint\" force - now";
        assert_eq!(diff_texts(a, b), [(Equal, a, b)]);
    }

    #[test]
    fn fold_straightens_quotes_and_dashes() {
        assert_eq!(fold("“Information’s—”"), "\"information's-\"");
    }
}
