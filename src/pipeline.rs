//! The pipeline: the only place that decides what runs in parallel.
//!
//! One document: its sentences are the IDF collection and its sentences are scored in
//! parallel. A batch: a first pass counts document frequencies over every input, a second
//! scores each document against them; both passes go through the inputs in chunks, documents
//! of a chunk in parallel, and hand records on in input order, so output streams and memory
//! stays bounded by the chunk, not the batch.

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::analyzer::{Analysis, Analyzer};
use crate::config::{Config, Language, SummaryLength};
use crate::error::Error;
use crate::input::Input;
use crate::keywords;
use crate::layout::Layout;
use crate::packed::PackedAnalysis;
use crate::report::{ErrorRecord, Record, Report, Stats, SummarySentence};
use crate::score::{DocFreq, TermVector, corpus_idf, sentence_idf};
use crate::stem::{Lexicon, MemoStemmer, Stemmer};
use crate::stopwords::Stopwords;
use crate::summary::{self, Candidate, Weights};

/// Documents handled together; bounds memory in a batch.
const CHUNK: usize = 256;

/// Memory for the analyses the first pass of a batch keeps for the second (see `Kept`).
const KEPT_BYTES: usize = 24 << 20;

/// Below this many sentences, scoring them in parallel costs more than it saves.
const PARALLEL_SENTENCES: usize = 64;

/// How a batch went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub documents: usize,
    pub failures: usize,
}

/// Everything a run needs, built once: the analyzer with its word lists and a thread pool.
pub struct Engine {
    analyzer: Analyzer,
    keywords: usize,
    length: SummaryLength,
    explain: bool,
    layout: bool,
    weights: Weights,
    pool: rayon::ThreadPool,
    /// Budget for the analyses a batch's first pass keeps ([`KEPT_BYTES`]).
    kept_bytes: usize,
}

