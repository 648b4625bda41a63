//! Aligner speed, memory and accuracy at scale: `cargo bench --bench align [-- N...]`.
//!
//! For each N (default `1000 10000`; add `100000` by hand, it takes minutes) this writes a
//! synthetic corpus of N news-like articles (~450 words each) with planted verbatim copies and
//! paraphrases into `target/tmp/align-bench/` (kept and reused for the same N and seed), runs
//! the release binary `crossread passages --json DIR` on it, timing the wall clock and reading
//! the child's peak RSS, and scores its pairs against the planted truth. It also times
//! `Corpus::load` and `align` called in-process, to show where the time goes. One line per N:
//!
//! ```text
//! 1000 articles: wall X s ok (load Y s, align Z s), peak RSS M MiB, verbatim P p ok / R r ok, paraphrase R q, all-kinds P a, pairs K
//! ```
//!
//! Targets (2 cores): 1,000 articles ≤ 0.5 s; 10,000 ≤ 5 s and ≤ 1 GiB; 100,000 ≤ 90 s;
//! verbatim precision ≥ 0.95 and recall ≥ 0.98. Other modes:
//!
//! - `-- gen DIR N`: only write a corpus (N articles `ID.txt` and `truth.json`) into DIR.
//! - `-- score TRUTH OUT.json`: only score the output of `crossread passages --json`.
//! - `-- selftest`: check the generator and the scorer (perfect output scores 1, empty 0, ...)
//!   and print statistics of the generated text.
//! - `seed=N` anywhere: another corpus (default seed 0xc0ffee2015).
//! - `strict` anywhere: exit with status 1 when a target is missed (for CI); by default misses
//!   are only marked MISS, so that `cargo bench` goes on to the other benches.
//!
//! The child runs with empty `XDG_CONFIG_HOME` and `XDG_CACHE_HOME` folders, so that neither a
//! user's config nor a warm result cache colours the figures. `CROSSREAD_BIN=PATH` measures
//! another build of the binary.

#[path = "align/lexicon.rs"]
mod lexicon;
#[path = "align/rng.rs"]
mod rng;
#[path = "align/score.rs"]
mod score;
#[path = "align/selftest.rs"]
mod selftest;
#[path = "align/synth.rs"]
mod synth;
#[path = "align/text.rs"]
mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crossread::align::{align, AlignOptions, Alignment, PairKind};
use crossread::corpus::{Corpus, LoadOptions};

use score::{Kind, Pair, Reported, Scores, Side, TruthFile};

/// Verbatim precision and recall the aligner must reach.
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.98;

/// Wall-clock target of `crossread passages --json` for N articles, where there is one.
fn wall_target(n: usize) -> Option<f64> {
    match n {
        1_000 => Some(0.5),
        10_000 => Some(5.0),
        100_000 => Some(90.0),
        _ => None,
    }
}

/// Peak-RSS target in MiB, where there is one.
fn rss_target(n: usize) -> Option<f64> {
    (n == 10_000).then_some(1024.0)
}

fn main() {
    // cargo passes `--bench`; options of ours have no dashes.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mut seed = synth::DEFAULT_SEED;
    let mut strict = false;
    let mut rest: Vec<&str> = Vec::new();
    for a in &args {
        match a.strip_prefix("seed=") {
            Some(s) => seed = parse_seed(s).unwrap_or_else(|| usage(&format!("bad seed {s:?}"))),
            None if a == "strict" => strict = true,
            None => rest.push(a),
        }
    }
    // None: the harness itself failed; Some(false): a target was missed.
    let outcome = match rest.as_slice() {
        ["gen", dir, n] => {
            let n = n.parse().unwrap_or_else(|_| usage(&format!("bad N {n:?}")));
            cmd_gen(Path::new(dir), n, seed).then_some(true)
        }
        ["score", truth, out] => cmd_score(Path::new(truth), Path::new(out)),
        ["selftest"] => selftest::run().then_some(true),
        ["gen", ..] | ["score", ..] | ["selftest", ..] => usage("wrong number of arguments"),
        sizes => {
            let sizes: Vec<usize> = sizes
                .iter()
                .map(|s| {
                    s.parse()
                        .unwrap_or_else(|_| usage(&format!("unknown argument {s:?}")))
                })
                .collect();
            let sizes = if sizes.is_empty() {
                vec![1_000, 10_000]
            } else {
                sizes
            };
            let mut met = Some(true);
            for n in sizes {
                met = match (met, run(n, seed)) {
                    (Some(a), Some(b)) => Some(a && b),
                    _ => None,
                };
            }
            met
        }
    };
    // Missed targets fail the run only when asked (`strict`), so that a plain `cargo bench`
    // goes on to the other benches.
    std::process::exit(match outcome {
        None => 1,
        Some(false) if strict => 1,
        Some(_) => 0,
    });
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "align bench: {problem}\n\
         usage: cargo bench --bench align -- [N...] [seed=S] [strict]\n\
         \x20      cargo bench --bench align -- gen DIR N [seed=S]\n\
         \x20      cargo bench --bench align -- score TRUTH.json OUT.json [strict]\n\
         \x20      cargo bench --bench align -- selftest"
    );
    std::process::exit(2)
}

