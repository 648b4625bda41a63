//! `crossread export story N`: the report the story screen's `e` writes, from the command
//! line ([`crate::display::report_story`]).

use std::path::PathBuf;

use super::{write_report, write_stdout, Failure};
use crate::align::overlap::Overlap;
use crate::align::Alignment;
use crate::corpus::Corpus;
use crate::display::report::command_line;
use crate::display::report_story;
use crate::display::story::{stories, StoryDetail, StoryEntry};
use crate::safe_text::{sanitize, Mode};

/// Where the report goes.
pub(super) struct Files {
    pub html: Option<PathBuf>,
    pub md: Option<PathBuf>,
    /// Replace files that exist.
    pub force: bool,
}

/// Writes the report of the story `key` names (a number in the stories list, else an
/// article of it). `paths` and `settings` (`--config`, `--manifest` and their files, if
/// given) make the command that writes the same report again.
pub(super) fn export(
    corpus: &Corpus,
    alignment: &Alignment,
    key: &str,
    paths: &[PathBuf],
    settings: &[(&str, &Option<PathBuf>)],
    files: Files,
) -> Result<(), Failure> {
    let list = stories(alignment, corpus);
    let entry = find(&list, corpus, key)?;
    let lens: Vec<usize> = corpus.articles.iter().map(|a| a.text.len()).collect();
    let detail = StoryDetail::new(entry, corpus, &Overlap::new(alignment, &lens));
    let mut args: Vec<String> = vec!["crossread".to_string()];
    for (flag, file) in settings {
        if let Some(file) = file {
            args.push(flag.to_string());
            args.push(file.display().to_string());
        }
    }
    args.extend(["export".into(), "story".into(), entry.number.to_string()]);
    for (flag, file) in [("--html", &files.html), ("--md", &files.md)] {
        if let Some(file) = file {
            args.push(flag.to_string());
            args.push(file.display().to_string());
        }
    }
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let command = command_line(&args);
    if files.html.is_none() && files.md.is_none() {
        return write_stdout(
            &report_story::markdown(&detail, corpus, &command),
            Mode::Text,
        );
    }
    let outputs = [
        (files.html, report_story::html(&detail, corpus, &command)),
        (files.md, report_story::markdown(&detail, corpus, &command)),
    ];
    for (file, contents) in outputs {
        let Some(file) = file else { continue };
        write_report(&file, contents.as_bytes(), files.force)?;
        eprintln!("crossread: wrote {}", sanitize(&file.display().to_string()));
    }
    Ok(())
}

/// The story `key` names: its number, else the story of the article it names.
fn find<'a>(list: &'a [StoryEntry], corpus: &Corpus, key: &str) -> Result<&'a StoryEntry, Failure> {
    let count = match list.len() {
        0 => "there is no story: no two articles are about one event".to_string(),
        1 => "there is 1 story".to_string(),
        n => format!("there are {n} stories"),
    };
    if let Ok(number) = key.trim().parse::<usize>() {
        if let Some(entry) = list.iter().find(|e| e.number == number) {
            return Ok(entry);
        }
        if corpus.find(key).is_err() {
            return Err(Failure::usage(format!(
                "export story: no story {number} ({count})"
            )));
        }
    }
    let article = corpus
        .find(key)
        .map_err(|e| Failure::usage(format!("export story: {e}")))?;
    let at = corpus
        .articles
        .iter()
        .position(|a| std::ptr::eq(a, article))
        .unwrap_or(usize::MAX);
    list.iter()
        .find(|e| e.articles.contains(&at))
        .ok_or_else(|| {
            Failure::usage(format!(
                "export story: {} is in no story (no other article is about its event)",
                article.id
            ))
        })
}
