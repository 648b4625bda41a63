//! Sentences of synthetic news: built as small structures (clauses, reported speech, numbers
//! and dates as values), rendered in an outlet's house style, and rewritten by rules into
//! paraphrases (synonyms, clause order, passive voice, dropped and added words, formats).

use super::lexicon::*;
use super::rng::Rng;

/// One piece of a sentence. Numbers and dates are values, rendered by the house style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok<'a> {
    /// One or more words ("the United Nations").
    W(&'a str),
    Num(u32),
    /// Tenths of a percent.
    Pct(u16),
    /// Tenths of a million dollars.
    Money(u32),
    /// Month (0-based) and day.
    Date(u8, u8),
    Year(u16),
}

/// How an outlet writes numbers, dates and quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub curly: bool,
    /// Numbers under ten as words ("five").
    pub small_words: bool,
    /// 0: "October 25", 1: "25 October", 2: "Oct. 25".
    pub date: u8,
    /// 0: "percent", 1: "per cent", 2: "%".
    pub pct: u8,
    /// 0: "$4.5 billion", 1: "4.5 billion dollars", 2: "US$4.5bn".
    pub money: u8,
}

impl Style {
    pub fn random(rng: &mut Rng) -> Style {
        Style {
            curly: rng.chance(0.3),
            small_words: rng.chance(0.7),
            date: rng.below(3) as u8,
            pct: rng.below(3) as u8,
            money: rng.weighted(&[6, 2, 2]) as u8,
        }
    }

    /// A style that differs from `self` in every number and date format.
    pub fn other(self, rng: &mut Rng) -> Style {
        Style {
            curly: rng.chance(0.5),
            small_words: !self.small_words,
            date: (self.date + 1 + rng.below(2) as u8) % 3,
            pct: (self.pct + 1 + rng.below(2) as u8) % 3,
            money: (self.money + 1 + rng.below(2) as u8) % 3,
        }
    }
}

/// Writes words with spaces, punctuation glued on, and the sentence's first letter capitalised.
struct Out<'s> {
    s: &'s mut String,
    cap: bool,
    glue: bool,
}

impl Out<'_> {
    fn word(&mut self, w: &str) {
        if !self.s.is_empty() && !self.glue {
            self.s.push(' ');
        }
        if self.cap {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                self.s.extend(f.to_uppercase());
                self.s.push_str(c.as_str());
            }
        } else {
            self.s.push_str(w);
        }
        self.cap = false;
        self.glue = false;
    }

    fn punct(&mut self, p: &str) {
        self.s.push_str(p);
    }

    fn open_quote(&mut self, style: Style) {
        if !self.s.is_empty() {
            self.s.push(' ');
        }
        self.s.push_str(if style.curly { "\u{201c}" } else { "\"" });
        self.glue = true;
    }

    fn close_quote(&mut self, style: Style) {
        self.s.push_str(if style.curly { "\u{201d}" } else { "\"" });
    }

    fn toks(&mut self, toks: &[Tok], style: Style) {
        for t in toks {
            self.tok(*t, style);
        }
    }

    fn tok(&mut self, t: Tok, style: Style) {
        match t {
            Tok::W(w) => self.word(w),
            Tok::Num(n) => self.word(&number(n, style)),
            Tok::Pct(p) => {
                let v = tenths(p as u32);
                match style.pct {
                    0 => {
                        self.word(&v);
                        self.word("percent");
                    }
                    1 => {
                        self.word(&v);
                        self.word("per cent");
                    }
                    _ => self.word(&format!("{v}%")),
                }
            }
            Tok::Money(m) => {
                let (v, unit, short) = if m >= 10_000 {
                    (tenths(m / 100), "billion", "bn")
                } else {
                    (tenths(m), "million", "m")
                };
                match style.money {
                    0 => {
                        self.word(&format!("${v}"));
                        self.word(unit);
                    }
                    1 => {
                        self.word(&v);
                        self.word(unit);
                        self.word("dollars");
                    }
                    _ => self.word(&format!("US${v}{short}")),
                }
            }
            Tok::Date(m, d) => match style.date {
                0 => {
                    self.word(MONTHS[m as usize]);
                    self.word(&d.to_string());
                }
                1 => {
                    self.word(&d.to_string());
                    self.word(MONTHS[m as usize]);
                }
                _ => {
                    self.word(MONTHS_AP[m as usize]);
                    self.word(&d.to_string());
                }
            },
            Tok::Year(y) => self.word(&y.to_string()),
        }
    }
}

