//! The analyzer: normalise, cut into sentences and tokens, drop stopwords, stem. Text in,
//! terms out; every later stage counts `Term`s and never looks at raw text again.
//!
//! Built once per run (the stopword set, the sentence splitter and the stemmer with its
//! lexicon are shared, read-only); each worker thread brings its own stem memo.
//!
//! [`Analyzer::analyze`] runs the steps in order: tokenise each sentence, find a dateline
//! (`dateline.rs`), then turn each token into a [`Term`] with its key, noting case evidence
//! on the way (`case.rs`; di- written apart is rejoined by `words.rs`), and settle the keys
//! of capitalised words once the whole document is noted. Before the tokens, the
//! structure pass (`structure/`) gives each sentence its role: body, title, heading or
//! boilerplate, whose words are not content. The data types live in
//! `model.rs` and are re-exported here.

use crate::analysis::case::{CaseNotes, name_key, word_key};
use crate::analysis::dateline::dateline_end;
use crate::analysis::lowercase::{has_two_letters, lowercase_in};
use crate::analysis::memo::{MemoStemmer, TokenBuffers};
use crate::analysis::normalize::normalize;
use crate::analysis::sentence::{SentenceSpan, SentenceSplitter};
use crate::analysis::stopwords::Stopwords;
use crate::analysis::structure::recover;
use crate::analysis::token::{Token, TokenKind, tokenize_at};
use crate::analysis::words::rejoins_di;
use crate::config::Language;
use crate::stem::Stemmer;

pub use crate::analysis::model::{Analysis, Role, Sentence, Term, Vocab};

/// Turns text into an `Analysis`. `Send + Sync`; build once per run.
pub struct Analyzer {
    language: Language,
    splitter: SentenceSplitter,
    stopwords: Stopwords,
    stemmer: Stemmer,
}

/// A document cut into sentences and tokens, with what the passes before the terms found.
struct Cut<'a> {
    /// The normalised text.
    text: &'a str,
    spans: &'a [SentenceSpan],
    /// What each span is (`structure.rs`): body, title, heading or boilerplate.
    roles: &'a [Role],
    tokens: &'a [Token],
    /// Sentence `i` has the tokens before `sentence_ends[i]` and after the previous
    /// sentence's.
    sentence_ends: &'a [usize],
    dateline_end: usize,
}

