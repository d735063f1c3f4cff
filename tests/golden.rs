//! Golden outputs for `samples/`: the exact JSON ringkas writes for each bundled sample.
//! Regenerate after an intended change with `RINGKAS_BLESS=1 cargo test --test golden` and
//! review the diff.

mod common;

use std::fs;
use std::path::Path;

use common::ringkas;

#[test]
fn golden_samples_match() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut samples: Vec<_> = fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    samples.sort();
    assert!(samples.len() >= 3);
    let bless = std::env::var_os("RINGKAS_BLESS").is_some();
    for sample in samples {
        let name = sample.file_name().unwrap().to_string_lossy().to_string();
        let rel = format!("samples/{name}");
        let out = ringkas(None)
            .args([rel.as_str(), "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{rel} failed");
        let golden = root.join("tests/golden").join(format!("{name}.json"));
        if bless {
            fs::write(&golden, &out.stdout).unwrap();
            continue;
        }
        let want = fs::read_to_string(&golden).unwrap_or_else(|_| {
            panic!(
                "{} missing: run RINGKAS_BLESS=1 cargo test --test golden",
                golden.display()
            )
        });
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            want,
            "{rel} changed"
        );
    }
}
