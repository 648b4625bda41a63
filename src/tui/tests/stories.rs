//! The stories list and the story screen, on a hand-made folder (`tests/fixtures/stories`):
//! an AP story run by three outlets (two on the same day, one two days later with its last
//! paragraph replaced), a radio piece on the same event in its own words, and an unrelated
//! sports report. The alignment is given by hand (one family, one story), as the aligner
//! finds it on that folder.

use super::*;
use crate::align::family::{CopyChanges, Family, FamilyMember, Story};
use crate::tui::export::Target;
use pretty_assertions::assert_eq;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories")
}

fn stories_harness(width: u16, height: u16) -> Harness {
    let corpus = Corpus::load(&[folder()], &LoadOptions::default());
    let at = |id: &str| {
        corpus
            .articles
            .iter()
            .position(|a| a.id == id)
            .unwrap_or_else(|| panic!("no {id} in the fixture"))
    };
    let member = |id: &str| FamilyMember {
        article: at(id),
        copy_of: None,
        changes: CopyChanges::default(),
    };
    let alignment = Alignment {
        families: vec![Family {
            id: 1,
            reference: at("1-ledger"),
            members: vec![member("1-ledger"), member("2-metro"), member("3-herald")],
        }],
        stories: vec![Story {
            id: 1,
            articles: ["1-ledger", "2-metro", "3-herald", "4-radio"]
                .map(at)
                .into(),
        }],
        ..Alignment::default()
    };
    Harness::aligned(
        corpus,
        alignment,
        Keymap::default(),
        Theme::default(),
        width,
        height,
    )
}

/// The row of the screen that holds `text`.
#[track_caller]
fn row_with(h: &Harness, text: &str) -> usize {
    h.rows()
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?}:\n{}", h.screen_text()))
}

fn status(h: &Harness) -> String {
    h.rows().last().cloned().unwrap_or_default()
}

#[test]
fn stories_snapshots() {
    let mut h = stories_harness(120, 40);
    h.press("t");
    assert_eq!(h.app.screen(), Screen::Stories);
    insta::assert_snapshot!("stories_120x40", h.terminal.backend());
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Story);
    insta::assert_snapshot!("story_120x40", h.terminal.backend());

    let mut h = stories_harness(60, 20);
    h.press("t");
    insta::assert_snapshot!("stories_60x20", h.terminal.backend());
    h.press("<Enter>");
    insta::assert_snapshot!("story_60x20", h.terminal.backend());
}

#[test]
fn the_story_lists_its_copies_in_date_order_with_their_outlets_and_changes() {
    let mut h = stories_harness(120, 40);
    h.press("t");
    let row = &h.rows()[row_with(&h, "RIVERTON (AP)")];
    // Four articles, four outlets, from the 2nd to the 5th; the sports report is no story.
    assert!(row.contains("4         4 2024-04-02 2024-04-05"), "{row}");
    assert!(!h.screen_text().contains("Rovers"));
    h.press("<Enter>");
    let order: Vec<usize> = [
        "Lakeside Ledger",
        "Metro Daily",
        "Valley Herald",
        "City Radio",
    ]
    .map(|outlet| row_with(&h, outlet))
    .into();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let ledger = &h.rows()[order[0]];
    assert!(
        ledger.contains("04-02") && ledger.contains("The Associated Press"),
        "{ledger}"
    );
    assert!(ledger.contains("A first"), "{ledger}");
    // One word changed in Metro Daily; Valley Herald replaced its last paragraph.
    let metro = &h.rows()[order[1]];
    assert!(
        metro.contains("99%") && metro.contains("+1") && metro.contains("−1"),
        "{metro}"
    );
    let herald = &h.rows()[order[2]];
    assert!(
        herald.contains("04-04") && herald.contains(" A "),
        "{herald}"
    );
    assert!(herald.contains("+24"), "{herald}");
    // The radio piece is outside the family: measured against the earliest, keeping little.
    let radio = &h.rows()[order[3]];
    assert!(radio.contains(" — ") && radio.contains("04-05"), "{radio}");
    // The time axis: the first copies at its left end, the last at its right end.
    assert!(ledger.contains("●···"), "{ledger}");
    assert!(radio.contains("···●"), "{radio}");
    let heading = &h.rows()[order[0] - 1];
    assert!(
        heading.contains("04-02") && heading.contains("04-05"),
        "{heading}"
    );
}

