//! A fast, non-cryptographic hasher for the extractor's lookup tables (the Fx hash of rustc).
//!
//! Every name, surname and word the recognisers try is looked up in a hash table, several times
//! per character of an article; SipHash, the standard library's default, spends more time
//! hashing those short keys than the rest of the lookup. The keys are lexicon words and names
//! from the article itself, so the denial-of-service resistance SipHash buys is not needed.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with the fast hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// The Fx hash: rotate, xor a word in, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_work_with_the_fast_hasher() {
        let mut m: FastMap<String, usize> = FastMap::default();
        m.insert("國家網信辦".to_owned(), 1);
        m.insert("国家网信办".to_owned(), 2);
        assert_eq!(m.get("國家網信辦"), Some(&1));
        assert_eq!(m.get("国家网信办"), Some(&2));
        let s: FastSet<char> = "陳李張".chars().collect();
        assert!(s.contains(&'李') && !s.contains(&'王'));
    }
}
