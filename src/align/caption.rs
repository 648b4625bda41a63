//! Photo captions and credit lines: text about a picture, not a claim of the story.
//!
//! News pages carry captions ("FILE - In this May 1, 2018, file photo, …"), often with the
//! story's lead repeated after them, and credit lines ("(AP Photo/Mark Lennihan)",
//! "Photo: Getty Images"). Wire copies repeat them word for word, so they align, but a reader
//! does not want "a photo of R. Kelly" among the claims outlets share. The rules are general
//! conventions of news captions, not lists of outlets.

use super::terms::Analysis;

/// Words that mark a credit for a picture (compared lowercased).
const CREDIT_MARKS: &[&str] = &[
    "ap photo",
    "afp photo",
    "getty images",
    "photo by",
    "photos by",
    "photo:",
    "photos:",
    "photograph:",
    "photograph by",
    "photo credit",
    "image credit",
    "image copyright",
    "image caption",
    "hide caption",
    "toggle caption",
    "file photo",
    "/ap)",
    "/ap,",
    "/ap/",
    "via ap",
    "/invision",
    "reuters/",
    "/reuters",
    "afp/",
    "/afp",
    "epa/",
    "/epa",
    "shutterstock",
    "creditcredit",
];

/// Longest paragraph (in sentences) that is taken whole as a caption: a page flattened to
/// one line must not lose its story to a caption inside it.
const MAX_CAPTION_SENTENCES: usize = 6;

/// Longest paragraph (in sentences) that a credit line on the next line marks as a caption.
const MAX_CREDITED_SENTENCES: usize = 3;

/// Most sentences from one caption mark to the next for the text between to be caption.
const MAX_BETWEEN_MARKS: usize = 4;

/// Longest credit line, in words, that marks the paragraph before it as a caption.
const MAX_CREDIT_WORDS: usize = 12;

fn has_credit(sentence: &str) -> bool {
    if sentence.is_ascii() {
        // Every sentence is checked: one pass, no lowercased copy (the marks are lowercase
        // ASCII, and ASCII text lowercases letter by letter).
        return credit_marks().is_match(sentence);
    }
    let lower = sentence.to_lowercase();
    CREDIT_MARKS.iter().any(|m| lower.contains(m))
}

fn credit_marks() -> &'static aho_corasick::AhoCorasick {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MARKS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CREDIT_MARKS)
            .expect("the credit marks are a short list")
    })
}

/// A caption's opening: "FILE - …", "In this June 30, 2013 file photo, …", "This March 20,
/// 2018, photo shows …".
fn opens_caption(sentence: &str) -> bool {
    let s = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let upper_file = s.starts_with("FILE")
        && s[4..]
            .trim_start()
            .starts_with(['-', '–', '—', ':'].as_slice());
    if upper_file {
        return true;
    }
    // Most sentences open with another word: the rest need not be lowercased.
    let opener = s.split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if !matches!(opener.as_deref(), Some("in" | "this" | "these")) {
        return false;
    }
    let words: Vec<String> = s
        .split_whitespace()
        .take(14)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let picture = |w: &String| {
        matches!(
            w.as_str(),
            "photo" | "photograph" | "picture" | "image" | "images" | "photos" | "grab"
        )
    };
    match words.first().map(String::as_str) {
        Some("in") => {
            words.get(1).is_some_and(|w| w == "this" || w == "these")
                && words[2..].iter().any(picture)
        }
        Some("this") | Some("these") => words.iter().position(picture).is_some_and(|p| {
            words
                .get(p + 1)
                .is_some_and(|w| matches!(w.as_str(), "shows" | "show" | "provided"))
        }),
        _ => false,
    }
}

/// Whether a paragraph ends with a credit in brackets: "… (AP Photo/J. Scott Applewhite, File)".
fn ends_with_credit(paragraph: &str) -> bool {
    let p = paragraph.trim_end();
    if !p.ends_with(')') {
        return false;
    }
    match p.rfind('(') {
        Some(open) => has_credit(&p[open..]),
        None => false,
    }
}

