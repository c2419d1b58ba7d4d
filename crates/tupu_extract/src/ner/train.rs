//! Training: an averaged perceptron over the tagger's own features, and its export as [`Weights`].
//!
//! Structured perceptron (Collins 2002): decode each training segment with the current weights;
//! where the decoded tags differ from the gold ones, add one to every feature weight of the gold
//! tag and subtract one from the decoded tag's (transitions likewise). The exported weights are
//! the average over every step (lazy averaging: each update also adds `step × change` to an
//! accumulator, and the average is `w − accumulator / steps`), which generalises far better than
//! the last weights. The order of the segments is shuffled each epoch with a seeded generator, so
//! a run is reproducible byte for byte.

use super::decode::{constrained, viterbi};
use super::features::{
    CHAR_CLASSES, CHAR_OFFSETS, LANES, PAIR_CLASSES, PAIR_OFFSETS, Surnames, TAGS, Tag, padded, segments, tags_of,
};
use super::weights::{CHAR_ROW, PAIR_ROW, Weights};
use crate::model::EntityKind;
use rustc_hash::FxHashMap as FastMap;

/// Trainable weights with their averaging accumulators, one row per feature value.
#[derive(Debug, Clone)]
struct Params<const N: usize> {
    w: Vec<[i32; N]>,
    acc: Vec<[i64; N]>,
}

impl<const N: usize> Params<N> {
    fn new(rows: usize) -> Self {
        Self { w: vec![[0; N]; rows], acc: vec![[0; N]; rows] }
    }

    fn push(&mut self) -> u32 {
        self.w.push([0; N]);
        self.acc.push([0; N]);
        (self.w.len() - 1) as u32
    }

    #[inline]
    fn update(&mut self, row: usize, entry: usize, change: i32, step: i64) {
        self.w[row][entry] += change;
        self.acc[row][entry] += step * i64::from(change);
    }

    fn averaged(&self, row: usize, steps: i64) -> [f64; N] {
        let mut out = [0.0; N];
        for (o, (&w, &a)) in out.iter_mut().zip(self.w[row].iter().zip(&self.acc[row])) {
            *o = f64::from(w) - a as f64 / steps as f64;
        }
        out
    }
}

/// One training segment, its features looked up once.
#[derive(Debug, Clone)]
struct Segment {
    /// Character row per padded position.
    chars: Vec<u32>,
    /// Character class per padded position.
    classes: Vec<u8>,
    /// Pair row per adjacent padded pair.
    pairs: Vec<u32>,
    /// Pair class per adjacent padded pair (0: none).
    pair_classes: Vec<u8>,
    tags: Vec<Tag>,
}

/// How one epoch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochReport {
    /// Segments whose decoded tags were wrong (before their update).
    pub wrong_segments: usize,
    /// Characters whose decoded tag was wrong.
    pub wrong_tags: usize,
    /// Characters seen.
    pub characters: usize,
}

/// How the averaged weights become the stored `i8`s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantisation {
    /// Averaged weights smaller than this (in perceptron units) are dropped.
    pub min_weight: f64,
    /// The share of weights (by magnitude) that `i8` represents without clipping, e.g. 0.999:
    /// the scale maps that quantile of |weight| to 127.
    pub quantile: f64,
}

impl Default for Quantisation {
    fn default() -> Self {
        Self { min_weight: 3.0, quantile: 0.9995 }
    }
}

/// An averaged-perceptron trainer for [`super::NameTagger`].
#[derive(Debug, Clone)]
pub struct Trainer {
    surnames: Surnames,
    char_ids: FastMap<char, u32>,
    pair_ids: FastMap<(char, char), u32>,
    chars: Params<CHAR_ROW>,
    pairs: Params<PAIR_ROW>,
    char_classes: Params<CHAR_ROW>,
    pair_classes: Params<PAIR_ROW>,
    transitions: Params<{ TAGS * TAGS }>,
    segments: Vec<Segment>,
    steps: i64,
}

impl Trainer {
    /// A trainer with no examples, marking `surnames` in the class features.
    #[must_use]
    pub fn new(surnames: Surnames) -> Self {
        Self {
            surnames,
            char_ids: FastMap::default(),
            pair_ids: FastMap::default(),
            chars: Params::new(0),
            pairs: Params::new(0),
            char_classes: Params::new(CHAR_CLASSES),
            pair_classes: Params::new(PAIR_CLASSES),
            transitions: Params::new(1),
            segments: Vec::new(),
            steps: 0,
        }
    }

