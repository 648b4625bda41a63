//! End to end: the real `crossread` binary in a pseudo-terminal. Keys go in as bytes, the
//! screen comes out through a terminal emulator (vt100), as a user would see it.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

/// Long enough for a debug build on a loaded 2-core CI machine; the waits return as soon as
/// the screen shows what they wait for.
const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    /// The terminal's master side; dropping it hangs the terminal up.
    master: Option<Box<dyn MasterPty + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Tells the reader thread to stop, so that the master's last descriptor can be closed.
    stop_reading: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().unwrap();
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crossread"));
        cmd.args(args);
        cmd.cwd(home.path());
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join(".config"));
        // The user's cache is neither read (a warm alignment would skip what a test waits
        // for) nor written.
        cmd.env("XDG_CACHE_HOME", home.path().join(".cache"));
        cmd.env("XDG_DATA_HOME", home.path().join(".local/share"));
        cmd.env("XDG_STATE_HOME", home.path().join(".local/state"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        // The reader polls the master's own descriptor rather than a duplicate of it, so that
        // dropping the master really hangs the terminal up (see `hang_up`).
        let fd = pty.master.as_raw_fd().unwrap();
        let sink = Arc::clone(&parser);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                let mut pollfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd; `fd` stays open until this thread is joined.
                let ready = unsafe { libc::poll(&mut pollfd, 1, 20) };
                if ready <= 0 || pollfd.revents & libc::POLLIN == 0 {
                    if pollfd.revents & (libc::POLLHUP | libc::POLLERR) != 0 {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    continue;
                }
                // SAFETY: reads into a buffer of the length given.
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n > 0 {
                    sink.lock().unwrap().process(&buf[..n as usize]);
                }
            }
        });
        let writer = Some(pty.master.take_writer().unwrap());
        Session {
            child,
            writer,
            master: Some(pty.master),
            parser,
            stop_reading,
            reader: Some(reader),
            _home: home,
        }
    }

    /// Closes the terminal as a closed window does: every descriptor of the master side.
    fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Resizes the terminal, as a window resized by hand does (the child gets SIGWINCH).
    fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        self.master
            .as_ref()
            .expect("terminal open")
            .resize(size)
            .unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the alternate screen is still on once the output has been read: the reader
    /// thread may still hold the last bytes when the child's exit is seen, so give it time.
    fn is_alternate_screen(&self) -> bool {
        let start = Instant::now();
        loop {
            let on = self.parser.lock().unwrap().screen().alternate_screen();
            if !on || start.elapsed() > Duration::from_secs(3) {
                return on;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
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
        let writer = self.writer.as_mut().expect("terminal open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
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

/// A failed test must not leave the binary running: SIGHUP, then SIGKILL.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

#[test]
fn opens_the_sample_reads_an_article_shows_help_and_quits_cleanly() {
    let mut s = Session::start(&[], 100, 30);
    let screen = s.wait_for("Iraq Intends to Strengthen").unwrap();
    assert!(
        screen.contains("Iraqi PM to share anti-ISIS intel with Russia"),
        "{screen}"
    );
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
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        !s.is_alternate_screen(),
        "alternate screen left on after SIGTERM"
    );
}

/// The terminal going away (SIGHUP, and a tty that reads end-of-file forever) ends the
/// process instead of leaving it spinning with nobody to see it.
#[test]
fn a_closed_terminal_ends_the_process() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    s.hang_up();
    s.wait_exit().unwrap();
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

/// The screen row holding both wordings of the information-center announcement, the left
/// one in the left column and the right one in the right column.
fn row_with_both_wordings(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|row| {
            let Some((left, right)) = row.split_once('│') else {
                return false;
            };
            left.contains("Iraq and Iran created") && right.contains("have agreed to establish")
        })
        .map(str::to_string)
}

#[test]
fn compare_screen_lines_up_the_two_information_center_wordings() {
    let mut s = Session::start(&[], 160, 45);
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    // The alignment runs behind the library; the compare screen needs it.
    s.wait_for_gone("lining up").unwrap();
    // 003 (Sputnik) compared with the article it shares most with: 004.
    // By its id: the search also reads the texts, and another article quotes Sputnik.
    s.press("/003_b5e1\r");
    s.wait_for("1 of 5").unwrap();
    s.press("c");
    let screen = s.wait_for("004_a614a29300825745").unwrap();
    assert!(screen.contains("▸ 003_b5e1fbffe1debdfc"), "{screen}");
    let mut found = None;
    for _ in 0..6 {
        let before = s.screen();
        s.press("]");
        let start = Instant::now();
        while s.screen() == before && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(30));
        }
        found = row_with_both_wordings(&s.screen());
        if found.is_some() {
            break;
        }
    }
    let row = found.unwrap_or_else(|| panic!("no row with both wordings:\n{}", s.screen()));
    assert!(row.contains("Russia, Syria, Iraq and Iran"), "{row}");
    assert!(s.screen().contains(" of 3 · paraphrase"), "{}", s.screen());
    // Back to the library (its filter line), then out.
    s.press("q");
    s.wait_for("(filter kept)").unwrap();
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
}

