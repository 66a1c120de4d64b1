//! Stance attribution: which actor takes which position toward which target, in
//! which sentence, with which cue. Explainable rules, no model:
//!
//! * **Actor**: the speaker of a reported-speech verb ("…,” the Kazakh ministry said),
//!   else the sentence's subject (the first actor-capable name before the cue that is
//!   not the object of a preposition), else — for sentences that start with a pronoun
//!   or continue a quotation — the previous sentence's actor. An official speaks for
//!   the country their role on the document's date gives; a body ("Foreign Ministry",
//!   "delegation") for the country it belongs to.
//! * **Cue**: a lexicon phrase; a negator up to four words before it (same clause)
//!   changes its score as the cue's negation mode says. Cues that describe somebody
//!   else's act ("Russia's invasion", "a resolution demanding…", a relative clause)
//!   are not the actor's stance and are skipped.
//! * **Target**: for sovereignty cues, the party right after ("territorial integrity
//!   of Ukraine"); else the owner of an initiative in the clause ("China's peace
//!   plan", "the plan of China and Brazil"); else the nearest name after the cue in
//!   the clause, then before it; else, in a continuation, the previous target.

use super::gazetteer::{GazMatch, Gazetteer, NameForm};
use super::lexicon::Lexicon;
use super::text::Token;
use crate::model::EntityKind;
use jiff::civil::Date;
use std::ops::Range;

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "it", "i", "our", "his", "her", "their", "он", "она", "они", "мы",
];
const PREPOSITIONS: &[&str] = &[
    "of", "to", "with", "against", "from", "by", "for", "on", "about", "in", "into", "toward", "towards", "between",
    "over", "at", "than", "upon", "within", "like",
];
const INITIATIVE_NOUNS: &[&str] = &[
    "plan",
    "plans",
    "initiative",
    "initiatives",
    "proposal",
    "proposals",
    "position",
    "formula",
    "idea",
    "efforts",
    "proposition",
    "roadmap",
    "framework",
    "resolution",
    "declaration",
    "statement",
    "stance",
];
const CONTENT_NOUNS: &[&str] = &[
    "vote",
    "votes",
    "ballot",
    "resolution",
    "plan",
    "draft",
    "motion",
    "bill",
    "statement",
    "proposal",
    "law",
    "decree",
    "report",
    "declaration",
    "letter",
    "petition",
];
const SOVEREIGNTY: &str = "support_sovereignty";
/// Categories that describe an act (invading, sanctioning, threatening): only coded
/// when the actor's name stands right before the cue ("Russia annexed Crimea").
const ACT_CATEGORIES: &[&str] = &["coerce", "sanction", "threaten"];
/// Categories about the peace process: coded only toward a party named right after
/// ("talks with Russia", "dialogue between Russia and Ukraine").
const PROCESS_CATEGORIES: &[&str] = &["appeal_peace"];
/// Categories whose target is preferably a country.
const COUNTRY_FIRST_CATEGORIES: &[&str] = &["abstain", "neutral"];
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "remains", "remain", "becomes", "became", "stays", "seems", "be", "been",
];
const LOCATIVES: &[&str] = &["in", "within", "at", "across", "throughout", "inside", "near"];
/// Phrases that refer to the actor and one other country mentioned just before.
const RELATIONAL: &[&str] = &[
    "our countries",
    "our two countries",
    "our states",
    "our nations",
    "our two states",
    "bilateral",
];
/// Phrases that refer to the two parties of a conflict mentioned just before.
const DYADIC: &[&str] = &[
    "both states",
    "both sides",
    "either side",
    "either party",
    "both parties",
    "the two sides",
    "the warring parties",
    "обе стороны",
    "обеих сторон",
    "ни одну из сторон",
];
/// How many tokens after a cue a target may stand.
const TARGET_WINDOW: usize = 5;
/// The same for abstentions and neutrality ("abstained from a UN resolution demanding that Russia …").
const WIDE_TARGET_WINDOW: usize = 12;
/// Categories whose target is best found as an initiative's owner.
const INITIATIVE_CATEGORIES: &[&str] = &[
    "endorse",
    "agree",
    "support",
    "praise",
    "reject",
    "criticize",
    "cooperate",
];

