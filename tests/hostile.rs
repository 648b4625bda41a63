//! Hostile input never crashes, hangs or reaches the terminal (issue 12).
//!
//! Every case of the issue, rebuilt: the binary runs as a child process on a folder holding
//! the hostile file and two good articles, and must end by itself, unsignalled (no abort,
//! no stack overflow), without a panic, within a CPU budget, under a memory budget, with no
//! escape, BEL or C1 byte from a name on stdout or stderr, and with the good articles listed.
//! The interface cases (a paste, SIGTSTP and `fg`, a hostile cache entry) drive the binary in
//! a pseudo-terminal. Unix only: the cases are FIFOs, `/proc`, signals and pseudo-terminals.
#![cfg(unix)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The CPU time one run may take. CPU rather than wall-clock time, so that a loaded
/// machine does not fail the test; a run that blocks (a FIFO) is caught by [`WALL_LIMIT`].
/// The issue's bound of 10 s is for the release build; the test profile's unoptimised
/// crate runs the same linear work about ten times slower (four 10 MB pages of tiny
/// elements: 0.8 s of CPU in release, 10.5 s in debug), so a debug run gets 40 s.
const CPU_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 40 } else { 10 });

/// A run still going after this long is killed and fails the test.
const WALL_LIMIT: Duration = Duration::from_secs(60);

/// The peak memory (resident) one run may reach.
const MEMORY_LIMIT_KB: i64 = 500 * 1024;

/// The two good articles of every hostile folder, from the built-in sample.
const GOOD: [&str; 2] = ["000_569b729a2117decc.txt", "003_b5e1fbffe1debdfc.txt"];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/articles")
        .join(name)
}

/// A folder with the two good articles, and an isolated home for the runs.
struct Case {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let case = Case {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        for name in GOOD {
            std::fs::copy(sample(name), case.dir.path().join(name)).unwrap();
        }
        case
    }

    fn path(&self, name: impl AsRef<OsStr>) -> PathBuf {
        self.dir.path().join(name.as_ref())
    }

    fn write(&self, name: impl AsRef<OsStr>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn folder(&self) -> &str {
        self.dir.path().to_str().unwrap()
    }

    /// Runs the binary with `args`, stdin closed, in the isolated home.
    fn run(&self, args: &[&OsStr]) -> Outcome {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossread"));
        cmd.args(args)
            .current_dir(self.home.path())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("XDG_CACHE_HOME", self.home.path().join(".cache"))
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        run_child(cmd, args)
    }

    fn run_str(&self, args: &[&str]) -> Outcome {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        self.run(&args)
    }
}

/// How a run ended, with what it printed and cost.
#[derive(Debug)]
struct Outcome {
    args: String,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// The exit code, if it exited rather than died of a signal.
    code: Option<i32>,
    signal: Option<i32>,
    cpu: Duration,
    max_rss_kb: i64,
}

impl Outcome {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// The run ended by itself, in time and memory, without a panic, and printed nothing a
    /// terminal would act on.
    #[track_caller]
    fn assert_survived(&self) -> &Outcome {
        let context = format!(
            "{}\nstdout: {}\nstderr: {}",
            self.args,
            self.stdout().chars().take(2000).collect::<String>(),
            self.stderr()
        );
        assert_eq!(self.signal, None, "killed by a signal: {context}");
        assert!(
            matches!(self.code, Some(0..=2)),
            "exit {:?}: {context}",
            self.code
        );
        assert!(
            self.cpu < CPU_LIMIT,
            "took {:?} of CPU: {context}",
            self.cpu
        );
        assert!(
            self.max_rss_kb < MEMORY_LIMIT_KB,
            "peak memory {} MB: {context}",
            self.max_rss_kb / 1024
        );
        assert!(!self.stderr().contains("panicked"), "{context}");
        assert!(!self.stderr().contains("internal error"), "{context}");
        assert_no_terminal_control(&self.stdout, &context);
        assert_no_terminal_control(&self.stderr, &context);
        self
    }

