//! A page read as a sequence of paragraphs, each given a [`Kind`]: content or a kind of
//! boilerplate.
//!
//! First every paragraph is judged alone by its cues (`cue.rs`). Then by its place: what comes
//! before the headline is site furniture; a headline-shaped line beside a photo caption is a
//! teaser; short unpunctuated lines after the last paragraph of text are credits and widgets.
//! [`Page::read`] does both; cleaning drops the kinds its options name, describing reads cues.

use std::collections::HashMap;

pub(super) mod cue;
mod markdown;
pub(super) mod segment;
pub(super) mod shape;

use segment::{segment, Unit};
use shape::{
    ends_sentence, fold, is_body, is_headline, is_list_item, is_name, is_title_case, word_count,
    word_count_upto,
};

/// What a paragraph of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text of the article.
    Content,
    /// The article's headline: content, and never removed as a teaser or crumb.
    Title,
    /// Markdown without reading text: rules, images, bare URLs. Always dropped.
    Markup,
    /// A line of punctuation only (", , , ,").
    Punctuation,
    /// A share/subscribe/log-in/comment prompt or an interface word.
    Prompt,
    /// Navigation: crumbs, site furniture before the headline, widgets after the text.
    Nav,
    /// A byline, a date line or an outlet tag line: metadata, not text.
    Meta,
    /// A copyright, disclaimer, fair-use or republication notice.
    Disclaimer,
    /// A sign-off crediting a source ("The original source of this article is X").
    Attribution,
    /// A photo credit ("Photo by: Reuters", "© AFP").
    Credit,
    /// A photo caption or an image's alternative text.
    Caption,
    /// A marker introducing links to other articles ("Related:").
    RelatedMarker,
    /// A headline of another article.
    Teaser,
}

/// The option that governs a kind of boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Syntax without words; removed whenever cleaning is on.
    Markup,
    Prompts,
    Disclaimers,
    Captions,
    Related,
}

impl Kind {
    /// The family of boilerplate this kind belongs to; `None` for the article's own text.
    pub fn family(self) -> Option<Family> {
        match self {
            Kind::Content | Kind::Title => None,
            Kind::Markup => Some(Family::Markup),
            Kind::Punctuation | Kind::Prompt | Kind::Nav | Kind::Meta => Some(Family::Prompts),
            Kind::Disclaimer | Kind::Attribution => Some(Family::Disclaimers),
            Kind::Credit | Kind::Caption => Some(Family::Captions),
            Kind::RelatedMarker | Kind::Teaser => Some(Family::Related),
        }
    }
}

/// The headline is looked for among the first paragraphs only: further down, a headline-shaped
/// line is a subheading or a teaser.
const TITLE_SEARCH: usize = 12;

/// Paragraphs this long are running text: the headline comes before the first of them.
const LONG_PARAGRAPH: usize = 20;

/// A page's paragraphs and what each one is.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub units: Vec<Unit>,
    /// One kind per unit.
    pub kinds: Vec<Kind>,
    /// The headline's index.
    pub title: Option<usize>,
    /// Index of the first paragraph of running text; the head of the page is what precedes it.
    pub body_start: Option<usize>,
    /// The site name of a tag line at the head ("- Sputnik International").
    pub outlet_tag: Option<String>,
    /// The site name ending several captions (" - Sputnik International").
    pub caption_suffix: Option<String>,
}

impl Page {
    /// Splits a raw text into paragraphs and classifies each.
    pub fn read(raw: &str) -> Page {
        let units = segment(raw);
        let kinds = units.iter().map(kind_alone).collect();
        let mut page = Page {
            units,
            kinds,
            ..Page::default()
        };
        page.find_head();
        page.mark_link_rows();
        page.mark_suffixed_captions();
        page.mark_repeated_captions();
        page.mark_captions_after_credits();
        page.mark_image_labels();
        page.mark_teasers();
        page.mark_dangling_labels();
        page.mark_tail();
        page
    }

    fn text(&self, i: usize) -> &str {
        &self.units[i].text
    }

    fn is(&self, i: usize, kind: Kind) -> bool {
        self.kinds.get(i) == Some(&kind)
    }

    /// The end of the head: the first paragraph of running text, or the search limit.
    pub fn head_end(&self) -> usize {
        self.body_start
            .unwrap_or(self.units.len().min(TITLE_SEARCH))
    }

