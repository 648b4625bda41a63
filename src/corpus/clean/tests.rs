//! Cleaning as a whole: the sample corpus, the options, and repetition across articles.
//!
//! The sample passages below are copied from the evaluation gold of the sample corpus: the
//! `never` passages are boilerplate that must go, the `pairs` passages article text that must
//! stay word for word. Comparison collapses white space, as the gold does.

use std::path::Path;

use pretty_assertions::assert_eq;

use super::*;
use crate::corpus::{document_from_bytes, Article, Corpus, Format, LoadOptions};

const SEEDS: [(&str, &str); 5] = [
    (
        "000_569b729a2117decc.txt",
        include_str!("../../../assets/articles/000_569b729a2117decc.txt"),
    ),
    (
        "001_76e71f461a24764f.txt",
        include_str!("../../../assets/articles/001_76e71f461a24764f.txt"),
    ),
    (
        "002_76376debc50083fa.txt",
        include_str!("../../../assets/articles/002_76376debc50083fa.txt"),
    ),
    (
        "003_b5e1fbffe1debdfc.txt",
        include_str!("../../../assets/articles/003_b5e1fbffe1debdfc.txt"),
    ),
    (
        "004_a614a29300825745.txt",
        include_str!("../../../assets/articles/004_a614a29300825745.txt"),
    ),
];

fn seed_corpus(options: &LoadOptions) -> Corpus {
    let documents = SEEDS
        .iter()
        .map(|(name, text)| {
            document_from_bytes(Path::new(name), Format::Text, text.as_bytes())
                .expect("sample articles load")
        })
        .collect();
    Corpus::from_documents(documents, Vec::new(), options)
}

fn article<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .expect("sample article present")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Boilerplate that must not survive cleaning: the gold's `never` passages, then more of each
/// page's furniture.
const NEVER: &[(&str, &str)] = &[
    ("000", "The Centre for Research on Globalization will not be responsible for any inaccurate or incorrect statement in this article"),
    ("000", "contains copyrighted material the use of which has not always been specifically authorized by the copyright owner"),
    ("004", "The team and the editorial staff of War Press Info do not necessarily subscribe every point of view expressed"),
    ("003", "To participate in the discussion"),
    ("002", "Receive News Alerts on Whatsapp"),
    ("001", "Photo by: Reuters"),
    // Beyond the gold: the rest of each page's furniture.
    ("000", "By Al Manar"),
    ("000", "Global Research, October 25, 2015"),
    ("000", "Region: Middle East"),
    ("000", "In-depth Report"),
    ("000", "The original source of this article is"),
    ("000", "Copyright ©"),
    ("000", "Comment on Global Research Articles"),
    ("000", "Become a Member of Global Research"),
    ("000", "Articles by"),
    ("000", "For media inquiries"),
    ("000", "](#)"),
    ("001", "Iraqi PM Haider al Abadi addresses attendees"),
    ("001", "Civil defense members mourn the death of their comrade"),
    ("001", "TRTWorld and agencies"),
    ("002", "No Comments yet"),
    ("003", "- Sputnik International"),
    ("003", "Get the latest news"),
    ("003", "© AFP"),
    ("003", "An Iraqi army member mans a tank"),
    ("003", "Subscribe"),
    ("003", "City of Atshan liberated"),
    ("003", "Syrian Army's Actions Backed by Russian Airstrikes"),
    ("003", "Syrian Army soldiers - Sputnik"),
    ("003", "Tale of One Dead Soldier"),
    ("003", "Newsfeed"),
    ("003", "log in or register"),
    ("003", "loader"),
    ("003", "Chats"),
    ("004", ", , ,"),
    ("004", "Iraqi Popular Forces-3"),
    ("004", "R E L A T E D"),
    ("004", "Iraqi Popular Forces Not to Fight alongside Americans in Anbar"),
    ("004", "Fars News"),
    ("004", "Submitted by"),
    ("004", "War Press Info Network at:"),
    ("004", "Re-publications are welcome"),
];

