//! The reader: one document with entities and stance cues highlighted, opened at
//! the sentence a timeline point came from.

use super::rich_text::{Highlights, highlighted_label_ui};
use crate::chart::series::precision_label;
use crate::model::Corpus;
use crate::model::DatedPeriod;
use crate::selection::Selection;
use std::ops::Range;

/// State of the reader.
#[derive(Debug, Default)]
pub struct ReaderView {
    /// The date field's text, for `editing`.
    date_text: String,
    /// Document whose date field is open.
    editing: Option<crate::model::DocId>,
    /// Why the typed date was refused.
    date_error: Option<String>,
    /// Score being edited per stance event of the open document.
    score_edits: std::collections::HashMap<crate::model::StanceId, f32>,
    /// The "code a stance" form for the selected sentence: actor, target, score.
    new_stance: (String, String, f32),
    /// Events pinned as callouts (set by the app from the corrections).
    pub pinned: Vec<crate::corrections::Annotation>,
}

/// An edit the reader asks the app to make (saved as a correction, undoable).
#[derive(Debug, Clone, PartialEq)]
pub enum ReaderCommand {
    /// Set the date of a document ("YYYY-MM-DD", "YYYY-MM", "YYYY"), or with `None` mark it undated.
    SetDate(String, Option<String>),
    /// Forget the correction: the detected date applies again.
    RevertDate(String),
    /// Remove a stance event or set its score.
    Stance(crate::corrections::StanceEdit),
    /// Pin (or unpin) an event's quote as a callout on the timeline.
    TogglePin(crate::corrections::Annotation),
}

impl ReaderView {
    /// Draws the open document; returns an edit the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &mut Selection) -> Option<ReaderCommand> {
        let Some(id) = selection.open_doc else {
            ui.label(egui::RichText::new("Click a document or a timeline point to read it here.").weak());
            return None;
        };

