//! Eight bytes at a time: the word-wide tests that let the scans over whole texts (normalising,
//! tokenizing, lowercasing, JSON escaping) pass over ordinary bytes without looking at each.
//!
//! A block is eight bytes read as one little-endian `u64`, so the lowest flagged byte of a
//! result is the first in the text (`trailing_zeros() / 8`).

/// 0x01 in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of every byte.
pub const TOPS: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `block` as one word.
pub fn load(block: &[u8]) -> u64 {
    u64::from_le_bytes(block[..8].try_into().expect("eight bytes"))
}

/// Top bits for the bytes of `word` below `n` (at most 0x80): exact for the lowest such byte
/// and zero when there is none; a byte above the lowest may be flagged by its borrow ("has
/// less than").
pub fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & TOPS
}

/// Top bits for the bytes of `word` equal to `b`, exact as [`below`] is.
pub fn equal(word: u64, b: u8) -> u64 {
    below(word ^ (ONES * u64::from(b)), 1)
}

/// The number of bytes at the start of `bytes` that pass `byte`, found eight at a time:
/// `flags(block)` gives the top bit of each byte of a block that fails, exact at least for
/// the lowest such byte (as [`below`] is); the last few bytes are asked one by one.
#[inline]
pub fn run_len(bytes: &[u8], flags: impl Fn(u64) -> u64, byte: impl Fn(u8) -> bool) -> usize {
    let mut len = 0;
    while let Some(block) = bytes.get(len..len + 8) {
        let flagged = flags(load(block));
        if flagged != 0 {
            return len + flagged.trailing_zeros() as usize / 8;
        }
        len += 8;
    }
    len + bytes[len..]
        .iter()
        .position(|&b| !byte(b))
        .unwrap_or(bytes.len() - len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(flags: u64) -> Option<usize> {
        (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
    }

    #[test]
    fn bytes8_first_flagged_byte_is_the_first_match() {
        let samples: [&[u8; 8]; 5] = [
            b"abcdefgh",
            b"ab\ncd\x7fgh",
            b"\"quote\\x",
            b"\x00\x1f ~\x7f\x80\xff!",
            b"zzzzzzz\"",
        ];
        for s in samples {
            let word = load(s);
            assert_eq!(
                first(below(word, 0x20)),
                s.iter().position(|&b| b < 0x20),
                "{s:?}"
            );
            for b in [b'"', b'\\', 0x7f, b'\n'] {
                assert_eq!(
                    first(equal(word, b)),
                    s.iter().position(|&x| x == b),
                    "{s:?} {b}"
                );
            }
        }
    }
}
