//! Extraction of the main text and metadata of a saved news web page.
//!
//! [`extract_html`] parses a whole HTML document (or a fragment) with `scraper`
//! and returns an [`HtmlExtract`]: title, outlet, byline, published date (as written,
//! with the field it came from), canonical URL and the main text as plain paragraphs.
//!
//! Metadata comes from `<meta>` tags, JSON-LD (`<script type="application/ld+json">`,
//! objects, arrays and `@graph`, with `@id` references resolved) and a few HTML
//! conventions (`rel=author`, `itemprop`, `<time datetime>`). The main text comes from
//! the element chosen as main content (`<article>`, `<main>`, `[role=main]`, a
//! paragraph-density guess, then `<body>`), with navigation, asides, related-article
//! blocks, share widgets and similar boilerplate left out.
//!
//! The walk over the tree is iterative, so deeply nested documents cannot overflow
//! the stack, and no selector or index can fail at run time: the function never panics.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// What was found in an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlExtract {
    /// Page title: og:title, then JSON-LD headline, then <h1> inside the main content, then <title> (with a " | Site" / " - Site" suffix removed when the suffix equals the site name).
    pub title: Option<String>,
    /// Outlet: og:site_name, then JSON-LD publisher.name, then application-name meta.
    pub outlet: Option<String>,
    /// Author/byline: meta author, JSON-LD author.name (first), rel=author text.
    pub byline: Option<String>,
    /// The published date as written in the source (not parsed), with where it came from.
    pub published: Option<PublishedMeta>,
    /// Canonical URL: link rel=canonical, then og:url.
    pub url: Option<String>,
    /// Main text as plain text: paragraphs separated by "\n\n", headings on their own paragraph, list items as lines,
    /// whitespace collapsed inside paragraphs, HTML entities decoded. Excludes script, style, noscript, template, svg,
    /// nav, header, footer, aside, form, button, iframe, and elements whose class or id contains (case-insensitive)
    /// one of: "related", "recommend", "sidebar", "footer", "header", "nav", "menu", "share", "social", "comment",
    /// "newsletter", "subscribe", "advert", "promo", "cookie", "breadcrumb", "popular", "read-more", "readmore", "tags".
    /// Main-content choice: the first <article> if there is exactly one or the largest one by text length; else <main>; else
    /// [role=main]; else the element (div/section) with the most text in <p> children (a simple readability-like density score);
    /// else <body>; else the whole document (a fragment with no <body> still yields its text).
    pub text: String,
}

/// A published date exactly as written in the page, and the field it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedMeta {
    /// The raw value, e.g. "2022-03-18T10:37:00+02:00".
    pub value: String,
    /// Which field: "article:published_time", "json-ld datePublished", "meta date", "meta pubdate", "itemprop datePublished", "time datetime", "parsely-pub-date", "dc.date", "sailthru.date"...
    pub field: String,
}

/// Extract from an HTML document. Never panics on any input (malformed, truncated, huge attribute values, binary junk).
pub fn extract_html(html: &str) -> HtmlExtract {
    let doc = Html::parse_document(html);
    let metas = Metas::collect(&doc);
    let ld = JsonLd::collect(&doc);
    let content = choose_content(&doc);

    let outlet = metas
        .get("og:site_name")
        .or_else(|| ld.publisher_name())
        .or_else(|| metas.get("application-name"));
    let title = find_title(&doc, &metas, &ld, content.root).map(|t| strip_site_affix(&t, outlet.as_deref()));
    let byline = metas
        .get("author")
        .or_else(|| ld.author_name())
        .or_else(|| rel_author(&doc));
    let url = canonical_link(&doc).or_else(|| metas.get("og:url"));
    let published = find_published(&doc, &metas, &ld, content.root);

    HtmlExtract {
        title,
        outlet,
        byline,
        published,
        url,
        text: content.text,
    }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/// Tags whose whole subtree is never part of the main text.
const EXCLUDED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button", "iframe",
    "head", "select", "textarea", "object", "embed", "canvas", "video", "audio", "dialog",
];

/// Substrings of class/id that mark boilerplate blocks.
const EXCLUDED_MARKERS: &[&str] = &[
    "related",
    "recommend",
    "sidebar",
    "footer",
    "header",
    "nav",
    "menu",
    "share",
    "social",
    "comment",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "cookie",
    "breadcrumb",
    "popular",
    "read-more",
    "readmore",
    "tags",
];

/// ARIA roles of boilerplate landmarks.
const EXCLUDED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
];

/// Selects every element under `scope` matching `css` (an empty list for an invalid selector).
fn select_all<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(selector) => scope.select(&selector).collect(),
        Err(_) => Vec::new(),
    }
}

/// Characters that carry no visible text (zero-width spaces, BOM, soft hyphen, controls).
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (ch.is_control() && !ch.is_whitespace())
}

/// Collapses whitespace and drops invisible characters; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    let joined = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// The collapsed text content of an element.
fn element_text(el: ElementRef<'_>) -> Option<String> {
    clean(&el.text().collect::<String>())
}

/// Number of visible, non-space characters in an element's text.
fn text_len(el: ElementRef<'_>) -> usize {
    el.text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count()
}

