//! The tagger at run time: weights laid out for lookups, emissions, decoding, candidates.
//!
//! Every character gets a 16-bit row id from a table over the Basic Multilingual Plane (128 KB):
//! the first [`CHAR_CLASSES`] rows hold only class weights (characters the weights do not name),
//! the others a named character's weights with its class's added. A pair's weights are found in
//! an open-addressing table keyed by the two row ids (pairs of class-only characters have no
//! weights and are not looked up); each slot is 32 bytes, aligned, holding the four templates'
//! rows with the key in their padding lanes, so a lookup touches one cache line. A position's
//! emission is then five character rows and four pair rows added lane by lane, in `i16`.

use std::sync::LazyLock;

use super::decode::{self, Margins, constrained};
use super::features::{
    CHAR_CLASSES, CHAR_OFFSETS, LANES, PAD, PAIR_OFFSETS, SEGMENT_END, SEGMENT_START, Surnames, TAGS, Tag, segments,
    spans_of,
};
use super::weights::{Weights, WeightsError};
use super::{NameCandidate, TaggerError};
use crate::span::Span;
use rustc_hash::FxHashMap as FastMap;

const CHAR_TEMPLATES: usize = CHAR_OFFSETS.len();
const PAIR_TEMPLATES: usize = PAIR_OFFSETS.len();
const BMP: usize = 0x1_0000;

/// The weights file built into the crate (see `data/ner/README.md`).
static EMBEDDED_WEIGHTS: &[u8] = include_bytes!("../../data/ner/tagger.bin");

static EMBEDDED: LazyLock<NameTagger> = LazyLock::new(|| {
    #[expect(clippy::expect_used, reason = "the embedded weights are loaded by a unit test; a bad file cannot pass CI")]
    NameTagger::from_bytes(EMBEDDED_WEIGHTS).expect("embedded name-tagger weights are valid")
});

/// A character-level name tagger (averaged perceptron, BIO tags for people, places and
/// organisations, Viterbi decoding). It proposes candidates; rules decide.
#[derive(Debug, Clone)]
pub struct NameTagger {
    scale: f32,
    transitions: [[i32; LANES]; LANES],
    bmp_rows: Box<[u16]>,
    astral_rows: FastMap<char, u16>,
    char_rows: Vec<[[i16; LANES]; CHAR_TEMPLATES]>,
    pairs: PairTable,
    surnames: Surnames,
}

