//! Outlet names: one name per outlet whatever the page wrote, and what is not an outlet.
//!
//! The alias table ([`OutletTable`]) is `assets/outlets.txt` plus the config's `[outlets]`: it
//! maps spellings and web hosts to one name ("AP", "Associated Press", "apnews.com" → "The
//! Associated Press") and knows which outlets are news agencies. [`plausible`] rejects what
//! pages put where a name should be: sections ("U.S.", "World"), dates and times ("Updated
//! 2:08 AM ET"), photo and video credits, addresses, copyright lines, a place in capitals.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::dates::find_dates;

const BUILT_IN: &str = include_str!("../../assets/outlets.txt");

/// Outlet names and their aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletTable {
    /// The names shown, in table order.
    names: Vec<String>,
    /// Which of `names` are news agencies.
    wire: Vec<bool>,
    /// [`key`] of every name and alias → index into `names`.
    by_key: HashMap<String, usize>,
}

impl Default for OutletTable {
    fn default() -> Self {
        BUILT_IN_TABLE.clone()
    }
}

static BUILT_IN_TABLE: LazyLock<OutletTable> = LazyLock::new(|| {
    let mut table = OutletTable {
        names: Vec::new(),
        wire: Vec::new(),
        by_key: HashMap::new(),
    };
    for line in BUILT_IN.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let is_wire = fields.last() == Some(&"wire");
        if is_wire {
            fields.pop();
        }
        if let Some((name, aliases)) = fields.split_first() {
            table.add(name, aliases.iter().copied(), is_wire);
        }
    }
    table
});

/// The built-in table, for code that runs before the config is known (reading one page).
pub fn built_in() -> &'static OutletTable {
    &BUILT_IN_TABLE
}

/// How names are compared: lower case, a leading "the" dropped, punctuation dropped, dashes
/// and slashes as spaces ("L.A. Times" = "LA Times", "Agence France-Presse" = "agence france
/// presse"). Hosts lose `www.` and keep their dots.
fn key(name: &str) -> String {
    let name = name.trim();
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    if is_host(lower) {
        return lower.trim_end_matches('/').to_string();
    }
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '–' | '/' | '_') {
            out.push(' ');
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Returns true for a bare web host, maybe with a first path segment ("yahoo.com/news").
fn is_host(name: &str) -> bool {
    let host = name.split('/').next().unwrap_or(name);
    host.contains('.')
        && !name.contains(' ')
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

impl OutletTable {
    /// Adds an outlet with its aliases; a name already known gains the aliases.
    pub fn add<'a>(
        &mut self,
        name: &'a str,
        aliases: impl IntoIterator<Item = &'a str>,
        wire: bool,
    ) {
        let index = match self.by_key.get(&key(name)) {
            Some(&i) => {
                // The config's spelling of a known outlet becomes the one shown.
                self.names[i] = name.trim().to_string();
                self.wire[i] |= wire;
                i
            }
            None => {
                self.names.push(name.trim().to_string());
                self.wire.push(wire);
                self.names.len() - 1
            }
        };
        for alias in std::iter::once(name).chain(aliases) {
            let k = key(alias);
            if !k.is_empty() {
                self.by_key.insert(k, index);
            }
        }
    }

    /// The name shown for `name`, if the table knows it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.by_key.get(&key(name)).map(|&i| self.names[i].as_str())
    }

    /// The name shown for `name`: the table's, else `name` itself.
    pub fn normalize(&self, name: &str) -> String {
        self.canonical(name).unwrap_or(name.trim()).to_string()
    }

    /// Returns true if `name` is a news agency of the table.
    pub fn is_wire(&self, name: &str) -> bool {
        self.by_key.get(&key(name)).is_some_and(|&i| self.wire[i])
    }

    /// Every spelling of a news agency, longest first (so "Associated Press" is tried before
    /// "AP"), with the name shown.
    pub fn wire_aliases(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = self
            .by_key
            .iter()
            .filter(|(k, &i)| self.wire[i] && !k.contains('.'))
            .map(|(k, &i)| (k.clone(), self.names[i].as_str()))
            .collect();
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        out
    }

    /// The outlet of a URL or host the table knows: the host without `www.`, then with a
    /// first path segment ("yahoo.com/news"), then its parent domains ("edition.cnn.com" →
    /// "cnn.com").
    pub fn by_host(&self, url: &str) -> Option<&str> {
        let host_path = host_and_path(url)?;
        let (host, first_segment) = match host_path.split_once('/') {
            Some((h, rest)) => (h, rest.split('/').next().filter(|s| !s.is_empty())),
            None => (host_path, None),
        };
        if let Some(seg) = first_segment {
            if let Some(name) = self.canonical(&format!("{host}/{seg}")) {
                return Some(name);
            }
        }
        let mut rest = host;
        loop {
            if let Some(name) = self.canonical(rest) {
                return Some(name);
            }
            match rest.split_once('.') {
                Some((_, parent)) if parent.contains('.') => rest = parent,
                _ => return None,
            }
        }
    }
}

