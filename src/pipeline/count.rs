//! The first pass of a batch: document frequencies, counted per worker and added up.

use std::io;

use rayon::prelude::*;

use crate::analysis::memo::SharedStems;
use crate::error::Error;
use crate::input::{Identity, Input, Place};
use crate::pipeline::corpus::{IdfTable, KeyIds, Numbering};
use crate::pipeline::kept::{Counted, Keep, Kept, KeptAnalysis, KeptDocument, Stamp};
use crate::pipeline::schedule::{Memos, PerWorker};
use crate::pipeline::{AHEAD, ChunkLens, Engine, Pass, Progress, Source};
use crate::score::{DocFreq, IdDocFreq, SlotCounts};

impl Engine {
    /// Document frequencies over all readable inputs (the first pass of a batch).
    pub fn document_frequencies(
        &self,
        source: &dyn Source,
        progress: &mut dyn Progress,
    ) -> DocFreq {
        progress.pass(Pass::Counting);
        let shared = SharedStems::default();
        self.count(source, &Memos::memos(self, &shared), progress, None)
            .df
    }

    /// Document frequencies, and the number of inputs (readable or not). With `kept`, the
    /// analyses are kept for the second pass (see [`Kept`]), with their keys' memo ids. Each
    /// worker counts the documents it analysed into a table of its own, added up at the end,
    /// so the counting is as parallel as the analysing (sums do not depend on which worker
    /// saw which document).
    pub(super) fn count(
        &self,
        source: &dyn Source,
        memos: &Memos<'_>,
        progress: &mut dyn Progress,
        mut kept: Option<&mut Kept>,
    ) -> Counts {
        let counts = PerWorker::new(self, WorkerCounts::default);
        let mut seen = 0;
        // As in the second pass, this thread keeps one chunk's analyses (writing them to the
        // temporary file) while the workers analyse the next.
        let mut inputs = source.inputs();
        let mut lens = ChunkLens::new(source, self.pool.current_num_threads());
        let finished: io::Result<()> = self.pipelined(
            &mut (&mut inputs, &mut kept, &mut seen, progress),
            |(inputs, kept, seen, _)| {
                let chunk: Vec<(Place, Input)> = inputs.by_ref().take(lens.next_len()).collect();
                **seen += chunk.len();
                // Decided before the chunks ahead are kept: a chunk analysed as the budget
                // runs out may pack analyses that are then dropped, which costs a little,
                // never a result.
                let keep = kept.as_ref().map_or(Keep::No, |k| k.keeping());
                let noted = kept.is_some();
                (!chunk.is_empty()).then_some((chunk, keep, noted))
            },
            |_| false,
            |(chunk, keep, noted)| -> Vec<(Stamp, Counted, Option<Error>)> {
                chunk
                    .into_par_iter()
                    .map(|(place, input)| {
                        let (identity, counted, err) = self.count_one(&input, keep, memos, &counts);
                        let name = if noted { input.name() } else { String::new() };
                        (
                            Stamp {
                                place,
                                name,
                                identity,
                            },
                            counted,
                            err,
                        )
                    })
                    .collect()
            },
            AHEAD,
            |(_, kept, _, progress), counted| {
                take_in(counted, kept, &mut **progress);
                Ok(())
            },
        );
        finished.expect("keeping analyses does not fail");
        let (df, tables) = self.add_up(counts, memos, kept.is_some());
        Counts {
            df,
            inputs: seen,
            tables,
        }
    }

