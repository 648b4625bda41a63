//! The user's configuration: a TOML file merged over built-in defaults.
//!
//! Parsing happens in two steps, as ripgrep does with its flags: [`RawConfig`] is what serde
//! reads (with source spans), [`Config`] is validated and ready to use. Every error names the
//! file, line, column and key, and is reported before the terminal is touched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::align::AlignOptions;
use crate::corpus::{CleanOptions, LoadOptions};
use crate::tui::action::Action;
use crate::tui::app::global_key_on;
use crate::tui::keymap::{Key, KeyError, Keymap, Scope};
use crate::tui::theme::Theme;

/// `align.related_articles` values below this were written for the older article-cosine gate.
const OLD_RELATED_ARTICLES_BELOW: f64 = 0.15;

/// A config file is a few kilobytes; anything larger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The settings of one run, validated.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Files or folders opened when no PATH is given; empty means the embedded sample corpus.
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    /// Thresholds and alias groups of passage alignment (`passages`, `compare`).
    pub align: AlignOptions,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The file these settings came from, if any.
    pub file: Option<PathBuf>,
    /// Settings that are valid but likely not meant, each naming the file, line and key.
    pub warnings: Vec<String>,
}

/// The config file as written, before validation.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    paths: Vec<PathBuf>,
    cleaning: CleanOptions,
    align: RawAlign,
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    /// `[keys.SCREEN] action = ["key", ...]`
    keys: BTreeMap<Spanned<String>, RawScreenKeys>,
    /// `[outlets] "Name shown" = ["alias", "host.example"]`
    outlets: BTreeMap<String, Vec<String>>,
}

/// The `[align]` table as written; values keep their places for error messages.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawAlign {
    min_score: Option<Spanned<f64>>,
    aliases: Vec<Spanned<Vec<Spanned<String>>>>,
    seed_words: Option<Spanned<i64>>,
    min_copied_words: Option<Spanned<i64>>,
    max_gap: Option<Spanned<i64>>,
    paraphrase_threshold: Option<Spanned<f64>>,
    related_paraphrase_threshold: Option<Spanned<f64>>,
    related_articles: Option<Spanned<f64>>,
}

/// One `[keys.SCREEN]` table: action name → key notations, with their places in the file.
type RawScreenKeys = BTreeMap<Spanned<String>, Vec<Spanned<String>>>;

/// A config file that cannot be used, with the place to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("invalid config file {}:{line}:{column}: key `{key}`: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        key: String,
        message: String,
    },
}

/// The platform's config file path: `$XDG_CONFIG_HOME/crossread/config.toml` on Linux,
/// `~/Library/Application Support/crossread/config.toml` on macOS, `%APPDATA%` on Windows.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "crossread")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The platform's cache folder for alignments: `$XDG_CACHE_HOME/crossread/alignments` on
/// Linux, `~/Library/Caches/crossread/alignments` on macOS, `%LOCALAPPDATA%` on Windows.
pub fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "crossread")
        .map(|dirs| dirs.cache_dir().join("alignments"))
}

