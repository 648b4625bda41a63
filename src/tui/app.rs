//! The model: [`App`] holds the corpus, the library and the stack of screens open over it;
//! [`handle_event`] turns a terminal event into an [`Action`] through the keymap of the
//! current screen, and [`App::update`] applies it: the app's own actions here (opening,
//! going back, what needs the alignment), the rest handed to the screen on top. Drawing is
//! elsewhere ([`super::ui::view`]) and reads only.

use std::sync::Arc;

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect, Size};

use super::action::Action;
use super::keymap::{Key, Keymap, Scope};
use super::progress::Progress;
use super::screens::compare::CompareState;
use super::screens::group::GroupState;
use super::screens::groups::GroupsState;
use super::screens::help::HelpState;
use super::screens::library::{Column, Hit, LibraryState};
use super::screens::list::ListScreen;
use super::screens::matrix::MatrixState;
use super::screens::quote::QuoteState;
use super::screens::quotes::QuotesState;
use super::screens::reader::ReaderState;
use super::screens::stories::StoriesState;
use super::screens::story::StoryState;
pub use super::screens::Screen;
use super::screens::{Context, Open, WHEEL_LINES};
use super::theme::Theme;
use crate::corpus::Corpus;
use crate::display::comparison::Comparison;
use crate::display::{story, AlignmentIndex, ArticleIdx};

/// Where the corpus alignment stands. It runs off the UI thread; the screens that need it
/// open once it is ready.
#[derive(Debug, Clone)]
pub enum AlignmentState {
    /// Still running: how far it is, for the title bar ("aligning: paraphrases").
    Running(Progress),
    /// Indexed on the worker, its groups in listing order.
    Ready(Arc<AlignmentIndex>),
    Failed(String),
}

/// Which popup is open, if any: help toggles with its key, the skipped-files list does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopupKind {
    Help,
    SkippedFiles,
}

/// Where the title bar, the current screen and the status line go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppLayout {
    pub title: Rect,
    pub body: Rect,
    pub status: Rect,
}

impl AppLayout {
    /// The title bar and the status line take a row each when there is room for them and at
    /// least one row of screen: below 3 rows the status line goes first, then the title.
    pub fn new(area: Rect) -> AppLayout {
        let mut body = area;
        let mut title = Rect { height: 0, ..area };
        let mut status = Rect {
            y: area.bottom(),
            height: 0,
            ..area
        };
        if area.height >= 2 {
            status = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            };
            body.height -= 1;
        }
        if area.height >= 3 {
            title = Rect { height: 1, ..area };
            body.y += 1;
            body.height -= 1;
        }
        AppLayout {
            title,
            body,
            status,
        }
    }
}

/// The whole interface's state.
#[derive(Debug)]
pub struct App {
    /// Shared with the worker (which aligns its texts) and the comparisons.
    pub(super) corpus: Arc<Corpus>,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    /// The screen beneath every other.
    pub(super) library: LibraryState,
    /// The screens open over the library, the current one last; empty: the library shows.
    stack: Vec<Open>,
    pub(super) alignment: AlignmentState,
    /// The article marked (`Space` in the library) to be compared with the selected one.
    pub(super) marked: Option<ArticleIdx>,
    pub(super) popup: Option<(PopupKind, HelpState)>,
    /// A message for the status line, shown until the next key.
    pub(super) message: Option<String>,
    /// True while the corpus is still being read (see [`App::loading`]).
    pub(super) is_loading: bool,
    /// What to do once the alignment is ready (`crossread compare A B` opens on A and B).
    pending: Option<Action>,
    /// True if `pending` is what the session was started for (not a key pressed early).
    pending_is_launch: bool,
    /// The screen the session was started on from the command line (`crossread compare A
    /// B`): going back from it ends the session, as there is nothing behind it.
    launched_on: Option<Screen>,
    /// Where reports go (`e` on the compare screen); `None` writes none.
    pub(super) export: Option<super::export::Target>,
    size: Size,
    is_running: bool,
}

