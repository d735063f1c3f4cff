//! Case and names. Capitals say something inside a sentence ("Bekasi" is a name, not
//! "bekas") and nothing at a sentence start or in a heading. As the analyzer walks the
//! document's words, [`CaseNotes::note`] notes, per word, whether it is capitalised and
//! where; a word without capitals gets its key at once ([`word_key`]), while a capitalised
//! one waits for the whole document's evidence ([`name_key`]): a name kept whole, or an
//! ordinary word to stem.

use crate::analysis::lowercase::{LOWER_MAX, LowerBuf, ascii_lowercase_key, lowercase_in};
use crate::analysis::stopwords::Stopwords;
use crate::analysis::token::Token;
use crate::stem::{MemoStemmer, WordId};
use crate::util::hash::HashedKey;

/// What the case evidence pass finds out about a word token.
#[derive(Clone, Copy)]
pub(super) struct Noted {
    /// First word of a sentence or a word of a heading.
    pub(super) weak_case: bool,
    /// A word with a capital letter: it needs lowercasing.
    pub(super) capitals: bool,
    /// The memo id of its lowercase form.
    pub(super) word: WordId,
}

/// The case evidence of a document, noted word by word in document order.
///
/// Words seen in lowercase, and their stems: evidence that a capitalised spelling of the
/// same word is an ordinary word at a sentence start, not a name.
/// Capitalised words inside a sentence: names, unless also seen in lowercase.
///
/// Each word's lowercase form is looked up in the memo here, once; the rest of the
/// analysis goes by its id, and the evidence is noted in the word's marks.
pub(super) struct CaseNotes<'t> {
    text: &'t str,
    dateline_end: usize,
    /// The first word after a dateline ("Jakarta, CNN Indonesia -- Rencana PT ...") opens
    /// the sentence as much as the dateline's first word does: true until it is met.
    after_dateline: bool,
    /// Lowercase forms of words that are not ASCII.
    scratch: String,
    /// Lowercase forms of ASCII words.
    lower: LowerBuf,
    /// The same, for the words [`CaseNotes::prefetch`] looks ahead at.
    ahead: LowerBuf,
    /// The keys of the words looked ahead at, by token index modulo its length, with the index.
    ahead_keys: [(usize, Option<HashedKey>); 8],
}

impl<'t> CaseNotes<'t> {
    pub(super) fn new(text: &'t str, dateline_end: usize) -> Self {
        CaseNotes {
            text,
            dateline_end,
            after_dateline: dateline_end > 0,
            scratch: String::new(),
            lower: [0; LOWER_MAX + 8],
            ahead: [0; LOWER_MAX + 8],
            ahead_keys: [(usize::MAX, None); 8],
        }
    }

    /// Hints that word token `t`, number `r` of the document, will be noted soon: its word's
    /// slot in the memo is fetched. Once that slot is in, [`CaseNotes::prefetch_facts`] of
    /// the same token fetches the row of facts it points to.
    #[inline(always)]
    pub(super) fn prefetch(&mut self, r: usize, t: &Token, memo: &MemoStemmer<'_>) {
        let key = ascii_lowercase_key(self.text.as_bytes(), t.start, t.end, &mut self.ahead)
            .map(|(key, _)| key);
        if let Some(key) = key {
            memo.prefetch_key(key);
        }
        self.ahead_keys[r % self.ahead_keys.len()] = (r, key);
    }

    /// The second step of [`CaseNotes::prefetch`] for token number `r`.
    #[inline(always)]
    pub(super) fn prefetch_facts(&self, r: usize, memo: &MemoStemmer<'_>) {
        if let (at, Some(key)) = self.ahead_keys[r % self.ahead_keys.len()]
            && at == r
        {
            memo.prefetch_facts(key);
        }
    }

