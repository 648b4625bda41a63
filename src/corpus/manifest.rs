//! Sidecar metadata: a table beside the articles that says, per file, who published it and
//! when.
//!
//! A manifest is CSV, TSV or JSON Lines (one object a line). Its first row (for CSV and TSV)
//! names the columns; common names are understood (`path`/`file`/`doc`, `outlet`/`publisher`/
//! `source`/`series`, `date`/`published`, `url`, `title`, `author`), other columns are kept as
//! they are. A folder's `manifest.csv`, `manifest.tsv` or `manifest.jsonl` is read on its own;
//! any other file is given with `--manifest FILE`. What a manifest says wins over what the
//! file declares and what its text suggests.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::dates::PubDate;
use super::normalize::normalize_field;
use super::{LoadWarning, Metadata};

/// The file names a folder's manifest may have.
pub const MANIFEST_NAMES: [&str; 3] = ["manifest.csv", "manifest.tsv", "manifest.jsonl"];

/// Manifests larger than this are not read (a million rows of metadata is far past a corpus
/// crossread can show).
const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

const KEY_COLUMNS: [&str; 9] = [
    "path",
    "file",
    "filename",
    "file_name",
    "doc",
    "document",
    "id",
    "doc_id",
    "name",
];
const OUTLET_COLUMNS: [&str; 9] = [
    "outlet",
    "publisher",
    "source",
    "series",
    "site",
    "site_name",
    "publication",
    "media",
    "newspaper",
];
const DATE_COLUMNS: [&str; 8] = [
    "date",
    "published",
    "publish_date",
    "published_at",
    "pubdate",
    "date_published",
    "publication_date",
    "datetime",
];
const URL_COLUMNS: [&str; 4] = ["url", "link", "href", "canonical"];
const TITLE_COLUMNS: [&str; 2] = ["title", "headline"];
const AUTHOR_COLUMNS: [&str; 4] = ["author", "authors", "byline", "creator"];

/// One row of a manifest: the file it names and what it says.
#[derive(Debug, Clone)]
struct Row {
    line: usize,
    key: String,
    meta: Metadata,
}

/// The rows of one manifest file.
#[derive(Debug, Clone)]
pub struct Manifest {
    path: PathBuf,
    rows: Vec<Row>,
}

/// Which column of a manifest holds what.
#[derive(Debug, Default)]
struct Columns {
    key: Option<usize>,
    outlet: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    title: Option<usize>,
    author: Option<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Columns {
        let lower: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{FEFF}').to_lowercase())
            .collect();
        // The first column whose name is in `names`, trying the names in order.
        let pick = |names: &[&str]| names.iter().find_map(|n| lower.iter().position(|h| h == n));
        let mut columns = Columns {
            key: pick(&KEY_COLUMNS),
            outlet: pick(&OUTLET_COLUMNS),
            date: pick(&DATE_COLUMNS),
            url: pick(&URL_COLUMNS),
            title: pick(&TITLE_COLUMNS),
            author: pick(&AUTHOR_COLUMNS),
        };
        // `source` names a URL in some tables, and `id` may be the key: one column, one job.
        if columns.outlet.is_some() && columns.outlet == columns.url {
            columns.outlet = None;
        }
        columns
    }

    fn is_known(&self, i: usize) -> bool {
        [
            self.key,
            self.outlet,
            self.date,
            self.url,
            self.title,
            self.author,
        ]
        .contains(&Some(i))
    }
}

impl Manifest {
    /// The manifest of a folder (`manifest.csv`, `.tsv` or `.jsonl`), if it has one.
    pub fn in_folder(dir: &Path) -> Option<PathBuf> {
        MANIFEST_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    }

