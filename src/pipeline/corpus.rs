//! What the documents of a batch are scored against, and the quick way to its document
//! frequencies for the analyses the first pass kept.
//!
//! The IDF of a document's terms needs the document frequency of each of its keys; found by
//! the key, that is a string hashed and compared per distinct key of every document (233k
//! lookups for IndoSum train), each likely a cache miss in a table of the batch's every key. A
//! kept analysis also carries the ids its worker's memo gave its keys ([`KeyIds`]), and the
//! first pass ends with the IDF of every id of each worker's last numbering ([`IdfTable`]):
//! such a document's IDFs are read by id, one load per key.

use crate::analysis::analyzer::Analysis;
use crate::analysis::memo::WordId;
use crate::score::{DocFreq, corpus_idf, corpus_idf_of};

/// One numbering of words by a worker's memo: its slot among the workers and how many times
/// the memo had been cleared (a cleared memo numbers from 0 again, so ids of two generations
/// name different words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbering {
    pub(super) slot: usize,
    pub(super) generation: u32,
}

/// The memo ids of an analysis's keys, by vocabulary id (the memo's
/// [`document_keys`](crate::analysis::memo::MemoStemmer::document_keys) after analysing it),
/// each with [`CONTENT`] set when a content term of the document counts under it: the ids
/// whose IDF the document asks for, known without walking its terms again.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct KeyIds {
    pub(super) numbering: Numbering,
    pub(super) ids: Box<[WordId]>,
}

/// In [`KeyIds::ids`]: the mark of a content key. A memo clears itself long before it has
/// numbered 2^31 words.
const CONTENT: WordId = 1 << (WordId::BITS - 1);

impl KeyIds {
    /// The ids `keys` of `numbering` (by vocabulary id), marked where `content` (by vocabulary
    /// id) says a content term counts under them; `None` for an id too large to be marked.
    pub(super) fn new(numbering: Numbering, keys: &[WordId], content: &[bool]) -> Option<KeyIds> {
        debug_assert_eq!(keys.len(), content.len());
        if keys.iter().any(|&id| id & CONTENT != 0) {
            return None;
        }
        let ids = keys
            .iter()
            .zip(content)
            .map(|(&id, &content)| if content { id | CONTENT } else { id })
            .collect();
        Some(KeyIds { numbering, ids })
    }

    /// Heap bytes held, for the budget of kept analyses.
    pub(super) fn heap_bytes(&self) -> usize {
        self.ids.len() * size_of::<WordId>()
    }
}

/// The IDF of every key id of one numbering: what the kept analyses of that numbering are
/// scored with.
///
/// Computed as the first pass ends, from the count each id has once the workers' counts are
/// added up ([`SlotCounts`](crate::score::SlotCounts) keeps them by slot), where each id's key
/// used to be looked up again (and its IDF kept in an atomic) the first time a document of the
/// second pass asked for it: 6.5% of a two-worker batch's time went to those lookups, about
/// three times their share of instructions.
#[derive(Debug)]
pub(super) struct IdfTable {
    numbering: Numbering,
    /// By key id; NaN (never an IDF) for the ids of no counted key, which no kept analysis of
    /// the numbering asks for.
    idf: Box<[f64]>,
}

impl IdfTable {
    /// The table of `numbering`, from the count of each of its key ids in a collection of
    /// `documents` (0 for the ids of no counted key).
    pub(super) fn new(numbering: Numbering, counts: &[u64], documents: u64) -> IdfTable {
        let idf = counts
            .iter()
            .map(|&n| match n {
                0 => f64::NAN,
                n => corpus_idf_of(documents, n),
            })
            .collect();
        IdfTable { numbering, idf }
    }
}

/// The document frequencies a batch is scored against.
pub(super) struct Corpus<'a> {
    df: &'a DocFreq,
    /// For each worker, the IDFs by the ids of the numbering its memo ended the first pass
    /// with.
    tables: &'a [IdfTable],
}

impl<'a> Corpus<'a> {
    /// `df` found by key only (a saved model: no memo numbered its keys).
    pub(super) fn by_key(df: &'a DocFreq) -> Self {
        Corpus { df, tables: &[] }
    }