impl Analyzer {
    /// The Indonesian analyzer with its embedded lists: what every unit test analyses with.
    #[cfg(test)]
    pub(crate) fn indonesian() -> Analyzer {
        Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(crate::stem::Lexicon::embedded()),
        )
    }

    pub fn new(language: Language, stopwords: Stopwords, stemmer: Stemmer) -> Self {
        Analyzer {
            language,
            splitter: SentenceSplitter::new(),
            stopwords,
            stemmer,
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn splitter(&self) -> &SentenceSplitter {
        &self.splitter
    }

    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// A fresh stem memo for one worker.
    pub fn memo(&self) -> MemoStemmer<'_> {
        MemoStemmer::new(&self.stemmer)
    }

    /// The sentences of `text` (as written: nothing normalised, so each span is a piece of
    /// the caller's text; line ends unified by the caller) and the role the structure pass
    /// gives each: what `ringkas sentences` prints, and leaves out when it is boilerplate.
    pub fn sentence_roles(&self, text: &str) -> Vec<(std::ops::Range<usize>, Role)> {
        let mut spans = self.splitter.split(text);
        let roles = recover(text, &mut spans, &self.stopwords);
        spans
            .iter()
            .zip(roles)
            .map(|(span, role)| (span.start..span.end, role))
            .collect()
    }

    /// Analyses one document.
    pub fn analyze(&self, text: &str, memo: &mut MemoStemmer<'_>) -> Analysis {
        let text = normalize(text).into_owned();
        let mut spans = self.splitter.split(&text);
        let roles = recover(&text, &mut spans, &self.stopwords);
        let mut buffers = memo.take_tokens();
        tokenize(&text, &spans, &mut buffers);
        let dateline_end = dateline_end(&text, &spans, &buffers.tokens);
        memo.begin_document();
        let cut = Cut {
            text: &text,
            spans: &spans,
            roles: &roles,
            tokens: &buffers.tokens,
            sentence_ends: &buffers.sentence_ends,
            dateline_end,
        };
        let (sentences, terms, vocab) = self.terms(&cut, memo);
        memo.return_tokens(buffers);
        Analysis {
            text,
            sentences,
            terms,
            vocab,
            dateline_end,
        }
    }

    /// The sentences, the terms and their keys, in one walk over the tokens that also notes
    /// the case evidence ([`CaseNotes`]). A capitalised word's key waits for the evidence of
    /// the whole document: its term holds its lowercase form, marked `proper`, until a last
    /// pass over the terms, which settles those keys and numbers every key in the document's
    /// vocabulary in term order (callgrind, IndoSum train: 30M instructions fewer than a case
    /// pass over the tokens before the terms, with its vector of evidence by token).
    fn terms(
        &self,
        cut: &Cut<'_>,
        memo: &mut MemoStemmer<'_>,
    ) -> (Vec<Sentence>, Vec<Term>, Vocab) {
        let mut sentences = Vec::with_capacity(cut.spans.len());
        let mut terms = Vec::with_capacity(cut.tokens.len());
        let mut walk = Walk {
            notes: CaseNotes::new(cut.text, cut.dateline_end),
            scratch: String::new(),
            heading: false,
        };
        let mut r = 0;
        for (i, (span, &to)) in cut.spans.iter().zip(cut.sentence_ends).enumerate() {
            let first = terms.len();
            walk.heading = span.heading;
            while r < to {
                let weak_case = span.heading || terms.len() == first;
                if let Some(ahead) = cut.tokens.get(r + PREFETCH_AHEAD)
                    && ahead.kind == TokenKind::Word
                {
                    walk.notes.prefetch(r + PREFETCH_AHEAD, ahead, memo);
                }
                walk.notes.prefetch_facts(r + PREFETCH_FACTS, memo);
                let (term, used) = self.term(cut, r, to, weak_case, memo, &mut walk);
                terms.push(term);
                r += used;
            }
            let role = cut.roles[i];
            if role == Role::Boilerplate {
                // Captions, links and footers say nothing about the article.
                terms[first..].iter_mut().for_each(|t| t.content = false);
            }
            sentences.push(Sentence {
                start: span.start,
                end: span.end,
                role,
                paragraph_start: paragraph_start(cut.text, cut.spans, i),
                terms: first..terms.len(),
            });
        }
        for t in &mut terms {
            if t.proper {
                (t.id, t.proper) = name_key(cut.text, t.start, t.end, t.id, t.weak_case, memo);
            }
            t.id = memo.vocab_id(t.id);
        }
        (sentences, terms, memo.document_vocab())
    }

    /// The term of token `r` of a sentence whose tokens end at `to`, and how many tokens it
    /// takes: two where "di" written apart is rejoined with the next word, else one.
    /// `weak_case` when the token opens its sentence or is in a heading. The term's id is its
    /// key's memo id, not yet its vocabulary id; or, marked `proper`, the memo id of a
    /// capitalised word's lowercase form, whose key waits for the whole document.
    fn term(
        &self,
        cut: &Cut<'_>,
        r: usize,
        to: usize,
        weak_case: bool,
        memo: &mut MemoStemmer<'_>,
        walk: &mut Walk<'_>,
    ) -> (Term, usize) {
        let (text, token) = (cut.text, &cut.tokens[r]);
        let mut term = Term {
            id: 0,
            start: token.start,
            end: token.end,
            kind: token.kind,
            content: false,
            boundary_before: token.boundary_before,
            weak_case,
            proper: false,
            joined: false,
        };
        if token.kind != TokenKind::Word {
            let surface = &text[token.start..token.end];
            term.id = memo.id(lowercase_in(surface, &mut walk.scratch));
            return (term, 1);
        }
        let noted = walk.notes.note(token, weak_case, memo);
        term.weak_case = noted.weak_case;
        let content =
            if r + 1 < to && rejoins_di(&self.stemmer, text, token, &cut.tokens[r + 1], memo) {
                let next = &cut.tokens[r + 1];
                // Its case is noted too: it is a word of the document, inside the sentence.
                walk.notes.note(next, walk.heading, memo);
                term.end = next.end;
                term.joined = true;
                walk.scratch.clear();
                walk.scratch
                    .extend(text[token.start..next.end].split_whitespace());
                let word = memo.id(&walk.scratch);
                term.id = memo.stem_id(word);
                true
            } else if let Some((key, content)) = word_key(&self.stopwords, &noted, memo) {
                term.id = key;
                content
            } else {
                // A capitalised word: settled by `name_key` once the document is noted.
                term.id = noted.word;
                term.proper = true;
                true
            };
        term.content = content
            && token.start >= cut.dateline_end
            && has_two_letters(text, token.start, term.end);
        (term, if term.joined { 2 } else { 1 })
    }
}

/// What [`Analyzer::terms`] carries from token to token.
/// How many tokens ahead the walk asks for a word's slot in the memo: the memo's table of a
/// corpus's words outgrows the caches, and its lookups are most of the walk's waiting.
const PREFETCH_AHEAD: usize = 6;

