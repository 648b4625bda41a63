//! The reader: one article's metadata and text, wrapped to the window and scrolled.
//!
//! Once the corpus is aligned, the passages other articles share are marked: a bar in the
//! gutter (solid for word-for-word copies, dashed for paraphrases), the shared words tinted,
//! and above each shared stretch a note naming the outlets that share it. The "unique" view
//! shows only what no other article says.
//!
//! Wrapping and marking happen when the article, the width, the view or the alignment
//! changes ([`ReaderState::relayout`]), never while drawing: `render` only copies the
//! cached lines on screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::align::{Alignment, PairKind};
use crate::corpus::{Article, Corpus};
use crate::display::label;
use crate::display::text::{sanitize, truncate, width, wrap, wrap_mapped, WrappedLine};
use crate::display::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::screens::{Screen, ScreenState, WHEEL_LINES};
use crate::tui::theme::{Role, Theme};

/// Lines wider than this are hard to read; wider windows centre a column of this width.
const MAX_TEXT_WIDTH: u16 = 100;

/// At most this many lines of a long title are shown; the rest is cut with an ellipsis.
const MAX_TITLE_LINES: usize = 2;

/// Cells of the gutter left of the text: the mark and a space.
const GUTTER_WIDTH: usize = 2;

/// Text columns narrower than this have no gutter: the text needs the room more.
const MIN_WIDTH_FOR_GUTTER: usize = 24;

/// Which text the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The cleaned text, shared passages marked once the alignment is ready.
    Clean,
    /// The text before cleaning, unmarked.
    Raw,
    /// Only the stretches of the cleaned text that no other article shares.
    Unique,
}

/// A stretch of the article shared with other articles: overlapping and adjacent pairs
/// merged, whoever they are with.
#[derive(Debug, Clone, PartialEq)]
struct Stretch {
    range: Range<usize>,
    /// "also in Sputnik International, TRT World (paraphrase)".
    note: String,
}

/// The other articles sharing a stretch, each with whether any of its pairs is verbatim.
type Partners = Vec<(usize, bool)>;

/// What the alignment says about the article shown.
#[derive(Debug, Clone, Default, PartialEq)]
struct Marks {
    /// In text order, not overlapping.
    stretches: Vec<Stretch>,
    /// The bytes aligned word for word with some article, merged, in text order; the rest
    /// of the stretches is paraphrase.
    verbatim: Vec<Range<usize>>,
    /// What no other article shares, in text order.
    unique: Vec<Range<usize>>,
    /// "62% shared with 3 articles".
    summary: String,
}

impl Marks {
    fn new(article: usize, text: &str, alignment: &Alignment, corpus: &Corpus) -> Marks {
        let clamp = |start: usize, end: usize| start.min(text.len())..end.min(text.len());
        let mut sides: Vec<(Range<usize>, usize, PairKind)> = alignment
            .pairs
            .iter()
            .filter_map(|pair| {
                let (this, other) = pair.oriented(article)?;
                let range = clamp(this.start, this.end);
                (!range.is_empty() && other.article != article).then_some((
                    range,
                    other.article,
                    pair.kind,
                ))
            })
            .collect();
        // Copies are aligned once (see `align::family`): what they share comes as links.
        for (this, other, kind) in crate::align::family::copy_links(alignment) {
            let range = clamp(this.start, this.end);
            if this.article == article && other != article && !range.is_empty() {
                sides.push((range, other, kind));
            }
        }
        sides.sort_by_key(|(range, other, _)| (range.start, range.end, *other));

        // Merge the pairs into stretches, remembering each stretch's partners and whether
        // any of its pairs with each is verbatim.
        let mut merged: Vec<(Range<usize>, Partners)> = Vec::new();
        let mut verbatim: Vec<Range<usize>> = Vec::new();
        for (range, other, kind) in sides {
            let is_verbatim = kind == PairKind::Verbatim;
            if is_verbatim {
                merge_into(&mut verbatim, range.clone(), text);
            }
            let joins = merged.last().is_some_and(|(last, partners)| {
                let is_same_source = partners.iter().any(|(o, _)| *o == other);
                continues(last, &range, text, is_same_source)
            });
            if !joins {
                merged.push((range.clone(), Vec::new()));
            }
            let (last, partners) = merged.last_mut().expect("pushed");
            last.end = last.end.max(range.end);
            match partners.iter_mut().find(|(o, _)| *o == other) {
                Some((_, v)) => *v |= is_verbatim,
                None => partners.push((other, is_verbatim)),
            }
        }

        let mut all_partners: Vec<usize> = Vec::new();
        let stretches = merged
            .into_iter()
            .map(|(range, mut partners)| {
                partners.sort_unstable();
                all_partners.extend(partners.iter().map(|(o, _)| *o));
                Stretch {
                    range,
                    note: note(&partners, corpus),
                }
            })
            .collect::<Vec<_>>();
        all_partners.sort_unstable();
        all_partners.dedup();

        let shared: usize = stretches.iter().map(|s| s.range.len()).sum();
        let summary = match all_partners.len() {
            0 => "nothing shared with another article".to_string(),
            n => {
                let percent = match shared * 100 / text.len().max(1) {
                    0 => "<1".to_string(),
                    p => p.to_string(),
                };
                let s = if n == 1 { "" } else { "s" };
                format!("{percent}% shared with {n} article{s}")
            }
        };
        let unique = alignment
            .unique_in(article)
            .filter_map(|span| {
                text.get(clamp(span.start, span.end))
                    .map(|t| (span.start, t))
            })
            .filter_map(|(start, t)| {
                // A stretch that starts where a shared clause ends begins with its comma.
                let trimmed =
                    t.trim_start_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
                let start = start + t.len() - trimmed.len();
                let trimmed = trimmed.trim_end();
                (!trimmed.is_empty()).then(|| start..start + trimmed.len())
            })
            .collect();
        Marks {
            stretches,
            verbatim,
            unique,
            summary,
        }
    }
}

