//! Renders a [`ChartSpec`] as a self-contained SVG: title, caption, score and date
//! axes, reference events, series with whiskers and hollow uncertain markers,
//! callouts, and a legend below the plot (so it never covers data).

use super::palette::{Rgb, Shape};
use super::series::{date_ticks, place_labels, tick_label};
use super::text::{FONT_FAMILY, ellipsize, text_width, wrap};
use super::{ChartSpec, Y_LABEL};
use std::fmt::Write;

const MARGIN: f64 = 28.0;
const TITLE_PX: f64 = 24.0;
const CAPTION_PX: f64 = 13.0;
const TICK_PX: f64 = 13.0;
const AXIS_PX: f64 = 14.0;
const LEGEND_PX: f64 = 14.0;
const EVENT_PX: f64 = 12.0;
const CALLOUT_PX: f64 = 12.0;
const MARKER_RADIUS: f64 = 5.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#555555";
const GRID: &str = "#e3e3e3";

/// Score range drawn; the band above 1.15 holds event labels.
fn y_range(spec: &ChartSpec) -> (f64, f64) {
    (-1.15, if spec.events.is_empty() { 1.15 } else { 1.5 })
}

/// Escapes text for XML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// The plot's frame in SVG pixels.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Frame {
    fn x(&self, day: f64) -> f64 {
        self.left + (day - self.x0) / (self.x1 - self.x0).max(1e-9) * (self.right - self.left)
    }
    fn y(&self, v: f64) -> f64 {
        self.bottom - (v - self.y0) / (self.y1 - self.y0) * (self.bottom - self.top)
    }
}

/// Legend entries laid out in rows of `width`: (row, x offset) per series.
fn legend_layout(spec: &ChartSpec, width: f64) -> (Vec<(usize, f64)>, usize) {
    let mut out = Vec::new();
    let (mut row, mut x) = (0usize, 0.0);
    for s in &spec.series {
        let w = legend_entry_width(&legend_text(s));
        if x > 0.0 && x + w > width {
            row += 1;
            x = 0.0;
        }
        out.push((row, x));
        x += w + 18.0;
    }
    (out, if spec.series.is_empty() { 0 } else { row + 1 })
}

fn legend_text(s: &super::ChartSeries) -> String {
    let n: usize = s.points.iter().map(|p| p.events).sum();
    format!("{} ({n})", s.label)
}

fn legend_entry_width(text: &str) -> f64 {
    18.0 + text_width(text, LEGEND_PX)
}

/// A marker of `shape` at (x, y) with radius `r`.
fn marker(out: &mut String, shape: Shape, x: f64, y: f64, r: f64, color: Rgb, hollow: bool) {
    let fill = if hollow { "#ffffff".to_string() } else { hex(color) };
    let style = format!(
        r#"fill="{fill}" stroke="{}" stroke-width="{}""#,
        hex(color),
        if hollow { 1.8 } else { 1.0 }
    );
    let _ = match shape {
        Shape::Circle => writeln!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {style}/>"#),
        Shape::Square => {
            let a = r * 0.9;
            writeln!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {style}/>"#,
                x - a,
                y - a,
                2.0 * a,
                2.0 * a
            )
        }
        Shape::Diamond => {
            let a = r * 1.2;
            writeln!(
                out,
                r#"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" {style}/>"#,
                y - a,
                x + a,
                y + a,
                x - a
            )
        }
        Shape::Up | Shape::Down => {
            let a = r * 1.15;
            let (tip, base) = if shape == Shape::Up {
                (-a, a * 0.8)
            } else {
                (a, -a * 0.8)
            };
            writeln!(
                out,
                r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" {style}/>"#,
                y + tip,
                x + a,
                y + base,
                x - a,
                y + base
            )
        }
    };
}

/// One `<text>` element: position, size, colour, anchor, extra attributes, content.
#[allow(clippy::too_many_arguments)]
fn text(out: &mut String, x: f64, y: f64, size: f64, fill: &str, anchor: &str, extra: &str, s: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{fill}" text-anchor="{anchor}"{extra}>{}</text>"#,
        escape(s)
    );
}

