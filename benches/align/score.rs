//! The truth file, the aligner's output, and how one is scored against the other.
//!
//! A truth pair is *found* when some reported pair joins the same two articles and, on each
//! side, overlaps the truth span by at least half the truth span's bytes while being no longer
//! than three times the truth span plus 200 bytes (so one pair covering two whole articles
//! finds nothing). Recall is per kind of truth pair, whatever kind the reported pair has.
//! A reported pair is *correct* when it overlaps, on both sides, some truth pair of its two
//! articles; precision is given over all reported pairs and over the verbatim ones.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

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
    /// The planted passage both sides come from (truth only).
    #[serde(default)]
    pub group: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    pub a: SideJson,
    pub b: SideJson,
}

/// `truth.json`: what was planted where. Offsets are bytes of the article files, which the
/// cleaner keeps as they are (the runner checks).
#[derive(Debug, Serialize, Deserialize)]
pub struct TruthFile {
    pub generator: String,
    pub seed: u64,
    pub n: usize,
    /// Article ids, index = article number.
    pub articles: Vec<String>,
    pub pairs: Vec<TruthPairJson>,
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
    pub fn pairs(&self) -> Vec<Pair> {
        let ids = self.index();
        let side = |s: &SideJson| Side {
            article: ids[s.article.as_str().expect("truth sides name articles by id")],
            start: s.start,
            end: s.end,
        };
        self.pairs
            .iter()
            .map(|p| Pair {
                kind: p.kind,
                a: side(&p.a),
                b: side(&p.b),
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

    fn overlap(&self, other: &Side) -> usize {
        if self.article != other.article {
            return 0;
        }
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub kind: Kind,
    pub a: Side,
    pub b: Side,
}

/// The aligner's output as pairs with article numbers; `unknown` counts pairs naming an
/// article the truth does not know (they count as wrong).
pub struct Reported {
    pub pairs: Vec<Pair>,
    pub unknown: usize,
}

/// Reads `{"articles":[{"id",...}], "pairs":[{"kind","score","a":{"article","start","end"},
/// "b":{...}}], ...}`.
pub fn parse_output(json: &str, ids: &HashMap<String, usize>) -> Result<Reported, String> {
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
        unknown: 0,
    };
    for p in pairs {
        let p: TruthPairJson =
            serde_json::from_value(p.clone()).map_err(|e| format!("bad pair {p}: {e}"))?;
        let article = |s: &SideJson| -> Option<usize> {
            let id = match &s.article {
                serde_json::Value::String(id) => id.as_str(),
                serde_json::Value::Number(n) => listed.get(n.as_u64()? as usize).copied()?,
                _ => return None,
            };
            ids.get(id).copied()
        };
        match (article(&p.a), article(&p.b)) {
            (Some(a), Some(b)) => out.pairs.push(Pair {
                kind: p.kind,
                a: Side {
                    article: a,
                    start: p.a.start,
                    end: p.a.end,
                },
                b: Side {
                    article: b,
                    start: p.b.start,
                    end: p.b.end,
                },
            }),
            _ => out.unknown += 1,
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
    pub reported: usize,
    pub correct: usize,
    pub reported_verbatim: usize,
    pub correct_verbatim: usize,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl Scores {
    pub fn recall_verbatim(&self) -> Option<f64> {
        ratio(self.found_verbatim, self.truth_verbatim)
    }
    pub fn recall_paraphrase(&self) -> Option<f64> {
        ratio(self.found_paraphrase, self.truth_paraphrase)
    }
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.reported)
    }
    pub fn precision_verbatim(&self) -> Option<f64> {
        ratio(self.correct_verbatim, self.reported_verbatim)
    }
}

/// Orients `r` so that its first side is in `article` (if either is).
fn oriented(r: &Pair, article: usize) -> (Side, Side) {
    if r.a.article == article {
        (r.a, r.b)
    } else {
        (r.b, r.a)
    }
}

pub fn score(truth: &[Pair], reported: &Reported) -> Scores {
    let key = |p: &Pair| (p.a.article.min(p.b.article), p.a.article.max(p.b.article));
    let mut by_articles: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        by_articles.entry(key(t)).or_default().push(i);
    }
    let mut found = vec![false; truth.len()];
    let mut s = Scores {
        reported: reported.pairs.len() + reported.unknown,
        ..Scores::default()
    };
    for r in &reported.pairs {
        let verbatim = r.kind == Kind::Verbatim;
        s.reported_verbatim += verbatim as usize;
        let mut correct = false;
        for &i in by_articles.get(&key(r)).map_or(&[][..], Vec::as_slice) {
            let t = &truth[i];
            let (ra, rb) = oriented(r, t.a.article);
            let (oa, ob) = (ra.overlap(&t.a), rb.overlap(&t.b));
            correct |= oa > 0 && ob > 0;
            let fits = |r: &Side, t: &Side| r.len() <= 3 * t.len() + 200;
            if 2 * oa >= t.a.len() && 2 * ob >= t.b.len() && fits(&ra, &t.a) && fits(&rb, &t.b) {
                found[i] = true;
            }
        }
        s.correct += correct as usize;
        s.correct_verbatim += (correct && verbatim) as usize;
    }
    for (t, f) in truth.iter().zip(&found) {
        match t.kind {
            Kind::Verbatim => {
                s.truth_verbatim += 1;
                s.found_verbatim += *f as usize;
            }
            Kind::Paraphrase => {
                s.truth_paraphrase += 1;
                s.found_paraphrase += *f as usize;
            }
        }
    }
    s
}
