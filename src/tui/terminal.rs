//! The terminal's lifecycle: raw mode, alternate screen, mouse capture and bracketed paste
//! on the way in; the same undone on every way out — normal exit, error (`?`, through
//! [`Session`]'s `Drop`), panic (a hook installed before the terminal is touched) and
//! SIGTERM, SIGHUP or SIGINT (a flag the event loop checks between polls). Ctrl-Z (SIGTSTP)
//! undoes it too before the process stops, and SIGCONT sets it up again and asks the loop
//! for a full repaint ([`take_repaint`]).
//!
//! Bracketed paste matters for safety: without it a pasted text arrives as keys, so a
//! newline in it confirms the filter, a `q` quits, and the rest goes to the shell.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};

/// True while the terminal is in raw mode / the alternate screen, so that [`restore`] (from
/// `Drop`, the panic hook, or both) undoes it exactly once and is harmless afterwards.
static IS_ACTIVE: AtomicBool = AtomicBool::new(false);

static PANIC_HOOK: Once = Once::new();

/// Set when the terminal was set up again after a stop (SIGCONT): what it showed before is
/// gone, so the next frame must be drawn whole.
static NEEDS_REPAINT: AtomicBool = AtomicBool::new(false);

/// Returns true, once, if the screen must be repainted whole (the process was stopped and
/// continued); the event loop clears its buffers and redraws.
pub fn take_repaint() -> bool {
    NEEDS_REPAINT.swap(false, Ordering::SeqCst)
}

/// The thread that runs the interface (set when a session starts).
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

/// A panic of another thread while the interface was up (see [`install_panic_hook`]).
static PANIC_REPORT: Mutex<Option<String>> = Mutex::new(None);

/// Where the event loop gets events: the terminal, or a script in tests.
pub trait EventSource {
    /// Waits up to `timeout` for an event; `None` if there was none.
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Events from the real terminal, through crossterm.
#[derive(Debug, Default)]
pub struct CrosstermEvents;

impl EventSource for CrosstermEvents {
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The terminal set up for the interface; dropping it puts the terminal back.
#[derive(Debug)]
pub struct Session {
    stop: Arc<AtomicBool>,
    /// Set when the session ends: a termination signal then does what it does by default.
    /// (Unregistering our handlers instead would leave those signals ignored: see
    /// `signal_hook::low_level::unregister`.)
    has_ended: Arc<AtomicBool>,
    /// Ends the signal watchdog thread when the session ends.
    watchdog: signal_hook::iterator::Handle,
}

/// How long a termination signal gives the event loop to stop by itself before the watchdog
/// restores the terminal and exits: a few poll intervals.
const SIGNAL_GRACE: Duration = Duration::from_millis(600);

impl Session {
    /// Installs the panic hook and the signal handlers, then enters raw mode, the alternate
    /// screen and mouse capture.
    pub fn start() -> anyhow::Result<Session> {
        let _ = UI_THREAD.set(std::thread::current().id());
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        let has_ended = Arc::new(AtomicBool::new(false));
        for signal in termination_signals() {
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&has_ended))?;
        }
        let watchdog = spawn_watchdog(Arc::clone(&stop), Arc::clone(&has_ended))?;
        let session = Session {
            stop,
            has_ended,
            watchdog,
        };
        // From here on, `session`'s Drop restores whatever was set up.
        enter()?;
        Ok(session)
    }

    /// Set when a termination signal arrives; the event loop stops when it is.
    pub fn stop_flag(&self) -> &AtomicBool {
        &self.stop
    }

    /// Restores the terminal now, reporting failure (`Drop` restores too, silently).
    pub fn end(self) -> io::Result<()> {
        restore()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = restore();
        self.has_ended.store(true, Ordering::SeqCst);
        self.watchdog.close();
    }
}

