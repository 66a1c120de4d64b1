//! Two sets of twelve whole articles, each written for this test by someone who saw none of the
//! app's rules (the officials, journalists and quotes are invented). Each set has a list of the
//! positions a careful analyst codes (R: required, O: either way) and of sentences a naive
//! reader codes wrongly (traps).
//!
//! - `tests/fixtures/heldout-articles/`: a wire story, a ministry statement in "we", a press
//!   briefing, an interview, an analysis full of "he" and "it", a joint statement of "the
//!   Sides", TASS and Ukrinform items, an op-ed, a neutrality and a non-recognition story,
//!   denials and conditionals, positions dated before publication.
//! - `tests/fixtures/heldout-articles-2/` (written a year of sessions later, when the first set
//!   had become a development set): a Security Council meeting, a parliament's resolution,
//!   RIA, Kazinform and Ukrinform items in Russian and Ukrainian, a feature with dated positions,
//!   a three-leader statement, a wire story of stand-ins ("Tokyo", "the Kremlin"), an op-ed whose
//!   author's opinions are traps, a story of traps, a web page and a Markdown interview.
//! - `tests/fixtures/heldout-articles-3/` (written when the second had become a development set
//!   too; see `heldout-articles-3-README.md`): a wire story of many governments reacting, a
//!   ministry press release, a three-leader declaration, a General Assembly debate, a briefing
//!   transcript, TASS, Kabar and Ukrinform items, a Ukrainian ministry statement in "we", an
//!   analysis in Markdown, a story of denials and conditionals, positions dated years before
//!   publication.
//! - `tests/fixtures/heldout-articles-4/` (written when the third had become a development set;
//!   see `heldout-articles-4-README.md`): a Chinese ministry press conference, a three-minister
//!   joint statement in numbered paragraphs, a Security Council meeting, wire stories of a coup's
//!   and a blockade's reactions, an analysis in Markdown, a web page, a Russian ministry
//!   commentary, a Russian agency item in Windows-1251, Russian and Ukrainian news items and a
//!   Ukrainian ministry statement.
//! - `tests/fixtures/heldout-articles-5/` (written when the fourth had become a development set;
//!   see `heldout-articles-5-README.md`): a Chinese ministry briefing, a two-country joint
//!   communiqué in numbered paragraphs, a Security Council debate, a wire story of a veto lifted,
//!   an analysis in Markdown, a web page, an interview, a Russian ministry statement in
//!   Windows-1251, a Russian agency and a regional item, a Ukrainian ministry statement and a
//!   Ukrainian news item.
//! - `tests/fixtures/heldout-articles-6/` (written when the fifth had become a development set;
//!   see `heldout-articles-6-README.md`): a ministry briefing, a three-country joint declaration,
//!   a General Assembly meeting, a wire story of reactions, an analysis in Markdown, a web page,
//!   an interview, a Ukrainian ministry statement in Windows-1251, a Russian agency item in
//!   KOI8-R, a Russian regional item, a Ukrainian press release and a Russian feature.
//! - `tests/fixtures/heldout-articles-7/` (written when the sixth had become a development set;
//!   see `heldout-articles-7-README.md`): a ministry press conference, a parliament's
//!   resolution, council conclusions, a web page of reactions, a dated timeline and a feature in
//!   Markdown, a television interview, a Russian ministry statement, a Russian regional item in
//!   Windows-1251, a Russian readout of a call, a Ukrainian agency item in KOI8-U and a
//!   Ukrainian column.
//! - `tests/fixtures/heldout-articles-8/` (written when the seventh had become a development
//!   set; see `heldout-articles-8-README.md`): a ministry briefing, a joint communiqué and an
//!   opinion column in Markdown, a wire story of reactions, a General Assembly meeting, a web
//!   page, a regional organisation's press release, a Russian radio interview, a Russian
//!   analysis in Windows-1251, a Russian chronology, a Ukrainian committee report and a
//!   Ukrainian ministry statement with a protest note in Windows-1251.
//! - `tests/fixtures/heldout-articles-9/` (written in the same session as the eighth, which then
//!   became a development set; see `heldout-articles-9-README.md`): a wire story in UTF-8 with a
//!   byte-order mark and Windows line ends, a joint statement, a ministry briefing, a Security
//!   Council record, a regional organisation's statement and a column in Markdown, a web page
//!   quoting a government's posts, a Russian protest note in KOI8-R, a Russian analysis and
//!   interview, a Ukrainian parliament's appeal in Windows-1251 and a Ukrainian readout.
//! - `tests/fixtures/heldout-articles-10/` (written when the ninth became a development set; see
//!   `heldout-articles-10-README.md`): a wire story of reactions, a regional council's
//!   communiqué, a Security Council record in UTF-16 LE, a ministry briefing in UTF-8 with a
//!   byte-order mark and Windows line ends, a column and an interview in Markdown, a web page, a
//!   Russian wire story in Windows-1251, a parliament's resolution and an analysis in Russian, a
//!   Ukrainian ministry statement in KOI8-U and a Ukrainian news item.
//! - `tests/fixtures/heldout-articles-11/` (written when the tenth became a development set; see
//!   `heldout-articles-11-README.md`; its writer was given every earlier set's topics to avoid):
//!   a wire story of strikes and reactions, a ministry briefing in UTF-8 with a byte-order mark
//!   and Windows line ends, a Security Council record in UTF-16 BE, a joint statement, an
//!   interview and a column in Markdown, a web page, a Russian parliament's statement in KOI8-R,
//!   a Russian timeline, a Russian news item, a Ukrainian news item in Windows-1251 and a
//!   Ukrainian ministry statement.
//!
//! Prints recall on the required positions, precision of the events found and the traps fallen
//! into (`cargo test --release --test heldout_articles -- --nocapture`). Each set's floors are
//! its first measurement, before any rule was changed for it: once rules are changed for a set,
//! it is a check against regressions, no longer a held-out measure.

