//! The command line: argument parsing, the script-facing commands and their printers.
//!
//! `crossread [PATH...]` opens the TUI; `list`, `show`, `passages` and `compare` print to
//! stdout for scripts, as aligned text or, with `--json`, in the stable shapes documented in
//! the README.
//!
//! - `passages`: what the articles of a corpus share, grouped across outlets.
//! - `compare`: two articles, their aligned pairs and word differences.
//! - [`side_by_side`]: the pure renderer of `compare`'s plain output.

mod compare;
mod export_claims;
mod passages;
mod passim;
pub(crate) mod side_by_side;
mod story;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::align::{AlignOptions, Span};
use crate::cache::AlignmentCache;
use crate::config::{self, Config};
use crate::corpus::{Article, Corpus};
use crate::display::comparison::Comparison;
use crate::display::{AlignmentIndex, ArticleIdx};
use crate::safe_text::{sanitize, sanitize_lines, Mode, SafeWriter};
use crate::tui::action::Action;
use crate::tui::worker::NoArticle;
use crate::tui::{Articles, Launch};

/// Exit code for bad usage, a bad config, or nothing to read.
const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "crossread",
    version,
    about = "Read one story across many outlets: list, read and compare articles in the terminal.",
    long_about = "Read one story across many outlets: list, read and compare articles in the \
                  terminal.\n\nWith no PATH, opens the folders named in the config file, else \
                  the sample corpus built into crossread."
)]
pub struct Cli {
    /// Read settings from FILE instead of the platform config file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Open the reader on the shared passages of passim's output OUT (its `out.json` folder or
    /// a file of it) for the articles at PATH, instead of aligning them.
    #[arg(long, value_name = "OUT")]
    from_passim: Option<PathBuf>,

    /// Read per-file metadata (outlet, date, url, title, author) from FILE: CSV, TSV or JSON
    /// Lines naming each file in a `path`, `file` or `doc` column. A folder's own
    /// `manifest.csv`, `manifest.tsv` or `manifest.jsonl` is read without this.
    #[arg(long, global = true, value_name = "FILE")]
    manifest: Option<PathBuf>,

    /// Print where crossread looks for its config file, and exit.
    #[arg(long)]
    print_config_path: bool,

    /// Article files or folders (searched recursively) to open in the reader.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Align the articles afresh instead of reading the alignment kept in the cache folder
    /// from an earlier start on the same articles (nor keeping this one).
    #[arg(long)]
    no_cache: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the articles: id, outlet, date, words, title.
    List {
        #[command(flatten)]
        input: Input,
        /// Print JSON: {"articles": [{"id", "path", "title", "outlet", "date", "author", "words"}]}
        #[arg(long)]
        json: bool,
    },
    /// Print one article's metadata and cleaned text.
    Show {
        /// The article: its id (or a unique prefix of it) or its path.
        id: String,
        #[command(flatten)]
        input: Input,
        /// Print the text as loaded, before boilerplate removal.
        #[arg(long)]
        raw: bool,
        /// Print JSON: the article's object as in `list --json`, plus "text".
        #[arg(long)]
        json: bool,
    },
    /// Print the passages that articles share: groups across outlets, then counts.
    Passages {
        #[command(flatten)]
        input: Input,
        /// Report only pairs scoring at least X (0 to 1); default: the config's
        /// `align.min_score`.
        #[arg(long, value_name = "X", value_parser = parse_score)]
        min_score: Option<f32>,
        /// Print JSON: {"articles", "pairs", "groups", "unique"}, spans with byte offsets
        /// into each article's text as `show` prints it.
        #[arg(long)]
        json: bool,
        /// Read the shared passages from passim's output (its `out.json` folder or one of
        /// its files) instead of aligning: run passim on `crossread export --jsonl`, then
        /// give the same PATH here.
        #[arg(long, value_name = "FILE")]
        from_passim: Option<PathBuf>,
    },
    /// Write the cleaned articles with their metadata, one JSON object a line: {"id",
    /// "series", "title", "outlet", "date", "author", "url", "wire", "path", extra fields,
    /// "cleaned", "text"}. passim reads it as it is; crossread reads it back (a file, or `-`
    /// for standard input) as the same articles.
    ///
    /// `export compare A B` writes instead a report of two articles to cite: Markdown
    /// (`--md FILE`, else on standard output) and a self-contained HTML page (`--html FILE`);
    /// `export group N` and `export quote N` the same of a shared passage or a quote.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Export {
        #[command(subcommand)]
        report: Option<Report>,
        #[command(flatten)]
        input: Input,
        /// JSON Lines (required for the articles, so that other formats can come).
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// Show two articles side by side, the passages they share on the same rows.
    Compare {
        /// The left article: its id (or a unique prefix of it) or its path.
        left: String,
        /// The right article, named the same way.
        right: String,
        #[command(flatten)]
        input: Input,
        /// Width of the output in columns; default: $COLUMNS, else 120.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        /// Colour the changed words: always, never, or auto (when printing to a terminal and
        /// NO_COLOR is not set).
        #[arg(long, value_name = "WHEN", default_value = "auto")]
        color: ColorChoice,
        /// Print JSON: {"left", "right", "pairs" (with word diffs), "unique_left",
        /// "unique_right"}.
        #[arg(long)]
        json: bool,
        /// In a terminal, align afresh rather than read the cached alignment (see the
        /// reader's `--no-cache`).
        #[arg(long)]
        no_cache: bool,
    },
}