/// `https://www.example.com/a/b?x` → `example.com/a/b`; `None` if it has no host.
fn host_and_path(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let host = rest.split('/').next()?;
    (is_host(&host.to_ascii_lowercase())).then_some(rest)
}

/// The host of a URL without `www.` ("https://www.example.com/a" → "example.com").
pub fn host(url: &str) -> Option<String> {
    let rest = host_and_path(url)?;
    Some(rest.split('/').next()?.to_ascii_lowercase())
}

/// Words that name a section of a site, which pages put in `og:site_name` or where a tag line
/// would be. Compared by [`key`].
const SECTION_WORDS: &[&str] = &[
    "news",
    "world",
    "u s",
    "us",
    "uk",
    "politics",
    "business",
    "tech",
    "technology",
    "science",
    "health",
    "sports",
    "sport",
    "entertainment",
    "opinion",
    "opinions",
    "home",
    "homepage",
    "local",
    "national",
    "international",
    "europe",
    "asia",
    "americas",
    "africa",
    "middle east",
    "economy",
    "markets",
    "money",
    "culture",
    "arts",
    "music",
    "lifestyle",
    "travel",
    "video",
    "videos",
    "live",
    "latest",
    "top stories",
    "breaking news",
    "hosted",
    "headlines",
    "more headlines",
    "photos",
    "media",
    "tv",
    "style",
    "food",
    "weather",
    "education",
    "environment",
    "climate",
    "law",
    "crime",
    "us news",
    "world news",
    "fact check",
    "factcheck",
    "analysis",
    "editorial",
    "editorials",
    "blog",
    "blogs",
    "investigations",
    "features",
    "magazine",
    "podcasts",
    "newsletter",
    "related",
    "trending",
    "most read",
    "more",
    "nation",
    "region",
    "metro",
    "obituaries",
    "sponsored",
    "advertisement",
    "shopping",
    "deals",
    "reviews",
    "commentary",
    "columns",
    "letters",
    "features",
    "the latest",
    "notícias",
    "noticias",
    "mundo",
    "política",
    "politica",
    "economia",
    "economía",
    "esportes",
    "deportes",
    "internacional",
    "nacional",
    "actualités",
    "actualites",
    "monde",
    "politique",
    "nachrichten",
    "welt",
    "politik",
    "wirtschaft",
    "ニュース",
    "国際",
    "政治",
    "経済",
    "社会",
];

/// Returns true if `name` is a section word rather than an outlet ("U.S.", "World News").
pub fn is_section_word(name: &str) -> bool {
    let k = key(name);
    SECTION_WORDS.iter().any(|w| key(w) == k)
}

/// Words that start a line which is a label, a credit or a date, never an outlet's name.
const NOT_A_NAME_START: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last updated",
    "modified",
    "copyright",
    "from",
    "by",
    "photo",
    "photos",
    "video",
    "image",
    "images",
    "credit",
    "credits",
    "source",
    "sources",
    "file",
    "getty",
    "courtesy",
    "read",
    "watch",
    "listen",
    "share",
    "follow",
    "email",
    "subscribe",
    "sign",
    "click",
    "more",
    "related",
    "see",
    "go to",
    "all rights",
];

/// Returns true for a weekday's name or abbreviation ("Monday", "mon").
fn is_weekday(word: &str) -> bool {
    crate::calendar::WEEKDAYS
        .iter()
        .any(|d| *d == word || d[..3] == *word)
}

/// Returns true if `name` can be an outlet's name: a short name, not a section, date, time,
/// address, credit, label or place in capitals. Names the table knows always can.
pub fn plausible(name: &str, table: &OutletTable) -> bool {
    let name = name.trim();
    if table.canonical(name).is_some() {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || name.chars().count() > 60 {
        return false;
    }
    let lower = name.to_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || lower.contains('@') {
        return false;
    }
    if is_section_word(name) {
        return false;
    }
    let k = key(name);
    if NOT_A_NAME_START
        .iter()
        .any(|w| k == *w || k.starts_with(&format!("{w} ")))
        || lower.starts_with('©')
    {
        return false;
    }
    // A person and an outlet ("Jill Colvin, Associated Press"), a list, a credit with a via.
    if name.contains([',', ';', ':']) || k.split(' ').any(|w| w == "via") {
        return false;
    }
    // Dates and times: a full date, a clock time, a weekday, a month with a day.
    if !find_dates(name).is_empty()
        || name.contains(':') && name.chars().any(|c| c.is_ascii_digit())
        || k.split(' ')
            .any(|w| is_weekday(w) || w == "am" || w == "pm")
    {
        return false;
    }
    let digits = name.chars().filter(char::is_ascii_digit).count();
    if digits >= 4 {
        return false; // a year, a phone number
    }
    // One word in capitals longer than an acronym is a dateline's place ("HELSINKI").
    if words.len() == 1
        && name.chars().count() >= 5
        && name.chars().all(|c| !c.is_lowercase())
        && name.chars().any(char::is_uppercase)
    {
        return false;
    }
    // Every word must start with a capital letter or a digit, but small joining words.
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        !first.is_lowercase()
            || [
                "of", "and", "de", "da", "do", "del", "la", "le", "el", "the", "for", "on",
            ]
            .contains(&w.to_lowercase().as_str())
    })
}

