//! `cargo bench --bench align -- selftest`: checks that the harness measures what it says.
//!
//! The generator: truth spans and their sentences address their text, in memory and on disk;
//! the same seed gives the same corpus; stories are shared, paraphrases reword rare words and
//! take no synonym the aligner knows, stock sentences recur; lengths are in range; no long run
//! of words is shared outside the planted passages. The scorer: a perfect output scores 1, an
//! empty one 0, the coverage and length rules bite exactly at their limits, and matching is
//! one to one (a pair reported twice is right once).

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use super::lexicon::{Lexicon, ADV_SYNONYMS, STOCK_SENTENCES, SYNONYMS, VERB_SYNONYMS};
use super::rng::Rng;
use super::score::{
    self, Kind, Pair, Reported, Scores, Side, SideJson, Truth, TruthFile, TruthPairJson, SLACK,
};
use super::synth;
use super::text::Ctx;

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
    paraphrase_checks(&mut c, &g, seed);
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
    let (mut bad, mut short, mut units, mut bad_units) = (0, 0, 0, 0);
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
        // Units follow one another inside the sides, the first at their start, the last at
        // their end.
        units += p.units.len();
        let mut last = (p.a.start, p.b.start);
        for (k, u) in p.units.iter().enumerate() {
            let (ta, tb) = (
                &g.texts[ids[p.a.article.as_str().unwrap()]],
                &g.texts[ids[p.b.article.as_str().unwrap()]],
            );
            let ok = u[0] >= last.0
                && u[2] >= last.1
                && u[1] <= p.a.end
                && u[3] <= p.b.end
                && (k > 0 || (u[0] == p.a.start && u[2] == p.b.start))
                && (k + 1 < p.units.len() || (u[1] == p.a.end && u[3] == p.b.end))
                && !ta[u[0]..u[1]].trim().is_empty()
                && !tb[u[2]..u[3]].trim().is_empty();
            bad_units += !ok as usize;
            last = (u[1], u[3]);
        }
    }
    c.check(
        bad == 0,
        format!(
            "every truth span addresses its text ({} pairs, {bad} bad)",
            t.pairs.len()
        ),
    );
    c.check(
        units > 0 && bad_units == 0,
        format!("copies of several sentences carry their sentences as units ({units} units, {bad_units} bad)"),
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
        verbatim > n / 10 && para == n / 4,
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
    let in_stories = t.stats["articles_in_shared_stories"].as_u64().unwrap_or(0) as usize;
    let para_in_story = t.stats["paraphrases_in_one_story"].as_u64().unwrap_or(0) as usize;
    c.check(
        (n / 3..=n / 2).contains(&in_stories) && 2 * para_in_story >= para,
        format!(
            "{in_stories} of {n} articles share a story ({} stories); {para_in_story} of {para} paraphrases within one story",
            t.stats["stories_of_several"]
        ),
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
        read.truths() == t.truths() && read.n == n && read.seed == seed,
        "truth.json reads back",
    );
    c.check(
        synth::is_generated(dir.path(), synth::GENERATOR, n, seed)
            && !synth::is_generated(dir.path(), synth::GENERATOR, n + 1, seed),
        "completion marker",
    );

    // The same seed, the same corpus; another seed, another.
    let again = synth::generate(n, seed);
    let same = again.texts == g.texts
        && serde_json::to_string(&again.truth).ok() == serde_json::to_string(&g.truth).ok();
    c.check(same, "same seed, same corpus and truth");
    let other = synth::generate(n, seed + 1);
    c.check(other.texts != g.texts, "another seed, another corpus");

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
        *min >= 250 && *max <= 1000 && (400.0..540.0).contains(&mean),
        format!(
            "article length {min}–{max} words, mean {mean:.0}; {} paragraphs, mean {:.1} sentences",
            paras.len(),
            paras.iter().sum::<usize>() as f64 / paras.len() as f64
        ),
    );

    // Stock sentences recur across articles (a verbatim aligner must not pair them).
    let stems: Vec<&str> = STOCK_SENTENCES
        .iter()
        .map(|f| {
            let f = f.trim_start_matches("{} ");
            f.split("{}").max_by_key(|p| p.len()).unwrap_or(f).trim()
        })
        .collect();
    let with_stock = g
        .texts
        .iter()
        .filter(|t| stems.iter().any(|s| t.contains(s)))
        .count();
    c.check(
        (n / 4..=n * 4 / 5).contains(&with_stock),
        format!("{with_stock} of {n} articles hold a stock sentence of news English"),
    );

    // Sentence lengths, straight from the sentence maker.
    let lex = Lexicon::new(seed);
    let pool = lex.people(seed, 3_000);
    let mut rng = Rng::new(seed);
    let mut story = Rng::new(seed + 1);
    let mut ctx = Ctx::new(&lex, &pool, &mut story, &mut rng);
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

