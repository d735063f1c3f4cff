//! Text to [`Analysis`]: normalise, split into sentences, tokenise, drop stopwords, stem.

pub mod analyzer;
pub mod memo;
pub mod normalize;
pub mod sentence;
pub mod stopwords;
pub mod token;
