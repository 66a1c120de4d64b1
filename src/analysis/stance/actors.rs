//! Who holds a sentence's stance: the speaker of reported speech, the party spoken for, the
//! sentence's subject, or the actor carried from the sentence before.

use super::*;

/// The speaker of a reported-speech verb outside quotation marks in this sentence:
/// a name before or after the verb ("…,” the Kazakh ministry said; said Tokayev), a body
/// without its country ("the Foreign Ministry said": the country last acting in the
/// document), or a pronoun ("he said": the previous actor).
#[allow(clippy::too_many_arguments)]
pub(super) fn speech_actor(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    in_quote: &dyn Fn(usize) -> bool,
    first_cue: Option<usize>,
    prev: Option<&Actor>,
    doc_actor: Option<&Actor>,
) -> Option<Actor> {
    let can_act = |p: &Placed<'_>| actor_entry(gaz, p.m.entry, input.doc_date).is_some();
    let outside = |p: &Placed<'_>| !in_quote(p.m.range.start);
    // Tokens are lower case; the text says whether a word was capitalised.
    let capitalised = |t: &Token| input.text[t.range.clone()].starts_with(char::is_uppercase);
    for verb in lex.speech_verbs.find(toks) {
        // A verb in a clause of its own after the first cue speaks for that clause only:
        // "Україна подякувала Польщі за виважену позицію: Варшава заявила, що …", "…, while
        // Mauritania announced it was cutting ties".
        // Only where the first clause names its own subject ("Enhancing Satellite Cooperation:
        // The United States and Japan announced …" is a heading and its item).
        if let Some(c) = first_cue.filter(|&c| c < verb.start && placed.iter().any(|p| p.last < c && can_act(p))) {
            let between = &input.text[toks[c].range.end..toks[verb.start].range.start];
            if between.contains([':', ';']) || between.contains(", while ") || between.contains(", whereas ") {
                continue;
            }
        }
        // Participles ("…, saying") share the main clause's subject: rule 2.
        if in_quote(toks[verb.start].range.start) || toks[verb.end - 1].text.ends_with("ing") {
            continue;
        }
        // "the plan proposed by China": a passive participle names its agent after "by"; it
        // qualifies a noun and reports no one's speech.
        if toks.get(verb.end).is_some_and(|t| t.text == "by") {
            continue;
        }
        let before = placed
            .iter()
            .filter(|p| {
                if p.last >= verb.start {
                    return false;
                }
                let gap = &input.text[toks[p.last].range.end..toks[verb.start].range.start];
                let titled = || {
                    toks[p.last + 1..verb.start]
                        .iter()
                        .all(|t| capitalised(t) || TITLE_GAP_SET.contains(t.text))
                };
                can_act(p)
                    && outside(p)
                    && p.last < verb.start
                    && (verb.start - p.last <= 4
                        || verb.start - p.last <= TITLED_SPEAKER_WORDS
                            && !gap.contains([',', ';', ':', '(', ')', '—', '–'])
                            && titled()
                        // "The Minister for Foreign Affairs of Ethiopia, Ms. Tigist Alemu
                        // Worku, said": the office's holder named in apposition.
                        || verb.start - p.last <= TITLED_SPEAKER_WORDS
                            && office_of_name(toks, p)
                            && gap.trim_start().starts_with(',')
                            && gap.trim_end().ends_with(',')
                            && titled()
                        // "Cuba's Minister for Foreign Affairs, Ramiro Ledesma Vidal, said":
                        // a country's office, its holder named in apposition.
                        || verb.start - p.last <= TITLED_SPEAKER_WORDS + 3
                            && office_possessed(input.text, toks, p, verb.start))
                    // "the African Union-led process and expressed": a name in a compound
                    // qualifies a noun.
                    && !input.text[p.m.range.end..].starts_with(['-', '‑'])
                    // Nor after a preposition and "the" ("commitment to the African Union").
                    && !(p.first > 1 && toks[p.first - 1].text == "the" && PREPOSITIONS_SET.contains(toks[p.first - 2].text))
                    // Not after a preposition, but "of" after an office in an apposition
                    // ("Jorge Araujo, Minister for Foreign Affairs of Venezuela, said that").
                    && !(p.first > 0
                        && PREPOSITIONS_SET.contains(toks[p.first - 1].text)
                        && !(office_of_name(toks, p)
                            && input.text[toks[p.last].range.end..toks[verb.start].range.start].contains(',')))
                    // Nor the last of a list after one ("solidarity with Egypt and Sudan and urged").
                    && !(p.first > 0 && matches!(toks[p.first - 1].text, "and" | "or") && after_preposition(placed, toks, p))
                    // Nor a name in an object before "and" and the verb: "summoned the Armenian
                    // ambassador and expressed a protest" shares the sentence's subject.
                    && !(p.last + 1 < verb.start && matches!(toks[verb.start - 1].text, "and" | "и" | "і" | "та" | "й"))
            })
            .max_by_key(|p| p.last);
        let after = placed
            .iter()
            .filter(|p| {
                can_act(p)
                    && outside(p)
                    && p.first >= verb.end
                    && p.first - verb.end <= 3
                    // "expressed full solidarity with Egypt": an object, not a speaker.
                    && !after_preposition(placed, toks, p)
            })
            .min_by_key(|p| p.first);
        // Words quoted from the text are quoted on one line (also where the text broke it).
        let verb_text = normalise_space(&input.text[toks[verb.start].range.start..toks[verb.end - 1].range.end]);
        let verb_text = verb_text.as_ref();
        // ", said Tokayev", "», — заявил Токаев": right after a comma or dash the speaker follows
        // the verb, and the names before it belong to what was said.
        // Not for verbs whose object follows ("…, urged Moscow to …").
        let addressing = matches!(
            toks[verb.start].text,
            "urged"
                | "urges"
                | "called"
                | "calls"
                | "told"
                | "tells"
                | "призвал"
                | "призвала"
                | "призвали"
                | "призывает"
        );
        // Not where "that" follows the verb: the comma closes an apposition ("Jorge Araujo,
        // Minister for Foreign Affairs of Venezuela, said that …").
        // Nor where it closes the apposition of an office's holder ("The Minister for Foreign
        // Affairs of Ethiopia, Ms. Tigist Alemu Worku, said the dam …").
        let holder_apposed = before.is_some_and(|p| {
            office_of_name(toks, p) && input.text[toks[p.last].range.end..toks[verb.start].range.start].contains(',')
                || office_possessed(input.text, toks, p, verb.start)
        });
        let inverted = verb.start > 0
            && !addressing
            && !holder_apposed
            && !toks
                .get(verb.end)
                .is_some_and(|t| matches!(t.text, "that" | "что" | "що"))
            && {
                let gap = &input.text[toks[verb.start - 1].range.end..toks[verb.start].range.start];
                gap.contains([',', '—', '–'])
            };
        // "The Secretary urged Israel to …": after a verb of address comes whom it addresses.
        // "The Foreign Ministry said Russia must withdraw …": a name after the verb of whom
        // something is demanded is not who demands it. (What a name after the verb "would" or
        // "will" do is mostly its own intent, reported: "its ministry said Nairobi would not
        // take sides".)
        let said_subject =
            |p: &&Placed<'_>| !p.m.possessive && toks.get(p.last + 1).is_some_and(|t| DEMAND_MODALS.contains(&t.text));
        let speaker = if inverted {
            after
        } else if addressing {
            before
        } else {
            before.or(after.filter(|p| !said_subject(p)))
        };
        if let Some(p) = speaker {
            let mut a = make_actor(
                input,
                gaz,
                lex,
                toks,
                placed,
                p,
                &["speaker of “", verb_text, "”"].concat(),
            );
            a.by_speech = true;
            a.speaks = true;
            // "Britain, France and Germany said": each of them.
            if !inverted {
                a.co = coordinated_actors(input, gaz, toks, placed, p, a.entry, verb.start, in_quote);
            }
            return Some(a);
        }
        // "the Foreign Ministry said", "the ministry also called for", "said the ministry".
        let from = verb.start.saturating_sub(4);
        let body = lex
            .body_matcher
            .find(&toks[from..verb.start])
            .into_iter()
            .map(|h| (from + h.start, from + h.end, h.phrase))
            .find(|&(_, e, _)| e + 1 >= verb.start)
            .or_else(|| {
                let to = (verb.end + 3).min(toks.len());
                lex.body_matcher
                    .find(&toks[verb.end..to])
                    .into_iter()
                    .map(|h| (verb.end + h.start, verb.end + h.end, h.phrase))
                    .find(|&(b, _, _)| b <= verb.end + 1)
            })
            .filter(|&(b, _, _)| !in_quote(toks[b].range.start));
        // An official text names its own country first: "“The Republic of Kazakhstan welcomes …,” the ministry said".
        let quote_subject = placed
            .iter()
            .find(|p| {
                let quoted = |k: usize| in_quote(toks[k].range.start);
                // Within the first three words of the quotation.
                quoted(p.first)
                    && (p.first.saturating_sub(2)..=p.first)
                        .any(|k| (k..=p.first).all(quoted) && (k == 0 || !quoted(k - 1)))
                    && gaz.kind(p.m.entry) == EntityKind::Country
            })
            .map(|p| (p.m.entry, "the country the quotation opens with"));
        let last_actor = doc_actor
            .filter(|a| gaz.kind(a.entry) == EntityKind::Country)
            .map(|a| (a.entry, "the country last named as actor"));
        if let Some((b, e, phrase)) = body
            && let Some((country_entry, why)) = quote_subject.or(last_actor)
        {
            let written = normalise_space(&input.text[toks[b].range.start..toks[e - 1].range.end]);
            let country = &gaz.entries[country_entry].name;
            return Some(Actor::speaking(
                country_entry,
                Some(([&lex.bodies_titled[phrase], " of ", country].concat(), None)),
                format!("speaker of “{verb_text}”: “{written}”, of {why}, {country}"),
                true,
            ));
        }
        // In the verb's own clause: not "for their solidarity, and said its lawyers …".
        let pronoun_before = (verb.start.saturating_sub(3)..verb.start).any(|i| {
            PRONOUNS_SET.contains(toks[i].text)
                && !input.text[toks[i].range.end..toks[verb.start].range.start].contains([',', ';', ':'])
        });
        if pronoun_before && let Some(prev) = prev {
            return Some(Actor {
                by_speech: true,
                speaks: true,
                first_person: false,
                ..prev.carry(["pronoun before “", verb_text, "”"].concat())
            });
        }
        // "“The Czech Republic stands with Moldova,” Foreign Minister Tomáš Hruban told
        // reporters": a speaker of no known country speaks for the country the quotation
        // opens with. Not where the speaker names itself apart: "«Сербия остаётся нашим
        // надёжным партнёром», — отметил дипломат" (Serbia is "our" partner).
        let speaker_apart = || {
            toks.iter()
                .any(|t| in_quote(t.range.start) && (SPEAKER_APART_SET.contains(t.text) || t.text.starts_with("наш")))
        };
        if let Some((entry, why)) = quote_subject
            && !speaker_apart()
        {
            let country = &gaz.entries[entry].name;
            return Some(Actor::speaking(
                entry,
                None,
                format!("speaker of “{verb_text}” of no known country: {why}, {country}"),
                true,
            ));
        }
    }
    None
}