/// Tidies an outlet name found in a page's text or metadata: a person before a known outlet
/// goes ("Jill Colvin, Associated Press" → "The Associated Press"), a weekday after it too
/// ("Associated Press Monday"), a name written twice is kept once ("CNN, CNN"). `None` if
/// what is left is not [`plausible`].
pub fn tidy(name: &str, table: &OutletTable) -> Option<String> {
    let name = name
        .trim()
        .trim_matches(|c: char| c == '|' || c == '-' || c == '—');
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(known) = table.canonical(name) {
        return Some(known.to_string());
    }
    // The same name twice, or a known outlet as one of several parts.
    let parts: Vec<&str> = name
        .split([',', '|', ';', '·'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        if parts.iter().all(|p| key(p) == key(parts[0])) {
            return tidy(parts[0], table);
        }
        return parts
            .iter()
            .rev()
            .find_map(|p| table.canonical(p))
            .map(str::to_string);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some((last, rest)) = words.split_last() {
        if !rest.is_empty() && is_weekday(&last.to_lowercase()) {
            return tidy(&rest.join(" "), table);
        }
    }
    // "AP Photo", "Reuters TV": an agency's credit, which names the agency.
    plausible(name, table).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_hosts_name_one_outlet() {
        let t = OutletTable::default();
        for name in [
            "AP",
            "Associated Press",
            "the associated press",
            "apnews.com",
        ] {
            assert_eq!(t.canonical(name), Some("The Associated Press"), "{name}");
        }
        assert_eq!(t.canonical("L.A. Times"), Some("Los Angeles Times"));
        assert_eq!(
            t.by_host("https://www.reuters.com/article/x"),
            Some("Reuters")
        );
        assert_eq!(
            t.by_host("https://edition.cnn.com/2018/06/01/x"),
            Some("CNN")
        );
        assert_eq!(t.by_host("https://news.yahoo.com/x"), Some("Yahoo News"));
        assert_eq!(t.by_host("yahoo.com/news"), Some("Yahoo News"));
        assert_eq!(t.by_host("https://unknown.example/x"), None);
        assert!(t.is_wire("Reuters") && t.is_wire("AFP") && !t.is_wire("CNN"));
    }

    #[test]
    fn the_config_adds_names_and_spellings() {
        let mut t = OutletTable::default();
        t.add("Example News", ["ExNews", "news.example.com"], false);
        t.add("AP", ["A.P."], true);
        assert_eq!(t.canonical("exnews"), Some("Example News"));
        assert_eq!(
            t.by_host("https://news.example.com/a"),
            Some("Example News")
        );
        assert_eq!(t.canonical("Associated Press"), Some("AP"));
    }

    #[test]
    fn what_is_not_an_outlet() {
        let t = OutletTable::default();
        for bad in [
            "U.S.",
            "World",
            "Hosted",
            "More Headlines",
            "Updated 2:08 AM ET, Thu",
            "Updated 6:35 PM ET, Fri",
            "Sunday, July 15, 2018",
            "Copyright 2014",
            "HELSINKI",
            "https://www.facebook.com/CBSNews",
            "From Spotify via CNN",
            "Mikhail Klimentyev, Associated Press Photographer",
            "Email Bio Follow",
            "Purchase: Order Reprint",
            "a lowercase phrase",
        ] {
            assert!(!plausible(bad, &t), "{bad}");
        }
        for good in [
            "Sputnik",
            "Global Research",
            "TRT World",
            "Mediaite",
            "KTLA 5",
            "AP",
        ] {
            assert!(plausible(good, &t), "{good}");
        }
    }

    #[test]
    fn tidying_keeps_the_outlet_of_a_credit() {
        let t = OutletTable::default();
        let tidy = |s| tidy(s, &t);
        assert_eq!(
            tidy("Jill Colvin, Associated Press").as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(tidy("Lucas Shaw, Bloomberg").as_deref(), Some("Bloomberg"));
        assert_eq!(
            tidy("Associated Press Monday").as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(
            tidy("Example Times, Example Times").as_deref(),
            Some("Example Times")
        );
        assert_eq!(tidy("From Spotify via CNN"), None);
        assert_eq!(tidy("Updated 6:35 PM ET, Fri"), None);
        assert_eq!(tidy("Mikhail Klimentyev, Someone Else"), None);
    }
}
