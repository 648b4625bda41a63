//! Markdown front matter: YAML between `---` lines or TOML between `+++` lines at the very
//! start of a file, read into [`Metadata`].
//!
//! A block counts as front matter only if it parses to a mapping that names a field we read,
//! or if every line of it looks like `key: value` (`key = value` for TOML); so a document that
//! merely opens with a `---` rule keeps its text. Front matter that fails to parse (most often
//! an unquoted title containing `: `) is still taken off the body, since it is metadata and not
//! article text, and its simple `key: value` lines are salvaged.

use super::dates::PubDate;
use super::normalize::normalize_field;
use super::Metadata;

/// Splits front matter off a Markdown text; returns its metadata and the body.
///
/// ```text
/// "---\ntitle: Talks resume\ndate: 2015-10-30\n---\n\nBody" → ({title, date: "2015-10-30"}, "Body")
/// "---\n\nA rule, then prose.\n\n---\nMore"                   → (default, the whole text)
/// ```
pub fn split(text: &str) -> (Metadata, &str) {
    let Some(block) = Block::find(text) else {
        return (Metadata::default(), text);
    };
    let body = block.body.trim_start_matches(['\r', '\n']);
    let looks_like_fields = block.kind.looks_like_fields(block.inner);
    match block.kind.parse(block.inner) {
        Parsed::Fields(fields) => {
            let (meta, known) = metadata_from(&fields);
            if known || looks_like_fields {
                (meta, body)
            } else {
                (Metadata::default(), text)
            }
        }
        Parsed::Empty => (Metadata::default(), body),
        Parsed::NotAMapping => (Metadata::default(), text),
        Parsed::Invalid if looks_like_fields => {
            (metadata_from(&block.kind.salvage(block.inner)).0, body)
        }
        Parsed::Invalid => (Metadata::default(), text),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Yaml,
    Toml,
}

/// A fenced block at the start of a text.
struct Block<'a> {
    kind: Kind,
    /// Between the fences.
    inner: &'a str,
    /// After the closing fence's line.
    body: &'a str,
}

impl<'a> Block<'a> {
    fn find(text: &'a str) -> Option<Block<'a>> {
        let mut lines = Lines { text, pos: 0 };
        let (first, _) = lines.next()?;
        let kind = match first {
            "---" => Kind::Yaml,
            "+++" => Kind::Toml,
            _ => return None,
        };
        let inner_start = lines.pos;
        while let Some((line, start)) = lines.next() {
            let closes = match kind {
                Kind::Yaml => line == "---" || line == "...",
                Kind::Toml => line == "+++",
            };
            if closes {
                return Some(Block {
                    kind,
                    inner: &text[inner_start..start],
                    body: &text[lines.pos..],
                });
            }
        }
        None
    }
}

/// Lines with their start offsets, trailing whitespace (and `\r`) trimmed.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<(&'a str, usize)> {
        let start = self.pos;
        if start >= self.text.len() {
            return None;
        }
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        self.pos = (end + 1).min(self.text.len());
        Some((self.text[start..end].trim_end(), start))
    }
}

/// A front-matter value, whichever language it was written in.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    Empty,
}

enum Parsed {
    Fields(Vec<(String, Value)>),
    /// Nothing but comments or whitespace.
    Empty,
    /// Valid, but a scalar or a list: prose between two rules, not front matter.
    NotAMapping,
    Invalid,
}

/// Nested values deeper than this are not converted; no field we read is nested deeper.
const MAX_VALUE_DEPTH: usize = 4;

/// Front matter longer than this is not given to a parser. Real front matter is a few
/// hundred bytes; a YAML parser's time on hostile input grows faster than its length.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Front matter whose brackets nest deeper than this is not given to a parser: 200 KB of
/// `[[[[…]]]]` took the YAML parser 36 s. No field we read nests past a few levels.
const MAX_BRACKET_DEPTH: usize = 32;