/// Bytes after a dateline's place within which its date begins ("VILNIUS, July 11, 2023").
const DATELINE_DATE_BYTES: usize = 24;

/// Whether the name `p` opens a wire story's dateline: in capitals, first in its sentence, a
/// comma and a date after it ("VILNIUS, July 11, 2023 (Meridian News Agency) - Turkey has
/// agreed …", "МОСКВА, 5 мая"). Where the story was filed is not who acts in it.
fn dateline(text: &str, p: &Placed<'_>) -> bool {
    let name = &text[p.m.range.clone()];
    let before = text[..p.m.range.start].trim_end_matches([' ', '\t']);
    let opens_line = before.is_empty() || before.ends_with('\n');
    let rest = text[p.m.range.end..].trim_start_matches([' ', '/']);
    opens_line
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.chars().any(char::is_lowercase)
        && rest.starts_with(',')
        && rest
            .char_indices()
            .take_while(|(i, _)| *i < DATELINE_DATE_BYTES)
            .any(|(_, c)| c.is_ascii_digit())
}

/// Whether the name `p` follows "of" after an office ("the Minister for Foreign Affairs of
/// Ethiopia", "Minister of X").
fn office_of_name(toks: &[Token], p: &Placed<'_>) -> bool {
    p.first > 1 && toks[p.first - 1].text == "of" && OFFICES_SET.contains(toks[p.first - 2].text)
}