/// Article text that must survive word for word: the gold's `pairs` passages.
const KEEP: &[(&str, &str)] = &[
    ("002", "help and cooperate in collecting information about the terrorist Daesh group (using the Arabic acronym for ISIL)"),
    ("004", "help and cooperate in collecting information about the terrorist Daesh [ISIS] group"),
    ("003", "Russia, Syria, Iraq and Iran created the Baghdad Information Center to coordinate joint military action against ISIL"),
    ("004", "Russia, Syria, Iran and Iraq have agreed to establish an information center in the Iraqi capital Baghdad to coordinate their operations against DAESH"),
    ("004", "The Joint Operations Command in Baghdad announced agreement with Moscow, Damascus and Tehran to establish a joint information center in the Iraqi capital to coordinate operations against DAESH"),
    ("002", "THE Iraqi military has officially announced it is to begin sharing “security and intelligence” information with Russia, Syria and Iran"),
    ("004", "Iraq agreed with Russia, Syria and Iran on intelligence and security cooperation"),
    ("002", "It’s a committee coordinating between the four countries, with representatives of each country, in the field of military intelligence and aimed at sharing and analysing information"),
    ("003", "The four countries are represented by officers of the national armed forces, whose primary task is to collect and analyze data related to militant operations in the region"),
    ("004", "The main goal of the center will be gathering, processing and analyzing current information about the situation in the Middle East"),
    ("004", "the center will involve representatives of the general staffs of the four countries’ army’s"),
    ("001", "Russia’s intervention in Syria began on September 30 which launched its first air strikes on civilians residing in opposition-controlled districts rather than on ISIS militant groups"),
    ("003", "Since September 30, Russia has been conducting pinpoint airstrikes on ISIL positions in Syria, at the request of country's president Bashar Assad"),
    ("000", "under the request of the Syrian government, Russia also is launching an air campaign against ISIL and other terrorists"),
    ("000", "the joint data center between Iraq, Syria and Russia was still in its initial stage"),
    ("004", "establish a joint information center in the Iraqi capital to coordinate operations against DAESH"),
    ("000", "have urged Abadi to request Russian air strikes against ISIL"),
    ("001", "PM Abadi announced adding that Baghdad is patching up a plan which involves Russian air strikes against ISIS targets in Iraq"),
    ("000", "Iraqi Parliament's National Security and Defense Committee Hakem al-Zameli said that Baghdad and Moscow have agreed to hit ISIL militants"),
    ("003", "the Iraqi parliamentary delegation's head Hakim Zamili and Russian Deputy Foreign Minister Mikhail Bogdanov"),
    ("000", "The strikes have failed to turn the tide in the war against the Takfiri militants"),
    ("002", "Washington’s strategy in Iraq, built on an air campaign and the deployment of several thousand military trainers and advisers, has faced increased criticism for failing to deliver results"),
    ("002", "Moscow is boosting its military presence in neighbouring Syria, deploying more troops and warplanes to an air base along with new arms deliveries to the regime of President Bashar al-Assad"),
    ("004", "stressing that Russia will continue to support Syria militarily"),
];

#[test]
fn sample_boilerplate_is_gone() {
    let corpus = seed_corpus(&LoadOptions::default());
    for (id, passage) in NEVER {
        let text = collapse(&article(&corpus, id).text);
        assert!(
            !text.contains(&collapse(passage)),
            "{id} still has {passage:?}"
        );
    }
}

#[test]
fn sample_article_text_stays_word_for_word() {
    let corpus = seed_corpus(&LoadOptions::default());
    for (id, passage) in KEEP {
        let text = collapse(&article(&corpus, id).text);
        assert!(text.contains(&collapse(passage)), "{id} lost {passage:?}");
    }
}

