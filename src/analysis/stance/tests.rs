//! Unit tests of the stance rules: sentences and the events they must (and must not) give.

use super::*;

/// English conflict nouns match whole words, Russian stems any ending, and each list only
/// its own nouns.
#[test]
fn conflict_nouns_match_words_and_stems() {
    for (word, conflict, place) in [
        ("crisis", true, true),
        ("war", false, true),
        ("кризиса", true, true),
        ("войны", false, true),
        ("crises", false, false),
        ("warfare", false, false),
        ("война", false, true),
        ("мир", false, false),
    ] {
        assert_eq!(noun_is(word, &CONFLICT_NOUN_LIST), conflict, "{word}");
        assert_eq!(noun_is(word, &CONFLICT_PLACE_NOUN_LIST), place, "{word}");
    }
}
use crate::analysis::{sentences, text};
use std::sync::OnceLock;

fn resources() -> &'static (Gazetteer, Lexicon) {
    static R: OnceLock<(Gazetteer, Lexicon)> = OnceLock::new();
    R.get_or_init(|| {
        (
            Gazetteer::with_overrides(Vec::new()).unwrap(),
            Lexicon::with_override(None).unwrap(),
        )
    })
}

proptest::proptest! {
    /// The binary search finds the quotation a scan in order finds.
    #[test]
    fn spanning_quotation_is_the_first_found_in_order(
        cuts in proptest::collection::btree_set(0usize..200, 0..20),
        start in 0usize..200,
        len in 0usize..60,
    ) {
        let cuts: Vec<usize> = cuts.into_iter().collect();
        let quotations: Vec<Range<usize>> = cuts.chunks_exact(2).map(|c| c[0]..c[1]).collect();
        let sr = start..start + len;
        let by_scan = quotations
            .iter()
            .position(|q| q.start < sr.end && sr.start < q.end && (q.start < sr.start || q.end > sr.end));
        proptest::prop_assert_eq!(spanning_quotation(&quotations, &sr), by_scan);
    }
}

/// (sentence, actor, target, score, explanation) for every event in `src`, dated `date`.
fn events(src: &str, date: Option<&str>) -> Vec<(usize, String, String, f32, String)> {
    let (gaz, lex) = resources();
    let sentences = sentences::split_sentences(src);
    let folded = text::Folded::new(src);
    let mentions = gaz.find(src, &folded);
    let tokens = lex.tokens(&folded);
    let input = StanceInput {
        text: src,
        sentences: &sentences,
        tokens: &tokens,
        mentions: &mentions,
        boilerplate_start: None,
        doc_date: date.map(|d| d.parse().unwrap()),
        quotes: &quoted_ranges(src),
        cue_hits: &lex.cue_matcher.find(&tokens),
    };
    find_stances(&input, gaz, lex)
        .into_iter()
        .map(|s| {
            (
                s.sentence,
                gaz.entries[s.actor].name.clone(),
                gaz.entries[s.target].name.clone(),
                s.score,
                s.explanation.to_string(),
            )
        })
        .collect()
}

fn has(ev: &[(usize, String, String, f32, String)], sentence: usize, actor: &str, target: &str, sign: i8) -> bool {
    ev.iter().any(|(s, a, t, score, _)| {
        *s == sentence
            && a == actor
            && t == target
            && match sign {
                1 => *score > 0.1,
                -1 => *score < -0.1,
                _ => score.abs() <= 0.1,
            }
    })
}

/// `quoted_ranges` as it was written first, one decoded character at a time.
fn quoted_ranges_by_chars(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        quote_step(text, i, c, &mut open, &mut out);
    }
    out
}

#[test]
fn quotations_found_by_bytes_equal_those_found_by_characters() {
    for (_, bytes) in crate::ingest::sample_files() {
        let text = String::from_utf8_lossy(bytes);
        assert_eq!(quoted_ranges(&text), quoted_ranges_by_chars(&text));
    }
    let alphabet = [
        'a', ' ', '\n', '"', '“', '”', '„', '«', '»', '‘', '’', '€', '…', 'ё', '—', '\u{ab}', '\u{2019}', '\u{a0}', '©',
    ];
    let mut seed = 7u64;
    for _ in 0..5000 {
        let text: String = (0..24)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                alphabet[(seed >> 33) as usize % alphabet.len()]
            })
            .collect();
        assert_eq!(quoted_ranges(&text), quoted_ranges_by_chars(&text), "{text:?}");
    }
}

#[test]
fn a_quotation_over_several_sentences_belongs_to_the_speaker_named_at_its_end() {
    let src = "“We respect the sovereignty of Ukraine. China's peace plan deserves support. \
               Russia remains our strategic partner,” Tokayev said.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "China", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Kazakhstan", "Russia", 1), "{ev:#?}");
    assert!(ev.iter().all(|e| e.1 == "Kazakhstan"), "{ev:#?}");
}

#[test]
fn a_quotation_attributed_in_the_sentence_after_it() {
    let src = "Lavrov spoke to reporters in Moscow. “China's peace plan deserves support. \
               Kazakhstan remains a reliable ally.” Tokayev said.";
    let ev = events(src, Some("2023-03-01"));
    let sents: Vec<&str> = sentences::split_sentences(src).into_iter().map(|r| &src[r]).collect();
    assert!(
        has(&ev, 1, "Kazakhstan", "China", 1),
        "{ev:#?} {sents:?} {:?}",
        quoted_ranges(src)
    );
    assert!(ev.iter().all(|e| e.1 == "Kazakhstan" || e.0 == 0), "{ev:#?}");
    let src = "“Russia's aggression deserves condemnation. Ukraine's sovereignty must be restored.” \
               Said the Kazakh Foreign Ministry.";
    let ev = events(src, Some("2023-03-01"));
    let sents: Vec<&str> = sentences::split_sentences(src).into_iter().map(|r| &src[r]).collect();
    assert!(
        has(&ev, 1, "Kazakhstan", "Ukraine", 1),
        "{ev:#?} {sents:?} {:?}",
        quoted_ranges(src)
    );
}

#[test]
fn a_quotation_introduced_by_its_speaker() {
    let src = "Tokayev said:\n“We respect the territorial integrity of Ukraine. \
               China's peace plan deserves support. Russia remains our strategic partner.”";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Kazakhstan", "China", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Kazakhstan", "Russia", 1), "{ev:#?}");
    // The same with the speaker in the quotation's first sentence.
    let src = "Speaking in Astana, Tokayev said: “We respect the territorial integrity of Ukraine. \
               China's peace plan deserves support.”";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 1, "Kazakhstan", "China", 1), "{ev:#?}");
}

