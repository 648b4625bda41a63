//! Articles and the corpus: loading files into cleaned, described articles.
//!
//! The pipeline per file is `walk` (find candidate files) → `decode` (bytes → text) →
//! `normalize` (safe, uniform text) → format reader (plain text as it is, `frontmatter` for
//! Markdown, `html`) → `page` (paragraphs and what each one is) → `clean` (boilerplate out,
//! corpus-wide for repeated lines) → `describe` (metadata from the file, else from the text).
//! `dates` reads calendar dates for all of them. A file that fails any step becomes a
//! [`LoadWarning`]; the others load.

mod clean;
mod dates;
mod decode;
mod describe;
mod frontmatter;
mod html;
pub mod jsonl;
mod manifest;
mod normalize;
pub mod outlets;
mod page;
mod read;
mod sample;
mod store;
mod walk;

pub use clean::CleanOptions;
pub use dates::PubDate;
pub use manifest::Manifest;
pub use outlets::OutletTable;
pub use read::{read_regular, ReadError};
pub(crate) use walk::io_reason;
pub use walk::Walked;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

/// Files larger than this are not articles (dumps, media) and are skipped unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Where a metadata field came from; a display can say how much to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Front matter or HTML `<meta>`/Open Graph/JSON-LD: stated by the file itself.
    #[default]
    Declared,
    /// Inferred from the article text ("By X", "- Outlet", a copyright line).
    Text,
}

/// What an article says about itself. Empty fields are unknown, never guessed from the file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// The publication date (never a modified date when the file gives both).
    pub date: Option<PubDate>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// The news agency the text credits ("(AP) —", "By Reuters"): the copy's origin, which
    /// is neither its author nor the outlet that ran it.
    pub wire: Option<String>,
    /// Fields of a manifest or JSON Lines record that crossread does not read, kept as given.
    pub extra: Vec<(String, String)>,
}

impl Metadata {
    /// Fills every empty field of `self` from `other`.
    pub fn or(mut self, other: Metadata) -> Metadata {
        self.title = self.title.or(other.title);
        self.outlet = self.outlet.or(other.outlet);
        self.date = self.date.or(other.date);
        self.author = self.author.or(other.author);
        self.url = self.url.or(other.url);
        self.wire = self.wire.or(other.wire);
        if self.extra.is_empty() {
            self.extra = other.extra;
        }
        self
    }
}

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// JSON Lines, one article a line (see [`jsonl`]).
    Jsonl,
}

impl Format {
    /// Returns the format for a path's extension, or `None` if the extension is not one we read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            // A folder's manifest is metadata, not articles.
            "jsonl" | "ndjson" if !manifest::MANIFEST_NAMES.iter().any(|m| path.ends_with(m)) => {
                Some(Format::Jsonl)
            }
            _ => None,
        }
    }
}

/// A document as read from its file, before cleaning.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub format: Format,
    /// Body text, decoded and normalised (for HTML: the extracted main content as text).
    pub raw: String,
    /// Metadata the file declares (front matter, HTML meta); text heuristics come later.
    pub declared: Metadata,
    /// Something the user should know about how the file was read (a guessed encoding,
    /// broken bytes replaced); the document loaded all the same.
    pub note: Option<String>,
    /// The id a JSON Lines record gives; files get theirs from their paths.
    pub id: Option<String>,
    /// A record exported by crossread: its text is already clean and its metadata complete,
    /// so it is neither cleaned nor described again.
    pub cleaned: bool,
}

/// One article of the corpus, ready to read and compare.
#[derive(Debug, Clone)]
pub struct Article {
    /// Short, stable, unique id: the file stem, widened with its folders only on a clash.
    pub id: String,
    /// The file it came from (for the embedded sample, `assets/articles/NAME`).
    pub path: PathBuf,
    pub format: Format,
    pub meta: Metadata,
    /// Body before cleaning, kept so that a reader can check what cleaning removed.
    pub raw: String,
    /// Body after cleaning: what is read, compared and addressed by byte offsets.
    pub text: String,
    /// Number of words in `text`.
    pub words: usize,
}