/// Returns true if and only if a parser may be given `inner`: short, and its flow
/// collections (`[…]`, `{…}`) nested at most [`MAX_BRACKET_DEPTH`] deep. Brackets inside
/// quotes are counted too, which only errs towards not parsing.
fn is_safe_to_parse(inner: &str) -> bool {
    if inner.len() > MAX_FRONT_MATTER_BYTES {
        return false;
    }
    let mut depth = 0usize;
    for b in inner.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

impl Kind {
    fn parse(self, inner: &str) -> Parsed {
        if !is_safe_to_parse(inner) {
            // Still metadata, not text: taken off the body if it looks like fields, and its
            // plain `key: value` lines salvaged.
            return Parsed::Invalid;
        }
        match self {
            Kind::Yaml => match serde_norway::from_str::<serde_norway::Value>(inner) {
                Ok(serde_norway::Value::Mapping(map)) => Parsed::Fields(
                    map.iter()
                        .filter_map(|(k, v)| Some((yaml_key(k)?, from_yaml(v, 0))))
                        .collect(),
                ),
                Ok(serde_norway::Value::Null) => Parsed::Empty,
                Ok(_) => Parsed::NotAMapping,
                Err(_) => Parsed::Invalid,
            },
            Kind::Toml => match toml::from_str::<toml::Table>(inner) {
                Ok(table) if table.is_empty() => Parsed::Empty,
                Ok(table) => Parsed::Fields(
                    table
                        .iter()
                        .map(|(k, v)| (k.clone(), from_toml(v, 0)))
                        .collect(),
                ),
                Err(_) => Parsed::Invalid,
            },
        }
    }

    /// Returns true if and only if every line of `inner` looks like a field, a continuation
    /// (indented), a list item, a table header or a comment.
    fn looks_like_fields(self, inner: &str) -> bool {
        let mut any = false;
        for line in inner.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
            any = true;
            let continues = line.starts_with([' ', '\t', '#']) || line.starts_with("- ");
            let field = match self {
                Kind::Yaml => split_field(line, ':').is_some(),
                Kind::Toml => split_field(line, '=').is_some() || line.starts_with('['),
            };
            if !continues && !field {
                return false;
            }
        }
        any
    }

    /// Reads the top-level `key: value` (`key = value`) lines of a block that does not parse.
    fn salvage(self, inner: &str) -> Vec<(String, Value)> {
        let separator = if self == Kind::Yaml { ':' } else { '=' };
        inner
            .lines()
            .filter_map(|line| split_field(line.trim_end(), separator))
            .map(|(key, value)| (key.to_string(), Value::Text(unquote(value).to_string())))
            .collect()
    }
}

/// Splits `key: value` (or `key = value`) where the key is a plain word at the line's start.
fn split_field(line: &str, separator: char) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(separator)?;
    let key = key.trim_end();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let separated = separator != ':' || value.is_empty() || value.starts_with([' ', '\t']);
    (plain && separated).then(|| (key, value.trim()))
}

/// Takes the quotes off a salvaged value, matched or not (the unmatched quote is often what
/// broke the block).
fn unquote(value: &str) -> &str {
    value.trim_matches(['"', '\'']).trim()
}

fn yaml_key(key: &serde_norway::Value) -> Option<String> {
    match from_yaml(key, MAX_VALUE_DEPTH) {
        Value::Text(text) => Some(text),
        _ => None,
    }
}

fn from_yaml(value: &serde_norway::Value, depth: usize) -> Value {
    use serde_norway::Value as Y;
    match value {
        Y::String(s) => Value::Text(s.clone()),
        Y::Number(n) => Value::Text(n.to_string()),
        Y::Bool(b) => Value::Text(b.to_string()),
        Y::Tagged(tagged) => from_yaml(&tagged.value, depth),
        Y::Null => Value::Empty,
        _ if depth >= MAX_VALUE_DEPTH => Value::Empty,
        Y::Sequence(items) => Value::List(items.iter().map(|v| from_yaml(v, depth + 1)).collect()),
        Y::Mapping(map) => Value::Map(
            map.iter()
                .filter_map(|(k, v)| Some((yaml_key(k)?, from_yaml(v, depth + 1))))
                .collect(),
        ),
    }
}