/// A stance found in one document, with gazetteer entry indices.
#[derive(Debug, Clone, PartialEq)]
pub struct RawStance {
    /// Actor entry.
    pub actor: usize,
    /// Target entry.
    pub target: usize,
    /// Speaker name and, for a person, the entry.
    pub speaker: Option<(String, Option<usize>)>,
    /// Score after negation.
    pub score: f32,
    /// Sentence index.
    pub sentence: usize,
    /// Cue as written.
    pub cue: String,
    /// Cue byte range.
    pub cue_range: Range<usize>,
    /// Category.
    pub category: String,
    /// Negated?
    pub negated: bool,
    /// How it was found.
    pub explanation: String,
    /// Date of the reported event (filled in after dating).
    pub event_date: Option<crate::model::DocDate>,
}

/// Everything stance finding needs about one document.
pub struct StanceInput<'a> {
    /// Document text.
    pub text: &'a str,
    /// Sentence ranges.
    pub sentences: &'a [Range<usize>],
    /// Folded tokens with ranges in `text`.
    pub tokens: &'a [Token],
    /// Gazetteer matches in `text`, in order.
    pub mentions: &'a [GazMatch],
    /// Start of trailing boilerplate (no stance there).
    pub boilerplate_start: Option<usize>,
    /// Publication date, for roles.
    pub doc_date: Option<Date>,
}

#[derive(Debug, Clone)]
struct Actor {
    entry: usize,
    /// For an actor found as the sentence subject: its first token (cues before it are not its own).
    subject_at: Option<usize>,
    speaker: Option<(String, Option<usize>)>,
    how: String,
}

/// A mention placed on the sentence's tokens.
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    m: &'a GazMatch,
    first: usize,
    last: usize,
}

