//! Aligner accuracy, speed and memory: `cargo bench --bench align [-- N...]`.
//!
//! For each N (default `50 200 1000 10000`; `100000` on request, it takes minutes) this
//! writes a synthetic corpus of N news-like articles (~450 words each) with planted verbatim
//! copies and paraphrases into `target/tmp/align-bench/` (kept and reused for the same N and
//! seed), runs the release binary `crossread passages --json DIR` on it as a user would, with
//! its wall clock and peak RSS (wait4), and scores its pairs against the planted truth one to
//! one (see `align/score.rs`). Sizes up to 200 are run on four corpora (seeds S..S+3) and
//! their counts pooled, so that precision at 50 articles rests on more than a handful of
//! pairs. Then, if `../shared/eval/msrp-train.tsv` is there, the held-out half of MSRP planted
//! in articles (see `align/msrp.rs`). A table of all figures ends the run.
//!
//! The synthetic corpus (see `align/synth.rs`): about 40 % of the articles share a story with
//! 1–7 others (same people, places, topic words; their own wording); a third take part in
//! copies (1–4 sentences, 0–10 % of words edited); one paraphrase per four articles, mostly
//! between articles of one story, rewritten by rules with the bench's own synonyms (none from
//! the aligner's lists) and invented synonyms for a half of the rare words; 3 % of the
//! sentences are stock sentences of news English, and stock phrases end clauses.
//!
//! Targets (2 cores, `passages --json`, release build): 1,000 articles ≤ 0.3 s; 10,000 ≤ 3 s
//! and ≤ 1 GiB peak; 100,000 ≤ 60 s; growth near linear (CPU time exponent ≤ 1.2 between
//! sizes from 1,000 up); verbatim precision ≥ 0.97 and recall ≥ 0.95 at every size. Other modes:
//!
//! - `-- gen DIR N`: only write a corpus (N articles `ID.txt` and `truth.json`) into DIR.
//! - `-- score TRUTH OUT.json`: only score the output of `crossread passages --json` (the
//!   articles are read next to TRUTH).
//! - `-- msrp [tune|heldout]`: only the MSRP corpus (default held-out; `tune` plants the tune
//!   half, for tuning thresholds).
//! - `-- selftest`: check the generator and the scorer and print statistics of the text.
//! - `seed=N` anywhere: other corpora (default seed 0xc0ffee2015).
//! - `strict` anywhere: exit with status 1 when a target is missed (for CI); by default misses
//!   are only marked MISS, so that `cargo bench` goes on to the other benches.
//!
//! The child runs with empty `XDG_CONFIG_HOME` and `XDG_CACHE_HOME` folders, so that neither a
//! user's config nor a warm result cache colours the figures, and with `CROSSREAD_TIMINGS=1`,
//! whose last stage line gives the alignment's own time. `CROSSREAD_BIN=PATH` measures another
//! build of the binary; `CROSSREAD_EVAL=DIR` names another evaluation folder.

#[path = "align/lexicon.rs"]
mod lexicon;
#[path = "align/msrp.rs"]
mod msrp;
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

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use score::{Scores, TruthFile};

/// Verbatim precision and recall the aligner must reach at every size.
const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.95;
/// Largest exponent of time growth that still counts as near linear.
const MAX_GROWTH: f64 = 1.2;

const DEFAULT_SIZES: &[usize] = &[50, 200, 1_000, 10_000];

/// Wall-clock target of `crossread passages --json` for N articles, where there is one.
fn wall_target(n: usize) -> Option<f64> {
    match n {
        1_000 => Some(0.3),
        10_000 => Some(3.0),
        100_000 => Some(60.0),
        _ => None,
    }
}

/// Peak-RSS target in MiB, where there is one.
fn rss_target(n: usize) -> Option<f64> {
    (n == 10_000).then_some(1024.0)
}

