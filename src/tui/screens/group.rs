//! One shared passage: every member stacked with its outlet and date, in the order they
//! were published (the earliest dated article marked as first seen), each diffed word by
//! word against a reference member (the earliest dated, else the longest).
//!
//! A collation in the manner of CollateX or Juxta, one witness under another: the reference
//! is unmarked; every other member shows its own words, with those it words
//! differently and those it adds marked, and the reference's words it lacks written in
//! where they would be, struck out. Without colour the marks are brackets (`{+…+}`, `[-…-]`).
//!
//! The diffs and layout units are made once, in `new`; `relayout` only lays them out at
//! the width; drawing only styles the laid-out runs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;

use crate::align::diff::{word_diff, DiffTag};
use crate::align::{SharedPassage, Span};
use crate::corpus::Article;
use crate::display::claims::{self, time_key};
use crate::display::label::{outlet_or_id, short_date};
use crate::display::layout::{paragraph_number, plain_units, units, Mark, Unit};
use crate::display::text::sanitize;
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::screens::fit_line;
use crate::tui::screens::groups::articles_of;
use crate::tui::screens::members::MemberStack;
use crate::tui::screens::Context;
use crate::tui::theme::Theme;

pub use crate::display::claims::reference_member;

/// One member as its heading shows it.
#[derive(Debug, Clone)]
struct Member {
    /// The outlet, else the id.
    outlet: String,
    /// True if the article names its outlet (else the id is not written twice).
    has_outlet: bool,
    date: Option<String>,
    id: String,
    /// The paragraph of its article the passage starts in (1-based).
    paragraph: usize,
    is_reference: bool,
    /// In the earliest dated article of the group.
    is_first_seen: bool,
    /// Percent of its words the reference has too (None for the reference).
    same: Option<usize>,
    /// Its article's corpus index.
    article: usize,
    units: Vec<Unit>,
}

/// The group screen's state.
#[derive(Debug, Clone)]
pub struct GroupState {
    /// Index of the group in the alignment's groups.
    group: usize,
    /// Number of groups in the alignment.
    groups: usize,
    /// Number of distinct articles in the group.
    articles: usize,
    /// In time order: by date (undated last), then corpus order; the reference first among
    /// its article's members.
    members: Vec<Member>,
    /// The members laid out and scrolled.
    stack: MemberStack,
    /// A note for the status line, until the next key.
    notice: Option<&'static str>,
    theme: Theme,
}

impl GroupState {
    pub fn new(context: &Context, group: usize, theme: Theme) -> GroupState {
        let groups = context.alignment.groups.len();
        let (members, articles) = match context.alignment.groups.get(group) {
            Some(g) => (members(&context.corpus.articles, g), articles_of(g).len()),
            None => (Vec::new(), 0),
        };
        GroupState {
            group,
            groups,
            articles,
            members,
            stack: MemberStack::default(),
            notice: None,
            theme,
        }
    }

    /// The group shown (an index into the alignment's groups, in listing order).
    pub fn group(&self) -> usize {
        self.group
    }

    pub fn relayout(&mut self, area: Rect) {
        let markers = self.theme.is_monochrome();
        let units = self.members.iter().map(|m| m.units.as_slice());
        self.stack.relayout(area, units, markers);
    }