/// Renders `spec` as an SVG document of `width` × `height` pixels.
pub fn render_svg(spec: &ChartSpec, width: f64, height: f64) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}, Verdana, sans-serif">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&spec.title));
    let _ = writeln!(out, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let inner = width - 2.0 * MARGIN;

    // Heading and caption.
    let mut y = MARGIN + TITLE_PX;
    text(
        &mut out,
        MARGIN,
        y,
        TITLE_PX,
        INK,
        "start",
        r#" font-weight="bold""#,
        &spec.title,
    );
    y += 6.0;
    for line in &spec.caption {
        for l in wrap(line, CAPTION_PX, inner) {
            y += CAPTION_PX * 1.35;
            text(&mut out, MARGIN, y, CAPTION_PX, MUTED, "start", "", &l);
        }
    }
    let plot_top = y + 16.0;

    // Bottom band: footnote, legend, axis label, tick labels.
    let (legend_pos, legend_rows) = legend_layout(spec, inner);
    let legend_h = legend_rows as f64 * (LEGEND_PX * 1.6);
    let foot_lines: Vec<String> = spec
        .footnote
        .as_deref()
        .map(|f| wrap(f, CAPTION_PX, inner))
        .unwrap_or_default();
    let foot_h = foot_lines.len() as f64 * CAPTION_PX * 1.35;
    let plot_bottom = height - MARGIN - foot_h - legend_h - 12.0 - AXIS_PX * 1.6 - TICK_PX * 1.8;

    let y_ticks: Vec<(f64, &str)> = if spec.y_ticks.is_empty() {
        vec![(1.0, "+1"), (0.0, "0"), (-1.0, "−1")]
    } else {
        spec.y_ticks.iter().map(|(v, l)| (*v, l.as_str())).collect()
    };
    let tick_w = y_ticks.iter().map(|(_, l)| text_width(l, TICK_PX)).fold(0.0, f64::max);
    let left = MARGIN + AXIS_PX * 1.6 + tick_w + 8.0;
    let (y0, y1) = y_range(spec);
    let f = Frame {
        left,
        right: width - MARGIN,
        top: plot_top,
        bottom: plot_bottom.max(plot_top + 40.0),
        x0: spec.x_range.0,
        x1: spec.x_range.1.max(spec.x_range.0 + 1.0),
        y0,
        y1,
    };
    let _ = writeln!(
        out,
        r#"<clipPath id="plot"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath>"#,
        f.left,
        f.top,
        f.right - f.left,
        f.bottom - f.top
    );

    // Score grid and labels.
    for (v, label) in y_ticks {
        let yy = f.y(v);
        let (stroke, w) = if v == 0.0 { ("#9a9a9a", 1.2) } else { (GRID, 1.0) };
        let _ = writeln!(
            out,
            r#"<line x1="{:.1}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="{stroke}" stroke-width="{w}"/>"#,
            f.left, f.right
        );
        text(
            &mut out,
            f.left - 8.0,
            yy + TICK_PX * 0.35,
            TICK_PX,
            INK,
            "end",
            "",
            label,
        );
    }
    let mid_y = (f.y(1.0) + f.y(-1.0)) / 2.0;
    let ax = MARGIN + AXIS_PX;
    text(
        &mut out,
        ax,
        mid_y,
        AXIS_PX,
        INK,
        "middle",
        &format!(r#" transform="rotate(-90 {ax:.1} {mid_y:.1})""#),
        if spec.y_label.is_empty() {
            Y_LABEL
        } else {
            &spec.y_label
        },
    );

    // Date ticks.
    let max_ticks = (((f.right - f.left) / 95.0) as usize).clamp(2, 14);
    for t in date_ticks(f.x0, f.x1, max_ticks) {
        let xx = f.x(t.day);
        let _ = writeln!(
            out,
            r#"<line x1="{xx:.1}" y1="{:.1}" x2="{xx:.1}" y2="{:.1}" stroke="{GRID}" stroke-width="1"/>"#,
            f.top, f.bottom
        );
        let _ = writeln!(
            out,
            r#"<line x1="{xx:.1}" y1="{:.1}" x2="{xx:.1}" y2="{:.1}" stroke="{INK}" stroke-width="1"/>"#,
            f.bottom,
            f.bottom + 5.0
        );
        text(
            &mut out,
            xx,
            f.bottom + TICK_PX * 1.5,
            TICK_PX,
            INK,
            "middle",
            "",
            &tick_label(t.day, t.step_days),
        );
    }
    let _ = writeln!(
        out,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#b0b0b0"/>"##,
        f.left,
        f.top,
        f.right - f.left,
        f.bottom - f.top
    );
    text(
        &mut out,
        (f.left + f.right) / 2.0,
        f.bottom + TICK_PX * 1.8 + AXIS_PX * 1.3,
        AXIS_PX,
        INK,
        "middle",
        "",
        &spec.x_label,
    );

    // Reference events: dashed lines, labels in two rows in the top band.
    let _ = writeln!(out, r#"<g clip-path="url(#plot)">"#);
    let items: Vec<(f32, f32, u8)> = spec
        .events
        .iter()
        .map(|e| {
            let xx = f.x(e.day);
            let w = text_width(&e.label, EVENT_PX) + 6.0;
            let start = if xx + w > f.right { xx - w } else { xx };
            (start as f32, w as f32, e.priority)
        })
        .collect();
    let rows = place_labels(&items, 2, 6.0);
    for ((e, item), row) in spec.events.iter().zip(&items).zip(rows) {
        let xx = f.x(e.day);
        let flip = f64::from(item.0) < xx - 0.5;
        // A labelled event gets a full line; one with no room for its label a short tick in the band.
        let (line_top, line_bottom) = match row {
            Some(_) => (f.top, f.bottom),
            None => (f.y(1.22), f.y(1.12)),
        };
        let _ = writeln!(
            out,
            r##"<line x1="{xx:.1}" y1="{line_top:.1}" x2="{xx:.1}" y2="{line_bottom:.1}" stroke="#8c8c8c" stroke-width="1" stroke-dasharray="4 3"/>"##
        );
        if let Some(row) = row {
            let ty = f.top + EVENT_PX * 1.3 + row as f64 * EVENT_PX * 1.45;
            let (tx, anchor) = if flip { (xx - 3.0, "end") } else { (xx + 3.0, "start") };
            text(&mut out, tx, ty, EVENT_PX, MUTED, anchor, "", &e.label);
        }
    }

    // Series: trend line, whiskers, markers (coincident markers side by side, so none hides another).
    let positions = dodge(spec, &f);
    for s in spec.series.iter().filter(|s| !s.smooth.is_empty()) {
        // Per run of consecutive periods: the band (95 % interval of the means), then the line.
        let xy = |p: &&(f64, f64, f64, f64), v: f64| format!("{:.1},{:.1}", f.x(p.0), f.y(v));
        let _ = writeln!(out, r#"<g class="smooth" stroke="{}">"#, hex(s.color));
        for run in &s.smooth {
            let upper: Vec<String> = run.iter().map(|p| xy(&p, p.3)).collect();
            let lower: Vec<String> = run.iter().rev().map(|p| xy(&p, p.2)).collect();
            let _ = writeln!(
                out,
                r#"<polygon class="band" points="{} {}" fill="{}" fill-opacity="0.15" stroke="none"/>"#,
                upper.join(" "),
                lower.join(" "),
                hex(s.color)
            );
            let line: Vec<String> = run.iter().map(|p| xy(&p, p.1)).collect();
            let _ = writeln!(
                out,
                r#"<polyline points="{}" fill="none" stroke-width="2.5"/>"#,
                line.join(" ")
            );
        }
        let _ = writeln!(out, "</g>");
    }
    for (si, s) in spec.series.iter().enumerate() {
        let pos = &positions[si];
        if s.points.len() > 1 && s.smooth.is_empty() {
            let pts: Vec<String> = pos.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect();
            let _ = writeln!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-opacity="0.5" stroke-width="1.3"/>"#,
                pts.join(" "),
                hex(s.color)
            );
        }
        for (p, (x, y, _)) in s.points.iter().zip(pos).filter(|(p, _)| p.half_width_days > 0.0) {
            let half = f.x(p.x_day + p.half_width_days) - f.x(p.x_day);
            let _ = writeln!(
                out,
                r#"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-opacity="0.6" stroke-width="1.6"/>"#,
                x - half,
                x + half,
                hex(s.color),
            );
        }
        let _ = writeln!(out, r#"<g class="series"><title>{}</title>"#, escape(&s.label));
        for (p, (x, y, r)) in s.points.iter().zip(pos) {
            marker(&mut out, s.shape, *x, *y, *r, s.color, p.uncertain);
        }
        let _ = writeln!(out, "</g>");
    }
    let _ = writeln!(out, "</g>");

    callouts_svg(&mut out, spec, &f);

    // Legend below the axis label.
    let legend_top = f.bottom + TICK_PX * 1.8 + AXIS_PX * 1.6 + 12.0;
    for (s, (row, dx)) in spec.series.iter().zip(legend_pos) {
        let ly = legend_top + row as f64 * LEGEND_PX * 1.6 + LEGEND_PX * 0.8;
        let lx = MARGIN + dx;
        marker(
            &mut out,
            s.shape,
            lx + 6.0,
            ly - LEGEND_PX * 0.35,
            MARKER_RADIUS,
            s.color,
            false,
        );
        let label = ellipsize(&legend_text(s), LEGEND_PX, inner - 18.0);
        text(&mut out, lx + 16.0, ly, LEGEND_PX, &hex(s.color), "start", "", &label);
    }
    let mut fy = height - MARGIN - foot_h;
    for l in foot_lines {
        fy += CAPTION_PX * 1.35;
        text(
            &mut out,
            MARGIN,
            fy - CAPTION_PX * 0.3,
            CAPTION_PX,
            MUTED,
            "start",
            r#" font-style="italic""#,
            &l,
        );
    }
    out.push_str("</svg>\n");
    out
}

/// Screen position and radius of every marker, series by series, with coincident
/// markers moved apart ([`super::dodge_markers`]).
fn dodge(spec: &ChartSpec, f: &Frame) -> Vec<Vec<(f64, f64, f64)>> {
    let flat: Vec<(f64, f64, f64)> = spec
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| {
            (
                f.x(p.x_day),
                f.y(p.y),
                MARKER_RADIUS * (p.events as f64).sqrt().min(3.0),
            )
        })
        .collect();
    let ys = super::dodge_markers(&flat);
    let mut it = flat.iter().zip(ys);
    spec.series
        .iter()
        .map(|s| {
            s.points
                .iter()
                .filter_map(|_| it.next().map(|((x, _, r), y)| (*x, y, *r)))
                .collect()
        })
        .collect()
}

/// Callouts: a boxed quote beside its point with a leader line; boxes never overlap.
fn callouts_svg(out: &mut String, spec: &ChartSpec, f: &Frame) {
    let max_w = ((f.right - f.left) * 0.32).clamp(140.0, 320.0);
    let texts: Vec<Vec<String>> = spec
        .callouts
        .iter()
        .map(|c| wrap(&c.text, CALLOUT_PX, max_w - 14.0).into_iter().take(6).collect())
        .collect();
    let sizes: Vec<(f64, f64)> = texts
        .iter()
        .map(|lines| {
            let w = lines.iter().map(|l| text_width(l, CALLOUT_PX)).fold(0.0, f64::max) + 14.0;
            (w, lines.len() as f64 * CALLOUT_PX * 1.35 + 10.0)
        })
        .collect();
    let points: Vec<(f64, f64)> = spec.callouts.iter().map(|c| (f.x(c.x_day), f.y(c.y))).collect();
    let boxes = super::place_callouts(&points, &sizes, (f.left, f.top, f.right, f.bottom));
    for (((lines, (w, h)), (px, py)), b) in texts.iter().zip(&sizes).zip(&points).zip(boxes) {
        let (px, py, w, h) = (*px, *py, *w, *h);
        let (bx, by, right_side) = (b.x, b.y, b.right_of_point);
        let anchor_x = if right_side { bx } else { bx + w };
        let _ = writeln!(
            out,
            r##"<line x1="{px:.1}" y1="{py:.1}" x2="{anchor_x:.1}" y2="{:.1}" stroke="#444444" stroke-width="1"/>"##,
            by + h / 2.0
        );
        let _ = writeln!(
            out,
            r##"<rect x="{bx:.1}" y="{by:.1}" width="{w:.1}" height="{h:.1}" rx="4" fill="#fffbe6" stroke="#b8a44c"/>"##
        );
        for (i, l) in lines.iter().enumerate() {
            text(
                out,
                bx + 7.0,
                by + 5.0 + (i as f64 + 1.0) * CALLOUT_PX * 1.35 - 3.0,
                CALLOUT_PX,
                INK,
                "start",
                "",
                l,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ChartEvent, ChartPoint, ChartSeries};
    use super::*;

    fn spec() -> ChartSpec {
        let day = |y, m, d| crate::model::days_since_epoch(jiff::civil::date(y, m, d));
        ChartSpec {
            title: "Stance timeline".into(),
            caption: vec!["Corpus: test & <sample>".into()],
            x_label: "publication date".into(),
            y_label: Y_LABEL.into(),
            y_ticks: vec![
                (1.0, "+1 supports".into()),
                (0.0, "0 neutral".into()),
                (-1.0, "−1 opposes".into()),
            ],
            x_range: (day(2013, 6, 1), day(2024, 12, 31)),
            series: vec![ChartSeries {
                label: "Kazakhstan → China".into(),
                color: [0, 114, 178],
                shape: Shape::Diamond,
                points: vec![
                    ChartPoint {
                        x_day: day(2014, 3, 27),
                        y: 0.5,
                        events: 2,
                        uncertain: false,
                        half_width_days: 0.0,
                    },
                    ChartPoint {
                        x_day: day(2023, 2, 15),
                        y: 1.0,
                        events: 1,
                        uncertain: true,
                        half_width_days: 14.0,
                    },
                ],
                smooth: Vec::new(),
            }],
            events: vec![ChartEvent {
                day: day(2022, 2, 24),
                label: "Full-scale invasion".into(),
                priority: 0,
            }],
            callouts: vec![super::super::Callout {
                x_day: day(2023, 2, 15),
                y: 1.0,
                text: "“worthy of support”".into(),
            }],
            footnote: Some("2 undated documents".into()),
        }
    }

    #[test]
    fn svg_has_every_part_and_escapes_text() {
        let svg = render_svg(&spec(), 1280.0, 720.0);
        assert!(svg.starts_with("<svg "));
        assert!(svg.trim_end().ends_with("</svg>"));
        for needle in [
            "Stance timeline",
            "Corpus: test &amp; &lt;sample&gt;",
            "Kazakhstan → China (3)",
            "Full-scale invasion",
            "+1 supports",
            "−1 opposes",
            "publication date",
            "2014",
            "2022",
            "worthy of support",
            "2 undated documents",
        ] {
            assert!(svg.contains(needle), "missing {needle}");
        }
        // Diamonds: one per point plus the legend's; the uncertain one is hollow.
        assert_eq!(svg.matches("<path d=\"M").count(), 3);
        assert!(svg.contains("fill=\"#ffffff\" stroke=\"#0072b2\""));
    }

    #[test]
    fn svg_parses_as_xml() {
        let svg = render_svg(&spec(), 900.0, 500.0);
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default());
        assert!(tree.is_ok(), "{:?}", tree.err());
    }

    #[test]
    fn empty_chart_still_renders() {
        let mut s = spec();
        s.series.clear();
        s.events.clear();
        s.callouts.clear();
        s.footnote = None;
        let svg = render_svg(&s, 640.0, 360.0);
        assert!(svg.contains("0 neutral"));
    }

    #[test]
    fn pooled_series_get_a_band_and_a_smoothed_line() {
        let mut s = spec();
        assert!(!render_svg(&s, 900.0, 500.0).contains("class=\"band\""));
        let x = s.series[0].points[0].x_day;
        s.series[0].smooth = vec![vec![(x, 0.5, 0.2, 0.8), (x + 400.0, 0.7, 0.6, 0.9)]];
        let svg = render_svg(&s, 900.0, 500.0);
        assert_eq!(svg.matches("class=\"band\"").count(), 1);
        assert_eq!(svg.matches("class=\"smooth\"").count(), 1);
        assert!(
            !svg.contains("stroke-opacity=\"0.5\" stroke-width=\"1.3\""),
            "no raw trend line when pooled"
        );
    }
}
