//! Metadata a page declares: `<meta>`, Open Graph, `<link rel=canonical>`, JSON-LD.

use super::entities::decode_entities;
use super::lexer::{Lexer, Tag, Token};
use super::{is_absolute_url, is_sensible_title, strip_site_name};
use crate::corpus::dates::PubDate;
use crate::corpus::normalize::normalize_field;
use crate::corpus::{outlets, Metadata};

/// Metadata candidates a page declares, each the first one found, normalised to one line.
#[derive(Debug, Default)]
pub(super) struct DeclaredMeta {
    /// `og:title`, `twitter:title`.
    og_title: Option<String>,
    ld_headline: Option<String>,
    title_element: Option<String>,
    first_h1: Option<String>,
    /// `og:site_name`, `application-name`.
    site_name: Option<String>,
    ld_publisher: Option<String>,
    ld_site: Option<String>,
    /// `article:published_time` and its many synonyms, still as written.
    date: Option<String>,
    /// `<time pubdate>` or `<time itemprop="datePublished">`: the page's visible date.
    time_pubdate: Option<String>,
    ld_date: Option<String>,
    author: Option<String>,
    ld_author: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    ld_url: Option<String>,
}

/// `<meta>` names and properties (lower case) for the publication date.
const DATE_META: [&str; 14] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// `<meta>` names and properties (lower case) for the author.
const AUTHOR_META: [&str; 6] = [
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
];

/// `<script type="application/ld+json">` blocks larger than this are not read: real ones
/// are a few kilobytes, and parsing is the one non-trivial cost of the scan.
const MAX_JSON_LD_BYTES: usize = 256 * 1024;

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = normalize_field(value);
    }
}

impl DeclaredMeta {
    /// Scans a page in one linear pass of [`Lexer`].
    pub(super) fn scan(html: &str) -> DeclaredMeta {
        let mut meta = DeclaredMeta::default();
        let mut in_svg = 0usize;
        // Text of the first <h1> while it is being read.
        let mut h1: Option<String> = None;
        let mut pending: Option<Pending> = None;
        for token in Lexer::new(html) {
            match token {
                Token::Tag(tag) if tag.is_end => {
                    if tag.is("svg") {
                        in_svg = in_svg.saturating_sub(1);
                    } else if tag.is("h1") {
                        if let Some(text) = h1.take() {
                            set_once(&mut meta.first_h1, &text);
                        }
                    }
                    pending = None;
                }
                Token::Tag(tag) => {
                    pending = None;
                    if tag.is("svg") && !tag.self_closing {
                        in_svg += 1;
                    } else if tag.is("meta") {
                        meta.read_meta_tag(&tag);
                    } else if tag.is("link") {
                        let is_canonical = tag.attr("rel").is_some_and(|rel| {
                            rel.split_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("canonical"))
                        });
                        if let Some(href) = tag.attr("href").filter(|_| is_canonical) {
                            set_once(&mut meta.canonical, &href);
                        }
                    } else if tag.is("title") && in_svg == 0 {
                        pending = Some(Pending::Title);
                    } else if tag.is("script") {
                        let is_json_ld = tag
                            .attr("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                        pending = is_json_ld.then_some(Pending::JsonLd);
                    } else if tag.is("time") {
                        let published = tag.attr("pubdate").is_some()
                            || tag
                                .attr("itemprop")
                                .is_some_and(|p| p.trim().eq_ignore_ascii_case("datepublished"));
                        if let Some(when) = tag.attr("datetime").filter(|_| published) {
                            set_once(&mut meta.time_pubdate, &when);
                        }
                    } else if tag.is("h1") && meta.first_h1.is_none() {
                        h1 = Some(String::new());
                    }
                }
                Token::RawText(text) => match pending.take() {
                    Some(Pending::Title) => {
                        set_once(&mut meta.title_element, &decode_entities(text))
                    }
                    Some(Pending::JsonLd) if text.len() <= MAX_JSON_LD_BYTES => {
                        meta.read_json_ld(text)
                    }
                    _ => {}
                },
                Token::Text(text) => {
                    if let Some(h1) = &mut h1 {
                        h1.push_str(&decode_entities(text));
                    }
                }
                Token::Comment => {}
            }
        }
        meta
    }

