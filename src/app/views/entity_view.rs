//! The entity filter: search, kinds as groups, counts, include/exclude, co-occurrence.

use crate::analysis::text::fold;
use crate::app::settings::Settings;
use crate::corrections::EntityEdit;
use crate::model::{Corpus, Entity, EntityId, EntityKind};
use crate::selection::Selection;

/// State of the entity filter view.
#[derive(Debug, Default)]
pub struct EntityView {
    /// The search box.
    pub query: String,
    /// Set to focus the search box on the next frame (Ctrl+F).
    pub focus_search: bool,
    /// An edit being prepared (rename text, merge target, split alias) and previewed.
    pending: Option<PendingEdit>,
    /// Sorted, filtered ids per kind, and what they were computed for.
    lists: Option<(ListKey, Vec<Vec<EntityId>>)>,
    /// Every entity's folded names and the sorted ids of each kind, per corpus.
    search: Option<SearchIndex>,
    /// Documents shared by (selected entity, row entity), per corpus (address, entity count):
    /// counted once per pair rather than every frame.
    cooccurrence: Option<((usize, usize), SharedCounts)>,
    /// Groups whose open/closed state the user flipped from the default.
    toggled_kinds: std::collections::BTreeSet<EntityKind>,
}

/// One row of the entity list: a group heading (index into [`EntityKind::ALL`]) or an entity.
#[derive(Debug, Clone, Copy)]
enum ListItem {
    Heading(usize),
    Entity(EntityId),
}

/// What the entity lists depend on.
#[derive(Debug, Clone, PartialEq)]
struct ListKey {
    query: String,
    by_count: bool,
    corpus: usize,
    entities: usize,
}

/// An entity edit waiting for the user's confirmation.
#[derive(Debug, Clone)]
struct PendingEdit {
    entity: String,
    op: PendingOp,
    text: String,
}

#[derive(Debug, Clone, PartialEq)]
enum PendingOp {
    Rename,
    Merge,
    Split(String),
}

/// Whether `e` matches the (folded) query: a substring of its name or an alias, or a
/// close spelling (Jaro-Winkler ≥ 0.88 on a word: "tokaev" finds "Tokayev").
pub fn entity_matches(e: &Entity, query_folded: &str) -> bool {
    SearchKeys::of(e).matches(&Query::new(query_folded))
}

/// An entity's names folded once (case, diacritics), and their words, for searching.
#[derive(Debug, Clone, Default)]
struct SearchKeys {
    names: Vec<String>,
    words: Vec<Word>,
}

/// A word of an entity's names, with what the fuzzy match's quick rejection needs.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    chars: usize,
    histogram: CharHistogram,
}

impl Word {
    /// Whether the word is a close spelling of `query` (Jaro-Winkler ≥ 0.88), after a quick
    /// rejection by length and characters.
    fn is_close_to(&self, query: &Query) -> bool {
        jaro_winkler_possible(self.chars, query.chars, self.histogram.common(&query.histogram))
            && strsim::jaro_winkler(&self.text, &query.folded) >= 0.88
    }
}

/// Counts of a word's characters in 32 hashed buckets: the sum over buckets of the smaller
/// count of two words bounds how many characters they can have in common.
#[derive(Debug, Clone, Copy, Default)]
struct CharHistogram([u8; 32]);

impl CharHistogram {
    fn of(word: &str) -> CharHistogram {
        let mut h = [0u8; 32];
        for c in word.chars() {
            let b = ((c as u32).wrapping_mul(2_654_435_761) >> 27) as usize;
            h[b] = h[b].saturating_add(1);
        }
        CharHistogram(h)
    }

    /// An upper bound on the characters two words share (a multiset intersection).
    fn common(&self, other: &CharHistogram) -> usize {
        self.0.iter().zip(&other.0).map(|(a, b)| usize::from(*a.min(b))).sum()
    }
}

/// Whether Jaro-Winkler of two words of `a_len` and `b_len` characters sharing at most
/// `common` characters can reach 0.88. It needs Jaro ≥ 0.8 (the prefix bonus adds at most
/// 0.4 × (1 − Jaro)), so `m/a + m/b ≥ 1.4` for the m matching characters, m ≤ `common`.
fn jaro_winkler_possible(a_len: usize, b_len: usize, common: usize) -> bool {
    let (a, b, m) = (a_len as f64, b_len as f64, common as f64);
    a > 0.0 && b > 0.0 && m / a + m / b >= 1.4 - 1e-9
}

