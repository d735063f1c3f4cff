//! Paths to inputs: files as named, folders walked in sorted order.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Error;
use crate::input::Input;

/// The inputs a list of paths stands for, and what was skipped.
#[derive(Debug, Default)]
pub struct Expansion {
    pub inputs: Vec<Input>,
    /// Notes for the user: one line per folder with skipped entries.
    pub notes: Vec<String>,
}

/// Expands paths into inputs: a file is itself (whatever its extension), a folder is its
/// accepted files, recursively, sorted by path. `extensions` are compared without the dot,
/// ignoring case.
/// A FIFO or device named is read at once, at most `max_bytes`.
pub fn expand(paths: &[PathBuf], extensions: &[String], max_bytes: u64) -> Expansion {
    let mut out = Expansion::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut skipped = 0;
                let before = out.inputs.len();
                walk(path, extensions, &mut out.inputs, &mut skipped);
                let patterns = extensions
                    .iter()
                    .map(|e| format!("*.{e}"))
                    .collect::<Vec<_>>()
                    .join("/");
                if skipped > 0 {
                    out.notes.push(format!(
                        "{}: skipped {skipped} hidden, linked-folder, special (FIFO, device, \
                         socket) or non-{patterns} entries",
                        path.display(),
                    ));
                }
                // An empty result is not an error, but should not pass unremarked either.
                if out.inputs.len() == before {
                    out.notes
                        .push(format!("{}: no {patterns} files found", path.display()));
                }
            }
            Ok(meta) if meta.is_file() => out.inputs.push(Input::File(path.clone())),
            // A FIFO or device named on the command line (`ringkas <(zcat a.gz)`) is read
            // now, once, like stdin: a batch reads its files twice (document frequencies,
            // then reports), and a pipe read a second time would come back empty.
            Ok(_) => out.inputs.push(read_special(path, max_bytes)),
            Err(source) => out.inputs.push(Input::Failed(Arc::new(Error::Io {
                path: path.display().to_string(),
                source,
            }))),
        }
    }
    out
}

/// Reads a non-regular file named explicitly into memory, at most `max_bytes` of it.
fn read_special(path: &Path, max_bytes: u64) -> Input {
    let name = path.display().to_string();
    match fs::File::open(path) {
        Ok(file) => crate::input::read_all(file, &name, max_bytes),
        Err(source) => Input::Failed(Arc::new(Error::Io { path: name, source })),
    }
}

fn walk(dir: &Path, extensions: &[String], inputs: &mut Vec<Input>, skipped: &mut usize) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            inputs.push(Input::Failed(Arc::new(Error::Io {
                path: dir.display().to_string(),
                source,
            })));
            return;
        }
    };
    let mut paths: Vec<(std::ffi::OsString, PathBuf, Option<fs::FileType>)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push((e.file_name(), e.path(), e.file_type().ok())),
            Err(source) => inputs.push(Input::Failed(Arc::new(Error::Io {
                path: dir.display().to_string(),
                source,
            }))),
        }
    }
    // All in one folder, so the order of their paths is the order of their names; comparing
    // names as bytes is several times cheaper than comparing paths component by component.
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, path, file_type) in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            *skipped += 1;
            continue;
        }
        let is_link = file_type.is_some_and(|t| t.is_symlink());
        // Follow a link only to learn what it points at; never walk into a linked folder.
        // A link that leads nowhere (dangling, a loop) is kept: reading it reports why.
        let target = if is_link {
            fs::metadata(&path).ok().map(|m| m.file_type())
        } else {
            file_type
        };
        if target.is_some_and(|t| t.is_dir()) {
            if is_link {
                *skipped += 1;
            } else {
                walk(&path, extensions, inputs, skipped);
            }
            continue;
        }
        // FIFOs, sockets and devices are not documents, and reading a FIFO nobody writes
        // to would hang the run.
        if target.is_some_and(|t| !t.is_file()) {
            *skipped += 1;
            continue;
        }
        let accepted = path.extension().is_some_and(|ext| {
            let ext = ext.to_string_lossy();
            extensions.iter().any(|e| e.eq_ignore_ascii_case(&ext))
        });
        if accepted {
            inputs.push(Input::File(path));
        } else {
            *skipped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DEFAULT_EXTENSIONS;

    #[test]
    fn input_expand_sorts_filters_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.pdf", ".hidden.txt", "sub/d.TXT"] {
            fs::write(root.join(name), "teks").unwrap();
        }
        let exts: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
        let ex = expand(&[root.to_path_buf()], &exts, u64::MAX);
        let names: Vec<String> = ex
            .inputs
            .iter()
            .map(|i| {
                i.name()
                    .strip_prefix(&root.display().to_string())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["/a.md", "/b.txt", "/sub/d.TXT"]);
        assert_eq!(ex.notes.len(), 1);
        assert!(ex.notes[0].contains("skipped 2"));
    }

    #[test]
    fn input_missing_path_is_a_failed_input() {
        let ex = expand(&[PathBuf::from("/nonexistent/ringkas")], &[], u64::MAX);
        assert_eq!(ex.inputs.len(), 1);
        let err = ex.inputs[0].load().unwrap_err();
        assert_eq!(
            err.to_string(),
            "/nonexistent/ringkas: no such file or directory"
        );
    }
}
