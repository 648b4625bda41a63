//! Who published what, and when: outlets, dates and wire credits of saved news pages, sidecar
//! manifests, and what cleaning keeps of each page, through the binary as a user runs it.
//!
//! The pages in `tests/fixtures/pages` are written as news sites serve them: head metadata
//! (JSON-LD, Open Graph, `article:*`), navigation, cookie banners, share rows, related links,
//! paywall prompts and footers around the article.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pretty_assertions::assert_eq;
use serde_json::Value;

/// The binary with an isolated home, config and cache, so nothing of the machine's leaks in.
fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

fn field<'a>(article: &'a Value, name: &str) -> Option<&'a str> {
    article[name].as_str()
}

/// id, outlet, date, wire, author
type Row<'a> = (
    String,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn every_page_gets_its_outlet_date_and_wire() {
    let list = json(&run(&["list", "--json", pages().to_str().unwrap()]));
    let got: Vec<Row> = list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                field(a, "id").unwrap().to_string(),
                field(a, "outlet"),
                field(a, "date"),
                field(a, "wire"),
                field(a, "author"),
            )
        })
        .collect();
    let expected: Vec<Row> = vec![
        // The local paper that ran AP copy; the agency is the wire, never the author.
        (
            "ap_wire",
            Some("Houston Chronicle"),
            Some("2018-05-31"),
            Some("The Associated Press"),
            None,
        ),
        (
            "by_reuters",
            Some("Example Daily"),
            Some("2019-05-31"),
            Some("Reuters"),
            None,
        ),
        // article:publisher is a Facebook page: the outlet comes from the page's address.
        (
            "facebook_publisher",
            Some("CBS News"),
            Some("2019-05-31"),
            None,
            None,
        ),
        // The review's date, not the date of the claim it checks.
        (
            "fact_check",
            Some("Example Facts"),
            Some("2020-10-05"),
            None,
            Some("Example Facts"),
        ),
        (
            "japanese",
            Some("Asahi Shimbun"),
            Some("2018-06-02"),
            None,
            Some("ニューヨーク＝山田太郎"),
        ),
        // The publisher is only in the JSON-LD.
        (
            "jsonld_publisher",
            Some("Reuters"),
            Some("2019-05-30"),
            None,
            Some("Brendan Pierson"),
        ),
        (
            "portuguese",
            Some("Folha de S.Paulo"),
            Some("2018-06-01"),
            None,
            None,
        ),
        // Published in 2014, modified in 2023: the publication date.
        (
            "published_vs_modified",
            Some("Example Gazette"),
            Some("2014-03-02"),
            None,
            None,
        ),
        // og:site_name is "U.S.", a section: the outlet comes from the address.
        (
            "site_name_section",
            Some("Reuters"),
            Some("2018-06-01"),
            None,
            None,
        ),
    ]
    .into_iter()
    .map(|(id, o, d, w, a)| (id.to_string(), o, d, w, a))
    .collect();
    assert_eq!(got, expected);
}

