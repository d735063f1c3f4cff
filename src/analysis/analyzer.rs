//! The analyzer: normalise, cut into sentences and tokens, drop stopwords, stem. Text in,
//! terms out; every later stage counts `Term`s and never looks at raw text again.
//!
//! Built once per run (the stopword set, the sentence splitter and the stemmer with its
//! lexicon are shared, read-only); each worker thread brings its own stem memo.

use std::borrow::Cow;
use std::ops::Range;

use crate::analysis::memo::{MemoStemmer, WordId};
use crate::analysis::normalize::normalize;
use crate::analysis::sentence::{SentenceSplitter, flatten};
use crate::analysis::stopwords::Stopwords;
use crate::analysis::token::{Token, TokenKind, tokenize_at};
use crate::config::Language;
use crate::stem::Stemmer;

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

/// A sentence (or heading) of a document and its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
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

impl Analysis {
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

/// Turns text into an `Analysis`. `Send + Sync`; build once per run.
pub struct Analyzer {
    language: Language,
    splitter: SentenceSplitter,
    stopwords: Stopwords,
    stemmer: Stemmer,
}

/// What the case evidence pass finds out about a token, by its index.
#[derive(Clone, Copy, Default)]
struct Raw {
    /// First word of a sentence or a word of a heading.
    weak_case: bool,
    /// A word with a capital letter: it needs lowercasing.
    capitals: bool,
    /// For a word, the memo id of its lowercase form.
    word: WordId,
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

    /// Analyses one document.
    pub fn analyze(&self, text: &str, memo: &mut MemoStemmer<'_>) -> Analysis {
        let text = normalize(text).into_owned();
        let spans = self.splitter.split(&text);
        // The tokens of the whole document, in one vector sized for a word every six bytes or
        // so, rather than grown and copied on the way; sentence `i` has those before
        // `sentence_ends[i]` and after the previous sentence's.
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
        let mut sentence_ends = Vec::with_capacity(spans.len());
        for span in &spans {
            tokenize_at(&text[span.start..span.end], span.start, &mut tokens);
            sentence_ends.push(tokens.len());
        }
        let dateline_end = dateline_end(&text, &spans, &tokens);

        // Words seen in lowercase, and their stems: evidence that a capitalised spelling of the
        // same word is an ordinary word at a sentence start, not a name.
        // Capitalised words inside a sentence: names, unless also seen in lowercase.
        //
        // Each word's lowercase form is looked up in the memo here, once; the rest of the
        // analysis goes by its id, and the evidence is noted in the word's marks.
        memo.begin_document();
        let mut raws = vec![Raw::default(); tokens.len()];
        let mut scratch = String::new();
        let mut from = 0;
        for (span, &to) in spans.iter().zip(&sentence_ends) {
            for (k, (t, r)) in tokens[from..to].iter().zip(&mut raws[from..to]).enumerate() {
                r.weak_case = span.heading || k == 0;
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = &text[t.start..t.end];
                let lower = if is_plain_lowercase(text.as_bytes(), t.start, t.end) {
                    w
                } else {
                    lowercase_in(w, &mut scratch)
                };
                r.capitals = !std::ptr::eq(lower, w);
                r.word = memo.id(lower);
                let marks = memo.marks(r.word);
                if !r.capitals {
                    marks.lower = true;
                } else if !r.weak_case {
                    marks.name = true;
                }
            }
            from = to;
        }

        let mut analysis = Analysis {
            sentences: Vec::with_capacity(spans.len()),
            terms: Vec::with_capacity(tokens.len()),
            ..Analysis::default()
        };
        // Room for a key every other token, so that it is grown and copied less often; a kept
        // document's vocabulary is cloned to its length, so the slack does not stay.
        let mut vocab = Vocab {
            keys: String::with_capacity(text.len() / 2),
            ends: Vec::with_capacity(tokens.len() / 2),
        };
        let mut scratch = String::new();
        let mut r = 0;
        for (i, (span, &to)) in spans.iter().zip(&sentence_ends).enumerate() {
            let first = analysis.terms.len();
            while r < to {
                let (token, raw) = (&tokens[r], &raws[r]);
                let mut end = token.end;
                let mut joined = false;
                if r + 1 < to && self.rejoins_di(&text, token, &tokens[r + 1], memo) {
                    end = tokens[r + 1].end;
                    joined = true;
                    r += 1;
                }
                // The surface as text only where it is needed: most words are counted by
                // their memo id, and their letters looked at as bytes.
                let (key, content, proper) = if token.kind != TokenKind::Word {
                    let surface = &text[token.start..end];
                    (memo.id(lowercase_in(surface, &mut scratch)), false, false)
                } else if joined {
                    scratch.clear();
                    scratch.extend(text[token.start..end].split_whitespace());
                    let word = memo.id(&scratch);
                    (memo.stem_id(word), true, false)
                } else {
                    self.word_key(&text, token, raw, memo)
                };
                let content = content
                    && token.start >= dateline_end
                    && has_two_letters(&text, token.start, end);
                let id = memo.vocab_id(key, |word| vocab.push(word));
                analysis.terms.push(Term {
                    id,
                    start: token.start,
                    end,
                    kind: token.kind,
                    content,
                    boundary_before: token.boundary_before,
                    weak_case: raw.weak_case,
                    proper,
                    joined,
                });
                r += 1;
            }
            let gap_start = if i == 0 { 0 } else { spans[i - 1].end };
            analysis.sentences.push(Sentence {
                start: span.start,
                end: span.end,
                heading: span.heading,
                paragraph_start: i == 0
                    || text.as_bytes()[gap_start..span.start]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .nth(1)
                        .is_some(),
                terms: first..analysis.terms.len(),
            });
        }
        analysis.vocab = vocab;
        analysis.dateline_end = dateline_end;
        analysis.text = text;
        analysis
    }