/// Returns true if `next` (starting at or after `last`'s start) overlaps `last` or follows
/// it with only whitespace between.
fn touches(last: &Range<usize>, next: &Range<usize>, text: &str) -> bool {
    next.start <= last.end
        || text
            .get(last.end..next.start)
            .is_some_and(|gap| gap.trim().is_empty())
}

/// Returns true if `next` (starting at or after `last`'s start) continues `last`: they
/// overlap, or only punctuation and spaces lie between, and no sentence ends there unless
/// `is_same_source` (the same partner shares both; one note is enough).
fn continues(last: &Range<usize>, next: &Range<usize>, text: &str, is_same_source: bool) -> bool {
    if next.start <= last.end {
        return true;
    }
    let Some(gap) = text.get(last.end..next.start) else {
        return false;
    };
    let before = text[..next.start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')')
    });
    let ends_sentence = gap.contains('\n') || before.ends_with(['.', '!', '?']);
    !gap.chars().any(char::is_alphanumeric) && (is_same_source || !ends_sentence)
}

/// Adds `range` to sorted, merged `ranges` (given in order of start).
fn merge_into(ranges: &mut Vec<Range<usize>>, range: Range<usize>, text: &str) {
    match ranges.last_mut() {
        Some(last) if touches(last, &range, text) => last.end = last.end.max(range.end),
        _ => ranges.push(range),
    }
}

/// The note above a shared stretch: who else has it, and how.
fn note(partners: &[(usize, bool)], corpus: &Corpus) -> String {
    let mut names: Vec<(String, bool)> = Vec::new();
    for &(other, is_verbatim) in partners {
        let name = corpus
            .articles
            .get(other)
            .map_or_else(|| format!("article {}", other + 1), label::outlet_or_id);
        match names.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v |= is_verbatim,
            None => names.push((name, is_verbatim)),
        }
    }
    let kind = |v: bool| if v { "verbatim" } else { "paraphrase" };
    let is_one_kind = names.windows(2).all(|w| w[0].1 == w[1].1);
    if is_one_kind {
        let list: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
        let v = names.first().is_some_and(|(_, v)| *v);
        format!("also in {} ({})", list.join(", "), kind(v))
    } else {
        let list: Vec<String> = names
            .iter()
            .map(|(n, v)| format!("{n} ({})", kind(*v)))
            .collect();
        format!("also in {}", list.join(", "))
    }
}

/// One row of the text: what is drawn, and where in the text it starts (to keep the place
/// when the view or the width changes).
#[derive(Debug, Clone, PartialEq)]
struct Row {
    line: Line<'static>,
    source: usize,
}

/// Where each part of the reader goes; shared by [`ReaderState::relayout`] and rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReaderLayout {
    /// The title's lines (one rect, `title_lines` high).
    pub title: Rect,
    pub byline: Rect,
    pub path: Rect,
    /// The rule under the header, carrying the RAW marker, position and scroll percentage.
    pub rule: Rect,
    pub text: Rect,
}

impl ReaderLayout {
    /// Lays out a reader in `area` for a title of `title_lines` lines. On short windows the
    /// header shrinks to one title line and the rule, then to nothing, so text stays visible.
    pub fn new(area: Rect, title_lines: u16) -> ReaderLayout {
        let column_width = if area.width > 2 {
            (area.width - 2).min(MAX_TEXT_WIDTH)
        } else {
            area.width
        };
        let column = Rect {
            x: area.x + (area.width - column_width) / 2,
            width: column_width,
            ..area
        };
        let full_header = title_lines + 3;
        let (title_h, byline_h, path_h, rule_h) = if area.height >= full_header + 3 {
            (title_lines, 1, 1, 1)
        } else if area.height >= 4 {
            (1, 0, 0, 1)
        } else {
            (0, 0, 0, 0)
        };
        let mut y = area.y;
        let mut take = |h: u16, rect: Rect| {
            let r = Rect {
                y,
                height: h,
                ..rect
            };
            y += h;
            r
        };
        let title = take(title_h, column);
        let byline = take(byline_h, column);
        let path = take(path_h, column);
        let rule = take(rule_h, column);
        let text = Rect {
            y,
            height: area.bottom() - y,
            ..column
        };
        ReaderLayout {
            title,
            byline,
            path,
            rule,
            text,
        }
    }
}