/// Whether `p` is a country's possessive before its office, and the office's holder is named
/// in apposition up to the verb at `verb_start` ("Cuba's Minister for Foreign Affairs, Ramiro
/// Ledesma Vidal, said", "Mexico's foreign minister, Alicia Barragán Ruiz, called").
fn office_possessed(text: &str, toks: &[Token], p: &Placed<'_>, verb_start: usize) -> bool {
    if !p.m.possessive || p.last + 1 >= verb_start {
        return false;
    }
    let gap = &text[toks[p.last].range.end..toks[verb_start].range.start];
    let Some((office, rest)) = gap.split_once(',') else {
        return false;
    };
    let comma = toks[p.last].range.end + office.len();
    let (office_toks, holder_toks): (Vec<&Token>, Vec<&Token>) =
        toks[p.last + 1..verb_start].iter().partition(|t| t.range.start < comma);
    let office_words = office_toks.iter().all(|t| {
        OFFICES_SET.contains(t.text)
            || OFFICE_WORDS_SET.contains(t.text)
            || TITLE_GAP_SET.contains(t.text)
            || matches!(t.text, "for" | "of")
    });
    // The holder's name: capitalised words.
    let named = holder_toks
        .iter()
        .all(|t| text[t.range.clone()].starts_with(char::is_uppercase));
    office_words
        && named
        && !office_toks.is_empty()
        && !holder_toks.is_empty()
        && rest.trim_end().ends_with(',')
        && rest.matches(',').count() == 1
}

