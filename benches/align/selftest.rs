//! `cargo bench --bench align -- selftest`: checks that the harness measures what it says.
//!
//! The generator: truth spans address their text, in memory, on disk and after cleaning; the
//! same seed gives the same corpus; sentence and article lengths are in range; no long run of
//! words is shared outside the planted passages. The scorer: a perfect output scores 1, an
//! empty one 0, and the overlap and length rules bite exactly at their limits.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use crossread::align::{AlignedPair, Alignment, PairKind, Span};
use crossread::corpus::{Corpus, LoadOptions};

use super::lexicon::Lexicon;
use super::rng::Rng;
use super::score::{self, Kind, Pair, Reported, Scores, Side, TruthFile, TruthPairJson};
use super::synth;
use super::text::Ctx;
use super::{from_alignment, truth_in_cleaned};

#[derive(Default)]
struct Checks {
    passed: usize,
    failed: usize,
}

impl Checks {
    fn check(&mut self, ok: bool, what: impl Display) {
        println!("{} {what}", if ok { "ok  " } else { "FAIL" });
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
    }
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

pub fn run() -> bool {
    let mut c = Checks::default();
    let (n, seed) = (600, 12_345);
    let g = synth::generate(n, seed);
    generator_checks(&mut c, &g, n, seed);
    scorer_checks(&mut c, &g);
    text_statistics(&mut c);
    println!("selftest: {} checks passed, {} failed", c.passed, c.failed);
    c.failed == 0
}

fn generator_checks(c: &mut Checks, g: &synth::Generated, n: usize, seed: u64) {
    let t = &g.truth;
    c.check(
        g.texts.len() == n && t.articles == g.ids,
        format!("{n} articles, ids in order"),
    );
    let mut sorted = g.ids.clone();
    sorted.sort();
    sorted.dedup();
    c.check(
        sorted == g.ids,
        "ids unique and sorted (file order = article order)",
    );

    let ids = t.index();
    let mut bad = 0;
    let mut short = 0;
    for p in &t.pairs {
        for s in [&p.a, &p.b] {
            let text = &g.texts[ids[s.article.as_str().unwrap()]];
            if text.get(s.start..s.end) != s.text.as_deref() {
                bad += 1;
            }
            let min = if p.kind == Kind::Verbatim { 12 } else { 8 };
            short += (words(s.text.as_deref().unwrap_or("")) < min) as usize;
        }
        bad += (p.a.article == p.b.article) as usize;
    }
    c.check(
        bad == 0,
        format!(
            "every truth span addresses its text ({} pairs, {bad} bad)",
            t.pairs.len()
        ),
    );
    c.check(
        short == 0,
        format!("verbatim spans ≥ 12 words, paraphrase ≥ 8 ({short} shorter)"),
    );
    let verbatim = t.pairs.iter().filter(|p| p.kind == Kind::Verbatim).count();
    let para = t
        .pairs
        .iter()
        .filter(|p| p.kind == Kind::Paraphrase)
        .count();
    let with_copies = t.stats["articles_with_copies"].as_u64().unwrap_or(0) as usize;
    c.check(
        verbatim > n / 10 && para == n / 20,
        format!("{verbatim} verbatim and {para} paraphrase truth pairs"),
    );
    c.check(
        (n / 4..=n * 2 / 5).contains(&with_copies),
        format!("{with_copies} of {n} articles take part in copies (about a third)"),
    );
    let edited = t.stats["edited_share_of_copied_words"]
        .as_f64()
        .unwrap_or(0.0);
    c.check(
        (0.02..0.08).contains(&edited),
        format!("{:.1} % of copied words edited", 100.0 * edited),
    );

    // On disk, and back.
    let dir = tempfile::tempdir().expect("temp dir");
    synth::write(dir.path(), g).expect("write corpus");
    let same_files = g.ids.iter().zip(&g.texts).all(|(id, text)| {
        std::fs::read_to_string(dir.path().join(format!("{id}.txt"))).is_ok_and(|f| &f == text)
    });
    c.check(same_files, "files hold the texts");
    let read = TruthFile::read(&dir.path().join("truth.json")).expect("read truth");
    c.check(
        read.pairs() == t.pairs() && read.n == n && read.seed == seed,
        "truth.json reads back",
    );
    c.check(
        synth::is_generated(dir.path(), n, seed) && !synth::is_generated(dir.path(), n + 1, seed),
        "completion marker",
    );

    // The same seed, the same corpus; another seed, another.
    let again = synth::generate(n, seed);
    let same = again.texts == g.texts
        && serde_json::to_string(&again.truth).ok() == serde_json::to_string(&g.truth).ok();
    c.check(same, "same seed, same corpus and truth");
    let other = synth::generate(n, seed + 1);
    c.check(other.texts != g.texts, "another seed, another corpus");

    // Through the loader: all articles, ids = file stems, spans intact after cleaning.
    let corpus = Corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    let loaded: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    c.check(
        loaded == g.ids.iter().map(String::as_str).collect::<Vec<_>>(),
        format!(
            "Corpus::load reads {} articles with the generator's ids",
            corpus.articles.len()
        ),
    );
    let changed = corpus
        .articles
        .iter()
        .zip(&g.texts)
        .filter(|(a, t)| a.text != t.trim_end())
        .count();
    let (pairs, note) = truth_in_cleaned(t, &corpus);
    c.check(
        note.is_none() && pairs == t.pairs(),
        format!(
            "cleaning keeps every truth span ({changed} of {n} articles changed by cleaning{})",
            note.map(|n| format!("; {n}")).unwrap_or_default()
        ),
    );

    // Article lengths.
    let lens: Vec<usize> = g.texts.iter().map(|t| words(t)).collect();
    let (min, max) = (lens.iter().min().unwrap(), lens.iter().max().unwrap());
    let mean = lens.iter().sum::<usize>() as f64 / n as f64;
    let paras: Vec<usize> = g
        .texts
        .iter()
        .flat_map(|t| t.split("\n\n").map(|p| p.matches(". ").count() + 1))
        .collect();
    c.check(
        *min >= 250 && *max <= 1000 && (400.0..520.0).contains(&mean),
        format!(
            "article length {min}–{max} words, mean {mean:.0}; {} paragraphs, mean {:.1} sentences",
            paras.len(),
            paras.iter().sum::<usize>() as f64 / paras.len() as f64
        ),
    );

    // Sentence lengths, straight from the sentence maker.
    let lex = Lexicon::new(seed);
    let pool = lex.people(seed, 3_000);
    let mut rng = Rng::new(seed);
    let mut ctx = Ctx::new(&lex, &pool, &mut rng);
    let lens: Vec<usize> = (0..20_000)
        .map(|_| words(&ctx.sentence(&mut rng).render(ctx.style)))
        .collect();
    let mean = lens.iter().sum::<usize>() as f64 / lens.len() as f64;
    c.check(
        lens.iter().all(|l| (8..=40).contains(l)),
        format!(
            "sentences 8–40 words ({}–{}, mean {mean:.1})",
            lens.iter().min().unwrap(),
            lens.iter().max().unwrap()
        ),
    );
}

fn perfect_json(truth: &TruthFile, numeric: bool, swap: bool) -> String {
    let pairs: Vec<TruthPairJson> = truth
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut p = p.clone();
            p.score = Some(1.0);
            if numeric {
                let ids = truth.index();
                for s in [&mut p.a, &mut p.b] {
                    s.article = serde_json::json!(ids[s.article.as_str().unwrap()]);
                }
            }
            if swap && i % 2 == 0 {
                std::mem::swap(&mut p.a, &mut p.b);
            }
            p
        })
        .collect();
    let articles: Vec<serde_json::Value> = truth
        .articles
        .iter()
        .map(|id| serde_json::json!({"id": id, "path": format!("{id}.txt")}))
        .collect();
    serde_json::json!({"articles": articles, "pairs": pairs, "groups": [], "unique": []})
        .to_string()
}

