//! The stance-cue lexicon and phrase matching over word tokens.
//!
//! Loaded from `assets/lexicon.toml` (embedded) and, when present, the corpus
//! folder's `.stance-explorer/lexicon.toml` (cues with the same phrase replace the
//! shipped ones; lists are extended).

use super::text::{FastMap, Folded, Token, WordStart, fold, for_each_word, push_word_starts, tokenize};
use crate::model::SharedStr;
use serde::Deserialize;
use std::ops::Range;

/// The lexicon shipped with the app.
pub const DEFAULT_LEXICON: &str = include_str!("../../assets/lexicon.toml");

/// What a negation before a cue does to its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NegationMode {
    /// score → -score / 2 ("did not support" is mild opposition).
    #[default]
    Flip,
    /// score → 0 ("has not condemned" withholds criticism).
    Neutralize,
    /// Negation does not change the cue.
    Ignore,
    /// A negated cue states no act and gives no event ("Ukraine is not invading Russia",
    /// "if Russia does not invade").
    Drop,
}

/// Whom a cue is about when its sentence names nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImpliedTarget {
    /// Sanctions talk: the country under sanctions (gazetteer `sanctions`) the document mentions.
    Sanctioned,
    /// Facts on the ground: the country holding another's territory (gazetteer `occupies`)
    /// that the document mentions together with that country.
    Occupier,
}

/// One cue phrase.
#[derive(Debug, Clone, Deserialize)]
pub struct Cue {
    /// The phrase; a trailing `*` on a word matches any ending.
    pub phrase: String,
    /// -1.0 ..= 1.0.
    pub score: f32,
    /// CAMEO-like category.
    pub category: String,
    /// Language code.
    #[serde(default)]
    pub lang: String,
    /// Effect of a preceding negator.
    #[serde(default)]
    pub negation: NegationMode,
    /// Score when negated, instead of what `negation` gives ("never any disagreements" = accord).
    #[serde(default)]
    pub negated_score: Option<f32>,
    /// Category when negated (with `negated_score`).
    #[serde(default)]
    pub negated_category: Option<String>,
    /// Whom the cue is about when the sentence names no target.
    #[serde(default)]
    pub implied_target: Option<ImpliedTarget>,
    /// Words one of which must follow the cue within [`NEEDS_AFTER_WORDS`] words for it to
    /// count (a trailing `*` matches any ending): "summon*" only with "ambassador*", "envoy*".
    #[serde(default)]
    pub needs_after: Vec<String>,
    /// The cue addresses one country, named right after it, and its target is that country
    /// only ("urged Israel to …", "called on the Government of Bangladesh to …", "призвал
    /// Китай …"); with nobody or several addressed it gives nothing.
    #[serde(default)]
    pub addressee: bool,
    /// A positive cue anywhere after it in its clause is what it stops ("blocking the release of
    /// funds from the European Peace Facility for military aid to Ukraine"), not only one right
    /// after it.
    #[serde(default)]
    pub governs_clause: bool,
    /// The cue counts only where two or more governments named as one subject act together
    /// ("Italy and Tunisia agreed to …", "Латвия и Россия подписали …"), each toward the other;
    /// a verb too common to count on its own ("agreed to", "signed").
    #[serde(default)]
    pub joint: bool,
}

/// How many words after a cue its `needs_after` word is looked for.
pub const NEEDS_AFTER_WORDS: usize = 4;

impl Cue {
    /// Whether the cue's `needs_after` condition holds for the (lower-cased) words after it.
    pub fn needs_met<'a>(&self, after: impl Iterator<Item = &'a str>) -> bool {
        self.needs_after.is_empty() || self.needed_word(after).is_some()
    }

    /// How many words after the cue end with its first `needs_after` word ("suspended its 2002
    /// treaty" → 3), if one is there.
    pub fn needed_word<'a>(&self, after: impl Iterator<Item = &'a str>) -> Option<usize> {
        after
            .take(NEEDS_AFTER_WORDS)
            .position(|w| {
                self.needs_after.iter().any(|n| match n.strip_suffix('*') {
                    Some(stem) => w.starts_with(stem),
                    None => w == n,
                })
            })
            .map(|i| i + 1)
    }
}