/// Per sentence of an article, whether it is part of a photo caption or a credit line.
pub fn caption_sentences(text: &str, analysis: &Analysis) -> Vec<bool> {
    let sentences = &analysis.seg.sentences;
    let mut out: Vec<bool> = sentences
        .iter()
        .map(|s| {
            let t = &text[s.start..s.end];
            has_credit(t) || opens_caption(t)
        })
        .collect();
    // Paragraphs: runs of sentences with one paragraph number.
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        match paragraphs.last_mut() {
            Some(p) if sentences[p.0].paragraph == s.paragraph => p.1 = i + 1,
            _ => paragraphs.push((i, i + 1)),
        }
    }
    let words =
        |(a, b): (usize, usize)| -> usize { (a..b).map(|i| sentences[i].tokens.len()).sum() };
    let credit_only = |(a, b): (usize, usize)| {
        words((a, b)) <= MAX_CREDIT_WORDS
            && (a..b).any(|i| has_credit(&text[sentences[i].start..sentences[i].end]))
    };
    for (k, &(a, b)) in paragraphs.iter().enumerate() {
        // Between two caption marks a few sentences apart, the text is the caption's too
        // (a page that runs its captions into one line).
        let mut last: Option<usize> = None;
        for i in a..b {
            if out[i] {
                if let Some(l) = last.filter(|&l| i - l <= MAX_BETWEEN_MARKS) {
                    out[l..i].iter_mut().for_each(|c| *c = true);
                }
                last = Some(i);
            }
        }
        if b - a > MAX_CAPTION_SENTENCES {
            continue;
        }
        let body = &text[sentences[a].start..sentences[b - 1].end];
        // A caption paragraph: it opens like a caption, ends with a bracketed credit or a
        // credit line, or a credit line follows it.
        let whole = opens_caption(&text[sentences[a].start..sentences[a].end])
            || ends_with_credit(body)
            || (b - a > 1 && out[b - 1] && credit_only((b - 1, b)))
            || (b - a <= MAX_CREDITED_SENTENCES
                && paragraphs.get(k + 1).is_some_and(|&next| credit_only(next)));
        if whole {
            out[a..b].iter_mut().for_each(|c| *c = true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::terms::{analyze, Aliases};
    use super::*;

    fn captions(text: &str) -> Vec<String> {
        let analysis = analyze(text, &Aliases::new(&[]));
        let flags = caption_sentences(text, &analysis);
        analysis
            .seg
            .sentences
            .iter()
            .zip(flags)
            .filter(|(_, c)| *c)
            .map(|(s, _)| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn wire_photo_captions_and_credit_lines_are_captions() {
        let text = "Spotify is backpedaling on its policy. The company said so on Friday.\n\
FILE - In this April 23, 2019 file photo, activists rally outside the court. A new filing alleges a role in the change. (AP Photo/J. Scott Applewhite, File)\n\
The change was announced in spring.\n\
The Spotify logo, displayed on a tablet screen in Paris.\n\
Lionel Bonaventure / Getty Images\n\
In this June 30, 2013 file photo, R. Kelly performs at the BET Awards in Los Angeles.\n\
NEW YORK (AP) — Spotify's chief says the policy was rolled out wrong.";
        let got = captions(text);
        assert!(
            got.iter().any(|s| s.starts_with("FILE - In this April")),
            "{got:?}"
        );
        assert!(got.iter().any(|s| s.starts_with("A new filing")), "{got:?}");
        assert!(
            got.iter().any(|s| s.starts_with("The Spotify logo")),
            "{got:?}"
        );
        assert!(got.iter().any(|s| s.starts_with("Lionel")), "{got:?}");
        assert!(
            got.iter().any(|s| s.starts_with("In this June 30")),
            "{got:?}"
        );
        // The story itself, and a dateline credit of the wire, are not captions.
        for s in &got {
            assert!(!s.starts_with("Spotify is"), "{got:?}");
            assert!(!s.starts_with("The company said"), "{got:?}");
            assert!(!s.starts_with("The change was"), "{got:?}");
            assert!(!s.starts_with("NEW YORK"), "{got:?}");
        }
    }

    #[test]
    fn ordinary_sentences_about_photos_are_not_captions() {
        let text = "In this case, the court ruled against the photographer.\n\
This image problem shows no sign of fading, he said.\n\
In a photo posted on Instagram, the singer thanked his fans.";
        assert!(captions(text).is_empty(), "{:?}", captions(text));
    }
}