/// The reports `export` writes.
#[derive(Debug, Subcommand)]
enum Report {
    /// Two articles side by side, as the compare screen shows them: each article's outlet,
    /// date, title and URL or path, the aligned passages with the words only one side has
    /// marked, what each says alone, and the command that writes the report again.
    Compare {
        /// The left article: its id (or a unique prefix of it) or its path.
        left: String,
        /// The right article, named the same way.
        right: String,
        #[command(flatten)]
        input: Input,
        /// Write a self-contained HTML page (inline CSS, no external asset) to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Write Markdown to FILE; without --md nor --html, Markdown goes to standard output.
        #[arg(long, value_name = "FILE")]
        md: Option<PathBuf>,
        /// Replace FILEs that exist (by default an existing file is left alone and the
        /// export fails).
        #[arg(long)]
        force: bool,
    },
    /// One story as the story screen shows it (`t`): its copies in time order with outlet,
    /// date, wire credit, copy family, share of the earliest copy kept and words added and
    /// dropped, when each outlet published, what each copy changes, and the command that
    /// writes the report again.
    Story {
        /// The story: its number in the stories screen (1: the most articles), or the id
        /// (or a unique prefix) or path of one of its articles.
        story: String,
        #[command(flatten)]
        input: Input,
        /// Write a self-contained HTML page (inline CSS, no external asset) to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Write Markdown to FILE; without --md nor --html, Markdown goes to standard output.
        #[arg(long, value_name = "FILE")]
        md: Option<PathBuf>,
        /// Replace FILEs that exist (by default an existing file is left alone and the
        /// export fails).
        #[arg(long)]
        force: bool,
    },
    /// A shared passage (one claim across articles): every article that carries it in the
    /// order they were published, the first seen marked, each wording with its own words
    /// marked, and the command that writes the report again.
    Group {
        /// The passage's number, as `crossread passages` and the screens count (from 1).
        number: usize,
        #[command(flatten)]
        out: ReportFiles,
    },
    /// A quote: every article's rendering in the order they were published, the words a
    /// rendering changes inside the quotation marks against the earliest marked and the
    /// altered ones flagged, and the command that writes the report again.
    Quote {
        /// The quote's number, as the quotes screen lists them (from 1, most outlets first).
        number: usize,
        #[command(flatten)]
        out: ReportFiles,
    },
}

/// Where a report goes.
#[derive(Debug, Args)]
struct ReportFiles {
    #[command(flatten)]
    input: Input,
    /// Write a self-contained HTML page (inline CSS, no external asset) to FILE.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Write Markdown to FILE; without --md nor --html, Markdown goes to standard output.
    #[arg(long, value_name = "FILE")]
    md: Option<PathBuf>,
    /// Replace FILEs that exist (by default an existing file is left alone and the export
    /// fails).
    #[arg(long)]
    force: bool,
}

/// When `compare` colours its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parses a score given on the command line: a number from 0 to 1.
fn parse_score(text: &str) -> Result<f32, String> {
    let score: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("not a number: '{text}'"))?;
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("must be between 0 and 1, got {score}"))
    }
}

