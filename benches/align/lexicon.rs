//! Words for the synthetic news corpus: real English function words and a few hundred real
//! news words, tens of thousands of pronounceable pseudo-words, and pools of people, places and
//! organisations that recur across articles with Zipfian popularity.

use super::rng::Rng;
use std::collections::{HashMap, HashSet};

/// A verb's forms: base ("approve"), past ("approved"), participle ("approved").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb<'a> {
    pub base: &'a str,
    pub past: &'a str,
    pub part: &'a str,
}

/// Transitive news verbs, most frequent first: (base, past, participle).
#[rustfmt::skip]
pub const VERBS: &[(&str, &str, &str)] = &[
    ("announce", "announced", "announced"), ("approve", "approved", "approved"),
    ("reject", "rejected", "rejected"), ("launch", "launched", "launched"),
    ("sign", "signed", "signed"), ("support", "supported", "supported"),
    ("criticise", "criticised", "criticised"), ("discuss", "discussed", "discussed"),
    ("receive", "received", "received"), ("release", "released", "released"),
    ("seize", "seized", "seized"), ("attack", "attacked", "attacked"),
    ("propose", "proposed", "proposed"), ("block", "blocked", "blocked"),
    ("delay", "delayed", "delayed"), ("order", "ordered", "ordered"),
    ("deploy", "deployed", "deployed"), ("begin", "began", "begun"),
    ("win", "won", "won"), ("lose", "lost", "lost"), ("lead", "led", "led"),
    ("build", "built", "built"), ("cut", "cut", "cut"), ("send", "sent", "sent"),
    ("find", "found", "found"), ("sell", "sold", "sold"), ("buy", "bought", "bought"),
    ("raise", "raised", "raised"), ("increase", "increased", "increased"),
    ("reduce", "reduced", "reduced"), ("close", "closed", "closed"), ("open", "opened", "opened"),
    ("destroy", "destroyed", "destroyed"), ("capture", "captured", "captured"),
    ("arrest", "arrested", "arrested"), ("detain", "detained", "detained"),
    ("publish", "published", "published"), ("confirm", "confirmed", "confirmed"),
    ("deny", "denied", "denied"), ("back", "backed", "backed"), ("visit", "visited", "visited"),
    ("accuse", "accused", "accused"), ("condemn", "condemned", "condemned"),
    ("offer", "offered", "offered"), ("demand", "demanded", "demanded"),
    ("review", "reviewed", "reviewed"), ("suspend", "suspended", "suspended"),
    ("expand", "expanded", "expanded"), ("target", "targeted", "targeted"),
    ("investigate", "investigated", "investigated"), ("fund", "funded", "funded"),
    ("impose", "imposed", "imposed"), ("lift", "lifted", "lifted"), ("hold", "held", "held"),
    ("show", "showed", "shown"), ("end", "ended", "ended"), ("start", "started", "started"),
    ("help", "helped", "helped"), ("use", "used", "used"), ("take", "took", "taken"),
    ("give", "gave", "given"), ("make", "made", "made"), ("hit", "hit", "hit"),
    ("kill", "killed", "killed"), ("wound", "wounded", "wounded"), ("strike", "struck", "struck"),
];