    /// Applies a key's action; returns a follow-up for the app (another group).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.notice = None;
        if self.stack.update(action) {
            return None;
        }
        match action {
            Action::NextPassage if self.group + 1 < self.groups => {
                return Some(Action::ShowGroup {
                    group: self.group + 1,
                })
            }
            Action::PreviousPassage if self.group > 0 && self.group <= self.groups => {
                return Some(Action::ShowGroup {
                    group: self.group - 1,
                })
            }
            Action::NextPassage => self.notice = Some("This is the last shared passage."),
            Action::PreviousPassage => self.notice = Some("This is the first shared passage."),
            _ => {}
        }
        None
    }

    /// What a click at `position` asks for: a click on a member (other than the reference,
    /// or one in the reference's own article) compares its article with the reference's.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let member = self.stack.member_at(position)?;
        let reference = self.members.iter().find(|m| m.is_reference)?.article;
        let article = self.members.get(member)?.article;
        (article != reference).then_some(Action::CompareArticles {
            left: ArticleIdx(reference),
            right: ArticleIdx(article),
        })
    }

    /// The right end of the status line: "group 1 of 9 · 4 articles ", or a note on the
    /// last key.
    pub fn status(&self) -> String {
        if let Some(notice) = self.notice {
            return format!("{notice} ");
        }
        if self.group >= self.groups {
            return String::new();
        }
        let s = if self.articles == 1 { "" } else { "s" };
        format!(
            "group {} of {} · {} article{s} ",
            self.group + 1,
            self.groups,
            self.articles
        )
    }

    /// "Against the reference: reworded · not in the reference · missing", each word in its
    /// mark's style.
    fn render_legend(&self, area: Rect, buf: &mut Buffer) {
        let markers = self.theme.is_monochrome();
        let sample = |mark: Mark, word: &'static str| {
            let text = match mark.brackets().filter(|_| markers) {
                Some((open, close)) => format!("{open}{word}{close}"),
                None => word.to_string(),
            };
            TextSpan::styled(text, self.theme.mark(mark))
        };
        let dim = self.theme.dim();
        // Without colour, reworded and added words carry the same brackets.
        let mut samples = if markers {
            vec![sample(Mark::Inserted, "its own words")]
        } else {
            vec![
                sample(Mark::ReplacedRight, "reworded"),
                TextSpan::styled(" · ", dim),
                sample(Mark::Inserted, "not in the reference"),
            ]
        };
        samples.push(TextSpan::styled(" · ", dim));
        samples.push(sample(Mark::Deleted, "missing"));
        let variants = [
            " Each wording against the reference: ",
            " Against the reference: ",
            " ",
        ]
        .into_iter()
        .map(|lead| {
            let mut spans = vec![TextSpan::styled(lead, dim)];
            spans.extend(samples.iter().cloned());
            Line::from(spans)
        })
        .collect();
        let line = fit_line(variants, usize::from(area.width));
        buf.set_line(area.x, area.y, &line, area.width);
    }

    /// "Global Research · 2015-10-25 · 000_569b · ¶3 · reference", shortened to fit: the id
    /// goes first, then the paragraph.
    fn heading<'a>(&self, member: &'a Member, max_width: usize) -> Line<'a> {
        let dim = self.theme.dim();
        let date = member.date.as_deref().unwrap_or("undated");
        let build = |with_id: bool, with_paragraph: bool| {
            let mut spans = vec![
                TextSpan::styled(member.outlet.as_str(), self.theme.accent()),
                TextSpan::styled(format!(" · {date}"), dim),
            ];
            if with_id && member.has_outlet {
                spans.push(TextSpan::styled(format!(" · {}", member.id), dim));
            }
            if with_paragraph {
                spans.push(TextSpan::styled(format!(" · ¶{}", member.paragraph), dim));
            }
            if member.is_first_seen {
                spans.push(TextSpan::styled(" · ", dim));
                spans.push(TextSpan::styled("first seen", self.theme.header()));
            }
            spans.push(TextSpan::styled(" · ", dim));
            spans.push(match member.same {
                None => TextSpan::styled("reference", self.theme.header()),
                Some(same) => TextSpan::styled(format!("{same}% same words"), dim),
            });
            Line::from(spans)
        };
        fit_line(
            vec![build(true, true), build(false, true), build(false, false)],
            max_width,
        )
    }
}

