//! A comparison written down to cite: Markdown and a self-contained HTML page made from the
//! [`Comparison`] the compare screen draws, so a report marks the words the screen marks.
//!
//! Both name each article (outlet, date, title, URL or path), give the aligned passages
//! with the words only one side has marked, what each article says alone, and the command
//! that makes the same report again. The HTML page carries its CSS inline and loads
//! nothing; every string from the articles is escaped.
//!
//! [`write_new`] writes a report next to nothing it would replace: a new file, written
//! whole or not at all.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::comparison::{Comparison, Head, Piece};
use super::layout::{lay_out, Line, Mark, Side, Unit};
use super::text::sanitize;
use crate::corpus::Article;

/// Wide enough that a piece is laid out on one line per paragraph.
pub(super) const NO_WRAP: usize = usize::MAX / 4;

/// The Markdown report of `cmp`; `command` is the command line that writes it again.
///
/// Passages are given one side after the other (Markdown has no side-by-side that stays
/// readable as plain text), the words only one side has in `**bold**`.
pub fn markdown(cmp: &Comparison, command: &str) -> String {
    let mut out = String::new();
    let name = |head: &Head| md_escape(head.outlet.as_deref().unwrap_or(&head.id));
    let _ = writeln!(
        out,
        "# {} and {}: what they share\n",
        name(&cmp.left),
        name(&cmp.right)
    );
    for (side, head) in [(Side::Left, &cmp.left), (Side::Right, &cmp.right)] {
        let label = if side == Side::Left { "Left" } else { "Right" };
        let _ = writeln!(out, "- **{label}:** {}", md_escape(&describe(head)));
        if let Some(title) = &head.title {
            let _ = writeln!(out, "  - Title: {}", md_escape(title));
        }
        let _ = writeln!(out, "  - Source: {}", md_escape(&source(cmp.article(side))));
    }
    let _ = writeln!(out, "\n{}.\n", cmp.summary());
    out.push_str(
        "In each passage, **bold** words are those only that article has (or words \
         differently); the rest both share.\n",
    );
    let n = cmp.passages.len();
    for (i, p) in cmp.passages.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n## Passage {} of {n}: {}\n",
            i + 1,
            passage_title(cmp, i)
        );
        for side in [Side::Left, Side::Right] {
            let head = if side == Side::Left {
                &cmp.left
            } else {
                &cmp.right
            };
            let _ = writeln!(out, "{}:\n", md_escape(&describe(head)));
            let lines: Vec<Line> = p
                .pieces
                .iter()
                .flat_map(|piece| lay_out(piece_side(piece, side), NO_WRAP, false))
                .collect();
            for line in lines.iter().filter(|l| !l.runs.is_empty()) {
                let _ = writeln!(out, "> {}", md_line(line, false));
            }
            out.push('\n');
        }
    }
    if n == 0 {
        let _ = writeln!(
            out,
            "\nNo aligned passages between {} and {}.",
            cmp.left.id, cmp.right.id
        );
    }
    for (side, head, ranges) in [
        (Side::Left, &cmp.left, &cmp.unique_left),
        (Side::Right, &cmp.right, &cmp.unique_right),
    ] {
        let _ = writeln!(out, "\n## Only in {}\n", md_escape(&describe(head)));
        if ranges.is_empty() {
            out.push_str("(nothing)\n");
        }
        for range in ranges {
            let text = sanitize(cmp.slice(side, range).trim()).into_owned();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "> {}", md_escape(line.trim()));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "\n## Made with\n\n```\n{}\n```", sanitize(command));
    out
}