#[derive(Debug, Deserialize, Default)]
struct LexiconFile {
    #[serde(default)]
    negators: Vec<String>,
    #[serde(default)]
    speech_verbs: Vec<String>,
    #[serde(default)]
    bodies: Vec<String>,
    #[serde(default)]
    conflict_words: Vec<String>,
    #[serde(default)]
    cue: Vec<Cue>,
}

#[derive(Debug, Clone)]
struct WordPat {
    text: String,
    prefix: bool,
}

impl WordPat {
    fn matches(&self, token: &str) -> bool {
        if self.prefix {
            token.starts_with(&self.text)
        } else {
            token == self.text
        }
    }
}

/// Matches multi-word phrases (with `word*` prefix words) against folded tokens.
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    phrases: Vec<Vec<WordPat>>,
    /// Phrases by the first four characters of their first word (all of it when shorter):
    /// one lookup per token finds every phrase that can start there. In each list, phrases
    /// whose first word must equal the token come first, then those whose first word is a
    /// prefix of four or more characters (`condemn*`); each group in list order.
    by_start: FastMap<String, Vec<usize>>,
    /// This matcher's bit in [`Token::starts`] when a [`Lexicon`] owns it (tokens whose
    /// `starts` lack it are skipped without a lookup); 0 for a matcher of its own, which looks
    /// every token up.
    bit: u8,
}

/// A phrase found at tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    /// Which phrase (index in the list given to [`PhraseMatcher::new`]).
    pub phrase: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// The first four characters of `s` (all of it when shorter), borrowed.
#[inline]
fn first4(s: &str) -> &str {
    match s.as_bytes().get(..4) {
        None => s.char_indices().nth(4).map_or(s, |(i, _)| &s[..i]),
        // Four ASCII bytes are four characters (the case of most words).
        Some(b) if b.is_ascii() => &s[..4],
        Some(_) => s.char_indices().nth(4).map_or(s, |(i, _)| &s[..i]),
    }
}