fn parse_seed(s: &str) -> Option<u64> {
    match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

fn cmd_gen(dir: &Path, n: usize, seed: u64) -> bool {
    let t = Instant::now();
    let g = synth::generate(n, seed);
    if let Err(e) = synth::write(dir, &g) {
        eprintln!("cannot write {}: {e}", dir.display());
        return false;
    }
    println!(
        "wrote {n} articles and truth.json to {} in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    println!("stats: {}", g.truth.stats);
    true
}

fn cmd_score(truth_path: &Path, out_path: &Path) -> Option<bool> {
    let truth = match TruthFile::read(truth_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    let json = match std::fs::read_to_string(out_path) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{}: {e}", out_path.display());
            return None;
        }
    };
    match score::parse_output(&json, &truth.index()) {
        Ok(reported) => {
            let s = score::score(&truth.pairs(), &reported);
            println!("{}", describe_scores(&s));
            if reported.unknown > 0 {
                println!(
                    "{} reported pairs name articles the truth does not know",
                    reported.unknown
                );
            }
            Some(meets_accuracy(&s))
        }
        Err(e) => {
            eprintln!("{}: {e}", out_path.display());
            None
        }
    }
}

fn fmt_ratio(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| format!("{x:.3}"))
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISS"
    }
}

fn meets_accuracy(s: &Scores) -> bool {
    s.precision_verbatim().is_some_and(|p| p >= MIN_PRECISION)
        && s.recall_verbatim().is_some_and(|r| r >= MIN_RECALL)
}

fn describe_scores(s: &Scores) -> String {
    format!(
        "verbatim P {} {} / R {} {} ({}/{}), paraphrase R {} ({}/{}), all-kinds P {}, pairs {}",
        fmt_ratio(s.precision_verbatim()),
        mark(s.precision_verbatim().is_some_and(|p| p >= MIN_PRECISION)),
        fmt_ratio(s.recall_verbatim()),
        mark(s.recall_verbatim().is_some_and(|r| r >= MIN_RECALL)),
        s.found_verbatim,
        s.truth_verbatim,
        fmt_ratio(s.recall_paraphrase()),
        s.found_paraphrase,
        s.truth_paraphrase,
        fmt_ratio(s.precision()),
        s.reported,
    )
}

/// Where corpora and outputs are kept between runs: `target/tmp/align-bench`.
fn bench_root() -> PathBuf {
    let tmp = option_env!("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| PathBuf::from("target"), PathBuf::from)
                .join("tmp")
        });
    tmp.join("align-bench")
}

/// `$CROSSREAD_BIN` if set (another build to measure), else the release binary cargo built for
/// this bench, else the one next to the bench executable (`target/release/deps/align-HASH` →
/// `target/release/crossread`).
fn crossread_bin() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CROSSREAD_BIN") {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = option_env!("CARGO_BIN_EXE_crossread") {
        if Path::new(p).is_file() {
            return Some(PathBuf::from(p));
        }
    }
    let exe = std::env::current_exe().ok()?;
    let candidate = exe.parent()?.parent()?.join("crossread");
    candidate.is_file().then_some(candidate)
}

struct CliRun {
    wall: Duration,
    peak_rss_mib: f64,
}

