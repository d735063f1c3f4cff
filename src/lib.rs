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
pub mod ranker;
pub mod report;
pub mod score;
pub mod stem;
pub mod summary;
pub mod topics;
pub(crate) mod util;
/// Escaping strings bound for a terminal (file names in headers and messages).
pub use util::terminal;

pub use config::{Config, Format, Language, SummaryLength};
pub use error::Error;
pub use pipeline::{Engine, Outcome};
pub use report::{ErrorRecord, Keyword, Record, Report, Stats, SummarySentence};
// What a program embedding ringkas needs beyond `Engine`, named at the root so it does not
// depend on where the modules sit (the Python module in `python/` uses only these).
pub use idf::Model as IdfModel;
pub use input::Input;
pub use pipeline::NoProgress;

/// The sentences of `text` as `ringkas sentences` prints them: line ends unified, each
/// sentence on one line, as written otherwise; the lines the structure pass reads as
/// boilerplate (captions, credits, read-also lines, ads, footers) left out, as without
/// `--all`. [`sentence_roles`] gives them all, with their roles.
pub fn sentences(text: &str) -> Vec<String> {
    sentence_roles(text)
        .into_iter()
        .filter(|(_, role)| *role != analysis::analyzer::Role::Boilerplate)
        .map(|(sentence, _)| sentence)
        .collect()
}

/// The sentences of `text` as `ringkas sentences --all` prints them (line ends unified, each
/// sentence on one line, as written otherwise), each with the role the Indonesian structure
/// pass gives it: title, heading, body or boilerplate (captions, credits, read-also lines,
/// ads, footers).
pub fn sentence_roles(text: &str) -> Vec<(String, analysis::analyzer::Role)> {
    let analyzer = analysis::analyzer::Analyzer::new(
        Language::Indonesian,
        analysis::stopwords::Stopwords::embedded(Language::Indonesian),
        stem::Stemmer::indonesian(stem::Lexicon::embedded()),
    );
    sentence_roles_with(&analyzer, text)
}

/// [`sentence_roles`] as `analyzer` reads: its stopwords.
pub fn sentence_roles_with(
    analyzer: &analysis::analyzer::Analyzer,
    text: &str,
) -> Vec<(String, analysis::analyzer::Role)> {
    let text = unify_line_ends(text);
    analyzer
        .sentence_roles(&text)
        .into_iter()
        .map(|(span, role)| (analysis::sentence::flatten(&text[span]).into_owned(), role))
        .collect()
}

fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The tokens (words, numbers, URLs, e-mails, hashtags, mentions) the Indonesian analyzer
/// counts in `text`, as they read in its normalised form, in order: one for each of a report's
/// `stats.words`. A passive written apart that the analysis rejoins ("di bahas") is one token,
/// as written.
pub fn tokens(text: &str) -> Vec<String> {
    let analyzer = analysis::analyzer::Analyzer::new(
        Language::Indonesian,
        analysis::stopwords::Stopwords::embedded(Language::Indonesian),
        stem::Stemmer::indonesian(stem::Lexicon::embedded()),
    );
    analyzed_tokens(&analyzer, text)
}

/// [`tokens`] as `engine` analyses: its language, stopwords and lexicon.
pub fn tokens_with(engine: &Engine, text: &str) -> Vec<String> {
    analyzed_tokens(engine.analyzer(), text)
}

fn analyzed_tokens(analyzer: &analysis::analyzer::Analyzer, text: &str) -> Vec<String> {
    let mut memo = analyzer.memo();
    let a = analyzer.analyze(text, &mut memo);
    a.terms
        .iter()
        .map(|t| a.text[t.start..t.end].to_string())
        .collect()
}

/// Stems as `ringkas stem` prints them: each word trimmed and lowercased, and an empty word
/// gives an empty stem. Each distinct word is stemmed once.
pub fn stems<'w>(engine: &Engine, words: impl IntoIterator<Item = &'w str>) -> Vec<String> {
    let mut memo = engine.analyzer().memo();
    words
        .into_iter()
        .map(|word| {
            let word = word.trim().to_lowercase();
            if word.is_empty() {
                String::new()
            } else {
                memo.stem(&word).to_string()
            }
        })
        .collect()
}

/// The embedded stopword list of `language`, sorted.
pub fn stopwords(language: Language) -> Vec<String> {
    let list = analysis::stopwords::Stopwords::embedded(language);
    let mut words: Vec<String> = list.iter().map(str::to_string).collect();
    words.sort_unstable();
    words
}
