//! Full-text search of the articles' bodies: an index from folded words to the articles
//! that use them, built once (off the UI thread), so that each keystroke of a search costs
//! a few binary searches and a pass over postings, not a scan of every text.
//!
//! Words are folded ([`fold`]: lower case, accents dropped), so `Sao Paulo` finds `São
//! Paulo`. A search term matches a word it begins (`nucl` finds `nuclear`), as the library
//! filters while you type.

use std::ops::Range;
use std::sync::Arc;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::text::sanitize;
use crate::corpus::Corpus;

/// A word as the index keeps it: lower case, without accents.
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` (runs of letters and digits) with their byte ranges.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, c.is_alphanumeric()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    return Some((s..i, &text[s..i]));
                }
                _ => {}
            }
        }
        None
    })
}

/// The folded words a search term stands for: `al-Monitor` → `al`, `monitor`.
pub fn term_words(term: &str) -> Vec<String> {
    words(term).map(|(_, w)| fold(w)).collect()
}

/// The bodies of a corpus, indexed by folded word.
#[derive(Debug)]
pub struct SearchIndex {
    corpus: Arc<Corpus>,
    /// Distinct folded words, sorted, so that the words a prefix begins are one run.
    words: Vec<Box<str>>,
    /// Per word, the articles using it (ascending) with the byte offset of its first use.
    postings: Vec<Vec<(u32, u32)>>,
}

impl SearchIndex {
    /// Indexes every article's cleaned text.
    pub fn new(corpus: Arc<Corpus>) -> SearchIndex {
        let mut ids: rustc_hash::FxHashMap<String, usize> = Default::default();
        let mut postings: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (a, article) in corpus.articles.iter().enumerate() {
            for (range, word) in words(&article.text) {
                let folded = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Borrowed(word)
                } else {
                    std::borrow::Cow::Owned(fold(word))
                };
                let id = match ids.get(folded.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = names.len();
                        ids.insert(folded.to_string(), id);
                        names.push(folded.into_owned());
                        postings.push(Vec::new());
                        id
                    }
                };
                let list = &mut postings[id];
                // Articles come in order: a word already seen in this one keeps its first use.
                if list.last().is_none_or(|&(last, _)| last as usize != a) {
                    list.push((a as u32, range.start as u32));
                }
            }
        }
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_unstable_by(|&x, &y| names[x].cmp(&names[y]));
        let mut sorted_postings = Vec::with_capacity(order.len());
        let mut sorted_words = Vec::with_capacity(order.len());
        for i in order {
            sorted_words.push(std::mem::take(&mut names[i]).into_boxed_str());
            sorted_postings.push(std::mem::take(&mut postings[i]));
        }
        SearchIndex {
            corpus,
            words: sorted_words,
            postings: sorted_postings,
        }
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// Number of distinct words indexed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// For each article, the byte offset of the first word that `prefix` (folded) begins,
    /// if any: one slot per article, `u32::MAX` where no word matches.
    pub fn prefix_hits(&self, prefix: &str) -> Vec<u32> {
        let mut hits = vec![u32::MAX; self.corpus.articles.len()];
        if prefix.is_empty() {
            return hits;
        }
        let from = self.words.partition_point(|w| w.as_ref() < prefix);
        for (word, list) in self.words[from..].iter().zip(&self.postings[from..]) {
            if !word.starts_with(prefix) {
                break;
            }
            for &(article, offset) in list {
                let slot = &mut hits[article as usize];
                *slot = (*slot).min(offset);
            }
        }
        hits
    }

    /// For each article, where the body holds every word of `term` (each begun by a word
    /// of the text): the offset of the first word's first match. `None` if `term` has no
    /// word to search for.
    pub fn term_hits(&self, term: &str) -> Option<Vec<u32>> {
        let words = term_words(term);
        let (first, rest) = words.split_first()?;
        let mut hits = self.prefix_hits(first);
        for word in rest {
            for (hit, other) in hits.iter_mut().zip(self.prefix_hits(word)) {
                if other == u32::MAX {
                    *hit = u32::MAX;
                }
            }
        }
        Some(hits)
    }
}

/// Where the library's filter found an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Outlet,
    Author,
    Id,
    /// In the body: the byte offset of a matching word.
    Text(usize),
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Outlet => "outlet",
            Field::Author => "author",
            Field::Id => "id",
            Field::Text(_) => "text",
        }
    }
}

/// An article's fields as the filter reads them: sanitised and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldKeys {
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub id: String,
}

impl FieldKeys {
    pub fn new(article: &crate::corpus::Article) -> FieldKeys {
        use super::label;
        FieldKeys {
            title: label::title(article).to_lowercase(),
            outlet: label::outlet(article).map(|o| o.to_lowercase()),
            author: label::author(article).map(|a| a.to_lowercase()),
            id: article.id.to_lowercase(),
        }
    }

    /// The first field (title, outlet, author, id) holding `term` (lower-cased).
    fn field_with(&self, term: &str) -> Option<Field> {
        if self.title.contains(term) {
            Some(Field::Title)
        } else if self.outlet.as_deref().is_some_and(|o| o.contains(term)) {
            Some(Field::Outlet)
        } else if self.author.as_deref().is_some_and(|a| a.contains(term)) {
            Some(Field::Author)
        } else if self.id.contains(term) {
            Some(Field::Id)
        } else {
            None
        }
    }
}

/// The library's filter: for each article (its [`FieldKeys`], in corpus order), where
/// `filter` finds it. Every word of the filter must occur (lower-cased) in the title,
/// outlet, author or id, or begin a word of the body when `search` has indexed the
/// bodies. An article found by its body is told by the first word found there alone; one
/// found by its fields, by the first word's field. An empty filter finds nothing (`None`
/// everywhere): the caller shows every article.
pub fn find<'a>(
    keys: impl ExactSizeIterator<Item = &'a FieldKeys>,
    filter: &str,
    search: Option<&SearchIndex>,
) -> Vec<Option<Field>> {
    let terms: Vec<String> = filter
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    if terms.is_empty() {
        return vec![None; keys.len()];
    }
    // Per term, per article: where the body has it.
    let body: Vec<Option<Vec<u32>>> = terms
        .iter()
        .map(|t| search.and_then(|s| s.term_hits(t)))
        .collect();
    let in_body = |term: usize, row: usize| -> Option<usize> {
        let hits = body[term].as_ref()?;
        let at = *hits.get(row)?;
        (at != u32::MAX).then_some(at as usize)
    };
    keys.enumerate()
        .map(|(i, keys)| {
            let mut first_field = None;
            let mut text = None;
            for (t, term) in terms.iter().enumerate() {
                match keys.field_with(term) {
                    Some(field) => {
                        first_field.get_or_insert(field);
                    }
                    None => {
                        let at = in_body(t, i)?;
                        text.get_or_insert(Field::Text(at));
                    }
                }
            }
            text.or(first_field)
        })
        .collect()
}

/// A stretch of `text` around byte `at`, about `width` characters, on one line: the words
/// before it that fit in a third, then what follows. Returns the snippet (sanitised,
/// whitespace runs made single spaces, `…` where cut) and the byte range in it of the word
/// at `at`.
pub fn snippet(text: &str, at: usize, width: usize) -> (String, Range<usize>) {
    let at = floor_char_boundary(text, at.min(text.len()));
    let word_end = text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i);
    let lead_budget = width / 3;
    let mut start = at;
    let mut taken = 0;
    for (i, c) in text[..at].char_indices().rev() {
        if taken >= lead_budget {
            break;
        }
        start = i;
        taken += 1;
        if c == '\n' && text[..i].ends_with('\n') {
            break;
        }
    }
    // Start at a word edge when cut.
    if start > 0 {
        if let Some(space) = text[start..at].find(char::is_whitespace) {
            start += space;
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut range = 0..0;
    let mut used = 0;
    let mut was_space = false;
    let mut end_reached = true;
    for (i, c) in text[start..].char_indices() {
        let i = start + i;
        if i == at {
            range.start = out.len();
        }
        if i == word_end {
            range.end = out.len();
        }
        if used >= width && i >= word_end {
            end_reached = false;
            break;
        }
        if c.is_whitespace() {
            if !was_space && !out.is_empty() && !out.ends_with('…') {
                out.push(' ');
                used += 1;
            }
            was_space = true;
            continue;
        }
        was_space = false;
        out.push_str(&sanitize(c.encode_utf8(&mut [0; 4])));
        used += 1;
    }
    if word_end == text.len() {
        range.end = out.len();
    }
    if range.end < range.start {
        range.end = range.start;
    }
    if !end_reached {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('…');
    }
    (out, range)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Every match in `text` of the words of `query` (each begun by a word of the text, folded
/// as the index folds), in text order: what the reader highlights and `n` moves through.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let wanted: Vec<String> = query.split_whitespace().flat_map(term_words).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    words(text)
        .filter(|(_, word)| {
            let folded = fold(word);
            wanted.iter().any(|w| folded.starts_with(w.as_str()))
        })
        .map(|(range, word)| {
            // Mark only the part the term begins, when the word is longer (`nucl|ear`).
            let folded = fold(word);
            let len = wanted
                .iter()
                .filter(|w| folded.starts_with(w.as_str()))
                .map(|w| w.len())
                .max()
                .unwrap_or(0);
            if folded.len() == word.len() && len < word.len() {
                range.start..range.start + len
            } else {
                range
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Format, Metadata};

    fn corpus(texts: &[&str]) -> Arc<Corpus> {
        Arc::new(Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article {
                    id: format!("{i}"),
                    path: format!("{i}.txt").into(),
                    format: Format::Text,
                    meta: Metadata::default(),
                    raw: t.to_string(),
                    text: t.to_string(),
                    words: t.split_whitespace().count(),
                })
                .collect(),
            ..Corpus::default()
        })
    }

    #[test]
    fn a_prefix_finds_the_articles_and_the_first_place_a_word_begins_with_it() {
        let index = SearchIndex::new(corpus(&[
            "Talks on the Nuclear deal resumed. Nuclear again.",
            "Nothing here but nuance.",
            "São Paulo hosts the nuclear summit.",
        ]));
        assert_eq!(index.prefix_hits("nucl"), [13, u32::MAX, 21]);
        assert_eq!(index.prefix_hits("nu"), [13, 17, 21]);
        assert_eq!(index.term_hits("Sao").unwrap(), [u32::MAX, u32::MAX, 0]);
        assert_eq!(index.term_hits("PAULO nuclear").unwrap()[2], 5);
        assert_eq!(index.term_hits("-").map(|_| ()), None);
        assert_eq!(index.prefix_hits("zz"), [u32::MAX; 3]);
    }

    #[test]
    fn a_snippet_shows_the_word_in_its_context_on_one_line() {
        let text = "First paragraph here.\n\nThe negotiators said the nuclear talks would resume in Vienna next week.";
        let at = text.find("nuclear").unwrap();
        let (s, r) = snippet(text, at, 30);
        assert_eq!(&s[r.clone()], "nuclear");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(!s.contains('\n'));
        let (s, r) = snippet("nuclear", 0, 30);
        assert_eq!((s.as_str(), r), ("nuclear", 0..7));
    }

    #[test]
    fn find_all_marks_what_each_term_begins() {
        let text = "Nuclear talks: the NUCLEAR deal, nucleus, São Paulo.";
        let found: Vec<&str> = find_all(text, "nucl sao")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Nucl", "NUCL", "nucl", "São"]);
        assert!(find_all(text, "  ").is_empty());
    }
}