/// A folder: the reader shows itself, reads and aligns the articles behind it, and keeps the
/// alignment in the cache folder for the next start.
#[test]
fn a_folder_is_read_and_aligned_behind_the_screen_and_cached() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "The ministry said the new information centre would open in Baghdad next week.";
    std::fs::write(
        dir.path().join("a.txt"),
        format!("{shared}\n\nOnly A says this.\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("Only B.\n\n{shared}\n")).unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut s = Session::start(&[folder], 100, 30);
    s.wait_for("2 articles").unwrap();
    s.wait_for_gone("lining up").unwrap();
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
    let cache = s._home.path().join(".cache/crossread/alignments");
    let entries = std::fs::read_dir(&cache).unwrap().count();
    assert_eq!(entries, 1, "{}", cache.display());
}

/// `compare A B` in a terminal opens the reader on the compare screen (the issue's check at
/// 160×45, with the two files by path): a few `]` bring the two information-center wordings
/// onto one row, and `q` quits.
#[test]
fn compare_in_a_terminal_opens_the_compare_screen() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let file = |prefix: &str| {
        let path = std::fs::read_dir(&seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap();
        path.to_string_lossy().into_owned()
    };
    let (a, b) = (file("003"), file("004"));
    let mut s = Session::start(&["compare", &a, &b], 160, 45);
    // The focus mark on the left article's header: the compare screen, not the library.
    let screen = s.wait_for("▸ 003_b5e1fbffe1debdfc").unwrap();
    assert!(screen.contains("004_a614a29300825745"), "{screen}");
    assert!(screen.contains("Compare"), "{screen}");
    let mut found = None;
    for _ in 0..6 {
        let before = s.screen();
        s.press("]");
        let start = Instant::now();
        while s.screen() == before && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(30));
        }
        assert_ne!(s.screen(), before, "] changes the view");
        found = row_with_both_wordings(&s.screen());
        if found.is_some() {
            break;
        }
    }
    assert!(
        found.is_some(),
        "no row with both wordings:\n{}",
        s.screen()
    );
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
    assert!(!s.is_alternate_screen(), "alternate screen left on");
}

/// Files that are found but none of which reads as an article end the reader as a folder
/// without any does: exit code 2, the reason for each file, then "no article found".
#[test]
fn a_folder_of_unreadable_files_ends_with_no_article_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("photo.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut s = Session::start(&[folder], 100, 30);
    assert_eq!(s.wait_exit().unwrap(), 2);
    assert!(!s.is_alternate_screen(), "alternate screen left on");
    let screen = s.wait_for("no article found in").unwrap();
    assert!(screen.contains("photo.txt"), "{screen}");
}

/// The number (`3/9`) of the first passage rule on screen: the passage on top.
fn top_passage(screen: &str) -> Option<String> {
    screen.lines().find_map(|row| {
        let rest = row.trim_start().strip_prefix("── ")?;
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '/')
            .collect();
        number.contains('/').then_some(number)
    })
}

