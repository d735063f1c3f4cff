//! The second pass: one input to its record, from a kept analysis or from its text.

use std::panic::{self, AssertUnwindSafe};

use rayon::prelude::*;

use crate::analysis::analyzer::{Analysis, Role};
use crate::config::SummaryLength;
use crate::error::Error;
use crate::input::identity::changed;
use crate::input::{Document, Identity, Input};
use crate::keywords;
use crate::pipeline::corpus::Corpus;
use crate::pipeline::kept::Paired;
use crate::pipeline::schedule::Memos;
use crate::pipeline::{Engine, PARALLEL_SENTENCES};
use crate::ranker;
use crate::report::{ErrorRecord, Layout, Record, Report, Stats, SummarySentence};
use crate::score::{TermVector, sentence_idf};
use crate::summary::{self, Candidate};
use crate::topics::cluster::{self, DocTerms};

impl Engine {
    /// The record of one input and the bytes of text it held; from its analysis when the
    /// first pass kept it. With `terms` > 0, also the document's best terms for clustering.
    pub(super) fn process(
        &self,
        input: &Input,
        paired: Paired,
        corpus: Option<&Corpus<'_>>,
        memos: &Memos<'_>,
        terms: usize,
    ) -> (Record, u64, Option<DocTerms>) {
        let source = input.name();
        let failed = |err: Error| {
            (
                Record::Error(ErrorRecord {
                    id: None,
                    source: source.clone(),
                    error: err.problem(),
                }),
                0,
                None,
            )
        };
        // A kept analysis is used only for the input the first pass read.
        if let (Some(Some(then)), Some(_)) = (&paired.then, &paired.doc)
            && let Err(err) = input.unchanged(then)
        {
            return failed(err);
        }
        // Kept bytes that do not unpack (a damaged temporary file): the text is read again.
        let kept = paired
            .doc
            .and_then(|doc| Some((doc.analysis.into_analysis()?, doc.id, doc.bytes, doc.keys)));
        let (work, id, bytes, keys) = match kept {
            Some((analysis, id, bytes, keys)) => (Work::Kept(analysis), id, bytes, keys),
            None => match read_again(input, paired.then, self.max_bytes) {
                Ok(doc) => {
                    let bytes = doc.text.len() as u64;
                    (Work::Text(doc.text), doc.id, bytes, None)
                }
                Err(err) => return failed(err),
            },
        };
        // A bug met on one document costs that document, not the rest of an unattended batch:
        // it becomes the document's error record (the panic message is on stderr already, and
        // the run exits 1). Fuzzing has found no such input; this is the net under it. The memo
        // locks shrug off poisoning, so workers go on.
        let analysed = panic::catch_unwind(AssertUnwindSafe(|| {
            let analysis = match work {
                Work::Kept(analysis) => analysis,
                // The memo is released before scoring, which may run in parallel.
                Work::Text(text) => memos.with(|memo| {
                    let a = self.analyzer.analyze(&text, memo);
                    if memo.heap_bytes() > self.memo_bytes {
                        memo.clear();
                    }
                    a
                }),
            };
            let idf = corpus.map(|corpus| corpus.idf(&analysis, keys.as_ref()));
            let doc_terms =
                (terms > 0).then(|| cluster::document_terms(&analysis, idf.as_deref(), terms));
            (
                self.build_report(&source, &analysis, idf.as_deref()),
                doc_terms,
            )
        }));
        match analysed {
            Ok((mut report, doc_terms)) => {
                report.id = id;
                (Record::Report(report), bytes, doc_terms)
            }
            Err(_) => (
                Record::Error(ErrorRecord {
                    id,
                    source,
                    error: "internal error while analysing this document (a bug in ringkas: \
                            please report it with the document)"
                        .to_string(),
                }),
                0,
                None,
            ),
        }
    }

