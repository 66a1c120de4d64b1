//! Framing marks for the side-by-side view: distancing labels ("so-called",
//! "dictator"), one side's official terms ("special military operation"), hedges
//! and neutrality ("balanced position", "abstained"), and quotations. Found with the
//! lexicon's cue list (its categories say which is which), so editing the lexicon
//! changes what is marked.

use super::lexicon::{Lexicon, PhraseHit};
use super::text::Token;
use crate::model::{FramingKind, FramingMark};
use std::ops::Range;

/// The kind of mark a lexicon category gives, if any.
pub fn kind_of_category(category: &str) -> Option<FramingKind> {
    match category {
        "delegitimize" => Some(FramingKind::Label),
        "endorse_framing" => Some(FramingKind::OfficialTerm),
        "neutral" | "abstain" => Some(FramingKind::Hedge),
        _ => None,
    }
}

/// Marks in a text (tokens folded, ranges in the text; `cue_hits`: the lexicon's cue hits in
/// `tokens`; `quotes`: its [`super::stance::quoted_ranges`]), sorted by start.
pub fn framing_marks(
    tokens: &[Token],
    cue_hits: &[PhraseHit],
    quotes: &[Range<usize>],
    lex: &Lexicon,
) -> Vec<FramingMark> {
    let mut out: Vec<FramingMark> = cue_hits
        .iter()
        .filter_map(|hit| {
            let kind = kind_of_category(&lex.cues[hit.phrase].category)?;
            let start = tokens[hit.start].range.start;
            let end = tokens[hit.end - 1].range.end;
            Some(FramingMark {
                range: start..end,
                kind,
            })
        })
        .collect();
    out.extend(quotes.iter().map(|r| FramingMark {
        range: r.clone(),
        kind: FramingKind::Quote,
    }));
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::Folded;

    fn marks(text: &str) -> Vec<(String, FramingKind)> {
        let lex = Lexicon::with_override(None).unwrap();
        let folded = Folded::new(text);
        let tokens = lex.tokens(&folded);
        let cue_hits = lex.cue_matcher.find(&tokens);
        framing_marks(&tokens, &cue_hits, &crate::analysis::stance::quoted_ranges(text), &lex)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn labels_official_terms_hedges_and_quotes_are_marked() {
        let m = marks(
            "The so-called referendum was staged by the dictator. Moscow calls it a special military operation. \
             Astana abstained and said \"we keep a balanced position\".",
        );
        let has = |s: &str, k: FramingKind| m.iter().any(|(t, kind)| t.eq_ignore_ascii_case(s) && *kind == k);
        assert!(has("so-called", FramingKind::Label), "{m:?}");
        assert!(has("dictator", FramingKind::Label), "{m:?}");
        assert!(has("special military operation", FramingKind::OfficialTerm), "{m:?}");
        assert!(m.iter().any(|(_, k)| *k == FramingKind::Hedge), "{m:?}");
        assert!(
            m.iter()
                .any(|(t, k)| *k == FramingKind::Quote && t.contains("balanced position")),
            "{m:?}"
        );
        assert!(marks("Kazakhstan and China signed a trade deal.").is_empty());
    }
}