/// Finds stance events in one document.
pub fn find_stances(input: &StanceInput<'_>, gaz: &Gazetteer, lex: &Lexicon) -> Vec<RawStance> {
    let quotes = quoted_ranges(input.text);
    // Quotations are sorted and disjoint: binary search.
    let in_quote = |off: usize| {
        let i = quotes.partition_point(|q| q.end <= off);
        quotes.get(i).is_some_and(|q| q.start <= off)
    };
    let mut out = Vec::new();
    let mut prev_actor: Option<Actor> = None;
    let mut prev_target: Option<usize> = None;
    // Countries mentioned in the last sentences, oldest first (for "our countries").
    let mut recent_countries: Vec<usize> = Vec::new();
    for (si, sr) in input.sentences.iter().enumerate() {
        if input.boilerplate_start.is_some_and(|b| sr.start >= b) {
            break;
        }
        let t0 = input.tokens.partition_point(|t| t.range.start < sr.start);
        let t1 = input.tokens.partition_point(|t| t.range.start < sr.end);
        let toks = &input.tokens[t0..t1];
        if toks.is_empty() {
            continue;
        }
        let m0 = input.mentions.partition_point(|m| m.range.start < sr.start);
        let m1 = input.mentions.partition_point(|m| m.range.start < sr.end);
        let placed: Vec<Placed<'_>> = input.mentions[m0..m1]
            .iter()
            .filter_map(|m| {
                let first = toks.iter().position(|t| t.range.end > m.range.start)?;
                let last = toks.iter().rposition(|t| t.range.start < m.range.end)?;
                Some(Placed {
                    m,
                    first,
                    last: last.max(first),
                })
            })
            .collect();
        let clause = clause_ids(input.text, toks);
        let relational = relational_phrase(toks).is_some();
        let dyadic = dyadic_phrase(toks);
        let actor_for_recent = prev_actor.as_ref().map(|a| a.entry);
        let recent_country = recent_countries
            .iter()
            .rev()
            .copied()
            .find(|c| Some(*c) != actor_for_recent);
        let cues = lex.cue_matcher.find(toks);
        let continuation = starts_as_continuation(input.text, sr, toks);
        let actor = find_actor(
            input,
            gaz,
            lex,
            toks,
            &placed,
            &cues,
            &in_quote,
            continuation,
            prev_actor.as_ref(),
        );
        let mut sentence_target = None;
        if let Some(actor) = &actor {
            let actor_mention_end = placed
                .iter()
                .filter(|p| actor_entry(gaz, p.m.entry, input.doc_date) == Some(actor.entry))
                .map(|p| p.last)
                .next();
            for hit in &cues {
                let cue = &lex.cues[hit.phrase];
                let cue_range = toks[hit.start].range.start..toks[hit.end - 1].range.end;
                // A cue before the subject is not the subject's.
                if actor.subject_at.is_some_and(|at| hit.start < at) {
                    continue;
                }
                // Somebody else's act: "Russia's invasion", "Russian hegemony".
                if hit.start > 0
                    && let Some(owner) = placed
                        .iter()
                        .find(|p| p.last + 1 == hit.start && (p.m.possessive || p.m.form == NameForm::Demonym))
                    && actor_entry(gaz, owner.m.entry, input.doc_date) != Some(actor.entry)
                {
                    continue;
                }
                // The content of a document, not the actor's act: "a resolution demanding that …".
                if content_clause_start(toks, &clause).is_some_and(|k| hit.start >= k && clause[k] == clause[hit.start])
                {
                    continue;
                }
                // Acts are the actor's only when the actor's name is right before them, or
                // when they are aimed at someone ("sanctions against Russia").
                let aimed = toks
                    .get(hit.end)
                    .is_some_and(|t| matches!(t.text.as_str(), "against" | "on"))
                    && placed.iter().any(|p| p.first > hit.end && p.first <= hit.end + 3);
                if ACT_CATEGORIES.contains(&cue.category.as_str())
                    && !aimed
                    && !placed.iter().any(|p| {
                        p.last < hit.start
                            && hit.start - p.last <= 3
                            && actor_entry(gaz, p.m.entry, input.doc_date) == Some(actor.entry)
                    })
                {
                    continue;
                }
                // A relative clause after the actor: "Beijing, which claims neutrality".
                if let Some(ae) = actor_mention_end
                    && ae < hit.start
                    && relative_clause_between(input.text, toks, ae, hit.start)
                {
                    continue;
                }
                let negated = is_negated(lex, input.text, toks, hit.start);
                let (score, neg_how) = apply_negation(cue.score, negated, cue.negation);
                let targets = find_targets(
                    input.text,
                    gaz,
                    input.doc_date,
                    toks,
                    &placed,
                    &clause,
                    hit.start,
                    hit.end,
                    &cue.category,
                    actor,
                );
                let mut score = score;
                // Two parties urged at once ("urged Moscow and Kyiv to talk") is even-handed.
                if let Some((t, how)) = &targets
                    && t.len() >= 2
                    && how.starts_with("parties urged")
                {
                    score = 0.0;
                }
                let (targets, target_how) = match targets {
                    Some(t) => t,
                    None if dyadic.is_some() => {
                        let parties: Vec<usize> = recent_countries
                            .iter()
                            .rev()
                            .copied()
                            .filter(|c| *c != actor.entry)
                            .take(2)
                            .collect();
                        if parties.len() < 2 {
                            continue;
                        }
                        score = 0.0;
                        let names: Vec<&str> = parties.iter().map(|p| gaz.entries[*p].name.as_str()).collect();
                        (
                            parties.clone(),
                            format!(
                                "“{}”: the two parties just mentioned, {} (even-handed: neutral toward each)",
                                dyadic.clone().unwrap_or_default(),
                                names.join(" and ")
                            ),
                        )
                    }
                    None if cue.category == SOVEREIGNTY || PROCESS_CATEGORIES.contains(&cue.category.as_str()) => {
                        continue;
                    }
                    None if relational => match recent_country.filter(|c| *c != actor.entry) {
                        Some(t) => (
                            vec![t],
                            format!(
                                "“{}”: the other country just mentioned, {}",
                                relational_phrase(toks).unwrap_or_default(),
                                gaz.entries[t].name
                            ),
                        ),
                        None => continue,
                    },
                    None if continuation => match prev_target {
                        Some(t) if t != actor.entry => (
                            vec![t],
                            format!("the previous sentence's target, {} (continuation)", gaz.entries[t].name),
                        ),
                        _ => continue,
                    },
                    None => continue,
                };
                // A person stands for the country their role gives ("Zelensky's formula" → Ukraine).
                let mut target_how = target_how;
                let targets: Vec<usize> = targets
                    .into_iter()
                    .map(|t| match (gaz.kind(t), gaz.country_of(t, input.doc_date)) {
                        (EntityKind::Person, Some(c)) if c != actor.entry => {
                            target_how.push_str(&format!(
                                " ({} speaks for {})",
                                gaz.entries[t].name, gaz.entries[c].name
                            ));
                            c
                        }
                        _ => t,
                    })
                    .filter(|t| *t != actor.entry)
                    .collect();
                for target in targets {
                    sentence_target = Some(target);
                    out.push(RawStance {
                        actor: actor.entry,
                        target,
                        speaker: actor.speaker.clone(),
                        score,
                        sentence: si,
                        cue: input.text[cue_range.clone()].to_string(),
                        cue_range: cue_range.clone(),
                        category: cue.category.clone(),
                        negated,
                        event_date: None,
                        explanation: format!(
                            "actor: {}; target: {}; cue “{}” ({}{:+.2}{})",
                            actor.how, target_how, cue.phrase, cue.category, cue.score, neg_how
                        ),
                    });
                }
            }
        }
        if actor.is_some() {
            prev_actor = actor.clone();
        } else if !continuation {
            prev_actor = None;
        }
        prev_target = sentence_target;
        for p in &placed {
            if gaz.kind(p.m.entry) == EntityKind::Country {
                recent_countries.retain(|c| *c != p.m.entry);
                recent_countries.push(p.m.entry);
            }
        }
        if recent_countries.len() > 6 {
            recent_countries.drain(..recent_countries.len() - 6);
        }
    }
    strongest_per_sentence(out)
}