/// Each sample's headline, first paragraph of text and last paragraph, as cleaned.
const FRAMES: &[(&str, &str, &str, &str)] = &[
    (
        "000",
        "Baghdad Defies Washington: Iraq and Russia Agree to Hit ISIS Militants Heading from Syria to Iraq",
        "Iraqi Parliament's National Security and Defense Committee Hakem al-Zameli said that Baghdad and Moscow have agreed to hit ISIL militants heading from Syria to Iraq.",
        "Meanwhile, and under the request of the Syrian government, Russia also is launching an air campaign against ISIL and other terrorists.",
    ),
    (
        "001",
        "Iraqi PM to share anti-ISIS intel with Russia",
        "Iraqi Prime Minister Haider al Abadi says Baghdad is willing to share anti-ISIS intelligence with Russia, Iran and Syria",
        "As much as half of the country’s population has also been displaced, both internally and externally, making it the world’s single-largest source of refugees and displaced people.",
    ),
    (
        "002",
        "Iraq, Russia, others unite against ISIL",
        "THE Iraqi military has officially announced it is to begin sharing “security and intelligence” information with Russia, Syria and Iran to help combat the advances of the Islamic State of Iraq and the Levant (ISIL) group.",
        "Washington’s strategy in Iraq, built on an air campaign and the deployment of several thousand military trainers and advisers, has faced increased criticism for failing to deliver results.",
    ),
    (
        "003",
        "Iraq Intends to Strengthen Anti-ISIL Cooperation With Russia",
        "Russian Deputy Foreign Minister Mikhail Bogdanov on Friday met with a delegation from Iraq’s committee on security and defense to discuss the situation in Iraq on the Islamic State’s expansion, as well as Russia’s efforts in the fight against terrorism in Syria.",
        "In late September, Russia, Syria, Iraq and Iran created the Baghdad Information Center to coordinate joint military action against ISIL. The four countries are represented by officers of the national armed forces, whose primary task is to collect and analyze data related to militant operations in the region.",
    ),
    (
        "004",
        "Russia, Syria, Iran and Iraq coordinate their operations against Daesh",
        "Russia, Syria, Iran and Iraq have agreed to establish an information center in the Iraqi capital Baghdad to coordinate their operations against DAESH (the Islamic State in Iraq and Syria, ISIS-ISIL) terrorist organization.",
        "He reminded that Hashed Al-Shaabi has earned many victories against the terrorists, and said, “Therefore, the popular forces will not wait for anyone’s permission and will continue fighting against the ISIL.”",
    ),
];

#[test]
fn sample_articles_keep_their_headline_first_and_last_paragraphs() {
    let corpus = seed_corpus(&LoadOptions::default());
    for (id, title, first, last) in FRAMES {
        let paragraphs: Vec<String> = article(&corpus, id)
            .text
            .split("\n\n")
            .map(collapse)
            .collect();
        assert_eq!(paragraphs[0], collapse(title), "{id}");
        assert_eq!(paragraphs[1], collapse(first), "{id}");
        assert_eq!(
            paragraphs.last().map(String::as_str),
            Some(collapse(last).as_str()),
            "{id}"
        );
    }
}

#[test]
fn sample_lines_broken_in_mid_sentence_are_joined() {
    let corpus = seed_corpus(&LoadOptions::default());
    let text = &article(&corpus, "002").text;
    assert!(text.contains(
        "Saad al-Hadithi, a spokesman for Prime Minister, Haider al-Abadi’s office, told"
    ));
}

#[test]
fn sample_text_is_tidy() {
    let corpus = seed_corpus(&LoadOptions::default());
    for a in &corpus.articles {
        let text = &a.text;
        assert_eq!(text.trim(), text, "{}: leading or trailing space", a.id);
        assert!(
            !text.contains("\n\n\n"),
            "{}: more than one blank line",
            a.id
        );
        assert!(
            text.lines().all(|l| l.trim_end() == l),
            "{}: trailing spaces",
            a.id
        );
        assert!(
            !text.contains("**") && !text.contains("]("),
            "{}: Markdown left",
            a.id
        );
    }
}

