//! Lowercasing and letter checks, with their fast paths. Most words are ASCII: these skip the
//! Unicode tables for them, and [`ascii_lowercase_key`] reads eight bytes at a time. Each fast
//! path is tested against the plain version it stands for.

use std::borrow::Cow;

use crate::util::hash::{HashedKey, KeyHasher};

/// The longest word [`ascii_lowercase_key`] lowercases into its buffer; longer ones (hardly
/// words) take the general path.
pub(super) const LOWER_MAX: usize = 64;

/// Where [`ascii_lowercase_key`] writes a lowercase word: room for a last block stored whole.
pub(super) type LowerBuf = [u8; LOWER_MAX + 8];

/// For an ASCII word at `start..end` of `text`, at most [`LOWER_MAX`] bytes: its lowercase
/// form, written to the start of `lower`, the hash and head the memo looks it up by
/// ([`KeyHasher`]), and whether the word has capitals; `None` for a word that is not ASCII or
/// is longer. The word is looked at eight bytes at a time, read from the text around it with
/// the bytes past the word masked off, and each block is lowercased, stored and hashed on the
/// way: the memo neither reads the word again to hash it nor needs a lowercase copy made
/// apart.
#[inline(always)]
pub(super) fn ascii_lowercase_key(
    text: &[u8],
    start: usize,
    end: usize,
    lower: &mut LowerBuf,
) -> Option<(HashedKey, bool)> {
    use crate::util::bytes8::{ONES, TOPS, load};
    if end - start > LOWER_MAX {
        return None;
    }
    let mut hasher = KeyHasher::default();
    let mut capitals = false;
    let mut at = start;
    loop {
        let left = end - at;
        let mut word = match text.get(at..at + 8) {
            Some(block) => load(block),
            None => last_block(&text[at..end]),
        };
        if left < 8 {
            word &= (1 << (8 * left)) - 1;
        }
        if word & TOPS != 0 {
            return None;
        }
        // All ASCII, so no byte carries into the next: a byte's top bit is set by
        // subtracting b'A' from it with the top bit set if it is at least b'A', and by adding
        // 0x7f - b'Z' to it if it is above b'Z'. Lowercase is the case bit, 0x20, set.
        let at_least_a = (word | TOPS).wrapping_sub(ONES * u64::from(b'A'));
        let above_z = word.wrapping_add(ONES * u64::from(0x7f - b'Z'));
        let upper = at_least_a & !above_z & TOPS;
        capitals |= upper != 0;
        word |= upper >> 2;
        lower[at - start..at - start + 8].copy_from_slice(&word.to_le_bytes());
        if left < 8 {
            return Some((hasher.finish(word, left), capitals));
        }
        hasher.block(word);
        at += 8;
    }
}

/// The last bytes of a text, fewer than eight, as a word padded with zeros.
#[cold]
fn last_block(rest: &[u8]) -> u64 {
    let mut block = [0; 8];
    block[..rest.len()].copy_from_slice(rest);
    crate::util::bytes8::load(&block)
}

/// Whether `text[start..end]` has at least two letters; ASCII text skips the Unicode tables.
/// Inline for the glance that settles most words (asked of every content word: 385k calls,
/// 11.6M instructions as a call each, callgrind IndoSum train); the count out of line.
#[inline]
pub(super) fn has_two_letters(text: &str, start: usize, end: usize) -> bool {
    if let [a, b, ..] = text.as_bytes()[start..end]
        && a.is_ascii_alphabetic()
        && b.is_ascii_alphabetic()
    {
        return true; // most words, at a glance
    }
    counts_two_letters(&text[start..end])
}

/// [`has_two_letters`] by counting.
fn counts_two_letters(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some()
    } else {
        s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
    }
}

/// `s` lowercased: `s` itself when it has no capitals, else written into `scratch`, which is
/// reused from word to word instead of allocating a string for each.
pub(super) fn lowercase_in<'a>(s: &'a str, scratch: &'a mut String) -> &'a str {
    match s
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => s,
        Some(_) if s.is_ascii() => {
            scratch.clear();
            scratch.push_str(s);
            scratch.make_ascii_lowercase();
            scratch
        }
        Some(_) => match lowercase(s) {
            Cow::Borrowed(s) => s,
            Cow::Owned(lower) => {
                *scratch = lower;
                scratch
            }
        },
    }
}

/// `s` lowercased, borrowed when it has no capitals. Most words are ASCII: those skip the
/// Unicode tables.
pub(super) fn lowercase(s: &str) -> Cow<'_, str> {
    match s
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => Cow::Borrowed(s),
        Some(_) if s.is_ascii() => Cow::Owned(s.to_ascii_lowercase()),
        // Everything before `i` is ASCII without capitals, so `i` is a char boundary.
        Some(i) if !s[i..].chars().any(char::is_uppercase) => Cow::Borrowed(s),
        Some(_) => Cow::Owned(s.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "kata-kata dan KATA, rumah\u{e9}x besar sekali di sini \u{c9}konomi \u{3a3}x 1a2b";

    #[test]
    fn analyzer_ascii_lowercase_key_agrees_byte_by_byte() {
        let base = "kata-kata dan KATA, rumah\u{e9}x besar sekali di sini ZAMAN@[`{".as_bytes();
        let long = [b"KaTa-".repeat(14).as_slice(), base].concat();
        let mut lower = [0; LOWER_MAX + 8];
        for text in [base, long.as_slice()] {
            for start in 0..text.len() {
                for end in start..=text.len() {
                    let word = &text[start..end];
                    let expected = (word.is_ascii() && word.len() <= LOWER_MAX).then(|| {
                        let lower = word.to_ascii_lowercase();
                        (HashedKey::of(&lower), lower != word)
                    });
                    let found = ascii_lowercase_key(text, start, end, &mut lower);
                    assert_eq!(found, expected, "{start}..{end}");
                    if found.is_some() {
                        assert_eq!(lower[..word.len()], word.to_ascii_lowercase());
                    }
                }
            }
        }
    }

    /// Every char-boundary slice of `SAMPLE`.
    fn slices() -> impl Iterator<Item = (usize, usize)> {
        let bounds: Vec<usize> = (0..=SAMPLE.len())
            .filter(|&k| SAMPLE.is_char_boundary(k))
            .collect();
        let pairs: Vec<(usize, usize)> = bounds
            .iter()
            .flat_map(|&a| {
                bounds
                    .iter()
                    .filter(move |&&b| b >= a)
                    .map(move |&b| (a, b))
            })
            .collect();
        pairs.into_iter()
    }

    #[test]
    fn analyzer_two_letters_agrees_with_the_plain_count() {
        for (start, end) in slices() {
            let expected = SAMPLE[start..end]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 2;
            assert_eq!(
                has_two_letters(SAMPLE, start, end),
                expected,
                "{start}..{end}"
            );
        }
    }

    #[test]
    fn analyzer_lowercase_agrees_with_to_lowercase() {
        let mut scratch = String::new();
        for (start, end) in slices() {
            let s = &SAMPLE[start..end];
            let expected = s.to_lowercase();
            assert_eq!(lowercase(s), expected, "{s:?}");
            assert_eq!(lowercase_in(s, &mut scratch), expected, "{s:?}");
        }
        // Borrowed exactly when nothing changes.
        assert!(matches!(lowercase("rumah \u{e9}"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("Rumah"), Cow::Owned(_)));
    }
}
