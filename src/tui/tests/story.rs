//! The compare screen's legend and report export, and the help's glossary.

use super::*;
use crate::tui::export::Target;
use pretty_assertions::assert_eq;
use std::sync::Arc;

#[test]
fn e_on_the_compare_screen_writes_both_reports_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = compare_003_004();
    h.app.export = Some(Target {
        dir: dir.path().to_path_buf(),
        paths: vec![PathBuf::from("../shared/seeds")],
        options: vec!["--manifest".into(), "m.tsv".into()],
    });
    h.press("e");
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(status.contains("Wrote crossread-003_"), "{status}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with(".html") && names[1].ends_with(".md"),
        "{names:?}"
    );
    let html = std::fs::read_to_string(dir.path().join(&names[0])).unwrap();
    // The passage the screen shows on one row is on one table row of the page.
    let row = html
        .lines()
        .find(|l| l.starts_with("<tr class=\"pair\">") && l.contains("have agreed"))
        .unwrap_or_else(|| panic!("no row with the passage in {html}"));
    assert!(
        row.contains("created</span> the Baghdad Information Center"),
        "{row}"
    );
    assert!(
        html.contains("crossread --manifest m.tsv export compare 003_"),
        "the command is given"
    );
    assert!(
        html.contains(" ../shared/seeds</code>"),
        "with the session's paths"
    );
    let md = std::fs::read_to_string(dir.path().join(&names[1])).unwrap();
    assert!(
        md.contains("## Passage 2 of 5: paraphrase · 0.41 · moved from right ¶2"),
        "{md}"
    );

    // A second report never replaces the first.
    h.press("e");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(status.contains("-2.html and "), "{status}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&names[0])).unwrap(),
        html
    );
}

#[test]
fn without_a_target_e_writes_nothing_and_says_so() {
    let mut h = compare_003_004();
    h.press("e");
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(
        status.contains("Reports are not written in this session."),
        "{status}"
    );
}

#[test]
fn the_compare_screen_has_a_one_line_legend_at_both_sizes() {
    let mut h = compare_003_004();
    h.press("]]");
    let legend = h.rows()[h.rows().len() - 2].clone();
    assert!(
        legend.contains("left only · right only · worded differently"),
        "{legend}"
    );
    h.resize(60, 20);
    let legend = h.rows()[h.rows().len() - 2].clone();
    assert!(
        legend.contains("left · right · reworded · unaligned"),
        "{legend}"
    );
    insta::assert_snapshot!("compare_60x20", h.terminal.backend());
}

#[test]
fn the_legend_words_are_drawn_in_the_styles_they_name() {
    use crate::display::layout::Mark;
    let mut h = compare_003_004();
    h.press("]]");
    let theme = Theme::default();
    for (word, mark) in [
        ("left only", Mark::Deleted),
        ("right only", Mark::Inserted),
        ("worded differently", Mark::ReplacedLeft),
    ] {
        let (y, x) = find(&h, word);
        let cell = &h.buffer()[(x as u16, y as u16)];
        assert_eq!(Some(cell.fg), theme.mark(mark).fg, "{word}");
        assert_ne!(cell.fg, h.buffer()[(0, y as u16)].fg, "{word} stands out");
    }
}

#[test]
fn help_explains_the_colours_and_terms_at_both_sizes() {
    for (w, hgt, name) in [
        (120, 40, "help_glossary_120x40"),
        (60, 20, "help_glossary_60x20"),
    ] {
        let mut h = compare_003_004();
        h.resize(w, hgt);
        h.press("?G");
        let text = h.screen_text();
        for term in ["altered quote", "family", "copy"] {
            assert!(text.contains(term), "{term} at {w}×{hgt}:\n{text}");
        }
        insta::assert_snapshot!(name, h.terminal.backend());
    }
    let mut h = compare_003_004();
    h.press("?");
    let mut all = String::new();
    for _ in 0..40 {
        all.push_str(&h.screen_text());
        h.press("<PageDown>");
    }
    for term in [
        "paraphrase 0.41",
        "moved from right ¶2",
        "left only",
        "reworded",
        "verbatim",
    ] {
        assert!(all.contains(term), "{term}");
    }
}

/// The sample with its bodies indexed, as the worker hands the index over.
fn searchable(width: u16, height: u16) -> Harness {
    let mut h = Harness::sample(width, height);
    let index = crate::display::search::SearchIndex::new(Arc::clone(&h.app.corpus));
    h.app.set_search(Arc::new(index));
    h.draw();
    h
}

#[test]
fn library_search_finds_a_word_only_one_body_has_and_says_where() {
    for (w, hgt, name) in [
        (120, 40, "library_search_120x40"),
        (60, 20, "library_search_60x20"),
    ] {
        let mut h = searchable(w, hgt);
        h.press("/rotat");
        let text = h.screen_text();
        assert!(text.contains(" 1 of 5 "), "{text}");
        let row = h.rows()[2].clone();
        assert!(
            row.contains("War Press") || row.contains("Russia, Syria"),
            "{row}"
        );
        let filter = h.rows()[h.rows().len() - 2].clone();
        assert!(filter.contains("/rotat   in text: "), "{filter}");
        assert!(filter.contains("rotating"), "{filter}");
        // The word found is marked in the snippet.
        let (y, x) = find(&h, "rotating");
        let cell = &h.buffer()[(x as u16, y as u16)];
        assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
        insta::assert_snapshot!(name, h.terminal.backend());
    }
}

