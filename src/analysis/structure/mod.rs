//! Document structure recovered from plain text before scoring.
//!
//! What users pipe in is often a scraped web page: a site name and a headline glued to the
//! first sentence, sub-headings, captions, "Baca juga" links, bylines, share rows, ads,
//! copyright and tag footers. Summaries are made of prose and keywords should name what the
//! prose is about, so every sentence span gets a [`Role`]: the headline ([`title`]), a
//! sub-heading ([`heading`]: the splitter's short lines, and title-case lines ending in a
//! colon), boilerplate ([`boilerplate`]), or body. The pass reads the layout the Markdown and
//! HTML readers write too: the title alone on the first line and a blank line, each heading
//! alone on its line.
//!
//! Lines after the last prose sentence that are not prose themselves (no full stop, short)
//! are a footer whatever they say, and so are the link lines after a "Berita Terkait" header.

mod boilerplate;
mod heading;
mod title;

use memchr::{memchr, memrchr};

use crate::analysis::model::Role;
use crate::analysis::sentence::SentenceSpan;
use crate::analysis::stopwords::Stopwords;

use boilerplate::{Boilerplate, classify_line, is_bracketed};
use heading::{is_colon_heading, is_whole_line};

/// A footer line has at most this many words, and this many bytes.
const FOOTER_MAX_WORDS: usize = 12;
const FOOTER_MAX_BYTES: usize = 160;

/// Gives every span its role, splitting a glued headline (and a site name before it) off the
/// first span. The spans still cover the same text, in order; titles and headings keep
/// `heading` set (their capitals say nothing about names), boilerplate does not.
pub(crate) fn recover(
    text: &str,
    spans: &mut Vec<SentenceSpan>,
    stopwords: &Stopwords,
) -> Vec<Role> {
    let mut roles = vec![Role::Body; spans.len()];
    split_opening(text, spans, &mut roles, stopwords);
    mark_lines(text, spans, &mut roles, stopwords);
    mark_footer(text, spans, &mut roles);
    for (span, role) in spans.iter_mut().zip(&roles) {
        span.heading = matches!(role, Role::Title | Role::Heading);
    }
    roles
}

/// Splits the headline (and a site name) off the first span.
fn split_opening(
    text: &str,
    spans: &mut Vec<SentenceSpan>,
    roles: &mut Vec<Role>,
    stopwords: &Stopwords,
) {
    let Some(first) = spans.first().copied() else {
        return;
    };
    if spans.len() < 2 && first.heading {
        return; // a lone line heads nothing
    }
    let first_line = text[first.start..].split('\n').next().unwrap_or("");
    if classify_line(first_line) != Boilerplate::None {
        return; // a byline or a credit, not a headline
    }
    let Some(opening) = title::opening(text, &first, stopwords) else {
        return;
    };
    let span = |(start, end): (usize, usize), heading| SentenceSpan {
        start,
        end,
        heading,
    };
    let mut pieces = Vec::with_capacity(3);
    if let Some(site) = opening.site {
        pieces.push((span(site, false), Role::Boilerplate));
    }
    pieces.push((span(opening.title, true), Role::Title));
    if let Some(body) = opening.body {
        pieces.push((span(body, false), Role::Body));
    }
    let (new_spans, new_roles): (Vec<_>, Vec<_>) = pieces.into_iter().unzip();
    spans.splice(0..1, new_spans);
    roles.splice(0..1, new_roles);
}

/// Boilerplate lines and headings, span by span; the spans of one line share its verdict.
fn mark_lines(text: &str, spans: &[SentenceSpan], roles: &mut [Role], stopwords: &Stopwords) {
    // The line last classified, by its start, and its verdict.
    let mut last: Option<(usize, Boilerplate)> = None;
    // Inside a list of links after a "Berita Terkait" header.
    let mut in_list = false;
    // The line the last span starts on, without its line break. The spans are in order, so
    // the line breaks are looked for only once each: a span starting before `line.1` is on
    // the same line, and the next line's start is found between that break and the span.
    let bytes = text.as_bytes();
    let mut line = (0, 0);
    for i in 0..spans.len() {
        if roles[i] != Role::Body {
            continue;
        }
        let s = &spans[i];
        let span_text = &text[s.start..s.end];
        if s.start >= line.1 {
            let start = memrchr(b'\n', &bytes[line.1..s.start]).map_or(line.1, |k| line.1 + k + 1);
            let end = memchr(b'\n', &bytes[s.start..]).map_or(text.len(), |k| s.start + k);
            line = (start, end);
        }
        let verdict = if s.end > line.1 {
            Boilerplate::None // a paragraph of several lines is prose
        } else {
            match last {
                Some((start, v)) if start == line.0 => v,
                _ => {
                    let v = classify_line(&text[line.0..line.1]);
                    last = Some((line.0, v));
                    v
                }
            }
        };
        let prose = ends_prose(span_text);
        if verdict == Boilerplate::ListHeader {
            in_list = true;
        } else if prose || verdict == Boilerplate::None && !s.heading && in_list && long(span_text)
        {
            in_list = false;
        }
        roles[i] = if verdict != Boilerplate::None || is_bracketed(span_text) || in_list && !prose {
            Role::Boilerplate
        } else if s.heading || is_colon_heading(text, spans, i, stopwords) {
            Role::Heading
        } else {
            Role::Body
        };
    }
}

/// Short lines without a full stop after the last prose sentence are a footer, and so are
/// label lines ("Sumber Berita: ...") after it. A text without a prose sentence has no
/// footer: a note of short lines is all content.
fn mark_footer(text: &str, spans: &[SentenceSpan], roles: &mut [Role]) {
    let footer_line = |i: usize| {
        let s = &spans[i];
        let span_text = &text[s.start..s.end];
        match roles[i] {
            Role::Boilerplate => true,
            // A heading with a label ("Penulis Berita: Ani") is a credit line.
            Role::Heading => is_label_line(span_text),
            Role::Title => false,
            Role::Body => {
                !ends_prose(span_text)
                    && !long(span_text)
                    && !is_list_item(span_text)
                    && is_whole_line(text, s)
            }
        }
    };
    let Some(last_prose) = (0..spans.len()).rev().find(|&i| !footer_line(i)) else {
        return;
    };
    if roles[last_prose] != Role::Body {
        return; // the text ends with a heading's section, or has no prose at all
    }
    for role in &mut roles[last_prose + 1..] {
        *role = Role::Boilerplate;
    }
}

/// Whether a span ends the way prose does: with a full stop, a question or exclamation mark,
/// possibly inside quotes or brackets.
fn ends_prose(span: &str) -> bool {
    span.trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '?', '!', '\u{2026}'])
}

/// "- butir", "1. butir": a list item, which a footer line is not.
fn is_list_item(span: &str) -> bool {
    let first = span.split_whitespace().next().unwrap_or("");
    matches!(first, "-" | "*" | "•" | "–")
        || first
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "Penulis Berita: Ani", "Foto Oleh: ...": a colon after one to three words.
fn is_label_line(span: &str) -> bool {
    span.split_once(':')
        .is_some_and(|(label, _)| label.split_whitespace().count() <= 3)
}

/// Longer than a footer line.
fn long(span: &str) -> bool {
    span.len() > FOOTER_MAX_BYTES || span.split_whitespace().nth(FOOTER_MAX_WORDS).is_some()
}

#[cfg(test)]
mod tests;