/// The actor of a sentence: the party spoken for, the speaker of reported speech, the "we" a
/// document names, a pronoun continuing `prev`, or the sentence's subject; each tried in turn.
#[allow(clippy::too_many_arguments)]
pub(super) fn find_actor(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    cues: &[PhraseHit],
    in_quote: &dyn Fn(usize) -> bool,
    continuation: bool,
    prev: Option<&Actor>,
    doc_actor: Option<&Actor>,
    lead: Option<&Actor>,
) -> Option<Actor> {
    let can_act = |p: &Placed<'_>| actor_entry(gaz, p.m.entry, input.doc_date).is_some();
    let outside = |p: &Placed<'_>| !in_quote(p.m.range.start);
    // 0. "Speaking for the United States, Ambassador Dorothy Merrick condemned …", "On behalf
    // of France and Germany, …": the party spoken for acts in the main clause.
    if let Some(p) = spoken_for(input.text, toks, placed).filter(|p| can_act(p) && outside(p)) {
        let mut a = make_actor(input, gaz, lex, toks, placed, p, "the party spoken for");
        let first_cue = cues.first().map_or(toks.len(), |c| c.start);
        a.co = coordinated_actors(input, gaz, toks, placed, p, a.entry, first_cue, in_quote);
        return Some(a);
    }
    // "Поддержку Баку выразила Анкара": a Russian or Ukrainian subject after its verb.
    if toks
        .iter()
        .any(|t| t.text.starts_with(|c: char| ('а'..='я').contains(&c)))
    {
        let cue_tokens: Vec<usize> = cues.iter().flat_map(|c| c.start..c.end).collect();
        // Any verb from the first cue on ("поддержку Баку выразила Анкара", "Проект поддержал Китай").
        let verbs = cues.first().map_or(0, |c| c.start)..toks.len();
        let acts = |p: &Placed<'_>| can_act(p) && outside(p);
        if let Some((p, with)) = inverted::subject_after_verb(input.text, gaz, toks, placed, &cue_tokens, verbs, &acts)
        {
            let mut a = make_actor(input, gaz, lex, toks, placed, p, "subject after its verb");
            a.verb_first = true;
            a.co = with
                .iter()
                .filter_map(|q| actor_entry(gaz, q.m.entry, input.doc_date))
                .filter(|&e| e != a.entry)
                .collect();
            return Some(a);
        }
    }
    // 1. Reported speech.
    let first_cue = cues.first().map(|c| c.start);
    if let Some(a) = speech_actor(input, gaz, lex, toks, placed, in_quote, first_cue, prev, doc_actor) {
        return Some(a);
    }
    // "We, the Leaders of the Group of Seven (G7), condemn …": a "we" that names itself.
    if let Some(a) = apposed_we(input, gaz, lex, toks, placed, cues, in_quote) {
        return Some(a);
    }
    // 2. A sentence that opens with a pronoun continues the previous actor ("We are interested that Ukraine …").
    if toks.first().is_some_and(|t| PRONOUNS_SET.contains(t.text))
        && let Some(prev) = prev
    {
        return Some(Actor {
            by_speech: false,
            first_person: FIRST_PERSON_SET.contains(toks[0].text),
            ..prev.carry(["pronoun “", toks[0].text, "” continues the previous sentence"].concat())
        });
    }
    // Russian and Ukrainian drop the pronoun: a sentence that opens with a cue whose verb is in
    // the first person plural ("Высоко оцениваем …", "Вимагаємо від …") is the previous
    // actor's, as "мы" would be.
    if let Some(prev) = prev
        && let Some(verb) = cues
            .first()
            .filter(|c| c.start <= 1)
            .and_then(|c| toks[c.start..c.end].iter().find(|t| first_plural_verb(t.text)))
    {
        return Some(Actor {
            by_speech: false,
            first_person: true,
            ..prev.carry(
                [
                    "“",
                    verb.text,
                    "”, a verb of the first person plural, continues the previous sentence",
                ]
                .concat(),
            )
        });
    }
    // Numbered paragraphs of a resolution or of conclusions open with their verb ("1. Condemns
    // …", "Welcomes the decision …"): their subject is the body the text opened them with
    // ("The Sejm of the Republic of Poland:"), else the previous sentence's actor.
    if !cues.is_empty()
        && let Some(verb) = resolution_verb(input.text, toks, lead.is_some())
        && let Some(a) = lead.or(prev)
    {
        let how = match lead {
            Some(_) => "”, a paragraph opening with its verb, continues the body named before the paragraphs",
            None => "”, a paragraph opening with its verb, continues the previous sentence",
        };
        return Some(Actor {
            by_speech: false,
            first_person: false,
            ..a.carry(["“", verb, how].concat())
        });
    }
    // 3. The subject: first actor-capable name before the first cue, not after a preposition.
    let first_cue = cues.first().map_or(toks.len(), |c| c.start);
    // A body of no named country just before the first cue ("The ministry also thanked
    // Lithuania", "Окремо речник засудив …"), with no name before that cue, is that of the
    // country last named as actor (a name after the cue is its object, not its subject).
    // Not yet where a possessive follows the cue ("The President welcomed Japan's support of
    // …"): that name is the subject of the cues after it, found below.
    let possessive_next = placed
        .iter()
        .find(|p| p.first > first_cue && outside(p))
        .is_some_and(|p| p.m.possessive);
    if !possessive_next && let Some(a) = body_subject(input, gaz, lex, toks, placed, in_quote, first_cue, doc_actor) {
        return Some(a);
    }
    if let Some(a) = defined_body(input, gaz, toks, placed, first_cue) {
        return Some(a);
    }
    // A sentence that opens with its only cues names its subject after them ("Joint Statement
    // of the Government of Japan and the Government of the Philippines").
    let last_cue = cues
        .last()
        .map_or(toks.len(), |c| c.start)
        .max(if cues.iter().all(|c| c.start <= 1) {
            toks.len()
        } else {
            0
        });
    let first_cue_quoted = cues.first().is_some_and(|c| in_quote(toks[c.start].range.start));
    // A leading subordinate clause ("After Ukraine launched …, Moscow ruled out …") has a subject of
    // its own: when the cues come after its comma, the main clause's subject is the actor.
    let lead = toks
        .iter()
        .position(|t| !matches!(t.text, "however" | "but" | "and" | "then" | "yet" | "однако" | "но"))
        .unwrap_or(0);
    let subordinate_end = toks
        .get(lead)
        .filter(|t| SUBORDINATORS_SET.contains(t.text))
        .and_then(|t| {
            let end = toks.last()?.range.end;
            input.text.get(t.range.end..end)?.find(',').map(|i| t.range.end + i)
        })
        // Also where the subordinate clause has cues of its own, if the main clause opens with
        // its subject's name ("When Sweden applied to join the alliance, President Erdogan
        // blocked the bid, accusing Stockholm …"): those cues are the subordinate subject's,
        // and the main subject takes only the cues after it.
        .filter(|e| {
            let main_at = toks.partition_point(|t| t.range.start < *e);
            let opens_main = |p: &Placed<'_>| {
                p.first >= main_at
                    && toks[main_at..p.first]
                        .iter()
                        .all(|t| t.text == "the" || TITLE_GAP_SET.contains(t.text))
            };
            toks.get(first_cue).is_some_and(|c| c.range.start > *e)
                || cues.iter().any(|c| toks[c.start].range.start > *e)
                    && placed.iter().any(|p| can_act(p) && outside(p) && opens_main(p))
        });
    // "В Москве осудили …", "У Києві привітали це рішення": a place of government named where
    // a sentence opens, then an impersonal verb in the plural, is that government (a name after
    // the verb is its object, even before a later cue).
    if let Some(p) = impersonal_at(input.text, toks, placed).filter(|p| can_act(p) && outside(p)) {
        return Some(make_actor(
            input,
            gaz,
            lex,
            toks,
            placed,
            p,
            "place of government before an impersonal verb",
        ));
    }
    let subject = placed.iter().find(|p| {
        (p.first < last_cue || first_cue_quoted)
            && can_act(p)
            && outside(p)
            && !after_preposition(placed, toks, p)
            && !after_gerund(input.text, toks, p)
            && !addressed(toks, p)
            && !object_of_first_cue(toks, cues, p)
            && !pronoun_subject_before(input.text, toks, p)
            && !names_a_group(toks, p)
            && subordinate_end.is_none_or(|e| p.m.range.start > e)
            && !dateline(input.text, p)
    });
    if let Some(p) = subject {
        let mut a = make_actor(input, gaz, lex, toks, placed, p, "subject of the sentence");
        a.subject_at = (!first_cue_quoted).then_some(p.first);
        // Only a subject before the sentence's first cue names others with it (a list after
        // a verb is its object: "… support Israel and Ukraine, and deliver aid"), unless the
        // sentence opens with the cue ("Joint Statement of the Government of Japan and …").
        if p.first < first_cue || cues.first().is_some_and(|c| c.start <= 1) {
            let next_cue = cues.iter().map(|c| c.start).find(|&c| c > p.last).unwrap_or(toks.len());
            a.co = coordinated_actors(input, gaz, toks, placed, p, a.entry, next_cue, in_quote);
        }
        return Some(a);
    }
    if possessive_next && let Some(a) = body_subject(input, gaz, lex, toks, placed, in_quote, first_cue, doc_actor) {
        return Some(a);
    }
    // 4. Continuation of the previous sentence.
    let pronoun = toks[..first_cue.min(toks.len())]
        .iter()
        .find(|t| PRONOUNS_SET.contains(t.text));
    if (continuation || pronoun.is_some())
        && let Some(prev) = prev
    {
        return Some(Actor {
            by_speech: false,
            first_person: pronoun
                .or(toks.first())
                .is_some_and(|t| FIRST_PERSON_SET.contains(t.text)),
            ..prev.carry("continued from the previous sentence".to_string())
        });
    }
    None
}

