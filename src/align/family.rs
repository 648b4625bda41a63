//! Relations between whole articles: copy families (articles that share most of their text:
//! wire copies, rewrites, updates of one story) and stories (articles about one event).
//!
//! Passages say where two articles agree; a family says that one article *is* another with
//! changes, and lists those changes once per member instead of once per pair of members.
//! Byte-identical texts are the extreme case: they are aligned once ([`Duplicates`]) and
//! reported as members of one family, so that 800 copies of a wire story cost one article's
//! alignment and 800 family members, not 319,600 article pairs.

use std::collections::BinaryHeap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::diff::{word_diff, DiffTag};
use super::terms::{Analysis, Class, Term};
use super::text::segment;
use super::{AlignedPair, Alignment, PairKind, Span};

/// Articles that share most of their text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// 1, 2, …: families by number of members, largest first.
    pub id: usize,
    /// The member the others are measured against: the first in input order (an interface
    /// that knows the articles' dates may measure them against the earliest instead, with
    /// [`changes`]).
    pub reference: usize,
    /// Every member, the reference first, then in input order.
    pub members: Vec<FamilyMember>,
}

/// One article of a [`Family`], and what it changes against the family's reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FamilyMember {
    pub article: usize,
    /// An earlier article with byte-identical text, if any.
    pub copy_of: Option<usize>,
    pub changes: CopyChanges,
}

/// What a copy changes in a reference text. Words are Unicode words with a letter or digit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CopyChanges {
    /// Words of the copy.
    pub words: usize,
    /// Words of the copy found, in the same order, in the reference.
    pub shared_words: usize,
    /// Words of the copy with no counterpart in the reference.
    pub added_words: usize,
    /// Words of the reference the copy leaves out.
    pub dropped_words: usize,
    /// Words of the copy written in place of other words of the reference.
    pub changed_words: usize,
    /// Stretches only the copy has (spans in the copy).
    pub added: Vec<Span>,
    /// Stretches of the reference the copy leaves out (spans in the reference).
    pub dropped: Vec<Span>,
    /// Stretches the copy words differently.
    pub changed: Vec<Change>,
}

impl CopyChanges {
    /// Share of the copy's words that the reference has too (0..1; 1 for an empty text).
    pub fn shared(&self) -> f32 {
        if self.words == 0 {
            1.0
        } else {
            self.shared_words as f32 / self.words as f32
        }
    }
}

/// A stretch of a reference and the copy's wording of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub reference: Span,
    pub copy: Span,
}

/// Articles about one event, whatever their wording.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// 1, 2, …: stories by number of articles, largest first.
    pub id: usize,
    /// Its articles, in input order; at least two.
    pub articles: Vec<usize>,
}

/// Articles with byte-identical texts, aligned once: the first of them stands for all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Copies {
    /// The articles, in input order (at least two).
    pub articles: Vec<usize>,
    /// Byte ranges of the text's paragraphs, for showing two of the copies side by side.
    pub paragraphs: Vec<(usize, usize)>,
}

/// Thresholds of families and stories. Each default says why it is what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyOptions {
    /// Two articles are copies of one text when the shorter has at least this share of its
    /// words in passages aligned with the longer: most of it, so that a story that quotes a
    /// few paragraphs of another is not its copy.
    pub min_shared: f32,
    /// ... and the longer at least this share: an update that doubles a wire story is still
    /// that story's family, an article that quotes a short statement in full is not.
    pub min_shared_longer: f32,
    /// Two groups of articles are one story when the mean TF-IDF cosine of their articles'
    /// words is at least this. News on one event shares its rare words (names, places,
    /// numbers); different events of one kind (two earthquakes) share fewer: on news sets
    /// with known events, 0.15 to 0.25 separates them best.
    pub story_similarity: f32,
    /// Words in more articles than this are left out of the story index (they weigh little
    /// by IDF and would make the candidate pairs quadratic in a large corpus).
    pub story_max_df: usize,
}

impl Default for FamilyOptions {
    fn default() -> Self {
        FamilyOptions {
            min_shared: 0.6,
            min_shared_longer: 0.3,
            story_similarity: 0.2,
            story_max_df: 200,
        }
    }
}

