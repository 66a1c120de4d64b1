//! Finding many fixed phrases that start at word starts, by one hash lookup per word.
//!
//! The gazetteer's names only count where a word starts (the character before is not a letter
//! or digit), so instead of running an automaton over every byte, [`WordStartMatcher`] looks at
//! each word start, takes the word there (its run of letters and digits) and looks up the
//! patterns whose first word is that word, or that word without a plural "s" or "es" or a
//! Cyrillic case ending (a pattern may end inside a word; whether that counts is the caller's
//! decision). A 64K-bit
//! filter, by a hash of the word, rules out most words without a table lookup.
//!
//! Against a leftmost-longest automaton over every byte, it differs in one way: the automaton
//! also finds names that start inside a word, and a name found there hides the names that
//! start inside it ("XJames David Vance": the automaton finds "james david vance" at the "J",
//! the caller drops it because it starts inside a word, and "Vance" is never seen). Here
//! "Vance" is found. On the sample corpus, wh-briefings and the generated corpora the two
//! give the same mentions.

use super::text::{FastMap, WordStart, word_starts};

/// Patterns by their first word (see the [module docs](self)). Patterns have single spaces
/// between words: a run of spaces in the text matches one.
#[derive(Debug, Clone)]
pub struct WordStartMatcher {
    patterns: Vec<String>,
    /// First word → the patterns that start with it, longest first (ties: lower index first).
    by_first_word: FastMap<String, Vec<u32>>,
    /// Bit `hash(w) % 2^16` is set for every first word `w`.
    filter: Box<[u64]>,
}

/// One match: pattern `pattern` at bytes `start..end` of the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordStartMatch {
    /// Index of the pattern in the list given to [`WordStartMatcher::new`].
    pub pattern: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

const FILTER_BITS: usize = 1 << 16;

/// Case endings of Russian and Ukrainian nouns and adjectives (folded: lower case, "ё" as
/// "е") that a Cyrillic name ending in its stem takes: "Казахстан" → "Казахстана",
/// "Донецк" → "Донецкой", "Путин" → "Путиным". A Cyrillic word is also looked up without
/// each of them (whether the ending counts is the caller's decision). Names whose stem
/// changes ("Россия" → "России") are listed in their forms.
pub(crate) const CYRILLIC_ENDINGS: &[&str] = &[
    "а", "у", "е", "ом", "ой", "ою", "ей", "ы", "и", "ам", "ами", "ах", "ая", "ую", "ое", "ого", "ому", "ым", "ых",
    "ими", "ие", "ий", "я", "ю", "ем", "ями", "ях", "і", "ї", "ої", "ові", "еві", "ій", "их",
];

fn filter_bit(word: &str) -> usize {
    usize::from(super::text::hash16(word))
}

/// The letters and digits at the start of `s` (its first word).
fn first_word(s: &str) -> &str {
    // ASCII letters and digits by their bytes; from the first other byte, if it starts a
    // non-ASCII character, by characters.
    let bytes = s.as_bytes();
    let ascii = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    if bytes.get(ascii).is_none_or(u8::is_ascii) {
        return &s[..ascii];
    }
    let end = s[ascii..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| ascii + i);
    &s[..end]
}

/// How many bytes of `text` `pattern` covers at its start, where each space of `pattern` (one
/// between words) matches a run of spaces in the text ("united  states": the folded text turns
/// the line breaks and indentation of hard-wrapped text into spaces); `None` if it does not fit.
fn spaced_len(pattern: &[u8], text: &[u8]) -> Option<usize> {
    let mut t = 0;
    for &b in pattern {
        if *text.get(t)? != b {
            return None;
        }
        t += 1;
        if b == b' ' {
            while text.get(t) == Some(&b' ') {
                t += 1;
            }
        }
    }
    Some(t)
}

impl WordStartMatcher {
    /// Compiles `patterns`; `None` when one of them is empty or does not start with a letter or
    /// a digit (it could never be found at a word start).
    pub fn new(patterns: &[String]) -> Option<WordStartMatcher> {
        let mut by_first_word: FastMap<String, Vec<u32>> = FastMap::default();
        let mut filter = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        for (i, p) in patterns.iter().enumerate() {
            let w = first_word(p);
            if w.is_empty() {
                return None;
            }
            let bit = filter_bit(w);
            filter[bit / 64] |= 1 << (bit % 64);
            by_first_word.entry(w.to_string()).or_default().push(i as u32);
        }
        for list in by_first_word.values_mut() {
            list.sort_by_key(|&i| (std::cmp::Reverse(patterns[i as usize].len()), i));
        }
        Some(WordStartMatcher {
            patterns: patterns.to_vec(),
            by_first_word,
            filter,
        })
    }