impl App {
    pub fn new(corpus: impl Into<Arc<Corpus>>, keymap: Keymap, theme: Theme) -> App {
        let corpus = corpus.into();
        let library = LibraryState::new(&corpus.articles, theme);
        let articles = corpus.articles.len();
        App {
            corpus,
            keymap,
            theme,
            library,
            stack: Vec::new(),
            alignment: AlignmentState::Running(Progress::LiningUp {
                articles,
                stage: None,
            }),
            marked: None,
            popup: None,
            message: None,
            is_loading: false,
            pending: None,
            pending_is_launch: false,
            launched_on: None,
            export: None,
            size: Size::default(),
            is_running: true,
        }
    }

    /// An app whose corpus is still being read: it draws and answers keys at once, and
    /// shows the articles when [`App::set_corpus`] hands them over. `progress` says what is
    /// going on, in the title bar ("loading 10,000 files").
    pub fn loading(progress: Progress, keymap: Keymap, theme: Theme) -> App {
        let mut app = App::new(Corpus::default(), keymap, theme);
        app.alignment = AlignmentState::Running(progress);
        app.is_loading = true;
        app
    }

    /// Takes the corpus read since [`App::loading`]: the library lists it from the top.
    pub fn set_corpus(&mut self, corpus: Arc<Corpus>) {
        let mut library = LibraryState::new(&corpus.articles, self.theme);
        library.keep_view_of(&self.library);
        self.library = library;
        self.corpus = corpus;
        self.is_loading = false;
        self.marked = None;
        self.relayout();
    }

    /// Takes the index of the articles' bodies: the library's filter searches them too.
    pub fn set_search(&mut self, index: Arc<crate::display::search::SearchIndex>) {
        if Arc::ptr_eq(index.corpus(), &self.corpus) {
            self.library.set_search(index);
        }
    }

    /// Returns true if and only if the alignment is still running (neither ready nor failed).
    pub fn is_aligning(&self) -> bool {
        matches!(self.alignment, AlignmentState::Running(_))
    }

    /// Returns true if and only if the corpus is still being read.
    pub fn is_loading(&self) -> bool {
        self.is_loading
    }

    /// Applies `action` once the alignment is ready (at once if it is).
    pub fn run_when_aligned(&mut self, action: Action) {
        self.pending = Some(action);
        self.pending_is_launch = true;
        if matches!(self.alignment, AlignmentState::Ready(_)) {
            self.run_pending();
        }
    }

    fn run_pending(&mut self) {
        let Some(action) = self.pending.take() else {
            return;
        };
        let mut next = Some(action);
        while let Some(action) = next {
            next = self.update(action);
        }
        if std::mem::take(&mut self.pending_is_launch) && !self.stack.is_empty() {
            self.launched_on = Some(self.screen());
            self.stack.drain(..self.stack.len() - 1);
        }
    }

    /// Returns true until the user quits.
    pub fn is_running(&self) -> bool {
        self.is_running
    }

    /// The terminal size the screens are laid out for.
    pub fn size(&self) -> Size {
        self.size
    }

    /// The current screen's kind.
    pub fn screen(&self) -> Screen {
        self.top().map_or(Screen::Library, |open| open.get().kind())
    }

    /// The screen open over the library, if any.
    pub fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    /// Takes the finished alignment of the corpus, indexed (by the worker).
    pub fn set_index(&mut self, index: Arc<AlignmentIndex>) {
        let overlap = index.overlap();
        let shares: Vec<f32> = (0..self.corpus.articles.len())
            .map(|i| overlap.shared(i))
            .collect();
        self.library.set_shares(&shares);
        let stories = story::clusters(&story::stories(index.alignment(), &self.corpus));
        self.library.set_stories(&stories);
        for open in &mut self.stack {
            if let Open::Reader(reader) = open {
                reader.set_alignment(index.alignment(), &self.corpus);
            }
        }
        self.alignment = AlignmentState::Ready(index);
        self.run_pending();
    }

    /// Takes an alignment of the corpus and indexes it here, on the calling thread (the
    /// worker sends one indexed already: [`App::set_index`]).
    #[cfg(test)]
    pub fn set_alignment(&mut self, alignment: crate::align::Alignment) {
        let index = AlignmentIndex::new(alignment, &self.corpus);
        self.set_index(Arc::new(index));
    }

    /// Tells how far the alignment is, while it runs.
    pub fn set_alignment_progress(&mut self, progress: Progress) {
        if matches!(self.alignment, AlignmentState::Running(_)) {
            self.alignment = AlignmentState::Running(progress);
        }
    }

