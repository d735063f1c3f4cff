//! The fast path of phrase grouping: each occurrence of a longer phrase packed with its
//! position into one 64-bit integer, so the sort moves a quarter of the bytes that (phrase,
//! position) pairs take. Documents whose vocabulary and length do not fit the packing sort
//! pairs instead: the plain path, tested against the packed one.

use super::phrases::{MAX_PHRASE_WORDS, Phrase, Phrases};

/// Bits of a phrase's length in a packed occurrence (longer phrases have 2 or 3 words).
const LEN_BITS: u32 = 2;

/// How a document's occurrences pack into 64 bits: its three term ids, the phrase's length and
/// the position, from the top down, each in as few bits as the document needs. A news article
/// (a few thousand ids and terms) takes some 45 bits.
#[derive(Debug, Clone, Copy)]
struct Layout {
    id_bits: u32,
    position_bits: u32,
}

impl Layout {
    /// The layout for term ids below `ids` and positions below `terms`, if 64 bits hold it.
    fn new(ids: usize, terms: usize) -> Option<Layout> {
        let bits = |n: usize| usize::BITS - n.saturating_sub(1).leading_zeros();
        let layout = Layout {
            id_bits: bits(ids),
            position_bits: bits(terms),
        };
        let total = MAX_PHRASE_WORDS as u32 * layout.id_bits + LEN_BITS + layout.position_bits;
        (total <= u64::BITS).then_some(layout)
    }

    /// The phrase and position as one integer that sorts as the pair does.
    #[inline]
    fn pack(self, phrase: &Phrase, position: usize) -> u64 {
        debug_assert!(
            phrase
                .ids
                .iter()
                .all(|&id| u64::from(id) >> self.id_bits == 0)
        );
        debug_assert!((position as u64) >> self.position_bits == 0);
        let mut packed = 0;
        for &id in &phrase.ids {
            packed = packed << self.id_bits | u64::from(id);
        }
        (packed << LEN_BITS | u64::from(phrase.len)) << self.position_bits | position as u64
    }

    /// The pair [`Layout::pack`] packed.
    fn unpack(self, packed: u64) -> (Phrase, usize) {
        let mask = |bits: u32| (1u64 << bits) - 1;
        let position = self.position(packed);
        let mut rest = packed >> self.position_bits;
        let len = (rest & mask(LEN_BITS)) as u8;
        rest >>= LEN_BITS;
        let mut ids = [0; MAX_PHRASE_WORDS];
        for id in ids.iter_mut().rev() {
            *id = (rest & mask(self.id_bits)) as u32;
            rest >>= self.id_bits;
        }
        (Phrase { ids, len }, position)
    }

    /// The position of a packed occurrence.
    #[inline]
    fn position(self, packed: u64) -> usize {
        (packed & ((1u64 << self.position_bits) - 1)) as usize
    }

    /// Whether two packed occurrences are of the same phrase.
    fn same_phrase(self, x: u64, y: u64) -> bool {
        x >> self.position_bits == y >> self.position_bits
    }
}

/// Each occurrence of a longer phrase, sorted so that they group by phrase in `Phrase` order,
/// positions ascending, at the cost of integer comparisons: packed in 64 bits ([`Layout`]) when
/// the document allows, else as (phrase as one integer, position).
pub(super) struct Found {
    /// How occurrences are packed in `keys`; `None` when they are kept in `pairs`.
    layout: Option<Layout>,
    keys: Vec<u64>,
    pairs: Vec<(u128, usize)>,
}

impl Found {
    /// For a document of `terms` terms, with ids below `ids`: room for every phrase of two or
    /// more words.
    pub(super) fn new(ids: usize, terms: usize) -> Self {
        Found::with_capacity(ids, terms, terms * (MAX_PHRASE_WORDS - 1))
    }

    /// For a document of `terms` terms, with ids below `ids`, with room for `capacity`
    /// occurrences.
    pub(super) fn with_capacity(ids: usize, terms: usize, capacity: usize) -> Self {
        let mut found = Found {
            layout: Layout::new(ids, terms),
            keys: Vec::new(),
            pairs: Vec::new(),
        };
        if found.layout.is_some() {
            found.keys.reserve(capacity);
        } else {
            found.pairs.reserve(capacity);
        }
        found
    }

    /// Adds an occurrence of `phrase` starting at term `start`.
    #[inline]
    pub(super) fn push(&mut self, phrase: &Phrase, start: usize) {
        match self.layout {
            Some(layout) => self.keys.push(layout.pack(phrase, start)),
            None => self.pairs.push((phrase.key(), start)),
        }
    }

