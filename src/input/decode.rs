//! Bytes to text: UTF-8 or UTF-16 with a byte-order mark, nothing guessed. The one decoder
//! of every file ringkas reads as text: documents, JSON Lines (a stream, through
//! [`text_reader`]), stopword and lexicon files, `stem` input.

use std::io::{self, BufRead, Read};

use crate::error::Error;

/// The byte-order marks of UTF-32, recognised to be refused by name (checked before UTF-16's:
/// `FF FE 00 00` starts with UTF-16LE's mark).
fn utf32_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xfe, 0xff, ..] => Some("UTF-32BE"),
        _ => None,
    }
}

fn utf32_error(name: &str, which: &str) -> Error {
    Error::Refused {
        path: name.to_string(),
        problem: format!("{which} text (byte-order mark), not read; convert it to UTF-8"),
    }
}

/// Bytes to text. UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark;
/// anything else is rejected, never guessed: UTF-32 is named, a file with NUL bytes is binary,
/// invalid UTF-8 is an error naming the first bad byte.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Error> {
    if let Some(which) = utf32_bom(bytes) {
        return Err(utf32_error(name, which));
    }
    if let Some(text) = decode_utf16(bytes) {
        return text.ok_or_else(|| Error::Refused {
            path: name.to_string(),
            problem: "invalid UTF-16 (odd length or unpaired surrogate), not read".to_string(),
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

/// [`decode`] of text that is UTF-8 already: the same text or error as
/// `decode(name, text.as_bytes())` (no UTF-16 or UTF-32 mark can start UTF-8), without
/// checking the encoding again.
pub fn decode_str(name: &str, text: &str) -> Result<String, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.as_bytes().contains(&0) {
        return Err(Error::Binary {
            path: name.to_string(),
        });
    }
    Ok(text.to_string())
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

/// A stream as UTF-8 text, decoded as [`decode`] decodes a file: a UTF-8 byte-order mark is
/// skipped, UTF-16 (with its mark) is turned into UTF-8 as it is read, UTF-32 is refused.
/// Lines read from it are still to be checked for valid UTF-8.
pub fn text_reader<'r>(
    name: &str,
    mut reader: Box<dyn BufRead + 'r>,
) -> Result<Box<dyn BufRead + 'r>, Error> {
    let io = |source| Error::Io {
        path: name.to_string(),
        source,
    };
    // Up to four bytes, though a read may give fewer.
    let mut head = Vec::with_capacity(4);
    while head.len() < 4 {
        let buf = reader.fill_buf().map_err(io)?;
        if buf.is_empty() {
            break;
        }
        let take = buf.len().min(4 - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
    }
    if let Some(which) = utf32_bom(&head) {
        return Err(utf32_error(name, which));
    }
    let rest = io::Cursor::new(head.clone());
    Ok(match head.as_slice() {
        [0xef, 0xbb, 0xbf, ..] => Box::new(io::Cursor::new(head[3..].to_vec()).chain(reader)),
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => {
            let little = head[0] == 0xff;
            let body = io::Cursor::new(head[2..].to_vec()).chain(reader);
            Box::new(io::BufReader::with_capacity(
                1 << 16,
                Utf16 {
                    inner: body,
                    little,
                    out: Vec::new(),
                    at: 0,
                },
            ))
        }
        _ => Box::new(rest.chain(reader)),
    })
}

/// UTF-16 bytes in, UTF-8 bytes out.
struct Utf16<R> {
    inner: R,
    little: bool,
    /// Decoded bytes not yet handed out.
    out: Vec<u8>,
    at: usize,
}

impl<R: Read> Utf16<R> {
    /// Decodes the next block into `out`; false at the end of the stream.
    fn refill(&mut self) -> io::Result<bool> {
        let mut raw = vec![0u8; 1 << 14];
        let mut n = 0;
        // An even number of bytes, and a high surrogate never last.
        loop {
            let got = self.inner.read(&mut raw[n..])?;
            n += got;
            let complete = n % 2 == 0 && (n == 0 || !self.high_last(&raw[..n]));
            if got == 0 || (complete && n > 0) {
                if got == 0 && !complete {
                    return Err(invalid_utf16());
                }
                break;
            }
            if n == raw.len() {
                raw.resize(n + 2, 0);
            }
        }
        if n == 0 {
            return Ok(false);
        }
        let units = raw[..n].chunks_exact(2).map(|p| {
            if self.little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        self.out.clear();
        self.at = 0;
        for c in char::decode_utf16(units) {
            let c = c.map_err(|_| invalid_utf16())?;
            let mut buf = [0u8; 4];
            self.out
                .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        Ok(true)
    }

    fn high_last(&self, raw: &[u8]) -> bool {
        let p = &raw[raw.len() - 2..];
        let unit = if self.little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        };
        (0xd800..0xdc00).contains(&unit)
    }
}

fn invalid_utf16() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "invalid UTF-16 (odd length or unpaired surrogate)",
    )
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_decode_str_is_decode_of_its_bytes() {
        let texts = [
            "",
            "halo",
            "\u{feff}halo",
            "\u{feff}\u{feff}dua tanda",
            "\u{feff}",
            "a\0b",
            "\0\0\u{feff}",
            "Harga cabai naik — kata Ibu Siti, \"mahal\".\r\n\u{2028}😀",
            "\u{fffe}\u{ffff}",
        ];
        for text in texts {
            let of_str = decode_str("x", text).map_err(|e| e.to_string());
            let of_bytes = decode("x", text.as_bytes()).map_err(|e| e.to_string());
            assert_eq!(of_str, of_bytes, "{text:?}");
        }
        assert!(decode_str("x", "a\0b").is_err());
    }

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
    fn input_decode_names_utf32_and_streams_utf16() {
        let err = decode("a", b"\xff\xfe\0\0h\0\0\0").unwrap_err().to_string();
        assert!(err.starts_with("a: UTF-32LE text"), "{err}");
        let err = decode("a", b"\0\0\xfe\xffh").unwrap_err().to_string();
        assert!(err.starts_with("a: UTF-32BE text"), "{err}");
        let text = "satu\nd\u{e9}ua \u{1f600}\n".repeat(5000);
        for (bom, little) in [([0xffu8, 0xfe], true), ([0xfe, 0xff], false)] {
            let bytes: Vec<u8> = bom
                .into_iter()
                .chain(text.encode_utf16().flat_map(|u| {
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                }))
                .collect();
            let mut got = String::new();
            text_reader("a", Box::new(&bytes[..]))
                .unwrap()
                .read_to_string(&mut got)
                .unwrap();
            assert_eq!(got, text);
            assert_eq!(decode("a", &bytes).unwrap(), text);
        }
        let mut got = String::new();
        text_reader("a", Box::new(&b"\xef\xbb\xbfhalo"[..]))
            .unwrap()
            .read_to_string(&mut got)
            .unwrap();
        assert_eq!(got, "halo");
        let mut got = String::new();
        text_reader("a", Box::new(&b"ha"[..]))
            .unwrap()
            .read_to_string(&mut got)
            .unwrap();
        assert_eq!(got, "ha");
        let mut sink = Vec::new();
        let odd = text_reader("a", Box::new(&b"\xff\xfeh\0i"[..]))
            .unwrap()
            .read_to_end(&mut sink);
        assert!(odd.is_err());
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
