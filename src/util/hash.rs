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

/// The [`Interner`]'s hash of a key (its [`FastHasher`] hash), fed a block at a time by a scan
/// that reads the key eight bytes at a time anyway, so that the key is not read again to be
/// hashed: [`KeyHasher::block`] for each whole eight-byte block, then [`KeyHasher::finish`]
/// with the last 0 to 7 bytes. It notes the key's [`head`] on the way, which a probe compares
/// first.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher {
    hasher: FastHasher,
    /// The head of a key of eight bytes or more, once its first block is in; 0 before (no
    /// such head is 0: its top bit is set).
    head: u64,
}

/// A key's hash and [`head`], as [`Interner::intern_key`] takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashedKey {
    hash: u64,
    head: u64,
}

impl HashedKey {
    /// The hash and head of `bytes`, read for them.
    pub fn of(bytes: &[u8]) -> HashedKey {
        HashedKey {
            hash: hash_bytes(bytes),
            head: head(bytes),
        }
    }
}

impl KeyHasher {
    /// Adds a whole block of eight bytes of the key, read as a little-endian word.
    #[inline]
    pub fn block(&mut self, block: u64) {
        if self.head == 0 {
            self.head = block | 1 << 63;
        }
        self.hasher.add(block);
    }

    /// The hash and head of the key whose last `len` bytes (fewer than eight) are the
    /// little-endian word `tail`, padded with zeros.
    #[inline]
    pub fn finish(mut self, tail: u64, len: usize) -> HashedKey {
        debug_assert!(len < 8 && (len == 0 || tail >> (8 * len) == 0));
        let last = tail ^ ((len as u64) << 59);
        self.hasher.add(last);
        HashedKey {
            hash: self.hasher.finish(),
            // A key shorter than eight bytes is all tail: its head is its last block.
            head: if self.head == 0 { last } else { self.head },
        }
    }
}

/// Distinct strings numbered densely from 0 in the order first seen, so that facts about a
/// string can sit in a `Vec` indexed by its id and later questions about it cost no hashing.
///
/// An open-addressing table of its own rather than a `HashMap<Box<str>, u32>`, built for a
/// table of a whole corpus's words that outgrows the processor's caches: a slot holds the id,
/// half of the hash and the key's first bytes ([`Slot::head`]), so that a probe for a key of
/// fewer than eight bytes (most words) is answered by the slot alone, without reading where
/// the key's bytes lie and then the bytes; the strings lie end to end in the order first seen,
/// so the common words, met early, share a few hot cache lines instead of a heap allocation
/// each.
#[derive(Debug, Default)]
pub struct Interner {
    /// Every string, one after another, by id.
    bytes: String,
    /// Where each string ends in `bytes`, by id. Four bytes each, sixteen to a cache line: a
    /// probe for a key of eight bytes or more reads its candidate's span here, and a document's
    /// vocabulary is written out by the spans of its keys, often of words met rarely, whose
    /// line is not in the cache (cachegrind, IndoSum train: as `usize`, 635k first-level
    /// misses writing vocabularies rather than 554k, 383k in probes rather than 372k).
    ends: Vec<u32>,
    /// A power of two long (or empty), at most half full.
    slots: Vec<Slot>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The bottom half of the string's hash, which places it: the table grows by this,
    /// without reading the strings to hash them again.
    tag: u32,
    /// The string's id plus one; 0 for an empty slot.
    id: u32,
    /// The string's [`head`]: all of a string shorter than eight bytes.
    head: u64,
}

impl Interner {
    /// The id of `s`, numbered next if new. One hash of `s` and, for a string seen before,
    /// usually one comparison.
    #[inline]
    pub fn intern(&mut self, s: &str) -> u32 {
        self.intern_key(s.as_bytes(), HashedKey::of(s.as_bytes()))
    }

