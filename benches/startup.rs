//! How soon the reader answers on a large folder: `cargo bench --bench startup [-- DIR]`.
//!
//! Runs the release binary (`CROSSREAD_BIN=PATH` for another build) in a pseudo-terminal of
//! 120×40 on DIR (default: the align bench's 10,000-article corpus in
//! `target/tmp/align-bench/`, written by `cargo bench --bench align`), twice, with a fresh
//! `XDG_CACHE_HOME`: a cold start, which aligns, and a warm one, which reads the cache. For
//! each it reports the time from spawning the process to
//!
//! - the first frame (the title bar is on the screen),
//! - the library (the corpus is read: the title counts its articles),
//! - the alignment (the title no longer says "lining up"),
//!
//! and, on the cold start, how long the screen takes to answer `?` (the help opens) and `Esc`
//! (it closes), pressed in turn every 300 ms while the alignment runs. Then the size of the cache entry, and the time to read it back in
//! process. Targets: first frame under 0.5 s; a key answered under 0.2 s while aligning;
//! the warm start aligned under 1 s after the library shows.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

use crossread::align::AlignOptions;
use crossread::cache::{AlignmentCache, CacheKey};
use crossread::corpus::{Corpus, LoadOptions};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// Longest wait for one milestone: a cold 10,000-article start aligns for ~10 s on 2 cores.
const TIMEOUT: Duration = Duration::from_secs(120);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/tmp/align-bench/n10000-seedc0ffee2015"),
    };
    if !dir.is_dir() {
        println!(
            "startup: no corpus at {}; write one with `cargo bench --bench align -- gen DIR 10000` \
             and run `cargo bench --bench startup -- DIR`",
            dir.display()
        );
        return;
    }
    let bin = std::env::var_os("CROSSREAD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/crossread"));
    let home = tempfile::tempdir().expect("a temporary folder");
    println!("startup: {} with {}", dir.display(), bin.display());

    let cold = start(&bin, &dir, home.path(), true);
    cold.print("cold");
    let warm = start(&bin, &dir, home.path(), false);
    warm.print("warm");

    let cache_dir = home.path().join("cache/crossread/alignments");
    let entries: Vec<PathBuf> = std::fs::read_dir(&cache_dir)
        .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    let bytes: u64 = entries
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "cache: {} entr{}, {:.1} MiB",
        entries.len(),
        if entries.len() == 1 { "y" } else { "ies" },
        bytes as f64 / (1024.0 * 1024.0)
    );
    let corpus = Corpus::load(std::slice::from_ref(&dir), &LoadOptions::default());
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let clock = Instant::now();
    let key = CacheKey::new(&texts, &AlignOptions::default());
    let hashed = clock.elapsed();
    let cache = AlignmentCache::new(&cache_dir);
    let clock = Instant::now();
    let alignment = cache.load(key, &texts);
    let read = clock.elapsed();
    match alignment {
        Some(a) => println!(
            "cache: key of {} texts in {:.0} ms; entry read in {:.0} ms ({} pairs, {} groups, {} unique spans)",
            texts.len(),
            ms(hashed),
            ms(read),
            a.pairs.len(),
            a.groups.len(),
            a.unique.len()
        ),
        None => println!("cache: MISS, no entry for the default options (a config in the way?)"),
    }
}

/// Milestones of one start, from spawning the process.
struct Start {
    first_frame: Duration,
    library: Duration,
    aligned: Duration,
    /// Keys pressed while aligning (cold start only).
    keys: Option<Keys>,
}

/// How long the screen took to answer `?` and `Esc`, pressed in turn while aligning.
struct Keys {
    count: usize,
    median: Duration,
    worst: Duration,
}

impl Start {
    fn print(&self, name: &str) {
        let mut line = format!(
            "{name}: first frame {:.0} ms{}, library {:.0} ms, aligned {:.0} ms",
            ms(self.first_frame),
            mark(self.first_frame, 500),
            ms(self.library),
            ms(self.aligned)
        );
        if let Some(keys) = &self.keys {
            line.push_str(&format!(
                "; {} keys while aligning answered in {:.0} ms (median), {:.0} ms (worst){}",
                keys.count,
                ms(keys.median),
                ms(keys.worst),
                mark(keys.worst, 200)
            ));
        }
        println!("{line}");
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mark(d: Duration, target_ms: u64) -> &'static str {
    if d <= Duration::from_millis(target_ms) {
        " ok"
    } else {
        " MISS"
    }
}

/// Runs one start; quits with `q` once aligned.
fn start(bin: &Path, dir: &Path, home: &Path, press_keys: bool) -> Start {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg(dir);
    cmd.cwd(home);
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env("TERM", "xterm-256color");
    let spawned = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("the binary starts");
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
    let done = Arc::new(AtomicBool::new(false));
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let sink = Arc::clone(&parser);
    let reading = Arc::clone(&done);
    let thread = std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while !reading.load(Ordering::SeqCst) {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.lock().unwrap().process(&buf[..n]),
            }
        }
    });
    let mut writer = pty.master.take_writer().expect("a writer");
    let screen = || parser.lock().unwrap().screen().contents();
    let title = || screen().lines().next().unwrap_or("").to_string();
    let wait = |what: &str, is_there: &dyn Fn() -> bool| -> Instant {
        let since = Instant::now();
        while !is_there() {
            assert!(
                since.elapsed() < TIMEOUT,
                "startup: gave up waiting for {what}; the screen:\n{}",
                screen()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        Instant::now()
    };

    let first_frame = wait("the first frame", &|| title().contains("crossread")) - spawned;
    let library = wait("the library", &|| title().contains(" articles")) - spawned;
    let mut keys = None;
    if press_keys {
        // Every 300 ms while the alignment runs, through every stage: `?`, then `Esc`.
        let help = "Read the selected article";
        let mut latencies = Vec::new();
        while title().contains("lining up") {
            let pressed = Instant::now();
            writer.write_all(b"?").unwrap();
            latencies.push(wait("the help", &|| screen().contains(help)) - pressed);
            let pressed = Instant::now();
            writer.write_all(b"\x1b").unwrap();
            latencies.push(wait("the help to close", &|| !screen().contains(help)) - pressed);
            std::thread::sleep(Duration::from_millis(300));
        }
        latencies.sort();
        if let (Some(&median), Some(&worst)) =
            (latencies.get(latencies.len() / 2), latencies.last())
        {
            keys = Some(Keys {
                count: latencies.len(),
                median,
                worst,
            });
        }
    }
    let aligned = wait("the alignment", &|| {
        let t = title();
        t.contains(" articles") && !t.contains("lining up")
    }) - spawned;
    writer.write_all(b"q").unwrap();
    let _ = child.wait();
    done.store(true, Ordering::SeqCst);
    drop(writer);
    drop(pty.master);
    let _ = thread.join();
    Start {
        first_frame,
        library,
        aligned,
        keys,
    }
}
