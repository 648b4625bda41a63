//! The matching form of words: what two tokens must share to count as the same word.
//!
//! A token is folded (case, accents, curly quotes, possessives, the dots of acronyms), then
//! stemmed (Snowball English, with British spellings folded to American). Alias phrases
//! ("Islamic State", "ISIL", "Daesh") become one unit with one term. After the whole corpus is
//! read, transliterated spellings of one name ("Zameli", "Zamili") and demonyms ("Iraqi",
//! "Iraq") are merged by a general rule over the corpus's capitalised words.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHasher};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::text::{segment, Segmented};

/// A word's matching form, as a 64-bit hash (collisions are negligible at corpus sizes).
pub type Term = u64;

/// What a unit is, for weighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A function word ("the", "of", "said"): part of verbatim runs, no evidence alone.
    Stop,
    /// A number ("30", "1,800").
    Number,
    /// A capitalised word not at a sentence start, or an alias: a name.
    Name,
    /// Any other word.
    Content,
}

/// One matching unit: a word, or an alias phrase of several words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub term: Term,
    /// Tokens `first..end` of the article's [`Segmented::tokens`].
    pub first: u32,
    pub end: u32,
    pub sentence: u32,
    pub class: Class,
}

/// An article ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub seg: Segmented,
    pub units: Vec<Unit>,
    /// Units of each sentence: `units[sentence_units[i].0..sentence_units[i].1]`.
    pub sentence_units: Vec<(u32, u32)>,
}

impl Analysis {
    /// Byte range in the text of units `first..end` (end exclusive, non-empty).
    pub fn unit_bytes(&self, first: usize, end: usize) -> (usize, usize) {
        let a = self.seg.tokens[self.units[first].first as usize].start as usize;
        let b = self.seg.tokens[self.units[end - 1].end as usize - 1].end as usize;
        (a, b)
    }

    /// Units whose words lie within bytes `start..end` (empty when none do).
    pub fn units_within(&self, start: usize, end: usize) -> (usize, usize) {
        let tokens = &self.seg.tokens;
        let first = self
            .units
            .partition_point(|u| (tokens[u.first as usize].start as usize) < start);
        let last = self
            .units
            .partition_point(|u| (tokens[u.end as usize - 1].end as usize) <= end);
        (first, last.max(first))
    }
}

/// Function words: English stop words plus the verbs of reporting, which every news sentence
/// has and which say nothing about the claim.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The built-in alias groups (`assets/aliases.txt`): names of one thing.
const BUILTIN_ALIASES: &str = include_str!("../../assets/aliases.txt");
/// The built-in synonym groups (`assets/synonyms.txt`): general words used for one another.
const BUILTIN_SYNONYMS: &str = include_str!("../../assets/synonyms.txt");

pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

fn hash_str(s: &str) -> Term {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    // Fx leaves low bits weak for short keys; mix so that shards by top bits are even.
    let x = h.finish();
    x ^ (x >> 31).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Fold one token to the form compared across articles, before stemming.
///
/// Dotted acronyms and two-letter capitals that would read as a function word ("US", "IS")
/// keep a trailing dot so that "U.S." never matches "us".
pub fn fold(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.contains('.') && letters > 0 {
        let mut s: String = word
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        s.push('.');
        return s;
    }
    if letters == 2 && word.chars().count() == 2 && word.chars().all(char::is_uppercase) {
        let lower = word.to_lowercase();
        if is_stop_word(&lower) {
            return lower + ".";
        }
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{00b4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            // Thousands separators in numbers.
            ',' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    for suffix in ["'s", "'"] {
        if out.len() > suffix.len() + 1 && out.ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
            break;
        }
    }
    out
}

/// Irregular forms of verbs and nouns with their base words (`assets/irregular_forms.txt`,
/// from WordNet): the stemmer meets "arrested" and "arrest", not "struck" and "strike".
const IRREGULAR_FORMS: &str = include_str!("../../assets/irregular_forms.txt");

/// The base word of an irregular form ("fled" → "flee"), if it is one.
fn irregular_base(folded: &str) -> Option<&'static str> {
    static FORMS: std::sync::OnceLock<FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            IRREGULAR_FORMS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once(' '))
                .collect()
        })
        .get(folded)
        .copied()
}

