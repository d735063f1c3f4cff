//! HTML to an [`Outline`]: the page's main article, the way a reader view finds it.
//!
//! Parsed with scraper (html5ever, Servo's HTML5 parser: the tree browsers build, whatever
//! the page's errors), then: bytes to text by the declared charset ([`charset`]); the
//! headline from the page's metadata ([`title`]); boilerplate elements left out ([`junk`]);
//! the article's container found by text density ([`root`]); its blocks collected
//! ([`walk`]).

mod charset;
mod junk;
mod root;
mod title;
mod walk;

use scraper::Html;

use super::outline::Outline;

pub use charset::decode_html;

/// The outline of an HTML page's article.
pub fn outline(page: &str) -> Outline {
    let mut doc = Html::parse_document(page);
    junk::prune_comment_sections(&mut doc);
    let roots = root::article_roots(&doc);
    let mut outline = Outline {
        title: title::title(&doc, &roots),
        blocks: Vec::new(),
    };
    walk::walk(&roots, &mut outline);
    outline
}

#[cfg(test)]
mod tests;
