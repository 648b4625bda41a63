//! A story written down to cite: Markdown and a self-contained HTML page made from the
//! [`StoryDetail`] the story screen draws, in the style of [`super::report`].
//!
//! Both give the story (articles, outlets, dates, lead), its copies in time order (outlet,
//! date, wire credit, copy family, share of the earliest copy kept, words added and
//! dropped, title, URL or path), when each outlet published, what each copy of a family
//! adds, drops and rewords against the earliest copy, and the command that makes the same
//! report again. Every string from the articles is escaped.

use std::fmt::Write as _;

use super::label;
use super::report::{escape, html_foot, html_head, linked, md_escape, md_fenced, source};
use super::story::{day, family_name, Copy, StoryDetail};
use super::text::sanitize;
use crate::align::diff::{word_diff, DiffTag};
use crate::align::family::Change;
use crate::align::Span;
use crate::corpus::Corpus;

/// The text of `span`, whitespace runs as one space (empty when out of range).
fn span_text(corpus: &Corpus, span: &Span) -> String {
    let text = corpus
        .articles
        .get(span.article)
        .and_then(|a| a.text.get(span.start..span.end))
        .unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A reworded stretch, each side cut into runs `(is_changed, text)` by a word diff, so that
/// a report marks the words that differ, not the whole sentence.
type Runs = Vec<(bool, String)>;

fn reworded(corpus: &Corpus, change: &Change) -> (Runs, Runs) {
    let raw = |span: &Span| {
        corpus
            .articles
            .get(span.article)
            .and_then(|a| a.text.get(span.start..span.end))
            .unwrap_or("")
            .to_string()
    };
    let (a, b) = (raw(&change.reference), raw(&change.copy));
    let (mut left, mut right): (Runs, Runs) = (Vec::new(), Vec::new());
    let one_line = |t: &str| {
        let mut out = t.split_whitespace().collect::<Vec<_>>().join(" ");
        // Keep a run's edge spaces: they separate it from its neighbours.
        if t.starts_with(char::is_whitespace) && !out.is_empty() {
            out.insert(0, ' ');
        }
        if t.ends_with(char::is_whitespace) && !out.trim().is_empty() {
            out.push(' ');
        }
        out
    };
    for op in word_diff(&a, &b) {
        let is_changed = op.tag != DiffTag::Equal;
        for (runs, text) in [(&mut left, &a[op.a]), (&mut right, &b[op.b])] {
            if !text.is_empty() {
                runs.push((is_changed, one_line(text)));
            }
        }
    }
    (left, right)
}

/// Runs in Markdown: changed words in `**bold**`, edge spaces outside the asterisks.
fn md_runs(runs: &Runs) -> String {
    let mut out = String::new();
    for (is_changed, text) in runs {
        md_fenced(
            &mut out,
            &md_escape(text),
            if *is_changed { "**" } else { "" },
        );
    }
    out.trim().to_string()
}

/// Runs in HTML: changed words in a `rep` span.
fn html_runs(runs: &Runs) -> String {
    let mut out = String::new();
    for (is_changed, text) in runs {
        if *is_changed {
            let _ = write!(out, "<span class=\"rep\">{}</span>", escape(text));
        } else {
            out.push_str(&escape(text));
        }
    }
    out
}

/// `Story 2: 15 articles, 12 outlets, 2018-05-31 to 2018-06-02`.
fn heading(detail: &StoryDetail) -> String {
    let entry = &detail.entry;
    let mut out = format!(
        "Story {}: {} articles, {} outlets",
        entry.number,
        entry.articles.len(),
        entry.outlets
    );
    match (entry.first, entry.last) {
        (Some(f), Some(l)) if f == l => {
            let _ = write!(out, ", {}", f.format("%Y-%m-%d"));
        }
        (Some(f), Some(l)) => {
            let _ = write!(
                out,
                ", {} to {}",
                f.format("%Y-%m-%d"),
                l.format("%Y-%m-%d")
            );
        }
        _ => {}
    }
    out
}

/// The cells of a copy's row: date, outlet, wire, family, keeps, added, dropped, title, source, id.
fn cells(corpus: &Corpus, copy: &Copy) -> [String; 10] {
    let article = &corpus.articles[copy.article];
    let dash = || "—".to_string();
    let mut family = copy.family.map(family_name).unwrap_or_else(dash);
    if copy.is_first {
        family.push_str(" (first)");
    } else if copy.base.is_none() {
        family.push_str(" (reference)");
    }
    let measured = copy.base.is_some();
    [
        day(corpus, copy.article).map_or_else(dash, |d| d.format("%Y-%m-%d").to_string()),
        label::outlet(article).unwrap_or_else(dash),
        article
            .meta
            .wire
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map_or_else(dash, |w| sanitize(w).into_owned()),
        family,
        if measured {
            format!("{:.0}%", copy.keeps() * 100.0)
        } else {
            dash()
        },
        copy.added_words().map_or_else(dash, |n| n.to_string()),
        copy.dropped_words().map_or_else(dash, |n| n.to_string()),
        label::title(article),
        source(article),
        label::id(article),
    ]
}

const HEADINGS: [&str; 10] = [
    "Date", "Outlet", "Wire", "Family", "Keeps", "Added", "Dropped", "Title", "Source", "Id",
];

/// Which outlets published on each day, the undated last: `(day or None, outlets)`.
fn timeline(detail: &StoryDetail, corpus: &Corpus) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for &a in &detail.entry.articles {
        let when = day(corpus, a).map(|d| d.format("%Y-%m-%d").to_string());
        let outlet = label::outlet_or_id(&corpus.articles[a]);
        match out.last_mut() {
            Some((d, outlets)) if *d == when => outlets.push(outlet),
            _ => out.push((when, vec![outlet])),
        }
    }
    out
}