    /// Key (a memo id), content flag and name flag of a word token. Capitalised words are
    /// names (kept whole: "Bekasi" is not "bekas") unless the document shows otherwise: the
    /// same word in lowercase elsewhere, or, at a sentence start or in a heading where capitals
    /// say nothing, a word the lexicon explains that is never capitalised mid-sentence.
    fn word_key(
        &self,
        text: &str,
        token: &Token,
        raw: &Raw,
        memo: &mut MemoStemmer<'_>,
    ) -> (WordId, bool, bool) {
        let lower = raw.word;
        if memo.is_stopword(lower, &self.stopwords) {
            return (lower, false, false);
        }
        if !raw.capitals {
            // Without capitals, certainly not capitalised.
            return (memo.stem_id(lower), true, false);
        }
        let mut letters = text[token.start..token.end]
            .chars()
            .filter(|c| c.is_alphabetic());
        let capitalised = letters.next().is_some_and(char::is_uppercase);
        if !capitalised {
            return (memo.stem_id(lower), true, false);
        }
        let acronym = letters.clone().next().is_some() && letters.all(char::is_uppercase);
        let seen = *memo.marks(lower);
        let ordinary = !acronym
            && (seen.lower
                || (raw.weak_case && !seen.name && {
                    let stem = memo.stem_id(lower);
                    memo.in_lexicon(stem)
                }));
        if ordinary {
            (memo.stem_id(lower), true, false)
        } else {
            (lower, true, true)
        }
    }

    /// "di skusi" -> "diskusi": the prefix di- written apart from its word. Rejoined only when
    /// the joined form is a known word and the fragment alone is not, so the preposition in
    /// "di Jakarta" or "di rumah" stays.
    fn rejoins_di(&self, text: &str, di: &Token, next: &Token, memo: &mut MemoStemmer<'_>) -> bool {
        // The length first: it rules out almost every token.
        if di.end - di.start != 2
            || !text.as_bytes()[di.start..di.end].eq_ignore_ascii_case(b"di")
            || di.kind != TokenKind::Word
            || next.kind != TokenKind::Word
            || next.boundary_before
        {
            return false;
        }
        let Some(lexicon) = self.stemmer.lexicon() else {
            return false;
        };
        let fragment = &text[next.start..next.end];
        if !fragment.chars().all(|c| c.is_lowercase()) || text[di.end..next.start].contains('\n') {
            return false;
        }
        let known = |w: &str, memo: &mut MemoStemmer<'_>| {
            lexicon.contains(w) || lexicon.contains(memo.stem(w))
        };
        if known(fragment, memo) {
            return false;
        }
        let mut joined = String::with_capacity(2 + fragment.len());
        joined.push_str("di");
        joined.push_str(fragment);
        known(&joined, memo)
    }
}

