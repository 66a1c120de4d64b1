//! The views: one struct per view, each with a `ui` method.

pub mod compare_view;
pub mod documents_view;
pub mod entity_view;
pub mod reader_view;
pub mod rich_text;
pub mod timeline_markers;
pub mod timeline_view;
