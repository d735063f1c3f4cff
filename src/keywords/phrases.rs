//! Candidate phrases: every run of one to three content words that no punctuation or stopword
//! splits, with where it occurs. Single words come from a counting sort on their ids; longer
//! phrases that occur twice or more from one sorted vector (see `pack` for the sort).

use crate::analysis::analyzer::{Analysis, Sentence};

use super::pack::Found;

/// Longest key phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 3;

/// A phrase: up to three term ids, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Phrase {
    pub(super) ids: [u32; MAX_PHRASE_WORDS],
    pub(super) len: u8,
}

impl Phrase {
    pub(super) fn ids(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }

    /// The phrase as one integer that sorts as the phrase does.
    pub(super) fn key(&self) -> u128 {
        u128::from(self.ids[0]) << 96
            | u128::from(self.ids[1]) << 64
            | u128::from(self.ids[2]) << 32
            | u128::from(self.len)
    }

    pub(super) fn from_key(key: u128) -> Phrase {
        Phrase {
            ids: [(key >> 96) as u32, (key >> 64) as u32, (key >> 32) as u32],
            len: key as u8,
        }
    }
}

/// Where one phrase occurs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrences<'p> {
    /// Index in `Analysis::terms` of the first word of each occurrence, in text order.
    pub(super) starts: &'p [usize],
}

/// Every phrase of a document and where it occurs. Single words are grouped by id with a
/// counting sort; longer phrases are sorted by phrase, in one vector sorted once rather than
/// a hash map holding a vector per phrase.
#[derive(Debug, Default)]
pub(super) struct Phrases {
    /// Where each word's occurrences begin in `word_starts`, by id; one more entry at the end.
    pub(super) word_offsets: Vec<usize>,
    /// The occurrences of every content word, grouped by id, in text order within a word.
    pub(super) word_starts: Vec<usize>,
    /// Each phrase of two or more words that occurs at least twice, and the end of its run in
    /// `starts`.
    pub(super) phrases: Vec<(Phrase, usize)>,
    pub(super) starts: Vec<usize>,
}

impl Phrases {
    /// The single words, by id, that occur as content words.
    pub(super) fn words(&self) -> impl Iterator<Item = (u32, Occurrences<'_>)> {
        self.word_offsets
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[0] < w[1])
            .map(|(id, w)| {
                (
                    id as u32,
                    Occurrences {
                        starts: &self.word_starts[w[0]..w[1]],
                    },
                )
            })
    }

    /// The phrases of two or more words that occur at least twice.
    pub(super) fn longer(&self) -> impl Iterator<Item = (&Phrase, Occurrences<'_>)> {
        self.phrases.iter().enumerate().map(|(k, (phrase, end))| {
            let start = if k == 0 { 0 } else { self.phrases[k - 1].1 };
            (
                phrase,
                Occurrences {
                    starts: &self.starts[start..*end],
                },
            )
        })
    }

    /// Adds the occurrences `starts` (ascending) of a longer phrase that sorts after those
    /// added before.
    #[inline]
    pub(super) fn push_run(&mut self, phrase: Phrase, starts: impl Iterator<Item = usize>) {
        debug_assert!(self.phrases.last().is_none_or(|(last, _)| *last < phrase));
        self.starts.extend(starts);
        self.phrases.push((phrase, self.starts.len()));
    }

    /// Where a longer phrase occurs, if it is one of these.
    pub(super) fn find(&self, phrase: &Phrase) -> Option<Occurrences<'_>> {
        let k = self.phrases.binary_search_by(|(p, _)| p.cmp(phrase)).ok()?;
        let start = if k == 0 { 0 } else { self.phrases[k - 1].1 };
        Some(Occurrences {
            starts: &self.starts[start..self.phrases[k].1],
        })
    }

    pub(super) fn get(&self, phrase: &Phrase) -> Occurrences<'_> {
        if phrase.len == 1 {
            let id = phrase.ids[0] as usize;
            return Occurrences {
                starts: &self.word_starts[self.word_offsets[id]..self.word_offsets[id + 1]],
            };
        }
        let k = self
            .phrases
            .binary_search_by(|(p, _)| p.cmp(phrase))
            .expect("only phrases of the document are looked up");
        let start = if k == 0 { 0 } else { self.phrases[k - 1].1 };
        Occurrences {
            starts: &self.starts[start..self.phrases[k].1],
        }
    }
}

