//! The stance timeline: who took which position toward whom, on a real date axis.

use crate::app::settings::Settings;
use crate::app::theme;
use crate::app::views::timeline_markers::{LayoutKey, MarkerLayout, marker_layout, transform_key};
use crate::chart::aggregate::Period;
use crate::chart::palette::Shape;
use crate::chart::series::{SeriesMode, TimelineData, date_ticks, precision_label, tick_label, timeline_data_in};
use crate::model::DatedPeriod;
use crate::model::{Corpus, StanceId};
use crate::selection::Selection;
use egui_plot::{GridMark, HLine, Line, MarkerShape, Plot, PlotPoint, Points};
use std::collections::BTreeSet;

/// State of the timeline view.
#[derive(Debug, Default)]
pub struct TimelineView {
    /// Series the user switched off in the legend (by label).
    pub hidden: BTreeSet<String>,
    /// Cached data and the filter it was built for.
    cache: Option<(u64, std::sync::Arc<TimelineData>)>,
    /// Data being built on a background thread (large corpora), and the filter it is for.
    pending: Option<PendingData>,
    /// Stance events above which data is built in the background (default
    /// [`BACKGROUND_DATA_EVENTS`]).
    pub background_above_events: Option<usize>,
    /// How long a background build runs before the header says "updating…" (None: the
    /// default, [`UPDATING_LABEL_AFTER_MS`]); a quicker build swaps the data in unannounced.
    pub updating_label_after_ms: Option<u64>,
    /// Series label hovered in the legend.
    hovered_series: Option<String>,
    /// Whether the plot is by event date (set each frame from the settings).
    by_event_date: bool,
    /// Whether reference events are drawn (set each frame from the settings).
    show_events: bool,
    /// Screen x and index of each drawn reference event line in the last frame.
    event_lines: Vec<(f32, usize)>,
    /// Screen positions of the drawn markers in the last frame.
    marker_positions: Vec<(StanceId, egui::Pos2)>,
    /// Date range (days since 1970-01-01) the plot showed in the last frame.
    pub visible_days: Option<(f64, f64)>,
    /// Quotes pinned as callouts (set by the app from the corrections).
    pub annotations: Vec<crate::corrections::Annotation>,
    /// The plot's transform in the last frame (to move coincident markers apart).
    last_transform: Option<egui_plot::PlotTransform>,
    /// Series mode of the current frame (from the settings and the corpus).
    pub mode: SeriesMode,
    /// Pooling period of the current frame.
    period: Period,
    /// Copies of one statement count once (from the settings).
    copies_once: bool,
    /// Pooled lines for (data cache key, period).
    pooled_cache: Option<((u64, Period), PooledLines)>,
    /// What the markers draw, for (data cache key, the transform it was computed for).
    layout_cache: Option<(LayoutKey, std::sync::Arc<MarkerLayout>)>,
    /// Shift+drag in progress: (start day, current day).
    box_days: Option<(f64, f64)>,
    /// The "add a reference event" form, when open.
    new_event: Option<NewEvent>,
    /// An event the user added from the plot, for the app to save.
    pub added_event: Option<crate::model::ReferenceEvent>,
}

/// Above this many stance events, the timeline's data is built on a background thread while
/// the previous data stays on screen; below it, in the frame that needs it.
pub const BACKGROUND_DATA_EVENTS: usize = 2_000;

/// A background build that ends sooner than this many milliseconds is not announced: the
/// label would only flicker for a frame or two.
pub const UPDATING_LABEL_AFTER_MS: u64 = 250;

/// Timeline data being built on a background thread.
#[derive(Debug)]
struct PendingData {
    /// The filter key it is built for.
    key: u64,
    rx: std::sync::mpsc::Receiver<TimelineData>,
    /// When it started.
    since: std::time::Instant,
}

/// What one timeline build needs, owned so it can go to another thread.
struct DataJob {
    corpus: std::sync::Arc<Corpus>,
    selection: Selection,
    doc_visible: std::sync::Arc<Vec<bool>>,
    max_series: usize,
    event_dates: bool,
    mode: SeriesMode,
    copies_once: bool,
}

impl DataJob {
    fn run(&self) -> TimelineData {
        timeline_data_in(
            &self.corpus,
            &self.selection,
            &self.doc_visible,
            self.max_series,
            self.event_dates,
            self.mode,
            self.copies_once,
        )
    }
}

/// The hover text of the "events" check box: where the reference events come from, and how
/// many shipped ones this corpus leaves out.
fn events_hover_text(corpus: &Corpus) -> String {
    let mut text = String::from(
        "Reference events: those of assets/events.csv about the countries and organisations of this corpus's \
         positions, and the corpus's own .stance-explorer/events.csv",
    );
    if corpus.events_left_out > 0 {
        text.push_str(&format!(
            ". {} shipped event(s) about other countries are left out: none of their countries takes part in \
             {}% or more of the positions",
            corpus.events_left_out,
            crate::analysis::events::MIN_SHARE_PCT
        ));
    }
    text
}

/// The form for a reference event added from the plot.
#[derive(Debug, Clone)]
struct NewEvent {
    date: String,
    label: String,
    category: String,
    error: Option<String>,
}

