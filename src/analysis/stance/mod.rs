//! Stance attribution: which actor takes which position toward which target, in
//! which sentence, with which cue. Explainable rules, no model:
//!
//! * **Actor**: the speaker of a reported-speech verb ("…,” the Kazakh ministry said),
//!   else the sentence's subject (the first actor-capable name before the cue that is
//!   not the object of a preposition), else — for sentences that start with a pronoun
//!   or continue a quotation — the previous sentence's actor. An official speaks for
//!   the country their role on the document's date gives; a body ("Foreign Ministry",
//!   "delegation") for the country it belongs to. A quotation over several sentences
//!   belongs to the speaker named at its end, just after it or before it.
//! * **Cue**: a lexicon phrase; a negator up to four words before it (same clause)
//!   changes its score as the cue's negation mode says. Cues that describe somebody
//!   else's act ("Russia's invasion", "a resolution demanding…", a relative clause)
//!   are not the actor's stance and are skipped.
//! * **Target**: for sovereignty cues, the party right after ("territorial integrity
//!   of Ukraine"); else the owner of an initiative in the clause ("China's peace
//!   plan", "the plan of China and Brazil"); else the nearest name after the cue in
//!   the clause, then before it; else, in a continuation, the previous target. A
//!   sovereignty cue naming nobody goes to the country "its" stands for or whose conflict
//!   the sentence names; sanctions and fait-accompli cues naming nobody to the sanctioned
//!   or occupying country the document mentions (gazetteer `sanctions`, `occupies`).
//!   The victim of an act is not its target ("condemned the aggression against Ukraine",
//!   "attacks on Israel"); a name after "against" is the target only of an act or of a
//!   protest right before it; a tie ("allies", "partnership") is with the party joined to it
//!   ("partnership with India"), not with whoever comes next; a speaker's label for an act
//!   ("aggression", "violated the territorial integrity of …") accuses whoever commits it.
//! * **No position**: questions and reporters' turns in a transcript ("Q  …"); a generic
//!   appeal for talks ("negotiations", "dialogue", "restraint") where no armed conflict is
//!   named within three sentences before or one after (lexicon `conflict_words`); cues joined
//!   by a hyphen to the word before ("Kremlin-backed"); phrases of category `no_stance`
//!   ("trading partners"). The one urged ("urged Iran to …", "we encourage China to …") and
//!   a name after a subject pronoun ("we think Russia should …") are not the actor.

mod actors;
mod inverted;
mod joint;
mod persons;
mod targets;
mod turns;
use super::gazetteer::{GazMatch, Gazetteer, NameForm};
use super::lexicon::{ImpliedTarget, Lexicon, NegationMode, PhraseHit};
use super::text::word_set;
use super::text::{Token, normalise_space};
use crate::model::EntityKind;
use actors::{find_actor, make_actor, speech_actor, spoken_for};
use jiff::civil::Date;
use joint::{apposed_we, both_sides_words, coordinated_actors, coordinated_events, document_pair};
use std::fmt::Write as _;
use std::ops::Range;
use targets::{addressee, find_targets, held_victim_target, own_country_object};
use turns::{TurnLabels, in_answer_turn, in_reporter_turn};

// The word lists below are looked up for many tokens of every sentence.
word_set!(PRONOUNS_SET, PRONOUNS);
word_set!(FIRST_PERSON_SET, FIRST_PERSON);
word_set!(PREPOSITIONS_SET, PREPOSITIONS);
word_set!(INITIATIVE_NOUNS_SET, INITIATIVE_NOUNS);
word_set!(CONTENT_NOUNS_SET, CONTENT_NOUNS);
word_set!(AUTHORING_VERBS_SET, AUTHORING_VERBS);
word_set!(SUBORDINATORS_SET, SUBORDINATORS);
word_set!(COPULAS_SET, COPULAS);
word_set!(COMPLEMENT_VERBS_SET, COMPLEMENT_VERBS);
word_set!(LOCATIVES_SET, LOCATIVES);
word_set!(TITLE_GAP_SET, TITLE_GAP);

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "it", "i", "our", "his", "her", "their", "он", "она", "они", "мы", "ми", "вони",
];
/// Words between a negative cue and a positive one after it, at most, for the positive one to
/// be what the negative one is against ("condemned the joint military exercises").
const GOVERNED_GAP_WORDS: usize = 3;
/// Words that start another clause or phrase of their own between two cues.
const CLAUSE_JOINERS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "yet", "to", "that", "which", "и", "но", "а", "та", "але", "і", "что", "що",
];
word_set!(CLAUSE_JOINERS_SET, CLAUSE_JOINERS);
/// Lower-case words of a speaker's title, between the country and the speech verb
/// ("Russian Foreign Ministry spokeswoman Maria Zakharova said").
/// Offices and bodies whose country follows "of" ("the Government of Kazakhstan", "the
/// leaders of France and Germany").
const OFFICES: &[&str] = &[
    "government",
    "governments",
    "ministry",
    "ministries",
    "affairs",
    "president",
    "presidents",
    "minister",
    "ministers",
    "leader",
    "leaders",
    "leadership",
    "head",
    "heads",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "embassy",
    "embassies",
    "parliament",
    "parliaments",
    "delegation",
    "delegations",
    "representative",
    "representatives",
    "speaker",
    "delegate",
    "delegates",
    "ambassador",
    "ambassadors",
    "chancellor",
    "king",
    "queen",
    "emir",
    "cabinet",
    "presidency",
    "office",
    "authorities",
    "administration",
    "mission",
    "secretary",
    "chairman",
    "chair",
    "republic",
    "state",
    "states",
    // Legislatures: "the Sejm of the Republic of Poland", "the National Assembly of Armenia".
    "assembly",
    "congress",
    "senate",
    "legislature",
    "sejm",
    "seimas",
    "saeima",
    "storting",
    "knesset",
    "bundestag",
    "duma",
    "rada",
    "majlis",
    "riksdag",
    "folketing",
    "riigikogu",
    "eduskunta",
    // Texts in their authors' name: "the Joint Statement of the Government of Japan and …".
    "statement",
    "statements",
    "declaration",
];
word_set!(OFFICES_SET, OFFICES);
/// Other words of an office's name, before it ("the Deputy Prime Minister", "the heads of state
/// and government", "the Ministry of Foreign Affairs").
const OFFICE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "foreign",
    "prime",
    "deputy",
    "vice",
    "first",
    "senior",
    "defence",
    "defense",
    "interior",
    "permanent",
    "acting",
    "federal",
    "national",
];
word_set!(OFFICE_WORDS_SET, OFFICE_WORDS);
/// Whether `c` is a lower-case letter of the Russian or Ukrainian alphabet (tokens are lower case).
fn cyrillic_lower(c: char) -> bool {
    ('а'..='я').contains(&c) || matches!(c, 'ё' | 'і' | 'ї' | 'є' | 'ґ')
}

/// Words of a state's form before its name in a list, where the gazetteer does not name it with
/// them: "Кыргызской Республики и Республики Таджикистан", "Королівства Данія" (the English
/// forms, "the State of Qatar", are the gazetteer's).
const STATE_FORMS: &[&str] = &[
    "республика",
    "республики",
    "республике",
    "республику",
    "республикой",
    "республіка",
    "республіки",
    "республіці",
    "республіку",
    "республікою",
    "королевство",
    "королевства",
    "королівство",
    "королівства",
];
word_set!(STATE_FORMS_SET, STATE_FORMS);
/// People who act for the party they come "from": "Delegates from Ecuador condemned …".
const SENT_FROM: &[&str] = &[
    "delegates",
    "delegations",
    "delegation",
    "officials",
    "diplomats",
    "envoys",
    "representatives",
    "ministers",
    "lawmakers",
    "legislators",
    "negotiators",
];
const TITLE_GAP: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ministry",
    "foreign",
    "deputy",
    "prime",
    "president",
    "ambassador",
    "envoy",
    "secretary",
    "press",
    "official",
    "representative",
    "chief",
    "head",
    "of",
    "affairs",
    "defence",
    "defense",
    "special",
    "senior",
    "the",
];
/// How many words a speaker's country and title may span before the speech verb
/// ("Pakistani Prime Minister Shehbaz Sharif said").
const TITLED_SPEAKER_WORDS: usize = 7;
/// First-person objects and possessives: a speaker who says "our partner", "with us" speaks
/// of another party than the one named as subject ("наш*" is matched by its stem).
const SPEAKER_APART: &[&str] = &[
    "our", "ours", "us", "my", "me", "нам", "нас", "мне", "меня", "мой", "моя",
];
word_set!(SPEAKER_APART_SET, SPEAKER_APART);
/// First-person pronouns of [`PRONOUNS`].
const FIRST_PERSON: &[&str] = &["we", "i", "our", "мы", "ми"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "with",
    "against",
    "from",
    "by",
    "for",
    "on",
    "about",
    "in",
    "into",
    "toward",
    "towards",
    "between",
    "over",
    "at",
    "than",
    "upon",
    "within",
    "like",
    // Russian and Ukrainian: "Посол России в США заявил" (the ambassador in the United States is Russia's).
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "по",
    "из",
    "от",
    "для",
    "против",
    "о",
    "об",
    "при",
    "между",
    "через",
    "у",
    "з",
    "із",
    "зі",
    "від",
    "до",
    "проти",
    "про",
    "щодо",
    "між",
];
/// Prepositions beyond [`PREPOSITIONS`] that govern a list of names or an office ("alongside
/// Iraqi and Syrian partners", "under the leadership of Brazil").
const LIST_PREPOSITIONS: &[&str] = &["under", "during", "alongside", "among", "through", "via", "including"];
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
    "decision",
    "choice",
    // What a party said ([`SAID_NOUNS`]).
    "statements",
    "claims",
    "remarks",
    "allegations",
    "accusations",
    "позицию",
    "позиция",
    "позиции",
    "позицией",
    "решение",
    "решения",
    "решению",
    "план",
    "плана",
    "инициативу",
    "инициатива",
    "инициативы",
    "предложение",
    "предложения",
];
/// Initiative nouns for what a party said: rejected or criticised as its owner's ("rejected the
/// claims made by Minsk and Moscow"), where a positive cue near them is about something else
/// ("In response to Russia's phony claims, the United States, together with our partners, …").
const SAID_NOUNS: &[&str] = &["statements", "claims", "remarks", "allegations", "accusations"];
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
/// Verbs by which the subject makes a document its own: what "the Chamber adopted a
/// resolution condemning …" or "the ministry issued a statement urging …" says is the
/// subject's position (unlike a resolution it voted on, vetoed or abstained from).
const AUTHORING_VERBS: &[&str] = &[
    "adopted",
    "adopt",
    "adopts",
    "adopting",
    "passed",
    "passes",
    "approved",
    "approves",
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "signed",
    "signs",
    "tabled",
    "introduced",
    "introduces",
    "sponsored",
    "sponsors",
    "drafted",
    "submitted",
    "submits",
    "unveiled",
    "unveils",
    "sent",
    "sends",
    "wrote",
];
/// Words that open a subordinate clause at the start of a sentence.
const SUBORDINATORS: &[&str] = &[
    "after",
    "when",
    "while",
    "as",
    "before",
    "since",
    "because",
    "although",
    "though",
    "if",
    "once",
    "until",
    "whereas",
    "после",
    "когда",
    "хотя",
    "если",
    "пока",
];
const SOVEREIGNTY: &str = "support_sovereignty";
/// The category of a position between parties ("would not take sides", "a balanced position").
const NEUTRAL: &str = "neutral";

/// Whether a neutral cue's phrase refuses to choose a side ("not take sides", "ничью сторону"),
/// rather than name a neutral thing ("national interests", "carbon neutral").
fn takes_no_side(phrase: &str) -> bool {
    phrase.contains("sides") || phrase.contains("сторон")
}
/// The category of lexicon phrases that contain a cue but state no stance ("trading partners").
pub const NO_STANCE: &str = "no_stance";
/// Categories that describe an act (invading, sanctioning, threatening): only coded
/// when the actor's name stands right before the cue ("Russia annexed Crimea").
const ACT_CATEGORIES: &[&str] = &["coerce", "sanction", "threaten"];
/// Categories of cues that recognise, or refuse to recognise, what somebody did or made
/// ("the annexation", "the so-called republics").
const RECOGNITION_CATEGORIES: &[&str] = &["recognize", "deny_recognition", "delegitimize"];
/// Categories about the peace process: coded only toward a party named right after
/// ("talks with Russia", "dialogue between Russia and Ukraine").
const PROCESS_CATEGORIES: &[&str] = &["appeal_peace"];
/// Categories whose target is preferably a country.
const COUNTRY_FIRST_CATEGORIES: &[&str] = &["abstain", "neutral"];
const COPULAS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "remains",
    "remain",
    "becomes",
    "became",
    "stays",
    "seems",
    "be",
    "been",
    "является",
    "являются",
    "являлась",
    "являлся",
    "остаётся",
    "остается",
    "остаются",
    "был",
    "была",
    "были",
    "стал",
    "стала",
    "залишається",
    "є",
];
/// Verbs taking an object and its description: "We consider Kazakhstan a reliable partner".
const COMPLEMENT_VERBS: &[&str] = &[
    "consider",
    "considers",
    "considered",
    "regard",
    "regards",
    "regarded",
    "see",
    "sees",
    "saw",
    "view",
    "views",
    "viewed",
    "value",
    "values",
    "call",
    "calls",
    "called",
    "named",
    "считаем",
    "считает",
    "считают",
    "называет",
    "назвал",
    "назвала",
];
const LOCATIVES: &[&str] = &["in", "within", "at", "across", "throughout", "inside", "near"];
/// Phrases that refer to the actor and one other country mentioned just before.
const RELATIONAL: &[&str] = &[
    "its ally",
    "our ally",
    "its partner",
    "our partner",
    "its neighbour",
    "our neighbour",
    "its neighbor",
    "our neighbor",
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
/// Words for a pair of governments an appeal may address ("urged both neighbours", "calls on
/// both Governments", "призвал обе страны", "закликав обидві сторони"): the first word, then
/// the noun.
const PAIR_WORDS: &[&str] = &["both", "обе", "обеим", "обидві", "обидвом", "обом"];
const PAIR_NOUNS: &[&str] = &[
    "sides",
    "governments",
    "neighbours",
    "neighbors",
    "countries",
    "states",
    "parties",
    "стороны",
    "сторонам",
    "страны",
    "странам",
    "сторони",
    "країни",
    "країнам",
    "держави",
    "державам",
];
/// Words that address what follows them: a verb of appeal, or "on" after "call" (not "on both
/// sides of the Atlantic").
const ADDRESSING_WORDS: &[&str] = &[
    "urged",
    "urges",
    "urging",
    "urge",
    "asked",
    "asks",
    "on",
    "upon",
    "призвал",
    "призвала",
    "призвали",
    "призывает",
    "призывают",
    "призываем",
    "закликав",
    "закликала",
    "закликали",
    "закликає",
    "закликають",
    "закликаємо",
];

/// The tokens of a pair ([`PAIR_WORDS`], [`PAIR_NOUNS`]) that an appeal addresses right after
/// one of [`ADDRESSING_WORDS`] in `toks`, if any.
fn addressed_pair(toks: &[Token]) -> Option<Range<usize>> {
    (1..toks.len().saturating_sub(1)).find_map(|i| {
        let on = matches!(toks[i - 1].text, "on" | "upon");
        (ADDRESSING_WORDS.contains(&toks[i - 1].text)
            && (!on || i > 1 && toks[i - 2].text.starts_with("call"))
            && PAIR_WORDS.contains(&toks[i].text)
            && PAIR_NOUNS.contains(&toks[i + 1].text))
        .then_some(i..i + 2)
    })
}

/// How many tokens after a cue a target may stand.
const TARGET_WINDOW: usize = 5;
/// Words (adjectives) that may stand between an owner and its sanctions ("the EU's illegal
/// unilateral sanctions").
const OWNER_GAP_WORDS: usize = 2;
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

/// A stance found in one document, with gazetteer entry indices. Compact like
/// [`crate::model::StanceEvent`]: every document's are held until the merge.
#[derive(Debug, Clone, PartialEq)]
pub struct RawStance {
    /// Actor entry.
    pub actor: usize,
    /// Target entry.
    pub target: usize,
    /// Speaker name and, for a person, the entity (a gazetteer entry until the merge numbers
    /// the entities).
    pub speaker: Option<Box<crate::model::Speaker>>,
    /// Score after negation.
    pub score: f32,
    /// Sentence index.
    pub sentence: usize,
    /// Cue byte range (the cue as written is the text there).
    pub cue_range: Range<usize>,
    /// Category (the lexicon's shared string).
    pub category: crate::model::SharedStr,
    /// Negated?
    pub negated: bool,
    /// How it was found.
    pub explanation: crate::model::SharedStr,
    /// Date of the reported event (filled in after dating).
    pub event_date: Option<Box<crate::model::EventDate>>,
}

/// Everything stance finding needs about one document.
pub struct StanceInput<'a> {
    /// Document text.
    pub text: &'a str,
    /// Sentence ranges.
    pub sentences: &'a [Range<usize>],
    /// Folded tokens with ranges in `text`.
    pub tokens: &'a [Token<'a>],
    /// Gazetteer matches in `text`, in order.
    pub mentions: &'a [GazMatch],
    /// Start of trailing boilerplate (no stance there).
    pub boilerplate_start: Option<usize>,
    /// Publication date, for roles.
    pub doc_date: Option<Date>,
    /// [`quoted_ranges`] of `text` (framing marks use them too).
    pub quotes: &'a [Range<usize>],
    /// The lexicon's cue hits over all of `tokens` (framing marks use them too).
    pub cue_hits: &'a [PhraseHit],
}

