//! The command line: argument parsing, the script-facing commands and their printers.
//!
//! `crossread [PATH...]` opens the TUI; `list` and `show` print to stdout for scripts, as
//! aligned text or, with `--json`, in the stable shapes documented in the README.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::config::{self, Config};
use crate::corpus::{Article, Corpus};

/// Exit code for bad usage, a bad config, or nothing to read.
const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "crossread",
    version,
    about = "Read one story across many outlets: list, read and compare articles in the terminal.",
    long_about = "Read one story across many outlets: list, read and compare articles in the \
                  terminal.\n\nWith no PATH, opens the folders named in the config file, else \
                  the sample corpus built into crossread.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Read settings from FILE instead of the platform config file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Print where crossread looks for its config file, and exit.
    #[arg(long)]
    print_config_path: bool,

    /// Article files or folders (searched recursively) to open in the reader.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

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
        Failure { code: EXIT_USAGE, message: message.into() }
    }
}

/// Parses the process arguments, runs, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("crossread: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    if cli.print_config_path {
        let path = config::default_path()
            .ok_or_else(|| Failure::usage("no home directory: cannot place a config file"))?;
        println!("{}", path.display());
        return Ok(());
    }
    let config = Config::load(cli.config.as_deref()).map_err(|e| Failure::usage(e.to_string()))?;
    match cli.command {
        None => run_tui(&cli.paths, &config),
        Some(Command::List { input, json }) => {
            let corpus = load(&input.paths, &config)?;
            print_list(&corpus, json)
        }
        Some(Command::Show { id, input, raw, json }) => {
            let corpus = load(&input.paths, &config)?;
            let article = corpus.find(&id).map_err(|e| Failure::usage(e.to_string()))?;
            print_show(article, raw, json)
        }
    }
}

fn run_tui(paths: &[PathBuf], config: &Config) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the reader needs a terminal; for scripts use `crossread list` or `crossread show ID`",
        ));
    }
    let corpus = load(paths, config)?;
    let warnings = Corpus { notes: corpus.notes.clone(), warnings: corpus.warnings.clone(), ..Corpus::default() };
    let result = crate::tui::run(corpus, config);
    // The alternate screen hid the warnings printed at load; repeat them for the record.
    print_warnings(&warnings);
    result.map_err(|err| Failure { code: 1, message: format!("{err:#}") })
}

/// Loads the corpus named by `paths` (else the config's paths, else the sample) and prints
/// one line per skipped file on stderr. No article at all is an error.
fn load(paths: &[PathBuf], config: &Config) -> Result<Corpus, Failure> {
    let paths = if paths.is_empty() { config.paths.as_slice() } else { paths };
    let corpus = if paths.is_empty() {
        Corpus::sample(&config.load)
    } else {
        Corpus::load(paths, &config.load)
    };
    print_warnings(&corpus);
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure::usage(format!("no article found in {}", names.join(", "))));
    }
    Ok(corpus)
}

/// One line on stderr per skipped file, then one per file read with a caveat.
fn print_warnings(corpus: &Corpus) {
    for warning in &corpus.warnings {
        eprintln!("crossread: {warning}");
    }
    for note in &corpus.notes {
        eprintln!("crossread: warning: {}: {} (loaded)", note.path.display(), note.reason);
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
        let list = List { articles: corpus.articles.iter().map(ArticleJson::new).collect() };
        out = serde_json::to_string_pretty(&list).expect("plain data serialises");
        out.push('\n');
    } else {
        let width = |f: &dyn Fn(&Article) -> usize, min: usize| {
            corpus.articles.iter().map(f).max().unwrap_or(0).max(min)
        };
        let id_w = width(&|a| display_width(&a.id), 2);
        let outlet_w = width(&|a| display_width(a.meta.outlet.as_deref().unwrap_or("-")), 6).min(28);
        out.push_str(&format!(
            "{:id_w$}  {:outlet_w$}  {:10}  {:>6}  TITLE\n",
            "ID", "OUTLET", "DATE", "WORDS"
        ));
        for a in &corpus.articles {
            let outlet = truncate(a.meta.outlet.as_deref().unwrap_or("-"), outlet_w);
            let date = a.meta.date.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("-");
            out.push_str(&pad(&a.id, id_w));
            out.push_str("  ");
            out.push_str(&pad(&outlet, outlet_w));
            out.push_str(&format!("  {:10}  {:>6}  ", date, a.words));
            out.push_str(a.meta.title.as_deref().unwrap_or("-"));
            out.push('\n');
        }
    }
    write_stdout(&out)
}

fn print_show(article: &Article, raw: bool, json: bool) -> Result<(), Failure> {
    let text = if raw { &article.raw } else { &article.text };
    let mut out;
    if json {
        let mut obj = ArticleJson::new(article);
        obj.text = Some(text);
        out = serde_json::to_string_pretty(&obj).expect("plain data serialises");
        out.push('\n');
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
    write_stdout(&out)
}

/// Writes to stdout; a closed pipe (`| head`) ends the run quietly, as in other Unix tools.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure { code: 1, message: format!("cannot write output: {err}") }),
    }
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
