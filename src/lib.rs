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

#![forbid(unsafe_code)]

pub mod analysis;
pub mod config;
pub mod error;
pub mod idf;
pub mod input;
pub(crate) mod keywords;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod score;
pub mod stem;
pub mod summary;
pub mod topics;
pub(crate) mod util;

pub use config::{Config, Format, Language, SummaryLength};
pub use error::Error;
pub use pipeline::{Engine, Outcome};
pub use report::{ErrorRecord, Keyword, Record, Report, Stats, SummarySentence};
