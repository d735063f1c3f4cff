//! Analyses kept between the two passes of a batch.
//!
//! A batch without a saved model reads every document twice: once to count document
//! frequencies, once to score. Analysing is most of the work, so the first pass keeps what it
//! analysed and the second pass unpacks it instead of reading and analysing again: in memory
//! up to a budget, then in a temporary file (see `pipeline::Kept`).
//!
//! Packed, an analysis is one byte string: the text, then its numbers as varints, so a term
//! costs about four bytes instead of the 32 of a [`Term`] and the same bytes serve memory and
//! disk.

use crate::analysis::analyzer::{Analysis, Role, Sentence, Term, Vocab};
use crate::analysis::token::TokenKind;

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
const TITLE: u8 = 4;
const BOILERPLATE: u8 = 8;

/// A sentence's role as flag bits.
fn role_bits(role: Role) -> u8 {
    match role {
        Role::Body => 0,
        Role::Title => TITLE,
        Role::Heading => HEADING,
        Role::Boilerplate => BOILERPLATE,
    }
}

/// The role of a sentence's flag bits.
fn role_of(flags: u8) -> Role {
    if flags & TITLE != 0 {
        Role::Title
    } else if flags & HEADING != 0 {
        Role::Heading
    } else if flags & BOILERPLATE != 0 {
        Role::Boilerplate
    } else {
        Role::Body
    }
}

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

/// Appends `n` as a LEB128 varint. Inline: most numbers here fit one byte, pushed in the
/// caller's loop.
#[inline]
pub fn put_varint(out: &mut Vec<u8>, n: u64) {
    if n < 0x80 {
        out.push(n as u8);
    } else {
        put_long_varint(out, n);
    }
}

/// [`put_varint`] of a number of more than one byte.
#[inline(never)]
fn put_long_varint(out: &mut Vec<u8>, n: u64) {
    let mut bytes = [0; MAX_VARINT];
    let len = write_varint(&mut bytes, 0, n);
    out.extend_from_slice(&bytes[..len]);
}

/// The most bytes a varint of a `u64` takes.
const MAX_VARINT: usize = 10;

/// Writes `n` as a LEB128 varint at `out[at..]` (which must have room for it) and returns
/// where it ends.
fn write_varint(out: &mut [u8], mut at: usize, mut n: u64) -> usize {
    while n >= 0x80 {
        out[at] = (n as u8) | 0x80;
        n >>= 7;
        at += 1;
    }
    out[at] = n as u8;
    at + 1
}

/// The most bytes a term takes packed: its step and length (offsets below 2^32, see
/// [`PackedAnalysis::pack`], so a zigzag step below 2^33) and its id (a `u32`) as varints of
/// up to five bytes each, and its flags.
const MAX_TERM_BYTES: usize = 3 * 5 + 1;

/// Terms packed together before they are appended (see [`PackedAnalysis::pack`]).
const TERMS_PER_BLOCK: usize = 64;

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
pub(super) fn take<'a>(bytes: &mut &'a [u8], len: usize) -> Option<&'a [u8]> {
    if len > bytes.len() {
        return None;
    }
    let (head, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(head)
}

