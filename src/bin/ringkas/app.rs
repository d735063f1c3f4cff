//! Wires the library to the terminal: inputs from arguments and stdin, records to stdout,
//! problems to stderr.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use ringkas::analysis::analyzer::Role;
use ringkas::idf::Model;
use ringkas::input::{Batch, InputKind, Markup};
use ringkas::output::RecordWriter;
use ringkas::pipeline::{Pass, Progress, Sink, Source};
use ringkas::topics::TopicCounter;
use ringkas::{Engine, Record};

use crate::cli::{BuildArgs, Cli, Command, IdfCommand, InputArg, SourceArgs};
use crate::interrupt::whole;
use crate::progress::{Bar, progress_safe_eprint};

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
            Failure::Fatal(format!("cannot write to standard output: {err}"))
        }
    }
}

pub fn run(cli: &Cli) -> Result<Status, Failure> {
    let engine = Engine::new(&cli.config()).map_err(|e| Failure::Fatal(e.to_string()))?;
    match &cli.command {
        None => summarise(cli, &engine),
        Some(Command::Sentences { paths, all, source }) => {
            sentences(&engine, paths, source, *all, cli.run.quiet)
        }
        Some(Command::Stem { words, explain }) if *explain => {
            crate::stem_explain::explain(&engine, words, cli.format())
        }
        Some(Command::Stem { words, .. }) => stem(&engine, words),
        Some(Command::Completions { shell }) => {
            crate::generate::completions(*shell)?;
            Ok(Status::Ok)
        }
        Some(Command::Man) => {
            crate::generate::man()?;
            Ok(Status::Ok)
        }
        Some(Command::Topics(args)) => crate::topics_cmd::run(&engine, args),
        Some(Command::Idf {
            command: IdfCommand::Build(build),
        }) => idf_build(&engine, build),
        Some(Command::Idf {
            command: IdfCommand::Merge { models, output },
        }) => idf_merge(models, output),
    }
}

/// Prints the notes of a batch (skipped entries), unless `--quiet`.
fn note(notes: &[String], quiet: bool) {
    if !quiet {
        for note in notes {
            progress_safe_eprint(&format!("ringkas: note: {note}"));
        }
    }
}

/// The batch the source arguments name.
pub(crate) fn batch(
    paths: &[PathBuf],
    source: &SourceArgs,
    quiet: bool,
    passes: bool,
    max_bytes: u64,
) -> Result<Batch, Failure> {
    let kind = match source.input {
        InputArg::Files => InputKind::Files,
        InputArg::Jsonl => InputKind::JsonLines,
        InputArg::Markdown => InputKind::Markup(Markup::Markdown),
        InputArg::Html => InputKind::Markup(Markup::Html),
    };
    let batch = Batch::new(
        paths,
        kind,
        &source.extensions(),
        &source.text_field,
        passes,
        max_bytes,
    )
    .map_err(|e| Failure::Fatal(e.to_string()))?;
    note(batch.notes(), quiet);
    Ok(batch)
}

