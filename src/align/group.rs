//! Shared passages across articles, and what each article says alone.
//!
//! A group is one claim: sentence-sized passages that all say one thing. Pairs say which
//! passages are related; whether a passage belongs to a group is judged against the group's
//! core, by the content words the two share, never through another member. So a long passage
//! holding two claims neither chains the two claims' passages together nor gathers passages
//! that match different parts of it: a member must share most of the core's content, and its
//! shared words must be a fair part of its own.
//!
//! Cores are taken greedily (star clustering, Aslam et al.): first the passage that most
//! articles' passages fit, then the next among what is left. A member may be reached through
//! another member (a copy of a copy), but it is tested against the core itself. Each article
//! gives a group one passage, or two when both are wordings of the claim (they fit each
//! other). Photo captions and credit lines join no group: they describe a picture.

use std::collections::BinaryHeap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::caption;
use super::checks;
use super::terms::{Analysis, Class, Term};
use super::{AlignedPair, SharedPassage, Span};

/// Least share of the core's content weight a member must share: it says the core's claim.
const CORE_SHARE: f32 = 0.6;

/// Least share of a member's own content weight that it shares with the core: a long
/// passage that mentions the claim among others is not a wording of it.
const MEMBER_SHARE: f32 = 0.35;

/// Least share of the core's words other than names that a member shares: the same
/// speakers and places with another predicate are another claim.
const CORE_SAID_SHARE: f32 = 0.4;

/// Least share of a member's words other than names that it shares with the core.
const MEMBER_SAID_SHARE: f32 = 0.25;

/// A passage aligned with the core as a pair of its own (not as one sentence of a longer
/// side) has passed the aligner's tests already: a looser fit to the core is enough, so that
/// four wordings of one announcement stay one group.
const PAIRED_SHARE: f32 = 0.45;
const PAIRED_SAID_SHARE: f32 = 0.25;

/// A member reached only through other members (no pair with the core) must fit the core
/// more closely on both sides.
const INDIRECT_SHARE: f32 = 0.6;

/// Fewest content words (names and figures included) of a passage in a group.
const MIN_CONTENT_WORDS: usize = 3;

/// Most passages of one article in one group (wordings of the claim that fit each other).
const MAX_PER_ARTICLE: usize = 2;

/// Most passages looked at when gathering one group, so that a group stays cheap however
/// large the folder.
const MAX_VISITED: usize = 4096;

/// Spans of one article that overlap by at least half of the longer are one passage (a
/// clause of a long sentence stays apart from the sentence: it may be another claim).
fn same_passage(x: &Span, y: &Span) -> bool {
    x.overlap(y) * 2 >= x.len().max(y.len()).max(1)
}

/// What a claim is made of: names count for less than their rarity alone gives them (a
/// speaker is not the claim).
fn class_weight(class: Class) -> f32 {
    match class {
        Class::Name => 0.6,
        _ => 1.0,
    }
}

/// A passage's content words with their weights, sorted by term; whether each is a name or a
/// figure (who and when, not what).
#[derive(Default)]
struct Bag {
    terms: Vec<(Term, f32, bool)>,
    total: f32,
    /// The weight of its words other than names and figures: what is said, not who says it
    /// or when.
    said: f32,
}

