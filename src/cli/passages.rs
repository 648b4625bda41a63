//! `crossread passages`: what the articles of a corpus share, as shared passages (one claim
//! across outlets), counts of aligned pairs, and, in JSON, every pair and unique span.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::{round_score, span_text, ArticleJson, SpanJson};
use crate::align::family::{self, CopyChanges, Family};
use crate::align::{Alignment, PairKind, Span};
use crate::corpus::{Article, Corpus};
use crate::display::text::{sanitize, truncate};

/// Prints the alignment of `corpus`: JSON in the README's stable shape, or for each shared
/// passage its label and members (one line each, cut to `width`), then counts.
pub(super) fn print(
    out: &mut dyn Write,
    corpus: &Corpus,
    alignment: &Alignment,
    json: bool,
    width: usize,
) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, &PassagesJson::new(corpus, alignment))?;
        return writeln!(out);
    }
    let article = |span: &Span| &corpus.articles[span.article];
    for (n, group) in alignment.groups.iter().enumerate() {
        let articles = {
            let mut ids: Vec<usize> = group.members.iter().map(|m| m.article).collect();
            ids.dedup();
            ids.len()
        };
        let head = format!("{}. ({}) ", n + 1, plural(articles, "article"));
        let label = one_line(span_text(article(&group.label), &group.label));
        writeln!(out, "{}", truncate(&format!("{head}{label}"), width))?;
        for member in &group.members {
            let a = article(member);
            let line = format!("  {}: {}", describe(a), one_line(span_text(a, member)));
            writeln!(out, "{}", truncate(&line, width))?;
        }
        writeln!(out)?;
    }
    if alignment.groups.is_empty() {
        writeln!(out, "No passage is shared between articles.")?;
    }
    let count = |kind| alignment.pairs.iter().filter(|p| p.kind == kind).count();
    writeln!(
        out,
        "Pairs: {} verbatim, {} paraphrase",
        count(PairKind::Verbatim),
        count(PairKind::Paraphrase)
    )?;
    writeln!(
        out,
        "{}, {}, {}, {}",
        plural(corpus.articles.len(), "article"),
        plural(alignment.pairs.len(), "aligned pair"),
        plural(alignment.groups.len(), "shared passage"),
        plural(alignment.unique.len(), "unique passage"),
    )
}

/// `1 article`, `2 articles`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `ID (outlet, date)`, leaving out what is unknown.
fn describe(article: &Article) -> String {
    crate::display::label::describe(article)
}

/// A passage on one line: runs of whitespace (line breaks too) become one space.
fn one_line(text: &str) -> String {
    sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// The stable JSON shape of `passages --json`.
#[derive(Serialize)]
struct PassagesJson<'a> {
    articles: Vec<ArticleJson<'a>>,
    pairs: Vec<PairJson<'a>>,
    groups: Vec<GroupJson<'a>>,
    unique: Vec<SpanJson<'a>>,
    families: Vec<FamilyJson<'a>>,
    stories: Vec<StoryJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
}

/// A quote carried by two or more articles, its renderings in time order.
#[derive(Serialize)]
struct QuoteJson<'a> {
    id: usize,
    /// The earliest rendering's words.
    text: &'a str,
    speaker: Option<String>,
    outlets: usize,
    altered: usize,
    members: Vec<QuoteMemberJson<'a>>,
}

#[derive(Serialize)]
struct QuoteMemberJson<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    date: Option<&'a str>,
    speaker: Option<String>,
    first: bool,
    altered: bool,
    dropped_words: usize,
    changed: Vec<SpanJson<'a>>,
}

impl<'a> QuoteJson<'a> {
    fn new(corpus: &'a Corpus, quote: &crate::align::quote::Quote) -> Self {
        let view = crate::display::claims::QuoteView::new(&corpus.articles, quote);
        let members = view
            .members
            .iter()
            .map(|m| {
                let article = &corpus.articles[m.span.article];
                QuoteMemberJson {
                    article: article.id.as_str(),
                    start: m.span.start,
                    end: m.span.end,
                    text: span_text(article, &m.span),
                    date: article.meta.date.as_deref(),
                    speaker: m.speaker.clone(),
                    first: m.is_first,
                    altered: m.is_altered,
                    dropped_words: m.dropped,
                    changed: m
                        .changed
                        .iter()
                        .map(|r| {
                            let s = Span {
                                article: m.span.article,
                                start: m.span.start + r.start,
                                end: m.span.start + r.end,
                            };
                            SpanJson::new(article, &s, false)
                        })
                        .collect(),
                }
            })
            .collect();
        QuoteJson {
            id: view.id,
            text: view.text(&corpus.articles),
            speaker: view.speaker.clone(),
            outlets: view.outlets,
            altered: view.altered,
            members,
        }
    }
}

