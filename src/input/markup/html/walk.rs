//! The article's elements to outline blocks: headings are headings, list items items, and
//! every other block (a paragraph, a `<div>` of text, a line cut by `<br>`) a paragraph.
//! Inline markup is transparent. A block that is mostly link text (a "Baca juga" line, a
//! list of related articles left inside the body) is dropped, and so are a heading or
//! paragraph that repeats the title and the markers sites put between paragraphs: a line in
//! capitals ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"), an embed placeholder in
//! brackets ("[Gambas:Video CNN]"), an editor's initials in brackets ("(red)", "(fra/isn)").

use scraper::ElementRef;

use super::junk::is_junk;
use crate::input::markup::outline::{Block, Outline, squeeze};

/// A block more than this share of whose characters are link text is navigation.
const MAX_LINK_SHARE: f64 = 0.5;
/// A marker line in capitals has at most this many words.
const MARKER_MAX_WORDS: usize = 6;

/// Elements that start and end a block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "blockquote"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "pre"
            | "address"
            | "center"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "body"
            | "html"
    )
}

/// Characters of text in an element, outside junk, trimmed node by node.
pub fn text_len(el: ElementRef<'_>) -> usize {
    let mut len = 0;
    for child in el.children() {
        if let Some(text) = child.value().as_text() {
            len += text.trim().chars().count();
        } else if let Some(child) = ElementRef::wrap(child) {
            if !is_junk(child.value()) {
                len += text_len(child);
            }
        }
    }
    len
}

/// The kind of block being collected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Item,
}

impl Kind {
    /// The kind of a block element's text, inside a block of kind `outer`.
    fn of(name: &str, outer: Kind) -> Kind {
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
            "li" | "dt" | "dd" => Kind::Item,
            _ => outer,
        }
    }

    fn block(self) -> fn(String) -> Block {
        match self {
            Kind::Paragraph => Block::Paragraph,
            Kind::Heading => Block::Heading,
            Kind::Item => Block::Item,
        }
    }
}

/// One line of text being collected, and how much of it is link text.
#[derive(Default)]
struct Line {
    text: String,
    link_chars: usize,
}

/// Collects the blocks of the roots into `outline`.
pub fn walk(roots: &[ElementRef<'_>], outline: &mut Outline) {
    let mut walker = Walker {
        outline,
        lines: vec![Line::default()],
        in_link: 0,
    };
    // Each root is a block of its own: a heading beside the body is not glued to it.
    for &root in roots {
        let kind = Kind::of(root.value().name(), Kind::Paragraph);
        walker.visit(root, kind);
        walker.flush(kind);
    }
}

struct Walker<'o> {
    outline: &'o mut Outline,
    /// The lines of the block being collected (`<br>` starts a new one).
    lines: Vec<Line>,
    in_link: usize,
}

impl Walker<'_> {
    fn visit(&mut self, el: ElementRef<'_>, kind: Kind) {
        for child in el.children() {
            if let Some(text) = child.value().as_text() {
                self.text(text);
                continue;
            }
            let Some(child) = ElementRef::wrap(child) else {
                continue; // comments, doctypes
            };
            if is_junk(child.value()) {
                continue;
            }
            let name = child.value().name();
            match name {
                "br" => self.lines.push(Line::default()),
                "a" => {
                    self.in_link += 1;
                    self.visit(child, kind);
                    self.in_link -= 1;
                }
                _ if is_block(name) => {
                    let inner = Kind::of(name, kind);
                    self.flush(kind);
                    self.visit(child, inner);
                    self.flush(inner);
                }
                _ => self.visit(child, kind),
            }
        }
    }

    fn text(&mut self, text: &str) {
        let line = self.lines.last_mut().expect("there is always a line");
        line.text.push_str(text);
        if self.in_link > 0 {
            line.link_chars += text.trim().chars().count();
        }
    }

    /// Ends the block being collected: each of its lines becomes a block of `kind`, unless
    /// it is mostly links or repeats the title.
    fn flush(&mut self, kind: Kind) {
        for line in self.lines.drain(..) {
            let text = squeeze(&line.text);
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            if chars == 0 || line.link_chars as f64 > chars as f64 * MAX_LINK_SHARE {
                continue;
            }
            if self
                .outline
                .title
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(&text))
                || kind != Kind::Heading && is_marker(&text)
            {
                continue;
            }
            self.outline.push(kind.block(), &text);
        }
        self.lines.push(Line::default());
    }
}

/// A line sites put between paragraphs that is not the article's: an ad or scroll marker in
/// capitals, an embed placeholder or an editor's initials in brackets.
fn is_marker(text: &str) -> bool {
    let capitals = text.chars().any(char::is_uppercase)
        && !text.chars().any(char::is_lowercase)
        && text.split_whitespace().nth(MARKER_MAX_WORDS).is_none()
        && !text.ends_with(['.', '?', '!']);
    let embed = text.starts_with('[') && text.ends_with(']');
    let initials = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|t| {
            t.split('/')
                .all(|w| (1..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
        });
    capitals || embed || initials
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_markers_are_not_article_text() {
        for marker in [
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE WITH CONTENT",
            "[Gambas:Video CNN]",
            "(red)",
            "(fra/isn)",
        ] {
            assert!(is_marker(marker), "{marker}");
        }
        for text in [
            "PSSI menunda liga.",
            "Harga naik (lagi)",
            "(Jakarta)",
            "Senin (3/3)",
            "Kata Dia",
        ] {
            assert!(!is_marker(text), "{text}");
        }
    }
}