#[derive(Debug, Args)]
struct Input {
    /// Article files or folders (searched recursively); default: the config's paths, else
    /// the built-in sample corpus.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// An error that ends the run, with the exit code it maps to.
#[derive(Debug)]
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }
}

/// Parses the process arguments, runs, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    install_panic_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                // Messages quote paths, ids and config text, all untrusted.
                eprintln!("crossread: {}", sanitize_lines(&failure.message));
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Replaces the default panic message with a sanitised one: a panic message may quote text
/// from a file (a slice of an article, a name). A panic caught on purpose (an extractor's,
/// see [`crate::panics`]) is not reported at all. The interface installs its own hook over
/// this one, restoring the terminal first.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        if crate::panics::is_caught_on_purpose() {
            return;
        }
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(no message)");
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "crossread: internal error in thread '{}'{place}: {}",
            sanitize(thread.name().unwrap_or("unnamed")),
            sanitize_lines(message)
        );
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}

fn run(cli: Cli) -> Result<(), Failure> {
    if cli.print_config_path {
        let path = config::default_path()
            .ok_or_else(|| Failure::usage("no home directory: cannot place a config file"))?;
        println!("{}", sanitize(&path.display().to_string()));
        return Ok(());
    }
    let mut config =
        Config::load(cli.config.as_deref()).map_err(|e| Failure::usage(e.to_string()))?;
    for warning in &config.warnings {
        eprintln!("crossread: warning: {}", sanitize(warning));
    }
    if let Some(manifest) = &cli.manifest {
        if !manifest.is_file() {
            return Err(Failure::usage(format!(
                "cannot read manifest {}: no such file",
                manifest.display()
            )));
        }
        config.load.manifest = Some(manifest.clone());
    }
    // Pages read once are kept beside the alignments: a second start skips their extraction.
    let compare_no_cache = matches!(cli.command, Some(Command::Compare { no_cache: true, .. }));
    if !cli.no_cache && !compare_no_cache {
        config.load.store_dir =
            config::cache_dir().and_then(|dir| Some(dir.parent()?.join("documents")));
    }
    // The alignment cache for the printing commands, unless `--no-cache` said otherwise.
    let alignment_cache = if cli.no_cache {
        None
    } else {
        config::cache_dir().map(AlignmentCache::new)
    };
    match cli.command {
        None => match &cli.from_passim {
            Some(out) => run_tui_passim(&cli.paths, &config, out),
            None => run_tui(&cli.paths, &config, cli.no_cache),
        },
        Some(Command::List { input, json }) => {
            let corpus = load(&input.paths, &config)?;
            print_list(&corpus, json)
        }
        Some(Command::Show {
            id,
            input,
            raw,
            json,
        }) => {
            // A file named with no PATH is read alone, not with the config's whole folders.
            let paths = if input.paths.is_empty() && std::path::Path::new(&id).is_file() {
                vec![PathBuf::from(&id)]
            } else {
                input.paths.clone()
            };
            let corpus = load(&paths, &config)?;
            let article = corpus
                .find(&id)
                .map_err(|e| Failure::usage(e.to_string()))?;
            print_show(article, raw, json)
        }
        Some(Command::Export {
            report:
                Some(Report::Compare {
                    left,
                    right,
                    input,
                    html,
                    md,
                    force,
                }),
            ..
        }) => {
            let corpus = compare_corpus(&left, &right, &input.paths, &config)?;
            let (l, r) = compare_pair(&corpus, &left, &right)?;
            let index = AlignmentIndex::new(
                align_cached(&corpus, &config.align, alignment_cache.as_ref()),
                &corpus,
            );
            let cmp = Comparison::new(Arc::new(corpus), Arc::new(index), l, r)
                .ok_or_else(|| Failure::usage("export: an article is missing from the corpus"))?;
            let mut args: Vec<String> = vec!["crossread".to_string()];
            // The settings that change what is read or aligned come along.
            for (flag, file) in [("--config", &cli.config), ("--manifest", &cli.manifest)] {
                if let Some(file) = file {
                    args.push(flag.to_string());
                    args.push(file.display().to_string());
                }
            }
            args.extend(["export", "compare", &left, &right].map(String::from));
            for (flag, file) in [("--html", &html), ("--md", &md)] {
                if let Some(file) = file {
                    args.push(flag.to_string());
                    args.push(file.display().to_string());
                }
            }
            args.extend(input.paths.iter().map(|p| p.display().to_string()));
            let command = crate::display::report::command_line(&args);
            if html.is_none() && md.is_none() {
                return write_stdout(
                    &crate::display::report::markdown(&cmp, &command),
                    Mode::Text,
                );
            }
            let outputs = [
                (html, crate::display::report::html(&cmp, &command)),
                (md, crate::display::report::markdown(&cmp, &command)),
            ];
            for (file, contents) in outputs {
                let Some(file) = file else { continue };
                write_report(&file, contents.as_bytes(), force)?;
                eprintln!("crossread: wrote {}", sanitize(&file.display().to_string()));
            }
            Ok(())
        }
        Some(Command::Export {
            report:
                Some(Report::Story {
                    story,
                    input,
                    html,
                    md,
                    force,
                }),
            ..
        }) => {
            let corpus = load(&input.paths, &config)?;
            let alignment = align_cached(&corpus, &config.align, alignment_cache.as_ref());
            let files = story::Files { html, md, force };
            let settings = [("--config", &cli.config), ("--manifest", &cli.manifest)];
            story::export(&corpus, &alignment, &story, &input.paths, &settings, files)
        }
        Some(Command::Export {
            report: Some(Report::Group { number, out }),
            ..
        }) => export_claims::run(
            export_claims::Claim::Group(number),
            out,
            [("--config", &cli.config), ("--manifest", &cli.manifest)],
            &config,
            alignment_cache.as_ref(),
        ),
        Some(Command::Export {
            report: Some(Report::Quote { number, out }),
            ..
        }) => export_claims::run(
            export_claims::Claim::Quote(number),
            out,
            [("--config", &cli.config), ("--manifest", &cli.manifest)],
            &config,
            alignment_cache.as_ref(),
        ),
        Some(Command::Export { input, .. }) => {
            let corpus = load(&input.paths, &config)?;
            stream(Some(Mode::Json), |out| {
                for article in &corpus.articles {
                    serde_json::to_writer(&mut *out, &crate::corpus::jsonl::record(article))?;
                    writeln!(out)?;
                }
                Ok(())
            })
        }
        Some(Command::Passages {
            input,
            min_score: _,
            json,
            from_passim: Some(passim_output),
        }) => {
            let corpus = load(&input.paths, &config)?;
            let (alignment, warnings) =
                passim::read(&passim_output, &corpus).map_err(Failure::usage)?;
            for warning in warnings {
                eprintln!("crossread: warning: {}", sanitize_lines(&warning));
            }
            let index = AlignmentIndex::new(alignment, &corpus);
            stream(Some(safe_mode(json)), |out| {
                passages::print(out, &corpus, index.alignment(), json, terminal_width())
            })
        }
        Some(Command::Passages {
            input,
            min_score,
            json,
            from_passim: None,
        }) => {
            let lap = lap_timer();
            let corpus = load(&input.paths, &config)?;
            lap("loaded");
            let mut options = config.align.clone();
            options.min_score = min_score.unwrap_or(options.min_score);
            let alignment = align_cached(&corpus, &options, alignment_cache.as_ref());
            lap("aligned");
            // Groups in the order the screens list them.
            let index = AlignmentIndex::new(alignment, &corpus);
            lap("indexed");
            let printed = stream(Some(safe_mode(json)), |out| {
                passages::print(out, &corpus, index.alignment(), json, terminal_width())
            });
            lap("printed");
            printed
        }
        Some(Command::Compare {
            left,
            right,
            input,
            width,
            color,
            json,
            no_cache,
        }) => {
            let corpus = compare_corpus(&left, &right, &input.paths, &config)?;
            let (left, right) = compare_pair(&corpus, &left, &right)?;
            // A person at a terminal gets the compare screen; scripts and pipes get text.
            let is_interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
            if is_interactive && !json && width.is_none() {
                let then = Some(Action::CompareArticles { left, right });
                let paths = input.paths.clone();
                return launch(Articles::Loaded(corpus), &paths, &config, no_cache, then);
            }
            // The alignment of the whole corpus, as the screen has it: from the cache when the
            // same articles were aligned before (by the screen or by an earlier call).
            let cache = if no_cache { None } else { alignment_cache };
            let index = AlignmentIndex::new(
                align_cached(&corpus, &config.align, cache.as_ref()),
                &corpus,
            );
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && !config.theme.is_monochrome()
                }
            };
            let width = width.map_or_else(terminal_width, usize::from);
            let cmp = Comparison::new(Arc::new(corpus), Arc::new(index), left, right)
                .ok_or_else(|| Failure::usage("compare: an article is missing from the corpus"))?;
            // Coloured output carries its own escape codes; its untrusted parts (ids, text)
            // are safe already, the writer is the second line of defence for the rest.
            let mode = (json || !color).then_some(safe_mode(json));
            stream(mode, |out| compare::print(&cmp, out, json, width, color))
        }
    }
}