/// Sets the terminal up for the interface: raw mode, alternate screen, mouse capture and
/// bracketed paste.
fn enter() -> io::Result<()> {
    IS_ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Starts the thread that turns a termination signal into a stop request for the event loop,
/// and handles stopping and continuing (Ctrl-Z, `fg`).
///
/// If the loop has not ended within [`SIGNAL_GRACE`], the watchdog restores the terminal and
/// exits itself: after SIGHUP the terminal is gone, and crossterm 0.29 then re-reads the dead
/// tty forever inside `event::poll` (its read loop ignores end of file), so the loop would
/// never get to check the flag and the process would spin on a CPU with no terminal.
fn spawn_watchdog(
    stop: Arc<AtomicBool>,
    has_ended: Arc<AtomicBool>,
) -> io::Result<signal_hook::iterator::Handle> {
    let mut watched = termination_signals();
    watched.extend(job_control_signals());
    let mut signals = signal_hook::iterator::Signals::new(watched)?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("signal-watchdog".into())
        .spawn(move || {
            let Some(signal) = signals
                .forever()
                .find(|&signal| !handle_job_control(signal, &has_ended))
            else {
                return;
            };
            stop.store(true, Ordering::SeqCst);
            let deadline = Instant::now() + SIGNAL_GRACE;
            while Instant::now() < deadline {
                if has_ended.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = restore();
            std::process::exit(128 + signal);
        })?;
    Ok(handle)
}

/// Handles SIGTSTP and SIGCONT; returns false for any other signal.
///
/// SIGTSTP: the terminal is put back as the shell expects it, then the process stops as it
/// would have by default. SIGCONT (after `fg`, or a SIGSTOP that could not be caught): raw
/// mode and the rest are set up again, since the shell has put the terminal back in line
/// mode meanwhile, and the loop repaints.
fn handle_job_control(signal: i32, has_ended: &AtomicBool) -> bool {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGTSTP};
        if signal == SIGTSTP {
            // In an orphaned process group (no shell to continue it), the kernel ignores a
            // stop request from the terminal; SIGSTOP would stop the process for good.
            if is_orphaned() {
                return true;
            }
            let _ = restore();
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
            return true;
        }
        if signal == SIGCONT {
            if !has_ended.load(Ordering::SeqCst) {
                // Raw mode is set afresh: crossterm skips enabling it when it thinks it is on,
                // which it is not after a SIGSTOP the shell answered by resetting the terminal.
                let _ = disable_raw_mode();
                if enter().is_ok() {
                    NEEDS_REPAINT.store(true, Ordering::SeqCst);
                }
            }
            return true;
        }
    }
    let _ = (signal, has_ended);
    false
}

/// Returns true if and only if no process could continue this one after a stop: its parent
/// is in another session, or in its own process group (no job-control shell above it).
#[cfg(unix)]
fn is_orphaned() -> bool {
    // SAFETY: plain queries of process ids, with no memory passed.
    unsafe {
        let parent = libc::getppid();
        libc::getsid(parent) != libc::getsid(0) || libc::getpgid(parent) == libc::getpgrp()
    }
}

fn job_control_signals() -> Vec<i32> {
    #[cfg(unix)]
    return vec![signal_hook::consts::SIGTSTP, signal_hook::consts::SIGCONT];
    #[cfg(not(unix))]
    return Vec::new();
}

fn termination_signals() -> Vec<i32> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    #[cfg(unix)]
    return vec![SIGTERM, SIGINT, signal_hook::consts::SIGHUP];
    #[cfg(not(unix))]
    return vec![SIGTERM, SIGINT];
}

/// Installs, once, the panic hook of the interface:
///
/// - a panic the loader catches on purpose ([`crate::panics::catch_quietly`]) is left
///   alone: no restoring, no message over the screen;
/// - any other panic on the interface's thread restores the terminal, then runs the
///   previous hook, so the report is printed on a usable terminal;
/// - one on another thread (the worker) while the interface is up is kept for
///   [`take_panic_report`]: the event loop ends when the worker's channel closes, and the
///   report is printed after the terminal is restored.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if crate::panics::is_caught_on_purpose() {
                return;
            }
            let on_ui_thread = UI_THREAD
                .get()
                .is_some_and(|&id| id == std::thread::current().id());
            if !on_ui_thread && IS_ACTIVE.load(Ordering::SeqCst) {
                if let Ok(mut report) = PANIC_REPORT.lock() {
                    report.get_or_insert_with(|| info.to_string());
                }
                return;
            }
            let _ = restore();
            previous(info);
        }));
    });
}

/// The report of a panic on another thread while the interface was up, if there was one.
pub fn take_panic_report() -> Option<String> {
    PANIC_REPORT.lock().ok()?.take()
}

/// Leaves the alternate screen, disables raw mode, mouse capture and bracketed paste and
/// shows the cursor, if the interface had set them. Each step runs even if an earlier one
/// failed (after SIGHUP the terminal may be gone); the first error is returned.
pub fn restore() -> io::Result<()> {
    if !IS_ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut stdout = io::stdout();
    let results = [
        execute!(stdout, DisableBracketedPaste),
        execute!(stdout, DisableMouseCapture),
        execute!(stdout, LeaveAlternateScreen),
        execute!(stdout, Show),
        disable_raw_mode(),
        stdout.flush(),
    ];
    results
        .into_iter()
        .collect::<io::Result<Vec<()>>>()
        .map(|_| ())
}