/// A file that was skipped, and why. Printed as one line on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.path.display(), self.reason)
    }
}

/// Why a single file could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read: {}", io_reason(.0))]
    Io(#[from] std::io::Error),
    #[error("larger than {} MB", MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("empty file")]
    Empty,
    #[error("binary data, not text")]
    Binary,
    #[error("not valid text: {0}")]
    Encoding(String),
    #[error("no article text found")]
    NoText,
    /// Not a regular file, or one of `/proc` and the like.
    #[error(transparent)]
    File(ReadError),
}

impl From<ReadError> for LoadError {
    fn from(err: ReadError) -> LoadError {
        match err {
            ReadError::Io(io) => LoadError::Io(io),
            ReadError::TooLarge(_) => LoadError::TooLarge,
            other => LoadError::File(other),
        }
    }
}

/// Options of the whole loading pipeline.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub clean: CleanOptions,
    /// Outlet names and aliases: the built-in table plus the config's `[outlets]`.
    pub outlets: OutletTable,
    /// A manifest given on the command line, read besides the folders' own `manifest.*`.
    pub manifest: Option<PathBuf>,
    /// Where read documents are kept between runs (see [`store`]); `None`: nowhere.
    pub store_dir: Option<PathBuf>,
}

/// The articles of one session, in a stable order (by path), and the files that were skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Files that were skipped, with the reason.
    pub warnings: Vec<LoadWarning>,
    /// Files that loaded but deserve a look (see [`Document::note`]).
    pub notes: Vec<LoadWarning>,
}