/// The paragraphs of the article body as the fixture page writes them.
fn body_paragraphs(html: &str) -> Vec<String> {
    let start = html.find("<div class=\"story-body\">").unwrap();
    let end = start + html[start..].find("</div>").unwrap();
    html[start..end]
        .split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn cleaning_keeps_every_paragraph_and_drops_the_furniture() {
    // Furniture of the pages, in their languages: none of it may reach the cleaned text.
    let furniture = [
        "We use cookies",
        "Accept all",
        "Usamos cookies",
        "クッキー",
        "Compartilhar",
        "Assista",
        "Assine",
        "有料会員",
        "関連記事",
        "この記事をシェア",
        "More stories",
        "Privacy policy",
        "Início",
        "トップ",
        "AP Photo",
    ];
    for entry in std::fs::read_dir(pages()).unwrap() {
        let path = entry.unwrap().path();
        let html = std::fs::read_to_string(&path).unwrap();
        let id = path.file_stem().unwrap().to_str().unwrap();
        let shown = json(&run(&["show", "--json", id, pages().to_str().unwrap()]));
        let text = shown["text"].as_str().unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let paragraphs = body_paragraphs(&html);
        assert!(paragraphs.len() >= 4, "{name}");
        for p in &paragraphs {
            assert!(text.contains(p.as_str()), "{name} lost a paragraph: {p}");
        }
        for f in furniture {
            assert!(!text.contains(f), "{name} keeps {f:?}:\n{text}");
        }
    }
}

#[test]
fn a_manifest_names_outlets_and_dates_and_its_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let body = "Officials said on Friday that the talks would resume next week in Vienna.\n\n\
                The delegations met for three hours and agreed on a schedule for the next round.\n";
    for name in ["a_001.txt", "a_002.txt", "a_003.txt"] {
        std::fs::write(
            articles.join(name),
            format!("Talks resume {name}\n\n{body}"),
        )
        .unwrap();
    }
    // A folder's own manifest.csv is read on its own; its values win over the text.
    std::fs::write(
        articles.join("manifest.csv"),
        "file,source,published,topic\na_001.txt,AP,\"May 31, 2019\",talks\n",
    )
    .unwrap();
    let tsv = dir.path().join("articles.tsv");
    std::fs::write(
        &tsv,
        "doc\tpublisher\tscrape_time\n\
         a_002.txt\tslate.com\t2019-05-31T17:45:53-04:00\n\
         a_009.txt\tnbcnews.com\t2019-05-31T20:00:35-04:00\n\
         a_003.txt\tExample Post\n",
    )
    .unwrap();
    let out = run(&[
        "list",
        "--json",
        "--manifest",
        tsv.to_str().unwrap(),
        articles.to_str().unwrap(),
    ]);
    let list = json(&out);
    let rows: Vec<(Option<&str>, Option<&str>)> = list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (field(a, "outlet"), field(a, "date")))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("The Associated Press"), Some("2019-05-31")),
            (Some("Slate"), None),
            (None, None)
        ]
    );
    assert_eq!(list["articles"][0]["extra"]["topic"], "talks");
    assert_eq!(
        list["articles"][1]["extra"]["scrape_time"],
        "2019-05-31T17:45:53-04:00"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown = tsv.display().to_string();
    assert!(
        stderr.contains(&format!("{shown}: manifest line 3: no file 'a_009.txt'")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{shown}: manifest line 4: 2 fields where the header has 3"
        )),
        "{stderr}"
    );
    let missing = run(&["list", "--manifest", "nope.tsv", articles.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read manifest nope.tsv"));
}

/// Runs the binary with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn an_exported_corpus_lists_as_its_folder_did() {
    let dir = pages();
    let dir = dir.to_str().unwrap();
    let export = run(&["export", "--jsonl", dir]);
    assert!(export.status.success());
    let lines: Vec<Value> = String::from_utf8(export.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 9);
    // passim's fields: an id, a series, the text.
    assert_eq!(lines[0]["id"], "ap_wire");
    assert_eq!(lines[0]["series"], "Houston Chronicle");
    assert!(lines[0]["text"].as_str().unwrap().contains("NEW YORK (AP)"));
    let folder = run(&["list", "--json", dir]);
    let piped = run_with_stdin(&["list", "--json", "-"], &export.stdout);
    assert_eq!(json(&piped), json(&folder));
    let file = tempfile::NamedTempFile::with_suffix(".jsonl").unwrap();
    std::fs::write(file.path(), &export.stdout).unwrap();
    let from_file = run(&["list", "--json", file.path().to_str().unwrap()]);
    assert_eq!(json(&from_file), json(&folder));
}