    /// `list` printed both good articles.
    #[track_caller]
    fn assert_good_listed(&self) -> &Outcome {
        for name in GOOD {
            let id = name.trim_end_matches(".txt");
            assert!(self.stdout().contains(id), "{id} not listed: {}", self.args);
        }
        self
    }
}

/// No ESC, BEL or other C0 control but line breaks and tab, no DEL, no C1 control (as UTF-8
/// or as a raw byte).
#[track_caller]
fn assert_no_terminal_control(bytes: &[u8], context: &str) {
    for (i, &b) in bytes.iter().enumerate() {
        let bad_c0 = b < 0x20 && !matches!(b, b'\n' | b'\t');
        let c1 = b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
        assert!(
            !(bad_c0 || b == 0x7F || c1),
            "control byte {b:#04x} at {i}: {:?}\n{context}",
            String::from_utf8_lossy(&bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())])
        );
    }
}

/// Runs `cmd`, reading its output on threads, and takes its resource use from `wait4`.
// The child is reaped by `wait4`, which clippy does not see.
#[allow(clippy::zombie_processes)]
fn run_child(mut cmd: Command, args: &[&OsStr]) -> Outcome {
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: plain system call on our child's pid with valid out-pointers.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break (status, usage);
        }
        if started.elapsed() > WALL_LIMIT {
            let _ = child.kill();
            panic!("still running after {WALL_LIMIT:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Outcome {
        args: format!("{args:?}"),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss,
    }
}

/// A paragraph of real words, so that a page has an article in it.
const PARAGRAPH: &str = "<p>Iraqi Prime Minister Haider al-Abadi said on Saturday that \
    Baghdad would share intelligence on the Islamic State group with Russia, Iran and Syria \
    through a new information centre in the capital.</p>";

/// Runs the script-facing commands on a folder: list, list --json, passages, passages
/// --json and show of the first good article; all must survive, list the good articles.
fn run_all_commands(case: &Case) {
    let folder = case.folder();
    case.run_str(&["list", folder])
        .assert_survived()
        .assert_good_listed();
    case.run_str(&["list", "--json", folder])
        .assert_survived()
        .assert_good_listed();
    case.run_str(&["passages", folder]).assert_survived();
    case.run_str(&["passages", "--json", folder])
        .assert_survived();
    let id = GOOD[0].trim_end_matches(".txt");
    case.run_str(&["show", id, folder]).assert_survived();
    let other = GOOD[1].trim_end_matches(".txt");
    case.run_str(&["compare", id, other, folder, "--width", "100"])
        .assert_survived();
}

// 1. Pages nested deeper than the tree builder's rules let a simple count see.

#[test]
fn r12_1_self_closing_and_unmatched_tags_do_not_crash_the_loader() {
    let case = Case::new();
    let body = PARAGRAPH.repeat(3);
    case.write(
        "selfclosed.html",
        format!("<html><body>{}{body}</body></html>", "<div/>".repeat(8_000)),
    );
    case.write(
        "unmatched.html",
        format!(
            "<html><body>{}{body}</body></html>",
            "<div></x>".repeat(20_000)
        ),
    );
    // 600 KB: quadratic in the tree builder when it is let through.
    case.write(
        "big-selfclosed.html",
        format!(
            "<html><body>{}{body}</body></html>",
            "<div/>".repeat(100_000)
        ),
    );
    run_all_commands(&case);
    let list = case.run_str(&["list", case.folder()]);
    for name in ["selfclosed", "unmatched", "big-selfclosed"] {
        assert!(list.stdout().contains(name), "{name}: {}", list.stdout());
        assert!(
            list.stderr()
                .contains(&format!("{name}.html: nested more than 512")),
            "{}",
            list.stderr()
        );
    }
}

// 2. File names that would drive the terminal.

/// Names holding a title-setting OSC and a screen clear, an OSC 52 clipboard write, an 8-bit
/// CSI and a right-to-left override, and a name that is not UTF-8.
fn hostile_names() -> Vec<Vec<u8>> {
    vec![
        b"\x1b]0;PWNED\x07\x1b[2J.txt".to_vec(),
        b"\x1b]52;c;ZWNobyBYID4gcHduZWQK\x07clip.txt".to_vec(),
        "csi\u{9B}31m\u{202E}txt.md".as_bytes().to_vec(),
        b"not-utf8-\xff\x1b[5m.txt".to_vec(),
    ]
}

