//! A fuzz harness run by `cargo test`: seeded mutations of real inputs fed to every loader
//! (HTML, Markdown with front matter, plain text in any encoding, JSON Lines), to cleaning
//! and description, to the aligner and to the cache reader.
//!
//! Each target has a fixed budget: [`RUNS`] inputs (`CROSSREAD_FUZZ_RUNS` sets another
//! number, for a longer campaign) and [`TIME_BUDGET`] of wall-clock time, whichever ends
//! first. Input `i` of a target is made from seed `i` alone, so a failure names the seed
//! that reproduces it, and its input is written to a file. A run fails on a panic, on an
//! input that takes longer than [`SLOW`] (and more for large inputs), or on output that breaks an invariant (control
//! characters in a loaded text, a span outside its text).
//!
//! A stack overflow or an abort cannot be caught: it ends the test binary, which fails the
//! test all the same.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use crossread::align::{align, AlignOptions, Alignment};
use crossread::cache::{AlignmentCache, CacheKey};
use crossread::corpus::{document_from_bytes, Corpus, Document, Format, LoadOptions};

/// Inputs per target, unless `CROSSREAD_FUZZ_RUNS` says otherwise.
const RUNS: usize = 150;

/// Wall-clock time per target: the suite stays quick on a loaded machine.
const TIME_BUDGET: Duration = Duration::from_secs(20);

/// One input taking longer than this, plus [`SLOW_PER_MB`] per megabyte of it, is a finding.
/// Generous, for a debug build on a loaded machine (wall-clock time, not CPU time, since the
/// loaders and the aligner run on several threads): linear work on the largest inputs stays
/// well below, while a quadratic path takes many times longer (two 20 KB files of one
/// repeated word took the aligner minutes).
const SLOW: Duration = Duration::from_secs(3);
const SLOW_PER_MB: Duration = Duration::from_secs(30);

/// xorshift64*: small, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn new(target: &str, seed: u64) -> Rng {
        let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
        for b in target.bytes() {
            state = (state ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
        }
        Rng(state | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T: Sized>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn sample_texts() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn news_page() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loader/news_page.html"),
    )
    .unwrap()
}

/// Pieces that hostile or broken files are made of, spliced in by [`mutate`].
const FRAGMENTS: &[&[u8]] = &[
    b"<div>",
    b"</div>",
    b"<div/>",
    b"</x>",
    b"<b id=1>",
    b"</b>",
    b"<p>",
    b"<li>",
    b"<table>",
    b"<tr><td>",
    b"<svg><path/>",
    b"</svg>",
    b"<math>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<!DOCTYPE html>",
    b"<meta charset=\"shift_jis\">",
    b"<meta charset=utf-16>",
    b"<meta property=\"og:title\" content=\"",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&#xD800;",
    b"&",
    b"&nbsp",
    b"\"",
    b"'",
    b">",
    b"<",
    b"<a href='",
    b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":[[[[",
    b"\x1b]0;title\x07",
    b"\x1b[2J",
    b"\xc2\x9b31m",
    b"\xe2\x80\xae",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xfe\xff",
    b"\x1a",
    b"\xe9",
    b"\xc3",
    b"\x80",
    b"\xed\xa0\x80",
    b"---\n",
    b"+++\n",
    b"...\n",
    b"title: ",
    b"date: 2015-10-25\n",
    b"author: [a, b]\n",
    b"&a [x, x, x]\n",
    b"*a",
    b"{{{{",
    b"}}}}",
    b"[[[[",
    b"]]]]",
    b"? ",
    b": ",
    b"- ",
    b"\t",
    b"By Jane Doe\n",
    b"- Sputnik International\n",
    b"Global Research, October 25, 2015\n",
    b"Subscribe to our newsletter\n",
    b"\xe2\x80\x8b",
    b"\xe2\x80\xa8",
    b"\xcd\x8f",
    b"\n\n",
];

