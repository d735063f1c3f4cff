//! Sentence segmentation for Indonesian (and English) news and prose.
//!
//! Summaries are built from whole sentences, so a wrong boundary shows up directly in the
//! output: a title such as "Dr." or an initial such as "A.H." must not end a sentence, while
//! "kemarin.Presiden" must. The splitter works in two passes, both linear in the text:
//!
//! 1. Line structure. A blank line always ends a paragraph. Inside a paragraph a single line
//!    break joins hard-wrapped lines, or ends a unit when the line is a heading, a list item or
//!    a whole sentence on its own line (see [`SentenceSplitter::split`] for the rules).
//! 2. Inside each unit, a candidate boundary is a run of `.`, `?`, `!` or `…`, taken together
//!    with the closing quotes and brackets that follow it. Whether it is a boundary depends on
//!    the word before it (abbreviation, initial, list number) and the word after it (lower
//!    case continues the sentence).
//!
//! The abbreviations are data, not code: `data/abbreviations.txt`, embedded at build time.
//!
//! The work is cut by pass: [`lines`] is the line pass (paragraphs, headings, list items),
//! [`punctuation`] finds the candidate boundaries of the second pass, [`boundary`] decides
//! whether one ends a sentence, with [`abbreviations`] (the list and the shapes of
//! abbreviations), [`words`] (the words on either side) and [`stray`] (full stops typed
//! inside a sentence) to help; [`flatten`] tidies a
//! sentence's whitespace for output.

mod abbreviations;
mod boundary;
mod flatten;
mod lines;
mod punctuation;
mod stray;
mod words;

pub use flatten::flatten;

use abbreviations::{ABBREVIATIONS, Abbreviations};
use lines::units;
use punctuation::push_trimmed;

/// One sentence (or heading) as byte offsets into the text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// A short line without end punctuation standing on its own: a headline or section title.
    pub heading: bool,
}

impl SentenceSpan {
    /// The sentence text, given the text that was split.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits text into sentences. Build it once and reuse it; it is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    abbreviations: Abbreviations,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the embedded abbreviation list.
    pub fn new() -> Self {
        let mut abbreviations = Abbreviations::default();
        for line in ABBREVIATIONS.lines() {
            abbreviations.add(line);
        }
        Self { abbreviations }
    }

    /// A splitter with the embedded list plus `extra` abbreviations, each written like a
    /// line of `data/abbreviations.txt` ("Kapolres." or "Kapolres. prefix"); a missing final
    /// full stop is added.
    pub fn with_abbreviations(extra: impl IntoIterator<Item = String>) -> Self {
        let mut splitter = Self::new();
        for line in extra {
            splitter.abbreviations.add(&line);
        }
        splitter
    }

    /// Splits `text` into trimmed, non-empty, ordered, non-overlapping spans that together
    /// hold every non-whitespace character of `text`.
    ///
    /// Line breaks: a blank line always ends a unit. A single line break ends one when the
    /// line is a heading (at most [`HEADING_MAX_WORDS`](lines::HEADING_MAX_WORDS) words, starting with a capital or a
    /// digit, no end punctuation, and the next line does not start in lower case), when
    /// either line is a list item ("1. …", "- …"), or when the paragraph is not hard-wrapped
    /// and the next line starts with a capital. Otherwise the lines are joined and the
    /// punctuation decides.
    pub fn split(&self, text: &str) -> Vec<SentenceSpan> {
        // Room for sentences of a hundred bytes, news' usual length, so that the vector
        // rarely grows (callgrind, IndoSum train: growing it was a quarter of `push_trimmed`).
        let mut spans = Vec::with_capacity(text.len() / 100 + 1);
        for unit in units(text) {
            if unit.heading {
                push_trimmed(text, unit.start, unit.end, true, &mut spans);
            } else {
                self.split_unit(text, unit.start, unit.end, &mut spans);
            }
        }
        spans
    }
}

/// Test texts for comparing a fast scan with its plain definition: `count` strings, each of
/// fewer than `max_pieces` pieces drawn from `pool` by a xorshift generator started at `seed`,
/// so every run tests the same texts.
#[cfg(test)]
fn random_texts<'a>(
    pool: &'a [&'a str],
    seed: u64,
    count: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    let mut step = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let len = step() % max_pieces;
        (0..len)
            .map(|_| pool[(step() % pool.len() as u64) as usize])
            .collect()
    })
}

#[cfg(test)]
mod tests;