/// "4.5" for 45, "12" for 120.
fn tenths(v: u32) -> String {
    if v.is_multiple_of(10) {
        (v / 10).to_string()
    } else {
        format!("{}.{}", v / 10, v % 10)
    }
}

fn number(n: u32, style: Style) -> String {
    if n < 10 && style.small_words {
        SMALL_NUMBERS[n as usize].to_string()
    } else if n >= 10_000 || (n >= 1000 && style.small_words) {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        n.to_string()
    }
}

/// A noun phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Np<'a> {
    pub toks: Vec<Tok<'a>>,
    pub plural: bool,
    /// "he", "she", "they": never the agent of a passive ("by he").
    pub pronoun: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tense {
    Past,
    Modal(&'static str),
    Perfect,
}

/// Subject, verb, object and trailing phrases ("in Baghdad", "on Tuesday").
#[derive(Clone, Debug, PartialEq)]
pub struct Clause<'a> {
    pub subj: Np<'a>,
    pub adv: Option<&'a str>,
    pub verb: Verb<'a>,
    pub tense: Tense,
    pub obj: Np<'a>,
    pub tails: Vec<Vec<Tok<'a>>>,
    pub passive: bool,
}

impl Clause<'_> {
    fn can_be_passive(&self) -> bool {
        !self.subj.pronoun && !self.obj.toks.is_empty()
    }

    fn render(&self, out: &mut Out, style: Style) {
        let (first, by) = if self.passive {
            (&self.obj, Some(&self.subj))
        } else {
            (&self.subj, None)
        };
        out.toks(&first.toks, style);
        let adv = |out: &mut Out| {
            if let Some(a) = self.adv {
                out.word(a);
            }
        };
        let has = if first.plural { "have" } else { "has" };
        match (self.tense, self.passive) {
            (Tense::Past, false) => {
                adv(out);
                out.word(self.verb.past);
            }
            (Tense::Past, true) => {
                out.word(if first.plural { "were" } else { "was" });
                adv(out);
                out.word(self.verb.part);
            }
            (Tense::Modal(m), false) => {
                out.word(m);
                adv(out);
                out.word(self.verb.base);
            }
            (Tense::Modal(m), true) => {
                out.word(m);
                adv(out);
                out.word("be");
                out.word(self.verb.part);
            }
            (Tense::Perfect, false) => {
                out.word(has);
                adv(out);
                out.word(self.verb.part);
            }
            (Tense::Perfect, true) => {
                out.word(has);
                adv(out);
                out.word("been");
                out.word(self.verb.part);
            }
        }
        match by {
            Some(agent) => {
                out.word("by");
                out.toks(&agent.toks, style);
            }
            None => out.toks(&self.obj.toks, style),
        }
        for t in &self.tails {
            out.toks(t, style);
        }
    }

    fn words(&self) -> usize {
        let n = |t: &[Tok]| t.iter().map(tok_words).sum::<usize>();
        n(&self.subj.toks)
            + n(&self.obj.toks)
            + self.tails.iter().map(|t| n(t)).sum::<usize>()
            + 2
            + self.adv.is_some() as usize
    }
}

fn tok_words(t: &Tok) -> usize {
    match t {
        Tok::W(w) => w.split(' ').count(),
        Tok::Num(_) | Tok::Year(_) => 1,
        Tok::Pct(_) | Tok::Date(..) => 2,
        Tok::Money(_) => 2,
    }
}

/// How reported speech is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// X said on Tuesday that C.
    That,
    /// C, X said on Tuesday.
    After,
    /// "C," X said on Tuesday.
    Quote,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body<'a> {
    Plain(Clause<'a>),
    /// "C1, while C2." or, swapped, "While C2, C1."
    Compound {
        first: Clause<'a>,
        conj: &'static str,
        second: Clause<'a>,
        swapped: bool,
    },
    Report {
        speaker: Np<'a>,
        say: &'a str,
        when: Vec<Tok<'a>>,
        clause: Clause<'a>,
        mode: Mode,
    },
}

/// One sentence: an optional leading phrase ("On Tuesday,") and a body.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent<'a> {
    pub lead: Vec<Tok<'a>>,
    pub body: Body<'a>,
}

