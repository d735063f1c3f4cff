//! The abbreviation list and the shapes of abbreviations that are not listed.
//!
//! A full stop after an abbreviation usually does not end a sentence, so the splitter asks
//! here first: is the word before the stop listed in `data/abbreviations.txt` (and how does it
//! behave), or does it look like initials ("A.H.") or a dotted degree ("S.Kom.")?

use std::borrow::Cow;

use crate::util::hash::FastMap;

use super::SentenceSplitter;

/// The embedded abbreviation list; its header documents the format.
pub(super) const ABBREVIATIONS: &str = include_str!("../../../data/abbreviations.txt");

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AbbrevKind {
    /// Always followed by what it qualifies ("Dr.", "No.", "Jl."): never a boundary.
    Prefix,
    /// May end a sentence ("dll.", "S.H."): a boundary only before a capitalised word.
    Terminal,
    /// Stands before a number ("no.", "Nmr."): never a boundary before one, but before a
    /// capitalised word the number was left out and the sentence ended ("di Jalan Raya
    /// no. Polisi ...").
    Number,
}

/// The listed abbreviations.
#[derive(Debug, Clone, Default)]
pub(super) struct Abbreviations {
    /// How each behaves, by its text with the full stops; a two-word one is listed with its
    /// space ("Ph. D.").
    kinds: FastMap<String, AbbrevKind>,
    /// The last words of the two-word ones ("D."): only before one of them is the pair with
    /// the word before looked up, not at every full stop (callgrind, IndoSum train: joining
    /// and looking up the pair was a twentieth of the splitter's cost).
    pair_ends: Vec<String>,
}

impl Abbreviations {
    /// Parses one line of the abbreviation list; comments and blank lines are skipped. A
    /// field ending in a full stop after the first is part of the abbreviation ("Ph. D.").
    pub(super) fn add(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        let mut fields = line.split_whitespace().peekable();
        let Some(first) = fields.next() else {
            return;
        };
        let mut word = first.to_string();
        while let Some(more) = fields.next_if(|f| f.ends_with('.')) {
            word.push(' ');
            word.push_str(more);
        }
        let kind = match fields.next() {
            Some("prefix") => AbbrevKind::Prefix,
            Some("number") => AbbrevKind::Number,
            _ => AbbrevKind::Terminal,
        };
        if !word.ends_with('.') {
            word.push('.');
        }
        if let Some((_, last)) = word.rsplit_once(' ') {
            self.pair_ends.push(last.to_string());
        }
        self.kinds.insert(word, kind);
    }
}

impl SentenceSplitter {
    /// How the listed abbreviation `with_stop` (the word before a full stop, the stop
    /// included) behaves, if it is listed. Two-word abbreviations ("Ph. D.") are listed with
    /// their space, so `before` and `with_stop` together are looked up first.
    pub(super) fn listed_kind(&self, before: &str, with_stop: &str) -> Option<&AbbrevKind> {
        let listed = &self.abbreviations;
        if !before.is_empty() && listed.pair_ends.iter().any(|end| end == with_stop) {
            // The pair is written on the stack: a `format!` per full stop was a tenth of the
            // splitter's cost (callgrind, IndoSum train).
            let mut buffer = [0u8; 64];
            let pair = join_pair(&mut buffer, before, with_stop);
            if let Some(kind) = listed.kinds.get(pair.as_ref()) {
                return Some(kind);
            }
        }
        listed.kinds.get(with_stop)
    }

    /// Whether `word` (as it appears after a boundary candidate) is itself an abbreviation
    /// or initial, as in "S.H. M.H." where both are degrees of one name.
    pub(super) fn is_abbreviation(&self, word: &str) -> bool {
        let word = word.trim_end_matches([',', ';', ':']);
        let Some(stem) = word.strip_suffix('.') else {
            return false;
        };
        self.abbreviations.kinds.contains_key(word)
            || is_initials(stem)
            || is_dotted_abbreviation(stem)
    }
}

/// `before`, a space and `with_stop`: in `buffer` when they fit, else in a string of its own.
fn join_pair<'b>(buffer: &'b mut [u8; 64], before: &str, with_stop: &str) -> Cow<'b, str> {
    let len = before.len() + 1 + with_stop.len();
    if len > buffer.len() {
        return Cow::Owned(format!("{before} {with_stop}"));
    }
    buffer[..before.len()].copy_from_slice(before.as_bytes());
    buffer[before.len()] = b' ';
    buffer[before.len() + 1..len].copy_from_slice(with_stop.as_bytes());
    Cow::Borrowed(std::str::from_utf8(&buffer[..len]).expect("two strings and a space"))
}

/// "A", "A.H", "K.H" (the final full stop already removed): single capitals joined by
/// full stops.
pub(super) fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        })
}

/// "S.Kom", "M.Si", "Ph.D" (the final full stop already removed): short pieces of letters
/// joined by full stops, the first one capitalised. Domains ("bps.go.id") start lower case.
pub(super) fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=4).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// A word that cannot be an abbreviation: letters only, at least three, with a vowel.
pub(super) fn is_plain_word(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(|c| "aiueoAIUEO".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_pair_is_joined_with_a_space() {
        let mut buffer = [0u8; 64];
        assert_eq!(join_pair(&mut buffer, "Ph.", "D."), "Ph. D.");
        let long = "x".repeat(70);
        let mut buffer = [0u8; 64];
        assert_eq!(join_pair(&mut buffer, &long, "D."), format!("{long} D."));
        let mut buffer = [0u8; 64];
        assert_eq!(
            join_pair(&mut buffer, "\u{e9}t\u{e9}", "a."),
            "\u{e9}t\u{e9} a."
        );
    }
}