#[derive(Debug, Clone)]
struct Actor {
    entry: usize,
    /// For an actor found as the sentence subject: its first token (cues before it are not its own).
    subject_at: Option<usize>,
    speaker: Option<(String, Option<usize>)>,
    /// How the actor was found in the sentence that named it.
    how: String,
    /// Carried over from earlier sentences ("we", "it also said"): how in the latest, and
    /// over how many sentences. The explanation names the latest way, not every step.
    carried: Option<Carried>,
    /// Found as the speaker of a reported-speech verb in its own sentence.
    by_speech: bool,
    /// A speaker (of reported speech or a quotation), a person or a body: someone a later "we"
    /// can stand for. A country found as a sentence's subject ("Russia's war …") is not.
    speaks: bool,
    /// Continued from the previous sentence by "we", "I" or "our"; or, not carried, the "we"
    /// a document names in apposition ("We, the Leaders of the G7, …": see [`apposed_we`]).
    first_person: bool,
    /// Other governments named with it as one subject ("France and Germany condemned …",
    /// "the prime ministers of Norway, Ireland and Spain"): each takes the same positions
    /// (see [`coordinated_actors`]).
    co: Vec<usize>,
    /// Named after its verb ("Рішення Дамаска привітала Москва"): the cue's object may be
    /// named before the verb (see [`inverted`]).
    verb_first: bool,
}

/// How an [`Actor`] was carried into this sentence (see [`Actor::carry`]).
#[derive(Debug, Clone)]
struct Carried {
    /// The way it was carried into this sentence ("pronoun “we” continues the previous sentence").
    how: String,
    /// Sentences it has been carried over, this one included.
    sentences: u32,
}

impl Actor {
    /// An actor that speaks, found in its own sentence (not carried, no subject position, no
    /// partners): a body, a person or a speaker of no known country.
    fn speaking(entry: usize, speaker: Option<(String, Option<usize>)>, how: String, by_speech: bool) -> Actor {
        Actor {
            entry,
            subject_at: None,
            speaker,
            how,
            carried: None,
            by_speech,
            speaks: true,
            first_person: false,
            co: Vec::new(),
            verb_first: false,
        }
    }

    /// This actor, carried into the next sentence in the way `how` says.
    fn carry(&self, how: String) -> Actor {
        let sentences = self.carried.as_ref().map_or(0, |c| c.sentences) + 1;
        Actor {
            subject_at: None,
            carried: Some(Carried { how, sentences }),
            verb_first: false,
            ..self.clone()
        }
    }

    /// Writes how the actor was found: the sentence that named it and, when carried since,
    /// the latest way it was carried and over how many sentences.
    fn write_how(&self, out: &mut String) {
        out.push_str(&self.how);
        if let Some(c) = &self.carried {
            out.push_str(" (");
            out.push_str(&c.how);
            if c.sentences > 1 {
                write!(out, "; carried over {} sentences", c.sentences).expect("writing to a String does not fail");
            }
            out.push(')');
        }
    }
}

/// A mention placed on the sentence's tokens.
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    m: &'a GazMatch,
    first: usize,
    last: usize,
}

/// The tokens and placed mentions of one sentence.
fn sentence_view<'a>(input: &StanceInput<'a>, sr: &Range<usize>) -> (&'a [Token<'a>], Vec<Placed<'a>>) {
    sentence_view_at(input, sr, token_range(input, sr))
}

/// [`sentence_view`], given the sentence's [`token_range`] `toks_at`.
fn sentence_view_at<'a>(
    input: &StanceInput<'a>,
    sr: &Range<usize>,
    toks_at: Range<usize>,
) -> (&'a [Token<'a>], Vec<Placed<'a>>) {
    let toks = &input.tokens[toks_at];
    let m0 = input.mentions.partition_point(|m| m.range.start < sr.start);
    let m1 = input.mentions.partition_point(|m| m.range.start < sr.end);
    let placed = input.mentions[m0..m1]
        .iter()
        .filter_map(|m| {
            // Tokens are in order and disjoint: their starts and ends both increase.
            let first = toks.partition_point(|t| t.range.end <= m.range.start);
            let last = toks.partition_point(|t| t.range.start < m.range.end).checked_sub(1)?;
            if first == toks.len() {
                return None;
            }
            Some(Placed {
                m,
                first,
                last: last.max(first),
            })
        })
        .collect();
    (toks, placed)
}

/// The tokens of sentence `si` (empty when there is none).
fn sentence_tokens<'a>(input: &StanceInput<'a>, si: usize) -> &'a [Token<'a>] {
    input.sentences.get(si).map_or(&[], |sr| tokens_in(input, sr))
}

/// The tokens that start inside `sr`.
fn tokens_in<'a>(input: &StanceInput<'a>, sr: &Range<usize>) -> &'a [Token<'a>] {
    &input.tokens[token_range(input, sr)]
}

/// The indices of the tokens that start inside `sr`.
fn token_range(input: &StanceInput<'_>, sr: &Range<usize>) -> Range<usize> {
    let t0 = input.tokens.partition_point(|t| t.range.start < sr.start);
    let t1 = input.tokens.partition_point(|t| t.range.start < sr.end);
    t0..t1
}

/// Sentences before and after an appeal in which a named conflict makes it one for peace.
const CONFLICT_CONTEXT_BEFORE: usize = 3;
const CONFLICT_CONTEXT_AFTER: usize = 1;

/// Whether sentence `si` or one near it (three before, one after) names an armed conflict
/// (the lexicon's `conflict_words`): where a generic appeal ("negotiations", "restraint") is
/// one for peace.
fn conflict_named_near(input: &StanceInput<'_>, lex: &Lexicon, si: usize, known: &mut Vec<Option<bool>>) -> bool {
    // Each sentence is searched once per document, however many appeals look at it.
    if known.is_empty() {
        known.resize(input.sentences.len(), None);
    }
    let last = (si + CONFLICT_CONTEXT_AFTER).min(input.sentences.len() - 1);
    (si.saturating_sub(CONFLICT_CONTEXT_BEFORE)..=last)
        .any(|k| *known[k].get_or_insert_with(|| !lex.conflict_words.find(sentence_tokens(input, k)).is_empty()))
}

/// Text that makes [`find_stances`] panic in the library's unit tests.
#[cfg(test)]
pub(crate) const FAIL_FOR_TEST: &str = "<<stance rules fail here>>";

