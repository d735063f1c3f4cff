//! Stemming throughput: memoised over a news-like word stream, and unmemoised over its
//! distinct words. `RINGKAS_BENCH_TEXT=path` benchmarks another text instead.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ringkas::stem::{Lexicon, MemoStemmer, Stemmer};

/// A short news paragraph written for this benchmark, repeated with variations.
const NEWS: &str = "Pemerintah menyatakan bahwa pembangunan jalan tol di wilayah timur \
akan dilanjutkan tahun depan. Menteri keuangan mengatakan anggaran untuk perbaikan \
infrastruktur telah disetujui oleh dewan perwakilan rakyat. Para pengamat menilai \
kebijakan tersebut berdampak pada pertumbuhan ekonomi daerah, terutama bagi petani dan \
pedagang kecil yang selama ini kesulitan memasarkan hasil panennya. Warga berharap \
pekerjaan segera dimulai agar kemacetan berkurang dan harga-harga kebutuhan pokok \
menjadi lebih terjangkau. Pihak kepolisian mengimbau masyarakat untuk tetap mematuhi \
peraturan lalu lintas selama perbaikan berlangsung.";

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn stream() -> Vec<String> {
    if let Ok(path) = std::env::var("RINGKAS_BENCH_TEXT") {
        let text = std::fs::read_to_string(&path).expect("RINGKAS_BENCH_TEXT is readable");
        return words(&text);
    }
    // Vary the stream with clitics and particles so it is not one paragraph on repeat.
    let base = words(NEWS);
    let mut out = Vec::new();
    for round in 0..200 {
        for (i, w) in base.iter().enumerate() {
            out.push(match (round + i) % 7 {
                0 => format!("{w}nya"),
                3 => format!("{w}lah"),
                _ => w.clone(),
            });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let stemmer = Stemmer::indonesian(Lexicon::embedded());
    let stream = stream();
    let distinct: Vec<String> = {
        let mut seen = HashSet::new();
        stream.iter().filter(|w| seen.insert(*w)).cloned().collect()
    };
    let mut group = c.benchmark_group("stem");
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function("memoised_stream", |b| {
        b.iter(|| {
            let mut memo = MemoStemmer::new(&stemmer);
            for w in &stream {
                black_box(memo.stem(w));
            }
        })
    });
    group.throughput(Throughput::Elements(distinct.len() as u64));
    group.bench_function("unmemoised_distinct", |b| {
        b.iter(|| {
            for w in &distinct {
                black_box(stemmer.stem(w));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
