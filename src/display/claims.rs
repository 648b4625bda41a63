//! Claims and quotes in time order: who had a shared passage or a quote first, and how each
//! later rendering of a quote differs from the earliest.
//!
//! The aligner knows no dates; here the members of a group or a quote are put in the order
//! their articles were published (the date of the metadata, to the second when it gives a
//! time; undated articles last, then in corpus order), and each rendering of a quote is
//! compared with the earliest one ([`crate::align::quote::changes`]).

use std::ops::Range;

use rayon::prelude::*;

use super::label;
use super::layout::Mark;
use crate::align::diff::Words;
use crate::align::quote::{self, Quote};
use crate::align::Span;
use crate::corpus::Article;

/// When an article was published, as far as its metadata says: the day, then the time of
/// day when the date was written with one (an RFC 3339 timestamp), as seconds since 1970.
fn published(article: &Article) -> Option<(chrono::NaiveDate, Option<i64>)> {
    let date = article.meta.date.as_ref()?;
    let time = chrono::DateTime::parse_from_rfc3339(date.written().trim())
        .ok()
        .map(|t| t.timestamp());
    Some((date.day(), time))
}

/// Where an article stands in time order: dated before undated, by day, then (within a
/// day) those with a time of day first, by time; ties in corpus order.
pub type TimeKey = (bool, Option<chrono::NaiveDate>, bool, Option<i64>, usize);

/// The article's [`TimeKey`].
pub fn time_key(articles: &[Article], article: usize) -> TimeKey {
    let when = articles.get(article).and_then(published);
    (
        when.is_none(),
        when.map(|(day, _)| day),
        when.and_then(|(_, t)| t).is_none(),
        when.and_then(|(_, t)| t),
        article,
    )
}

/// The positions of `spans` in time order: by their articles' dates (and times, among
/// articles of one day that give one), undated articles last, ties in corpus order, then in
/// text order.
pub fn time_order(articles: &[Article], spans: &[Span]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (time_key(articles, spans[i].article), spans[i].start));
    order
}

/// The member the others of a shared passage are compared with, and the one seen first:
/// the earliest dated (on the earliest day, the earliest time where the metadata gives one;
/// an article of that day without a time may be as early), ties to the longer, then to the
/// first; when no member is dated, the longest.
pub fn reference_member(articles: &[Article], members: &[Span]) -> Option<usize> {
    let when = |m: &Span| articles.get(m.article).and_then(published);
    let dated: Vec<(usize, chrono::NaiveDate, Option<i64>)> = members
        .iter()
        .enumerate()
        .filter_map(|(i, m)| when(m).map(|(day, time)| (i, day, time)))
        .collect();
    let longest = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates.max_by_key(|&i| (members[i].len(), std::cmp::Reverse(i)))
    };
    let Some(day) = dated.iter().map(|&(_, d, _)| d).min() else {
        return longest(&mut (0..members.len()));
    };
    let first_time = dated
        .iter()
        .filter(|&&(_, d, _)| d == day)
        .filter_map(|&(_, _, t)| t)
        .min();
    longest(
        &mut dated
            .iter()
            .filter(|&&(_, d, t)| d == day && (t.is_none() || t == first_time))
            .map(|&(i, _, _)| i),
    )
}

/// True if the article has a date: only a dated member can be said to be seen first.
pub fn is_dated(articles: &[Article], article: usize) -> bool {
    articles.get(article).is_some_and(|a| a.meta.date.is_some())
}

/// One rendering of a quote, placed in time.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMember {
    pub span: Span,
    /// The speaker's name as this article gives it.
    pub speaker: Option<String>,
    /// The earliest rendering (dated): the one the others are compared with.
    pub is_first: bool,
    /// The member (a position in the view's members) it is compared with: the earliest that
    /// quotes the same words; `None` for the first, or a rendering of words no earlier one
    /// quotes.
    pub reference: Option<usize>,
    /// Byte ranges, relative to the rendering's start, of the words it changes or adds
    /// inside the quote against the earliest rendering.
    pub changed: Vec<Range<usize>>,
    /// Words of the earliest rendering it leaves out inside the quote.
    pub dropped: usize,
    /// Where they would be (a byte offset relative to the rendering's start) and what.
    pub missing: Vec<(usize, String)>,
    pub is_altered: bool,
}

