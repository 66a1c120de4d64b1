//! Whom a cue is about: the party it names, of whom a demand is made, whose sovereignty or
//! initiative it names, or who holds the victim of an act it condemns.

use super::*;

/// The target of the cue at tokens `cue_start..cue_end` in its clause (see the module).
#[allow(clippy::too_many_arguments)]
pub(super) fn find_targets(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    clause: &[usize],
    cue_start: usize,
    cue_end: usize,
    category: &str,
    cue_score: f32,
    actor: &Actor,
) -> Option<(Vec<usize>, String)> {
    let speaker_entry = actor.speaker.as_ref().and_then(|s| s.1);
    let eligible = |p: &&Placed<'_>| {
        let e = p.m.entry;
        gaz.kind(e) != EntityKind::Other
            && e != actor.entry
            && Some(e) != speaker_entry
            && actor_entry(gaz, e, date) != Some(actor.entry)
            && clause[p.first] == clause[cue_start.min(clause.len() - 1)]
            && !gaz.entries[e].media
            && (COUNTRY_FIRST_CATEGORIES.contains(&category) || !is_locative(placed, toks, p))
            && !in_compound(text, p.m)
            // "solidarity with the Belarusian opposition" is not with Belarus; sanctions on
            // "17 Saudi nationals" or "Chinese companies" are aimed at their country.
            && (category == "sanction" || !names_a_group(toks, p))
            // The actor's own act names its victim as its target ("launched an invasion of Ukraine");
            // so does recognising an act ("recognise the annexation of Crimea": its holder is
            // the target, below).
            && (ACT_CATEGORIES.contains(&category) || RECOGNITION_CATEGORIES.contains(&category) || !is_victim(toks, p))
            // "defend our allies against Russia": after "against" stands an adversary, the target
            // only of an act or of a protest right before it ("protested against China's decision").
            && (ACT_CATEGORIES.contains(&category) || !after_against(toks, p) || cue_score < 0.0 && p.first <= cue_end + 2)
            // "violated the territorial integrity of Ukraine": whose integrity is violated is the victim.
            && (category != "accuse" || !after_patient_of(toks, p, cue_end))
            // "не визнає спроб змінити кордони України", "does not recognise any change to the
            // status of Ukrainian territory": whose borders or land they are is no target of
            // (not) recognising their change.
            && !(RECOGNITION_CATEGORIES.contains(&category) && owns_the_land(toks, p))
    };
    let cands: Vec<&Placed<'_>> = placed.iter().filter(eligible).collect();
    let name = |p: &Placed<'_>| gaz.entries[p.m.entry].name.as_str();
    // "Russia violated …", "Russia's aggression": an accusation is aimed at the one whose act it names.
    if labels_an_act(category, toks[cue_start].text)
        && let Some(p) = cands.iter().find(|p| p.last + 1 == cue_start)
    {
        return Some((vec![p.m.entry], ["whose act the cue names: ", name(p)].concat()));
    }
    // "Russia must withdraw its troops from Transnistria": a demand is made of the name right
    // before it.
    // So is one "called on Russia to withdraw its forces from Ukraine", asked "that Russia
    // withdraw", or said "Russia should withdraw": the name right before the demanded act, not
    // the place after it.
    if category == "demand"
        && let Some(p) = cands.iter().find(|p| {
            !p.m.possessive
                && (p.last + 1 == cue_start
                    && (matches!(toks[cue_start].text, "must" | "should")
                        || p.first > 0 && matches!(toks[p.first - 1].text, "that" | "чтобы" | "щоб"))
                    || p.last + 2 == cue_start && matches!(toks[p.last + 1].text, "to" | "must" | "should"))
        })
    {
        return Some((vec![p.m.entry], ["of whom the demand is made: ", name(p)].concat()));
    }
    // "sent Iran a note of protest", "offered Ukraine its full support", "вручил иранскому
    // послу ноту протеста", "надала Україні підтримку": the one a verb of giving gives the cue
    // to, named between the verb and the cue.
    if let Some((p, verb)) = recipient_before(text, &cands, toks, cue_start) {
        return Some((
            vec![p.m.entry],
            ["recipient of “", toks[verb].text, " …”: ", name(p)].concat(),
        ));
    }
    let predicative = cands.iter().rev().find(|p| {
        p.last < cue_start
            && cue_start - p.last <= 6
            && toks[p.last + 1..cue_start].iter().any(|t| COPULAS_SET.contains(t.text))
    });
    if category == SOVEREIGNTY {
        if let Some(p) = predicative {
            return Some((
                vec![p.m.entry],
                ["subject of “… ", toks[p.last + 1].text, " …”: ", name(p)].concat(),
            ));
        }
        // "Ukraine has every right to defend itself": whoever has the right.
        let holder = cands.iter().rev().find(|p| {
            p.last < cue_start && cue_start - p.last <= 4 && matches!(toks[p.last + 1].text, "has" | "have" | "had")
        });
        if let Some(p) = holder {
            return Some((vec![p.m.entry], ["whose right the cue names: ", name(p)].concat()));
        }
        let after = cands.iter().find(|p| p.first >= cue_end && p.first - cue_end <= 4);
        let before = cands.iter().find(|p| p.last + 1 == cue_start && p.m.possessive);
        // "Israel's right to defend itself against attacks from Iran": the owner named before
        // the cue, rather than whoever follows it.
        return before
            .or(after)
            .map(|p| (vec![p.m.entry], ["whose sovereignty the cue names: ", name(p)].concat()));
    }
    if INITIATIVE_CATEGORIES.contains(&category) {
        // "support Moldova … and counter Russian efforts": an initiative after a name the cue
        // names directly is not what the cue is about.
        let named_first = cands
            .iter()
            .find(|p| p.first >= cue_end && p.first - cue_end <= TARGET_WINDOW)
            .map(|p| (p.last, p.m.entry));
        let mut best: Option<(usize, Vec<usize>, String)> = None;
        for (k, t) in toks.iter().enumerate() {
            if !INITIATIVE_NOUNS_SET.contains(t.text)
                || cue_score > 0.0 && SAID_NOUNS.contains(&t.text)
                || clause[k] != clause[cue_start.min(clause.len() - 1)]
            {
                continue;
            }
            let owners = initiative_owners(text, &cands, toks, k);
            if owners.is_empty() || named_first.is_some_and(|(last, entry)| k > last && !owners.contains(&entry)) {
                continue;
            }
            let dist = k.abs_diff(cue_start);
            if best.as_ref().is_none_or(|b| dist < b.0) {
                let names: Vec<String> = owners.iter().map(|e| gaz.entries[*e].name.clone()).collect();
                best = Some((
                    dist,
                    owners,
                    format!("owner of the {} named: {}", t.text, names.join(", ")),
                ));
            }
        }
        if let Some((_, owners, how)) = best {
            return Some((owners, how));
        }
    }
    // "Russia is invincible", "Russia remains a strong partner": the subject of a copula before the cue
    // (with the names joined to it: "China and Russia are our partners").
    if let Some(p) = predicative {
        let mut subjects = vec![p.m.entry];
        let mut first = p.first;
        while let Some(q) = cands
            .iter()
            .find(|q| q.last + 2 == first && toks.get(q.last + 1).is_some_and(|t| matches!(t.text, "and" | "и")))
        {
            subjects.insert(0, q.m.entry);
            first = q.first;
        }
        let names: Vec<&str> = subjects.iter().map(|e| gaz.entries[*e].name.as_str()).collect();
        return Some((
            subjects,
            format!("subject of “… {} …”: {}", toks[p.last + 1].text, names.join(", ")),
        ));
    }
    // "We consider Kazakhstan a reliable partner": the object the cue describes.
    if let Some(p) = cands.iter().rev().find(|p| {
        p.last < cue_start
            && p.first > 0
            && COMPLEMENT_VERBS_SET.contains(toks[p.first - 1].text)
            && toks[p.last + 1..cue_start].iter().all(|t| {
                matches!(
                    t.text,
                    "a" | "an" | "the" | "as" | "our" | "its" | "their" | "to" | "be"
                )
            })
    }) {
        return Some((
            vec![p.m.entry],
            format!(
                "described by “{} … {}”: {}",
                toks[p.first - 1].text,
                toks[cue_start].text,
                name(p)
            ),
        ));
    }
    let window = if COUNTRY_FIRST_CATEGORIES.contains(&category) {
        WIDE_TARGET_WINDOW
    } else {
        TARGET_WINDOW
    };
    // A tie ("allies", "partnership") is with the party joined to it ("partnership with India",
    // "allies such as Japan"), not with whoever comes next ("together with our allies we hold
    // Russia accountable", "the alliance will not be intimidated by Russia").
    let tie = RELATION_NOUNS_SET.contains(toks[cue_end - 1].text);
    let joined = |p: &Placed<'_>| {
        toks[cue_end..p.first].iter().all(|t| {
            matches!(
                t.text,
                "with"
                    | "of"
                    | "between"
                    | "to"
                    | "among"
                    | "like"
                    | "such"
                    | "as"
                    | "the"
                    | "a"
                    | "our"
                    | "its"
                    | "their"
            )
        })
    };
    // "the partnership between the United States and India": the parties other than the actor;
    // a tie or cooperation between others ("between Russia and Iran") is none of the actor's.
    let bond = tie
        || matches!(
            toks[cue_end - 1].text,
            "cooperation" | "collaboration" | "relations" | "ties" | "friendship" | "rapprochement" | "сотрудничество"
        );
    if bond
        && toks
            .get(cue_end)
            .is_some_and(|t| matches!(t.text, "between" | "among" | "между"))
    {
        let mut parties: Vec<&Placed<'_>> = Vec::new();
        let mut next = cue_end + 1;
        while let Some(p) = placed.iter().find(|p| {
            p.first >= next
                && toks[next..p.first]
                    .iter()
                    .all(|t| matches!(t.text, "the" | "and" | "и"))
        }) {
            parties.push(p);
            next = p.last + 1;
        }
        let with_actor = parties
            .iter()
            .any(|p| actor_entry(gaz, p.m.entry, date) == Some(actor.entry));
        let others: Vec<usize> = parties
            .iter()
            .filter(|p| cands.iter().any(|c| c.m.entry == p.m.entry))
            .map(|p| p.m.entry)
            .collect();
        if !with_actor || others.is_empty() {
            return None;
        }
        let names: Vec<&str> = others.iter().map(|e| gaz.entries[*e].name.as_str()).collect();
        return Some((others, format!("the other party of the tie: {}", names.join(", "))));
    }
    // "Iran's military cooperation with Russia", "співпрацю Тегерана з Москвою": a third
    // party's tie with another is none of the actor's.
    if bond
        || ["співпрац", "сотруднич", "партнерств"]
            .iter()
            .any(|s| toks[cue_end - 1].text.starts_with(s))
    {
        let third = |p: &Placed<'_>| actor_entry(gaz, p.m.entry, date) != Some(actor.entry);
        let owner_before = placed
            .iter()
            .any(|p| p.m.possessive && p.last < cue_start && cue_start - p.last <= 3 && third(p));
        let with_after = toks.get(cue_end).is_some_and(|t| t.text == "with");
        let owner_after = placed.iter().find(|p| p.first == cue_end && third(p)).is_some_and(|p| {
            toks.get(p.last + 1)
                .is_some_and(|t| matches!(t.text, "з" | "із" | "зі" | "с" | "со"))
        });
        if owner_before && with_after || owner_after {
            return None;
        }
    }
    let after: Vec<&&Placed<'_>> = cands
        .iter()
        .filter(|p| p.first >= cue_end && p.first - cue_end <= window && (!tie || joined(p)))
        .collect();
    if PROCESS_CATEGORIES.contains(&category) {
        // "urged Moscow and Kyiv to …", "called on Russia and Ukraine to …".
        let urged = cands.iter().find(|p| {
            // "urged the Democratic Republic of the Congo and Rwanda to …", "called on the
            // Ethiopian government": after "the" only where the verb addresses for certain
            // ("told the General Assembly", "on the Security Council" name where, not whom).
            let the = p.first > 1 && toks[p.first - 1].text == "the";
            let before = if the { p.first - 1 } else { p.first };
            let addressing_verb = |k: usize| match toks[k].text {
                "urged" | "urges" | "urging" | "asked" => true,
                "on" | "upon" => k > 0 && toks[k - 1].text.starts_with("call"),
                _ => false,
            };
            p.last < cue_start
                && before > 0
                && (!the || addressing_verb(before - 1))
                && matches!(
                    toks[before - 1].text,
                    "urged"
                        | "urges"
                        | "urging"
                        | "on"
                        | "upon"
                        | "asked"
                        | "told"
                        | "призвал"
                        | "призвала"
                        | "призвали"
                        | "призывает"
                        | "призываем"
                        | "закликав"
                        | "закликала"
                )
        });
        if let Some(p) = urged {
            let mut targets = vec![p.m.entry];
            targets.extend(coordinated(text, &cands, toks, p, true, true));
            let names: Vec<String> = targets.iter().map(|t| gaz.entries[*t].name.clone()).collect();
            return Some((targets, format!("parties urged: {}", names.join(", "))));
        }
        let addressed = after.iter().find(|p| {
            p.first - cue_end <= 3
                && p.m.form == NameForm::Name
                && (cue_end..p.first).any(|i| matches!(toks[i].text, "with" | "between" | "of" | "между" | "між"))
        });
        return addressed.map(|p| {
            let mut targets = vec![p.m.entry];
            targets.extend(coordinated(text, &cands, toks, p, false, true));
            let between =
                targets.len() >= 2 && (cue_end..p.first).any(|i| matches!(toks[i].text, "between" | "между" | "між"));
            if between {
                // "mediate between Russia and Ukraine": even-handed toward each (scored 0 by the caller).
                let names: Vec<String> = targets.iter().map(|t| gaz.entries[*t].name.clone()).collect();
                return (targets, format!("parties urged: between {}", names.join(" and ")));
            }
            (targets, ["party addressed after the cue: ", name(p)].concat())
        });
    }
    // "Рішення Дамаска привітала Москва": with the subject after its verb, the object may come
    // first, the nearest name before the cue.
    if after.is_empty()
        && actor.verb_first
        && let Some(p) = cands.iter().rev().find(|p| p.last < cue_start)
    {
        return Some((
            vec![p.m.entry],
            ["named before the verb, its subject after it: ", name(p)].concat(),
        ));
    }
    let preferred = if COUNTRY_FIRST_CATEGORIES.contains(&category) {
        after
            .iter()
            .find(|p| gaz.kind(p.m.entry) == EntityKind::Country)
            .or(after.first())
    } else {
        after.first()
    };
    if let Some(p) = preferred {
        // "with support from Australia": the party named after a positive cue and "from" gives
        // it, it is not what the cue is aimed at.
        if cue_score > 0.0 && p.first == cue_end + 1 && toks[cue_end].text == "from" {
            return None;
        }
        // "humanitarian aid to the people of Afghanistan", "гуманітарну допомогу для
        // українського народу": relief for a population takes no side toward its government.
        if HUMANITARIAN.iter().any(|h| toks[cue_start].text.starts_with(h)) && for_the_people(toks, p) {
            return None;
        }
        let mut targets = vec![p.m.entry];
        // The cue's own object is named in full, also after "and the" ("thanked Japan and the
        // United States for their support").
        // ("thanks the Republic of Lithuania and the Republic of Latvia": also after "the").
        let object = (p.first == cue_end || p.first == cue_end + 1 && toks[cue_end].text == "the")
            && !comma_before(text, toks, cue_end)
            && toks.get(p.last + 1).is_some_and(|t| t.text == "and")
            && !comma_before(text, toks, p.last + 1);
        // A list right after the cue (and a preposition) is its object ("recalled its
        // ambassadors from Oslo, Dublin and Madrid"); one further on names more than whom the
        // cue is aimed at ("the sovereignty of the UAE, Qatar and …").
        // So is a list of the parties "between" whom something is ("denounced the pact between
        // Washington, London and Canberra").
        let list_object =
            p.first <= cue_end + 1 || p.first > 0 && matches!(toks[p.first - 1].text, "between" | "among" | "между");
        targets.extend(coordinated(text, &cands, toks, p, object, list_object));
        return Some((targets, ["first name after the cue: ", name(p)].concat()));
    }
    // "Kazakhstan and China signed …": the partner joined to the actor by "and".
    let actor_mentions = placed
        .iter()
        .filter(|p| p.last < cue_start && actor_entry(gaz, p.m.entry, date) == Some(actor.entry));
    // Also a list: "Kyrgyzstan, Uzbekistan and China signed …", "Казахстан и Китай …".
    // A comma joins names of states only: "the Kazakh, Russian and Ukrainian people" are peoples.
    let joiner = |t: Option<&Token>, gap: &str| {
        t.is_some_and(|t| matches!(t.text, "and" | "и" | "та" | "і")) || gap.trim() == ","
    };
    let by_comma = |a: &Placed<'_>, q: &Placed<'_>| a.m.form != NameForm::Demonym && q.m.form != NameForm::Demonym;
    for a in actor_mentions {
        let mut partners: Vec<usize> = Vec::new();
        let mut last = a.last;
        loop {
            let next = placed.iter().find(|q| {
                q.first > last
                    && q.first <= last + 3
                    && (q.first == last + 1
                        && by_comma(a, q)
                        && joiner(None, &text[toks[last].range.end..toks[q.first].range.start])
                        || q.first == last + 2 && joiner(toks.get(last + 1), "")
                        || q.first == last + 3
                            && joiner(toks.get(last + 1), "")
                            && toks
                                .get(last + 2)
                                .is_some_and(|t| t.text == "the" || STATE_FORMS_SET.contains(t.text)))
            });
            match next {
                Some(q) => {
                    if cands.iter().any(|c| c.m.entry == q.m.entry) && !partners.contains(&q.m.entry) {
                        partners.push(q.m.entry);
                    }
                    last = q.last;
                }
                None => break,
            }
        }
        if !partners.is_empty() {
            let names: Vec<&str> = partners.iter().map(|e| gaz.entries[*e].name.as_str()).collect();
            return Some((partners, format!("partner named with the actor: {}", names.join(", "))));
        }
    }
    None
}