    /// [`Interner::intern`] of the text `s`, as bytes, whose hash and head a scan
    /// ([`KeyHasher`]) or [`HashedKey::of`] found already. Bytes, so that a caller can pass a
    /// key it wrote into a buffer of its own; a new key must be UTF-8 (it panics otherwise).
    ///
    /// Inline for the common case, a known string of fewer than eight bytes in the slot its
    /// hash points to, which the slot alone answers; the rest out of line (callgrind, IndoSum
    /// train: 642k calls from the case pass, a third of each call's instructions spent on
    /// the call).
    #[inline(always)]
    pub fn intern_key(&mut self, s: &[u8], key: HashedKey) -> u32 {
        let home = slot_index(key.hash, self.slots.len().wrapping_sub(1));
        if s.len() < 8
            && let Some(slot) = self.slots.get(home)
            && slot.id != 0
            && slot.head == key.head
        {
            return slot.id - 1;
        }
        self.probe(s, key)
    }

    /// Asks the processor to bring in the slot a key hashes to, ahead of an
    /// [`Interner::intern_key`] of it: a hint, which changes no result.
    #[inline(always)]
    pub fn prefetch(&self, key: HashedKey) {
        let home = slot_index(key.hash, self.slots.len().wrapping_sub(1));
        if let Some(slot) = self.slots.get(home) {
            prefetch(slot);
        }
    }

    /// The id the slot a key hashes to holds, if that slot's string looks like the key (the
    /// same head and hash tag): most likely the key's id, for a hint such as a prefetch.
    #[inline(always)]
    pub fn peek(&self, key: HashedKey) -> Option<u32> {
        let home = slot_index(key.hash, self.slots.len().wrapping_sub(1));
        let slot = self.slots.get(home)?;
        (slot.id != 0 && slot.head == key.head && slot.tag == key.hash as u32).then(|| slot.id - 1)
    }

    /// [`Interner::intern_key`] past the string's home slot, or for a string of eight bytes
    /// or more. Never inline: the lookup above stays small where it is inlined.
    #[inline(never)]
    fn probe(&mut self, s: &[u8], key: HashedKey) -> u32 {
        debug_assert_eq!(key, HashedKey::of(s));
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let HashedKey { hash, head } = key;
        let tag = hash as u32;
        let mask = self.slots.len() - 1;
        let mut i = slot_index(hash, mask);
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                return self.insert(s, Slot { tag, id: 0, head }, i);
            }
            // Equal heads are equal strings when shorter than eight bytes; longer ones are
            // compared in full.
            if slot.head == head
                && (s.len() < 8 || slot.tag == tag && same_bytes(self.bytes_of(slot.id - 1), s))
            {
                return slot.id - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /// Numbers `s`, new, in the empty slot `i`. Out of line, as [`Interner::grow`] is: most
    /// strings asked for are known, and the lookup keeps fewer registers to save without them.
    /// `slot` is the string's, but for its id.
    #[cold]
    fn insert(&mut self, s: &[u8], slot: Slot, i: usize) -> u32 {
        let s = std::str::from_utf8(s).expect("an interned key is text");
        let id = u32::try_from(self.ends.len())
            .ok()
            .filter(|&id| id < u32::MAX)
            .expect("fewer than 2^32 - 1 distinct strings");
        let end = u32::try_from(self.bytes.len() + s.len()).expect("fewer than 4 GiB of strings");
        self.bytes.push_str(s);
        self.ends.push(end);
        self.slots[i] = Slot { id: id + 1, ..slot };
        id
    }

    /// Doubles the table, placing each string again by the half of its hash its slot keeps
    /// (callgrind, IndoSum train: 5.7M instructions when each string was read and hashed
    /// again). Tables of more than 2^32 slots would need the whole hash; one never gets so
    /// large, as there are fewer than 2^32 strings.
    #[cold]
    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); len]);
        let mask = len - 1;
        for slot in old.into_iter().filter(|slot| slot.id != 0) {
            let mut i = slot_index(u64::from(slot.tag), mask);
            while self.slots[i].id != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The bytes of the string numbered `id`: what a probe compares, without the function
    /// call and the character boundary checks of [`Interner::get`].
    #[inline]
    fn bytes_of(&self, id: u32) -> &[u8] {
        &self.bytes.as_bytes()[self.span(id)]
    }

    /// The string numbered `id`. Inline: a document's vocabulary is written out by it, key
    /// by key.
    #[inline]
    pub fn get(&self, id: u32) -> &str {
        &self.bytes[self.span(id)]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The strings numbered `ids` written end to end, and where each ends in that text: a
    /// document's vocabulary in two allocations. Most strings are short: one of at most
    /// sixteen bytes, with sixteen bytes of the table after its start, is copied as a fixed
    /// sixteen bytes, the next string written over the excess, rather than by a call to
    /// `memcpy` for each (callgrind, IndoSum train: 384k keys, 52 instructions each as
    /// `push_str`).
    pub fn write_joined(&self, ids: &[u32]) -> (String, Vec<usize>) {
        let total: usize = ids.iter().map(|&id| self.span(id).len()).sum();
        // Zeroed, with room for the last fixed copy's excess: each string is a copy to a place
        // known to be there, with no growing to check.
        let mut joined = vec![0; total + 16];
        let mut ends = Vec::with_capacity(ids.len());
        let bytes = self.bytes.as_bytes();
        let mut at = 0;
        for &id in ids {
            let span = self.span(id);
            let len = span.len();
            if len <= 16 && span.start + 16 <= bytes.len() {
                joined[at..at + 16].copy_from_slice(&bytes[span.start..span.start + 16]);
            } else {
                copy_apart(&mut joined[at..at + len], &bytes[span]);
            }
            at += len;
            ends.push(at);
        }
        joined.truncate(total);
        // Whole strings of text, one after another: text again.
        let joined = String::from_utf8(joined).expect("interned strings are text");
        (joined, ends)
    }

    /// Where the string numbered `id` lies in `bytes`.
    #[inline]
    fn span(&self, id: u32) -> std::ops::Range<usize> {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        start as usize..self.ends[id] as usize
    }

    /// Heap bytes held: the strings, their ends and the slots.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.ends.capacity() * size_of::<u32>()
            + self.slots.capacity() * size_of::<Slot>()
    }
}