/// `CBS News, 2018-06-01 (spotify_014850)`.
fn describe(corpus: &Corpus, article: usize) -> String {
    let a = &corpus.articles[article];
    let known: Vec<String> = label::outlet(a)
        .into_iter()
        .chain(day(corpus, article).map(|d| d.format("%Y-%m-%d").to_string()))
        .collect();
    if known.is_empty() {
        label::id(a)
    } else {
        format!("{} ({})", known.join(", "), label::id(a))
    }
}

/// The copies whose changes the report spells out: those measured against the earliest
/// copy of their family (an article outside families shares too little to list).
fn family_copies(detail: &StoryDetail) -> impl Iterator<Item = &Copy> {
    detail
        .copies
        .iter()
        .filter(|c| c.family.is_some() && c.base.is_some())
}

/// The Markdown report of a story; `command` is the command line that writes it again.
pub fn markdown(detail: &StoryDetail, corpus: &Corpus, command: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&heading(detail)));
    let _ = writeln!(out, "> {}\n", md_escape(&detail.entry.lead));
    out.push_str(
        "Copies in time order. A family is a set of copies of one text; each copy is \
         measured against the earliest of its family: *Keeps* is the share of that copy's \
         words it keeps, *Added* and *Dropped* the words it adds (or rewords) and leaves \
         out. An article outside families is measured against the story's earliest: *Keeps* \
         is then the share of its text the article lines up with, in its own words or not.\n\n",
    );
    let _ = writeln!(out, "| {} |", HEADINGS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(HEADINGS.len()));
    for copy in &detail.copies {
        let row: Vec<String> = cells(corpus, copy).iter().map(|c| md_escape(c)).collect();
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push_str("\n## When each outlet published\n\n");
    for (when, outlets) in timeline(detail, corpus) {
        let _ = writeln!(
            out,
            "- {}: {}",
            when.as_deref().unwrap_or("undated"),
            md_escape(&outlets.join(", "))
        );
    }
    out.push_str("\n## What each copy changes\n");
    let mut any = false;
    for copy in family_copies(detail) {
        any = true;
        let Some(base) = copy.base else { continue };
        let _ = writeln!(
            out,
            "\n### {} against {}\n",
            md_escape(&describe(corpus, copy.article)),
            md_escape(&describe(corpus, base))
        );
        let _ = writeln!(
            out,
            "Keeps {:.0}% of it; {} words added or reworded, {} left out.\n",
            copy.keeps() * 100.0,
            copy.added_words().unwrap_or(0),
            copy.dropped_words().unwrap_or(0)
        );
        for (what, spans) in [
            ("Added", &copy.changes.added),
            ("Left out", &copy.changes.dropped),
        ] {
            for span in spans.iter() {
                let _ = writeln!(
                    out,
                    "{what}:\n\n> {}\n",
                    md_escape(&span_text(corpus, span))
                );
            }
        }
        for change in &copy.changes.changed {
            let (left, right) = reworded(corpus, change);
            let _ = writeln!(
                out,
                "Reworded (**bold**: the words that differ):\n\n> {}\n\nas:\n\n> {}\n",
                md_runs(&left),
                md_runs(&right)
            );
        }
    }
    if !any {
        out.push_str("\nNo copy family in this story: its articles tell the event each in their own words.\n");
    }
    let _ = writeln!(out, "\n## Made with\n\n```\n{}\n```", sanitize(command));
    out
}

