//! Lists that say their order: the shared passages sorted with the library's keys, the
//! sort column always shown, and the overlap matrix following the library's filter in story
//! blocks.

use super::*;
use pretty_assertions::assert_eq;

/// The text of the heading row (the body's first row).
fn heading(h: &Harness) -> String {
    h.rows()[1].clone()
}

#[test]
fn shared_passages_sort_with_the_library_keys_and_mark_the_column() {
    let mut h = Harness::sample(120, 40);
    h.press("p");
    assert!(heading(&h).contains("Outlets ▼"), "{}", heading(&h));
    // Most outlets first: the 4-outlet passage leads.
    assert!(
        h.rows()[2].starts_with("         4 2015-10-25"),
        "{}",
        h.rows()[2]
    );

    // 2: by earliest date, oldest first, undated passages last.
    h.press("2");
    assert!(heading(&h).contains("Earliest ▲"), "{}", heading(&h));
    assert!(!heading(&h).contains("Outlets ▼"));
    let dates: Vec<bool> = (2..11)
        .map(|y| h.rows()[y].contains("2015-10-25"))
        .collect();
    assert_eq!(
        dates,
        [true, true, true, false, false, false, false, false, false]
    );
    // Again: reversed, undated still last.
    h.press("2");
    assert!(heading(&h).contains("Earliest ▼"), "{}", heading(&h));
    assert!(h.rows()[2].contains("2015-10-25") && !h.rows()[10].contains("2015-10-25"));

    // 4: by score, best first; S reverses; s goes on to the next column.
    h.press("4");
    assert!(heading(&h).contains("Score ▼"), "{}", heading(&h));
    assert!(h.rows()[2].contains(" 1.00 "), "{}", h.rows()[2]);
    h.press("S");
    assert!(heading(&h).contains("Score ▲"));
    assert!(h.rows()[2].contains(" 0.30 "), "{}", h.rows()[2]);
    h.press("s");
    assert!(heading(&h).contains("Outlets ▼"), "{}", heading(&h));
    h.press("3");
    assert!(heading(&h).contains("Articles ▼"), "{}", heading(&h));

    // A click on a heading sorts by its column.
    let (x, y) = find_cell(&h, "Earliest");
    h.click(x, y);
    assert!(heading(&h).contains("Earliest ▲"), "{}", heading(&h));

    // The selection follows its passage through a sort, and Enter opens that passage.
    h.press("G");
    let selected = |h: &Harness| match h.app.top() {
        Some(Open::Groups(groups)) => groups.selected(),
        _ => None,
    };
    let before = selected(&h);
    assert!(h.rows()[39].ends_with("9/9 "), "{}", h.rows()[39]);
    h.press("1");
    assert_eq!(selected(&h), before);
    assert!(!h.rows()[39].ends_with("9/9 "), "{}", h.rows()[39]);
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Group);
}

#[test]
fn shared_passages_sorted_by_date_snapshot_120x40() {
    let mut h = Harness::sample(120, 40);
    h.press("p2");
    insta::assert_snapshot!("groups_by_date_120x40", h.terminal.backend());
}

#[test]
fn shared_passages_snapshot_60x20_keeps_the_sort_column() {
    let mut h = Harness::sample(60, 20);
    h.press("p");
    insta::assert_snapshot!("groups_60x20", h.terminal.backend());
    // The score is left out at this width, unless the list is sorted by it.
    assert!(!heading(&h).contains("Score"));
    h.press("4");
    assert!(heading(&h).contains("Score ▼"), "{}", heading(&h));
    insta::assert_snapshot!("groups_by_score_60x20", h.terminal.backend());
}

#[test]
fn library_at_60x20_shows_the_column_it_is_sorted_by_even_when_narrow() {
    let mut h = Harness::sample(60, 20);
    assert!(!heading(&h).contains("Shared"), "{}", heading(&h));
    h.press("6");
    assert!(heading(&h).contains("Shared ▼"), "{}", heading(&h));
    insta::assert_snapshot!("library_by_shared_60x20", h.terminal.backend());
    h.press("5");
    assert!(heading(&h).contains("Id ▲"), "{}", heading(&h));
}

/// The sample, aligned as the fixture says, with two stories: 001, 002 and 004 (undated),
/// then 000 (dated) and 003.
fn sample_with_stories(width: u16, height: u16) -> Harness {
    let corpus = Corpus::sample(&LoadOptions::default());
    let mut alignment = sample_alignment(&corpus);
    alignment.stories = vec![
        crate::align::family::Story {
            id: 1,
            articles: vec![1, 2, 4],
        },
        crate::align::family::Story {
            id: 2,
            articles: vec![0, 3],
        },
    ];
    Harness::aligned(
        corpus,
        alignment,
        Keymap::default(),
        Theme::default(),
        width,
        height,
    )
}