/// Finds stance events in one document.
pub fn find_stances(input: &StanceInput<'_>, gaz: &Gazetteer, lex: &Lexicon) -> Vec<RawStance> {
    // Fault injection for the test that a failing rule costs one document's events only.
    #[cfg(test)]
    if input.text.contains(FAIL_FOR_TEST) {
        panic!("a rule failed (injected by a test)");
    }
    // "the Minsk agreements", "the UN Charter": names of instruments take no part.
    let kept: Vec<GazMatch>;
    let narrowed;
    let instrument = |m: &GazMatch| super::instruments::names_instrument(input.text, input.tokens, gaz, m);
    // Each mention is asked once: those before the first instrument are kept as they are.
    let input = if let Some(first) = input.mentions.iter().position(instrument) {
        kept = input.mentions[..first]
            .iter()
            .chain(input.mentions[first + 1..].iter().filter(|m| !instrument(m)))
            .cloned()
            .collect();
        narrowed = StanceInput {
            mentions: &kept,
            ..*input
        };
        &narrowed
    } else {
        input
    };
    let quotes = input.quotes;
    // Quotations are sorted and disjoint: binary search.
    let in_quote = |off: usize| {
        let i = quotes.partition_point(|q| q.end <= off);
        quotes.get(i).is_some_and(|q| q.start <= off)
    };
    // Whole quotations (a quotation may run over several sentences and paragraphs), and
    // the speaker found for each, once asked.
    let quotations = quotations(input.text, quotes);
    let mut quotation_speakers: Vec<Option<Option<Actor>>> = vec![None; quotations.len()];
    let implied = ImpliedParties::new(input, gaz);
    let mut out = Vec::new();
    let mut prev_actor: Option<Actor> = None;
    // The body a text names alone before its numbered paragraphs ("The Sejm of …:").
    let mut lead_actor: Option<Actor> = None;
    // The last actor of the document, for a body named without its country ("the ministry said").
    let mut doc_actor: Option<Actor> = None;
    let mut prev_target: Option<usize> = None;
    // Who acted in the sentence before: its actor, else the first government named near its
    // start ("Lithuania allowed Taiwan to open an office. China condemned the move.").
    let mut prev_author: Option<usize> = None;
    // The country whose conflict the previous sentence named ("the Ukrainian crisis").
    let mut prev_locus = LazyLocus::Known(None);
    // The partner "our countries" last stood for, and in which sentence.
    let mut relational_partner: Option<(usize, usize)> = None;
    // Countries and bodies found speaking in the document so far, with how often.
    let mut speakers: Vec<(usize, u32)> = Vec::new();
    // The first actor the document names in a sentence of its own (not carried over): its
    // voice while it quotes nobody ("The United States welcomes … We will …").
    let mut first_actor: Option<usize> = None;
    // The first country the document names so: the one interviewed or briefing, for the "we" of
    // an answer (a briefing may name an organisation first: "China and ASEAN announced …").
    let mut first_country: Option<usize> = None;
    // The "we" the document names in apposition ("We, the Leaders of the G7, …"), once it does.
    let mut we_actor: Option<Actor> = None;
    // The countries of speakers named in labels ("Volkova:"), once looked up.
    let mut answering: Vec<(String, Option<usize>)> = Vec::new();
    // The speakers' labels of a transcript, read once a sentence needs them.
    let turn_labels_cell = std::cell::OnceCell::new();
    let turn_labels = || turn_labels_cell.get_or_init(|| TurnLabels::scan(input.text));
    // The answer of the last turn asked, by where the turn starts.
    let mut last_answer: Option<(usize, Option<(usize, String)>)> = None;
    // The last governments named as one subject, for "the Sides", "both countries", "the leaders".
    let mut group: Option<Actor> = None;
    // The two countries the document is between, once "the Sides" asks (see [`document_pair`]).
    let pair = std::cell::OnceCell::new();
    // Whether each sentence names an armed conflict, found when an appeal first asks.
    let mut conflict_known: Vec<Option<bool>> = Vec::new();
    // Countries mentioned in the last sentences, oldest first (for "our countries").
    let mut recent_countries: Vec<usize> = Vec::new();
    // People the document placed by a title ("Ambassador Dorothy Merrick"), by surname.
    let mut persons = persons::NamedPersons::default();
    // Each event's explanation is written here (equal ones are shared when the document's
    // analysis ends).
    let mut explanation = String::new();
    for (si, sr) in input.sentences.iter().enumerate() {
        if input.boilerplate_start.is_some_and(|b| sr.start >= b) {
            break;
        }
        let toks_at = token_range(input, sr);
        let (toks, placed) = sentence_view_at(input, sr, toks_at.clone());
        if toks.is_empty() {
            continue;
        }
        // A question asks for a position; it takes none ("Q Will the President support …?").
        if is_question(input.text, sr) {
            prev_target = None;
            prev_author = None;
            continue;
        }
        let actor_for_recent = prev_actor.as_ref().map(|a| a.entry);
        let recent_country = recent_countries
            .iter()
            .rev()
            .copied()
            .find(|c| Some(*c) != actor_for_recent);
        let mut cues = lex.cue_matcher.find_in(input.tokens, input.cue_hits, toks_at);
        // "trading partners": phrases listed only so that the cue inside them does not fire.
        cues.retain(|h| lex.cues[h.phrase].category != NO_STANCE);
        // "summoned the Hungarian ambassador", not "summoned the courage".
        cues.retain(|h| lex.cues[h.phrase].needs_met(toks[h.end..].iter().map(|t| t.text)));
        // "condemned the joint military exercises of …", "concern over the cooperation between
        // …": a positive cue right after a negative one is what that one is against.
        // Each hit is compared with the one before it as found (retain visits them in order).
        // A positive cue joined by "and" to one governed is governed too ("suspended its treaty
        // of friendship and cooperation with Spain").
        let mut before: Option<PhraseHit> = None;
        let mut governed_before: Option<PhraseHit> = None;
        cues.retain(|h| {
            let g = before.replace(*h);
            let joined = governed_before.take().is_some_and(|p| {
                lex.cues[h.phrase].score > 0.0
                    && p.end + 1 == h.start
                    && matches!(toks[p.end].text, "and" | "or" | "и" | "і" | "та")
                    && !input.text[toks[p.end - 1].range.end..toks[h.start].range.start].contains(',')
            });
            // Not sanctions talk, whose score already reads it as opposed ("opposes the
            // unilateral sanctions against Russia").
            let governed = g.is_some_and(|g| {
                lex.cues[h.phrase].score > 0.0
                    && lex.cues[h.phrase].implied_target.is_none()
                    && lex.cues[g.phrase].score < 0.0
                    // "urged Japan to support …": the appeal is to Japan, the support its content.
                    && !lex.cues[g.phrase].addressee
                    && g.end <= h.start
                    && (h.start - g.end <= GOVERNED_GAP_WORDS || lex.cues[g.phrase].governs_clause)
                    && !toks[g.end..h.start].iter().any(|t| CLAUSE_JOINERS_SET.contains(t.text))
                    && !input.text[toks[g.end - 1].range.end..toks[h.start].range.start]
                        .contains([',', ';', ':', '.', '—', '–', '(', '«', '"', '“'])
            }) || joined;
            if governed {
                governed_before = Some(*h);
            }
            !governed
        });
        let continuation = starts_as_continuation(input.text, sr, toks);
        let own_actor = find_actor(
            input,
            gaz,
            lex,
            toks,
            &placed,
            &cues,
            &in_quote,
            continuation,
            prev_actor.as_ref(),
            doc_actor.as_ref(),
            lead_actor.as_ref(),
        );
        let first_cue_at = cues.first().map_or(toks.len(), |c| c.start);
        // "Ms. Merrick also accused Iran …": a person the document placed before. Also
        // instead of an actor found in other ways when the person is the first name in the
        // sentence, before its first cue ("Руденский обвинил Финляндию …", where Finland would
        // otherwise be taken as the subject).
        let person = (!persons.is_empty() && own_actor.as_ref().is_none_or(|a| !a.by_speech))
            .then(|| {
                let speech: Vec<usize> = lex.speech_verbs.find(toks).iter().map(|v| v.start).collect();
                persons
                    .find(input.text, toks, &placed, &in_quote, first_cue_at, &speech)
                    .map(|(entry, name, at)| (entry, name, at, !speech.is_empty()))
            })
            .flatten();
        let person_first = person.as_ref().is_some_and(|&(entry, _, at, _)| {
            at < first_cue_at
                && own_actor.as_ref().is_some_and(|a| a.entry != entry)
                && !placed
                    .iter()
                    .any(|p| p.first < at && actor_entry(gaz, p.m.entry, input.doc_date).is_some())
        });
        let own_actor = if person_first { None } else { own_actor };
        let own_actor = own_actor.or_else(|| {
            let (entry, name, _, by_speech) = person?;
            Some(Actor::speaking(
                entry,
                Some((name.to_string(), None)),
                [name, ", named before as acting for ", &gaz.entries[entry].name].concat(),
                by_speech,
            ))
        });
        if let Some(a) = own_actor.as_ref().filter(|a| a.carried.is_none()) {
            persons.learn(input, gaz, lex, toks, &placed, &in_quote, first_cue_at, a.entry);
        }
        // A quotation running over several sentences: its speaker may be named only in
        // its last sentence, the one after, or before it ("Tokayev said: “…").
        let quoted_speaker = spanning_quotation(&quotations, sr).and_then(|qi| {
            if quotation_speakers[qi].is_none() {
                quotation_speakers[qi] = Some(quotation_speaker(
                    input,
                    gaz,
                    lex,
                    &quotations[qi],
                    &in_quote,
                    prev_actor.as_ref(),
                    doc_actor.as_ref(),
                ));
            }
            quotation_speakers[qi].clone().flatten()
        });
        let first_cue_quoted = cues.first().is_some_and(|c| in_quote(toks[c.start].range.start));
        let actor = match (own_actor, quoted_speaker) {
            (Some(own), _) if own.by_speech => Some(own),
            (own, Some(q)) if first_cue_quoted || own.is_none() => Some(q),
            (own, _) => own,
        };
        // Once a document has named its "we" ("We, the Leaders of the G7, …"), an unquoted
        // "we" carried from another actor ("… by Russia. We will never recognise …") is its own.
        let first_person_quoted = toks
            .iter()
            .find(|t| FIRST_PERSON_SET.contains(t.text))
            .is_some_and(|t| in_quote(t.range.start));
        // So is one that opens a sentence after a sentence without an actor.
        let opens_with_we = toks.first().is_some_and(|t| FIRST_PERSON_SET.contains(t.text)) && !first_person_quoted;
        let actor = match (actor, &we_actor) {
            (Some(a), Some(we))
                if a.first_person && a.carried.is_some() && a.entry != we.entry && !first_person_quoted =>
            {
                Some(we.carry("pronoun “we”: the document's own, named in apposition".to_string()))
            }
            (None, Some(we)) if opens_with_we => {
                Some(we.carry("pronoun “we”: the document's own, named in apposition".to_string()))
            }
            (a, _) => a,
        };
        if let Some(a) = actor.as_ref().filter(|a| a.first_person && a.carried.is_none()) {
            we_actor = Some(a.clone());
        }
        // "The Sides condemned …", "Both countries …", "The leaders …": the governments last
        // named as one subject ("the Government of Japan and the Government of the Philippines").
        let both_sides = group
            .as_ref()
            .filter(|_| !in_quote(toks[0].range.start))
            .and_then(|g| Some((g, both_sides_words(input.text, toks, g.co.len() + 1)?)));
        let actor = match both_sides {
            Some((g, words)) => Some(g.carry(["“", &words, "”: the governments named together before"].concat())),
            // With no governments named together yet, the two the document is between.
            None if group.is_none() && !in_quote(toks[0].range.start) => {
                match both_sides_words(input.text, toks, 2)
                    .and_then(|words| Some((words, (*pair.get_or_init(|| document_pair(input, gaz)))?)))
                {
                    Some((words, (a, b))) => Some(Actor {
                        co: vec![b],
                        ..Actor::speaking(
                            a,
                            None,
                            ["“", &words, "”: the two countries the document names first and most"].concat(),
                            false,
                        )
                    }),
                    None => actor,
                }
            }
            None => actor,
        };
        if let Some(a) = actor.as_ref().filter(|a| !a.co.is_empty() && a.carried.is_none()) {
            group = Some(a.clone());
        }
        // "Answer: We respect …", "**Is that fair?** — No. We do not …": in an answer, a "we"
        // before the first cue is the country of the one answering.
        // (Only where a cue may make an event: the next "we" is asked again.)
        let first_cue = cues.first().map_or(0, |c| c.start);
        let we_subject = toks[..first_cue]
            .iter()
            .find(|t| FIRST_PERSON_SET.contains(t.text))
            .is_some_and(|t| !in_quote(t.range.start));
        let actor = match actor {
            a if we_subject && a.as_ref().is_none_or(|a| a.first_person && a.carried.is_some()) => {
                match in_answer_turn(
                    input,
                    gaz,
                    sr.start,
                    first_country,
                    &mut answering,
                    &mut last_answer,
                    turn_labels(),
                ) {
                    Some((entry, who)) if a.as_ref().is_none_or(|a| a.entry != entry) => Some(Actor {
                        entry,
                        subject_at: None,
                        speaker: None,
                        how: [&who, ", ", &gaz.entries[entry].name].concat(),
                        carried: Some(Carried {
                            how: "pronoun “we” in an answer".to_string(),
                            sentences: 1,
                        }),
                        by_speech: false,
                        speaks: true,
                        first_person: true,
                        co: Vec::new(),
                        verb_first: false,
                    }),
                    _ => a,
                }
            }
            a => a,
        };
        // "Russia's war against Ukraine is … We continue to support Ukraine": a "we" after a
        // country named as a subject is the document's own voice, not that country, unless the
        // document's voice is that country: its most frequent speaker so far or, while it
        // quotes nobody, the first actor it named.
        let voice = speakers.iter().max_by_key(|(_, n)| *n).map(|(v, _)| *v).or(first_actor);
        let actor = actor.filter(|a| !(a.first_person && !a.speaks && voice.is_some_and(|v| v != a.entry)));
        // A reporter's question in a transcript ("Q: Philippine Foreign Secretary … said …")
        // quotes others: they are not the voice of the document (asked once per sentence with
        // an actor, only while it matters).
        let mut reporter = None;
        let mut in_reporters_turn =
            || *reporter.get_or_insert_with(|| in_reporter_turn(input.text, sr.start, turn_labels()));
        if (first_actor.is_none() || first_country.is_none())
            && let Some(a) = actor.as_ref().filter(|a| a.carried.is_none())
            && !in_reporters_turn()
        {
            first_actor.get_or_insert(a.entry);
            if first_country.is_none() && gaz.kind(a.entry) == EntityKind::Country {
                first_country = Some(a.entry);
            }
        }
        // The conflict this sentence is about, if it names one ("the Ukrainian crisis", "war in Ukraine").
        // Computed when a cue needs it (most sentences have none): see [`LazyLocus`].
        let mut locus = LazyLocus::Sentence(si);
        let mut sentence_target = None;
        let first_new = out.len();
        // "agreed to", "signed" count only for governments named as one subject: for anyone
        // else they are no cue at all.
        if actor.as_ref().is_none_or(|a| a.co.is_empty()) {
            cues.retain(|h| !lex.cues[h.phrase].joint);
        }
        // "Bishkek and Dushanbe accused each other": the governments named as one subject act
        // toward one another (looked for once, where a cue may give an event).
        let reciprocal = if actor.is_some() && !cues.is_empty() {
            reciprocal_at(toks).filter(|&i| !in_quote(toks[i].range.start))
        } else {
            None
        };
        if let Some(actor) = &actor
            && !cues.is_empty()
            && !in_reporters_turn()
        {
            let clause = clause_ids(input.text, toks);
            let [relational_words, dyadic] = sentence_phrases(toks);
            // "urged both neighbours to …", "calls on both Governments", "закликав обидві
            // сторони": an appeal addressed to the pair is one to the two just mentioned.
            let addressed_pair = addressed_pair(toks);
            // "called on all three countries to show restraint": the three just mentioned (not
            // "our three countries", the actor's own group).
            let three_parties = toks.windows(3).any(|w| {
                !matches!(w[0].text, "our" | "their" | "наших" | "наши" | "наші")
                    && matches!(w[1].text, "three" | "три" | "трёх" | "трех" | "трьох")
                    && matches!(
                        w[2].text,
                        "countries"
                            | "parties"
                            | "sides"
                            | "states"
                            | "governments"
                            | "страны"
                            | "сторон"
                            | "сторони"
                            | "країни"
                            | "країн"
                    )
            });
            let relational = relational_words.is_some();
            let actor_mention_end = placed
                .iter()
                .filter(|p| actor_entry(gaz, p.m.entry, input.doc_date) == Some(actor.entry))
                .map(|p| p.last)
                .next();
            // "opposes the unilateral sanctions against Russia", "rejects the language of sanctions": a
            // rejecting verb whose object is a sanctions cue is a position on the sanctions, not a
            // rejection of whoever is named.
            let mut rejected_act = vec![false; cues.len()];
            let mut rejecting_verb = vec![false; cues.len()];
            for (ci, w) in cues.windows(2).enumerate() {
                let (a, b) = (&lex.cues[w[0].phrase], &lex.cues[w[1].phrase]);
                // "Russia's sanctions", "American sanctions", "US sanctions": sanctions of the
                // name before them, unless it is a country under sanctions ("Iran sanctions").
                // "the EU's illegal unilateral sanctions": adjectives may come between.
                let owned = placed.iter().any(|p| {
                    let adjoining = p.last + 1 == w[1].start;
                    let before = p.last < w[1].start
                        && w[1].start - p.last <= OWNER_GAP_WORDS + 1
                        && !placed.iter().any(|q| q.first > p.last && q.first < w[1].start)
                        && toks[p.last + 1..w[1].start]
                            .iter()
                            .all(|t| t.text.chars().all(char::is_alphabetic));
                    (p.m.possessive || p.m.form == NameForm::Demonym) && before
                        || adjoining
                            && b.implied_target == Some(ImpliedTarget::Sanctioned)
                            && !gaz.sanctioned_on(p.m.entry, input.doc_date)
                });
                if matches!(a.category.as_str(), "reject" | "criticize")
                    && b.implied_target == Some(ImpliedTarget::Sanctioned)
                    && w[1].start - w[0].end <= 3
                    && clause[w[0].start] == clause[w[1].start]
                    && !owned
                {
                    rejecting_verb[ci] = true;
                    rejected_act[ci + 1] = b.score < 0.0;
                }
            }
            // Whether this sentence or the one before names a war, once an appeal needs to know.
            let mut conflict_near: Option<bool> = None;
            for (ci, hit) in cues.iter().enumerate() {
                let cue = &lex.cues[hit.phrase];
                // "agreed to", "signed" (left only where governments are named as one subject):
                // in the active voice ("the Act was signed into law" is no agreement).
                if cue.joint && hit.start > 0 && PASSIVE_AUXILIARIES.contains(&toks[hit.start - 1].text) {
                    continue;
                }
                // Only an appeal or a refusal to take sides is toward each of three parties, and
                // only where three were just mentioned.
                let three = three_parties
                    && (cue.category == NEUTRAL || PROCESS_CATEGORIES.contains(&cue.category.as_str()))
                    && recent_countries.iter().filter(|c| **c != actor.entry).count() >= 3;
                if rejecting_verb[ci] {
                    continue;
                }
                // "… the position of South Korea, which summoned the Russian ambassador": a cue in a
                // relative clause is the act of the country it follows (not in the actor's own
                // quoted words, where it is still theirs).
                let relative = (!(actor.by_speech && in_quote(toks[hit.start].range.start)))
                    .then(|| {
                        relative_antecedent(input.text, gaz, input.doc_date, toks, &placed, hit.start, actor.entry)
                    })
                    .flatten();
                // "Poland condemned the attack, while Hungary praised Russia": a later clause whose
                // subject, a country named right before the cue, acts in it.
                let relative = relative.or_else(|| {
                    let p = clause_other_subject(
                        input.text,
                        gaz,
                        input.doc_date,
                        toks,
                        &placed,
                        &clause,
                        &in_quote,
                        &cues,
                        hit.start,
                        actor,
                    )?;
                    // Also "…, while Mexico said it was breaking off relations": its speech verb
                    // and pronoun between.
                    let says_it = || {
                        toks.get(p.last + 2)
                            .is_some_and(|t| matches!(t.text, "it" | "they" | "he" | "she"))
                            && !lex.speech_verbs.find(&toks[p.last + 1..p.last + 2]).is_empty()
                    };
                    let near = hit.start - p.last <= CLAUSE_SUBJECT_GAP_WORDS
                        || hit.start - p.last <= CLAUSE_SUBJECT_GAP_WORDS + 2 && says_it();
                    (!p.m.possessive && p.m.form != NameForm::Demonym && near)
                        .then(|| Some((actor_entry(gaz, p.m.entry, input.doc_date)?, p.first)))
                        .flatten()
                });
                let outer_actor = actor;
                // "Pakistan was criticised by Iran": the agent after "by" acts on the subject;
                // "Pakistan was also criticised" names no actor at all.
                let passive = (actor.subject_at.is_some_and(|s| s < hit.start) && actor.carried.is_none())
                    .then(|| passive_voice(gaz, input.doc_date, toks, &placed, hit, &cue.category))
                    .flatten();
                let relative = match passive {
                    Some(Passive::NoAgent) => continue,
                    Some(Passive::Agent(entry, at)) => Some((entry, at)),
                    None => relative,
                };
                let relative_actor;
                let (actor, actor_mention_end) = match relative {
                    Some((entry, at)) => {
                        let how = if passive.is_some() {
                            [
                                &gaz.entries[entry].name,
                                ", the agent after “by” of the passive “",
                                toks[hit.start].text,
                                "”",
                            ]
                            .concat()
                        } else if RELATIVE_SUBJECTS_SET.contains(toks[at].text) {
                            [
                                &gaz.entries[entry].name,
                                ", the subject of the relative clause “",
                                toks[at].text,
                                " …”",
                            ]
                            .concat()
                        } else {
                            [
                                &gaz.entries[entry].name,
                                ", the subject of a later clause of the sentence",
                            ]
                            .concat()
                        };
                        relative_actor = Actor {
                            entry,
                            // The passive's agent follows its cue.
                            subject_at: passive.is_none().then_some(at),
                            speaker: None,
                            how,
                            carried: None,
                            by_speech: false,
                            speaks: false,
                            first_person: false,
                            co: Vec::new(),
                            verb_first: false,
                        };
                        (&relative_actor, Some(at))
                    }
                    None => (actor, actor_mention_end),
                };

                let cue_range = toks[hit.start].range.start..toks[hit.end - 1].range.end;
                // "If Russia invades Ukraine again, …": a condition states no act or position.
                // "\"Will Brazil back sanctions …?\" a reporter asked": nor does a quoted question.
                if in_condition(input.text, toks, hit.start) || in_quoted_question(input.text, quotes, cue_range.start)
                {
                    continue;
                }
                // "Kremlin-backed forces", "Russian-backed separatists": a cue joined by a hyphen to
                // the word before is part of an adjective describing somebody else.
                if input.text[..cue_range.start].ends_with('-')
                    && input.text[..cue_range.start - 1].ends_with(|c: char| c.is_alphanumeric() || c == '.')
                {
                    continue;
                }
                // A cue before the subject is not the subject's.
                if actor.subject_at.is_some_and(|at| hit.start < at) {
                    continue;
                }
                // Somebody else's act: "Russia's invasion", "Russian hegemony" (but "Ukraine's
                // sovereignty" names whose sovereignty it is).
                // A speaker's label for an act accuses its owner ("Russian aggression", said X).
                if hit.start > 0
                    && cue.category != SOVEREIGNTY
                    && !(actor.by_speech && labels_an_act(&cue.category, toks[hit.start].text))
                    && let Some(owner) = placed
                        .iter()
                        .find(|p| p.last + 1 == hit.start && (p.m.possessive || p.m.form == NameForm::Demonym))
                    && actor_entry(gaz, owner.m.entry, input.doc_date) != Some(actor.entry)
                {
                    continue;
                }
                // Somebody else's decision: "Russia's decision to recognize", "Putin's action to
                // purportedly recognize", "China's move to impose sanctions".
                if let Some(noun) = decision_before(toks, hit.start)
                    && let Some(owner) = placed
                        .iter()
                        .find(|p| p.last + 1 == noun && (p.m.possessive || p.m.form == NameForm::Demonym))
                    && actor_entry(gaz, owner.m.entry, input.doc_date) != Some(actor.entry)
                {
                    continue;
                }
                // "denied reports that Dushanbe had recalled its ambassador": what is denied did
                // not happen.
                if denied_content(toks, &clause, hit.start) {
                    continue;
                }
                // The content of a document, not the actor's act: "a resolution demanding that …";
                // unless the actor wrote it ("the Chamber adopted a resolution condemning …").
                if content_clause_start(toks, &clause).is_some_and(|k| {
                    hit.start >= k && clause[k] == clause[hit.start] && !authored_by_subject(toks, k, actor.subject_at)
                }) {
                    continue;
                }
                // Acts are the actor's only when the actor's name is right before them, or
                // when they are aimed at someone ("sanctions against Russia").
                // (A cue that needs a word after it ends there: "severing its own diplomatic ties".)
                let act_end = if cue.needs_after.is_empty() {
                    hit.end
                } else {
                    hit.end + cue.needed_word(toks[hit.end..].iter().map(|t| t.text)).unwrap_or(0)
                };
                // "declared the Russian ambassador persona non grata": aimed at the envoy's country,
                // named before the cue.
                let envoy = NON_GRATA
                    .iter()
                    .any(|w| cue.phrase.contains(w))
                    .then(|| envoy_before(gaz, input.doc_date, &placed, hit.start, actor.entry))
                    .flatten();
                let aimed = toks.get(act_end).is_some_and(|t| matches!(t.text, "against" | "on"))
                    && placed.iter().any(|p| p.first > act_end && p.first <= act_end + 3)
                    || envoy.is_some();
                // A refused act is a position on it ("refuse the language of sanctions").
                let negated = is_negated(lex, input.text, toks, hit.start) || rejected_act[ci];
                // "Ukraine is not invading Russia": the act did not happen.
                if negated && cue.negation == NegationMode::Drop {
                    continue;
                }
                let refused = negated && cue.negation != NegationMode::Ignore;
                // "Israel reacted within hours. It recalled its ambassadors from Oslo": the pronoun
                // that carries the actor opens the sentence right before its act, aimed at a
                // party named right after it.
                // So does one right after "that" in what the actor said ("Nicaragua announced that
                // it was severing its ties with Ecuador").
                // Also right after the speech verb with no "that" ("Mauritania announced it was
                // cutting ties with Qatar"), and after a leading phrase and its comma ("On
                // Wednesday, it summoned …").
                let subject = actor.by_speech || actor.subject_at.is_some();
                let after_lead = |k: usize| {
                    k > 0
                        && input.text[toks[k - 1].range.end..toks[k].range.start].contains(',')
                        && !placed.iter().any(|p| p.first < k)
                        && !cues.iter().any(|c| c.start < k)
                };
                // "announced that his country was breaking off …": "its", "his", "their" and the
                // country or government stand for the actor as "it" does.
                let own_country = |k: usize| {
                    matches!(toks[k].text, "its" | "his" | "her" | "their" | "our")
                        && toks
                            .get(k + 1)
                            .is_some_and(|t| matches!(t.text, "country" | "government" | "nation"))
                };
                let pronoun_before = (actor.carried.is_some() || subject)
                    && (hit.start.saturating_sub(3)..hit.start).any(|k| {
                        (matches!(toks[k].text, "it" | "they" | "he" | "she" | "we") || own_country(k))
                            && (actor.carried.is_some()
                                && (k == 0 || matches!(toks[k - 1].text, "and" | "but" | "then") || after_lead(k))
                                || subject
                                    && k > 0
                                    && (toks[k - 1].text == "that"
                                        || !lex.speech_verbs.find(&toks[k - 1..k]).is_empty()))
                            && !cues.iter().any(|c| c.start > k && c.end <= hit.start)
                    })
                    && placed.iter().any(|p| p.first >= act_end && p.first - act_end <= 3);
                if ACT_CATEGORIES.contains(&cue.category.as_str())
                    && !aimed
                    && !refused
                    && !pronoun_before
                    && passive.is_none()
                    && !placed.iter().any(|p| {
                        p.last < hit.start
                            && (hit.start - p.last <= 3
                                // "Algeria has decided to sever …", "Литва решила выслать …".
                                || hit.start - p.last <= ACT_LEAD_WORDS
                                    && toks[p.last + 1..hit.start]
                                        .iter()
                                        .all(|t| ACT_LEAD_SET.contains(t.text) || t.text.ends_with("ly")))
                            // The actor, or the last of the names that act with it ("Saudi
                            // Arabia, Bahrain and Egypt severed …").
                            && actor_entry(gaz, p.m.entry, input.doc_date)
                                .is_some_and(|e| e == actor.entry || actor.co.contains(&e))
                            // "Kazakhstan condemned the invasion": a cue between them makes the act another's
                            // (not "agreed to", which leads to the act: "has now agreed to expel").
                            && !cues
                                .iter()
                                .any(|c| c.start > p.last && c.end <= hit.start && !lex.cues[c.phrase].joint)
                    })
                {
                    continue;
                }
                // "Turkey should now push for a ceasefire", "Астана могла бы стать посредником",
                // "If Caracas annexed it, the United States would reimpose sanctions": advice to
                // a named party, or a conjecture about it, is not its position.
                // Not what the party says of itself ("Kazakhstan should remain neutral, Tokayev
                // said": the speaker is the party named again).
                let says_of_itself = || {
                    actor.by_speech
                        && placed
                            .iter()
                            .filter(|p| actor_entry(gaz, p.m.entry, input.doc_date) == Some(actor.entry))
                            .nth(1)
                            .is_some()
                };
                if let Some(ae) = actor_mention_end
                    && ae < hit.start
                    && !(actor.by_speech && in_quote(toks[hit.start].range.start))
                    && modal_after_subject(input.text, toks, &placed, ae, hit.start)
                    && !says_of_itself()
                {
                    continue;
                }
                // A relative clause after the actor: "Beijing, which claims neutrality".
                // Inside the actor's own quoted words a relative clause is still theirs
                // ("“Kazakhstan welcomes the position of China, which deserves support,” the ministry said").
                let own_words = actor.by_speech && in_quote(toks[hit.start].range.start);
                if let Some(ae) = actor_mention_end
                    && ae < hit.start
                    && !own_words
                    && relative_clause_between(input.text, toks, ae, hit.start)
                {
                    continue;
                }
                // A later clause with a subject of its own ("…, while Ukraine insists …") is not the actor's.
                if clause_other_subject(
                    input.text,
                    gaz,
                    input.doc_date,
                    toks,
                    &placed,
                    &clause,
                    &in_quote,
                    &cues,
                    hit.start,
                    actor,
                )
                .is_some()
                {
                    continue;
                }
                let (score, neg_how) = match (negated, cue.negated_score) {
                    // "There have never been any disagreements": a denial that states accord.
                    (true, Some(ns)) if cue.negation != NegationMode::Ignore => {
                        (ns, format!(", negated → {ns:+.2} (its own negated score)"))
                    }
                    _ => apply_negation(cue.score, negated, cue.negation),
                };
                let category = match (negated, &cue.negated_category) {
                    (true, Some(c)) if cue.negated_score.is_some() => lex.shared_category(c),
                    _ => lex.shared_category(&cue.category),
                };
                let targets = if cue.joint {
                    // "Italy and Tunisia agreed to …": each of those named together toward the
                    // others, whoever else the sentence names ("agreed to coordinate on DPRK policy").
                    let names: Vec<&str> = actor.co.iter().map(|e| gaz.entries[*e].name.as_str()).collect();
                    Some((
                        actor.co.clone(),
                        ["named with the actor as one subject: ", &names.join(", ")].concat(),
                    ))
                } else if cue.addressee {
                    match addressee(
                        input.text,
                        gaz,
                        input.doc_date,
                        toks,
                        &placed,
                        hit.end,
                        cue.lang == "en",
                        actor,
                    ) {
                        Some(t) => Some(t),
                        None => continue,
                    }
                } else {
                    let targets_after = |end: usize| {
                        find_targets(
                            input.text,
                            gaz,
                            input.doc_date,
                            toks,
                            &placed,
                            &clause,
                            hit.start,
                            end,
                            &cue.category,
                            cue.score,
                            actor,
                        )
                    };
                    // "suspended its 2002 treaty of friendship with Spain": a cue that needs a word
                    // after it names its party after that word.
                    targets_after(hit.end)
                        .or_else(|| (act_end > hit.end + 1).then(|| targets_after(act_end))?)
                        // "downgrading its diplomatic representation in Doha": where the envoy or
                        // mission is, right after the word the cue needs.
                        .or_else(|| {
                            if act_end <= hit.end || !toks.get(act_end).is_some_and(|t| matches!(t.text, "in" | "to")) {
                                return None;
                            }
                            let p = placed.iter().find(|p| {
                                p.first == act_end + 1
                                    && gaz.kind(p.m.entry) == EntityKind::Country
                                    && actor_entry(gaz, p.m.entry, input.doc_date) != Some(actor.entry)
                            })?;
                            let name = &gaz.entries[p.m.entry].name;
                            Some((vec![p.m.entry], ["where the envoy or mission is: ", name].concat()))
                        })
                        .or_else(|| {
                            (score < 0.0).then(|| {
                                held_victim_target(gaz, input.doc_date, toks, &placed, &clause, hit.end, actor)
                            })?
                        })
                        // "Moscow expelled twenty of our diplomats", "stood by our side": the
                        // document's own country, in its own voice (the one answering in a
                        // transcript; elsewhere its "we", or its most frequent speaker).
                        .or_else(|| {
                            if actor.first_person {
                                return None;
                            }
                            let at = own_country_object(
                                toks,
                                &clause,
                                hit.start,
                                hit.end,
                                act_end.max(hit.end) + TARGET_WINDOW,
                                score < 0.0,
                            )?;
                            if in_quote(toks[at].range.start) {
                                return None;
                            }
                            let own = in_answer_turn(
                                input,
                                gaz,
                                sr.start,
                                first_country,
                                &mut answering,
                                &mut last_answer,
                                turn_labels(),
                            )
                            .map(|(e, _)| e)
                            // Outside transcripts only: in one, a turn's own speaker says "us".
                            .or_else(|| {
                                turn_labels()
                                    .is_empty()
                                    .then(|| we_actor.as_ref().map(|a| a.entry).or(voice))
                                    .flatten()
                            })
                            .filter(|&e| e != actor.entry && gaz.kind(e) == EntityKind::Country)?;
                            let name = &gaz.entries[own].name;
                            Some((
                                vec![own],
                                ["“", toks[at].text, "”: the document's own country, ", name].concat(),
                            ))
                        })
                };
                // The passive's subject is its target.
                let targets = match passive {
                    Some(Passive::Agent(..)) => {
                        let patient = outer_actor.entry;
                        let name = &gaz.entries[patient].name;
                        Some((vec![patient], ["the subject of the passive: ", name].concat()))
                    }
                    _ => targets,
                };
                // "France praised Germany, and Mali condemned Russia": the subject of a later
                // clause is not the object of a cue before it.
                let targets = match targets {
                    Some((mut t, how)) if t.len() > 1 => {
                        t.retain(|e| {
                            !cues.iter().any(|c| {
                                c.start > hit.end
                                    && and_clause_subject(input.text, toks, &placed, &cues, c.start)
                                        .is_some_and(|p| p.m.entry == *e && p.first > hit.end)
                            })
                        });
                        Some((t, how))
                    }
                    t => t,
                };
                let mut score = score;
                // "criticized the sanctions imposed by the United States": the name after "by" is
                // the party behind the act, not its object, so refusing the act (which favours its
                // object) opposes that party. An act named without refusal stays against it.
                let mut targets = targets;
                // So too a phrase against sanctions ("rejected the sanctions imposed by the United
                // States"): it favours their object and opposes the party behind them.
                let against_sanctions = cue.implied_target == Some(ImpliedTarget::Sanctioned) && cue.score > 0.0;
                if (ACT_CATEGORIES.contains(&cue.category.as_str()) && negated || against_sanctions)
                    && let Some((t, how)) = targets.as_mut()
                    && let [only] = t.as_slice()
                    && placed
                        .iter()
                        .find(|p| p.first >= hit.end && p.m.entry == *only)
                        .is_some_and(|p| after_by(toks, p.first))
                {
                    score = -score;
                    how.push_str(" (the party behind the act, after “by”: sign reversed)");
                }
                // "does not recognise the annexation of Crimea", "the so-called Donetsk People's
                // Republic": recognising a place held by force is a position on whoever holds it,
                // not on the place (unless the holder itself speaks).
                if RECOGNITION_CATEGORIES.contains(&cue.category.as_str())
                    && let Some((t, how)) = targets.as_mut()
                {
                    let mut held_by = Vec::new();
                    for e in t.iter_mut() {
                        if let Some(holder) = gaz.holder_of_place(*e, input.doc_date)
                            && holder != actor.entry
                        {
                            held_by.push((gaz.entries[*e].name.as_str(), holder));
                            *e = holder;
                        }
                    }
                    if let Some((_, holder)) = held_by.first() {
                        let places: Vec<&str> = held_by.iter().map(|(p, _)| *p).collect();
                        let _ = write!(
                            how,
                            " ({} held by {}: the position is on its hold)",
                            places.join(", "),
                            gaz.entries[*holder].name
                        );
                        // Two places held by one country are one target.
                        let mut kept = Vec::new();
                        t.retain(|e| {
                            !kept.contains(e) && {
                                kept.push(*e);
                                true
                            }
                        });
                    }
                }
                let cue_score = score;
                let is_process = PROCESS_CATEGORIES.contains(&cue.category.as_str());
                // "negotiate agreements with trading partners", "the right to peacefully protest":
                // a generic appeal is one for peace only where a conflict is named, or where two
                // parties are urged to it at once ("urged Russia and Ukraine to sit down at the
                // negotiating table").
                let two_urged = addressed_pair.is_some()
                    || targets
                        .as_ref()
                        .is_some_and(|(t, how)| t.len() >= 2 && how.starts_with("parties urged"));
                if is_process
                    && !lex.cue_names_conflict[hit.phrase]
                    && !two_urged
                    && !*conflict_near.get_or_insert_with(|| conflict_named_near(input, lex, si, &mut conflict_known))
                {
                    continue;
                }
                // Parties urged to talk ("urged Moscow and Kyiv to talk", "called on Russia to
                // recommit to the ceasefire") are neither supported nor opposed by the appeal.
                if let Some((t, how)) = &targets
                    && !t.is_empty()
                    && how.starts_with("parties urged")
                {
                    score = 0.0;
                }
                // "our allies and partners", "the partnership between Russia and Iran": a tie
                // with nobody joined to it (or between others) is no stance toward anyone; only
                // a singular tie may stand for the relationship just named ("our partnership").
                let tie_word = toks[hit.end - 1].text;
                if targets.is_none()
                    && (PLURAL_TIES.contains(&tie_word) || RELATION_NOUNS_SET.contains(tie_word) && !relational)
                {
                    continue;
                }
                // "China condemned the move": the act of whoever acted in the sentence before.
                let act_of_author = if targets.is_none() {
                    anaphoric_act_unnamed(toks, &placed, hit.end).zip(prev_author)
                } else {
                    None
                };
                let (targets, target_how) = match targets {
                    Some(t) => t,
                    None if reciprocal.is_some_and(|r| r >= hit.end) && !actor.co.is_empty() && !is_process => {
                        let r = reciprocal.unwrap_or_default();
                        let all: Vec<&str> = std::iter::once(actor.entry)
                            .chain(actor.co.iter().copied())
                            .map(|c| gaz.entries[c].name.as_str())
                            .collect();
                        (
                            actor.co.clone(),
                            format!(
                                "“{}”: another of the governments named together as the subject ({})",
                                normalise_space(&input.text[toks[r].range.start..toks[r + 1].range.end]),
                                all.join(", ")
                            ),
                        )
                    }
                    // "would not take sides in the dispute": a refusal to choose names no party,
                    // but is toward the two just mentioned, where a conflict or dispute is named.
                    // ("… the Maldivian president and China's leader agreed …, and the two sides
                    // signed …": a pair that acts together is "the two sides" itself.)
                    None if dyadic.is_some() && actor.co.is_empty()
                        || addressed_pair.is_some()
                        || three
                        || cue.category == NEUTRAL
                            && takes_no_side(&cue.phrase)
                            && (toks
                                .iter()
                                .any(|t| t.text.starts_with("disput") || t.text.starts_with("спор"))
                                || *conflict_near.get_or_insert_with(|| {
                                    conflict_named_near(input, lex, si, &mut conflict_known)
                                })) =>
                    {
                        // A pair addressed after two countries of its own sentence is those
                        // ("would not take sides between Washington and Tehran, and urged both
                        // governments …").
                        let named_before: Vec<usize> = addressed_pair
                            .as_ref()
                            .map(|r| {
                                let mut v: Vec<usize> = Vec::new();
                                for p in placed.iter().filter(|p| p.last < r.start) {
                                    if gaz.kind(p.m.entry) == EntityKind::Country
                                        && p.m.entry != actor.entry
                                        && !v.contains(&p.m.entry)
                                    {
                                        v.push(p.m.entry);
                                    }
                                }
                                v
                            })
                            .unwrap_or_default();
                        let parties: Vec<usize> = if named_before.len() >= 2 {
                            named_before.iter().rev().take(2).copied().collect()
                        } else {
                            recent_countries
                                .iter()
                                .rev()
                                .copied()
                                .filter(|c| *c != actor.entry)
                                .take(if three { 3 } else { 2 })
                                .collect()
                        };
                        if parties.len() < if three { 3 } else { 2 } {
                            continue;
                        }
                        score = 0.0;
                        let names: Vec<&str> = parties.iter().map(|p| gaz.entries[*p].name.as_str()).collect();
                        (
                            parties.clone(),
                            format!(
                                "“{}”: the {} parties just mentioned, {} (even-handed: neutral toward each)",
                                match (dyadic, &addressed_pair) {
                                    (Some(d), _) => d.into(),
                                    (None, Some(r)) => normalise_space(
                                        &input.text[toks[r.start].range.start..toks[r.end - 1].range.end]
                                    ),
                                    (None, None) => normalise_space(&input.text[cue_range.clone()]),
                                },
                                if three { "three" } else { "two" },
                                names.join(" and ")
                            ),
                        )
                    }
                    None if cue.category == SOVEREIGNTY => {
                        match sovereignty_party(
                            gaz,
                            input.doc_date,
                            toks,
                            &placed,
                            hit.start,
                            hit.end,
                            actor,
                            locus.get(input, gaz).or_else(|| prev_locus.get(input, gaz)),
                            &recent_countries,
                        ) {
                            Some(t) => t,
                            None => continue,
                        }
                    }
                    // "the peace plan proposed by China": another party's plan is that party's,
                    // not the generic process (the sentence's other cues speak to the owner); the
                    // actor's own ("offered Kazakhstan's good offices") is its appeal for peace.
                    None if is_process
                        && hit.end > hit.start
                        && initiative_owners(input.text, &placed.iter().collect::<Vec<_>>(), toks, hit.end - 1)
                            .iter()
                            .any(|o| actor_entry(gaz, *o, input.doc_date).unwrap_or(*o) != actor.entry) =>
                    {
                        continue;
                    }
                    None if is_process => match gaz.default_target(&cue.category) {
                        Some(t) => (
                            vec![t],
                            format!(
                                "an appeal that names no party: toward {} (gazetteer `stands_for`)",
                                gaz.entries[t].name
                            ),
                        ),
                        None => continue,
                    },
                    None if cue.implied_target.is_some() => {
                        match implied.target(gaz, cue.implied_target, actor.entry) {
                            Some(t) => t,
                            None => continue,
                        }
                    }
                    None if relational => {
                        // "our countries" a few sentences after the partner was settled means the same partner.
                        let kept = relational_partner
                            .filter(|&(t, at)| si - at <= 3 && t != actor.entry)
                            .map(|(t, _)| t);
                        let recent = recent_country
                            .filter(|c| *c != actor.entry)
                            .or_else(|| recent_countries.iter().rev().copied().find(|c| *c != actor.entry));
                        match kept.or(recent) {
                            Some(t) => {
                                relational_partner = Some((t, si));
                                (
                                    vec![t],
                                    format!(
                                        "“{}”: the other country {}, {}",
                                        relational_words.unwrap_or_default(),
                                        if kept.is_some() {
                                            "of the relationship named just before"
                                        } else {
                                            "just mentioned"
                                        },
                                        gaz.entries[t].name
                                    ),
                                )
                            }
                            None => continue,
                        }
                    }
                    // "We condemn this act": the party of the sentence before, unless this one
                    // names another country ("… the repression of the people of Myanmar", where
                    // the victim is not the target but the sentence is not about the last one's).
                    None if continuation
                        && !placed.iter().any(|p| {
                            gaz.kind(p.m.entry) == EntityKind::Country
                                && actor_entry(gaz, p.m.entry, input.doc_date) != Some(actor.entry)
                                && Some(p.m.entry) != prev_target
                        }) =>
                    {
                        match prev_target {
                            Some(t) if t != actor.entry => (
                                vec![t],
                                format!("the previous sentence's target, {} (continuation)", gaz.entries[t].name),
                            ),
                            _ => continue,
                        }
                    }
                    None => match (envoy, act_of_author) {
                        (Some(t), _) => (
                            vec![t],
                            format!("whose envoy is declared unwelcome: {}", gaz.entries[t].name),
                        ),
                        (None, Some((words, author))) => (
                            vec![author],
                            format!(
                                "“{}”: the act of {}, who acted in the sentence before",
                                normalise_space(
                                    &input.text[toks[words.start].range.start..toks[words.end - 1].range.end]
                                ),
                                gaz.entries[author].name
                            ),
                        ),
                        (None, None) => continue,
                    },
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
                // An even-handed appeal to both parties ("we call on both states to pursue a
                // dialogue") is also the appeal itself: the actor's position on the peace process.
                let process = gaz.default_target(&cue.category).filter(|p| {
                    is_process && score == 0.0 && cue_score != 0.0 && !targets.is_empty() && !targets.contains(p)
                });
                let party_count = targets.len();
                let process_how = process.map(|p| {
                    format!(
                        "the appeal itself, addressed to {}: toward {} (gazetteer `stands_for`)",
                        if party_count == 1 {
                            "one party".to_string()
                        } else {
                            format!("{party_count} parties")
                        },
                        gaz.entries[p].name
                    )
                });
                // Each target with its score and how it was found; the process is not a party
                // of the sentence (a continuation keeps the parties as its targets).
                let parties = targets.iter().map(|&t| (t, score, target_how.as_str(), true));
                let process = process
                    .zip(process_how.as_deref())
                    .map(|(p, how)| (p, cue_score, how, false));
                for (target, score, target_how, party) in parties.chain(process) {
                    if party {
                        sentence_target = Some(target);
                    }
                    explanation.clear();
                    explanation.push_str("actor: ");
                    actor.write_how(&mut explanation);
                    for part in [
                        "; target: ",
                        target_how,
                        "; cue ",
                        &lex.cue_labels[hit.phrase],
                        &neg_how,
                        ")",
                    ] {
                        explanation.push_str(part);
                    }
                    out.push(RawStance {
                        actor: actor.entry,
                        target,
                        speaker: actor.speaker.as_ref().map(|(name, entry)| {
                            Box::new(crate::model::Speaker {
                                name: name.clone(),
                                entity: entry.map(|e| crate::model::EntityId(e as u32)),
                            })
                        }),
                        score,
                        sentence: si,
                        cue_range: cue_range.clone(),
                        category: category.clone(),
                        negated,
                        event_date: None,
                        explanation: explanation.as_str().into(),
                    });
                }
            }
        }
        if let Some(a) = &actor
            && !a.co.is_empty()
        {
            coordinated_events(gaz, a, &mut out, first_new, reciprocal.is_some());
        }
        if let Some(a) = &actor
            && a.speaks
            && !a.first_person
            && !in_reporters_turn()
        {
            match speakers.iter_mut().find(|(e, _)| *e == a.entry) {
                Some((_, n)) => *n += 1,
                None => speakers.push((a.entry, 1)),
            }
        }
        // "The Sejm of the Republic of Poland:", "The General Assembly,": a body named alone
        // before the paragraphs it opens.
        if cues.is_empty()
            && let Some(a) = actor.as_ref().filter(|a| a.carried.is_none())
            && input.text[sr.clone()].trim_end().ends_with([':', ','])
        {
            lead_actor = Some(a.clone());
        }
        if actor.is_some() {
            prev_actor = actor.clone();
            if out.last().is_some_and(|e: &RawStance| e.sentence == si) {
                doc_actor = actor.clone();
            }
        } else if !continuation {
            prev_actor = None;
        }
        prev_target = sentence_target;
        prev_author = actor.as_ref().map(|a| a.entry).or_else(|| {
            placed
                .iter()
                .filter(|p| p.first < SUBJECT_WORDS && !in_quote(p.m.range.start))
                .find_map(|p| actor_entry(gaz, p.m.entry, input.doc_date))
        });
        prev_locus = locus;
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
    strongest_per_sentence(input.text, out)
}

/// One event per (sentence, actor, target): the cue with the largest |score| wins
/// (the first on ties); the others are named in its explanation.
/// The words of a cue that declares an envoy unwelcome ("persona non grata").
const NON_GRATA: &[&str] = &["non grata", "нон грата", "нон ґрата"];

/// The country named (by name or adjective) at most five words before the cue at `cue_start`,
/// not the actor's: whose envoy a "persona non grata" cue is about ("declared the Russian
/// ambassador persona non grata", "оголосило консула Угорщини персоною нон грата").
fn envoy_before(
    gaz: &Gazetteer,
    date: Option<Date>,
    placed: &[Placed<'_>],
    cue_start: usize,
    actor: usize,
) -> Option<usize> {
    placed
        .iter()
        .filter(|p| p.last < cue_start && cue_start - p.last <= 5 && gaz.kind(p.m.entry) == EntityKind::Country)
        .filter_map(|p| {
            actor_entry(gaz, p.m.entry, date)
                .filter(|e| *e != actor)
                .map(|e| (p.last, e))
        })
        .max_by_key(|(last, _)| *last)
        .map(|(_, e)| e)
}

/// Verbs of denial (stems): what follows them and "that" is denied, not done.
const DENIAL_STEMS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "опроверг",
    "отрица",
    "спростува",
    "спростову",
    "заперечу",
    "заперечи",
];

/// Whether the cue at `cue_start` is in what a denial before it in the same clause denies: a verb
/// of denial, then "that" ("что", "що"), then the cue ("Baku denied that it had shelled …",
/// "опроверг сообщения о том, что Душанбе отозвал своего посла").
fn denied_content(toks: &[Token], clause: &[usize], cue_start: usize) -> bool {
    let Some(denial) = (0..cue_start)
        .rev()
        .find(|&k| clause[k] == clause[cue_start] && DENIAL_STEMS.iter().any(|d| toks[k].text.starts_with(d)))
    else {
        return false;
    };
    toks[denial + 1..cue_start]
        .iter()
        .any(|t| matches!(t.text, "that" | "что" | "що"))
}

/// Most words between a government's name and its act when they are all [`ACT_LEAD`].
const ACT_LEAD_WORDS: usize = 6;

/// Auxiliaries, verbs of decision and adverbs that may stand between a government and its act
/// ("has decided to", "has now agreed to", "решила", "вирішила").
const ACT_LEAD: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "also",
    "now",
    "then",
    "today",
    "yesterday",
    "decided",
    "agreed",
    "resolved",
    "chose",
    "opted",
    "moved",
    "voted",
    "to",
    "again",
    "further",
    "решил",
    "решила",
    "решили",
    "решило",
    "также",
    "тоже",
    "вирішив",
    "вирішила",
    "вирішили",
    "вирішило",
    "також",
    "in",
    "response",
    "retaliation",
    "в",
    "ответ",
    "у",
    "відповідь",
    // The government named by its adjective: "the Chinese government decided to downgrade …".
    "government",
    "authorities",
    "cabinet",
    "правительство",
    "власти",
    "уряд",
    "влада",
];
word_set!(ACT_LEAD_SET, ACT_LEAD);

/// The largest score of a cue that an even-handed appeal in the same sentence outweighs
/// ("regret", "concern").
const MILD_SCORE: f32 = 0.4;

/// Words that join a mild cue to the appeal that names its object ("expressed his regret and
/// urged Algeria and Morocco to …").
const APPEAL_JOINS: &[&str] = &[
    "and urged",
    "and called on",
    "and called upon",
    "and appealed to",
    "и призвал",
    "и призвала",
    "и призвали",
    "і закликав",
    "і закликала",
    "та закликав",
    "та закликала",
];

fn strongest_per_sentence(text: &str, events: Vec<RawStance>) -> Vec<RawStance> {
    // Appeals to parties: one entry per party urged, so an even-handed appeal has two or more.
    let appeals: Vec<(usize, usize, usize)> = events
        .iter()
        .filter(|x| x.score == 0.0 && PROCESS_CATEGORIES.contains(&x.category.as_str()))
        .map(|x| (x.sentence, x.actor, x.cue_range.start))
        .collect();
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
                // The stronger stays (in `o`); the other's cue is named. Except that an appeal to
                // both parties ("expressed regret and urged Algeria and Morocco to exercise
                // restraint") is even-handed toward each, whatever mild words come with it.
                let even_handed = |x: &RawStance| {
                    x.score == 0.0
                        && PROCESS_CATEGORIES.contains(&x.category.as_str())
                        && appeals
                            .iter()
                            .filter(|a| **a == (x.sentence, x.actor, x.cue_range.start))
                            .count()
                            >= 2
                };
                // "expressed his regret and urged …": a mild word whose object is the appeal's.
                let mild = |x: &RawStance| {
                    x.score.abs() <= MILD_SCORE && {
                        let after = text[x.cue_range.end..].trim_start();
                        let after = after.get(..after.len().min(24)).unwrap_or(after);
                        APPEAL_JOINS.iter().any(|j| after.starts_with(j))
                    }
                };
                let stronger = if even_handed(o) && mild(&e) {
                    false
                } else if even_handed(&e) && mild(o) {
                    true
                } else {
                    e.score.abs() > o.score.abs()
                };
                let other_cue = if stronger {
                    std::mem::replace(o, e).cue_range
                } else {
                    e.cue_range
                };
                o.explanation = [
                    o.explanation.as_str(),
                    "; also “",
                    &normalise_space(&text[other_cue]),
                    "” in the same sentence",
                ]
                .concat()
                .into();
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

/// "of China", "of the Kazakh ministry", "between Russia and Ukraine": a name that is
/// the object of a preposition (directly, after "the", or joined by "and" to one).
fn after_preposition(placed: &[Placed<'_>], toks: &[Token], p: &Placed<'_>) -> bool {
    let is_prep = |i: usize| PREPOSITIONS_SET.contains(toks[i].text);
    // "The Government of Kazakhstan", "the Ministry of Foreign Affairs of the Republic of
    // Kazakhstan", "the prime ministers of Norway, Ireland and Spain": "of" after an office names
    // whose office it is, unless a preposition governs the office ("talks with the President of France").
    let office_of = |prep: usize| {
        // "Delegates from Ecuador, Malta and …", "officials from both countries".
        if toks[prep].text == "from" && prep > 0 && SENT_FROM.contains(&toks[prep - 1].text) {
            return true;
        }
        // "The speaker for the Russian Federation", "the representative for Mexico"; not an
        // envoy's title ("our Special Representative for Afghanistan Reconciliation" is not
        // Afghanistan's).
        let speaks_for = toks[prep].text == "for"
            && prep > 0
            && match toks[prep - 1].text {
                "speaker" | "spokesperson" | "spokesman" | "spokeswoman" => true,
                "representative" | "representatives" | "delegate" => {
                    prep < 2 || !matches!(toks[prep - 2].text, "special" | "high" | "personal" | "senior")
                }
                _ => false,
            };
        if !speaks_for && (toks[prep].text != "of" || prep == 0 || !OFFICES_SET.contains(toks[prep - 1].text)) {
            return false;
        }
        let start = office_name_start(toks, prep - 1);
        // Nor one joined to another that a preposition governs ("between the United States
        // and the Governments of Ethiopia, Guinea and Mali").
        start == 0
            || !(is_prep(start - 1)
                || LIST_PREPOSITIONS.contains(&toks[start - 1].text)
                || matches!(toks[start - 1].text, "and" | "or"))
    };
    let direct = |q: &Placed<'_>| {
        let prep = match q.first {
            f if f > 0 && is_prep(f - 1) => f - 1,
            f if f > 1 && toks[f - 1].text == "the" && is_prep(f - 2) => f - 2,
            _ => return false,
        };
        !office_of(prep)
    };
    direct(p)
        || (p.first > 0
            && matches!(toks[p.first - 1].text, "and" | "or")
            && placed.iter().any(|q| q.last + 2 == p.first && direct(q)))
}

/// Modals of a demand: "said Russia must withdraw" demands it of Russia.
const DEMAND_MODALS: &[&str] = &["must", "should", "ought"];

/// Words that open a condition ("if Russia invades …").
const CONDITIONS: &[&str] = &["if", "unless", "whether", "если", "якщо", "ли"];

/// Modals of demand, advice and conjecture: what a party "must", "should" or "could" do is not
/// what it does.
const MODALS: &[&str] = &["should", "must", "could", "might", "ought"];
/// Modals that are conjecture in a sentence that states a condition.
const CONDITIONAL_MODALS: &[&str] = &["would", "may", "может", "могут", "може", "можуть"];
/// The conditional particle of Russian and Ukrainian ("могла бы", "міг би").
const CONDITIONAL_PARTICLES: &[&str] = &["бы", "б", "би"];
/// Words that may stand between a subject and its modal ("Greece, too, would").
const MODAL_GAP_WORDS: &[&str] = &[
    "too",
    "also",
    "now",
    "then",
    "still",
    "therefore",
    "thus",
    "perhaps",
    "probably",
    "certainly",
    "surely",
    "itself",
];

/// Whether the subject ending at token `subject_end` is followed by a modal of advice or
/// conjecture that governs the cue at `cue_start`: "Turkey should now spend …", "Greece, too,
/// would gain … and should welcome …", "Астана могла бы стать …", and "would" in a sentence
/// with a condition ("If Caracas were to annex it, the United States would reimpose
/// sanctions"). Not when another name stands between (the modal is another's: "X said Russia
/// should …"), nor a refusal ("could not accept").
fn modal_after_subject(
    text: &str,
    toks: &[Token],
    placed: &[Placed<'_>],
    subject_end: usize,
    cue_start: usize,
) -> bool {
    let conditional = || toks.iter().any(|t| CONDITIONS.contains(&t.text));
    let is_modal = |k: usize| {
        let w = toks[k].text;
        let refusal = toks.get(k + 1).is_some_and(|t| matches!(t.text, "not" | "never"));
        // "would", "may" and "може" are conjecture where the sentence states a condition ("Якщо
        // постачання триватимуть, Україна може розірвати …").
        (MODALS.contains(&w) || CONDITIONAL_MODALS.contains(&w) && conditional()) && !(refusal && w != "should")
    };
    let named_between = |to: usize| placed.iter().any(|p| p.first > subject_end && p.first < to);
    // Right after the subject, with at most a word of time or degree between.
    let mut k = subject_end + 1;
    while k < cue_start && MODAL_GAP_WORDS.contains(&toks[k].text) {
        k += 1;
    }
    // (The cue may begin with it: "Russia must withdraw".)
    if k <= cue_start && is_modal(k) {
        return true;
    }
    // "Астана могла бы", "Київ міг би": a verb and the particle.
    if subject_end + 2 < cue_start && CONDITIONAL_PARTICLES.contains(&toks[subject_end + 2].text) {
        return true;
    }
    // "… and should welcome …": a second verb of the same subject.
    (subject_end + 1..cue_start).any(|k| {
        k > 0
            && matches!(toks[k - 1].text, "and" | "but")
            && is_modal(k)
            && !named_between(k)
            && !text[toks[subject_end].range.end..toks[k].range.start].contains([';', ':'])
    })
}

/// Whether the sentence at `sr` ends with a question mark (before any closing quotes).
/// Whether the token at `at` is in an "if" or "unless" clause: one of those words comes before it
/// in the sentence with no comma, semicolon or colon between.
fn in_condition(text: &str, toks: &[Token], at: usize) -> bool {
    for k in (0..at).rev() {
        if text[toks[k].range.end..toks[k + 1].range.start].contains([',', ';', ':']) {
            return false;
        }
        // "the largest — if not one of the largest —", "as if": no condition.
        if CONDITIONS.contains(&toks[k].text)
            && toks.get(k + 1).is_none_or(|t| t.text != "not")
            && (k == 0 || !matches!(toks[k - 1].text, "as" | "even"))
        {
            return true;
        }
        // Ukrainian "чи" asks only where it opens its clause ("запитав, чи підтримає Київ …");
        // elsewhere it is "or".
        if toks[k].text == "чи" && (k == 0 || text[toks[k - 1].range.end..toks[k].range.start].contains(',')) {
            return true;
        }
    }
    false
}

/// Whether byte `at` is inside a quotation that ends with a question mark.
fn in_quoted_question(text: &str, quotes: &[Range<usize>], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes
        .get(i)
        .is_some_and(|q| q.start <= at && ends_with_question(&text[q.clone()]))
}

/// Whether `s` ends with a question mark, before any closing quotation marks or bracket.
fn ends_with_question(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '”', '»', '’', '\'', '“', '«', ')'])
        .trim_end()
        .ends_with(['?', '？'])
}

fn is_question(text: &str, sr: &Range<usize>) -> bool {
    ends_with_question(&text[sr.clone()])
}

/// "We encourage China to …", "urged the Russian government to …": the one addressed by an
/// exhortation is its object, not the sentence's subject.
fn addressed(toks: &[Token], p: &Placed<'_>) -> bool {
    const EXHORTING: &[&str] = &[
        "urge",
        "urges",
        "urged",
        "urging",
        "encourage",
        "encourages",
        "encouraged",
        "encouraging",
        "ask",
        "asks",
        "asked",
        "asking",
        "press",
        "presses",
        "pressed",
        "pressing",
        "push",
        "pushes",
        "pushed",
        "invite",
        "invites",
        "invited",
        "implore",
        "implores",
        "implored",
        "told",
        "tell",
        "tells",
    ];
    let k = skip_back(toks, p.first, &["the", "all"]);
    k > 0 && {
        let w = toks[k - 1].text;
        EXHORTING.contains(&w) || ["призва", "призыва", "заклика"].iter().any(|s| w.starts_with(s))
    }
}

/// Words at the start of a sentence where its subject is looked for ([`anaphoric_act`]).
const SUBJECT_WORDS: usize = 8;

/// Determiners that point back to an act just reported ("the move", "such actions", "это
/// решение").
const ACT_DETERMINERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "such",
    "это",
    "этот",
    "эта",
    "эти",
    "этого",
    "этому",
    "этим",
    "этой",
    "эту",
    "такое",
    "такие",
    "таких",
    "такой",
    "такого",
    "такому",
    "такими",
    "це",
    "цей",
    "ця",
    "ці",
    "цього",
    "цим",
    "цю",
    "цієї",
    "таке",
    "такі",
    "таких",
    "такий",
    "такого",
];

