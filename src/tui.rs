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

pub mod action;
pub mod app;
pub mod keymap;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;

#[cfg(test)]
mod tests;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::Terminal;

use crate::config::Config;
use crate::corpus::Corpus;
use action::Action;
use app::App;
use terminal::{CrosstermEvents, EventSource, Session};

/// How long the loop waits for an event before checking for a termination signal.
const POLL_TIMEOUT: Duration = Duration::from_millis(150);

/// Events handled in one go before redrawing, so a burst (a pasted filter, a spun wheel)
/// costs one frame, while a flood cannot starve the screen.
const MAX_EVENTS_PER_FRAME: usize = 64;

/// Runs the TUI on a loaded corpus until the user quits. Restores the terminal on every path.
pub fn run(corpus: Corpus, config: &Config) -> anyhow::Result<()> {
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let alignment = std::sync::Arc::new(crate::align::align(&texts, &config.align));
    let mut app = App::new(corpus, config.keymap.clone(), config.theme);
    app.set_alignment(alignment);
    let session = Session::start()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    run_loop(
        &mut terminal,
        &mut app,
        &mut CrosstermEvents,
        session.stop_flag(),
    )?;
    drop(terminal);
    session.end()?;
    Ok(())
}

/// Draws and handles events until the user quits or `stop` is set (by a signal).
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
    let mut needs_draw = true;
    while app.is_running() && !stop.load(Ordering::SeqCst) {
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
        let Some(event) = events.next_event(POLL_TIMEOUT)? else {
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
