//! Metadata from the text itself: title, outlet, date and author, when the page states them.
//!
//! Pages say who published them in a handful of ways: a tag line at the head ("- Sputnik
//! International"), an outlet and a date together ("Global Research, October 25, 2015"), a
//! dateline ("MOSCOW (Sputnik) —"), a sign-off ("TRTWorld and agencies"), captions ending in
//! " - Outlet", a copyright line. Each way is a cue with a rank; the best-ranked cue wins, and
//! among equals the first on the page. A field no cue gives stays empty: nothing is guessed, and
//! nothing comes from the file name. Dates come only from publication cues, never from dates the
//! article or its photo captions mention.

use super::dates::find_dates;
use super::dates::PubDate;
use super::outlets;
use super::page::cue::{byline_name, names_after, DATE_LABELS, TIME_WORDS};
use super::page::shape::{find_ascii_ci, fold, is_name, strip_prefix_ci, word_count};
use super::page::{dateline, outlet_suffix, placed_byline, Kind, Page};
use super::Metadata;

/// Infers title, outlet, date and author from an article's text.
///
/// The cues are read from `raw`: cleaning removes most of them (bylines, sign-offs, copyright
/// lines) from the cleaned text, which is accepted for symmetry with cleaning but not needed.
#[cfg(test)]
pub fn describe(raw: &str) -> Metadata {
    describe_page(&Page::read(raw))
}

/// [`describe`] for a page already read (cleaning reads the same page).
pub(super) fn describe_page(page: &Page) -> Metadata {
    let table = outlets::built_in();
    // A cue that names no plausible outlet (a date, a photographer, a section) is no cue. A
    // news agency named in the text is where the copy came from: the outlet that ran it is
    // most often another ("WASHINGTON (AP) —" on a local paper's site).
    let mut wire = wire_credit(page, table);
    let mut outlets_named: Vec<Cue> = Vec::new();
    let mut wire_cues: Vec<Cue> = Vec::new();
    for c in outlet_cues(page) {
        let Some(value) = outlets::tidy(&c.value, table) else {
            continue;
        };
        if table.is_wire(&value) {
            wire_cues.push(Cue { value, ..c });
        } else {
            outlets_named.push(Cue { value, ..c });
        }
    }
    if wire.is_none() {
        wire = best(wire_cues);
    }
    let outlet = best(outlets_named);
    let title = page
        .title
        .map(|t| title_text(&page.units[t].text, outlet.as_deref()));
    // "By Reuters" credits the agency, not a person.
    let author = best(author_cues(page)).filter(|name| match table.canonical(name) {
        Some(known) => {
            if table.is_wire(known) {
                wire.get_or_insert_with(|| known.to_string());
            }
            false
        }
        None => true,
    });
    Metadata {
        title,
        outlet,
        date: best(date_cues(page)).and_then(|written| PubDate::parse(&written)),
        author,
        wire,
        ..Metadata::default()
    }
}

/// The news agency a text credits: a dateline ("WASHINGTON (AP) —"), a credit line ("By
/// Reuters", "— Associated Press", "Reuters contributed to this report"), or an agency's
/// copyright. The first credit on the page wins.
fn wire_credit(page: &Page, table: &outlets::OutletTable) -> Option<String> {
    let aliases = table.wire_aliases();
    let agency = |name: &str| -> Option<String> {
        let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
        table
            .canonical(name)
            .filter(|n| table.is_wire(n))
            .map(str::to_string)
    };
    for (i, unit) in page.units.iter().enumerate() {
        let text = unit.text.trim();
        let kind = page.kinds[i];
        if let Some(name) = dateline(text).and_then(agency) {
            return Some(name);
        }
        if let Some(name) = byline_name(text).and_then(agency) {
            return Some(name);
        }
        // A short credit line: "— Associated Press", "Reuters contributed to this report.",
        // "Copyright 2018 The Associated Press. All rights reserved."
        if unit.words() <= 16 && kind != Kind::Content || unit.words() <= 8 {
            let lower = fold(text);
            let line = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
            for (alias, name) in &aliases {
                let Some(at) = find_word(line, alias) else {
                    continue;
                };
                let before = line[..at].trim();
                let after = line[at + alias.len()..].trim();
                let credits = (before.is_empty()
                    && (after.is_empty() || after.starts_with("contributed")))
                    || before.ends_with("copyright")
                    || (before.starts_with("copyright") || before.starts_with('©'))
                        && before.len() <= 20
                    || before == "by" && after.is_empty()
                    || before.ends_with("contributed by") && after.len() <= 1;
                if credits {
                    return Some(name.to_string());
                }
            }
        }
    }
    None
}