/// Lower-cased words of a text.
fn word_set(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The groups of the aligner's synonym list, words lower-cased.
fn aligner_synonym_groups() -> Option<Vec<Vec<String>>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/synonyms.txt");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('|').map(|w| w.trim().to_lowercase()).collect())
            .collect(),
    )
}

/// A crude stem, so that "warned" meets "warn" in the aligner's list.
fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    for suf in ["ied", "ed", "es", "s", "d", "ing", "ly"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return s.to_string();
            }
        }
    }
    w
}

fn stems(phrase: &str) -> HashSet<String> {
    let all: Vec<String> = phrase.split_whitespace().map(stem).collect();
    [phrase.to_lowercase(), stem(phrase), all.join(" ")]
        .into_iter()
        .collect()
}

fn paraphrase_checks(c: &mut Checks, g: &synth::Generated, seed: u64) {
    // Rare words reworded: of the pseudo-words of an original sentence, the share missing
    // from its paraphrase.
    let lex = Lexicon::new(seed);
    let (mut rare, mut changed) = (0usize, 0usize);
    for p in g.truth.pairs.iter().filter(|p| p.kind == Kind::Paraphrase) {
        let a = word_set(p.a.text.as_deref().unwrap_or(""));
        let b: HashSet<String> = word_set(p.b.text.as_deref().unwrap_or(""))
            .into_iter()
            .collect();
        let a_rare: HashSet<&String> = a
            .iter()
            .filter(|w| lex.alt.contains_key(w.as_str()))
            .collect();
        rare += a_rare.len();
        changed += a_rare.iter().filter(|w| !b.contains(**w)).count();
    }
    let share = changed as f64 / rare.max(1) as f64;
    c.check(
        rare > 100 && (0.3..0.8).contains(&share),
        format!(
            "paraphrases reword {:.0} % of their rare words ({changed} of {rare})",
            100.0 * share
        ),
    );
    // No synonym pair of the bench sits in one group of the aligner's list.
    match aligner_synonym_groups() {
        Some(groups) => {
            let group_stems: Vec<HashSet<String>> = groups
                .iter()
                .map(|g| g.iter().flat_map(|w| stems(w)).collect())
                .collect();
            let shared: Vec<String> = SYNONYMS
                .iter()
                .chain(ADV_SYNONYMS)
                .chain(VERB_SYNONYMS)
                .filter(|(x, y)| {
                    group_stems.iter().any(|g| {
                        stems(x).iter().any(|s| g.contains(s))
                            && stems(y).iter().any(|s| g.contains(s))
                    })
                })
                .map(|(x, y)| format!("{x}/{y}"))
                .collect();
            c.check(
                shared.is_empty(),
                format!(
                    "no synonym pair of the bench is in assets/synonyms.txt ({} groups; shared: {shared:?})",
                    groups.len()
                ),
            );
        }
        None => c.check(
            true,
            "assets/synonyms.txt not found: synonym overlap not checked",
        ),
    }
}