/// Every truth pair changed by `f`, reported as verbatim.
fn mapped(truth: &[Pair], f: impl Fn(Side) -> Side) -> Reported {
    Reported {
        pairs: truth
            .iter()
            .map(|p| Pair {
                kind: Kind::Verbatim,
                a: f(p.a),
                b: f(p.b),
            })
            .collect(),
        unknown: 0,
    }
}

fn all_found(s: &Scores) -> bool {
    s.found_verbatim == s.truth_verbatim && s.found_paraphrase == s.truth_paraphrase
}

fn scorer_checks(c: &mut Checks, g: &synth::Generated) {
    let truth = &g.truth;
    let pairs = truth.pairs();
    let ids = truth.index();
    let n_truth = pairs.len();

    for (numeric, swap, what) in [
        (false, false, "perfect output"),
        (
            true,
            true,
            "perfect output, articles as indices, sides swapped",
        ),
    ] {
        let reported =
            score::parse_output(&perfect_json(truth, numeric, swap), &ids).expect("parse");
        let s = score::score(&pairs, &reported);
        c.check(
            s.precision() == Some(1.0)
                && s.precision_verbatim() == Some(1.0)
                && s.recall_verbatim() == Some(1.0)
                && s.recall_paraphrase() == Some(1.0)
                && s.reported == n_truth,
            format!("{what}: P = R = 1 ({})", super::describe_scores(&s)),
        );
    }

    let empty = score::parse_output(
        r#"{"articles":[],"pairs":[],"groups":[],"unique":[]}"#,
        &ids,
    )
    .unwrap();
    let s = score::score(&pairs, &empty);
    c.check(
        s.recall_verbatim() == Some(0.0)
            && s.recall_paraphrase() == Some(0.0)
            && s.precision().is_none(),
        format!(
            "empty output: R = 0, P undefined ({})",
            super::describe_scores(&s)
        ),
    );
    c.check(
        score::parse_output("{\"pairs\": 3}", &ids).is_err(),
        "output without a pairs array is an error",
    );

    // The overlap rule: half of the truth span's bytes, exactly.
    let keep = |num: usize, den: usize| {
        move |s: Side| Side {
            end: s.start + (s.len() * num).div_ceil(den),
            ..s
        }
    };
    let s = score::score(&pairs, &mapped(&pairs, keep(1, 2)));
    c.check(all_found(&s), "sides covering half the truth span: found");
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            end: s.start + s.len() / 2 - 1,
            ..s
        }),
    );
    c.check(
        s.found_verbatim == 0 && s.found_paraphrase == 0 && s.precision() == Some(1.0),
        "sides one byte short of half: not found, yet correct for precision",
    );
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            start: s.end - 1,
            end: s.end + 1000,
            ..s
        }),
    );
    c.check(
        s.found_verbatim == 0 && s.precision() == Some(1.0),
        "sides overlapping by one byte: correct for precision, not found",
    );
    // The length rule: at most 3 × the truth span + 200 bytes.
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            end: s.start + 3 * s.len() + 200,
            ..s
        }),
    );
    c.check(all_found(&s), "sides of 3 × truth + 200 bytes: found");
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            end: s.start + 3 * s.len() + 201,
            ..s
        }),
    );
    c.check(
        s.found_verbatim == 0 && s.precision() == Some(1.0),
        "sides of 3 × truth + 201 bytes: not found",
    );
    // Whole articles as sides: correct but too long to find short passages.
    let whole = mapped(&pairs, |s| Side {
        start: 0,
        end: g.texts[s.article].len(),
        ..s
    });
    let s = score::score(&pairs, &whole);
    c.check(
        s.precision() == Some(1.0) && s.recall_verbatim().unwrap() < 0.2,
        format!(
            "whole-article sides: P = 1, verbatim R = {}",
            super::fmt_ratio(s.recall_verbatim())
        ),
    );

    // Pairs between articles with nothing planted between them.
    let linked: HashSet<(usize, usize)> = pairs
        .iter()
        .map(|p| (p.a.article.min(p.b.article), p.a.article.max(p.b.article)))
        .collect();
    let n = g.texts.len();
    let wrong: Vec<Pair> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter(|k| !linked.contains(k))
        .take(50)
        .map(|(a, b)| Pair {
            kind: Kind::Verbatim,
            a: Side {
                article: a,
                start: 0,
                end: 100,
            },
            b: Side {
                article: b,
                start: 0,
                end: 100,
            },
        })
        .collect();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: wrong,
            unknown: 0,
        },
    );
    c.check(
        s.precision() == Some(0.0) && s.found_verbatim == 0,
        "pairs of unrelated articles: P = 0",
    );
    // Right articles, wrong places.
    // (The last byte of every article is its final newline, in no passage.)
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            start: g.texts[s.article].len() - 1,
            end: g.texts[s.article].len(),
            ..s
        }),
    );
    c.check(
        s.precision() == Some(0.0),
        "pairs of linked articles at the wrong places: P = 0",
    );
    let half: Vec<Pair> = pairs.iter().copied().step_by(2).collect();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: half.clone(),
            unknown: half.len(),
        },
    );
    c.check(
        s.precision() == Some(0.5),
        format!(
            "unknown article ids count as wrong (P = {})",
            super::fmt_ratio(s.precision())
        ),
    );

    // The library's pairs map to the truth's articles by id.
    let corpus = Corpus {
        articles: g
            .ids
            .iter()
            .zip(&g.texts)
            .map(|(id, text)| crossread::corpus::Article {
                id: id.clone(),
                path: format!("{id}.txt").into(),
                format: crossread::corpus::Format::Text,
                meta: Default::default(),
                raw: text.clone(),
                text: text.clone(),
                words: words(text),
            })
            .rev()
            .collect(),
        ..Corpus::default()
    };
    let at: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let span = |s: &Side| Span {
        article: at[truth.articles[s.article].as_str()],
        start: s.start,
        end: s.end,
    };
    let alignment = Alignment {
        pairs: pairs
            .iter()
            .map(|p| AlignedPair {
                kind: if p.kind == Kind::Verbatim {
                    PairKind::Verbatim
                } else {
                    PairKind::Paraphrase
                },
                score: 1.0,
                a: span(&p.a),
                b: span(&p.b),
                evidence: Default::default(),
            })
            .collect(),
        ..Alignment::default()
    };
    let s = score::score(&pairs, &from_alignment(&alignment, &corpus, &ids));
    c.check(
        all_found(&s) && s.precision() == Some(1.0),
        "library pairs (articles in another order) map to the truth by id: P = R = 1",
    );
}

