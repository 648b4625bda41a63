//! Shared passages across articles, and what each article says alone.
//!
//! Pairs are joined by star clustering (Aslam et al.): the passage linked to the most other
//! articles becomes a group's core, and a passage joins the group only if it is aligned with
//! that core itself. A passage linked only to a member of a group, not to its core, starts its
//! own group, so unrelated text never chains in through a run of small similarities.

use rustc_hash::FxHashMap;

use super::{AlignedPair, SharedPassage, Span};

/// Spans of one article that overlap by at least half of the shorter are one passage.
fn same_passage(x: &Span, y: &Span) -> bool {
    x.overlap(y) * 2 >= x.len().min(y.len()).max(1)
}

/// Join aligned pairs into shared passages, best first.
pub fn groups(pairs: &[AlignedPair]) -> Vec<SharedPassage> {
    // Passages (nodes): every pair side, with overlapping sides of one article merged.
    let mut sides: Vec<Span> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    sides.sort();
    sides.dedup();
    let mut nodes: Vec<Span> = Vec::new();
    let mut node_of: FxHashMap<Span, usize> = FxHashMap::default();
    for side in sides {
        let joined = nodes
            .iter()
            .rposition(|n| n.article == side.article && same_passage(n, &side));
        let k = match joined {
            Some(k) => {
                let n = &mut nodes[k];
                // Keep the longer span as the passage's text.
                if side.len() > n.len() {
                    *n = side;
                }
                k
            }
            None => {
                nodes.push(side);
                nodes.len() - 1
            }
        };
        node_of.insert(side, k);
    }
    // Edges with the best score between two passages.
    let mut edges: FxHashMap<(usize, usize), f32> = FxHashMap::default();
    for p in pairs {
        let (x, y) = (node_of[&p.a], node_of[&p.b]);
        let key = (x.min(y), x.max(y));
        let e = edges.entry(key).or_insert(0.0);
        *e = e.max(p.score);
    }
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); nodes.len()];
    for (&(x, y), &score) in &edges {
        neighbours[x].push((y, score));
        neighbours[y].push((x, score));
    }
    for list in &mut neighbours {
        list.sort_by_key(|a| a.0);
    }
    // Cores first: most articles reached, then most evidence, then text order.
    let reach = |k: usize| {
        let mut articles: Vec<usize> = neighbours[k]
            .iter()
            .map(|&(n, _)| nodes[n].article)
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles.len()
    };
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    let weight: Vec<f32> = neighbours
        .iter()
        .map(|l| l.iter().map(|(_, s)| s).sum())
        .collect();
    let reaches: Vec<usize> = (0..nodes.len()).map(reach).collect();
    order.sort_by(|&x, &y| {
        reaches[y]
            .cmp(&reaches[x])
            .then(weight[y].total_cmp(&weight[x]))
            .then(nodes[x].cmp(&nodes[y]))
    });
    let mut covered = vec![false; nodes.len()];
    // Stars: (core, members with the core first, summed score, edges).
    let mut stars: Vec<(usize, Vec<usize>, f32, usize)> = Vec::new();
    for k in order {
        if covered[k] || neighbours[k].is_empty() {
            continue;
        }
        covered[k] = true;
        let mut members = vec![k];
        let mut score = 0.0;
        for &(n, s) in &neighbours[k] {
            covered[n] = true;
            members.push(n);
            score += s;
        }
        stars.push((k, members, score, neighbours[k].len()));
    }
    // An outlet that says one claim twice gives two cores in one article, both matched by the
    // same passages elsewhere: one claim, one group (joined into the stronger, earlier star).
    // One shared passage is not enough: a long sentence can hold two claims of another
    // article (a quote and the announcement around it).
    let mut joined_into: Vec<usize> = (0..stars.len()).collect();
    for j in 1..stars.len() {
        let (core_j, members_j) = (stars[j].0, &stars[j].1);
        let target = (0..j).find(|&i| {
            joined_into[i] == i
                && nodes[stars[i].0].article == nodes[core_j].article
                && members_j[1..]
                    .iter()
                    .filter(|m| **m != stars[i].0 && stars[i].1[1..].contains(m))
                    .count()
                    >= 2
        });
        if let Some(i) = target {
            joined_into[j] = i;
        }
    }
    for j in (1..stars.len()).rev() {
        let i = joined_into[j];
        if i != j {
            let (_, members, score, edges) = std::mem::take(&mut stars[j]);
            stars[i].1.extend(members);
            stars[i].2 += score;
            stars[i].3 += edges;
        }
    }
    let mut out = Vec::new();
    for (j, (core, mut members, score, edges)) in stars.into_iter().enumerate() {
        if joined_into[j] != j {
            continue;
        }
        members.sort_unstable();
        members.dedup();
        let mut spans: Vec<Span> = members.iter().map(|&m| nodes[m]).collect();
        spans.sort();
        out.push(SharedPassage {
            id: 0,
            label: nodes[core],
            members: spans,
            score: score / edges.max(1) as f32,
        });
    }
    let articles = |g: &SharedPassage| {
        let mut a: Vec<usize> = g.members.iter().map(|m| m.article).collect();
        a.dedup();
        a.len()
    };
    out.sort_by(|x, y| {
        articles(y)
            .cmp(&articles(x))
            .then(y.score.total_cmp(&x.score))
            .then(x.label.cmp(&y.label))
    });
    for (i, g) in out.iter_mut().enumerate() {
        g.id = i + 1;
    }
    out
}

