//! The plain settings of one run: no CLI types here, so the library can be driven from code.

use std::path::PathBuf;

/// Language of the input, which picks the stopword list and the stemmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Indonesian,
    English,
}

impl Language {
    /// ISO 639-1 code, as written in the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Language::Indonesian => "id",
            Language::English => "en",
        }
    }
}

/// How long a summary is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SummaryLength {
    /// At most this many sentences.
    Sentences(usize),
    /// This share of the document's sentences, rounded, but at least one.
    Ratio(f64),
}

impl SummaryLength {
    /// The number of sentences to pick from a document of `available` candidate sentences.
    pub fn count(self, available: usize) -> usize {
        match self {
            SummaryLength::Sentences(n) => n.min(available),
            SummaryLength::Ratio(r) => {
                let wanted = (r * available as f64).round() as usize;
                wanted.max(1).min(available)
            }
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
    /// One self-contained HTML page for the whole run.
    Html,
}

/// Everything one run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    pub language: Language,
    /// How many keywords to list.
    pub keywords: usize,
    pub length: SummaryLength,
    /// Extra stopword lists to load.
    pub stopword_files: Vec<PathBuf>,
    /// Whether the embedded stopword list is used.
    pub default_stopwords: bool,
    /// A root-word lexicon replacing the embedded one (Indonesian only).
    pub lexicon: Option<PathBuf>,
    /// Worker threads; 0 lets rayon choose.
    pub threads: usize,
    /// Include per-sentence features in the report.
    pub explain: bool,
    /// Include each document's text with sentence and keyword spans (`Report::layout`).
    pub layout: bool,
    /// The most bytes read of one input (`crate::input::DEFAULT_MAX_BYTES`).
    pub max_bytes: u64,
    /// Memory for the analyses a batch's first pass keeps for the second
    /// (`crate::pipeline::KEPT_BYTES`): whole ones in its first half, packed ones after; past
    /// it they go to a temporary file.
    pub kept_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::Indonesian,
            keywords: 10,
            length: SummaryLength::Sentences(3),
            stopword_files: Vec::new(),
            default_stopwords: true,
            lexicon: None,
            threads: 0,
            explain: false,
            layout: false,
            max_bytes: crate::input::DEFAULT_MAX_BYTES,
            kept_bytes: crate::pipeline::KEPT_BYTES,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_length_ratio_keeps_at_least_one() {
        assert_eq!(SummaryLength::Ratio(0.01).count(10), 1);
        assert_eq!(SummaryLength::Ratio(0.5).count(10), 5);
        assert_eq!(SummaryLength::Ratio(1.0).count(0), 0);
        assert_eq!(SummaryLength::Sentences(3).count(2), 2);
        assert_eq!(SummaryLength::Sentences(0).count(5), 0);
    }
}