/// Stems of nouns that name an act of a government ("move", "decision", "решени*", "крок*").
const REPORTED_ACTS: &[&str] = &[
    "move",
    "moves",
    "decision",
    "step",
    "steps",
    "measure",
    "measures",
    "action",
    "actions",
    "demand",
    "demands",
    "announcement",
    "allegation",
    "accusation",
    "claim",
    "claims",
    "charges",
    "expulsion",
    "expulsions",
    "ban",
    "restrictions",
    "overture",
    "ruling",
    "решени",
    "шаг",
    "действи",
    "мер",
    "требовани",
    "обвинени",
    "заявлени",
    "демарш",
    "рішенн",
    "крок",
    "дії",
    "дій",
    "захід",
    "заход",
    "вимог",
    "звинувачен",
    "заяв",
    "демарш",
];

/// The words naming an act already reported, right after a cue ending at token `cue_end` ("condemns
/// the move", "rejected the demand", "ответит на подобные враждебные действия"): a determiner
/// that points back, at most two words, and a noun of an act. The determiner comes at most two
/// words after the cue.
fn anaphoric_act(toks: &[Token], cue_end: usize) -> Option<Range<usize>> {
    let det = (cue_end..(cue_end + 3).min(toks.len())).find(|&i| {
        ACT_DETERMINERS.contains(&toks[i].text)
            || toks[i].text.starts_with("подобн")
            || toks[i].text.starts_with("подібн")
    })?;
    let noun = (det + 1..(det + 4).min(toks.len())).find(|&i| {
        let w = toks[i].text;
        REPORTED_ACTS
            .iter()
            .any(|n| if n.is_ascii() { w == *n } else { w.starts_with(n) })
    })?;
    // Only adjectives between ("such hostile actions"), not "the need for action".
    if toks[det + 1..noun]
        .iter()
        .any(|t| PREPOSITIONS_SET.contains(t.text) || matches!(t.text, "for" | "of" | "to" | "need" | "and"))
    {
        return None;
    }
    // "the move of Vilnius", "the decision by the Lithuanian government", "the steps announced
    // by the U.S. President": the author named.
    if toks.get(noun + 1).is_some_and(|t| t.text == "of") || toks[noun + 1..].iter().take(2).any(|t| t.text == "by") {
        return None;
    }
    Some(det..noun + 1)
}

