//! The `crossread` binary run as a process: what a script sees on stdout, stderr and in the
//! exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pretty_assertions::assert_eq;
use serde_json::Value;

/// A command for the binary with an isolated home, config, cache and data folders and working
/// directory, so that no user config on the machine leaks into a test and no test writes to
/// the user's cache, whatever `HOME` and `XDG_*` say.
struct Run {
    cmd: Command,
    _home: tempfile::TempDir,
}

impl Run {
    fn new(args: &[&str]) -> Run {
        let home = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossread"));
        cmd.args(args)
            .current_dir(home.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("XDG_STATE_HOME", home.path().join(".local/state"))
            .env_remove("NO_COLOR");
        Run { cmd, _home: home }
    }

    fn output(mut self) -> Output {
        self.cmd.output().unwrap()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(out), stderr(out)))
}

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles")
}

fn sample_dir_arg() -> String {
    samples_dir().to_string_lossy().into_owned()
}

#[test]
fn bare_list_shows_the_embedded_sample_from_an_empty_directory() {
    let out = Run::new(&["list", "--json"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "000_569b729a2117decc",
            "001_76e71f461a24764f",
            "002_76376debc50083fa",
            "003_b5e1fbffe1debdfc",
            "004_a614a29300825745"
        ]
    );
}

#[test]
fn list_json_has_the_documented_fields() {
    let out = Run::new(&["list", "--json", &sample_dir_arg()]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let first = &v["articles"][0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        ["author", "date", "id", "outlet", "path", "title", "words"]
    );
    assert!(first["path"]
        .as_str()
        .unwrap()
        .ends_with("000_569b729a2117decc.txt"));
    assert!(first["words"].as_u64().unwrap() > 100);
}

#[test]
fn list_describes_the_sample_articles() {
    let out = Run::new(&["list", "--json", &sample_dir_arg()]).output();
    let v = json(&out);
    let a = |i: usize, field: &str| {
        v["articles"][i][field]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
    };
    for i in 0..5 {
        assert!(!a(i, "title").is_empty(), "article {i} has no title");
        assert!(
            !a(i, "title").starts_with('#'),
            "markdown marker left in title {}",
            a(i, "title")
        );
    }
    assert!(a(0, "outlet").contains("global research") || a(0, "outlet").contains("manar"));
    assert!(a(0, "date").starts_with("2015-10"));
    assert!(a(1, "outlet").contains("trt"));
    assert!(a(3, "outlet").contains("sputnik"));
    assert!(a(4, "outlet").contains("war press"));
}

#[test]
fn list_plain_is_a_table_with_a_header() {
    let out = Run::new(&["list"]).output();
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("TITLE"),
        "{text}"
    );
    assert!(lines[4].starts_with("003_b5e1fbffe1debdfc"), "{text}");
}

