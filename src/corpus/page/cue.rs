//! Words and phrases that mark boilerplate, and the tests that read them off one paragraph.
//!
//! Each test looks at a single paragraph; where a paragraph sits (head, tail, next to a caption)
//! is judged in `page.rs`. Lists hold the phrasing of page furniture, never the text of any
//! particular article. Phrases are matched on whole words in lower case (see [`has_phrase`]);
//! a trailing `*` matches any word ending ("re-publication*" also matches "re-publications").

use std::borrow::Cow;
use std::sync::LazyLock;

use super::shape::{ends_sentence, has_quote, is_name, last_word, strip_prefix_ci, word_count};
use crate::corpus::dates::{ends_with_date, find_dates, is_month};

/// A list of cues matched in one pass over a paragraph (Aho-Corasick), with the same word
/// boundaries as [`has_cue`]: scoring a long paragraph against dozens of disclaimer phrases
/// one `contains` at a time was most of the time spent loading a corpus.
///
/// The automaton reports every occurrence, overlapping ones too, where [`has_cue`] looks only
/// at occurrences that do not overlap an earlier one; the two agree because no cue can overlap
/// itself on a word boundary (checked by a test of every list matched this way).
pub struct CueSet {
    cues: Vec<&'static str>,
    /// The score of each cue (see [`CueSet::score`]).
    weights: Vec<usize>,
    automaton: aho_corasick::AhoCorasick,
}

impl CueSet {
    fn new(cues: &'static [&'static str]) -> CueSet {
        CueSet::weighted(&[(cues, 1)])
    }

    /// One set of several lists, each with the weight its cues score.
    fn weighted(lists: &[(&'static [&'static str], usize)]) -> CueSet {
        let (mut cues, mut weights) = (Vec::new(), Vec::new());
        for &(list, weight) in lists {
            cues.extend_from_slice(list);
            weights.extend(std::iter::repeat_n(weight, list.len()));
        }
        let stems = cues.iter().map(|c| c.strip_suffix('*').unwrap_or(c));
        let automaton = aho_corasick::AhoCorasick::new(stems).expect("cue lists are small");
        CueSet {
            cues,
            weights,
            automaton,
        }
    }

    /// How many different cues of the set `lower` contains (for a set of weight 1).
    #[cfg(test)]
    pub fn count(&self, lower: &str) -> usize {
        self.score(lower)
    }

    /// The sum of the weights of the different cues of the set that `lower` contains.
    pub fn score(&self, lower: &str) -> usize {
        // Most paragraphs hold no cue at all, which a plain search tells faster than a search
        // for every overlapping match.
        if !self.automaton.is_match(lower) {
            return 0;
        }
        let mut found = vec![false; self.cues.len()];
        let mut score = 0;
        for m in self.automaton.find_overlapping_iter(lower) {
            let i = m.pattern().as_usize();
            if !found[i] && is_cue_at(lower, self.cues[i], m.start(), m.end()) {
                found[i] = true;
                score += self.weights[i];
            }
        }
        score
    }

    /// The start of the last occurrence of each cue in `lower` (as `str::rfind` gives it, with
    /// no regard to word boundaries), in the order of the cues.
    fn last_occurrences(&self, lower: &str) -> Vec<Option<usize>> {
        let mut last = vec![None; self.cues.len()];
        if !self.automaton.is_match(lower) {
            return last;
        }
        for m in self.automaton.find_overlapping_iter(lower) {
            let at = &mut last[m.pattern().as_usize()];
            *at = Some(at.map_or(m.start(), |a: usize| a.max(m.start())));
        }
        last
    }

    /// Returns true if and only if `lower` contains any cue of the set.
    pub fn any(&self, lower: &str) -> bool {
        self.automaton.is_match(lower)
            && self
                .automaton
                .find_overlapping_iter(lower)
                .any(|m| is_cue_at(lower, self.cues[m.pattern().as_usize()], m.start(), m.end()))
    }
}

/// Returns true if and only if the match of `cue` at `start..end` stands on word boundaries:
/// before it always, after it unless the cue ends in `*` (a stem).
fn is_cue_at(lower: &str, cue: &str, start: usize, end: usize) -> bool {
    let (stem, is_stem) = match cue.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (cue, false),
    };
    // Scripts written without spaces have no word boundaries to check.
    let is_edge = |neighbour: Option<char>, own: Option<char>| {
        neighbour.is_none_or(|c| !c.is_alphanumeric())
            || own.is_some_and(|c| !c.is_alphanumeric() || is_unspaced(c))
    };
    is_edge(lower[..start].chars().next_back(), stem.chars().next())
        && (is_stem || is_edge(lower[end..].chars().next(), stem.chars().next_back()))
}

/// Returns true if and only if `lower` contains `cue` as whole words (`cue*`: as a word start).
pub fn has_cue(lower: &str, cue: &str) -> bool {
    match cue.strip_suffix('*') {
        Some(stem) => lower.match_indices(stem).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            before.is_none_or(|c| !c.is_alphanumeric()) || !stem.starts_with(char::is_alphanumeric)
        }),
        None => super::shape::has_phrase(lower, cue),
    }
}