/// The reader screen's state: one article, its wrapped lines and the scroll position.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The article's index in the corpus.
    article: ArticleIdx,
    /// The article's position in the library's list, and the list's length: "2/5".
    position: (usize, usize),
    title: String,
    byline: String,
    path: String,
    /// The text as loaded (sanitised by `wrap`).
    text: String,
    raw: String,
    view: View,
    /// Set once the alignment is ready.
    marks: Option<Marks>,
    area: Rect,
    title_lines: Vec<String>,
    /// The text of `view`, wrapped to `wrap_width` and marked.
    rows: Vec<Row>,
    wrap_width: usize,
    /// The first row on screen.
    scroll: usize,
    /// The search typed with `/` (empty: none), and whether it is being typed.
    search: String,
    is_editing_search: bool,
    /// Where the search matches the cleaned text, in order, and the match last gone to.
    hits: Vec<Range<usize>>,
    current_hit: Option<usize>,
    theme: Theme,
}

impl ReaderState {
    pub fn new(
        article: &Article,
        index: ArticleIdx,
        position: (usize, usize),
        theme: Theme,
    ) -> Self {
        let title = label::title(article);
        let mut byline: Vec<String> = Vec::new();
        byline.extend(label::outlet(article));
        byline.extend(label::date(article));
        byline.extend(label::author(article).map(|a| format!("by {a}")));
        byline.push(format!("{} words", article.words));
        let mut path = sanitize(&article.path.display().to_string()).into_owned();
        if let Some(url) = label::url(article) {
            path.push_str(" · ");
            path.push_str(&url);
        }
        ReaderState {
            article: index,
            position,
            title,
            byline: byline.join(" · "),
            path,
            text: article.text.clone(),
            raw: article.raw.clone(),
            view: View::Clean,
            marks: None,
            area: Rect::default(),
            title_lines: Vec::new(),
            rows: Vec::new(),
            wrap_width: 0,
            scroll: 0,
            search: String::new(),
            is_editing_search: false,
            hits: Vec::new(),
            current_hit: None,
            theme,
        }
    }

    /// The article shown.
    pub fn article(&self) -> ArticleIdx {
        self.article
    }

    /// Returns true if and only if the text before cleaning is shown.
    pub fn is_raw(&self) -> bool {
        self.view == View::Raw
    }

    /// Marks the passages `alignment` finds shared with other articles of `corpus`, keeping
    /// the reading position. Called when the reader opens, or later when the alignment
    /// arrives.
    pub fn set_alignment(&mut self, alignment: &Alignment, corpus: &Corpus) {
        self.marks = Some(Marks::new(
            self.article.get(),
            &self.text,
            alignment,
            corpus,
        ));
        if self.view != View::Raw && self.wrap_width > 0 {
            self.rewrap_keeping_place(self.wrap_width);
        }
    }

    /// Re-wraps for a new area (a resize, or the first layout), keeping the reading position.
    pub fn relayout(&mut self, area: Rect) {
        self.area = area;
        self.title_lines = title_lines(
            &self.title,
            usize::from(area.width.saturating_sub(2).max(1)),
        );
        let width = usize::from(self.layout().text.width);
        if width != self.wrap_width {
            self.rewrap_keeping_place(width);
        }
        self.clamp_scroll();
    }

    /// Re-wraps, then scrolls to the row where the text at the top of the window went.
    fn rewrap_keeping_place(&mut self, width: usize) {
        let place = self.rows.get(self.scroll).map(|r| r.source);
        self.rewrap(width);
        self.scroll = match place {
            Some(source) if self.scroll > 0 => self.row_at(source),
            _ => 0,
        };
        self.clamp_scroll();
    }

    /// The first row showing text at or after byte `source`.
    fn row_at(&self, source: usize) -> usize {
        self.rows
            .iter()
            .position(|r| r.source >= source)
            .unwrap_or(self.rows.len())
    }

    fn rewrap(&mut self, width: usize) {
        self.wrap_width = width;
        let (gutter, text_width) = if width >= MIN_WIDTH_FOR_GUTTER {
            (GUTTER_WIDTH, width - GUTTER_WIDTH)
        } else {
            (0, width)
        };
        let plain = Marks::default();
        self.rows = match self.view {
            View::Raw => {
                let lines = wrap_mapped(&self.raw, text_width);
                mark_rows(
                    &lines,
                    &plain,
                    (gutter, text_width),
                    &Hits::NONE,
                    self.theme,
                )
            }
            View::Clean => {
                let marks = self.marks.as_ref().unwrap_or(&plain);
                let lines = wrap_mapped(&self.text, text_width);
                let hits = Hits {
                    all: &self.hits,
                    current: self.current_hit.and_then(|i| self.hits.get(i)),
                };
                mark_rows(&lines, marks, (gutter, text_width), &hits, self.theme)
            }
            View::Unique => {
                let unique = self.marks.as_ref().map_or(&[][..], |m| &m.unique[..]);
                unique_rows(&self.text, unique, text_width, gutter, self.theme)
            }
        };
    }

