//! Sentence-sized passages: what the tiers found, turned into pairs a reader recognises.
//!
//! The verbatim tier finds copied word runs of any length, the paraphrase tier sentence or
//! clause windows. A reader compares sentences: a copied run becomes the sentences it sits
//! in (the run marked inside when the sentences differ around it), a long copy becomes one
//! pair per paragraph of at most a few sentences, a clause stays a clause only when the
//! rest of its sentence says something else. Within one article pair no sentence is in two
//! passages: overlapping finds are merged when they line up, otherwise the stronger wins.

use super::paraphrase;
use super::terms::Analysis;
use super::verbatim;
use super::{AlignedPair, Evidence, Flag, Flags, PairKind, Span};

/// Most sentences of one side of a passage cut from a longer copy: a passage is a claim or
/// two, not an article (whole-article reuse is a copy family).
const MAX_SENTENCES: usize = 3;

/// Most sentences a side may reach when two overlapping finds are merged.
const MAX_MERGED_SENTENCES: usize = 4;

/// A find on its way to a pair: sentence ranges (end exclusive) on each side, and when a side
/// is a clause, its units.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub kind: PairKind,
    pub score: f32,
    pub a: usize,
    pub b: usize,
    pub a_sentences: (usize, usize),
    pub b_sentences: (usize, usize),
    /// Units of a clause pair's sides (both set or neither).
    pub clause: Option<((usize, usize), (usize, usize))>,
    /// Units of the verbatim run inside the sentences.
    pub run: Option<((usize, usize), (usize, usize))>,
    /// Units of what the tier matched on each side (a run, a sentence or clause window):
    /// two finds in one sentence can both stand, as clauses, when these do not overlap.
    pub units: ((usize, usize), (usize, usize)),
    pub flags: Flags,
}

fn sentence_of(analysis: &Analysis, unit: usize) -> usize {
    analysis.units[unit].sentence as usize
}

/// A long verbatim match cut into passages of whole sentences: a new passage at each new
/// paragraph of either side and after [`MAX_SENTENCES`] sentences; no sentence in two.
pub fn verbatim_pieces(m: &verbatim::Match, analyses: &[Analysis], ngram: usize) -> Vec<Candidate> {
    let (aa, ab) = (&analyses[m.a], &analyses[m.b]);
    let score = m.score();
    let mut out = Vec::new();
    // Current piece: sentence ranges (inclusive) and runs (units, end exclusive).
    struct Piece {
        a: (usize, usize),
        b: (usize, usize),
        run_a: (usize, usize),
        run_b: (usize, usize),
    }
    let mut current: Option<Piece> = None;
    let (mut floor_a, mut floor_b) = (0usize, 0usize);
    let para = |an: &Analysis, s: usize| an.seg.sentences[s].paragraph;
    // Emits the piece unless it is a sliver; whether it did.
    let close = |p: &Piece, out: &mut Vec<Candidate>| {
        // A sliver left over from the previous piece's last seed is part of that copy, not
        // a passage of its own.
        let whole = |an: &Analysis, s: (usize, usize), run: (usize, usize)| {
            run.0 <= an.sentence_units[s.0].0 as usize && run.1 >= an.sentence_units[s.1].1 as usize
        };
        let short = p.run_a.1 - p.run_a.0 < ngram || p.run_b.1 - p.run_b.0 < ngram;
        if short && !(whole(aa, p.a, p.run_a) && whole(ab, p.b, p.run_b)) {
            return false;
        }
        out.push(Candidate {
            kind: PairKind::Verbatim,
            score,
            a: m.a,
            b: m.b,
            a_sentences: (p.a.0, p.a.1 + 1),
            b_sentences: (p.b.0, p.b.1 + 1),
            clause: None,
            run: Some((p.run_a, p.run_b)),
            units: (p.run_a, p.run_b),
            flags: Flags::default(),
        });
        true
    };
    for &(pa, pb) in &m.anchors {
        let (pa, pb) = (pa as usize, pb as usize);
        let ea = (pa + ngram).min(m.a_units.1);
        let eb = (pb + ngram).min(m.b_units.1);
        let (sa0, sa1) = (sentence_of(aa, pa), sentence_of(aa, ea - 1));
        let (sb0, sb1) = (sentence_of(ab, pb), sentence_of(ab, eb - 1));
        // Only what of the seed is past the pieces already made.
        let (sa0, sb0) = (sa0.max(floor_a), sb0.max(floor_b));
        if sa0 > sa1 || sb0 > sb1 {
            continue;
        }
        let pa = pa.max(aa.sentence_units[sa0].0 as usize);
        let pb = pb.max(ab.sentence_units[sb0].0 as usize);
        if let Some(p) = current.as_mut() {
            let a = (p.a.0.min(sa0), p.a.1.max(sa1));
            let b = (p.b.0.min(sb0), p.b.1.max(sb1));
            let same_paragraphs =
                para(aa, a.1) == para(aa, p.a.0) && para(ab, b.1) == para(ab, p.b.0);
            if a.1 - a.0 < MAX_SENTENCES && b.1 - b.0 < MAX_SENTENCES && same_paragraphs {
                p.a = a;
                p.b = b;
                p.run_a = (p.run_a.0.min(pa), p.run_a.1.max(ea));
                p.run_b = (p.run_b.0.min(pb), p.run_b.1.max(eb));
                continue;
            }
            let mut p = current.take().expect("a piece");
            // The seed's words still inside the piece's last sentences belong to it.
            let end_a = aa.sentence_units[p.a.1].1 as usize;
            let end_b = ab.sentence_units[p.b.1].1 as usize;
            if pa < end_a && pb < end_b {
                p.run_a.1 = p.run_a.1.max(ea.min(end_a));
                p.run_b.1 = p.run_b.1.max(eb.min(end_b));
            }
            // A sliver dropped leaves its sentences to the next piece.
            if close(&p, &mut out) {
                floor_a = p.a.1 + 1;
                floor_b = p.b.1 + 1;
            }
        }
        // Start a new piece with what of this seed is past the pieces before.
        let (sa0, sb0) = (sa0.max(floor_a), sb0.max(floor_b));
        if sa0 > sa1 || sb0 > sb1 {
            continue;
        }
        // Unit bounds of the sentences the new piece may use.
        let first_a = (aa.sentence_units[sa0].0 as usize).max(pa);
        let first_b = (ab.sentence_units[sb0].0 as usize).max(pb);
        // The seed's sentences on each side, within the paragraph it starts in.
        let (sa0, sb0) = (sentence_of(aa, first_a), sentence_of(ab, first_b));
        let within = |an: &Analysis, s0: usize, s1: usize| {
            (s0..=s1.max(s0))
                .take_while(|&s| para(an, s) == para(an, s0))
                .last()
                .unwrap_or(s0)
        };
        let (sa1, sb1) = (within(aa, sa0, sa1), within(ab, sb0, sb1));
        let end_a = ea.min(aa.sentence_units[sa1].1 as usize).max(first_a);
        let end_b = eb.min(ab.sentence_units[sb1].1 as usize).max(first_b);
        current = Some(Piece {
            a: (sa0, sa1),
            b: (sb0, sb1),
            run_a: (first_a, end_a),
            run_b: (first_b, end_b),
        });
    }
    if let Some(p) = current {
        close(&p, &mut out);
    }
    out
}