#[test]
fn r12_2_file_names_never_reach_the_terminal_raw() {
    let case = Case::new();
    let text = std::fs::read(sample("001_76e71f461a24764f.txt")).unwrap();
    for name in hostile_names() {
        case.write(OsStr::from_bytes(&name), &text);
    }
    // A file skipped with a warning names itself on stderr.
    case.write(
        OsStr::from_bytes(b"\x1b[31mimage\x07.txt"),
        b"\x89PNG\r\n\x1a\n\0\0",
    );
    run_all_commands(&case);

    // show by path prints `Path:` and `Id:`; --json keeps the exact path, escaped.
    let name = OsStr::from_bytes(&hostile_names()[0]).to_owned();
    let path = case.path(&name);
    let shown = case.run(&[
        OsStr::new("show"),
        path.as_os_str(),
        OsStr::new(case.folder()),
    ]);
    shown.assert_survived();
    assert!(
        shown.stdout().contains("␛]0;PWNED␇␛[2J"),
        "{}",
        shown.stdout()
    );
    let json = case.run(&[
        OsStr::new("show"),
        path.as_os_str(),
        OsStr::new("--json"),
        OsStr::new(case.folder()),
    ]);
    json.assert_survived();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["path"], path.to_str().unwrap());

    let listed = case.run_str(&["list", "--json", case.folder()]);
    let value: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let paths: Vec<&str> = value["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("csi\u{9B}31m\u{202E}txt.md")),
        "{paths:?}"
    );
    let skipped = case.run_str(&["list", case.folder()]);
    assert!(
        skipped.stderr().contains("␛[31mimage␇.txt"),
        "{}",
        skipped.stderr()
    );

    // Coloured output writes escape codes of its own, and only those: colour changes.
    let ids: Vec<String> = paths
        .iter()
        .filter(|p| p.contains("PWNED") || p.contains("clip"))
        .map(|p| p.to_string())
        .collect();
    let coloured = case.run(&[
        OsStr::new("compare"),
        OsStr::new(&ids[0]),
        OsStr::new(&ids[1]),
        OsStr::new(case.folder()),
        OsStr::new("--color"),
        OsStr::new("always"),
        OsStr::new("--width"),
        OsStr::new("100"),
    ]);
    assert_eq!(coloured.code, Some(0), "{}", coloured.stderr());
    let out = coloured.stdout();
    for (i, _) in out.match_indices('\x1b') {
        let sgr = out[i + 1..]
            .strip_prefix('[')
            .and_then(|rest| rest.find('m').map(|end| &rest[..end]));
        assert!(
            sgr.is_some_and(|params| params.bytes().all(|b| b.is_ascii_digit() || b == b';')),
            "an escape that is not a colour: {:?}",
            &out[i..(i + 20).min(out.len())]
        );
    }
    assert!(!out.contains('\x07') && !out.contains("PWNED\x07"), "{out}");
}

// 4. Front matter nested deeply enough to stall a YAML parser.

#[test]
fn r12_4_nested_front_matter_is_not_given_to_the_parser() {
    let case = Case::new();
    for (name, size) in [("nested-200k.md", 100_000), ("nested-400k.md", 200_000)] {
        case.write(
            name,
            format!(
                "---\ntitle: Nested\ntags: {}{}\n---\n\nThe body of a Markdown article.\n",
                "[".repeat(size),
                "]".repeat(size)
            ),
        );
    }
    run_all_commands(&case);
    let list = case.run_str(&["list", case.folder()]);
    assert!(list.stdout().contains("nested-200k"), "{}", list.stdout());
    assert!(list.stdout().contains("nested-400k"), "{}", list.stdout());
}

// 5. Reads through links and special files.

