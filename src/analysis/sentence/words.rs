//! The words on either side of a full stop, and how they start.
//!
//! Both passes ask the same small questions: what is the word before or after an offset
//! (never scanning further than an abbreviation could be long), does it start with a
//! capital, and is a character an opening or closing quote or bracket.

/// Looking back or ahead further than this for the word next to a full stop gains nothing
/// (no abbreviation is that long) and keeps pathological input, such as megabytes of
/// "a.a.a.", linear.
const MAX_WORD_SCAN: usize = 64;

/// Whether a line ends with `.`, `?`, `!` or `…`, possibly followed by closing quotes or
/// brackets.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .ends_with(['.', '?', '!', '…'])
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹')
}

/// The word just before byte `end` (up to whitespace, without opening quotes or brackets),
/// with its start offset. Empty when the scan limit is hit, so a huge token is never taken
/// for an abbreviation.
pub(super) fn word_before(unit: &str, end: usize) -> (usize, &str) {
    let bytes = unit.as_bytes();
    let mut start = end;
    loop {
        // ASCII bytes are told apart by value; only other chars are decoded.
        let len = match bytes[..start].last() {
            None | Some(b'\t'..=b'\r' | b' ') => break,
            Some(&b) if b.is_ascii() => 1,
            Some(_) => {
                let c = unit[..start].chars().next_back().expect("not at the start");
                if c.is_whitespace() {
                    break;
                }
                c.len_utf8()
            }
        };
        start -= len;
        if end - start > MAX_WORD_SCAN {
            return (end, "");
        }
    }
    let word = &unit[start..end];
    let trimmed = word.trim_start_matches(is_opener);
    (end - trimmed.len(), trimmed)
}

/// The word starting after the whitespace at or after `from`, cut at the scan limit.
pub(super) fn next_word(unit: &str, from: usize) -> &str {
    let rest = unit[from..].trim_start();
    let bytes = rest.as_bytes();
    let mut end = 0;
    while end <= MAX_WORD_SCAN {
        // ASCII bytes are told apart by value; only other chars are decoded.
        match bytes.get(end) {
            None | Some(b'\t'..=b'\r' | b' ') => break,
            Some(&b) if b.is_ascii() => end += 1,
            Some(_) => {
                let c = rest[end..].chars().next().expect("not at the end");
                if c.is_whitespace() {
                    break;
                }
                end += c.len_utf8();
            }
        }
    }
    &rest[..end]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Starts with a capital ("Presiden", "\"Kami") or is a brand like "iPhone".
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    Digit,
    /// Punctuation, symbols, or nothing.
    Other,
}

/// How a word starts, looking past opening quotes. A bracket counts as `Other` whatever
/// follows it: after a full stop, "(ant/hs)" is a credit line, not the sentence going on.
pub(super) fn word_case(word: &str) -> Case {
    if word.starts_with(['(', '[']) {
        return Case::Other;
    }
    let mut chars = word.trim_start_matches(is_opener).chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_lowercase() => match chars.next() {
            Some(d) if d.is_uppercase() => Case::Upper, // iPhone, eKTP
            _ => Case::Lower,
        },
        Some(c) if c.is_numeric() => Case::Digit,
        _ => Case::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`word_before`] a char at a time.
    fn word_before_by_chars(unit: &str, end: usize) -> (usize, &str) {
        let mut start = end;
        for (i, c) in unit[..end].char_indices().rev() {
            if c.is_whitespace() {
                break;
            }
            if end - i > MAX_WORD_SCAN {
                return (end, "");
            }
            start = i;
        }
        let trimmed = unit[start..end].trim_start_matches(is_opener);
        (end - trimmed.len(), trimmed)
    }

    /// [`next_word`] a char at a time.
    fn next_word_by_chars(unit: &str, from: usize) -> &str {
        let rest = unit[from..].trim_start();
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            if c.is_whitespace() || i > MAX_WORD_SCAN {
                break;
            }
            end = i + c.len_utf8();
        }
        &rest[..end]
    }

    #[test]
    fn words_found_by_bytes_are_those_found_by_chars() {
        const POOL: &[&str] = &[
            "a",
            "kata",
            "\"",
            "(",
            " ",
            "\n",
            "\u{b}",
            "\u{1c}",
            "\u{85}",
            "\u{a0}",
            "\u{2009}",
            "\u{3000}",
            "é",
            "“",
            "—",
            ".",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ];
        for text in crate::analysis::sentence::random_texts(POOL, 0x9e37_79b9_7f4a_7c15, 3_000, 16)
        {
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                assert_eq!(
                    word_before(&text, at),
                    word_before_by_chars(&text, at),
                    "{text:?} {at}"
                );
                assert_eq!(
                    next_word(&text, at),
                    next_word_by_chars(&text, at),
                    "{text:?} {at}"
                );
            }
        }
    }
}