/// Returns true if and only if `lower` starts with `cue` followed by a word boundary.
fn starts_with_cue(lower: &str, cue: &str) -> bool {
    lower.starts_with(cue)
        && (!cue.ends_with(char::is_alphanumeric)
            || lower[cue.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

/// Collapses letter-spaced text ("R E L A T E D :") into a word ("related:").
fn unspaced(lower: &str) -> Cow<'_, str> {
    let mut tokens = 0;
    let letter_spaced = lower.split_whitespace().all(|t| {
        tokens += 1;
        t.chars().filter(|c| c.is_alphanumeric()).count() <= 1
    }) && tokens >= 4;
    if letter_spaced {
        lower.split_whitespace().collect::<String>().into()
    } else {
        lower.into()
    }
}

/// Lines that announce a list of links to other articles.
#[rustfmt::skip]
const RELATED_MARKERS: &[&str] = &[
    "related", "related articles", "related stories", "related news", "related posts",
    "related content", "related coverage", "related links", "read more", "read also",
    "also read", "see also", "more on this", "more on this story", "more on this topic",
    "more stories", "more news", "you may also like", "you might also like", "recommended",
    "recommended for you", "recommended stories", "most read", "most popular", "most viewed",
    "trending", "trending now", "editor's picks", "further reading", "don't miss", "top stories",
    "latest stories", "latest news", "more from this section", "what to read next",
    "read next", "up next", "more to read",
];

/// Returns true if and only if the paragraph is a bare related-articles marker ("Related:",
/// "R E L A T E D :", "Read more").
pub fn is_related_marker(lower: &str) -> bool {
    let squeezed = unspaced(lower);
    let bare = squeezed.trim_matches(|c: char| !c.is_alphanumeric());
    RELATED_MARKERS.contains(&bare)
}

/// Returns true if and only if the paragraph is a marker followed by a teaser on the same line
/// ("Read more: Iraq Rejects US Request", "RELATED: ...").
pub fn is_inline_teaser(lower: &str) -> bool {
    let Some((marker, rest)) = lower.split_once(':') else {
        return false;
    };
    RELATED_MARKERS.contains(&marker.trim()) && (1..=20).contains(&word_count(rest))
}

/// Openings of photo credits.
#[rustfmt::skip]
const CREDIT_PREFIXES: &[&str] = &[
    "photo:", "photo by", "photos:", "photos by", "photo credit", "photograph:",
    "photograph by", "photography:", "image:", "image by", "image credit", "images:", "picture:",
    "pictures:", "pictured:", "credit:", "credits:", "illustration:", "illustration by",
    "file photo", "foto:", "(photo", "(image", "(credit", "main image:", "top image:",
];

/// Photo agencies, as they appear in short credits like "AFP/Getty Images".
#[rustfmt::skip]
const PHOTO_AGENCIES: &[&str] = &[
    "reuters", "afp", "ap", "ap photo", "getty", "getty images", "epa", "anadolu", "xinhua",
    "tass", "ria novosti", "shutterstock", "wikimedia", "sputnik", "dpa", "efe", "ansa",
];

/// Returns true if and only if the paragraph is a photo credit ("Photo by: Reuters",
/// "© AFP 2023 / AHMAD AL-RUBAYE An Iraqi army member ...", "AFP/Getty Images").
///
/// `n` is the number of words of the paragraph, or any number above 60 when it has more.
pub fn is_credit_with(lower: &str, n: usize) -> bool {
    if n > 60 {
        return false;
    }
    if CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    static AGENCIES: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(PHOTO_AGENCIES));
    // The agencies are looked for last: it takes a pass over the whole paragraph.
    let agency = || AGENCIES.any(lower);
    if lower.starts_with('©') || lower.starts_with("(c) ") {
        // A bare "© Outlet 2015" is a copyright line; a photographer's name after a slash, an
        // agency, or a caption running on after the credit make it a photo credit.
        return lower.contains('/') || n > 12 || agency();
    }
    (n <= 6 && lower.contains('/') && !ends_sentence(lower) && agency())
        || ends_with_credit(lower, n)
}

/// [`is_credit_with`], counting the words.
#[cfg(test)]
pub fn is_credit(lower: &str) -> bool {
    is_credit_with(lower, word_count(lower))
}

/// Labels of a credit closing a caption: "Iraqi soldiers in Baiji. Photograph: Reuters".
#[rustfmt::skip]
const TRAILING_CREDITS: &[&str] = &[
    "photograph:", "photograph by", "photo:", "photo by", "photos:", "image:", "picture:",
    "credit:", "illustration:", "(photo", "(ap photo", "(afp photo", "reuters/", "afp/",
    "getty images", "(getty", "ap photo/",
];

/// Returns true if and only if a caption of at most 45 words ends with a credit: a label and
/// at most six words after it, or an agency in brackets ("… in 2014 [Reuters]").
/// `words` is the paragraph's [`word_count`].
fn ends_with_credit(lower: &str, words: usize) -> bool {
    if words > 45 {
        return false;
    }
    static LABELS: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(TRAILING_CREDITS));
    let labelled = LABELS
        .last_occurrences(lower)
        .into_iter()
        .zip(TRAILING_CREDITS)
        .any(|(last, label)| {
            last.is_some_and(|at| {
                let after = &lower[at + label.len()..];
                at > 0 && word_count(after) <= 6 && !after.contains(". ")
            })
        });
    let t = lower.trim_end();
    let bracketed = [('[', ']'), ('(', ')')].iter().any(|&(open, close)| {
        t.strip_suffix(close)
            .and_then(|t| t.rsplit_once(open))
            .is_some_and(|(before, inner)| {
                let inner = inner.rsplit(':').next().unwrap_or(inner).trim();
                !before.trim().is_empty()
                    && !ends_sentence(before)
                    && inner
                        .split('/')
                        .any(|part| PHOTO_AGENCIES.contains(&part.trim()))
            })
    });
    labelled || bracketed
}