#[test]
fn the_matrix_lays_out_stories_in_blocks_largest_first_each_by_date() {
    let mut h = sample_with_stories(120, 40);
    h.press("m");
    assert_eq!(matrix(&h.app).order(), [1, 2, 4, 0, 3]);
    let text = h.screen_text();
    assert!(
        h.rows()[1].starts_with(" 5 articles · in story blocks, most articles first, each by date"),
        "{text}"
    );
    // Story labels on the first row of each block, a bar after the block's last column.
    assert!(text.contains(" S1 1 001 TRT World"), "{text}");
    assert!(text.contains("    2 002"), "{text}");
    assert!(text.contains(" S2 4 000 Global Research"), "{text}");
    assert!(h.rows()[2].contains("3 │  4"), "{}", h.rows()[2]);
    // A line under the block's last row (003's row is the last of all: none there).
    let (_, y) = find_cell(&h, "3 004");
    assert!(h.buffer()[(30, y)].modifier.contains(Modifier::UNDERLINED));
    let (_, y) = find_cell(&h, "5 003");
    assert!(!h.buffer()[(30, y)].modifier.contains(Modifier::UNDERLINED));
    insta::assert_snapshot!("matrix_stories_120x40", h.terminal.backend());

    // Cells are the pairs' shares whatever the order: 003 × 004 is 15%.
    h.press("jjjjl");
    assert_eq!(matrix(&h.app).selected(), (3, 4));
    assert!(
        h.rows()[39].ends_with("003 × 004 · 15% of 003 · 9% of 004 "),
        "{}",
        h.rows()[39]
    );
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Compare);
}

#[test]
fn the_matrix_at_60x20_keeps_story_labels_and_numbers() {
    let mut h = sample_with_stories(60, 20);
    h.press("m");
    insta::assert_snapshot!("matrix_stories_60x20", h.terminal.backend());
    let text = h.screen_text();
    assert!(text.contains(" S1 1 "), "{text}");
    assert!(text.contains(" S2 4 "), "{text}");
}

#[test]
fn the_matrix_shows_only_the_articles_the_library_filter_keeps() {
    let mut h = sample_with_stories(120, 40);
    h.press("/sputnik war<Enter>");
    assert_eq!(h.app.library.view().len(), 0, "both words in one article");
    h.press("<Esc>/syria<Enter>");
    let mut kept = h.app.library.view().to_vec();
    assert!(kept.len() > 1 && kept.len() < 5, "{kept:?}");
    h.press("m");
    let mut shown = matrix(&h.app).order().to_vec();
    let title = h.rows()[1].clone();
    assert!(
        title.starts_with(&format!(
            " {} of 5 articles, filter: “syria” · ",
            kept.len()
        )),
        "{title}"
    );
    insta::assert_snapshot!("matrix_filtered_120x40", h.terminal.backend());
    kept.sort_unstable();
    shown.sort_unstable();
    assert_eq!(shown, kept);

    // A filter that keeps nothing: the matrix says so.
    h.press("<Esc><Esc>/zzz<Enter>m");
    assert!(
        h.screen_text()
            .contains("No article matches the library's filter “zzz”."),
        "{}",
        h.screen_text()
    );
}

#[test]
fn the_library_groups_its_articles_by_story_and_back() {
    let mut h = sample_with_stories(120, 40);
    let order = |h: &Harness| h.app.library.view().to_vec();
    assert_eq!(
        order(&h),
        [0, 1, 2, 3, 4],
        "by date: 000 is the only dated one"
    );
    h.press("T");
    // Story 1 (three articles) first, then story 2, each in the list's order (by date).
    assert_eq!(order(&h), [1, 2, 4, 0, 3]);
    assert!(
        h.rows()[0].ends_with("by story, date ▲ "),
        "{}",
        h.rows()[0]
    );
    let text = h.screen_text();
    assert!(h.rows()[2].starts_with(" S1 TRT World"), "{text}");
    assert!(h.rows()[5].starts_with(" S2 Global Research"), "{text}");
    // A line under the last row of story 1.
    assert!(h.buffer()[(10, 4)].modifier.contains(Modifier::UNDERLINED));
    assert!(!h.buffer()[(10, 3)].modifier.contains(Modifier::UNDERLINED));
    insta::assert_snapshot!("library_by_story_120x40", h.terminal.backend());

    // The sort still orders each story: by words, longest first.
    h.press("4");
    let words: Vec<usize> = order(&h)
        .iter()
        .map(|&a| h.app.corpus.articles[a].words)
        .collect();
    assert!(words[0] >= words[1] && words[1] >= words[2], "{words:?}");
    assert!(words[3] >= words[4], "{words:?}");
    assert_eq!(
        order(&h)[..3]
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>(),
        [1, 2, 4].into()
    );

    // Enter reads the selected article; J reads the next one of the grouped list.
    h.press("g<Enter>J");
    assert_eq!(h.app.screen(), Screen::Reader);
    h.press("q");
    h.press("T");
    assert!(h.rows()[0].ends_with("by words ▼ "), "{}", h.rows()[0]);
    assert!(!h.screen_text().contains(" S1 "));
}

