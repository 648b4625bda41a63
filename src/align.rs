//! Where articles say the same thing: aligned pairs of passages (copied word for word or
//! reworded), shared passages grouped across outlets, and what each article says alone.
//!
//! The pipeline, all pure and deterministic:
//!
//! 1. [`text`]: paragraphs → sentences → tokens, each with its byte range in the cleaned text.
//! 2. [`terms`]: the matching form of each token (folded, stemmed, aliases and transliterated
//!    names merged) as an interned term id, with corpus document frequencies.
//! 3. [`verbatim`]: shared word n-grams found through an index, extended into maximal passages.
//! 4. [`paraphrase`]: sentence pairs scored by IDF-weighted overlap of content terms, candidates
//!    drawn from an index of each sentence's rarest terms (never all pairs).
//! 5. [`group`]: pairs joined into shared passages without chaining; unique spans per article.
//! 6. [`diff`]: word-level diffs of aligned passages for display.
//! 7. [`family`]: whole-article relations: copy families and stories.
//! 8. [`quote`]: quoted speech, its speaker, and its renderings across articles.

pub mod caption;
pub mod checks;
pub mod clause;
pub mod diff;
pub mod family;
pub mod group;
pub mod overlap;
pub mod paraphrase;
pub mod passage;
pub mod quote;
pub mod terms;
pub mod text;
pub mod verbatim;

#[cfg(test)]
mod tests;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use family::FamilyOptions;
use paraphrase::ParaphraseOptions;
use terms::{Aliases, Analysis};
use verbatim::VerbatimOptions;

/// A stretch of one article's cleaned text: `text[start..end]`, byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Index of the article in the slice given to [`align`].
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Shared bytes with `other` (0 when in different articles).
    pub fn overlap(&self, other: &Span) -> usize {
        if self.article != other.article {
            return 0;
        }
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// How a pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairKind {
    /// Shared word runs, allowing small gaps and edits.
    Verbatim,
    /// Different words for the same claim.
    Paraphrase,
}

impl PairKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Verbatim => "verbatim",
            PairKind::Paraphrase => "paraphrase",
        }
    }
}

/// Two passages in two different articles that say the same thing. `a.article < b.article`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    pub kind: PairKind,
    /// 0..1: how surely the two passages say the same thing.
    pub score: f32,
    pub a: Span,
    pub b: Span,
    /// Why the pair was accepted and what argues against it.
    #[serde(default)]
    pub evidence: Evidence,
}

/// What a reader should know about a pair beyond its score: the verbatim run inside two
/// sentences, and the checks that lowered its score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub flags: Flags,
    /// For a verbatim pair whose sentences differ around the copied words: the copied run on
    /// each side (inside `a` and `b`).
    pub run: Option<(Span, Span)>,
}

/// A set of [`Flag`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Flags(u16);

/// One piece of evidence about a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// A side is a clause of a longer sentence whose rest says something else.
    Clause,
    /// A verbatim run (a quote, a phrase) inside two sentences that are otherwise worded
    /// differently: `Evidence::run` marks it.
    Run,
    /// Both sides give figures, and they disagree.
    NumbersDiffer,
    /// One side is negated ("not", "no", "never", "nor", "denied") and the other is not.
    Negation,
    /// The sides move opposite ways ("rose" against "fell", "higher" against "lower"), or one
    /// verb takes another particle on each side ("rolled out" against "rolled back").
    Polarity,
    /// Accepted with less evidence because a neighbouring pair of the same articles aligns.
    Context,
    /// Accepted with less evidence because the two articles tell one story.
    SameStory,
    /// Each side names someone or something the other article never mentions: two events
    /// of one kind (two arrests, two earthquakes), not one claim.
    OtherNames,
}

impl Flag {
    pub const ALL: [Flag; 8] = [
        Flag::Clause,
        Flag::Run,
        Flag::NumbersDiffer,
        Flag::Negation,
        Flag::Polarity,
        Flag::OtherNames,
        Flag::Context,
        Flag::SameStory,
    ];

    /// The flag's name in JSON: `numbers-differ`.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Clause => "clause",
            Flag::Run => "run",
            Flag::NumbersDiffer => "numbers-differ",
            Flag::Negation => "negation",
            Flag::Polarity => "polarity",
            Flag::Context => "context",
            Flag::SameStory => "same-story",
            Flag::OtherNames => "other-names",
        }
    }

    /// Whether the flag argues against the pair (its score was lowered for it).
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Flag::NumbersDiffer | Flag::Negation | Flag::Polarity | Flag::OtherNames
        )
    }
}