/// [`anaphoric_act`] where no name stands between its determiner and its noun ("the European
/// Council's decision", "the Lithuanian move" name their author).
fn anaphoric_act_unnamed(toks: &[Token], placed: &[Placed<'_>], cue_end: usize) -> Option<Range<usize>> {
    // Nor right after it ("the actions Russia has taken").
    anaphoric_act(toks, cue_end).filter(|r| !placed.iter().any(|p| p.first <= r.end + 1 && p.last >= r.start))
}

/// The first word of a reciprocal pronoun in `toks` ("each other", "one another", "друг
/// друга", "один одного").
fn reciprocal_at(toks: &[Token]) -> Option<usize> {
    toks.windows(2).position(|w| {
        matches!(
            (w[0].text, w[1].text),
            ("each", "other" | "other's" | "other’s") | ("one", "another" | "another's" | "another’s")
        ) || w[0].text == "друг" && matches!(w[1].text, "друга" | "другу" | "другом")
            || matches!(w[0].text, "один" | "одна" | "одне")
                && matches!(w[1].text, "одного" | "одному" | "одним" | "одну" | "одною" | "одній")
    })
}

/// Words looked back over for a subject pronoun before a name.
const PRONOUN_LOOKBACK_TOKENS: usize = 40;

/// "We think Russia should …", "In Venezuela, where … we urge a Venezuelan-led dialogue": a
/// subject pronoun earlier in the clause is the subject; a name after it is not.
fn pronoun_subject_before(text: &str, toks: &[Token], p: &Placed<'_>) -> bool {
    const SUBJECT_PRONOUNS: &[&str] = &[
        "we", "i", "he", "she", "they", "мы", "я", "он", "она", "они", "ми", "вони",
    ];
    // Back to the clause's start (";", a dash or "but"), at most a few dozen words.
    for i in (p.first.saturating_sub(PRONOUN_LOOKBACK_TOKENS)..p.first).rev() {
        let gap = &text[toks[i].range.end..toks[i + 1].range.start];
        if gap.contains(';') || gap.contains(" — ") || gap.contains(" – ") || toks[i + 1].text == "but" {
            return false;
        }
        // Not one in an inserted ", he recalled," ("Last month, he recalled, the League of Arab
        // States had rejected …"): the name after it is the subject. (", I think," and ", we
        // decided," are the speaker's own.)
        let inserted = || {
            i > 0
                && i + 2 < toks.len()
                && matches!(toks[i].text, "he" | "she" | "they")
                && (toks[i + 1].text.ends_with("ed") || matches!(toks[i + 1].text, "said" | "says" | "told"))
                && text[toks[i - 1].range.end..toks[i].range.start].contains(',')
                && text[toks[i + 1].range.end..toks[i + 2].range.start].contains(',')
        };
        if SUBJECT_PRONOUNS.contains(&toks[i].text) && !inserted() {
            return true;
        }
    }
    false
}

/// Whether the name starting at token `first` follows "by" or "by the" (a passive's agent).
/// The token index of the noun in "decision to", "action to purportedly" right before the cue at
/// `cue_start`, if there is one.
fn decision_before(toks: &[Token], cue_start: usize) -> Option<usize> {
    const DECISION_NOUNS: &[&str] = &[
        "decision",
        "action",
        "move",
        "attempt",
        "plan",
        "bid",
        "intention",
        "effort",
        "efforts",
    ];
    let mut to = cue_start.checked_sub(1)?;
    // One adverb between "to" and the verb: "to purportedly recognize".
    if toks[to].text.ends_with("ly") {
        to = to.checked_sub(1)?;
    }
    let noun = to.checked_sub(1)?;
    (toks[to].text == "to" && DECISION_NOUNS.contains(&toks[noun].text)).then_some(noun)
}

/// A cue in the passive voice (see [`passive_voice`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Passive {
    /// "was criticised by Iran": the agent's actor entry, and its first token.
    Agent(usize, usize),
    /// "was criticised", with no agent named.
    NoAgent,
}