/// Per series, the runs of its smoothed line.
type PooledLines = std::sync::Arc<Vec<Vec<Vec<crate::chart::aggregate::SmoothPoint>>>>;

impl TimelineView {
    /// Every marker drawn in the last frame: the event it stands for and its screen position.
    pub fn drawn_markers(&self) -> &[(StanceId, egui::Pos2)] {
        &self.marker_positions
    }

    /// Where the marker of `stance` was drawn in the last frame.
    pub fn marker_position(&self, stance: StanceId) -> Option<egui::Pos2> {
        self.marker_positions
            .iter()
            .find(|(s, _)| *s == stance)
            .map(|(_, p)| *p)
    }

    /// Where day `day` (days since 1970-01-01) and score `y` were on screen in the last frame.
    pub fn screen_position(&self, day: f64, y: f64) -> Option<egui::Pos2> {
        self.last_transform
            .as_ref()
            .map(|t| t.position_from_point(&egui_plot::PlotPoint::new(day, y)))
    }

    /// Markers the plotted data has and markers drawn in the last frame (fewer when markers
    /// sharing a pixel were thinned).
    pub fn markers_drawn(&self) -> (usize, usize) {
        self.layout_cache.as_ref().map_or((0, 0), |(_, l)| (l.total, l.drawn))
    }

    /// Number of series drawn in the last frame (legend entries not switched off).
    pub fn series_shown(&self) -> usize {
        self.cache.as_ref().map_or(0, |(_, d)| {
            d.series.iter().filter(|s| !self.hidden.contains(&s.label)).count()
        })
    }

