//! Memoised stemming: the per-worker word table the analyzer counts under.
//!
//! A memo numbers each distinct word once and remembers, by number, its stem and what the
//! analyzer asked of it (in the lexicon? a stopword? marked in this document?). It is the
//! analyzer's state, not the stemmer's: it serves one analyzer and keeps that analyzer's
//! stopword answers, so it lives here and `stem` only re-exports it.

use std::borrow::Cow;
use std::fmt;
use std::sync::Mutex;

use crate::analysis::model::Vocab;
use crate::analysis::stopwords::Stopwords;
use crate::analysis::token::Token;
use crate::stem::Stemmer;
use crate::util::hash::{FastMap, HashedKey, Interner, prefetch};

/// Memoised stemming for one run / one worker thread.
///
/// News text repeats its words, so each distinct word is stemmed once. Words (and stems, and
/// any other key the analyzer counts under) are numbered by an [`Interner`]: after one hash
/// lookup for a word, its stem, whether the lexicon knows it and whether it is a stopword are
/// read from a `Vec` by the word's id, each found out the first time it is asked.
///
/// A memo serves the analyzer that made it: it remembers that analyzer's stopword answers. As
/// the worker's own analysis state, it also keeps the buffers each analysis cuts a document's
/// tokens into ([`TokenBuffers`]).
pub struct MemoStemmer<'s> {
    stemmer: &'s Stemmer,
    /// Stems the other workers of the run have found.
    shared: Option<&'s SharedStems>,
    words: Interner,
    /// What is known of each word, by id.
    facts: Vec<Facts>,
    /// The current document's number, for [`MemoStemmer::marks`].
    document: u32,
    /// The ids of the current document's vocabulary keys, in vocabulary order.
    document_keys: Vec<WordId>,
    /// Lent to each analysis in turn ([`MemoStemmer::take_tokens`]).
    tokens: TokenBuffers,
}

/// What an analysis cuts a document into before its terms, emptied for each document: a
/// worker's next document reuses the last one's memory, still in the caches, where vectors
/// of its own came from fresh memory for most documents (their sizes vary with the text, and so
/// their allocator's size classes). Cachegrind, IndoSum train, `-j 1`, with a last-level cache
/// of 512 KiB as this machine's second level: the tokenizer's writes missed it 47k times
/// rather than 161k.
#[derive(Debug, Default)]
pub(crate) struct TokenBuffers {
    /// The tokens of the whole document.
    pub(crate) tokens: Vec<Token>,
    /// Sentence `i` has the tokens before `sentence_ends[i]` and after the previous sentence's.
    pub(crate) sentence_ends: Vec<usize>,
}

/// Tokens [`MemoStemmer::return_tokens`] keeps room for (1.5 MB): a larger buffer, left by a
/// document of megabytes, is let go rather than held by the worker for the rest of the run.
const KEPT_TOKENS: usize = 1 << 16;

/// The stems every worker of a run has found, for the others. Each worker's memo numbers
/// words on its own, but a word's stem is the same wherever it is met, and stemming a new word
/// takes thousands of instructions: with two workers, a third of all the stemming was of words
/// the other worker had stemmed already. A worker asks here only for words new to its own
/// memo, so the lock is taken once per distinct word, not once per token. What comes out does
/// not depend on which worker stemmed a word first.
#[derive(Debug, Default)]
pub struct SharedStems {
    /// Word to stem; `None` when the stem is the word itself.
    stems: Mutex<FastMap<Box<str>, Option<Box<str>>>>,
}

/// Words [`SharedStems`] holds before it starts again from none (about 6 MB): it would
/// otherwise grow with a corpus's every name and number.
const SHARED_WORDS: usize = 1 << 17;

impl SharedStems {
    /// The stem of `word`, from the table or from `stemmer` (and then added to the table);
    /// `None` when it is the word itself.
    fn stem(&self, stemmer: &Stemmer, word: &str) -> Option<String> {
        let lock = || self.stems.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = lock().get(word) {
            return known.as_deref().map(str::to_string);
        }
        // Stemmed without the lock: the other worker goes on meanwhile. Should both stem the
        // same word at once, both find the same stem.
        let stem = match stemmer.stem(word) {
            Cow::Borrowed(stem) if stem == word => None,
            stem => Some(stem.into_owned()),
        };
        let mut stems = lock();
        if stems.len() >= SHARED_WORDS {
            stems.clear();
        }
        stems.insert(word.into(), stem.as_deref().map(Box::from));
        stem
    }
}

/// A word's id in its [`MemoStemmer`].
pub type WordId = u32;