/// How many tokens ahead the walk asks for the row of facts of a word whose slot it asked for
/// [`PREFETCH_AHEAD`] tokens ahead.
const PREFETCH_FACTS: usize = 3;

struct Walk<'t> {
    notes: CaseNotes<'t>,
    /// Lowercase and rejoined forms of words.
    scratch: String,
    /// Whether the current sentence is a heading.
    heading: bool,
}

/// The tokens of the whole document, and where each sentence ends, into the worker's empty
/// `buffers`. One vector, with room for a word every six bytes or so, rather than grown and
/// copied on the way.
fn tokenize(text: &str, spans: &[SentenceSpan], buffers: &mut TokenBuffers) {
    let TokenBuffers {
        tokens,
        sentence_ends,
    } = buffers;
    tokens.reserve(text.len() / 6);
    sentence_ends.reserve(spans.len());
    for span in spans {
        tokenize_at(&text[span.start..span.end], span.start, tokens);
        sentence_ends.push(tokens.len());
    }
}

/// Whether sentence `i` opens a paragraph: it is the first, or a blank line comes before it.
fn paragraph_start(text: &str, spans: &[SentenceSpan], i: usize) -> bool {
    let gap_start = if i == 0 { 0 } else { spans[i - 1].end };
    i == 0
        || text.as_bytes()[gap_start..spans[i].start]
            .iter()
            .filter(|&&b| b == b'\n')
            .nth(1)
            .is_some()
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyzer::testing::{analyze, analyzer, content};

    #[test]
    fn analyzer_vocab_ids_follow_document_order() {
        let a = analyzer();
        let mut memo = a.memo();
        // Known to the worker's memo in another order, from an earlier document.
        let (beras, harga) = (memo.id("beras"), memo.id("harga"));
        for _ in 0..2 {
            memo.begin_document();
            assert_eq!(memo.vocab_id(harga), 0);
            assert_eq!(memo.vocab_id(beras), 1);
            assert_eq!(memo.vocab_id(harga), 0);
            let vocab = memo.document_vocab();
            assert_eq!(vocab.iter().collect::<Vec<_>>(), ["harga", "beras"]);
            assert_eq!(memo.document_keys(), [harga, beras]);
        }
    }

    #[test]
    fn analyzer_gives_the_same_analysis_with_a_used_memo() {
        // The memo's numbering, marks and token buffers carry over from document to document.
        let a = analyzer();
        let texts = [
            "Harga beras di pasar itu naik. Pedagang di Bekasi mengeluh.",
            "Banjir melanda kota Bekasi kemarin.\n\nWarga mengungsi, harga naik.",
            "",
        ];
        let mut memo = a.memo();
        for text in texts.iter().chain(&texts) {
            let used = a.analyze(text, &mut memo);
            let fresh = analyze(text);
            assert_eq!(
                (used.terms, used.sentences, used.vocab),
                (fresh.terms, fresh.sentences, fresh.vocab),
                "{text:?}"
            );
        }
    }

    #[test]
    fn analyzer_drops_stopwords_and_keeps_spans() {
        let a = analyze("Harga beras di pasar itu naik.");
        let c = content(&a);
        let surfaces: Vec<&str> = c.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["harga", "beras", "pasar", "naik"]);
        for t in &a.terms {
            assert!(a.text.is_char_boundary(t.start) && t.end <= a.text.len());
        }
    }

    #[test]
    fn analyzer_empty_and_whitespace_give_nothing() {
        for text in ["", "   \n\n\t ", "..."] {
            let a = analyze(text);
            assert!(a.terms.iter().all(|t| !t.content));
        }
    }
}

/// What the tests of the analysis steps analyse with, and how they look at the result.
#[cfg(test)]
pub(super) mod testing {
    use super::{Analysis, Analyzer};

    pub(in crate::analysis) fn analyzer() -> Analyzer {
        Analyzer::indonesian()
    }

    pub(in crate::analysis) fn analyze(text: &str) -> Analysis {
        let a = analyzer();
        let mut memo = a.memo();
        a.analyze(text, &mut memo)
    }

    /// (surface, key) of the content terms.
    pub(in crate::analysis) fn content(a: &Analysis) -> Vec<(String, String)> {
        a.terms
            .iter()
            .filter(|t| t.content)
            .map(|t| (a.surface(t).into_owned(), a.key(t).to_string()))
            .collect()
    }

    /// The key of the first term whose surface is `surface`.
    pub(in crate::analysis) fn key_of<'a>(a: &'a Analysis, surface: &str) -> &'a str {
        let term = a
            .terms
            .iter()
            .find(|t| a.surface(t) == surface)
            .unwrap_or_else(|| panic!("no term {surface:?} in {:?}", content(a)));
        a.key(term)
    }
}
