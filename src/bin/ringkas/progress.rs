//! The progress bar on stderr, and printing above it.

use std::io::{self, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ringkas::input::Batch;
use ringkas::pipeline::{Pass, Progress};

/// Prints a line on stderr above the progress bar, if one is drawn.
pub fn progress_safe_eprint(line: &str) {
    match ACTIVE_BAR.get() {
        Some(bar) if !bar.is_hidden() => bar.suspend(|| say(line)),
        _ => say(line),
    }
}

/// Prints a line on stderr, in one write, control characters (in file names) escaped. A
/// stderr that cannot be written to (closed, full) is ignored: `eprintln!` would panic, and
/// the records on stdout matter more than the messages about them.
pub fn say(line: &str) {
    let line = ringkas::terminal::escape(line);
    let mut text = String::with_capacity(line.len() + 1);
    text.push_str(&line);
    text.push('\n');
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

static ACTIVE_BAR: std::sync::OnceLock<ProgressBar> = std::sync::OnceLock::new();

/// The progress bar on stderr: only when stderr is a terminal and not `--quiet`.
pub struct Bar {
    bar: Option<ProgressBar>,
    documents: u64,
}

impl Bar {
    pub fn new(batch: &Batch, quiet: bool) -> Bar {
        if quiet || !io::stderr().is_terminal() || batch.is_single() {
            return Bar {
                bar: None,
                documents: 0,
            };
        }
        let bar = match batch.size() {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template(
                    "{prefix:>8} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
                )
                .expect("the template is valid")
                .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{prefix:>8} {spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}")
                    .expect("the template is valid"),
            ),
        };
        bar.set_draw_target(ProgressDrawTarget::stderr());
        let _ = ACTIVE_BAR.set(bar.clone());
        Bar {
            bar: Some(bar),
            documents: 0,
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn pass(&mut self, pass: Pass) {
        if let Some(bar) = &self.bar {
            bar.reset();
            bar.set_prefix(match pass {
                Pass::Counting => "counting",
                Pass::Scoring => "scoring",
            });
            self.documents = 0;
        }
    }

    fn advance(&mut self, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.documents += 1;
            bar.inc(bytes);
            bar.set_message(format!("{} documents", self.documents));
        }
    }
}