    fn read_meta_tag(&mut self, tag: &Tag<'_>) {
        let Some(key) = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| tag.attr(a))
        else {
            return;
        };
        let Some(content) = tag.attr("content") else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" => set_once(&mut self.og_title, &content),
            "og:site_name" | "application-name" => set_once(&mut self.site_name, &content),
            "og:url" => set_once(&mut self.og_url, &content),
            k if DATE_META.contains(&k) => set_once(&mut self.date, &content),
            // `article:author` is often a profile URL rather than a name.
            k if AUTHOR_META.contains(&k) && !is_absolute_url(content.trim()) => {
                set_once(&mut self.author, strip_by(&content));
            }
            _ => {}
        }
    }

    /// Reads the article-like objects of a JSON-LD block (top level, arrays and `@graph`).
    fn read_json_ld(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        fn push_all<'v>(value: &'v serde_json::Value, nodes: &mut Vec<&'v serde_json::Value>) {
            match value {
                serde_json::Value::Array(items) => nodes.extend(items.iter()),
                other => nodes.push(other),
            }
        }
        let mut nodes = Vec::new();
        push_all(&value, &mut nodes);
        let graphs: Vec<&serde_json::Value> =
            nodes.iter().filter_map(|n| n.get("@graph")).collect();
        for graph in graphs {
            push_all(graph, &mut nodes);
        }
        for node in nodes {
            let types = json_ld_types(node);
            let is_article = types.iter().any(|t| {
                t.ends_with("Article")
                    || t.ends_with("Posting")
                    || *t == "Report"
                    || *t == "ClaimReview"
            });
            if is_article {
                if let Some(headline) = node.get("headline").or_else(|| node.get("name")) {
                    set_json_text(&mut self.ld_headline, headline);
                }
                if let Some(date) = node
                    .get("datePublished")
                    .or_else(|| node.get("dateCreated"))
                {
                    set_json_text(&mut self.ld_date, date);
                }
                if let Some(author) = node.get("author").and_then(json_names) {
                    set_once(&mut self.ld_author, strip_by(&author));
                }
                if let Some(publisher) = node.get("publisher").and_then(json_names) {
                    set_once(&mut self.ld_publisher, &publisher);
                }
                let url = node.get("url").or_else(|| node.get("mainEntityOfPage"));
                if let Some(url) = url.and_then(|u| u.as_str().or_else(|| u.get("@id")?.as_str())) {
                    set_once(&mut self.ld_url, url);
                }
            } else if types
                .iter()
                .any(|t| *t == "NewsMediaOrganization" || *t == "WebSite")
            {
                if let Some(name) = node.get("name") {
                    set_json_text(&mut self.ld_site, name);
                }
            }
        }
    }

    pub(super) fn into_metadata(self) -> Metadata {
        // The publisher the article object names first; `og:site_name` often holds a section
        // ("U.S.") or a tagline, so it counts only when it is a plausible name.
        let table = outlets::built_in();
        let outlet = [self.ld_publisher, self.site_name, self.ld_site]
            .into_iter()
            .flatten()
            .find_map(|name| outlets::tidy(&name, table));
        let title = [
            self.og_title,
            self.ld_headline,
            self.title_element,
            self.first_h1,
        ]
        .into_iter()
        .flatten()
        .map(|t| strip_site_name(&t, outlet.as_deref()))
        .find(|t| is_sensible_title(t, outlet.as_deref()));
        let date = [self.date, self.ld_date, self.time_pubdate]
            .into_iter()
            .flatten()
            .find_map(|d| PubDate::parse(&d));
        let url = [self.og_url, self.canonical, self.ld_url]
            .into_iter()
            .flatten()
            .find(|u| is_absolute_url(u));
        Metadata {
            title,
            outlet,
            date,
            author: self.author.or(self.ld_author),
            url,
            ..Metadata::default()
        }
    }
}

/// What the raw text after the current start tag is for.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Title,
    JsonLd,
}

/// Removes a leading "By " from a byline.
fn strip_by(byline: &str) -> &str {
    let trimmed = byline.trim_start();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &trimmed[3..],
        _ => trimmed,
    }
}

/// The `@type` of a JSON-LD node, which may be one string or a list.
fn json_ld_types(node: &serde_json::Value) -> Vec<&str> {
    match node.get("@type") {
        Some(serde_json::Value::String(t)) => vec![t.as_str()],
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn set_json_text(slot: &mut Option<String>, value: &serde_json::Value) {
    if let Some(text) = value.as_str() {
        set_once(slot, text);
    }
}

/// A person or organisation as JSON-LD writes it: a string, `{"name": ...}`, or a list of
/// those (joined with ", ").
fn json_names(value: &serde_json::Value) -> Option<String> {
    let name = |v: &serde_json::Value| -> Option<String> {
        let text = v.as_str().or_else(|| v.get("name")?.as_str())?;
        normalize_field(text)
    };
    let names: Vec<String> = match value {
        serde_json::Value::Array(items) => items.iter().filter_map(name).collect(),
        single => name(single).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}
