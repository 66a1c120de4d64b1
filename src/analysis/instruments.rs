//! Names that only name a treaty, a format or a meeting: "the Minsk agreements", "the Astana
//! format", "the Budapest Memorandum", "the Istanbul grain deal", "the UN Charter". There the
//! city or the organisation stands for no government taking a position, nor for one a
//! position is taken toward: "Kazakhstan supports the Minsk agreements" is no position on
//! Belarus, and "Under the UN Charter, all states must …" is not the United Nations speaking.
//! The stance rules leave such mentions out (the entity filter still lists them).

use super::gazetteer::{GazMatch, Gazetteer, NameForm};
use super::text::Token;
use super::text::word_set;
use crate::model::EntityKind;

/// Nouns of an instrument named after a place (folded). Not "plan" nor "initiative": "the
/// Beijing peace plan" is a plan of China's government, and welcoming it is a position on it.
const INSTRUMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "format",
    "formats",
    "process",
    "memorandum",
    "declaration",
    "protocol",
    "protocols",
    "convention",
    "conventions",
    "treaty",
    "communique",
    "formula",
    "talks",
    "deal",
    "platform",
    "summit",
    "commitment",
    "commitments",
    "consensus",
    "framework",
    "charter",
    "group",
    "dialogue",
    // Russian and Ukrainian, in their cases.
    "соглашение",
    "соглашения",
    "соглашений",
    "соглашениям",
    "соглашениями",
    "соглашениях",
    "формат",
    "формата",
    "формате",
    "формату",
    "процесс",
    "процесса",
    "процессе",
    "процессу",
    "меморандум",
    "меморандума",
    "меморандуме",
    "меморандуму",
    "декларация",
    "декларации",
    "декларацию",
    "протокол",
    "протокола",
    "протоколе",
    "договор",
    "договора",
    "договоре",
    "договору",
    "переговоры",
    "переговоров",
    "переговорах",
    "переговорам",
    "саммит",
    "саммита",
    "саммите",
    "угода",
    "угоди",
    "угод",
    "угодах",
    "угодам",
    "формат",
    "форматі",
    "процес",
    "процесу",
    "процесі",
    "меморандумі",
    "декларація",
    "декларації",
    "договір",
    "переговори",
    "переговорів",
    "переговорах",
    "саміт",
    "саміту",
    "саміті",
];
word_set!(INSTRUMENT_NOUNS_SET, INSTRUMENT_NOUNS);

/// Words that may stand between the place and the noun ("the Minsk peace agreements", "the
/// Istanbul grain deal").
const INSTRUMENT_QUALIFIERS: &[&str] = &[
    "peace",
    "ceasefire",
    "grain",
    "nuclear",
    "final",
    "security",
    "trilateral",
    "мирные",
    "мирных",
    "мирний",
    "мирні",
];
word_set!(INSTRUMENT_QUALIFIERS_SET, INSTRUMENT_QUALIFIERS);

/// Nouns of an organisation's founding text or of the body of its decisions after its name
/// ("the UN Charter", "UN Security Council resolutions") or, in Russian and Ukrainian, before it
/// ("Устав ООН", "Статуту ООН", "резолюций СБ ООН"). Only plural resolutions: one resolution is
/// an act of its authors, and condemning it ("осудил резолюцию Европарламента") opposes them.
const CHARTER_NOUNS: &[&str] = &[
    "charter",
    "resolutions",
    "резолюций",
    "резолюцій",
    "устав",
    "устава",
    "уставе",
    "уставу",
    "уставом",
    "статут",
    "статуту",
    "статуті",
    "статутом",
];
word_set!(CHARTER_NOUNS_SET, CHARTER_NOUNS);