impl<'a> Sent<'a> {
    pub fn render(&self, style: Style) -> String {
        let mut s = String::new();
        let mut out = Out {
            s: &mut s,
            cap: true,
            glue: false,
        };
        let quote = matches!(
            self.body,
            Body::Report {
                mode: Mode::Quote,
                ..
            }
        );
        if !self.lead.is_empty() && !quote {
            out.toks(&self.lead, style);
            out.punct(",");
        }
        match &self.body {
            Body::Plain(c) => c.render(&mut out, style),
            Body::Compound {
                first,
                conj,
                second,
                swapped: false,
            } => {
                first.render(&mut out, style);
                out.punct(",");
                out.word(conj);
                second.render(&mut out, style);
            }
            Body::Compound {
                first,
                conj,
                second,
                swapped: true,
            } => {
                out.word(conj);
                second.render(&mut out, style);
                out.punct(",");
                first.render(&mut out, style);
            }
            Body::Report {
                speaker,
                say,
                when,
                clause,
                mode,
            } => match mode {
                Mode::That => {
                    out.toks(&speaker.toks, style);
                    out.word(say);
                    out.toks(when, style);
                    out.word("that");
                    clause.render(&mut out, style);
                }
                Mode::After => {
                    clause.render(&mut out, style);
                    out.punct(",");
                    out.toks(&speaker.toks, style);
                    out.word(say);
                    out.toks(when, style);
                }
                Mode::Quote => {
                    out.open_quote(style);
                    out.cap = true;
                    clause.render(&mut out, style);
                    out.punct(",");
                    out.close_quote(style);
                    out.toks(&speaker.toks, style);
                    out.word(say);
                    out.toks(when, style);
                }
            },
        }
        out.punct(".");
        s
    }

    fn words(&self) -> usize {
        let lead: usize = self.lead.iter().map(tok_words).sum();
        lead + match &self.body {
            Body::Plain(c) => c.words(),
            Body::Compound { first, second, .. } => first.words() + second.words() + 1,
            Body::Report {
                speaker,
                when,
                clause,
                ..
            } => {
                speaker.toks.iter().map(tok_words).sum::<usize>()
                    + when.iter().map(tok_words).sum::<usize>()
                    + clause.words()
                    + 2
            }
        }
    }

    fn clauses_mut(&mut self) -> Vec<&mut Clause<'a>> {
        match &mut self.body {
            Body::Plain(c) => vec![c],
            Body::Compound { first, second, .. } => vec![first, second],
            Body::Report { clause, .. } => vec![clause],
        }
    }

    fn has_values(&self) -> bool {
        let v = |t: &[Tok]| t.iter().any(|t| !matches!(t, Tok::W(_)));
        let c = |c: &Clause| v(&c.subj.toks) || v(&c.obj.toks) || c.tails.iter().any(|t| v(t));
        v(&self.lead)
            || match &self.body {
                Body::Plain(x) => c(x),
                Body::Compound { first, second, .. } => c(first) || c(second),
                Body::Report { when, clause, .. } => v(when) || c(clause),
            }
    }
}

/// The story one article tells: its people, places, organisations, topic words and style.
pub struct Ctx<'a> {
    pub lex: &'a Lexicon,
    pub people: Vec<(&'a Person<'a>, u32)>,
    pub places: Vec<&'a str>,
    pub orgs: Vec<&'a str>,
    pub topic: Vec<usize>,
    pub style: Style,
}

/// What a sentence already says: one place, one time, one source, one "first time" at most.
#[derive(Default)]
struct Used {
    place: bool,
    time: bool,
    source: bool,
    first: bool,
}

const SUBJ_PLURAL_PRONOUN: &str = "they";

