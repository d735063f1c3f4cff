//! Our own fault campaign (issue 19), driving the real binary as a hostile user and a busy
//! pipeline would: files that change between the passes of a batch, streams, model files,
//! closed pipes, huge inputs, odd ids and encodings, signals, odd file names. Every case must
//! give each input a record or a named error, never crash, clobber or lose anything.
//!
//! Records are checked as JSON values (not typed structs), so an id is seen as written.
#![cfg(unix)]

mod common;

use common::{mkfifo, utf16};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const NEWS: &str = "Harga beras di Pasar Induk Cipinang naik tajam pekan ini. Pedagang \
    mengeluhkan pasokan dari Karawang yang berkurang. Pemerintah berjanji menggelar operasi \
    pasar untuk menekan harga beras.";

/// A hang fails the test instead of stalling CI.
const PATIENCE: Duration = Duration::from_secs(60);

/// The binary under test; `RINGKAS_CAMPAIGN_BIN` runs the campaign against another build
/// (to see each case fail before its fix).
fn ringkas(dir: &Path) -> Command {
    let bin = std::env::var_os("RINGKAS_CAMPAIGN_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_ringkas").into());
    let mut cmd = Command::new(bin);
    cmd.env_clear().current_dir(dir);
    cmd
}

/// Waits for a child, killing it (and failing) past [`PATIENCE`].
fn finish(mut child: Child) -> Output {
    let started = Instant::now();
    while child.try_wait().expect("waitable").is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("ringkas hung");
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("ringkas ends")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let child = ringkas(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringkas starts");
    finish(child)
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad line {l:?}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `{"id": id, "text": text}` lines.
fn lines(items: &[(&str, &str)]) -> String {
    items
        .iter()
        .map(|(id, text)| format!("{{\"id\": {id}, \"text\": {}}}\n", Value::from(*text)))
        .collect()
}

/// Runs a two-pass JSON Lines batch over `a.jsonl` and a FIFO: the first pass has read all of
/// `a.jsonl` when it opens the FIFO, so `change` runs between the passes.
fn changed_between_passes(first: &str, change: impl FnOnce(&Path)) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    fs::write(&a, first).unwrap();
    let fifo = dir.path().join("b.fifo");
    mkfifo(&fifo);
    let child = ringkas(dir.path())
        .args(["--input", "jsonl", "-f", "jsonl", "a.jsonl", "b.fifo"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringkas starts");
    // Opening blocks until ringkas opens the FIFO, after reading a.jsonl.
    let mut writer = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    change(&a);
    writer
        .write_all(lines(&[("\"b1\"", NEWS)]).as_bytes())
        .unwrap();
    drop(writer);
    finish(child)
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| match r.get("id") {
            Some(id) => id.to_string(),
            None => format!("error:{}", r["source"].as_str().unwrap_or("?")),
        })
        .collect()
}

fn three() -> String {
    lines(&[
        (
            "1",
            "Banjir melanda Bekasi sejak pagi. Warga mengungsi ke masjid.",
        ),
        ("2", NEWS),
        (
            "3",
            "Tim nasional menang dua gol. Pelatih memuji para pemain muda.",
        ),
    ])
}

#[test]
fn campaign_jsonl_growing_between_passes_keeps_ids_with_their_lines() {
    let out = changed_between_passes(&three(), |a| {
        let mut f = fs::OpenOptions::new().append(true).open(a).unwrap();
        f.write_all(lines(&[("4", "Harga cabai turun. Petani mengeluh.")]).as_bytes())
            .unwrap();
    });
    let recs = records(&out);
    assert_eq!(
        ids(&recs),
        ["1", "2", "3", "4", "\"b1\""],
        "{}",
        stderr(&out)
    );
    for (r, source) in recs
        .iter()
        .zip(["a.jsonl", "a.jsonl", "a.jsonl", "a.jsonl", "b.fifo"])
    {
        assert_eq!(r["source"], source);
        assert!(r.get("error").is_none(), "{r}");
    }
    // Each record is its own line's: the fourth is about chillies, the last about rice.
    assert!(
        recs[3]["summary"].to_string().contains("cabai"),
        "{}",
        recs[3]
    );
    assert!(
        recs[4]["summary"].to_string().contains("beras"),
        "{}",
        recs[4]
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn campaign_jsonl_line_rewritten_between_passes_is_an_error_of_its_own() {
    let out = changed_between_passes(&three(), |a| {
        let text = fs::read_to_string(a).unwrap().replace("Bekasi", "Depok!");
        fs::write(a, text).unwrap();
    });
    let recs = records(&out);
    assert_eq!(recs.len(), 4, "{}", stderr(&out));
    assert!(
        recs[0]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("changed while reading")),
        "{}",
        recs[0]
    );
    assert_eq!(ids(&recs[1..]), ["2", "3", "\"b1\""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ringkas: a.jsonl: changed while reading"));
}

#[test]
fn campaign_jsonl_deleted_between_passes_is_named_and_nothing_shifts() {
    let out = changed_between_passes(&three(), |a| fs::remove_file(a).unwrap());
    let recs = records(&out);
    assert_eq!(ids(&recs), ["error:a.jsonl", "\"b1\""], "{}", stderr(&out));
    let error = recs[0]["error"].as_str().unwrap();
    assert!(error.starts_with("changed while reading"), "{error}");
    assert!(error.contains("no such file"), "{error}");
    assert!(recs[1]["summary"].to_string().contains("beras"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn campaign_jsonl_truncated_between_passes_reports_the_lost_lines() {
    let out = changed_between_passes(&three(), |a| {
        let first = fs::read_to_string(a)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        fs::write(a, first + "\n").unwrap();
    });
    let recs = records(&out);
    assert_eq!(
        ids(&recs),
        ["1", "error:a.jsonl", "\"b1\""],
        "{}",
        stderr(&out)
    );
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("2 of its documents are gone")
    );
    assert_eq!(out.status.code(), Some(1));
}

/// `--input jsonl` on a FIFO, process substitution or piped `/dev/stdin`: JSON Lines, one
/// record per line, in both a one-pass (`--idf`) and a two-pass run, and in `idf build`.
#[test]
fn campaign_jsonl_streams_are_parsed_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let data = three();
    for args in [
        &["--input", "jsonl", "-f", "jsonl", "/dev/stdin"][..],
        &["--input", "jsonl", "-f", "jsonl", "-"][..],
    ] {
        let mut child = ringkas(dir.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(data.as_bytes())
            .unwrap();
        let out = finish(child);
        assert_eq!(
            ids(&records(&out)),
            ["1", "2", "3"],
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A FIFO, read by `idf build` (one pass) and then by a scoring run (two passes).
    let fifo = dir.path().join("in.fifo");
    mkfifo(&fifo);
    let feed = |data: String, fifo: PathBuf| {
        thread::spawn(move || {
            let mut w = fs::OpenOptions::new().write(true).open(fifo).unwrap();
            w.write_all(data.as_bytes()).unwrap();
        })
    };
    let writer = feed(data.clone(), fifo.clone());
    let out = run(
        dir.path(),
        &["idf", "build", "--input", "jsonl", "in.fifo", "-o", "m.idf"],
    );
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let model = fs::read_to_string(dir.path().join("m.idf")).unwrap();
    assert!(model.contains("\ndocuments 3\n"), "{model}");
    assert!(
        !model.contains("\ntext\t"),
        "JSON keys counted as words: {model}"
    );
    let writer = feed(data, fifo);
    let out = run(dir.path(), &["--input", "jsonl", "-f", "jsonl", "in.fifo"]);
    writer.join().unwrap();
    assert_eq!(ids(&records(&out)), ["1", "2", "3"], "{}", stderr(&out));
}

/// Reads all of a reader, for threads draining a child's pipes.
#[allow(dead_code)]
fn drain(mut r: impl Read) -> Vec<u8> {
    let mut v = Vec::new();
    let _ = r.read_to_end(&mut v);
    v
}

#[test]
fn campaign_idf_build_names_each_failed_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), NEWS).unwrap();
    fs::write(dir.path().join("latin1.txt"), b"caf\xe9 enak sekali.\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "idf",
            "build",
            "ok.txt",
            "nope.txt",
            "latin1.txt",
            "-o",
            "m.idf",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("ringkas: nope.txt: no such file or directory\n"),
        "{err}"
    );
    assert!(
        err.contains("ringkas: latin1.txt: invalid UTF-8 at byte 3"),
        "{err}"
    );
    let model = fs::read_to_string(dir.path().join("m.idf")).unwrap();
    assert!(model.contains("\ndocuments 1\n"), "{model}");
}

/// The files in `dir`, sorted: no temporary file may be left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn campaign_model_output_never_replaces_special_files_nor_leaves_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("ok.txt"), NEWS).unwrap();
    let out = run(d, &["idf", "build", "ok.txt", "-o", "m.idf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let model = fs::read(d.join("m.idf")).unwrap();
    mkfifo(&d.join("pipe.idf"));
    std::os::unix::fs::symlink("m.idf", d.join("link.idf")).unwrap();
    fs::create_dir(d.join("dir.idf")).unwrap();
    for (target, want) in [
        ("pipe.idf", "not a regular file"),
        ("link.idf", "symbolic link"),
        ("dir.idf", "directory"),
    ] {
        for args in [
            &["idf", "build", "ok.txt", "-o", target][..],
            &["idf", "merge", "m.idf", "-o", target][..],
        ] {
            let out = run(d, args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = stderr(&out);
            assert!(
                err.contains(&format!("ringkas: {target}: ")) && err.contains(want),
                "{err}"
            );
        }
    }
    let pipe = fs::symlink_metadata(d.join("pipe.idf")).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&pipe.file_type()));
    assert!(
        fs::symlink_metadata(d.join("link.idf"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(d.join("m.idf")).unwrap(), model);
    // A folder that cannot take the file: an error, and nothing left behind.
    let out = run(d, &["idf", "build", "ok.txt", "-o", "nowhere/m.idf"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        listing(d),
        ["dir.idf", "link.idf", "m.idf", "ok.txt", "pipe.idf"]
    );
}

#[test]
fn campaign_model_files_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), NEWS).unwrap();
    let bin = std::env::var("RINGKAS_CAMPAIGN_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_ringkas").to_string());
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" idf build -q ok.txt -o m{umask}.idf"
            ))
            .arg(&bin)
            .current_dir(dir.path())
            .status()
            .unwrap();
        assert!(status.success());
        let meta = fs::metadata(dir.path().join(format!("m{umask}.idf"))).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, mode, "umask {umask}");
    }
}

#[test]
fn campaign_model_reads_are_bounded_and_truncation_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("ok.txt"), NEWS).unwrap();
    let header = "ringkas-idf 1\nlanguage id\ndocuments 5\n";
    fs::write(
        d.join("cut.idf"),
        format!("{header}terms 2\nberas\t1\nharga\t4"),
    )
    .unwrap();
    fs::write(
        d.join("huge.idf"),
        format!("{header}terms 999999999999\nberas\t1\n"),
    )
    .unwrap();
    fs::write(
        d.join("over.idf"),
        "ringkas-idf 1\nlanguage id\ndocuments 18446744073709551615\nterms 1\nberas\t18446744073709551615\n",
    )
    .unwrap();
    for (model, want) in [
        ("/dev/zero", "line too long"),
        ("cut.idf", "truncated"),
        ("huge.idf", "truncated"),
    ] {
        let out = run(d, &["ok.txt", "--idf", model]);
        assert_eq!(out.status.code(), Some(2), "{model}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("ringkas: {model}: ")) && err.contains(want),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = run(
        d,
        &["idf", "merge", "over.idf", "over.idf", "-o", "sum.idf"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("overflow"), "{}", stderr(&out));
    assert!(!d.join("sum.idf").exists());
}

fn bin() -> String {
    std::env::var("RINGKAS_CAMPAIGN_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_ringkas").to_string())
}

