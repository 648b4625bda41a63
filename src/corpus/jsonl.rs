//! JSON Lines corpora: one article a line, `{"id", "text", …}`, in and out.
//!
//! This is passim's input format (<https://github.com/dasmiq/passim>): `id` and `text` are
//! required, `series` is passim's name for the outlet, and other fields pass through. A line
//! may also give `title`, `outlet` (or `publisher`, `source`), `date`, `author`, `url`, `wire`
//! and `path`. [`record`] writes an article in that shape with `"cleaned": true`: read back,
//! such a line is taken as it is, neither cleaned nor described again, so an exported corpus
//! lists exactly as its folder did.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::dates::PubDate;
use super::normalize::{normalize, normalize_field};
use super::{Article, Document, Format, LoadError, LoadWarning, Metadata, MAX_FILE_BYTES};

/// A JSON Lines corpus larger than this is not read: it is a job for passim on a cluster.
pub const MAX_JSONL_BYTES: u64 = 512 * 1024 * 1024;

/// Fields read into [`Metadata`] or used otherwise; the others are kept as extra fields.
const KNOWN: [&str; 16] = [
    "id",
    "text",
    "title",
    "headline",
    "outlet",
    "publisher",
    "source",
    "series",
    "date",
    "published",
    "author",
    "url",
    "wire",
    "path",
    "cleaned",
    "words",
];

/// The documents of a JSON Lines corpus, and a warning naming the file and line for each line
/// that is not an article.
pub fn documents(file: &Path, text: &str) -> (Vec<Document>, Vec<LoadWarning>) {
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match document(file, line) {
            Ok(doc) => documents.push(doc),
            Err(reason) => warnings.push(LoadWarning {
                path: file.to_path_buf(),
                reason: format!("line {}: {reason}", n + 1),
            }),
        }
    }
    (documents, warnings)
}

/// One line of a JSON Lines corpus as a document.
fn document(file: &Path, line: &str) -> Result<Document, String> {
    let object: Map<String, Value> =
        serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let string = |key: &str| -> Option<String> {
        match object.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let field = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| string(k))
            .and_then(|v| normalize_field(&v))
    };
    let id = field(&["id"]).ok_or("no \"id\"")?;
    let text = string("text").ok_or("no \"text\"")?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge.to_string());
    }
    let raw = normalize(&text);
    if raw.trim().is_empty() {
        return Err(LoadError::NoText.to_string());
    }
    // `series` is the outlet only when no outlet field is there at all: crossread's own
    // export writes "outlet" (maybe null) and a series passim can group by.
    let outlet = if ["outlet", "publisher", "source"]
        .iter()
        .any(|k| object.contains_key(*k))
    {
        field(&["outlet", "publisher", "source"])
    } else {
        field(&["series"])
    };
    let date = field(&["date", "published"]).and_then(|d| PubDate::parse(&d));
    let extra = object
        .iter()
        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let value = match v {
                Value::Null => return None,
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((k.clone(), value))
        })
        .collect();
    let declared = Metadata {
        title: field(&["title", "headline"]),
        outlet,
        date,
        author: field(&["author"]),
        url: field(&["url"]),
        wire: field(&["wire"]),
        extra,
    };
    let path = match field(&["path"]) {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(format!("{}#{id}", file.display())),
    };
    Ok(Document {
        path,
        format: Format::Jsonl,
        raw,
        declared,
        note: None,
        id: Some(id),
        cleaned: object.get("cleaned") == Some(&Value::Bool(true)),
    })
}

/// An article as one JSON Lines record: passim's `id`, `series` (the outlet, else the id, so
/// that passim compares every pair of articles) and `text` (the cleaned text), crossread's
/// metadata, the manifest's extra fields, and `"cleaned": true`.
pub fn record(article: &Article) -> Value {
    let mut object = Map::new();
    let meta = &article.meta;
    let opt = |v: Option<&str>| v.map_or(Value::Null, |s| Value::String(s.to_string()));
    object.insert("id".into(), Value::String(article.id.clone()));
    object.insert(
        "series".into(),
        Value::String(meta.outlet.clone().unwrap_or_else(|| article.id.clone())),
    );
    object.insert("title".into(), opt(meta.title.as_deref()));
    object.insert("outlet".into(), opt(meta.outlet.as_deref()));
    object.insert("date".into(), opt(meta.date.as_deref()));
    object.insert("author".into(), opt(meta.author.as_deref()));
    object.insert("url".into(), opt(meta.url.as_deref()));
    object.insert("wire".into(), opt(meta.wire.as_deref()));
    object.insert(
        "path".into(),
        Value::String(article.path.display().to_string()),
    );
    for (k, v) in &meta.extra {
        if !KNOWN.contains(&k.as_str()) {
            object.insert(k.clone(), Value::String(v.clone()));
        }
    }
    object.insert("cleaned".into(), Value::Bool(true));
    object.insert("text".into(), Value::String(article.text.clone()));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passim_records_are_documents() {
        let text = "{\"id\": \"d1\", \"series\": \"abc\", \"text\": \"This is text.\", \"date\": \"1901-01-01\", \"page\": 3}\n\
                    \n\
                    {\"id\": 7, \"text\": \"More text.\", \"outlet\": null, \"series\": \"7\"}\n\
                    {\"text\": \"no id\"}\n\
                    not json\n";
        let (docs, warnings) = documents(Path::new("c.jsonl"), text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id.as_deref(), Some("d1"));
        assert_eq!(docs[0].declared.outlet.as_deref(), Some("abc"));
        assert_eq!(docs[0].declared.date.as_deref(), Some("1901-01-01"));
        assert_eq!(
            docs[0].declared.extra,
            [("page".to_string(), "3".to_string())]
        );
        assert_eq!(docs[0].path, Path::new("c.jsonl#d1"));
        assert!(!docs[0].cleaned);
        assert_eq!(docs[1].id.as_deref(), Some("7"));
        assert_eq!(
            docs[1].declared.outlet, None,
            "an outlet field, even null, wins"
        );
        let reasons: Vec<&str> = warnings.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(reasons.len(), 2);
        assert_eq!(reasons[0], "line 4: no \"id\"");
        assert!(reasons[1].starts_with("line 5: not a JSON object"));
    }
}