    /// Finds the headline and classifies the head: everything before the headline is site
    /// furniture unless it is a sentence; before the text, tag lines ("- Outlet"), labelled
    /// crumbs ("Region: Middle East") and one- or two-word labels ("World") are navigation.
    fn find_head(&mut self) {
        let n = self.units.len();
        // A tagline can be a short sentence; only a long paragraph ends the search.
        let end = (0..n.min(TITLE_SEARCH))
            .find(|&i| self.is(i, Kind::Content) && self.units[i].words() >= LONG_PARAGRAPH)
            .unwrap_or(n.min(TITLE_SEARCH));
        let after_credit = |i: usize| i > 0 && self.is(i - 1, Kind::Credit);
        let candidates: Vec<usize> = (0..end)
            .filter(|&i| {
                let text = self.text(i);
                self.is(i, Kind::Content)
                    && is_headline(text)
                    && !is_headline_shaped_furniture(text)
                    // A photo's caption follows its credit.
                    && !after_credit(i)
            })
            .collect();
        // A Markdown heading is the surest sign of a headline; then a line standing alone
        // between blank lines (menus and taglines come stacked in one block).
        let first_with =
            |test: fn(&Unit) -> bool| candidates.iter().copied().find(|&i| test(&self.units[i]));
        self.title = first_with(|u| u.heading)
            .or_else(|| first_with(|u| u.alone))
            .or(candidates.first().copied());
        if let Some(t) = self.title {
            self.kinds[t] = Kind::Title;
        }
        let after_title = self.title.map_or(0, |t| t + 1);
        self.body_start =
            (after_title..n).find(|&i| self.is(i, Kind::Content) && is_body(self.text(i)));
        for i in 0..self.head_end() {
            if !self.is(i, Kind::Content) {
                continue;
            }
            let text = self.units[i].text.as_str();
            if let Some(name) = outlet_tag(text) {
                self.outlet_tag.get_or_insert_with(|| name.to_string());
                self.kinds[i] = Kind::Meta;
            } else if self.title.is_some_and(|t| i > t)
                && (placed_byline(text).is_some() || self.is_byline_outlet(i))
            {
                self.kinds[i] = Kind::Meta;
            } else if is_crumb(text)
                || (self.units[i].words() <= 2 && !ends_sentence(text))
                || (self.title.is_some_and(|t| i < t)
                    && (self.units[i].words() < 8 || !ends_sentence(text)))
            {
                self.kinds[i] = Kind::Nav;
            }
        }
    }

    /// Returns true if and only if paragraph `i` is a bare name beside a byline or a date line
    /// ("By Jane Doe" / "Associated Press" / "Published …"): the outlet of the byline block.
    pub fn is_byline_outlet(&self, i: usize) -> bool {
        let text = self.text(i);
        let beside_meta = (i > 0 && self.is(i - 1, Kind::Meta)) || self.is(i + 1, Kind::Meta);
        beside_meta
            && self.units[i].words() <= 5
            && is_name(text)
            && !ends_sentence(text)
            && !text.contains(|c: char| c == ':' || c.is_ascii_digit())
            && placed_byline(text).is_none()
    }

    /// Rows of links ("[Home](/) | [World](/world)") are navigation wherever they stand.
    fn mark_link_rows(&mut self) {
        for (unit, kind) in self.units.iter().zip(self.kinds.iter_mut()) {
            if *kind == Kind::Content && unit.link_only && !unit.heading && unit.words() <= 12 {
                *kind = Kind::Nav;
            }
        }
    }

    /// A line ending in " - Outlet" is a photo caption when that outlet names the site: it ends
    /// several lines, or the head's tag line gives it ("- Sputnik International").
    fn mark_suffixed_captions(&mut self) {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for i in 0..self.units.len() {
            if let Some((_, name)) =
                outlet_suffix(self.text(i)).filter(|_| !self.is(i, Kind::Title))
            {
                *counts.entry(fold(name)).or_default() += 1;
            }
        }
        let tag = self.outlet_tag.as_deref().map(fold);
        let site = counts
            .iter()
            .filter(|(name, &count)| count >= 2 || tag.as_ref() == Some(*name))
            .max_by_key(|(name, &count)| (count, name.len()))
            .map(|(name, _)| name.clone());
        let Some(site) = site else { return };
        for i in 0..self.units.len() {
            let suffixed = outlet_suffix(self.text(i)).is_some_and(|(_, name)| fold(name) == site);
            if suffixed && self.is(i, Kind::Content) {
                self.kinds[i] = Kind::Caption;
                if self.caption_suffix.is_none() {
                    let name = outlet_suffix(self.text(i)).map(|(_, n)| n.to_string());
                    self.caption_suffix = name;
                }
            }
        }
    }