pub(crate) fn load_model(path: &Path, engine: &Engine) -> Result<Model, Failure> {
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
    if cli.run.paths.is_empty() && io::stdin().is_terminal() {
        // Nothing piped in and nothing named: say how to use it rather than wait silently.
        return Err(Failure::Fatal(
            "no input: name files or folders, or pipe text in (`ringkas --help`)".into(),
        ));
    }
    let batch = batch(
        &cli.run.paths,
        &cli.run.source,
        quiet,
        model.is_none(),
        engine.max_bytes(),
    )?;
    let stdout = io::stdout();
    let mut topics = cli
        .run
        .view
        .corpus_topics
        .map(|n| (n, TopicCounter::new(engine.analyzer().language())));
    // JSON prints one object only for one named file or plain stdin (and no corpus record);
    // a folder, several paths or JSON Lines give an array whatever their count, so a script's
    // `jq '.[]'` does not break when a folder happens to hold one file.
    let total = match batch.len_hint() {
        Some(n) if names_one_document(&cli.run.paths, &cli.run.source) => {
            n + usize::from(topics.is_some())
        }
        _ => usize::MAX,
    };
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
            quiet,
        },
    )?;
    progress.finish();
    if let Some((n, counter)) = topics {
        whole(|| writer.write_corpus(counter.finish(n)))?;
    }
    whole(|| writer.finish())?;
    if !quiet && !batch.is_single() {
        crate::progress::say(&format!(
            "ringkas: {} documents, {} failed, {:.2} s",
            outcome.documents,
            outcome.failures,
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(if outcome.failures > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

/// Whether the arguments name one document: one file (or FIFO) or stdin, read as files.
fn names_one_document(paths: &[PathBuf], source: &SourceArgs) -> bool {
    matches!(source.input, InputArg::Files)
        && match paths {
            [] => true,
            [path] => path.as_os_str() == "-" || !path.is_dir(),
            _ => false,
        }
}

/// The records of a run on their way to stdout.
struct Output<'a, W: Write> {
    writer: &'a mut RecordWriter<W>,
    topics: &'a mut Option<(usize, TopicCounter)>,
    quiet: bool,
}

impl<W: Write> Sink for Output<'_, W> {
    fn record(&mut self, record: Record) -> io::Result<()> {
        if let Record::Error(e) = &record {
            progress_safe_eprint(&format!("ringkas: {}: {}", e.source, e.error));
        }
        match &record {
            Record::Report(report) if report.stats.words == 0 && !self.quiet => {
                progress_safe_eprint(&format!(
                    "ringkas: note: {}: no words in the input (an empty record)",
                    report.source
                ));
            }
            _ => {}
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
    let batch = batch(
        &build.paths,
        &build.source,
        build.quiet,
        false,
        engine.max_bytes(),
    )?;
    let mut progress = Reporting {
        bar: Bar::new(&batch, build.quiet),
        failures: 0,
    };
    let df = engine.document_frequencies(&batch, &mut progress);
    progress.bar.finish();
    let model = Model::new(engine.analyzer().language(), df);
    // Ctrl-C waits for the model to be written (or its temporary file removed).
    whole(|| model.save(&build.output)).map_err(|e| Failure::Fatal(e.to_string()))?;
    if !build.quiet {
        crate::progress::say(&format!(
            "ringkas: {}: {} documents, {} terms, {:.2} s",
            build.output.display(),
            model.df.documents,
            model.df.counts.len(),
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(if progress.failures > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

/// The progress of `idf build`, which also names each input it could not read (there is no
/// second pass to give it an error record).
struct Reporting {
    bar: Bar,
    failures: usize,
}

impl Progress for Reporting {
    fn pass(&mut self, pass: Pass) {
        self.bar.pass(pass);
    }

    fn advance(&mut self, bytes: u64) {
        self.bar.advance(bytes);
    }

    fn failed(&mut self, err: &ringkas::Error) {
        self.failures += 1;
        progress_safe_eprint(&format!("ringkas: {err}"));
    }
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
    whole(|| merged.save(output)).map_err(|e| Failure::Fatal(e.to_string()))?;
    Ok(Status::Ok)
}

fn sentences(
    engine: &Engine,
    paths: &[PathBuf],
    source: &SourceArgs,
    all: bool,
    quiet: bool,
) -> Result<Status, Failure> {
    let max_bytes = engine.max_bytes();
    let batch = batch(paths, source, quiet, false, max_bytes)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut status = Status::Ok;
    for (_, input) in batch.inputs() {
        match input.read(max_bytes).1.map(|d| d.text) {
            Ok(text) => {
                // Printed as written (curly quotes and all), so each line is a substring of
                // the input; only line ends are unified, as the splitter expects LF.
                for (sentence, role) in ringkas::sentence_roles_with(engine.analyzer(), &text) {
                    if all || role != Role::Boilerplate {
                        writeln!(out, "{sentence}")?;
                    }
                }
            }
            Err(err) => {
                crate::progress::say(&format!("ringkas: {err}"));
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
        // The decoder of every text ringkas reads: byte-order marks, UTF-16; invalid UTF-8
        // is an error, never replaced.
        let stdin = ringkas::input::text_reader("-", Box::new(io::stdin().lock()))
            .map_err(|e| Failure::Fatal(e.to_string()))?;
        for (n, line) in stdin.split(b'\n').enumerate() {
            let line = line.map_err(|e| Failure::Fatal(format!("-: cannot read stdin: {e}")))?;
            let word = std::str::from_utf8(&line).map_err(|e| {
                Failure::Fatal(format!(
                    "-: line {}: invalid UTF-8 at byte {} (convert the input to UTF-8)",
                    n + 1,
                    e.valid_up_to()
                ))
            })?;
            one(word.strip_suffix('\r').unwrap_or(word), &mut out)?;
        }
    } else {
        for word in words {
            one(word, &mut out)?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}