/// Byte-identical texts of a corpus: which distinct text each article has.
#[derive(Clone, Debug)]
pub(crate) struct Duplicates {
    /// Per distinct text, the first article that has it (increasing).
    pub distinct: Vec<usize>,
    /// Per article, its distinct text.
    pub of: Vec<usize>,
}

impl Duplicates {
    /// The duplicates of `texts`, or `None` when every text is different.
    pub fn find(texts: &[&str]) -> Option<Duplicates> {
        let mut first: FxHashMap<&str, usize> = FxHashMap::default();
        let mut distinct = Vec::new();
        let mut of = Vec::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let d = *first.entry(text).or_insert_with(|| {
                distinct.push(i);
                distinct.len() - 1
            });
            of.push(d);
        }
        (distinct.len() < texts.len()).then_some(Duplicates { distinct, of })
    }

    /// One text per distinct text, in input order.
    pub fn distinct_texts<'a>(&self, texts: &[&'a str]) -> Vec<&'a str> {
        self.distinct.iter().map(|&i| texts[i]).collect()
    }

    /// The alignment of the whole corpus from that of its distinct texts: passages stay on
    /// the first article of each text; the others join its family as exact copies, its story,
    /// and nothing of their text is unique (their copies have all of it).
    pub fn expand(&self, inner: Alignment, texts: &[&str]) -> Alignment {
        let map = |s: Span| Span {
            article: self.distinct[s.article],
            ..s
        };
        let mut sets: Vec<Vec<usize>> = vec![Vec::new(); self.distinct.len()];
        for (article, &d) in self.of.iter().enumerate() {
            sets[d].push(article);
        }
        let copies: Vec<Copies> = sets
            .iter()
            .filter(|set| set.len() > 1)
            .map(|set| Copies {
                articles: set.clone(),
                paragraphs: paragraphs(texts[set[0]]),
            })
            .collect();
        let pairs = inner
            .pairs
            .into_iter()
            .map(|p| AlignedPair {
                a: map(p.a),
                b: map(p.b),
                ..p
            })
            .collect();
        let groups = inner
            .groups
            .into_iter()
            .map(|mut g| {
                g.label = map(g.label);
                g.members = g.members.into_iter().map(map).collect();
                g
            })
            .collect();
        let unique = inner
            .unique
            .into_iter()
            .filter(|s| sets[s.article].len() == 1)
            .map(map)
            .collect();

        // Families: each inner family gains the copies of its members; a text in no family
        // becomes one with its copies.
        let mut in_family = vec![false; self.distinct.len()];
        let mut families: Vec<Family> = inner
            .families
            .into_iter()
            .map(|f| {
                let mut members = Vec::new();
                for m in f.members {
                    in_family[m.article] = true;
                    for (k, &article) in sets[m.article].iter().enumerate() {
                        members.push(FamilyMember {
                            article,
                            copy_of: (k > 0).then_some(sets[m.article][0]),
                            changes: CopyChanges {
                                added: on(&m.changes.added, article),
                                dropped: on(&m.changes.dropped, self.distinct[f.reference]),
                                changed: m
                                    .changes
                                    .changed
                                    .iter()
                                    .map(|c| Change {
                                        reference: Span {
                                            article: self.distinct[f.reference],
                                            ..c.reference
                                        },
                                        copy: Span { article, ..c.copy },
                                    })
                                    .collect(),
                                ..m.changes.clone()
                            },
                        });
                    }
                }
                Family {
                    id: 0,
                    reference: self.distinct[f.reference],
                    members: order_members(members, self.distinct[f.reference]),
                }
            })
            .collect();
        for (d, set) in sets.iter().enumerate() {
            if set.len() > 1 && !in_family[d] {
                let same = changes(texts[set[0]], texts[set[0]], set[0], set[0]);
                families.push(Family {
                    id: 0,
                    reference: set[0],
                    members: set
                        .iter()
                        .enumerate()
                        .map(|(k, &article)| FamilyMember {
                            article,
                            copy_of: (k > 0).then_some(set[0]),
                            changes: same.clone(),
                        })
                        .collect(),
                });
            }
        }
        number_families(&mut families);

        // Stories: copies join the story of their text, or make one together.
        let mut in_story = vec![false; self.distinct.len()];
        let mut stories: Vec<Story> = inner
            .stories
            .into_iter()
            .map(|s| {
                let mut articles: Vec<usize> = Vec::new();
                for d in s.articles {
                    in_story[d] = true;
                    articles.extend(&sets[d]);
                }
                articles.sort_unstable();
                Story { id: 0, articles }
            })
            .collect();
        for (d, set) in sets.iter().enumerate() {
            if set.len() > 1 && !in_story[d] {
                stories.push(Story {
                    id: 0,
                    articles: set.clone(),
                });
            }
        }
        number_stories(&mut stories);

        Alignment {
            pairs,
            groups,
            unique,
            families,
            stories,
            copies,
        }
    }
}

