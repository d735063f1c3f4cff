//! The headline: on its own first line, or glued to the first sentence without punctuation
//! ("situs.com, Harga Beras Naik Lagi Menjelang Lebaran Pedagang di pasar ..."), possibly with
//! the site's name before it.
//!
//! A glued headline is title case and the sentence after it is not: the first lower-case
//! content word belongs to the sentence, and the sentence starts at the last capitalised word
//! before it that is not a name (a name is written with a capital in the middle of other
//! sentences of the document and never in lower case). Without a site name in front the
//! evidence must be stronger: a function word written with a capital inside the headline
//! ("Di", "Dan", "Untuk"), as only title case writes it.

use memchr::memmem;

use crate::util::bytes8::{self, TOPS};

use crate::analysis::sentence::SentenceSpan;
use crate::analysis::stopwords::Stopwords;

use super::heading::{is_title_case, strip_word};

/// A glued headline longer than this many words is a sentence that happens to be capitalised.
const MAX_TITLE_WORDS: usize = 24;

/// One whitespace-separated word of a span, as byte offsets into the text.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// The spans a document's opening splits into: an optional site name, the headline, and the
/// rest of the first sentence (if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opening {
    pub(super) site: Option<(usize, usize)>,
    pub(super) title: (usize, usize),
    pub(super) body: Option<(usize, usize)>,
}

/// The headline opening the document, from its first span.
pub(super) fn opening(text: &str, first: &SentenceSpan, stopwords: &Stopwords) -> Option<Opening> {
    if !text[..first.start].trim().is_empty() {
        return None;
    }
    let words = words(text, first.start, first.end);
    let (site, from) = match site_name(text, &words) {
        Some((end, k)) => (Some((first.start, end)), k),
        None => (None, 0),
    };
    let rest = &words[from..];
    let (first_word, last_word) = (rest.first()?, rest.last()?);
    let whole = (first_word.start, last_word.end);
    // On its own line: the line is the headline, whatever follows.
    let own_line = text[first.end..]
        .split('\n')
        .next()
        .is_some_and(|tail| tail.trim().is_empty())
        && first.end < text.trim_end().len();
    if own_line {
        let line = &text[whole.0..whole.1];
        let terminal = line.ends_with('.');
        let short = rest.len() <= MAX_TITLE_WORDS;
        // A splitter heading is a headline; so is a title-case line, with a site name in
        // front or a blank line after it (the layout the Markdown and HTML readers write).
        let blank_after = text[first.end..]
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with("\n\n")
            || text[first.end..].starts_with("\n\r\n");
        let title_case = is_title_case(line, stopwords);
        if first.heading || short && !terminal && title_case && (site.is_some() || blank_after) {
            return Some(Opening {
                site,
                title: whole,
                body: None,
            });
        }
    }
    let split = glued_split(text, first, rest, stopwords, site.is_some())?;
    let title_end = rest[split - 1].end;
    Some(Opening {
        site,
        title: (whole.0, title_end),
        body: Some((rest[split].start, first.end)),
    })
}

/// The first words of `text[start..end]`: as many as a headline and the sentence glued to it
/// are looked at. Words are split at whitespace as `split_whitespace` splits them, but a byte
/// at a time, decoding only non-ASCII chars (callgrind, IndoSum train: 147 instructions a
/// word with `split_whitespace`).
fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    const MAX_WORDS: usize = MAX_TITLE_WORDS + 12;
    let mut words = Vec::with_capacity(MAX_WORDS);
    let mut at = start;
    while words.len() < MAX_WORDS {
        while at < end
            && let (true, len) = char_at(text, at)
        {
            at += len;
        }
        if at == end {
            break;
        }
        let word_start = at;
        // The printable ASCII bytes of a word eight at a time; a byte below `!` or above
        // ASCII stops the run and is decoded.
        let printable = |b: u8| b > b' ' && b.is_ascii();
        loop {
            let bytes = &text.as_bytes()[at..end];
            at += bytes8::run_len(bytes, |w| bytes8::below(w, b'!') | w & TOPS, printable);
            if at < end
                && let (false, len) = char_at(text, at)
            {
                at += len;
            } else {
                break;
            }
        }
        words.push(Word {
            start: word_start,
            end: at,
        });
    }
    words
}

