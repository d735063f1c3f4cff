//! `ringkas` for Python: the library's analysis behind a small, typed API.
//!
//! Everything goes through the `ringkas` crate's root (`Engine`, `Config`, `IdfModel`,
//! `Input`, `sentences`, `tokens`, `stems`, `stopwords`), so the results are the CLI's: a text
//! is analysed as the CLI analyses a file or stdin, a batch as the CLI's batch (scored
//! against the batch's own document frequencies), and a report becomes Python objects through
//! its serde model, the same model the CLI's `--format json` writes. Rust works with the GIL
//! released.

// The binary's allocator, from the binary's own source file: the analysis makes and frees many
// small blocks on every worker, which mimalloc serves with less CPU than the system allocator
// (`docs/PERFORMANCE.md`). It serves only this module's Rust allocations; Python objects are
// still made by Python's allocator.
#[path = "../../src/bin/ringkas/allocator.rs"]
mod allocator;

mod convert;

#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use ringkas::input::SharedText;
use ringkas::{
    Config, Engine, Error, IdfModel, Input, Language, NoProgress, Record, SummaryLength,
};

/// The most worker threads the CLI accepts (`--threads`).
const MAX_THREADS: i64 = 512;

/// Engines kept for reuse: each holds a thread pool and word lists, too costly to build for
/// every call of `analyze` in a loop.
const KEPT_ENGINES: usize = 8;

/// Memory for the analyses `analyze_many`'s first pass keeps for its second (`Config::kept_bytes`;
/// the CLI's is 16 MiB). The caller holds every text in memory already, and analyses kept whole
/// (about six times their text) need not be packed and unpacked: 6 % fewer instructions. A batch
/// of up to some 20 MB of text is kept whole.
const KEPT_BYTES: usize = 256 << 20;

/// What decides an engine.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Settings {
    language: Language,
    keywords: usize,
    length: SummaryLength,
    explain: bool,
    threads: usize,
}

impl Settings {
    fn parse(
        keywords: i64,
        sentences: i64,
        ratio: Option<f64>,
        lang: &str,
        explain: bool,
        threads: i64,
    ) -> PyResult<Settings> {
        let keywords = usize::try_from(keywords)
            .map_err(|_| PyValueError::new_err(format!("keywords: `{keywords}` is negative")))?;
        let length = match ratio {
            Some(r) if r > 0.0 && r <= 1.0 => SummaryLength::Ratio(r),
            Some(r) => {
                return Err(PyValueError::new_err(format!(
                    "ratio: `{r}` is not in 0 < R <= 1"
                )));
            }
            None => SummaryLength::Sentences(usize::try_from(sentences).map_err(|_| {
                PyValueError::new_err(format!("sentences: `{sentences}` is negative"))
            })?),
        };
        Ok(Settings {
            language: language(lang)?,
            keywords,
            length,
            explain,
            threads: threads_arg(threads)?,
        })
    }

    fn config(self) -> Config {
        Config {
            language: self.language,
            keywords: self.keywords,
            length: self.length,
            explain: self.explain,
            threads: self.threads,
            kept_bytes: KEPT_BYTES,
            ..Config::default()
        }
    }
}

fn language(code: &str) -> PyResult<Language> {
    match code {
        "id" => Ok(Language::Indonesian),
        "en" => Ok(Language::English),
        other => Err(PyValueError::new_err(format!(
            "lang: `{other}` is not one of id, en"
        ))),
    }
}

fn threads_arg(threads: i64) -> PyResult<usize> {
    match usize::try_from(threads) {
        Ok(n) if threads <= MAX_THREADS => Ok(n),
        _ => Err(PyValueError::new_err(format!(
            "threads: `{threads}` is not in 0..={MAX_THREADS}"
        ))),
    }
}

/// The engine for `settings`, built once and kept.
fn engine(settings: Settings) -> Result<Arc<Engine>, Error> {
    static ENGINES: Mutex<Vec<(Settings, Arc<Engine>)>> = Mutex::new(Vec::new());
    let mut engines = ENGINES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, engine)) = engines.iter().find(|(s, _)| *s == settings) {
        return Ok(Arc::clone(engine));
    }
    let engine = Arc::new(Engine::new(&settings.config())?);
    if engines.len() == KEPT_ENGINES {
        engines.remove(0);
    }
    engines.push((settings, Arc::clone(&engine)));
    Ok(engine)
}

