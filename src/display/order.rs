//! The orders the lists are shown in, so that every list can say what its order is: a list
//! sorted by one of its columns ([`Sort`], the same keys on every list), the shared
//! passages sorted by a column ([`GroupSort`]), the articles of the overlap matrix
//! laid out in story blocks ([`story_blocks`]), and the library grouped by story
//! ([`group_by_story`]).

use std::cmp::Ordering;

use crate::align::family::Story;

/// A column the shared-passages list can be sorted by, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupColumn {
    /// How many outlets carry the passage (an article without an outlet counts on its own).
    Outlets,
    /// The earliest date among its articles.
    Date,
    /// How many articles carry it.
    Articles,
    /// How surely its members say one thing.
    Score,
}

impl GroupColumn {
    pub const ALL: [GroupColumn; 4] = [
        GroupColumn::Outlets,
        GroupColumn::Date,
        GroupColumn::Articles,
        GroupColumn::Score,
    ];

    /// The column heading.
    pub fn name(self) -> &'static str {
        match self {
            GroupColumn::Outlets => "Outlets",
            GroupColumn::Date => "Earliest",
            GroupColumn::Articles => "Articles",
            GroupColumn::Score => "Score",
        }
    }
}

impl SortKey for GroupColumn {
    const ALL: &'static [GroupColumn] = &GroupColumn::ALL;

    /// Counts and scores read best largest first, dates oldest first (as the library).
    fn is_descending_first(self) -> bool {
        !matches!(self, GroupColumn::Date)
    }
}

/// What a list can be sorted by: one of its columns.
pub trait SortKey: Copy + Eq + std::fmt::Debug + 'static {
    /// The columns a list sorts by, from the left: the order `s` goes round them in, and
    /// the columns the number keys name.
    const ALL: &'static [Self];
    /// The direction a first sort by this column takes (counts: most first; dates and
    /// names: from the start).
    fn is_descending_first(self) -> bool;
    /// The column `s` sorts by after this one.
    fn next(self) -> Self {
        next_of(Self::ALL, self)
    }
}

/// The key after `key` in `all`, round to the first (the first when `key` is not there).
pub fn next_of<K: PartialEq + Copy>(all: &[K], key: K) -> K {
    let i = all.iter().position(|&k| k == key).map_or(0, |i| i + 1);
    all[i % all.len()]
}

/// The order of a list: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<K> {
    pub column: K,
    pub is_descending: bool,
}

/// The order of the shared-passages list.
pub type GroupSort = Sort<GroupColumn>;

impl Default for GroupSort {
    /// Most outlets first: the listing order of the groups (see [`super::AlignmentIndex`]).
    fn default() -> GroupSort {
        GroupSort::by(GroupColumn::Outlets)
    }
}

impl<K: SortKey> Sort<K> {
    /// Sorted by `column` in its first direction.
    pub fn by(column: K) -> Sort<K> {
        Sort {
            column,
            is_descending: column.is_descending_first(),
        }
    }

    /// What a key asking for `column` does: the other direction if the list is sorted by
    /// it already, else that column in its first direction (the library's behaviour).
    pub fn toggled(self, column: K) -> Sort<K> {
        if self.column == column {
            self.reversed()
        } else {
            Sort::by(column)
        }
    }

    pub fn reversed(self) -> Sort<K> {
        Sort {
            is_descending: !self.is_descending,
            ..self
        }
    }

    /// The next column, in its first direction.
    pub fn cycled(self) -> Sort<K> {
        Sort::by(self.column.next())
    }

    /// `▼` when descending, `▲` when ascending.
    pub fn arrow(self) -> char {
        if self.is_descending {
            '▼'
        } else {
            '▲'
        }
    }

    /// Sorts `view` (indices of rows) in this order: `compare` orders two rows by the
    /// column, `is_missing` says a row has no value in it. Rows without a value come last
    /// whichever the direction; ties keep the indices' order.
    pub fn sort_view(
        self,
        view: &mut [usize],
        is_missing: impl Fn(usize) -> bool,
        compare: impl Fn(usize, usize) -> Ordering,
    ) {
        view.sort_by(|&a, &b| {
            let order = compare(a, b);
            let order = if self.is_descending {
                order.reverse()
            } else {
                order
            };
            is_missing(a)
                .cmp(&is_missing(b))
                .then(order)
                .then(a.cmp(&b))
        });
    }
}

/// What a shared passage is sorted by.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupKey {
    pub outlets: usize,
    pub articles: usize,
    /// The earliest date (`YYYY-MM-DD`) among its articles, if any has one.
    pub date: Option<String>,
    pub score: f32,
}

