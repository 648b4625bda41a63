//! The terminal interface: a library of articles, a reader, and a help window, on ratatui.
//!
//! Elm-like: [`app::handle_event`] maps a terminal event to an [`action::Action`] through the
//! [`keymap::Keymap`] of the current screen, [`app::App::update`] applies it, and
//! [`ui::view`] draws the state. The loop ([`run_loop`]) is generic over the ratatui backend
//! and the event source, so tests drive it with a `TestBackend` and scripted events;
//! [`terminal`] owns the real terminal's setup and restoration.
//!
//! - [`screens`]: library, reader and help, each owning its state and drawing itself.
//! - [`text`]: sanitising untrusted strings, measuring and wrapping them.
//! - [`keymap`], [`theme`]: the parts of the config this module reads.
//! - [`worker`]: reading and aligning the corpus off the UI thread, with progress.

pub mod action;
pub mod app;
pub mod export;
pub mod keymap;
pub mod progress;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod worker;

#[cfg(test)]
mod tests;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::Terminal;

use crate::align::AlignOptions;
use crate::cache::AlignmentCache;
use crate::corpus::{Corpus, LoadOptions, Walked};
use action::Action;
use app::App;
use keymap::Keymap;
use terminal::{CrosstermEvents, EventSource, Session};
use theme::Theme;

/// How long the loop waits for an event before checking for a termination signal.
const POLL_TIMEOUT: Duration = Duration::from_millis(150);

/// How long it waits while the worker runs: often enough that its news shows promptly.
const WORK_POLL_TIMEOUT: Duration = Duration::from_millis(40);

/// Events handled in one go before redrawing, so a burst (a pasted filter, a spun wheel)
/// costs one frame, while a flood cannot starve the screen.
const MAX_EVENTS_PER_FRAME: usize = 64;

/// The articles a session opens on.
#[derive(Debug)]
pub enum Articles {
    /// Read already (the sample, or a corpus `compare` needed before it could start).
    Loaded(Corpus),
    /// Found but not read: the worker reads them while the interface is up.
    Found(Walked),
}

/// What the user set for the session (from the config file): the interface takes these
/// parts alone, so that it does not depend on the config module (which depends on it for
/// parsing keys and colours).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub load: LoadOptions,
    pub align: AlignOptions,
    /// Where `e` writes reports (`None`: nowhere; the session says so), and the paths the
    /// session opened, for the command that writes the same report again.
    pub export: Option<export::Target>,
}

/// How a session starts.
#[derive(Debug)]
pub struct Launch {
    pub articles: Articles,
    /// Where alignments are cached; `None` aligns every time.
    pub cache: Option<AlignmentCache>,
    /// What to do once the alignment is ready, as `crossread compare A B` opens on A and B.
    pub then: Option<Action>,
}

/// Runs the TUI until the user quits, reading and aligning the corpus on a worker thread
/// meanwhile. Restores the terminal on every path. Returns the corpus as it ended (its
/// warnings are worth repeating once the alternate screen is gone).
///
/// A corpus read by the worker that has no article ends the session with
/// [`worker::NoArticle`], which carries the corpus and its warnings.
pub fn run(launch: Launch, config: &Settings) -> anyhow::Result<Arc<Corpus>> {
    let (mut app, input) = match launch.articles {
        Articles::Loaded(corpus) => {
            let corpus = Arc::new(corpus);
            // It tells "lining up N articles" until the first stage reports.
            let app = App::new(Arc::clone(&corpus), config.keymap.clone(), config.theme);
            (app, worker::Input::Corpus(corpus))
        }
        Articles::Found(found) => {
            let progress = progress::Progress::Loading {
                files: found.files.len(),
            };
            let app = App::loading(progress, config.keymap.clone(), config.theme);
            (app, worker::Input::Files(found))
        }
    };
    app.export = config.export.clone();
    if let Some(action) = launch.then {
        app.run_when_aligned(action);
    }
    let session = Session::start()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let work = worker::spawn(worker::Job {
        input,
        load: config.load.clone(),
        align: config.align.clone(),
        cache: launch.cache,
    })?;
    let result = run_loop_with(
        &mut terminal,
        &mut app,
        &mut CrosstermEvents,
        session.stop_flag(),
        Some(&work),
    );
    drop(terminal);
    session.end()?;
    result.map(|()| app.corpus)
}

/// Draws and handles events until the user quits or `stop` is set (by a signal).
#[cfg(test)]
pub fn run_loop<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    stop: &AtomicBool,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    run_loop_with(terminal, app, events, stop, None)
}

/// [`run_loop`], also taking the worker's messages from `work` between events, without
/// waiting for them: the first frame is drawn at once, and keys work while the worker runs.
pub fn run_loop_with<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    stop: &AtomicBool,
    work: Option<&Receiver<worker::Message>>,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let mut work = work;
    let mut needs_draw = true;
    while app.is_running() && !stop.load(Ordering::SeqCst) {
        if let Some(receiver) = work {
            loop {
                match receiver.try_recv() {
                    Ok(message) => {
                        worker::apply(app, message)?;
                        needs_draw = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        if app.is_loading() || app.is_aligning() {
                            // The worker ended without its result: it panicked. Its report
                            // is told once the terminal is restored.
                            match terminal::take_panic_report() {
                                Some(report) => anyhow::bail!(
                                    "the worker reading and aligning the articles stopped: {report}"
                                ),
                                None => anyhow::bail!(
                                    "the worker reading and aligning the articles stopped"
                                ),
                            }
                        }
                        work = None;
                        break;
                    }
                }
            }
        }
        if terminal::take_repaint() {
            // Continued after a stop: the screen was the shell's meanwhile. A blank frame
            // after clearing makes the next frame draw every cell. (`Terminal::clear` would
            // ask the terminal where its cursor is, and fail if no answer comes in time.)
            terminal.backend_mut().clear_region(ClearType::All)?;
            terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
            needs_draw = true;
        }
        let size = terminal.size()?;
        if size != app.size() {
            app.update(Action::Resize {
                width: size.width,
                height: size.height,
            });
            needs_draw = true;
        }
        if needs_draw {
            terminal.draw(|frame| ui::view(app, frame))?;
            needs_draw = false;
        }
        let timeout = if work.is_some() {
            WORK_POLL_TIMEOUT
        } else {
            POLL_TIMEOUT
        };
        let Some(event) = events.next_event(timeout)? else {
            continue;
        };
        app.dispatch(&event);
        needs_draw = true;
        for _ in 1..MAX_EVENTS_PER_FRAME {
            if !app.is_running() {
                break;
            }
            match events.next_event(Duration::ZERO)? {
                Some(event) => app.dispatch(&event),
                None => break,
            }
        }
    }
    Ok(())
}
