//! A loaded document.

use super::{DocDate, DocId, EntityId};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The file format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    /// Plain text.
    Text,
    /// Markdown, possibly with YAML front matter.
    Markdown,
    /// An HTML page (main text extracted).
    Html,
}

/// One article or statement.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its index in the corpus.
    pub id: DocId,
    /// Path relative to the corpus folder, with `/` separators.
    pub path: String,
    /// Title from metadata or the first heading-like line.
    pub title: String,
    /// Outlet or publisher where the file says so.
    pub outlet: Option<String>,
    /// URL the file names as its source, if any.
    pub source_url: Option<String>,
    /// Format it was read from.
    pub format: DocFormat,
    /// Text encoding it was decoded from ("UTF-8", "windows-1251", ...).
    pub encoding: String,
    /// The full (decoded, extracted) text.
    pub text: String,
    /// Sentences as byte ranges into `text`, in order.
    pub sentences: Spans,
    /// Byte offset where trailing page boilerplate ("Related articles", "Read more") starts.
    pub boilerplate_start: Option<usize>,
    /// Publication date, if one could be established.
    pub date: Option<DocDate>,
    /// Why there is no date (or what limits the estimate), shown in the undated tray.
    pub date_note: Option<String>,
    /// The date the analysis found, before any correction by the analyst.
    pub detected_date: Option<DocDate>,
    /// The note the analysis gave, before any correction.
    pub detected_note: Option<String>,
    /// Entity mentions in this document, sorted by position.
    pub mentions: Vec<(EntityId, Span)>,
    /// Notices from loading (decoding fell back, file truncated...).
    pub notices: Vec<String>,
    /// Distancing labels, official terms, hedges and quotations (for the side-by-side view).
    pub framing: Vec<FramingMark>,
    /// A Markdown file's markup, sorted by start (empty for other formats): what to hide and
    /// what to style when the text is shown.
    pub markup: Vec<MarkupSpan>,
}

/// What a span of a Markdown text is, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkupKind {
    /// Syntax: `**`, a heading's `#`s, a link's brackets. Not shown.
    Syntax,
    /// A link's or image's address with its brackets (`](https://…)`). Not shown, and not read
    /// by the analysis: an address names no one ("…/russia-sanctions-2022/").
    Address,
    /// Bold.
    Strong,
    /// Italic.
    Emphasis,
    /// A heading.
    Heading,
    /// Inline code.
    Code,
}

impl MarkupKind {
    /// Whether the span is left out when the text is shown.
    pub fn is_hidden(self) -> bool {
        matches!(self, MarkupKind::Syntax | MarkupKind::Address)
    }
}

/// A span of a document's text and how it is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupSpan {
    /// Byte range in the text.
    pub span: Span,
    /// What it is.
    pub kind: MarkupKind,
}

/// A byte range into a document's text, stored as two `u32` (half of `Range<usize>`: a large
/// corpus holds millions of mentions; texts are capped far below 4 GiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span of `r`.
    pub fn new(r: Range<usize>) -> Span {
        Span {
            start: r.start as u32,
            end: r.end as u32,
        }
    }

    /// As a range of byte offsets.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Byte ranges into a text, in order, each a [`Span`]: half the memory of `Range<usize>`,
/// which matters for the millions of sentences of a large corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<Span>);

