//! Turning bytes into text: BOMs, UTF-8, legacy encodings, binary detection.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Encoding name ("UTF-8", "windows-1251", "UTF-16LE"...).
    pub encoding: &'static str,
    /// True when the encoding was guessed (no BOM, not valid UTF-8).
    pub guessed: bool,
    /// True when some bytes were invalid and replaced.
    pub had_errors: bool,
}

/// Decodes `bytes`, or explains why they are not text.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, String> {
    decode_owned(bytes.to_vec())
}

/// [`decode_bytes`], taking the bytes: UTF-8 text (most files) becomes the `String` in place,
/// without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    if let Some((encoding, _bom_len)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            guessed: false,
            had_errors,
        });
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let (text, _, had_errors) = encoding.decode(&bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            guessed: true,
            had_errors,
        });
    }
    if looks_binary(&bytes) {
        return Err("this looks like a binary file, not text (it contains NUL or control bytes)".into());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: UTF_8.name(),
                guessed: false,
                had_errors: false,
            });
        }
        Err(e) => e.into_bytes(),
    };
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = koi8_r_where_the_same(detector.guess(None, Utf8Detection::Allow), &bytes);
    let (text, _, had_errors) = encoding.decode(&bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        guessed: true,
        had_errors,
    })
}

/// chardetng names every KOI8 text KOI8-U. KOI8-R differs from it only in the eight bytes
/// KOI8-U gives to Ukrainian letters (і, ї, є, ґ in both cases); a text without them reads
/// the same in both, so it is named KOI8-R, as Russian text in KOI8 is.
fn koi8_r_where_the_same(encoding: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    let ukrainian = |b: &u8| matches!(b, 0xA4 | 0xA6 | 0xA7 | 0xAD | 0xB4 | 0xB6 | 0xB7 | 0xBD);
    if encoding == encoding_rs::KOI8_U && !bytes.iter().any(ukrainian) {
        encoding_rs::KOI8_R
    } else {
        encoding
    }
}

/// UTF-16 text without a BOM shows up as every other byte being NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Most files have no NUL byte at all: found by a vectorised search, not counted.
    if sample.len() < 8 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    // Summed as numbers (not counted through a filter) so that the loop vectorises.
    let control: usize = sample
        .iter()
        .map(|&b| usize::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .sum();
    control * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode_bytes("Токаев said".as_bytes()).unwrap();
        assert_eq!(d.text, "Токаев said");
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.guessed);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode_bytes(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(d.text, "hello");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Казахстан и Россия";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_bytes(&le).unwrap().text, text);
        assert_eq!(decode_bytes(&be).unwrap().text, text);
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let text = "Kazakhstan's position on the war, in English: every other byte is NUL.";
        let (mut le, mut be) = (Vec::new(), Vec::new());
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode_bytes(&bytes).unwrap();
            assert_eq!((d.text.as_str(), d.encoding, d.guessed), (text, name, true));
        }
    }

    #[test]
    fn text_with_many_control_bytes_is_binary_and_with_few_is_not() {
        let mut bytes = b"plain words ".repeat(20);
        let few = bytes.len() / 25;
        bytes.extend(std::iter::repeat_n(0x01, few));
        assert!(decode_bytes(&bytes).is_ok(), "under one control byte in twenty is text");
        bytes.extend(std::iter::repeat_n(0x01, few));
        assert!(decode_bytes(&bytes).unwrap_err().contains("binary"));
    }

    #[test]
    fn windows_1251_russian_is_detected() {
        let text = "Министерство иностранных дел Казахстана заявило, что позиция Китая заслуживает поддержки. Президент Токаев призвал стороны к переговорам.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode_bytes(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(d.guessed);
    }

    #[test]
    fn koi8_russian_decodes_exactly() {
        let text = "Министерство иностранных дел Казахстана заявило, что позиция Китая заслуживает поддержки. Президент Токаев призвал стороны к переговорам.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
        let d = decode_bytes(&bytes).unwrap();
        assert_eq!(d.text, text, "decoded as {}", d.encoding);
        assert_eq!(d.encoding, "KOI8-R");
    }

    #[test]
    fn koi8_ukrainian_is_named_koi8_u() {
        let text = "Міністерство закордонних справ України рішуче засуджує це рішення. Україна вітає підтримку партнерів і їхню єдність.";
        let (bytes, _, _) = encoding_rs::KOI8_U.encode(text);
        let d = decode_bytes(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "KOI8-U"));
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert!(decode_bytes(&[]).unwrap_err().contains("empty"));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(decode_bytes(png).unwrap_err().contains("binary"));
    }
}
