//! Checks that argue against a pair: two passages can share most of their words and still
//! make opposite or different claims. Figures that disagree, one side negated, movements in
//! opposite directions. Each check sets a [`Flag`] and lowers the pair's score, so that a
//! weak pair with a warning falls below the threshold and a strong one is shown with it.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::terms::{analyze, term_of, Aliases, Analysis, Class, Term};
use super::{Flag, Flags};

/// What lowers a flagged pair's score: a reader should see strong evidence before trusting a
/// pair whose figures or direction disagree.
pub fn penalty(flags: Flags) -> f32 {
    let mut factor = 1.0;
    if flags.has(Flag::NumbersDiffer) {
        factor *= 0.7;
    }
    if flags.has(Flag::Negation) {
        factor *= 0.6;
    }
    if flags.has(Flag::Polarity) {
        factor *= 0.6;
    }
    if flags.has(Flag::OtherNames) {
        factor *= OTHER_NAMES_PENALTY;
    }
    factor
}

/// What [`Flag::OtherNames`] multiplies a score by.
pub const OTHER_NAMES_PENALTY: f32 = 0.6;

/// Whether units `units` of an article name someone or something (a capitalised word inside
/// a sentence, or an alias) that the other article never mentions (`mentions` tells whether
/// it does). When both sides of a pair do, they tell of two different actors or places: the
/// Chargers' receiver arrested, against their defensive tackle arrested. Names of fewer than
/// four letters ("al" of "al-Zameli", initials) are left out: too short to tell spellings
/// of one name apart from two names. Units `counted` rejects (a dateline's place) are left
/// out too.
pub fn names_absent(
    analysis: &Analysis,
    units: (usize, usize),
    counted: impl Fn(usize) -> bool,
    mentions: impl Fn(Term) -> bool,
) -> bool {
    (units.0..units.1).any(|i| {
        let u = &analysis.units[i];
        let tokens = &analysis.seg.tokens[u.first as usize..u.end as usize];
        let bytes = tokens.last().map_or(0, |l| l.end) - tokens.first().map_or(0, |f| f.start);
        u.class == Class::Name && bytes >= 4 && counted(i) && !mentions(u.term)
    })
}

/// Words that turn a claim into its denial ("not", "no", "never", "nor", refusals).
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "nor",
    "neither",
    "none",
    "nobody",
    "nothing",
    "cannot",
    "without",
    "deny",
    "denies",
    "denied",
    "denying",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "refuse",
    "refuses",
    "refused",
    "refusing",
];

/// Words of upward movement.
const UP: &[&str] = &[
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "gain",
    "gains",
    "gained",
    "higher",
    "increase",
    "increases",
    "increased",
    "up",
    "climb",
    "climbs",
    "climbed",
    "jump",
    "jumps",
    "jumped",
    "surge",
    "surges",
    "surged",
    "soar",
    "soars",
    "soared",
    "rally",
    "rallied",
    "advance",
    "advanced",
    "grew",
    "grow",
    "grows",
    "won",
    "win",
    "wins",
];

/// Words of downward movement.
const DOWN: &[&str] = &[
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "drop",
    "drops",
    "dropped",
    "lower",
    "decrease",
    "decreases",
    "decreased",
    "down",
    "decline",
    "declines",
    "declined",
    "slide",
    "slid",
    "slip",
    "slipped",
    "dip",
    "dips",
    "dipped",
    "plunge",
    "plunged",
    "tumble",
    "tumbled",
    "sank",
    "sink",
    "shrank",
    "shrink",
    "lost",
    "lose",
    "loses",
];

/// Words of attribution and reporting: two sentences citing a news agency or noting
/// something share these words without sharing a claim. Not "ask": its synonyms "request"
/// and "demand" (one term with it) are what a claim is about ("strikes at the request of
/// the government").
const ATTRIBUTION: &[&str] = &[
    "news",
    "agency",
    "report",
    "reported",
    "reports",
    "statement",
    "quote",
    "quoted",
    "according",
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "note",
    "noted",
    "noting",
    "add",
    "added",
    "adding",
    "announce",
    "announced",
    "interview",
    "press",
    "comment",
    "comments",
    "wrote",
    "write",
    "reporter",
    "reporters",
    "media",
    "newspaper",
    "website",
    "tell",
    "telling",
    "state",
    "stated",
    "states",
    "claim",
    "claimed",
    "claims",
    "describe",
    "described",
    "call",
    "called",
    "explain",
    "explained",
];