impl PhraseMatcher {
    /// Compiles `phrases`.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseMatcher {
        let mut m = PhraseMatcher::default();
        let mut by_start: FastMap<String, Vec<(bool, usize)>> = FastMap::default();
        for (i, p) in phrases.into_iter().enumerate() {
            let words: Vec<WordPat> = p
                .split_whitespace()
                .flat_map(|w| {
                    let prefix = w.ends_with('*');
                    let folded = fold(w.trim_end_matches('*'));
                    let words: Vec<String> = tokenize(&folded).into_iter().map(|t| t.text.to_string()).collect();
                    let n = words.len();
                    words.into_iter().enumerate().map(move |(j, text)| WordPat {
                        text,
                        prefix: prefix && j + 1 == n,
                    })
                })
                .collect();
            let Some(first) = words.first() else {
                m.phrases.push(words);
                continue;
            };
            // A prefix word shorter than four characters matches only the whole token
            // (its key is the whole word, which only that token's first four characters equal).
            let long_prefix = first.prefix && first.text.chars().count() >= 4;
            by_start
                .entry(first4(&first.text).to_string())
                .or_default()
                .push((long_prefix, i));
            m.phrases.push(words);
        }
        m.by_start = by_start
            .into_iter()
            .map(|(k, mut v)| {
                v.sort();
                (k, v.into_iter().map(|(_, i)| i).collect())
            })
            .collect();
        m
    }

    /// Leftmost-longest, non-overlapping hits in `tokens` (folded).
    pub fn find(&self, tokens: &[Token]) -> Vec<PhraseHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].starts & self.bit == 0 && self.bit != 0 {
                i += 1;
                continue;
            }
            let t = &tokens[i].text;
            let candidates = self.by_start.get(first4(t)).into_iter().flatten();
            let mut best: Option<PhraseHit> = None;
            for &p in candidates {
                let words = &self.phrases[p];
                if i + words.len() > tokens.len() {
                    continue;
                }
                if words.iter().zip(&tokens[i..]).all(|(w, t)| w.matches(t.text)) {
                    let end = i + words.len();
                    if best.is_none_or(|b| end > b.end) {
                        best = Some(PhraseHit {
                            phrase: p,
                            start: i,
                            end,
                        });
                    }
                }
            }
            match best {
                Some(b) => {
                    out.push(b);
                    i = b.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest phrase at the first of `tokens`: [`PhraseMatcher::find`]'s first hit when
    /// it starts there, found without scanning further.
    pub fn longest_at_start(&self, tokens: &[Token]) -> Option<PhraseHit> {
        let first = tokens.first()?;
        if first.starts & self.bit == 0 && self.bit != 0 {
            return None;
        }
        let mut best: Option<PhraseHit> = None;
        for &p in self.by_start.get(first4(first.text)).into_iter().flatten() {
            let words = &self.phrases[p];
            if words.len() <= tokens.len()
                && words.iter().zip(tokens).all(|(w, t)| w.matches(t.text))
                && best.is_none_or(|b| words.len() > b.end)
            {
                best = Some(PhraseHit {
                    phrase: p,
                    start: 0,
                    end: words.len(),
                });
            }
        }
        best
    }

    /// `self.find(&tokens[range])` (hits relative to `range.start`), read off `all_hits`, this
    /// matcher's [`PhraseMatcher::find`] over all of `tokens`, without searching again.
    ///
    /// The scan over all tokens passes through `range` exactly as a scan of `range` alone
    /// would, unless a hit runs into the range from before it (the slice's scan starts at its
    /// first token instead) or out of it (the slice's scan cannot see past its end, and may
    /// find a shorter phrase there): then `range` is searched on its own.
    pub fn find_in(&self, tokens: &[Token], all_hits: &[PhraseHit], range: Range<usize>) -> Vec<PhraseHit> {
        let first = all_hits.partition_point(|h| h.end <= range.start);
        let last = first + all_hits[first..].partition_point(|h| h.start < range.end);
        let inside = &all_hits[first..last];
        let runs_in = inside.first().is_some_and(|h| h.start < range.start);
        let runs_out = inside.last().is_some_and(|h| h.end > range.end);
        if runs_in || runs_out {
            return self.find(&tokens[range]);
        }
        inside
            .iter()
            .map(|h| PhraseHit {
                phrase: h.phrase,
                start: h.start - range.start,
                end: h.end - range.start,
            })
            .collect()
    }
}

/// Cues and word lists, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Cue phrases.
    pub cues: Vec<Cue>,
    /// Matcher for `cues`.
    pub cue_matcher: PhraseMatcher,
    /// Matcher for negators.
    pub negators: PhraseMatcher,
    /// Matcher for reported-speech verbs.
    pub speech_verbs: PhraseMatcher,
    /// Body names ("Foreign Ministry"), as written.
    pub bodies: Vec<String>,
    /// `bodies` with their first letter in upper case, as a speaker is named ("Foreign
    /// Ministry of Kazakhstan").
    pub bodies_titled: Vec<String>,
    /// Matcher for `bodies`.
    pub body_matcher: PhraseMatcher,
    /// Matcher for the words that name an armed conflict ("war", "ceasefire").
    pub conflict_words: PhraseMatcher,
    /// Per cue: whether its own phrase names an armed conflict ("ceasefire", "end the war"),
    /// so that an appeal for peace made with it needs no other conflict word nearby.
    pub cue_names_conflict: Vec<bool>,
    /// Per cue: how an explanation names it, `“phrase” (category±score` (written once, not per
    /// event).
    pub cue_labels: Vec<String>,
    /// One shared string per category (plain and negated) of `cues`.
    categories: super::text::FastSet<SharedStr>,
    /// The first four characters of every phrase's first word, with the bits of the matchers
    /// whose phrases start so ([`Lexicon::mark_phrase_starts`]).
    starts: StartTable,
}

/// Which matchers have a phrase whose first word starts with given four characters, by a
/// hash of those characters: each slot holds the bits of every key that hashes to it, so a
/// token's bits are a superset of the matchers that can start there (a matcher still looks
/// the token up itself) and a clear slot, the case of most words, rules all of them out.
#[derive(Clone)]
struct StartTable(Box<[u8]>);

impl StartTable {
    const SLOTS: usize = 1 << 16;

    fn slot(key: &str) -> usize {
        usize::from(super::text::hash16(key))
    }

    fn new<'a>(keys: impl IntoIterator<Item = (&'a str, u8)>) -> StartTable {
        let mut slots = vec![0u8; Self::SLOTS].into_boxed_slice();
        for (key, bit) in keys {
            slots[Self::slot(key)] |= bit;
        }
        StartTable(slots)
    }

    fn bits(&self, key: &str) -> u8 {
        self.0[Self::slot(key)]
    }
}

