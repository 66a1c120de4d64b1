//! People the gazetteer does not know, placed by the document itself: "Speaking for the United
//! States, Ambassador Dorothy Merrick condemned …" ties Merrick to the United States, so that a
//! later "Ms. Merrick also accused Iran …" or "…,” Merrick said" acts for it.

use super::*;

/// Titles before a person's name: the name after one, in a sentence whose actor is known, is
/// that actor's person.
const PERSON_TITLES: &[&str] = &[
    "ambassador",
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "envoy",
    "representative",
    "chancellor",
    "premier",
    "diplomat",
    "delegate",
    "commissioner",
    "chairman",
    "chairwoman",
];
word_set!(PERSON_TITLES_SET, PERSON_TITLES);

/// Words of a titled name at most ("Ambassador Linda Thomas-Greenfield": its three tokens).
const NAME_WORDS: usize = 3;
/// Tokens from the end of the party's name to the title, at most ("Kazakhstan's Deputy Foreign
/// Minister": "s", "deputy", "foreign", "minister").
const TITLE_AFTER_PARTY_WORDS: usize = 4;
/// Capitalised words that are no one's name ("The", "I", "As").
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "in", "on", "for", "as", "at", "by", "with", "from", "i", "we", "he", "she",
    "it", "they", "this", "that", "prime", "general", "said", "says",
];
word_set!(NOT_NAMES_SET, NOT_NAMES);

/// Surnames of people the document placed, with the party each acts for.
#[derive(Debug, Default)]
pub(super) struct NamedPersons {
    /// (surname as tokenised, party (None: seen with several), name as written).
    known: Vec<(String, Option<usize>, String)>,
}

impl NamedPersons {
    /// Whether no person is known yet.
    pub(super) fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Learns the titled names right after a name of `party` (the sentence's own actor), before
    /// the sentence's first cue (`first_cue`, a token index), as people of `party`: "Speaking
    /// for the United States, Ambassador Dorothy Merrick", "Kazakh Foreign Minister Murat
    /// Nurtleu", "the representative of Japan, Ambassador Kenji Moriyama".
    #[allow(clippy::too_many_arguments)]
    pub(super) fn learn(
        &mut self,
        input: &StanceInput<'_>,
        gaz: &Gazetteer,
        toks: &[Token],
        placed: &[Placed<'_>],
        in_quote: &dyn Fn(usize) -> bool,
        first_cue: usize,
        party: usize,
    ) {
        let text = input.text;
        for i in 0..first_cue.min(toks.len()) {
            if !PERSON_TITLES_SET.contains(toks[i].text) || in_quote(toks[i].range.start) {
                continue;
            }
            // Right after the party's name (a country or a body, not another person), over
            // title words only ("Kazakh Foreign Minister"); after a comma only where the party
            // is the one spoken for or represented ("Speaking for the United States, Ambassador
            // …", "the representative of Japan, Ambassador …", not "President Joe Biden,
            // President Tshisekedi").
            let represented = |p: &Placed<'_>| {
                let before = p.first.checked_sub(1).map(|k| {
                    if toks[k].text == "the" {
                        k.checked_sub(1)
                    } else {
                        Some(k)
                    }
                });
                before.flatten().is_some_and(|k| matches!(toks[k].text, "for" | "of"))
            };
            let of_party = placed.iter().any(|p| {
                p.last < i
                    && i - p.last <= TITLE_AFTER_PARTY_WORDS
                    && gaz.kind(p.m.entry) != EntityKind::Person
                    && (!text[toks[p.last].range.end..toks[i].range.start].contains(',') || represented(p))
                    && actor_entry(gaz, p.m.entry, input.doc_date) == Some(party)
                    && toks[p.last + 1..i]
                        .iter()
                        .all(|t| t.text == "s" || TITLE_GAP_SET.contains(t.text) && !matches!(t.text, "of" | "the"))
            });
            if !of_party {
                continue;
            }
            let name = name_after(text, toks, placed, i + 1);
            if name.is_empty() || name.end > first_cue {
                continue;
            }
            let surname = toks[name.end - 1].text;
            let written = normalise_space(&text[toks[name.start].range.start..toks[name.end - 1].range.end]);
            match self.known.iter_mut().find(|k| k.0 == surname) {
                // A name seen with another party names no one party.
                Some(k) if k.1 != Some(party) => k.1 = None,
                Some(_) => {}
                None => self
                    .known
                    .push((surname.to_string(), Some(party), written.into_owned())),
            }
        }
    }

    /// The party of a placed person named by surname in the sentence, outside quotations, before
    /// its first cue or next to a speech verb (at the token indexes `speech`), with the name
    /// as first written.
    pub(super) fn find(
        &self,
        text: &str,
        toks: &[Token],
        placed: &[Placed<'_>],
        in_quote: &dyn Fn(usize) -> bool,
        first_cue: usize,
        speech: &[usize],
    ) -> Option<(usize, &str)> {
        let named = |i: usize| {
            let t = &toks[i];
            is_name_word(&text[t.range.clone()])
                && !in_quote(t.range.start)
                && !placed.iter().any(|p| (p.first..=p.last).contains(&i))
        };
        toks.iter().enumerate().find_map(|(i, t)| {
            let near_speech = speech.iter().any(|&v| v.abs_diff(i) <= 2);
            if !(i < first_cue || near_speech) || !named(i) {
                return None;
            }
            self.known
                .iter()
                .find(|k| k.0 == t.text)
                .and_then(|k| Some((k.1?, k.2.as_str())))
        })
    }
}

/// The capitalised words of a name starting at token `from`, none of them a title or a
/// gazetteer name, at most [`NAME_WORDS`] and joined by spaces or hyphens only.
fn name_after(text: &str, toks: &[Token], placed: &[Placed<'_>], from: usize) -> Range<usize> {
    let mut end = from;
    while end < toks.len() && end - from < NAME_WORDS {
        let t = &toks[end];
        let capitalised = is_name_word(&text[t.range.clone()]) && !NOT_NAMES_SET.contains(t.text);
        let joined = end == from || {
            let gap = &text[toks[end - 1].range.end..t.range.start];
            gap.chars().all(|c| c == ' ' || c == '-')
        };
        if !capitalised
            || !joined
            || PERSON_TITLES_SET.contains(t.text)
            || placed.iter().any(|p| (p.first..=p.last).contains(&end))
        {
            break;
        }
        end += 1;
    }
    // A name of more words than that is something else ("Ambassador Of The Year Award").
    if end < toks.len() && end - from == NAME_WORDS && is_name_word(&text[toks[end].range.clone()]) {
        return from..from;
    }
    from..end
}

/// A word written as a name: a capital, then lower-case letters ("Merrick", "Thomas", not
/// "OF", "I").
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && word.chars().count() >= 2 && chars.any(char::is_lowercase)
}
