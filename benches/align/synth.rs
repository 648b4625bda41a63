//! The synthetic corpus: N news-like articles with planted reuse, and the truth about it.
//!
//! Every article is made from its own random stream (so they are made in parallel and still
//! the same on every run); the reuse is then planted by one stream over the whole corpus:
//!
//! - copies: 1–4 consecutive sentences (15–120 words) of a source article, copied into 1–3
//!   other articles at the start, middle or end, each copy with 0–10 % of its words edited
//!   (substituted, inserted, deleted, punctuation or case changed, "[ISIS]"-style insertions);
//!   sometimes two passages of one source, placed in the opposite order in a copy. Every pair
//!   among a source and its copies is a truth pair of kind verbatim. About a third of the
//!   articles take part.
//! - paraphrases: one sentence written into one article and, rewritten by rules, into another
//!   (see [`text::paraphrase`]); one for every 20 articles.
//!
//! Passages are only taken from an article's own sentences, and copies never go inside
//! another passage, so the truth is complete: no long run of words is shared otherwise.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use super::lexicon::{self, Lexicon, Person, BRACKETED};
use super::rng::Rng;
use super::score::{Kind, SideJson, TruthFile, TruthPairJson};
use super::text::{paraphrase, Ctx};

/// Names the generator's output: bump it whenever the corpus a seed gives changes, so that a
/// corpus left in the target dir by an older version is made again rather than reused.
pub const GENERATOR: &str = "crossread-align-bench/2";

pub const DEFAULT_SEED: u64 = 0x00c0_ffee_2015;

/// A sentence (or a planted passage) of an article; `tag` names the passage group it belongs
/// to (0: the article's own text).
struct Item {
    text: String,
    tag: u32,
    /// The sentences of a planted passage (byte ranges in `text`), which stand for the
    /// sentences of its other copies in order; empty: one sentence, the whole text.
    units: Vec<(usize, usize)>,
}

impl Item {
    fn own(text: String) -> Item {
        Item {
            text,
            tag: 0,
            units: Vec::new(),
        }
    }
}

/// An article's text and its planted sentences: (group, start byte, end byte), in order.
type Rendered = (String, Vec<(u32, usize, usize)>);

struct Draft<'a> {
    ctx: Ctx<'a>,
    paras: Vec<Vec<Item>>,
}

/// The corpus in memory: article ids and texts (as written to the files) and the truth.
pub struct Generated {
    pub ids: Vec<String>,
    pub texts: Vec<String>,
    pub truth: TruthFile,
}

/// The id (and file stem) of article `i` of `n`.
pub fn article_id(i: usize, n: usize) -> String {
    let width = (n.saturating_sub(1)).to_string().len().max(6);
    format!("a{i:0width$}")
}

/// The share of an article's own sentences that are stock sentences of news English.
const STOCK_SHARE: f64 = 0.03;