impl Config {
    /// Loads `explicit` (which must exist), else the platform file if it exists, else defaults.
    /// `NO_COLOR` (set and not empty) turns colours off whatever the file says.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = match explicit {
            Some(path) => Config::from_file(path)?,
            None => match default_path() {
                Some(path) if path.is_file() => Config::from_file(&path)?,
                _ => Config::default(),
            },
        };
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            config.theme = Theme::monochrome();
        }
        Ok(config)
    }

    /// Reads and validates one config file.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let unreadable = |reason: String| ConfigError::Read {
            path: path.to_path_buf(),
            reason,
        };
        // A FIFO or a device given as the config would block or never end.
        let bytes = crate::corpus::read_regular(path, MAX_CONFIG_BYTES).map_err(|err| {
            let reason = err.to_string();
            unreadable(
                reason
                    .strip_prefix("cannot read: ")
                    .unwrap_or(&reason)
                    .to_string(),
            )
        })?;
        let source = String::from_utf8(bytes)
            .map_err(|_| unreadable("not valid UTF-8 (TOML files are UTF-8)".into()))?;
        let mut config = Config::from_toml(&source, path)?;
        config.file = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses config text; `path` is only used in error messages.
    pub fn from_toml(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |span: std::ops::Range<usize>, key: String, message: String| {
            let (line, column) = line_column(source, span.start);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                key,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(source).map_err(|err| {
            let span = err.span().unwrap_or(0..0);
            let key = key_at(source, span.start);
            invalid(span, key, err.message().trim().to_string())
        })?;

        let mut config = Config {
            paths: raw.paths,
            load: LoadOptions {
                clean: raw.cleaning,
                ..LoadOptions::default()
            },
            ..Config::default()
        };
        config.align = align_options(&raw.align, &invalid)?;
        if let Some(value) = &raw.align.related_articles {
            let x = *value.get_ref();
            // Older configs set this as an article-cosine gate (0.09 in the old example);
            // read as event-cluster overlap, such a value makes nearly every pair one event.
            if x < OLD_RELATED_ARTICLES_BELOW {
                let (line, column) = line_column(source, value.span().start);
                config.warnings.push(format!(
                    "config file {}:{line}:{column}: key `align.related_articles` = {x} makes \
                     nearly every pair of articles one event: it is the article overlap (TF-IDF \
                     cosine, names and figures weighing three times a word) from which two \
                     articles are one event, default 0.3; values below \
                     {OLD_RELATED_ARTICLES_BELOW} were meant for the older article-cosine gate",
                    path.display()
                ));
            }
        }
        for (name, aliases) in &raw.outlets {
            config
                .load
                .outlets
                .add(name, aliases.iter().map(String::as_str), false);
        }
        for (name, value) in &raw.theme {
            config
                .theme
                .set(name.get_ref(), value.get_ref())
                .map_err(|e| {
                    let key = format!("theme.{}", name.get_ref());
                    invalid(value.span(), key, e.to_string())
                })?;
        }
        for (screen, actions) in &raw.keys {
            for (action, keys) in actions {
                let key_name = format!("keys.{}.{}", screen.get_ref(), action.get_ref());
                let mut parsed = Vec::with_capacity(keys.len());
                for key in keys {
                    let k: Key = key.get_ref().parse().map_err(|e: KeyError| {
                        invalid(key.span(), key_name.clone(), e.to_string())
                    })?;
                    parsed.push(k);
                }
                config
                    .keymap
                    .bind(screen.get_ref(), action.get_ref(), parsed)
                    .map_err(|e| invalid(action.span(), key_name.clone(), e.to_string()))?;
            }
        }
        // However the keys were rebound, the library must keep a key that quits.
        let quit_keys = config.keymap.keys_for(Scope::Global, Action::Quit);
        if global_key_on(&config.keymap, Scope::Library, quit_keys).is_none() {
            let span = raw
                .keys
                .iter()
                .find(|(screen, _)| screen.get_ref() == "global")
                .and_then(|(_, actions)| actions.keys().find(|a| a.get_ref() == "quit"))
                .map_or(0..0, |action| action.span());
            return Err(invalid(
                span,
                "keys.global.quit".into(),
                "no key would quit crossread from the library; bind at least one".into(),
            ));
        }
        Ok(config)
    }
}

