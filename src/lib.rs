//! ringkas: what an Indonesian text is about, fast.
//!
//! The crate is the whole pipeline as a library; the `ringkas` binary only parses flags and
//! writes what the library returns.
//!
//! ```text
//! read -> normalise -> sentences -> tokens -> stopwords -> stems -> TF-IDF
//!      -> sentence scores -> keywords + summary -> report
//! ```
//!
//! ```
//! use ringkas::{Config, Engine};
//!
//! let engine = Engine::new(&Config::default()).expect("the embedded lists load");
//! let text = "Pemerintah menaikkan harga beras. Harga beras naik di seluruh pasar. \
//!             Warga mengeluhkan harga beras yang mahal. Cuaca hari ini cerah.";
//! let report = engine.report("-", text);
//! assert_eq!(report.summary.len(), 3);
//! assert!(report.keywords.iter().any(|k| k.term.contains("beras")));
//! ```

pub mod analyzer;
mod bytes8;
pub mod config;
pub mod error;
pub mod hash;
pub mod html;
pub mod idf;
pub mod input;
pub mod keywords;
pub mod layout;
mod lexicon_format;
pub mod normalize;
pub mod output;
pub mod packed;
pub mod pipeline;
pub mod pretty;
pub mod report;
pub mod score;
pub mod sentence;
pub mod stem;
pub mod stem_explain;
pub mod stopwords;
pub mod summary;
pub mod token;
pub mod topics;

pub use config::{Config, Format, Language, SummaryLength};
pub use error::Error;
pub use pipeline::{Engine, Outcome};
pub use report::{ErrorRecord, Keyword, Record, Report, Stats, SummarySentence};
