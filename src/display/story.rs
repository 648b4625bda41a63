//! Stories as the stories screen, the story screen and `crossread export story` show them:
//! the aligner's event clusters ([`Story`]) and copy families ([`Family`]) joined into one
//! list, each story's articles in time order, each copy measured against the earliest copy
//! of its family.
//!
//! The aligner finds the two independently: a story is articles about one event (TF-IDF
//! clusters), a family is articles sharing most of their text. A reader wants one list, so
//! a story here is every aligner story and family that share an article, joined: a family
//! lies inside its story (copies are about one event), and a family the story clustering
//! left out is a story of its own. Each article is in one story at most.
//!
//! [`Story`]: crate::align::family::Story
//! [`Family`]: crate::align::family::Family

use chrono::NaiveDate;

use super::label;
use super::text::{sanitize, truncate};
use crate::align::family::{changes, CopyChanges};
use crate::align::overlap::Overlap;
use crate::align::Alignment;
use crate::corpus::{Article, Corpus};

/// One story of the list: articles about one event, with the copy families among them.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryEntry {
    /// 1, 2, …: its place in the list's first order (most articles first, then earliest);
    /// `crossread export story N` names a story by it.
    pub number: usize,
    /// Its articles (corpus indices) in time order: dated ones by day, then the undated;
    /// ties in corpus order.
    pub articles: Vec<usize>,
    /// The copy families among them, each in time order (when none of a family's copies is
    /// dated, the aligner's reference first: the copy that shares most with the others); a
    /// family's name is its place here ([`family_name`]).
    pub families: Vec<Vec<usize>>,
    /// How many outlets ran it (an article without an outlet counts on its own).
    pub outlets: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// The earliest article's opening sentence, on one line, sanitised.
    pub lead: String,
}

/// The stories of an alignment, most articles first.
pub fn stories(alignment: &Alignment, corpus: &Corpus) -> Vec<StoryEntry> {
    let n = corpus.articles.len();
    let mut sets = DisjointSets::new(n);
    let mut in_any = vec![false; n];
    let story_lists = alignment.stories.iter().map(|s| s.articles.clone());
    let family_lists = alignment.families.iter().map(|f| {
        let mut list: Vec<usize> = f.members.iter().map(|m| m.article).collect();
        // The reference leads when no date orders the family (see `StoryEntry::families`).
        if let Some(at) = list.iter().position(|&a| a == f.reference) {
            list[..=at].rotate_right(1);
        }
        list
    });
    for list in story_lists.chain(family_lists.clone()) {
        let list: Vec<usize> = list.into_iter().filter(|&a| a < n).collect();
        for &a in &list {
            in_any[a] = true;
        }
        for pair in list.windows(2) {
            sets.join(pair[0], pair[1]);
        }
    }
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
    for a in (0..n).filter(|&a| in_any[a]) {
        by_root[sets.root(a)].push(a);
    }
    let mut families_by_root: Vec<Vec<Vec<usize>>> = vec![Vec::new(); n];
    for list in family_lists {
        let list: Vec<usize> = list.into_iter().filter(|&a| a < n).collect();
        if let Some(&a) = list.first() {
            let is_dated = list.iter().any(|&m| day(corpus, m).is_some());
            let list = if is_dated {
                time_order(corpus, list)
            } else {
                list
            };
            families_by_root[sets.root(a)].push(list);
        }
    }
    let mut out: Vec<StoryEntry> = by_root
        .into_iter()
        .zip(families_by_root)
        .filter(|(articles, _)| articles.len() >= 2)
        .map(|(articles, mut families)| {
            let articles = time_order(corpus, articles);
            let rank = |a: &usize| articles.iter().position(|x| x == a);
            families.sort_by_key(|f| f.first().and_then(rank));
            let days: Vec<NaiveDate> = articles.iter().filter_map(|&a| day(corpus, a)).collect();
            let mut voices: Vec<String> = articles
                .iter()
                .map(|&a| label::voice(&corpus.articles[a]))
                .collect();
            voices.sort_unstable();
            voices.dedup();
            StoryEntry {
                number: 0,
                lead: lead(&corpus.articles[articles[0]]),
                first: days.iter().min().copied(),
                last: days.iter().max().copied(),
                outlets: voices.len(),
                articles,
                families,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| cmp_missing_last(a.first, b.first))
            .then_with(|| a.articles[0].cmp(&b.articles[0]))
    });
    for (i, story) in out.iter_mut().enumerate() {
        story.number = i + 1;
    }
    out
}

