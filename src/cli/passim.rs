//! passim's clusters read back as crossread's alignment (`passages --from-passim FILE`).
//!
//! passim (<https://github.com/dasmiq/passim>) writes one JSON record per reused passage:
//! the input record's fields (`id`, `series`, …) with `cluster`, `size`, `begin`, `end` and
//! `text`, the passage itself. Its output is a folder `out.json` of `part-*` files; a file or
//! that folder may be given. Each passage is placed in its article by its text (passim's
//! `begin` and `end` count tokens in some versions and characters in others); a record
//! without text is placed by `begin` and `end` as character offsets. Passages of one cluster
//! become one shared passage, and each two of them in different articles an aligned pair.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::align::{AlignedPair, Alignment, PairKind, SharedPassage, Span};
use crate::corpus::Corpus;

/// passim's output as an alignment of `corpus`, and what could not be used, one line each.
pub fn read(path: &Path, corpus: &Corpus) -> Result<(Alignment, Vec<String>), String> {
    let files = output_files(path)?;
    if files.is_empty() {
        return Err(format!("{}: no passim output file in it", path.display()));
    }
    let index: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut warnings = Vec::new();
    let mut unknown_ids = 0usize;
    let mut clusters: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = || format!("{}:{}", file.display(), n + 1);
            let record: serde_json::Map<String, Value> = match serde_json::from_str(line) {
                Ok(r) => r,
                Err(e) => {
                    warnings.push(format!("{}: not a JSON object: {e}", at()));
                    continue;
                }
            };
            let (Some(cluster), Some(id)) = (scalar(&record, "cluster"), scalar(&record, "id"))
            else {
                warnings.push(format!("{}: no \"cluster\" or \"id\"", at()));
                continue;
            };
            let Some(&article) = index.get(id.as_str()) else {
                unknown_ids += 1;
                continue;
            };
            let number = |k: &str| record.get(k).and_then(Value::as_u64).map(|v| v as usize);
            let passage = record.get("text").and_then(Value::as_str);
            let text = &corpus.articles[article].text;
            match place(text, passage, number("begin"), number("end")) {
                Some((start, end)) => clusters.entry(cluster).or_default().push(Span {
                    article,
                    start,
                    end,
                }),
                None => warnings.push(format!("{}: passage not found in the text of '{id}'", at())),
            }
        }
    }
    if unknown_ids > 0 {
        warnings.push(format!(
            "{unknown_ids} passages of articles not in this corpus were left out"
        ));
    }
    Ok((alignment(corpus, clusters), warnings))
}