fn from_toml(value: &toml::Value, depth: usize) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::Text(s.clone()),
        T::Integer(i) => Value::Text(i.to_string()),
        T::Float(f) => Value::Text(f.to_string()),
        T::Boolean(b) => Value::Text(b.to_string()),
        T::Datetime(d) => Value::Text(d.to_string()),
        _ if depth >= MAX_VALUE_DEPTH => Value::Empty,
        T::Array(items) => Value::List(items.iter().map(|v| from_toml(v, depth + 1)).collect()),
        T::Table(table) => Value::Map(
            table
                .iter()
                .map(|(k, v)| (k.clone(), from_toml(v, depth + 1)))
                .collect(),
        ),
    }
}

/// Keys read for each field, in order of preference (compared case-insensitively).
const TITLE_KEYS: [&str; 2] = ["title", "headline"];
const OUTLET_KEYS: [&str; 7] = [
    "outlet",
    "source",
    "site",
    "site_name",
    "sitename",
    "publisher",
    "publication",
];
const DATE_KEYS: [&str; 5] = [
    "date",
    "published",
    "pubdate",
    "date_published",
    "published_at",
];
const AUTHOR_KEYS: [&str; 3] = ["author", "authors", "byline"];
const URL_KEYS: [&str; 4] = ["url", "link", "canonical_url", "canonical"];

/// Builds metadata from front-matter fields; also returns whether any field we read was there.
fn metadata_from(fields: &[(String, Value)]) -> (Metadata, bool) {
    let get = |keys: &[&str]| -> Vec<&Value> {
        keys.iter()
            .filter_map(|key| {
                fields
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| v)
            })
            .collect()
    };
    let mut meta = Metadata {
        title: get(&TITLE_KEYS).into_iter().find_map(one_line),
        date: get(&DATE_KEYS)
            .into_iter()
            .find_map(|v| PubDate::parse(&one_line(v)?)),
        author: get(&AUTHOR_KEYS).into_iter().find_map(names),
        url: get(&URL_KEYS).into_iter().find_map(one_line),
        ..Metadata::default()
    };
    // `source` is sometimes the address the article came from rather than the outlet's name.
    for outlet in get(&OUTLET_KEYS).into_iter().filter_map(names) {
        if outlet.starts_with("http://") || outlet.starts_with("https://") {
            meta.url.get_or_insert(outlet);
        } else if meta.outlet.is_none() {
            meta.outlet = Some(outlet);
        }
    }
    let known = [
        &TITLE_KEYS[..],
        &OUTLET_KEYS,
        &DATE_KEYS,
        &AUTHOR_KEYS,
        &URL_KEYS,
    ]
    .iter()
    .any(|keys| !get(keys).is_empty());
    (meta, known)
}

fn one_line(value: &Value) -> Option<String> {
    match value {
        Value::Text(text) => normalize_field(text),
        _ => None,
    }
}

