//! TF-IDF and sentence features: pure functions over an `Analysis`.
//!
//! Where the IDF collection comes from is the caller's choice: a single document is scored
//! against its own sentences, a batch against its documents (`DocFreq`).

use std::collections::hash_map::Entry;

use crate::analysis::analyzer::Analysis;
use crate::analysis::memo::WordId;
use crate::util::hash::FastMap;

/// Document frequencies of a collection: how many documents hold each key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFreq {
    pub documents: u64,
    pub counts: FastMap<Box<str>, u64>,
}

impl DocFreq {
    /// Counts one document's distinct keys.
    pub fn add_document<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>) {
        self.documents += 1;
        for key in keys {
            self.add(key, 1);
        }
    }

    /// Adds another collection's counts (associative and commutative).
    pub fn merge(&mut self, other: &DocFreq) {
        self.documents += other.documents;
        for (key, &n) in &other.counts {
            self.add(key, n);
        }
    }

    /// Adds `n` documents to `key`'s count; a key already counted is not copied just to be
    /// looked up.
    fn add(&mut self, key: &str, n: u64) {
        match self.counts.get_mut(key) {
            Some(m) => *m += n,
            None => {
                self.counts.insert(key.into(), n);
            }
        }
    }

    pub fn count(&self, key: &str) -> u64 {
        self.counts.get(key).copied().unwrap_or(0)
    }
}

/// Document frequencies counted by key id (a [`MemoStemmer`]'s numbering) instead of by
/// string: what each worker of a batch's first pass counts into, one array increment per
/// distinct key of a document where a [`DocFreq`] hashes and compares the key. Turned into a
/// [`DocFreq`] by [`IdDocFreq::into_doc_freq`] with the same memo once the pass is over.
///
/// [`MemoStemmer`]: crate::analysis::memo::MemoStemmer
#[derive(Debug, Default)]
pub struct IdDocFreq {
    documents: u64,
    /// By key id.
    counts: Vec<u64>,
    /// By vocabulary id of the document being counted: counted already.
    seen: Vec<bool>,
    /// Counts by key of ids settled before the memo was cleared (see [`IdDocFreq::settle`]);
    /// its document count is not kept.
    settled: DocFreq,
}

impl IdDocFreq {
    /// Counts the distinct content keys of `a`, whose vocabulary id `v` has key id `keys[v]`
    /// ([`MemoStemmer::document_keys`](crate::analysis::memo::MemoStemmer::document_keys) after
    /// analysing it); `ids` is how many key ids there are.
    pub fn add_document(&mut self, a: &Analysis, keys: &[WordId], ids: usize) {
        self.documents += 1;
        if self.counts.len() < ids {
            self.counts.resize(ids, 0);
        }
        self.seen.clear();
        self.seen.resize(a.vocab.len(), false);
        for t in a.terms.iter().filter(|t| t.content) {
            let v = t.id as usize;
            if !std::mem::replace(&mut self.seen[v], true) {
                self.counts[keys[v] as usize] += 1;
            }
        }
    }

    /// By vocabulary id of the document counted last: whether a content term counts under it.
    pub fn content(&self) -> &[bool] {
        &self.seen
    }

    /// Moves the counts by id into counts by key, `key(id)` giving the key numbered `id`: before
    /// the memo that numbers them is cleared.
    pub fn settle<'k>(&mut self, key: impl Fn(WordId) -> &'k str) {
        let counted = self.counts.iter().enumerate().filter(|(_, n)| **n > 0);
        self.settled.counts.reserve(counted.clone().count());
        for (id, &n) in counted {
            self.settled.add(key(id as WordId), n);
        }
        self.counts.clear();
    }

    /// The counts by key, `key(id)` giving the key numbered `id`.
    pub fn into_doc_freq<'k>(self, key: impl Fn(WordId) -> &'k str) -> DocFreq {
        self.into_slots(key).into_doc_freq()
    }

    /// The counts by key as [`SlotCounts`], `key(id)` giving the key numbered `id`: the slot of
    /// a key counted under the last numbering is its id there.
    pub fn into_slots<'k>(self, key: impl Fn(WordId) -> &'k str) -> SlotCounts {
        let mut counts = self.counts;
        let ids = counts.len();
        let counted = counts.iter().filter(|&&n| n > 0).count();
        let mut slots = FastMap::default();
        slots.reserve(counted + self.settled.counts.len());
        for (id, _) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            slots.insert(Box::from(key(id as WordId)), id as u64);
        }
        // Keys of earlier numberings: added to the same key's id, or given a slot past the ids.
        for (key, n) in self.settled.counts {
            add_to_slot(&mut slots, &mut counts, key, n);
        }
        SlotCounts {
            documents: self.documents,
            slots,
            counts,
            ids,
        }
    }
}