fn base_article<'a>(ctx: &mut Ctx<'a>, rng: &mut Rng) -> Vec<Vec<Item>> {
    let target = (450.0 + 100.0 * rng.normal()).round().clamp(250.0, 700.0) as usize;
    let mut words = 0;
    let mut paras = Vec::new();
    let mut last_stock = false;
    while words < target {
        // The lede is short; later paragraphs hold 1–4 sentences.
        let k = if paras.is_empty() {
            1 + rng.below(2)
        } else {
            1 + rng.weighted(&[20, 35, 30, 15])
        };
        let mut para = Vec::with_capacity(k);
        for _ in 0..k {
            // Never two stock sentences in a row: together they would be a long run of words
            // that articles share by chance.
            let stock = !last_stock && rng.chance(STOCK_SHARE);
            last_stock = stock;
            let text = if stock {
                ctx.stock_sentence(rng)
            } else {
                ctx.sentence(rng).render(ctx.style)
            };
            words += text.split_whitespace().count();
            para.push(Item::own(text));
            if words >= target {
                break;
            }
        }
        paras.push(para);
    }
    paras
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Picks 1–4 consecutive own sentences (15–120 words) of one paragraph holding nothing
/// planted, tags them, and returns them.
fn take_passage(paras: &mut [Vec<Item>], tag: u32, rng: &mut Rng) -> Option<Vec<String>> {
    for _ in 0..40 {
        let p = rng.below(paras.len());
        let para = &mut paras[p];
        if para.iter().any(|it| it.tag != 0) {
            continue;
        }
        let k = (1 + rng.weighted(&[30, 35, 20, 15])).min(para.len());
        let s = rng.below(para.len() - k + 1);
        let n: usize = para[s..s + k].iter().map(|it| words(&it.text)).sum();
        if !(15..=120).contains(&n) {
            continue;
        }
        let text = para[s..s + k].iter().map(|it| it.text.clone()).collect();
        for it in &mut para[s..s + k] {
            it.tag = tag;
        }
        return Some(text);
    }
    None
}

/// A copy of a passage, each sentence edited on its own, as one item with its units.
fn copy_item(passage: &[String], tag: u32, lex: &Lexicon, rng: &mut Rng) -> (Item, usize) {
    let mut text = String::new();
    let mut units = Vec::with_capacity(passage.len());
    let mut edits = 0;
    for sentence in passage {
        let (copy, e) = edit_copy(sentence, lex, rng);
        edits += e;
        if !text.is_empty() {
            text.push(' ');
        }
        units.push((text.len(), text.len() + copy.len()));
        text.push_str(&copy);
    }
    (Item { text, tag, units }, edits)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Start,
    Middle,
    End,
}

/// Inserts a planted passage at a sentence or paragraph boundary near `place`, never inside
/// another passage.
fn insert(paras: &mut Vec<Vec<Item>>, item: Item, place: Place, rng: &mut Rng) {
    let own_paragraph = rng.chance(0.5);
    let n = paras.len();
    let p = match place {
        Place::Start => 0,
        Place::End => n - 1,
        Place::Middle => rng.below(n),
    };
    if own_paragraph {
        let at = match place {
            Place::Start => 0,
            Place::End => n,
            Place::Middle => rng.range(1, n.max(1)),
        };
        paras.insert(at.min(n), vec![item]);
        return;
    }
    let para = &mut paras[p];
    let allowed: Vec<usize> = (0..=para.len())
        .filter(|&j| {
            j == 0 || j == para.len() || para[j - 1].tag == 0 || para[j - 1].tag != para[j].tag
        })
        .collect();
    let j = match place {
        Place::Start => allowed[0],
        Place::End => *allowed.last().unwrap(),
        Place::Middle => rng.pick(&allowed),
    };
    para.insert(j, item);
}

fn random_place(rng: &mut Rng) -> Place {
    match rng.weighted(&[15, 70, 15]) {
        0 => Place::Start,
        1 => Place::Middle,
        _ => Place::End,
    }
}

/// Splits "officials." into ("officials", ".") so that edits keep the punctuation.
fn split_punct(w: &str) -> (&str, &str) {
    let core = w.trim_end_matches(['.', ',', '"', '\u{201d}', ';', ':']);
    (core, &w[core.len()..])
}

/// A content word to put in place of another.
fn fresh_word(lex: &Lexicon, rng: &mut Rng) -> String {
    if rng.chance(0.4) {
        lexicon::ADJS[rng.zipf(lexicon::ADJS.len(), 2.0)].to_string()
    } else {
        lex.nouns[rng.zipf(lex.nouns.len(), 3.0)].0.to_string()
    }
}

/// A copy of `text` with 0–10 % of its words edited as copy editors and copy-pasters do.
fn edit_copy(text: &str, lex: &Lexicon, rng: &mut Rng) -> (String, usize) {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    let rate = if rng.chance(0.25) {
        0.0
    } else {
        0.10 * rng.unit()
    };
    let edits = (rate * words.len() as f64).round() as usize;
    for _ in 0..edits {
        let i = rng.below(words.len());
        match rng.weighted(&[30, 15, 20, 25, 10]) {
            0 => {
                let w = fresh_word(lex, rng);
                let (_, punct) = split_punct(&words[i]);
                words[i] = format!("{w}{punct}");
            }
            1 => {
                let w = fresh_word(lex, rng);
                words.insert(i, w);
            }
            2 if words.len() > 10 => {
                words.remove(i);
            }
            2 => {}
            3 => {
                let w = &mut words[i];
                let alnum_end = w.ends_with(|c: char| c.is_alphanumeric());
                match rng.below(3) {
                    // A comma added or dropped.
                    0 if w.ends_with(',') => {
                        w.pop();
                    }
                    0 if alnum_end => w.push(','),
                    // Quotes straightened or curled.
                    1 if w.starts_with('"') => *w = w.replacen('"', "\u{201c}", 1),
                    1 if w.contains('"') => *w = w.replace('"', "\u{201d}"),
                    1 if w.contains(['\u{201c}', '\u{201d}']) => {
                        *w = w.replace(['\u{201c}', '\u{201d}'], "\"")
                    }
                    // Case of the first letter.
                    _ => {
                        let mut c = w.chars();
                        if let Some(f) = c.next() {
                            let f: String = if f.is_uppercase() {
                                f.to_lowercase().collect()
                            } else {
                                f.to_uppercase().collect()
                            };
                            *w = f + c.as_str();
                        }
                    }
                }
            }
            _ => words.insert(i + 1, rng.pick(BRACKETED).to_string()),
        }
    }
    (words.join(" "), edits)
}

/// Stories: a share of the articles tell one story with 1–7 others (the same people, places,
/// organisations and topic words, their own wording); the rest each tell their own. Returns
/// the story of each article and the members of each story.
fn stories(n: usize, seed: u64) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut rng = Rng::derive(seed, u64::MAX - 1);
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let shared = n * 2 / 5;
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut at = 0;
    while at < n {
        let size = if at < shared {
            (2 + rng.weighted(&[30, 25, 15, 10, 8, 7, 5]))
                .min(shared - at)
                .max(1)
        } else {
            1
        };
        members.push(order[at..at + size].to_vec());
        at += size;
    }
    let mut story = vec![0; n];
    for (k, m) in members.iter().enumerate() {
        for &i in m {
            story[i] = k;
        }
    }
    (story, members)
}

