//! The document list: what passes the filter, with dates, and compare buttons.

use crate::model::DatedPeriod;
use crate::model::{Corpus, DocId};
use crate::selection::Selection;

/// State of the document list.
#[derive(Debug, Default)]
pub struct DocumentsView;

impl DocumentsView {
    /// Draws the list of `docs`.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &mut Selection, docs: &[DocId]) {
        ui.horizontal(|ui| {
            ui.heading("Documents");
            ui.label(egui::RichText::new(format!("{} of {}", docs.len(), corpus.documents.len())).weak());
        });
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("documents")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, docs.len(), |ui, rows| {
                for &id in &docs[rows] {
                    let d = corpus.doc(id);
                    ui.horizontal(|ui| {
                        let date = d.date.as_ref().map_or("undated".to_string(), |d| d.value_string());
                        ui.add_sized(
                            [78.0, row_height - 4.0],
                            egui::Label::new(egui::RichText::new(date).monospace().small()),
                        );
                        for (side, label) in [(0, "A"), (1, "B")] {
                            let current = if side == 0 {
                                selection.compare.0
                            } else {
                                selection.compare.1
                            };
                            if ui
                                .selectable_label(current == Some(id), label)
                                .on_hover_text(format!("Compare: put this document on side {label}"))
                                .clicked()
                            {
                                if side == 0 {
                                    selection.compare.0 = Some(id);
                                } else {
                                    selection.compare.1 = Some(id);
                                }
                            }
                        }
                        let r = ui.add(
                            egui::Button::selectable(selection.open_doc == Some(id), egui::RichText::new(&d.title))
                                .truncate(),
                        );
                        let r = r.on_hover_text(format!(
                            "{}\n{}",
                            d.path,
                            d.outlet.as_deref().unwrap_or("outlet unknown")
                        ));
                        if r.clicked() {
                            selection.open(id, None, None);
                        }
                    });
                }
            });
    }
}
