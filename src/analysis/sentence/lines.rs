//! The line pass: paragraphs, headings, list items and line-long sentences.
//!
//! Before any punctuation is looked at, the text is cut at blank lines, and each paragraph
//! at the single line breaks that end a heading, a list item or a sentence standing on its
//! own line; hard-wrapped lines are joined again. The result is a list of units for the
//! punctuation pass, headings kept whole.

use memchr::memchr;

use super::words::{Case, ends_with_terminal, is_opener, next_word, word_case};

/// A line without end punctuation and with at most this many words, on its own line, is a
/// heading. Headlines and section titles in Indonesian news are almost always shorter; a
/// sentence that lost its full stop is almost always longer.
pub(super) const HEADING_MAX_WORDS: usize = 12;

/// A stretch of text that the line pass hands to the punctuation pass (or keeps whole).
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) heading: bool,
}

/// One line, without its line break, as byte offsets.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// The line pass: cuts the text into paragraphs at blank lines and paragraphs into units at
/// the line breaks that end a heading, a list item or a line-long sentence.
pub(super) fn units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut paragraph: Vec<Line> = Vec::new();
    let mut offset = 0;
    while offset < text.len() {
        // The memchr crate finds the line break many bytes a step, where `split('\n')`
        // looks at each (callgrind, IndoSum train: a tenth of the splitter).
        let (end, next) = memchr(b'\n', &text.as_bytes()[offset..])
            .map_or((text.len(), text.len()), |k| (offset + k, offset + k + 1));
        let line = Line {
            start: offset,
            end: offset + text[offset..end].trim_end_matches('\r').len(),
        };
        offset = next;
        if text[line.start..line.end].trim().is_empty() {
            paragraph_units(text, &paragraph, true, &mut units);
            paragraph.clear();
        } else {
            paragraph.push(line);
        }
    }
    paragraph_units(text, &paragraph, false, &mut units);
    // A heading heads something: not the end of the text, nor a lower-case continuation
    // after a blank line.
    for k in 0..units.len() {
        if !units[k].heading {
            continue; // nothing to take back
        }
        let next_lower = units.get(k + 1).is_some_and(|next| {
            word_case(next_word(&text[next.start..next.end], 0)) == Case::Lower
        });
        if next_lower || k + 1 == units.len() {
            units[k].heading = false;
        }
    }
    units
}

/// Cuts one paragraph into units. `followed` says whether more text may come after it.
fn paragraph_units(text: &str, lines: &[Line], followed: bool, units: &mut Vec<Unit>) {
    let Some(first) = lines.first() else {
        return;
    };
    let wrapped = is_hard_wrapped(text, lines);
    // Only wrapped text asks how wide its lines are.
    let width = if wrapped { widest_line(text, lines) } else { 0 };
    let mut unit_start = first.start;
    let mut unit_lines = 0;
    for (k, line) in lines.iter().enumerate() {
        unit_lines += 1;
        let this = text[line.start..line.end].trim();
        let heading_candidate = unit_lines == 1 && looks_like_heading(this);
        let Some(next_line) = lines.get(k + 1) else {
            let heading = heading_candidate && followed;
            units.push(Unit {
                start: unit_start,
                end: line.end,
                heading,
            });
            break;
        };
        let next = text[next_line.start..next_line.end].trim();
        let next_lower = word_case(next_word(next, 0)) == Case::Lower;
        // In wrapped text only a line well short of the width ends early.
        let short = !wrapped || this.chars().count() * 10 < width * 6;
        let heading = heading_candidate && short && !next_lower;
        let ends_clause = ends_with_terminal(this) || this.ends_with(':');
        let cut = if heading || is_list_item(next) && (short || ends_clause) {
            true
        } else if next_lower || this.ends_with([',', ';', '-', '(', '/']) {
            false
        } else if ends_with_terminal(this) {
            // The punctuation pass decides, with the line break as whitespace; but a heading
            // on the next line starts a unit of its own.
            looks_like_heading(next)
        } else if is_list_item(this) && unit_lines == 1 {
            true
        } else {
            // A line-long sentence without its full stop, or the end of a wrapped paragraph.
            short
        };
        if cut {
            units.push(Unit {
                start: unit_start,
                end: line.end,
                heading,
            });
            unit_start = next_line.start;
            unit_lines = 0;
        }
    }
}

/// The width of a paragraph: the length of its longest line, in characters.
fn widest_line(text: &str, lines: &[Line]) -> usize {
    lines
        .iter()
        .map(|l| text[l.start..l.end].trim().chars().count())
        .max()
        .unwrap_or(0)
}

/// A paragraph of three or more lines most of which run to near the same width without
/// end punctuation was wrapped by an editor, not broken by its author.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let texts = || lines.iter().map(|l| text[l.start..l.end].trim());
    let width = texts().map(|t| t.chars().count()).max().unwrap_or(0);
    let inner = lines.len() - 1;
    let wrapped = texts()
        .take(inner)
        .filter(|t| {
            let n = t.chars().count();
            n >= 40 && n * 10 >= width * 6 && !ends_with_terminal(t)
        })
        .count();
    wrapped * 2 >= inner
}

/// A line that reads as a heading: short, capitalised, without end punctuation, and not a
/// list item or a bracketed note such as "(ant/hs)".
fn looks_like_heading(line: &str) -> bool {
    // A Markdown heading ("# Judul", "## Bagian") is one whatever its length.
    if let Some(rest) = line.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        return rest.starts_with(' ') && !rest.trim().is_empty();
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || is_opener(first)) {
        return false;
    }
    if ends_with_terminal(line) || line.ends_with([':', ',', ';', '-']) || is_list_item(line) {
        return false;
    }
    if line.starts_with(['(', '[']) && line.ends_with([')', ']']) {
        return false;
    }
    line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

/// "1. Pertama", "2) Kedua", "a. satu", "- butir", "• butir".
fn is_list_item(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.next().is_none() && !first.ends_with(['.', ')']) {
        return false;
    }
    if matches!(first, "-" | "*" | "•" | "–" | "—" | "·") {
        return true;
    }
    let Some(marker) = first.strip_suffix(['.', ')']) else {
        return false;
    };
    is_list_marker(marker)
}

/// A list number or letter without its full stop: "1", "12", "a", "B".
pub(super) fn is_list_marker(word: &str) -> bool {
    let digits = !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    digits || letter
}