/// Lower-cased words with punctuation trimmed, with their byte ranges.
fn tokens(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for w in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += w.len();
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty() {
            let s = start + w.find(core).unwrap_or(0);
            out.push((core.to_lowercase(), s, s + core.len()));
        }
    }
    out
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "to", "and", "a", "an", "in", "on", "for", "with", "at", "by", "from", "that",
    "was", "were", "has", "have", "had", "been", "be", "is", "are", "will", "would", "could",
    "may", "it", "its", "he", "she", "they", "their", "this", "these", "as", "after", "while",
    "but", "when", "because", "although", "about", "over", "more", "than", "into", "during",
    "against", "under", "some", "many", "since", "last", "which", "who",
];

/// Word statistics of a 2,000-article corpus, and runs of words shared outside the planted
/// passages (short common phrases are wanted; long ones would be false positives by design).
fn text_statistics(c: &mut Checks) {
    let n = 2_000;
    let g = synth::generate(n, 777);
    let pairs = g.truth.pairs();
    let mut planted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for p in &pairs {
        for s in [p.a, p.b] {
            planted[s.article].push((s.start, s.end));
        }
    }
    let mut freq: HashMap<String, usize> = HashMap::new();
    // Per article: its words, with a flag for those inside a planted passage.
    let docs: Vec<Vec<(String, bool)>> = g
        .texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            tokens(t)
                .into_iter()
                .map(|(w, s, e)| {
                    *freq.entry(w.clone()).or_default() += 1;
                    let inside = planted[i].iter().any(|&(ps, pe)| s < pe && e > ps);
                    (w, inside)
                })
                .collect()
        })
        .collect();
    let total: usize = freq.values().sum();
    let mut ranked: Vec<(&String, &usize)> = freq.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = ranked
        .iter()
        .take(15)
        .map(|(w, k)| format!("{w} {:.1}%", 100.0 * **k as f64 / total as f64))
        .collect();
    println!("     top words: {}", top.join(", "));
    let function: usize = FUNCTION_WORDS.iter().filter_map(|w| freq.get(*w)).sum();
    let once = freq.values().filter(|&&k| k == 1).count();
    c.check(
        freq.len() >= 20_000 && ranked[0].0 == "the",
        format!(
            "{} distinct words in {total} ({once} seen once), \"the\" first, function words {:.0} %",
            freq.len(),
            100.0 * function as f64 / total as f64
        ),
    );
    // Zipf: frequency × rank roughly flat over the ranks 10..1000.
    let fr = |r: usize| *ranked[r - 1].1 as f64 * r as f64;
    println!(
        "     rank × frequency at ranks 10, 100, 1000, 10000: {:.0}, {:.0}, {:.0}, {:.0}",
        fr(10),
        fr(100),
        fr(1000),
        fr(10_000.min(ranked.len()))
    );

    // Runs of n words outside planted passages, shared by two or more articles.
    let shared = |len: usize| -> (usize, Vec<(usize, String)>) {
        let mut seen: HashMap<&[(String, bool)], (usize, usize)> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            for w in d.windows(len) {
                if w.iter().any(|t| t.1) {
                    continue;
                }
                let e = seen.entry(w).or_insert((0, usize::MAX));
                if e.1 != i {
                    e.0 += 1;
                    e.1 = i;
                }
            }
        }
        let mut common: Vec<(usize, String)> = seen
            .iter()
            .filter(|(_, (k, _))| *k >= 2)
            .map(|(w, (k, _))| {
                (
                    *k,
                    w.iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(" "),
                )
            })
            .collect();
        common.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        (common.len(), common)
    };
    let (k5, common5) = shared(5);
    let phrases: Vec<String> = common5
        .iter()
        .take(6)
        .map(|(k, p)| format!("\"{p}\" ({k})"))
        .collect();
    println!(
        "     5-word phrases shared outside planted text: {k5}, most widespread: {}",
        phrases.join(", ")
    );
    let mut longest = 5;
    let mut example = String::new();
    let mut counts = Vec::new();
    for len in 6..=40 {
        let (k, common) = shared(len);
        if k == 0 {
            break;
        }
        counts.push(format!("{len}: {k}"));
        if std::env::var_os("ALIGN_BENCH_DEBUG").is_some() && len >= 9 {
            for (k, p) in common.iter().take(8) {
                println!("       {len} ({k}): {p}");
            }
        }
        longest = len;
        example = common[0].1.clone();
    }
    println!(
        "     shared n-grams outside planted text by length: {}",
        counts.join(", ")
    );
    c.check(
        k5 > 1_000 && longest <= 12,
        format!("common short phrases recur ({k5} shared 5-grams); longest shared run outside planted text {longest} words (\"{example}\")"),
    );
}
