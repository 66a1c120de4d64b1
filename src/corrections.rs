//! The analyst's corrections (dates now; merges and stances later), saved in a
//! sidecar file and applied on every load, in the app and in `analyze`.
//!
//! Where: `<corpus>/.stance-explorer/corrections.json`; when the corpus folder is
//! read-only (or for the embedded sample), the app's data directory. Writes are
//! atomic (temporary file, fsync, rename). A sidecar that cannot be read, or one
//! written by a newer version, is never overwritten: it is moved aside first.

use crate::model::{Corpus, DateSource, DocDate, parse_value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The note of a document the analyst marked undated.
pub const UNDATED_BY_USER: &str = "marked undated by the analyst (saved correction)";

/// Version written into the sidecar.
pub const CORRECTIONS_VERSION: u32 = 1;

/// A date the analyst set or cleared for a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateCorrection {
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `None`: the document is undated.
    pub value: Option<String>,
}

/// Everything the analyst corrected in one corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    /// Format version.
    pub version: u32,
    /// Date corrections by document path.
    pub dates: BTreeMap<String, DateCorrection>,
}

/// Why a date value was refused.
pub fn validate_date(value: &str) -> Result<(), String> {
    match parse_value(value) {
        Some((d, _)) if d.year() >= 1800 => Ok(()),
        Some(_) => Err("the year must be 1800 or later".into()),
        None => Err("write the date as YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)".into()),
    }
}

impl Corrections {
    /// Sets (or with `None`, clears) the date of `path`. Refuses invalid values.
    pub fn set_date(&mut self, path: &str, value: Option<&str>) -> Result<(), String> {
        if let Some(v) = value {
            validate_date(v)?;
        }
        self.dates.insert(
            path.to_string(),
            DateCorrection {
                value: value.map(|v| v.trim().to_string()),
            },
        );
        Ok(())
    }

    /// Forgets the correction of `path` (the detected date applies again).
    pub fn revert_date(&mut self, path: &str) {
        self.dates.remove(path);
    }

    /// The corrected date of `path`: `None` when there is no correction,
    /// `Some(None)` when the analyst marked it undated.
    pub fn date_for(&self, path: &str) -> Option<Option<DocDate>> {
        let c = self.dates.get(path)?;
        Some(
            c.value
                .as_deref()
                .and_then(parse_value)
                .map(|(date, precision)| DocDate {
                    date,
                    precision,
                    confidence: 1.0,
                    source: DateSource::User,
                    evidence: c.value.clone().unwrap_or_default(),
                    evidence_range: None,
                    reasoning: "set by the analyst (saved correction)".into(),
                }),
        )
    }

    /// Applies the date corrections to `corpus` in place (without re-analysing):
    /// corrected documents get the analyst's date, the others their detected one.
    pub fn apply_dates(&self, corpus: &mut Corpus) {
        for doc in &mut corpus.documents {
            match self.date_for(&doc.path) {
                Some(date) => {
                    doc.date_note = if date.is_none() {
                        Some(UNDATED_BY_USER.into())
                    } else {
                        None
                    };
                    doc.date = date;
                }
                None => {
                    doc.date = doc.detected_date.clone();
                    doc.date_note = doc.detected_note.clone();
                }
            }
        }
    }
}

/// Where a corpus's corrections live, and the outcome of reading them.
#[derive(Debug, Clone)]
pub struct CorrectionStore {
    /// The sidecar file.
    pub path: PathBuf,
}

/// The result of reading a sidecar.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The corrections (empty when there were none or they could not be read).
    pub corrections: Corrections,
    /// A warning for the user (a broken or newer sidecar moved aside).
    pub warning: Option<String>,
}

fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "stance-explorer")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir)
}

fn folder_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".stance-explorer-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