#[test]
fn r12_5_links_to_proc_devices_fifos_and_the_root_are_not_followed() {
    let case = Case::new();
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, case.path(name)).unwrap();
    };
    link("/proc/self/pagemap", "pagemap.txt");
    link("/proc/kmsg", "kmsg.txt");
    link("/proc/self/environ", "environ.txt");
    link("/dev/zero", "zero.txt");
    link("/", "everything");
    let fifo = case.path("pipe.md");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    run_all_commands(&case);
    let list = case.run_str(&["list", case.folder()]);
    let warnings = list.stderr();
    for expected in [
        "pagemap.txt: a system file",
        "kmsg.txt: a system file",
        "environ.txt: a system file",
        "zero.txt: not a regular file (a device)",
        "pipe.md: not a regular file (a FIFO)",
        "everything: link to a folder outside",
    ] {
        assert!(warnings.contains(expected), "{expected}: {warnings}");
    }
    // Named directly, a FIFO is refused unread too, and so is one given as the config.
    let direct = case.run(&[OsStr::new("list"), fifo.as_os_str()]);
    direct.assert_survived();
    assert!(direct.stderr().contains("not a regular file (a FIFO)"));
    let config = case.run(&[
        OsStr::new("--config"),
        fifo.as_os_str(),
        OsStr::new("list"),
        OsStr::new(case.folder()),
    ]);
    config.assert_survived();
    assert_eq!(config.code, Some(2));
    assert!(
        config.stderr().contains("not a regular file (a FIFO)"),
        "{}",
        config.stderr()
    );
}

// 6. Memory from tiny elements.

#[test]
fn r12_6_pages_of_tiny_elements_stay_within_memory() {
    let case = Case::new();
    // Just under the 10 MB limit: about 1.4 million elements each, four at once.
    let page = format!(
        "<html><body>{PARAGRAPH}{}</body></html>",
        "<b></b>".repeat(1_400_000)
    );
    assert!(page.len() < 10 * 1024 * 1024);
    for i in 0..4 {
        case.write(format!("tiny-{i}.html"), &page);
    }
    let list = case.run_str(&["list", case.folder()]);
    list.assert_survived().assert_good_listed();
    assert!(list.stdout().contains("tiny-3"), "{}", list.stdout());
    assert!(
        list.stderr().contains("more than 100000 elements"),
        "{}",
        list.stderr()
    );
}

// Found by the fuzz harness: one word repeated down two articles.

#[test]
fn fuzz_finding_a_word_repeated_down_two_articles_does_not_stall_the_aligner() {
    let case = Case::new();
    // Each side's n-grams repeat 20,000 times: 400 million seed pairs if let through.
    case.write(
        "repeat-a.txt",
        format!("A short article.\n\n{}", "word ".repeat(20_000)),
    );
    case.write(
        "repeat-b.txt",
        format!("Another text.\n\n{}", "word ".repeat(20_000)),
    );
    case.write(
        "scripts-a.txt",
        format!("Text.\n\n{}", "</script>".repeat(5_000)),
    );
    case.write(
        "scripts-b.txt",
        format!("More.\n\n{}", "</script>".repeat(5_000)),
    );
    case.run_str(&["passages", case.folder()]).assert_survived();
    case.run_str(&["passages", "--json", case.folder()])
        .assert_survived();
}

// 9. The smaller cases.

#[test]
fn r12_9_config_errors_fifos_quit_keys_and_argument_order() {
    let case = Case::new();
    let config = |name: &str, text: &str| case.write(name, text);
    // No way to quit: refused.
    let no_quit = config("no-quit.toml", "[keys.global]\nquit = []\n");
    let out = case.run(&[
        OsStr::new("--config"),
        no_quit.as_os_str(),
        OsStr::new("list"),
        OsStr::new(case.folder()),
    ]);
    out.assert_survived();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr().contains("keys.global.quit"),
        "{}",
        out.stderr()
    );
    // An escape in the config is quoted harmlessly.
    let escape = config("escape.toml", "[theme]\n\"\x1b]0;X\x07\" = 1\n");
    let out = case.run(&[
        OsStr::new("--config"),
        escape.as_os_str(),
        OsStr::new("list"),
        OsStr::new(case.folder()),
    ]);
    out.assert_survived();
    assert!(out.stderr().contains("␛]0;X␇"), "{}", out.stderr());
    // `--config F list DIR` runs list.
    let empty = config("empty.toml", "");
    let out = case.run(&[
        OsStr::new("--config"),
        empty.as_os_str(),
        OsStr::new("list"),
        OsStr::new(case.folder()),
    ]);
    out.assert_survived().assert_good_listed();
    assert_eq!(out.code, Some(0), "{}", out.stderr());
}