impl Spans {
    /// From ranges (in order).
    pub fn from_ranges(ranges: &[Range<usize>]) -> Spans {
        Spans(ranges.iter().map(|r| Span::new(r.clone())).collect())
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Range `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        self.0.get(i).map(|s| s.range())
    }

    /// Range `i`; panics when out of bounds, like indexing.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.0[i].range()
    }

    /// The ranges, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.0.iter().map(|s| s.range())
    }

    /// Index of the first range for which `pred` is false (the ranges are in order).
    pub fn partition_point(&self, mut pred: impl FnMut(Range<usize>) -> bool) -> usize {
        self.0.partition_point(|s| pred(s.range()))
    }

    /// Appends a range.
    pub fn push(&mut self, r: Range<usize>) {
        self.0.push(Span::new(r));
    }

    /// Removes every range.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl Document {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).and_then(|r| self.text.get(r)).unwrap_or("")
    }

    /// The text of sentence `i` for display and export: a sentence of a hard-wrapped paragraph
    /// runs over line breaks, and each break (with the spaces around it) reads as one space.
    /// A Markdown file's syntax (`**`, `#`) is left out.
    pub fn sentence_display(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let range = self.sentences.get(i).unwrap_or(0..0);
        let raw = self.sentence_text(i);
        let syntax: Vec<Range<usize>> = self
            .markup
            .iter()
            .filter(|m| m.kind.is_hidden())
            .map(|m| m.span.range())
            .filter(|r| r.start < range.end && range.start < r.end)
            .map(|r| r.start.max(range.start) - range.start..r.end.min(range.end) - range.start)
            .collect();
        let raw: std::borrow::Cow<'_, str> = if syntax.is_empty() {
            raw.into()
        } else {
            let mut kept = String::with_capacity(raw.len());
            let mut at = 0;
            for r in syntax
                .iter()
                .filter(|r| raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end))
            {
                if r.start >= at {
                    kept.push_str(&raw[at..r.start]);
                }
                at = at.max(r.end);
            }
            kept.push_str(&raw[at..]);
            kept.into()
        };
        if !raw.contains(['\n', '\r']) {
            return raw;
        }
        let mut out = String::with_capacity(raw.len());
        for (k, line) in raw.lines().enumerate() {
            if k > 0 {
                out.truncate(out.trim_end().len());
                out.push(' ');
            }
            out.push_str(if k > 0 { line.trim_start() } else { line });
        }
        out.into()
    }

    /// Index of the sentence containing byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|r| r.end <= offset);
        (i < self.sentences.len() && self.sentences.range(i).start <= offset).then_some(i)
    }

    /// Whether byte `offset` lies in trailing boilerplate.
    pub fn in_boilerplate(&self, offset: usize) -> bool {
        self.boilerplate_start.is_some_and(|b| offset >= b)
    }

    /// Its sentences outside trailing boilerplate, joined by spaces (what similarity between
    /// documents is measured on).
    pub fn content_text(&self) -> String {
        let parts: Vec<&str> = self
            .sentences
            .iter()
            .filter(|r| !self.in_boilerplate(r.start))
            .map(|r| &self.text[r])
            .collect();
        parts.join(" ")
    }

    /// The file name without folders.
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// What a framing mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FramingKind {
    /// A distancing label: "so-called", "dictator", "regime".
    Label,
    /// One side's official term: "special military operation".
    OfficialTerm,
    /// A hedge or neutrality: "balanced position", "abstained".
    Hedge,
    /// Text inside quotation marks.
    Quote,
}

impl FramingKind {
    /// Name in legends and tooltips.
    pub fn label(self) -> &'static str {
        match self {
            FramingKind::Label => "label",
            FramingKind::OfficialTerm => "official term",
            FramingKind::Hedge => "hedge",
            FramingKind::Quote => "quotation",
        }
    }
}

/// A framing mark: byte range in the document text and its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct FramingMark {
    /// Byte range.
    pub range: Range<usize>,
    /// Kind.
    pub kind: FramingKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_sentence_displays_without_its_syntax() {
        let text = "# Title\n\n**Would Brazil join\nsanctions?** No, [it](https://x.org) would not.";
        let doc = Document {
            id: DocId(0),
            path: "a.md".into(),
            title: String::new(),
            outlet: None,
            source_url: None,
            format: DocFormat::Markdown,
            encoding: "UTF-8".into(),
            text: text.to_string(),
            sentences: Spans::from_ranges(&[0..7, 9..39, 42..text.len()]),
            boilerplate_start: None,
            date: None,
            date_note: None,
            detected_date: None,
            detected_note: None,
            mentions: Vec::new(),
            notices: Vec::new(),
            framing: Vec::new(),
            markup: crate::ingest::markdown::markup_spans(text),
        };
        assert_eq!(doc.sentence_display(0), "Title");
        // A sentence that ends inside the bold and one that starts after it.
        assert_eq!(doc.sentence_display(1), "Would Brazil join sanctions?");
        assert_eq!(doc.sentence_display(2), "No, it would not.");
    }

    #[test]
    fn a_sentence_over_line_breaks_displays_on_one_line() {
        let text = "First line of it  \r\n   and the second\nand third.\nAlone.";
        let doc = Document {
            id: DocId(0),
            path: "a.txt".into(),
            title: String::new(),
            outlet: None,
            source_url: None,
            format: DocFormat::Text,
            encoding: "UTF-8".into(),
            text: text.to_string(),
            sentences: Spans::from_ranges(&[0..48, 49..55]),
            boilerplate_start: None,
            date: None,
            date_note: None,
            detected_date: None,
            detected_note: None,
            mentions: Vec::new(),
            notices: Vec::new(),
            framing: Vec::new(),
            markup: Vec::new(),
        };
        assert_eq!(
            doc.sentence_text(0),
            "First line of it  \r\n   and the second\nand third."
        );
        assert_eq!(doc.sentence_display(0), "First line of it and the second and third.");
        assert!(matches!(doc.sentence_display(1), std::borrow::Cow::Borrowed("Alone.")));
    }
}
