//! `crossread export group N` and `export quote N`: a shared passage or a quote written
//! down to cite, as the group and quote screens' `e` writes it
//! ([`crate::display::report_claims`]).

use std::path::PathBuf;

use super::{align_cached, load, write_report, write_stdout, Failure, ReportFiles};
use crate::cache::AlignmentCache;
use crate::config::Config;
use crate::display::report::command_line;
use crate::display::report_claims as claims;
use crate::display::AlignmentIndex;
use crate::safe_text::{sanitize, Mode};

/// Which report, by its number on the screens (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Claim {
    Group(usize),
    Quote(usize),
}

/// Writes the report `claim` asks for: to the files `out` names, else Markdown on standard
/// output. `settings` are `--config` and `--manifest` when given (they change what is read,
/// so the command that writes the report again carries them).
pub(super) fn run(
    claim: Claim,
    out: ReportFiles,
    settings: [(&str, &Option<PathBuf>); 2],
    config: &Config,
    cache: Option<&AlignmentCache>,
) -> Result<(), Failure> {
    let request = Request {
        claim,
        paths: &out.input.paths,
        html: out.html,
        md: out.md,
        force: out.force,
        settings: settings
            .into_iter()
            .filter_map(|(flag, file)| Some((flag, file.clone()?)))
            .collect(),
    };
    write(request, config, cache)
}

struct Request<'a> {
    claim: Claim,
    paths: &'a [PathBuf],
    html: Option<PathBuf>,
    md: Option<PathBuf>,
    force: bool,
    settings: Vec<(&'a str, PathBuf)>,
}

fn write(request: Request, config: &Config, cache: Option<&AlignmentCache>) -> Result<(), Failure> {
    let corpus = load(request.paths, config)?;
    let index = AlignmentIndex::new(align_cached(&corpus, &config.align, cache), &corpus);
    let (kind, number) = match request.claim {
        Claim::Group(n) => ("group", n),
        Claim::Quote(n) => ("quote", n),
    };
    let count = match request.claim {
        Claim::Group(_) => index.groups().len(),
        Claim::Quote(_) => index.alignment().quotes.len(),
    };
    if number == 0 || number > count {
        let what = if kind == "group" {
            "shared passages"
        } else {
            "quotes"
        };
        return Err(Failure::usage(format!(
            "export {kind}: no {kind} {number}: the articles have {count} {what} (numbered from 1, \
             as `crossread passages` and the screens list them)"
        )));
    }
    let mut args: Vec<String> = vec!["crossread".to_string()];
    for (flag, file) in &request.settings {
        args.push(flag.to_string());
        args.push(file.display().to_string());
    }
    args.extend(["export".to_string(), kind.to_string(), number.to_string()]);
    for (flag, file) in [("--html", &request.html), ("--md", &request.md)] {
        if let Some(file) = file {
            args.push(flag.to_string());
            args.push(file.display().to_string());
        }
    }
    args.extend(request.paths.iter().map(|p| p.display().to_string()));
    let command = command_line(&args);
    let (html, md) = match request.claim {
        Claim::Group(n) => {
            let group = &index.groups()[n - 1];
            (
                claims::group_html(&corpus, group, n, &command),
                claims::group_markdown(&corpus, group, n, &command),
            )
        }
        Claim::Quote(n) => {
            let quotes = &index.alignment().quotes;
            let order = crate::display::claims::quote_order(&corpus.articles, quotes);
            let quote = &quotes[order[n - 1]];
            (
                claims::quote_html(&corpus, quote, n, &command),
                claims::quote_markdown(&corpus, quote, n, &command),
            )
        }
    };
    if request.html.is_none() && request.md.is_none() {
        return write_stdout(&md, Mode::Text);
    }
    for (file, contents) in [(request.html, html), (request.md, md)] {
        let Some(file) = file else { continue };
        write_report(&file, contents.as_bytes(), request.force)?;
        eprintln!("crossread: wrote {}", sanitize(&file.display().to_string()));
    }
    Ok(())
}