    /// The alignment could not be made (or read back): the screens that need it say why.
    pub fn set_alignment_failed(&mut self, reason: String) {
        self.alignment = AlignmentState::Failed(reason);
    }

    /// The corpus and its alignment, once the alignment is ready.
    pub fn context(&self) -> Option<Context<'_>> {
        match &self.alignment {
            AlignmentState::Ready(index) => Some(Context {
                corpus: &self.corpus,
                index,
                alignment: index.alignment(),
                overlap: index.overlap(),
            }),
            _ => None,
        }
    }

    /// The context, or else a message saying why the alignment screens cannot open yet.
    fn require_context(&mut self) -> Option<Context<'_>> {
        let message = match &self.alignment {
            AlignmentState::Ready(_) => None,
            AlignmentState::Running(progress) => Some(format!(
                "Still lining up the articles ({progress}); try again in a moment."
            )),
            AlignmentState::Failed(reason) => Some(format!("No alignment: {reason}")),
        };
        if let Some(message) = message {
            self.message = Some(message);
            return None;
        }
        self.context()
    }

    /// The keymap scope keys are looked up in first.
    pub fn scope(&self) -> Scope {
        if self.popup.is_some() {
            return Scope::Help;
        }
        match self.top() {
            Some(open) => open.get().scope(),
            None if self.library.is_editing_filter() => Scope::Filter,
            None => Scope::Library,
        }
    }

    /// The scopes whose keys the help shows for the current screen, global last.
    fn help_scopes(&self) -> Vec<Scope> {
        match self.top() {
            Some(open) => vec![open.get().scope(), Scope::Global],
            None => vec![Scope::Library, Scope::Filter, Scope::Global],
        }
    }

    fn layout(&self) -> AppLayout {
        AppLayout::new(Rect::new(0, 0, self.size.width, self.size.height))
    }

    /// Handles one terminal event the way the event loop does: the action it maps to, and
    /// the actions that one returns, until none is left.
    pub fn dispatch(&mut self, event: &Event) {
        if let Event::Paste(text) = event {
            self.paste(text);
            return;
        }
        let mut next = handle_event(self, event);
        if next.is_none() && self.popup.is_some() && matches!(event, Event::Key(_)) {
            // A key the window does not use closes it and acts on the screen beneath, so `q`
            // quits from the library and goes back from the reader, help open or not.
            self.popup = None;
            next = handle_event(self, event);
        }
        while let Some(action) = next {
            next = self.update(action);
        }
    }

    /// Takes a pasted text (bracketed paste) as text, never as keys: in the filter prompt it
    /// is typed in, its line breaks and tabs as spaces; elsewhere it is ignored. A newline in
    /// it confirms nothing and a `q` quits nothing.
    fn paste(&mut self, text: &str) {
        /// A filter is a few words; a pasted page is cut rather than filtered letter by letter.
        const MAX_PASTE_CHARS: usize = 200;
        if self.scope() != Scope::Filter {
            return;
        }
        for c in text.chars().take(MAX_PASTE_CHARS) {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c => c,
            };
            let mut next = Some(Action::InsertChar(c));
            while let Some(action) = next {
                next = self.update(action);
            }
        }
    }

    /// Applies one action; may return a follow-up action.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        let is_step = matches!(action, Action::NextPassage | Action::PreviousPassage);
        if is_step && self.popup.is_none() {
            if let Some(step) = self.list_step(action) {
                return step;
            }
        }
        match action {
            Action::Quit => self.is_running = false,
            Action::ShowHelp => self.toggle_help(),
            Action::Resize { width, height } => {
                self.size = Size { width, height };
                self.relayout();
            }
            Action::Wheel { is_down } => self.wheel(is_down),
            Action::Click { column, row } => return self.click(Position { x: column, y: row }),
            _ if self.popup.is_some() => self.update_popup(action),
            Action::ShowGroups
            | Action::ShowMatrix
            | Action::ShowQuotes
            | Action::ShowStories
            | Action::CompareArticles { .. }
            | Action::CompareBest { .. }
            | Action::ShowGroup { .. }
            | Action::ShowQuote { .. }
                if matches!(self.alignment, AlignmentState::Running(_)) =>
            {
                // Asked for before the alignment is done: done when it is.
                let what = match action {
                    Action::ShowGroups => "The shared passages open",
                    Action::ShowMatrix => "The overlap matrix opens",
                    Action::ShowQuotes | Action::ShowQuote { .. } => "The quotes open",
                    Action::ShowStories => "The stories open",
                    _ => "The comparison opens",
                };
                let progress = match &self.alignment {
                    AlignmentState::Running(progress) => progress.to_string(),
                    _ => String::new(),
                };
                self.message = Some(format!(
                    "{what} once the articles are lined up ({progress})."
                ));
                self.pending = Some(action);
                self.pending_is_launch = false;
            }
            Action::ShowGroups => self.open_groups(),
            Action::CompareBest { article } => return self.compare_best(article),
            Action::ShowMatrix => self.open_matrix(),
            Action::CompareArticles { left, right } => self.open_compare(left, right),
            Action::ShowGroup { group } => self.open_group(group),
            Action::ShowQuotes => self.open_quotes(),
            Action::ShowQuote { quote } => self.open_quote(quote),
            Action::ShowStories => self.open_stories(),
            Action::ShowStory { story } => self.open_story(story),
            Action::CompareFrom { article } => return self.compare_from(article),
            Action::OpenAdjacent { is_next } => self.open_adjacent(is_next),
            Action::GoBack if !self.stack.is_empty() => self.go_back(),
            Action::Export => {
                if let Some(Open::Compare(compare)) = self.stack.last() {
                    let written =
                        super::export::comparison(self.export.as_ref(), compare.comparison());
                    self.message = Some(written);
                } else {
                    self.export_claim();
                }
                if let Some(Open::Story(story)) = self.stack.last() {
                    let written =
                        super::export::story(self.export.as_ref(), &self.corpus, story.detail());
                    self.message = Some(written);
                }
            }
            Action::ToggleUnique if self.screen() == Screen::Reader => {
                // The unique-only view needs the alignment.
                self.require_context()?;
                return self.stack.last_mut()?.get_mut().update(action);
            }
            _ => match self.stack.last_mut() {
                Some(open) => return open.get_mut().update(action),
                None => return self.update_library(action),
            },
        }
        None
    }

    /// On a group opened from the shared-passages list, `]` and `[` follow the list as it
    /// is sorted and filtered: the group to show next (`Some(None)` at the end of the list,
    /// said on the status line), or `None` when no list is beneath that shows this group.
    fn list_step(&mut self, action: Action) -> Option<Option<Action>> {
        let Some(Open::Group(shown)) = self.stack.last() else {
            return None;
        };
        let group = shown.group();
        let forward = action == Action::NextPassage;
        let step = self.stack.iter().rev().find_map(|open| match open {
            Open::Groups(list) => list.step_from(group, forward),
            _ => None,
        })?;
        if step.is_none() {
            let end = if forward { "last" } else { "first" };
            self.message = Some(format!("This is the {end} shared passage."));
        }
        Some(step.map(|group| Action::ShowGroup { group }))
    }

    /// Puts `open` on top. Reopening a kind of screen that is already open goes back to it
    /// (with its new state) instead of stacking a second copy.
    fn show(&mut self, open: Open) {
        let kind = open.get().kind();
        if let Some(at) = self.stack.iter().position(|o| o.get().kind() == kind) {
            self.stack.truncate(at);
        }
        self.stack.push(open);
    }

    /// Pops the current screen; from the screen the session was started on, quits.
    fn go_back(&mut self) {
        if self.stack.len() == 1 && self.launched_on == Some(self.screen()) {
            self.is_running = false;
            return;
        }
        self.stack.pop();
    }

    /// Goes back to the screen of this kind if one is open beneath (a list keeps its sort,
    /// filter and selection that way); returns false if none is.
    fn back_to(&mut self, kind: Screen) -> bool {
        match self.stack.iter().position(|o| o.get().kind() == kind) {
            Some(at) => {
                self.stack.truncate(at + 1);
                true
            }
            None => false,
        }
    }

    fn open_groups(&mut self) {
        if self.back_to(Screen::Groups) {
            return;
        }
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let mut groups = GroupsState::new(&context, theme);
        groups.relayout_list(self.layout().body);
        self.show(Open::Groups(groups));
    }

    /// Opens the matrix of the articles the library shows (its filter kept).
    fn open_matrix(&mut self) {
        let theme = self.theme;
        let shown = self.library.view().to_vec();
        let filter = self.library.filter().to_string();
        let Some(context) = self.require_context() else {
            return;
        };
        let mut matrix = MatrixState::new(&context, &shown, &filter, theme);
        matrix.relayout(self.layout().body);
        self.show(Open::Matrix(matrix));
    }

    fn open_stories(&mut self) {
        if self.back_to(Screen::Stories) {
            return;
        }
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let mut stories = StoriesState::new(&context, theme);
        stories.relayout_list(self.layout().body);
        self.show(Open::Stories(stories));
    }

    /// Opens story `number` (as the stories list numbers it).
    fn open_story(&mut self, number: usize) {
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let entries = crate::display::story::stories(context.alignment, context.corpus);
        let Some(entry) = entries.iter().find(|e| e.number == number) else {
            self.message = Some(format!("No story {number}."));
            return;
        };
        let detail =
            crate::display::story::StoryDetail::new(entry, context.corpus, context.overlap);
        let mut state = StoryState::new(&context, detail, theme);
        state.relayout(self.layout().body);
        self.show(Open::Story(state));
    }

    fn open_compare(&mut self, left: ArticleIdx, right: ArticleIdx) {
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let shared = (Arc::clone(context.corpus), Arc::clone(context.index));
        let Some(comparison) = Comparison::new(shared.0, shared.1, left, right) else {
            self.message = Some("No such article to compare.".to_string());
            return;
        };
        let mut compare = CompareState::new(comparison, theme);
        compare.relayout(self.layout().body);
        self.show(Open::Compare(compare));
    }

    fn open_group(&mut self, group: usize) {
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let mut state = GroupState::new(&context, group, theme);
        state.relayout(self.layout().body);
        // Back in the list, the group last shown is the one selected (`]` and `[` move on).
        for open in &mut self.stack {
            if let Open::Groups(groups) = open {
                groups.select(group);
            }
        }
        self.show(Open::Group(state));
    }

    /// The quotes several articles carry. From a shared passage, the first quote inside it
    /// is selected.
    fn open_quotes(&mut self) {
        let theme = self.theme;
        let group = match self.stack.last() {
            Some(Open::Group(state)) => Some(state.group()),
            _ => None,
        };
        let Some(context) = self.require_context() else {
            return;
        };
        let in_group = group
            .and_then(|g| context.alignment.groups.get(g))
            .and_then(|g| {
                context.alignment.quotes.iter().position(|q| {
                    q.members
                        .iter()
                        .any(|r| g.members.iter().any(|m| m.overlap(&r.span) > 0))
                })
            });
        if self.back_to(Screen::Quotes) {
            if let (Some(quote), Some(Open::Quotes(list))) = (in_group, self.stack.last_mut()) {
                list.select(quote);
            }
            return;
        }
        let Some(context) = self.context() else {
            return;
        };
        let selected = in_group.unwrap_or(0);
        let mut state = QuotesState::new(&context, selected, theme);
        state.relayout_list(self.layout().body);
        self.show(Open::Quotes(state));
    }

    fn open_quote(&mut self, quote: usize) {
        let theme = self.theme;
        let Some(context) = self.require_context() else {
            return;
        };
        let mut state = QuoteState::new(&context, quote, theme);
        state.relayout(self.layout().body);
        for open in &mut self.stack {
            if let Open::Quotes(quotes) = open {
                quotes.select(quote);
            }
        }
        self.show(Open::Quote(state));
    }

    /// `e` on the group and quote screens: the report of what they show.
    fn export_claim(&mut self) {
        let target = self.export.clone();
        let which = match self.stack.last() {
            Some(Open::Group(state)) => super::export::Claim::Group(state.group()),
            Some(Open::Quote(state)) => super::export::Claim::Quote(state.quote()),
            _ => return,
        };
        let Some(context) = self.context() else {
            return;
        };
        self.message = Some(super::export::claim(target.as_ref(), &context, which));
    }

    /// The comparison `c` asks for on article `index`: with the marked article if another
    /// one is marked, else with the article it shares most with.
    fn compare_from(&mut self, index: ArticleIdx) -> Option<Action> {
        match self.marked.filter(|&m| m != index) {
            Some(marked) => Some(Action::CompareArticles {
                left: marked,
                right: index,
            }),
            None => Some(Action::CompareBest { article: index }),
        }
    }

    /// Compares `index` with the article it shares most with, if any.
    fn compare_best(&mut self, index: ArticleIdx) -> Option<Action> {
        let context = self.require_context()?;
        match context.overlap.best_partner(index.get()) {
            Some(partner) => Some(Action::CompareArticles {
                left: index,
                right: ArticleIdx(partner),
            }),
            None => {
                let id = self
                    .corpus
                    .articles
                    .get(index.get())
                    .map_or("", |a| a.id.as_str());
                self.message = Some(format!("{id} shares no passage with another article."));
                None
            }
        }
    }

    fn relayout(&mut self) {
        let body = self.layout().body;
        self.library.relayout(body);
        for open in &mut self.stack {
            open.get_mut().relayout(body);
        }
        if let Some((_, popup)) = &mut self.popup {
            popup.relayout(body);
        }
    }

    fn open_popup(&mut self, kind: PopupKind, mut popup: HelpState) {
        popup.relayout(self.layout().body);
        self.popup = Some((kind, popup));
    }

    fn toggle_help(&mut self) {
        if matches!(self.popup, Some((PopupKind::Help, _))) {
            self.popup = None;
        } else {
            let help = HelpState::keys(&self.keymap, &self.help_scopes(), self.theme);
            self.open_popup(PopupKind::Help, help);
        }
    }

    fn wheel(&mut self, is_down: bool) {
        let sign = if is_down { 1 } else { -1 };
        if let Some((_, popup)) = &mut self.popup {
            popup.scroll_by(sign * WHEEL_LINES);
            return;
        }
        match self.stack.last_mut() {
            Some(open) => open.get_mut().wheel(is_down),
            None => self.library.move_by(sign),
        }
    }

    fn click(&mut self, position: Position) -> Option<Action> {
        if self.popup.is_some() {
            return None;
        }
        if let Some(open) = self.stack.last_mut() {
            return open.get_mut().click(position);
        }
        match self.library.hit(position)? {
            // A click on the selected row opens it, as a double click would.
            Hit::Row(index) if index == self.library.position().0 => {
                return Some(Action::OpenArticle)
            }
            Hit::Row(index) => self.library.move_to(index),
            Hit::Heading(column) => self.library.sort_by(column),
        }
        None
    }

    fn update_popup(&mut self, action: Action) {
        let Some((_, popup)) = &mut self.popup else {
            return;
        };
        match action {
            Action::Close => self.popup = None,
            Action::ScrollDown => popup.scroll_by(1),
            Action::ScrollUp => popup.scroll_by(-1),
            Action::PageDown | Action::HalfPageDown => popup.scroll_by(popup.page()),
            Action::PageUp | Action::HalfPageUp => popup.scroll_by(-popup.page()),
            Action::ScrollToTop => popup.scroll_to_top(),
            Action::ScrollToBottom => popup.scroll_to_bottom(),
            _ => {}
        }
    }

    fn update_library(&mut self, action: Action) -> Option<Action> {
        let library = &mut self.library;
        match action {
            Action::MoveDown => library.move_by(1),
            Action::MoveUp => library.move_by(-1),
            Action::MoveToTop => library.move_to(0),
            Action::MoveToBottom => library.move_to_end(),
            Action::HalfPageDown => library.move_by(library.half_page()),
            Action::HalfPageUp => library.move_by(-library.half_page()),
            Action::PageDown => library.move_by(library.page()),
            Action::PageUp => library.move_by(-library.page()),
            Action::OpenArticle => self.open_selected(),
            Action::StartFilter => library.start_filter(),
            Action::ClearFilter | Action::CancelFilter => library.clear_filter(),
            Action::ConfirmFilter => library.confirm_filter(),
            Action::InsertChar(c) => library.push_filter_char(c),
            Action::DeleteChar => library.pop_filter_char(),
            Action::CycleSort => library.cycle_sort(),
            Action::ReverseSort => library.reverse_sort(),
            Action::ShowWarnings => {
                if self.corpus.warnings.is_empty() {
                    self.message = Some("No file was skipped.".to_string());
                } else {
                    let popup = HelpState::skipped_files(&self.corpus.warnings, self.theme);
                    self.open_popup(PopupKind::SkippedFiles, popup);
                }
            }
            Action::SortByOutlet => library.sort_by(Column::Outlet),
            Action::SortByDate => library.sort_by(Column::Date),
            Action::SortByTitle => library.sort_by(Column::Title),
            Action::SortByWords => library.sort_by(Column::Words),
            Action::SortById => library.sort_by(Column::Id),
            Action::SortByShared => library.sort_by(Column::Shared),
            Action::GroupByStory => {
                self.require_context()?;
                if self.library.has_stories() {
                    self.library.toggle_by_story();
                } else {
                    self.message = Some("No story: no two articles tell one event.".to_string());
                }
            }
            Action::ToggleMark => {
                let index = library.selected_article()?;
                self.marked = if self.marked == Some(index) {
                    None
                } else {
                    Some(index)
                };
                library.set_marked(self.marked);
                library.move_by(1);
            }
            Action::Compare => {
                let Some(index) = library.selected_article() else {
                    self.message = Some("No article to compare.".to_string());
                    return None;
                };
                return self.compare_from(index);
            }
            _ => {}
        }
        None
    }

    /// Reads the next (or previous) article of the library's list.
    fn open_adjacent(&mut self, is_next: bool) {
        let (index, len) = self.library.position();
        if is_next && index + 1 < len {
            self.library.move_by(1);
            self.open_selected();
        } else if !is_next && index > 0 {
            self.library.move_by(-1);
            self.open_selected();
        } else {
            let end = if is_next { "last" } else { "first" };
            self.message = Some(format!("This is the {end} article of the list."));
        }
    }

    /// Opens the library's selected article in the reader.
    fn open_selected(&mut self) {
        let Some(index) = self.library.selected_article() else {
            self.message = Some("No article to open.".to_string());
            return;
        };
        let Some(article) = index.of(&self.corpus) else {
            return;
        };
        // `J`/`K` from the unique-only view keep to it.
        let keep_unique = matches!(self.top(), Some(Open::Reader(reader)) if reader.is_unique());
        let mut reader = ReaderState::new(article, index, self.library.position(), self.theme);
        if let Some(context) = self.context() {
            reader.set_alignment(context.alignment, context.corpus);
        }
        reader.relayout(self.layout().body);
        if keep_unique {
            reader.toggle_unique();
        }
        self.show(Open::Reader(reader));
    }
}

