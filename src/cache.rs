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
//! and an entry that cannot be written is not written.
//!
//! An entry is untrusted input like any file: anyone who can write the folder can put
//! anything under a valid name. So an entry is read only if it is a regular file of at most
//! [`MAX_ENTRY_BYTES`], and used only if it fits the texts it is used with ([`fits`]): every
//! span inside its article's text on character boundaries, and no more pairs, groups or
//! unique spans than an alignment of those texts can have. Where the folder is (the platform
//! cache folder) is the shell's business: this module takes it as given.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

use crate::align::{AlignOptions, Alignment};

/// The first bytes of every entry: what the file is, and the version of its layout.
const MAGIC: &[u8; 8] = b"CRALIGN1";

/// The largest entry read. An alignment of 10,000 articles takes under 1 MiB; 100,000
/// articles, tens of MiB.
pub const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;

/// Entries kept by default: a few corpora a user switches between, each a few MiB.
pub const DEFAULT_KEEP: usize = 8;

/// What an alignment depends on, hashed: equal keys mean equal alignments.
///
/// XXH3-128 rather than a cryptographic hash: the inputs are the user's own files, so
/// nobody gains by forging a collision, and hashing tens of MiB of text must not delay the
/// start (XXH3 runs at memory speed). 128 bits make a chance collision out of the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey(u128);

