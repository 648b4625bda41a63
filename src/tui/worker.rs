//! The slow work, off the UI thread: reading the corpus and aligning it, reported to the
//! event loop over a channel so that the interface draws and answers keys meanwhile.
//!
//! One thread per session runs [`Job`]: it reads the files (if they were not read already)
//! and sends the corpus, then looks the alignment up in the [`AlignmentCache`], else aligns
//! and sends a progress line as each stage starts, then stores the alignment in the cache and
//! sends it. The loop ([`super::run_loop_with`]) takes the messages between events and
//! hands them to the [`App`] ([`apply`]).

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use crate::align::{self, AlignOptions};
use crate::cache::{AlignmentCache, CacheKey};
use crate::corpus::{Corpus, LoadOptions, Walked};
use crate::display::AlignmentIndex;

use super::app::App;
use super::progress::Progress;

/// What the worker tells the event loop, in this order: `Loaded` (when it read the files),
/// any number of `Progress`, then `Aligned`.
#[derive(Debug)]
pub enum Message {
    /// The corpus, read, cleaned and described (the worker keeps a handle on it to align).
    Loaded(Arc<Corpus>),
    /// How far the alignment is.
    Progress(Progress),
    /// The finished alignment of the corpus, indexed for the screens.
    Aligned(Arc<AlignmentIndex>),
    /// The aligner stopped (it panicked): why. The library and the reader still work.
    Failed(String),
}

/// The articles to align.
#[derive(Debug)]
pub enum Input {
    /// Files found but not yet read: the worker reads them and sends [`Message::Loaded`].
    Files(Walked),
    /// A corpus the app already has, shared with it.
    Corpus(Arc<Corpus>),
}

/// Everything the worker needs.
#[derive(Debug)]
pub struct Job {
    pub input: Input,
    pub load: LoadOptions,
    pub align: AlignOptions,
    /// Where finished alignments are kept; `None` aligns every time.
    pub cache: Option<AlignmentCache>,
}

/// A corpus read by the worker has no article: the session has nothing to show.
#[derive(Debug, thiserror::Error)]
#[error("no article found")]
pub struct NoArticle {
    /// The empty corpus, with the warnings saying why each file was skipped.
    pub corpus: Arc<Corpus>,
}

/// Starts the worker thread; its messages arrive on the receiver, which disconnects when
/// the work is done.
pub fn spawn(job: Job) -> std::io::Result<Receiver<Message>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("crossread-worker".to_string())
        .spawn(move || run(job, &sender))?;
    Ok(receiver)
}

/// Does the job, sending as it goes; stops early once nobody listens (the user quit).
pub fn run(job: Job, sender: &Sender<Message>) {
    let corpus = match job.input {
        Input::Files(found) => {
            let corpus = Arc::new(Corpus::load_found(found, &job.load));
            if sender.send(Message::Loaded(Arc::clone(&corpus))).is_err() {
                return;
            }
            corpus
        }
        Input::Corpus(corpus) => corpus,
    };
    if corpus.articles.is_empty() {
        return;
    }
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let key = CacheKey::new(&texts, &job.align);
    let alignment = match job.cache.as_ref().and_then(|cache| cache.load(key, &texts)) {
        Some(alignment) => alignment,
        None => {
            let aligned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                align::align_with_progress(&texts, &job.align, &|stage| {
                    let _ = sender.send(Message::Progress(Progress::LiningUp {
                        articles: texts.len(),
                        stage: Some(stage),
                    }));
                })
            }));
            let Ok(alignment) = aligned else {
                // The panic hook kept the report while the interface is up.
                let report = super::terminal::take_panic_report()
                    .unwrap_or_else(|| "the aligner stopped".to_string());
                let _ = sender.send(Message::Failed(report));
                return;
            };
            if let Some(cache) = &job.cache {
                // Stored before it is shown, so that quitting at once does not lose it (a
                // few tens of milliseconds at 10,000 articles). A cache that cannot be
                // written costs the next start its head start, nothing more.
                let _ = cache.store(key, &alignment);
            }
            alignment
        }
    };
    // Indexed here, off the UI thread: the screens then look pairs and groups up.
    let index = AlignmentIndex::new(alignment, &corpus);
    let _ = sender.send(Message::Aligned(Arc::new(index)));
}