/// Whether an attribute value, as whitespace-separated tokens, contains `token` (ASCII case-insensitive).
fn has_token(value: Option<&str>, token: &str) -> bool {
    value.is_some_and(|v| v.split_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

/// Whether an element is boilerplate by tag, role, `hidden`, class or id.
///
/// With `allow_header`, `<header>` and the "header" marker do not count: an article's own
/// header holds its headline and date, which the title and date look-ups want.
fn is_boilerplate(el: &Element, allow_header: bool) -> bool {
    let name = el.name();
    if EXCLUDED_TAGS.contains(&name) && !(allow_header && name == "header") {
        return true;
    }
    if el.attr("hidden").is_some() {
        return true;
    }
    if let Some(role) = el.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if EXCLUDED_ROLES.contains(&role.as_str()) && !(allow_header && role == "banner") {
            return true;
        }
    }
    let marks = format!("{} {}", el.attr("class").unwrap_or(""), el.attr("id").unwrap_or("")).to_lowercase();
    EXCLUDED_MARKERS
        .iter()
        .any(|m| marks.contains(m) && !(allow_header && *m == "header"))
}

/// Whether `el` and its ancestors below `stop` are free of boilerplate.
///
/// Without `stop`, the walk ends at `<body>`/`<html>`, whose classes (e.g. "nav-open")
/// say nothing about the content.
fn is_clean(el: ElementRef<'_>, stop: Option<ElementRef<'_>>, allow_header: bool) -> bool {
    if is_boilerplate(el.value(), allow_header) {
        return false;
    }
    for ancestor in el.ancestors() {
        if stop.is_some_and(|s| s.id() == ancestor.id()) {
            return true;
        }
        let Some(element) = ancestor.value().as_element() else {
            continue;
        };
        if matches!(element.name(), "body" | "html") {
            return true;
        }
        if is_boilerplate(element, allow_header) {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------
// <meta> tags
// ---------------------------------------------------------------------------

/// `<meta>` values keyed by their lower-cased `property` or `name`, in document order.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn collect(doc: &Html) -> Self {
        let mut entries = Vec::new();
        for meta in select_all(doc.root_element(), "meta") {
            let Some(content) = meta.attr("content").and_then(clean) else {
                continue;
            };
            for key_attr in ["property", "name"] {
                if let Some(key) = meta.attr(key_attr) {
                    entries.push((key.trim().to_lowercase(), content.clone()));
                }
            }
        }
        Metas(entries)
    }

    /// The first non-empty value for `key` (lower-case).
    fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// `<link rel="canonical" href>`.
fn canonical_link(doc: &Html) -> Option<String> {
    select_all(doc.root_element(), "link[rel][href]")
        .into_iter()
        .filter(|l| has_token(l.attr("rel"), "canonical"))
        .find_map(|l| l.attr("href").and_then(clean))
}

/// Text of the first `rel=author` element (usually a link to the author page).
fn rel_author(doc: &Html) -> Option<String> {
    select_all(doc.root_element(), "[rel]")
        .into_iter()
        .filter(|el| has_token(el.attr("rel"), "author"))
        .find_map(element_text)
}

// ---------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------

/// Upper bound on JSON-LD objects kept, against pathological pages.
const MAX_LD_OBJECTS: usize = 1000;

/// All JSON-LD objects of the page, flattened, article-typed ones first.
struct JsonLd(Vec<Value>);

impl JsonLd {
    fn collect(doc: &Html) -> Self {
        let mut objects = Vec::new();
        for script in select_all(doc.root_element(), "script[type]") {
            let is_ld = script
                .attr("type")
                .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("application/ld+json"));
            if !is_ld {
                continue;
            }
            if let Some(value) = parse_json_lenient(&script.text().collect::<String>()) {
                flatten_ld(value, 0, &mut objects);
            }
        }
        // Stable sort: article objects first, document order otherwise.
        objects.sort_by_key(|o| !is_article_type(o));
        JsonLd(objects)
    }

    /// The first string value of `key` over all objects.
    fn first_str(&self, key: &str) -> Option<String> {
        self.0.iter().find_map(|o| o.get(key).and_then(value_text))
    }

    /// Follows a `{"@id": ...}` reference to the full object, when the page has it.
    fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        let Some(map) = v.as_object() else { return v };
        if map.contains_key("name") {
            return v;
        }
        let Some(id) = map.get("@id").and_then(Value::as_str) else {
            return v;
        };
        self.0
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.get("name").is_some())
            .unwrap_or(v)
    }

    /// The name of the first entity (or list of entities) under `key`.
    fn entity_name(&self, key: &str) -> Option<String> {
        self.0.iter().find_map(|o| {
            let entity = o.get(key)?;
            match entity {
                Value::Array(items) => items.iter().find_map(|i| self.name_of(i)),
                other => self.name_of(other),
            }
        })
    }

    fn name_of(&self, v: &Value) -> Option<String> {
        match self.resolve(v) {
            Value::String(s) => clean(s),
            Value::Object(map) => map.get("name").and_then(value_text),
            _ => None,
        }
    }

    fn publisher_name(&self) -> Option<String> {
        self.entity_name("publisher")
    }

    fn author_name(&self) -> Option<String> {
        self.entity_name("author")
    }
}

/// Parses JSON, retrying after removing HTML comment/CDATA wrappers, trailing semicolons
/// and raw control characters (all common in hand-made JSON-LD). `None` if still invalid.
fn parse_json_lenient(raw: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(raw) {
        return Some(v);
    }
    let mut s = raw.trim();
    for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(wrapper).unwrap_or(s).trim();
    }
    for wrapper in ["-->", "//]]>", "]]>", ";"] {
        s = s.strip_suffix(wrapper).unwrap_or(s).trim();
    }
    let no_controls: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    serde_json::from_str(&no_controls).ok()
}

