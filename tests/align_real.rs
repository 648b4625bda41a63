//! The aligner on real multi-outlet corpora (the sample, two scrapes, ECB+), found next to the
//! checkout in `../shared` (skipped, saying so, when absent): what a reader sees must hold on
//! real text, not only on synthetic articles.

use std::path::PathBuf;

use crossread::align::text::segment;
use crossread::align::{align, AlignOptions, Flag};
use crossread::corpus::{Corpus, LoadOptions};

/// `../shared/eval` next to the checkout (or next to the folder of worktrees).
fn shared() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [here.join("../shared"), here.join("../../shared")]
        .into_iter()
        .find(|p| p.join("eval").is_dir())
}

fn corpora() -> Vec<PathBuf> {
    let Some(shared) = shared() else {
        eprintln!("skipped: no ../shared/eval next to the checkout");
        return Vec::new();
    };
    [
        "seeds",
        "eval/scrapes/census/articles",
        "eval/scrapes/spotify/articles",
        "eval/ecbplus/articles",
    ]
    .iter()
    .map(|p| shared.join(p))
    .filter(|p| {
        let found = p.is_dir();
        if !found {
            eprintln!("skipped: {} is absent", p.display());
        }
        found
    })
    .collect()
}

#[test]
fn every_side_starts_and_ends_on_sentence_edges_unless_it_is_a_clause() {
    for dir in corpora() {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        assert!(!alignment.pairs.is_empty(), "{}: no pair", dir.display());
        let bounds: Vec<(Vec<usize>, Vec<usize>)> = texts
            .iter()
            .map(|t| {
                let seg = segment(t);
                (
                    seg.sentences.iter().map(|s| s.start).collect(),
                    seg.sentences.iter().map(|s| s.end).collect(),
                )
            })
            .collect();
        let mut clauses = 0;
        for pair in &alignment.pairs {
            if pair.evidence.flags.has(Flag::Clause) {
                clauses += 1;
                continue;
            }
            for side in [pair.a, pair.b] {
                let (starts, ends) = &bounds[side.article];
                let text = &texts[side.article][side.start..side.end];
                assert!(
                    starts.binary_search(&side.start).is_ok()
                        && ends.binary_search(&side.end).is_ok(),
                    "{}: {} cut inside a sentence: {text:?}",
                    dir.display(),
                    corpus.articles[side.article].id,
                );
            }
        }
        // Clauses are the exception, not the rule.
        assert!(
            clauses * 5 <= alignment.pairs.len(),
            "{}: {clauses} of {} pairs are clauses",
            dir.display(),
            alignment.pairs.len()
        );
    }
}

#[test]
fn no_sentence_is_in_two_passages_of_one_article_pair() {
    for dir in corpora() {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        let mut sides: Vec<(usize, usize, usize, usize, usize)> = alignment
            .pairs
            .iter()
            .flat_map(|p| {
                [
                    (p.a.article, p.b.article, p.a.article, p.a.start, p.a.end),
                    (p.a.article, p.b.article, p.b.article, p.b.start, p.b.end),
                ]
            })
            .collect();
        sides.sort_unstable();
        for w in sides.windows(2) {
            let (x, y) = (w[0], w[1]);
            if (x.0, x.1, x.2) == (y.0, y.1, y.2) {
                assert!(
                    y.3 >= x.4,
                    "{}: {:?} and {:?} overlap in {}",
                    dir.display(),
                    &texts[x.2][x.3..x.4],
                    &texts[y.2][y.3..y.4],
                    corpus.articles[x.2].id
                );
            }
        }
    }
}