impl NameTagger {
    /// The tagger with the weights built into the crate, loaded on first use.
    #[must_use]
    pub fn embedded() -> &'static NameTagger {
        &EMBEDDED
    }

    /// A tagger from a weights file's bytes, with the crate's surnames.
    ///
    /// # Errors
    /// A file that is not a weights file of this build.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TaggerError> {
        Self::new(&Weights::decode(bytes)?, Surnames::embedded()?)
    }

    /// A tagger from weights and the surnames its class features mark.
    ///
    /// # Errors
    /// Weights naming more characters than 16-bit row ids address.
    pub fn new(weights: &Weights, surnames: Surnames) -> Result<Self, TaggerError> {
        let class_rows = |class: usize| widen(weights.char_classes.get(class));
        // Every character the weights name, or that is part of a named pair or a compound
        // surname, gets a row of its own, so that a pair's key is exact. Rows are numbered in
        // code-point order, so pair keys come out in the weights' (sorted) order.
        let compounds = surnames.compounds();
        let mut named_bmp = vec![false; BMP];
        let mut named_astral: Vec<char> = Vec::new();
        let all_named = weights
            .chars
            .iter()
            .map(|(c, _)| *c)
            .chain(weights.pairs.iter().flat_map(|((a, b), _)| [*a, *b]))
            .chain(compounds.iter().flat_map(|&(a, b)| [a, b]));
        for c in all_named {
            match named_bmp.get_mut(c as usize) {
                Some(slot) => *slot = true,
                None => named_astral.push(c),
            }
        }
        named_astral.sort_unstable();
        named_astral.dedup();
        let mut char_rows: Vec<_> = (0..CHAR_CLASSES).map(class_rows).collect();
        let mut bmp_rows: Box<[u16]> = vec![0u16; BMP].into_boxed_slice();
        for (u, (row, &named)) in bmp_rows.iter_mut().zip(&named_bmp).enumerate() {
            let c = char::from_u32(u as u32).unwrap_or(SEGMENT_END);
            if named {
                *row = char_rows.len() as u16;
                char_rows.push(class_rows(surnames.char_class(c)));
            } else {
                *row = surnames.char_class(c) as u16;
            }
            if char_rows.len() >= usize::from(u16::MAX) {
                return Err(WeightsError::TooManyCharacters(char_rows.len()).into());
            }
        }
        let mut astral_rows = FastMap::default();
        for &c in &named_astral {
            if char_rows.len() >= usize::from(u16::MAX) {
                return Err(WeightsError::TooManyCharacters(char_rows.len()).into());
            }
            astral_rows.insert(c, char_rows.len() as u16);
            char_rows.push(class_rows(surnames.char_class(c)));
        }
        let row_of = |c: char| -> u16 {
            if (c as usize) < BMP { bmp_rows[c as usize] } else { astral_rows.get(&c).copied().unwrap_or(0) }
        };
        for (c, row) in &weights.chars {
            add(&mut char_rows[usize::from(row_of(*c))], row);
        }
        let key = |a: char, b: char| u32::from(row_of(a)) << 16 | u32::from(row_of(b));
        let mut pair_rows: Vec<(u32, PairRow)> =
            weights.pairs.iter().map(|((a, b), row)| (key(*a, *b), lanes(row))).collect();
        // Already in order when the weights are sorted (then this is one linear pass).
        pair_rows.sort_by_key(|(k, _)| *k);
        for &(a, b) in &compounds {
            let class = surnames.pair_class(a, b);
            let Some(class_row) = weights.pair_classes.get(class) else { continue };
            let k = key(a, b);
            let at = match pair_rows.binary_search_by_key(&k, |(k, _)| *k) {
                Ok(at) => at,
                Err(at) => {
                    pair_rows.insert(at, (k, [[0; LANES]; PAIR_TEMPLATES]));
                    at
                }
            };
            for (lane_row, extra_row) in pair_rows[at].1.iter_mut().zip(lanes(class_row)) {
                for (w, x) in lane_row.iter_mut().zip(extra_row) {
                    *w = w.saturating_add(x);
                }
            }
        }
        let mut transitions = [[0i32; TAGS]; TAGS];
        for (row, stored) in transitions.iter_mut().zip(&weights.transitions) {
            for (w, s) in row.iter_mut().zip(stored) {
                *w = i32::from(*s);
            }
        }
        Ok(Self {
            scale: weights.scale,
            transitions: constrained(&transitions),
            bmp_rows,
            astral_rows,
            char_rows,
            pairs: PairTable::new(pair_rows),
            surnames,
        })
    }

    /// Names in `folded` (characters folded to Simplified, as [`crate::text::Text::folded_chars`]
    /// gives them), in order; spans count characters of `folded`.
    #[must_use]
    pub fn tag(&self, folded: &[char]) -> Vec<NameCandidate> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for range in segments(folded) {
            let offset = range.start;
            self.decode(&folded[range], &mut scratch);
            for (start, end, kind) in spans_of(&scratch.tags) {
                let Margins { exact, presence } =
                    decode::margins(&scratch.emissions, &self.transitions, &scratch.tags, start, end);
                out.push(NameCandidate {
                    span: Span::new(offset + start, offset + end),
                    kind,
                    margin: exact as f32 / self.scale,
                    presence: presence as f32 / self.scale,
                });
            }
        }
        out
    }

    /// The best tags of one segment (no sentence end inside), one per character.
    #[must_use]
    pub fn tags(&self, segment: &[char]) -> Vec<Tag> {
        let mut scratch = Scratch::default();
        self.decode(segment, &mut scratch);
        scratch.tags
    }

    fn decode(&self, segment: &[char], s: &mut Scratch) {
        s.rows.clear();
        s.rows.extend(std::iter::repeat_n(self.row_of(SEGMENT_START), PAD));
        s.rows.extend(segment.iter().map(|&c| self.row_of(c)));
        s.rows.extend(std::iter::repeat_n(self.row_of(SEGMENT_END), PAD));
        // Pair lookups in two passes: the first loads every pair's home slot without a branch
        // that depends on it, so the cache misses of a whole segment overlap; the second walks
        // the probe sequence of the few pairs not settled at home.
        s.pair_slots.clear();
        s.pair_slots.extend(s.rows.windows(2).map(|w| self.pairs.at_home(w[0], w[1])));
        for (slot, w) in s.pair_slots.iter_mut().zip(s.rows.windows(2)) {
            if *slot == UNSETTLED {
                *slot = self.pairs.find(w[0], w[1]);
            }
        }
        s.emissions.clear();
        s.emissions.extend(s.rows.windows(CHAR_TEMPLATES).zip(s.pair_slots.windows(PAIR_TEMPLATES)).map(
            |(chars, pairs)| {
                let mut e = [0i16; LANES];
                for (k, &id) in chars.iter().enumerate() {
                    let row = &self.char_rows[usize::from(id)][k];
                    for t in 0..LANES {
                        e[t] += row[t];
                    }
                }
                for (k, &slot) in pairs.iter().enumerate() {
                    // The padding lane adds a byte of the key: harmless, that lane is never a tag.
                    let row = &self.pairs.slots[slot as usize].0[k];
                    for t in 0..LANES {
                        e[t] += i16::from(row[t]);
                    }
                }
                e
            },
        ));
        decode::viterbi(&s.emissions, &self.transitions, &mut s.back, &mut s.tags);
    }

    #[inline]
    fn row_of(&self, c: char) -> u16 {
        if (c as usize) < BMP {
            self.bmp_rows[c as usize]
        } else {
            self.astral_rows.get(&c).copied().unwrap_or_else(|| self.surnames.char_class(c) as u16)
        }
    }
}

