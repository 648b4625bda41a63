//! The verbatim tier: passages copied word for word, allowing small edits.
//!
//! Every run of `ngram` matching units is hashed. The hashes of the whole corpus are sorted in
//! shards (by the top bits, so memory stays a fraction of the corpus); a hash found in two or
//! more articles, but not in so many that it is a stock phrase, seeds a match between them.
//! Seeds of one article pair are chained along near-diagonals, tolerating gaps (an edited,
//! inserted or deleted word), into maximal passages wherever they sit in either article.

use rayon::prelude::*;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::terms::{analyze, Aliases, Analysis, Class, Term};

/// Thresholds of the verbatim tier.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbatimOptions {
    /// Words per seed. Five is where chance matches between unrelated news stop being common
    /// (passim and WCopyfind use 5–6), while a quote of ten words still yields several seeds.
    pub ngram: usize,
    /// A seed found in more articles than this is a stock phrase, not evidence of copying,
    /// and seeds nothing: each such n-gram would pair every two of its articles (a hundred
    /// articles make 4,950 seeds). Text that more outlets than this carry word for word is
    /// the corpus's stock text and is not reported as copied.
    pub max_df: usize,
    /// Largest gap, in words, between two seeds of one passage: one edited word breaks
    /// `ngram` seeds, two close edits a few more.
    pub max_gap: usize,
    /// Largest shift between the two sides within one passage (inserted or deleted words).
    pub max_shift: usize,
    /// Fewest matched words for a passage: shorter shared runs are names and set phrases.
    pub min_words: usize,
    /// A seed found in more articles than this is a common phrase ("for the first time
    /// since", "a source close to the"); a short passage made mostly of common phrases is
    /// not a copy. Grows with the corpus (one in a thousand articles).
    pub common_df: usize,
    /// Fewest distinct content words (not function words, not names) in a passage: a run of
    /// names and set phrases ("Prime Minister Haider al-Abadi said in the fight against")
    /// says nothing two outlets could have copied from each other.
    pub min_content: usize,
}

impl Default for VerbatimOptions {
    fn default() -> Self {
        VerbatimOptions {
            ngram: 5,
            max_df: 100,
            max_gap: 10,
            max_shift: 4,
            min_words: 8,
            common_df: 5,
            min_content: 3,
        }
    }
}

/// Fewest matched words for a corpus of `n` articles: accidental shared runs grow with the
/// number of article pairs, so past 250 articles each doubling asks one word more (at most
/// four more).
fn min_words(options: &VerbatimOptions, n: usize) -> usize {
    let doublings = (n / 250).max(1).ilog2() as usize;
    options.min_words + doublings.min(4)
}

/// A verbatim match between two articles, in units.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub a: usize,
    pub b: usize,
    /// Units `a_range.0..a_range.1` of article `a`.
    pub a_units: (usize, usize),
    pub b_units: (usize, usize),
    /// Units of each side covered by shared seeds.
    pub a_matched: usize,
    pub b_matched: usize,
    /// Start units `(in a, in b)` of the seeds chained into the match, in order of `a`: they
    /// say which words of `b` each stretch of `a` was copied to, so that a long copy can be
    /// cut into sentence-sized pairs.
    pub anchors: Vec<(u32, u32)>,
}

impl Match {
    /// Share of the two passages made of shared words.
    pub fn score(&self) -> f32 {
        let len = (self.a_units.1 - self.a_units.0) + (self.b_units.1 - self.b_units.0);
        ((self.a_matched + self.b_matched) as f32 / len.max(1) as f32).min(1.0)
    }
}

/// An n-gram found more often than this in one article is a pattern of that article (a run
/// of one word, a line repeated down the page), not evidence of copying. Kept, it would seed
/// every one of its places against every one in another article: two 20 KB files of one
/// repeated word took the aligner minutes (the seeds grow as the product of the repeats, and
/// chaining them faster still).
const MAX_REPEATS: u32 = 8;