fn perfect_json(truth: &TruthFile, numeric: bool, swap: bool) -> String {
    let ids = truth.index();
    let pairs: Vec<serde_json::Value> = truth
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let side = |s: &SideJson| {
                let article = if numeric {
                    serde_json::json!(ids[s.article.as_str().unwrap()])
                } else {
                    s.article.clone()
                };
                serde_json::json!({"article": article, "start": s.start, "end": s.end, "text": s.text})
            };
            let (a, b) = if swap && i % 2 == 0 { (&p.b, &p.a) } else { (&p.a, &p.b) };
            serde_json::json!({"kind": p.kind, "score": 1.0, "a": side(a), "b": side(b)})
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

/// Every truth pair changed by `f`, reported with its own kind.
fn mapped(truth: &[Truth], f: impl Fn(Side) -> Side) -> Reported {
    Reported {
        pairs: truth
            .iter()
            .map(|p| Pair {
                kind: p.kind,
                a: f(p.a),
                b: f(p.b),
            })
            .collect(),
        ..Reported::default()
    }
}

fn all_found(s: &Scores) -> bool {
    s.found_verbatim == s.truth_verbatim && s.found_paraphrase == s.truth_paraphrase
}

fn all_right(s: &Scores) -> bool {
    s.precision_verbatim() == Some(1.0) && s.precision_paraphrase() == Some(1.0)
}

fn none_right(s: &Scores) -> bool {
    s.correct_any() == 0 && s.found_verbatim == 0 && s.found_paraphrase == 0
}

fn scorer_checks(c: &mut Checks, g: &synth::Generated) {
    let truth = &g.truth;
    let pairs = truth.truths();
    let ids = truth.index();
    let n_truth = pairs.len();
    let describe = super::describe_scores;

    for (numeric, swap, what) in [
        (false, false, "perfect output"),
        (
            true,
            true,
            "perfect output, articles as indices, sides swapped",
        ),
    ] {
        let mut moved = 0;
        let reported = score::parse_output(
            &perfect_json(truth, numeric, swap),
            &ids,
            Some(&g.texts),
            &mut moved,
        )
        .expect("parse");
        let s = score::score(&pairs, &reported);
        c.check(
            all_right(&s) && all_found(&s) && s.reported() == n_truth && moved == 0,
            format!("{what}: P = R = 1 ({})", describe(&s)),
        );
    }

    let mut moved = 0;
    let empty = score::parse_output(
        r#"{"articles":[],"pairs":[],"groups":[],"unique":[]}"#,
        &ids,
        None,
        &mut moved,
    )
    .unwrap();
    let s = score::score(&pairs, &empty);
    c.check(
        s.recall_verbatim() == Some(0.0)
            && s.recall_paraphrase() == Some(0.0)
            && s.precision_verbatim().is_none(),
        format!("empty output: R = 0, P undefined ({})", describe(&s)),
    );
    c.check(
        score::parse_output("{\"pairs\": 3}", &ids, None, &mut moved).is_err(),
        "output without a pairs array is an error",
    );

    // One to one: every truth pair reported twice is right once.
    let mut twice = mapped(&pairs, |s| s);
    twice.pairs.extend(mapped(&pairs, |s| s).pairs);
    let s = score::score(&pairs, &twice);
    c.check(
        all_found(&s)
            && s.precision_verbatim() == Some(0.5)
            && s.precision_paraphrase() == Some(0.5),
        format!(
            "every pair reported twice: R = 1, P = 0.5 ({})",
            describe(&s)
        ),
    );
    // A copy of several sentences reported sentence by sentence: all right, all found; the
    // same sentence pairs once more: wrong.
    let by_unit: Vec<Pair> = pairs
        .iter()
        .flat_map(|t| t.units.iter().map(|&(a, b)| Pair { kind: t.kind, a, b }))
        .collect();
    let multi = pairs.iter().filter(|t| t.units.len() > 1).count();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: by_unit.clone(),
            ..Reported::default()
        },
    );
    c.check(
        multi > 0 && all_found(&s) && all_right(&s),
        format!("copies reported sentence by sentence ({multi} of several sentences): P = R = 1"),
    );
    // A pair over two sentences of a copy and one over the second: the second is wrong.
    let mut overlapping = Vec::new();
    for t in pairs.iter().filter(|t| t.units.len() > 1) {
        overlapping.push(Pair {
            kind: t.kind,
            a: Side {
                end: t.units[1].0.end,
                ..t.units[0].0
            },
            b: Side {
                end: t.units[1].1.end,
                ..t.units[0].1
            },
        });
        overlapping.push(Pair {
            kind: t.kind,
            a: t.units[1].0,
            b: t.units[1].1,
        });
    }
    let s = score::score(
        &pairs,
        &Reported {
            pairs: overlapping,
            ..Reported::default()
        },
    );
    c.check(
        s.correct_verbatim * 2 == s.reported_verbatim && s.reported_verbatim > 0,
        format!(
            "a sentence pair already inside a matched pair is wrong ({}/{} right)",
            s.correct_verbatim, s.reported_verbatim
        ),
    );
    // The shared run that makes a verbatim pair on a paraphrase right.
    c.check(
        score::longest_shared_run(
            "The convoy of ninety trucks carrying flour crossed the river at dawn, police said.",
            "At dawn the convoy of ninety trucks carrying flour crossed the river, they said.",
        ) == 10
            && score::longest_shared_run("one two three", "four five") == 0
            && score::longest_shared_run(
                "analysts discussed the court with its ninasle in the security with 773 cangs",
                "Analysts discussed the court with its drijim in the security with 773 cangs.",
            ) == 12
            && score::longest_shared_run("a b x c d y e f", "a b p c d q e f") == 2,
        "longest shared run of words: 10 words of a reworded sentence, 0 of unrelated ones, \
         12 with one word edited between two runs of 6, 2 when every other pair is edited",
    );
    // Sentences crossed (a's first with b's second): wrong.
    let crossed: Vec<Pair> = pairs
        .iter()
        .filter(|t| t.units.len() > 1)
        .map(|t| Pair {
            kind: t.kind,
            a: t.units[0].0,
            b: t.units[1].1,
        })
        .collect();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: crossed,
            ..Reported::default()
        },
    );
    c.check(
        none_right(&s),
        "sentences of a copy paired crosswise: P = 0",
    );

    // The coverage rule: half of each unit, exactly.
    let keep = |num: usize, den: usize| {
        move |s: Side| Side {
            end: s.start + (s.len() * num).div_ceil(den),
            ..s
        }
    };
    let halves: Vec<Pair> = pairs
        .iter()
        .filter(|t| t.units.len() == 1)
        .map(|t| Pair {
            kind: t.kind,
            a: keep(1, 2)(t.a),
            b: keep(1, 2)(t.b),
        })
        .collect();
    let single = halves.len();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: halves,
            ..Reported::default()
        },
    );
    c.check(
        s.correct_any() == single,
        format!(
            "one-sentence pairs covered by half: right ({}/{single})",
            s.correct_any()
        ),
    );
    let short: Vec<Pair> = pairs
        .iter()
        .filter(|t| t.units.len() == 1)
        .map(|t| Pair {
            kind: t.kind,
            a: Side {
                end: t.a.start + t.a.len() / 2 - 1,
                ..t.a
            },
            b: t.b,
        })
        .collect();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: short,
            ..Reported::default()
        },
    );
    c.check(
        none_right(&s),
        "one side one byte short of half: wrong, not found",
    );
    let s = score::score(
        &pairs,
        &mapped(&pairs, |s| Side {
            start: s.end - 1,
            end: s.end + 1,
            ..s
        }),
    );
    c.check(
        none_right(&s),
        "sides overlapping the truth by one byte: wrong, not found",
    );
    // The length rule: at most 2 × the truth + SLACK bytes.
    let grow = |extra: usize| {
        move |s: Side| Side {
            end: s.start + 2 * s.len() + extra,
            ..s
        }
    };
    let s = score::score(&pairs, &mapped(&pairs, grow(SLACK)));
    c.check(
        all_found(&s) && all_right(&s),
        format!("sides of 2 × truth + {SLACK} bytes: right, found"),
    );
    let s = score::score(&pairs, &mapped(&pairs, grow(SLACK + 1)));
    c.check(
        none_right(&s),
        format!("sides of 2 × truth + {} bytes: wrong, not found", SLACK + 1),
    );
    // Whole articles as sides: wrong.
    let whole = mapped(&pairs, |s| Side {
        start: 0,
        end: g.texts[s.article].len(),
        ..s
    });
    let s = score::score(&pairs, &whole);
    c.check(
        none_right(&s),
        format!("whole-article sides: P = 0 ({})", describe(&s)),
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
            ..Reported::default()
        },
    );
    c.check(
        s.precision_verbatim() == Some(0.0),
        "pairs of unrelated articles: P = 0",
    );
    // Unknown article ids count as wrong.
    let half: Vec<Pair> = pairs
        .iter()
        .filter(|p| p.kind == Kind::Verbatim)
        .map(|p| Pair {
            kind: p.kind,
            a: p.a,
            b: p.b,
        })
        .step_by(2)
        .collect();
    let k = half.len();
    let s = score::score(
        &pairs,
        &Reported {
            pairs: half,
            unknown: [k, 0],
            ..Reported::default()
        },
    );
    c.check(
        s.precision_verbatim() == Some(0.5),
        format!(
            "unknown article ids count as wrong (P = {})",
            super::fmt_ratio(s.precision_verbatim())
        ),
    );

    // Pairs labelled "not a paraphrase": never found; a pair on one is counted apart.
    let mut with_negative: Vec<TruthPairJson> = truth.pairs.clone();
    let paraphrases: Vec<usize> = with_negative
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == Kind::Paraphrase)
        .map(|(i, _)| i)
        .collect();
    for &i in paraphrases.iter().step_by(2) {
        with_negative[i].positive = false;
    }
    let neg_truth = TruthFile {
        generator: String::new(),
        seed: 0,
        n: truth.n,
        articles: truth.articles.clone(),
        pairs: with_negative,
        stories: Vec::new(),
        stats: serde_json::Value::Null,
    };
    let neg = neg_truth.truths();
    let s = score::score(&neg, &mapped(&neg, |s| s));
    let negatives = paraphrases.len().div_ceil(2);
    c.check(
        s.truth_negative == negatives
            && s.aligned_negative == negatives
            && s.on_negative[1] == negatives
            && s.precision_any_apart() == Some(1.0)
            && s.precision_any() == super::score::ratio(n_truth - negatives, n_truth),
        format!(
            "pairs on label-0 truth: wrong one way (P {}), apart the other (P {})",
            super::fmt_ratio(s.precision_any()),
            super::fmt_ratio(s.precision_any_apart())
        ),
    );
}