/// The library's error as the Python exception for it: `OSError` (with `errno`, `strerror`
/// and `filename`, so Python picks the subclass, e.g. `FileNotFoundError`) when a file could
/// not be read, `ValueError` with the CLI's message (`path: problem`) otherwise.
fn py_err(err: &Error) -> PyErr {
    match err {
        Error::Io { path, source } => {
            let errno = source.raw_os_error().unwrap_or(match source.kind() {
                std::io::ErrorKind::NotFound => 2,
                std::io::ErrorKind::PermissionDenied => 13,
                std::io::ErrorKind::NotADirectory => 20,
                std::io::ErrorKind::IsADirectory => 21,
                _ => 5,
            });
            PyOSError::new_err((errno, err.problem(), path.clone()))
        }
        Error::IsDirectory { path } => PyOSError::new_err((21, err.problem(), path.clone())),
        Error::Threads { .. } => PyRuntimeError::new_err(err.problem()),
        _ => PyValueError::new_err(err.to_string()),
    }
}

/// An in-memory text as the CLI's stdin is: bytes, decoded by the library as it decodes a file.
fn memory_input(source: &str, text: &str) -> Input {
    Input::Memory {
        name: source.to_string(),
        bytes: Arc::from(text.as_bytes()),
    }
}

/// A Python string as an input, shared with the workers rather than copied: the library reads
/// its UTF-8 text in place, in each pass, and checks it as it checks decoded bytes.
fn text_input(source: &str, text: &Bound<'_, PyString>) -> PyResult<Input> {
    let utf8: *const str = text.to_str()?;
    Ok(Input::Text {
        name: source.to_string(),
        text: SharedText::new(PyText {
            _owner: text.clone().unbind(),
            utf8,
        }),
    })
}

/// The UTF-8 text of a Python string, and the string it belongs to.
struct PyText {
    /// Holds the string, and with it the UTF-8 buffer `utf8` points into, for as long as the
    /// text is shared.
    _owner: Py<PyString>,
    utf8: *const str,
}

// SAFETY: `utf8` points into the string `_owner` keeps alive: its data, or the UTF-8 copy
// Python caches beside a non-ASCII string's data, which lives as long as the string. A Python
// `str` never changes, so any thread may read it at any time, without the GIL.
unsafe impl Send for PyText {}
// SAFETY: as for Send: the text is only read.
unsafe impl Sync for PyText {}

impl AsRef<str> for PyText {
    fn as_ref(&self) -> &str {
        // SAFETY: see `Send` above: the text outlives `self` and does not change.
        unsafe { &*self.utf8 }
    }
}

/// The reports of `inputs`, as the CLI makes them: against `model` if given, else against the
/// inputs' own document frequencies when there are several.
fn run(engine: &Engine, inputs: &[Input], model: Option<&IdfModel>) -> Vec<Record> {
    let mut records = Vec::with_capacity(inputs.len());
    let mut sink = |record: Record| -> std::io::Result<()> {
        records.push(record);
        Ok(())
    };
    let source = inputs;
    engine
        .run_source(&source, model.map(|m| &m.df), &mut NoProgress, &mut sink)
        .expect("collecting records in memory does not fail");
    records
}

/// The IDF model an `idf=` argument stands for: an `IdfModel`, or the path of a model file.
fn model_arg(
    idf: Option<&Bound<'_, PyAny>>,
    language: Language,
) -> PyResult<Option<Arc<IdfModel>>> {
    let Some(idf) = idf else {
        return Ok(None);
    };
    let (model, name) = if let Ok(model) = idf.cast::<PyIdfModel>() {
        let model = model.get();
        (Arc::clone(&model.model), model.name.clone())
    } else {
        let path: PathBuf = idf.extract().map_err(|_| {
            PyTypeError::new_err("idf: expected an IdfModel or the path of a model file")
        })?;
        let model = idf
            .py()
            .detach(|| IdfModel::load(&path))
            .map_err(|e| py_err(&e))?;
        (Arc::new(model), path.display().to_string())
    };
    if model.language != language {
        return Err(PyValueError::new_err(format!(
            "{name}: model is for language `{}`, this run is `{}` (see lang=)",
            model.language.code(),
            language.code()
        )));
    }
    Ok(Some(model))
}