/// `spans`, moved to `article` (an identical text: the offsets hold).
fn on(spans: &[Span], article: usize) -> Vec<Span> {
    spans.iter().map(|s| Span { article, ..*s }).collect()
}

/// Byte ranges of the non-blank lines of `text` (paragraphs: the cleaned text has one a line).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        let lead = body.len() - body.trim_start().len();
        if !body.trim().is_empty() {
            out.push((at + lead, at + body.len()));
        }
        at += line.len();
    }
    out
}

/// The pairs between articles `left` and `right` when either is an exact copy: a copy has the
/// passages of the article that stands for it, and two copies of one text are the same text,
/// paragraph for paragraph. `None` when neither is a copy.
pub(crate) fn between_copies(
    alignment: &Alignment,
    left: usize,
    right: usize,
) -> Option<Vec<(AlignedPair, Span, Span)>> {
    let set_of = |article: usize| {
        alignment
            .copies
            .iter()
            .find(|c| c.articles.binary_search(&article).is_ok())
    };
    let (l_set, r_set) = (set_of(left), set_of(right));
    if l_set.is_none() && r_set.is_none() {
        return None;
    }
    let stand_in = |article: usize, set: Option<&Copies>| set.map_or(article, |c| c.articles[0]);
    let (l0, r0) = (stand_in(left, l_set), stand_in(right, r_set));
    if l0 == r0 {
        let (a, b) = (left.min(right), left.max(right));
        let paragraphs = l_set.map_or(&[][..], |c| &c.paragraphs[..]);
        return Some(
            paragraphs
                .iter()
                .map(|&(start, end)| {
                    let pair = AlignedPair {
                        kind: PairKind::Verbatim,
                        score: 1.0,
                        a: Span {
                            article: a,
                            start,
                            end,
                        },
                        b: Span {
                            article: b,
                            start,
                            end,
                        },
                    };
                    let l = Span {
                        article: left,
                        start,
                        end,
                    };
                    (
                        pair,
                        l,
                        Span {
                            article: right,
                            ..l
                        },
                    )
                })
                .collect(),
        );
    }
    let moved = |s: Span| {
        let article = if s.article == l0 { left } else { right };
        Span { article, ..s }
    };
    let mut found: Vec<(AlignedPair, Span, Span)> = alignment
        .pairs
        .iter()
        .filter_map(|p| {
            let (l, r) = p.oriented(l0)?;
            (r.article == r0).then_some((*p, l, r))
        })
        .map(|(p, l, r)| {
            let (l, r) = (moved(l), moved(r));
            let (a, b) = if l.article < r.article {
                (l, r)
            } else {
                (r, l)
            };
            (AlignedPair { a, b, ..p }, l, r)
        })
        .collect();
    found.sort_by_key(|(_, l, r)| (l.start, r.start));
    Some(found)
}

/// Words with a letter or digit in `text`.
fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Two sentences are one sentence reworded, not one dropped and another added, when at least
/// this share of their distinct words (Dice coefficient) is common to both.
const MIN_CHANGED_SIMILARITY: f32 = 0.5;

/// A sentence of a text: its byte range, its words in matching form.
struct Sentence {
    start: usize,
    end: usize,
    key: String,
    words: Vec<String>,
}

fn sentences(text: &str) -> Vec<Sentence> {
    segment(text)
        .sentences
        .iter()
        .map(|s| {
            let words: Vec<String> = text[s.start..s.end]
                .unicode_words()
                .map(str::to_lowercase)
                .collect();
            Sentence {
                start: s.start,
                end: s.end,
                key: words.join(" "),
                words,
            }
        })
        .filter(|s| !s.words.is_empty())
        .collect()
}

