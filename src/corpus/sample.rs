//! The sample corpus, built into the binary so that a bare `crossread` has something to open.

use std::path::PathBuf;

use include_dir::{include_dir, Dir};

static ARTICLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/articles");

/// The embedded files as (display path, bytes), sorted by name.
pub fn files() -> Vec<(PathBuf, &'static [u8])> {
    let mut files: Vec<(PathBuf, &'static [u8])> = ARTICLES
        .files()
        .map(|f| {
            (
                PathBuf::from("assets/articles").join(f.path()),
                f.contents(),
            )
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}