/// Phrases proper to disclaimers, fair-use notices and republication terms (weight 2).
#[rustfmt::skip]
const DISCLAIMER_STRONG: &[&str] = &[
    "sole responsibility", "all rights reserved", "fair use", "cross-post*", "crosspost*",
    "re-publication*", "republication*", "re-publish*", "republish*", "editorial staff",
    "disclaimer", "copyrighted material", "copyright owner*", "copyright holder*",
    "do not necessarily", "does not necessarily", "not necessarily reflect", "views expressed",
    "opinions expressed", "not be responsible", "not responsible for", "not be held responsible",
    "terms of use", "terms of service", "privacy policy", "without profit",
    "educational purposes", "grants permission", "request permission", "prior permission",
    "written permission", "express permission", "reproduced", "reproduction",
];

/// Words common in disclaimers but also in news (weight 1).
#[rustfmt::skip]
const DISCLAIMER_WEAK: &[&str] = &[
    "copyright", "©", "permission", "responsible", "liable", "liability", "hyperlink*",
    "original source*", "this article", "this site", "this website", "this page", "our readers",
    "cite", "acknowledged", "complaints", "corrections", "publication*", "author(s)",
];

/// Words by which a notice speaks of itself, its site or its reader.
#[rustfmt::skip]
const SELF_REFERENCE: &[&str] = &[
    "this article", "this site", "this website", "this page", "this story", "this post", "our",
    "we", "us", "you", "author", "authors", "author(s)",
];

/// Returns true if and only if the paragraph is a copyright line or a disclaimer: it weighs 4
/// or more in disclaimer phrases and speaks of itself ("this article", "we", "our readers"),
/// or it opens with "Copyright"/"©"/"Disclaimer".
///
/// The self-reference keeps news about copyright ("the court found the company republished
/// the photos without permission") out: a notice addresses its reader, a report does not.
///
/// `n` is the number of words of the paragraph, or any number above 20 when it has more.
pub fn is_disclaimer_with(lower: &str, n: usize) -> bool {
    // A photographer's name after a slash makes "© AFP 2023 / AHMAD AL-RUBAYE" a photo credit.
    let copyright_line = n <= 20
        && (lower.starts_with("copyright")
            || lower.starts_with('©')
            || lower.starts_with("(c) ")
            || has_cue(lower, "all rights reserved"))
        && !lower.contains('/');
    if copyright_line {
        return true;
    }
    // Strong phrases weigh 2, weak ones 1, scored in one pass.
    static PHRASES: LazyLock<CueSet> =
        LazyLock::new(|| CueSet::weighted(&[(DISCLAIMER_STRONG, 2), (DISCLAIMER_WEAK, 1)]));
    static SELF: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(SELF_REFERENCE));
    let opens_as_notice = ["disclaimer", "note:", "notice:", "legal notice"]
        .iter()
        .any(|p| lower.starts_with(p));
    // The score first: few paragraphs reach it, and then the self-reference settles it.
    let score = PHRASES.score(lower);
    (score >= 4 || (opens_as_notice && score >= 2)) && (opens_as_notice || SELF.any(lower))
}

/// [`is_disclaimer_with`], counting the words.
#[cfg(test)]
pub fn is_disclaimer(lower: &str) -> bool {
    is_disclaimer_with(lower, word_count(lower))
}

/// Openings of sign-off and source lines at the end of an article.
#[rustfmt::skip]
const ATTRIBUTION_PREFIXES: &[&str] = &[
    "the original source of this article is", "original source:", "originally published",
    "this article was originally published", "this article originally appeared",
    "this article first appeared", "source:", "sources:", "articles by:", "article by:",
    "submitted by", "(reporting by", "reporting by", "additional reporting by", "editing by",
    "(editing by", "writing by", "compiled by", "for media inquiries", "media inquiries",
    "media contact", "press contact", "contact:", "contact us", "e-mail:", "email:",
];

/// Endings of contributor notes: "AP writer Jane Doe contributed to this report."
#[rustfmt::skip]
const CONTRIBUTOR_NOTES: &[&str] = &[
    "contributed to this report", "contributed to this story", "contributed to this article",
    "contributed reporting", "contributed additional reporting",
];

/// Returns true if and only if the paragraph is a short sign-off crediting a source:
/// "The original source of this article is Al-Manar", "Articles by: X", "Submitted by X",
/// "For media inquiries: ...", "TRTWorld and agencies".
///
/// `n` is the number of words of the paragraph, or any number above 20 when it has more.
pub fn is_attribution_with(lower: &str, n: usize) -> bool {
    if n > 20 {
        return false;
    }
    if CONTRIBUTOR_NOTES.iter().any(|p| has_cue(lower, p)) {
        return true;
    }
    if ends_sentence(lower) && n > 10 {
        return false;
    }
    let bare = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    ATTRIBUTION_PREFIXES
        .iter()
        .any(|p| starts_with_cue(lower, p))
        || (n <= 6
            && (bare == "agencies"
                || bare.ends_with(" and agencies")
                || bare.ends_with(" with agencies")
                || bare.ends_with(" news agencies")))
}

