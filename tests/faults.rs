//! Faults and bad input, driving the real binary: every input gets exactly one record, in
//! order; every problem is named on stderr with its path and reason; the exit code follows
//! the README's table; nothing hangs.
//!
//! CI runs as root, where permission bits do not stop reads, so read failures are provoked
//! with links, directories, FIFOs and devices instead of `chmod`.
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{NEWS, jsonl, mkfifo, report, ringkas, utf16};
use ringkas::Record;
use ringkas::config::Format;
use ringkas::output::RecordWriter;

/// Long enough for any of these runs; a hang fails the test instead of stalling CI.
const PATIENCE: Duration = Duration::from_secs(60);

/// What a run gave: exit code, records (JSON Lines), stderr lines without the closing
/// batch summary ("ringkas: 3 documents, 1 failed, 0.01 s"), which is kept apart.
struct Run {
    code: Option<i32>,
    records: Vec<Record>,
    stderr: Vec<String>,
    summary: Option<String>,
}

/// Splits off the batch summary line, without its timing.
fn split_summary(mut lines: Vec<String>) -> (Vec<String>, Option<String>) {
    let is_summary = |l: &str| {
        l.strip_prefix("ringkas: ")
            .and_then(|rest| rest.split_once(" document"))
            .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
    };
    let summary = match lines.last() {
        Some(last) if is_summary(last) => lines.pop().map(|l| {
            let parts: Vec<&str> = l.split(", ").collect();
            parts[..parts.len().min(2)].join(", ")
        }),
        _ => None,
    };
    (lines, summary)
}

impl Run {
    fn sources(&self) -> Vec<&str> {
        self.records.iter().map(Record::source).collect()
    }

    fn error_of(&self, source: &str) -> &str {
        match self.records.iter().find(|r| r.source() == source) {
            Some(Record::Error(e)) => &e.error,
            other => panic!("expected an error record for {source}, got {other:?}"),
        }
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = ringkas(Some(dir))
        .args(args)
        .args(["-f", "jsonl"])
        .timeout(PATIENCE)
        .output()
        .expect("ringkas runs");
    let (stderr, summary) = split_summary(
        String::from_utf8(out.stderr)
            .expect("stderr is UTF-8")
            .lines()
            .map(str::to_string)
            .collect(),
    );
    Run {
        code: out.status.code(),
        records: jsonl(&String::from_utf8(out.stdout).expect("stdout is UTF-8")),
        stderr,
        summary,
    }
}

#[test]
fn fault_missing_path_and_dangling_link_are_one_error_each() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), NEWS).unwrap();
    symlink("nowhere.txt", dir.path().join("dangling.txt")).unwrap();
    let run = run_in(dir.path(), &["nope.txt", "ok.txt", "dangling.txt"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.sources(), ["nope.txt", "ok.txt", "dangling.txt"]);
    assert_eq!(run.error_of("nope.txt"), "no such file or directory");
    assert_eq!(run.error_of("dangling.txt"), "no such file or directory");
    report(&run.records[1]);
    assert_eq!(
        run.stderr,
        [
            "ringkas: nope.txt: no such file or directory",
            "ringkas: dangling.txt: no such file or directory"
        ]
    );
    assert_eq!(
        run.summary.as_deref(),
        Some("ringkas: 3 documents, 2 failed")
    );
}

#[test]
fn fault_directory_where_a_file_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("lists")).unwrap();
    fs::write(dir.path().join("ok.txt"), NEWS).unwrap();
    // A file path used as a folder.
    let run = run_in(dir.path(), &["ok.txt/", "ok.txt"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.sources(), ["ok.txt/", "ok.txt"]);
    assert_eq!(run.error_of("ok.txt/"), "not a directory");
    assert_eq!(run.stderr, ["ringkas: ok.txt/: not a directory"]);
    // A folder given where a word list is expected: fatal, nothing processed.
    for (flag, what) in [("--stopwords", "stopword list"), ("--lexicon", "lexicon")] {
        let run = run_in(dir.path(), &[flag, "lists", "ok.txt"]);
        assert_eq!(run.code, Some(2), "{flag}");
        assert!(run.records.is_empty());
        assert_eq!(
            run.stderr,
            [format!(
                "ringkas: lists: cannot read {what}: is a directory, expected a file"
            )]
        );
    }
}

