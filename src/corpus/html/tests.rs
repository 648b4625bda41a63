//! Pages end to end, and each part of reading them.

use super::entities::decode_entities;
use super::lexer::declared_charset;
use super::meta::DeclaredMeta;
use super::text::{html_to_text, Scope};
use super::*;
use crate::corpus::{document_from_bytes, Format};
use pretty_assertions::assert_eq;
use std::path::Path;

const NEWS_PAGE: &str = include_str!("../../../tests/fixtures/loader/news_page.html");

const NEWS_BODY: &str = "Iraq to share intelligence with Russia, Iran and Syria\n\n\
    Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad would share \
    intelligence on the Islamic State group with Russia, Iran and Syria through a new \
    information centre in the capital.\n\n\
    “We have been fighting Daesh for more than a year and we have important security \
    information that no other country has,” al-Abadi told reporters at the presidential \
    office. He added that the centre’s work would be \"purely technical\" & would not \
    replace the coalition led by the United States.\n\n\
    A centre in Baghdad\n\n\
    The Joint Operations Command said the centre had been set up at the end of September \
    and that officers from the four countries were already working there. Hakim al-Zamili, \
    head of parliament’s security and defence committee, said the arrangement could lead \
    to Russian air strikes in Iraq.\n\n\
    Washington has criticised the arrangement. A spokesman for the US-led coalition said \
    it was “not helpful” and that the coalition would continue to support Iraqi forces in \
    their campaign to retake Ramadi and other cities held by the militants since last year.";

fn news_meta() -> Metadata {
    Metadata {
        title: Some("Iraq to share intelligence with Russia, Iran and Syria".into()),
        outlet: Some("Example News".into()),
        date: crate::corpus::PubDate::parse("2015-10-03"),
        author: Some("Jane Doe".into()),
        url: Some("https://news.example.com/world/iraq-intelligence-center".into()),
        ..Metadata::default()
    }
}

#[test]
fn news_page_gives_body_and_metadata() {
    let (text, meta) = extract(NEWS_PAGE).expect("text");
    assert_eq!(text, NEWS_BODY);
    assert_eq!(meta, news_meta());
}

#[test]
fn own_metadata_scan_reads_meta_open_graph_and_json_ld() {
    assert_eq!(DeclaredMeta::scan(NEWS_PAGE).into_metadata(), news_meta());
}

#[test]
fn json_ld_graph_and_title_suffix() {
    let page = r#"<html><head><title>Talks resume in Vienna | The Daily Wire Service</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"The Daily Wire Service"},
          {"@type":["NewsArticle"],"datePublished":"2015-10-30T08:00:00Z",
           "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}
        ]}</script></head><body><p>Text.</p></body></html>"#;
    assert_eq!(
        DeclaredMeta::scan(page).into_metadata(),
        Metadata {
            title: Some("Talks resume in Vienna".into()),
            outlet: Some("The Daily Wire Service".into()),
            date: crate::corpus::PubDate::parse("2015-10-30"),
            author: Some("A. Writer, B. Writer".into()),
            ..Metadata::default()
        }
    );
}

#[test]
fn a_year_in_the_text_is_not_a_date() {
    let page = format!(
        "<html><head><title>Colour science</title></head><body><article>{}</article></body></html>",
        "<p>The CIE 2000 formula refined the 1994 one; it is still used for colour \
         difference in 2015 by printers, paint makers and the textile industry.</p>"
            .repeat(3)
    );
    let (_, meta) = extract(&page).expect("text");
    assert_eq!(meta.date, None);
}

#[test]
fn a_title_that_is_only_the_site_name_gives_way_to_the_h1() {
    let page = r#"<html><head><title>Example News</title>
        <meta property="og:site_name" content="Example News"></head>
        <body><h1>Talks <em>resume</em> in Vienna</h1><p>Text.</p></body></html>"#;
    let meta = DeclaredMeta::scan(page).into_metadata();
    assert_eq!(meta.title.as_deref(), Some("Talks resume in Vienna"));
}