/// Resizing the compare screen keeps the passage read on top: 160×45, then 80×24 (each
/// passage takes twice the rows), then back.
#[test]
fn a_resize_keeps_the_passage_on_top() {
    let mut s = Session::start(&["compare", "003", "004"], 160, 45);
    s.wait_for("▸ 003_b5e1fbffe1debdfc").unwrap();
    for _ in 0..3 {
        let before = s.screen();
        s.press("]");
        let start = Instant::now();
        while s.screen() == before && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    let screen = s.screen();
    let top = top_passage(&screen).unwrap_or_else(|| panic!("no passage on top:\n{screen}"));
    let number = top.split('/').next().unwrap().to_string();
    assert_ne!(
        number, "1",
        "three jumps leave the first passage:\n{screen}"
    );
    let status = format!("passage {number} of");
    assert!(screen.contains(&status), "{screen}");
    for (cols, rows) in [(80, 24), (160, 45)] {
        let before = s.screen();
        s.resize(cols, rows);
        let start = Instant::now();
        while s.screen() == before && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(30));
        }
        // Let the frame that follows the resize arrive whole.
        std::thread::sleep(Duration::from_millis(300));
        let screen = s.screen();
        assert_eq!(
            top_passage(&screen).as_deref(),
            Some(top.as_str()),
            "at {cols}×{rows}:\n{screen}"
        );
        assert!(screen.contains(&status), "at {cols}×{rows}:\n{screen}");
    }
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
}

/// `crossread --from-passim OUT PATH` opens the reader on passim's shared passages: a
/// cluster passim found between two passages that share no words is listed on the shared
/// passages screen, and the user's own cache is left as it was.
#[test]
fn the_reader_shows_passim_s_shared_passages() {
    let dir = tempfile::tempdir().unwrap();
    let a = "The ministers signed the accord in Geneva on Friday evening.";
    let b = "Delegates concluded an agreement at a Swiss venue late that week.";
    std::fs::write(
        dir.path().join("alpha.txt"),
        format!("Talks end\n\n{a}\n\nOnly alpha says this.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("beta.txt"),
        format!("Accord reached\n\nOnly beta says that.\n\n{b}\n"),
    )
    .unwrap();
    let out = dir.path().join("out.json");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(
        out.join("part-00000.json"),
        format!(
            "{{\"cluster\": 1, \"size\": 2, \"id\": \"alpha\", \"begin\": 0, \"end\": 9, \"text\": \"{a}\"}}\n\
             {{\"cluster\": 1, \"size\": 2, \"id\": \"beta\", \"begin\": 0, \"end\": 9, \"text\": \"{b}\"}}\n"
        ),
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap().to_string();
    let out = out.to_str().unwrap().to_string();
    let mut s = Session::start(&["--from-passim", &out, &folder], 120, 30);
    s.wait_for("2 articles").unwrap();
    s.press("p");
    s.wait_for("ministers signed the accord").unwrap();
    s.press("q");
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
    let cache = s._home.path().join(".cache/crossread/alignments");
    assert!(!cache.exists(), "{}", cache.display());
}

/// The overlap matrix follows the library's filter: filtered to the articles that name al-Abadi
/// (in their title or text), the matrix has a row for each of them and for no other, and
/// its first line says so.
#[test]
fn the_matrix_shows_only_the_articles_the_library_filter_keeps() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for("Iraq Intends to Strengthen").unwrap();
    s.press("/abadi\r");
    // Three of the sample's articles name him, in their title or text: the count reaches 3
    // once the worker has indexed the texts.
    let library = s.wait_for(" 3 of 5 ").unwrap();
    let ids = ["000", "001", "002", "003", "004"];
    let kept: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| library.contains(&format!("{id}_")))
        .collect();
    assert_eq!(kept.len(), 3, "{library}");
    s.press("m");
    let screen = s.wait_for("3 of 5 articles, filter: “abadi”").unwrap();
    for id in ids {
        let shown = screen
            .lines()
            .any(|l| l.split_whitespace().any(|w| w == id));
        assert_eq!(shown, kept.contains(&id), "{id}:\n{screen}");
    }
    s.press("q");
    s.wait_for("(filter kept)").unwrap();
    s.press("q");
    assert_eq!(s.wait_exit().unwrap(), 0);
}

/// The row of `screen` that holds `text`, if any.
fn line_of(screen: &str, text: &str) -> Option<usize> {
    screen.lines().position(|l| l.contains(text))
}

