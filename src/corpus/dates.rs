//! Full calendar dates written in prose ("October 25, 2015", "23 October 2015", "2015-10-25").
//!
//! Cleaning uses these to recognise date lines and agency photo captions; describing uses them
//! to read a publication date; [`iso_date`] reads the dates that front matter and pages
//! declare. Only dates with a day, a month and a year count: "October 2015" or "September 30"
//! say too little to be a publication date.

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// A date found in a text: its byte range and the calendar day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub day: NaiveDate,
}

/// An article's date: the calendar day, shown as ISO 8601 (`YYYY-MM-DD`) everywhere, and the
/// text it was read from, kept for a reader who wants to see what the page wrote.
///
/// Dates compare and sort by day; the written text plays no part. It dereferences to its
/// ISO form, so `meta.date.as_deref()` is the date as shown.
#[derive(Debug, Clone)]
pub struct PubDate {
    day: NaiveDate,
    iso: String,
    written: String,
}

impl PubDate {
    /// Reads a date as [`iso_date`] does, keeping `text` as written.
    pub fn parse(text: &str) -> Option<PubDate> {
        iso_date(text).map(|day| PubDate::new(day, text))
    }

    pub fn new(day: NaiveDate, written: &str) -> PubDate {
        PubDate {
            day,
            iso: format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
            written: written.trim().to_string(),
        }
    }

    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        &self.iso
    }

    /// The date as the file or page wrote it ("Sat, 03 Oct 2015 14:25:00 +0300").
    pub fn written(&self) -> &str {
        &self.written
    }
}

impl PartialEq for PubDate {
    fn eq(&self, other: &Self) -> bool {
        self.day == other.day
    }
}

impl Eq for PubDate {}

impl PartialOrd for PubDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PubDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.day.cmp(&other.day)
    }
}

impl std::ops::Deref for PubDate {
    type Target = str;
    fn deref(&self) -> &str {
        &self.iso
    }
}

impl std::fmt::Display for PubDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso)
    }
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso)
    }
}

use crate::calendar::MONTHS;

/// Returns the month number of a month name or its usual abbreviation ("Oct", "Oct.", "Sept").
///
/// Every word of a text is asked, so nothing is lower-cased: month names are ASCII, and a word
/// whose lower case is one of them is ASCII itself (of the other characters, only the Kelvin
/// sign lower-cases to ASCII alone, to a `k`; `İ` keeps a combining dot), so it names a month
/// exactly when it equals one ignoring ASCII case.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    if !(3..=9).contains(&w.len()) || !w.is_ascii() {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u32 + 1)
}

/// Returns true if and only if `word` names a month ("October", "Oct.", "Sept").
pub fn is_month(word: &str) -> bool {
    month(word).is_some()
}

/// Returns the day of "25", "25,", "25th", "3rd," when it is 1 to 31.
fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Returns the year of "2015", "2015.", "2015," (1900 to 2199), and how many bytes it spans.
fn year(word: &str) -> Option<(u32, usize)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || word[digits..].chars().any(char::is_alphanumeric) {
        return None;
    }
    let y: u32 = word[..digits].parse().ok()?;
    (1900..2200).contains(&y).then_some((y, digits))
}