/// The action a terminal event asks for on the current screen, if any.
///
/// A key is looked up in the current screen's bindings, then (in the filter prompt) typed
/// as text if it is a printable character, then looked up in the global bindings.
pub fn handle_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let key = Key::from_event(key);
            let scope = app.scope();
            if let Some(action) = app.keymap.action_for(scope, key) {
                return Some(action);
            }
            if scope == Scope::Filter {
                if let Some(c) = key.typed_char() {
                    return Some(Action::InsertChar(c));
                }
            }
            if scope == Scope::Help {
                // Left to `App::dispatch`, which closes the window and asks the screen beneath.
                return None;
            }
            app.keymap.action_for(Scope::Global, key)
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { is_down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { is_down: false }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Returns the key to show in a hint for a `global` binding on `scope`: its first key that
/// the screen does not take for itself.
pub fn global_key_on(keymap: &Keymap, scope: Scope, keys: &[Key]) -> Option<Key> {
    keys.iter().copied().find(|&k| {
        keymap.action_for(scope, k).is_none()
            && !(scope == Scope::Filter && k.typed_char().is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_gives_the_body_what_is_left() {
        let layout = AppLayout::new(Rect::new(0, 0, 80, 24));
        assert_eq!(layout.title, Rect::new(0, 0, 80, 1));
        assert_eq!(layout.body, Rect::new(0, 1, 80, 22));
        assert_eq!(layout.status, Rect::new(0, 23, 80, 1));
        let tiny = AppLayout::new(Rect::new(0, 0, 1, 1));
        assert_eq!(
            (tiny.title.height, tiny.body.height, tiny.status.height),
            (0, 1, 0)
        );
        let two = AppLayout::new(Rect::new(0, 0, 10, 2));
        assert_eq!(
            (two.title.height, two.body.height, two.status.height),
            (0, 1, 1)
        );
        let none = AppLayout::new(Rect::new(0, 0, 0, 0));
        assert_eq!(none.body.height, 0);
    }
}
