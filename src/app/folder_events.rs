//! Folder habits: the open folder is watched and re-analysed on change; folders
//! and files dropped on the window open.

use super::{StanceApp, watch};
use std::path::PathBuf;

impl StanceApp {
    /// Watches the open folder (when enabled), replacing a watch of another folder.
    pub(super) fn ensure_watch(&mut self, ctx: &egui::Context) {
        let want = self
            .corpus
            .root
            .clone()
            .filter(|_| self.settings.watch_folder && self.screenshot.is_none());
        if self.watch.as_ref().map(|w| &w.folder) == want.as_ref() {
            return;
        }
        self.watch = None;
        if let Some(folder) = want {
            let c = ctx.clone();
            match watch::FolderWatch::start(&folder, move || c.request_repaint()) {
                Ok(w) => self.watch = Some(w),
                Err(e) => self.status = Some(format!("Changes will not be picked up automatically: {e}")),
            }
        }
    }

    /// Re-analyses when watched files changed (after the running load, if any).
    pub(super) fn poll_watch(&mut self, ctx: &egui::Context) {
        let Some(w) = &self.watch else { return };
        let changed = w.changes();
        if changed.is_empty() {
            return;
        }
        let name = |p: &PathBuf| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        self.status = Some(match changed.len() {
            1 => format!("{} changed: re-analysing the folder", name(&changed[0])),
            n => format!("{n} files changed: re-analysing the folder"),
        });
        if self.loader.is_some() {
            self.changed_during_load = true;
        } else {
            self.reanalyse(ctx);
        }
    }

    /// Opens dropped folders or files (the folder that holds them).
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if let Some(folder) = crate::cli::folder_to_open(&dropped) {
            self.start_load(ctx, Some(folder));
        } else if !dropped.is_empty() {
            self.status = Some("Dropped items are not a folder or files on disk".into());
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let rect = ctx.content_rect();
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_overlay"),
            ));
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop a folder (or files in it) to open it",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}