/// A quote with its renderings in time order, the earliest first.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteView {
    /// The quote's id in the alignment.
    pub id: usize,
    pub speaker: Option<String>,
    pub members: Vec<QuoteMember>,
    /// Distinct outlets among the members (an article without one counts on its own).
    pub outlets: usize,
    /// Members whose words inside the quotation marks differ from the earliest's.
    pub altered: usize,
}

impl QuoteView {
    pub fn new(articles: &[Article], quote: &Quote) -> QuoteView {
        let spans: Vec<Span> = quote.members.iter().map(|m| m.span).collect();
        let order = time_order(articles, &spans);
        let text = |s: &Span| -> &str {
            articles
                .get(s.article)
                .and_then(|a| a.text.get(s.start..s.end))
                .unwrap_or("")
        };
        // Each rendering is split into words once: one may be compared with hundreds of
        // others (a quote carried by hundreds of articles), so the renderings are also
        // compared in parallel (each only with earlier ones; the order is kept).
        let split: Vec<Words> = order
            .par_iter()
            .map(|&i| Words::of(text(&spans[i])))
            .collect();
        // Most pairs of renderings cannot share enough words: told without a diff.
        let letters: Vec<quote::Letters> = order
            .par_iter()
            .zip(&split)
            .map(|(&i, words)| quote::Letters::of(text(&spans[i]), words))
            .collect();
        let members: Vec<QuoteMember> = order
            .par_iter()
            .enumerate()
            .map(|(rank, &i)| {
                let m = &quote.members[i];
                let own = text(&m.span);
                // Compared with the earliest rendering that quotes the same words (a partial
                // quote of another part of a long statement has nothing to compare with).
                let words = own.split_whitespace().count();
                let (reference, changes) = order[..rank]
                    .iter()
                    .enumerate()
                    .filter(|&(r, _)| letters[rank].most_shared_with(&letters[r]) * 2 >= words)
                    .map(|(r, &j)| {
                        let c = quote::changes_split(text(&spans[j]), &split[r], own, &split[rank]);
                        (r, c)
                    })
                    .find(|(_, c)| c.shared * 2 >= words)
                    .map_or((None, quote::Changes::default()), |(r, c)| (Some(r), c));
                QuoteMember {
                    span: m.span,
                    speaker: m
                        .speaker
                        .map(|s| super::text::sanitize(text(&s)).into_owned()),
                    is_first: rank == 0 && is_dated(articles, m.span.article),
                    reference,
                    is_altered: changes.is_altered(),
                    dropped: changes.dropped,
                    missing: changes.missing,
                    changed: changes.changed,
                }
            })
            .collect();
        let mut voices: Vec<String> = members
            .iter()
            .filter_map(|m| articles.get(m.span.article))
            .map(label::voice)
            .collect();
        voices.sort_unstable();
        voices.dedup();
        QuoteView {
            id: quote.id,
            speaker: quote
                .speaker
                .as_deref()
                .map(|s| super::text::sanitize(s).into_owned()),
            altered: members.iter().filter(|m| m.is_altered).count(),
            outlets: voices.len(),
            members,
        }
    }

    /// The earliest rendering's words.
    pub fn text<'a>(&self, articles: &'a [Article]) -> &'a str {
        self.members
            .first()
            .and_then(|m| {
                articles
                    .get(m.span.article)?
                    .text
                    .get(m.span.start..m.span.end)
            })
            .unwrap_or("")
    }
}

/// The order the screens list quotes in: most outlets first, then most articles, then the
/// aligner's order. Positions in this list are the quotes' numbers (from 1) on the screens
/// and in `crossread export quote N`.
pub fn quote_order(articles: &[Article], quotes: &[Quote]) -> Vec<usize> {
    let outlets: Vec<usize> = quotes
        .iter()
        .map(|q| {
            let mut voices: Vec<String> = q
                .members
                .iter()
                .filter_map(|m| articles.get(m.span.article))
                .map(label::voice)
                .collect();
            voices.sort_unstable();
            voices.dedup();
            voices.len()
        })
        .collect();
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(outlets[i]),
            std::cmp::Reverse(quotes[i].members.len()),
            i,
        )
    });
    order
}

