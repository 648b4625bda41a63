//! One quote: every article's rendering, in the order the articles were published, with the
//! words each later one changes against the earliest marked, and the altered ones flagged.
//!
//! The view ([`QuoteView`]) and layout units are made once, in `new`; `relayout` only lays
//! them out at the width.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;

use crate::display::claims::{marked_rendering, quote_order, QuoteView};
use crate::display::label::{outlet_or_id, short_date};
use crate::display::layout::{paragraph_number, units, Mark, Unit};
use crate::display::text::sanitize;
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::screens::members::MemberStack;
use crate::tui::screens::{fit_line, Context};
use crate::tui::theme::Theme;

/// One rendering as its heading shows it.
#[derive(Debug, Clone)]
struct Member {
    outlet: String,
    has_outlet: bool,
    date: Option<String>,
    id: String,
    paragraph: usize,
    speaker: Option<String>,
    is_first: bool,
    is_altered: bool,
    /// Words changed or added inside the quote, and words left out.
    changed: usize,
    dropped: usize,
    /// False for a later rendering that quotes words no earlier one does.
    is_compared: bool,
    article: usize,
    units: Vec<Unit>,
}

/// The quote screen's state.
#[derive(Debug, Clone)]
pub struct QuoteState {
    /// Index of the quote in the alignment's quotes.
    quote: usize,
    /// The quotes in listing order (indices into the alignment's quotes), and this one's
    /// place in it.
    order: Vec<usize>,
    position: usize,
    speaker: Option<String>,
    outlets: usize,
    altered: usize,
    members: Vec<Member>,
    /// The members laid out and scrolled.
    stack: MemberStack,
    notice: Option<&'static str>,
    theme: Theme,
}

impl QuoteState {
    pub fn new(context: &Context, quote: usize, theme: Theme) -> QuoteState {
        let articles = &context.corpus.articles;
        let order = quote_order(articles, &context.alignment.quotes);
        let position = order
            .iter()
            .position(|&q| q == quote)
            .unwrap_or(order.len());
        let view = context
            .alignment
            .quotes
            .get(quote)
            .map(|q| QuoteView::new(articles, q));
        let members = view
            .iter()
            .flat_map(|v| &v.members)
            .enumerate()
            .filter_map(|(rank, m)| {
                let article = articles.get(m.span.article)?;
                let text = article.text.get(m.span.start..m.span.end)?;
                let (text, marks) = marked_rendering(text, &m.changed, &m.missing);
                Some(Member {
                    outlet: outlet_or_id(article),
                    has_outlet: article
                        .meta
                        .outlet
                        .as_deref()
                        .is_some_and(|o| !o.trim().is_empty()),
                    date: short_date(article),
                    id: sanitize(&article.id).into_owned(),
                    paragraph: paragraph_number(&article.text, m.span.start),
                    speaker: m.speaker.clone(),
                    is_first: m.is_first,
                    is_altered: m.is_altered,
                    changed: m.changed.len(),
                    dropped: m.dropped,
                    is_compared: rank == 0 || m.reference.is_some(),
                    article: m.span.article,
                    units: units(&text, &marks),
                })
            })
            .collect();
        QuoteState {
            quote,
            order,
            position,
            speaker: view.as_ref().and_then(|v| v.speaker.clone()),
            outlets: view.as_ref().map_or(0, |v| v.outlets),
            altered: view.as_ref().map_or(0, |v| v.altered),
            members,
            stack: MemberStack::default(),
            notice: None,
            theme,
        }
    }

    /// The quote shown (an index into the alignment's quotes).
    pub fn quote(&self) -> usize {
        self.quote
    }

    /// Its number on the screens (from 1): its place in the list.
    pub fn number(&self) -> usize {
        self.position + 1
    }

    pub fn relayout(&mut self, area: Rect) {
        let markers = self.theme.is_monochrome();
        let units = self.members.iter().map(|m| m.units.as_slice());
        self.stack.relayout(area, units, markers);
    }

    pub fn update(&mut self, action: Action) -> Option<Action> {
        self.notice = None;
        if self.stack.update(action) {
            return None;
        }
        match action {
            Action::NextPassage if self.position + 1 < self.order.len() => {
                return Some(Action::ShowQuote {
                    quote: self.order[self.position + 1],
                })
            }
            Action::PreviousPassage if self.position > 0 && self.position < self.order.len() => {
                return Some(Action::ShowQuote {
                    quote: self.order[self.position - 1],
                })
            }
            Action::NextPassage => self.notice = Some("This is the last quote."),
            Action::PreviousPassage => self.notice = Some("This is the first quote."),
            _ => {}
        }
        None
    }

