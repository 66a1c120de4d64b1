//! Russian and Ukrainian subjects after their verb: "Поддержку Баку выразила Анкара",
//! "Рішення Дамаска привітала Москва", "Проект поддержал Китай", "Підтримку висловили також
//! Естонія та Литва". The object is said first and the subject closes the clause; the word
//! order, not the case ending alone, says who acts, so the subject is read where the verb's
//! gender and number agree with a name in the nominative right after it and no name before the
//! verb could be its subject.

use super::*;

/// Words allowed between the verb and its subject ("выразила также Анкара").
const BETWEEN_VERB_AND_SUBJECT: &[&str] = &[
    "также",
    "тоже",
    "и",
    "уже",
    "також",
    "теж",
    "і",
    "й",
    "вже",
    "вчера",
    "вчора",
];

/// The verb's number and gender, by its past-tense ending.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Agreement {
    Masculine,
    Feminine,
    Plural,
}

/// The agreement of a Russian or Ukrainian verb in the past tense ("выразил", "висловив",
/// "выразила", "висловили"); `None` for any other word.
fn past_tense(word: &str) -> Option<Agreement> {
    if word.chars().count() < 4 || !word.chars().all(cyrillic_lower) {
        return None;
    }
    let vowel = |c: char| matches!(c, 'а' | 'и' | 'е' | 'я' | 'у' | 'ы' | 'і' | 'ї');
    let mut last = word.chars().rev();
    let (c, b, a) = (last.next()?, last.next()?, last.next()?);
    match (a, b, c) {
        (v, 'л', 'а') if vowel(v) => Some(Agreement::Feminine),
        (v, 'л', 'и') if vowel(v) => Some(Agreement::Plural),
        (_, v, 'л') if vowel(v) => Some(Agreement::Masculine),
        // Ukrainian masculine: "висловив", "привітав" (not the genitive plural "переговорів").
        (_, 'и' | 'а' | 'я' | 'у', 'в') => Some(Agreement::Masculine),
        _ => None,
    }
}

/// Whether the name `p` can be a subject in the nominative agreeing with `agreement`: by the
/// ending of its last word ("Анкара", "Москва", "Естонія" feminine; "Китай", "Киев" masculine);
/// a masculine name's genitive ("Дамаска", "Китая") is not, told by a shorter spelling of the
/// same entry in the gazetteer. Abbreviations ("США", "ООН", "НАТО") do not decline and agree
/// with any verb.
fn nominative(gaz: &Gazetteer, text: &str, p: &Placed<'_>, agreement: Agreement) -> bool {
    let written = &text[p.m.range.clone()];
    let last = written.rsplit(' ').next().unwrap_or(written);
    if last.chars().count() >= 2 && last.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = last.to_lowercase();
    let Some(end) = lower.chars().last() else {
        return false;
    };
    if !cyrillic_lower(end) || end == 'ґ' {
        return false;
    }
    let stem: String = lower.chars().take(lower.chars().count() - 1).collect();
    let entry = &gaz.entries[p.m.entry];
    let shorter = || {
        entry.aliases.iter().chain(&entry.metonyms).any(|a| {
            let a = a.rsplit(' ').next().unwrap_or(a).to_lowercase();
            a == stem || a.strip_suffix('й') == Some(stem.as_str())
        })
    };
    match agreement {
        Agreement::Feminine => matches!(end, 'а' | 'я') && !shorter(),
        Agreement::Masculine => {
            end == 'й'
                || !matches!(
                    end,
                    'а' | 'я' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'ю' | 'і' | 'ї' | 'є' | 'ь' | 'ё'
                )
        }
        Agreement::Plural => false,
    }
}

/// The subject named after its verb, with the names listed with it ("висловили також Естонія
/// та Литва"), for the verbs at `verbs` (the last token of each cue or verb of speech).
pub(super) fn subject_after_verb<'p, 'a>(
    text: &str,
    gaz: &Gazetteer,
    toks: &[Token],
    placed: &'p [Placed<'a>],
    cue_tokens: &[usize],
    verbs: impl Iterator<Item = usize>,
    can_act: &dyn Fn(&Placed<'_>) -> bool,
) -> Option<(&'p Placed<'a>, Vec<&'p Placed<'a>>)> {
    for v in verbs {
        let Some(agreement) = past_tense(toks[v].text) else {
            continue;
        };
        let mut k = v + 1;
        while toks.get(k).is_some_and(|t| BETWEEN_VERB_AND_SUBJECT.contains(&t.text)) && k < v + 3 {
            k += 1;
        }
        let Some(first) = placed.iter().find(|p| p.first == k && p.m.form != NameForm::Demonym) else {
            continue;
        };
        // The list the subject opens: names joined by commas, "и", "та", "і", "й".
        let mut list = vec![first];
        while let Some(next) = placed.iter().find(|q| {
            let last = list[list.len() - 1];
            q.first > last.last
                && q.m.form != NameForm::Demonym
                && text[toks[last.last].range.end..toks[q.first].range.start]
                    .split([' ', ','])
                    .filter(|w| !w.is_empty())
                    .all(|w| matches!(w, "и" | "та" | "і" | "й"))
        }) {
            list.push(next);
        }
        let last = list[list.len() - 1];
        // It closes its clause.
        let rest = text[toks[last.last].range.end..].trim_start_matches([' ', '»', '"']);
        if !(rest.is_empty() || rest.starts_with(['.', ',', ':', ';', '!', '—', '–', '\n'])) {
            continue;
        }
        let agrees = match agreement {
            Agreement::Plural => {
                list.len() >= 2
                    && list.iter().all(|p| {
                        nominative(gaz, text, p, Agreement::Feminine) || nominative(gaz, text, p, Agreement::Masculine)
                    })
                    || list.len() == 1
                        && nominative(gaz, text, first, Agreement::Masculine)
                        && text[first.m.range.clone()].chars().all(|c| c.is_uppercase())
            }
            a => list.len() == 1 && nominative(gaz, text, first, a),
        };
        if !agrees || !list.iter().all(|p| can_act(p)) {
            continue;
        }
        // No name before the verb that could be its subject: one right after a cue is the
        // cue's object ("поддержку Баку"), one after a preposition is not a subject.
        let subject_before = placed.iter().any(|q| {
            q.last < v
                && can_act(q)
                && q.m.form != NameForm::Demonym
                && !(q.first > 0
                    && (cue_tokens.contains(&(q.first - 1)) || PREPOSITIONS_SET.contains(toks[q.first - 1].text)))
                && (nominative(gaz, text, q, agreement) || agreement == Agreement::Plural)
        });
        if subject_before {
            continue;
        }
        return Some((first, list[1..].to_vec()));
    }
    None
}
