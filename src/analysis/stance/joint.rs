//! Subjects of several governments and the document's own "we": governments named as one
//! subject ("Britain, France and Germany said", "the Government of Japan and the Government of
//! the Philippines") each take the sentence's positions; "the Sides" and "both countries" are
//! the last two so named, "the leaders" and "the three countries" the last ones so named; "We,
//! the Leaders of the G7, …" names the document's "we".

use super::*;

/// Words between "we" and the name in apposition to it, at most ("We, the Heads of State and
/// Government of the Group of Seven": eleven).
const APPOSITION_WORDS: usize = 12;

/// The actor of a sentence that opens with "we" and a name in apposition to it, before its
/// first cue ("We, the Leaders of the Group of Seven (G7), strongly condemn …", "Мы, лидеры
/// …,"): the document's own "we", which speaks.
pub(super) fn apposed_we(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    cues: &[PhraseHit],
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Actor> {
    let we = toks
        .first()
        .filter(|t| matches!(t.text, "we" | "мы" | "ми") && !in_quote(t.range.start))?;
    input.text.get(we.range.end..)?.trim_start().strip_prefix(',')?;
    let first_cue = cues.first().map_or(toks.len(), |c| c.start);
    let p = placed.iter().find(|p| {
        p.first > 0
            && p.first <= APPOSITION_WORDS
            && p.last < first_cue
            && !in_quote(p.m.range.start)
            && actor_entry(gaz, p.m.entry, input.doc_date).is_some()
    })?;
    let mut a = make_actor(input, gaz, lex, toks, placed, p, "“we” named in apposition");
    a.speaks = true;
    a.first_person = true;
    a.co = coordinated_actors(input, gaz, toks, placed, p, a.entry, first_cue, in_quote);
    Some(a)
}

/// Words that open a sentence whose subject is the two governments just named together
/// ("The Sides", "Both countries", "the two leaders", "Стороны", "Обидві сторони").
const BOTH_SIDES: &[&[&str]] = &[
    &["sides"],
    &["both", "sides"],
    &["two", "sides"],
    &["both", "countries"],
    &["two", "countries"],
    &["both", "governments"],
    &["two", "governments"],
    &["both", "leaders"],
    &["two", "leaders"],
    &["стороны"],
    &["обе", "стороны"],
    &["обе", "страны"],
    &["сторони"],
    &["обидві", "сторони"],
    &["обидві", "країни"],
    &["parties"],
    &["both", "parties"],
    &["two", "parties"],
    &["two", "ministers"],
    &["both", "ministers"],
];

/// Words that open a sentence whose subject is the governments just named together, however
/// many ("The leaders condemned …", "The heads of state", "Лидеры", "Лідери"), and, after a
/// number of them ("the three leaders"), the nouns that count them.
const GROUP_WORDS: &[&[&str]] = &[
    &["leaders"],
    &["heads", "of", "state"],
    &["signatories"],
    &["ministers"],
    &["foreign", "ministers"],
    &["министры"],
    &["міністри"],
    &["лидеры"],
    &["главы", "государств"],
    &["лідери"],
];
/// The two countries a document is between, for "the Sides" where no sentence named them
/// together as one subject (a joint communiqué's title and first paragraph name them apart:
/// "the visit of the Minister of Foreign Affairs of the Republic of Uzbekistan to the Republic
/// of Kazakhstan"): the first two countries it names, where they are also the two it names
/// most, each more often than any third.
pub(super) fn document_pair(input: &StanceInput<'_>, gaz: &Gazetteer) -> Option<(usize, usize)> {
    let counts = super::turns::country_mentions(input, gaz);
    let third = counts.get(2..).into_iter().flatten().map(|c| c.1).max().unwrap_or(0);
    match counts.as_slice() {
        [(a, na), (b, nb), ..] if *na > third && *nb > third => Some((*a, *b)),
        _ => None,
    }
}

const COUNTED_NOUNS: &[&str] = &[
    "leaders",
    "countries",
    "governments",
    "sides",
    "nations",
    "ministers",
    "presidents",
];
const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five"];

/// The words of `text` that open the sentence `toks` (after a "the") with [`BOTH_SIDES`] when
/// the group just named has two governments, [`GROUP_WORDS`], or a number of [`COUNTED_NOUNS`]
/// equal to the group's size, if it opens so.
pub(super) fn both_sides_words(text: &str, toks: &[Token], group_size: usize) -> Option<String> {
    // Most sentences have none of the nouns these words end with near their start: one set
    // lookup per word rules them out.
    let reach = (LEADING_PHRASE_WORDS + 4).min(toks.len());
    if !toks[..reach].iter().any(|t| GROUP_NOUNS_SET.contains(t.text)) {
        return None;
    }
    both_sides_open(text, toks, group_size).or_else(|| {
        // After a leading phrase: "Following the talks, the two sides signed …", "In a
        // statement read out in Beijing on Friday after four days of talks, the two sides …".
        (1..toks.len().min(LEADING_PHRASE_WORDS + 1))
            .filter(|&i| text[toks[i - 1].range.end..toks[i].range.start].contains(','))
            .find_map(|i| both_sides_open(text, &toks[i..], group_size))
    })
}

/// The last words of [`BOTH_SIDES`] and [`GROUP_WORDS`] and the [`COUNTED_NOUNS`]: one of them
/// is among a sentence's first words whenever it opens with one of those.
const GROUP_NOUNS: &[&str] = &[
    "sides",
    "countries",
    "governments",
    "leaders",
    "parties",
    "ministers",
    "state",
    "signatories",
    "nations",
    "стороны",
    "страны",
    "сторони",
    "країни",
    "лидеры",
    "государств",
    "лідери",
    "министры",
    "міністри",
    "presidents",
];
word_set!(GROUP_NOUNS_SET, GROUP_NOUNS);

/// Words of a leading phrase before "the two sides" at most ("Following the talks, …", "In a
/// trilateral statement read out in Beijing on Friday after four days of talks, …").
const LEADING_PHRASE_WORDS: usize = 20;

/// [`both_sides_words`] where the words open `toks`.
fn both_sides_open(text: &str, toks: &[Token], group_size: usize) -> Option<String> {
    let skip = usize::from(toks.first().is_some_and(|t| t.text == "the"));
    let rest = toks.get(skip..)?;
    let opens = |words: &[&str]| rest.len() > words.len() && words.iter().zip(rest).all(|(w, t)| *w == t.text);
    // ("the two Prime Ministers": an office's word may stand before the noun.)
    let counted = || {
        let n = NUMBER_WORDS
            .iter()
            .position(|w| rest.first().is_some_and(|t| t.text == *w))?
            + 2;
        let office = usize::from(rest.get(1).is_some_and(|t| matches!(t.text, "prime" | "foreign")));
        (n == group_size && rest.len() > 2 + office && COUNTED_NOUNS.contains(&rest[1 + office].text))
            .then_some(2 + office)
    };
    let len = GROUP_WORDS
        .iter()
        .find(|w| opens(w))
        .map(|w| w.len())
        .or_else(|| BOTH_SIDES.iter().find(|w| group_size == 2 && opens(w)).map(|w| w.len()))
        .or_else(counted)?;
    // "Leaders of the G20 …", "the leaders from …": other leaders, named after.
    if toks
        .get(skip + len)
        .is_some_and(|t| matches!(t.text, "of" | "from" | "in" | "who" | "стран" | "країн"))
    {
        return None;
    }
    let last = skip + len - 1;
    Some(normalise_space(&text[toks[0].range.start..toks[last].range.end]).into_owned())
}

/// Categories of a tie between two parties, which governments named as one subject may have
/// with each other ([`coordinated_events`]).
const TIE_CATEGORIES: &[&str] = &["cooperate", "agree"];

/// Most governments a coordinated subject may name and each take its positions; a longer list
/// (a summit declaration of thirty governments) keeps its first only, as before.
const MAX_COORDINATED: usize = 5;

/// The other governments named with `p` (whose actor is `entry`) as one subject, before the
/// token `before` (the first cue) and outside quotations: names joined by commas and a last
/// "and" ("France and Germany", "Britain, France and Germany said", "the Government of Japan
/// and the Government of the Republic of the Philippines"), with only the words of an office
/// between them.
#[allow(clippy::too_many_arguments)]
pub(super) fn coordinated_actors(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    toks: &[Token],
    placed: &[Placed<'_>],
    p: &Placed<'_>,
    entry: usize,
    before: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let is_and = |t: &Token| matches!(t.text, "and" | "и" | "і" | "та");
    // How `a` and the next name `b` are joined: `Some(true)` by "and", `Some(false)` by a
    // comma alone, `None` not as one list.
    let join = |a: &Placed<'_>, b: &Placed<'_>| -> Option<bool> {
        if b.first <= a.last || in_quote(a.m.range.start) || in_quote(b.m.range.start) {
            return None;
        }
        let between = &toks[a.last + 1..b.first];
        let gap = &input.text[toks[a.last].range.end..toks[b.first].range.start];
        let and = between.iter().any(is_and);
        let office_words = between.iter().all(|t| {
            is_and(t)
                || t.text == "of"
                || OFFICES_SET.contains(t.text)
                || OFFICE_WORDS_SET.contains(t.text)
                || STATE_FORMS_SET.contains(t.text)
        });
        let plain = gap
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '\'' | '’'));
        (office_words && plain && (and || gap.contains(','))).then_some(and)
    };
    let can_act = |q: &Placed<'_>| actor_entry(gaz, q.m.entry, input.doc_date);
    let Some(at) = placed.iter().position(|q| std::ptr::eq(q, p)) else {
        return Vec::new();
    };
    // The names joined to `p`, left and right, with how each joins the one before it.
    let mut lo = at;
    while lo > 0 && can_act(&placed[lo - 1]).is_some() && join(&placed[lo - 1], &placed[lo]).is_some() {
        lo -= 1;
    }
    let mut hi = at;
    while hi + 1 < placed.len()
        && placed[hi + 1].last < before
        && can_act(&placed[hi + 1]).is_some()
        && join(&placed[hi], &placed[hi + 1]).is_some()
    {
        hi += 1;
    }
    // A list ends with "and": names after its last "and", or joined by commas alone, are no
    // list ("Kazakhstan, Russia's ally, …").
    while hi > lo && join(&placed[hi - 1], &placed[hi]) != Some(true) {
        hi -= 1;
    }
    if hi < at {
        return Vec::new();
    }
    // A list after a preposition or in brackets is no subject ("exchanges in Colombia, Egypt and
    // Jordan", "five flag states (Ecuador, Panama, Senegal and Vietnam)").
    let first = placed[lo].first;
    // ("The President of the Arab Republic of Egypt, …": "of" after an office is the office's.)
    let office_of = |i: usize| {
        toks[i].text == "of"
            && i > 0
            && (OFFICES_SET.contains(toks[i - 1].text) || OFFICE_WORDS_SET.contains(toks[i - 1].text))
    };
    let governed = |i: usize| {
        (PREPOSITIONS_SET.contains(toks[i].text) || LIST_PREPOSITIONS.contains(&toks[i].text)) && !office_of(i)
    };
    // Except the parties spoken for ("On behalf of France and Germany, …").
    let spoken_for = spoken_for(input.text, toks, placed).is_some_and(|s| std::ptr::eq(s, &placed[lo]));
    let after_preposition = !spoken_for
        && (after_preposition(placed, toks, &placed[lo])
            || first > 0 && LIST_PREPOSITIONS.contains(&toks[first - 1].text)
            || first > 1 && toks[first - 1].text == "the" && governed(first - 2));
    let before = &input.text[toks[0].range.start..placed[lo].m.range.start];
    if after_preposition || before.matches('(').count() > before.matches(')').count() {
        return Vec::new();
    }
    let mut co = Vec::new();
    for q in &placed[lo..=hi] {
        if let Some(e) = can_act(q).filter(|e| *e != entry && !co.contains(e)) {
            co.push(e);
        }
    }
    if co.len() > MAX_COORDINATED {
        co.clear();
    }
    co
}