impl Corpus {
    /// Loads every article under `paths` (files, or folders searched recursively).
    /// Never fails as a whole: what cannot be read becomes a warning.
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
        Corpus::load_found(Corpus::find_files(paths), options)
    }

    /// The candidate files under `paths`, without reading them: the quick first half of
    /// [`Corpus::load`], for an interface that shows itself before the slow second half.
    pub fn find_files(paths: &[PathBuf]) -> Walked {
        walk::find_files(paths)
    }

    /// Reads, cleans and describes the files [`Corpus::find_files`] found; the paths it
    /// could not search stay as warnings.
    pub fn load_found(walked: Walked, options: &LoadOptions) -> Corpus {
        let mut warnings = walked.warnings;
        type Read = Result<(Vec<Document>, Vec<LoadWarning>), LoadError>;
        let store = options
            .store_dir
            .as_deref()
            .map(|dir| store::Store::open(dir, &walked.roots));
        // (path, what was read, the store key of a file read, whether it came from the store)
        let read: Vec<(PathBuf, Read, Option<store::Key>, bool)> = walked
            .files
            .into_par_iter()
            .map(|(path, format)| {
                if format == Format::Jsonl {
                    return (path.clone(), read_jsonl(&path), None, false);
                }
                let key = store.as_ref().and_then(|_| store::key(&path, format));
                let stored = store
                    .as_ref()
                    .zip(key)
                    .and_then(|(s, k)| s.get(k, &path, format));
                let hit = stored.is_some();
                let doc = match stored {
                    Some(doc) => Ok(doc),
                    None => read_document(&path, format),
                };
                (path, doc.map(|d| (vec![d], Vec::new())), key, hit)
            })
            .collect();
        if let Some(store) = &store {
            let kept: Vec<(store::Key, &Document)> = read
                .iter()
                .filter_map(|(_, r, key, _)| {
                    Some((key.as_ref().copied()?, r.as_ref().ok()?.0.first()?))
                })
                .collect();
            let all_hits = read
                .iter()
                .all(|(_, r, key, hit)| *hit || key.is_none() || r.is_err());
            if !all_hits {
                store.save(&kept);
            }
        }
        let mut documents = Vec::with_capacity(read.len());
        for (path, result, _, _) in read {
            match result {
                Ok((docs, bad_lines)) => {
                    documents.extend(docs);
                    warnings.extend(bad_lines);
                }
                Err(err) => warnings.push(LoadWarning {
                    path,
                    reason: err.to_string(),
                }),
            }
        }
        Corpus::from_documents(documents, warnings, options)
    }

    /// The sample corpus built into the binary.
    pub fn sample(options: &LoadOptions) -> Corpus {
        let mut warnings = Vec::new();
        let mut documents = Vec::new();
        for (path, bytes) in sample::files() {
            let format = Format::from_path(&path).unwrap_or(Format::Text);
            match document_from_bytes(&path, format, bytes) {
                Ok(doc) => documents.push(doc),
                Err(err) => warnings.push(LoadWarning {
                    path,
                    reason: err.to_string(),
                }),
            }
        }
        Corpus::from_documents(documents, warnings, options)
    }

    /// Cleans and describes documents already read; used by [`Corpus::load`] and by tests.
    pub fn from_documents(
        mut documents: Vec<Document>,
        mut warnings: Vec<LoadWarning>,
        options: &LoadOptions,
    ) -> Corpus {
        documents.sort_by(|a, b| a.path.cmp(&b.path));
        let mut notes: Vec<LoadWarning> = documents
            .iter()
            .filter_map(|d| {
                let reason = d.note.clone()?;
                Some(LoadWarning {
                    path: d.path.clone(),
                    reason,
                })
            })
            .collect();
        // Every page is read once, in parallel; the count of repeated lines needs all of them.
        let count_lines = clean::RepeatedLines::wanted(&options.clean);
        let pages: Vec<(page::Page, Vec<clean::FoldedLine>)> = documents
            .par_iter()
            .map(|doc| {
                // An exported record is read as it is: nothing to count, clean or describe.
                let page = page::Page::read(if doc.cleaned { "" } else { &doc.raw });
                let folded = if count_lines {
                    page.units
                        .iter()
                        .map(|u| clean::FoldedLine::new(&u.text))
                        .collect()
                } else {
                    Vec::new()
                };
                (page, folded)
            })
            .collect();
        let repeated = clean::RepeatedLines::count_folded(
            pages.iter().map(|(_, folded)| folded.as_slice()),
            &options.clean,
        );
        let ids = assign_ids_given(&documents);
        let (sidecar, manifest_warnings) = read_manifests(&documents, options);
        // A manifest row that could not be used is a caveat, like a guessed encoding.
        notes.extend(manifest_warnings);
        let mut articles: Vec<Article> = documents
            .into_par_iter()
            .zip(pages)
            .zip(ids)
            .zip(sidecar)
            .map(|(((doc, (page, folded)), id), sidecar)| {
                // One reading of the page serves counting, cleaning and describing.
                let mut text = if options.clean.enabled && !doc.cleaned {
                    let folded = count_lines.then_some(folded.as_slice());
                    clean::clean_page(&page, folded, &repeated, &options.clean)
                } else {
                    doc.raw.clone()
                };
                let mut words = count_words(&text);
                if words == 0 {
                    // Cleaning judged every line furniture (a one-line note, say): showing the
                    // text as loaded loses less than dropping the file.
                    text = doc.raw.trim().to_string();
                    words = count_words(&text);
                }
                let meta = resolve(
                    sidecar,
                    doc.declared.clone(),
                    describe::describe_page(&page),
                    &options.outlets,
                );
                Article {
                    id,
                    path: doc.path,
                    format: doc.format,
                    meta,
                    raw: doc.raw,
                    text,
                    words,
                }
            })
            .collect();
        articles.retain(|a| {
            let keep = a.words > 0;
            if !keep {
                warnings.push(LoadWarning {
                    path: a.path.clone(),
                    reason: LoadError::NoText.to_string(),
                });
            }
            keep
        });
        warnings.sort_by(|a, b| a.path.cmp(&b.path));
        Corpus {
            articles,
            warnings,
            notes,
        }
    }

    /// Finds an article by id, by a unique id prefix, or by path.
    pub fn find(&self, key: &str) -> Result<&Article, FindError> {
        if let Some(a) = self.articles.iter().find(|a| a.id == key) {
            return Ok(a);
        }
        if let Some(a) = self.articles.iter().find(|a| a.path == Path::new(key)) {
            return Ok(a);
        }
        let canon = std::fs::canonicalize(key).ok();
        if let Some(canon) = canon {
            if let Some(a) = self
                .articles
                .iter()
                .find(|a| std::fs::canonicalize(&a.path).ok().as_ref() == Some(&canon))
            {
                return Ok(a);
            }
        }
        let matches: Vec<&Article> = self
            .articles
            .iter()
            .filter(|a| a.id.starts_with(key))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(FindError::NotFound(key.to_string())),
            many => Err(FindError::Ambiguous {
                key: key.to_string(),
                ids: many.iter().map(|a| a.id.clone()).collect(),
            }),
        }
    }
}