    /// The pooled lines of every series, recomputed only when the data or the period change.
    fn pooled(&mut self, corpus: &Corpus, data: &TimelineData) -> PooledLines {
        let key = (self.cache.as_ref().map_or(0, |c| c.0), self.period);
        if self.pooled_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let lines = (0..data.series.len())
                .map(|i| crate::chart::pooled_line(corpus, data, i, self.mode, self.period))
                .collect();
            self.pooled_cache = Some((key, std::sync::Arc::new(lines)));
        }
        std::sync::Arc::clone(&self.pooled_cache.as_ref().expect("just filled").1)
    }

    /// Drops cached data (after a reload).
    pub fn invalidate(&mut self) {
        self.cache = None;
        self.pending = None;
        self.pooled_cache = None;
        self.layout_cache = None;
    }

    /// The data drawn in the last frame.
    pub fn shown_data(&self) -> Option<std::sync::Arc<TimelineData>> {
        self.cache.as_ref().map(|(_, d)| std::sync::Arc::clone(d))
    }

    /// Whether newer data is being built in the background (the plot shows the previous).
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// The data for the current filter (cached by `filter_key`). On a large corpus a new
    /// filter's data is built on a background thread; until it arrives the previous data is
    /// returned (or an empty timeline on the first frame) and [`Self::is_updating`] is true.
    #[allow(clippy::too_many_arguments)]
    pub fn data(
        &mut self,
        ctx: &egui::Context,
        corpus: &std::sync::Arc<Corpus>,
        selection: &Selection,
        doc_visible: &std::sync::Arc<Vec<bool>>,
        filter_key: u64,
        max_series: usize,
        event_dates: bool,
    ) -> std::sync::Arc<TimelineData> {
        let mode_key = match self.mode {
            SeriesMode::Pairs => 0,
            SeriesMode::Alignment { pole_a, pole_b } => (u64::from(pole_a.0) << 32 | u64::from(pole_b.0)) + 1,
        };
        let filter_key = filter_key
            ^ u64::from(event_dates)
            ^ (u64::from(self.copies_once) << 1)
            ^ mode_key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // A finished background build.
        if let Some(p) = &self.pending {
            match p.rx.try_recv() {
                Ok(data) => {
                    let key = p.key;
                    self.pending = None;
                    self.cache = Some((key, std::sync::Arc::new(data)));
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.pending = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if self.cache.as_ref().is_none_or(|(k, _)| *k != filter_key) {
            let job = DataJob {
                corpus: std::sync::Arc::clone(corpus),
                selection: selection.clone(),
                doc_visible: std::sync::Arc::clone(doc_visible),
                max_series,
                event_dates,
                mode: self.mode,
                copies_once: self.copies_once,
            };
            if corpus.stances.len() <= self.background_above_events.unwrap_or(BACKGROUND_DATA_EVENTS) {
                self.pending = None;
                self.cache = Some((filter_key, std::sync::Arc::new(job.run())));
            } else if self.pending.is_none() {
                // One build at a time: a filter changed meanwhile is built when this one ends.
                let (tx, rx) = std::sync::mpsc::channel();
                let repaint = ctx.clone();
                let job = std::sync::Arc::new(job);
                let worker_job = std::sync::Arc::clone(&job);
                let spawned = std::thread::Builder::new().name("timeline data".into()).spawn(move || {
                    let _ = tx.send(worker_job.run());
                    repaint.request_repaint();
                });
                match spawned {
                    Ok(_) => {
                        self.pending = Some(PendingData {
                            key: filter_key,
                            rx,
                            since: std::time::Instant::now(),
                        })
                    }
                    // No thread to be had: build it here rather than show nothing.
                    Err(_) => self.cache = Some((filter_key, std::sync::Arc::new(job.run()))),
                }
            }
            if self.pending.is_some() {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
            }
        }
        match &self.cache {
            Some((_, d)) => std::sync::Arc::clone(d),
            None => std::sync::Arc::new(TimelineData::default()),
        }
    }

    /// Draws the timeline with its legend and the undated tray.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &std::sync::Arc<Corpus>,
        selection: &mut Selection,
        settings: &mut Settings,
        doc_visible: &std::sync::Arc<Vec<bool>>,
        filter_key: u64,
    ) {
        self.mode = series_mode(corpus, settings);
        self.period = settings.period;
        self.copies_once = settings.count_copies_once;
        let data = self.data(
            ui.ctx(),
            corpus,
            selection,
            doc_visible,
            filter_key,
            settings.max_series,
            settings.plot_event_dates,
        );
        let label_after =
            std::time::Duration::from_millis(self.updating_label_after_ms.unwrap_or(UPDATING_LABEL_AFTER_MS));
        let updating = self.pending.as_ref().is_some_and(|p| p.since.elapsed() >= label_after);
        ui.horizontal(|ui| {
            ui.heading("Stance timeline");
            let n: usize = data
                .series
                .iter()
                .flat_map(|s| &s.points)
                .map(|p| p.stances.len())
                .sum();
            ui.label(egui::RichText::new(format!("{n} dated stance events in {} series", data.series.len())).weak());
            if data.hidden_series > 0 {
                ui.label(egui::RichText::new(format!("(+{} smaller series not drawn)", data.hidden_series)).weak());
            }
            if data.merged_copies > 0 {
                ui.label(egui::RichText::new(format!("· {} copies counted once", data.merged_copies)).weak())
                    .on_hover_text(
                        "Reports of one statement by several outlets, or in two translations, are drawn as one \
                     point; hover it to see the copies",
                    );
            }
            if updating {
                ui.spinner();
                ui.label(egui::RichText::new("updating…").weak()).on_hover_text(
                    "The timeline for the new filter is being built; the previous one is shown meanwhile",
                );
            }
        });
        // Controls wrap onto more rows when the view is narrow (presentation mode, small windows).
        ui.horizontal_wrapped(|ui| {
            ui.label("Plot by:");
            ui.selectable_value(&mut settings.plot_event_dates, false, "publication date");
            ui.selectable_value(&mut settings.plot_event_dates, true, "event date")
                .on_hover_text("Place each stance at the date its sentence names (\"in 2014\", \"on Monday\"), else at publication");
            ui.checkbox(&mut settings.show_reference_events, "events")
                .on_hover_ui(|ui| {
                    ui.label(events_hover_text(corpus));
                });
            ui.checkbox(&mut settings.count_copies_once, "copies once").on_hover_text(
                "Count a statement reported by several outlets (or translated) once: its earliest report is \
                 drawn and lists the others",
            );
            ui.separator();
            axis_controls_ui(ui, corpus, settings);
            ui.separator();
            match selection.period_label() {
                Some(p) => {
                    if ui
                        .button(format!("Period {p} ✕"))
                        .on_hover_text("Only documents dated in this period are shown everywhere; click to show all")
                        .clicked()
                    {
                        selection.period_days = None;
                    }
                }
                None => {
                    ui.label(egui::RichText::new("Shift+drag: select a period · right-click: add an event").weak());
                }
            }
        });
        self.by_event_date = settings.plot_event_dates;
        self.show_events = settings.show_reference_events;
        self.legend_ui(ui, corpus, &data);
        let tray_width = if data.undated_docs.is_empty() { 0.0 } else { 190.0 };
        let plot_width = (ui.available_width() - tray_width - 8.0).max(200.0);
        let height = ui.available_height().max(160.0);
        ui.horizontal_top(|ui| {
            ui.allocate_ui(egui::vec2(plot_width, height), |ui| {
                self.plot_ui(ui, corpus, selection, &data)
            });
            if tray_width > 0.0 {
                ui.separator();
                ui.allocate_ui(egui::vec2(tray_width, height), |ui| {
                    undated_tray_ui(ui, corpus, selection, &data, self.undated_count(&data))
                });
            }
        });
    }

    fn undated_count(&self, data: &TimelineData) -> usize {
        data.undated_events
    }

    fn legend_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, data: &TimelineData) {
        self.hovered_series = None;
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 12.0;
            for s in &data.series {
                let color = series_color(corpus, s);
                let shown = !self.hidden.contains(&s.label);
                let glyph = actor_marker(s.actor).1;
                let events: usize = s.points.iter().map(|p| p.stances.len()).sum();
                let text = egui::RichText::new(format!("{glyph} {} ({events})", s.label)).color(if shown {
                    color
                } else {
                    ui.visuals().weak_text_color()
                });
                // Whole: a series' marker and name move to the next row together.
                let r = ui
                    .add(egui::Label::new(text).extend().sense(egui::Sense::click()))
                    .on_hover_text("(n) = stance events in this series · click to hide or show it");
                if r.clicked() {
                    if shown {
                        self.hidden.insert(s.label.clone());
                    } else {
                        self.hidden.remove(&s.label);
                    }
                }
                if r.hovered() {
                    self.hovered_series = Some(s.label.clone());
                }
            }
        });
    }

    fn plot_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, selection: &mut Selection, data: &TimelineData) {
        let (x_min, x_max) = crate::chart::padded_range(
            data.series
                .iter()
                .flat_map(|s| &s.points)
                .map(|p| (p.x - p.half_width_days, p.x + p.half_width_days)),
        );
        let max_ticks = ((ui.available_width() / 90.0) as usize).clamp(2, 14);
        let shift = ui.input(|i| i.modifiers.shift);
        let (y_label, y_ticks) = crate::chart::y_axis(corpus, self.mode);
        let pooled = self.pooled(corpus, data);
        // A new filter (or corpus) starts from its own data range.
        let plot = Plot::new(("stance_timeline", self.cache.as_ref().map_or(0, |c| c.0)))
            .x_axis_label(if self.by_event_date {
                "event date (else publication date)"
            } else {
                "publication date"
            })
            .y_axis_label(y_label)
            .default_x_bounds(x_min, x_max)
            .include_y(-1.15)
            .include_y(if self.show_events { 1.45 } else { 1.15 })
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll([true, false])
            .allow_drag([!shift, false])
            .allow_boxed_zoom(false)
            .x_grid_spacer(|input| {
                date_ticks(input.bounds.0, input.bounds.1, max_ticks)
                    .into_iter()
                    .map(|t| GridMark {
                        value: t.day,
                        step_size: t.step_days,
                    })
                    .collect()
            })
            .x_axis_formatter(|mark, _range| tick_label(mark.value, mark.step_size))
            .y_grid_spacer(|_| {
                [-1.0, -0.5, 0.0, 0.5, 1.0]
                    .into_iter()
                    .map(|v| GridMark {
                        value: v,
                        step_size: if v == 0.0 { 1.0 } else { 0.5 },
                    })
                    .collect()
            })
            .y_axis_formatter(move |mark, _| {
                y_ticks
                    .iter()
                    .find(|(v, _)| (v - mark.value).abs() < 1e-6)
                    .map_or_else(|| format!("{:+.1}", mark.value), |(_, l)| l.clone())
            })
            .label_formatter(|_| None)
            .show_x(false)
            .show_y(false);
        let box_days = self.box_days;
        let hidden = &self.hidden;
        let hovered_series = self.hovered_series.clone();
        let show_events = self.show_events;
        let event_color = ui.visuals().weak_text_color();
        let label_font = egui::TextStyle::Small.resolve(ui.style());
        let label_widths: Vec<f32> = corpus
            .events
            .iter()
            .map(|e| {
                ui.fonts_mut(|f| {
                    f.layout_no_wrap(e.label.clone(), label_font.clone(), event_color)
                        .size()
                        .x
                })
            })
            .collect();
        let mut event_lines = Vec::new();
        let layout_key: LayoutKey = (
            self.cache.as_ref().map_or(0, |c| c.0),
            self.last_transform.as_ref().map(transform_key),
        );
        if self.layout_cache.as_ref().is_none_or(|(k, _)| *k != layout_key) {
            let layout = std::sync::Arc::new(marker_layout(data, self.last_transform.as_ref()));
            self.layout_cache = Some((layout_key, layout));
        }
        let layout = std::sync::Arc::clone(&self.layout_cache.as_ref().expect("just filled").1);
        let response = plot.show(ui, |plot_ui| {
            if let Some((a, b)) = box_days {
                let (lo, hi) = (a.min(b), a.max(b));
                plot_ui.polygon(
                    egui_plot::Polygon::new("selected period", vec![[lo, -1.15], [hi, -1.15], [hi, 1.5], [lo, 1.5]])
                        .fill_color(ui_highlight().gamma_multiply(0.18))
                        .stroke(egui::Stroke::new(1.0, ui_highlight()))
                        .allow_hover(false),
                );
            }
            plot_ui.hline(
                HLine::new("neutral", 0.0)
                    .color(egui::Color32::from_gray(150))
                    .width(1.0),
            );
            if show_events {
                let b = plot_ui.plot_bounds();
                let visible: Vec<usize> = (0..corpus.events.len())
                    .filter(|i| {
                        let x = crate::model::days_since_epoch(corpus.events[*i].date);
                        x >= b.min()[0] && x <= b.max()[0]
                    })
                    .collect();
                let frame = *plot_ui.transform().frame();
                // A label runs right of its line, or left of it near the right edge.
                let mut left_of_line = Vec::new();
                let items: Vec<(f32, f32, u8)> = visible
                    .iter()
                    .map(|i| {
                        let e = &corpus.events[*i];
                        let x = plot_ui
                            .screen_from_plot(PlotPoint::new(crate::model::days_since_epoch(e.date), 0.0))
                            .x;
                        let w = label_widths[*i] + 4.0;
                        let flip = x + w > frame.max.x;
                        left_of_line.push(flip);
                        (
                            if flip { x - w } else { x },
                            w,
                            crate::chart::series::event_priority(&e.category),
                        )
                    })
                    .collect();
                let rows = crate::chart::series::place_labels(&items, 2, 6.0);
                for (((i, item), row), flip) in visible.iter().zip(&items).zip(rows).zip(left_of_line) {
                    let e = &corpus.events[*i];
                    let x = crate::model::days_since_epoch(e.date);
                    event_lines.push((if flip { item.0 + item.1 } else { item.0 }, *i));
                    let line_color = event_color.gamma_multiply(0.6);
                    match row {
                        Some(row) => {
                            plot_ui.vline(
                                egui_plot::VLine::new(format!("event {}", e.label), x)
                                    .color(line_color)
                                    .style(egui_plot::LineStyle::Dashed { length: 4.0 })
                                    .width(1.0)
                                    .allow_hover(false),
                            );
                            let y = 1.44 - 0.13 * row as f64;
                            let text = egui::RichText::new(&e.label).small().color(event_color);
                            let anchor = if flip {
                                egui::Align2::RIGHT_TOP
                            } else {
                                egui::Align2::LEFT_TOP
                            };
                            plot_ui.text(
                                egui_plot::Text::new(format!("event label {}", e.label), PlotPoint::new(x, y), text)
                                    .anchor(anchor)
                                    .allow_hover(false),
                            );
                        }
                        // No room for its label: a short tick in the label band (hover tells).
                        None => plot_ui.line(
                            Line::new(format!("event tick {}", e.label), vec![[x, 1.08], [x, 1.16]])
                                .color(line_color)
                                .width(1.0)
                                .allow_hover(false),
                        ),
                    }
                }
            }
            for (si, (s, marks)) in data
                .series
                .iter()
                .zip(layout.series.iter())
                .enumerate()
                .filter(|(_, (s, _))| !hidden.contains(&s.label))
            {
                let color = series_color(corpus, s);
                let highlight = hovered_series.as_deref() == Some(s.label.as_str())
                    || selection.hovered_entity.is_some_and(|e| e == s.actor || e == s.target);
                if let Some(runs) = pooled.get(si).filter(|p| !p.is_empty()) {
                    for run in runs {
                        smoothed_ui(plot_ui, &s.label, run, color, highlight);
                    }
                } else if marks.trend.len() > 1 {
                    plot_ui.line(
                        Line::new(format!("{} trend", s.label), marks.trend.clone())
                            .color(color.gamma_multiply(0.5))
                            .width(if highlight { 2.5 } else { 1.0 })
                            .allow_hover(false),
                    );
                }
                for whisker in &marks.whiskers {
                    plot_ui.line(
                        Line::new(format!("{} range", s.label), whisker.to_vec())
                            .color(color.gamma_multiply(0.6))
                            .width(1.5)
                            .allow_hover(false),
                    );
                }
                let grow = if highlight { 1.4 } else { 1.0 };
                // One plot item per (certainty, size): thousands of markers stay cheap.
                for ((uncertain, size4), xy) in &marks.groups {
                    // Marker area grows with the number of events it stands for.
                    let radius = theme::MARKER_RADIUS * grow * f32::from(*size4) / 4.0;
                    let name = if *uncertain {
                        format!("{} (uncertain date)", s.label)
                    } else {
                        s.label.clone()
                    };
                    plot_ui.points(
                        Points::new(name, xy.clone())
                            .color(color)
                            .radius(radius)
                            .shape(actor_marker(s.actor).0)
                            .filled(!uncertain),
                    );
                }
            }
            if let Some(id) = selection.hovered_stance {
                let s = corpus.stance(id);
                if let Some(d) = &corpus.doc(s.doc).date {
                    plot_ui.points(
                        Points::new("hovered", vec![[d.plot_day(), f64::from(s.score)]])
                            .color(ui_highlight())
                            .radius(theme::MARKER_RADIUS * 2.2)
                            .filled(false)
                            .allow_hover(false),
                    );
                }
            }
        });
        self.marker_positions = data
            .series
            .iter()
            .zip(layout.series.iter())
            .filter(|(s, _)| !self.hidden.contains(&s.label))
            .flat_map(|(_, marks)| &marks.picks)
            .map(|(stance, [x, y])| (*stance, response.transform.position_from_point(&PlotPoint::new(*x, *y))))
            .collect();
        self.last_transform = Some(response.transform);
        self.period_select(&response, shift, selection);
        self.add_event_menu(ui, &response);
        self.event_lines = event_lines;
        if !self.annotations.is_empty() {
            let callouts = crate::chart::callouts_for(corpus, data, &self.hidden, &self.annotations);
            callouts_ui(ui, &response.transform, &callouts);
        }
        let b = response.transform.bounds();
        self.visible_days = Some((b.min()[0], b.max()[0]));
        // Our own picking: nearest marker in screen space.
        let pointer = response.response.hover_pos();
        let picked: Option<StanceId> = pointer.and_then(|pos| {
            let mut best: Option<(f32, StanceId)> = None;
            for (stance, sp) in &self.marker_positions {
                let dist = sp.distance(pos);
                if dist <= theme::PICK_DISTANCE && best.is_none_or(|b| dist < b.0) {
                    best = Some((dist, *stance));
                }
            }
            best.map(|b| b.1)
        });
        selection.hovered_stance = picked;
        if picked.is_none()
            && let Some(pos) = pointer
            && let Some((_, i)) = self.event_lines.iter().find(|(x, _)| (x - pos.x).abs() <= 3.0)
        {
            let e = &corpus.events[*i];
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(380.0);
                ui.strong(format!("{} · {}", e.date, e.label));
                ui.label(&e.source);
                let origin = if e.from_corpus {
                    "this corpus's events.csv"
                } else {
                    "assets/events.csv"
                };
                ui.label(egui::RichText::new(format!("{} · {origin}", e.category)).weak().small());
                if !e.entities.is_empty() {
                    ui.label(
                        egui::RichText::new(format!("about: {}", e.entities.join(", ")))
                            .weak()
                            .small(),
                    );
                }
            });
        }
        if let Some(id) = picked {
            let st = corpus.stance(id);
            selection.hover_entity(st.actor);
            response
                .response
                .clone()
                .on_hover_ui_at_pointer(|ui| stance_tooltip_ui(ui, corpus, id));
            if response.response.clicked() {
                selection.open(st.doc, Some(st.sentence_index()), Some(st.cue_range.range()));
            }
        }
    }
}