/// Writes the corpus of `n` articles that `seed` gives, in memory.
pub fn generate(n: usize, seed: u64) -> Generated {
    let lex = Lexicon::new(seed);
    let pool: Vec<Person> = lex.people(seed, 3_000);
    let (story, story_members) = stories(n, seed);
    let mut drafts: Vec<Draft> = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut rng = Rng::derive(seed, i as u64);
            let mut story_rng = Rng::derive(seed ^ 0x5709_7e11, story[i] as u64);
            let mut ctx = Ctx::new(&lex, &pool, &mut story_rng, &mut rng);
            let paras = base_article(&mut ctx, &mut rng);
            Draft { ctx, paras }
        })
        .collect();

    let mut rng = Rng::derive(seed, u64::MAX);
    // group id → (kind, member articles)
    let mut groups: Vec<(Kind, Vec<usize>)> = vec![(Kind::Verbatim, vec![])]; // id 0 unused
    let mut edited_words = 0usize;
    let mut copied_words = 0usize;

    // Copies among a third of the articles.
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let participants = &order[..n / 3];
    let mut at = 0;
    while participants.len() - at >= 2 {
        let size = [2, 3, 4][rng.weighted(&[45, 35, 20])].min(participants.len() - at);
        let members = participants[at..at + size].to_vec();
        at += size;
        let source = members[0];
        let tag = groups.len() as u32;
        let Some(passage) = take_passage(&mut drafts[source].paras, tag, &mut rng) else {
            continue;
        };
        groups.push((Kind::Verbatim, members.clone()));
        // Sometimes a second passage of the same source goes to the same articles.
        let second = if rng.chance(0.2) {
            let tag2 = groups.len() as u32;
            take_passage(&mut drafts[source].paras, tag2, &mut rng).map(|p| {
                groups.push((Kind::Verbatim, members.clone()));
                (tag2, p)
            })
        } else {
            None
        };
        for (k, &target) in members[1..].iter().enumerate() {
            let (copy, e) = copy_item(&passage, tag, &lex, &mut rng);
            edited_words += e;
            copied_words += passage.iter().map(|s| words(s)).sum::<usize>();
            match &second {
                Some((tag2, p2)) => {
                    let (copy2, e2) = copy_item(p2, *tag2, &lex, &mut rng);
                    edited_words += e2;
                    copied_words += p2.iter().map(|s| words(s)).sum::<usize>();
                    // In the first copy, the two passages stand in the opposite order.
                    let (first, last) = if k == 0 { (copy2, copy) } else { (copy, copy2) };
                    let paras = &mut drafts[target].paras;
                    insert(paras, last, Place::End, &mut rng);
                    insert(paras, first, Place::Start, &mut rng);
                }
                None => {
                    let place = random_place(&mut rng);
                    insert(&mut drafts[target].paras, copy, place, &mut rng);
                }
            }
        }
    }

    // Paraphrases: one sentence in article a, reworded in article b; mostly b tells the same
    // story, where rewording is most common and the aligner's same-story leniency is tested.
    let mut in_story = 0usize;
    // Stories of several articles, each as likely as its size.
    let shared: Vec<usize> = story_members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.len() > 1)
        .flat_map(|(k, m)| std::iter::repeat_n(k, m.len()))
        .collect();
    for _ in 0..n / 4 {
        if n < 2 {
            break;
        }
        let (a, b) = if !shared.is_empty() && rng.chance(0.7) {
            in_story += 1;
            let mates = &story_members[rng.pick(&shared)];
            let a = rng.pick(mates);
            loop {
                let b = rng.pick(mates);
                if b != a {
                    break (a, b);
                }
            }
        } else {
            let a = rng.below(n);
            (a, (a + 1 + rng.below(n - 1)) % n)
        };
        let tag = groups.len() as u32;
        groups.push((Kind::Paraphrase, vec![a, b]));
        let ctx = &mut drafts[a].ctx;
        let sent = ctx.sentence_at_least(&mut rng, 12);
        let original = sent.render(ctx.style);
        let other_style = ctx.style.other(&mut rng);
        let reworded = paraphrase(&sent, &lex, &mut rng).render(other_style);
        for (article, text) in [(a, original), (b, reworded)] {
            let place = random_place(&mut rng);
            let item = Item {
                text,
                tag,
                units: Vec::new(),
            };
            insert(&mut drafts[article].paras, item, place, &mut rng);
        }
    }

    // Render: paragraphs apart by a blank line, sentences by a space; note where each
    // planted sentence landed.
    let rendered: Vec<Rendered> = drafts
        .par_iter()
        .map(|d| {
            let mut text = String::new();
            let mut spans: Vec<(u32, usize, usize)> = Vec::new();
            for (pi, para) in d.paras.iter().enumerate() {
                if pi > 0 {
                    text.push_str("\n\n");
                }
                for (si, it) in para.iter().enumerate() {
                    if si > 0 {
                        text.push(' ');
                    }
                    let start = text.len();
                    text.push_str(&it.text);
                    if it.tag == 0 {
                        continue;
                    }
                    if it.units.is_empty() {
                        spans.push((it.tag, start, text.len()));
                    } else {
                        spans.extend(
                            it.units
                                .iter()
                                .map(|&(s, e)| (it.tag, start + s, start + e)),
                        );
                    }
                }
            }
            text.push('\n');
            (text, spans)
        })
        .collect();
    drop(drafts);

    let ids: Vec<String> = (0..n).map(|i| article_id(i, n)).collect();
    // tag → article → its sentences of the passage, in order.
    let mut members: HashMap<u32, Vec<(usize, Vec<(usize, usize)>)>> = HashMap::new();
    for (i, (_, spans)) in rendered.iter().enumerate() {
        for &(tag, s, e) in spans {
            let m = members.entry(tag).or_default();
            match m.last_mut() {
                Some((article, units)) if *article == i => units.push((s, e)),
                _ => m.push((i, vec![(s, e)])),
            }
        }
    }
    let mut pairs = Vec::new();
    let side = |i: usize, units: &[(usize, usize)]| {
        let (s, e) = (units[0].0, units[units.len() - 1].1);
        SideJson {
            article: serde_json::Value::String(ids[i].clone()),
            start: s,
            end: e,
            text: Some(rendered[i].0[s..e].to_string()),
        }
    };
    let mut tags: Vec<u32> = members.keys().copied().collect();
    tags.sort_unstable();
    for tag in tags {
        let (kind, ref arts) = groups[tag as usize];
        let mut m = members[&tag].clone();
        m.sort_unstable();
        assert_eq!(
            m.len(),
            arts.len(),
            "passage {tag} landed in a different set of articles"
        );
        for x in 0..m.len() {
            for y in x + 1..m.len() {
                let ((ia, ua), (ib, ub)) = (&m[x], &m[y]);
                assert_eq!(
                    ua.len(),
                    ub.len(),
                    "passage {tag}: sentences differ in number"
                );
                pairs.push(TruthPairJson {
                    kind,
                    group: tag,
                    positive: true,
                    a: side(*ia, ua),
                    b: side(*ib, ub),
                    units: if ua.len() > 1 {
                        ua.iter()
                            .zip(ub)
                            .map(|(a, b)| [a.0, a.1, b.0, b.1])
                            .collect()
                    } else {
                        Vec::new()
                    },
                });
            }
        }
    }

    let verbatim_articles: std::collections::HashSet<usize> = groups
        .iter()
        .filter(|g| g.0 == Kind::Verbatim)
        .flat_map(|g| g.1.iter().copied())
        .collect();
    let total_words: usize = rendered.iter().map(|(t, _)| words(t)).sum();
    let stats = serde_json::json!({
        "words": total_words,
        "mean_words": total_words as f64 / n.max(1) as f64,
        "verbatim_groups": groups.iter().filter(|g| g.0 == Kind::Verbatim && !g.1.is_empty()).count(),
        "verbatim_pairs": pairs.iter().filter(|p| p.kind == Kind::Verbatim).count(),
        "articles_with_copies": verbatim_articles.len(),
        "paraphrase_pairs": pairs.iter().filter(|p| p.kind == Kind::Paraphrase).count(),
        "paraphrases_in_one_story": in_story,
        "stories_of_several": story_members.iter().filter(|m| m.len() > 1).count(),
        "articles_in_shared_stories": story_members.iter().filter(|m| m.len() > 1).map(Vec::len).sum::<usize>(),
        "edited_share_of_copied_words": edited_words as f64 / copied_words.max(1) as f64,
        "lexicon_forms": lex.size(),
    });
    let truth = TruthFile {
        generator: GENERATOR.to_string(),
        seed,
        n,
        articles: ids.clone(),
        pairs,
        stories: story.clone(),
        stats,
    };
    Generated {
        ids,
        texts: rendered.into_iter().map(|(t, _)| t).collect(),
        truth,
    }
}

