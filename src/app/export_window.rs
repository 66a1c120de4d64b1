//! File → Export: the timeline as PNG (1x/2x/3x) or SVG with legend and caption, its
//! data as CSV or JSON, and the side-by-side view or the whole window as PNG. The
//! file is written on a worker thread; the window says where it went.

use crate::chart::ExportFormat;
use crate::cli::ShotView;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// Timeline chart, PNG.
    TimelinePng,
    /// Timeline chart, SVG.
    TimelineSvg,
    /// Visible markers as CSV.
    DataCsv,
    /// Visible documents and events as JSON (`analyze` schema).
    DataJson,
    /// The side-by-side view as on screen.
    ComparePng,
    /// The whole window as on screen.
    WindowPng,
}

impl ExportWhat {
    const ALL: [ExportWhat; 6] = [
        ExportWhat::TimelinePng,
        ExportWhat::TimelineSvg,
        ExportWhat::DataCsv,
        ExportWhat::DataJson,
        ExportWhat::ComparePng,
        ExportWhat::WindowPng,
    ];

    /// The name in menus and the combo box.
    pub fn label(self) -> &'static str {
        match self {
            ExportWhat::TimelinePng => "Timeline chart (PNG)",
            ExportWhat::TimelineSvg => "Timeline chart (SVG)",
            ExportWhat::DataCsv => "Visible data (CSV)",
            ExportWhat::DataJson => "Visible data (JSON)",
            ExportWhat::ComparePng => "Side-by-side view (PNG)",
            ExportWhat::WindowPng => "Whole window (PNG)",
        }
    }

    fn file_stem(self) -> &'static str {
        match self {
            ExportWhat::TimelinePng | ExportWhat::TimelineSvg => "stance-timeline",
            ExportWhat::DataCsv | ExportWhat::DataJson => "stance-data",
            ExportWhat::ComparePng => "side-by-side",
            ExportWhat::WindowPng => "stance-explorer",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportWhat::TimelineSvg => "svg",
            ExportWhat::DataCsv => "csv",
            ExportWhat::DataJson => "json",
            _ => "png",
        }
    }

    /// The chart/data format, or the view to capture from the screen.
    pub fn target(self, scale: u8) -> Result<ExportFormat, ShotView> {
        match self {
            ExportWhat::TimelinePng => Ok(ExportFormat::Png {
                scale: f32::from(scale),
            }),
            ExportWhat::TimelineSvg => Ok(ExportFormat::Svg),
            ExportWhat::DataCsv => Ok(ExportFormat::Csv),
            ExportWhat::DataJson => Ok(ExportFormat::Json),
            ExportWhat::ComparePng => Err(ShotView::Compare),
            ExportWhat::WindowPng => Err(ShotView::Window),
        }
    }
}

/// An export the user asked for.
#[derive(Debug, Clone)]
pub struct ExportOrder {
    /// What.
    pub what: ExportWhat,
    /// Where.
    pub path: PathBuf,
    /// PNG scale (1-3).
    pub scale: u8,
    /// Chart size at 1x.
    pub size_px: (u32, u32),
}

/// State of the export window.
pub struct ExportWindow {
    /// Shown.
    pub open: bool,
    what: ExportWhat,
    scale: u8,
    size_px: (u32, u32),
    path: String,
    /// Result of the last export (Ok: the message).
    pub outcome: Option<Result<String, String>>,
    running: Option<Receiver<Result<String, String>>>,
    browse: Option<Receiver<Option<PathBuf>>>,
}

impl Default for ExportWindow {
    fn default() -> Self {
        ExportWindow {
            open: false,
            what: ExportWhat::TimelinePng,
            scale: 2,
            size_px: (1280, 720),
            path: String::new(),
            outcome: None,
            running: None,
            browse: None,
        }
    }
}

/// Where exports go by default: the Pictures folder, else home, else the current folder.
pub fn default_export_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.picture_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

impl ExportWindow {
    /// Opens the window for `what`, proposing a file name in `dir`.
    pub fn show(&mut self, what: ExportWhat, dir: &Path) {
        self.open = true;
        self.what = what;
        self.outcome = None;
        self.path = self.proposed(dir).display().to_string();
    }

    fn proposed(&self, dir: &Path) -> PathBuf {
        let date = crate::analysis::today();
        dir.join(format!("{}-{date}.{}", self.what.file_stem(), self.what.extension()))
    }

    /// The file name in the path field.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether an export is being written.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Tracks a running export (its worker sends the outcome).
    pub fn track(&mut self, rx: Receiver<Result<String, String>>) {
        self.outcome = None;
        self.running = Some(rx);
    }

