//! Text with highlighted entities, cues, a focus range and diff marks, plus hit
//! testing (which entity is under the pointer).

use crate::app::theme;
use crate::model::{EntityId, MarkupKind, MarkupSpan};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};
use std::ops::Range;

/// What to highlight in a piece of text. Ranges are byte ranges in the document.
#[derive(Debug, Default, Clone)]
pub struct Highlights<'a> {
    /// Entity mentions.
    pub mentions: &'a [(EntityId, crate::model::Span)],
    /// Stance cues with their score.
    pub cues: &'a [(Range<usize>, f32)],
    /// A range to mark (the sentence a timeline point came from).
    pub focus: Option<Range<usize>>,
    /// Ranges that differ from the other side of a comparison.
    pub diffs: Vec<Range<usize>>,
    /// The entity hovered anywhere in the app.
    pub hovered: Option<EntityId>,
    /// Labels, official terms, hedges and quotations to make visible.
    pub framing: &'a [crate::model::FramingMark],
    /// A Markdown file's markup: syntax left out, bold, italics, headings styled.
    pub markup: &'a [MarkupSpan],
}

/// Where the pieces of a layout job's text stand in the document: (byte in the job's text,
/// byte in the document) at the start of each piece, in order. Markup syntax left out of the
/// job makes the two differ.
#[derive(Debug, Clone, Default)]
pub struct JobMap(Vec<(usize, usize)>);

impl JobMap {
    /// The document byte of byte `job_byte` of the job's text.
    pub fn doc_byte(&self, job_byte: usize) -> Option<usize> {
        let i = self.0.partition_point(|(j, _)| *j <= job_byte).checked_sub(1)?;
        let (j, d) = self.0[i];
        Some(d + (job_byte - j))
    }
}

/// Builds a layout job for `text`, which starts at byte `offset` of its document.
pub fn highlighted_job(
    text: &str,
    offset: usize,
    h: &Highlights<'_>,
    font: FontId,
    text_color: Color32,
    dark: bool,
    wrap_width: f32,
) -> LayoutJob {
    highlighted_job_mapped(text, offset, h, font, text_color, dark, wrap_width).0
}

/// [`highlighted_job`], and where its text's pieces stand in the document.
pub fn highlighted_job_mapped(
    text: &str,
    offset: usize,
    h: &Highlights<'_>,
    font: FontId,
    text_color: Color32,
    dark: bool,
    wrap_width: f32,
) -> (LayoutJob, JobMap) {
    let end = offset + text.len();
    let mut cuts: Vec<usize> = vec![offset, end];
    let clip = |r: &Range<usize>| -> Option<Range<usize>> {
        let s = r.start.max(offset);
        let e = r.end.min(end);
        (s < e).then_some(s..e)
    };
    let mentions: Vec<(EntityId, Range<usize>)> = h
        .mentions
        .iter()
        .filter_map(|(e, r)| clip(&r.range()).map(|r| (*e, r)))
        .collect();
    let cues: Vec<(Range<usize>, f32)> = h.cues.iter().filter_map(|(r, s)| clip(r).map(|r| (r, *s))).collect();
    let diffs: Vec<Range<usize>> = h.diffs.iter().filter_map(clip).collect();
    let focus = h.focus.as_ref().and_then(clip);
    let framing: Vec<(Range<usize>, crate::model::FramingKind)> = h
        .framing
        .iter()
        .filter_map(|m| clip(&m.range).map(|r| (r, m.kind)))
        .collect();
    // Sorted by start: the spans that start past this piece are not read (a reader's view
    // draws a long document paragraph by paragraph).
    let starting_before = h.markup.partition_point(|m| (m.span.start as usize) < end);
    let markup: Vec<(Range<usize>, MarkupKind)> = h.markup[..starting_before]
        .iter()
        .filter_map(|m| clip(&m.span.range()).map(|r| (r, m.kind)))
        .collect();
    for r in framing.iter().map(|f| &f.0).chain(markup.iter().map(|m| &m.0)).chain(
        mentions
            .iter()
            .map(|m| &m.1)
            .chain(cues.iter().map(|c| &c.0))
            .chain(diffs.iter())
            .chain(focus.iter()),
    ) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.retain(|c| text.is_char_boundary(c - offset));
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut map = JobMap::default();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let inside = |r: &Range<usize>| r.start <= s && e <= r.end;
        let mut fmt = TextFormat {
            font_id: font.clone(),
            color: text_color,
            ..Default::default()
        };
        let mut syntax = false;
        for (_, kind) in markup.iter().filter(|(r, _)| inside(r)) {
            let strong = if dark { Color32::WHITE } else { Color32::BLACK };
            match kind {
                MarkupKind::Syntax | MarkupKind::Address => syntax = true,
                MarkupKind::Strong => fmt.color = strong,
                MarkupKind::Emphasis => fmt.italics = true,
                MarkupKind::Heading => {
                    fmt.color = strong;
                    fmt.font_id.size = font.size * 1.25;
                }
                MarkupKind::Code => fmt.font_id.family = egui::FontFamily::Monospace,
            }
        }
        if syntax {
            continue;
        }
        for (_, kind) in framing.iter().filter(|(r, _)| inside(r)) {
            match kind {
                crate::model::FramingKind::Quote => fmt.italics = true,
                k => fmt.background = theme::framing_background(*k, dark),
            }
        }
        if focus.as_ref().is_some_and(inside) {
            fmt.background = theme::focus_background(dark);
        }
        if diffs.iter().any(inside) {
            fmt.background = theme::diff_background(dark);
        }
        if let Some((eid, _)) = mentions.iter().find(|(_, r)| inside(r)) {
            let c = theme::stable_color(&eid.0.to_string());
            fmt.underline = Stroke::new(1.5, c.gamma_multiply(0.8));
            if h.hovered == Some(*eid) {
                fmt.background = theme::hover_background(dark);
            }
        }
        if let Some((_, score)) = cues.iter().find(|(r, _)| inside(r)) {
            fmt.color = theme::score_color(*score);
            fmt.underline = Stroke::new(2.0, theme::score_color(*score));
        }
        map.0.push((job.text.len(), s));
        job.append(&text[s - offset..e - offset], 0.0, fmt);
    }
    map.0.push((job.text.len(), end));
    (job, map)
}