/// Hashes of each article's n-grams: `(hash, position, made of stock phrases)`; n-grams of
/// function words only, and n-grams repeated more than [`MAX_REPEATS`] times in the article,
/// are left out (they carry nothing).
fn ngram_hashes(analysis: &Analysis, stock: &[bool], n: usize) -> Vec<(u64, u32, bool)> {
    let units = &analysis.units;
    if units.len() < n {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(units.len() + 1 - n);
    for i in 0..=units.len() - n {
        let window = &units[i..i + n];
        if window.iter().filter(|u| u.class != Class::Stop).count() < 2 {
            continue;
        }
        // A seed whose every word outside function words belongs to a stock phrase.
        let stock = window
            .iter()
            .zip(&stock[i..i + n])
            .all(|(u, &s)| s || u.class == Class::Stop);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for u in window {
            h = (h ^ u.term)
                .wrapping_mul(0x0000_0100_0000_01b3)
                .rotate_left(23);
        }
        out.push((h, i as u32, stock));
    }
    let mut repeats: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
    for &(h, _, _) in &out {
        *repeats.entry(h).or_insert(0) += 1;
    }
    if repeats.len() < out.len() {
        out.retain(|(h, _, _)| repeats.get(h).is_some_and(|&r| r <= MAX_REPEATS));
    }
    out
}

/// A seed: article pair `(a, b)` with `a < b`, the n-gram's position in each, and the number
/// of articles holding it (`u32::MAX` for a stock phrase).
type Seed = (u32, u32, u32, u32, u32);

/// Seeds found in more articles than this are common phrases (see [`VerbatimOptions::common_df`]).
/// Below a thousand articles, frequency says more about the story than about English (a
/// quote that ten outlets of a small folder carry is the story's quote, not a stock phrase):
/// the list of stock phrases does the work there.
fn common_df(options: &VerbatimOptions, n: usize) -> u32 {
    if n < 1000 {
        u32::MAX
    } else {
        options.common_df.max(n / 1000) as u32
    }
}

/// The built-in stock phrases (`assets/stock_phrases.txt`).
const STOCK_PHRASES: &str = include_str!("../../assets/stock_phrases.txt");

/// The stock phrases as term sequences, keyed by their first term.
fn stock_phrases() -> &'static FxHashMap<Term, Vec<Vec<Term>>> {
    static PHRASES: OnceLock<FxHashMap<Term, Vec<Vec<Term>>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let aliases = &Aliases::new(&[]);
        let mut map: FxHashMap<Term, Vec<Vec<Term>>> = FxHashMap::default();
        for line in STOCK_PHRASES.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Folded as article text is, built-in synonyms included ("request" is matched
            // as one term with "ask"): word stems alone would miss every phrase holding one.
            // User aliases are names, which stock phrases hold none of.
            let terms: Vec<Term> = analyze(line, aliases)
                .units
                .iter()
                .map(|u| u.term)
                .collect();
            if let Some(&first) = terms.first() {
                map.entry(first).or_default().push(terms);
            }
        }
        map
    })
}

/// Per unit of an article, whether it is inside a stock phrase.
pub fn stock_units(analysis: &Analysis) -> Vec<bool> {
    let phrases = stock_phrases();
    let units = &analysis.units;
    let mut out = vec![false; units.len()];
    for i in 0..units.len() {
        let Some(list) = phrases.get(&units[i].term) else {
            continue;
        };
        for phrase in list {
            let fits = phrase.len() <= units.len() - i
                && phrase.iter().zip(&units[i..]).all(|(t, u)| *t == u.term);
            if fits {
                out[i..i + phrase.len()].iter_mut().for_each(|s| *s = true);
            }
        }
    }
    out
}

