//! Speed helpers shared by the stages: hashing and byte scans.

pub(crate) mod bytes8;
pub(crate) mod hash;
pub mod terminal;