/// The stories as plain article clusters numbered as the stories screen numbers them, so
/// that the library's and the matrix's story blocks (`S1`) are the screen's `Story 1`.
pub fn clusters(entries: &[StoryEntry]) -> Vec<crate::align::family::Story> {
    entries
        .iter()
        .map(|entry| crate::align::family::Story {
            id: entry.number,
            articles: entry.articles.clone(),
        })
        .collect()
}

/// `None` after every date.
fn cmp_missing_last(a: Option<NaiveDate>, b: Option<NaiveDate>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// An article's publication day, if known.
pub fn day(corpus: &Corpus, article: usize) -> Option<NaiveDate> {
    corpus
        .articles
        .get(article)?
        .meta
        .date
        .as_ref()
        .map(|d| d.day())
}

/// Articles sorted by day, the undated last, ties in corpus order.
fn time_order(corpus: &Corpus, mut articles: Vec<usize>) -> Vec<usize> {
    articles.sort_by(|&a, &b| cmp_missing_last(day(corpus, a), day(corpus, b)).then(a.cmp(&b)));
    articles.dedup();
    articles
}

/// The opening sentence of an article, on one line.
fn lead(article: &Article) -> String {
    // The first paragraph is enough to find it: a list of thousands of stories segments
    // no whole article.
    let end = article.text.find("\n").unwrap_or(article.text.len());
    let opening = &article.text[..end];
    let segmented = crate::align::text::segment(opening);
    let text = segmented
        .sentences
        .first()
        .and_then(|s| opening.get(s.start..s.end))
        .unwrap_or(opening);
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // A sentence the segmenter could not end (a page of one run-on line) is cut.
    truncate(&sanitize(&joined), MAX_LEAD_WIDTH).into_owned()
}

/// Widest lead kept, in cells: two lines of a wide terminal.
const MAX_LEAD_WIDTH: usize = 300;

/// A family's name on screen and in reports: A, B, … Z, then 27, 28, ….
pub fn family_name(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => (index + 1).to_string(),
    }
}

/// Union-find over article indices.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut a: usize) -> usize {
        while self.parent[a] != a {
            self.parent[a] = self.parent[self.parent[a]];
            a = self.parent[a];
        }
        a
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// One article of a story as the story screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    pub article: usize,
    /// Its copy family (an index into [`StoryEntry::families`]), if it is in one.
    pub family: Option<usize>,
    /// The article it is measured against: the earliest copy of its family, else the
    /// story's earliest article; `None` for that article itself.
    pub base: Option<usize>,
    /// Returns true if and only if it is a base (the earliest of its family, or of the
    /// story for articles outside families) and its date is known: it had the text first.
    pub is_first: bool,
    /// What a copy of a family changes in its base (empty for a base, and for an article
    /// outside families: it is no copy of its base).
    pub changes: CopyChanges,
    /// Words of `base` (0 for a base itself).
    pub base_words: usize,
    /// For an article outside families: the share of its base's text it lines up with, in
    /// passages of any kind (verbatim or reworded), as the overlap matrix counts it.
    pub aligned_share: Option<f32>,
}

impl Copy {
    /// Returns true if and only if it is a copy of its base: both are in one family.
    pub fn is_copy(&self) -> bool {
        self.base.is_some() && self.family.is_some()
    }