/// The articles `compare A B` names, by position in the corpus; two different ones.
fn compare_pair(
    corpus: &Corpus,
    left: &str,
    right: &str,
) -> Result<(ArticleIdx, ArticleIdx), Failure> {
    let position = |key: &str| -> Result<ArticleIdx, Failure> {
        let article = corpus
            .find(key)
            .map_err(|e| Failure::usage(e.to_string()))?;
        let at = corpus
            .articles
            .iter()
            .position(|a| std::ptr::eq(a, article));
        at.map(ArticleIdx)
            .ok_or_else(|| Failure::usage(format!("{key}: not an article of the corpus read")))
    };
    let (left, right) = (position(left)?, position(right)?);
    if left == right {
        return Err(Failure::usage(format!(
            "compare needs two different articles; both name {}",
            corpus.articles[left.get()].id
        )));
    }
    Ok((left, right))
}

/// Writes a report to `file`, whole or not at all; an existing file is replaced only with
/// `force`.
fn write_report(file: &std::path::Path, contents: &[u8], force: bool) -> Result<(), Failure> {
    let shown = file.display().to_string();
    if force && file.is_file() {
        let tmp = file.with_file_name(format!(
            ".{}.{}.tmp",
            file.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::rename(&tmp, file));
        let _ = std::fs::remove_file(&tmp);
        return result.map_err(|e| Failure {
            code: 1,
            message: format!("cannot write {shown}: {e}"),
        });
    }
    crate::display::report::write_new(file, contents).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "; give --force to replace it"
        } else {
            ""
        };
        Failure {
            code: if hint.is_empty() { 1 } else { EXIT_USAGE },
            message: format!("cannot write {shown}: {e}{hint}"),
        }
    })
}