/// Dice coefficient of two sentences' distinct words.
fn dice(a: &Sentence, b: &Sentence) -> f32 {
    let x: FxHashSet<&str> = a.words.iter().map(String::as_str).collect();
    let y: FxHashSet<&str> = b.words.iter().map(String::as_str).collect();
    let common = x.intersection(&y).count();
    2.0 * common as f32 / (x.len() + y.len()).max(1) as f32
}

/// What `copy` (article `copy_article`) changes in `reference` (article `reference_article`),
/// sentence by sentence: sentences found unchanged are shared; a sentence of the copy that
/// rewords one of the reference in the same place is a change (its equal words still count
/// as shared); the others are added or dropped. Adjacent added (or dropped) sentences make
/// one span.
pub fn changes(
    reference: &str,
    copy: &str,
    reference_article: usize,
    copy_article: usize,
) -> CopyChanges {
    let words = word_count(copy);
    let mut out = CopyChanges {
        words,
        ..CopyChanges::default()
    };
    if reference == copy {
        out.shared_words = words;
        return out;
    }
    let (rs, cs) = (sentences(reference), sentences(copy));
    let rk: Vec<&str> = rs.iter().map(|s| s.key.as_str()).collect();
    let ck: Vec<&str> = cs.iter().map(|s| s.key.as_str()).collect();
    let span = |article: usize, list: &[Sentence], i: usize, j: usize| Span {
        article,
        start: list[i].start,
        end: list[j - 1].end,
    };
    let mut added: Vec<(usize, usize)> = Vec::new();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &rk, &ck) {
        let (tag, r, c) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            out.shared_words += c.clone().map(|k| cs[k].words.len()).sum::<usize>();
            continue;
        }
        // Pair the block's sentences in order: each copy sentence with the first later
        // reference sentence it rewords.
        let mut next_r = r.start;
        for k in c {
            let found = (next_r..r.end).find(|&i| dice(&rs[i], &cs[k]) >= MIN_CHANGED_SIMILARITY);
            let Some(i) = found else {
                added.push((k, k + 1));
                continue;
            };
            dropped.extend((next_r..i).map(|d| (d, d + 1)));
            next_r = i + 1;
            let (rt, ct) = (
                &reference[rs[i].start..rs[i].end],
                &copy[cs[k].start..cs[k].end],
            );
            let mut different = 0;
            for op in word_diff(rt, ct) {
                let n = word_count(&ct[op.b]);
                if op.tag == DiffTag::Equal {
                    out.shared_words += n;
                } else {
                    different += n;
                }
            }
            if different == 0 {
                // Only case, quotes or punctuation differ: the same sentence.
                continue;
            }
            out.changed_words += different;
            out.changed.push(Change {
                reference: span(reference_article, &rs, i, i + 1),
                copy: span(copy_article, &cs, k, k + 1),
            });
        }
        dropped.extend((next_r..r.end).map(|d| (d, d + 1)));
    }
    for (runs, list, article, text_words, spans) in [
        (
            added,
            &cs,
            copy_article,
            &mut out.added_words,
            &mut out.added,
        ),
        (
            dropped,
            &rs,
            reference_article,
            &mut out.dropped_words,
            &mut out.dropped,
        ),
    ] {
        let mut merged: Vec<(usize, usize)> = Vec::new();
        let mut runs = runs;
        runs.sort_unstable();
        for (i, j) in runs {
            match merged.last_mut() {
                Some(last) if last.1 == i => last.1 = j,
                _ => merged.push((i, j)),
            }
        }
        for (i, j) in merged {
            *text_words += list[i..j].iter().map(|s| s.words.len()).sum::<usize>();
            spans.push(span(article, list, i, j));
        }
    }
    out
}

/// The reference first, then the others in input order.
fn order_members(mut members: Vec<FamilyMember>, reference: usize) -> Vec<FamilyMember> {
    members.sort_by_key(|m| (m.article != reference, m.article));
    members
}

