//! Clauses of a sentence: where a long sentence may be cut into parts that say one thing each.

use super::terms::{Analysis, Class};

/// Longest list item, in words, for a comma before it to be a list's comma.
const MAX_LIST_ITEM: u32 = 3;

/// Clause starts of a sentence (unit indexes; the first is the sentence's): units after a
/// comma, semicolon, colon, bracket or dash, but not after a comma inside a list ("Russia,
/// Syria, Iran and Iraq"): a clause cut there is half a list, not a claim.
pub fn clause_starts(text: &str, analysis: &Analysis, sentence: usize) -> Vec<u32> {
    let (s, e) = analysis.sentence_units[sentence];
    let tokens = &analysis.seg.tokens;
    let units = &analysis.units;
    // Candidate starts, and whether the break before each is a plain comma.
    let mut starts = vec![s];
    let mut comma = vec![false];
    for u in s + 1..e {
        let prev = &units[u as usize - 1];
        let this = &units[u as usize];
        let gap = &text[tokens[prev.end as usize - 1].end as usize
            ..tokens[this.first as usize].start as usize];
        if gap != " "
            && (gap.contains([',', ';', ':', '(', ')', '[', ']', '–', '—']) || gap.contains(" - "))
        {
            starts.push(u);
            comma.push(gap.trim() == ",");
        }
    }
    let word = |u: u32| {
        let unit = &units[u as usize];
        &text
            [tokens[unit.first as usize].start as usize..tokens[unit.end as usize - 1].end as usize]
    };
    let conjunction = |u: u32| {
        ["and", "or", "nor", "&"]
            .iter()
            .any(|c| word(u).eq_ignore_ascii_case(c))
    };
    // A list item: a few words, none a function word but an article ("we created
    // confusion" before "and concern" is a clause, "XXXTentacion" before "and Tay-K" an item).
    let item = |a: u32, b: u32| {
        b > a
            && b - a <= MAX_LIST_ITEM
            && (a..b).all(|u| {
                units[u as usize].class != Class::Stop
                    || ["a", "an", "the"]
                        .iter()
                        .any(|c| word(u).eq_ignore_ascii_case(c))
            })
    };
    let k = starts.len();
    let end_of = |i: usize| if i + 1 < k { starts[i + 1] } else { e };
    let mut list = vec![false; k];
    // From the right: a comma is a list's when a short item follows it and the list goes
    // on: "B and C", "B, C …", or "B, and C" (the serial comma, a list's too).
    for i in (1..k).rev() {
        if !comma[i] {
            continue;
        }
        let (a, b) = (starts[i], end_of(i));
        let short = item(a, b);
        let joined = (a + 1..b.min(a + MAX_LIST_ITEM + 1))
            .any(|u| u + 1 < b && conjunction(u) && item(a, u));
        let next_comma = i + 1 < k && comma[i + 1];
        let serial = short && next_comma && conjunction(starts[i + 1]);
        if serial {
            list[i + 1] = true;
        }
        list[i] = joined || serial || (short && next_comma && list[i + 1]);
    }
    let mut out: Vec<u32> = starts
        .into_iter()
        .zip(list)
        .filter(|(_, in_list)| !in_list)
        .map(|(u, _)| u)
        .collect();
    // Bound the windows per sentence: past eight clauses, only the first eight split.
    out.truncate(8);
    out
}

#[cfg(test)]
mod tests {
    use super::super::terms::{analyze, Aliases};
    use super::*;

    /// The clauses of a one-sentence text.
    fn clauses(text: &str) -> Vec<String> {
        let analysis = analyze(text, &Aliases::new(&[]));
        let starts = clause_starts(text, &analysis, 0);
        let end = analysis.sentence_units[0].1 as usize;
        starts
            .iter()
            .enumerate()
            .map(|(i, &u)| {
                let stop = starts.get(i + 1).map_or(end, |&n| n as usize);
                let (a, b) = analysis.unit_bytes(u as usize, stop);
                text[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn a_list_is_not_cut_into_clauses() {
        assert_eq!(
            clauses(
                "Spotify said it would remove R. Kelly, XXXTentacion and Tay-K from its \
                 playlists, citing its new policy."
            ),
            [
                "Spotify said it would remove R. Kelly, XXXTentacion and Tay-K from its playlists",
                "citing its new policy",
            ]
        );
        assert_eq!(
            clauses("Russia, Syria, Iran, and Iraq agreed to share intelligence, officials said."),
            [
                "Russia, Syria, Iran, and Iraq agreed to share intelligence",
                "officials said"
            ]
        );
        assert_eq!(
            clauses("He kept the WBA, IBF and WBO belts; the crowd, stunned, fell silent."),
            [
                "He kept the WBA, IBF and WBO belts",
                "the crowd",
                "stunned",
                "fell silent"
            ]
        );
    }

    #[test]
    fn clauses_still_split_at_commas_that_end_a_clause() {
        assert_eq!(
            clauses(
                "While we believe our intentions were good, the language was too vague, we \
                 created confusion and concern."
            ),
            [
                "While we believe our intentions were good",
                "the language was too vague",
                "we created confusion and concern"
            ]
        );
        assert_eq!(
            clauses(
                "The judge set a hearing for June 5, and the department said it would respond \
                 on Monday."
            ),
            [
                "The judge set a hearing for June 5",
                "and the department said it would respond on Monday"
            ]
        );
    }
}
