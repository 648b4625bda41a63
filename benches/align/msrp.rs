//! MSRP pairs planted in articles: paraphrase recall and precision on real news sentences.
//!
//! `../shared/eval/msrp-train.tsv` (the Microsoft Research Paraphrase Corpus, training part:
//! sentence pairs from news, labelled by people 1 = paraphrase, 0 = not) is split by data row
//! (header excluded): rows 1..=1837 are the TUNE half (thresholds may be tuned on it), rows
//! 1838..=end the HELD-OUT half (figures are reported on it). A row the file holds malformed
//! (not five fields, label not 0 or 1) is skipped, as `paraphrase_corpus.py` does.
//!
//! As in `paraphrase_corpus.py`: every five pairs of a half make one article pair (aK.txt
//! holds their first sentences, bK.txt their second, shuffled), each sentence between filler
//! paragraphs of 30–70 words from a word chain. The chain learns from the *other* half's
//! sentences (real words, no real sentence), so the filler never holds a planted sentence.
//! Every planted pair is a truth pair of kind paraphrase; label-0 pairs are negative truth, so
//! that precision can be given with them counted wrong, and counted apart.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::rng::Rng;
use super::score::{Kind, SideJson, TruthFile, TruthPairJson};
use super::synth::Generated;

/// Data rows of the tune half.
pub const TUNE_ROWS: usize = 1837;

pub const GENERATOR: &str = "crossread-align-bench/msrp/1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    Tune,
    HeldOut,
}

impl Half {
    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::HeldOut => "held-out",
        }
    }
}

pub struct Row {
    pub label: u8,
    pub s1: String,
    pub s2: String,
}

/// Where the evaluation data is: `$CROSSREAD_EVAL`, else `shared/eval` beside the repository
/// or beside the folder that holds it (a git worktree).
pub fn eval_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CROSSREAD_EVAL") {
        return PathBuf::from(d);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/eval");
    let far = root.join("../../shared/eval");
    if !near.is_dir() && far.is_dir() {
        far
    } else {
        near
    }
}

/// The two halves: (tune rows, held-out rows), each in file order, malformed rows left out;
/// and how many rows were left out.
pub fn read(path: &Path) -> Result<(Vec<Row>, Vec<Row>, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (mut tune, mut held, mut bad) = (Vec::new(), Vec::new(), 0);
    for (i, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let row = match f.as_slice() {
            [l @ ("0" | "1"), _, _, s1, s2] => Row {
                label: (*l == "1") as u8,
                s1: s1.trim().to_string(),
                s2: s2.trim().to_string(),
            },
            _ => {
                bad += 1;
                continue;
            }
        };
        // Data row i + 1.
        if i < TUNE_ROWS {
            tune.push(row);
        } else {
            held.push(row);
        }
    }
    Ok((tune, held, bad))
}

/// Words and sentence punctuation, as `paraphrase_corpus.py` splits them.
fn chain_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        let w = word.trim_end_matches(['\'', '-']);
        let w = w.trim_start_matches(['\'', '-']);
        if !w.is_empty() {
            out.push(w.to_string());
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_ascii_alphabetic() || (!word.is_empty() && (c == '\'' || c == '-')) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            if c == '.' || c == ',' {
                out.push(c.to_string());
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

struct Chain {
    words: Vec<String>,
    next: HashMap<String, Vec<usize>>,
}

impl Chain {
    fn new(rows: &[Row]) -> Chain {
        let words: Vec<String> = rows
            .iter()
            .flat_map(|r| [r.s1.as_str(), r.s2.as_str()])
            .flat_map(chain_tokens)
            .collect();
        let mut next: HashMap<String, Vec<usize>> = HashMap::new();
        for i in 1..words.len() {
            next.entry(words[i - 1].clone()).or_default().push(i);
        }
        Chain { words, next }
    }

    fn filler(&self, n: usize, rng: &mut Rng) -> String {
        let mut a = rng.below(self.words.len());
        let mut ws = vec![a];
        while ws.len() < n {
            a = match self.next.get(&self.words[a]) {
                Some(nx) if rng.unit() > 0.35 => rng.pick(nx),
                _ => rng.below(self.words.len()),
            };
            ws.push(a);
        }
        let mut s = String::new();
        for &i in &ws {
            let w = &self.words[i];
            if !s.is_empty() && w != "." && w != "," {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    }
}

/// The articles and truth for one half; `other` feeds the filler.
pub fn generate(planted: &[Row], other: &[Row], half: Half, seed: u64) -> Generated {
    let chain = Chain::new(other);
    let mut rng = Rng::new(seed ^ 0x3e5f);
    let k = planted.len() / 5;
    let mut ids = Vec::with_capacity(2 * k);
    let mut texts = Vec::with_capacity(2 * k);
    let mut pairs = Vec::new();
    for i in 0..k {
        let chunk = &planted[i * 5..i * 5 + 5];
        let (a_id, b_id) = (format!("a{i:04}"), format!("b{i:04}"));
        let mut b_order: Vec<usize> = (0..5).collect();
        rng.shuffle(&mut b_order);
        let mut write = |order: &[usize], first: bool| {
            let mut text = String::new();
            let mut at = vec![(0, 0); 5];
            for &j in order {
                text.push_str(&chain.filler(rng.range(30, 70), &mut rng));
                text.push_str("\n\n");
                let s = if first { &chunk[j].s1 } else { &chunk[j].s2 };
                at[j] = (text.len(), text.len() + s.len());
                text.push_str(s);
                text.push_str("\n\n");
            }
            text.push_str(&chain.filler(rng.range(30, 70), &mut rng));
            text.push('\n');
            (text, at)
        };
        let (a_text, a_at) = write(&[0, 1, 2, 3, 4], true);
        let (b_text, b_at) = write(&b_order, false);
        for (j, row) in chunk.iter().enumerate() {
            let side = |id: &str, text: &str, (s, e): (usize, usize)| SideJson {
                article: serde_json::Value::String(id.to_string()),
                start: s,
                end: e,
                text: Some(text[s..e].to_string()),
            };
            pairs.push(TruthPairJson {
                kind: Kind::Paraphrase,
                group: (i * 5 + j) as u32,
                positive: row.label == 1,
                a: side(&a_id, &a_text, a_at[j]),
                b: side(&b_id, &b_text, b_at[j]),
                units: Vec::new(),
            });
        }
        ids.push(a_id);
        texts.push(a_text);
        ids.push(b_id);
        texts.push(b_text);
    }
    let positive = pairs.iter().filter(|p| p.positive).count();
    let truth = TruthFile {
        generator: format!("{GENERATOR} {}", half.name()),
        seed,
        n: ids.len(),
        articles: ids.clone(),
        stats: serde_json::json!({
            "half": half.name(),
            "msrp_pairs": pairs.len(),
            "paraphrases": positive,
            "not_paraphrases": pairs.len() - positive,
        }),
        pairs,
        stories: Vec::new(),
    };
    Generated { ids, texts, truth }
}