/// Pushes every object of a JSON-LD value (arrays and `@graph` unfolded) onto `out`.
fn flatten_ld(value: Value, depth: usize, out: &mut Vec<Value>) {
    if depth > 4 || out.len() >= MAX_LD_OBJECTS {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_ld(item, depth + 1, out);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, depth + 1, out);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD object is an article (NewsArticle, BlogPosting, ...).
fn is_article_type(obj: &Value) -> bool {
    let is_article = |t: &str| {
        let t = t.rsplit([':', '/']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
    };
    match obj.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// A string (or the first string of an array) as cleaned text.
fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(items) => items.iter().find_map(value_text),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------

/// og:title, JSON-LD headline, the content's `<h1>`, then `<title>`.
fn find_title(doc: &Html, metas: &Metas, ld: &JsonLd, root: ElementRef<'_>) -> Option<String> {
    metas
        .get("og:title")
        .or_else(|| ld.first_str("headline"))
        .or_else(|| content_h1(root))
        .or_else(|| document_title(doc))
}

/// The first non-empty `<h1>` of the main content outside boilerplate.
fn content_h1(root: ElementRef<'_>) -> Option<String> {
    let allow_header = !is_page_root(root);
    select_all(root, "h1")
        .into_iter()
        .filter(|h| is_clean(*h, Some(root), allow_header))
        .find_map(element_text)
}

/// The document `<title>` (not an SVG `<title>`).
fn document_title(doc: &Html) -> Option<String> {
    select_all(doc.root_element(), "title")
        .into_iter()
        .filter(|t| {
            !t.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "svg")
        })
        .find_map(element_text)
}

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: "];

/// Removes " | Site" (or "Site | ") when that part equals the site name.
fn strip_site_affix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::to_lowercase) else {
        return title.to_string();
    };
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.trim().to_lowercase() == site
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && head.trim().to_lowercase() == site
            && !tail.trim().is_empty()
        {
            return tail.trim().to_string();
        }
    }
    title.to_string()
}

// ---------------------------------------------------------------------------
// Published date
// ---------------------------------------------------------------------------

/// `<meta name>` keys for the published date, in priority order, with the field reported.
const DATE_METAS: &[(&str, &str)] = &[
    ("pubdate", "meta pubdate"),
    ("publishdate", "meta publishdate"),
    ("date", "meta date"),
    ("dc.date", "dc.date"),
    ("dc.date.issued", "dc.date.issued"),
    ("parsely-pub-date", "parsely-pub-date"),
    ("sailthru.date", "sailthru.date"),
    ("article.published", "article.published"),
    ("publication_date", "publication_date"),
];

fn published(value: String, field: &str) -> PublishedMeta {
    PublishedMeta {
        value,
        field: field.to_string(),
    }
}

/// The published date by the documented priority; modification dates are never used.
fn find_published(doc: &Html, metas: &Metas, ld: &JsonLd, root: ElementRef<'_>) -> Option<PublishedMeta> {
    if let Some(v) = metas.get("article:published_time") {
        return Some(published(v, "article:published_time"));
    }
    if let Some(v) = ld.first_str("datePublished") {
        return Some(published(v, "json-ld datePublished"));
    }
    if let Some(v) = itemprop_date(doc) {
        return Some(published(v, "itemprop datePublished"));
    }
    for (key, field) in DATE_METAS {
        if let Some(v) = metas.get(key) {
            return Some(published(v, field));
        }
    }
    content_time(root).map(|v| published(v, "time datetime"))
}

/// `<* itemprop="datePublished">`: its `content`, `datetime`, or (not for `<meta>`) its text.
fn itemprop_date(doc: &Html) -> Option<String> {
    select_all(doc.root_element(), "[itemprop]")
        .into_iter()
        .filter(|el| has_token(el.attr("itemprop"), "datePublished"))
        .find_map(|el| {
            let attr = el.attr("content").or_else(|| el.attr("datetime"));
            match attr {
                Some(a) => clean(a),
                None if el.value().name() != "meta" => element_text(el),
                None => None,
            }
        })
}

/// The first `<time datetime>` of the main content outside boilerplate blocks.
fn content_time(root: ElementRef<'_>) -> Option<String> {
    let allow_header = !is_page_root(root);
    select_all(root, "time[datetime]")
        .into_iter()
        .filter(|t| is_clean(*t, Some(root), allow_header))
        .find_map(|t| t.attr("datetime").and_then(clean))
}

/// Whether the content root is the page itself (`<body>`/`<html>`), not a real content block.
fn is_page_root(root: ElementRef<'_>) -> bool {
    matches!(root.value().name(), "body" | "html")
}

// ---------------------------------------------------------------------------
// Main content choice
// ---------------------------------------------------------------------------

/// The element chosen as main content and its rendered text.
struct Content<'a> {
    root: ElementRef<'a>,
    text: String,
}

impl<'a> Content<'a> {
    fn of(root: ElementRef<'a>) -> Self {
        Content {
            root,
            text: render_text(root),
        }
    }
}

