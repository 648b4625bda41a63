//! Key bindings per screen, as data: built-in defaults patched by the config's `[keys.*]`.
//!
//! Each screen ([`Scope`]) has a list of [`Binding`]s: an action, its keys, a description
//! for the help window and an optional short label for the status line's hints. Keys are
//! written in vim's notation (`j`, `G`, `<C-d>`, `<S-Tab>`, `<PageDown>`). A key is looked up
//! in the current screen first, then in `global`, so a screen can reuse a global key (`q` is
//! "quit" in the library and "back" in the reader).

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every screen, after the screen's own bindings.
    Global,
    /// The article list.
    Library,
    /// The library's filter prompt, while typing (other printable keys are typed).
    Filter,
    /// One article.
    Reader,
    /// Two articles side by side.
    Compare,
    /// The list of passages shared across articles.
    Groups,
    /// One shared passage, every article's wording stacked.
    Group,
    /// The overlap matrix.
    Matrix,
    /// The quotes carried by several articles.
    Quotes,
    /// One quote, every article's rendering in time order.
    Quote,
    /// The list of stories.
    Stories,
    /// One story, its copies in time order.
    Story,
    /// The help window and the skipped-files window.
    Help,
}

impl Scope {
    pub const ALL: [Scope; 13] = [
        Scope::Global,
        Scope::Library,
        Scope::Filter,
        Scope::Reader,
        Scope::Compare,
        Scope::Groups,
        Scope::Group,
        Scope::Matrix,
        Scope::Quotes,
        Scope::Quote,
        Scope::Stories,
        Scope::Story,
        Scope::Help,
    ];

    /// The name used in the config file: `[keys.library]`.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Library => "library",
            Scope::Filter => "filter",
            Scope::Reader => "reader",
            Scope::Compare => "compare",
            Scope::Groups => "groups",
            Scope::Group => "group",
            Scope::Matrix => "matrix",
            Scope::Quotes => "quotes",
            Scope::Quote => "quote",
            Scope::Stories => "stories",
            Scope::Story => "story",
            Scope::Help => "help",
        }
    }

    /// The heading of this scope's section in the help window.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Library => "Library",
            Scope::Filter => "Filter prompt",
            Scope::Reader => "Reader",
            Scope::Compare => "Compare",
            Scope::Groups => "Shared passages",
            Scope::Group => "One shared passage",
            Scope::Matrix => "Overlap matrix",
            Scope::Quotes => "Quotes",
            Scope::Quote => "One quote",
            Scope::Stories => "Stories",
            Scope::Story => "One story",
            Scope::Help => "This window",
        }
    }

    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One key press: a key code and the Ctrl/Alt/Shift modifiers that matter.
///
/// Normalised so that a parsed key and a key event compare equal: for characters the case
/// carries Shift (`G`, not `<S-g>`), and `<C-D>` is `<C-d>`; `<S-Tab>` is crossterm's BackTab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// Key names accepted inside `<...>`, matched without regard to case; the first name of a
/// code is the one displayed.
const KEY_NAMES: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Space", KeyCode::Char(' ')),
    ("Backspace", KeyCode::Backspace),
    ("BS", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("lt", KeyCode::Char('<')),
];

impl Key {
    fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// The key of a crossterm key event.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// Returns the character if this is a printable character typed without Ctrl or Alt.
    pub fn typed_char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    /// A key event that this key matches (a key press without extra state).
    pub fn to_event(self) -> KeyEvent {
        KeyEvent::new(self.code, self.modifiers)
    }

    /// A short label for the status line: the notation without angle brackets (`C-d`, `Enter`).
    pub fn label(self) -> String {
        let notation = self.to_string();
        match notation.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
            Some(inner) if notation.len() > 2 => inner.to_string(),
            _ => notation,
        }
    }
}

/// A key written in a notation crossread does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("empty key: write one character or a name like <Enter>")]
    Empty,
    /// Several characters, not in angle brackets.
    #[error("{}", parse_error(.key, "unknown key name"))]
    NotANotation { key: String },
    /// Angle brackets around a name (after any modifiers) that is no key.
    #[error("{}", parse_error(.key, &format!("unknown key name '{}' in", .name)))]
    UnknownName { key: String, name: String },
}

/// A binding of the config file that names no screen, or no action of its screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BindError {
    #[error("unknown screen '{screen}' in [keys]; valid screens: {valid}")]
    UnknownScreen { screen: String, valid: String },
    #[error("unknown action '{action}' for screen '{screen}'; valid actions: {valid}")]
    UnknownAction {
        screen: String,
        action: String,
        valid: String,
    },
}

fn parse_error(s: &str, what: &str) -> String {
    format!(
        "{what} '{s}': write one character (j, G, ?) or a name in angle brackets, with \
         optional C- (Ctrl), A- (Alt), S- (Shift): <C-d>, <Down>, <PageDown>, <Enter>, <Esc>, \
         <Tab>, <S-Tab>, <Space>, <Backspace>, <Home>, <End>, <F1>"
    )
}

