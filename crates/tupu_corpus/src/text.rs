//! Bytes to text: UTF-8 is taken as it is (a UTF-8 byte-order mark dropped); anything else is
//! named as well as the bytes allow, so the message says what the file is and how to convert it.
//!
//! Naming is a heuristic, and says so: magic numbers for executables, archives, images and
//! documents; byte-order marks for UTF-16 and UTF-32; the pattern of zero bytes for UTF-16
//! without a mark; and for the two double-byte Chinese encodings, the shape of their byte pairs
//! (Big5 puts ~40 % of its second bytes in 0x40–0x7E, GB2312 none; GBK/GB18030 add lead bytes
//! 0x81–0xA0 and four-byte sequences). Nothing is converted: tupu never guesses an encoding
//! into the graph.

use thiserror::Error;

/// What bytes that are not UTF-8 text appear to be.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NotText {
    /// A file format recognised by its first bytes.
    #[error("this is {what}, not text")]
    Binary {
        /// What it is ("an ELF executable or shared library").
        what: &'static str,
    },
    /// Gzip-compressed data.
    #[error(
        "this is gzip-compressed data, not text (a gzipped JSON Lines corpus must be named *.jsonl.gz; decompress anything else with gunzip)"
    )]
    Gzip,
    /// UTF-16 or UTF-32, with or without a byte-order mark.
    #[error("this is {encoding} text, not UTF-8; convert it first: iconv -f {iconv} -t UTF-8")]
    Unicode {
        /// How it was told ("UTF-16 (little-endian, with a byte-order mark)").
        encoding: &'static str,
        /// The name `iconv` knows it by.
        iconv: &'static str,
    },
    /// A legacy double-byte Chinese encoding, guessed from its byte patterns.
    #[error(
        "this is not UTF-8; it looks like {encoding} (a guess from its byte patterns); convert it first: iconv -f {iconv} -t UTF-8"
    )]
    Legacy {
        /// "Big5" or "GB18030 (or GBK, GB2312)".
        encoding: &'static str,
        /// The name `iconv` knows it by.
        iconv: &'static str,
    },
    /// UTF-8 that breaks off or is damaged: the text before the bad byte is UTF-8 with
    /// characters beyond ASCII, which a legacy encoding does not give.
    #[error("this is UTF-8 text {problem} at byte {offset} (a truncated or damaged file?)")]
    DamagedUtf8 {
        /// "cut off in the middle of a character", or "with an invalid byte".
        problem: &'static str,
        /// Byte offset of the bad sequence.
        offset: usize,
    },
    /// Not UTF-8, and not an encoding recognised here.
    #[error(
        "this is not UTF-8 text (invalid byte at offset {offset}) and not an encoding tupu recognises; convert it to UTF-8 first"
    )]
    Unknown {
        /// Byte offset of the first invalid UTF-8 sequence.
        offset: usize,
    },
}

/// Formats recognised by their first bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x7fELF", "an ELF executable or shared library"),
    (b"MZ", "a Windows executable"),
    (b"\xca\xfe\xba\xbe", "a Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\0asm", "a WebAssembly module"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx or .epub document)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office (OLE) document"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\xfd7zXZ\0", "xz-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
];

/// The text of `bytes`, or what they are instead.
///
/// # Errors
/// [`NotText`] when the bytes are not UTF-8 text (whether they are valid Unicode text beyond
/// that — NUL and control characters — is the article reader's business).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, NotText> {
    if let Some(kind) = identify(&bytes) {
        return Err(kind);
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let cut_off = e.utf8_error().error_len().is_none();
        let bytes = e.into_bytes();
        // Valid UTF-8 with characters beyond ASCII before the bad byte: damaged UTF-8.
        let prefix = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
        if cut_off || prefix.chars().filter(|c| !c.is_ascii()).take(8).count() == 8 {
            let problem = if cut_off { "cut off in the middle of a character" } else { "with an invalid byte" };
            return NotText::DamagedUtf8 { problem, offset };
        }
        utf16_without_mark(&bytes).or_else(|| legacy_chinese(&bytes)).unwrap_or(NotText::Unknown { offset })
    })
}

