//! The gazetteer: known entities with their names, and fast matching in text.
//!
//! Loaded from `assets/gazetteer.toml` (embedded in the binary) and, when present, a
//! `gazetteer.toml` in the corpus folder's `.stance-explorer/` (entries with the same
//! name replace the shipped ones, new names are added).

use super::text::{Folded, fold, word_char_at, word_char_before};
use super::word_start::{CYRILLIC_ENDINGS, WordStartMatcher};
use crate::model::EntityKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

/// The gazetteer shipped with the app.
pub const DEFAULT_GAZETTEER: &str = include_str!("../../assets/gazetteer.toml");

/// A role a person held for a country, between two dates.
#[derive(Debug, Clone, Deserialize)]
pub struct Role {
    /// Canonical name of the country.
    pub country: String,
    /// For posts in an international body (UN Secretary-General): its canonical
    /// name; the person then speaks for that body, not for `country`.
    #[serde(default)]
    pub organization: Option<String>,
    /// "President", "Foreign Minister"...
    #[serde(default)]
    pub title: String,
    /// First day in the role.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day in the role (open when absent).
    #[serde(default)]
    pub to: Option<String>,
}

/// A period of time, as written in the TOML file (`YYYY-MM-DD`, either end open).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Period {
    /// First day.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day (open when absent).
    #[serde(default)]
    pub to: Option<String>,
    /// Who imposed it (free text, shown in explanations).
    #[serde(default)]
    pub by: String,
}

impl Period {
    /// Whether the period covers `date`; without a date, whether it is still open.
    pub fn covers(&self, date: Option<Date>) -> bool {
        covers(&self.from, &self.to, date)
    }
}

fn covers(from: &Option<String>, to: &Option<String>, date: Option<Date>) -> bool {
    let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<Date>().ok());
    match date {
        Some(d) => parse(from).is_none_or(|f| f <= d) && parse(to).is_none_or(|t| d <= t),
        None => to.is_none(),
    }
}

/// Territory of another country that a country holds by force (the facts on the ground a
/// "fait accompli" refers to).
#[derive(Debug, Clone, Deserialize)]
pub struct Occupation {
    /// Canonical name of the country whose territory is held.
    pub country: String,
    /// First day.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day (open when absent).
    #[serde(default)]
    pub to: Option<String>,
}

/// One gazetteer entry, as written in the TOML file.
#[derive(Debug, Clone, Deserialize)]
pub struct GazetteerEntry {
    /// Canonical name.
    pub name: String,
    /// "country", "person", "organization", "place".
    pub kind: String,
    /// ISO 3166-1 alpha-2 code (countries).
    #[serde(default)]
    pub iso: Option<String>,
    /// Other names of the entity itself.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives that refer to the country ("Kazakh").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals and seats of government that stand for it ("Astana", "Akorda").
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Roles of a person.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Country a place belongs to.
    #[serde(default)]
    pub part_of: Option<String>,
    /// News outlets and agencies: they report, they do not hold positions.
    #[serde(default)]
    pub media: bool,
    /// Aliases that only match with exactly this case ("US", "UN").
    #[serde(default)]
    pub case_sensitive: Vec<String>,
    /// (countries) Periods under broad international sanctions: the party that sanctions
    /// talk in a text refers to when it names nobody.
    #[serde(default)]
    pub sanctions: Vec<Period>,
    /// (countries) Territory of other countries held by force, by period.
    #[serde(default)]
    pub occupies: Vec<Occupation>,
    /// (initiatives) Lexicon cue categories whose target this entry is when the sentence
    /// names no party: a call for "dialogue" addressed to nobody is a stance toward the
    /// peace process.
    #[serde(default)]
    pub stands_for: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    entity: Vec<GazetteerEntry>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The canonical name or an alias.
    Name,
    /// An adjective ("Kazakh").
    Demonym,
    /// A capital or seat of government ("Astana").
    Metonym,
}

/// A gazetteer match in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct GazMatch {
    /// Index of the entry in [`Gazetteer::entries`].
    pub entry: usize,
    /// Byte range in the original text (without a possessive or a Latin plural ending; with a
    /// Cyrillic case ending).
    pub range: Range<usize>,
    /// How it was named.
    pub form: NameForm,
    /// Whether a possessive ('s) follows.
    pub possessive: bool,
}

