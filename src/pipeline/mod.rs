//! The pipeline: the only place that decides what runs in parallel.
//!
//! One document: its sentences are the IDF collection and its sentences are scored in
//! parallel. A batch: a first pass counts document frequencies over every input, a second
//! scores each document against them; both passes go through the inputs in chunks, documents
//! of a chunk in parallel, and hand records on in input order, so output streams and memory
//! stays bounded by the chunk, not the batch.

pub mod packed;

use std::collections::VecDeque;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::analysis::analyzer::{Analysis, Analyzer};
use crate::analysis::stopwords::Stopwords;
use crate::config::{Config, Language, SummaryLength};
use crate::error::Error;
use crate::input::Input;
use crate::keywords;
use crate::output::layout::Layout;
use crate::pipeline::packed::{PackedAnalysis, get_varint, put_varint};
use crate::report::{ErrorRecord, Record, Report, Stats, SummarySentence};
use crate::score::{DocFreq, IdDocFreq, TermVector, corpus_idf, sentence_idf};
use crate::stem::{Lexicon, MemoStemmer, Stemmer};
use crate::summary::{self, Candidate, Weights};

/// Documents handled together; bounds memory in a batch.
const CHUNK: usize = 128;

/// Chunks in the workers' hands beyond the one being handed on (see `Engine::pipelined`).
/// The workers take queued chunks in no set order, so the oldest often finishes last, and
/// until it does no new chunk is queued: with one ahead, `perf sched` showed both workers of
/// a 2-core machine idle for about 0.3 ms at many chunk boundaries, while this thread handed
/// on the chunk they had just finished. More ahead keeps them busy for the price of that many
/// chunks' results (a few MB at most). Interleaved perf stat, -j2, 2,263-article folder,
/// 4 x 21 runs: mean elapsed 0.1030 s with one ahead, 0.1016 with two, 0.1005 with four.
const AHEAD: usize = 4;

/// Memory for the analyses the first pass of a batch keeps for the second (see `Kept`); the
/// rest go to a temporary file, which costs little more than memory.
const KEPT_BYTES: usize = 16 << 20;

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
    /// Budget for the temporary file they go to after that ([`SPILL_BYTES`]).
    spill_bytes: u64,
    /// Budget for each worker's stem memo ([`MEMO_BYTES`]).
    memo_bytes: usize,
}