/// Words at most between a defined body and the sentence's first cue ("The Supreme Council
/// also strongly condemns").
const DEFINED_BODY_GAP_WORDS: usize = 3;

/// "1. The Supreme Council expresses its deep appreciation …" after "The Supreme Council of the
/// Cooperation Council for the Arab States of the Gulf held …": a body named by two or more
/// capitalised words as a sentence's subject, with no country, is that of the party the
/// document named it with before ("<body> of <party>").
fn defined_body(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    toks: &[Token],
    placed: &[Placed<'_>],
    first_cue: usize,
) -> Option<Actor> {
    let numbered = usize::from(toks.first()?.text.chars().all(|c| c.is_ascii_digit()));
    if toks.get(numbered)?.text != "the" {
        return None;
    }
    let start = numbered + 1;
    let capitalised = |t: &Token| input.text[t.range.clone()].starts_with(char::is_uppercase);
    let mut end = start;
    while end < first_cue.min(toks.len()) && capitalised(&toks[end]) {
        end += 1;
    }
    // Not a name the gazetteer knows ("The United States welcomes …": the subject rule's).
    if end < start + 2
        || first_cue < end
        || first_cue - end > DEFINED_BODY_GAP_WORDS
        || placed.iter().any(|p| p.first < end && p.last >= start)
    {
        return None;
    }
    let body = &input.text[toks[start].range.start..toks[end - 1].range.end];
    let before = &input.text[..toks[0].range.start];
    for (i, _) in before.match_indices(body) {
        let at = i + body.len();
        if !before[at..].starts_with(" of ") {
            continue;
        }
        let at = at + " of ".len();
        let from = input.mentions.partition_point(|m| m.range.start < at);
        let Some(m) = input.mentions[from..]
            .iter()
            .take(1)
            .find(|m| m.range.start == at || input.text.get(at..m.range.start) == Some("the "))
        else {
            continue;
        };
        let Some(entry) = actor_entry(gaz, m.entry, input.doc_date) else {
            continue;
        };
        let party = &gaz.entries[entry].name;
        return Some(Actor::speaking(
            entry,
            Some(([body, " of ", party].concat(), None)),
            format!("“{body}”, named before as that of {party}"),
            false,
        ));
    }
    None
}

/// "thanked the United States, Japan, Australia and the European Union for their support":
/// the names after a sentence's first cue, where that cue is a verb in the past tense, are
/// its objects, not the subject of the cues after it. Not a possessive ("welcomed Japan's
/// support of …"), which is.
fn object_of_first_cue(toks: &[Token], cues: &[PhraseHit], p: &Placed<'_>) -> bool {
    cues.first()
        .is_some_and(|c| p.first >= c.end && toks[c.end - 1].text.ends_with("ed") && !p.m.possessive)
}

/// Verbs that open the operative paragraphs of resolutions, declarations and conclusions, in
/// the third person singular ("1. Condemns …", "Calls on …").
const RESOLUTION_VERBS: &[&str] = &[
    "condemns",
    "rejects",
    "demands",
    "thanks",
    "welcomes",
    "calls",
    "regrets",
    "expresses",
    "urges",
    "reaffirms",
    "supports",
    "recognises",
    "recognizes",
    "deplores",
    "denounces",
    "requests",
    "invites",
    "encourages",
    "commends",
    "appreciates",
    "endorses",
    "congratulates",
    "salutes",
    "praises",
    "applauds",
    "appeals",
    "insists",
    "opposes",
    "reiterates",
    "declares",
    "affirms",
    "protests",
    "objects",
    "warns",
    "accuses",
    "backs",
];
word_set!(RESOLUTION_VERBS_SET, RESOLUTION_VERBS);

/// Words after "Thanks" that make it a word of thanks, not a verb ("Thanks for joining us",
/// "Thanks to its help").
const THANKS_NOT_A_VERB: &[&str] = &[
    "to",
    "for",
    "so",
    "very",
    "again",
    "a",
    "you",
    "everyone",
    "everybody",
    "all",
];

/// The verb a paragraph opens with, after an optional list number ("1.", "(a)", "iv"), when it
/// is one of [`RESOLUTION_VERBS`] and capitalised; not "Thanks to …" ([`THANKS_NOT_A_VERB`]).
/// `after_lead`: a body was named alone before the paragraphs, so a Russian or Ukrainian
/// infinitive opens one too.
fn resolution_verb<'a>(text: &str, toks: &[Token<'a>], after_lead: bool) -> Option<&'a str> {
    let marker = |t: &Token| {
        t.text.chars().all(|c| c.is_ascii_digit())
            || t.text.len() == 1
            || t.text.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
    };
    let at = usize::from(toks.first().is_some_and(marker) && toks.len() > 1);
    // Russian and Ukrainian resolutions number paragraphs that open with an infinitive, after
    // an adverb at most ("1. Решительно осудить …", "2. Висловити вдячність …"); only after a
    // body named alone before them ("Жогорку Кенеш Кыргызской Республики постановляет:"), as
    // "Важно отметить, что …" opens a sentence of news too.
    if after_lead && toks.len() > at + 1 {
        let infinitive = |t: &Token<'a>| {
            t.text.chars().count() > 4
                && t.text.chars().all(cyrillic_lower)
                && ["ть", "ти", "ться", "тися"].iter().any(|e| t.text.ends_with(e))
        };
        let adverb = toks[at].text.ends_with('о') && toks.len() > at + 2;
        let verb = &toks[if adverb { at + 1 } else { at }];
        let opens = text
            .get(toks[at].range.clone())
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if opens && infinitive(verb) {
            return Some(verb.text);
        }
    }
    let verb = toks.get(at)?;
    (RESOLUTION_VERBS_SET.contains(verb.text)
        && text
            .get(verb.range.clone())
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !(verb.text == "thanks" && toks.get(at + 1).is_some_and(|t| THANKS_NOT_A_VERB.contains(&t.text))))
    .then_some(verb.text)
}