/// Stem a folded content word, folding British spellings so that both spellings meet, and
/// irregular forms to their base word.
fn stem_folded(stemmer: &Stemmer, folded: &str) -> String {
    if !folded
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
    {
        return folded.to_string();
    }
    let folded = irregular_base(folded).unwrap_or(folded);
    let mut s = stemmer.stem(folded).into_owned();
    let n = s.len();
    // analyse/analyze, organise/organize: Snowball leaves "analys"/"analyz".
    if n >= 5 && (s.ends_with("is") || s.ends_with("ys")) {
        s.replace_range(n - 1.., "z");
    } else if n >= 6 && s.ends_with("our") {
        // colour/color, neighbour/neighbor
        s.replace_range(n - 2.., "r");
    } else if n >= 5 && (s.ends_with("tr") || s.ends_with("br")) {
        // centre/center, fibre/fiber
        s.insert(n - 1, 'e');
    }
    s
}

/// How one distinct word is matched, cached per thread (news vocabulary is Zipfian).
#[derive(Clone, Copy)]
struct WordInfo {
    term: Term,
    stop: bool,
    number: bool,
}

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    static WORDS: RefCell<FxHashMap<Box<str>, WordInfo>> = RefCell::new(FxHashMap::default());
}

/// The form a displayed word is matched by when two passages are shown side by side: edge
/// punctuation trimmed, folded and stemmed as the aligner does ("Iraq's" and "Iraq" meet,
/// "established" and "establish" meet). Empty for a word with no letter or digit.
pub fn match_form(word: &str) -> String {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return String::new();
    }
    let folded = fold(core);
    if is_stop_word(&folded) {
        return folded;
    }
    STEMMER.with(|s| stem_folded(s, &folded))
}

/// The term a single word is matched by (a stop word's term is its folded form).
pub fn term_of(word: &str) -> Term {
    word_info(word).term
}

fn word_info(word: &str) -> WordInfo {
    if let Some(info) = WORDS.with(|w| w.borrow().get(word).copied()) {
        return info;
    }
    let folded = fold(word);
    let stop = is_stop_word(&folded);
    let number = folded.chars().next().is_some_and(|c| c.is_ascii_digit());
    let matched = if stop {
        folded.clone()
    } else {
        STEMMER.with(|s| stem_folded(s, &folded))
    };
    let info = WordInfo {
        term: hash_str(&matched),
        stop,
        number,
    };
    WORDS.with(|w| {
        let mut w = w.borrow_mut();
        // Bound the cache: a corpus of random strings must not grow it without end.
        if w.len() > 200_000 {
            w.clear();
        }
        w.insert(word.into(), info);
    });
    info
}

/// Alias and synonym phrases, matched on stemmed terms, longest first per first word.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// Keyed by the first word's term: (phrase terms, group term, whether the group names a
    /// thing (an alias) rather than being a synonym of a common word).
    by_first: FxHashMap<Term, Vec<(Vec<Term>, Term, bool)>>,
}

fn parse_groups(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split('|')
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .collect()
}

impl Aliases {
    /// The built-in alias and synonym groups plus `extra` alias groups (names of one thing).
    pub fn new(extra: &[Vec<String>]) -> Aliases {
        let mut groups: Vec<(Vec<String>, bool)> = parse_groups(BUILTIN_ALIASES)
            .into_iter()
            .map(|g| (g, true))
            .collect();
        groups.extend(extra.iter().map(|g| (g.clone(), true)));
        groups.extend(
            parse_groups(BUILTIN_SYNONYMS)
                .into_iter()
                .map(|g| (g, false)),
        );
        // A phrase in two groups joins them: the later group takes the earlier's term.
        let mut term_of_phrase: FxHashMap<Vec<Term>, (Term, bool)> = FxHashMap::default();
        for (group, is_name) in &groups {
            let phrases: Vec<Vec<Term>> = group
                .iter()
                .map(|n| phrase_terms(n))
                .filter(|p| !p.is_empty())
                .collect();
            let Some(first) = phrases.first() else {
                continue;
            };
            let (term, is_name) = phrases
                .iter()
                .find_map(|p| term_of_phrase.get(p).copied())
                .unwrap_or_else(|| {
                    let mut h = FxHasher::default();
                    ("group", first).hash(&mut h);
                    (h.finish(), *is_name)
                });
            for p in phrases {
                term_of_phrase.insert(p, (term, is_name));
            }
        }
        let mut aliases = Aliases::default();
        for (phrase, (term, is_name)) in term_of_phrase {
            aliases
                .by_first
                .entry(phrase[0])
                .or_default()
                .push((phrase, term, is_name));
        }
        for list in aliases.by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        aliases
    }

