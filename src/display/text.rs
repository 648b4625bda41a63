//! Display text: strings from article files made safe for the terminal, measured in cells,
//! truncated and wrapped.
//!
//! Every string that comes from a file (titles, outlets, paths, body text, load warnings)
//! passes through [`sanitize`] (or [`wrap`], which sanitises) before it reaches a ratatui
//! `Span`: the loader strips control characters too, but a terminal escape sequence in a
//! title must not depend on another module to stay harmless.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

// One sanitiser for every string that reaches the terminal, shared with the command line.
pub use crate::safe_text::sanitize;
use crate::safe_text::stand_in;

/// Returns the number of terminal cells `text` takes, summed per grapheme as ratatui's
/// buffer does.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Shortens `text` to at most `max_width` cells, ending with `…` when something was cut.
///
/// `truncate("Baghdad defies Washington", 10)` → `"Baghdad d…"`.
pub fn truncate(text: &str, max_width: usize) -> Cow<'_, str> {
    if width(text) <= max_width {
        return Cow::Borrowed(text);
    }
    if max_width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > max_width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// One wrapped line, and where each of its words came from in the wrapped text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrappedLine {
    /// The line as displayed: sanitised, words separated by one space.
    pub text: String,
    /// Per word (or piece of a word cut at the end of a line), in order: its byte range in
    /// `text` and its byte range in the source. Empty for the blank line between paragraphs.
    pub words: Vec<(Range<usize>, Range<usize>)>,
}

/// A unit the wrapper never splits unless it is wider than a whole line.
struct Token<'a> {
    /// The token as it is in the source.
    source: &'a str,
    /// Where `source` starts in the wrapped text.
    offset: usize,
    /// `source`, sanitised.
    text: Cow<'a, str>,
    width: usize,
    /// True if a space separates this token from the previous one on the same line.
    is_spaced: bool,
}

/// Returns true for the characters that separate words. Controls that [`sanitize`] turns
/// into visible symbols (a vertical tab, `U+0085`) are shown, not taken for spaces.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c.is_whitespace() && stand_in(c).is_none())
}

/// Splits a line into words at whitespace, and around every wide (CJK) grapheme, since
/// Chinese and Japanese break lines between characters rather than at spaces. `offset` is
/// where `line` starts in the wrapped text.
fn tokens(line: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut is_spaced = false;
    let mut pending_space = false;
    let token = |s: usize, e: usize, is_spaced: bool| {
        let text = sanitize(&line[s..e]);
        Token {
            source: &line[s..e],
            offset: offset + s,
            width: width(&text),
            text,
            is_spaced,
        }
    };
    for (i, g) in line.grapheme_indices(true) {
        if g.chars().all(is_space) {
            if let Some(s) = start.take() {
                out.push(token(s, i, is_spaced));
            }
            pending_space = true;
            continue;
        }
        if width(&sanitize(g)) >= 2 {
            if let Some(s) = start.take() {
                out.push(token(s, i, is_spaced));
                pending_space = false;
            }
            out.push(token(i, i + g.len(), pending_space));
            pending_space = false;
            continue;
        }
        if start.is_none() {
            start = Some(i);
            is_spaced = pending_space;
            pending_space = false;
        }
    }
    if let Some(s) = start {
        out.push(token(s, line.len(), is_spaced));
    }
    out
}

/// Appends `text` (from `source` in the wrapped text) to `line` as one word.
fn push_word(line: &mut WrappedLine, text: &str, source: Range<usize>) {
    let start = line.text.len();
    line.text.push_str(text);
    line.words.push((start..line.text.len(), source));
}

/// Wraps one line (already free of line breaks) to `columns` cells, breaking at spaces and
/// between wide graphemes; a word wider than the line is cut between graphemes.
fn wrap_line(line: &str, offset: usize, columns: usize, out: &mut Vec<WrappedLine>) {
    let mut current = WrappedLine::default();
    let mut current_width = 0;
    for token in tokens(line, offset) {
        let gap = usize::from(token.is_spaced && !current.text.is_empty());
        let source = token.offset..token.offset + token.source.len();
        if current_width + gap + token.width <= columns {
            if gap == 1 {
                current.text.push(' ');
            }
            push_word(&mut current, &token.text, source);
            current_width += gap + token.width;
            continue;
        }
        if !current.text.is_empty() {
            out.push(std::mem::take(&mut current));
            current_width = 0;
        }
        if token.width <= columns {
            push_word(&mut current, &token.text, source);
            current_width = token.width;
            continue;
        }
        // Longer than a line (a URL, a run of commas): cut it where the line is full.
        let mut piece: Option<(usize, Range<usize>)> = None;
        for (i, g) in token.source.grapheme_indices(true) {
            let g_text = sanitize(g);
            let w = width(&g_text);
            if current_width + w > columns && !current.text.is_empty() {
                if let Some((start, source)) = piece.take() {
                    let end = current.text.len();
                    current.words.push((start..end, source));
                }
                out.push(std::mem::take(&mut current));
                current_width = 0;
            }
            let at = token.offset + i;
            match &mut piece {
                Some((_, source)) => source.end = at + g.len(),
                None => piece = Some((current.text.len(), at..at + g.len())),
            }
            current.text.push_str(&g_text);
            current_width += w;
        }
        if let Some((start, source)) = piece {
            let end = current.text.len();
            current.words.push((start..end, source));
        }
    }
    if !current.text.is_empty() {
        out.push(current);
    }
}