#[test]
fn the_library_by_story_at_60x20() {
    let mut h = sample_with_stories(60, 20);
    h.press("T");
    insta::assert_snapshot!("library_by_story_60x20", h.terminal.backend());
    assert!(h.rows()[2].starts_with(" S1 "), "{}", h.rows()[2]);
}

#[test]
fn without_stories_the_library_says_it_cannot_group() {
    let corpus = Corpus::sample(&LoadOptions::default());
    let mut alignment = sample_alignment(&corpus);
    alignment.stories.clear();
    let mut h = Harness::aligned(
        corpus,
        alignment,
        Keymap::default(),
        Theme::default(),
        120,
        40,
    );
    h.press("T");
    assert!(
        h.rows()[39].contains("No story: no two articles tell one event."),
        "{}",
        h.rows()[39]
    );
    assert!(h.rows()[0].ends_with("by date ▲ "));
}

#[test]
fn on_a_group_opened_from_a_sorted_list_next_and_previous_follow_the_list() {
    let mut h = Harness::sample(120, 40);
    let shown = |h: &Harness| match h.app.top() {
        Some(Open::Group(group)) => group.group(),
        _ => panic!("no group on top: {:?}", h.app.screen()),
    };
    let listed = |h: &mut Harness| {
        let order: Vec<usize> = (0..9)
            .map(|_| {
                let g = match h.app.top() {
                    Some(Open::Groups(list)) => list.selected().unwrap(),
                    _ => panic!("no list"),
                };
                h.press("j");
                g
            })
            .collect();
        order
    };
    // By score, lowest first: an order unlike the groups' own.
    h.press("p4Sg");
    let order = listed(&mut h);
    assert_ne!(order, (0..9).collect::<Vec<_>>());
    h.press("g<Enter>");
    assert_eq!(shown(&h), order[0]);
    h.press("]");
    assert_eq!(shown(&h), order[1]);
    h.press("]]");
    assert_eq!(shown(&h), order[3]);
    h.press("[");
    assert_eq!(shown(&h), order[2]);
    // The list beneath follows.
    h.press("<Esc>");
    assert!(h.rows()[39].ends_with("3/9 "), "{}", h.rows()[39]);
    h.press("G<Enter>]");
    assert_eq!(shown(&h), order[8]);
    assert!(
        h.rows()[39].contains("This is the last shared passage."),
        "{}",
        h.rows()[39]
    );
}

/// Going back to a list, by its key as by `Esc`, finds it as it was left: its sort, its
/// filter and its selection.
#[test]
fn a_list_keeps_its_sort_filter_and_selection_when_opened_again() {
    let mut h = Harness::sample(120, 40);
    h.press("p2/iraq<Enter>j");
    let status = |h: &Harness| h.rows().last().cloned().unwrap_or_default();
    let list_state = |h: &Harness| (heading(h), status(h));
    assert!(heading(&h).contains("Earliest ▲"), "{}", heading(&h));
    assert!(status(&h).contains("/iraq · "), "{}", status(&h));
    let left = list_state(&h);
    // Open a passage, then ask for the list by its key: the same list, not a new one.
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Group);
    h.press("p");
    assert_eq!(h.app.screen(), Screen::Groups);
    assert_eq!(list_state(&h), left);
    // From a passage and the matrix opened on top of it too.
    h.press("<Enter>m");
    assert_eq!(h.app.screen(), Screen::Matrix);
    h.press("p");
    assert_eq!(list_state(&h), left);
    // The stories list likewise.
    h.press("t");
    assert_eq!(h.app.screen(), Screen::Stories);
    h.press("S");
    let stories = list_state(&h);
    assert!(stories.0.contains("Articles ▲"), "{}", stories.0);
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Story);
    h.press("t");
    assert_eq!(list_state(&h), stories);
}