    /// A click on a later rendering compares its article with the earliest's.
    pub fn click(&mut self, position: Position) -> Option<Action> {
        let member = self.stack.member_at(position)?;
        let earliest = self.members.first()?.article;
        let article = self.members.get(member)?.article;
        (article != earliest).then_some(Action::CompareArticles {
            left: ArticleIdx(earliest),
            right: ArticleIdx(article),
        })
    }

    /// "quote 1 of 9 · 4 outlets · 1 altered ".
    pub fn status(&self) -> String {
        if let Some(notice) = self.notice {
            return format!("{notice} ");
        }
        if self.position >= self.order.len() {
            return String::new();
        }
        format!(
            "quote {} of {} · {} outlets · {} altered ",
            self.position + 1,
            self.order.len(),
            self.outlets,
            self.altered
        )
    }

    /// "Ana Ruiz · 4 outlets · 1 altered · changed words against the earliest: changed".
    fn render_summary(&self, area: Rect, buf: &mut Buffer) {
        let dim = self.theme.dim();
        let markers = self.theme.is_monochrome();
        let sample = match Mark::ReplacedRight.brackets().filter(|_| markers) {
            Some((open, close)) => format!("{open}changed{close}"),
            None => "changed".to_string(),
        };
        let missing = match Mark::Deleted.brackets().filter(|_| markers) {
            Some((open, close)) => format!("{open}left out{close}"),
            None => "left out".to_string(),
        };
        let speaker = self.speaker.as_deref().unwrap_or("speaker unknown");
        let variants = [true, false]
            .into_iter()
            .map(|long| {
                let mut spans = vec![
                    TextSpan::styled(format!(" {speaker}"), self.theme.accent()),
                    TextSpan::styled(
                        format!(" · {} outlets · {} altered", self.outlets, self.altered),
                        dim,
                    ),
                ];
                if long {
                    spans.push(TextSpan::styled(" · against the earliest: ", dim));
                    spans.push(TextSpan::styled(
                        sample.clone(),
                        self.theme.mark(Mark::ReplacedRight),
                    ));
                    spans.push(TextSpan::styled(" · ", dim));
                    spans.push(TextSpan::styled(
                        missing.clone(),
                        self.theme.mark(Mark::Deleted),
                    ));
                }
                Line::from(spans)
            })
            .collect();
        let line = fit_line(variants, usize::from(area.width));
        buf.set_line(area.x, area.y, &line, area.width);
    }

    /// "Port News · 2024-03-06 · harbour-portnews · ¶2 · Ruiz · ALTERED: 1 word changed".
    fn heading<'a>(&self, member: &'a Member, max_width: usize) -> Line<'a> {
        let dim = self.theme.dim();
        let date = member.date.as_deref().unwrap_or("undated");
        let verdict = if member.is_first {
            TextSpan::styled("first seen", self.theme.header())
        } else if !member.is_compared {
            TextSpan::styled("other words of the statement", dim)
        } else if member.is_altered {
            let mut parts = Vec::new();
            if member.changed > 0 {
                parts.push(plural(member.changed, "word changed", "words changed"));
            }
            if member.dropped > 0 {
                parts.push(plural(member.dropped, "word left out", "words left out"));
            }
            TextSpan::styled(
                format!("ALTERED: {}", parts.join(", ")),
                self.theme.warning(),
            )
        } else {
            TextSpan::styled("as the earliest", dim)
        };
        let build = |with_id: bool, with_speaker: bool| {
            let mut spans = vec![
                TextSpan::styled(member.outlet.as_str(), self.theme.accent()),
                TextSpan::styled(format!(" · {date}"), dim),
            ];
            if with_id && member.has_outlet {
                spans.push(TextSpan::styled(format!(" · {}", member.id), dim));
            }
            if with_id {
                spans.push(TextSpan::styled(format!(" · ¶{}", member.paragraph), dim));
            }
            if let Some(speaker) = member.speaker.as_deref().filter(|_| with_speaker) {
                spans.push(TextSpan::styled(format!(" · {speaker}"), dim));
            }
            spans.push(TextSpan::styled(" · ", dim));
            spans.push(verdict.clone());
            Line::from(spans)
        };
        fit_line(
            vec![build(true, true), build(false, true), build(false, false)],
            max_width,
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

screen_state!(QuoteState, Quote, "Quote", wheel = Lines);

impl Widget for &QuoteState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let top = |line, buf: &mut Buffer| self.render_summary(line, buf);
        self.stack
            .render(area, buf, &self.theme, "No such quote.", top, |i, w| {
                let member = &self.members[i];
                let bar = if member.is_altered {
                    self.theme.warning()
                } else if member.is_first {
                    self.theme.header()
                } else {
                    self.theme.dim()
                };
                (bar, self.heading(member, w))
            });
    }
}
