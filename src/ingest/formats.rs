//! Format-specific reading: plain text, Markdown with YAML front matter, HTML.

use super::decode_owned;
use super::html::extract_html;
use crate::model::{DateSource, DocFormat};
use yaml_rust2::{Yaml, YamlLoader};

/// A date as a file's metadata states it, before parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaDate {
    /// The raw value ("2022-03-18T10:37:00+02:00").
    pub value: String,
    /// Front matter or HTML metadata.
    pub source: DateSource,
    /// The field it came from ("date", "article:published_time").
    pub field: String,
}

/// A file's text and metadata, before analysis.
#[derive(Debug, Clone)]
pub struct RawDocument {
    /// Path relative to the corpus folder.
    pub path: String,
    /// Format.
    pub format: DocFormat,
    /// Encoding the bytes were decoded from.
    pub encoding: String,
    /// Text (for HTML: the extracted main text; for Markdown: the body).
    pub text: String,
    /// Title from metadata.
    pub title: Option<String>,
    /// Outlet from metadata.
    pub outlet: Option<String>,
    /// Source URL from metadata.
    pub source_url: Option<String>,
    /// Publication date from metadata.
    pub meta_date: Option<MetaDate>,
    /// Notices about how the file was read.
    pub notices: Vec<String>,
}

/// Decodes and parses one file. `rel_path` decides the format by extension.
pub fn parse_file(rel_path: &str, bytes: &[u8]) -> Result<RawDocument, String> {
    parse_file_owned(rel_path, bytes.to_vec())
}

/// [`parse_file`], taking the file's bytes: a UTF-8 text or Markdown file's text is kept in
/// the buffer it was read into, without copies.
pub fn parse_file_owned(rel_path: &str, bytes: Vec<u8>) -> Result<RawDocument, String> {
    let decoded = decode_owned(bytes)?;
    let mut notices = Vec::new();
    if decoded.guessed {
        notices.push(format!(
            "no encoding declared: decoded as {} (detected)",
            decoded.encoding
        ));
    }
    if decoded.had_errors {
        notices.push("some bytes were not valid text and were replaced with \u{FFFD}".into());
    }
    let mut text = normalise_newlines(decoded.text);
    let ext = rel_path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut doc = RawDocument {
        path: rel_path.to_string(),
        format: DocFormat::Text,
        encoding: decoded.encoding.to_string(),
        text: String::new(),
        title: None,
        outlet: None,
        source_url: None,
        meta_date: None,
        notices,
    };
    match ext.as_str() {
        "html" | "htm" | "xhtml" => {
            doc.format = DocFormat::Html;
            let x = extract_html(&text);
            doc.title = x.title;
            doc.outlet = x.outlet;
            doc.source_url = x.url;
            doc.meta_date = x.published.map(|p| MetaDate {
                value: p.value,
                source: DateSource::HtmlMeta,
                field: p.field,
            });
            doc.text = x.text;
            if doc.text.trim().is_empty() {
                return Err("HTML page with no readable text (no body or only scripts)".into());
            }
        }
        "md" | "markdown" => {
            doc.format = DocFormat::Markdown;
            let (front, body) = split_front_matter(&text);
            // The body is the end of the text.
            let body_start = text.len() - body.len();
            if let Some(front) = front {
                match read_front_matter(front) {
                    Ok(fm) => {
                        doc.title = fm.title;
                        doc.outlet = fm.outlet;
                        doc.source_url = fm.source_url;
                        doc.meta_date = fm.date;
                    }
                    Err(e) => doc
                        .notices
                        .push(format!("front matter ignored: it is not valid YAML ({e})")),
                }
            }
            text.replace_range(..body_start, "");
            doc.text = text;
        }
        _ => doc.text = text,
    }
    if doc.text.trim().is_empty() {
        return Err("the file contains no text".into());
    }
    Ok(doc)
}

fn normalise_newlines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

/// Splits `---\n...\n---\n` front matter from the body.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    outlet: Option<String>,
    source_url: Option<String>,
    date: Option<MetaDate>,
}

fn read_front_matter(src: &str) -> Result<FrontMatter, String> {
    let docs = YamlLoader::load_from_str(src).map_err(|e| e.to_string())?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return Err("it is not a list of `key: value` lines".into());
    };
    let mut fm = FrontMatter::default();
    for (k, v) in &map {
        let Some(key) = k.as_str() else { continue };
        let value = match v {
            Yaml::String(s) => s.trim().to_string(),
            Yaml::Integer(i) => i.to_string(),
            Yaml::Real(r) => r.clone(),
            _ => continue,
        };
        if value.is_empty() {
            continue;
        }
        let key_l = key.to_ascii_lowercase();
        match key_l.as_str() {
            "title" | "headline" => fm.title = Some(value),
            "outlet" | "publisher" | "site" | "site_name" | "source_name" | "source" => {
                if value.starts_with("http") && fm.source_url.is_none() {
                    fm.source_url = Some(value);
                } else {
                    fm.outlet = Some(value);
                }
            }
            "source_url" | "url" | "link" | "canonical" | "original_url" => fm.source_url = Some(value),
            // A more specific key beats plain `date`.
            "date" | "published" | "published_time" | "published_at" | "pubdate" | "date_published"
            | "publication_date"
                if fm.date.is_none() || key_l != "date" =>
            {
                fm.date = Some(MetaDate {
                    value,
                    source: DateSource::FrontMatter,
                    field: key.to_string(),
                });
            }
            _ => {}
        }
    }
    Ok(fm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_is_read_and_stripped() {
        let src = "---\ntitle: Astana backs plan\ndate: 2023-02-25\nsource_url: https://example.org/a\n---\nBody text here.\n";
        let d = parse_file("a/b.md", src.as_bytes()).unwrap();
        assert_eq!(d.format, DocFormat::Markdown);
        assert_eq!(d.title.as_deref(), Some("Astana backs plan"));
        assert_eq!(d.source_url.as_deref(), Some("https://example.org/a"));
        let date = d.meta_date.unwrap();
        assert_eq!(date.value, "2023-02-25");
        assert_eq!(date.source, DateSource::FrontMatter);
        assert_eq!(d.text, "Body text here.\n");
    }

    #[test]
    fn broken_front_matter_keeps_body_with_notice() {
        let src = "---\ntitle: [unclosed\n  : : :\n---\nStill here.\n";
        let d = parse_file("x.md", src.as_bytes()).unwrap();
        assert_eq!(d.text, "Still here.\n");
        assert!(d.meta_date.is_none());
        assert!(
            d.notices.iter().any(|n| n.contains("not valid YAML")),
            "{:?}",
            d.notices
        );
    }

    #[test]
    fn crlf_is_normalised() {
        let d = parse_file("x.txt", b"one\r\ntwo\r\n").unwrap();
        assert_eq!(d.text, "one\ntwo\n");
    }

    #[test]
    fn whitespace_only_file_is_a_problem() {
        assert!(parse_file("x.txt", b"  \n\n ").unwrap_err().contains("no text"));
    }
}
