//! The fast path of phrase grouping: each occurrence of a longer phrase packed with its
//! position into one integer, so the sort moves half the bytes. Documents too long for the
//! packing sort (phrase, position) pairs instead: the plain path, tested against the packed one.

use super::phrases::{MAX_PHRASE_WORDS, Phrases};

/// Documents with fewer terms than this sort their phrase occurrences as single integers.
const PACKED_POSITIONS: usize = 1 << 30;

/// A phrase key (ids, then the length in the low 32 bits) and a position below
/// `PACKED_POSITIONS` in one integer that sorts as the pair does: the length moves to the top
/// two bits of the low word, the position fills the rest.
fn pack(key: u128, position: usize) -> u128 {
    let len = key as u32;
    (key >> 32 << 32) | u128::from(len << 30) | position as u128
}

/// The pair [`pack`] packed.
fn unpack(packed: u128) -> (u128, usize) {
    let low = packed as u32;
    (
        (packed >> 32 << 32) | u128::from(low >> 30),
        (low & ((1 << 30) - 1)) as usize,
    )
}

/// Each occurrence of a longer phrase as (phrase as one integer, position): sorted, they group
/// by phrase in `Phrase` order, positions ascending, at the cost of integer comparisons. Below
/// `PACKED_POSITIONS` terms the position rides in the phrase key's spare bits, so the sort
/// moves half the bytes.
pub(super) struct Found {
    packed: bool,
    /// Packed occurrences, when `packed`.
    keys: Vec<u128>,
    /// (phrase key, position) pairs, when not `packed`.
    pairs: Vec<(u128, usize)>,
}

impl Found {
    /// For a document of `terms` terms: room for every phrase of two or more words.
    pub(super) fn new(terms: usize) -> Self {
        Found::with_capacity(terms, terms * (MAX_PHRASE_WORDS - 1))
    }

    /// For a document of `terms` terms, with room for `capacity` occurrences.
    pub(super) fn with_capacity(terms: usize, capacity: usize) -> Self {
        let mut found = Found {
            packed: terms < PACKED_POSITIONS,
            keys: Vec::new(),
            pairs: Vec::new(),
        };
        if found.packed {
            found.keys.reserve(capacity);
        } else {
            found.pairs.reserve(capacity);
        }
        found
    }

    /// Adds an occurrence of the phrase `key` starting at term `start`.
    #[inline]
    pub(super) fn push(&mut self, key: u128, start: usize) {
        if self.packed {
            self.keys.push(pack(key, start));
        } else {
            self.pairs.push((key, start));
        }
    }

    /// How many occurrences there are.
    pub(super) fn len(&self) -> usize {
        self.keys.len().max(self.pairs.len())
    }

    /// Sorts the occurrences and adds those of each phrase that occurs twice or more to
    /// `phrases`, in phrase order, then position order.
    pub(super) fn group_into(self, phrases: &mut Phrases) {
        if self.packed {
            group_packed(self.keys, phrases);
        } else {
            group_pairs(self.pairs, phrases);
        }
    }

    /// Sorts the occurrences and adds all of them to `phrases`, in phrase order, then position
    /// order.
    pub(super) fn sort_into(self, phrases: &mut Phrases) {
        if self.packed {
            let mut keys = self.keys;
            keys.sort_unstable();
            for packed in keys {
                let (key, start) = unpack(packed);
                phrases.push(key, start);
            }
        } else {
            let mut pairs = self.pairs;
            pairs.sort_unstable();
            for (key, start) in pairs {
                phrases.push(key, start);
            }
        }
    }
}

/// The fast path of [`Found::group_into`].
fn group_packed(mut keys: Vec<u128>, phrases: &mut Phrases) {
    // A phrase that occurs once is never listed: only runs of two or more are kept.
    keys.sort_unstable();
    for run in keys.chunk_by(|x, y| x >> 30 == y >> 30) {
        if run.len() > 1 {
            for &packed in run {
                let (key, start) = unpack(packed);
                phrases.push(key, start);
            }
        }
    }
}

/// The plain path of [`Found::group_into`], for documents too long to pack.
fn group_pairs(mut found: Vec<(u128, usize)>, phrases: &mut Phrases) {
    found.sort_unstable();
    for run in found.chunk_by(|x, y| x.0 == y.0) {
        if run.len() > 1 {
            for &(key, start) in run {
                phrases.push(key, start);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords::phrases::Phrase;

    #[test]
    fn keywords_packed_occurrences_sort_as_pairs() {
        let key = |ids: [u32; 3], len: u8| Phrase { ids, len }.key();
        let mut pairs = vec![
            (key([5, 0, 0], 2), 7),
            (key([5, 0, 0], 1), 9),
            (key([5, 0, 0], 1), 3),
            (key([4, 9, 9], 3), (1 << 30) - 1),
            (key([u32::MAX, 1, 2], 3), 0),
        ];
        let mut packed: Vec<u128> = pairs.iter().map(|&(k, p)| pack(k, p)).collect();
        pairs.sort_unstable();
        packed.sort_unstable();
        assert_eq!(packed.into_iter().map(unpack).collect::<Vec<_>>(), pairs);
    }

    #[test]
    fn keywords_packed_grouping_matches_the_plain_one() {
        let key = |ids: [u32; 3], len: u8| Phrase { ids, len }.key();
        let pairs: Vec<(u128, usize)> = (0..500u32)
            .map(|i| {
                let len = 2 + (i % 2) as u8;
                let third = if len == 3 { i % 3 } else { 0 };
                (
                    key([i * 7 % 11, u32::MAX - i % 5, third], len),
                    (i * 7919 % 1000) as usize,
                )
            })
            .collect();
        let (mut fast, mut plain) = (Phrases::default(), Phrases::default());
        group_packed(pairs.iter().map(|&(k, p)| pack(k, p)).collect(), &mut fast);
        group_pairs(pairs, &mut plain);
        assert!(!plain.phrases.is_empty());
        assert_eq!(fast.phrases, plain.phrases);
        assert_eq!(fast.starts, plain.starts);
    }
}