#[test]
fn sample_metadata() {
    let corpus = seed_corpus(&LoadOptions::default());
    let meta = |id| article(&corpus, id).meta.clone();
    let m = meta("000");
    assert_eq!(m.outlet.as_deref(), Some("Global Research"));
    assert_eq!(m.date.as_deref(), Some("2015-10-25"));
    assert_eq!(m.author.as_deref(), Some("Al Manar"));
    assert_eq!(
        m.title.as_deref(),
        Some("Baghdad Defies Washington: Iraq and Russia Agree to Hit ISIS Militants Heading from Syria to Iraq")
    );
    let m = meta("001");
    assert_eq!(m.outlet.as_deref(), Some("TRT World"));
    assert_eq!(m.date, None, "a caption's date is not the article's");
    assert_eq!(
        m.title.as_deref(),
        Some("Iraqi PM to share anti-ISIS intel with Russia")
    );
    let m = meta("002");
    assert_eq!((m.outlet, m.date, m.author), (None, None, None));
    assert_eq!(
        m.title.as_deref(),
        Some("Iraq, Russia, others unite against ISIL")
    );
    let m = meta("003");
    assert_eq!(m.outlet.as_deref(), Some("Sputnik International"));
    assert_eq!(
        m.title.as_deref(),
        Some("Iraq Intends to Strengthen Anti-ISIL Cooperation With Russia")
    );
    let m = meta("004");
    assert_eq!(m.outlet.as_deref(), Some("War Press Info Network"));
    assert_eq!(m.author.as_deref(), Some("Cem Ertür"));
    assert_eq!(
        m.title.as_deref(),
        Some("Russia, Syria, Iran and Iraq coordinate their operations against Daesh")
    );
}

#[track_caller]
fn cleaned(raw: &str, options: &CleanOptions) -> String {
    clean(raw, &RepeatedLines::default(), options)
}

const PAGE: &str = "- Daily Planet\nWorld\n\n# Ministers Agree to Share Intelligence\n\n\
    Photo by: Reuters\n\n\
    The foreign ministry said on Friday that the talks between the two governments would \
    continue next week in the capital.\n\n\
    Related:\n\nTalks Stall in Geneva Again\n\n\
    He declined to comment.\n\nShare this article\n\n\
    Copyright © Daily Planet 2015. All rights reserved.";

#[test]
fn disabled_cleaning_returns_the_text_as_loaded() {
    let options = CleanOptions {
        enabled: false,
        ..CleanOptions::default()
    };
    assert_eq!(cleaned(PAGE, &options), PAGE);
}

#[test]
fn every_family_has_its_switch() {
    let all = CleanOptions::default();
    assert_eq!(
        cleaned(PAGE, &all),
        "Ministers Agree to Share Intelligence\n\n\
         The foreign ministry said on Friday that the talks between the two governments would \
         continue next week in the capital.\n\nHe declined to comment."
    );
    let cases: [(CleanOptions, &str); 4] = [
        (
            CleanOptions {
                prompts: false,
                ..all.clone()
            },
            "Share this article",
        ),
        (
            CleanOptions {
                disclaimers: false,
                ..all.clone()
            },
            "All rights reserved.",
        ),
        (
            CleanOptions {
                captions: false,
                ..all.clone()
            },
            "Photo by: Reuters",
        ),
        (
            CleanOptions {
                related: false,
                ..all.clone()
            },
            "Talks Stall in Geneva Again",
        ),
    ];
    for (options, kept) in cases {
        assert!(
            cleaned(PAGE, &options).contains(kept),
            "{kept:?} with {options:?}"
        );
    }
}