#[test]
fn c_compares_a_copy_with_the_earliest_and_marked_copies_with_each_other() {
    let mut h = stories_harness(120, 40);
    h.press("t<Enter>jj");
    h.press("c");
    assert_eq!(h.app.screen(), Screen::Compare);
    let title = &h.rows()[1];
    assert!(
        title.contains("1-ledger") && title.contains("3-herald"),
        "the earliest on the left: {title}"
    );
    assert!(
        title.find("1-ledger") < title.find("3-herald"),
        "the earliest on the left: {title}"
    );
    // Back on the story, two marked copies are compared with each other.
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Story);
    h.press("g<Space><Space>");
    assert!(status(&h).contains("2 marked"), "{}", status(&h));
    assert!(h.rows()[row_with(&h, "Lakeside Ledger")].contains('●'));
    h.press("<Enter>");
    let title = &h.rows()[1];
    assert!(
        title.contains("1-ledger") && title.contains("2-metro"),
        "{title}"
    );
    // On the earliest copy without marks: compared with the next copy of its family.
    h.press("<Esc>g<Space><Space>g");
    assert!(!status(&h).contains("marked"), "{}", status(&h));
    h.press("c");
    let title = &h.rows()[1];
    assert!(
        title.contains("1-ledger") && title.contains("2-metro"),
        "{title}"
    );
}

#[test]
fn the_stories_list_filters_and_sorts_with_the_column_shown() {
    let corpus_rows = |h: &Harness| {
        h.rows()
            .iter()
            .filter(|r| r.contains("RIVERTON") || r.contains("Rovers"))
            .count()
    };
    let mut h = stories_harness(120, 40);
    h.press("t");
    assert!(h.rows()[1].contains("Articles ▼"), "{}", h.rows()[1]);
    h.press("s");
    assert!(h.rows()[1].contains("Outlets ▼"), "{}", h.rows()[1]);
    h.press("sS");
    assert!(h.rows()[1].contains("First ▼"), "{}", h.rows()[1]);
    h.press("/herald");
    assert_eq!(corpus_rows(&h), 1);
    assert!(status(&h).contains("/herald▏ · 1 of 1"), "{}", status(&h));
    h.press("x");
    assert!(h.screen_text().contains("No story matches “heraldx”."));
    h.press("<Esc>");
    assert_eq!(corpus_rows(&h), 1);
    assert_eq!(h.app.screen(), Screen::Stories);
}

#[test]
fn e_on_the_story_screen_writes_both_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = stories_harness(120, 40);
    h.app.export = Some(Target {
        dir: dir.path().to_path_buf(),
        paths: vec![PathBuf::from("tests/fixtures/stories")],
        options: vec![],
    });
    h.press("t<Enter>e");
    assert!(
        status(&h).contains("Wrote crossread-story-1.html and crossread-story-1.md"),
        "{}",
        status(&h)
    );
    let md = std::fs::read_to_string(dir.path().join("crossread-story-1.md")).unwrap();
    assert!(
        md.starts_with("# Story 1: 4 articles, 4 outlets, 2024-04-02 to 2024-04-05\n"),
        "{md}"
    );
    assert!(
        md.contains("| 2024-04-04 | Valley Herald | The Associated Press | A |"),
        "{md}"
    );
    assert!(
        md.contains("Added:\n\n> Truck drivers in the valley"),
        "{md}"
    );
    assert!(
        md.contains(
            "crossread export story 1 --html crossread-story-1.html --md crossread-story-1.md tests/fixtures/stories"
        ),
        "{md}"
    );
    let html = std::fs::read_to_string(dir.path().join("crossread-story-1.html")).unwrap();
    assert!(html.contains("<td>Valley Herald</td>"));
    h.press("e");
    assert!(
        status(&h).contains("crossread-story-1-2.html"),
        "{}",
        status(&h)
    );
}

#[test]
fn the_sample_has_one_story_without_families() {
    let mut h = Harness::sample(120, 40);
    h.press("t");
    assert_eq!(h.app.screen(), Screen::Stories);
    h.press("<Enter>");
    assert!(
        h.screen_text().contains("Story 1 · 5 articles · 5 outlets"),
        "{}",
        h.screen_text()
    );
    assert!(h.screen_text().contains("no copies"));
    // No family: the earliest dated article is the one the others are measured against.
    let row = &h.rows()[row_with(&h, "Global Research")];
    assert!(row.contains("— first"), "{row}");
}

#[test]
fn story_screens_never_panic_or_overflow_at_tiny_sizes() {
    let mut h = stories_harness(120, 40);
    h.press("t");
    for (w, hgt) in [(0, 0), (1, 1), (2, 3), (10, 4), (20, 6), (33, 9), (59, 19)] {
        h.resize(w, hgt);
        h.press("<Enter>jj<Space>k");
        h.resize(w, hgt);
        h.press("<Esc>");
    }
    assert_eq!(h.app.screen(), Screen::Stories);
}

#[test]
fn mouse_sorts_by_a_heading_selects_and_opens() {
    let mut h = stories_harness(120, 40);
    h.press("t");
    let (x, y) = find_text(&h, "Outlets");
    h.click(x, y);
    assert!(h.rows()[1].contains("Outlets ▼"), "{}", h.rows()[1]);
    h.click(x, y);
    assert!(h.rows()[1].contains("Outlets ▲"), "{}", h.rows()[1]);
    // A click on the selected row opens it; on the story, a click on the selected copy
    // compares it.
    let y = row_with(&h, "RIVERTON") as u16;
    h.click(10, y);
    assert_eq!(h.app.screen(), Screen::Story);
    let y = row_with(&h, "Valley Herald") as u16;
    h.click(10, y);
    assert_eq!(h.app.screen(), Screen::Story);
    h.click(10, y);
    assert_eq!(h.app.screen(), Screen::Compare);
    assert!(h.rows()[1].contains("3-herald"), "{}", h.rows()[1]);
}

