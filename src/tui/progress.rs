//! How far the slow work is, as data: the worker sends it, the app keeps it, and the view
//! words it ("lining up 10,000 articles: paraphrases (4/5)").

use std::fmt;

use crate::align::Stage;

/// What the worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading this many files.
    Loading { files: usize },
    /// Aligning this many articles: the stage running, once the first has started.
    LiningUp {
        articles: usize,
        stage: Option<Stage>,
    },
}

impl fmt::Display for Progress {
    /// "loading 10,000 files", "lining up 10,000 articles",
    /// "lining up 10,000 articles: paraphrases (4/5)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Progress::Loading { files } => {
                write!(f, "loading {} file{}", thousands(files), plural(files))
            }
            Progress::LiningUp { articles, stage } => {
                write!(
                    f,
                    "lining up {} article{}",
                    thousands(articles),
                    plural(articles)
                )?;
                match stage {
                    Some(stage) => write!(
                        f,
                        ": {} ({}/{})",
                        stage.name(),
                        stage.number(),
                        Stage::ALL.len()
                    ),
                    None => Ok(()),
                }
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A count with thousands separated by commas: 10000 → "10,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_worded_with_thousands_separators() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (10000, "10,000"),
            (123456, "123,456"),
            (1234567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(thousands(n), text);
        }
        let lining_up = |articles, stage| Progress::LiningUp { articles, stage }.to_string();
        assert_eq!(
            lining_up(10000, Some(Stage::Paraphrase)),
            "lining up 10,000 articles: paraphrases (4/5)"
        );
        assert_eq!(lining_up(1, None), "lining up 1 article");
        assert_eq!(Progress::Loading { files: 1 }.to_string(), "loading 1 file");
    }
}