/// The corpus `compare A B` reads. `A` and `B` may be files of their own: with no PATH, two
/// files are compared with each other alone; a file outside the PATHs joins them.
fn compare_corpus(
    left: &str,
    right: &str,
    paths: &[PathBuf],
    config: &Config,
) -> Result<Corpus, Failure> {
    let files: Vec<PathBuf> = [left, right]
        .into_iter()
        .filter(|key| std::path::Path::new(key).is_file())
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() && files.len() == 2 {
        return load(&files, config);
    }
    let corpus = load(paths, config)?;
    let outside: Vec<PathBuf> = files
        .into_iter()
        .filter(|file| corpus.find(&file.to_string_lossy()).is_err())
        .collect();
    let paths = if paths.is_empty() {
        config.paths.as_slice()
    } else {
        paths
    };
    if outside.is_empty() || paths.is_empty() {
        return Ok(corpus);
    }
    let mut all = paths.to_vec();
    all.extend(outside);
    load(&all, config)
}

/// Aligns the corpus's cleaned texts, or reads the alignment from `cache` if these texts
/// were aligned with these options before (the screen keeps its alignments there too), and
/// keeps a new one there; pairs below `options.min_score` are left out.
fn align_cached(
    corpus: &Corpus,
    options: &AlignOptions,
    cache: Option<&AlignmentCache>,
) -> crate::align::Alignment {
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let key = crate::cache::CacheKey::new(&texts, options);
    let mut alignment = match cache.and_then(|c| c.load(key, &texts)) {
        Some(alignment) => alignment,
        None => {
            let alignment = crate::align::align(&texts, options);
            if let Some(cache) = cache {
                // Best effort: a cache that cannot be written only costs the next call.
                let _ = cache.store(key, &alignment);
            }
            alignment
        }
    };
    alignment.pairs.retain(|p| p.score >= options.min_score);
    alignment
}