/// Corpora per size: small sizes are pooled over several seeds.
fn repetitions(n: usize) -> u64 {
    if n <= 200 {
        4
    } else {
        1
    }
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
        ["msrp"] | ["msrp", "heldout"] => run_msrp(msrp::Half::HeldOut).map(|r| {
            print_msrp(&r);
            true
        }),
        ["msrp", "tune"] => run_msrp(msrp::Half::Tune).map(|r| {
            print_msrp(&r);
            true
        }),
        ["gen", ..] | ["score", ..] | ["selftest", ..] | ["msrp", ..] => usage("wrong arguments"),
        sizes => {
            let sizes: Vec<usize> = sizes
                .iter()
                .map(|s| {
                    s.parse()
                        .unwrap_or_else(|_| usage(&format!("unknown argument {s:?}")))
                })
                .collect();
            let with_msrp = sizes.is_empty();
            let sizes = if sizes.is_empty() {
                DEFAULT_SIZES.to_vec()
            } else {
                sizes
            };
            run_all(&sizes, seed, with_msrp)
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
         \x20      cargo bench --bench align -- msrp [tune|heldout]\n\
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

/// The article files of a truth, by article number (empty strings for missing files).
fn read_texts(dir: &Path, truth: &TruthFile) -> Vec<String> {
    truth
        .articles
        .iter()
        .map(|id| std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap_or_default())
        .collect()
}

fn cmd_score(truth_path: &Path, out_path: &Path) -> Option<bool> {
    let truth = TruthFile::read(truth_path)
        .map_err(|e| eprintln!("{e}"))
        .ok()?;
    let texts = read_texts(truth_path.parent().unwrap_or(Path::new(".")), &truth);
    let s = score_file(&truth, &texts, out_path)
        .map_err(|e| eprintln!("{}: {e}", out_path.display()))
        .ok()?;
    println!("{}", describe_scores(&s));
    Some(meets_accuracy(&s))
}

/// Scores the JSON output at `out_path` against `truth`, notes printed.
fn score_file(truth: &TruthFile, texts: &[String], out_path: &Path) -> Result<Scores, String> {
    let json = std::fs::read_to_string(out_path).map_err(|e| e.to_string())?;
    let mut moved = 0;
    let reported = score::parse_output(&json, &truth.index(), Some(texts), &mut moved)?;
    if moved > 0 {
        println!("  note: {moved} reported sides were not at their offsets in the files; found again by their text");
    }
    let unknown = reported.unknown[0] + reported.unknown[1];
    if unknown > 0 {
        println!("  note: {unknown} reported pairs name articles the truth does not know (counted wrong)");
    }
    if !reported.other_kinds.is_empty() {
        println!(
            "  note: pair kinds {:?} scored as paraphrase",
            reported.other_kinds
        );
    }
    let stems = stock_stems();
    let is_stock = |t: &str| {
        let t = t.trim();
        stems
            .iter()
            .any(|s| t.contains(s) && t.len() <= s.len() + 40)
    };
    let cx = score::Context {
        stories: &truth.stories,
        texts,
        is_stock: Some(&is_stock),
    };
    Ok(score::score_in(&truth.truths(), &reported, &cx))
}

/// The fixed part of each stock sentence (its longest stretch between subjects).
fn stock_stems() -> Vec<&'static str> {
    lexicon::STOCK_SENTENCES
        .iter()
        .map(|f| {
            f.split("{}")
                .map(|p| p.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace()))
                .max_by_key(|p| p.len())
                .unwrap_or(f)
        })
        .collect()
}

