//! Two articles side by side, as the compare screen and `crossread compare` both show them:
//! each aligned pair with its word differences marked, where each passage sits, and the
//! text aligned with nothing.
//!
//! A [`Comparison`] is built once (the word diffs are its costly part) and holds no width:
//! the shells lay its marked words out in columns of their width ([`super::layout`]), so a
//! resize lays out again without diffing again, and both shells mark the same words.
//!
//! The left article is shown whole, in its own order. Pairs whose right passages keep the
//! right article's order are anchors: the text between two anchors stands side by side. A
//! pair whose right passage sits elsewhere in the right article is shown beside its left
//! passage, "moved from right ¶N", and the right's text keeps a placeholder where it was.

use std::ops::Range;
use std::sync::Arc;

use super::index::{AlignmentIndex, ArticleIdx};
use super::label;
use super::layout::{
    marks, out_of_order, paragraph_number, segments, units, unmark_shared_words, word_forms, Side,
    Unit,
};
use crate::align::diff::{word_diff, DiffOp};
use crate::align::PairKind;
use crate::corpus::{Article, Corpus};

/// One article as the comparison names it (every string sanitised).
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub index: ArticleIdx,
    pub id: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    /// `003 · Sputnik International · 2015-10-09`.
    pub line: String,
}

impl Head {
    fn new(article: &Article, index: ArticleIdx) -> Head {
        Head {
            index,
            id: label::id(article),
            outlet: label::outlet(article),
            date: label::date(article),
            title: label::title_if_any(article),
            line: label::head_line(article),
        }
    }
}

/// One aligned pair between the two articles, oriented left to right.
#[derive(Debug, Clone)]
pub struct Passage {
    pub kind: PairKind,
    pub score: f32,
    /// Byte ranges of the left and right articles' texts.
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// The left passage's paragraph (1-based, blank-line separated).
    pub left_paragraph: usize,
    /// The right passage's paragraph when it sits out of the right article's order.
    pub moved_from: Option<usize>,
    /// The group (position in the listing order) holding this pair, if any.
    pub group: Option<usize>,
    /// The word diff of the left passage against the right, ranges relative to each.
    pub ops: Vec<DiffOp>,
    /// Pieces that start level on both sides (after a sentence end both share), each side's
    /// words carrying its marks.
    pub pieces: Vec<Piece>,
}

/// A stretch of a passage, both sides, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub left: Vec<Unit>,
    pub right: Vec<Unit>,
}

