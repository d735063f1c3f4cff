//! Stemming: reduce a lowercase word to the root that keywords are counted under.
//!
//! Indonesian is the reason this module exists. Its words are built from roots with prefixes
//! that change the root's first sound (`me-` + `sapu` = `menyapu`), confixes (`ke-...-an`),
//! suffixes, clitics (`-nya`, `-lah`) and reduplication (`negara-negara`), so "same keyword"
//! means "same root", and a suffix-chopping stemmer is not enough. [`IndonesianStemmer`]
//! implements Enhanced Confix Stripping (Nazief & Adriani, refined by Asian and Arifin &
//! Setiono, the rule set Sastrawi follows): every candidate is checked against a root
//! [`Lexicon`] (derived from Debian's `hunspell-id`, see `data/lexicon-id.txt`), and words the
//! lexicon cannot explain fall back to conservative rule-based stripping.
//!
//! This folder is the only code that names a stemming crate or algorithm; the rest of the
//! crate sees [`Stemmer`] and, per worker, [`MemoStemmer`] (the analyzer's word table, kept in
//! `analysis::memo` and re-exported here). The parts: `lexicon` (the root words and the affixes
//! each takes), `indonesian` (the stemmer), `confix` (Enhanced Confix Stripping), `rules` (the
//! prefix-disambiguation table), `explain` (`ringkas stem --explain`), `function_words` (closed-class words kept whole).

mod confix;
pub mod explain;
mod function_words;
mod indonesian;
mod lexicon;
pub(crate) mod lexicon_format;
mod load;
mod rules;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use crate::analysis::memo::{DocMarks, MemoStemmer, WordId};
pub(crate) use crate::stem::confix::{Affix, Pass};
pub use crate::stem::indonesian::IndonesianStemmer;
pub use crate::stem::lexicon::Lexicon;
pub use crate::stem::lexicon_format::CLASS_LETTERS;

/// One stemming algorithm, chosen by the language of the run.
pub enum Stemmer {
    Indonesian(IndonesianStemmer),
    English(rust_stemmers::Stemmer),
}

impl Stemmer {
    pub fn indonesian(lexicon: Arc<Lexicon>) -> Self {
        Stemmer::Indonesian(IndonesianStemmer::new(lexicon))
    }

    pub fn english() -> Self {
        Stemmer::English(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }

    /// The stem of a lowercase word.
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self {
            Stemmer::Indonesian(stemmer) => stemmer.stem(word),
            Stemmer::English(stemmer) => stemmer.stem(word),
        }
    }

    /// The root lexicon, for the languages that have one.
    pub fn lexicon(&self) -> Option<&Lexicon> {
        match self {
            Stemmer::Indonesian(stemmer) => Some(stemmer.lexicon()),
            Stemmer::English(_) => None,
        }
    }
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stemmer::Indonesian(stemmer) => f.debug_tuple("Indonesian").field(stemmer).finish(),
            Stemmer::English(_) => f.write_str("English"),
        }
    }
}
