//! Whitespace tidying for a sentence on its way to the output.
//!
//! A sentence span keeps the text as written, line breaks included; summaries and reports
//! want it on one line.

use std::borrow::Cow;

use crate::util::bytes8::{TOPS, below, equal, load};

/// Collapses every run of whitespace (inner line breaks included) into one space and trims
/// the ends; borrows when nothing changes.
pub fn flatten(sentence: &str) -> Cow<'_, str> {
    let trimmed = sentence.trim();
    if is_flat(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether the only whitespace in `text` is single spaces. Almost every sentence is, so the
/// bytes are looked at eight at a time while they are ASCII without control characters or
/// two spaces in a row (callgrind, IndoSum train: a third of the decoding of every char);
/// the rest one by one, decoding only the lead bytes of non-ASCII whitespace.
fn is_flat(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut prev_space = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + 8) {
            let word = load(block);
            let spaces = equal(word, b' ');
            // A space after a space, in the block or across its start. The flags may be
            // set for bytes that pass, never clear for bytes that fail.
            let doubled = spaces & (spaces << 8 | u64::from(prev_space) << 7);
            if (word & TOPS) | below(word, b' ') | doubled == 0 {
                prev_space = block[7] == b' ';
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let bad = match b {
            b' ' => prev_space,
            b'\t'..=b'\r' => true,
            // The lead bytes of U+0085, U+00A0, U+1680, U+2000 to U+205F and U+3000.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..].starts_with(char::is_whitespace),
            _ => false,
        };
        if bad {
            return false;
        }
        prev_space = b == b' ';
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, a char at a time.
    fn flat_by_chars(text: &str) -> bool {
        let mut prev_space = false;
        text.chars().all(|c| {
            let ok = c == ' ' && !prev_space || !c.is_whitespace();
            prev_space = c == ' ';
            ok
        })
    }

    #[test]
    fn flat_text_is_found_eight_bytes_at_a_time_as_a_char_at_a_time() {
        const POOL: &[&str] = &[
            "a",
            "kata",
            "kata kata",
            "panjang sekali",
            " ",
            "  ",
            "\n",
            "\t",
            "\r",
            "\u{b}",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2009}",
            "\u{202f}",
            "\u{3000}",
            "\u{200b}",
            "é",
            "“",
            "—",
            "!",
            ".",
            "\u{1}",
        ];
        let mut flat = 0;
        for text in crate::analysis::sentence::random_texts(POOL, 0x2545_f491_4f6c_dd1d, 20_000, 24)
        {
            assert_eq!(is_flat(&text), flat_by_chars(&text), "{text:?}");
            flat += usize::from(flat_by_chars(&text));
        }
        assert!(flat > 100, "the samples hold flat texts too");
    }
}
