//! How much of each article lines up with each other article: the overlap matrix's cells and
//! the "shares most with" partner of each article.

use super::{Alignment, Span};

/// Per article, the other articles it shares text with and how much. Sparse: a corpus of
/// thousands of articles shares text between few pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlap {
    /// Per article, `(other article, bytes of this article aligned with it)`, by other.
    rows: Vec<Vec<(usize, usize)>>,
    /// Per article, bytes of its text (at least 1).
    lens: Vec<usize>,
    /// Per article, bytes aligned with any other article.
    covered: Vec<usize>,
}

impl Overlap {
    /// The overlap of `alignment`, made over texts of these byte lengths.
    pub fn new(alignment: &Alignment, lens: &[usize]) -> Overlap {
        let mut spans: Vec<Vec<(usize, Span)>> = vec![Vec::new(); lens.len()];
        for pair in &alignment.pairs {
            for (this, other) in [(pair.a, pair.b), (pair.b, pair.a)] {
                if let Some(list) = spans.get_mut(this.article) {
                    list.push((other.article, this));
                }
            }
        }
        // Copies are aligned once (see `family`): what they share comes as links.
        for (this, other, _) in super::family::copy_links(alignment) {
            if let Some(list) = spans.get_mut(this.article) {
                list.push((other, this));
            }
        }
        let covered = spans
            .iter()
            .map(|list| {
                let mut ranges: Vec<(usize, usize)> =
                    list.iter().map(|(_, s)| (s.start, s.end)).collect();
                ranges.sort_unstable();
                let (mut bytes, mut reach) = (0, 0);
                for (start, end) in ranges {
                    bytes += end.saturating_sub(start.max(reach));
                    reach = reach.max(end);
                }
                bytes
            })
            .collect();
        let rows = spans
            .into_iter()
            .map(|mut list| {
                list.sort_unstable_by_key(|(other, s)| (*other, s.start, s.end));
                let mut row: Vec<(usize, usize)> = Vec::new();
                let mut reach = 0;
                for (other, span) in list {
                    match row.last_mut() {
                        Some((o, bytes)) if *o == other => {
                            // Spans are sorted by start: count only what the earlier ones
                            // did not reach, so overlapping pairs are not counted twice.
                            let from = span.start.max(reach);
                            *bytes += span.end.saturating_sub(from);
                            reach = reach.max(span.end);
                        }
                        _ => {
                            row.push((other, span.len()));
                            reach = span.end;
                        }
                    }
                }
                row
            })
            .collect();
        Overlap {
            rows,
            lens: lens.iter().map(|&l| l.max(1)).collect(),
            covered,
        }
    }

    /// Articles covered.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// The share (0..1) of article `row`'s text aligned with article `column`.
    pub fn share(&self, row: usize, column: usize) -> f32 {
        let Some(list) = self.rows.get(row) else {
            return 0.0;
        };
        match list.binary_search_by_key(&column, |(other, _)| *other) {
            Ok(i) => (list[i].1 as f32 / self.lens[row] as f32).min(1.0),
            Err(_) => 0.0,
        }
    }

    /// The share (0..1) of article `row`'s text aligned with any other article.
    pub fn shared(&self, row: usize) -> f32 {
        match (self.covered.get(row), self.lens.get(row)) {
            (Some(&bytes), Some(&len)) => (bytes as f32 / len as f32).min(1.0),
            _ => 0.0,
        }
    }

    /// The articles `row` shares text with, and the share of `row` each covers, largest
    /// first (ties: lower index first).
    pub fn partners(&self, row: usize) -> Vec<(usize, f32)> {
        let Some(list) = self.rows.get(row) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, f32)> = list
            .iter()
            .map(|&(other, _)| (other, self.share(row, other)))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// The articles `row` shares text with, in corpus order.
    pub fn others(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        self.rows
            .get(row)
            .into_iter()
            .flatten()
            .map(|&(other, _)| other)
    }

    /// The article `row` shares most of its text with, if any.
    pub fn best_partner(&self, row: usize) -> Option<usize> {
        self.partners(row).first().map(|&(other, _)| other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignedPair, PairKind};

    fn pair(a: (usize, usize, usize), b: (usize, usize, usize)) -> AlignedPair {
        AlignedPair {
            kind: PairKind::Verbatim,
            score: 1.0,
            a: Span {
                article: a.0,
                start: a.1,
                end: a.2,
            },
            b: Span {
                article: b.0,
                start: b.1,
                end: b.2,
            },
            evidence: Default::default(),
        }
    }

    #[test]
    fn shares_count_each_byte_once_and_read_from_the_row() {
        let alignment = Alignment {
            pairs: vec![
                pair((0, 0, 50), (1, 0, 20)),
                pair((0, 25, 75), (1, 50, 100)),
                pair((0, 90, 100), (2, 0, 10)),
            ],
            ..Alignment::default()
        };
        let overlap = Overlap::new(&alignment, &[100, 200, 10, 0]);
        assert_eq!(overlap.share(0, 1), 0.75);
        assert_eq!(overlap.share(1, 0), 70.0 / 200.0);
        assert_eq!(overlap.share(2, 0), 1.0);
        assert_eq!(overlap.share(0, 3), 0.0);
        assert_eq!(overlap.share(9, 0), 0.0);
        assert_eq!(overlap.best_partner(0), Some(1));
        assert_eq!(overlap.best_partner(3), None);
        assert_eq!(overlap.partners(0), vec![(1, 0.75), (2, 0.1)]);
        assert_eq!(overlap.shared(0), 0.85);
        assert_eq!(overlap.shared(3), 0.0);
    }
}
