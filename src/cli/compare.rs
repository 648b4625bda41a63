//! `crossread compare A B`: two articles, the pairs of passages that line up between them
//! with their word differences, and what each says that the other does not.

use std::io::{self, Write};

use serde::Serialize;

use super::side_by_side::{self, Comparison};
use super::{round_score, span_text, ArticleJson, SpanJson};
use crate::align::diff::{word_diff, DiffTag};
use crate::align::{AlignedPair, Alignment, PairKind, Span};
use crate::corpus::{Article, Corpus};

/// Two articles and what lines up between them, ready to print.
pub(super) struct View<'a> {
    left: &'a Article,
    right: &'a Article,
    /// Oriented `(pair, left span, right span)`, in the left article's order.
    pairs: Vec<(AlignedPair, Span, Span)>,
    /// What no pair between the two covers, per side.
    unique_left: Vec<Span>,
    unique_right: Vec<Span>,
}

impl<'a> View<'a> {
    /// The pairs of `alignment` (made over the whole `corpus`) between `left` and `right`.
    pub(super) fn new(
        corpus: &Corpus,
        alignment: &Alignment,
        left: &'a Article,
        right: &'a Article,
    ) -> View<'a> {
        let index = |a: &Article| {
            corpus
                .articles
                .iter()
                .position(|b| b.id == a.id)
                .unwrap_or(0)
        };
        let (l, r) = (index(left), index(right));
        let pairs = alignment.between(l, r);
        let unique_left = uncovered(&left.text, l, pairs.iter().map(|(_, s, _)| *s));
        let unique_right = uncovered(&right.text, r, pairs.iter().map(|(_, _, s)| *s));
        View {
            left,
            right,
            pairs,
            unique_left,
            unique_right,
        }
    }

    /// Prints JSON in the README's stable shape, or the side-by-side view at `width`.
    pub(super) fn print(
        &self,
        out: &mut dyn Write,
        json: bool,
        width: usize,
        color: bool,
    ) -> io::Result<()> {
        if json {
            serde_json::to_writer_pretty(&mut *out, &self.json())?;
            return writeln!(out);
        }
        let comparison = Comparison {
            left: self.left,
            right: self.right,
            pairs: &self.pairs,
            unique_left: &self.unique_left,
            unique_right: &self.unique_right,
        };
        out.write_all(side_by_side::render(&comparison, width, color).as_bytes())
    }

    fn json(&self) -> CompareJson<'_> {
        let (left, right) = (self.left, self.right);
        let pairs = self
            .pairs
            .iter()
            .map(|(pair, l, r)| {
                let (lt, rt) = (span_text(left, l), span_text(right, r));
                let diff = word_diff(lt, rt)
                    .into_iter()
                    .map(|op| DiffJson {
                        op: op.tag,
                        left: &lt[op.a.clone()],
                        right: &rt[op.b.clone()],
                    })
                    .collect();
                PairJson {
                    kind: pair.kind,
                    score: round_score(pair.score),
                    left: SpanJson::new(left, l, false),
                    right: SpanJson::new(right, r, false),
                    diff,
                }
            })
            .collect();
        CompareJson {
            left: ArticleJson::new(left),
            right: ArticleJson::new(right),
            pairs,
            unique_left: self
                .unique_left
                .iter()
                .map(|s| SpanJson::new(left, s, false))
                .collect(),
            unique_right: self
                .unique_right
                .iter()
                .map(|s| SpanJson::new(right, s, false))
                .collect(),
        }
    }
}

/// The stable JSON shape of `compare --json`.
#[derive(Serialize)]
struct CompareJson<'a> {
    left: ArticleJson<'a>,
    right: ArticleJson<'a>,
    pairs: Vec<PairJson<'a>>,
    unique_left: Vec<SpanJson<'a>>,
    unique_right: Vec<SpanJson<'a>>,
}

#[derive(Serialize)]
struct PairJson<'a> {
    kind: PairKind,
    score: f64,
    left: SpanJson<'a>,
    right: SpanJson<'a>,
    diff: Vec<DiffJson<'a>>,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    op: DiffTag,
    left: &'a str,
    right: &'a str,
}

