//! The interface driven as the event loop drives it: terminal events through
//! [`App::dispatch`] (`handle_event` + `update`), frames drawn by [`view`] into a
//! `TestBackend`, compared with insta snapshots (in `src/tui/snapshots/`) or cell by cell
//! where style is the point.
//!
//! The screens are tested on a fixed alignment ([`fixture`]), not the aligner's output, so a
//! change in the aligner changes no test here; the end-to-end checks (the real aligner on the
//! sample) are in `screens/compare.rs` (marked so) and `tests/pty.rs`. The sample corpus's
//! titles and outlets improve as the cleaning code does: re-accept the snapshots then
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test --lib tui::`).

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use pretty_assertions::assert_eq;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use super::app::{App, Screen};
use super::keymap::{Key, Keymap};
use super::run_loop;
use super::screens::Open;
use super::terminal::EventSource;
use super::theme::Theme;
use super::ui::view;
use crate::align::Alignment;
use crate::corpus::{Article, Corpus, Format, LoadOptions, LoadWarning, Metadata};
use crate::display::ArticleIdx;

mod fixture;
mod lists;
mod quotes;
mod stories;
mod story;

/// The alignment the screen tests use, never the aligner's: the sample's fixed pairs and
/// groups for the sample corpus ([`fixture`]), nothing shared for any other corpus (a test
/// that needs pairs there gives them by hand, [`Harness::aligned`]).
fn fixture_for(corpus: &Corpus) -> Alignment {
    let sample = Corpus::sample(&LoadOptions::default());
    let is_sample = corpus.articles.len() == sample.articles.len()
        && corpus
            .articles
            .iter()
            .zip(&sample.articles)
            .all(|(a, b)| a.text == b.text);
    if is_sample {
        // The quotes as the quote tracker finds them in the sample's texts.
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        Alignment {
            quotes: crate::align::quote::track(&texts),
            ..fixture::sample_alignment(corpus)
        }
    } else {
        Alignment::default()
    }
}

/// The reader on top of the app's screens.
#[track_caller]
fn reader(app: &App) -> &super::screens::reader::ReaderState {
    match app.top() {
        Some(Open::Reader(reader)) => reader,
        _ => panic!("the reader is not open: {:?}", app.screen()),
    }
}

/// The overlap matrix on top of the app's screens.
#[track_caller]
fn matrix(app: &App) -> &super::screens::matrix::MatrixState {
    match app.top() {
        Some(Open::Matrix(matrix)) => matrix,
        _ => panic!("the matrix is not open: {:?}", app.screen()),
    }
}

/// An app on a test terminal.
struct Harness {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Harness {
    fn new(corpus: Corpus, width: u16, height: u16) -> Harness {
        Harness::with(corpus, Keymap::default(), Theme::default(), width, height)
    }

    /// An app on `corpus`, aligned as [`fixture_for`] says.
    fn with(corpus: Corpus, keymap: Keymap, theme: Theme, width: u16, height: u16) -> Harness {
        let alignment = fixture_for(&corpus);
        Harness::aligned(corpus, alignment, keymap, theme, width, height)
    }

    fn aligned(
        corpus: Corpus,
        alignment: Alignment,
        keymap: Keymap,
        theme: Theme,
        width: u16,
        height: u16,
    ) -> Harness {
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut app = App::new(corpus, keymap, theme);
        app.set_alignment(alignment);
        let mut harness = Harness { app, terminal };
        harness.send(Event::Resize(width, height));
        harness
    }

    fn sample(width: u16, height: u16) -> Harness {
        Harness::new(Corpus::sample(&LoadOptions::default()), width, height)
    }

    /// Sends one event and redraws.
    fn send(&mut self, event: Event) {
        self.app.dispatch(&event);
        self.draw();
    }

    /// Presses keys written in the keymap's notation, one after the other: `"jj<Enter>"`.
    fn press(&mut self, keys: &str) {
        for key in split_keys(keys) {
            let key: Key = key.parse().unwrap_or_else(|e| panic!("{key}: {e}"));
            self.send(Event::Key(key.to_event()));
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        self.send(mouse(MouseEventKind::Down(MouseButton::Left), column, row));
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.send(Event::Resize(width, height));
    }

    fn draw(&mut self) {
        let app = &self.app;
        self.terminal.draw(|frame| view(app, frame)).unwrap();
    }

    fn buffer(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }

    /// The screen as text, one string per row.
    fn rows(&self) -> Vec<String> {
        let buffer = self.buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    fn screen_text(&self) -> String {
        self.rows().join("\n")
    }
}

/// The keys the help window lists for the entry with this description.
#[track_caller]
fn help_keys(h: &Harness, description: &str) -> String {
    let rows = h.rows();
    let row = rows
        .iter()
        .find(|r| r.contains(description))
        .expect("the entry in the help");
    let start = row.find('│').expect("a popup border") + '│'.len_utf8();
    let end = row.find(description).unwrap_or(start);
    row[start..end].trim().to_string()
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// `"ab<C-d>c"` → `["a", "b", "<C-d>", "c"]`.
fn split_keys(keys: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        if c == '<' {
            let rest: String = chars.by_ref().take_while(|&c| c != '>').collect();
            out.push(format!("<{rest}>"));
        } else {
            out.push(c.to_string());
        }
    }
    out
}

fn article(id: &str, title: &str, outlet: Option<&str>, date: Option<&str>, text: &str) -> Article {
    Article {
        id: id.to_string(),
        path: PathBuf::from(format!("articles/{id}.txt")),
        format: Format::Text,
        meta: Metadata {
            title: Some(title.to_string()),
            outlet: outlet.map(String::from),
            date: date.and_then(crate::corpus::PubDate::parse),
            ..Metadata::default()
        },
        raw: format!("{title}\n\n{text}\n\nSubscribe to our newsletter!"),
        text: text.to_string(),
        words: crate::corpus::count_words(text),
    }
}

/// A small corpus with known metadata and two skipped files.
fn small_corpus() -> Corpus {
    let long_text = (1..=30)
        .map(|i| format!("Paragraph {i} of the statement, long enough to wrap at least once on a narrow screen."))
        .collect::<Vec<_>>()
        .join("\n\n");
    Corpus {
        articles: vec![
            article(
                "rt-1",
                "Iraqi PM to share anti-ISIS intel with Russia",
                Some("RT"),
                Some("2015-10-04"),
                &long_text,
            ),
            article(
                "sputnik-2",
                "Iraq and Russia agree to hit ISIS militants",
                Some("Sputnik"),
                Some("2015-10-26"),
                "Short text.",
            ),
            article(
                "aljazeera-3",
                "Iraq, Russia, others unite against ISIL",
                Some("Al Jazeera"),
                Some("2015-09-27"),
                "Baghdad hosts an information center.",
            ),
            article(
                "blog-4",
                "The Baghdad information center, explained",
                None,
                None,
                "伊拉克与俄罗斯合作 📰 news.",
            ),
        ],
        warnings: vec![
            LoadWarning {
                path: "articles/broken.html".into(),
                reason: "no article text found".into(),
            },
            LoadWarning {
                path: "articles/photo.txt".into(),
                reason: "binary data, not text".into(),
            },
        ],
        notes: Vec::new(),
    }
}

#[test]
fn library_snapshot() {
    let h = Harness::sample(80, 24);
    insta::assert_snapshot!("library", h.terminal.backend());
}

#[test]
fn reader_snapshot_after_enter() {
    let mut h = Harness::sample(80, 24);
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Reader);
    insta::assert_snapshot!("reader", h.terminal.backend());
}

#[test]
fn help_overlay_snapshot() {
    let mut h = Harness::sample(80, 24);
    h.press("?");
    insta::assert_snapshot!("help", h.terminal.backend());
    h.press("?");
    assert!(!h.screen_text().contains("Keys"), "? closes the help");
}

#[test]
fn filtered_library_snapshot() {
    let mut h = Harness::sample(80, 24);
    // "isis" is in two of the five titles: the list shows those two alone.
    h.press("/isis");
    let text = h.screen_text();
    assert!(text.contains(" 2 of 5 "), "{text}");
    assert!(!text.contains("Sputnik"), "{text}");
    insta::assert_snapshot!("library_filtered", h.terminal.backend());
}

#[test]
fn library_snapshot_at_60x20() {
    let h = Harness::new(small_corpus(), 60, 20);
    insta::assert_snapshot!("library_60x20", h.terminal.backend());
}

#[test]
fn reader_snapshot_at_60x20() {
    let mut h = Harness::new(small_corpus(), 60, 20);
    h.press("<Enter>");
    insta::assert_snapshot!("reader_60x20", h.terminal.backend());
}

#[test]
fn skipped_files_popup_snapshot() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    assert!(
        h.rows()[0].contains("4 articles · 2 files skipped (w)"),
        "{}",
        h.rows()[0]
    );
    h.press("w");
    insta::assert_snapshot!("skipped_files", h.terminal.backend());
    h.press("<Esc>");
    assert!(!h.screen_text().contains("broken.html"));
}

#[test]
fn the_selected_row_is_highlighted() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("j");
    // Row 0 is the title, row 1 the column headings, rows 2.. the articles.
    let buffer = h.buffer();
    for x in 0..80 {
        let cell = &buffer[(x, 3)];
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::White, Color::Blue),
            "selected cell at x={x}"
        );
        let other = &buffer[(x, 2)];
        assert_eq!(other.bg, Color::Reset, "unselected cell at x={x}");
    }
    // Without colour, the selection is reversed.
    let mut h = Harness::with(
        small_corpus(),
        Keymap::default(),
        Theme::monochrome(),
        80,
        24,
    );
    h.press("j");
    let buffer = h.buffer();
    for x in 0..80 {
        let cell = &buffer[(x, 3)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "x={x}");
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        assert!(!buffer[(x, 2)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn sort_keys_reorder_the_list_and_show_the_direction() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    // By date, oldest first; undated last.
    assert!(h.rows()[1].contains("Date ▲"), "{}", h.rows()[1]);
    assert!(h.rows()[2].contains("Al Jazeera"));
    assert!(h.rows()[5].contains("The Baghdad information"));
    h.press("S");
    assert!(h.rows()[1].contains("Date ▼"));
    assert!(h.rows()[2].contains("Sputnik"));
    h.press("4");
    assert!(h.rows()[1].contains("Words ▼"), "{}", h.rows()[1]);
    assert!(h.rows()[2].contains("RT"));
    h.press("4");
    assert!(h.rows()[1].contains("Words ▲"));
    // Next: the share other articles say too, most shared first.
    h.press("s");
    assert!(h.rows()[1].contains("Shared ▼"), "{}", h.rows()[1]);
    // The id column is hidden at this width: the title bar still says how the list is sorted.
    h.press("s");
    assert!(h.rows()[0].ends_with("by id ▲ "), "{}", h.rows()[0]);
    h.press("1");
    assert!(h.rows()[1].contains("Outlet ▲"));
    assert!(h.rows()[2].contains("Al Jazeera"));
}

#[test]
fn the_shared_column_sorts_the_most_copied_articles_first() {
    let mut h = Harness::sample(100, 20);
    h.press("6");
    assert!(h.rows()[1].contains("Shared ▼"), "{}", h.rows()[1]);
    // 003 (Sputnik) has the largest share of its text said elsewhere on the sample.
    assert!(h.rows()[2].contains("Sputnik"), "{}", h.screen_text());
    assert!(h.rows()[2].trim_end().ends_with('%'));
    h.press("6");
    assert!(h.rows()[1].contains("Shared ▲"));
}

#[test]
fn filter_types_keeps_and_clears() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("/baghdad");
    assert!(h.app.library.is_editing_filter());
    assert_eq!(h.app.library.view().len(), 1);
    assert!(h.screen_text().contains("/baghdad"));
    // The cursor waits after the typed text, on the prompt line above the status line.
    h.terminal.backend_mut().assert_cursor_position((9, 22));
    // Keys bound elsewhere are typed while filtering: q does not quit.
    h.press("q<Backspace>");
    assert!(h.app.is_running());
    assert_eq!(h.app.library.filter(), "baghdad");
    h.press("<Enter>");
    assert!(!h.app.library.is_editing_filter());
    assert_eq!(h.app.library.filter(), "baghdad");
    assert!(h.screen_text().contains("(filter kept)"));
    // Enter now opens the match.
    h.press("<Enter>");
    assert!(h.screen_text().contains("The Baghdad information center"));
    h.press("<Esc>/zzz");
    assert!(
        h.screen_text().contains("No article matches “bagh"),
        "{}",
        h.screen_text()
    );
    h.press("<Esc>");
    assert_eq!(h.app.library.filter(), "");
    assert_eq!(h.app.library.view().len(), 4);
}

#[test]
fn reader_scrolls_toggles_raw_and_moves_between_articles() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("G<Enter>"); // the last by date: undated "blog-4"
    h.press("gg");
    assert!(h.screen_text().contains("All"));
    h.press("K"); // previous in the list: Sputnik, the newest dated one
    assert!(h.screen_text().contains("Iraq and Russia agree"));
    assert!(h.screen_text().contains(" 3/4 "));
    h.press("K");
    assert!(h.screen_text().contains("Iraqi PM to share"));
    assert!(h.screen_text().contains(" 2/4 "));
    assert!(h.screen_text().contains(" 0% "));
    h.press("<C-d>");
    assert!(!h.screen_text().contains(" 0% "));
    h.press("G");
    assert!(h.screen_text().contains(" 100% "));
    h.press("g");
    assert!(h.screen_text().contains(" 0% "));
    h.press("KK");
    assert!(h
        .screen_text()
        .contains("This is the first article of the list."));
    assert!(h.screen_text().contains(" 1/4 "));
    assert!(!h.screen_text().contains("RAW"));
    h.press("r");
    assert!(h.screen_text().contains(" RAW "));
    assert!(
        h.screen_text().contains("Subscribe to our newsletter!")
            || h.screen_text().contains("Iraqi PM")
    );
    h.press("r");
    assert!(!h.screen_text().contains("RAW"));
    h.press("q");
    assert_eq!(h.app.screen(), Screen::Library);
    assert!(
        h.app.is_running(),
        "q in the reader goes back, it does not quit"
    );
    // The library's selection followed the reader.
    assert_eq!(h.app.library.position().0, 0);
}

#[test]
fn raw_text_marker_is_styled() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("<Enter>r");
    let rows = h.rows();
    let y = rows
        .iter()
        .position(|r| r.contains(" RAW "))
        .expect("RAW on the rule");
    let x = rows[y]
        .find(" RAW ")
        .map(|byte| rows[y][..byte].chars().count())
        .unwrap();
    let cell = &h.buffer()[(x as u16 + 1, y as u16)];
    assert_eq!(cell.symbol(), "R");
    assert_eq!(cell.bg, Color::Red);
}

#[test]
fn help_is_generated_from_the_configured_keymap() {
    let mut keymap = Keymap::default();
    keymap
        .bind("reader", "toggle_raw", vec!["R".parse().unwrap()])
        .unwrap();
    keymap
        .bind("global", "show_help", vec!["<F1>".parse().unwrap()])
        .unwrap();
    let mut h = Harness::with(small_corpus(), keymap, Theme::default(), 80, 40);
    h.press("<Enter>");
    assert!(
        h.rows()[39].contains("R raw"),
        "status hints use configured keys: {}",
        h.rows()[39]
    );
    h.press("?");
    assert!(!h.screen_text().contains("Keys"), "? is no longer bound");
    h.press("<F1>");
    let text = h.screen_text();
    assert_eq!(help_keys(&h, "Show the raw text"), "R");
    assert_eq!(help_keys(&h, "Show the keys of this screen"), "<F1>");
    assert_eq!(help_keys(&h, "Back to the library"), "<Esc> h q <Left>");
    assert!(text.contains("Reader"));
    assert!(text.contains("Everywhere"));
    assert!(
        !text.contains("Select the next article"),
        "library keys are not listed in the reader"
    );
    h.press("<Esc>");
    assert!(!h.screen_text().contains("Everywhere"));
}

#[test]
fn ctrl_c_quits_from_every_screen() {
    for keys in ["", "<Enter>", "?", "/ira", "w"] {
        let mut h = Harness::new(small_corpus(), 80, 24);
        h.press(keys);
        assert!(h.app.is_running());
        h.press("<C-c>");
        assert!(!h.app.is_running(), "after {keys:?}");
    }
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("q");
    assert!(!h.app.is_running());
}

/// A key the help window does not use closes it and acts on the screen beneath.
#[test]
fn keys_the_help_window_does_not_use_act_on_the_screen_beneath() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("?q");
    assert!(
        !h.app.is_running(),
        "q quits from the library, help open or not"
    );

    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("<Enter>?");
    assert!(h.screen_text().contains("Keys"));
    h.press("q");
    assert!(h.app.is_running());
    assert_eq!(
        h.app.screen(),
        Screen::Library,
        "q goes back from the reader"
    );
    assert!(!h.screen_text().contains("Keys"), "the window closed");

    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("?j");
    assert!(h.screen_text().contains("Keys"), "j scrolls the window");
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Reader);
}

#[test]
fn mouse_selects_opens_sorts_and_scrolls() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.click(20, 4);
    assert_eq!(h.app.library.position().0, 2);
    h.send(mouse(MouseEventKind::ScrollDown, 20, 4));
    assert_eq!(h.app.library.position().0, 3);
    h.send(mouse(MouseEventKind::ScrollUp, 20, 4));
    h.click(20, 4);
    assert_eq!(
        h.app.screen(),
        Screen::Reader,
        "a click on the selected row opens it"
    );
    h.press("<Esc>");
    h.click(2, 1); // the Outlet heading
    assert!(h.rows()[1].contains("Outlet ▲"));
    h.press("g<Enter>");
    h.send(mouse(MouseEventKind::ScrollDown, 20, 10));
    assert!(
        !h.screen_text().contains(" 0% "),
        "the wheel scrolls the reader"
    );
}

#[test]
fn resizing_rewraps_and_nothing_overflows_or_panics_at_tiny_sizes() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("<Enter>");
    for (w, h_) in [
        (60, 20),
        (10, 3),
        (1, 1),
        (2, 2),
        (3, 5),
        (0, 0),
        (20, 4),
        (200, 60),
        (80, 24),
    ] {
        h.resize(w, h_);
        for keys in ["j", "?", "G", "?", "r", "J"] {
            h.press(keys);
        }
    }
    assert!(h.screen_text().contains("Reader"));
    let mut h = Harness::new(small_corpus(), 80, 24);
    for (w, h_) in [(1, 1), (10, 3), (5, 2), (0, 0), (60, 20)] {
        h.resize(w, h_);
        for keys in ["w", "<Esc>", "?", "<C-d>", "?", "/x", "<Esc>", "j"] {
            h.press(keys);
        }
    }
    // At 10×3: the title, one row of list, the status line.
    h.resize(10, 3);
    assert_eq!(h.rows().len(), 3);
    assert!(h.rows()[0].starts_with(" crossrea"));
}

#[test]
fn the_reader_rewraps_on_resize() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("j<Enter>"); // RT, the long one
    assert!(h
        .screen_text()
        .contains("Paragraph 1 of the statement, long enough to wrap at least once on a narrow"));
    h.resize(40, 24);
    let rows = h.rows();
    assert!(
        rows.iter()
            .any(|r| r.trim_end() == "   Paragraph 1 of the statement, long"),
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| crate::display::text::width(r) == 40));
}

/// Every string from an article passes through `sanitize` before it reaches the screen.
#[test]
fn untrusted_text_never_reaches_the_terminal_as_control_characters() {
    let evil = "\x1b[31mred\x1b]0;pwned\x07 \u{9b}2J";
    let mut a = article(
        "evil\x1b[5m",
        &format!("Title {evil}"),
        Some(evil),
        Some(evil),
        &format!("Body {evil}\n\nmore {evil}"),
    );
    a.meta.author = Some(evil.to_string());
    a.meta.url = Some(evil.to_string());
    a.raw = format!("raw {evil}");
    a.path = PathBuf::from(format!("dir/{evil}.txt"));
    let corpus = Corpus {
        articles: vec![a],
        warnings: vec![LoadWarning {
            path: PathBuf::from(evil),
            reason: evil.to_string(),
        }],
        notes: Vec::new(),
    };
    let mut h = Harness::new(corpus, 120, 30);
    let mut screens = Vec::new();
    for keys in ["", "w", "<Esc>/red", "<Enter><Enter>", "r", "?"] {
        h.press(keys);
        screens.push(h.buffer().clone());
    }
    for buffer in &screens {
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "control character in {:?}",
                cell.symbol()
            );
        }
    }
    let text: Vec<String> = screens
        .iter()
        .map(|b| b.content().iter().map(|c| c.symbol()).collect())
        .collect();
    assert!(
        text[0].contains("Title ␛[31mred␛]0;pwned␇ \u{FFFD}2J"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("␛[31mred␛]0;pwned␇"),
        "skipped files: {}",
        text[1]
    );
    assert!(
        text[3].contains("Body ␛[31mred␛]0;pwned␇ \u{FFFD}2J"),
        "reader: {}",
        text[3]
    );
    assert!(text[4].contains("raw ␛[31mred"), "raw: {}", text[4]);
}

/// Events from a list, then nothing (the loop must have quit by then).
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next_event(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        match self.0.pop_front() {
            Some(event) => Ok(Some(event)),
            None => Err(io::Error::other("the script ran out before the app quit")),
        }
    }
}

fn script(keys: &str) -> Script {
    Script(
        split_keys(keys)
            .into_iter()
            .map(|k| Event::Key(k.parse::<Key>().unwrap().to_event()))
            .collect(),
    )
}

#[test]
fn the_event_loop_draws_handles_keys_and_quits() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut app = App::new(small_corpus(), Keymap::default(), Theme::default());
    let stop = AtomicBool::new(false);
    run_loop(
        &mut terminal,
        &mut app,
        &mut script("j<Enter>??<Esc>J"),
        &stop,
    )
    .unwrap_err();
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.size(), ratatui::layout::Size::new(80, 24));
    run_loop(&mut terminal, &mut app, &mut script("<Enter>q<C-c>"), &stop).unwrap();
    assert!(!app.is_running());
}

#[test]
fn the_event_loop_stops_on_a_signal() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut app = App::new(small_corpus(), Keymap::default(), Theme::default());
    let stop = AtomicBool::new(true);
    run_loop(&mut terminal, &mut app, &mut script(""), &stop).unwrap();
    assert!(app.is_running(), "stopped by the flag, not by a key");
}

#[test]
fn the_event_loop_redraws_on_resize() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut app = App::new(small_corpus(), Keymap::default(), Theme::default());
    let stop = AtomicBool::new(false);
    run_loop(&mut terminal, &mut app, &mut script(""), &stop).unwrap_err();
    terminal.backend_mut().resize(50, 10);
    let mut events = Script(VecDeque::from([Event::Resize(50, 10)]));
    run_loop(&mut terminal, &mut app, &mut events, &stop).unwrap_err();
    assert_eq!(app.size(), ratatui::layout::Size::new(50, 10));
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer.area.width, 50);
    let status: String = (0..50).map(|x| buffer[(x, 9)].symbol()).collect();
    assert!(status.contains("read"), "{status}");
}

// ---- Compare screen -------------------------------------------------------------------

/// The corpus index of the sample article whose id starts with `prefix`.
fn sample_index(h: &Harness, prefix: &str) -> usize {
    h.app
        .corpus
        .articles
        .iter()
        .position(|a| a.id.starts_with(prefix))
        .expect("a sample article")
}

/// The sample's 003 (left) and 004 (right) side by side at 120×40.
fn compare_003_004() -> Harness {
    let mut h = Harness::sample(120, 40);
    let (left, right) = (sample_index(&h, "003"), sample_index(&h, "004"));
    h.app.update(super::action::Action::CompareArticles {
        left: ArticleIdx(left),
        right: ArticleIdx(right),
    });
    h.draw();
    h
}

/// The row holding `needle`, and the column it starts at.
#[track_caller]
fn find(h: &Harness, needle: &str) -> (usize, usize) {
    h.rows()
        .iter()
        .enumerate()
        .find_map(|(y, row)| row.find(needle).map(|x| (y, row[..x].chars().count())))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", h.screen_text()))
}

#[test]
fn compare_snapshot_shows_the_information_center_wordings_on_the_same_rows() {
    let mut h = compare_003_004();
    h.press("]]");
    insta::assert_snapshot!("compare_120x40", h.terminal.backend());
    let (row, left_x) = find(&h, "created the Baghdad");
    let (agreed_row, right_x) = find(&h, "have agreed to establish an");
    assert_eq!(row, agreed_row, "one row holds both wordings");
    assert!(
        left_x < 58 && right_x > 60,
        "left {left_x}, right {right_x}"
    );
    assert!(h.rows()[h.rows().len() - 1].contains("passage 2 of 5 · paraphrase"));
}

#[test]
fn compare_marks_changed_words_in_their_styles() {
    let mut h = compare_003_004();
    h.press("]]");
    // Colour is the point here: the buffer with its styles, as a debug snapshot.
    let area = ratatui::layout::Rect::new(0, 4, 120, 5);
    let mut part = Buffer::empty(area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            part[(x, y)] = h.buffer()[(x, y)].clone();
        }
    }
    insta::assert_debug_snapshot!("compare_styles_120x40", part);
    let theme = Theme::default();
    let (row, x) = find(&h, "created");
    let cell = &h.buffer()[(x as u16, row as u16)];
    assert_eq!(
        cell.fg,
        theme
            .mark(crate::display::layout::Mark::ReplacedLeft)
            .fg
            .unwrap()
    );
    let (row, x) = find(&h, "agreed");
    let cell = &h.buffer()[(x as u16, row as u16)];
    assert_eq!(
        cell.fg,
        theme
            .mark(crate::display::layout::Mark::ReplacedRight)
            .fg
            .unwrap()
    );
    let (row, x) = find(&h, "Russia, Syria, Iraq");
    assert_eq!(
        h.buffer()[(x as u16, row as u16)].fg,
        Color::Reset,
        "shared words are plain"
    );
    // Text aligned with nothing is dimmed.
    h.press("g");
    let (row, x) = find(&h, "Russian Deputy Foreign Minister");
    assert_eq!(
        h.buffer()[(x as u16, row as u16)].fg,
        theme.dim().fg.unwrap()
    );
}

#[test]
fn compare_without_colour_marks_changes_with_brackets() {
    let corpus = Corpus::sample(&LoadOptions::default());
    let mut h = Harness::with(corpus, Keymap::default(), Theme::monochrome(), 120, 40);
    let (left, right) = (sample_index(&h, "003"), sample_index(&h, "004"));
    h.app.update(super::action::Action::CompareArticles {
        left: ArticleIdx(left),
        right: ArticleIdx(right),
    });
    h.press("]]");
    let text = h.screen_text();
    // A paraphrase: only the words one side alone uses are marked, the shared ones (in
    // whatever order) are plain.
    assert!(
        text.contains("Russia, Syria, Iraq and Iran [-created-] the Baghdad"),
        "{text}"
    );
    assert!(
        text.contains("Russia, Syria, Iran and Iraq {+have agreed+} to"),
        "{text}"
    );
}

#[test]
fn compare_passages_moved_in_the_right_article_are_shown_and_placed() {
    let mut h = compare_003_004();
    let text = h.screen_text();
    assert!(
        text.contains("↷ ¶2: passage 2 (shown beside left ¶"),
        "{text}"
    );
    h.press("]]");
    assert!(h
        .screen_text()
        .contains("2/5 · paraphrase · 0.41 · moved from right ¶2"));
    assert!(h.rows().last().unwrap().contains("moved from ¶2"));
}

#[test]
fn compare_jumps_between_passages_and_says_where_the_ends_are() {
    let mut h = compare_003_004();
    let status = |h: &Harness| h.rows().last().unwrap().clone();
    h.press("]");
    assert!(status(&h).contains("passage 1 of 5"), "{}", status(&h));
    let first_screen = h.screen_text();
    h.press("}");
    assert!(status(&h).contains("passage 2 of 5"));
    assert_ne!(h.screen_text(), first_screen, "] changes the view");
    h.press("]]]");
    assert!(status(&h).contains("passage 5 of 5"));
    h.press("]");
    assert!(
        status(&h).contains("This is the last passage."),
        "{}",
        status(&h)
    );
    h.press("[{");
    assert!(status(&h).contains("passage 3 of 5"));
    h.press("g[");
    assert!(
        status(&h).contains("This is the first passage."),
        "{}",
        status(&h)
    );
}

#[test]
fn compare_hides_and_shows_unaligned_text() {
    let mut h = compare_003_004();
    assert!(h
        .screen_text()
        .contains("Russian Deputy Foreign Minister Mikhail Bogdanov"));
    h.press("u");
    let text = h.screen_text();
    assert!(
        !text.contains("Russian Deputy Foreign Minister Mikhail Bogdanov"),
        "{text}"
    );
    assert!(text.contains("words aligned with nothing"));
    assert!(text.contains("created the Baghdad Information Center"));
    assert!(h
        .rows()
        .last()
        .unwrap()
        .contains("Hiding the text aligned with nothing."));
    h.press("u");
    assert!(h
        .screen_text()
        .contains("Russian Deputy Foreign Minister Mikhail Bogdanov"));
}

#[test]
fn compare_swaps_sides_and_switches_focus() {
    let mut h = compare_003_004();
    let (_, x003) = find(&h, "▸ 003_");
    assert_eq!(x003, 0);
    h.press("<Tab>");
    let (_, x004) = find(&h, "▸ 004_");
    assert!(x004 > 58);
    h.press("<Tab>]]<Tab>s");
    let (_, x004) = find(&h, "▸ 004_");
    assert_eq!(x004, 0, "004 is on the left after the swap, still focused");
    let (_, x003) = find(&h, "003_b5e1");
    assert!(x003 > 58);
    // The same passage stays current, now in 004's order.
    let (row, left_x) = find(&h, "have agreed to establish an");
    let (created_row, right_x) = find(&h, "created the Baghdad");
    assert_eq!(row, created_row);
    assert!(left_x < right_x);
    assert!(h.rows().last().unwrap().contains("paraphrase · 0.41"));
}

#[test]
fn compare_opens_from_the_library_and_enter_opens_the_group() {
    let mut h = Harness::sample(120, 40);
    // `c` compares with the article that shares most with the selected one.
    h.press("/Sputnik<Enter>c");
    assert_eq!(h.app.screen(), Screen::Compare);
    let text = h.screen_text();
    assert!(text.contains("▸ 003_"), "{text}");
    // Marking one article, then `c` on another, compares those two.
    h.press("<Esc><Esc>/Global<Enter><Space><Esc>/unite<Enter>c");
    assert_eq!(h.app.screen(), Screen::Compare);
    let (_, x000) = find(&h, "▸ 000_");
    let (_, x002) = find(&h, "002_7637");
    assert!(x000 < x002);
    h.press("]<Enter>");
    assert_eq!(h.app.screen(), Screen::Group);
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Compare);
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Library);
}

#[test]
fn compare_click_selects_a_passage_and_a_side() {
    let mut h = compare_003_004();
    h.press("]]");
    let (row, _) = find(&h, "── 3/5");
    h.click(80, row as u16 + 1);
    assert!(h.rows().last().unwrap().contains("passage 3 of 5"));
    assert!(h.rows()[1].contains("▸ 004_"), "{}", h.rows()[1]);
    h.send(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert!(h.rows().iter().any(|r| r.contains("── 4/5")));
}

#[test]
fn compare_of_articles_sharing_nothing_shows_both_whole() {
    let corpus = small_corpus();
    let mut h = Harness::new(corpus, 80, 20);
    h.app.update(super::action::Action::CompareArticles {
        left: ArticleIdx(1),
        right: ArticleIdx(2),
    });
    h.draw();
    let text = h.screen_text();
    assert!(text.contains("share no passage"), "{text}");
    assert!(text.contains("Short text.") && text.contains("Baghdad hosts an information center."));
    h.press("]");
    assert!(h
        .rows()
        .last()
        .unwrap()
        .contains("These two articles share no passage."));
    h.press("<Enter>u");
}

#[test]
fn compare_never_panics_at_tiny_sizes() {
    let mut h = compare_003_004();
    for (w, hgt) in [
        (1, 1),
        (2, 3),
        (5, 4),
        (9, 8),
        (14, 6),
        (30, 10),
        (3, 40),
        (120, 2),
    ] {
        h.resize(w, hgt);
        h.press("]]u<Tab>s]u[G");
    }
    h.resize(120, 40);
    h.press("g]]");
    assert!(h.screen_text().contains("created the Baghdad"));
}

#[test]
fn compare_with_the_right_side_focused_follows_the_right_article() {
    let mut h = compare_003_004();
    h.press("<Tab>]");
    let status = h.rows().last().unwrap().clone();
    // 004's first shared passage is its second paragraph's wording, moved on the left.
    assert!(
        status.contains("passage 2 of 5") && status.contains("moved from ¶2"),
        "{status}"
    );
    h.press("]");
    // Then its third paragraph's, the left's last passage.
    let status = h.rows().last().unwrap().clone();
    assert!(
        status.contains("passage 5 of 5 · paraphrase · 0.45 · moved from ¶3"),
        "{status}"
    );
    // Then the anchors, which keep both articles' order.
    h.press("]");
    let status = h.rows().last().unwrap().clone();
    assert!(status.contains("passage 1 of 5"), "{status}");
    h.press("]");
    assert!(h.rows().last().unwrap().contains("passage 3 of 5"));
}

// The reader's marks of shared passages and its "unique only" view.

/// The row showing `text`, and the column it starts at.
#[track_caller]
fn find_text(h: &Harness, text: &str) -> (u16, u16) {
    let rows = h.rows();
    let y = rows
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", rows.join("\n")));
    let x = rows[y][..rows[y].find(text).unwrap()].chars().count();
    (x as u16, y as u16)
}

/// A harness whose alignment is still running, as when the app has just started.
fn harness_without_alignment(width: u16, height: u16) -> Harness {
    let corpus = Corpus::sample(&LoadOptions::default());
    let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let app = App::new(corpus, Keymap::default(), Theme::default());
    let mut h = Harness { app, terminal };
    h.send(Event::Resize(width, height));
    h
}

fn sample_alignment(corpus: &Corpus) -> Alignment {
    fixture::sample_alignment(corpus)
}

#[test]
fn reader_marks_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("/Sputnik<Enter><Enter>");
    assert!(h.screen_text().contains("Sputnik International · "));
    insta::assert_snapshot!("reader_marks", h.terminal.backend());
}

#[test]
fn shared_lines_have_a_gutter_mark_and_shared_words_are_tinted() {
    let mut h = Harness::sample(80, 24);
    h.press("<Enter>");
    // Global Research: "Zameli said that the joint data center …" is shared, the sentence
    // before it is not.
    let (x, y) = find_text(&h, "In a statement released on Friday, Zameli said");
    let gutter = &h.buffer()[(x - 2, y)];
    assert_eq!(gutter.symbol(), "╎", "a paraphrase has a dashed bar");
    assert_eq!(gutter.fg, Color::Magenta);
    let shared_word = &h.buffer()[(x + "In a statement released on Friday, ".len() as u16, y)];
    assert_eq!(
        (shared_word.symbol(), shared_word.fg),
        ("Z", Color::Magenta)
    );
    assert_eq!(
        h.buffer()[(x, y)].fg,
        Color::Reset,
        "unshared words stay plain"
    );
    let note = find_text(
        &h,
        "also in Sputnik International, War Press Info Network (paraphrase)",
    );
    assert_eq!(note.1, y - 1, "the note is just above the stretch");

    let (x, y) = find_text(&h, "Iraqi Parliament's National Security");
    assert_eq!(
        h.buffer()[(x - 2, y)].symbol(),
        " ",
        "unique lines have no mark"
    );
    assert_eq!(h.buffer()[(x, y)].fg, Color::Reset);
    assert!(
        h.rows()[5].contains(" 20% shared with 3 articles "),
        "{}",
        h.rows()[5]
    );
}

#[test]
fn shared_words_are_underlined_without_colour() {
    let corpus = Corpus::sample(&LoadOptions::default());
    let mut h = Harness::with(corpus, Keymap::default(), Theme::monochrome(), 80, 24);
    h.press("<Enter>");
    let (x, y) = find_text(&h, "between Iraq, Syria and Russia");
    let gutter = &h.buffer()[(x - 2, y)];
    assert_eq!(gutter.symbol(), "╎");
    assert_eq!(gutter.fg, Color::Reset);
    assert!(h.buffer()[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find_text(&h, "Iraqi Parliament's");
    assert!(!h.buffer()[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn u_shows_only_what_no_other_article_says() {
    let mut h = Harness::sample(80, 24);
    h.press("<Enter>");
    let shared = "Syria and Russia was still in its initial stage";
    let unique = "Iraqi Parliament's National Security and Defense Committee";
    assert!(h.screen_text().contains(unique));
    h.press("u");
    let text = h.screen_text();
    assert!(text.contains(" UNIQUE "), "{text}");
    assert!(text.contains(" passages only this article has "), "{text}");
    assert!(text.contains(unique), "{text}");
    assert!(!text.contains("Syria and Russia was still"), "{text}");
    assert!(!text.contains("also in"), "no notes in the unique view");
    let (x, y) = find_text(&h, "…");
    assert_eq!(
        h.buffer()[(x, y)].fg,
        Color::DarkGray,
        "left-out text is a dim …"
    );
    h.press("G");
    assert!(!h.screen_text().contains(shared));
    h.press("u");
    assert!(!h.screen_text().contains(" UNIQUE "));
    h.press("gg");
    assert!(h.screen_text().contains("also in"));
    // From the raw view, `u` goes to the unique view; the raw view has no marks.
    h.press("r");
    assert!(h.screen_text().contains(" RAW "));
    assert!(!h.screen_text().contains("also in"));
    assert!(!h.screen_text().contains('╎'));
    h.press("u");
    assert!(h.screen_text().contains(" UNIQUE "));
    assert!(!h.screen_text().contains(" RAW "));
    // The next article of the list opens in the same view.
    h.press("J");
    assert!(h.screen_text().contains(" UNIQUE "), "{}", h.screen_text());
    assert!(h.screen_text().contains(" 2/5 "));
}

#[test]
fn u_keeps_the_place_in_the_text() {
    let mut h = Harness::sample(80, 24);
    h.press("G<Enter>"); // the longest article, War Press Info Network
    h.press("<C-d><C-d>");
    let top = reader(&h.app).percent();
    assert_ne!(top, "0%");
    h.press("u");
    assert_ne!(reader(&h.app).percent(), "0%", "not back at the top");
    h.press("u");
    assert_ne!(reader(&h.app).percent(), "0%");
}

#[test]
fn marks_appear_when_the_alignment_arrives_after_the_reader_opened() {
    let mut h = harness_without_alignment(80, 24);
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Reader);
    assert!(!h.screen_text().contains("also in"));
    h.press("u");
    let text = h.screen_text();
    assert!(text.contains("Still lining up the articles"), "{text}");
    assert!(!text.contains(" UNIQUE "));
    h.press("<C-d>");
    let alignment = sample_alignment(&h.app.corpus);
    h.app.set_alignment(alignment);
    h.draw();
    let text = h.screen_text();
    assert!(text.contains("also in War Press Info Network"), "{text}");
    assert!(text.contains(" 20% shared with 3 articles "), "{text}");
    assert!(
        !text.contains(" 0% "),
        "the place in the text is kept: {text}"
    );
    h.press("u");
    assert!(h.screen_text().contains(" UNIQUE "));
}

#[test]
fn a_failed_alignment_is_told_when_asking_for_unique_text() {
    let mut h = harness_without_alignment(80, 24);
    h.app.set_alignment_failed("out of memory".to_string());
    h.press("<Enter>u");
    assert!(h.screen_text().contains("No alignment: out of memory"));
}

#[test]
fn marked_reader_never_panics_at_tiny_sizes() {
    let mut h = Harness::sample(80, 24);
    h.press("G<Enter>");
    for (w, h_) in [
        (1, 1),
        (3, 5),
        (0, 0),
        (10, 3),
        (25, 6),
        (26, 12),
        (30, 4),
        (200, 60),
    ] {
        h.resize(w, h_);
        for keys in ["u", "G", "r", "u", "<C-d>", "u", "j", "gg"] {
            h.press(keys);
        }
        for row in h.rows() {
            assert_eq!(crate::display::text::width(&row), usize::from(w));
        }
    }
}

#[test]
fn text_copied_word_for_word_has_a_solid_bar() {
    let mut h = Harness::sample(100, 50);
    h.press("/unite<Enter><Enter>"); // 002, quoting the statement War Press quotes too
    let (x, y) = find_text(
        &h,
        "cooperate in collecting information about the terrorist",
    );
    let gutter = &h.buffer()[(x - 2, y)];
    let rows = h.rows();
    assert_eq!(gutter.symbol(), "┃", "{}", rows.join("\n"));
    assert!(rows
        .iter()
        .any(|r| r.contains("War Press Info Network (verbatim)")));
}

// The shared-passages list, one shared passage, the overlap matrix.

#[test]
fn groups_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("p");
    assert_eq!(h.app.screen(), Screen::Groups);
    insta::assert_snapshot!("groups", h.terminal.backend());
}

#[test]
fn group_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("p<Enter>");
    assert_eq!(h.app.screen(), Screen::Group);
    insta::assert_snapshot!("group", h.terminal.backend());
}

#[test]
fn matrix_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("m");
    assert_eq!(h.app.screen(), Screen::Matrix);
    insta::assert_snapshot!("matrix", h.terminal.backend());
}

/// The column (in cells) and row of the first occurrence of `text` on screen.
#[track_caller]
fn find_cell(h: &Harness, text: &str) -> (u16, u16) {
    let rows = h.rows();
    let y = rows
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} on screen:\n{}", h.screen_text()));
    let byte = rows[y].find(text).unwrap();
    (
        crate::display::text::width(&rows[y][..byte]) as u16,
        y as u16,
    )
}

#[test]
fn the_information_center_group_collates_each_outlets_wording() {
    let mut h = Harness::sample(120, 40);
    h.press("p");
    // The first group is the one found in most articles: the information-center announcement.
    assert!(
        h.rows()[2].contains("information center"),
        "{}",
        h.rows()[2]
    );
    h.press("<Enter>");
    let text = h.screen_text();
    assert!(
        text.contains("created the Baghdad Information Center"),
        "{text}"
    );
    assert!(
        text.contains("agreed to establish an information center"),
        "{text}"
    );
    assert!(text.contains("Sputnik International · undated · 003"));
    assert!(text.contains("War Press Info Network · undated · 004"));
    // The reference is the earliest dated member: Global Research's, dated 2015-10-25.
    let (_, y) = find_cell(&h, "· reference");
    assert!(h.rows()[usize::from(y)].contains("Global Research · 2015-10-25"));
    assert!(h.rows()[39].ends_with("group 1 of 9 · 4 articles "));
    // A reworded member: its own words carry the theme's style for added words, the words
    // the reference uses too ("Russia", "Iraq", "center") stay plain.
    let (x, y) = find_cell(&h, "created the Baghdad");
    let own = Theme::default().mark(crate::display::layout::Mark::Inserted);
    let cell = &h.buffer()[(x, y)];
    assert_eq!(cell.fg, own.fg.unwrap());
    assert!(cell.modifier.contains(Modifier::BOLD));
    let (x, y) = find_cell(&h, "Russia, Syria, Iraq and Iran created");
    assert_eq!(h.buffer()[(x, y)].fg, Color::Reset);
    // The reference itself is not marked.
    let (x, y) = find_cell(&h, "Iraq agreed with Russia");
    assert_eq!(h.buffer()[(x, y)].fg, Color::Reset);
}

#[test]
fn group_styles_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("p<Enter>");
    insta::assert_debug_snapshot!("group_styles", h.buffer());
}

#[test]
fn matrix_styles_snapshot() {
    let mut h = Harness::sample(120, 40);
    h.press("m");
    insta::assert_debug_snapshot!("matrix_styles", h.buffer());
}

#[test]
fn without_colour_the_group_screen_writes_markers() {
    let mut h = Harness::with(
        Corpus::sample(&LoadOptions::default()),
        Keymap::default(),
        Theme::monochrome(),
        120,
        40,
    );
    h.press("p<Enter>");
    let text = h.screen_text();
    assert!(
        text.contains("against the reference: {+its own words+} · [-missing-]"),
        "{text}"
    );
    assert!(text.contains("{+In late September,"), "{text}");
    for cell in h.buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn matrix_cells_are_heat_coloured_and_enter_compares_the_pair() {
    let mut h = Harness::sample(120, 40);
    h.press("m");
    let theme = Theme::default();
    // Row 4 (003, Sputnik) × column 5 (004): 15% of 003 is aligned with 004.
    let (_, y) = find_cell(&h, "4 003 Sputnik");
    let row = &h.rows()[usize::from(y)];
    let x = row
        .rfind("15")
        .map(|b| crate::display::text::width(&row[..b]))
        .unwrap() as u16;
    let cell_15 = (x, y);
    assert_eq!(h.buffer()[cell_15].bg, theme.heat(0.15).bg.unwrap());
    // Nothing shared: dim; the diagonal: a dash.
    let (x, y) = find_cell(&h, "·    —");
    assert_eq!(h.buffer()[(x, y)].fg, theme.dim().fg.unwrap());
    assert_eq!(h.buffer()[(x + 5, y)].fg, theme.dim().fg.unwrap());
    // The selection starts right of the diagonal and moves with the arrows and hjkl.
    assert!(h.rows()[39].ends_with("000 × 001 · 0% of 000 · 0% of 001 "));
    h.press("jjjlll");
    assert!(
        h.rows()[39].ends_with("003 × 004 · 15% of 003 · 9% of 004 "),
        "{}",
        h.rows()[39]
    );
    let selected = &h.buffer()[cell_15];
    assert_eq!(selected.bg, theme.selection().bg.unwrap());
    assert!(selected.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(matrix(&h.app).selected(), (3, 4));
    h.press("<Enter>");
    assert_eq!(h.app.screen(), Screen::Compare);
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Matrix);
    // Not on the diagonal.
    h.press("h");
    assert_eq!(matrix(&h.app).selected(), (3, 3));
    h.press("c");
    assert_eq!(h.app.screen(), Screen::Matrix);
}

#[test]
fn groups_list_moves_opens_and_follows_the_group_screen() {
    let mut h = Harness::sample(120, 40);
    h.press("pjj");
    assert!(h.rows()[39].ends_with("3/9 "));
    h.press("<Enter>");
    assert!(h.rows()[39].ends_with("group 3 of 9 · 3 articles "));
    h.press("]]");
    assert!(h.rows()[39].ends_with("group 5 of 9 · 2 articles "));
    h.press("[");
    assert!(h.rows()[39].ends_with("group 4 of 9 · 2 articles "));
    h.press("G]]]]]]]");
    assert!(h.rows()[39].contains("This is the last shared passage."));
    h.press("g");
    assert!(h.rows()[39].ends_with("group 9 of 9 · 2 articles "));
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Groups);
    assert!(
        h.rows()[39].ends_with("9/9 "),
        "the list follows: {}",
        h.rows()[39]
    );
    h.press("g[");
    assert!(h.rows()[39].ends_with("1/9 "));
    h.press("q");
    assert_eq!(h.app.screen(), Screen::Library);
}

#[test]
fn mouse_selects_and_opens_groups_and_cells_and_scrolls_the_group() {
    let mut h = Harness::sample(120, 40);
    h.press("p");
    h.click(50, 4); // the third group
    assert!(h.rows()[39].ends_with("3/9 "));
    h.send(mouse(MouseEventKind::ScrollDown, 50, 4));
    assert!(h.rows()[39].ends_with("4/9 "));
    h.send(mouse(MouseEventKind::ScrollUp, 50, 4));
    h.click(50, 1); // the headings: nothing
    h.click(50, 30); // below the last group: nothing
    assert!(h.rows()[39].ends_with("3/9 "));
    h.click(50, 4);
    assert_eq!(h.app.screen(), Screen::Group);
    assert!(h.rows()[39].ends_with("group 3 of 9 · 3 articles "));

    // The wheel scrolls a collation longer than the screen.
    h.resize(60, 12);
    let top = h.rows()[2].clone();
    h.send(mouse(MouseEventKind::ScrollDown, 30, 5));
    assert_ne!(h.rows()[2], top);
    h.send(mouse(MouseEventKind::ScrollUp, 30, 5));
    assert_eq!(h.rows()[2], top);
    h.press("G");
    assert_ne!(h.rows()[2], top);
    h.click(10, 1); // the legend: nothing
    assert_eq!(h.app.screen(), Screen::Group);

    let mut h = Harness::sample(120, 40);
    h.press("m");
    let (x, y) = find_cell(&h, "4 003 Sputnik");
    let (col5, _) = find_cell(&h, "  5 ");
    h.click(col5 + 2, y);
    assert!(h.rows()[39].ends_with("003 × 004 · 15% of 003 · 9% of 004 "));
    h.send(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert!(h.rows()[39].contains("004 × 004") || h.rows()[39].ends_with("004 "));
    h.click(x, y - 2); // a row label selects the row, keeping the column
    assert!(
        h.rows()[39].ends_with("001 × 004 · 5% of 001 · 2% of 004 "),
        "{}",
        h.rows()[39]
    );
    h.click(col5 + 2, y - 2);
    assert_eq!(
        h.app.screen(),
        Screen::Compare,
        "a click on the selected cell compares"
    );
}

/// A corpus whose articles share nothing: no groups, an empty matrix.
#[test]
fn without_shared_passages_the_screens_say_so() {
    let mut h = Harness::new(small_corpus(), 80, 24);
    h.press("p");
    assert_eq!(h.app.screen(), Screen::Groups);
    assert!(h
        .screen_text()
        .contains("No passage is shared by two articles."));
    h.press("j<Enter>G<PageDown>");
    assert_eq!(h.app.screen(), Screen::Groups);
    h.click(10, 5);
    h.app
        .dispatch(&Event::Key("<Esc>".parse::<Key>().unwrap().to_event()));
    h.app.update(super::action::Action::ShowGroup { group: 7 });
    h.draw();
    assert!(h.screen_text().contains("No such shared passage."));
    assert_eq!(h.rows()[23].trim_end().rfind("group"), None);
    h.press("]j[G");
    h.press("m");
    let text = h.screen_text();
    // Ids are cut at their first separator when that still tells them apart.
    assert!(text.contains(" 2 rt RT "), "{text}");
    // In no story, the articles go by date: Al Jazeera's is the earliest.
    assert!(
        text.contains(" 1 aljazeera Al Jazeera   —    ·    ·    · "),
        "{text}"
    );
    assert!(h.rows()[23].ends_with("aljazeera × rt · 0% of aljazeera · 0% of rt "));

    let empty = Corpus {
        articles: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    let mut h = Harness::new(empty, 80, 24);
    h.press("m");
    assert!(h.screen_text().contains("No articles."));
    h.press("jl<Enter>c");
    h.click(10, 5);
    h.press("<Esc>p");
    assert!(h.screen_text().contains("No passage is shared"));
}

#[test]
fn alignment_screens_never_panic_or_overflow_at_tiny_sizes() {
    for keys in ["p", "p<Enter>", "m", "mjjl"] {
        let mut h = Harness::sample(80, 24);
        h.press(keys);
        for w in [0u16, 1, 2, 3, 5, 8, 13, 21, 30] {
            for ht in 0u16..=8 {
                h.resize(w, ht);
                for step in ["j", "l", "G", "]", "<PageDown>", "k", "h", "g", "["] {
                    h.press(step);
                }
                h.click(w / 2, ht / 2);
                h.send(mouse(MouseEventKind::ScrollDown, 0, 0));
                assert_eq!(h.buffer().area.width, w);
            }
        }
        h.resize(120, 40);
        assert!(h
            .rows()
            .iter()
            .all(|r| crate::display::text::width(r) == 120));
    }
}

#[test]
fn the_matrix_scrolls_to_keep_the_selection_on_screen() {
    let articles = (0..40)
        .map(|i| {
            article(
                &format!("a{i:02}"),
                &format!("Article {i}"),
                Some("Outlet"),
                None,
                &format!("Text number {i} about nothing in particular."),
            )
        })
        .collect();
    let corpus = Corpus {
        articles,
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    let mut h = Harness::new(corpus, 80, 24);
    h.press("m");
    // Row 1 says what the matrix shows; the column numbers are under it.
    assert!(
        h.rows()[1].starts_with(" 40 articles · by date"),
        "{}",
        h.rows()[1]
    );
    assert!(h.rows()[2].contains("  2 "));
    for _ in 0..30 {
        h.press("l");
    }
    h.press("G");
    let header = &h.rows()[2];
    assert!(header.contains(" 32 "), "{header}");
    assert!(!header.contains("  2 "), "{header}");
    let text = h.screen_text();
    assert!(text.contains("40 a39 Outlet"), "{text}");
    assert!(!text.contains(" 1 a00"), "{text}");
    assert!(
        h.rows()[23].ends_with("a39 × a31 · 0% of a39 · 0% of a31 "),
        "{}",
        h.rows()[23]
    );
    h.press("g");
    assert!(h.screen_text().contains(" 1 a00 Outlet"));
}

#[test]
fn screens_asked_for_while_aligning_open_when_the_alignment_is_ready() {
    let corpus = Corpus::sample(&LoadOptions::default());
    let alignment = sample_alignment(&corpus);
    let terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let mut h = Harness {
        app: App::new(corpus, Keymap::default(), Theme::default()),
        terminal,
    };
    h.send(Event::Resize(120, 30));
    h.app
        .set_alignment_progress(super::progress::Progress::LiningUp {
            articles: 5,
            stage: Some(crate::align::Stage::Paraphrase),
        });
    h.press("p");
    assert_eq!(h.app.screen(), Screen::Library);
    let status = h.rows().last().unwrap().clone();
    assert!(
        status.contains("The shared passages open once the articles are lined up"),
        "{status}"
    );
    h.app.set_alignment(alignment);
    h.draw();
    assert_eq!(h.app.screen(), Screen::Groups);
    // A key pressed early is not where the session started: Esc goes back, not out.
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Library);
    assert!(h.app.is_running());
}

#[test]
fn matrix_jumps_between_cells_with_shared_text() {
    let mut h = Harness::sample(120, 40);
    h.press("m");
    let status = |h: &Harness| h.rows().last().unwrap().clone();
    assert!(status(&h).contains("000 × 001"), "{}", status(&h));
    // 000 shares nothing with 001: the next shared cell of its row is 002.
    h.press("]");
    assert!(status(&h).contains("000 × 002"), "{}", status(&h));
    h.press("]]]");
    assert!(status(&h).contains("001 × 002"), "{}", status(&h));
    h.press("[");
    assert!(status(&h).contains("000 × 004"), "{}", status(&h));
}

/// Random walks through every screen, with resizes, clicks and the wheel: no key sequence
/// panics, and every frame is drawn. Deterministic (a fixed linear congruential generator).
#[test]
fn random_key_walks_through_every_screen_never_panic() {
    const KEYS: &[&str] = &[
        "j",
        "k",
        "h",
        "l",
        "g",
        "G",
        "<Enter>",
        "<Esc>",
        "c",
        "<Space>",
        "p",
        "m",
        "u",
        "r",
        "]",
        "[",
        "}",
        "{",
        "<Tab>",
        "s",
        "J",
        "K",
        "<C-d>",
        "<C-u>",
        "<PageDown>",
        "?",
        "/",
        "x",
        "<Backspace>",
        "6",
        "w",
        "n",
        "N",
        "e",
        "\"",
        "t",
        "S",
    ];
    let mut visited = std::collections::HashSet::new();
    for seed in 1..=6u64 {
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n
        };
        let mut h = Harness::sample(100, 30);
        for _ in 0..400 {
            match next(20) {
                0 => {
                    let (w, hgt) = (next(130) as u16, next(45) as u16);
                    h.resize(w, hgt);
                }
                1 => h.click(next(130) as u16, next(45) as u16),
                2 => h.send(mouse(MouseEventKind::ScrollDown, 5, 5)),
                _ => {
                    let key = KEYS[next(KEYS.len())];
                    // `q` and Ctrl-c would end the walk; the rest of the keys go in.
                    h.press(key);
                }
            }
            visited.insert(format!("{:?}", h.app.screen()));
            if !h.app.is_running() {
                break;
            }
        }
    }
    assert_eq!(visited.len(), 10, "screens visited: {visited:?}");
}

#[test]
fn a_click_on_a_member_compares_it_with_the_reference() {
    let mut h = Harness::sample(120, 40);
    h.press("p<Enter>");
    // The reference member (000, Global Research) is no comparison.
    let (_, y) = find_cell(&h, "· reference");
    h.click(10, y);
    assert_eq!(h.app.screen(), Screen::Group);
    // A click on Sputnik's wording compares 000 (left) with 003 (right).
    let (_, y) = find_cell(&h, "created the Baghdad");
    h.click(10, y);
    assert_eq!(h.app.screen(), Screen::Compare);
    let (x000, _) = find_cell(&h, "▸ 000_");
    let (x003, _) = find_cell(&h, "003_b5e1");
    assert!(x000 < x003, "{}", h.screen_text());
    h.press("<Esc>");
    assert_eq!(h.app.screen(), Screen::Group);
}

#[test]
fn a_filter_typed_while_the_files_are_read_applies_to_them() {
    let terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    let app = App::loading(
        super::progress::Progress::Loading { files: 5 },
        Keymap::default(),
        Theme::default(),
    );
    let mut h = Harness { app, terminal };
    h.send(Event::Resize(100, 20));
    h.press("/sputnik");
    h.app
        .set_corpus(std::sync::Arc::new(Corpus::sample(&LoadOptions::default())));
    h.draw();
    assert_eq!(h.app.library.view().len(), 1, "{}", h.screen_text());
    assert!(h.app.library.is_editing_filter());
    assert!(h.screen_text().contains("Iraq Intends to Strengthen"));
    h.press("<Enter><Enter>");
    assert_eq!(h.app.screen(), Screen::Reader);
}

#[test]
fn group_and_matrix_say_when_a_key_has_nothing_to_do() {
    let mut h = Harness::sample(120, 40);
    h.press("p<Enter>[");
    assert!(
        h.rows()[39].contains("This is the first shared passage."),
        "{}",
        h.rows()[39]
    );
    h.press("j");
    assert!(h.rows()[39].contains("group 1 of"), "{}", h.rows()[39]);
    h.press("<Esc><Esc>mh<Enter>");
    assert_eq!(h.app.screen(), Screen::Matrix);
    assert!(
        h.rows()[39].contains("not compared with itself"),
        "{}",
        h.rows()[39]
    );
    h.press("Gllll]");
    assert!(
        h.rows()[39].contains("No more cells with shared text"),
        "{}",
        h.rows()[39]
    );
}
