//! The side-by-side source view: two documents aligned passage by passage, with
//! word differences inside aligned pairs.

use super::rich_text::{Highlights, highlighted_label_ui};
use crate::analysis::align::{AlignedRow, align, suggest_pairs, word_diff};
use crate::app::settings::Settings;
use crate::app::theme;
use crate::model::{Corpus, DocId, Document};
use crate::selection::Selection;
use std::ops::Range;

/// Largest corpus for which document pairs are suggested (the search is quadratic).
pub const MAX_DOCS_FOR_SUGGESTIONS: usize = 400;

/// Aligned rows, shared with the frame that draws them.
type SharedRows = std::sync::Arc<Vec<Row>>;

/// One aligned row with its diff ranges.
#[derive(Debug, Clone)]
struct Row {
    row: AlignedRow,
    left_diffs: Vec<Range<usize>>,
    right_diffs: Vec<Range<usize>>,
}

/// State of the side-by-side view.
#[derive(Debug, Default)]
pub struct CompareView {
    rows: Option<((DocId, DocId), SharedRows)>,
    suggestions: Option<Vec<(DocId, DocId, f32)>>,
    far_apart: Option<Option<(DocId, DocId, String, i32)>>,
}

/// Content sentences of a document (boilerplate left out).
fn content_sentences(doc: &Document) -> Vec<Range<usize>> {
    doc.sentences
        .iter()
        .filter(|r| !doc.in_boilerplate(r.start))
        .cloned()
        .collect()
}

impl CompareView {
    /// The same actor, farthest apart in time: the pair of dated documents whose most
    /// frequent stance actor is the same, with the longest gap (e.g. 2014 vs 2024).
    pub fn same_actor_far_apart(corpus: &Corpus) -> Option<(DocId, DocId, String, i32)> {
        let mut best: Option<(DocId, DocId, String, i32)> = None;
        let mut by_actor: std::collections::HashMap<crate::model::EntityId, Vec<(DocId, jiff::civil::Date)>> =
            Default::default();
        for d in &corpus.documents {
            let Some(date) = d.date.as_ref().map(|x| x.date) else {
                continue;
            };
            let mut counts: std::collections::HashMap<crate::model::EntityId, usize> = Default::default();
            for s in &corpus.index.stances_by_doc[d.id.index()] {
                *counts.entry(corpus.stance(*s).actor).or_default() += 1;
            }
            if let Some((actor, _)) = counts.into_iter().max_by_key(|(a, n)| (*n, std::cmp::Reverse(*a))) {
                by_actor.entry(actor).or_default().push((d.id, date));
            }
        }
        for (actor, docs) in by_actor {
            let (Some(first), Some(last)) = (docs.iter().min_by_key(|d| d.1), docs.iter().max_by_key(|d| d.1)) else {
                continue;
            };
            let days = (last.1 - first.1).get_days();
            if first.0 != last.0 && best.as_ref().is_none_or(|b| days > b.3) {
                best = Some((first.0, last.0, corpus.entity(actor).name.clone(), days));
            }
        }
        best
    }

    /// Drops caches (after a reload).
    pub fn invalidate(&mut self) {
        self.rows = None;
        self.suggestions = None;
        self.far_apart = None;
    }