    /// Searches the cleaned text for `search`'s words, marking every match; the first match
    /// at or after the top of the window becomes the current one.
    fn set_search(&mut self, search: String) {
        self.search = search;
        self.hits = crate::display::search::find_all(&self.text, &self.search);
        let top = self.rows.get(self.scroll).map_or(0, |r| r.source);
        self.current_hit = if self.hits.is_empty() {
            None
        } else {
            Some(self.hits.iter().position(|h| h.start >= top).unwrap_or(0))
        };
        if self.view != View::Clean {
            self.view = View::Clean;
        }
        if self.wrap_width > 0 {
            self.rewrap_keeping_place(self.wrap_width);
        }
        self.show_current_hit();
    }

    /// Goes to the next (or previous) match, round the end.
    fn go_to_hit(&mut self, forward: bool) {
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        self.current_hit = Some(match self.current_hit {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => 0,
        });
        if self.view != View::Clean {
            self.view = View::Clean;
        }
        if self.wrap_width > 0 {
            self.rewrap_keeping_place(self.wrap_width);
        }
        self.show_current_hit();
    }

    /// Scrolls so that the current match is on screen, a few rows below the top.
    fn show_current_hit(&mut self) {
        let Some(hit) = self.current_hit.and_then(|i| self.hits.get(i)) else {
            return;
        };
        let row = self
            .rows
            .iter()
            .rposition(|r| r.source <= hit.start)
            .unwrap_or(0);
        let height = self.page_height();
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(2);
        }
        self.clamp_scroll();
    }

    fn layout(&self) -> ReaderLayout {
        ReaderLayout::new(self.area, self.title_lines.len().max(1) as u16)
    }

    /// Switches between the cleaned text and the raw text, from the top.
    pub fn toggle_raw(&mut self) {
        self.view = if self.view == View::Raw {
            View::Clean
        } else {
            View::Raw
        };
        self.rewrap(self.wrap_width);
        self.scroll = 0;
    }

    /// Returns true if and only if only what no other article shares is shown.
    pub fn is_unique(&self) -> bool {
        self.view == View::Unique
    }

    /// Switches between the whole cleaned text and only what no other article shares,
    /// keeping the place in the text. Returns false (and does nothing) until the alignment
    /// is set.
    pub fn toggle_unique(&mut self) -> bool {
        if self.marks.is_none() {
            return false;
        }
        let place = match self.view {
            View::Raw => None,
            _ => self.rows.get(self.scroll).map(|r| r.source),
        };
        self.view = if self.view == View::Unique {
            View::Clean
        } else {
            View::Unique
        };
        self.rewrap(self.wrap_width);
        self.scroll = place.map_or(0, |source| self.row_at(source));
        self.clamp_scroll();
        true
    }

    fn page_height(&self) -> usize {
        usize::from(self.layout().text.height).max(1)
    }

    pub fn half_page(&self) -> isize {
        (self.page_height() / 2).max(1) as isize
    }

    pub fn page(&self) -> isize {
        // Keep one line of context, as `less` does.
        self.page_height().saturating_sub(1).max(1) as isize
    }

    fn max_scroll(&self) -> usize {
        self.rows
            .len()
            .saturating_sub(usize::from(self.layout().text.height))
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
    }

    pub fn scroll_to_top(&mut self) {
        self.scroll = 0;
    }

    pub fn scroll_to_bottom(&mut self) {
        self.scroll = self.max_scroll();
    }

    /// How far through the text the window is: "All" when it all fits, else 0% to 100%.
    pub fn percent(&self) -> String {
        match self.max_scroll() {
            0 => "All".to_string(),
            max => format!("{}%", self.scroll * 100 / max),
        }
    }

    fn render_rule(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let dim = self.theme.dim();
        let mut right: Vec<Span> = Vec::new();
        match self.view {
            View::Raw => right.push(Span::styled(" RAW ", self.theme.raw_marker())),
            View::Unique => right.push(Span::styled(" UNIQUE ", unique_marker(self.theme))),
            View::Clean => {}
        }
        if self.view != View::Clean {
            right.push(Span::styled("─", dim));
        }
        let (index, total) = self.position;
        right.push(Span::styled(format!(" {}/{} ", index + 1, total), dim));
        right.push(Span::styled("─", dim));
        right.push(Span::styled(format!(" {} ", self.percent()), dim));
        right.push(Span::styled("─", dim));
        let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
        let room = usize::from(area.width).saturating_sub(right_width);
        let mut spans = Vec::new();
        let summary = match (&self.marks, self.view) {
            (Some(marks), View::Clean) => Some(marks.summary.clone()),
            (Some(marks), View::Unique) => Some(match marks.unique.len() {
                0 => "nothing only this article says".to_string(),
                1 => "1 passage only this article has".to_string(),
                n => format!("{n} passages only this article has"),
            }),
            _ => None,
        };
        // "── 62% shared with 3 articles ──────── 1/5 ─ 0% ─", when it fits.
        if let Some(summary) = summary.filter(|s| width(s) + 6 <= room) {
            spans.push(Span::styled("─", dim));
            spans.push(Span::styled(format!(" {summary} "), dim));
        }
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::styled("─".repeat(room - used), dim));
        spans.extend(right);
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