/// The stories screen on a hand-made folder with dates, outlets and an AP wire copy run by
/// three outlets: `t` lists the story, Enter shows its copies in date order with their
/// outlets, `c` on a later copy compares it with the earliest.
#[test]
fn the_stories_screen_opens_a_story_and_compares_a_copy_with_the_earliest() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let mut s = Session::start(&[folder.to_str().unwrap()], 120, 40);
    s.wait_for("5 articles").unwrap();
    s.wait_for_gone("lining up").unwrap();
    s.press("t");
    s.wait_for("Articles ▼").unwrap();
    s.wait_for("2024-04-02 2024-04-05 RIVERTON (AP)").unwrap();
    s.press("\r");
    s.wait_for("Story 1 · 4 articles · 4 outlets").unwrap();
    // The status line is drawn last: once it shows, so do the rows above it.
    let screen = s.wait_for("copy 1 of 4").unwrap();
    let rows: Vec<usize> = [
        "Lakeside Ledger",
        "Metro Daily",
        "Valley Herald",
        "City Radio",
    ]
    .iter()
    .map(|outlet| line_of(&screen, outlet).unwrap_or_else(|| panic!("{outlet}: {screen}")))
    .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{screen}");
    s.press("jjc");
    s.wait_for("▸ 1-ledger").unwrap();
    let screen = s.wait_for("3-herald").unwrap();
    assert!(
        screen.contains("3-herald") && screen.contains("Compare"),
        "{screen}"
    );
    s.press("qqqq");
    assert_eq!(s.wait_exit().unwrap(), 0);
}

/// Issue 13's check on the real scrape: with its manifest, the stories screen lists the
/// copies of the largest story in date order with the manifest's outlets, and a copy
/// compares with the earliest. Skipped when the evaluation data is not beside the checkout.
#[test]
fn on_the_spotify_scrape_a_story_lists_its_copies_in_date_order() {
    // `../shared` next to the checkout, or next to the folder of worktrees.
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(scrape) = [here.join("../shared"), here.join("../../shared")]
        .into_iter()
        .map(|s| s.join("eval/scrapes/spotify"))
        .find(|s| s.join("articles.tsv").is_file())
    else {
        eprintln!("skipped: no ../shared/eval/scrapes/spotify next to the checkout");
        return;
    };
    let manifest = scrape.join("articles.tsv");
    let mut s = Session::start(
        &[
            "--manifest",
            manifest.to_str().unwrap(),
            scrape.to_str().unwrap(),
        ],
        120,
        40,
    );
    s.wait_for("36 articles").unwrap();
    s.wait_for_gone("lining up").unwrap();
    s.press("t");
    s.wait_for("Articles ▼").unwrap();
    s.press("\r");
    s.wait_for("Story 1 · ").unwrap();
    // The status line is drawn last: once it shows, so do the rows above it.
    let screen = s.wait_for("copy 1 of").unwrap();
    // The dated copies first, by day; the outlets are the manifest's.
    let days: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Date ▲"))
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let dated: Vec<&&str> = days.iter().take_while(|d| **d != "—").collect();
    assert!(dated.len() >= 3, "{screen}");
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{screen}");
    assert!(screen.contains("The New York Times"), "{screen}");
    // The earliest copy's outlet: it is on the left of the comparison `c` opens on the
    // second copy (of the earliest's family, or else compared with the earliest article).
    let first_row = screen
        .lines()
        .skip_while(|l| !l.contains("Date ▲"))
        .nth(1)
        .unwrap_or("");
    let after_date = first_row.trim_start().split_once(' ').map_or("", |r| r.1);
    let outlet = after_date.trim_start().split("  ").next().unwrap_or("");
    assert!(!outlet.is_empty(), "{screen}");
    s.press("jc");
    s.wait_for("Compare").unwrap();
    let screen = s.wait_for(&format!("· {outlet} ·")).unwrap();
    let left = screen.lines().nth(1).unwrap_or("");
    assert!(left.starts_with('▸') && left.contains(outlet), "{screen}");
    s.press("qqqq");
    assert_eq!(s.wait_exit().unwrap(), 0);
}
