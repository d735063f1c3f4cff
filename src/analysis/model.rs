//! The analysis data model: what [`Analyzer::analyze`](super::analyzer::Analyzer::analyze)
//! produces and every later stage reads. An [`Analysis`] holds the normalised text, its
//! [`Sentence`]s, its [`Term`]s with byte spans, and the [`Vocab`] of keys they count under.
//! Kept apart from the analyzer so that the types read on their own, without the steps that
//! fill them.

use std::borrow::Cow;
use std::ops::Range;

use crate::analysis::lowercase::lowercase;
use crate::analysis::sentence::flatten;
use crate::analysis::token::TokenKind;

/// One occurrence of a token in a document, with the key it is counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Index of the term's key in `Analysis::vocab`.
    pub id: u32,
    /// Byte span in `Analysis::text`.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A content word: a word, not a stopword, not a dateline, at least two letters.
    pub content: bool,
    /// Punctuation separates it from the previous term (phrases do not cross it).
    pub boundary_before: bool,
    /// First word of a sentence or a word of a heading, where capitals say nothing.
    pub weak_case: bool,
    /// Capitalised and left unstemmed: a name.
    pub proper: bool,
    /// "di skusi" rejoined into one word: the surface drops the inner space.
    pub joined: bool,
}

/// What a unit of a document is, as the structure pass (`analysis::structure`) reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A sentence of the article's prose: what summaries are made of.
    #[default]
    Body,
    /// The document's headline (reported as `title`; its words count for keywords).
    Title,
    /// A sub-heading: counted, never a summary sentence; its words count for keywords.
    Heading,
    /// Captions, read-also lines, bylines, footers, tags, ads, site names: kept out of
    /// summaries and keywords.
    Boilerplate,
}

/// A sentence (or heading) of a document and its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// First unit of a paragraph (after a blank line, or the document's start).
    pub paragraph_start: bool,
    /// Range into `Analysis::terms`.
    pub terms: Range<usize>,
}

/// A document cut into sentences and terms.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The normalised text; every span points into it.
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub terms: Vec<Term>,
    /// Term keys (stems of content words, lowercase forms of the rest), by id.
    pub vocab: Vocab,
    /// Where a news dateline opening the first sentence ("Jakarta, KOMPAS.com -") ends; 0 when
    /// there is none.
    pub dateline_end: usize,
}

/// The distinct keys of a document, by id: one string for all of them, so a document costs
/// two allocations for its keys, not one per key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    keys: String,
    /// Where each key ends in `keys`.
    ends: Vec<usize>,
}

impl Vocab {
    /// The vocabulary whose keys run together in `keys` and end at `ends`, which the caller
    /// (the memo, writing out a document's keys) knows to rise within `keys` and fall on
    /// character boundaries: [`Vocab::from_parts`] without the checks.
    pub(super) fn from_joined(keys: String, ends: Vec<usize>) -> Vocab {
        debug_assert!(Vocab::from_parts(keys.clone(), ends.clone()).is_some());
        Vocab { keys, ends }
    }

    /// Adds a key and returns its id.
    pub fn push(&mut self, key: &str) -> u32 {
        self.keys.push_str(key);
        self.ends.push(self.keys.len());
        (self.ends.len() - 1) as u32
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key of `id`. Inline: a document's keys are read one by one in loops over its
    /// terms.
    #[inline]
    pub fn get(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.keys[start..self.ends[id]]
    }

    /// The keys in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|id| self.get(id))
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity() + self.ends.capacity() * size_of::<usize>()
    }

    /// All keys run together, in id order (see [`Vocab::ends`]).
    pub fn joined(&self) -> &str {
        &self.keys
    }

    /// Where each key ends in [`Vocab::joined`].
    pub fn ends(&self) -> &[usize] {
        &self.ends
    }