/// A rendering's words with its changes marked: changed or added words as reworded, the
/// earliest rendering's words it leaves out written in where they would be, as missing
/// (struck out on screen). Returns the text and its marks (byte ranges of that text).
pub fn marked_rendering(
    text: &str,
    changed: &[Range<usize>],
    missing: &[(usize, String)],
) -> (String, Vec<(Range<usize>, Mark)>) {
    let mut out = String::with_capacity(text.len());
    let mut marks = Vec::new();
    let mut at = 0;
    let mut missing = missing.iter().filter(|(o, _)| *o <= text.len()).peekable();
    let mut changed = changed.iter().filter(|r| r.end <= text.len()).peekable();
    loop {
        let next_missing = missing.peek().map(|(o, _)| *o);
        let next_changed = changed.peek().map(|r| r.start);
        match (next_missing, next_changed) {
            (Some(o), c) if c.is_none_or(|c| o <= c) => {
                let Some((_, words)) = missing.next() else {
                    break;
                };
                let o = o.max(at);
                out.push_str(text.get(at..o).unwrap_or(""));
                at = o;
                if !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                let start = out.len();
                out.push_str(words);
                marks.push((start..out.len(), Mark::Deleted));
                if text[at..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace())
                {
                    out.push(' ');
                }
            }
            (_, Some(c)) => {
                let Some(r) = changed.next() else { break };
                let start = c.max(at);
                out.push_str(text.get(at..start).unwrap_or(""));
                let from = out.len();
                out.push_str(text.get(start..r.end).unwrap_or(""));
                marks.push((from..out.len(), Mark::ReplacedRight));
                at = r.end.max(at);
            }
            _ => break,
        }
    }
    out.push_str(text.get(at..).unwrap_or(""));
    (out, marks)
}

/// Every quote of an alignment, in its order.
pub fn quote_views(articles: &[Article], quotes: &[Quote]) -> Vec<QuoteView> {
    quotes.iter().map(|q| QuoteView::new(articles, q)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::quote::Rendering;
    use crate::corpus::{Format, Metadata, PubDate};

    fn article(id: &str, date: Option<&str>, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                date: date.and_then(PubDate::parse),
                outlet: Some(format!("Outlet {id}")),
                ..Metadata::default()
            },
            raw: text.to_string(),
            text: text.to_string(),
            words: 0,
        }
    }

    fn span(article: usize, text: &str) -> Span {
        Span {
            article,
            start: 0,
            end: text.len(),
        }
    }

    #[test]
    fn members_go_in_time_order_and_are_compared_with_the_earliest() {
        let texts = [
            "we will never sell user data",
            "we will not sell user data",
            "we will never sell user data",
            "we will never sell any user data",
        ];
        let articles = [
            article("a", Some("2018-06-02T10:00:00Z"), texts[0]),
            article("b", Some("2018-06-02T08:00:00+00:00"), texts[1]),
            article("c", None, texts[2]),
            article("d", Some("2018-06-01"), texts[3]),
        ];
        let quote = Quote {
            id: 3,
            speaker: Some("Ek".into()),
            members: (0..4)
                .map(|i| Rendering {
                    span: span(i, texts[i]),
                    speaker: None,
                })
                .collect(),
        };
        let view = QuoteView::new(&articles, &quote);
        let order: Vec<usize> = view.members.iter().map(|m| m.span.article).collect();
        assert_eq!(order, [3, 1, 0, 2]);
        assert!(view.members[0].is_first && !view.members[1].is_first);
        // Against the earliest ("…never sell any user data"): "not" is changed, "any" is
        // missing inside the quote.
        let b = &view.members[1];
        assert_eq!(
            b.changed
                .iter()
                .map(|r| &texts[1][r.clone()])
                .collect::<Vec<_>>(),
            ["not"]
        );
        assert!(b.is_altered);
        assert_eq!(view.members[2].dropped, 1);
        let (text, marks) = marked_rendering(
            texts[1],
            &b.changed,
            &[(texts[1].find("user").unwrap(), "any".to_string())],
        );
        assert_eq!(text, "we will not sell any user data");
        let marked: Vec<(&str, Mark)> = marks.iter().map(|(r, m)| (&text[r.clone()], *m)).collect();
        assert_eq!(
            marked,
            [("not", Mark::ReplacedRight), ("any", Mark::Deleted)]
        );
        assert_eq!(view.altered, 3);
        assert_eq!(view.outlets, 4);
        assert_eq!(view.text(&articles), texts[3]);
    }
}