    /// `df`, found also by the ids of the numberings of `tables`.
    pub(super) fn by_id(df: &'a DocFreq, tables: &'a [IdfTable]) -> Self {
        Corpus { df, tables }
    }

    /// The IDF of every vocabulary id of `a` (see [`corpus_idf`]); by `keys` when they are of a
    /// numbering this corpus has a table for.
    pub(super) fn idf(&self, a: &Analysis, keys: Option<&KeyIds>) -> Vec<f64> {
        let found = keys
            .filter(|keys| keys.ids.len() == a.vocab.len())
            .and_then(|keys| {
                let table = self.tables.iter().find(|t| t.numbering == keys.numbering)?;
                Some((&table.idf, &keys.ids))
            });
        let Some((table, ids)) = found else {
            return corpus_idf(a, self.df);
        };
        let documents = self.df.documents;
        let unseen = corpus_idf_of(documents, 1);
        ids.iter()
            .enumerate()
            .map(|(v, &id)| {
                if id & CONTENT == 0 {
                    return unseen;
                }
                match table.get((id & !CONTENT) as usize) {
                    Some(&idf) if !idf.is_nan() => idf,
                    _ => corpus_idf_of(documents, self.df.count(a.vocab.get(v))),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;
    use crate::score::IdDocFreq;

    #[test]
    fn corpus_idf_by_id_is_idf_by_key() {
        let analyzer = Analyzer::indonesian();
        let texts = [
            "Harga beras naik lagi. Harga cabai juga naik di pasar.",
            "JAKARTA, KOMPAS.com - Petani menanam beras. Pemerintah menaikkan harga.",
            "Pasar ramai. Kenaikan harga membuat pembeli mengeluh, kata pedagang.",
            "Di pasar, harga beras dan cabai turun. Petani dan pedagang mengeluh.",
            "Harga emas naik. Pedagang di pasar senang.",
        ];
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        // Two workers; the second clears its memo after its first document, so that its
        // table holds keys of two numberings.
        let (mut first, mut second) = (analyzer.memo(), analyzer.memo());
        let (mut counts, mut more) = (IdDocFreq::default(), IdDocFreq::default());
        let mut by_key = DocFreq::default();
        let mut analysed = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let (memo, counts, numbering) = match i {
                0 | 1 => (&mut first, &mut counts, (0, 0)),
                2 => (&mut second, &mut more, (1, 0)),
                _ => (&mut second, &mut more, (1, 1)),
            };
            let numbering = Numbering {
                slot: numbering.0,
                generation: numbering.1,
            };
            let a = analyzer.analyze(text, memo);
            by_key.add_document(a.content_keys());
            counts.add_document(&a, memo.document_keys(), memo.len());
            let keys = KeyIds::new(numbering, memo.document_keys(), counts.content());
            analysed.push((a, keys.expect("small ids")));
            if i == 2 {
                counts.settle(|id| memo.word(id));
                memo.clear();
            }
        }
        let mut all = counts.into_slots(|id| first.word(id));
        let alone = IdfTable::new(analysed[0].1.numbering, all.id_counts(), 2);
        let moved = all.merge(more.into_slots(|id| second.word(id)));
        let tables = [
            IdfTable::new(analysed[0].1.numbering, all.id_counts(), 5),
            IdfTable::new(analysed[3].1.numbering, &all.moved_counts(&moved), 5),
        ];
        let df = all.into_doc_freq();
        assert_eq!(df, by_key);
        let corpus = Corpus::by_id(&df, &tables);
        for (a, keys) in &analysed {
            // The second worker's first document is of a numbering no table is of: by key.
            assert_eq!(bits(&corpus.idf(a, Some(keys))), bits(&corpus_idf(a, &df)));
        }
        // The first worker's counts alone, against its own two documents.
        let mut own = DocFreq::default();
        for (a, _) in &analysed[..2] {
            own.add_document(a.content_keys());
        }
        let tables = [alone];
        let corpus = Corpus::by_id(&own, &tables);
        for (a, keys) in &analysed[..2] {
            assert_eq!(bits(&corpus.idf(a, Some(keys))), bits(&corpus_idf(a, &own)));
        }
    }
}