use stance_explorer::analysis::load_corpus_with;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::Corpus;
use std::path::Path;
use std::sync::LazyLock;

/// Loads one set's folder under `tests/fixtures`.
fn load(set: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(set);
    load_corpus_with(Some(&dir), &LoadControl::default(), &Default::default()).unwrap()
}

static FIRST: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles"));
static SECOND: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-2"));
static THIRD: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-3"));
static FOURTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-4"));
static FIFTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-5"));
static SIXTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-6"));
static SEVENTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-7"));
static EIGHTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-8"));
static NINTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-9"));
static TENTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-10"));
static ELEVENTH: LazyLock<Corpus> = LazyLock::new(|| load("heldout-articles-11"));

/// An event reduced to what the lists compare: file, actor, target, sign, sentence (white space
/// made single spaces).
type Found = (String, String, String, char, String);

fn single_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The gazetteer's name for a country or organisation the lists name otherwise.
fn canonical(name: &str) -> &str {
    match name {
        "Czech Republic" => "Czechia",
        "DR Congo" => "Democratic Republic of the Congo",
        "CSTO" => "Collective Security Treaty Organization",
        "Organization of Turkic States" => "Organisation of Turkic States",
        other => other,
    }
}

fn sign(score: f32) -> char {
    if score > 0.1 {
        '+'
    } else if score < -0.1 {
        '-'
    } else {
        '0'
    }
}

fn found(corpus: &Corpus) -> Vec<Found> {
    corpus
        .stances
        .iter()
        .map(|s| {
            let doc = corpus.doc(s.doc);
            (
                doc.path.clone(),
                corpus.entity(s.actor).name.clone(),
                corpus.entity(s.target).name.clone(),
                sign(s.score),
                single_spaced(doc.sentence_text(s.sentence_index())),
            )
        })
        .collect()
}

