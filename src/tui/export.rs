//! `e` on the compare, story, group and quote screens: what they show written down as a
//! report to cite, Markdown and an HTML page ([`crate::display::report`] and its siblings),
//! in the folder the session was started from, under names no file has yet.

use std::path::PathBuf;

use crate::display::comparison::Comparison;
use crate::display::report;
use crate::display::text::sanitize;
use crate::tui::screens::Context;

/// Where reports go, and what the session opened (for the command that writes the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub dir: PathBuf,
    /// The paths the session was started on (empty: the config's or the sample).
    pub paths: Vec<PathBuf>,
    /// Options the session was started with that change what is read (`--manifest F`).
    pub options: Vec<String>,
}

/// Writes the report of `cmp` to `target` and returns what the status line says: where it
/// went, or why it did not.
pub fn comparison(target: Option<&Target>, cmp: &Comparison) -> String {
    let Some(target) = target else {
        return "Reports are not written in this session.".to_string();
    };
    let base = format!(
        "crossread-{}-{}",
        file_part(&cmp.left.id),
        file_part(&cmp.right.id)
    );
    let subcommand = ["compare".into(), cmp.left.id.clone(), cmp.right.id.clone()];
    write_report(target, base, &subcommand, |command| {
        Ok((report::html(cmp, command), report::markdown(cmp, command)))
    })
}

/// Writes one report under a free name built on `base` (`base.html`, `base.md`, or numbered
/// past names taken), with the command that writes it again: `crossread [options] export
/// SUBCOMMAND… --html F --md F PATHS…`. `render` turns that command into the HTML page and
/// the Markdown text, or says why there is nothing to write. Returns the status line.
fn write_report(
    target: &Target,
    base: String,
    subcommand: &[String],
    render: impl FnOnce(&str) -> Result<(String, String), String>,
) -> String {
    let html_path = report::free_name(&target.dir, &base, "html");
    let stem = html_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(base);
    let md_path = report::free_name(&target.dir, &stem, "md");
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut args: Vec<String> = vec!["crossread".into()];
    args.extend(target.options.iter().cloned());
    args.push("export".into());
    args.extend(subcommand.iter().cloned());
    args.extend([
        "--html".into(),
        name(&html_path),
        "--md".into(),
        name(&md_path),
    ]);
    args.extend(target.paths.iter().map(|p| p.display().to_string()));
    let command = report::command_line(&args);
    let (html, md) = match render(&command) {
        Ok(texts) => texts,
        Err(why) => return why,
    };
    for (path, contents) in [(&html_path, html), (&md_path, md)] {
        if let Err(err) = report::write_new(path, contents.as_bytes()) {
            return sanitize(&format!("Cannot write {}: {err}", path.display())).into_owned();
        }
    }
    let dir = std::fs::canonicalize(&target.dir).unwrap_or_else(|_| target.dir.clone());
    sanitize(&format!(
        "Wrote {} and {} in {}",
        name(&html_path),
        name(&md_path),
        dir.display()
    ))
    .into_owned()
}

/// An id as part of a file name: letters, digits, `-` and `_`, the first 24.
fn file_part(id: &str) -> String {
    let part: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(24)
        .collect();
    if part.is_empty() {
        "article".to_string()
    } else {
        part
    }
}

/// Writes the report of a story to `target` and returns what the status line says.
pub fn story(
    target: Option<&Target>,
    corpus: &crate::corpus::Corpus,
    detail: &crate::display::story::StoryDetail,
) -> String {
    let Some(target) = target else {
        return "Reports are not written in this session.".to_string();
    };
    let number = detail.entry.number.to_string();
    let base = format!("crossread-story-{number}");
    write_report(target, base, &["story".into(), number], |command| {
        Ok((
            crate::display::report_story::html(detail, corpus, command),
            crate::display::report_story::markdown(detail, corpus, command),
        ))
    })
}

/// What `e` writes from the group and quote screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// A shared passage: its index in the groups' listing order.
    Group(usize),
    /// A quote: its index in the alignment's quotes.
    Quote(usize),
}

/// Writes the report of a shared passage or a quote to `target` ([`crate::display::report_claims`])
/// and returns what the status line says.
pub fn claim(target: Option<&Target>, context: &Context, which: Claim) -> String {
    use crate::display::report_claims as claims;
    let Some(target) = target else {
        return "Reports are not written in this session.".to_string();
    };
    let corpus = context.corpus.as_ref();
    // Numbered as the screens list them: groups in listing order, quotes most outlets first.
    let (kind, number) = match which {
        Claim::Group(i) => ("group", i + 1),
        Claim::Quote(i) => {
            let order =
                crate::display::claims::quote_order(&corpus.articles, &context.alignment.quotes);
            (
                "quote",
                order.iter().position(|&q| q == i).map_or(i + 1, |p| p + 1),
            )
        }
    };
    let base = format!("crossread-{kind}-{number}");
    let subcommand = [kind.to_string(), number.to_string()];
    write_report(target, base, &subcommand, |command| match which {
        Claim::Group(i) => match context.alignment.groups.get(i) {
            Some(g) => Ok((
                claims::group_html(corpus, g, number, command),
                claims::group_markdown(corpus, g, number, command),
            )),
            None => Err("No such shared passage.".to_string()),
        },
        Claim::Quote(i) => match context.alignment.quotes.get(i) {
            Some(q) => Ok((
                claims::quote_html(corpus, q, number, command),
                claims::quote_markdown(corpus, q, number, command),
            )),
            None => Err("No such quote.".to_string()),
        },
    })
}