/// What a memo has found out about one word; each fact is looked up once, when first asked.
///
/// Sixteen bytes, four to a cache line, none across two: every word token of a document reads
/// its word's row and its key's, from a table of a whole corpus's words that outgrows the
/// caches. At 24 bytes, with the vocabulary id an `Option<u32>`, the analysis walk missed the
/// first-level data cache 2.00M times rather than 1.79M (cachegrind, IndoSum train, `-j 1`).
#[derive(Clone, Copy)]
struct Facts {
    /// The id of the word's stem, or [`UNKNOWN`].
    stem: WordId,
    /// The document `vocab` and `marks` belong to; older ones read as none.
    document: u32,
    /// The word's id in the document's vocabulary, or [`NO_VOCAB`] before it has one.
    vocab: u32,
    /// [`Facts`] flag bits: which of the facts below are known, and their answers.
    flags: u8,
    marks: DocMarks,
}

const _: () = assert!(size_of::<Facts>() == 16);

/// What the analyzer notes about a word within one document. Kept beside the word's facts, so
/// that it is found by the word's id with no table of its own to fill and clear per document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocMarks {
    /// Seen in lowercase in the document.
    pub lower: bool,
    /// Seen capitalised inside a sentence in the document.
    pub name: bool,
}

/// In [`Facts::vocab`]: no vocabulary id in the document yet.
const NO_VOCAB: u32 = u32::MAX;

/// In [`Facts::stem`]: not stemmed yet.
const UNKNOWN: WordId = WordId::MAX;

impl Facts {
    const LEXICON_KNOWN: u8 = 1;
    const IN_LEXICON: u8 = 2;
    const STOP_KNOWN: u8 = 4;
    const STOP: u8 = 8;
    const DI_KNOWN: u8 = 16;
    const DI_JOINS: u8 = 32;

    /// The answer for `flag` (with `known` its "asked before" bit), found with `ask` the first
    /// time.
    fn flag(&mut self, known: u8, flag: u8, ask: impl FnOnce() -> bool) -> bool {
        if self.flags & known == 0 {
            self.flags |= known | if ask() { flag } else { 0 };
        }
        self.flags & flag != 0
    }

    /// Makes the row's document marks and vocabulary id `document`'s, reading as none if
    /// they were an older document's.
    #[inline]
    fn renew(&mut self, document: u32) {
        if self.document != document {
            self.document = document;
            self.vocab = NO_VOCAB;
            self.marks = DocMarks::default();
        }
    }
}

impl<'s> MemoStemmer<'s> {
    pub fn new(stemmer: &'s Stemmer) -> Self {
        MemoStemmer {
            stemmer,
            shared: None,
            words: Interner::default(),
            facts: Vec::new(),
            document: 0,
            document_keys: Vec::new(),
            tokens: TokenBuffers::default(),
        }
    }

    /// A memo for one of several workers of a run: the stems of words new to it come from
    /// `shared` when another worker has found them.
    pub fn sharing(stemmer: &'s Stemmer, shared: &'s SharedStems) -> Self {
        MemoStemmer {
            shared: Some(shared),
            ..MemoStemmer::new(stemmer)
        }
    }

    /// Starts a new document: every word's [`DocMarks`] read as none again.
    pub fn begin_document(&mut self) {
        self.document_keys.clear();
        self.document = self.document.wrapping_add(1);
        if self.document == 0 {
            // After 2^32 documents the numbers come round: forget the marks for real.
            for facts in &mut self.facts {
                facts.renew(0);
            }
            self.document = 1;
        }
    }

    /// The marks of the word numbered `id` in the current document.
    pub fn marks(&mut self, id: WordId) -> &mut DocMarks {
        let facts = &mut self.facts[id as usize];
        facts.renew(self.document);
        &mut facts.marks
    }

    /// The vocabulary id the key numbered `id` has in the current document: the next one if
    /// it has none yet. The id is kept in the key's [`Facts`]: one lookup of a number, not
    /// of a string. The keys themselves are written out once, at the end, by
    /// [`MemoStemmer::document_vocab`].
    #[inline]
    pub fn vocab_id(&mut self, id: WordId) -> u32 {
        // Most keys are met again in the document: that case is a load and two tests here,
        // with the key's first meeting out of line (callgrind, IndoSum train: 663k calls,
        // 59M instructions before).
        let facts = &self.facts[id as usize];
        if facts.document == self.document && facts.vocab != NO_VOCAB {
            return facts.vocab;
        }
        self.new_vocab_id(id)
    }

    /// [`MemoStemmer::vocab_id`] for a key the document has not numbered yet.
    fn new_vocab_id(&mut self, id: WordId) -> u32 {
        let v = u32::try_from(self.document_keys.len())
            .ok()
            .filter(|&v| v != NO_VOCAB)
            .expect("fewer than 2^32 - 1 keys");
        self.document_keys.push(id);
        let facts = &mut self.facts[id as usize];
        facts.renew(self.document);
        facts.vocab = v;
        v
    }