    /// Returns true if and only if paragraph `i` ends with the site's caption suffix.
    fn has_caption_suffix(&self, i: usize) -> bool {
        let Some(site) = &self.caption_suffix else {
            return false;
        };
        self.units
            .get(i)
            .and_then(|u| outlet_suffix(&u.text))
            .is_some_and(|(_, n)| fold(n) == fold(site))
    }

    /// The same caption often stands twice in a row (an image's alternative text, then its
    /// caption; or a credit with the caption run on, then the caption). Both go. A paragraph
    /// of running text repeated verbatim loses only its copy.
    fn mark_repeated_captions(&mut self) {
        // Figures matter here: two market reports differ only in their numbers.
        let stripped: Vec<&str> = self.units.iter().map(|u| strip_suffix(&u.text)).collect();
        // The number of words of each stripped paragraph, which its folded form keeps: unequal
        // counts settle most comparisons before anything is folded.
        let words: Vec<usize> = (self.units.iter().zip(&stripped))
            .map(|(u, s)| {
                if s.len() == u.text.len() {
                    u.words()
                } else {
                    word_count(s)
                }
            })
            .collect();
        let mut folded: Vec<Option<String>> = vec![None; self.units.len()];
        for i in 1..self.units.len() {
            let (a, b) = (i - 1, i);
            if self.is(a, Kind::Title) || self.is(b, Kind::Title) {
                continue;
            }
            if words[a] == 0 || words[b] == 0 {
                continue; // an empty folded paragraph
            }
            let captioned = [a, b]
                .iter()
                .any(|&k| matches!(self.kinds[k], Kind::Credit | Kind::Caption));
            if !captioned && words[a] != words[b] {
                continue; // not the same, and only sameness counts without a caption
            }
            for k in [a, b] {
                if folded[k].is_none() {
                    folded[k] = Some(collapse_lower(stripped[k]));
                }
            }
            let (fa, fb) = (
                folded[a].as_deref().unwrap_or(""),
                folded[b].as_deref().unwrap_or(""),
            );
            let same = fa == fb;
            let (short, long) = if fa.len() <= fb.len() {
                (fa, fb)
            } else {
                (fb, fa)
            };
            let contained = captioned && short.split(' ').count() >= 4 && long.contains(short);
            if same && is_body(self.text(a)) && !captioned {
                if self.is(b, Kind::Content) {
                    self.kinds[b] = Kind::Caption;
                }
            } else if same || (contained && captioned) {
                for k in [a, b] {
                    if self.is(k, Kind::Content) {
                        self.kinds[k] = Kind::Caption;
                    }
                }
            }
        }
    }

    /// The paragraph right after a photo credit is its caption when it reads as one (see
    /// [`cue::is_photo_caption`]). A plain sentence there is more often the lede, and the lede is
    /// the sentence outlets share most: it stays.
    fn mark_captions_after_credits(&mut self) {
        let n = self.units.len();
        let mut i = 0;
        while i < n {
            if !self.is(i, Kind::Credit) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while self.is(j, Kind::Credit) {
                j += 1;
            }
            if self.is(j, Kind::Content)
                && cue::is_photo_caption(self.text(j))
                && !starts_with_dateline(self.text(j))
            {
                self.kinds[j] = Kind::Caption;
            }
            i = j;
        }
    }

    /// A short name-like line right before a headline is an image's alternative text
    /// ("Iraqi Army" above "Iraq Rejects US Request for Partnership in Combat against ISIL").
    fn mark_image_labels(&mut self) {
        for i in 0..self.units.len().saturating_sub(1) {
            let text = self.text(i);
            let next = self.text(i + 1);
            if self.is(i, Kind::Content)
                && self.units[i].words() <= 4
                && !ends_sentence(text)
                && is_name(text)
                && matches!(
                    self.kinds[i + 1],
                    Kind::Content | Kind::Title | Kind::Teaser
                )
                && is_headline(next)
                && !is_body(next)
            {
                self.kinds[i] = Kind::Caption;
            }
        }
    }

    /// Teasers: the headlines (and image labels) that follow a "Related:" marker, and title-case
    /// headlines standing next to a suffixed caption or to another teaser.
    fn mark_teasers(&mut self) {
        let n = self.units.len();
        for i in 0..n {
            if !self.is(i, Kind::RelatedMarker) {
                continue;
            }
            for j in i + 1..n {
                let text = self.text(j);
                match self.kinds[j] {
                    Kind::Caption | Kind::Credit => continue,
                    Kind::Content
                        if !is_body(text)
                            && (is_headline(text)
                                || self.units[j].words() <= 4 && !ends_sentence(text)) =>
                    {
                        self.kinds[j] = Kind::Teaser;
                    }
                    _ => break,
                }
            }
        }
        let teaser_like = |page: &Page, k: usize| {
            page.is(k, Kind::Teaser) || (page.is(k, Kind::Caption) && page.has_caption_suffix(k))
        };
        // Teasers spread along runs of headlines: a sweep down carries them forward, a sweep
        // up backward; nothing is left to spread after both.
        for i in (0..n).chain((0..n).rev()) {
            let text = self.text(i);
            if self.is(i, Kind::Content)
                && ((i > 0 && teaser_like(self, i - 1)) || teaser_like(self, i + 1))
                && is_headline(text)
                && is_title_case(text)
            {
                self.kinds[i] = Kind::Teaser;
            }
        }
    }

