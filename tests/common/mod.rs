//! Shared helpers for the CLI tests: a clean `ringkas` command and typed JSON records.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;
use ringkas::Record;

/// The real binary with a clean environment, run in `dir` (or the crate root).
pub fn ringkas(dir: Option<&Path>) -> Command {
    let mut cmd = Command::cargo_bin("ringkas").expect("the binary is built by cargo test");
    cmd.env_clear();
    cmd.current_dir(dir.unwrap_or(Path::new(env!("CARGO_MANIFEST_DIR"))));
    cmd
}

/// Runs the real binary in `dir` with `args`, reads the first line of its output and then
/// closes the pipe, as `| head -1` does. Returns that line and how the process ended.
pub fn first_line_then_close(dir: &Path, args: &[&str]) -> (String, std::process::Output) {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ringkas"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringkas starts");
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout is piped"))
        .read_line(&mut first)
        .expect("stdout is readable");
    // The reader is dropped here, like `head -1` exiting.
    (first, child.wait_with_output().expect("ringkas ends"))
}

/// What `| head -1` must see: a first JSON line, then a quiet exit 0.
pub fn assert_closed_quietly(first: &str, out: &std::process::Output) {
    assert!(first.starts_with('{'), "first line {first:?}");
    assert!(out.status.success(), "status {:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("ringkas runs");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// JSON Lines output, each line a typed record.
pub fn jsonl(text: &str) -> Vec<Record> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL line {l:?}: {e}")))
        .collect()
}

pub fn report(record: &Record) -> &ringkas::Report {
    match record {
        Record::Report(r) => r,
        Record::Error(e) => panic!("expected a report, got error {e:?}"),
    }
}

pub const NEWS: &str = "Harga beras di Pasar Induk Cipinang naik tajam pekan ini. \
Pedagang menyebut pasokan beras dari Jawa Tengah berkurang karena panen mundur. \
Pemerintah berjanji menggelar operasi pasar beras mulai Senin. \
Warga mengeluhkan harga beras yang terus naik. \
Sementara itu, cuaca di Jakarta cerah sepanjang hari.";

/// `text` as UTF-16 with its byte-order mark, little- or big-endian.
pub fn utf16(text: &str, little: bool) -> Vec<u8> {
    let bom: [u8; 2] = if little { [0xff, 0xfe] } else { [0xfe, 0xff] };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(move |u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        }))
        .collect()
}

/// Makes a FIFO at `path` (with the system's `mkfifo`).
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}