fn to_python<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    let has_id = match record {
        Record::Report(r) => r.id.is_some(),
        Record::Error(e) => e.id.is_some(),
    };
    if !has_id {
        // Straight to Python objects, keys in the CLI's order: no JSON text written and
        // parsed again (a tenth of a batch's time).
        return convert::record(py, record).map(Bound::into_any);
    }
    // Through the CLI's JSON and Python's `json`: an id is its JSON text
    // (`ringkas::report::Id`), which only a JSON serializer reads as a value; keys keep the
    // CLI's order and a big integer id stays exact (a Python int).
    let text = serde_json::to_string(record)
        .map_err(|e| PyValueError::new_err(format!("cannot convert a record: {e}")))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// Keywords, key phrases and an extractive summary of one text.
///
/// Returns the dictionary the CLI writes with ``--format json`` for the same text and
/// settings (keys ``source``, ``language``, ``keywords``, ``summary``, ``stats``).
/// Raises ``ValueError`` for a text the CLI would reject (NUL characters) or a bad setting,
/// ``OSError`` when the ``idf`` file cannot be read.
#[pyfunction]
#[pyo3(signature = (text, *, keywords=10, sentences=3, ratio=None, lang="id", idf=None,
                    explain=false, threads=0, source="-"))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    text: &str,
    keywords: i64,
    sentences: i64,
    ratio: Option<f64>,
    lang: &str,
    idf: Option<&Bound<'py, PyAny>>,
    explain: bool,
    threads: i64,
    source: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = Settings::parse(keywords, sentences, ratio, lang, explain, threads)?;
    let model = model_arg(idf, settings.language)?;
    let input = memory_input(source, text);
    let records = py.detach(|| -> Result<Vec<Record>, Error> {
        let engine = engine(settings)?;
        Ok(run(&engine, std::slice::from_ref(&input), model.as_deref()))
    });
    let record = records
        .map_err(|e| py_err(&e))?
        .pop()
        .expect("one record per input");
    match &record {
        Record::Report(_) => to_python(py, &record),
        Record::Error(e) => Err(PyValueError::new_err(format!("{}: {}", e.source, e.error))),
    }
}

/// Many texts at once, as the CLI's batch: scored against the batch's own document
/// frequencies (or ``idf``), in parallel, results in input order and the same for any
/// ``threads``.
#[pyfunction]
#[pyo3(signature = (texts, *, keywords=10, sentences=3, ratio=None, lang="id", idf=None,
                    explain=false, threads=0, ids=None, sources=None, errors="record"))]
#[allow(clippy::too_many_arguments)]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    keywords: i64,
    sentences: i64,
    ratio: Option<f64>,
    lang: &str,
    idf: Option<&Bound<'py, PyAny>>,
    explain: bool,
    threads: i64,
    ids: Option<&Bound<'py, PyAny>>,
    sources: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let settings = Settings::parse(keywords, sentences, ratio, lang, explain, threads)?;
    let raise = match errors {
        "record" => false,
        "raise" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors: `{other}` is not one of record, raise"
            )));
        }
    };
    let model = model_arg(idf, settings.language)?;
    let sources: Option<Vec<String>> = match sources {
        Some(s) => Some(strings(s, "sources")?),
        None => None,
    };
    let mut inputs = Vec::new();
    for (i, text) in texts.try_iter()?.enumerate() {
        let text = text?;
        let text = text
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(format!("texts[{i}]: expected str")))?;
        let source = sources.as_ref().and_then(|s| s.get(i)).map_or("-", |s| s);
        inputs.push(text_input(source, text)?);
    }
    if let Some(sources) = &sources {
        same_length(sources.len(), inputs.len(), "sources")?;
    }
    let ids: Option<Vec<Option<serde_json::Value>>> = match ids {
        Some(ids) => {
            let mut values = Vec::new();
            for id in ids.try_iter()? {
                let id = id?;
                values.push(if id.is_none() {
                    None
                } else {
                    Some(pythonize::depythonize(&id)?)
                });
            }
            same_length(values.len(), inputs.len(), "ids")?;
            Some(values)
        }
        None => None,
    };
    let out = PyList::empty(py).unbind();
    let mut sink = ListSink {
        out: &out,
        ids: ids.as_deref(),
        raise,
        done: 0,
        waiting: Vec::new(),
        failure: None,
    };
    // The run flushes the sink after every chunk, the last one included.
    let ran = py.detach(|| -> Result<std::io::Result<ringkas::Outcome>, Error> {
        let engine = engine(settings)?;
        let source = &inputs[..];
        let model = model.as_deref().map(|m| &m.df);
        Ok(engine.run_source(&source, model, &mut NoProgress, &mut sink))
    });
    if let Some(err) = sink.failure {
        return Err(err);
    }
    ran.map_err(|e| py_err(&e))?
        .expect("only a Python error stops the records");
    Ok(out.into_bound(py))
}