    /// A short line ending in ":" that introduces boilerplate, or nothing, goes with it
    /// ("War Press Info Network at:" before a republication notice).
    fn mark_dangling_labels(&mut self) {
        for i in (0..self.units.len()).rev() {
            let text = self.text(i).trim_end();
            if self.is(i, Kind::Content) && text.ends_with(':') && self.units[i].words() <= 6 {
                self.kinds[i] = match self.kinds.get(i + 1) {
                    None => Kind::Nav,
                    Some(&next) if next.family().is_some() => next,
                    Some(_) => continue,
                };
            }
        }
    }

    /// After the last paragraph of text (or item of a list), short unpunctuated lines are page
    /// furniture: source lists, widget labels, stray interface strings.
    fn mark_tail(&mut self) {
        let last = (0..self.units.len()).rev().find(|&i| {
            let text = self.text(i);
            matches!(self.kinds[i], Kind::Content | Kind::Title)
                && (is_body(text) || ends_sentence(text) || is_list_item(text))
        });
        let Some(last) = last else { return };
        for i in last + 1..self.units.len() {
            if self.is(i, Kind::Content)
                && self.units[i].words() <= 8
                && !ends_sentence(self.text(i))
            {
                self.kinds[i] = Kind::Nav;
            }
        }
    }
}

/// Returns true for a line shaped like a headline that is page furniture: a date or a time
/// ("06/01/2018 02:57 pm ET", "May 31 at 3:41 PM"), a phone number, an address, a byline, a
/// link label ("Go to permalink", "Purchase: Order Reprint"), a row of share buttons.
fn is_headline_shaped_furniture(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "by ",
        "go to ",
        "purchase",
        "email",
        "e-mail",
        "follow",
        "share",
        "subscribe",
        "read ",
        "watch",
        "listen",
        "click",
        "tap ",
        "sign ",
        "log ",
        "image:",
        "photo:",
        "video:",
        "credit",
        "source:",
        "updated",
        "published",
        "posted",
    ];
    const SOCIAL: &[&str] = &[
        "facebook",
        "twitter",
        "linkedin",
        "pinterest",
        "whatsapp",
        "reddit",
        "email",
    ];
    let lower = text.trim().to_lowercase();
    let digits = lower.chars().filter(char::is_ascii_digit).count();
    let has_time = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
        || lower
            .split_whitespace()
            .any(|w| matches!(w.trim_end_matches([',', '.']), "am" | "pm" | "a.m" | "p.m"));
    let numeric_date = lower.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    let gallery = ["image ", "photo ", "slide "]
        .iter()
        .any(|p| lower.starts_with(p) && lower.contains(" of ") && digits > 0);
    // A headline that ends with its date or time ("Jury finds X guilty on August 4 2011")
    // is still a headline: the date rules count only where few other words are left.
    let other_words = lower
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !crate::calendar::calendar_words().any(|c| c == w)
                && !crate::calendar::WEEKDAYS.iter().any(|d| d[..3] == *w)
                && ![
                    "posted",
                    "updated",
                    "published",
                    "last",
                    "edt",
                    "est",
                    "cdt",
                    "gmt",
                ]
                .contains(&w)
        })
        .count();
    let dated = (has_time && digits >= 2)
        || numeric_date
        || !super::dates::find_dates(&lower).is_empty()
        || has_phone_number(&lower);
    gallery
        || LABELS.iter().any(|l| lower.starts_with(l))
        || lower.contains('@')
        || lower.contains("://")
        || (dated && other_words < 4)
        || SOCIAL.iter().filter(|s| lower.contains(*s)).count() >= 2
}

/// Returns true if `text` holds a phone number: seven digits or more in one run of digits,
/// spaces, `+`, `-`, `.` and brackets ("+1 212 555 0100"), not a score ("20-13") and a count.
fn has_phone_number(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 7 {
                return true;
            }
        } else if !matches!(c, ' ' | '+' | '-' | '.' | '(' | ')') {
            digits = 0;
        }
    }
    false
}

