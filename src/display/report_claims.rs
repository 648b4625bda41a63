//! A shared passage (one claim) or a quote written down to cite, in the manner of
//! [`super::report`]: Markdown and a self-contained HTML page.
//!
//! Both list every article that carries it in the order they were published, with outlet,
//! date, title and URL or path, the earliest marked as first seen, and each wording with
//! its words marked: for a claim, the words a member puts differently from the reference
//! (the earliest dated member, else the longest); for a quote, the words a rendering
//! changes inside the quotation marks against the earliest one, altered renderings flagged.
//! Then the command that writes the same report again.

use std::fmt::Write as _;

use super::claims::{self, QuoteView};
use super::label;
use super::layout::{self, lay_out, Side, Unit};
use super::report::{
    escape, html_foot, html_head, html_units, linked, md_escape, md_line, source, NO_WRAP,
};
use super::text::sanitize;
use crate::align::diff::word_diff;
use crate::align::quote::Quote;
use crate::align::{SharedPassage, Span};
use crate::corpus::{Article, Corpus};

/// One article's wording in a report.
struct Entry {
    outlet: String,
    date: Option<String>,
    id: String,
    title: Option<String>,
    source: String,
    /// "first seen", "as the earliest", "ALTERED: 1 word changed", …
    verdict: String,
    /// A rendering whose words were altered: flagged.
    is_flagged: bool,
    is_first: bool,
    units: Vec<Unit>,
}

/// What a report is about, and its entries in time order.
struct Report {
    title: String,
    summary: String,
    legend: &'static str,
    entries: Vec<Entry>,
}

fn entry(
    article: &Article,
    verdict: String,
    is_first: bool,
    is_flagged: bool,
    units: Vec<Unit>,
) -> Entry {
    Entry {
        outlet: label::outlet_or_id(article),
        date: label::date(article),
        id: label::id(article),
        title: label::title_if_any(article),
        source: source(article),
        verdict,
        is_flagged,
        is_first,
        units,
    }
}

fn text_of<'a>(corpus: &'a Corpus, span: &Span) -> &'a str {
    corpus
        .articles
        .get(span.article)
        .and_then(|a| a.text.get(span.start..span.end))
        .unwrap_or("")
}