/// Find the seeds of the whole corpus, shard by shard.
fn seeds(analyses: &[Analysis], stock: &[Vec<bool>], options: &VerbatimOptions) -> Vec<Seed> {
    let n = options.ngram;
    let cap = options.max_df;
    let hashes: Vec<Vec<(u64, u32, bool)>> = analyses
        .par_iter()
        .zip(stock)
        .map(|(a, s)| ngram_hashes(a, s, n))
        .collect();
    let total: usize = hashes.iter().map(Vec::len).sum();
    // About four million entries (64 MiB) per shard, and at least two shards per thread so
    // that the sorts run on every core (the seeds are sorted again after, so the shards'
    // order does not show).
    let shard_bits = (total / 4_000_000)
        .max(2 * rayon::current_num_threads())
        .next_power_of_two()
        .trailing_zeros();
    let shards = 1u64 << shard_bits;
    (0..shards)
        .into_par_iter()
        .flat_map_iter(|shard| {
            let mut entries: Vec<(u64, u32, u32, bool)> = Vec::new();
            for (doc, list) in hashes.iter().enumerate() {
                for &(h, pos, stock) in list {
                    if shard_bits == 0 || h >> (64 - shard_bits) == shard {
                        entries.push((h, doc as u32, pos, stock));
                    }
                }
            }
            entries.sort_unstable();
            let mut out = Vec::new();
            let mut i = 0;
            while i < entries.len() {
                let mut j = i + 1;
                while j < entries.len() && entries[j].0 == entries[i].0 {
                    j += 1;
                }
                let group = &entries[i..j];
                if group.len() >= 2 && group[0].1 != group[group.len() - 1].1 {
                    let docs = 1 + group.windows(2).filter(|w| w[0].1 != w[1].1).count();
                    if docs <= cap {
                        for (x, ex) in group.iter().enumerate() {
                            for ey in &group[x + 1..] {
                                if ex.1 != ey.1 {
                                    let df = if ex.3 { u32::MAX } else { docs as u32 };
                                    out.push((ex.1, ey.1, ex.2, ey.2, df));
                                }
                            }
                        }
                    }
                }
                i = j;
            }
            out
        })
        .collect()
}

/// A chain of seeds being built.
struct Chain {
    a_start: usize,
    b_start: usize,
    a_last: usize,
    b_last: usize,
    a_matched: usize,
    b_matched: usize,
    /// End (exclusive) of the covered units so far on each side.
    a_covered_to: usize,
    b_covered_to: usize,
    seeds: usize,
    common: usize,
    anchors: Vec<(u32, u32)>,
}

/// Chain the seeds of one article pair (sorted by position in `a`) into matches.
fn chain(
    a: usize,
    b: usize,
    seeds: &[(u32, u32, bool)],
    options: &VerbatimOptions,
    min_words: usize,
) -> Vec<Match> {
    let n = options.ngram;
    let mut chains: Vec<Chain> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    for &(pa, pb, common) in seeds {
        let (pa, pb) = (pa as usize, pb as usize);
        active.retain(|&c| chains[c].a_last + n + options.max_gap >= pa);
        let mut best: Option<(usize, usize)> = None;
        for &c in &active {
            let ch = &chains[c];
            let da = pa as isize - ch.a_last as isize;
            let db = pb as isize - ch.b_last as isize;
            if da < 0 || db < -(options.max_shift as isize) {
                continue;
            }
            if db > (n + options.max_gap) as isize {
                continue;
            }
            let drift = (da - db).unsigned_abs();
            if drift > options.max_shift {
                continue;
            }
            if best.is_none_or(|(_, d)| drift < d) {
                best = Some((c, drift));
            }
        }
        match best {
            Some((c, _)) => {
                let ch = &mut chains[c];
                ch.a_matched += (pa + n).saturating_sub(ch.a_covered_to.max(pa));
                ch.b_matched += (pb + n).saturating_sub(ch.b_covered_to.max(pb));
                ch.a_covered_to = ch.a_covered_to.max(pa + n);
                ch.b_covered_to = ch.b_covered_to.max(pb + n);
                ch.a_last = pa;
                ch.b_last = ch.b_last.max(pb);
                ch.b_start = ch.b_start.min(pb);
                ch.seeds += 1;
                ch.common += common as usize;
                ch.anchors.push((pa as u32, pb as u32));
            }
            None => {
                chains.push(Chain {
                    a_start: pa,
                    b_start: pb,
                    a_last: pa,
                    b_last: pb,
                    a_matched: n,
                    b_matched: n,
                    a_covered_to: pa + n,
                    b_covered_to: pb + n,
                    seeds: 1,
                    common: common as usize,
                    anchors: vec![(pa as u32, pb as u32)],
                });
                active.push(chains.len() - 1);
            }
        }
    }
    chains
        .into_iter()
        .filter(|c| c.a_matched.min(c.b_matched) >= min_words)
        // Short runs of mostly common phrases are stock wording.
        .filter(|c| c.a_matched.min(c.b_matched) >= 2 * min_words || c.common * 2 <= c.seeds)
        .map(|c| Match {
            a,
            b,
            a_units: (c.a_start, c.a_covered_to),
            b_units: (c.b_start, c.b_covered_to),
            a_matched: c.a_matched,
            b_matched: c.b_matched,
            anchors: c.anchors,
        })
        .collect()
}