/// [`is_attribution_with`], counting the words.
#[cfg(test)]
pub fn is_attribution(lower: &str) -> bool {
    is_attribution_with(lower, word_count(lower))
}

/// One- or two-word paragraphs that are interface labels, not text.
#[rustfmt::skip]
const UI_WORDS: &[&str] = &[
    "newsfeed", "news feed", "loader", "loading", "chats", "chat", "menu", "main menu", "search",
    "close", "home", "share", "tweet", "email", "e-mail", "print", "comments", "comment",
    "subscribe", "login", "log in", "logout", "log out", "sign in", "sign up", "register",
    "advertisement", "ad", "ads", "sponsored", "more", "next", "previous", "prev", "back",
    "back to top", "top", "skip", "skip to content", "skip to main content", "facebook", "twitter", "whatsapp",
    "telegram", "linkedin", "reddit", "pinterest", "vk", "instagram", "youtube", "rss",
    "copy link", "copy", "reply", "like", "follow", "save", "bookmark", "load more", "show more",
    "see more", "play", "pause", "video", "audio", "listen", "watch", "gallery", "photos",
    "toggle navigation", "notifications", "enlarge", "expand", "collapse",
];

/// Phrases of share, subscribe, log-in and comment prompts, wherever they stand in a short
/// paragraph.
#[rustfmt::skip]
const PROMPT_PHRASES: &[&str] = &[
    "log in or register", "login or register", "sign in or register", "sign up or log in",
    "log in to comment", "sign in to comment", "to participate in the discussion",
    "join the discussion", "join the conversation", "no comments yet", "leave a comment",
    "leave a reply", "post a comment", "add a comment", "write a comment", "comments are closed",
    "be the first to comment", "show comments", "view comments", "load comments",
    "our newsletter", "news alerts on", "follow us on", "like us on facebook",
    "share this article", "share this story", "share this page", "share on facebook",
    "share on twitter", "on our facebook page", "already a subscriber", "already have an account",
    "create an account", "forgot your password", "please enable javascript",
    "you must be logged in", "click here to", "subscribe to our", "sign up for our",
    "sign up to our", "download our app", "support independent journalism",
    "support our journalism", "help us deliver journalism", "enjoy our journalism",
    "please consider subscribing", "consider subscribing today",
    "continues below", "continue reading", "article continues", "scroll to continue",
    "skip advertisement", "up next", "now playing", "more videos", "next video",
    // Other languages: subscription prompts, share rows, "read also" links, video playlists.
    "assine já", "seja assinante", "já é assinante", "leia também",
    "veja também", "compartilhe", "suscríbete", "suscribete", "hazte suscriptor", "lee también",
    "abonnez-vous", "déjà abonné", "lire aussi", "à lire aussi", "jetzt abonnieren",
    "bereits abonnent", "mehr zum thema", "lesen sie auch", "iscriviti", "abbonati",
    "leggi anche", "有料会員", "続きをお読み", "会員登録", "ログイン", "シェアする",
    "この記事をシェア", "関連記事", "おすすめ記事", "订阅", "分享到",
];

/// Cookie and consent banners: a paragraph naming cookies (or consent to tracking) beside
/// one of these words, in the page's language.
#[rustfmt::skip]
const CONSENT_WORDS: &[&str] = &[
    "accept", "consent", "privacy", "agree", "settings", "preferences", "aceitar", "aceite",
    "concorda", "privacidade", "consentimento", "aceptar", "acepta", "privacidad",
    "consentimiento", "accepter", "acceptez", "confidentialité", "consentement",
    "akzeptieren", "zustimmen", "datenschutz", "einwilligung", "accetta", "consenso",
    "同意", "プライバシー", "承諾", "隐私",
];

/// Openings of prompts: imperatives addressed to the reader.
#[rustfmt::skip]
const PROMPT_STARTS: &[&str] = &[
    "subscribe", "sign up", "sign in", "log in", "login", "register now", "register for",
    "skip to",
    "follow us", "follow @", "like us", "share this", "share on", "share:", "comment on",
    "comments (", "comments:", "leave a", "join us", "become a member", "become a patron",
    "become a supporter", "support us", "donate", "receive", "get the latest", "get our",
    "download the", "download our", "click", "tap here", "read the full", "to participate",
    "to comment", "please log", "please sign", "email this", "print this",
    "sponsored", "advertisement", "watch:", "listen:", "watch the video", "listen to this",
    "assine", "assista:", "assista ao", "veja:", "ouça:", "compartilhar", "mira:", "escucha:",
    "regarder :", "écouter :", "sehen sie:", "video:", "vídeo:", "動画:", "動画：",
];

