//! Names the gazetteer does not know: capitalised sequences, honorific + name,
//! "Foreign Minister X". They become `person`, `organization` or `other`
//! entities with counts, so the filter shows what the corpus talks about.

use super::gazetteer::GazMatch;
use super::text::{FastMap, Token, fold, word_set};
use crate::model::EntityKind;
use std::ops::Range;

/// Titles that announce a person's name (with [`OFFICES`]).
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "President",
    "Minister",
    "Chancellor",
    "Secretary",
    "General",
    "Deputy",
    "Speaker",
    "King",
    "Queen",
    "Prince",
    "Leader",
    "Sheikh",
    "Emir",
];
/// Offices that stand before a person's name: they announce it ([`HONORIFICS`]), and are never
/// a name nor its start ([`TITLE_WORDS`]).
const OFFICES: &[&str] = &[
    "Premier",
    "Senator",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Envoy",
    "Governor",
    "Mayor",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Judge",
    "Congressman",
    "Congresswoman",
    "Representative",
    "Administrator",
    "Director",
    "Counselor",
    "Adviser",
    "Advisor",
    // "Ambassador Extraordinary and Plenipotentiary Timur Sadykov"
    "Plenipotentiary",
];
/// Words that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Agency",
    "Union",
    "Council",
    "Committee",
    "Commission",
    "Party",
    "Bank",
    "Organization",
    "Organisation",
    "Fund",
    "Institute",
    "University",
    "Court",
    "Parliament",
    "Assembly",
    "Office",
    "Service",
    "Department",
    "Embassy",
    "Mission",
    "News",
    "Times",
    "Post",
    "Journal",
    "Press",
    "Agency",
    "Company",
    "Group",
    "Corporation",
    "Association",
    "Foundation",
    "Forum",
    "Alliance",
    "Bureau",
    "Centre",
    "Center",
    "Police",
    "Army",
];
/// Capitalised words that are not names on their own.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "By",
    "To",
    "With",
    "From",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "We",
    "They",
    "His",
    "Her",
    "Its",
    "Our",
    "Their",
    "I",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "According",
    "However",
    "Following",
    "Despite",
    "After",
    "Before",
    "During",
    "Since",
    "While",
    "When",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "News",
    "Read",
    "More",
    "Show",
    "Related",
    "Popular",
    "Editor",
    "Picture",
    "Sources",
    "Source",
    "Photo",
    "Article",
    "Image",
    "Avatar",
    "Feed",
    "Statement",
    "Agenda",
    "Prevention",
    "Strengthening",
    "Also",
    "Other",
    "Many",
    "Some",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "Yes",
    "So",
];
/// Titles: they never start a name, but may sit inside one ("Ministry of Foreign Affairs").
const TITLE_WORDS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Foreign",
    "Minister",
    "President",
    "Prime",
    "Deputy",
    "Chancellor",
    "Secretary",
    "General",
    "Vice",
    // "Ambassador Extraordinary and Plenipotentiary" (with [`OFFICES`])
    "Extraordinary",
];
/// Lower-case words allowed inside a name ("Ministry of Foreign Affairs", "bin Salman").
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "al", "bin", "von", "van", "der", "la", "le", "du", "for", "and",
];

/// A candidate name found in a text: its byte range there (the name as written, without a
/// possessive) and guessed kind. Kept compact (12 bytes): a large corpus holds hundreds of
/// thousands until they are merged into entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Where the name is in the text.
    span: crate::model::Span,
    /// Guessed kind.
    pub kind: EntityKind,
    /// Whether the name is one word of unknown kind that the same text also writes in lower
    /// case in its prose ("the Administration", "the administration"): set by
    /// [`mark_lower_case_uses`].
    pub lower_case_in_text: bool,
}

impl Candidate {
    /// Byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }

    /// The name, from the `text` it was found in.
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }
}

struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
    sentence_start: bool,
}

// The word lists as hash sets: they are looked up for every capitalised word.
word_set!(NOT_NAMES_SET, NOT_NAMES);
word_set!(TITLE_WORDS_SET, &[TITLE_WORDS, OFFICES].concat());
word_set!(ORG_WORDS_SET, ORG_WORDS);

/// Whether `word` makes a name an organisation's ("Ministry", "Institute").
pub(crate) fn is_org_word(word: &str) -> bool {
    ORG_WORDS_SET.contains(word)
}
word_set!(CONNECTORS_SET, CONNECTORS);
word_set!(HONORIFICS_SET, &[HONORIFICS, OFFICES].concat());