/// Whether the word at `start..end` of `text` is ASCII without capitals, so that it is its own
/// lowercase form. Most words are: they are looked at eight bytes at a time, read from the
/// text around them with the bytes past the word masked off, and only where the text ends
/// byte by byte.
fn is_plain_lowercase(text: &[u8], start: usize, end: usize) -> bool {
    use crate::util::bytes8::{ONES, TOPS};
    let mut at = start;
    while at < end {
        let Some(block) = text.get(at..at + 8) else {
            return text[at..end]
                .iter()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        };
        let mut word = crate::util::bytes8::load(block);
        if end - at < 8 {
            word &= (1 << (8 * (end - at))) - 1;
        }
        if word & TOPS != 0 {
            return false;
        }
        // All ASCII, so no byte carries into the next: a byte's top bit is set by
        // subtracting b'A' from it with the top bit set if it is at least b'A', and by adding
        // 0x7f - b'Z' to it if it is above b'Z'.
        let at_least_a = (word | TOPS).wrapping_sub(ONES * u64::from(b'A'));
        let above_z = word.wrapping_add(ONES * u64::from(0x7f - b'Z'));
        if at_least_a & !above_z & TOPS != 0 {
            return false;
        }
        at += 8;
    }
    true
}

/// Whether `text[start..end]` has at least two letters; ASCII text skips the Unicode tables.
fn has_two_letters(text: &str, start: usize, end: usize) -> bool {
    if let [a, b, ..] = text.as_bytes()[start..end] {
        if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
            return true; // most words, at a glance
        }
    }
    let s = &text[start..end];
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some()
    } else {
        s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
    }
}

/// `s` lowercased: `s` itself when it has no capitals, else written into `scratch`, which is
/// reused from word to word instead of allocating a string for each.
fn lowercase_in<'a>(s: &'a str, scratch: &'a mut String) -> &'a str {
    match s
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => s,
        Some(_) if s.is_ascii() => {
            scratch.clear();
            scratch.push_str(s);
            scratch.make_ascii_lowercase();
            scratch
        }
        Some(_) => match lowercase(s) {
            Cow::Borrowed(s) => s,
            Cow::Owned(lower) => {
                *scratch = lower;
                scratch
            }
        },
    }
}

/// `s` lowercased, borrowed when it has no capitals. Most words are ASCII: those skip the
/// Unicode tables.
fn lowercase(s: &str) -> Cow<'_, str> {
    match s
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => Cow::Borrowed(s),
        Some(_) if s.is_ascii() => Cow::Owned(s.to_ascii_lowercase()),
        // Everything before `i` is ASCII without capitals, so `i` is a char boundary.
        Some(i) if !s[i..].chars().any(char::is_uppercase) => Cow::Borrowed(s),
        Some(_) => Cow::Owned(s.to_lowercase()),
    }
}

