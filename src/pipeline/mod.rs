//! The pipeline: the only place that decides what runs in parallel.
//!
//! One document: its sentences are the IDF collection and its sentences are scored in
//! parallel. A batch: a first pass counts document frequencies over every input, a second
//! scores each document against them; both passes go through the inputs in chunks, documents
//! of a chunk in parallel, and hand records on in input order, so output streams and memory
//! stays bounded by the chunk, not the batch.

mod corpus;
mod count;
mod document;
mod kept;
pub(crate) mod packed;
mod schedule;

use std::io;

use rayon::prelude::*;

use crate::analysis::analyzer::Analyzer;
use crate::analysis::memo::SharedStems;
use crate::analysis::stopwords::Stopwords;
use crate::config::{Config, Language, SummaryLength};
use crate::error::Error;
use std::sync::Arc;

pub use crate::input::Source;
use crate::input::identity::changed;
use crate::input::{Input, Place};
use crate::pipeline::corpus::Corpus;
use crate::pipeline::kept::{Kept, Paired, SPILL_BYTES};
use crate::pipeline::schedule::Memos;
use crate::ranker::Model;
use crate::report::{Record, Report};
use crate::score::DocFreq;
use crate::stem::{Lexicon, Stemmer};
use crate::topics::cluster::DocTerms;

/// Documents handled together; bounds memory in a batch.
pub(crate) const CHUNK: usize = 128;

/// The shortest chunk [`chunk_len`] makes.
const MIN_CHUNK: usize = 8;

/// How many documents the next chunk takes, with `left` still to read when that is known:
/// [`CHUNK`], and less as the batch nears its end (a share of what is left), down to
/// [`MIN_CHUNK`]. The last chunks are the ones whose records this thread hands on while the
/// workers have nothing left to do, and whose slowest document the other worker waits for:
/// short, they keep that stretch short.
pub(crate) fn chunk_len(left: Option<usize>, workers: usize) -> usize {
    left.map_or(CHUNK, |left| {
        (left / (4 * workers.max(1))).clamp(MIN_CHUNK, CHUNK)
    })
}

/// The lengths of a pass's chunks, one after another ([`chunk_len`] of what is left).
pub(crate) struct ChunkLens {
    left: Option<usize>,
    workers: usize,
}

impl ChunkLens {
    pub(crate) fn new(source: &dyn Source, workers: usize) -> Self {
        ChunkLens {
            left: source.len_hint(),
            workers,
        }
    }

    /// How many documents the next chunk takes.
    pub(crate) fn next_len(&mut self) -> usize {
        let len = chunk_len(self.left, self.workers);
        self.left = self.left.map(|left| left.saturating_sub(len));
        len
    }
}

/// Chunks in the workers' hands beyond the one being handed on (see `Engine::pipelined`).
/// The workers take queued chunks in no set order, so the oldest often finishes last, and
/// until it does no new chunk is queued: with too few ahead, both workers idle at chunk
/// boundaries while this thread hands on the chunk they have just finished. More ahead keeps
/// them busy for the price of that many chunks' results (a few MB at most); the measurements
/// are in `docs/PERFORMANCE.md`.
pub(crate) const AHEAD: usize = 4;

/// Memory for the analyses the first pass of a batch keeps for the second (see `Kept`), by
/// default; the rest go to a temporary file, which costs little more than memory.
pub const KEPT_BYTES: usize = 16 << 20;

/// Below this many sentences, scoring them in parallel costs more than it saves.
pub(crate) const PARALLEL_SENTENCES: usize = 64;

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
    ranker: &'static Model,
    pool: rayon::ThreadPool,
    /// Budget for the analyses a batch's first pass keeps (`Config::kept_bytes`).
    kept_bytes: usize,
    /// Budget for the temporary file they go to after that ([`SPILL_BYTES`]).
    spill_bytes: u64,
    /// Budget for each worker's stem memo ([`MEMO_BYTES`]).
    memo_bytes: usize,
    /// The most bytes read of one input (`Config::max_bytes`).
    max_bytes: u64,
}