/// Whether the char at byte `at` (a char boundary, not the end) is whitespace, and its length.
fn char_at(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes()[at] {
        b'\t'..=b'\r' | b' ' => (true, 1),
        b if b.is_ascii() => (false, 1),
        _ => {
            let c = text[at..].chars().next().expect("not at the end");
            (c.is_whitespace(), c.len_utf8())
        }
    }
}

/// A site name opening the text, "detik.com," "Kompas.com |", "situs.co.id -": where it ends
/// (its separator included) and the index of the first word after it.
fn site_name(text: &str, words: &[Word]) -> Option<(usize, usize)> {
    let first = words.first()?;
    let raw = &text[first.start..first.end];
    let name = raw.trim_end_matches([',', ':', '|']);
    if !is_domain(name) {
        return None;
    }
    if name.len() < raw.len() {
        return Some((first.end, 1));
    }
    let sep = words.get(1)?;
    matches!(
        &text[sep.start..sep.end],
        "|" | "-" | "\u{2013}" | "\u{2014}" | ":"
    )
    .then_some((sep.end, 2))
}

/// "kompas.com", "Liputan6.com", "situs.co.id": letters and digits in dotted labels ending in
/// a top-level domain of two to four letters.
fn is_domain(word: &str) -> bool {
    let Some((host, tld)) = word.rsplit_once('.') else {
        return false;
    };
    (2..=4).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// Where the sentence glued to a headline starts, as an index into `words`; `None` when the
/// span does not open with a title-case headline.
fn glued_split(
    text: &str,
    first: &SentenceSpan,
    words: &[Word],
    stopwords: &Stopwords,
    site: bool,
) -> Option<usize> {
    // The first lower-case content word, or punctuation: the sentence is under way there.
    // A dateline ("Merdeka.com -", "JAKARTA, ...") starts it outright.
    let mut lower = None;
    for (k, w) in words.iter().enumerate().take(MAX_TITLE_WORDS + 8) {
        let raw = &text[w.start..w.end];
        let word = strip_word(raw);
        if k > 0 && starts_dateline(text, words, k) {
            return (k >= if site { 2 } else { 4 }).then_some(k);
        }
        if word.is_empty() || raw.ends_with([',', ';', ':', '.', '!', '?']) {
            // Punctuation before any lower-case word: only the words up to it may start the
            // sentence (none at all for a dateline opening the text).
            lower = Some(k + 1);
            break;
        }
        if is_bracketed_word(raw) {
            continue;
        }
        let c = word.chars().next().expect("not empty");
        if c.is_lowercase() && !is_title_function_word(word, stopwords) {
            lower = Some(k);
            break;
        }
    }
    let lower = lower?.min(words.len());
    let min = if site { 2 } else { 4 };
    // Cheap tests first: the names below are looked up in the whole text. Without a site name,
    // a function word capitalised inside the headline must show that it is written in title
    // case ("Di", "Dan", "Untuk").
    let capital_function_word = |to: usize| {
        words[1..to].iter().any(|w| {
            let word = strip_word(&text[w.start..w.end]);
            word.starts_with(char::is_uppercase) && stopwords.contains(&word.to_lowercase())
        })
    };
    if lower <= min || !site && !capital_function_word(lower) {
        return None;
    }
    // The last capitalised word before it that is not a name, nor the second half of a
    // phrase the document writes again ("Angkatan Udara"), starts the sentence.
    let split = (1..lower.min(words.len())).rev().find(|&k| {
        let raw = &text[words[k].start..words[k].end];
        let word = strip_word(raw);
        !is_bracketed_word(raw)
            && word.starts_with(char::is_uppercase)
            && !is_name(text, first, word)
            && !repeated_pair(text, first, words[k - 1], words[k])
    })?;
    if split < min || split > MAX_TITLE_WORDS {
        return None;
    }
    let title = &text[words[0].start..words[split - 1].end];
    if !is_title_case(title, stopwords) {
        return None;
    }
    (site || capital_function_word(split)).then_some(split)
}

/// Whether word `k` opens a dateline: a site name ("Merdeka.com -", "JUARA.NET,") or a
/// place in capitals before a comma, a dash or a bracketed source ("JAKARTA (Pos Kota) -").
fn starts_dateline(text: &str, words: &[Word], k: usize) -> bool {
    let raw = &text[words[k].start..words[k].end];
    let bare = raw.trim_end_matches([',', ':']);
    if is_domain(bare) {
        return true;
    }
    let capitals = bare.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && bare.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let next = words.get(k + 1).map(|w| &text[w.start..w.end]);
    capitals
        && (raw.ends_with(',')
            || next.is_some_and(|n| n.starts_with(['(', '-', '\u{2013}', '\u{2014}'])))
}

/// Whether the two words stand side by side again after the first span: a phrase, not the
/// seam between a headline and its sentence.
fn repeated_pair(text: &str, first: &SentenceSpan, a: Word, b: Word) -> bool {
    let (a, b) = (
        strip_word(&text[a.start..a.end]),
        strip_word(&text[b.start..b.end]),
    );
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let pair = format!("{a} {b}");
    occurs(text, first.end, &pair, |_| true)
}

/// A function word a title-case headline may leave in lower case ("yang", "di", "dari"): a
/// short stopword. Longer stopwords ("mengatakan", "menegaskan") are verbs of the sentence.
pub(super) fn is_title_function_word(word: &str, stopwords: &Stopwords) -> bool {
    word.chars().count() <= 6 && stopwords.contains(word)
}

/// "(JFW)", "[video]": a bracketed word, neither headline nor sentence by its case.
fn is_bracketed_word(raw: &str) -> bool {
    raw.starts_with(['(', '['])
}

/// Whether `word` (capitalised) is a name in this document: written with a capital in the
/// middle of a sentence after the first span, and never in lower case.
fn is_name(text: &str, first: &SentenceSpan, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    if occurs(text, 0, &lower, |_| true) {
        return false;
    }
    occurs(text, first.end, word, |before| {
        // Not at a sentence start: the character before (past spaces and quotes) is not
        // the end of a sentence or of a line.
        let prev = text[..before]
            .trim_end_matches([' ', '\t', '"', '\'', '\u{201c}', '\u{2018}', '('])
            .chars()
            .next_back();
        !matches!(prev, None | Some('.' | '!' | '?' | '\n' | ':'))
    })
}

/// Whether `word` occurs as a whole word in `text[from..]` at a place `ok` accepts (given
/// the word's start).
fn occurs(text: &str, from: usize, word: &str, ok: impl Fn(usize) -> bool) -> bool {
    // The memchr crate's vectorised substring search finds the same non-overlapping matches
    // as `match_indices`, at a fraction of its cost over a whole text.
    memmem::find_iter(&text.as_bytes()[from..], word.as_bytes()).any(|k| {
        let start = from + k;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && ok(start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_are_split_at_whitespace_as_split_whitespace_splits() {
        let text = "  Harga\u{a0}Beras \u{2009}Naik—lagi\t\n“Pedagang” é\u{3000}x\u{b}y\u{1c}z ";
        for start in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            let expected: Vec<&str> = text[start..].split_whitespace().collect();
            let got: Vec<&str> = words(text, start, text.len())
                .iter()
                .map(|w| &text[w.start..w.end])
                .collect();
            assert_eq!(got, expected, "from {start}");
        }
        let long = "kata ".repeat(50);
        assert_eq!(words(&long, 0, long.len()).len(), MAX_TITLE_WORDS + 12);
    }
}