/// Buffers reused across the segments of one call.
#[derive(Debug, Default)]
struct Scratch {
    rows: Vec<u16>,
    pair_slots: Vec<u32>,
    emissions: Vec<[i16; LANES]>,
    back: Vec<[u8; LANES]>,
    tags: Vec<Tag>,
}

/// What [`PairTable::at_home`] says of a pair whose home slot holds another.
const UNSETTLED: u32 = u32::MAX;

/// A pair's weights: one row of lanes per pair template.
type PairRow = [[i8; LANES]; PAIR_TEMPLATES];

/// A slot of the pair table: the four templates' rows, the key's four bytes in their padding
/// lanes (key 0: empty). 32 bytes, aligned: one cache line per lookup.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct PairSlot(PairRow);

impl PairSlot {
    fn new(key: u32, row: PairRow) -> Self {
        let mut slot = row;
        for (lane_row, byte) in slot.iter_mut().zip(key.to_le_bytes()) {
            lane_row[TAGS] = byte as i8;
        }
        Self(slot)
    }

    #[inline]
    fn key(&self) -> u32 {
        u32::from_le_bytes([self.0[0][TAGS], self.0[1][TAGS], self.0[2][TAGS], self.0[3][TAGS]].map(|b| b as u8))
    }
}

/// Pair weights by the pair's two character row ids: open addressing, linear probing, at most
/// 70 % full. Slot 0 is all zeros and stands for every pair without weights; it is never probed.
#[derive(Debug, Clone)]
struct PairTable {
    slots: Vec<PairSlot>,
}