/// Real news nouns (singular, plural), most frequent first.
#[rustfmt::skip]
pub const NOUNS: &[(&str, &str)] = &[
    ("government", "governments"), ("year", "years"), ("official", "officials"),
    ("people", "people"), ("country", "countries"), ("minister", "ministers"),
    ("force", "forces"), ("city", "cities"), ("week", "weeks"), ("report", "reports"),
    ("statement", "statements"), ("police", "police"), ("security", "security"),
    ("plan", "plans"), ("deal", "deals"), ("group", "groups"), ("region", "regions"),
    ("president", "presidents"), ("party", "parties"), ("leader", "leaders"),
    ("attack", "attacks"), ("election", "elections"), ("agreement", "agreements"),
    ("talks", "talks"), ("state", "states"), ("month", "months"), ("company", "companies"),
    ("market", "markets"), ("price", "prices"), ("economy", "economies"), ("bank", "banks"),
    ("military", "militaries"), ("troop", "troops"), ("soldier", "soldiers"),
    ("operation", "operations"), ("area", "areas"), ("border", "borders"), ("crisis", "crises"),
    ("war", "wars"), ("law", "laws"), ("court", "courts"), ("case", "cases"),
    ("investigation", "investigations"), ("decision", "decisions"), ("policy", "policies"),
    ("meeting", "meetings"), ("ministry", "ministries"), ("committee", "committees"),
    ("council", "councils"), ("vote", "votes"), ("bill", "bills"), ("budget", "budgets"),
    ("tax", "taxes"), ("program", "programs"), ("project", "projects"), ("support", "support"),
    ("aid", "aid"), ("help", "help"), ("source", "sources"), ("analyst", "analysts"),
    ("expert", "experts"), ("resident", "residents"), ("worker", "workers"),
    ("family", "families"), ("child", "children"), ("student", "students"),
    ("school", "schools"), ("hospital", "hospitals"), ("health", "health"),
    ("rebel", "rebels"), ("militant", "militants"), ("fighter", "fighters"),
    ("civilian", "civilians"), ("victim", "victims"), ("refugee", "refugees"),
    ("protest", "protests"), ("protester", "protesters"), ("strike", "strikes"),
    ("union", "unions"), ("sanction", "sanctions"), ("weapon", "weapons"),
    ("missile", "missiles"), ("airstrike", "airstrikes"), ("intelligence", "intelligence"),
    ("center", "centers"), ("capital", "capitals"), ("province", "provinces"),
    ("district", "districts"), ("village", "villages"), ("building", "buildings"),
    ("road", "roads"), ("airport", "airports"), ("oil", "oil"), ("gas", "gas"),
    ("energy", "energy"), ("water", "water"), ("food", "food"), ("fuel", "fuel"),
    ("reform", "reforms"), ("change", "changes"), ("issue", "issues"), ("concern", "concerns"),
    ("question", "questions"), ("summit", "summits"), ("visit", "visits"),
    ("spokesman", "spokesmen"), ("spokeswoman", "spokeswomen"), ("campaign", "campaigns"),
    ("candidate", "candidates"), ("supporter", "supporters"), ("critic", "critics"),
    ("opposition", "opposition"), ("coalition", "coalitions"), ("ally", "allies"),
    ("alliance", "alliances"), ("evidence", "evidence"), ("charge", "charges"),
    ("trial", "trials"), ("prison", "prisons"), ("data", "data"), ("figure", "figures"),
    ("survey", "surveys"), ("study", "studies"), ("rate", "rates"), ("growth", "growth"),
    ("investor", "investors"), ("share", "shares"), ("team", "teams"), ("season", "seasons"),
    ("fan", "fans"), ("club", "clubs"), ("storm", "storms"), ("flood", "floods"),
    ("fire", "fires"), ("emergency", "emergencies"), ("network", "networks"),
    ("system", "systems"), ("service", "services"), ("record", "records"),
    ("period", "periods"), ("quarter", "quarters"), ("measure", "measures"),
    ("effort", "efforts"), ("threat", "threats"), ("risk", "risks"), ("peace", "peace"),
    ("violence", "violence"), ("border crossing", "border crossings"), ("ceasefire", "ceasefires"),
    ("delegation", "delegations"), ("authority", "authorities"), ("agency", "agencies"),
];

/// Real news adjectives, most frequent first.
#[rustfmt::skip]
pub const ADJS: &[&str] = &[
    "new", "former", "senior", "local", "national", "international", "foreign", "military",
    "political", "economic", "public", "federal", "regional", "key", "major", "large", "small",
    "recent", "previous", "possible", "early", "late", "strong", "serious", "significant",
    "official", "joint", "special", "top", "main", "armed", "financial", "global", "western",
    "northern", "southern", "eastern", "independent", "important", "heavy", "further", "broad",
    "fresh", "initial", "controversial", "temporary", "annual", "emergency", "humanitarian",
];