/// Verbs that give their direct object to a recipient named right after them ("sent Iran a
/// note", "вручил послу ноту", "надала Україні підтримку").
const GIVING_VERBS: &[&str] = &[
    "gave",
    "give",
    "gives",
    "giving",
    "sent",
    "send",
    "sends",
    "handed",
    "hand",
    "hands",
    "delivered",
    "deliver",
    "delivers",
    "offered",
    "offer",
    "offers",
    "extended",
    "extend",
    "extends",
    "promised",
    "promise",
    "promises",
    "pledged",
    "pledge",
    "pledges",
    "assured",
    "assure",
    "assures",
    "направил",
    "направила",
    "направили",
    "направило",
    "направляет",
    "вручил",
    "вручила",
    "вручили",
    "вручило",
    "передал",
    "передала",
    "передали",
    "передало",
    "выразил",
    "выразила",
    "выразили",
    "выразило",
    "выражает",
    "оказал",
    "оказала",
    "оказали",
    "оказало",
    "оказывает",
    "оказывают",
    "обещал",
    "обещала",
    "пообещал",
    "пообещала",
    "пообещали",
    "предложил",
    "предложила",
    "предложили",
    "направив",
    "надіслав",
    "надіслала",
    "надіслали",
    "вручив",
    "передав",
    "висловив",
    "висловила",
    "висловили",
    "висловило",
    "надав",
    "надала",
    "надали",
    "надало",
    "надає",
    "надають",
    "пообіцяв",
    "пообіцяла",
    "пообіцяли",
    "запропонував",
    "запропонувала",
    "запропонували",
];
word_set!(GIVING_VERBS_SET, GIVING_VERBS);
/// Words for an envoy or a government after a country's adjective or before its name, as the
/// recipient of a verb of giving ("handed the Armenian ambassador a note", "вручил иранскому
/// послу ноту", "передал послу Ирана ноту").
const RECIPIENT_HEADS: &[&str] = &[
    "ambassador",
    "envoy",
    "government",
    "authorities",
    "side",
    "послу",
    "посланнику",
    "стороне",
    "правительству",
    "властям",
    "руководству",
    "послові",
    "стороні",
    "уряду",
    "владі",
    "керівництву",
];
/// Words between a recipient and the cue given to it, at most ("sent Tehran a strongly worded
/// protest note").
const RECIPIENT_GAP_WORDS: usize = 3;

