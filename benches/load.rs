//! Loading throughput: `cargo bench --bench load [-- N...]`.
//!
//! Writes N synthetic articles (a third each plain text, Markdown with front matter, and
//! HTML pages with navigation and share widgets), then times `Corpus::load` on the folder
//! and reports articles per second and the peak resident memory of the process.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crossread::corpus::{Corpus, LoadOptions};

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "Friday",
    "that",
    "forces",
    "would",
    "coordinate",
    "operations",
    "against",
    "militants",
    "in",
    "the",
    "region",
    "according",
    "to",
    "a",
    "statement",
    "released",
    "by",
    "officials",
    "who",
    "met",
    "in",
    "Baghdad",
    "and",
    "Moscow",
    "with",
    "representatives",
    "of",
    "four",
    "countries",
    "intelligence",
    "sharing",
    "center",
];

/// A deterministic pseudo-random word stream (xorshift), so every run loads the same text.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    fn paragraph(&mut self, n: usize) -> String {
        let mut p: Vec<&str> = (0..n).map(|_| self.next()).collect();
        p[0] = "Officials";
        format!("{}.", p.join(" "))
    }
}

fn write_corpus(dir: &Path, n: usize) {
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    for i in 0..n {
        let body: Vec<String> = (0..9).map(|_| words.paragraph(50)).collect();
        match i % 3 {
            0 => {
                let text = format!(
                    "Story number {i}\n\nBy Staff Writer\n\n{}\n\nSubscribe\n",
                    body.join("\n\n")
                );
                std::fs::write(dir.join(format!("a{i:06}.txt")), text).unwrap();
            }
            1 => {
                let text = format!(
                    "---\ntitle: Story number {i}\noutlet: Example Times\ndate: 2015-10-{:02}\n---\n\n{}\n",
                    1 + i % 28,
                    body.join("\n\n")
                );
                std::fs::write(dir.join(format!("a{i:06}.md")), text).unwrap();
            }
            _ => {
                let paras: String = body.iter().map(|p| format!("<p>{p}</p>\n")).collect();
                let text = format!(
                    "<html><head><title>Story number {i}</title>\
                     <meta property=\"og:site_name\" content=\"Example Post\"></head><body>\
                     <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
                     <article><h1>Story number {i}</h1>{paras}</article>\
                     <footer>Share on Facebook. Copyright Example Post.</footer></body></html>"
                );
                std::fs::write(dir.join(format!("a{i:06}.html")), text).unwrap();
            }
        }
    }
}

/// Peak resident set size of this process in MiB (Linux), if known.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1000]
    } else {
        sizes
    };
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path(), n);
        let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
        let start = Instant::now();
        let corpus = Corpus::load(&paths, &LoadOptions::default());
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(
            corpus.articles.len(),
            n,
            "warnings: {:?}",
            corpus.warnings.first()
        );
        let words: usize = corpus.articles.iter().map(|a| a.words).sum();
        println!(
            "load {n:>6} articles ({words} words): {secs:>7.3} s, {:>8.0} articles/s, peak RSS {}",
            n as f64 / secs,
            peak_rss_mib().map_or("n/a".to_string(), |m| format!("{m:.0} MiB")),
        );
    }
}