/// Per article, the stretches no pair covers: split at line breaks, trimmed, and at least
/// `min_words` words long (a leftover "In late September," is not a claim of its own).
pub fn unique(texts: &[&str], pairs: &[AlignedPair], min_words: usize) -> Vec<Span> {
    let mut covered: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
    for p in pairs {
        covered[p.a.article].push((p.a.start, p.a.end));
        covered[p.b.article].push((p.b.start, p.b.end));
    }
    let mut out = Vec::new();
    for (article, text) in texts.iter().enumerate() {
        let spans = &mut covered[article];
        spans.sort_unstable();
        let mut gaps = Vec::new();
        let mut at = 0;
        for &(s, e) in spans.iter() {
            if s > at {
                gaps.push((at, s));
            }
            at = at.max(e);
        }
        if at < text.len() {
            gaps.push((at, text.len()));
        }
        for (s, e) in gaps {
            let mut line_start = s;
            for (i, piece) in text[s..e].split('\n').enumerate() {
                let _ = i;
                let lead = piece.len() - piece.trim_start().len();
                let trimmed = piece.trim();
                let start = line_start + lead;
                line_start += piece.len() + 1;
                let words = trimmed
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                if words >= min_words {
                    out.push(Span {
                        article,
                        start,
                        end: start + trimmed.len(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::PairKind;
    use super::*;

    fn pair(a: (usize, usize, usize), b: (usize, usize, usize), score: f32) -> AlignedPair {
        AlignedPair {
            kind: PairKind::Paraphrase,
            score,
            a: Span {
                article: a.0,
                start: a.1,
                end: a.2,
            },
            b: Span {
                article: b.0,
                start: b.1,
                end: b.2,
            },
            evidence: Default::default(),
        }
    }

    #[test]
    fn a_core_linked_to_three_articles_gathers_them() {
        let pairs = [
            pair((0, 0, 10), (1, 5, 15), 0.9),
            pair((0, 0, 10), (2, 0, 10), 0.8),
            pair((0, 1, 10), (3, 20, 30), 0.7),
        ];
        let g = groups(&pairs);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g[0].label,
            Span {
                article: 0,
                start: 0,
                end: 10
            }
        );
        assert_eq!(g[0].members.len(), 4);
    }

    #[test]
    fn members_must_match_the_core_not_just_another_member() {
        // 0–1 strong, 1–2 strong, 2–3: a chain. The core (1, reaching two articles) takes 0
        // and 2; 3 matches only 2, so it forms its own group with 2.
        let pairs = [
            pair((0, 0, 10), (1, 0, 10), 0.9),
            pair((1, 0, 10), (2, 0, 10), 0.9),
            pair((2, 0, 10), (3, 0, 10), 0.9),
        ];
        let g = groups(&pairs);
        let sets: Vec<Vec<usize>> = g
            .iter()
            .map(|g| g.members.iter().map(|m| m.article).collect())
            .collect();
        assert!(
            sets.contains(&vec![0, 1, 2]) || sets.contains(&vec![1, 2, 3]),
            "{sets:?}"
        );
        assert!(sets.iter().all(|s| s.len() <= 3), "{sets:?}");
    }

    #[test]
    fn two_wordings_of_one_outlet_matched_by_one_passage_are_one_group() {
        // Article 1 says the claim twice (0..10 and 50..60); passages of articles 0 and 3 match
        // both, article 2 only the first wording.
        let pairs = [
            pair((0, 0, 10), (1, 0, 10), 0.6),
            pair((0, 0, 10), (1, 50, 60), 0.5),
            pair((1, 0, 10), (3, 0, 10), 0.6),
            pair((1, 50, 60), (3, 0, 10), 0.5),
            pair((1, 0, 10), (2, 0, 10), 0.9),
        ];
        let g = groups(&pairs);
        assert_eq!(g.len(), 1, "{g:?}");
        let members: Vec<(usize, usize)> =
            g[0].members.iter().map(|m| (m.article, m.start)).collect();
        assert_eq!(members, [(0, 0), (1, 0), (1, 50), (2, 0), (3, 0)]);
        // One shared passage is not enough: two claims of article 1 inside one long sentence of
        // article 0 stay two groups.
        let pairs = [
            pair((0, 0, 100), (1, 0, 10), 0.6),
            pair((0, 0, 100), (1, 50, 60), 0.5),
            pair((1, 0, 10), (2, 0, 10), 0.9),
            pair((1, 50, 60), (3, 0, 10), 0.9),
        ];
        assert_eq!(groups(&pairs).len(), 2);
    }

    #[test]
    fn unique_text_is_what_no_pair_covers() {
        let texts = [
            "Alpha beta gamma delta.\nShared words here now.\nTail end of it all.",
            "x",
        ];
        let pairs = [pair((0, 24, 46), (1, 0, 1), 0.9)];
        let spans = unique(&texts, &pairs, 2);
        let got: Vec<&str> = spans
            .iter()
            .map(|s| &texts[s.article][s.start..s.end])
            .collect();
        assert_eq!(got, ["Alpha beta gamma delta.", "Tail end of it all."]);
    }
}
