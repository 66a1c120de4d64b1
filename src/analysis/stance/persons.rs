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
/// Beginnings of Russian and Ukrainian titles, in any case ("министр", "министра", "посла",
/// "речник", "представителя"): a title before its party's name in the genitive ("заместитель
/// министра иностранных дел России Андрей Руденский").
const CYRILLIC_TITLE_STEMS: &[&str] = &[
    "министр",
    "міністр",
    "посол",
    "посла",
    "послу",
    "представител",
    "представник",
    "постпред",
    "пресс-секретар",
    "прес-секретар",
    "речник",
    "спикер",
    "президент",
    "премьер",
    "прем'єр",
    "канцлер",
    "дипломат",
    "глава",
    "главы",
    "голова",
    "голови",
];

/// Words of a titled name at most ("Ambassador Linda Thomas-Greenfield": its three tokens).
const NAME_WORDS: usize = 3;
/// Tokens from the end of the party's name to the title, at most ("Kazakhstan's Deputy Foreign
/// Minister": "s", "deputy", "foreign", "minister").
const TITLE_AFTER_PARTY_WORDS: usize = 4;
/// Tokens from a title to its party's name after it, at most ("Minister of Foreign Affairs of
/// Kazakhstan": "minister", "of", "foreign", "affairs", "of").
const TITLE_BEFORE_PARTY_WORDS: usize = 5;
/// Tokens from a speech verb to a title after it, at most ("заявил в четверг заместитель").
const TITLE_AFTER_SPEECH_WORDS: usize = 4;
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
    ///
    /// Also a name right after its party's name, which a title shortly before names ("Deputy
    /// Minister of Foreign Affairs of Kazakhstan Roman Vassilenko", "посол США Линн Трейси"):
    /// before the first cue, or in the attribution after a speech verb ("…, заявил в четверг
    /// заместитель министра иностранных дел России Андрей Руденский").
    #[allow(clippy::too_many_arguments)]
    pub(super) fn learn(
        &mut self,
        input: &StanceInput<'_>,
        gaz: &Gazetteer,
        lex: &Lexicon,
        toks: &[Token],
        placed: &[Placed<'_>],
        in_quote: &dyn Fn(usize) -> bool,
        first_cue: usize,
        party: usize,
    ) {
        let text = input.text;
        // Token indexes of the sentence's speech verbs, found when a title after its first
        // cue asks.
        let mut speech: Option<Vec<usize>> = None;
        for i in 0..toks.len() {
            if !is_title(toks[i].text) || in_quote(toks[i].range.start) {
                continue;
            }
            if i >= first_cue {
                let verbs = speech.get_or_insert_with(|| lex.speech_verbs.find(toks).iter().map(|v| v.start).collect());
                if !verbs.iter().any(|&v| v < i && i - v <= TITLE_AFTER_SPEECH_WORDS) {
                    continue;
                }
            }
            if let Some(name) = name_after_titled_party(input, gaz, toks, placed, i, party) {
                self.remember(text, toks, name, party);
                continue;
            }
            if i >= first_cue || !PERSON_TITLES_SET.contains(toks[i].text) {
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
            self.remember(text, toks, name, party);
        }
    }

    /// Remembers the name at token range `name` as a person of `party`.
    fn remember(&mut self, text: &str, toks: &[Token], name: Range<usize>, party: usize) {
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

    /// The party of a placed person named by surname in the sentence, outside quotations, before
    /// its first cue or next to a speech verb (at the token indexes `speech`), with the name
    /// as first written and the surname's token index.
    pub(super) fn find(
        &self,
        text: &str,
        toks: &[Token],
        placed: &[Placed<'_>],
        in_quote: &dyn Fn(usize) -> bool,
        first_cue: usize,
        speech: &[usize],
    ) -> Option<(usize, &str, usize)> {
        // A transcript's label ("Vavroušek: Yes, Moscow expelled …") names who speaks the turn,
        // not the subject of its sentence.
        let label = |i: usize| {
            let t = &toks[i];
            let line_start = text[..t.range.start].rfind('\n').map_or(0, |n| n + 1);
            text[t.range.end..].trim_start_matches('*').starts_with(':')
                && text[line_start..t.range.start]
                    .split_whitespace()
                    .all(|w| w.trim_matches('*').chars().next().is_some_and(char::is_uppercase))
        };
        let named = |i: usize| {
            let t = &toks[i];
            is_name_word(&text[t.range.clone()])
                && !in_quote(t.range.start)
                && !placed.iter().any(|p| (p.first..=p.last).contains(&i))
                && !label(i)
        };
        toks.iter().enumerate().find_map(|(i, t)| {
            let near_speech = speech.iter().any(|&v| v.abs_diff(i) <= 2);
            if !(i < first_cue || near_speech) || !named(i) {
                return None;
            }
            self.known
                .iter()
                .find(|k| same_surname(&k.0, t.text))
                .and_then(|k| Some((k.1?, k.2.as_str(), i)))
        })
    }
}

/// Prepositions between a title and the country it is sent to.
const ENVOY_TO: &[&str] = &["to", "in", "at", "with", "в", "во", "у", "при", "до", "на"];
word_set!(ENVOY_TO_SET, ENVOY_TO);

/// Whether token `word` is a title: an English one, or a Russian or Ukrainian one in any case.
fn is_title(word: &str) -> bool {
    PERSON_TITLES_SET.contains(word) || !word.is_ascii() && CYRILLIC_TITLE_STEMS.iter().any(|s| word.starts_with(s))
}

/// The name right after a name of `party` (a country or a body), which the title at token
/// `title` names from at most [`TITLE_BEFORE_PARTY_WORDS`] tokens before it, with no
/// punctuation between: "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu".
fn name_after_titled_party(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    toks: &[Token],
    placed: &[Placed<'_>],
    title: usize,
    party: usize,
) -> Option<Range<usize>> {
    let text = input.text;
    let p = placed
        .iter()
        .find(|p| p.first > title && p.first - title <= TITLE_BEFORE_PARTY_WORDS)?;
    let unbroken = |a: usize, b: usize| {
        text[toks[a].range.end..toks[b].range.start]
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-')
    };
    // A demonym qualifies what follows it ("Assistant Secretary of Indian Affairs"), and a
    // possessive is followed by what is the party's ("Russia's Foreign Ministry").
    if gaz.kind(p.m.entry) == EntityKind::Person
        || p.m.form == NameForm::Demonym
        || p.m.possessive
        || actor_entry(gaz, p.m.entry, input.doc_date) != Some(party)
        || !unbroken(title, p.first)
        // An envoy to a country is not its own ("Ambassador to Russia John Sullivan", "посол в
        // Украине").
        || toks[title + 1..p.first].iter().any(|t| ENVOY_TO_SET.contains(t.text))
        || p.last + 1 >= toks.len()
        || !text[toks[p.last].range.end..toks[p.last + 1].range.start].chars().all(|c| c == ' ')
    {
        return None;
    }
    let name = name_after(text, toks, placed, p.last + 1);
    (!name.is_empty()).then_some(name)
}

/// Whether the surname `known` (as tokenised) and the token `word` are one name: equal, or, in
/// Cyrillic, inflected from one stem ("руденский", "руденского"; "захарова", "захаровой").
fn same_surname(known: &str, word: &str) -> bool {
    if known == word {
        return true;
    }
    let cyrillic = |w: &str| w.chars().next().is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    if !cyrillic(known) || !cyrillic(word) {
        return false;
    }
    // The stem: the surname without its last one or two vowels (and "й", "ь").
    let ending = |c: char| "аеёиоуыэюяйьіїє".contains(c);
    let mut stem = known;
    for _ in 0..2 {
        match stem.chars().next_back() {
            Some(c) if ending(c) => stem = &stem[..stem.len() - c.len_utf8()],
            _ => break,
        }
    }
    stem.chars().count() >= 4
        && word.starts_with(stem)
        && word[stem.len()..].chars().count() <= 3
        && word[stem.len()..].chars().all(ending_or_case)
}

/// A letter of a Russian or Ukrainian case ending ("ого", "ому", "ой", "им", "ым", "ем").
fn ending_or_case(c: char) -> bool {
    "аеёиоуыэюяйьіїємхг".contains(c)
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