/// What the side-by-side document is made of, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Text aligned with nothing, side by side: the left's, and the right's with
    /// placeholders where a moved passage was taken out.
    Gap {
        left: Range<usize>,
        right: Vec<GapPiece>,
    },
    /// A passage (index into [`Comparison::passages`]).
    Pair(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum GapPiece {
    Text(Range<usize>),
    /// The right passage of this (moved) passage stood here.
    Moved(usize),
}

/// Two articles and what lines up between them, width-free.
#[derive(Debug, Clone)]
pub struct Comparison {
    corpus: Arc<Corpus>,
    index: Arc<AlignmentIndex>,
    pub left: Head,
    pub right: Head,
    /// In the left article's order.
    pub passages: Vec<Passage>,
    pub blocks: Vec<Block>,
    /// What no pair between the two covers, per side: one range per paragraph piece,
    /// trimmed, leaving out pieces without a letter or digit.
    pub unique_left: Vec<Range<usize>>,
    pub unique_right: Vec<Range<usize>>,
    /// Percent of each side's text (by bytes) that the passages cover.
    pub left_share: usize,
    pub right_share: usize,
}

impl Comparison {
    /// Compares articles `left` and `right` of `corpus`, aligned as `index` says. `None` if
    /// either is not an article of the corpus.
    pub fn new(
        corpus: Arc<Corpus>,
        index: Arc<AlignmentIndex>,
        left: ArticleIdx,
        right: ArticleIdx,
    ) -> Option<Comparison> {
        let left_article = left.of(&corpus)?;
        let right_article = right.of(&corpus)?;
        let (lt, rt) = (left_article.text.as_str(), right_article.text.as_str());
        let mut passages: Vec<Passage> = index
            .between(left, right)
            .into_iter()
            .map(|(pair, l, r)| {
                let (ops, pieces) = diff(pair.kind, &lt[l.start..l.end], &rt[r.start..r.end]);
                Passage {
                    kind: pair.kind,
                    score: pair.score,
                    left: l.start..l.end,
                    right: r.start..r.end,
                    left_paragraph: paragraph_number(lt, l.start),
                    moved_from: None,
                    group: index.group_of(&l, &r),
                    ops,
                    pieces,
                }
            })
            .collect();
        passages.sort_by_key(|p| (p.left.start, p.right.start));
        let starts: Vec<usize> = passages.iter().map(|p| p.right.start).collect();
        for (p, is_moved) in passages.iter_mut().zip(out_of_order(&starts)) {
            p.moved_from = is_moved.then(|| paragraph_number(rt, p.right.start));
        }
        let blocks = blocks(&passages, lt.len(), rt.len());
        let left_ranges: Vec<Range<usize>> = passages.iter().map(|p| p.left.clone()).collect();
        let right_ranges: Vec<Range<usize>> = passages.iter().map(|p| p.right.clone()).collect();
        Some(Comparison {
            left: Head::new(left_article, left),
            right: Head::new(right_article, right),
            unique_left: uncovered(lt, &left_ranges),
            unique_right: uncovered(rt, &right_ranges),
            left_share: share(&left_ranges, lt),
            right_share: share(&right_ranges, rt),
            passages,
            blocks,
            corpus,
            index,
        })
    }

    /// The comparison of two articles with pairs `(kind, score, left text, right text)`, each
    /// text found in its article: a fixture for tests of the comparison and its renderings.
    #[cfg(test)]
    pub(crate) fn of_pairs(
        left: &Article,
        right: &Article,
        pairs: &[(PairKind, f32, &str, &str)],
    ) -> Comparison {
        use crate::align::{AlignedPair, Alignment, Span};
        let find = |a: &Article, s: &str, article| {
            let start = a
                .text
                .find(s)
                .unwrap_or_else(|| panic!("{s:?} not in {}", a.id));
            Span {
                article,
                start,
                end: start + s.len(),
            }
        };
        let corpus = Corpus {
            articles: vec![left.clone(), right.clone()],
            ..Corpus::default()
        };
        let alignment = Alignment {
            pairs: pairs
                .iter()
                .map(|&(kind, score, l, r)| AlignedPair {
                    kind,
                    score,
                    a: find(left, l, 0),
                    b: find(right, r, 1),
                    evidence: Default::default(),
                })
                .collect(),
            ..Alignment::default()
        };
        let index = Arc::new(AlignmentIndex::new(alignment, &corpus));
        Comparison::new(Arc::new(corpus), index, ArticleIdx(0), ArticleIdx(1))
            .expect("both articles are in the corpus")
    }

    /// The same two articles the other way round.
    pub fn swapped(&self) -> Comparison {
        Comparison::new(
            Arc::clone(&self.corpus),
            Arc::clone(&self.index),
            self.right.index,
            self.left.index,
        )
        .expect("both articles are in the corpus the comparison was built from")
    }

    pub fn article(&self, side: Side) -> &Article {
        let head = match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        };
        &self.corpus.articles[head.index.get()]
    }

    /// One side's cleaned text.
    pub fn text(&self, side: Side) -> &str {
        &self.article(side).text
    }

    /// `text(side)[range]`, or "" for a range outside it.
    pub fn slice(&self, side: Side, range: &Range<usize>) -> &str {
        self.text(side).get(range.clone()).unwrap_or("")
    }

    /// "5 aligned passages · 21% of the left text · 9% of the right".
    pub fn summary(&self) -> String {
        let n = self.passages.len();
        format!(
            "{n} aligned passage{} · {}% of the left text · {}% of the right",
            plural(n),
            self.left_share,
            self.right_share
        )
    }
}

