//! The punctuation pass: candidate boundaries inside a unit.
//!
//! A candidate is a run of `.`, `?`, `!` or `…` with the closing quotes and brackets after
//! it, outside a short bracketed aside. Most bytes are none of these, so the scan jumps from
//! one interesting byte to the next ([`Stops`]); [`super::boundary`] decides each candidate.

use memchr::memchr3;

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
        let mut quiet_until = 0;
        let mut sentence_start = 0;
        let bytes = unit.as_bytes();
        let mut stops = Stops::new(bytes);
        let mut i = 0;
        while i < unit.len() {
            i = stops.next(i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b == b'(' || b == b'[' {
                if let Some(close) = aside_close(bytes, i) {
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

/// Where the bracket at `open` closes, if the pair is an aside that is never split: it closes
/// on the same line, at most [`MAX_ASIDE_BYTES`] further on. Brackets nest, and a closer of
/// the wrong kind is passed over ("(a [b) c])" pairs at the last `)`).
///
/// Only the text after `open` decides its pair, so it is found on demand, at the few
/// brackets of a unit, instead of by matching every bracket of every unit up front.
fn aside_close(bytes: &[u8], open: usize) -> Option<usize> {
    // The closers awaited by the brackets opened since `open`, innermost last.
    let mut awaited = [0u8; MAX_ASIDE_BYTES];
    let mut depth = 0;
    let window = &bytes[..bytes.len().min(open + MAX_ASIDE_BYTES + 1)];
    let mut i = skip_to(window, open + 1, &BRACKET_STOPS);
    while let Some(&b) = window.get(i) {
        match b {
            b'(' | b'[' => {
                awaited[depth] = closer_of(b);
                depth += 1;
            }
            b')' | b']' if depth == 0 => {
                if b == closer_of(bytes[open]) {
                    return Some(i);
                }
            }
            b')' | b']' => {
                if b == awaited[depth - 1] {
                    depth -= 1;
                }
            }
            _ => return None, // a line break: an aside does not run across lines
        }
        i = skip_to(window, i + 1, &BRACKET_STOPS);
    }
    None
}

/// The closing bracket of an opening one.
fn closer_of(open: u8) -> u8 {
    if open == b'(' { b')' } else { b']' }
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

/// Where [`aside_close`] stops: brackets and line breaks.
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

/// Where the punctuation pass stops: the first bytes of sentence-final characters (0xE2
/// starts `…`) and brackets that may open an aside. Most bytes are none of these, so they
/// are found by two searches of the memchr crate, many bytes a step, each asked again only
/// once the pass is past its last find (callgrind, IndoSum train: a table lookup per byte
/// was a tenth of the splitter).
struct Stops<'a> {
    bytes: &'a [u8],
    /// The next `.`, `?` or `!`, or the end.
    marks: usize,
    /// The next `(`, `[` or 0xE2, or the end.
    others: usize,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut stops = Self {
            bytes,
            marks: 0,
            others: 0,
        };
        stops.marks = stops.find(0, b'.', b'?', b'!');
        stops.others = stops.find(0, b'(', b'[', 0xE2);
        stops
    }

    /// The first stop at or after `from`; `from` never goes back.
    fn next(&mut self, from: usize) -> usize {
        if self.marks < from {
            self.marks = self.find(from, b'.', b'?', b'!');
        }
        if self.others < from {
            self.others = self.find(from, b'(', b'[', 0xE2);
        }
        self.marks.min(self.others)
    }

    fn find(&self, from: usize, a: u8, b: u8, c: u8) -> usize {
        memchr3(a, b, c, &self.bytes[from..]).map_or(self.bytes.len(), |k| from + k)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every aside of a unit, matched with a stack of open brackets over the whole unit: the
    /// definition [`aside_close`] answers for one bracket.
    fn asides_by_stack(unit: &str) -> Vec<(usize, usize)> {
        let mut stack = Vec::new();
        let mut pairs = Vec::new();
        for (i, b) in unit.bytes().enumerate() {
            match b {
                b'(' | b'[' => stack.push((i, closer_of(b))),
                b')' | b']' if stack.last().is_some_and(|&(_, close)| close == b) => {
                    let (open, _) = stack.pop().expect("not empty");
                    if i - open <= MAX_ASIDE_BYTES {
                        pairs.push((open, i));
                    }
                }
                b'\n' => stack.clear(),
                _ => {}
            }
        }
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn asides_are_found_at_their_bracket_as_by_a_stack_over_the_unit() {
        const POOL: &[&str] = &[
            "(",
            ")",
            "[",
            "]",
            "\n",
            "a",
            "kata ",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ];
        let mut found = 0;
        for unit in crate::analysis::sentence::random_texts(POOL, 0x2545_f491_4f6c_dd1d, 20_000, 80)
        {
            let bytes = unit.as_bytes();
            let asides: Vec<(usize, usize)> = (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'(' | b'['))
                .filter_map(|i| aside_close(bytes, i).map(|close| (i, close)))
                .collect();
            assert_eq!(asides, asides_by_stack(&unit), "{unit:?}");
            found += asides.len();
        }
        assert!(found > 1_000, "the samples hold asides");
    }
}