impl std::fmt::Debug for StartTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self.0.iter().filter(|&&b| b != 0).count();
        write!(f, "StartTable({used} of {} slots used)", self.0.len())
    }
}

impl Lexicon {
    /// The shared string of `category` (a new one for a category no cue has).
    pub fn shared_category(&self, category: &str) -> SharedStr {
        self.categories
            .get(category)
            .cloned()
            .unwrap_or_else(|| category.into())
    }

    /// Sets each token's [`Token::starts`]: which of this lexicon's matchers have a phrase
    /// that can start there. One lookup per token, instead of one per token and matcher: the
    /// matchers then skip the tokens whose bit is clear. Tokens marked by one lexicon must not
    /// be matched with another's matchers.
    pub fn mark_phrase_starts(&self, tokens: &mut [Token]) {
        for t in tokens {
            t.starts = self.starts.bits(first4(t.text));
        }
    }

    /// The tokens of a folded text, with their ranges in the original text and marked as
    /// [`Lexicon::mark_phrase_starts`] does, in one pass.
    pub fn tokens<'t>(&self, folded: &'t Folded) -> Vec<Token<'t>> {
        self.tokens_and_word_starts(folded).0
    }

    /// [`Lexicon::tokens`], and the [`super::text::word_starts`] of the folded text found on
    /// the way (for the gazetteer).
    pub fn tokens_and_word_starts<'t>(&self, folded: &'t Folded) -> (Vec<Token<'t>>, Vec<WordStart>) {
        // A word per 6-7 bytes of prose (wh-briefings: 6.3 on average, 5.8 for the densest tenth
        // of its files): reserved for one per five, so that nearly no text grows these tables
        // by doubling and copying them.
        let mut tokens = Vec::with_capacity(folded.text.len() / 5);
        let mut starts = Vec::with_capacity(folded.text.len() / 5);
        for_each_word(&folded.text, |range| {
            let word = &folded.text[range.clone()];
            push_word_starts(&folded.text, range.clone(), &mut starts);
            tokens.push(Token {
                range: folded.original_range(range),
                text: word,
                starts: self.starts.bits(first4(word)),
            });
        });
        (tokens, starts)
    }

    /// The shipped lexicon extended by `override_src` (TOML in the same format).
    pub fn with_override(override_src: Option<&str>) -> Result<Lexicon, String> {
        let mut base: LexiconFile = toml::from_str(DEFAULT_LEXICON).map_err(|e| e.to_string())?;
        if let Some(src) = override_src {
            let o: LexiconFile = toml::from_str(src).map_err(|e| e.to_string())?;
            base.negators.extend(o.negators);
            base.speech_verbs.extend(o.speech_verbs);
            base.bodies.extend(o.bodies);
            base.conflict_words.extend(o.conflict_words);
            for c in o.cue {
                let key = fold(&c.phrase);
                match base.cue.iter_mut().find(|b| fold(&b.phrase) == key) {
                    Some(b) => *b = c,
                    None => base.cue.push(c),
                }
            }
        }
        for c in &mut base.cue {
            c.score = c.score.clamp(-1.0, 1.0);
            c.negated_score = c.negated_score.map(|s| s.clamp(-1.0, 1.0));
        }
        let categories = base
            .cue
            .iter()
            .flat_map(|c| std::iter::once(&c.category).chain(&c.negated_category))
            .map(|c| SharedStr::from(c.as_str()))
            .collect();
        let conflict_words = PhraseMatcher::new(base.conflict_words.iter().map(String::as_str));
        let cue_names_conflict = base
            .cue
            .iter()
            .map(|c| {
                !conflict_words
                    .find(&tokenize(&fold(&c.phrase.replace('*', ""))))
                    .is_empty()
            })
            .collect();
        let mut lexicon = Lexicon {
            categories,
            conflict_words,
            cue_names_conflict,
            cue_labels: base
                .cue
                .iter()
                .map(|c| format!("“{}” ({}{:+.2}", c.phrase, c.category, c.score))
                .collect(),
            cue_matcher: PhraseMatcher::new(base.cue.iter().map(|c| c.phrase.as_str())),
            negators: PhraseMatcher::new(base.negators.iter().map(String::as_str)),
            speech_verbs: PhraseMatcher::new(base.speech_verbs.iter().map(String::as_str)),
            body_matcher: PhraseMatcher::new(base.bodies.iter().map(String::as_str)),
            bodies_titled: base
                .bodies
                .iter()
                .map(|b| {
                    let mut c = b.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect(),
            bodies: base.bodies,
            cues: base.cue,
            starts: StartTable::new([]),
        };
        let mut keys: Vec<(String, u8)> = Vec::new();
        let matchers = [
            &mut lexicon.cue_matcher,
            &mut lexicon.negators,
            &mut lexicon.speech_verbs,
            &mut lexicon.body_matcher,
            &mut lexicon.conflict_words,
        ];
        for (k, m) in matchers.into_iter().enumerate() {
            m.bit = 1 << k;
            keys.extend(m.by_start.keys().map(|key| (key.clone(), m.bit)));
        }
        lexicon.starts = StartTable::new(keys.iter().map(|(k, b)| (k.as_str(), *b)));
        Ok(lexicon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of the lexicon's own phrase words (so that phrases occur, whole and cut), other
    /// words, Cyrillic and short ones.
    fn phrase_soup(lex: &Lexicon) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut words: Vec<String> = lex
            .cues
            .iter()
            .map(|c| c.phrase.replace('*', ""))
            .chain(lex.bodies.iter().cloned())
            .flat_map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect();
        words.extend(
            [
                "the",
                "of",
                "a",
                "Ukraine",
                "said",
                "не",
                "war",
                "calls",
                "condemnation",
                "x",
                "supports",
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        prop::collection::vec(prop::sample::select(words), 0..40).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        /// Marking tokens with the lexicon's phrase starts changes no matcher's hits.
        #[test]
        fn marked_tokens_find_what_unmarked_ones_do(text in phrase_soup(&Lexicon::with_override(None).unwrap())) {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::with_override(None).unwrap());
            let lex = &*LEX;
            let folded = fold(&text);
            let unmarked = tokenize(&folded);
            let mut marked = unmarked.clone();
            lex.mark_phrase_starts(&mut marked);
            for m in [&lex.cue_matcher, &lex.negators, &lex.speech_verbs, &lex.body_matcher, &lex.conflict_words] {
                proptest::prop_assert_eq!(m.find(&marked), m.find(&unmarked));
            }
        }
    }

    #[test]
    fn the_longest_phrase_at_the_start_wins_in_either_order() {
        let folded = fold("Foreign Ministry said");
        let tokens = tokenize(&folded);
        for phrases in [["foreign", "foreign ministry"], ["foreign ministry", "foreign"]] {
            let m = PhraseMatcher::new(phrases);
            let hit = m.longest_at_start(&tokens).expect("a phrase at the start");
            assert_eq!((phrases[hit.phrase], hit.start, hit.end), ("foreign ministry", 0, 2));
            assert_eq!(m.longest_at_start(&tokens[1..]), None);
        }
    }

    proptest::proptest! {
        /// The longest phrase at the first token is the first hit of a scan, when that hit
        /// starts there, and nothing otherwise.
        #[test]
        fn the_longest_phrase_at_the_start_is_the_scans_first_hit_there(
            text in phrase_soup(&Lexicon::with_override(None).unwrap()),
            a in 0usize..45,
        ) {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::with_override(None).unwrap());
            let lex = &*LEX;
            let folded = fold(&text);
            let mut tokens = tokenize(&folded);
            lex.mark_phrase_starts(&mut tokens);
            let rest = &tokens[a.min(tokens.len())..];
            for m in [&lex.cue_matcher, &lex.negators, &lex.speech_verbs, &lex.body_matcher, &lex.conflict_words] {
                let first = m.find(rest).into_iter().next().filter(|h| h.start == 0);
                proptest::prop_assert_eq!(m.longest_at_start(rest), first);
            }
        }
    }

    proptest::proptest! {
        /// The hits in a range of tokens read off the hits over all of them are the range's
        /// own hits, wherever the range starts and ends (also inside a phrase).
        #[test]
        fn hits_in_a_range_are_the_range_s_own(
            text in phrase_soup(&Lexicon::with_override(None).unwrap()),
            a in 0usize..45,
            b in 0usize..45,
        ) {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::with_override(None).unwrap());
            let lex = &*LEX;
            let folded = fold(&text);
            let mut tokens = tokenize(&folded);
            lex.mark_phrase_starts(&mut tokens);
            let (a, b) = (a.min(b).min(tokens.len()), a.max(b).min(tokens.len()));
            for m in [&lex.cue_matcher, &lex.negators, &lex.speech_verbs, &lex.body_matcher, &lex.conflict_words] {
                let all = m.find(&tokens);
                proptest::prop_assert_eq!(m.find_in(&tokens, &all, a..b), m.find(&tokens[a..b]));
            }
        }
    }

    proptest::proptest! {
        /// Tokens cut and marked in one pass are those tokenised, mapped back to the original
        /// text and then marked.
        #[test]
        fn tokens_in_one_pass_are_those_cut_mapped_and_marked(text in "([A-Za-zÉéЁё' .,-]{0,12}|Condemned|Support|Не |Такие )*") {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::with_override(None).unwrap());
            let lex = &*LEX;
            let folded = Folded::new(&text);
            let mut expected: Vec<Token> = tokenize(&folded.text)
                .into_iter()
                .map(|t| Token {
                    range: folded.original_range(t.range),
                    ..t
                })
                .collect();
            lex.mark_phrase_starts(&mut expected);
            let (tokens, starts) = lex.tokens_and_word_starts(&folded);
            proptest::prop_assert_eq!(tokens, expected);
            proptest::prop_assert_eq!(starts, crate::analysis::text::word_starts(&folded.text));
        }
    }

    #[test]
    fn most_words_start_no_phrase() {
        let lex = Lexicon::with_override(None).unwrap();
        let folded = fold("The talks of the week ended; condemnation followed, and we support peace.");
        let mut tokens = tokenize(&folded);
        lex.mark_phrase_starts(&mut tokens);
        let starting: Vec<&str> = tokens.iter().filter(|t| t.starts != 0).map(|t| t.text).collect();
        // The cue words are marked; most function words are not.
        assert!(
            starting.contains(&"condemnation") && starting.contains(&"support"),
            "{starting:?}"
        );
        assert!(tokens.iter().filter(|t| t.starts == 0).count() >= 6, "{starting:?}");
        assert!(tokens.iter().all(|t| t.starts != Token::UNMARKED));
    }

    #[test]
    fn phrases_and_prefixes_match_longest_first() {
        let m = PhraseMatcher::new(["worthy of support", "support", "condemn*", "осуди*"]);
        let f = fold("It is worthy of support; they condemned it and осудили.");
        let t = tokenize(&f);
        let hits: Vec<usize> = m.find(&t).into_iter().map(|h| h.phrase).collect();
        assert_eq!(hits, [0, 2, 3]);
    }

    #[test]
    fn short_long_ascii_and_cyrillic_first_words_are_all_found() {
        let m = PhraseMatcher::new([
            "un",
            "un*",
            "unit",
            "united nations",
            "at",
            "оон",
            "осуди*",
            "n't",
            "ab1",
            "uni*",
        ]);
        let f = fold("UN United Nations unite unity at oon оон осудили AB1 isn't uni");
        let t = tokenize(&f);
        let hits: Vec<(usize, usize)> = m.find(&t).into_iter().map(|h| (h.phrase, h.start)).collect();
        // A prefix under four characters ("un*", "uni*") matches only the whole word (its key
        // is the whole word, which only that token's first four characters equal): "uni" but
        // not "unity"; "unit" is not a prefix pattern, so not "unite".
        assert_eq!(hits, [(0, 0), (3, 1), (4, 5), (5, 7), (6, 8), (8, 9), (9, 11)]);
    }

    #[test]
    fn shipped_lexicon_parses_and_finds_cues() {
        let lex = Lexicon::with_override(None).unwrap();
        assert!(lex.cues.len() > 100);
        let f = fold("The plan deserves support, the ministry said.");
        let t = tokenize(&f);
        assert!(!lex.cue_matcher.find(&t).is_empty());
        assert!(!lex.speech_verbs.find(&t).is_empty());
    }
}