/// The style of shared words: tinted like the gutter, or underlined without colour.
fn shared_text(theme: Theme) -> Style {
    if theme.is_monochrome() {
        theme.text().add_modifier(Modifier::UNDERLINED)
    } else {
        theme.shared()
    }
}

/// The "UNIQUE" marker of the rule while only unique text is shown.
fn unique_marker(theme: Theme) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    if theme.is_monochrome() {
        style.add_modifier(Modifier::REVERSED)
    } else {
        style.fg(Color::Black).bg(theme.color(Role::Shared))
    }
}

/// Where a word falls: in no shared stretch, or in stretch `n`, word for word or reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMark {
    Unshared,
    Verbatim(usize),
    Paraphrase(usize),
}

impl WordMark {
    fn stretch(self) -> Option<usize> {
        match self {
            WordMark::Unshared => None,
            WordMark::Verbatim(n) | WordMark::Paraphrase(n) => Some(n),
        }
    }
}

/// The gutter's mark: a solid bar for text copied word for word, a dashed one for text
/// said in other words.
fn gutter_symbol(marks: &[WordMark]) -> Option<&'static str> {
    if marks.iter().any(|m| matches!(m, WordMark::Verbatim(_))) {
        Some("┃")
    } else if marks.iter().any(|m| matches!(m, WordMark::Paraphrase(_))) {
        Some("╎")
    } else {
        None
    }
}

/// Finds the stretch (if any) of each word of a text, words given in text order.
struct Marker<'a> {
    marks: &'a Marks,
    stretch: usize,
    verbatim: usize,
}

impl Marker<'_> {
    fn mark(&mut self, word: &Range<usize>) -> WordMark {
        let stretches = &self.marks.stretches;
        while stretches
            .get(self.stretch)
            .is_some_and(|s| s.range.end <= word.start)
        {
            self.stretch += 1;
        }
        if stretches
            .get(self.stretch)
            .filter(|s| s.range.start < word.end)
            .is_none()
        {
            return WordMark::Unshared;
        }
        let verbatim = &self.marks.verbatim;
        while verbatim
            .get(self.verbatim)
            .is_some_and(|r| r.end <= word.start)
        {
            self.verbatim += 1;
        }
        if verbatim
            .get(self.verbatim)
            .is_some_and(|r| r.start < word.end)
        {
            WordMark::Verbatim(self.stretch)
        } else {
            WordMark::Paraphrase(self.stretch)
        }
    }
}

/// Rows of wrapped text with the marks of shared stretches: the gutter, tinted words and
/// a note above the line where each stretch starts.
/// The matches of the reader's search, to mark: all of them, and the one gone to.
struct Hits<'a> {
    all: &'a [Range<usize>],
    current: Option<&'a Range<usize>>,
}

impl Hits<'_> {
    const NONE: Hits<'static> = Hits {
        all: &[],
        current: None,
    };

    /// How a word (a range of the source) is marked if the search matches it.
    fn style(&self, word: &Range<usize>) -> Option<Style> {
        let overlaps = |hit: &Range<usize>| hit.start < word.end && word.start < hit.end;
        if self.current.is_some_and(overlaps) {
            return Some(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD));
        }
        // Matches are sorted: the first that ends after the word's start decides.
        let at = self.all.partition_point(|h| h.end <= word.start);
        self.all
            .get(at)
            .filter(|h| overlaps(h))
            .map(|_| Style::new().add_modifier(Modifier::REVERSED))
    }
}