/// Applies a few random edits: byte flips, splices of [`FRAGMENTS`], repeats of a chunk (to
/// build depth and size), cuts, and swaps of two chunks.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    let edits = 1 + rng.below(8);
    for _ in 0..edits {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(8) {
            0 if len > 0 => data[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => data[at.min(len - 1)] = rng.next() as u8,
            2 | 3 => {
                let piece = FRAGMENTS[rng.below(FRAGMENTS.len())];
                data.splice(at..at, piece.iter().copied());
            }
            4 => {
                // A fragment many times over: nesting, long runs.
                let piece = FRAGMENTS[rng.below(FRAGMENTS.len())];
                let times = 1 + rng.below(5_000);
                let run: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * times)
                    .collect();
                data.splice(at..at, run);
            }
            5 if len > 0 => {
                let end = (at + rng.below(2_000)).min(len);
                let chunk = data[at..end].to_vec();
                let times = 1 + rng.below(20);
                for _ in 0..times {
                    data.splice(at..at, chunk.iter().copied());
                }
            }
            6 if len > 0 => {
                let end = (at + rng.below(len / 2 + 1)).min(len);
                data.drain(at..end);
            }
            _ if len > 2 => {
                let a = rng.below(len);
                let b = rng.below(len);
                data.swap(a, b);
            }
            _ => {
                let piece = FRAGMENTS[rng.below(FRAGMENTS.len())];
                data.extend_from_slice(piece);
            }
        }
        // Stay near real sizes: the loaders refuse more than 10 MB anyway.
        data.truncate(2 * 1024 * 1024);
    }
    data
}

/// What one target found.
#[derive(Debug, Default)]
struct Report {
    runs: usize,
    elapsed: Duration,
    failures: Vec<String>,
}