#[test]
fn r12_9_shift_jis_without_a_declaration_is_read() {
    let case = Case::new();
    let text = "東京都は、新しい情報センターの設置について発表した。政府の関係者によると、\
                この計画は来年の春に始まる予定である。「市民の反応はさまざまだ」と記者は書いた。";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    case.write("japanese.txt", bytes);
    let out = case.run_str(&["show", "japanese", case.folder()]);
    out.assert_survived();
    assert!(
        out.stdout().contains("情報センター"),
        "{}{}",
        out.stdout(),
        out.stderr()
    );
}

// 3, 7 and 9 in the interface: the binary in a pseudo-terminal.

struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn start(program: &OsStr, args: &[&OsStr], home: &Path) -> Pty {
        use portable_pty::{native_pty_system, CommandBuilder, PtySize};
        let size = PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pty = native_pty_system().openpty(size).unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join(".config"));
        cmd.env("XDG_CACHE_HOME", home.join(".cache"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("PS1", "$ ");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(30, 110, 0)));
        let sink = Arc::clone(&parser);
        let mut reader = pty.master.try_clone_reader().unwrap();
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
        Pty {
            child,
            writer,
            parser,
            _master: pty.master,
        }
    }

    fn crossread(args: &[&OsStr], home: &Path) -> Pty {
        Pty::start(OsStr::new(env!("CARGO_BIN_EXE_crossread")), args, home)
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_until(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !done(self.parser.lock().unwrap().screen()) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contents().contains(text));
    }

    fn press(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Presses `q` until the process ends (the first may only go back to the library).
    fn quit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            self.press("q");
            std::thread::sleep(Duration::from_millis(500));
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "did not quit; screen:\n{}",
                self.screen()
            );
        }
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn r12_3_a_paste_is_text_in_the_filter_and_runs_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Pty::crossread(&[], home.path());
    s.wait_for("Iraq Intends to Strengthen");
    s.wait_until("bracketed paste on", |screen| screen.bracketed_paste());
    s.press("/");
    s.press("\x1b[200~Iraq\nq\necho X > pasted\x1b[201~");
    s.wait_for("/Iraq q echo X > pasted");
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "the paste quit crossread"
    );
    // Still in the prompt: a key typed now extends the filter.
    s.press("!");
    s.wait_for("/Iraq q echo X > pasted!");
    s.press("\x1b");
    s.wait_for("Iraq Intends to Strengthen");
    s.press("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(!home.path().join("pasted").exists());
    // The last bytes crossread wrote may reach the reader thread after the exit status.
    s.wait_until("bracketed paste off", |screen| !screen.bracketed_paste());
}