/// Words that may open a sentence before "в"/"у" and the place ("Также в Москве …").
const IMPERSONAL_LEADS: &[&str] = &[
    "также",
    "однако",
    "но",
    "а",
    "и",
    "і",
    "та",
    "також",
    "однак",
    "проте",
    "уже",
    "вже",
    "тогда",
    "тоді",
];
/// Prepositions of place in Russian and Ukrainian.
const IMPERSONAL_PREPOSITIONS: &[&str] = &["в", "во", "у"];

/// The name in "В Москве осудили …", "У Брюсселі заявили …", "Также в Кремле приветствовали …":
/// a sentence that opens (after at most one of [`IMPERSONAL_LEADS`]) with "в"/"во"/"у" and a
/// name, followed within four words and no punctuation by a verb in the past plural (ending
/// in "ли", not a noun in "-тели"), with no name between: an impersonal sentence whose acting
/// government is the place named.
fn impersonal_at<'p, 'a>(text: &str, toks: &[Token], placed: &'p [Placed<'a>]) -> Option<&'p Placed<'a>> {
    let lead = usize::from(toks.first().is_some_and(|t| IMPERSONAL_LEADS.contains(&t.text)));
    if !toks
        .get(lead)
        .is_some_and(|t| IMPERSONAL_PREPOSITIONS.contains(&t.text))
    {
        return None;
    }
    let p = placed.iter().find(|p| p.first == lead + 1)?;
    let verb = toks
        .iter()
        .skip(p.last + 1)
        .take(4)
        .position(|t| t.text.chars().count() >= 4 && t.text.ends_with("ли"))?;
    let verb_at = p.last + 1 + verb;
    // "представители", "жители", "наблюдатели": a plural noun is the subject, not a verb.
    if toks[verb_at].text.ends_with("тели") {
        return None;
    }
    let between = text.get(p.m.range.end..toks[verb_at].range.start)?;
    let named_between = placed.iter().any(|q| q.first > p.last && q.first < verb_at);
    (!named_between && !between.contains([',', ';', ':', '.', '—', '(', '"', '«'])).then_some(p)
}