/// The shape of a stored alignment; raised whenever the aligner's output changes meaning.
const FORMAT: u32 = 3;

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
        // What an entry holds changes between versions too (sentence-sized passages with
        // their evidence, families): entries of an older shape are never read.
        field(&FORMAT.to_le_bytes());
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

    /// The alignment stored under `key`, if there is a readable, whole entry for it that fits
    /// `texts` (those the key was made of). A hit marks the entry as just used, so that it
    /// outlives the others.
    pub fn load(&self, key: CacheKey, texts: &[&str]) -> Option<Alignment> {
        let path = self.path(key);
        // Not `fs::read`: a FIFO under the entry's name would block it forever.
        let bytes = crate::corpus::read_regular(&path, MAX_ENTRY_BYTES).ok()?;
        let alignment = decode(&bytes, key).filter(|a| fits(a, texts))?;
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

/// Returns true if and only if `alignment` can be an alignment of `texts`: every span is a
/// non-empty slice of its article's text, cut on character boundaries; every pair joins two
/// different articles; and there are no more pairs, group members or unique spans than
/// those texts have room for (see [`max_pairs`]).
///
/// An entry that fails is as good as absent: the alignment is recomputed. Without this, a
/// span past the end of a text made the compare screen panic on every start, and an entry of
/// two million pairs froze the interface.
pub fn fits(alignment: &Alignment, texts: &[&str]) -> bool {
    let span_fits = |span: &crate::align::Span| {
        texts.get(span.article).is_some_and(|text| {
            span.start < span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        })
    };
    let units: Vec<usize> = texts.iter().map(|t| units(t)).collect();
    let max_pairs = max_pairs(&units);
    let all_units: usize = units.iter().sum();
    let members: usize = alignment.groups.iter().map(|g| g.members.len()).sum();
    alignment.pairs.len() <= max_pairs
        && alignment.groups.len() <= max_pairs
        && members <= 2 * max_pairs
        && alignment.unique.len() <= 2 * all_units + texts.len()
        && alignment.pairs.iter().all(|p| {
            p.a.article != p.b.article
                && p.score.is_finite()
                && span_fits(&p.a)
                && span_fits(&p.b)
                && p.evidence.run.as_ref().is_none_or(|(a, b)| {
                    a.article == p.a.article
                        && b.article == p.b.article
                        && span_fits(a)
                        && span_fits(b)
                })
        })
        && alignment
            .groups
            .iter()
            .all(|g| g.score.is_finite() && span_fits(&g.label) && g.members.iter().all(span_fits))
        && alignment.unique.iter().all(span_fits)
        && families_fit(alignment, texts, &span_fits, all_units)
        && quotes_fit(alignment, texts, &span_fits)
}

/// The part of [`fits`] for quotes: at least two renderings each, in distinct articles
/// listed in order, every quote and speaker span fitting its text; no more renderings than
/// the texts have quotation marks.
fn quotes_fit(
    alignment: &Alignment,
    texts: &[&str],
    span_fits: &impl Fn(&crate::align::Span) -> bool,
) -> bool {
    let marks: usize = texts
        .iter()
        .map(|t| {
            t.chars()
                .filter(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»'))
                .count()
        })
        .sum();
    let renderings: usize = alignment.quotes.iter().map(|q| q.members.len()).sum();
    renderings <= marks
        && alignment.quotes.iter().all(|q| {
            q.members.len() >= 2
                && q.members
                    .windows(2)
                    .all(|w| w[0].span.article < w[1].span.article)
                && q.members.iter().all(|m| {
                    span_fits(&m.span)
                        && m.speaker
                            .as_ref()
                            .is_none_or(|s| s.article == m.span.article && span_fits(s))
                })
        })
}

/// The part of [`fits`] for copy families, stories and sets of identical copies: every
/// article index names an article, every span fits, every set of copies holds at least two
/// byte-identical texts listed in order, with paragraphs inside them; and each article is in
/// at most one family, one story and one set of copies.
fn families_fit(
    alignment: &Alignment,
    texts: &[&str],
    span_fits: &impl Fn(&crate::align::Span) -> bool,
    all_units: usize,
) -> bool {
    let n = texts.len();
    let is_article = |a: &usize| *a < n;
    let family_members: usize = alignment.families.iter().map(|f| f.members.len()).sum();
    let story_articles: usize = alignment.stories.iter().map(|s| s.articles.len()).sum();
    let copies: usize = alignment.copies.iter().map(|c| c.articles.len()).sum();
    let changes: usize = alignment
        .families
        .iter()
        .flat_map(|f| &f.members)
        .map(|m| m.changes.added.len() + m.changes.dropped.len() + m.changes.changed.len())
        .sum();
    family_members <= n
        && story_articles <= n
        && copies <= n
        && changes <= 4 * all_units + n
        && alignment.families.iter().all(|f| {
            is_article(&f.reference)
                && f.members.iter().all(|m| {
                    let c = &m.changes;
                    is_article(&m.article)
                        && m.copy_of.as_ref().is_none_or(is_article)
                        && c.added.iter().chain(&c.dropped).all(span_fits)
                        && c.changed
                            .iter()
                            .all(|x| span_fits(&x.reference) && span_fits(&x.copy))
                })
        })
        && alignment
            .stories
            .iter()
            .all(|s| s.articles.iter().all(is_article))
        && alignment.copies.iter().all(|c| {
            let Some(first) = c.articles.first().and_then(|&a| texts.get(a)) else {
                return false;
            };
            let in_text = |text: &str, (start, end): (usize, usize)| {
                start < end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end)
            };
            // A near copy may stand alone; identical copies come at least two to a set.
            let near_fits = match &c.near {
                None => c.articles.len() >= 2,
                Some(near) => texts.get(near.of).is_some_and(|original| {
                    near.sentences.len() <= all_units
                        && near.sentences.iter().all(|&(_, there, here)| {
                            in_text(original, there) && in_text(first, here)
                        })
                }),
            };
            near_fits
                && c.articles.windows(2).all(|w| w[0] < w[1])
                && c.articles.iter().all(|&a| texts.get(a) == Some(first))
                && c.paragraphs.iter().all(|&range| in_text(first, range))
        })
}

/// A generous count of the pieces a text can be aligned in: its clauses and lines (every
/// `.`, `!`, `?`, `;`, `,` and line break ends one), plus one.
fn units(text: &str) -> usize {
    text.bytes()
        .filter(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b',' | b'\n'))
        .count()
        + 1
}