/// Gives each of `actor`'s coordinated governments ([`Actor::co`]) the events found for the
/// actor since `first_new` in `out`: toward the same target or, when the target is that
/// government itself ("France and Germany agreed to deepen cooperation"), toward the actor.
///
/// With `reciprocal` ("accused each other"), every event between them is a tie.
pub(super) fn coordinated_events(
    gaz: &Gazetteer,
    actor: &Actor,
    out: &mut Vec<RawStance>,
    first_new: usize,
    reciprocal: bool,
) {
    let primary = &gaz.entries[actor.entry].name;
    // Governments named as one subject take positions together, not toward each other
    // ("Mali, Burkina Faso and Niger accused …"), except for a tie between them ("France and
    // Germany agreed to deepen cooperation").
    let tie = |e: &RawStance| reciprocal || TIE_CATEGORIES.contains(&&*e.category);
    let mut i = first_new;
    while i < out.len() {
        if out[i].actor == actor.entry && actor.co.contains(&out[i].target) && !tie(&out[i]) {
            out.remove(i);
        } else {
            i += 1;
        }
    }
    for i in first_new..out.len() {
        if out[i].actor != actor.entry {
            continue;
        }
        for &co in &actor.co {
            let e = &out[i];
            let swapped = e.target == co;
            let target = if swapped { actor.entry } else { e.target };
            if out[first_new..]
                .iter()
                .any(|x| x.actor == co && x.target == target && x.cue_range == e.cue_range)
            {
                continue;
            }
            let rest = e.explanation.split_once("; target: ").map_or("", |(_, r)| r);
            let explanation = if swapped {
                let cue = rest.split_once("; cue ").map_or("", |(_, c)| c);
                format!(
                    "actor: {}, named with {primary} as one subject; target: {primary}, the other of the two; cue {cue}",
                    gaz.entries[co].name
                )
            } else {
                format!(
                    "actor: {}, named with {primary} as one subject; target: {rest}",
                    gaz.entries[co].name
                )
            };
            let copy = RawStance {
                actor: co,
                target,
                speaker: None,
                explanation: explanation.as_str().into(),
                ..e.clone()
            };
            out.push(copy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick check before [`both_sides_words`] rules out no sentence the lists would match:
    /// every phrase's last word, and every counted noun, is a group noun.
    #[test]
    fn every_group_phrase_ends_with_a_group_noun() {
        for phrase in BOTH_SIDES.iter().chain(GROUP_WORDS) {
            let last = phrase.last().unwrap();
            assert!(GROUP_NOUNS_SET.contains(last), "{phrase:?}");
        }
        for noun in COUNTED_NOUNS {
            assert!(GROUP_NOUNS_SET.contains(noun), "{noun}");
        }
    }
}