impl SearchKeys {
    fn of(e: &Entity) -> SearchKeys {
        let names: Vec<String> = std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .map(|n| fold(n))
            .collect();
        let mut words: Vec<String> = names
            .iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        words.dedup();
        let words = words
            .into_iter()
            .map(|text| Word {
                chars: text.chars().count(),
                histogram: CharHistogram::of(&text),
                text,
            })
            .collect();
        SearchKeys { names, words }
    }

    fn matches(&self, query: &Query) -> bool {
        if query.folded.is_empty() {
            return true;
        }
        self.names.iter().any(|n| n.contains(query.folded.as_str())) || self.words.iter().any(|w| w.is_close_to(query))
    }
}

/// A folded search query and its character statistics, computed once per query.
#[derive(Debug, Clone)]
struct Query {
    folded: String,
    chars: usize,
    histogram: CharHistogram,
}

impl Query {
    fn new(query: &str) -> Query {
        let folded = fold(query.trim());
        Query {
            chars: folded.chars().count(),
            histogram: CharHistogram::of(&folded),
            folded,
        }
    }
}

/// Documents shared, by (selected entity, row entity).
type SharedCounts = std::collections::HashMap<(EntityId, EntityId), usize>;

/// What the search needs of a corpus, built once per corpus: the ids of each kind in both
/// sort orders (typing a letter re-sorts nothing) and, from the first query on, the
/// [`NameTables`].
#[derive(Debug)]
struct SearchIndex {
    /// The corpus it was built for (address and entity count).
    corpus: (usize, usize),
    /// The ids of each kind (in [`EntityKind::ALL`] order), most mentioned first.
    by_count: Vec<Vec<EntityId>>,
    /// The same by name, built when first asked for.
    by_name: Option<Vec<Vec<EntityId>>>,
    /// Built when first searched.
    tables: Option<NameTables>,
}

impl SearchIndex {
    fn new(corpus: &Corpus, corpus_key: (usize, usize)) -> SearchIndex {
        let mut by_count = ids_by_kind(corpus);
        for ids in &mut by_count {
            ids.sort_by(|a, b| {
                corpus
                    .entity(*b)
                    .mention_count
                    .cmp(&corpus.entity(*a).mention_count)
                    .then(a.cmp(b))
            });
        }
        SearchIndex {
            corpus: corpus_key,
            by_count,
            by_name: None,
            tables: None,
        }
    }

    /// The ids of each kind in the order asked for.
    fn sorted(&mut self, corpus: &Corpus, by_count: bool) -> &[Vec<EntityId>] {
        if by_count {
            return &self.by_count;
        }
        self.by_name.get_or_insert_with(|| {
            let mut lists = ids_by_kind(corpus);
            for ids in &mut lists {
                ids.sort_by_cached_key(|e| corpus.entity(*e).name.to_lowercase());
            }
            lists
        })
    }

    /// The entities of each kind matching `query`, in the order asked for.
    fn visible(&mut self, corpus: &Corpus, query: &str, by_count: bool) -> Vec<Vec<EntityId>> {
        let q = Query::new(query);
        let hit = (!q.folded.is_empty()).then(|| {
            self.tables
                .get_or_insert_with(|| NameTables::new(corpus))
                .matching(&q, corpus.entities.len())
        });
        self.sorted(corpus, by_count)
            .iter()
            .map(|ids| match &hit {
                None => ids.clone(),
                Some(hit) => ids.iter().copied().filter(|id| hit[id.0 as usize]).collect(),
            })
            .collect()
    }
}

/// Every entity's folded names in one text (one vectorised substring search per query, not
/// one per name), and the distinct words of all names with the entities they belong to (one
/// fuzzy comparison per word, not per word of each entity). They answer as
/// [`SearchKeys::matches`] does, entity by entity.
#[derive(Debug)]
struct NameTables {
    /// Every entity's folded names, each followed by [`NAME_END`].
    names: String,
    /// Where each name in `names` ends (the byte of its [`NAME_END`]) and whose it is.
    name_ends: Vec<(usize, EntityId)>,
    /// The distinct words of all names.
    words: Vec<Word>,
    /// The entities each word of `words` belongs to.
    word_entities: Vec<Vec<EntityId>>,
}

