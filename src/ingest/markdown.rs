//! Markdown markup in a document's text: which bytes are syntax (the `**` of bold, a heading's
//! `#`, a link's address), hidden when the text is shown, and which spans are bold, italic,
//! headings or code, styled. Found from pulldown-cmark's source offsets; the text itself is
//! kept as written, so every offset into it (sentences, mentions, stance cues) stays valid.

use crate::model::{MarkupKind, MarkupSpan, Span};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// The markup of a Markdown text (front matter already removed), sorted by start.
pub fn markup_spans(text: &str) -> Vec<MarkupSpan> {
    let mut out = Vec::new();
    let mut push = |r: Range<usize>, kind: MarkupKind| {
        if r.start < r.end {
            out.push(MarkupSpan {
                span: Span::new(r),
                kind,
            });
        }
    };
    // Open links and images: their range, how many bytes open them ("[", "![", "<"), and
    // where their text seen so far ends.
    let mut links: Vec<(Range<usize>, usize, usize)> = Vec::new();
    let parser = Parser::new(text);
    // A reference definition ("[1]: https://… \"Title\"") gives no event: it is read before
    // the events, and shown nowhere, so all of it is an address.
    let definitions: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, d)| d.span.clone())
        .collect();
    for r in definitions {
        push(r, MarkupKind::Address);
    }
    for (event, r) in parser.into_offset_iter() {
        if let Some(link) = links.last_mut()
            && !matches!(event, Event::End(TagEnd::Link | TagEnd::Image))
        {
            link.2 = link.2.max(r.end);
        }
        match event {
            Event::Start(Tag::Heading { .. }) => {
                push(r.clone(), MarkupKind::Heading);
                for s in heading_syntax(text, r) {
                    push(s, MarkupKind::Syntax);
                }
            }
            Event::Start(Tag::Strong) => delimited(&mut push, r, 2, MarkupKind::Strong),
            Event::Start(Tag::Emphasis) => delimited(&mut push, r, 1, MarkupKind::Emphasis),
            Event::Code(_) => {
                let ticks = text[r.clone()].bytes().take_while(|b| *b == b'`').count();
                delimited(&mut push, r, ticks, MarkupKind::Code);
            }
            Event::Start(Tag::Link { .. }) => links.push((r.clone(), 1, r.start)),
            Event::Start(Tag::Image { .. }) => links.push((r.clone(), 2, r.start)),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((range, open, text_end)) = links.pop()
                    && text_end > range.start + open
                {
                    push(range.start..range.start + open, MarkupKind::Syntax);
                    push(text_end..range.end, MarkupKind::Address);
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

/// `text` with the addresses of its links and images (`markup`'s [`MarkupKind::Address`]
/// spans) made unreadable, byte for byte, so that every offset stays that of `text`: each
/// letter or digit (each byte of any other character) becomes `-`, and punctuation and spaces
/// stay, so the address keeps its shape (its length on its line, no space where it had none,
/// no full stop it did not have) but names no one and gives no date. `None` when it has none.
pub fn without_addresses(text: &str, markup: &[MarkupSpan]) -> Option<String> {
    overwritten(
        text,
        markup,
        |k| k == MarkupKind::Address,
        |c| {
            if c.is_ascii_punctuation() || c.is_ascii_whitespace() {
                c
            } else {
                b'-'
            }
        },
    )
}

/// `text` with its hidden markup (syntax and addresses) blanked to spaces, byte for byte:
/// the text as it reads, at the offsets of the text as written. `None` when nothing is hidden.
pub fn without_hidden(text: &str, markup: &[MarkupSpan]) -> Option<String> {
    overwritten(text, markup, MarkupKind::is_hidden, |_| b' ')
}

/// `text` with each byte of the spans of the kinds `which` picks replaced by the ASCII byte
/// `fill` gives for it (whole characters, so still UTF-8); `None` when no span is picked.
fn overwritten(
    text: &str,
    markup: &[MarkupSpan],
    which: impl Fn(MarkupKind) -> bool,
    fill: impl Fn(u8) -> u8,
) -> Option<String> {
    let mut bytes: Option<Vec<u8>> = None;
    for m in markup.iter().filter(|m| which(m.kind)) {
        let r = m.span.range();
        if r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end) {
            let b = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
            for c in &mut b[r] {
                *c = fill(*c);
            }
        }
    }
    bytes.map(|b| String::from_utf8(b).expect("whole characters replaced by ASCII"))
}

/// A span of `kind` over `r`, whose first and last `width` bytes are delimiters.
fn delimited(push: &mut impl FnMut(Range<usize>, MarkupKind), r: Range<usize>, width: usize, kind: MarkupKind) {
    if r.len() < 2 * width {
        return;
    }
    push(r.clone(), kind);
    push(r.start..r.start + width, MarkupKind::Syntax);
    push(r.end - width..r.end, MarkupKind::Syntax);
}

/// The syntax of the heading at `r`: an ATX heading's opening `#`s with the spaces after them
/// and its closing `#`s with the spaces before them; a setext heading's underline.
fn heading_syntax(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches([' ', '\t']).len();
    let body = &s[lead..];
    if body.starts_with('#') {
        let hashes = body.len() - body.trim_start_matches('#').len();
        let after = &body[hashes..];
        let open = lead + hashes + (after.len() - after.trim_start_matches([' ', '\t']).len());
        let mut out = Vec::with_capacity(2);
        out.push(r.start..r.start + open);
        // A closing sequence: spaces, then only `#`s to the end of the line.
        let line = s.trim_end();
        let without = line.trim_end_matches('#');
        if without.len() < line.len() && without.len() > open && without.ends_with([' ', '\t']) {
            let close = without.trim_end_matches([' ', '\t']).len();
            out.push(r.start + close..r.start + line.len());
        }
        out
    } else {
        // Setext: "Title\n=====", the underline is the last line.
        let line = s.trim_end();
        match line.rfind('\n') {
            Some(nl) => std::iter::once(r.start + nl..r.start + line.len()).collect(),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with syntax removed, and the styled pieces.
    fn shown(text: &str) -> (String, Vec<(MarkupKind, String)>) {
        let spans = markup_spans(text);
        let hidden = |i: usize| spans.iter().any(|m| m.kind.is_hidden() && m.span.range().contains(&i));
        let visible: String = text
            .char_indices()
            .filter(|(i, _)| !hidden(*i))
            .map(|(_, c)| c)
            .collect();
        let styled = spans
            .iter()
            .filter(|m| !m.kind.is_hidden())
            .map(|m| {
                let t: String = text[m.span.range()]
                    .char_indices()
                    .filter(|(i, _)| !hidden(m.span.start as usize + i))
                    .map(|(_, c)| c)
                    .collect();
                (m.kind, t.trim().to_string())
            })
            .collect();
        (visible, styled)
    }

    #[test]
    fn syntax_is_hidden_and_styles_are_kept() {
        let text = "# \"We do not take sides\"\n\n*An interview, edited.*\n\n**Is that fair?**\n\nNo, it is **not** fair: see [the statement](https://example.org/a) and `code`.\n";
        let (visible, styled) = shown(text);
        assert_eq!(
            visible,
            "\"We do not take sides\"\n\nAn interview, edited.\n\nIs that fair?\n\nNo, it is not fair: see the statement and code.\n"
        );
        assert_eq!(
            styled,
            [
                (MarkupKind::Heading, "\"We do not take sides\"".to_string()),
                (MarkupKind::Emphasis, "An interview, edited.".into()),
                (MarkupKind::Strong, "Is that fair?".into()),
                (MarkupKind::Strong, "not".into()),
                (MarkupKind::Code, "code".into()),
            ]
        );
    }

    #[test]
    fn headings_of_both_kinds_lose_their_markers_only() {
        let (visible, _) = shown("## Talks ##\n\nTitle in two\n=====\n\nA # in text, and 3 * 4 = 12.\n");
        assert_eq!(visible, "Talks\n\nTitle in two\n\nA # in text, and 3 * 4 = 12.\n");
        // Nested emphasis, underscores, an image and an autolink.
        let (visible, _) = shown("***Both*** and __bold__, ![a map](m.png), <https://x.org>.\n");
        assert_eq!(visible, "Both and bold, a map, https://x.org.\n");
    }

    #[test]
    fn addresses_are_unreadable_but_keep_their_shape() {
        let text = "See [the report](https://x.org/kazakhstan-russia-2022/ä).\n";
        let read = without_addresses(text, &markup_spans(text)).expect("an address");
        assert_eq!(read, "See [the report](-----://-.---/----------------------/--).\n");
        assert_eq!(without_addresses("No **links**.", &markup_spans("No **links**.")), None);
    }

    #[test]
    fn reference_links_show_their_text_and_hide_their_definitions() {
        let text = "Astana [abstained][1] and [said so][un].\n\n[1]: https://un.org/vote \"UN vote\"\n[un]: <https://un.org/a>\n";
        let (visible, _) = shown(text);
        assert_eq!(visible.trim_end(), "Astana abstained and said so.");
        let read = without_addresses(text, &markup_spans(text)).expect("addresses");
        assert!(!read.contains("un.org") && !read.contains("UN vote"), "{read}");
        assert!(read.starts_with("Astana [abstained]"), "{read}");
    }

    #[test]
    fn plain_text_and_lists_are_left_as_written() {
        let text = "Kazakhstan said on 3 March:\n\n1. it does not recognise them;\n- nor the vote.\n";
        assert!(markup_spans(text).is_empty());
    }
}