/// Heap a worker's stem memo may hold before it is cleared (between two documents). It holds
/// every distinct token the worker has met, numbers, names and addresses included, so an
/// archive would grow it without end. Past the budget the worker starts again from an empty memo, which costs
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
                Some(path) => std::sync::Arc::new(Lexicon::load(path)?),
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
            ranker: Model::embedded(),
            pool,
            kept_bytes: config.kept_bytes,
            spill_bytes: SPILL_BYTES,
            memo_bytes: MEMO_BYTES,
            max_bytes: config.max_bytes,
        })
    }

    /// The most bytes read of one input.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
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
        let shared = SharedStems::default();
        let memos = Memos::memos(self, &shared);
        let counted;
        let mut kept = Kept::new(self.kept_bytes, self.spill_bytes);
        let corpus = match model {
            Some(model) => Some(Corpus::by_key(model)),
            None if source.len_hint().is_some_and(|n| n <= 1) => None,
            None => {
                progress.pass(Pass::Counting);
                counted = self.count(source, &memos, progress, Some(&mut kept));
                (counted.inputs > 1).then(|| Corpus::by_id(&counted.df, &counted.tables))
            }
        };
        let corpus = corpus.as_ref();
        progress.pass(Pass::Scoring);
        let mut outcome = Outcome::default();
        let terms = sink.terms_wanted();
        let mut hand_on = |records: Vec<(Record, u64, Option<DocTerms>)>| -> io::Result<()> {
            if records.is_empty() {
                return Ok(());
            }
            for (record, bytes, doc_terms) in records {
                outcome.documents += 1;
                if matches!(record, Record::Error(_)) {
                    outcome.failures += 1;
                }
                progress.advance(bytes);
                match doc_terms {
                    Some(doc_terms) => sink.record_with_terms(record, doc_terms)?,
                    None => sink.record(record)?,
                }
            }
            sink.flush()
        };
        // While the workers score a chunk, this thread hands on the records of the one before
        // (serialising and writing them), unless reading the next chunk may wait for whoever
        // is reading our output: then each chunk goes out before the next is read.
        let ahead = if source.streams() { 0 } else { AHEAD };
        let mut inputs = source.inputs();
        let mut lens = ChunkLens::new(source, self.pool.current_num_threads());
        let memos = &memos;
        let mut ended = false;
        self.pipelined(
            &mut (&mut inputs, &mut kept, &mut hand_on),
            |(inputs, kept, _)| {
                let len = lens.next_len();
                let mut chunk: Vec<(Input, Paired)> = Vec::with_capacity(len);
                let mut taken = 0;
                for (place, input) in inputs.by_ref().take(len) {
                    taken += 1;
                    pair(kept, place, input, &mut chunk);
                }
                if taken < len && !ended {
                    // What the first pass read that the second did not meet.
                    ended = true;
                    let end = Place {
                        part: u32::MAX,
                        line: u64::MAX,
                    };
                    gone(kept.take(end, false).gone, &mut chunk);
                }
                (!chunk.is_empty()).then_some(chunk)
            },
            // One document (stdin): no hand-over to a worker thread, which costs more than a
            // short document on a busy machine. Long ones still score in parallel.
            |chunk| chunk.len() == 1,
            |chunk| -> Vec<(Record, u64, Option<DocTerms>)> {
                let process = |(input, paired): (Input, Paired)| {
                    self.process(&input, paired, corpus, memos, terms)
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
}

/// Pairs an input of the second pass with what the first knew of it, into `chunk`; inputs
/// the first pass read that the second did not meet before it get error records of their own.
fn pair(kept: &mut Kept, place: Place, input: Input, chunk: &mut Vec<(Input, Paired)>) {
    if !kept.has_ledger() {
        chunk.push((input, Paired::default()));
        return;
    }
    // A stream that could not be opened (line 0) stands for all of its part.
    let failed = matches!(input, Input::Failed(_)) && place.line == 0;
    let mut paired = kept.take(place, failed);
    gone(std::mem::take(&mut paired.gone), chunk);
    let input = match input {
        Input::Failed(err) if paired.dropped > 0 => Input::Failed(Arc::new(Error::Refused {
            path: err.path().to_string(),
            problem: changed(&format!(
                "{} of its documents can no longer be read: {}",
                paired.dropped,
                err.problem()
            )),
        })),
        other => other,
    };
    chunk.push((input, paired));
}

/// Error records for inputs the first pass read and the second no longer finds.
fn gone(gone: Vec<(String, usize)>, chunk: &mut Vec<(Input, Paired)>) {
    for (name, n) in gone {
        let err = Error::Refused {
            path: name,
            problem: changed(&format!("{n} of its documents are gone")),
        };
        chunk.push((Input::Failed(Arc::new(err)), Paired::default()));
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

    /// How many of each document's best terms to hand on with its report (0: none), for
    /// clustering a batch (`ringkas topics`).
    fn terms_wanted(&self) -> usize {
        0
    }

    /// A report with its document's best terms, when [`Sink::terms_wanted`] asked for them.
    fn record_with_terms(&mut self, record: Record, _terms: DocTerms) -> io::Result<()> {
        self.record(record)
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
    /// An input of the counting pass could not be read (the scoring pass, if any, reports
    /// it again as an error record).
    fn failed(&mut self, _err: &Error) {}
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {}

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
    fn pipeline_chunks_shorten_towards_the_end_of_a_known_batch() {
        assert_eq!(chunk_len(None, 2), CHUNK);
        assert_eq!(chunk_len(Some(100_000), 2), CHUNK);
        assert_eq!(chunk_len(Some(0), 2), MIN_CHUNK);
        assert_eq!(chunk_len(Some(3), 0), MIN_CHUNK);
        let (mut left, mut lens) = (2263, Vec::new());
        while left > 0 {
            let len = chunk_len(Some(left), 2).min(left);
            lens.push(len);
            left -= len;
        }
        assert_eq!(lens.iter().sum::<usize>(), 2263);
        assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
        assert_eq!(lens[0], CHUNK);
        assert!(*lens.last().unwrap() <= MIN_CHUNK, "{lens:?}");
    }

    #[test]
    fn pipeline_shared_text_gives_the_records_of_its_bytes() {
        let texts: Vec<String> = (0..30)
            .map(|i| match i % 10 {
                3 => format!("\u{feff}Harga beras di Pasar {i} naik. Warga mengeluh."),
                7 => format!("Teks rusak {i}\0 di tengah."),
                _ => format!("Banjir melanda Bekasi {i}. Warga di ungsikan ke masjid. Harga naik."),
            })
            .collect();
        let as_bytes: Vec<Input> = texts.iter().map(|t| memory("t", t)).collect();
        let as_text: Vec<Input> = texts
            .iter()
            .map(|t| Input::Text {
                name: "t".into(),
                text: crate::input::SharedText::new(t.clone()),
            })
            .collect();
        let engine = engine(2);
        assert_eq!(records(&engine, &as_text), records(&engine, &as_bytes));
        assert_eq!(
            records(&engine, &as_text[..1]),
            records(&engine, &as_bytes[..1])
        );
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

    /// Files that a second pass finds changed: the source changes them when asked for its
    /// inputs the second time.
    struct Changing {
        inputs: Vec<Input>,
        change: Box<dyn Fn()>,
        passes: std::cell::Cell<usize>,
    }

    impl Source for Changing {
        fn inputs(&self) -> Box<dyn Iterator<Item = (Place, Input)> + '_> {
            if self.passes.replace(self.passes.get() + 1) == 1 {
                (self.change)();
            }
            Box::new(self.inputs.iter().cloned().enumerate().map(|(i, input)| {
                let part = u32::try_from(i).expect("a few inputs");
                (Place { part, line: 0 }, input)
            }))
        }
    }

    #[test]
    fn pipeline_files_changed_between_passes_get_errors_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        let texts = [
            "Harga beras naik. Warga mengeluh.",
            "Banjir melanda Bekasi. Warga mengungsi.",
            "Tim nasional menang. Pelatih senang.",
            "Harga cabai turun. Petani kecewa.",
        ];
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(path(&format!("{i}.txt")), text).unwrap();
        }
        let (p1, p2) = (path("1.txt"), path("2.txt"));
        let source = Changing {
            inputs: (0..4)
                .map(|i| Input::File(path(&format!("{i}.txt"))))
                .collect(),
            change: Box::new(move || {
                std::fs::write(&p1, "Banjir melanda Depok lagi. Warga mengungsi.").unwrap();
                std::fs::remove_file(&p2).unwrap();
            }),
            passes: std::cell::Cell::new(0),
        };
        for kept_bytes in [0, usize::MAX] {
            source.passes.set(0);
            for (i, text) in texts.iter().enumerate() {
                std::fs::write(path(&format!("{i}.txt")), text).unwrap();
            }
            let mut engine = engine(2);
            engine.kept_bytes = kept_bytes;
            let mut got = Vec::new();
            engine
                .run_source(&source, None, &mut NoProgress, &mut |r: Record| {
                    got.push(r);
                    Ok(())
                })
                .unwrap();
            assert_eq!(got.len(), 4);
            assert!(matches!(got[0], Record::Report(_)));
            assert!(matches!(got[3], Record::Report(_)));
            for bad in &got[1..3] {
                let Record::Error(e) = bad else {
                    panic!("{bad:?}")
                };
                assert!(e.error.starts_with("changed while reading"), "{}", e.error);
            }
        }
    }
}