impl FromStr for Key {
    type Err = KeyError;

    /// Parses vim notation: `j`, `?`, `<C-d>`, `<S-Tab>`, `<PageDown>`, `<F1>`, `<lt>` for `<`.
    fn from_str(s: &str) -> Result<Key, KeyError> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        if s.is_empty() {
            return Err(KeyError::Empty);
        }
        let Some(inner) = s.strip_prefix('<').and_then(|s| s.strip_suffix('>')) else {
            return Err(KeyError::NotANotation { key: s.to_string() });
        };
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = inner;
        // A modifier is one letter and a dash, followed by at least one more character.
        while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
            let modifier = match rest.as_bytes()[0].to_ascii_uppercase() {
                b'C' => KeyModifiers::CONTROL,
                b'A' | b'M' => KeyModifiers::ALT,
                b'S' => KeyModifiers::SHIFT,
                _ => break,
            };
            modifiers |= modifier;
            rest = &rest[2..];
        }
        let mut rest_chars = rest.chars();
        let code = if let (Some(c), None) = (rest_chars.next(), rest_chars.next()) {
            if modifiers.contains(KeyModifiers::SHIFT) && !modifiers.contains(KeyModifiers::CONTROL)
            {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            } else {
                KeyCode::Char(c)
            }
        } else if let Some((_, code)) = KEY_NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(rest))
        {
            *code
        } else if let Some(n) = rest
            .strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=24).contains(n))
        {
            KeyCode::F(n)
        } else {
            return Err(KeyError::UnknownName {
                key: s.to_string(),
                name: rest.to_string(),
            });
        };
        Ok(Key::new(code, modifiers))
    }
}

impl fmt::Display for Key {
    /// Writes the key in the notation [`Key::from_str`] reads, so `parse(display(k)) == k`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.code {
            KeyCode::Char(c) if self.modifiers.is_empty() && c != ' ' && c != '<' => {
                return write!(f, "{c}");
            }
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if c != ' ' && c != '<' => c.to_string(),
            code => match KEY_NAMES.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => (*name).to_string(),
                None => format!("{code:?}"),
            },
        };
        f.write_str("<")?;
        for (modifier, prefix) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if self.modifiers.contains(modifier) {
                f.write_str(prefix)?;
            }
        }
        write!(f, "{name}>")
    }
}

/// An action bound to keys on one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    /// One line for the help window.
    pub description: &'static str,
    /// A word or two for the status line's hints; `None` keeps the action out of the hints.
    pub hint: Option<&'static str>,
}

/// One built-in binding: screen, action, keys, description, hint (see [`Binding`]).
type DefaultBinding = (
    Scope,
    Action,
    &'static [&'static str],
    &'static str,
    Option<&'static str>,
);

