//! The structure a markup reader recovers (title, headings, paragraphs, list items), and the
//! plain-text layout it is written in for the analysis.
//!
//! The layout is the one the structure pass (`analysis::structure`) reads without guessing:
//! the title alone on the first line and a blank line after it, each heading alone between
//! blank lines, a paragraph a block, the items of a list one a line after "- ". Inline
//! markup is gone by then; the text of links stays. The title and headings are written
//! without a final full stop, question or exclamation mark or colon: the structure pass
//! takes a short line without one for a heading, and the markup has said that it is one
//! ("Mengapa Harga Naik?" would otherwise be read as a sentence and could be summarised).

/// One block of a marked-up document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A list item; consecutive items form one list.
    Item(String),
}

/// A marked-up document's title and blocks, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

impl Outline {
    /// Adds a block, its text with runs of white space made one space; empty text is dropped.
    pub fn push(&mut self, block: fn(String) -> Block, text: &str) {
        let text = squeeze(text);
        if !text.is_empty() {
            self.blocks.push(block(text));
        }
    }

    /// Sets the title (white space squeezed), unless it is empty.
    pub fn set_title(&mut self, text: &str) {
        let text = squeeze(text);
        self.title = (!text.is_empty()).then_some(text);
    }

    /// The document as plain text in the layout the structure pass reads.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(unpunctuated(title));
            out.push('\n');
        }
        let mut in_list = false;
        for block in &self.blocks {
            let item = matches!(block, Block::Item(_));
            if !(out.is_empty() || item && in_list) {
                out.push('\n');
            }
            match block {
                Block::Heading(text) => out.push_str(unpunctuated(text)),
                Block::Paragraph(text) => out.push_str(text),
                Block::Item(text) => {
                    out.push_str("- ");
                    out.push_str(text);
                }
            }
            out.push('\n');
            in_list = item;
        }
        out
    }
}

/// A heading without the punctuation that would make it read as a sentence; kept whole if
/// nothing else is left.
fn unpunctuated(text: &str) -> &str {
    let trimmed = text
        .trim_end_matches(['.', '?', '!', ':', '\u{2026}'])
        .trim_end();
    if trimmed.is_empty() { text } else { trimmed }
}

/// Text with every run of white space (line breaks included) made one space, trimmed.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_renders_title_headings_paragraphs_and_lists() {
        let mut outline = Outline::default();
        outline.set_title("  Harga  Beras\nNaik ");
        outline.push(Block::Paragraph, "Harga beras naik lagi.");
        outline.push(Block::Heading, "Penyebab?");
        outline.push(Block::Item, "cuaca");
        outline.push(Block::Item, "panen gagal");
        outline.push(Block::Paragraph, " ");
        outline.push(Block::Paragraph, "Pemerintah menambah stok.");
        assert_eq!(
            outline.render(),
            "Harga Beras Naik\n\nHarga beras naik lagi.\n\nPenyebab\n\n- cuaca\n- panen gagal\n\n\
             Pemerintah menambah stok.\n"
        );
    }

    #[test]
    fn outline_without_title_starts_with_its_first_block() {
        let mut outline = Outline::default();
        outline.push(Block::Paragraph, "Satu.");
        assert_eq!(outline.render(), "Satu.\n");
        assert_eq!(Outline::default().render(), "");
    }
}
