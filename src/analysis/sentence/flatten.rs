//! Whitespace tidying for a sentence on its way to the output.
//!
//! A sentence span keeps the text as written, line breaks included; summaries and reports
//! want it on one line.

use std::borrow::Cow;

/// Collapses every run of whitespace (inner line breaks included) into one space and trims
/// the ends; borrows when nothing changes.
pub fn flatten(sentence: &str) -> Cow<'_, str> {
    let trimmed = sentence.trim();
    let mut prev_space = false;
    let clean = trimmed.chars().all(|c| {
        let ok = c == ' ' && !prev_space || !c.is_whitespace();
        prev_space = c == ' ';
        ok
    });
    if clean {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}