/// The name of the one a verb of giving ([`GIVING_VERBS`]) gives the cue at `cue_start` to:
/// right after the verb (and "the"; an envoy's or a government's word may stand before or after
/// a country's adjective or name), then at most [`RECIPIENT_GAP_WORDS`] words, none a preposition,
/// before the cue, with no comma or other name between. With the verb's token.
fn recipient_before<'a, 'p>(
    text: &str,
    cands: &[&'p Placed<'a>],
    toks: &[Token],
    cue_start: usize,
) -> Option<(&'p Placed<'a>, usize)> {
    let p = *cands.iter().rev().find(|p| p.last < cue_start)?;
    let head = |i: usize| toks.get(i).is_some_and(|t| RECIPIENT_HEADS.contains(&t.text));
    // "the Armenian ambassador", "послу Ирана": the head after or before the name.
    let mut end = p.last + 1;
    if head(end) {
        end += 1;
    }
    let mut start = skip_back(toks, p.first, &["the"]);
    if p.m.form != NameForm::Demonym && start > 0 && head(start - 1) {
        start = skip_back(toks, start - 1, &["the"]);
    }
    let gap = cue_start.checked_sub(end)?;
    // An adjective of nationality is a recipient only with its head ("the Armenian ambassador");
    // a Latin name right before the cue may qualify it ("pledged U.S. support"), where a
    // Cyrillic name's case ending tells ("оказала Украине поддержку").
    let headed = end > p.last + 1;
    let qualifies = !headed && (p.m.form == NameForm::Demonym || gap == 0 && text[p.m.range.clone()].is_ascii());
    (start > 0
        && !qualifies
        && GIVING_VERBS_SET.contains(toks[start - 1].text)
        && gap <= RECIPIENT_GAP_WORDS
        && toks[end..cue_start].iter().all(|t| !PREPOSITIONS_SET.contains(t.text))
        && !text[toks[start - 1].range.end..toks[cue_start].range.start].contains([',', ';', ':', '(', '—']))
    .then_some((p, start - 1))
}