/// A format told by magic number or byte-order mark, whether or not the bytes happen to be UTF-8.
pub(crate) fn identify(bytes: &[u8]) -> Option<NotText> {
    if bytes.starts_with(b"\x1f\x8b") {
        return Some(NotText::Gzip);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        // "MZ" and "BZh" are also how plain text may begin: only when the rest is not text.
        if !(matches!(*what, "a Windows executable" | "bzip2-compressed data") && std::str::from_utf8(bytes).is_ok()) {
            return Some(NotText::Binary { what });
        }
    }
    let unicode = |encoding, iconv| Some(NotText::Unicode { encoding, iconv });
    // UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
    if bytes.starts_with(b"\xff\xfe\0\0") {
        return unicode("UTF-32 (little-endian, with a byte-order mark)", "UTF-32");
    }
    if bytes.starts_with(b"\0\0\xfe\xff") {
        return unicode("UTF-32 (big-endian, with a byte-order mark)", "UTF-32");
    }
    if bytes.starts_with(b"\xff\xfe") {
        return unicode("UTF-16 (little-endian, with a byte-order mark)", "UTF-16");
    }
    if bytes.starts_with(b"\xfe\xff") {
        return unicode("UTF-16 (big-endian, with a byte-order mark)", "UTF-16");
    }
    None
}

/// UTF-16 without a mark: zero bytes (the high or low half of ASCII code units) mostly on one
/// side of each byte pair. CJK code units have no zero half, so this finds text with some ASCII
/// (digits, Latin names, line breaks), which news has.
fn utf16_without_mark(bytes: &[u8]) -> Option<NotText> {
    let sample = &bytes[..bytes.len().min(65_536) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    if pairs < 4 || (even + odd) * 20 < pairs {
        return None;
    }
    let encoding = if odd > even * 9 {
        "UTF-16 (little-endian, without a byte-order mark; a guess from its zero bytes)"
    } else if even > odd * 9 {
        "UTF-16 (big-endian, without a byte-order mark; a guess from its zero bytes)"
    } else {
        return None;
    };
    let iconv = if odd > even { "UTF-16LE" } else { "UTF-16BE" };
    Some(NotText::Unicode { encoding, iconv })
}

/// How the high bytes of a text pair up, counted over its first 64 KiB.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct PairShape {
    /// Two-byte sequences (lead 0x81–0xFE).
    pairs: usize,
    /// … whose second byte is 0x40–0x7E: common in Big5, absent from GB2312.
    low_trail: usize,
    /// … whose lead byte is 0x81–0xA0: GBK's extension, user-defined in Big5.
    low_lead: usize,
    /// GB18030's four-byte sequences (lead, digit, lead, digit).
    four_byte: usize,
    /// High bytes that start no sequence of either encoding.
    invalid: usize,
}