#[test]
fn show_json_gives_the_article_and_its_cleaned_text() {
    let out = Run::new(&["show", "002", "--json"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["id"], "002_76376debc50083fa");
    let text = v["text"].as_str().unwrap();
    assert!(text.contains("help and cooperate in collecting information"));
    assert!(
        !text.contains("Receive News Alerts"),
        "boilerplate kept: {text}"
    );
}

#[test]
fn show_raw_keeps_the_boilerplate() {
    let out = Run::new(&["show", "002_76376debc50083fa", "--raw", "--json"]).output();
    let v = json(&out);
    assert!(v["text"].as_str().unwrap().contains("Receive News Alerts"));
}

#[test]
fn show_plain_prints_a_header_then_the_text() {
    let out = Run::new(&["show", "003", &sample_dir_arg()]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Title:"), "{text}");
    assert!(
        text.contains("\nId:     003_b5e1fbffe1debdfc\n\n"),
        "{text}"
    );
    assert!(text.contains("created the Baghdad Information Center"));
}

#[test]
fn show_an_unknown_id_fails_with_code_2() {
    let out = Run::new(&["show", "nope"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "crossread: no article with id or path 'nope'\n"
    );
}

#[test]
fn show_an_ambiguous_prefix_names_the_candidates() {
    let out = Run::new(&["show", "00"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("matches several articles: 000_569b729a2117decc, 001_"));
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let out = Run::new(&["list", dir.path().to_str().unwrap()]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no article found in"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_missing_path_is_named() {
    let out = Run::new(&["list", "/no/such/folder"]).output();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("skipped /no/such/folder: no such file or folder"),
        "{err}"
    );
}

/// Good articles load; each bad file gets one warning line naming it; nothing stops the rest.
#[test]
fn bad_files_are_skipped_with_a_warning_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("good1.txt"),
        "Good news\n\nThe first good article has a sentence.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("good2.md"),
        "---\ntitle: Second story\noutlet: The Daily Example\ndate: 2015-10-24\n---\n\nBody of the second article.\n",
    )
    .unwrap();
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(d.join("random.txt"), &random).unwrap();
    // Sequences that are invalid UTF-8 and no plausible legacy text either.
    std::fs::write(
        d.join("invalid.txt"),
        b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xf8\xa1\xa1\xa1\xa1",
    )
    .unwrap();
    // Not UTF-8 either, but real Latin-1 prose: read, with a note naming the guess.
    std::fs::write(
        d.join("legacy.txt"),
        b"Caf\xe9 du march\xe9\n\nLes \xe9lecteurs de Montr\xe9al ont vot\xe9 dimanche.\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(
        d.join("latin1.html"),
        b"<html><head><meta charset=\"iso-8859-1\"><title>\xc9lection \xe0 Montr\xe9al</title></head>\
          <body><article><h1>\xc9lection \xe0 Montr\xe9al</h1><p>Les \xe9lecteurs de Montr\xe9al \
          ont vot\xe9 dimanche pour choisir leur nouveau maire, dans un scrutin tr\xe8s serr\xe9.</p>\
          <p>Le d\xe9pouillement a dur\xe9 toute la nuit.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(
        d.join("locked.txt"),
        "A file that only its owner may read.\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("dangling.txt")).unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    }

    let out = Run::new(&["list", "--json", d.to_str().unwrap()]).output();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let v = json(&out);
    let mut ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    ids.sort();
    let expected = vec!["good1", "good2", "latin1", "legacy"];
    assert_eq!(ids, expected, "stderr: {err}");

    let latin = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "latin1")
        .unwrap();
    assert_eq!(latin["title"], "Élection à Montréal");
    let good2 = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "good2")
        .unwrap();
    assert_eq!(good2["outlet"], "The Daily Example");
    assert_eq!(good2["date"], "2015-10-24");

    let warned = |name: &str| {
        err.lines()
            .any(|l| l.starts_with("crossread: skipped ") && l.contains(name))
    };
    for name in ["random.txt", "invalid.txt", "empty.txt"] {
        assert!(warned(name), "no warning for {name}: {err}");
    }
    #[cfg(unix)]
    {
        assert!(warned("dangling.txt"), "no warning for dangling.txt: {err}");
        assert!(warned("loop"), "no warning for the symlink loop: {err}");
        assert!(
            warned("locked.txt: cannot read: permission denied"),
            "{err}"
        );
    }
    let legacy = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "legacy")
        .unwrap();
    assert_eq!(legacy["title"], "Café du marché");
    assert!(
        err.lines().any(|l| l.starts_with("crossread: warning: ")
            && l.contains("legacy.txt: not valid UTF-8; read as windows-1252")),
        "{err}"
    );
    assert!(
        err.lines()
            .all(|l| l.starts_with("crossread: skipped ") || l.starts_with("crossread: warning: ")),
        "{err}"
    );
}