impl Flags {
    pub fn has(self, flag: Flag) -> bool {
        self.0 & (1 << flag as u16) != 0
    }

    pub fn set(&mut self, flag: Flag) {
        self.0 |= 1 << flag as u16;
    }

    pub fn with(mut self, flag: Flag) -> Flags {
        self.set(flag);
        self
    }

    pub fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The flags set, in [`Flag::ALL`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL.into_iter().filter(move |f| self.has(*f))
    }
}

impl AlignedPair {
    /// The pair seen from `article`'s side: `(this side, other side)`, if it has one.
    pub fn oriented(&self, article: usize) -> Option<(Span, Span)> {
        if self.a.article == article {
            Some((self.a, self.b))
        } else if self.b.article == article {
            Some((self.b, self.a))
        } else {
            None
        }
    }
}

/// One claim or quote found in two or more articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    pub id: usize,
    /// The most representative member's text span (the group's core).
    pub label: Span,
    /// Every member, at most a few per article, sorted by article then offset.
    pub members: Vec<Span>,
    /// Mean score of the pairs that joined the members to the core.
    pub score: f32,
}

/// The result of aligning a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Sorted by article pair, then by offset in `a`.
    pub pairs: Vec<AlignedPair>,
    /// Sorted by number of articles, then score, best first.
    pub groups: Vec<SharedPassage>,
    /// Per article, the spans that align with nothing, in text order.
    pub unique: Vec<Span>,
    /// Articles that share most of their text, largest family first.
    #[serde(default)]
    pub families: Vec<family::Family>,
    /// Articles about one event, largest story first; an article in none stands alone.
    #[serde(default)]
    pub stories: Vec<family::Story>,
    /// Byte-identical texts, aligned once: their first article holds the pairs of all.
    #[serde(default)]
    pub copies: Vec<family::Copies>,
    /// Quoted speech carried by two or more articles, most articles first.
    #[serde(default)]
    pub quotes: Vec<quote::Quote>,
}

impl Alignment {
    /// The pairs between articles `left` and `right`, each oriented `(left side, right side)`,
    /// in the left article's text order.
    pub fn between(&self, left: usize, right: usize) -> Vec<(AlignedPair, Span, Span)> {
        if let Some(found) = family::between_copies(self, left, right) {
            return found;
        }
        let mut found: Vec<(AlignedPair, Span, Span)> = self
            .pairs
            .iter()
            .filter_map(|p| {
                let (l, r) = p.oriented(left)?;
                (r.article == right).then_some((*p, l, r))
            })
            .collect();
        found.sort_by_key(|(_, l, r)| (l.start, r.start));
        found
    }

    /// The unique spans of one article, in text order.
    pub fn unique_in(&self, article: usize) -> impl Iterator<Item = &Span> {
        self.unique.iter().filter(move |s| s.article == article)
    }
}

/// Thresholds of the aligner. Each default says why it is what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignOptions {
    /// Pairs scoring below this are not reported (0..1).
    pub min_score: f32,
    /// Extra alias groups (each a list of names for one thing), added to the built-in list.
    pub aliases: Vec<Vec<String>>,
    /// Jaro-Winkler similarity at which two capitalised spellings with the same consonant
    /// skeleton are one transliterated name ("Zameli"/"Zamili" is 0.876, "Russia"/"Prussia"
    /// never compares: different skeletons).
    pub name_similarity: f64,
    /// Fewest words of a unique stretch worth listing (shorter leftovers are sentence ends).
    pub min_unique_words: usize,
    /// A short line (under `stock_max_words` words) found nearly unchanged in more than this
    /// many other articles is a stock line (a market-report formula, a standing caption),
    /// not a passage one outlet took from another.
    pub stock_max_articles: usize,
    pub stock_max_words: usize,
    pub verbatim: VerbatimOptions,
    pub paraphrase: ParaphraseOptions,
    pub family: FamilyOptions,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_score: 0.0,
            aliases: Vec::new(),
            name_similarity: 0.85,
            min_unique_words: 3,
            stock_max_articles: 3,
            stock_max_words: 12,
            verbatim: VerbatimOptions::default(),
            paraphrase: ParaphraseOptions::default(),
            family: FamilyOptions::default(),
        }
    }
}

/// Fewest words of a copied run that make a verbatim pair on their own, whatever the sentences
/// around it say: below it, a run is a phrase of the topic ("on anti-piracy patrol in the Gulf
/// of Aden", "life in prison without the possibility of parole") as often as a shared claim.
const SETTING_MAX_RUN_WORDS: usize = 12;