/// Validates the `[align]` table: a score is a fraction, an alias group names one thing
/// at least twice over.
fn align_options(
    raw: &RawAlign,
    invalid: &impl Fn(std::ops::Range<usize>, String, String) -> ConfigError,
) -> Result<AlignOptions, ConfigError> {
    let mut options = AlignOptions::default();
    if let Some(score) = &raw.min_score {
        let value = *score.get_ref();
        if !(0.0..=1.0).contains(&value) {
            let message = format!("must be between 0 and 1, got {value}");
            return Err(invalid(score.span(), "align.min_score".into(), message));
        }
        options.min_score = value as f32;
    }
    let fraction = |value: &Option<Spanned<f64>>, key: &str| -> Result<Option<f32>, ConfigError> {
        let Some(v) = value else { return Ok(None) };
        let x = *v.get_ref();
        if !(0.0..=1.0).contains(&x) {
            return Err(invalid(
                v.span(),
                format!("align.{key}"),
                format!("must be between 0 and 1, got {x}"),
            ));
        }
        Ok(Some(x as f32))
    };
    let count = |value: &Option<Spanned<i64>>,
                 key: &str,
                 low: i64,
                 high: i64|
     -> Result<Option<usize>, ConfigError> {
        let Some(v) = value else { return Ok(None) };
        let x = *v.get_ref();
        if !(low..=high).contains(&x) {
            let message = format!("must be between {low} and {high}, got {x}");
            return Err(invalid(v.span(), format!("align.{key}"), message));
        }
        Ok(Some(x as usize))
    };
    if let Some(n) = count(&raw.seed_words, "seed_words", 3, 12)? {
        options.verbatim.ngram = n;
    }
    if let Some(n) = count(&raw.min_copied_words, "min_copied_words", 3, 200)? {
        options.verbatim.min_words = n;
    }
    if let Some(n) = count(&raw.max_gap, "max_gap", 0, 50)? {
        options.verbatim.max_gap = n;
    }
    if let Some(x) = fraction(&raw.paraphrase_threshold, "paraphrase_threshold")? {
        options.paraphrase.min_similarity = x;
    }
    if let Some(x) = fraction(
        &raw.related_paraphrase_threshold,
        "related_paraphrase_threshold",
    )? {
        options.paraphrase.min_similarity_related = x;
    }
    if let Some(x) = fraction(&raw.related_articles, "related_articles")? {
        options.family.story_similarity = x;
    }
    for group in &raw.aliases {
        let names = group.get_ref();
        if names.len() < 2 {
            let message = format!(
                "an alias group lists two or more names for one thing, got {}",
                names.len()
            );
            return Err(invalid(group.span(), "align.aliases".into(), message));
        }
        if let Some(blank) = names.iter().find(|n| n.get_ref().trim().is_empty()) {
            let message = "an alias cannot be empty".to_string();
            return Err(invalid(blank.span(), "align.aliases".into(), message));
        }
        options.aliases.push(
            names
                .iter()
                .map(|n| n.get_ref().trim().to_string())
                .collect(),
        );
    }
    Ok(options)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The dotted key written on the line holding `offset`, qualified by its `[table]` header:
/// serde's messages say what is wrong, this says where in the config's structure.
fn key_at(source: &str, offset: usize) -> String {
    let offset = offset.min(source.len());
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[line_start..line_end].trim();
    let table = source[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && !l.starts_with("[["))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    if line.starts_with('[') {
        return line
            .trim_matches(|c| c == '[' || c == ']')
            .trim()
            .to_string();
    }
    let key = line
        .split('=')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches('"')
        .to_string();
    match (table, key.is_empty()) {
        (Some(t), false) => format!("{t}.{key}"),
        (Some(t), true) => t,
        (None, _) => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("test.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        let config = parse("").unwrap();
        assert!(config.paths.is_empty());
        assert_eq!(config.load.clean, CleanOptions::default());
    }

    #[test]
    fn the_shipped_example_parses() {
        let text = include_str!("../config.example.toml");
        let config = parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.load.clean, CleanOptions::default());
        assert_eq!(
            config.align,
            AlignOptions::default(),
            "the example shows the defaults"
        );
    }

    #[test]
    fn align_options_are_read() {
        let text = "[align]\nmin_score = 0.4\naliases = [[\"UN\", \"United Nations\"], \
                    [\"Hakem al-Zameli\", \"Hakim Zamili\", \"al-Zamili\"]]\n";
        let config = parse(text).unwrap();
        assert_eq!(config.align.min_score, 0.4);
        assert_eq!(
            config.align.aliases,
            [
                vec!["UN", "United Nations"],
                vec!["Hakem al-Zameli", "Hakim Zamili", "al-Zamili"]
            ]
        );
        // An integer is a number too.
        assert_eq!(
            parse("[align]\nmin_score = 1\n").unwrap().align.min_score,
            1.0
        );
        let tuned = parse("[align]\nseed_words = 6\nmin_copied_words = 12\nmax_gap = 4\n\
            paraphrase_threshold = 0.6\nrelated_paraphrase_threshold = 0.4\nrelated_articles = 0.2\n")
            .unwrap()
            .align;
        assert_eq!(
            (
                tuned.verbatim.ngram,
                tuned.verbatim.min_words,
                tuned.verbatim.max_gap
            ),
            (6, 12, 4)
        );
        assert_eq!(tuned.paraphrase.min_similarity, 0.6);
        assert_eq!(tuned.paraphrase.min_similarity_related, 0.4);
        assert_eq!(tuned.family.story_similarity, 0.2);
        let err = parse("[align]\nseed_words = 2\n").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid config file test.toml:2:14: key `align.seed_words`: must be between 3 and 12, got 2"
        );
    }

    #[test]
    fn a_min_score_out_of_range_names_its_place() {
        let err = parse("[align]\nmin_score = 1.5\n").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid config file test.toml:2:13: key `align.min_score`: must be between 0 and 1, \
             got 1.5"
        );
        let err = parse("[align]\nmin_score = -0.1\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid config file test.toml:2:13: key `align.min_score`"),
            "{err}"
        );
        let err = parse("[align]\nmin_score = nan\n").unwrap_err().to_string();
        assert!(err.contains("must be between 0 and 1, got NaN"), "{err}");
    }

    #[test]
    fn an_alias_group_needs_two_names() {
        let err = parse("[align]\naliases = [[\"UN\", \"United Nations\"], [\"ISIS\"]]\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid config file test.toml:2:38: key `align.aliases`: an alias group lists two or \
             more names for one thing, got 1"
        );
        let err = parse("[align]\naliases = [[\"UN\", \" \"]]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("test.toml:2:19: key `align.aliases`: an alias cannot be empty"),
            "{err}"
        );
        let err = parse("[align]\naliases = [\"UN\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("test.toml:2:") && err.contains("`align.aliases`"),
            "{err}"
        );
    }

    #[test]
    fn a_wrong_type_names_line_column_and_key() {
        let err = parse("paths = []\n\n[cleaning]\ncaptions = \"yes\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid config file test.toml:4:12: key `cleaning.captions`"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let err = parse("[cleaning]\ncaptionz = true\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("test.toml:2:1"), "{err}");
        assert!(err.contains("captionz"), "{err}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncdé f", 7), (2, 4));
    }
}
