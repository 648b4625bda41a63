//! The layers of the crate, kept by a test: the pipeline (`corpus`, `align`, `cache`) and the
//! presentation core (`display`) use no terminal crate, no platform folders and print
//! nothing; and no two sibling modules depend on each other, directly or round a loop.
//!
//! It reads the sources (test modules at a file's end left out), so it fails on the commit
//! that breaks a layer, whatever the build features.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module of the crate and its source without comments and test code.
struct Module {
    /// `tui::screens::groups` (the crate root is the empty path).
    path: Vec<String>,
    file: PathBuf,
    code: String,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn modules() -> Vec<Module> {
    let mut files = Vec::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(src()).unwrap().with_extension("");
            let mut path: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(path.as_slice(), [only] if only == "lib" || only == "main") {
                path.clear();
            }
            if path.last().is_some_and(|l| l == "mod") {
                path.pop();
            }
            // A `tests.rs` file is a test module (`#[cfg(test)] mod tests;`): no code.
            let text = if path.last().is_some_and(|l| l == "tests") {
                String::new()
            } else {
                std::fs::read_to_string(&file).unwrap()
            };
            Module {
                path,
                file,
                code: code_of(&text),
            }
        })
        .collect()
}

/// The source without comments and without the items marked `#[cfg(test)]` (test modules,
/// inline or in their own file, and test helpers).
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the item: a `mod x;` line, or everything up to its closing brace.
            let mut depth = 0usize;
            let mut opened = false;
            for line in lines.by_ref() {
                let code = line.split("//").next().unwrap_or("");
                for c in code.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                let is_declaration = !opened && code.trim_end().ends_with(';');
                if is_declaration || (opened && depth == 0) {
                    break;
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let line = match line.find(" //") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn is_in(module: &Module, layers: &[&str]) -> bool {
    module
        .path
        .first()
        .is_some_and(|top| layers.contains(&top.as_str()))
}

/// What a pipeline or core module may not name.
const FORBIDDEN: [&str; 10] = [
    "ratatui",
    "crossterm",
    "directories",
    "println!",
    "print!(",
    "eprintln!",
    "eprint!(",
    "dbg!",
    "io::stdout",
    "io::stderr",
];

#[test]
fn the_pipeline_and_the_core_use_no_terminal_and_print_nothing() {
    let mut found = Vec::new();
    let mut checked = 0;
    for module in modules() {
        if !is_in(&module, &["corpus", "align", "cache", "display"]) {
            continue;
        }
        checked += 1;
        for word in FORBIDDEN {
            let allowed = word == "eprintln!"
                && module.path[0] == "align"
                && module.code.contains("CROSSREAD_TIMINGS");
            if names(&module.code, word) && !allowed {
                found.push(format!("{}: {word}", module.file.display()));
            }
        }
    }
    assert!(checked >= 10, "only {checked} modules found under src/");
    // The one exception: the aligner's stage timings on stderr, printed only when
    // `CROSSREAD_TIMINGS` is set (for the benchmarks).
    assert!(found.is_empty(), "below the shell:\n{}", found.join("\n"));
}

/// Returns true if `code` holds `word` starting at a word edge (`eprintln!` does not hold
/// `println!`).
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The modules each module names: `crate::a::b` and `super::c` paths, resolved to the
/// longest module path that exists.
fn dependencies(modules: &[Module]) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    let mut graph = BTreeMap::new();
    for module in modules {
        let mut uses = BTreeSet::new();
        for (at, _) in module.code.match_indices("crate::") {
            let rest = &module.code[at + "crate::".len()..];
            uses.extend(resolve(Vec::new(), rest, &known));
        }
        for (at, _) in module.code.match_indices("super::") {
            if module.code[..at].ends_with("::") {
                continue;
            }
            let mut base = module.path.clone();
            let mut rest = &module.code[at..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            uses.extend(resolve(base, rest, &known));
        }
        uses.remove(&module.path);
        graph.insert(module.path.clone(), uses);
    }
    graph
}

/// The longest known module that `base::rest…` names.
fn resolve(base: Vec<String>, rest: &str, known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut path = base;
    let mut best = None;
    for segment in rest.split("::") {
        let name: String = segment
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            break;
        }
        path.push(name.clone());
        if known.contains(&path) {
            best = Some(path.clone());
        }
        if name.len() != segment.len() {
            break;
        }
    }
    best
}

/// For every module, the graph of its children (an edge when code in one child's subtree
/// names the other's subtree) has no cycle.
#[test]
fn no_two_sibling_modules_depend_on_each_other() {
    let modules = modules();
    let graph = dependencies(&modules);
    let parents: BTreeSet<Vec<String>> = graph
        .keys()
        .filter(|p| !p.is_empty())
        .map(|p| p[..p.len() - 1].to_vec())
        .collect();
    let mut cycles = Vec::new();
    for parent in parents {
        // Child of `parent` that holds `path`, if any.
        let child_of = |path: &[String]| -> Option<String> {
            (path.len() > parent.len() && path[..parent.len()] == parent[..])
                .then(|| path[parent.len()].clone())
        };
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, uses) in &graph {
            let Some(a) = child_of(from) else { continue };
            for to in uses {
                if let Some(b) = child_of(to) {
                    if a != b {
                        edges.entry(a.clone()).or_default().insert(b);
                    }
                }
            }
        }
        if let Some(cycle) = find_cycle(&edges) {
            let name = if parent.is_empty() {
                "crate".to_string()
            } else {
                parent.join("::")
            };
            cycles.push(format!("in {name}: {}", cycle.join(" → ")));
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

/// The test finds what it is meant to find.
#[test]
fn a_cycle_and_a_print_are_found() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(find_cycle(&edges).unwrap(), ["a", "b", "c", "a"]);
    let mut acyclic = edges.clone();
    acyclic.remove("c");
    assert_eq!(find_cycle(&acyclic), None);
    assert!(names("x; println!()", "println!") && !names("eprintln!()", "println!"));
    let code = code_of(
        "use x;\n#[cfg(test)]\nmod tests;\n// println!(\"a\")\nfn f() { eprintln!(\"b\") }\n\
         #[cfg(test)]\nmod t {\n    fn g() {\n        dbg!(1);\n    }\n}\nfn h() { print!(\"c\") }",
    );
    assert!(
        code.contains("eprintln!") && code.contains("print!(\"c\")"),
        "{code}"
    );
    assert!(!code.contains("println!(\"a\")") && !code.contains("dbg!") && !code.contains("mod"));
    let known: BTreeSet<Vec<String>> = [vec!["tui".to_string()], vec!["tui".into(), "app".into()]]
        .into_iter()
        .collect();
    assert_eq!(
        resolve(Vec::new(), "tui::app::App;", &known),
        Some(vec!["tui".to_string(), "app".to_string()])
    );
    assert_eq!(
        resolve(Vec::new(), "tui::{app, x}", &known),
        Some(vec!["tui".to_string()])
    );
}