/// Categories of cues whose passive ("was condemned by …") has its subject as the target.
/// Not states of mind ("is concerned by …", "was alarmed by …"), whose subject holds them.
const PASSIVE_CATEGORIES: &[&str] = &["criticize", "accuse", "sanction", "praise", "reject", "threaten"];

/// Participles of a state of mind: "is alarmed by …", "was disappointed by …" are the
/// subject's own position, whatever comes after "by".
const STATE_PARTICIPLES: &[&str] = &[
    "alarmed",
    "concerned",
    "worried",
    "troubled",
    "disturbed",
    "dismayed",
    "disappointed",
    "saddened",
    "shocked",
    "outraged",
    "appalled",
    "angered",
    "frustrated",
    "pleased",
    "encouraged",
    "heartened",
    "delighted",
    "satisfied",
    "gratified",
    "relieved",
    "inspired",
    "impressed",
    "moved",
    "honored",
    "honoured",
    "committed",
    "determined",
    "opposed",
    "convinced",
    "surprised",
    "offended",
    "insulted",
];
word_set!(STATE_PARTICIPLES_SET, STATE_PARTICIPLES);

/// Forms of "to be" (and "get") before a passive participle.
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "be", "being", "got", "gets", "get"];

/// Whether the cue `hit` (of `category`) is an English participle in the passive voice: a form
/// of "to be" right before it (adverbs between: "was also sharply criticised"), and then its
/// agent, a government named after "by" within two words.
fn passive_voice(
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    hit: &PhraseHit,
    category: &str,
) -> Option<Passive> {
    let word = toks[hit.start].text;
    if !PASSIVE_CATEGORIES.contains(&category)
        || hit.end - hit.start != 1
        || !(word.ends_with("ed") || word.ends_with("en"))
        || STATE_PARTICIPLES_SET.contains(word)
    {
        return None;
    }
    let mut k = hit.start.checked_sub(1)?;
    while k > 0 && (toks[k].text.ends_with("ly") || matches!(toks[k].text, "also" | "widely" | "repeatedly")) {
        k -= 1;
    }
    if !PASSIVE_AUXILIARIES.contains(&toks[k].text) {
        return None;
    }
    let agent = placed
        .iter()
        .find(|p| p.first > hit.end && p.first <= hit.end + 2 && after_by(toks, p.first))
        .and_then(|p| Some(Passive::Agent(actor_entry(gaz, p.m.entry, date)?, p.first)));
    Some(agent.unwrap_or(Passive::NoAgent))
}

/// Words from an initiative's noun to its agent after "by", at most ("the statements issued
/// in February by the Ministry of Foreign Affairs of the Russian Federation").
const AGENT_WORDS: usize = 12;

/// Whether the name starting at token `first` follows "by", or "by" and a body's words and "of"
/// ("by the Ministry of Foreign Affairs of the Russian Federation").
fn after_by_body(toks: &[Token], first: usize) -> bool {
    if after_by(toks, first) {
        return true;
    }
    // The "of" before the name (and "the"), then the body's name back to "by".
    let after_of = skip_back(toks, first, &["the"]);
    if after_of < 2 || toks[after_of - 1].text != "of" || !OFFICES_SET.contains(toks[after_of - 2].text) {
        return false;
    }
    after_by(toks, office_name_start(toks, after_of - 2))
}

/// Where the name of an office or body whose last word is token `last` starts: back over its
/// words, and over "of" only between offices ("the Ministry of Foreign Affairs", "the heads of
/// state"), not into what governs it ("at the request of the Government of Jordan").
fn office_name_start(toks: &[Token], last: usize) -> usize {
    let mut start = last;
    while start > 0 {
        let w = toks[start - 1].text;
        let office_before_of = w == "of" && start > 1 && OFFICES_SET.contains(toks[start - 2].text);
        if !(OFFICES_SET.contains(w) || OFFICE_WORDS_SET.contains(w) || office_before_of) {
            break;
        }
        start -= 1;
    }
    start
}

fn after_by(toks: &[Token], first: usize) -> bool {
    (first >= 1 && toks[first - 1].text == "by")
        || (first >= 2 && toks[first - 1].text == "the" && toks[first - 2].text == "by")
}

/// "not upsetting Russia", "following Russia's annexation": a name right after an English
/// gerund is its object, not the sentence's subject. Nouns and time words ending in "-ing"
/// ("on Monday morning Russia said") are not gerunds.
fn after_gerund(text: &str, toks: &[Token], p: &Placed<'_>) -> bool {
    const NOT_GERUNDS: &[&str] = &[
        "morning",
        "evening",
        "spring",
        "king",
        "thing",
        "nothing",
        "something",
        "anything",
        "everything",
        "building",
        "meeting",
        "briefing",
        "ceiling",
        "wing",
        "ring",
        "sing",
        "bring",
        "string",
        "beijing",
        "nanjing",
        "chongqing",
    ];
    p.first > 0 && {
        let before = &toks[p.first - 1];
        let w = before.text;
        // "Wei Lanqing: China …": a speaker's label ends at its colon.
        w.len() > 4
            && w.ends_with("ing")
            && w.is_ascii()
            && !NOT_GERUNDS.contains(&w)
            && !text[before.range.end..toks[p.first].range.start].contains([':', ';', '.'])
    }
}

/// People of a country who are not its government ("the Belarusian democratic opposition",
/// "Polish carriers", "угорські перевізники"): English words, and Russian and Ukrainian stems.
const GROUP_NOUNS: &[&str] = &[
    "opposition",
    "journalists",
    "activists",
    "protesters",
    "protestors",
    "dissidents",
    "rebels",
    "separatists",
    "carriers",
    "truckers",
    "hauliers",
    "farmers",
    "companies",
    "businesses",
    "firms",
    "media",
    "diaspora",
    "minority",
    "minorities",
    "refugees",
    "migrants",
    "voters",
    "students",
    "workers",
    "citizens",
    "nationals",
    "volunteers",
    "lawmakers",
    "outlets",
    "newspapers",
    "broadcasters",
    "channels",
    "experts",
    "analysts",
    "commentators",
    "bloggers",
    "tourists",
];
word_set!(GROUP_NOUNS_SET, GROUP_NOUNS);
/// Russian and Ukrainian stems of [`GROUP_NOUNS`] ("оппозиции", "перевізники").
const GROUP_STEMS: &[&str] = &[
    "оппозици",
    "опозиці",
    "журналист",
    "журналіст",
    "активист",
    "активіст",
    "перевозчик",
    "перевізник",
    "фермер",
    "волонтер",
    "компани",
    "компані",
    "студент",
    "мигрант",
    "мігрант",
    "беженц",
    "біженц",
    "диаспор",
    "діаспор",
    "меньшинств",
    "меншин",
    "телеканал",
    "сми",
    "медиа",
    "медіа",
    "газет",
    "издани",
    "видання",
    "блогер",
    "эксперт",
    "експерт",
    "аналитик",
    "аналітик",
    "политолог",
    "політолог",
    "турист",
];

/// Whether the adjective `p` names a group of its country's people, not the country: a
/// demonym followed, within two words, by one of [`GROUP_NOUNS`] or [`GROUP_STEMS`] ("the
/// Belarusian democratic opposition", "Polish carriers", "Угорські перевізники").
fn names_a_group(toks: &[Token], p: &Placed<'_>) -> bool {
    p.m.form == NameForm::Demonym
        && toks
            .iter()
            .skip(p.last + 1)
            .take(2)
            .any(|t| GROUP_NOUNS_SET.contains(t.text) || GROUP_STEMS.iter().any(|s| t.text.starts_with(s)))
}