#[test]
fn fault_symlink_loops_in_a_folder_end_and_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("a.txt"), NEWS).unwrap();
    fs::write(root.join("sub/c.txt"), NEWS).unwrap();
    // A folder linking to its parent, and two links pointing at each other.
    symlink("..", root.join("sub/up")).unwrap();
    symlink("b2.txt", root.join("b1.txt")).unwrap();
    symlink("b1.txt", root.join("b2.txt")).unwrap();
    let run = run_in(dir.path(), &["docs"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.sources(),
        ["docs/a.txt", "docs/b1.txt", "docs/b2.txt", "docs/sub/c.txt"]
    );
    assert_eq!(
        run.error_of("docs/b1.txt"),
        "too many levels of symbolic links"
    );
    assert!(
        run.stderr
            .contains(&"ringkas: docs/b2.txt: too many levels of symbolic links".to_string()),
        "{:?}",
        run.stderr
    );
    assert!(
        run.stderr[0].starts_with("ringkas: note: docs: skipped 1 "),
        "{:?}",
        run.stderr
    );
}

/// The file list is made first, the files are read later: a file deleted in between is an
/// error record in its place. Made deterministic with a FIFO named after the folder: ringkas
/// lists the folder, then blocks reading the FIFO (named inputs that are not regular files
/// are read when the arguments are expanded), and the test deletes a listed file while
/// ringkas waits for the FIFO's writer.
#[test]
fn fault_file_vanishing_between_listing_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(docs.join(name), NEWS).unwrap();
    }
    let pipe = dir.path().join("pipe");
    mkfifo(&pipe);
    let child = StdCommand::new(env!("CARGO_BIN_EXE_ringkas"))
        .args(["docs", "pipe", "-f", "jsonl", "-j", "1"])
        .current_dir(dir.path())
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening a FIFO for writing waits for its reader: once open, ringkas has listed docs/.
    let mut writer = fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    fs::remove_file(docs.join("b.txt")).unwrap();
    writer.write_all(NEWS.as_bytes()).unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    let records = jsonl(&String::from_utf8(out.stdout).unwrap());
    let sources: Vec<&str> = records.iter().map(Record::source).collect();
    assert_eq!(
        sources,
        ["docs/a.txt", "docs/b.txt", "docs/c.txt", "pipe"],
        "one record per listed input, in order"
    );
    assert!(matches!(&records[1], Record::Error(e) if e.error == "no such file or directory"));
    assert!(
        !report(&records[3]).keywords.is_empty(),
        "the FIFO was read"
    );
    assert_eq!(out.status.code(), Some(1));
    let (stderr, summary) = split_summary(
        String::from_utf8(out.stderr)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect(),
    );
    assert_eq!(stderr, ["ringkas: docs/b.txt: no such file or directory"]);
    assert_eq!(summary.as_deref(), Some("ringkas: 4 documents, 1 failed"));
}

#[test]
fn fault_fifo_and_devices_in_a_folder_are_skipped_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), NEWS).unwrap();
    // Nobody ever writes to this FIFO: reading it would hang the run.
    mkfifo(&root.join("b.txt"));
    // Device files, reached through links (mknod needs privileges CI may not have): reading
    // /dev/zero would never end.
    symlink("/dev/zero", root.join("c.txt")).unwrap();
    symlink("/dev/null", root.join("d.txt")).unwrap();
    fs::write(root.join("e.txt"), NEWS).unwrap();
    let started = Instant::now();
    let run = run_in(dir.path(), &["docs"]);
    assert!(started.elapsed() < PATIENCE);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.sources(), ["docs/a.txt", "docs/e.txt"]);
    assert_eq!(
        run.stderr,
        [
            "ringkas: note: docs: skipped 3 hidden, linked-folder, special (FIFO, device, socket) \
          or non-*.txt/*.md/*.html/*.htm entries"
        ]
    );
}

#[test]
fn fault_device_named_explicitly_is_read_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["/dev/null"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.sources(), ["/dev/null"]);
    assert_eq!(report(&run.records[0]).stats.words, 0);
}