    /// How much of its base it keeps (0..1; 1 for a base): for a copy, the share of the
    /// base's words it keeps in the same order; for another article, the share of the
    /// base's text it lines up with.
    pub fn keeps(&self) -> f32 {
        if let Some(share) = self.aligned_share {
            return share.clamp(0.0, 1.0);
        }
        if self.base.is_none() || self.base_words == 0 {
            return 1.0;
        }
        (self.changes.shared_words as f32 / self.base_words as f32).min(1.0)
    }

    /// Words a copy has that its base lacks: added, or written in place of others (`None`
    /// when it is no copy).
    pub fn added_words(&self) -> Option<usize> {
        self.is_copy()
            .then(|| self.changes.added_words + self.changes.changed_words)
    }

    /// Words of the base a copy leaves out or words differently (`None` when it is no copy).
    pub fn dropped_words(&self) -> Option<usize> {
        self.is_copy().then(|| {
            self.base_words
                .saturating_sub(self.changes.shared_words)
                .max(self.changes.dropped_words)
        })
    }
}

/// One story opened: each article with what it changes, in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDetail {
    pub entry: StoryEntry,
    /// One per article of the story, in its time order.
    pub copies: Vec<Copy>,
}

impl StoryDetail {
    /// Measures each article of `entry` against its base (see [`Copy::base`]); `overlap`
    /// is the overlap of the alignment `entry` comes from.
    pub fn new(entry: &StoryEntry, corpus: &Corpus, overlap: &Overlap) -> StoryDetail {
        let family_of = |a: usize| entry.families.iter().position(|f| f.contains(&a));
        let story_base = entry.articles[0];
        let copies = entry
            .articles
            .iter()
            .map(|&a| {
                let family = family_of(a);
                let base = match family {
                    Some(f) => entry.families[f][0],
                    None => story_base,
                };
                let is_first = base == a && day(corpus, a).is_some();
                if base == a {
                    return Copy {
                        article: a,
                        family,
                        base: None,
                        is_first,
                        changes: CopyChanges::default(),
                        base_words: 0,
                        aligned_share: None,
                    };
                }
                let reference = &corpus.articles[base].text;
                let (changes, aligned_share) = match family {
                    Some(_) => (changes(reference, &corpus.articles[a].text, base, a), None),
                    None => (CopyChanges::default(), Some(overlap.share(base, a))),
                };
                Copy {
                    article: a,
                    family,
                    base: Some(base),
                    is_first,
                    base_words: word_count(reference),
                    changes,
                    aligned_share,
                }
            })
            .collect();
        StoryDetail {
            entry: entry.clone(),
            copies,
        }
    }

    /// The copy of `article`, if it is in the story.
    pub fn copy_of(&self, article: usize) -> Option<&Copy> {
        self.copies.iter().find(|c| c.article == article)
    }
}

