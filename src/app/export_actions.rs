//! The app's side of File → Export: what the timeline shows becomes an export
//! request (written on a worker thread), screen views are captured a few frames
//! after the export window got out of the way.

use super::{StanceApp, export_window, screenshot};
use crate::cli::ShotView;
use std::path::PathBuf;
use std::sync::Arc;

/// A screen capture for File → Export, taken a few frames after the export window closed.
pub(super) struct Capture {
    view: ShotView,
    path: PathBuf,
    frames: u32,
    tx: std::sync::mpsc::Sender<Result<String, String>>,
}

impl StanceApp {
    /// Where the export window proposes to save: next to the last export, else Pictures.
    pub(super) fn export_dir(&self) -> PathBuf {
        self.settings
            .last_export_dir
            .clone()
            .filter(|d| d.is_dir())
            .unwrap_or_else(export_window::default_export_dir)
    }

    /// What the timeline shows now, as an export request.
    pub fn export_request(
        &self,
        format: crate::chart::ExportFormat,
        size_px: (u32, u32),
    ) -> crate::chart::ExportRequest {
        crate::chart::ExportRequest {
            format,
            size_px,
            context: crate::chart::ChartContext {
                corpus_name: self.corpus.label.clone(),
                filter: self.selection.describe(&self.corpus),
                by_event_date: self.settings.plot_event_dates,
                show_events: self.settings.show_reference_events,
                x_range: self.timeline.visible_days,
                mode: self.timeline.mode,
                period: self.settings.period,
                copies_once: self.settings.count_copies_once,
                exported_on: crate::analysis::today(),
            },
            max_series: self.settings.max_series,
            hidden: self.timeline.hidden.clone(),
            annotations: self.corrections.annotations.clone(),
        }
    }

    /// Writes an export: charts and data on a worker thread, screen views by capture.
    pub(super) fn run_export(&mut self, ctx: &egui::Context, order: export_window::ExportOrder) {
        if let Some(dir) = order.path.parent().filter(|d| d.is_dir()) {
            self.settings.last_export_dir = Some(dir.to_path_buf());
        }
        let (tx, rx) = std::sync::mpsc::channel();
        self.export.track(rx);
        match order.what.target(order.scale) {
            Ok(format) => {
                let req = self.export_request(format, order.size_px);
                let corpus = Arc::clone(&self.corpus);
                let selection = self.selection.clone();
                let ctx = ctx.clone();
                let spawned = std::thread::Builder::new().name("export".into()).spawn(move || {
                    let r = crate::chart::export_timeline(&corpus, &selection, &req).and_then(|bytes| {
                        crate::cli::write_atomically(&order.path, &bytes)
                            .map_err(|e| format!("could not write {}: {e}", order.path.display()))?;
                        Ok(format!(
                            "Saved {} ({} KB)",
                            order.path.display(),
                            bytes.len().div_ceil(1024)
                        ))
                    });
                    let _ = tx.send(r);
                    ctx.request_repaint();
                });
                if let Err(e) = spawned {
                    self.export.outcome = Some(Err(format!("could not start the export: {e}")));
                }
            }
            Err(view) => {
                // Hide the export window so it is not in the picture.
                self.export.open = false;
                self.capture = Some(Capture {
                    view,
                    path: order.path,
                    frames: 0,
                    tx,
                });
                ctx.request_repaint();
            }
        }
    }

    pub(super) fn step_capture(&mut self, ctx: &egui::Context) {
        let Some(c) = &mut self.capture else { return };
        c.frames += 1;
        ctx.request_repaint();
        if c.frames < 3 {
            return;
        }
        let c = self.capture.take().expect("checked");
        let rect = self.view_rects.get(&c.view).copied().unwrap_or(ctx.content_rect());
        let ppp = ctx.pixels_per_point();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |img| {
            let r = screenshot::save_crop(&img, rect, ppp, &c.path)
                .map(|()| format!("Saved {} ({} × {} px)", c.path.display(), img.size[0], img.size[1]));
            let _ = c.tx.send(r);
            repaint.request_repaint();
        });
        self.export.open = true;
    }
}