#[derive(Serialize)]
struct PairJson<'a> {
    kind: PairKind,
    score: f64,
    a: SpanJson<'a>,
    b: SpanJson<'a>,
    /// Evidence for and against the pair (`Flag::name`), in a fixed order.
    flags: Vec<&'static str>,
    /// The verbatim run inside the two sides, when they differ around it.
    #[serde(skip_serializing_if = "Option::is_none")]
    run: Option<RunJson<'a>>,
}

#[derive(Serialize)]
struct RunJson<'a> {
    a: SpanJson<'a>,
    b: SpanJson<'a>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: usize,
    label: &'a str,
    members: Vec<SpanJson<'a>>,
}

/// A copy family, its members in date order: the earliest is the reference.
#[derive(Serialize)]
struct FamilyJson<'a> {
    id: usize,
    reference: &'a str,
    members: Vec<MemberJson<'a>>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    article: &'a str,
    date: Option<&'a str>,
    copy_of: Option<&'a str>,
    words: usize,
    shared: f64,
    shared_words: usize,
    added_words: usize,
    dropped_words: usize,
    changed_words: usize,
    added: Vec<SpanJson<'a>>,
    dropped: Vec<SpanJson<'a>>,
    changed: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    reference: SpanJson<'a>,
    copy: SpanJson<'a>,
}

#[derive(Serialize)]
struct StoryJson<'a> {
    id: usize,
    articles: Vec<&'a str>,
}

impl<'a> FamilyJson<'a> {
    /// The family with its members by date (undated ones after, in input order), each
    /// measured against the earliest: the aligner knows no dates and measured them against
    /// the member most of the others copy, which stays the reference when none is dated.
    fn new(corpus: &'a Corpus, family: &Family) -> Self {
        let articles = &corpus.articles;
        let mut order: Vec<usize> = (0..family.members.len()).collect();
        order.sort_by_key(|&i| {
            let article = family.members[i].article;
            let date = articles[article].meta.date.as_deref();
            (date.is_none(), date, article)
        });
        // Without dates, the aligner's reference: the member most of the others copy.
        let is_dated = |i: &usize| articles[family.members[*i].article].meta.date.is_some();
        if !order.iter().any(is_dated) {
            order.sort_by_key(|&i| family.members[i].article != family.reference);
        }
        let reference = family.members[order[0]].article;
        let id = |article: usize| articles[article].id.as_str();
        let span = |s: &Span| SpanJson::new(&articles[s.article], s, false);
        let members = order
            .iter()
            .map(|&i| {
                let member = &family.members[i];
                let rebased;
                let changes: &CopyChanges = if reference == family.reference {
                    &member.changes
                } else {
                    rebased = family::changes(
                        &articles[reference].text,
                        &articles[member.article].text,
                        reference,
                        member.article,
                    );
                    &rebased
                };
                MemberJson {
                    article: id(member.article),
                    date: articles[member.article].meta.date.as_deref(),
                    copy_of: member.copy_of.map(id),
                    words: changes.words,
                    shared: round_score(changes.shared()),
                    shared_words: changes.shared_words,
                    added_words: changes.added_words,
                    dropped_words: changes.dropped_words,
                    changed_words: changes.changed_words,
                    added: changes.added.iter().map(span).collect(),
                    dropped: changes.dropped.iter().map(span).collect(),
                    changed: changes
                        .changed
                        .iter()
                        .map(|c| ChangeJson {
                            reference: span(&c.reference),
                            copy: span(&c.copy),
                        })
                        .collect(),
                }
            })
            .collect();
        FamilyJson {
            id: family.id,
            reference: id(reference),
            members,
        }
    }
}