/// The rows of a fixture list (after its header), as fields.
fn rows(name: &str, fields: usize) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert_eq!(f.len(), fields, "malformed row: {l}");
            f
        })
        .collect()
}

/// Whether event `e` is the position `r` (file, actor, target, sign, need, date, sentence).
fn is(e: &Found, r: &[String]) -> bool {
    e.0 == r[0]
        && e.1 == canonical(&r[1])
        && e.2 == canonical(&r[2])
        && r[3].starts_with(e.3)
        && e.4.contains(&single_spaced(&r[6]))
}

/// What a set's lists say of the events found.
struct Measure {
    recalled: usize,
    required: usize,
    right: usize,
    events: usize,
    traps: usize,
    fallen: Vec<Vec<String>>,
}

impl Measure {
    fn precision_pct(&self) -> f64 {
        100.0 * self.right as f64 / self.events.max(1) as f64
    }
}

/// Measures `corpus` against `<set>.tsv` and `<set>-TRAPS.tsv`, and prints the figures.
fn measure(corpus: &Corpus, set: &str) -> Measure {
    let positions = rows(&format!("{set}.tsv"), 7);
    let traps = rows(&format!("{set}-TRAPS.tsv"), 4);
    let events = found(corpus);
    let required: Vec<&Vec<String>> = positions.iter().filter(|r| r[4] == "R").collect();
    let recalled = required.iter().filter(|r| events.iter().any(|e| is(e, r))).count();
    let right = events.iter().filter(|e| positions.iter().any(|r| is(e, r))).count();
    let fallen: Vec<Vec<String>> = traps
        .iter()
        .filter(|t| {
            events.iter().any(|e| {
                e.0 == t[0] && e.1 == canonical(&t[1]) && e.2 == canonical(&t[2]) && e.4.contains(&single_spaced(&t[3]))
            })
        })
        .cloned()
        .collect();
    let m = Measure {
        recalled,
        required: required.len(),
        right,
        events: events.len(),
        traps: traps.len(),
        fallen,
    };
    println!(
        "{set}: required positions found: {} of {} ({:.0}%)",
        m.recalled,
        m.required,
        100.0 * m.recalled as f64 / m.required.max(1) as f64
    );
    println!(
        "{set}: events that are a listed position: {} of {} ({:.0}%)",
        m.right,
        m.events,
        m.precision_pct()
    );
    println!("{set}: traps fallen into: {} of {}", m.fallen.len(), m.traps);
    for t in &m.fallen {
        println!("  trap: {} → {} in {}: {}", t[1], t[2], t[0], t[3]);
    }
    m
}

#[test]
fn every_article_of_the_first_set_has_its_headline_as_title_and_a_date() {
    assert_eq!(FIRST.documents.len(), 12);
    for d in &FIRST.documents {
        let headline = d.text.lines().next().unwrap().trim();
        assert_eq!(d.title, headline, "{}", d.path);
        assert!(d.date.is_some(), "{}", d.path);
    }
}

#[test]
fn recall_precision_and_traps_on_the_first_set() {
    let m = measure(&FIRST, "heldout-articles");
    // The first measurement: 25 of 87 (29 %), 35 of 57 (61 %), no trap.
    assert!(m.recalled >= 25, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 61.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.is_empty(), "traps: {:?}", m.fallen);
}

/// The headlines of the second set's web page (its `<h1>`; the `<title>` adds the site's name) and
/// Markdown file (its front matter's `title`).
const MARKED_UP_HEADLINES: &[(&str, &str)] = &[
    (
        "11_au_luanda_mediation.html",
        "Luanda talks: AU backs Angola's mediation as Kinshasa and Kigali trade blame",
    ),
    (
        "12_interview_brazil_foreign_minister.md",
        "'We do not take sides, we take the side of peace': Brazil's foreign minister on Ukraine, Venezuela and the EU deal",
    ),
];