impl CorrectionStore {
    /// The store for a corpus folder (`None`: the embedded sample).
    pub fn for_corpus(root: Option<&Path>) -> CorrectionStore {
        let path = match root {
            Some(r) => {
                let sidecar = r.join(crate::analysis::SIDECAR_DIR).join("corrections.json");
                if sidecar.exists() || folder_writable(r) {
                    sidecar
                } else {
                    let key = r.display().to_string().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                    });
                    data_dir().join("corrections").join(format!("{key:016x}.json"))
                }
            }
            None => data_dir().join("corrections").join("sample.json"),
        };
        CorrectionStore { path }
    }

    /// A store at an explicit path (tests).
    pub fn at(path: PathBuf) -> CorrectionStore {
        CorrectionStore { path }
    }

    /// Reads the sidecar. A missing file is empty; a broken or newer one is moved aside
    /// (never overwritten) and reported.
    pub fn load(&self) -> Loaded {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    warning: Some(format!("corrections not read ({}): {e}", self.path.display())),
                    ..Default::default()
                };
            }
        };
        match serde_json::from_str::<Corrections>(&text) {
            Ok(c) if c.version <= CORRECTIONS_VERSION => Loaded {
                corrections: c,
                warning: None,
            },
            Ok(c) => Loaded {
                warning: Some(self.move_aside(&format!("it was written by a newer version (format {})", c.version))),
                ..Default::default()
            },
            Err(e) => Loaded {
                warning: Some(self.move_aside(&format!("it is not valid ({e})"))),
                ..Default::default()
            },
        }
    }

    fn move_aside(&self, why: &str) -> String {
        let stamp = jiff::Timestamp::now().as_second();
        let aside = self.path.with_extension(format!("json.kept-{stamp}"));
        match std::fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "corrections file {} was set aside as {} because {why}",
                self.path.display(),
                aside.display()
            ),
            Err(e) => format!(
                "corrections file {} is ignored because {why} (could not move it aside: {e})",
                self.path.display()
            ),
        }
    }

    /// Saves atomically: temporary file in the same folder, fsync, rename.
    pub fn save(&self, c: &Corrections) -> std::io::Result<()> {
        self.save_with(c, |f, bytes| f.write_all(bytes))
    }

    /// [`CorrectionStore::save`] with the write step given (tests inject failures).
    pub fn save_with(
        &self,
        c: &Corrections,
        write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut c = c.clone();
        c.version = CORRECTIONS_VERSION;
        let json = serde_json::to_vec_pretty(&c).map_err(std::io::Error::other)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        write(tmp.as_file_mut(), &json)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_dates_are_refused() {
        let mut c = Corrections::default();
        assert!(c.set_date("a.txt", Some("2022-02-30")).is_err());
        assert!(c.set_date("a.txt", Some("March 2022")).is_err());
        assert!(c.set_date("a.txt", Some("2022-03")).is_ok());
        assert!(c.set_date("b.txt", None).is_ok());
        assert_eq!(c.dates.len(), 2);
    }

    #[test]
    fn save_load_round_trip_and_broken_files_are_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = CorrectionStore::at(dir.path().join("corrections.json"));
        assert_eq!(store.load().corrections, Corrections::default());
        let mut c = Corrections::default();
        c.set_date("003.txt", Some("2014-03-27")).unwrap();
        store.save(&c).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.corrections.dates, c.dates);
        assert!(loaded.warning.is_none());

        std::fs::write(&store.path, b"{ not json").unwrap();
        let loaded = store.load();
        assert!(loaded.corrections.dates.is_empty());
        assert!(loaded.warning.unwrap().contains("set aside"));
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("kept-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read(kept[0].path()).unwrap(), b"{ not json");

        std::fs::write(&store.path, br#"{"version": 99, "dates": {}}"#).unwrap();
        assert!(store.load().warning.unwrap().contains("newer version"));
    }

    #[test]
    fn a_write_that_dies_halfway_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let store = CorrectionStore::at(dir.path().join("corrections.json"));
        let mut c = Corrections::default();
        c.set_date("a.txt", Some("2020")).unwrap();
        store.save(&c).unwrap();
        let before = std::fs::read(&store.path).unwrap();
        let mut newer = c.clone();
        newer.set_date("b.txt", Some("2021-05-01")).unwrap();
        // The writer dies after half the bytes.
        let err = store.save_with(&newer, |f, bytes| {
            f.write_all(&bytes[..bytes.len() / 2])?;
            Err(std::io::Error::other("killed mid-save"))
        });
        assert!(err.is_err());
        assert_eq!(
            std::fs::read(&store.path).unwrap(),
            before,
            "the previous file is intact"
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        assert_eq!(store.load().corrections.dates, c.dates);
    }
}
