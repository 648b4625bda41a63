//! The sample corpus's alignment as fixed data, so that the screen tests test the screens:
//! a change of the aligner (a threshold, a stage) changes none of them. The pairs and groups
//! were taken once from the aligner's output on the sample; a span is written as the
//! article it is in, the text it starts with and the text it ends with (the first end after
//! the start). What each article says alone is what no pair covers, by paragraph, as the
//! aligner reports it (three words at least).

use crate::align::{AlignedPair, Alignment, PairKind, SharedPassage, Span};
use crate::corpus::Corpus;
use crate::display::comparison::{uncovered, words};

/// A span: article index in the sample, the text it starts with, the text it ends with.
type At = (usize, &'static str, &'static str);

/// Pairs: kind, score, the two sides (lower article first).
#[rustfmt::skip]
const PAIRS: &[(PairKind, f32, At, At)] = &[
    (PairKind::Paraphrase, 0.352579, (0, "Reuters news agency reported", "strikes from Russia."), (2, "Haider al-Abadi’s office,", "AFP news agency.")),
    (PairKind::Paraphrase, 0.372511, (0, "Zameli said that the joint", "center between Iraq"), (3, "Iraq and Iran created the", "action against ISIL.")),
    (PairKind::Paraphrase, 0.304992, (0, "Syria and Russia was still", "battle in Baiji"), (3, "The importance of continued", "government was noted")),
    (PairKind::Paraphrase, 0.481777, (0, "Zameli said that the joint", "center between Iraq"), (4, "Iraq: agreement on anti-ISIS", "center with Russia")),
    (PairKind::Paraphrase, 0.341224, (0, "\"Iraq agreed with Russia,", "joint data center"), (4, "Russia, Syria, Iran and Iraq have", "operations against DAESH")),
    (PairKind::Paraphrase, 0.364169, (0, "\"Iraq agreed with Russia,", "joint data center"), (4, "Iraq: agreement on anti-ISIS", "center with Russia")),
    (PairKind::Paraphrase, 0.338938, (1, "Iraqi PM to share anti-ISIS", "intel with Russia"), (2, "THE Iraqi military has officially", "information with Russia")),
    (PairKind::Paraphrase, 0.311332, (1, "Iraqi Prime Minister Haider al Abadi announced", "intelligence with Russia"), (2, "THE Iraqi military has officially", "information with Russia")),
    (PairKind::Paraphrase, 0.340634, (1, "Russia’s intervention in", "militant groups."), (3, "Since September 30, Russia", "president Bashar Assad.")),
    (PairKind::Paraphrase, 0.379967, (1, "Iraqi PM to share anti-ISIS", "intel with Russia"), (4, "Iraq: agreement on anti-ISIS", "Syria and Iran")),
    (PairKind::Paraphrase, 0.320171, (1, "Iraqi Prime Minister Haider al Abadi announced", "cooperation is requested."), (4, "Iraq Rejects US Request for", "Combat against ISIL")),
    (PairKind::Paraphrase, 0.384568, (2, "“It’s a committee coordinating", "analysing information"), (3, "The four countries are represented", "in the region.")),
    (PairKind::Paraphrase, 0.379974, (2, "THE Iraqi military has officially", "Levant (ISIL) group."), (4, "The Command was quoted as", "[ISIS] group.”")),
    (PairKind::Verbatim, 1.0, (2, "help and cooperate in collecting", "terrorist Daesh"), (4, "help and cooperate in collecting", "[ISIS] group.”")),
    (PairKind::Paraphrase, 0.330336, (3, "In late September, Russia,", "action against ISIL."), (4, "Iraq: agreement on anti-ISIS", "Syria and Iran")),
    (PairKind::Paraphrase, 0.413241, (3, "Russia, Syria, Iraq and Iran", "action against ISIL."), (4, "Russia, Syria, Iran and Iraq have", "operations against DAESH")),
    (PairKind::Paraphrase, 0.43336, (3, "Iraq and Iran created the", "action against ISIL."), (4, "Damascus and Tehran to establish", "operations against DAESH")),
    (PairKind::Paraphrase, 0.426267, (3, "The four countries are represented", "national armed forces"), (4, "who said the center will", "countries’ army’s.")),
    (PairKind::Paraphrase, 0.44877, (3, "whose primary task is to", "in the region."), (4, "The main goal of the center", "the Middle East")),
];