/// Drop the verbatim pairs between articles of two stories whose short copied run (under half
/// of each sentence) sits in two sentences about different actors: each names, before the run,
/// someone or something the other article never mentions, and outside the run the two name
/// no one in common. The run is then the setting two events of one kind share ("INS Mysore,
/// the Indian Naval destroyer on anti-piracy patrol in the Gulf of Aden, rescued…" against
/// "INS Sukanya, deployed on anti-piracy patrols in the Gulf of Aden, thwarted…"), not a claim
/// the articles share. A run that is a quotation on either side stays: a quoted remark is a
/// claim however differently the two sentences frame it. Inside one story the names around a
/// run are as often details one outlet adds ("in Rancho Mirage" against "rehires lawyer Shawn
/// Holley"), so pairs there are left alone.
fn drop_settings_of_other_actors(
    texts: &[&str],
    analyses: &[Analysis],
    stories: &family::StoryMap,
    pairs: &mut Vec<AlignedPair>,
) {
    let words = |s: Span| texts[s.article][s.start..s.end].split_whitespace().count();
    // A run short on its own and against each of its sentences.
    let short_run = |p: &AlignedPair| {
        p.kind == PairKind::Verbatim
            && !stories.same(p.a.article, p.b.article)
            && p.evidence.run.is_some_and(|(ra, rb)| {
                words(ra) < SETTING_MAX_RUN_WORDS
                    && words(ra) * 2 < words(p.a)
                    && words(rb) * 2 < words(p.b)
            })
    };
    let mut articles: Vec<usize> = pairs
        .iter()
        .filter(|p| short_run(p))
        .flat_map(|p| [p.a.article, p.b.article])
        .collect();
    if articles.is_empty() {
        return;
    }
    articles.sort_unstable();
    articles.dedup();
    // Per article concerned: every term it uses (sorted), and its quotations.
    let known: FxHashMap<usize, (Vec<terms::Term>, Vec<std::ops::Range<usize>>)> = articles
        .par_iter()
        .map(|&article| {
            let mut t: Vec<terms::Term> = analyses[article].units.iter().map(|u| u.term).collect();
            t.sort_unstable();
            t.dedup();
            let quotes = quote::find(texts[article])
                .into_iter()
                .map(|f| f.quote)
                .collect();
            (article, (t, quotes))
        })
        .collect();
    let quoted = |run: Span| {
        known[&run.article]
            .1
            .iter()
            .any(|q| q.start < run.end && run.start < q.end)
    };
    // Whether the side's sentence names, before its run, someone the other article never does:
    // the actor of the sentence ("INS Sukanya, deployed on anti-piracy patrols in…"). A name
    // after the run is as often a detail one outlet adds ("…fall to his death on Mt Cook").
    let actor_unknown = |side: Span, run: Span, other: usize| {
        let analysis = &analyses[side.article];
        let mentions = |t: terms::Term| known[&other].0.binary_search(&t).is_ok();
        // A dateline's place is where the wire filed from, not the actor.
        let start = side.start
            + paraphrase::dateline_len(&texts[side.article][side.start..run.start.max(side.start)])
                .unwrap_or(0);
        checks::names_absent(
            analysis,
            analysis.units_within(start.min(run.start), run.start),
            |_| true,
            mentions,
        )
    };
    // The names of a side's sentences outside its run (sorted), as long as `names_absent`
    // reads them.
    let named_around = |side: Span, run: Span| {
        let analysis = &analyses[side.article];
        let (b0, b1) = analysis.units_within(side.start, run.start);
        let (a0, a1) = analysis.units_within(run.end, side.end);
        let tokens = &analysis.seg.tokens;
        let mut names: Vec<terms::Term> = analysis.units[b0..b1]
            .iter()
            .chain(&analysis.units[a0..a1])
            .filter(|u| {
                let bytes = tokens[u.end as usize - 1].end - tokens[u.first as usize].start;
                u.class == terms::Class::Name && bytes >= 4
            })
            .map(|u| u.term)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    pairs.retain(|p| {
        let Some((ra, rb)) = p.evidence.run.filter(|_| short_run(p)) else {
            return true;
        };
        let (na, nb) = (named_around(p.a, ra), named_around(p.b, rb));
        let share_a_name = na.iter().any(|t| nb.binary_search(t).is_ok());
        quoted(ra)
            || quoted(rb)
            || share_a_name
            || !(actor_unknown(p.a, ra, p.b.article) && actor_unknown(p.b, rb, p.a.article))
    });
}

/// Remove the pairs of short lines repeated nearly unchanged across many articles.
fn drop_stock_lines(texts: &[&str], pairs: &mut Vec<AlignedPair>, options: &AlignOptions) {
    let mut partners: FxHashMap<Span, Vec<usize>> = FxHashMap::default();
    // Pairs per article pair: a line repeated by articles that share other passages is
    // their story's (a quote every outlet carries), not a stock line.
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for p in pairs.iter() {
        *shared.entry((p.a.article, p.b.article)).or_default() += 1;
    }
    for p in pairs.iter().filter(|p| p.score >= 0.8) {
        partners.entry(p.a).or_default().push(p.b.article);
        partners.entry(p.b).or_default().push(p.a.article);
    }
    let stock: Vec<Span> = partners
        .into_iter()
        .filter(|(span, with)| {
            let mut with = with.clone();
            with.sort_unstable();
            with.dedup();
            let alone = with
                .iter()
                .filter(|&&o| {
                    let key = (span.article.min(o), span.article.max(o));
                    shared.get(&key).copied().unwrap_or(0) <= 1
                })
                .count();
            with.len() > options.stock_max_articles
                && alone * 2 >= with.len()
                && texts[span.article][span.start..span.end]
                    .split_whitespace()
                    .count()
                    < options.stock_max_words
        })
        .map(|(span, _)| span)
        .collect();
    if stock.is_empty() {
        return;
    }
    let mut by_article: FxHashMap<usize, Vec<Span>> = FxHashMap::default();
    for span in stock {
        by_article.entry(span.article).or_default().push(span);
    }
    let is_stock = |s: &Span| {
        by_article
            .get(&s.article)
            .is_some_and(|list| list.iter().any(|t| t.overlap(s) * 2 >= s.len()))
    };
    pairs.retain(|p| !is_stock(&p.a) && !is_stock(&p.b));
}

/// Resident and peak memory of the process, for stage timings (Linux only).
pub(crate) fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
            .map_or("?".to_string(), |kb| format!("{} MiB", kb / 1024))
    };
    format!(
        "resident {}, peak {}, cpu {}",
        field("VmRSS:"),
        field("VmHWM:"),
        cpu_seconds().map_or("?".to_string(), |s| format!("{s:.3} s"))
    )
}

