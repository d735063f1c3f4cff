//! The progress bar on stderr, and printing above it.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
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

/// An estimate of the time left only once it means something: after two seconds and 5 % of
/// the work (a 0.2 s run would otherwise flash "ETA 3m" from its first, slow document).
fn eta_when_meaningful(state: &ProgressState, w: &mut dyn std::fmt::Write) {
    if state.elapsed() >= Duration::from_secs(2) && state.fraction() >= 0.05 {
        let _ = write!(w, " ETA {}s", state.eta().as_secs());
    }
}

/// Clears the bar if one is drawn; for exits that skip destructors (Ctrl-C).
pub fn clear_active_bar() {
    if let Some(bar) = ACTIVE_BAR.get() {
        bar.finish_and_clear();
    }
}

/// The progress bar on stderr: only when stderr is a terminal and not `--quiet`. Cleared when
/// dropped, so every way out of a run (a closed pipe, an error) leaves the terminal clean.
pub struct Bar {
    bar: Option<ProgressBar>,
    documents: u64,
    /// Documents counted by the first pass of a batch: the total the second pass shows.
    total: Option<u64>,
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Bar {
    pub fn new(batch: &Batch, quiet: bool) -> Bar {
        if quiet || !io::stderr().is_terminal() || batch.is_single() {
            return Bar {
                bar: None,
                documents: 0,
                total: None,
            };
        }
        let bar = match batch.size() {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template(
                    "{prefix:>8} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec}{eta_when} {msg}",
                )
                .expect("the template is valid")
                .with_key("eta_when", eta_when_meaningful)
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
            total: None,
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
            if matches!(pass, Pass::Scoring) && self.documents > 0 {
                self.total = Some(self.documents);
            }
            self.documents = 0;
            bar.set_message(match self.total {
                Some(total) => format!("0/{total} documents"),
                None => String::new(),
            });
        }
    }

    fn advance(&mut self, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.documents += 1;
            bar.inc(bytes);
            bar.set_message(match self.total {
                Some(total) => format!("{}/{total} documents", self.documents),
                None => format!("{} documents", self.documents),
            });
        }
    }
}
