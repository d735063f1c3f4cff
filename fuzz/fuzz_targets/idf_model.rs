//! The IDF model reader on any bytes: no panic, no hang, and memory bounded by the input (a
//! header's claimed count reserves nothing); a model it accepts writes back to the same model,
//! and merges with itself without overflow panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringkas::IdfModel;

fuzz_target!(|bytes: &[u8]| {
    let Ok(model) = IdfModel::read(bytes, "m.idf") else {
        return;
    };
    let mut out = Vec::new();
    model.write(&mut out).expect("writing to memory");
    let again = IdfModel::read(&out[..], "again.idf").expect("a written model reads back");
    assert_eq!(again, model);
    let mut doubled = model.clone();
    let _ = doubled.merge(&model, "m.idf");
});