fn mark_rows(
    lines: &[WrappedLine],
    marks: &Marks,
    (gutter, text_width): (usize, usize),
    hits: &Hits,
    theme: Theme,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::with_capacity(lines.len());
    let mut marker = Marker {
        marks,
        stretch: 0,
        verbatim: 0,
    };
    // The stretch of the last word so far, the blank row since then if any, and the last
    // stretch whose note is written.
    let mut last: Option<usize> = None;
    let mut blank: Option<usize> = None;
    let mut noted: Option<usize> = None;
    let mut source = 0;
    let gutter_span = |symbol: Option<&'static str>| {
        let symbol = symbol.unwrap_or(" ");
        Span::styled(format!("{symbol:<gutter$}"), theme.shared())
    };
    for line in lines {
        if line.words.is_empty() {
            blank = Some(rows.len());
            rows.push(Row {
                line: Line::default(),
                source,
            });
            continue;
        }
        let word_marks: Vec<WordMark> = line.words.iter().map(|(_, w)| marker.mark(w)).collect();
        // A stretch that runs on over a paragraph break keeps its bar on the blank row.
        if let Some(at) = blank.take() {
            let first = word_marks[0];
            if first.stretch().is_some() && first.stretch() == last && gutter > 0 {
                rows[at].line = Line::from(gutter_span(gutter_symbol(&[first])));
            }
        }
        let symbol = gutter_symbol(&word_marks);
        for mark in &word_marks {
            let Some(n) = mark.stretch() else { continue };
            if noted.is_some_and(|l| l >= n) {
                continue;
            }
            noted = Some(n);
            let stretch = &marks.stretches[n];
            let mut spans = Vec::new();
            if gutter > 0 {
                spans.push(gutter_span(gutter_symbol(&[*mark])));
            }
            spans.push(Span::styled(
                truncate(&stretch.note, text_width).into_owned(),
                theme.dim().add_modifier(Modifier::ITALIC),
            ));
            rows.push(Row {
                line: Line::from(spans),
                source: stretch.range.start.max(line.words[0].1.start),
            });
        }
        last = word_marks.last().and_then(|m| m.stretch());
        let mut spans = Vec::new();
        if gutter > 0 {
            spans.push(gutter_span(symbol));
        }
        let style_of = |m: WordMark| match m {
            WordMark::Unshared => theme.text(),
            _ => shared_text(theme),
        };
        let mut at = 0;
        for (k, ((shown, source), mark)) in line.words.iter().zip(&word_marks).enumerate() {
            if shown.start > at {
                // The space before a word is shared if the words on both sides are.
                let same = k > 0 && word_marks[k - 1] == *mark;
                let style = if same { style_of(*mark) } else { theme.text() };
                spans.push(Span::styled(line.text[at..shown.start].to_string(), style));
            }
            let style = match hits.style(source) {
                Some(hit) => style_of(*mark).patch(hit),
                None => style_of(*mark),
            };
            spans.push(Span::styled(line.text[shown.clone()].to_string(), style));
            at = shown.end;
        }
        source = line.words[0].1.start;
        rows.push(Row {
            line: Line::from(spans),
            source,
        });
    }
    rows
}

/// Rows of the unique stretches only, a dim "…" row wherever text was left out.
fn unique_rows(
    text: &str,
    unique: &[Range<usize>],
    text_width: usize,
    gutter: usize,
    theme: Theme,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let indent = " ".repeat(gutter);
    let mut end = 0;
    for range in unique {
        let Some(stretch) = text.get(range.clone()) else {
            continue;
        };
        if text[end.min(range.start)..range.start].trim().is_empty() && end > 0 {
            // Nothing left out between two stretches (a paragraph break): keep them apart.
            rows.push(Row {
                line: Line::default(),
                source: range.start,
            });
        } else if !text[end.min(range.start)..range.start].trim().is_empty() {
            rows.push(Row {
                line: Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled("…", theme.dim()),
                ]),
                source: range.start,
            });
        }
        for line in wrap_mapped(stretch, text_width) {
            let source = line
                .words
                .first()
                .map_or(range.start, |w| range.start + w.1.start);
            rows.push(Row {
                line: Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(line.text, theme.text()),
                ]),
                source,
            });
        }
        end = range.end;
    }
    if !unique.is_empty() && !text.get(end..).unwrap_or("").trim().is_empty() {
        rows.push(Row {
            line: Line::from(vec![Span::raw(indent), Span::styled("…", theme.dim())]),
            source: end,
        });
    }
    rows
}

/// The title wrapped to at most [`MAX_TITLE_LINES`] lines, the last cut with an ellipsis if
/// the title is longer.
fn title_lines(title: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(title, width);
    if lines.len() > MAX_TITLE_LINES {
        let rest = lines.split_off(MAX_TITLE_LINES - 1).join(" ");
        lines.push(truncate(&rest, width).into_owned());
    }
    lines
}

impl ScreenState for ReaderState {
    fn kind(&self) -> Screen {
        Screen::Reader
    }

    fn scope(&self) -> Scope {
        // While the search is typed, keys type (as in the library's filter prompt).
        if self.is_editing_search {
            Scope::Filter
        } else {
            Scope::Reader
        }
    }

