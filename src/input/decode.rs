//! Bytes to text: UTF-8 or UTF-16 with a byte-order mark, nothing guessed.

use crate::error::Error;

/// Bytes to text. UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark;
/// anything else is rejected, never guessed: a file with NUL bytes is binary, invalid UTF-8 is
/// an error naming the first bad byte.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Error> {
    if let Some(text) = decode_utf16(bytes) {
        return text.ok_or_else(|| Error::InvalidUtf8 {
            path: name.to_string(),
            offset: 0,
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: name.to_string(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: name.to_string(),
            offset: e.valid_up_to(),
        }),
    }
}

/// `Some` when the bytes start with a UTF-16 byte-order mark: the text, or `None` if invalid.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_decode_utf8_bom_and_utf16() {
        assert_eq!(decode("a", b"\xef\xbb\xbfhalo").unwrap(), "halo");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("halo".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode("a", &le).unwrap(), "halo");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("halo".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode("a", &be).unwrap(), "halo");
    }

    #[test]
    fn input_decode_rejects_invalid_and_binary() {
        let err = decode("x.txt", b"abc\xffdef").unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }));
        assert!(matches!(
            decode("x", b"ab\0c").unwrap_err(),
            Error::Binary { .. }
        ));
    }
}