/// The HTML report of `cmp`: one page, CSS inline, no script, no external asset. Each
/// passage is a table row, the left article's wording beside the right's.
pub fn html(cmp: &Comparison, command: &str) -> String {
    let mut out = String::new();
    let name = |head: &Head| head.outlet.clone().unwrap_or_else(|| head.id.clone());
    let title = format!(
        "{} and {}: what they share",
        name(&cmp.left),
        name(&cmp.right)
    );
    html_head(&mut out, &title, "");
    out.push_str("<table class=\"heads\">\n<tr><th></th><th>Left</th><th>Right</th></tr>\n");
    let (left, right) = (cmp.article(Side::Left), cmp.article(Side::Right));
    let fields: [(&str, Box<dyn Fn(&Head, &Article) -> String>); 5] = [
        (
            "Outlet",
            Box::new(|h, _| h.outlet.clone().unwrap_or_else(|| "—".into())),
        ),
        (
            "Date",
            Box::new(|h, _| h.date.clone().unwrap_or_else(|| "—".into())),
        ),
        (
            "Title",
            Box::new(|h, _| h.title.clone().unwrap_or_else(|| "—".into())),
        ),
        ("Source", Box::new(|_, a| source(a))),
        ("Id", Box::new(|h, _| h.id.clone())),
    ];
    for (label, field) in &fields {
        let _ = writeln!(
            out,
            "<tr><th>{label}</th><td>{}</td><td>{}</td></tr>",
            linked(&field(&cmp.left, left)),
            linked(&field(&cmp.right, right)),
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(out, "<p class=\"summary\">{}.</p>", escape(&cmp.summary()));
    out.push_str(
        "<p class=\"legend\">Marked: <span class=\"del\">words only the left has</span>, \
         <span class=\"ins\">words only the right has</span>, \
         <span class=\"rep\">words each side puts differently</span>; plain words both \
         share. A passage's score (0 to 1) says how surely the two say the same thing; \
         \"moved from right ¶N\": the right article has it in its paragraph N, out of \
         the left's order.</p>\n",
    );
    let n = cmp.passages.len();
    if n > 0 {
        out.push_str("<table class=\"passages\">\n");
        let _ = writeln!(
            out,
            "<thead><tr><th>{}</th><th>{}</th></tr></thead>",
            escape(&describe(&cmp.left)),
            escape(&describe(&cmp.right))
        );
        for (i, p) in cmp.passages.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr class=\"rule\"><td colspan=\"2\">Passage {} of {n}: {}</td></tr>",
                i + 1,
                escape(&passage_title(cmp, i))
            );
            for piece in &p.pieces {
                let _ = writeln!(
                    out,
                    "<tr class=\"pair\"><td>{}</td><td>{}</td></tr>",
                    html_units(&piece.left),
                    html_units(&piece.right)
                );
            }
        }
        out.push_str("</table>\n");
    } else {
        let _ = writeln!(
            out,
            "<p>No aligned passages between {} and {}.</p>",
            escape(&cmp.left.id),
            escape(&cmp.right.id)
        );
    }
    out.push_str("<table class=\"unique\">\n<tr>");
    for head in [&cmp.left, &cmp.right] {
        let _ = write!(out, "<th>Only in {}</th>", escape(&describe(head)));
    }
    out.push_str("</tr>\n<tr>");
    for (side, ranges) in [
        (Side::Left, &cmp.unique_left),
        (Side::Right, &cmp.unique_right),
    ] {
        out.push_str("<td>");
        if ranges.is_empty() {
            out.push_str("<p>(nothing)</p>");
        }
        for range in ranges {
            let _ = write!(out, "<p>{}</p>", escape(cmp.slice(side, range).trim()));
        }
        out.push_str("</td>");
    }
    out.push_str("</tr>\n</table>\n");
    html_foot(&mut out, command);
    out
}

