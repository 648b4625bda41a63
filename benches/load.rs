//! Loading throughput: `cargo bench --bench load [-- N...]` and
//! `cargo bench --bench load -- pages [N...]`.
//!
//! The first writes N synthetic articles (a third each plain text, Markdown with front
//! matter, and small HTML pages), then times `Corpus::load` on the folder and reports
//! articles per second and the peak resident memory of the process.
//!
//! `pages` writes N saved news pages of real size (about 70 KB each: head metadata and
//! JSON-LD, inline scripts and styles, navigation menus, the article, related links, a
//! comment form, a footer of links), then times a first start (every page extracted), a
//! second start (pages taken from the document store of the first) and, for reference, a
//! folder of the same articles as plain text.

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

/// A saved news page of real size: markup around nine paragraphs of article.
fn real_page(i: usize, words: &mut Words) -> (String, String) {
    let body: Vec<String> = (0..9).map(|_| words.paragraph(55)).collect();
    let menu: String = (0..120)
        .map(|k| format!("<li class=\"menu__item menu__item--{k}\"><a class=\"menu__link\" href=\"/section/{k}/index.html\" data-track=\"nav|{k}\">Section {k}</a></li>\n"))
        .collect();
    let related: String = (0..40)
        .map(|k| format!("<li><a href=\"/{k}/story.html\"><img src=\"/img/{k}.jpg\" alt=\"\" loading=\"lazy\" width=\"320\" height=\"180\"><span class=\"headline\">Related story number {k} about the {}</span></a></li>\n", words.next()))
        .collect();
    let script: String = (0..300)
        .map(|k| format!("window.__cfg{k} = {{\"id\": {k}, \"slot\": \"ad-{k}\", \"sizes\": [[300, 250], [728, 90]], \"targeting\": {{\"section\": \"world\"}}}};\n"))
        .collect();
    let style: String = (0..200)
        .map(|k| format!(".c{k} {{ margin: {k}px 0; padding: 0 {k}px; color: #{k:03x}; }}\n"))
        .collect();
    let footer: String = (0..80)
        .map(|k| format!("<li><a href=\"/about/{k}\">Footer link {k}</a></li>"))
        .collect();
    let paras: String = body
        .iter()
        .map(|p| format!("<p class=\"story__paragraph\">{p}</p>\n"))
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Story number {i} | Example Post</title>\
         <meta property=\"og:site_name\" content=\"Example Post\">\
         <meta property=\"og:title\" content=\"Story number {i}\">\
         <meta property=\"article:published_time\" content=\"2019-05-31T10:00:00Z\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
         \"headline\":\"Story number {i}\",\"datePublished\":\"2019-05-31T10:00:00Z\",\
         \"publisher\":{{\"@type\":\"Organization\",\"name\":\"Example Post\"}}}}</script>\
         <style>{style}</style><script>{script}</script></head><body>\
         <div class=\"cookie-banner\"><p>We use cookies to improve your experience. By clicking Accept you agree.</p><button>Accept</button></div>\
         <header><nav><ul>{menu}</ul></nav></header><main><article><h1>Story number {i}</h1>\
         <p class=\"byline\">By Staff Writer</p><div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>\
         {paras}</article><aside><h2>More stories</h2><ul>{related}</ul></aside>\
         <section class=\"comments\"><h2>Comments</h2><form><textarea></textarea><button>Post a comment</button></form></section>\
         </main><footer><ul>{footer}</ul><p>Copyright 2019 Example Post. All rights reserved.</p></footer></body></html>"
    );
    (html, format!("Story number {i}\n\n{}\n", body.join("\n\n")))
}

/// Times a load of `dir` with `options`: seconds and articles.
fn time_load(dir: &Path, options: &LoadOptions) -> (f64, usize) {
    let start = Instant::now();
    let corpus = Corpus::load(&[dir.to_path_buf()], options);
    (start.elapsed().as_secs_f64(), corpus.articles.len())
}

fn pages(sizes: &[usize]) {
    for &n in sizes {
        let root = tempfile::tempdir().unwrap();
        let (html_dir, text_dir) = (root.path().join("html"), root.path().join("text"));
        std::fs::create_dir_all(&html_dir).unwrap();
        std::fs::create_dir_all(&text_dir).unwrap();
        let mut words = Words(0x9e37_79b9_7f4a_7c15);
        let mut bytes = 0;
        for i in 0..n {
            let (html, text) = real_page(i, &mut words);
            bytes += html.len();
            std::fs::write(html_dir.join(format!("p{i:06}.html")), html).unwrap();
            std::fs::write(text_dir.join(format!("p{i:06}.txt")), text).unwrap();
        }
        let options = LoadOptions {
            store_dir: Some(root.path().join("store")),
            ..LoadOptions::default()
        };
        let (first, got) = time_load(&html_dir, &options);
        assert_eq!(got, n);
        let (second, got) = time_load(&html_dir, &options);
        assert_eq!(got, n);
        let (text, got) = time_load(&text_dir, &LoadOptions::default());
        assert_eq!(got, n);
        println!(
            "pages {n:>5} (mean {:.0} KB): first start {first:>6.2} s ({:>5.0}/s), \
             second start {second:>6.2} s ({:>6.0}/s), same articles as text {text:>6.2} s ({:>6.0}/s)",
            bytes as f64 / n as f64 / 1024.0,
            n as f64 / first,
            n as f64 / second,
            n as f64 / text,
        );
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if args.iter().any(|a| a == "pages") {
        pages(if sizes.is_empty() { &[200] } else { &sizes });
        return;
    }
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