    fn poll(&mut self) {
        if let Some(rx) = &self.running {
            match rx.try_recv() {
                Ok(r) => {
                    self.outcome = Some(r);
                    self.running = None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.outcome = Some(Err("the export stopped unexpectedly".into()));
                    self.running = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if let Some(rx) = &self.browse
            && let Ok(picked) = rx.try_recv()
        {
            if let Some(p) = picked {
                self.path = p.display().to_string();
            }
            self.browse = None;
        }
    }

    /// Draws the window; returns an order when the user clicks Export.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<ExportOrder> {
        self.poll();
        if !self.open {
            return None;
        }
        let mut order = None;
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                order = self.body_ui(ui);
            });
        self.open = open;
        order
    }

    fn body_ui(&mut self, ui: &mut egui::Ui) -> Option<ExportOrder> {
        let before = self.what;
        egui::Grid::new("export_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label("What");
                egui::ComboBox::new("export_what", "")
                    .selected_text(self.what.label())
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for w in ExportWhat::ALL {
                            ui.selectable_value(&mut self.what, w, w.label());
                        }
                    });
                ui.end_row();
                if matches!(self.what, ExportWhat::TimelinePng | ExportWhat::TimelineSvg) {
                    ui.label("Chart size");
                    ui.horizontal(|ui| {
                        for (w, h, name) in [(1280, 720, "16:9 slide"), (1024, 768, "4:3 slide"), (1600, 600, "wide")] {
                            ui.selectable_value(&mut self.size_px, (w, h), name)
                                .on_hover_text(format!("{w} × {h} pixels at 1x"));
                        }
                    });
                    ui.end_row();
                }
                if self.what == ExportWhat::TimelinePng {
                    ui.label("Scale");
                    ui.horizontal(|ui| {
                        for s in 1..=3u8 {
                            ui.selectable_value(&mut self.scale, s, format!("{s}x"))
                                .on_hover_text(format!(
                                    "{} × {} pixels",
                                    self.size_px.0 * u32::from(s),
                                    self.size_px.1 * u32::from(s)
                                ));
                        }
                    });
                    ui.end_row();
                }
                ui.label("File");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(300.0));
                    if ui
                        .add_enabled(self.browse.is_none(), egui::Button::new("Browse…"))
                        .clicked()
                    {
                        self.browse = save_dialog(ui.ctx(), &self.path);
                    }
                });
                ui.end_row();
            });
        if self.what != before {
            // Keep the folder the user chose, switch the name and extension.
            let dir = Path::new(&self.path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(default_export_dir);
            self.path = self.proposed(&dir).display().to_string();
        }
        ui.label(
            egui::RichText::new(match self.what {
                ExportWhat::TimelinePng | ExportWhat::TimelineSvg => {
                    "The chart shows the timeline's current filter and series, with legend, axis labels, pinned callouts and a caption (corpus, filter, scale, date)."
                }
                ExportWhat::DataCsv => "One row per marker on the timeline: actor, target, dates with their source, score, evidence sentence.",
                ExportWhat::DataJson => "The documents and stance events the filter shows, in the schema of `stance-explorer analyze`.",
                ExportWhat::ComparePng | ExportWhat::WindowPng => "Captured from the screen as it is now.",
            })
            .weak()
            .small(),
        );
        let mut order = None;
        ui.horizontal(|ui| {
            let busy = self.running.is_some();
            if ui
                .add_enabled(!busy && !self.path.trim().is_empty(), egui::Button::new("Export"))
                .clicked()
            {
                order = Some(ExportOrder {
                    what: self.what,
                    path: PathBuf::from(self.path.trim()),
                    scale: self.scale,
                    size_px: self.size_px,
                });
            }
            if busy {
                ui.spinner();
                ui.label("Writing…");
            }
        });
        match &self.outcome {
            Some(Ok(m)) => {
                ui.label(egui::RichText::new(m).color(ui.visuals().hyperlink_color));
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
        order
    }
}

/// The system save dialog on its own thread (`None` when it cannot open: the path field stays).
fn save_dialog(ctx: &egui::Context, current: &str) -> Option<Receiver<Option<PathBuf>>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let ctx = ctx.clone();
    let current = PathBuf::from(current);
    std::thread::Builder::new()
        .name("save-dialog".into())
        .spawn(move || {
            let mut d = rfd::FileDialog::new().set_title("Export to");
            if let Some(dir) = current.parent() {
                d = d.set_directory(dir);
            }
            if let Some(name) = current.file_name() {
                d = d.set_file_name(name.to_string_lossy());
            }
            let _ = tx.send(d.save_file());
            ctx.request_repaint();
        })
        .ok()?;
    Some(rx)
}
