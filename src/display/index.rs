//! The alignment as the screens and the command line read it, built once per corpus (on
//! the worker thread in the interface): the groups in listing order, the pairs of each
//! article pair, the groups each article's passages belong to, and the overlaps.
//!
//! The aligner's [`Span`]s still name articles by plain `usize`; [`ArticleIdx`] is the
//! shells' name for an article, converted here at the boundary.

use rustc_hash::FxHashMap;

use super::label;
use crate::align::overlap::Overlap;
use crate::align::{AlignedPair, Alignment, SharedPassage, Span};
use crate::corpus::{Article, Corpus};

/// An article's position in its corpus (`corpus.articles[i]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleIdx(pub usize);

impl ArticleIdx {
    pub fn get(self) -> usize {
        self.0
    }

    /// The article at this position of `corpus`, if there is one.
    pub fn of(self, corpus: &Corpus) -> Option<&Article> {
        corpus.articles.get(self.0)
    }
}

impl std::fmt::Display for ArticleIdx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An alignment with what it takes to read it fast.
#[derive(Debug, Clone, Default)]
pub struct AlignmentIndex {
    /// Its groups in listing order (see [`AlignmentIndex::new`]); a group's position in
    /// this list is its number on every screen and in `crossread passages`.
    alignment: Alignment,
    overlap: Overlap,
    /// Positions in `alignment.pairs` by article pair `(lower, higher)`.
    pairs: FxHashMap<(usize, usize), Vec<usize>>,
    /// Per article, its group members `(span, group position)`.
    members: Vec<Vec<(Span, usize)>>,
}

impl AlignmentIndex {
    /// Indexes `alignment` (made over `corpus`'s texts, in its order). The groups are put in
    /// listing order: by number of voices (outlets; an article without one counts on its
    /// own), then score, best first. The aligner counts articles; two articles of one outlet
    /// are one voice.
    pub fn new(mut alignment: Alignment, corpus: &Corpus) -> AlignmentIndex {
        let voices: Vec<String> = corpus.articles.iter().map(label::voice).collect();
        let lens: Vec<usize> = corpus.articles.iter().map(|a| a.text.len()).collect();
        order_groups(&mut alignment.groups, &voices);
        let mut pairs: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
        for (i, pair) in alignment.pairs.iter().enumerate() {
            let key = (
                pair.a.article.min(pair.b.article),
                pair.a.article.max(pair.b.article),
            );
            pairs.entry(key).or_default().push(i);
        }
        let mut members: Vec<Vec<(Span, usize)>> = vec![Vec::new(); lens.len()];
        for (g, group) in alignment.groups.iter().enumerate() {
            for member in &group.members {
                if let Some(list) = members.get_mut(member.article) {
                    list.push((*member, g));
                }
            }
        }
        let overlap = Overlap::new(&alignment, &lens);
        AlignmentIndex {
            alignment,
            overlap,
            pairs,
            members,
        }
    }

    /// The alignment, its groups in listing order.
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }

    /// The groups in listing order.
    pub fn groups(&self) -> &[SharedPassage] {
        &self.alignment.groups
    }

    pub fn overlap(&self) -> &Overlap {
        &self.overlap
    }

    /// The pairs between `left` and `right`, each oriented `(pair, left side, right side)`,
    /// in the left article's text order.
    pub fn between(&self, left: ArticleIdx, right: ArticleIdx) -> Vec<(AlignedPair, Span, Span)> {
        let (l, r) = (left.get(), right.get());
        // Copies are aligned once, through another article (see `align::family`).
        if let Some(found) = crate::align::family::between_copies(&self.alignment, l, r) {
            return found;
        }
        let Some(positions) = self.pairs.get(&(l.min(r), l.max(r))) else {
            return Vec::new();
        };
        let mut found: Vec<(AlignedPair, Span, Span)> = positions
            .iter()
            .filter_map(|&i| {
                let pair = self.alignment.pairs[i];
                let (this, other) = pair.oriented(l)?;
                (other.article == r).then_some((pair, this, other))
            })
            .collect();
        found.sort_by_key(|(_, l, r)| (l.start, r.start));
        found
    }

    /// The first group (in listing order) holding both sides of a pair: one of its members
    /// covers most of each side.
    pub fn group_of(&self, left: &Span, right: &Span) -> Option<usize> {
        let holding = |span: &Span| -> Vec<usize> {
            let mut groups: Vec<usize> = self
                .members
                .get(span.article)
                .into_iter()
                .flatten()
                .filter(|(m, _)| m.overlap(span) * 2 >= span.len().min(m.len()).max(1))
                .map(|&(_, g)| g)
                .collect();
            groups.sort_unstable();
            groups
        };
        let on_right = holding(right);
        holding(left)
            .into_iter()
            .find(|g| on_right.binary_search(g).is_ok())
    }
}