#[test]
fn whole_page_text_drops_furniture() {
    let text = html_to_text(NEWS_PAGE, Scope::Page);
    assert_eq!(
        text,
        format!(
            "Iraq to share intelligence with Russia, Iran and Syria\n\n\
             By Jane Doe · October 3, 2015\n\n\
             Share on Twitter Share on Facebook Email this story\n\n{}",
            NEWS_BODY.split_once("\n\n").expect("title").1
        )
    );
}

#[track_caller]
fn converts_to(html: &str, expected: &str) {
    assert_eq!(html_to_text(html, Scope::Page), expected);
}

#[test]
fn html_to_text_cases() {
    converts_to(
        "<h2>A centre</h2><p>It  opened<br>on <a href=/x>Friday</a> &amp; more</p>",
        "A centre\n\nIt opened\non Friday & more",
    );
    converts_to("<ul><li>one<li>two</ul><p>after", "one\n\ntwo\n\nafter");
    converts_to("<pre>a\n  b</pre><p>c   d</p>", "a\n  b\n\nc d");
    converts_to(
        "<table><tr><td>1</td><td>2</td><tr><td>3</td></table>",
        "1 2\n3",
    );
    converts_to(
        "<p>Visible</p><script>if (a < b) { document.write('</div>') }</script>\
         <style>p > a { x: '</style' }</style><p title='a > b'>Also visible</p>",
        "Visible\n\nAlso visible",
    );
    converts_to("<p>a<!-- <p>hidden</p> -->b<![CDATA[x]]></p>", "ab");
    converts_to(
        "<article><header><h1>Kept</h1></header><p>x</p></article><footer>Gone</footer>",
        "Kept\n\nx",
    );
    converts_to("<nav><nav>in</nav>still in</nav><p>out</p>", "out");
    converts_to("1 < 2 and 3 <> 4 </ 5", "1 < 2 and 3 <> 4");
}

#[test]
fn entities_decode() {
    assert_eq!(
        decode_entities(
            "&Eacute;lection &amp; caf&eacute; &#8220;oui&#x201D; &bogus; AT&T &copy 2015"
        ),
        "Élection & café “oui” &bogus; AT&T © 2015"
    );
    assert_eq!(
        decode_entities("&#150; &#0; &#x110000; &#99999999999999;"),
        "– \u{FFFD} \u{FFFD} \u{FFFD}"
    );
    assert_eq!(decode_entities("&#27;[31m"), "\x1b[31m"); // defused later by normalize
}

#[test]
fn charset_declarations_are_found() {
    let cases = [
        (r#"<meta charset="ISO-8859-1">"#, Some("ISO-8859-1")),
        ("<meta charset=windows-1251>", Some("windows-1251")),
        (
            r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; Charset=KOI8-R">"#,
            Some("koi8-r"),
        ),
        (
            r#"<!-- <meta charset="big5"> --><meta charset='utf-8'>"#,
            Some("utf-8"),
        ),
        (
            r#"<meta name="charset" content="x"><body><meta charset="latin1">"#,
            None,
        ),
    ];
    for (html, expected) in cases {
        assert_eq!(declared_charset(html).as_deref(), expected, "{html}");
    }
}

#[test]
fn deeply_nested_page_is_read_without_trafilatura() {
    let depth = 100_000;
    let page = format!(
        "<html><head><title>Deep page</title></head><body>{}<p>Deep text survives.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let (text, meta) = extract(&page).expect("text");
    assert_eq!(text, "Deep text survives.");
    assert_eq!(meta.title.as_deref(), Some("Deep page"));
}

#[test]
fn pages_deep_by_the_parser_s_rules_are_read_without_trafilatura() {
    let paragraph = "<p>Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad \
        would share intelligence with Russia, Iran and Syria.</p>";
    for filler in ["<div/>".repeat(8_000), "<div></x>".repeat(20_000)] {
        let page = format!("<html><body>{filler}{}</body></html>", paragraph.repeat(3));
        // A worker thread's default stack: the extractor must not overflow it.
        let result = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || extract_noting(&page))
            .expect("thread")
            .join()
            .expect("no stack overflow");
        let (text, _, note) = result.expect("text");
        assert!(text.starts_with("Iraqi Prime Minister"), "{text}");
        assert_eq!(
            note.as_deref(),
            Some("nested more than 512 elements deep; read by the plain tag stripper")
        );
    }
}

#[test]
fn a_page_of_too_many_elements_is_read_without_trafilatura() {
    let page = format!(
        "<html><body><p>A paragraph of words.</p>{}</body></html>",
        "<b></b>".repeat(MAX_ELEMENTS + 1)
    );
    let (text, _, note) = extract_noting(&page).expect("text");
    assert_eq!(text, "A paragraph of words.");
    assert!(note.unwrap().starts_with("more than 100000 elements"));
}

#[test]
fn page_just_under_the_depth_limit_goes_through_trafilatura() {
    let depth = MAX_NESTING_DEPTH - 10;
    let paragraph = "<p>Iraqi Prime Minister Haider al-Abadi said on Saturday that Baghdad would \
        share intelligence with Russia, Iran and Syria through a new information centre.</p>";
    let page = format!(
        "<html><body>{}{}{}</body></html>",
        "<div>".repeat(depth),
        paragraph.repeat(3),
        "</div>".repeat(depth)
    );
    // A worker thread's default stack, as rayon gives the loader.
    let result = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract(&page).map(|(text, _)| text))
        .expect("thread")
        .join()
        .expect("no stack overflow");
    assert!(result.expect("text").starts_with("Iraqi Prime Minister"));
}

