//! Text folding (case, diacritics, apostrophes) with a map back to the original, and
//! word tokens.

use std::ops::Range;

/// A hash map with a fast, non-cryptographic hasher (foldhash), for the analysis's word
/// tables and per-mention lookups: keys are the program's own words or a corpus's names, so
/// SipHash's protection against crafted keys buys nothing on these hot paths.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with the same hasher as [`FastMap`].
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// `word_set!(NAME, LIST)` declares `static NAME`: the words of the fixed list `LIST` (a slice
/// of `&'static str`) as a [`FastSet`], built on first use. For the word lists looked up for
/// many tokens, where scanning the slice entry by entry is a hot path.
macro_rules! word_set {
    ($name:ident, $list:expr) => {
        static $name: std::sync::LazyLock<$crate::analysis::text::WordSet> =
            std::sync::LazyLock::new(|| $crate::analysis::text::WordSet::new($list));
    };
}
pub(crate) use word_set;

/// A fixed set of words, looked up for nearly every token: a word whose length, or whose
/// first and last bytes together, no member has is ruled out before it is hashed.
#[derive(Debug, Clone)]
pub struct WordSet {
    words: FastSet<&'static str>,
    /// Bit `n` for every member of `n` bytes (bit 63: 63 bytes or more).
    lengths: u64,
    /// Bit `256 * first + last` for every member whose first and last bytes are `first` and
    /// `last` (the empty word: bit 0).
    ends: Box<[u64]>,
}

/// The bit of [`WordSet::ends`] for `w`.
fn ends_bit(w: &str) -> usize {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => 256 * usize::from(f) + usize::from(l),
        _ => 0,
    }
}

impl WordSet {
    /// The set of `words`.
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut set = WordSet {
            words: words.iter().copied().collect(),
            lengths: 0,
            ends: vec![0u64; 256 * 256 / 64].into_boxed_slice(),
        };
        for w in words {
            set.lengths |= 1 << w.len().min(63);
            let bit = ends_bit(w);
            set.ends[bit / 64] |= 1 << (bit % 64);
        }
        set
    }

    /// Whether `w` is one of the words.
    pub fn contains(&self, w: &str) -> bool {
        self.lengths & (1 << w.len().min(63)) != 0
            && {
                let bit = ends_bit(w);
                self.ends[bit / 64] & (1 << (bit % 64)) != 0
            }
            && self.words.contains(w)
    }
}

/// A case- and diacritics-folded copy of a text, with byte offsets mapped back.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Folded text: lower case, Latin diacritics removed, curly apostrophes straightened, ё → е,
    /// white space within a paragraph spaces (see [`join_lines`]).
    pub text: String,
    /// For each byte of `text` (plus one past the end), the byte offset in the original.
    map: Vec<u32>,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Folded {
        // ASCII runs are copied in bulk and lower-cased in place, other characters folded one
        // by one (built as a `String` throughout: nothing to validate at the end).
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        let bytes = original.as_bytes();
        let mut offset = 0;
        while offset < bytes.len() {
            // A run of ASCII (nearly all of it): one byte in, one out (`fold_char` on ASCII).
            let run = ascii_prefix_len(&bytes[offset..]);
            if run > 0 {
                for (i, piece) in original[offset..offset + run].split('`').enumerate() {
                    if i > 0 {
                        text.push('\'');
                    }
                    let at = text.len();
                    text.push_str(piece);
                    text[at..].make_ascii_lowercase();
                }
                map.extend(offset as u32..(offset + run) as u32);
                offset += run;
                continue;
            }
            let ch = original[offset..].chars().next().expect("a character starts here");
            let at = text.len();
            fold_char(ch, &mut text, &mut buf);
            map.resize(map.len() + text.len() - at, offset as u32);
            offset += ch.len_utf8();
        }
        map.push(original.len() as u32);
        Folded {
            text: join_lines(text),
            map,
        }
    }

    /// Maps a byte range of the folded text back to the original text.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map[r.start.min(self.map.len() - 1)] as usize;
        let end = if r.end >= self.map.len() - 1 {
            *self.map.last().unwrap_or(&0) as usize
        } else {
            // The end maps to the start of the char at `r.end`.
            self.map[r.end] as usize
        };
        start..end.max(start)
    }
}