/// The fewest characters of a Cyrillic name that takes [`CYRILLIC_ENDINGS`]: shorter names
/// ("Мали", "Того") begin too many other words.
const MIN_INFLECTED_CHARS: usize = 5;

#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    form: NameForm,
    /// Exact original spelling required (case-sensitive aliases).
    exact: Option<String>,
    /// Latin script: allow plural/possessive endings.
    latin: bool,
    /// Cyrillic, of at least [`MIN_INFLECTED_CHARS`] characters: allow the case endings of
    /// [`CYRILLIC_ENDINGS`].
    inflects: bool,
    /// An adjective's stem ([`adjective_stem`]): a match only with a case ending.
    stem: bool,
    /// A person's surname alone ("Johnson" for Boris Johnson): another given name right
    /// before it ("Charles Johnson") makes it somebody else.
    surname: bool,
}

/// Entries plus a compiled matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// All entries.
    pub entries: Vec<GazetteerEntry>,
    kinds: Vec<EntityKind>,
    by_name: HashMap<String, usize>,
    /// Cue category → the first entry whose `stands_for` lists it.
    default_targets: HashMap<String, usize>,
    matcher: NameMatcher,
    patterns: Vec<Pattern>,
}

/// How the names are searched.
#[derive(Debug, Clone)]
enum NameMatcher {
    /// By the word at each word start (every name starts with a letter or digit).
    WordStart(WordStartMatcher),
    /// An automaton over every byte, for names that start otherwise (only from a user's
    /// gazetteer), leftmost-longest.
    Automaton(AhoCorasick),
}

/// The stem of a Russian or Ukrainian adjective of nationality in "-ский"/"-ський" (masculine
/// nominative, one word): "российский" → "российск", "угорський" → "угорськ".
fn adjective_stem(demonym: &str) -> Option<&str> {
    let stem = demonym
        .strip_suffix("ий")
        .filter(|s| ["ск", "ськ", "цк", "цьк"].iter().any(|e| s.ends_with(e)))?;
    (!stem.contains(' ') && stem.chars().count() >= MIN_INFLECTED_CHARS).then_some(stem)
}

impl Gazetteer {
    /// Parses TOML gazetteer text (the shipped format).
    pub fn parse(src: &str) -> Result<Vec<GazetteerEntry>, String> {
        toml::from_str::<GazetteerFile>(src)
            .map(|f| f.entity)
            .map_err(|e| e.to_string())
    }

    /// The shipped gazetteer, optionally extended by `overrides` (entries with an
    /// existing name replace it).
    pub fn with_overrides(overrides: Vec<GazetteerEntry>) -> Result<Gazetteer, String> {
        let mut entries = Gazetteer::parse(DEFAULT_GAZETTEER)?;
        for o in overrides {
            match entries.iter_mut().find(|e| e.name == o.name) {
                Some(e) => *e = o,
                None => entries.push(o),
            }
        }
        Gazetteer::new(entries)
    }

