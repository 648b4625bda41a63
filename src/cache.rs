//! The alignment cache: a finished [`Alignment`] kept on disk, so that opening the same
//! folder again shows its passages at once instead of after seconds of alignment.
//!
//! An entry is named by a [`CacheKey`], a 128-bit hash of everything the alignment depends
//! on: crossread's version, every article's cleaned text in order, and the [`AlignOptions`].
//! Any change to one of them gives another key, so an entry is never stale, only unused;
//! the oldest unused entries are removed to keep the folder small.
//!
//! The cache is an optimisation and never a reason to fail: an entry that cannot be read,
//! is cut short or is not what it claims to be is ignored (the alignment is recomputed),
//! and an entry that cannot be written is not written. Where the folder is (the platform
//! cache folder) is the shell's business: this module takes it as given.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

use crate::align::{AlignOptions, Alignment};

/// The first bytes of every entry: what the file is, and the version of its layout.
const MAGIC: &[u8; 8] = b"CRALIGN1";

/// Entries kept by default: a few corpora a user switches between, each a few MiB.
pub const DEFAULT_KEEP: usize = 8;

/// What an alignment depends on, hashed: equal keys mean equal alignments.
///
/// XXH3-128 rather than a cryptographic hash: the inputs are the user's own files, so
/// nobody gains by forging a collision, and hashing tens of MiB of text must not delay the
/// start (XXH3 runs at memory speed). 128 bits make a chance collision out of the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey(u128);

impl CacheKey {
    /// The key of aligning `texts` (in this order) with `options`, by this build of crossread.
    pub fn new(texts: &[&str], options: &AlignOptions) -> CacheKey {
        let mut hasher = Xxh3::new();
        let mut field = |bytes: &[u8]| {
            // Each field is preceded by its length, so that no two different inputs run
            // together into the same bytes ("ab" + "c" against "a" + "bc").
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        };
        field(env!("CARGO_PKG_VERSION").as_bytes());
        // The Debug form lists every field of the options, nested ones too, with floats
        // written exactly (shortest round-trip form): a new option changes it by itself.
        field(format!("{options:?}").as_bytes());
        field(&(texts.len() as u64).to_le_bytes());
        for text in texts {
            field(text.as_bytes());
        }
        CacheKey(hasher.digest128())
    }

    /// The entry's file name: the key in hex.
    fn file_name(self) -> String {
        format!("{:032x}.bin", self.0)
    }
}

/// A folder of cached alignments.
#[derive(Clone, Debug)]
pub struct AlignmentCache {
    dir: PathBuf,
    /// How many entries [`AlignmentCache::store`] leaves, the most recently used.
    keep: usize,
}

impl AlignmentCache {
    /// A cache in `dir` (made when the first entry is stored) keeping [`DEFAULT_KEEP`] entries.
    pub fn new(dir: impl Into<PathBuf>) -> AlignmentCache {
        AlignmentCache {
            dir: dir.into(),
            keep: DEFAULT_KEEP,
        }
    }

