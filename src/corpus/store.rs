//! Documents kept on disk: a saved page is read once (decoding, trafilatura's extraction,
//! the metadata scan), and a second start of the same folder takes its text and metadata from
//! here, as fast as a folder of plain text.
//!
//! One store file serves one set of paths given (a folder, say): it holds a [`Document`] for
//! every file that was read, each under the key of its path, size, modification time and
//! format, and this build of crossread. A file changed since gives another key and is read
//! again. Cleaning and describing run at every start: they depend on the whole corpus (lines
//! repeated across articles) and on the options, and take little time.
//!
//! Like the alignment cache, the store is an optimisation and untrusted input: a file that
//! cannot be read, is cut short, is larger than [`MAX_STORE_BYTES`] or is not what it says is
//! ignored, and a document whose text is not as normalising leaves it is read again.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::dates::PubDate;
use super::normalize::normalize;
use super::{Document, Format, Metadata};

const MAGIC: &[u8; 8] = b"CRDOCS01";

/// The largest store read: a few thousand saved pages' text.
pub const MAX_STORE_BYTES: u64 = 512 * 1024 * 1024;

/// Store files kept in the folder, the most recently used.
const KEEP: usize = 8;

/// What a document's entry depends on.
pub type Key = u128;

/// The key of the file at `path` as it is now; `None` if its size or time cannot be read.
pub fn key(path: &Path, format: Format) -> Option<Key> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&[0]);
    hasher.update(path.as_os_str().as_encoded_bytes());
    hasher.update(&[0]);
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    hasher.update(&[format as u8]);
    Some(hasher.digest128())
}

/// A document as stored: plain fields only.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    key: Key,
    raw: String,
    title: Option<String>,
    outlet: Option<String>,
    /// The date as written; it is read again on loading.
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
    wire: Option<String>,
    extra: Vec<(String, String)>,
    note: Option<String>,
}

/// The documents of one store file, by key.
#[derive(Debug, Default)]
pub struct Store {
    file: Option<PathBuf>,
    entries: HashMap<Key, Entry>,
}

impl Store {
    /// The store of `roots` (the paths given, in order) in `dir`; empty if there is none yet
    /// or it cannot be used.
    pub fn open(dir: &Path, roots: &[PathBuf]) -> Store {
        let mut hasher = Xxh3::new();
        for root in roots {
            let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
            hasher.update(root.as_os_str().as_encoded_bytes());
            hasher.update(&[0]);
        }
        let file = dir.join(format!("{:032x}.docs", hasher.digest128()));
        let entries = super::read::read_regular(&file, MAX_STORE_BYTES)
            .ok()
            .and_then(|bytes| decode(&bytes));
        if entries.is_some() {
            if let Ok(f) = std::fs::File::options().write(true).open(&file) {
                // Best effort: a store not marked as used is only removed sooner.
                let _ = f.set_modified(std::time::SystemTime::now());
            }
        }
        let entries = entries.unwrap_or_default();
        Store {
            file: Some(file),
            entries,
        }
    }

    /// The stored document for `path` under `key`, if there is a sound one.
    pub fn get(&self, key: Key, path: &Path, format: Format) -> Option<Document> {
        let e = self.entries.get(&key)?;
        // Stored text was normalised when it was read: text that is not is not ours.
        let fields = [&e.title, &e.outlet, &e.date, &e.author, &e.url, &e.wire];
        let sound = normalize(&e.raw) == e.raw
            && fields.iter().all(|f| {
                f.as_deref()
                    .is_none_or(|v| normalize(v) == v && !v.contains('\n'))
            });
        if !sound || e.raw.trim().is_empty() {
            return None;
        }
        Some(Document {
            path: path.to_path_buf(),
            format,
            raw: e.raw.clone(),
            declared: Metadata {
                title: e.title.clone(),
                outlet: e.outlet.clone(),
                date: e.date.as_deref().and_then(PubDate::parse),
                author: e.author.clone(),
                url: e.url.clone(),
                wire: e.wire.clone(),
                extra: e.extra.clone(),
            },
            note: e.note.clone(),
            id: None,
            cleaned: false,
        })
    }

    /// Replaces the store with `documents` (those of this load, with their keys), written
    /// whole or not at all; then removes the least recently used store files beyond a few.
    /// Best effort: a store that cannot be written is not.
    pub fn save(&self, documents: &[(Key, &Document)]) {
        let Some(file) = &self.file else { return };
        let Some(dir) = file.parent() else { return };
        let entries: Vec<Entry> = documents
            .iter()
            .map(|(key, doc)| Entry {
                key: *key,
                raw: doc.raw.clone(),
                title: doc.declared.title.clone(),
                outlet: doc.declared.outlet.clone(),
                date: doc.declared.date.as_ref().map(|d| d.written().to_string()),
                author: doc.declared.author.clone(),
                url: doc.declared.url.clone(),
                wire: doc.declared.wire.clone(),
                extra: doc.declared.extra.clone(),
                note: doc.note.clone(),
            })
            .collect();
        let mut bytes = MAGIC.to_vec();
        if postcard::to_io(&entries, &mut bytes).is_err() {
            return;
        }
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temp = file.with_extension(format!("{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(&bytes))
            .and_then(|()| std::fs::rename(&temp, file));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        prune(dir);
    }

    /// Returns true if the store holds an entry for `key`.
    #[cfg(test)]
    pub fn has(&self, key: Key) -> bool {
        self.entries.contains_key(&key)
    }
}

fn decode(bytes: &[u8]) -> Option<HashMap<Key, Entry>> {
    let payload = bytes.strip_prefix(MAGIC.as_slice())?;
    let (entries, rest) = postcard::take_from_bytes::<Vec<Entry>>(payload).ok()?;
    rest.is_empty()
        .then(|| entries.into_iter().map(|e| (e.key, e)).collect())
}

/// Removes store files beyond the [`KEEP`] most recently written, and day-old temporaries.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 60 * 60);
    let mut found = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let Some(modified) = entry.metadata().and_then(|m| m.modified()).ok() else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".docs") {
            found.push((modified, entry.path()));
        } else if name.ends_with(".tmp") && modified < day_ago {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (_, path) in found.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_document_comes_back_until_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("a.html");
        std::fs::write(
            &page,
            "<html><head><title>T</title></head><body><p>Words here.</p></body></html>",
        )
        .unwrap();
        let roots = vec![dir.path().to_path_buf()];
        let store_dir = dir.path().join("store");
        let doc = crate::corpus::read_document(&page, Format::Html).unwrap();
        let k = key(&page, Format::Html).unwrap();
        Store::open(&store_dir, &roots).save(&[(k, &doc)]);
        let store = Store::open(&store_dir, &roots);
        let back = store.get(k, &page, Format::Html).unwrap();
        assert_eq!(
            (back.raw, back.declared),
            (doc.raw.clone(), doc.declared.clone())
        );
        // Another size (and time): another key.
        std::fs::write(
            &page,
            "<html><body><p>Other words here now.</p></body></html>",
        )
        .unwrap();
        assert_ne!(key(&page, Format::Html), Some(k));
        // A damaged store is no store.
        let file = std::fs::read_dir(&store_dir)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 3]).unwrap();
        assert!(!Store::open(&store_dir, &roots).has(k));
        // A stored text with a terminal escape was not written by crossread.
        let mut evil = doc.clone();
        evil.raw = "Words \u{1b}[31mhere.".to_string();
        Store::open(&store_dir, &roots).save(&[(k, &evil)]);
        assert!(Store::open(&store_dir, &roots)
            .get(k, &page, Format::Html)
            .is_none());
    }
}