/// `ringkas dir/ -f jsonl 2>&1 | head -1`: error lines on a closed stderr are no crash.
#[test]
fn campaign_closed_stderr_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        fs::write(dir.path().join(format!("a{i:02}.txt")), b"\xff").unwrap();
    }
    for i in 0..200 {
        fs::write(dir.path().join(format!("d{i:03}.txt")), NEWS).unwrap();
    }
    let out = Command::new("bash")
        .arg("-c")
        .arg("\"$0\" . -f jsonl 2>&1 | head -1 >/dev/null; echo ${PIPESTATUS[0]}")
        .arg(bin())
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    // The same without a race: stderr a pipe nobody reads from any more.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = ringkas(dir.path())
        .args([".", "-f", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 240);
}

/// Output that cannot be written (a full disk: `/dev/full`) is a named error, never a panic,
/// whichever command writes it.
#[test]
fn campaign_full_output_is_a_named_error_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), NEWS).unwrap();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [
        &["ok.txt"][..],
        &["--help"][..],
        &["completions", "bash"][..],
        &["man"][..],
        &["stem", "memakan"][..],
        &["sentences", "ok.txt"][..],
    ] {
        let out = ringkas(dir.path())
            .args(args)
            .stdout(full())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // Messages to a full stderr are dropped; the records still go out, and the exit code
    // still says an input failed.
    fs::write(dir.path().join("bad.txt"), b"\xff").unwrap();
    let out = ringkas(dir.path())
        .args(["-f", "jsonl", "ok.txt", "bad.txt"])
        .stdout(Stdio::piped())
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 2);
}

