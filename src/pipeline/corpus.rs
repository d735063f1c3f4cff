//! What the documents of a batch are scored against, and the quick way to its document
//! frequencies for the analyses the first pass kept.
//!
//! The IDF of a document's terms needs the document frequency of each of its keys; found by
//! the key, that is a string hashed and compared per distinct key of every document (233k
//! lookups, 34M instructions for IndoSum train). A kept analysis also carries the ids its
//! worker's memo gave its keys ([`KeyIds`]), and a table by those ids answers each key of that
//! memo once for the whole pass.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::analysis::analyzer::Analysis;
use crate::analysis::memo::WordId;
use crate::score::{DocFreq, content_idf, corpus_idf, corpus_idf_of};

/// One numbering of words by a worker's memo: its slot among the workers and how many times
/// the memo had been cleared (a cleared memo numbers from 0 again, so ids of two generations
/// name different words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbering {
    pub(super) slot: usize,
    pub(super) generation: u32,
}

/// The memo ids of an analysis's keys, by vocabulary id (the memo's
/// [`document_keys`](crate::analysis::memo::MemoStemmer::document_keys) after analysing it).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct KeyIds {
    pub(super) numbering: Numbering,
    pub(super) ids: Box<[WordId]>,
}

impl KeyIds {
    /// Heap bytes held, for the budget of kept analyses.
    pub(super) fn heap_bytes(&self) -> usize {
        self.ids.len() * size_of::<WordId>()
    }
}

/// In a table of [`Corpus`]: not looked up yet (the bits of a NaN, never an IDF).
const UNKNOWN: u64 = u64::MAX;

/// The document frequencies a batch is scored against.
pub(super) struct Corpus<'a> {
    df: &'a DocFreq,
    /// For each worker, the numbering its memo ended the first pass with and the IDFs (their
    /// bits) by those ids, each found by key the first time a document asks for it: a hit
    /// costs no logarithm nor memo of them. Shared by the workers of the second pass:
    /// whichever asks first fills an entry, with the same number any other would.
    by_id: Vec<(Numbering, Box<[AtomicU64]>)>,
}

impl<'a> Corpus<'a> {
    /// `df` found by key only (a saved model: no memo numbered its keys).
    pub(super) fn by_key(df: &'a DocFreq) -> Self {
        Corpus {
            df,
            by_id: Vec::new(),
        }
    }

    /// `df` found also by the ids of the numberings in `numberings`, each with how many ids it
    /// has given.
    pub(super) fn by_id(df: &'a DocFreq, numberings: &[(Numbering, usize)]) -> Self {
        let by_id = numberings
            .iter()
            .map(|&(numbering, ids)| {
                let table = (0..ids).map(|_| AtomicU64::new(UNKNOWN)).collect();
                (numbering, table)
            })
            .collect();
        Corpus { df, by_id }
    }

    /// The IDF of every vocabulary id of `a` (see [`corpus_idf`]); by `keys` when they are of a
    /// numbering this corpus has a table for.
    pub(super) fn idf(&self, a: &Analysis, keys: Option<&KeyIds>) -> Vec<f64> {
        let table = keys
            .filter(|keys| keys.ids.len() == a.vocab.len())
            .and_then(|keys| {
                let (_, table) = self.by_id.iter().find(|(n, _)| *n == keys.numbering)?;
                Some((table, &keys.ids))
            });
        let Some((table, ids)) = table else {
            return corpus_idf(a, self.df);
        };
        let documents = self.df.documents;
        content_idf(a, corpus_idf_of(documents, 1), |v| {
            let by_key = || corpus_idf_of(documents, self.df.count(&a.vocab[v]));
            let Some(entry) = table.get(ids[v] as usize) else {
                return by_key();
            };
            match entry.load(Ordering::Relaxed) {
                UNKNOWN => {
                    let idf = by_key();
                    entry.store(idf.to_bits(), Ordering::Relaxed);
                    idf
                }
                bits => f64::from_bits(bits),
            }
        })
    }
}