impl Engine {
    /// Loads the word lists the config names and sets up the workers.
    pub fn new(config: &Config) -> Result<Engine, Error> {
        let mut stopwords = if config.default_stopwords {
            Stopwords::embedded(config.language)
        } else {
            Stopwords::default()
        };
        for path in &config.stopword_files {
            stopwords.extend_from_file(path)?;
        }
        let stemmer = match config.language {
            Language::Indonesian => Stemmer::indonesian(match &config.lexicon {
                Some(path) => std::sync::Arc::new(load_lexicon(path)?),
                None => Lexicon::embedded(),
            }),
            Language::English => Stemmer::english(),
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .build()
            .map_err(|e| Error::Threads {
                problem: format!("cannot start worker threads: {e}"),
            })?;
        Ok(Engine {
            analyzer: Analyzer::new(config.language, stopwords, stemmer),
            keywords: config.keywords,
            length: config.length,
            explain: config.explain,
            layout: config.layout,
            weights: Weights::default(),
            pool,
            kept_bytes: KEPT_BYTES,
        })
    }

    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The report of one document, scored against its own sentences.
    pub fn report(&self, source: &str, text: &str) -> Report {
        self.pool.install(|| {
            let mut memo = self.analyzer.memo();
            let analysis = self.analyzer.analyze(text, &mut memo);
            self.build_report(source, &analysis, None)
        })
    }

    /// Processes every input and hands exactly one record per input to `sink`, in input
    /// order. A batch of several inputs is scored against its own document frequencies.
    /// Stops early only when `sink` fails (a closed pipe).
    pub fn run(
        &self,
        inputs: &[Input],
        sink: &mut dyn FnMut(Record) -> io::Result<()>,
    ) -> io::Result<Outcome> {
        self.run_source(&inputs, None, &mut NoProgress, sink)
    }

    /// Like [`Engine::run`] over any [`Source`]: scored against `model` when given (one pass),
    /// else, for more than one input, against the batch's own document frequencies (a first
    /// pass counts them, a second scores). Inputs are read a chunk at a time, so memory is
    /// bounded by the chunk and the vocabulary, never by the number of documents.
    pub fn run_source(
        &self,
        source: &dyn Source,
        model: Option<&DocFreq>,
        progress: &mut dyn Progress,
        sink: &mut dyn FnMut(Record) -> io::Result<()>,
    ) -> io::Result<Outcome> {
        let memos = Memos::new(self);
        let counted;
        let mut kept = Kept::new(self.kept_bytes);
        let corpus = match model {
            Some(model) => Some(model),
            None if source.len_hint().is_some_and(|n| n <= 1) => None,
            None => {
                progress.pass(Pass::Counting);
                let (df, inputs) = self.count(source, &memos, progress, Some(&mut kept));
                counted = df;
                (inputs > 1).then_some(&counted)
            }
        };
        progress.pass(Pass::Scoring);
        let mut outcome = Outcome::default();
        let mut inputs = source.inputs();
        loop {
            let chunk: Vec<(Input, Option<KeptDocument>)> = inputs
                .by_ref()
                .take(CHUNK)
                .map(|input| (input, kept.next()))
                .collect();
            if chunk.is_empty() {
                break;
            }
            let records: Vec<(Record, u64)> = if chunk.len() == 1 {
                // One document (stdin): no hand-over to a worker thread, which costs more
                // than a short document on a busy machine. Long ones still score in parallel.
                chunk
                    .into_iter()
                    .map(|(input, kept)| self.process(&input, kept, corpus, &memos))
                    .collect()
            } else {
                self.pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|(input, kept)| self.process(&input, kept, corpus, &memos))
                        .collect()
                })
            };
            for (record, bytes) in records {
                outcome.documents += 1;
                if matches!(record, Record::Error(_)) {
                    outcome.failures += 1;
                }
                progress.advance(bytes);
                sink(record)?;
            }
        }
        Ok(outcome)
    }

    /// Document frequencies over all readable inputs (the first pass of a batch).
    pub fn document_frequencies(
        &self,
        source: &dyn Source,
        progress: &mut dyn Progress,
    ) -> DocFreq {
        progress.pass(Pass::Counting);
        self.count(source, &Memos::new(self), progress, None).0
    }

    /// Document frequencies, and the number of inputs (readable or not). With `kept`, the
    /// analyses of the first documents are kept for the second pass, as many as its budget
    /// holds.
    fn count(
        &self,
        source: &dyn Source,
        memos: &Memos<'_>,
        progress: &mut dyn Progress,
        mut kept: Option<&mut Kept>,
    ) -> (DocFreq, usize) {
        let mut df = DocFreq::default();
        let mut seen = 0;
        let mut inputs = source.inputs();
        loop {
            let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            seen += chunk.len();
            let keep = kept.as_ref().is_some_and(|k| k.open());
            let counted: Vec<Counted> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|input| match input.document() {
                        Ok(doc) => {
                            let a = memos.with(|memo| self.analyzer.analyze(&doc.text, memo));
                            let bytes = doc.text.len() as u64;
                            match keep.then(|| PackedAnalysis::pack(&a)).flatten() {
                                Some(analysis) => Counted::Kept(KeptDocument {
                                    analysis,
                                    id: doc.id,
                                    bytes,
                                }),
                                None => Counted::Keys(a.into_content_keys(), bytes),
                            }
                        }
                        Err(_) => Counted::Failed,
                    })
                    .collect()
            });
            for counted in counted {
                let bytes = match &counted {
                    Counted::Kept(doc) => {
                        df.add_document(doc.analysis.content_keys());
                        doc.bytes
                    }
                    Counted::Keys(keys, bytes) => {
                        df.add_document(keys.iter());
                        *bytes
                    }
                    Counted::Failed => 0,
                };
                if let Some(kept) = kept.as_deref_mut() {
                    kept.push(counted);
                }
                progress.advance(bytes);
            }
        }
        (df, seen)
    }

    /// The record of one input and the bytes of text it held; from its analysis when the
    /// first pass kept it.
    fn process(
        &self,
        input: &Input,
        kept: Option<KeptDocument>,
        corpus: Option<&DocFreq>,
        memos: &Memos<'_>,
    ) -> (Record, u64) {
        let source = input.name();
        let (work, id, bytes) = match kept {
            Some(doc) => (Work::Kept(doc.analysis), doc.id, doc.bytes),
            None => match input.document() {
                Ok(doc) => {
                    let bytes = doc.text.len() as u64;
                    (Work::Text(doc.text), doc.id, bytes)
                }
                Err(err) => {
                    return (
                        Record::Error(ErrorRecord {
                            id: None,
                            source,
                            error: err.problem(),
                        }),
                        0,
                    );
                }
            },
        };
        // A bug met on one document costs that document, not the rest of an unattended batch:
        // it becomes the document's error record (the panic message is on stderr already, and
        // the run exits 1). Fuzzing has found no such input; this is the net under it. The memo
        // locks shrug off poisoning, so workers go on.
        let analysed = panic::catch_unwind(AssertUnwindSafe(|| {
            let analysis = match work {
                Work::Kept(packed) => packed.unpack(),
                // The memo is released before scoring, which may run in parallel.
                Work::Text(text) => memos.with(|memo| self.analyzer.analyze(&text, memo)),
            };
            let idf = corpus.map(|df| corpus_idf(&analysis, df));
            self.build_report(&source, &analysis, idf.as_deref())
        }));
        match analysed {
            Ok(mut report) => {
                report.id = id;
                (Record::Report(report), bytes)
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
            ),
        }
    }

    /// The report of an analysed document; `corpus_idf` when it is scored against a corpus,
    /// otherwise its own sentences are the IDF collection.
    fn build_report(&self, source: &str, a: &Analysis, corpus_idf: Option<&[f64]>) -> Report {
        let own_idf;
        let idf = match corpus_idf {
            Some(idf) => idf,
            None => {
                own_idf = sentence_idf(a);
                &own_idf
            }
        };
        let probability = keywords::probabilities(a, corpus_idf);
        let candidates = self.candidates(a, idf, &probability);
        let wanted = self.length.count(candidates.len());
        let summary = summary::select(&candidates, wanted, self.weights.redundancy)
            .into_iter()
            .map(|c| SummarySentence {
                index: c.index,
                text: a.summary_text(c.index),
                score: keywords::round4(c.score),
                features: self.explain.then_some(c.features),
            })
            .collect();
        let keywords = keywords::extract(a, &probability, self.keywords);
        Report {
            id: None,
            source: source.to_string(),
            language: self.analyzer.language().code().to_string(),
            layout: self.layout.then(|| Layout::new(a, &keywords)),
            keywords,
            summary,
            stats: Stats {
                sentences: a.sentences.len(),
                headings: a.sentences.iter().filter(|s| s.heading).count(),
                words: a.words(),
            },
        }
    }

    /// Scores every candidate sentence; in parallel for long documents.
    fn candidates(&self, a: &Analysis, idf: &[f64], probability: &[f64]) -> Vec<Candidate> {
        let document = TermVector::from_terms(a.terms.iter(), idf);
        let title = a
            .sentences
            .iter()
            .position(|s| !s.heading)
            .filter(|&first_body| first_body > 0)
            .map(|_| TermVector::from_terms(a.sentence_terms(0), idf));
        let units: Vec<(usize, usize)> = (0..a.sentences.len())
            .filter(|&i| !a.sentences[i].heading)
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
        let score = |&(pos, i): &(usize, usize)| {
            let vector = TermVector::from_terms(a.sentence_terms(i), idf);
            let features =
                summary::features(a, i, pos, &vector, &document, title.as_ref(), probability);
            Candidate {
                index: i,
                score: self.weights.score(&features),
                features,
                vector,
            }
        };
        if body.len() >= PARALLEL_SENTENCES {
            self.pool.install(|| body.par_iter().map(score).collect())
        } else {
            body.iter().map(score).collect()
        }
    }
}

