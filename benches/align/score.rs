//! The truth file, the aligner's output, and how one is scored against the other.
//!
//! A truth pair is a planted passage in two articles, cut into *units*: the sentences that
//! stand for one another on the two sides (a copy of three sentences has three units; a
//! paraphrase or an MSRP pair has one). Reported pairs are matched to truth one to one:
//!
//! - A reported pair *can* match a run of units of a truth pair of the same two articles when,
//!   on each side, it covers at least half of every unit of the run (the run: the units it
//!   covers so on both sides, which must follow one another), and each reported side is no
//!   longer than twice the run's side plus [`SLACK`] bytes (so a pair spanning two whole
//!   articles, or a sentence and its neighbours, matches nothing). A unit touched by less
//!   than half only makes the reported side longer.
//! - Matching is greedy by covered bytes: each reported pair takes at most one run, each unit
//!   is taken by at most one reported pair. A second pair over the same sentences, a pair
//!   touching a truth by one byte, a pair of the right articles at the wrong place: all wrong.
//! - A truth pair is *found* when the units its matched pairs took cover at least half of each
//!   side. A copy reported sentence by sentence is found as well as one reported whole.
//!
//! Precision is given per reported kind: a verbatim pair is right when it matches a copy; a
//! paraphrase pair when it matches any planted pair (an edited copy is a fair paraphrase).
//! A verbatim pair matched to a paraphrase is counted apart (`verbatim_on_paraphrase`): right
//! in the all-kinds precision, wrong in the verbatim one, unless the paraphrase's two
//! sentences share a word-for-word run of at least [`MIN_SHARED_RUN`] words (the rewrite kept
//! a clause as it was): the aligner reports such a sentence pair as verbatim with the run
//! marked, which is right (`verbatim_on_run`, counted in `correct_verbatim`). Truth pairs people labelled "not a
//! paraphrase" (MSRP label 0) are never found; a reported pair matched to one is counted
//! apart, so that precision can be given both ways.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A reported side may be this many bytes longer than twice the truth it matches (a few
/// words of attribution or punctuation).
pub const SLACK: usize = 24;

/// Fewest words of a run shared word for word (small edits allowed, as in a planted copy)
/// by the two sides of a planted paraphrase for a verbatim pair on it to be right: the
/// aligner's smallest verbatim passage.
pub const MIN_SHARED_RUN: usize = 8;

/// Words (case folded, edge punctuation trimmed) shared in order by the best stretch the two
/// texts have in common, allowing an edited, inserted or dropped word where more than three
/// matching words pay for it (a local alignment: +1 a match, -3 an edit).
pub fn longest_shared_run(a: &str, b: &str) -> usize {
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    // (score, matched words) of the best stretch ending at each cell.
    let mut best = (0i32, 0usize);
    let mut prev = vec![(0i32, 0usize); b.len() + 1];
    for x in &a {
        let mut row = vec![(0i32, 0usize); b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            let diagonal = if x == y {
                (prev[j].0 + 1, prev[j].1 + 1)
            } else {
                (prev[j].0 - 3, prev[j].1)
            };
            let up = (prev[j + 1].0 - 3, prev[j + 1].1);
            let left = (row[j].0 - 3, row[j].1);
            let cell = [diagonal, up, left]
                .into_iter()
                .max_by_key(|c| c.0)
                .filter(|c| c.0 > 0)
                .unwrap_or((0, 0));
            row[j + 1] = cell;
            if cell.0 > best.0 || (cell.0 == best.0 && cell.1 > best.1) {
                best = cell;
            }
        }
        prev = row;
    }
    best.1
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Verbatim,
    Paraphrase,
}

/// One side of a pair as JSON: `crossread passages --json` writes the same shape.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SideJson {
    /// The article id (file stem); the aligner's output may give an index into its
    /// `articles` instead.
    pub article: serde_json::Value,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TruthPairJson {
    pub kind: Kind,
    /// The planted passage both sides come from.
    #[serde(default)]
    pub group: u32,
    /// False for a pair people judged not to be a paraphrase (MSRP label 0).
    #[serde(default = "yes")]
    pub positive: bool,
    pub a: SideJson,
    pub b: SideJson,
    /// The units: byte ranges `[a_start, a_end, b_start, b_end]`, in order; empty means one
    /// unit, the whole pair.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<[usize; 4]>,
}

fn yes() -> bool {
    true
}