#[test]
fn fault_binary_and_invalid_utf8_files_in_a_folder_are_rejected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), NEWS).unwrap();
    fs::write(root.join("b.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0").unwrap();
    fs::write(root.join("c.txt"), b"Harga naik.\xc3\x28 tinggi").unwrap();
    // Odd length after a UTF-16 byte-order mark, and a lone surrogate: not UTF-16 either.
    fs::write(root.join("d.txt"), b"\xff\xfeH\0a").unwrap();
    fs::write(root.join("e.txt"), b"\xff\xfe\x00\xd8a\0").unwrap();
    let run = run_in(dir.path(), &["docs"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.sources(),
        [
            "docs/a.txt",
            "docs/b.txt",
            "docs/c.txt",
            "docs/d.txt",
            "docs/e.txt"
        ]
    );
    assert_eq!(
        run.error_of("docs/b.txt"),
        "binary file (contains NUL bytes), not text"
    );
    let invalid = "invalid UTF-8 at byte 11 (file rejected; convert it to UTF-8)";
    assert_eq!(run.error_of("docs/c.txt"), invalid);
    assert!(run.error_of("docs/d.txt").starts_with("invalid UTF-16"));
    assert!(run.error_of("docs/e.txt").starts_with("invalid UTF-16"));
    assert_eq!(
        run.stderr,
        [
            "ringkas: docs/b.txt: binary file (contains NUL bytes), not text".to_string(),
            format!("ringkas: docs/c.txt: {invalid}"),
            "ringkas: docs/d.txt: invalid UTF-16 (odd length or unpaired surrogate), not read"
                .to_string(),
            "ringkas: docs/e.txt: invalid UTF-16 (odd length or unpaired surrogate), not read"
                .to_string(),
        ]
    );
}

/// UTF-16 (either byte order) with a byte-order mark, UTF-8 with one, and CRLF line ends all
/// give exactly the report of the plain UTF-8, LF text.
#[test]
fn fault_encodings_and_line_ends_give_the_same_report() {
    let text = format!("Banjir di Bekasi\n\n{NEWS}\nWarga diminta waspada.\n");
    let dir = tempfile::tempdir().unwrap();
    let crlf = text.replace('\n', "\r\n");
    let files: [(&str, Vec<u8>); 6] = [
        ("plain.txt", text.clone().into_bytes()),
        ("utf16le.txt", utf16(&text, true)),
        ("utf16be.txt", utf16(&text, false)),
        ("bom.txt", [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat()),
        ("crlf.txt", crlf.clone().into_bytes()),
        ("cr.txt", text.replace('\n', "\r").into_bytes()),
    ];
    let mut names = Vec::new();
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).unwrap();
        names.push(*name);
    }
    // One at a time: a batch would score each against the others.
    let plain = run_in(dir.path(), &["plain.txt"]);
    let expected = report(&plain.records[0]);
    // The first line is the headline, not a heading.
    assert!(!expected.summary.is_empty() && expected.stats.headings == 0);
    assert_eq!(expected.title.as_deref(), Some("Banjir di Bekasi"));
    for name in &names[1..] {
        let run = run_in(dir.path(), &[name]);
        assert_eq!(run.code, Some(0), "{name}");
        assert!(run.stderr.is_empty(), "{name}: {:?}", run.stderr);
        let got = report(&run.records[0]);
        assert_eq!(
            (&got.title, &got.keywords, &got.summary, &got.stats),
            (
                &expected.title,
                &expected.keywords,
                &expected.summary,
                &expected.stats
            ),
            "{name}"
        );
    }
    // And the `sentences` command prints the same lines for CRLF as for LF.
    let lines = |name: &str| {
        let out = ringkas(Some(dir.path()))
            .args(["sentences", name])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(lines("crlf.txt"), lines("plain.txt"));
}

#[test]
fn fault_empty_folder_gives_no_records_and_a_note() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let run = run_in(dir.path(), &["empty"]);
    assert_eq!(run.code, Some(0));
    assert!(run.records.is_empty());
    assert_eq!(
        run.stderr,
        ["ringkas: note: empty: no *.txt/*.md/*.html/*.htm files found"]
    );
    let out = ringkas(Some(dir.path()))
        .args(["empty", "-f", "json", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
    assert!(out.stderr.is_empty());
}

#[test]
fn fault_zero_and_absurd_counts() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    let run = run_in(dir.path(), &["a.txt", "--sentences", "0"]);
    assert_eq!(run.code, Some(0));
    assert!(report(&run.records[0]).summary.is_empty());
    assert!(!report(&run.records[0]).keywords.is_empty());
    // The largest numbers that parse: as many keywords and sentences as there are.
    let max = u64::MAX.to_string();
    let run = run_in(dir.path(), &["a.txt", "-k", &max, "-n", &max]);
    assert_eq!(run.code, Some(0), "{:?}", run.stderr);
    let r = report(&run.records[0]);
    assert_eq!(r.summary.len(), 5);
    assert!(r.keywords.len() > 10);
    let run = run_in(dir.path(), &["a.txt", "--ratio", "1e-300"]);
    assert_eq!(report(&run.records[0]).summary.len(), 1);
}

#[test]
fn fault_bad_option_values_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["-k", "-1"], "error: unexpected argument '-1' found"),
        (
            &["--sentences", "-3"],
            "error: unexpected argument '-3' found",
        ),
        (
            &["--ratio=-0.5"],
            "error: invalid value '-0.5' for '--ratio <R>'",
        ),
        (
            &["--ratio", "0"],
            "error: invalid value '0' for '--ratio <R>'",
        ),
        (
            &["--ratio", "NaN"],
            "error: invalid value 'NaN' for '--ratio <R>'",
        ),
        (
            &["-n", "99999999999999999999999"],
            "error: invalid value '99999999999999999999999' for '--sentences <N>'",
        ),
        (
            &["-j", "100000"],
            "error: invalid value '100000' for '--threads <N>'",
        ),
        (
            &["--lang", "fr"],
            "error: invalid value 'fr' for '--lang <LANG>'",
        ),
    ];
    for (args, message) in cases {
        let run = run_in(dir.path(), &[&["a.txt"], *args].concat());
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(run.records.is_empty(), "{args:?}");
        assert!(
            run.stderr.first().is_some_and(|l| l.starts_with(message)),
            "{args:?}: {:?}",
            run.stderr
        );
    }
}

