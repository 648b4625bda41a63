//! Many copies of one article: `cargo bench --bench copies [-- N...]` (default 100 120 800).
//!
//! Wire copy reprinted by hundreds of sites is the common case of a scrape. For each N,
//! writes the sample articles plus N byte-identical copies of a wire story, then the same
//! with N near copies (each with a sentence of its own), runs `crossread passages --json` on
//! each folder and reports the time, the JSON size, the pairs and the family sizes. Copies
//! must cost about one article's alignment and one family member each, not a pair for every
//! two of them.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The copied wire story.
const WIRE: &str = "Storm closes the northern docks of Port Avel\n\n\
    The storm reached the coast of Valdoria on Tuesday night, tearing roofs from warehouses \
    along the harbour front and cutting power to the old town.\n\n\
    Emergency crews evacuated four thousand residents from the low districts of Port Avel \
    before the river burst its banks, the regional governor told reporters.\n\n\
    The harbour authority closed the northern docks until further notice and diverted two \
    grain ships to the southern terminal, where cranes were tied down against the wind.\n\n\
    Officials said the river was expected to crest on Thursday morning, and asked residents \
    of the valley towns to stay on higher ground until the water receded.\n\n\
    Insurers in the capital said it was too early to estimate the damage, but warned that \
    claims from the port alone could exceed those of the floods three years ago.\n";

/// A sentence only copy `i` has: a name made of syllables (the cleaner folds digits, and
/// a reporting credit would be cleaned away).
fn aside(i: usize) -> String {
    let name: String = (0..3)
        .map(|k| {
            let c = b"bcdfghklmnprstvz"[(i >> (4 * k)) & 15] as char;
            let v = b"aeiou"[(i >> k) % 5] as char;
            format!("{c}{v}")
        })
        .collect();
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    format!(
        "A ferry captain named {first}{} watched the water rise from the eastern pier.",
        chars.as_str()
    )
}

fn run(dir: &Path) -> (f64, usize, usize, Vec<usize>) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let clock = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["passages", "--json"])
        .arg(dir)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .output()
        .expect("crossread runs");
    let seconds = clock.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pairs = v["pairs"].as_array().map_or(0, Vec::len);
    let families = v["families"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|f| f["members"].as_array().map_or(0, Vec::len))
                .collect()
        })
        .unwrap_or_default();
    (seconds, out.stdout.len(), pairs, families)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 120, 800]
    } else {
        sizes
    };
    // The other articles of the folder: the sample corpus.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let articles: Vec<(String, String)> = std::fs::read_dir(&samples)
        .expect("the sample corpus")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let text = std::fs::read_to_string(&path).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    println!("copies  kind       seconds  JSON bytes  pairs  family sizes");
    for n in sizes {
        for near in [false, true] {
            let dir = tempfile::tempdir().expect("a temporary folder");
            for (name, text) in &articles {
                std::fs::write(dir.path().join(name), text).expect("write");
            }
            for i in 0..n {
                let text = if near {
                    WIRE.replace("\n\nOfficials", &format!("\n\n{} Officials", aside(i)))
                } else {
                    WIRE.to_string()
                };
                std::fs::write(dir.path().join(format!("copy{i:04}.txt")), text).expect("write");
            }
            let (seconds, bytes, pairs, families) = run(dir.path());
            println!(
                "{n:>6}  {:<9}  {seconds:>7.2}  {bytes:>10}  {pairs:>5}  {families:?}",
                if near { "near-copy" } else { "identical" }
            );
        }
    }
}