/// Words as [`CopyChanges`] counts them: Unicode words with a letter or digit.
fn word_count(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// `2018-05-31` → `05-31` when every date of the story is in one year, else the whole date.
pub fn short_day(day: NaiveDate, first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    let one_year = matches!((first, last), (Some(f), Some(l)) if f.year() == l.year());
    if one_year {
        format!("{:02}-{:02}", day.month(), day.day())
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// A time axis `width` cells wide from `first` to `last`, with a dot where `day` falls:
/// `·····●····`. Several days may share a cell on a narrow axis; a story of one day puts
/// every dot at the start.
pub fn timeline_strip(day: NaiveDate, first: NaiveDate, last: NaiveDate, width: usize) -> String {
    let mut cells: Vec<char> = vec!['·'; width];
    if let Some(cell) = cells.get_mut(timeline_cell(day, first, last, width)) {
        *cell = '●';
    }
    cells.into_iter().collect()
}

/// The cell of `day` on an axis of `width` cells from `first` to `last`.
pub fn timeline_cell(day: NaiveDate, first: NaiveDate, last: NaiveDate, width: usize) -> usize {
    let span = (last - first).num_days().max(0) as usize;
    let at = (day - first).num_days().clamp(0, span as i64) as usize;
    if span == 0 || width <= 1 {
        return 0;
    }
    (at * (width - 1) + span / 2) / span
}

/// The axis' heading, `width` cells: the first day at the left, the last at the right when
/// both fit (`05-31 ··· 06-02`), else the first alone, else nothing.
pub fn timeline_heading(first: NaiveDate, last: NaiveDate, width: usize) -> String {
    let (f, l) = (
        short_day(first, Some(first), Some(last)),
        short_day(last, Some(first), Some(last)),
    );
    let (fw, lw) = (f.chars().count(), l.chars().count());
    if first == last && fw <= width {
        return format!("{f:<width$}");
    }
    if fw + lw < width {
        let gap = width - fw - lw;
        return format!("{f}{}{l}", " ".repeat(gap));
    }
    if fw <= width {
        return format!("{f:<width$}");
    }
    " ".repeat(width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::family::{Family, FamilyMember, Story};
    use crate::corpus::PubDate;
    use crate::corpus::{Format, Metadata};

    fn article(id: &str, outlet: &str, date: Option<&str>, text: &str) -> Article {
        Article {
            id: id.to_string(),
            path: format!("{id}.txt").into(),
            format: Format::Text,
            meta: Metadata {
                outlet: Some(outlet.to_string()),
                date: date.and_then(PubDate::parse),
                ..Metadata::default()
            },
            raw: text.to_string(),
            text: text.to_string(),
            words: text.split_whitespace().count(),
        }
    }

    fn family(id: usize, members: &[usize]) -> Family {
        Family {
            id,
            reference: members[0],
            members: members
                .iter()
                .map(|&article| FamilyMember {
                    article,
                    copy_of: None,
                    changes: CopyChanges::default(),
                })
                .collect(),
        }
    }

    const WIRE: &str = "The council approved the budget on Monday. It funds ten new schools. \
                        The mayor called it a good day.";

    fn corpus() -> Corpus {
        Corpus {
            articles: vec![
                // 0: a later copy that drops the last sentence and adds one.
                article(
                    "a",
                    "Post",
                    Some("2020-03-04"),
                    "The council approved the budget on Monday. It funds ten new schools. \
                     Critics said it was too small.",
                ),
                article("b", "Wire", Some("2020-03-02"), WIRE),
                article("c", "Herald", None, WIRE),
                article(
                    "d",
                    "Times",
                    Some("2020-03-03"),
                    "Schools were the big winners of the council vote.",
                ),
                article("e", "Other", Some("2020-01-01"), "An unrelated story."),
                article(
                    "f",
                    "Other",
                    Some("2020-01-02"),
                    "An unrelated story again.",
                ),
            ],
            ..Corpus::default()
        }
    }

    fn alignment() -> Alignment {
        Alignment {
            families: vec![family(1, &[2, 0, 1])],
            stories: vec![Story {
                id: 1,
                articles: vec![0, 3],
            }],
            ..Alignment::default()
        }
    }

    #[test]
    fn stories_join_families_and_clusters_in_time_order() {
        let corpus = corpus();
        let list = stories(&alignment(), &corpus);
        assert_eq!(list.len(), 1, "articles in neither are in no story");
        let story = &list[0];
        assert_eq!(story.number, 1);
        // Dated by day, the undated copy last.
        assert_eq!(story.articles, vec![1, 3, 0, 2]);
        assert_eq!(story.families, vec![vec![1, 0, 2]]);
        assert_eq!(story.outlets, 4);
        assert_eq!(story.first, NaiveDate::from_ymd_opt(2020, 3, 2));
        assert_eq!(story.last, NaiveDate::from_ymd_opt(2020, 3, 4));
        assert_eq!(story.lead, "The council approved the budget on Monday.");
    }

    #[test]
    fn larger_stories_come_first_and_a_family_alone_is_a_story() {
        let corpus = corpus();
        let mut alignment = alignment();
        alignment.families.push(family(2, &[4, 5]));
        let list = stories(&alignment, &corpus);
        assert_eq!(list.len(), 2);
        assert_eq!((list[0].number, list[0].articles.len()), (1, 4));
        assert_eq!((list[1].number, list[1].articles.clone()), (2, vec![4, 5]));
    }

    #[test]
    fn each_copy_is_measured_against_the_earliest_of_its_family() {
        let corpus = corpus();
        let entry = &stories(&alignment(), &corpus)[0];
        let overlap = Overlap::new(&alignment(), &[1; 6]);
        let detail = StoryDetail::new(entry, &corpus, &overlap);
        let wire = detail.copy_of(1).unwrap();
        assert_eq!(
            (wire.base, wire.is_first, wire.family),
            (None, true, Some(0))
        );
        assert_eq!(wire.keeps(), 1.0);
        let post = detail.copy_of(0).unwrap();
        assert_eq!(post.base, Some(1));
        assert!(!post.is_first);
        // Keeps 12 of the wire's 19 words, adds "Critics said it was too small" (6).
        assert_eq!(post.base_words, 19);
        assert!(
            (post.keeps() - 12.0 / 19.0).abs() < 1e-6,
            "{}",
            post.keeps()
        );
        assert_eq!(post.added_words(), Some(6));
        assert_eq!(post.dropped_words(), Some(7));
        let herald = detail.copy_of(2).unwrap();
        assert_eq!((herald.keeps(), herald.added_words()), (1.0, Some(0)));
        // Outside any family: measured against the story's earliest, by the text they line
        // up with (nothing here), and no copy.
        let times = detail.copy_of(3).unwrap();
        assert_eq!(
            (times.base, times.family, times.is_first),
            (Some(1), None, false)
        );
        assert_eq!((times.keeps(), times.added_words()), (0.0, None));
    }

    #[test]
    fn an_undated_family_is_measured_against_the_aligner_s_reference() {
        let mut corpus = corpus();
        for article in &mut corpus.articles {
            article.meta.date = None;
        }
        let mut alignment = alignment();
        alignment.families[0].reference = 1;
        let story = &stories(&alignment, &corpus)[0];
        assert_eq!(story.families, vec![vec![1, 2, 0]]);
        let overlap = Overlap::new(&alignment, &[1; 6]);
        let detail = StoryDetail::new(story, &corpus, &overlap);
        let wire = detail.copy_of(1).unwrap();
        assert_eq!(
            (wire.base, wire.is_first),
            (None, false),
            "not known to be first"
        );
        assert_eq!(detail.copy_of(0).unwrap().base, Some(1));
    }

    #[test]
    fn timeline_puts_each_day_in_its_cell_and_headings_fit() {
        let d = |day| NaiveDate::from_ymd_opt(2018, 6, day).unwrap();
        assert_eq!(timeline_strip(d(1), d(1), d(3), 5), "●····");
        assert_eq!(timeline_strip(d(2), d(1), d(3), 5), "··●··");
        assert_eq!(timeline_strip(d(3), d(1), d(3), 5), "····●");
        assert_eq!(timeline_strip(d(3), d(3), d(3), 4), "●···");
        assert_eq!(timeline_cell(d(9), d(1), d(3), 5), 4, "clamped");
        assert_eq!(timeline_heading(d(1), d(3), 14), "06-01    06-03");
        assert_eq!(timeline_heading(d(1), d(3), 8), "06-01   ");
        assert_eq!(timeline_heading(d(1), d(3), 3), "   ");
        for w in 0..20 {
            assert_eq!(timeline_heading(d(1), d(3), w).chars().count(), w);
        }
        assert_eq!(family_name(0), "A");
        assert_eq!(family_name(25), "Z");
        assert_eq!(family_name(26), "27");
    }
}
