//! The learned ranker seen from the command line: `--explain` shows what the model saw, and
//! the thread count changes nothing.

mod common;

use std::fs;

use common::{jsonl, ringkas};
use ringkas::ranker::Model;
use ringkas::ranker::NAMES;
use ringkas::{Record, Report};

/// A long article (past the 64 sentences from which a document's sentences are scored in
/// parallel) and a short one.
fn articles() -> Vec<String> {
    let sample = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/berita-banjir.txt"),
    )
    .unwrap();
    let mut long = sample.clone();
    for k in 0..12 {
        long.push_str(&format!(
            "\n\nPada hari ke-{k}, petugas mendata {} rumah yang masih tergenang. Warga di \
             kelurahan {k} mengungsi ke masjid dan sekolah. \"Kami butuh air bersih,\" kata \
             seorang warga. Namun, hujan diperkirakan turun lagi pekan depan.",
            100 + k
        ));
    }
    vec![long, sample]
}

fn reports(out: &[u8]) -> Vec<Report> {
    jsonl(std::str::from_utf8(out).unwrap())
        .into_iter()
        .map(|r| match r {
            Record::Report(r) => r,
            Record::Error(e) => panic!("error record {e:?}"),
        })
        .collect()
}

#[test]
fn ranker_explain_is_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for (k, text) in articles().iter().enumerate() {
        fs::write(dir.path().join(format!("{k}.txt")), text).unwrap();
    }
    let run = |threads: &str| {
        let out = ringkas(Some(dir.path()))
            .args([".", "-f", "jsonl", "--explain", "-n", "5", "-j", threads])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let reports = reports(&one);
    assert_eq!(reports.len(), 2);
    assert!(reports[0].stats.sentences >= 64, "{:?}", reports[0].stats);
    // One document on stdin goes through the single-document path: the same there.
    let stdin = |threads: &str| {
        ringkas(None)
            .args(["-f", "json", "--explain", "-j", threads])
            .write_stdin(articles()[0].clone())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(stdin("1"), stdin("2"));
}

#[test]
fn ranker_explain_shows_the_features_the_score_came_from() {
    let out = ringkas(None)
        .args(["-f", "jsonl", "--explain", "-n", "3"])
        .write_stdin(articles()[1].clone())
        .output()
        .unwrap();
    let reports = reports(&out.stdout);
    let summary = &reports[0].summary;
    assert_eq!(summary.len(), 3);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    for name in NAMES {
        assert!(text.contains(&format!("\"{name}\":")), "{name} missing");
    }
    for s in summary {
        let features = s.features.expect("--explain adds features");
        let score = Model::embedded().score(&features);
        assert_eq!(s.score, (score * 10_000.0).round() / 10_000.0, "{s:?}");
    }
}

#[test]
fn ranker_explain_in_text_shows_each_sentence_s_features_under_it() {
    let out = ringkas(None)
        .args(["--explain", "-n", "2"])
        .write_stdin(articles()[1].clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let explained: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with("score "))
        .collect();
    assert_eq!(explained.len(), 2, "{text}");
    for i in explained {
        assert!(lines[i - 1].trim_start().starts_with('['), "{text}");
        for name in NAMES {
            assert!(
                lines[i].contains(&format!("{name} ")),
                "{name} missing: {text}"
            );
        }
    }
    let plain = ringkas(None)
        .args(["-n", "2"])
        .write_stdin(articles()[1].clone())
        .output()
        .unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains("score "));
}