fn runs() -> usize {
    std::env::var("CROSSREAD_FUZZ_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(RUNS)
}

/// Runs `check` on inputs made by `make` until the budget is spent; a panic or an `Err` from
/// `check`, or a slow input, is a failure, saved for reproduction.
fn fuzz(
    target: &str,
    make: impl Fn(&mut Rng) -> Vec<u8>,
    check: impl Fn(&[u8]) -> Result<(), String>,
) -> Report {
    let mut report = Report::default();
    let start = Instant::now();
    let saved = std::env::temp_dir().join("crossread-fuzz");
    for seed in 0..runs() as u64 {
        if start.elapsed() > TIME_BUDGET && std::env::var_os("CROSSREAD_FUZZ_RUNS").is_none() {
            break;
        }
        let mut rng = Rng::new(target, seed);
        let input = make(&mut rng);
        let clock = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        let took = clock.elapsed();
        let allowed = SLOW + SLOW_PER_MB.mul_f64(input.len() as f64 / 1e6);
        let problem = match outcome {
            Ok(Ok(())) if took > allowed => {
                Some(format!("took {took:?} for {} bytes", input.len()))
            }
            Ok(Ok(())) => None,
            Ok(Err(message)) => Some(message),
            Err(_) => Some("panicked".to_string()),
        };
        if let Some(problem) = problem {
            let _ = std::fs::create_dir_all(&saved);
            let file = saved.join(format!("{target}-{seed}"));
            let _ = std::fs::write(&file, &input);
            report.failures.push(format!(
                "{target} seed {seed}: {problem} (input: {})",
                file.display()
            ));
        }
        report.runs += 1;
    }
    report.elapsed = start.elapsed();
    eprintln!(
        "fuzz {target}: {} runs in {:.1} s, {} failures",
        report.runs,
        report.elapsed.as_secs_f64(),
        report.failures.len()
    );
    report
}

#[track_caller]
fn assert_clean(report: Report) {
    assert!(report.runs > 0);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
}

/// A loaded text holds no control character but `\n` (nothing a terminal would act on).
fn check_text(what: &str, text: &str) -> Result<(), String> {
    match text.chars().find(|&c| c.is_control() && c != '\n') {
        Some(c) => Err(format!("{what} holds {c:?}")),
        None => Ok(()),
    }
}

/// Loads one file's bytes, then cleans and describes it with a good article beside it.
fn check_load(format: Format, bytes: &[u8]) -> Result<(), String> {
    let path = Path::new(match format {
        Format::Html => "fuzz.html",
        Format::Markdown => "fuzz.md",
        Format::Text => "fuzz.txt",
        Format::Jsonl => "fuzz.jsonl",
    });
    let Ok(doc) = document_from_bytes(path, format, bytes) else {
        return Ok(()); // a reasoned refusal (binary, no text) is a fine answer
    };
    check_document(&doc)?;
    let good = document_from_bytes(Path::new("good.txt"), Format::Text, &sample_texts()[0])
        .map_err(|e| e.to_string())?;
    let corpus = Corpus::from_documents(vec![doc, good], Vec::new(), &LoadOptions::default());
    for article in &corpus.articles {
        check_text("text", &article.text)?;
        let meta = &article.meta;
        for value in [&meta.title, &meta.outlet, &meta.author]
            .into_iter()
            .flatten()
        {
            check_text("a metadata field", value)?;
        }
    }
    Ok(())
}

fn check_document(doc: &Document) -> Result<(), String> {
    check_text("raw text", &doc.raw)?;
    for value in [&doc.declared.title, &doc.declared.outlet]
        .into_iter()
        .flatten()
    {
        check_text("a declared field", value)?;
    }
    if let Some(date) = &doc.declared.date {
        check_text("a declared date", date.written())?;
    }
    Ok(())
}

/// Every span of `alignment` is a non-empty slice of its text on character boundaries.
fn check_alignment(alignment: &Alignment, texts: &[&str]) -> Result<(), String> {
    let spans = alignment
        .pairs
        .iter()
        .flat_map(|p| [p.a, p.b])
        .chain(
            alignment
                .groups
                .iter()
                .flat_map(|g| g.members.iter().copied()),
        )
        .chain(alignment.unique.iter().copied());
    for span in spans {
        let text = texts.get(span.article).ok_or("span of no article")?;
        if text.get(span.start..span.end).is_none() || span.start >= span.end {
            return Err(format!(
                "span {span:?} outside its text of {} bytes",
                text.len()
            ));
        }
    }
    Ok(())
}

#[test]
fn fuzz_html_loader() {
    let seeds = [
        news_page(),
        format!(
            "<html><head><title>T</title></head><body><article>{}</article></body></html>",
            String::from_utf8_lossy(&sample_texts()[1]).replace("\n\n", "</p><p>")
        )
        .into_bytes(),
    ];
    assert_clean(fuzz(
        "html",
        |rng| {
            let seed = rng.pick(&seeds).clone();
            mutate(rng, &seed)
        },
        |bytes| check_load(Format::Html, bytes),
    ));
}

#[test]
fn fuzz_markdown_and_front_matter_loader() {
    let body = String::from_utf8_lossy(&sample_texts()[2]).into_owned();
    let seeds = [
        format!("---\ntitle: \"Talks resume\"\noutlet: Example News\ndate: 2015-10-30\nauthor: [Jane Doe, John Roe]\ntags: {{a: [1, 2], b: {{c: d}}}}\n---\n\n{body}"),
        format!("+++\ntitle = \"Talks\"\ndate = 2015-10-30T10:00:00Z\n[extra]\nx = [[1], [2]]\n+++\n{body}"),
        format!("---\nbase: &b {{title: x}}\nother: *b\n---\n# Heading\n\n{body}"),
    ];
    assert_clean(fuzz(
        "markdown",
        |rng| {
            let seed = rng.pick(&seeds).clone();
            mutate(rng, seed.as_bytes())
        },
        |bytes| check_load(Format::Markdown, bytes),
    ));
}

#[test]
fn fuzz_text_decoding() {
    let texts = sample_texts();
    let japanese = "東京都は、新しい情報センターの設置について発表した。".repeat(20);
    let mut seeds: Vec<Vec<u8>> = texts.clone();
    let first = String::from_utf8_lossy(&texts[0]).into_owned();
    for encoding in [
        encoding_rs::WINDOWS_1252,
        encoding_rs::WINDOWS_1251,
        encoding_rs::UTF_16LE,
    ] {
        seeds.push(encoding.encode(&first).0.into_owned());
    }
    seeds.push(encoding_rs::SHIFT_JIS.encode(&japanese).0.into_owned());
    seeds.push([&b"\xff\xfe"[..], &encoding_rs::UTF_16LE.encode(&first).0].concat());
    assert_clean(fuzz(
        "text",
        |rng| {
            let seed = rng.pick(&seeds).clone();
            mutate(rng, &seed)
        },
        |bytes| check_load(Format::Text, bytes),
    ));
}

#[test]
fn fuzz_json_lines_corpus() {
    let texts: Vec<String> = sample_texts()
        .iter()
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let line = |i: usize, text: &str| {
        serde_json::json!({
            "id": format!("article-{i}"),
            "series": "outlet",
            "date": "2015-10-25",
            "title": "A title",
            "text": text,
        })
        .to_string()
    };
    let seed: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| line(i, t) + "\n")
        .collect();
    assert_clean(fuzz(
        "jsonl",
        |rng| mutate(rng, seed.as_bytes()),
        |bytes| {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return Ok(()); // refused whole: JSON Lines must be UTF-8
            };
            let (docs, _) = crossread::corpus::jsonl::documents(Path::new("fuzz.jsonl"), text);
            for doc in &docs {
                check_document(doc)?;
            }
            let corpus = Corpus::from_documents(docs, Vec::new(), &LoadOptions::default());
            for article in &corpus.articles {
                check_text("text", &article.text)?;
            }
            Ok(())
        },
    ));
}