#[test]
fn passim_input_is_a_corpus_and_its_clusters_become_pairs_and_groups() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "The council voted eight to three to approve the plan on Tuesday night.";
    // passim's documented input: one record a line with id, series and text.
    let input = [
        serde_json::json!({"id": "gazette_1", "series": "Gazette", "date": "2014-03-02",
            "text": format!("City approves transit plan\n\n{shared}\n\nSupporters cheered.")}),
        serde_json::json!({"id": "herald_7", "series": "Herald",
            "text": format!("Transit plan passes\n\nOpponents questioned the cost.\n\n{shared}")}),
        serde_json::json!({"id": "post_3", "series": "Post",
            "text": "A different story about the weather on the coast this week."}),
    ];
    let corpus = dir.path().join("in.jsonl");
    let lines: Vec<String> = input.iter().map(|v| v.to_string()).collect();
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let list = json(&run(&["list", "--json", corpus.to_str().unwrap()]));
    let outlets: Vec<(&str, Option<&str>)> = list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (field(a, "id").unwrap(), field(a, "outlet")))
        .collect();
    assert_eq!(
        outlets,
        [
            ("gazette_1", Some("Gazette")),
            ("herald_7", Some("Herald")),
            ("post_3", Some("Post"))
        ]
    );
    // passim's documented output: the input fields of each reused passage's document, the
    // passage as `text`, and cluster, size, begin, end, uid; in an out.json folder of parts.
    let out = dir.path().join("passim-out").join("out.json");
    std::fs::create_dir_all(&out).unwrap();
    let gazette = input[0]["text"].as_str().unwrap();
    let herald = input[1]["text"].as_str().unwrap();
    let record = |uid: i64, id: &str, series: &str, text: &str| {
        let begin = text.find(shared).unwrap();
        serde_json::json!({"uid": uid, "cluster": 42, "size": 2, "id": id, "series": series,
            "begin": begin, "end": begin + shared.len(), "text": shared})
    };
    std::fs::write(
        out.join("part-00000-1f.json"),
        format!(
            "{}\n{}\n",
            record(-311, "gazette_1", "Gazette", gazette),
            record(902, "herald_7", "Herald", herald)
        ),
    )
    .unwrap();
    std::fs::write(out.join("_SUCCESS"), "").unwrap();
    let passages = json(&run(&[
        "passages",
        "--json",
        "--from-passim",
        dir.path().join("passim-out").to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]));
    let pairs = passages["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{passages:#}");
    assert_eq!(pairs[0]["a"]["article"], "gazette_1");
    assert_eq!(pairs[0]["b"]["article"], "herald_7");
    assert_eq!(pairs[0]["a"]["text"], shared);
    assert_eq!(pairs[0]["b"]["text"], shared);
    let groups = passages["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["members"].as_array().unwrap().len(), 2);
}

#[test]
fn pages_read_once_come_from_the_store_until_they_change() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("pages");
    std::fs::create_dir(&dir).unwrap();
    let page = |title: &str| {
        format!(
            "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Example Post\">\
             </head><body><article><h1>{title}</h1><p>The council voted on Tuesday to approve the \
             transit plan after a long debate about its cost and its route.</p></article></body></html>"
        )
    };
    std::fs::write(dir.join("a.html"), page("First title")).unwrap();
    let list = || {
        let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
            .args(["list", "--json", dir.to_str().unwrap()])
            .current_dir(home.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .output()
            .unwrap();
        json(&out)["articles"][0]["title"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(list(), "First title");
    let store = home.path().join(".cache/crossread/documents");
    assert_eq!(std::fs::read_dir(&store).unwrap().count(), 1);
    assert_eq!(list(), "First title");
    // Another size and time: the page is read again, not taken from the store.
    std::fs::write(dir.join("a.html"), page("A second, longer title")).unwrap();
    assert_eq!(list(), "A second, longer title");
}

#[test]
fn show_reads_a_file_named_alone_without_the_configured_folders() {
    let page = pages().join("portuguese.html");
    let shown = json(&run(&["show", "--json", page.to_str().unwrap()]));
    assert_eq!(shown["id"], "portuguese");
    assert_eq!(shown["outlet"], "Folha de S.Paulo");
}