/// The group's members in time order, each with its layout units marked against the
/// reference.
fn members(articles: &[Article], group: &SharedPassage) -> Vec<Member> {
    let Some(reference) = reference_member(articles, &group.members) else {
        return Vec::new();
    };
    let text_of = |m: &Span| {
        articles
            .get(m.article)
            .and_then(|a| a.text.get(m.start..m.end))
            .unwrap_or("")
    };
    let reference_text = text_of(&group.members[reference]);
    // The reference (the earliest dated) first, then in time order; the reference's
    // article, when dated, was seen first.
    let mut order: Vec<usize> = (0..group.members.len()).collect();
    order.sort_by_key(|&i| {
        let m = &group.members[i];
        (i != reference, time_key(articles, m.article), m.start)
    });
    let first_seen =
        Some(group.members[reference].article).filter(|&a| claims::is_dated(articles, a));
    order
        .into_iter()
        .filter_map(|i| {
            let span = &group.members[i];
            let article = articles.get(span.article)?;
            let text = text_of(span);
            let (units, same) = if i == reference {
                (plain_units(text), None)
            } else {
                let (units, same) = collate(reference_text, text);
                (units, Some(same))
            };
            let has_outlet = article
                .meta
                .outlet
                .as_deref()
                .is_some_and(|o| !o.trim().is_empty());
            Some(Member {
                outlet: outlet_or_id(article),
                has_outlet,
                date: short_date(article),
                id: sanitize(&article.id).into_owned(),
                paragraph: paragraph_number(&article.text, span.start),
                is_reference: i == reference,
                is_first_seen: first_seen == Some(span.article),
                same,
                article: span.article,
                units,
            })
        })
        .collect()
}

/// A member's text marked against the reference's, with the reference's words it lacks
/// written in where they would be; and the percent of its words the reference has too.
///
/// `collate("the big black cat sat", "the cat sat")` → units of "the [-big black-] cat sat";
/// `collate("the cat sat", "the cat sat down")` → "the cat sat {+down+}".
fn collate(reference: &str, text: &str) -> (Vec<Unit>, usize) {
    let ops = word_diff(reference, text);
    let mut combined = String::with_capacity(text.len());
    let mut marks = Vec::with_capacity(ops.len());
    let mut needs_space = false;
    let (mut same, mut total) = (0, 0);
    for op in &ops {
        let (piece, mark) = match op.tag {
            DiffTag::Delete => {
                let deleted = reference.get(op.a.clone()).unwrap_or("").trim();
                if deleted.is_empty() {
                    continue;
                }
                if !combined.is_empty() && !combined.ends_with(char::is_whitespace) {
                    combined.push(' ');
                }
                let start = combined.len();
                combined.push_str(deleted);
                marks.push((start..combined.len(), Mark::Deleted));
                needs_space = true;
                continue;
            }
            DiffTag::Equal => (text.get(op.b.clone()).unwrap_or(""), Mark::Plain),
            DiffTag::Replace => (text.get(op.b.clone()).unwrap_or(""), Mark::ReplacedRight),
            DiffTag::Insert => (text.get(op.b.clone()).unwrap_or(""), Mark::Inserted),
        };
        let words = piece.split_whitespace().count();
        total += words;
        if op.tag == DiffTag::Equal {
            same += words;
        }
        if needs_space && !piece.starts_with(char::is_whitespace) && !piece.is_empty() {
            combined.push(' ');
        }
        needs_space = false;
        let start = combined.len();
        combined.push_str(piece);
        marks.push((start..combined.len(), mark));
    }
    if same * 2 < total {
        // Mostly reworded: a sequence diff would mark nearly every word. Mark instead the
        // words the reference does not use anywhere, so the shared names and terms of a
        // paraphrase stand out plain, wherever they sit.
        return reworded(reference, text);
    }
    let percent = (same * 100).checked_div(total).unwrap_or(0);
    (units(&combined, &marks), percent)
}

/// A reworded member: each word plain if the reference uses it too (case and edge
/// punctuation aside), else marked as the member's own; and the percent of its words shared.
fn reworded(reference: &str, text: &str) -> (Vec<Unit>, usize) {
    let fold = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .map(str::to_string)
            .unwrap_or(w)
    };
    let known: std::collections::HashSet<String> = reference
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let mut marks = Vec::new();
    let (mut same, mut total) = (0usize, 0usize);
    let mut at = 0;
    for word in text.split_whitespace() {
        let start = at + text[at..].find(word).unwrap_or(0);
        let end = start + word.len();
        at = end;
        let folded = fold(word);
        if folded.is_empty() {
            continue;
        }
        total += 1;
        if known.contains(&folded) {
            same += 1;
        } else {
            marks.push((start..end, Mark::Inserted));
        }
    }
    let percent = (same * 100).checked_div(total).unwrap_or(0);
    (units(text, &marks), percent)
}