/// Ends each name in [`NameTables::names`]; a match may not run past it.
const NAME_END: char = '\0';

impl NameTables {
    fn new(corpus: &Corpus) -> NameTables {
        let mut names = String::new();
        let mut name_ends = Vec::new();
        let mut words = Vec::new();
        let mut word_entities: Vec<Vec<EntityId>> = Vec::new();
        let mut word_ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (i, e) in corpus.entities.iter().enumerate() {
            let id = EntityId(i as u32);
            let keys = SearchKeys::of(e);
            for n in &keys.names {
                names.push_str(n);
                name_ends.push((names.len(), id));
                names.push(NAME_END);
            }
            for w in keys.words {
                let k = *word_ids.entry(w.text.clone()).or_insert_with(|| {
                    words.push(w);
                    word_entities.push(Vec::new());
                    words.len() - 1
                });
                word_entities[k].push(id);
            }
        }
        NameTables {
            names,
            name_ends,
            words,
            word_entities,
        }
    }

    /// Which entities (by index) match `query`, which is not empty.
    fn matching(&self, query: &Query, entities: usize) -> Vec<bool> {
        let mut hit = vec![false; entities];
        let finder = memchr::memmem::Finder::new(query.folded.as_bytes());
        let hay = self.names.as_bytes();
        let mut from = 0;
        while let Some(at) = finder.find(&hay[from..]).map(|p| from + p) {
            // The name the match starts in; a match running past its end is none.
            let k = self.name_ends.partition_point(|(end, _)| *end < at);
            let Some(&(end, id)) = self.name_ends.get(k) else { break };
            if at + query.folded.len() <= end {
                hit[id.0 as usize] = true;
                from = end + 1;
            } else {
                from = at + 1;
            }
        }
        for (w, ids) in self.words.iter().zip(&self.word_entities) {
            if w.is_close_to(query) {
                for id in ids {
                    hit[id.0 as usize] = true;
                }
            }
        }
        hit
    }
}

/// The ids of the corpus's entities, one list per kind in [`EntityKind::ALL`] order.
fn ids_by_kind(corpus: &Corpus) -> Vec<Vec<EntityId>> {
    let mut lists = vec![Vec::new(); EntityKind::ALL.len()];
    for (i, e) in corpus.entities.iter().enumerate() {
        if let Some(k) = EntityKind::ALL.iter().position(|k| *k == e.kind) {
            lists[k].push(EntityId(i as u32));
        }
    }
    lists
}