/// Why the wrong pairs of a run may have been made.
fn describe_wrong(s: &Scores) -> String {
    let part = |k: usize| {
        format!(
            "{} too short or long inside a planted pair, {} on a stock sentence, {} within one story, {} other",
            s.wrong_partial[k], s.wrong_stock[k], s.wrong_story[k], s.wrong_other[k]
        )
    };
    format!(
        "wrong verbatim pairs: {}; wrong paraphrase pairs: {}",
        part(0),
        part(1)
    )
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
        "verbatim P {} {} ({}/{}) R {} {} ({}/{}); paraphrase P {} ({}/{}) R {} ({}/{}); \
         {} paraphrase pairs on copies, {} verbatim pairs on paraphrases (+{} on a paraphrase's \
         shared run of {}+ words, counted right)",
        fmt_ratio(s.precision_verbatim()),
        mark(s.precision_verbatim().is_some_and(|p| p >= MIN_PRECISION)),
        s.correct_verbatim,
        s.reported_verbatim,
        fmt_ratio(s.recall_verbatim()),
        mark(s.recall_verbatim().is_some_and(|r| r >= MIN_RECALL)),
        s.found_verbatim,
        s.truth_verbatim,
        fmt_ratio(s.precision_paraphrase()),
        s.correct_paraphrase,
        s.reported_paraphrase,
        fmt_ratio(s.recall_paraphrase()),
        s.found_paraphrase,
        s.truth_paraphrase,
        s.paraphrase_on_copy,
        s.verbatim_on_paraphrase,
        s.verbatim_on_run,
        score::MIN_SHARED_RUN,
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
    /// User and system CPU time of the child: less coloured by other work on the machine
    /// than the wall clock.
    cpu: f64,
    peak_rss_mib: f64,
    /// The alignment's own time, from the last `CROSSREAD_TIMINGS` stage line.
    align: Option<f64>,
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
        .env("CROSSREAD_TIMINGS", "1")
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let (status, rusage) = wait_with_rusage(child.id() as libc::pid_t)?;
    let wall = start.elapsed();
    let err = std::fs::read_to_string(&err_path).unwrap_or_default();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let how = if libc::WIFEXITED(status) {
            format!("exit code {}", libc::WEXITSTATUS(status))
        } else {
            format!("signal {}", libc::WTERMSIG(status))
        };
        let err: Vec<&str> = err
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("crossread: align"))
            .take(2)
            .collect();
        return Err(format!("{how}: {}", err.join(" | ")));
    }
    // "crossread: align: STAGE at X s, ...": the largest X is the alignment's time.
    let align = err
        .lines()
        .filter(|l| l.starts_with("crossread: align:"))
        .filter_map(|l| {
            let after = l.rsplit_once(" at ")?.1;
            after.split_whitespace().next()?.parse::<f64>().ok()
        })
        .reduce(f64::max);
    // ru_maxrss is in KiB on Linux.
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(CliRun {
        wall,
        cpu: tv(rusage.ru_utime) + tv(rusage.ru_stime),
        peak_rss_mib: rusage.ru_maxrss as f64 / 1024.0,
        align,
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

/// The load average over the last minute and the number of cores.
fn load() -> (Option<f64>, usize) {
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (load, cores)
}

/// A warning when other work competes for the cores, which makes timings pessimistic.
fn busy_note() -> Option<String> {
    let (load, cores) = load();
    let load = load?;
    (load > 0.5 * cores as f64).then(|| {
        format!("  note: load average {load:.1} on {cores} cores before the run: other work competes, timings are pessimistic")
    })
}

fn secs(d: f64) -> String {
    if d < 10.0 {
        format!("{d:.3} s")
    } else {
        format!("{d:.1} s")
    }
}

/// The source of the measured build, for the record: `git describe` of the repository.
fn commit() -> String {
    Command::new("git")
        .args([
            "-C",
            env!("CARGO_MANIFEST_DIR"),
            "log",
            "-1",
            "--format=%h %cs %s",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown commit".into())
}

/// The figures of one size (pooled over its corpora).
struct SizeRun {
    n: usize,
    corpora: u64,
    scores: Scores,
    /// Median over the corpora.
    wall: Option<f64>,
    cpu: Option<f64>,
    align: Option<f64>,
    /// Largest over the corpora.
    rss: Option<f64>,
    ok: bool,
}

/// Writes (or reuses) the corpus in `dir`; None if writing failed.
fn ensure_corpus(
    dir: &Path,
    generator: &str,
    n: usize,
    seed: u64,
    make: impl FnOnce() -> synth::Generated,
) -> Option<()> {
    if synth::is_generated(dir, generator, n, seed) {
        return Some(());
    }
    let _ = std::fs::remove_dir_all(dir);
    let t = Instant::now();
    let g = make();
    if let Err(e) = synth::write(dir, &g) {
        eprintln!("cannot write {}: {e}", dir.display());
        return None;
    }
    println!(
        "  wrote {} articles in {:.1} s into {}",
        g.ids.len(),
        t.elapsed().as_secs_f64(),
        dir.display()
    );
    Some(())
}

/// Runs the binary on a corpus and scores it.
fn measure(dir: &Path, out_name: &str) -> Option<(CliRun, Scores)> {
    let root = bench_root();
    let truth = TruthFile::read(&dir.join("truth.json"))
        .map_err(|e| eprintln!("{e}"))
        .ok()?;
    let texts = read_texts(dir, &truth);
    if let Some(note) = busy_note() {
        println!("{note}");
    }
    let out_path = root.join(format!("{out_name}.passages.json"));
    let bin = crossread_bin().or_else(|| {
        eprintln!("no crossread binary found (cargo build --release)");
        None
    })?;
    let run = run_cli(&bin, dir, &out_path, &root.join("scratch"))
        .map_err(|e| eprintln!("  crossread failed on {}: {e}", dir.display()))
        .ok()?;
    let scores = score_file(&truth, &texts, &out_path)
        .map_err(|e| eprintln!("  {}: {e}", out_path.display()))
        .ok()?;
    Some((run, scores))
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied()
}

/// Every corpus of size `n`, measured and scored; prints one line per corpus and one for all.
fn run_size(n: usize, seed: u64) -> Option<SizeRun> {
    let reps = repetitions(n);
    let mut scores = Scores::default();
    let (mut walls, mut cpus, mut aligns, mut rss) = (Vec::new(), Vec::new(), Vec::new(), 0f64);
    for k in 0..reps {
        let seed = seed.wrapping_add(k);
        let name = format!("n{n}-seed{seed:x}");
        let dir = bench_root().join(&name);
        ensure_corpus(&dir, synth::GENERATOR, n, seed, || synth::generate(n, seed))?;
        let (run, s) = measure(&dir, &name)?;
        println!(
            "{n} articles (seed {seed:x}): wall {}{}, CPU {}, peak RSS {:.0} MiB; {}",
            secs(run.wall.as_secs_f64()),
            run.align
                .map(|a| format!(" (align {})", secs(a)))
                .unwrap_or_default(),
            secs(run.cpu),
            run.peak_rss_mib,
            describe_scores(&s)
        );
        println!("  {}", describe_wrong(&s));
        scores.add(&s);
        walls.push(run.wall.as_secs_f64());
        cpus.push(run.cpu);
        aligns.extend(run.align);
        rss = rss.max(run.peak_rss_mib);
    }
    let wall = median(walls);
    let mut ok = meets_accuracy(&scores);
    if let (Some(w), Some(t)) = (wall, wall_target(n)) {
        ok &= w <= t;
    }
    if let Some(t) = rss_target(n) {
        ok &= rss <= t;
    }
    if reps > 1 {
        println!(
            "{n} articles, {reps} corpora pooled: {}\n  {}",
            describe_scores(&scores),
            describe_wrong(&scores)
        );
    }
    Some(SizeRun {
        n,
        corpora: reps,
        scores,
        wall,
        align: median(aligns),
        cpu: median(cpus),
        rss: Some(rss),
        ok,
    })
}

struct MsrpRun {
    half: msrp::Half,
    articles: usize,
    skipped_rows: usize,
    scores: Scores,
    wall: f64,
}

/// The MSRP corpus of `half`, measured and scored; None (with a message) when the data is
/// not there or the run failed.
fn run_msrp(half: msrp::Half) -> Option<MsrpRun> {
    let tsv = msrp::eval_dir().join("msrp-train.tsv");
    if !tsv.is_file() {
        println!(
            "MSRP: {} not found: skipped (set CROSSREAD_EVAL to the evaluation folder)",
            tsv.display()
        );
        return None;
    }
    let (tune, held, skipped) = msrp::read(&tsv).map_err(|e| eprintln!("{e}")).ok()?;
    let (planted, other) = match half {
        msrp::Half::Tune => (&tune, &held),
        msrp::Half::HeldOut => (&held, &tune),
    };
    // The seed follows the data, so that another file makes another corpus.
    let seed = 11 ^ std::fs::metadata(&tsv).map_or(0, |m| m.len());
    let name = format!("msrp-{}", half.name());
    let dir = bench_root().join(&name);
    let articles = planted.len() / 5 * 2;
    let generator = format!("{} {}", msrp::GENERATOR, half.name());
    ensure_corpus(&dir, &generator, articles, seed, || {
        msrp::generate(planted, other, half, seed)
    })?;
    let (run, scores) = measure(&dir, &name)?;
    Some(MsrpRun {
        half,
        articles,
        skipped_rows: skipped,
        scores,
        wall: run.wall.as_secs_f64(),
    })
}

fn print_msrp(r: &MsrpRun) {
    let s = &r.scores;
    println!(
        "MSRP {} half ({} pairs in {} articles; {} malformed rows of the file skipped): \
         paraphrase recall {} ({}/{}); label-0 pairs aligned {} ({}/{}); \
         precision {} with label-0 pairs counted wrong, {} with them counted apart \
         ({} pairs: {} verbatim, {} paraphrase; {} on label-0 pairs); wall {}",
        r.half.name(),
        s.truth_paraphrase + s.truth_negative,
        r.articles,
        r.skipped_rows,
        fmt_ratio(s.recall_paraphrase()),
        s.found_paraphrase,
        s.truth_paraphrase,
        fmt_ratio(score::ratio(s.aligned_negative, s.truth_negative)),
        s.aligned_negative,
        s.truth_negative,
        fmt_ratio(s.precision_any()),
        fmt_ratio(s.precision_any_apart()),
        s.reported(),
        s.reported_verbatim,
        s.reported_paraphrase,
        s.on_negative[0] + s.on_negative[1],
        secs(r.wall),
    );
}

fn run_all(sizes: &[usize], seed: u64, with_msrp: bool) -> Option<bool> {
    let (load, cores) = load();
    println!(
        "align bench: build of {}; {cores} cores, load average {} before the run",
        commit(),
        load.map_or("unknown".into(), |l| format!("{l:.2}"))
    );
    let mut runs = Vec::new();
    for &n in sizes {
        runs.push(run_size(n, seed)?);
    }
    let msrp = with_msrp.then(|| run_msrp(msrp::Half::HeldOut)).flatten();
    if let Some(m) = &msrp {
        print_msrp(m);
    }

    // Growth of the CPU time between sizes from 1,000 up (the wall clock swings with other
    // work on the machine; the CPU time much less).
    let mut growth_ok = true;
    let mut growth = Vec::new();
    let big: Vec<&SizeRun> = runs.iter().filter(|r| r.n >= 1_000).collect();
    for w in big.windows(2) {
        if let (Some(t1), Some(t2)) = (w[0].cpu, w[1].cpu) {
            let e = (t2 / t1).ln() / (w[1].n as f64 / w[0].n as f64).ln();
            growth_ok &= e <= MAX_GROWTH;
            growth.push(format!(
                "{}→{}: n^{e:.2} {}",
                w[0].n,
                w[1].n,
                mark(e <= MAX_GROWTH)
            ));
        }
    }

    println!();
    println!("| Articles | `passages --json` wall (align) | CPU | Peak RSS | Verbatim P | Verbatim R | Paraphrase P | Paraphrase R | Pairs (verbatim + paraphrase) |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for r in &runs {
        let s = &r.scores;
        let target = |ok: bool, has: bool| {
            if has {
                format!(" {}", mark(ok))
            } else {
                String::new()
            }
        };
        let wall = r.wall.map_or("n/a".into(), |w| {
            format!(
                "{}{}{}",
                secs(w),
                r.align
                    .map(|a| format!(" ({})", secs(a)))
                    .unwrap_or_default(),
                target(
                    wall_target(r.n).is_none_or(|t| w <= t),
                    wall_target(r.n).is_some()
                )
            )
        });
        let rss = r.rss.map_or("n/a".into(), |m| {
            format!(
                "{m:.0} MiB{}",
                target(
                    rss_target(r.n).is_none_or(|t| m <= t),
                    rss_target(r.n).is_some()
                )
            )
        });
        let corpora = if r.corpora > 1 {
            format!(" ×{}", r.corpora)
        } else {
            String::new()
        };
        println!(
            "| {}{corpora} | {wall} | {} | {rss} | {} ({}/{}) | {} ({}/{}) | {} ({}/{}) | {} ({}/{}) | {} + {} |",
            r.n,
            r.cpu.map_or("n/a".into(), secs),
            fmt_ratio(s.precision_verbatim()),
            s.correct_verbatim,
            s.reported_verbatim,
            fmt_ratio(s.recall_verbatim()),
            s.found_verbatim,
            s.truth_verbatim,
            fmt_ratio(s.precision_paraphrase()),
            s.correct_paraphrase,
            s.reported_paraphrase,
            fmt_ratio(s.recall_paraphrase()),
            s.found_paraphrase,
            s.truth_paraphrase,
            s.reported_verbatim,
            s.reported_paraphrase,
        );
    }
    if let Some(m) = &msrp {
        let s = &m.scores;
        println!();
        println!("| MSRP held-out half | Paraphrase recall | Label-0 pairs aligned | Precision, label 0 wrong | Precision, label 0 apart | Pairs |");
        println!("| --- | --- | --- | --- | --- | --- |");
        println!(
            "| {} pairs in {} articles | {} ({}/{}) | {} ({}/{}) | {} | {} | {} |",
            s.truth_paraphrase + s.truth_negative,
            m.articles,
            fmt_ratio(s.recall_paraphrase()),
            s.found_paraphrase,
            s.truth_paraphrase,
            fmt_ratio(score::ratio(s.aligned_negative, s.truth_negative)),
            s.aligned_negative,
            s.truth_negative,
            fmt_ratio(s.precision_any()),
            fmt_ratio(s.precision_any_apart()),
            s.reported(),
        );
    }
    if !growth.is_empty() {
        println!("\nCPU time growth: {}", growth.join(", "));
    }
    println!("(×4: four corpora of that size, counts pooled, median time, largest memory; CPU: user + system time of the process)");
    Some(runs.iter().all(|r| r.ok) && growth_ok)
}