/// Lower-cased words with punctuation trimmed, with their byte ranges and whether they end
/// a sentence (a full stop after them; "Sept." counts too, which only makes runs shorter).
fn tokens(text: &str) -> Vec<(String, usize, usize, bool)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for w in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += w.len();
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty() {
            let s = start + w.find(core).unwrap_or(0);
            let end = w
                .trim_end()
                .trim_end_matches(['"', '\u{201d}'])
                .ends_with('.');
            out.push((core.to_lowercase(), s, s + core.len(), end));
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
    let pairs = g.truth.truths();
    let mut planted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for p in &pairs {
        for s in [p.a, p.b] {
            planted[s.article].push((s.start, s.end));
        }
    }
    let mut freq: HashMap<String, usize> = HashMap::new();
    // Per article: its words, with flags for those inside a planted passage and those
    // ending a sentence.
    let docs: Vec<Vec<(String, bool, bool)>> = g
        .texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            tokens(t)
                .into_iter()
                .map(|(w, s, e, end)| {
                    *freq.entry(w.clone()).or_default() += 1;
                    let inside = planted[i].iter().any(|&(ps, pe)| s < pe && e > ps);
                    (w, inside, end)
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
    // Runs of `len` words shared by two articles outside planted text; `within`: only runs
    // inside one sentence.
    let shared = |len: usize, within: bool| -> (usize, Vec<(usize, String)>) {
        let mut seen: HashMap<&[(String, bool, bool)], (usize, usize)> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            for w in d.windows(len) {
                if w.iter().any(|t| t.1) || (within && w[..len - 1].iter().any(|t| t.2)) {
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
    let (k5, common5) = shared(5, false);
    let phrases: Vec<String> = common5
        .iter()
        .take(6)
        .map(|(k, p)| format!("\"{p}\" ({k})"))
        .collect();
    println!(
        "     5-word phrases shared outside planted text: {k5}, most widespread: {}",
        phrases.join(", ")
    );
    // The longest runs, across sentences and within one.
    let mut longest = [5, 5];
    let mut example = [String::new(), String::new()];
    for (x, within) in [false, true].into_iter().enumerate() {
        let mut counts = Vec::new();
        for len in 6..=40 {
            let (k, common) = shared(len, within);
            if k == 0 {
                break;
            }
            counts.push(format!("{len}: {k}"));
            if std::env::var_os("ALIGN_BENCH_DEBUG").is_some() && len >= 9 {
                for (k, p) in common.iter().take(8) {
                    println!("       {len} ({k}): {p}");
                }
            }
            longest[x] = len;
            example[x] = common[0].1.clone();
        }
        println!(
            "     shared runs outside planted text by length{}: {}",
            if within { " (within one sentence)" } else { "" },
            counts.join(", ")
        );
    }
    // Inside a sentence, only stock phrases and whole stock sentences (up to 14 words, with a
    // generic subject) are shared by chance; across a sentence end, a stock phrase ending one
    // sentence and a stock sentence after it.
    c.check(
        k5 > 1_000 && longest[0] <= 18 && longest[1] <= 14,
        format!(
            "common short phrases recur ({k5} shared 5-grams); longest shared run outside planted text {} words (\"{}\"), within a sentence {} (\"{}\")",
            longest[0], example[0], longest[1], example[1]
        ),
    );
}