    /// Adds an annotated text: its characters folded to Simplified (as the tagger sees them)
    /// and its names as `(start, end, kind)` in characters, end exclusive.
    pub fn add(&mut self, folded: &[char], names: &[(usize, usize, EntityKind)]) {
        let tags = tags_of(folded.len(), names);
        for range in segments(folded) {
            let chars = padded(&folded[range.clone()]);
            let ids: Vec<u32> = chars
                .iter()
                .map(|&c| match self.char_ids.get(&c) {
                    Some(&id) => id,
                    None => {
                        let id = self.chars.push();
                        self.char_ids.insert(c, id);
                        id
                    }
                })
                .collect();
            let pairs: Vec<u32> = chars
                .windows(2)
                .map(|w| match self.pair_ids.get(&(w[0], w[1])) {
                    Some(&id) => id,
                    None => {
                        let id = self.pairs.push();
                        self.pair_ids.insert((w[0], w[1]), id);
                        id
                    }
                })
                .collect();
            self.segments.push(Segment {
                classes: chars.iter().map(|&c| self.surnames.char_class(c) as u8).collect(),
                pair_classes: chars.windows(2).map(|w| self.surnames.pair_class(w[0], w[1]) as u8).collect(),
                chars: ids,
                pairs,
                tags: tags[range].to_vec(),
            });
        }
    }

    /// Segments added so far.
    #[must_use]
    pub fn segments(&self) -> usize {
        self.segments.len()
    }

    /// One pass over every segment in an order shuffled by `seed`.
    pub fn epoch(&mut self, seed: u64) -> EpochReport {
        let mut order: Vec<usize> = (0..self.segments.len()).collect();
        let mut rng = SplitMix64(seed);
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut report = EpochReport { wrong_segments: 0, wrong_tags: 0, characters: 0 };
        let (mut emissions, mut back, mut decoded) = (Vec::new(), Vec::new(), Vec::new());
        for i in order {
            self.steps += 1;
            let segment = &self.segments[i];
            self.emissions(segment, &mut emissions);
            let mut transitions = [[0i32; TAGS]; TAGS];
            for (p, row) in transitions.iter_mut().enumerate() {
                row.copy_from_slice(&self.transitions.w[0][p * TAGS..(p + 1) * TAGS]);
            }
            viterbi(&emissions, &constrained(&transitions), &mut back, &mut decoded);
            report.characters += decoded.len();
            if decoded != segment.tags {
                report.wrong_segments += 1;
                report.wrong_tags += decoded.iter().zip(&segment.tags).filter(|(d, g)| d != g).count();
                self.update(i, &decoded);
            }
        }
        report
    }

    fn emissions(&self, s: &Segment, out: &mut Vec<[i32; LANES]>) {
        out.clear();
        out.extend((0..s.tags.len()).map(|i| {
            let mut e = [0i32; LANES];
            for k in 0..CHAR_OFFSETS.len() {
                let (row, class) =
                    (&self.chars.w[s.chars[i + k] as usize], &self.char_classes.w[usize::from(s.classes[i + k])]);
                for t in 0..TAGS {
                    e[t] += row[k * TAGS + t] + class[k * TAGS + t];
                }
            }
            for k in 0..PAIR_OFFSETS.len() {
                let row = &self.pairs.w[s.pairs[i + k] as usize];
                let class = usize::from(s.pair_classes[i + k]);
                for t in 0..TAGS {
                    e[t] += row[k * TAGS + t];
                    if class != 0 {
                        e[t] += self.pair_classes.w[class][k * TAGS + t];
                    }
                }
            }
            e
        }));
    }