/// The byte offset (in the document) under `pointer`, for a galley laid out from a job
/// whose pieces `map` places in the document.
pub fn byte_at_pointer(
    galley: &egui::Galley,
    galley_pos: egui::Pos2,
    pointer: egui::Pos2,
    map: &JobMap,
) -> Option<usize> {
    let rel = pointer - galley_pos;
    if rel.x < 0.0 || rel.y < 0.0 || rel.x > galley.size().x || rel.y > galley.size().y {
        return None;
    }
    let c = galley.cursor_from_pos(rel);
    let shown = &galley.job.text;
    let byte = shown.char_indices().nth(c.index.0).map_or(shown.len(), |(b, _)| b);
    map.doc_byte(byte)
}

/// The entity mentioned at byte `at`, if any.
pub fn entity_at(mentions: &[(EntityId, crate::model::Span)], at: usize) -> Option<EntityId> {
    mentions.iter().find(|(_, r)| r.range().contains(&at)).map(|(e, _)| *e)
}

/// Shows `text` with highlights; returns the response, the entity under the pointer
/// and the document byte under the pointer.
pub fn highlighted_label_ui(
    ui: &mut egui::Ui,
    text: &str,
    offset: usize,
    h: &Highlights<'_>,
) -> (egui::Response, Option<EntityId>, Option<usize>) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let (mut job, map) = highlighted_job_mapped(
        text,
        offset,
        h,
        font,
        color,
        dark,
        (ui.available_width() - 4.0).max(40.0),
    );
    job.justify = false;
    job.halign = egui::Align::LEFT;
    let galley = ui.painter().layout_job(job);
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    let pos = rect.min;
    let byte = response
        .hover_pos()
        .and_then(|p| byte_at_pointer(&galley, pos, p, &map));
    let hovered = byte.and_then(|b| entity_at(h.mentions, b));
    if ui.is_rect_visible(rect) {
        ui.painter().galley(pos, galley, color);
    }
    (response, hovered, byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_left_out_and_pointer_bytes_map_back() {
        // "Q: **Is it fair?** No." starting at byte 100 of its document.
        let text = "Q: **Is it fair?** No.";
        let markup = crate::ingest::markdown::markup_spans("Q: **Is it fair?** No.\n")
            .into_iter()
            .map(|mut m| {
                m.span = crate::model::Span::new(m.span.start as usize + 100..m.span.end as usize + 100);
                m
            })
            .collect::<Vec<_>>();
        let mentions = vec![(EntityId(1), crate::model::Span::new(119..121))];
        let h = Highlights {
            mentions: &mentions,
            markup: &markup,
            ..Default::default()
        };
        let (job, map) = highlighted_job_mapped(text, 100, &h, FontId::proportional(14.0), Color32::GRAY, false, 400.0);
        assert_eq!(job.text, "Q: Is it fair? No.");
        let bold: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.color == Color32::BLACK)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(bold, ["Is it fair?"]);
        // "I" of "Is", "?" and "N" of "No" in the job, back in the document.
        assert_eq!(map.doc_byte(3), Some(105));
        assert_eq!(map.doc_byte(13), Some(115));
        assert_eq!(map.doc_byte(15), Some(119));
        assert_eq!(map.doc_byte(job.text.len()), Some(100 + text.len()));
    }

    #[test]
    fn job_sections_follow_highlights() {
        let text = "Astana backs the plan.";
        let mentions = vec![(EntityId(3), crate::model::Span::new(0..6))];
        let h = Highlights {
            mentions: &mentions,
            cues: &[(7..12, 0.7)],
            ..Default::default()
        };
        let job = highlighted_job(text, 0, &h, FontId::proportional(14.0), Color32::BLACK, false, 400.0);
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, ["Astana", " ", "backs", " the plan."]);
        assert_eq!(entity_at(&mentions, 2), Some(EntityId(3)));
        assert_eq!(entity_at(&mentions, 8), None);
    }
}