/// Adds `n` to the count of `key`'s slot, giving the key a new slot past the others if it has
/// none; the slot.
fn add_to_slot(
    slots: &mut FastMap<Box<str>, u64>,
    counts: &mut Vec<u64>,
    key: Box<str>,
    n: u64,
) -> u64 {
    match slots.entry(key) {
        Entry::Occupied(at) => {
            let at = *at.get();
            counts[at as usize] += n;
            at
        }
        Entry::Vacant(at) => {
            let to = counts.len() as u64;
            at.insert(to);
            counts.push(n);
            to
        }
    }
}

/// Document frequencies by key, each key with a slot of its count: what a batch's workers'
/// counts are added up in, so that the count each worker's key ids end with is found by slot
/// once they are, not by hashing the key again (see [`SlotCounts::merge`]).
#[derive(Debug, Default)]
pub struct SlotCounts {
    documents: u64,
    /// Each key's slot in `counts`.
    slots: FastMap<Box<str>, u64>,
    /// By slot: below `ids`, by key id of the last numbering of the [`IdDocFreq`] these come
    /// from (0 for the ids of no counted key); past them, keys counted otherwise.
    counts: Vec<u64>,
    ids: usize,
}

impl SlotCounts {
    /// The number of documents counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Adds `other`'s counts, its keys moved rather than copied. With the slot each key id of
    /// `other`'s last numbering now has, by id (`u64::MAX` for the ids of no counted key):
    /// slots never move, so they stay right however many tables are merged after.
    pub fn merge(&mut self, other: SlotCounts) -> Vec<u64> {
        self.documents += other.documents;
        let mut moved = vec![u64::MAX; other.ids];
        for (key, slot) in other.slots {
            let n = other.counts[slot as usize];
            let to = add_to_slot(&mut self.slots, &mut self.counts, key, n);
            if let Some(id) = moved.get_mut(slot as usize) {
                *id = to;
            }
        }
        moved
    }

    /// The count of every key id of the last numbering of the [`IdDocFreq`] these come from
    /// (0 for the ids of no counted key).
    pub fn id_counts(&self) -> &[u64] {
        &self.counts[..self.ids]
    }

    /// The count in each slot of `moved` ([`SlotCounts::merge`] gave it): by key id of the
    /// last numbering of what was merged (0 for the ids of no counted key).
    pub fn moved_counts(&self, moved: &[u64]) -> Vec<u64> {
        moved
            .iter()
            .map(|&at| self.counts.get(at as usize).copied().unwrap_or(0))
            .collect()
    }

    /// The counts by key; each key's slot becomes its count in place, no key hashed again.
    pub fn into_doc_freq(mut self) -> DocFreq {
        for count in self.slots.values_mut() {
            *count = self.counts[*count as usize];
        }
        DocFreq {
            documents: self.documents,
            counts: self.slots,
        }
    }
}

/// Smoothed inverse document frequency: never zero, largest for the rarest terms.
pub fn idf(documents: u64, df: u64) -> f64 {
    ((1 + documents) as f64 / (1 + df) as f64).ln() + 1.0
}

/// IDF of every vocabulary id, with the document's sentences as the collection.
pub fn sentence_idf(a: &Analysis) -> Vec<f64> {
    let mut df = vec![0u64; a.vocab.len()];
    let mut last_seen = vec![usize::MAX; a.vocab.len()];
    for (i, _) in a.sentences.iter().enumerate() {
        for t in a.sentence_terms(i).iter().filter(|t| t.content) {
            let id = t.id as usize;
            if last_seen[id] != i {
                last_seen[id] = i;
                df[id] += 1;
            }
        }
    }
    let n = a.sentences.len() as u64;
    df.into_iter().map(|d| idf(n, d)).collect()
}

/// IDF of every content term's id against a corpus. A term the corpus has never seen counts
/// as seen once, in this document. Ids of stopwords and other non-content terms, which nothing
/// weighs, are not looked up: they get the IDF of an unseen term.
pub fn corpus_idf(a: &Analysis, corpus: &DocFreq) -> Vec<f64> {
    corpus_idf_by(a, corpus.documents, |v| corpus.count(&a.vocab[v]))
}

/// [`corpus_idf`] against a corpus of `documents` in which `df(v)` documents hold the key of
/// vocabulary id `v` (asked once per id of a content term): for a caller that finds it faster
/// than by the key.
pub fn corpus_idf_by(a: &Analysis, documents: u64, mut df: impl FnMut(usize) -> u64) -> Vec<f64> {
    let documents = documents.max(1);
    IDF_BY_DF.with_borrow_mut(|memo| {
        memo.reset(documents);
        let unseen = memo.get(1);
        content_idf(a, unseen, |v| memo.get(df(v).max(1)))
    })
}