/// Groups: score, which member is the label, the members (by article, then offset).
#[rustfmt::skip]
const GROUPS: &[(f32, usize, &[At])] = &[
    (0.385119, 5, &[(0, "Zameli said that the joint", "center between Iraq"), (0, "\"Iraq agreed with Russia,", "joint data center"), (1, "Iraqi PM to share anti-ISIS", "intel with Russia"), (3, "In late September, Russia,", "action against ISIL."), (4, "Russia, Syria, Iran and Iraq have", "operations against DAESH"), (4, "Iraq: agreement on anti-ISIS", "Syria and Iran")]),
    (0.419868, 1, &[(2, "“It’s a committee coordinating", "analysing information"), (3, "The four countries are represented", "in the region."), (4, "The main goal of the center", "the Middle East"), (4, "who said the center will", "countries’ army’s.")]),
    (0.343415, 2, &[(1, "Iraqi PM to share anti-ISIS", "intel with Russia"), (1, "Iraqi Prime Minister Haider al Abadi announced", "cooperation is requested."), (2, "THE Iraqi military has officially", "Levant (ISIL) group."), (4, "The Command was quoted as", "[ISIS] group.”")]),
    (1.0, 0, &[(2, "help and cooperate in collecting", "terrorist Daesh"), (4, "The Command was quoted as", "[ISIS] group.”")]),
    (0.43336, 1, &[(3, "In late September, Russia,", "action against ISIL."), (4, "Damascus and Tehran to establish", "operations against DAESH")]),
    (0.352579, 0, &[(0, "Reuters news agency reported", "strikes from Russia."), (2, "Haider al-Abadi’s office,", "AFP news agency.")]),
    (0.340634, 0, &[(1, "Russia’s intervention in", "militant groups."), (3, "Since September 30, Russia", "president Bashar Assad.")]),
    (0.320171, 1, &[(1, "Iraqi Prime Minister Haider al Abadi announced", "cooperation is requested."), (4, "Iraq Rejects US Request for", "Combat against ISIL")]),
    (0.304992, 0, &[(0, "Syria and Russia was still", "battle in Baiji"), (3, "The importance of continued", "government was noted")]),
];

/// Fewest words of a stretch listed as unique (the aligner's default).
const MIN_UNIQUE_WORDS: usize = 3;

/// The span `at` of the sample corpus.
fn span(corpus: &Corpus, at: At) -> Span {
    let (article, first, last) = at;
    let text = &corpus.articles[article].text;
    let start = text
        .find(first)
        .unwrap_or_else(|| panic!("{first:?} is not in article {article}"));
    let end = text[start..]
        .find(last)
        .map(|i| start + i + last.len())
        .unwrap_or_else(|| panic!("{last:?} does not follow {first:?} in article {article}"));
    Span {
        article,
        start,
        end,
    }
}

/// The fixed alignment of the sample corpus ([`Corpus::sample`]).
pub fn sample_alignment(corpus: &Corpus) -> Alignment {
    let pairs: Vec<AlignedPair> = PAIRS
        .iter()
        .map(|&(kind, score, a, b)| AlignedPair {
            kind,
            score,
            a: span(corpus, a),
            b: span(corpus, b),
            evidence: Default::default(),
        })
        .collect();
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(id, &(score, label, members))| {
            let members: Vec<Span> = members.iter().map(|&m| span(corpus, m)).collect();
            SharedPassage {
                id,
                label: members[label],
                members,
                score,
            }
        })
        .collect();
    let mut unique = Vec::new();
    for (article, a) in corpus.articles.iter().enumerate() {
        let covered: Vec<std::ops::Range<usize>> = pairs
            .iter()
            .flat_map(|p| [p.a, p.b])
            .filter(|s| s.article == article)
            .map(|s| s.start..s.end)
            .collect();
        unique.extend(
            uncovered(&a.text, &covered)
                .into_iter()
                .filter(|r| words(&a.text[r.clone()]) >= MIN_UNIQUE_WORDS)
                .map(|r| Span {
                    article,
                    start: r.start,
                    end: r.end,
                }),
        );
    }
    Alignment {
        pairs,
        groups,
        unique,
        // The aligner finds one story, all five articles, and no copy family.
        stories: vec![crate::align::family::Story {
            id: 1,
            articles: (0..corpus.articles.len()).collect(),
        }],
        ..Alignment::default()
    }
}