/// Sorts `view` (indices into `keys`, in listing order) by `sort`. Ties keep the listing
/// order, and passages without a date come last whichever the direction.
pub fn sort_groups(keys: &[GroupKey], view: &mut [usize], sort: GroupSort) {
    sort.sort_view(
        view,
        |i| sort.column == GroupColumn::Date && keys[i].date.is_none(),
        |a, b| {
            let (ka, kb) = (&keys[a], &keys[b]);
            match sort.column {
                GroupColumn::Outlets => ka.outlets.cmp(&kb.outlets),
                GroupColumn::Date => ka.date.cmp(&kb.date),
                GroupColumn::Articles => ka.articles.cmp(&kb.articles),
                GroupColumn::Score => ka.score.total_cmp(&kb.score),
            }
        },
    );
}

/// A run of articles of one story, as the overlap matrix lays them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryBlock {
    /// The story's number ([`Story::id`]); `None` for the articles in no story.
    pub story: Option<usize>,
    /// Corpus indices, oldest first.
    pub articles: Vec<usize>,
}

/// The articles `shown` (corpus indices) laid out so that each story is one block: the
/// stories with most articles shown first (ties: the story's number), the articles of a
/// story by date (undated last, ties by corpus order), and the articles in no story last,
/// by date too. `dates` is indexed by corpus index; any date type that sorts by time does.
///
/// Linear in the articles shown and the stories' sizes, plus the sorts.
pub fn story_blocks<D: Ord>(
    shown: &[usize],
    stories: &[Story],
    dates: &[Option<D>],
) -> Vec<StoryBlock> {
    let n = dates.len();
    // Position in `stories` of each article's story.
    let mut story_of: Vec<Option<usize>> = vec![None; n];
    for (s, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            if let Some(slot) = story_of.get_mut(a) {
                slot.get_or_insert(s);
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); stories.len()];
    let mut alone = Vec::new();
    for &a in shown.iter().filter(|&&a| a < n) {
        match story_of[a] {
            Some(s) => members[s].push(a),
            None => alone.push(a),
        }
    }
    let by_date = |list: &mut Vec<usize>| {
        list.sort_by(|&a, &b| {
            let (da, db) = (&dates[a], &dates[b]);
            da.is_none()
                .cmp(&db.is_none())
                .then_with(|| da.cmp(db))
                .then(a.cmp(&b))
        });
    };
    let mut blocks: Vec<StoryBlock> = members
        .into_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(s, mut list)| {
            by_date(&mut list);
            StoryBlock {
                story: Some(stories[s].id),
                articles: list,
            }
        })
        .collect();
    blocks.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.story.cmp(&b.story))
    });
    if !alone.is_empty() {
        by_date(&mut alone);
        blocks.push(StoryBlock {
            story: None,
            articles: alone,
        });
    }
    blocks
}

/// Per corpus index, the number ([`Story::id`]) of the story the article is in, if any.
pub fn story_of(stories: &[Story], articles: usize) -> Vec<Option<usize>> {
    let mut of = vec![None; articles];
    for story in stories {
        for &a in &story.articles {
            if let Some(slot) = of.get_mut(a) {
                slot.get_or_insert(story.id);
            }
        }
    }
    of
}