/// Sorts groups by number of voices, then score, best first; ties keep the aligner's order.
fn order_groups(groups: &mut Vec<SharedPassage>, voices: &[String]) {
    let count = |group: &SharedPassage| {
        let mut keys: Vec<&str> = group
            .members
            .iter()
            .filter_map(|m| voices.get(m.article).map(String::as_str))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    let mut keyed: Vec<(usize, usize, SharedPassage)> = std::mem::take(groups)
        .into_iter()
        .enumerate()
        .map(|(i, g)| (count(&g), i, g))
        .collect();
    keyed.sort_by(|(ca, ia, a), (cb, ib, b)| {
        cb.cmp(ca)
            .then(b.score.total_cmp(&a.score))
            .then(ia.cmp(ib))
    });
    *groups = keyed.into_iter().map(|(_, _, g)| g).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{PairKind, SharedPassage};
    use crate::corpus::{Format, Metadata};

    fn article(id: &str, outlet: Option<&str>) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                outlet: outlet.map(String::from),
                ..Metadata::default()
            },
            raw: String::new(),
            text: "text of the article".to_string(),
            words: 4,
        }
    }

    fn span(article: usize, start: usize, end: usize) -> Span {
        Span {
            article,
            start,
            end,
        }
    }

    fn group(id: usize, articles: &[usize], score: f32) -> SharedPassage {
        SharedPassage {
            id,
            label: span(articles[0], 0, 4),
            members: articles.iter().map(|&a| span(a, 0, 4)).collect(),
            score,
        }
    }

    #[test]
    fn groups_are_listed_by_outlets_then_score() {
        let corpus = Corpus {
            articles: vec![
                article("a", Some("Wire")),
                article("b", Some("wire ")),
                article("c", Some("Wire")),
                article("d", Some("Daily")),
                article("e", None),
            ],
            ..Corpus::default()
        };
        let alignment = Alignment {
            // Three articles of one outlet; two outlets; two outlets and an article without one.
            groups: vec![
                group(0, &[0, 1, 2], 0.9),
                group(1, &[0, 3], 0.5),
                group(2, &[1, 3, 4], 0.4),
            ],
            ..Alignment::default()
        };
        let index = AlignmentIndex::new(alignment, &corpus);
        let ids: Vec<usize> = index.groups().iter().map(|g| g.id).collect();
        assert_eq!(ids, [2, 1, 0]);
    }

    #[test]
    fn pairs_and_groups_are_found_from_either_side() {
        let corpus = Corpus {
            articles: (0..4).map(|i| article(&i.to_string(), None)).collect(),
            ..Corpus::default()
        };
        let pair = |a: Span, b: Span| AlignedPair {
            kind: PairKind::Verbatim,
            score: 0.9,
            a,
            b,
            evidence: Default::default(),
        };
        let alignment = Alignment {
            pairs: vec![
                pair(span(0, 10, 19), span(2, 0, 9)),
                pair(span(0, 0, 4), span(2, 5, 9)),
                pair(span(1, 0, 4), span(2, 0, 4)),
            ],
            groups: vec![SharedPassage {
                id: 7,
                label: span(0, 10, 19),
                members: vec![span(0, 10, 19), span(2, 0, 9)],
                score: 0.9,
            }],
            ..Alignment::default()
        };
        let index = AlignmentIndex::new(alignment, &corpus);
        let between = index.between(ArticleIdx(2), ArticleIdx(0));
        let sides: Vec<(Span, Span)> = between.iter().map(|(_, l, r)| (*l, *r)).collect();
        assert_eq!(
            sides,
            [
                (span(2, 0, 9), span(0, 10, 19)),
                (span(2, 5, 9), span(0, 0, 4))
            ]
        );
        assert!(index.between(ArticleIdx(0), ArticleIdx(3)).is_empty());
        assert_eq!(index.group_of(&span(2, 0, 9), &span(0, 10, 19)), Some(0));
        assert_eq!(index.group_of(&span(2, 5, 9), &span(0, 0, 4)), None);
        assert_eq!(index.overlap().best_partner(1), Some(2));
    }

    /// The index answers as the alignment does, for every two articles of a corpus with
    /// exact copies, shared passages and an article apart (the real aligner, end to end).
    #[test]
    fn between_agrees_with_the_alignment_copies_included() {
        let wire = "The central bank raised its main interest rate by a quarter point on \
                    Tuesday, the third increase this year, citing prices that keep rising.\n\n\
                    Economists had expected a smaller increase after inflation slowed in March.\n";
        let texts = [
            wire.to_string(),
            wire.to_string(),
            format!("Markets fell.\n\n{wire}"),
            "A football club sold its stadium to a developer for a record sum.\n".to_string(),
        ];
        let corpus = Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article {
                    text: t.clone(),
                    ..article(&i.to_string(), None)
                })
                .collect(),
            ..Corpus::default()
        };
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let alignment = crate::align::align(&refs, &Default::default());
        let index = AlignmentIndex::new(alignment.clone(), &corpus);
        let mut shared = 0;
        for l in 0..texts.len() {
            for r in (0..texts.len()).filter(|&r| r != l) {
                let expected = alignment.between(l, r);
                shared += usize::from(!expected.is_empty());
                assert_eq!(
                    index.between(ArticleIdx(l), ArticleIdx(r)),
                    expected,
                    "{l}×{r}"
                );
            }
        }
        assert!(
            shared >= 6,
            "the three copies of the wire share text: {shared}"
        );
    }
}