/// Words from a cue to the victim of the act it condemns, at most ("condemned the illegal
/// annexation of Crimea").
const VICTIM_WINDOW: usize = 6;

/// Nouns after which "our" names the document's own country ("expelled twenty of our
/// diplomats", "stood by our side").
const OWN_NOUNS: &[&str] = &[
    "country",
    "nation",
    "state",
    "government",
    "side",
    "diplomats",
    "diplomat",
    "embassy",
    "ambassador",
    "mission",
    "consulate",
    "territory",
];
/// Russian and Ukrainian stems of such nouns after "наш…" ("к нашей стране", "наших
/// дипломатов", "нашого посла").
const OWN_STEMS: &[&str] = &[
    "стран",
    "країн",
    "государств",
    "держав",
    "дипломат",
    "посл",
    "посольств",
    "сторон",
    "правительств",
    "уряд",
];

/// The token in `from..to` (in the clause of `cue_start`) that names the document's own country
/// as an object: "us", or "our" before one of [`OWN_NOUNS`] ("наш…" before [`OWN_STEMS`]).
/// Not "us" after "to" or "for" when the cue is negative: "a matter of great concern to us" is
/// who is concerned, not whom the concern is about.
pub(super) fn own_country_object(
    toks: &[Token],
    clause: &[usize],
    cue_start: usize,
    from: usize,
    to: usize,
    negative: bool,
) -> Option<usize> {
    (from..to.min(toks.len())).find(|&i| {
        let next = toks.get(i + 1).map_or("", |t| t.text);
        clause[i] == clause[cue_start]
            && match toks[i].text {
                "us" => !(negative && i > 0 && matches!(toks[i - 1].text, "to" | "for")),
                "our" => OWN_NOUNS.contains(&next),
                w => w.starts_with("наш") && OWN_STEMS.iter().any(|s| next.starts_with(s)),
            }
    })
}

