//! Wires the library to the terminal: inputs from arguments and stdin, records to stdout,
//! problems to stderr.

use std::io::{self, BufRead, BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ringkas::idf::Model;
use ringkas::input::{Input, JsonLines, expand, read_all};
use ringkas::output::RecordWriter;
use ringkas::pipeline::{Pass, Progress, Sink, Source};
use ringkas::sentence::flatten;
use ringkas::topics::TopicCounter;
use ringkas::{Engine, Record};

use crate::cli::{BuildArgs, Cli, Command, IdfCommand, InputArg, SourceArgs};

/// Held while a record goes out: Ctrl-C waits for it, so an output file ends in whole lines.
/// (A default SIGINT kills the process inside a long write(2), leaving half a record.)
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// On Ctrl-C, exit with 130 (128 + SIGINT) between records, never in the middle of one.
pub fn exit_whole_on_interrupt() {
    // Without a handler (a platform without signals), Ctrl-C keeps its default action.
    let _ = ctrlc::set_handler(|| {
        let _whole = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        std::process::exit(130);
    });
}

/// Runs `write` while holding the output lock.
fn whole<T>(write: impl FnOnce() -> T) -> T {
    let _whole = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    write()
}

pub enum Status {
    Ok,
    SomeFailed,
}

pub enum Failure {
    ClosedPipe,
    Fatal(String),
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedPipe
        } else {
            Failure::Fatal(format!("cannot write output: {err}"))
        }
    }
}

pub fn run(cli: &Cli) -> Result<Status, Failure> {
    let engine = Engine::new(&cli.config()).map_err(|e| Failure::Fatal(e.to_string()))?;
    match &cli.command {
        None => summarise(cli, &engine),
        Some(Command::Sentences { paths, ext }) => sentences(&engine, paths, ext, cli.run.quiet),
        Some(Command::Stem { words, explain }) if *explain => {
            crate::stem_explain_cli::explain(&engine, words, cli.format())
        }
        Some(Command::Stem { words, .. }) => stem(&engine, words),
        Some(Command::Completions { shell }) => crate::generate::completions(*shell),
        Some(Command::Man) => crate::generate::man(),
        Some(Command::Idf {
            command: IdfCommand::Build(build),
        }) => idf_build(&engine, build),
        Some(Command::Idf {
            command: IdfCommand::Merge { models, output },
        }) => idf_merge(models, output),
    }
}

/// The inputs the paths stand for; `-` (or no path) is stdin, read once.
fn inputs(paths: &[PathBuf], ext: &[String], quiet: bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in stdin_if_none(paths) {
        if path.as_os_str() == "-" {
            inputs.push(read_all(io::stdin().lock(), "-"));
            continue;
        }
        let expansion = expand(std::slice::from_ref(path), ext);
        note(&expansion.notes, quiet);
        inputs.extend(expansion.inputs);
    }
    inputs
}

fn stdin_if_none(paths: &[PathBuf]) -> &[PathBuf] {
    static STDIN: std::sync::LazyLock<[PathBuf; 1]> =
        std::sync::LazyLock::new(|| [PathBuf::from("-")]);
    if paths.is_empty() { &STDIN[..] } else { paths }
}

fn note(notes: &[String], quiet: bool) {
    if !quiet {
        for note in notes {
            eprintln!("ringkas: note: {note}");
        }
    }
}

/// A run's inputs as the pipeline reads them: files (each a document) and JSON Lines streams
/// (each line a document), in argument order.
struct Batch {
    parts: Vec<Part>,
    field: String,
}

enum Part {
    Inputs(Vec<Input>),
    JsonlFile(PathBuf),
    /// Stdin, read as it comes: only for a single pass.
    JsonlStdin,
    /// Stdin copied to an unnamed temporary file, so that it can be read twice.
    JsonlSpool(std::fs::File),
}

impl Batch {
    /// `passes_over_stdin`: whether stdin may have to be read twice (no model given).
    fn new(
        paths: &[PathBuf],
        source: &SourceArgs,
        quiet: bool,
        passes_over_stdin: bool,
    ) -> Result<Batch, Failure> {
        let ext = source.extensions();
        if source.input == InputArg::Files {
            return Ok(Batch {
                parts: vec![Part::Inputs(inputs(paths, &ext, quiet))],
                field: source.text_field.clone(),
            });
        }
        let mut parts = Vec::new();
        for path in stdin_if_none(paths) {
            if path.as_os_str() != "-" {
                let expansion = expand(std::slice::from_ref(path), &ext);
                note(&expansion.notes, quiet);
                for input in expansion.inputs {
                    parts.push(match input {
                        Input::File(path) => Part::JsonlFile(path),
                        other => Part::Inputs(vec![other]),
                    });
                }
            } else if passes_over_stdin {
                let mut spool = tempfile::tempfile()
                    .map_err(|e| Failure::Fatal(format!("cannot make a temporary file: {e}")))?;
                io::copy(&mut io::stdin().lock(), &mut spool)
                    .map_err(|e| Failure::Fatal(format!("-: cannot read stdin: {e}")))?;
                parts.push(Part::JsonlSpool(spool));
            } else {
                parts.push(Part::JsonlStdin);
            }
        }
        Ok(Batch {
            parts,
            field: source.text_field.clone(),
        })
    }

