//! Title case, and the headings the sentence splitter cannot see alone: a short title-case
//! line ending in a colon over a paragraph ("Agenda Utama:").

use crate::analysis::sentence::SentenceSpan;
use crate::analysis::stopwords::Stopwords;

use super::title::is_title_function_word;

/// A heading ending in a colon has at most this many words; a longer line is a sentence
/// introducing what follows ("Berikut beberapa hal yang diprediksi menjadi tren:").
const COLON_HEADING_MAX_WORDS: usize = 8;

/// A word without the punctuation around it.
pub(super) fn strip_word(raw: &str) -> &str {
    raw.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `line` is written in title case: it opens with a capital (or a digit), and every
/// word is capitalised, a number, or a function word left in lower case ("Apa yang Mereka
/// Bahas", "Harga Beras di Pasar Induk").
pub(super) fn is_title_case(line: &str, stopwords: &Stopwords) -> bool {
    let mut words = line
        .split_whitespace()
        .map(strip_word)
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if !first.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) {
        return false;
    }
    words.all(|w| {
        let c = w.chars().next().expect("stripped words are not empty");
        !c.is_lowercase() || is_title_function_word(w, stopwords) || w.len() <= 2
    })
}

/// Whether span `i` is a heading ending in a colon: a short title-case line of its own, with
/// text after it. Inlined: nearly every span is asked, and nearly every one fails at once.
#[inline]
pub(super) fn is_colon_heading(
    text: &str,
    spans: &[SentenceSpan],
    i: usize,
    stopwords: &Stopwords,
) -> bool {
    let s = &spans[i];
    // Leading whitespace would change neither the word count nor the case below.
    let line = text[s.start..s.end].trim_end();
    let Some(head) = line.strip_suffix(':') else {
        return false;
    };
    i + 1 < spans.len()
        && head
            .split_whitespace()
            .nth(COLON_HEADING_MAX_WORDS)
            .is_none()
        && is_whole_line(text, s)
        && is_title_case(head, stopwords)
}

/// Whether the span is a line of its own: only spaces between it and the line breaks around.
pub(super) fn is_whole_line(text: &str, s: &SentenceSpan) -> bool {
    let before = text[..s.start].rsplit('\n').next().unwrap_or("");
    let after = text[s.end..].split('\n').next().unwrap_or("");
    before.trim().is_empty() && after.trim().is_empty()
}