#[test]
fn fault_unusable_word_lists_are_fatal() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    fs::write(dir.path().join("latin1.txt"), b"caf\xe9\n").unwrap();
    fs::write(
        dir.path().join("comments.txt"),
        "# nothing but comments\n\n",
    )
    .unwrap();
    symlink("gone.txt", dir.path().join("dangling.txt")).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "--stopwords",
            "missing.txt",
            "cannot read stopword list: no such file or directory",
        ),
        (
            "--stopwords",
            "dangling.txt",
            "cannot read stopword list: no such file or directory",
        ),
        (
            "--stopwords",
            "latin1.txt",
            "stopword list is not UTF-8 (byte 3)",
        ),
        (
            "--lexicon",
            "missing.txt",
            "cannot read lexicon: no such file or directory",
        ),
        ("--lexicon", "latin1.txt", "lexicon is not UTF-8 (byte 3)"),
        ("--lexicon", "comments.txt", "lexicon holds no words"),
    ];
    for (flag, file, problem) in cases {
        let run = run_in(dir.path(), &[flag, file, "a.txt"]);
        assert_eq!(run.code, Some(2), "{flag} {file}");
        assert!(run.records.is_empty(), "nothing is processed");
        assert_eq!(run.stderr, [format!("ringkas: {file}: {problem}")]);
    }
}