/// Runs `crossread passages --json DIR > out`, timing it and reading its peak RSS.
fn run_cli(bin: &Path, dir: &Path, out: &Path, scratch: &Path) -> Result<CliRun, String> {
    let config = scratch.join("config");
    let cache = scratch.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    for d in [&config, &cache] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let stdout = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let err_path = out.with_extension("stderr");
    let stderr =
        std::fs::File::create(&err_path).map_err(|e| format!("{}: {e}", err_path.display()))?;
    let start = Instant::now();
    let child = Command::new(bin)
        .arg("passages")
        .arg("--json")
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_CACHE_HOME", &cache)
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let (status, rusage) = wait_with_rusage(child.id() as libc::pid_t)?;
    let wall = start.elapsed();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let how = if libc::WIFEXITED(status) {
            format!("exit code {}", libc::WEXITSTATUS(status))
        } else {
            format!("signal {}", libc::WTERMSIG(status))
        };
        let err = std::fs::read_to_string(&err_path).unwrap_or_default();
        let err: Vec<&str> = err
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(2)
            .collect();
        return Err(format!("{how}: {}", err.join(" | ")));
    }
    // ru_maxrss is in KiB on Linux.
    Ok(CliRun {
        wall,
        peak_rss_mib: rusage.ru_maxrss as f64 / 1024.0,
    })
}

/// Waits for the child and returns its status and resource usage (wait4(2)).
fn wait_with_rusage(pid: libc::pid_t) -> Result<(libc::c_int, libc::rusage), String> {
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data; all-zero is a valid value.
    let mut rusage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our child, not yet reaped (std's Child never waited on it); the
        // pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut rusage) };
        if r == pid {
            return Ok((status, rusage));
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {err}"));
        }
    }
}

/// The library's pairs with article numbers of the truth.
fn from_alignment(al: &Alignment, corpus: &Corpus, ids: &HashMap<String, usize>) -> Reported {
    let mut out = Reported {
        pairs: Vec::with_capacity(al.pairs.len()),
        unknown: 0,
    };
    let side = |s: &crossread::align::Span| -> Option<Side> {
        let id = &corpus.articles.get(s.article)?.id;
        Some(Side {
            article: *ids.get(id)?,
            start: s.start,
            end: s.end,
        })
    };
    for p in &al.pairs {
        let kind = match p.kind {
            PairKind::Verbatim => Kind::Verbatim,
            PairKind::Paraphrase => Kind::Paraphrase,
        };
        match (side(&p.a), side(&p.b)) {
            (Some(a), Some(b)) => out.pairs.push(Pair { kind, a, b }),
            _ => out.unknown += 1,
        }
    }
    out
}

/// Checks that every truth span still addresses its text in the cleaned articles (the cleaner
/// is meant to keep generated text as written); a span that moved is looked up by its text,
/// one that is gone is dropped. Returns the truth pairs to score against and a note.
fn truth_in_cleaned(truth: &TruthFile, corpus: &Corpus) -> (Vec<Pair>, Option<String>) {
    let ids = truth.index();
    let mut texts: Vec<Option<&str>> = vec![None; truth.articles.len()];
    for a in &corpus.articles {
        if let Some(&i) = ids.get(&a.id) {
            texts[i] = Some(&a.text);
        }
    }
    let (mut moved, mut lost) = (0, 0);
    let mut pairs = Vec::with_capacity(truth.pairs.len());
    'pairs: for (p, tp) in truth.pairs.iter().zip(truth.pairs()) {
        let mut sides = [tp.a, tp.b];
        for (side, json) in sides.iter_mut().zip([&p.a, &p.b]) {
            let want = json.text.as_deref().unwrap_or("");
            let Some(text) = texts[side.article] else {
                lost += 1;
                continue 'pairs;
            };
            if text.get(side.start..side.end) == Some(want) {
                continue;
            }
            match text.find(want) {
                Some(at) => {
                    moved += 1;
                    *side = Side {
                        article: side.article,
                        start: at,
                        end: at + want.len(),
                    };
                }
                None => {
                    lost += 1;
                    continue 'pairs;
                }
            }
        }
        pairs.push(Pair {
            kind: tp.kind,
            a: sides[0],
            b: sides[1],
        });
    }
    let note = (moved + lost > 0).then(|| {
        format!("cleaning changed the text: {moved} truth spans moved (found again), {lost} pairs dropped")
    });
    (pairs, note)
}

