//! Case and names. Capitals say something inside a sentence ("Bekasi" is a name, not
//! "bekas") and nothing at a sentence start or in a heading. A first pass over the document
//! notes, per word, whether it is capitalised and where ([`note_case`]); [`word_key`] then
//! decides, per word, whether it is a name kept whole or an ordinary word to stem.

use crate::analysis::lowercase::{LOWER_MAX, ascii_lowercase_key, lowercase_in};
use crate::analysis::sentence::SentenceSpan;
use crate::analysis::stopwords::Stopwords;
use crate::analysis::token::{Token, TokenKind};
use crate::stem::{MemoStemmer, WordId};

/// What the case evidence pass finds out about a token, by its index.
#[derive(Clone, Copy, Default)]
pub(super) struct Raw {
    /// First word of a sentence or a word of a heading.
    pub(super) weak_case: bool,
    /// A word with a capital letter: it needs lowercasing.
    pub(super) capitals: bool,
    /// For a word, the memo id of its lowercase form.
    pub(super) word: WordId,
}

/// The case evidence of a document's tokens, by index; sentence `i` has the tokens before
/// `sentence_ends[i]` and after the previous sentence's.
///
/// Words seen in lowercase, and their stems: evidence that a capitalised spelling of the
/// same word is an ordinary word at a sentence start, not a name.
/// Capitalised words inside a sentence: names, unless also seen in lowercase.
///
/// Each word's lowercase form is looked up in the memo here, once; the rest of the
/// analysis goes by its id, and the evidence is noted in the word's marks.
pub(super) fn note_case(
    text: &str,
    spans: &[SentenceSpan],
    tokens: &[Token],
    sentence_ends: &[usize],
    dateline_end: usize,
    memo: &mut MemoStemmer<'_>,
) -> Vec<Raw> {
    let mut raws = vec![Raw::default(); tokens.len()];
    let mut scratch = String::new();
    let mut lower = [0; LOWER_MAX + 8];
    let mut from = 0;
    // The first word after a dateline ("Jakarta, CNN Indonesia -- Rencana PT ...") opens
    // the sentence as much as the dateline's first word does.
    let mut after_dateline = dateline_end > 0;
    for (span, &to) in spans.iter().zip(sentence_ends) {
        for (k, (t, r)) in tokens[from..to].iter().zip(&mut raws[from..to]).enumerate() {
            r.weak_case = span.heading || k == 0;
            if t.kind != TokenKind::Word {
                continue;
            }
            if after_dateline && t.start >= dateline_end {
                r.weak_case = true;
                after_dateline = false;
            }
            (r.word, r.capitals) =
                match ascii_lowercase_key(text.as_bytes(), t.start, t.end, &mut lower) {
                    Some((key, capitals)) => {
                        (memo.id_key(&lower[..t.end - t.start], key), capitals)
                    }
                    None => {
                        let w = &text[t.start..t.end];
                        let lower = lowercase_in(w, &mut scratch);
                        (memo.id(lower), !std::ptr::eq(lower, w))
                    }
                };
            let marks = memo.marks(r.word);
            if !r.capitals {
                marks.lower = true;
            } else if !r.weak_case {
                marks.name = true;
            }
        }
        from = to;
    }
    raws
}

/// Key (a memo id), content flag and name flag of a word token. Capitalised words are
/// names (kept whole: "Bekasi" is not "bekas") unless the document shows otherwise: the
/// same word in lowercase elsewhere, or, at a sentence start or in a heading where capitals
/// say nothing, a word the lexicon explains that is never capitalised mid-sentence.
/// Inline: called for every word token.
#[inline]
pub(super) fn word_key(
    stopwords: &Stopwords,
    text: &str,
    token: &Token,
    raw: &Raw,
    memo: &mut MemoStemmer<'_>,
) -> (WordId, bool, bool) {
    let lower = raw.word;
    if memo.is_stopword(lower, stopwords) {
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

#[cfg(test)]
mod tests {
    use crate::analysis::analyzer::testing::{analyze, content};

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