/// Heap a worker's stem memo may hold before it is cleared (between two documents). It holds
/// every distinct token the worker has met, numbers, names and addresses included, about 90
/// bytes each: 2,263 news articles fill 3.7 MB (41k tokens), and an archive would grow it
/// without end. Past the budget the worker starts again from an empty memo, which costs
/// stemming its words again, never a result.
const MEMO_BYTES: usize = 8 << 20;

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
            spill_bytes: SPILL_BYTES,
            memo_bytes: MEMO_BYTES,
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
        self.run_source(&inputs, None, &mut NoProgress, &mut { sink })
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
        sink: &mut dyn Sink,
    ) -> io::Result<Outcome> {
        let memos = Memos::memos(self);
        let counted;
        let mut kept = Kept::new(self.kept_bytes, self.spill_bytes);
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
        let mut hand_on = |records: Vec<(Record, u64)>| -> io::Result<()> {
            if records.is_empty() {
                return Ok(());
            }
            for (record, bytes) in records {
                outcome.documents += 1;
                if matches!(record, Record::Error(_)) {
                    outcome.failures += 1;
                }
                progress.advance(bytes);
                sink.record(record)?;
            }
            sink.flush()
        };
        // While the workers score a chunk, this thread hands on the records of the one before
        // (serialising and writing them), unless reading the next chunk may wait for whoever
        // is reading our output: then each chunk goes out before the next is read.
        let ahead = if source.streams() { 0 } else { AHEAD };
        let mut inputs = source.inputs();
        let memos = &memos;
        self.pipelined(
            &mut (&mut inputs, &mut kept, &mut hand_on),
            |(inputs, kept, _)| {
                let chunk: Vec<(Input, Option<KeptDocument>)> = inputs
                    .by_ref()
                    .take(CHUNK)
                    .map(|input| (input, kept.next()))
                    .collect();
                (!chunk.is_empty()).then_some(chunk)
            },
            // One document (stdin): no hand-over to a worker thread, which costs more than a
            // short document on a busy machine. Long ones still score in parallel.
            |chunk| chunk.len() == 1,
            |chunk| -> Vec<(Record, u64)> {
                let process = |(input, kept): (Input, Option<KeptDocument>)| {
                    self.process(&input, kept, corpus, memos)
                };
                if chunk.len() == 1 {
                    chunk.into_iter().map(process).collect()
                } else {
                    chunk.into_par_iter().map(process).collect()
                }
            },
            ahead,
            |(_, _, hand_on), records| hand_on(records),
        )?;
        Ok(outcome)
    }

    /// Runs `work` on each chunk that `next` reads (on this thread) and hands each chunk's
    /// result to `take` (on this thread), in chunk order. Up to `ahead` chunks after the one
    /// being handed on are in the workers' hands meanwhile, so a worker that finishes its share
    /// of a chunk goes on with the next instead of waiting for the slowest document, and this
    /// thread's reading and writing overlap their work. A chunk that `inline` picks, with
    /// nothing in flight, is worked here instead.
    fn pipelined<S, C: Send, R: Send>(
        &self,
        state: &mut S,
        mut next: impl FnMut(&mut S) -> Option<C>,
        inline: impl Fn(&C) -> bool,
        work: impl Fn(C) -> R + Sync,
        ahead: usize,
        mut take: impl FnMut(&mut S, R) -> io::Result<()>,
    ) -> io::Result<()> {
        let work = &work;
        self.pool.in_place_scope(|scope| {
            let mut in_flight = VecDeque::new();
            loop {
                let chunk = next(state);
                let done = chunk.is_none();
                match chunk {
                    Some(chunk) if in_flight.is_empty() && inline(&chunk) => {
                        take(state, work(chunk))?;
                    }
                    Some(chunk) => {
                        let (sender, receiver) = std::sync::mpsc::channel();
                        scope.spawn(move |_| {
                            // The receiver is gone only when handing on failed.
                            let _ = sender.send(work(chunk));
                        });
                        in_flight.push_back(receiver);
                    }
                    None => {}
                }
                while in_flight.len() > if done { 0 } else { ahead } {
                    let receiver = in_flight.pop_front().expect("more than none in flight");
                    match receiver.recv() {
                        Ok(result) => take(state, result)?,
                        // The chunk's job panicked: the scope raises that panic as it ends.
                        Err(_) => return Ok(()),
                    }
                }
                if done {
                    return Ok(());
                }
            }
        })
    }

    /// Document frequencies over all readable inputs (the first pass of a batch).
    pub fn document_frequencies(
        &self,
        source: &dyn Source,
        progress: &mut dyn Progress,
    ) -> DocFreq {
        progress.pass(Pass::Counting);
        self.count(source, &Memos::memos(self), progress, None).0
    }

    /// Document frequencies, and the number of inputs (readable or not). With `kept`, the
    /// analyses are kept for the second pass (see [`Kept`]). Each worker counts the documents
    /// it analysed into a table of its own, added up at the end, so the counting is as
    /// parallel as the analysing (sums do not depend on which worker saw which document).
    fn count(
        &self,
        source: &dyn Source,
        memos: &Memos<'_>,
        progress: &mut dyn Progress,
        mut kept: Option<&mut Kept>,
    ) -> (DocFreq, usize) {
        let counts = PerWorker::new(self, IdDocFreq::default);
        let mut seen = 0;
        let take_in =
            |counted: Vec<Counted>, kept: &mut Option<&mut Kept>, progress: &mut dyn Progress| {
                for counted in counted {
                    progress.advance(match &counted {
                        Counted::Kept(doc) => doc.bytes,
                        Counted::Only(bytes) => *bytes,
                        Counted::Failed => 0,
                    });
                    if let Some(kept) = kept.as_deref_mut() {
                        kept.push(counted);
                    }
                }
            };
        // As in the second pass, this thread keeps one chunk's analyses (writing them to the
        // temporary file) while the workers analyse the next.
        let mut inputs = source.inputs();
        let analyse = |input: &Input, keep: bool| match input.document() {
            Ok(doc) => {
                let a = memos.with(|memo| {
                    let a = self.analyzer.analyze(&doc.text, memo);
                    counts.with(|df| {
                        df.add_document(&a, memo.document_keys(), memo.len());
                        if memo.heap_bytes() > self.memo_bytes {
                            df.settle(|id| memo.word(id));
                            memo.clear();
                        }
                    });
                    a
                });
                let bytes = doc.text.len() as u64;
                match keep.then(|| PackedAnalysis::pack(&a)).flatten() {
                    Some(analysis) => Counted::Kept(KeptDocument {
                        analysis,
                        id: doc.id,
                        bytes,
                    }),
                    None => Counted::Only(bytes),
                }
            }
            Err(_) => Counted::Failed,
        };
        let finished: io::Result<()> = self.pipelined(
            &mut (&mut inputs, &mut kept, &mut seen, progress),
            |(inputs, kept, seen, _)| {
                let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
                **seen += chunk.len();
                // Decided before the chunks ahead are kept: a chunk analysed as the budget
                // runs out may pack analyses that are then dropped, which costs a little,
                // never a result.
                let keep = kept.as_ref().is_some_and(|k| k.open());
                (!chunk.is_empty()).then_some((chunk, keep))
            },
            |_| false,
            |(chunk, keep)| -> Vec<Counted> {
                chunk.par_iter().map(|input| analyse(input, keep)).collect()
            },
            AHEAD,
            |(_, kept, _, progress), counted| {
                take_in(counted, kept, &mut **progress);
                Ok(())
            },
        );
        finished.expect("keeping analyses does not fail");
        // Each worker's counts by id become counts by key, in parallel: the ids are its memo's.
        let mut tables: Vec<DocFreq> = self.pool.install(|| {
            counts
                .into_inner()
                .into_par_iter()
                .enumerate()
                .map(|(slot, ids)| {
                    memos.with_slot(slot, |memo| ids.into_doc_freq(|id| memo.word(id)))
                })
                .collect()
        });
        // The biggest table takes in the others: fewest keys copied.
        tables.sort_by_key(|df| std::cmp::Reverse(df.counts.len()));
        let mut tables = tables.into_iter();
        let mut df = tables.next().unwrap_or_default();
        for other in tables {
            df.merge(&other);
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
        // Kept bytes that do not unpack (a damaged temporary file): the text is read again.
        let kept = kept.and_then(|doc| Some((doc.analysis.unpack()?, doc.id, doc.bytes)));
        let (work, id, bytes) = match kept {
            Some((analysis, id, bytes)) => (Work::Kept(analysis), id, bytes),
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
        let scores = keywords::term_scores(a, corpus_idf);
        let candidates = self.candidates(a, idf, &scores);
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
        let keywords = keywords::extract(a, &scores, self.keywords);
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
    fn candidates(
        &self,
        a: &Analysis,
        idf: &[f64],
        scores: &keywords::TermScores,
    ) -> Vec<Candidate> {
        let document = TermVector::from_counts(&scores.tf, idf);
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
            let terms = summary::SentenceTerms::new(a, i, idf, &scores.probability);
            let features = summary::features(a, i, pos, &terms, &document, title.as_ref());
            Candidate {
                index: i,
                score: self.weights.score(&features),
                features,
                vector: terms.vector,
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
    /// Whether reading the inputs may wait on a stream (stdin) whose writer may be waiting for
    /// our output: records then go out before more input is read.
    fn streams(&self) -> bool {
        false
    }
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

/// Where a run's records go, one per input, in input order. A closure taking a [`Record`] is
/// one.
pub trait Sink {
    fn record(&mut self, record: Record) -> io::Result<()>;

    /// The records handed on so far should now reach their reader. Called after each chunk
    /// of records (not after each record: a batch's output goes out in large writes), and
    /// always before the run may wait for more input.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<F: FnMut(Record) -> io::Result<()>> Sink for F {
    fn record(&mut self, record: Record) -> io::Result<()> {
        self(record)
    }
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
    Kept(Analysis),
    Text(String),
}

/// A document the first pass analysed, kept for the second.
struct KeptDocument {
    analysis: PackedAnalysis,
    id: Option<serde_json::Value>,
    bytes: u64,
}

/// What the first pass learnt of one input (its keys are counted already).
enum Counted {
    Kept(KeptDocument),
    /// Counted, not kept: the budget is spent; the bytes of text it held.
    Only(u64),
    Failed,
}

/// The analyses the first pass keeps for the second, in input order: in memory until
/// [`KEPT_BYTES`] is spent, then in an unnamed temporary file (in `$TMPDIR`, gone when the run
/// ends) up to [`SPILL_BYTES`]. Packed, an analysis takes a little over twice its text, written and
/// read back in order, so a batch of any size is analysed once while memory stays flat. When
/// the file cannot be made or written (a full disk), keeping stops there and the rest is
/// analysed again in the second pass: slower, never wrong. The second pass takes analyses from
/// the front, freeing as it goes.
struct Kept {
    memory: VecDeque<Option<KeptDocument>>,
    bytes: usize,
    budget: usize,
    spill: Spill,
    spill_budget: u64,
    /// A document was not kept: none after it is either, so the kept ones stay a prefix.
    closed: bool,
}

/// The temporary file of [`Kept`]: entries written in the first pass, read in the second.
enum Spill {
    Unused,
    Writing {
        file: BufWriter<std::fs::File>,
        bytes: u64,
        entries: usize,
    },
    Reading {
        file: BufReader<std::fs::File>,
        entries: usize,
    },
}

/// Disk the temporary file of a batch may take before the rest is analysed twice instead.
const SPILL_BYTES: u64 = 16 << 30;

/// Entry tags in the temporary file.
const SPILL_FAILED: u8 = 0;
const SPILL_NO_ID: u8 = 1;
const SPILL_ID: u8 = 2;

impl Kept {
    fn new(budget: usize, spill_budget: u64) -> Self {
        Kept {
            memory: VecDeque::new(),
            bytes: 0,
            budget,
            spill: Spill::Unused,
            spill_budget,
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
        let doc = match counted {
            Counted::Kept(doc) => Some(doc),
            // A failed input is read again, to report its error the same way.
            Counted::Failed => None,
            Counted::Only(_) => {
                self.closed = true;
                return;
            }
        };
        let size = doc.as_ref().map_or(0, |d| d.analysis.heap_bytes());
        if matches!(self.spill, Spill::Unused) && self.bytes + size <= self.budget {
            self.bytes += size;
            self.memory.push_back(doc);
        } else if self.spill(doc.as_ref()).is_err() {
            self.closed = true;
        }
    }

    /// Appends one entry to the temporary file, making it first if need be.
    fn spill(&mut self, doc: Option<&KeptDocument>) -> io::Result<()> {
        if matches!(self.spill, Spill::Unused) {
            self.spill = Spill::Writing {
                file: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
                bytes: 0,
                entries: 0,
            };
        }
        let Spill::Writing {
            file,
            bytes,
            entries,
        } = &mut self.spill
        else {
            return Err(io::Error::other("temporary file already read"));
        };
        let mut entry = Vec::new();
        match doc {
            None => entry.push(SPILL_FAILED),
            Some(doc) => {
                match &doc.id {
                    None => entry.push(SPILL_NO_ID),
                    Some(id) => {
                        entry.push(SPILL_ID);
                        let id = serde_json::to_vec(id)?;
                        put_varint(&mut entry, id.len() as u64);
                        entry.extend_from_slice(&id);
                    }
                }
                put_varint(&mut entry, doc.bytes);
                entry.extend_from_slice(doc.analysis.as_bytes());
            }
        }
        // Each entry after its length, eight bytes.
        let size = 8 + entry.len() as u64;
        if *bytes + size > self.spill_budget {
            return Err(io::Error::other("temporary file full"));
        }
        file.write_all(&(entry.len() as u64).to_le_bytes())?;
        file.write_all(&entry)?;
        *bytes += size;
        *entries += 1;
        Ok(())
    }

    /// What was kept of the next input, in order.
    fn next(&mut self) -> Option<KeptDocument> {
        if let Some(doc) = self.memory.pop_front() {
            return doc;
        }
        // The first read after the last write rewinds the file. Entries written whole are
        // read back; a file that cannot be rewound is dropped and its documents analysed again.
        self.spill = match std::mem::replace(&mut self.spill, Spill::Unused) {
            Spill::Writing { file, entries, .. } => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|mut f| f.seek(SeekFrom::Start(0)).map(|_| f))
                .map_or(Spill::Unused, |f| Spill::Reading {
                    file: BufReader::with_capacity(1 << 16, f),
                    entries,
                }),
            other => other,
        };
        let Spill::Reading { file, entries } = &mut self.spill else {
            return None;
        };
        if *entries == 0 {
            return None;
        }
        *entries -= 1;
        match read_entry(file) {
            Ok(doc) => doc,
            Err(_) => {
                // Unreadable: the rest is analysed again.
                self.spill = Spill::Unused;
                self.closed = true;
                None
            }
        }
    }
}

/// One entry of the temporary file; `None` for an input that failed.
fn read_entry(file: &mut impl Read) -> io::Result<Option<KeptDocument>> {
    let damaged = || io::Error::new(io::ErrorKind::InvalidData, "damaged temporary file");
    let mut len = [0u8; 8];
    file.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    let mut entry = Vec::new();
    file.take(len).read_to_end(&mut entry)?;
    if entry.len() as u64 != len {
        return Err(damaged());
    }
    let (&tag, mut rest) = entry.split_first().ok_or_else(damaged)?;
    let id = match tag {
        SPILL_FAILED => return Ok(None),
        SPILL_NO_ID => None,
        SPILL_ID => {
            let n = get_varint(&mut rest)
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n <= rest.len())
                .ok_or_else(damaged)?;
            let (id, after) = rest.split_at(n);
            rest = after;
            Some(serde_json::from_slice(id).map_err(|_| damaged())?)
        }
        _ => return Err(damaged()),
    };
    let bytes = get_varint(&mut rest).ok_or_else(damaged)?;
    Ok(Some(KeptDocument {
        analysis: PackedAnalysis::from_bytes(rest.to_vec()),
        id,
        bytes,
    }))
}

/// One `T` per worker thread, kept for the whole run: a stem memo made per parallel task
/// would start cold again and again; document frequencies counted per worker need no lock
/// shared by all.
struct PerWorker<T> {
    slots: Vec<Mutex<T>>,
}

/// The stem memos of a run.
type Memos<'e> = PerWorker<MemoStemmer<'e>>;

impl<'e> PerWorker<MemoStemmer<'e>> {
    fn memos(engine: &'e Engine) -> Self {
        PerWorker::new(engine, || engine.analyzer.memo())
    }
}

impl<T> PerWorker<T> {
    fn new(engine: &Engine, make: impl Fn() -> T) -> Self {
        PerWorker {
            slots: (0..engine.pool.current_num_threads().max(1))
                .map(|_| Mutex::new(make()))
                .collect(),
        }
    }

    /// Runs `f` with this worker's `T`. `f` must not start parallel work: a task stolen
    /// meanwhile would wait for the same slot.
    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.with_slot(rayon::current_thread_index().unwrap_or(0), f)
    }

    /// Runs `f` with the `T` of worker `slot`; `with` on worker `slot` uses the same one, in
    /// every `PerWorker` of the engine.
    fn with_slot<R>(&self, slot: usize, f: impl FnOnce(&mut T) -> R) -> R {
        let mut value = self.slots[slot % self.slots.len()]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut value)
    }

    fn into_inner(self) -> Vec<T> {
        self.slots
            .into_iter()
            .map(|m| {
                m.into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
            })
            .collect()
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

    #[test]
    fn pipeline_spill_entries_read_back_and_damage_is_an_error() {
        let engine = engine(1);
        let mut memo = engine.analyzer.memo();
        let a = engine
            .analyzer
            .analyze("Harga beras naik. Warga mengeluh.", &mut memo);
        let mut kept = Kept::new(0, u64::MAX);
        let doc = |id| KeptDocument {
            analysis: PackedAnalysis::pack(&a).expect("a short text packs"),
            id,
            bytes: 33,
        };
        kept.push(Counted::Kept(doc(Some(serde_json::json!({"n": [1, "x"]})))));
        kept.push(Counted::Failed);
        kept.push(Counted::Kept(doc(None)));
        assert!(kept.memory.is_empty());
        let first = kept.next().expect("first entry");
        assert_eq!(first.id, Some(serde_json::json!({"n": [1, "x"]})));
        assert_eq!(first.bytes, 33);
        assert_eq!(first.analysis.unpack().expect("unpacks").terms, a.terms);
        assert!(kept.next().is_none(), "the failed input");
        assert_eq!(kept.next().expect("third entry").id, None);
        assert!(kept.next().is_none(), "past the end");

        let mut file = 5u64.to_le_bytes().to_vec();
        file.extend_from_slice(&[SPILL_ID, 9, b'{']);
        assert!(read_entry(&mut &file[..]).is_err(), "cut short");
        let mut file = 1u64.to_le_bytes().to_vec();
        file.push(7);
        assert!(read_entry(&mut &file[..]).is_err(), "unknown tag");
    }

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

    /// The records of a run, as JSON, in order.
    fn records(engine: &Engine, inputs: &[Input]) -> Vec<String> {
        let mut out = Vec::new();
        engine
            .run(inputs, &mut |r| {
                out.push(serde_json::to_string(&r).unwrap());
                Ok(())
            })
            .unwrap();
        out
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
        let run = |threads| records(&engine(threads), &inputs);
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
        let run = |budget, spill| {
            let mut engine = engine(2);
            engine.kept_bytes = budget;
            engine.spill_bytes = spill;
            records(&engine, &inputs)
        };
        // Nothing kept, some kept (the budget runs out part-way), everything kept; in memory,
        // in the temporary file, or both.
        let none = run(0, 0);
        assert_eq!(none.len(), inputs.len());
        for (memory, file) in [
            (100_000, 0),
            (usize::MAX, 0),
            (0, u64::MAX),
            (100_000, 100_000),
        ] {
            assert_eq!(run(memory, file), none, "memory {memory}, file {file}");
        }
    }

    #[test]
    fn pipeline_cleared_memos_give_the_same_records_and_counts() {
        // Documents with words of their own, so that a memo keeps growing.
        let inputs: Vec<Input> = (0..300)
            .map(|i| {
                memory(
                    &format!("d{i}"),
                    &format!(
                        "Harga beras di Pasar Kramat{i} naik menjadi Rp {i}.500. Warga Bekasi \
                         mengeluh soal harga pangan{}. Petani di desa Sukamaju{i} senang.",
                        i % 7
                    ),
                )
            })
            .collect();
        let run = |memo_bytes, kept_bytes| {
            let mut engine = engine(2);
            engine.memo_bytes = memo_bytes;
            engine.kept_bytes = kept_bytes;
            let df = engine.document_frequencies(&&inputs[..], &mut NoProgress);
            (df, records(&engine, &inputs))
        };
        let (df, out) = run(usize::MAX, 0);
        assert!(
            df.count("kramat7") == 1 && df.count("harga") == 300,
            "{df:?}"
        );
        // Cleared after every document, or every few dozen; analyses kept or analysed again.
        for memo_bytes in [0, 20_000] {
            for kept_bytes in [0, usize::MAX] {
                let (df2, out2) = run(memo_bytes, kept_bytes);
                assert_eq!(df2, df, "memo {memo_bytes}");
                assert_eq!(out2, out, "memo {memo_bytes}, kept {kept_bytes}");
            }
        }
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