/// Classifies one paragraph by its own cues, before its place on the page is known.
pub fn kind_alone(unit: &Unit) -> Kind {
    if unit.markup {
        return Kind::Markup;
    }
    let text = unit.text.as_str();
    if !text.chars().any(char::is_alphanumeric) {
        return Kind::Punctuation;
    }
    let lower = text.to_lowercase();
    // Lower-casing leaves white space as it is: the paragraph's count is the lower case's.
    let n = unit.words();
    if cue::is_related_marker(&lower) {
        Kind::RelatedMarker
    } else if cue::is_inline_teaser(&lower) {
        Kind::Teaser
    } else if cue::is_disclaimer_with(&lower, n) {
        Kind::Disclaimer
    } else if cue::is_credit_with(&lower, n) {
        Kind::Credit
    } else if cue::is_attribution_with(&lower, n) {
        Kind::Attribution
    } else if cue::is_prompt_with(&lower, n) {
        Kind::Prompt
    } else if cue::is_byline(text)
        || cue::is_date_line_with(text, n)
        || cue::is_reading_time_with(&lower, n)
    {
        Kind::Meta
    } else if cue::is_agency_caption(text) {
        Kind::Caption
    } else {
        Kind::Content
    }
}

/// The site name of a tag line: "- Sputnik International" → "Sputnik International".
pub fn outlet_tag(text: &str) -> Option<&str> {
    let name = text.trim().strip_prefix(['-', '–', '—'])?.trim();
    let words = word_count_upto(name, 5);
    ((1..=5).contains(&words) && is_name(name) && !ends_sentence(name)).then_some(name)
}

/// Splits "Caption text - Outlet Name" into the caption and the outlet name (1 to 4 capitalised
/// words, after the last " - ", " – ", " — " or " | ").
pub fn outlet_suffix(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_end();
    // The last of the separators: a backward search for their middle characters ('-', '|', and
    // the first byte of '–' and '—'), each checked for the spaces around it.
    let (pos, sep) = memchr::memrchr3_iter(b'-', b'|', 0xE2, t.as_bytes()).find_map(|m| {
        let p = m.checked_sub(1)?;
        let at = t.get(p..)?;
        SUFFIX_SEPARATORS
            .iter()
            .find(|s| at.starts_with(*s))
            .map(|s| (p, s.len()))
    })?;
    let (before, name) = (t[..pos].trim(), t[pos + sep..].trim());
    let words = word_count_upto(name, 4);
    let ok = (1..=4).contains(&words)
        && is_name(name)
        && !ends_sentence(name)
        && !name.ends_with([',', ':'])
        && word_count_upto(before, 1) >= 2;
    ok.then_some((before, name))
}

/// What separates a caption from the outlet name ending it.
const SUFFIX_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " | "];

/// Lower-cases and collapses white space, keeping every character.
fn collapse_lower(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_suffix(text: &str) -> &str {
    outlet_suffix(text).map_or(text, |(before, _)| before)
}

/// The name of a byline that gives a place instead of "By": "Martin Chulov in Beirut" →
/// "Martin Chulov" (two to four name words, then one to three). Only read after the headline.
pub fn placed_byline(text: &str) -> Option<&str> {
    let (name, place) = text.trim().split_once(" in ")?;
    let (n, p) = (word_count_upto(name, 4), word_count_upto(place, 3));
    let ok = (2..=4).contains(&n)
        && (1..=3).contains(&p)
        && is_name(name)
        && is_name(place)
        && !ends_sentence(place);
    ok.then_some(name)
}

/// Returns true if and only if the paragraph is a labelled crumb: "Region: Middle East &
/// North Africa", "In-depth Report: IRAQ REPORT, SYRIA" (a label of at most three capitalised
/// words, then at most eight words of value, no sentence).
fn is_crumb(text: &str) -> bool {
    let Some((label, value)) = text.split_once(": ") else {
        return false;
    };
    let label_words = word_count_upto(label, 3);
    (1..=3).contains(&label_words)
        && is_name(label)
        && (1..=8).contains(&word_count_upto(value, 8))
        && !ends_sentence(value)
        && !label.chars().any(|c| c.is_ascii_digit())
}

/// Returns true if and only if the paragraph opens with a news dateline ("MOSCOW (Sputnik) —",
/// "WASHINGTON (AP) -"): a lede, never a caption.
pub fn starts_with_dateline(text: &str) -> bool {
    dateline(text).is_some()
}

/// The source named in a dateline: "MOSCOW (Sputnik) — Iraq intends…" → "Sputnik";
/// "(FNA) ~ A senior leader…" → "FNA"; "MOSCOW, October 23. /TASS/. Iraq…" → "TASS".
pub fn dateline(text: &str) -> Option<&str> {
    let head: String = text.chars().take(80).collect();
    if let Some(source) = slashed_dateline(&head) {
        return Some(&text[source]);
    }
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let place = head[..open].trim().trim_end_matches(',');
    // The place is in capitals ("MOSCOW", "BAGHDAD, Oct 23"), or absent ("(FNA) ~").
    let place_ok = place.is_empty()
        || place.split_whitespace().next().is_some_and(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        });
    let after = head[close + 1..].trim_start();
    let dash = after.starts_with(['—', '–', '-', '~', ':']);
    let source = head[open + 1..close].trim();
    (place_ok && dash && (1..=4).contains(&word_count(source)) && is_name(source))
        .then(|| &text[open + 1..close])
        .map(str::trim)
}