/// Regroups `view` (corpus indices, in a list's order) story by story, as the matrix lays
/// them out: the story with most articles in `view` first (ties: its number), the articles
/// in no story last; within a block the list's order is kept (a stable sort).
pub fn group_by_story(view: &mut [usize], story_of: &[Option<usize>]) {
    let story = |a: usize| story_of.get(a).copied().flatten();
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &a in view.iter() {
        if let Some(s) = story(a) {
            *counts.entry(s).or_default() += 1;
        }
    }
    view.sort_by_key(|&a| match story(a) {
        Some(s) => (false, std::cmp::Reverse(counts[&s]), s),
        None => (true, std::cmp::Reverse(0), 0),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn key(outlets: usize, articles: usize, date: Option<&str>, score: f32) -> GroupKey {
        GroupKey {
            outlets,
            articles,
            date: date.map(String::from),
            score,
        }
    }

    fn sorted(keys: &[GroupKey], sort: GroupSort) -> Vec<usize> {
        let mut view: Vec<usize> = (0..keys.len()).collect();
        sort_groups(keys, &mut view, sort);
        view
    }

    #[test]
    fn groups_sort_by_each_column_ties_in_listing_order_and_undated_last() {
        let keys = [
            key(4, 6, Some("2015-10-25"), 0.39),
            key(3, 3, None, 0.42),
            key(3, 5, Some("2015-10-09"), 1.0),
            key(2, 2, Some("2015-10-25"), 0.30),
        ];
        let by = |column, is_descending| {
            sorted(
                &keys,
                GroupSort {
                    column,
                    is_descending,
                },
            )
        };
        assert_eq!(by(GroupColumn::Outlets, true), [0, 1, 2, 3]);
        assert_eq!(by(GroupColumn::Outlets, false), [3, 1, 2, 0]);
        assert_eq!(by(GroupColumn::Articles, true), [0, 2, 1, 3]);
        assert_eq!(by(GroupColumn::Date, false), [2, 0, 3, 1]);
        assert_eq!(by(GroupColumn::Date, true), [0, 3, 2, 1]);
        assert_eq!(by(GroupColumn::Score, true), [2, 1, 0, 3]);
        assert_eq!(by(GroupColumn::Score, false), [3, 0, 1, 2]);
    }

    #[test]
    fn group_sort_keys_behave_as_the_library_s() {
        let sort = GroupSort::default();
        assert_eq!((sort.column, sort.arrow()), (GroupColumn::Outlets, '▼'));
        // Asking for the column sorted by reverses it; another column starts its own way.
        assert!(!sort.toggled(GroupColumn::Outlets).is_descending);
        assert_eq!(
            sort.toggled(GroupColumn::Date),
            GroupSort {
                column: GroupColumn::Date,
                is_descending: false
            }
        );
        let mut cycled = sort;
        let mut seen = Vec::new();
        for _ in 0..4 {
            cycled = cycled.cycled();
            seen.push(cycled.column);
        }
        assert_eq!(
            seen,
            [
                GroupColumn::Date,
                GroupColumn::Articles,
                GroupColumn::Score,
                GroupColumn::Outlets
            ]
        );
        assert_eq!(sort.reversed().reversed(), sort);
    }

    fn story(id: usize, articles: &[usize]) -> Story {
        Story {
            id,
            articles: articles.to_vec(),
        }
    }

    #[test]
    fn story_blocks_put_the_biggest_story_first_and_each_story_in_date_order() {
        let stories = [story(1, &[0, 2, 4, 6]), story(2, &[1, 3, 5])];
        let dates = [
            Some(5),
            Some(3),
            None,
            Some(1),
            Some(2),
            Some(9),
            Some(2),
            None,
            Some(0),
        ];
        let all: Vec<usize> = (0..9).collect();
        assert_eq!(
            story_blocks(&all, &stories, &dates),
            [
                StoryBlock {
                    story: Some(1),
                    articles: vec![4, 6, 0, 2]
                },
                StoryBlock {
                    story: Some(2),
                    articles: vec![3, 1, 5]
                },
                StoryBlock {
                    story: None,
                    articles: vec![8, 7]
                },
            ]
        );
        // Filtered, story 2 has more articles shown than story 1 and comes first; a story
        // with none shown is no block.
        let shown = [5, 1, 3, 6, 8];
        assert_eq!(
            story_blocks(&shown, &stories, &dates),
            [
                StoryBlock {
                    story: Some(2),
                    articles: vec![3, 1, 5]
                },
                StoryBlock {
                    story: Some(1),
                    articles: vec![6]
                },
                StoryBlock {
                    story: None,
                    articles: vec![8]
                },
            ]
        );
        assert_eq!(story_blocks(&[], &stories, &dates), []);
        // Out-of-range indices (a stale alignment) are dropped, not a panic.
        let blocks = story_blocks(&[0, 99], &[story(1, &[0, 99])], &dates);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].articles, [0]);
    }

    #[test]
    fn grouping_by_story_keeps_the_list_order_within_each_story() {
        let stories = [story(1, &[0, 2, 4, 6]), story(2, &[1, 3, 5])];
        let of = story_of(&stories, 9);
        assert_eq!(of[6], Some(1));
        assert_eq!(of[7], None);
        // A list sorted some way (say by title): 8 7 6 5 4 3 2 1 0.
        let mut view: Vec<usize> = (0..9).rev().collect();
        group_by_story(&mut view, &of);
        assert_eq!(view, [6, 4, 2, 0, 5, 3, 1, 8, 7]);
        // Filtered to fewer of story 1 than of story 2: story 2 first.
        let mut view = vec![0, 1, 3, 5, 8];
        group_by_story(&mut view, &of);
        assert_eq!(view, [1, 3, 5, 0, 8]);
    }
}