/// A series' marker shape is its actor's (colour is its target's), so two actors
/// toward one target stay apart; the legend and exported charts show the same shape.
fn actor_marker(actor: crate::model::EntityId) -> (MarkerShape, char) {
    let shape = Shape::of_actor(actor.index());
    let plot_shape = match shape {
        Shape::Circle => MarkerShape::Circle,
        Shape::Diamond => MarkerShape::Diamond,
        Shape::Square => MarkerShape::Square,
        Shape::Up => MarkerShape::Up,
        Shape::Down => MarkerShape::Down,
    };
    (plot_shape, shape.glyph())
}

/// A series is coloured by its target: the same entity has the same colour everywhere.
fn series_color(corpus: &Corpus, s: &crate::chart::series::Series) -> egui::Color32 {
    theme::entity_color(s.color_entity.index(), &corpus.entity(s.color_entity).name)
}

impl TimelineView {
    /// Shift+drag selects a period: only documents dated in it pass the filter.
    fn period_select(&mut self, response: &egui_plot::PlotResponse<()>, shift: bool, selection: &mut Selection) {
        let r = &response.response;
        let day_at = |p: egui::Pos2| response.transform.value_from_position(p).x;
        if shift
            && r.drag_started_by(egui::PointerButton::Primary)
            && let Some(p) = r.interact_pointer_pos()
        {
            self.box_days = Some((day_at(p), day_at(p)));
        }
        if let Some((a, _)) = self.box_days
            && let Some(p) = r.interact_pointer_pos()
        {
            self.box_days = Some((a, day_at(p)));
        }
        if r.drag_stopped()
            && let Some((a, b)) = self.box_days.take()
            && (a - b).abs() >= 1.0
        {
            selection.period_days = Some((a.min(b).floor(), a.max(b).ceil()));
        }
    }