/// One event per (sentence, actor, target): the cue with the largest |score| wins
/// (the first on ties); the others are named in its explanation.
fn strongest_per_sentence(events: Vec<RawStance>) -> Vec<RawStance> {
    let mut out: Vec<RawStance> = Vec::with_capacity(events.len());
    let mut sentence_start = 0;
    for e in events {
        // Events come in sentence order: only this sentence's events can match.
        if out.last().is_some_and(|l| l.sentence != e.sentence) {
            sentence_start = out.len();
        }
        match out[sentence_start..]
            .iter_mut()
            .find(|o| o.actor == e.actor && o.target == e.target)
        {
            Some(o) => {
                let (keep, other) = if e.score.abs() > o.score.abs() {
                    (e, o.clone())
                } else {
                    (o.clone(), e)
                };
                let mut keep = keep;
                keep.explanation
                    .push_str(&format!("; also “{}” in the same sentence", other.cue));
                *o = keep;
            }
            None => out.push(e),
        }
    }
    out
}

/// The actor entry a mention stands for, if it can act.
fn actor_entry(gaz: &Gazetteer, entry: usize, date: Option<Date>) -> Option<usize> {
    match gaz.kind(entry) {
        EntityKind::Country | EntityKind::Person => gaz.country_of(entry, date),
        EntityKind::Organization if !gaz.entries[entry].media => Some(entry),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn find_actor(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    cues: &[super::lexicon::PhraseHit],
    in_quote: &dyn Fn(usize) -> bool,
    continuation: bool,
    prev: Option<&Actor>,
) -> Option<Actor> {
    let can_act = |p: &Placed<'_>| actor_entry(gaz, p.m.entry, input.doc_date).is_some();
    let outside = |p: &Placed<'_>| !in_quote(p.m.range.start);
    // 1. Reported speech.
    for verb in lex.speech_verbs.find(toks) {
        // Participles ("…, saying") share the main clause's subject: rule 2.
        if in_quote(toks[verb.start].range.start) || toks[verb.end - 1].text.ends_with("ing") {
            continue;
        }
        let before = placed
            .iter()
            .filter(|p| {
                can_act(p)
                    && outside(p)
                    && p.last < verb.start
                    && verb.start - p.last <= 4
                    && !(p.first > 0 && PREPOSITIONS.contains(&toks[p.first - 1].text.as_str()))
            })
            .max_by_key(|p| p.last);
        let after = placed
            .iter()
            .filter(|p| can_act(p) && outside(p) && p.first >= verb.end && p.first - verb.end <= 3)
            .min_by_key(|p| p.first);
        let verb_text = &input.text[toks[verb.start].range.start..toks[verb.end - 1].range.end];
        if let Some(p) = before.or(after) {
            return Some(make_actor(
                input,
                gaz,
                lex,
                toks,
                placed,
                p,
                format!("speaker of “{verb_text}”"),
            ));
        }
        let pronoun_before =
            (verb.start.saturating_sub(3)..verb.start).any(|i| PRONOUNS.contains(&toks[i].text.as_str()));
        if pronoun_before && let Some(prev) = prev {
            return Some(Actor {
                subject_at: None,
                how: format!("{} (pronoun before “{verb_text}”)", prev.how),
                ..prev.clone()
            });
        }
    }
    // 2. A sentence that opens with a pronoun continues the previous actor ("We are interested that Ukraine …").
    if toks.first().is_some_and(|t| PRONOUNS.contains(&t.text.as_str()))
        && let Some(prev) = prev
    {
        return Some(Actor {
            subject_at: None,
            how: format!(
                "{} (pronoun “{}” continues the previous sentence)",
                prev.how, toks[0].text
            ),
            ..prev.clone()
        });
    }
    // 3. The subject: first actor-capable name before the first cue, not after a preposition.
    let first_cue = cues.first().map_or(toks.len(), |c| c.start);
    let last_cue = cues.last().map_or(toks.len(), |c| c.start);
    let first_cue_quoted = cues.first().is_some_and(|c| in_quote(toks[c.start].range.start));
    let subject = placed.iter().find(|p| {
        (p.first < last_cue || first_cue_quoted) && can_act(p) && outside(p) && !after_preposition(placed, toks, p)
    });
    if let Some(p) = subject {
        let mut a = make_actor(input, gaz, lex, toks, placed, p, "subject of the sentence".to_string());
        a.subject_at = (!first_cue_quoted).then_some(p.first);
        return Some(a);
    }
    // 4. Continuation of the previous sentence.
    let pronoun = toks[..first_cue.min(toks.len())]
        .iter()
        .any(|t| PRONOUNS.contains(&t.text.as_str()));
    if (continuation || pronoun)
        && let Some(prev) = prev
    {
        return Some(Actor {
            subject_at: None,
            how: format!("{} (continued from the previous sentence)", prev.how),
            ..prev.clone()
        });
    }
    None
}

fn make_actor(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &[Token],
    placed: &[Placed<'_>],
    p: &Placed<'_>,
    how: String,
) -> Actor {
    let entry = actor_entry(gaz, p.m.entry, input.doc_date).unwrap_or(p.m.entry);
    let surface = &input.text[p.m.range.clone()];
    let kind = gaz.kind(p.m.entry);
    if kind == EntityKind::Person {
        let name = gaz.entries[p.m.entry].name.clone();
        return Actor {
            entry,
            subject_at: None,
            speaker: Some((name, Some(p.m.entry))),
            how: format!("{how}: {surface}"),
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
            how: format!("{how}: {surface} … {}", &input.text[person.m.range.clone()]),
        };
    }
    // "the Kazakh Foreign Ministry", "Kazakhstan's delegation".
    let rest = &toks[(p.last + 1).min(toks.len())..];
    let body = lex
        .body_matcher
        .find(&rest[..rest.len().min(4)])
        .into_iter()
        .find(|h| h.start == 0);
    let speaker = body.map(|h| {
        let b = &lex.bodies[h.phrase];
        let mut c = b.chars();
        let b = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default();
        (format!("{b} of {}", gaz.entries[entry].name), None)
    });
    let form = match p.m.form {
        NameForm::Metonym => " (seat of government)",
        NameForm::Demonym => " (adjective)",
        NameForm::Name => "",
    };
    Actor {
        entry,
        subject_at: None,
        speaker,
        how: format!("{how}: {surface}{form}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn find_targets(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    clause: &[usize],
    cue_start: usize,
    cue_end: usize,
    category: &str,
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
    };
    let cands: Vec<&Placed<'_>> = placed.iter().filter(eligible).collect();
    let name = |p: &Placed<'_>| gaz.entries[p.m.entry].name.clone();
    let predicative = cands.iter().rev().find(|p| {
        p.last < cue_start
            && cue_start - p.last <= 6
            && toks[p.last + 1..cue_start]
                .iter()
                .any(|t| COPULAS.contains(&t.text.as_str()))
    });
    if category == SOVEREIGNTY {
        if let Some(p) = predicative {
            return Some((
                vec![p.m.entry],
                format!("subject of “… {} …”: {}", toks[p.last + 1].text, name(p)),
            ));
        }
        let after = cands.iter().find(|p| p.first >= cue_end && p.first - cue_end <= 4);
        let before = cands.iter().find(|p| p.last + 1 == cue_start && p.m.possessive);
        return after
            .or(before)
            .map(|p| (vec![p.m.entry], format!("whose sovereignty the cue names: {}", name(p))));
    }
    if INITIATIVE_CATEGORIES.contains(&category) {
        let mut best: Option<(usize, Vec<usize>, String)> = None;
        for (k, t) in toks.iter().enumerate() {
            if !INITIATIVE_NOUNS.contains(&t.text.as_str()) || clause[k] != clause[cue_start.min(clause.len() - 1)] {
                continue;
            }
            let owners = initiative_owners(&cands, toks, k);
            if owners.is_empty() {
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
    // "Russia is invincible", "Russia remains a strong partner": the subject of a copula before the cue.
    if let Some(p) = predicative {
        return Some((
            vec![p.m.entry],
            format!("subject of “… {} …”: {}", toks[p.last + 1].text, name(p)),
        ));
    }
    let window = if COUNTRY_FIRST_CATEGORIES.contains(&category) {
        WIDE_TARGET_WINDOW
    } else {
        TARGET_WINDOW
    };
    let after: Vec<&&Placed<'_>> = cands
        .iter()
        .filter(|p| p.first >= cue_end && p.first - cue_end <= window)
        .collect();
    if PROCESS_CATEGORIES.contains(&category) {
        // "urged Moscow and Kyiv to …", "called on Russia and Ukraine to …".
        let urged = cands.iter().find(|p| {
            p.last < cue_start
                && p.first > 0
                && matches!(
                    toks[p.first - 1].text.as_str(),
                    "urged" | "urges" | "urging" | "on" | "upon" | "asked" | "told"
                )
        });
        if let Some(p) = urged {
            let mut targets = vec![p.m.entry];
            targets.extend(coordinated(&cands, toks, p));
            let names: Vec<String> = targets.iter().map(|t| gaz.entries[*t].name.clone()).collect();
            return Some((targets, format!("parties urged: {}", names.join(", "))));
        }
        let addressed = after.iter().find(|p| {
            p.first - cue_end <= 3
                && p.m.form == NameForm::Name
                && (cue_end..p.first).any(|i| matches!(toks[i].text.as_str(), "with" | "between" | "of"))
        });
        return addressed.map(|p| {
            let mut targets = vec![p.m.entry];
            targets.extend(coordinated(&cands, toks, p));
            (targets, format!("party addressed after the cue: {}", name(p)))
        });
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
        let mut targets = vec![p.m.entry];
        targets.extend(coordinated(&cands, toks, p));
        return Some((targets, format!("first name after the cue: {}", name(p))));
    }
    // "Kazakhstan and China signed …": the partner joined to the actor by "and".
    let actor_mentions = placed
        .iter()
        .filter(|p| p.last < cue_start && actor_entry(gaz, p.m.entry, date) == Some(actor.entry));
    for a in actor_mentions {
        let partner = cands
            .iter()
            .find(|q| q.first == a.last + 2 && toks.get(a.last + 1).is_some_and(|t| t.text == "and"));
        if let Some(q) = partner {
            return Some((vec![q.m.entry], format!("partner named with the actor: {}", name(q))));
        }
    }
    None
}

/// "of China", "of the Kazakh ministry", "between Russia and Ukraine": a name that is
/// the object of a preposition (directly, after "the", or joined by "and" to one).
fn after_preposition(placed: &[Placed<'_>], toks: &[Token], p: &Placed<'_>) -> bool {
    let is_prep = |i: usize| PREPOSITIONS.contains(&toks[i].text.as_str());
    let direct = |q: &Placed<'_>| {
        (q.first > 0 && is_prep(q.first - 1))
            || (q.first > 1 && toks[q.first - 1].text == "the" && is_prep(q.first - 2))
    };
    direct(p)
        || (p.first > 0
            && matches!(toks[p.first - 1].text.as_str(), "and" | "or")
            && placed.iter().any(|q| q.last + 2 == p.first && direct(q)))
}

/// "in Donetsk and Luhansk": a place after a locative preposition, or joined to one.
fn is_locative(placed: &[Placed<'_>], toks: &[Token], p: &Placed<'_>) -> bool {
    if p.first == 0 {
        return false;
    }
    let before = toks[p.first - 1].text.as_str();
    if LOCATIVES.contains(&before) {
        return true;
    }
    matches!(before, "and" | "or")
        && placed
            .iter()
            .any(|q| q.last + 2 == p.first && q.first > 0 && LOCATIVES.contains(&toks[q.first - 1].text.as_str()))
}

/// "the Russia-Ukraine conflict": a name inside a hyphenated compound names a topic, not a target.
fn in_compound(text: &str, m: &GazMatch) -> bool {
    let after = text[m.range.end..].chars().take(2).collect::<Vec<_>>();
    let before = text[..m.range.start].chars().rev().take(2).collect::<Vec<_>>();
    let dash = |c: char| matches!(c, '-' | '–' | '‑');
    (after.len() == 2 && dash(after[0]) && after[1].is_uppercase())
        || (before.len() == 2 && dash(before[0]) && before[1].is_alphabetic())
}

fn dyadic_phrase(toks: &[Token]) -> Option<String> {
    phrase_in(toks, DYADIC)
}

fn relational_phrase(toks: &[Token]) -> Option<String> {
    phrase_in(toks, RELATIONAL)
}

fn phrase_in(toks: &[Token], list: &[&str]) -> Option<String> {
    list.iter().find_map(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        toks.windows(words.len())
            .any(|w| w.iter().zip(&words).all(|(t, p)| t.text == *p))
            .then(|| phrase.to_string())
    })
}

/// Token index where a document's content starts inside a clause: "a resolution
/// demanding …", "a statement condemning …".
fn content_clause_start(toks: &[Token], _clause: &[usize]) -> Option<usize> {
    (1..toks.len()).find(|&i| {
        CONTENT_NOUNS.contains(&toks[i - 1].text.as_str()) && (toks[i].text.ends_with("ing") || toks[i].text == "that")
    })
}

/// "China and Brazil": names joined to `p` by "and".
fn coordinated(cands: &[&Placed<'_>], toks: &[Token], p: &Placed<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last = p.last;
    loop {
        let next = cands.iter().find(|q| {
            q.first == last + 2 && matches!(toks.get(last + 1).map(|t| t.text.as_str()), Some("and" | "и" | "or"))
        });
        match next {
            Some(q) => {
                out.push(q.m.entry);
                last = q.last;
            }
            None => return out,
        }
    }
}

/// Owners of the initiative noun at token `k`: "China's (12-point peace) plan",
/// "plan of (the) China and Brazil", "the position of the People's Republic of China".
fn initiative_owners(cands: &[&Placed<'_>], toks: &[Token], k: usize) -> Vec<usize> {
    if let Some(p) = cands.iter().rev().find(|p| {
        p.last < k && k - p.last <= 5 && (p.m.possessive || (p.m.form == NameForm::Demonym && k - p.last <= 3))
    }) {
        return vec![p.m.entry];
    }
    if toks.get(k + 1).is_some_and(|t| t.text == "of") {
        let skip = if toks.get(k + 2).is_some_and(|t| t.text == "the") {
            3
        } else {
            2
        };
        if let Some(p) = cands.iter().find(|p| p.first == k + skip) {
            let mut v = vec![p.m.entry];
            v.extend(coordinated(cands, toks, p));
            return v;
        }
    }
    Vec::new()
}

fn is_negated(lex: &Lexicon, text: &str, toks: &[Token], cue_start: usize) -> bool {
    // Up to four words back, stopping at clause punctuation.
    let mut from = cue_start;
    while from > 0 && cue_start - from < 4 {
        let gap = &text[toks[from - 1].range.end..toks[from].range.start];
        if gap.contains([',', ';', ':', '(', ')']) {
            break;
        }
        from -= 1;
    }
    let window = &toks[from..cue_start];
    window.iter().any(|t| t.text.ends_with("n't")) || !lex.negators.find(window).is_empty()
}

fn apply_negation(score: f32, negated: bool, mode: super::lexicon::NegationMode) -> (f32, String) {
    use super::lexicon::NegationMode::*;
    match (negated, mode) {
        (false, _) | (true, Ignore) => (score, String::new()),
        (true, Flip) => (-score / 2.0, format!(", negated → {:+.2}", -score / 2.0)),
        (true, Neutralize) => (0.0, ", negated → 0 (withheld)".to_string()),
    }
}

/// Clause number of each token: clauses break at ";", dashes, "but", and ", which/while/whereas".
fn clause_ids(text: &str, toks: &[Token]) -> Vec<usize> {
    let mut id = 0;
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            let gap = &text[toks[i - 1].range.end..t.range.start];
            let word = t.text.as_str();
            if gap.contains(';')
                || gap.contains(" — ")
                || gap.contains(" – ")
                || word == "but"
                || word == "however"
                || (gap.contains(',') && matches!(word, "which" | "who" | "while" | "whereas" | "although" | "though"))
            {
                id += 1;
            }
        }
        out.push(id);
    }
    out
}

fn relative_clause_between(text: &str, toks: &[Token], from: usize, to: usize) -> bool {
    (from + 1..to).any(|i| {
        matches!(toks[i].text.as_str(), "which" | "who" | "whose")
            && text[toks[i - 1].range.end..toks[i].range.start].contains(',')
    })
}

/// Whether a sentence continues the previous one: it opens with a pronoun or sits
/// inside an open quotation.
fn starts_as_continuation(text: &str, sr: &Range<usize>, toks: &[Token]) -> bool {
    let first = toks.first().map(|t| t.text.as_str()).unwrap_or("");
    let opens_quote = text[sr.clone()].starts_with(['“', '"', '«', '„']);
    PRONOUNS.contains(&first) || opens_quote
}

/// Byte ranges inside quotation marks; a quotation never spans a line break.
pub(crate) fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => open = None,
            '“' | '«' | '„' if open.is_none() => open = Some(i),
            '”' | '»' => {
                if let Some(s) = open.take() {
                    out.push(s..i + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(s..i + 1),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}