    /// The same cache keeping at most `keep` entries (at least one).
    pub fn keeping(mut self, keep: usize) -> AlignmentCache {
        self.keep = keep.max(1);
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: CacheKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The alignment stored under `key`, if there is a readable, whole entry for it. A hit
    /// marks the entry as just used, so that it outlives the others.
    pub fn load(&self, key: CacheKey) -> Option<Alignment> {
        let path = self.path(key);
        let bytes = std::fs::read(&path).ok()?;
        let alignment = decode(&bytes, key)?;
        if let Ok(file) = std::fs::File::options().write(true).open(&path) {
            // Best effort: an entry not marked is only removed sooner.
            let _ = file.set_modified(SystemTime::now());
        }
        Some(alignment)
    }

    /// Stores `alignment` under `key`, then removes the least recently used entries beyond
    /// the number kept. The entry appears whole or not at all: it is written to a temporary
    /// file that is then renamed over the entry's name.
    pub fn store(&self, key: CacheKey, alignment: &Alignment) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let bytes = encode(key, alignment)?;
        let temp = self
            .dir
            .join(format!(".{}.{}.tmp", key.file_name(), std::process::id()));
        let written = std::fs::File::create(&temp)
            .and_then(|mut file| file.write_all(&bytes))
            .and_then(|()| std::fs::rename(&temp, self.path(key)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written?;
        self.prune();
        Ok(())
    }

    /// Removes the entries beyond the `keep` most recently used ones, and temporary files a
    /// day old (left by a process ended while writing). Best effort.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let day_ago = SystemTime::now() - std::time::Duration::from_secs(24 * 60 * 60);
        let mut found: Vec<(SystemTime, PathBuf)> = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let Some(modified) = entry.metadata().and_then(|m| m.modified()).ok() else {
                continue;
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".bin") {
                found.push((modified, entry.path()));
            } else if name.ends_with(".tmp") && modified < day_ago {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        // Newest first; among equal times (coarse clocks), by name, for a stable choice.
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        for (_, path) in found.into_iter().skip(self.keep) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// An entry: [`MAGIC`], the key (16 bytes, little-endian), then the alignment in postcard.
///
/// postcard rather than JSON: an alignment is mostly small integers, which postcard writes
/// as varints, so the entry is several times smaller and reads several times faster.
fn encode(key: CacheKey, alignment: &Alignment) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(1 << 20);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.0.to_le_bytes());
    postcard::to_io(alignment, &mut bytes).map_err(io::Error::other)?;
    Ok(bytes)
}

/// The alignment in an entry, if the entry is one, is for `key`, and decodes whole.
fn decode(bytes: &[u8], key: CacheKey) -> Option<Alignment> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (stored, payload) = rest.split_at_checked(16)?;
    if stored != key.0.to_le_bytes() {
        return None;
    }
    let (alignment, left) = postcard::take_from_bytes::<Alignment>(payload).ok()?;
    left.is_empty().then_some(alignment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignedPair, PairKind, SharedPassage, Span};

    fn sample_alignment() -> Alignment {
        let a = Span {
            article: 0,
            start: 3,
            end: 40,
        };
        let b = Span {
            article: 2,
            start: 100,
            end: 151,
        };
        Alignment {
            pairs: vec![AlignedPair {
                kind: PairKind::Paraphrase,
                score: 0.625,
                a,
                b,
                evidence: Default::default(),
            }],
            groups: vec![SharedPassage {
                id: 0,
                label: a,
                members: vec![a, b],
                score: 0.625,
            }],
            unique: vec![Span {
                article: 1,
                start: 0,
                end: 12,
            }],
        }
    }

    #[test]
    fn the_key_is_stable_and_changes_with_any_input() {
        let options = AlignOptions::default();
        let texts = ["One story.", "Another story."];
        let key = CacheKey::new(&texts, &options);
        assert_eq!(key, CacheKey::new(&texts, &options.clone()));

        let changed_text = ["One story.", "Another story!"];
        assert_ne!(key, CacheKey::new(&changed_text, &options));
        let reordered = ["Another story.", "One story."];
        assert_ne!(key, CacheKey::new(&reordered, &options));
        // Texts that run together into the same bytes are still different corpora.
        let regrouped = ["One story.Another", " story."];
        assert_ne!(key, CacheKey::new(&regrouped, &options));
        assert_ne!(key, CacheKey::new(&texts[..1], &options));

        let mut min_score = options.clone();
        min_score.min_score = 0.25;
        assert_ne!(key, CacheKey::new(&texts, &min_score));
        let mut nested = options.clone();
        nested.verbatim.ngram += 1;
        assert_ne!(key, CacheKey::new(&texts, &nested));
        let mut aliases = options.clone();
        aliases.aliases = vec![vec!["UN".into(), "United Nations".into()]];
        assert_ne!(key, CacheKey::new(&texts, &aliases));
    }

    #[test]
    fn an_alignment_round_trips_and_a_miss_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let cache = AlignmentCache::new(dir.path().join("made/on/demand"));
        let key = CacheKey::new(&["a"], &AlignOptions::default());
        assert_eq!(cache.load(key), None);
        cache.store(key, &sample_alignment()).unwrap();
        assert_eq!(cache.load(key), Some(sample_alignment()));
        let other = CacheKey::new(&["b"], &AlignOptions::default());
        assert_eq!(cache.load(other), None);
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(cache.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![key.file_name()]);
    }

    #[test]
    fn a_corrupt_or_foreign_entry_is_ignored_and_then_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let cache = AlignmentCache::new(dir.path());
        let key = CacheKey::new(&["a"], &AlignOptions::default());
        let whole = encode(key, &sample_alignment()).unwrap();
        let path = cache.path(key);
        let bad: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"not a cache entry at all".to_vec(),
            whole[..whole.len() - 3].to_vec(),
            [whole.as_slice(), b"trailing"].concat(),
            {
                // An entry of another key under this one's name.
                let mut other = whole.clone();
                other[MAGIC.len()] ^= 1;
                other
            },
            {
                let mut flipped = whole.clone();
                let last = flipped.len() - 1;
                flipped[MAGIC.len() + 16..=last].fill(0xff);
                flipped
            },
        ];
        for bytes in bad {
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(cache.load(key), None, "{bytes:?}");
        }
        cache.store(key, &sample_alignment()).unwrap();
        assert_eq!(cache.load(key), Some(sample_alignment()));
    }

    #[test]
    fn only_the_most_recently_used_entries_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = AlignmentCache::new(dir.path()).keeping(2);
        let keys: Vec<CacheKey> = ["a", "b", "c"]
            .iter()
            .map(|t| CacheKey::new(&[t], &AlignOptions::default()))
            .collect();
        let age = |key: CacheKey, seconds_ago: u64| {
            let file = std::fs::File::options()
                .write(true)
                .open(cache.path(key))
                .unwrap();
            let then = SystemTime::now() - std::time::Duration::from_secs(seconds_ago);
            file.set_modified(then).unwrap();
        };
        cache.store(keys[0], &sample_alignment()).unwrap();
        age(keys[0], 300);
        cache.store(keys[1], &sample_alignment()).unwrap();
        age(keys[1], 200);
        // Using the oldest entry makes it the newest: the one left out is the other one.
        assert!(cache.load(keys[0]).is_some());
        cache.store(keys[2], &sample_alignment()).unwrap();
        assert!(cache.load(keys[0]).is_some());
        assert!(cache.load(keys[1]).is_none());
        assert!(cache.load(keys[2]).is_some());
    }
}
