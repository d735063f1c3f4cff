//! The output model: these types are the JSON schema (documented in the README's contract).

use serde::{Deserialize, Serialize};

use crate::summary::Features;

/// A byte range (the document's spans are built by `output::layout`) `[start, end)` in `Layout::text`.
pub type Span = [usize; 2];

/// The document's text with the spans of its sentences and keywords.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// The document as analysed (normalised); every span points into it.
    pub text: String,
    /// Every sentence and heading, by index (a summary sentence's `index` points here).
    pub sentences: Vec<Span>,
    /// The occurrences of each keyword, in the order of the report's keywords.
    pub keywords: Vec<Vec<Span>>,
}

/// One keyword or key phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// How it reads in the text (its most frequent spelling), never a bare stem.
    pub term: String,
    /// The model's probability that a headline or summary of the document uses it, times
    /// the discounts for verbs and generic words (README: what a score means).
    pub score: f64,
    /// Occurrences of its words in the document, in any of their forms (one stem).
    pub count: usize,
    /// Other names of the same entity in the text: an acronym's expansion, or the acronym
    /// of a name written out ("NATO" with "North Atlantic Treaty Organization"). Left out
    /// of JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// 0-based position of the sentence in the document (headings count).
    pub index: usize,
    pub text: String,
    pub score: f64,
    /// The features behind the score, with `--explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Features>,
}

/// Counts about the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Sentences, headings included.
    pub sentences: usize,
    /// Of which headings (short lines without end punctuation).
    pub headings: usize,
    /// Word-like tokens (words, numbers, URLs, ...).
    pub words: usize,
}

/// The `id` of a JSON Lines record: any JSON value, kept as the bytes it was written as, so
/// `12345678901234567890123` or `1.50` comes out as it went in (a parsed number would not).
///
/// Read back (`Deserialize`) through a `serde_json::Value`, since records are an untagged enum
/// that serde buffers: a number beyond `f64` loses digits there, never when written.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Id(Box<serde_json::value::RawValue>);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        serde_json::Value::deserialize(d).map(|v| Id::of(&v))
    }
}

impl Id {
    /// The id written as `json`, or `None` if it is not one JSON value.
    pub fn new(json: &str) -> Option<Id> {
        serde_json::value::RawValue::from_string(json.trim().to_string())
            .ok()
            .map(Id)
    }

    /// The id of a value built in code.
    pub fn of(value: &serde_json::Value) -> Id {
        Id::new(&value.to_string()).expect("a Value is valid JSON")
    }

    /// The JSON text, as written.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// The id as a value (numbers as serde_json reads them).
    pub fn value(&self) -> serde_json::Value {
        serde_json::from_str(self.json()).unwrap_or(serde_json::Value::Null)
    }

    /// A string id's text; `None` for any other JSON value.
    pub fn as_string(&self) -> Option<String> {
        serde_json::from_str(self.json()).ok()
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        self.json() == other.json()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.json())
    }
}

/// The result for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The `id` of a JSON Lines input record, as it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub source: String,
    pub language: String,
    /// The document's headline, split off its first sentence or read from its first line;
    /// null when it has none.
    #[serde(default)]
    pub title: Option<String>,
    /// Best first.
    pub keywords: Vec<Keyword>,
    /// In document order.
    pub summary: Vec<SummarySentence>,
    pub stats: Stats,
    /// The text with sentence and keyword spans, when asked for (`Config::layout`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

/// The record of an input that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The `id` of a JSON Lines input record, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub source: String,
    pub error: String,
}

/// Exactly one record per input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    Report(Report),
    Error(ErrorRecord),
}

impl Record {
    pub fn source(&self) -> &str {
        match self {
            Record::Report(r) => &r.source,
            Record::Error(e) => &e.source,
        }
    }
}
