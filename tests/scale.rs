//! The binary at corpus scale: JSON Lines in, IDF models, and what a long run says on stderr.

mod common;

use std::fs;
use std::path::Path;

use common::{NEWS, jsonl, report, ringkas, stdout_of};
use ringkas::Record;

/// A JSON Lines corpus of `n` small news documents with ids.
fn corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!(
                "{NEWS} Dokumen {i} membahas banjir di kota {}. Banjir merendam rumah warga.",
                i % 7
            );
            serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string() + "\n"
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

/// `ringkas idf build --input jsonl INPUT -o MODEL -q` in `dir`, which must succeed.
fn idf_build(dir: &Path, input: &str, model: &str) {
    let out = ringkas(Some(dir))
        .args(["idf", "build", "--input", "jsonl", input, "-o", model, "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "idf build {input}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn jsonl_input_gives_one_record_per_line_with_ids_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = corpus(5);
    text.push_str("not json\n{\"id\": 9, \"body\": \"Banjir lagi.\"}\n");
    write(dir.path(), "in.jsonl", &text);
    let out = ringkas(Some(dir.path()))
        .args(["--input", "jsonl", "in.jsonl", "-f", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(records.len(), 7);
    for (i, record) in records[..5].iter().enumerate() {
        let r = report(record);
        assert_eq!(
            r.id.as_ref().map(|id| id.value()),
            Some(serde_json::json!(format!("doc-{i}")))
        );
        assert_eq!(r.source, "in.jsonl");
    }
    let Record::Error(bad) = &records[5] else {
        panic!("line 6 is not JSON: {:?}", records[5]);
    };
    assert!(bad.error.starts_with("line 6: not JSON"), "{}", bad.error);
    assert!(matches!(&records[6], Record::Error(e) if e.error == "line 7: no field `text`"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("ringkas: in.jsonl: line 6: not JSON"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("ringkas: 7 documents, 2 failed, "),
        "{stderr}"
    );

    // --text-field renames the field; stdin works the same way.
    let renamed = stdout_of(
        ringkas(None)
            .args([
                "--input",
                "jsonl",
                "--text-field",
                "body",
                "-f",
                "jsonl",
                "-q",
            ])
            .write_stdin("{\"id\": 9, \"body\": \"Banjir lagi di Bekasi.\"}\n"),
    );
    let records = jsonl(&renamed);
    assert_eq!(
        report(&records[0]).id.as_ref().map(|id| id.json()),
        Some("9")
    );
    assert_eq!(report(&records[0]).source, "-");
}

#[test]
fn jsonl_stdin_matches_the_file_and_threads_do_not_matter() {
    let dir = tempfile::tempdir().unwrap();
    let text = corpus(40);
    write(dir.path(), "in.jsonl", &text);
    let from_file = |threads: &str| {
        stdout_of(ringkas(Some(dir.path())).args([
            "--input", "jsonl", "in.jsonl", "-f", "jsonl", "-q", "-j", threads,
        ]))
    };
    let one = from_file("1");
    assert_eq!(one, from_file("2"));
    let from_stdin = stdout_of(
        ringkas(None)
            .args(["--input", "jsonl", "-f", "jsonl", "-q"])
            .write_stdin(text),
    );
    assert_eq!(
        one.replace("\"source\":\"in.jsonl\"", "\"source\":\"-\""),
        from_stdin
    );
}

#[test]
fn idf_build_merge_and_score_against_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = corpus(30);
    let lines: Vec<&str> = text.lines().collect();
    write(root, "all.jsonl", &text);
    write(root, "a.jsonl", &(lines[..10].join("\n") + "\n"));
    write(root, "b.jsonl", &(lines[10..].join("\n") + "\n"));
    let run = |args: &[&str]| {
        let out = ringkas(Some(root)).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    for (input, model) in [
        ("all.jsonl", "all.idf"),
        ("a.jsonl", "a.idf"),
        ("b.jsonl", "b.idf"),
    ] {
        idf_build(root, input, model);
    }
    run(&["idf", "merge", "b.idf", "a.idf", "-o", "ba.idf"]);
    let all = fs::read(root.join("all.idf")).unwrap();
    assert_eq!(all, fs::read(root.join("ba.idf")).unwrap());
    assert!(all.starts_with(b"ringkas-idf 1\nlanguage id\ndocuments 30\n"));

    // Shards scored against the merged model give the records of the whole.
    let score = |file: &str| {
        String::from_utf8(
            run(&[
                "--input", "jsonl", "--idf", "ba.idf", "-f", "jsonl", "-q", file,
            ])
            .stdout,
        )
        .unwrap()
        .replace(&format!("\"source\":\"{file}\""), "\"source\":\"x\"")
    };
    assert_eq!(score("all.jsonl"), score("a.jsonl") + &score("b.jsonl"));
    // Without a model, the whole is its own corpus: the same statistics as the model.
    let batch =
        String::from_utf8(run(&["--input", "jsonl", "all.jsonl", "-f", "jsonl", "-q"]).stdout)
            .unwrap()
            .replace("\"source\":\"all.jsonl\"", "\"source\":\"x\"");
    assert_eq!(batch, score("all.jsonl"));

    // One document on stdin is scored against the model too.
    let alone = stdout_of(ringkas(None).args(["-f", "json"]).write_stdin(NEWS));
    let modelled = stdout_of(
        ringkas(Some(root))
            .args(["-f", "json", "--idf", "all.idf"])
            .write_stdin(NEWS),
    );
    let modelled: Record = serde_json::from_str(&modelled).unwrap();
    assert_ne!(serde_json::from_str::<Record>(&alone).unwrap(), modelled);
    report(&modelled);
}

#[test]
fn idf_foreign_or_corrupt_model_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "foreign.idf", "{\"not\": \"a model\"}\n");
    write(
        root,
        "short.idf",
        "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 5\nberas\t1\n",
    );
    for (model, want) in [
        (
            "foreign.idf",
            "ringkas: foreign.idf: not a ringkas IDF model",
        ),
        ("short.idf", "ringkas: short.idf: corrupt IDF model (line 6"),
        (
            "missing.idf",
            "ringkas: missing.idf: no such file or directory",
        ),
    ] {
        let out = ringkas(Some(root))
            .args(["--idf", model])
            .write_stdin(NEWS)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with(want), "{stderr}");
        let merge = ringkas(Some(root))
            .args(["idf", "merge", model, "-o", "out.idf"])
            .output()
            .unwrap();
        assert_eq!(merge.status.code(), Some(2));
        assert!(!root.join("out.idf").exists());
    }
    // A model of another language is refused.
    write(root, "en.jsonl", "{\"text\": \"The rice prices rose.\"}\n");
    ringkas(Some(root))
        .args([
            "idf", "build", "-l", "en", "--input", "jsonl", "en.jsonl", "-o", "en.idf", "-q",
        ])
        .assert()
        .success();
    let out = ringkas(Some(root))
        .args(["--idf", "en.idf"])
        .write_stdin(NEWS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("model is for language `en`")
    );
}

#[test]
fn batch_summary_line_unless_quiet_and_never_for_one_document() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", NEWS);
    write(dir.path(), "b.txt", NEWS);
    let out = ringkas(Some(dir.path()))
        .args(["a.txt", "b.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("ringkas: 2 documents, 0 failed, ") && stderr.ends_with(" s\n"));
    let quiet = ringkas(Some(dir.path()))
        .args(["a.txt", "b.txt", "-q"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    let one = ringkas(Some(dir.path())).args(["a.txt"]).output().unwrap();
    assert!(one.stderr.is_empty());
}

#[test]
fn jsonl_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in.jsonl", &corpus(600));
    let (first, out) =
        common::first_line_then_close(dir.path(), &["--input", "jsonl", "in.jsonl", "-f", "jsonl"]);
    common::assert_closed_quietly(&first, &out);
}

#[test]
fn jsonl_on_stdin_with_a_model_hands_on_records_while_stdin_is_open() {
    // Input is read a chunk at a time (128 lines) and each chunk's records are flushed before
    // more input is read: a caller that writes a few hundred lines and waits before writing
    // more must get the records of the chunks it completed, with stdin still open. (A single
    // line waits for its chunk to fill or for the end of input.)
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "all.jsonl", &corpus(10));
    idf_build(root, "all.jsonl", "m.idf");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ringkas"))
        .current_dir(root)
        .args(["--input", "jsonl", "--idf", "m.idf", "-f", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap() > 0 {
            if tx.send(std::mem::take(&mut line)).is_err() {
                break;
            }
        }
    });
    let lines = corpus(300);
    stdin.write_all(lines.as_bytes()).unwrap();
    stdin.flush().unwrap();
    // Two complete chunks (pipeline::CHUNK is 128), all of their records, the last of them
    // too: not only what filled the output buffer.
    for i in 0..256 {
        let record = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("record {i} of the complete chunks, stdin open"));
        assert!(record.contains(&format!("\"id\":\"doc-{i}\"")), "{record}");
    }
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    assert_eq!(rest.len(), 44);
    reader.join().unwrap();
    assert!(child.wait().unwrap().success());
}
