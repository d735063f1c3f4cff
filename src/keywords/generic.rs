//! Generic words of news ("tahun", "kembali", "kasus"): found in many articles, almost never in
//! a headline or human summary. Listed in `data/generic-id.txt`, fitted on IndoSum train by
//! `scripts/fit_generic.py`; such a word is a keyword only when nothing better is left.

use std::sync::LazyLock;

use crate::util::hash::FastSet;

/// The embedded list; its header says how it was made.
const LIST: &str = include_str!("../../data/generic-id.txt");

/// Longest listed word, in bytes, that is looked up.
const LONGEST: usize = 32;

static WORDS: LazyLock<FastSet<&'static [u8]>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::as_bytes)
        .collect()
});

/// Whether `word`, in any case, is a generic word of news. Looked up by hash: a binary search
/// of the sorted list cost some 500 instructions a word (memcmp calls).
pub(super) fn is_generic(word: &str) -> bool {
    if word.len() > LONGEST || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    WORDS.contains(&*lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_generic_words_in_any_case() {
        assert!(is_generic("tahun"));
        assert!(is_generic("Tahun"));
        assert!(!is_generic("banjir"));
        assert!(!is_generic("keamanan"));
        assert!(!is_generic(""));
        assert!(WORDS.iter().all(|w| w.len() <= LONGEST));
    }
}