#[test]
fn the_time_axis_and_marks_are_drawn_in_the_accent_colour() {
    let mut h = stories_harness(120, 40);
    h.press("t<Enter>j<Space>");
    let theme = Theme::default();
    assert!(theme.accent().fg.is_some());
    let y = row_with(&h, "City Radio");
    let x = h.rows()[y].chars().position(|c| c == '●').expect("a dot") as u16;
    assert_eq!(Some(h.buffer()[(x, y as u16)].fg), theme.accent().fg);
    // The mark, in the first column of the marked (no longer selected) row.
    let y = row_with(&h, "Metro Daily") as u16;
    assert_eq!(h.buffer()[(1, y)].symbol(), "●");
    assert_eq!(Some(h.buffer()[(1, y)].fg), theme.accent().fg);
}

#[test]
fn the_story_sorts_its_copies_by_a_heading_and_compares_the_copy_selected() {
    let mut h = stories_harness(120, 40);
    h.press("t<Enter>");
    let heading = |h: &Harness| h.rows()[row_with(h, "Outlet")].clone();
    assert!(heading(&h).contains("Date ▲"), "{}", heading(&h));
    let order = |h: &Harness| -> Vec<usize> {
        [
            "Lakeside Ledger",
            "Metro Daily",
            "Valley Herald",
            "City Radio",
        ]
        .map(|outlet| row_with(h, outlet))
        .into()
    };
    // Keeps, most first: Metro Daily 99 %, Valley Herald 87 %, City Radio 0 %, and the
    // earliest copy (measured against nothing) last.
    h.press("4");
    assert!(heading(&h).contains("Keeps ▼"), "{}", heading(&h));
    assert!(!heading(&h).contains("Date ▲"), "{}", heading(&h));
    let rows = order(&h);
    assert!(
        rows[1] < rows[2] && rows[2] < rows[3] && rows[3] < rows[0],
        "{}",
        h.screen_text()
    );
    insta::assert_snapshot!("story_by_keeps_120x40", h.terminal.backend());
    // Again: the other way, the copy without a share still last.
    h.press("4");
    assert!(heading(&h).contains("Keeps ▲"), "{}", heading(&h));
    let rows = order(&h);
    assert!(
        rows[3] < rows[2] && rows[2] < rows[1] && rows[1] < rows[0],
        "{}",
        h.screen_text()
    );
    // `s` moves on to the next column; a click on a heading sorts by it.
    h.press("s");
    assert!(heading(&h).contains("Added ▼"), "{}", heading(&h));
    let (x, y) = find_text(&h, "Outlet ");
    h.click(x, y);
    assert!(heading(&h).contains("Outlet ▲"), "{}", heading(&h));
    let rows = order(&h);
    // City Radio, Lakeside Ledger, Metro Daily, Valley Herald.
    assert!(
        rows[3] < rows[0] && rows[0] < rows[1] && rows[1] < rows[2],
        "{}",
        h.screen_text()
    );
    // The selection is a copy, wherever the sort puts it: the last row (Valley Herald)
    // is compared with the earliest copy.
    h.press("G");
    assert!(status(&h).contains("copy 4 of 4"), "{}", status(&h));
    h.press("c");
    assert_eq!(h.app.screen(), Screen::Compare);
    let title = &h.rows()[1];
    assert!(
        title.contains("1-ledger") && title.contains("3-herald"),
        "{title}"
    );
    // Back on the story, its order is kept.
    h.press("<Esc>");
    assert!(heading(&h).contains("Outlet ▲"), "{}", heading(&h));
}

#[test]
fn the_story_keeps_the_sort_column_on_screen_when_narrow() {
    let mut h = stories_harness(60, 20);
    h.press("t<Enter>6");
    let heading = h.rows()[row_with(&h, "Outlet")].clone();
    assert!(heading.contains("Dropped ▼"), "{heading}");
    insta::assert_snapshot!("story_by_dropped_60x20", h.terminal.backend());
}

#[test]
fn the_stories_list_at_60x20_shows_the_column_it_is_sorted_by() {
    let mut h = stories_harness(60, 20);
    h.press("t");
    assert!(!h.rows()[1].contains("Last"), "{}", h.rows()[1]);
    // 5: by last date, a column the narrow list otherwise leaves out.
    h.press("5");
    assert!(h.rows()[1].contains("Last ▲"), "{}", h.rows()[1]);
    assert!(h.rows()[2].contains("2024-04-05"), "{}", h.rows()[2]);
    h.press("1");
    assert!(h.rows()[1].contains("# ▲"), "{}", h.rows()[1]);
}