#[test]
fn every_article_of_the_second_set_has_its_headline_as_title_and_a_date() {
    assert_eq!(SECOND.documents.len(), 12);
    for d in &SECOND.documents {
        let headline = match MARKED_UP_HEADLINES.iter().find(|(p, _)| *p == d.path) {
            Some((_, h)) => h,
            None => d.text.lines().next().unwrap().trim(),
        };
        assert_eq!(d.title, headline, "{}", d.path);
        // At the first measurement the Ukrinform item ("Київ, 12 лютого 2024 — Укрінформ.") had none.
        assert!(d.date.is_some(), "{}", d.path);
    }
}

#[test]
fn recall_precision_and_traps_on_the_second_set() {
    let m = measure(&SECOND, "heldout-articles-2");
    // The first measurement: 50 of 154 (32 %), 62 of 108 (57 %), 4 traps of 49.
    assert!(m.recalled >= 50, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 57.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 4, "traps: {:?}", m.fallen);
}

#[test]
fn every_article_of_the_third_set_has_a_date() {
    assert_eq!(THIRD.documents.len(), 12);
    for d in &THIRD.documents {
        assert!(d.date.is_some(), "{}", d.path);
    }
}

#[test]
fn recall_precision_and_traps_on_the_third_set() {
    let m = measure(&THIRD, "heldout-articles-3");
    // The first measurement (`cf5a86c`, before any rule was changed for this set): 30 of 142
    // (21 %), 32 of 51 (63 %), 2 traps of 50.
    assert!(m.recalled >= 30, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 62.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 2, "traps: {:?}", m.fallen);
}

#[test]
fn every_article_of_the_fourth_set_has_a_date_and_the_russian_item_in_windows_1251_reads() {
    assert_eq!(FOURTH.documents.len(), 12);
    for d in &FOURTH.documents {
        assert!(d.date.is_some(), "{}", d.path);
    }
    let legacy = FOURTH
        .documents
        .iter()
        .find(|d| d.path.starts_with("09-"))
        .expect("the Windows-1251 item");
    assert!(legacy.text.contains("Армения и Азербайджан"), "{}", &legacy.text[..200]);
}

#[test]
fn recall_precision_and_traps_on_the_fourth_set() {
    let m = measure(&FOURTH, "heldout-articles-4");
    // The first measurement (`60664a3`, before any rule was changed for this set): 53 of 141
    // (38 %), 59 of 110 (54 %), 4 traps of 57.
    assert!(m.recalled >= 53, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 53.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 4, "traps: {:?}", m.fallen);
}

#[test]
fn every_article_of_the_fifth_set_has_a_date_and_the_russian_statement_in_windows_1251_reads() {
    assert_eq!(FIFTH.documents.len(), 12);
    for d in &FIFTH.documents {
        assert!(d.date.is_some(), "{}", d.path);
    }
    let legacy = FIFTH
        .documents
        .iter()
        .find(|d| d.path.starts_with("08-"))
        .expect("the Windows-1251 statement");
    assert!(legacy.text.contains("Эстонской Республикой"), "{}", &legacy.text[..200]);
}