impl PairTable {
    fn new(entries: Vec<(u32, PairRow)>) -> Self {
        let probed = entries.len() * 10 / 7 + 1;
        let mut slots = vec![PairSlot([[0; LANES]; PAIR_TEMPLATES]); probed + 1];
        for (key, row) in entries {
            let mut at = Self::home(key, probed);
            while slots[at].key() != 0 {
                at = if at == probed { 1 } else { at + 1 };
            }
            slots[at] = PairSlot::new(key, row);
        }
        Self { slots }
    }

    /// The first slot to probe for `key`, in `1..=probed` (multiply-shift hash, then Lemire's
    /// range reduction, so the table need not be a power of two).
    #[inline]
    fn home(key: u32, probed: usize) -> usize {
        let hash = u64::from(key.wrapping_mul(0x9E37_79B1));
        1 + ((hash * probed as u64) >> 32) as usize
    }

    /// The slot of the pair of rows `a`, `b` when it is its home slot, 0 when the pair has no
    /// weights, or [`UNSETTLED`] when the home slot holds another pair.
    #[inline]
    fn at_home(&self, a: u16, b: u16) -> u32 {
        let named = (a as usize) >= CHAR_CLASSES && (b as usize) >= CHAR_CLASSES;
        let key = u32::from(a) << 16 | u32::from(b);
        let home = Self::home(key, self.slots.len() - 1);
        let found = self.slots[home].key();
        let settled = if found == key {
            home as u32
        } else if found == 0 {
            0
        } else {
            UNSETTLED
        };
        if named { settled } else { 0 }
    }

    /// The slot of the pair of rows `a`, `b`, or 0.
    #[inline]
    fn find(&self, a: u16, b: u16) -> u32 {
        if (a as usize) < CHAR_CLASSES || (b as usize) < CHAR_CLASSES {
            return 0;
        }
        let key = u32::from(a) << 16 | u32::from(b);
        let probed = self.slots.len() - 1;
        let mut at = Self::home(key, probed);
        loop {
            let found = self.slots[at].key();
            if found == key {
                return at as u32;
            }
            if found == 0 {
                return 0;
            }
            at = if at == probed { 1 } else { at + 1 };
        }
    }
}

fn widen(row: Option<&[i8; super::weights::CHAR_ROW]>) -> [[i16; LANES]; CHAR_TEMPLATES] {
    let mut out = [[0i16; LANES]; CHAR_TEMPLATES];
    if let Some(row) = row {
        add(&mut out, row);
    }
    out
}

fn add(target: &mut [[i16; LANES]; CHAR_TEMPLATES], row: &[i8; super::weights::CHAR_ROW]) {
    for (k, lane_row) in target.iter_mut().enumerate() {
        for (t, w) in lane_row.iter_mut().take(TAGS).enumerate() {
            *w += i16::from(row[k * TAGS + t]);
        }
    }
}