/// The one calendar check of the crate: the day exists (leap years as chrono has them).
fn iso(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Reads `2015-10-25` (optionally followed by a time, as in `2015-10-25T10:00Z`).
fn iso_word(word: &str) -> Option<(NaiveDate, usize)> {
    let b = word.as_bytes();
    if b.len() < 10 || b[4] != b'-' && b[4] != b'/' || b[7] != b[4] {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        word.get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1900..2200).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    if b.len() > 10 && b[10].is_ascii_digit() {
        return None;
    }
    Some((iso(y, m, d)?, 10))
}

/// Whitespace-separated words of `text` with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Finds every full date in `text`, in order.
///
/// ```text
/// "Global Research, October 25, 2015" → [2015-10-25 at 17..33]
/// "Al-Manar 23 October 2015"          → [2015-10-23 at 9..24]
/// ```
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let ws = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let (start, w) = ws[i];
        let w = w.trim_start_matches(['(', '[', '“', '"']);
        let start = start + (ws[i].1.len() - w.len());
        if let Some((iso, len)) = iso_word(w) {
            found.push(FoundDate {
                start,
                end: start + len,
                day: iso,
            });
            i += 1;
            continue;
        }
        let next = |k: usize| ws.get(i + k).map(|(_, s)| *s);
        let end_of = |k: usize, len: usize| ws[i + k].0 + len;
        // "Month D, YYYY", then "D Month YYYY".
        let orders = [
            (month(w), next(1).and_then(day)),
            (next(1).and_then(month), day(w)),
        ];
        let found_here = orders.into_iter().find_map(|(m, d)| {
            let (y, len) = next(2).and_then(year)?;
            Some((iso(y, m?, d?)?, end_of(2, len)))
        });
        if let Some((day, end)) = found_here {
            found.push(FoundDate { start, end, day });
            i += 3;
            continue;
        }
        i += 1;
    }
    found
}

/// Returns true if and only if `text` ends with a full date (closing punctuation aside).
pub fn ends_with_date(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ".,;:)”\"".contains(c));
    // A date that ends the text ends its last word, which is then a year ("2015") or ends
    // with an ISO date ("(2015-10-25"): most paragraphs need no search.
    let last = trimmed
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .as_bytes();
    let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    let year = last.len() == 4 && digits(last);
    let iso = last.len() >= 10 && {
        let d = &last[last.len() - 10..];
        digits(&d[..4]) && digits(&d[5..7]) && digits(&d[8..]) && matches!(d[4], b'-' | b'/')
    };
    (year || iso)
        && find_dates(trimmed)
            .last()
            .is_some_and(|d| d.end == trimmed.len())
}

/// Reads a date or date-time as a calendar day; `None` if it is not a full date. The one date
/// parser of the crate: front matter, pages, manifests and JSON Lines records all use it.
///
/// Accepts what front matter and HTML pages write: ISO dates and timestamps (also with `/`
/// or `.`), and English dates with a month name, RFC 2822 included. The time and zone are
/// dropped: the date as the publisher wrote it is the one readers see on the page.
///
/// ```text
/// "2015-10-03T14:25:00+03:00"        → 2015-10-03
/// "2015/10/3"                         → 2015-10-03
/// "Sat, 03 Oct 2015 14:25:00 +0300"   → 2015-10-03
/// "October 3, 2015"                   → 2015-10-03
/// "last Tuesday", "2015-13-01"        → None
/// ```
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    numeric_date(text).or_else(|| named_month_date(text))
}

fn numeric_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() < 8 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let separator = bytes[4];
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let (month, rest) = text[5..].split_once(char::from(separator))?;
    let day_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after_day = rest.as_bytes().get(day_len);
    if after_day.is_some_and(|b| !matches!(b, b'T' | b't' | b' ' | b'Z' | b'+' | b'-' | b',')) {
        return None;
    }
    ymd(&text[..4], month, &rest[..day_len])
}

/// "October 3, 2015", "3 Oct 2015", "Sat, 03 Oct 2015 14:25:00 +0300": the first full date
/// with a month name, read by the same rules cleaning and describing use.
fn named_month_date(text: &str) -> Option<NaiveDate> {
    find_dates(text).into_iter().next().map(|d| d.day)
}