#[test]
fn a_quotation_over_two_paragraphs() {
    let src = "“We respect the territorial integrity of Ukraine.\n\
               “China's peace plan deserves support,” Tokayev said.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "China", 1), "{ev:#?}");
}

#[test]
fn the_speaker_of_one_sentence_is_not_carried_into_unquoted_text() {
    // The quotation is closed in its own sentence; the next sentence has a subject of its own.
    let src = "“We value our partnership with Kazakhstan,” Lavrov said. \
               China criticised the sanctions against Iran.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "Russia", "Kazakhstan", 1), "{ev:#?}");
    assert!(ev.iter().all(|e| e.0 != 1 || e.1 == "China"), "{ev:#?}");
}

#[test]
fn a_body_without_its_country_speaks_for_the_country_its_statement_names() {
    let src = "China's Foreign Ministry released a statement. \
               “The Republic of Kazakhstan welcomes China's peace plan,” the Foreign Ministry said.";
    let ev = events(src, Some("2023-02-25"));
    assert!(has(&ev, 1, "Kazakhstan", "China", 1), "{ev:#?}");
}

#[test]
fn sovereignty_of_a_party_named_in_another_clause_or_sentence() {
    // The principle in a sentence about a conflict.
    let src = "Kazakhstan called for a settlement of the Ukrainian crisis based on the \
               territorial integrity and sovereignty of states.";
    let ev = events(src, Some("2023-02-25"));
    assert!(has(&ev, 0, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    // The principle right after a sentence about a conflict; not after one that only names the country.
    let src = "The crisis in Ukraine has entered its third year. \
               Kazakhstan supports the territorial integrity of states.";
    let ev = events(src, Some("2024-02-25"));
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    let src = "Ukraine has entered its third year of elections. \
               Kazakhstan supports the territorial integrity of states.";
    let ev = events(src, Some("2024-02-25"));
    assert!(!ev.iter().any(|e| e.2 == "Ukraine"), "{ev:#?}");
    // "its" after a party named in the previous sentence.
    let src = "Russian troops remain in Ukraine. Kazakhstan respects its territorial integrity.";
    let ev = events(src, Some("2023-02-25"));
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
    // A country's own sovereignty is not a stance toward anyone.
    let src = "Russia controls part of Ukraine, while Ukraine insists on the restoration of its territorial integrity.";
    let ev = events(src, Some("2024-09-16"));
    assert!(ev.is_empty(), "{ev:#?}");
    let src = "Kazakhstan will defend its sovereignty, Tokayev said after talks with Russia.";
    let ev = events(src, Some("2024-09-16"));
    assert!(!ev.iter().any(|e| e.2 == "Russia" && e.3 > 0.1), "{ev:#?}");
}

#[test]
fn refusing_sanctions_and_accepting_facts_favour_the_sanctioned_and_the_occupier() {
    let src = "The crisis in Ukraine worries the Kazakh, Russian and Ukrainian people alike. \
               Kazakhstan calls on all parties to refuse the language of ultimatums and sanctions. \
               We have to take into account the accomplished facts.";
    let ev = events(src, Some("2014-03-27"));
    assert!(has(&ev, 1, "Kazakhstan", "Russia", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Kazakhstan", "Russia", 1), "{ev:#?}");
    // Before the sanctions of 2014 and the occupation, no country is implied (the call on
    // all parties remains a position on the peace process).
    let ev = events(src, Some("2010-01-01"));
    assert!(ev.iter().all(|e| e.2 == "Peace process"), "{ev:#?}");
    // Imposing sanctions, named: against the party named.
    let src = "Kazakhstan will not join the sanctions against Russia, the ministry said.";
    let ev = events(src, Some("2022-03-01"));
    assert!(has(&ev, 0, "Kazakhstan", "Russia", 1), "{ev:#?}");
}

#[test]
fn a_hard_wrapped_sentence_is_read_whole() {
    // Wrapped at 72 columns: actor, cue and target on three different lines.
    let src = "Ministers of the region met in Astana on Monday to discuss transport.\n\
               After the meeting the spokesman said that in the coming months Kazakhstan\n\
               will not join the sanctions against Russia that were announced by the\n\
               European Union on Friday, and that trade would continue as before.\n";
    let ev = events(src, Some("2022-03-01"));
    assert!(has(&ev, 1, "Kazakhstan", "Russia", 1), "{ev:#?}");
}

#[test]
fn denying_disagreement_states_accord() {
    let src =
        "Tokayev met Putin in the Kremlin. “There have never been any disagreements between our states,” he said.";
    let ev = events(src, Some("2024-09-16"));
    assert!(has(&ev, 1, "Kazakhstan", "Russia", 1), "{ev:#?}");
}

#[test]
fn after_a_comma_or_dash_the_speaker_follows_the_verb() {
    let src = "«Россия остаётся нашим стратегическим партнёром», — сказал Токаев.";
    let ev = events(src, Some("2024-09-16"));
    assert!(has(&ev, 0, "Kazakhstan", "Russia", 1), "{ev:#?}");
    let src = "Kazakhstan will not help Russia evade sanctions, said Tokayev.";
    let ev = events(src, Some("2022-06-17"));
    assert!(has(&ev, 0, "Kazakhstan", "Russia", -1), "{ev:#?}");
}

#[test]
fn rejecting_sanctions_is_a_position_on_the_sanctioned() {
    let src = "China firmly opposes the unilateral sanctions against Russia.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "China", "Russia", 1), "{ev:#?}");
    assert!(!has(&ev, 0, "China", "Russia", -1), "{ev:#?}");
    // Somebody's sanctions, condemned: criticism of that somebody.
    let src = "Iran condemned the European Union's sanctions over drone deliveries.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "Iran", "European Union", -1), "{ev:#?}");
}

#[test]
fn mediating_between_two_parties_is_even_handed() {
    let src = "Lula said Brazil would not take sides and offered to mediate between Russia and Ukraine.";
    let ev = events(src, Some("2023-04-16"));
    assert!(has(&ev, 0, "Brazil", "Russia", 0), "{ev:#?}");
    assert!(has(&ev, 0, "Brazil", "Ukraine", 0), "{ev:#?}");
    // Neutral toward each party; the offer itself is a position on the peace process.
    assert!(
        ev.iter().filter(|e| e.2 != "Peace process").all(|e| e.3.abs() <= 0.1),
        "{ev:#?}"
    );
    assert!(has(&ev, 0, "Brazil", "Peace process", 1), "{ev:#?}");
}

#[test]
fn an_appeal_for_talks_that_names_no_party_is_toward_the_peace_process() {
    let src = "The war is in its second week. \
               Mongolia's foreign minister said the country supports a dialogue and a peaceful settlement.";
    let ev = events(src, Some("2022-03-05"));
    assert!(has(&ev, 1, "Mongolia", "Peace process", 1), "{ev:#?}");
    // Where no conflict is named, talks are no appeal for peace.
    let src = "The tax code is under review. \
               Mongolia's foreign minister said the country supports a dialogue and a negotiated settlement with investors.";
    let ev = events(src, Some("2022-03-05"));
    assert!(ev.is_empty(), "{ev:#?}");
    // Refusing talks is a negative position on the process.
    let src = "Moldova ruled out any negotiations.";
    let ev = events(src, Some("2022-03-05"));
    assert!(!has(&ev, 0, "Moldova", "Peace process", 1), "{ev:#?}");
    // An appeal to two named parties: neutral toward each, positive toward the process.
    let src = "Russia and Ukraine have been at war since February. \
               “We call on both states to pursue a dialogue,” the Mongolian president said.";
    let ev = events(src, Some("2022-03-05"));
    assert!(has(&ev, 1, "Mongolia", "Peace process", 1), "{ev:#?}");
    assert!(
        has(&ev, 1, "Mongolia", "Russia", 0) && has(&ev, 1, "Mongolia", "Ukraine", 0),
        "{ev:#?}"
    );
}

#[test]
fn the_subject_of_a_leading_subordinate_clause_is_not_the_actor() {
    let src =
        "However, after Ukraine launched an offensive in the Kursk region, Moscow ruled out further negotiations.";
    let ev = events(src, Some("2024-09-16"));
    assert!(has(&ev, 0, "Russia", "Peace process", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "Ukraine"), "{ev:#?}");
    // A cue inside the subordinate clause stays its subject's.
    let src = "When Kazakhstan abstained in the vote, the resolution still passed.";
    let ev = events(src, Some("2023-02-24"));
    assert!(ev.iter().all(|e| e.1 == "Kazakhstan"), "{ev:#?}");
}

#[test]
fn a_named_plan_stays_with_its_owner_not_the_generic_process() {
    let src = "Brazil welcomed China's peace plan.";
    let ev = events(src, Some("2023-03-01"));
    assert!(has(&ev, 0, "Brazil", "China", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.2 == "Peace process"), "{ev:#?}");
}

#[test]
fn a_name_after_a_gerund_is_its_object_not_the_subject() {
    let src = "Countries in the region balance between not upsetting Russia and their own discomfort with \
               Russian actions in Ukraine.";
    let ev = events(src, Some("2022-03-01"));
    assert!(!ev.iter().any(|e| e.1 == "Russia"), "{ev:#?}");
    // A time word ending in -ing is not a gerund: the name after it is still the subject.
    let src = "On Monday morning Russia condemned the sanctions against Belarus.";
    let ev = events(src, Some("2022-03-01"));
    assert!(ev.iter().any(|e| e.1 == "Russia"), "{ev:#?}");
}

#[test]
fn a_passive_agent_after_by_owns_the_plan_and_stands_behind_the_act() {
    // The participle's agent is not a speaker, and owns the plan.
    let ev = events(
        "Kazakhstan supports the peace plan proposed by China.",
        Some("2023-03-01"),
    );
    assert!(has(&ev, 0, "Kazakhstan", "China", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "China" || e.2 == "Peace process"), "{ev:#?}");
    let ev = events(
        "Russia welcomed the proposal put forward by Turkey.",
        Some("2023-03-01"),
    );
    assert!(has(&ev, 0, "Russia", "Turkey", 1), "{ev:#?}");
    // Criticising sanctions someone imposed opposes whoever imposed them.
    let ev = events(
        "Kazakhstan criticized the sanctions imposed by the United States.",
        Some("2023-03-01"),
    );
    assert!(has(&ev, 0, "Kazakhstan", "United States", -1), "{ev:#?}");
    assert!(!has(&ev, 0, "Kazakhstan", "United States", 1), "{ev:#?}");
}

#[test]
fn a_document_the_subject_adopted_says_what_the_subject_holds() {
    let ev = events(
        "The Polish parliament on Wednesday adopted a resolution condemning Russia's campaign against Moldova.",
        Some("2024-06-06"),
    );
    assert!(has(&ev, 0, "Poland", "Russia", -1), "{ev:#?}");
    let ev = events(
        "Japan issued a statement welcoming Finland's accession.",
        Some("2023-04-04"),
    );
    assert!(has(&ev, 0, "Japan", "Finland", 1), "{ev:#?}");
    // Not a resolution voted on, abstained from, or adopted by someone else.
    for src in [
        "Kazakhstan abstained on a resolution condemning Russia.",
        "Kazakhstan welcomed the talks, and a resolution condemning Russia was adopted by the Assembly.",
        "Kazakhstan said it had read a resolution condemning Russia.",
    ] {
        let ev = events(src, Some("2023-03-01"));
        assert!(!has(&ev, 0, "Kazakhstan", "Russia", -1), "{src}: {ev:#?}");
    }
    // The speaker did not write what another issued.
    let ev = events(
        "Kazakhstan said that Belarus had issued a statement condemning Ukraine.",
        Some("2023-03-01"),
    );
    assert!(!has(&ev, 0, "Kazakhstan", "Ukraine", -1), "{ev:#?}");
}

#[test]
fn a_speaker_of_no_known_country_speaks_for_the_country_the_quotation_opens_with() {
    let src = "Foreign Minister Tomas Hruban welcomed the vote. \
               “The Czech Republic stands with Moldova,” Hruban told reporters.";
    let ev = events(src, Some("2024-06-06"));
    assert!(has(&ev, 1, "Czechia", "Moldova", 1), "{ev:#?}");
    // Not a country the speaker calls "our" partner: the speaker is another.
    let src = "“Serbia is our reliable partner and it supports Russia,” the diplomat said.";
    let ev = events(src, Some("2024-06-06"));
    assert!(!ev.iter().any(|e| e.1 == "Serbia"), "{ev:#?}");
}

#[test]
fn delegates_act_for_the_countries_they_come_from() {
    let src = "Delegates from Ecuador, Malta and the Republic of Korea also condemned Russia's attacks.";
    let ev = events(src, Some("2024-01-10"));
    for actor in ["Ecuador", "Malta", "South Korea"] {
        assert!(has(&ev, 0, actor, "Russia", -1), "{actor}: {ev:#?}");
    }
    // Not a place something comes from: "Russia expelled diplomats from Poland".
    let ev = events("Russia expelled diplomats from Poland.", Some("2024-01-10"));
    assert!(has(&ev, 0, "Russia", "Poland", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "Poland"), "{ev:#?}");
}

#[test]
fn the_party_spoken_for_acts_and_its_titled_speaker_acts_for_it_later() {
    let src = "Speaking for the United States, Ambassador Dorothy Merrick condemned the Russian Federation \
               for its veto. Ms. Merrick also accused Iran and North Korea of supplying the drones.";
    let ev = events(src, Some("2024-01-10"));
    assert!(has(&ev, 0, "United States", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 1, "United States", "Iran", -1), "{ev:#?}");
    assert!(has(&ev, 1, "United States", "North Korea", -1), "{ev:#?}");
    let ev = events(
        "On behalf of the United Kingdom and Germany, the ambassador welcomed the ceasefire in Gaza.",
        Some("2024-01-10"),
    );
    assert!(has(&ev, 0, "United Kingdom", "Peace process", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Germany", "Peace process", 1), "{ev:#?}");
    // A title after a country joined by "and" or by a comma alone, or after a person, is
    // not that country's person.
    for first in [
        "The United States and President Aldo Merrin condemned Iran.",
        "The United States, Ambassador Aldo Merrin and Japan condemned Iran.",
        "President Joe Biden envoy Aldo Merrin condemned Iran.",
    ] {
        let src = [first, " Merrin welcomed the agreement with Russia."].concat();
        let ev = events(&src, Some("2024-01-10"));
        assert!(has(&ev, 0, "United States", "Iran", -1), "{src}: {ev:#?}");
        assert!(!ev.iter().any(|e| e.0 == 1 && e.1 == "United States"), "{src}: {ev:#?}");
    }
}

#[test]
fn a_demand_to_stop_supporting_is_made_of_the_supporter_and_congratulations_praise() {
    let ev = events(
        "The European Union urged Rwanda to end its support for the M23 rebels.",
        Some("2024-01-10"),
    );
    assert!(has(&ev, 0, "European Union", "Rwanda", -1), "{ev:#?}");
    let ev = events("Moscow congratulated Lukashenko on his victory.", Some("2020-08-10"));
    assert!(has(&ev, 0, "Russia", "Belarus", 1), "{ev:#?}");
}

#[test]
fn condemning_an_act_against_a_held_territory_is_against_its_holder() {
    let ev = events(
        "In 2014, Ankara condemned the annexation of Crimea as illegitimate.",
        Some("2014-03-20"),
    );
    assert!(has(&ev, 0, "Turkey", "Russia", -1), "{ev:#?}");
    let ev = events("Kazakhstan condemned the invasion of Ukraine.", Some("2022-03-01"));
    assert!(has(&ev, 0, "Kazakhstan", "Russia", -1), "{ev:#?}");
    // Nobody held Ukraine's territory before 2014; nobody holds Israel's.
    let ev = events("Kazakhstan condemned the invasion of Ukraine.", Some("2010-03-01"));
    assert!(ev.is_empty(), "{ev:#?}");
    let ev = events("Kazakhstan condemned the attacks on Israel.", Some("2023-10-08"));
    assert!(ev.is_empty(), "{ev:#?}");
    // Sympathy with the victims is not a tie to the holder; violence in a place is no
    // act against it.
    for src in [
        "Kazakhstan expressed solidarity with the victims of the invasion of Ukraine.",
        "Kazakhstan sent humanitarian aid after the invasion of Ukraine.",
        "Kazakhstan condemned the violence in Crimea.",
    ] {
        let ev = events(src, Some("2022-11-12"));
        assert!(!ev.iter().any(|e| e.2 == "Russia"), "{src}: {ev:#?}");
    }
}

#[test]
fn a_leading_clause_keeps_its_cues_when_the_main_clause_opens_with_its_own_subject() {
    let src = "When Sweden applied to join the alliance in May 2022, President Erdogan blocked the bid, \
               accusing Stockholm of harbouring Kurdish militants.";
    let ev = events(src, Some("2024-02-14"));
    assert!(has(&ev, 0, "Turkey", "Sweden", -1), "{ev:#?}");
    // A main clause without a named subject leaves the sentence to the leading clause's.
    let ev = events(
        "When Russia invaded Ukraine, we condemned the attack at once.",
        Some("2022-09-21"),
    );
    assert!(has(&ev, 0, "Russia", "Ukraine", -1), "{ev:#?}");
    // Money a state owns is no stance on its sovereignty.
    let ev = events("The G7 froze Russia's sovereign assets.", Some("2023-05-20"));
    assert!(!ev.iter().any(|e| e.3 > 0.0), "{ev:#?}");
}

#[test]
fn a_pronoun_opening_the_sentence_carries_its_actor_into_an_act() {
    let src = "Israel reacted within hours. It recalled its ambassadors from Oslo, Dublin and Madrid.";
    let ev = events(src, Some("2024-05-22"));
    assert!(has(&ev, 1, "Israel", "Norway", -1), "{ev:#?}");
    // Not an act whose own subject stands between ("that Russia was planning to invade").
    // Nor an act far after the pronoun, or aimed at no one named right after it.
    for second in [
        "We said that the militias threaten Israel.",
        "We imposed sanctions on officials and banks, as Russia knows.",
    ] {
        let src = ["The United States spoke first. ", second].concat();
        let ev = events(&src, Some("2023-03-01"));
        assert!(!ev.iter().any(|e| e.0 == 1 && e.1 == "United States"), "{src}: {ev:#?}");
    }
    // A demand to stop one's own acts is made of the one asked.
    let ev = events(
        "China urged the Philippines to stop its provocations.",
        Some("2024-03-25"),
    );
    assert!(has(&ev, 0, "China", "Philippines", -1), "{ev:#?}");
}

#[test]
fn a_cue_whose_object_is_two_names_joined_by_and_the_is_toward_both() {
    let ev = events(
        "The Philippines thanked Japan and the United States for their consistent support.",
        Some("2024-04-11"),
    );
    assert!(has(&ev, 0, "Philippines", "Japan", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Philippines", "United States", 1), "{ev:#?}");
    // Not a name after a comma: another clause.
    let ev = events(
        "Kazakhstan thanked Japan, and the United States abstained.",
        Some("2024-04-11"),
    );
    assert!(
        !ev.iter().any(|e| e.1 == "Kazakhstan" && e.2 == "United States"),
        "{ev:#?}"
    );
}

#[test]
fn a_name_after_its_titled_party_acts_for_it_later() {
    let src = "Москва расценивает закрытие границы как недружественный шаг, заявил в четверг заместитель \
               министра иностранных дел России Андрей Руденский. Руденский обвинил Финляндию в нарушении \
               договора. Руденскому не понравилось \
               решение Финляндии, он осудил Финляндию.";
    let ev = events(src, Some("2023-11-30"));
    assert!(has(&ev, 1, "Russia", "Finland", -1), "{ev:#?}");
    // The surname in another case.
    assert!(has(&ev, 2, "Russia", "Finland", -1), "{ev:#?}");
    let src = "Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko met the envoy. \
               Vassilenko welcomed the agreement with Uzbekistan.";
    let ev = events(src, Some("2023-11-30"));
    assert!(has(&ev, 1, "Kazakhstan", "Uzbekistan", 1), "{ev:#?}");
    // An envoy to a country does not act for it, and a demonym names no party.
    for first in [
        "Moscow summoned the Ambassador to Russia Aldo Merrin.",
        "The Assistant Secretary of Indian Affairs Aldo Merrin met the press.",
    ] {
        let src = [first, " Merrin welcomed the agreement with Russia and India."].concat();
        let ev = events(&src, Some("2023-11-30"));
        assert!(
            !ev.iter()
                .any(|e| e.0 == 1 && ["Russia", "India"].contains(&e.1.as_str())),
            "{ev:#?}"
        );
    }
}

#[test]
fn summoning_an_envoy_is_a_protest_and_summoning_anything_else_is_not() {
    let ev = events(
        "Poland summoned the Russian ambassador over the drone. МИД Казахстана вызвал посла Украины. \
         Hungary summoned the courage to speak with Russia. Решение вызвало возмущение в Молдавии.",
        Some("2024-01-10"),
    );
    assert!(has(&ev, 0, "Poland", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 2), "{ev:#?}");
}

#[test]
fn a_body_of_no_named_country_is_that_of_the_last_actor_and_a_head_the_one_named() {
    let ev = events(
        "The Ukrainian Foreign Ministry condemned the attack by Russia. The ministry also thanked Lithuania \
         for the aid. МЗС України засуджує атаку Росії. Окремо речник засудив постачання Іраном ракет.",
        Some("2024-02-12"),
    );
    assert!(has(&ev, 1, "Ukraine", "Lithuania", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Ukraine", "Iran", -1), "{ev:#?}");
    // "The President": the one president named before.
    let ev = events(
        "President Joe Biden spoke on Monday. The President thanked Lithuania for its support.",
        Some("2023-05-10"),
    );
    assert!(has(&ev, 1, "United States", "Lithuania", 1), "{ev:#?}");
    // Not with two presidents named, nor for a vice president, one addressed, or a body that is
    // not the subject.
    for src in [
        "President Joe Biden met President Volodymyr Zelensky. The President thanked Lithuania for its support.",
        "President Joe Biden spoke on Monday. The Vice President thanked Lithuania for its support.",
        "President Joe Biden spoke on Monday. And, Mr. President, your support for Lithuania matters.",
        "Poland condemned Russia. Officials asked the ministry to welcome Lithuania's plan.",
    ] {
        let ev = events(src, Some("2023-05-10"));
        assert!(!ev.iter().any(|e| e.0 == 1 && e.2 == "Lithuania"), "{src}: {ev:#?}");
    }
}

#[test]
fn a_list_right_after_the_cue_is_its_object_and_support_from_a_party_is_not_aimed_at_it() {
    let ev = events(
        "Israel recalled its ambassadors from Oslo, Dublin and Madrid. \
         Japan praised the report by Latvia, Estonia and Lithuania. \
         The United States, with support from Australia, Bahrain and Canada, struck targets in Yemen.",
        Some("2024-05-22"),
    );
    for t in ["Norway", "Ireland", "Spain"] {
        assert!(has(&ev, 0, "Israel", t, -1), "{t}: {ev:#?}");
    }
    // A list further on names more than the cue is aimed at.
    assert!(has(&ev, 1, "Japan", "Latvia", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 1 && e.2 != "Latvia"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.3 > 0.0), "{ev:#?}");
}

#[test]
fn a_positive_cue_governed_by_a_negative_one_is_what_it_is_against() {
    let ev = events(
        "China criticised the joint statement of Japan and the Philippines. \
         China and Russia held joint naval exercises in the Sea of Japan. \
         Japan expressed concern over the military cooperation of Russia and North Korea.",
        Some("2024-05-22"),
    );
    assert!(has(&ev, 0, "China", "Japan", -1), "{ev:#?}");
    assert!(!has(&ev, 0, "China", "Japan", 1), "{ev:#?}");
    // A tie between the two who hold the exercises, not toward the sea they hold them in.
    assert!(has(&ev, 1, "China", "Russia", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 1 && e.2 == "Japan"), "{ev:#?}");
    assert!(has(&ev, 2, "Japan", "Russia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.3 > 0.0), "{ev:#?}");
}

#[test]
fn ukrainian_lists_and_russian_neutrality() {
    let ev = events(
        "МЗС України подякувало Литві й Японії за підтримку. \
         Казахстан не является стороной конфликта между Россией и Украиной. \
         Казахстан продолжит взаимодействие с Афганистаном.",
        Some("2024-02-12"),
    );
    assert!(has(&ev, 2, "Kazakhstan", "Afghanistan", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Ukraine", "Lithuania", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Ukraine", "Japan", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Russia", 0), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", 0), "{ev:#?}");
}

#[test]
fn urging_one_country_is_pressure_on_it_and_urging_several_or_others_is_not() {
    let ev = events(
        "Mexico's representative called on Washington to lift the blockade. \
         Indonesia calls on the Government of Bangladesh to ensure the safety of Hindus. \
         Chile called on the Venezuelan authorities to publish the records. \
         Россия призвала Китай отказаться от поставок. \
         Україна закликає Угорщину не блокувати допомогу. \
         Japan urged Moscow and Kyiv to talk. \
         The President urged Congress to pass the bill. \
         Казахстан призвал Японию поддержать Украину. \
         Brazil did not urge Argentina to act.",
        Some("2024-01-10"),
    );
    assert!(has(&ev, 0, "Mexico", "United States", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Indonesia", "Bangladesh", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Chile", "Venezuela", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Russia", "China", -1), "{ev:#?}");
    assert!(has(&ev, 4, "Ukraine", "Hungary", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 5 || e.0 == 6 || e.0 == 8), "{ev:#?}");
    // The appeal does not govern what it asks for: Japan is pressed, Ukraine supported.
    assert!(has(&ev, 7, "Kazakhstan", "Japan", -1), "{ev:#?}");
    assert!(has(&ev, 7, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
}

#[test]
fn a_continuation_naming_another_country_does_not_take_the_last_target() {
    let ev = events(
        "Japan condemned North Korea for the launch. \
         It also condemned the repression of the people of Myanmar by the military.",
        Some("2024-06-14"),
    );
    assert!(has(&ev, 0, "Japan", "North Korea", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 1), "{ev:#?}");
    // With no other country named, the last sentence's target is this one's.
    let ev = events(
        "Japan condemned North Korea for the launch. We condemn this reckless act.",
        Some("2024-06-14"),
    );
    assert!(has(&ev, 1, "Japan", "North Korea", -1), "{ev:#?}");
}

#[test]
fn ties_broken_suspended_or_restored_in_any_wording() {
    let ev = events(
        "Nicaragua announced that it was severing its own diplomatic ties with Ecuador. \
         Algiers suspended its 2002 treaty of friendship with Spain. \
         Algiers withdrew its ambassador from Paris the same week. \
         Cairo expelled the Turkish ambassador. \
         Rabat agreed to resume diplomatic relations with Israel. \
         The court suspended the sentence of a Russian citizen. \
         He withdrew from the race against the Russian candidate.",
        Some("2024-04-06"),
    );
    assert!(has(&ev, 0, "Nicaragua", "Ecuador", -1), "{ev:#?}");
    // The treaty's friendship is what the suspension is against.
    assert!(has(&ev, 1, "Algeria", "Spain", -1), "{ev:#?}");
    assert!(!has(&ev, 1, "Algeria", "Spain", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Algeria", "France", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Egypt", "Turkey", -1), "{ev:#?}");
    assert!(has(&ev, 4, "Morocco", "Israel", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 5), "{ev:#?}");
}

#[test]
fn thanks_esteem_and_standing_by_in_the_present_tense() {
    let ev = events(
        "Indonesia also thanks the Government of Singapore for its close coordination. \
         Москва высоко ценит позицию Пекина. \
         Україна цінує відносини з Польщею. \
         Sweden's prime minister said Stockholm stood by Denmark. \
         NATO has never been more unified, thanks in part to Russia. \
         Kyiv is free thanks to Poland. \
         We will not stand by Russia, Japan said.",
        Some("2024-04-06"),
    );
    assert!(has(&ev, 0, "Indonesia", "Singapore", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Russia", "China", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Poland", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Sweden", "Denmark", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 4 && e.3 > 0.0), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 6), "{ev:#?}");
}

#[test]
fn an_indirect_question_takes_no_position() {
    let ev = events(
        "Asked whether Washington would support Ecuador, the spokesperson declined to comment. \
         Отвечая на вопрос, рассматривает ли Москва восстановление отношений с Тбилиси, дипломат промолчал. \
         Речник не відповів, чи підтримає Київ Молдову. \
         Україна чи Польща засудила Росію.",
        Some("2024-04-06"),
    );
    assert!(!ev.iter().any(|e| e.0 <= 2), "{ev:#?}");
    // Elsewhere "чи" is "or".
    assert!(ev.iter().any(|e| e.0 == 3 && e.2 == "Russia"), "{ev:#?}");
}

#[test]
fn a_relative_clause_acts_for_the_country_it_follows() {
    let ev = events(
        "Ukraine thanked South Korea, which summoned the Russian ambassador. \
         Україна високо цінує позицію Республіки Корея, яка викликала посла Російської Федерації. \
         Japan praised Iran, who condemns Russia. \
         Japan condemned the invasion of Ukraine, which is an affront to Georgia.",
        Some("2024-11-05"),
    );
    assert!(has(&ev, 0, "Ukraine", "South Korea", 1), "{ev:#?}");
    assert!(has(&ev, 0, "South Korea", "Russia", -1), "{ev:#?}");
    assert!(!has(&ev, 0, "Ukraine", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 1, "South Korea", "Russia", -1), "{ev:#?}");
    assert!(!has(&ev, 1, "Ukraine", "Russia", -1), "{ev:#?}");
    // "who" is a person, not the country before it; "of Ukraine, which": the invasion.
    assert!(
        !ev.iter()
            .any(|e| e.0 == 2 && e.1 == "Iran" || e.0 == 3 && e.1 == "Ukraine"),
        "{ev:#?}"
    );
}

#[test]
fn a_later_clause_with_its_own_subject_acts_for_it_and_ukrainian_we_continues() {
    let ev = events(
        "Poland condemned the attack, while Hungary praised Russia.",
        Some("2024-11-05"),
    );
    assert!(has(&ev, 0, "Hungary", "Russia", 1), "{ev:#?}");
    assert!(!has(&ev, 0, "Poland", "Russia", 1), "{ev:#?}");
    let ev = events(
        "МЗС України засуджує участь КНДР у війні. Ми вітаємо рішучі заяви Японії.",
        Some("2024-11-05"),
    );
    assert!(has(&ev, 1, "Ukraine", "Japan", 1), "{ev:#?}");
}

#[test]
fn leaders_named_by_their_offices_of_long_state_names_are_one_group() {
    let ev = events(
        "The President of the Arab Republic of Egypt, the Prime Minister of the Hellenic Republic and the \
         President of the Republic of Cyprus met in Athens today. The three leaders condemned Turkey. \
         The leaders took note of the resumption of contacts between Greece and Turkey.",
        Some("2021-10-19"),
    );
    for country in ["Egypt", "Greece", "Cyprus"] {
        assert!(has(&ev, 1, country, "Turkey", -1), "{country}: {ev:#?}");
    }
    // A resumption between others is theirs, not the leaders' position.
    assert!(!ev.iter().any(|e| e.0 == 2), "{ev:#?}");
}

#[test]
fn a_speaker_for_a_country_speaks_for_it_and_an_envoy_for_one_does_not() {
    let ev = events(
        "The speaker for the Russian Federation accused Washington of hypocrisy. \
         The special representative for Afghanistan welcomed Pakistan.",
        Some("2023-11-02"),
    );
    assert!(has(&ev, 0, "Russia", "United States", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 1 && e.1 == "Afghanistan"), "{ev:#?}");
}

#[test]
fn blocking_aid_is_no_support_for_whom_the_aid_was_for() {
    let ev = events(
        "Українська дипломатія висловила розчарування позицією Угорщини, яка продовжує блокувати \
         виділення коштів з Європейського фонду миру на військову допомогу Україні.",
        Some("2024-02-12"),
    );
    assert!(!ev.iter().any(|e| e.3 > 0.0), "{ev:#?}");
    assert!(has(&ev, 0, "Ukraine", "Hungary", -1), "{ev:#?}");
}

#[test]
fn an_act_of_a_listed_subject_is_each_of_theirs() {
    let ev = events(
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt on Monday severed diplomatic ties with Qatar. \
         Beijing denounced the pact between Washington, London and Canberra as a threat.",
        Some("2017-06-05"),
    );
    for actor in ["Saudi Arabia", "United Arab Emirates", "Bahrain", "Egypt"] {
        assert!(has(&ev, 0, actor, "Qatar", -1), "{actor}: {ev:#?}");
    }
    for target in ["United States", "United Kingdom", "Australia"] {
        assert!(has(&ev, 1, "China", target, -1), "{target}: {ev:#?}");
    }
}

#[test]
fn a_suspended_tie_or_aid_is_no_support_and_it_after_the_speech_verb_acts() {
    let ev = events(
        "Spain suspended its 2002 treaty of friendship and cooperation with Algeria. \
         Germany's development ministry said it had suspended budget support to Niger. \
         Mauritania announced it was cutting ties with Qatar altogether. \
         Pakistan rejected the claims. On Wednesday, it expelled the Indian high commissioner in Islamabad. \
         China firmly opposes it and has lodged stern representations with the United States.",
        Some("2017-06-05"),
    );
    assert!(has(&ev, 0, "Spain", "Algeria", -1), "{ev:#?}");
    assert!(!has(&ev, 0, "Spain", "Algeria", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Germany", "Niger", -1), "{ev:#?}");
    assert!(!has(&ev, 1, "Germany", "Niger", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Mauritania", "Qatar", -1), "{ev:#?}");
    assert!(has(&ev, 4, "Pakistan", "India", -1), "{ev:#?}");
    assert!(has(&ev, 5, "China", "United States", -1), "{ev:#?}");
}

#[test]
fn a_speaker_in_apposition_with_an_office_of_a_country_speaks_for_it() {
    let ev = events(
        "Jorge Araujo, Minister for Foreign Affairs of Venezuela, said that the United States was directing a coup. \
         He thanked Russia for defending the Charter. \
         Delegates from Ecuador and Malta also condemned Russia's attacks, while the representative of Guyana said small States had a stake.",
        Some("2019-01-26"),
    );
    assert!(has(&ev, 1, "Venezuela", "Russia", 1), "{ev:#?}");
    assert!(!has(&ev, 1, "United States", "Russia", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Ecuador", "Russia", -1), "{ev:#?}");
}

#[test]
fn several_parties_urged_to_stop_are_each_pressed_but_not_to_stop_fighting() {
    let ev = events(
        "The United States condemned the regime. He urged Russia and China to stop propping up a failed regime. \
         France urged Russia and Ukraine to stop the fighting. Germany urged Moscow and Kyiv to talk.",
        Some("2018-04-14"),
    );
    assert!(has(&ev, 1, "United States", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 1, "United States", "China", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 2 && e.3 < 0.0), "{ev:#?}");
    let ev = events(
        "МИД России осудил удары. Мы призываем Вашингтон, Лондон и Париж прекратить безответственные действия.",
        Some("2018-04-14"),
    );
    for target in ["United States", "United Kingdom", "France"] {
        assert!(has(&ev, 1, "Russia", target, -1), "{target}: {ev:#?}");
    }
}

#[test]
fn we_thank_a_list_closed_by_others_thanks_each_and_thank_you_thanks_nobody() {
    let ev = events(
        "China condemned the letter. Lin Haoyu: We thank Pakistan, Russia and the other signatories for their fair position. \
         China thank you, Germany. China: Thank goodness we had the United States at the summit.",
        Some("2019-07-15"),
    );
    assert!(has(&ev, 1, "China", "Pakistan", 1), "{ev:#?}");
    assert!(has(&ev, 1, "China", "Russia", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 2), "{ev:#?}");
}

#[test]
fn russian_and_ukrainian_verbs_of_we_continue_the_actor_and_a_name_after_a_preposition_is_not_the_speaker() {
    let ev = events(
        "МИД России осуждает удары. Посол России в США заявил, что действия не останутся без последствий. \
         Высоко оцениваем сдержанную и ответственную позицию Китая.",
        Some("2018-04-14"),
    );
    assert!(has(&ev, 2, "Russia", "China", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "United States"), "{ev:#?}");
    let ev = events(
        "МЗС України заявляє протест. Вимагаємо від російської сторони негайно звільнити моряків. \
         Закликаємо міжнародних партнерів посилити санкційний тиск на Російську Федерацію.",
        Some("2018-11-26"),
    );
    assert!(has(&ev, 1, "Ukraine", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Russia", -1), "{ev:#?}");
    assert!(!has(&ev, 2, "Ukraine", "Russia", 1), "{ev:#?}");
}

#[test]
fn a_passive_names_its_actor_after_by_and_its_target_as_subject() {
    let ev = events(
        "Pakistan was also criticised by Iran. Russia has been sanctioned by the European Union. \
         Pakistan was sharply criticised at the meeting. The United States is alarmed by the Burmese security forces’ violence against peaceful protestors.",
        Some("2019-02-27"),
    );
    assert!(has(&ev, 0, "Iran", "Pakistan", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "Pakistan"), "{ev:#?}");
    assert!(has(&ev, 1, "European Union", "Russia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2), "{ev:#?}");
    assert!(has(&ev, 3, "United States", "Myanmar", -1), "{ev:#?}");
}

#[test]
fn a_clause_after_comma_and_has_its_own_subject_but_a_list_does_not() {
    let ev = events(
        "France praised Germany, and Mali condemned Russia. \
         Paris condemned the coup, and Mali expelled the French ambassador. \
         The United States, Japan, and the Republic of Korea condemn the launches of North Korea.",
        Some("2022-01-31"),
    );
    assert!(has(&ev, 0, "France", "Germany", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Mali", "Russia", -1), "{ev:#?}");
    assert!(
        !has(&ev, 0, "France", "Mali", 1) && !has(&ev, 0, "France", "Russia", -1),
        "{ev:#?}"
    );
    assert!(has(&ev, 1, "Mali", "France", -1), "{ev:#?}");
    for actor in ["United States", "Japan", "South Korea"] {
        assert!(has(&ev, 2, actor, "North Korea", -1), "{actor}: {ev:#?}");
    }
    // The last of a list after ", and" is not a clause's subject of its own.
    let ev = events(
        "Japan condemned the launch, and the United States, South Korea, and Australia condemned North Korea.",
        Some("2022-01-31"),
    );
    assert!(!has(&ev, 0, "Australia", "North Korea", -1), "{ev:#?}");
}

#[test]
fn a_speech_verb_in_a_later_clause_speaks_for_that_clause_only() {
    let ev = events(
        "Україна подякувала Польщі за виважену позицію: Варшава заявила, що вважає закон внутрішньою справою України.",
        Some("2017-09-26"),
    );
    assert!(has(&ev, 0, "Ukraine", "Poland", 1), "{ev:#?}");
    let ev = events(
        "Jordan said it was downgrading its diplomatic representation in Doha, while Mauritania announced it was cutting ties with Qatar altogether. \
         Governments across Latin America condemned Ecuador, while Mexico said it was breaking off diplomatic relations with Quito.",
        Some("2017-06-06"),
    );
    assert!(has(&ev, 0, "Jordan", "Qatar", -1), "{ev:#?}");
    assert!(has(&ev, 0, "Mauritania", "Qatar", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Mexico", "Ecuador", -1), "{ev:#?}");
}

#[test]
fn the_only_one_answering_a_briefing_speaks_for_its_country_and_a_label_that_only_asks_is_a_reporter() {
    let briefing = "Foreign Ministry Spokesperson Lin Haoyu's Regular Press Conference\n\n\
         Beijing, 2019-07-15\n\n\
         Pacific Wire: The Ministry of Commerce said China would impose sanctions on American companies. What is your response?\n\n\
         Lin Haoyu: China firmly opposes the arms sale. China has lodged stern representations with the United States.\n\n\
         Eurasia Broadcast: Some countries sent letters on Xinjiang. What is your comment?\n\n\
         Lin Haoyu: We thank Pakistan and Russia for their fair position. China will never accept interference.";
    let ev = events(briefing, Some("2019-07-15"));
    assert!(
        ev.iter().any(|e| e.1 == "China" && e.2 == "Pakistan" && e.3 > 0.0),
        "{ev:#?}"
    );
    // The reporter's question names a sanction: no position.
    assert!(!ev.iter().any(|e| e.4.contains("impose")), "{ev:#?}");
    // The first country named as actor is the one rebutted, not the one answering: China is
    // named most, so the "we" is nobody's rather than the Philippines'.
    let rebuttal = concat!(
        "Foreign Ministry Spokesperson Wei Lanqing's Regular Press Conference\n\n",
        "Q: Manila said China acted like a bully. What is your response?\n\n",
        "Wei Lanqing: The Philippine side's remarks are inconsistent with the facts. The Philippine vessels ",
        "intruded into the waters without permission from the Chinese government. China will firmly defend ",
        "its sovereignty.\n\n",
        "Q: Does China regard this as interference?\n\n",
        "Wei Lanqing: The United States has no right to interfere. We firmly oppose the US using its military ",
        "treaty with the Philippines to threaten China's sovereignty.",
    );
    let ev = events(rebuttal, Some("2024-03-12"));
    assert!(!ev.iter().any(|e| e.1 == "Philippines"), "{ev:#?}");
}

/// Expelling is a sanction when the ones expelled are a mission's people, however many words
/// on ("трёх российских дипломатов", "embassy staff"), not when they are anyone else.
#[test]
fn expelling_a_missions_staff_is_a_sanction_and_expelling_others_is_not() {
    let ev = events(
        "France expelled eighteen Russian embassy staff. France expelled eighteen Russian students. \
         В марте Таллин выслал трёх российских дипломатов. Литва выслала российского посла. \
         Литва выслала российских журналистов.",
        Some("2022-04-01"),
    );
    assert!(has(&ev, 0, "France", "Russia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 1), "{ev:#?}");
    assert!(has(&ev, 2, "Estonia", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Lithuania", "Russia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 4), "{ev:#?}");
}

/// "Both sides", "The Ministers" with no governments named together as one subject: the two
/// countries the document names first and most (a joint communiqué names them apart), also
/// after a leading phrase; where a third country is named as often, nobody.
#[test]
fn the_sides_of_a_communique_are_the_two_countries_it_names_first_and_most() {
    let ev = events(
        "Joint communiqué on the visit of the Minister of Foreign Affairs of Uzbekistan to Kazakhstan. \
         The talks between Kazakhstan and Uzbekistan were friendly. \
         Both sides thanked Kyrgyzstan for organising the meeting. \
         Following the talks, the two sides condemned Iran's strikes.",
        Some("2023-03-14"),
    );
    assert!(has(&ev, 2, "Uzbekistan", "Kyrgyzstan", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Kazakhstan", "Kyrgyzstan", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Uzbekistan", "Iran", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Kazakhstan", "Iran", -1), "{ev:#?}");
    let ev = events(
        "Joint communiqué on the visit of the Minister of Foreign Affairs of Uzbekistan to Kazakhstan. \
         The meeting in Kyrgyzstan was held with Tajikistan and Turkmenistan. \
         Both sides thanked Kyrgyzstan for organising the meeting.",
        Some("2023-03-14"),
    );
    assert!(!ev.iter().any(|e| e.0 == 2), "{ev:#?}");
}

/// Relief for a people takes no side toward its government; relief for a state does.
#[test]
fn humanitarian_aid_to_a_people_is_no_position_toward_its_state() {
    let ev = events(
        "Kazakhstan sent humanitarian aid to the people of Afghanistan. \
         Kazakhstan sent humanitarian aid to Ukraine. \
         Казахстан відправив гуманітарну допомогу для українського народу. \
         Kazakhstan sent humanitarian aid to the Afghan people. \
         Россия направила гуманитарную помощь народу Афганистана.",
        Some("2022-05-01"),
    );
    assert!(!ev.iter().any(|e| e.0 != 1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Ukraine", 1), "{ev:#?}");
}

/// In a meeting summary the speaker is the office's country: named in apposition ("of
/// Ethiopia, Ms. Tigist Worku, said"), not the last of a list after a preposition ("solidarity
/// with Egypt and Sudan and urged"), nor a name in a compound ("the African Union-led process
/// and expressed").
#[test]
fn a_delegates_country_speaks_not_the_names_in_what_they_say() {
    let ev = events(
        "The Minister for Foreign Affairs of Ethiopia, Ms. Tigist Alemu Worku, said the dam was a project. \
         She rejected the attempts of Egypt to internationalise a technical matter. \
         Speaking for the Arab Group, the representative of Tunisia expressed full solidarity with Egypt and Sudan and urged Ethiopia to refrain from unilateral measures. \
         The representative of Kenya, speaking in her national capacity, commended Ethiopia's commitment to the African Union-led process and expressed confidence. \
         A Russia-backed militia said it condemned Ukraine.",
        Some("2021-07-08"),
    );
    assert!(!ev.iter().any(|e| e.0 == 4 && e.1 == "Russia"), "{ev:#?}");
    assert!(has(&ev, 1, "Ethiopia", "Egypt", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Tunisia", "Egypt", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Tunisia", "Ethiopia", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Kenya", "Ethiopia", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "Sudan" || e.1 == "African Union"), "{ev:#?}");
}

/// A veto lifted is consent; a suit filed, a ban on another's imports and a lowered level of
/// relations are acts against the other; where a wire story was filed is nobody's act.
#[test]
fn lifted_vetoes_suits_import_bans_and_datelines() {
    let ev = events(
        "VILNIUS, July 11, 2023 (Meridian News Agency) - Turkey has agreed to lift its veto of Sweden's bid to join NATO.\n\n\
         La Paz filed suit against Santiago at the ICJ.\n\n\
         18 вересня Україна подала позови проти Польщі.\n\n\
         Польща запровадила заборони на імпорт українського зерна.\n\n\
         Москва понизила уровень дипломатических отношений с Эстонией.",
        Some("2023-07-11"),
    );
    assert!(has(&ev, 0, "Turkey", "Sweden", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "Lithuania"), "{ev:#?}");
    assert!(has(&ev, 1, "Bolivia", "Chile", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Poland", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Poland", "Ukraine", -1), "{ev:#?}");
    assert!(has(&ev, 4, "Russia", "Estonia", -1), "{ev:#?}");
}

/// "Our diplomats", "us" as the object of another's act are the document's own country: in an
/// interview, the one answering's; not who is concerned ("a matter of concern to us").
#[test]
fn our_diplomats_and_us_are_the_answering_countrys() {
    let ev = events(
        "Czech Foreign Minister Tomáš Vavroušek spoke to CEW.\n\n\
         CEW: Moscow responded?\n\n\
         Vavroušek: Yes, Moscow expelled twenty of our diplomats.\n\n\
         CEW: And Hungary?\n\n\
         Vavroušek: The United States stood with us. Hungary's silence is a matter of concern to us.\n\n\
         CEW: Thank you?",
        Some("2021-05-18"),
    );
    assert!(
        ev.iter().any(|e| e.1 == "Russia" && e.2 == "Czechia" && e.3 < -0.1),
        "{ev:#?}"
    );
    assert!(
        ev.iter()
            .any(|e| e.1 == "United States" && e.2 == "Czechia" && e.3 > 0.1),
        "{ev:#?}"
    );
    assert!(!ev.iter().any(|e| e.1 == "Hungary" && e.2 == "Czechia"), "{ev:#?}");
}

/// "The X side" is the government an appeal addresses, as "the X authorities" is.
#[test]
fn an_appeal_to_the_other_side_addresses_its_government() {
    let ev = events(
        "China urged the Philippine side to honour its commitments. \
         Kazakhstan called on the Afghan side to hold consultations. \
         Россия призвала украинскую сторону прекратить обстрелы.",
        Some("2023-03-14"),
    );
    assert!(has(&ev, 0, "China", "Philippines", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Afghanistan", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Ukraine", -1), "{ev:#?}");
}

/// An appeal to "all three countries" is even-handed toward the three just mentioned; "our
/// three countries" are the actor's own.
#[test]
fn an_appeal_to_all_three_countries_is_toward_the_three_just_named() {
    let ev = events(
        "The representative of the United States called on Egypt, Ethiopia and Sudan to resume negotiations. \
         The representative of the Russian Federation called on all three countries to show restraint and refrain from statements that could inflame tensions. \
         Japan, South Korea and the United States met. Japan said that our three countries will show restraint and refrain from statements.",
        Some("2021-07-08"),
    );
    for party in ["Egypt", "Ethiopia", "Sudan"] {
        assert!(has(&ev, 1, "Russia", party, 0), "{party}: {ev:#?}");
    }
    assert!(!ev.iter().any(|e| e.0 == 3 && e.3.abs() <= 0.1), "{ev:#?}");
}

/// "Cuba's Minister for Foreign Affairs, Ramiro Ledesma Vidal, said …": the office's country
/// speaks (not a name after the verb), and "he" in the next sentence continues it.
#[test]
fn a_countrys_office_with_its_holder_in_apposition_speaks() {
    let ev = events(
        "Cuba's Minister for Foreign Affairs, Ramiro Ledesma Vidal, said the United States embargo was an act of war. \
         He accused Washington of tightening the measures. \
         Mexico's foreign minister, Alicia Barragán Ruiz, condemned Ecuador for the raid.",
        Some("2023-11-02"),
    );
    assert!(has(&ev, 1, "Cuba", "United States", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Mexico", "Ecuador", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.1 == "United States"), "{ev:#?}");
}

/// "Bishkek and Dushanbe accused each other": each of the two acts toward the other, for any
/// act, not only a tie; without "each other" two names as one subject act together.
#[test]
fn governments_acting_toward_each_other() {
    let ev = events(
        "В конце апреля 2021 года Бишкек и Душанбе обвиняли друг друга в нарушении границы. \
         In 2018 Canada and Saudi Arabia expelled each other's ambassadors. \
         Mali and Niger accused France of interference. \
         Kazakhstan and Uzbekistan signed a treaty on the border. \
         The Sides will support each other in international organisations.",
        Some("2023-01-10"),
    );
    // "The Sides": the governments named together before, toward one another.
    assert!(has(&ev, 4, "Kazakhstan", "Uzbekistan", 1), "{ev:#?}");
    assert!(has(&ev, 4, "Uzbekistan", "Kazakhstan", 1), "{ev:#?}");
    assert!(has(&ev, 0, "Kyrgyzstan", "Tajikistan", -1), "{ev:#?}");
    assert!(has(&ev, 0, "Tajikistan", "Kyrgyzstan", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Canada", "Saudi Arabia", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Saudi Arabia", "Canada", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Niger", "France", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.2 != "France"), "{ev:#?}");
}

/// "China condemned the move": an act named only by "the move", "the demand", "такие действия"
/// is the act of whoever acted in the sentence before; not where the act's author is named
/// ("the steps announced by", "the Council's decision"), nor where the actor itself acted before.
#[test]
fn an_act_named_by_the_move_is_that_of_the_one_who_acted_before() {
    let ev = events(
        "Lithuania allowed Taiwan to open an office in Vilnius. \
         The Chinese government strongly condemns the move. \
         Poland demanded reparations from Germany. \
         Berlin rejected the demand within hours. \
         Литва запретила транзит грузов в Калининград. \
         Москва осудила такие враждебные действия. \
         Iran launched drones at Israel. \
         Saudi Arabia welcomed the steps announced by the President. \
         Japan imposed export controls. \
         Japan welcomed the decision.",
        Some("2022-06-20"),
    );
    assert!(has(&ev, 1, "China", "Lithuania", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Germany", "Poland", -1), "{ev:#?}");
    assert!(has(&ev, 5, "Russia", "Lithuania", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 7 && e.2 == "Iran"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 9), "{ev:#?}");
}

/// The Commission and the European Council speak for the European Union.
#[test]
fn the_unions_institutions_speak_for_it() {
    let ev = events(
        "The European Commission condemned Belarus for the forced landing. \
         Европейский совет решительно осудил Белоруссию.",
        Some("2021-05-25"),
    );
    assert!(has(&ev, 0, "European Union", "Belarus", -1), "{ev:#?}");
    assert!(has(&ev, 1, "European Union", "Belarus", -1), "{ev:#?}");
}

/// Recognition withdrawn is recognition denied ("withdrew its recognition", "отзывает
/// признание"); recognition sought ("добивалось признания") is no position; a government's own
/// security council is not the UN's.
#[test]
fn recognition_withdrawn_or_sought_and_national_security_councils() {
    let ev = events(
        "In 2019 Ghana withdrew its recognition of Kosovo. \
         В октябре 2017 года правительство Суринама уведомило Белград, что отзывает признание Косово. \
         Косово добивалось признания Сербии. \
         Officials from the National Security Council welcomed Japan's decision. \
         Algeria's High Security Council supported Morocco.",
        Some("2023-02-17"),
    );
    assert!(has(&ev, 0, "Ghana", "Kosovo", -1), "{ev:#?}");
    assert!(has(&ev, 1, "Suriname", "Kosovo", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2), "{ev:#?}");
    assert!(
        !ev.iter()
            .any(|e| e.1 == "UN Security Council" || e.2 == "UN Security Council"),
        "{ev:#?}"
    );
}

/// "expressed his regret and urged Algeria and Morocco to exercise restraint": even-handed
/// toward both; not where the criticism names its own object first ("deplored the Ecuadorean
/// police's raid and called on both sides …"), nor for an appeal to one party.
#[test]
fn an_appeal_to_both_parties_outweighs_a_mild_word_before_it() {
    let ev = events(
        "Algeria cut ties with Morocco on Tuesday. \
         The Arab League's secretary-general expressed his regret and urged Algeria and Morocco to exercise restraint. \
         Ecuador's police stormed the embassy of Mexico. \
         In Brussels, a spokesperson said the European Union deplored the Ecuadorean police's raid and called on both sides to resolve the dispute through dialogue. \
         Canada expressed concern and urged Russia to exercise restraint in the conflict.",
        Some("2021-08-25"),
    );
    assert!(has(&ev, 1, "Arab League", "Algeria", 0), "{ev:#?}");
    assert!(has(&ev, 1, "Arab League", "Morocco", 0), "{ev:#?}");
    assert!(has(&ev, 3, "European Union", "Ecuador", -1), "{ev:#?}");
    assert!(!has(&ev, 4, "Canada", "Russia", 0), "{ev:#?}");
}

/// "Algeria has decided to sever diplomatic relations with Morocco": an act whose government is
/// named a few words before it, with only auxiliaries and verbs of decision between, is its own.
#[test]
fn a_government_that_has_decided_to_act_acts() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Algeria has decided to sever diplomatic relations with Morocco. \
         Algeria has now agreed to expel Morocco's ambassador.",
        Some("2021-08-24"),
    );
    assert!(has(&ev, 1, "Algeria", "Morocco", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Algeria", "Morocco", -1), "{ev:#?}");
}

/// Suspensions and cancellations in Russian and Ukrainian: "приостанавливает безвизовый режим",
/// "приостановил разрешение на полеты", "отменил запланированный визит", "скасував візит",
/// "запрет на ввоз"; not an airline's suspended flights.
#[test]
fn suspended_visa_regimes_cancelled_visits_and_import_bans() {
    let ev = events(
        "Это длинное первое предложение статьи, в котором больше двенадцати слов, чтобы оно стало телом текста. \
         С 1 января Москва приостанавливает безвизовый режим с Анкарой. \
         Министр иностранных дел России отменил запланированный визит в Анкару. \
         Президент Румунії скасував запланований візит до Києва. \
         Россия ввела запрет на ввоз турецких товаров. \
         Qatar's national carrier said it had suspended all flights to Saudi Arabia.",
        Some("2015-11-30"),
    );
    assert!(has(&ev, 1, "Russia", "Turkey", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Turkey", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Romania", "Ukraine", -1), "{ev:#?}");
    assert!(has(&ev, 4, "Russia", "Turkey", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 6), "{ev:#?}");
}

/// What a government denies ("denied that", "опроверг сообщения о том, что") did not happen;
/// Ukrainian and Russian forms of expulsion and recall ("у відповідь вирішила вислати"); "Брюссель" is the Union, "косовскую"
/// Kosovo's, "Североатлантический альянс" NATO.
#[test]
fn denials_and_russian_and_ukrainian_names_of_acts() {
    let ev = events(
        "МИД Таджикистана опроверг сообщения о том, что Душанбе отозвал своего посла из Бишкека. \
         Baku denied that it had expelled Iran's ambassador. \
         В ответ Белград отозвал своего посла из Вашингтона. \
         Угорщина у відповідь вирішила вислати одного з консулів Посольства України. \
         Брюссель потребовал от Минска освободить задержанного. \
         Москва не признает косовскую независимость. \
         Североатлантический альянс выразил солидарность с Турцией.",
        Some("2018-10-04"),
    );
    assert!(!ev.iter().any(|e| e.0 <= 1), "{ev:#?}");
    assert!(has(&ev, 2, "Serbia", "United States", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Hungary", "Ukraine", -1), "{ev:#?}");
    assert!(has(&ev, 4, "European Union", "Belarus", -1), "{ev:#?}");
    assert!(has(&ev, 5, "Russia", "Kosovo", -1), "{ev:#?}");
    assert!(has(&ev, 6, "NATO", "Turkey", 1), "{ev:#?}");
}

/// "declared the Russian ambassador persona non grata": the envoy's country, named before the
/// cue, is the target (and the act is the declaring government's).
#[test]
fn an_envoy_declared_persona_non_grata_names_the_target_before_the_cue() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Estonia declared the Russian ambassador persona non grata. \
         Сьогодні МЗС України оголосило консула Угорщини в м. Берегове персоною нон ґрата.",
        Some("2018-10-04"),
    );
    assert!(has(&ev, 1, "Estonia", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Hungary", -1), "{ev:#?}");
}

/// "В Москве осудили …", "У Києві привітали …": a place of government that opens a sentence
/// before an impersonal plural verb is the government acting; not where someone else is named
/// between ("В Москве представители Украины и России подписали …"), nor a venue ("В Женеве
/// дипломаты осудили …").
#[test]
fn a_place_of_government_before_an_impersonal_verb_acts() {
    let ev = events(
        "Это длинное первое предложение статьи, в котором гораздо больше двенадцати слов для проверки. \
         В Москве осудили решение Кишинёва о высылке дипломатов. \
         Также в Кремле приветствовали решение Армении. \
         У Києві привітали це рішення Молдови і назвали його проявом добросусідства. \
         В Москве представители Украины осудили решение Армении. \
         В Женеве дипломаты осудили решение Кишинёва.",
        Some("2023-07-27"),
    );
    assert!(has(&ev, 1, "Russia", "Moldova", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Armenia", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Ukraine", "Moldova", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 >= 4 && e.1 == "Russia"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 6), "{ev:#?}");
}

/// Neuter past forms ("МЗС закликало", "Министерство призвало") are cues as the masculine and
/// feminine ones are.
#[test]
fn neuter_past_forms_are_cues() {
    let ev = events(
        "Це довге перше речення статті, у якому значно більше дванадцяти слів для перевірки правил. \
         МЗС України закликало Польщу розблокувати кордон. \
         Министерство иностранных дел России призвало Молдавию отказаться от высылки.",
        Some("2023-11-28"),
    );
    assert!(has(&ev, 1, "Ukraine", "Poland", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Moldova", -1), "{ev:#?}");
}

/// "The Sejm of the Republic of Poland condemned …", "The Storting of Norway …": a legislature
/// of a country speaks for it, as its parliament or government does.
#[test]
fn a_legislature_of_a_country_speaks_for_it() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         The Sejm of the Republic of Poland condemned Russia for its support of the regime. \
         The Storting of Norway condemned Russia for the attack. \
         The National Assembly of Armenia thanked France for its support.",
        Some("2021-11-17"),
    );
    assert!(has(&ev, 1, "Poland", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Norway", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Armenia", "France", 1), "{ev:#?}");
}

/// A resolution's numbered paragraphs open with their verb ("1. Condemns …"): the body named
/// alone before them ("The Sejm of the Republic of Poland:") acts in each, not the first name
/// in the paragraph. "Thanks for …" is no such verb.
#[test]
fn a_resolution_s_paragraphs_are_the_body_s_that_opens_them() {
    let ev = events(
        "RESOLUTION of the Sejm\n\n\
         Mindful of the history of the region, the Sejm of the Republic of Poland adopts the following resolution.\n\n\
         The Sejm of the Republic of Poland:\n\n\
         1. Condemns in the strongest terms the Belarusian regime for organising the transport of migrants.\n\n\
         2. Expresses its gratitude to the soldiers and officers who guard the border.\n\n\
         3. Thanks the Republic of Lithuania and the Republic of Latvia for their solidarity.\n\n\
         4. Regrets that the German Chancellor held telephone conversations with the regime in Minsk.\n",
        Some("2021-11-17"),
    );
    assert!(
        ev.iter().any(|e| e.1 == "Poland" && e.2 == "Belarus" && e.3 < 0.0),
        "{ev:#?}"
    );
    assert!(
        ev.iter().any(|e| e.1 == "Poland" && e.2 == "Lithuania" && e.3 > 0.0),
        "{ev:#?}"
    );
    assert!(
        ev.iter().any(|e| e.1 == "Poland" && e.2 == "Germany" && e.3 < 0.0),
        "{ev:#?}"
    );
    assert!(!ev.iter().any(|e| e.1 == "Belarus" || e.1 == "Lithuania"), "{ev:#?}");

    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         The United States welcomed the decision of Korea on the talks. \
         Thanks for making the trip to Japan.",
        Some("2021-11-17"),
    );
    assert!(!ev.iter().any(|e| e.0 == 2), "{ev:#?}");
}

/// A country's adjective before a group of its people names the group, not the state:
/// "solidarity with the Belarusian democratic opposition", "Угорські перевізники погрожують";
/// but sanctions on "17 Saudi nationals" are aimed at Saudi Arabia.
#[test]
fn a_group_of_a_country_s_people_is_not_the_country() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Poland expressed solidarity with the Belarusian democratic opposition. \
         Угорські перевізники також погрожують Брюсселю новими протестами. \
         Canada imposed sanctions on 17 Saudi nationals over the killing.",
        Some("2021-11-17"),
    );
    assert!(!ev.iter().any(|e| e.0 == 1 && e.2 == "Belarus"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.1 == "Hungary"), "{ev:#?}");
    assert!(has(&ev, 3, "Canada", "Saudi Arabia", -1), "{ev:#?}");
}

/// "Italy and Tunisia agreed to …", "Латвия и Россия подписали …": a verb of agreement counts
/// between governments named as one subject, each toward the others, whoever else the sentence
/// names; not for one government alone ("Russia signed the decree on Ukraine"), nor in the
/// passive ("The accord between Japan and Korea was signed …").
#[test]
fn governments_named_together_agreeing_agree_with_each_other() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Italy and Tunisia agreed to establish a Joint Committee on legal pathways. \
         Латвия и Россия подписали в Москве договор о государственной границе. \
         Russia signed the decree on Ukraine. \
         Japan and South Korea agreed to coordinate closely on China. \
         Japan and India discussed the new accord on Monday. It was signed in Tokyo a year ago.",
        Some("2023-07-16"),
    );
    assert!(has(&ev, 1, "Italy", "Tunisia", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Tunisia", "Italy", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Latvia", "Russia", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Latvia", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 3), "{ev:#?}");
    assert!(has(&ev, 4, "Japan", "South Korea", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 4 && e.2 == "China"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 6), "{ev:#?}");
}

/// A diplomatic rupture negated did not happen: "has not recalled its ambassador", "не
/// разорвала дипломатические отношения" give no event (they used to read as mild support).
#[test]
fn a_rupture_that_did_not_happen_is_no_position() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Saudi Arabia has not recalled its ambassador from Stockholm. \
         Латвия не разорвала дипломатические отношения с Россией. \
         Morocco recalled its ambassador from Stockholm.",
        Some("2023-06-30"),
    );
    assert!(!ev.iter().any(|e| e.0 == 1 || e.0 == 2), "{ev:#?}");
    assert!(has(&ev, 3, "Morocco", "Sweden", -1), "{ev:#?}");
}

/// "sent Tehran a protest note", "вручил иранскому послу ноту протеста", "оказала Украине
/// поддержку": the one a verb of giving gives a cue to, named between the verb and the cue, is
/// its target; not a name that qualifies the cue ("pledged U.S. support").
#[test]
fn the_recipient_of_a_verb_of_giving_is_the_target() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Baku sent Tehran a strongly worded protest note. \
         Россия вручила армянскому послу ноту протеста. \
         Польша оказала Украине поддержку. \
         Poland offered Ukraine its unconditional support. \
         Japan pledged U.S. support for the process.",
        Some("2023-01-30"),
    );
    assert!(has(&ev, 1, "Azerbaijan", "Iran", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Armenia", -1), "{ev:#?}");
    assert!(has(&ev, 3, "Poland", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 4, "Poland", "Ukraine", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 5 && e.2 == "United States"), "{ev:#?}");
}

/// "summoned the Armenian ambassador and expressed a protest": a name in the object of a first
/// verb, before "and" and a verb of speech, is not that verb's speaker; the sentence's subject
/// is.
#[test]
fn a_name_in_an_object_before_and_is_not_the_next_verbs_speaker() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Russia summoned the Armenian ambassador and expressed a protest to him. \
         МИД России вызвал армянского посла и выразил ему протест.",
        Some("2023-09-30"),
    );
    assert!(has(&ev, 1, "Russia", "Armenia", -1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Armenia", -1), "{ev:#?}");
}

/// "calls on both Governments to exercise restraint", "закликав обидві сторони до деескалації":
/// an appeal addressed to a pair is even-handed toward the two just mentioned, or toward the two
/// its own sentence names before it; "on both sides of the Atlantic" addresses no one.
#[test]
fn an_appeal_to_both_governments_is_toward_the_two_just_mentioned() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Kenya accused Somalia of violating the border on Monday. \
         CARICOM calls on both Governments to exercise restraint. \
         Президент ЮАР закликав обидві сторони до деескалації. \
         Japan would not take sides between Washington and Tehran, and urged both governments to show restraint. \
         The European Union called for more dialogue on both sides of the Atlantic.",
        Some("2023-09-17"),
    );
    assert!(has(&ev, 2, "CARICOM", "Kenya", 0), "{ev:#?}");
    assert!(has(&ev, 2, "CARICOM", "Somalia", 0), "{ev:#?}");
    assert!(has(&ev, 3, "South Africa", "Kenya", 0), "{ev:#?}");
    assert!(has(&ev, 3, "South Africa", "Somalia", 0), "{ev:#?}");
    assert!(has(&ev, 4, "Japan", "United States", 0), "{ev:#?}");
    assert!(has(&ev, 4, "Japan", "Iran", 0), "{ev:#?}");
    assert!(
        !ev.iter()
            .any(|e| e.0 == 4 && !["United States", "Iran", "Peace process"].contains(&e.2.as_str())),
        "{ev:#?}"
    );
    assert!(!ev.iter().any(|e| e.0 == 5 && e.2 != "Peace process"), "{ev:#?}");
}

/// "thanks the Republic of Lithuania and the Republic of Latvia": the cue's object is named in
/// full after "the" too.
#[test]
fn a_thanked_object_after_the_is_named_in_full() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Colombia thanks the Arab Republic of Egypt and the State of Qatar for their mediation.",
        Some("2024-05-02"),
    );
    assert!(has(&ev, 1, "Colombia", "Egypt", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Colombia", "Qatar", 1), "{ev:#?}");
}

/// "In a trilateral statement read out in Beijing on Friday after four days of closed-door
/// talks, the two sides thanked China …": the pair named before is the subject after a long
/// leading phrase too.
#[test]
fn the_two_sides_after_a_long_leading_phrase_are_the_pair_named_before() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Saudi Arabia and Iran agreed on Friday to restore diplomatic relations. \
         In a trilateral statement read out in Beijing on Friday after four days of closed-door talks, \
         the two sides thanked China for hosting the negotiations.",
        Some("2023-03-11"),
    );
    assert!(has(&ev, 2, "Saudi Arabia", "China", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Iran", "China", 1), "{ev:#?}");
}

/// "The two Prime Ministers rejected the statements issued in February by the Ministry of
/// Foreign Affairs of the Russian Federation": a pair counted by its office, and the owner of
/// the statements rejected, named after "by" and a body's words; a positive cue near someone's
/// claims is not toward their owner.
#[test]
fn statements_rejected_are_their_authors_even_after_a_body() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Greece and North Macedonia signed the agreement at Prespa in June. \
         The two Prime Ministers rejected the statements issued in February by the Ministry of \
         Foreign Affairs of the Russian Federation. \
         In response to Russia's phony claims of annexation, the United States, together with \
         our partners, is announcing new sanctions.",
        Some("2019-04-02"),
    );
    assert!(has(&ev, 2, "Greece", "Russia", -1), "{ev:#?}");
    assert!(has(&ev, 2, "North Macedonia", "Russia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 3 && e.3 > 0.1), "{ev:#?}");
}

/// Halting trade and freezing ties are sanctions in every form of the verb ("halting all trade
/// with Israel", "заморозила своё участие в ОДКБ", "припинила торгівлю з Ізраїлем"); halting
/// something else is nothing.
#[test]
fn halting_trade_and_freezing_ties_are_sanctions() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Turkey announced it was halting all trade with Israel. \
         Армения заморозила своё участие в ОДКБ. \
         Туреччина припинила торгівлю з Ізраїлем. \
         Russia halted the meeting with Ukraine.",
        Some("2024-05-02"),
    );
    assert!(has(&ev, 1, "Turkey", "Israel", -1), "{ev:#?}");
    assert!(
        has(&ev, 2, "Armenia", "Collective Security Treaty Organization", -1),
        "{ev:#?}"
    );
    assert!(has(&ev, 3, "Turkey", "Israel", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 4), "{ev:#?}");
}

/// "Mexico's Foreign Ministry thanked Brazil … for their solidarity, and said its lawyers
/// would …": a pronoun before a verb of speech, in another clause, does not carry the previous
/// actor over the sentence's own subject.
#[test]
fn a_pronoun_in_another_clause_does_not_make_the_speaker() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Guatemala's foreign ministry said the country would wait for the session. \
         On Sunday, Mexico's Foreign Ministry thanked Brazil and Honduras for their solidarity, \
         and said its lawyers would file the complaint this week.",
        Some("2024-04-07"),
    );
    assert!(has(&ev, 2, "Mexico", "Brazil", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Mexico", "Honduras", 1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.1 == "Guatemala"), "{ev:#?}");
}

/// "the Department of Foreign Affairs thanked the United States, Japan and Australia for their
/// swift expressions of support": names after a first cue in the past tense are its objects,
/// not the subject of the cues after it; a possessive after it is ("welcomed Japan's support").
#[test]
fn names_after_a_past_tense_cue_are_its_objects_not_a_later_cues_subject() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         On Wednesday morning, the Department of Foreign Affairs thanked the United States, Japan \
         and Australia for their swift expressions of support. \
         The President welcomed Japan's support for the Philippines.",
        Some("2024-06-19"),
    );
    assert!(!ev.iter().any(|e| e.0 == 1 && e.1 == "United States"), "{ev:#?}");
    assert!(has(&ev, 2, "Japan", "Philippines", 1), "{ev:#?}");
}

/// "Ведущие российские телеканалы обвинили Баку", "Російські пропагандистські медіа назвали …",
/// "Chinese state media accused …": a country's adjective before its media, experts or
/// tourists names them, not the country.
#[test]
fn a_countrys_media_and_experts_are_not_the_country() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Ведущие российские телеканалы в выходные обвинили Баку в русофобии. \
         Російські пропагандистські медіа вже засудили Дамаск. \
         Russian analysts condemned Georgia on Monday. \
         Российский МИД осудил Баку.",
        Some("2025-07-01"),
    );
    assert!(!ev.iter().any(|e| e.0 <= 3), "{ev:#?}");
    assert!(has(&ev, 4, "Russia", "Azerbaijan", -1), "{ev:#?}");
}

/// "Поддержку Баку выразила Анкара", "Рішення Дамаска привітала Москва", "Підтримку Україні
/// висловили також Естонія та Литва": a Russian or Ukrainian subject after its verb, agreeing
/// with it, in the nominative, closing the clause; not where a name before the verb can be the
/// subject ("Китай поддержал Казахстан") or the name after it is in another case ("Россия
/// осудила Украину").
#[test]
fn a_russian_or_ukrainian_subject_after_its_verb() {
    let ev = events(
        "Это первое предложение статьи, и в нём больше двенадцати слов для проверки правил. \
         В понедельник поддержку Баку выразила Анкара: МИД Турции заявил о солидарности. \
         Уже вчора рішення Дамаска привітала Москва, що лише підтверджує це. \
         Підтримку Україні висловили також Естонія та Литва. \
         Китай поддержал Казахстан. \
         Россия осудила Украину.",
        Some("2025-07-01"),
    );
    assert!(has(&ev, 1, "Turkey", "Azerbaijan", 1), "{ev:#?}");
    assert!(has(&ev, 2, "Russia", "Syria", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Estonia", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 3, "Lithuania", "Ukraine", 1), "{ev:#?}");
    assert!(has(&ev, 4, "China", "Kazakhstan", 1), "{ev:#?}");
    assert!(has(&ev, 5, "Russia", "Ukraine", -1), "{ev:#?}");
    assert!(
        !ev.iter()
            .any(|e| e.1 == "Azerbaijan" || e.1 == "Syria" || e.1 == "Kazakhstan"),
        "{ev:#?}"
    );
}

/// "содействовать диалогу между Азербайджаном и Россией", "переговорів між Вірменією та
/// Азербайджаном": a Russian or Ukrainian appeal between two parties is even-handed toward each,
/// as "between" is.
#[test]
fn an_appeal_between_two_parties_in_russian_and_ukrainian() {
    let ev = events(
        "Это первое предложение статьи, и в нём больше двенадцати слов для проверки правил. \
         МИД Казахстана заявил о готовности содействовать диалогу между Азербайджаном и Россией после войны. \
         Україна закликала до переговорів між Вірменією та Азербайджаном щодо війни.",
        Some("2025-06-30"),
    );
    assert!(has(&ev, 1, "Kazakhstan", "Azerbaijan", 0), "{ev:#?}");
    assert!(has(&ev, 1, "Kazakhstan", "Russia", 0), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Armenia", 0), "{ev:#?}");
    assert!(has(&ev, 2, "Ukraine", "Azerbaijan", 0), "{ev:#?}");
}

/// "президенты Кыргызской Республики и Республики Таджикистан договорились": a state's form
/// ("Республики") before the second name of a list does not break it.
#[test]
fn a_states_form_before_a_name_does_not_break_a_list() {
    let ev = events(
        "Это первое предложение статьи, и в нём больше двенадцати слов для проверки правил. \
         В пятницу президенты Кыргызской Республики и Республики Таджикистан договорились об отводе войск.",
        Some("2022-09-21"),
    );
    assert!(has(&ev, 1, "Kyrgyzstan", "Tajikistan", 1), "{ev:#?}");
    assert!(has(&ev, 1, "Tajikistan", "Kyrgyzstan", 1), "{ev:#?}");
}

/// "Жогорку Кенеш Кыргызской Республики постановляет: 1. Решительно осудить … 2. Выразить
/// признательность …": a Russian or Ukrainian resolution's paragraphs open with an infinitive
/// and belong to the body named before them; without such a body, an infinitive opening a
/// sentence ("Важно отметить, что …") continues nobody.
#[test]
fn a_resolutions_infinitive_paragraphs_belong_to_its_body() {
    let ev = events(
        "Это первое предложение статьи, и в нём больше двенадцати слов для проверки правил.\n\n\
         Учитывая изложенное, Жогорку Кенеш Кыргызской Республики постановляет:\n\n\
         1. Решительно осудить вооружённую агрессию Республики Таджикистан.\n\n\
         2. Выразить признательность Республике Казахстан и Турецкой Республике за помощь.",
        Some("2022-09-21"),
    );
    // The list numbers are sentences of their own.
    assert!(has(&ev, 3, "Kyrgyzstan", "Tajikistan", -1), "{ev:#?}");
    assert!(has(&ev, 5, "Kyrgyzstan", "Kazakhstan", 1), "{ev:#?}");
    assert!(has(&ev, 5, "Kyrgyzstan", "Turkey", 1), "{ev:#?}");
    let news = events(
        "Это первое предложение статьи, и в нём больше двенадцати слов для проверки правил. \
         Президент России заявил о поддержке Сербии. \
         Важно отметить благодарность Казахстану за помощь.",
        Some("2022-09-21"),
    );
    assert!(!news.iter().any(|e| e.0 == 2 && e.1 == "Russia"), "{news:#?}");
}

/// "announced that his country was breaking off diplomatic relations with Ecuador", "the
/// Chinese government decided to downgrade relations with Lithuania": the actor's country or
/// government, named so, does the act.
#[test]
fn an_act_of_his_country_or_of_a_government_named_by_its_adjective() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Mexico's president announced that his country was breaking off diplomatic relations with Ecuador. \
         The Chinese government decided to downgrade relations with Lithuania.",
        Some("2024-04-07"),
    );
    assert!(has(&ev, 1, "Mexico", "Ecuador", -1), "{ev:#?}");
    assert!(has(&ev, 2, "China", "Lithuania", -1), "{ev:#?}");
}

/// "Last month, he recalled, the League of Arab States had rejected …": a pronoun in an
/// inserted ", he recalled," is not the subject; ", we agreed," is the speaker's own clause,
/// and "we" its subject.
#[test]
fn a_pronoun_in_an_inserted_he_recalled_is_not_the_subject() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Tunisia's representative expressed solidarity with Egypt. \
         Last month, he recalled, the League of Arab States had rejected Ethiopia's unilateral filling. \
         Last year, we agreed, the European Union would support Egypt.",
        Some("2021-07-08"),
    );
    assert!(has(&ev, 2, "Arab League", "Ethiopia", -1), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.1 == "Tunisia"), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 3 && e.1 == "European Union"), "{ev:#?}");
}

/// An interview in Markdown whose questions are in bold: the "we" of the answers is the country
/// of the one its introduction names with an office ("Sweden's State Secretary"), not the first
/// government the introduction names ("Turkey's Grand National Assembly voted …").
#[test]
fn the_we_of_an_interview_is_the_country_of_the_one_introduced() {
    let ev = events(
        "On Tuesday, Turkey's Grand National Assembly voted to approve Sweden's accession to NATO. \
         We spoke to **Karin Lindqvist**, Sweden's State Secretary for Foreign Affairs, in Stockholm.\n\n\
         **Was that painful?**\n\n\
         Not at all. We are grateful to Helsinki and to Washington for standing by us.\n\n\
         **And Russia?**\n\n\
         We condemn Russia's war against Ukraine.",
        Some("2024-01-26"),
    );
    assert!(
        ev.iter().any(|e| e.1 == "Sweden" && e.2 == "Finland" && e.3 > 0.0),
        "{ev:#?}"
    );
    assert!(
        ev.iter().any(|e| e.1 == "Sweden" && e.2 == "Russia" && e.3 < 0.0),
        "{ev:#?}"
    );
    assert!(!ev.iter().any(|e| e.1 == "Turkey" && e.2 != "Sweden"), "{ev:#?}");
}

/// "The two sides welcomed …" after the pair that acts together: "the two sides" is that pair,
/// not two other parties the cue is even-handed toward.
#[test]
fn the_two_sides_of_a_pair_acting_together_are_no_other_two() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Russia and Ukraine exchanged fire on Monday. \
         The Maldivian president and China's leader agreed to raise relations to a cooperative \
         partnership, and the two sides signed twenty agreements.",
        Some("2024-01-16"),
    );
    assert!(has(&ev, 2, "Maldives", "China", 1), "{ev:#?}");
    assert!(
        !ev.iter().any(|e| e.0 == 2 && (e.2 == "Russia" || e.2 == "Ukraine")),
        "{ev:#?}"
    );
}

/// "the DPRK's increasing military cooperation with Russia", "співпрацю Тегерана з Москвою": a
/// third party's tie with another is no tie of the actor's; the actor's own is ("Japan's
/// cooperation with Ukraine", said by Japan).
#[test]
fn a_third_partys_cooperation_with_another_is_not_the_actors() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Japan condemned the DPRK's increasing military cooperation with Russia. \
         Президент України назвав військову співпрацю Тегерана з Москвою співпрацею зі злом. \
         Japan praised Japan's cooperation with Ukraine.",
        Some("2024-04-10"),
    );
    assert!(!ev.iter().any(|e| e.0 == 1 && e.3 > 0.0), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.0 == 2 && e.3 > 0.0), "{ev:#?}");
    assert!(has(&ev, 3, "Japan", "Ukraine", 1), "{ev:#?}");
}

/// "Вашингтон ніколи не визнає спроб змінити кордони України силою", "will never recognize
/// Ukrainian territory as anything other than part of Ukraine": whose borders or land they are
/// is not what is (not) recognised.
#[test]
fn not_recognising_a_change_of_borders_is_not_against_their_owner() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Вашингтон ніколи не визнає спроб змінити кордони України силою. \
         The United States will never recognize Ukrainian territory as anything other than part of Ukraine.",
        Some("2022-06-30"),
    );
    assert!(!ev.iter().any(|e| e.0 <= 2 && e.2 == "Ukraine"), "{ev:#?}");
}

/// "Якщо постачання триватимуть, Україна може повністю розірвати дипломатичні відносини з
/// Іраном", "If the law stands, the EU may suspend …": what a party may do on a condition is
/// conjecture; what it did is a position.
#[test]
fn what_a_party_may_do_on_a_condition_is_no_position() {
    let ev = events(
        "This is a long opening sentence of the article that has more than twelve words in it. \
         Якщо постачання триватимуть, Україна може повністю розірвати дипломатичні відносини з Іраном. \
         If the law is not repealed, the EU may suspend visa-free travel for Georgia. \
         Україна розірвала дипломатичні відносини з Іраном.",
        Some("2022-09-24"),
    );
    assert!(!ev.iter().any(|e| e.0 <= 2), "{ev:#?}");
    assert!(has(&ev, 3, "Ukraine", "Iran", -1), "{ev:#?}");
}

/// A briefing whose first actor is an organisation ("ASEAN thanked China …"): the "we" of
/// its only answering speaker is the first country it names as actor, where that is also the
/// country it names most.
#[test]
fn the_we_of_a_briefing_that_names_an_organisation_first() {
    let ev = events(
        "Liu Ming: Good afternoon. ASEAN thanked China for its support. Yesterday the Chinese \
         government decided to downgrade relations with Lithuania.\n\n\
         Baltic Daily: How does China view the reaction of Washington?\n\n\
         Liu Ming: We noted that the US side openly applauded the move. We urge the United States \
         to stop sending wrong signals and to respect China.\n\n\
         Global Wire: And Russia?\n\n\
         Liu Ming: We appreciate Russia's firm support for China.",
        Some("2021-11-22"),
    );
    assert!(
        ev.iter().any(|e| e.1 == "China" && e.2 == "United States" && e.3 < 0.0),
        "{ev:#?}"
    );
    assert!(
        ev.iter().any(|e| e.1 == "China" && e.2 == "Russia" && e.3 > 0.0),
        "{ev:#?}"
    );
}

/// "The Supreme Council of the Cooperation Council for the Arab States of the Gulf held …", then
/// "1. The Supreme Council expresses its deep appreciation to the State of Kuwait": a body named
/// alone as a sentence's subject is that of the party the document named it with before; one
/// never named so is nobody's.
#[test]
fn a_body_named_alone_is_that_of_the_party_it_was_named_with() {
    let ev = events(
        "The Supreme Council of the Cooperation Council for the Arab States of the Gulf held its \
         forty-first session in Al-Ula on Tuesday. The Steering Committee in Oman met on Monday.\n\n\
         1. The Supreme Council expresses its deep appreciation to the State of Kuwait.\n\n\
         2. The Supreme Council calls on the Islamic Republic of Iran to cease its interference.\n\n\
         3. The Steering Committee welcomes the decision of Bahrain.",
        Some("2021-01-05"),
    );
    assert!(
        ev.iter()
            .any(|e| e.1 == "Gulf Cooperation Council" && e.2 == "Kuwait" && e.3 > 0.0),
        "{ev:#?}"
    );
    assert!(
        ev.iter()
            .any(|e| e.1 == "Gulf Cooperation Council" && e.2 == "Iran" && e.3 < 0.0),
        "{ev:#?}"
    );
    assert!(!ev.iter().any(|e| e.2 == "Bahrain"), "{ev:#?}");
}