/// How the first word of a cue for relief begins ("humanitarian aid", "гуманитарная помощь",
/// "гуманітарна допомога").
const HUMANITARIAN: [&str; 3] = ["humanitarian", "гуманитарн", "гуманітарн"];

/// Words for a people ("the Afghan people", "для українського народу", "народу Афганистана").
const PEOPLE_WORDS: &[&str] = &[
    "people",
    "peoples",
    "народ",
    "народа",
    "народу",
    "народів",
    "народов",
    "населения",
    "населенню",
    "населення",
];

/// Whether the name `p` stands for a people, not its state: "the people of Afghanistan",
/// "Afghan people", "українського народу", "народу Афганистана".
fn for_the_people(toks: &[Token], p: &Placed<'_>) -> bool {
    let before = |k: usize| p.first >= k && PEOPLE_WORDS.contains(&toks[p.first - k].text);
    let people_of = before(2) && matches!(toks[p.first - 1].text, "of" | "in");
    let people_after = toks.get(p.last + 1).is_some_and(|t| PEOPLE_WORDS.contains(&t.text));
    people_of || people_after || before(1)
}

/// For a cue against an act that names only its victim ("condemned the annexation of Crimea",
/// "denounced the invasion of Ukraine"): the one country holding the victim's territory by
/// force on the document's date (gazetteer `occupies`), whose act it is.
pub(super) fn held_victim_target(
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    clause: &[usize],
    cue_end: usize,
    actor: &Actor,
) -> Option<(Vec<usize>, String)> {
    let cue_clause = clause[cue_end.saturating_sub(1).min(clause.len() - 1)];
    let victim = placed
        .iter()
        .find(|p| p.first >= cue_end && p.first - cue_end <= VICTIM_WINDOW && clause[p.first] == cue_clause)
        .filter(|p| is_victim(toks, p))?;
    let holder = gaz.holder_of_place(victim.m.entry, date).or_else(|| {
        (gaz.kind(victim.m.entry) == EntityKind::Country)
            .then(|| gaz.sole_occupier(victim.m.entry, date))
            .flatten()
    })?;
    (holder != actor.entry && actor_entry(gaz, holder, date) != Some(actor.entry)).then(|| {
        let how = [
            "who holds the victim of the act the cue condemns: ",
            &gaz.entries[victim.m.entry].name,
            ", held by ",
            &gaz.entries[holder].name,
        ]
        .concat();
        (vec![holder], how)
    })
}