/// Wraps untrusted text to lines of at most `width` cells (a single grapheme wider than
/// `width` still gets a line of its own), sanitising each line.
///
/// Paragraphs are separated by one blank line, however many the text had; line breaks
/// inside a paragraph are kept (lists, addresses). Leading spaces are not kept.
///
/// `wrap("one two three\n\n\nfour", 8)` → `["one two", "three", "", "four"]`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_mapped(text, width)
        .into_iter()
        .map(|line| line.text)
        .collect()
}

/// Wraps as [`wrap`] does, keeping where each word came from, so that stretches of the
/// text given by byte offsets can be found on screen.
pub fn wrap_mapped(text: &str, width: usize) -> Vec<WrappedLine> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    let mut is_paragraph_start = true;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_offset = offset;
        offset += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.chars().all(is_space) {
            is_paragraph_start = true;
            continue;
        }
        if is_paragraph_start && !out.is_empty() {
            out.push(WrappedLine::default());
        }
        is_paragraph_start = false;
        wrap_line(line, line_offset, width, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[track_caller]
    fn assert_wraps(text: &str, width: usize, expected: &[&str]) {
        let lines = wrap(text, width);
        assert_eq!(lines, expected, "wrapping {text:?} at {width}");
        for line in &lines {
            let w = super::width(line);
            assert!(
                w <= width || line.graphemes(true).count() == 1,
                "{line:?} is {w} wide"
            );
        }
    }

    #[test]
    fn wrap_breaks_at_word_boundaries() {
        assert_wraps(
            "Iraq and Russia agree to share intelligence",
            15,
            &["Iraq and Russia", "agree to share", "intelligence"],
        );
        assert_wraps("exactly ten", 11, &["exactly ten"]);
        assert_wraps("  spaced    out  words ", 8, &["spaced", "out", "words"]);
    }

    #[test]
    fn wrap_keeps_one_blank_line_between_paragraphs() {
        assert_wraps(
            "one two three\n\n\n\nfour\r\nfive\n\n",
            8,
            &["one two", "three", "", "four", "five"],
        );
        assert_wraps("\n\n  \nfirst", 10, &["first"]);
        assert_wraps("", 10, &[]);
    }

    #[test]
    fn wrap_counts_cjk_as_two_cells_and_breaks_between_characters() {
        // Nine ideographs are 18 cells: five fit in 11 cells, the other four go on.
        assert_wraps("伊拉克与俄罗斯合作", 11, &["伊拉克与俄", "罗斯合作"]);
        assert_wraps("Iraq 伊拉克 Russia", 9, &["Iraq 伊拉", "克 Russia"]);
        assert_wraps("日本語", 1, &["日", "本", "語"]);
    }

    #[test]
    fn wrap_measures_emoji_as_two_cells() {
        assert_wraps("news 📰 today 🇮🇶 flag", 8, &["news 📰", "today 🇮🇶", "flag"]);
        // A ZWJ family is one grapheme and is never split.
        assert_wraps("👨‍👩‍👧 ok", 3, &["👨‍👩‍👧", "ok"]);
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_the_line() {
        assert_wraps(
            "see https://example.com/a/very/long/path now",
            10,
            &[
                "see",
                "https://ex",
                "ample.com/",
                "a/very/lon",
                "g/path now",
            ],
        );
        assert_wraps("ab", 1, &["a", "b"]);
    }

    #[test]
    fn wrap_mapped_tells_where_each_word_came_from() {
        let text = "one  two\tthree\n\n\x1bfour https://x.y/z";
        let lines = wrap_mapped(text, 9);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["one two", "three", "", "␛four", "https://x", ".y/z"]
        );
        for line in &lines {
            for (shown, source) in &line.words {
                assert_eq!(
                    sanitize(&text[source.clone()]),
                    &line.text[shown.clone()],
                    "{line:?}"
                );
            }
        }
        assert_eq!(lines[0].words[1].1, 5..8);
        assert_eq!(lines[3].words[0].1, 16..21);
        assert!(lines[2].words.is_empty());
        assert_eq!(wrap_mapped("日本", 1)[1].words, [(0..3, 3..6)]);
    }

    #[test]
    fn wrap_with_zero_width_gives_nothing() {
        assert_eq!(wrap("text", 0), Vec::<String>::new());
    }

    #[test]
    fn wrap_sanitises_every_line() {
        let lines = wrap("red \x1b[31mtext\x07\n\nnext\u{9b}2J", 40);
        assert_eq!(lines, ["red ␛[31mtext␇", "", "next\u{FFFD}2J"]);
    }

    #[test]
    fn sanitize_replaces_controls_with_visible_symbols() {
        assert_eq!(sanitize("\x1b[31mred"), "␛[31mred");
        assert_eq!(sanitize("\x1b]0;pwned\x07"), "␛]0;pwned␇");
        assert_eq!(sanitize("\u{9b}31m"), "\u{FFFD}31m");
        assert_eq!(sanitize("a\u{7f}b\0"), "a␡b␀");
        assert_eq!(sanitize("tab\tnew\nline\r"), "tab new line ");
        assert_eq!(sanitize("abc\u{202E}def"), "abc\u{FFFD}def");
        assert!(sanitize("\u{85}").chars().all(|c| !c.is_control()));
    }

    #[test]
    fn sanitize_borrows_clean_text() {
        assert!(matches!(
            sanitize("Hakem al-Zameli — “yes” 伊拉克 📰"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn truncate_adds_an_ellipsis_within_the_width() {
        assert_eq!(truncate("Baghdad defies Washington", 10), "Baghdad d…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("short", 0), "");
        assert_eq!(truncate("伊拉克与俄罗斯", 6), "伊拉…");
        assert_eq!(width(&truncate("伊拉克与俄罗斯", 5)), 5);
    }
}