/// Families by number of members (largest first), then by reference; ids from 1.
fn number_families(families: &mut [Family]) {
    families.sort_by_key(|f| (std::cmp::Reverse(f.members.len()), f.reference));
    for (i, f) in families.iter_mut().enumerate() {
        f.id = i + 1;
    }
}

/// Stories by number of articles (largest first), then by first article; ids from 1.
fn number_stories(stories: &mut [Story]) {
    stories.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), s.articles[0]));
    for (i, s) in stories.iter_mut().enumerate() {
        s.id = i + 1;
    }
}

/// Words of `text` inside the union of `ranges` (sorted in place).
fn covered_words(text: &str, ranges: &mut [(usize, usize)]) -> usize {
    ranges.sort_unstable();
    let mut words = 0;
    let mut reach = 0;
    for &(start, end) in ranges.iter() {
        let from = start.max(reach);
        if end > from {
            words += text.get(from..end).map_or(0, word_count);
        }
        reach = reach.max(end);
    }
    words
}

/// The copy families of a corpus, from its aligned pairs.
///
/// Two articles are linked when most of each is covered by the passages aligned between them
/// (see [`FamilyOptions`]). Families are stars, never chains: the article with the most links
/// takes all its unclaimed partners, then the next, so every member shares most of its text
/// with one article of the family, not through a run of intermediaries.
pub(crate) fn families(
    texts: &[&str],
    pairs: &[AlignedPair],
    options: &FamilyOptions,
) -> Vec<Family> {
    let mut spans: FxHashMap<(usize, usize), (Vec<(usize, usize)>, Vec<(usize, usize)>)> =
        FxHashMap::default();
    for p in pairs {
        let entry = spans.entry((p.a.article, p.b.article)).or_default();
        entry.0.push((p.a.start, p.a.end));
        entry.1.push((p.b.start, p.b.end));
    }
    let words: Vec<usize> = texts.par_iter().map(|t| word_count(t)).collect();
    let mut spans: Vec<_> = spans.into_iter().collect();
    spans.sort_unstable_by_key(|(k, _)| *k);
    let links: Vec<(usize, usize)> = spans
        .into_par_iter()
        .filter_map(|((a, b), (mut sa, mut sb))| {
            let share = |article: usize, ranges: &mut [(usize, usize)]| {
                covered_words(texts[article], ranges) as f32 / words[article].max(1) as f32
            };
            let (share_a, share_b) = (share(a, &mut sa), share(b, &mut sb));
            let (shorter, longer) = if words[a] <= words[b] {
                (share_a, share_b)
            } else {
                (share_b, share_a)
            };
            (shorter >= options.min_shared && longer >= options.min_shared_longer).then_some((a, b))
        })
        .collect();
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for &(a, b) in &links {
        partners[a].push(b);
        partners[b].push(a);
    }
    let mut order: Vec<usize> = (0..texts.len())
        .filter(|&i| !partners[i].is_empty())
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(partners[i].len()), i));
    let mut claimed = vec![false; texts.len()];
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for centre in order {
        if claimed[centre] {
            continue;
        }
        let mut set: Vec<usize> = partners[centre]
            .iter()
            .copied()
            .filter(|&p| !claimed[p])
            .collect();
        if set.is_empty() {
            continue;
        }
        set.push(centre);
        set.sort_unstable();
        for &m in &set {
            claimed[m] = true;
        }
        sets.push(set);
    }
    let mut families: Vec<Family> = sets
        .into_par_iter()
        .map(|set| {
            let reference = set[0];
            let members = set
                .iter()
                .map(|&article| FamilyMember {
                    article,
                    copy_of: None,
                    changes: changes(texts[reference], texts[article], reference, article),
                })
                .collect();
            Family {
                id: 0,
                reference,
                members,
            }
        })
        .collect();
    number_families(&mut families);
    families
}

/// An article's words as a unit-length TF-IDF vector, sorted by term.
type Vector = Vec<(Term, f32)>;

