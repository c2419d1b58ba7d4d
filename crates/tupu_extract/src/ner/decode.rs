//! Viterbi decoding of one segment, and the margins of the names it finds.
//!
//! Scores are integers: the emission of a tag at a position (the sum of its features' weights)
//! plus the transition from the previous tag. An inside tag may only follow its own kind's begin
//! or inside tag; the transition table makes every other step impossible, and the position before
//! the segment counts as outside. The inner loops run over all eight lanes of a row at once, so
//! the compiler turns them into vector instructions.

use super::features::{LANES, TAGS, Tag};

/// The score of an impossible step: far below any path, far from overflowing when added twice
/// and multiplied by [`PACK`].
pub(crate) const IMPOSSIBLE: i32 = -(1 << 24);
/// Scores are packed with the tag they come from in the low three bits (score × 8 + tag), so
/// one `max` per lane finds both the best score and its argument.
const PACK: i32 = 8;

/// Transition scores `[previous][next]` with the impossible steps and the padding lane set.
#[must_use]
pub(crate) fn constrained(transitions: &[[i32; TAGS]; TAGS]) -> [[i32; LANES]; LANES] {
    let mut out = [[IMPOSSIBLE; LANES]; LANES];
    for (p, row) in transitions.iter().enumerate() {
        for (n, &score) in row.iter().enumerate() {
            if Tag::from_index(n).may_follow(Tag::from_index(p)) {
                out[p][n] = score;
            }
        }
    }
    out
}

/// The best tag sequence for `emissions` (one row per character) into `tags`; `back` is scratch.
pub(crate) fn viterbi<E: Copy + Into<i32>>(
    emissions: &[[E; LANES]],
    transitions: &[[i32; LANES]; LANES],
    back: &mut Vec<[u8; LANES]>,
    tags: &mut Vec<Tag>,
) {
    tags.clear();
    back.clear();
    let Some(first) = emissions.first() else { return };
    // Transitions times PACK plus the previous tag, so that adding a packed score keeps the
    // previous tag in the low bits.
    let mut packed = [[0i32; LANES]; TAGS];
    for (p, row) in packed.iter_mut().enumerate() {
        for (t, w) in row.iter_mut().enumerate() {
            *w = transitions[p][t] * PACK + p as i32;
        }
    }
    let mut delta = [0i32; LANES];
    for t in 0..LANES {
        delta[t] = first[t].into() + transitions[Tag::Outside.index()][t];
    }
    back.push([0; LANES]);
    for e in &emissions[1..] {
        let mut best = [i32::MIN; LANES];
        for (p, row) in packed.iter().enumerate() {
            let from = delta[p] * PACK;
            for t in 0..LANES {
                best[t] = best[t].max(from + row[t]);
            }
        }
        // Scores are kept relative to the outside tag's (always reachable), so a segment of
        // any length cannot overflow; impossible paths stay impossible without sinking further.
        let base = best[Tag::Outside.index()] >> 3;
        let mut arg = [0u8; LANES];
        for t in 0..LANES {
            arg[t] = (best[t] & (PACK - 1)) as u8;
            delta[t] = ((best[t] >> 3) - base + e[t].into()).max(IMPOSSIBLE);
        }
        back.push(arg);
    }
    let mut best = 0;
    for t in 1..TAGS {
        if delta[t] > delta[best] {
            best = t;
        }
    }
    tags.resize(emissions.len(), Tag::Outside);
    for i in (0..emissions.len()).rev() {
        tags[i] = Tag::from_index(best);
        best = usize::from(back[i][best]);
    }
}

/// How much better the decoded path is than the nearest alternatives around one of its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Margins {
    /// Against every alternative tried: no name there, one character shorter or longer at
    /// either end, a name of another kind.
    pub(crate) exact: i32,
    /// Against no name there at all.
    pub(crate) presence: i32,
}