/// The built-in bindings. `config.example.toml` documents the same table; a test keeps the
/// two equal.
#[rustfmt::skip]
const DEFAULT_BINDINGS: &[DefaultBinding] = &[
    (Scope::Global, Action::ShowHelp, &["?", "<F1>"], "Show the keys of this screen", Some("help")),
    (Scope::Global, Action::Quit, &["q", "<C-c>"], "Quit crossread", Some("quit")),
    (Scope::Global, Action::ShowGroups, &["p"], "List the passages shared across articles", Some("shared")),
    (Scope::Global, Action::ShowMatrix, &["m"], "Show how much each article shares with each", Some("matrix")),
    (Scope::Global, Action::ShowQuotes, &["\""], "List the quotes several articles carry, and who altered them", Some("quotes")),
    (Scope::Global, Action::ShowStories, &["t"], "List the stories: articles about one event, copies grouped", Some("stories")),

    (Scope::Library, Action::MoveDown, &["j", "<Down>"], "Select the next article", None),
    (Scope::Library, Action::MoveUp, &["k", "<Up>"], "Select the previous article", None),
    (Scope::Library, Action::MoveToTop, &["g", "<Home>"], "Select the first article", None),
    (Scope::Library, Action::MoveToBottom, &["G", "<End>"], "Select the last article", None),
    (Scope::Library, Action::HalfPageDown, &["<C-d>"], "Move down half a page", None),
    (Scope::Library, Action::HalfPageUp, &["<C-u>"], "Move up half a page", None),
    (Scope::Library, Action::PageDown, &["<PageDown>", "<C-f>"], "Move down a page", None),
    (Scope::Library, Action::PageUp, &["<PageUp>", "<C-b>"], "Move up a page", None),
    (Scope::Library, Action::OpenArticle, &["<Enter>", "l", "<Right>"], "Read the selected article", Some("read")),
    (Scope::Library, Action::StartFilter, &["/"], "Search titles, outlets, authors, ids and the text", Some("search")),
    (Scope::Library, Action::ClearFilter, &["<Esc>"], "Clear the filter", None),
    (Scope::Library, Action::CycleSort, &["s"], "Sort by the next column", Some("sort")),
    (Scope::Library, Action::ReverseSort, &["S"], "Reverse the sort order", None),
    (Scope::Library, Action::SortByOutlet, &["1"], "Sort by outlet (again: reverse)", None),
    (Scope::Library, Action::SortByDate, &["2"], "Sort by date (again: reverse)", None),
    (Scope::Library, Action::SortByTitle, &["3"], "Sort by title (again: reverse)", None),
    (Scope::Library, Action::SortByWords, &["4"], "Sort by word count (again: reverse)", None),
    (Scope::Library, Action::SortById, &["5"], "Sort by id (again: reverse)", None),
    (Scope::Library, Action::SortByShared, &["6"], "Sort by the share other articles say too (again: reverse)", None),
    (Scope::Library, Action::GroupByStory, &["T"], "Group the articles story by story (each in the sort's order), or not", None),
    (Scope::Library, Action::ShowWarnings, &["w"], "List the files that were skipped", Some("skipped")),
    (Scope::Library, Action::Compare, &["c"], "Compare with the marked article, else with the one it shares most with", Some("compare")),
    (Scope::Library, Action::ToggleMark, &["<Space>"], "Mark the article to compare with", None),

    (Scope::Filter, Action::ConfirmFilter, &["<Enter>"], "Keep the filter, back to the list", Some("keep")),
    (Scope::Filter, Action::CancelFilter, &["<Esc>"], "Clear the filter, back to the list", Some("clear")),
    (Scope::Filter, Action::DeleteChar, &["<Backspace>"], "Delete the last character", None),
    (Scope::Filter, Action::MoveDown, &["<Down>", "<C-n>"], "Select the next match", None),
    (Scope::Filter, Action::MoveUp, &["<Up>", "<C-p>"], "Select the previous match", None),

    (Scope::Reader, Action::ScrollDown, &["j", "<Down>"], "Scroll down a line", None),
    (Scope::Reader, Action::ScrollUp, &["k", "<Up>"], "Scroll up a line", None),
    (Scope::Reader, Action::HalfPageDown, &["<C-d>"], "Scroll down half a page", None),
    (Scope::Reader, Action::HalfPageUp, &["<C-u>"], "Scroll up half a page", None),
    (Scope::Reader, Action::PageDown, &["<Space>", "<PageDown>", "<C-f>"], "Scroll down a page", Some("page")),
    (Scope::Reader, Action::PageUp, &["<PageUp>", "b", "<C-b>"], "Scroll up a page", None),
    (Scope::Reader, Action::ScrollToTop, &["g", "<Home>"], "Go to the beginning", None),
    (Scope::Reader, Action::ScrollToBottom, &["G", "<End>"], "Go to the end", None),
    (Scope::Reader, Action::ToggleRaw, &["r"], "Show the raw text (before cleaning), or back", Some("raw")),
    (Scope::Reader, Action::StartFilter, &["/"], "Search the text: type words, Enter keeps them marked, Esc clears", Some("search")),
    (Scope::Reader, Action::NextMatch, &["n"], "Go to the next match of the search", None),
    (Scope::Reader, Action::PreviousMatch, &["N"], "Go to the previous match of the search", None),
    (Scope::Reader, Action::ToggleUnique, &["u"], "Show only what no other article says, or all", Some("unique")),
    (Scope::Reader, Action::Compare, &["c"], "Compare with the article this one shares most with", Some("compare")),
    (Scope::Reader, Action::NextArticle, &["J"], "Read the next article of the list", Some("next")),
    (Scope::Reader, Action::PreviousArticle, &["K"], "Read the previous article of the list", Some("prev")),
    (Scope::Reader, Action::GoBack, &["<Esc>", "h", "q", "<Left>"], "Back to the library", Some("back")),

    (Scope::Compare, Action::NextPassage, &["]", "}"], "Go to the next aligned passage, in the focused article's order", Some("next")),
    (Scope::Compare, Action::PreviousPassage, &["[", "{"], "Go to the previous aligned passage", Some("prev")),
    (Scope::Compare, Action::ScrollDown, &["j", "<Down>"], "Scroll both sides down a line", None),
    (Scope::Compare, Action::ScrollUp, &["k", "<Up>"], "Scroll both sides up a line", None),
    (Scope::Compare, Action::HalfPageDown, &["<C-d>"], "Scroll down half a page", None),
    (Scope::Compare, Action::HalfPageUp, &["<C-u>"], "Scroll up half a page", None),
    (Scope::Compare, Action::PageDown, &["<Space>", "<PageDown>", "<C-f>"], "Scroll down a page", None),
    (Scope::Compare, Action::PageUp, &["<PageUp>", "b", "<C-b>"], "Scroll up a page", None),
    (Scope::Compare, Action::ScrollToTop, &["g", "<Home>"], "Go to the beginning", None),
    (Scope::Compare, Action::ScrollToBottom, &["G", "<End>"], "Go to the end", None),
    (Scope::Compare, Action::SwitchSide, &["<Tab>"], "Focus the other side: ] and [ then follow its article's order", Some("side")),
    (Scope::Compare, Action::SwapSides, &["s"], "Swap the two articles", Some("swap")),
    (Scope::Compare, Action::ToggleUnique, &["u"], "Hide or show the text aligned with nothing", Some("unaligned")),
    (Scope::Compare, Action::OpenGroup, &["<Enter>"], "Show every article's wording of this passage", Some("group")),
    (Scope::Compare, Action::Export, &["e"], "Write this comparison as a report to cite (Markdown and an HTML page) in the current folder", Some("export")),
    (Scope::Compare, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back (quit, when crossread started on this screen)", Some("back")),

    (Scope::Groups, Action::MoveDown, &["j", "<Down>"], "Select the next passage", None),
    (Scope::Groups, Action::MoveUp, &["k", "<Up>"], "Select the previous passage", None),
    (Scope::Groups, Action::MoveToTop, &["g", "<Home>"], "Select the first passage", None),
    (Scope::Groups, Action::MoveToBottom, &["G", "<End>"], "Select the last passage", None),
    (Scope::Groups, Action::PageDown, &["<PageDown>", "<C-f>", "<C-d>"], "Move down a page", None),
    (Scope::Groups, Action::PageUp, &["<PageUp>", "<C-b>", "<C-u>"], "Move up a page", None),
    (Scope::Groups, Action::StartFilter, &["/"], "Filter the passages by words of their wording, outlets or ids", Some("filter")),
    (Scope::Groups, Action::CycleSort, &["s"], "Sort by the next column", Some("sort")),
    (Scope::Groups, Action::ReverseSort, &["S"], "Reverse the sort order", None),
    (Scope::Groups, Action::SortByOutlet, &["1"], "Sort by number of outlets (again: reverse)", None),
    (Scope::Groups, Action::SortByDate, &["2"], "Sort by earliest date (again: reverse)", None),
    (Scope::Groups, Action::SortByArticles, &["3"], "Sort by number of articles (again: reverse)", None),
    (Scope::Groups, Action::SortByScore, &["4"], "Sort by score (again: reverse)", None),
    (Scope::Groups, Action::OpenGroup, &["<Enter>", "l", "<Right>"], "Show every article's wording of the passage", Some("open")),
    (Scope::Groups, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Group, Action::ScrollDown, &["j", "<Down>"], "Scroll down a line", None),
    (Scope::Group, Action::ScrollUp, &["k", "<Up>"], "Scroll up a line", None),
    (Scope::Group, Action::PageDown, &["<Space>", "<PageDown>", "<C-f>", "<C-d>"], "Scroll down a page", Some("page")),
    (Scope::Group, Action::PageUp, &["<PageUp>", "b", "<C-b>", "<C-u>"], "Scroll up a page", None),
    (Scope::Group, Action::ScrollToTop, &["g", "<Home>"], "Go to the top", None),
    (Scope::Group, Action::ScrollToBottom, &["G", "<End>"], "Go to the bottom", None),
    (Scope::Group, Action::NextPassage, &["]", "}"], "Show the next shared passage", Some("next")),
    (Scope::Group, Action::PreviousPassage, &["[", "{"], "Show the previous shared passage", Some("prev")),
    (Scope::Group, Action::Export, &["e"], "Write this shared passage as a report to cite (Markdown and an HTML page) in the current folder", Some("export")),
    (Scope::Group, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Matrix, Action::MoveDown, &["j", "<Down>"], "Move down a row", None),
    (Scope::Matrix, Action::MoveUp, &["k", "<Up>"], "Move up a row", None),
    (Scope::Matrix, Action::MoveLeft, &["h", "<Left>"], "Move left a column", None),
    (Scope::Matrix, Action::MoveRight, &["l", "<Right>"], "Move right a column", None),
    (Scope::Matrix, Action::MoveToTop, &["g", "<Home>"], "Go to the first row", None),
    (Scope::Matrix, Action::MoveToBottom, &["G", "<End>"], "Go to the last row", None),
    (Scope::Matrix, Action::PageDown, &["<PageDown>", "<C-f>", "<C-d>"], "Move down a page", None),
    (Scope::Matrix, Action::PageUp, &["<PageUp>", "<C-b>", "<C-u>"], "Move up a page", None),
    (Scope::Matrix, Action::NextPassage, &["]", "}", "n"], "Go to the next cell with shared text", Some("next shared")),
    (Scope::Matrix, Action::PreviousPassage, &["[", "{", "N"], "Go to the previous cell with shared text", None),
    (Scope::Matrix, Action::Compare, &["<Enter>", "c"], "Compare the row's article with the column's", Some("compare")),
    (Scope::Matrix, Action::GoBack, &["<Esc>", "q"], "Back", Some("back")),

    (Scope::Quotes, Action::MoveDown, &["j", "<Down>"], "Select the next quote", None),
    (Scope::Quotes, Action::MoveUp, &["k", "<Up>"], "Select the previous quote", None),
    (Scope::Quotes, Action::MoveToTop, &["g", "<Home>"], "Select the first quote", None),
    (Scope::Quotes, Action::MoveToBottom, &["G", "<End>"], "Select the last quote", None),
    (Scope::Quotes, Action::PageDown, &["<PageDown>", "<C-f>", "<C-d>"], "Move down a page", None),
    (Scope::Quotes, Action::PageUp, &["<PageUp>", "<C-b>", "<C-u>"], "Move up a page", None),
    (Scope::Quotes, Action::StartFilter, &["/"], "Filter the quotes by words of their wording, speakers, outlets or ids", Some("filter")),
    (Scope::Quotes, Action::CycleSort, &["s"], "Sort by the next column", Some("sort")),
    (Scope::Quotes, Action::ReverseSort, &["S"], "Reverse the sort order", None),
    (Scope::Quotes, Action::SortByColumn1, &["1"], "Sort by number of outlets (again: reverse)", None),
    (Scope::Quotes, Action::SortByColumn2, &["2"], "Sort by number of altered renderings (again: reverse)", None),
    (Scope::Quotes, Action::SortByColumn3, &["3"], "Sort by speaker (again: reverse)", None),
    (Scope::Quotes, Action::SortByColumn4, &["4"], "Sort by first date (again: reverse)", None),
    (Scope::Quotes, Action::OpenGroup, &["<Enter>", "l", "<Right>"], "Show every article's rendering of the quote, in time order", Some("open")),
    (Scope::Quotes, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Quote, Action::ScrollDown, &["j", "<Down>"], "Scroll down a line", None),
    (Scope::Quote, Action::ScrollUp, &["k", "<Up>"], "Scroll up a line", None),
    (Scope::Quote, Action::PageDown, &["<Space>", "<PageDown>", "<C-f>", "<C-d>"], "Scroll down a page", Some("page")),
    (Scope::Quote, Action::PageUp, &["<PageUp>", "b", "<C-b>", "<C-u>"], "Scroll up a page", None),
    (Scope::Quote, Action::ScrollToTop, &["g", "<Home>"], "Go to the top", None),
    (Scope::Quote, Action::ScrollToBottom, &["G", "<End>"], "Go to the bottom", None),
    (Scope::Quote, Action::NextPassage, &["]", "}"], "Show the next quote", Some("next")),
    (Scope::Quote, Action::PreviousPassage, &["[", "{"], "Show the previous quote", Some("prev")),
    (Scope::Quote, Action::Export, &["e"], "Write this quote as a report to cite (Markdown and an HTML page) in the current folder", Some("export")),
    (Scope::Quote, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Stories, Action::MoveDown, &["j", "<Down>"], "Select the next story", None),
    (Scope::Stories, Action::MoveUp, &["k", "<Up>"], "Select the previous story", None),
    (Scope::Stories, Action::MoveToTop, &["g", "<Home>"], "Select the first story", None),
    (Scope::Stories, Action::MoveToBottom, &["G", "<End>"], "Select the last story", None),
    (Scope::Stories, Action::PageDown, &["<PageDown>", "<C-f>", "<C-d>"], "Move down a page", None),
    (Scope::Stories, Action::PageUp, &["<PageUp>", "<C-b>", "<C-u>"], "Move up a page", None),
    (Scope::Stories, Action::StartFilter, &["/"], "Filter the stories by words of their lead, titles, outlets, wire credits or ids", Some("filter")),
    (Scope::Stories, Action::CycleSort, &["s"], "Sort by the next column", Some("sort")),
    (Scope::Stories, Action::ReverseSort, &["S"], "Reverse the sort order", None),
    (Scope::Stories, Action::SortByColumn1, &["1"], "Sort by story number (again: reverse)", None),
    (Scope::Stories, Action::SortByColumn2, &["2"], "Sort by number of articles (again: reverse)", None),
    (Scope::Stories, Action::SortByColumn3, &["3"], "Sort by number of outlets (again: reverse)", None),
    (Scope::Stories, Action::SortByColumn4, &["4"], "Sort by first date (again: reverse)", None),
    (Scope::Stories, Action::SortByColumn5, &["5"], "Sort by last date (again: reverse)", None),
    (Scope::Stories, Action::OpenStory, &["<Enter>", "l", "<Right>"], "Show the story's copies in time order", Some("open")),
    (Scope::Stories, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Story, Action::MoveDown, &["j", "<Down>"], "Select the next copy", None),
    (Scope::Story, Action::MoveUp, &["k", "<Up>"], "Select the previous copy", None),
    (Scope::Story, Action::MoveToTop, &["g", "<Home>"], "Select the first copy", None),
    (Scope::Story, Action::MoveToBottom, &["G", "<End>"], "Select the last copy", None),
    (Scope::Story, Action::PageDown, &["<PageDown>", "<C-f>", "<C-d>"], "Move down a page", None),
    (Scope::Story, Action::PageUp, &["<PageUp>", "<C-b>", "<C-u>"], "Move up a page", None),
    (Scope::Story, Action::Compare, &["c", "<Enter>"], "Compare the two marked copies, else the selected one with the earliest copy it is measured against", Some("compare")),
    (Scope::Story, Action::ToggleMark, &["<Space>"], "Mark the copy to compare (two at most)", Some("mark")),
    (Scope::Story, Action::Export, &["e"], "Write this story as a report to cite (Markdown and an HTML page) in the current folder", Some("export")),
    (Scope::Story, Action::CycleSort, &["s"], "Sort by the next column (date, outlet, family, keeps, added, dropped)", None),
    (Scope::Story, Action::ReverseSort, &["S"], "Reverse the sort order", None),
    (Scope::Story, Action::SortByColumn1, &["1"], "Sort by date (again: reverse)", None),
    (Scope::Story, Action::SortByColumn2, &["2"], "Sort by outlet (again: reverse)", None),
    (Scope::Story, Action::SortByColumn3, &["3"], "Sort by copy family (again: reverse)", None),
    (Scope::Story, Action::SortByColumn4, &["4"], "Sort by the share of the earliest copy kept (again: reverse)", None),
    (Scope::Story, Action::SortByColumn5, &["5"], "Sort by words added (again: reverse)", None),
    (Scope::Story, Action::SortByColumn6, &["6"], "Sort by words dropped (again: reverse)", None),
    (Scope::Story, Action::GoBack, &["<Esc>", "q", "h", "<Left>"], "Back", Some("back")),

    (Scope::Help, Action::Close, &["?", "<Esc>"], "Close this window", Some("close")),
    (Scope::Help, Action::ScrollDown, &["j", "<Down>"], "Scroll down a line", Some("scroll")),
    (Scope::Help, Action::ScrollUp, &["k", "<Up>"], "Scroll up a line", None),
    (Scope::Help, Action::PageDown, &["<Space>", "<PageDown>", "<C-d>"], "Scroll down a page", None),
    (Scope::Help, Action::PageUp, &["<PageUp>", "<C-u>"], "Scroll up a page", None),
    (Scope::Help, Action::ScrollToTop, &["g", "<Home>"], "Go to the top", None),
    (Scope::Help, Action::ScrollToBottom, &["G", "<End>"], "Go to the bottom", None),
];

/// Key bindings of every screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    scopes: [Vec<Binding>; Scope::ALL.len()],
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut scopes: [Vec<Binding>; Scope::ALL.len()] = Default::default();
        for &(scope, action, keys, description, hint) in DEFAULT_BINDINGS {
            let keys = keys
                .iter()
                .map(|k| {
                    k.parse()
                        .unwrap_or_else(|e| panic!("built-in key {k:?}: {e}"))
                })
                .collect();
            scopes[scope.index()].push(Binding {
                action,
                keys,
                description,
                hint,
            });
        }
        Keymap { scopes }
    }
}