#[test]
fn pages_without_text_are_no_text() {
    for page in [
        "",
        "<html><head><title>Only a title</title></head><body> </body></html>",
        "<script>x()</script>",
    ] {
        assert!(matches!(extract(page), Err(LoadError::NoText)), "{page:?}");
    }
}

#[test]
fn malformed_markup_never_panics() {
    for page in [
        "<",
        "<a href='",
        "<!--",
        "</",
        "<p title=\"x>y",
        "&#",
        "&#x;",
        "<<<>>>",
        "<script>",
        "<svg><title>",
    ] {
        let _ = extract(page);
        let _ = html_to_text(page, Scope::Page);
    }
}

/// "Élection présidentielle à Montréal", a Latin-1 page, with and without a declaration.
fn latin1_page(declared: bool) -> Vec<u8> {
    let mut page = b"<html><head>".to_vec();
    if declared {
        page.extend_from_slice(b"<meta charset=\"iso-8859-1\">");
    }
    page.extend_from_slice(
        b"<title>\xC9lection pr\xE9sidentielle \xE0 Montr\xE9al</title></head><body><article>\
          <h1>\xC9lection pr\xE9sidentielle \xE0 Montr\xE9al</h1>\
          <p>Les \xE9lecteurs de Montr\xE9al se sont rendus aux urnes d\xE8s l'aube, malgr\xE9 \
          la pluie et le froid qui s'abattaient sur la m\xE9tropole qu\xE9b\xE9coise.</p>\
          <p>\xAB C'est un jour important pour notre ville \xBB, a d\xE9clar\xE9 une \
          \xE9lectrice rencontr\xE9e pr\xE8s d'un bureau de vote du Plateau.</p>\
          </article></body></html>",
    );
    page
}

#[test]
fn latin1_page_end_to_end() {
    for declared in [true, false] {
        let doc = document_from_bytes(
            Path::new("montreal.html"),
            Format::Html,
            &latin1_page(declared),
        )
        .expect("document");
        assert_eq!(
            doc.declared.title.as_deref(),
            Some("Élection présidentielle à Montréal"),
            "declared: {declared}"
        );
        assert_eq!(
            doc.raw,
            "Élection présidentielle à Montréal\n\n\
             Les électeurs de Montréal se sont rendus aux urnes dès l'aube, malgré la pluie et \
             le froid qui s'abattaient sur la métropole québécoise.\n\n\
             « C'est un jour important pour notre ville », a déclaré une électrice rencontrée \
             près d'un bureau de vote du Plateau.",
            "declared: {declared}"
        );
    }
}