/// The inputs of a run, in order; opened afresh for each pass.
pub trait Source {
    /// A new pass over the inputs.
    fn inputs(&self) -> Box<dyn Iterator<Item = Input> + '_>;
    /// How many inputs there are, when known without reading them.
    fn len_hint(&self) -> Option<usize> {
        None
    }
}

impl Source for &[Input] {
    fn inputs(&self) -> Box<dyn Iterator<Item = Input> + '_> {
        Box::new(self.iter().cloned())
    }

    fn len_hint(&self) -> Option<usize> {
        Some(self.len())
    }
}

/// Which pass of a run is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Counting document frequencies over the batch.
    Counting,
    /// Scoring each document and handing on its record.
    Scoring,
}

/// What a run reports as it goes, for a progress display; the library itself never prints.
pub trait Progress {
    fn pass(&mut self, _pass: Pass) {}
    /// One more input done, which held `bytes` of text.
    fn advance(&mut self, _bytes: u64) {}
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {}

/// What the second pass starts from: a kept analysis or the text to analyse.
enum Work {
    Kept(PackedAnalysis),
    Text(String),
}

/// A document the first pass analysed, kept for the second.
struct KeptDocument {
    analysis: PackedAnalysis,
    id: Option<serde_json::Value>,
    bytes: u64,
}

/// What the first pass learnt of one input.
enum Counted {
    Kept(KeptDocument),
    /// Its content keys only: the budget is spent (or the text too long to pack).
    Keys(crate::analyzer::Vocab, u64),
    Failed,
}

/// The analyses the first pass keeps, for the first inputs in order, until [`KEPT_BYTES`] is
/// spent: a batch that fits is analysed once, a larger one keeps memory flat and analyses the
/// rest again. The second pass takes them from the front, freeing as it goes.
struct Kept {
    documents: std::collections::VecDeque<Option<KeptDocument>>,
    bytes: usize,
    budget: usize,
    /// A document was not kept: none after it is either, so the kept ones stay a prefix.
    closed: bool,
}

impl Kept {
    fn new(budget: usize) -> Self {
        Kept {
            documents: Default::default(),
            bytes: 0,
            budget,
            closed: false,
        }
    }

    fn open(&self) -> bool {
        !self.closed
    }

    fn push(&mut self, counted: Counted) {
        if self.closed {
            return;
        }
        match counted {
            Counted::Kept(doc) if self.bytes + doc.analysis.heap_bytes() <= self.budget => {
                self.bytes += doc.analysis.heap_bytes();
                self.documents.push_back(Some(doc));
            }
            // A failed input is read again, to report its error the same way.
            Counted::Failed => self.documents.push_back(None),
            _ => self.closed = true,
        }
    }