/// `to.copy_from_slice(from)` for [`Interner::write_joined`]'s long strings, out of line: inline,
/// the compiler merged it with the fixed sixteen-byte copy into one call to `memcpy` of either
/// length.
#[cold]
#[inline(never)]
fn copy_apart(to: &mut [u8], from: &[u8]) {
    to.copy_from_slice(from);
}

/// Whether two keys are the same bytes. Keys are mostly words shorter than sixteen bytes:
/// those are compared a word at a time, without the call to `memcmp` that `==` makes (which
/// cost the interner a fifth of its time: callgrind, IndoSum train). Eight to sixteen bytes
/// are two words that may overlap: the first eight bytes and the last eight.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0..8 => tail_word(a) == tail_word(b),
        8..=16 => word_at(a) == word_at(b) && word_at(&a[n - 8..]) == word_at(&b[n - 8..]),
        _ => a == b,
    }
}

/// What a [`Slot`] keeps of its string's bytes: for a string shorter than eight bytes, all of
/// them, zero-padded, with the length in bits 59 to 61 (as the last block of its hash has it),
/// so that two such strings are equal exactly when their heads are; for a longer one, its
/// first eight bytes with the top bit set, which no shorter string's head has.
#[inline]
fn head(bytes: &[u8]) -> u64 {
    if bytes.len() < 8 {
        tail_word(bytes) ^ ((bytes.len() as u64) << 59)
    } else {
        word_at(bytes) | 1 << 63
    }
}

/// The first eight bytes of `bytes` as one word (`util::bytes8::load`, which the build script
/// that shares this file cannot see).
fn word_at(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
}