/// The words of `sentences` that can play a part in a name, in order: each run of words that
/// cannot is kept as its first word only. Such a word (its first character is ASCII but not a
/// capital letter) starts no name, continues none, is no honorific, and ends the name before
/// it: one stands for the run. A connector ("of") only joins name words: it is kept after one,
/// and is in the run after a word outside names.
fn words<'a>(text: &'a str, sentences: &[Range<usize>]) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::new();
    // Whether the last word kept starts a run of words outside names.
    let in_run = std::cell::Cell::new(false);
    // Inside a run, a word that starts with a lower-case letter or a digit needs no trimming.
    let skip = |w: &str| in_run.get() && (w.as_bytes()[0].is_ascii_lowercase() || w.as_bytes()[0].is_ascii_digit());
    for_each_sentence_word(text, sentences, skip, |word| {
        let b = word.text.as_bytes()[0];
        let no_name = b.is_ascii() && !b.is_ascii_uppercase() && (in_run.get() || !CONNECTORS_SET.contains(word.text));
        if !(no_name && in_run.get()) {
            out.push(word);
        }
        in_run.set(no_name);
    });
    out
}

/// Calls `f` with each word of `sentences` (a word: a run between [`separates`] characters,
/// without a possessive and the quotes and end punctuation around it), in order; a word whose
/// piece `skip` answers `true` for is not trimmed nor given to `f` (`skip` must only answer so
/// for pieces that start with a lower-case ASCII letter or a digit).
fn for_each_sentence_word<'a>(
    text: &'a str,
    sentences: &[Range<usize>],
    skip: impl Fn(&str) -> bool,
    mut f: impl FnMut(Word<'a>),
) {
    for s in sentences {
        let mut first = true;
        // Whether every word so far is in capitals: a speaker's label in a transcript
        // ("THE PRESIDENT:", "Q"), after which the words spoken start as a sentence does.
        let mut label = true;
        let sentence = &text[s.clone()];
        for (at, w) in pieces(sentence) {
            if skip(w) {
                // Not all upper case: ends a sentence by its end alone.
                first = w.ends_with(['.', '!', '?']);
                label = false;
                continue;
            }
            let start = s.start + at;
            let trimmed = w
                .trim_end_matches(['.', '!', '?', '\'', '’'])
                .trim_start_matches(['\'', '’']);
            let trimmed = trimmed
                .strip_suffix("'s")
                .or_else(|| trimmed.strip_suffix("’s"))
                .unwrap_or(trimmed);
            if trimmed.is_empty() {
                continue;
            }
            // `trimmed` is a slice of `w`: its offset, without searching for it.
            let lead = trimmed.as_ptr() as usize - w.as_ptr() as usize;
            f(Word {
                text: trimmed,
                range: start + lead..start + lead + trimmed.len(),
                sentence_start: first,
            });
            first = false;
            if w.ends_with(['.', '!', '?']) && !trimmed.chars().all(|c| c.is_uppercase()) {
                first = true;
            }
            label &= w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase);
            if label && (w == "Q" || sentence[at + w.len()..].starts_with(':')) {
                first = true;
            }
        }
    }
}

/// Whether `c` separates the words [`words`] reads: white space and `, ; : ( ) " “ ” « »`.
const fn separates(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '«' | '»')
}

/// [`separates`] for each ASCII byte, looked up rather than tested (every byte of every
/// sentence is classified).
static ASCII_SEPARATES: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = separates(b as u8 as char);
        b += 1;
    }
    table
};

/// The non-empty runs of `sentence` between [`separates`] characters, with their byte
/// offsets. ASCII bytes are classified by a table, without decoding (most of the text).
fn pieces(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let separator_at = |i: usize| -> (bool, usize) {
            let b = bytes[i];
            if b.is_ascii() {
                (ASCII_SEPARATES[usize::from(b)], 1)
            } else {
                let c = sentence[i..].chars().next().expect("a character starts here");
                (separates(c), c.len_utf8())
            }
        };
        // Skip separators.
        while i < bytes.len() {
            let (sep, len) = separator_at(i);
            if !sep {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            // A run of ASCII bytes that do not separate, in a tight loop.
            while bytes
                .get(i)
                .is_some_and(|&b| b.is_ascii() && !ASCII_SEPARATES[usize::from(b)])
            {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            let (sep, len) = separator_at(i);
            if sep {
                break;
            }
            i += len;
        }
        Some((start, &sentence[start..i]))
    })
}