    /// What was kept of the next input, in order.
    fn next(&mut self) -> Option<KeptDocument> {
        self.documents.pop_front().flatten()
    }
}

/// One stem memo per worker thread, kept for the whole run: a memo made per parallel task
/// would start cold again and again.
struct Memos<'e> {
    slots: Vec<Mutex<MemoStemmer<'e>>>,
}

impl<'e> Memos<'e> {
    fn new(engine: &'e Engine) -> Self {
        Memos {
            slots: (0..engine.pool.current_num_threads().max(1))
                .map(|_| Mutex::new(engine.analyzer.memo()))
                .collect(),
        }
    }

    /// Runs `f` with this worker's memo. `f` must not start parallel work: a task stolen
    /// meanwhile would wait for the same memo.
    fn with<R>(&self, f: impl FnOnce(&mut MemoStemmer<'e>) -> R) -> R {
        let slot = rayon::current_thread_index().unwrap_or(0) % self.slots.len();
        let mut memo = self.slots[slot]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut memo)
    }
}

fn load_lexicon(path: &std::path::Path) -> Result<Lexicon, Error> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::WordList {
        path: display.clone(),
        problem: format!(
            "cannot read lexicon: {}",
            Error::Io {
                path: String::new(),
                source
            }
            .problem()
        ),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::WordList {
        path: display.clone(),
        problem: format!(
            "lexicon is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let lexicon = Lexicon::parse(&text);
    if lexicon.is_empty() {
        return Err(Error::WordList {
            path: display,
            problem: "lexicon holds no words".into(),
        });
    }
    Ok(lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn engine(threads: usize) -> Engine {
        Engine::new(&Config {
            threads,
            ..Config::default()
        })
        .expect("default config loads")
    }

    fn memory(name: &str, text: &str) -> Input {
        Input::Memory {
            name: name.into(),
            bytes: Arc::from(text.as_bytes()),
        }
    }

    #[test]
    fn pipeline_one_record_per_input_in_order() {
        let inputs = [
            memory("a", "Harga beras naik. Warga mengeluh."),
            Input::Memory {
                name: "bad".into(),
                bytes: Arc::from(&b"\xff\xfe\xff"[..]),
            },
            memory("c", "Banjir melanda Bekasi."),
        ];
        let mut records = Vec::new();
        let outcome = engine(2)
            .run(&inputs, &mut |r| {
                records.push(r);
                Ok(())
            })
            .unwrap();
        assert_eq!(
            outcome,
            Outcome {
                documents: 3,
                failures: 1
            }
        );
        let sources: Vec<&str> = records.iter().map(Record::source).collect();
        assert_eq!(sources, ["a", "bad", "c"]);
        assert!(matches!(records[1], Record::Error(_)));
    }

    #[test]
    fn pipeline_threads_do_not_change_results() {
        let inputs: Vec<Input> = (0..40)
            .map(|i| memory(&format!("d{i}"), &format!("Dokumen nomor {i} membahas harga beras. Harga cabai {i} naik. Pasar ramai sekali hari ini. Petani senang.")))
            .collect();
        let run = |threads| {
            let mut out = Vec::new();
            engine(threads)
                .run(&inputs, &mut |r| {
                    out.push(serde_json::to_string(&r).unwrap());
                    Ok(())
                })
                .unwrap();
            out
        };
        assert_eq!(run(1), run(2));
    }

    #[test]
    fn pipeline_kept_analyses_give_the_same_records() {
        let inputs: Vec<Input> = (0..600)
            .map(|i| {
                if i % 97 == 5 {
                    Input::Memory {
                        name: format!("bad{i}"),
                        bytes: Arc::from(&b"\xff"[..]),
                    }
                } else {
                    memory(&format!("d{i}"), &format!("Harga beras di Pasar {i} naik. Warga Bekasi mengeluh soal harga {}. Petani senang.", i % 7))
                }
            })
            .collect();
        let run = |budget| {
            let mut engine = engine(2);
            engine.kept_bytes = budget;
            let mut out = Vec::new();
            engine
                .run(&inputs, &mut |r| {
                    out.push(serde_json::to_string(&r).unwrap());
                    Ok(())
                })
                .unwrap();
            out
        };
        // Nothing kept, some kept (the budget runs out part-way), everything kept.
        let none = run(0);
        assert_eq!(none.len(), inputs.len());
        assert_eq!(run(100_000), none);
        assert_eq!(run(usize::MAX), none);
    }

    #[test]
    fn pipeline_sink_failure_stops_the_run() {
        let inputs = [memory("a", "Satu."), memory("b", "Dua.")];
        let err = engine(1)
            .run(&inputs, &mut |_| {
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            })
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}