    /// The most similar document pairs (cached).
    pub fn suggestions(&mut self, corpus: &Corpus) -> &[(DocId, DocId, f32)] {
        self.suggestions.get_or_insert_with(|| {
            if corpus.documents.len() > MAX_DOCS_FOR_SUGGESTIONS {
                return Vec::new();
            }
            let texts: Vec<String> = corpus
                .documents
                .iter()
                .map(|d| {
                    content_sentences(d)
                        .iter()
                        .map(|r| &d.text[r.clone()])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            suggest_pairs(&refs, 0.1, 5)
                .into_iter()
                .map(|(a, b, s)| (DocId(a as u32), DocId(b as u32), s))
                .collect()
        })
    }

    fn rows(&mut self, corpus: &Corpus, pair: (DocId, DocId)) -> std::sync::Arc<Vec<Row>> {
        if let Some((k, rows)) = &self.rows
            && *k == pair
        {
            return std::sync::Arc::clone(rows);
        }
        let (a, b) = (corpus.doc(pair.0), corpus.doc(pair.1));
        let (sa, sb) = (content_sentences(a), content_sentences(b));
        let ta: Vec<&str> = sa.iter().map(|r| &a.text[r.clone()]).collect();
        let tb: Vec<&str> = sb.iter().map(|r| &b.text[r.clone()]).collect();
        let rows: Vec<Row> = align(&ta, &tb)
            .into_iter()
            .map(|row| {
                let mapped = match row {
                    AlignedRow::Pair {
                        left,
                        right,
                        similarity,
                    } => AlignedRow::Pair {
                        left: doc_index(a, &sa[left]),
                        right: doc_index(b, &sb[right]),
                        similarity,
                    },
                    AlignedRow::LeftOnly(i) => AlignedRow::LeftOnly(doc_index(a, &sa[i])),
                    AlignedRow::RightOnly(j) => AlignedRow::RightOnly(doc_index(b, &sb[j])),
                };
                let (left_diffs, right_diffs) = match row {
                    AlignedRow::Pair { left, right, .. } => {
                        diff_ranges(ta[left], sa[left].start, tb[right], sb[right].start)
                    }
                    _ => (Vec::new(), Vec::new()),
                };
                Row {
                    row: mapped,
                    left_diffs,
                    right_diffs,
                }
            })
            .collect();
        let rows = std::sync::Arc::new(rows);
        self.rows = Some((pair, std::sync::Arc::clone(&rows)));
        rows
    }

    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &mut Selection, settings: &mut Settings) {
        ui.horizontal(|ui| {
            ui.heading("Side by side");
            // Two combos, the swap button and their A/B labels share the rest of the row.
            let combo_w = ((ui.available_width() - 130.0) / 2.0).clamp(80.0, 360.0);
            doc_combo_ui(ui, "A", corpus, &mut selection.compare.0, combo_w);
            if ui.button("⇄").on_hover_text("Swap sides").clicked() {
                selection.compare = (selection.compare.1, selection.compare.0);
            }
            doc_combo_ui(ui, "B", corpus, &mut selection.compare.1, combo_w);
        });
        let suggestions = self.suggestions(corpus).to_vec();
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut settings.show_word_diff, "word differences");
            framing_legend_ui(ui);
            if !suggestions.is_empty() {
                ui.separator();
                ui.label(egui::RichText::new("Suggested pairs:").weak());
                for (a, b, s) in suggestions.iter().take(3) {
                    let label = format!(
                        "{} ↔ {} ({:.0}%)",
                        short(corpus.doc(*a)),
                        short(corpus.doc(*b)),
                        s * 100.0
                    );
                    if ui
                        .small_button(label)
                        .on_hover_text("The most similar documents in the corpus")
                        .clicked()
                    {
                        selection.compare = (Some(*a), Some(*b));
                    }
                }
                let far = self
                    .far_apart
                    .get_or_insert_with(|| Self::same_actor_far_apart(corpus))
                    .clone();
                if let Some((a, b, actor, days)) = far {
                    let years = days as f32 / 365.25;
                    let label = format!(
                        "{} ↔ {} (same actor, {years:.0} years apart)",
                        short(corpus.doc(a)),
                        short(corpus.doc(b))
                    );
                    if ui
                        .small_button(label)
                        .on_hover_text(format!("{actor} then and now: what changed?"))
                        .clicked()
                    {
                        selection.compare = (Some(a), Some(b));
                    }
                }
            }
        });
        let (Some(l), Some(r)) = selection.compare else {
            ui.label("Choose two documents above, or use the A / B buttons in the document list.");
            return;
        };
        let rows = self.rows(corpus, (l, r));
        let (a, b) = (corpus.doc(l), corpus.doc(r));
        let aligned = rows.iter().filter(|r| matches!(r.row, AlignedRow::Pair { .. })).count();
        ui.label(
            egui::RichText::new(format!(
                "{aligned} aligned passages · {} only left · {} only right",
                rows.iter().filter(|r| matches!(r.row, AlignedRow::LeftOnly(_))).count(),
                rows.iter()
                    .filter(|r| matches!(r.row, AlignedRow::RightOnly(_)))
                    .count()
            ))
            .weak(),
        );
        ui.separator();
        let dark = ui.visuals().dark_mode;
        let show_diff = settings.show_word_diff;
        egui::ScrollArea::vertical()
            .id_salt("compare_rows")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let cues_of = |doc: &Document| -> Vec<(Range<usize>, f32)> {
                    corpus.index.stances_by_doc[doc.id.index()]
                        .iter()
                        .map(|s| (corpus.stance(*s).cue_range.clone(), corpus.stance(*s).score))
                        .collect()
                };
                let (cues_a, cues_b) = (cues_of(a), cues_of(b));
                for row in rows.iter() {
                    let (li, ri, sim) = match row.row {
                        AlignedRow::Pair {
                            left,
                            right,
                            similarity,
                        } => (Some(left), Some(right), Some(similarity)),
                        AlignedRow::LeftOnly(i) => (Some(i), None, None),
                        AlignedRow::RightOnly(j) => (None, Some(j), None),
                    };
                    ui.columns(2, |cols| {
                        for (side, (doc, idx, diffs, cues)) in
                            [(a, li, &row.left_diffs, &cues_a), (b, ri, &row.right_diffs, &cues_b)]
                                .into_iter()
                                .enumerate()
                        {
                            let ui = &mut cols[side];
                            match idx {
                                Some(i) => {
                                    let range = doc.sentences[i].clone();
                                    let h = Highlights {
                                        mentions: &doc.mentions,
                                        cues,
                                        focus: None,
                                        diffs: if show_diff { diffs.clone() } else { Vec::new() },
                                        hovered: selection.hovered_entity,
                                        framing: &doc.framing,
                                    };
                                    let (resp, hovered, _) =
                                        highlighted_label_ui(ui, &doc.text[range.clone()], range.start, &h);
                                    if let Some(e) = hovered {
                                        selection.hover_entity(e);
                                    }
                                    if resp.clicked() {
                                        selection.open(doc.id, Some(i), None);
                                    }
                                    if side == 0
                                        && let Some(s) = sim
                                    {
                                        resp.on_hover_text(format!(
                                            "{:.0}% of content words shared with the right side",
                                            s * 100.0
                                        ));
                                    }
                                }
                                None => {
                                    egui::Frame::new()
                                        .fill(theme::gap_background(dark))
                                        .inner_margin(4.0)
                                        .show(ui, |ui| {
                                            ui.set_min_width(ui.available_width());
                                            ui.label(egui::RichText::new("— no counterpart —").weak().italics());
                                        });
                                }
                            }
                        }
                    });
                    ui.add_space(6.0);
                }
            });
    }
}