/// The stories of a corpus: articles clustered by the TF-IDF cosine of their words, with
/// average linkage (two clusters join when their articles are, on average, similar enough),
/// so that one article close to two events does not chain them into one story.
pub(crate) fn stories(analyses: &[Analysis], options: &FamilyOptions) -> Vec<Story> {
    let n = analyses.len();
    if n < 2 {
        return Vec::new();
    }
    let counts: Vec<Vec<(Term, u32)>> = analyses
        .par_iter()
        .map(|a| {
            let mut terms: Vec<Term> = a
                .units
                .iter()
                .filter(|u| u.class != Class::Stop)
                .map(|u| u.term)
                .collect();
            terms.sort_unstable();
            let mut out: Vec<(Term, u32)> = Vec::new();
            for t in terms {
                match out.last_mut() {
                    Some((last, c)) if *last == t => *c += 1,
                    _ => out.push((t, 1)),
                }
            }
            out
        })
        .collect();
    let mut df: FxHashMap<Term, u32> = FxHashMap::default();
    for list in &counts {
        for &(t, _) in list {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let vectors: Vec<Vector> = counts
        .par_iter()
        .map(|list| {
            let weight = |t: Term, c: u32| {
                // Smoothed (+1, as scikit-learn's default): a word every article of a
                // one-story folder uses still makes them alike.
                let idf = ((n as f32 + 1.0) / (df[&t] as f32 + 1.0)).ln() + 1.0;
                (1.0 + (c as f32).ln()) * idf
            };
            // A word of one article cannot make two articles alike, so it is left out of the
            // vector; but it weighs in the norm (an article of mostly its own words is like
            // no other).
            let norm = list
                .iter()
                .map(|&(t, c)| weight(t, c).powi(2))
                .sum::<f32>()
                .sqrt();
            let mut v: Vector = list
                .iter()
                .filter(|&&(t, _)| df[&t] >= 2)
                .map(|&(t, c)| (t, weight(t, c)))
                .collect();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect();
    // An index of the words in few enough articles; each article meets the later articles
    // that share one, and the cosine over those words is its similarity with them.
    let mut postings: FxHashMap<Term, Vec<(u32, f32)>> = FxHashMap::default();
    for (doc, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            if (df[&t] as usize) <= options.story_max_df {
                postings.entry(t).or_default().push((doc as u32, w));
            }
        }
    }
    // Weaker links are left out of the graph: they could not lift a mean to the threshold.
    let floor = options.story_similarity / 4.0;
    let edges: Vec<(u32, u32, f32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|doc| {
            let mut acc: FxHashMap<u32, f32> = FxHashMap::default();
            for &(t, w) in &vectors[doc] {
                let Some(list) = postings.get(&t) else {
                    continue;
                };
                let from = list.partition_point(|&(d, _)| d as usize <= doc);
                for &(other, w2) in &list[from..] {
                    *acc.entry(other).or_insert(0.0) += w * w2;
                }
            }
            let mut out: Vec<(u32, u32, f32)> = acc
                .into_iter()
                .filter(|&(_, s)| s >= floor)
                .map(|(other, s)| (doc as u32, other, s))
                .collect();
            out.sort_unstable_by_key(|e| e.1);
            out
        })
        .collect();
    let clusters = average_linkage(n, &edges, options.story_similarity);
    let mut stories: Vec<Story> = clusters
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|articles| Story { id: 0, articles })
        .collect();
    number_stories(&mut stories);
    stories
}

/// A candidate merge in [`average_linkage`]: mean similarity, then the two clusters.
#[derive(PartialEq)]
struct Merge(f32, u32, u32);

impl Eq for Merge {}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Highest similarity first; ties to the lowest cluster numbers (deterministic).
        self.0
            .total_cmp(&other.0)
            .then(other.1.cmp(&self.1))
            .then(other.2.cmp(&self.2))
    }
}