/// `truth.json`: what was planted where. Offsets are bytes of the article files.
#[derive(Debug, Serialize, Deserialize)]
pub struct TruthFile {
    pub generator: String,
    pub seed: u64,
    pub n: usize,
    /// Article ids, index = article number.
    pub articles: Vec<String>,
    pub pairs: Vec<TruthPairJson>,
    /// The story each article tells (synthetic corpora), by article number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<usize>,
    #[serde(default)]
    pub stats: serde_json::Value,
}

impl TruthFile {
    pub fn read(path: &std::path::Path) -> Result<TruthFile, String> {
        let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_reader(std::io::BufReader::new(f))
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn index(&self) -> HashMap<String, usize> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect()
    }

    /// The truth pairs with article numbers.
    pub fn truths(&self) -> Vec<Truth> {
        let ids = self.index();
        let side = |s: &SideJson| Side {
            article: ids[s.article.as_str().expect("truth sides name articles by id")],
            start: s.start,
            end: s.end,
        };
        self.pairs
            .iter()
            .map(|p| {
                let (a, b) = (side(&p.a), side(&p.b));
                let units = if p.units.is_empty() {
                    vec![(a, b)]
                } else {
                    p.units
                        .iter()
                        .map(|u| {
                            (
                                Side {
                                    start: u[0],
                                    end: u[1],
                                    ..a
                                },
                                Side {
                                    start: u[2],
                                    end: u[3],
                                    ..b
                                },
                            )
                        })
                        .collect()
                };
                Truth {
                    kind: p.kind,
                    positive: p.positive,
                    a,
                    b,
                    units,
                }
            })
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side {
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

impl Side {
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn overlap(&self, other: &Side) -> usize {
        if self.article != other.article {
            return 0;
        }
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// A reported pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub kind: Kind,
    pub a: Side,
    pub b: Side,
}

/// A planted pair with its units (side a's unit k stands for side b's unit k).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Truth {
    pub kind: Kind,
    pub positive: bool,
    pub a: Side,
    pub b: Side,
    pub units: Vec<(Side, Side)>,
}

/// The aligner's output as pairs with article numbers; `unknown` counts pairs naming an
/// article the truth does not know, by kind (they count as wrong); `other_kinds` names kinds
/// other than "verbatim" and "paraphrase" (scored as paraphrase).
#[derive(Default)]
pub struct Reported {
    pub pairs: Vec<Pair>,
    pub unknown: [usize; 2],
    pub other_kinds: Vec<String>,
}

/// Reads `{"articles":[{"id",...}], "pairs":[{"kind","a":{"article","start","end"},
/// "b":{...}}], ...}`. When `texts` (the article files, by article number) is given, a side
/// whose `text` is not at its offsets in the file is looked up by its text (the cleaner may
/// have moved it); `moved` counts those.
pub fn parse_output(
    json: &str,
    ids: &HashMap<String, usize>,
    texts: Option<&[String]>,
    moved: &mut usize,
) -> Result<Reported, String> {
    let v: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("output is not JSON: {e}"))?;
    let listed: Vec<&str> = v["articles"]
        .as_array()
        .map(|a| a.iter().map(|x| x["id"].as_str().unwrap_or("")).collect())
        .unwrap_or_default();
    let pairs = v["pairs"]
        .as_array()
        .ok_or("output has no \"pairs\" array")?;
    let mut out = Reported {
        pairs: Vec::with_capacity(pairs.len()),
        ..Reported::default()
    };
    for p in pairs {
        let kind = match p["kind"].as_str() {
            Some("verbatim") => Kind::Verbatim,
            Some("paraphrase") => Kind::Paraphrase,
            other => {
                let name = other.unwrap_or("(none)").to_string();
                if !out.other_kinds.contains(&name) {
                    out.other_kinds.push(name);
                }
                Kind::Paraphrase
            }
        };
        let side = |s: &serde_json::Value, moved: &mut usize| -> Option<Side> {
            let id = match &s["article"] {
                serde_json::Value::String(id) => id.as_str(),
                serde_json::Value::Number(n) => listed.get(n.as_u64()? as usize).copied()?,
                _ => return None,
            };
            let article = *ids.get(id)?;
            let (mut start, mut end) = (s["start"].as_u64()? as usize, s["end"].as_u64()? as usize);
            if let (Some(texts), Some(want)) = (texts, s["text"].as_str()) {
                let text = &texts[article];
                if text.get(start..end) != Some(want) && !want.is_empty() {
                    if let Some(at) = text.find(want) {
                        *moved += 1;
                        (start, end) = (at, at + want.len());
                    }
                }
            }
            Some(Side {
                article,
                start,
                end,
            })
        };
        match (side(&p["a"], moved), side(&p["b"], moved)) {
            (Some(a), Some(b)) => out.pairs.push(Pair { kind, a, b }),
            _ => out.unknown[kind as usize] += 1,
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub truth_verbatim: usize,
    pub found_verbatim: usize,
    pub truth_paraphrase: usize,
    pub found_paraphrase: usize,
    /// Truth pairs labelled "not a paraphrase", and how many of them a pair matched.
    pub truth_negative: usize,
    pub aligned_negative: usize,
    pub reported_verbatim: usize,
    /// Verbatim pairs matched to a copy.
    pub correct_verbatim: usize,
    /// Verbatim pairs matched to a (positive) paraphrase.
    pub verbatim_on_paraphrase: usize,
    /// Verbatim pairs matched to a paraphrase whose sides share a run of
    /// [`MIN_SHARED_RUN`] words (counted in `correct_verbatim` too).
    pub verbatim_on_run: usize,
    pub reported_paraphrase: usize,
    /// Paraphrase pairs matched to any positive truth pair.
    pub correct_paraphrase: usize,
    /// ... of which to a copy.
    pub paraphrase_on_copy: usize,
    /// Reported pairs (either kind) matched to a pair labelled "not a paraphrase".
    pub on_negative: [usize; 2],
    /// Wrong pairs by kind, and why they may have been made: they overlap a planted pair on
    /// both sides yet cover too little of it (or too much around it, or it was taken), a side
    /// is a stock sentence, the two articles tell one story, or none of these.
    pub wrong_partial: [usize; 2],
    pub wrong_stock: [usize; 2],
    pub wrong_story: [usize; 2],
    pub wrong_other: [usize; 2],
}

pub fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl Scores {
    pub fn recall_verbatim(&self) -> Option<f64> {
        ratio(self.found_verbatim, self.truth_verbatim)
    }
    pub fn recall_paraphrase(&self) -> Option<f64> {
        ratio(self.found_paraphrase, self.truth_paraphrase)
    }
    pub fn precision_verbatim(&self) -> Option<f64> {
        ratio(self.correct_verbatim, self.reported_verbatim)
    }
    pub fn precision_paraphrase(&self) -> Option<f64> {
        ratio(self.correct_paraphrase, self.reported_paraphrase)
    }
    pub fn reported(&self) -> usize {
        self.reported_verbatim + self.reported_paraphrase
    }
    /// Pairs of either kind matched to a positive truth pair of either kind.
    pub fn correct_any(&self) -> usize {
        self.correct_verbatim + self.verbatim_on_paraphrase + self.correct_paraphrase
    }
    /// Precision over all pairs, pairs on "not a paraphrase" truth counted wrong.
    pub fn precision_any(&self) -> Option<f64> {
        ratio(self.correct_any(), self.reported())
    }
    /// Precision over all pairs, pairs on "not a paraphrase" truth left out.
    pub fn precision_any_apart(&self) -> Option<f64> {
        ratio(
            self.correct_any(),
            self.reported() - self.on_negative[0] - self.on_negative[1],
        )
    }

    /// Sums the counts of two runs (several corpora of one size).
    pub fn add(&mut self, o: &Scores) {
        self.truth_verbatim += o.truth_verbatim;
        self.found_verbatim += o.found_verbatim;
        self.truth_paraphrase += o.truth_paraphrase;
        self.found_paraphrase += o.found_paraphrase;
        self.truth_negative += o.truth_negative;
        self.aligned_negative += o.aligned_negative;
        self.reported_verbatim += o.reported_verbatim;
        self.correct_verbatim += o.correct_verbatim;
        self.verbatim_on_paraphrase += o.verbatim_on_paraphrase;
        self.verbatim_on_run += o.verbatim_on_run;
        self.reported_paraphrase += o.reported_paraphrase;
        self.correct_paraphrase += o.correct_paraphrase;
        self.paraphrase_on_copy += o.paraphrase_on_copy;
        for k in 0..2 {
            self.on_negative[k] += o.on_negative[k];
            self.wrong_partial[k] += o.wrong_partial[k];
            self.wrong_stock[k] += o.wrong_stock[k];
            self.wrong_story[k] += o.wrong_story[k];
            self.wrong_other[k] += o.wrong_other[k];
        }
    }
}

/// A possible match: reported pair `r` takes units `lo..=hi` of truth `t`, covering `weight`
/// bytes of them.
struct Edge {
    r: usize,
    t: usize,
    lo: usize,
    hi: usize,
    weight: usize,
}

/// The run of `t`'s units that `(ra, rb)` (oriented as `t`) may take, with the bytes covered.
fn candidate(ra: &Side, rb: &Side, t: &Truth) -> Option<(usize, usize, usize)> {
    let half = |ov: usize, len: usize| 2 * ov >= len && len > 0;
    let covered =
        |(ua, ub): &(Side, Side)| half(ra.overlap(ua), ua.len()) && half(rb.overlap(ub), ub.len());
    // The units at least half covered on both sides, which must be one run; a unit touched
    // less than that only makes the reported side longer.
    let lo = t.units.iter().position(covered)?;
    let hi = t.units.iter().rposition(covered)?;
    if !t.units[lo..=hi].iter().all(covered) {
        return None;
    }
    let seg_a = Side {
        start: t.units[lo].0.start,
        end: t.units[hi].0.end,
        ..t.a
    };
    let seg_b = Side {
        start: t.units[lo].1.start,
        end: t.units[hi].1.end,
        ..t.b
    };
    let (oa, ob) = (ra.overlap(&seg_a), rb.overlap(&seg_b));
    let fits = |r: &Side, s: &Side| r.len() <= 2 * s.len() + SLACK;
    (half(oa, seg_a.len()) && half(ob, seg_b.len()) && fits(ra, &seg_a) && fits(rb, &seg_b))
        .then_some((lo, hi, oa + ob))
}

/// For each reported pair, the truth pair and units it was matched to (one to one).
pub fn matching(truth: &[Truth], reported: &[Pair]) -> Vec<Option<(usize, usize, usize)>> {
    let key = |a: usize, b: usize| (a.min(b), a.max(b));
    let mut by_articles: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        by_articles
            .entry(key(t.a.article, t.b.article))
            .or_default()
            .push(i);
    }
    let mut edges = Vec::new();
    for (ri, r) in reported.iter().enumerate() {
        for &ti in by_articles
            .get(&key(r.a.article, r.b.article))
            .map_or(&[][..], Vec::as_slice)
        {
            let t = &truth[ti];
            let (ra, rb) = if r.a.article == t.a.article {
                (r.a, r.b)
            } else {
                (r.b, r.a)
            };
            if let Some((lo, hi, weight)) = candidate(&ra, &rb, t) {
                edges.push(Edge {
                    r: ri,
                    t: ti,
                    lo,
                    hi,
                    weight,
                });
            }
        }
    }
    // Greedy, largest cover first; ties by order, so the result is deterministic.
    edges.sort_by(|x, y| {
        y.weight
            .cmp(&x.weight)
            .then(x.r.cmp(&y.r))
            .then(x.t.cmp(&y.t))
    });
    let mut taken: Vec<Vec<bool>> = truth.iter().map(|t| vec![false; t.units.len()]).collect();
    let mut out = vec![None; reported.len()];
    for e in edges {
        if out[e.r].is_some() || taken[e.t][e.lo..=e.hi].iter().any(|&x| x) {
            continue;
        }
        taken[e.t][e.lo..=e.hi].fill(true);
        out[e.r] = Some((e.t, e.lo, e.hi));
    }
    out
}

/// What the scorer knows of a corpus beyond its truth pairs, to say why wrong pairs were made.
#[derive(Default)]
pub struct Context<'a> {
    /// The story of each article; empty if unknown.
    pub stories: &'a [usize],
    /// The article files, to tell stock sentences; empty if unknown.
    pub texts: &'a [String],
    /// Tells whether a text is a stock sentence.
    pub is_stock: Option<&'a dyn Fn(&str) -> bool>,
}

/// With `CROSSREAD_BENCH_WRONG=FILE`, appends each wrong pair (why, kind, both texts) to
/// FILE, one per line, for reading by hand.
fn dump_wrong<'t>(r: &Pair, why: &str, text: &dyn Fn(&Side) -> Option<&'t str>) {
    let Some(path) = std::env::var_os("CROSSREAD_BENCH_WRONG") else {
        return;
    };
    use std::io::Write;
    let flat = |x: &Side| text(x).unwrap_or("?").replace(['\n', '\t'], " ");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(
            f,
            "{why}\t{:?}\t{}\t{}\t{}\t{}",
            r.kind,
            r.a.article,
            r.b.article,
            flat(&r.a),
            flat(&r.b)
        );
    }
}