/// Whether the mention `m` of `text` (whose folded words are `tokens`) names an instrument
/// rather than a government (see the [module docs](self)): a place, or a country by its
/// capital, right before an instrument's noun; an organisation beside the noun of its charter
/// or of its resolutions.
pub(crate) fn names_instrument(text: &str, tokens: &[Token<'_>], gaz: &Gazetteer, m: &GazMatch) -> bool {
    if m.possessive {
        return false;
    }
    let kind = gaz.kind(m.entry);
    let place = m.form == NameForm::Metonym || kind == EntityKind::Place;
    if !place && kind != EntityKind::Organization {
        return false;
    }
    // Only white space between two words: "in Minsk. Talks …" is no instrument.
    let joined = |a: usize, b: usize| text.get(a..b).is_some_and(|gap| gap.chars().all(char::is_whitespace));
    let after = tokens.partition_point(|t| t.range.start < m.range.end);
    let mut next = tokens.get(after).filter(|t| joined(m.range.end, t.range.start));
    if let Some(q) = next.filter(|t| INSTRUMENT_QUALIFIERS_SET.contains(t.text)) {
        next = tokens.get(after + 1).filter(|t| joined(q.range.end, t.range.start));
    }
    if place {
        return next.is_some_and(|t| INSTRUMENT_NOUNS_SET.contains(t.text));
    }
    let first = tokens.partition_point(|t| t.range.start < m.range.start);
    let previous = first
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .filter(|t| joined(t.range.end, m.range.start));
    // The gazetteer lists "UN Charter" and "Charter of the United Nations" as names of the
    // organisation (its mentions); they still name no one taking a position.
    let inside = &tokens[first.min(after)..after];
    let charter = |t: &Token<'_>| CHARTER_NOUNS_SET.contains(t.text);
    inside.first().is_some_and(charter)
        || inside.last().is_some_and(charter)
        || next.is_some_and(charter)
        || previous.is_some_and(|t| charter(t) && !t.text.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::text::Folded;

    /// The surface forms of the mentions of `text` that name an instrument.
    fn instruments(text: &str) -> Vec<String> {
        static SHIPPED: std::sync::LazyLock<(Gazetteer, Lexicon)> = std::sync::LazyLock::new(|| {
            (
                Gazetteer::with_overrides(Vec::new()).expect("shipped gazetteer parses"),
                Lexicon::with_override(None).expect("shipped lexicon parses"),
            )
        });
        let (gaz, lex) = &*SHIPPED;
        let folded = Folded::new(text);
        let tokens = lex.tokens(&folded);
        gaz.find(text, &folded)
            .iter()
            .filter(|m| names_instrument(text, &tokens, gaz, m))
            .map(|m| text[m.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_place_before_an_instruments_noun_names_the_instrument() {
        assert_eq!(
            instruments(
                "Kazakhstan supports the Minsk agreements and the Astana format. \
                 Russia broke the Budapest Memorandum. Astana said it backed the Istanbul grain deal."
            ),
            ["Minsk", "Astana", "Budapest", "Istanbul"]
        );
        assert_eq!(
            instruments("Минские соглашения остаются основой урегулирования."),
            ["Минские"]
        );
        // A capital that speaks, or one followed by other words, stays its government.
        assert!(instruments("Minsk agreed. Moscow officials said talks in Minsk. Talks went on.").is_empty());
        // A possessive is its government's: "Moscow's proposal", "Minsk's agreements".
        assert!(instruments("Minsk's agreements with Moscow were signed.").is_empty());
    }

    #[test]
    fn an_organisation_beside_its_charters_noun_names_the_charter() {
        assert_eq!(
            instruments("All states must respect the UN Charter. The UN called for talks. The UN charter binds."),
            ["UN Charter", "UN charter"]
        );
        assert_eq!(
            instruments("It is in line with the Charter of the United Nations."),
            ["Charter of the United Nations"]
        );
        // The Charter's own name in its cases, as the gazetteer spells them ("Устава ООН").
        assert_eq!(instruments("Нормы Устава ООН обязательны для всех."), ["Устава ООН"]);
        assert_eq!(instruments("Это противоречит Уставу ООН."), ["Уставу ООН"]);
        // Nor its resolutions: "in violation of UN Security Council resolutions" opposes no one.
        assert_eq!(
            instruments("The launches violate UN Security Council resolutions. Это нарушение резолюций СБ ООН."),
            ["UN Security Council", "СБ ООН"]
        );
        // One resolution is its authors' act.
        assert!(
            instruments("Baku condemned the European Parliament resolution. Баку осудил резолюцию Европарламента.")
                .is_empty()
        );
        // Organisations name no other instruments: "the NATO summit" is NATO's.
        assert!(instruments("At the NATO summit, allies agreed.").is_empty());
        // Nor is an organisation that adopts a resolution its text.
        assert!(instruments("The Security Council adopted a resolution.").is_empty());
    }
}