/// Whether a comma stands between token `i` and the one before it.
fn comma_before(text: &str, toks: &[Token], i: usize) -> bool {
    match (i.checked_sub(1).and_then(|k| toks.get(k)), toks.get(i)) {
        (Some(a), Some(b)) => text[a.range.end..b.range.start].contains(','),
        _ => false,
    }
}

/// Words for a government that may stand before or after the country an appeal addresses:
/// "urged the Government of Bangladesh", "called on the Venezuelan authorities", "призвал
/// власти Грузии".
const ADDRESSEE_HEADS: &[&str] = &[
    "government",
    "authorities",
    "leadership",
    // A communiqué's or a ministry's "the Afghan side", "украинскую сторону".
    "side",
    "сторону",
    "правительство",
    "власти",
    "руководство",
    "уряд",
    "владу",
    "керівництво",
];

/// Verbs of stopping: several parties urged to do one of these are each pressed ("urged Russia
/// and China to stop propping up …", "призываем Вашингтон, Лондон и Париж прекратить …"), where
/// parties urged to talk or to show restraint are not.
const STOP_VERBS: &[&str] = &[
    "stop",
    "cease",
    "end",
    "halt",
    "withdraw",
    "release",
    "refrain",
    "abandon",
    "reverse",
    "прекратить",
    "остановить",
    "вывести",
    "отказаться",
    "освободить",
    "отменить",
    "припинити",
    "зупинити",
    "вивести",
    "відмовитися",
    "звільнити",
    "скасувати",
];

