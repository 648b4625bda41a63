//! Search as you type: `cargo bench --bench search [-- N... | -- DIR]`.
//!
//! Builds N articles (default 10,000) in memory — about 500 words each drawn from a
//! Zipf-distributed vocabulary of 60,000 made-up words, with outlets, titles and dates —
//! plants one word in a single article's body, then times what the library does on each
//! keystroke of a search: the filter over titles, outlets, authors and ids plus the body
//! index ([`crossread::display::search::find`]), and sorting what it found. Also times
//! building the index (done once, on a thread beside the alignment). With a folder instead
//! of a number, it loads real articles from it and types words taken from them.
//!
//! Prints per keystroke the median and the slowest time; the target is under 50 ms.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crossread::corpus::{Article, Corpus, Format, LoadOptions, Metadata};
use crossread::display::search::{find, FieldKeys, SearchIndex};

/// The word planted in one article's body alone.
const PLANTED: &str = "zeppelinfield";

/// A deterministic generator (xorshift), so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A word rank, Zipf-like: rank r with probability about 1/r.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// Made-up words from syllables: `kabotinu`, `relo`…
fn vocabulary(n: usize, rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "bo", "ti", "nu", "re", "lo", "sa", "mi", "de", "po", "ra", "ve", "go", "li", "tu",
        "ne", "shi", "an", "or", "el", "qui", "sto", "pra", "den",
    ];
    (0..n)
        .map(|i| {
            let len = 1 + (i % 4) + (rng.next() % 2) as usize;
            (0..len)
                .map(|_| SYLLABLES[(rng.next() % SYLLABLES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

fn synthetic(n: usize) -> Corpus {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let words = vocabulary(60_000, &mut rng);
    let outlets = [
        "Example Times",
        "Daily Wire Copy",
        "The Morning Post",
        "Radio Nord",
    ];
    let articles = (0..n)
        .map(|i| {
            let mut text = String::new();
            for p in 0..8 {
                for w in 0..60 {
                    let word = &words[rng.zipf(words.len())];
                    if w == 0 {
                        let mut c = word.chars();
                        text.extend(c.next().map(|f| f.to_ascii_uppercase()));
                        text.push_str(c.as_str());
                    } else {
                        text.push(' ');
                        text.push_str(word);
                    }
                    if i == n / 2 && p == 5 && w == 30 {
                        text.push(' ');
                        text.push_str(PLANTED);
                    }
                }
                text.push_str(".\n\n");
            }
            let title: Vec<&str> = (0..6).map(|_| words[rng.zipf(2000)].as_str()).collect();
            Article {
                id: format!("a{i:06}"),
                path: format!("a{i:06}.txt").into(),
                format: Format::Text,
                meta: Metadata {
                    title: Some(title.join(" ")),
                    outlet: Some(outlets[i % outlets.len()].to_string()),
                    date: crossread::corpus::PubDate::parse(&format!(
                        "2019-0{}-1{}",
                        1 + i % 9,
                        i % 10
                    )),
                    ..Metadata::default()
                },
                words: text.split_whitespace().count(),
                raw: String::new(),
                text,
            }
        })
        .collect();
    Corpus {
        articles,
        ..Corpus::default()
    }
}

/// Times typing `query` a character at a time: each keystroke's filter and sort.
fn type_query(
    keys: &[FieldKeys],
    dates: &[Option<String>],
    index: &SearchIndex,
    query: &str,
) -> (Vec<Duration>, usize) {
    let mut times = Vec::new();
    let mut found_last = 0;
    for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let typed = &query[..end];
        let start = Instant::now();
        let found = find(keys.iter(), typed, Some(index));
        let mut view: Vec<usize> = (0..keys.len()).filter(|&i| found[i].is_some()).collect();
        view.sort_by(|&a, &b| dates[a].cmp(&dates[b]).then(a.cmp(&b)));
        times.push(start.elapsed());
        found_last = view.len();
    }
    (times, found_last)
}

fn report(label: &str, corpus: Corpus, queries: &[String]) {
    let corpus = Arc::new(corpus);
    let words: usize = corpus.articles.iter().map(|a| a.words).sum();
    let start = Instant::now();
    let index = SearchIndex::new(Arc::clone(&corpus));
    let build = start.elapsed();
    let keys: Vec<FieldKeys> = corpus.articles.iter().map(FieldKeys::new).collect();
    let dates: Vec<Option<String>> = corpus
        .articles
        .iter()
        .map(|a| a.meta.date.as_ref().map(|d| d.to_string()))
        .collect();
    println!(
        "{label}: {} articles, {words} words, {} distinct words; index built in {:.0} ms",
        corpus.articles.len(),
        index.len(),
        build.as_secs_f64() * 1000.0
    );
    let mut all = Vec::new();
    for query in queries {
        let (times, found) = type_query(&keys, &dates, &index, query);
        let slowest = times.iter().max().copied().unwrap_or_default();
        println!(
            "  typing {query:?}: {found} found; slowest keystroke {:.1} ms",
            slowest.as_secs_f64() * 1000.0
        );
        all.extend(times);
    }
    all.sort();
    let median = all.get(all.len() / 2).copied().unwrap_or_default();
    let slowest = all.last().copied().unwrap_or_default();
    let verdict = if slowest < Duration::from_millis(50) {
        "under the 50 ms target"
    } else {
        "OVER the 50 ms target"
    };
    println!(
        "  per keystroke over {} keystrokes: median {:.1} ms, slowest {:.1} ms ({verdict})",
        all.len(),
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let folder = args.iter().find(|a| std::path::Path::new(a).is_dir());
    if let Some(folder) = folder {
        let corpus = Corpus::load(&[folder.into()], &LoadOptions::default());
        // Words of real text to type: one common, one rare (from the last article).
        let last = corpus
            .articles
            .last()
            .map(|a| a.text.clone())
            .unwrap_or_default();
        let mut words: Vec<&str> = last
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 7)
            .collect();
        words.truncate(3);
        let mut queries: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        queries.push("the s".to_string());
        report(folder, corpus, &queries);
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    for n in sizes {
        let queries = [
            PLANTED.to_string(),
            "ka bo".to_string(),
            "example times re".to_string(),
            "nothing-like-this".to_string(),
        ];
        report(&format!("synthetic {n}"), synthetic(n), &queries);
    }
}