/// [`idf`] against a corpus of `documents` of a key `df` of them hold, as [`corpus_idf_by`]
/// has it (at least one document, and the key in at least one), each logarithm taken once
/// per thread.
pub fn corpus_idf_of(documents: u64, df: u64) -> f64 {
    let documents = documents.max(1);
    IDF_BY_DF.with_borrow_mut(|memo| {
        memo.reset(documents);
        memo.get(df.max(1))
    })
}

/// The IDF of every vocabulary id of `a`: `idf(v)` for the ids of content terms (asked once
/// per id), `unseen` for the rest.
pub fn content_idf(a: &Analysis, unseen: f64, mut idf: impl FnMut(usize) -> f64) -> Vec<f64> {
    let mut idfs = vec![f64::NAN; a.vocab.len()];
    for t in a.terms.iter().filter(|t| t.content) {
        let slot = &mut idfs[t.id as usize];
        if slot.is_nan() {
            *slot = idf(t.id as usize);
        }
    }
    for slot in idfs.iter_mut().filter(|v| v.is_nan()) {
        *slot = unseen;
    }
    idfs
}

thread_local! {
    /// A corpus's documents all ask for the IDF of the same few thousand document
    /// frequencies: each logarithm is taken once per thread, not once per term of every
    /// document.
    static IDF_BY_DF: std::cell::RefCell<IdfMemo> = const {
        std::cell::RefCell::new(IdfMemo {
            documents: 0,
            values: Vec::new(),
        })
    };
}

/// `idf(documents, df)` by `df`, computed by that function when first asked for.
struct IdfMemo {
    documents: u64,
    /// NaN where not computed yet.
    values: Vec<f64>,
}

/// Document frequencies past this are not remembered (a saved model may count millions).
const IDF_MEMO_LEN: u64 = 1 << 16;

impl IdfMemo {
    /// Ready for a collection of `documents`; what was computed for another is dropped.
    fn reset(&mut self, documents: u64) {
        if self.documents != documents || self.values.is_empty() {
            self.documents = documents;
            self.values.clear();
            self.values
                .resize((documents + 1).min(IDF_MEMO_LEN) as usize, f64::NAN);
        }
    }

    fn get(&mut self, df: u64) -> f64 {
        match self.values.get_mut(df as usize) {
            Some(v) if !v.is_nan() => *v,
            Some(v) => {
                *v = idf(self.documents, df);
                *v
            }
            None => idf(self.documents, df),
        }
    }
}

/// A sparse TF-IDF vector: (id, weight) sorted by id.
#[derive(Debug, Clone, Default)]
pub struct TermVector {
    entries: Vec<(u32, f64)>,
    norm: f64,
    /// For a vector of many terms, 1 + the index in `entries` of each id (0 when absent), so
    /// a short vector's terms are looked up in it directly; empty otherwise.
    index: Vec<u32>,
}

/// Equal when their terms and weights are; the index is derived from them.
impl PartialEq for TermVector {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries && self.norm == other.norm
    }
}

/// Vectors of at least this many terms get an index by id.
const INDEXED_TERMS: usize = 32;