    /// Reads a manifest; rows that cannot be used are warnings naming the file and line. An
    /// unreadable file, or one with no column naming the files, is one warning and no rows.
    pub fn read(path: &Path) -> (Option<Manifest>, Vec<LoadWarning>) {
        let warn = |line: Option<usize>, reason: String| LoadWarning {
            path: path.to_path_buf(),
            reason: match line {
                Some(n) => format!("manifest line {n}: {reason}"),
                None => format!("manifest not used: {reason}"),
            },
        };
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_MANIFEST_BYTES);
        if too_large {
            let mb = MAX_MANIFEST_BYTES / (1024 * 1024);
            return (None, vec![warn(None, format!("larger than {mb} MB"))]);
        }
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(err) => return (None, vec![warn(None, super::io_reason(&err))]),
        };
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"));
        let records = if is_jsonl {
            json_records(&text)
        } else {
            let tabs = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"))
                || text.lines().next().is_some_and(|l| l.contains('\t'));
            delimited_records(&text, if tabs { '\t' } else { ',' })
        };
        let mut warnings = Vec::new();
        let mut rows = Vec::new();
        let mut records = records.into_iter();
        let Some(header) = records.next() else {
            return (None, vec![warn(None, "empty".to_string())]);
        };
        let header = match header {
            Ok(h) => h,
            Err((line, reason)) => return (None, vec![warn(Some(line), reason)]),
        };
        let columns = Columns::find(&header.1);
        let Some(key_column) = columns.key else {
            let reason = format!(
                "no column names the files (one of {})",
                KEY_COLUMNS[..6].join(", ")
            );
            return (None, vec![warn(None, reason)]);
        };
        for record in records {
            let (line, fields) = match record {
                Ok(r) => r,
                Err((line, reason)) => {
                    warnings.push(warn(Some(line), reason));
                    continue;
                }
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if fields.len() != header.1.len() && !is_jsonl {
                warnings.push(warn(
                    Some(line),
                    format!(
                        "{} fields where the header has {}",
                        fields.len(),
                        header.1.len()
                    ),
                ));
                continue;
            }
            let get = |c: Option<usize>| {
                c.and_then(|c| fields.get(c))
                    .and_then(|v| normalize_field(v))
            };
            let Some(key) = get(Some(key_column)) else {
                warnings.push(warn(Some(line), "no file named".to_string()));
                continue;
            };
            let date = match get(columns.date) {
                Some(written) => match PubDate::parse(&written) {
                    Some(d) => Some(d),
                    None => {
                        warnings.push(warn(Some(line), format!("not a date: '{written}'")));
                        None
                    }
                },
                None => None,
            };
            let extra = header
                .1
                .iter()
                .enumerate()
                .filter(|(i, _)| !columns.is_known(*i))
                .filter_map(|(i, name)| {
                    let value = fields.get(i)?.trim();
                    let name = name.trim().trim_start_matches('\u{FEFF}');
                    (!value.is_empty() && !name.is_empty())
                        .then(|| (name.to_string(), value.to_string()))
                })
                .collect();
            rows.push(Row {
                line,
                key,
                meta: Metadata {
                    title: get(columns.title),
                    outlet: get(columns.outlet),
                    date,
                    author: get(columns.author),
                    url: get(columns.url),
                    wire: None,
                    extra,
                },
            });
        }
        (
            Some(Manifest {
                path: path.to_path_buf(),
                rows,
            }),
            warnings,
        )
    }

    /// What the manifest says about each of `paths` (the files of the corpus), and a warning
    /// for each row that names no file of the corpus nor any file on disk.
    ///
    /// A row names a file by its path relative to the manifest's folder, its absolute path,
    /// its file name, or its name without extension (which is also its id in crossread).
    pub fn assign(&self, paths: &[&Path]) -> (Vec<Option<Metadata>>, Vec<LoadWarning>) {
        let base = self.path.parent().unwrap_or(Path::new("."));
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        let mut by_path: HashMap<PathBuf, usize> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, path) in paths.iter().enumerate() {
            by_path.insert(path.to_path_buf(), i);
            if let Some(c) = canonical(path) {
                by_path.insert(c, i);
            }
            if let Some(name) = path.file_name() {
                by_name
                    .entry(name.to_string_lossy().into_owned())
                    .or_default()
                    .push(i);
            }
            if let Some(stem) = path.file_stem() {
                let stem = stem.to_string_lossy().into_owned();
                if Some(stem.as_str()) != path.file_name().and_then(|n| n.to_str()) {
                    by_name.entry(stem).or_default().push(i);
                }
            }
        }
        let mut found: Vec<Option<Metadata>> = vec![None; paths.len()];
        let mut warnings = Vec::new();
        for row in &self.rows {
            let joined = base.join(&row.key);
            let exact = by_path
                .get(&joined)
                .or_else(|| canonical(&joined).and_then(|c| by_path.get(&c)))
                .copied();
            let index = exact.or_else(|| match by_name.get(row.key.as_str()) {
                Some(one) if one.len() == 1 => Some(one[0]),
                _ => None,
            });
            match index {
                Some(i) => {
                    if found[i].is_some() {
                        warnings
                            .push(self.warning(row.line, format!("'{}' is named again", row.key)));
                    }
                    found[i] = Some(row.meta.clone());
                }
                None if by_name.get(row.key.as_str()).is_some_and(|m| m.len() > 1) => {
                    warnings.push(self.warning(
                        row.line,
                        format!("'{}' names several files; give its path", row.key),
                    ));
                }
                // A file left out of this run on purpose is not worth a warning.
                None if joined.exists() => {}
                None => warnings.push(self.warning(row.line, format!("no file '{}'", row.key))),
            }
        }
        (found, warnings)
    }

    fn warning(&self, line: usize, reason: String) -> LoadWarning {
        LoadWarning {
            path: self.path.clone(),
            reason: format!("manifest line {line}: {reason}"),
        }
    }
}

