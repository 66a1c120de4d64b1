//! The desktop app: one eframe application over the shared model. This is the
//! only module that uses egui/eframe.

pub mod export_window;
pub mod folder_chooser;
pub mod loader;
pub use crate::selection;
pub mod settings;
pub mod theme;
pub mod views;

mod dialog;
mod export_actions;
mod folder_events;
mod screenshot;
pub mod watch;

use crate::cli::ShotView;
use crate::model::{Corpus, DocId};
use crate::selection::Selection;
use folder_chooser::{ChooserAction, FolderChooser};
use loader::{LoadPoll, Loader};
use settings::{SETTINGS_KEY, Settings};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use views::compare_view::CompareView;
use views::documents_view::DocumentsView;
use views::entity_view::EntityView;
use views::reader_view::ReaderView;
use views::timeline_view::TimelineView;

/// Application id: matches the `.desktop` file so docks group the window.
pub const APP_ID: &str = "stance-explorer";

/// How the app was launched.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// Folder to open (`None`: the last folder, else the sample).
    pub folder: Option<PathBuf>,
    /// Save a screenshot of this view to this path once loaded, then exit.
    pub screenshot: Option<(ShotView, PathBuf)>,
    /// Start in presentation mode.
    pub presentation: bool,
}

/// Runs the GUI until the window closes.
pub fn run(options: LaunchOptions) -> anyhow::Result<()> {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Stance Explorer")
        .with_app_id(APP_ID)
        .with_inner_size([1600.0, 1000.0])
        .with_min_inner_size([900.0, 600.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let native = eframe::NativeOptions {
        viewport,
        persist_window: options.screenshot.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "Stance Explorer",
        native,
        Box::new(move |cc| {
            let saved = if options.screenshot.is_some() {
                None
            } else {
                cc.storage.and_then(|s| s.get_string(SETTINGS_KEY))
            };
            let settings = Settings::from_saved(saved.as_deref());
            Ok(Box::new(StanceApp::new(&cc.egui_ctx, settings, options)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open a window: {e}"))
}

/// Filter key, documents passing the filter, and a flag per document.
type FilterCache = (u64, Arc<Vec<DocId>>, Arc<Vec<bool>>);

/// The application: shared corpus and selection, one struct per view.
pub struct StanceApp {
    /// Saved settings.
    pub settings: Settings,
    /// The loaded corpus.
    pub corpus: Arc<Corpus>,
    /// Shared selection.
    pub selection: Selection,
    /// Entity filter view.
    pub entities: EntityView,
    /// Timeline view.
    pub timeline: TimelineView,
    /// Side-by-side view.
    pub compare: CompareView,
    /// Document list.
    pub documents: DocumentsView,
    /// Reader.
    pub reader: ReaderView,
    loader: Option<Loader>,
    load_error: Option<String>,
    chooser: Option<FolderChooser>,
    dialog: Option<dialog::PendingDialog>,
    show_problems: bool,
    show_shortcuts: bool,
    filter_cache: Option<FilterCache>,
    corpus_generation: u64,
    screenshot: Option<screenshot::ScreenshotJob>,
    corrections: crate::corrections::Corrections,
    store: crate::corrections::CorrectionStore,
    undo_stack: Vec<crate::corrections::Corrections>,
    redo_stack: Vec<crate::corrections::Corrections>,
    /// The last message for the user (saved, could not save, undone).
    pub status: Option<String>,
    /// Screen rectangles of the views in the last frame (for screenshots).
    pub view_rects: std::collections::HashMap<ShotView, egui::Rect>,
    /// File → Export.
    pub export: export_window::ExportWindow,
    capture: Option<export_actions::Capture>,
    /// Presentation mode (F11): full screen, large type, no side panels, projector theme.
    pub presentation: bool,
    /// The theme and presentation state last applied to the context.
    applied_look: Option<(settings::ThemeChoice, bool)>,
    /// Zoom factor before presentation mode.
    zoom_before: f32,
    /// Watch of the open folder.
    watch: Option<watch::FolderWatch>,
    /// Files changed while a load was running: re-analyse when it ends.
    changed_during_load: bool,
}

impl StanceApp {
    /// Creates the app and starts loading the first folder.
    pub fn new(ctx: &egui::Context, settings: Settings, options: LaunchOptions) -> StanceApp {
        let folder = options.folder.clone().or_else(|| {
            if options.screenshot.is_some() {
                None
            } else {
                settings.last_folder.clone().filter(|f| f.is_dir())
            }
        });
        theme::install_fonts(ctx);
        let mut app = StanceApp::with_corpus(Corpus::default(), settings);
        app.presentation = options.presentation;
        app.screenshot = options
            .screenshot
            .map(|(view, path)| screenshot::ScreenshotJob::new(view, path));
        app.start_load(ctx, folder);
        app
    }

    /// An app showing `corpus` right away (used by tests).
    pub fn with_corpus(corpus: Corpus, settings: Settings) -> StanceApp {
        let mut app = StanceApp {
            settings,
            corpus: Arc::new(Corpus::default()),
            selection: Selection::default(),
            entities: EntityView::default(),
            timeline: TimelineView::default(),
            compare: CompareView::default(),
            documents: DocumentsView,
            reader: ReaderView::default(),
            loader: None,
            load_error: None,
            chooser: None,
            dialog: None,
            show_problems: false,
            show_shortcuts: false,
            filter_cache: None,
            corpus_generation: 0,
            screenshot: None,
            corrections: Default::default(),
            store: crate::corrections::CorrectionStore::for_corpus(None),
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            status: None,
            view_rects: Default::default(),
            export: Default::default(),
            capture: None,
            presentation: false,
            applied_look: None,
            zoom_before: 1.0,
            watch: None,
            changed_during_load: false,
        };
        app.set_corpus(corpus);
        app
    }

    /// Saves a reference event in the corpus's own events.csv and shows it at once.
    pub fn add_reference_event(&mut self, event: crate::model::ReferenceEvent) {
        let Some(root) = self.corpus.root.clone() else {
            self.status = Some(
                "The sample corpus is read-only: open a folder to add reference events (they go into its .stance-explorer/events.csv)"
                    .into(),
            );
            return;
        };
        match crate::analysis::events::append_event(&root, &event) {
            Ok(path) => {
                self.status = Some(format!(
                    "Added “{}” on {} to {}",
                    event.label,
                    event.date,
                    path.display()
                ));
                let corpus = Arc::make_mut(&mut self.corpus);
                corpus.events.push(event);
                corpus.events.sort_by_key(|e| e.date);
            }
            Err(e) => self.status = Some(format!("Could not add the event: {e}")),
        }
    }

    /// Whether the open folder is watched for changes.
    pub fn is_watching(&self) -> bool {
        self.watch.is_some()
    }

    /// Whether a load is running.
    pub fn is_loading(&self) -> bool {
        self.loader.is_some()
    }

    /// Starts loading `folder` (`None`: the sample), cancelling any load in progress.
    pub fn start_load(&mut self, ctx: &egui::Context, folder: Option<PathBuf>) {
        if let Some(l) = self.loader.take() {
            l.cancel();
        }
        self.load_error = None;
        let ctx = ctx.clone();
        self.loader = Some(Loader::start(folder, None, move || ctx.request_repaint()));
    }

    /// Uses `store` for corrections (tests point it at a temporary file).
    pub fn set_correction_store(&mut self, store: crate::corrections::CorrectionStore) {
        self.corrections = store.load().corrections;
        self.store = store;
        self.undo_stack.clear();
        self.redo_stack.clear();
    }

    /// The corrections in effect.
    pub fn corrections(&self) -> &crate::corrections::Corrections {
        &self.corrections
    }

    /// Applies an edit: saved at once (atomically), applied to the corpus, undoable.
    pub fn apply_command(&mut self, command: views::reader_view::ReaderCommand) {
        use views::reader_view::ReaderCommand;
        let before = self.corrections.clone();
        let result = match &command {
            ReaderCommand::SetDate(path, value) => self.corrections.set_date(path, value.as_deref()),
            ReaderCommand::RevertDate(path) => {
                self.corrections.revert_date(path);
                Ok(())
            }
            ReaderCommand::Stance(edit) => {
                self.corrections.stances.push(edit.clone());
                // Only the new edit: the corpus already has the earlier ones (an added
                // stance must not be added twice).
                crate::corrections::apply_stance_edits(Arc::make_mut(&mut self.corpus), std::slice::from_ref(edit));
                Ok(())
            }
            ReaderCommand::TogglePin(a) => {
                self.corrections.toggle_annotation(a.clone());
                Ok(())
            }
        };
        if let Err(e) = result {
            self.status = Some(e);
            return;
        }
        self.undo_stack.push(before);
        self.redo_stack.clear();
        self.corrections_changed("Saved");
    }

    /// Applies an entity edit: saved at once, then the corpus is re-analysed with it
    /// (in the background); undoable.
    pub fn apply_entity_edit(&mut self, ctx: &egui::Context, edit: crate::corrections::EntityEdit) {
        self.undo_stack.push(self.corrections.clone());
        self.redo_stack.clear();
        self.corrections.entities.push(edit);
        self.corrections_changed("Saved");
        self.reanalyse(ctx);
    }

    /// Re-runs the analysis of the current folder with the corrections in effect.
    fn reanalyse(&mut self, ctx: &egui::Context) {
        if let Some(l) = self.loader.take() {
            l.cancel();
        }
        // This load reads the folder again with the corrections as they are now.
        self.changed_during_load = false;
        let c = ctx.clone();
        self.loader = Some(Loader::start(
            self.corpus.root.clone(),
            Some(self.corrections.clone()),
            move || c.request_repaint(),
        ));
    }

    /// Undoes the last correction (Ctrl+Z).
    pub fn undo(&mut self, ctx: &egui::Context) {
        if let Some(prev) = self.undo_stack.pop() {
            let entities_changed =
                prev.entities != self.corrections.entities || prev.stances != self.corrections.stances;
            self.redo_stack.push(std::mem::replace(&mut self.corrections, prev));
            self.corrections_changed("Undone");
            if entities_changed {
                self.reanalyse(ctx);
            }
        }
    }

    /// Redoes an undone correction (Ctrl+Shift+Z).
    pub fn redo(&mut self, ctx: &egui::Context) {
        if let Some(next) = self.redo_stack.pop() {
            let entities_changed =
                next.entities != self.corrections.entities || next.stances != self.corrections.stances;
            self.undo_stack.push(std::mem::replace(&mut self.corrections, next));
            self.corrections_changed("Redone");
            if entities_changed {
                self.reanalyse(ctx);
            }
        }
    }

    fn corrections_changed(&mut self, what: &str) {
        self.status = Some(match self.store.save(&self.corrections) {
            Ok(()) => format!("{what}: corrections written to {}", self.store.path.display()),
            Err(e) => format!("Could not save the corrections to {}: {e}", self.store.path.display()),
        });
        // A load under way was started with the corrections before this edit: load again
        // when it ends, so the edit is not lost when its corpus replaces this one.
        if self.loader.is_some() {
            self.changed_during_load = true;
        }
        let corpus = Arc::make_mut(&mut self.corpus);
        self.corrections.apply_dates(corpus);
        self.corpus_generation += 1;
        self.filter_cache = None;
        self.timeline.invalidate();
    }

    /// Swaps in a newly loaded corpus, keeping what of the selection still applies.
    pub fn set_corpus(&mut self, corpus: Corpus) {
        let first_load = self.corpus.documents.is_empty();
        if self.corpus.root != corpus.root || first_load {
            self.set_correction_store(crate::corrections::CorrectionStore::for_corpus(corpus.root.as_deref()));
        }
        // Keep the selection by entity name: ids change when entities are merged or split.
        let names = |set: &std::collections::BTreeSet<crate::model::EntityId>, c: &Corpus| -> Vec<String> {
            set.iter()
                .filter(|e| e.index() < c.entities.len())
                .map(|e| c.entity(*e).name.clone())
                .collect()
        };
        let (inc, exc) = (
            names(&self.selection.include, &self.corpus),
            names(&self.selection.exclude, &self.corpus),
        );
        self.corpus = Arc::new(corpus);
        self.selection.include = inc.iter().filter_map(|n| self.corpus.entity_named(n)).collect();
        self.selection.exclude = exc.iter().filter_map(|n| self.corpus.entity_named(n)).collect();
        self.corpus_generation += 1;
        self.filter_cache = None;
        self.timeline.invalidate();
        self.compare.invalidate();
        self.selection.retain_valid(&self.corpus);
        if first_load || self.selection.compare.0.is_none() {
            match self.compare.suggestions(&self.corpus) {
                Some(found) => {
                    if let Some((a, b, _)) = found.pairs.first() {
                        self.selection.compare = (Some(*a), Some(*b));
                    }
                }
                None => self.compare.pick_best_when_ready(),
            }
        }
        if self.selection.open_doc.is_none() && !self.corpus.documents.is_empty() {
            self.selection.open_doc = Some(DocId(0));
        }
    }

    fn poll_loader(&mut self, ctx: &egui::Context) {
        let Some(loader) = &self.loader else { return };
        match loader.poll() {
            LoadPoll::Running => {}
            LoadPoll::Partial(corpus) => {
                // The documents analysed so far: shown (and explorable) while the rest loads.
                self.set_corpus(*corpus);
            }
            LoadPoll::Finished(corpus) => {
                let folder = loader.folder.clone();
                self.loader = None;
                if self.screenshot.is_none() {
                    self.settings.remember_folder(folder);
                }
                self.set_corpus(*corpus);
                self.ensure_watch(ctx);
                if std::mem::take(&mut self.changed_during_load) {
                    self.reanalyse(ctx);
                }
            }
            LoadPoll::Failed(e) => {
                self.loader = None;
                self.load_error = Some(e);
            }
        }
    }

    /// Documents passing the filter, and a per-document flag (cached per filter).
    fn filtered(&mut self) -> FilterCache {
        let mut h = DefaultHasher::new();
        self.corpus_generation.hash(&mut h);
        self.selection.include.hash(&mut h);
        self.selection.exclude.hash(&mut h);
        self.selection
            .period_days
            .map(|(a, b)| (a.to_bits(), b.to_bits()))
            .hash(&mut h);
        self.settings.max_series.hash(&mut h);
        let key = h.finish();
        if self.filter_cache.as_ref().is_none_or(|(k, _, _)| *k != key) {
            let docs = self.selection.filtered_documents(&self.corpus);
            let mut flags = vec![false; self.corpus.documents.len()];
            for d in &docs {
                flags[d.index()] = true;
            }
            self.filter_cache = Some((key, Arc::new(docs), Arc::new(flags)));
        }
        self.filter_cache.clone().expect("just filled")
    }

    fn open_folder(&mut self, ctx: &egui::Context) {
        let start = self.corpus.root.clone().or_else(|| self.settings.last_folder.clone());
        match dialog::PendingDialog::open(start.clone(), ctx) {
            Ok(d) => self.dialog = Some(d),
            Err(reason) => self.chooser = Some(FolderChooser::new(start.as_deref(), reason)),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let reload = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
        let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let text_focused = ctx.memory(|m| m.focused().is_some());
        if !text_focused && ctx.input_mut(|i| i.consume_shortcut(&redo)) {
            self.redo(ctx);
        }
        if !text_focused && ctx.input_mut(|i| i.consume_shortcut(&undo)) {
            self.undo(ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&open)) {
            self.open_folder(ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&reload)) {
            let root = self.corpus.root.clone();
            self.start_load(ctx, root);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&quit)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let export = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        if ctx.input_mut(|i| i.consume_shortcut(&export)) {
            self.export
                .show(export_window::ExportWhat::TimelinePng, &self.export_dir());
        }
        if ctx.input_mut(|i| i.consume_shortcut(&find)) {
            self.entities.focus_search = true;
        }
        if ctx.input(|i| i.key_pressed(Key::F11)) {
            self.presentation = !self.presentation;
        }
        if self.presentation && ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.presentation = false;
            ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        }
        if ctx.input(|i| i.key_pressed(Key::F1)) {
            self.show_shortcuts = !self.show_shortcuts;
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) && self.chooser.is_none() && !ctx.memory(|m| m.focused().is_some())
        {
            self.selection.clear_filter();
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.open_folder(&ctx);
                }
                if ui.add(egui::Button::new("Reload").shortcut_text("Ctrl+R")).clicked() {
                    let root = self.corpus.root.clone();
                    self.start_load(&ctx, root);
                }
                if ui.button("Open the sample corpus").clicked() {
                    self.start_load(&ctx, None);
                }
                ui.menu_button("Recent folders", |ui| {
                    if self.settings.recent_folders.is_empty() {
                        ui.label(egui::RichText::new("none yet").weak());
                    }
                    for f in self.settings.recent_folders.clone() {
                        if ui.button(f.display().to_string()).clicked() {
                            self.start_load(&ctx, Some(f));
                        }
                    }
                });
                ui.separator();
                ui.menu_button("Export", |ui| {
                    for (what, shortcut) in [
                        (export_window::ExportWhat::TimelinePng, "Ctrl+E"),
                        (export_window::ExportWhat::TimelineSvg, ""),
                        (export_window::ExportWhat::DataCsv, ""),
                        (export_window::ExportWhat::DataJson, ""),
                        (export_window::ExportWhat::ComparePng, ""),
                        (export_window::ExportWhat::WindowPng, ""),
                    ] {
                        if ui
                            .add(egui::Button::new(format!("{}…", what.label())).shortcut_text(shortcut))
                            .clicked()
                        {
                            self.export.show(what, &self.export_dir());
                        }
                    }
                });
                ui.separator();
                if ui.add(egui::Button::new("Quit").shortcut_text("Ctrl+Q")).clicked() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(
                        !self.undo_stack.is_empty(),
                        egui::Button::new("Undo correction").shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    self.undo(&ctx);
                }
                if ui
                    .add_enabled(
                        !self.redo_stack.is_empty(),
                        egui::Button::new("Redo correction").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    self.redo(&ctx);
                }
                ui.separator();
                ui.label(
                    egui::RichText::new(format!("Corrections: {}", self.store.path.display()))
                        .weak()
                        .small(),
                );
            });
            ui.menu_button("View", |ui| {
                ui.horizontal(|ui| {
                    ui.label("Theme:");
                    use settings::ThemeChoice;
                    ui.selectable_value(&mut self.settings.theme, ThemeChoice::System, "system");
                    ui.selectable_value(&mut self.settings.theme, ThemeChoice::Light, "light");
                    ui.selectable_value(&mut self.settings.theme, ThemeChoice::Dark, "dark");
                });
                if ui
                    .add(egui::Button::selectable(self.presentation, "Presentation mode").shortcut_text("F11"))
                    .clicked()
                {
                    self.presentation = !self.presentation;
                }
                ui.separator();
                ui.add(egui::Slider::new(&mut self.settings.max_series, 1..=20).text("series on the timeline"));
                if ui.button("Show all timeline series").clicked() {
                    self.timeline.hidden.clear();
                }
                if ui
                    .add(egui::Button::new("Clear entity filter").shortcut_text("Esc"))
                    .clicked()
                {
                    self.selection.clear_filter();
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1"))
                    .clicked()
                {
                    self.show_shortcuts = true;
                }
            });
            ui.separator();
            let so_far = if self.loader.as_ref().and_then(|l| l.partial_docs()).is_some() {
                " so far"
            } else {
                ""
            };
            ui.label(egui::RichText::new(format!(
                "{} · {} documents{so_far} · {} entities · {} stance events",
                self.corpus.label,
                self.corpus.documents.len(),
                self.corpus.entities.len(),
                self.corpus.stances.len()
            )));
            let n = self.corpus.problems.len();
            if n > 0 && ui.button(format!("⚠ {n} files not loaded")).clicked() {
                self.show_problems = true;
            }
        });
        if let Some(loader) = &self.loader {
            let status = loader.status();
            let fraction = loader.control.fraction();
            let mut cancel = false;
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(status)
                        .desired_width(ui.available_width() - 90.0),
                );
                cancel = ui.button("Cancel").clicked();
            });
            if cancel && let Some(l) = self.loader.take() {
                l.cancel();
                if l.partial_docs().is_some() {
                    self.status = Some(format!(
                        "Loading cancelled: showing the {} documents analysed before it stopped",
                        self.corpus.documents.len()
                    ));
                }
            }
        }
        if let Some(s) = self.status.clone() {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(s).small());
                if ui.small_button("✕").on_hover_text("Dismiss").clicked() {
                    self.status = None;
                }
            });
        }
        if let Some(e) = self.load_error.clone() {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, format!("Loading failed: {e}"));
                if ui.small_button("dismiss").clicked() {
                    self.load_error = None;
                }
            });
        }
    }

    fn windows_ui(&mut self, ctx: &egui::Context) {
        if let Some(chooser) = &mut self.chooser {
            match chooser.ui(ctx) {
                ChooserAction::None => {}
                ChooserAction::Cancel => self.chooser = None,
                ChooserAction::Open(p) => {
                    self.chooser = None;
                    self.start_load(ctx, Some(p));
                }
            }
        }
        if let Some(d) = &self.dialog {
            match d.poll() {
                dialog::DialogPoll::Waiting => {}
                dialog::DialogPoll::Chosen(p) => {
                    self.dialog = None;
                    self.start_load(ctx, Some(p));
                }
                dialog::DialogPoll::Cancelled => self.dialog = None,
                dialog::DialogPoll::Unavailable(reason) => {
                    let start = self.corpus.root.clone();
                    self.dialog = None;
                    self.chooser = Some(FolderChooser::new(start.as_deref(), reason));
                }
            }
        }
        let mut open = self.show_problems;
        egui::Window::new("Files not loaded")
            .open(&mut open)
            .default_size([560.0, 320.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for p in &self.corpus.problems {
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(&p.path);
                            ui.label(&p.reason);
                        });
                    }
                });
            });
        self.show_problems = open;
        let mut open = self.show_shortcuts;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (k, what) in [
                        ("Ctrl+O", "Open a folder"),
                        ("Ctrl+R", "Reload the folder"),
                        ("Ctrl+F", "Search entities"),
                        ("Ctrl+E", "Export the timeline (PNG, SVG, CSV, JSON)"),
                        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo a correction"),
                        ("Esc", "Clear the entity filter"),
                        (
                            "F11 (Esc leaves)",
                            "Presentation mode: full screen, large type, projector theme",
                        ),
                        ("F1", "This window"),
                        ("Ctrl+Q", "Quit"),
                        ("Scroll / drag on the timeline", "Zoom / pan the date axis"),
                        ("Double-click the timeline", "Reset the zoom"),
                    ] {
                        ui.monospace(k);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        self.show_shortcuts = open;
    }

    /// Applies the chosen theme and presentation mode when they change.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (self.settings.theme, self.presentation);
        if self.applied_look == Some(look) {
            return;
        }
        let was_presenting = self.applied_look.is_some_and(|(_, p)| p);
        if self.presentation {
            if !was_presenting {
                self.zoom_before = ctx.zoom_factor();
            }
            ctx.set_visuals_of(egui::Theme::Light, theme::high_contrast_light());
            ctx.set_theme(egui::ThemePreference::Light);
            ctx.set_zoom_factor(theme::PRESENTATION_ZOOM);
            if self.screenshot.is_none() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
        } else {
            if was_presenting {
                ctx.set_zoom_factor(self.zoom_before);
                ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            // Screenshots go on slides: the light theme reads best when projected.
            let pref = match (self.screenshot.is_some(), self.settings.theme) {
                (true, _) | (false, settings::ThemeChoice::Light) => egui::ThemePreference::Light,
                (false, settings::ThemeChoice::Dark) => egui::ThemePreference::Dark,
                (false, settings::ThemeChoice::System) => egui::ThemePreference::System,
            };
            ctx.set_theme(pref);
        }
        self.applied_look = Some(look);
    }

    /// The entity filter (left) and the document list with the reader (right).
    fn side_panels_ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Arc<Corpus>,
        flags: &Arc<Vec<bool>>,
        docs: &Arc<Vec<DocId>>,
    ) {
        let r = egui::Panel::left("entities")
            .resizable(true)
            .default_size(290.0)
            .min_size(220.0)
            .show(ui, |ui| {
                if let Some(edit) = self
                    .entities
                    .ui(ui, corpus, &mut self.selection, &mut self.settings, flags)
                {
                    self.apply_entity_edit(ui.ctx(), edit);
                }
            });
        self.view_rects.insert(ShotView::Entities, r.response.rect);
        egui::Panel::right("reader")
            .resizable(true)
            .default_size(460.0)
            .min_size(300.0)
            .show(ui, |ui| {
                let rows_h = (docs.len() as f32 + 2.5) * (ui.text_style_height(&egui::TextStyle::Body) + 6.0);
                let h = rows_h.min(ui.available_height() * 0.32).clamp(100.0, 320.0);
                ui.allocate_ui(egui::vec2(ui.available_width(), h), |ui| {
                    self.documents.ui(ui, corpus, &mut self.selection, docs);
                });
                ui.separator();
                if let Some(cmd) = self.reader.ui(ui, corpus, &mut self.selection) {
                    self.apply_command(cmd);
                }
            });
    }

    /// Draws the whole window into `ui` (everything but the eframe frame).
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.selection.begin_frame();
        self.poll_loader(&ctx);
        self.poll_watch(&ctx);
        self.handle_dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.apply_look(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        let (filter_key, docs, flags) = self.filtered();
        let corpus = Arc::clone(&self.corpus);
        if self.reader.pinned != self.corrections.annotations {
            self.reader.pinned = self.corrections.annotations.clone();
            self.timeline.annotations = self.corrections.annotations.clone();
        }
        if !self.presentation {
            self.side_panels_ui(ui, &corpus, &flags, &docs);
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let total = ui.available_height();
            let timeline_h = (total * 0.5).max(240.0);
            let r = ui.allocate_ui(egui::vec2(ui.available_width(), timeline_h), |ui| {
                self.timeline
                    .ui(ui, &corpus, &mut self.selection, &mut self.settings, &flags, filter_key);
            });
            self.view_rects.insert(ShotView::Timeline, r.response.rect);
            if let Some(e) = self.timeline.added_event.take() {
                self.add_reference_event(e);
            }
            ui.separator();
            let r = ui.allocate_ui(ui.available_size(), |ui| {
                self.compare.ui(ui, &corpus, &mut self.selection, &mut self.settings);
            });
            self.view_rects.insert(ShotView::Compare, r.response.rect);
        });
        self.view_rects.insert(ShotView::Window, ctx.content_rect());
        self.windows_ui(&ctx);
        if let Some(order) = self.export.ui(&ctx) {
            self.run_export(&ctx, order);
        }
        self.step_capture(&ctx);
        // After the load, and once the timeline shows the data for its filter (on large
        // corpora it is built in the background).
        if let Some(job) = &mut self.screenshot
            && self.loader.is_none()
            && !self.timeline.is_updating()
        {
            job.step(&ctx, &self.view_rects);
        }
    }
}

impl eframe::App for StanceApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
    }

    /// Screenshots leave nothing behind; presentation mode's zoom is not remembered.
    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none() && !self.presentation
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none()
            && let Ok(s) = serde_json::to_string(&self.settings)
        {
            storage.set_string(SETTINGS_KEY, s);
        }
    }
}