/// Sentence adverbs that reporters drop in and out.
pub const ADVS: &[&str] = &[
    "also",
    "reportedly",
    "already",
    "recently",
    "later",
    "earlier",
    "again",
    "previously",
    "still",
    "now",
    "quickly",
    "formally",
    "publicly",
    "eventually",
];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

pub const SMALL_NUMBERS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Titles of people; the lower-case form names them on later mentions ("the foreign minister").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
    "Finance Minister", "Senator", "General", "Governor", "Mayor", "Chief Executive",
    "Ambassador", "Judge", "Colonel", "Commander", "Professor", "Spokesman", "Minister",
    "Deputy Minister", "Secretary-General", "Lawmaker", "Police Chief",
];

#[rustfmt::skip]
pub const REAL_PLACES: &[&str] = &[
    "Baghdad", "Moscow", "Washington", "London", "Paris", "Berlin", "Beijing", "Tehran",
    "Damascus", "Kabul", "Cairo", "Ankara", "Brussels", "Tokyo", "Delhi", "Kiev", "Geneva",
    "Syria", "Iraq", "Russia", "Iran", "China", "Turkey", "Europe", "Africa", "Asia", "Texas",
    "California", "New York", "Jerusalem", "Beirut", "Riyadh", "Istanbul", "Madrid", "Rome",
];

#[rustfmt::skip]
pub const REAL_ORGS: &[&str] = &[
    "the United Nations", "NATO", "the European Union", "the World Bank", "the IMF",
    "the Pentagon", "the Kremlin", "the White House", "the State Department",
    "the Interior Ministry", "the Defence Ministry", "the central bank", "the Red Cross",
    "the Foreign Ministry", "the Health Ministry", "the Supreme Court", "Congress",
    "the parliament", "the army", "the opposition", "the Joint Operations Command",
];

/// Groups that act as subjects ("officials said").
pub const AGENTS: &[&str] = &[
    "officials",
    "police",
    "authorities",
    "the government",
    "security forces",
    "rebels",
    "residents",
    "analysts",
    "investigators",
    "lawmakers",
    "the military",
    "troops",
    "witnesses",
    "activists",
    "diplomats",
    "protesters",
    "health officials",
    "prosecutors",
];

/// Subordinating conjunctions: a clause after one of these may move to the front.
pub const SUBORDINATORS: &[&str] = &["while", "after", "as", "although", "because", "when"];

/// Reporting verbs (past).
pub const SAY: &[&str] = &[
    "said",
    "said",
    "said",
    "said",
    "told reporters",
    "added",
    "warned",
    "noted",
];

/// Bracketed editorial insertions found in copied quotes.
pub const BRACKETED: &[&str] = &[
    "[ISIS]",
    "[ISIL]",
    "[sic]",
    "[Daesh]",
    "[the ministry]",
    "[the government]",
    "[he]",
    "[they]",
    "[emphasis added]",
    "[the group]",
    "[Russia]",
    "[the US]",
];

/// General synonyms for paraphrase (each entry works both ways). The bench's own list: no
/// pair sits in one group of the aligner's `assets/synonyms.txt` (the selftest checks), so a
/// paraphrase is found by what it still shares, not by the aligner's own vocabulary.
#[rustfmt::skip]
pub const SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"), ("announced", "made public"), ("officials", "those in charge"),
    ("large", "sizeable"), ("key", "pivotal"), ("plan", "scheme"), ("plans", "schemes"),
    ("talks", "discussions"), ("deal", "accord"), ("attack", "onslaught"),
    ("attacks", "onslaughts"), ("troops", "servicemen"), ("forces", "units"),
    ("militants", "armed men"), ("meeting", "gathering"),
    ("support", "endorsement"), ("country", "land"), ("government", "leadership"),
    ("leader", "top figure"), ("statement", "written remarks"), ("began", "got under way"),
    ("help", "backing"), ("showed", "made clear"), ("shown", "made clear"),
    ("recent", "latest"), ("previous", "earlier"), ("main", "foremost"), ("strong", "robust"),
    ("serious", "grave"), ("significant", "marked"), ("reduced", "trimmed"),
    ("increased", "boosted"), ("criticised", "lambasted"), ("residents", "locals"),
    ("warned", "sounded the alarm"), ("noted", "pointed out"),
    ("told reporters", "briefed journalists"),
    ("people", "individuals"), ("report", "study"), ("killed", "left dead"),
    ("bought", "snapped up"), ("held", "staged"), ("visited", "toured"),
    ("demanded", "called for"), ("former", "onetime"),
];