/// Why an id given on the command line names no single article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FindError {
    #[error("no article with id or path '{0}'")]
    NotFound(String),
    #[error("'{key}' matches several articles: {}", ids.join(", "))]
    Ambiguous { key: String, ids: Vec<String> },
}

/// What the manifests say about each document: the one given in the options first, then the
/// `manifest.*` of each document's folder and of the folder above it.
fn read_manifests(
    documents: &[Document],
    options: &LoadOptions,
) -> (Vec<Option<Metadata>>, Vec<LoadWarning>) {
    let mut files: Vec<PathBuf> = options.manifest.iter().cloned().collect();
    let mut dirs: Vec<&Path> = Vec::new();
    for doc in documents {
        let parent = doc.path.parent();
        for dir in [parent, parent.and_then(Path::parent)]
            .into_iter()
            .flatten()
        {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    for dir in dirs {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Some(found) = Manifest::in_folder(dir) {
            if !files.iter().any(|f| same_file(f, &found)) {
                files.push(found);
            }
        }
    }
    let mut sidecar: Vec<Option<Metadata>> = vec![None; documents.len()];
    let mut warnings = Vec::new();
    if files.is_empty() {
        return (sidecar, warnings);
    }
    let paths: Vec<&Path> = documents.iter().map(|d| d.path.as_path()).collect();
    for file in files {
        let (manifest, read_warnings) = Manifest::read(&file);
        warnings.extend(read_warnings);
        let Some(manifest) = manifest else { continue };
        let (found, assign_warnings) = manifest.assign(&paths);
        warnings.extend(assign_warnings);
        for (slot, meta) in sidecar.iter_mut().zip(found) {
            *slot = match (slot.take(), meta) {
                (Some(first), Some(more)) => Some(first.or(more)),
                (first, more) => first.or(more),
            };
        }
    }
    (sidecar, warnings)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
}

/// An article's metadata: the manifest's, then what the file declares, then what its text
/// says; outlet names through the alias table, else the outlet of the article's URL; a wire
/// credited as the author moves to the wire field.
fn resolve(
    sidecar: Option<Metadata>,
    declared: Metadata,
    described: Metadata,
    table: &OutletTable,
) -> Metadata {
    let mut meta = sidecar.unwrap_or_default().or(declared).or(described);
    meta.outlet = meta.outlet.map(|o| table.normalize(&o));
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().and_then(|url| {
            table
                .by_host(url)
                .map(str::to_string)
                .or_else(|| outlets::host(url))
        });
    }
    meta.wire = meta.wire.map(|w| table.normalize(&w));
    if let Some(author) = &meta.author {
        if table.is_wire(author) {
            meta.wire.get_or_insert_with(|| table.normalize(author));
            meta.author = None;
        }
    }
    meta
}

/// The name standing for standard input among the paths: a JSON Lines corpus piped in.
pub const STDIN: &str = "-";

/// Reads a JSON Lines corpus (standard input for [`STDIN`]): its documents, and a warning for
/// each line that is not an article.
fn read_jsonl(path: &Path) -> Result<(Vec<Document>, Vec<LoadWarning>), LoadError> {
    let bytes = if path == Path::new(STDIN) {
        use std::io::Read;
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(jsonl::MAX_JSONL_BYTES + 1)
            .read_to_end(&mut bytes)?;
        bytes
    } else {
        read::read_regular(path, jsonl::MAX_JSONL_BYTES)?
    };
    if bytes.len() as u64 > jsonl::MAX_JSONL_BYTES {
        return Err(LoadError::TooLarge);
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| LoadError::Encoding(format!("JSON Lines must be UTF-8 ({e})")))?;
    let (documents, warnings) = jsonl::documents(path, text);
    if documents.is_empty() && warnings.is_empty() {
        return Err(LoadError::Empty);
    }
    Ok((documents, warnings))
}

/// Reads one file into a document: size and type checks, decoding, format reading.
pub fn read_document(path: &Path, format: Format) -> Result<Document, LoadError> {
    #[cfg(unix)]
    {
        let meta = std::fs::metadata(path)?;
        // A file that grants nobody read permission is locked on purpose; root could still
        // read it, but an article list should not depend on who runs it.
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o444 == 0 {
            return Err(LoadError::Io(std::io::ErrorKind::PermissionDenied.into()));
        }
    }
    // Whatever size the file reports: a link into /proc reports 0 and never ends.
    let bytes = read::read_regular(path, MAX_FILE_BYTES)?;
    document_from_bytes(path, format, &bytes)
}

/// Turns a file's bytes into a document; the path is only recorded, never read.
pub fn document_from_bytes(
    path: &Path,
    format: Format,
    bytes: &[u8],
) -> Result<Document, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty);
    }
    let decode::Decoded { text, mut note } = decode::decode_noting(bytes, format == Format::Html)?;
    let (raw, declared) = match format {
        Format::Text => (text, Metadata::default()),
        Format::Markdown => {
            let (meta, body) = frontmatter::split(&text);
            (body.to_string(), meta)
        }
        Format::Html => {
            let (raw, declared, why) = html::extract_noting(&text)?;
            note = match (note, why) {
                (Some(a), Some(b)) => Some(format!("{a}; {b}")),
                (a, b) => a.or(b),
            };
            (raw, declared)
        }
        // Many articles to a file: see `read_jsonl`. One given alone is read as text.
        Format::Jsonl => (text, Metadata::default()),
    };
    let raw = normalize::normalize(&raw);
    if raw.trim().is_empty() {
        return Err(LoadError::NoText);
    }
    Ok(Document {
        path: path.to_path_buf(),
        format,
        raw,
        declared,
        note,
        id: None,
        cleaned: false,
    })
}