    /// The longest phrase starting at `terms[0]`: (its length in words, its term, is a name).
    fn longest(&self, terms: &[Term]) -> Option<(usize, Term, bool)> {
        let list = self.by_first.get(&terms[0])?;
        list.iter()
            .find(|(p, _, _)| p.len() <= terms.len() && p.iter().zip(terms).all(|(a, b)| a == b))
            .map(|(p, t, n)| (p.len(), *t, *n))
    }
}

/// The terms of an alias phrase, tokenised like article text.
fn phrase_terms(phrase: &str) -> Vec<Term> {
    let seg = segment(phrase);
    seg.tokens
        .iter()
        .map(|t| word_info(&phrase[t.range()]).term)
        .collect()
}

/// Cut and fold one article into units.
pub fn analyze(text: &str, aliases: &Aliases) -> Analysis {
    let seg = segment(text);
    let infos: Vec<WordInfo> = seg
        .tokens
        .iter()
        .map(|t| word_info(&text[t.range()]))
        .collect();
    let stems: Vec<Term> = infos.iter().map(|i| i.term).collect();
    let mut units = Vec::with_capacity(seg.tokens.len());
    let mut sentence_units = Vec::with_capacity(seg.sentences.len());
    for (si, sentence) in seg.sentences.iter().enumerate() {
        let begin = units.len() as u32;
        // In a headline in title case, capitals say nothing about names.
        let words = &seg.tokens[sentence.tokens.clone()];
        let capitals = words
            .iter()
            .zip(&infos[sentence.tokens.clone()])
            .filter(|(t, i)| {
                !i.stop
                    && text[t.range()]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .count();
        let content = infos[sentence.tokens.clone()]
            .iter()
            .filter(|i| !i.stop)
            .count();
        let title_case = capitals >= 4 && capitals * 5 >= content * 4;
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            if let Some((len, term, is_name)) = aliases.longest(&stems[i..sentence.tokens.end]) {
                let stop = len == 1 && infos[i].stop;
                units.push(Unit {
                    term,
                    first: i as u32,
                    end: (i + len) as u32,
                    sentence: si as u32,
                    class: if is_name {
                        Class::Name
                    } else if stop {
                        Class::Stop
                    } else {
                        Class::Content
                    },
                });
                i += len;
                continue;
            }
            let word = &text[seg.tokens[i].range()];
            let info = infos[i];
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let class = if info.stop {
                Class::Stop
            } else if info.number {
                Class::Number
            } else if capitalised
                && i > sentence.tokens.start
                && !title_case
                && !calendar_terms().contains(&info.term)
            {
                Class::Name
            } else {
                Class::Content
            };
            units.push(Unit {
                term: info.term,
                first: i as u32,
                end: i as u32 + 1,
                sentence: si as u32,
                class,
            });
            i += 1;
        }
        sentence_units.push((begin, units.len() as u32));
    }
    // Name particles ("al-Abadi", "bin Salman", "van Gogh") belong to the name that follows.
    let particles = particle_terms();
    for i in (0..units.len().saturating_sub(1)).rev() {
        if units[i + 1].class == Class::Name
            && units[i + 1].sentence == units[i].sentence
            && particles.contains(&units[i].term)
        {
            units[i].class = Class::Name;
        }
    }
    Analysis {
        seg,
        units,
        sentence_units,
    }
}

/// Months and weekdays are capitalised but are facts of a claim (a date), not names.
fn calendar_terms() -> &'static [Term] {
    static CALENDAR: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    CALENDAR.get_or_init(|| {
        crate::calendar::calendar_words()
            .map(|w| word_info(w).term)
            .collect()
    })
}