    /// Right-click on the plot: add a reference event at that date (saved in the corpus's events.csv).
    fn add_event_menu(&mut self, ui: &egui::Ui, response: &egui_plot::PlotResponse<()>) {
        if response.response.secondary_clicked()
            && let Some(p) = response.response.interact_pointer_pos()
        {
            let day = response.transform.value_from_position(p).x.round();
            self.new_event = Some(NewEvent {
                date: crate::model::date_from_epoch_days(day)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                label: String::new(),
                category: "diplomacy".into(),
                error: None,
            });
        }
        let Some(form) = &mut self.new_event else { return };
        let mut open = true;
        let mut done = None;
        egui::Window::new("Add a reference event")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                egui::Grid::new("new_event").num_columns(2).show(ui, |ui| {
                    ui.label("Date");
                    ui.add(egui::TextEdit::singleline(&mut form.date).hint_text("YYYY-MM-DD"));
                    ui.end_row();
                    let l = ui.label("Label");
                    ui.add(egui::TextEdit::singleline(&mut form.label).hint_text("what happened"))
                        .labelled_by(l.id);
                    ui.end_row();
                    ui.label("Category");
                    egui::ComboBox::new("new_event_category", "")
                        .selected_text(form.category.as_str())
                        .show_ui(ui, |ui| {
                            for c in ["war", "un_vote", "diplomacy", "sanctions", "election", "domestic"] {
                                ui.selectable_value(&mut form.category, c.to_string(), c);
                            }
                        });
                    ui.end_row();
                });
                if let Some(e) = &form.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                if ui.button("Add event").clicked() {
                    match (form.date.trim().parse::<jiff::civil::Date>(), form.label.trim()) {
                        (Err(_), _) => form.error = Some("The date must be YYYY-MM-DD".into()),
                        (_, "") => form.error = Some("Give the event a label".into()),
                        (Ok(date), label) => {
                            done = Some(crate::model::ReferenceEvent {
                                date,
                                label: label.to_string(),
                                category: form.category.clone(),
                                source: "added from the timeline".into(),
                                from_corpus: true,
                                entities: Vec::new(),
                            })
                        }
                    }
                }
            });
        if done.is_some() || !open {
            self.new_event = None;
        }
        if done.is_some() {
            self.added_event = done;
        }
    }
}