/// The stretches of `text` (article number `article`) that no span of `covered` touches:
/// one per paragraph piece, trimmed, leaving out pieces without a letter or digit.
///
/// `uncovered("One two.\n\nThree four.", 0, [4..8])` → spans of `"One"` and `"Three four."`.
fn uncovered(text: &str, article: usize, covered: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut covered: Vec<(usize, usize)> = covered.map(|s| (s.start, s.end)).collect();
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
    let mut spans = Vec::new();
    for gap in gaps {
        let Some(gap_text) = text.get(gap.clone()) else {
            continue;
        };
        let mut offset = gap.start;
        for piece in gap_text.split("\n\n") {
            let trimmed = piece.trim();
            if trimmed.chars().any(char::is_alphanumeric) {
                let start = offset + (piece.len() - piece.trim_start().len());
                spans.push(Span {
                    article,
                    start,
                    end: start + trimmed.len(),
                });
            }
            offset += piece.len() + 2;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn json_gives_each_pair_with_its_word_diff_and_what_each_side_has_alone() {
        let corpus = Corpus {
            articles: vec![
                crate::cli::test_article(
                    "a",
                    "Post",
                    None,
                    "T",
                    "Intro.\n\nThe army took the city.",
                ),
                crate::cli::test_article(
                    "b",
                    "Wire",
                    None,
                    "T",
                    "The army seized the city. Other.",
                ),
            ],
            ..Corpus::default()
        };
        let (a, b) = (
            Span {
                article: 0,
                start: 8,
                end: 31,
            },
            Span {
                article: 1,
                start: 0,
                end: 25,
            },
        );
        let alignment = Alignment {
            pairs: vec![AlignedPair {
                kind: PairKind::Verbatim,
                score: 0.912_34,
                a,
                b,
                evidence: Default::default(),
            }],
            ..Alignment::default()
        };
        // Asked the other way round: the pair is oriented right to left.
        let view = View::new(
            &corpus,
            &alignment,
            &corpus.articles[1],
            &corpus.articles[0],
        );
        let mut out = Vec::new();
        view.print(&mut out, true, 80, false).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["left"]["id"], "b");
        assert_eq!(v["right"]["id"], "a");
        assert_eq!(
            v["pairs"],
            serde_json::json!([{
                "kind": "verbatim",
                "score": 0.912,
                "left": {"start": 0, "end": 25, "text": "The army seized the city."},
                "right": {"start": 8, "end": 31, "text": "The army took the city."},
                "diff": [
                    {"op": "equal", "left": "The army ", "right": "The army "},
                    {"op": "replace", "left": "seized", "right": "took"},
                    {"op": "equal", "left": " the city.", "right": " the city."}
                ]
            }])
        );
        assert_eq!(
            v["unique_left"],
            serde_json::json!([{"start": 26, "end": 32, "text": "Other."}])
        );
        assert_eq!(
            v["unique_right"],
            serde_json::json!([{"start": 0, "end": 6, "text": "Intro."}])
        );
    }

    #[test]
    fn uncovered_keeps_what_no_span_touches_per_paragraph() {
        let text = "One two.\n\nThree four.";
        let span = |start, end| Span {
            article: 3,
            start,
            end,
        };
        let texts = |spans: Vec<Span>| -> Vec<&str> {
            spans.iter().map(|s| &text[s.start..s.end]).collect()
        };
        assert_eq!(
            texts(uncovered(text, 3, [span(4, 8)].into_iter())),
            ["One", "Three four."]
        );
        assert_eq!(
            texts(uncovered(text, 3, std::iter::empty())),
            ["One two.", "Three four."]
        );
        assert_eq!(
            texts(uncovered(text, 3, [span(0, 21)].into_iter())),
            Vec::<&str>::new()
        );
        // Overlapping spans, and punctuation left between them, count as covered.
        let covered = [span(0, 7), span(3, 8), span(10, 15)];
        assert_eq!(texts(uncovered(text, 3, covered.into_iter())), ["four."]);
        assert_eq!(uncovered(text, 3, [span(4, 8)].into_iter())[0], span(0, 3));
    }
}