/// The word diff of a pair and its pieces with marks. In a paraphrase, shared words come
/// in another order: only the words one side alone uses stay marked.
pub fn diff(kind: PairKind, left: &str, right: &str) -> (Vec<DiffOp>, Vec<Piece>) {
    let ops = word_diff(left, right);
    let forms = (kind == PairKind::Paraphrase).then(|| (word_forms(left), word_forms(right)));
    let pieces = segments(left, right, &ops)
        .into_iter()
        .map(|(l, r)| {
            let (lt, rt) = (&left[l.clone()], &right[r.clone()]);
            let mut left_marks = marks(&ops, Side::Left, l.start);
            let mut right_marks = marks(&ops, Side::Right, r.start);
            if let Some((left_forms, right_forms)) = &forms {
                left_marks = unmark_shared_words(lt, left_marks, right_forms);
                right_marks = unmark_shared_words(rt, right_marks, left_forms);
            }
            Piece {
                left: units(lt, &left_marks),
                right: units(rt, &right_marks),
            }
        })
        .collect();
    (ops, pieces)
}

/// The document's blocks: the left article in its order, pairs in place, the unaligned text
/// between anchors side by side, and the right's text after the last anchor at the end.
fn blocks(passages: &[Passage], left_len: usize, right_len: usize) -> Vec<Block> {
    let mut moved: Vec<(Range<usize>, usize)> = passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.moved_from.is_some())
        .map(|(i, p)| (p.right.clone(), i))
        .collect();
    moved.sort_by_key(|(r, _)| (r.start, r.end));
    // The right's text between `from` and `to`, with moved passages taken out.
    let right_pieces = |from: usize, to: usize| -> Vec<GapPiece> {
        let mut pieces = Vec::new();
        let mut at = from;
        for (range, i) in &moved {
            if range.start < from || range.start >= to {
                continue;
            }
            if range.start > at {
                pieces.push(GapPiece::Text(at..range.start));
            }
            pieces.push(GapPiece::Moved(*i));
            at = at.max(range.end.min(to));
        }
        if to > at {
            pieces.push(GapPiece::Text(at..to));
        }
        pieces
    };
    let mut out = Vec::new();
    let (mut at_left, mut at_right) = (0, 0);
    for (i, p) in passages.iter().enumerate() {
        let left_gap = at_left..p.left.start.max(at_left);
        if p.moved_from.is_some() {
            out.push(Block::Gap {
                left: left_gap,
                right: Vec::new(),
            });
        } else {
            let right_to = p.right.start.max(at_right);
            out.push(Block::Gap {
                left: left_gap,
                right: right_pieces(at_right, right_to),
            });
            at_right = at_right.max(p.right.end);
        }
        out.push(Block::Pair(i));
        at_left = at_left.max(p.left.end);
    }
    out.push(Block::Gap {
        left: at_left..left_len,
        right: right_pieces(at_right, right_len.max(at_right)),
    });
    out
}

/// Bytes that `ranges` cover, each byte once.
pub fn covered_bytes(ranges: &[Range<usize>]) -> usize {
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let (mut covered, mut reach) = (0, 0);
    for r in sorted {
        covered += r.end.saturating_sub(r.start.max(reach));
        reach = reach.max(r.end);
    }
    covered
}

/// The percentage of `text` (by bytes, outer whitespace aside) that `ranges` cover.
fn share(ranges: &[Range<usize>], text: &str) -> usize {
    (covered_bytes(ranges) * 100)
        .checked_div(text.trim().len())
        .unwrap_or(0)
        .min(100)
}

/// The stretches of `text` that no range of `covered` touches: one per paragraph piece,
/// trimmed, leaving out pieces without a letter or digit.
///
/// `uncovered("One two.\n\nThree four.", [4..8])` → `"One"` and `"Three four."`.
pub fn uncovered(text: &str, covered: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut covered: Vec<(usize, usize)> = covered.iter().map(|r| (r.start, r.end)).collect();
    covered.sort_unstable();
    let mut gaps = Vec::new();
    let mut at = 0;
    for (start, end) in covered {
        if start > at {
            gaps.push(at..start.min(text.len()));
        }
        at = at.max(end);
    }
    if at < text.len() {
        gaps.push(at..text.len());
    }
    let mut out = Vec::new();
    for gap in gaps {
        let Some(gap_text) = text.get(gap.clone()) else {
            continue;
        };
        let mut offset = gap.start;
        for piece in gap_text.split("\n\n") {
            let trimmed = piece.trim();
            if trimmed.chars().any(char::is_alphanumeric) {
                let start = offset + (piece.len() - piece.trim_start().len());
                out.push(start..start + trimmed.len());
            }
            offset += piece.len() + 2;
        }
    }
    out
}