#[test]
fn markdown_is_rendered_as_reading_text() {
    let raw = "# A **Bold** Headline About Things\n\n*In [Baghdad](http://x.org), the talks went \
               on* until _late_ at night, officials said.\n\n---\n\nhttp://example.org/story\n";
    assert_eq!(
        cleaned(raw, &CleanOptions::default()),
        "A Bold Headline About Things\n\nIn Baghdad, the talks went on until late at night, officials said."
    );
}

fn article_with(lines: &[&str]) -> String {
    let filler: Vec<String> = (0..6)
        .map(|i| format!("Paragraph {i} of this article reports what the ministry said about the talks in some detail today."))
        .collect();
    let mut parts: Vec<String> = vec!["A Headline for the Story".into()];
    parts.extend(filler[..3].iter().cloned());
    parts.extend(lines.iter().map(|l| l.to_string()));
    parts.extend(filler[3..].iter().cloned());
    parts.join("\n\n")
}

#[test]
fn repeated_lines_are_short_or_at_the_edges_never_long_sentences() {
    let wire = "The Iraqi military said it would share security and intelligence information \
                with Russia, Syria and Iran to fight the group.";
    let short_sentence = "He did not say when the work would begin.";
    let furniture = "Most Shared Stories This Week";
    let texts: Vec<String> = (0..3)
        .map(|_| article_with(&[wire, short_sentence, furniture]))
        .collect();
    let options = CleanOptions::default();
    let repeated = RepeatedLines::count(texts.iter().map(String::as_str), &options);
    let text = clean(&texts[0], &repeated, &options);
    assert!(text.contains(wire), "wire copy shared by outlets must stay");
    assert!(
        text.contains(short_sentence),
        "a short shared sentence mid-article stays"
    );
    assert!(
        !text.contains(furniture),
        "a short line in every article is furniture"
    );
    assert!(
        text.starts_with("A Headline for the Story"),
        "the headline is never furniture"
    );

    let two = RepeatedLines::count(texts[..2].iter().map(String::as_str), &options);
    assert!(
        clean(&texts[0], &two, &options).contains(furniture),
        "two articles are not enough"
    );

    let off = CleanOptions {
        repeated_lines: false,
        ..options
    };
    let none = RepeatedLines::count(texts.iter().map(String::as_str), &off);
    assert!(clean(&texts[0], &none, &off).contains(furniture));
}

#[test]
fn repeated_long_lines_count_only_at_the_edges() {
    let nav = "Home World Politics Business Technology Science Health Sport Culture Opinion Video \
               Podcasts Newsletters";
    let at_edge = |_: usize| format!("{nav}\n\n{}", article_with(&[]));
    let texts: Vec<String> = (0..3).map(at_edge).collect();
    let options = CleanOptions::default();
    let repeated = RepeatedLines::count(texts.iter().map(String::as_str), &options);
    assert!(repeated.is_repeated(nav));
    let mid: Vec<String> = (0..3).map(|_| article_with(&[nav])).collect();
    let repeated = RepeatedLines::count(mid.iter().map(String::as_str), &options);
    assert!(!repeated.is_repeated(nav));
}

/// A small deterministic generator of odd text: Markdown debris, stray brackets, characters
/// whose case changes their length, scripts without case, control-like spacing.
fn odd_text(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "*",
        "**",
        "_",
        "__",
        "\\",
        "#",
        "# ",
        "> ",
        "- ",
        "---",
        "\n",
        "\n\n",
        " ",
        "  ",
        ":",
        ",",
        ".",
        "“",
        "”",
        "©",
        "İ",
        "K",
        "ß",
        "ﬁ",
        "Σ",
        "é",
        "بغداد",
        "Москва",
        "日本",
        "🙂",
        "By ",
        "Photo: ",
        "Related:",
        "Copyright ",
        " - ",
        "October 25, 2015",
        "2015-10-25",
        "(Reuters) — ",
        "MOSCOW ",
        "and agencies",
        "Subscribe",
        "The minister said the talks would continue.",
        "Iraq Rejects US Request",
        "0",
        "\t",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
    }
    out
}

