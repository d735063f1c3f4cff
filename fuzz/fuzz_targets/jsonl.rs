//! The JSON Lines reader on any bytes, as a file or stream would give them (byte-order marks,
//! UTF-16, long lines, invalid UTF-8 included): no panic; every line is a document or a named
//! error; ids are copied as written (a kept id parses back as JSON); the lines come in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringkas::input::{Input, JsonLines, text_reader};

fuzz_target!(|bytes: &[u8]| {
    let Ok(reader) = text_reader("f", Box::new(bytes)) else {
        return;
    };
    let mut last = 0;
    for (place, input) in JsonLines::new(reader, "f", "text").max_line(256).placed() {
        assert!(place.line >= last, "lines out of order");
        last = place.line;
        match input.document() {
            Ok(doc) => {
                if let Some(id) = doc.id {
                    let _: serde_json::Value = serde_json::from_str(id.json())
                        .expect("a kept id is one JSON value");
                }
            }
            Err(err) => assert!(!err.to_string().is_empty()),
        }
        if let Input::Line(line) = &input {
            assert!(line.bytes.len() <= 256, "a line past max_line was held");
        }
    }
});
