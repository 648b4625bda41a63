//! Finding candidate article files under the paths a user gave.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Format, LoadWarning};

/// The files to read, with their formats, and the paths that could not be searched.
#[derive(Debug, Default)]
pub struct Walked {
    /// The paths searched, as given.
    pub roots: Vec<PathBuf>,
    pub files: Vec<(PathBuf, Format)>,
    pub warnings: Vec<LoadWarning>,
}

/// Searches files and folders (recursively, following symlinks, loops detected).
///
/// A file named explicitly is read whatever its extension (a plain-text reader is the
/// best guess); inside folders only known extensions are taken, and hidden entries skipped.
/// The same file reached twice (two arguments, a symlink) is listed once.
pub fn find_files(paths: &[PathBuf]) -> Walked {
    let mut out = Walked {
        roots: paths.to_vec(),
        ..Walked::default()
    };
    let mut seen = HashSet::new();
    for root in paths {
        if root.as_os_str() == super::STDIN {
            push_unique(&mut out, &mut seen, root.clone(), Format::Jsonl);
            continue;
        }
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(err) => {
                out.warnings.push(LoadWarning {
                    path: root.clone(),
                    reason: io_reason(&err),
                });
                continue;
            }
        };
        if meta.is_file() {
            let format = Format::from_path(root).unwrap_or(Format::Text);
            push_unique(&mut out, &mut seen, root.clone(), format);
            continue;
        }
        if !meta.is_dir() {
            out.warnings.push(LoadWarning {
                path: root.clone(),
                reason: not_regular(&meta),
            });
            continue;
        }
        // Canonicalising every file costs a system call per folder of its path. Below a
        // canonical root, a path with no symbolic link in it is canonical as it stands, so
        // only paths through a link are canonicalised. `linked[d]`: the folder entered at
        // depth `d` was reached through a link.
        let canonical_root = std::fs::canonicalize(root).ok();
        // Links to folders are followed only within the folder given: one link to `/` would
        // otherwise crawl the whole file system. Skipped links are reported.
        let outside = std::cell::RefCell::new(Vec::new());
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 {
                    return true;
                }
                if e.file_name().to_string_lossy().starts_with('.') {
                    return false;
                }
                let is_inside = !(e.path_is_symlink() && e.file_type().is_dir())
                    || canonical_root.as_ref().is_some_and(|root| {
                        std::fs::canonicalize(e.path()).is_ok_and(|p| p.starts_with(root))
                    });
                if !is_inside {
                    outside.borrow_mut().push(LoadWarning {
                        path: e.path().to_path_buf(),
                        reason: format!(
                            "link to a folder outside {}, not followed (name that folder \
                             to read it)",
                            root.display()
                        ),
                    });
                }
                is_inside
            });
        let mut linked: Vec<bool> = Vec::new();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let depth = entry.depth();
                    let through_link = entry.path_is_symlink()
                        || depth
                            .checked_sub(1)
                            .is_some_and(|d| linked.get(d) != Some(&false));
                    if entry.file_type().is_dir() {
                        linked.truncate(depth);
                        linked.push(depth > 0 && through_link);
                    }
                    if !entry.file_type().is_file() {
                        // A FIFO, socket or device: never read (a FIFO would block), but
                        // said, since it may be an article someone meant to save there.
                        if !entry.file_type().is_dir() {
                            if let Ok(meta) = entry.metadata() {
                                out.warnings.push(LoadWarning {
                                    path: entry.into_path(),
                                    reason: not_regular(&meta),
                                });
                            }
                        }
                        continue;
                    }
                    if let Some(format) = Format::from_path(entry.path()) {
                        let key = match (&canonical_root, entry.path().strip_prefix(root)) {
                            (Some(canonical), Ok(relative)) if !through_link => {
                                canonical.join(relative)
                            }
                            _ => canonical_key(entry.path()),
                        };
                        push_unique_key(&mut out, &mut seen, entry.into_path(), format, key);
                    }
                }
                Err(err) => {
                    let path = err
                        .path()
                        .map(|p| p.to_path_buf())
                        .unwrap_or_else(|| root.clone());
                    let reason = if let Some(anc) = err.loop_ancestor() {
                        format!("symbolic link loop back to {}", anc.display())
                    } else if let Some(io) = err.io_error() {
                        io_reason(io)
                    } else {
                        err.to_string()
                    };
                    out.warnings.push(LoadWarning { path, reason });
                }
            }
        }
        out.warnings.extend(outside.into_inner());
    }
    out
}

/// The warning for a path that is neither a regular file nor a folder.
fn not_regular(meta: &std::fs::Metadata) -> String {
    super::read::check_kind(meta)
        .err()
        .map_or_else(|| "not a regular file".into(), |e| e.to_string())
}

fn push_unique(out: &mut Walked, seen: &mut HashSet<PathBuf>, path: PathBuf, format: Format) {
    let key = canonical_key(&path);
    push_unique_key(out, seen, path, format, key);
}

fn push_unique_key(
    out: &mut Walked,
    seen: &mut HashSet<PathBuf>,
    path: PathBuf,
    format: Format,
    key: PathBuf,
) {
    if seen.insert(key) {
        out.files.push((path, format));
    }
}

/// What tells one file from another: its canonical path, or the path itself if it has none.
fn canonical_key(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A short reason for an I/O error, without the OS error number.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_known_extensions_recursively_and_survives_a_symlink_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("sub/b.md"), "b").unwrap();
        std::fs::write(root.join("sub/deeper/c.HTML"), "c").unwrap();
        std::fs::write(root.join("sub/image.png"), "png").unwrap();
        std::fs::write(root.join(".hidden.txt"), "h").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();

        let walked = find_files(&[root.to_path_buf()]);
        let names: Vec<String> = walked
            .files
            .iter()
            .map(|(p, _)| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "sub/b.md", "sub/deeper/c.HTML"]);
        #[cfg(unix)]
        {
            assert_eq!(walked.warnings.len(), 1, "{:?}", walked.warnings);
            assert!(walked.warnings[0].reason.contains("loop"));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("sub/b.md"), "b").unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("c.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("link")).unwrap();
        let linked_root = dir.path().join("link");
        let walked = find_files(&[
            root.to_path_buf(),
            root.join("sub"),
            root.join("a.txt"),
            linked_root,
            root.join("sub/../a.txt"),
        ]);
        let names: Vec<String> = walked
            .files
            .iter()
            .map(|(p, _)| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "link/b.md"]);
    }

    #[test]
    fn a_missing_path_is_a_warning() {
        let walked = find_files(&[PathBuf::from("/no/such/place")]);
        assert!(walked.files.is_empty());
        assert_eq!(walked.warnings[0].reason, "no such file or folder");
    }
}