/// Whether a match holds enough distinct content words to be more than a set phrase. Only
/// the words its seeds cover count (`seeds`: start units on this side): the words in the gaps
/// between seeds are not shared, and counting them let chains of stock phrases ("in one way
/// or another", "at the end of the day") across two sentences pass as copies.
fn is_substantial(
    analysis: &Analysis,
    stock: &[bool],
    units: (usize, usize),
    seeds: impl Iterator<Item = usize>,
    options: &VerbatimOptions,
) -> bool {
    let mut covered = vec![false; units.1 - units.0];
    for start in seeds {
        let from = start.max(units.0) - units.0;
        let to = (start + options.ngram).min(units.1).saturating_sub(units.0);
        for c in covered.iter_mut().take(to).skip(from) {
            *c = true;
        }
    }
    let mut terms: Vec<Term> = analysis.units[units.0..units.1]
        .iter()
        .zip(&stock[units.0..units.1])
        .zip(&covered)
        .filter(|((u, &s), &c)| c && !s && matches!(u.class, Class::Content | Class::Number))
        .map(|((u, _), _)| u.term)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    // A long run may be mostly names (a list of officials) and still be a copy.
    terms.len() >= options.min_content
        || (terms.len() + 1 >= options.min_content && units.1 - units.0 >= 2 * options.min_words)
}