    /// How many occurrences there are.
    pub(super) fn len(&self) -> usize {
        self.keys.len().max(self.pairs.len())
    }

    /// Sorts the occurrences and adds those of each phrase that occurs twice or more to
    /// `phrases`, in phrase order, then position order.
    pub(super) fn group_into(self, phrases: &mut Phrases) {
        self.sort_runs_into(2, phrases);
    }

    /// Sorts the occurrences and adds all of them to `phrases`, in phrase order, then position
    /// order.
    pub(super) fn sort_into(self, phrases: &mut Phrases) {
        self.sort_runs_into(1, phrases);
    }

    /// Sorts the occurrences and adds those of each phrase that occurs at least `min` times.
    fn sort_runs_into(self, min: usize, phrases: &mut Phrases) {
        match self.layout {
            Some(layout) => group_packed(layout, self.keys, min, phrases),
            None => group_pairs(self.pairs, min, phrases),
        }
    }
}

/// The fast path of [`Found::sort_runs_into`].
fn group_packed(layout: Layout, mut keys: Vec<u64>, min: usize, phrases: &mut Phrases) {
    keys.sort_unstable();
    for run in keys.chunk_by(|&x, &y| layout.same_phrase(x, y)) {
        if run.len() >= min {
            let (phrase, _) = layout.unpack(run[0]);
            phrases.push_run(phrase, run.iter().map(|&k| layout.position(k)));
        }
    }
}

/// The plain path of [`Found::sort_runs_into`], for documents too large to pack.
fn group_pairs(mut found: Vec<(u128, usize)>, min: usize, phrases: &mut Phrases) {
    found.sort_unstable();
    for run in found.chunk_by(|x, y| x.0 == y.0) {
        if run.len() >= min {
            phrases.push_run(Phrase::from_key(run[0].0), run.iter().map(|&(_, at)| at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(ids: [u32; 3], len: u8) -> Phrase {
        Phrase { ids, len }
    }

    #[test]
    fn keywords_packed_occurrences_sort_as_pairs() {
        let layout = Layout::new(1 << 12, 1 << 20).expect("56 bits fit");
        let max = (1 << 12) - 1;
        let mut pairs = vec![
            (phrase([5, 0, 0], 2), 7),
            (phrase([5, 0, 0], 1), 9),
            (phrase([5, 0, 0], 1), 3),
            (phrase([4, 9, 9], 3), (1 << 20) - 1),
            (phrase([max, 1, 2], 3), 0),
            (phrase([max, max, max], 3), 5),
        ];
        let mut packed: Vec<u64> = pairs.iter().map(|(p, at)| layout.pack(p, *at)).collect();
        pairs.sort_unstable();
        packed.sort_unstable();
        let back: Vec<(Phrase, usize)> = packed.into_iter().map(|k| layout.unpack(k)).collect();
        assert_eq!(back, pairs);
    }

    #[test]
    fn keywords_layout_fits_64_bits_or_none() {
        assert!(Layout::new(1 << 20, 1 << 2).is_some());
        assert!(Layout::new((1 << 20) + 1, 1 << 2).is_none());
        assert!(Layout::new(1 << 10, 1 << 33).is_none());
        assert!(Layout::new(0, 0).is_some());
    }

    #[test]
    fn keywords_packed_grouping_matches_the_plain_one() {
        let pairs: Vec<(Phrase, usize)> = (0..500u32)
            .map(|i| {
                let len = 2 + (i % 2) as u8;
                let third = if len == 3 { i % 3 } else { 0 };
                (
                    phrase([i * 7 % 11, 1000 - i % 5, third], len),
                    (i * 7919 % 1000) as usize,
                )
            })
            .collect();
        let layout = Layout::new(1001, 1000).expect("fits");
        for min in [1, 2] {
            let (mut fast, mut plain) = (Phrases::default(), Phrases::default());
            let packed = pairs.iter().map(|(p, at)| layout.pack(p, *at)).collect();
            group_packed(layout, packed, min, &mut fast);
            let keyed = pairs.iter().map(|(p, at)| (p.key(), *at)).collect();
            group_pairs(keyed, min, &mut plain);
            assert!(!plain.phrases.is_empty());
            assert_eq!(fast.phrases, plain.phrases);
            assert_eq!(fast.starts, plain.starts);
        }
    }
}
