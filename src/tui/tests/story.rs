//! The compare screen's legend and report export, and the help's glossary.

use super::*;
use crate::tui::export::Target;
use pretty_assertions::assert_eq;

#[test]
fn e_on_the_compare_screen_writes_both_reports_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = compare_003_004();
    h.app.export = Some(Target {
        dir: dir.path().to_path_buf(),
        paths: vec![PathBuf::from("../shared/seeds")],
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
        html.contains("crossread export compare 003_"),
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