#[test]
fn recall_precision_and_traps_on_the_fifth_set() {
    let m = measure(&FIFTH, "heldout-articles-5");
    // The first measurement (`9cd1216`, before any rule was changed for this set): 43 of 142
    // (30 %), 47 of 86 (55 %), 4 traps of 63. Rules changed later in the same session for the
    // fourth set (Russian prepositions, adjectives of nationality in every case), still without
    // reading this set's events, cost it one position and one right event: 42 of 142, 46 of
    // 88 (52 %); with the passive, "downgrading its representation" and suspended operations,
    // 46 of 89 (52 %). The transcript rule of the same session's end (a label that only asks
    // is a reporter's; the only one answering speaks for the country named first and most),
    // the one rule of the session written for a genre rather than a sentence, took it to 45 of
    // 142 (32 %), 49 of 88 (56 %), 3 traps. A session later, with the sixth set held out, this
    // set became a development set: the rules written from its misses (interviews' speakers,
    // the Sides of a communiqué, a meeting summary's delegates, first-person objects, suits,
    // import bans, lifted vetoes, "the X side" addressed, "all three countries") took it to 79
    // of 142 (56 %), 85 of 122 (70 %), 2 traps: the floors are those, a check against
    // regressions. The precision floor was lowered to 68.5 % when the recipient of a verb of
    // giving became a target: two headlines ("Poland sends Germany formal note …", "Белград
    // направил Загребу ноту протеста …") now give their positions, right, but the list codes
    // only body sentences (88 of 128). It was lowered to 68.0 % when an appeal to "обе
    // стороны" came to count as addressed to two parties: "Любляна призвала обе стороны
    // проявить сдержанность" also gives its appeal for peace, which the list does not code (88 of
    // 129). It was raised to 70.0 % when "the two sides" of a pair acting together stopped
    // making neutral events toward two others (88 of 125).
    assert!(m.recalled >= 79, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 70.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 2, "traps: {:?}", m.fallen);
}