/// What parties stop between themselves (see [`listed_addressees`]).
const FIGHTING_WORDS: &[&str] = &[
    "fighting",
    "hostilities",
    "violence",
    "clashes",
    "escalation",
    "огонь",
    "боевые",
    "столкновения",
    "насилие",
    "вогонь",
    "бойові",
    "зіткнення",
    "насильство",
];

/// The countries of a list addressed by an appeal to stop something (see [`STOP_VERBS`]), its
/// first name `first`; `None` for any other list.
#[allow(clippy::too_many_arguments)]
fn listed_addressees(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    first: &Placed<'_>,
    english: bool,
    actor: &Actor,
) -> Option<(Vec<usize>, String)> {
    let word = |k: usize| toks.get(k).map(|t| t.text);
    let mut entries = Vec::new();
    let mut p = first;
    loop {
        let e = (gaz.kind(p.m.entry) == EntityKind::Country && p.m.form != NameForm::Demonym && !p.m.possessive)
            .then_some(p.m.entry)?;
        if actor_entry(gaz, e, date) == Some(actor.entry) {
            return None;
        }
        if !entries.contains(&e) {
            entries.push(e);
        }
        // The next name after a comma or a joiner (and "the").
        let mut k = p.last + 1;
        let comma = toks
            .get(k)
            .is_some_and(|t| text[toks[k - 1].range.end..t.range.start].trim() == ",");
        if word(k).is_some_and(|w| ADDRESSEE_JOINERS.contains(&w)) {
            k += 1;
        } else if !comma {
            break;
        }
        if english && word(k) == Some("the") {
            k += 1;
        }
        p = placed.iter().find(|q| q.first == k)?;
    }
    let after = p.last + 1;
    let verb = if english {
        (word(after) == Some("to")).then(|| word(after + 1)).flatten()
    } else {
        word(after)
    };
    if entries.len() < 2 || !verb.is_some_and(|v| STOP_VERBS.contains(&v)) {
        return None;
    }
    // Not the fighting between them ("urged Russia and Ukraine to stop fighting"): that
    // appeal is even-handed.
    let object_at = if english { after + 2 } else { after + 1 };
    let object_at = if word(object_at) == Some("the") {
        object_at + 1
    } else {
        object_at
    };
    if word(object_at).is_some_and(|w| FIGHTING_WORDS.contains(&w)) {
        return None;
    }
    let names: Vec<&str> = entries.iter().map(|e| gaz.entries[*e].name.as_str()).collect();
    Some((entries, ["the countries urged to stop: ", &names.join(", ")].concat()))
}

