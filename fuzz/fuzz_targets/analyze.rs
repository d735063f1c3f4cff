//! The whole analysis of arbitrary bytes: decode, then `Engine::report`, as the binary does
//! for one document. The first byte picks the language and the summary length, so both
//! stemmers and the ratio path are covered; the rest is the document.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::{Config, Engine, Language, SummaryLength};

fn engine(choice: u8) -> &'static Engine {
    static ENGINES: OnceLock<Vec<Engine>> = OnceLock::new();
    let engines = ENGINES.get_or_init(|| {
        let configs = [
            (Language::Indonesian, SummaryLength::Sentences(3)),
            (Language::Indonesian, SummaryLength::Ratio(0.5)),
            (Language::English, SummaryLength::Sentences(2)),
            (Language::Indonesian, SummaryLength::Sentences(usize::MAX)),
        ];
        configs
            .into_iter()
            .map(|(language, length)| {
                let config = Config {
                    language,
                    length,
                    threads: 1,
                    ..Config::default()
                };
                Engine::new(&config).expect("the embedded lists load")
            })
            .collect()
    });
    &engines[usize::from(choice) % engines.len()]
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = ringkas::input::decode("fuzz", bytes) else {
        return;
    };
    let report = engine(choice).report("fuzz", &text);
    assert!(report.keywords.len() <= 10);
    assert!(report.summary.windows(2).all(|w| w[0].index < w[1].index));
    assert!(
        report
            .summary
            .iter()
            .all(|s| s.index < report.stats.sentences)
    );
    serde_json::to_string(&report).expect("a report always serialises");
});