/// The series mode the settings ask for (pairs when a pole is not in the corpus).
pub fn series_mode(corpus: &Corpus, settings: &Settings) -> SeriesMode {
    match (
        settings.alignment_axis,
        corpus.entity_named(&settings.pole_a),
        corpus.entity_named(&settings.pole_b),
    ) {
        (true, Some(pole_a), Some(pole_b)) if pole_a != pole_b => SeriesMode::Alignment { pole_a, pole_b },
        _ => SeriesMode::Pairs,
    }
}

/// Series: pairs or alignment axis (with its poles), and the pooling period.
fn axis_controls_ui(ui: &mut egui::Ui, corpus: &Corpus, settings: &mut Settings) {
    ui.label("Series:");
    ui.selectable_value(&mut settings.alignment_axis, false, "actor → target")
        .on_hover_text("One series per actor → target pair; y is the stance score");
    ui.selectable_value(&mut settings.alignment_axis, true, "alignment")
        .on_hover_text("One series per actor; y is how close to each pole: a stance toward the right pole counts with its score, toward the left pole negated");
    if settings.alignment_axis {
        let mut poles: Vec<&str> = corpus
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches!(
                    e.kind,
                    crate::model::EntityKind::Country | crate::model::EntityKind::Organization
                )
            })
            .filter(|(i, _)| {
                corpus
                    .index
                    .stances_by_target
                    .get(&crate::model::EntityId(*i as u32))
                    .is_some_and(|v| !v.is_empty())
            })
            .map(|(_, e)| e.name.as_str())
            .collect();
        poles.sort_unstable();
        for (id, pole) in [("pole_a", &mut settings.pole_a), ("pole_b", &mut settings.pole_b)] {
            egui::ComboBox::new(id, "")
                .selected_text(pole.as_str())
                .width(110.0)
                .show_ui(ui, |ui| {
                    for p in &poles {
                        ui.selectable_value(pole, (*p).to_string(), *p);
                    }
                });
            if id == "pole_a" {
                ui.label("↔");
            }
        }
        if corpus.entity_named(&settings.pole_a).is_none() || corpus.entity_named(&settings.pole_b).is_none() {
            ui.label(egui::RichText::new("(a pole is not in this corpus: showing pairs)").weak());
        }
    }
    ui.separator();
    ui.label("Pool by:");
    for p in Period::ALL {
        ui.selectable_value(&mut settings.period, p, p.label()).on_hover_text(match p {
            Period::None => "No line through periods: one marker per document".to_string(),
            p => format!(
                "A line through the mean of each {} (3-period moving average weighted by evidence) with its 95 % band; markers stay clickable",
                p.label()
            ),
        });
    }
}