/// The byte offset of `word` in `text` as a whole word (letters or digits on neither side).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = text[from..].find(word) {
        let at = from + k;
        let end = at + word.len();
        let open = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let close = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if open && close {
            return Some(at);
        }
        from = at + word.len().max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// A value a cue gives, with its rank (higher is more telling) and its paragraph's index.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cue {
    rank: u8,
    at: usize,
    value: String,
}

/// The value of the best-ranked cue; among equals, the first on the page.
fn best(cues: Vec<Cue>) -> Option<String> {
    cues.into_iter()
        .min_by_key(|c| (std::cmp::Reverse(c.rank), c.at))
        .map(|c| c.value)
}

/// The headline without an outlet suffix naming the outlet ("Title - BBC News" → "Title").
fn title_text(title: &str, outlet: Option<&str>) -> String {
    match (outlet_suffix(title), outlet) {
        (Some((before, name)), Some(outlet)) if fold(name) == fold(outlet) => before.to_string(),
        _ => title.trim().to_string(),
    }
}

/// Splits names run together from a logo or a URL at the end of an upper-case run:
/// "TRTWorld" → "TRT World", "NYTimes" → "NY Times"; "McDonald" and "iPhone" stay.
fn split_run_together(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (k, &c) in chars.iter().enumerate() {
        let run_before = k >= 2 && chars[k - 1].is_uppercase() && chars[k - 2].is_uppercase();
        let lower_after = chars.get(k + 1).is_some_and(|c| c.is_lowercase())
            && chars.get(k + 2).is_some_and(|c| c.is_lowercase());
        if c.is_uppercase() && run_before && lower_after {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Tidies a name a cue gives, or rejects it: 1 to 6 capitalised words.
fn outlet_name(raw: &str) -> Option<String> {
    // A label before the name goes: "Source: Al Jazeera" → "Al Jazeera".
    let name = raw.rsplit(": ").next().unwrap_or(raw);
    let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let name = name.strip_prefix("the ").unwrap_or(name);
    let name = split_run_together(name);
    let words = word_count(&name);
    ((1..=6).contains(&words) && is_name(&name) && name.len() <= 60 && !is_calendar_word(&name))
        .then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Returns true if and only if `word` is a weekday or a date label, which can stand before a
/// date where an outlet name would ("Sun, 25 October 2015", "Published October 25, 2015").
fn is_calendar_word(word: &str) -> bool {
    let w = word.to_lowercase();
    TIME_WORDS.contains(&w.as_str()) || DATE_LABELS.contains(&w.as_str())
}

/// The capitalised words at the start of `text`: "War Press Info do not" → "War Press Info".
fn leading_name(text: &str) -> Option<String> {
    let text = text.trim_start();
    let text = text.strip_prefix("the ").unwrap_or(text);
    let mut taken = Vec::new();
    for word in text.split_whitespace() {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !is_name(bare) || taken.len() == 6 {
            break;
        }
        taken.push(bare);
        if bare.len() != word.len() {
            break; // punctuation ends the name
        }
    }
    outlet_name(&taken.join(" "))
}

/// Ranks of outlet cues, most telling first.
mod outlet_rank {
    /// "- Sputnik International" at the head.
    pub const TAG: u8 = 7;
    /// "Global Research, October 25, 2015" at the head, or a name beside the byline.
    pub const NAME_AND_DATE: u8 = 6;
    /// "the editorial staff of X", "X Network at:", "X and agencies".
    pub const SIGN_OFF: u8 = 5;
    /// Captions ending in " - X" on several lines.
    pub const CAPTIONS: u8 = 4;
    /// "MOSCOW (Sputnik) —" opening the text; a headline ending in " - X".
    pub const DATELINE: u8 = 3;
    /// "Copyright © X, 2015".
    pub const COPYRIGHT: u8 = 2;
    /// "The original source of this article is X": the first publisher, not this page's.
    pub const ORIGINAL: u8 = 1;
}

fn outlet_cues(page: &Page) -> Vec<Cue> {
    use outlet_rank::*;
    let mut cues = Vec::new();
    let mut push = |rank, at, name: Option<String>| {
        if let Some(value) = name {
            cues.push(Cue { rank, at, value });
        }
    };
    let head_end = page.head_end();
    for (i, unit) in page.units.iter().enumerate() {
        let text = unit.text.as_str();
        let kind = page.kinds[i];
        if i < head_end {
            if let Some(name) = super::page::outlet_tag(text) {
                push(TAG, i, outlet_name(name));
            }
            if kind == Kind::Meta && page.is_byline_outlet(i) && byline_name(text).is_none() {
                push(NAME_AND_DATE, i, outlet_name(text));
            }
            if kind == Kind::Meta && byline_name(text).is_none() {
                if let Some(date) = find_dates(text)
                    .first()
                    .filter(|d| !embedded_post_signature(&text[..d.start]))
                {
                    let before = text[..date.start]
                        .trim_end()
                        .trim_end_matches([',', '|', '-', '—']);
                    if word_count(before) <= 5 {
                        push(NAME_AND_DATE, i, outlet_name(before));
                    }
                }
            }
        }
        const STAFF: &str = "editorial staff of ";
        if let Some(at) = find_ascii_ci(text, STAFF) {
            push(SIGN_OFF, i, leading_name(&text[at + STAFF.len()..]));
        }
        if let Some(name) = text.trim_end().strip_suffix(" at:") {
            if unit.words() <= 6 {
                push(SIGN_OFF, i, outlet_name(name));
            }
        }
        if kind == Kind::Attribution {
            let bare = text.trim_end_matches(|c: char| !c.is_alphanumeric());
            for suffix in [" and agencies", " with agencies"] {
                if bare.len() > suffix.len() && bare.is_char_boundary(bare.len() - suffix.len()) {
                    let (name, tail) = bare.split_at(bare.len() - suffix.len());
                    if tail.eq_ignore_ascii_case(suffix) {
                        push(SIGN_OFF, i, outlet_name(name));
                    }
                }
            }
            for prefix in [
                "the original source of this article is ",
                "originally published by ",
                "this article was originally published by ",
                "this article was originally published on ",
                "this article originally appeared on ",
                "this article originally appeared in ",
                "this article first appeared on ",
                "this article first appeared in ",
            ] {
                if let Some(rest) = strip_prefix_ci(text, prefix) {
                    push(ORIGINAL, i, leading_name(rest));
                }
            }
        }
        // A year tells a copyright notice ("© TASS 2015") from a bare photo credit ("© AFP").
        let has_year = || {
            text.split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4)
        };
        if kind == Kind::Disclaimer && has_year() && {
            let lower = text.to_lowercase();
            lower.starts_with("copyright") || lower.starts_with('©')
        } {
            push(COPYRIGHT, i, copyright_holder(text));
        }
        if Some(i) == page.title {
            if let Some((_, name)) = outlet_suffix(text) {
                push(DATELINE, i, outlet_name(name));
            }
        }
    }
    if let Some(name) = &page.caption_suffix {
        let at = page
            .units
            .iter()
            .position(|u| u.text.ends_with(name.as_str()))
            .unwrap_or(0);
        push(CAPTIONS, at, outlet_name(name));
    }
    for i in text_start(page).take(3) {
        push(
            DATELINE,
            i,
            dateline(&page.units[i].text).and_then(outlet_name),
        );
    }
    cues
}

/// The indices of the first paragraphs of text, from where the body starts.
fn text_start(page: &Page) -> impl Iterator<Item = usize> + '_ {
    let start = page.body_start.unwrap_or(page.units.len());
    (start..page.units.len()).filter(|&i| page.kinds[i] == Kind::Content)
}

/// The holder of "Copyright © Al Manar, Al-Manar, 2015", "© 2015 The Outlet Ltd. All rights
/// reserved." or "© TASS 2015." — the first name around the sign and the years.
fn copyright_holder(text: &str) -> Option<String> {
    let mut rest = text.trim();
    loop {
        let digits = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'-')
            .count();
        let after = ["copyright", "©", "(c)"]
            .iter()
            .find_map(|p| strip_prefix_ci(rest, p))
            .or_else(|| (digits >= 4).then(|| &rest[digits..]));
        match after {
            Some(after) => rest = after.trim_start_matches([' ', ',']),
            None => break,
        }
    }
    let first = rest.split([',', '.', '|']).next()?;
    let words: Vec<&str> = first
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .collect();
    outlet_name(&words.join(" "))
}

/// Ranks of date cues, most telling first.
mod date_rank {
    /// "Published: October 25, 2015", "Posted on …".
    pub const PUBLISHED: u8 = 4;
    /// A date line at the head: "Global Research, October 25, 2015", "23 October 2015".
    pub const HEAD: u8 = 3;
    /// A dated dateline opening the text: "MOSCOW, October 23, 2015 (Sputnik) —".
    pub const DATELINE: u8 = 2;
    /// A date line elsewhere, or "Updated …".
    pub const OTHER: u8 = 1;
}

fn date_cues(page: &Page) -> Vec<Cue> {
    use date_rank::*;
    let mut cues = Vec::new();
    let head_end = page.head_end();
    for (i, unit) in page.units.iter().enumerate() {
        if page.kinds[i] != Kind::Meta {
            continue;
        }
        let Some(date) = find_dates(&unit.text).into_iter().next() else {
            continue;
        };
        if embedded_post_signature(&unit.text[..date.start]) {
            continue;
        }
        let lower = unit.text.to_lowercase();
        let rank = if ["published", "posted", "first published", "date", "released"]
            .iter()
            .any(|l| lower.starts_with(l))
        {
            PUBLISHED
        } else if i < head_end && !lower.starts_with("updated") && !lower.starts_with("last") {
            HEAD
        } else {
            OTHER
        };
        cues.push(Cue {
            rank,
            at: i,
            value: unit.text[date.start..date.end].to_string(),
        });
    }
    for i in text_start(page).take(1) {
        let text = &page.units[i].text;
        if dateline(text).is_some() {
            let open = text.find('(').unwrap_or(0);
            if let Some(date) = find_dates(&text[..open]).into_iter().next() {
                cues.push(Cue {
                    rank: DATELINE,
                    at: i,
                    value: text[date.start..date.end].to_string(),
                });
            }
        }
    }
    cues
}

/// The text before the date of an embedded post's signature: "— Jane Doe (@janedoe)" under a
/// quoted tweet, "A post shared by Jane Doe (@janedoe) on". Its date is the post's, often
/// years before the article, and its name is the poster's, not the outlet's.
fn embedded_post_signature(before_date: &str) -> bool {
    before_date.split_whitespace().any(|word| {
        let word = word.trim_start_matches('(');
        word.len() > 1 && word.starts_with('@')
    })
}

/// Ranks of author cues, most telling first.
mod author_rank {
    /// "By X" at the head.
    pub const BYLINE: u8 = 3;
    /// "Articles by: X", "Author: X", or a byline further down.
    pub const CREDIT: u8 = 2;
    /// "Submitted by X", "Posted by X".
    pub const SUBMITTED: u8 = 1;
}

fn author_cues(page: &Page) -> Vec<Cue> {
    use author_rank::*;
    let mut cues = Vec::new();
    let head_end = page.head_end();
    for (i, unit) in page.units.iter().enumerate() {
        let text = unit.text.as_str();
        let placed =
            page.title.is_some_and(|t| t < i) && i < head_end && page.kinds[i] == Kind::Meta;
        let found = if let Some(name) = byline_name(text) {
            Some((if i < head_end { BYLINE } else { CREDIT }, name))
        } else if let Some(name) = placed_byline(text).filter(|_| placed) {
            Some((BYLINE, name))
        } else if let Some(name) = names_after(text, &["articles by: ", "article by: "]) {
            Some((CREDIT, name))
        } else {
            names_after(text, &["submitted by "]).map(|name| (SUBMITTED, name))
        };
        if let Some((rank, name)) = found {
            cues.push(Cue {
                rank,
                at: i,
                value: name.to_string(),
            });
        }
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    const BODY: &str = "The foreign ministry said on Friday that the talks between the two \
                        governments would continue next week in the capital.";

    #[track_caller]
    fn meta(raw: &str) -> Metadata {
        describe(raw)
    }

    #[test]
    fn title_is_the_first_headline_after_the_furniture() {
        let raw = format!(
            "- Daily Planet\nWorld\n\n# Ministers [Agree](#) to Share Intelligence\n\n{BODY}"
        );
        assert_eq!(
            meta(&raw).title.as_deref(),
            Some("Ministers Agree to Share Intelligence")
        );
        let raw = format!(", , , ,\n\nMinisters agree to share intelligence\n\n{BODY}");
        assert_eq!(
            meta(&raw).title.as_deref(),
            Some("Ministers agree to share intelligence")
        );
        assert_eq!(meta(BODY).title, None);
    }

    #[test]
    fn title_loses_a_suffix_naming_the_outlet() {
        let raw = format!("Ministers Agree to Share Intelligence | Daily Planet\n\n{BODY}");
        let m = meta(&raw);
        assert_eq!(
            m.title.as_deref(),
            Some("Ministers Agree to Share Intelligence")
        );
        assert_eq!(m.outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn outlet_from_a_tag_line() {
        let raw = format!("- Daily Planet\n\nA Headline for the Story\n\n{BODY}");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn outlet_and_date_from_a_head_line() {
        let raw = format!(
            "A Headline for the Story\n\nBy [Jane Doe](#)\n\nDaily Planet, October 25, 2015\n\n\
             [Other Paper](#) 23 October 2015\n\n{BODY}\n\nCopyright © Other Paper, 2015"
        );
        let m = meta(&raw);
        assert_eq!(m.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(m.date.as_deref(), Some("2015-10-25"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn outlet_beside_the_byline_and_weekdays_are_not_outlets() {
        let raw = format!(
            "A Headline for the Story\n\nBy JANE DOE\nDaily Planet\n\
             Published 9:12 am, Sunday, September 27, 2015\n\nBAGHDAD (DP) — {BODY}"
        );
        let m = meta(&raw);
        assert_eq!(m.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(m.date.as_deref(), Some("2015-09-27"));
        assert_eq!(m.author.as_deref(), Some("JANE DOE"));
        let raw = format!(
            "A Headline for the Story\n\nJane Doe in Beirut\n\nSun 27 Sep 2015 17.40 BST\n\n{BODY}"
        );
        let m = meta(&raw);
        assert_eq!((m.outlet, m.author.as_deref()), (None, Some("Jane Doe")));
        assert_eq!(m.date.as_deref(), Some("2015-09-27"));
    }

    #[test]
    fn outlet_from_a_dateline() {
        let raw = format!("A Headline for the Story\n\nMOSCOW (Sputnik) — {BODY}");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("Sputnik International"));
        // A news agency's dateline credits the copy: the outlet that ran it is another.
        let raw =
            format!("A Headline for the Story\n\nBAGHDAD, October 23, 2015 (Reuters) - {BODY}");
        let m = meta(&raw);
        assert_eq!((m.outlet, m.wire.as_deref()), (None, Some("Reuters")));
        assert_eq!(m.date.as_deref(), Some("2015-10-23"));
        let raw = format!("## World\n\n**MOSCOW, October 23. /TASS/.** {BODY}");
        let m = meta(&raw);
        assert_eq!(
            (m.wire.as_deref(), m.date),
            (Some("TASS"), None),
            "no year, no date"
        );
    }

    #[test]
    fn outlet_from_a_sign_off_splits_run_together_names() {
        let raw = format!("A Headline for the Story\n\n{BODY}\n\nTRTWorld and agencies");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("TRT World"));
        let raw =
            format!("A Headline for the Story\n\n{BODY}\n\nSource: Daily Planet and agencies");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(split_run_together("NYTimes"), "NY Times");
        assert_eq!(
            split_run_together("McDonald iPhone PDFs"),
            "McDonald iPhone PDFs"
        );
    }

    #[test]
    fn outlet_from_captions_ending_in_the_site_name() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\nTanks in the desert - Daily Planet\n{BODY}\n\
             Soldiers on patrol - Daily Planet\n{BODY}"
        );
        assert_eq!(meta(&raw).outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn outlet_from_notices_and_sign_off_blocks() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\n\nSubmitted by Jane Doe\nSome Press Network at:\n\
             Re-publications are welcome, but we kindly ask you to cite all original sources.\n\n\
             NOTE: The contents are of sole responsibility of their authors. The editorial staff \
             of Some Press do not necessarily subscribe every point of view expressed."
        );
        let m = meta(&raw);
        assert_eq!(m.outlet.as_deref(), Some("Some Press Network"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn outlet_from_copyright_or_original_source() {
        let raw = format!("A Headline for the Story\n\n{BODY}\n\n© 2015 The Daily Planet Ltd. All rights reserved.");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("The Daily Planet Ltd"));
        let raw = format!("A Headline for the Story\n\n{BODY}\n\n© TASS 2015. Use of the materials is allowed only with a hyperlink.");
        assert_eq!(meta(&raw).wire.as_deref(), Some("TASS"));
        let raw = format!("A Headline for the Story\n\n© AFP\n\n{BODY}");
        assert_eq!(meta(&raw).outlet, None, "a photo credit names no outlet");
        let raw = format!("A Headline for the Story\n\n{BODY}\n\nThe original source of this article is [Other Paper](#)");
        assert_eq!(meta(&raw).outlet.as_deref(), Some("Other Paper"));
    }

    #[test]
    fn no_cue_no_outlet() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY} Al Jazeera said so, the AFP news agency reported.\n\n\
             Receive News Alerts on Whatsapp: +2348136370421\n\nNo Comments yet"
        );
        let m = meta(&raw);
        assert_eq!((m.outlet, m.date, m.author), (None, None, None));
    }

    #[test]
    fn dates_come_from_publication_cues_not_from_the_text() {
        let raw = format!(
            "A Headline for the Story\n\nPhoto by: Reuters\n\n\
             Soldiers stand guard in the capital, Baghdad, Iraq September 30, 2015.\n\n\
             {BODY} The vote was held on October 3, 2015."
        );
        assert_eq!(meta(&raw).date, None);
        let raw =
            format!("A Headline for the Story\n\n{BODY}\n\nPublished: Oct. 25, 2015 10:30 GMT");
        assert_eq!(meta(&raw).date.as_deref(), Some("2015-10-25"));
        let raw = format!("A Headline for the Story\n\nUpdated 26 October 2015\n\nPosted on 25 October 2015\n\n{BODY}");
        assert_eq!(meta(&raw).date.as_deref(), Some("2015-10-25"));
    }

    #[test]
    fn an_embedded_post_gives_neither_date_nor_outlet() {
        let raw = format!(
            "A Headline for the Story\n\n{BODY}\n\nThis is a misuse of authority.\n\n\
             — Jane Doe (@JaneDoeNews) January 26, 2017\n\n{BODY}"
        );
        assert_eq!(meta(&raw).date, None);
        let raw = format!(
            "— Jane Doe (@JaneDoeNews) January 26, 2017\n\nA Headline for the Story\n\n\
             Daily Planet, May 31, 2019\n\n{BODY}"
        );
        let m = meta(&raw);
        assert_eq!(m.date.as_deref(), Some("2019-05-31"));
        assert_ne!(m.outlet.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn authors_from_bylines_and_credits() {
        let raw = format!("A Headline for the Story\n\n{BODY}\n\nArticles by: [Jane Doe](#)");
        assert_eq!(meta(&raw).author.as_deref(), Some("Jane Doe"));
        let raw = format!("A Headline for the Story\n\nBy Jane Doe and John Roe\n\n{BODY}");
        assert_eq!(meta(&raw).author.as_deref(), Some("Jane Doe and John Roe"));
        let raw = format!("A Headline for the Story\n\n{BODY}\n\nSubmitted by Jane Doe");
        assert_eq!(meta(&raw).author.as_deref(), Some("Jane Doe"));
    }
}