    /// Notes the word token `t`, `weak_case` when it opens its sentence or is in a heading.
    /// Every word token of the document, in order, each once. Inline always: called for
    /// every word, where a call cost more registers saved than the call itself.
    #[inline(always)]
    pub(super) fn note(&mut self, t: &Token, weak_case: bool, memo: &mut MemoStemmer<'_>) -> Noted {
        let mut weak_case = weak_case;
        if self.after_dateline && t.start >= self.dateline_end {
            weak_case = true;
            self.after_dateline = false;
        }
        let (word, capitals) =
            match ascii_lowercase_key(self.text.as_bytes(), t.start, t.end, &mut self.lower) {
                Some((key, capitals)) => {
                    (memo.id_key(&self.lower[..t.end - t.start], key), capitals)
                }
                None => {
                    let w = &self.text[t.start..t.end];
                    let lower = lowercase_in(w, &mut self.scratch);
                    (memo.id(lower), !std::ptr::eq(lower, w))
                }
            };
        let marks = memo.marks(word);
        if !capitals {
            marks.lower = true;
        } else if !weak_case {
            marks.name = true;
        }
        Noted {
            weak_case,
            capitals,
            word,
        }
    }
}

/// Key (a memo id) and content flag of a noted word, when they do not wait for the whole
/// document's evidence: `None` for a capitalised word that is not a stopword, which
/// [`name_key`] settles once every word is noted. Inline: called for every word token.
#[inline]
pub(super) fn word_key(
    stopwords: &Stopwords,
    noted: &Noted,
    memo: &mut MemoStemmer<'_>,
) -> Option<(WordId, bool)> {
    let lower = noted.word;
    if memo.is_stopword(lower, stopwords) {
        Some((lower, false))
    } else if !noted.capitals {
        // Without capitals, certainly not capitalised.
        Some((memo.stem_id(lower), true))
    } else {
        None
    }
}

/// Key (a memo id) and name flag of the capitalised content word at `start..end` of `text`,
/// whose lowercase form is `lower`, once the whole document is noted. Capitalised words are
/// names (kept whole: "Bekasi" is not "bekas") unless the document shows otherwise: the
/// same word in lowercase elsewhere, or, at a sentence start or in a heading where capitals
/// say nothing, a word the lexicon explains that is never capitalised mid-sentence.
pub(super) fn name_key(
    text: &str,
    start: usize,
    end: usize,
    lower: WordId,
    weak_case: bool,
    memo: &mut MemoStemmer<'_>,
) -> (WordId, bool) {
    let (capitalised, acronym) = capital_shape(&text[start..end]);
    if !capitalised {
        return (memo.stem_id(lower), false);
    }
    let seen = *memo.marks(lower);
    let ordinary = !acronym
        && (seen.lower
            || (weak_case && !seen.name && {
                let stem = memo.stem_id(lower);
                memo.in_lexicon(stem)
            }));
    if ordinary {
        (memo.stem_id(lower), false)
    } else {
        (lower, true)
    }
}

/// Whether the first letter of `word` is uppercase, and whether it has two letters or more,
/// all uppercase (an acronym).
fn capital_shape(word: &str) -> (bool, bool) {
    match word.as_bytes() {
        // "Jakarta": most names, settled by their first two letters.
        [first, second, ..] if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            (true, false)
        }
        _ => letter_case(word),
    }
}

/// [`capital_shape`] letter by letter.
fn letter_case(word: &str) -> (bool, bool) {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let capitalised = letters.next().is_some_and(char::is_uppercase);
    let acronym =
        capitalised && letters.clone().next().is_some() && letters.all(char::is_uppercase);
    (capitalised, acronym)
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyzer::testing::{analyze, content};

    #[test]
    fn analyzer_capital_shape_agrees_with_letter_case() {
        for word in [
            "Jakarta",
            "JAKARTA",
            "KPK",
            "iPhone",
            "Ab",
            "A",
            "aB",
            "",
            "McDonald",
            "X-ray",
            "1A",
            "A1b",
            "\u{c9}konomi",
            "\u{c9}KONOMI",
            "Aa\u{e9}",
            "A-B",
            "PT.",
            "Rp10",
        ] {
            assert_eq!(
                super::capital_shape(word),
                super::letter_case(word),
                "{word:?}"
            );
        }
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
}