/// All verbatim matches of the corpus, per article pair, in order. `stock` is each
/// article's [`stock_units`].
pub fn find(analyses: &[Analysis], stock: &[Vec<bool>], options: &VerbatimOptions) -> Vec<Match> {
    let common = common_df(options, analyses.len());
    let least = min_words(options, analyses.len());
    let mut seeds = seeds(analyses, stock, options);
    seeds.par_sort_unstable();
    seeds.dedup();
    // Group by article pair.
    let mut bounds = Vec::new();
    let mut i = 0;
    while i < seeds.len() {
        let mut j = i + 1;
        while j < seeds.len() && seeds[j].0 == seeds[i].0 && seeds[j].1 == seeds[i].1 {
            j += 1;
        }
        bounds.push((i, j));
        i = j;
    }
    let mut matches: Vec<Match> = bounds
        .par_iter()
        .flat_map_iter(|&(i, j)| {
            let (a, b) = (seeds[i].0 as usize, seeds[i].1 as usize);
            let positions: Vec<(u32, u32, bool)> = seeds[i..j]
                .iter()
                .map(|s| (s.2, s.3, s.4 > common))
                .collect();
            chain(a, b, &positions, options, least)
                .into_iter()
                .filter(|m| {
                    let seeds_a = m.anchors.iter().map(|s| s.0 as usize);
                    let seeds_b = m.anchors.iter().map(|s| s.1 as usize);
                    is_substantial(&analyses[a], &stock[a], m.a_units, seeds_a, options)
                        && is_substantial(&analyses[b], &stock[b], m.b_units, seeds_b, options)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    matches.sort_by_key(|m| (m.a, m.b, m.a_units, m.b_units));
    matches
}

#[cfg(test)]
mod tests {
    use super::super::terms::{analyze, Aliases};
    use super::*;

    #[test]
    fn an_n_gram_repeated_down_an_article_seeds_nothing() {
        let aliases = Aliases::new(&[]);
        let a = format!("A short article. {}", "Baghdad word ".repeat(2_000));
        let b = format!("Another text. {}", "Baghdad word ".repeat(2_000));
        let analyses = [analyze(&a, &aliases), analyze(&b, &aliases)];
        // Without the cap: 2,000 × 2,000 places of each of two n-grams.
        let stock: Vec<Vec<bool>> = analyses.iter().map(stock_units).collect();
        assert!(seeds(&analyses, &stock, &VerbatimOptions::default()).is_empty());
        // A quote repeated a few times still seeds.
        let quote = "the information centre in Baghdad would coordinate intelligence";
        let a = format!("{quote}. {quote}. {quote}.");
        let b = format!("They said {quote}.");
        let analyses = [analyze(&a, &aliases), analyze(&b, &aliases)];
        let stock: Vec<Vec<bool>> = analyses.iter().map(stock_units).collect();
        assert!(!seeds(&analyses, &stock, &VerbatimOptions::default()).is_empty());
    }

    fn run(texts: &[&str]) -> Vec<(usize, usize, String, String)> {
        let aliases = Aliases::new(&[]);
        let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t, &aliases)).collect();
        let stock: Vec<Vec<bool>> = analyses.iter().map(stock_units).collect();
        find(&analyses, &stock, &VerbatimOptions::default())
            .into_iter()
            .map(|m| {
                let (a0, a1) = analyses[m.a].unit_bytes(m.a_units.0, m.a_units.1);
                let (b0, b1) = analyses[m.b].unit_bytes(m.b_units.0, m.b_units.1);
                (
                    m.a,
                    m.b,
                    texts[m.a][a0..a1].to_string(),
                    texts[m.b][b0..b1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_a_quote_with_a_bracketed_insertion_anywhere_in_either_article() {
        let a = "Officials met on Monday. The statement said they would help and cooperate in \
                 collecting information about the terrorist Daesh group (using the Arabic acronym).";
        let b = "They agreed to “help and cooperate in collecting information about the terrorist \
                 Daesh [ISIS] group.” Nothing else was said about the weather in Baghdad.";
        assert_eq!(
            run(&[a, b]),
            [(
                0,
                1,
                "help and cooperate in collecting information about the terrorist Daesh"
                    .to_string(),
                "help and cooperate in collecting information about the terrorist Daesh"
                    .to_string()
            )]
        );
    }

    #[test]
    fn edits_inside_a_copied_passage_do_not_split_it() {
        let a =
            "Intro words here. The minister of defence said on Tuesday that forty new armoured \
                 vehicles would reach the northern border posts before the winter storms arrive.";
        let b =
            "The defence minister said on Tuesday that forty new armored vehicles will reach the \
                 northern border posts well before the winter storms arrive. Other text.";
        let found = run(&[a, b]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "said on Tuesday that forty new armoured vehicles would reach the northern border posts before the winter storms arrive");
        assert_eq!(found[0].3, "said on Tuesday that forty new armored vehicles will reach the northern border posts well before the winter storms arrive");
    }

    #[test]
    fn set_phrases_and_short_runs_are_not_passages() {
        let a = "Prime Minister Haider al-Abadi said in the fight against terrorism they won.";
        let b =
            "Prime Minister Haider al-Abadi said in the fight against terrorism nothing changed.";
        assert_eq!(run(&[a, b]), []);
    }

    #[test]
    fn every_stock_phrase_is_found_in_text_even_with_words_of_a_synonym_group() {
        // "request" and "end" are matched through synonym groups: the list must be too.
        let aliases = Aliases::new(&[]);
        for phrase in STOCK_PHRASES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let text = format!("Zorvan wrote that {phrase} Mekrin.");
            let analysis = analyze(&text, &aliases);
            let stock = stock_units(&analysis);
            let words = phrase.split_whitespace().count();
            let marked = stock.iter().filter(|&&s| s).count();
            assert!(
                marked >= words.min(analysis.units.len() - 4),
                "{phrase:?}: {stock:?}"
            );
            assert!(!stock[0] && !stock[stock.len() - 1], "{phrase:?}");
        }
    }

    #[test]
    fn a_sentence_made_of_a_stock_phrase_is_not_a_copy() {
        let a = "Zalshonson launched the buszirang on Friday. The government did not immediately \
                 respond to a request for comment. Other words follow here.";
        let b = "Another plorg came. The ministry did not immediately respond to a request for \
                 comment. Then more zorb.";
        assert_eq!(run(&[a, b]), []);
    }

    #[test]
    fn stock_phrases_of_two_sentences_chained_are_not_a_copy() {
        // The seeds are all stock phrases; the words between them differ.
        let a = "More details are expected to be released in the coming days. Pacilson \
                 condemned these special lodrurs at the end of the day with many zirjachos.";
        let b = "More details are expected to be released in the coming days. Stuner has \
                 begun the emamous zischols at the end of the day.";
        assert_eq!(run(&[a, b]), []);
    }

    #[test]
    fn passages_out_of_order_are_all_found() {
        let p = "the convoy of ninety trucks carrying flour and medicine crossed the river at dawn";
        let q = "a spokesman for the relief agency described the road north as dangerous and slow";
        let a = format!("First, {p}. Later, {q}.");
        let b = format!("Reports say {q}. Meanwhile {p}.");
        let found = run(&[&a, &b]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|f| f.2 == p && f.3 == p));
        assert!(found.iter().any(|f| f.2 == q && f.3 == q));
    }
}