/// A paraphrase match as a candidate: whole sentences unless the tier kept a clause.
pub fn paraphrase_candidate(m: &paraphrase::Match, analyses: &[Analysis]) -> Candidate {
    let (aa, ab) = (&analyses[m.a], &analyses[m.b]);
    let a_sentences = (
        sentence_of(aa, m.a_units.0),
        sentence_of(aa, m.a_units.1 - 1) + 1,
    );
    let b_sentences = (
        sentence_of(ab, m.b_units.0),
        sentence_of(ab, m.b_units.1 - 1) + 1,
    );
    Candidate {
        kind: PairKind::Paraphrase,
        score: m.score.min(1.0),
        a: m.a,
        b: m.b,
        a_sentences,
        b_sentences,
        clause: m.flags.has(Flag::Clause).then_some((m.a_units, m.b_units)),
        run: None,
        units: (m.a_units, m.b_units),
        flags: m.flags,
    }
}

fn touches(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 <= y.1 && y.0 <= x.1
}

fn intersects(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 < y.1 && y.0 < x.1
}

fn union(x: (usize, usize), y: (usize, usize)) -> (usize, usize) {
    (x.0.min(y.0), x.1.max(y.1))
}

/// Within each article pair, one passage per sentence: candidates taken strongest first
/// (verbatim before paraphrase), a candidate overlapping one taken merged into it when the
/// two line up on both sides, dropped otherwise.
pub fn one_per_sentence(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let copied = |c: &Candidate| match c.run {
        Some((a, b)) => (a.1 - a.0).min(b.1 - b.0),
        None => 0,
    };
    candidates.sort_by(|x, y| {
        (x.a, x.b)
            .cmp(&(y.a, y.b))
            .then((x.kind != PairKind::Verbatim).cmp(&(y.kind != PairKind::Verbatim)))
            // Of two copies of one sentence, the one sharing more words.
            .then(copied(y).cmp(&copied(x)))
            .then(y.score.total_cmp(&x.score))
            .then((x.a_sentences, x.b_sentences).cmp(&(y.a_sentences, y.b_sentences)))
    });
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut pair_start = 0;
    for c in candidates {
        if out
            .get(pair_start)
            .is_some_and(|first| (first.a, first.b) != (c.a, c.b))
        {
            pair_start = out.len();
        }
        let taken = &mut out[pair_start..];
        let clashes: Vec<usize> = taken
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                intersects(t.a_sentences, c.a_sentences) || intersects(t.b_sentences, c.b_sentences)
            })
            .map(|(i, _)| i)
            .collect();
        match clashes.as_slice() {
            [] => out.push(c),
            [i] => {
                let a = union(taken[*i].a_sentences, c.a_sentences);
                let b = union(taken[*i].b_sentences, c.b_sentences);
                // A merge must not reach a passage taken before (a clause of one sentence).
                let reaches_another = taken.iter().enumerate().any(|(k, o)| {
                    k != *i && (intersects(o.a_sentences, a) || intersects(o.b_sentences, b))
                });
                let t = &mut taken[*i];
                let in_step =
                    touches(t.a_sentences, c.a_sentences) && touches(t.b_sentences, c.b_sentences);
                // Two clauses of one sentence pair are that sentence pair.
                let same = a == t.a_sentences && b == t.b_sentences;
                // Pieces of copies are already cut where they should be.
                let copies = t.kind == PairKind::Verbatim && c.kind == PairKind::Verbatim;
                if in_step
                    && !copies
                    && !reaches_another
                    && a.1 - a.0 <= MAX_MERGED_SENTENCES
                    && b.1 - b.0 <= MAX_MERGED_SENTENCES
                    && (!same || t.clause.is_some())
                {
                    t.a_sentences = a;
                    t.b_sentences = b;
                    t.clause = None;
                    t.flags = t.flags.union(c.flags);
                    t.run = t.run.or(c.run);
                } else if apart(t, &c) {
                    // Two claims of one long sentence, each matched elsewhere: two clauses.
                    t.clause = Some(t.units);
                    let mut c = c;
                    c.clause = Some(c.units);
                    out.push(c);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether two finds that share a sentence match different parts of it (and the sentences
/// they share hold more than either part).
fn apart(t: &Candidate, c: &Candidate) -> bool {
    let side = |ts: (usize, usize), cs: (usize, usize), tu: (usize, usize), cu: (usize, usize)| {
        !intersects(ts, cs) || (ts == cs && !intersects(tu, cu))
    };
    side(t.a_sentences, c.a_sentences, t.units.0, c.units.0)
        && side(t.b_sentences, c.b_sentences, t.units.1, c.units.1)
}

/// Byte span of sentences `s.0..s.1` of an article.
fn sentence_span(article: usize, analysis: &Analysis, s: (usize, usize)) -> Span {
    Span {
        article,
        start: analysis.seg.sentences[s.0].start,
        end: analysis.seg.sentences[s.1 - 1].end,
    }
}

/// Byte span of units `first..end`, widened to its sentence's edges when it starts or ends
/// within two words of them (quotes and full stops come along).
pub fn snap(article: usize, analysis: &Analysis, first: usize, end: usize) -> Span {
    let (mut start, mut stop) = analysis.unit_bytes(first, end);
    let units = &analysis.units;
    let s_first = units[first].sentence as usize;
    let (u0, _) = analysis.sentence_units[s_first];
    if first - u0 as usize <= 2 {
        start = analysis.seg.sentences[s_first].start;
    }
    let s_last = units[end - 1].sentence as usize;
    let (_, u1) = analysis.sentence_units[s_last];
    if u1 as usize - end <= 2 {
        stop = analysis.seg.sentences[s_last].end;
    }
    Span {
        article,
        start,
        end: stop,
    }
}

/// The pair a reader sees: whole sentences (or the kept clause), with a verbatim run marked
/// when the sentences differ around it.
pub fn to_pair(c: &Candidate, analyses: &[Analysis]) -> AlignedPair {
    let (aa, ab) = (&analyses[c.a], &analyses[c.b]);
    let (a, b) = match c.clause {
        Some((ua, ub)) => (snap(c.a, aa, ua.0, ua.1), snap(c.b, ab, ub.0, ub.1)),
        None => (
            sentence_span(c.a, aa, c.a_sentences),
            sentence_span(c.b, ab, c.b_sentences),
        ),
    };
    let mut flags = c.flags;
    if c.clause.is_some() {
        flags.set(Flag::Clause);
    }
    let mut run = None;
    if let Some((ra, rb)) = c.run {
        let (ra_span, rb_span) = (snap(c.a, aa, ra.0, ra.1), snap(c.b, ab, rb.0, rb.1));
        let clipped = |r: Span, side: Span| Span {
            article: r.article,
            start: r.start.max(side.start),
            end: r.end.min(side.end),
        };
        let (ra_span, rb_span) = (clipped(ra_span, a), clipped(rb_span, b));
        if ra_span != a || rb_span != b {
            flags.set(Flag::Run);
            run = Some((ra_span, rb_span));
        }
    }
    AlignedPair {
        kind: c.kind,
        score: c.score,
        a,
        b,
        evidence: Evidence { flags, run },
    }
}

/// Sentence-sized pairs of the corpus from the two tiers' finds.
pub fn pairs(
    analyses: &[Analysis],
    verbatim: &[verbatim::Match],
    ngram: usize,
    reworded: &[paraphrase::Match],
) -> Vec<AlignedPair> {
    let mut candidates: Vec<Candidate> = verbatim
        .iter()
        .flat_map(|m| verbatim_pieces(m, analyses, ngram))
        .collect();
    candidates.extend(reworded.iter().map(|m| paraphrase_candidate(m, analyses)));
    let kept = one_per_sentence(candidates);
    kept.iter().map(|c| to_pair(c, analyses)).collect()
}