fn lanes(row: &[i8; super::weights::PAIR_ROW]) -> [[i8; LANES]; PAIR_TEMPLATES] {
    let mut out = [[0i8; LANES]; PAIR_TEMPLATES];
    for (k, lane_row) in out.iter_mut().enumerate() {
        lane_row[..TAGS].copy_from_slice(&row[k * TAGS..(k + 1) * TAGS]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use crate::ner::features::Surnames;
    use crate::ner::weights::{CHAR_ROW, PAIR_ROW};
    use crate::normalize::fold;

    /// The names the embedded tagger proposes in `text`: (kind, name as written).
    fn names(text: &str) -> Vec<(EntityKind, String)> {
        let folded: Vec<char> = fold(text).chars().collect();
        let chars: Vec<char> = text.chars().collect();
        NameTagger::embedded()
            .tag(&folded)
            .iter()
            .map(|c| (c.kind, chars[c.span.start..c.span.end].iter().collect()))
            .collect()
    }

    fn person(name: &str) -> (EntityKind, String) {
        (EntityKind::Person, name.to_owned())
    }

    #[test]
    fn the_embedded_weights_find_a_person_in_either_script() {
        assert!(names("记者昨日在会上见到了张伟明，他表示欢迎各界参与。").contains(&person("张伟明")));
        assert!(names("記者昨日在會上見到了張偉明，他表示歡迎各界參與。").contains(&person("張偉明")));
    }

    #[test]
    fn the_embedded_weights_find_people_in_a_caption_and_places_and_organisations() {
        let found = names("图为王建国（左）与刘晓燕在北京大学合影。");
        assert!(found.contains(&person("王建国")) && found.contains(&person("刘晓燕")), "{found:?}");
        assert!(found.contains(&(EntityKind::Organization, "北京大学".to_owned())), "{found:?}");
        let found = names("香港大學校長昨日訪問上海，並與復旦大學簽署合作協議。");
        assert!(found.contains(&(EntityKind::Place, "上海".to_owned())), "{found:?}");
        assert!(found.contains(&(EntityKind::Organization, "復旦大學".to_owned())), "{found:?}");
    }

    #[test]
    fn candidates_carry_offsets_and_non_negative_margins() {
        let text = "今日天氣晴朗。出席嘉賓包括陳志強、李美玲及歐陽文傑。";
        let folded: Vec<char> = fold(text).chars().collect();
        let candidates = NameTagger::embedded().tag(&folded);
        assert!(!candidates.is_empty());
        for c in &candidates {
            assert!(c.span.end <= folded.len() && !c.span.is_empty());
            assert!(c.margin >= 0.0 && c.presence >= c.margin, "{c:?}");
        }
        // A name after the first sentence keeps offsets into the whole text.
        assert!(names(text).contains(&person("陳志強")));
        assert!(NameTagger::embedded().tag(&[]).is_empty());
    }

    /// A tagger whose only weights make 甲 begin and 乙 continue a person's name, and 欧阳 a
    /// compound surname (through the pair class).
    fn tiny() -> NameTagger {
        let mut weights = Weights {
            scale: 1.0,
            char_classes: vec![[0; CHAR_ROW]; CHAR_CLASSES],
            pair_classes: vec![[0; PAIR_ROW]; super::super::features::PAIR_CLASSES],
            ..Weights::default()
        };
        let at = |offset: usize, tag: Tag| (offset + 2) * TAGS + tag.index();
        weights.char_classes.iter_mut().for_each(|row| row[at(0, Tag::Outside)] = 1);
        let mut first = [0i8; CHAR_ROW];
        first[at(0, Tag::BeginPerson)] = 20;
        let mut second = [0i8; CHAR_ROW];
        second[at(0, Tag::InsidePerson)] = 20;
        weights.chars = vec![('乙', second), ('甲', first)];
        weights.chars.sort_by_key(|(c, _)| *c);
        let mut compound = [0i8; PAIR_ROW];
        // Pair template 2 is the pair (0, +1): the pair starting here begins a name.
        compound[2 * TAGS + Tag::BeginPerson.index()] = 30;
        compound[TAGS + Tag::InsidePerson.index()] = 30;
        weights.pair_classes[1] = compound;
        let surnames = Surnames::parse("欧阳\n").unwrap();
        NameTagger::new(&weights, surnames).unwrap()
    }

    #[test]
    fn decodes_from_hand_made_weights_with_the_compound_surname_class() {
        let tagger = tiny();
        let chars: Vec<char> = "丙甲乙丙欧阳丙".chars().collect();
        let found: Vec<(usize, usize)> = tagger.tag(&chars).iter().map(|c| (c.span.start, c.span.end)).collect();
        assert_eq!(found, vec![(1, 3), (4, 6)]);
        assert_eq!(tagger.tags(&chars[..3]), vec![Tag::Outside, Tag::BeginPerson, Tag::InsidePerson]);
    }

    #[test]
    fn the_embedded_file_loads_and_a_corrupt_one_is_an_error() {
        assert!(NameTagger::from_bytes(EMBEDDED_WEIGHTS).is_ok());
        assert!(NameTagger::from_bytes(&EMBEDDED_WEIGHTS[..EMBEDDED_WEIGHTS.len() / 2]).is_err());
        assert!(NameTagger::from_bytes(b"").is_err());
    }
}
