//! Saved settings (kept apart from runtime state; tolerant of old or broken data).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Key under which eframe stores [`Settings`].
pub const SETTINGS_KEY: &str = "stance-explorer-settings";

/// How many recent folders are remembered.
pub const MAX_RECENT: usize = 8;

/// Everything the app remembers between runs. Unknown or missing fields fall back
/// to defaults, so old saved data never prevents start-up.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Settings {
    /// The folder open when the app was closed (`None`: the sample).
    pub last_folder: Option<PathBuf>,
    /// Recently opened folders, newest first.
    pub recent_folders: Vec<PathBuf>,
    /// Timeline: how many actor→target series to draw.
    pub max_series: usize,
    /// Timeline: draw points of uncertain date hollow.
    pub show_uncertain_hollow: bool,
    /// Entity filter: sort by mention count (else by name).
    pub sort_entities_by_count: bool,
    /// Side-by-side: show word differences inside aligned pairs.
    pub show_word_diff: bool,
    /// Timeline: place events at the date the sentence names (else publication date).
    pub plot_event_dates: bool,
    /// Timeline: draw reference events (invasion, UN votes…) as labelled lines.
    pub show_reference_events: bool,
    /// Folder of the last export.
    pub last_export_dir: Option<PathBuf>,
    /// Light, dark, or as the system says.
    pub theme: ThemeChoice,
    /// Re-analyse when files in the open folder change.
    pub watch_folder: bool,
    /// Timeline: pool events by this period and draw a smoothed line with its band.
    pub period: crate::chart::aggregate::Period,
    /// Timeline: one line per actor on the axis between two poles (else one per actor → target).
    pub alignment_axis: bool,
    /// The pole at −1 of the alignment axis (an entity name).
    pub pole_a: String,
    /// The pole at +1 of the alignment axis.
    pub pole_b: String,
    /// Timeline: copies of one statement (syndicated, translated) count once.
    pub count_copies_once: bool,
}

/// The colour theme the user chose.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the system's light/dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_folder: None,
            recent_folders: Vec::new(),
            max_series: 8,
            show_uncertain_hollow: true,
            sort_entities_by_count: true,
            show_word_diff: true,
            plot_event_dates: false,
            show_reference_events: true,
            last_export_dir: None,
            theme: ThemeChoice::System,
            watch_folder: true,
            period: crate::chart::aggregate::Period::None,
            alignment_axis: false,
            pole_a: "Russia".into(),
            pole_b: "Ukraine".into(),
            count_copies_once: true,
        }
    }
}

impl Settings {
    /// Parses saved JSON, falling back to defaults when it is broken.
    pub fn from_saved(saved: Option<&str>) -> Settings {
        saved.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
    }

    /// Records `folder` as opened.
    pub fn remember_folder(&mut self, folder: Option<PathBuf>) {
        if let Some(f) = &folder {
            self.recent_folders.retain(|r| r != f);
            self.recent_folders.insert(0, f.clone());
            self.recent_folders.truncate(MAX_RECENT);
        }
        self.last_folder = folder;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_or_old_settings_fall_back_to_defaults() {
        assert_eq!(Settings::from_saved(Some("not json at all")), Settings::default());
        let old = Settings::from_saved(Some(r#"{"max_series": 3, "removed_field": true}"#));
        assert_eq!(old.max_series, 3);
        assert!(old.show_word_diff);
    }

    #[test]
    fn recent_folders_are_unique_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember_folder(Some(PathBuf::from(format!("/d{i}"))));
        }
        s.remember_folder(Some(PathBuf::from("/d5")));
        assert_eq!(s.recent_folders.len(), MAX_RECENT);
        assert_eq!(s.recent_folders[0], PathBuf::from("/d5"));
        assert_eq!(
            s.recent_folders
                .iter()
                .filter(|p| p.as_path() == std::path::Path::new("/d5"))
                .count(),
            1
        );
    }
}