    /// The worker's [`TokenBuffers`], empty, for the analysis of one document, which gives them
    /// back with [`MemoStemmer::return_tokens`].
    pub(crate) fn take_tokens(&mut self) -> TokenBuffers {
        let mut buffers = std::mem::take(&mut self.tokens);
        buffers.tokens.clear();
        buffers.sentence_ends.clear();
        buffers
    }

    /// Takes back the buffers [`MemoStemmer::take_tokens`] lent, for the next document; not
    /// those grown past [`KEPT_TOKENS`].
    pub(crate) fn return_tokens(&mut self, buffers: TokenBuffers) {
        if buffers.tokens.capacity() <= KEPT_TOKENS {
            self.tokens = buffers;
        }
    }

    /// The current document's vocabulary: the keys numbered by [`MemoStemmer::vocab_id`], in
    /// vocabulary order. Written in one pass at the end rather than key by key as they are
    /// met, which cost a call through a closure and a second look at the key's marks each.
    pub fn document_vocab(&self) -> Vocab {
        let (keys, ends) = self.words.write_joined(&self.document_keys);
        Vocab::from_joined(keys, ends)
    }

    /// The ids of the keys of the document analysed last, by its vocabulary id.
    pub fn document_keys(&self) -> &[WordId] {
        &self.document_keys
    }

    /// Heap bytes the memo holds: its words, their table and what is known of each, and the
    /// buffers it lends.
    pub fn heap_bytes(&self) -> usize {
        self.words.heap_bytes()
            + self.facts.capacity() * size_of::<Facts>()
            + self.document_keys.capacity() * size_of::<WordId>()
            + self.tokens.tokens.capacity() * size_of::<Token>()
            + self.tokens.sentence_ends.capacity() * size_of::<usize>()
    }

    /// Forgets every word, so that ids start from 0 again: a memo that has seen a corpus's
    /// every number, name and address would otherwise grow with the corpus. Between
    /// documents only; any id handed out before means nothing after.
    pub fn clear(&mut self) {
        *self = MemoStemmer {
            shared: self.shared,
            ..MemoStemmer::new(self.stemmer)
        };
    }

    /// The number of words (and keys) numbered so far: every id is below it.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The id of a word (or any key), numbered if new.
    pub fn id(&mut self, word: &str) -> WordId {
        let id = self.words.intern(word);
        self.known(id)
    }

    /// [`MemoStemmer::id`] of a word, as bytes of text, whose hash and head a scan of its
    /// bytes found already ([`crate::util::hash::KeyHasher`]).
    #[inline]
    pub fn id_key(&mut self, word: &[u8], key: HashedKey) -> WordId {
        let id = self.words.intern_key(word, key);
        self.known(id)
    }

    /// A hint that [`MemoStemmer::id_key`] will soon be asked for the word of `key`.
    #[inline(always)]
    pub fn prefetch_key(&self, key: HashedKey) {
        self.words.prefetch(key);
    }

    /// A hint that the facts of the word of `key` will soon be read: its row is fetched, if
    /// the word's slot (fetched by [`MemoStemmer::prefetch_key`]) names one.
    #[inline(always)]
    pub fn prefetch_facts(&self, key: HashedKey) {
        if let Some(facts) = self
            .words
            .peek(key)
            .and_then(|id| self.facts.get(id as usize))
        {
            prefetch(facts);
        }
    }

    /// `id`, with a row of facts made for it if it is new.
    #[inline]
    fn known(&mut self, id: WordId) -> WordId {
        if id as usize == self.facts.len() {
            self.facts.push(Facts {
                stem: UNKNOWN,
                document: 0,
                vocab: NO_VOCAB,
                flags: 0,
                marks: DocMarks::default(),
            });
        }
        id
    }

