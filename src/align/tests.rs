//! Whole-engine tests: the sample corpus, and properties any aligner must keep.

use super::*;
use crate::corpus::{Corpus, LoadOptions};

fn sample() -> (Vec<String>, Vec<String>) {
    let corpus = Corpus::sample(&LoadOptions::default());
    let ids = corpus
        .articles
        .iter()
        .map(|a| a.id[..3].to_string())
        .collect();
    let texts = corpus.articles.iter().map(|a| a.text.clone()).collect();
    (ids, texts)
}

fn text<'a>(texts: &'a [String], span: &Span) -> &'a str {
    &texts[span.article][span.start..span.end]
}

/// Pairs as comparable, index-free tuples: (kind, id a, text a, id b, text b), sorted.
fn pair_set(
    ids: &[String],
    texts: &[String],
    alignment: &Alignment,
) -> Vec<(String, String, String, String, String)> {
    let mut out: Vec<_> = alignment
        .pairs
        .iter()
        .map(|p| {
            let (x, y) = if ids[p.a.article] < ids[p.b.article] {
                (p.a, p.b)
            } else {
                (p.b, p.a)
            };
            (
                p.kind.as_str().to_string(),
                ids[x.article].clone(),
                text(texts, &x).to_string(),
                ids[y.article].clone(),
                text(texts, &y).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn run(texts: &[String]) -> Alignment {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    align(&refs, &AlignOptions::default())
}

#[test]
fn the_quote_is_found_verbatim_and_the_information_center_as_a_paraphrase() {
    let (ids, texts) = sample();
    let alignment = run(&texts);
    let set = pair_set(&ids, &texts, &alignment);
    assert!(
        set.iter().any(|(kind, a, ta, b, tb)| kind == "verbatim"
            && a == "002"
            && b == "004"
            && ta.contains("help and cooperate in collecting information about the terrorist Daesh")
            && tb.contains("help and cooperate in collecting information about the terrorist Daesh [ISIS] group")),
        "{set:#?}"
    );
    let created = "Russia, Syria, Iraq and Iran created the Baghdad Information Center to coordinate joint military action against ISIL.";
    let agreed = "Russia, Syria, Iran and Iraq have agreed to establish an information center in the Iraqi capital Baghdad";
    assert!(
        set.iter().any(|(kind, a, ta, b, tb)| kind == "paraphrase"
            && a == "003"
            && b == "004"
            && ta.contains(created)
            && tb.contains(agreed)),
        "{set:#?}"
    );
    // One group holds both wordings.
    let group = alignment
        .groups
        .iter()
        .find(|g| {
            g.members.iter().any(|m| text(&texts, m).contains(created))
                && g.members.iter().any(|m| text(&texts, m).contains(agreed))
        })
        .expect("a group with 003's and 004's information-center wordings");
    assert!(group.members.len() >= 2);
    // Boilerplate cleaned away never comes back, and nothing aligns within one article.
    for p in &alignment.pairs {
        assert_ne!(p.a.article, p.b.article);
        assert!(p.a.article < p.b.article);
        assert!(!text(&texts, &p.a).contains("Subscribe"));
    }
    assert!(
        alignment.pairs.len() <= 40,
        "{} pairs",
        alignment.pairs.len()
    );
}

#[test]
fn an_article_aligned_with_itself_is_fully_covered() {
    let (_, texts) = sample();
    for t in &texts {
        // A trailing line break keeps the two texts apart (identical texts are aligned once,
        // as copies: see `family`), so that the tiers themselves must cover the whole text.
        let twice = vec![t.clone(), format!("{t}\n")];
        let alignment = run(&twice);
        assert!(!alignment.pairs.is_empty());
        assert_eq!(alignment.unique, [], "uncovered text of a self-alignment");
    }
}

#[test]
fn swapping_two_articles_mirrors_the_pairs() {
    let (ids, texts) = sample();
    for (x, y) in [(2, 4), (3, 4), (0, 3), (1, 2)] {
        let forward = run(&[texts[x].clone(), texts[y].clone()]);
        let backward = run(&[texts[y].clone(), texts[x].clone()]);
        let ids_f = [ids[x].clone(), ids[y].clone()];
        let ids_b = [ids[y].clone(), ids[x].clone()];
        assert_eq!(
            pair_set(&ids_f, &[texts[x].clone(), texts[y].clone()], &forward),
            pair_set(&ids_b, &[texts[y].clone(), texts[x].clone()], &backward)
        );
    }
}

#[test]
fn results_do_not_depend_on_article_order() {
    let (ids, texts) = sample();
    let base = pair_set(&ids, &texts, &run(&texts));
    for order in [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3]] {
        let ids2: Vec<String> = order.iter().map(|&i| ids[i].clone()).collect();
        let texts2: Vec<String> = order.iter().map(|&i| texts[i].clone()).collect();
        assert_eq!(
            pair_set(&ids2, &texts2, &run(&texts2)),
            base,
            "order {order:?}"
        );
    }
}

#[test]
fn tiny_empty_and_odd_articles_never_panic() {
    let odd = [
        "",
        " ",
        "\n\n",
        "One.",
        "One sentence only without a stop",
        "…",
        "“”",
        "a",
        "Ünïcödé ✘ 中文 🎉",
        "U.S.",
        "Mr.",
        "1,800",
        "al-",
        "-al",
        "(ISIS)",
        ". . . .",
        "A\nB\nC",
        "ISIS ISIL Daesh",
    ];
    for x in odd {
        for y in odd {
            let alignment = align(&[x, y], &AlignOptions::default());
            for p in &alignment.pairs {
                assert!(p.a.end <= [x, y][p.a.article].len());
            }
        }
        let _ = align(&[x], &AlignOptions::default());
    }
    let _ = align(&[], &AlignOptions::default());
}

#[test]
fn every_span_is_on_char_boundaries_of_its_text() {
    let (_, texts) = sample();
    let alignment = run(&texts);
    let spans = alignment
        .pairs
        .iter()
        .flat_map(|p| [p.a, p.b])
        .chain(alignment.unique.iter().copied())
        .chain(
            alignment
                .groups
                .iter()
                .flat_map(|g| g.members.iter().copied()),
        );
    for s in spans {
        let t = &texts[s.article];
        assert!(s.start < s.end && s.end <= t.len());
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        assert_eq!(t[s.start..s.end].trim(), &t[s.start..s.end]);
    }
}

fn pairs_of(texts: &[&str]) -> Vec<(PairKind, String, String)> {
    let alignment = align(texts, &AlignOptions::default());
    alignment
        .pairs
        .iter()
        .map(|p| {
            (
                p.kind,
                texts[p.a.article][p.a.start..p.a.end].to_string(),
                texts[p.b.article][p.b.start..p.b.end].to_string(),
            )
        })
        .collect()
}

#[test]
fn a_reworded_claim_aligns_sentence_to_sentence() {
    let a = "Weather was calm in the north. The health ministry opened three field hospitals near \
             the flooded port of Basra on Monday. Schools stayed shut.";
    let b =
        "Markets rallied. On Monday, three field hospitals were set up by the ministry of health \
             close to Basra's flooded harbour. Fans cheered the team.";
    assert_eq!(
        pairs_of(&[a, b]),
        [(
            PairKind::Paraphrase,
            "The health ministry opened three field hospitals near the flooded port of Basra on Monday.".to_string(),
            "On Monday, three field hospitals were set up by the ministry of health close to Basra's flooded harbour.".to_string()
        )]
    );
}

#[test]
fn sharing_a_topic_is_not_sharing_a_claim() {
    // One shared noun phrase, different claims.
    let a =
        "Officials in Toronto discussed severe acute respiratory syndrome screening at airports.";
    let b = "Doctors said severe acute respiratory syndrome cases fell in Singapore last week.";
    assert_eq!(pairs_of(&[a, b]), []);
}

#[test]
fn transliterated_names_and_aliases_count_as_shared_words() {
    let a = "Hakem al-Zameli said ISIL fighters were driven out of Baiji refinery by Iraqi troops.";
    let b = "Iraqi troops drove Daesh fighters out of the Baiji refinery, Hakim Zamili said.";
    let found = pairs_of(&[a, b]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, a);
    assert_eq!(found[0].2, b);
}

#[test]
fn a_claim_inside_a_longer_sentence_aligns_as_its_clause() {
    let a = "The refinery, which was shut for a month, reopened on Sunday, the oil minister said, \
             adding that exports to Turkey would resume within weeks through the northern pipeline.";
    let b = "Exports to Turkey through the northern pipeline will resume in a few weeks.";
    let found = pairs_of(&[a, b]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1,
        "adding that exports to Turkey would resume within weeks through the northern pipeline."
    );
}

#[test]
fn a_short_line_repeated_across_many_articles_is_a_stock_line() {
    let stock = "The blue-chip Dow Jones industrial average closed higher on the day.";
    let bodies = [
        "Farmers in Iowa planted less corn this spring after two dry years in a row.",
        "A new bridge over the Danube opened to traffic in Budapest after six years of work.",
        "The museum returned four bronze statues to Nigeria under a restitution deal.",
        "Rescuers pulled twelve miners alive from a flooded shaft in Shanxi province.",
        "The orchestra cancelled its autumn tour because of a dispute over pay.",
    ];
    let texts: Vec<String> = bodies.iter().map(|b| format!("{b}\n\n{stock}")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let alignment = align(&refs, &AlignOptions::default());
    assert_eq!(alignment.pairs, [], "a stock line aligned");
    // Between two articles only, the same line is a shared passage.
    let two = align(&refs[..2], &AlignOptions::default());
    assert_eq!(two.pairs.len(), 1, "{:?}", two.pairs);
}

#[test]
fn progress_reports_every_stage_once_in_order_and_changes_nothing() {
    let (_, texts) = sample();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let seen = std::cell::RefCell::new(Vec::new());
    let with_progress = align_with_progress(&texts, &AlignOptions::default(), &|stage| {
        seen.borrow_mut().push(stage);
    });
    assert_eq!(seen.into_inner(), Stage::ALL.to_vec());
    assert_eq!(with_progress, align(&texts, &AlignOptions::default()));
    let numbers: Vec<usize> = Stage::ALL.iter().map(|s| s.number()).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
}

/// Whether the sample's alignment pairs a passage holding `x` with one holding `y`.
fn pairs_texts(alignment: &Alignment, texts: &[String], x: &str, y: &str) -> bool {
    alignment.pairs.iter().any(|p| {
        let (ta, tb) = (text(texts, &p.a), text(texts, &p.b));
        (ta.contains(x) && tb.contains(y)) || (ta.contains(y) && tb.contains(x))
    })
}

#[test]
fn a_refusal_is_not_paired_with_the_offer_it_refuses() {
    let (_, texts) = sample();
    let alignment = run(&texts);
    assert!(!pairs_texts(
        &alignment,
        &texts,
        "if cooperation is requested",
        "Iraq Rejects US Request for Partnership"
    ));
}

#[test]
fn two_sentences_citing_news_agencies_are_not_one_claim() {
    let (_, texts) = sample();
    let alignment = run(&texts);
    assert!(!pairs_texts(
        &alignment,
        &texts,
        "Reuters news agency reported",
        "told the AFP news agency"
    ));
}

#[test]
fn sharing_only_a_name_and_a_word_of_emphasis_is_not_one_claim() {
    let (_, texts) = sample();
    let alignment = run(&texts);
    assert!(!pairs_texts(
        &alignment,
        &texts,
        "helped end the battle in Baiji",
        "The importance of continued Russian support"
    ));
}

/// The two rescues of `tests/fixtures/patrols`, whose wire stories share a setting word for
/// word around other ships: when the shared words are a quotation on both sides, they are a
/// remark the two articles carry, and the pair stays.
#[test]
fn a_quotation_two_stories_share_stays_a_pair_whoever_is_named_around_it() {
    let setting = "anti-piracy escort duty in the Gulf of Tarsen";
    let quoted = "\u{201c}anti-piracy escort duty in the Gulf of Tarsen\u{201d}";
    let texts: Vec<String> = [
        include_str!("../../tests/fixtures/patrols/veldra-wire.txt"),
        include_str!("../../tests/fixtures/patrols/veldra-daily.txt"),
        include_str!("../../tests/fixtures/patrols/veldra-radio.txt"),
        include_str!("../../tests/fixtures/patrols/oskarn-wire.txt"),
        include_str!("../../tests/fixtures/patrols/oskarn-post.txt"),
        include_str!("../../tests/fixtures/patrols/oskarn-local.txt"),
    ]
    .iter()
    .map(|t| t.replace(setting, quoted))
    .collect();
    assert_eq!(texts.iter().filter(|t| t.contains(quoted)).count(), 2);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let alignment = align(&refs, &AlignOptions::default());
    let across: Vec<&AlignedPair> = alignment
        .pairs
        .iter()
        .filter(|p| (p.a.article < 3) != (p.b.article < 3))
        .collect();
    assert_eq!(across.len(), 1, "{:#?}", alignment.pairs);
    assert_eq!(across[0].kind, PairKind::Verbatim);
    assert!(text(&texts, &across[0].a).contains("Gulf of Tarsen"));
}