/// Average-linkage clustering over a sparse similarity graph: repeatedly join the two
/// clusters whose mean similarity over all their article pairs (absent edges count 0) is
/// highest, while it is at least `threshold`. Clusters in input order of their articles.
fn average_linkage(n: usize, edges: &[(u32, u32, f32)], threshold: f32) -> Vec<Vec<usize>> {
    // Per cluster: its articles, and the summed similarity to each neighbouring cluster.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sums: Vec<FxHashMap<u32, f64>> = vec![FxHashMap::default(); n];
    for &(a, b, s) in edges {
        *sums[a as usize].entry(b).or_insert(0.0) += f64::from(s);
        *sums[b as usize].entry(a).or_insert(0.0) += f64::from(s);
    }
    let mean = |sum: f64, x: usize, y: usize| (sum / (x * y) as f64) as f32;
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    for (a, map) in sums.iter().enumerate() {
        for (&b, &sum) in map {
            if (a as u32) < b {
                let m = mean(sum, 1, 1);
                if m >= threshold {
                    heap.push(Merge(m, a as u32, b));
                }
            }
        }
    }
    let mut alive: FxHashSet<u32> = (0..n as u32).collect();
    while let Some(Merge(m, a, b)) = heap.pop() {
        if !alive.contains(&a) || !alive.contains(&b) {
            continue;
        }
        // Stale if either cluster grew since this entry was pushed.
        let sum = sums[a as usize].get(&b).copied().unwrap_or(0.0);
        let now = mean(sum, members[a as usize].len(), members[b as usize].len());
        if now != m {
            continue;
        }
        // Merge the smaller neighbour map into the larger; the survivor keeps its number.
        let (keep, gone) = if sums[a as usize].len() >= sums[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        alive.remove(&gone);
        let moved = std::mem::take(&mut members[gone as usize]);
        members[keep as usize].extend(moved);
        let gone_map = std::mem::take(&mut sums[gone as usize]);
        sums[keep as usize].remove(&gone);
        for (other, sum) in gone_map {
            if other == keep {
                continue;
            }
            *sums[keep as usize].entry(other).or_insert(0.0) += sum;
            let theirs = &mut sums[other as usize];
            theirs.remove(&gone);
            *theirs.entry(keep).or_insert(0.0) += sum;
        }
        let size = members[keep as usize].len();
        let mut next: Vec<(u32, f64)> = sums[keep as usize].iter().map(|(&o, &s)| (o, s)).collect();
        next.sort_unstable_by_key(|e| e.0);
        for (other, sum) in next {
            let m = mean(sum, size, members[other as usize].len());
            if m >= threshold {
                let (x, y) = (keep.min(other), keep.max(other));
                heap.push(Merge(m, x, y));
            }
        }
    }
    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_unstable_by_key(|m| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::{align, AlignOptions};
    use super::*;

    const WIRE: &str = "The storm reached the coast of Valdoria on Tuesday night.\n\
        Emergency crews evacuated four thousand residents from the low districts of Port Avel.\n\
        The harbour authority closed the northern docks until further notice.\n\
        Officials said the river was expected to crest on Thursday morning.";

    const OTHER: &str = "The central bank of Morland raised its lending rate by half a point.\n\
        Economists had expected a smaller increase after inflation slowed in March.\n\
        The currency rose against the dollar after the announcement.";

    fn texts_of(list: &[String]) -> Vec<&str> {
        list.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_copy_adds_drops_and_rewords_sentences_against_the_reference() {
        let copy = "The storm reached the coast of Valdoria on Tuesday night.\n\
            Emergency crews moved four thousand residents out of the low districts of Port Avel.\n\
            Officials said the river was expected to crest on Thursday morning.\n\
            Schools in the region will stay closed this week.";
        let c = changes(WIRE, copy, 0, 1);
        let text = |s: &Span| {
            if s.article == 0 {
                &WIRE[s.start..s.end]
            } else {
                &copy[s.start..s.end]
            }
        };
        assert_eq!(
            c.added.iter().map(text).collect::<Vec<_>>(),
            ["Schools in the region will stay closed this week."]
        );
        assert_eq!(
            c.dropped.iter().map(text).collect::<Vec<_>>(),
            ["The harbour authority closed the northern docks until further notice."]
        );
        assert_eq!(c.changed.len(), 1);
        assert!(text(&c.changed[0].copy).starts_with("Emergency crews moved"));
        assert!(text(&c.changed[0].reference).starts_with("Emergency crews evacuated"));
        assert_eq!(c.words, 44);
        assert_eq!(c.added_words, 9);
        assert_eq!(c.dropped_words, 10);
        // "moved … out of" for "evacuated … from": three words of the copy.
        assert_eq!(c.changed_words, 3);
        assert_eq!(c.shared_words, c.words - c.added_words - c.changed_words);
        assert!((c.shared() - 32.0 / 44.0).abs() < 1e-6);
    }

    #[test]
    fn identical_texts_change_nothing() {
        let c = changes(WIRE, WIRE, 0, 3);
        assert_eq!(c.words, c.shared_words);
        assert!(c.added.is_empty() && c.dropped.is_empty() && c.changed.is_empty());
        assert_eq!(c.shared(), 1.0);
    }

    /// `n` identical copies of a wire story and one unrelated article: the copies are one
    /// family of `n` members and no pair joins two of them, however many there are (with or
    /// without the verbatim tier's cap on how many articles a seed may come from).
    fn copies_are_one_family_not_pairs(n: usize) {
        let mut list: Vec<String> = vec![WIRE.to_string(); n];
        list.insert(1, OTHER.to_string());
        let texts = texts_of(&list);
        let alignment = align(&texts, &AlignOptions::default());
        assert!(
            alignment.pairs.is_empty(),
            "{} pairs",
            alignment.pairs.len()
        );
        assert_eq!(alignment.families.len(), 1);
        let family = &alignment.families[0];
        assert_eq!(family.reference, 0);
        assert_eq!(family.members.len(), n);
        let articles: Vec<usize> = family.members.iter().map(|m| m.article).collect();
        let expected: Vec<usize> = (0..=n).filter(|&i| i != 1).collect();
        assert_eq!(articles, expected);
        assert!(family.members[0].copy_of.is_none());
        assert!(family.members[1..].iter().all(|m| m.copy_of == Some(0)));
        assert!(family.members.iter().all(|m| m.changes.shared() == 1.0));
        // The copies are one story; the unrelated article is in none.
        assert_eq!(alignment.stories.len(), 1);
        assert_eq!(alignment.stories[0].articles, expected);
        // Nothing of a copy is unique: its copies have all of it.
        assert!(alignment.unique.iter().all(|s| s.article == 1));
        // Two copies compared side by side are the same text, paragraph for paragraph.
        let last = n;
        let shown = alignment.between(last, 2);
        assert_eq!(shown.len(), 4);
        for (pair, l, r) in &shown {
            assert_eq!(pair.kind, PairKind::Verbatim);
            assert_eq!((l.article, r.article), (last, 2));
            assert_eq!(
                texts[l.article][l.start..l.end],
                texts[r.article][r.start..r.end]
            );
        }
        assert!(alignment.between(last, 1).is_empty());
    }

    #[test]
    fn a_hundred_copies_are_one_family() {
        copies_are_one_family_not_pairs(100);
    }

    #[test]
    fn copies_past_the_verbatim_cap_are_one_family() {
        copies_are_one_family_not_pairs(120);
    }

    #[test]
    fn eight_hundred_copies_are_one_family() {
        copies_are_one_family_not_pairs(800);
    }

    #[test]
    fn a_copy_shows_the_passages_of_the_text_it_copies() {
        // Article 2 quotes a sentence of the wire story; articles 0 and 1 are that story.
        let quoting = "Reports from the south were confused. Emergency crews evacuated four \
            thousand residents from the low districts of Port Avel, a spokesman confirmed. \
            The bank of Morland said nothing.";
        let list = vec![WIRE.to_string(), WIRE.to_string(), quoting.to_string()];
        let texts = texts_of(&list);
        let alignment = align(&texts, &AlignOptions::default());
        let from_first = alignment.between(0, 2);
        let from_copy = alignment.between(1, 2);
        assert!(!from_first.is_empty());
        assert_eq!(from_first.len(), from_copy.len());
        for ((_, l0, r0), (_, l1, r1)) in from_first.iter().zip(&from_copy) {
            assert_eq!((l1.article, r1.article), (1, 2));
            assert_eq!((l0.start, l0.end, r0), (l1.start, l1.end, r1));
        }
    }

    #[test]
    fn average_linkage_keeps_two_tight_clusters_apart_across_one_bridge() {
        let mut edges = Vec::new();
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            edges.push((a, b, 0.8));
        }
        edges.push((2, 3, 0.5));
        let clusters = average_linkage(7, &edges, 0.3);
        assert_eq!(clusters, [vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
        // A single link would chain them.
        assert_eq!(average_linkage(7, &edges, 0.05)[0], [0, 1, 2, 3, 4, 5]);
    }
}