/// The byte range of the source in a dateline of the form "MOSCOW, October 23. /TASS/.".
fn slashed_dateline(head: &str) -> Option<std::ops::Range<usize>> {
    let open = head.find(" /")? + 2;
    let close = open + head[open..].find('/')?;
    let place = &head[..open - 2];
    let source = &head[open..close];
    let place_ok = place.split_whitespace().next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    });
    let source_ok = (1..=3).contains(&word_count(source)) && is_name(source);
    (place_ok && source_ok && word_count(place) <= 5).then_some(open..close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn kinds(raw: &str) -> Vec<(Kind, String)> {
        let page = Page::read(raw);
        page.kinds
            .into_iter()
            .zip(page.units.into_iter().map(|u| u.text))
            .collect()
    }

    #[track_caller]
    fn kind_of(raw: &str, text: &str) -> Kind {
        kinds(raw)
            .into_iter()
            .find(|(_, t)| t == text)
            .unwrap_or_else(|| panic!("no paragraph {text:?}"))
            .0
    }

    const BODY: &str = "The foreign ministry said on Friday that the talks between the two \
                        governments would continue next week in the capital.";

    #[test]
    fn head_furniture_goes_and_the_headline_stays() {
        let raw = format!(
            "- Daily Planet\nWorld\nGet the latest news from around the world.\n\n\
             Ministers Agree to Share Intelligence\n\nBy Jane Doe\n\nRegion: Middle East\n\n{BODY}"
        );
        let page = Page::read(&raw);
        assert_eq!(
            page.title.map(|t| page.units[t].text.as_str()),
            Some("Ministers Agree to Share Intelligence")
        );
        assert_eq!(page.outlet_tag.as_deref(), Some("Daily Planet"));
        assert_eq!(kind_of(&raw, "- Daily Planet"), Kind::Meta);
        assert_eq!(kind_of(&raw, "World"), Kind::Nav);
        assert_eq!(kind_of(&raw, "By Jane Doe"), Kind::Meta);
        assert_eq!(kind_of(&raw, "Region: Middle East"), Kind::Nav);
        assert_eq!(kind_of(&raw, BODY), Kind::Content);
    }

    #[test]
    fn a_headline_alone_beats_a_menu_line() {
        let raw = format!(
            "Skip navigation\nNews for professionals in every market\nWorld\nBusiness\n\n\
             Ministers agree to share intelligence\n\n4 minute read\n\n{BODY}"
        );
        let page = Page::read(&raw);
        let title = page.title.map(|t| page.units[t].text.as_str());
        assert_eq!(title, Some("Ministers agree to share intelligence"));
        assert_eq!(
            kind_of(&raw, "News for professionals in every market"),
            Kind::Nav
        );
        assert_eq!(kind_of(&raw, "4 minute read"), Kind::Meta);
    }

    #[test]
    fn a_tagline_sentence_before_the_headline_does_not_end_the_head() {
        let raw = format!(
            "Your daily source of news about the region and beyond.\n\n\
             Ministers Agree to Share Intelligence\n\nRegion: Middle East\n\n{BODY}"
        );
        let page = Page::read(&raw);
        assert_eq!(page.title, Some(1));
        assert_eq!(kind_of(&raw, "Region: Middle East"), Kind::Nav);
    }

    #[test]
    fn byline_block_lines_are_metadata() {
        let raw = format!(
            "Ministers agree to share intelligence\n\nJane Doe in Beirut\n\n\
             By JANE DOE\nDaily Planet\nPublished 9:12 am, Sunday, September 27, 2015\n\n{BODY}"
        );
        assert_eq!(kind_of(&raw, "Jane Doe in Beirut"), Kind::Meta);
        assert_eq!(kind_of(&raw, "Daily Planet"), Kind::Meta);
        assert_eq!(
            placed_byline("Protests spread to the capital in Iraq"),
            None
        );
    }

    #[test]
    fn a_list_closing_the_article_stays() {
        let raw =
            format!("A Headline for the Story\n\n{BODY}\n\nThe countries are:\n\n- Russia\n- Iraq");
        assert_eq!(kind_of(&raw, "The countries are:"), Kind::Content);
        assert_eq!(kind_of(&raw, "- Iraq"), Kind::Content);
    }

    #[test]
    fn suffixed_captions_and_the_teasers_beside_them() {
        let raw = format!(
            "Ministers Agree to Share Intelligence\n\n{BODY}\n\
             Soldiers on patrol near the border - Daily Planet\n\
             Army Advances on Northern Front - Ministry\n\
             {BODY} Again.\n\
             Tanks in the desert - Daily Planet\n\
             How the Army Holds Its Positions in the South\n\
             {BODY} Once more."
        );
        assert_eq!(
            kind_of(&raw, "Soldiers on patrol near the border - Daily Planet"),
            Kind::Caption
        );
        assert_eq!(
            kind_of(&raw, "Army Advances on Northern Front - Ministry"),
            Kind::Teaser
        );
        assert_eq!(
            kind_of(&raw, "How the Army Holds Its Positions in the South"),
            Kind::Teaser
        );
        assert_eq!(
            kind_of(&raw, "Ministers Agree to Share Intelligence"),
            Kind::Title
        );
    }

    #[test]
    fn related_marker_takes_the_headlines_after_it() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\n\nRelated:\n\nArmy Units\n\n\
             Army Units Not to Fight in the West\n\n{BODY} Still."
        );
        assert_eq!(kind_of(&raw, "Related:"), Kind::RelatedMarker);
        // An image label or a teaser: either way, not the article's text.
        assert!(matches!(
            kind_of(&raw, "Army Units"),
            Kind::Teaser | Kind::Caption
        ));
        assert_eq!(
            kind_of(&raw, "Army Units Not to Fight in the West"),
            Kind::Teaser
        );
        assert_eq!(kind_of(&raw, &format!("{BODY} Still.")), Kind::Content);
    }

    #[test]
    fn captions_after_credits_and_repeated_captions() {
        let raw = format!(
            "A Headline for the Story\n\nPhoto: Reuters\n\n\
             Soldiers stand guard at a checkpoint in the north of the capital\n\n{BODY}\n\n\
             A crowd waits outside the parliament\nA crowd waits outside the parliament\n\n{BODY} Two."
        );
        assert_eq!(kind_of(&raw, "Photo: Reuters"), Kind::Credit);
        assert_eq!(
            kind_of(
                &raw,
                "Soldiers stand guard at a checkpoint in the north of the capital"
            ),
            Kind::Caption
        );
        let k = kinds(&raw);
        assert_eq!(
            k.iter()
                .filter(|(kind, t)| t.starts_with("A crowd") && *kind == Kind::Caption)
                .count(),
            2
        );
    }

    #[test]
    fn consecutive_reports_differing_in_figures_are_not_duplicates() {
        let a = "The Dow Jones industrial average rose 41.61 points, or 0.44 percent, to 9,415.82.";
        let b = "The Dow Jones industrial average rose 52.18 points, or 0.55 percent, to 9,426.39.";
        let raw = format!("A Headline for the Story\n\n{a}\n\n{b}\n\n{b}");
        let k = kinds(&raw);
        assert_eq!(
            k.iter().filter(|(kind, _)| *kind == Kind::Content).count(),
            2,
            "{k:?}"
        );
    }

    #[test]
    fn a_lede_after_a_credit_is_not_a_caption() {
        let lede = "WASHINGTON (AP) — The president resigned on Monday.";
        let raw = format!("A Headline for the Story\n\nPhoto: AP\n\n{lede}\n\n{BODY}");
        assert_eq!(kind_of(&raw, lede), Kind::Content);
        let lede = "Iraq said on Sunday it would share intelligence with Russia, Iran and Syria.";
        let raw = format!("A Headline for the Story\n\nPhoto: Reuters\n\n{lede}\n\n{BODY}");
        assert_eq!(kind_of(&raw, lede), Kind::Content);
    }

    #[test]
    fn tail_furniture_goes_but_short_sentences_stay() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\n\nHe declined to comment.\n\n\
             Fars News\nSome Network at:\nRe-publications are welcome, but we ask you to cite all original sources.\nloader"
        );
        assert_eq!(kind_of(&raw, "He declined to comment."), Kind::Content);
        assert_eq!(kind_of(&raw, "Fars News"), Kind::Nav);
        assert_eq!(kind_of(&raw, "Some Network at:"), Kind::Disclaimer);
        assert_eq!(kind_of(&raw, "loader"), Kind::Prompt);
    }

    #[test]
    fn image_label_before_a_subheading() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\n\nIraqi Army\n\n\
             Iraq Rejects Request for Partnership in Combat\n\n{BODY} More."
        );
        assert_eq!(kind_of(&raw, "Iraqi Army"), Kind::Caption);
        assert_eq!(
            kind_of(&raw, "Iraq Rejects Request for Partnership in Combat"),
            Kind::Content
        );
    }

    #[test]
    fn datelines_name_their_source() {
        assert_eq!(
            dateline("MOSCOW (Sputnik) — Iraq intends to strengthen"),
            Some("Sputnik")
        );
        assert_eq!(
            dateline("(FNA) ~ A senior leader of the forces"),
            Some("FNA")
        );
        assert_eq!(
            dateline("BAGHDAD, Oct 23 (Reuters) - Iraq said"),
            Some("Reuters")
        );
        assert_eq!(
            dateline("MOSCOW, October 23. /TASS/. Iraq intends"),
            Some("TASS")
        );
        assert_eq!(dateline("Prices rose 5 /10 points/ in a day"), None);
        assert_eq!(
            dateline("Syria offered information about ISIL (so-called Islamic State) - he said"),
            None
        );
    }

    #[test]
    fn lower_casing_keeps_white_space_as_it_is() {
        // So a paragraph's lower case has its word count (kind_alone relies on it).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if c.is_whitespace() {
                assert_eq!(lower, c.to_string(), "{c:?}");
            } else {
                assert!(!lower.contains(char::is_whitespace), "{c:?}");
            }
        }
        assert_eq!("ΟΔΟΣ ΣΑΣ".to_lowercase(), "οδος σας");
    }

    #[test]
    fn the_last_separator_of_any_kind_ends_the_caption() {
        for sep in [" - ", " – ", " — ", " | "] {
            let text = format!("Troops in Baiji – al-Abadi's forces{sep}Daily Planet");
            let before = text[..text.rfind(sep).unwrap()].to_string();
            assert_eq!(
                outlet_suffix(&text),
                Some((before.as_str(), "Daily Planet")),
                "{sep:?}"
            );
        }
        let last = outlet_suffix("Troops — in Baiji | Daily — Planet");
        assert_eq!(last, Some(("Troops — in Baiji | Daily", "Planet")));
        assert_eq!(outlet_suffix("Troops in Baiji–Daily Planet"), None);
        assert_eq!(outlet_suffix("Troops in Baiji é- Daily Planet"), None);
    }

    #[test]
    fn suffixes_are_short_names() {
        assert_eq!(
            outlet_suffix("Syrian Army soldiers - Sputnik International"),
            Some(("Syrian Army soldiers", "Sputnik International"))
        );
        assert_eq!(
            outlet_suffix("Ahmed Hafi - based in Ihsim - told Anadolu Agency."),
            None
        );
        assert_eq!(outlet_suffix("- Sputnik International"), None);
    }

    #[test]
    fn dates_phones_labels_bylines_and_captions_are_not_titles() {
        let body = "The council voted on Tuesday to approve the transit plan after a long debate \
                    about its cost, its route and the stations it would add in the east.";
        for head in [
            "06/01/2018 02:57 pm ET",
            "May 30 at 2:44 PM",
            "June 1, 2018 8:00 a.m. ET",
            "Americas+1 212 555 0100",
            "Go to permalink",
            "Purchase: Order Reprint",
            "Email Bio Follow",
            "FacebookEmail Twitter Google+ LinkedIn",
            "By Jane Roe, professor of law at State University",
            "reporter@example.com",
            "Image 1 of 3",
        ] {
            let page = Page::read(&format!("{head}\n\n{body}"));
            assert_eq!(page.title, None, "{head}");
        }
        let page = Page::read(&format!(
            "Jane Roe | Getty Images\n\nThe mayor, at the opening of the new station\n\n{body}"
        ));
        assert_eq!(page.title, None, "a caption after its credit");
        let page = Page::read(&format!(
            "06/01/2018 02:57 pm ET\n\nCouncil Approves the Transit Plan, Admitting Costs Rise\n\n{body}"
        ));
        let title = page.title.map(|t| page.units[t].text.as_str());
        assert_eq!(
            title,
            Some("Council Approves the Transit Plan, Admitting Costs Rise")
        );
    }
}