/// Where `analyze_many`'s records go: each chunk of them becomes Python objects as soon as it
/// is done, with the GIL taken for that chunk only, so converting overlaps the workers' work on
/// the next chunks instead of following the whole batch.
struct ListSink<'a> {
    out: &'a Py<PyList>,
    ids: Option<&'a [Option<serde_json::Value>]>,
    /// `errors="raise"`: the first error record stops the run with a `ValueError`.
    raise: bool,
    /// Records handed on so far (the index of the next).
    done: usize,
    /// Records of the chunk under way, converted at the next `flush`.
    waiting: Vec<Record>,
    /// What stopped the run.
    failure: Option<PyErr>,
}

impl ringkas::pipeline::Sink for ListSink<'_> {
    fn record(&mut self, mut record: Record) -> std::io::Result<()> {
        let i = self.done;
        self.done += 1;
        if let Some(id) = self.ids.and_then(|ids| ids[i].as_ref()) {
            let id = Some(ringkas::report::Id::of(id));
            match &mut record {
                Record::Report(r) => r.id = id,
                Record::Error(e) => e.id = id,
            }
        }
        if let (true, Record::Error(e)) = (self.raise, &record) {
            return self.stop(PyValueError::new_err(format!(
                "texts[{i}]: {}: {}",
                e.source, e.error
            )));
        }
        self.waiting.push(record);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let converted = Python::attach(|py| -> PyResult<()> {
            let _paused = convert::GcPause::new(py);
            let out = self.out.bind(py);
            for record in self.waiting.drain(..) {
                out.append(to_python(py, &record)?)?;
            }
            Ok(())
        });
        match converted {
            Ok(()) => Ok(()),
            Err(err) => self.stop(err),
        }
    }
}

impl ListSink<'_> {
    /// Stops the run with `err`, raised once the workers are done.
    fn stop(&mut self, err: PyErr) -> std::io::Result<()> {
        self.failure = Some(err);
        Err(std::io::Error::other("stopped by a Python error"))
    }
}

fn strings(values: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if values.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected a sequence of str, not a str"
        )));
    }
    values
        .try_iter()?
        .enumerate()
        .map(|(i, v)| {
            v?.extract::<String>()
                .map_err(|_| PyTypeError::new_err(format!("{what}[{i}]: expected str")))
        })
        .collect()
}

fn same_length(got: usize, texts: usize, what: &str) -> PyResult<()> {
    if got == texts {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "{what}: {got} given for {texts} texts"
        )))
    }
}

/// The sentences of ``text``, one string each, as ``ringkas sentences`` prints them: the
/// title, headings and body; boilerplate lines (captions, credits, read-also lines, ads,
/// footers) too with ``all=True``, as ``ringkas sentences --all``.
#[pyfunction]
#[pyo3(signature = (text, *, all=false))]
fn sentences(py: Python<'_>, text: &str, all: bool) -> Vec<String> {
    py.detach(|| {
        ringkas::sentence_roles(text)
            .into_iter()
            .filter(|(_, role)| all || *role != ringkas::analysis::analyzer::Role::Boilerplate)
            .map(|(sentence, _)| sentence)
            .collect()
    })
}

/// The tokens of ``text`` the analysis counts (words, numbers, URLs, e-mails, hashtags,
/// mentions), in order, as they read in the normalised text.
#[pyfunction]
fn tokens(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    let settings = Settings::parse(10, 3, None, "id", false, 1)?;
    py.detach(|| engine(settings).map(|e| ringkas::tokens_with(&e, text)))
        .map_err(|e| py_err(&e))
}

/// The stem of a word, or the stems of a list of words, as ``ringkas stem`` prints them
/// (each word trimmed and lowercased first).
#[pyfunction]
#[pyo3(signature = (word_or_words, *, lang="id"))]
fn stem<'py>(
    py: Python<'py>,
    word_or_words: &Bound<'py, PyAny>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = Settings::parse(10, 3, None, lang, false, 1)?;
    if let Ok(word) = word_or_words.cast::<PyString>() {
        let word = word.to_str()?;
        let mut stems = py
            .detach(|| engine(settings).map(|e| ringkas::stems(&e, [word])))
            .map_err(|e| py_err(&e))?;
        return Ok(PyString::new(py, &stems.pop().expect("one stem per word")).into_any());
    }
    // A word list repeats its words: each distinct word is stemmed once (without the GIL) and
    // its stem made a Python string once, which every repeat shares.
    let mut items = Vec::new();
    for (i, item) in word_or_words.try_iter()?.enumerate() {
        items.push(
            item?
                .cast_into::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("word_or_words[{i}]: expected str")))?,
        );
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(items.len() / 8);
    let mut distinct: Vec<&str> = Vec::new();
    let mut order = Vec::with_capacity(items.len());
    for item in &items {
        let word = item.to_str()?;
        let id = *index.entry(word).or_insert_with(|| {
            distinct.push(word);
            distinct.len() - 1
        });
        order.push(id);
    }
    let stems = py
        .detach(|| engine(settings).map(|e| ringkas::stems(&e, distinct.iter().copied())))
        .map_err(|e| py_err(&e))?;
    let stems: Vec<Bound<'py, PyString>> = stems.iter().map(|s| PyString::new(py, s)).collect();
    Ok(PyList::new(py, order.iter().map(|&id| stems[id].clone()))?.into_any())
}