/// Words of emphasis and continuation: they say how much something matters or that it goes
/// on, not what it is, and turn up in sentences about anything.
const EMPHASIS: &[&str] = &[
    "important",
    "importance",
    "significant",
    "significance",
    "key",
    "major",
    "crucial",
    "vital",
    "serious",
    "continue",
    "continued",
    "continuing",
    "still",
    "further",
    "great",
    "greater",
    "new",
];

/// The terms of words as the aligner matches them (a word in a synonym group has the
/// group's term).
fn set(words: &[&str]) -> FxHashSet<Term> {
    let aliases = Aliases::new(&[]);
    words
        .iter()
        .flat_map(|w| {
            [term_of(w)]
                .into_iter()
                .chain(analyze(w, &aliases).units.first().map(|u| u.term))
        })
        .collect()
}

fn attribution() -> &'static FxHashSet<Term> {
    static SET: OnceLock<FxHashSet<Term>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut all = set(ATTRIBUTION);
        all.extend(set(EMPHASIS));
        all
    })
}

/// Whether a term is a word of attribution, reporting or emphasis, which says who said
/// something or how much it matters, not what.
pub fn is_attribution(term: Term) -> bool {
    attribution().contains(&term)
}

fn lists() -> &'static (FxHashSet<String>, FxHashSet<String>, FxHashSet<String>) {
    static LISTS: OnceLock<(FxHashSet<String>, FxHashSet<String>, FxHashSet<String>)> =
        OnceLock::new();
    LISTS.get_or_init(|| {
        let own = |l: &[&str]| l.iter().map(|w| w.to_string()).collect();
        (own(NEGATIONS), own(UP), own(DOWN))
    })
}

/// What one side says about negation, direction and figures.
#[derive(Default)]
struct Side {
    negated: bool,
    up: bool,
    down: bool,
    /// Its figures, sorted and without repeats.
    numbers: Vec<Term>,
    /// Its figures as statements: a figure with the conversions given in brackets after it
    /// ("74 million pounds ($108 million)"), any of which the other side may give instead.
    figures: Vec<Figure>,
    /// Verbs followed by a particle that turns their meaning ("rolled out", "rolled back"),
    /// with the particle's bit.
    phrasal: Vec<(Term, u16)>,
}

struct Figure {
    forms: Vec<Term>,
    /// The currency of its first form (see [`currency_of_word`]), 0 for none.
    currency: u16,
}

/// Particles that make another verb of the one they follow: "rolled out" a policy and
/// "rolled back" the policy are opposite claims that share every content word. "up" and
/// "down" are words of direction already.
const PARTICLES: &[&str] = &["out", "back", "off", "away"];

/// Bytes of the longest word of the lists (a word that lowercases to one of them takes at
/// most three bytes per letter: the Kelvin sign is "k").
const LONGEST_LISTED: usize = {
    let mut longest = 0;
    let lists = [NEGATIONS, UP, DOWN];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if lists[l][i].len() > longest {
                longest = lists[l][i].len();
            }
            i += 1;
        }
        l += 1;
    }
    longest
};