#[test]
fn r12_7_a_cache_entry_that_does_not_fit_is_dropped() {
    use crossread::align::{AlignOptions, AlignedPair, Alignment, PairKind, Span};
    use crossread::cache::{AlignmentCache, CacheKey};
    use crossread::corpus::{Corpus, LoadOptions};
    let case = Case::new();
    let corpus = Corpus::load(&[case.dir.path().to_path_buf()], &LoadOptions::default());
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let key = CacheKey::new(&texts, &AlignOptions::default());
    let cache = AlignmentCache::new(case.home.path().join(".cache/crossread/alignments"));
    let span = |article, start, end| Span {
        article,
        start,
        end,
    };
    let past_the_end = Alignment {
        pairs: vec![AlignedPair {
            kind: PairKind::Verbatim,
            score: 1.0,
            a: span(0, 0, 10),
            b: span(1, texts[1].len() + 500, texts[1].len() + 900),
            evidence: Default::default(),
        }],
        ..Alignment::default()
    };
    cache.store(key, &past_the_end).unwrap();
    let (left, right) = (
        GOOD[0].trim_end_matches(".txt"),
        GOOD[1].trim_end_matches(".txt"),
    );
    let open = |case: &Case| {
        Pty::crossread(
            &[
                OsStr::new("compare"),
                OsStr::new(left),
                OsStr::new(right),
                OsStr::new(case.folder()),
            ],
            case.home.path(),
        )
    };
    let mut s = open(&case);
    // The compare screen opens, on the recomputed alignment.
    s.wait_for("Compare");
    s.wait_for("aligned passage");
    assert_eq!(s.quit(), 0, "{}", s.screen());

    // Two million pairs, each in range: too many for these texts, dropped at once.
    let many = Alignment {
        pairs: vec![
            AlignedPair {
                kind: PairKind::Verbatim,
                score: 1.0,
                a: span(0, 0, 10),
                b: span(1, 0, 10),
                evidence: Default::default(),
            };
            2_000_000
        ],
        ..Alignment::default()
    };
    cache.store(key, &many).unwrap();
    let mut s = open(&case);
    s.wait_for("Compare");
    s.press("?");
    s.wait_for("Keys");
    s.press("\x1b");
    assert_eq!(s.quit(), 0, "{}", s.screen());
}

/// The pid of `parent`'s child process running `name`.
fn child_named(parent: u32, name: &str) -> Option<u32> {
    for entry in std::fs::read_dir("/proc").ok()? {
        let Ok(entry) = entry else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid ...
        let Some((head, rest)) = stat.rsplit_once(") ") else {
            continue;
        };
        let comm = head.split_once(" (").map(|(_, c)| c).unwrap_or("");
        let ppid: Option<u32> = rest.split(' ').nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(parent) && comm == name {
            return entry.file_name().to_str()?.parse().ok();
        }
    }
    None
}

#[test]
fn r12_9_stopped_and_continued_the_terminal_is_restored_and_set_up_again() {
    let home = tempfile::tempdir().unwrap();
    // A shell with job control, as a user has: Ctrl-Z stops the job, `fg` continues it.
    let mut shell = Pty::start(
        OsStr::new("bash"),
        &[
            OsStr::new("--norc"),
            OsStr::new("--noprofile"),
            OsStr::new("-i"),
        ],
        home.path(),
    );
    shell.wait_for("$");
    let bash = shell.child.process_id().unwrap();
    shell.press(&format!("'{}'\r", env!("CARGO_BIN_EXE_crossread")));
    shell.wait_for("Iraq Intends to Strengthen");
    let pid = child_named(bash, "crossread").expect("crossread's pid");

    // SAFETY: a signal to our own grandchild.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTSTP) }, 0);
    shell.wait_until("the shell's screen", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    let screen = shell.parser.lock().unwrap().screen().clone();
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting left on"
    );
    assert!(!screen.hide_cursor(), "cursor left hidden");

    shell.press("fg\r");
    shell.wait_until("the reader again", |s| {
        s.alternate_screen() && s.contents().contains("Iraq Intends to Strengthen")
    });
    // Keys arrive one by one again (raw mode), not after Enter.
    shell.press("?");
    shell.wait_for("Read the selected article");
    shell.press("q");
    shell.wait_until("the shell again", |s| !s.alternate_screen());
    shell.press("exit\r");
    assert_eq!(shell.wait_exit(), 0);
}

#[test]
fn r12_9_a_stop_request_with_no_shell_to_continue_is_ignored() {
    // Started straight in a terminal, crossread leads its own session: nothing could send
    // it SIGCONT, so SIGTSTP must neither stop it nor leave the terminal restored.
    let home = tempfile::tempdir().unwrap();
    let mut s = Pty::crossread(&[], home.path());
    s.wait_for("Iraq Intends to Strengthen");
    let pid = s.child.process_id().unwrap();
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTSTP) }, 0);
    std::thread::sleep(Duration::from_millis(500));
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let state = stat.rsplit_once(") ").map(|(_, rest)| rest.chars().next());
    assert_ne!(state, Some(Some('T')), "stopped with nobody to continue it");
    s.press("?");
    s.wait_for("Read the selected article");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    assert_eq!(s.quit(), 0);
}