impl TermVector {
    /// The TF-IDF vector of a run of terms.
    pub fn from_terms<'t>(
        terms: impl IntoIterator<Item = &'t crate::analysis::analyzer::Term>,
        idf: &[f64],
    ) -> Self {
        let terms = terms.into_iter();
        let most = terms.size_hint().1.unwrap_or(usize::MAX);
        if most > idf.len() / 2 {
            // Many occurrences of few ids (a whole document): counted by id, not sorted.
            let mut counts = vec![0u32; idf.len()];
            for t in terms.filter(|t| t.content) {
                counts[t.id as usize] += 1;
            }
            TermVector::from_counts(&counts, idf)
        } else {
            // Sized for every term at once: a filtered collect grows a step at a time.
            let mut entries = Vec::with_capacity(most);
            entries.extend(
                terms
                    .filter(|t| t.content)
                    .map(|t| (t.id, idf[t.id as usize])),
            );
            TermVector::from_occurrences(entries, idf.len())
        }
    }

    /// From the number of occurrences of each id (its content terms'): the vector
    /// [`TermVector::from_terms`] gives for them.
    pub fn from_counts(counts: &[u32], idf: &[f64]) -> Self {
        let mut entries = Vec::with_capacity(counts.iter().filter(|&&n| n > 0).count());
        for (id, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            // Added one occurrence at a time, as a sum in text order would be.
            let mut w = idf[id];
            for _ in 1..n {
                w += idf[id];
            }
            entries.push((id as u32, w));
        }
        TermVector::from_entries(entries, idf.len())
    }

    /// From the (id, IDF) pair of each occurrence of a content term, in text order, for ids
    /// below `ids`: the sum for a run of terms that [`TermVector::from_terms`] gives.
    pub fn from_occurrences(mut entries: Vec<(u32, f64)>, ids: usize) -> Self {
        // Equal ids carry equal weights: their order among themselves does not matter.
        entries.sort_unstable_by_key(|&(id, _)| id);
        entries.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
        TermVector::from_entries(entries, ids)
    }

    /// From distinct (id, weight) pairs sorted by id, for ids below `ids`.
    fn from_entries(entries: Vec<(u32, f64)>, ids: usize) -> Self {
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let index = if entries.len() >= INDEXED_TERMS {
            let mut index = vec![0u32; ids];
            for (at, &(id, _)) in entries.iter().enumerate() {
                index[id as usize] = at as u32 + 1;
            }
            index
        } else {
            Vec::new()
        };
        TermVector {
            entries,
            norm,
            index,
        }
    }

    /// From explicit (id, weight) pairs in any order; equal ids add up.
    pub fn from_weights(mut pairs: Vec<(u32, f64)>) -> Self {
        pairs.sort_unstable_by_key(|&(id, _)| id);
        let mut entries: Vec<(u32, f64)> = Vec::with_capacity(pairs.len());
        for (id, w) in pairs {
            match entries.last_mut() {
                Some((last, acc)) if *last == id => *acc += w,
                _ => entries.push((id, w)),
            }
        }
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        TermVector {
            entries,
            norm,
            index: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn entries(&self) -> &[(u32, f64)] {
        &self.entries
    }

    pub fn dot(&self, other: &TermVector) -> f64 {
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        if !large.index.is_empty() {
            // Every path adds the same products in the same (term) order: the same sum.
            return small.entries.iter().fold(0.0, |sum, &(id, w)| {
                match large.index.get(id as usize) {
                    Some(&at) if at > 0 => sum + w * large.entries[at as usize - 1].1,
                    _ => sum,
                }
            });
        }
        let (small, large) = (&small.entries, &large.entries);
        if small.len() * 16 < large.len() {
            // A sentence against the whole document: looking its few terms up beats walking
            // the document's vocabulary, which made scoring every sentence of a long document
            // quadratic. Same products, added in the same (term) order: the same sum.
            return small.iter().fold(0.0, |sum, &(id, w)| {
                match large.binary_search_by_key(&id, |&(k, _)| k) {
                    Ok(at) => sum + w * large[at].1,
                    Err(_) => sum,
                }
            });
        }
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < self.entries.len() && j < other.entries.len() {
            let (a, wa) = self.entries[i];
            let (b, wb) = other.entries[j];
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += wa * wb;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Cosine similarity; 0 when either side is empty.
    pub fn cosine(&self, other: &TermVector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            0.0
        } else {
            self.dot(other) / (self.norm * other.norm)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_idf_is_smaller_for_common_terms() {
        assert!(idf(10, 1) > idf(10, 5));
        assert!(idf(10, 10) > 0.0);
    }

    #[test]
    fn score_docfreq_merge_is_commutative() {
        let mut a = DocFreq::default();
        a.add_document(["harga", "beras"]);
        let mut b = DocFreq::default();
        b.add_document(["harga"]);
        b.add_document(["cabai"]);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.documents, 3);
        assert_eq!(ab.count("harga"), 2);
    }

    #[test]
    fn score_id_docfreq_counts_what_docfreq_counts() {
        let analyzer = crate::analysis::analyzer::Analyzer::indonesian();
        let mut memo = analyzer.memo();
        let texts = [
            "Harga beras naik lagi. Harga cabai juga naik di pasar.",
            "JAKARTA, KOMPAS.com - Petani menanam beras. Pemerintah menaikkan harga.",
            "Pasar ramai. Kenaikan harga membuat pembeli mengeluh, kata pedagang.",
            "",
        ];
        let (mut by_key, mut by_id) = (DocFreq::default(), IdDocFreq::default());
        for text in texts {
            let a = analyzer.analyze(text, &mut memo);
            by_key.add_document(a.content_keys());
            by_id.add_document(&a, memo.document_keys(), memo.len());
        }
        let by_id = by_id.into_doc_freq(|id| memo.word(id));
        assert_eq!(by_id, by_key);
        assert_eq!(by_id.documents, 4);
        assert!(
            by_id.count("harga") == 3 && by_id.count("naik") >= 1,
            "{by_id:?}"
        );
    }

    #[test]
    fn score_cosine_of_vectors() {
        let a = TermVector::from_weights(vec![(1, 1.0), (2, 1.0)]);
        let b = TermVector::from_weights(vec![(2, 1.0), (1, 1.0)]);
        assert!((a.cosine(&b) - 1.0).abs() < 1e-12);
        let c = TermVector::from_weights(vec![(3, 2.0)]);
        assert_eq!(a.cosine(&c), 0.0);
        assert_eq!(TermVector::default().cosine(&a), 0.0);
    }
}