/// Whether `b` is ASCII white space (as `char::is_whitespace` has it).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The folded `text` with each run of white space that holds at most one line break made
/// spaces, in place: names are matched across the line breaks of hard-wrapped text
/// ("United\nStates") and indentation (the gazetteer reads a run of spaces as one). A run
/// with two or more line breaks (a paragraph break) stays as it is. No byte moves, so the
/// offsets map back as before.
fn join_lines(text: String) -> String {
    let mut bytes = text.into_bytes();
    let n = bytes.len();
    // Runs to change hold a byte other than a space: found by vectorised searches.
    let mut triggers: Vec<usize> = memchr::memchr3_iter(b'\n', b'\t', b'\r', &bytes).collect();
    let before = triggers.len();
    triggers.extend(memchr::memchr2_iter(0x0b, 0x0c, &bytes));
    if triggers.len() > before {
        triggers.sort_unstable();
    }
    let mut done = 0;
    for t in triggers {
        if t < done {
            continue;
        }
        let mut start = t;
        while start > done && is_ascii_space(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = t + 1;
        while end < n && is_ascii_space(bytes[end]) {
            end += 1;
        }
        let run = &mut bytes[start..end];
        if run.iter().filter(|&&b| b == b'\n').count() <= 1 {
            run.fill(b' ');
        }
        done = end;
    }
    // Only ASCII white space was replaced, by spaces: still UTF-8.
    String::from_utf8(bytes).expect("white space replaced by spaces")
}

/// `s` trimmed, with each run of white space made one space ("Charles\nJohnson" → "Charles Johnson"):
/// a name as it is shown and compared, wherever the text broke its line.
pub fn normalise_space(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_respacing(s) {
        std::borrow::Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whether `s` has white space other than single spaces between other characters (a byte at
/// a time: it is asked of names and other short pieces of text).
fn needs_respacing(s: &str) -> bool {
    let bytes = s.as_bytes();
    // At the start, a space is one too many.
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if after_space => return true,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => return true,
            // The first bytes of U+0085, U+00A0, U+1680, U+2000-U+205F and U+3000 (and of
            // curly quotes, which pass).
            0xc2 | 0xe1 | 0xe2 | 0xe3 if s[i..].chars().next().is_some_and(char::is_whitespace) => return true,
            _ => after_space = false,
        }
    }
    after_space && !bytes.is_empty()
}

/// Whether each byte is an ASCII letter or digit: one table lookup, where
/// `u8::is_ascii_alphanumeric` tests three ranges (the word loops ask it of every byte).
pub static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// How many bytes `bytes` starts with that are ASCII (eight at a time, while they all are).
pub fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if u64::from_ne_bytes(chunk.try_into().expect("eight bytes")) & HIGH_BITS != 0 {
            break;
        }
        i += 8;
    }
    i + bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i)
}

/// Folds one string the same way as [`Folded::new`] (for patterns).
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

fn fold_char(ch: char, out: &mut String, buf: &mut [u8; 4]) {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
        'ё' | 'Ё' => out.push('е'),
        // No-break, thin and other spaces are spaces (line and paragraph separators stay).
        c if c.is_whitespace() && !c.is_ascii() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c if ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c) => {
            let ascii = deunicode::deunicode_char(c).unwrap_or("");
            if ascii.is_empty() || !ascii.chars().all(|a| a.is_ascii_alphabetic()) {
                out.extend(c.to_lowercase());
            } else {
                out.push_str(&ascii.to_ascii_lowercase());
            }
        }
        c => {
            let lower: String = c.to_lowercase().collect();
            if lower.is_empty() {
                out.push_str(c.encode_utf8(buf));
            } else {
                out.push_str(&lower);
            }
        }
    }
}

