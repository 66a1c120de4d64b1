//! Case forms of Russian and Ukrainian names of several words, for the gazetteer.
//!
//! The gazetteer lists names in the nominative ("Организация тюркских государств", "Міжнародний
//! кримінальний суд"); a text names them in every case ("выразил признательность Организации
//! тюркских государств", "ордер Міжнародного кримінального суду"). The matcher takes a case
//! ending on a name's last word only, which covers one-word names ("Донецк" → "Донецкой") but not
//! these, whose first words inflect and whose last words often do not. This module spells out the
//! singular oblique cases of such a name: the words up to and including its first noun inflect,
//! each by the paradigm its ending shows (adjectives agreeing by their own endings), and the
//! words after that noun, a genitive ("тюркских государств", "Безпеки ООН"), stay as they are.
//!
//! Only the regular paradigms are spelt; a name whose first noun has another ending (a plural
//! "Штаты", a soft sign) gets no forms, and keeps whatever forms the gazetteer lists by hand.

/// The singular cases other than the nominative, in this order: genitive, dative, accusative,
/// instrumental, prepositional (locative).
const CASES: usize = 5;

/// Endings of one word in each case of [`CASES`]; a case may have two (Ukrainian "суду"/"суда").
type Paradigm = [&'static [&'static str]; CASES];

/// Which language's paradigms a name follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Russian,
    Ukrainian,
}

/// The oblique case forms of the Cyrillic name `name` of two or more words (see the module),
/// without duplicates and without the name itself; none for other names.
pub fn case_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 || !name.chars().all(|c| c == ' ' || c == '-' || is_cyrillic(c)) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for lang in languages(name) {
        let Some(paradigms) = inflecting_words(&words, lang) else {
            continue;
        };
        for case in 0..CASES {
            // Each inflecting word in this case, every combination of its endings.
            let mut forms: Vec<String> = vec![String::new()];
            for (i, w) in words.iter().enumerate() {
                let variants: Vec<String> = match paradigms.get(i) {
                    Some((stem, p)) => p[case].iter().map(|e| join_ending(stem, e, lang)).collect(),
                    None => vec![(*w).to_string()],
                };
                forms = forms
                    .iter()
                    .flat_map(|f| {
                        variants.iter().map(move |v| {
                            if f.is_empty() {
                                v.clone()
                            } else {
                                [f.as_str(), " ", v].concat()
                            }
                        })
                    })
                    .collect();
            }
            for f in forms {
                if f != name && !out.contains(&f) {
                    out.push(f);
                }
            }
        }
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The languages a name may be in: Ukrainian where it has a letter or a spelling only Ukrainian
/// has, Russian where it has one only Russian has, else both.
fn languages(name: &str) -> Vec<Lang> {
    let lower = name.to_lowercase();
    let uk = lower.contains(['і', 'ї', 'є', 'ґ']) || lower.contains("ськ") || lower.contains("цьк");
    let ru = lower.contains(['ы', 'э', 'ъ', 'ё']);
    match (uk, ru) {
        (true, false) => vec![Lang::Ukrainian],
        (false, true) => vec![Lang::Russian],
        _ => vec![Lang::Russian, Lang::Ukrainian],
    }
}

/// The stem and paradigm of each word up to and including the first noun; `None` when a word
/// before it fits no paradigm, or no noun is found.
fn inflecting_words<'a>(words: &[&'a str], lang: Lang) -> Option<Vec<(&'a str, Paradigm)>> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let last = i + 1 == words.len();
        if !last && let Some(a) = adjective(w, lang) {
            out.push(a);
            continue;
        }
        out.push(noun(w, lang)?);
        return Some(out);
    }
    None
}

/// A word's stem and its paradigm as an adjective (singular), if its ending is one.
fn adjective(w: &str, lang: Lang) -> Option<(&str, Paradigm)> {
    let lower = w.to_lowercase();
    let ends = |e: &str| lower.ends_with(e);
    let cut = |n: usize| &w[..w.len() - n];
    // Cyrillic letters are two bytes each.
    match lang {
        Lang::Russian => {
            if ends("ый") || ends("ой") {
                Some((cut(4), [&["ого"], &["ому"], &["ый"], &["ым"], &["ом"]]))
            } else if ends("кий") || ends("гий") || ends("хий") {
                Some((cut(4), [&["ого"], &["ому"], &["ий"], &["им"], &["ом"]]))
            } else if ends("ий") {
                Some((cut(4), [&["его"], &["ему"], &["ий"], &["им"], &["ем"]]))
            } else if ends("ая") {
                Some((cut(4), [&["ой"], &["ой"], &["ую"], &["ой"], &["ой"]]))
            } else if ends("яя") {
                Some((cut(4), [&["ей"], &["ей"], &["юю"], &["ей"], &["ей"]]))
            } else if ends("ое") {
                Some((cut(4), [&["ого"], &["ому"], &["ое"], &["ым"], &["ом"]]))
            } else {
                None
            }
        }
        Lang::Ukrainian => {
            if ends("ий") {
                Some((cut(4), [&["ого"], &["ому"], &["ий"], &["им"], &["ому", "ім"]]))
            } else if ["ська", "цька", "зька", "на", "ва"].iter().any(|e| ends(e)) {
                Some((cut(2), [&["ої"], &["ій"], &["у"], &["ою"], &["ій"]]))
            } else if ends("не") || ends("ке") || ends("ве") {
                Some((cut(2), [&["ого"], &["ому"], &["е"], &["им"], &["ому", "ім"]]))
            } else {
                None
            }
        }
    }
}

