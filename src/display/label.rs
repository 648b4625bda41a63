//! How an article is named on screen and in print: one place reads its metadata for
//! display, trims it, drops what is empty and sanitises what comes from the file.

use super::text::sanitize;
use crate::corpus::Article;

/// A metadata field as shown: trimmed and sanitised, `None` when missing or blank.
fn field(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| sanitize(s).into_owned())
}

/// The article's id, sanitised.
pub fn id(article: &Article) -> String {
    sanitize(&article.id).into_owned()
}

/// The title, else the id.
pub fn title(article: &Article) -> String {
    field(article.meta.title.as_deref()).unwrap_or_else(|| id(article))
}

/// The title, if the file gave one.
pub fn title_if_any(article: &Article) -> Option<String> {
    field(article.meta.title.as_deref())
}

pub fn outlet(article: &Article) -> Option<String> {
    field(article.meta.outlet.as_deref())
}

/// The date as the file gave it (normalised by the loader).
pub fn date(article: &Article) -> Option<String> {
    field(article.meta.date.as_deref())
}

pub fn author(article: &Article) -> Option<String> {
    field(article.meta.author.as_deref())
}

/// The article's address on the web, if the file gave one.
pub fn url(article: &Article) -> Option<String> {
    field(article.meta.url.as_deref())
}

/// The day of the date (`2015-10-25` of `2015-10-25T10:00:00Z`).
pub fn short_date(article: &Article) -> Option<String> {
    let date = date(article)?;
    let day = date.split('T').next().unwrap_or(&date).to_string();
    (!day.is_empty()).then_some(day)
}

/// The outlet, else the id: something short that tells articles apart.
pub fn outlet_or_id(article: &Article) -> String {
    outlet(article).unwrap_or_else(|| id(article))
}

/// `003 · Sputnik International · 2015-10-09`: id, then outlet and date when known.
pub fn head_line(article: &Article) -> String {
    let mut parts = vec![id(article)];
    parts.extend(outlet(article));
    parts.extend(date(article));
    parts.join(" · ")
}

/// `003 (Sputnik International, 2015-10-09)`, leaving out what is unknown.
pub fn describe(article: &Article) -> String {
    let known: Vec<String> = outlet(article).into_iter().chain(date(article)).collect();
    if known.is_empty() {
        id(article)
    } else {
        format!("{} ({})", id(article), known.join(", "))
    }
}

/// Who speaks in an article, for counting voices: its outlet (case and edge spaces
/// aside); an article without one speaks alone. Two articles of one outlet are one voice.
pub fn voice(article: &Article) -> String {
    match article.meta.outlet.as_deref().map(str::trim) {
        Some(outlet) if !outlet.is_empty() => outlet.to_lowercase(),
        _ => format!("\0{}", article.id),
    }
}

/// Short names for articles: each id's part before its first `_`, `-`, `.` or space when
/// those parts tell every article apart (`003_b5e1fbffe1debdfc` → `003`), else whole ids.
pub fn short_ids(articles: &[Article]) -> Vec<String> {
    let prefix = |id: &str| -> String {
        let end = id.find(['_', '-', '.', ' ']).unwrap_or(id.len());
        sanitize(&id[..end]).into_owned()
    };
    let mut short: Vec<String> = articles.iter().map(|a| prefix(&a.id)).collect();
    let mut sorted: Vec<&str> = short.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let is_unique = sorted.windows(2).all(|w| w[0] != w[1]);
    if !is_unique || short.iter().any(String::is_empty) {
        short = articles
            .iter()
            .map(|a| sanitize(&a.id).into_owned())
            .collect();
    }
    short
}