    fn title(&self) -> &'static str {
        "Reader"
    }

    fn update(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::HalfPageDown => self.scroll_by(self.half_page()),
            Action::HalfPageUp => self.scroll_by(-self.half_page()),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::ScrollToTop => self.scroll_to_top(),
            Action::ScrollToBottom => self.scroll_to_bottom(),
            Action::ToggleRaw => self.toggle_raw(),
            Action::StartFilter => self.is_editing_search = true,
            Action::InsertChar(c) if self.is_editing_search && !c.is_control() => {
                let mut search = std::mem::take(&mut self.search);
                search.push(c);
                self.set_search(search);
            }
            Action::DeleteChar if self.is_editing_search => {
                let mut search = std::mem::take(&mut self.search);
                search.pop();
                self.set_search(search);
            }
            Action::ConfirmFilter => self.is_editing_search = false,
            Action::CancelFilter => {
                self.is_editing_search = false;
                self.set_search(String::new());
            }
            Action::MoveDown | Action::NextMatch => self.go_to_hit(true),
            Action::MoveUp | Action::PreviousMatch => self.go_to_hit(false),
            Action::ToggleUnique => {
                self.toggle_unique();
            }
            Action::Compare => {
                return Some(Action::CompareFrom {
                    article: self.article(),
                })
            }
            Action::NextArticle => return Some(Action::OpenAdjacent { is_next: true }),
            Action::PreviousArticle => return Some(Action::OpenAdjacent { is_next: false }),
            _ => {}
        }
        None
    }

    fn click(&mut self, _position: Position) -> Option<Action> {
        None
    }

    fn wheel(&mut self, is_down: bool) {
        self.scroll_by(if is_down { WHEEL_LINES } else { -WHEEL_LINES });
    }

    fn relayout(&mut self, area: Rect) {
        ReaderState::relayout(self, area);
    }

    /// The search and where it stands: "/nuclear · match 2 of 5".
    fn status(&self) -> String {
        if !self.is_editing_search && self.search.is_empty() {
            return String::new();
        }
        let search = sanitize(&self.search);
        let place = match (self.current_hit, self.hits.len()) {
            (_, 0) if search.trim().is_empty() => String::new(),
            (_, 0) => " · no match".to_string(),
            (Some(i), n) => format!(" · match {} of {n}", i + 1),
            (None, n) => format!(" · {n} matches"),
        };
        let cursor = if self.is_editing_search { "▏" } else { "" };
        format!("/{search}{cursor}{place} ")
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        Widget::render(self, area, buf);
    }
}