impl<'a> Ctx<'a> {
    /// An article's story: people, places, organisations and topic words drawn from `story`
    /// (articles given the same stream tell the same story), its house style from `own`.
    pub fn new(
        lex: &'a Lexicon,
        pool: &'a [Person<'a>],
        story: &mut Rng,
        own: &mut Rng,
    ) -> Ctx<'a> {
        let rng = story;
        let people = (0..rng.range(1, 4))
            .map(|_| (&pool[rng.zipf(pool.len(), 4.0)], 0))
            .collect();
        let places = (0..rng.range(1, 3))
            .map(|_| &*lex.places[rng.zipf(lex.places.len(), 3.0)])
            .collect();
        let orgs = (0..rng.range(1, 2))
            .map(|_| &*lex.orgs[rng.zipf(lex.orgs.len(), 3.0)])
            .collect();
        let topic = (0..rng.range(8, 20))
            .map(|_| rng.zipf(lex.nouns.len(), 40.0))
            .collect();
        Ctx {
            lex,
            people,
            places,
            orgs,
            topic,
            style: Style::random(own),
        }
    }

    /// A stock sentence of news English ("Officials declined to comment on the matter."),
    /// with a generic subject: it says nothing of the story, so two articles holding it share
    /// no claim.
    pub fn stock_sentence(&mut self, rng: &mut Rng) -> String {
        const SUBJECTS: &[&str] = &[
            "officials",
            "police",
            "the ministry",
            "a spokesman",
            "a spokeswoman",
            "the company",
            "the government",
            "authorities",
            "the agency",
        ];
        let frame = rng.pick(STOCK_SENTENCES);
        capitalise(&frame.replacen("{}", rng.pick(SUBJECTS), 1))
    }

    fn place(&self, rng: &mut Rng) -> &'a str {
        if rng.chance(0.75) {
            self.places[rng.below(self.places.len())]
        } else {
            &self.lex.places[rng.zipf(self.lex.places.len(), 3.0)]
        }
    }

    fn org(&self, rng: &mut Rng) -> &'a str {
        if rng.chance(0.7) {
            self.orgs[rng.below(self.orgs.len())]
        } else {
            &self.lex.orgs[rng.zipf(self.lex.orgs.len(), 3.0)]
        }
    }

    fn noun(&self, rng: &mut Rng, plural: bool) -> &'a str {
        let lex = self.lex;
        match rng.weighted(&[40, 28, 32]) {
            0 => {
                let (s, p) = &lex.nouns[self.topic[rng.below(self.topic.len())]];
                if plural {
                    p
                } else {
                    s
                }
            }
            1 => {
                let (s, p) = NOUNS[rng.zipf(NOUNS.len(), 2.0)];
                if plural {
                    p
                } else {
                    s
                }
            }
            _ => {
                let (s, p) = &lex.nouns[rng.zipf(lex.nouns.len(), 3.0)];
                if plural {
                    p
                } else {
                    s
                }
            }
        }
    }

    fn adj(&self, rng: &mut Rng) -> &'a str {
        if rng.chance(0.45) {
            ADJS[rng.zipf(ADJS.len(), 2.0)]
        } else {
            &self.lex.adjs[rng.zipf(self.lex.adjs.len(), 3.0)]
        }
    }

    fn verb(&self, rng: &mut Rng) -> Verb<'a> {
        if rng.chance(0.7) {
            let (base, past, part) = VERBS[rng.zipf(VERBS.len(), 3.0)];
            Verb { base, past, part }
        } else {
            let (base, past) = &self.lex.verbs[rng.zipf(self.lex.verbs.len(), 3.0)];
            Verb {
                base,
                past,
                part: past,
            }
        }
    }

    /// "the northern tarvels of Baghdad", "a new plan", "3,400 mokrins".
    fn thing(&self, rng: &mut Rng) -> Np<'a> {
        let mut toks = Vec::with_capacity(6);
        if rng.chance(0.1) {
            toks.push(Tok::W(rng.pick(&[
                "more than",
                "about",
                "nearly",
                "at least",
                "some",
                "",
            ])));
            if let Some(Tok::W("")) = toks.last() {
                toks.pop();
            }
            toks.push(Tok::Num(self.count(rng)));
            if rng.chance(0.5) {
                toks.push(Tok::W(self.adj(rng)));
            }
            toks.push(Tok::W(self.noun(rng, true)));
            return Np {
                toks,
                plural: true,
                pronoun: false,
            };
        }
        let plural = rng.chance(0.35);
        let det = if plural {
            rng.pick(&[
                "the", "the", "the", "the", "", "", "", "their", "its", "these", "some", "many",
            ])
        } else {
            rng.pick(&[
                "the", "the", "the", "the", "the", "a", "a", "a", "its", "this", "their",
            ])
        };
        let adj = rng.chance(0.35).then(|| self.adj(rng));
        let noun = self.noun(rng, plural);
        let next = adj.unwrap_or(noun);
        // "a security", "a talks": mass nouns take "the".
        let det = if det == "a" && NOUNS.iter().any(|&(s, p)| s == noun && s == p) {
            "the"
        } else {
            det
        };
        let det = if det == "a" && next.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            det
        };
        if !det.is_empty() {
            toks.push(Tok::W(det));
        }
        if let Some(a) = adj {
            toks.push(Tok::W(a));
        }
        toks.push(Tok::W(noun));
        if rng.chance(0.2) {
            toks.push(Tok::W("of"));
            match rng.below(3) {
                0 => toks.push(Tok::W(self.place(rng))),
                1 => toks.push(Tok::W(self.org(rng))),
                _ => {
                    toks.push(Tok::W("the"));
                    let plural = rng.chance(0.3);
                    toks.push(Tok::W(self.noun(rng, plural)));
                }
            }
        }
        Np {
            toks,
            plural,
            pronoun: false,
        }
    }

    fn count(&self, rng: &mut Rng) -> u32 {
        match rng.weighted(&[40, 35, 25]) {
            0 => rng.range(2, 20) as u32,
            1 => rng.range(20, 999) as u32,
            _ => (rng.range(10, 999) * 10 * [1, 10, 100][rng.below(3)]) as u32,
        }
    }

    /// A person by full name on first mention, then by surname, title or pronoun.
    fn person(&mut self, rng: &mut Rng, subject: bool) -> Np<'a> {
        let i = rng.below(self.people.len());
        let (p, seen) = self.people[i];
        self.people[i].1 += 1;
        let toks = if seen == 0 || rng.chance(0.1) {
            vec![Tok::W(p.title), Tok::W(p.first), Tok::W(p.last)]
        } else if subject && rng.chance(0.2) {
            return Np {
                toks: vec![Tok::W(if p.female { "she" } else { "he" })],
                plural: false,
                pronoun: true,
            };
        } else if rng.chance(0.7) {
            vec![Tok::W(p.last)]
        } else {
            vec![Tok::W("the"), Tok::W(title_lower(p.title))]
        };
        Np {
            toks,
            plural: false,
            pronoun: false,
        }
    }

    fn agent(&mut self, rng: &mut Rng) -> Np<'a> {
        match rng.weighted(&[35, 20, 15, 30, 3]) {
            0 => self.person(rng, true),
            1 => Np {
                toks: vec![Tok::W(rng.pick(AGENTS))],
                plural: true,
                pronoun: false,
            },
            2 => Np {
                toks: vec![Tok::W(self.org(rng))],
                plural: false,
                pronoun: false,
            },
            3 => self.thing(rng),
            _ => Np {
                toks: vec![Tok::W(SUBJ_PLURAL_PRONOUN)],
                plural: true,
                pronoun: true,
            },
        }
    }

    fn speaker(&mut self, rng: &mut Rng) -> Np<'a> {
        match rng.weighted(&[55, 15, 15, 15]) {
            0 => self.person(rng, true),
            1 => Np {
                toks: vec![Tok::W(rng.pick(AGENTS))],
                plural: true,
                pronoun: false,
            },
            2 => Np {
                toks: vec![Tok::W(self.org(rng))],
                plural: false,
                pronoun: false,
            },
            _ => Np {
                toks: vec![
                    Tok::W(rng.pick(&[
                        "a spokesman for",
                        "a spokeswoman for",
                        "a source close to",
                        "an official at",
                    ])),
                    Tok::W(self.org(rng)),
                ],
                plural: false,
                pronoun: false,
            },
        }
    }

    /// A trailing phrase: where, when, how much, why; `None` when the sentence already says
    /// where or when (one of each per sentence) or whose account it is.
    fn tail(&mut self, rng: &mut Rng, used: &mut Used) -> Option<Vec<Tok<'a>>> {
        const PREPS: &[&str] = &[
            "in",
            "in",
            "in",
            "on",
            "on",
            "for",
            "for",
            "for",
            "with",
            "with",
            "at",
            "from",
            "from",
            "over",
            "against",
            "after",
            "during",
            "amid",
            "despite",
            "near",
            "under",
            "into",
            "across",
            "following",
            "without",
            "between",
            "through",
            "within",
        ];
        let kind = rng.weighted(&[12, 7, 4, 3, 4, 32, 2, 3, 3, 3, 5, 3, 2, 3]);
        let flag = match kind {
            0 => Some(&mut used.place),
            1..=4 => Some(&mut used.time),
            6 => Some(&mut used.first),
            9 => Some(&mut used.source),
            _ => None,
        };
        if let Some(flag) = flag {
            if *flag {
                return None;
            }
            *flag = true;
        }
        Some(match kind {
            0 => vec![Tok::W("in"), Tok::W(self.place(rng))],
            1 => vec![Tok::W("on"), Tok::W(rng.pick(WEEKDAYS))],
            2 => vec![
                Tok::W("on"),
                Tok::Date(rng.below(12) as u8, rng.range(1, 28) as u8),
            ],
            3 => vec![Tok::W("in"), Tok::Year(rng.range(1990, 2024) as u16)],
            4 => vec![Tok::W(rng.pick(&[
                "last week",
                "last month",
                "last year",
                "this week",
                "earlier this year",
            ]))],
            5 => {
                let mut t = vec![Tok::W(rng.pick(PREPS))];
                t.extend(self.thing(rng).toks);
                t
            }
            6 => {
                let mut t = vec![Tok::W("for the first time")];
                if rng.chance(0.5) {
                    t.push(Tok::W("since"));
                    t.push(Tok::Year(rng.range(1990, 2020) as u16));
                }
                t
            }
            7 => vec![Tok::W("by"), Tok::Pct(rng.range(1, 600) as u16)],
            8 => vec![
                Tok::W(rng.pick(&["to", "worth", "of"])),
                Tok::Money(rng.range(5, 90_000) as u32),
            ],
            9 => {
                let who = if rng.chance(0.5) {
                    self.org(rng)
                } else {
                    rng.pick(&[
                        "officials",
                        "the ministry",
                        "local media",
                        "a statement",
                        "the report",
                    ])
                };
                vec![Tok::W("according to"), Tok::W(who)]
            }
            10 => {
                let mut t = vec![Tok::W(rng.pick(&[
                    "to",
                    "to",
                    "to",
                    "in an effort to",
                    "in order to",
                    "in a bid to",
                    "aiming to",
                    "seeking to",
                ]))];
                t.push(Tok::W(self.verb(rng).base));
                t.extend(self.thing(rng).toks);
                t
            }
            11 => vec![
                Tok::W("with"),
                Tok::Num(self.count(rng)),
                Tok::W(self.noun(rng, true)),
            ],
            12 => {
                let mut t = vec![Tok::W("as part of")];
                t.extend(self.thing(rng).toks);
                t
            }
            _ => {
                let (phrase, takes_np) = rng.pick(STOCK_TAILS);
                let mut t = vec![Tok::W(phrase)];
                if takes_np {
                    t.extend(self.thing(rng).toks);
                }
                t
            }
        })
    }

    fn lead(&mut self, rng: &mut Rng, used: &mut Used) -> Vec<Tok<'a>> {
        let kind = rng.below(8);
        match kind {
            0 | 2..=4 => used.time = true,
            1 => used.place = true,
            _ => {}
        }
        match kind {
            0 => vec![Tok::W("on"), Tok::W(rng.pick(WEEKDAYS))],
            1 => vec![Tok::W("in"), Tok::W(self.place(rng))],
            2 => vec![Tok::W(rng.pick(&[
                "earlier this month",
                "last week",
                "at the same time",
                "last year",
            ]))],
            3 => vec![Tok::W("in"), Tok::Year(rng.range(1990, 2024) as u16)],
            4 => vec![
                Tok::W("on"),
                Tok::Date(rng.below(12) as u8, rng.range(1, 28) as u8),
            ],
            5 => {
                let mut t = vec![Tok::W(rng.pick(&[
                    "after",
                    "despite",
                    "during",
                    "following",
                ]))];
                t.extend(self.thing(rng).toks);
                t
            }
            _ => vec![Tok::W(rng.pick(&["meanwhile", "separately", "however"]))],
        }
    }

    fn clause(&mut self, rng: &mut Rng) -> Clause<'a> {
        let subj = self.agent(rng);
        let tense = match rng.weighted(&[70, 15, 15]) {
            0 => Tense::Past,
            1 => Tense::Modal(rng.pick(&["would", "will", "could", "may", "would"])),
            _ => Tense::Perfect,
        };
        let mut c = Clause {
            subj,
            adv: rng.chance(0.12).then(|| rng.pick(ADVS)),
            verb: self.verb(rng),
            tense,
            obj: self.thing(rng),
            tails: Vec::new(),
            passive: false,
        };
        c.passive = c.can_be_passive() && rng.chance(0.12);
        c
    }

    /// A sentence of 8 to 40 words (about 21 on average).
    pub fn sentence(&mut self, rng: &mut Rng) -> Sent<'a> {
        self.sentence_at_least(rng, 8)
    }

    pub fn sentence_at_least(&mut self, rng: &mut Rng, min: usize) -> Sent<'a> {
        loop {
            let target = ((21.0 + 7.0 * rng.normal()).round().clamp(8.0, 40.0) as usize).max(min);
            let mut used = Used::default();
            let lead = if rng.chance(0.15) {
                self.lead(rng, &mut used)
            } else {
                Vec::new()
            };
            let body = match rng.weighted(&[35, 45, 20]) {
                0 => Body::Plain(self.clause(rng)),
                1 => {
                    let mode = match rng.weighted(&[45, 25, 30]) {
                        0 => Mode::That,
                        1 => Mode::After,
                        _ => Mode::Quote,
                    };
                    let speaker = self.speaker(rng);
                    let say = rng.pick(SAY);
                    // "In a statement" and the like go with short speakers and plain verbs
                    // only, so that stock phrases stay short: "the ministry said in a
                    // statement on Tuesday", not "a spokesman for the X said in a statement".
                    let long =
                        speaker.toks.iter().map(tok_words).sum::<usize>() > 3 || say != "said";
                    let kind = rng.weighted(if long {
                        &[40, 15, 0, 0, 0, 15]
                    } else {
                        &[40, 15, 10, 10, 10, 15]
                    });
                    let kind = if used.time && [1, 3, 5].contains(&kind) {
                        kind - 1
                    } else {
                        kind
                    };
                    let kind = if long && kind > 1 && kind < 5 {
                        0
                    } else {
                        kind
                    };
                    used.time |= [1, 3, 5].contains(&kind);
                    let when = match kind {
                        0 => vec![],
                        1 => vec![Tok::W("on"), Tok::W(rng.pick(WEEKDAYS))],
                        2 => vec![Tok::W("in a statement")],
                        3 => vec![Tok::W("in a statement on"), Tok::W(rng.pick(WEEKDAYS))],
                        4 => vec![Tok::W(rng.pick(&[
                            "in an interview",
                            "at a news conference",
                            "in a televised address",
                            "on social media",
                        ]))],
                        _ => vec![
                            Tok::W("on"),
                            Tok::Date(rng.below(12) as u8, rng.range(1, 28) as u8),
                        ],
                    };
                    Body::Report {
                        speaker,
                        say,
                        when,
                        clause: self.clause(rng),
                        mode,
                    }
                }
                _ => {
                    let conj = rng.pick(&[
                        "while", "after", "as", "although", "because", "when", "and", "but", "but",
                    ]);
                    let swapped = SUBORDINATORS.contains(&conj) && rng.chance(0.25);
                    Body::Compound {
                        first: self.clause(rng),
                        conj,
                        second: self.clause(rng),
                        swapped,
                    }
                }
            };
            let mut s = Sent { lead, body };
            let mut guard = 0;
            while s.words() < target && guard < 12 {
                guard += 1;
                let Some(tail) = self.tail(rng, &mut used) else {
                    continue;
                };
                let mut cs = s.clauses_mut();
                let k = rng.below(cs.len());
                if cs[k].tails.len() < 4 {
                    cs[k].tails.push(tail);
                }
            }
            let n = s.render(self.style).split_whitespace().count();
            if (min.max(8)..=40).contains(&n) {
                return s;
            }
        }
    }
}

