//! Analyses kept between the two passes of a batch.
//!
//! A batch without a saved model reads every document twice: once to count document
//! frequencies, once to score. Analysing is most of the work, so the first pass keeps what it
//! analysed and the second pass unpacks it instead of reading and analysing again: in memory
//! up to a budget, then in a temporary file (see `pipeline::Kept`).
//!
//! Packed, an analysis is one byte string: the text, then every number as a LEB128 varint
//! (offsets and lengths of a news article fit in one or two bytes), so a term costs about six
//! bytes instead of the 32 of a [`Term`] and the same bytes serve memory and disk.

use crate::analyzer::{Analysis, Sentence, Term, Vocab};
use crate::token::TokenKind;

/// An [`Analysis`] as one compact byte string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedAnalysis {
    bytes: Box<[u8]>,
}

const KINDS: [TokenKind; 6] = [
    TokenKind::Word,
    TokenKind::Number,
    TokenKind::Url,
    TokenKind::Email,
    TokenKind::Hashtag,
    TokenKind::Mention,
];

const CONTENT: u8 = 1 << 3;
const BOUNDARY: u8 = 1 << 4;
const WEAK_CASE: u8 = 1 << 5;
const PROPER: u8 = 1 << 6;
const JOINED: u8 = 1 << 7;

const HEADING: u8 = 1;
const PARAGRAPH_START: u8 = 2;

fn pack_flags(t: &Term) -> u8 {
    let kind = KINDS
        .iter()
        .position(|&k| k == t.kind)
        .expect("KINDS lists every token kind") as u8;
    let bit = |on: bool, b: u8| if on { b } else { 0 };
    kind | bit(t.content, CONTENT)
        | bit(t.boundary_before, BOUNDARY)
        | bit(t.weak_case, WEAK_CASE)
        | bit(t.proper, PROPER)
        | bit(t.joined, JOINED)
}

/// Appends `n` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads what [`put_varint`] wrote; `None` past the end or for more than 64 bits.
pub fn get_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// Reads a varint that must fit a `usize`.
fn get_usize(bytes: &mut &[u8]) -> Option<usize> {
    usize::try_from(get_varint(bytes)?).ok()
}

/// Takes the next `len` bytes.
fn take<'a>(bytes: &mut &'a [u8], len: usize) -> Option<&'a [u8]> {
    if len > bytes.len() {
        return None;
    }
    let (head, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(head)
}

impl PackedAnalysis {
    /// Packs `a`.
    pub fn pack(a: &Analysis) -> PackedAnalysis {
        let mut out = Vec::with_capacity(a.text.len() + 6 * a.terms.len() + 64);
        put_varint(&mut out, a.text.len() as u64);
        out.extend_from_slice(a.text.as_bytes());
        put_varint(&mut out, a.dateline_end as u64);
        put_varint(&mut out, a.sentences.len() as u64);
        for s in &a.sentences {
            put_varint(&mut out, s.start as u64);
            put_varint(&mut out, (s.end - s.start) as u64);
            let flags = if s.heading { HEADING } else { 0 }
                | if s.paragraph_start {
                    PARAGRAPH_START
                } else {
                    0
                };
            out.push(flags);
            put_varint(&mut out, s.terms.start as u64);
            put_varint(&mut out, (s.terms.end - s.terms.start) as u64);
        }
        put_varint(&mut out, a.terms.len() as u64);
        for t in &a.terms {
            put_varint(&mut out, t.start as u64);
            put_varint(&mut out, (t.end - t.start) as u64);
            put_varint(&mut out, u64::from(t.id));
            out.push(pack_flags(t));
        }
        put_varint(&mut out, a.vocab.len() as u64);
        for key in a.vocab.iter() {
            put_varint(&mut out, key.len() as u64);
            out.extend_from_slice(key.as_bytes());
        }
        PackedAnalysis {
            bytes: out.into_boxed_slice(),
        }
    }