    /// Analyses one input and counts its keys into this worker's table; keeps the analysis
    /// as `keep` says. With what identifies the input as read.
    fn count_one(
        &self,
        input: &Input,
        keep: Keep,
        memos: &Memos<'_>,
        counts: &PerWorker<WorkerCounts>,
    ) -> (Option<Identity>, Counted, Option<Error>) {
        let (identity, doc) = input.read(self.max_bytes);
        let doc = match doc {
            Ok(doc) => doc,
            Err(err) => return (identity, Counted::Failed, Some(err)),
        };
        let slot = memos.slot();
        let (a, keys) = memos.with(|memo| {
            let a = self.analyzer.analyze(&doc.text, memo);
            let keys = counts.with(|counts| {
                counts.df.add_document(&a, memo.document_keys(), memo.len());
                let numbering = Numbering {
                    slot,
                    generation: counts.generation,
                };
                let keys = (keep != Keep::No)
                    .then(|| KeyIds::new(numbering, memo.document_keys(), counts.df.content()))
                    .flatten();
                if memo.heap_bytes() > self.memo_bytes {
                    counts.df.settle(|id| memo.word(id));
                    memo.clear();
                    counts.generation += 1;
                }
                keys
            });
            (a, keys)
        });
        let bytes = doc.text.len() as u64;
        let counted = match KeptAnalysis::new(a, keep) {
            Some(analysis) => Counted::Kept(KeptDocument {
                analysis,
                id: doc.id,
                bytes,
                keys,
            }),
            None => Counted::Only(bytes),
        };
        (identity, counted, None)
    }

    /// Each worker's counts by id become counts by key, in parallel (the ids are its memo's),
    /// and are then added up. With `by_id`, also the IDF table of the numbering each worker's
    /// memo ends with (see [`IdfTable`]), from the count each of its ids has once added up:
    /// what the merge finds by the key anyway, kept by slot so that no key is hashed again.
    fn add_up(
        &self,
        counts: PerWorker<WorkerCounts>,
        memos: &Memos<'_>,
        by_id: bool,
    ) -> (DocFreq, Vec<IdfTable>) {
        let mut tables: Vec<(Numbering, SlotCounts)> = self.pool.install(|| {
            counts
                .into_inner()
                .into_par_iter()
                .enumerate()
                .map(|(slot, counts)| {
                    memos.with_slot(slot, |memo| {
                        let numbering = Numbering {
                            slot,
                            generation: counts.generation,
                        };
                        (numbering, counts.df.into_slots(|id| memo.word(id)))
                    })
                })
                .collect()
        });
        // The biggest table takes in the others: fewest keys moved.
        tables.sort_by_key(|(_, table)| std::cmp::Reverse(table.len()));
        let mut tables = tables.into_iter();
        let Some((first, mut all)) = tables.next() else {
            return (DocFreq::default(), Vec::new());
        };
        let moved: Vec<(Numbering, Vec<u64>)> = tables
            .map(|(numbering, table)| (numbering, all.merge(table)))
            .collect();
        let idf_tables = if by_id {
            let documents = all.documents();
            let mut idf_tables = vec![IdfTable::new(first, all.id_counts(), documents)];
            idf_tables.extend(moved.iter().map(|(numbering, moved)| {
                IdfTable::new(*numbering, &all.moved_counts(moved), documents)
            }));
            idf_tables
        } else {
            Vec::new()
        };
        (all.into_doc_freq(), idf_tables)
    }
}

/// What the first pass of a batch found.
pub(super) struct Counts {
    pub(super) df: DocFreq,
    /// The number of inputs, readable or not.
    pub(super) inputs: usize,
    /// The IDFs by the ids of each worker's memo's numbering at the end of the pass: what the
    /// second pass finds kept analyses' IDFs by (see `Corpus`). Empty unless analyses were
    /// to be kept.
    pub(super) tables: Vec<IdfTable>,
}

/// What a worker counts into in the first pass.
#[derive(Default)]
struct WorkerCounts {
    df: IdDocFreq,
    /// How many times the worker's memo has been cleared (see [`Numbering`]).
    generation: u32,
}

/// Hands a chunk's counted inputs on: progress, and the kept analyses to `kept`.
fn take_in(
    counted: Vec<(Stamp, Counted, Option<Error>)>,
    kept: &mut Option<&mut Kept>,
    progress: &mut dyn Progress,
) {
    for (stamp, counted, err) in counted {
        if let Some(err) = err {
            progress.failed(&err);
        }
        progress.advance(match &counted {
            Counted::Kept(doc) => doc.bytes,
            Counted::Only(bytes) => *bytes,
            Counted::Failed => 0,
        });
        if let Some(kept) = kept.as_deref_mut() {
            kept.push_stamped(stamp, counted);
        }
    }
}
