//! The punctuation pass: candidate boundaries inside a unit.
//!
//! A candidate is a run of `.`, `?`, `!` or `…` with the closing quotes and brackets after
//! it, outside a short bracketed aside. Most bytes are none of these, so the scan jumps from
//! one interesting byte to the next with a lookup table; [`super::boundary`] decides each
//! candidate.

use super::boundary::missing_space;
use super::words::is_closer;
use super::{SentenceSpan, SentenceSplitter};

/// A bracketed aside shorter than this is never split ("(Uu. G005)", "(lihat hlm. 5)").
const MAX_ASIDE_BYTES: usize = 160;

impl SentenceSplitter {
    /// Splits one unit (a paragraph or part of one) at its sentence-final punctuation.
    pub(super) fn split_unit(
        &self,
        text: &str,
        start: usize,
        end: usize,
        spans: &mut Vec<SentenceSpan>,
    ) {
        let unit = &text[start..end];
        let asides = asides(unit);
        let mut next_aside = 0;
        let mut quiet_until = 0;
        let mut sentence_start = 0;
        let bytes = unit.as_bytes();
        let mut i = 0;
        while i < unit.len() {
            // Most bytes are none of these: they are passed over a table lookup each.
            i = skip_to(bytes, i, &PUNCTUATION_STOPS);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b == b'(' || b == b'[' {
                while next_aside < asides.len() && asides[next_aside].0 < i {
                    next_aside += 1;
                }
                let aside = asides.get(next_aside).filter(|&&(open, _)| open == i);
                if let Some(&(_, close)) = aside {
                    quiet_until = quiet_until.max(close);
                }
                i += 1;
                continue;
            }
            let Some(term_len) = terminal_len(unit, i) else {
                i += 1;
                continue;
            };
            let run_start = i;
            let mut run_end = i + term_len;
            while let Some(n) = terminal_len(unit, run_end) {
                run_end += n;
            }
            i = run_end;
            let run = &unit[run_start..run_end];
            let after = closers_end(unit, run_end);
            if run_start < quiet_until && after <= quiet_until {
                continue; // inside an aside; "(Ini catatan.)" itself may still end a sentence
            }
            if unit[..run_start].ends_with(['(', '[']) {
                continue; // "[…]" or "(...)" marks words left out of a quotation
            }
            let boundary = match unit[after..].chars().next() {
                None => false, // the end of the unit is a boundary anyway
                Some(c) if c.is_whitespace() => self.ends_sentence(unit, run_start, run, after),
                Some(_) => after == run_end && missing_space(unit, run_start, run, run_end),
            };
            if boundary {
                push_trimmed(text, start + sentence_start, start + after, false, spans);
                sentence_start = after;
                i = after;
            }
        }
        push_trimmed(text, start + sentence_start, end, false, spans);
    }
}

/// Byte length of the sentence-final character at `i`, if there is one.
fn terminal_len(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        b'.' | b'?' | b'!' => Some(1),
        0xE2 if s[i..].starts_with('…') => Some('…'.len_utf8()),
        _ => None,
    }
}

/// The end of the closing quotes and brackets after a full stop at `from`, including a
/// closing quote typed after a space (`baik. "`) at the end of a line.
fn closers_end(unit: &str, from: usize) -> usize {
    let mut end = from;
    while let Some(c) = unit[end..].chars().next().filter(|&c| is_closer(c)) {
        end += c.len_utf8();
    }
    let rest = &unit[end..];
    let spaced = rest.trim_start_matches([' ', '\t']);
    let quotes = spaced.trim_start_matches(['"', '\'', '”', '’']);
    let gap = rest.len() - spaced.len();
    let line_ends = quotes.trim_start_matches([' ', '\t', '\r']);
    if gap > 0
        && quotes.len() < spaced.len()
        && (line_ends.is_empty() || line_ends.starts_with('\n'))
    {
        end += rest.len() - quotes.len();
    }
    end
}

/// Pairs of matching brackets, as (open, close) byte offsets, whose content is short enough
/// to be an aside that is never split. Sorted by the opening bracket.
fn asides(unit: &str) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    let bytes = unit.as_bytes();
    let mut i = skip_to(bytes, 0, &BRACKET_STOPS);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'(' | b'[' => stack.push((i, b)),
            b')' | b']' => {
                let open = if b == b')' { b'(' } else { b'[' };
                if let Some(&(at, _)) = stack.last().filter(|&&(_, kind)| kind == open) {
                    stack.pop();
                    if i - at <= MAX_ASIDE_BYTES {
                        pairs.push((at, i));
                    }
                }
            }
            b'\n' => stack.clear(), // an aside does not run across lines
            _ => {}
        }
        i = skip_to(bytes, i + 1, &BRACKET_STOPS);
    }
    pairs.sort_unstable();
    pairs
}

/// A set of bytes as a lookup table: `table[b]` is whether `b` is in it.
type ByteSet = [bool; 256];

const fn byte_set(bytes: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        set[bytes[k] as usize] = true;
        k += 1;
    }
    set
}

/// Where the punctuation pass stops: brackets that may open an aside, and the first bytes of
/// sentence-final characters (0xE2 starts `…`).
const PUNCTUATION_STOPS: ByteSet = byte_set(b"([.?!\xE2");

/// Where [`asides`] stops: brackets and line breaks.
const BRACKET_STOPS: ByteSet = byte_set(b"()[]\n");

/// The offset of the first byte at or after `from` in `set`, or `bytes.len()`.
fn skip_to(bytes: &[u8], from: usize, set: &ByteSet) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return bytes.len();
    };
    // Eight bytes at a time, looked up without a branch each, while none is in the set.
    let mut blocks = rest.chunks_exact(8);
    let mut skipped = 0;
    for block in &mut blocks {
        if block
            .iter()
            .fold(false, |any, &b| any | set[usize::from(b)])
        {
            break;
        }
        skipped += 8;
    }
    rest[skipped..]
        .iter()
        .position(|&b| set[usize::from(b)])
        .map_or(bytes.len(), |k| from + skipped + k)
}

/// Pushes `[start, end)` trimmed of whitespace, if anything is left.
pub(super) fn push_trimmed(
    text: &str,
    start: usize,
    end: usize,
    heading: bool,
    spans: &mut Vec<SentenceSpan>,
) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice[lead..].trim_end();
    if !trimmed.is_empty() {
        let start = start + lead;
        spans.push(SentenceSpan {
            start,
            end: start + trimmed.len(),
            heading,
        });
    }
}