/// The embedded stopword list of ``lang``, sorted.
#[pyfunction]
#[pyo3(signature = (lang="id"))]
fn stopwords(lang: &str) -> PyResult<Vec<String>> {
    Ok(ringkas::stopwords(language(lang)?))
}

/// Document frequencies of a collection, to score texts against (``idf=``): the model
/// ``ringkas idf build`` writes and ``--idf`` reads.
#[pyclass(name = "IdfModel", module = "ringkas", frozen)]
struct PyIdfModel {
    model: Arc<IdfModel>,
    /// What errors call it: the file it was read from or saved to, or `<IdfModel>`.
    name: String,
}

#[pymethods]
impl PyIdfModel {
    /// The document frequencies of ``texts``, as ``ringkas idf build`` counts them.
    #[staticmethod]
    #[pyo3(signature = (texts, *, lang="id", threads=0))]
    fn build(py: Python<'_>, texts: &Bound<'_, PyAny>, lang: &str, threads: i64) -> PyResult<Self> {
        let settings = Settings::parse(10, 3, None, lang, false, threads)?;
        let texts = strings(texts, "texts")?;
        let inputs: Vec<Input> = texts.iter().map(|t| memory_input("-", t)).collect();
        let model = py
            .detach(|| -> Result<IdfModel, Error> {
                let engine = engine(settings)?;
                let source = &inputs[..];
                let df = engine.document_frequencies(&source, &mut NoProgress);
                Ok(IdfModel::new(settings.language, df))
            })
            .map_err(|e| py_err(&e))?;
        Ok(PyIdfModel {
            model: Arc::new(model),
            name: "<IdfModel>".to_string(),
        })
    }

    /// Reads a model file.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let model = py
            .detach(|| IdfModel::load(&path))
            .map_err(|e| py_err(&e))?;
        Ok(PyIdfModel {
            model: Arc::new(model),
            name: path.display().to_string(),
        })
    }

    /// Writes the model to ``path`` (whole or not at all).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.model.save(&path)).map_err(|e| py_err(&e))
    }

    /// A new model with the counts of both, as ``ringkas idf merge`` makes it; both must be of
    /// the same language.
    fn merge(&self, other: &Self) -> PyResult<Self> {
        let mut merged = IdfModel::clone(&self.model);
        merged
            .merge(&other.model, &other.name)
            .map_err(|e| py_err(&e))?;
        Ok(PyIdfModel {
            model: Arc::new(merged),
            name: "<IdfModel>".to_string(),
        })
    }

    /// The language code of the texts counted.
    #[getter]
    fn language(&self) -> &'static str {
        self.model.language.code()
    }

    /// How many documents were counted.
    #[getter]
    fn documents(&self) -> u64 {
        self.model.df.documents
    }

    /// In how many documents the key (a lowercase stem, as the analysis counts it) occurs.
    fn document_frequency(&self, key: &str) -> u64 {
        self.model.df.count(key)
    }

    /// The number of distinct keys.
    fn __len__(&self) -> usize {
        self.model.df.counts.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyIdfModel>()
            .is_ok_and(|o| *o.get().model == *self.model)
    }

    fn __repr__(&self) -> String {
        format!(
            "IdfModel(language={:?}, documents={}, keys={})",
            self.model.language.code(),
            self.model.df.documents,
            self.model.df.counts.len()
        )
    }
}

#[pymodule]
fn _ringkas(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(tokens, m)?)?;
    m.add_function(wrap_pyfunction!(stem, m)?)?;
    m.add_function(wrap_pyfunction!(stopwords, m)?)?;
    m.add_class::<PyIdfModel>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