fn title_lower(title: &'static str) -> &'static str {
    match title {
        "President" => "president",
        "Prime Minister" => "prime minister",
        "Foreign Minister" => "foreign minister",
        "Defence Minister" => "defence minister",
        "Interior Minister" => "interior minister",
        "Finance Minister" => "finance minister",
        "Senator" => "senator",
        "General" => "general",
        "Governor" => "governor",
        "Mayor" => "mayor",
        "Chief Executive" => "chief executive",
        "Ambassador" => "ambassador",
        "Judge" => "judge",
        "Colonel" => "colonel",
        "Commander" => "commander",
        "Professor" => "professor",
        "Spokesman" => "spokesman",
        "Minister" => "minister",
        "Deputy Minister" => "deputy minister",
        "Secretary-General" => "secretary-general",
        "Lawmaker" => "lawmaker",
        _ => "official",
    }
}

fn synonym(w: &str) -> Option<&'static str> {
    either_way(SYNONYMS, w)
}

fn adv_synonym(w: &str) -> Option<&'static str> {
    either_way(ADV_SYNONYMS, w)
}

fn either_way(table: &[(&'static str, &'static str)], w: &str) -> Option<&'static str> {
    table.iter().find_map(|&(a, b)| {
        if a == w {
            Some(b)
        } else if b == w {
            Some(a)
        } else {
            None
        }
    })
}

