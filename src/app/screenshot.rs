//! `stance-explorer screenshot`: render, save one view as PNG, exit.

use crate::cli::ShotView;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to let layout settle after the corpus is in.
const SETTLE_FRAMES: u32 = 12;

/// A screenshot to take once the corpus is loaded.
pub struct ScreenshotJob {
    view: ShotView,
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotJob {
    /// A job saving `view` to `path`.
    pub fn new(view: ShotView, path: PathBuf) -> ScreenshotJob {
        ScreenshotJob {
            view,
            path,
            frames: 0,
            requested: false,
            result: Arc::new(Mutex::new(None)),
        }
    }

    /// Advances the job by one frame.
    pub fn step(&mut self, ctx: &egui::Context, rects: &HashMap<ShotView, egui::Rect>) {
        ctx.request_repaint();
        if let Some(result) = self.result.lock().map(|r| r.clone()).unwrap_or(None) {
            match result {
                Ok(()) => eprintln!("saved {}", self.path.display()),
                Err(e) => eprintln!("stance-explorer: screenshot failed: {e}"),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            if result_failed(&self.result) {
                std::process::exit(1);
            }
            return;
        }
        self.frames += 1;
        if self.frames < SETTLE_FRAMES || self.requested {
            return;
        }
        self.requested = true;
        let rect = rects.get(&self.view).copied().unwrap_or(ctx.content_rect());
        let ppp = ctx.pixels_per_point();
        let path = self.path.clone();
        let slot = Arc::clone(&self.result);
        ctx.request_screenshot(move |img| {
            let r = save_crop(&img, rect, ppp, &path);
            if let Ok(mut s) = slot.lock() {
                *s = Some(r);
            }
        });
    }
}

fn result_failed(r: &Arc<Mutex<Option<Result<(), String>>>>) -> bool {
    r.lock().ok().and_then(|r| r.clone()).is_some_and(|r| r.is_err())
}

/// Saves the part of `img` under `rect` (points) as PNG.
pub fn save_crop(img: &egui::ColorImage, rect: egui::Rect, ppp: f32, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = img.size;
    let x0 = ((rect.min.x * ppp).floor().max(0.0) as usize).min(w);
    let y0 = ((rect.min.y * ppp).floor().max(0.0) as usize).min(h);
    let x1 = ((rect.max.x * ppp).ceil() as usize).clamp(x0, w);
    let y1 = ((rect.max.y * ppp).ceil() as usize).clamp(y0, h);
    if x1 <= x0 || y1 <= y0 {
        return Err("the view has no size".into());
    }
    let mut out = image::RgbaImage::new((x1 - x0) as u32, (y1 - y0) as u32);
    for y in y0..y1 {
        for x in x0..x1 {
            let c = img.pixels[y * w + x];
            out.put_pixel(
                (x - x0) as u32,
                (y - y0) as u32,
                image::Rgba([c.r(), c.g(), c.b(), 255]),
            );
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    out.save(path).map_err(|e| format!("{}: {e}", path.display()))
}