fn pair_shape(bytes: &[u8]) -> PairShape {
    let sample = &bytes[..bytes.len().min(65_536)];
    let mut shape = PairShape::default();
    let lead = |b: u8| (0x81..=0xfe).contains(&b);
    let mut i = 0;
    while i < sample.len() {
        let b = sample[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match sample.get(i + 1..i + 4) {
            Some(&[t, l2, d2, ..]) if lead(b) && t.is_ascii_digit() && lead(l2) && d2.is_ascii_digit() => {
                shape.four_byte += 1;
                i += 4;
                continue;
            }
            _ => {}
        }
        match sample.get(i + 1) {
            Some(&t) if lead(b) && ((0x40..=0x7e).contains(&t) || (0x80..=0xfe).contains(&t)) => {
                shape.pairs += 1;
                shape.low_trail += usize::from(t <= 0x7e);
                shape.low_lead += usize::from(b <= 0xa0);
                i += 2;
            }
            _ => {
                shape.invalid += 1;
                i += 1;
            }
        }
    }
    shape
}

/// Big5 or GB18030, when the high bytes pair up as one of them does.
fn legacy_chinese(bytes: &[u8]) -> Option<NotText> {
    let s = pair_shape(bytes);
    if s.pairs + s.four_byte < 2 || s.invalid * 10 > s.pairs {
        return None;
    }
    let gb = NotText::Legacy { encoding: "GB18030 (or GBK, GB2312)", iconv: "GB18030" };
    let big5 = NotText::Legacy { encoding: "Big5", iconv: "BIG5-HKSCS" };
    Some(if s.four_byte > 0 || s.low_lead * 10 > s.pairs {
        gb
    } else if s.low_trail * 10 > s.pairs {
        big5
    } else {
        gb
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Sentences written for these tests, encoded with Python's codecs.
    /// 「市政府今日公布新的交通計劃，預計明年完成。」 in Big5.
    const BIG5: &[u8] = b"\xa5\xab\xac\x46\xa9\xb2\xa4\xb5\xa4\xe9\xa4\xbd\xa5\xac\xb7\x73\xaa\xba\xa5\xe6\xb3\x71\xad\x70\xb9\xba\xa1\x41\xb9\x77\xad\x70\xa9\xfa\xa6\x7e\xa7\xb9\xa6\xa8\xa1\x43";
    /// 「市政府今日公布新的交通计划，预计明年完成。」 in GB2312 (a subset of GB18030).
    const GB2312: &[u8] = b"\xca\xd0\xd5\xfe\xb8\xae\xbd\xf1\xc8\xd5\xb9\xab\xb2\xbc\xd0\xc2\xb5\xc4\xbd\xbb\xcd\xa8\xbc\xc6\xbb\xae\xa3\xac\xd4\xa4\xbc\xc6\xc3\xf7\xc4\xea\xcd\xea\xb3\xc9\xa1\xa3";
    /// 「市政府今日公佈新的交通計劃」 in GBK: Traditional characters use GBK's extension leads.
    const GBK_TRADITIONAL: &[u8] =
        b"\xca\xd0\xd5\xfe\xb8\xae\xbd\xf1\xc8\xd5\xb9\xab\x81\xd1\xd0\xc2\xb5\xc4\xbd\xbb\xcd\xa8\xd3\x8b\x84\x9d";

    fn legacy(bytes: &[u8]) -> &'static str {
        match decode(bytes.to_vec()) {
            Err(NotText::Legacy { encoding, .. }) => encoding,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn utf8_is_text_and_loses_its_byte_order_mark() {
        assert_eq!(decode("市政府".as_bytes().to_vec()).unwrap(), "市政府");
        assert_eq!(decode(b"\xef\xbb\xbf\xe5\xb8\x82".to_vec()).unwrap(), "市");
        assert_eq!(decode(b"MZ is how this line begins".to_vec()).unwrap(), "MZ is how this line begins");
    }

    #[test]
    fn executables_archives_and_images_are_named() {
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec();
        assert_eq!(decode(elf), Err(NotText::Binary { what: "an ELF executable or shared library" }));
        assert!(matches!(decode(b"%PDF-1.7\n".to_vec()), Err(NotText::Binary { what: "a PDF document" })));
        assert!(matches!(decode(b"PK\x03\x04\x14\0".to_vec()), Err(NotText::Binary { .. })));
        assert_eq!(decode(b"\x1f\x8b\x08\0".to_vec()), Err(NotText::Gzip));
        assert!(matches!(decode(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff".to_vec()), Err(NotText::Binary { .. })));
    }

    #[test]
    fn utf16_and_utf32_are_named_with_or_without_a_mark() {
        let text = "市政府 2025\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_mark = |mark: &[u8], body: &[u8]| [mark, body].concat();
        let name = |bytes: Vec<u8>| match decode(bytes) {
            Err(NotText::Unicode { encoding, .. }) => encoding,
            other => panic!("{other:?}"),
        };
        assert!(name(with_mark(b"\xff\xfe", &le)).starts_with("UTF-16 (little-endian, with"));
        assert!(name(with_mark(b"\xfe\xff", &be)).starts_with("UTF-16 (big-endian, with"));
        assert!(name(le).starts_with("UTF-16 (little-endian, without"));
        assert!(name(be).starts_with("UTF-16 (big-endian, without"));
        assert!(name(b"\xff\xfe\0\0\x02\x5e\0\0".to_vec()).starts_with("UTF-32"));
    }

    #[test]
    fn big5_and_gb18030_are_told_apart() {
        assert_eq!(legacy(BIG5), "Big5");
        assert_eq!(legacy(GB2312), "GB18030 (or GBK, GB2312)");
        assert_eq!(legacy(GBK_TRADITIONAL), "GB18030 (or GBK, GB2312)");
        // 「中」 as a GB18030 four-byte sequence is not possible, but an emoji is: U+1F600.
        assert_eq!(legacy(b"\xb9\xab\xb2\xbc\x94\x39\xfc\x36"), "GB18030 (or GBK, GB2312)");
    }

    #[test]
    fn damaged_utf8_is_not_taken_for_a_legacy_encoding() {
        let text = "市政府今日公布新的交通計劃，預計明年完成。".as_bytes();
        let cut = text[..text.len() - 1].to_vec();
        assert_eq!(
            decode(cut.clone()),
            Err(NotText::DamagedUtf8 { problem: "cut off in the middle of a character", offset: text.len() - 3 })
        );
        let damaged = [&text[..30], b"\xff", &text[30..]].concat();
        assert_eq!(decode(damaged), Err(NotText::DamagedUtf8 { problem: "with an invalid byte", offset: 30 }));
    }

    #[test]
    fn other_bytes_are_unknown() {
        assert_eq!(decode(b"abc \xff def".to_vec()), Err(NotText::Unknown { offset: 4 }));
        assert_eq!(decode(b"\x80\x80\x80\x80".to_vec()), Err(NotText::Unknown { offset: 0 }));
    }
}
