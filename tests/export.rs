//! `crossread export compare A B` and `crossread export story N`: the reports to cite,
//! written by the binary run as a process, in an isolated home.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    // A home of its own, apart from `dir`: reading a folder keeps its documents in the
    // cache folder, which is not what the tests look for in `dir`.
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

fn samples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/articles")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn export_compare_writes_html_and_markdown_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    let out = run(
        dir.path(),
        &[
            "export", "compare", "003", "004", "--html", "r.html", "--md", "r.md", &samples,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "crossread: wrote r.html\ncrossread: wrote r.md\n"
    );
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    // Both wordings of the information center passage on one table row.
    let row = html
        .lines()
        .find(|l| l.starts_with("<tr class=\"pair\">") && l.contains("have agreed"))
        .unwrap_or_else(|| panic!("{html}"));
    assert_eq!(row.matches("<td>").count(), 2, "{row}");
    assert!(row.contains("created</span> the Baghdad"), "{row}");
    assert!(html.contains("<td>Sputnik International</td><td>War Press Info Network</td>"));
    let command = format!("crossread export compare 003 004 --html r.html --md r.md {samples}");
    assert!(html.contains(&command), "the command that writes it again");
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(md.starts_with("# Sputnik International and War Press Info Network: what they share\n"));
    assert!(
        md.contains("\n> Russia, Syria, Iran and Iraq **have agreed** to "),
        "{md}"
    );
    assert!(md.contains(&format!("```\n{command}\n```")), "{md}");
}

#[test]
fn an_existing_file_is_left_alone_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    std::fs::write(dir.path().join("mine.html"), "my notes").unwrap();
    let args = [
        "export",
        "compare",
        "003",
        "004",
        "--html",
        "mine.html",
        &samples,
    ];
    let out = run(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "crossread: cannot write mine.html: a file of that name exists (not overwritten); \
         give --force to replace it\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.html")).unwrap(),
        "my notes"
    );
    // The binary's own cache folder (`.cache`, set by `run`) aside, only the user's file.
    let listed: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name != ".cache")
        .collect();
    assert_eq!(listed, ["mine.html"], "no temporary file left");

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = run(dir.path(), &forced);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("mine.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn without_a_file_the_markdown_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "compare", "003", "004"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.contains("## Passage 1 of 3: paraphrase"), "{md}");
    assert!(
        md.contains("## Only in Sputnik International (003_b5e1fbffe1debdfc)"),
        "{md}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn export_still_needs_a_format_or_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--jsonl"),
        "{}",
        text(&out.stderr)
    );
    let out = run(dir.path(), &["export", "compare", "003"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("<RIGHT>"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_command_given_carries_the_manifest_that_named_the_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    std::fs::write(
        dir.path().join("m.tsv"),
        "path\toutlet\n003_b5e1fbffe1debdfc.txt\tSputnik Test Desk\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "--manifest",
            "m.tsv",
            "export",
            "compare",
            "003",
            "004",
            &samples,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(
        md.starts_with("# Sputnik Test Desk and War Press Info Network"),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "crossread --manifest m.tsv export compare 003 004 {samples}\n"
        )),
        "{md}"
    );
}

// `crossread export story N`: a story's report, on the hand-made folder
// `tests/fixtures/stories` (an AP story run by three outlets, a radio piece on the same
// event, an unrelated sports report).

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