/// A pooled series: its band as quads between consecutive periods, then the line.
fn smoothed_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    label: &str,
    smooth: &[crate::chart::aggregate::SmoothPoint],
    color: egui::Color32,
    highlight: bool,
) {
    for w in smooth.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.2 == a.3 && b.2 == b.3 {
            continue;
        }
        plot_ui.polygon(
            egui_plot::Polygon::new(
                format!("{label} band"),
                vec![[a.0, a.2], [b.0, b.2], [b.0, b.3], [a.0, a.3]],
            )
            .fill_color(color.gamma_multiply(0.15))
            .stroke(egui::Stroke::NONE)
            .allow_hover(false),
        );
    }
    let line: Vec<[f64; 2]> = smooth.iter().map(|p| [p.0, p.1]).collect();
    plot_ui.line(
        Line::new(format!("{label} pooled"), line)
            .color(color)
            .width(if highlight { 3.5 } else { 2.5 })
            .allow_hover(false),
    );
}

/// Pinned quotes as boxed callouts beside their markers; boxes never overlap.
fn callouts_ui(ui: &egui::Ui, transform: &egui_plot::PlotTransform, callouts: &[crate::chart::Callout]) {
    let frame = *transform.frame();
    let painter = ui.painter().with_clip_rect(frame);
    let dark = ui.visuals().dark_mode;
    let (fill, stroke, text_color) = if dark {
        (
            egui::Color32::from_rgb(60, 55, 30),
            egui::Color32::from_rgb(170, 150, 80),
            egui::Color32::WHITE,
        )
    } else {
        (
            egui::Color32::from_rgb(255, 251, 230),
            egui::Color32::from_rgb(184, 164, 76),
            egui::Color32::BLACK,
        )
    };
    let width = (frame.width() * 0.3).clamp(140.0, 300.0);
    let galleys: Vec<_> = callouts
        .iter()
        .map(|c| painter.layout(c.text.clone(), egui::FontId::proportional(11.5), text_color, width))
        .collect();
    let sizes: Vec<(f64, f64)> = galleys
        .iter()
        .map(|g| (f64::from(g.size().x + 12.0), f64::from(g.size().y + 8.0)))
        .collect();
    let points: Vec<egui::Pos2> = callouts
        .iter()
        .map(|c| transform.position_from_point(&PlotPoint::new(c.x_day, c.y)))
        .collect();
    let xy: Vec<(f64, f64)> = points.iter().map(|p| (f64::from(p.x), f64::from(p.y))).collect();
    let f = |v: f32| f64::from(v);
    let boxes = crate::chart::place_callouts(
        &xy,
        &sizes,
        (f(frame.min.x), f(frame.min.y), f(frame.max.x), f(frame.max.y)),
    );
    for (((galley, (w, h)), point), b) in galleys.into_iter().zip(sizes).zip(points).zip(boxes) {
        let rect = egui::Rect::from_min_size(egui::pos2(b.x as f32, b.y as f32), egui::vec2(w as f32, h as f32));
        let right = b.right_of_point;
        let anchor = if right { rect.left_center() } else { rect.right_center() };
        painter.line_segment([point, anchor], egui::Stroke::new(1.0, stroke));
        painter.rect(
            rect,
            4.0,
            fill,
            egui::Stroke::new(1.0, stroke),
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + egui::vec2(6.0, 4.0), galley, text_color);
    }
}