    /// The word numbered `id`.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id)
    }

    /// The id of the stem of the lowercase word numbered `id`.
    #[inline]
    pub fn stem_id(&mut self, id: WordId) -> WordId {
        let known = self.facts[id as usize].stem;
        if known != UNKNOWN {
            return known;
        }
        self.stem_new(id)
    }

    /// [`MemoStemmer::stem_id`] the first time: out of line, so that the lookups stay small
    /// enough to inline.
    #[cold]
    fn stem_new(&mut self, id: WordId) -> WordId {
        let word = self.words.get(id);
        let stem = match self.shared {
            Some(shared) => match shared.stem(self.stemmer, word) {
                None => id,
                Some(stem) => self.id(&stem),
            },
            None => match self.stemmer.stem(word) {
                Cow::Borrowed(stem) if stem == word => id,
                stem => {
                    let stem = stem.into_owned();
                    self.id(&stem)
                }
            },
        };
        self.facts[id as usize].stem = stem;
        stem
    }

    /// Whether the lexicon lists the word numbered `id` (never, for a language without one).
    pub fn in_lexicon(&mut self, id: WordId) -> bool {
        let (stemmer, words) = (self.stemmer, &self.words);
        self.facts[id as usize].flag(Facts::LEXICON_KNOWN, Facts::IN_LEXICON, || {
            stemmer.lexicon().is_some_and(|l| l.contains(words.get(id)))
        })
    }

    /// Whether the word numbered `id` is one of `stopwords`, which must be the same list at
    /// every call: the first answer is kept.
    #[inline]
    pub fn is_stopword(&mut self, id: WordId, stopwords: &Stopwords) -> bool {
        // Asked of every word token, and almost always answered before: that case is a load
        // and a test here, with the first asking out of line (callgrind, IndoSum train:
        // 642k calls, 26M instructions as a call each).
        let flags = self.facts[id as usize].flags;
        if flags & Facts::STOP_KNOWN != 0 {
            return flags & Facts::STOP != 0;
        }
        self.ask_stopword(id, stopwords)
    }

    /// [`MemoStemmer::is_stopword`] the first time it is asked of a word.
    #[cold]
    fn ask_stopword(&mut self, id: WordId, stopwords: &Stopwords) -> bool {
        let words = &self.words;
        self.facts[id as usize].flag(Facts::STOP_KNOWN, Facts::STOP, || {
            stopwords.contains(words.get(id))
        })
    }

    /// Whether "di" written apart before the word numbered `id` is the prefix of a word to
    /// rejoin (`analysis::words`), as noted by [`MemoStemmer::note_di_joins`]; `None` before.
    /// Like the stopword answers, it holds for the lexicon of the analyzer the memo serves.
    pub fn di_joins(&self, id: WordId) -> Option<bool> {
        let flags = self.facts[id as usize].flags;
        (flags & Facts::DI_KNOWN != 0).then_some(flags & Facts::DI_JOINS != 0)
    }

    /// Notes the answer of [`MemoStemmer::di_joins`] for the word numbered `id`.
    pub fn note_di_joins(&mut self, id: WordId, joins: bool) {
        self.facts[id as usize].flag(Facts::DI_KNOWN, Facts::DI_JOINS, || joins);
    }

    /// The stem of a lowercase word. One hash lookup for a word seen before.
    pub fn stem(&mut self, word: &str) -> &str {
        let id = self.id(word);
        let stem = self.stem_id(id);
        self.word(stem)
    }
}

impl fmt::Debug for MemoStemmer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoStemmer")
            .field("stemmer", self.stemmer)
            .field("words", &self.words.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::Lexicon;

    #[test]
    fn stem_memo_lends_its_token_buffers_emptied() {
        let stemmer = Stemmer::indonesian(Lexicon::embedded());
        let mut memo = MemoStemmer::new(&stemmer);
        let mut buffers = memo.take_tokens();
        buffers.tokens.push(Token {
            start: 0,
            end: 5,
            kind: crate::analysis::token::TokenKind::Word,
            boundary_before: true,
        });
        buffers.sentence_ends.push(1);
        memo.return_tokens(buffers);
        let again = memo.take_tokens();
        assert!(again.tokens.is_empty() && again.sentence_ends.is_empty());
        assert!(again.tokens.capacity() > 0, "the memory is kept");
    }

    #[test]
    fn stem_memo_matches_direct_stemming() {
        let stemmer = Stemmer::indonesian(Lexicon::embedded());
        let mut memo = MemoStemmer::new(&stemmer);
        for word in ["membangun", "membangun", "rumah", "fiturnya"] {
            let direct = stemmer.stem(word).into_owned();
            assert_eq!(memo.stem(word), direct);
        }
        assert_eq!(Stemmer::english().stem("running"), "run");
    }

    #[test]
    fn stem_memos_sharing_stems_match_direct_stemming() {
        let stemmer = Stemmer::indonesian(Lexicon::embedded());
        let shared = SharedStems::default();
        let mut first = MemoStemmer::sharing(&stemmer, &shared);
        let mut second = MemoStemmer::sharing(&stemmer, &shared);
        let words = ["membangun", "rumah", "fiturnya", "pembangunan"];
        for word in words {
            let direct = stemmer.stem(word).into_owned();
            assert_eq!(first.stem(word), direct);
            // The second finds it in the table; "rumah" is its own stem there.
            assert_eq!(second.stem(word), direct);
        }
        let table = shared.stems.lock().unwrap();
        assert_eq!(table.len(), words.len());
        assert_eq!(table.get("rumah"), Some(&None));
        assert_eq!(table.get("membangun"), Some(&Some("bangun".into())));
        drop(table);
        first.clear();
        assert!(first.shared.is_some(), "a cleared memo still shares");
        assert!(Stemmer::english().lexicon().is_none());
    }
}