/// A warning when other work competes for the cores, which makes timings meaningless.
fn busy_note() -> Option<String> {
    let load: f64 = std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (load > 0.5 * cores as f64).then(|| {
        format!("  note: load average {load:.1} on {cores} cores before the run: other work competes, timings are pessimistic")
    })
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// Generates (or reuses) the corpus of `n` articles, measures and scores; prints one line.
/// Returns whether every target was met, or `None` if the harness failed.
fn run(n: usize, seed: u64) -> Option<bool> {
    let root = bench_root();
    let name = format!("n{n}-seed{seed:x}");
    let dir = root.join(&name);
    if synth::is_generated(&dir, n, seed) {
        println!("{n} articles: reusing {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
        let t = Instant::now();
        let g = synth::generate(n, seed);
        if let Err(e) = synth::write(&dir, &g) {
            eprintln!("cannot write {}: {e}", dir.display());
            return None;
        }
        println!(
            "{n} articles: generated in {:.1} s into {}",
            t.elapsed().as_secs_f64(),
            dir.display()
        );
    }
    let truth = match TruthFile::read(&dir.join("truth.json")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    let ids = truth.index();

    if let Some(note) = busy_note() {
        println!("{note}");
    }
    // The binary, as a user runs it.
    let out_path = root.join(format!("{name}.passages.json"));
    let cli = match crossread_bin() {
        Some(bin) => run_cli(&bin, &dir, &out_path, &root.join("scratch")),
        None => Err("no crossread binary found (cargo build --release)".to_string()),
    };
    let cli_reported = cli.as_ref().ok().map(|_| {
        std::fs::read_to_string(&out_path)
            .map_err(|e| e.to_string())
            .and_then(|json| score::parse_output(&json, &ids))
    });

    // The library, in process: where the time goes.
    let t = Instant::now();
    let corpus = Corpus::load(std::slice::from_ref(&dir), &LoadOptions::default());
    let load_time = t.elapsed();
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let t = Instant::now();
    let alignment = align(&texts, &AlignOptions::default());
    let align_time = t.elapsed();
    if corpus.articles.len() != n {
        println!("  note: {} of {n} articles loaded", corpus.articles.len());
    }
    let (truth_pairs, note) = truth_in_cleaned(&truth, &corpus);
    if let Some(note) = note {
        println!("  note: {note}");
    }
    let lib_scores = score::score(&truth_pairs, &from_alignment(&alignment, &corpus, &ids));

    let mut ok = true;
    let (wall, rss, scores, source) = match (&cli, cli_reported) {
        (Ok(run), Some(Ok(reported))) => {
            let s = score::score(&truth_pairs, &reported);
            if s != lib_scores {
                println!(
                    "  note: the library call scores differently ({} pairs: {})",
                    lib_scores.reported,
                    describe_scores(&lib_scores)
                );
            }
            (Some(run.wall), Some(run.peak_rss_mib), s, "")
        }
        (Ok(_), Some(Err(e))) => {
            println!("  CLI output unreadable ({}): {e}", out_path.display());
            ok = false;
            (None, None, lib_scores, " [scores of the library call]")
        }
        (Err(e), _) => {
            println!("  CLI failed: {e}");
            ok = false;
            (None, None, lib_scores, " [scores of the library call]")
        }
        (Ok(_), None) => unreachable!("a CLI run always has an output"),
    };
    let wall_s = match (wall, wall_target(n)) {
        (Some(w), Some(t)) => {
            ok &= w.as_secs_f64() <= t;
            format!("{} {}", secs(w), mark(w.as_secs_f64() <= t))
        }
        (Some(w), None) => secs(w),
        (None, _) => "n/a".to_string(),
    };
    let rss_s = match (rss, rss_target(n)) {
        (Some(m), Some(t)) => {
            ok &= m <= t;
            format!("{m:.0} MiB {}", mark(m <= t))
        }
        (Some(m), None) => format!("{m:.0} MiB"),
        (None, _) => "n/a".to_string(),
    };
    ok &= meets_accuracy(&scores);
    println!(
        "{n} articles: wall {wall_s} (load {}, align {}), peak RSS {rss_s}, {}{source}",
        secs(load_time),
        secs(align_time),
        describe_scores(&scores),
    );
    Some(ok)
}