/// Returns true if and only if the paragraph is a share/subscribe/log-in/comment prompt, an
/// interface word ("Newsfeed", "loader") or a lone counter ("0").
///
/// `n` is the number of words of the paragraph, or any number above 25 when it has more.
pub fn is_prompt_with(lower: &str, n: usize) -> bool {
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if n <= 3 && UI_WORDS.contains(&bare) {
        return true;
    }
    if !bare.is_empty()
        && bare.len() <= 7
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || ".,km+".contains(c))
        && bare.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // A paragraph of Japanese or Chinese is one "word" however long it is: count its
    // characters instead, two to a word.
    let n = n.max(lower.chars().filter(|&c| is_unspaced(c)).count() / 2);
    static PHRASES: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(PROMPT_PHRASES));
    if n <= 25 && PHRASES.any(lower) {
        return true;
    }
    if n <= 60 && is_consent_banner(lower) {
        return true;
    }
    n <= 15 && PROMPT_STARTS.iter().any(|p| starts_with_cue(lower, p))
}

/// Returns true for a character of a script written without spaces between words (Chinese,
/// Japanese, Thai), where a paragraph's white-space word count says nothing of its length.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{0E00}'..='\u{0E7F}' | '\u{FF66}'..='\u{FF9F}')
}

/// Returns true for a cookie or consent banner: cookies named beside consent, settings or
/// privacy words ("We use cookies… By clicking Accept", "Usamos cookies… você concorda").
fn is_consent_banner(lower: &str) -> bool {
    (lower.contains("cookie") || lower.contains("クッキー"))
        && CONSENT_WORDS.iter().any(|w| lower.contains(w))
}

/// [`is_prompt_with`], counting the words.
#[cfg(test)]
pub fn is_prompt(lower: &str) -> bool {
    is_prompt_with(lower, word_count(lower))
}

/// Labels of publication-date lines.
#[rustfmt::skip]
pub const DATE_LABELS: &[&str] = &[
    "published", "updated", "last updated", "first published", "posted", "posted on", "date",
    "modified", "last modified", "released", "edited",
];

/// Words of a time stamp that may follow a date ("10:30 GMT", "Monday", "3 hours ago").
fn is_time_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "02:13PM", "9.30am": a clock time with its half of the day attached.
    let clock = w
        .strip_suffix("am")
        .or_else(|| w.strip_suffix("pm"))
        .unwrap_or(&w);
    w.is_empty()
        || clock
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        || TIME_WORDS.contains(&w.as_str())
        || DATE_LABELS.contains(&w.as_str())
}

/// Words of time stamps: zones, weekdays, relative times.
#[rustfmt::skip]
pub const TIME_WORDS: &[&str] = &[
    "at", "on", "am", "pm", "gmt", "utc", "est", "edt", "cet", "cest", "msk", "bst", "ago",
    "hour", "hours", "minute", "minutes", "mins", "day", "days", "time",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Returns true if and only if the paragraph is a reading-time line: "4 minute read",
/// "Reading time: 3 min".
///
/// `n` is the number of words of the paragraph, or any number above 5 when it has more.
pub fn is_reading_time_with(lower: &str, n: usize) -> bool {
    n <= 5
        && ["reading time", "min read", "minute read", "minutes read"]
            .iter()
            .any(|c| has_cue(lower, c))
}

/// [`is_reading_time_with`], counting the words.
#[cfg(test)]
pub fn is_reading_time(lower: &str) -> bool {
    is_reading_time_with(lower, word_count(lower))
}

/// Returns true if and only if the paragraph is a byline ("By Al Manar", "By Jane Doe and
/// John Roe, Reuters"): "By"/"Written by"/"Author:" and then only names.
pub fn is_byline(text: &str) -> bool {
    byline_name(text).is_some()
}

/// Openings of bylines.
const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "written by ",
    "words by ",
    "author: ",
    "authors: ",
    "posted by ",
];

/// The names of a byline, if the paragraph is one (see [`is_byline`]).
pub fn byline_name(text: &str) -> Option<&str> {
    names_after(text, BYLINE_PREFIXES)
}

/// The names after one of `prefixes` (lower case), if only names follow it:
/// `names_after("Submitted by Cem Ertür", &["submitted by "])` → `Some("Cem Ertür")`.
///
/// The prefixes are ASCII, matched in any ASCII case; none of them may start another.
pub fn names_after<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    let t = text.trim();
    let rest = prefixes.iter().find_map(|p| strip_prefix_ci(t, p))?.trim();
    // A date or place after the names ("By X, October 25, 2015" / "By X | Reuters") is cut off.
    let names = rest.split(['|', '—', '–']).next().unwrap_or("").trim();
    let names = match find_dates(names).first() {
        Some(d) => names[..d.start].trim(),
        None => names,
    };
    // So is a time ("Posted by Jane Roe at 10:15 PM"): names have no digits.
    let names = match names
        .split_whitespace()
        .find(|w| w.contains(|c: char| c.is_ascii_digit()))
    {
        Some(w) => &names[..names.find(w).unwrap_or(names.len())],
        None => names,
    };
    let names = names.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let names = [" at", " on"]
        .iter()
        .fold(names, |n, s| n.strip_suffix(s).unwrap_or(n))
        .trim_end();
    // A month is no name: "By March 2003, 67 percent of users had broadband."
    let ok = (1..=8).contains(&word_count(names))
        && !ends_sentence(names)
        && (!ends_sentence(t) || word_count(t) <= 6)
        && names
            .split_whitespace()
            .next()
            .is_some_and(|w| !is_month(w))
        && names.split([',', '&']).all(|part| {
            let part = part.trim();
            let part = part.strip_prefix("and ").unwrap_or(part);
            part.is_empty() || is_name(part) || part.split(" and ").all(is_name)
        });
    ok.then_some(names)
}