/// A name, `{name: ...}`, or a list of those joined with ", ".
fn names(value: &Value) -> Option<String> {
    let name = |v: &Value| match v {
        Value::Map(fields) => fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("name"))
            .and_then(|(_, v)| one_line(v)),
        other => one_line(other),
    };
    match value {
        Value::List(items) => {
            let all: Vec<String> = items.iter().filter_map(name).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        single => name(single),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn meta(title: &str, outlet: &str, date: &str, author: &str, url: &str) -> Metadata {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Metadata {
            title: some(title),
            outlet: some(outlet),
            date: PubDate::parse(date),
            author: some(author),
            url: some(url),
            ..Metadata::default()
        }
    }

    #[track_caller]
    fn splits_to(text: &str, expected: Metadata, body: &str) {
        let (got, got_body) = split(text);
        assert_eq!(got, expected);
        assert_eq!(got_body, body);
    }

    #[test]
    fn yaml_front_matter() {
        splits_to(
            "---\ntitle: \"Iraq to share intelligence: a centre in Baghdad\"\nsource: Example News\n\
             date: 2015-10-03\nauthor: Jane Doe\nlink: https://news.example.com/a\ntags: [iraq]\n---\n\n\
             Iraqi Prime Minister...\n",
            meta(
                "Iraq to share intelligence: a centre in Baghdad",
                "Example News",
                "2015-10-03",
                "Jane Doe",
                "https://news.example.com/a",
            ),
            "Iraqi Prime Minister...\n",
        );
    }

    #[test]
    fn yaml_with_crlf_list_author_and_datetime() {
        splits_to(
            "---\r\ntitle: Talks resume\r\nauthors:\r\n  - A. Writer\r\n  - name: B. Writer\r\n\
             date: 2015-10-30T08:00:00+01:00\r\npublisher:\r\n  name: Wire\r\n---\r\nBody\r\n",
            meta(
                "Talks resume",
                "Wire",
                "2015-10-30",
                "A. Writer, B. Writer",
                "",
            ),
            "Body\r\n",
        );
    }

    #[test]
    fn toml_front_matter() {
        splits_to(
            "+++\ntitle = \"Talks resume\"\noutlet = \"Wire\"\ndate = 2015-10-30T08:00:00Z\n\
             author = [\"A. Writer\", \"B. Writer\"]\ncanonical_url = \"https://wire.example/t\"\n\
             [extra]\nx = 1\n+++\nBody",
            meta(
                "Talks resume",
                "Wire",
                "2015-10-30",
                "A. Writer, B. Writer",
                "https://wire.example/t",
            ),
            "Body",
        );
    }

    #[test]
    fn no_front_matter() {
        let text = "Talks resume\n\nBody text.\n";
        splits_to(text, Metadata::default(), text);
        splits_to("", Metadata::default(), "");
        let late = "Body text.\n\n---\n\ntitle: not metadata\n---\n";
        splits_to(late, Metadata::default(), late);
    }

    #[test]
    fn a_leading_rule_is_not_front_matter() {
        let text = "---\n\nA paragraph that opens with a rule.\n\nAnother one.\n\n---\n\nMore.";
        splits_to(text, Metadata::default(), text);
        let unclosed = "---\ntitle: x\nno closing fence";
        splits_to(unclosed, Metadata::default(), unclosed);
        let prose_with_colon = "---\nNote: this is prose, really.\nAnd it goes on.\n---\nMore.";
        splits_to(prose_with_colon, Metadata::default(), prose_with_colon);
    }

    #[test]
    fn broken_front_matter_keeps_the_body_and_salvages_fields() {
        splits_to(
            "---\ntitle: Iraq: the information centre\ndate: 2015-10-03\ntags: [unclosed\n---\nBody\n",
            meta("Iraq: the information centre", "", "2015-10-03", "", ""),
            "Body\n",
        );
        splits_to(
            "+++\ntitle = \"unterminated\nauthor = 'A. Writer'\n+++\nBody",
            meta("unterminated", "", "", "A. Writer", ""),
            "Body",
        );
    }

    #[test]
    fn empty_front_matter_is_removed() {
        splits_to("---\n---\nBody", Metadata::default(), "Body");
        splits_to(
            "---\n# just a comment\n---\nBody",
            Metadata::default(),
            "Body",
        );
    }

    #[test]
    fn a_source_url_is_a_url() {
        splits_to(
            "---\ntitle: T\nsource: https://example.com/t\n---\nBody",
            meta("T", "", "", "", "https://example.com/t"),
            "Body",
        );
    }

    #[test]
    fn field_values_are_made_safe() {
        splits_to(
            "---\ntitle: \"Evil\\e]0;pwned\\a title\"\n---\nBody",
            meta("Evil␛]0;pwned␇ title", "", "", "", ""),
            "Body",
        );
    }

    #[test]
    fn deeply_nested_or_huge_front_matter_is_salvaged_not_parsed() {
        let nested = format!(
            "---\ntitle: Talks resume\ntags: {}{}\n---\n\nBody.",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let start = std::time::Instant::now();
        let (meta, body) = split(&nested);
        assert_eq!(meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(body, "Body.");
        // Linear work, not a parser's minutes (generous for a debug build).
        assert!(start.elapsed() < std::time::Duration::from_secs(2));

        let huge = format!(
            "---\ntitle: Long\nnote: {}\n---\nBody.",
            "x".repeat(100_000)
        );
        let (meta, body) = split(&huge);
        assert_eq!(meta.title.as_deref(), Some("Long"));
        assert_eq!(body, "Body.");
    }
}