/// Words with a letter or digit in them.
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Metadata};
    use crate::display::layout::{lay_out, Mark};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata::default(),
            raw: text.to_string(),
            text: text.to_string(),
            words: text.split_whitespace().count(),
        }
    }

    /// A comparison of two articles with pairs given by their texts (score 0.8).
    fn compare(left: &str, right: &str, pairs: &[(PairKind, &str, &str)]) -> Comparison {
        let pairs: Vec<(PairKind, f32, &str, &str)> = pairs
            .iter()
            .map(|&(kind, l, r)| (kind, 0.8, l, r))
            .collect();
        Comparison::of_pairs(&article("a", left), &article("b", right), &pairs)
    }

    fn marked(units: &[Unit]) -> String {
        lay_out(units, 500, true)
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_paraphrase_marks_only_what_one_side_alone_says() {
        let cmp = compare(
            "Iran and Iraq have agreed on a plan.",
            "Iraq and Iran created a plan.",
            &[(
                PairKind::Paraphrase,
                "Iran and Iraq have agreed on a plan.",
                "Iraq and Iran created a plan.",
            )],
        );
        let piece = &cmp.passages[0].pieces[0];
        assert_eq!(
            marked(&piece.left),
            "Iran and Iraq [-have agreed on-] a plan."
        );
        assert_eq!(marked(&piece.right), "Iraq and Iran {+created+} a plan.");
    }

    #[test]
    fn a_moved_passage_leaves_a_placeholder_and_the_rest_is_unique() {
        let cmp = compare(
            "First claim here.\n\nSecond claim here.\n\nLeft alone.",
            "Second claim there.\n\nFirst claim there.\n\nRight alone.",
            &[
                (
                    PairKind::Verbatim,
                    "First claim here.",
                    "First claim there.",
                ),
                (
                    PairKind::Verbatim,
                    "Second claim here.",
                    "Second claim there.",
                ),
            ],
        );
        assert_eq!(cmp.passages[0].moved_from, None);
        assert_eq!(cmp.passages[1].moved_from, Some(1));
        assert!(cmp.blocks.iter().any(|b| matches!(
            b,
            Block::Gap { right, .. } if right.contains(&GapPiece::Moved(1))
        )));
        let unique = |side, ranges: &[Range<usize>]| -> Vec<String> {
            ranges
                .iter()
                .map(|r| cmp.slice(side, r).to_string())
                .collect()
        };
        assert_eq!(unique(Side::Left, &cmp.unique_left), ["Left alone."]);
        assert_eq!(unique(Side::Right, &cmp.unique_right), ["Right alone."]);
        assert_eq!(
            cmp.summary(),
            "2 aligned passages · 70% of the left text · 69% of the right"
        );
        let swapped = cmp.swapped();
        assert_eq!(swapped.left.id, "b");
        assert_eq!(
            marked(&swapped.passages[0].pieces[0].left),
            "Second claim [-there-]."
        );
        assert!(swapped.passages[0].pieces.iter().all(|p| p
            .right
            .iter()
            .all(|u| u.pieces().iter().all(|(m, _)| *m != Mark::Deleted))));
    }

    #[test]
    // A slice of one covered range is what is meant, not a range of numbers.
    #[allow(clippy::single_range_in_vec_init)]
    fn uncovered_keeps_what_no_range_touches_per_paragraph() {
        let text = "One two.\n\nThree four.";
        let texts = |ranges: Vec<Range<usize>>| -> Vec<&str> {
            ranges.into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(texts(uncovered(text, &[4..8])), ["One", "Three four."]);
        assert_eq!(texts(uncovered(text, &[])), ["One two.", "Three four."]);
        assert_eq!(texts(uncovered(text, &[0..21])), Vec::<&str>::new());
        // Overlapping ranges, and punctuation left between them, count as covered.
        assert_eq!(texts(uncovered(text, &[0..7, 3..8, 10..15])), ["four."]);
        assert_eq!(uncovered(text, &[4..8])[0], 0..3);
    }
}