fn verb_synonym(v: Verb<'_>) -> Option<Verb<'static>> {
    let other = VERB_SYNONYMS.iter().find_map(|&(a, b)| {
        if a == v.base {
            Some(b)
        } else if b == v.base {
            Some(a)
        } else {
            None
        }
    })?;
    VERBS
        .iter()
        .find(|(b, ..)| *b == other)
        .map(|&(base, past, part)| Verb { base, past, part })
}

/// How often a paraphrase puts an invented synonym for a pseudo-word: real paraphrases
/// reword rare content words too, keeping names and numbers.
const RARE_SWAP: f64 = 0.5;

fn swap_words<'a>(toks: &mut [Tok<'a>], lex: &'a Lexicon, rng: &mut Rng) -> usize {
    let mut n = 0;
    for t in toks {
        if let Tok::W(w) = t {
            if let Some(s) = synonym(w) {
                if rng.chance(0.8) {
                    *t = Tok::W(s);
                    n += 1;
                }
            } else if let Some(s) = lex.alt.get(*w) {
                if rng.chance(RARE_SWAP) {
                    *t = Tok::W(s);
                    n += 1;
                }
            }
        }
    }
    n
}

/// Rewrites a sentence by rules so that it says the same thing in other words and order:
/// synonyms, reported speech laid out differently, clauses swapped around their comma, active
/// to passive and back, a phrase dropped or added, other tense, and (by rendering in another
/// style) other number and date formats. Applies at least three rules that change something.
pub fn paraphrase<'a>(s: &Sent<'a>, lex: &'a Lexicon, rng: &mut Rng) -> Sent<'a> {
    let mut p = s.clone();
    let mut applied = 0;
    // Synonyms everywhere they apply.
    let mut swaps = swap_words(&mut p.lead, lex, rng);
    if let Body::Report {
        say, when, speaker, ..
    } = &mut p.body
    {
        if let Some(s) = synonym(say) {
            *say = s;
            swaps += 1;
        }
        swaps += swap_words(when, lex, rng) + swap_words(&mut speaker.toks, lex, rng);
    }
    for c in p.clauses_mut() {
        swaps += swap_words(&mut c.subj.toks, lex, rng) + swap_words(&mut c.obj.toks, lex, rng);
        for t in &mut c.tails {
            swaps += swap_words(t, lex, rng);
        }
        if let Some(v) = verb_synonym(c.verb) {
            if rng.chance(0.8) {
                c.verb = v;
                swaps += 1;
            }
        } else if let (Some(base), Some(past)) =
            (lex.alt.get(c.verb.base), lex.alt.get(c.verb.past))
        {
            if rng.chance(RARE_SWAP) {
                c.verb = Verb {
                    base,
                    past,
                    part: past,
                };
                swaps += 1;
            }
        }
        if let Some(a) = c.adv.and_then(adv_synonym) {
            c.adv = Some(a);
            swaps += 1;
        }
    }
    applied += (swaps > 0) as usize;
    applied += s.has_values() as usize;
    // Structural rules in random order until enough have changed the sentence.
    let mut rules: Vec<u8> = (0..6).collect();
    rng.shuffle(&mut rules);
    for rule in rules {
        if applied >= 4 {
            break;
        }
        let changed = match rule {
            0 => match &mut p.body {
                Body::Report { mode, .. } => {
                    *mode = match (*mode, rng.chance(0.5)) {
                        (Mode::That, true) | (Mode::Quote, false) => Mode::After,
                        (Mode::That, false) | (Mode::After, true) => Mode::Quote,
                        _ => Mode::That,
                    };
                    true
                }
                Body::Compound { conj, swapped, .. } if SUBORDINATORS.contains(conj) => {
                    *swapped = !*swapped;
                    true
                }
                _ => false,
            },
            1 => {
                let mut cs = p.clauses_mut();
                let k = rng.below(cs.len());
                let c = &mut cs[k];
                if c.can_be_passive() {
                    c.passive = !c.passive;
                    true
                } else {
                    false
                }
            }
            2 => {
                // Drop a phrase: the lead, an adverb, or a trailing phrase.
                if !p.lead.is_empty() {
                    p.lead.clear();
                    true
                } else {
                    let mut done = false;
                    for c in p.clauses_mut() {
                        if c.adv.take().is_some() {
                            done = true;
                            break;
                        }
                        if c.tails.len() > 1 {
                            let k = rng.below(c.tails.len());
                            c.tails.remove(k);
                            done = true;
                            break;
                        }
                    }
                    done
                }
            }
            3 => {
                // Move the last trailing phrase to the front, or add a word.
                let moved = if p.lead.is_empty() {
                    let mut cs = p.clauses_mut();
                    let last = cs.len() - 1;
                    cs[last].tails.pop()
                } else {
                    None
                };
                match moved {
                    Some(t) => p.lead = t,
                    None => {
                        let mut cs = p.clauses_mut();
                        if cs[0].adv.is_none() {
                            cs[0].adv = Some(rng.pick(&["reportedly", "also", "now"]));
                        } else {
                            cs[0].tails.push(vec![Tok::W("according to officials")]);
                        }
                    }
                }
                true
            }
            4 => {
                let mut cs = p.clauses_mut();
                let c = &mut cs[0];
                c.tense = match c.tense {
                    Tense::Past => Tense::Perfect,
                    _ => Tense::Past,
                };
                true
            }
            _ => {
                // Add a word of context.
                let mut cs = p.clauses_mut();
                let k = rng.below(cs.len());
                cs[k].tails.push(match rng.below(3) {
                    0 => vec![Tok::W("at the time")],
                    1 => vec![Tok::W("according to officials")],
                    _ => vec![Tok::W("as expected")],
                });
                true
            }
        };
        applied += changed as usize;
    }
    p
}