    /// The report of an analysed document; `corpus_idf` when it is scored against a corpus,
    /// otherwise its own sentences are the IDF collection.
    pub(super) fn build_report(
        &self,
        source: &str,
        a: &Analysis,
        corpus_idf: Option<&[f64]>,
    ) -> Report {
        let scores = keywords::term_scores(a, corpus_idf);
        // `-n 0` (keywords only): no sentence is scored.
        let summary = if self.length == SummaryLength::Sentences(0) {
            Vec::new()
        } else {
            let own_idf;
            let idf = match corpus_idf {
                Some(idf) => idf,
                None => {
                    own_idf = sentence_idf(a);
                    &own_idf
                }
            };
            let candidates = self.candidates(a, idf, &scores);
            let wanted = self.length.count(candidates.len());
            summary::select(&candidates, wanted, self.ranker.redundancy())
                .into_iter()
                .map(|c| SummarySentence {
                    index: c.index,
                    text: a.summary_text(c.index),
                    score: keywords::round4(c.score),
                    features: self.explain.then_some(c.features),
                })
                .collect()
        };
        let keywords = keywords::extract(a, &scores, self.keywords);
        Report {
            id: None,
            source: source.to_string(),
            language: self.analyzer.language().code().to_string(),
            title: a.title(),
            layout: self.layout.then(|| Layout::new(a, &keywords)),
            keywords,
            summary,
            stats: Stats {
                sentences: a.sentences.len(),
                headings: a
                    .sentences
                    .iter()
                    .filter(|s| s.role == Role::Heading)
                    .count(),
                words: a.words(),
            },
        }
    }

    /// Scores every candidate sentence with the ranker; their features in parallel for long
    /// documents.
    fn candidates(
        &self,
        a: &Analysis,
        idf: &[f64],
        scores: &keywords::TermScores,
    ) -> Vec<Candidate> {
        let document = TermVector::from_counts(&scores.tf, idf);
        let units: Vec<(usize, usize)> = (0..a.sentences.len())
            .filter(|&i| a.sentences[i].is_body())
            .enumerate()
            .collect();
        let mut body: Vec<(usize, usize)> = units
            .iter()
            .copied()
            .filter(|&(_, i)| summary::is_candidate(a, i))
            .collect();
        if body.is_empty() {
            // A short note of fragments still gets its sentences back rather than nothing.
            body = units;
        }
        let context = ranker::Context::new(a, &document);
        let score = |&(pos, i): &(usize, usize)| {
            let terms = summary::SentenceTerms::new(a, i, idf, &scores.probability);
            Candidate {
                index: i,
                score: 0.0,
                features: ranker::features(a, i, pos, &terms, &context),
                vector: terms.vector,
            }
        };
        let mut candidates: Vec<Candidate> = if body.len() >= PARALLEL_SENTENCES {
            self.pool.install(|| body.par_iter().map(score).collect())
        } else {
            body.iter().map(score).collect()
        };
        // In order, once every candidate is known: features against the others, then scores.
        ranker::relate(&mut candidates);
        for c in &mut candidates {
            c.score = self.ranker.score(&c.features);
        }
        candidates
    }

    /// Every candidate sentence of `text`, scored on its own (as one document on stdin is),
    /// with the analysis its indices point into: what `examples/ranker_features.rs` dumps for
    /// `scripts/fit_ranker.py` to learn from.
    #[doc(hidden)]
    pub fn candidates_of(&self, text: &str) -> (Analysis, Vec<Candidate>) {
        self.pool.install(|| {
            let mut memo = self.analyzer.memo();
            let a = self.analyzer.analyze(text, &mut memo);
            let idf = sentence_idf(&a);
            let scores = keywords::term_scores(&a, None);
            let candidates = self.candidates(&a, &idf, &scores);
            (a, candidates)
        })
    }
}

/// Reads an input in the second pass; an error when the first pass (`then`: `Some`) read
/// something else, or could not read it (`Some(None)`).
fn read_again(
    input: &Input,
    then: Option<Option<Identity>>,
    max_bytes: u64,
) -> Result<Document, Error> {
    let (now, doc) = input.read(max_bytes);
    let doc = doc?;
    let what = match (then, now) {
        (None, _) => None,
        (Some(None), _) => Some("it could not be read in the first pass"),
        (Some(Some(then)), Some(now)) => now.differs(&then),
        (Some(Some(_)), None) => Some("it can no longer be read"),
    };
    match what {
        None => Ok(doc),
        Some(what) => Err(Error::Refused {
            path: input.name(),
            problem: changed(what),
        }),
    }
}

/// What the second pass starts from: a kept analysis or the text to analyse.
enum Work {
    Kept(Analysis),
    Text(String),
}
