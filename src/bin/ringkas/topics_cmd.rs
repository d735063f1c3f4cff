//! `ringkas topics`: run the pipeline over a batch, group the documents, write the topics.

use std::io::{self, BufWriter, Write};
use std::time::Instant;

use ringkas::pipeline::Sink;
use ringkas::topics::cluster::DocTerms;
use ringkas::topics::model::{DOCUMENT_TERMS, TopicCollector, TopicOptions};
use ringkas::topics::output::write_topics;
use ringkas::{Engine, Format, Record};

use crate::app::{Failure, Status, batch, load_model};
use crate::cli::{FormatArg, TopicsArgs};
use crate::interrupt::whole;
use crate::progress::{Bar, progress_safe_eprint};

pub fn run(engine: &Engine, args: &TopicsArgs) -> Result<Status, Failure> {
    let started = Instant::now();
    let model = match &args.idf {
        Some(path) => Some(load_model(path, engine)?),
        None => None,
    };
    let batch = batch(
        &args.paths,
        &args.source,
        args.quiet,
        model.is_none(),
        engine.max_bytes(),
    )?;
    let mut progress = Bar::new(&batch, args.quiet);
    let mut sink = Collect {
        collector: TopicCollector::new(engine.analyzer().stemmer()),
    };
    let outcome = engine.run_source(
        &batch,
        model.as_ref().map(|m| &m.df),
        &mut progress,
        &mut sink,
    )?;
    progress.finish();
    let options = TopicOptions {
        topics: args.topics.map(usize::from),
        max_topics: usize::from(args.max_topics),
        other_below: args.other_below,
    };
    let topics = sink.collector.finish(&options);
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Html => Format::Html,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 << 10, stdout.lock());
    whole(|| {
        write_topics(&mut out, &topics, format)?;
        out.flush()
    })?;
    if !args.quiet {
        crate::progress::say(&format!(
            "ringkas: {} documents, {} failed, {} topics, {:.2} s",
            outcome.documents,
            outcome.failures,
            topics.clustering.topics,
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(if outcome.failures > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

/// Keeps what the grouping needs of each report; errors go to stderr as they come.
struct Collect<'s> {
    collector: TopicCollector<'s>,
}

impl Sink for Collect<'_> {
    fn record(&mut self, record: Record) -> io::Result<()> {
        if let Record::Error(e) = &record {
            progress_safe_eprint(&format!("ringkas: {}: {}", e.source, e.error));
        }
        Ok(())
    }

    fn terms_wanted(&self) -> usize {
        DOCUMENT_TERMS
    }

    fn record_with_terms(&mut self, record: Record, terms: DocTerms) -> io::Result<()> {
        match record {
            Record::Report(report) => {
                self.collector.add(&report, terms);
                Ok(())
            }
            other => self.record(other),
        }
    }
}