/// How much two bags share: (share of `core`, share of `member`, share of `core`'s words
/// other than names and figures, the same of `member`'s).
fn shares(core: &Bag, member: &Bag) -> [f32; 4] {
    let (mut i, mut j) = (0, 0);
    let mut on = [0.0f32; 4];
    let (x, y) = (&core.terms, &member.terms);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                on[0] += x[i].1;
                on[1] += y[j].1;
                if !x[i].2 {
                    on[2] += x[i].1;
                    on[3] += y[j].1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let of = |w: f32, total: f32| if total > 0.0 { w / total } else { 1.0 };
    [
        of(on[0], core.total),
        of(on[1], member.total),
        of(on[2], core.said),
        of(on[3], member.said),
    ]
}

/// Least shares for a member: of the core, of itself, of the core's words other than names,
/// of its own words other than names.
type Least = [f32; 4];

/// How well `member` says `core`'s claim, if it does: the smaller of the two shares.
fn fit(core: &Bag, member: &Bag, least: Least) -> Option<f32> {
    let got = shares(core, member);
    got.iter()
        .zip(least)
        .all(|(g, l)| *g >= l)
        .then_some(got[0].min(got[1]))
}

const PAIRED: Least = [
    PAIRED_SHARE,
    MEMBER_SHARE,
    PAIRED_SAID_SHARE,
    PAIRED_SAID_SHARE,
];
const DIRECT: Least = [CORE_SHARE, MEMBER_SHARE, CORE_SAID_SHARE, MEMBER_SAID_SHARE];
const INDIRECT: Least = [
    INDIRECT_SHARE,
    INDIRECT_SHARE,
    CORE_SAID_SHARE,
    MEMBER_SAID_SHARE,
];

/// Whether two wordings fit each other either way round.
fn alike(x: &Bag, y: &Bag) -> bool {
    fit(x, y, DIRECT).is_some() || fit(y, x, DIRECT).is_some()
}

/// Join aligned pairs into shared passages (claims), best first. `texts` and `analyses` are
/// the corpus the pairs' spans index.
pub fn groups(texts: &[&str], analyses: &[Analysis], pairs: &[AlignedPair]) -> Vec<SharedPassage> {
    // Passages (nodes): the sentences of every pair side (a claim is a sentence; a side of
    // several sentences holds several), or the side itself when it is a clause; spans of one
    // article that are nearly the same text are one passage.
    let pieces_of = |side: &Span| -> Vec<Span> {
        let sentences = &analyses[side.article].seg.sentences;
        let first = sentences.partition_point(|s| s.end <= side.start);
        let last = sentences.partition_point(|s| s.start < side.end);
        if last <= first + 1 {
            return vec![*side];
        }
        sentences[first..last]
            .iter()
            .map(|s| Span {
                article: side.article,
                start: s.start.max(side.start),
                end: s.end.min(side.end),
            })
            .filter(|p| p.start < p.end)
            .collect()
    };
    let mut sides: Vec<Span> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    sides.sort();
    sides.dedup();
    let pieces: FxHashMap<Span, Vec<Span>> = sides.iter().map(|s| (*s, pieces_of(s))).collect();
    let mut all: Vec<Span> = pieces.values().flatten().copied().collect();
    all.sort();
    all.dedup();
    let mut nodes: Vec<Span> = Vec::new();
    let mut node_of: FxHashMap<Span, usize> = FxHashMap::default();
    for piece in all {
        // Pieces come sorted by article: only this article's last passages can be the same.
        let joined = (0..nodes.len())
            .rev()
            .take_while(|&k| nodes[k].article == piece.article)
            .find(|&k| same_passage(&nodes[k], &piece));
        let k = match joined {
            Some(k) => {
                let n = &mut nodes[k];
                // Keep the longer span as the passage's text.
                if piece.len() > n.len() {
                    *n = piece;
                }
                k
            }
            None => {
                nodes.push(piece);
                nodes.len() - 1
            }
        };
        node_of.insert(piece, k);
    }
    // Edges with the best score between two passages: every sentence of one side with every
    // sentence of the other (whether they say one thing is judged by their words, below).
    // An edge is exact when a pair aligned the two passages themselves (not sentences of
    // longer sides).
    let mut edges: FxHashMap<(usize, usize), (f32, bool)> = FxHashMap::default();
    for p in pairs {
        let (pa, pb) = (&pieces[&p.a], &pieces[&p.b]);
        let exact = pa.len() == 1 && pb.len() == 1;
        for x in pa {
            for y in pb {
                let (x, y) = (node_of[x], node_of[y]);
                let key = (x.min(y), x.max(y));
                let e = edges.entry(key).or_insert((0.0, false));
                e.0 = e.0.max(p.score);
                e.1 |= exact;
            }
        }
    }
    let mut neighbours: Vec<Vec<(usize, f32, bool)>> = vec![Vec::new(); nodes.len()];
    for (&(x, y), &(score, exact)) in &edges {
        neighbours[x].push((y, score, exact));
        neighbours[y].push((x, score, exact));
    }
    for list in &mut neighbours {
        list.sort_by_key(|a| a.0);
    }
    let units = |n: &Span| analyses[n.article].units_within(n.start, n.end);

    // Captions: a passage most of whose words are in a caption or credit line.
    let mut articles: Vec<usize> = nodes.iter().map(|n| n.article).collect();
    articles.dedup();
    let caption_of: FxHashMap<usize, Vec<bool>> = articles
        .par_iter()
        .map(|&a| (a, caption::caption_sentences(texts[a], &analyses[a])))
        .collect();
    let caption: Vec<bool> = nodes
        .iter()
        .map(|n| {
            let analysis = &analyses[n.article];
            let flags = &caption_of[&n.article];
            let (u0, u1) = units(n);
            let words = &analysis.units[u0..u1];
            let in_caption = words.iter().filter(|u| flags[u.sentence as usize]).count();
            !words.is_empty() && in_caption * 2 >= words.len()
        })
        .collect();
    drop(caption_of);

    // Content words of each passage, weighted by rarity among the passages.
    let term_lists: Vec<Vec<(Term, Class)>> = nodes
        .iter()
        .map(|n| {
            let (u0, u1) = units(n);
            let mut t: Vec<(Term, Class)> = analyses[n.article].units[u0..u1]
                .iter()
                .filter(|u| u.class != Class::Stop)
                .map(|u| (u.term, u.class))
                .collect();
            t.sort_unstable_by_key(|x| x.0);
            t.dedup_by_key(|x| x.0);
            t
        })
        .collect();
    let mut df: FxHashMap<Term, u32> = FxHashMap::default();
    for list in &term_lists {
        for (t, _) in list {
            *df.entry(*t).or_insert(0) += 1;
        }
    }
    let n_nodes = nodes.len() as f32;
    let bags: Vec<Bag> = term_lists
        .into_iter()
        .map(|list| {
            let terms: Vec<(Term, f32, bool)> = list
                .into_iter()
                .map(|(t, class)| {
                    let idf = (1.0 + n_nodes / df[&t] as f32).ln();
                    (t, idf * class_weight(class), class != Class::Content)
                })
                .collect();
            let total = terms.iter().map(|x| x.1).sum();
            let said = terms.iter().filter(|x| !x.2).map(|x| x.1).sum();
            Bag { terms, total, said }
        })
        .collect();
    drop(df);

    // A passage with fewer content words than a claim needs (a fragment such as "30 p.m.")
    // joins no group.
    let mut covered: Vec<bool> = caption
        .iter()
        .zip(&bags)
        .map(|(c, b)| *c || b.terms.len() < MIN_CONTENT_WORDS)
        .collect();
    // What a passage would gather as a core now: the articles of its uncovered neighbours
    // that fit it, and how well they fit.
    let reach = |k: usize, covered: &[bool]| -> (usize, f32) {
        let mut articles: Vec<usize> = Vec::new();
        let mut strength = 0.0;
        for &(n, score, exact) in &neighbours[k] {
            if covered[n] || nodes[n].article == nodes[k].article {
                continue;
            }
            if let Some(f) = fit(&bags[k], &bags[n], if exact { PAIRED } else { DIRECT }) {
                articles.push(nodes[n].article);
                strength += f * score;
            }
        }
        articles.sort_unstable();
        articles.dedup();
        (articles.len(), strength)
    };
    // Candidates, best first; an entry is re-ranked when what it would gather has shrunk.
    #[derive(PartialEq)]
    struct Entry {
        articles: usize,
        strength: f32,
        node: usize,
    }
    impl Eq for Entry {}
    impl Ord for Entry {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.articles
                .cmp(&other.articles)
                .then(self.strength.total_cmp(&other.strength))
                .then(other.node.cmp(&self.node))
        }
    }
    impl PartialOrd for Entry {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    let mut heap: BinaryHeap<Entry> = (0..nodes.len())
        .filter(|&k| !covered[k])
        .filter_map(|k| {
            let (articles, strength) = reach(k, &covered);
            (articles > 0).then_some(Entry {
                articles,
                strength,
                node: k,
            })
        })
        .collect();

    let mut out = Vec::new();
    let mut seen: Vec<bool> = vec![false; nodes.len()];
    while let Some(entry) = heap.pop() {
        let core = entry.node;
        if covered[core] {
            continue;
        }
        let (articles, strength) = reach(core, &covered);
        if articles == 0 {
            continue;
        }
        if (articles, strength) != (entry.articles, entry.strength) {
            heap.push(Entry {
                articles,
                strength,
                node: core,
            });
            continue;
        }
        // Gather: passages reached from the core or from members, each tested against the
        // core. (fit, node, score of its best pair with a member)
        let mut found: Vec<(f32, usize, f32)> = vec![(1.0, core, 0.0)];
        let mut visited = vec![core];
        seen[core] = true;
        let mut queue = vec![core];
        while let Some(x) = queue.pop() {
            if visited.len() >= MAX_VISITED {
                break;
            }
            for &(n, score, exact) in &neighbours[x] {
                if seen[n] || covered[n] {
                    continue;
                }
                seen[n] = true;
                visited.push(n);
                let least = match (x == core, exact) {
                    (true, true) => PAIRED,
                    (true, false) => DIRECT,
                    (false, _) => INDIRECT,
                };
                let Some(f) = fit(&bags[core], &bags[n], least) else {
                    continue;
                };
                // Not aligned with the core as a pair: the checks a pair would get.
                if !(x == core && exact) {
                    let (c, m) = (nodes[core], nodes[n]);
                    let warnings = checks::warnings(
                        (texts[c.article], &analyses[c.article], units(&c)),
                        (texts[m.article], &analyses[m.article], units(&m)),
                    );
                    if checks::penalty(warnings) < 1.0 {
                        continue;
                    }
                }
                found.push((f, n, score));
                queue.push(n);
            }
        }
        for &n in &visited {
            seen[n] = false;
        }
        // One passage per article (the best fit), and a second only as another wording of
        // the claim: it fits the first.
        found[1..].sort_by(|x, y| {
            nodes[x.1]
                .article
                .cmp(&nodes[y.1].article)
                .then(y.0.total_cmp(&x.0))
                .then(x.1.cmp(&y.1))
        });
        let mut members: Vec<usize> = Vec::new();
        let mut scores: Vec<f32> = Vec::new();
        for &(_, n, score) in &found {
            let same: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| nodes[m].article == nodes[n].article)
                .collect();
            let keep = same.is_empty()
                || (same.len() < MAX_PER_ARTICLE
                    && same
                        .iter()
                        .all(|&m| nodes[m].overlap(&nodes[n]) == 0 && alike(&bags[m], &bags[n])));
            if keep {
                members.push(n);
                if n != core {
                    scores.push(score);
                }
            }
        }
        let mut articles: Vec<usize> = members.iter().map(|&m| nodes[m].article).collect();
        articles.sort_unstable();
        articles.dedup();
        if articles.len() < 2 {
            continue;
        }
        for &m in &members {
            covered[m] = true;
        }
        let mut spans: Vec<Span> = members.iter().map(|&m| nodes[m]).collect();
        spans.sort();
        out.push(SharedPassage {
            id: 0,
            label: nodes[core],
            members: spans,
            score: scores.iter().sum::<f32>() / scores.len().max(1) as f32,
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
    use super::super::terms::{analyze, Aliases};
    use super::super::PairKind;
    use super::*;

    /// Articles and their analyses.
    struct Corpus {
        texts: Vec<String>,
        analyses: Vec<Analysis>,
    }

    impl Corpus {
        fn new(texts: &[String]) -> Corpus {
            let aliases = Aliases::new(&[]);
            Corpus {
                texts: texts.to_vec(),
                analyses: texts.iter().map(|t| analyze(t, &aliases)).collect(),
            }
        }

        /// The span of `what` in article `article`.
        fn span(&self, article: usize, what: &str) -> Span {
            let start = self.texts[article]
                .find(what)
                .unwrap_or_else(|| panic!("{what:?} not in article {article}"));
            Span {
                article,
                start,
                end: start + what.len(),
            }
        }

        fn pair(&self, a: (usize, &str), b: (usize, &str)) -> AlignedPair {
            AlignedPair {
                kind: PairKind::Paraphrase,
                score: 0.8,
                a: self.span(a.0, a.1),
                b: self.span(b.0, b.1),
                evidence: Default::default(),
            }
        }

        fn groups(&self, pairs: &[AlignedPair]) -> Vec<Vec<String>> {
            let texts: Vec<&str> = self.texts.iter().map(String::as_str).collect();
            groups(&texts, &self.analyses, pairs)
                .iter()
                .map(|g| {
                    g.members
                        .iter()
                        .map(|m| format!("{}: {}", m.article, &texts[m.article][m.start..m.end]))
                        .collect()
                })
                .collect()
        }
    }

    const QUOTE: &str = "\"We don't aim to play judge and jury,\" the company said.";

    /// Filler sentences no other article shares.
    fn filler(i: usize) -> String {
        const WORDS: [&str; 8] = [
            "harbour", "violin", "glacier", "lantern", "orchard", "tractor", "meadow", "pepper",
        ];
        format!(
            "The {} of item {i} stood near the {}.",
            WORDS[i % 8],
            WORDS[(i / 8) % 8]
        )
    }

    #[test]
    fn a_quote_carried_by_thirty_articles_is_one_group() {
        let texts: Vec<String> = (0..30)
            .map(|i| format!("{} {QUOTE} {}", filler(i), filler(i + 100)))
            .collect();
        let c = Corpus::new(&texts);
        // Each article aligned with a few others, as the tiers report them: whole passages of
        // two sentences on some sides, the sentence alone on others.
        let mut pairs = Vec::new();
        for i in 0..30 {
            for j in [i + 1, i + 7, i + 13] {
                if j < 30 {
                    let a = if i % 3 == 0 {
                        format!("{} {QUOTE}", filler(i))
                    } else {
                        QUOTE.to_string()
                    };
                    pairs.push(c.pair((i, &a), (j, QUOTE)));
                }
            }
        }
        let g = c.groups(&pairs);
        assert_eq!(g.len(), 1, "{g:#?}");
        assert_eq!(g[0].len(), 30);
        assert!(g[0].iter().all(|m| m.ends_with(QUOTE)), "{g:#?}");
    }

    #[test]
    fn a_long_sentence_with_two_claims_does_not_chain_them() {
        let hearing = "The judge set a hearing on the census case for June 5.";
        let resigned = "The commerce minister resigned on Tuesday after a vote of no confidence.";
        let both = "The judge set a hearing on the census case for June 5, while in the capital \
                    the commerce minister resigned on Tuesday after a vote of no confidence.";
        let texts = vec![
            format!("{} {hearing}", filler(0)),
            format!("{} {hearing}", filler(1)),
            format!("{} {both}", filler(2)),
            format!("{} {resigned}", filler(3)),
            format!("{} {resigned}", filler(4)),
        ];
        let c = Corpus::new(&texts);
        let pairs = [
            c.pair((0, hearing), (1, hearing)),
            c.pair((0, hearing), (2, both)),
            c.pair((1, hearing), (2, both)),
            c.pair((2, both), (3, resigned)),
            c.pair((2, both), (4, resigned)),
            c.pair((3, resigned), (4, resigned)),
        ];
        let g = c.groups(&pairs);
        for members in &g {
            let says = |w: &str| {
                members
                    .iter()
                    .any(|m| m.contains(w) && !m.contains("while"))
            };
            assert!(!(says("hearing") && says("resigned")), "{g:#?}");
        }
        // Each claim is still a group of the articles that say it alone.
        assert!(g
            .iter()
            .any(|m| m.len() >= 2 && m.iter().all(|m| m.contains("hearing"))));
        assert!(g
            .iter()
            .any(|m| m.len() >= 2 && m.iter().all(|m| m.contains("resigned"))));
    }

    #[test]
    fn a_member_of_a_member_must_still_say_the_cores_claim() {
        // A~B and B~C, but A and C share only the speaker: C is not in A's group.
        let a = "Spotify said it will stop removing artists from its playlists over conduct.";
        let b = "Spotify said it will stop removing artists from playlists, reversing a policy \
                 that critics called vague.";
        let c_ = "Critics called the policy vague, Spotify said.";
        let texts = vec![
            format!("{} {a}", filler(0)),
            format!("{} {a}", filler(1)),
            format!("{} {b}", filler(2)),
            format!("{} {c_}", filler(3)),
        ];
        let c = Corpus::new(&texts);
        let pairs = [
            c.pair((0, a), (1, a)),
            c.pair((0, a), (2, b)),
            c.pair((1, a), (2, b)),
            c.pair((2, b), (3, c_)),
        ];
        let g = c.groups(&pairs);
        assert!(!g.is_empty(), "{g:#?}");
        assert!(g[0].iter().any(|m| m.starts_with("0:")), "{g:#?}");
        assert!(g[0].iter().all(|m| !m.starts_with("3:")), "{g:#?}");
    }

    #[test]
    fn two_wordings_of_one_outlet_are_both_members_but_other_claims_of_it_are_not() {
        let claim = "The streaming service will remove the singer from its playlists.";
        let again = "It will remove the singer from its playlists, the streaming service said.";
        let other = "The singer's new album reached the top of the charts in May.";
        let texts = vec![
            format!("{} {claim}", filler(0)),
            format!("{claim} {} {again} {other}", filler(1)),
            format!("{} {claim}", filler(2)),
        ];
        let c = Corpus::new(&texts);
        let pairs = [
            c.pair((0, claim), (1, claim)),
            c.pair((0, claim), (1, again)),
            c.pair((1, claim), (2, claim)),
            // A pair of two sentences with the other claim in it.
            c.pair((1, &format!("{again} {other}")), (2, claim)),
        ];
        let g = c.groups(&pairs);
        assert_eq!(g.len(), 1, "{g:#?}");
        let mut got = g[0].clone();
        got.sort();
        let mut want = [
            format!("0: {claim}"),
            format!("1: {claim}"),
            format!("1: {again}"),
            format!("2: {claim}"),
        ];
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn photo_captions_form_no_group() {
        let caption = "FILE - In this June 30, 2013 file photo, the singer performs at an \
                       awards show in Los Angeles.";
        let claim = "The streaming service will remove the singer from its playlists.";
        let texts: Vec<String> = (0..3)
            .map(|i| format!("{}\n{caption}\n{claim}", filler(i)))
            .collect();
        let c = Corpus::new(&texts);
        let pairs = [
            c.pair((0, caption), (1, caption)),
            c.pair((1, caption), (2, caption)),
            c.pair((0, claim), (1, claim)),
            c.pair((1, claim), (2, claim)),
        ];
        let g = c.groups(&pairs);
        assert_eq!(g.len(), 1, "{g:#?}");
        assert!(g[0].iter().all(|m| m.ends_with(claim)), "{g:#?}");
    }

    #[test]
    fn unique_text_is_what_no_pair_covers() {
        let texts = [
            "Alpha beta gamma delta.\nShared words here now.\nTail end of it all.",
            "x",
        ];
        let pair = |a: (usize, usize, usize), b: (usize, usize, usize)| AlignedPair {
            kind: PairKind::Verbatim,
            score: 0.9,
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
        };
        let pairs = [pair((0, 24, 46), (1, 0, 1))];
        let spans = unique(&texts, &pairs, 2);
        let got: Vec<&str> = spans
            .iter()
            .map(|s| &texts[s.article][s.start..s.end])
            .collect();
        assert_eq!(got, ["Alpha beta gamma delta.", "Tail end of it all."]);
    }
}