/// Hands one message to the app. A corpus without articles ends the session with
/// [`NoArticle`]: there is nothing to read.
pub fn apply(app: &mut App, message: Message) -> Result<(), NoArticle> {
    match message {
        Message::Loaded(corpus) => {
            if corpus.articles.is_empty() {
                return Err(NoArticle { corpus });
            }
            let articles = corpus.articles.len();
            app.set_corpus(corpus);
            app.set_alignment_progress(Progress::LiningUp {
                articles,
                stage: None,
            });
        }
        Message::Progress(progress) => app.set_alignment_progress(progress),
        Message::Aligned(index) => app.set_index(index),
        Message::Failed(reason) => app.set_alignment_failed(reason),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Stage;

    #[test]
    fn the_worker_reads_aligns_caches_and_then_hangs_up() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "The ministry said the new centre would open in Baghdad next week.\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.txt"),
            "Officials said the new centre would open in Baghdad next week, reports said.\n",
        )
        .unwrap();
        let cache = AlignmentCache::new(dir.path().join("cache"));
        let job = || Job {
            input: Input::Files(Corpus::find_files(&[dir.path().to_path_buf()])),
            load: LoadOptions::default(),
            align: AlignOptions::default(),
            cache: Some(cache.clone()),
        };
        let messages: Vec<Message> = spawn(job()).unwrap().iter().collect();
        let Some(Message::Loaded(corpus)) = messages.first() else {
            panic!("{messages:?}");
        };
        assert_eq!(corpus.articles.len(), 2);
        let stages: Vec<String> = messages
            .iter()
            .filter_map(|m| match m {
                Message::Progress(progress) => Some(progress.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(stages.len(), Stage::ALL.len(), "{stages:?}");
        assert_eq!(stages[0], "lining up 2 articles: analysing (1/5)");
        let Some(Message::Aligned(first)) = messages.last() else {
            panic!("{messages:?}");
        };
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let expected = AlignmentIndex::new(align::align(&texts, &AlignOptions::default()), corpus);
        assert_eq!(first.alignment(), expected.alignment());

        // The second time, the alignment comes from the cache: no stage runs.
        let again: Vec<Message> = spawn(job()).unwrap().iter().collect();
        assert_eq!(again.len(), 2, "{again:?}");
        let Some(Message::Aligned(second)) = again.last() else {
            panic!("{again:?}");
        };
        assert_eq!(first.alignment(), second.alignment());
    }
}

#[cfg(test)]
mod loop_tests {
    use std::collections::VecDeque;
    use std::io;
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    use crossterm::event::Event;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    use super::*;
    use crate::align::Stage;
    use crate::display::ArticleIdx;
    use crate::tui::action::Action;
    use crate::tui::app::Screen;
    use crate::tui::keymap::{Key, Keymap};
    use crate::tui::run_loop_with;
    use crate::tui::terminal::EventSource;
    use crate::tui::theme::Theme;

    /// What the scripted event source does when the loop asks for an event.
    enum Step {
        /// The user presses a key.
        Key(&'static str),
        /// No key before the timeout; meanwhile the (fake) worker sends a message.
        Send(Message),
    }

    /// A script of keys and worker messages, then an error (the loop must be stopped).
    struct Script {
        steps: VecDeque<Step>,
        sender: Sender<Message>,
    }

    impl EventSource for Script {
        fn next_event(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
            match self.steps.pop_front() {
                Some(Step::Key(key)) => {
                    Ok(Some(Event::Key(key.parse::<Key>().unwrap().to_event())))
                }
                Some(Step::Send(message)) => {
                    self.sender.send(message).unwrap();
                    Ok(None)
                }
                None => Err(io::Error::other("the script ran out")),
            }
        }
    }

    fn screen(terminal: &Terminal<TestBackend>) -> String {
        let buffer = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        text
    }

    fn sample_alignment(corpus: &Corpus) -> Arc<AlignmentIndex> {
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let alignment = align::align(&texts, &AlignOptions::default());
        Arc::new(AlignmentIndex::new(alignment, corpus))
    }

    #[test]
    fn the_first_frame_comes_before_the_corpus_and_keys_work_while_it_aligns() {
        let corpus = Corpus::sample(&LoadOptions::default());
        let alignment = sample_alignment(&corpus);
        let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
        let mut app = App::loading(
            Progress::Loading { files: 5 },
            Keymap::default(),
            Theme::default(),
        );
        app.run_when_aligned(Action::CompareArticles {
            left: ArticleIdx(0),
            right: ArticleIdx(2),
        });
        let stop = AtomicBool::new(false);
        let (sender, receiver) = mpsc::channel();
        let run = |terminal: &mut Terminal<TestBackend>, app: &mut App, steps: Vec<Step>| {
            let mut script = Script {
                steps: steps.into(),
                sender: sender.clone(),
            };
            run_loop_with(terminal, app, &mut script, &stop, Some(&receiver))
        };

        // Nothing from the worker yet: the frame is there, and the help opens.
        run(&mut terminal, &mut app, vec![Step::Key("?")]).unwrap_err();
        let text = screen(&terminal);
        assert!(text.contains("loading 5 files…"), "{text}");
        assert!(text.contains("Loading 5 files…"), "{text}");
        assert!(app.is_loading());

        // The corpus arrives: the library lists it while the alignment runs, and moves.
        run(
            &mut terminal,
            &mut app,
            vec![
                Step::Key("<Esc>"),
                Step::Send(Message::Loaded(Arc::new(corpus.clone()))),
                Step::Send(Message::Progress(Progress::LiningUp {
                    articles: 5,
                    stage: Some(Stage::Paraphrase),
                })),
                Step::Key("j"),
                Step::Key("j"),
            ],
        )
        .unwrap_err();
        let text = screen(&terminal);
        assert!(!app.is_loading());
        assert!(
            text.contains("5 articles · lining up 5 articles: paraphrases (4/5)…"),
            "{text}"
        );
        assert!(!text.contains("Loading"), "{text}");
        assert_eq!(app.library.position(), (2, 5));
        assert_eq!(app.screen(), Screen::Library);
        assert_eq!(app.context().map(|_| ()), None);

        // The alignment arrives: the compare asked for at the start opens.
        run(
            &mut terminal,
            &mut app,
            vec![Step::Send(Message::Aligned(alignment))],
        )
        .unwrap_err();
        assert_eq!(app.screen(), Screen::Compare);
        assert!(app.context().is_some());
        let text = screen(&terminal);
        assert!(!text.contains("lining up"), "{text}");

        // The worker hangs up once done; the loop goes on without it until `q`, which on
        // the screen the session started on ends it.
        drop(sender);
        let mut quit = Script {
            steps: vec![Step::Key("q")].into(),
            sender: mpsc::channel().0,
        };
        run_loop_with(&mut terminal, &mut app, &mut quit, &stop, Some(&receiver)).unwrap();
        assert!(!app.is_running());
    }

    #[test]
    fn a_corpus_without_articles_or_a_worker_that_dies_ends_the_loop() {
        let mut terminal = Terminal::new(TestBackend::new(60, 12)).unwrap();
        let stop = AtomicBool::new(false);

        let mut app = App::loading(
            Progress::Loading { files: 2 },
            Keymap::default(),
            Theme::default(),
        );
        let (sender, receiver) = mpsc::channel();
        let empty = Corpus {
            warnings: vec![crate::corpus::LoadWarning {
                path: "a.txt".into(),
                reason: "binary data, not text".into(),
            }],
            ..Corpus::default()
        };
        let mut script = Script {
            steps: vec![Step::Send(Message::Loaded(Arc::new(empty))), Step::Key("j")].into(),
            sender,
        };
        let err = run_loop_with(&mut terminal, &mut app, &mut script, &stop, Some(&receiver))
            .unwrap_err();
        let no_article = err.downcast::<NoArticle>().unwrap();
        assert_eq!(no_article.corpus.warnings.len(), 1);

        let mut app = App::loading(
            Progress::Loading { files: 2 },
            Keymap::default(),
            Theme::default(),
        );
        let (sender, receiver) = mpsc::channel::<Message>();
        drop(sender);
        let mut script = Script {
            steps: vec![Step::Key("j")].into(),
            sender: mpsc::channel().0,
        };
        let err = run_loop_with(&mut terminal, &mut app, &mut script, &stop, Some(&receiver))
            .unwrap_err();
        assert!(err.to_string().contains("worker"), "{err}");
    }
}