    /// The vocabulary whose keys run together in `keys` and end at `ends`; `None` unless the
    /// ends rise within `keys` and fall on character boundaries.
    pub fn from_parts(keys: String, ends: Vec<usize>) -> Option<Vocab> {
        // Every offset of ASCII text is a character boundary: only the order is left to check.
        let ascii = keys.is_ascii();
        let mut start = 0;
        for &end in &ends {
            if end < start || !(ascii || keys.is_char_boundary(end)) {
                return None;
            }
            start = end;
        }
        (start == keys.len()).then_some(Vocab { keys, ends })
    }
}

impl std::ops::Index<usize> for Vocab {
    type Output = str;

    #[inline]
    fn index(&self, id: usize) -> &str {
        self.get(id)
    }
}

impl Sentence {
    /// Whether the sentence is article prose (not a title, heading or boilerplate).
    pub fn is_body(&self) -> bool {
        self.role == Role::Body
    }
}

impl Analysis {
    /// Heap bytes held (capacities, not lengths), for a memory budget.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.sentences.capacity() * std::mem::size_of::<Sentence>()
            + self.terms.capacity() * std::mem::size_of::<Term>()
            + self.vocab.keys.capacity()
            + self.vocab.ends.capacity() * std::mem::size_of::<usize>()
    }

    /// The document's headline on one line, without a site name around it, if it has one.
    pub fn title(&self) -> Option<String> {
        let s = self.sentences.iter().find(|s| s.role == Role::Title)?;
        Some(flatten(&self.text[s.start..s.end]).into())
    }

    /// The terms of sentence `i`.
    pub fn sentence_terms(&self, i: usize) -> &[Term] {
        &self.terms[self.sentences[i].terms.clone()]
    }

    /// The sentence's text on one line.
    pub fn sentence_text(&self, i: usize) -> String {
        let s = &self.sentences[i];
        flatten(&self.text[s.start..s.end]).into()
    }

    /// Sentence `i` as a summary shows it: on one line, without a dateline opening it (a
    /// place and a source name are boilerplate, not news).
    pub fn summary_text(&self, i: usize) -> String {
        let s = &self.sentences[i];
        if s.start < self.dateline_end && self.dateline_end < s.end {
            let rest = self.text[self.dateline_end..s.end].trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}')
            });
            if rest.chars().any(char::is_alphanumeric) {
                return flatten(rest).into();
            }
        }
        self.sentence_text(i)
    }

    /// The key a term is counted under.
    #[inline]
    pub fn key(&self, term: &Term) -> &str {
        &self.vocab[term.id as usize]
    }

    /// How the term reads in a keyword: its spelling, lowercased where capitals only mark a
    /// sentence start or a heading.
    pub fn surface(&self, term: &Term) -> Cow<'_, str> {
        let raw = &self.text[term.start..term.end];
        let mut s: Cow<'_, str> = if term.joined {
            Cow::Owned(raw.split_whitespace().collect())
        } else {
            Cow::Borrowed(raw)
        };
        if term.weak_case && !term.proper {
            if let Cow::Owned(lower) = lowercase(&s) {
                s = Cow::Owned(lower);
            }
        }
        s
    }

    /// Number of word-like tokens.
    pub fn words(&self) -> usize {
        self.terms.len()
    }

    /// The distinct keys of content terms: what a document contributes to document frequency.
    pub fn content_keys(&self) -> Vec<&str> {
        let mut seen = vec![false; self.vocab.len()];
        // At most one per key: sized once rather than grown and copied.
        let mut keys = Vec::with_capacity(self.vocab.len());
        for t in self.terms.iter().filter(|t| t.content) {
            if !std::mem::replace(&mut seen[t.id as usize], true) {
                keys.push(self.key(t));
            }
        }
        keys
    }

    /// [`Analysis::content_keys`] in a vocabulary of their own, the rest of the analysis
    /// dropped.
    pub fn into_content_keys(self) -> Vocab {
        let mut keys = Vocab::default();
        for key in self.content_keys() {
            keys.push(key);
        }
        keys
    }
}
