//! The in-app folder chooser, used when no system file dialog can open.

use std::path::{Path, PathBuf};

/// State of the in-app folder browser.
#[derive(Debug, Clone)]
pub struct FolderChooser {
    /// Folder being browsed.
    pub current: PathBuf,
    /// The path field's text.
    pub path_text: String,
    /// Subfolders of `current`, sorted.
    pub children: Vec<PathBuf>,
    /// Why the folder could not be listed.
    pub error: Option<String>,
    /// Why the chooser is shown (no system dialog).
    pub reason: String,
}

/// What the user did in the chooser this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ChooserAction {
    /// Nothing yet.
    None,
    /// Open this folder.
    Open(PathBuf),
    /// Closed without choosing.
    Cancel,
}

impl FolderChooser {
    /// Starts browsing at `start` (or the home folder).
    pub fn new(start: Option<&Path>, reason: String) -> FolderChooser {
        let start = start
            .map(Path::to_path_buf)
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from("/"));
        let mut c = FolderChooser {
            current: PathBuf::new(),
            path_text: String::new(),
            children: Vec::new(),
            error: None,
            reason,
        };
        c.navigate(&start);
        c
    }

    /// Shows the folder `dir`.
    pub fn navigate(&mut self, dir: &Path) {
        match list_subfolders(dir) {
            Ok(children) => {
                self.current = dir.to_path_buf();
                self.children = children;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{}: {e}", dir.display())),
        }
        self.path_text = self.current.display().to_string();
    }

    /// Completions of the typed path: subfolders of its parent that start with its last part.
    pub fn completions(&self) -> Vec<PathBuf> {
        let typed = PathBuf::from(&self.path_text);
        if typed.is_dir() && self.path_text.ends_with('/') {
            return list_subfolders(&typed).unwrap_or_default();
        }
        let (Some(parent), Some(prefix)) = (typed.parent(), typed.file_name()) else {
            return Vec::new();
        };
        let prefix = prefix.to_string_lossy().to_lowercase();
        list_subfolders(parent)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().to_lowercase().starts_with(&prefix))
            })
            .collect()
    }

    /// Draws the chooser window.
    pub fn ui(&mut self, ctx: &egui::Context) -> ChooserAction {
        let mut action = ChooserAction::None;
        let mut open = true;
        egui::Window::new("Open folder")
            .open(&mut open)
            .collapsible(false)
            .default_size([560.0, 420.0])
            .show(ctx, |ui| {
                ui.label(egui::RichText::new(&self.reason).weak());
                ui.horizontal(|ui| {
                    if ui.button("⬆ Parent").clicked()
                        && let Some(p) = self.current.parent().map(Path::to_path_buf)
                    {
                        self.navigate(&p);
                    }
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.path_text)
                            .desired_width(f32::INFINITY)
                            .hint_text("/path/to/folder"),
                    );
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        let p = PathBuf::from(&self.path_text);
                        self.navigate(&p);
                    }
                });
                let completions = self.completions();
                if !completions.is_empty() && Path::new(&self.path_text) != self.current {
                    ui.horizontal_wrapped(|ui| {
                        ui.label("Complete:");
                        for c in completions.iter().take(8) {
                            let name = c
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            if ui.small_button(name).clicked() {
                                self.navigate(c);
                            }
                        }
                    });
                }
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.separator();
                egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                    let children = self.children.clone();
                    if children.is_empty() {
                        ui.label(egui::RichText::new("(no subfolders)").weak());
                    }
                    for c in children {
                        let name = c
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if ui.selectable_label(false, format!("▸ {name}")).clicked() {
                            self.navigate(&c);
                        }
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button("Open this folder").clicked() {
                        action = ChooserAction::Open(self.current.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        action = ChooserAction::Cancel;
                    }
                    ui.label(egui::RichText::new("Click a folder to enter it").weak());
                });
            });
        if !open {
            action = ChooserAction::Cancel;
        }
        action
    }
}

fn list_subfolders(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browses_and_completes_real_folders() {
        let tmp = tempfile::tempdir().unwrap();
        for d in ["alpha", "alps", "beta", ".hidden"] {
            std::fs::create_dir(tmp.path().join(d)).unwrap();
        }
        let mut c = FolderChooser::new(Some(tmp.path()), String::new());
        let names: Vec<String> = c
            .children
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["alpha", "alps", "beta"]);
        c.path_text = tmp.path().join("al").display().to_string();
        assert_eq!(c.completions().len(), 2);
        c.navigate(&tmp.path().join("beta"));
        assert_eq!(c.current, tmp.path().join("beta"));
        c.navigate(&tmp.path().join("missing"));
        assert!(c.error.is_some());
        assert_eq!(c.current, tmp.path().join("beta"));
    }
}
