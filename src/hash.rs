//! A fast hash for the short string keys that every stage looks up per word (the lexicon, the
//! stem memo, a document's vocabulary, corpus document frequencies): FxHash's multiply-rotate.
//! std's SipHash resists flooding by crafted keys, which a tool reading local text does not
//! need, and costs several times more per short key.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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

    /// The state rotated so that its best-mixed bits come out lowest. The last multiply leaves
    /// the top bits depending on every byte and the bottom bits on little more than a key's
    /// first letters, while tables (hashbrown's, [`Interner`], the lexicon's) find a key's slot
    /// from the bottom bits: unrotated, words with the same beginning crowd together
    /// (rustc-hash 2 rotates for the same reason).
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// Distinct strings numbered densely from 0 in the order first seen, so that facts about a
/// string can sit in a `Vec` indexed by its id and later questions about it cost no hashing.
///
/// An open-addressing table of its own rather than a `HashMap<Box<str>, u32>`: each slot keeps
/// the full hash beside the id, so a probe compares strings only when their hashes agree, and
/// growing the table moves slots without hashing a string again.
#[derive(Debug, Default)]
pub struct Interner {
    strings: Vec<Box<str>>,
    /// A power of two long (or empty), at most half full.
    slots: Vec<Slot>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    hash: u64,
    /// The string's id plus one; 0 for an empty slot.
    id: u32,
}

impl Interner {
    /// The id of `s`, numbered next if new. One hash of `s` and, for a string seen before,
    /// usually one comparison.
    pub fn intern(&mut self, s: &str) -> u32 {
        if (self.strings.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = hash_bytes(s.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = slot_index(hash, mask);
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                let id = u32::try_from(self.strings.len())
                    .ok()
                    .filter(|&id| id < u32::MAX)
                    .expect("fewer than 2^32 - 1 distinct strings");
                self.strings.push(s.into());
                self.slots[i] = Slot { hash, id: id + 1 };
                return id;
            }
            if slot.hash == hash && *self.strings[slot.id as usize - 1] == *s {
                return slot.id - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table, placing each slot by its kept hash.
    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); len]);
        let mask = len - 1;
        for slot in old.into_iter().filter(|slot| slot.id != 0) {
            let mut i = slot_index(slot.hash, mask);
            while self.slots[i].id != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The string numbered `id`.
    pub fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

/// The [`FastHasher`] hash of some bytes.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Where a hash starts probing.
fn slot_index(hash: u64, mask: usize) -> usize {
    hash as usize & mask
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
    fn hash_low_bits_spread_words_with_the_same_beginning() {
        // Tables take a key's slot from the low bits; 1,000 words sharing their first eight
        // letters must not crowd into a few of 1,024 slots.
        let build = FastBuild::default();
        let slots: HashSet<u64> = (0..1000)
            .map(|i| build.hash_one(format!("memperbaiki{i}")) & 1023)
            .collect();
        assert!(slots.len() > 500, "{} slots", slots.len());
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
        // Through several doublings of the table.
        let words: Vec<String> = (0..1000).map(|k| format!("kata{k}")).collect();
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(ids, (2..1002).collect::<Vec<u32>>());
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!((interner.intern(w), interner.get(id)), (id, w.as_str()));
        }
        assert_eq!(interner.intern(""), 1002);
    }
}