/// The HTML report of a story: one page, CSS inline, no script, no external asset.
pub fn html(detail: &StoryDetail, corpus: &Corpus, command: &str) -> String {
    let mut out = String::new();
    let title = heading(detail);
    html_head(&mut out, &title, "");
    let _ = writeln!(
        out,
        "<p class=\"summary\">Lead: {}</p>",
        escape(&detail.entry.lead)
    );
    out.push_str(
        "<p class=\"legend\">Copies in time order. A family is a set of copies of one text; \
         each copy is measured against the earliest of its family: Keeps is the share of \
         that copy's words it keeps, Added and Dropped the words it adds (or rewords) and \
         leaves out. An article outside families is measured against the story's earliest: \
         Keeps is then the share of its text the article lines up with, in its own words or \
         not.</p>\n",
    );
    out.push_str("<table class=\"copies\">\n<tr>");
    for h in HEADINGS {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr>\n");
    for copy in &detail.copies {
        out.push_str("<tr>");
        for cell in cells(corpus, copy) {
            let _ = write!(out, "<td>{}</td>", linked(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n<h2>When each outlet published</h2>\n<table class=\"timeline\">\n");
    for (when, outlets) in timeline(detail, corpus) {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            when.as_deref().unwrap_or("undated"),
            escape(&outlets.join(", "))
        );
    }
    out.push_str("</table>\n<h2>What each copy changes</h2>\n");
    let mut any = false;
    for copy in family_copies(detail) {
        any = true;
        let Some(base) = copy.base else { continue };
        let _ = writeln!(
            out,
            "<h3>{} against {}</h3>\n<p>Keeps {:.0}% of it; {} words added or reworded, {} left out.</p>",
            escape(&describe(corpus, copy.article)),
            escape(&describe(corpus, base)),
            copy.keeps() * 100.0,
            copy.added_words().unwrap_or(0),
            copy.dropped_words().unwrap_or(0)
        );
        if copy.changes.added.is_empty()
            && copy.changes.dropped.is_empty()
            && copy.changes.changed.is_empty()
        {
            continue;
        }
        out.push_str(
            "<table class=\"passages\">\n<tr><th>Earliest copy</th><th>This copy</th></tr>\n",
        );
        for span in &copy.changes.dropped {
            let _ = writeln!(
                out,
                "<tr class=\"pair\"><td><span class=\"del\">{}</span></td><td></td></tr>",
                escape(&span_text(corpus, span))
            );
        }
        for change in &copy.changes.changed {
            let (left, right) = reworded(corpus, change);
            let _ = writeln!(
                out,
                "<tr class=\"pair\"><td>{}</td><td>{}</td></tr>",
                html_runs(&left),
                html_runs(&right)
            );
        }
        for span in &copy.changes.added {
            let _ = writeln!(
                out,
                "<tr class=\"pair\"><td></td><td><span class=\"ins\">{}</span></td></tr>",
                escape(&span_text(corpus, span))
            );
        }
        out.push_str("</table>\n");
    }
    if !any {
        out.push_str("<p>No copy family in this story: its articles tell the event each in their own words.</p>\n");
    }
    html_foot(&mut out, command);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::family::{CopyChanges, Family, FamilyMember, Story};
    use crate::align::Alignment;
    use crate::corpus::{Article, Format, Metadata, PubDate};
    use crate::display::story::stories;

    fn article(id: &str, outlet: &str, date: &str, wire: Option<&str>, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("news/{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                outlet: Some(outlet.to_string()),
                date: PubDate::parse(date),
                wire: wire.map(String::from),
                title: Some(format!("<i>{id}</i>")),
                ..Metadata::default()
            },
            raw: text.to_string(),
            text: text.to_string(),
            words: text.split_whitespace().count(),
        }
    }

    fn detail() -> (StoryDetail, Corpus) {
        let corpus = Corpus {
            articles: vec![
                article(
                    "b",
                    "Daily | Post",
                    "2020-03-03",
                    None,
                    "The council approved the budget. It funds ten schools. Critics <b>object</b>.",
                ),
                article(
                    "a",
                    "Wire",
                    "2020-03-02",
                    Some("AP"),
                    "The council approved the budget. It funds ten schools. The mayor is glad.",
                ),
            ],
            ..Corpus::default()
        };
        let alignment = Alignment {
            families: vec![Family {
                id: 1,
                reference: 0,
                members: [0, 1]
                    .map(|article| FamilyMember {
                        article,
                        copy_of: None,
                        changes: CopyChanges::default(),
                    })
                    .into(),
            }],
            stories: vec![Story {
                id: 1,
                articles: vec![0, 1],
            }],
            ..Alignment::default()
        };
        let entry = stories(&alignment, &corpus).remove(0);
        let overlap = crate::align::overlap::Overlap::new(&Alignment::default(), &[1, 1]);
        (StoryDetail::new(&entry, &corpus, &overlap), corpus)
    }

    #[test]
    fn markdown_lists_copies_in_time_order_and_what_each_changes() {
        let (detail, corpus) = detail();
        let md = markdown(&detail, &corpus, "crossread export story 1 news");
        assert!(
            md.starts_with("# Story 1: 2 articles, 2 outlets, 2020-03-02 to 2020-03-03\n"),
            "{md}"
        );
        let wire = md
            .find("| 2020-03-02 | Wire | AP | A (first) |")
            .expect(&md);
        let post = md
            .find("| 2020-03-03 | Daily \\| Post | — | A | 69% | 4 | 4 |")
            .expect(&md);
        assert!(wire < post, "time order");
        assert!(
            md.contains("- 2020-03-02: Wire\n- 2020-03-03: Daily \\| Post\n"),
            "{md}"
        );
        assert!(
            md.contains("### Daily \\| Post, 2020-03-03 (b) against Wire, 2020-03-02 (a)"),
            "{md}"
        );
        assert!(
            md.contains("Added:\n\n> Critics \\<b\\>object\\</b\\>.\n"),
            "{md}"
        );
        assert!(md.contains("Left out:\n\n> The mayor is glad.\n"), "{md}");
        assert!(
            md.ends_with("```\ncrossread export story 1 news\n```\n"),
            "{md}"
        );
    }

    #[test]
    fn html_is_self_contained_and_escapes_everything() {
        let (detail, corpus) = detail();
        let page = html(&detail, &corpus, "crossread export story 1 'my news'");
        assert!(page.contains("<td>Daily | Post</td>"), "{page}");
        assert!(
            page.contains("<span class=\"ins\">Critics &lt;b&gt;object&lt;/b&gt;.</span>"),
            "{page}"
        );
        assert!(
            page.contains("<span class=\"del\">The mayor is glad.</span>"),
            "{page}"
        );
        assert!(page.contains("&lt;i&gt;a&lt;/i&gt;"));
        assert!(!page.contains("<b>") && !page.contains("<i>"));
        assert!(page.contains("&#39;my news&#39;"));
        for asset in ["src=", "<link", "@import", "url("] {
            assert!(!page.contains(asset), "{asset}");
        }
    }
}