#[test]
fn an_invalid_config_names_path_line_column_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "paths = []\n[cleaning]\ncaptions = 3\n").unwrap();
    let out = Run::new(&["--config", config.to_str().unwrap(), "list"]).output();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let expected = format!(
        "crossread: invalid config file {}:3:12: key `cleaning.captions`",
        config.display()
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn an_old_related_articles_value_is_used_but_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("old.toml");
    std::fs::write(&config, "[align]\nrelated_articles = 0.09\n").unwrap();
    let out = Run::new(&["--config", config.to_str().unwrap(), "list"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let expected = format!(
        "crossread: warning: config file {}:2:20: key `align.related_articles` = 0.09 makes \
         nearly every pair of articles one event",
        config.display()
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(!stdout(&out).is_empty());
    std::fs::write(&config, "[align]\nrelated_articles = 0.3\n").unwrap();
    let out = Run::new(&["--config", config.to_str().unwrap(), "list"]).output();
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_config_with_a_bad_key_binding_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("keys.toml");
    std::fs::write(&config, "[keys.library]\nmove_down = [\"<Ctl-x>\"]\n").unwrap();
    let out = Run::new(&["--config", config.to_str().unwrap(), "list"]).output();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(":2:14: key `keys.library.move_down`"), "{err}");
}

#[test]
fn the_config_in_the_platform_dir_is_read() {
    let run = Run::new(&["list", "--json"]);
    let home = run._home.path().to_path_buf();
    let dir = home.join(".config/crossread");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[cleaning]\nenabled = false\n").unwrap();
    let out = run.output();
    assert!(out.status.success(), "{}", stderr(&out));
    let raw = Run::new(&["show", "002", "--json"]).output();
    let cleaned_words = json(&raw)["words"].as_u64().unwrap();
    let v = json(&out);
    let uncleaned_words = v["articles"][2]["words"].as_u64().unwrap();
    assert!(
        uncleaned_words > cleaned_words,
        "{uncleaned_words} vs {cleaned_words}"
    );
}

#[test]
fn a_missing_explicit_config_is_an_error() {
    let out = Run::new(&["--config", "/no/such.toml", "list"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "crossread: cannot read config file /no/such.toml: no such file or folder\n"
    );
}

#[test]
fn print_config_path_follows_the_platform_dirs() {
    let run = Run::new(&["--print-config-path"]);
    let home = run._home.path().to_path_buf();
    let out = run.output();
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!("{}\n", home.join(".config/crossread/config.toml").display())
    );
}

#[test]
fn version_and_help() {
    let out = Run::new(&["--version"]).output();
    assert_eq!(
        stdout(&out),
        format!("crossread {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = Run::new(&["--help"]).output();
    let help = stdout(&out);
    for word in ["list", "show", "--config", "--print-config-path", "PATH"] {
        assert!(help.contains(word), "{word} missing from help:\n{help}");
    }
}

#[test]
fn the_reader_refuses_to_start_without_a_terminal() {
    let out = Run::new(&[]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the reader needs a terminal"));
}

#[test]
fn output_into_a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut run = Run::new(&["show", "004"]);
    let mut child = run
        .cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 8];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        status.success() || status.code() == Some(1) && err.is_empty(),
        "{status:?} {err}"
    );
}

/// `show ID --json`'s text of every article, by id: what span offsets point into.
fn texts_by_id() -> std::collections::HashMap<String, String> {
    let list = json(&Run::new(&["list", "--json"]).output());
    list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let id = a["id"].as_str().unwrap();
            let shown = json(&Run::new(&["show", id, "--json"]).output());
            (id.to_string(), shown["text"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Checks a span object: offsets in order, and its text is the shown text at those offsets.
#[track_caller]
fn assert_span(span: &Value, article_text: &str) {
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert!(start <= end && end <= article_text.len(), "{span}");
    assert_eq!(
        span["text"].as_str().unwrap(),
        &article_text[start..end],
        "{span}"
    );
}

#[test]
fn passages_json_has_the_documented_shape() {
    let out = Run::new(&["passages", "--json"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["articles", "families", "groups", "pairs", "quotes", "stories", "unique"]
    );
    let list = json(&Run::new(&["list", "--json"]).output());
    assert_eq!(
        v["articles"], list["articles"],
        "articles are the objects of list --json"
    );

    let texts = texts_by_id();
    let span = |s: &Value| {
        let id = s["article"]
            .as_str()
            .unwrap_or_else(|| panic!("no article id in {s}"));
        assert_span(
            s,
            texts
                .get(id)
                .unwrap_or_else(|| panic!("unknown article {id}")),
        );
    };
    for pair in v["pairs"].as_array().unwrap() {
        assert!(
            ["verbatim", "paraphrase"].contains(&pair["kind"].as_str().unwrap()),
            "{pair}"
        );
        let score = pair["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{pair}");
        assert_eq!(
            (score * 1000.0).round() / 1000.0,
            score,
            "three decimals: {pair}"
        );
        span(&pair["a"]);
        span(&pair["b"]);
        assert_ne!(pair["a"]["article"], pair["b"]["article"], "{pair}");
    }
    for group in v["groups"].as_array().unwrap() {
        assert!(
            group["id"].is_u64() && group["label"].is_string(),
            "{group}"
        );
        let members = group["members"].as_array().unwrap();
        assert!(members.len() >= 2, "{group}");
        members.iter().for_each(span);
    }
    v["unique"].as_array().unwrap().iter().for_each(span);
}

fn quotes_dir_arg() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quotes")
        .to_string_lossy()
        .into_owned()
}

/// A quote carried by four dated articles of four outlets, one of which changed a word
/// inside the quotation marks: `passages --json` lists its renderings in time order (not the
/// files' order), the earliest first seen, and flags the altered one with its changed word.
#[test]
fn passages_json_tracks_a_quote_across_outlets_and_flags_the_altered_copy() {
    let out = Run::new(&["--no-cache", "passages", "--json", &quotes_dir_arg()]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let quote = &v["quotes"][0];
    assert_eq!(quote["speaker"], "Ana Ruiz", "{quote}");
    assert_eq!(quote["outlets"], 4, "{quote}");
    assert_eq!(quote["altered"], 1, "{quote}");
    assert_eq!(
        quote["text"],
        "We will rebuild the harbour wall before the winter storms arrive."
    );
    let members = quote["members"].as_array().unwrap();
    let column = |key: &str| -> Vec<Value> { members.iter().map(|m| m[key].clone()).collect() };
    assert_eq!(
        column("article"),
        [
            "harbour-weekly",
            "harbour-herald",
            "harbour-tide",
            "harbour-portnews"
        ]
    );
    assert_eq!(
        column("date"),
        ["2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06"]
    );
    assert_eq!(column("first"), [true, false, false, false]);
    assert_eq!(column("altered"), [false, false, false, true]);
    assert_eq!(column("speaker"), ["Ana Ruiz", "Ana Ruiz", "Ruiz", "Ruiz"]);
    let altered = &members[3];
    assert_eq!(
        altered["text"],
        "We will repair the harbour wall before the winter storms arrive,"
    );
    assert_eq!(altered["changed"][0]["text"], "repair");
    // Offsets are into the article's text as `show` prints it.
    let shown = Run::new(&["show", "harbour-portnews", "--json", &quotes_dir_arg()]).output();
    let text = json(&shown)["text"].as_str().unwrap().to_string();
    let (start, end) = (
        altered["changed"][0]["start"].as_u64().unwrap() as usize,
        altered["changed"][0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "repair");
    // The scare quote ("silly") is no quote; Berg's words are one, carried by two outlets.
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[1]["speaker"], "Tomas Berg");
}

/// `export quote N` and `export group N` write the reports `e` writes on those screens.
#[test]
fn export_quote_and_group_write_reports_with_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("q.html");
    let md = dir.path().join("q.md");
    let out = Run::new(&[
        "--no-cache",
        "export",
        "quote",
        "1",
        "--html",
        html.to_str().unwrap(),
        "--md",
        md.to_str().unwrap(),
        &quotes_dir_arg(),
    ])
    .output();
    assert!(out.status.success(), "{}", stderr(&out));
    let md_text = std::fs::read_to_string(&md).unwrap();
    assert!(
        md_text.starts_with(
            "# Quote 1: “We will rebuild the harbour wall before the winter storms arrive.” \
             (Ana Ruiz)"
        ),
        "{md_text}"
    );
    assert!(md_text.contains("## 4. Port News, 2024-03-06 (harbour-portnews) ⚠"));
    assert!(
        md_text.contains("crossread export quote 1 --html "),
        "{md_text}"
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("We will <span class=\"rep\">repair</span> the harbour wall"));

    let out = Run::new(&["--no-cache", "export", "group", "1", &quotes_dir_arg()]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# Shared passage 1: "), "{text}");
    assert!(
        text.contains("## 1. Bay Weekly, 2024-03-03 (harbour-weekly)"),
        "{text}"
    );

    let out = Run::new(&["--no-cache", "export", "quote", "7", &quotes_dir_arg()]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no quote 7: the articles have 2 quotes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn passages_plain_ends_with_counts() {
    let out = Run::new(&["passages", &sample_dir_arg()]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let (pairs, summary) = (lines[lines.len() - 2], lines[lines.len() - 1]);
    assert!(
        pairs.starts_with("Pairs: ") && pairs.contains(" verbatim, "),
        "{text}"
    );
    assert!(
        summary.starts_with("5 articles, ") && summary.contains(" shared passages, "),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "{text}");
}

#[test]
fn passages_min_score_must_be_a_fraction() {
    let out = Run::new(&["passages", "--min-score", "1.5"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("must be between 0 and 1, got 1.5"),
        "{}",
        stderr(&out)
    );
    let out = Run::new(&["passages", "--min-score", "0.9", "--json"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    for pair in json(&out)["pairs"].as_array().unwrap() {
        assert!(pair["score"].as_f64().unwrap() >= 0.9, "{pair}");
    }
}

#[test]
fn compare_json_has_the_documented_shape() {
    let out = Run::new(&["compare", "003", "004", "--json"]).output();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["left", "pairs", "right", "unique_left", "unique_right"]
    );
    let list = json(&Run::new(&["list", "--json"]).output());
    assert_eq!(v["left"], list["articles"][3]);
    assert_eq!(v["right"], list["articles"][4]);

    let texts = texts_by_id();
    let (left, right) = (
        &texts["003_b5e1fbffe1debdfc"],
        &texts["004_a614a29300825745"],
    );
    for pair in v["pairs"].as_array().unwrap() {
        assert!(
            ["verbatim", "paraphrase"].contains(&pair["kind"].as_str().unwrap()),
            "{pair}"
        );
        assert!(
            (0.0..=1.0).contains(&pair["score"].as_f64().unwrap()),
            "{pair}"
        );
        assert_span(&pair["left"], left);
        assert_span(&pair["right"], right);
        // The diff covers both passages, in order.
        let diff = pair["diff"].as_array().unwrap();
        let side = |name: &str| {
            diff.iter()
                .map(|op| op[name].as_str().unwrap())
                .collect::<String>()
        };
        assert_eq!(side("left"), pair["left"]["text"].as_str().unwrap());
        assert_eq!(side("right"), pair["right"]["text"].as_str().unwrap());
        for op in diff {
            assert!(["equal", "delete", "insert", "replace"].contains(&op["op"].as_str().unwrap()));
        }
    }
    v["unique_left"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(|s| assert_span(s, left));
    v["unique_right"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(|s| assert_span(s, right));
}

#[test]
fn compare_prints_both_articles_side_by_side_within_the_width() {
    let path = samples_dir().join("003_b5e1fbffe1debdfc.txt");
    let out = Run::new(&[
        "compare",
        path.to_str().unwrap(),
        "004",
        "--width",
        "90",
        &sample_dir_arg(),
    ])
    .output();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("003_b5e1fbffe1debdfc ") && first.ends_with(" │ 004_a614a29300825745"),
        "{text}"
    );
    assert!(text.contains("── Only in 003_b5e1fbffe1debdfc ─"), "{text}");
    for line in text.lines() {
        assert!(
            crossread::display::text::width(line) <= 90,
            "too wide: {line:?}"
        );
    }
    assert!(!text.contains('\x1b'), "no colour when piped: {text}");
}

#[test]
fn compare_width_comes_from_columns_else_120() {
    // Two equal columns around " │ ": the divider sits right after the left column.
    let divider_at = |out: &Output| {
        let text = stdout(out);
        let first = text.lines().next().unwrap().to_string();
        first.chars().position(|c| c == '│').unwrap()
    };
    let mut run = Run::new(&["compare", "003", "004"]);
    run.cmd.env("COLUMNS", "70");
    assert_eq!(divider_at(&run.output()), (70 - 3) / 2 + 1);
    let mut run = Run::new(&["compare", "003", "004"]);
    run.cmd.env_remove("COLUMNS");
    assert_eq!(divider_at(&run.output()), (120 - 3) / 2 + 1);
    let mut run = Run::new(&["compare", "003", "004", "--width", "50"]);
    run.cmd.env("COLUMNS", "70");
    assert_eq!(divider_at(&run.output()), (50 - 3) / 2 + 1, "--width wins");
}

#[test]
fn compare_names_what_is_wrong_with_its_arguments() {
    let out = Run::new(&["compare", "003", "nope"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "crossread: no article with id or path 'nope'\n"
    );

    let out = Run::new(&["compare", "00", "004"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'00' matches several articles: 000_569b729a2117decc"),
        "{}",
        stderr(&out)
    );

    let out = Run::new(&["compare", "003", "003_b5e1fbffe1debdfc"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "crossread: compare needs two different articles; both name 003_b5e1fbffe1debdfc\n"
    );

    let out = Run::new(&["compare", "003"]).output();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("<RIGHT>") && stderr(&out).contains("Usage:"),
        "{}",
        stderr(&out)
    );

    for bad in [
        &["--color", "sometimes"][..],
        &["--width", "5"],
        &["--width", "wide"],
    ] {
        let mut args = vec!["compare", "003", "004"];
        args.extend_from_slice(bad);
        let out = Run::new(&args).output();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stdout(&out).is_empty(), "{bad:?}");
    }
    assert!(stdout(&out).is_empty());
}

/// Text without the change markers `[-…-]` and `{+…+}`.
fn unmarked(text: &str) -> String {
    ["[-", "-]", "{+", "+}"]
        .iter()
        .fold(text.to_string(), |t, m| t.replace(m, ""))
}

/// The acceptance case of the compare view, on the sample corpus: the information-center
/// sentences of 003 and 004 on one row, each reworded phrase whole. Needs the engine's pairs.
#[test]
fn compare_lines_up_the_reworded_information_center_sentences() {
    let out = Run::new(&["compare", "003", "004", "--width", "200"]).output();
    let text = stdout(&out);
    assert!(
        unmarked(&text)
            .lines()
            .any(|l| l.contains("created the Baghdad Information Center")
                && l.contains("agreed to establish an information center")),
        "{text}"
    );
}

/// `compare` takes two files of their own: with no PATH they are compared with each other.
#[test]
fn compare_takes_two_files_by_path() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let file = |prefix: &str| {
        std::fs::read_dir(&seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };
    let (a, b) = (file("003"), file("004"));
    let out = Run::new(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--width",
        "200",
    ])
    .output();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        unmarked(&text)
            .lines()
            .any(|l| l.contains("created the Baghdad Information Center")
                && l.contains("agreed to establish an information center")),
        "{text}"
    );
}
