//! The weights file: quantised, pruned, sorted, little-endian.
//!
//! Weights are `i8` (the trained averaged weights times `scale`, rounded; those that round to
//! zero are pruned), transitions `i16`. Rows are stored sparsely: a bit mask of the non-zero
//! entries, then those entries. Characters and pairs are sorted by code point and stored as
//! variable-length deltas. No compression library is needed to read it, and git compresses the
//! rest (most masks and small weights repeat).
//!
//! ```text
//! magic "TUPUNER1"
//! u32 TAGS, u32 character templates, u32 pair templates, u32 character classes, u32 pair classes
//! f32 scale                                   quantised units per perceptron unit
//! i16 × TAGS × TAGS                           transitions [previous][next]
//! row × character classes, row × pair classes class weights
//! u32 n, then n × (varint code-point delta, row)          characters
//! u32 n, then n × (varint first delta, varint second, row) pairs (second: delta when the first repeats)
//! row = u8 × ⌈len/8⌉ mask (bit i: entry i non-zero, little-endian bit order), i8 × popcount
//! ```
//!
//! A row's entry `template × TAGS + tag` is the weight of that tag when the character (or pair)
//! stands at that template's offset.

use thiserror::Error;

use super::features::{CHAR_CLASSES, CHAR_OFFSETS, PAIR_CLASSES, PAIR_OFFSETS, TAGS};

const MAGIC: &[u8; 8] = b"TUPUNER1";

/// Entries of a character row.
pub const CHAR_ROW: usize = CHAR_OFFSETS.len() * TAGS;
/// Entries of a pair row.
pub const PAIR_ROW: usize = PAIR_OFFSETS.len() * TAGS;

/// A weights file that cannot be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WeightsError {
    /// Not a tupu name-tagger weights file.
    #[error("not a name-tagger weights file (bad magic)")]
    Magic,
    /// Made for other feature templates or tags than this build's.
    #[error("weights made for {found} (this build has {expected})")]
    Shape {
        /// The shape this build expects.
        expected: String,
        /// The shape the file declares.
        found: String,
    },
    /// Ends early or holds a bad value.
    #[error("truncated or corrupt weights file at byte {0}")]
    Corrupt(usize),
    /// More characters than the tagger's 16-bit row ids address.
    #[error("too many characters in the weights: {0}")]
    TooManyCharacters(usize),
}

/// The tagger's weights as stored: quantised and sorted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights {
    /// Quantised units per perceptron unit (margins divide by it).
    pub scale: f32,
    /// Transition weights `[previous][next]`.
    pub transitions: [[i16; TAGS]; TAGS],
    /// Weights of each character class (see [`super::features::Surnames::char_class`]).
    pub char_classes: Vec<[i8; CHAR_ROW]>,
    /// Weights of each pair class (see [`super::features::Surnames::pair_class`]).
    pub pair_classes: Vec<[i8; PAIR_ROW]>,
    /// Weights of characters, sorted by character.
    pub chars: Vec<(char, [i8; CHAR_ROW])>,
    /// Weights of pairs of adjacent characters, sorted.
    pub pairs: Vec<((char, char), [i8; PAIR_ROW])>,
}

impl Weights {
    /// The file's bytes (characters and pairs in sorted order, whatever their order here).
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let mut chars: Vec<&(char, [i8; CHAR_ROW])> = self.chars.iter().collect();
        chars.sort_by_key(|(c, _)| *c);
        let mut pairs: Vec<&((char, char), [i8; PAIR_ROW])> = self.pairs.iter().collect();
        pairs.sort_by_key(|(p, _)| *p);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for n in shape() {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for row in &self.char_classes {
            put_row(&mut out, row);
        }
        for row in &self.pair_classes {
            put_row(&mut out, row);
        }
        out.extend_from_slice(&(self.chars.len() as u32).to_le_bytes());
        let mut previous = 0;
        for (c, row) in chars {
            put_varint(&mut out, u32::from(*c) - previous);
            previous = u32::from(*c);
            put_row(&mut out, row);
        }
        out.extend_from_slice(&(self.pairs.len() as u32).to_le_bytes());
        let (mut previous_first, mut previous_second) = (0, 0);
        for ((a, b), row) in pairs {
            let (a, b) = (u32::from(*a), u32::from(*b));
            put_varint(&mut out, a - previous_first);
            put_varint(&mut out, if a == previous_first { b - previous_second } else { b });
            (previous_first, previous_second) = (a, b);
            put_row(&mut out, row);
        }
        out
    }