/// The width to print at: `$COLUMNS` if it is a number, else 120.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .unwrap_or(120)
}

fn run_tui(paths: &[PathBuf], config: &Config, no_cache: bool) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the reader needs a terminal; for scripts use `crossread list` or `crossread show ID`",
        ));
    }
    let chosen = chosen_paths(paths, config);
    let articles = if chosen.is_empty() {
        Articles::Loaded(load(paths, config)?)
    } else {
        // Only the files are found before the interface starts (a fraction of a second for
        // thousands); reading them is the worker's, while the interface is up.
        let found = Corpus::find_files(chosen);
        print_warnings(&Corpus {
            warnings: found.warnings.clone(),
            ..Corpus::default()
        });
        if found.files.is_empty() {
            return Err(no_article_found(chosen));
        }
        Articles::Found(found)
    };
    launch(articles, paths, config, no_cache, None)
}

/// Runs the TUI; then repeats the load warnings, which the alternate screen hid.
fn launch(
    articles: Articles,
    paths: &[PathBuf],
    config: &Config,
    no_cache: bool,
    then: Option<Action>,
) -> Result<(), Failure> {
    let cache = if no_cache {
        None
    } else {
        config::cache_dir().map(AlignmentCache::new)
    };
    launch_with(articles, paths, config, cache, then)
}