/// Whether `word` is a Russian or Ukrainian verb of the first person plural, present tense
/// ("осуждаем", "призываем", "требуем", "закликаємо", "вимагаємо", "засуджуємо").
fn first_plural_verb(word: &str) -> bool {
    [
        "аем",
        "яем",
        "уем",
        "ием",
        "ём",
        "ируем",
        "аємо",
        "яємо",
        "уємо",
        "имо",
        "їмо",
    ]
    .iter()
    .any(|e| word.ends_with(e))
        && word.chars().count() >= 6
}

/// Tokens between a body that is a sentence's subject and the sentence's first cue, at most
/// ("the ministry also strongly condemned").
const BODY_BEFORE_CUE_WORDS: usize = 3;

/// Bodies (as the lexicon lists them, lower-cased) that, as a sentence's subject with no
/// country named, are those of the country last named as actor: ministries, missions and
/// their spokespeople. Not heads (see [`HEAD_TITLES`]), not legislatures or "the
/// government", "the administration", which a document names by country when it means
/// another's.
const BODY_SUBJECTS: &[&str] = &[
    "foreign ministry",
    "ministry of foreign affairs",
    "ministry",
    "mfa",
    "foreign office",
    "defence ministry",
    "defense ministry",
    "embassy",
    "consulate",
    "delegation",
    "mission",
    "permanent mission",
    "permanent representative",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "мид",
    "министерство иностранных дел",
    "посольство",
    "делегация",
    "официальный представитель",
    "постоянный представитель",
    "постпред",
    "постпредство",
    "посол",
    "мзс",
    "міністерство закордонних справ",
    "делегація",
    "речник",
];
word_set!(BODY_SUBJECTS_SET, BODY_SUBJECTS);

/// Heads' titles among the bodies, with the gazetteer role titles they stand for: "the
/// President" is the one president the document has named.
const HEAD_TITLES: &[(&str, &[&str])] = &[
    ("president", &["President", "Acting President"]),
    ("президент", &["President", "Acting President"]),
    ("президента", &["President", "Acting President"]),
    ("prime minister", &["Prime Minister", "Premier"]),
    ("премьер-министр", &["Prime Minister", "Premier"]),
    (
        "foreign minister",
        &[
            "Minister of Foreign Affairs",
            "Foreign Secretary",
            "Secretary of State",
            "Minister of External Affairs",
        ],
    ),
    ("министр иностранных дел", &["Minister of Foreign Affairs"]),
    ("глава мид", &["Minister of Foreign Affairs"]),
];

/// Words before a head's title that make it someone else's ("the Vice President").
const NOT_THE_HEAD: &[&str] = &[
    "vice",
    "deputy",
    "former",
    "acting",
    "first",
    "вице",
    "заместитель",
    "заступник",
    "бывший",
    "колишній",
];
word_set!(NOT_THE_HEAD_SET, NOT_THE_HEAD);

/// The one person holding a role titled as one of `titles` (on the document's date) among the
/// people named before byte `before`, with their country: `None` when there is none, or people
/// of several countries hold such roles.
fn titled_person_before(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    before: usize,
    titles: &[&str],
) -> Option<(usize, usize)> {
    let end = input.mentions.partition_point(|m| m.range.start < before);
    let mut found: Option<(usize, usize)> = None;
    for m in &input.mentions[..end] {
        if gaz.kind(m.entry) != EntityKind::Person {
            continue;
        }
        let Some(role) = gaz.role_on(m.entry, input.doc_date) else {
            continue;
        };
        if role.organization.is_some() || !titles.contains(&role.title.as_str()) {
            continue;
        }
        let country = gaz.country_of(m.entry, input.doc_date)?;
        match found {
            Some((_, c)) if c != country => return None,
            Some(_) => {}
            None => found = Some((m.entry, country)),
        }
    }
    found
}

