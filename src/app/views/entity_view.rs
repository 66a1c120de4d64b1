//! The entity filter: search, kinds as groups, counts, include/exclude, co-occurrence.

use crate::analysis::text::fold;
use crate::app::selection::Selection;
use crate::app::settings::Settings;
use crate::model::{Corpus, Entity, EntityId, EntityKind};

/// State of the entity filter view.
#[derive(Debug, Default)]
pub struct EntityView {
    /// The search box.
    pub query: String,
    /// Set to focus the search box on the next frame (Ctrl+F).
    pub focus_search: bool,
}

/// Whether `e` matches the (folded) query: a substring of its name or an alias, or a
/// close spelling (Jaro-Winkler ≥ 0.88 on a word: "tokaev" finds "Tokayev").
pub fn entity_matches(e: &Entity, query_folded: &str) -> bool {
    if query_folded.is_empty() {
        return true;
    }
    std::iter::once(&e.name).chain(e.aliases.iter()).any(|n| {
        let n = fold(n);
        n.contains(query_folded)
            || n.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() >= 3 && strsim::jaro_winkler(w, query_folded) >= 0.88)
    })
}

/// Entities of `kind` matching `query`, sorted by count or name.
pub fn visible_entities(corpus: &Corpus, kind: EntityKind, query: &str, by_count: bool) -> Vec<EntityId> {
    let q = fold(query.trim());
    let mut v: Vec<EntityId> = corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind && entity_matches(e, &q))
        .map(|(i, _)| EntityId(i as u32))
        .collect();
    if by_count {
        v.sort_by(|a, b| {
            corpus
                .entity(*b)
                .mention_count
                .cmp(&corpus.entity(*a).mention_count)
                .then(a.cmp(b))
        });
    } else {
        v.sort_by_key(|e| corpus.entity(*e).name.to_lowercase());
    }
    v
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
    ) {
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
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for kind in EntityKind::ALL {
                let ids = visible_entities(corpus, kind, &self.query, settings.sort_entities_by_count);
                if ids.is_empty() {
                    continue;
                }
                egui::CollapsingHeader::new(format!("{} ({})", kind.plural_label(), ids.len()))
                    .id_salt(kind.as_str())
                    .default_open(kind != EntityKind::Other)
                    .show(ui, |ui| {
                        for id in ids.into_iter().take(300) {
                            self.row_ui(ui, corpus, selection, id, cooc_with);
                        }
                    });
            }
        });
    }

    fn row_ui(
        &self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        selection: &mut Selection,
        id: EntityId,
        cooc_with: Option<EntityId>,
    ) {
        let e = corpus.entity(id);
        let hovered_elsewhere = selection.hovered_entity == Some(id);
        let excluded = selection.exclude.contains(&id);
        let resp = ui
            .horizontal(|ui| {
                let mut included = selection.include.contains(&id);
                let mut name = egui::RichText::new(&e.name);
                if hovered_elsewhere {
                    name = name.background_color(crate::app::theme::hover_background(ui.visuals().dark_mode));
                }
                if excluded {
                    name = name.strikethrough();
                }
                if ui.checkbox(&mut included, name).changed() {
                    selection.toggle_include(id);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let mut counts = format!("{} · {} docs", e.mention_count, e.documents.len());
                    if let Some(with) = cooc_with.filter(|w| *w != id) {
                        let other = &corpus.entity(with).documents;
                        let both = e.documents.iter().filter(|d| other.binary_search(d).is_ok()).count();
                        counts = format!("{both} with {} · {counts}", corpus.entity(with).name);
                    }
                    let ex = ui
                        .small_button(if excluded { "⊘" } else { "−" })
                        .on_hover_text(if excluded {
                            "Excluded: click to stop excluding"
                        } else {
                            "Exclude documents that mention this"
                        });
                    if ex.clicked() {
                        selection.toggle_exclude(id);
                    }
                    ui.label(egui::RichText::new(counts).weak().small());
                });
            })
            .response;
        let resp = resp.on_hover_ui(|ui| {
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
        if resp.hovered() || resp.contains_pointer() {
            selection.hover_entity(id);
        }
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
}