    /// Bytes to read, if known (for the progress bar).
    fn size(&self) -> Option<u64> {
        let mut total = 0;
        for part in &self.parts {
            total += match part {
                Part::Inputs(inputs) => inputs.iter().map(Input::size).sum(),
                Part::JsonlFile(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
                Part::JsonlStdin => return None,
                Part::JsonlSpool(file) => file.metadata().map_or(0, |m| m.len()),
            };
        }
        Some(total)
    }

    fn is_single(&self) -> bool {
        self.len_hint() == Some(1)
    }
}

impl Source for Batch {
    fn inputs(&self) -> Box<dyn Iterator<Item = Input> + '_> {
        Box::new(
            self.parts
                .iter()
                .flat_map(|part| -> Box<dyn Iterator<Item = Input> + '_> {
                    match part {
                        Part::Inputs(inputs) => Box::new(inputs.iter().cloned()),
                        Part::JsonlFile(path) => JsonLines::open(path, &self.field),
                        Part::JsonlStdin => {
                            Box::new(JsonLines::new(io::stdin().lock(), "-", &self.field))
                        }
                        Part::JsonlSpool(file) => {
                            let rewound = file
                                .try_clone()
                                .and_then(|mut f| f.seek(SeekFrom::Start(0)).map(|_| f));
                            match rewound {
                                Ok(f) => Box::new(JsonLines::new(
                                    io::BufReader::with_capacity(1 << 16, f),
                                    "-",
                                    &self.field,
                                )),
                                Err(source) => Box::new(std::iter::once(Input::Failed(Arc::new(
                                    ringkas::Error::Io {
                                        path: "-".into(),
                                        source,
                                    },
                                )))),
                            }
                        }
                    }
                }),
        )
    }

    fn streams(&self) -> bool {
        self.parts
            .iter()
            .any(|part| matches!(part, Part::JsonlStdin))
    }

    fn len_hint(&self) -> Option<usize> {
        self.parts.iter().try_fold(0, |n, part| match part {
            Part::Inputs(inputs) => Some(n + inputs.len()),
            _ => None,
        })
    }
}

fn load_model(path: &Path, engine: &Engine) -> Result<Model, Failure> {
    let model = Model::load(path).map_err(|e| Failure::Fatal(e.to_string()))?;
    let language = engine.analyzer().language();
    if model.language != language {
        return Err(Failure::Fatal(format!(
            "{}: model is for language `{}`, this run is `{}` (see --lang)",
            path.display(),
            model.language.code(),
            language.code()
        )));
    }
    Ok(model)
}