/// User and system CPU time of the process so far, in seconds: a stage's cost apart from
/// other work on the machine (the wall clock is not).
fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        // SAFETY: rusage is plain data (all zero is valid) and the pointer is to a live local.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
            return None;
        }
        let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(tv(usage.ru_utime) + tv(usage.ru_stime))
    }
    #[cfg(not(unix))]
    None
}

/// A stage of [`align`], in the order they run; reported as each one starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Segmenting and folding every text into terms.
    Analysing,
    /// Merging transliterated spellings of one name.
    Names,
    /// Seeding and extending shared word runs.
    Verbatim,
    /// Scoring reworded sentence pairs.
    Paraphrase,
    /// Grouping pairs into shared passages, and finding unique text.
    Groups,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Analysing,
        Stage::Names,
        Stage::Verbatim,
        Stage::Paraphrase,
        Stage::Groups,
    ];

    /// What the stage does, for a progress line: "paraphrases".
    pub fn name(self) -> &'static str {
        match self {
            Stage::Analysing => "analysing",
            Stage::Names => "names",
            Stage::Verbatim => "verbatim copies",
            Stage::Paraphrase => "paraphrases",
            Stage::Groups => "groups",
        }
    }

    /// The stage's place, from 1 to [`Stage::ALL`]'s length.
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

/// Align the cleaned texts of a corpus; span `article` fields index `texts`.
pub fn align(texts: &[&str], options: &AlignOptions) -> Alignment {
    align_with_progress(texts, options, &|_| {})
}

