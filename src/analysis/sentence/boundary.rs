//! Whether a candidate boundary ends a sentence.
//!
//! The punctuation pass finds runs of `.`, `?`, `!` and `…`; this file weighs the word before
//! a run (abbreviation, initial, list number, grouped number) against the word after it
//! (its case) and says whether the sentence ends there, including the "kemarin.Presiden"
//! case of a missing space.

use super::SentenceSplitter;
use super::abbreviations::{AbbrevKind, is_dotted_abbreviation, is_initials, is_plain_word};
use super::lines::is_list_marker;
use super::stray::is_stray_stop;
use super::words::{Case, next_word, word_before, word_case};

impl SentenceSplitter {
    /// Whether the punctuation `run` at `run_start`, followed by closers up to `after` and
    /// then whitespace, ends a sentence.
    pub(super) fn ends_sentence(
        &self,
        unit: &str,
        run_start: usize,
        run: &str,
        after: usize,
    ) -> bool {
        let next = next_word(unit, after);
        let next_case = word_case(next);
        if run.contains(['?', '!']) {
            // "Apa?" tanya dia. — attribution after a quoted question continues; a bare
            // question mark before a lower-case word is a sentence typed without a capital.
            return next_case != Case::Lower || after == run_start + run.len();
        }
        if run.len() > 1 {
            // An ellipsis: a capital starts a new sentence, anything else trails on.
            return next_case == Case::Upper;
        }
        let (word_start, word) = word_before(unit, run_start);
        if word.is_empty() {
            return next_case != Case::Lower;
        }
        let with_stop = &unit[word_start..run_start + 1];
        let (_, before) = word_before(unit, unit[..word_start].trim_end().len());
        if let Some(kind) = self.listed_kind(before, with_stop) {
            return match kind {
                AbbrevKind::Prefix => false,
                AbbrevKind::Terminal | AbbrevKind::Number => {
                    next_case == Case::Upper && !self.is_abbreviation(next)
                }
            };
        }
        if is_initials(word) {
            // After a number a capital is a unit or an era ("suhu 100 C.", "abad ke-6 M."),
            // and I, V, X after a lower-case word a numeral ("kuartal I."): not a name, so
            // it may end the sentence.
            let numeral = matches!(word, "I" | "V" | "X") && word_case(before) == Case::Lower;
            if before.bytes().any(|b| b.is_ascii_digit()) || numeral {
                return next_case == Case::Upper && !self.is_abbreviation(next);
            }
            // "A.H. Nasution", "oleh M. Nasir": a name goes on. ("vitamin C." at the end of a
            // sentence is the price; telling it from a name needs a lexicon.)
            return false;
        }
        if is_dotted_abbreviation(word) {
            return next_case == Case::Upper && !self.is_abbreviation(next);
        }
        if is_list_marker(word) && at_line_start(unit, word_start) {
            // "1. Gunakan handuk": a numbered item's number is a unit of its own (as IndoSum's
            // segmentation has it), so the item reads as a sentence; "a. satu" stays whole.
            return word.bytes().all(|b| b.is_ascii_digit());
        }
        if next_case == Case::Digit && is_grouped_number(word) && starts_digit_group(next) {
            // "2.904. 678": one number typed with a stray full stop and space.
            return false;
        }
        if next_case == Case::Upper && is_stray_stop(word, next) {
            return false; // "kapan. Saja dan ...": neither half stands alone
        }
        // A real word before a lower-case one: a sentence typed without its capital. Short or
        // vowel-less words ("tdk.", "hlm.") are more likely unlisted abbreviations.
        next_case != Case::Lower || after == run_start + 1 && is_plain_word(word)
    }
}

/// A number in thousands groups ("2.904", "1,250"): digits, and after a separator three.
fn is_grouped_number(word: &str) -> bool {
    let mut groups = word.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `word` opens with exactly three digits: the next thousands group of a number.
fn starts_digit_group(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3 && !word[3..].starts_with(|c: char| c.is_alphabetic())
}

/// Whether only spaces separate `at` from the start of its line (or of the unit).
fn at_line_start(unit: &str, at: usize) -> bool {
    unit[..at]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

/// "kemarin.Presiden": a lower-case word, a full stop (or `?`, `!`) and a capitalised word
/// with no space between. Domains ("KOMPAS.com", "detik.com") and initials never match
/// because one side is not a plain word of the right case.
pub(super) fn missing_space(unit: &str, run_start: usize, run: &str, run_end: usize) -> bool {
    if run.len() != 1 {
        return false;
    }
    let (_, word) = word_before(unit, run_start);
    let mut word_chars = word.chars();
    let plain_lower = word.chars().count() >= 2
        && word_chars.all(char::is_alphabetic)
        && word.chars().last().is_some_and(char::is_lowercase);
    if !plain_lower {
        return false;
    }
    let next = next_word(unit, run_end);
    let mut next_chars = next.chars();
    let capitalised = matches!(
        (next_chars.next(), next_chars.next()),
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase()
    );
    let head: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    capitalised && !matches!(head.as_str(), "com" | "net" | "org" | "id" | "co" | "io")
}