screen_state!(GroupState, Group, "Shared passage", wheel = Lines);

impl Widget for &GroupState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let top = |line, buf: &mut Buffer| self.render_legend(line, buf);
        self.stack.render(
            area,
            buf,
            &self.theme,
            "No such shared passage.",
            top,
            |i, w| {
                let member = &self.members[i];
                let bar = if member.is_reference {
                    self.theme.header()
                } else {
                    self.theme.dim()
                };
                (bar, self.heading(member, w))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Format, Metadata};
    use crate::display::layout::{self, lay_out};

    fn article(id: &str, date: Option<&str>) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                date: date.and_then(crate::corpus::PubDate::parse),
                ..Metadata::default()
            },
            raw: String::new(),
            text: String::new(),
            words: 0,
        }
    }

    fn span(article: usize, start: usize, end: usize) -> Span {
        Span {
            article,
            start,
            end,
        }
    }

    #[test]
    fn the_reference_is_the_earliest_dated_else_the_longest() {
        let articles = [
            article("a", None),
            article("b", Some("2015-10-26")),
            article("c", Some("2015-10-25T10:00:00Z")),
            article("d", Some("2015-10-25")),
        ];
        let members = [
            span(0, 0, 500),
            span(1, 0, 50),
            span(2, 0, 40),
            span(3, 0, 60),
        ];
        assert_eq!(reference_member(&articles, &members), Some(3));
        let members = [span(0, 0, 500), span(1, 0, 50)];
        assert_eq!(reference_member(&articles, &members), Some(1));
        let undated = [span(0, 0, 10), span(0, 20, 40)];
        assert_eq!(reference_member(&articles, &undated), Some(1));
        assert_eq!(reference_member(&articles, &[]), None);
    }

    #[test]
    fn members_are_listed_in_time_order_the_earliest_first_seen() {
        let text = "The port reopened on Monday.";
        let with_text = |id: &str, date: Option<&str>| Article {
            text: text.to_string(),
            ..article(id, date)
        };
        let articles = [
            with_text("a", None),
            with_text("b", Some("2024-03-05")),
            with_text("c", Some("2024-03-03")),
            with_text("d", Some("2024-03-04")),
        ];
        let whole = |a: usize| span(a, 0, text.len());
        let group = SharedPassage {
            id: 0,
            label: whole(0),
            members: (0..4).map(whole).collect(),
            score: 0.9,
        };
        let listed = members(&articles, &group);
        let ids: Vec<&str> = listed.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["c", "d", "b", "a"]);
        let first: Vec<bool> = listed.iter().map(|m| m.is_first_seen).collect();
        assert_eq!(first, [true, false, false, false]);
        assert!(listed[0].is_reference);
    }

    fn marked(units: &[Unit]) -> String {
        lay_out(units, 200, true)
            .iter()
            .map(layout::Line::text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn collation_marks_own_words_and_writes_in_missing_ones() {
        // A rewording absorbs the odd shared word between its changes.
        // Mostly reworded: the words the reference uses too stay plain, wherever they are.
        let (units, same) = collate("the big cat sat", "the dog sat down");
        assert_eq!(marked(&units), "the {+dog+} sat {+down+}");
        assert_eq!(same, 50);
        let (units, same) = collate(
            "Iraq agreed with Russia, which leads the joint data center",
            "Russia, Syria, Iraq and Iran created the Baghdad Information Center.",
        );
        assert_eq!(
            marked(&units),
            "Russia, {+Syria,+} Iraq {+and Iran created+} the {+Baghdad Information+} Center."
        );
        assert_eq!(same, 40);
        let (units, same) = collate("Iraq and Russia agree", "Iraq and Russia agree today");
        assert_eq!(marked(&units), "Iraq and Russia agree {+today+}");
        assert_eq!(same, 80);
        let (units, same) = collate("the big black cat sat", "the cat sat");
        assert_eq!(marked(&units), "the [-big black-] cat sat");
        assert_eq!(same, 100);
        let (units, same) = collate("one two", "");
        assert_eq!(marked(&units), "[-one two-]");
        assert_eq!(same, 0);
    }
}
