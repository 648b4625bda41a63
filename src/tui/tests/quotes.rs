//! The quotes list and one quote, on the quote fixture (four dated articles of four outlets
//! carrying one quote, one of them with a word changed) aligned by the real aligner; `e` on
//! the group and quote screens.

use super::*;
use crate::tui::export::Target;
use pretty_assertions::assert_eq;

/// The quote fixture, aligned for real (its quotes are what the screens show).
fn quotes_harness(width: u16, height: u16) -> Harness {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let corpus = Corpus::load(&[dir], &LoadOptions::default());
    assert_eq!(corpus.articles.len(), 4);
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let alignment = crate::align::align(&texts, &Default::default());
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
fn quotes_list_snapshot() {
    let mut h = quotes_harness(120, 40);
    h.press("\"");
    assert_eq!(h.app.screen(), Screen::Quotes);
    insta::assert_snapshot!("quotes_120x40", h.terminal.backend());
    h.resize(60, 20);
    insta::assert_snapshot!("quotes_60x20", h.terminal.backend());
}

/// The quote view lists the outlets in time order (not the files' order) and flags the
/// altered rendering, its changed word marked.
#[test]
fn one_quote_lists_outlets_in_time_order_and_flags_the_altered_one() {
    let mut h = quotes_harness(120, 40);
    h.press("\"<Enter>");
    assert_eq!(h.app.screen(), Screen::Quote);
    insta::assert_snapshot!("quote_120x40", h.terminal.backend());
    let text = h.screen_text();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s} in\n{text}"));
    assert!(at("Bay Weekly · 2024-03-03") < at("Coast Herald · 2024-03-04"));
    assert!(at("Coast Herald · 2024-03-04") < at("Daily Tide · 2024-03-05"));
    assert!(at("Daily Tide · 2024-03-05") < at("Port News · 2024-03-06"));
    assert!(text.contains("first seen"), "{text}");
    let altered = h
        .rows()
        .into_iter()
        .find(|r| r.contains("Port News"))
        .unwrap();
    assert!(altered.contains("ALTERED: 1 word changed"), "{altered}");
    // The changed word is marked (the rest of its line is not).
    let (x, y) = find_cell(&h, "repair the harbour");
    let cell = &h.buffer()[(x, y)];
    assert_eq!(cell.fg, Color::Yellow, "{cell:?}");
    let plain = &h.buffer()[(x + 7, y)];
    assert_ne!(plain.fg, Color::Yellow, "{plain:?}");
    h.resize(60, 20);
    insta::assert_snapshot!("quote_60x20", h.terminal.backend());
    // Back to the list, the quote still selected; back again to the library.
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Quotes);
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Library);
}

#[test]
fn e_on_the_quote_and_group_screens_writes_reports_with_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = quotes_harness(120, 40);
    h.app.export = Some(Target {
        dir: dir.path().to_path_buf(),
        paths: vec![PathBuf::from("tests/fixtures/quotes")],
        options: vec![],
    });
    h.press("\"<Enter>e");
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(
        status.contains("Wrote crossread-quote-1.html and crossread-quote-1.md"),
        "{status}"
    );
    let md = std::fs::read_to_string(dir.path().join("crossread-quote-1.md")).unwrap();
    assert!(
        md.contains("## 4. Port News, 2024-03-06 (harbour-portnews) ⚠"),
        "{md}"
    );
    assert!(md.contains("> We will **repair** the harbour wall"), "{md}");
    assert!(
        md.contains(
            "crossread export quote 1 --html crossread-quote-1.html --md crossread-quote-1.md \
             tests/fixtures/quotes"
        ),
        "{md}"
    );
    let html = std::fs::read_to_string(dir.path().join("crossread-quote-1.html")).unwrap();
    assert!(html.contains("<span class=\"rep\">repair</span>"), "{html}");

    h.press("<Esc><Esc>p<Enter>e");
    assert_eq!(h.app.screen(), Screen::Group);
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(status.contains("Wrote crossread-group-1.html"), "{status}");
    let md = std::fs::read_to_string(dir.path().join("crossread-group-1.md")).unwrap();
    let weekly = md.find("Bay Weekly, 2024-03-03").expect(&md);
    let herald = md.find("Coast Herald, 2024-03-04").expect(&md);
    assert!(weekly < herald, "{md}");
    assert!(md.contains("- first seen"), "{md}");
}

/// From a shared passage, `"` opens the quotes on the first quote inside it.
#[test]
fn quotes_open_from_a_group_on_its_quote() {
    let mut h = quotes_harness(120, 40);
    h.press("p<Enter>\"");
    assert_eq!(h.app.screen(), Screen::Quotes);
    let selected = match h.app.top() {
        Some(Open::Quotes(q)) => q.selected(),
        _ => None,
    };
    assert!(selected.is_some(), "{}", h.screen_text());
}

/// The row of the screen that holds `text`.
#[track_caller]
fn row_with(h: &Harness, text: &str) -> usize {
    h.rows()
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?}:\n{}", h.screen_text()))
}

#[test]
fn the_quotes_list_sorts_and_filters_as_the_other_lists() {
    let mut h = quotes_harness(120, 40);
    h.press("\"");
    let heading = |h: &Harness| h.rows()[1].clone();
    assert!(heading(&h).contains("Outlets ▼"), "{}", heading(&h));
    let order = |h: &Harness| (row_with(h, "Ana Ruiz"), row_with(h, "Tomas Berg"));
    let (ana, tomas) = order(&h);
    assert!(ana < tomas);
    // By speaker: Ana before Tomas; reversed: Tomas first.
    h.press("3");
    assert!(heading(&h).contains("Speaker ▲"), "{}", heading(&h));
    h.press("S");
    assert!(heading(&h).contains("Speaker ▼"), "{}", heading(&h));
    let (ana, tomas) = order(&h);
    assert!(tomas < ana, "{}", h.screen_text());
    // A click on the First heading sorts by date, earliest first.
    let (x, y) = find_text(&h, "First");
    h.click(x, y);
    assert!(heading(&h).contains("First ▲"), "{}", heading(&h));
    let (ana, tomas) = order(&h);
    assert!(ana < tomas, "{}", h.screen_text());
    // The filter searches the words, speakers and outlets.
    h.press("/contractors");
    assert!(!h.screen_text().contains("Ana Ruiz"), "{}", h.screen_text());
    assert!(h.screen_text().contains("Tomas Berg"));
    assert!(
        h.rows().last().unwrap().contains("/contractors▏ · 1 of 2"),
        "{}",
        h.rows().last().unwrap()
    );
    h.press("<Enter><Enter>");
    assert_eq!(h.app.screen(), Screen::Quote);
    assert!(h.screen_text().contains("Tomas Berg"));
    // Back on the list, the filter and the sort are as left.
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Quotes);
    assert!(heading(&h).contains("First ▲"), "{}", heading(&h));
    assert!(!h.screen_text().contains("Ana Ruiz"));
}