/// A string or a number of a record, as a string.
fn scalar(record: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match record.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The files of passim's output: the file given, or the `part-*` files (and `.json` files)
/// of the folder given or of its `out.json` folder.
fn output_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let dir = if path.join("out.json").is_dir() {
        path.join("out.json")
    } else {
        path.to_path_buf()
    };
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.is_file()
                && !name.starts_with(['.', '_'])
                && (name.starts_with("part-")
                    || name.ends_with(".json")
                    || name.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The byte range of a passage in `text`: where its text occurs (the occurrence nearest
/// `begin` read as a character offset), else `begin..end` as UTF-16 offsets (passim runs on
/// the JVM, whose strings count UTF-16 units).
fn place(
    text: &str,
    passage: Option<&str>,
    begin: Option<usize>,
    end: Option<usize>,
) -> Option<(usize, usize)> {
    let near = begin.and_then(|b| utf16_to_byte(text, b)).unwrap_or(0);
    if let Some(passage) = passage.map(str::trim).filter(|p| !p.is_empty()) {
        let found = text
            .match_indices(passage)
            .map(|(at, _)| at)
            .min_by_key(|&at| at.abs_diff(near));
        if let Some(at) = found {
            return Some((at, at + passage.len()));
        }
    }
    let (start, end) = (utf16_to_byte(text, begin?)?, utf16_to_byte(text, end?)?);
    (start < end).then_some((start, end))
}

/// The byte offset of the UTF-16 offset `units` in `text`, if it falls on a character.
fn utf16_to_byte(text: &str, units: usize) -> Option<usize> {
    let mut count = 0;
    for (at, c) in text.char_indices() {
        if count == units {
            return Some(at);
        }
        count += c.len_utf16();
        if count > units {
            return None;
        }
    }
    (count == units).then_some(text.len())
}

/// The share of words two passages have in common (of the words of either): passim gives
/// no score of its own in its clusters.
fn shared_words(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f32 / union as f32
}

/// Clusters as shared passages (most articles first) and their pairs across articles.
fn alignment(corpus: &Corpus, clusters: BTreeMap<String, Vec<Span>>) -> Alignment {
    let text = |s: &Span| &corpus.articles[s.article].text[s.start..s.end];
    let mut pairs = Vec::new();
    let mut groups = Vec::new();
    for (_, mut members) in clusters {
        members.sort();
        members.dedup();
        let mut scores = Vec::new();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                if a.article != b.article {
                    let score = shared_words(text(a), text(b));
                    scores.push(score);
                    pairs.push(AlignedPair {
                        kind: PairKind::Verbatim,
                        score,
                        a: *a,
                        b: *b,
                        evidence: Default::default(),
                    });
                }
            }
        }
        let articles = {
            let mut ids: Vec<usize> = members.iter().map(|m| m.article).collect();
            ids.dedup();
            ids.len()
        };
        if articles < 2 {
            continue;
        }
        let score = scores.iter().sum::<f32>() / scores.len().max(1) as f32;
        groups.push((
            articles,
            SharedPassage {
                id: 0,
                label: members[0],
                members,
                score,
            },
        ));
    }
    groups.sort_by(|(na, a), (nb, b)| nb.cmp(na).then(b.score.total_cmp(&a.score)));
    let groups: Vec<SharedPassage> = groups
        .into_iter()
        .enumerate()
        .map(|(id, (_, g))| SharedPassage { id, ..g })
        .collect();
    pairs.sort_by_key(|p| (p.a.article, p.b.article, p.a.start, p.b.start));
    let unique = unique_spans(corpus, &pairs);
    // passim reports passages, not article-level families or stories.
    Alignment {
        pairs,
        groups,
        unique,
        ..Alignment::default()
    }
}

/// Per article, the paragraphs no pair touches, in text order.
fn unique_spans(corpus: &Corpus, pairs: &[AlignedPair]) -> Vec<Span> {
    let mut covered: Vec<Vec<(usize, usize)>> = vec![Vec::new(); corpus.articles.len()];
    for p in pairs {
        covered[p.a.article].push((p.a.start, p.a.end));
        covered[p.b.article].push((p.b.start, p.b.end));
    }
    let mut unique = Vec::new();
    for (article, a) in corpus.articles.iter().enumerate() {
        let mut start = 0;
        for paragraph in a.text.split("\n\n") {
            let end = start + paragraph.len();
            let touched = covered[article].iter().any(|&(s, e)| s < end && start < e);
            if !touched && !paragraph.trim().is_empty() {
                let lead = paragraph.len() - paragraph.trim_start().len();
                let trail = paragraph.len() - paragraph.trim_end().len();
                unique.push(Span {
                    article,
                    start: start + lead,
                    end: end - trail,
                });
            }
            start = end + 2;
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_placed_by_text_or_by_offsets() {
        let text = "Café opened. The talks resume on Monday. Then: the talks resume on Monday.";
        // By text, the occurrence nearest begin.
        assert_eq!(
            place(text, Some("the talks resume"), Some(47), None),
            Some((48, 64))
        );
        assert_eq!(
            place(text, Some("The talks resume"), Some(0), None),
            Some((14, 30))
        );
        // By UTF-16 offsets: "é" is one unit, two bytes.
        assert_eq!(place(text, None, Some(13), Some(29)), Some((14, 30)));
        assert_eq!(place(text, Some("not there"), None, None), None);
        assert_eq!(place(text, None, Some(3), Some(999)), None);
    }
}