#[test]
fn odd_input_never_panics_and_keeps_the_invariants() {
    let options = CleanOptions::default();
    let texts: Vec<String> = (0..300)
        .map(|seed| odd_text(seed, 1 + seed as usize % 120))
        .collect();
    let repeated = RepeatedLines::count(texts.iter().map(String::as_str), &options);
    for text in &texts {
        let out = clean(text, &repeated, &options);
        assert_eq!(out.trim(), out);
        assert!(!out.contains("\n\n\n"));
        let _ = crate::corpus::describe::describe(text);
    }
}

#[test]
fn a_line_of_stray_brackets_is_cleaned_quickly() {
    let line = "[".repeat(200_000) + &"](".repeat(1000);
    let started = std::time::Instant::now();
    let _ = clean(&line, &RepeatedLines::default(), &CleanOptions::default());
    // Quadratic bracket matching would take minutes here; linear takes milliseconds, even in
    // a debug build on a busy machine.
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn a_japanese_article_after_an_english_line_keeps_its_text() {
    // An English sentence near the top made every Japanese paragraph after it "short lines
    // after the last paragraph of text": one whitespace word each, no "." at the end.
    let paragraphs = [
        "音楽配信大手のスポティファイは１日、アーティストの私生活での行いを理由に楽曲をおすすめのプレイリストから外す方針を撤回すると発表した。",
        "同社は５月、憎悪をあおる行為があったとされるアーティストの楽曲を積極的には紹介しないと表明し、二人の歌手の曲を公式プレイリストから削除していた。",
        "これに対してレコード会社やマネジャーからは、基準があいまいで、似た疑いを持たれている他のアーティストとの扱いに差があるとの批判が相次いでいた。",
        "同社は声明で「裁判官の役割を果たすつもりはなかった」と説明し、方針の文言が広すぎたうえ、周知の仕方も不十分だったと認めた。",
    ];
    let raw = format!(
        "スポティファイ、方針を撤回\n\nThe Asahi Shimbun is Japan's leading daily newspaper, read by millions.\n\n{}\n\nシェア\n\n有料会員になると続きをお読みいただけます。",
        paragraphs.join("\n\n")
    );
    let text = cleaned(&raw, &CleanOptions::default());
    for p in paragraphs {
        assert!(text.contains(p), "lost {p}\n{text}");
    }
    assert!(!text.contains("有料会員"), "{text}");
}

#[test]
fn rules_of_place_never_take_a_fifth_of_the_prose() {
    let raw = "A Headline for the Story\n\n\
               The talks in Vienna resumed on Monday with delegations from eleven countries.\n\n\
               Ministers met again on Tuesday and agreed on a plan for the next round.\n\n\
               Officials said the next meeting would take place in Geneva in two weeks.\n\n\
               Share this article on Facebook and Twitter with your friends today please.";
    let page = Page::read(raw);
    let prose: Vec<usize> = (1..=3).collect();
    let prompt = 4;
    assert_eq!(page.kinds[prompt], Kind::Prompt);
    // Place alone marked two of three prose paragraphs (more than a fifth): they come back;
    // the prompt, which has a cue of its own, stays out.
    let mut dropped = vec![false; page.units.len()];
    for &i in &prose[1..] {
        dropped[i] = true;
    }
    dropped[prompt] = true;
    keep_prose_dropped_by_place(&page, &mut dropped);
    assert_eq!(dropped, [false, false, false, false, true]);
    // One short paragraph of a long page is under a fifth: it stays out.
    let long = format!(
        "{raw}\n\n{}",
        "The delegations talked for hours about the plan. ".repeat(30)
    );
    let page = Page::read(&long);
    let mut dropped = vec![false; page.units.len()];
    dropped[2] = true;
    keep_prose_dropped_by_place(&page, &mut dropped);
    assert!(dropped[2]);
}
