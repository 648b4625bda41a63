//! Everything the interface can be asked to do, as data.
//!
//! Keys become actions through the [keymap](super::keymap); mouse, resize and typed text
//! become the few actions that carry data. [`App::update`](super::app::App::update) is the
//! only place that acts on them.

use serde::{Deserialize, Serialize};

use crate::display::ArticleIdx;

/// A request to the app. Unit variants can be bound to keys: their snake_case names are
/// what users write in `[keys.*]` of the config file, so renaming one breaks configs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    ShowHelp,

    // Lists (library) and scrolling text (reader, help).
    MoveDown,
    MoveUp,
    MoveToTop,
    MoveToBottom,
    ScrollDown,
    ScrollUp,
    ScrollToTop,
    ScrollToBottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,

    // Library.
    OpenArticle,
    StartFilter,
    ClearFilter,
    CycleSort,
    ReverseSort,
    SortByOutlet,
    SortByDate,
    SortByTitle,
    SortByWords,
    SortById,
    SortByShared,
    /// Library: group the articles story by story, or not.
    GroupByStory,
    /// Shared passages: sort by number of articles.
    SortByArticles,
    /// Shared passages: sort by score.
    SortByScore,
    /// Stories, one story, quotes: sort by the list's first (second, …) sortable column
    /// from the left; again: reverse.
    SortByColumn1,
    SortByColumn2,
    SortByColumn3,
    SortByColumn4,
    SortByColumn5,
    SortByColumn6,
    ShowWarnings,
    /// Compare the selected article with the marked one, else with the one it shares most with.
    Compare,
    /// Mark the selected article for a comparison, or unmark it.
    ToggleMark,

    // Alignment screens, from anywhere.
    ShowGroups,
    ShowMatrix,
    /// List the quotes carried by several articles.
    ShowQuotes,
    ShowStories,
    /// Stories list: open the selected story.
    OpenStory,

    // Compare screen.
    NextPassage,
    PreviousPassage,
    SwitchSide,
    SwapSides,
    /// Compare: hide or show text aligned with nothing; reader: show only what no other
    /// article says.
    ToggleUnique,
    OpenGroup,
    /// Write the comparison on screen as a report to cite (Markdown and HTML).
    Export,

    // Matrix.
    MoveLeft,
    MoveRight,

    // The library's filter prompt.
    ConfirmFilter,
    CancelFilter,
    DeleteChar,

    // Reader.
    ToggleRaw,
    /// Go to the next match of the search.
    NextMatch,
    /// Go to the previous match of the search.
    PreviousMatch,
    NextArticle,
    PreviousArticle,
    GoBack,

    // Help and other popups.
    Close,

    /// The terminal now has this size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// A character typed into the filter prompt.
    #[serde(skip)]
    InsertChar(char),
    /// The mouse wheel turned one notch.
    #[serde(skip)]
    Wheel {
        is_down: bool,
    },
    /// The left mouse button was pressed at this cell.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// Open the compare screen on these two articles (corpus indices).
    #[serde(skip)]
    CompareArticles {
        left: ArticleIdx,
        right: ArticleIdx,
    },
    /// Compare this article (a corpus index) with the one it shares most with.
    #[serde(skip)]
    CompareBest {
        article: ArticleIdx,
    },
    /// Compare this article with the one marked in the library, else with its best partner.
    #[serde(skip)]
    CompareFrom {
        article: ArticleIdx,
    },
    /// Read the next (or previous) article of the library's list.
    #[serde(skip)]
    OpenAdjacent {
        is_next: bool,
    },
    /// Open this shared passage (an index into the alignment's groups).
    #[serde(skip)]
    ShowGroup {
        group: usize,
    },
    /// Open this quote (an index into the alignment's quotes).
    #[serde(skip)]
    ShowQuote {
        quote: usize,
    },
    /// Open this story (its number in the stories list).
    #[serde(skip)]
    ShowStory {
        story: usize,
    },
}

impl Action {
    /// For `SortByColumn1` to `SortByColumn6`, the column's place among the list's sortable
    /// columns (0 to 5).
    pub fn sort_column_number(self) -> Option<usize> {
        Some(match self {
            Action::SortByColumn1 => 0,
            Action::SortByColumn2 => 1,
            Action::SortByColumn3 => 2,
            Action::SortByColumn4 => 3,
            Action::SortByColumn5 => 4,
            Action::SortByColumn6 => 5,
            _ => return None,
        })
    }