    /// Compiles a matcher for `entries`.
    pub fn new(entries: Vec<GazetteerEntry>) -> Result<Gazetteer, String> {
        let mut kinds = Vec::with_capacity(entries.len());
        let mut folded_patterns: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let kind =
                EntityKind::parse(&e.kind).ok_or_else(|| format!("entity {:?}: unknown kind {:?}", e.name, e.kind))?;
            kinds.push(kind);
            // A Russian or Ukrainian adjective of nationality in every case: its stem, which
            // matches only with a case ending ("российский" → "российскую", "кыргызских").
            let stems: Vec<String> = e
                .demonyms
                .iter()
                .filter_map(|d| adjective_stem(d))
                .map(str::to_string)
                .collect();
            // A Russian or Ukrainian name of several words in its other cases ("Организации
            // тюркских государств", "Міжнародного кримінального суду"); not a person's, whose
            // given name and surname inflect by other rules.
            let cases: Vec<String> = if kind == EntityKind::Person {
                Vec::new()
            } else {
                std::iter::once(&e.name)
                    .chain(e.aliases.iter())
                    .flat_map(|n| super::inflect::case_forms(&super::text::normalise_space(n)))
                    .collect()
            };
            let names = std::iter::once((&e.name, NameForm::Name))
                .chain(e.aliases.iter().map(|a| (a, NameForm::Name)))
                .chain(cases.iter().map(|a| (a, NameForm::Name)))
                .chain(e.demonyms.iter().map(|a| (a, NameForm::Demonym)))
                .chain(e.metonyms.iter().map(|a| (a, NameForm::Metonym)))
                .map(|(n, f)| (n, f, false))
                .chain(stems.iter().map(|a| (a, NameForm::Demonym, true)));
            for (name, form, stem) in names {
                // One space between words, as the matcher expects (a run of spaces in a text
                // matches it).
                let name = super::text::normalise_space(name);
                let name = name.as_ref();
                if name.is_empty() {
                    continue;
                }
                let exact = e.case_sensitive.iter().any(|c| c == name);
                let key = if exact { name.to_string() } else { fold(name) };
                if seen.insert(format!("{exact}:{key}"), i).is_some() {
                    continue;
                }
                folded_patterns.push(fold(name));
                patterns.push(Pattern {
                    entry: i,
                    form,
                    exact: exact.then(|| name.to_string()),
                    latin: name
                        .chars()
                        .all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)),
                    stem,
                    surname: kind == EntityKind::Person && !name.contains(' ') && e.name.trim().contains(' '),
                    inflects: !exact
                        && name.chars().count() >= MIN_INFLECTED_CHARS
                        && name
                            .chars()
                            .all(|c| c == ' ' || c == '-' || ('\u{0400}'..='\u{04FF}').contains(&c)),
                });
            }
        }
        // One lookup per word start: on wh-briefings the entity step (folding included) went
        // from 1.22 to 0.88 thread-s against an Aho-Corasick automaton over every byte (whose
        // full DFA searched ~10 % faster than the default but took 14 MB).
        let matcher = match WordStartMatcher::new(&folded_patterns) {
            Some(m) => NameMatcher::WordStart(m),
            None => NameMatcher::Automaton(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&folded_patterns)
                    .map_err(|e| e.to_string())?,
            ),
        };
        let by_name = entries.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
        let mut default_targets = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for c in &e.stands_for {
                default_targets.entry(c.clone()).or_insert(i);
            }
        }
        Ok(Gazetteer {
            entries,
            kinds,
            by_name,
            default_targets,
            matcher,
            patterns,
        })
    }

    /// Kind of entry `i`.
    pub fn kind(&self, i: usize) -> EntityKind {
        self.kinds[i]
    }

    /// The entry a cue of `category` is about when its sentence names no party
    /// (the first entry whose `stands_for` lists the category).
    pub fn default_target(&self, category: &str) -> Option<usize> {
        self.default_targets.get(category).copied()
    }

    /// Entry index by canonical name.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The country (or international body) a person represented on `date` (or, without a date, the country
    /// of their most recent role); for a country, itself; for a place, the country
    /// it is part of is *not* returned (places do not act).
    pub fn country_of(&self, i: usize, date: Option<Date>) -> Option<usize> {
        match self.kinds[i] {
            EntityKind::Country => Some(i),
            EntityKind::Person => {
                let role = self.role_on(i, date)?;
                match &role.organization {
                    Some(org) => self.index_of(org),
                    None => self.index_of(&role.country),
                }
            }
            _ => None,
        }
    }

    /// The role person `i` held on `date`; undated, or with no role on that date, the most
    /// recent one. `None` for a person without roles (and for other kinds).
    pub fn role_on(&self, i: usize, date: Option<Date>) -> Option<&Role> {
        let roles = &self.entries[i].roles;
        let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<Date>().ok());
        date.and_then(|d| {
            roles
                .iter()
                .find(|r| parse(&r.from).is_none_or(|f| f <= d) && parse(&r.to).is_none_or(|t| d <= t))
        })
        .or_else(|| roles.iter().max_by_key(|r| parse(&r.from)))
    }

    /// Whether country `i` was under broad international sanctions on `date` (without a
    /// date: whether such sanctions are still in force).
    pub fn sanctioned_on(&self, i: usize, date: Option<Date>) -> bool {
        self.entries[i].sanctions.iter().any(|p| p.covers(date))
    }

    /// Countries holding territory of country `i` by force on `date` (without a date: now).
    pub fn occupiers_of(&self, i: usize, date: Option<Date>) -> Vec<usize> {
        let name = &self.entries[i].name;
        (0..self.entries.len())
            .filter(|&j| {
                self.entries[j]
                    .occupies
                    .iter()
                    .any(|o| &o.country == name && covers(&o.from, &o.to, date))
            })
            .collect()
    }

    /// The one country holding place `i` (or the place it is part of) by force on `date`:
    /// Russia for Crimea, which is part of Ukraine. None for a place nobody holds, or that
    /// several hold.
    pub fn holder_of_place(&self, i: usize, date: Option<Date>) -> Option<usize> {
        let mut at = i;
        // A place is part of a place or a country; a few steps reach the country.
        for _ in 0..4 {
            if self.kind(at) != EntityKind::Place {
                break;
            }
            at = self.index_of(self.entries[at].part_of.as_deref()?)?;
        }
        if self.kind(at) != EntityKind::Country || at == i {
            return None;
        }
        self.sole_occupier(at, date)
    }

    /// The one country holding territory of `country` by force on `date` (Russia for Ukraine
    /// from 2014), or None where nobody or several do.
    pub fn sole_occupier(&self, country: usize, date: Option<Date>) -> Option<usize> {
        match self.occupiers_of(country, date).as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// All matches in `original` (whose folded form is `folded`), in order.
    pub fn find(&self, original: &str, folded: &Folded) -> Vec<GazMatch> {
        self.find_at(original, folded, &super::text::word_starts(&folded.text))
    }

    /// [`Gazetteer::find`], given the [`super::text::word_starts`] of `folded`'s text.
    pub fn find_at(&self, original: &str, folded: &Folded, starts: &[super::text::WordStart]) -> Vec<GazMatch> {
        let ft = &folded.text;
        match &self.matcher {
            NameMatcher::WordStart(m) => self.accept_all(
                original,
                folded,
                m.find_at(ft, starts).map(|m| (m.pattern, m.start, m.end)),
            ),
            NameMatcher::Automaton(m) => self.accept_all(
                original,
                folded,
                m.find_iter(ft).map(|m| (m.pattern().as_usize(), m.start(), m.end())),
            ),
        }
    }

    /// The matches among the candidates `(pattern, start, end)` (in the folded text) that
    /// start and end a word, or end with a plural or possessive ending on a Latin name.
    fn accept_all(
        &self,
        original: &str,
        folded: &Folded,
        candidates: impl Iterator<Item = (usize, usize, usize)>,
    ) -> Vec<GazMatch> {
        let ft = &folded.text;
        let mut out = Vec::new();
        for (pattern, start, end) in candidates {
            let p = &self.patterns[pattern];
            if word_char_before(ft, start) {
                continue;
            }
            let mut end = end;
            let mut possessive = false;
            if p.stem && !word_char_at(ft, end) {
                continue;
            }
            if word_char_at(ft, end) {
                if p.inflects {
                    // A case ending ("Донецк" → "Донецкой"): the rest of the word is one.
                    let rest = &ft[end..];
                    let word_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
                    if !CYRILLIC_ENDINGS.contains(&&rest[..word_len]) {
                        continue;
                    }
                    end += word_len;
                } else {
                    // Plural endings on Latin adjectives of nationality ("Kazakhs",
                    // "Ukrainians") and names of several words ("the Donetsk and Luhansk
                    // People's Republics"); a one-word name with one is another word
                    // ("Frances", "Jordans", "Turkeys").
                    if !p.latin || p.form == NameForm::Name && !ft[start..end].contains(' ') {
                        continue;
                    }
                    let rest = &ft[end..];
                    let suffix = ["es", "s"]
                        .iter()
                        .find(|s| rest.starts_with(*s) && !word_char_at(ft, end + s.len()));
                    match suffix {
                        Some(_) => {}
                        None => continue,
                    }
                }
            } else if (ft[end..].starts_with("'s") && !word_char_at(ft, end + 2))
                || (ft[end..].starts_with('\'') && ft[..end].ends_with('s'))
            {
                possessive = true;
            }
            let range = folded.original_range(start..end);
            if p.surname && other_given_name_before(original, range.start) {
                continue;
            }
            if let Some(exact) = &p.exact
                && original.get(range.clone()).map(super::text::normalise_space).as_deref() != Some(exact.as_str())
            {
                continue;
            }
            end = range.end;
            out.push(GazMatch {
                entry: p.entry,
                range: range.start..end,
                form: p.form,
                possessive,
            });
        }
        out
    }
}

