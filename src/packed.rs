//! Analyses kept between the two passes of a batch.
//!
//! A batch without a saved model reads every document twice: once to count document
//! frequencies, once to score. Analysing is most of the work, so the first pass keeps what it
//! analysed, up to a memory budget, and the second pass unpacks it instead of reading and
//! analysing again. An [`Analysis`] spends most of its bytes on padding and small allocations
//! (a `Term` is 32 bytes); packed, a term takes 13, so the budget holds about twice as many
//! documents.

use crate::analyzer::{Analysis, Sentence, Term, Vocab};
use crate::token::TokenKind;

/// An [`Analysis`] in a compact form: terms as parallel arrays, keys in one string.
#[derive(Debug, Clone)]
pub struct PackedAnalysis {
    text: String,
    sentences: Vec<Sentence>,
    starts: Vec<u32>,
    ends: Vec<u32>,
    ids: Vec<u32>,
    /// Token kind (3 bits) and the five flags of each term.
    flags: Vec<u8>,
    vocab: Vocab,
    dateline_end: u32,
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

impl PackedAnalysis {
    /// Packs `a`; `None` for a text too long for 32-bit offsets (such a document is simply
    /// analysed again).
    pub fn pack(a: &Analysis) -> Option<PackedAnalysis> {
        if u32::try_from(a.text.len()).is_err() {
            return None;
        }
        Some(PackedAnalysis {
            text: a.text.clone(),
            sentences: a.sentences.clone(),
            starts: a.terms.iter().map(|t| t.start as u32).collect(),
            ends: a.terms.iter().map(|t| t.end as u32).collect(),
            ids: a.terms.iter().map(|t| t.id).collect(),
            flags: a.terms.iter().map(pack_flags).collect(),
            vocab: a.vocab.clone(),
            dateline_end: a.dateline_end as u32,
        })
    }

    /// Heap bytes held, for the budget.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.sentences.capacity() * size_of::<Sentence>()
            + self.starts.capacity() * 13
            + self.vocab.heap_bytes()
    }

    /// The distinct keys of content terms, as [`Analysis::content_keys`] gives them.
    pub fn content_keys(&self) -> Vec<&str> {
        let mut seen = vec![false; self.vocab.len()];
        let mut keys = Vec::new();
        for (&id, &flags) in self.ids.iter().zip(&self.flags) {
            if flags & CONTENT != 0 && !std::mem::replace(&mut seen[id as usize], true) {
                keys.push(self.vocab.get(id as usize));
            }
        }
        keys
    }

    /// The analysis as it was packed.
    pub fn unpack(self) -> Analysis {
        let terms = (0..self.ids.len())
            .map(|i| {
                let f = self.flags[i];
                Term {
                    id: self.ids[i],
                    start: self.starts[i] as usize,
                    end: self.ends[i] as usize,
                    kind: KINDS[usize::from(f & 0b111)],
                    content: f & CONTENT != 0,
                    boundary_before: f & BOUNDARY != 0,
                    weak_case: f & WEAK_CASE != 0,
                    proper: f & PROPER != 0,
                    joined: f & JOINED != 0,
                }
            })
            .collect();
        Analysis {
            text: self.text,
            sentences: self.sentences,
            terms,
            vocab: self.vocab,
            dateline_end: self.dateline_end as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;
    use crate::config::Language;
    use crate::stem::{Lexicon, Stemmer};
    use crate::stopwords::Stopwords;

    #[test]
    fn packed_unpacks_to_the_same_analysis() {
        let analyzer = Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(Lexicon::embedded()),
        );
        let mut memo = analyzer.memo();
        let text = "Jakarta, KOMPAS.com - Harga beras naik 10%. Lihat https://bps.go.id, \
                    tanya redaksi@kompas.com #pemilu @jokowi. Melalui di skusi, NATO sepakat.";
        let a = analyzer.analyze(text, &mut memo);
        let packed = PackedAnalysis::pack(&a).expect("a short text packs");
        assert_eq!(a.content_keys(), packed.content_keys());
        let b = packed.unpack();
        assert_eq!(a.text, b.text);
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.vocab, b.vocab);
    }
}