fn ui_highlight() -> egui::Color32 {
    egui::Color32::from_rgb(255, 170, 0)
}

/// The hover card of one stance event: the sentence, where it is from, how sure the date is.
pub fn stance_tooltip_ui(ui: &mut egui::Ui, corpus: &Corpus, id: StanceId) {
    let s = corpus.stance(id);
    let doc = corpus.doc(s.doc);
    ui.set_max_width(460.0);
    ui.strong(format!(
        "{} → {}: {:+.2} ({})",
        corpus.entity(s.actor).name,
        corpus.entity(s.target).name,
        s.score,
        s.category
    ));
    if let Some(sp) = &s.speaker {
        ui.label(format!("Speaker: {}", sp.name));
    }
    ui.label(egui::RichText::new(format!("“{}”", doc.sentence_display(s.sentence_index()))).italics());
    ui.label(format!(
        "Cue: “{}”{}",
        s.cue_in(doc),
        if s.negated { " (negated)" } else { "" }
    ));
    ui.separator();
    ui.label(format!(
        "{} · {}",
        doc.title,
        doc.outlet.as_deref().unwrap_or("outlet unknown")
    ));
    if let Some(e) = &s.event_date {
        ui.label(format!(
            "Event date {} ({}, {:.0}%): {}",
            e.value_string(),
            e.source.as_str(),
            e.confidence * 100.0,
            e.reasoning(&doc.text)
        ));
    }
    if let Some(d) = &doc.date {
        ui.label(format!(
            "Date {} ({}, {} confidence {:.0}%): {}",
            d.value_string(),
            d.source.as_str(),
            precision_label(d.precision),
            d.confidence * 100.0,
            d.reasoning
        ));
    }
    ui.label(egui::RichText::new(&*s.explanation).weak().small());
    let copies = corpus.copies_of(id);
    if !copies.is_empty() {
        ui.separator();
        ui.label(format!(
            "Also reported in {} other document(s) (counted once):",
            copies.len()
        ));
        for c in copies.iter().take(8) {
            let d = corpus.doc(corpus.stance(*c).doc);
            ui.label(
                egui::RichText::new(format!(
                    "• {} · {} · {}",
                    d.date.as_ref().map_or("undated".to_string(), |d| d.value_string()),
                    d.outlet.as_deref().unwrap_or("outlet unknown"),
                    d.title
                ))
                .small(),
            );
        }
        if copies.len() > 8 {
            ui.label(egui::RichText::new(format!("… and {} more", copies.len() - 8)).small());
        }
    }
    let same = corpus.index.stances_by_doc[s.doc.index()]
        .iter()
        .filter(|o| **o != id && corpus.stance(**o).actor == s.actor && corpus.stance(**o).target == s.target)
        .count();
    if same > 0 {
        ui.label(
            egui::RichText::new(format!(
                "+{same} more event(s) for this pair in this document (the marker shows their mean)"
            ))
            .small(),
        );
    }
    ui.label(
        egui::RichText::new("Click to open the sentence in the reader")
            .weak()
            .small(),
    );
}

fn undated_tray_ui(
    ui: &mut egui::Ui,
    corpus: &Corpus,
    selection: &mut Selection,
    data: &crate::chart::series::TimelineData,
    undated_events: usize,
) {
    ui.vertical(|ui| {
        ui.strong(format!("Undated ({})", data.undated_docs.len()));
        ui.label(
            egui::RichText::new(format!("{undated_events} stance events not on the axis"))
                .weak()
                .small(),
        );
        // Only the rows on screen are laid out: a folder may have thousands of undated files.
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical().id_salt("undated_tray").show_rows(
            ui,
            row_height,
            data.undated_docs.len(),
            |ui, rows| {
                for id in &data.undated_docs[rows] {
                    let d = corpus.doc(*id);
                    let r = ui
                        .add_sized(
                            [ui.available_width(), row_height - ui.spacing().item_spacing.y],
                            egui::Button::selectable(
                                selection.open_doc == Some(*id),
                                egui::RichText::new(&d.title).small(),
                            )
                            .truncate(),
                        )
                        .on_hover_text(d.date_note.as_deref().unwrap_or("no date found"));
                    if r.clicked() {
                        selection.open(*id, None, None);
                    }
                }
            },
        );
    });
}