/// The [`FastHasher`] hash of some bytes: what [`Interner`] places them by.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Asks the processor to bring the cache line of `at` in, ahead of its use: a hint, which
/// changes no result (`safe_arch` wraps the instruction; elsewhere than x86-64 it does
/// nothing).
#[inline(always)]
pub fn prefetch<T>(at: &T) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
    safe_arch::prefetch_t0(at);
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
    let _ = at;
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
    fn interner_peek_names_the_home_slot_id_of_a_key_only() {
        let mut interner = Interner::default();
        // Words of 3 to 14 letters from a fixed pseudo-random sequence.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut letter = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut words: Vec<String> = (0..5000)
            .map(|_| {
                let len = 3 + (letter() % 12) as usize;
                (0..len)
                    .map(|_| char::from(b'a' + (letter() % 26) as u8))
                    .collect()
            })
            .collect();
        words.sort();
        words.dedup();
        let short: Vec<String> = (0..200).map(|i| format!("k{i}")).collect();
        for w in words.iter().chain(&short) {
            interner.intern(w);
        }
        let mut found = 0;
        for w in words.iter().chain(&short) {
            let id = interner.intern(w);
            // None: displaced from its home slot by another key.
            if let Some(peeked) = interner.peek(HashedKey::of(w.as_bytes())) {
                assert_eq!(peeked, id, "{w}");
                found += 1;
            }
        }
        // Most keys are where they hash to: the table is at most half full.
        assert!(found * 10 > (words.len() + short.len()) * 7, "{found}");
        for absent in ["k200", "lain", "kata-kata-kata", "zzzzzzzzzzzzzzzz"] {
            assert_eq!(interner.peek(HashedKey::of(absent.as_bytes())), None);
        }
        assert_eq!(Interner::default().peek(HashedKey::of(b"apa")), None);
    }

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
    fn hash_key_hasher_by_blocks_agrees_with_hashed_key_of() {
        let key: Vec<u8> = (0..40u8).map(|k| b'a' + k % 26).collect();
        for n in 0..key.len() {
            let bytes = &key[..n];
            let mut hasher = KeyHasher::default();
            let mut blocks = bytes.chunks_exact(8);
            for block in &mut blocks {
                hasher.block(word_at(block));
            }
            let rest = blocks.remainder();
            let key = hasher.finish(tail_word(rest), rest.len());
            assert_eq!(key, HashedKey::of(bytes), "{n}");
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
        assert_eq!(interner.get(1002), "");
    }

    #[test]
    fn hash_interner_writes_strings_joined() {
        let mut interner = Interner::default();
        let words = [
            "harga",
            "",
            "kata-kata-kata-kata",
            "\u{e9}konomi",
            "beras",
            "a",
        ];
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        // Some near the end of the table, where a fixed copy would run past it.
        let order = [ids[5], ids[2], ids[0], ids[1], ids[3], ids[0], ids[4]];
        let (joined, ends) = interner.write_joined(&order);
        let mut start = 0;
        for (&id, &end) in order.iter().zip(&ends) {
            assert_eq!(&joined[start..end], interner.get(id));
            start = end;
        }
        assert_eq!(start, joined.len());
    }

    #[test]
    fn hash_interner_tells_apart_keys_that_run_together() {
        // The strings lie end to end: neighbours must not read as each other.
        // "abc\0\0\0\0\x18…" begins with the head of "abc": a long key must not read as it.
        let keys = [
            "ab",
            "c",
            "a",
            "bc",
            "abc",
            "",
            "\0",
            "a\0",
            "abc\0\0\0\0\x18",
            "abc\0\0\0\0\x18x",
            "ab",
            "abc",
        ];
        let mut interner = Interner::default();
        let ids: Vec<u32> = keys.iter().map(|k| interner.intern(k)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 4]);
        for (k, &id) in keys.iter().zip(&ids) {
            assert_eq!(interner.get(id), *k);
        }
    }

    #[test]
    fn hash_same_bytes_agrees_with_eq() {
        let keys: Vec<Vec<u8>> = (0..40)
            .map(|n| (0..n).map(|k| b'a' + (k % 7) as u8).collect())
            .collect();
        for a in &keys {
            for b in &keys {
                assert_eq!(same_bytes(a, b), a == b);
                for at in 0..b.len() {
                    let mut c = b.clone();
                    c[at] ^= 1;
                    assert_eq!(same_bytes(a, &c), *a == c, "{a:?} {c:?}");
                }
            }
        }
    }
}