/// "in Donetsk and Luhansk": a place after a locative preposition, or joined to one.
fn is_locative(placed: &[Placed<'_>], toks: &[Token], p: &Placed<'_>) -> bool {
    if p.first == 0 {
        return false;
    }
    let before = toks[p.first - 1].text;
    // "in Donetsk", "in the Sea of Japan".
    if LOCATIVES_SET.contains(before)
        || before == "the" && p.first >= 2 && LOCATIVES_SET.contains(toks[p.first - 2].text)
    {
        return true;
    }
    matches!(before, "and" | "or")
        && placed
            .iter()
            .any(|q| q.last + 2 == p.first && q.first > 0 && LOCATIVES_SET.contains(toks[q.first - 1].text))
}

/// Nouns that name a tie between parties ("allies", "partnership").
const RELATION_NOUNS: &[&str] = &[
    "ally",
    "allies",
    "alliance",
    "alliances",
    "partner",
    "partners",
    "partnership",
    "partnerships",
    "союзник",
    "союзники",
    "союзником",
    "партнер",
    "партнеры",
    "партнером",
    "партнерство",
    "партнерства",
    "партнеров",
    "партнерам",
    "партнерами",
    "союзников",
    "союзникам",
    "союзниками",
    "партнери",
    "партнерів",
    "союзників",
    "партнерству",
];
word_set!(RELATION_NOUNS_SET, RELATION_NOUNS);
/// The plural forms of [`RELATION_NOUNS`].
const PLURAL_TIES: &[&str] = &[
    "allies",
    "alliances",
    "partners",
    "partnerships",
    "союзники",
    "партнеры",
    "партнеров",
    "партнерам",
    "партнерами",
    "союзников",
    "союзникам",
    "союзниками",
    "партнери",
    "партнерів",
    "союзників",
];

/// Acts done to someone: the name after "against", "on" or "of" them is their victim
/// ("the aggression against Ukraine", "attacks on Israel", "the invasion of Ukraine").
const ACT_NOUNS: &[&str] = &[
    "aggression",
    "war",
    "wars",
    "invasion",
    "attack",
    "attacks",
    "assault",
    "strike",
    "strikes",
    "airstrikes",
    "crimes",
    "atrocities",
    "violence",
    "genocide",
    "terrorism",
    "provocation",
    "provocations",
    "hostilities",
    "hostility",
    "coercion",
    "pressure",
    "threats",
    "offensive",
    "blockade",
    "occupation",
    "annexation",
    "bombing",
    "shelling",
    "seizure",
    "violation",
    "violations",
    "encroachment",
    "interference",
    "meddling",
    "destabilization",
    "destruction",
    "repression",
    "cleansing",
    "campaign",
    "actions",
    "measures",
];
/// Russian and Ukrainian stems of [`ACT_NOUNS`] ("агрессия против Украины", "нападение на").
const ACT_NOUN_STEMS: &[&str] = &[
    "агресси",
    "агресі",
    "нападени",
    "напад",
    "вторжени",
    "вторгнен",
    "атак",
    "удар",
    "войн",
    "війн",
    "обстрел",
    "оккупаци",
    "окупаці",
    "аннекси",
    "анексі",
    "давлени",
    "санкци",
];
word_set!(ACT_NOUNS_SET, ACT_NOUNS);

/// Words that may stand between a preposition and the name it governs ("against the", "on its").
const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our"];

/// Token `first`, moved back over any of `words` right before it.
fn skip_back(toks: &[Token], first: usize, words: &[&str]) -> usize {
    let mut k = first;
    while k > 0 && words.contains(&toks[k - 1].text) {
        k -= 1;
    }
    k
}

/// Whether the name `p` is the victim of an act named just before it: "the aggression against
/// Ukraine", "attacks on Israel", "the invasion of Ukraine", "агрессия против Украины".
/// Condemning such an act is not a stance against its victim, and standing "with our allies
/// against Russia" is no tie to Russia. "On Russia's part" names the one who acts.
fn is_victim(toks: &[Token], p: &Placed<'_>) -> bool {
    let k = skip_back(toks, p.first, DETERMINERS);
    if k < 2 || toks.get(p.last + 1).is_some_and(|t| t.text == "part") {
        return false;
    }
    let (prep, noun) = (toks[k - 1].text, toks[k - 2].text);
    let act = ACT_NOUNS_SET.contains(noun) || ACT_NOUN_STEMS.iter().any(|s| noun.starts_with(s));
    match prep {
        "against" | "on" | "upon" | "toward" | "towards" | "targeting" | "против" | "на" | "проти" => act,
        // "the occupation of Crimea", but "the actions of Russia" (who acts).
        "of" => {
            act && !matches!(
                noun,
                "actions" | "measures" | "aggression" | "pressure" | "campaign" | "war"
            )
        }
        _ => false,
    }
}

/// Whether an accusation cue starting with the word `first` labels an act ("aggression",
/// "war crimes", "violated …"), whose owner is the accused, rather than being the act of
/// accusing ("accusations", "blamed"), whose owner is the accuser.
fn labels_an_act(category: &str, first: &str) -> bool {
    const ACCUSING: &[&str] = &[
        "accus",
        "blam",
        "hold",
        "held",
        "bear",
        "guilty",
        "complicit",
        "обвин",
        "звинува",
    ];
    category == "accuse" && !ACCUSING.iter().any(|a| first.starts_with(a))
}

/// Whether the name `p` follows "against" (or "against the", "против").
fn after_against(toks: &[Token], p: &Placed<'_>) -> bool {
    let k = skip_back(toks, p.first, DETERMINERS);
    k > 0 && matches!(toks[k - 1].text, "against" | "против" | "проти")
}

/// "violated the territorial integrity of Ukraine", "a threat to the sovereignty of Georgia":
/// after the cue, whose integrity or sovereignty is meant.
fn after_patient_of(toks: &[Token], p: &Placed<'_>, cue_end: usize) -> bool {
    let k = skip_back(toks, p.first, &["the"]);
    k >= 2
        && k > cue_end
        && toks[k - 1].text == "of"
        && matches!(
            toks[k - 2].text,
            "integrity" | "sovereignty" | "independence" | "borders" | "law" | "charter"
        )
}

/// "the Russia-Ukraine conflict": a name inside a hyphenated compound names a topic, not a target.
fn in_compound(text: &str, m: &GazMatch) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '‑');
    let mut after = text[m.range.end..].chars();
    let mut before = text[..m.range.start].chars().rev();
    matches!((after.next(), after.next()), (Some(d), Some(c)) if dash(d) && c.is_uppercase())
        || matches!((before.next(), before.next()), (Some(d), Some(c)) if dash(d) && c.is_alphabetic())
}

/// The first [`RELATIONAL`]-list phrase and the first [`DYADIC`]-list phrase in a sentence
/// (in list order), found in one pass over its tokens.
fn sentence_phrases(toks: &[Token]) -> [Option<&'static str>; 2] {
    static PHRASES: std::sync::LazyLock<PhraseList> =
        std::sync::LazyLock::new(|| PhraseList::new(&[RELATIONAL, DYADIC]));
    PHRASES.first_in(toks)
}

/// Fixed lists of phrases (words separated by single spaces), indexed by first word.
struct PhraseList {
    /// Each phrase: which list, and its words.
    phrases: Vec<(usize, &'static str, Vec<&'static str>)>,
    by_first: super::text::FastMap<&'static str, Vec<usize>>,
}

impl PhraseList {
    fn new(lists: &[&'static [&'static str]]) -> PhraseList {
        let mut phrases = Vec::new();
        let mut by_first: super::text::FastMap<&str, Vec<usize>> = Default::default();
        for (l, list) in lists.iter().enumerate() {
            for p in list.iter() {
                let words: Vec<&str> = p.split(' ').collect();
                by_first.entry(words[0]).or_default().push(phrases.len());
                phrases.push((l, *p, words));
            }
        }
        PhraseList { phrases, by_first }
    }

    /// For each list, the first of its phrases (in list order) that occurs in `toks`.
    fn first_in<const N: usize>(&self, toks: &[Token]) -> [Option<&'static str>; N] {
        let mut best: [Option<usize>; N] = [None; N];
        for (i, t) in toks.iter().enumerate() {
            for &p in self.by_first.get(t.text).into_iter().flatten() {
                let (l, _, w) = &self.phrases[p];
                if best[*l].is_none_or(|b| p < b)
                    && toks.len() - i >= w.len()
                    && toks[i..].iter().zip(w).all(|(t, p)| t.text == *p)
                {
                    best[*l] = Some(p);
                }
            }
        }
        best.map(|b| b.map(|p| self.phrases[p].1))
    }
}

/// Token index where a document's content starts inside a clause: "a resolution
/// demanding …", "a statement condemning …", "the resolution on Ukraine's territorial integrity".
fn content_clause_start(toks: &[Token], _clause: &[usize]) -> Option<usize> {
    (1..toks.len()).find(|&i| {
        let noun = toks[i - 1].text;
        CONTENT_NOUNS_SET.contains(noun)
            && (toks[i].text.ends_with("ing")
                || toks[i].text == "that"
                // "the resolution on …" (not "a statement on Twitter": where it was made).
                || (matches!(toks[i].text, "on" | "about") && !matches!(noun, "statement" | "letter")))
    })
}

/// Words allowed between an authoring verb and its document: "adopted a non-binding
/// resolution", "issued a joint statement".
const AUTHORED_GAP_WORDS: usize = 3;

/// Whether the document whose content starts at token `k` (its noun at `k - 1`) is the object
/// of an authoring verb, in a sentence whose subject is the actor (named at `subject_at`):
/// "The Chamber on Wednesday adopted a resolution condemning …".
fn authored_by_subject(toks: &[Token], k: usize, subject_at: Option<usize>) -> bool {
    let noun = k - 1;
    subject_at.is_some_and(|subject| subject < noun)
        && (noun.saturating_sub(AUTHORED_GAP_WORDS + 1)..noun).any(|v| {
            (AUTHORING_VERBS_SET.contains(toks[v].text)
                // "put forward a plan calling for …"
                || toks[v].text == "forward"
                    && v.checked_sub(1)
                        .is_some_and(|u| matches!(toks[u].text, "put" | "puts" | "putting" | "brought")))
                && toks[v + 1..noun]
                    .iter()
                    .all(|t| !matches!(t.text, "by" | "on" | "against" | "for" | "that" | "which"))
        })
}

/// The names joined to `p` by "and"/"or" right after it, or (with `lists`) in a list closed by
/// one ("Oslo, Dublin and Madrid"); with `after_the`, also by "and the" ("urged Iran and the
/// United States": parties urged are named in full, where elsewhere "and the" starts a phrase
/// of its own, "Russia's invasion, members of the G7 and the EU").
fn coordinated(
    text: &str,
    cands: &[&Placed<'_>],
    toks: &[Token],
    p: &Placed<'_>,
    after_the: bool,
    lists: bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    // Names joined by a comma alone, kept once an "and" closes their list.
    let mut listed = Vec::new();
    let mut last = p.last;
    loop {
        // "Iran and Israel", "Iran and the United States".
        let joined_at = |first: usize| {
            matches!(
                toks.get(last + 1).map(|t| t.text),
                Some("and" | "и" | "or" | "та" | "і" | "й")
            ) && (first == last + 2 || after_the && first == last + 3 && toks[last + 2].text == "the")
        };
        let comma_at =
            |first: usize| first == last + 1 && text[toks[last].range.end..toks[first].range.start].trim() == ",";
        if let Some(q) = cands.iter().find(|q| q.first > last && joined_at(q.first)) {
            out.append(&mut listed);
            out.push(q.m.entry);
            last = q.last;
        } else if let Some(q) = cands.iter().find(|q| lists && q.first > last && comma_at(q.first)) {
            listed.push(q.m.entry);
            last = q.last;
        } else {
            // "Pakistan, Russia and the other signatories": an "and" before others closes the
            // list too.
            let word = |k: usize| toks.get(k).map_or("", |t| t.text);
            let mut k = last + 1;
            if matches!(word(k), "and" | "и" | "та" | "і" | "й") {
                k += 1;
                if word(k) == "the" {
                    k += 1;
                }
                if matches!(word(k), "other" | "others" | "другие" | "других" | "інші" | "інших") {
                    out.append(&mut listed);
                }
            }
            return out;
        }
    }
}

/// Owners of the initiative noun at token `k`: "China's (12-point peace) plan",
/// "plan of (the) China and Brazil", "the position of the People's Republic of China".
fn initiative_owners(text: &str, cands: &[&Placed<'_>], toks: &[Token], k: usize) -> Vec<usize> {
    if let Some(p) = cands.iter().rev().find(|p| {
        p.last < k && k - p.last <= 5 && (p.m.possessive || (p.m.form == NameForm::Demonym && k - p.last <= 3))
    }) {
        return vec![p.m.entry];
    }
    // Russian genitive: "позицию Астаны", "план Китая".
    if !toks[k].text.is_ascii()
        && let Some(p) = cands.iter().find(|p| p.first == k + 1)
    {
        let mut v = vec![p.m.entry];
        v.extend(coordinated(text, cands, toks, p, false, true));
        return v;
    }
    // "the plan proposed by China", "the initiative put forward by Turkey": a participle and
    // its agent after "by".
    let participle = toks
        .get(k + 1)
        .is_some_and(|t| t.text.ends_with("ed") || matches!(t.text, "put" | "drawn" | "set" | "laid" | "brought"));
    // (Also after a few words more, and a body of the agent's: "the statements issued in
    // February by the Ministry of Foreign Affairs of the Russian Federation".)
    if participle
        && let Some(p) = cands
            .iter()
            .find(|p| p.first > k + 2 && p.first <= k + AGENT_WORDS && after_by_body(toks, p.first))
        && toks[k + 2..p.first]
            .iter()
            .all(|t| t.text.is_ascii() && t.text.chars().all(char::is_alphabetic))
    {
        let mut v = vec![p.m.entry];
        v.extend(coordinated(text, cands, toks, p, false, true));
        return v;
    }
    if toks.get(k + 1).is_some_and(|t| t.text == "of") {
        let skip = if toks.get(k + 2).is_some_and(|t| t.text == "the") {
            3
        } else {
            2
        };
        if let Some(p) = cands.iter().find(|p| p.first == k + skip) {
            let mut v = vec![p.m.entry];
            v.extend(coordinated(text, cands, toks, p, false, true));
            return v;
        }
    }
    Vec::new()
}

/// Words after "not" that make it the first half of "not only … but also …".
const CORRELATIVE_AFTER_NOT: &[&str] = &["only", "just", "merely", "simply", "solely"];

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
    // A negator of several words counts when it ends inside the window ("no longer considers
    // Russia a reliable partner").
    let wider = if cue_start - from == 4 {
        from.saturating_sub(2)
    } else {
        from
    };
    // "not only invaded Ukraine but …", "not just supports": a correlative, no negation.
    let correlative = |after: usize| toks.get(after).is_some_and(|t| CORRELATIVE_AFTER_NOT.contains(&t.text));
    toks[from..cue_start].iter().any(|t| t.text.ends_with("n't"))
        || lex.negators.find(&toks[wider..cue_start]).iter().any(|h| {
            wider + h.end > from
                    && !correlative(wider + h.end)
                    // "the largest if not the only supporter": a hedge, no negation.
                    && !(wider + h.start > 0 && toks[wider + h.start - 1].text == "if")
        })
}

fn apply_negation(score: f32, negated: bool, mode: NegationMode) -> (f32, String) {
    use NegationMode::*;
    match (negated, mode) {
        // A dropped cue never gets here when negated.
        (false, _) | (true, Ignore | Drop) => (score, String::new()),
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
            let word = t.text;
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
        (toks[i].text == "whose" || RELATIVE_SUBJECTS_SET.contains(toks[i].text))
            && text[toks[i - 1].range.end..toks[i].range.start].contains(',')
    })
}

/// Words between a later clause's subject and its cue, at most ("while Hungary openly praised").
const CLAUSE_SUBJECT_GAP_WORDS: usize = 3;

/// Relative pronouns that are the subject of their clause.
const RELATIVE_SUBJECTS: &[&str] = &[
    "which",
    "who",
    "который",
    "которая",
    "которое",
    "которые",
    "який",
    "яка",
    "яке",
    "які",
];
word_set!(RELATIVE_SUBJECTS_SET, RELATIVE_SUBJECTS);

/// Prepositions that make a name part of a phrase rather than the head a relative clause
/// describes ("the attack on Israel, which killed …" is about the attack, "the invasion of
/// Ukraine, which is …" about the invasion).
const RELATIVE_BLOCKING_PREPOSITIONS: &[&str] = &[
    "of",
    "on",
    "in",
    "against",
    "to",
    "from",
    "with",
    "by",
    "at",
    "for",
    "into",
    "over",
    "в",
    "во",
    "на",
    "против",
    "с",
    "со",
    "к",
    "у",
    "до",
    "з",
    "із",
    "від",
    "проти",
    "по",
];
word_set!(RELATIVE_BLOCKING_PREPOSITIONS_SET, RELATIVE_BLOCKING_PREPOSITIONS);

/// The country whose relative clause holds the cue at token `cue_start`, with the relative
/// pronoun's index: "…, South Korea, which summoned …", "…, Республіки Корея, яка викликала …".
/// Not the actor itself ("Beijing, which claims neutrality" describes the actor), not a country
/// named after a preposition, and only while no comma, semicolon or colon closes the clause
/// before the cue.
fn relative_antecedent(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    cue_start: usize,
    actor: usize,
) -> Option<(usize, usize)> {
    let gap = |k: usize| &text[toks[k - 1].range.end..toks[k].range.start];
    // The cue's clause opens with the relative pronoun, right after a comma.
    let r = (1..=cue_start).rev().find(|&k| gap(k).contains([',', ';', ':']))?;
    if !RELATIVE_SUBJECTS_SET.contains(toks[r].text) || !gap(r).contains(',') {
        return None;
    }
    let p = placed
        .iter()
        .find(|p| p.last + 1 == r && !p.m.possessive && p.m.form != NameForm::Demonym)?;
    // "who" follows a person ("Trump, who …"; "the women of Iran, who …" are not Iran), "which"
    // anything else ("President Putin, which is …" is what was said).
    let person = gaz.kind(p.m.entry) == EntityKind::Person;
    if person != (toks[r].text == "who") && matches!(toks[r].text, "who" | "which") {
        return None;
    }
    let entry = actor_entry(gaz, p.m.entry, date)?;
    if entry == actor || p.first > 0 && RELATIVE_BLOCKING_PREPOSITIONS_SET.contains(toks[p.first - 1].text) {
        return None;
    }
    // "on the Russian Federation, which …": "the" may stand between.
    if p.first > 1
        && toks[p.first - 1].text == "the"
        && RELATIVE_BLOCKING_PREPOSITIONS_SET.contains(toks[p.first - 2].text)
    {
        return None;
    }
    Some((entry, r))
}

/// Whether a sentence continues the previous one: it opens with a pronoun or sits
/// inside an open quotation.
fn starts_as_continuation(text: &str, sr: &Range<usize>, toks: &[Token]) -> bool {
    let first = toks.first().map(|t| t.text).unwrap_or("");
    let opens_quote = text[sr.clone()].starts_with(['“', '"', '«', '„']);
    PRONOUNS_SET.contains(first) || opens_quote
}