impl EntityView {
    /// Draws the filter.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        selection: &mut Selection,
        settings: &mut Settings,
        visible_docs: &[bool],
    ) -> Option<EntityEdit> {
        let mut edit = self.pending_ui(ui.ctx(), corpus);
        ui.horizontal(|ui| {
            ui.heading("Entities");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(selection.is_filtered(), egui::Button::new("Clear"))
                    .on_hover_text("Show everything again (Esc)")
                    .clicked()
                {
                    selection.clear_filter();
                }
            });
        });
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .hint_text("Search entities (Ctrl+F)")
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        ui.horizontal(|ui| {
            ui.label("Sort:");
            ui.selectable_value(&mut settings.sort_entities_by_count, true, "count");
            ui.selectable_value(&mut settings.sort_entities_by_count, false, "name");
        });
        if selection.is_filtered() {
            let n = visible_docs.iter().filter(|v| **v).count();
            ui.label(egui::RichText::new(format!("{n} of {} documents match", corpus.documents.len())).weak());
        }
        ui.separator();
        let cooc_with = selection.include.iter().next().copied();
        let key = ListKey {
            query: self.query.clone(),
            by_count: settings.sort_entities_by_count,
            corpus: corpus as *const Corpus as usize,
            entities: corpus.entities.len(),
        };
        if self.lists.as_ref().is_none_or(|(k, _)| *k != key) {
            let corpus_key = (key.corpus, key.entities);
            if self.search.as_ref().is_none_or(|s| s.corpus != corpus_key) {
                self.search = Some(SearchIndex::new(corpus, corpus_key));
            }
            let search = self.search.as_mut().expect("just filled");
            let lists = search.visible(corpus, &key.query, key.by_count);
            self.lists = Some((key, lists));
        }
        // Taken out while rows (which need `&mut self`) are drawn, then put back.
        let (key, lists) = self.lists.take().expect("just filled");
        // One flat list of group headings and entity rows, so only the rows on screen are laid
        // out (thousands of names cost nothing until scrolled to).
        let mut items: Vec<ListItem> = Vec::new();
        for (k, (kind, ids)) in EntityKind::ALL.into_iter().zip(lists.iter()).enumerate() {
            if ids.is_empty() {
                continue;
            }
            let open = self.is_open(kind);
            items.push(ListItem::Heading(k));
            if open {
                items.extend(ids.iter().copied().map(ListItem::Entity));
            }
        }
        let row_height = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&egui::TextStyle::Body))
            + 2.0;
        egui::ScrollArea::vertical()
            .id_salt("entity_rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, items.len(), |ui, rows| {
                for item in &items[rows] {
                    match *item {
                        ListItem::Heading(k) => {
                            let kind = EntityKind::ALL[k];
                            let open = self.is_open(kind);
                            let text = format!(
                                "{} {} ({})",
                                if open { "▾" } else { "▸" },
                                kind.plural_label(),
                                lists[k].len()
                            );
                            let r = ui
                                .selectable_label(false, egui::RichText::new(text).strong())
                                .on_hover_text(if open { "Collapse" } else { "Expand" });
                            if r.clicked() {
                                self.toggle_open(kind);
                            }
                        }
                        ListItem::Entity(id) => {
                            if let Some(e) = self.row_ui(ui, corpus, selection, id, cooc_with) {
                                edit = Some(e);
                            }
                        }
                    }
                }
            });
        self.lists = Some((key, lists));
        edit
    }

    /// Whether the group of `kind` is expanded (all but "Other names" start open).
    fn is_open(&self, kind: EntityKind) -> bool {
        (kind != EntityKind::Other) != self.toggled_kinds.contains(&kind)
    }

    fn toggle_open(&mut self, kind: EntityKind) {
        if !self.toggled_kinds.remove(&kind) {
            self.toggled_kinds.insert(kind);
        }
    }

    /// The confirmation window of a rename, merge or split, with its preview.
    fn pending_ui(&mut self, ctx: &egui::Context, corpus: &Corpus) -> Option<EntityEdit> {
        let mut p = self.pending.clone()?;
        let mut result = None;
        let mut open = true;
        let title = match &p.op {
            PendingOp::Rename => format!("Rename {}", p.entity),
            PendingOp::Merge => format!("Merge {} into…", p.entity),
            PendingOp::Split(a) => format!("Split “{a}” off {}", p.entity),
        };
        egui::Window::new(title)
            .id(egui::Id::unique("entity_edit"))
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                let candidate = match &p.op {
                    PendingOp::Rename => {
                        ui.add(egui::TextEdit::singleline(&mut p.text).hint_text("new name"));
                        let to = p.text.trim().to_string();
                        (!to.is_empty() && to != p.entity).then(|| EntityEdit::Rename {
                            from: p.entity.clone(),
                            to,
                        })
                    }
                    PendingOp::Merge => {
                        ui.add(egui::TextEdit::singleline(&mut p.text).hint_text("search the entity to merge into"));
                        let q = fold(p.text.trim());
                        let mut chosen = None;
                        for e in corpus
                            .entities
                            .iter()
                            .filter(|e| e.name != p.entity && entity_matches(e, &q))
                            .take(8)
                        {
                            if ui
                                .selectable_label(
                                    p.text == e.name,
                                    format!("{} ({}, {} mentions)", e.name, e.kind.as_str(), e.mention_count),
                                )
                                .clicked()
                            {
                                chosen = Some(e.name.clone());
                            }
                        }
                        if let Some(c) = chosen {
                            p.text = c;
                        }
                        corpus.entity_named(&p.text).map(|_| EntityEdit::Merge {
                            from: p.entity.clone(),
                            into: p.text.clone(),
                        })
                    }
                    PendingOp::Split(alias) => Some(EntityEdit::SplitAlias {
                        entity: p.entity.clone(),
                        alias: alias.clone(),
                    }),
                };
                ui.separator();
                match &candidate {
                    Some(edit) => {
                        let n = edit.affected_mentions(corpus);
                        ui.label(format!(
                            "This changes {n} mention(s). It is saved with the corpus and can be undone (Ctrl+Z)."
                        ));
                        if ui.button("Apply").clicked() {
                            result = candidate.clone();
                        }
                    }
                    None => {
                        ui.label(egui::RichText::new("Choose a target first.").weak());
                    }
                }
            });
        self.pending = if result.is_some() || !open { None } else { Some(p) };
        result
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        selection: &mut Selection,
        id: EntityId,
        cooc_with: Option<EntityId>,
    ) -> Option<EntityEdit> {
        let e = corpus.entity(id);
        let hovered_elsewhere = selection.hovered_entity == Some(id);
        let excluded = selection.exclude.contains(&id);
        let included_before = selection.include.contains(&id);
        // A long name is cut short ("Democratic Republic of th…") rather than drawn under the counts.
        let resp = ui.horizontal(|ui| {
            egui::containers::Sides::new().shrink_left().truncate().show(
                ui,
                |ui| {
                    let mut included = included_before;
                    let mut name = egui::RichText::new(&e.name);
                    if hovered_elsewhere {
                        name = name.background_color(crate::app::theme::hover_background(ui.visuals().dark_mode));
                    }
                    if excluded {
                        name = name.strikethrough();
                    }
                    ui.checkbox(&mut included, name)
                },
                |ui| {
                    let mut counts = format!("{} · {} docs", e.mention_count, e.documents.len());
                    if let Some(with) = cooc_with.filter(|w| *w != id) {
                        let corpus_key = (corpus as *const Corpus as usize, corpus.entities.len());
                        if self.cooccurrence.as_ref().is_none_or(|(k, _)| *k != corpus_key) {
                            self.cooccurrence = Some((corpus_key, Default::default()));
                        }
                        let cache = &mut self.cooccurrence.as_mut().expect("just filled").1;
                        let both = *cache.entry((with, id)).or_insert_with(|| {
                            crate::analysis::similar::sorted_common_count(&e.documents, &corpus.entity(with).documents)
                        });
                        counts = format!("{both} with {} · {counts}", corpus.entity(with).name);
                    }
                    let ex = ui
                        .small_button(if excluded { "⊘" } else { "−" })
                        .on_hover_text(if excluded {
                            "Excluded: click to stop excluding"
                        } else {
                            "Exclude documents that mention this"
                        });
                    ui.label(egui::RichText::new(counts).weak().small());
                    ex.clicked()
                },
            )
        });
        let (check, exclude_clicked) = resp.inner;
        if check.changed() {
            selection.toggle_include(id);
        }
        if exclude_clicked {
            selection.toggle_exclude(id);
        }
        let resp = egui::InnerResponse::new(check, resp.response);
        let row = resp.response;
        let check = resp.inner;
        let resp = check.union(row.clone()).on_hover_ui(|ui| {
            ui.strong(&e.name);
            ui.label(format!(
                "{} · {} mentions in {} documents",
                e.kind.as_str(),
                e.mention_count,
                e.documents.len()
            ));
            if !e.aliases.is_empty() {
                ui.label(format!("Also written: {}", e.aliases.join(", ")));
            }
        });
        if resp.hovered() || row.contains_pointer() {
            selection.hover_entity(id);
        }
        let mut edit = None;
        resp.context_menu(|ui| {
            if ui.button("Rename…").clicked() {
                self.pending = Some(PendingEdit {
                    entity: e.name.clone(),
                    op: PendingOp::Rename,
                    text: e.name.clone(),
                });
                ui.close();
            }
            if ui.button("Merge into…").clicked() {
                self.pending = Some(PendingEdit {
                    entity: e.name.clone(),
                    op: PendingOp::Merge,
                    text: String::new(),
                });
                ui.close();
            }
            ui.menu_button("Kind", |ui| {
                for kind in EntityKind::ALL {
                    if ui.selectable_label(e.kind == kind, kind.as_str()).clicked() && e.kind != kind {
                        edit = Some(EntityEdit::SetKind {
                            name: e.name.clone(),
                            kind,
                        });
                        ui.close();
                    }
                }
            });
            if !e.aliases.is_empty() {
                ui.menu_button("Split off an alias", |ui| {
                    for a in &e.aliases {
                        if ui.button(a).clicked() {
                            self.pending = Some(PendingEdit {
                                entity: e.name.clone(),
                                op: PendingOp::Split(a.clone()),
                                text: String::new(),
                            });
                            ui.close();
                        }
                    }
                });
            }
        });
        edit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mention_count: 1,
            documents: vec![],
        }
    }

    #[test]
    fn fuzzy_search_finds_spelling_variants() {
        let t = entity("Kassym-Jomart Tokayev", &["Toqaev"]);
        assert!(entity_matches(&t, "tokaev"));
        assert!(entity_matches(&t, "toqa"));
        assert!(entity_matches(&t, ""));
        assert!(!entity_matches(&t, "putin"));
    }

    #[test]
    fn a_query_filters_the_presorted_lists_in_either_order() {
        // Entities of mixed kinds, counts and names, against filtering and sorting each time.
        let names = [
            "Kazakhstan",
            "Ukraine",
            "Tokayev",
            "uk office",
            "Ukrainian Navy",
            "Astana",
            "Kyiv",
        ];
        let kinds = [
            EntityKind::Country,
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ];
        let mut corpus = Corpus::default();
        for i in 0..60 {
            let alias = format!("{} {}", names[(i + 3) % names.len()], i % 4);
            let aliases: &[&str] = if i % 5 == 0 { &[alias.as_str()] } else { &[] };
            let mut e = entity(&format!("{} {}", names[i % names.len()], (i * 7) % 11), aliases);
            e.kind = kinds[(i / 3) % kinds.len()];
            e.mention_count = (i * 37) % 13;
            corpus.entities.push(e);
        }
        let mut index = SearchIndex::new(&corpus, (0, corpus.entities.len()));
        // Substrings, a fuzzy spelling, a name's end, and text across two names' ends.
        for query in [
            "", "uk", "UKRAINE", "tokaev", "zz", "1", "astana 1", "v 3", "10kyiv", "3\0",
        ] {
            for by_count in [true, false] {
                let got = index.visible(&corpus, query, by_count);
                let q = Query::new(query);
                for (k, kind) in EntityKind::ALL.iter().enumerate() {
                    let mut want: Vec<EntityId> = (0..corpus.entities.len() as u32)
                        .map(EntityId)
                        .filter(|id| corpus.entity(*id).kind == *kind)
                        .filter(|id| SearchKeys::of(corpus.entity(*id)).matches(&q))
                        .collect();
                    if by_count {
                        want.sort_by_key(|id| (std::cmp::Reverse(corpus.entity(*id).mention_count), *id));
                    } else {
                        want.sort_by_key(|id| (corpus.entity(*id).name.to_lowercase(), *id));
                    }
                    assert_eq!(got[k], want, "{query:?} {kind:?} by count: {by_count}");
                }
            }
        }
        assert!(index.visible(&corpus, "uk", true).iter().map(Vec::len).sum::<usize>() > 10);
    }

    #[test]
    fn the_quick_rejection_never_drops_a_close_spelling() {
        // Every word of the gazetteer's names against variants of other words: whenever
        // Jaro-Winkler reaches 0.88, the bound must let the pair through.
        let gaz = crate::analysis::gazetteer::Gazetteer::with_overrides(Vec::new()).expect("gazetteer");
        let mut words: Vec<String> = gaz
            .entries
            .iter()
            .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()))
            .flat_map(|n| {
                fold(&n)
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|w| w.chars().count() >= 3)
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut close = 0;
        for (i, q) in words.iter().enumerate().step_by(7) {
            // The word itself, with one letter dropped and with two letters swapped.
            let chars: Vec<char> = q.chars().collect();
            let dropped: String = chars
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != chars.len() / 2)
                .map(|(_, c)| c)
                .collect();
            let mut swapped = chars.clone();
            swapped.swap(1, 2);
            for query in [q.clone(), dropped, swapped.into_iter().collect()] {
                let qk = Query::new(&query);
                for w in words.iter().skip(i.saturating_sub(40)).take(80) {
                    let wk = Word {
                        chars: w.chars().count(),
                        histogram: CharHistogram::of(w),
                        text: w.clone(),
                    };
                    if strsim::jaro_winkler(w, &qk.folded) >= 0.88 {
                        close += 1;
                        assert!(
                            jaro_winkler_possible(wk.chars, qk.chars, wk.histogram.common(&qk.histogram)),
                            "{w:?} ~ {query:?} was rejected"
                        );
                    }
                }
            }
        }
        assert!(close > 500, "the test compared close spellings: {close}");
    }
}