    /// Every action a key can be bound to.
    pub const BINDABLE: &'static [Action] = &[
        Action::Quit,
        Action::ShowHelp,
        Action::MoveDown,
        Action::MoveUp,
        Action::MoveToTop,
        Action::MoveToBottom,
        Action::ScrollDown,
        Action::ScrollUp,
        Action::ScrollToTop,
        Action::ScrollToBottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::OpenArticle,
        Action::StartFilter,
        Action::ClearFilter,
        Action::CycleSort,
        Action::ReverseSort,
        Action::SortByOutlet,
        Action::SortByDate,
        Action::SortByTitle,
        Action::SortByWords,
        Action::SortById,
        Action::SortByShared,
        Action::GroupByStory,
        Action::SortByArticles,
        Action::SortByScore,
        Action::SortByColumn1,
        Action::SortByColumn2,
        Action::SortByColumn3,
        Action::SortByColumn4,
        Action::SortByColumn5,
        Action::SortByColumn6,
        Action::ShowWarnings,
        Action::Compare,
        Action::ToggleMark,
        Action::ShowGroups,
        Action::ShowMatrix,
        Action::ShowQuotes,
        Action::ShowStories,
        Action::OpenStory,
        Action::NextPassage,
        Action::PreviousPassage,
        Action::SwitchSide,
        Action::SwapSides,
        Action::ToggleUnique,
        Action::OpenGroup,
        Action::Export,
        Action::MoveLeft,
        Action::MoveRight,
        Action::ConfirmFilter,
        Action::CancelFilter,
        Action::DeleteChar,
        Action::ToggleRaw,
        Action::NextMatch,
        Action::PreviousMatch,
        Action::NextArticle,
        Action::PreviousArticle,
        Action::GoBack,
        Action::Close,
    ];

    /// The name used in the config file (`move_down`), the same as its serde name; `None` for
    /// actions that carry data and cannot be bound.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::ShowHelp => "show_help",
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::MoveToTop => "move_to_top",
            Action::MoveToBottom => "move_to_bottom",
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::ScrollToTop => "scroll_to_top",
            Action::ScrollToBottom => "scroll_to_bottom",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::OpenArticle => "open_article",
            Action::StartFilter => "start_filter",
            Action::ClearFilter => "clear_filter",
            Action::CycleSort => "cycle_sort",
            Action::ReverseSort => "reverse_sort",
            Action::SortByOutlet => "sort_by_outlet",
            Action::SortByDate => "sort_by_date",
            Action::SortByTitle => "sort_by_title",
            Action::SortByWords => "sort_by_words",
            Action::SortById => "sort_by_id",
            Action::SortByShared => "sort_by_shared",
            Action::GroupByStory => "group_by_story",
            Action::SortByArticles => "sort_by_articles",
            Action::SortByScore => "sort_by_score",
            Action::SortByColumn1 => "sort_by_column1",
            Action::SortByColumn2 => "sort_by_column2",
            Action::SortByColumn3 => "sort_by_column3",
            Action::SortByColumn4 => "sort_by_column4",
            Action::SortByColumn5 => "sort_by_column5",
            Action::SortByColumn6 => "sort_by_column6",
            Action::ShowWarnings => "show_warnings",
            Action::Compare => "compare",
            Action::ToggleMark => "toggle_mark",
            Action::ShowGroups => "show_groups",
            Action::ShowMatrix => "show_matrix",
            Action::ShowQuotes => "show_quotes",
            Action::ShowStories => "show_stories",
            Action::OpenStory => "open_story",
            Action::NextPassage => "next_passage",
            Action::PreviousPassage => "previous_passage",
            Action::SwitchSide => "switch_side",
            Action::SwapSides => "swap_sides",
            Action::ToggleUnique => "toggle_unique",
            Action::OpenGroup => "open_group",
            Action::Export => "export",
            Action::MoveLeft => "move_left",
            Action::MoveRight => "move_right",
            Action::ConfirmFilter => "confirm_filter",
            Action::CancelFilter => "cancel_filter",
            Action::DeleteChar => "delete_char",
            Action::ToggleRaw => "toggle_raw",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::NextArticle => "next_article",
            Action::PreviousArticle => "previous_article",
            Action::GoBack => "go_back",
            Action::Close => "close",
            Action::Resize { .. }
            | Action::InsertChar(_)
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::CompareArticles { .. }
            | Action::CompareBest { .. }
            | Action::CompareFrom { .. }
            | Action::OpenAdjacent { .. }
            | Action::ShowGroup { .. }
            | Action::ShowQuote { .. } => return None,
            Action::ShowStory { .. } => return None,
        })
    }

    /// The bindable action with this config name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE
            .iter()
            .copied()
            .find(|a| a.name() == Some(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        for &action in Action::BINDABLE {
            let serde_name = serde_json::to_value(action).unwrap();
            assert_eq!(serde_name.as_str(), action.name(), "{action:?}");
            let back: Action = serde_json::from_value(serde_name).unwrap();
            assert_eq!(back, action);
        }
    }

    #[test]
    fn every_unit_action_is_bindable_and_named_once() {
        let mut names: Vec<&str> = Action::BINDABLE.iter().filter_map(|a| a.name()).collect();
        assert_eq!(names.len(), Action::BINDABLE.len());
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::BINDABLE.len());
        assert_eq!(Action::from_name("toggle_raw"), Some(Action::ToggleRaw));
        assert_eq!(Action::from_name("resize"), None);
        assert_eq!(
            Action::Resize {
                width: 1,
                height: 1
            }
            .name(),
            None
        );
    }
}