/// Every phrase of 1..=3 consecutive content words that no punctuation or stopword splits,
/// leaving out longer phrases that occur once. `tf` holds the content-word counts by id.
pub(super) fn collect(a: &Analysis, tf: &[u32]) -> Phrases {
    // Single words by a counting sort on their ids: their counts are known already.
    let word_offsets = word_offsets(tf);
    let mut words = WordSlots {
        next: word_offsets.clone(),
        starts: vec![0; word_offsets[tf.len()]],
    };
    let mut found = Found::new(a.vocab.len(), a.terms.len());
    for s in &a.sentences {
        scan_sentence(a, s, tf, &mut words, &mut found);
    }
    let occurrences = found.len();
    let mut phrases = Phrases {
        word_offsets,
        word_starts: words.starts,
        phrases: Vec::with_capacity(occurrences),
        starts: Vec::with_capacity(occurrences),
    };
    found.group_into(&mut phrases);
    phrases
}

/// Where each word's occurrences begin, by id, from the counts `tf`; one more entry at the end
/// (the total).
fn word_offsets(tf: &[u32]) -> Vec<usize> {
    let mut word_offsets = Vec::with_capacity(tf.len() + 1);
    let mut total = 0;
    word_offsets.push(0);
    for &n in tf {
        total += n as usize;
        word_offsets.push(total);
    }
    word_offsets
}

/// The counting sort of single words being filled: the next free slot of each id in `starts`.
struct WordSlots {
    next: Vec<usize>,
    starts: Vec<usize>,
}

/// Records the content words of sentence `s` and the longer phrases ending at each of them.
fn scan_sentence(a: &Analysis, s: &Sentence, tf: &[u32], words: &mut WordSlots, found: &mut Found) {
    let mut run_start = s.terms.start;
    // A longer phrase occurs no more often than each of its words (they are distinct), and
    // one that occurs once is never listed: phrases start after the last word seen once.
    let mut after_single = s.terms.start;
    for j in s.terms.clone() {
        let t = &a.terms[j];
        if !t.content {
            run_start = j + 1;
            continue;
        }
        if t.boundary_before {
            run_start = j;
        }
        if tf[t.id as usize] < 2 {
            after_single = j + 1;
        }
        let slot = &mut words.next[t.id as usize];
        words.starts[*slot] = j;
        *slot += 1;
        let from = run_start.max(after_single);
        if j <= from {
            continue;
        }
        phrases_ending_at(a, from, j, found);
    }
}

/// Records the phrases of two or more distinct words that end at term `j` and start no
/// earlier than `from`.
#[inline]
fn phrases_ending_at(a: &Analysis, from: usize, j: usize, found: &mut Found) {
    for n in 2..=MAX_PHRASE_WORDS.min(j + 1 - from) {
        let first = j + 1 - n;
        let mut phrase = Phrase {
            ids: [0; MAX_PHRASE_WORDS],
            len: n as u8,
        };
        for (slot, term) in phrase.ids.iter_mut().zip(&a.terms[first..=j]) {
            *slot = term.id;
        }
        let ids = phrase.ids();
        if (1..ids.len()).any(|x| ids[..x].contains(&ids[x])) {
            continue;
        }
        found.push(&phrase, first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_phrase_keys_sort_as_phrases() {
        let p = |ids: &[u32]| {
            let mut phrase = Phrase {
                ids: [0; MAX_PHRASE_WORDS],
                len: ids.len() as u8,
            };
            phrase.ids[..ids.len()].copy_from_slice(ids);
            phrase
        };
        let mut phrases = [
            p(&[2]),
            p(&[1, 7]),
            p(&[1]),
            p(&[1, 0, 3]),
            p(&[u32::MAX, 1]),
        ];
        let mut keys: Vec<u128> = phrases.iter().map(Phrase::key).collect();
        phrases.sort();
        keys.sort();
        let back: Vec<Phrase> = keys.into_iter().map(Phrase::from_key).collect();
        assert_eq!(back, phrases);
    }
}
