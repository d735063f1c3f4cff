//! A fast hash for the short string keys that every stage looks up per word (the lexicon, the
//! stem memo, a document's vocabulary, corpus document frequencies): FxHash's multiply-rotate.
//! std's SipHash resists flooding by crafted keys, which a tool reading local text does not
//! need, and costs several times more per short key.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

pub type FastBuild = BuildHasherDefault<FastHasher>;
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;
pub type FastSet<K> = HashSet<K, FastBuild>;

/// The last 0 to 7 bytes of a key as a little-endian word padded with zeros, read with at most
/// two loads instead of a copy of variable length (which is a call to `memcpy`).
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!(n < 8);
    if n >= 4 {
        // Two overlapping 4-byte reads; the second's top `n - 4` bytes are bytes 4.. of the key.
        let low = u32::from_le_bytes(rest[..4].try_into().expect("n >= 4"));
        let high = u32::from_le_bytes(rest[n - 4..].try_into().expect("n >= 4"));
        u64::from(low) | (u64::from(high) >> (8 * (8 - n)) << 32)
    } else if n > 0 {
        // Bytes 0, n / 2 and n - 1 cover all of one to three bytes.
        u64::from(rest[0])
            | u64::from(rest[n / 2]) << (8 * (n / 2))
            | u64::from(rest[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(
                chunk.try_into().expect("chunks_exact yields 8 bytes"),
            ));
        }
        let rest = chunks.remainder();
        self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Distinct strings numbered densely from 0 in the order first seen, so that facts about a
/// string can sit in a `Vec` indexed by its id and later questions about it cost no hashing.
/// Each string is stored once, shared by the lookup table and the id-to-string list.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FastMap<Arc<str>, u32>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    /// The id of `s`, numbered next if new. One hash lookup for a string seen before.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).expect("fewer than 2^32 distinct strings");
        let shared: Arc<str> = s.into();
        self.strings.push(Arc::clone(&shared));
        self.ids.insert(shared, id);
        id
    }

    /// The string numbered `id`.
    pub fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    /// The string numbered `id`, shared: it can be read while the interner grows.
    pub fn shared(&self, id: u32) -> Arc<str> {
        Arc::clone(&self.strings[id as usize])
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn hash_differs_for_prefixes_and_lengths() {
        let build = FastBuild::default();
        let h = |s: &str| build.hash_one(s);
        assert_ne!(h("beras"), h("bera"));
        assert_ne!(h("a"), h("a\0"));
        assert_eq!(h("harga"), h("harga"));
    }

    #[test]
    fn hash_tail_word_is_the_zero_padded_word() {
        let bytes = b"abcdefg";
        for n in 0..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn hash_interner_numbers_strings_in_order_seen() {
        let mut interner = Interner::default();
        assert_eq!(interner.intern("harga"), 0);
        assert_eq!(interner.intern("beras"), 1);
        assert_eq!(interner.intern("harga"), 0);
        assert_eq!((interner.get(1), interner.len()), ("beras", 2));
    }
}