/// Writes the articles as `ID.txt` and the truth as `truth.json` into `dir` (created), then a
/// marker naming the generator, seed and size, by which [`is_generated`] knows it complete.
pub fn write(dir: &Path, g: &Generated) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    g.ids
        .par_iter()
        .zip(&g.texts)
        .try_for_each(|(id, text)| std::fs::write(dir.join(format!("{id}.txt")), text))?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("truth.json"))?);
    serde_json::to_writer(&mut f, &g.truth)?;
    f.flush()?;
    std::fs::write(
        dir.join(".complete"),
        marker(&g.truth.generator, g.truth.n, g.truth.seed),
    )
}

/// The generator's own source, hashed into the marker: an edited generator never reuses a
/// corpus written by its former self, even if nobody bumped [`GENERATOR`].
fn source_hash() -> u64 {
    let sources = [
        include_str!("synth.rs"),
        include_str!("text.rs"),
        include_str!("lexicon.rs"),
        include_str!("rng.rs"),
        include_str!("msrp.rs"),
    ];
    // FNV-1a.
    sources
        .iter()
        .flat_map(|s| s.bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
        })
}

fn marker(generator: &str, n: usize, seed: u64) -> String {
    format!(
        "{generator} source={:016x} seed={seed} n={n}\n",
        source_hash()
    )
}

/// True if `dir` holds a complete corpus of this generator, seed and size.
pub fn is_generated(dir: &Path, generator: &str, n: usize, seed: u64) -> bool {
    std::fs::read_to_string(dir.join(".complete")).is_ok_and(|m| m == marker(generator, n, seed))
}