/// Adverbs that say the same thing (the bench's own, like [`SYNONYMS`]).
pub const ADV_SYNONYMS: &[(&str, &str)] = &[
    ("also", "additionally"),
    ("quickly", "in short order"),
    ("later", "in time"),
    ("reportedly", "allegedly"),
    ("earlier", "beforehand"),
    ("recently", "of late"),
    ("eventually", "ultimately"),
    ("publicly", "openly"),
    ("still", "yet"),
];

/// Verb pairs that say the same thing (both in [`VERBS`]; the bench's own, like
/// [`SYNONYMS`]).
pub const VERB_SYNONYMS: &[(&str, &str)] = &[
    ("criticise", "condemn"),
    ("increase", "raise"),
    ("reduce", "cut"),
    ("back", "support"),
    ("seize", "capture"),
    ("launch", "open"),
    ("reject", "block"),
    ("approve", "back"),
    ("attack", "target"),
    ("release", "publish"),
    ("begin", "launch"),
];

/// Stock phrases of English news that end a clause; some take a noun phrase after them.
pub const STOCK_TAILS: &[(&str, bool)] = &[
    ("in the wake of", true),
    ("as a result of", true),
    ("in the midst of", true),
    ("at the heart of", true),
    ("in the face of", true),
    ("in the coming weeks", false),
    ("for the first time in years", false),
    ("at the end of the day", false),
    ("in the long run", false),
    ("as soon as possible", false),
    ("in one way or another", false),
    ("for the time being", false),
];

/// Stock sentences of English news; `{}` is the subject.
pub const STOCK_SENTENCES: &[&str] = &[
    "{} did not immediately respond to a request for comment.",
    "{} declined to comment on the matter.",
    "{} could not be reached for comment.",
    "{} did not say when the decision would take effect.",
    "It was not immediately clear whether {} would appeal.",
    "It was not immediately clear how many people were affected.",
    "Further details were not immediately available.",
    "The cause of the incident is under investigation.",
    "More details are expected to be released in the coming days.",
    "The investigation is still ongoing, {} said.",
    "It is not the first time that {} has faced criticism.",
    "The move is seen as a step in the right direction, {} said.",
    "{} said the situation was under control.",
    "{} said it was too early to say what would happen next.",
    "{} said all options remained on the table.",
    "{} said it was monitoring the situation closely.",
    "{} said it would take all necessary measures.",
];

/// Function words never to be produced as pseudo-words.
const RESERVED: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "were", "have", "been", "will", "would",
    "into", "over", "under", "after", "about", "than", "more", "most", "some", "their", "there",
    "which", "while", "when", "what", "where", "who", "whom", "whose", "they", "them", "then",
    "also", "only", "said", "told", "near", "amid",
];

/// A person who may appear in many articles: the title stays theirs.
#[derive(Clone, Debug)]
pub struct Person<'a> {
    pub title: &'static str,
    pub first: &'a str,
    pub last: &'a str,
    pub female: bool,
}

/// Every word the generator may use. Pseudo-words are built from the seed; real words are the
/// constants above.
pub struct Lexicon {
    pub nouns: Vec<(Box<str>, Box<str>)>,
    pub adjs: Vec<Box<str>>,
    pub verbs: Vec<(Box<str>, Box<str>)>,
    pub firsts: Vec<Box<str>>,
    pub lasts: Vec<Box<str>>,
    pub places: Vec<Box<str>>,
    pub orgs: Vec<Box<str>>,
    /// Invented synonyms: every pseudo noun, adjective and verb form has a partner of its
    /// class (ranks 2k and 2k+1), which a paraphrase may put in its place, as a reporter puts
    /// "outlay" for "spending". No list outside the bench knows them.
    pub alt: HashMap<Box<str>, Box<str>>,
}