fn summarise(cli: &Cli, engine: &Engine) -> Result<Status, Failure> {
    let started = Instant::now();
    let model = match &cli.run.idf {
        Some(path) => Some(load_model(path, engine)?),
        None => None,
    };
    let quiet = cli.run.quiet;
    let batch = Batch::new(&cli.run.paths, &cli.run.source, quiet, model.is_none())?;
    let stdout = io::stdout();
    let mut topics = cli
        .run
        .view
        .corpus_topics
        .map(|n| (n, TopicCounter::default()));
    // JSON prints one object only for exactly one record; an unknown count is an array.
    let total = batch
        .len_hint()
        .map_or(usize::MAX, |n| n + usize::from(topics.is_some()));
    // Records are flushed a chunk at a time: a 64 KiB buffer makes a batch's output a few
    // large writes rather than one per 8 KiB.
    let out = BufWriter::with_capacity(64 << 10, stdout.lock());
    let mut writer = RecordWriter::new(out, cli.format(), total).with_style(cli.text_style());
    let mut progress = Bar::new(&batch, quiet);
    let outcome = engine.run_source(
        &batch,
        model.as_ref().map(|m| &m.df),
        &mut progress,
        &mut Output {
            writer: &mut writer,
            topics: &mut topics,
        },
    )?;
    progress.finish();
    if let Some((n, counter)) = topics {
        whole(|| writer.write_corpus(counter.finish(n)))?;
    }
    whole(|| writer.finish())?;
    if !quiet && !batch.is_single() {
        eprintln!(
            "ringkas: {} documents, {} failed, {:.2} s",
            outcome.documents,
            outcome.failures,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if outcome.failures > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

/// The records of a run on their way to stdout.
struct Output<'a, W: Write> {
    writer: &'a mut RecordWriter<W>,
    topics: &'a mut Option<(usize, TopicCounter)>,
}

impl<W: Write> Sink for Output<'_, W> {
    fn record(&mut self, record: Record) -> io::Result<()> {
        if let Record::Error(e) = &record {
            progress_safe_eprint(&format!("ringkas: {}: {}", e.source, e.error));
        }
        if let (Some((_, counter)), Record::Report(report)) = (&mut self.topics, &record) {
            counter.add(report);
        }
        whole(|| self.writer.write(&record))
    }

    fn flush(&mut self) -> io::Result<()> {
        whole(|| self.writer.flush())
    }
}

fn idf_build(engine: &Engine, build: &BuildArgs) -> Result<Status, Failure> {
    let started = Instant::now();
    let batch = Batch::new(&build.paths, &build.source, build.quiet, true)?;
    let mut progress = Bar::new(&batch, build.quiet);
    let df = engine.document_frequencies(&batch, &mut progress);
    progress.finish();
    let model = Model::new(engine.analyzer().language(), df);
    model
        .save(&build.output)
        .map_err(|e| Failure::Fatal(e.to_string()))?;
    if !build.quiet {
        eprintln!(
            "ringkas: {}: {} documents, {} terms, {:.2} s",
            build.output.display(),
            model.df.documents,
            model.df.counts.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Status::Ok)
}

fn idf_merge(models: &[PathBuf], output: &Path) -> Result<Status, Failure> {
    let mut merged: Option<Model> = None;
    for path in models {
        let model = Model::load(path).map_err(|e| Failure::Fatal(e.to_string()))?;
        match &mut merged {
            None => merged = Some(model),
            Some(all) => all
                .merge(&model, &path.display().to_string())
                .map_err(|e| Failure::Fatal(e.to_string()))?,
        }
    }
    let merged = merged.expect("clap requires at least one model");
    merged
        .save(output)
        .map_err(|e| Failure::Fatal(e.to_string()))?;
    Ok(Status::Ok)
}

/// Prints a line on stderr above the progress bar, if one is drawn.
fn progress_safe_eprint(line: &str) {
    match ACTIVE_BAR.get() {
        Some(bar) if !bar.is_hidden() => bar.suspend(|| eprintln!("{line}")),
        _ => eprintln!("{line}"),
    }
}

static ACTIVE_BAR: std::sync::OnceLock<ProgressBar> = std::sync::OnceLock::new();

/// The progress bar on stderr: only when stderr is a terminal and not `--quiet`.
struct Bar {
    bar: Option<ProgressBar>,
    documents: u64,
}

impl Bar {
    fn new(batch: &Batch, quiet: bool) -> Bar {
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

    fn finish(&self) {
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

fn sentences(
    engine: &Engine,
    paths: &[PathBuf],
    ext: &[String],
    quiet: bool,
) -> Result<Status, Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut status = Status::Ok;
    for input in inputs(paths, ext, quiet) {
        match input.load() {
            Ok(text) => {
                // Printed as written (curly quotes and all), so each line is a substring of
                // the input; only line ends are unified, as the splitter expects LF.
                let text = if text.contains('\r') {
                    text.replace("\r\n", "\n").replace('\r', "\n")
                } else {
                    text
                };
                for span in engine.analyzer().splitter().split(&text) {
                    writeln!(out, "{}", flatten(&text[span.start..span.end]))?;
                }
            }
            Err(err) => {
                eprintln!("ringkas: {err}");
                status = Status::SomeFailed;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

fn stem(engine: &Engine, words: &[String]) -> Result<Status, Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut memo = engine.analyzer().memo();
    let mut one = |word: &str, out: &mut BufWriter<io::StdoutLock<'_>>| -> io::Result<()> {
        let word = word.trim().to_lowercase();
        writeln!(
            out,
            "{}",
            if word.is_empty() {
                ""
            } else {
                memo.stem(&word)
            }
        )
    };
    if words.is_empty() {
        let stdin = io::stdin();
        for line in stdin.lock().split(b'\n') {
            let line = line.map_err(|e| Failure::Fatal(format!("-: cannot read stdin: {e}")))?;
            one(&String::from_utf8_lossy(&line), &mut out)?;
        }
    } else {
        for word in words {
            one(word, &mut out)?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}