    fn update(&mut self, index: usize, decoded: &[Tag]) {
        let step = self.steps;
        let Self { segments, chars, pairs, char_classes, pair_classes, transitions, .. } = self;
        let segment = &segments[index];
        for (i, (&gold, &guess)) in segment.tags.iter().zip(decoded).enumerate() {
            let gold_previous = if i == 0 { Tag::Outside } else { segment.tags[i - 1] };
            let guess_previous = if i == 0 { Tag::Outside } else { decoded[i - 1] };
            if (gold_previous, gold) != (guess_previous, guess) {
                transitions.update(0, gold_previous.index() * TAGS + gold.index(), 1, step);
                transitions.update(0, guess_previous.index() * TAGS + guess.index(), -1, step);
            }
            if gold == guess {
                continue;
            }
            for (tag, change) in [(gold, 1), (guess, -1)] {
                for k in 0..CHAR_OFFSETS.len() {
                    let entry = k * TAGS + tag.index();
                    chars.update(segment.chars[i + k] as usize, entry, change, step);
                    char_classes.update(usize::from(segment.classes[i + k]), entry, change, step);
                }
                for k in 0..PAIR_OFFSETS.len() {
                    let entry = k * TAGS + tag.index();
                    pairs.update(segment.pairs[i + k] as usize, entry, change, step);
                    let class = usize::from(segment.pair_classes[i + k]);
                    if class != 0 {
                        pair_classes.update(class, entry, change, step);
                    }
                }
            }
        }
    }

    /// The averaged weights, quantised to `i8` and pruned, sorted.
    #[must_use]
    pub fn weights(&self, q: Quantisation) -> Weights {
        let steps = self.steps.max(1);
        let mut chars: Vec<(char, [f64; CHAR_ROW])> =
            self.char_ids.iter().map(|(&c, &id)| (c, self.chars.averaged(id as usize, steps))).collect();
        chars.sort_unstable_by_key(|(c, _)| *c);
        let mut pairs: Vec<((char, char), [f64; PAIR_ROW])> =
            self.pair_ids.iter().map(|(&p, &id)| (p, self.pairs.averaged(id as usize, steps))).collect();
        pairs.sort_unstable_by_key(|(p, _)| *p);
        let char_classes: Vec<[f64; CHAR_ROW]> =
            (0..CHAR_CLASSES).map(|r| self.char_classes.averaged(r, steps)).collect();
        let pair_classes: Vec<[f64; PAIR_ROW]> =
            (0..PAIR_CLASSES).map(|r| self.pair_classes.averaged(r, steps)).collect();

        let mut magnitudes: Vec<f64> = chars
            .iter()
            .flat_map(|(_, r)| r.iter())
            .chain(pairs.iter().flat_map(|(_, r)| r.iter()))
            .chain(char_classes.iter().flatten())
            .map(|w| w.abs())
            .filter(|&w| w >= q.min_weight)
            .collect();
        magnitudes.sort_unstable_by(f64::total_cmp);
        let top = if magnitudes.is_empty() {
            1.0
        } else {
            magnitudes[((magnitudes.len() - 1) as f64 * q.quantile.clamp(0.0, 1.0)) as usize].max(f64::EPSILON)
        };
        let scale = 127.0 / top;
        let quantise =
            |w: f64| -> i8 { if w.abs() < q.min_weight { 0 } else { (w * scale).round().clamp(-127.0, 127.0) as i8 } };
        let row = |r: &[f64]| -> Vec<i8> { r.iter().map(|&w| quantise(w)).collect() };
        let fixed = |v: Vec<i8>| -> [i8; CHAR_ROW] {
            let mut out = [0; CHAR_ROW];
            out.copy_from_slice(&v);
            out
        };
        let fixed_pair = |v: Vec<i8>| -> [i8; PAIR_ROW] {
            let mut out = [0; PAIR_ROW];
            out.copy_from_slice(&v);
            out
        };
        let mut transitions = [[0i16; TAGS]; TAGS];
        let averaged = self.transitions.averaged(0, steps);
        for (p, row) in transitions.iter_mut().enumerate() {
            for (n, w) in row.iter_mut().enumerate() {
                *w = (averaged[p * TAGS + n] * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
        }
        Weights {
            scale: scale as f32,
            transitions,
            char_classes: char_classes.iter().map(|r| fixed(row(r))).collect(),
            pair_classes: pair_classes.iter().map(|r| fixed_pair(row(r))).collect(),
            chars: chars.iter().map(|(c, r)| (*c, fixed(row(r)))).filter(|(_, r)| r.iter().any(|&w| w != 0)).collect(),
            pairs: pairs
                .iter()
                .map(|(p, r)| (*p, fixed_pair(row(r))))
                .filter(|(_, r)| r.iter().any(|&w| w != 0))
                .collect(),
        }
    }
}

/// A small, well-mixed, seedable generator (Steele, Lea and Flood's SplitMix64).
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