impl<'a> PassagesJson<'a> {
    fn new(corpus: &'a Corpus, alignment: &Alignment) -> Self {
        let span = |s: &Span| SpanJson::new(&corpus.articles[s.article], s, true);
        PassagesJson {
            articles: corpus.articles.iter().map(ArticleJson::new).collect(),
            pairs: alignment
                .pairs
                .iter()
                .map(|p| PairJson {
                    kind: p.kind,
                    score: round_score(p.score),
                    a: span(&p.a),
                    b: span(&p.b),
                    flags: p.evidence.flags.iter().map(|f| f.name()).collect(),
                    run: p.evidence.run.map(|(a, b)| RunJson {
                        a: SpanJson::new(&corpus.articles[a.article], &a, false),
                        b: SpanJson::new(&corpus.articles[b.article], &b, false),
                    }),
                })
                .collect(),
            groups: alignment
                .groups
                .iter()
                .map(|g| GroupJson {
                    id: g.id,
                    label: span_text(&corpus.articles[g.label.article], &g.label),
                    members: g.members.iter().map(span).collect(),
                })
                .collect(),
            unique: alignment.unique.iter().map(span).collect(),
            // Families and quotes are described with diffs: in parallel (order kept).
            families: alignment
                .families
                .par_iter()
                .map(|f| FamilyJson::new(corpus, f))
                .collect(),
            stories: alignment
                .stories
                .iter()
                .map(|s| StoryJson {
                    id: s.id,
                    articles: s
                        .articles
                        .iter()
                        .map(|&a| corpus.articles[a].id.as_str())
                        .collect(),
                })
                .collect(),
            quotes: alignment
                .quotes
                .par_iter()
                .map(|q| QuoteJson::new(corpus, q))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignedPair, SharedPassage};
    use crate::cli::test_article as article;
    use pretty_assertions::assert_eq;

    /// Three articles; the first two share a sentence word for word, all three report it.
    fn corpus_and_alignment() -> (Corpus, Alignment) {
        let corpus = Corpus {
            articles: vec![
                article(
                    "a",
                    "Post",
                    Some("2024-01-02"),
                    "T",
                    "Intro.\n\nThe army took the city on Monday.",
                ),
                article(
                    "b",
                    "Wire",
                    None,
                    "T",
                    "The army took the city on Monday. Other.",
                ),
                article("c", "", None, "T", "Troops seized the town."),
            ],
            ..Corpus::default()
        };
        let span = |article, start, end| Span {
            article,
            start,
            end,
        };
        let (a, b, c) = (span(0, 8, 41), span(1, 0, 33), span(2, 0, 23));
        let alignment = Alignment {
            pairs: vec![
                AlignedPair {
                    kind: PairKind::Verbatim,
                    score: 0.987_65,
                    a,
                    b,
                    evidence: Default::default(),
                },
                AlignedPair {
                    kind: PairKind::Paraphrase,
                    score: 0.5,
                    a,
                    b: c,
                    evidence: Default::default(),
                },
            ],
            groups: vec![SharedPassage {
                id: 0,
                label: a,
                members: vec![a, b, c],
                score: 0.7,
            }],
            unique: vec![span(0, 0, 6), span(1, 34, 40)],
            ..Alignment::default()
        };
        (corpus, alignment)
    }

    fn printed(json: bool, width: usize) -> String {
        let (corpus, alignment) = corpus_and_alignment();
        let mut out = Vec::new();
        print(&mut out, &corpus, &alignment, json, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_output_lists_each_group_with_its_members_then_counts() {
        assert_eq!(
            printed(false, 60),
            "1. (3 articles) The army took the city on Monday.\n\
             \x20 a (Post, 2024-01-02): The army took the city on Monday.\n\
             \x20 b (Wire): The army took the city on Monday.\n\
             \x20 c: Troops seized the town.\n\
             \n\
             Pairs: 1 verbatim, 1 paraphrase\n\
             3 articles, 2 aligned pairs, 1 shared passage, 2 unique passages\n"
        );
        // Long lines are cut to the width.
        let narrow = printed(false, 30);
        assert!(
            narrow.contains("\n  a (Post, 2024-01-02): The a…\n"),
            "{narrow}"
        );
    }

    #[test]
    fn json_names_articles_by_id_and_slices_their_text() {
        let v: serde_json::Value = serde_json::from_str(&printed(true, 60)).unwrap();
        assert_eq!(v["articles"][2]["id"], "c");
        assert_eq!(
            v["pairs"][0],
            serde_json::json!({
                "kind": "verbatim",
                "score": 0.988,
                "a": {"article": "a", "start": 8, "end": 41, "text": "The army took the city on Monday."},
                "b": {"article": "b", "start": 0, "end": 33, "text": "The army took the city on Monday."},
                "flags": []
            })
        );
        assert_eq!(v["pairs"][1]["kind"], "paraphrase");
        assert_eq!(v["pairs"][1]["score"], 0.5);
        assert_eq!(
            v["groups"],
            serde_json::json!([{
                "id": 0,
                "label": "The army took the city on Monday.",
                "members": [
                    {"article": "a", "start": 8, "end": 41, "text": "The army took the city on Monday."},
                    {"article": "b", "start": 0, "end": 33, "text": "The army took the city on Monday."},
                    {"article": "c", "start": 0, "end": 23, "text": "Troops seized the town."}
                ]
            }])
        );
        assert_eq!(
            v["unique"],
            serde_json::json!([
                {"article": "a", "start": 0, "end": 6, "text": "Intro."},
                {"article": "b", "start": 34, "end": 40, "text": "Other."}
            ])
        );
    }
}
