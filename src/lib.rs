//! Stance Explorer: how governments position themselves, from a folder of articles.
//!
//! The crate is a pure core plus two consumers:
//!
//! * [`model`]: the shared in-memory corpus (documents, entities, stance events);
//! * [`ingest`]: reading a folder (walk, decode, formats);
//! * [`analysis`]: sentences, dates, entities, stance, alignment;
//! * [`corrections`]: the analyst's saved corrections (sidecar file, atomic writes);
//! * [`selection`]: the one selection/filter model every view and export shares;
//! * [`chart`]: the timeline's series and their SVG/PNG rendering (for export);
//! * [`export`]: the `stance-explorer/1` JSON schema;
//! * [`fsutil`]: atomic writes of the app's own files;
//! * [`cli`]: the command line (`analyze`, `screenshot`);
//! * [`app`]: the egui desktop app, the only module that uses egui/eframe.

pub mod analysis;
pub mod app;
pub mod chart;
pub mod cli;
pub mod corrections;
pub mod export;
pub mod fsutil;
pub mod ingest;
pub mod model;
pub mod selection;