/// A record of a manifest: its line number and fields, or the line and why it is malformed.
type Record = Result<(usize, Vec<String>), (usize, String)>;

/// CSV (RFC 4180: quoted fields, `""` inside quotes, line breaks inside quotes) or TSV.
fn delimited_records(text: &str, delimiter: char) -> Vec<Record> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                records.push(Ok((record_line, std::mem::take(&mut fields))));
                line += 1;
                record_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if in_quotes {
        records.push(Err((
            record_line,
            "a quoted field is never closed".to_string(),
        )));
    } else if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Ok((record_line, fields)));
    }
    records
}

/// JSON Lines: the header is the union of the keys, in the order first seen; each line's
/// values are strings, numbers or booleans (anything else is written as JSON).
fn json_records(text: &str) -> Vec<Record> {
    let mut header: Vec<String> = Vec::new();
    let mut objects = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line) {
            Ok(object) => {
                for key in object.keys() {
                    if !header.contains(key) {
                        header.push(key.clone());
                    }
                }
                objects.push(Ok((line_no, object)));
            }
            Err(err) => objects.push(Err((line_no, format!("not a JSON object: {err}")))),
        }
    }
    let mut records = vec![Ok((0, header.clone()))];
    for object in objects {
        records.push(object.map(|(line, object)| {
            let fields = header
                .iter()
                .map(|k| match object.get(k) {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            (line, fields)
        }));
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn csv_with_quotes_and_synonyms() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "x");
        let b = write(dir.path(), "b.txt", "x");
        let m = write(
            dir.path(),
            "manifest.csv",
            "doc,publisher,published,section\n\
             a.txt,\"Example, Inc.\",2019-05-31T17:45:53-04:00,Politics\n\
             b,AP,\"May 30, 2019\",\n",
        );
        let (manifest, warnings) = Manifest::read(&m);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (found, warnings) = manifest.unwrap().assign(&[&a, &b]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let a = found[0].as_ref().unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Example, Inc."));
        assert_eq!(a.date.as_deref(), Some("2019-05-31"));
        assert_eq!(a.extra, [("section".to_string(), "Politics".to_string())]);
        let b = found[1].as_ref().unwrap();
        assert_eq!(b.outlet.as_deref(), Some("AP"));
        assert_eq!(b.date.as_deref(), Some("2019-05-30"));
        assert!(b.extra.is_empty());
    }

    #[test]
    fn bad_rows_are_warnings_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("articles");
        std::fs::create_dir(&sub).unwrap();
        let a = write(&sub, "a.txt", "x");
        let m = write(
            dir.path(),
            "meta.tsv",
            "file\tsource\tdate\n\
             a.txt\tWire\tnot a date\n\
             gone.txt\tWire\t2019-01-01\n\
             a.txt\textra\tfield\tmore\n",
        );
        let (manifest, mut warnings) = Manifest::read(&m);
        let (found, more) = manifest.unwrap().assign(&[&a]);
        warnings.extend(more);
        assert!(warnings.iter().all(|w| w.path == m));
        let reasons: Vec<&str> = warnings.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "manifest line 2: not a date: 'not a date'",
                "manifest line 4: 4 fields where the header has 3",
                "manifest line 3: no file 'gone.txt'",
            ]
        );
        assert_eq!(found[0].as_ref().unwrap().outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn json_lines_manifest_and_no_key_column() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.html", "x");
        let m = write(
            dir.path(),
            "manifest.jsonl",
            "{\"path\": \"a.html\", \"series\": \"Gazette\", \"pages\": 3}\n{broken\n",
        );
        let (manifest, warnings) = Manifest::read(&m);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0]
            .reason
            .starts_with("manifest line 2: not a JSON object"));
        let (found, _) = manifest.unwrap().assign(&[&a]);
        let meta = found[0].as_ref().unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("Gazette"));
        assert_eq!(meta.extra, [("pages".to_string(), "3".to_string())]);
        let m = write(dir.path(), "other.csv", "title,outlet\nT,O\n");
        let (manifest, warnings) = Manifest::read(&m);
        assert!(manifest.is_none());
        assert!(warnings[0]
            .reason
            .starts_with("manifest not used: no column names the files"));
    }
}