pub fn score(truth: &[Truth], reported: &Reported) -> Scores {
    score_in(truth, reported, &Context::default())
}

pub fn score_in(truth: &[Truth], reported: &Reported, cx: &Context) -> Scores {
    let matched = matching(truth, &reported.pairs);
    let mut by_articles: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        let (a, b) = (t.a.article, t.b.article);
        by_articles.entry((a.min(b), a.max(b))).or_default().push(i);
    }
    let mut s = Scores {
        reported_verbatim: reported.unknown[Kind::Verbatim as usize],
        reported_paraphrase: reported.unknown[Kind::Paraphrase as usize],
        ..Scores::default()
    };
    // Per truth pair: bytes of its units taken, on each side.
    let mut taken = vec![(0usize, 0usize); truth.len()];
    for (r, m) in reported.pairs.iter().zip(&matched) {
        let verbatim = r.kind == Kind::Verbatim;
        if verbatim {
            s.reported_verbatim += 1;
        } else {
            s.reported_paraphrase += 1;
        }
        let Some((ti, lo, hi)) = *m else {
            let k = r.kind as usize;
            let text = |x: &Side| cx.texts.get(x.article).and_then(|t| t.get(x.start..x.end));
            let stock = cx
                .is_stock
                .is_some_and(|f| [&r.a, &r.b].iter().any(|x| text(x).is_some_and(|t| f(t))));
            let story = |i: usize| cx.stories.get(i);
            let key = (r.a.article.min(r.b.article), r.a.article.max(r.b.article));
            let partial = by_articles.get(&key).is_some_and(|ts| {
                ts.iter().any(|&ti| {
                    let t = &truth[ti];
                    let (ra, rb) = if r.a.article == t.a.article {
                        (r.a, r.b)
                    } else {
                        (r.b, r.a)
                    };
                    ra.overlap(&t.a) > 0 && rb.overlap(&t.b) > 0
                })
            });
            let why = if partial {
                "partial"
            } else if stock {
                "stock"
            } else if story(r.a.article).is_some() && story(r.a.article) == story(r.b.article) {
                "story"
            } else {
                "other"
            };
            dump_wrong(r, why, &text);
            if partial {
                s.wrong_partial[k] += 1;
            } else if stock {
                s.wrong_stock[k] += 1;
            } else if story(r.a.article).is_some() && story(r.a.article) == story(r.b.article) {
                s.wrong_story[k] += 1;
            } else {
                s.wrong_other[k] += 1;
            }
            continue;
        };
        let t = &truth[ti];
        for (ua, ub) in &t.units[lo..=hi] {
            taken[ti].0 += ua.len();
            taken[ti].1 += ub.len();
        }
        match (t.positive, verbatim, t.kind) {
            (false, _, _) => s.on_negative[r.kind as usize] += 1,
            (true, true, Kind::Verbatim) => s.correct_verbatim += 1,
            (true, true, Kind::Paraphrase) => {
                let text = |x: &Side| cx.texts.get(x.article).and_then(|t| t.get(x.start..x.end));
                let shared = match (text(&t.a), text(&t.b)) {
                    (Some(a), Some(b)) => longest_shared_run(a, b),
                    _ => 0,
                };
                if shared >= MIN_SHARED_RUN {
                    s.correct_verbatim += 1;
                    s.verbatim_on_run += 1;
                } else {
                    s.verbatim_on_paraphrase += 1;
                }
            }
            (true, false, k) => {
                s.correct_paraphrase += 1;
                s.paraphrase_on_copy += (k == Kind::Verbatim) as usize;
            }
        }
    }
    for (t, &(ta, tb)) in truth.iter().zip(&taken) {
        let found = 2 * ta >= t.a.len() && 2 * tb >= t.b.len() && ta > 0;
        match (t.positive, t.kind) {
            (false, _) => {
                s.truth_negative += 1;
                s.aligned_negative += found as usize;
            }
            (true, Kind::Verbatim) => {
                s.truth_verbatim += 1;
                s.found_verbatim += found as usize;
            }
            (true, Kind::Paraphrase) => {
                s.truth_paraphrase += 1;
                s.found_paraphrase += found as usize;
            }
        }
    }
    s
}
