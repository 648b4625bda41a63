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
use super::text::{segment, Segmented};
use super::{AlignedPair, Alignment, PairKind, Span};

/// Articles that share most of their text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// 1, 2, …: families by number of members, largest first.
    pub id: usize,
    /// The member the others are measured against: the one that shares most of its text with
    /// the most members (an interface that knows the articles' dates may measure them against
    /// the earliest instead, with [`changes`]).
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

/// Articles aligned through another article: byte-identical copies of one text, and, when
/// that text nearly copies an aligned article (all of it but a dateline or a sentence), how
/// its sentences line up with that article's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Copies {
    /// The articles with this text, in input order (at least one).
    pub articles: Vec<usize>,
    /// Byte ranges of the text's paragraphs, for showing two of the copies side by side.
    pub paragraphs: Vec<(usize, usize)>,
    /// Set when the text nearly copies another, aligned, article.
    pub near: Option<NearCopy>,
}

/// How a near copy lines up with the aligned article it stands in for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NearCopy {
    /// The aligned article: its passages are the near copy's passages.
    pub of: usize,
    /// Sentences that line up, in text order: `(kind, byte range there, byte range here)`;
    /// verbatim when the words are the same, paraphrase when reworded.
    pub sentences: Vec<(PairKind, (usize, usize), (usize, usize))>,
}

/// Thresholds of families and stories. Each default says why it is what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyOptions {
    /// Two articles are copies of one text when the shorter has at least this share of its
    /// words in verbatim passages aligned with the longer: most of it, so that a story that
    /// quotes a few paragraphs of another is not its copy.
    pub min_shared: f32,
    /// ... and the longer at least this share: an update that doubles a wire story is still
    /// that story's family, an article that quotes a short statement in full is not.
    pub min_shared_longer: f32,
    /// An article is a near copy of an earlier one, aligned only through it, when at least
    /// this share of the words of each is in sentences both have unchanged: a reprint with
    /// its own dateline or closing line. Aligning such reprints pair by pair would cost the
    /// square of their number (800 reprints: 319,600 article pairs).
    pub near_copy: f32,
    /// Near copies are aligned through their original only when it has at least this many
    /// (itself included): fewer reprints are aligned pair by pair like any article, as their
    /// pairs are few; from this many on, pairs would grow with the square of their number.
    pub near_copy_min_group: usize,
    /// Two groups of articles are one story when the mean TF-IDF cosine of their articles'
    /// words is at least this. News on one event shares its rare words (names, places,
    /// numbers); different events of one kind (two earthquakes) share fewer: on ECB+'s
    /// articles of odd-numbered topics (86 events, two of one kind per topic), 0.3 with names
    /// and figures weighing three times a word separates them best (adjusted Rand index
    /// 0.85, against 0.81 with plain words at 0.2; 0.86 on the even topics).
    pub story_similarity: f32,
    /// An article the clustering leaves alone joins the story it is most like when its mean
    /// cosine with that story's articles is at least this share of `story_similarity`: a long
    /// feature or transcript on the event, whose own words keep it under the threshold with
    /// every article, is still on that story. On ECB+'s odd topics, 2/3 (0.2 at 0.3) joined
    /// most such articles to their own event (adjusted Rand index of the pairs' clusters 0.810
    /// to 0.824, recall 0.222 to 0.227; on the even topics 0.758 to 0.778 and 0.225 to 0.236);
    /// 0.25 joined fewer, 0.15 and 0.1 no more. 1 joins none.
    pub story_attach: f32,
    /// The stories a reader is shown (`Alignment::stories`) are broader than the events the
    /// paraphrase tier keeps apart: plain word vectors at this cosine, so that a folder about
    /// one news story reads as one story even where its outlets cover two moments of it (a
    /// chief's admission, then the company's reversal). At 0.3 with names weighed three
    /// times, the two real single-story scrapes fell into five and six stories; at 0.2 with
    /// plain words, into two large ones (ECB+ events: adjusted Rand index 0.81, against 0.84).
    pub shown_story_similarity: f32,
    /// How much more a name and a figure weigh than a word in an article's vector: two
    /// events of one kind (two arrests of football players, two quakes) share their words,
    /// and differ in who, where and how many.
    pub story_name_weight: f32,
    pub story_number_weight: f32,
    /// Words in more articles than this are left out of the story index (they weigh little
    /// by IDF and would make the candidate pairs quadratic in a large corpus).
    pub story_max_df: usize,
}

impl Default for FamilyOptions {
    fn default() -> Self {
        FamilyOptions {
            min_shared: 0.6,
            min_shared_longer: 0.3,
            near_copy: 0.85,
            near_copy_min_group: 10,
            story_similarity: 0.3,
            story_attach: 2.0 / 3.0,
            shown_story_similarity: 0.2,
            story_name_weight: 3.0,
            story_number_weight: 3.0,
            story_max_df: 200,
        }
    }
}

/// Fewest words for a text to be a near copy: short texts differ by too little to tell.
const NEAR_COPY_MIN_WORDS: u32 = 40;

/// A sentence found in more aligned articles than this is site furniture, not evidence
/// that one text reprints another.
const NEAR_COPY_MAX_POSTINGS: usize = 64;

/// Copies in a corpus: texts identical to an earlier one, and texts that nearly copy an
/// earlier one. Only the others are aligned.
#[derive(Clone, Debug)]
pub(crate) struct Duplicates {
    /// The articles aligned, in input order.
    pub distinct: Vec<usize>,
    /// Per article, the first article with the same text.
    first: Vec<usize>,
    /// Per first article of a text that nearly copies an aligned article, that article.
    near_of: FxHashMap<usize, usize>,
}

