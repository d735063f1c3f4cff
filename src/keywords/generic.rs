//! Generic words of news ("tahun", "kembali", "kasus"): found in many articles, almost never in
//! a headline or human summary. Listed in `data/generic-id.txt`, fitted on IndoSum train by
//! `scripts/fit_generic.py`; such a word is a keyword only when nothing better is left.

use std::sync::LazyLock;

/// The embedded list; its header says how it was made.
const LIST: &str = include_str!("../../data/generic-id.txt");

/// Longest listed word, in bytes, that is looked up.
const LONGEST: usize = 32;

/// Number of lower-case ASCII letters, the first bytes of the listed words.
const LETTERS: usize = 26;

/// The listed words (lower-case ASCII) by length and first letter: a word is compared with the
/// few of its bucket, in place, rather than lowered into a buffer and hashed.
static WORDS: LazyLock<Vec<Vec<&'static [u8]>>> = LazyLock::new(|| {
    let mut buckets = vec![Vec::new(); (LONGEST + 1) * LETTERS];
    for w in listed().map(str::as_bytes) {
        if let Some(bucket) = bucket(w) {
            buckets[bucket].push(w);
        }
    }
    buckets
});

/// The words of [`LIST`].
fn listed() -> impl Iterator<Item = &'static str> {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The bucket of [`WORDS`] a word of any case falls in, if any.
fn bucket(word: &[u8]) -> Option<usize> {
    let first = word.first()?.to_ascii_lowercase();
    (word.len() <= LONGEST && first.is_ascii_lowercase())
        .then(|| word.len() * LETTERS + usize::from(first - b'a'))
}

/// Whether `word`, in any case, is a generic word of news. A binary search of the sorted list
/// cost some 500 instructions a word (memcmp calls), a hash lookup of the lowered word a fifth
/// of that; most words' buckets hold none or one or two words.
pub(super) fn is_generic(word: &[u8]) -> bool {
    // The listed words are lower-case ASCII: a word with other bytes matches none of them.
    bucket(word).is_some_and(|b| WORDS[b].iter().any(|w| w.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_generic_words_in_any_case() {
        assert!(is_generic(b"tahun"));
        assert!(is_generic(b"Tahun"));
        assert!(is_generic(b"TAHUN"));
        assert!(!is_generic(b"banjir"));
        assert!(!is_generic(b"keamanan"));
        assert!(!is_generic(b"tahunan"));
        assert!(!is_generic(b""));
    }

    #[test]
    fn keywords_generic_list_is_bucketed_whole() {
        // Every listed word is lower-case ASCII (so a case-blind comparison is the lowered
        // one) and lands in a bucket, where it is found.
        let listed: Vec<&str> = listed().collect();
        assert!(!listed.is_empty());
        for &w in &listed {
            assert!(
                w.bytes()
                    .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic())
                    && w.is_ascii(),
                "{w}"
            );
            assert!(is_generic(w.as_bytes()), "{w}");
        }
        assert_eq!(WORDS.iter().map(Vec::len).sum::<usize>(), listed.len());
    }
}
