//! Walking a folder: which files to read, and reading them safely.

use super::{Cancelled, LoadControl};
use crate::model::LoadProblem;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are read only up to this many bytes (with a notice).
pub const MAX_FILE_BYTES: u64 = 32_000_000;

/// Extensions read as documents.
/// File extensions read as articles.
pub const SUPPORTED: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// A file to read.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Absolute path.
    pub abs_path: PathBuf,
    /// Path relative to the root, `/`-separated (lossy for non-UTF-8 names).
    pub rel_path: String,
}

/// The outcome of walking a folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Supported files, sorted by relative path.
    pub files: Vec<FileEntry>,
    /// Entries that could not be walked or are not supported.
    pub problems: Vec<LoadProblem>,
}

/// Lists supported files under `root`, recursively, following symbolic links but
/// never looping. Hidden files and folders (`.git`, the app's own `.stance-explorer`)
/// are skipped.
pub fn list_files(root: &Path, control: &LoadControl) -> Result<Listing, Cancelled> {
    let mut listing = Listing::default();
    let rel = |p: &Path| -> String {
        let r = p.strip_prefix(root).unwrap_or(p);
        r.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    };
    if !root.is_dir() {
        listing.problems.push(LoadProblem {
            path: root.display().to_string(),
            reason: "not a folder (or it cannot be opened)".into(),
        });
        return Ok(listing);
    }
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .max_depth(512)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        control.check()?;
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(rel).unwrap_or_default();
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop: this folder links back to one of its parents, skipped".to_string()
                } else if let Some(io) = err.io_error() {
                    io_reason(io)
                } else {
                    err.to_string()
                };
                listing.problems.push(LoadProblem { path, reason });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if SUPPORTED.contains(&ext.as_str()) {
            listing.files.push(FileEntry {
                abs_path: path.to_path_buf(),
                rel_path: rel(path),
            });
        } else {
            let what = if ext.is_empty() {
                "no file extension".to_string()
            } else {
                format!(".{ext} files")
            };
            listing.problems.push(LoadProblem {
                path: rel(path),
                reason: format!("skipped: {what} are not read (supported: .txt, .md, .html)"),
            });
        }
    }
    Ok(listing)
}

/// Reads at most [`MAX_FILE_BYTES`] of a file, read-only. Returns the bytes and
/// whether the file was longer.
pub fn read_capped(path: &Path) -> Result<(Vec<u8>, bool), String> {
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    // Sized from the file's length (a `take` reader gives no hint): the buffer becomes the
    // document's text, without growth slack or copies while it grows.
    let size_hint = file.metadata().map_or(0, |m| m.len().min(MAX_FILE_BYTES + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    let truncated = bytes.len() as u64 > MAX_FILE_BYTES;
    if truncated {
        bytes.truncate(MAX_FILE_BYTES as usize);
        // Do not cut a UTF-8 sequence in half.
        while bytes.last().is_some_and(|b| b & 0xC0 == 0x80) {
            bytes.pop();
        }
        if bytes.last().is_some_and(|b| *b >= 0xC0) {
            bytes.pop();
        }
    }
    Ok((bytes, truncated))
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        ErrorKind::NotFound => "disappeared while loading (deleted or moved)".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// Whether a change at `path` can change what a load of the folder reads: an article
/// file (by extension) or a folder, but not the app's own `.stance-explorer` files.
pub fn affects_corpus(path: &Path) -> bool {
    if path.components().any(|c| c.as_os_str() == crate::analysis::SIDECAR_DIR) {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => SUPPORTED.iter().any(|s| s.eq_ignore_ascii_case(ext)),
        None => !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buffer a file is read into becomes its document's text: it is sized from the file,
    /// with no growth slack (grown by doubling, a 100 KB file took a 128 KB buffer).
    #[test]
    fn read_capped_sizes_the_buffer_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text = "Kazakhstan abstained. ".repeat(4_700);
        std::fs::write(&path, &text).unwrap();
        let (bytes, truncated) = read_capped(&path).unwrap();
        assert!(!truncated);
        assert_eq!(bytes, text.as_bytes());
        assert!(
            bytes.capacity() - bytes.len() < 64,
            "capacity {} for {} bytes",
            bytes.capacity(),
            bytes.len()
        );
        let doc = crate::ingest::parse_file_owned("a.md", format!("---\ntitle: T\n---\n{text}").into_bytes()).unwrap();
        assert_eq!(doc.text, text);
        assert_eq!(doc.title.as_deref(), Some("T"));
    }
}