/// A text's distinct sentences as `(hash of its words, word count)`, from the segmentation
/// the aligner made of it (segmenting again took a tenth of the time of a large corpus).
fn sentence_sketch(text: &str, seg: &Segmented) -> Vec<(u64, u32)> {
    use std::hash::Hasher;
    let mut out: Vec<(u64, u32)> = seg
        .sentences
        .iter()
        .filter_map(|s| {
            let mut h = rustc_hash::FxHasher::default();
            let mut words = 0u32;
            for t in &seg.tokens[s.tokens.clone()] {
                if words > 0 {
                    h.write_u32(' ' as u32);
                }
                let word = &text[t.range()];
                if word.is_ascii() {
                    // The same values as below, without decoding and case tables.
                    for b in word.bytes() {
                        h.write_u32(u32::from(b.to_ascii_lowercase()));
                    }
                } else {
                    for c in word.chars().flat_map(char::to_lowercase) {
                        h.write_u32(c as u32);
                    }
                }
                words += 1;
            }
            (words > 0).then(|| (h.finish(), words))
        })
        .collect();
    out.sort_unstable();
    out.dedup_by_key(|s| s.0);
    out
}

impl Duplicates {
    /// The copies among `texts` (analysed as `analyses`), or `None` when there are none.
    pub fn find(
        texts: &[&str],
        analyses: &[Analysis],
        options: &FamilyOptions,
    ) -> Option<Duplicates> {
        let n = texts.len();
        let mut by_text: FxHashMap<&str, usize> = FxHashMap::default();
        let first: Vec<usize> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| *by_text.entry(t).or_insert(i))
            .collect();
        let sketches: Vec<Vec<(u64, u32)>> = (0..n)
            .into_par_iter()
            .map(|i| {
                if first[i] == i {
                    sentence_sketch(texts[i], &analyses[i].seg)
                } else {
                    Vec::new()
                }
            })
            .collect();
        // In input order, each text is compared with the aligned texts before it through an
        // index of their sentences; one that shares nearly all its words with one of them,
        // and that one nearly all of its own, is a near copy and is not indexed.
        let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut totals: Vec<u32> = vec![0; n];
        let mut near_of: FxHashMap<usize, usize> = FxHashMap::default();
        for i in 0..n {
            if first[i] != i {
                continue;
            }
            let sketch = &sketches[i];
            let total: u32 = sketch.iter().map(|s| s.1).sum();
            let mut best: Option<(u32, u32)> = None;
            if total >= NEAR_COPY_MIN_WORDS {
                let mut tally: FxHashMap<u32, u32> = FxHashMap::default();
                for (h, w) in sketch {
                    for &r in index.get(h).map_or(&[][..], |l| &l[..]) {
                        *tally.entry(r).or_insert(0) += w;
                    }
                }
                let enough = |shared: u32, of: u32| shared as f32 >= options.near_copy * of as f32;
                best = tally
                    .into_iter()
                    .filter(|&(r, shared)| {
                        enough(shared, total) && enough(shared, totals[r as usize])
                    })
                    .max_by_key(|&(r, shared)| (shared, std::cmp::Reverse(r)));
            }
            match best {
                Some((r, _)) => {
                    near_of.insert(i, r as usize);
                }
                None => {
                    totals[i] = total;
                    for &(h, _) in sketch {
                        let list = index.entry(h).or_default();
                        if list.len() < NEAR_COPY_MAX_POSTINGS {
                            list.push(i as u32);
                        }
                    }
                }
            }
        }
        let mut group: FxHashMap<usize, usize> = FxHashMap::default();
        for &r in near_of.values() {
            *group.entry(r).or_insert(1) += 1;
        }
        near_of.retain(|_, r| group[r] >= options.near_copy_min_group);
        let distinct: Vec<usize> = (0..n)
            .filter(|&i| first[i] == i && !near_of.contains_key(&i))
            .collect();
        (distinct.len() < n).then_some(Duplicates {
            distinct,
            first,
            near_of,
        })
    }

    /// One text per aligned article, in input order.
    pub fn distinct_texts<'a>(&self, texts: &[&'a str]) -> Vec<&'a str> {
        self.distinct.iter().map(|&i| texts[i]).collect()
    }

    /// The items of the aligned articles, in input order, from one item per article.
    pub fn distinct_of<T>(&self, items: Vec<T>) -> Vec<T> {
        let mut keep = vec![false; items.len()];
        for &i in &self.distinct {
            keep[i] = true;
        }
        items
            .into_iter()
            .zip(keep)
            .filter_map(|(item, k)| k.then_some(item))
            .collect()
    }

    /// The alignment of the whole corpus from that of its aligned articles: passages stay on
    /// those; an identical copy joins its text's family, a near copy its original's (diffed
    /// against the family's reference), both join its story, and a copy's text is unique
    /// only where it adds to the text it copies.
    pub fn expand(&self, inner: Alignment, texts: &[&str]) -> Alignment {
        let n = texts.len();
        let map = |s: Span| Span {
            article: self.distinct[s.article],
            ..s
        };
        // Per first article of a text: every article with that text.
        let mut same: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (article, &f) in self.first.iter().enumerate() {
            same[f].push(article);
        }
        // Per aligned article: the first articles of the texts that nearly copy it.
        let mut near: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut near_list: Vec<(usize, usize)> =
            self.near_of.iter().map(|(&f, &r)| (f, r)).collect();
        near_list.sort_unstable();
        for &(f, r) in &near_list {
            near[r].push(f);
        }
        let lined_up: FxHashMap<usize, (CopyChanges, Vec<LinedUp>)> = near_list
            .par_iter()
            .map(|&(f, r)| (f, diff_sentences(texts[r], texts[f], r, f)))
            .collect();

        let mut copies: Vec<Copies> = Vec::new();
        for &r in &self.distinct {
            if same[r].len() > 1 {
                copies.push(Copies {
                    articles: same[r].clone(),
                    paragraphs: paragraphs(texts[r]),
                    near: None,
                });
            }
        }
        for &(f, r) in &near_list {
            copies.push(Copies {
                articles: same[f].clone(),
                paragraphs: paragraphs(texts[f]),
                near: Some(NearCopy {
                    of: r,
                    sentences: lined_up[&f].1.clone(),
                }),
            });
        }
        copies.sort_by_key(|c| c.articles[0]);

        let pairs = inner
            .pairs
            .into_iter()
            .map(|mut p| {
                p.a = map(p.a);
                p.b = map(p.b);
                // The copied run inside a sentence pair names articles too.
                p.evidence.run = p.evidence.run.map(|(a, b)| (map(a), map(b)));
                p
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

        // Unique text: none in a text with identical copies; none that a near copy repeats;
        // in a near copy with no identical copy, what it adds to its original.
        let mut unique: Vec<Span> = inner
            .unique
            .into_iter()
            .map(map)
            .filter(|s| same[s.article].len() == 1)
            .filter(|s| {
                !near[s.article].iter().any(|f| {
                    lined_up[f]
                        .1
                        .iter()
                        .any(|&(_, there, _)| there.0 < s.end && s.start < there.1)
                })
            })
            .collect();
        for &(f, _) in &near_list {
            if same[f].len() == 1 {
                unique.extend(lined_up[&f].0.added.iter().copied());
            }
        }
        unique.sort_by_key(|s| (s.article, s.start));

        // The articles that stand with aligned article `r`: its identical copies, then each
        // near copy's articles, in input order.
        let with = |r: usize| -> Vec<usize> {
            let mut all: Vec<usize> = same[r].clone();
            for &f in &near[r] {
                all.extend(&same[f]);
            }
            all.sort_unstable();
            all
        };
        let member = |reference: usize, article: usize| -> FamilyMember {
            let f = self.first[article];
            FamilyMember {
                article,
                copy_of: (f != article).then_some(f),
                changes: changes(texts[reference], texts[article], reference, article),
            }
        };

        let mut in_family = vec![false; n];
        let mut families: Vec<Family> = inner
            .families
            .into_iter()
            .map(|f| {
                let reference = self.distinct[f.reference];
                let mut members = Vec::new();
                for m in f.members {
                    let r = self.distinct[m.article];
                    in_family[r] = true;
                    for article in with(r) {
                        if article == r {
                            members.push(FamilyMember {
                                article,
                                copy_of: None,
                                changes: CopyChanges {
                                    added: on(&m.changes.added, article),
                                    dropped: on(&m.changes.dropped, reference),
                                    changed: m
                                        .changes
                                        .changed
                                        .iter()
                                        .map(|c| Change {
                                            reference: Span {
                                                article: reference,
                                                ..c.reference
                                            },
                                            copy: Span { article, ..c.copy },
                                        })
                                        .collect(),
                                    ..m.changes.clone()
                                },
                            });
                        } else {
                            members.push(member(reference, article));
                        }
                    }
                }
                Family {
                    id: 0,
                    reference,
                    members: order_members(members, reference),
                }
            })
            .collect();
        for &r in &self.distinct {
            let all = with(r);
            if all.len() > 1 && !in_family[r] {
                families.push(Family {
                    id: 0,
                    reference: r,
                    members: all.iter().map(|&a| member(r, a)).collect(),
                });
            }
        }
        number_families(&mut families);

        // Stories: copies join the story of the article they copy, or make one with it.
        let mut in_story = vec![false; n];
        let mut stories: Vec<Story> = inner
            .stories
            .into_iter()
            .map(|s| {
                let mut articles: Vec<usize> = Vec::new();
                for d in s.articles {
                    let r = self.distinct[d];
                    in_story[r] = true;
                    articles.extend(with(r));
                }
                articles.sort_unstable();
                Story { id: 0, articles }
            })
            .collect();
        for &r in &self.distinct {
            let all = with(r);
            if all.len() > 1 && !in_story[r] {
                stories.push(Story {
                    id: 0,
                    articles: all,
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
            quotes: Vec::new(),
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

/// How an article's text reaches the aligned article that stands for it.
enum Through<'a> {
    /// The same text (the article itself, or an identical copy).
    Same,
    /// A near copy's sentences.
    Near(&'a [LinedUp]),
}

/// A span of the aligned article `there` moved onto a near copy through its sentences:
/// `None` when the copy has none of it.
fn project(span: (usize, usize), sentences: &[LinedUp]) -> Option<(usize, usize)> {
    let hits: Vec<&LinedUp> = sentences
        .iter()
        .filter(|(_, there, _)| there.0 < span.1 && span.0 < there.1)
        .collect();
    let (first_kind, first_there, first_here) = **hits.first()?;
    let (last_kind, last_there, last_here) = **hits.last()?;
    // Inside an unchanged sentence the offsets hold; a reworded one is taken whole.
    let start = if first_kind == PairKind::Verbatim {
        (first_here.0 + span.0.saturating_sub(first_there.0)).min(first_here.1)
    } else {
        first_here.0
    };
    let end = if last_kind == PairKind::Verbatim {
        last_here
            .1
            .saturating_sub(last_there.1.saturating_sub(span.1))
            .max(last_here.0)
    } else {
        last_here.1
    };
    (start < end).then_some((start, end))
}

/// The pairs between articles `left` and `right` when either is aligned through another
/// article (a copy): it has the passages of that article, moved onto its own text, and two
/// copies of one text are the same text, paragraph for paragraph. `None` when neither is a
/// copy.
pub fn between_copies(
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
    let resolve = |article: usize| -> Option<(usize, Through<'_>, &Copies)> {
        let set = set_of(article)?;
        Some(match &set.near {
            Some(near) => (near.of, Through::Near(&near.sentences), set),
            None => (set.articles[0], Through::Same, set),
        })
    };
    let (l_set, r_set) = (resolve(left), resolve(right));
    if l_set.is_none() && r_set.is_none() {
        return None;
    }
    let (l0, l_way) = l_set
        .as_ref()
        .map_or((left, &Through::Same), |(a, w, _)| (*a, w));
    let (r0, r_way) = r_set
        .as_ref()
        .map_or((right, &Through::Same), |(a, w, _)| (*a, w));
    let span = |article: usize, (start, end): (usize, usize)| Span {
        article,
        start,
        end,
    };
    let pair = |kind: PairKind, score: f32, l: Span, r: Span| {
        let (a, b) = if l.article < r.article {
            (l, r)
        } else {
            (r, l)
        };
        (
            AlignedPair {
                kind,
                score,
                a,
                b,
                evidence: Default::default(),
            },
            l,
            r,
        )
    };
    // Identical texts: paragraph for paragraph.
    if let (Some((_, _, ls)), Some((_, _, rs))) = (&l_set, &r_set) {
        if std::ptr::eq(*ls, *rs) {
            return Some(
                ls.paragraphs
                    .iter()
                    .map(|&p| pair(PairKind::Verbatim, 1.0, span(left, p), span(right, p)))
                    .collect(),
            );
        }
    }
    let mut found: Vec<(AlignedPair, Span, Span)> = Vec::new();
    if l0 == r0 {
        // Both stand for one aligned text: line up their sentences through it.
        let through = |way: &Through| -> Vec<LinedUp> {
            match way {
                Through::Near(s) => s.to_vec(),
                Through::Same => Vec::new(),
            }
        };
        match (l_way, r_way) {
            (Through::Near(s), Through::Same) => {
                for &(kind, there, here) in *s {
                    found.push(pair(kind, 1.0, span(left, here), span(right, there)));
                }
            }
            (Through::Same, Through::Near(s)) => {
                for &(kind, there, here) in *s {
                    found.push(pair(kind, 1.0, span(left, there), span(right, here)));
                }
            }
            _ => {
                let (ls, rs) = (through(l_way), through(r_way));
                for &(lk, there, lh) in &ls {
                    if let Some(&(rk, _, rh)) = rs.iter().find(|(_, t, _)| *t == there) {
                        let kind = if lk == PairKind::Verbatim && rk == PairKind::Verbatim {
                            PairKind::Verbatim
                        } else {
                            PairKind::Paraphrase
                        };
                        found.push(pair(kind, 1.0, span(left, lh), span(right, rh)));
                    }
                }
            }
        }
    } else {
        let onto = |way: &Through, article: usize, s: Span| -> Option<Span> {
            match way {
                Through::Same => Some(Span { article, ..s }),
                Through::Near(sentences) => {
                    project((s.start, s.end), sentences).map(|r| span(article, r))
                }
            }
        };
        for p in &alignment.pairs {
            let Some((l, r)) = p.oriented(l0) else {
                continue;
            };
            if r.article != r0 {
                continue;
            }
            if let (Some(l), Some(r)) = (onto(l_way, left, l), onto(r_way, right, r)) {
                found.push(pair(p.kind, p.score, l, r));
            }
        }
    }
    found.sort_by_key(|(_, l, r)| (l.start, r.start));
    Some(found)
}

/// Copy sets of at most this many articles count as sharing their text with each other in
/// [`copy_links`]; larger ones with their first article only (the links would grow with the
/// square of their number).
const COPY_LINKS_ALL_PAIRS: usize = 64;

/// What copies share, as `(span of one article, the other article, kind)` links, both ways: a copy
/// shares what the article it stands with shares (moved onto its own text), and its text with
/// that article. Pairs list none of this (copies are aligned once), so a measure of how much
/// of each article others have too (the overlap matrix, the reader's marks) adds these links
/// to the pairs'.
pub fn copy_links(alignment: &Alignment) -> Vec<(Span, usize, PairKind)> {
    if alignment.copies.is_empty() {
        return Vec::new();
    }
    let stand_ins: FxHashSet<usize> = alignment
        .copies
        .iter()
        .map(|c| c.near.as_ref().map_or(c.articles[0], |n| n.of))
        .collect();
    let mut pairs_of: FxHashMap<usize, Vec<(Span, Span, PairKind)>> = FxHashMap::default();
    for p in &alignment.pairs {
        for (this, other) in [(p.a, p.b), (p.b, p.a)] {
            if stand_ins.contains(&this.article) {
                pairs_of
                    .entry(this.article)
                    .or_default()
                    .push((this, other, p.kind));
            }
        }
    }
    let mut out: Vec<(Span, usize, PairKind)> = Vec::new();
    let mut link = |a: Span, b: Span, kind: PairKind| {
        out.push((a, b.article, kind));
        out.push((b, a.article, kind));
    };
    for set in &alignment.copies {
        let whole = |article: usize| {
            let start = set.paragraphs.first().map_or(0, |p| p.0);
            let end = set.paragraphs.last().map_or(0, |p| p.1);
            Span {
                article,
                start,
                end,
            }
        };
        match &set.near {
            None => {
                let first = set.articles[0];
                for (k, &m) in set.articles.iter().enumerate().skip(1) {
                    link(whole(m), whole(first), PairKind::Verbatim);
                    if set.articles.len() <= COPY_LINKS_ALL_PAIRS {
                        for &other in &set.articles[1..k] {
                            link(whole(m), whole(other), PairKind::Verbatim);
                        }
                    }
                    for &(this, other, kind) in pairs_of.get(&first).map_or(&[][..], |l| &l[..]) {
                        link(Span { article: m, ..this }, other, kind);
                    }
                }
            }
            Some(near) => {
                for (k, &m) in set.articles.iter().enumerate() {
                    for &(kind, there, here) in &near.sentences {
                        let at = |article: usize, (start, end): (usize, usize)| Span {
                            article,
                            start,
                            end,
                        };
                        link(at(m, here), at(near.of, there), kind);
                    }
                    if set.articles.len() <= COPY_LINKS_ALL_PAIRS {
                        for &other in &set.articles[..k] {
                            link(whole(m), whole(other), PairKind::Verbatim);
                        }
                    }
                    for &(this, other, kind) in pairs_of.get(&near.of).map_or(&[][..], |l| &l[..]) {
                        if let Some((start, end)) = project((this.start, this.end), &near.sentences)
                        {
                            link(
                                Span {
                                    article: m,
                                    start,
                                    end,
                                },
                                other,
                                kind,
                            );
                        }
                    }
                }
            }
        }
    }
    out
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
    diff_sentences(reference, copy, reference_article, copy_article).0
}

/// Sentences of a copy lined up with a reference's: `(kind, range in the reference, range in
/// the copy)`, verbatim when the words are the same, paraphrase when reworded.
type LinedUp = (PairKind, (usize, usize), (usize, usize));

/// [`changes`], and the sentences that line up.
fn diff_sentences(
    reference: &str,
    copy: &str,
    reference_article: usize,
    copy_article: usize,
) -> (CopyChanges, Vec<LinedUp>) {
    let words = word_count(copy);
    let mut out = CopyChanges {
        words,
        ..CopyChanges::default()
    };
    let mut lined: Vec<LinedUp> = Vec::new();
    if reference == copy {
        out.shared_words = words;
        return (out, lined);
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
            for (i, k) in r.zip(c) {
                lined.push((
                    PairKind::Verbatim,
                    (rs[i].start, rs[i].end),
                    (cs[k].start, cs[k].end),
                ));
            }
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
                lined.push((
                    PairKind::Verbatim,
                    (rs[i].start, rs[i].end),
                    (cs[k].start, cs[k].end),
                ));
                continue;
            }
            lined.push((
                PairKind::Paraphrase,
                (rs[i].start, rs[i].end),
                (cs[k].start, cs[k].end),
            ));
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
    lined.sort_by_key(|l| l.2);
    (out, lined)
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
/// Two articles are linked when most of each is covered by the verbatim passages aligned
/// between them (see [`FamilyOptions`]). Families are stars, never chains: the article with the most links
/// takes all its unclaimed partners, then the next, so every member shares most of its text
/// with one article of the family, not through a run of intermediaries.
pub(crate) fn families(
    texts: &[&str],
    analyses: &[Analysis],
    pairs: &[AlignedPair],
    options: &FamilyOptions,
) -> Vec<Family> {
    let mut spans: FxHashMap<(usize, usize), (Vec<(usize, usize)>, Vec<(usize, usize)>)> =
        FxHashMap::default();
    // Copies share their wording: reworded passages say two articles tell one story (see
    // `stories`), not that one is a copy of the other.
    // A verbatim pair shown as two whole sentences counts only its copied run: two
    // rewrites sharing a few words in every sentence are not copies of each other.
    for p in pairs.iter().filter(|p| p.kind == PairKind::Verbatim) {
        let (a, b) = p.evidence.run.unwrap_or((p.a, p.b));
        let entry = spans.entry((p.a.article, p.b.article)).or_default();
        entry.0.push((a.start, a.end));
        entry.1.push((b.start, b.end));
    }
    // The analysis's tokens are the text's words ([`word_count`]), already counted.
    let words: Vec<usize> = analyses.iter().map(|a| a.seg.tokens.len()).collect();
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
    let mut sets: Vec<(usize, Vec<usize>)> = Vec::new();
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
        sets.push((centre, set));
    }
    let mut families: Vec<Family> = sets
        .into_par_iter()
        .map(|(reference, set)| {
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
                members: order_members(members, reference),
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
/// so that one article close to two events does not chain them into one story. With them,
/// what the paraphrase tier needs: which story each article is in, and the linked article
/// pairs inside each story.
#[derive(Clone, Debug, Default)]
pub(crate) struct StoryMap {
    pub stories: Vec<Story>,
    /// Per article, the index in `stories` of its story (`None`: it stands alone).
    pub of: Vec<Option<u32>>,
    /// Article pairs `(a, b, cosine)`, `a < b`, in one story and alike enough to weigh in
    /// its clustering: the pairs whose sentences are worth comparing all against all.
    pub links: Vec<(u32, u32, f32)>,
    /// Per article, whether it joined its story only as an article left alone by the
    /// clustering (see `FamilyOptions::story_attach`).
    pub attached: Vec<bool>,
}

impl StoryMap {
    /// Whether articles `a` and `b` are in one story.
    pub fn same(&self, a: usize, b: usize) -> bool {
        matches!((self.of.get(a), self.of.get(b)), (Some(Some(x)), Some(Some(y))) if x == y)
    }

    pub(crate) fn new(analyses: &[Analysis], options: &FamilyOptions) -> StoryMap {
        let n = analyses.len();
        if n < 2 {
            return StoryMap {
                of: vec![None; n],
                attached: vec![false; n],
                ..StoryMap::default()
            };
        }
        // Per article: each term, its count, and how much it tells one event from another of
        // its kind (a name or a figure more than a word).
        let counts: Vec<Vec<(Term, u32, f32)>> = analyses
            .par_iter()
            .map(|a| {
                let mut terms: Vec<(Term, f32)> = a
                    .units
                    .iter()
                    .filter(|u| u.class != Class::Stop)
                    .map(|u| {
                        let w = match u.class {
                            Class::Name => options.story_name_weight,
                            Class::Number => options.story_number_weight,
                            _ => 1.0,
                        };
                        (u.term, w)
                    })
                    .collect();
                terms.sort_unstable_by_key(|t| t.0);
                let mut out: Vec<(Term, u32, f32)> = Vec::new();
                for (t, w) in terms {
                    match out.last_mut() {
                        Some((last, c, lw)) if *last == t => {
                            *c += 1;
                            *lw = lw.max(w);
                        }
                        _ => out.push((t, 1, w)),
                    }
                }
                out
            })
            .collect();
        let mut df: FxHashMap<Term, u32> = FxHashMap::default();
        for list in &counts {
            for &(t, _, _) in list {
                *df.entry(t).or_insert(0) += 1;
            }
        }
        let vectors: Vec<Vector> = counts
            .par_iter()
            .map(|list| {
                let weight = |t: Term, c: u32, w: f32| {
                    // Smoothed (+1, as scikit-learn's default): a word every article of a
                    // one-story folder uses still makes them alike.
                    let idf = ((n as f32 + 1.0) / (df[&t] as f32 + 1.0)).ln() + 1.0;
                    (1.0 + (c as f32).ln()) * idf * w
                };
                // A word of one article cannot make two articles alike, so it is left out of the
                // vector; but it weighs in the norm (an article of mostly its own words is like
                // no other).
                let norm = list
                    .iter()
                    .map(|&(t, c, w)| weight(t, c, w).powi(2))
                    .sum::<f32>()
                    .sqrt();
                let mut v: Vector = list
                    .iter()
                    .filter(|&&(t, _, _)| df[&t] >= 2)
                    .map(|&(t, c, w)| (t, weight(t, c, w)))
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
        // Per article, the place of its own entry in the postings of each of its words (none
        // for a word left out): the later articles come right after it.
        let mut own: Vec<Vec<u32>> = Vec::with_capacity(n);
        for (doc, v) in vectors.iter().enumerate() {
            let mut places = Vec::with_capacity(v.len());
            for &(t, w) in v {
                if (df[&t] as usize) <= options.story_max_df {
                    let list = postings.entry(t).or_default();
                    places.push(list.len() as u32);
                    list.push((doc as u32, w));
                } else {
                    places.push(u32::MAX);
                }
            }
            own.push(places);
        }
        // Weaker links are left out of the graph: they could not lift a mean to the threshold.
        let floor = options.story_similarity / 4.0;
        let edges: Vec<(u32, u32, f32)> = (0..n)
            .into_par_iter()
            // Per thread: a sum per article, and the articles touched (cleared after use).
            .map_init(
                || (vec![0f32; n], vec![false; n], Vec::<u32>::new()),
                |(acc, seen, touched), doc| {
                    for (&(t, w), &place) in vectors[doc].iter().zip(&own[doc]) {
                        if place == u32::MAX {
                            continue;
                        }
                        let list = &postings[&t];
                        for &(other, w2) in &list[place as usize + 1..] {
                            let o = other as usize;
                            if !seen[o] {
                                seen[o] = true;
                                touched.push(other);
                            }
                            acc[o] += w * w2;
                        }
                    }
                    let mut out: Vec<(u32, u32, f32)> = Vec::new();
                    for &other in touched.iter() {
                        let o = other as usize;
                        if acc[o] >= floor {
                            out.push((doc as u32, other, acc[o]));
                        }
                        acc[o] = 0.0;
                        seen[o] = false;
                    }
                    touched.clear();
                    out.sort_unstable_by_key(|e| e.1);
                    out
                },
            )
            .flatten_iter()
            .collect();
        let mut clusters = average_linkage(n, &edges, options.story_similarity);
        let joined = attach_alone(
            &mut clusters,
            &edges,
            options.story_similarity * options.story_attach,
        );
        let mut attached = vec![false; n];
        for a in joined {
            attached[a] = true;
        }
        let mut stories: Vec<Story> = clusters
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|articles| Story { id: 0, articles })
            .collect();
        number_stories(&mut stories);
        let mut of = vec![None; n];
        for (i, story) in stories.iter().enumerate() {
            for &a in &story.articles {
                of[a] = Some(i as u32);
            }
        }
        let links = edges
            .into_iter()
            .filter(|&(a, b, _)| of[a as usize].is_some() && of[a as usize] == of[b as usize])
            .collect();
        StoryMap {
            stories,
            of,
            links,
            attached,
        }
    }
}

/// Articles that `clusters` (every article in one) leaves alone join the cluster of two or
/// more they are most like, by mean similarity over its articles (absent edges count 0), when
/// that mean is at least `threshold`. Each joins by its own similarity, not through another
/// article joining at once. Clusters stay in input order of their articles. Returns the
/// articles that joined, in order.
fn attach_alone(
    clusters: &mut Vec<Vec<usize>>,
    edges: &[(u32, u32, f32)],
    threshold: f32,
) -> Vec<usize> {
    let n: usize = clusters.iter().map(Vec::len).sum();
    let mut cluster_of = vec![0usize; n];
    for (i, c) in clusters.iter().enumerate() {
        for &a in c {
            cluster_of[a] = i;
        }
    }
    let alone = |a: usize| clusters[cluster_of[a]].len() == 1;
    // Per article alone: the summed similarity to each cluster it has an edge into.
    let mut sums: FxHashMap<usize, FxHashMap<usize, f64>> = FxHashMap::default();
    for &(a, b, s) in edges {
        for (x, y) in [(a as usize, b as usize), (b as usize, a as usize)] {
            if alone(x) && !alone(y) {
                *sums
                    .entry(x)
                    .or_default()
                    .entry(cluster_of[y])
                    .or_insert(0.0) += f64::from(s);
            }
        }
    }
    let mut joins: Vec<(usize, usize)> = sums
        .into_iter()
        .filter_map(|(x, per)| {
            per.into_iter()
                .map(|(c, sum)| ((sum / clusters[c].len() as f64) as f32, c))
                .filter(|&(mean, _)| mean >= threshold)
                // Highest mean; ties to the lowest cluster (deterministic).
                .max_by(|p, q| p.0.total_cmp(&q.0).then(q.1.cmp(&p.1)))
                .map(|(_, c)| (x, c))
        })
        .collect();
    if joins.is_empty() {
        return Vec::new();
    }
    joins.sort_unstable();
    for &(x, c) in &joins {
        clusters[c].push(x);
        clusters[cluster_of[x]].clear();
    }
    clusters.retain(|c| !c.is_empty());
    for c in clusters.iter_mut() {
        c.sort_unstable();
    }
    clusters.sort_unstable_by_key(|m| m[0]);
    joins.into_iter().map(|(x, _)| x).collect()
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
    use super::super::overlap::Overlap;
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

    /// Two rewrites that quote the same release in every sentence but word the rest each
    /// their own way: their sentences pair up (verbatim runs inside them), yet neither is a
    /// copy of the other, so they are no family.
    #[test]
    fn rewrites_sharing_a_run_in_each_sentence_are_no_family() {
        let a = "Late on Tuesday the regional coastguard said that emergency crews evacuated four thousand residents from the low districts of Port Avel before dawn.\n\
            Speaking to reporters in the capital, the mayor added that the harbour authority closed the northern docks until further notice on Wednesday.\n\
            Forecasters at the national weather office warned that the swollen river was expected to crest on Thursday morning near the old bridge.";
        let b = "Rescue services confirmed overnight that emergency crews evacuated four thousand residents from the low districts of Port Avel as the water rose.\n\
            In a short statement published online, officials explained that the harbour authority closed the northern docks until further notice after the surge.\n\
            Residents were told by local radio that the swollen river was expected to crest on Thursday morning, with more rain to come.";
        let alignment = align(&[a, b], &AlignOptions::default());
        let runs = alignment
            .pairs
            .iter()
            .filter(|p| p.kind == PairKind::Verbatim && p.evidence.run.is_some())
            .count();
        assert!(runs >= 2, "{:#?}", alignment.pairs);
        assert!(alignment.families.is_empty(), "{:#?}", alignment.families);
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
        // Each copy shares all its text (the library's Shared column, the matrix).
        let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
        let overlap = Overlap::new(&alignment, &lens);
        for copy in [0, 2, last] {
            assert_eq!(overlap.shared(copy), 1.0, "copy {copy}");
        }
        assert_eq!(overlap.share(last, 0), 1.0);
        assert_eq!(overlap.share(last, 2), if n <= 64 { 1.0 } else { 0.0 });
        assert_eq!(overlap.shared(1), 0.0);
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
        let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
        let overlap = Overlap::new(&alignment, &lens);
        assert!(overlap.share(1, 2) > 0.0);
        assert_eq!(overlap.share(1, 2), overlap.share(0, 2));
        assert_eq!(overlap.share(2, 1), overlap.share(2, 0));
        assert_eq!(overlap.shared(1), 1.0);
    }

    /// The wire story with two more paragraphs.
    fn long_wire() -> String {
        format!(
            "{WIRE}\nInsurers in the capital said it was too early to estimate the damage to the \
             port.\nClaims from the harbour alone could exceed those of the floods three years \
             ago, one broker warned."
        )
    }

    /// A sentence only copy `i` has (a name of its own, so no two copies share it).
    fn aside(i: usize) -> String {
        let name: String = (0..3)
            .map(|k| {
                let c = b"bcdfghklmnprstvz"[(i >> (4 * k)) & 15] as char;
                let v = b"aeiou"[(i >> k) % 5] as char;
                format!("{c}{v}")
            })
            .collect();
        format!("A ferry captain named {name} watched the water rise from the pier.")
    }

    #[test]
    fn near_copies_past_the_verbatim_cap_are_one_family_not_pairs() {
        // Each reprint adds a sentence of its own after the second line.
        let n = 120;
        let mut list: Vec<String> = (0..n)
            .map(|i| {
                long_wire().replacen(".\nThe harbour", &format!(". {}\nThe harbour", aside(i)), 1)
            })
            .collect();
        list.push(OTHER.to_string());
        let texts = texts_of(&list);
        let alignment = align(&texts, &AlignOptions::default());
        assert!(
            alignment.pairs.is_empty(),
            "{} pairs",
            alignment.pairs.len()
        );
        assert_eq!(alignment.families.len(), 1);
        let family = &alignment.families[0];
        assert_eq!(family.members.len(), n);
        // Each reprint words the reference's own sentence its own way; nothing else differs.
        for m in &family.members[1..] {
            assert_eq!(m.copy_of, None);
            let c = &m.changes;
            assert!(c.added.is_empty() && c.dropped.is_empty(), "{c:?}");
            assert_eq!(c.changed.len(), 1);
            let text = |s: &Span| &texts[s.article][s.start..s.end];
            assert_eq!(text(&c.changed[0].copy), aside(m.article));
            assert_eq!(text(&c.changed[0].reference), aside(0));
        }
        assert_eq!(alignment.stories.len(), 1);
        assert_eq!(alignment.stories[0].articles.len(), n);
        // Nothing of a reprint is unique: every sentence has its like in the others.
        assert!(alignment.unique.iter().all(|s| s.article == n));
        let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
        let overlap = Overlap::new(&alignment, &lens);
        for copy in [0, 7, n - 1] {
            assert!(overlap.shared(copy) > 0.95, "{}", overlap.shared(copy));
        }
        assert!(overlap.share(7, 0) > 0.95);
        // Two reprints side by side: their six common sentences line up word for word, and
        // their own sentences as rewordings of each other.
        let shown = alignment.between(7, 90);
        assert_eq!(shown.len(), 7);
        for (pair, l, r) in &shown {
            assert_eq!((l.article, r.article), (7, 90));
            let (l, r) = (&texts[7][l.start..l.end], &texts[90][r.start..r.end]);
            match pair.kind {
                PairKind::Verbatim => assert_eq!(l, r),
                PairKind::Paraphrase => assert_eq!((l, r), (&*aside(7), &*aside(90))),
            }
        }
    }

    #[test]
    fn a_near_copy_shows_the_passages_of_the_text_it_copies() {
        let quoting = "Reports from the south were confused. Emergency crews evacuated four \
            thousand residents from the low districts of Port Avel, a spokesman confirmed. \
            The bank of Morland said nothing.";
        let reprint =
            long_wire().replacen(".\nThe harbour", &format!(". {}\nThe harbour", aside(3)), 1);
        let list = vec![long_wire(), reprint, quoting.to_string()];
        let texts = texts_of(&list);
        // Aligned pair by pair by default, two reprints are aligned once when asked.
        let options = AlignOptions::default();
        let alignment = align(&texts, &options);
        assert!(alignment
            .pairs
            .iter()
            .any(|p| (p.a.article, p.b.article) == (0, 1)));
        let mut options = AlignOptions::default();
        options.family.near_copy_min_group = 2;
        let alignment = align(&texts, &options);
        assert!(alignment
            .pairs
            .iter()
            .all(|p| p.a.article != 1 && p.b.article != 1));
        let from_first = alignment.between(0, 2);
        let from_copy = alignment.between(1, 2);
        assert!(!from_first.is_empty());
        assert_eq!(from_first.len(), from_copy.len());
        for ((_, l0, r0), (_, l1, r1)) in from_first.iter().zip(&from_copy) {
            assert_eq!((l1.article, r1.article), (1, 2));
            assert_eq!(r0, r1);
            assert_eq!(texts[0][l0.start..l0.end], texts[1][l1.start..l1.end]);
        }
        // And the other way round.
        let back = alignment.between(2, 1);
        assert_eq!(back.len(), from_copy.len());
        assert_eq!((back[0].1.article, back[0].2.article), (2, 1));
    }

    #[test]
    fn an_article_left_alone_joins_the_story_it_is_most_like_above_the_bar() {
        // Articles 0-2 and 3-4 are two stories; 5 is like the second on average (0.25), 6
        // like neither enough (0.1), 7 like nothing.
        let edges = [
            (0, 1, 0.6),
            (0, 2, 0.5),
            (1, 2, 0.6),
            (3, 4, 0.7),
            (0, 5, 0.2),
            (3, 5, 0.3),
            (4, 5, 0.2),
            (1, 6, 0.3),
        ];
        let mut clusters = average_linkage(8, &edges, 0.3);
        assert_eq!(
            clusters,
            vec![vec![0, 1, 2], vec![3, 4], vec![5], vec![6], vec![7]]
        );
        assert_eq!(attach_alone(&mut clusters, &edges, 0.2), vec![5]);
        assert_eq!(
            clusters,
            vec![vec![0, 1, 2], vec![3, 4, 5], vec![6], vec![7]]
        );
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