pub(super) const STYLE: &str = "<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: .35em .6em; vertical-align: top; text-align: left; }
table.passages td, table.unique td { width: 50%; }
tr.rule td { background: #f0f0f0; font-weight: 600; }
.del { background: #fbd5d5; color: #8b0000; }
.ins { background: #d4f5d4; color: #064e06; }
.rep { background: #fcefc0; color: #6b4f00; }
.summary, .legend { color: #444; }
pre { background: #f6f6f6; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
</style>
";

/// "verbatim · 0.93 · moved from right ¶2".
fn passage_title(cmp: &Comparison, i: usize) -> String {
    let p = &cmp.passages[i];
    let mut title = format!("{} · {:.2}", p.kind.as_str(), p.score);
    if let Some(paragraph) = p.moved_from {
        let _ = write!(title, " · moved from right ¶{paragraph}");
    }
    title
}

fn piece_side(piece: &Piece, side: Side) -> &[Unit] {
    match side {
        Side::Left => &piece.left,
        Side::Right => &piece.right,
    }
}

/// `Sputnik International, 2015-10-09 (003)`.
fn describe(head: &Head) -> String {
    let known: Vec<&str> = head
        .outlet
        .iter()
        .chain(&head.date)
        .map(String::as_str)
        .collect();
    if known.is_empty() {
        head.id.clone()
    } else {
        format!("{} ({})", known.join(", "), head.id)
    }
}

/// The article's URL if it has one, else its path (sanitised).
pub(super) fn source(article: &Article) -> String {
    match article
        .meta
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => sanitize(url).into_owned(),
        None => sanitize(&article.path.display().to_string()).into_owned(),
    }
}

/// Escaped text, as a link when it is an http(s) URL.
pub(super) fn linked(text: &str) -> String {
    let is_url = (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace);
    if is_url {
        format!("<a href=\"{0}\">{0}</a>", escape(text))
    } else {
        escape(text)
    }
}

/// Marked words as HTML: a paragraph break becomes `<br>`, marks become spans.
pub(super) fn html_units(units: &[Unit]) -> String {
    let mut out = String::new();
    for (i, line) in lay_out(units, NO_WRAP, false).iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for (mark, text) in &line.runs {
            let class = match mark {
                Mark::Plain => None,
                Mark::Deleted => Some("del"),
                Mark::Inserted => Some("ins"),
                Mark::ReplacedLeft | Mark::ReplacedRight => Some("rep"),
            };
            match class {
                Some(class) => {
                    let _ = write!(out, "<span class=\"{class}\">{}</span>", escape(text));
                }
                None => out.push_str(&escape(text)),
            }
        }
    }
    out
}

/// One line of marked words in Markdown: marked stretches in `**bold**`; with
/// `strike_deleted`, words left out are written in, ~~struck through~~.
pub(super) fn md_line(line: &Line, strike_deleted: bool) -> String {
    let mut out = String::new();
    for (mark, text) in &line.runs {
        let escaped = md_escape(text);
        let fence = match mark {
            Mark::Plain => "",
            Mark::Deleted if strike_deleted => "~~",
            _ => "**",
        };
        md_fenced(&mut out, &escaped, fence);
    }
    out
}

/// Appends escaped Markdown text inside `fence` (`**`, `~~`, or none), its edge spaces kept
/// outside the fence, where Markdown wants them; blank text is never fenced.
pub(super) fn md_fenced(out: &mut String, escaped: &str, fence: &str) {
    if fence.is_empty() || escaped.trim().is_empty() {
        out.push_str(escaped);
        return;
    }
    let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
    let tail = &escaped[escaped.trim_end().len()..];
    let _ = write!(out, "{lead}{fence}{}{fence}{tail}", escaped.trim());
}

/// The head of a report page up to its `<h1>`: one page, CSS inline (`STYLE` and
/// `extra_style`), no script, no external asset.
pub(super) fn html_head(out: &mut String, title: &str, extra_style: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str(STYLE);
    if !extra_style.is_empty() {
        let _ = writeln!(out, "<style>\n{extra_style}</style>");
    }
    out.push_str("</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
}

/// The end of a report page: the command that writes it again.
pub(super) fn html_foot(out: &mut String, command: &str) {
    let _ = writeln!(
        out,
        "<h2>Made with</h2>\n<pre><code>{}</code></pre>",
        escape(command)
    );
    out.push_str("</body>\n</html>\n");
}

/// Text made safe for HTML: `&`, `<`, `>`, `"` and `'` escaped, control characters replaced.
pub fn escape(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text made literal in Markdown: the characters that start emphasis, links, code, HTML
/// or headings are backslash-escaped.
pub(super) fn md_escape(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // An underscore inside a word (`003_b5e1`) starts no emphasis: left as it reads.
        let is_inner_underscore = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if !is_inner_underscore
            && matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `crossread export compare 'A' B --html out.html PATH…`: arguments quoted for a POSIX
/// shell where they need it.
pub fn command_line(args: &[String]) -> String {
    args.iter()
        .map(|arg| {
            let is_plain = !arg.is_empty()
                && arg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
            if is_plain {
                arg.clone()
            } else {
                format!("'{}'", arg.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `contents` to `path`, which must not exist yet: the text goes to a temporary file
/// beside it, which then takes the name only if the name is still free (a hard link, which
/// fails rather than replace a file), so a reader never sees half a report and nothing the
/// user had is overwritten.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file of that name exists (not overwritten)",
        ));
    }
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file of that name exists (not overwritten)",
            )),
            // A file system without hard links: take the name if it is still free.
            Err(_) if !path.exists() => std::fs::rename(&tmp, path),
            Err(err) => Err(err),
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// The first of `base.ext`, `base-2.ext`, `base-3.ext`… in `dir` that no file has.
pub fn free_name(dir: &Path, base: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{base}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{base}-{n}.{ext}")))
        .find(|p| !p.exists())
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::align::{AlignedPair, Alignment, PairKind, Span};
    use crate::corpus::{Corpus, Format, Metadata};
    use crate::display::{AlignmentIndex, ArticleIdx};

    fn article(id: &str, outlet: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("news/{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                outlet: Some(outlet.to_string()),
                title: Some(format!("<b>{id}</b> & co")),
                url: (id == "a").then(|| "https://example.org/a?x=1&y=\"2\"".to_string()),
                ..Metadata::default()
            },
            raw: text.to_string(),
            text: text.to_string(),
            words: text.split_whitespace().count(),
        }
    }

    fn comparison() -> Comparison {
        let left = "Intro <script>.\n\nThe army took the city.";
        let right = "The army seized the city. Other.";
        let corpus = Corpus {
            articles: vec![article("a", "Post", left), article("b", "Wire", right)],
            ..Corpus::default()
        };
        let alignment = Alignment {
            pairs: vec![AlignedPair {
                kind: PairKind::Verbatim,
                score: 0.91,
                a: Span {
                    article: 0,
                    start: 17,
                    end: 40,
                },
                b: Span {
                    article: 1,
                    start: 0,
                    end: 25,
                },
                evidence: Default::default(),
            }],
            ..Alignment::default()
        };
        let index = Arc::new(AlignmentIndex::new(alignment, &corpus));
        Comparison::new(Arc::new(corpus), index, ArticleIdx(0), ArticleIdx(1)).unwrap()
    }

    #[test]
    fn html_puts_both_wordings_on_one_row_marks_them_and_escapes_everything() {
        let page = html(
            &comparison(),
            "crossread export compare a b --html 'x y.html'",
        );
        assert!(page.contains(
            "<tr class=\"pair\"><td>The army <span class=\"rep\">took</span> the city.</td>\
             <td>The army <span class=\"rep\">seized</span> the city.</td></tr>"
        ));
        assert!(page.contains("&lt;b&gt;a&lt;/b&gt; &amp; co"));
        assert!(page.contains("Intro &lt;script&gt;."));
        assert!(!page.contains("<script"));
        assert!(page.contains("<a href=\"https://example.org/a?x=1&amp;y=&quot;2&quot;\">"));
        assert!(page.contains("news/b.txt"));
        assert!(page.contains("--html &#39;x y.html&#39;"));
        // Self-contained: nothing is fetched.
        for asset in ["src=", "<link", "@import", "url("] {
            assert!(!page.contains(asset), "{asset}");
        }
    }

    #[test]
    fn markdown_gives_each_side_in_turn_with_own_words_in_bold() {
        let md = markdown(&comparison(), "crossread export compare a b --md r.md");
        assert!(md.contains("## Passage 1 of 1: verbatim · 0.91\n"), "{md}");
        assert!(md.contains("> The army **took** the city.\n"), "{md}");
        assert!(md.contains("> The army **seized** the city.\n"), "{md}");
        assert!(
            md.contains("  - Source: https://example.org/a?x=1&y=\"2\""),
            "{md}"
        );
        assert!(md.contains("  - Title: \\<b\\>a\\</b\\> & co\n"), "{md}");
        assert!(md.contains("> Intro \\<script\\>."), "{md}");
        assert!(md.contains("> Other."), "{md}");
        assert!(
            md.ends_with("```\ncrossread export compare a b --md r.md\n```\n"),
            "{md}"
        );
    }

    #[test]
    fn command_lines_quote_what_a_shell_would_split() {
        let args: Vec<String> = ["crossread", "export", "a b", "it's", "../seeds"]
            .map(String::from)
            .into();
        assert_eq!(
            command_line(&args),
            r"crossread export 'a b' 'it'\''s' ../seeds"
        );
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.html");
        write_new(&path, b"one").unwrap();
        let err = write_new(&path, b"two").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
        assert_eq!(
            free_name(dir.path(), "r", "html"),
            dir.path().join("r-2.html")
        );
    }
}