/// The reader on passim's shared passages: they are put in a cache folder of this run alone,
/// under the key of these articles, where the reader finds them instead of aligning (the
/// user's cache is left alone: a later start aligns as usual).
fn run_tui_passim(
    paths: &[PathBuf],
    config: &Config,
    out: &std::path::Path,
) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the reader needs a terminal; for scripts use `crossread passages --from-passim OUT`",
        ));
    }
    let corpus = load(paths, config)?;
    let (alignment, warnings) = passim::read(out, &corpus).map_err(Failure::usage)?;
    for warning in warnings {
        eprintln!("crossread: warning: {}", sanitize_lines(&warning));
    }
    let dir = std::env::temp_dir().join(format!("crossread-passim-{}", std::process::id()));
    let cache = AlignmentCache::new(&dir).keeping(1);
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let stored = cache.store(
        crate::cache::CacheKey::new(&texts, &config.align),
        &alignment,
    );
    let result = match stored {
        Ok(()) => launch_with(Articles::Loaded(corpus), paths, config, Some(cache), None),
        Err(err) => Err(Failure {
            code: 1,
            message: format!("cannot keep passim's passages in {}: {err}", dir.display()),
        }),
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn launch_with(
    articles: Articles,
    paths: &[PathBuf],
    config: &Config,
    cache: Option<AlignmentCache>,
    then: Option<Action>,
) -> Result<(), Failure> {
    let launch = Launch {
        articles,
        cache,
        then,
    };
    let settings = crate::tui::Settings {
        keymap: config.keymap.clone(),
        theme: config.theme,
        load: config.load.clone(),
        align: config.align.clone(),
        export: Some(crate::tui::export::Target {
            dir: PathBuf::from("."),
            paths: paths.to_vec(),
            options: match &config.load.manifest {
                Some(manifest) => vec!["--manifest".into(), manifest.display().to_string()],
                None => Vec::new(),
            },
        }),
    };
    match crate::tui::run(launch, &settings) {
        Ok(corpus) => {
            print_warnings(&corpus);
            Ok(())
        }
        Err(err) => match err.downcast::<NoArticle>() {
            Ok(NoArticle { corpus }) => {
                print_warnings(&corpus);
                Err(no_article_found(chosen_paths(paths, config)))
            }
            Err(err) => Err(Failure {
                code: 1,
                message: format!("{err:#}"),
            }),
        },
    }
}

/// The paths to read: those given, else the config's (empty: the sample).
fn chosen_paths<'a>(paths: &'a [PathBuf], config: &'a Config) -> &'a [PathBuf] {
    if paths.is_empty() {
        config.paths.as_slice()
    } else {
        paths
    }
}

fn no_article_found(paths: &[PathBuf]) -> Failure {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    Failure::usage(format!("no article found in {}", names.join(", ")))
}

/// Loads the corpus named by `paths` (else the config's paths, else the sample) and prints
/// one line per skipped file on stderr. No article at all is an error.
fn load(paths: &[PathBuf], config: &Config) -> Result<Corpus, Failure> {
    let paths = chosen_paths(paths, config);
    let mut corpus = if paths.is_empty() {
        Corpus::sample(&config.load)
    } else {
        Corpus::load(paths, &config.load)
    };
    // Ids are made of file names: every printer, coloured output included, gets safe ones.
    for article in &mut corpus.articles {
        if let std::borrow::Cow::Owned(id) = sanitize(&article.id) {
            article.id = id;
        }
    }
    print_warnings(&corpus);
    if corpus.articles.is_empty() {
        return Err(no_article_found(paths));
    }
    Ok(corpus)
}

/// One line on stderr per skipped file, then one per file read with a caveat.
fn print_warnings(corpus: &Corpus) {
    for warning in &corpus.warnings {
        eprintln!("crossread: {}", sanitize(&warning.to_string()));
    }
    for note in &corpus.notes {
        let line = format!("warning: {}: {} (loaded)", note.path.display(), note.reason);
        eprintln!("crossread: {}", sanitize(&line));
    }
}

/// The stable JSON shape of one article (`list --json`, `show --json`).
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub date: Option<&'a str>,
    pub author: Option<&'a str>,
    /// The news agency the text credits, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wire: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Manifest or JSON Lines fields crossread does not read, as given.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

impl<'a> ArticleJson<'a> {
    pub fn new(article: &'a Article) -> Self {
        ArticleJson {
            id: &article.id,
            path: article.path.display().to_string(),
            title: article.meta.title.as_deref(),
            outlet: article.meta.outlet.as_deref(),
            date: article.meta.date.as_deref(),
            author: article.meta.author.as_deref(),
            wire: article.meta.wire.as_deref(),
            url: article.meta.url.as_deref(),
            extra: article
                .meta
                .extra
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect(),
            words: article.words,
            text: None,
        }
    }
}

fn print_list(corpus: &Corpus, json: bool) -> Result<(), Failure> {
    let mut out = String::new();
    if json {
        #[derive(Serialize)]
        struct List<'a> {
            articles: Vec<ArticleJson<'a>>,
        }
        let list = List {
            articles: corpus.articles.iter().map(ArticleJson::new).collect(),
        };
        out = serde_json::to_string_pretty(&list).expect("plain data serialises");
        out.push('\n');
        return write_stdout(&out, Mode::Json);
    } else {
        let width = |f: &dyn Fn(&Article) -> usize, min: usize| {
            corpus.articles.iter().map(f).max().unwrap_or(0).max(min)
        };
        let id_w = width(&|a| display_width(&a.id), 2);
        let outlet_w = width(
            &|a| display_width(a.meta.outlet.as_deref().unwrap_or("-")),
            6,
        )
        .min(28);
        out.push_str(&format!(
            "{:id_w$}  {:outlet_w$}  {:10}  {:>6}  TITLE\n",
            "ID", "OUTLET", "DATE", "WORDS"
        ));
        for a in &corpus.articles {
            let outlet = truncate(a.meta.outlet.as_deref().unwrap_or("-"), outlet_w);
            let date = a
                .meta
                .date
                .as_deref()
                .map(|d| d.get(..10).unwrap_or(d))
                .unwrap_or("-");
            out.push_str(&pad(&a.id, id_w));
            out.push_str("  ");
            out.push_str(&pad(&outlet, outlet_w));
            out.push_str(&format!("  {:10}  {:>6}  ", date, a.words));
            out.push_str(a.meta.title.as_deref().unwrap_or("-"));
            out.push('\n');
        }
    }
    write_stdout(&out, Mode::Text)
}