/// Returns true if and only if the paragraph is a date line: a full date with at most a label
/// ("Published:"), a name ("Global Research,") or a time around it, or a date label followed
/// by a relative time ("Updated 3 hours ago").
///
/// `n` is the number of words of the paragraph, or any number above 12 when it has more.
pub fn is_date_line_with(text: &str, n: usize) -> bool {
    if n > 12 || ends_sentence(text) && !text.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = text.to_lowercase();
    let labelled = DATE_LABELS.iter().any(|l| starts_with_cue(&lower, l));
    let dates = find_dates(text);
    if dates.is_empty() {
        return labelled && n <= 8 && !ends_sentence(text);
    }
    let mut rest = String::new();
    let mut from = 0;
    for d in &dates {
        rest.push_str(&text[from..d.start]);
        rest.push(' ');
        from = d.end;
    }
    rest.push_str(&text[from..]);
    let rest: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !is_time_word(w))
        .collect();
    let rest = rest.join(" ");
    let label = rest
        .trim_start()
        .strip_suffix(':')
        .is_some_and(|l| word_count(l) <= 3);
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    rest.is_empty() || labelled || label || (word_count(rest) <= 6 && is_name(rest))
}

/// [`is_date_line_with`], counting the words.
#[cfg(test)]
pub fn is_date_line(text: &str) -> bool {
    is_date_line_with(text, word_count(text))
}

/// Verbs of reporting: a paragraph with one is a report, not a photo caption.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "stated",
    "announced",
];

/// Returns true if and only if the paragraph reads as a photo caption: one sentence of at most
/// 45 words, without quotation or reported speech.
pub fn is_caption_sentence(text: &str) -> bool {
    let lower = text.to_lowercase();
    let n = word_count(text);
    let inner_stop = text
        .trim_end()
        .trim_end_matches(['.', '!', '?'])
        .match_indices(". ")
        .any(|(i, _)| text[i + 2..].starts_with(char::is_uppercase));
    (4..=45).contains(&n)
        && !has_quote(text)
        && !inner_stop
        && !SPEECH.iter().any(|s| has_cue(&lower, s))
}

/// Words that describe a picture rather than report news.
#[rustfmt::skip]
const PICTURE_WORDS: &[&str] = &[
    "pictured", "(l)", "(r)", "(c)", "(left)", "(right)", "(center)", "(centre)", "from left",
    "file photo", "file picture", "is seen", "are seen", "poses", "pose for", "in this photo",
    "in this picture", "in this image",
];

/// Returns true if and only if a paragraph standing next to a photo credit is its caption: a
/// caption sentence (see [`is_caption_sentence`]) that is a fragment of at most 30 words
/// ("Iraqi soldiers in Baiji"), ends on a date, or speaks of the picture ("pictured", "(L)").
pub fn is_photo_caption(text: &str) -> bool {
    let lower = text.to_lowercase();
    is_caption_sentence(text)
        && ((!ends_sentence(text) && word_count(text) <= 30)
            || ends_with_placed_date(text)
            || PICTURE_WORDS.iter().any(|w| has_cue(&lower, w)))
}

/// Returns true if and only if the paragraph is a news-agency photo caption: a caption sentence
/// ending on a place and a full date, "… in the countryside of Idlib, Syria October 3, 2015."
///
/// A report that merely ends on a date has a preposition before it ("… held on October 3,
/// 2015."); an agency caption puts the date right after the place name.
pub fn is_agency_caption(text: &str) -> bool {
    // The date first: few paragraphs end on one, and the test is the cheapest.
    ends_with_placed_date(text) && word_count(text) >= 8 && is_caption_sentence(text)
}

