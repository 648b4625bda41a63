//! Audits the sentence splitter on real folders: `cargo run --release --example sentences --
//! DIR... [--show KIND] [--sample N]`.
//!
//! Loads each folder as the aligner does (cleaned text), cuts every article into sentences
//! with `align::text::segment` and counts the sentences that look like splitting faults, by
//! kind (see [`KINDS`]). `--show KIND` prints each such sentence with its neighbours;
//! `--sample N` prints N sentences drawn evenly from all folders, to be read by a person;
//! `--time` only times the splitter over all texts (best of five rounds).
//! The counts are suspicions, not proof: a short sentence can be a real one ("He left.").

use std::path::PathBuf;

use crossread::align::text::{segment, Segmented};
use crossread::corpus::{Corpus, LoadOptions};

/// Kinds of suspicious sentences, each with what it means.
const KINDS: &[(&str, &str)] = &[
    (
        "short",
        "under 4 words, sharing its line with another sentence",
    ),
    (
        "lower",
        "starts in lower case, not the first sentence of its line",
    ),
    (
        "abbrev",
        "ends on an abbreviation or an initial, the line going on",
    ),
    (
        "glued",
        "the next sentence follows with no space between (\"6.1\", \"U.S.\")",
    ),
    (
        "decimal",
        "ends on a number and a full stop, the next starts with a digit",
    ),
    (
        "closing",
        "starts with a closing quote or bracket that belongs to the sentence before",
    ),
    (
        "headline",
        "a title-case run of 4+ words glued before a sentence on one line",
    ),
];

/// Words that, followed by a full stop, are abbreviations more often than sentence ends.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
    "sgt", "capt", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "nos", "vs", "v", "inc", "corp", "co", "ltd", "a.m", "p.m", "u.s", "u.n",
    "u.k", "e.g", "i.e", "etc", "mt", "ft", "ave", "blvd", "dept", "est", "approx", "fig",
];

fn first_char(s: &str) -> Option<char> {
    s.chars().find(|c| !c.is_whitespace())
}

fn kinds_of(text: &str, seg: &Segmented, i: usize) -> Vec<&'static str> {
    let s = &seg.sentences[i];
    let body = &text[s.start..s.end];
    let words: Vec<&str> = seg.tokens[s.tokens.clone()]
        .iter()
        .map(|t| &text[t.range()])
        .collect();
    let prev = i
        .checked_sub(1)
        .map(|j| &seg.sentences[j])
        .filter(|p| p.paragraph == s.paragraph);
    let next = seg
        .sentences
        .get(i + 1)
        .filter(|n| n.paragraph == s.paragraph);
    let mut kinds = Vec::new();
    if words.len() < 4 && (prev.is_some() || next.is_some()) {
        kinds.push("short");
    }
    if prev.is_some()
        && words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
    {
        kinds.push("lower");
    }
    if let Some(n) = next {
        let last = words.last().copied().unwrap_or("");
        let lower = last.to_lowercase();
        if body.ends_with('.')
            && text[s.start..].len() >= last.len()
            && (ABBREVIATIONS.contains(&lower.as_str())
                || (last.chars().count() == 1 && last.chars().all(char::is_alphabetic)))
        {
            kinds.push("abbrev");
        }
        if n.start == s.end {
            kinds.push("glued");
        }
        let before_stop = body.strip_suffix('.').unwrap_or("");
        if before_stop.ends_with(|c: char| c.is_ascii_digit())
            && text[n.start..].starts_with(|c: char| c.is_ascii_digit())
        {
            kinds.push("decimal");
        }
    }
    if prev.is_some() && first_char(body).is_some_and(|c| matches!(c, '”' | '’' | ')' | ']' | '»'))
        || (prev.is_some() && (body.starts_with("\" ") || body == "\""))
    {
        kinds.push("closing");
    }
    if prev.is_none() {
        // A title-case run of 4+ words, then a capitalised word starting an ordinary clause
        // ("... Talks Stall The talks ..."): a headline on the same line as the lede.
        let caps = words
            .iter()
            .take_while(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        if caps >= 4 && caps + 3 <= words.len() {
            let after = &words[caps..words.len().min(caps + 3)];
            if after
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_lowercase))
                && ["The", "A", "An", "In", "On", "At"].contains(&words[caps - 1])
            {
                kinds.push("headline");
            }
        }
    }
    kinds
}

