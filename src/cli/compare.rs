//! `crossread compare A B`: two articles, the pairs of passages that line up between them
//! with their word differences, and what each says that the other does not.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use super::{round_score, ArticleJson, SpanJson};
use crate::align::diff::DiffTag;
use crate::align::{PairKind, Span};
use crate::display::comparison::Comparison;
use crate::display::layout::Side;

/// Prints JSON in the README's stable shape, or the side-by-side view at `width`.
pub(super) fn print(
    cmp: &Comparison,
    out: &mut dyn Write,
    json: bool,
    width: usize,
    color: bool,
) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, &compare_json(cmp))?;
        return writeln!(out);
    }
    out.write_all(super::side_by_side::render(cmp, width, color).as_bytes())
}

fn compare_json(cmp: &Comparison) -> CompareJson<'_> {
    let (left, right) = (cmp.article(Side::Left), cmp.article(Side::Right));
    let span = |side: Side, range: &Range<usize>| Span {
        article: match side {
            Side::Left => cmp.left.index.get(),
            Side::Right => cmp.right.index.get(),
        },
        start: range.start,
        end: range.end,
    };
    let pairs = cmp
        .passages
        .iter()
        .map(|p| {
            let (lt, rt) = (
                cmp.slice(Side::Left, &p.left),
                cmp.slice(Side::Right, &p.right),
            );
            let diff = p
                .ops
                .iter()
                .map(|op| DiffJson {
                    op: op.tag,
                    left: lt.get(op.a.clone()).unwrap_or(""),
                    right: rt.get(op.b.clone()).unwrap_or(""),
                })
                .collect();
            PairJson {
                kind: p.kind,
                score: round_score(p.score),
                left: SpanJson::new(left, &span(Side::Left, &p.left), false),
                right: SpanJson::new(right, &span(Side::Right, &p.right), false),
                diff,
            }
        })
        .collect();
    CompareJson {
        left: ArticleJson::new(left),
        right: ArticleJson::new(right),
        pairs,
        unique_left: cmp
            .unique_left
            .iter()
            .map(|r| SpanJson::new(left, &span(Side::Left, r), false))
            .collect(),
        unique_right: cmp
            .unique_right
            .iter()
            .map(|r| SpanJson::new(right, &span(Side::Right, r), false))
            .collect(),
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::align::{AlignedPair, Alignment};
    use crate::corpus::Corpus;
    use crate::display::{AlignmentIndex, ArticleIdx};
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
        let index = Arc::new(AlignmentIndex::new(alignment, &corpus));
        let cmp = Comparison::new(Arc::new(corpus), index, ArticleIdx(1), ArticleIdx(0)).unwrap();
        let mut out = Vec::new();
        print(&cmp, &mut out, true, 80, false).unwrap();
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
}