/// The actor of a sentence whose subject is a body of no named country ("The ministry also
/// thanked Lithuania", "у МЗС висловили вдячність Литві"): the country last named as actor,
/// when no name comes before the first cue; for a head ("The President welcomed …"), the
/// country of the one person with that title named before.
#[allow(clippy::too_many_arguments)]
fn body_subject(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    in_quote: &dyn Fn(usize) -> bool,
    first_cue: usize,
    doc_actor: Option<&Actor>,
) -> Option<Actor> {
    let last_country = doc_actor
        .filter(|a| gaz.kind(a.entry) == EntityKind::Country)
        .map(|a| a.entry);
    if first_cue >= toks.len()
        || in_quote(toks[first_cue].range.start)
        || placed.iter().any(|p| p.first < first_cue && !in_quote(p.m.range.start))
    {
        return None;
    }
    let hit = lex
        .body_matcher
        .find(&toks[..first_cue])
        .into_iter()
        .rev()
        .find(|h| first_cue - h.end <= BODY_BEFORE_CUE_WORDS && !in_quote(toks[h.start].range.start))?;
    // The body is the subject: no pronoun before the cue ("he urged the Prime Minister to …",
    // "through our embassy, but we welcome …"), nothing but adverbs between it and the cue.
    let gap = &input.text[toks[hit.end - 1].range.end..toks[first_cue].range.start];
    if toks[..first_cue].iter().any(|t| PRONOUNS_SET.contains(t.text))
        || toks[hit.end..first_cue].iter().any(|t| t.text == "to")
        || gap.contains([',', ';', ':', '(', '—', '–'])
    {
        return None;
    }
    // A title before a name not in the gazetteer ("PRESIDENT RUTO:", "Ambassador Merrick") is
    // that person's, not a body's.
    if hit.end < first_cue && input.text[toks[hit.end].range.clone()].starts_with(char::is_uppercase) {
        return None;
    }
    let written = normalise_space(&input.text[toks[hit.start].range.start..toks[hit.end - 1].range.end]);
    let body = lex.bodies[hit.phrase].to_lowercase();
    let (country_entry, why) = match HEAD_TITLES.iter().find(|(b, _)| *b == body) {
        // "The President welcomed …": the one person with that title the document named before.
        Some((_, titles)) => {
            let before = hit.start.checked_sub(1).map(|k| toks[k].text);
            if before.is_some_and(|w| NOT_THE_HEAD_SET.contains(w)) {
                return None;
            }
            let (person, country) = titled_person_before(input, gaz, toks[0].range.start, titles)?;
            (country, format!("{}, named before", gaz.entries[person].name))
        }
        None if BODY_SUBJECTS_SET.contains(&body) => (last_country?, "the country last named as actor".to_string()),
        None => return None,
    };
    let country = &gaz.entries[country_entry].name;
    Some(Actor::speaking(
        country_entry,
        Some(([&lex.bodies_titled[hit.phrase], " of ", country].concat(), None)),
        format!("“{written}”, of {why}, {country}"),
        false,
    ))
}

/// The party a sentence opens by speaking for: "Speaking for the United States, …", "On
/// behalf of the European Union, …", "Speaking on behalf of France and Germany, …" (the
/// first of the names; the opening phrase ends with a comma).
pub(super) fn spoken_for<'p, 'a>(text: &str, toks: &[Token], placed: &'p [Placed<'a>]) -> Option<&'p Placed<'a>> {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text);
    let after = match [word(0), word(1), word(2), word(3)] {
        ["speaking", "for", ..] => 2,
        ["speaking", "on", "behalf", "of"] => 4,
        ["on", "behalf", "of", _] => 3,
        _ => return None,
    };
    let first = if toks.get(after).is_some_and(|t| t.text == "the") {
        after + 1
    } else {
        after
    };
    let p = placed.iter().find(|p| p.first == first)?;
    // The opening phrase ends at a comma after the names (before the first verb).
    let comma = text[toks[p.last].range.end..].find(',')? + toks[p.last].range.end;
    let phrase_end = toks.iter().position(|t| t.range.start > comma)?;
    (phrase_end <= p.last + 8).then_some(p)
}

/// The actor a placed name stands for, with the person who speaks for it when one is named
/// with it ("Kazakh President Kassym-Jomart Tokayev"); `how` says how the name was found.
pub(super) fn make_actor(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    p: &Placed<'_>,
    how: &str,
) -> Actor {
    let entry = actor_entry(gaz, p.m.entry, input.doc_date).unwrap_or(p.m.entry);
    let surface = &*normalise_space(&input.text[p.m.range.clone()]);
    let kind = gaz.kind(p.m.entry);
    if kind == EntityKind::Person {
        let name = gaz.entries[p.m.entry].name.clone();
        return Actor {
            entry,
            subject_at: None,
            speaker: Some((name, Some(p.m.entry))),
            how: [how, ": ", surface].concat(),
            by_speech: false,
            speaks: true,
            first_person: false,
            carried: None,
            co: Vec::new(),
            verb_first: false,
        };
    }
    // "Kazakh President Kassym-Jomart Tokayev": the person right after speaks.
    if let Some(person) = placed
        .iter()
        .find(|q| q.first > p.last && q.first - p.last <= 3 && gaz.kind(q.m.entry) == EntityKind::Person)
        && gaz.country_of(person.m.entry, input.doc_date) == Some(entry)
    {
        let name = gaz.entries[person.m.entry].name.clone();
        return Actor {
            entry,
            subject_at: None,
            speaker: Some((name, Some(person.m.entry))),
            how: [
                how,
                ": ",
                surface,
                " … ",
                &normalise_space(&input.text[person.m.range.clone()]),
            ]
            .concat(),
            by_speech: false,
            speaks: true,
            first_person: false,
            carried: None,
            co: Vec::new(),
            verb_first: false,
        };
    }
    // "the Kazakh Foreign Ministry", "Kazakhstan's delegation".
    let rest = &toks[(p.last + 1).min(toks.len())..];
    let body = lex.body_matcher.longest_at_start(&rest[..rest.len().min(4)]);
    let speaker = body.map(|h| {
        let name = [&lex.bodies_titled[h.phrase], " of ", &gaz.entries[entry].name].concat();
        (name, None)
    });
    let form = match p.m.form {
        NameForm::Metonym => " (seat or office of government)",
        NameForm::Demonym => " (adjective)",
        NameForm::Name => "",
    };
    Actor {
        entry,
        subject_at: None,
        speaker,
        how: [how, ": ", surface, form].concat(),
        by_speech: false,
        // "the Kazakh Foreign Ministry" speaks; "Kazakhstan" as a subject does not.
        speaks: body.is_some(),
        first_person: false,
        carried: None,
        co: Vec::new(),
        verb_first: false,
    }
}
