//! Copy families and stories as `passages --json` reports them, the binary run as a process.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// A wire story as an outlet would print it: title line, then paragraphs.
const WIRE: &str = "Storm closes the northern docks of Port Avel\n\n\
    The storm reached the coast of Valdoria on Tuesday night, tearing roofs from warehouses \
    along the harbour front.\n\n\
    Emergency crews evacuated four thousand residents from the low districts of Port Avel \
    before the river burst its banks.\n\n\
    The harbour authority closed the northern docks until further notice and diverted two \
    grain ships to the southern terminal.\n\n\
    Officials said the river was expected to crest on Thursday morning, and asked residents \
    of the valley towns to stay on higher ground.\n";

/// An article on another event.
const OTHER: &str = "Morland raises its lending rate\n\n\
    The central bank of Morland raised its lending rate by half a point on Wednesday, its \
    third increase this year.\n\n\
    Economists had expected a smaller increase after inflation slowed in March, and the \
    currency rose against the dollar after the announcement.\n";

/// `passages --json` on `dir`, with an isolated home so no user config takes part.
fn passages(dir: &Path) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["passages", "--json"])
        .arg(dir)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        // Reading a folder keeps its documents in the cache folder: never the user's.
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .output()
        .unwrap()
}

/// A folder of `copies` identical copies of the wire story and one other article.
fn folder_of_copies(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..copies {
        std::fs::write(dir.path().join(format!("copy{i:04}.txt")), WIRE).unwrap();
    }
    std::fs::write(dir.path().join("other.txt"), OTHER).unwrap();
    dir
}

/// However many identical copies a folder holds, they are one family (one member each) and
/// one story, no pair joins two of them, and the output grows with the number of copies,
/// not with the number of pairs of copies.
fn copies_are_reported_as_one_family(copies: usize) {
    let dir = folder_of_copies(copies);
    let out = passages(dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // About 500 bytes per member; pairs between copies would take megabytes.
    assert!(
        out.stdout.len() < 2_000 + 600 * copies,
        "{} copies gave {} bytes of JSON",
        copies,
        out.stdout.len()
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 0);
    let families = v["families"].as_array().unwrap();
    assert_eq!(families.len(), 1);
    let members = families[0]["members"].as_array().unwrap();
    assert_eq!(members.len(), copies);
    assert_eq!(families[0]["reference"], "copy0000");
    assert_eq!(members[0]["article"], "copy0000");
    assert_eq!(members[0]["copy_of"], Value::Null);
    for m in &members[1..] {
        assert_eq!(m["copy_of"], "copy0000");
        assert_eq!(m["shared"], 1.0);
        assert_eq!(m["added_words"], 0);
    }
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), copies);
}

#[test]
fn a_hundred_identical_copies_are_one_family_of_a_hundred() {
    copies_are_reported_as_one_family(100);
}

#[test]
fn copies_past_the_verbatim_document_frequency_cap_are_still_copies() {
    copies_are_reported_as_one_family(120);
}

#[test]
fn eight_hundred_copies_are_one_family_of_eight_hundred() {
    copies_are_reported_as_one_family(800);
}

#[test]
fn eight_hundred_reprints_each_with_a_sentence_of_its_own_are_one_family() {
    let dir = tempfile::tempdir().unwrap();
    let copies = 800;
    for i in 0..copies {
        // A name of its own in each reprint (digits would be folded by the cleaner).
        let name: String = (0..3)
            .map(|k| {
                let c = b"bcdfghklmnprstvz"[(i >> (4 * k)) & 15] as char;
                let v = b"aeiou"[(i >> k) % 5] as char;
                format!("{c}{v}")
            })
            .collect();
        let text = WIRE.replace(
            "\n\nOfficials",
            &format!("\n\nA ferry captain named {name} watched the water rise.\n\nOfficials"),
        );
        std::fs::write(dir.path().join(format!("copy{i:04}.txt")), text).unwrap();
    }
    std::fs::write(dir.path().join("other.txt"), OTHER).unwrap();
    let out = passages(dir.path());
    assert!(out.status.success());
    assert!(out.stdout.len() < 2_000_000, "{} bytes", out.stdout.len());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 0);
    let families = v["families"].as_array().unwrap();
    assert_eq!(families.len(), 1);
    let members = families[0]["members"].as_array().unwrap();
    assert_eq!(members.len(), copies);
    for m in &members[1..] {
        assert_eq!(m["changed"].as_array().unwrap().len(), 1, "{m}");
        assert_eq!(m["added_words"], 0);
    }
}