#[test]
fn without_the_index_the_filter_searches_the_fields_alone() {
    let mut h = Harness::sample(120, 40);
    h.press("/rotat");
    assert!(h.screen_text().contains(" 0 of 5 "));
    // The index arrives while the filter is typed: the list follows.
    let index = crate::display::search::SearchIndex::new(Arc::clone(&h.app.corpus));
    h.app.set_search(Arc::new(index));
    h.draw();
    assert!(h.screen_text().contains(" 1 of 5 "), "{}", h.screen_text());
}

#[test]
fn a_row_found_by_its_author_or_id_says_so_in_the_title_column() {
    let mut h = searchable(120, 40);
    h.press("/003");
    let row = h.rows()[2].clone();
    assert!(row.contains(" · id: 003_b5e1"), "{row}");
    assert!(h.rows()[h.rows().len() - 2].contains("in id"));
}

#[test]
fn reader_search_marks_every_match_and_n_goes_through_them() {
    for (w, hgt, name) in [
        (120, 40, "reader_search_120x40"),
        (60, 20, "reader_search_60x20"),
    ] {
        let mut h = Harness::sample(w, hgt);
        // The Sputnik article: "Russia" in it many times.
        let sputnik = h
            .app
            .corpus
            .articles
            .iter()
            .position(|a| a.id.starts_with("003"))
            .unwrap();
        let row = h
            .app
            .library
            .view()
            .iter()
            .position(|&i| i == sputnik)
            .unwrap();
        h.app.library.move_to(row);
        h.press("<Enter>/russia");
        let status = h.rows().last().cloned().unwrap_or_default();
        assert!(status.contains("/russia▏ · match 1 of "), "{status}");
        // Typed keys went to the search, not to the reader's keys (`r` is "raw").
        assert!(!h.screen_text().contains("RAW"));
        h.press("<Enter>");
        let marked = |h: &Harness| -> Vec<(usize, String)> {
            let buf = h.buffer();
            let mut out = Vec::new();
            for y in 0..buf.area.height {
                let mut word = String::new();
                for x in 0..buf.area.width {
                    let cell = &buf[(x, y)];
                    if cell.modifier.contains(Modifier::REVERSED) && y + 1 < buf.area.height {
                        word.push_str(cell.symbol());
                    } else if !word.is_empty() {
                        out.push((y as usize, std::mem::take(&mut word)));
                    }
                }
            }
            out
        };
        let first = marked(&h);
        assert!(!first.is_empty(), "{}", h.screen_text());
        assert!(
            first
                .iter()
                .all(|(_, w)| w.to_lowercase().starts_with("russia")),
            "{first:?}"
        );
        insta::assert_snapshot!(name, h.terminal.backend());
        let status = h.rows().last().cloned().unwrap_or_default();
        let total: usize = status
            .split(" of ")
            .nth(1)
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| panic!("{status}"));
        assert!(total >= 3, "{status}");
        h.press("n");
        assert!(
            h.rows().last().unwrap().contains("match 2 of "),
            "{:?}",
            h.rows().last()
        );
        h.press("NN");
        assert!(
            h.rows()
                .last()
                .unwrap()
                .contains(&format!("match {total} of {total}")),
            "N goes round: {:?}",
            h.rows().last()
        );
        h.press("/<Esc>");
        assert!(marked(&h).is_empty(), "Esc clears the search");
        assert_eq!(h.app.screen(), Screen::Reader);
    }
}

#[test]
fn the_shared_passages_list_filters_by_wording_and_outlet() {
    let mut h = Harness::sample(120, 40);
    h.press("p");
    assert_eq!(h.app.screen(), Screen::Groups);
    let all = h.screen_text();
    let total = all.lines().filter(|l| l.contains("0.")).count();
    h.press("/baghdad informa");
    let status = h.rows().last().cloned().unwrap_or_default();
    assert!(status.contains("/baghdad informa▏ · "), "{status}");
    let shown: Vec<String> = h.rows()[2..h.rows().len() - 1]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    assert!(
        !shown.is_empty() && shown.len() < total,
        "{shown:?} of {total}"
    );
    h.press("<Enter><Enter>");
    assert_eq!(h.app.screen(), Screen::Group);
    assert!(h.screen_text().contains("Baghdad"), "{}", h.screen_text());
    h.press("<Esc>/ zzzz");
    assert!(h
        .screen_text()
        .contains("No shared passage matches “baghdad informa zzzz”."));
    h.press("<Esc>");
    assert!(!h.rows().last().unwrap().contains("zzzz"));
    assert_eq!(h.app.screen(), Screen::Groups);
}
