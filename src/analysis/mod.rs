//! Text to [`Analysis`]: normalise, split into sentences, tokenise, drop stopwords, stem.

pub mod analyzer;
mod case;
mod dateline;
mod lowercase;
pub mod memo;
mod model;
pub mod normalize;
pub mod sentence;
pub mod stopwords;
mod structure;
pub mod token;
mod words;