/// `| head -1` in every output mode: ringkas stops at the closed pipe, quietly, exit 0.
#[test]
fn fault_closed_pipe_exits_quietly_in_every_mode() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{NEWS}\n").repeat(2000);
    fs::write(dir.path().join("long.txt"), &long).unwrap();
    for i in 0..300 {
        fs::write(dir.path().join(format!("{i:03}.txt")), NEWS).unwrap();
    }
    for args in [
        &[".", "-f", "text"][..],
        &[".", "-f", "json"],
        &[".", "-f", "jsonl"],
        &["sentences", "long.txt"],
    ] {
        let (first, out) = common::first_line_then_close(dir.path(), args);
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Ctrl-C in the middle of a folder run: the JSON Lines file holds whole records only.
/// Records here are longer than the 8 KiB output buffer, the case that used to go out in
/// pieces.
#[test]
fn fault_sigint_leaves_only_whole_lines() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    let long_sentence = |i: usize| {
        format!(
            "Pemerintah daerah nomor {i} menyiapkan {} untuk warga. ",
            "bantuan beras, minyak goreng, gula pasir dan obat-obatan ".repeat(60)
        )
    };
    // Records go out a chunk (128) behind the scoring, so several chunks leave time to interrupt.
    for i in 0..600 {
        let text: String = (0..4).map(|k| long_sentence(i * 4 + k)).collect();
        fs::write(docs.join(format!("{i:03}.txt")), text).unwrap();
    }
    let out_path = dir.path().join("out.jsonl");
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_ringkas"))
        .args(["docs", "-f", "jsonl", "-j", "1", "--explain"])
        .current_dir(dir.path())
        .env_clear()
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + PATIENCE;
    while fs::metadata(&out_path).unwrap().len() == 0 {
        assert!(Instant::now() < deadline, "no output");
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        thread::sleep(Duration::from_millis(2));
    }
    let killed = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "ended by SIGINT: {status:?}");
    let text = fs::read_to_string(&out_path).unwrap();
    assert!(text.ends_with('\n'), "a partial last line");
    let records = jsonl(&text);
    assert!(!records.is_empty() && records.len() < 600);
    assert!(records.iter().all(|r| r.source().starts_with("docs/")));
}

/// The writer hands the sink one complete line per record, in a single write.
#[test]
fn fault_jsonl_writer_writes_whole_lines() {
    struct Writes(Vec<Vec<u8>>);
    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let engine = ringkas::Engine::new(&ringkas::Config::default()).unwrap();
    let big = engine.report(
        "big",
        &format!("{NEWS} ").repeat(400).replace(". ", ", dan "),
    );
    let records = [
        Record::Report(big),
        Record::Report(engine.report("small", NEWS)),
    ];
    let mut sink = Writes(Vec::new());
    let mut writer = RecordWriter::new(&mut sink, Format::Jsonl, records.len());
    for r in &records {
        writer.write(r).unwrap();
    }
    writer.finish().unwrap();
    assert_eq!(sink.0.len(), 2);
    assert!(
        sink.0[0].len() > 8192,
        "the first record is longer than a buffer"
    );
    for (write, record) in sink.0.iter().zip(&records) {
        assert_eq!(write.last(), Some(&b'\n'));
        let parsed: Record = serde_json::from_slice(write).unwrap();
        assert_eq!(&parsed, record);
    }
}

/// `--input jsonl`: a malformed line is an error record naming its line number, in its place;
/// the other lines still give their reports.
#[test]
fn fault_malformed_jsonl_lines_are_reported_by_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let news = serde_json::to_string(NEWS).unwrap();
    let lines = [
        format!(r#"{{"id": 1, "text": {news}}}"#),
        "not json".to_string(),
        r#"{"id": 3}"#.to_string(),
        String::new(),
        r#"{"id": 5, "text": 5}"#.to_string(),
        "[1, 2]".to_string(),
        format!(r#"{{"id": 7, "text": {news}"#),
        format!(r#"{{"id": 8, "text": {news}}}"#),
    ];
    fs::write(dir.path().join("in.jsonl"), lines.join("\n")).unwrap();
    let run = run_in(dir.path(), &["--input", "jsonl", "in.jsonl"]);
    assert_eq!(run.code, Some(1));
    let problems: Vec<String> = run
        .records
        .iter()
        .map(|r| match r {
            Record::Report(_) => "report".to_string(),
            Record::Error(e) => e.error.clone(),
        })
        .collect();
    assert_eq!(
        problems,
        [
            "report",
            "line 2: not JSON (expected ident at column 2)",
            "line 3: no field `text`",
            "line 5: field `text` is not a string",
            "line 6: not a JSON object",
            &format!(
                "line 7: not JSON (EOF while parsing an object at column {})",
                lines[6].len()
            ),
            "report",
        ]
    );
    assert!(run.records.iter().all(|r| r.source() == "in.jsonl"));
    assert_eq!(
        run.stderr,
        problems
            .iter()
            .filter(|p| *p != "report")
            .map(|p| format!("ringkas: in.jsonl: {p}"))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        run.summary.as_deref(),
        Some("ringkas: 7 documents, 5 failed")
    );
}