/// The margins of the name `start..end` of the decoded `tags` (its kind is `tags[start]`'s).
/// Every alternative is a valid path, so both margins are ≥ 0.
pub(crate) fn margins<E: Copy + Into<i32>>(
    emissions: &[[E; LANES]],
    transitions: &[[i32; LANES]; LANES],
    tags: &[Tag],
    start: usize,
    end: usize,
) -> Margins {
    let begin = tags[start];
    let inside = begin.inside();
    let n = tags.len();
    // The score of positions a..b along `path`, with the transitions into a..=b (the position
    // before the segment is outside).
    let score = |path: &dyn Fn(usize) -> Tag, a: usize, b: usize| -> i32 {
        let mut s = 0;
        for i in a..b {
            s += emissions[i][path(i).index()].into();
        }
        for i in a..(b + 1).min(n) {
            let previous = if i == 0 { Tag::Outside } else { path(i - 1) };
            s += transitions[previous.index()][path(i).index()];
        }
        s
    };
    // How much the decoded path loses when a..b is tagged `alternative` instead.
    let loss = |a: usize, b: usize, alternative: &dyn Fn(usize) -> Tag| -> i32 {
        let changed = |i: usize| if (a..b).contains(&i) { alternative(i) } else { tags[i] };
        score(&|i| tags[i], a, b) - score(&changed, a, b)
    };
    let none = loss(start, end, &|_| Tag::Outside);
    let mut exact = none;
    if end - start >= 2 {
        exact = exact.min(loss(end - 1, end, &|_| Tag::Outside));
        exact = exact.min(loss(start, start + 2, &|i| if i == start { Tag::Outside } else { begin }));
    }
    if end < n && tags[end] == Tag::Outside {
        exact = exact.min(loss(end, end + 1, &|_| inside));
    }
    if start > 0 && tags[start - 1] == Tag::Outside {
        exact = exact.min(loss(start - 1, start + 1, &|i| if i < start { begin } else { inside }));
    }
    for other in [Tag::BeginPerson, Tag::BeginPlace, Tag::BeginOrganization] {
        if other != begin {
            exact = exact.min(loss(start, end, &|i| if i == start { other } else { other.inside() }));
        }
    }
    Margins { exact, presence: none }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(scores: &[(Tag, i32)]) -> [i32; LANES] {
        let mut r = [0; LANES];
        for &(t, s) in scores {
            r[t.index()] = s;
        }
        r
    }

    #[test]
    fn decodes_the_best_constrained_path() {
        let transitions = constrained(&[[0; TAGS]; TAGS]);
        // Inside-person is attractive at position 0 but cannot start a path.
        let emissions = vec![
            row(&[(Tag::InsidePerson, 9), (Tag::BeginPerson, 3)]),
            row(&[(Tag::InsidePerson, 5)]),
            row(&[(Tag::Outside, 1)]),
        ];
        let (mut back, mut tags) = (Vec::new(), Vec::new());
        viterbi(&emissions, &transitions, &mut back, &mut tags);
        assert_eq!(tags, vec![Tag::BeginPerson, Tag::InsidePerson, Tag::Outside]);
        let m = margins(&emissions, &transitions, &tags, 0, 2);
        // No name: 0 + 0 + 1 against 3 + 5 + 1.
        assert_eq!(m.presence, 8);
        // The nearest alternative is one longer at the end: 3 + 5 + 0.
        assert_eq!(m.exact, 1);
        let shorter = [row(&[(Tag::BeginPerson, 4)]), row(&[(Tag::InsidePerson, 2)]), row(&[(Tag::Outside, 6)])];
        viterbi(&shorter, &transitions, &mut back, &mut tags);
        assert_eq!(tags, vec![Tag::BeginPerson, Tag::InsidePerson, Tag::Outside]);
        // One shorter at the end: 4 + 0 + 6 against 4 + 2 + 6.
        assert_eq!(margins(&shorter, &transitions, &tags, 0, 2).exact, 2);
    }

    #[test]
    fn an_empty_segment_has_no_tags() {
        let (mut back, mut tags) = (Vec::new(), vec![Tag::Outside]);
        viterbi::<i32>(&[], &constrained(&[[0; TAGS]; TAGS]), &mut back, &mut tags);
        assert!(tags.is_empty());
    }
}