/// A signed difference as an unsigned varint-friendly number: 0, -1, 1, -2, ... become
/// 0, 1, 2, 3, ... (zigzag), so small steps either way take one byte.
fn zigzag(d: i64) -> u64 {
    ((d << 1) ^ (d >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Appends `offset` as its zigzag difference from `from` (offsets are below 2^32, see
/// [`PackedAnalysis::pack`]).
fn put_step(out: &mut Vec<u8>, from: usize, offset: usize) {
    put_varint(out, zigzag(offset as i64 - from as i64));
}

/// Reads what [`put_step`] wrote, given the same `from`.
fn get_step(bytes: &mut &[u8], from: usize) -> Option<usize> {
    step_from(from, get_varint(bytes)?)
}

/// The offset a zigzag `step` from `from` lands on; `None` before 0 or past `usize`.
fn step_from(from: usize, step: u64) -> Option<usize> {
    usize::try_from((from as i64).checked_add(unzigzag(step))?).ok()
}

impl PackedAnalysis {
    /// Packs `a`; `None` for a text too long for 32-bit offsets (such a document is simply
    /// analysed again).
    ///
    /// Layout: the text, then each sentence and each term as a few varints (where it starts,
    /// as a step from where the one before ended; its length; for a term, its key's id) and a
    /// byte of flags, then the keys' lengths and the keys run together. Steps and lengths are
    /// mostly below 128, so a term takes about four bytes: a batch's kept analyses take
    /// little more than twice its text, in memory and on disk.
    pub fn pack(a: &Analysis) -> Option<PackedAnalysis> {
        u32::try_from(a.text.len().max(a.vocab.joined().len())).ok()?;
        let mut out = Vec::with_capacity(
            a.text.len()
                + a.vocab.joined().len()
                + 8 * a.sentences.len()
                + 5 * a.terms.len()
                + a.vocab.len()
                + 16,
        );
        put_varint(&mut out, a.text.len() as u64);
        out.extend_from_slice(a.text.as_bytes());
        put_varint(&mut out, a.dateline_end as u64);
        put_varint(&mut out, a.sentences.len() as u64);
        let (mut end, mut terms_end) = (0, 0);
        for s in &a.sentences {
            put_step(&mut out, end, s.start);
            put_varint(&mut out, (s.end - s.start) as u64);
            put_step(&mut out, terms_end, s.terms.start);
            put_varint(&mut out, s.terms.len() as u64);
            let bit = |on: bool, b: u8| if on { b } else { 0 };
            out.push(role_bits(s.role) | bit(s.paragraph_start, PARAGRAPH_START));
            (end, terms_end) = (s.end, s.terms.end);
        }
        put_varint(&mut out, a.terms.len() as u64);
        // Written a block of terms at a time into a buffer by index, each block then appended:
        // a push per term may grow the vector, and the call that could make kept the loop's
        // state in memory (a third more instructions a term).
        let mut block = [0u8; TERMS_PER_BLOCK * MAX_TERM_BYTES];
        let mut end = 0;
        for terms in a.terms.chunks(TERMS_PER_BLOCK) {
            let mut at = 0;
            for t in terms {
                let step = zigzag(t.start as i64 - end as i64);
                let len = (t.end - t.start) as u64;
                let id = u64::from(t.id);
                let flags = pack_flags(t);
                if step | len | id < 0x80 {
                    // Most terms: three one-byte varints, written at once.
                    block[at..at + 4].copy_from_slice(&[step as u8, len as u8, id as u8, flags]);
                    at += 4;
                } else if step | len < 0x80 && id < 0x4000 {
                    // Most of the rest: an id of two bytes.
                    let (low, high) = ((id as u8) | 0x80, (id >> 7) as u8);
                    block[at..at + 5].copy_from_slice(&[step as u8, len as u8, low, high, flags]);
                    at += 5;
                } else {
                    at = write_varint(&mut block, at, step);
                    at = write_varint(&mut block, at, len);
                    at = write_varint(&mut block, at, id);
                    block[at] = flags;
                    at += 1;
                }
                end = t.end;
            }
            out.extend_from_slice(&block[..at]);
        }
        put_varint(&mut out, a.vocab.len() as u64);
        let mut start = 0;
        for &end in a.vocab.ends() {
            put_varint(&mut out, (end - start) as u64);
            start = end;
        }
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
        let dateline_end = get_usize(&mut b)?;
        if !text.is_char_boundary(dateline_end) {
            return None;
        }
        let ascii = text.is_ascii();
        let sentences = unpack_sentences(&mut b, &text, ascii)?;
        let terms = unpack_terms(&mut b, &text, ascii)?;
        let vocab = unpack_vocab(&mut b)?;
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

/// `start..start + len` when it is a span of whole characters of `text`; `ascii` says that
/// `text` is ASCII, where every offset is a character boundary (most texts: two boundary
/// checks fewer per term).
fn span(text: &str, ascii: bool, start: usize, len: usize) -> Option<std::ops::Range<usize>> {
    let end = start.checked_add(len)?;
    (end <= text.len() && (ascii || text.is_char_boundary(start) && text.is_char_boundary(end)))
        .then_some(start..end)
}

/// A count of entries, checked against the bytes left before anything is reserved for them:
/// each entry takes at least `min_bytes`.
fn get_count(b: &mut &[u8], min_bytes: usize) -> Option<usize> {
    let n = get_usize(b)?;
    (n <= b.len() / min_bytes).then_some(n)
}

fn unpack_sentences(b: &mut &[u8], text: &str, ascii: bool) -> Option<Vec<Sentence>> {
    let n = get_count(b, 3)?;
    let mut sentences = Vec::with_capacity(n);
    let (mut end, mut terms_end) = (0, 0);
    for _ in 0..n {
        let start = get_step(b, end)?;
        let span = span(text, ascii, start, get_usize(b)?)?;
        let first = get_step(b, terms_end)?;
        let terms = first..first.checked_add(get_usize(b)?)?;
        let (&f, rest) = b.split_first()?;
        *b = rest;
        (end, terms_end) = (span.end, terms.end);
        sentences.push(Sentence {
            start: span.start,
            end: span.end,
            role: role_of(f),
            paragraph_start: f & PARAGRAPH_START != 0,
            terms,
        });
    }
    Some(sentences)
}

fn unpack_terms(b: &mut &[u8], text: &str, ascii: bool) -> Option<Vec<Term>> {
    let n = get_count(b, 3)?;
    // Filled in place: a push may grow the vector, and the call that could make kept the
    // loop's state in memory.
    let blank = Term {
        id: 0,
        start: 0,
        end: 0,
        kind: TokenKind::Word,
        content: false,
        boundary_before: false,
        weak_case: false,
        proper: false,
        joined: false,
    };
    let mut terms = vec![blank; n];
    let mut end = 0;
    for slot in &mut terms {
        let (step, len, id, f) = get_term(b)?;
        let start = step_from(end, step)?;
        let span = span(text, ascii, start, len)?;
        end = span.end;
        *slot = Term {
            id,
            start: span.start,
            end: span.end,
            kind: *KINDS.get(usize::from(f & 0b111))?,
            content: f & CONTENT != 0,
            boundary_before: f & BOUNDARY != 0,
            weak_case: f & WEAK_CASE != 0,
            proper: f & PROPER != 0,
            joined: f & JOINED != 0,
        };
    }
    Some(terms)
}

/// One term's step from where the last one ended, length, key id and flags. Most terms take
/// three one-byte varints and the flags, most of the rest an id of two bytes, so those two
/// shapes are read in one go; [`get_term_plain`] reads any term and is what they must agree with.
#[inline]
fn get_term(b: &mut &[u8]) -> Option<(u64, usize, u32, u8)> {
    match **b {
        [step, len, id, f, ..] if (step | len | id) < 0x80 => {
            *b = &b[4..];
            Some((u64::from(step), usize::from(len), u32::from(id), f))
        }
        // The first byte of the id has its high bit set, or the arm above would have matched.
        [step, len, low, high, f, ..] if (step | len | high) < 0x80 => {
            *b = &b[5..];
            let id = u32::from(low & 0x7f) | u32::from(high) << 7;
            Some((u64::from(step), usize::from(len), id, f))
        }
        _ => get_term_plain(b),
    }
}

fn get_term_plain(b: &mut &[u8]) -> Option<(u64, usize, u32, u8)> {
    let step = get_varint(b)?;
    let len = get_usize(b)?;
    let id = u32::try_from(get_varint(b)?).ok()?;
    let (&f, rest) = b.split_first()?;
    *b = rest;
    Some((step, len, id, f))
}

fn unpack_vocab(b: &mut &[u8]) -> Option<Vocab> {
    let n = get_count(b, 1)?;
    let mut ends = Vec::with_capacity(n);
    let mut at = 0usize;
    for _ in 0..n {
        at = at.checked_add(get_usize(b)?)?;
        ends.push(at);
    }
    let keys = take(b, at)?;
    Vocab::from_parts(String::from_utf8(keys.to_vec()).ok()?, ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;

    /// The analysis of `text` by the Indonesian analyzer.
    fn analyze(text: &str) -> Analysis {
        let analyzer = Analyzer::indonesian();
        let mut memo = analyzer.memo();
        analyzer.analyze(text, &mut memo)
    }

    fn analysis() -> Analysis {
        analyze(
            "# Harga Beras\n\nJakarta, KOMPAS.com - Harga beras naik 10%. Lihat \
             https://bps.go.id, tanya redaksi@kompas.com #pemilu @jokowi. Melalui di \
             skusi, NATO sepakat. Ékonomi «naik» lagi…",
        )
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

    /// A document whose numbers take the long way: over a hundred distinct keys (ids past
    /// one byte), a word longer than 127 bytes and a gap of dashes longer than 63.
    fn long_analysis() -> Analysis {
        let mut text = String::from("Judul panjang sekali.\n\n");
        for i in 0..300 {
            text.push_str(&format!("kata{i} "));
            if i % 40 == 39 {
                text.push_str("berakhir. ");
            }
        }
        text.push_str(&"-".repeat(200));
        text.push(' ');
        text.push_str(&"panjang".repeat(30));
        text.push_str(". Selesai.");
        analyze(&text)
    }

    #[test]
    fn packed_long_numbers_take_the_long_way_and_come_back() {
        let a = long_analysis();
        assert!(a.vocab.len() > 128, "{} keys", a.vocab.len());
        assert!(a.terms.iter().any(|t| t.end - t.start > 127));
        assert!(a.terms.windows(2).any(|w| w[1].start - w[0].end > 63));
        let packed = PackedAnalysis::pack(&a).expect("packs");
        let b = packed.unpack().expect("unpacks");
        assert_eq!(a.text, b.text);
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.vocab, b.vocab);
        for cut in 0..packed.as_bytes().len() {
            let short = PackedAnalysis::from_bytes(packed.as_bytes()[..cut].to_vec());
            assert!(short.unpack().is_none(), "cut at {cut}");
        }
    }

    #[test]
    fn packed_zigzag_steps_round_trip() {
        for d in [
            0i64,
            1,
            -1,
            63,
            -64,
            64,
            i64::from(u32::MAX),
            -i64::from(u32::MAX),
        ] {
            assert_eq!(unzigzag(zigzag(d)), d);
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
        let mut out = Vec::new();
        put_step(&mut out, 500, 20);
        put_step(&mut out, 20, 500);
        let mut b: &[u8] = &out;
        assert_eq!(get_step(&mut b, 500), Some(20));
        assert_eq!(get_step(&mut b, 20), Some(500));
        // A step before offset 0 is damage, not a number.
        put_step(&mut out, 5, 0);
        assert_eq!(get_step(&mut &out[out.len() - 1..], 4), None);
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

    #[test]
    fn packed_term_fast_paths_agree_with_the_plain_reader() {
        let cases: [(u64, usize, u32); 6] = [
            (0, 1, 0),
            (5, 12, 127),
            (3, 4, 128),
            (1, 2, 16383),
            (200, 3, 9),
            (7, 300, 1 << 20),
        ];
        for (step, len, id) in cases {
            let mut bytes = Vec::new();
            put_varint(&mut bytes, step);
            put_varint(&mut bytes, len as u64);
            put_varint(&mut bytes, u64::from(id));
            bytes.push(0b1010_1010);
            bytes.extend_from_slice(&[0xff; 3]);
            let (mut fast, mut plain) = (&bytes[..], &bytes[..]);
            assert_eq!(get_term(&mut fast), get_term_plain(&mut plain));
            assert_eq!(
                get_term(&mut &bytes[..]),
                Some((step, len, id, 0b1010_1010))
            );
            assert_eq!(fast.len(), plain.len(), "both stop after the flags");
        }
    }
}