#[test]
fn a_rewritten_copy_says_what_it_adds_drops_and_changes_against_the_earliest() {
    let dir = tempfile::tempdir().unwrap();
    // The rewrite comes first in the folder but is dated later: the earliest is the reference.
    let rewrite =
        WIRE.replace(
            "Emergency crews evacuated four thousand residents",
            "Rescue teams moved four thousand people",
        )
        .replace(
            "The harbour authority closed the northern docks until further notice and diverted \
             two grain ships to the southern terminal.\n\n",
            "",
        ) + "\nSchools across the region will stay closed for the rest of the week, the \
           education ministry said.\n";
    let dated = |date: &str, body: &str| format!("---\ndate: {date}\n---\n{body}");
    std::fs::write(
        dir.path().join("a_rewrite.md"),
        dated("2024-03-06", &rewrite),
    )
    .unwrap();
    std::fs::write(dir.path().join("b_wire.md"), dated("2024-03-05", WIRE)).unwrap();
    std::fs::write(dir.path().join("c_other.md"), dated("2024-03-05", OTHER)).unwrap();
    let out = passages(dir.path());
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let families = v["families"].as_array().unwrap();
    assert_eq!(families.len(), 1, "{v:#}");
    let family = &families[0];
    assert_eq!(family["reference"], "b_wire");
    let members = family["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["article"], "b_wire");
    assert_eq!(members[0]["shared"], 1.0);
    let copy = &members[1];
    assert_eq!(copy["article"], "a_rewrite");
    assert_eq!(copy["date"], "2024-03-06");
    let texts = |key: &str| -> Vec<String> {
        copy[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        texts("added"),
        [
            "Schools across the region will stay closed for the rest of the week, the education \
          ministry said."
        ]
    );
    assert_eq!(
        texts("dropped"),
        [
            "The harbour authority closed the northern docks until further notice and diverted \
          two grain ships to the southern terminal."
        ]
    );
    let changed = copy["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert!(changed[0]["copy"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Rescue teams moved"));
    assert!(changed[0]["reference"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Emergency crews evacuated"));
    assert_eq!(copy["added_words"], 17);
    assert_eq!(copy["dropped_words"], 19);
    // The two stories of the folder: the storm (both versions), and the bank alone.
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(
        stories[0]["articles"],
        serde_json::json!(["a_rewrite", "b_wire"])
    );
}

#[test]
fn compare_shows_two_copies_as_one_text_and_a_copy_with_what_its_original_shares() {
    let dir = folder_of_copies(3);
    let quoting = "Reports from the south were confused.\n\nEmergency crews evacuated four \
        thousand residents from the low districts of Port Avel before the river burst its \
        banks, a spokesman confirmed.\n\nThe bank of Morland said nothing.\n";
    std::fs::write(dir.path().join("quoting.txt"), quoting).unwrap();
    let compare = |a: &str, b: &str| -> Value {
        let home = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
            .args(["compare", a, b, "--json"])
            .arg(dir.path())
            .current_dir(home.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            // The alignment and the documents are cached: never in the user's folder.
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let copies = compare("copy0001", "copy0002");
    let pairs = copies["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        assert_eq!(p["kind"], "verbatim");
        assert_eq!(p["left"]["text"], p["right"]["text"]);
    }
    assert_eq!(copies["unique_left"], serde_json::json!([]));
    assert_eq!(copies["unique_right"], serde_json::json!([]));
    // The second copy shows the passage its original shares with the quoting article.
    let original = compare("copy0000", "quoting");
    let copy = compare("copy0002", "quoting");
    assert!(!original["pairs"].as_array().unwrap().is_empty());
    assert_eq!(original["pairs"], copy["pairs"]);
}

/// Two earthquakes of one kind, in two places on two days, each told by three outlets in
/// their own words (`tests/fixtures/quakes`): the stories are the two quakes, and no pair
/// joins an article on one quake to an article on the other, though both speak of magnitudes,
/// epicentres, depths, the seismic institute, aftershocks and the dead.
#[test]
fn two_quakes_of_one_kind_are_two_stories_with_no_pair_between_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quakes");
    let out = passages(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quake = |id: &Value| id.as_str().unwrap().split('-').next().unwrap().to_string();
    let mut stories: Vec<Vec<String>> = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    stories.sort();
    assert_eq!(
        stories,
        [
            ["karvala-daily", "karvala-radio", "karvala-wire"],
            ["mirenta-local", "mirenta-post", "mirenta-wire"],
        ]
    );
    let pairs = v["pairs"].as_array().unwrap();
    // Each quake's outlets do share claims (the toll, the governor's or mayor's words).
    for place in ["karvala", "mirenta"] {
        assert!(
            pairs
                .iter()
                .filter(|p| quake(&p["a"]["article"]) == place)
                .count()
                >= 3,
            "{place}: {pairs:#?}"
        );
    }
    let across: Vec<&Value> = pairs
        .iter()
        .filter(|p| quake(&p["a"]["article"]) != quake(&p["b"]["article"]))
        .collect();
    assert!(
        across.is_empty(),
        "pairs joining the two quakes: {across:#?}"
    );
}

/// Two naval rescues by two warships, each told by three outlets (`tests/fixtures/patrols`).
/// One sentence of each story places its ship "on anti-piracy escort duty in the Gulf of
/// Tarsen", and the two sentences share nothing else: around the copied run, one names the
/// frigate Veldra and the other the destroyer Oskarn, which the other story never mentions.
/// The run is the setting the two events share, not a claim: no pair joins the two stories,
/// and each story keeps its own pairs.
#[test]
fn a_setting_two_stories_share_word_for_word_joins_no_pair() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patrols");
    let out = passages(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ship = |id: &Value| id.as_str().unwrap().split('-').next().unwrap().to_string();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{stories:#?}");
    let pairs = v["pairs"].as_array().unwrap();
    for name in ["veldra", "oskarn"] {
        assert!(
            pairs
                .iter()
                .filter(|p| ship(&p["a"]["article"]) == name && ship(&p["b"]["article"]) == name)
                .count()
                >= 3,
            "{name}: {pairs:#?}"
        );
    }
    let across: Vec<&Value> = pairs
        .iter()
        .filter(|p| ship(&p["a"]["article"]) != ship(&p["b"]["article"]))
        .collect();
    assert!(
        across.is_empty(),
        "pairs joining the two rescues: {across:#?}"
    );
}

/// `passages --json` of `tests/fixtures/bridge`.
fn bridge() -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bridge");
    let out = passages(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A bridge collapse told by three short reports and one long feature
/// (`tests/fixtures/bridge`). The feature tells the collapse in two sentences among many of
/// its own (the town's history, its people), so it is less alike with the reports than they
/// are with each other; it is still on their story, and its account of the collapse pairs with
/// theirs as one story's sentences do.
#[test]
fn a_long_feature_on_the_event_joins_the_reports_story() {
    let v = bridge();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(
        stories[0]["articles"],
        serde_json::json!(["1-wire", "2-gazette", "3-radio", "4-feature"])
    );
    let pairs = v["pairs"].as_array().unwrap();
    let same_story_with_feature = pairs
        .iter()
        .filter(|p| p["a"]["article"] == "4-feature" || p["b"]["article"] == "4-feature")
        .filter(|p| {
            p["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "same-story")
        })
        .count();
    assert!(same_story_with_feature >= 1, "{pairs:#?}");
}

/// The feature of `tests/fixtures/bridge` joins the reports' story only as an article left
/// alone. One of its sentences opens on a clause about the council ordering the bridges
/// inspected, but tells of an inspection long ago ("in the winter of the flood … nesting
/// pigeons"); the wire's sentence on this week's order matches the clause, not the sentence
/// a reader sees. The feature's account of the collapse still pairs with the reports.
#[test]
fn a_clause_of_a_joined_feature_inside_a_sentence_on_other_things_is_no_pair() {
    let v = bridge();
    let pairs = v["pairs"].as_array().unwrap();
    let side = |p: &Value, article: &str| {
        [&p["a"], &p["b"]]
            .into_iter()
            .find(|s| s["article"] == article)
            .and_then(|s| s["text"].as_str())
            .map(str::to_owned)
    };
    let pigeons: Vec<&Value> = pairs
        .iter()
        .filter(|p| side(p, "4-feature").is_some_and(|t| t.contains("pigeons")))
        .collect();
    assert!(pigeons.is_empty(), "{pigeons:#?}");
    assert!(
        pairs.iter().any(|p| side(p, "4-feature")
            .is_some_and(|t| t.contains("collapsed on Tuesday"))
            && side(p, "3-radio").is_some()),
        "{pairs:#?}"
    );
}