/// Tries article, main, role=main, density, then body/document; the first with text wins.
fn choose_content(doc: &Html) -> Content<'_> {
    let html = doc.root_element();
    let candidates = [
        largest_article(html),
        first_clean(html, "main").map(Content::of),
        first_clean(html, "[role=main]").map(Content::of),
        densest_block(html).map(Content::of),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|c| !c.text.is_empty())
        .unwrap_or_else(|| page_content(html))
}

/// `<body>`, or the whole document when there is none.
fn page_content(html: ElementRef<'_>) -> Content<'_> {
    let body = select_all(html, "body").into_iter().next();
    Content::of(body.unwrap_or(html))
}

/// The first element matching `css` that is not in a boilerplate block.
fn first_clean<'a>(html: ElementRef<'a>, css: &str) -> Option<ElementRef<'a>> {
    select_all(html, css).into_iter().find(|el| is_clean(*el, None, false))
}

/// The only `<article>`, or the one with the longest text (the first on ties).
fn largest_article(html: ElementRef<'_>) -> Option<Content<'_>> {
    let mut best: Option<Content<'_>> = None;
    for article in select_all(html, "article") {
        if !is_clean(article, None, false) {
            continue;
        }
        let candidate = Content::of(article);
        let longer = best
            .as_ref()
            .is_none_or(|b| candidate.text.chars().count() > b.text.chars().count());
        if longer {
            best = Some(candidate);
        }
    }
    best
}

/// The `<div>`/`<section>` whose direct `<p>` children hold the most non-link text.
fn densest_block(html: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for block in select_all(html, "div, section") {
        let score = paragraph_score(block);
        if score > 0 && best.is_none_or(|(s, _)| score > s) && is_clean(block, None, false) {
            best = Some((score, block));
        }
    }
    best.map(|(_, block)| block)
}

/// Text length of direct `<p>` children, minus the text inside their links.
fn paragraph_score(block: ElementRef<'_>) -> usize {
    block
        .child_elements()
        .filter(|c| c.value().name() == "p")
        .map(|p| {
            let links: usize = p
                .descendent_elements()
                .filter(|e| e.value().name() == "a")
                .map(text_len)
                .sum();
            text_len(p).saturating_sub(links)
        })
        .sum()
}

// ---------------------------------------------------------------------------
// Text rendering
// ---------------------------------------------------------------------------

/// How an element affects the layout of the plain text.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Starts and ends a paragraph (a line inside lists).
    Block,
    /// `<ul>`, `<ol>`, `<dl>`: a paragraph whose items are lines.
    List,
    /// `<li>`, `<dt>`, `<dd>`, `<tr>`, `<br>`: a line break.
    Line,
    /// `<td>`, `<th>`: separated by a space.
    Cell,
    /// `<pre>`: a block whose newlines are kept.
    Pre,
    /// Everything else: flows inline.
    Inline,
}

fn layout(tag: &str) -> Layout {
    match tag {
        "ul" | "ol" | "dl" | "menu" => Layout::List,
        "li" | "dt" | "dd" | "tr" | "br" => Layout::Line,
        "td" | "th" => Layout::Cell,
        "pre" | "listing" | "plaintext" | "xmp" => Layout::Pre,
        "p" | "div" | "section" | "article" | "main" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        | "figure" | "figcaption" | "address" | "hr" | "table" | "caption" | "center" | "details" | "summary"
        | "body" | "html" | "hgroup" | "fieldset" | "legend" | "picture" => Layout::Block,
        _ => Layout::Inline,
    }
}

/// Accumulates text into paragraphs with collapsed whitespace.
#[derive(Default)]
struct TextWriter {
    paragraphs: Vec<String>,
    current: String,
    pending_space: bool,
    list_depth: usize,
    pre_depth: usize,
}

impl TextWriter {
    fn push_text(&mut self, text: &str) {
        for ch in text.chars() {
            if ch == '\n' && self.pre_depth > 0 {
                self.line_break();
            } else if ch.is_whitespace() {
                self.pending_space = true;
            } else if !is_invisible(ch) {
                if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(ch);
            }
        }
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn paragraph_break(&mut self) {
        let paragraph = self.current.trim_end();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph.to_string());
        }
        self.current.clear();
        self.pending_space = false;
    }

    /// A block boundary: a new paragraph, or a new line inside a list.
    fn block_break(&mut self) {
        if self.list_depth > 0 {
            self.line_break();
        } else {
            self.paragraph_break();
        }
    }

    fn open(&mut self, tag: &str) {
        match layout(tag) {
            Layout::Block => self.block_break(),
            Layout::List => {
                self.block_break();
                self.list_depth += 1;
            }
            Layout::Line => self.line_break(),
            Layout::Cell => self.pending_space = true,
            Layout::Pre => {
                self.block_break();
                self.pre_depth += 1;
            }
            Layout::Inline => {}
        }
    }

    fn close(&mut self, tag: &str) {
        match layout(tag) {
            Layout::Block => self.block_break(),
            Layout::List => {
                self.list_depth = self.list_depth.saturating_sub(1);
                self.block_break();
            }
            Layout::Line if tag != "br" => self.line_break(),
            Layout::Cell => self.pending_space = true,
            Layout::Pre => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.block_break();
            }
            Layout::Line | Layout::Inline => {}
        }
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.paragraphs.join("\n\n")
    }
}

/// Enters a node; returns whether its children should be visited.
fn enter(w: &mut TextWriter, node: &Node, is_root: bool) -> bool {
    match node {
        Node::Text(text) => {
            w.push_text(text);
            false
        }
        Node::Element(el) if is_root || !is_boilerplate(el, false) => {
            w.open(el.name());
            true
        }
        _ => false,
    }
}

