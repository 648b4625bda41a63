//! End to end: the real `crossread` binary in a pseudo-terminal. Keys go in as bytes, the
//! screen comes out through a terminal emulator (vt100), as a user would see it.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

/// Long enough for a debug build on a loaded 2-core CI machine; the waits return as soon as
/// the screen shows what they wait for.
const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().unwrap();
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crossread"));
        cmd.args(args);
        cmd.cwd(home.path());
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join(".config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must outlive the child, or the child gets SIGHUP.
        std::mem::forget(pty.master);
        Session { child, writer, parser, _home: home }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn is_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen holds `text`; the screen as it then is, or an error showing it.
    fn wait_for(&self, text: &str) -> Result<String, String> {
        self.wait_for_within(text, TIMEOUT)
    }

    fn wait_for_within(&self, text: &str, timeout: Duration) -> Result<String, String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return Ok(screen);
            }
            if start.elapsed() > timeout {
                return Err(format!("timed out waiting for {text:?}; screen:\n{screen}"));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the screen no longer holds `text`.
    fn wait_for_gone(&self, text: &str) -> Result<(), String> {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > TIMEOUT {
                return Err(format!("{text:?} still shown; screen:\n{}", self.screen()));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        Ok(())
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end; its exit code, or an error if it does not end.
    fn wait_exit(&mut self) -> Result<u32, String> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Ok(status.exit_code());
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                return Err(format!("did not exit; screen:\n{}", self.screen()));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

#[test]
fn opens_the_sample_reads_an_article_shows_help_and_quits_cleanly() {
    let mut s = Session::start(&[], 100, 30);
    let screen = s.wait_for("Iraq Intends to Strengthen").unwrap();
    assert!(screen.contains("Iraqi PM to share anti-ISIS intel with Russia"), "{screen}");
    assert!(s.is_alternate_screen());

    s.press("?");
    let help = s.wait_for("Read the selected article").unwrap();
    assert!(help.contains("Keys"), "{help}");
    s.press("\x1b");
    s.wait_for_gone("Read the selected article").unwrap();

    // Open the article at the top of the list and read its text.
    s.press("g");
    s.press("\r");
    s.wait_for("words").unwrap();
    s.press("r");
    s.wait_for("RAW").unwrap();
    s.press("q");
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
    assert!(!s.is_alternate_screen(), "alternate screen left on");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    let pid = s.child.process_id().unwrap();
    let status = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(status.success());
    s.wait_exit().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.is_alternate_screen(), "alternate screen left on after SIGTERM");
}

/// The harness itself can fail: waiting for text that never shows is an error, not a pass.
#[test]
fn the_harness_reports_text_that_never_appears() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    let missing = s.wait_for_within("text that crossread never prints", Duration::from_secs(1));
    assert!(missing.unwrap_err().contains("Iraq Intends to Strengthen"));
    s.press("q");
    s.wait_exit().unwrap();
}