impl Keymap {
    /// The bindings of one screen, in the order the help window lists them.
    pub fn bindings(&self, scope: Scope) -> &[Binding] {
        &self.scopes[scope.index()]
    }

    /// The action `key` is bound to on `scope` itself (not falling back to `global`).
    pub fn action_for(&self, scope: Scope, key: Key) -> Option<Action> {
        self.bindings(scope)
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The keys bound to `action` on `scope`; empty if none.
    pub fn keys_for(&self, scope: Scope, action: Action) -> &[Key] {
        self.bindings(scope)
            .iter()
            .find(|b| b.action == action)
            .map_or(&[], |b| &b.keys)
    }

    /// Replaces the keys bound to `action` on `screen` (`global`, `library`, `filter`,
    /// `reader`, `help`). The keys are taken away from any other action of that screen, so
    /// that a key the user binds does what the user said.
    pub fn bind(&mut self, screen: &str, action: &str, keys: Vec<Key>) -> Result<(), BindError> {
        let Some(scope) = Scope::from_name(screen) else {
            let names: Vec<&str> = Scope::ALL.iter().map(|s| s.name()).collect();
            return Err(BindError::UnknownScreen {
                screen: screen.to_string(),
                valid: names.join(", "),
            });
        };
        let bindings = &mut self.scopes[scope.index()];
        let Some(position) = bindings
            .iter()
            .position(|b| b.action.name() == Some(action))
        else {
            let names: Vec<&str> = bindings.iter().filter_map(|b| b.action.name()).collect();
            return Err(BindError::UnknownAction {
                screen: screen.to_string(),
                action: action.to_string(),
                valid: names.join(", "),
            });
        };
        let mut unique: Vec<Key> = Vec::with_capacity(keys.len());
        for key in keys {
            if !unique.contains(&key) {
                unique.push(key);
            }
        }
        for (i, binding) in bindings.iter_mut().enumerate() {
            if i != position {
                binding.keys.retain(|k| !unique.contains(k));
            }
        }
        bindings[position].keys = unique;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn key(s: &str) -> Key {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn event(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn parses_vim_notation() {
        use KeyCode::*;
        let cases: &[(&str, KeyCode, KeyModifiers)] = &[
            ("j", Char('j'), KeyModifiers::NONE),
            ("G", Char('G'), KeyModifiers::NONE),
            ("?", Char('?'), KeyModifiers::NONE),
            ("/", Char('/'), KeyModifiers::NONE),
            ("<", Char('<'), KeyModifiers::NONE),
            ("é", Char('é'), KeyModifiers::NONE),
            ("<Down>", Down, KeyModifiers::NONE),
            ("<down>", Down, KeyModifiers::NONE),
            ("<PageDown>", PageDown, KeyModifiers::NONE),
            ("<Home>", Home, KeyModifiers::NONE),
            ("<End>", End, KeyModifiers::NONE),
            ("<Enter>", Enter, KeyModifiers::NONE),
            ("<CR>", Enter, KeyModifiers::NONE),
            ("<Esc>", Esc, KeyModifiers::NONE),
            ("<Tab>", Tab, KeyModifiers::NONE),
            ("<S-Tab>", BackTab, KeyModifiers::NONE),
            ("<Space>", Char(' '), KeyModifiers::NONE),
            ("<lt>", Char('<'), KeyModifiers::NONE),
            ("<C-d>", Char('d'), KeyModifiers::CONTROL),
            ("<C-D>", Char('d'), KeyModifiers::CONTROL),
            ("<c-u>", Char('u'), KeyModifiers::CONTROL),
            ("<C-c>", Char('c'), KeyModifiers::CONTROL),
            ("<S-j>", Char('J'), KeyModifiers::NONE),
            ("<A-x>", Char('x'), KeyModifiers::ALT),
            ("<C-->", Char('-'), KeyModifiers::CONTROL),
            ("<S-Down>", Down, KeyModifiers::SHIFT),
            ("<F1>", F(1), KeyModifiers::NONE),
            ("<F12>", F(12), KeyModifiers::NONE),
        ];
        for &(text, code, modifiers) in cases {
            assert_eq!(key(text), Key { code, modifiers }, "{text}");
        }
    }

    #[test]
    fn rejects_unknown_notation_with_a_useful_message() {
        let err = "Ctl-d".parse::<Key>().unwrap_err().to_string();
        assert!(err.starts_with("unknown key name 'Ctl-d'"), "{err}");
        assert!(err.contains("<C-d>"), "{err}");
        let err = "<Ctl-d>".parse::<Key>().unwrap_err().to_string();
        assert!(
            err.starts_with("unknown key name 'Ctl-d' in '<Ctl-d>'"),
            "{err}"
        );
        let err = "<X-d>".parse::<Key>().unwrap_err().to_string();
        assert!(err.contains("'X-d'"), "{err}");
        for bad in ["", "<>", "<Down", "<F0>", "<F99>", "<PageDwn>", "jj"] {
            assert!(bad.parse::<Key>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn display_round_trips_through_parse() {
        for text in [
            "j",
            "G",
            "?",
            "<lt>",
            "<Down>",
            "<C-d>",
            "<S-Tab>",
            "<Space>",
            "<F1>",
            "<A-x>",
            "<S-Down>",
            "<C-Space>",
            "<Backspace>",
            "<PageUp>",
        ] {
            assert_eq!(key(text).to_string(), text);
            assert_eq!(key(&key(text).to_string()), key(text));
        }
        assert_eq!(key("<CR>").to_string(), "<Enter>");
        assert_eq!(key("<C-d>").label(), "C-d");
        assert_eq!(key("j").label(), "j");
        assert_eq!(key("<lt>").label(), "lt");
    }

    #[test]
    fn key_events_match_parsed_keys() {
        use KeyCode::*;
        assert_eq!(event(Char('G'), KeyModifiers::SHIFT), key("G"));
        assert_eq!(event(Char('?'), KeyModifiers::SHIFT), key("?"));
        assert_eq!(event(Char('d'), KeyModifiers::CONTROL), key("<C-d>"));
        assert_eq!(
            event(Char('D'), KeyModifiers::CONTROL | KeyModifiers::SHIFT),
            key("<C-d>")
        );
        assert_eq!(event(BackTab, KeyModifiers::SHIFT), key("<S-Tab>"));
        assert_eq!(event(Char(' '), KeyModifiers::NONE), key("<Space>"));
        assert_eq!(event(Down, KeyModifiers::NONE), key("<Down>"));
        assert_ne!(event(Char('j'), KeyModifiers::CONTROL), key("j"));
        assert_eq!(event(Char('j'), KeyModifiers::NONE).typed_char(), Some('j'));
        assert_eq!(event(Char('j'), KeyModifiers::CONTROL).typed_char(), None);
    }

    #[test]
    fn default_keymap_looks_up_per_screen() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.action_for(Scope::Library, key("j")),
            Some(Action::MoveDown)
        );
        assert_eq!(
            keymap.action_for(Scope::Reader, key("q")),
            Some(Action::GoBack)
        );
        assert_eq!(keymap.action_for(Scope::Library, key("q")), None);
        assert_eq!(
            keymap.action_for(Scope::Global, key("q")),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action_for(Scope::Global, key("<C-c>")),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.keys_for(Scope::Reader, Action::ToggleRaw),
            &[key("r")]
        );
        assert_eq!(keymap.keys_for(Scope::Reader, Action::OpenArticle), &[]);
    }

    #[test]
    fn bind_replaces_keys_and_takes_them_from_other_actions() {
        let mut keymap = Keymap::default();
        keymap
            .bind("library", "reverse_sort", vec![key("s"), key("s")])
            .unwrap();
        assert_eq!(
            keymap.keys_for(Scope::Library, Action::ReverseSort),
            &[key("s")]
        );
        assert_eq!(keymap.keys_for(Scope::Library, Action::CycleSort), &[]);
        assert_eq!(
            keymap.action_for(Scope::Library, key("s")),
            Some(Action::ReverseSort)
        );
        assert_eq!(keymap.action_for(Scope::Library, key("S")), None);

        // Swapping two keys works whichever action is bound first.
        keymap
            .bind("reader", "scroll_down", vec![key("k")])
            .unwrap();
        keymap.bind("reader", "scroll_up", vec![key("j")]).unwrap();
        assert_eq!(
            keymap.action_for(Scope::Reader, key("j")),
            Some(Action::ScrollUp)
        );
        assert_eq!(
            keymap.action_for(Scope::Reader, key("k")),
            Some(Action::ScrollDown)
        );

        // The same key on another screen is untouched.
        assert_eq!(
            keymap.action_for(Scope::Library, key("j")),
            Some(Action::MoveDown)
        );

        keymap.bind("global", "quit", vec![]).unwrap();
        assert_eq!(keymap.action_for(Scope::Global, key("q")), None);
    }

    #[test]
    fn bind_rejects_unknown_screens_and_actions_listing_valid_names() {
        let mut keymap = Keymap::default();
        let err = keymap
            .bind("libary", "quit", vec![])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "unknown screen 'libary' in [keys]; valid screens: global, library, filter, reader, compare, groups, group, matrix, quotes, quote, stories, story, help"
        );
        let err = keymap
            .bind("reader", "open_article", vec![])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("unknown action 'open_article' for screen 'reader'; valid actions: scroll_down, scroll_up,"), "{err}");
        assert!(err.contains("toggle_raw"), "{err}");
        assert_eq!(keymap, Keymap::default());
    }

    #[test]
    fn no_key_is_bound_twice_on_one_screen() {
        let keymap = Keymap::default();
        for scope in Scope::ALL {
            let mut seen = Vec::new();
            for binding in keymap.bindings(scope) {
                for k in &binding.keys {
                    assert!(!seen.contains(k), "{k} bound twice in {}", scope.name());
                    seen.push(*k);
                }
            }
        }
    }

    /// `config.example.toml` lists every action of every screen with its default keys, so
    /// the documentation cannot drift from the code.
    #[test]
    fn the_example_config_lists_exactly_the_default_keys() {
        let text = include_str!("../../config.example.toml");
        let config = crate::config::Config::from_toml(text, std::path::Path::new("example"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.keymap, Keymap::default());

        let value: toml::Table = toml::from_str(text).unwrap();
        let keys = value["keys"]
            .as_table()
            .expect("[keys.*] tables in the example");
        let documented: Vec<(String, String)> = keys
            .iter()
            .flat_map(|(screen, actions)| {
                let actions = actions.as_table().expect("a table per screen");
                actions
                    .keys()
                    .map(move |action| (screen.clone(), action.clone()))
            })
            .collect();
        let mut expected: Vec<(String, String)> = Scope::ALL
            .iter()
            .flat_map(|&scope| {
                Keymap::default()
                    .bindings(scope)
                    .iter()
                    .map(move |b| {
                        (
                            scope.name().to_string(),
                            b.action.name().unwrap_or("").to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut documented_sorted = documented.clone();
        documented_sorted.sort();
        expected.sort();
        assert_eq!(documented_sorted, expected);
    }
}