fn leave(w: &mut TextWriter, node: &Node) {
    if let Node::Element(el) = node {
        w.close(el.name());
    }
}

/// Renders the plain text of `root`, skipping boilerplate subtrees (the root itself is kept).
///
/// An iterative pre/post-order walk, so nesting depth does not grow the call stack.
fn render_text(root: ElementRef<'_>) -> String {
    let mut w = TextWriter::default();
    let mut node = *root;
    'walk: loop {
        if enter(&mut w, node.value(), node.id() == root.id()) {
            if let Some(child) = node.first_child() {
                node = child;
                continue 'walk;
            }
            leave(&mut w, node.value());
        }
        loop {
            if node.id() == root.id() {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                continue 'walk;
            }
            let Some(parent) = node.parent() else {
                break 'walk;
            };
            node = parent;
            leave(&mut w, node.value());
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pm(value: &str, field: &str) -> Option<PublishedMeta> {
        Some(published(value.to_string(), field))
    }

    const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ministers agree on grain corridor | Daily Courier</title>
  <meta property="og:title" content="Ministers agree on grain corridor">
  <meta property="og:site_name" content="Daily Courier">
  <meta property="og:url" content="https://courier.example/world/grain-corridor?utm=x">
  <meta name="author" content="Anna Petrova">
  <link rel="canonical" href="https://courier.example/world/grain-corridor">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@type":"NewsArticle",
   "headline":"Ministers agree on grain corridor (JSON-LD)",
   "datePublished":"2022-03-18T10:37:00+02:00",
   "dateModified":"2022-03-19T08:00:00+02:00",
   "author":{"@type":"Person","name":"Anna Petrova"},
   "publisher":{"@type":"Organization","name":"Daily Courier Ltd"}}
  </script>
  <style>body { color: red }</style>
</head>
<body class="single nav-open">
  <header class="site-header"><a href="/">Daily Courier</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="breadcrumb"><a href="/">Home</a> &gt; World</div>
  <main>
    <article class="post">
      <header><h1>Ministers agree on grain corridor</h1>
        <time datetime="2022-03-18">18 March 2022</time></header>
      <p>Foreign ministers on Friday agreed on a corridor for grain shipments.</p>
      <p>The deal, brokered in Istanbul, covers three ports.</p>
      <div class="share-buttons"><button>Share</button><a href="#">Tweet this</a></div>
      <h2>Reactions</h2>
      <p>Officials in Kyiv welcomed the <a href="/x">agreement</a>.</p>
      <script>trackPageView();</script>
    </article>
    <aside class="related">
      <h3>Related articles</h3>
      <ul><li><a href="/a">Wheat prices soar</a></li><li><a href="/b">Ports reopen</a></li></ul>
    </aside>
  </main>
  <footer><p>© 2022 Daily Courier. All rights reserved.</p></footer>
</body>
</html>"##;

    #[test]
    fn news_article_with_og_jsonld_and_boilerplate() {
        let x = extract_html(NEWS_PAGE);
        assert_eq!(x.title.as_deref(), Some("Ministers agree on grain corridor"));
        assert_eq!(x.outlet.as_deref(), Some("Daily Courier"));
        assert_eq!(x.byline.as_deref(), Some("Anna Petrova"));
        assert_eq!(x.url.as_deref(), Some("https://courier.example/world/grain-corridor"));
        assert_eq!(x.published, pm("2022-03-18T10:37:00+02:00", "json-ld datePublished"));
        assert_eq!(
            x.text,
            "Foreign ministers on Friday agreed on a corridor for grain shipments.\n\n\
             The deal, brokered in Istanbul, covers three ports.\n\n\
             Reactions\n\n\
             Officials in Kyiv welcomed the agreement."
        );
        for absent in [
            "Related",
            "Wheat",
            "Ports reopen",
            "Tweet",
            "Share",
            "World",
            "©",
            "track",
            "color",
        ] {
            assert!(!x.text.contains(absent), "{absent:?} leaked into {:?}", x.text);
        }
    }

    #[test]
    fn jsonld_in_graph_with_id_references() {
        let html = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"https://e.example/#website","name":"Example Times"},
          {"@type":"Organization","@id":"https://e.example/#org","name":"Example Times Group"},
          {"@type":"WebPage","@id":"https://e.example/p","name":"Page name"},
          {"@type":["Article","NewsArticle"],"headline":"Graph headline",
           "datePublished":"2023-01-05T09:00:00Z",
           "author":[{"@id":"https://e.example/#person1"}],
           "publisher":{"@id":"https://e.example/#org"}},
          {"@type":"Person","@id":"https://e.example/#person1","name":"Jan Kowalski"}
        ]}</script></head><body><p>Body text.</p></body></html>"#;
        let x = extract_html(html);
        assert_eq!(x.title.as_deref(), Some("Graph headline"));
        assert_eq!(x.outlet.as_deref(), Some("Example Times Group"));
        assert_eq!(x.byline.as_deref(), Some("Jan Kowalski"));
        assert_eq!(x.published, pm("2023-01-05T09:00:00Z", "json-ld datePublished"));
        assert_eq!(x.text, "Body text.");
    }

    #[test]
    fn jsonld_array_prefers_article_object() {
        let html = r#"<script type="application/ld+json">[
          {"@type":"WebPage","headline":"Not this","datePublished":"2001-01-01"},
          {"@type":"ReportageNewsArticle","headline":"Array headline","datePublished":"2021-07-01",
           "publisher":{"@type":"NewsMediaOrganization","name":"Kyiv Post"},
           "author":[{"@type":"Person","name":"First Author"},{"@type":"Person","name":"Second"}]}
        ]</script><p>x</p>"#;
        let x = extract_html(html);
        assert_eq!(x.title.as_deref(), Some("Array headline"));
        assert_eq!(x.published, pm("2021-07-01", "json-ld datePublished"));
        assert_eq!(x.outlet.as_deref(), Some("Kyiv Post"));
        assert_eq!(x.byline.as_deref(), Some("First Author"));
    }

    #[test]
    fn malformed_jsonld_is_skipped_and_meta_used() {
        let html = r#"<head>
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-</script>
          <meta name="parsely-pub-date" content="2020-02-02T12:00:00Z">
        </head><body><article><p>Text.</p></article></body>"#;
        let x = extract_html(html);
        assert_eq!(x.published, pm("2020-02-02T12:00:00Z", "parsely-pub-date"));
        assert_eq!(x.text, "Text.");
    }

    #[test]
    fn lenient_jsonld_with_raw_newlines_and_comment_wrapper() {
        let html = "<script type=\"application/ld+json\"><!--\n{\"@type\":\"NewsArticle\",\
                    \"headline\":\"Line one\nline two\",\"datePublished\":\"2019-09-09\"};\n--></script>";
        let x = extract_html(html);
        assert_eq!(x.title.as_deref(), Some("Line one line two"));
        assert_eq!(x.published, pm("2019-09-09", "json-ld datePublished"));
    }

    #[test]
    fn time_in_article_is_used() {
        let html = r#"<body><article><header><h1>Title</h1>
            <time datetime="2024-05-01T08:00:00Z">1 May</time></header>
            <p>Story.</p></article></body>"#;
        let x = extract_html(html);
        assert_eq!(x.published, pm("2024-05-01T08:00:00Z", "time datetime"));
        assert_eq!(x.title.as_deref(), Some("Title"));
    }

    #[test]
    fn time_in_sidebar_is_ignored() {
        let html = r#"<body><main>
            <div class="sidebar-widget"><time datetime="2010-10-10">old</time></div>
            <div class="related-stories"><time datetime="2011-11-11">older</time></div>
            <p>Story without a date.</p>
            <p>Second paragraph <time datetime="2024-06-02">2 June</time>.</p>
            </main></body>"#;
        let x = extract_html(html);
        assert_eq!(x.published, pm("2024-06-02", "time datetime"));
        let none = r#"<main><aside><time datetime="2010-10-10">x</time></aside><p>Story.</p></main>"#;
        assert_eq!(extract_html(none).published, None);
    }

    #[test]
    fn fragment_without_body_yields_text() {
        let x = extract_html("<h2>Heading</h2><p>First &amp; only.</p>Trailing text");
        assert_eq!(x.text, "Heading\n\nFirst & only.\n\nTrailing text");
        assert_eq!(x.title, None);
    }

    #[test]
    fn plain_text_input_yields_text() {
        assert_eq!(extract_html("just   some\ntext").text, "just some text");
    }

    #[test]
    fn empty_string_gives_default() {
        assert_eq!(extract_html(""), HtmlExtract::default());
    }

    #[test]
    fn only_script_gives_no_text() {
        let x = extract_html("<script>var a = '<p>not text</p>'; document.write(a);</script>");
        assert_eq!(x.text, "");
        assert_eq!(x, HtmlExtract::default());
    }

    #[test]
    fn title_suffix_is_stripped_when_it_is_the_site_name() {
        let html = r#"<head><title>Kazakhstan backs plan | The Astana Times</title>
            <meta property="og:site_name" content="The Astana Times"></head><body><p>x</p></body>"#;
        let x = extract_html(html);
        assert_eq!(x.title.as_deref(), Some("Kazakhstan backs plan"));
        assert_eq!(x.outlet.as_deref(), Some("The Astana Times"));

        let dash = r#"<title>Talks resume - Reuters</title><meta property="og:site_name" content="Reuters">"#;
        assert_eq!(extract_html(dash).title.as_deref(), Some("Talks resume"));

        let other = r#"<title>Talks resume | World</title><meta property="og:site_name" content="Reuters">"#;
        assert_eq!(extract_html(other).title.as_deref(), Some("Talks resume | World"));

        let no_site = "<title>Talks resume | Reuters</title>";
        assert_eq!(extract_html(no_site).title.as_deref(), Some("Talks resume | Reuters"));
    }

    #[test]
    fn entities_are_decoded() {
        let html = "<article><p>Tom &amp; Jerry said &#8220;no&#8221;&nbsp;again &lt;3 &eacute;</p></article>";
        let x = extract_html(html);
        assert_eq!(x.text, "Tom & Jerry said \u{201C}no\u{201D} again <3 é");
        let meta = r#"<meta property="og:title" content="A &amp; B &#8211; C">"#;
        assert_eq!(extract_html(meta).title.as_deref(), Some("A & B – C"));
    }

    #[test]
    fn cyrillic_text() {
        let html = r#"<html><head><meta property="og:title" content="Украина и Казахстан подписали соглашение">
            <meta property="og:site_name" content="Известия"></head>
            <body><article><p>Министры иностранных дел встретились в Астане.</p>
            <p>Стороны обсудили  транзит   зерна.</p></article></body></html>"#;
        let x = extract_html(html);
        assert_eq!(x.title.as_deref(), Some("Украина и Казахстан подписали соглашение"));
        assert_eq!(x.outlet.as_deref(), Some("Известия"));
        assert_eq!(
            x.text,
            "Министры иностранных дел встретились в Астане.\n\nСтороны обсудили транзит зерна."
        );
    }

    #[test]
    fn br_inside_paragraph_is_a_line_break() {
        let x = extract_html("<article><p>First line<br>second line<br/> third</p></article>");
        assert_eq!(x.text, "First line\nsecond line\nthird");
    }

    #[test]
    fn list_items_are_lines() {
        let html = "<article><p>Key points:</p><ul><li>One</li><li>Two <b>bold</b></li>\
                    <li><p>Three</p></li></ul><p>After.</p></article>";
        let x = extract_html(html);
        assert_eq!(x.text, "Key points:\n\nOne\nTwo bold\nThree\n\nAfter.");
    }

    #[test]
    fn headings_are_their_own_paragraphs() {
        let html = "<article>Intro text<h2>Part <em>one</em></h2>Body<h3>Part two</h3><p>End</p></article>";
        assert_eq!(
            extract_html(html).text,
            "Intro text\n\nPart one\n\nBody\n\nPart two\n\nEnd"
        );
    }

    #[test]
    fn div_soup_density_picks_content_over_menu() {
        let html = r#"<html><body>
          <div id="top"><div class="links">
            <p><a href="/1">Politics</a></p><p><a href="/2">Economy</a></p>
            <p><a href="/3">Culture and the arts section</a></p><p><a href="/4">Opinion</a></p>
          </div></div>
          <div id="wrap">
            <div class="story">
              <p>The parliament approved the budget on Tuesday after a long debate.</p>
              <p>Opposition deputies walked out before the vote.</p>
            </div>
            <div class="menu-widget"><p>Menu paragraph that is long enough to count as text here.</p></div>
          </div>
          <div>Copyright</div>
        </body></html>"#;
        let x = extract_html(html);
        assert_eq!(
            x.text,
            "The parliament approved the budget on Tuesday after a long debate.\n\n\
             Opposition deputies walked out before the vote."
        );
    }

    #[test]
    fn date_modified_alone_is_not_published() {
        let html = r#"<head><meta property="article:modified_time" content="2022-05-05">
          <script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2022-05-06"}</script>
          </head><body><article><p>Text</p></article></body>"#;
        assert_eq!(extract_html(html).published, None);

        let with_meta = format!(r#"{html}<meta name="date" content="2022-05-01">"#);
        assert_eq!(extract_html(&with_meta).published, pm("2022-05-01", "meta date"));
    }

    #[test]
    fn nested_article_inside_main() {
        let html = r#"<body><main class="site-main">
            <div class="intro-banner">Breaking news ticker</div>
            <article><h1>Outer story</h1><p>Outer paragraph.</p>
              <article class="embedded"><p>Inner quote.</p></article>
            </article>
            <section class="comments"><p>Great article!</p></section>
          </main></body>"#;
        let x = extract_html(html);
        assert_eq!(x.text, "Outer story\n\nOuter paragraph.\n\nInner quote.");
        assert_eq!(x.title.as_deref(), Some("Outer story"));
    }

    #[test]
    fn largest_of_several_articles_wins() {
        let html = r#"<body>
            <article><p>Short teaser.</p></article>
            <article><p>The real story has many more words in it than the teaser does.</p></article>
            <aside><article><p>Sidebar article with a lot of words, more than anything else on this page by far.</p></article></aside>
          </body>"#;
        assert_eq!(
            extract_html(html).text,
            "The real story has many more words in it than the teaser does."
        );
    }

    #[test]
    fn main_and_role_main_fallbacks() {
        let main = "<body><div>Header junk</div><main><p>Main text.</p></main></body>";
        assert_eq!(extract_html(main).text, "Main text.");
        let role = r#"<body><div>Junk</div><div role="main"><p>Role text.</p></div></body>"#;
        assert_eq!(extract_html(role).text, "Role text.");
        let empty_article = "<body><article><img src=x></article><main><p>Main.</p></main></body>";
        assert_eq!(extract_html(empty_article).text, "Main.");
    }

    #[test]
    fn published_priority_order() {
        let all = r#"<head>
          <meta name="date" content="D">
          <meta itemprop="datePublished" content="I">
          <script type="application/ld+json">{"@type":"Article","datePublished":"J"}</script>
          <meta property="article:published_time" content="A">
        </head><body><article><time datetime="T">t</time><p>x</p></article></body>"#;
        assert_eq!(extract_html(all).published, pm("A", "article:published_time"));
        let no_a = all.replace("article:published_time", "x");
        assert_eq!(extract_html(&no_a).published, pm("J", "json-ld datePublished"));
        let no_j = no_a.replace("datePublished\":", "x\":");
        assert_eq!(extract_html(&no_j).published, pm("I", "itemprop datePublished"));
        let no_i = no_j.replace("itemprop=", "x=");
        assert_eq!(extract_html(&no_i).published, pm("D", "meta date"));
        let no_d = no_i.replace("name=\"date\"", "name=\"x\"");
        assert_eq!(extract_html(&no_d).published, pm("T", "time datetime"));
    }

    #[test]
    fn itemprop_on_time_element_and_meta_names() {
        let html = r#"<body><article><span>By <a rel="author" href="/a">Lena  Berg</a></span>
            <time itemprop="datePublished" datetime="2018-04-04T04:04">April 4</time>
            <p>Text</p></article></body>"#;
        let x = extract_html(html);
        assert_eq!(x.published, pm("2018-04-04T04:04", "itemprop datePublished"));
        assert_eq!(x.byline.as_deref(), Some("Lena Berg"));

        let dc = r#"<meta name="DC.date.issued" content="2017-01-01"><meta name="sailthru.date" content="2016">"#;
        assert_eq!(extract_html(dc).published, pm("2017-01-01", "dc.date.issued"));
        let st = r#"<meta name="sailthru.date" content="2016-06-06 10:00:00">"#;
        assert_eq!(extract_html(st).published, pm("2016-06-06 10:00:00", "sailthru.date"));
        let pd = r#"<meta name="pubdate" content="20150505">"#;
        assert_eq!(extract_html(pd).published, pm("20150505", "meta pubdate"));
    }

    #[test]
    fn url_falls_back_to_og_url_and_outlet_to_application_name() {
        let html = r#"<meta property="og:url" content="https://x.example/a">
            <meta name="application-name" content="X News"><title>Story - X News</title>"#;
        let x = extract_html(html);
        assert_eq!(x.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(x.outlet.as_deref(), Some("X News"));
        assert_eq!(x.title.as_deref(), Some("Story"));
    }

    #[test]
    fn h1_title_comes_from_content_not_site_header() {
        let html = r#"<html><head><title>Fallback title</title></head><body>
            <header><h1>Site Logo</h1></header>
            <div class="content"><h1>Real headline</h1><p>Enough paragraph text here.</p></div>
            </body></html>"#;
        assert_eq!(extract_html(html).title.as_deref(), Some("Real headline"));
        let svg = r#"<body><svg><title>icon</title></svg><p>x</p></body>"#;
        assert_eq!(extract_html(svg).title, None);
    }

    #[test]
    fn class_and_id_markers_exclude_blocks() {
        let html = r#"<article>
            <p>Keep one.</p>
            <div id="newsletter-signup"><p>Sign up now</p></div>
            <div class="Social-Links"><p>Follow us</p></div>
            <div class="cookie-banner">We use cookies</div>
            <div class="advert-slot">Buy things</div>
            <ul class="article-tags"><li>politics</li></ul>
            <div class="read-more"><a href="/n">Next</a></div>
            <p hidden>Hidden text</p>
            <p>Keep two.</p>
            <noscript>Enable JS</noscript><template><p>tpl</p></template>
            <form><label>Email</label><input></form>
            <iframe src="x">frame</iframe>
        </article>"#;
        assert_eq!(extract_html(html).text, "Keep one.\n\nKeep two.");
    }

    #[test]
    fn tables_and_pre() {
        let html = "<article><table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>\
                    <pre>line 1\n  line 2</pre></article>";
        assert_eq!(extract_html(html).text, "a b\nc d\n\nline 1\nline 2");
    }

    #[test]
    fn deep_nesting_and_huge_attributes_do_not_panic() {
        let deep = format!("{}<p>deep</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        assert_eq!(extract_html(&deep).text, "deep");
        let huge = format!(
            r#"<meta property="og:title" content="{}"><div class="{}"><p>t</p></div>"#,
            "x".repeat(200_000),
            "y".repeat(200_000)
        );
        let x = extract_html(&huge);
        assert_eq!(x.title.map(|t| t.len()), Some(200_000));
        assert_eq!(x.text, "t");
    }

    /// A small deterministic xorshift generator for the fuzz-style tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const FRAGMENTS: &[&str] = &[
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<main>",
        "<div class=\"related\">",
        "<script type=\"application/ld+json\">",
        "</script>",
        "{\"@graph\":[",
        "{\"@type\":\"NewsArticle\"",
        "\"datePublished\":",
        "\"author\":{\"@id\":\"a\"}",
        "]}",
        "&amp;",
        "&#",
        "&#x1F600;",
        "&",
        "<time datetime=\"",
        "\">",
        "<meta property=\"og:title\" content=\"",
        "<title>",
        "<br>",
        "<ul><li>",
        "<table><td>",
        "<svg>",
        "<!--",
        "-->",
        "<![CDATA[",
        "\u{0}",
        "Ж",
        "日本",
        " | ",
        "\n",
        "<body>",
        "<head>",
        "<html>",
        "<pre>",
        "<select><option>",
    ];

    #[test]
    fn random_input_never_panics() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for i in 0..3000 {
            let len = rng.below(400);
            let s = if i % 2 == 0 {
                let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                (0..len / 8).map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())]).collect()
            };
            let _ = extract_html(&s);
        }
    }

    #[test]
    fn truncated_prefixes_never_panic() {
        let mut cuts = 0;
        for (i, _) in NEWS_PAGE.char_indices() {
            let x = extract_html(&NEWS_PAGE[..i]);
            assert!(!x.text.contains("Related articles"));
            cuts += 1;
        }
        assert!(cuts > 1000);
        assert_eq!(extract_html(NEWS_PAGE), extract_html(NEWS_PAGE));
    }
}