/// Whether the word right before byte `at` of `text` (white space within a paragraph away) looks like a given
/// name: capitalised, not a title ("President", "Mr"), not a word that starts sentences
/// nor a word that starts sentences ("But", "Yesterday", "In").
fn other_given_name_before(text: &str, at: usize) -> bool {
    const NOT_GIVEN_NAMES: &[&str] = &[
        "President",
        "Prime",
        "Minister",
        "Premier",
        "Chancellor",
        "Secretary",
        "Senator",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Lord",
        "Lady",
        "General",
        "Ambassador",
        "Foreign",
        "Spokesman",
        "Spokeswoman",
        "Governor",
        "King",
        "Queen",
        "Prince",
        "Leader",
        "Former",
        "Deputy",
        "Vice",
        "Speaker",
        "Representative",
        "Rep",
        "Sen",
        "Gen",
        "But",
        "And",
        "Then",
        "When",
        "While",
        "If",
        "As",
        "So",
        "Also",
        "Now",
        "Later",
        "Meanwhile",
        "However",
        "Yesterday",
        "Today",
        "Still",
        "Yet",
        "After",
        "Before",
        "Since",
        "Because",
        "Although",
        "The",
        "That",
        "This",
        "Where",
        "Why",
        "How",
        "What",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "In",
        "On",
        "At",
        "For",
        "With",
        "Under",
        "During",
        "By",
        "From",
        "To",
        "Of",
        "Asked",
        "Earlier",
        "Last",
        "Next",
        "Both",
        "Only",
        "Even",
        "Here",
        "There",
        "Instead",
        "Indeed",
        "Thus",
        "Nevertheless",
        "Moreover",
        "Finally",
        "Unlike",
        "Like",
        "Did",
        "Does",
        "Do",
        "Has",
        "Had",
        "Is",
        "Was",
        "Will",
        "Would",
        "Could",
        "Should",
        "Can",
        "Said",
        "Says",
        "Told",
        "Let",
        "Thank",
        "Thanks",
        "Dear",
        "Mister",
        "Madam",
        "Judge",
        "Justice",
        "Commissioner",
        "Director",
        "Chairman",
        "Chair",
        "Mayor",
        "Admiral",
        "Colonel",
        "Captain",
        "Lieutenant",
        "Envoy",
        "Cabinet",
    ];
    // The white space between: spaces, or the one line break of hard-wrapped text after a line
    // as long as a wrapped one ("… President Charles\nJohnson"; not "News\nBorrell tells …").
    let before = text[..at].trim_end();
    let gap = &text[before.len()..at];
    let line_breaks = gap.matches('\n').count();
    let wrapped = || {
        let line = before.rsplit('\n').next().unwrap_or(before);
        line.chars().nth(super::sentences::MIN_WRAPPED_LINE_CHARS - 1).is_some()
    };
    if gap.is_empty() || line_breaks > 1 || (line_breaks == 1 && !wrapped()) {
        return false;
    }
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !word.ends_with('.');
    capitalised && !NOT_GIVEN_NAMES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::with_overrides(Vec::new()).expect("shipped gazetteer parses")
    }

    /// The same gazetteer searched by an Aho-Corasick automaton over every byte.
    fn with_automaton(mut g: Gazetteer) -> Gazetteer {
        let NameMatcher::WordStart(m) = &g.matcher else {
            panic!("the shipped names all start with a letter or digit");
        };
        g.matcher = NameMatcher::Automaton(
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(m.patterns())
                .expect("builds"),
        );
        g
    }

    proptest::proptest! {
        /// Searching at word starts finds what the automaton over every byte finds, on texts
        /// of the shipped names (any case) with plural and possessive endings, other words,
        /// hyphens, apostrophes and punctuation between them. (Not letters glued to a name:
        /// "XJames David Vance" is where the two differ, see `word_start`.)
        #[test]
        fn word_starts_find_what_the_automaton_finds(
            picks in proptest::collection::vec((0usize..4000, 0usize..12, proptest::bool::ANY), 1..25)
        ) {
            static BOTH: std::sync::LazyLock<(Gazetteer, Gazetteer)> = std::sync::LazyLock::new(|| {
                let g = Gazetteer::with_overrides(Vec::new()).expect("parses");
                (g.clone(), with_automaton(g))
            });
            let (words, automaton) = &*BOTH;
            const GLUE: [&str; 12] = [" ", ", ", "'s ", "s ", "es ", "-", " the ", "\n", "n ", "' ", ". ", " and X "];
            let mut text = String::new();
            for (name, glue, upper) in picks {
                let p = &words.patterns[name % words.patterns.len()];
                let e = &words.entries[p.entry];
                let n = std::iter::once(&e.name).chain(&e.aliases).chain(&e.demonyms).chain(&e.metonyms).nth(name % 3).unwrap_or(&e.name);
                text.push_str(&if upper { n.to_uppercase() } else { n.clone() });
                text.push_str(GLUE[glue]);
            }
            let folded = Folded::new(&text);
            proptest::prop_assert_eq!(words.find(&text, &folded), automaton.find(&text, &folded), "{}", text);
        }
    }

    fn names(g: &Gazetteer, s: &str) -> Vec<(String, String)> {
        let f = Folded::new(s);
        g.find(s, &f)
            .into_iter()
            .map(|m| (g.entries[m.entry].name.clone(), s[m.range].to_string()))
            .collect()
    }

    #[test]
    fn sanctions_and_occupations_are_dated_and_name_known_countries() {
        let g = gaz();
        let ru = g.index_of("Russia").unwrap();
        let ua = g.index_of("Ukraine").unwrap();
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        assert!(g.sanctioned_on(ru, d("2014-03-27")));
        assert!(!g.sanctioned_on(ru, d("2013-12-31")));
        assert!(g.sanctioned_on(ru, None));
        assert_eq!(g.occupiers_of(ua, d("2014-03-27")), [ru]);
        assert!(g.occupiers_of(ua, d("2013-12-31")).is_empty());
        for e in &g.entries {
            for o in &e.occupies {
                assert!(g.index_of(&o.country).is_some(), "{}: unknown {}", e.name, o.country);
            }
            for p in e
                .sanctions
                .iter()
                .map(|p| (&p.from, &p.to))
                .chain(e.occupies.iter().map(|o| (&o.from, &o.to)))
            {
                for v in [p.0, p.1].into_iter().flatten() {
                    assert!(v.parse::<Date>().is_ok(), "{}: bad date {v}", e.name);
                }
            }
        }
    }

    #[test]
    fn demonyms_metonyms_and_possessives_resolve_to_the_country() {
        let g = gaz();
        let found = names(
            &g,
            "Kazakhstan's delegation, the Kazakh ministry, Astana and Kazakhstani tenge.",
        );
        let kz: Vec<_> = found
            .iter()
            .filter(|(n, _)| n == "Kazakhstan")
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(kz, ["Kazakhstan", "Kazakh", "Astana", "Kazakhstani"]);
    }

    #[test]
    fn russian_and_ukrainian_adjectives_of_nationality_match_in_every_case() {
        let g = gaz();
        let found = names(
            &g,
            "поблагодарил российскую сторону, обвинил кыргызских военных, угорською стороною, российск.",
        );
        let countries: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(countries, ["Russia", "Kyrgyzstan", "Hungary"], "{found:?}");
        assert_eq!(adjective_stem("российский"), Some("российск"));
        assert_eq!(adjective_stem("угорський"), Some("угорськ"));
        assert_eq!(adjective_stem("Russian"), None);
    }

    #[test]
    fn word_boundaries_are_respected() {
        let g = gaz();
        assert!(
            names(&g, "Unusual russianness").is_empty(),
            "{:?}",
            names(&g, "Unusual russianness")
        );
        let found = names(&g, "Russians and Ukrainians");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn case_sensitive_abbreviations() {
        let g = gaz();
        let found = names(&g, "the UN said; un autre; US troops; tell us");
        let un: Vec<_> = found.iter().map(|(_, s)| s.as_str()).collect();
        assert!(un.contains(&"UN") && un.contains(&"US"), "{found:?}");
        assert!(!un.contains(&"un") && !un.contains(&"us"), "{found:?}");
    }

    #[test]
    fn spelling_variants_and_cyrillic_are_one_person() {
        let g = gaz();
        for s in [
            "Toqaev spoke",
            "Tokayev spoke",
            "Токаев заявил",
            "Kassym-Jomart Tokayev spoke",
        ] {
            let found = names(&g, s);
            assert_eq!(
                found.first().map(|f| f.0.as_str()),
                Some("Kassym-Jomart Tokayev"),
                "{s}: {found:?}"
            );
        }
    }

    #[test]
    fn cyrillic_names_of_several_words_are_found_in_their_cases() {
        // The first words inflect ("Организации", "Міжнародного кримінального суду"), the
        // genitive after them does not.
        let g = gaz();
        let found = names(
            &g,
            "выразил признательность Организации тюркских государств; ордер Міжнародного \
             кримінального суду; в рамках Шанхайской организации сотрудничества",
        );
        let found: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            found,
            [
                "Organisation of Turkic States",
                "International Criminal Court",
                "Shanghai Cooperation Organisation"
            ]
        );
    }

    #[test]
    fn short_cyrillic_names_are_found_in_their_listed_cases() {
        // Names of four letters or fewer take no case ending by rule; their cases are listed
        // ("МИД Ирака", "встреча с Туском").
        let g = gaz();
        let found = names(&g, "МИД Ирака; встреча с Туском; позиция Рима");
        let found: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(found, ["Iraq", "Donald Tusk", "Italy"]);
    }

    #[test]
    fn cyrillic_names_are_found_with_their_case_endings() {
        // A case ending after the stem counts ("Донецкой"), other letters do not ("путинизм",
        // "Донецкхой"); a name of four letters takes none ("Ираны": too many words begin as a
        // short name does; its cases are listed).
        let g = gaz();
        let found = names(
            &g,
            "референдумы в Донецкой и Луганской областях; встреча с Путиным; путинизм; \
             Донецкого; Донецкхой; Ираны",
        );
        let found: Vec<(&str, &str)> = found.iter().map(|(e, s)| (e.as_str(), s.as_str())).collect();
        assert_eq!(
            found,
            [
                ("Donetsk", "Донецкой"),
                ("Luhansk", "Луганской"),
                ("Vladimir Putin", "Путиным"),
                ("Donetsk", "Донецкого"),
            ]
        );
    }

    #[test]
    fn countries_of_every_region_have_russian_and_ukrainian_names_and_common_words_stay_words() {
        // Names that are also words match only capitalised ("чад" is fumes, "оману" delusion).
        let g = gaz();
        let found = names(
            &g,
            "Уряд Малі оголосив; посол Мексики; з Сенегалом; Кубой; сенегальская делегация; \
             в Мали; Чад; чад от костра; ввести в оману; Республіки Малі",
        );
        let found: Vec<(&str, &str)> = found.iter().map(|(e, s)| (e.as_str(), s.as_str())).collect();
        assert_eq!(
            found,
            [
                ("Mexico", "Мексики"),
                ("Senegal", "Сенегалом"),
                ("Cuba", "Кубой"),
                ("Senegal", "сенегальская"),
                ("Mali", "Мали"),
                ("Chad", "Чад"),
                ("Mali", "Республіки Малі"),
            ]
        );
    }

    #[test]
    fn a_plural_ending_goes_on_adjectives_and_names_of_several_words_only() {
        // "Frances Perkins" is no France and "Turkeys" no Turkey; "Kazakhs" are Kazakh (the match
        // leaves the ending out) and the "People's Republics" of Donetsk and Luhansk are each one's.
        let g = gaz();
        let found = names(
            &g,
            "Frances Perkins met the Kazakhs. Thanksgiving Turkeys. The Luhansk People's Republics.",
        );
        let found: Vec<(&str, &str)> = found.iter().map(|(e, s)| (e.as_str(), s.as_str())).collect();
        assert!(
            !found.iter().any(|(e, _)| *e == "France" || *e == "Turkey"),
            "{found:?}"
        );
        assert!(found.contains(&("Kazakhstan", "Kazakh")), "{found:?}");
        assert!(found.iter().any(|(e, _)| *e == "Luhansk"), "{found:?}");
    }

    #[test]
    fn no_two_entries_share_a_name_or_a_form() {
        // One string stands for one entity: a second entry with the same name or alias would
        // split its mentions (the shipped file once held "Viktor Orban" twice).
        let g = gaz();
        let mut seen = std::collections::HashMap::new();
        for (i, e) in g.entries.iter().enumerate() {
            for form in std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.demonyms)
                .chain(&e.metonyms)
            {
                if let Some(j) = seen.insert(fold(form), i) {
                    assert_eq!(j, i, "{form:?} names both {:?} and {:?}", g.entries[j].name, e.name);
                }
            }
        }
    }

    #[test]
    fn roles_give_the_country_by_date() {
        let g = gaz();
        let naz = g.index_of("Nursultan Nazarbayev").unwrap();
        let kz = g.index_of("Kazakhstan").unwrap();
        assert_eq!(g.country_of(naz, Some(jiff::civil::date(2014, 3, 27))), Some(kz));
        let tok = g.index_of("Kassym-Jomart Tokayev").unwrap();
        assert_eq!(g.country_of(tok, Some(jiff::civil::date(2022, 3, 1))), Some(kz));
    }
}