#[test]
fn fuzz_aligner() {
    let texts: Vec<String> = sample_texts()
        .iter()
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    assert_clean(fuzz(
        "align",
        |rng| {
            // Three to six articles, each a mutated sample (copies, cuts and splices of
            // other articles' sentences make shared passages to find), joined by NUL.
            let n = 3 + rng.below(4);
            let mut out = Vec::new();
            for _ in 0..n {
                let base = rng.pick(&texts).clone().into_bytes();
                let mut article = if rng.below(3) == 0 {
                    base.clone()
                } else {
                    mutate(rng, &base)
                };
                if rng.below(2) == 0 {
                    let other = rng.pick(&texts).clone().into_bytes();
                    let at = rng.below(other.len());
                    article.extend_from_slice(&other[at..(at + rng.below(600)).min(other.len())]);
                }
                out.extend_from_slice(&article);
                out.push(0);
            }
            out
        },
        |bytes| {
            let docs: Vec<Document> = bytes
                .split(|&b| b == 0)
                .filter(|a| !a.is_empty())
                .enumerate()
                .filter_map(|(i, a)| {
                    document_from_bytes(Path::new(&format!("{i}.txt")), Format::Text, a).ok()
                })
                .collect();
            let corpus = Corpus::from_documents(docs, Vec::new(), &LoadOptions::default());
            let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
            let alignment = align(&texts, &AlignOptions::default());
            check_alignment(&alignment, &texts)
        },
    ));
}

#[test]
fn fuzz_cache_entries() {
    let texts: Vec<String> = sample_texts()
        .iter()
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            document_from_bytes(Path::new(&format!("{i}.txt")), Format::Text, t.as_bytes()).unwrap()
        })
        .collect();
    let corpus = Corpus::from_documents(docs, Vec::new(), &LoadOptions::default());
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let options = AlignOptions::default();
    let key = CacheKey::new(&texts, &options);
    let dir = tempfile::tempdir().unwrap();
    let cache = AlignmentCache::new(dir.path());
    cache.store(key, &align(&texts, &options)).unwrap();
    let entry = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .unwrap();
    let valid = std::fs::read(&entry).unwrap();
    assert_clean(fuzz(
        "cache",
        |rng| {
            // Small edits only past the header (magic and key), so that most entries
            // decode and reach the checks against the texts.
            let mut bytes = valid.clone();
            for _ in 0..1 + rng.below(4) {
                let at = 24 + rng.below(bytes.len() - 24);
                match rng.below(3) {
                    0 => bytes[at] = rng.next() as u8,
                    1 => bytes[at] ^= 1 << rng.below(8),
                    _ => bytes.insert(at, rng.next() as u8),
                }
            }
            bytes
        },
        |bytes| {
            std::fs::write(&entry, bytes).map_err(|e| e.to_string())?;
            match cache.load(key, &texts) {
                Some(alignment) => check_alignment(&alignment, &texts),
                None => Ok(()),
            }
        },
    ));
}