/// A line of words, whitespace runs made one space.
fn one_line(text: &str) -> String {
    sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

fn group_report(corpus: &Corpus, group: &SharedPassage, number: usize) -> Report {
    let articles = &corpus.articles;
    // The reference (the earliest dated, else the longest) first, then in time order.
    let reference = claims::reference_member(articles, &group.members);
    let mut order = claims::time_order(articles, &group.members);
    if let Some(r) = reference {
        order.retain(|&i| i != r);
        order.insert(0, r);
    }
    let first = reference;
    let reference_text = reference.map_or("", |r| text_of(corpus, &group.members[r]));
    let reference_words = layout::word_forms(reference_text);
    let first_seen = first
        .map(|i| group.members[i].article)
        .filter(|&a| claims::is_dated(articles, a));
    let entries = order
        .iter()
        .filter_map(|&i| {
            let span = &group.members[i];
            let article = articles.get(span.article)?;
            let text = text_of(corpus, span);
            let is_reference = Some(i) == reference;
            let units = if is_reference {
                layout::plain_units(text)
            } else {
                let ops = word_diff(reference_text, text);
                let marks = layout::marks(&ops, Side::Right, 0);
                layout::units(
                    text,
                    &layout::unmark_shared_words(text, marks, &reference_words),
                )
            };
            let is_first = first_seen == Some(span.article);
            let verdict = match (is_first, is_reference) {
                (true, true) => "first seen · reference",
                (true, false) => "first seen",
                (false, true) => "reference",
                (false, false) => "its own words marked",
            };
            Some(entry(article, verdict.to_string(), is_first, false, units))
        })
        .collect::<Vec<_>>();
    let mut outlets: Vec<String> = group
        .members
        .iter()
        .filter_map(|m| articles.get(m.article))
        .map(label::voice)
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let label = group
        .members
        .iter()
        .find(|m| **m == group.label)
        .map_or("", |m| text_of(corpus, m));
    Report {
        title: format!("Shared passage {number}: {}", cut(&one_line(label), 90)),
        summary: format!(
            "Carried by {} articles of {} outlets, listed in the order they were published \
             (undated last).",
            entries.len(),
            outlets.len()
        ),
        legend: "Marked: the words a member puts differently from the reference (the \
                 earliest dated member, else the longest) or adds to it.",
        entries,
    }
}

fn quote_report(corpus: &Corpus, quote: &Quote, number: usize) -> Report {
    let articles = &corpus.articles;
    let view = QuoteView::new(articles, quote);
    let entries = view
        .members
        .iter()
        .enumerate()
        .filter_map(|(rank, m)| {
            let article = articles.get(m.span.article)?;
            let text = text_of(corpus, &m.span);
            let (text, marks) = claims::marked_rendering(text, &m.changed, &m.missing);
            let mut verdict = if m.is_first {
                "first seen".to_string()
            } else if rank > 0 && m.reference.is_none() {
                "other words of the statement".to_string()
            } else if m.is_altered {
                let mut parts = Vec::new();
                if !m.changed.is_empty() {
                    parts.push(count(m.changed.len(), "word changed", "words changed"));
                }
                if m.dropped > 0 {
                    parts.push(count(m.dropped, "word left out", "words left out"));
                }
                format!("ALTERED: {}", parts.join(", "))
            } else if rank == 0 {
                "earliest (undated)".to_string()
            } else {
                "as the earliest".to_string()
            };
            if let Some(speaker) = &m.speaker {
                let _ = write!(verdict, " · speaker: {speaker}");
            }
            Some(entry(
                article,
                verdict,
                m.is_first,
                m.is_altered,
                layout::units(&text, &marks),
            ))
        })
        .collect::<Vec<_>>();
    let speaker = view
        .speaker
        .clone()
        .unwrap_or_else(|| "speaker unknown".into());
    Report {
        title: format!(
            "Quote {number}: “{}” ({speaker})",
            cut(&one_line(view.text(articles)), 90)
        ),
        summary: format!(
            "Carried by {} articles of {} outlets, listed in the order they were published \
             (undated last); {} altered.",
            entries.len(),
            view.outlets,
            count(view.altered, "rendering", "renderings")
        ),
        legend: "Marked: the words a rendering changes or adds inside the quotation marks \
                 against the earliest rendering that quotes the same words, and the earliest's \
                 words it leaves out, written in where they would be. Quoting less or more of \
                 the statement, case and punctuation do not count.",
        entries,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// At most `max` characters, an ellipsis marking the cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max).collect();
    out.push('…');
    out
}

/// `Coast Herald, 2024-03-04 (harbour-herald)`.
fn describe(entry: &Entry) -> String {
    match &entry.date {
        Some(date) => format!("{}, {date} ({})", entry.outlet, entry.id),
        None => format!("{}, undated ({})", entry.outlet, entry.id),
    }
}

fn markdown(report: &Report, command: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&report.title));
    let _ = writeln!(out, "{}\n", md_escape(&report.summary));
    let _ = writeln!(
        out,
        "{} Changed words are in **bold**, words left out ~~struck through~~.\n",
        report.legend
    );
    for (i, e) in report.entries.iter().enumerate() {
        let flag = if e.is_flagged { " ⚠" } else { "" };
        let _ = writeln!(out, "## {}. {}{flag}\n", i + 1, md_escape(&describe(e)));
        let _ = writeln!(out, "- {}", md_escape(&e.verdict));
        if let Some(title) = &e.title {
            let _ = writeln!(out, "- Title: {}", md_escape(title));
        }
        let _ = writeln!(out, "- Source: {}\n", md_escape(&e.source));
        for line in lay_out(&e.units, NO_WRAP, false)
            .iter()
            .filter(|l| !l.runs.is_empty())
        {
            let _ = writeln!(out, "> {}", md_line(line, true));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Made with\n\n```\n{}\n```", sanitize(command));
    out
}

fn html(report: &Report, command: &str) -> String {
    let mut out = String::new();
    html_head(
        &mut out,
        &report.title,
        "tr.first td { background: #eef6ff; }\ntr.altered td { background: #fff4e0; }\n\
         .flag { color: #a04000; font-weight: 600; }\ntable.claim td.when { white-space: nowrap; }\n",
    );
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(&report.summary));
    let _ = writeln!(
        out,
        "<p class=\"legend\">{} <span class=\"rep\">Changed words</span>, \
         <span class=\"del\">words left out</span>.</p>",
        escape(report.legend)
    );
    out.push_str(
        "<table class=\"claim\">\n<thead><tr><th>#</th><th>Date</th><th>Outlet</th>\
         <th>Article</th><th>Wording</th></tr></thead>\n",
    );
    for (i, e) in report.entries.iter().enumerate() {
        let class = if e.is_flagged {
            " class=\"altered\""
        } else if e.is_first {
            " class=\"first\""
        } else {
            ""
        };
        let verdict_class = if e.is_flagged { "flag" } else { "verdict" };
        let _ = writeln!(
            out,
            "<tr{class}><td>{}</td><td class=\"when\">{}</td><td>{}</td><td>{}<br>{}<br><small>{}</small></td>\
             <td>{}<br><span class=\"{verdict_class}\">{}</span></td></tr>",
            i + 1,
            escape(e.date.as_deref().unwrap_or("undated")),
            escape(&e.outlet),
            escape(e.title.as_deref().unwrap_or("—")),
            linked(&e.source),
            escape(&e.id),
            html_units(&e.units),
            escape(&e.verdict),
        );
    }
    out.push_str("</table>\n");
    html_foot(&mut out, command);
    out
}

/// The Markdown report of shared passage `number` (1-based, as the screens count).
pub fn group_markdown(
    corpus: &Corpus,
    group: &SharedPassage,
    number: usize,
    command: &str,
) -> String {
    markdown(&group_report(corpus, group, number), command)
}

/// The HTML report of shared passage `number`: one page, CSS inline, nothing loaded.
pub fn group_html(corpus: &Corpus, group: &SharedPassage, number: usize, command: &str) -> String {
    html(&group_report(corpus, group, number), command)
}

/// The Markdown report of quote `number` (1-based).
pub fn quote_markdown(corpus: &Corpus, quote: &Quote, number: usize, command: &str) -> String {
    markdown(&quote_report(corpus, quote, number), command)
}

/// The HTML report of quote `number`: one page, CSS inline, nothing loaded.
pub fn quote_html(corpus: &Corpus, quote: &Quote, number: usize, command: &str) -> String {
    html(&quote_report(corpus, quote, number), command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::quote::Rendering;
    use crate::corpus::{Format, Metadata, PubDate};

    fn article(id: &str, outlet: &str, date: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("news/{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                outlet: Some(outlet.to_string()),
                date: PubDate::parse(date),
                title: Some(format!("<i>{id}</i>")),
                ..Metadata::default()
            },
            raw: text.to_string(),
            text: text.to_string(),
            words: 0,
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            articles: vec![
                article(
                    "a",
                    "Post",
                    "2024-03-05",
                    "“We will rebuild the wall <now>,” she said.",
                ),
                article(
                    "b",
                    "Wire",
                    "2024-03-04",
                    "“We will rebuild the wall <now>,” Ruiz said.",
                ),
                article(
                    "c",
                    "Times",
                    "2024-03-06",
                    "“We will repair the wall <now>,” Ruiz said.",
                ),
            ],
            ..Corpus::default()
        }
    }

    fn quote() -> Quote {
        let members = (0..3)
            .map(|a| {
                let len = if a == 2 {
                    "We will repair the wall <now>,".len()
                } else {
                    "We will rebuild the wall <now>,".len()
                };
                Rendering {
                    span: Span {
                        article: a,
                        start: "“".len(),
                        end: "“".len() + len,
                    },
                    speaker: None,
                }
            })
            .collect();
        Quote {
            id: 0,
            speaker: Some("Ana Ruiz".into()),
            members,
        }
    }

    #[test]
    fn a_quote_report_lists_outlets_in_time_order_and_flags_the_altered_one() {
        let md = quote_markdown(&corpus(), &quote(), 1, "crossread export quote 1");
        let wire = md.find("## 1. Wire, 2024-03-04 (b)").expect(&md);
        let post = md.find("## 2. Post, 2024-03-05 (a)").expect(&md);
        let times = md.find("## 3. Times, 2024-03-06 (c) ⚠").expect(&md);
        assert!(wire < post && post < times, "{md}");
        assert!(
            md.contains("> We will **repair** the wall \\<now\\>,"),
            "{md}"
        );
        assert!(md.contains("- ALTERED: 1 word changed"), "{md}");
        assert!(md.contains("- first seen"), "{md}");
        assert!(md.ends_with("```\ncrossread export quote 1\n```\n"), "{md}");

        let page = quote_html(
            &corpus(),
            &quote(),
            1,
            "crossread export quote 1 --html 'a b.html'",
        );
        assert!(page.contains("We will <span class=\"rep\">repair</span> the wall &lt;now&gt;,"));
        assert!(page.contains("<tr class=\"altered\"><td>3</td>"), "{page}");
        assert!(page.contains("&lt;i&gt;c&lt;/i&gt;"));
        assert!(!page.contains("<i>"));
        for asset in ["src=", "<link", "@import", "url(", "<script"] {
            assert!(!page.contains(asset), "{asset}");
        }
    }

    #[test]
    fn a_group_report_marks_the_first_seen_and_each_members_own_words() {
        let corpus = corpus();
        let q = quote();
        let group = SharedPassage {
            id: 0,
            label: q.members[0].span,
            members: q.members.iter().map(|m| m.span).collect(),
            score: 0.9,
        };
        let md = group_markdown(&corpus, &group, 2, "crossread export group 2");
        assert!(
            md.starts_with("# Shared passage 2: We will rebuild the wall \\<now\\>,"),
            "{md}"
        );
        assert!(
            md.contains("## 1. Wire, 2024-03-04 (b)\n\n- first seen · reference"),
            "{md}"
        );
        assert!(md.contains("> We will **repair** the wall"), "{md}");
    }
}