/// Returns true if and only if `text` ends on a full date that follows a capitalised word (a
/// place or a weekday: "Idlib, Syria October 3, 2015", "on Monday, Oct. 3, 2015") rather than
/// a preposition ("the anniversary on Aug. 28, 1963").
fn ends_with_placed_date(text: &str) -> bool {
    if !ends_with_date(text) {
        return false;
    }
    let Some(date) = find_dates(text).pop() else {
        return false;
    };
    let before = text[..date.start].trim_end().trim_end_matches(',');
    last_word(before)
        .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(f: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for t in yes {
            assert!(f(&t.to_lowercase()), "should match: {t}");
        }
        for t in no {
            assert!(!f(&t.to_lowercase()), "should not match: {t}");
        }
    }

    #[test]
    fn a_cue_set_matches_as_has_cue_does() {
        const CUES: &[&str] = &[
            "we",
            "our",
            "re-publication*",
            "author(s)",
            "©",
            "copyright",
        ];
        let set = CueSet::new(CUES);
        for text in [
            "we kindly ask our readers",
            "weekly news, ourselves",
            "re-publications are welcome",
            "the author(s) alone",
            "© al manar",
            "copyrighted",
            "copyright © 2015",
            "",
        ] {
            let expected = CUES.iter().filter(|c| has_cue(text, c)).count();
            assert_eq!(set.count(text), expected, "{text:?}");
            assert_eq!(set.any(text), expected > 0, "{text:?}");
        }
    }

    #[test]
    fn no_cue_overlaps_itself_on_a_word_boundary() {
        // An occurrence that starts inside an earlier one of the same cue follows one of the
        // cue's own characters: when that one and the cue's first are alphanumeric, it is not
        // on a word boundary, so a CueSet, which sees it, agrees with `has_cue`, which does not.
        let lists = [
            PHOTO_AGENCIES,
            DISCLAIMER_STRONG,
            DISCLAIMER_WEAK,
            SELF_REFERENCE,
            PROMPT_PHRASES,
        ];
        for cue in lists.into_iter().flatten() {
            let stem: Vec<char> = cue.strip_suffix('*').unwrap_or(cue).chars().collect();
            for k in (1..stem.len()).filter(|&k| stem[..k] == stem[stem.len() - k..]) {
                let before = stem[stem.len() - k - 1];
                assert!(
                    stem[0].is_alphanumeric() && before.is_alphanumeric(),
                    "{cue}"
                );
            }
        }
    }

    #[test]
    fn cue_sets_find_what_the_lists_find() {
        let texts = [
            "show comments show comments",
            "share this article and follow us on twitter",
            "we kindly ask you to cite all original sources",
            "the views expressed do not necessarily reflect this site's policy © 2015",
            "efefe ansansa this posthis post",
            "photo by: reuters/jane doe (afp photo) getty images",
        ];
        let sets = [
            (PROMPT_PHRASES, CueSet::new(PROMPT_PHRASES)),
            (SELF_REFERENCE, CueSet::new(SELF_REFERENCE)),
            (PHOTO_AGENCIES, CueSet::new(PHOTO_AGENCIES)),
        ];
        for text in texts {
            for (list, set) in &sets {
                assert_eq!(
                    set.any(text),
                    list.iter().any(|c| has_cue(text, c)),
                    "{text}"
                );
            }
            let weighted = CueSet::weighted(&[(DISCLAIMER_STRONG, 2), (DISCLAIMER_WEAK, 1)]);
            let count = |list: &[&str]| list.iter().filter(|c| has_cue(text, c)).count();
            assert_eq!(
                weighted.score(text),
                count(DISCLAIMER_STRONG) * 2 + count(DISCLAIMER_WEAK),
                "{text}"
            );
            let labels = CueSet::new(TRAILING_CREDITS).last_occurrences(text);
            let rfind: Vec<Option<usize>> =
                TRAILING_CREDITS.iter().map(|l| text.rfind(l)).collect();
            assert_eq!(labels, rfind, "{text}");
        }
    }

    #[test]
    fn no_byline_prefix_starts_another() {
        for (i, a) in BYLINE_PREFIXES.iter().enumerate() {
            for (j, b) in BYLINE_PREFIXES.iter().enumerate() {
                assert!(i == j || !b.starts_with(a), "{a} / {b}");
            }
        }
    }

    #[test]
    fn prompts() {
        check(
            is_prompt,
            &[
                "Subscribe",
                "Newsfeed",
                "0",
                "1.2k",
                "loader",
                "To participate in the discussion log in or register",
                "No Comments yet",
                "Receive News Alerts on Whatsapp: +2348136370421",
                "Comment on Global Research Articles on our Facebook page",
                "Become a Member of Global Research",
                "Get the latest news from around the world, live coverage, off-beat stories, features and analysis.",
                "Sign up for our daily newsletter to get the best stories delivered to your inbox.",
                "Share this article",
                "Follow us on Twitter",
                "Story continues below advertisement",
                "Help us deliver journalism that makes a difference in our community.",
                "Our journalism takes a lot of time, effort, and hard work to produce. If you read and enjoy our journalism, please consider subscribing today.",
            ],
            &[
                "Iraqi PM to share anti-ISIS intel with Russia",
                "Share prices fell sharply in Moscow on Friday after the announcement.",
                "Turkey wants to become a member of the European Union, the minister said.",
                "Registered voters in Baghdad queued for hours.",
                "Comments by the minister drew sharp criticism from the opposition on Friday.",
                "2015 was a year of war.",
                "Readers who enjoy local journalism are subscribing in record numbers, the publisher said.",
            ],
        );
    }

    #[test]
    fn disclaimers() {
        check(
            is_disclaimer,
            &[
                "Copyright © Al Manar, Al-Manar, 2015",
                "© 2015 Some Outlet. All rights reserved.",
                "Disclaimer: The contents of this article are of sole responsibility of the author(s). The Centre will not be responsible for any inaccurate statement in this article.",
                "www.example.org contains copyrighted material the use of which has not always been specifically authorized by the copyright owner. We are making such material available to our readers under the provisions of \"fair use\".",
                "Re-publications are welcome, but we kindly ask you, to facilitate the correct information's diffusion, to cite all these original sources.",
                "NOTE: The contents of the articles on this page are of sole responsibility of their authors. The team and the editorial staff of X do not necessarily subscribe every point of view expressed.",
                "The views expressed in this article are the author's own and do not necessarily reflect the editorial policy of this site.",
            ],
            &[
                "The court found the company had violated copyright by republishing the photos without permission.",
                "Iraq agreed with Russia, which leads the joint data center, to hit militants.",
                "The publication of the report was delayed, officials responsible for it said.",
            ],
        );
    }

    #[test]
    fn credits() {
        check(
            is_credit,
            &[
                "Photo by: Reuters",
                "© AFP 2023 / AHMAD AL-RUBAYE An Iraqi army member mans a tank",
                "AFP/Getty Images",
                "Image: Wikimedia Commons",
                "FILE PHOTO: Iraqi soldiers stand guard in Baghdad",
                "Iraqi soldiers in Baiji. Photograph: Reuters",
                "Iraqi forces have been fighting ISIL since the group seized land in 2014 [Reuters]",
                "Smoke rises over the city (AP Photo/Hadi Mizban)",
            ],
            &[
                "Copyright © Al Manar, 2015",
                "© Some Outlet 2015",
                "Photographers gathered outside the ministry on Friday.",
                "Reuters reported that Iraqi Prime Minister Haider al-Abadi is under pressure.",
                "Iraq said it would share the information, officials told (Reuters).",
                "The photo: a crowd outside the ministry, which the police later dispersed.",
            ],
        );
    }

    #[test]
    fn attributions() {
        check(
            is_attribution,
            &[
                "The original source of this article is Al-Manar",
                "Articles by: Al Manar",
                "Submitted by Cem Ertür",
                "For media inquiries: publications@example.org",
                "TRTWorld and agencies",
                "(Reporting by Jane Doe; Editing by John Roe)",
                "Source: Reuters",
                "Associated Press writer Vivian Salama contributed to this report.",
            ],
            &[
                "Reporting by the BBC suggested that the talks had stalled for a week or more.",
                "Sources said the talks would resume on Monday in Geneva after a break of a week.",
                "Russia and agencies of the Iraqi state signed a deal.",
            ],
        );
    }

    #[test]
    fn related_markers() {
        check(
            is_related_marker,
            &[
                "Related:",
                "R E L A T E D :",
                "Read more",
                "See also",
                "YOU MAY ALSO LIKE",
            ],
            &[
                "Related talks in Geneva",
                "Read more about it in the report.",
            ],
        );
        check(
            is_inline_teaser,
            &["Read more: Iraq Rejects US Request"],
            &["Note: this"],
        );
    }

    #[test]
    fn bylines_and_date_lines() {
        assert_eq!(byline_name("By Al Manar"), Some("Al Manar"));
        assert_eq!(
            byline_name("By Jane Doe and John Roe, October 25, 2015"),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(byline_name("By Jane Doe | Reuters"), Some("Jane Doe"));
        assert_eq!(byline_name("By contrast, the US said nothing."), None);
        assert_eq!(byline_name("By Friday the talks had ended"), None);
        assert_eq!(
            byline_name("Posted by Jane Roe at 10:15 PM"),
            Some("Jane Roe")
        );
        assert_eq!(
            byline_name("By March 2003, 67 percent of users connected using cable."),
            None
        );
        assert_eq!(byline_name("By October 2015"), None);
        for yes in [
            "Global Research, October 25, 2015",
            "Al-Manar 23 October 2015",
            "October 25, 2015",
            "Published: Oct. 25, 2015 10:30 GMT",
            "Updated 3 hours ago",
            "Sunday, 25 October 2015",
            "Sun 27 Sep 2015 17.40 BST",
            "Edited time: 27 Sep, 2015 14:02",
            "September 27, 2015 10:42 AM UTC Updated 3 hours ago",
            "Thu Oct 22, 2015 02:13PM",
        ] {
            assert!(is_date_line(yes), "{yes}");
        }
        for no in [
            "Elections were held October 25, 2015",
            "The vote was held on October 25, 2015.",
            "Iraq: agreement on anti-ISIS joint information center",
        ] {
            assert!(!is_date_line(no), "{no}");
        }
    }

    #[test]
    fn reading_times() {
        check(
            is_reading_time,
            &["4 minute read", "Reading time: 3 min"],
            &["Read the minutes"],
        );
    }

    #[test]
    fn photo_captions_next_to_credits() {
        for yes in [
            "Iraqi soldiers stand guard at a checkpoint in Baiji",
            "Prime Minister Haider al-Abadi (L) meets the delegation in Baghdad.",
            "Soldiers patrol the streets of Ramadi, Iraq, October 3, 2015.",
        ] {
            assert!(is_photo_caption(yes), "{yes}");
        }
        for no in [
            "Iraq said on Sunday it had agreed to share security information with Russia, Iran and Syria.",
            "A federal magistrate in Fort Lauderdale ordered him held without bail.",
            "Iraqi Prime Minister Haider al Abadi says Baghdad is willing to share intelligence with Russia",
            "About 1,000 people came to begin observances of the March on Washington on Aug. 28, 1963.",
        ] {
            assert!(!is_photo_caption(no), "{no}");
        }
    }

    #[test]
    fn agency_captions_end_on_a_place_and_a_date() {
        assert!(is_agency_caption(
            "Civil defense members mourn the death of their comrade, who died during air strikes carried out by the Russian air force in the southern countryside of Idlib, Syria October 3, 2015."
        ));
        assert!(is_agency_caption(
            "Iraqi PM Haider al Abadi addresses attendees during the 70th session of the UN General Assembly at its Headquarters in New York, September 30, 2015."
        ));
        assert!(!is_agency_caption(
            "The vote on the new constitution was held in the capital on October 3, 2015."
        ));
        assert!(!is_agency_caption(
            "“We will win,” the minister told reporters in Baghdad, Iraq October 3, 2015."
        ));
        assert!(!is_agency_caption("Russia’s intervention in Syria began on September 30 which launched its first air strikes."));
    }
}