/// [`align`], calling `progress` as each [`Stage`] starts (from the calling thread), so that
/// an interface can tell how far a long alignment is. The result is the same as `align`'s.
pub fn align_with_progress(
    texts: &[&str],
    options: &AlignOptions,
    progress: &dyn Fn(Stage),
) -> Alignment {
    // `CROSSREAD_TIMINGS=1` prints the time of each stage on stderr (for benchmarks).
    let timings = std::env::var_os("CROSSREAD_TIMINGS").is_some();
    let clock = std::time::Instant::now();
    let lap = |stage: &str| {
        if timings {
            eprintln!(
                "crossread: align: {stage} at {:.3} s, {}",
                clock.elapsed().as_secs_f64(),
                resident()
            );
        }
    };
    // Quotes are read from the texts alone: they are tracked on a thread of their own, on the
    // cores the other stages leave idle when they run one thread (sorting, grouping). Every
    // copy carries its quotes: a quote is tracked per article, copies included.
    std::thread::scope(|scope| {
        let quotes = scope.spawn(|| quote::track(texts));
        progress(Stage::Analysing);
        let aliases = Aliases::new(&options.aliases);
        let analyses: Vec<Analysis> = texts
            .par_iter()
            .map(|t| terms::analyze(t, &aliases))
            .collect();
        lap("analysed");
        let mut alignment = align_analysed(texts, analyses, options, progress, &lap);
        alignment.quotes = match quotes.join() {
            Ok(quotes) => quotes,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        lap("quotes");
        alignment
    })
}

/// [`align_with_progress`] of texts already analysed (one analysis per text), but for the
/// quotes.
fn align_analysed(
    texts: &[&str],
    mut analyses: Vec<Analysis>,
    options: &AlignOptions,
    progress: &dyn Fn(Stage),
    lap: &dyn Fn(&str),
) -> Alignment {
    // Identical and nearly identical texts are aligned once, then reported as copies (a
    // family), not as pairs.
    if let Some(duplicates) = family::Duplicates::find(texts, &analyses, &options.family) {
        let distinct = duplicates.distinct_texts(texts);
        let analyses = duplicates.distinct_of(analyses);
        let inner = align_analysed(&distinct, analyses, options, progress, lap);
        return duplicates.expand(inner, texts);
    }
    progress(Stage::Names);
    terms::merge_names(texts, &mut analyses, options.name_similarity);
    lap("names merged");
    progress(Stage::Verbatim);

    // Stock phrases of English, per unit: verbatim seeds and sentence weights both leave
    // them out.
    let stock: Vec<Vec<bool>> = analyses.par_iter().map(verbatim::stock_units).collect();
    let copies = verbatim::find(&analyses, &stock, &options.verbatim);
    lap("verbatim");
    progress(Stage::Paraphrase);
    // Stories first: the paraphrase tier compares the sentences of one story's articles
    // closely and holds pairs across stories to a higher bar.
    let story_map = family::StoryMap::new(&analyses, &options.family);
    lap("stories");
    let sentence_pairs =
        paraphrase::sentence_pairs(texts, &analyses, &stock, &story_map, &options.paraphrase);
    drop(stock);
    lap("paraphrase");
    let reworded = paraphrase::merge(&analyses, &sentence_pairs, &options.paraphrase);
    let mut pairs = passage::pairs(&analyses, &copies, options.verbatim.ngram, &reworded);
    drop(copies);
    // Sentences around a copied run can still disagree: say so, and count it.
    for p in pairs.iter_mut().filter(|p| p.kind == PairKind::Verbatim) {
        let (aa, ab) = (&analyses[p.a.article], &analyses[p.b.article]);
        let warnings = checks::warnings(
            (texts[p.a.article], aa, aa.units_within(p.a.start, p.a.end)),
            (texts[p.b.article], ab, ab.units_within(p.b.start, p.b.end)),
        );
        p.score *= checks::penalty(warnings);
        p.evidence.flags = p.evidence.flags.union(warnings);
    }
    drop_settings_of_other_actors(texts, &analyses, &story_map, &mut pairs);
    drop_stock_lines(texts, &mut pairs, options);
    pairs.retain(|p| p.score >= options.min_score);
    pairs.sort_by(|x, y| {
        (
            x.a.article,
            x.b.article,
            x.a.start,
            x.b.start,
            x.a.end,
            x.b.end,
        )
            .cmp(&(
                y.a.article,
                y.b.article,
                y.a.start,
                y.b.start,
                y.a.end,
                y.b.end,
            ))
    });
    lap("pairs");
    progress(Stage::Groups);
    let groups = group::groups(texts, &analyses, &pairs);
    let unique = group::unique(texts, &pairs, options.min_unique_words);
    lap("groups");
    let families = family::families(texts, &analyses, &pairs, &options.family);
    drop(story_map);
    let shown = family::FamilyOptions {
        story_similarity: options.family.shown_story_similarity,
        story_name_weight: 1.0,
        story_number_weight: 1.0,
        ..options.family.clone()
    };
    let stories = family::StoryMap::new(&analyses, &shown).stories;
    lap("families and stories");
    Alignment {
        pairs,
        groups,
        unique,
        families,
        stories,
        copies: Vec::new(),
        quotes: Vec::new(),
    }
}