/// The most pairs an alignment of texts of `units` pieces each can hold: a pair of articles
/// shares at most as many passages as the shorter one has pieces, four times over for
/// passages that overlap.
fn max_pairs(units: &[usize]) -> usize {
    let mut sorted = units.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    // Each article is the shorter one of a pair with every longer one after it.
    let shared: usize = sorted
        .iter()
        .enumerate()
        .map(|(i, &u)| u.saturating_mul(n - 1 - i))
        .fold(0, usize::saturating_add);
    shared.saturating_mul(4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignedPair, PairKind, SharedPassage, Span};

    /// Texts that [`sample_alignment`] fits: its spans end at byte 151 at most.
    const TEXTS: [&str; 3] = [
        concat!("One story, told once. ", "Then told again, and again, at length. ", "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x."),
        concat!("Another story, told once. ", "Then told again, and again, at length. ", "y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y y."),
        concat!("A third story, told once. ", "Then told again, and again, at length. ", "z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z z."),
    ];

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
            ..Alignment::default()
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
        assert_eq!(cache.load(key, &TEXTS), None);
        cache.store(key, &sample_alignment()).unwrap();
        assert_eq!(cache.load(key, &TEXTS), Some(sample_alignment()));
        let other = CacheKey::new(&["b"], &AlignOptions::default());
        assert_eq!(cache.load(other, &TEXTS), None);
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
            assert_eq!(cache.load(key, &TEXTS), None, "{bytes:?}");
        }
        cache.store(key, &sample_alignment()).unwrap();
        assert_eq!(cache.load(key, &TEXTS), Some(sample_alignment()));
    }

    #[test]
    fn an_entry_that_does_not_fit_its_texts_is_dropped() {
        assert!(fits(&sample_alignment(), &TEXTS));
        let mut past_the_end = sample_alignment();
        past_the_end.pairs[0].b.end = TEXTS[2].len() + 1;
        let mut backwards = sample_alignment();
        backwards.unique[0] = Span {
            article: 1,
            start: 12,
            end: 3,
        };
        let mut no_such_article = sample_alignment();
        no_such_article.groups[0].members[1].article = 3;
        let mut too_many = sample_alignment();
        too_many.pairs = vec![too_many.pairs[0]; 2_000_000];
        let mut empty_groups = sample_alignment();
        empty_groups.groups = vec![empty_groups.groups[0].clone(); 1_000];
        empty_groups
            .groups
            .iter_mut()
            .for_each(|g| g.members.clear());
        let mut mid_character = sample_alignment();
        let accented = ["é".repeat(100), TEXTS[1].into(), TEXTS[2].into()];
        let accented: Vec<&str> = accented.iter().map(String::as_str).collect();
        mid_character.pairs[0].a = Span {
            article: 0,
            start: 3,
            end: 40,
        };
        // A copied run inside a pair that names another article, or runs past its text.
        let mut run_elsewhere = sample_alignment();
        let pair = run_elsewhere.pairs[0];
        run_elsewhere.pairs[0].evidence.run = Some((pair.b, pair.a));
        let mut run_past_the_end = sample_alignment();
        let mut b = pair.b;
        b.end = TEXTS[b.article].len() + 1;
        run_past_the_end.pairs[0].evidence.run = Some((pair.a, b));
        let mut run_fits = sample_alignment();
        run_fits.pairs[0].evidence.run = Some((pair.a, pair.b));
        assert!(fits(&run_fits, &TEXTS));
        for bad in [
            past_the_end,
            backwards,
            no_such_article,
            too_many,
            empty_groups,
            run_elsewhere,
            run_past_the_end,
        ] {
            assert!(!fits(&bad, &TEXTS));
        }
        assert!(!fits(&mid_character, &accented));

        // Sets of identical copies: unsorted, empty, or with paragraphs past the end.
        let same = [TEXTS[0], TEXTS[0], TEXTS[1]];
        let copies = |articles: Vec<usize>, paragraphs: Vec<(usize, usize)>| Alignment {
            copies: vec![crate::align::family::Copies {
                articles,
                paragraphs,
                near: None,
            }],
            ..Alignment::default()
        };
        assert!(fits(&copies(vec![0, 1], vec![(0, 10)]), &same));
        for bad in [
            copies(vec![], vec![]),
            copies(vec![1, 0], vec![(0, 10)]),
            copies(vec![0, 2], vec![(0, 10)]),
            copies(vec![0, 1], vec![(0, TEXTS[0].len() + 1)]),
            copies(vec![0, 5], vec![]),
        ] {
            assert!(!fits(&bad, &same), "{:?}", bad.copies);
        }

        // A near copy stands alone, its sentences inside both texts.
        let near = |of: usize, there: (usize, usize), here: (usize, usize)| Alignment {
            copies: vec![crate::align::family::Copies {
                articles: vec![2],
                paragraphs: vec![(0, 10)],
                near: Some(crate::align::family::NearCopy {
                    of,
                    sentences: vec![(crate::align::PairKind::Verbatim, there, here)],
                }),
            }],
            ..Alignment::default()
        };
        assert!(fits(&near(0, (0, 10), (0, 10)), &same));
        for bad in [
            near(7, (0, 10), (0, 10)),
            near(0, (0, TEXTS[0].len() + 1), (0, 10)),
            near(0, (0, 10), (5, TEXTS[1].len() + 1)),
        ] {
            assert!(!fits(&bad, &same), "{:?}", bad.copies);
        }

        // Quotes: two renderings or more, in distinct articles in order, spans that fit.
        let quoted = [
            "He said \"we will win this\" and \"we will\".",
            "\"We will win this,\" Ek said.",
        ];
        let rendering = |article: usize, start: usize, end: usize| crate::align::quote::Rendering {
            span: Span {
                article,
                start,
                end,
            },
            speaker: None,
        };
        let quotes = |members: Vec<crate::align::quote::Rendering>| Alignment {
            quotes: vec![crate::align::quote::Quote {
                id: 0,
                speaker: None,
                members,
            }],
            ..Alignment::default()
        };
        let good = quotes(vec![rendering(0, 9, 25), rendering(1, 1, 17)]);
        assert!(fits(&good, &quoted));
        let mut speaker_elsewhere = good.clone();
        speaker_elsewhere.quotes[0].members[1].speaker = Some(Span {
            article: 0,
            start: 0,
            end: 2,
        });
        for bad in [
            quotes(vec![rendering(0, 9, 25)]),
            quotes(vec![rendering(1, 1, 17), rendering(0, 9, 25)]),
            quotes(vec![rendering(0, 9, 25), rendering(1, 1, 99)]),
            speaker_elsewhere,
        ] {
            assert!(!fits(&bad, &quoted), "{:?}", bad.quotes);
        }

        // Stored and then read back against other texts: dropped, not used.
        let dir = tempfile::tempdir().unwrap();
        let cache = AlignmentCache::new(dir.path());
        let key = CacheKey::new(&TEXTS, &AlignOptions::default());
        cache.store(key, &sample_alignment()).unwrap();
        assert_eq!(cache.load(key, &["short", "texts", "here"]), None);
        assert!(cache.load(key, &TEXTS).is_some());
    }

    #[test]
    fn real_alignments_fit_their_texts() {
        let a = include_str!("../assets/articles/000_569b729a2117decc.txt");
        let b = include_str!("../assets/articles/003_b5e1fbffe1debdfc.txt");
        let c = include_str!("../assets/articles/004_a614a29300825745.txt");
        let near = a.replacen("Iraq", "Iraq's government", 3);
        let mut longer = b.to_string();
        longer.push_str("\n\nAn update added at the end of the day, with a new paragraph.");
        let texts = [a, b, a, c, near.as_str(), a, longer.as_str(), b];
        let alignment = crate::align::align(&texts, &AlignOptions::default());
        assert!(!alignment.copies.is_empty() && !alignment.families.is_empty());
        assert!(fits(&alignment, &texts), "{:?}", alignment.families);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_an_entry_is_a_miss_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let cache = AlignmentCache::new(dir.path());
        let key = CacheKey::new(&TEXTS, &AlignOptions::default());
        let status = std::process::Command::new("mkfifo")
            .arg(cache.path(key))
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(cache.load(key, &TEXTS), None);
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
        assert!(cache.load(keys[0], &TEXTS).is_some());
        cache.store(keys[2], &sample_alignment()).unwrap();
        assert!(cache.load(keys[0], &TEXTS).is_some());
        assert!(cache.load(keys[1], &TEXTS).is_none());
        assert!(cache.load(keys[2], &TEXTS).is_some());
    }
}