/// A word token: byte range in the text it was cut from, and its (folded) text.
/// The text is borrowed from the (folded) text the token was cut from, not copied: tokens
/// live only while their document is analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'t> {
    /// Byte range in the tokenised text.
    pub range: Range<usize>,
    /// The token's text.
    pub text: &'t str,
    /// Which matchers of a [`super::lexicon::Lexicon`] have a phrase that can start at this
    /// token (their bits), set by [`super::lexicon::Lexicon::mark_phrase_starts`];
    /// [`Token::UNMARKED`] (every bit) until then.
    pub starts: u8,
}

impl Token<'_> {
    /// [`Token::starts`] of a token no lexicon has marked: every matcher looks it up.
    pub const UNMARKED: u8 = u8::MAX;
}

/// Words: runs of letters and digits, with internal apostrophes kept ("hasn't").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    for_each_word(text, |range| {
        tokens.push(Token {
            text: &text[range.clone()],
            range,
            starts: Token::UNMARKED,
        });
    });
    tokens
}

/// Calls `f` with the byte range of each word of `text`, in order, as [`tokenize`] cuts them.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
    // Whether the character starting at byte `i` is alphabetic (ASCII without decoding).
    let alphabetic_at = |i: usize| match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphabetic),
    };
    // Whether the character at byte `i` is a letter or digit, and its length.
    let word_char_and_len = |i: usize| -> (bool, usize) {
        let b = text.as_bytes()[i];
        if b.is_ascii() {
            (ASCII_WORD_BYTE[usize::from(b)], 1)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (word, len) = word_char_and_len(i);
        if !word {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        loop {
            // Runs of ASCII letters and digits (most of a word) in a tight loop.
            while bytes.get(i).is_some_and(|&b| ASCII_WORD_BYTE[usize::from(b)]) {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'\'' && alphabetic_at(i + 1) {
                // An inner apostrophe ("hasn't").
                i += 1;
                continue;
            }
            let (word, len) = word_char_and_len(i);
            if !word {
                break;
            }
            i += len;
        }
        f(start..i);
    }
}

/// Where a word starts in a text, for [`super::word_start::WordStartMatcher`]: a letter or digit
/// after a character that is neither (or at the start), and the end of its run of letters and
/// digits (its first word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordStart {
    /// Byte offset of the word start.
    pub start: u32,
    /// Byte offset one past its run of letters and digits.
    pub first_word_end: u32,
}

/// Every [`WordStart`] of `text`, in order.
pub fn word_starts(text: &str) -> Vec<WordStart> {
    let mut out = Vec::new();
    for_each_word(text, |word| push_word_starts(text, word, &mut out));
    out
}

/// Pushes the [`WordStart`]s inside `word`, a token's range in `text` as [`for_each_word`] cuts
/// them: its start, and the character after each of its inner apostrophes (a token is letters
/// and digits, and apostrophes between a letter or digit and a letter).
pub fn push_word_starts(text: &str, word: Range<usize>, out: &mut Vec<WordStart>) {
    let mut start = word.start;
    // A token is a few bytes: a plain loop costs less than setting up a vectorised search.
    let apostrophes = text.as_bytes()[word.clone()]
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\'')
        .map(|(k, _)| k);
    for apostrophe in apostrophes {
        let at = word.start + apostrophe;
        out.push(WordStart {
            start: start as u32,
            first_word_end: at as u32,
        });
        start = at + 1;
    }
    out.push(WordStart {
        start: start as u32,
        first_word_end: word.end as u32,
    });
}

/// The lines of `text` with their line breaks and byte offsets, as `text.split_inclusive('\n')`
/// gives them (found by memchr's vectorised search).
pub fn lines_with_breaks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain([text.len()])
        .filter_map(move |end| {
            let line = (end > start).then(|| (start, &text[start..end]));
            start = end;
            line
        })
}

/// A 16-bit hash of `s` (FNV-1a, folded): the slot of a word in the 64K-entry prefilters that
/// rule most words out before a table lookup.
pub fn hash16(s: &str) -> u16 {
    fold16(fnv1a(FNV_START, s.as_bytes()))
}

