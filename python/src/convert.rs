//! Records as Python objects: the dictionaries the CLI's `--format json` writes, keys in its
//! order, built field by field.
//!
//! A batch's records are thousands of small dictionaries, and converting them happens on the
//! thread that holds the GIL while the workers wait for it or compete with it for the cores.
//! Going through the serde model (`pythonize`) made a new Python string for every key of every
//! dictionary, about fifty a report, and hashed each on insertion; here each key is a string
//! interned once per interpreter (`intern!`), whose hash Python keeps. The parts only
//! `--explain` or a layout asks for (`features`, `layout`) still go through the serde model,
//! as does a record with an `id`, which only a JSON reader turns into the value it was written
//! as (see `to_python` in `lib.rs`). `tests/test_analyze.py` compares every record with the
//! CLI's JSON, values and key order.

use std::marker::PhantomData;

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use ringkas::Record;
use ringkas::{ErrorRecord, Keyword, Report, Stats, SummarySentence};

/// The dictionary of a record without an `id`.
pub(crate) fn record<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyDict>> {
    match record {
        Record::Report(report) => self::report(py, report),
        Record::Error(error) => self::error(py, error),
    }
}

fn report<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyDict>> {
    debug_assert!(report.id.is_none(), "records with ids go through JSON");
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "source"), &report.source)?;
    dict.set_item(intern!(py, "language"), language(py, &report.language))?;
    dict.set_item(intern!(py, "title"), report.title.as_deref())?;
    let keywords = report
        .keywords
        .iter()
        .map(|k| keyword(py, k))
        .collect::<PyResult<Vec<_>>>()?;
    dict.set_item(intern!(py, "keywords"), PyList::new(py, keywords)?)?;
    let summary = report
        .summary
        .iter()
        .map(|s| sentence(py, s))
        .collect::<PyResult<Vec<_>>>()?;
    dict.set_item(intern!(py, "summary"), PyList::new(py, summary)?)?;
    dict.set_item(intern!(py, "stats"), stats(py, &report.stats)?)?;
    if let Some(layout) = &report.layout {
        set_serialized(&dict, intern!(py, "layout"), layout)?;
    }
    Ok(dict)
}

/// The report's language code: one of a few, so the interned string of that code.
fn language<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyString> {
    match code {
        "id" => intern!(py, "id").clone(),
        "en" => intern!(py, "en").clone(),
        other => PyString::new(py, other),
    }
}

fn keyword<'py>(py: Python<'py>, keyword: &Keyword) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "term"), &keyword.term)?;
    dict.set_item(intern!(py, "score"), PyFloat::new(py, keyword.score))?;
    dict.set_item(intern!(py, "count"), keyword.count)?;
    if !keyword.aliases.is_empty() {
        dict.set_item(intern!(py, "aliases"), &keyword.aliases)?;
    }
    Ok(dict)
}

fn sentence<'py>(py: Python<'py>, sentence: &SummarySentence) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "index"), sentence.index)?;
    dict.set_item(intern!(py, "text"), &sentence.text)?;
    dict.set_item(intern!(py, "score"), PyFloat::new(py, sentence.score))?;
    if let Some(features) = &sentence.features {
        set_serialized(&dict, intern!(py, "features"), features)?;
    }
    Ok(dict)
}

fn stats<'py>(py: Python<'py>, stats: &Stats) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "sentences"), stats.sentences)?;
    dict.set_item(intern!(py, "headings"), stats.headings)?;
    dict.set_item(intern!(py, "words"), stats.words)?;
    Ok(dict)
}

fn error<'py>(py: Python<'py>, error: &ErrorRecord) -> PyResult<Bound<'py, PyDict>> {
    debug_assert!(error.id.is_none(), "records with ids go through JSON");
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "source"), &error.source)?;
    dict.set_item(intern!(py, "error"), &error.error)?;
    Ok(dict)
}

/// Sets `key` to a part of a record converted through its serde model (`pythonize`).
fn set_serialized<T: serde::Serialize>(
    dict: &Bound<'_, PyDict>,
    key: &Bound<'_, PyString>,
    value: &T,
) -> PyResult<()> {
    let value = pythonize::pythonize(dict.py(), value)
        .map_err(|e| PyValueError::new_err(format!("cannot convert a record: {e}")))?;
    dict.set_item(key, value)
}

/// Python's cyclic garbage collector paused while a chunk of records is converted, and
/// restored to what it was (a caller's `gc.disable()` stays) when this is dropped.
///
/// A batch makes tens of thousands of dictionaries and lists, and every 700 of them start a
/// collection; as the list of reports grows, its survivors trigger full collections that walk
/// every object of the interpreter. The trees made here hold only new strings and numbers, so
/// they cannot form a cycle and those passes find nothing to free. The pause lasts while this
/// thread holds the GIL and makes objects through the C API, so no other thread sees the
/// collector disabled; only a record with an `id`, which goes through `json.loads`, runs
/// Python code meanwhile, where the interpreter may switch threads. The objects stay counted:
/// the collector looks at them at its next allocation after the conversion, once instead of
/// in every pass.
pub(crate) struct GcPause<'py> {
    was_enabled: bool,
    /// Made and dropped under the GIL, on this thread.
    _gil: PhantomData<Python<'py>>,
}

impl<'py> GcPause<'py> {
    pub(crate) fn new(_py: Python<'py>) -> Self {
        // SAFETY: the GIL is held (`_py`); PyGC_Disable cannot fail.
        let was_enabled = unsafe { pyo3::ffi::PyGC_Disable() } != 0;
        GcPause {
            was_enabled,
            _gil: PhantomData,
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: dropped on the thread that made it, which still holds the GIL.
            unsafe { pyo3::ffi::PyGC_Enable() };
        }
    }
}