/// A folder's name, or its parent's for an `articles` folder (`scrapes/census/articles`).
fn name(dir: &std::path::Path) -> String {
    let mut parts = dir
        .components()
        .rev()
        .map(|c| c.as_os_str().to_string_lossy());
    match parts.next() {
        Some(last) if last == "articles" => {
            parts.next().map(|p| p.into_owned()).unwrap_or_default()
        }
        Some(last) => last.into_owned(),
        None => String::new(),
    }
}

/// Times `segment` over every text of the folders: the best of five rounds, and the word
/// boundary iteration alone for comparison.
fn time_splitter(dirs: &[PathBuf]) {
    use std::time::Instant;
    use unicode_segmentation::UnicodeSegmentation;
    let corpus = Corpus::load(dirs, &LoadOptions::default());
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let best = |f: &dyn Fn() -> usize| {
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..5 {
            let start = Instant::now();
            n = f();
            best = best.min(start.elapsed().as_secs_f64());
        }
        (best, n)
    };
    let (split, sentences) = best(&|| texts.iter().map(|t| segment(t).sentences.len()).sum());
    let (bounds, segments) = best(&|| {
        texts
            .iter()
            .map(|t| t.split_word_bound_indices().count())
            .sum()
    });
    println!(
        "{} texts, {:.1} MB: segment {:.3} s ({sentences} sentences, {:.0} MB/s); word bounds alone {:.3} s ({segments} segments)",
        texts.len(),
        bytes as f64 / 1e6,
        split,
        bytes as f64 / 1e6 / split,
        bounds
    );
}

fn main() {
    let mut dirs = Vec::new();
    let mut show: Option<String> = None;
    let mut sample = 0usize;
    let mut time = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--show" => show = args.next(),
            "--time" => time = true,
            "--sample" => sample = args.next().and_then(|n| n.parse().ok()).unwrap_or(40),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: sentences DIR... [--show KIND] [--sample N]");
        std::process::exit(2);
    }
    if time {
        time_splitter(&dirs);
        return;
    }
    let mut all_sentences: Vec<String> = Vec::new();
    println!(
        "| Folder | Articles | Sentences | {} |",
        KINDS.iter().map(|k| k.0).collect::<Vec<_>>().join(" | ")
    );
    println!("|{}", " --- |".repeat(3 + KINDS.len()));
    let mut shown = Vec::new();
    for dir in &dirs {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let mut counts = vec![0usize; KINDS.len()];
        let mut total = 0;
        for article in &corpus.articles {
            let text = article.text.as_str();
            let seg = segment(text);
            total += seg.sentences.len();
            for i in 0..seg.sentences.len() {
                let s = &seg.sentences[i];
                if sample > 0 {
                    all_sentences.push(text[s.start..s.end].to_string());
                }
                for kind in kinds_of(text, &seg, i) {
                    counts[KINDS.iter().position(|k| k.0 == kind).unwrap()] += 1;
                    if show.as_deref() == Some(kind) {
                        let around = |j: Option<usize>| {
                            j.and_then(|j| seg.sentences.get(j))
                                .filter(|n| n.paragraph == s.paragraph)
                                .map(|n| &text[n.start..n.end])
                                .unwrap_or("")
                        };
                        shown.push(format!(
                            "{}: {:?} | {:?} | {:?}",
                            article.id,
                            around(i.checked_sub(1)),
                            &text[s.start..s.end],
                            around(Some(i + 1))
                        ));
                    }
                }
            }
        }
        println!(
            "| {} | {} | {} | {} |",
            name(dir),
            corpus.articles.len(),
            total,
            counts
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    for (kind, meaning) in KINDS {
        println!("- {kind}: {meaning}");
    }
    for line in shown {
        println!("{line}");
    }
    if sample > 0 && !all_sentences.is_empty() {
        // Evenly spaced with an odd stride, so that neighbours of one article are not drawn.
        let step = (all_sentences.len() / sample).max(1) | 1;
        for s in all_sentences.iter().step_by(step).take(sample) {
            println!("SAMPLE {s:?}");
        }
    }
}
