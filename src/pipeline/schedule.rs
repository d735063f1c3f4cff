//! How chunks of documents reach the workers: pipelined, in order, with per-worker state.

use std::collections::VecDeque;
use std::io;
use std::sync::Mutex;

use crate::analysis::memo::{MemoStemmer, SharedStems};
use crate::pipeline::Engine;

impl Engine {
    /// Runs `work` on each chunk that `next` reads (on this thread) and hands each chunk's
    /// result to `take` (on this thread), in chunk order. Up to `ahead` chunks after the one
    /// being handed on are in the workers' hands meanwhile, so a worker that finishes its share
    /// of a chunk goes on with the next instead of waiting for the slowest document, and this
    /// thread's reading and writing overlap their work. A chunk that `inline` picks, with
    /// nothing in flight, is worked here instead.
    pub(super) fn pipelined<S, C: Send, R: Send>(
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
}

/// One `T` per worker thread, kept for the whole run: a stem memo made per parallel task
/// would start cold again and again; document frequencies counted per worker need no lock
/// shared by all.
pub(super) struct PerWorker<T> {
    slots: Vec<Mutex<T>>,
}

/// The stem memos of a run.
pub(super) type Memos<'e> = PerWorker<MemoStemmer<'e>>;

impl<'e> PerWorker<MemoStemmer<'e>> {
    /// One memo per worker; with more than one worker, they share the stems they find.
    pub(super) fn memos(engine: &'e Engine, shared: &'e SharedStems) -> Self {
        let stemmer = engine.analyzer.stemmer();
        PerWorker::new(engine, || {
            if engine.pool.current_num_threads() > 1 {
                MemoStemmer::sharing(stemmer, shared)
            } else {
                MemoStemmer::new(stemmer)
            }
        })
    }
}

impl<T> PerWorker<T> {
    pub(super) fn new(engine: &Engine, make: impl Fn() -> T) -> Self {
        PerWorker {
            slots: (0..engine.pool.current_num_threads().max(1))
                .map(|_| Mutex::new(make()))
                .collect(),
        }
    }

    /// Runs `f` with this worker's `T`. `f` must not start parallel work: a task stolen
    /// meanwhile would wait for the same slot.
    pub(super) fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.with_slot(self.slot(), f)
    }

    /// The slot of this worker: the one `with` uses.
    pub(super) fn slot(&self) -> usize {
        rayon::current_thread_index().unwrap_or(0) % self.slots.len()
    }

    /// Runs `f` with the `T` of worker `slot`; `with` on worker `slot` uses the same one, in
    /// every `PerWorker` of the engine.
    pub(super) fn with_slot<R>(&self, slot: usize, f: impl FnOnce(&mut T) -> R) -> R {
        let mut value = self.slots[slot % self.slots.len()]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut value)
    }

    pub(super) fn into_inner(self) -> Vec<T> {
        self.slots
            .into_iter()
            .map(|m| {
                m.into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
            })
            .collect()
    }
}