fn capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && chars.any(|c| c.is_lowercase())
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

/// Candidate names in `text` that no gazetteer match covers.
pub fn find_candidates(
    text: &str,
    sentences: &[Range<usize>],
    known: &[GazMatch],
    content_end: usize,
) -> Vec<Candidate> {
    candidates_among(text, &words(text, sentences), known, content_end)
}

/// [`find_candidates`] among the words `ws`.
fn candidates_among(text: &str, ws: &[Word<'_>], known: &[GazMatch], content_end: usize) -> Vec<Candidate> {
    // Gazetteer matches are sorted and disjoint: binary search.
    let covered = |r: &Range<usize>| {
        let i = known.partition_point(|m| m.range.end <= r.start);
        known.get(i).is_some_and(|m| m.range.start < r.end)
    };
    let mut out = Vec::new();
    let mut i: usize = 0;
    while i < ws.len() {
        let w = &ws[i];
        if w.range.start >= content_end
            || !capitalised(w.text)
            || covered(&w.range)
            || NOT_NAMES_SET.contains(w.text)
            || TITLE_WORDS_SET.contains(w.text.trim_end_matches('.'))
        {
            i += 1;
            continue;
        }
        // Extend over capitalised words and inner connectors.
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() && !ws[j].sentence_start && !covered(&ws[j].range) {
            // Stop at punctuation between words ("Thanks, Karine"), also after the first.
            if text[ws[j - 1].range.end..ws[j].range.start].contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
            // Titles continue an organisation's name, not a person's ("Ministry of Foreign Affairs").
            let title_inside = TITLE_WORDS_SET.contains(ws[j].text) && ORG_WORDS_SET.contains(ws[i].text);
            if capitalised(ws[j].text)
                && !NOT_NAMES_SET.contains(ws[j].text)
                && (!TITLE_WORDS_SET.contains(ws[j].text) || title_inside)
            {
                last = j;
                j += 1;
            } else if CONNECTORS_SET.contains(ws[j].text) && j + 1 < ws.len() && capitalised(ws[j + 1].text) {
                j += 1;
            } else {
                break;
            }
        }
        let n_words = last - i + 1;
        let prev = i.checked_sub(1).map(|p| ws[p].text);
        let after_honorific = prev.is_some_and(|p| HONORIFICS_SET.contains(p.trim_end_matches('.')));
        // A single word at the start of a sentence is usually not a name.
        if n_words == 1 && w.sentence_start && !after_honorific {
            i = last + 1;
            continue;
        }
        // Generic nouns alone ("Ministry", "Council") are not names.
        if ws[i..=last].iter().all(|x| {
            ORG_WORDS_SET.contains(x.text) || TITLE_WORDS_SET.contains(x.text) || CONNECTORS_SET.contains(x.text)
        }) {
            i = last + 1;
            continue;
        }
        let range = w.range.start..ws[last].range.end;
        let kind = if ws[i..=last].iter().any(|x| ORG_WORDS_SET.contains(x.text)) {
            EntityKind::Organization
        } else if after_honorific {
            EntityKind::Person
        } else {
            EntityKind::Other
        };
        // Words right before a title are part of it ("Senior Policy Advisor", "District
        // Judge"), unless they name an organisation ("National Economic Council Director").
        let before_title = ws.get(last + 1).is_some_and(|next| {
            !next.sentence_start
                && TITLE_WORDS_SET.contains(next.text)
                && !text[ws[last].range.end..next.range.start].contains([',', ';', ':', '.', '(', ')'])
        });
        if before_title && kind != EntityKind::Organization {
            i = last + 1;
            continue;
        }
        out.push(Candidate {
            span: crate::model::Span::new(range),
            kind,
            lower_case_in_text: false,
        });
        i = last + 1;
    }
    out
}

/// Sets [`Candidate::lower_case_in_text`] on the `candidates` of `text` that are one word of
/// unknown kind whose lower-case form is also one of `tokens` (the words of the folded `text`,
/// with their ranges in `text`) written in lower case as a word of prose: with white space or an opening
/// bracket or quote before it, and white space, punctuation or a closing bracket or quote after
/// it (not a piece of a link or of a hyphenated word: "/karine-jean-pierre/").
pub fn mark_lower_case_uses(text: &str, tokens: &[Token<'_>], candidates: &mut [Candidate]) {
    // The one-word candidates' names, each with the index of its lower-case (folded) form
    // (folded once per name, not per mention).
    let mut form_of_name: FastMap<&str, usize> = FastMap::default();
    // Each form (names that differ in case only share one: "DREAMers", "Dreamers"), by index.
    let mut by_form: FastMap<String, usize> = FastMap::default();
    let mut form_of_candidate: Vec<(usize, usize)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let name = c.name(text);
        if c.kind != EntityKind::Other || name.contains(char::is_whitespace) {
            continue;
        }
        let form = *form_of_name.entry(name).or_insert_with(|| {
            // A one-word ASCII name ([`capitalised`]: letters, "-" and ".") folds to lower case.
            let folded = if name.is_ascii() {
                name.to_ascii_lowercase()
            } else {
                fold(name)
            };
            let next = by_form.len();
            *by_form.entry(folded).or_insert(next)
        });
        form_of_candidate.push((i, form));
    }
    // Whether each form is written in lower case.
    let mut seen = vec![false; by_form.len()];
    // Most tokens differ from every form in their first byte or their length: a bit per length
    // for each first byte rules them out without a lookup.
    let mut lengths = [0u64; 256];
    for f in by_form.keys() {
        if let Some(&b) = f.as_bytes().first().filter(|_| f.len() < 64) {
            lengths[usize::from(b)] |= 1 << f.len();
        }
    }
    let opens = |c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '«' | '\'' | '‘');
    let closes = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '”' | '»' | '\'' | '’'
            )
    };
    for t in tokens {
        let n = t.text.len();
        if n >= 64 || lengths[usize::from(t.text.as_bytes()[0])] & 1 << n == 0 {
            continue;
        }
        let Some(&k) = by_form.get(t.text).filter(|&&k| !seen[k]) else {
            continue;
        };
        let r = t.range.clone();
        let first_lower = text[r.start..].chars().next().is_some_and(char::is_lowercase);
        let before_ok = text[..r.start].chars().next_back().is_none_or(opens);
        let mut after = text[r.end..].chars();
        let after_ok = match after.next() {
            None => true,
            Some('.') => after.next().is_none_or(char::is_whitespace),
            Some(c) => closes(c),
        };
        if first_lower && before_ok && after_ok {
            seen[k] = true;
        }
    }
    for (i, form) in form_of_candidate {
        candidates[i].lower_case_in_text = seen[form];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::split_sentences;

    proptest::proptest! {
        /// The byte-wise word pieces are the runs `str::split` gives between separators,
        /// whatever the characters (ASCII, Unicode spaces, quotes, Cyrillic, accents).
        #[test]
        fn pieces_are_the_split_runs(s in "[a-zA-Z.,;:()\"'’ \t\n\u{a0}\u{2009}\u{85}“”«»а-яÉé-]{0,60}") {
            let expected: Vec<(usize, &str)> = s
                .split(separates)
                .scan(0usize, |at, w| {
                    let start = *at;
                    *at += w.len() + s[*at + w.len()..].chars().next().map_or(0, char::len_utf8);
                    Some((start, w))
                })
                .filter(|(_, w)| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(pieces(&s).collect::<Vec<_>>(), expected);
        }
    }

    /// Every word of `sentences`, none left out of a run.
    fn all_words<'a>(text: &'a str, sentences: &[Range<usize>]) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        for_each_sentence_word(text, sentences, |_| false, |w| out.push(w));
        out
    }

    /// Names, titles, connectors, words that are no names, lower-case words, punctuation and
    /// non-ASCII words.
    const SOUP: &[&str] = &[
        "Hakan",
        "Fidan",
        "Fidan's",
        "Astana.",
        "Astana,",
        "Mr.",
        "Mr",
        "President",
        "Ministry",
        "Council",
        "Foreign",
        "Minister",
        "of",
        "and",
        "bin",
        "The",
        "In",
        "Monday",
        "said",
        "talks",
        "said.",
        "x",
        "(Kazakhstan)",
        "U.S.",
        "NATO",
        "Токаев",
        "élan",
        "Élysée",
        "2022",
        "'Hello",
        "OK.",
        "of.",
        "said,",
        "—",
        "...",
    ];

    proptest::proptest! {
        /// Keeping only the first word of each run of words that play no part in a name
        /// finds the candidates that every word finds.
        #[test]
        fn runs_of_words_outside_names_change_no_candidate(
            soup in proptest::collection::vec(proptest::sample::select(SOUP), 0..40),
            cut in 0usize..400,
        ) {
            let text = soup.join(" ");
            let sentences = split_sentences(&text);
            let content_end = cut.min(text.len());
            let kept = words(&text, &sentences);
            let every = all_words(&text, &sentences);
            proptest::prop_assert_eq!(
                candidates_among(&text, &kept, &[], content_end),
                candidates_among(&text, &every, &[], content_end)
            );
        }
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let s = split_sentences(text);
        find_candidates(text, &s, &[], text.len())
            .into_iter()
            .map(|c| (c.name(text).to_string(), c.kind))
            .collect()
    }

    #[test]
    fn capitalised_sequences_and_titles() {
        let got = names(
            "The talks were hosted by Foreign Minister Hakan Fidan in Antalya. Officials said Mr. Fidan's plan was discussed at the Ministry of Foreign Affairs.",
        );
        assert!(
            got.contains(&("Hakan Fidan".into(), EntityKind::Person)),
            "after a title: {got:?}"
        );
        assert!(got.contains(&("Fidan".into(), EntityKind::Person)), "{got:?}");
        assert!(
            got.contains(&("Ministry of Foreign Affairs".into(), EntityKind::Organization)),
            "{got:?}"
        );
        assert!(got.iter().any(|(n, _)| n == "Antalya"), "{got:?}");
        assert!(!got.iter().any(|(n, _)| n == "The" || n == "Officials"), "{got:?}");
    }

    #[test]
    fn dates_and_sentence_starts_are_not_names() {
        let got = names(
            "On Monday, Astana spoke. Tuesday was quiet. In March the talks resumed. The Kazakh Foreign Ministry said so.",
        );
        assert!(
            !got.iter().any(|(n, _)| n == "Ministry" || n == "Foreign Ministry"),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|(n, _)| n == "Monday" || n == "Tuesday" || n == "March" || n == "In"),
            "{got:?}"
        );
    }

    #[test]
    fn punctuation_after_the_first_word_ends_the_name() {
        let got = names(
            "The briefing went on for an hour. Thanks, Karine. Officials met Hakan Fidan; Antalya hosted. \
             Reporters asked Fidan (Antalya) about it.",
        );
        assert!(
            got.iter().all(|(n, _)| !n.contains([',', ';', '(', ')', '.'])),
            "no name runs over punctuation: {got:?}"
        );
        assert!(got.iter().any(|(n, _)| n == "Karine"), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "Hakan Fidan"), "{got:?}");
    }

    #[test]
    fn the_first_word_after_a_speakers_label_is_no_name() {
        let got = names(
            "THE PRESIDENT: Well, we will see what the talks in Antalya bring. Q Thanks, Karine. \
             Q    Is the President going to Antalya? MS. JEAN-PIERRE: Yeah, Antalya is next. \
             The talks were hosted by Foreign Minister Hakan Fidan in Antalya. The forum had one host from Astana: Oralbayeva.",
        );
        for word in ["Well", "Thanks", "Is", "Yeah"] {
            assert!(!got.iter().any(|(n, _)| n == word), "{word}: {got:?}");
        }
        assert!(got.iter().any(|(n, _)| n == "Antalya"), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "Hakan Fidan"), "{got:?}");
        // Only after a label in capitals: a colon in a sentence starts none.
        assert!(got.iter().any(|(n, _)| n == "Oralbayeva"), "{got:?}");
    }

    #[test]
    fn names_that_differ_in_case_share_their_lower_case_use() {
        // ASCII text: the folded offsets are the original ones.
        let text = "They met the Dreamers and the DREAMers in Astana. A nation of dreamers, they said. \
                    The Taliban met them in Antalya.";
        let sentences = split_sentences(text);
        let mut found = find_candidates(text, &sentences, &[], text.len());
        let folded = crate::analysis::text::fold(text);
        mark_lower_case_uses(text, &crate::analysis::text::tokenize(&folded), &mut found);
        let marked: Vec<(&str, bool)> = found.iter().map(|c| (c.name(text), c.lower_case_in_text)).collect();
        assert_eq!(
            marked,
            [
                ("Dreamers", true),
                ("DREAMers", true),
                ("Astana", false),
                ("Taliban", false),
                ("Antalya", false)
            ],
        );
    }
}
