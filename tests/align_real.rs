//! The aligner on real multi-outlet corpora (the sample, two scrapes, ECB+), found next to the
//! checkout in `../shared` (skipped, saying so, when absent): what a reader sees must hold on
//! real text, not only on synthetic articles.

use std::path::PathBuf;

use crossread::align::terms::{analyze, Aliases, Analysis, Class};
use crossread::align::text::segment;
use crossread::align::{align, AlignOptions, Flag, Span};
use crossread::corpus::{Corpus, LoadOptions};

/// `../shared/eval` next to the checkout (or next to the folder of worktrees).
fn shared() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [here.join("../shared"), here.join("../../shared")]
        .into_iter()
        .find(|p| p.join("eval").is_dir())
}

fn corpora() -> Vec<PathBuf> {
    let Some(shared) = shared() else {
        eprintln!("skipped: no ../shared/eval next to the checkout");
        return Vec::new();
    };
    [
        "seeds",
        "eval/scrapes/census/articles",
        "eval/scrapes/spotify/articles",
        "eval/ecbplus/articles",
    ]
    .iter()
    .map(|p| shared.join(p))
    .filter(|p| {
        let found = p.is_dir();
        if !found {
            eprintln!("skipped: {} is absent", p.display());
        }
        found
    })
    .collect()
}

/// Marks that may close a sentence after its final stop: quotes, brackets, emphasis.
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»', '*'];

/// Whether `text` ends as a sentence does, to a reader: a stop, perhaps closed by quotes.
fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(CLOSERS)
        .trim_end()
        .ends_with(['.', '!', '?', '…'])
}

/// Words after which a full stop does not end a sentence whatever follows: titles before a
/// name, months before a day, "v." of a case name (and initials: capital letters alone). A plain
/// list, kept apart from the splitter's own, so that the test judges the splitter rather than
/// restating it.
#[rustfmt::skip]
const NEVER_LAST: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "atty", "dist", "det", "const", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "v", "vs",
];

/// Whether the full stop ending `before` goes on into `after` (both on one line): after an
/// abbreviation or an initial, inside a number spaced at its decimal point, before lower case.
/// ("7 a.m. The fire …" may end: a lower-case letter alone is not judged.)
fn stop_goes_on(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    if after.is_empty() {
        return false;
    }
    if after.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let before = before.trim_end();
    if !before.ends_with('.') {
        return false;
    }
    let last = before
        .trim_end_matches('.')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let number = !last.is_empty() && last.chars().all(|c| c.is_ascii_digit());
    initial
        || NEVER_LAST.contains(&last.to_lowercase().as_str())
        || (number && after.starts_with(|c: char| c.is_ascii_digit()))
}

/// Why the side `start..end` of `text` reads as cut inside a sentence, if it does: judged on
/// the text alone, not on the splitter's sentences.
fn cut_inside_a_sentence(text: &str, start: usize, end: usize) -> Option<&'static str> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..start].trim_end();
    let after = text[end..line_end].trim_start();
    let side = &text[start..end];
    if !before.is_empty() && (!ends_like_sentence(before) || stop_goes_on(before, side)) {
        return Some("starts inside a sentence");
    }
    if !after.is_empty() && (!ends_like_sentence(side) || stop_goes_on(side, after)) {
        return Some("ends inside a sentence");
    }
    None
}

#[test]
fn cut_inside_a_sentence_judges_the_text_alone() {
    let t = "Roe v. Wade stands. A 6. 1-magnitude quake hit.\nIt said so";
    let at = |s: &str| t.find(s).unwrap();
    let side = |s: &str| (at(s), at(s) + s.len());
    for whole in [
        "Roe v. Wade stands.",
        "A 6. 1-magnitude quake hit.",
        "It said so",
    ] {
        let (a, b) = side(whole);
        assert_eq!(cut_inside_a_sentence(t, a, b), None, "{whole}");
    }
    for cut in [
        "Roe v.",
        "Wade stands.",
        "A 6.",
        "1-magnitude quake hit.",
        "Wade",
        "It said",
    ] {
        let (a, b) = side(cut);
        assert!(cut_inside_a_sentence(t, a, b).is_some(), "{cut}");
    }
}