    /// The patterns, as given to [`WordStartMatcher::new`].
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// The patterns whose first word is `word`, whose [`filter_bit`] is `bit`.
    fn starting_with(&self, word: &str, bit: u16) -> &[u32] {
        let bit = usize::from(bit);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.by_first_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// The longest pattern that `text[at..]` starts with, among those whose first word is the
    /// word at `at` (`word`), or that word without a final "s" or "es". A space in a pattern
    /// matches a run of spaces in the text (see [`spaced_len`]); the match ends where the text
    /// it covers does.
    /// `double_space` is where the first run of two or more spaces at or after `at` starts
    /// (`usize::MAX` for none): a pattern that ends before it can only match exactly.
    fn longest_at(&self, text: &str, at: usize, word: &str, double_space: usize) -> Option<WordStartMatch> {
        let rest = &text.as_bytes()[at..];
        let [whole, stem1, stem2] = super::text::hash16_and_stems(word);
        // (pattern length, pattern, length in the text)
        let mut best: Option<(usize, u32, usize)> = None;
        let mut consider = |key: &str, bit: u16| {
            let list = self.starting_with(key, bit);
            let Some(&longest) = list.first() else {
                return;
            };
            // Longest first: the first that fits is this list's best. Each pattern starts with
            // `key`, which the text has at `at`: only the rest of it is compared, its last
            // byte first (most patterns that do not fit differ there).
            let found = if double_space >= at + self.patterns[longest as usize].len() {
                list.iter()
                    .find(|&&i| {
                        let p = self.patterns[i as usize].as_bytes();
                        p.len() <= rest.len()
                            && p.last() == rest.get(p.len() - 1)
                            && rest[key.len()..p.len()] == p[key.len()..]
                    })
                    .map(|&i| (i, self.patterns[i as usize].len()))
            } else {
                // A run of spaces within reach: a space of a pattern may stand for it.
                list.iter().find_map(|&i| {
                    let p = self.patterns[i as usize].as_bytes();
                    let in_text = spaced_len(&p[key.len()..], &rest[key.len()..])?;
                    Some((i, key.len() + in_text))
                })
            };
            if let Some((i, in_text)) = found {
                let len = self.patterns[i as usize].len();
                // Patterns of one length that both fit are one string, in one list.
                if best.is_none_or(|(l, _, _)| len > l) {
                    best = Some((len, i, in_text));
                }
            }
        };
        consider(word, whole);
        // The word without a plural "s", then without "es".
        if let Some(w) = word.strip_suffix('s').filter(|w| !w.is_empty()) {
            consider(w, stem1);
            if let Some(w) = w.strip_suffix('e').filter(|w| !w.is_empty()) {
                consider(w, stem2);
            }
        }
        // A Cyrillic word without a case ending.
        if word.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
            for e in CYRILLIC_ENDINGS {
                if let Some(stem) = word.strip_suffix(e).filter(|w| !w.is_empty()) {
                    consider(stem, super::text::hash16(stem));
                }
            }
        }
        best.map(|(_, i, in_text)| WordStartMatch {
            pattern: i as usize,
            start: at,
            end: at + in_text,
        })
    }
    /// The matches in `text`, in order and without overlaps: at each word start (not inside a
    /// match already found) the longest pattern there.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = WordStartMatch> + 'a {
        let starts = word_starts(text);
        let mut state = ScanState::new(text);
        starts
            .into_iter()
            .filter_map(move |w| self.match_at(text, w, &mut state))
    }

    /// [`WordStartMatcher::find_iter`] at `starts`, all the [`word_starts`] of `text` (found
    /// once for this and other uses).
    pub fn find_at<'a>(&'a self, text: &'a str, starts: &'a [WordStart]) -> impl Iterator<Item = WordStartMatch> + 'a {
        let mut state = ScanState::new(text);
        starts.iter().filter_map(move |&w| self.match_at(text, w, &mut state))
    }

    /// The longest pattern at the word start `w`, unless a match before it ends after `w`.
    fn match_at(&self, text: &str, w: WordStart, state: &mut ScanState) -> Option<WordStartMatch> {
        let start = w.start as usize;
        if start < state.next {
            return None;
        }
        while state.double_spaces.get(state.k).is_some_and(|&d| d < start) {
            state.k += 1;
        }
        let double_space = state.double_spaces.get(state.k).copied().unwrap_or(usize::MAX);
        let m = self.longest_at(text, start, &text[start..w.first_word_end as usize], double_space)?;
        state.next = m.end;
        Some(m)
    }
}