fn particle_terms() -> &'static [Term] {
    static PARTICLES: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    PARTICLES.get_or_init(|| {
        [
            "al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "de", "del", "der", "van", "von",
            "da", "di", "du", "la", "le",
        ]
        .iter()
        .map(|w| word_info(w).term)
        .collect()
    })
}

/// Skeleton of a name for finding its other spellings: first letter, then consonants, with
/// doubled letters collapsed ("zameli", "zamili" → "zml").
fn skeleton(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().filter(|c| c.is_alphabetic()).enumerate() {
        if i > 0 && "aeiouy".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Merge terms of name spellings that are one name: transliterations ("Zameli"/"Zamili",
/// "Hakem"/"Hakim") and demonyms ("Iraqi"/"Iraq", "Syrian"/"Syria"). Works on the corpus's
/// vocabulary of capitalised words, so it is general and costs nothing per token.
pub fn merge_names(texts: &[&str], analyses: &mut [Analysis], min_similarity: f64) {
    // Every folded spelling seen as a name, with its term.
    let names: FxHashMap<String, Term> = analyses
        .par_iter()
        .zip(texts.par_iter())
        .fold(
            FxHashMap::default,
            |mut acc: FxHashMap<String, Term>, (a, text)| {
                for u in &a.units {
                    if u.class == Class::Name && u.end == u.first + 1 {
                        let f = fold(&text[a.seg.tokens[u.first as usize].range()]);
                        if f.chars().count() >= 4 && f.chars().all(char::is_alphabetic) {
                            acc.entry(f).or_insert(u.term);
                        }
                    }
                }
                acc
            },
        )
        .reduce(FxHashMap::default, |mut a, b| {
            a.extend(b);
            a
        });
    let mut spellings: Vec<(&String, Term)> = names.iter().map(|(k, v)| (k, *v)).collect();
    spellings.sort();
    let mut parent: FxHashMap<Term, Term> = FxHashMap::default();
    let find = |parent: &FxHashMap<Term, Term>, mut t: Term| {
        while let Some(&p) = parent.get(&t) {
            if p == t {
                break;
            }
            t = p;
        }
        t
    };
    // Demonyms: "Iraqi" → "Iraq", "Syrian" → "Syria", "Iranian" → "Iran".
    for (name, term) in &spellings {
        for suffix in ["ian", "an", "n", "i", "ese", "ish"] {
            if let Some(base) = name.strip_suffix(suffix) {
                if base.chars().count() >= 4 {
                    if let Some(&base_term) = names.get(base) {
                        let (a, b) = (find(&parent, *term), find(&parent, base_term));
                        if a != b {
                            parent.insert(a, b);
                        }
                        break;
                    }
                }
            }
        }
    }
    // Transliterations: same skeleton and close spelling, joined to the bucket's first
    // spelling only (no chains of small differences).
    let mut buckets: FxHashMap<String, Vec<(&String, Term)>> = FxHashMap::default();
    for (name, term) in &spellings {
        buckets
            .entry(skeleton(name))
            .or_default()
            .push((name, *term));
    }
    let mut keys: Vec<&String> = buckets.keys().collect();
    keys.sort();
    // The spellings each bucket joins to its heads are found in parallel (a bucket needs
    // only its own spellings), then joined in the buckets' order.
    let joins: Vec<Vec<(Term, Term)>> = keys
        .par_iter()
        .map(|key| {
            let bucket = &buckets[*key];
            let mut joins = Vec::new();
            if bucket.len() < 2 || bucket.len() > 50 {
                return joins;
            }
            let mut heads: Vec<(&String, Term)> = Vec::new();
            for &(name, term) in bucket {
                let head = heads
                    .iter()
                    .find(|(h, _)| strsim::jaro_winkler(h, name) >= min_similarity)
                    .copied();
                match head {
                    Some((_, head_term)) => joins.push((term, head_term)),
                    None => heads.push((name, term)),
                }
            }
            joins
        })
        .collect();
    for (term, head_term) in joins.into_iter().flatten() {
        let (a, b) = (find(&parent, term), find(&parent, head_term));
        if a != b {
            parent.insert(a, b);
        }
    }
    if parent.is_empty() {
        return;
    }
    let canonical: FxHashMap<Term, Term> = parent.keys().map(|&t| (t, find(&parent, t))).collect();
    analyses.par_iter_mut().for_each(|a| {
        for u in &mut a.units {
            if let Some(&c) = canonical.get(&u.term) {
                u.term = c;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<Term> {
        analyze(text, &Aliases::new(&[]))
            .units
            .iter()
            .map(|u| u.term)
            .collect()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn folding_handles_case_accents_quotes_possessives_and_acronyms() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("Abadi’s"), "abadi");
        assert_eq!(fold("countries’"), "countries");
        assert_eq!(fold("U.S"), "us.");
        assert_eq!(fold("US"), "us.");
        assert_eq!(fold("us"), "us");
        assert_eq!(fold("1,800"), "1800");
        assert_eq!(fold("Na’na"), "na'na");
    }

    #[test]
    fn stemming_meets_inflections_and_british_spellings() {
        assert_eq!(terms("analysing"), terms("analyzed"));
        assert_eq!(terms("neighbouring"), terms("neighboring"));
        assert_eq!(terms("centre"), terms("center"));
        assert_eq!(terms("representatives"), terms("represented"));
        assert_ne!(terms("four"), terms("for"));
    }

    #[test]
    fn irregular_forms_meet_their_base_word() {
        assert_eq!(terms("struck"), terms("strikes"));
        assert_eq!(terms("fled"), terms("fleeing"));
        assert_eq!(terms("sought"), terms("seeks"));
        assert_eq!(terms("children"), terms("child"));
        assert_eq!(terms("gunmen"), terms("gunman"));
        assert_eq!(terms("Women"), terms("woman"));
        // Forms that are mostly other words in news keep their own term.
        assert_ne!(terms("left"), terms("leave"));
        assert_ne!(terms("wound"), terms("wind"));
        assert_ne!(terms("born"), terms("bear"));
        // Every line of the list is a form and its base.
        for line in IRREGULAR_FORMS.lines().filter(|l| !l.starts_with('#')) {
            let words: Vec<&str> = line.split(' ').collect();
            assert_eq!(words.len(), 2, "{line}");
            assert!(
                words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase())),
                "{line}"
            );
        }
    }

    #[test]
    fn aliases_fold_to_one_unit() {
        let a = Aliases::new(&[]);
        let x = analyze("against the Islamic State of Iraq and the Levant group", &a);
        let y = analyze("against the Daesh group", &a);
        let tx: Vec<Term> = x.units.iter().map(|u| u.term).collect();
        let ty: Vec<Term> = y.units.iter().map(|u| u.term).collect();
        assert_eq!(tx, ty);
        assert_eq!((x.units[2].first, x.units[2].end), (2, 9));
        assert_eq!(terms("the U.S. said"), terms("the United States said"));
        assert_ne!(terms("told us"), terms("told US"));
    }

    #[test]
    fn config_aliases_add_groups() {
        let a = Aliases::new(&[vec!["Zelensky".into(), "Zelenskyy".into()]]);
        let t = |s: &str| analyze(s, &a).units[0].term;
        assert_eq!(t("Zelensky"), t("Zelenskyy"));
    }

    #[test]
    fn transliterated_names_and_demonyms_merge_across_the_corpus() {
        let texts = [
            "The head Hakem al-Zameli said Iraqi troops left.",
            "Their head Hakim Zamili said Iraq and the Syrian army left Syria.",
            "Then Russia met Prussia.",
        ];
        let aliases = Aliases::new(&[]);
        let mut analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t, &aliases)).collect();
        merge_names(&texts, &mut analyses, 0.85);
        let term = |doc: usize, word: &str| {
            let a = &analyses[doc];
            a.units
                .iter()
                .find(|u| &texts[doc][a.seg.tokens[u.first as usize].range()] == word)
                .unwrap()
                .term
        };
        assert_eq!(term(0, "Hakem"), term(1, "Hakim"));
        assert_eq!(term(0, "Zameli"), term(1, "Zamili"));
        assert_eq!(term(0, "Iraqi"), term(1, "Iraq"));
        assert_eq!(term(1, "Syrian"), term(1, "Syria"));
        assert_ne!(term(2, "Russia"), term(2, "Prussia"));
    }
}