#[test]
fn every_article_of_the_sixth_set_has_a_date_and_the_legacy_encodings_read() {
    assert_eq!(SIXTH.documents.len(), 12);
    for d in &SIXTH.documents {
        assert!(d.date.is_some(), "{}", d.path);
    }
    let doc = |prefix: &str| {
        SIXTH
            .documents
            .iter()
            .find(|d| d.path.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"))
    };
    // Windows-1251 (Ukrainian) and KOI8 (Russian).
    assert!(doc("08-").text.contains("Київ"), "{}", &doc("08-").text[..200]);
    assert!(doc("09-").text.contains("МИНСК"), "{}", &doc("09-").text[..200]);
}

#[test]
fn recall_precision_and_traps_on_the_sixth_set() {
    let m = measure(&SIXTH, "heldout-articles-6");
    // The first measurement (`58a8ac4`, before this set was read or any rule was changed for
    // it): 48 of 179 (27 %), 49 of 82 (60 %), 1 trap of 67. A session later, with the seventh
    // set held out, this set became a development set: with the rules of that session (a
    // country's office with its holder in apposition, "each other", "the move", the Union's
    // institutions, recognition withdrawn, a government's own security council, an appeal to
    // both parties over a mild word, "has decided to" before an act, suspensions and cancelled
    // visits in Russian and Ukrainian, denials, Russian names of the Union, NATO and Kosovo) it
    // gives 69 of 179 (39 %), 68 of 98 (69 %), 1 trap. Two sessions later, verbs of agreement
    // between governments named as one subject ("The Leaders agreed to establish a Joint
    // High-Level Committee", "The Parties agreed that the cooperation …") added four mutual
    // events the list does not code, and one of them falls in the sentence of a trap (its
    // venue, "which shall convene its first meeting in Mogadishu", read as Ethiopia toward
    // Somalia): 72 of 179 (40 %), 70 of 106 (66 %), 2 traps. Later sessions took it to 79 of 179
    // (44 %), 77 of 110 (70 %), 2 traps (the last: a Russian subject after its verb, "независимость
    // Косово признали США, Франция и Великобритания"). The floors are those, a check against
    // regressions.
    assert!(m.recalled >= 79, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 70.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 2, "traps: {:?}", m.fallen);
}

#[test]
fn every_article_of_the_seventh_set_has_a_date_and_the_legacy_encodings_read() {
    assert_eq!(SEVENTH.documents.len(), 12);
    for d in &SEVENTH.documents {
        assert!(d.date.is_some(), "{}", d.path);
    }
    let doc = |name: &str| {
        SEVENTH
            .documents
            .iter()
            .find(|d| d.path == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    // Windows-1251 (Russian) and KOI8-U (Ukrainian, with its own letters).
    assert!(
        doc("gyumri-csto-news.txt").text.contains("Гюмри"),
        "{}",
        &doc("gyumri-csto-news.txt").text[..200]
    );
    let koi8u = &doc("kordon-blokada.txt").text;
    assert!(
        koi8u.contains("Київ") && koi8u.contains("ґрунтовно"),
        "{}",
        &koi8u[..200]
    );
}

#[test]
fn recall_precision_and_traps_on_the_seventh_set() {
    let m = measure(&SEVENTH, "heldout-articles-7");
    // The first measurement (`3233cd8`, before this set was read or any rule was changed for
    // it): 43 of 186 (23 %), 48 of 74 (65 %), 5 traps of 85. A session later, with the eighth
    // and ninth sets written, this set became a development set: with the rules of that session
    // (a place of government before an impersonal verb, a resolution's paragraphs, legislatures,
    // groups of a country's people, verbs of agreement between governments named together) it
    // gives 56 of 186 (30 %), 61 of 84 (73 %), 3 traps. With the rules of the session that added
    // the tenth set (recipients of verbs of giving, appeals to "both Governments", names of
    // several words in their cases, halting trade and freezing ties): 63 of 186 (34 %), 68 of 95
    // (72 %), 3 traps; the floors are those, precision a little under them, as one new event is
    // a right headline the list does not code ("Армения «заморозила» участие в ОДКБ.").
    assert!(m.recalled >= 63, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 71.5,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 3, "traps: {:?}", m.fallen);
}

#[test]
fn the_eighth_set_reads_its_legacy_encodings_and_dates_most_articles() {
    assert_eq!(EIGHTH.documents.len(), 12);
    // The first measurement (`c978a88`): 8 of 12 articles dated. Read as a development set, the
    // three undated Russian ones had their date on a header line that ends like a sentence
    // ("Аналитика | 18 августа 2022 г.", "Эфир от 14 июня 2023 года, 19:05 (мск).
    // Расшифровка."): 11 of 12 now. The twelfth has a dateline without a year ("STOCKHOLM/RABAT,
    // June 30 (Nordwire) -") and mentions no year at all, so it stays undated.
    let dated = EIGHTH.documents.iter().filter(|d| d.date.is_some()).count();
    assert!(dated >= 11, "{dated} of 12 dated");
    let legacy: Vec<_> = EIGHTH
        .documents
        .iter()
        .filter(|d| d.encoding == "windows-1251")
        .collect();
    assert_eq!(legacy.len(), 2, "a Russian and a Ukrainian file in Windows-1251");
    for d in legacy {
        let letters: &[char] = if d.path.contains("-uk") {
            &['і', 'ї', 'є', 'ґ']
        } else {
            &['ы', 'э', 'ъ']
        };
        for c in letters {
            assert!(d.text.contains(*c), "{}: no {c}", d.path);
        }
    }
}

#[test]
fn recall_precision_and_traps_on_the_eighth_set() {
    let m = measure(&EIGHTH, "heldout-articles-8");
    // The first measurement (`c978a88`, before this set was read or any rule was changed for
    // it): 72 of 183 (39 %), 80 of 106 (75 %), 7 traps of 87. In the same session, once the
    // ninth set was written, this one became a development set: with that session's rules it
    // gives 84 of 183 (46 %), 93 of 115 (81 %), 4 traps. With the rules of the session that
    // added the tenth set: 88 of 183 (48 %), 97 of 120 (81 %), 4 traps. With the rules of the
    // session that added the eleventh: 88 of 183, 98 of 120 (82 %), 3 traps (a conditional "ЄС
    // може призупинити" is no longer read as a position). The floors are those.
    assert!(m.recalled >= 88, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 81.5,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 3, "traps: {:?}", m.fallen);
}

#[test]
fn the_ninth_set_reads_its_legacy_encodings_and_dates_most_articles() {
    assert_eq!(NINTH.documents.len(), 12);
    // The first measurement (`c978a88`): 11 of 12 articles dated. The floor is that.
    let dated = NINTH.documents.iter().filter(|d| d.date.is_some()).count();
    assert!(dated >= 11, "{dated} of 12 dated");
    let doc = |prefix: &str| {
        NINTH
            .documents
            .iter()
            .find(|d| d.path.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"))
    };
    // KOI8-R (Russian), Windows-1251 (Ukrainian, with its own letters), UTF-8 with a BOM.
    let koi8 = doc("ru-nota-protesta");
    assert!(koi8.encoding.starts_with("KOI8"), "{}", koi8.encoding);
    for c in ['ы', 'э', 'ю'] {
        assert!(koi8.text.contains(c), "no {c}");
    }
    let cp1251 = doc("uk-rada");
    assert_eq!(cp1251.encoding, "windows-1251");
    for c in ['і', 'ї', 'є', 'ґ'] {
        assert!(cp1251.text.contains(c), "no {c}");
    }
    assert!(
        !doc("en-wire").text.starts_with('\u{feff}'),
        "the byte-order mark is not text"
    );
}

#[test]
fn recall_precision_and_traps_on_the_ninth_set() {
    let m = measure(&NINTH, "heldout-articles-9");
    // The first measurement (`c978a88`, before this set was read or any rule was changed for
    // it): 37 of 179 (21 %), 39 of 72 (54 %), 2 traps of 84. With the rules of the session that
    // added it (written from the seventh and eighth sets, this one unread): 37 of 179, 39 of 73
    // (53 %), 2 traps. A session later, with the tenth set written, this one became a
    // development set: the rules of that session, several written from its misses ("the two
    // sides" after a long leading phrase, "the two Prime Ministers", statements rejected as
    // their authors', appeals to "both Governments"), took it to 61 of 179 (34 %), 63 of 100
    // (63 %), 2 traps. With the rules of the session that added the eleventh set: 61 of 179, 63
    // of 96 (66 %), 2 traps ("the two sides" of a pair acting together names no other two). The
    // floors are those.
    assert!(m.recalled >= 61, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 65.5,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 2, "traps: {:?}", m.fallen);
}

#[test]
fn the_tenth_set_reads_its_encodings_and_dates_every_article() {
    assert_eq!(TENTH.documents.len(), 12);
    // The first measurement (session start, `7265e47`): 12 of 12 articles dated, each on its
    // publication date. The floor is that.
    let dated = TENTH.documents.iter().filter(|d| d.date.is_some()).count();
    assert_eq!(dated, 12, "{dated} of 12 dated");
    let doc = |prefix: &str| {
        TENTH
            .documents
            .iter()
            .find(|d| d.path.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"))
    };
    // UTF-16 LE with a BOM, Windows-1251 (Russian), KOI8-U (Ukrainian, with its own letters),
    // UTF-8 with a BOM and Windows line ends.
    let utf16 = doc("03-en-gerd");
    assert_eq!(utf16.encoding, "UTF-16LE");
    assert!(utf16.text.contains("Security Council"));
    let cp1251 = doc("08-ru-aktau");
    assert_eq!(cp1251.encoding, "windows-1251");
    assert!(cp1251.text.contains('ы'));
    let koi8 = doc("11-uk-syria");
    assert_eq!(koi8.encoding, "KOI8-U");
    for c in ['і', 'ї', 'є'] {
        assert!(koi8.text.contains(c), "no {c}");
    }
    let bom = doc("04-en-vilnius");
    assert!(!bom.text.starts_with('\u{feff}'), "the byte-order mark is not text");
    let date = |prefix: &str| doc(prefix).date.as_ref().map(|d| d.date.to_string());
    assert_eq!(date("11-uk-syria").as_deref(), Some("2022-06-30"));
    assert_eq!(date("08-ru-aktau").as_deref(), Some("2025-07-01"));
}

#[test]
fn recall_precision_and_traps_on_the_tenth_set() {
    let m = measure(&TENTH, "heldout-articles-10");
    // The first measurement (session start, `7265e47`, before this set was read or any rule was
    // changed for it): 54 of 186 (29 %), 62 of 101 (61 %), 2 traps of 82. With the rules of the
    // session that added it (written from the other sets, this one unread): 59 of 186 (32 %),
    // 67 of 103 (65 %), 3 traps. The floors are those. (Six of its articles take up topics of
    // sets 3-5; PERFORMANCE.md gives their figures apart.) A session later, with the eleventh
    // set written, this one became a development set: the rules of that session, many written
    // from its misses (Russian and Ukrainian subjects after their verb, a resolution's
    // infinitive paragraphs, "между" two parties, an interview's introduced speaker, a
    // briefing's first country, conditional "може", a third party's ties, a body named alone as
    // the one named before with its party), took it to 97 of 186 (52 %), 106 of 126 (84 %), 1
    // trap. The floors are those.
    assert!(m.recalled >= 97, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 83.5,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 1, "traps: {:?}", m.fallen);
}

#[test]
fn recall_precision_and_traps_on_the_eleventh_set() {
    let m = measure(&ELEVENTH, "heldout-articles-11");
    // The first measurement (session start, `daf5206`, before this set was read or any rule was
    // changed for it): 85 of 184 (46 %), 96 of 144 (67 %), 6 traps of 81. With the rules of the
    // session that added it (written from the tenth set and the others, this one unread): 90 of
    // 184 (49 %), 101 of 142 (71 %), 6 traps. The floors are those.
    assert!(m.recalled >= 90, "recall fell to {}", m.recalled);
    assert!(
        m.precision_pct() >= 71.0,
        "precision fell to {} of {}",
        m.right,
        m.events
    );
    assert!(m.fallen.len() <= 6, "traps: {:?}", m.fallen);
}

#[test]
fn the_eleventh_set_reads_its_encodings_and_dates_every_article() {
    assert_eq!(ELEVENTH.documents.len(), 12);
    // The first measurement (session start, `daf5206`): 12 of 12 articles dated, each on its
    // publication date. The floor is that.
    let dated = ELEVENTH.documents.iter().filter(|d| d.date.is_some()).count();
    assert_eq!(dated, 12, "{dated} of 12 dated");
    let doc = |prefix: &str| {
        ELEVENTH
            .documents
            .iter()
            .find(|d| d.path.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"))
    };
    // UTF-16 BE with a BOM, KOI8-R (Russian), Windows-1251 (Ukrainian, with its own letters),
    // UTF-8 with a BOM and Windows line ends.
    let utf16 = doc("03-en-myanmar");
    assert_eq!(utf16.encoding, "UTF-16BE");
    assert!(utf16.text.contains("Security Council"));
    let koi8 = doc("08-ru-duma");
    assert_eq!(koi8.encoding, "KOI8-R");
    assert!(koi8.text.contains('ы'));
    let cp1251 = doc("11-uk-slovakia");
    assert_eq!(cp1251.encoding, "windows-1251");
    for c in ['і', 'ї', 'є'] {
        assert!(cp1251.text.contains(c), "no {c}");
    }
    let bom = doc("02-en-colombo");
    assert!(!bom.text.starts_with('\u{feff}'), "the byte-order mark is not text");
    assert!(!bom.text.contains('\r'), "Windows line ends are read as line ends");
    let date = |prefix: &str| doc(prefix).date.as_ref().map(|d| d.date.to_string());
    assert_eq!(date("08-ru-duma").as_deref(), Some("2022-03-29"));
    assert_eq!(date("11-uk-slovakia").as_deref(), Some("2025-01-03"));
}
