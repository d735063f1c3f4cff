//! Stray full stops: "bisa datang kapan. Saja dan dari mana saja", "berinvestasi untuk.
//! Platform". Scraped and hand-typed text drops a full stop inside a sentence and the next
//! word is capitalised after it; the stop does not end a sentence when the words on either
//! side show that neither half can stand alone: the word before is one that never ends an
//! Indonesian sentence (a preposition, a conjunction, an article), or the word after is one
//! that never opens one (a particle such as "saja", a copula such as "merupakan").

use std::sync::LazyLock;

use crate::util::hash::FastSet;

/// Words that never end a sentence: prepositions, conjunctions, articles, auxiliaries that
/// need a verb after them.
const NEVER_LAST: &[&str] = &[
    "yang",
    "di",
    "ke",
    "dari",
    "untuk",
    "dan",
    "atau",
    "karena",
    "akan",
    "telah",
    "sedang",
    "ingin",
    "mengenai",
    "tentang",
    "dengan",
    "kepada",
    "pada",
    "oleh",
    "bahwa",
    "para",
    "sang",
    "si",
    "sebuah",
    "seorang",
    "seperti",
    "yaitu",
    "yakni",
    "agar",
    "supaya",
    "bagi",
    "terhadap",
    "sehingga",
    "namun",
    "tetapi",
    "melainkan",
    "maupun",
    "ialah",
    "adalah",
    "merupakan",
    "apabila",
    "jika",
    "ketika",
    "sebagai",
    "hingga",
    "menuju",
];

/// Words that never open a sentence: particles and words that join a clause to what comes
/// before it.
/// ("Yang pasti, ...", "Adalah ...", "Pun demikian, ..." and "Kepada ..." do open sentences.)
const NEVER_FIRST: &[&str] = &[
    "saja",
    "lah",
    "kah",
    "nya",
    "ialah",
    "merupakan",
    "maupun",
    "melainkan",
    "daripada",
];

/// Whether a full stop between `before` and `after` (the words on either side, without
/// quotes or brackets) is a stray one inside a sentence.
pub(super) fn is_stray_stop(before: &str, after: &str) -> bool {
    let listed = |list: &FastSet<&[u8]>, w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // The lists are ASCII and short: a word with other letters, or longer than any of
        // them, is in neither. The rest is lowercased on the stack and looked up, not
        // compared with each of the 54 words (callgrind, IndoSum train: 537 instructions a
        // call before).
        let mut buffer = [0u8; 16];
        let Some(head) = buffer.get_mut(..w.len()) else {
            return false;
        };
        head.copy_from_slice(w.as_bytes());
        head.make_ascii_lowercase();
        list.contains(&*head)
    };
    listed(&NEVER_LAST_SET, before) || listed(&NEVER_FIRST_SET, after)
}

/// [`NEVER_LAST`] and [`NEVER_FIRST`] as sets.
static NEVER_LAST_SET: LazyLock<FastSet<&[u8]>> =
    LazyLock::new(|| NEVER_LAST.iter().map(|w| w.as_bytes()).collect());
static NEVER_FIRST_SET: LazyLock<FastSet<&[u8]>> =
    LazyLock::new(|| NEVER_FIRST.iter().map(|w| w.as_bytes()).collect());

#[cfg(test)]
mod tests {
    use super::is_stray_stop;

    #[test]
    fn stray_stop_needs_a_word_that_cannot_end_or_open_a_sentence() {
        assert!(is_stray_stop("kapan", "Saja"));
        assert!(is_stray_stop("untuk", "Platform,"));
        assert!(is_stray_stop("yang", "Melenceng"));
        assert!(!is_stray_stop("pasti", "Yang"));
        assert!(!is_stray_stop("pasar", "Harga"));
        assert!(!is_stray_stop("kemarin", "Presiden"));
        assert!(is_stray_stop("(Untuk)", "x") && is_stray_stop("x", "MERUPAKAN."));
        assert!(!is_stray_stop("untukmu", "x") && !is_stray_stop("\u{fc}ntuk", "x"));
        assert!(!is_stray_stop(&"untuk".repeat(5), "x"));
    }
}