/// A huge (sparse) file, a long JSON line, a big stdin: each an error record of its own,
/// found before or while reading, never read whole; the inputs around them are untouched.
#[test]
fn campaign_max_bytes_gives_big_inputs_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("ok.txt"), NEWS).unwrap();
    // Sparse: 300 MiB that take no disk, above the default limit of 256 MiB.
    fs::File::create(d.join("huge.txt"))
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let out = run(d, &["-f", "jsonl", "ok.txt", "huge.txt"]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0].get("error").is_none());
    assert_eq!(
        recs[1]["error"],
        "larger than --max-bytes (268435456 bytes), not read"
    );
    assert_eq!(out.status.code(), Some(1));
    let long = format!("{{\"id\": 2, \"text\": \"{}\"}}\n", "kata ".repeat(400));
    fs::write(
        d.join("long.jsonl"),
        three().replacen("{\"id\": 2", "{\"id\": 9", 1) + &long,
    )
    .unwrap();
    let out = run(
        d,
        &[
            "--input",
            "jsonl",
            "-f",
            "jsonl",
            "--max-bytes",
            "1K",
            "long.jsonl",
        ],
    );
    let recs = records(&out);
    assert_eq!(
        ids(&recs),
        ["1", "9", "3", "error:long.jsonl"],
        "{}",
        stderr(&out)
    );
    assert_eq!(
        recs[3]["error"],
        "line 4: longer than --max-bytes (1024 bytes), not read"
    );
    let mut child = ringkas(d)
        .args(["-f", "jsonl", "--max-bytes", "100"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = thread::spawn(move || {
        let _ = stdin.write_all(NEWS.repeat(100).as_bytes());
    });
    let out = finish(child);
    feeder.join().unwrap();
    assert_eq!(
        records(&out)[0]["error"],
        "larger than --max-bytes (100 bytes), not read"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Ids come out byte for byte as written: big integers, decimals, exponents, escapes,
/// objects; in a two-pass batch (kept analyses) and a one-pass stream, in JSON and JSON Lines.
#[test]
fn campaign_ids_are_copied_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let written = [
        "12345678901234567890123",
        "12345678901234567890124",
        "1.50",
        "1e400",
        "\"caf\\u00e9\"",
        "{\"b\": 1, \"a\": [2.0]}",
    ];
    let input: String = written
        .iter()
        .map(|id| format!("{{\"id\": {id}, \"text\": {}}}\n", Value::from(NEWS)))
        .collect();
    fs::write(dir.path().join("ids.jsonl"), &input).unwrap();
    for args in [
        &["--input", "jsonl", "-f", "jsonl", "ids.jsonl"][..],
        &["--input", "jsonl", "-f", "json", "ids.jsonl"][..],
    ] {
        let out = run(dir.path(), args);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        for id in written {
            let compact = format!("\"id\":{id}");
            let pretty = format!("\"id\": {id}");
            assert!(
                text.contains(&compact) || text.contains(&pretty),
                "{args:?}: id {id} not as written"
            );
        }
    }
}

/// BOMs and UTF-16 the same in every file ringkas reads; UTF-32 refused by name; invalid
/// UTF-8 refused, never replaced.
#[test]
fn campaign_encodings_are_decoded_the_same_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = three();
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(data.as_bytes());
    fs::write(d.join("bom.jsonl"), bom).unwrap();
    fs::write(d.join("le.jsonl"), utf16(&data, true)).unwrap();
    fs::write(d.join("be.jsonl"), utf16(&data, false)).unwrap();
    for file in ["bom.jsonl", "le.jsonl", "be.jsonl"] {
        let out = run(d, &["--input", "jsonl", "-f", "jsonl", file]);
        assert_eq!(
            ids(&records(&out)),
            ["1", "2", "3"],
            "{file}: {}",
            stderr(&out)
        );
        assert!(out.status.success());
    }
    let mut utf32 = vec![0xff, 0xfe, 0, 0];
    for c in NEWS.chars() {
        utf32.extend_from_slice(&(c as u32).to_le_bytes());
    }
    fs::write(d.join("u32.txt"), &utf32).unwrap();
    fs::write(d.join("u32.jsonl"), &utf32).unwrap();
    let out = run(d, &["-f", "jsonl", "u32.txt"]);
    assert!(
        records(&out)[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("UTF-32LE text")
    );
    let out = run(d, &["--input", "jsonl", "-f", "jsonl", "u32.jsonl"]);
    assert!(
        records(&out)[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("UTF-32LE text")
    );
    assert_eq!(out.status.code(), Some(1));
    // An invalid UTF-8 byte in a JSON line: that line's error, named as such.
    fs::write(
        d.join("bad.jsonl"),
        [
            &b"{\"id\": 1, \"text\": \"caf\xe9 enak.\"}\n"[..],
            lines(&[("2", NEWS)]).as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let out = run(d, &["--input", "jsonl", "-f", "jsonl", "bad.jsonl"]);
    let recs = records(&out);
    assert!(
        recs[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 1: invalid UTF-8 at byte 22"),
        "{}",
        recs[0]
    );
    assert_eq!(ids(&recs[1..]), ["2"]);
    // Stopwords in UTF-16 with a BOM work like UTF-8 ones: `beras` is no keyword then.
    fs::write(d.join("ok.txt"), NEWS).unwrap();
    fs::write(d.join("stop.txt"), utf16("beras\nharga\n", true)).unwrap();
    let out = run(d, &["-f", "jsonl", "--stopwords", "stop.txt", "ok.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let keywords = records(&out)[0]["keywords"].to_string();
    assert!(!keywords.contains("beras"), "{keywords}");
    // A lexicon with a UTF-8 BOM loads; one in UTF-32 is refused by name.
    fs::write(d.join("lex.txt"), "\u{feff}makan\nharga\n").unwrap();
    let out = run(d, &["stem", "--lexicon", "lex.txt", "memakan"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "makan\n",
        "{}",
        stderr(&out)
    );
    let out = run(d, &["stem", "--lexicon", "u32.txt", "memakan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("UTF-32LE"), "{}", stderr(&out));
    // `stem` input: UTF-16 read, invalid UTF-8 refused.
    for (input, want, code) in [
        (utf16("memakan\n", true), "makan\n", 0),
        (b"caf\xe9\n".to_vec(), "", 2),
    ] {
        let mut child = ringkas(d)
            .arg("stem")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = finish(child);
        assert_eq!(String::from_utf8_lossy(&out.stdout), want);
        assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
    }
}

fn kill(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP stop a run promptly even while its output is blocked
/// (a reader that stopped reading), and what was read holds whole records only.
#[test]
fn campaign_signals_stop_a_run_blocked_on_output() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        fs::write(
            dir.path().join(format!("d{i:03}.txt")),
            format!("{NEWS} Nomor {i}."),
        )
        .unwrap();
    }
    for signal in ["-INT", "-TERM", "-HUP"] {
        let mut child = ringkas(dir.path())
            .args([".", "-f", "jsonl", "-q"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Nobody reads: the pipe fills and the run blocks on it.
        thread::sleep(Duration::from_millis(1500));
        kill(&child, signal);
        let started = Instant::now();
        let mut stdout = child.stdout.take().unwrap();
        let reader = thread::spawn(move || drain(&mut stdout));
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("{signal}: still running 10 s after the signal");
            }
            thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(130), "{signal}");
        let out = reader.join().unwrap();
        let text = String::from_utf8_lossy(&out);
        // Whole records up to the last line end (a write blocked past the grace period may be
        // cut; it is never followed by more output).
        for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{signal}: {e}"));
        }
    }
}

/// File names with control characters are shown escaped on the terminal: in messages and
/// in text headers.
#[test]
fn campaign_file_names_are_escaped_for_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "a\x1b]0;pwned\x07\nringkas: fake.txt";
    fs::write(dir.path().join(evil), NEWS).unwrap();
    fs::write(dir.path().join("b.txt"), NEWS).unwrap();
    let out = run(dir.path(), &[evil, "b.txt", "nope\x1b[2J.txt"]);
    let err = stderr(&out);
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert!(
        err.contains("ringkas: nope\\x1b[2J.txt: no such file or directory"),
        "{err:?}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(
        text.contains("==> a\\x1b]0;pwned\\x07\\x0aringkas: fake.txt <=="),
        "{text:?}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Cases of our own: the same JSON Lines file named twice keeps its two runs apart (pairing is
/// by place, not by name); `topics` spools a stream like the main command; blank and CRLF
/// lines keep their line numbers.
#[test]
fn campaign_jsonl_same_file_twice_and_topics_over_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.jsonl"), three().replace('\n', "\r\n\n")).unwrap();
    let out = run(
        d,
        &["--input", "jsonl", "-f", "jsonl", "a.jsonl", "a.jsonl"],
    );
    assert_eq!(
        ids(&records(&out)),
        ["1", "2", "3", "1", "2", "3"],
        "{}",
        stderr(&out)
    );
    assert!(out.status.success());
    let bad = "{\"id\": 1, \"text\": \"Satu.\"}\r\n\r\nnot json\r\n";
    fs::write(d.join("b.jsonl"), bad).unwrap();
    let out = run(
        d,
        &["--input", "jsonl", "-f", "jsonl", "b.jsonl", "b.jsonl"],
    );
    let errors: Vec<&str> = records(&out)
        .iter()
        .filter_map(|r| r["error"].as_str().map(str::to_string))
        .map(|e| {
            if e.starts_with("line 3: not JSON") {
                "line 3"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(errors, ["line 3", "line 3"], "{}", stderr(&out));
    let fifo = d.join("in.fifo");
    mkfifo(&fifo);
    let data = three();
    let writer = thread::spawn(move || {
        let mut w = fs::OpenOptions::new().write(true).open(fifo).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    });
    let out = run(
        d,
        &[
            "topics", "--input", "jsonl", "-f", "jsonl", "-t", "2", "in.fifo",
        ],
    );
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = records(&out)
        .iter()
        .filter(|r| r.get("topic").is_some() && r.get("source").is_some())
        .count();
    assert_eq!(docs, 3, "{}", String::from_utf8_lossy(&out.stdout));
}