/// Every non-clause side is whole sentences twice over: its edges are sentence edges of the
/// splitter, and read as sentence edges on the text itself ([`cut_inside_a_sentence`]), so
/// that a splitter fault ("Roe v." | "Wade", "6." | "1-magnitude") fails here too.
#[test]
fn every_side_starts_and_ends_on_sentence_edges_unless_it_is_a_clause() {
    for dir in corpora() {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        assert!(!alignment.pairs.is_empty(), "{}: no pair", dir.display());
        let bounds: Vec<(Vec<usize>, Vec<usize>)> = texts
            .iter()
            .map(|t| {
                let seg = segment(t);
                (
                    seg.sentences.iter().map(|s| s.start).collect(),
                    seg.sentences.iter().map(|s| s.end).collect(),
                )
            })
            .collect();
        let mut clauses = 0;
        let mut cuts = Vec::new();
        for pair in &alignment.pairs {
            if pair.evidence.flags.has(Flag::Clause) {
                clauses += 1;
                continue;
            }
            for side in [pair.a, pair.b] {
                let (starts, ends) = &bounds[side.article];
                let text = &texts[side.article][side.start..side.end];
                assert!(
                    starts.binary_search(&side.start).is_ok()
                        && ends.binary_search(&side.end).is_ok(),
                    "{}: {} cut inside a sentence: {text:?}",
                    dir.display(),
                    corpus.articles[side.article].id,
                );
                if let Some(why) = cut_inside_a_sentence(texts[side.article], side.start, side.end)
                {
                    cuts.push(format!(
                        "{}: {why}: {text:?}",
                        corpus.articles[side.article].id
                    ));
                }
            }
        }
        assert!(
            cuts.is_empty(),
            "{}: {} sides read as cut inside a sentence:\n{}",
            dir.display(),
            cuts.len(),
            cuts.join("\n")
        );
        // Clauses are the exception, not the rule: at most a fifth, of ten pairs at least (on
        // the five-article sample, one pair fewer must not decide).
        assert!(
            clauses * 5 <= alignment.pairs.len().max(10),
            "{}: {clauses} of {} pairs are clauses",
            dir.display(),
            alignment.pairs.len()
        );
    }
}

#[test]
fn no_sentence_is_in_two_passages_of_one_article_pair() {
    for dir in corpora() {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        let mut sides: Vec<(usize, usize, usize, usize, usize)> = alignment
            .pairs
            .iter()
            .flat_map(|p| {
                [
                    (p.a.article, p.b.article, p.a.article, p.a.start, p.a.end),
                    (p.a.article, p.b.article, p.b.article, p.b.start, p.b.end),
                ]
            })
            .collect();
        sides.sort_unstable();
        for w in sides.windows(2) {
            let (x, y) = (w[0], w[1]);
            if (x.0, x.1, x.2) == (y.0, y.1, y.2) {
                assert!(
                    y.3 >= x.4,
                    "{}: {:?} and {:?} overlap in {}",
                    dir.display(),
                    &texts[x.2][x.3..x.4],
                    &texts[y.2][y.3..y.4],
                    corpus.articles[x.2].id
                );
            }
        }
    }
}