/// End of a news dateline ("Jakarta, KOMPAS.com -", "Merdeka.com -", "BANDUNG, (PR) --") at the
/// start of the first sentence: the place and the source name are not what the text is about.
fn dateline_end(
    text: &str,
    spans: &[crate::analysis::sentence::SentenceSpan],
    tokens: &[Token],
) -> usize {
    let Some(first) = spans.iter().find(|s| !s.heading) else {
        return 0;
    };
    // A site name opening the text: "thelighthousepeople.com, Markas NATO ...".
    if let Some(site) = tokens
        .iter()
        .find(|t| t.start >= first.start)
        .filter(|t| t.start == first.start && t.kind == TokenKind::Url)
    {
        let after = &text[site.end..first.end];
        let gap = after.len() - after.trim_start().len();
        if after.trim_start().starts_with([',', ':']) {
            return site.end + gap + 1;
        }
    }
    let head_end = text[first.start..first.end]
        .char_indices()
        .nth(80)
        .map_or(first.end, |(k, _)| first.start + k);
    let head = &text[first.start..head_end];
    // The first dash: every form starts with a space, so the spaces are the places to look.
    let dashes = [" - ", " -- ", " \u{2013} ", " \u{2014} "];
    let Some(dash) = head
        .match_indices(' ')
        .map(|(k, _)| k)
        .find(|&k| dashes.iter().any(|d| head[k..].starts_with(d)))
    else {
        return 0;
    };
    let cut = first.start + dash;
    // A dateline is short and names a place or a source: a comma, a bracketed source, a domain,
    // capitals only, or just one or two words before a capitalised sentence ("Rimanews -
    // Polisi ...", but not "Kim Jun - su, ..."). Tokens are in text order, so those of the
    // head are one run.
    let before: Vec<&Token> = tokens
        .iter()
        .skip_while(|t| t.start < first.start)
        .take_while(|t| t.end <= cut)
        .collect();
    let head = &text[first.start..cut];
    let capital_after = text[cut..first.end]
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}')
        })
        .starts_with(|c: char| c.is_uppercase() || c == '"');
    let looks_like = before.len() <= 6
        && head.starts_with(char::is_uppercase)
        && (head.contains([',', '('])
            || before.len() <= 2 && capital_after
            || before.iter().any(|t| t.kind == TokenKind::Url)
            || before
                .iter()
                .all(|t| !text[t.start..t.end].chars().any(char::is_lowercase)));
    if looks_like { cut } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzer_vocab_ids_follow_document_order() {
        let a = analyzer();
        let mut memo = a.memo();
        // Known to the worker's memo in another order, from an earlier document.
        let (beras, harga) = (memo.id("beras"), memo.id("harga"));
        for _ in 0..2 {
            memo.begin_document();
            let mut vocab = Vocab::default();
            assert_eq!(memo.vocab_id(harga, |w| vocab.push(w)), 0);
            assert_eq!(memo.vocab_id(beras, |w| vocab.push(w)), 1);
            assert_eq!(memo.vocab_id(harga, |w| vocab.push(w)), 0);
            assert_eq!(vocab.iter().collect::<Vec<_>>(), ["harga", "beras"]);
            assert_eq!(memo.document_keys(), [harga, beras]);
        }
    }

    #[test]
    fn analyzer_plain_lowercase_agrees_byte_by_byte() {
        let base = "kata-kata dan KATA, rumah\u{e9}x besar sekali di sini".as_bytes();
        for start in 0..base.len() {
            for end in start..=base.len() {
                let expected = base[start..end]
                    .iter()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
                assert_eq!(
                    is_plain_lowercase(base, start, end),
                    expected,
                    "{start}..{end}"
                );
            }
        }
    }

    fn analyzer() -> Analyzer {
        Analyzer::indonesian()
    }

    fn analyze(text: &str) -> Analysis {
        let a = analyzer();
        let mut memo = a.memo();
        a.analyze(text, &mut memo)
    }

    /// (surface, key) of the content terms.
    fn content(a: &Analysis) -> Vec<(String, String)> {
        a.terms
            .iter()
            .filter(|t| t.content)
            .map(|t| (a.surface(t).into_owned(), a.key(t).to_string()))
            .collect()
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
    fn analyzer_rejoins_di_written_apart() {
        let a = analyze("Melalui di skusi yang terbuka, mereka bertemu di Jakarta.");
        let c = content(&a);
        assert!(c.iter().any(|(s, _)| s == "diskusi"), "{c:?}");
        assert!(c.iter().any(|(s, _)| s == "Jakarta"), "{c:?}");
    }

    #[test]
    fn analyzer_names_inside_a_sentence_are_not_stemmed() {
        let a = analyze("Banjir melanda kota Bekasi kemarin.");
        let c = content(&a);
        assert!(
            c.contains(&("Bekasi".to_string(), "bekasi".to_string())),
            "{c:?}"
        );
    }

    #[test]
    fn analyzer_sentence_start_capital_is_an_ordinary_word() {
        let a = analyze("Harga naik lagi. Pasar ramai karena harga turun.");
        let keys: Vec<&str> = a
            .terms
            .iter()
            .filter(|t| t.content)
            .map(|t| a.key(t))
            .collect();
        assert_eq!(
            keys.iter().filter(|k| **k == "harga").count(),
            2,
            "{keys:?}"
        );
        let first = a.terms.iter().find(|t| t.content).expect("a content term");
        assert_eq!(a.surface(first), "harga");
    }

    #[test]
    fn analyzer_dateline_is_not_content() {
        let a = analyze("Jakarta, KOMPAS.com - Pemerintah menaikkan harga beras.");
        let c = content(&a);
        assert!(
            !c.iter().any(|(s, _)| s == "Jakarta" || s == "KOMPAS.com"),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|(s, _)| s == "Pemerintah" || s == "pemerintah")
        );
    }

    /// The key of the first term whose surface is `surface`.
    fn key_of<'a>(a: &'a Analysis, surface: &str) -> &'a str {
        let term = a
            .terms
            .iter()
            .find(|t| a.surface(t) == surface)
            .unwrap_or_else(|| panic!("no term {surface:?} in {:?}", content(a)));
        a.key(term)
    }

    #[test]
    fn analyzer_reduplication_counts_under_the_single_word() {
        let a = analyze(
            "Negara-negara anggota membahas isu-isu keamanan. Setiap negara mengirim wakil, \
             dan anak-anaknya ikut ke taman melihat kupu-kupu serta kunang-kunang.",
        );
        assert_eq!(key_of(&a, "negara-negara"), "negara");
        assert_eq!(key_of(&a, "negara-negara"), key_of(&a, "negara"));
        assert_eq!(key_of(&a, "isu-isu"), "isu");
        assert_eq!(key_of(&a, "anak-anaknya"), "anak");
        // Lexicalised reduplications are words of their own.
        assert_eq!(key_of(&a, "kupu-kupu"), "kupu-kupu");
        assert_eq!(key_of(&a, "kunang-kunang"), "kunang-kunang");
    }

    #[test]
    fn analyzer_hyphenated_compounds_and_ordinals() {
        let a = analyze(
            "Pada abad ke-21, gerakan anti-korupsi dan aksi tuduh-menuduh di jalur \
             Jakarta-Bandung makin ramai, sementara kasus Covid-19 dan pembayaran non-tunai \
             naik turun bolak-balik, dan tarik-menarik kepentingan terus terjadi.",
        );
        // An ordinal is a number, never a keyword.
        let ordinal = a
            .terms
            .iter()
            .find(|t| a.surface(t) == "ke-21")
            .expect("ke-21");
        assert_eq!(ordinal.kind, TokenKind::Number);
        assert!(!ordinal.content);
        // A compound of two roots is one term of its own; so is a form the lexicon lists.
        assert_eq!(key_of(&a, "anti-korupsi"), "anti-korupsi");
        assert_eq!(key_of(&a, "non-tunai"), "non-tunai");
        assert_eq!(key_of(&a, "bolak-balik"), "bolak-balik");
        assert_eq!(key_of(&a, "tarik-menarik"), "tarik-menarik");
        // A reciprocal reduplication the lexicon does not list folds to its root.
        assert_eq!(key_of(&a, "tuduh-menuduh"), "tuduh");
        assert_eq!(key_of(&a, "Covid-19"), "covid-19");
        let route = a.terms.iter().find(|t| a.surface(t) == "Jakarta-Bandung");
        assert!(
            route.is_some_and(|t| t.proper && t.content),
            "{:?}",
            content(&a)
        );
    }

    #[test]
    fn analyzer_rejoins_di_fragments_of_noisy_text() {
        let a = analyze(
            "Serangan di gital makin sering. Para menteri memilih jalur di plomasi, \
             lalu hasil di skusi itu di bahas lagi di rumah dinas di Brussels.",
        );
        let c = content(&a);
        let surfaces: Vec<&str> = c.iter().map(|(s, _)| s.as_str()).collect();
        for joined in ["digital", "diplomasi", "diskusi"] {
            assert!(surfaces.contains(&joined), "{joined} in {surfaces:?}");
        }
        for fragment in ["gital", "plomasi", "skusi"] {
            assert!(!surfaces.contains(&fragment), "{fragment} in {surfaces:?}");
        }
        // The preposition stays before a place or a known word.
        assert!(surfaces.contains(&"rumah") && surfaces.contains(&"Brussels"));
        // A known fragment stays apart, and still counts under its root.
        assert_eq!(key_of(&a, "bahas"), "bahas");
        let joined = a
            .terms
            .iter()
            .find(|t| a.surface(t) == "diskusi")
            .expect("diskusi");
        assert!(joined.joined && &a.text[joined.start..joined.end] == "di skusi");
    }

    #[test]
    fn analyzer_summary_text_drops_the_dateline() {
        let a = analyze("Jakarta, KOMPAS.com - Pemerintah menaikkan harga beras. Warga mengeluh.");
        assert_eq!(a.summary_text(0), "Pemerintah menaikkan harga beras.");
        assert_eq!(a.summary_text(1), "Warga mengeluh.");
        let a = analyze("Rimanews - Polisi membekuk pengedar tembakau gorila.");
        assert_eq!(
            a.summary_text(0),
            "Polisi membekuk pengedar tembakau gorila."
        );
        let a = analyze("Kim Jun - su, anggota grup JYJ, membintangi musikal.");
        assert_eq!(
            a.summary_text(0),
            "Kim Jun - su, anggota grup JYJ, membintangi musikal."
        );
        let a = analyze("situsberita.com, Markas NATO penuh delegasi.");
        assert_eq!(a.summary_text(0), "Markas NATO penuh delegasi.");
        let a = analyze("Harga beras naik - lagi - pekan ini.");
        assert_eq!(a.summary_text(0), "Harga beras naik - lagi - pekan ini.");
    }

    #[test]
    fn analyzer_empty_and_whitespace_give_nothing() {
        for text in ["", "   \n\n\t ", "..."] {
            let a = analyze(text);
            assert!(a.terms.iter().all(|t| !t.content));
        }
    }
}
