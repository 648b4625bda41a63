//! `crossread export story N`: a story's report, written by the binary run as a process, in
//! an isolated home, on the hand-made folder `tests/fixtures/stories` (an AP story run by
//! three outlets, a radio piece on the same event, an unrelated sports report).

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn folder() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stories")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn export_story_writes_the_copies_in_time_order_and_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder();
    let out = run(
        dir.path(),
        &[
            "export", "story", "1", "--html", "s.html", "--md", "s.md", &folder,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "crossread: wrote s.html\ncrossread: wrote s.md\n"
    );
    let md = std::fs::read_to_string(dir.path().join("s.md")).unwrap();
    assert!(
        md.starts_with("# Story 1: 4 articles, 4 outlets, 2024-04-02 to 2024-04-05\n"),
        "{md}"
    );
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| 2024-")).collect();
    let outlets: Vec<&str> = rows
        .iter()
        .map(|r| r.split(" | ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        outlets,
        [
            "Lakeside Ledger",
            "Metro Daily",
            "Valley Herald",
            "City Radio"
        ],
        "{md}"
    );
    assert!(
        rows[0].contains("| The Associated Press | A (first) |"),
        "{}",
        rows[0]
    );
    assert!(
        md.contains("- 2024-04-02: Lakeside Ledger, Metro Daily\n"),
        "{md}"
    );
    assert!(
        md.contains("> Work is expected to **begin** in June")
            && md.contains("> Work is expected to **start** in June"),
        "the changed word of Metro Daily: {md}"
    );
    let command = format!("crossread export story 1 --html s.html --md s.md {folder}");
    assert!(md.contains(&command), "{md}");
    let html = std::fs::read_to_string(dir.path().join("s.html")).unwrap();
    assert!(html.contains("<td>Valley Herald</td>"), "{html}");
    assert!(
        html.contains("<td>Work is expected to <span class=\"rep\">start</span> in June"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"ins\">Truck drivers in the valley"),
        "{html}"
    );
    for asset in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(asset), "{asset}");
    }
}

#[test]
fn a_story_is_named_by_number_or_by_one_of_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder();
    let by_article = run(dir.path(), &["export", "story", "3-herald", &folder]);
    assert!(by_article.status.success(), "{}", text(&by_article.stderr));
    let md = text(&by_article.stdout);
    assert!(md.starts_with("# Story 1: 4 articles"), "{md}");
    assert!(md.contains("crossread export story 1 "), "{md}");

    let out = run(dir.path(), &["export", "story", "9", &folder]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "crossread: export story: no story 9 (there is 1 story)\n"
    );
    let out = run(dir.path(), &["export", "story", "5-sports", &folder]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("5-sports is in no story"),
        "{}",
        text(&out.stderr)
    );
}

/// The real scrape named in issue 13: the outlets come from the manifest. Skipped when the
/// evaluation data is not beside the checkout.
#[test]
fn on_the_spotify_scrape_the_story_lists_dated_copies_first_in_date_order() {
    // `../shared` next to the checkout, or next to the folder of worktrees.
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(scrape) = [here.join("../shared"), here.join("../../shared")]
        .into_iter()
        .map(|s| s.join("eval/scrapes/spotify"))
        .find(|s| s.join("articles.tsv").is_file())
    else {
        eprintln!("skipped: no ../shared/eval/scrapes/spotify next to the checkout");
        return;
    };
    let manifest = scrape.join("articles.tsv");
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "--manifest",
            &manifest.to_string_lossy(),
            "export",
            "story",
            "1",
            &scrape.to_string_lossy(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    let dates: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Date"))
        .map(|l| l.split(" | ").next().unwrap_or("").trim_start_matches("| "))
        .collect();
    assert!(dates.len() >= 5, "{md}");
    let dated: Vec<&&str> = dates.iter().filter(|d| d.starts_with("20")).collect();
    assert!(dated.len() >= 3, "{md}");
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // The undated come after every dated copy.
    let first_undated = dates.iter().position(|d| *d == "—").unwrap_or(dates.len());
    assert!(
        dates[first_undated..].iter().all(|d| *d == "—"),
        "{dates:?}"
    );
    // Outlets named by the manifest.
    assert!(md.contains("The New York Times"), "{md}");
}