        let doc = corpus.doc(id);
        ui.add(egui::Label::new(egui::RichText::new(&doc.title).heading()).wrap());
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(doc.outlet.as_deref().unwrap_or("outlet unknown")).strong());
            ui.label("·");
            match &doc.date {
                Some(d) => {
                    ui.label(d.value_string()).on_hover_ui(|ui| {
                        ui.set_max_width(380.0);
                        ui.label(format!(
                            "Source: {} · precision: {} · confidence {:.0}%",
                            d.source.as_str(),
                            precision_label(d.precision),
                            d.confidence * 100.0
                        ));
                        ui.label(format!("Evidence: “{}”", d.evidence));
                        ui.label(&d.reasoning);
                    });
                }
                None => {
                    ui.label(egui::RichText::new("undated").italics())
                        .on_hover_text(doc.date_note.as_deref().unwrap_or(""));
                }
            }
            ui.label("·");
            ui.label(egui::RichText::new(&doc.path).weak());
        });
        let mut command = self.date_editor_ui(ui, doc);
        if let Some(c) = self.stances_ui(ui, corpus, selection) {
            command = Some(c);
        }
        if let Some(c) = self.add_stance_ui(ui, corpus, selection) {
            command = Some(c);
        }
        for n in &doc.notices {
            ui.label(
                egui::RichText::new(format!("⚠ {n}"))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.separator();
        let cues: Vec<(Range<usize>, f32)> = corpus.index.stances_by_doc[id.index()]
            .iter()
            .map(|s| (corpus.stance(*s).cue_range.range(), corpus.stance(*s).score))
            .collect();
        let focus = selection.focus_sentence.and_then(|i| doc.sentences.get(i));
        let scroll = std::mem::take(&mut selection.scroll_pending);
        egui::ScrollArea::vertical()
            .id_salt(("reader", id.0))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut offset = 0;
                for para in doc.text.split_inclusive('\n') {
                    let range = offset..offset + para.len();
                    offset += para.len();
                    let trimmed = para.trim_end();
                    if trimmed.trim().is_empty() {
                        continue;
                    }
                    let start = range.start + (trimmed.len() - trimmed.trim_start().len());
                    let text = trimmed.trim_start();
                    let boiler = doc.in_boilerplate(start);
                    if boiler && doc.boilerplate_start == Some(range.start) {
                        ui.separator();
                        ui.label(
                            egui::RichText::new("Page boilerplate below (not used for dates or stance)")
                                .weak()
                                .small(),
                        );
                    }
                    let h = Highlights {
                        mentions: &doc.mentions,
                        cues: &cues,
                        focus: focus.clone(),
                        diffs: Vec::new(),
                        hovered: selection.hovered_entity,
                        framing: &doc.framing,
                        markup: &doc.markup,
                    };
                    let (resp, hovered, byte) = if boiler {
                        ui.scope(|ui| {
                            ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
                            highlighted_label_ui(ui, text, start, &h)
                        })
                        .inner
                    } else {
                        highlighted_label_ui(ui, text, start, &h)
                    };
                    if resp.clicked()
                        && let Some(b) = byte
                    {
                        // A click selects the sentence (to code a stance the analysis missed).
                        selection.focus_sentence = doc.sentence_at(b);
                        selection.focus_cue = None;
                    }
                    if let Some(e) = hovered {
                        selection.hover_entity(e);
                        resp.on_hover_ui(|ui| {
                            let ent = corpus.entity(e);
                            ui.label(format!(
                                "{} ({}) · {} mentions in {} documents",
                                ent.name,
                                ent.kind.as_str(),
                                ent.mention_count,
                                ent.documents.len()
                            ));
                        });
                    } else if scroll && focus.as_ref().is_some_and(|f| f.start >= start && f.start < range.end) {
                        resp.scroll_to_me(Some(egui::Align::Center));
                    }
                    ui.add_space(4.0);
                }
            });
        command
    }

    /// The document's stance events, each with "Wrong" and a score the analyst can set.
    fn stances_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &Selection) -> Option<ReaderCommand> {
        let id = selection.open_doc?;
        let ids = &corpus.index.stances_by_doc[id.index()];
        if ids.is_empty() {
            return None;
        }
        let mut command = None;
        egui::CollapsingHeader::new(format!("Stance events ({})", ids.len()))
            .id_salt(("reader_stances", id.0))
            .default_open(selection.focus_cue.is_some())
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("reader_stance_list")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for sid in ids {
                            let s = corpus.stance(*sid);
                            let edit = |action| crate::corrections::StanceEdit {
                                document: corpus.doc(s.doc).path.clone(),
                                sentence: s.sentence_index(),
                                actor: corpus.entity(s.actor).name.clone(),
                                target: corpus.entity(s.target).name.clone(),
                                action,
                            };
                            ui.horizontal_wrapped(|ui| {
                                let focused = selection.focus_cue.as_ref() == Some(&s.cue_range.range());
                                let text = format!(
                                    "{} → {} {:+.2} “{}”{}",
                                    corpus.entity(s.actor).name,
                                    corpus.entity(s.target).name,
                                    s.score,
                                    s.cue_in(corpus.doc(s.doc)),
                                    if s.corrected { " (yours)" } else { "" }
                                );
                                let mut rich = egui::RichText::new(text).color(crate::app::theme::score_color(s.score));
                                if focused {
                                    rich = rich.strong().underline();
                                }
                                ui.label(rich).on_hover_text(&*s.explanation);
                                if ui
                                    .small_button("Wrong")
                                    .on_hover_text("This is not a stance: remove it (saved, undoable)")
                                    .clicked()
                                {
                                    command =
                                        Some(ReaderCommand::Stance(edit(crate::corrections::StanceAction::Remove)));
                                }
                                ui.menu_button("⋯", |ui| {
                                    ui.label(egui::RichText::new("Whose position is it?").weak());
                                    for (eid, name) in doc_entities(corpus, s.doc) {
                                        if eid != s.actor && ui.button(format!("Actor: {name}")).clicked() {
                                            command = Some(ReaderCommand::Stance(edit(
                                                crate::corrections::StanceAction::SetActor { actor: name.clone() },
                                            )));
                                        }
                                    }
                                    ui.separator();
                                    ui.label(egui::RichText::new("What is it about?").weak());
                                    for (eid, name) in doc_entities(corpus, s.doc) {
                                        if eid != s.target && ui.button(format!("Target: {name}")).clicked() {
                                            command = Some(ReaderCommand::Stance(edit(
                                                crate::corrections::StanceAction::SetTarget { target: name.clone() },
                                            )));
                                        }
                                    }
                                })
                                .response
                                .on_hover_text("Change the actor or the target (saved, undoable)");
                                let key = crate::corrections::Annotation::of_stance(corpus, *sid);
                                let pinned = self.pinned.iter().any(|a| a.same_event(&key));
                                if ui
                                    .small_button(if pinned { "Unpin" } else { "Pin" })
                                    .on_hover_text(if pinned {
                                        "Remove this quote's callout from the timeline"
                                    } else {
                                        "Show this quote as a callout on the timeline and in exported charts (saved)"
                                    })
                                    .clicked()
                                {
                                    command = Some(ReaderCommand::TogglePin(key));
                                }
                                let score = self.score_edits.entry(*sid).or_insert(s.score);
                                ui.add(
                                    egui::DragValue::new(score)
                                        .range(-1.0..=1.0)
                                        .speed(0.05)
                                        .fixed_decimals(2),
                                );
                                if ui.small_button("Set score").clicked() {
                                    command = Some(ReaderCommand::Stance(edit(
                                        crate::corrections::StanceAction::SetScore { score: *score },
                                    )));
                                }
                            });
                        }
                    });
            });
        command
    }

    /// For the sentence selected in the text: code a stance the analysis missed.
    fn add_stance_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &Selection) -> Option<ReaderCommand> {
        let id = selection.open_doc?;
        let sentence = selection.focus_sentence?;
        let doc = corpus.doc(id);
        doc.sentences.get(sentence)?;
        let entities = doc_entities(corpus, id);
        if entities.len() < 2 {
            return None;
        }
        let mut command = None;
        egui::CollapsingHeader::new(format!("Code a stance in sentence {}", sentence + 1))
            .id_salt(("add_stance", id.0))
            .show(ui, |ui| {
                let (actor, target, score) = &mut self.new_stance;
                ui.horizontal_wrapped(|ui| {
                    for (label, value) in [("Actor", &mut *actor), ("Target", &mut *target)] {
                        ui.label(label);
                        egui::ComboBox::new(("new_stance", label), "")
                            .selected_text(if value.is_empty() { "choose…" } else { value.as_str() })
                            .show_ui(ui, |ui| {
                                for (_, name) in &entities {
                                    ui.selectable_value(value, name.clone(), name);
                                }
                            });
                    }
                    ui.label("Score");
                    ui.add(
                        egui::DragValue::new(score)
                            .range(-1.0..=1.0)
                            .speed(0.05)
                            .fixed_decimals(2),
                    );
                    let ready = !actor.is_empty() && !target.is_empty() && actor != target;
                    if ui
                        .add_enabled(ready, egui::Button::new("Add stance"))
                        .on_hover_text("Saved as yours, shown on the timeline, undoable")
                        .clicked()
                    {
                        command = Some(ReaderCommand::Stance(crate::corrections::StanceEdit {
                            document: doc.path.clone(),
                            sentence,
                            actor: actor.clone(),
                            target: target.clone(),
                            action: crate::corrections::StanceAction::Add {
                                score: *score,
                                cue: String::new(),
                            },
                        }));
                    }
                });
            });
        command
    }

    /// The date field: set, mark undated, or revert to the detected date.
    fn date_editor_ui(&mut self, ui: &mut egui::Ui, doc: &crate::model::Document) -> Option<ReaderCommand> {
        let mut command = None;
        if self.editing != Some(doc.id) {
            ui.horizontal(|ui| {
                let edit = ui
                    .small_button("Correct the date…")
                    .on_hover_text("Set the publication date yourself; it is saved and applied on every reload");
                if edit.clicked() {
                    self.editing = Some(doc.id);
                    self.date_text = doc.date.as_ref().map(|d| d.value_string()).unwrap_or_default();
                    self.date_error = None;
                }
                let corrected = doc
                    .date
                    .as_ref()
                    .is_some_and(|d| d.source == crate::model::DateSource::User)
                    || doc.date_note.as_deref() == Some(crate::corrections::UNDATED_BY_USER);
                if corrected {
                    let detected = doc
                        .detected_date
                        .as_ref()
                        .map_or("undated".to_string(), |d| d.value_string());
                    if ui.small_button(format!("Use the detected date ({detected})")).clicked() {
                        command = Some(ReaderCommand::RevertDate(doc.path.clone()));
                    }
                }
            });
            return command;
        }
        ui.horizontal(|ui| {
            ui.label("Date:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.date_text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(110.0),
            );
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Set").clicked() || enter {
                match crate::corrections::validate_date(&self.date_text) {
                    Ok(()) => {
                        command = Some(ReaderCommand::SetDate(
                            doc.path.clone(),
                            Some(self.date_text.trim().to_string()),
                        ));
                        self.editing = None;
                    }
                    Err(e) => self.date_error = Some(e),
                }
            }
            if ui
                .button("Undated")
                .on_hover_text("Mark this document as having no known date")
                .clicked()
            {
                command = Some(ReaderCommand::SetDate(doc.path.clone(), None));
                self.editing = None;
            }
            if ui.button("Cancel").clicked() {
                self.editing = None;
            }
        });
        if let Some(e) = &self.date_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        command
    }
}

/// Entities mentioned in document `doc` (countries, people, organisations), by name.
fn doc_entities(corpus: &Corpus, doc: crate::model::DocId) -> Vec<(crate::model::EntityId, String)> {
    let mut v: Vec<(crate::model::EntityId, String)> = corpus
        .doc(doc)
        .mentions
        .iter()
        .map(|(e, _)| *e)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|e| {
            matches!(
                corpus.entity(*e).kind,
                crate::model::EntityKind::Country
                    | crate::model::EntityKind::Person
                    | crate::model::EntityKind::Organization
            )
        })
        .map(|e| (e, corpus.entity(e).name.clone()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}