    /// Reads a weights file.
    ///
    /// # Errors
    /// Bad magic, another shape of model, or a truncated or corrupt file.
    pub fn decode(bytes: &[u8]) -> Result<Self, WeightsError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(WeightsError::Magic);
        }
        let mut found = [0u32; 5];
        for n in &mut found {
            *n = r.u32()?;
        }
        if found != shape() {
            return Err(WeightsError::Shape { expected: format!("{:?}", shape()), found: format!("{found:?}") });
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !(scale.is_finite() && scale > 0.0) {
            return Err(WeightsError::Corrupt(r.at));
        }
        let mut transitions = [[0i16; TAGS]; TAGS];
        for row in &mut transitions {
            for w in row {
                *w = i16::from_le_bytes(r.array()?);
            }
        }
        let char_classes = (0..CHAR_CLASSES).map(|_| r.row()).collect::<Result<_, _>>()?;
        let pair_classes = (0..PAIR_CLASSES).map(|_| r.row()).collect::<Result<_, _>>()?;
        let n = r.u32()? as usize;
        let mut chars = Vec::with_capacity(n.min(bytes.len()));
        let mut previous = 0u32;
        for _ in 0..n {
            let at = r.at;
            previous = previous.checked_add(r.varint()?).ok_or(WeightsError::Corrupt(at))?;
            let c = char::from_u32(previous).ok_or(WeightsError::Corrupt(at))?;
            chars.push((c, r.row()?));
        }
        let n = r.u32()? as usize;
        let mut pairs = Vec::with_capacity(n.min(bytes.len()));
        let (mut previous_first, mut previous_second) = (0u32, 0u32);
        for _ in 0..n {
            let at = r.at;
            let delta = r.varint()?;
            let first = previous_first.checked_add(delta).ok_or(WeightsError::Corrupt(at))?;
            let second = r.varint()?;
            let second = if delta == 0 { previous_second.checked_add(second) } else { Some(second) }
                .ok_or(WeightsError::Corrupt(at))?;
            (previous_first, previous_second) = (first, second);
            let a = char::from_u32(first).ok_or(WeightsError::Corrupt(at))?;
            let b = char::from_u32(second).ok_or(WeightsError::Corrupt(at))?;
            pairs.push(((a, b), r.row()?));
        }
        if r.at != bytes.len() {
            return Err(WeightsError::Corrupt(r.at));
        }
        Ok(Self { scale, transitions, char_classes, pair_classes, chars, pairs })
    }
}

fn shape() -> [u32; 5] {
    [TAGS, CHAR_OFFSETS.len(), PAIR_OFFSETS.len(), CHAR_CLASSES, PAIR_CLASSES].map(|n| n as u32)
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_row<const N: usize>(out: &mut Vec<u8>, row: &[i8; N]) {
    for chunk in row.chunks(8) {
        let mask = chunk.iter().enumerate().fold(0u8, |m, (i, &w)| if w == 0 { m } else { m | (1 << i) });
        out.push(mask);
    }
    out.extend(row.iter().filter(|&&w| w != 0).map(|&w| w as u8));
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], WeightsError> {
        let out = self.bytes.get(self.at..self.at + n).ok_or(WeightsError::Corrupt(self.at))?;
        self.at += n;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], WeightsError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, WeightsError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn varint(&mut self) -> Result<u32, WeightsError> {
        let start = self.at;
        let mut n = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u32::from(byte & 0x7F).checked_shl(shift).ok_or(WeightsError::Corrupt(start))?;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(WeightsError::Corrupt(start))
    }

    /// One row: its masks, then its non-zero entries. Reads a mask byte at a time (popcount,
    /// then the set bits lowest first) rather than testing each of the row's entries: the
    /// embedded file has 68,000 rows, and testing bit by bit was a tenth of start-up.
    fn row<const N: usize>(&mut self) -> Result<[i8; N], WeightsError> {
        let start = self.at;
        let masks = self.take(N.div_ceil(8))?;
        // Bits past the row's last entry must be clear.
        if !N.is_multiple_of(8) && masks.last().is_some_and(|&m| m >> (N % 8) != 0) {
            return Err(WeightsError::Corrupt(start));
        }
        let present: usize = masks.iter().map(|m| m.count_ones() as usize).sum();
        let mut values = self.take(present)?.iter();
        let mut row = [0i8; N];
        for (byte, &mask) in masks.iter().enumerate() {
            let mut bits = mask;
            while bits != 0 {
                let i = byte * 8 + bits.trailing_zeros() as usize;
                if let (Some(slot), Some(&v)) = (row.get_mut(i), values.next()) {
                    *slot = v as i8;
                }
                bits &= bits - 1;
            }
        }
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut w = Weights {
            scale: 12.5,
            char_classes: vec![[0; CHAR_ROW]; CHAR_CLASSES],
            pair_classes: vec![[0; PAIR_ROW]; PAIR_CLASSES],
            ..Weights::default()
        };
        w.transitions[0][1] = -300;
        w.char_classes[3][7] = 5;
        let mut row = [0i8; CHAR_ROW];
        row[0] = -128;
        row[CHAR_ROW - 1] = 127;
        w.chars = vec![('张', row), ('陈', [1; CHAR_ROW]), ('\u{20000}', [0; CHAR_ROW])];
        let mut pair = [0i8; PAIR_ROW];
        pair[9] = -3;
        w.pairs = vec![(('欧', '洲'), [2; PAIR_ROW]), (('欧', '阳'), pair), (('陈', '一'), pair)];
        w
    }

    #[test]
    fn round_trips() {
        let w = sample();
        let bytes = w.encode();
        assert_eq!(Weights::decode(&bytes).unwrap(), w);
        let mut shuffled = w.clone();
        shuffled.chars.reverse();
        shuffled.pairs.reverse();
        assert_eq!(shuffled.encode(), bytes);
    }

    #[test]
    fn rejects_bad_files_without_panicking() {
        let bytes = sample().encode();
        assert_eq!(Weights::decode(b"not weights at all"), Err(WeightsError::Magic));
        for cut in [0, 8, 20, 40, bytes.len() / 2, bytes.len() - 1] {
            assert!(Weights::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(Weights::decode(&longer), Err(WeightsError::Corrupt(_))));
        // A mask bit past the row's last entry: the first class row starts after the magic, the
        // shape, the scale and the transitions.
        let first_row = MAGIC.len() + 5 * 4 + 4 + TAGS * TAGS * 2;
        let mut spare_bit = bytes.clone();
        spare_bit[first_row + CHAR_ROW.div_ceil(8) - 1] |= 0x80;
        assert_eq!(Weights::decode(&spare_bit), Err(WeightsError::Corrupt(first_row)));
        let mut other_shape = bytes;
        other_shape[8] = 9;
        assert!(matches!(Weights::decode(&other_shape), Err(WeightsError::Shape { .. })));
    }
}