/// Counts words as runs of letters or digits (so "al-Abadi" is two, "2,700" one): the
/// Unicode words (UAX #29) of `text`.
///
/// unicode-segmentation has a fast path for ASCII text, but one curly quote sends a whole
/// article down the general one. No word spans a line break, nor a space between two ASCII
/// characters, and the rules on each side of one never look across it (they look past
/// combining marks and format characters, which are not ASCII), so the text is counted in
/// pieces cut there: ASCII runs take the fast path, and only the words around other
/// characters the general one.
pub fn count_words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let words = |piece: &str| piece.unicode_words().count();
    let mut count = 0;
    for line in text.split('\n') {
        let b = line.as_bytes();
        // A space with ASCII (or nothing) on both sides.
        let is_cut = |j: usize| {
            b[j] == b' ' && (j == 0 || b[j - 1].is_ascii()) && b.get(j + 1).is_none_or(u8::is_ascii)
        };
        // `from` starts a piece not yet counted, and is 0 or just after a cut.
        let mut from = 0;
        while let Some(k) = b[from..]
            .iter()
            .position(|c| !c.is_ascii())
            .map(|k| from + k)
        {
            let start = (from..k).rev().find(|&j| is_cut(j)).map_or(from, |j| j + 1);
            let end = (k..b.len()).find(|&j| is_cut(j)).unwrap_or(b.len());
            // Cuts are ASCII spaces, so both pieces are whole characters.
            count += ascii_words(&b[from..start]) + words(&line[start..end]);
            from = (end + 1).min(b.len());
        }
        count += ascii_words(&b[from..]);
    }
    count
}