const ONSETS: &[&str] = &[
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl",
    "pr", "r", "s", "sh", "sl", "st", "t", "th", "tr", "v", "w", "z", "", "", "",
];
const NUCLEI: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "y",
];
const CODAS: &[&str] = &[
    "", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rk", "ng", "x",
];

fn pseudo_word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for i in 0..syllables {
        let last = i + 1 == syllables;
        w.push_str(rng.pick(ONSETS));
        // Long vowels and heavy codas mostly in the last syllable, as in English words.
        w.push_str(if rng.chance(0.85) {
            rng.pick(&NUCLEI[..9])
        } else {
            rng.pick(NUCLEI)
        });
        w.push_str(if last {
            rng.pick(CODAS)
        } else {
            rng.pick(&["", "", "", "n", "r", "l", "s"])
        });
    }
    w
}

/// A pseudo-word not seen before (nor any real word we use), with `suffix`.
fn fresh(rng: &mut Rng, seen: &mut HashSet<String>, min_len: usize, suffix: &str) -> String {
    loop {
        let syl = 1 + rng.weighted(&[25, 55, 20]);
        let w = pseudo_word(rng, syl);
        if w.len() > 9 {
            continue;
        }
        let w = w + suffix;
        if w.len() >= min_len && seen.insert(w.clone()) {
            return w;
        }
    }
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Lexicon {
    /// Builds the pseudo-vocabulary; the same seed gives the same words.
    pub fn new(seed: u64) -> Lexicon {
        let mut rng = Rng::new(seed ^ 0x01e8_1c0f);
        let mut seen: HashSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
        seen.extend(
            NOUNS
                .iter()
                .flat_map(|(a, b)| [a.to_string(), b.to_string()]),
        );
        seen.extend(ADJS.iter().map(|s| s.to_string()));
        seen.extend(
            VERBS
                .iter()
                .flat_map(|(a, b, c)| [a.to_string(), b.to_string(), c.to_string()]),
        );
        let nouns: Vec<(Box<str>, Box<str>)> = (0..26_000)
            .map(|_| {
                let n = fresh(&mut rng, &mut seen, 4, "");
                let plural = if n.ends_with(['s', 'x']) || n.ends_with("sh") || n.ends_with("ch") {
                    format!("{n}es")
                } else {
                    format!("{n}s")
                };
                seen.insert(plural.clone());
                (n.into_boxed_str(), plural.into_boxed_str())
            })
            .collect();
        const ADJ_SUFFIXES: &[&str] =
            &["al", "ic", "ive", "ous", "ant", "ish", "ern", "ary", "ible"];
        let adjs: Vec<Box<str>> = (0..7_000)
            .map(|_| {
                let s = rng.pick(ADJ_SUFFIXES);
                fresh(&mut rng, &mut seen, 5, s).into_boxed_str()
            })
            .collect();
        let verbs: Vec<(Box<str>, Box<str>)> = (0..4_000)
            .map(|_| {
                let base = fresh(&mut rng, &mut seen, 4, "");
                let past = if base.ends_with('e') {
                    format!("{base}d")
                } else {
                    format!("{base}ed")
                };
                seen.insert(past.clone());
                (base.into_boxed_str(), past.into_boxed_str())
            })
            .collect();
        let firsts = (0..2_500)
            .map(|_| capitalise(&fresh(&mut rng, &mut seen, 3, "")).into_boxed_str())
            .collect();
        const LAST_SUFFIXES: &[&str] = &["", "", "", "ov", "ski", "son", "er", "i", "ez", "an"];
        let lasts = (0..9_000)
            .map(|_| {
                let s = rng.pick(LAST_SUFFIXES);
                capitalise(&fresh(&mut rng, &mut seen, 4, s)).into_boxed_str()
            })
            .collect();
        const PLACE_SUFFIXES: &[&str] =
            &["", "", "ia", "burg", "stan", "ville", "ar", "abad", "pur"];
        let mut places: Vec<Box<str>> = REAL_PLACES.iter().map(|p| Box::from(*p)).collect();
        for i in 0..3_500 {
            let s = rng.pick(PLACE_SUFFIXES);
            let p = capitalise(&fresh(&mut rng, &mut seen, 4, s));
            // Spread the real places among the most popular ranks.
            let at = if i < REAL_PLACES.len() {
                2 * i + 1
            } else {
                places.len()
            };
            places.insert(at.min(places.len()), p.into_boxed_str());
        }
        const ORG_KINDS: &[&str] = &[
            "Party",
            "Council",
            "Front",
            "Commission",
            "Institute",
            "Bank",
            "Group",
            "Movement",
            "Authority",
            "Union",
            "Agency",
            "Corporation",
            "Alliance",
            "Foundation",
        ];
        let mut orgs: Vec<Box<str>> = REAL_ORGS.iter().map(|p| Box::from(*p)).collect();
        for _ in 0..1_500 {
            let o = match rng.below(4) {
                0 => {
                    // An acronym: three or four capitals.
                    let n = 3 + rng.below(2);
                    (0..n)
                        .map(|_| (b'A' + rng.below(26) as u8) as char)
                        .collect()
                }
                1 => format!(
                    "the {} {}",
                    capitalise(&fresh(&mut rng, &mut seen, 4, "an")),
                    rng.pick(ORG_KINDS)
                ),
                2 => format!(
                    "the {} {}",
                    capitalise(&fresh(&mut rng, &mut seen, 4, "")),
                    rng.pick(ORG_KINDS)
                ),
                _ => format!(
                    "the {} of {}",
                    rng.pick(ORG_KINDS),
                    capitalise(&fresh(&mut rng, &mut seen, 4, ""))
                ),
            };
            orgs.push(o.into_boxed_str());
        }
        let mut alt: HashMap<Box<str>, Box<str>> = HashMap::new();
        let mut pair = |x: &str, y: &str| {
            alt.insert(x.into(), y.into());
            alt.insert(y.into(), x.into());
        };
        for k in (0..nouns.len() - 1).step_by(2) {
            let ((s1, p1), (s2, p2)) = (&nouns[k], &nouns[k + 1]);
            pair(s1, s2);
            pair(p1, p2);
        }
        for k in (0..adjs.len() - 1).step_by(2) {
            pair(&adjs[k], &adjs[k + 1]);
        }
        for k in (0..verbs.len() - 1).step_by(2) {
            let ((b1, p1), (b2, p2)) = (&verbs[k], &verbs[k + 1]);
            pair(b1, b2);
            pair(p1, p2);
        }
        Lexicon {
            alt,
            nouns,
            adjs,
            verbs,
            firsts,
            lasts,
            places,
            orgs,
        }
    }

    /// How many distinct word forms the lexicon can produce (for the report).
    pub fn size(&self) -> usize {
        2 * self.nouns.len()
            + self.adjs.len()
            + 2 * self.verbs.len()
            + self.firsts.len()
            + self.lasts.len()
            + self.places.len()
            + 2 * NOUNS.len()
            + ADJS.len()
            + 2 * VERBS.len()
    }

    /// The popular people: a pool from which articles draw with Zipfian popularity, so that a
    /// few names ("Prime Minister X") appear in many unrelated articles.
    pub fn people(&self, seed: u64, n: usize) -> Vec<Person<'_>> {
        let mut rng = Rng::new(seed ^ 0x009e_091e);
        (0..n)
            .map(|_| Person {
                title: rng.pick(TITLES),
                first: &self.firsts[rng.below(self.firsts.len())],
                last: &self.lasts[rng.below(self.lasts.len())],
                female: rng.chance(0.35),
            })
            .collect()
    }
}