/// Words that join a second party to the one addressed ("urged Moscow and Kyiv to talk").
const ADDRESSEE_JOINERS: &[&str] = &["and", "or", "и", "или", "та", "і", "й", "або"];

/// The one country an appeal at tokens `..cue_end` addresses, named right after it ("urged
/// Israel to …", "called on the Government of Bangladesh to …", "призвал Китай …"); `None` when
/// nobody, somebody other than a country, or several parties are addressed. In English the
/// addressee is followed by "to" (or "not to").
#[allow(clippy::too_many_arguments)]
pub(super) fn addressee(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    cue_end: usize,
    english: bool,
    actor: &Actor,
) -> Option<(Vec<usize>, String)> {
    let word = |k: usize| toks.get(k).map(|t| t.text);
    let mut k = cue_end;
    if english && word(k) == Some("the") {
        k += 1;
    }
    let at = |k: usize| placed.iter().find(|p| p.first == k && !p.m.possessive);
    let head = |k: usize| word(k).is_some_and(|w| ADDRESSEE_HEADS.contains(&w));
    let (p, end) = match at(k) {
        // "the Venezuelan authorities"
        Some(p) if p.m.form == NameForm::Demonym => (p, head(p.last + 1).then_some(p.last + 2)?),
        Some(p) => (p, p.last + 1),
        // "the Government of Bangladesh", "власти Грузии"
        None if head(k) => {
            let mut n = k + 1;
            if english {
                (word(n) == Some("of")).then_some(())?;
                n += 1;
                if word(n) == Some("the") {
                    n += 1;
                }
            }
            let p = at(n).filter(|p| p.m.form != NameForm::Demonym)?;
            (p, p.last + 1)
        }
        None => return None,
    };
    let entry = match (gaz.kind(p.m.entry), gaz.country_of(p.m.entry, date)) {
        (EntityKind::Country, _) => p.m.entry,
        (EntityKind::Person, Some(c)) => c,
        _ => return None,
    };
    if entry == actor.entry || actor_entry(gaz, entry, date) == Some(actor.entry) {
        return None;
    }
    // One party only, with nothing but a space before the next word.
    let next = word(end);
    let gap = toks
        .get(end)
        .map_or("", |t| &text[toks[end - 1].range.end..t.range.start]);
    if next.is_some_and(|w| ADDRESSEE_JOINERS.contains(&w)) || gap.trim().starts_with(',') {
        return listed_addressees(text, gaz, date, toks, placed, p, english, actor);
    }
    // A time between them: "urged Pakistan on Wednesday to take …", "urged Israel again to …".
    let time_words = if english {
        match (next, word(end + 1)) {
            (Some("on"), Some(d)) if crate::analysis::date_expr::is_english_weekday(d) => 2,
            (Some("again" | "today" | "yesterday" | "repeatedly" | "also"), _) => 1,
            _ => 0,
        }
    } else {
        0
    };
    let next = word(end + time_words);
    if english
        && !(gap.trim().is_empty()
            && (next == Some("to") || next == Some("not") && word(end + time_words + 1) == Some("to")))
    {
        return None;
    }
    Some((
        vec![entry],
        ["the one country the appeal addresses: ", &gaz.entries[entry].name].concat(),
    ))
}

/// Stems of words for a country's borders and land (not its status: "does not recognise the
/// status of Kosovo" is toward Kosovo).
const LAND_STEMS: &[&str] = &["border", "territor", "кордон", "границ", "територ", "территор"];

/// Whether `p` names whose borders or land a phrase speaks of: right after such a word
/// ("кордони України", "the borders of Ukraine") or, an adjective, right before it ("українських
/// територій", "Ukrainian territory").
fn owns_the_land(toks: &[Token], p: &Placed<'_>) -> bool {
    let land = |k: usize| {
        toks.get(k)
            .is_some_and(|t| LAND_STEMS.iter().any(|s| t.text.starts_with(s)))
    };
    let before = skip_back(toks, p.first, &["the", "of"]);
    before > 0 && land(before - 1) || p.m.form == NameForm::Demonym && land(p.last + 1)
}