fn print_show(article: &Article, raw: bool, json: bool) -> Result<(), Failure> {
    let text = if raw { &article.raw } else { &article.text };
    let mut out;
    if json {
        let mut obj = ArticleJson::new(article);
        obj.text = Some(text);
        out = serde_json::to_string_pretty(&obj).expect("plain data serialises");
        out.push('\n');
        return write_stdout(&out, Mode::Json);
    } else {
        out = String::new();
        let field = |out: &mut String, name: &str, value: Option<&str>| {
            if let Some(v) = value {
                out.push_str(&format!("{name:8}{v}\n"));
            }
        };
        field(&mut out, "Title:", article.meta.title.as_deref());
        field(&mut out, "Outlet:", article.meta.outlet.as_deref());
        field(&mut out, "Date:", article.meta.date.as_deref());
        field(&mut out, "Author:", article.meta.author.as_deref());
        field(&mut out, "URL:", article.meta.url.as_deref());
        out.push_str(&format!("{:8}{}\n", "Words:", article.words));
        out.push_str(&format!("{:8}{}\n", "Path:", article.path.display()));
        out.push_str(&format!("{:8}{}\n\n", "Id:", article.id));
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    write_stdout(&out, Mode::Text)
}

/// Writes to stdout; a closed pipe (`| head`) ends the run quietly, as in other Unix tools.
fn write_stdout(text: &str, mode: Mode) -> Result<(), Failure> {
    stream(Some(mode), |out| out.write_all(text.as_bytes()))
}

/// How the output of a printer is made safe: JSON escaped, text sanitised.
fn safe_mode(json: bool) -> Mode {
    if json {
        Mode::Json
    } else {
        Mode::Text
    }
}

/// Runs a printer on buffered stdout, so that long output starts before it is all made; a
/// closed pipe ends the run quietly. With a `mode`, everything printed passes through the
/// sanitiser ([`SafeWriter`]); only coloured output, which writes escape codes of its own,
/// goes without.
/// With `CROSSREAD_TIMINGS=1`, a function printing on stderr the time since this call, the
/// memory and the CPU time at each step it is called with (for benchmarks; the lines start
/// `crossread: cli:`, apart from the aligner's own `crossread: align:` lines).
fn lap_timer() -> impl Fn(&str) {
    let timings = std::env::var_os("CROSSREAD_TIMINGS").is_some();
    let clock = std::time::Instant::now();
    move |step: &str| {
        if timings {
            eprintln!(
                "crossread: cli: {step} at {:.3} s, {}",
                clock.elapsed().as_secs_f64(),
                crate::align::resident()
            );
        }
    }
}

fn stream(
    mode: Option<Mode>,
    print: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    // The sanitiser works character by character, so it gets whole buffers rather than
    // the many small pieces a serialiser writes (the output is the same).
    let mut out: Box<dyn Write> = match mode {
        Some(mode) => Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            SafeWriter::new(stdout, mode),
        )),
        None => Box::new(stdout),
    };
    match print(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure {
            code: 1,
            message: format!("cannot write output: {err}"),
        }),
    }
}

/// The stable JSON shape of a span of one article's text (`passages`, `compare`): `start` and
/// `end` are byte offsets into the text `show` prints.
#[derive(Debug, Serialize)]
struct SpanJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> SpanJson<'a> {
    /// The span in `article`, naming the article by id if `with_id`.
    fn new(article: &'a Article, span: &Span, with_id: bool) -> Self {
        SpanJson {
            article: with_id.then_some(article.id.as_str()),
            start: span.start,
            end: span.end,
            text: span_text(article, span),
        }
    }
}

/// The text of a span; empty if the span does not fit the text (never a panic).
fn span_text<'a>(article: &'a Article, span: &Span) -> &'a str {
    article.text.get(span.start..span.end).unwrap_or("")
}

/// A score as printed in JSON: three decimals are all it means.
fn round_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Pads with spaces to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Cuts to at most `width` terminal columns, marking the cut with `…`.
fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// An article built in memory, for the printers' tests.
#[cfg(test)]
fn test_article(id: &str, outlet: &str, date: Option<&str>, title: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        path: format!("{id}.txt").into(),
        format: crate::corpus::Format::Text,
        meta: crate::corpus::Metadata {
            title: Some(title.to_string()),
            outlet: Some(outlet.to_string()).filter(|o| !o.is_empty()),
            date: date.and_then(crate::corpus::PubDate::parse),
            ..Default::default()
        },
        raw: text.to_string(),
        text: text.to_string(),
        words: crate::corpus::count_words(text),
    }
}