/// Where a scan of a text's word starts is.
struct ScanState {
    /// The end of the last match.
    next: usize,
    /// Where runs of two or more spaces start (found once, by a vectorised search: most of a
    /// text's spaces are single).
    double_spaces: Vec<usize>,
    /// The first of `double_spaces` at or after the word start in hand.
    k: usize,
}

impl ScanState {
    fn new(text: &str) -> ScanState {
        ScanState {
            next: 0,
            double_spaces: memchr::memmem::find_iter(text.as_bytes(), b"  ").collect(),
            k: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(patterns: &[&str], text: &str) -> Vec<(String, usize)> {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        let m = WordStartMatcher::new(&patterns).expect("compiles");
        m.find_iter(text)
            .map(|x| (text[x.start..x.end].to_string(), x.start))
            .collect()
    }

    #[test]
    fn longest_pattern_at_each_word_start() {
        let p = ["new", "new york", "york", "u.s.", "us", "russia"];
        assert_eq!(
            found(&p, "the new york office; u.s. officials, russias and xnew"),
            [
                ("new york".to_string(), 4),
                ("u.s.".to_string(), 21),
                ("russia".to_string(), 37)
            ]
        );
        // Inside a word, nothing starts; after an apostrophe, a word does.
        assert_eq!(found(&p, "anew l'york"), [("york".to_string(), 7)]);
        // Plural "es" on a single-word pattern.
        assert_eq!(found(&["box"], "boxes"), [("box".to_string(), 0)]);
        // Cyrillic words; a pattern that ends inside a longer word is not reported.
        assert_eq!(found(&["россия"], "в россия, россияне"), [("россия".to_string(), 3)]);
    }

    /// The matches by brute force: at each word start not inside a match, the longest
    /// pattern the text goes on with (a space of a pattern standing for a run of spaces), among those whose first word is the word there or the
    /// word without a final "s" or "es" or a Cyrillic case ending (ties: the lower index).
    fn brute_force(patterns: &[String], text: &str) -> Vec<WordStartMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if !text.is_char_boundary(i) {
                i += 1;
                continue;
            }
            let before = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let word = first_word(&text[i..]);
            if before || word.is_empty() {
                i += 1;
                continue;
            }
            // The text's bytes the pattern covers here, a space of it standing for any run of
            // spaces.
            let covered = |p: &String| {
                let w = first_word(p);
                let spaced = regex::Regex::new(&format!("^{}", regex::escape(p).replace(' ', " +"))).unwrap();
                spaced
                    .find(&text[i..])
                    .filter(|_| {
                        w == word
                            || Some(w) == word.strip_suffix('s')
                            || Some(w) == word.strip_suffix("es")
                            || CYRILLIC_ENDINGS.iter().any(|e| Some(w) == word.strip_suffix(e))
                    })
                    .map(|m| m.end())
            };
            let best = (0..patterns.len())
                .filter_map(|k| Some((k, covered(&patterns[k])?)))
                .min_by_key(|&(k, _)| (std::cmp::Reverse(patterns[k].len()), k));
            match best {
                Some((k, len)) => {
                    out.push(WordStartMatch {
                        pattern: k,
                        start: i,
                        end: i + len,
                    });
                    i += len;
                }
                None => i += word.len(),
            }
        }
        out
    }

    proptest::proptest! {
        /// The hashed lookups, the filter and the word-start scan give the brute-force
        /// matches, on a small alphabet where words, plurals, overlaps and non-ASCII letters
        /// are common.
        #[test]
        fn matches_are_the_brute_force_ones(
            patterns in proptest::collection::vec("[absд]([abesдо.'-]| [abesдо.'-]){0,6}", 1..12),
            text in "[abesёдоймя .,'-]{0,60}( {2,3}[abesдой]{1,3}){0,3}",
        ) {
            let m = WordStartMatcher::new(&patterns).expect("patterns start with a letter");
            proptest::prop_assert_eq!(m.find_iter(&text).collect::<Vec<_>>(), brute_force(&patterns, &text));
        }
    }

    proptest::proptest! {
        /// The first word read by bytes, then characters, is the leading run of letters and
        /// digits read character by character.
        #[test]
        fn first_word_is_the_leading_letters_and_digits(s in "[a-zA-Z09ёЁé我 .,'\u{2009}\u{a0}-]{0,20}") {
            let by_chars = s.char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(i, _)| i);
            proptest::prop_assert_eq!(first_word(&s), &s[..by_chars]);
        }
    }

    #[test]
    fn a_pattern_that_cannot_start_a_word_is_refused() {
        assert!(WordStartMatcher::new(&["'s".to_string()]).is_none());
        assert!(WordStartMatcher::new(&[String::new()]).is_none());
    }
}
