//! Normalisation: one canonical spelling of the same text before anything is cut or counted.
//!
//! Copy-pasted news carries curly quotes, non-breaking spaces, zero-width joiners, Windows line
//! ends and decomposed accents. Each is folded here so that later stages see one form; sentence
//! and token spans refer to the normalised text.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::util::bytes8::{self, TOPS};

/// Returns the text in canonical form: NFC, LF line ends, ASCII quotes, plain spaces, no
/// zero-width characters. Borrows when nothing needs to change (plain ASCII text).
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_plain(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let composed: Cow<'_, str> = if all_nfc_inert(text) {
        Cow::Borrowed(text)
    } else {
        match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => Cow::Borrowed(text),
            _ => Cow::Owned(text.nfc().collect()),
        }
    };
    let mut out = String::with_capacity(composed.len());
    let s: &str = &composed;
    let mut i = 0;
    while i < s.len() {
        // Runs of characters that stay as they are are copied whole.
        let run = i + stays_len(&s.as_bytes()[i..]);
        out.push_str(&s[i..run]);
        let Some(c) = s[run..].chars().next() else {
            break;
        };
        i = run + c.len_utf8();
        match c {
            '\r' => {
                // CRLF and lone CR both become one LF.
                if s.as_bytes().get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2035}' => {
                out.push('\'')
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
            | '\u{00bb}' => out.push('"'),
            '\u{00a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => {}
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether normalisation leaves `bytes` as they are because they are plain ASCII: no CR and no
/// control character but LF and tab (DEL passes). Eight bytes are looked at together; only a
/// block with a byte below a space, or a non-ASCII one, is looked at byte by byte.
fn is_plain(bytes: &[u8]) -> bool {
    let plain = |b: u8| b.is_ascii() && b != b'\r' && (b >= b' ' || b == b'\n' || b == b'\t');
    let mut blocks = bytes.chunks_exact(8);
    for block in &mut blocks {
        let word = bytes8::load(block);
        // A top bit is set for a non-ASCII byte, and (the bit trick "has less than") for the
        // lowest byte below 0x20, if any; a false alarm only costs the byte-by-byte look.
        let suspect = word & TOPS | bytes8::below(word, 0x20) != 0;
        if suspect && !block.iter().all(|&b| plain(b)) {
            return false;
        }
    }
    blocks.remainder().iter().all(|&b| plain(b))
}

/// The number of bytes at the start of `bytes` that [`stays`] keeps. Eight bytes are looked
/// at together; only a block with a byte that may not stay is looked at byte by byte.
fn stays_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    while let Some(block) = bytes.get(len..len + 8) {
        let word = bytes8::load(block);
        // Top bits for non-ASCII bytes, the lowest byte below a space and the lowest DEL.
        if word & TOPS | bytes8::below(word, 0x20) | bytes8::equal(word, 0x7f) != 0 {
            if let Some(k) = block.iter().position(|&b| !stays(b)) {
                return len + k;
            }
        }
        len += 8;
    }
    len + bytes[len..]
        .iter()
        .position(|&b| !stays(b))
        .unwrap_or(bytes.len() - len)
}

/// The number of ASCII bytes at the start of `bytes`, looked at eight at a time.
fn ascii_len(bytes: &[u8]) -> usize {
    bytes8::run_len(bytes, |word| word & TOPS, |b| b.is_ascii())
}

/// Whether every character of `text` is [`nfc_inert`]; ASCII bytes are passed over without
/// decoding.
fn all_nfc_inert(text: &str) -> bool {
    let mut rest = text;
    loop {
        let k = ascii_len(rest.as_bytes());
        if k == rest.len() {
            return true;
        }
        let c = rest[k..]
            .chars()
            .next()
            .expect("a non-ASCII byte starts a char here");
        if !nfc_inert(c) {
            return false;
        }
        rest = &rest[k + c.len_utf8()..];
    }
}

/// A character that is NFC whatever surrounds it (combining class 0, never composed or
/// decomposed): Latin-1, Latin Extended and general punctuation, most of Indonesian news. Text
/// of these alone skips the NFC tables.
fn nfc_inert(c: char) -> bool {
    c < '\u{300}'
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c)
}

/// An ASCII byte that normalisation keeps as it is (DEL, a control character, does not).
fn stays(b: u8) -> bool {
    (b' '..0x7f).contains(&b) || b == b'\n' || b == b'\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_inert_characters_are_nfc_in_any_company() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| nfc_inert(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert!(std::iter::once(c).nfc().eq(std::iter::once(c)), "{c:?}");
        }
    }

    #[test]
    fn normalize_borrows_plain_ascii() {
        assert!(matches!(normalize("Harga beras naik."), Cow::Borrowed(_)));
    }

    #[test]
    fn normalize_block_scans_agree_byte_by_byte() {
        let base = "Harga \u{e9}beras naik lagi hari ini, kata dia.\n".as_bytes();
        for at in 0..base.len() {
            for b in 0..=255u8 {
                let mut bytes = base.to_vec();
                bytes[at] = b;
                let stay = bytes.iter().position(|&b| !stays(b));
                assert_eq!(
                    stays_len(&bytes),
                    stay.unwrap_or(bytes.len()),
                    "{b} at {at}"
                );
                let ascii = bytes.iter().position(|b| !b.is_ascii());
                assert_eq!(
                    ascii_len(&bytes),
                    ascii.unwrap_or(bytes.len()),
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn normalize_plain_check_agrees_byte_by_byte() {
        let plain = |b: u8| b.is_ascii() && b != b'\r' && (b >= b' ' || b == b'\n' || b == b'\t');
        let base = b"Harga beras naik lagi hari ini.\n";
        for at in 0..base.len() {
            for b in 0..=255u8 {
                let mut bytes = base.to_vec();
                bytes[at] = b;
                assert_eq!(
                    is_plain(&bytes),
                    bytes.iter().all(|&b| plain(b)),
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn normalize_folds_quotes_spaces_and_zero_width() {
        assert_eq!(
            normalize("\u{201c}Kami\u{00a0}siap,\u{201d} kata\u{200b}nya \u{2018}ok\u{2019}"),
            "\"Kami siap,\" katanya 'ok'"
        );
    }

    #[test]
    fn normalize_unifies_line_ends_and_bom() {
        assert_eq!(normalize("\u{feff}satu\r\ndua\rtiga"), "satu\ndua\ntiga");
    }

    #[test]
    fn normalize_nfd_equals_nfc() {
        let nfd = "me\u{301}mbaca";
        let nfc = "m\u{e9}mbaca";
        assert_eq!(normalize(nfd), normalize(nfc));
        assert_eq!(normalize(nfd), nfc);
    }

    #[test]
    fn normalize_control_characters_become_spaces() {
        assert_eq!(normalize("a\u{0}b\u{7}c"), "a b c");
    }
}
