//! Analyses kept between the two passes of a batch.
//!
//! A batch without a saved model reads every document twice: once to count document
//! frequencies, once to score. Analysing is most of the work, so the first pass keeps what it
//! analysed and the second pass unpacks it instead of reading and analysing again: in memory
//! up to a budget, then in a temporary file (see `pipeline::Kept`).
//!
//! Packed, an analysis is one byte string: the text, then its numbers in fixed-width
//! sections, so a term costs 13 bytes instead of the 32 of a [`Term`] and the same bytes serve
//! memory and disk.

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
    // Most numbers here fit one byte.
    if let Some((&b, rest)) = bytes.split_first() {
        if b < 0x80 {
            *bytes = rest;
            return Some(u64::from(b));
        }
    }
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

/// Appends each number as four little-endian bytes.
fn put_u32s(out: &mut Vec<u8>, numbers: impl ExactSizeIterator<Item = u32>) {
    let at = out.len();
    out.resize(at + 4 * numbers.len(), 0);
    for (slot, n) in out[at..].chunks_exact_mut(4).zip(numbers) {
        slot.copy_from_slice(&n.to_le_bytes());
    }
}

/// The section of the next `n` numbers [`put_u32s`] wrote (read with [`u32_at`]).
fn get_u32s<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    take(bytes, n.checked_mul(4)?)
}

/// Number `i` of a section.
fn u32_at(section: &[u8], i: usize) -> u32 {
    let b = &section[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

impl PackedAnalysis {
    /// Packs `a`; `None` for a text too long for 32-bit offsets (such a document is simply
    /// analysed again).
    ///
    /// Layout: the text, then sections of fixed-width numbers (sentences, then the terms'
    /// starts, lengths, ids and flags, then where each key ends) and the keys run together,
    /// so packing and unpacking are straight copies rather than a branch per byte.
    pub fn pack(a: &Analysis) -> Option<PackedAnalysis> {
        u32::try_from(a.text.len().max(a.vocab.joined().len())).ok()?;
        let mut out = Vec::with_capacity(
            a.text.len()
                + a.vocab.joined().len()
                + 17 * a.sentences.len()
                + 13 * a.terms.len()
                + 4 * a.vocab.len()
                + 32,
        );
        put_varint(&mut out, a.text.len() as u64);
        out.extend_from_slice(a.text.as_bytes());
        put_varint(&mut out, a.dateline_end as u64);
        put_varint(&mut out, a.sentences.len() as u64);
        put_u32s(&mut out, a.sentences.iter().map(|s| s.start as u32));
        put_u32s(
            &mut out,
            a.sentences.iter().map(|s| (s.end - s.start) as u32),
        );
        put_u32s(&mut out, a.sentences.iter().map(|s| s.terms.start as u32));
        put_u32s(&mut out, a.sentences.iter().map(|s| s.terms.len() as u32));
        out.extend(a.sentences.iter().map(|s| {
            let bit = |on: bool, b: u8| if on { b } else { 0 };
            bit(s.heading, HEADING) | bit(s.paragraph_start, PARAGRAPH_START)
        }));
        put_varint(&mut out, a.terms.len() as u64);
        put_u32s(&mut out, a.terms.iter().map(|t| t.start as u32));
        put_u32s(&mut out, a.terms.iter().map(|t| (t.end - t.start) as u32));
        put_u32s(&mut out, a.terms.iter().map(|t| t.id));
        out.extend(a.terms.iter().map(pack_flags));
        put_varint(&mut out, a.vocab.len() as u64);
        put_u32s(&mut out, a.vocab.ends().iter().map(|&end| end as u32));
        out.extend_from_slice(a.vocab.joined().as_bytes());
        Some(PackedAnalysis {
            bytes: out.into_boxed_slice(),
        })
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
        let span = |start: u32, len: u32| {
            let (start, len) = (start as usize, len as usize);
            let end = start.checked_add(len)?;
            (end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
                .then_some(start..end)
        };
        let dateline_end = get_usize(&mut b)?;
        if !text.is_char_boundary(dateline_end) {
            return None;
        }

        let n = get_usize(&mut b)?;
        let starts = get_u32s(&mut b, n)?;
        let lens = get_u32s(&mut b, n)?;
        let firsts = get_u32s(&mut b, n)?;
        let counts = get_u32s(&mut b, n)?;
        let flags = take(&mut b, n)?;
        let mut sentences = Vec::with_capacity(n);
        for (i, &f) in flags.iter().enumerate() {
            let span = span(u32_at(starts, i), u32_at(lens, i))?;
            let first = u32_at(firsts, i) as usize;
            sentences.push(Sentence {
                start: span.start,
                end: span.end,
                heading: f & HEADING != 0,
                paragraph_start: f & PARAGRAPH_START != 0,
                terms: first..first.checked_add(u32_at(counts, i) as usize)?,
            });
        }

        // Indexed, not zipped: four zipped sections cost a call per term.
        let n = get_usize(&mut b)?;
        let starts = get_u32s(&mut b, n)?;
        let lens = get_u32s(&mut b, n)?;
        let ids = get_u32s(&mut b, n)?;
        let flags = take(&mut b, n)?;
        let mut terms = Vec::with_capacity(n);
        for (i, &f) in flags.iter().enumerate() {
            let span = span(u32_at(starts, i), u32_at(lens, i))?;
            terms.push(Term {
                id: u32_at(ids, i),
                start: span.start,
                end: span.end,
                kind: *KINDS.get(usize::from(f & 0b111))?,
                content: f & CONTENT != 0,
                boundary_before: f & BOUNDARY != 0,
                weak_case: f & WEAK_CASE != 0,
                proper: f & PROPER != 0,
                joined: f & JOINED != 0,
            });
        }

        let n = get_usize(&mut b)?;
        let ends_at = get_u32s(&mut b, n)?;
        let ends: Vec<usize> = (0..n).map(|i| u32_at(ends_at, i) as usize).collect();
        let keys = take(&mut b, ends.last().copied().unwrap_or(0))?;
        let vocab = Vocab::from_parts(String::from_utf8(keys.to_vec()).ok()?, ends)?;
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
        let packed = PackedAnalysis::pack(&a).expect("a short text packs");
        // Far smaller than the analysis it packs (a `Term` alone is 32 bytes).
        let unpacked = a.text.len()
            + a.vocab.heap_bytes()
            + a.terms.len() * size_of::<Term>()
            + a.sentences.len() * size_of::<Sentence>();
        assert!(
            packed.heap_bytes() * 3 < unpacked * 2,
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
        let bytes = PackedAnalysis::pack(&analysis())
            .expect("a short text packs")
            .as_bytes()
            .to_vec();
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