fn is_nt(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

const NEGATION: u16 = 1;
const UPWARD: u16 = 2;
const DOWNWARD: u16 = 4;
/// The bit of the first of [`PARTICLES`]; the others follow.
const PARTICLE: u16 = 8;
const ANY_PARTICLE: u16 = ((1 << PARTICLES.len()) - 1) * PARTICLE;
/// The word comes after an opening bracket, with no word between.
const BRACKETED: u16 = 128;
/// Four bits from here: the currency the word names, or that a symbol right before it names.
const CURRENCY_SHIFT: u16 = 8;

/// The marks of the text between two words: an opening bracket, a currency symbol.
fn gap_marks(gap: &str) -> u16 {
    let bracket = if gap.contains(['(', '[']) {
        BRACKETED
    } else {
        0
    };
    let symbol = match gap.chars().next_back() {
        Some('$') => 1,
        Some('€') => 2,
        Some('£') => 3,
        Some('¥') => 4,
        Some('₹') => 6,
        Some('₽') => 8,
        Some('₩') => 11,
        Some('₺') => 12,
        Some('₪') => 13,
        _ => 0,
    };
    bracket | symbol << CURRENCY_SHIFT
}

/// A code per currency a (lowercased) word names; 0 for other words. Figures in two
/// currencies are not compared: "74 million pounds" and "$108 million" may be one sum.
fn currency_of_word(word: &str) -> u16 {
    match word {
        "dollar" | "dollars" | "usd" => 1,
        "euro" | "euros" | "eur" => 2,
        "pound" | "pounds" | "sterling" | "gbp" => 3,
        "yen" | "jpy" => 4,
        "yuan" | "renminbi" | "rmb" | "cny" => 5,
        "rupee" | "rupees" | "inr" => 6,
        "franc" | "francs" | "chf" => 7,
        "ruble" | "rubles" | "rouble" | "roubles" => 8,
        "peso" | "pesos" => 9,
        "baht" => 10,
        "lira" | "lire" => 12,
        "shekel" | "shekels" => 13,
        "dinar" | "dinars" | "dirham" | "dirhams" | "riyal" | "riyals" => 14,
        "naira" | "rand" | "krona" | "kronor" | "krone" | "kroner" | "zloty" => 15,
        _ => 0,
    }
}

/// What the checks look for in one word: [`NEGATION`], [`UPWARD`], [`DOWNWARD`] and particle
/// bits.
fn mark(raw: &str, word: &mut String) -> u16 {
    let (negations, up, down) = lists();
    // Every listed word is short: a longer word can only be an "n't".
    if raw.len() > LONGEST_LISTED * 3 {
        let nt = raw.ends_with(['t', 'T']) && is_nt(&raw.to_lowercase());
        return if nt { NEGATION } else { 0 };
    }
    word.clear();
    word.extend(raw.chars().flat_map(char::to_lowercase));
    let mut out = 0;
    if is_nt(word) || negations.contains(word.as_str()) {
        out |= NEGATION;
    }
    if up.contains(word.as_str()) {
        out |= UPWARD;
    }
    if down.contains(word.as_str()) {
        out |= DOWNWARD;
    }
    if let Some(i) = PARTICLES.iter().position(|p| p == word) {
        out |= PARTICLE << i;
    }
    out | currency_of_word(word) << CURRENCY_SHIFT
}

/// The words of one article marked once for the checks, by token: the checks run for every
/// candidate sentence pair, and looking each word up again there took a sixth of the time
/// of aligning a large corpus.
pub struct Marks(Vec<u16>);

impl Marks {
    pub fn new(text: &str, analysis: &Analysis) -> Marks {
        let mut word = String::new();
        let mut previous_end = 0;
        Marks(
            analysis
                .seg
                .tokens
                .iter()
                .map(|t| {
                    let gap = text.get(previous_end..t.start as usize).unwrap_or("");
                    previous_end = t.end as usize;
                    mark(&text[t.range()], &mut word) | gap_marks(gap)
                })
                .collect(),
        )
    }
}

/// One side of a pair: units `units` of an article, its words marked by `marked(token)`.
fn side(analysis: &Analysis, units: (usize, usize), mut marked: impl FnMut(usize) -> u16) -> Side {
    let mut out = Side::default();
    let mut negations_seen = 0;
    // The last figure's token, and the first token of a bracket opened since.
    let mut last_figure: Option<(usize, Option<usize>)> = None;
    for (i, unit) in analysis.units[units.0..units.1].iter().enumerate() {
        let token = unit.first as usize;
        if let Some((_, opened @ None)) = last_figure.as_mut() {
            if marked(token) & BRACKETED != 0 {
                *opened = Some(token);
            }
        }
        if unit.class == Class::Number {
            out.numbers.push(unit.term);
            // A few words on, at the start of a bracket: "($108 million)", "(about US$298)";
            // not "(up from $60 million)".
            let conversion = matches!(last_figure,
                Some((at, Some(open))) if token - at <= 5 && token - open <= 1);
            match out.figures.last_mut() {
                Some(figure) if conversion => figure.forms.push(unit.term),
                _ => {
                    // "$108", "74 pounds", "74 million pounds".
                    let tokens = analysis.seg.tokens.len();
                    let currency = (token..(token + 3).min(tokens))
                        .map(|t| marked(t) >> CURRENCY_SHIFT)
                        .find(|&c| c != 0)
                        .unwrap_or(0);
                    out.figures.push(Figure {
                        forms: vec![unit.term],
                        currency,
                    })
                }
            }
            last_figure = Some((token, None));
        }
        // A word and the particle right after it, in its sentence (the particle may end the
        // window: "the policy it rolled out").
        if unit.class == Class::Content {
            let next = analysis.units.get(units.0 + i + 1);
            if let Some(next) = next.filter(|n| n.sentence == unit.sentence && n.end == n.first + 1)
            {
                let particle = marked(next.first as usize) & ANY_PARTICLE;
                if particle != 0 {
                    out.phrasal.push((unit.term, particle));
                }
            }
        }
        for token in unit.first as usize..unit.end as usize {
            let m = marked(token);
            negations_seen += (m & NEGATION != 0) as usize;
            out.up |= m & UPWARD != 0;
            out.down |= m & DOWNWARD != 0;
        }
    }
    // "not only … but", "no one doubts that … not": two negations cancel out.
    out.negated = negations_seen % 2 == 1;
    out.numbers.sort_unstable();
    out.numbers.dedup();
    out
}

fn text_side(text: &str, analysis: &Analysis, units: (usize, usize)) -> Side {
    let mut word = String::new();
    let tokens = &analysis.seg.tokens;
    side(analysis, units, |t| {
        let gap_start = if t == 0 {
            0
        } else {
            tokens[t - 1].end as usize
        };
        let gap = text.get(gap_start..tokens[t].start as usize).unwrap_or("");
        mark(&text[tokens[t].range()], &mut word) | gap_marks(gap)
    })
}

/// The warnings of a pair of windows (units `ua` of article text `ta`, `ub` of `tb`).
pub fn warnings(
    (ta, aa, ua): (&str, &Analysis, (usize, usize)),
    (tb, ab, ub): (&str, &Analysis, (usize, usize)),
) -> Flags {
    compare(&text_side(ta, aa, ua), &text_side(tb, ab, ub))
}

/// [`warnings`] of articles whose words were marked beforehand.
pub fn warnings_marked(
    (ma, aa, ua): (&Marks, &Analysis, (usize, usize)),
    (mb, ab, ub): (&Marks, &Analysis, (usize, usize)),
) -> Flags {
    compare(&side(aa, ua, |t| ma.0[t]), &side(ab, ub, |t| mb.0[t]))
}

fn compare(x: &Side, y: &Side) -> Flags {
    let mut flags = Flags::default();
    if !x.numbers.is_empty() && !y.numbers.is_empty() {
        // Figures the other side gives in none of their forms.
        let only = |p: &Side, q: &Side| -> Vec<u16> {
            p.figures
                .iter()
                .filter(|f| f.forms.iter().all(|n| q.numbers.binary_search(n).is_err()))
                .map(|f| f.currency)
                .collect()
        };
        let (ox, oy) = (only(x, y), only(y, x));
        // Two sums in two currencies may be one sum converted.
        let comparable = |a: u16, b: u16| a == 0 || b == 0 || a == b;
        if ox.iter().any(|&a| oy.iter().any(|&b| comparable(a, b))) {
            flags.set(Flag::NumbersDiffer);
        }
    }
    if x.negated != y.negated {
        flags.set(Flag::Negation);
    }
    let direction = |s: &Side| match (s.up, s.down) {
        (true, false) => 1,
        (false, true) => -1,
        _ => 0,
    };
    // One verb, another particle on each side, and never the same one.
    let particles = |s: &Side, t: Term| {
        s.phrasal
            .iter()
            .filter(|p| p.0 == t)
            .fold(0, |bits, p| bits | p.1)
    };
    let turned = x.phrasal.iter().any(|&(t, _)| {
        let (px, py) = (particles(x, t), particles(y, t));
        py != 0 && px & py == 0
    });
    if direction(x) * direction(y) < 0 || turned {
        flags.set(Flag::Polarity);
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::super::terms::{analyze, Aliases};
    use super::*;

    #[test]
    fn a_request_or_a_demand_is_a_claim_not_attribution() {
        let aliases = Aliases::new(&[]);
        let term = |w: &str| analyze(w, &aliases).units[0].term;
        assert!(is_attribution(term("statement")));
        assert!(!is_attribution(term("request")));
        assert!(!is_attribution(term("demanded")));
    }

    /// A word of attribution makes its whole synonym group attribution: such groups must hold
    /// no word that carries a claim ("press" for "urge", "official" for "officer", "key" for
    /// "central").
    #[test]
    fn attribution_reaches_no_claim_word_through_a_synonym() {
        let aliases = Aliases::new(&[]);
        let term = |w: &str| analyze(w, &aliases).units[0].term;
        assert!(is_attribution(term("press")));
        assert!(is_attribution(term("officials")));
        for word in ["urged", "officer", "central"] {
            assert!(!is_attribution(term(word)), "{word}");
        }
    }

    fn flags(a: &str, b: &str) -> Vec<&'static str> {
        let aliases = Aliases::new(&[]);
        let (x, y) = (analyze(a, &aliases), analyze(b, &aliases));
        warnings((a, &x, (0, x.units.len())), (b, &y, (0, y.units.len())))
            .iter()
            .map(Flag::name)
            .collect()
    }

    #[test]
    fn opposite_movements_negations_and_other_figures_are_flagged() {
        assert_eq!(
            flags(
                "Stocks dipped lower on Monday.",
                "Stocks moved tentatively higher on Monday."
            ),
            ["polarity"]
        );
        assert_eq!(
            flags(
                "The minister did not sign the deal.",
                "The minister signed the deal."
            ),
            ["negation"]
        );
        assert_eq!(
            flags(
                "Iraq rejects the request.",
                "Iraq will share intelligence if requested."
            ),
            ["negation"]
        );
        assert_eq!(
            flags("The quake killed 12 people.", "The quake killed 15 people."),
            ["numbers-differ"]
        );
        // A figure only one side gives is not a disagreement.
        assert_eq!(
            flags(
                "The quake killed 12 people.",
                "The quake killed 12 people on 3 May."
            ),
            Vec::<&str>::new()
        );
        // A conversion in brackets is the same figure.
        assert_eq!(
            flags(
                "The club paid 74 million pounds ($108 million) for him.",
                "The club paid $108 million for him."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            flags(
                "The deal is worth 74 million (about $108 million).",
                "The deal, with 5 buyers, is worth $108 million."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            flags(
                "The laptop sells for 12,390 baht (about US$298).",
                "The laptop sells for $298."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            flags(
                "The club paid 74 million pounds for him.",
                "The club paid $108 million for him."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            flags(
                "The club paid €74 million.",
                "The club paid 108 million euros."
            ),
            ["numbers-differ"]
        );
        // Figures in brackets that convert nothing still differ.
        assert_eq!(
            flags(
                "The club paid $74 million.",
                "The club (founded 1899) paid $108 million."
            ),
            ["numbers-differ"]
        );
        assert_eq!(
            flags(
                "Sales were $50 million and costs $30 million.",
                "Sales rose to $74 million (up from $50 million)."
            ),
            ["numbers-differ"]
        );
        assert_eq!(
            flags("He did not say no.", "He agreed."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn one_verb_with_another_particle_is_another_claim() {
        assert_eq!(
            flags(
                "The company rolled out its new policy in the wrong way.",
                "The company rolls back its new policy."
            ),
            ["polarity"]
        );
        assert_eq!(
            flags(
                "The guard was laid off in March.",
                "The guard laid out the plan in March."
            ),
            ["polarity"]
        );
        // The same particle, or one side without any, is no turn.
        assert_eq!(
            flags(
                "The company rolled out its new policy.",
                "Its new policy, rolled out on Monday, was vague."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            flags(
                "The company rolled out its new policy.",
                "The company's new policy rolled on."
            ),
            Vec::<&str>::new()
        );
    }

    /// Whether each sentence names someone its article's counterpart never mentions.
    fn other_names(a: &str, b: &str) -> bool {
        let aliases = Aliases::new(&[]);
        let mut both = [analyze(a, &aliases), analyze(b, &aliases)];
        super::super::terms::merge_names(&[a, b], &mut both, 0.85);
        let [x, y] = both;
        let vocabulary = |an: &Analysis| {
            let mut t: Vec<Term> = an.units.iter().map(|u| u.term).collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        let (vx, vy) = (vocabulary(&x), vocabulary(&y));
        names_absent(
            &x,
            (0, x.units.len()),
            |_| true,
            |t| vy.binary_search(&t).is_ok(),
        ) && names_absent(
            &y,
            (0, y.units.len()),
            |_| true,
            |t| vx.binary_search(&t).is_ok(),
        )
    }

    #[test]
    fn two_players_arrested_are_other_names_one_player_is_not() {
        assert!(other_names(
            "The Chargers said receiver Vincent Jackson was arrested on suspicion of drunken driving.",
            "The Chargers said defensive tackle Jamal Williams was arrested on suspicion of drunk driving."
        ));
        // The same man, named in full on one side only.
        assert!(!other_names(
            "The Chargers said receiver Vincent Jackson was arrested on suspicion of drunken driving.",
            "Police arrested Jackson on suspicion of drunk driving, the Chargers said."
        ));
        // A name on one side only is an added detail, not another actor.
        assert!(!other_names(
            "Police arrested Jackson on suspicion of drunk driving.",
            "Police arrested Jackson in San Diego on suspicion of drunk driving."
        ));
        // "al" of a transliterated name is too short to tell.
        assert!(!other_names(
            "Hakem al-Zameli said fighters were driven out of Baiji refinery.",
            "Fighters were driven out of the Baiji refinery, Zamili said."
        ));
    }
}