/// The number of Unicode words of ASCII text: unicode-segmentation's own ASCII rules
/// (`AsciiWordBoundIter`), counted without building the words. A word is a run of letters,
/// digits and `_` (with `.`, `,`, `;` or `'` between two digits, `.`, `:` or `'` between two
/// letters) that holds a letter or a digit.
fn ascii_words(b: &[u8]) -> usize {
    // What each byte is in a word: 0 none, 1 a letter or digit, 2 an underscore.
    const CORE: [u8; 256] = {
        let mut core = [0; 256];
        let mut c = 0;
        while c < 256 {
            let byte = c as u8;
            core[c] = if byte.is_ascii_alphanumeric() {
                1
            } else {
                (byte == b'_') as u8 * 2
            };
            c += 1;
        }
        core
    };
    let infix = |c: u8, prev: u8, next: u8| match c {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    };
    let (mut count, mut i) = (0, 0);
    while i < b.len() {
        if CORE[usize::from(b[i])] == 0 {
            i += 1;
            continue;
        }
        // A word: runs of letters, digits and underscores, joined by single infix characters.
        let mut alphanumeric = false;
        loop {
            let run = b[i..].iter().position(|&c| CORE[usize::from(c)] == 0);
            let end = run.map_or(b.len(), |n| i + n);
            alphanumeric = alphanumeric || b[i..end].iter().any(|&c| CORE[usize::from(c)] == 1);
            i = end;
            if i + 1 < b.len() && infix(b[i], b[i - 1], b[i + 1]) {
                i += 1;
                continue;
            }
            break;
        }
        count += usize::from(alphanumeric);
    }
    count
}

/// The ids of documents: the one a JSON Lines record gives (with a counter if two records
/// of the corpus give one id), else one from the path (see [`assign_ids`]).
fn assign_ids_given(documents: &[Document]) -> Vec<String> {
    let from_paths = assign_ids(
        documents
            .iter()
            .filter(|d| d.id.is_none())
            .map(|d| d.path.as_path()),
    );
    let mut from_paths = from_paths.into_iter();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    documents
        .iter()
        .map(|d| {
            let id = match &d.id {
                Some(id) => id.clone(),
                None => from_paths.next().unwrap_or_default(),
            };
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                id
            } else {
                format!("{id}.{n}")
            }
        })
        .collect()
}

/// Ids are file stems; where two files share a stem, their last folders (joined by `/`)
/// tell them apart, then their extensions, then a counter.
fn assign_ids<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<String> {
    let paths: Vec<&Path> = paths.collect();
    let max_depth = paths
        .iter()
        .map(|p| p.components().count())
        .max()
        .unwrap_or(0);
    let mut ids: Vec<Option<String>> = vec![None; paths.len()];
    'widen: for with_ext in [false, true] {
        for depth in 0..=max_depth {
            let labels: Vec<String> = paths.iter().map(|p| label(p, depth, with_ext)).collect();
            let mut counts = std::collections::HashMap::new();
            for l in &labels {
                *counts.entry(l.as_str()).or_insert(0usize) += 1;
            }
            for (i, l) in labels.iter().enumerate() {
                if ids[i].is_none() && counts[l.as_str()] == 1 {
                    ids[i] = Some(l.clone());
                }
            }
            if ids.iter().all(Option::is_some) {
                break 'widen;
            }
        }
    }
    let mut seen = std::collections::HashMap::new();
    ids.into_iter()
        .zip(&paths)
        .map(|(id, p)| {
            id.unwrap_or_else(|| {
                let base = label(p, 0, true);
                let n = seen.entry(base.clone()).or_insert(0usize);
                *n += 1;
                format!("{base}.{n}")
            })
        })
        .collect()
}