/// Validates a date given as digit strings (years 1000 to 9999).
fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    let year: u32 = year.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    iso(year, month.parse().ok()?, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn isos(text: &str) -> Vec<String> {
        find_dates(text)
            .into_iter()
            .map(|d| d.day.to_string())
            .collect()
    }

    #[test]
    fn reads_the_common_written_forms() {
        assert_eq!(isos("Global Research, October 25, 2015"), ["2015-10-25"]);
        assert_eq!(isos("Al-Manar 23 October 2015"), ["2015-10-23"]);
        assert_eq!(isos("Published: Oct. 3, 2015 at 10:00"), ["2015-10-03"]);
        assert_eq!(isos("Updated 2015-10-25T08:30:00Z"), ["2015-10-25"]);
        assert_eq!(isos("on Sept 30th, 2015."), ["2015-09-30"]);
        assert_eq!(isos("(2015/10/25)"), ["2015-10-25"]);
    }

    #[test]
    fn needs_day_month_and_year() {
        assert!(isos("Since September 30, Russia has been conducting airstrikes").is_empty());
        assert!(isos("in October 2015 the center opened").is_empty());
        assert!(isos("February 30, 2015").is_empty());
        assert!(isos("May I say 3 things in 2015").is_empty());
    }

    #[test]
    fn byte_ranges_address_the_text() {
        let text = "Global Research, October 25, 2015";
        let d = &find_dates(text)[0];
        assert_eq!(&text[d.start..d.end], "October 25, 2015");
    }

    #[test]
    fn month_names_in_any_case_and_only_them() {
        let lowered = |word: &str| {
            let w = word.trim_end_matches(['.', ',']).to_lowercase();
            let full = MONTHS.iter().position(|m| *m == w);
            let short = MONTHS
                .iter()
                .position(|m| w.len() == 3 && m.starts_with(&w));
            (w.len() >= 3)
                .then(|| if w == "sept" { Some(8) } else { full.or(short) })
                .flatten()
        };
        let mut words: Vec<String> = MONTHS.iter().map(|m| m.to_uppercase()).collect();
        words.extend(MONTHS.iter().map(|m| format!("{}.,", &m[..3])));
        words.extend(
            [
                "Sept.", "SEPT", "Se", "Sep", "Mayo", "ma", "Junee", "", "...", "Oct,.",
            ]
            .map(String::from),
        );
        words.extend(["\u{212A}", "OCT\u{212A}", "İan", "Ⅿay", "Déc", "Octobre"].map(String::from));
        for word in &words {
            let expected = lowered(word).map(|i| i as u32 + 1);
            assert_eq!(month(word), expected, "{word:?}");
        }
    }

    #[test]
    fn only_a_year_or_an_iso_date_can_end_a_text_on_a_date() {
        let by_search = |text: &str| {
            let trimmed =
                text.trim_end_matches(|c: char| c.is_whitespace() || ".,;:)”\"".contains(c));
            find_dates(trimmed)
                .last()
                .is_some_and(|d| d.end == trimmed.len())
        };
        for text in [
            "Soldiers in Idlib, Syria October 3, 2015.",
            "Al-Manar 23 October 2015”",
            "Posted (2015-10-25",
            "Posted 2015/10/25)",
            "Posted 2015-10-25T08:30Z",
            "Posted 2015-13-45",
            "Prices rose on May 18.",
            "It cost 2015",
            "It cost 20150",
            "October 25,2015",
            "October 25, 2015!",
            "2015-10-25",
            "",
        ] {
            assert_eq!(ends_with_date(text), by_search(text), "{text:?}");
        }
    }

    #[test]
    fn ends_with_date_ignores_closing_punctuation() {
        assert!(ends_with_date(
            "in the countryside of Idlib, Syria October 3, 2015."
        ));
        assert!(!ends_with_date("On October 3, 2015, the strikes began."));
    }

    #[test]
    fn dates_are_iso() {
        let cases = [
            ("2015-10-03", Some("2015-10-03")),
            ("2015-10-03T14:25:00+03:00", Some("2015-10-03")),
            ("2015-10-03 14:25", Some("2015-10-03")),
            ("2015/10/3", Some("2015-10-03")),
            ("Sat, 03 Oct 2015 14:25:00 +0300", Some("2015-10-03")),
            ("October 3, 2015", Some("2015-10-03")),
            ("3 Sept. 2015", Some("2015-09-03")),
            ("Saturday, October 3, 2015 2:25 PM", Some("2015-10-03")),
            ("2016-02-29", Some("2016-02-29")),
            ("2015-02-29", None),
            ("2015-13-01", None),
            ("2015-10", None),
            ("20151003", None),
            ("last Tuesday", None),
            ("Mayhem 3 2015", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                iso_date(text).map(|d| d.to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }
}