fn doc_index(doc: &Document, r: &Range<usize>) -> usize {
    doc.sentences.iter().position(|s| s == r).unwrap_or(0)
}

/// Word-diff ranges (document byte offsets) of a pair of passages.
fn diff_ranges(a: &str, a_off: usize, b: &str, b_off: usize) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (left, right) = word_diff(a, b);
    let to_ranges = |segs: Vec<crate::analysis::align::DiffSegment>, off: usize| {
        let mut pos = off;
        let mut out = Vec::new();
        for s in segs {
            if s.changed {
                let lead = s.text.len() - s.text.trim_start().len();
                let trail = s.text.len() - s.text.trim_end().len();
                out.push(pos + lead..pos + s.text.len() - trail);
            }
            pos += s.text.len();
        }
        out
    };
    (to_ranges(left, a_off), to_ranges(right, b_off))
}

fn short(d: &Document) -> String {
    let name = d.file_name();
    name.split('_')
        .next()
        .filter(|p| !p.is_empty() && p.len() < 12)
        .unwrap_or(name)
        .to_string()
}

/// A document chooser labelled `id` ("A" or "B", as in the document list).
fn doc_combo_ui(ui: &mut egui::Ui, id: &str, corpus: &Corpus, value: &mut Option<DocId>, width: f32) {
    let label = value.map_or("choose…".to_string(), |d| clip_title(corpus.doc(d)));
    egui::ComboBox::new(("compare_side", id), id)
        .width(width)
        .truncate()
        .selected_text(label)
        .show_ui(ui, |ui| {
            for d in &corpus.documents {
                ui.selectable_value(value, Some(d.id), clip_title(d));
            }
        });
}

fn clip_title(d: &Document) -> String {
    let t: String = d.title.chars().take(40).collect();
    let more = if d.title.chars().count() > 40 { "…" } else { "" };
    format!("{} · {t}{more}", short(d))
}

/// What the framing marks mean (labels, official terms, hedges, quotations).
fn framing_legend_ui(ui: &mut egui::Ui) {
    use crate::model::FramingKind;
    let dark = ui.visuals().dark_mode;
    ui.separator();
    ui.label(egui::RichText::new("Marks:").weak());
    for k in [FramingKind::Label, FramingKind::OfficialTerm, FramingKind::Hedge] {
        ui.label(egui::RichText::new(k.label()).background_color(crate::app::theme::framing_background(k, dark)))
            .on_hover_text(match k {
                FramingKind::Label => {
                    "Distancing labels: “so-called”, “dictator”, “regime” (lexicon category delegitimize)"
                }
                FramingKind::OfficialTerm => {
                    "One side's official terms: “special military operation” (category endorse_framing)"
                }
                _ => "Hedges and neutrality: “balanced position”, “abstained” (categories neutral, abstain)",
            });
    }
    ui.label(egui::RichText::new("“quotation”").italics());
}