/// [`hash16`] of `s`, of `s` without its last byte and of `s` without its last two bytes
/// (when `s` has them), in one pass over the bytes.
pub fn hash16_and_stems(s: &str) -> [u16; 3] {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let stem2 = fnv1a(FNV_START, &bytes[..n.saturating_sub(2)]);
    let stem1 = fnv1a(stem2, &bytes[n.saturating_sub(2)..n.saturating_sub(1)]);
    let whole = fnv1a(stem1, &bytes[n.saturating_sub(1)..]);
    [fold16(whole), fold16(stem1), fold16(stem2)]
}

/// The FNV-1a offset basis.
const FNV_START: u32 = 0x811c_9dc5;

/// FNV-1a over `bytes`, from the hash `h` of what comes before them.
fn fnv1a(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// A 32-bit hash folded to 16 bits.
fn fold16(h: u32) -> u16 {
    ((h >> 16) ^ h) as u16
}

/// Whether the char before byte `i` of `s` is part of a word.
pub fn word_char_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether the char at byte `i` of `s` is part of a word.
pub fn word_char_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_byte_table_is_ascii_alphanumeric() {
        for b in 0..=255u8 {
            assert_eq!(ASCII_WORD_BYTE[usize::from(b)], b.is_ascii_alphanumeric(), "{b}");
        }
    }

    proptest::proptest! {
        /// The ASCII prefix found eight bytes at a time is the one found byte by byte, wherever
        /// the first other character falls.
        #[test]
        fn ascii_prefix_is_found_byte_by_byte(text in "[a-z .`]{0,30}[é—ж]?[A-Z]{0,12}") {
            let bytes = text.as_bytes();
            let expected = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len());
            proptest::prop_assert_eq!(ascii_prefix_len(bytes), expected);
        }
    }
    use proptest::prelude::*;

    /// `Folded::new` character by character, as it was before its ASCII fast path.
    fn folded_by_chars(original: &str) -> (String, Vec<u32>) {
        let (mut text, mut map, mut buf) = (String::new(), Vec::new(), [0u8; 4]);
        for (offset, ch) in original.char_indices() {
            let before = text.len();
            fold_char(ch, &mut text, &mut buf);
            map.resize(map.len() + (text.len() - before), offset as u32);
        }
        map.push(original.len() as u32);
        (joined_by_runs(&text), map)
    }

    /// [`join_lines`] by its definition: each run of ASCII white space with at most one line
    /// break, spaces.
    fn joined_by_runs(text: &str) -> String {
        let mut out = String::new();
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut String| {
            if run.matches('\n').count() <= 1 {
                out.extend(std::iter::repeat_n(' ', run.len()));
            } else {
                out.push_str(run);
            }
            run.clear();
        };
        for c in text.chars() {
            if c.is_ascii_whitespace() || c == '\u{b}' {
                run.push(c);
            } else {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// `tokenize` character by character, as it was before its ASCII fast path.
    fn tokens_by_chars(text: &str) -> Vec<(Range<usize>, String)> {
        let mut tokens = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let inner_apostrophe = c == '\'' && start.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
            if c.is_alphanumeric() || inner_apostrophe {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                tokens.push((s..i, text[s..i].to_string()));
            }
        }
        if let Some(s) = start {
            tokens.push((s..text.len(), text[s..].to_string()));
        }
        tokens
    }

    proptest! {
        /// The ASCII fast path cuts the same tokens as the character-by-character scan.
        #[test]
        fn fast_tokens_equal_char_by_char(s in "[ -~\\n'’éЁёТок我٣ⅫÉ\\u{300}]{0,60}") {
            let got: Vec<(Range<usize>, String)> =
                tokenize(&s).into_iter().map(|t| (t.range, t.text.to_string())).collect();
            prop_assert_eq!(got, tokens_by_chars(&s));
        }

        /// The ASCII fast path folds and maps exactly as `fold_char` does.
        #[test]
        fn fast_folding_equals_char_by_char(s in "[ -~\\t\\n\\r\\u{b}\\u{c}\\u{a0}\\u{2009}\\u{2028}\\u{3000}`’‘ʼ´‐–ёЁÉéßİ\\u{1E9E}Ǆ ТОКАЕВ我]{0,60}") {
            let f = Folded::new(&s);
            prop_assert_eq!((f.text, f.map), folded_by_chars(&s));
        }
    }

    proptest! {
        /// A name's white space made single spaces is the name's words joined by spaces, and
        /// is the name itself (not a copy) when it has no other white space.
        #[test]
        fn normalised_space_is_the_words_joined_by_spaces(s in "[ab \\t\\n\\r\\u{a0}\\u{85}\\u{2009}\\u{3000}“”…é]{0,20}") {
            let n = normalise_space(&s);
            let words: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(n.as_ref(), words.join(" "));
            prop_assert_eq!(matches!(n, std::borrow::Cow::Borrowed(_)), words.join(" ") == s);
        }
    }

    proptest! {
        /// The three hashes of one pass are those of the word and of its two shorter stems.
        #[test]
        fn stem_hashes_are_the_stems_hashes(s in "[a-zé]{0,6}") {
            let n = s.len();
            let expected = [hash16(&s), hash16_bytes(&s.as_bytes()[..n.saturating_sub(1)]), hash16_bytes(&s.as_bytes()[..n.saturating_sub(2)])];
            prop_assert_eq!(hash16_and_stems(&s), expected);
        }
    }

    /// [`hash16`] of bytes that may end inside a character.
    fn hash16_bytes(b: &[u8]) -> u16 {
        fold16(fnv1a(FNV_START, b))
    }

    proptest! {
        /// The lines found by memchr are those of `split_inclusive('\n')`.
        #[test]
        fn lines_with_breaks_are_the_split_inclusive_lines(s in "[a\n\r é]{0,30}") {
            let mut at = 0;
            let expected: Vec<(usize, &str)> = s
                .split_inclusive('\n')
                .map(|l| {
                    at += l.len();
                    (at - l.len(), l)
                })
                .collect();
            prop_assert_eq!(lines_with_breaks(&s).collect::<Vec<_>>(), expected);
        }
    }

    /// Words of [`word_sets_answer_as_hash_sets`]: empty, one to four bytes, non-ASCII.
    const VOCABULARY: [&str; 10] = ["", "a", "ab", "abc", "b", "ba", "é", "aé", "cccc", "bcab"];

    proptest! {
        /// The length and end-byte filters never rule out a member: a word set answers as
        /// a plain hash set does.
        #[test]
        fn word_sets_answer_as_hash_sets(w in "[a-cé]{0,4}|", members in proptest::sample::subsequence(
            VOCABULARY.to_vec(), 0..10)) {
            let set = WordSet::new(&members);
            for w in VOCABULARY.iter().copied().chain([w.as_str()]) {
                prop_assert_eq!(set.contains(w), members.contains(&w), "{}", w);
            }
        }
    }

    #[test]
    fn folding_maps_back_to_original() {
        let s = "Élysée and ТОКАЕВ’s Ёлка";
        let f = Folded::new(s);
        assert_eq!(f.text, "elysee and токаев's елка");
        let i = f.text.find("токаев").unwrap();
        let r = f.original_range(i..i + "токаев".len());
        assert_eq!(&s[r], "ТОКАЕВ");
        let j = f.text.find("elysee").unwrap();
        assert_eq!(&s[f.original_range(j..j + 6)], "Élysée");
    }

    #[test]
    fn tokens_keep_inner_apostrophes() {
        let t: Vec<String> = tokenize("hasn't 12-point 'quoted' Kazakhstan's")
            .into_iter()
            .map(|t| t.text.to_string())
            .collect();
        assert_eq!(t, ["hasn't", "12", "point", "quoted", "Kazakhstan's"]);
    }
}
