//! Exact-span precision, recall and F1, per kind and overall.

use std::collections::BTreeSet;
use std::fmt;

use tupu_extract::EntityKind;

/// The kinds the tagger knows, in report order.
pub(crate) const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Organization];

/// Counts of one kind (or all): names found that are right, names found, gold names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) right: usize,
    pub(crate) found: usize,
    pub(crate) gold: usize,
}

impl Counts {
    pub(crate) fn precision(self) -> f64 {
        ratio(self.right, self.found)
    }

    pub(crate) fn recall(self) -> f64 {
        ratio(self.right, self.gold)
    }

    pub(crate) fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Exact-span scores, per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scores {
    pub(crate) by_kind: [Counts; 3],
}

impl Scores {
    /// Adds one text: its gold names and the names found, as `(start, end, kind)`.
    pub(crate) fn add(&mut self, gold: &[(usize, usize, EntityKind)], found: &[(usize, usize, EntityKind)]) {
        let gold: BTreeSet<_> = gold.iter().copied().collect();
        let found: BTreeSet<_> = found.iter().copied().collect();
        for (i, kind) in KINDS.iter().enumerate() {
            let c = &mut self.by_kind[i];
            c.gold += gold.iter().filter(|n| n.2 == *kind).count();
            c.found += found.iter().filter(|n| n.2 == *kind).count();
            c.right += found.iter().filter(|n| n.2 == *kind && gold.contains(n)).count();
        }
    }

    pub(crate) fn overall(&self) -> Counts {
        self.by_kind.iter().fold(Counts::default(), |a, c| Counts {
            right: a.right + c.right,
            found: a.found + c.found,
            gold: a.gold + c.gold,
        })
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "kind", "gold", "found", "right", "P", "R", "F1")?;
        let rows = KINDS.iter().map(|k| k.slug()).zip(self.by_kind).chain([("all", self.overall())]);
        for (name, c) in rows {
            writeln!(
                f,
                "{name:<8} {:>6} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}",
                c.gold,
                c.found,
                c.right,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_spans_per_kind() {
        let mut s = Scores::default();
        let gold = [(0, 3, EntityKind::Person), (5, 7, EntityKind::Place)];
        // One exact person, one place a character short, one organisation that is not there.
        let found = [(0, 3, EntityKind::Person), (5, 6, EntityKind::Place), (8, 10, EntityKind::Organization)];
        s.add(&gold, &found);
        assert_eq!(s.by_kind[0], Counts { right: 1, found: 1, gold: 1 });
        assert_eq!(s.by_kind[1], Counts { right: 0, found: 1, gold: 1 });
        let all = s.overall();
        assert_eq!(all, Counts { right: 1, found: 3, gold: 2 });
        assert!((all.f1() - 0.4).abs() < 1e-9);
        assert!(s.to_string().contains("person"));
    }
}