impl Widget for &ReaderState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        // `area` is the one laid out for, except while a resize is on its way to `update`.
        let computed;
        let title_lines: &[String] = if area == self.area {
            &self.title_lines
        } else {
            computed = title_lines(
                &self.title,
                usize::from(area.width.saturating_sub(2).max(1)),
            );
            &computed
        };
        let layout = ReaderLayout::new(area, title_lines.len().max(1) as u16);
        for (y, line) in (layout.title.y..layout.title.bottom()).zip(title_lines) {
            buf.set_stringn(
                layout.title.x,
                y,
                line,
                usize::from(layout.title.width),
                self.theme.accent(),
            );
        }
        if !layout.byline.is_empty() {
            let byline = truncate(&self.byline, usize::from(layout.byline.width));
            buf.set_stringn(
                layout.byline.x,
                layout.byline.y,
                &byline,
                usize::MAX,
                self.theme.text(),
            );
        }
        if !layout.path.is_empty() {
            let path = truncate(&self.path, usize::from(layout.path.width));
            buf.set_stringn(
                layout.path.x,
                layout.path.y,
                &path,
                usize::MAX,
                self.theme.dim(),
            );
        }
        self.render_rule(layout.rule, buf);

        let text = layout.text;
        if self.rows.is_empty() && text.height > 0 {
            let empty = match self.view {
                View::Raw => "(no raw text)",
                View::Clean => "(no text left after cleaning)",
                View::Unique => "(nothing here that no other article says)",
            };
            buf.set_stringn(
                text.x,
                text.y,
                empty,
                usize::from(text.width),
                self.theme.dim(),
            );
        }
        let visible = self
            .rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(text.height));
        for (y, row) in (text.y..).zip(visible) {
            buf.set_line(text.x, y, &row.line, text.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignedPair, Span as AlignSpan};
    use crate::corpus::{Format, Metadata};
    use pretty_assertions::assert_eq;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            path: "a.txt".into(),
            format: Format::Text,
            meta: Metadata {
                title: Some("Title".into()),
                ..Metadata::default()
            },
            raw: format!("RAW {text}"),
            text: text.into(),
            words: 2,
        }
    }

    #[test]
    fn layout_fits_in_any_area() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (60, 18), (80, 22), (300, 100)] {
            let area = Rect::new(0, 1, w, h);
            let layout = ReaderLayout::new(area, 2);
            for part in [
                layout.title,
                layout.byline,
                layout.path,
                layout.rule,
                layout.text,
            ] {
                assert_eq!(area.union(part), area, "{part:?} outside {area:?}");
            }
        }
        assert_eq!(
            ReaderLayout::new(Rect::new(0, 0, 80, 22), 1).text,
            Rect::new(1, 4, 78, 18)
        );
        assert_eq!(
            ReaderLayout::new(Rect::new(0, 0, 300, 5), 1).text,
            Rect::new(100, 2, 100, 3)
        );
    }

    #[test]
    fn scrolls_within_the_text_and_reports_percent() {
        let text: Vec<String> = (0..40).map(|i| format!("paragraph {i}")).collect();
        let mut state = ReaderState::new(
            &article(&text.join("\n\n")),
            ArticleIdx(0),
            (0, 1),
            Theme::default(),
        );
        state.relayout(Rect::new(0, 0, 40, 14)); // header 4 rows, text 10
        assert_eq!(state.rows.len(), 79);
        assert_eq!(state.percent(), "0%");
        state.scroll_by(1000);
        assert_eq!((state.scroll, state.percent().as_str()), (69, "100%"));
        state.scroll_by(-1000);
        assert_eq!(state.scroll, 0);
        state.scroll_by(state.page());
        assert_eq!(state.scroll, 9);
        state.toggle_raw();
        assert!(state.is_raw());
        assert_eq!(state.rows[0].line.to_string(), "  RAW paragraph 0");
        assert_eq!(state.scroll, 0);
    }

    #[test]
    fn a_short_text_is_all_on_screen() {
        let mut state = ReaderState::new(
            &article("one line"),
            ArticleIdx(0),
            (0, 1),
            Theme::default(),
        );
        state.relayout(Rect::new(0, 0, 40, 14));
        assert_eq!(state.percent(), "All");
        state.scroll_by(5);
        assert_eq!(state.scroll, 0);
    }

    fn pair(kind: PairKind, a: (usize, usize, usize), b: (usize, usize, usize)) -> AlignedPair {
        let span = |(article, start, end)| AlignSpan {
            article,
            start,
            end,
        };
        AlignedPair {
            kind,
            score: 1.0,
            a: span(a),
            b: span(b),
            evidence: Default::default(),
        }
    }

    fn corpus(outlets: &[Option<&str>]) -> Corpus {
        let articles = outlets
            .iter()
            .enumerate()
            .map(|(i, outlet)| {
                let mut a = article("text");
                a.id = format!("id-{i}");
                a.meta.outlet = outlet.map(String::from);
                a
            })
            .collect();
        Corpus {
            articles,
            warnings: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn overlapping_pairs_merge_into_one_stretch_naming_every_partner() {
        //          0         1         2         3         4         5
        //          012345678901234567890123456789012345678901234567890123
        let text = "Mine alone here. Shared with two, and on. Not this one.";
        let corpus = corpus(&[Some("Here"), Some("Sputnik"), None, Some("Sputnik")]);
        let alignment = Alignment {
            pairs: vec![
                pair(PairKind::Paraphrase, (0, 17, 32), (1, 0, 10)),
                pair(PairKind::Verbatim, (0, 20, 41), (2, 0, 10)),
                pair(PairKind::Paraphrase, (0, 34, 41), (3, 0, 10)),
                pair(PairKind::Paraphrase, (1, 0, 4), (2, 0, 4)),
            ],
            groups: Vec::new(),
            unique: vec![
                AlignSpan {
                    article: 0,
                    start: 0,
                    end: 16,
                },
                AlignSpan {
                    article: 0,
                    start: 41,
                    end: 55,
                },
            ],
            ..Alignment::default()
        };
        let marks = Marks::new(0, text, &alignment, &corpus);
        assert_eq!(
            marks.stretches,
            [Stretch {
                range: 17..41,
                note: "also in Sputnik (paraphrase), id-2 (verbatim)".to_string(),
            }]
        );
        assert_eq!(marks.verbatim, vec![20..41]);
        assert_eq!(marks.unique, [0..16, 42..55], "the space before is trimmed");
        assert_eq!(marks.summary, "43% shared with 3 articles");

        let mut state = ReaderState::new(&article(text), ArticleIdx(0), (0, 1), Theme::default());
        state.set_alignment(&alignment, &corpus);
        state.relayout(Rect::new(0, 0, 40, 14));
        let rows: Vec<String> = state.rows.iter().map(|r| r.line.to_string()).collect();
        assert_eq!(
            rows,
            [
                "┃ also in Sputnik (paraphrase), id-2 …",
                "┃ Mine alone here. Shared with two,",
                "┃ and on. Not this one.",
            ]
        );
        assert!(state.toggle_unique());
        let rows: Vec<String> = state.rows.iter().map(|r| r.line.to_string()).collect();
        assert_eq!(rows, ["  Mine alone here.", "  …", "  Not this one."]);
    }

    #[test]
    fn sentences_after_one_another_get_a_note_each_unless_from_the_same_source() {
        let text = "First shared. Second shared. Third shared.";
        let corpus = corpus(&[None, Some("A"), Some("B")]);
        let alignment = Alignment {
            pairs: vec![
                pair(PairKind::Paraphrase, (0, 0, 13), (1, 0, 5)),
                pair(PairKind::Paraphrase, (0, 14, 28), (1, 0, 5)),
                pair(PairKind::Paraphrase, (0, 29, 42), (2, 0, 5)),
            ],
            ..Alignment::default()
        };
        let marks = Marks::new(0, text, &alignment, &corpus);
        let ranges: Vec<_> = marks.stretches.iter().map(|s| s.range.clone()).collect();
        assert_eq!(ranges, [0..28, 29..42]);
        assert_eq!(marks.summary, "97% shared with 2 articles");
        let none = Marks::new(0, text, &Alignment::default(), &corpus);
        assert_eq!(none.summary, "nothing shared with another article");
    }

    #[test]
    fn long_titles_take_two_lines_at_most() {
        assert_eq!(
            title_lines("one two three four five six", 9),
            ["one two", "three fo…"]
        );
        assert_eq!(title_lines("one two", 9), ["one two"]);
    }
}
