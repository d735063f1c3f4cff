//! Markdown and HTML input: markup read into an [`Outline`] (title, headings, paragraphs,
//! list items) and written out as plain text in the layout the structure pass reads, so
//! that what the markup says (this is the title, this a heading) is not left to guessing,
//! and markup itself (`**`, `[text](url)`, tags, scripts, menus) never reaches the analysis.
//!
//! A file is read as markup by its extension (`.md`, `.markdown`, `.html`, `.htm`), or
//! whatever its name when the user says so (`--input markdown|html`, stdin included).

mod html;
mod markdown;
mod outline;

use crate::error::Error;
use crate::input::decode;

pub use outline::{Block, Outline};

/// A markup language ringkas reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

impl Markup {
    /// The markup a file name's extension says, if any.
    pub fn of_name(name: &str) -> Option<Markup> {
        let ext = std::path::Path::new(name).extension()?.to_str()?;
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Markup::Markdown),
            "html" | "htm" => Some(Markup::Html),
            _ => None,
        }
    }

    /// The extensions read from folders for this markup.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Markup::Markdown => &["md", "markdown"],
            Markup::Html => &["html", "htm"],
        }
    }

    /// The outline of a document's bytes (`name` for errors).
    pub fn outline(self, name: &str, bytes: &[u8]) -> Result<Outline, Error> {
        Ok(match self {
            Markup::Markdown => markdown::outline(&decode(name, bytes)?),
            Markup::Html => html::outline(&html::decode_html(name, bytes)?),
        })
    }

    /// A document's bytes as plain text in the structure pass's layout.
    pub fn text(self, name: &str, bytes: &[u8]) -> Result<String, Error> {
        self.outline(name, bytes).map(|o| o.render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_of_name_reads_extensions() {
        assert_eq!(Markup::of_name("a/B.HTM"), Some(Markup::Html));
        assert_eq!(Markup::of_name("x.md"), Some(Markup::Markdown));
        assert_eq!(Markup::of_name("x.txt"), None);
        assert_eq!(Markup::of_name("-"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn markup_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            for markup in [Markup::Html, Markup::Markdown] {
                let _ = markup.text("p", &bytes);
            }
        }

        #[test]
        fn markup_never_panics_on_tag_soup(text in "(<(p|div|h2|li|ul|a|br|script|meta charset=x)>|</(p|div|h2|li|ul|a)>|[a-z ,.]{0,12}|#+ |\\*\\*|- |\\[x\\]\\(y\\)|\n){0,40}") {
            for markup in [Markup::Html, Markup::Markdown] {
                let rendered = markup.text("p", text.as_bytes()).expect("valid UTF-8 is read");
                prop_assert!(!rendered.contains("<p>"));
            }
        }
    }
}