/// The content words of a span (the aligner's matching form: stems, aliases folded), without
/// their weights: a plainer measure than the one the grouping uses.
fn content_words(analyses: &[Analysis], s: &Span) -> Vec<u64> {
    let a = &analyses[s.article];
    let (u0, u1) = a.units_within(s.start, s.end);
    let mut words: Vec<u64> = a.units[u0..u1]
        .iter()
        .filter(|u| u.class != Class::Stop)
        .map(|u| u.term)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Shared words over the words of the smaller side.
fn overlap(x: &[u64], y: &[u64]) -> f64 {
    let shared = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    shared as f64 / x.len().min(y.len()).max(1) as f64
}

#[test]
fn every_group_is_one_claim_bounded_by_its_articles() {
    for dir in corpora() {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        let text = |s: &Span| &texts[s.article][s.start..s.end];
        let aliases = Aliases::new(&[]);
        let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t, &aliases)).collect();
        let mut seen = std::collections::HashSet::new();
        let (mut weak, mut members) = (Vec::new(), 0);
        for g in &alignment.groups {
            let core = content_words(&analyses, &g.label);
            let mut articles: Vec<usize> = g.members.iter().map(|m| m.article).collect();
            articles.dedup();
            assert!(
                articles.len() >= 2,
                "{}: a group of one article",
                dir.display()
            );
            // At most two wordings per article.
            assert!(
                g.members.len() <= 2 * articles.len(),
                "{}: {} members in {} articles for {:?}",
                dir.display(),
                g.members.len(),
                articles.len(),
                text(&g.label)
            );
            for m in &g.members {
                // Every member says the core's claim: it shares a good part of its words (of
                // the smaller side: a short wording inside a longer sentence counts).
                let words = content_words(&analyses, m);
                let shared = overlap(&core, &words);
                assert!(
                    shared >= 0.3,
                    "{}: {:?} is in the group of {:?}",
                    dir.display(),
                    text(m),
                    text(&g.label)
                );
                if shared < 0.4 {
                    weak.push((text(m), text(&g.label)));
                }
                members += 1;
                // A passage is in one group at most.
                assert!(
                    seen.insert(*m),
                    "{}: {:?} in two groups",
                    dir.display(),
                    text(m)
                );
                // Photo credits and captions make no claim.
                let t = text(m);
                for credit in ["AP Photo", "Getty Images", "file photo", "Photo by"] {
                    assert!(
                        !t.contains(credit),
                        "{}: caption {t:?} in a group",
                        dir.display()
                    );
                }
            }
            // Two passages of one article in a group are two wordings of one thing.
            for (i, x) in g.members.iter().enumerate() {
                for y in &g.members[i + 1..] {
                    if x.article == y.article {
                        assert!(
                            x.end <= y.start || y.end <= x.start,
                            "{}: overlapping members {:?} and {:?}",
                            dir.display(),
                            text(x),
                            text(y)
                        );
                        assert!(
                            overlap(&content_words(&analyses, x), &content_words(&analyses, y))
                                >= 0.4,
                            "{}: one article's {:?} and {:?} in one group",
                            dir.display(),
                            text(x),
                            text(y)
                        );
                    }
                }
            }
        }
        // Paraphrases share fewer words than copies, but rarely under two in five.
        assert!(
            weak.len() * 1000 <= members,
            "{}: {} of {members} members share under 40 % of their words with the core: {weak:#?}",
            dir.display(),
            weak.len()
        );
    }
}

/// A folder about one news story reads as few stories, not one per wording: on each of the
/// two single-story scrapes, the two largest stories hold most of the articles that are in
/// any story.
#[test]
fn a_single_story_scrape_reads_as_few_stories() {
    for dir in corpora()
        .into_iter()
        .filter(|d| d.to_string_lossy().contains("scrapes"))
    {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        let mut sizes: Vec<usize> = alignment.stories.iter().map(|s| s.articles.len()).collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        let in_stories: usize = sizes.iter().sum();
        let two: usize = sizes.iter().take(2).sum();
        assert!(
            two * 4 >= in_stories * 3,
            "{}: stories of {sizes:?} articles",
            dir.display()
        );
    }
}

/// Ledes of one wire story filed from one city share their dateline ("NEW YORK (AP) —") and
/// the story's subject, which make no claim: on the spotify scrape, "Spotify is backpedaling
/// on its recently announced anti-hate policy" and "Spotify's CEO says the company rolled out
/// its new anti-hate policy in the wrong way" were paired through them.
#[test]
fn ledes_sharing_only_a_dateline_and_the_subject_are_no_pair() {
    for dir in corpora()
        .into_iter()
        .filter(|d| d.to_string_lossy().contains("spotify"))
    {
        let corpus = Corpus::load(&[dir.clone()], &LoadOptions::default());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align(&texts, &AlignOptions::default());
        for p in &alignment.pairs {
            let a = &texts[p.a.article][p.a.start..p.a.end];
            let b = &texts[p.b.article][p.b.start..p.b.end];
            let joined = |x: &str, y: &str| x.contains("backpedaling") && y.contains("rolled out");
            assert!(
                !joined(a, b) && !joined(b, a),
                "{}: two claims paired: {a:?} / {b:?}",
                dir.display()
            );
        }
    }
}