/// A word's stem and its paradigm as a singular noun, if its ending is a regular one.
fn noun(w: &str, lang: Lang) -> Option<(&str, Paradigm)> {
    let lower = w.to_lowercase();
    let ends = |e: &str| lower.ends_with(e);
    let last = lower.chars().last()?;
    let cut = |n: usize| &w[..w.len() - n];
    let before_last = lower.chars().rev().nth(1);
    let hushing = |c: Option<char>| c.is_some_and(|c| "жшчщц".contains(c));
    match lang {
        Lang::Russian => {
            if ends("ия") {
                Some((cut(4), [&["ии"], &["ии"], &["ию"], &["ией"], &["ии"]]))
            } else if ends("ие") {
                Some((cut(4), [&["ия"], &["ию"], &["ие"], &["ием"], &["ии"]]))
            } else if last == 'а' {
                let velar = before_last.is_some_and(|c| "гкхжшчщ".contains(c));
                let genitive: &'static [&'static str] = if velar { &["и"] } else { &["ы"] };
                let inst: &'static [&'static str] = if hushing(before_last) { &["ей"] } else { &["ой"] };
                Some((cut(2), [genitive, &["е"], &["у"], inst, &["е"]]))
            } else if last == 'я' {
                Some((cut(2), [&["и"], &["е"], &["ю"], &["ей"], &["е"]]))
            } else if last == 'о' {
                Some((cut(2), [&["а"], &["у"], &["о"], &["ом"], &["е"]]))
            } else if is_consonant(last) {
                let inst: &'static [&'static str] = if hushing(Some(last)) { &["ем"] } else { &["ом"] };
                Some((w, [&["а"], &["у"], &[""], inst, &["е"]]))
            } else {
                None
            }
        }
        Lang::Ukrainian => {
            if ends("ія") {
                Some((cut(4), [&["ії"], &["ії"], &["ію"], &["ією"], &["ії"]]))
            } else if last == 'а' {
                Some((cut(2), [&["и"], &["і"], &["у"], &["ою"], &["і"]]))
            } else if last == 'я' {
                let vowel = before_last.is_some_and(|c| "аеєиіїоуюя'’".contains(c));
                let genitive: &'static [&'static str] = if vowel { &["ї"] } else { &["і"] };
                Some((cut(2), [genitive, genitive, &["ю"], &["єю"], genitive]))
            } else if last == 'о' {
                Some((cut(2), [&["а"], &["у"], &["о"], &["ом"], &["і"]]))
            } else if is_consonant(last) {
                Some((w, [&["у", "а"], &["у", "ові"], &[""], &["ом"], &["і", "у"]]))
            } else {
                None
            }
        }
    }
}

fn is_consonant(c: char) -> bool {
    "бвгґджзклмнпрстфхцчшщ".contains(c)
}

/// `stem` with the case ending `ending`; in Ukrainian a stem's last к, г or х becomes ц, з or
/// с before the ending "і" ("Республіка" → "Республіці").
fn join_ending(stem: &str, ending: &str, lang: Lang) -> String {
    if lang == Lang::Ukrainian && ending == "і" {
        let mut chars: Vec<char> = stem.chars().collect();
        if let Some(c) = chars.last_mut() {
            *c = match *c {
                'к' => 'ц',
                'г' => 'з',
                'х' => 'с',
                other => other,
            };
        }
        return chars.into_iter().chain(ending.chars()).collect();
    }
    [stem, ending].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(name: &str, form: &str) -> bool {
        case_forms(name).iter().any(|f| f == form)
    }

    #[test]
    fn russian_names_take_their_cases_up_to_the_first_noun() {
        assert!(has(
            "Организация тюркских государств",
            "Организации тюркских государств"
        ));
        assert!(has(
            "Организация тюркских государств",
            "Организацией тюркских государств"
        ));
        assert!(has(
            "Шанхайская организация сотрудничества",
            "Шанхайской организации сотрудничества"
        ));
        assert!(has("Международный уголовный суд", "Международного уголовного суда"));
        assert!(has("Международный уголовный суд", "Международном уголовном суде"));
        assert!(has(
            "Содружество Независимых Государств",
            "Содружества Независимых Государств"
        ));
        assert!(has("Лига арабских государств", "Лиги арабских государств"));
        assert!(has("Британский совет", "Британского совета"));
        // The genitive after the first noun stays as it is.
        assert!(
            !case_forms("Организация тюркских государств")
                .iter()
                .any(|f| f.contains("тюркского"))
        );
    }

    #[test]
    fn ukrainian_names_take_their_cases_with_their_own_endings() {
        assert!(has("Міжнародний кримінальний суд", "Міжнародного кримінального суду"));
        assert!(has("Рада Безпеки ООН", "Ради Безпеки ООН"));
        assert!(has(
            "Південно-Африканська Республіка",
            "Південно-Африканської Республіки"
        ));
        assert!(has(
            "Південно-Африканська Республіка",
            "Південно-Африканській Республіці"
        ));
        assert!(has("Організація тюркських держав", "Організації тюркських держав"));
        assert!(has("Європейський Союз", "Європейського Союзу"));
        assert!(has("Європейський Союз", "Європейським Союзом"));
    }

    #[test]
    fn names_of_one_word_plural_nouns_or_other_scripts_get_none() {
        assert!(case_forms("Україна").is_empty());
        assert!(case_forms("Объединённые Арабские Эмираты").is_empty());
        assert!(case_forms("European Union").is_empty());
        assert!(!case_forms("Европейский союз").contains(&"Европейский союз".to_string()));
    }
}