    /// Wraps bytes [`PackedAnalysis::as_bytes`] gave (read back from a file).
    pub fn from_bytes(bytes: Vec<u8>) -> PackedAnalysis {
        PackedAnalysis {
            bytes: bytes.into_boxed_slice(),
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Heap bytes held, for the budget.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// The analysis as it was packed; `None` when the bytes are not a packed analysis (a
    /// temporary file damaged on disk): the caller analyses the text again.
    pub fn unpack(&self) -> Option<Analysis> {
        let mut b: &[u8] = &self.bytes;
        let len = get_usize(&mut b)?;
        let text = String::from_utf8(take(&mut b, len)?.to_vec()).ok()?;
        let in_text = |start: usize, len: usize| {
            let end = start.checked_add(len)?;
            (text.is_char_boundary(start) && text.is_char_boundary(end) && end <= text.len())
                .then_some(end)
        };
        let dateline_end = get_usize(&mut b)?;
        if !text.is_char_boundary(dateline_end) {
            return None;
        }
        let n = get_usize(&mut b)?;
        let mut sentences = Vec::with_capacity(n.min(b.len()));
        for _ in 0..n {
            let start = get_usize(&mut b)?;
            let end = in_text(start, get_usize(&mut b)?)?;
            let flags = *take(&mut b, 1)?.first()?;
            let first = get_usize(&mut b)?;
            let last = first.checked_add(get_usize(&mut b)?)?;
            sentences.push(Sentence {
                start,
                end,
                heading: flags & HEADING != 0,
                paragraph_start: flags & PARAGRAPH_START != 0,
                terms: first..last,
            });
        }
        let n = get_usize(&mut b)?;
        let mut terms = Vec::with_capacity(n.min(b.len()));
        for _ in 0..n {
            let start = get_usize(&mut b)?;
            let end = in_text(start, get_usize(&mut b)?)?;
            let id = u32::try_from(get_varint(&mut b)?).ok()?;
            let f = *take(&mut b, 1)?.first()?;
            terms.push(Term {
                id,
                start,
                end,
                kind: *KINDS.get(usize::from(f & 0b111))?,
                content: f & CONTENT != 0,
                boundary_before: f & BOUNDARY != 0,
                weak_case: f & WEAK_CASE != 0,
                proper: f & PROPER != 0,
                joined: f & JOINED != 0,
            });
        }
        let n = get_usize(&mut b)?;
        let mut vocab = Vocab::default();
        for _ in 0..n {
            let len = get_usize(&mut b)?;
            vocab.push(std::str::from_utf8(take(&mut b, len)?).ok()?);
        }
        let consistent = b.is_empty()
            && terms.iter().all(|t| (t.id as usize) < vocab.len())
            && sentences.iter().all(|s| s.terms.end <= terms.len());
        consistent.then_some(Analysis {
            text,
            sentences,
            terms,
            vocab,
            dateline_end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;
    use crate::config::Language;
    use crate::stem::{Lexicon, Stemmer};
    use crate::stopwords::Stopwords;

    fn analysis() -> Analysis {
        let analyzer = Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(Lexicon::embedded()),
        );
        let mut memo = analyzer.memo();
        let text = "# Harga Beras\n\nJakarta, KOMPAS.com - Harga beras naik 10%. Lihat \
                    https://bps.go.id, tanya redaksi@kompas.com #pemilu @jokowi. Melalui di \
                    skusi, NATO sepakat. Ékonomi «naik» lagi…";
        analyzer.analyze(text, &mut memo)
    }

    #[test]
    fn packed_unpacks_to_the_same_analysis() {
        let a = analysis();
        let packed = PackedAnalysis::pack(&a);
        // Far smaller than the analysis it packs (a `Term` alone is 32 bytes).
        let unpacked = a.text.len()
            + a.vocab.heap_bytes()
            + a.terms.len() * size_of::<Term>()
            + a.sentences.len() * size_of::<Sentence>();
        assert!(
            packed.heap_bytes() * 2 < unpacked,
            "{} of {unpacked}",
            packed.heap_bytes()
        );
        let b = packed.unpack().expect("packed bytes unpack");
        assert_eq!(a.text, b.text);
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.vocab, b.vocab);
        assert_eq!(a.dateline_end, b.dateline_end);
        let again = PackedAnalysis::from_bytes(packed.as_bytes().to_vec());
        assert_eq!(again, packed);
    }

    #[test]
    fn packed_damaged_bytes_are_refused_not_a_panic() {
        let bytes = PackedAnalysis::pack(&analysis()).as_bytes().to_vec();
        for cut in 0..bytes.len() {
            let short = PackedAnalysis::from_bytes(bytes[..cut].to_vec());
            assert!(short.unpack().is_none(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xa5;
            // Most flips are caught; none may panic or give spans outside the text.
            if let Some(a) = PackedAnalysis::from_bytes(flipped).unpack() {
                for t in &a.terms {
                    let _ = &a.text[t.start..t.end];
                }
                for s in &a.sentences {
                    let _ = &a.text[s.start..s.end];
                    let _ = &a.terms[s.terms.clone()];
                }
            }
        }
    }

    #[test]
    fn packed_varints_round_trip() {
        let numbers = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let mut out = Vec::new();
        for &n in &numbers {
            put_varint(&mut out, n);
        }
        let mut b: &[u8] = &out;
        for &n in &numbers {
            assert_eq!(get_varint(&mut b), Some(n));
        }
        assert!(b.is_empty());
        assert_eq!(get_varint(&mut &[0x80u8][..]), None);
        assert_eq!(get_varint(&mut &[0xffu8; 11][..]), None);
    }
}