/// The last `depth` folders of a path's parent, then the file stem (or name), joined by `/`.
fn label(p: &Path, depth: usize, with_ext: bool) -> String {
    let mut parts: Vec<String> = p
        .parent()
        .map(|d| {
            d.components()
                .filter_map(|c| match c {
                    std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let keep = parts.len().saturating_sub(depth);
    parts.drain(..keep);
    let name = if with_ext {
        p.file_name()
    } else {
        p.file_stem()
    };
    parts.push(
        name.map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stems_widened_only_on_clash() {
        let paths = [
            Path::new("/x/a/story.txt"),
            Path::new("/x/b/story.html"),
            Path::new("/x/b/other.md"),
        ];
        assert_eq!(
            assign_ids(paths.into_iter()),
            ["a/story", "b/story", "other"]
        );
    }

    #[test]
    fn same_stem_and_folder_get_a_counter() {
        let paths = [Path::new("/x/story.txt"), Path::new("/x/story.md")];
        let ids = assign_ids(paths.into_iter());
        assert_eq!(ids, ["story.txt", "story.md"]);
    }

    #[test]
    fn files_over_the_size_cap_are_not_read() {
        let bytes = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let err = document_from_bytes(Path::new("big.txt"), Format::Text, &bytes).unwrap_err();
        assert_eq!(err.to_string(), "larger than 10 MB");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_nobody_may_read_is_skipped_even_for_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.txt");
        std::fs::write(&path, "A sentence nobody may read.").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        let err = read_document(&path, Format::Text).unwrap_err();
        assert_eq!(err.to_string(), "cannot read: permission denied");
    }

    #[test]
    fn count_words_counts_unicode_words() {
        assert_eq!(count_words("Hakem al-Zameli said: “yes” — 2,700 times."), 7);
    }

    #[test]
    fn ascii_words_are_unicode_words() {
        use unicode_segmentation::UnicodeSegmentation;
        // Every string of up to five of these, then longer random ones of any ASCII.
        let alphabet = b"aZ1_:,;.' \n\r\"-";
        let mut texts: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = texts.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |&c| [t.as_slice(), &[c]].concat()))
                .collect();
            texts.extend(last.iter().cloned());
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 60;
            texts.push(
                (0..len)
                    .map(|_| alphabet[next() as usize % alphabet.len()])
                    .collect(),
            );
            texts.push((0..len).map(|_| (next() % 128) as u8).collect());
        }
        for t in &texts {
            let text = std::str::from_utf8(t).unwrap();
            assert_eq!(ascii_words(t), text.unicode_words().count(), "{text:?}");
        }
    }

    #[test]
    fn counting_in_pieces_counts_the_unicode_words_of_the_whole() {
        use unicode_segmentation::UnicodeSegmentation;
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "Zameli", "1", "2,700", "_", ":", ",", ";", ".", "'", " ", "  ", "\n", "\r\n",
            "\t", "\"", "-", "é", "’", "“", "”", "\u{301}", "\u{200D}", "👍", "🇫🇷", "\u{AD}",
            "א", "カ", "日本", "\u{A0}", "٣", "Ⅻ", "x\u{301}y", "can’t", "3.5", "a.b", "\u{2060}",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state >> 11) as usize % PIECES.len()]);
            }
            assert_eq!(count_words(&text), text.unicode_words().count(), "{text:?}");
        }
    }
}
