//! Keywords and key phrases: runs of one to three content words, bounded by stopwords and
//! punctuation, scored from how often, how early and how widely their stems occur, weighed
//! by IDF; near-duplicates merged; each shown in its most frequent spelling.
//!
//! A word's score is the probability, under a logistic model fitted on IndoSum train
//! (`scripts/fit_keywords.py`), that it appears in the article's headline or human summary.
//! A phrase scores the geometric mean of its words' probabilities, discounted when its words
//! also occur apart (low cohesion).
//!
//! The stages, one per file: `model` scores each term, `phrases` finds the candidate
//! phrases (grouped by the packed sort of `pack`), `rank` scores, ranks and chooses them,
//! and `surface` spells each chosen phrase as the text does.

mod alias;
mod generic;
mod model;
mod names;
mod pack;
mod phrases;
mod rank;
mod surface;
#[cfg(test)]
mod tests;

pub(crate) use model::{TermScores, term_scores};
pub(crate) use rank::{extract, round4};
