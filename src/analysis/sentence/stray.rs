//! Stray full stops: "bisa datang kapan. Saja dan dari mana saja", "berinvestasi untuk.
//! Platform". Scraped and hand-typed text drops a full stop inside a sentence and the next
//! word is capitalised after it; the stop does not end a sentence when the words on either
//! side show that neither half can stand alone: the word before is one that never ends an
//! Indonesian sentence (a preposition, a conjunction, an article), or the word after is one
//! that never opens one (a particle such as "saja", a copula such as "merupakan").

/// Words that never end a sentence: prepositions, conjunctions, articles, auxiliaries that
/// need a verb after them.
fn never_last(word: &[u8]) -> bool {
    matches!(
        word,
        b"yang"
            | b"di"
            | b"ke"
            | b"dari"
            | b"untuk"
            | b"dan"
            | b"atau"
            | b"karena"
            | b"akan"
            | b"telah"
            | b"sedang"
            | b"ingin"
            | b"mengenai"
            | b"tentang"
            | b"dengan"
            | b"kepada"
            | b"pada"
            | b"oleh"
            | b"bahwa"
            | b"para"
            | b"sang"
            | b"si"
            | b"sebuah"
            | b"seorang"
            | b"seperti"
            | b"yaitu"
            | b"yakni"
            | b"agar"
            | b"supaya"
            | b"bagi"
            | b"terhadap"
            | b"sehingga"
            | b"namun"
            | b"tetapi"
            | b"melainkan"
            | b"maupun"
            | b"ialah"
            | b"adalah"
            | b"merupakan"
            | b"apabila"
            | b"jika"
            | b"ketika"
            | b"sebagai"
            | b"hingga"
            | b"menuju"
    )
}

/// Words that never open a sentence: particles and words that join a clause to what comes
/// before it.
/// ("Yang pasti, ...", "Adalah ...", "Pun demikian, ..." and "Kepada ..." do open sentences.)
fn never_first(word: &[u8]) -> bool {
    matches!(
        word,
        b"saja"
            | b"lah"
            | b"kah"
            | b"nya"
            | b"ialah"
            | b"merupakan"
            | b"maupun"
            | b"melainkan"
            | b"daripada"
    )
}

/// Whether a full stop between `before` and `after` (the words on either side, without
/// quotes or brackets) is a stray one inside a sentence.
pub(super) fn is_stray_stop(before: &str, after: &str) -> bool {
    let listed = |list: fn(&[u8]) -> bool, w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // The lists are ASCII and short: a word with other letters, or longer than any of
        // them, is in neither. The rest is lowercased on the stack and matched, which the
        // compiler turns into a switch on the length and a few integer comparisons
        // (callgrind, IndoSum train: 537 instructions a call with a comparison per word,
        // 477 with a hash set).
        let mut buffer = [0u8; 16];
        let Some(head) = buffer.get_mut(..w.len()) else {
            return false;
        };
        head.copy_from_slice(w.as_bytes());
        head.make_ascii_lowercase();
        list(head)
    };
    listed(never_last, before) || listed(never_first, after)
}

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
