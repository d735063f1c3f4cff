//! Normalisation: one canonical spelling of the same text before anything is cut or counted.
//!
//! Copy-pasted news carries curly quotes, non-breaking spaces, zero-width joiners, Windows line
//! ends and decomposed accents. Each is folded here so that later stages see one form; sentence
//! and token spans refer to the normalised text.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::util::bytes8::{self, TOPS};

/// Returns the text in canonical form: NFC, LF line ends, ASCII quotes, plain spaces, no
/// zero-width characters. Borrows when nothing needs to change.
///
/// Plain ASCII text is borrowed after one look. Other text mostly holds only characters NFC
/// leaves alone ([`nfc_inert`]): it is folded in one pass, which stops at the first character
/// composition might change; only such text is composed first and then folded.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_plain(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    if let Some(folded) = fold(text, true) {
        return folded;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => fold(text, false).expect("only an inert-only fold stops"),
        _ => {
            let composed: String = text.nfc().collect();
            let folded = fold(&composed, false).expect("only an inert-only fold stops");
            Cow::Owned(folded.into_owned())
        }
    }
}

/// `s` with the characters normalisation replaces folded (CRLF, curly quotes, odd spaces,
/// zero-width characters, control characters), copied only from the first that changes.
///
/// `s` is not plain ASCII (see [`is_plain`]), so its DEL characters become spaces too. With
/// `inert_only`, the fold gives up (`None`) at the first character that is not
/// [`nfc_inert`]: the caller composes the text first.
fn fold(s: &str, inert_only: bool) -> Option<Cow<'_, str>> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut i = 0;
    loop {
        // Runs of characters that stay as they are are copied whole.
        let run = i + stays_len(&bytes[i..]);
        if let Some(out) = out.as_mut() {
            out.push_str(&s[i..run]);
        }
        let Some(c) = s[run..].chars().next() else {
            break;
        };
        if inert_only && !nfc_inert(c) {
            return None;
        }
        i = run + c.len_utf8();
        let put = match c {
            '\r' => {
                // CRLF and lone CR both become one LF.
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                Some('\n')
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2035}' => {
                Some('\'')
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
            | '\u{00bb}' => Some('"'),
            '\u{00a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => Some(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => None,
            '\t' | '\n' => Some(c),
            c if c.is_control() => Some(' '),
            c => Some(c),
        };
        // CRLF's LF is skipped too.
        let unchanged = put == Some(c) && i == run + c.len_utf8();
        if let Some(out) = out.as_mut() {
            out.extend(put);
        } else if !unchanged {
            // The first change starts the copy.
            let mut copy = String::with_capacity(s.len());
            copy.push_str(&s[..run]);
            copy.extend(put);
            out = Some(copy);
        }
    }
    Some(out.map_or(Cow::Borrowed(s), Cow::Owned))
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
    fn normalize_block_scan_agrees_byte_by_byte() {
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
            }
        }
    }

    #[test]
    fn normalize_keeps_plain_ascii_whatever_the_byte() {
        let plain = |b: u8| b.is_ascii() && b != b'\r' && (b >= b' ' || b == b'\n' || b == b'\t');
        let base = "Harga beras naik lagi hari ini.\n";
        for at in 0..base.len() {
            for b in (0..=127u8).filter(|&b| plain(b)) {
                let mut bytes = base.as_bytes().to_vec();
                bytes[at] = b;
                let text = std::str::from_utf8(&bytes).expect("ASCII");
                assert!(
                    matches!(normalize(text), Cow::Borrowed(t) if t == text),
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn normalize_turns_del_into_a_space_only_in_text_that_changes() {
        assert_eq!(normalize("a\u{7f}b"), "a\u{7f}b");
        assert_eq!(normalize("a\u{7f}b\r\n"), "a b\n");
        assert_eq!(normalize("\u{7f}\u{e9}"), " \u{e9}");
        // NFC takes the Greek question mark to ASCII ';': the text was not plain ASCII.
        assert_eq!(normalize("a\u{37e}\u{7f}"), "a; ");
    }

    #[test]
    fn normalize_borrows_unchanged_text() {
        assert!(matches!(normalize("kafe \u{e9}\u{2026}"), Cow::Borrowed(_)));
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
