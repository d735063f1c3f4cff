//! Wires the library to the terminal: inputs from arguments and stdin, records to stdout,
//! problems to stderr.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

use ringkas::input::{Input, expand};
use ringkas::output::RecordWriter;
use ringkas::sentence::flatten;
use ringkas::topics::TopicCounter;
use ringkas::{Engine, Record};

use crate::cli::{Cli, Command};

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
        Some(Command::Stem { words }) => stem(&engine, words),
        Some(Command::Completions { shell }) => crate::generate::completions(*shell),
        Some(Command::Man) => crate::generate::man(),
    }
}

/// The inputs the paths stand for; `-` (or no path) is stdin, read once.
fn inputs(paths: &[PathBuf], ext: &[String], quiet: bool) -> Vec<Input> {
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &stdin_only[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => inputs.push(Input::Memory {
                    name: "-".into(),
                    bytes: Arc::from(bytes),
                }),
                Err(source) => inputs.push(Input::Failed(Arc::new(ringkas::Error::Io {
                    path: "-".into(),
                    source,
                }))),
            }
            continue;
        }
        let expansion = expand(std::slice::from_ref(path), ext);
        if !quiet {
            for note in &expansion.notes {
                eprintln!("ringkas: note: {note}");
            }
        }
        inputs.extend(expansion.inputs);
    }
    inputs
}

fn summarise(cli: &Cli, engine: &Engine) -> Result<Status, Failure> {
    let inputs = inputs(&cli.run.paths, &cli.run.ext, cli.run.quiet);
    let stdout = io::stdout();
    let view = &cli.run.view;
    let mut topics = view.corpus_topics.map(|n| (n, TopicCounter::default()));
    let total = inputs.len() + usize::from(topics.is_some());
    let mut writer = RecordWriter::new(BufWriter::new(stdout.lock()), cli.format(), total)
        .with_style(cli.text_style());
    let outcome = engine.run(&inputs, &mut |record| {
        if let Record::Error(e) = &record {
            eprintln!("ringkas: {}: {}", e.source, e.error);
        }
        if let (Some((_, counter)), Record::Report(report)) = (&mut topics, &record) {
            counter.add(report);
        }
        writer.write(&record)
    })?;
    if let Some((n, counter)) = topics {
        writer.write_corpus(counter.finish(n))?;
    }
    writer.finish()?;
    Ok(if outcome.failures > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
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
