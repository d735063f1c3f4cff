//! The learned sentence ranker: what the model sees of each candidate sentence
//! ([`features`]) and the gradient-boosted trees that weigh it ([`gbdt`]), fitted offline on
//! IndoSum train by `scripts/fit_ranker.py` and embedded from `data/ranker-model.txt`.

pub mod features;
pub mod gbdt;

pub use features::{COUNT, Context, Features, NAMES, features, relate};
pub use gbdt::Model;