/// Byte ranges inside quotation marks. A quotation ends at a line break, except that a
/// paragraph left open whose next paragraph opens with a quotation mark (the English way of
/// quoting several paragraphs) keeps its open part as a range of its own.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Only seven characters matter: find the first bytes they can start with (a quotation
    // mark's first byte never occurs inside another UTF-8 character) with vectorised searches,
    // the two-byte « and » apart from the rest, merged in order.
    let bytes = text.as_bytes();
    let mut two_byte = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut others = memchr::memchr3_iter(b'\n', b'"', 0xE2, bytes).peekable();
    loop {
        let i = match (others.peek(), two_byte.peek()) {
            (Some(&a), Some(&b)) if b < a => two_byte.next(),
            (Some(_), _) => others.next(),
            (None, _) => two_byte.next(),
        };
        let Some(i) = i else {
            break;
        };
        let c = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'\n', _, _) => '\n',
            (b'"', _, _) => '"',
            (0xE2, Some(0x80), Some(0x9C)) => '“',
            (0xE2, Some(0x80), Some(0x9D)) => '”',
            (0xE2, Some(0x80), Some(0x9E)) => '„',
            (0xC2, Some(0xAB), _) => '«',
            (0xC2, Some(0xBB), _) => '»',
            _ => continue,
        };
        quote_step(text, i, c, &mut open, &mut out);
    }
    out
}

/// One step of [`quoted_ranges`]: the character `c` at byte `i` of `text` opens or closes a
/// quotation (`open` is where the one still open starts), or ends a paragraph.
fn quote_step(text: &str, i: usize, c: char, open: &mut Option<usize>, out: &mut Vec<Range<usize>>) {
    match c {
        '\n' => {
            if let Some(s) = open.take()
                && text[i..].trim_start().starts_with(['“', '«', '„', '"'])
            {
                out.push(s..i);
            }
        }
        '“' | '«' | '„' if open.is_none() => *open = Some(i),
        '”' | '»' => {
            if let Some(s) = open.take() {
                out.push(s..i + c.len_utf8());
            }
        }
        '"' => match open.take() {
            Some(s) => out.push(s..i + 1),
            None => *open = Some(i),
        },
        _ => {}
    }
}

/// Whole quotations: the ranges of `quoted_ranges`, with a paragraph left open joined to
/// the quotation that continues it in the next paragraph.
fn quotations(text: &str, quotes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open_end: Option<usize> = None;
    for q in quotes {
        match (out.last_mut(), open_end) {
            (Some(last), Some(e)) if e == last.end && text[e..q.start].trim().is_empty() => last.end = q.end,
            _ => out.push(q.clone()),
        }
        let closed = text[..q.end].ends_with(['”', '»', '"']);
        open_end = (!closed).then_some(q.end);
    }
    out
}

/// The first of `quotations` (sorted and disjoint) that overlaps the sentence `sr` without
/// lying inside it: one that runs over the sentence's start or end. Found by binary search
/// (a long transcript has thousands of quotations).
fn spanning_quotation(quotations: &[Range<usize>], sr: &Range<usize>) -> Option<usize> {
    let first = quotations.partition_point(|q| q.end <= sr.start);
    quotations[first..]
        .iter()
        .take_while(|q| q.start < sr.end)
        .position(|q| q.start < sr.start || q.end > sr.end)
        .map(|i| first + i)
}

/// The speaker of a quotation that runs over several sentences: named by a speech verb in
/// its last sentence ("…,” he said), in a short sentence right after it ("Said the
/// ministry."), in its first sentence before the quotation mark ("Tokayev said: “…"), or in
/// the sentence before it when that ends with a colon.
#[allow(clippy::too_many_arguments)]
fn quotation_speaker(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
    q: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
    prev: Option<&Actor>,
    doc_actor: Option<&Actor>,
) -> Option<Actor> {
    let sentences = input.sentences;
    let si = sentences.partition_point(|r| r.end <= q.start);
    let sj = sentences
        .partition_point(|r| r.end < q.end)
        .min(sentences.len().saturating_sub(1));
    let usable = |k: usize| k < sentences.len() && input.boilerplate_start.is_none_or(|b| sentences[k].start < b);
    let speaker_in = |k: usize| {
        let (toks, placed) = sentence_view(input, &sentences[k]);
        speech_actor(input, gaz, lex, toks, &placed, in_quote, None, prev, doc_actor)
    };
    let mut candidates: Vec<(usize, &str)> = vec![(sj, "its last sentence")];
    if usable(sj + 1) {
        let (toks, _) = sentence_view(input, &sentences[sj + 1]);
        let opens_quote = input.text[sentences[sj + 1].clone()].starts_with(['“', '"', '«', '„']);
        if !opens_quote && toks.len() <= 10 {
            candidates.push((sj + 1, "the sentence after it"));
        }
    }
    candidates.push((si, "its first sentence"));
    if si > 0 && input.text[sentences[si - 1].clone()].trim_end().ends_with(':') {
        candidates.push((si - 1, "the sentence before it"));
    }
    candidates
        .into_iter()
        .filter(|&(k, _)| usable(k))
        .find_map(|(k, where_)| {
            speaker_in(k).map(|a| Actor {
                subject_at: None,
                how: format!("speaker of the quotation, named in {where_}: {}", a.how),
                by_speech: false,
                speaks: true,
                first_person: false,
                ..a
            })
        })
}

/// Parties a cue is about when its sentence names nobody (see [`ImpliedTarget`]): from the
/// countries the document mentions and what the gazetteer knows about them on its date.
struct ImpliedParties {
    /// Countries mentioned before the boilerplate, with their mention counts, most first.
    countries: Vec<(usize, usize)>,
    date: Option<Date>,
}

impl ImpliedParties {
    fn new(input: &StanceInput<'_>, gaz: &Gazetteer) -> ImpliedParties {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in input.mentions {
            if input.boilerplate_start.is_some_and(|b| m.range.start >= b) || gaz.kind(m.entry) != EntityKind::Country {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == m.entry) {
                Some(c) => c.1 += 1,
                None => counts.push((m.entry, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        ImpliedParties {
            countries: counts,
            date: input.doc_date,
        }
    }

    fn target(&self, gaz: &Gazetteer, kind: Option<ImpliedTarget>, actor: usize) -> Option<(Vec<usize>, String)> {
        let mentioned = |e: usize| self.countries.iter().any(|c| c.0 == e);
        match kind? {
            // A sanctioned actor talking of sanctions talks of its own.
            ImpliedTarget::Sanctioned if gaz.sanctioned_on(actor, self.date) => None,
            ImpliedTarget::Sanctioned => {
                let (e, _) = self
                    .countries
                    .iter()
                    .find(|(e, _)| *e != actor && gaz.sanctioned_on(*e, self.date))?;
                Some((
                    vec![*e],
                    format!(
                        "nobody named: the country under sanctions that the document mentions, {}",
                        gaz.entries[*e].name
                    ),
                ))
            }
            ImpliedTarget::Occupier => self.countries.iter().find_map(|(held, _)| {
                let occ = gaz
                    .occupiers_of(*held, self.date)
                    .into_iter()
                    .find(|o| *o != actor && mentioned(*o))?;
                Some((
                    vec![occ],
                    format!(
                        "nobody named: {} holds territory of {}, which the document is about (the facts on the ground are its)",
                        gaz.entries[occ].name, gaz.entries[*held].name
                    ),
                ))
            }),
        }
    }
}

/// Nouns naming a conflict; with a country's adjective before them ("the Ukrainian crisis")
/// the conflict is that country's.
const CONFLICT_NOUNS: &[&str] = &["crisis", "conflict", "situation", "кризис", "конфликт", "ситуаци"];
/// Nouns naming a conflict by its place after a preposition ("war in Ukraine", "aggression against Ukraine").
const CONFLICT_PLACE_NOUNS: &[&str] = &[
    "crisis",
    "conflict",
    "situation",
    "war",
    "aggression",
    "invasion",
    "hostilities",
    "fighting",
    "кризис",
    "конфликт",
    "ситуаци",
    "войн",
    "агресси",
];
const CONFLICT_PLACE_PREPS: &[&str] = &["in", "on", "over", "around", "against", "в", "на", "вокруг", "против"];

/// A noun list for [`noun_is`]: English nouns match whole words, Russian stems any ending.
struct NounList {
    whole: super::text::FastSet<&'static str>,
    stems: Vec<&'static str>,
}

impl NounList {
    fn new(list: &[&'static str]) -> NounList {
        let (whole, stems): (Vec<&str>, Vec<&str>) = list.iter().partition(|n| n.is_ascii());
        NounList {
            whole: whole.into_iter().collect(),
            stems,
        }
    }
}

static CONFLICT_NOUN_LIST: std::sync::LazyLock<NounList> = std::sync::LazyLock::new(|| NounList::new(CONFLICT_NOUNS));
static CONFLICT_PLACE_NOUN_LIST: std::sync::LazyLock<NounList> =
    std::sync::LazyLock::new(|| NounList::new(CONFLICT_PLACE_NOUNS));

/// Whether `word` is one of `list`'s nouns (looked up for every token of every sentence). An
/// ASCII word can only equal an English noun, and only a non-ASCII word can start with a
/// Russian stem.
fn noun_is(word: &str, list: &NounList) -> bool {
    if word.is_ascii() {
        list.whole.contains(word)
    } else {
        list.stems.iter().any(|n| word.starts_with(n))
    }
}

/// A sentence's [`conflict_locus`], found the first time it is asked for (only a
/// sovereignty cue without a named party asks, for its own sentence or the next one).
#[derive(Clone, Copy)]
enum LazyLocus {
    /// Not computed yet: the sentence's index.
    Sentence(usize),
    /// Computed.
    Known(Option<usize>),
}

impl LazyLocus {
    fn get(&mut self, input: &StanceInput<'_>, gaz: &Gazetteer) -> Option<usize> {
        match *self {
            LazyLocus::Known(l) => l,
            LazyLocus::Sentence(si) => {
                let (toks, placed) = sentence_view(input, &input.sentences[si]);
                let l = conflict_locus(input.text, gaz, toks, &placed);
                *self = LazyLocus::Known(l);
                l
            }
        }
    }
}

/// The country whose conflict a sentence names: "the Ukrainian crisis", "the situation in
/// Ukraine", "the war against Ukraine" (not "Russia's war": the owner wages it; not
/// "Russia-Ukraine": a compound names both).
fn conflict_locus(text: &str, gaz: &Gazetteer, toks: &[Token], placed: &[Placed<'_>]) -> Option<usize> {
    let country = |p: &&Placed<'_>| gaz.kind(p.m.entry) == EntityKind::Country && !in_compound(text, p.m);
    toks.iter().enumerate().find_map(|(k, t)| {
        let w = t.text;
        if noun_is(w, &CONFLICT_NOUN_LIST)
            && let Some(p) = placed
                .iter()
                .filter(country)
                .find(|p| p.last + 1 == k && !p.m.possessive)
        {
            return Some(p.m.entry);
        }
        if noun_is(w, &CONFLICT_PLACE_NOUN_LIST)
            && toks.get(k + 1).is_some_and(|n| CONFLICT_PLACE_PREPS.contains(&n.text))
        {
            let skip = if toks.get(k + 2).is_some_and(|n| n.text == "the") {
                3
            } else {
                2
            };
            return placed
                .iter()
                .filter(country)
                .find(|p| p.first == k + skip)
                .map(|p| p.m.entry);
        }
        None
    })
}

/// Words for parties in general: "the sovereignty of states".
const GENERIC_PARTIES: &[&str] = &[
    "states",
    "state",
    "countries",
    "country",
    "nations",
    "nation",
    "all",
    "every",
    "each",
    "государств",
    "стран",
];

/// Whose sovereignty a sovereignty cue means when no name stands next to it: "its
/// territorial integrity" → the country "its" refers to (none when that is the actor);
/// "the territorial integrity of states", or the bare principle, in a sentence about a
/// conflict ("the Ukrainian crisis", here or in the previous sentence) → that country.
#[allow(clippy::too_many_arguments)]
fn sovereignty_party(
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &[Placed<'_>],
    cue_start: usize,
    cue_end: usize,
    actor: &Actor,
    locus: Option<usize>,
    recent: &[usize],
) -> Option<(Vec<usize>, String)> {
    let is_actor = |e: usize| e == actor.entry || actor_entry(gaz, e, date) == Some(actor.entry);
    let last_recent = recent.last().copied();
    // A name right before ("Kazakh sovereignty", "Ukraine's") or a copula ("X is a sovereign state").
    if placed.iter().any(|p| p.last + 1 == cue_start)
        || toks[cue_start.saturating_sub(6)..cue_start]
            .iter()
            .any(|t| COPULAS_SET.contains(t.text))
    {
        return None;
    }
    let before = cue_start.checked_sub(1).map(|i| toks[i].text);
    if before == Some("its") {
        let preceding = |other_only: bool| {
            placed
                .iter()
                .rev()
                .find(|p| {
                    p.last + 1 < cue_start
                        && gaz.kind(p.m.entry) == EntityKind::Country
                        && !(other_only && is_actor(p.m.entry))
                })
                .map(|p| p.m.entry)
        };
        let mut antecedent = preceding(false).or(last_recent)?;
        // One respects or recognises another's integrity, not one's own: "Kazakhstan respects its sovereignty".
        let respect = toks[cue_start.saturating_sub(4)..cue_start - 1].iter().any(|t| {
            ["respect", "recogni", "уважа", "призна"]
                .iter()
                .any(|r| t.text.starts_with(r))
        });
        if is_actor(antecedent) && respect {
            antecedent = preceding(true).or(recent.iter().rev().copied().find(|c| !is_actor(*c)))?;
        }
        if is_actor(antecedent) {
            return None;
        }
        return Some((
            vec![antecedent],
            format!(
                "“its {}”: the country it refers to, {}",
                toks[cue_start].text, gaz.entries[antecedent].name
            ),
        ));
    }
    if matches!(before, Some("their" | "his" | "her" | "our" | "my" | "your")) {
        return None;
    }
    // "… of states", "… of all states": the principle in general; "of <something else>": not a party.
    if toks.get(cue_end).is_some_and(|t| t.text == "of") {
        let next = toks
            .get(cue_end + 1)
            .filter(|t| t.text != "the")
            .or(toks.get(cue_end + 2))
            .map(|t| t.text)
            .unwrap_or("");
        if !GENERIC_PARTIES.iter().any(|g| next.starts_with(g)) {
            return None;
        }
    }
    let locus = locus.filter(|l| !is_actor(*l))?;
    Some((
        vec![locus],
        format!(
            "the principle, in a sentence about the conflict of {}",
            gaz.entries[locus].name
        ),
    ))
}

/// The subject of a clause joined by ", and" right before the cue at `cue_start`: "France
/// praised Germany, and Mali condemned Russia" (a name after ", and" with the cue within
/// [`CLAUSE_SUBJECT_GAP_WORDS`] after it).
fn and_clause_subject<'p, 'a>(
    text: &str,
    toks: &[Token],
    placed: &'p [Placed<'a>],
    cues: &[PhraseHit],
    cue_start: usize,
) -> Option<&'p Placed<'a>> {
    placed.iter().rev().find(|p| {
        if !(p.last < cue_start
            && cue_start - p.last <= CLAUSE_SUBJECT_GAP_WORDS
            && !p.m.possessive
            && p.m.form != NameForm::Demonym)
        {
            return false;
        }
        let and = if p.first > 1 && toks[p.first - 1].text == "the" {
            p.first - 2
        } else if p.first > 0 {
            p.first - 1
        } else {
            return false;
        };
        let gap = |k: usize| &text[toks[k - 1].range.end..toks[k].range.start];
        // Not the last of a list ("The United States, Japan, and the Republic of Korea
        // condemn …"): the name before ", and" is not itself after a comma.
        let listed = placed.iter().find(|q| q.last + 1 == and).is_some_and(|q| {
            let start = if q.first > 1 && toks[q.first - 1].text == "the" {
                q.first - 1
            } else {
                q.first
            };
            start > 0 && (gap(start).contains(',') || toks[start - 1].text == "and")
        });
        and > 0 && toks[and].text == "and" && gap(and).contains(',') && !listed && cues.iter().any(|c| c.end <= and)
    })
}

/// The subject of the later clause the cue at `cue_start` sits in, when it has one of its own
/// other than the actor: "Russia controls …, while Ukraine insists on its territorial integrity".
#[allow(clippy::too_many_arguments)]
fn clause_other_subject<'p, 'a>(
    text: &str,
    gaz: &Gazetteer,
    date: Option<Date>,
    toks: &[Token],
    placed: &'p [Placed<'a>],
    clause: &[usize],
    in_quote: &dyn Fn(usize) -> bool,
    cues: &[PhraseHit],
    cue_start: usize,
    actor: &Actor,
) -> Option<&'p Placed<'a>> {
    if let Some(p) = and_clause_subject(text, toks, placed, cues, cue_start)
        .filter(|p| !in_quote(p.m.range.start) && actor_entry(gaz, p.m.entry, date).is_some_and(|e| e != actor.entry))
    {
        return Some(p);
    }
    let c = clause[cue_start];
    let cs = clause.iter().position(|&x| x == c)?;
    if cs == 0 {
        return None;
    }
    let mut k = cs;
    while k < cue_start
        && matches!(
            toks[k].text,
            "while" | "whereas" | "but" | "however" | "although" | "though" | "and" | "yet" | "the"
        )
    {
        k += 1;
    }
    placed.iter().find(|p| {
        p.first == k
            && p.last < cue_start
            && !in_quote(p.m.range.start)
            && actor_entry(gaz, p.m.entry, date).is_some_and(|e| e != actor.entry)
            // "…, but Russia is invincible": the cue says what the name is, the name is its target.
            && !(toks
                .get(p.last + 1)
                .is_some_and(|t| COPULAS_SET.contains(t.text))
                && cue_start <= p.last + 4)
    })
}

#[cfg(test)]
mod tests;
