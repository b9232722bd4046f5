"""Saved HTML pages: body via trafilatura, title/date/url/source from the page's metadata."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.titles import provisional_title

log = logging.getLogger(__name__)

DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "publish-date", "dc.date.issued", "dc.date", "date",
             "content_publishdate", "article_date_original", "dtk:publishdate")
TITLE_KEYS = ("og:title", "twitter:title", "headline", "title")
URL_KEYS = ("og:url", "canonical")
SOURCE_KEYS = ("og:site_name", "application-name")


def page_meta(tree: Any) -> dict[str, str]:
    """Lower-cased meta names/properties, canonical link and JSON-LD fields (first value wins)."""
    found: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = (node.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    for node in tree.iterfind(".//link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            found.setdefault("canonical", node.get("href").strip())
    for node in tree.iterfind(".//script"):
        if (node.get("type") or "").lower() == "application/ld+json":
            _json_ld(node.text or "", found)
    return found


def _json_ld(text: str, found: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
        return
    items = data if isinstance(data, list) else [data]
    graph = data.get("@graph") if isinstance(data, dict) else None
    items += graph if isinstance(graph, list) else []
    for item in items:
        if isinstance(item, dict) and "datePublished" in item:
            found.setdefault("datepublished", str(item["datePublished"]))
            if item.get("headline"):
                found.setdefault("headline", str(item["headline"]))


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[k] for k in keys if meta.get(k)), "")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "nav", "aside", "blockquote", "figure",
          "figcaption", "dd", "dt", "dl", "form", "main", "pre", "hr", "td", "th", "title"}
BLOB_WORDS = 60
SPLIT_BUDGET = 200_000
_SECOND_LEVEL = {"co", "or", "ac", "go", "net", "web", "my", "sch", "com", "org", "gov"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "head", "select", "option"}


def _title_element(tree: Any) -> str:
    node = tree.find(".//title")
    return node.text_content() if node is not None else ""


def page_dump(tree: Any) -> list[str]:
    """The page's visible text, one block per line, as select-all + copy would give it."""
    out: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in _SKIP:
            if node.tail:
                out.append(node.tail)
            return
        block = tag.lower() in _BLOCK
        if block:
            out.append("\n")
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
        if block:
            out.append("\n")
        if node.tail:
            out.append(node.tail)

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    text = "".join(out)
    return [" ".join(line.split()) for line in text.split("\n")]


def parse_page(text: str, name: object = "page") -> Any:
    """The page's element tree; a page with no element at all is refused in one line."""
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses it in a str
    try:
        return lxml_html.fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: no HTML to read in this page ({exc}); "
                         "is it a saved web page?") from exc


def resegment(lines: list[str], page_lines: list[str], min_words: int = BLOB_WORDS,
              keep_origin: bool = False) -> list[Any]:
    """Trafilatura sometimes glues a whole page region into one line (title, byline, share
    buttons, captions, teasers): split such a line back at the page's own line breaks when it
    is exactly a run of page lines with several widget-sized pieces (a paragraph hard-wrapped
    with <br> is left whole). `keep_origin`: a list of parts per input line."""
    starts: dict[str, list[str]] = {}
    if any(len(line.split()) >= min_words for line in lines):
        for line in sorted({ln for ln in page_lines if ln}, key=len, reverse=True):
            starts.setdefault(line.split()[0], []).append(line)
    out: list[Any] = []
    for line in lines:
        parts = _split_run(line, starts) if len(line.split()) >= min_words else None
        if keep_origin:
            out.append(parts or [line])
        else:
            out.extend(parts or [line])
    return out


def _split_run(line: str, starts: dict[str, list[str]],
               budget: int = SPLIT_BUDGET) -> list[str] | None:
    """`line` as a run of page lines (longest match first), or None; gives up after `budget`
    comparisons so a huge hostile page cannot make it slow."""
    parts, pos = [], 0
    while pos < len(line):
        match = re.match(r"\S+", line[pos:pos + 200])
        piece = None
        for candidate in starts.get(match.group(0) if match else "", ()):
            budget -= 1
            if budget < 0:
                return None
            end = pos + len(candidate)
            if line.startswith(candidate, pos) and (end == len(line) or line[end] == " "):
                piece = candidate
                break
        if piece is None:
            return None
        parts.append(piece)
        pos += len(piece) + 1
    return parts if sum(len(part.split()) <= 3 for part in parts) >= 2 else None


def link_blocks(tree: Any) -> set[str]:
    """Texts of block elements whose whole text is one link (related-article headlines, menu
    items), whitespace-normalised and casefolded."""
    found: set[str] = set()
    block_text: dict[Any, str] = {}  # each block's text once: no quadratic cost on huge pages
    for link in tree.iter("a"):
        text = " ".join(link.text_content().split())
        if not 3 <= len(text.split()) <= 30:
            continue
        block = link.getparent()
        while block is not None and str(block.tag).lower() not in _BLOCK:
            block = block.getparent()
        if block is None:
            continue
        if block not in block_text:
            block_text[block] = " ".join(block.text_content().split())
        if block_text[block] == text:
            found.add(text.casefold())
    return found


def page_lines_and_url(text: str) -> tuple[list[str], str]:
    """The page read as a text dump, and its own URL (for grouping pages of one site)."""
    tree = parse_page(text)
    return page_dump(tree), _first(page_meta(tree), URL_KEYS)


def site_key(url: str) -> str:
    """The registrable domain of a URL (`nasional.kompas.com` -> `kompas.com`,
    `www.antaranews.co.id` -> `antaranews.co.id`); empty without a URL."""
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# trafilatura's settings (compared on the development pages: docs/importer.md, Evaluation).
# Comments are not the article; tables are; images and links are not kept.
EXTRACT_SETTINGS: dict[str, Any] = {"include_comments": False, "include_tables": True,
                                    "include_images": False, "include_links": False,
                                    "deduplicate": False}

# trafilatura's precision mode drops the teaser lists and sidebars its default mode keeps on
# some news pages, but now and then nearly the whole article: it is used unless it keeps less
# than this share of the default mode's words.
PRECISION_SHARE = 0.5


def _words(blocks: list[Any]) -> int:
    return sum(len(block.text.split()) for block in blocks)


def extract_html(article: Article) -> None:
    """Fill article.blocks (the article as trafilatura extracts it), the page read as a dump
    (page_lines, also article.lines for the date line near the title), the page's link blocks,
    article.signals (every metadata value the page gives, with its evidence) and
    article.known (the chosen html_title, html_date, html_url, html_source)."""
    import lxml_html_clean  # noqa: F401  (trafilatura needs it explicitly with lxml 6)
    import trafilatura  # here, not at the top: a batch of text dumps never loads it (~0.3 s)

    from tools.importer.html_blocks import blocks_of, with_inline_text

    tree = parse_page(article.text, article.path)
    meta = page_meta(tree)
    article.page_lines = page_dump(tree)
    article.lines = article.page_lines
    article.link_lines = link_blocks(tree)
    title_element = _title_element(tree)
    doc = trafilatura.bare_extraction(article.text, with_metadata=True, **EXTRACT_SETTINGS)
    article.blocks = blocks_of(doc.body if doc is not None else None)
    if not article.blocks:  # no article in markup it distrusts: its recall mode may find one
        doc = trafilatura.bare_extraction(article.text, with_metadata=True, favor_recall=True,
                                          **EXTRACT_SETTINGS) or doc
        article.blocks = blocks_of(doc.body if doc is not None else None)
    found = doc.as_dict() if doc is not None else {}
    article.reference_text = found.get("text") or ""  # the body is compared with it (review.py)
    precise = trafilatura.bare_extraction(article.text, favor_precision=True, **EXTRACT_SETTINGS)
    narrow = blocks_of(precise.body if precise is not None else None)
    if _words(narrow) >= PRECISION_SHARE * _words(article.blocks):
        article.blocks = with_inline_text(narrow, article.blocks)
    record_signals(article, meta, title_element, found)
    choose_known(article, meta, title_element, found)
    log.debug("%s: html meta %s", article.path, {k: v for k, v in article.known.items()
                                                 if "html" in k})


SIGNAL_KEYS = {"title": TITLE_KEYS, "date": DATE_KEYS, "url": URL_KEYS, "source": SOURCE_KEYS,
               "author": ("author", "article:author", "dc.creator", "byl"),
               "language": ("og:locale", "content-language", "dc.language", "language")}
EXTRACTOR_FIELDS = {"title": "title", "date": "date", "url": "url", "source": "sitename",
                    "author": "author", "language": "language", "description": "description"}


def record_signals(article: Article, meta: dict[str, str], title_element: str,
                   found: dict[str, Any]) -> None:
    """article.signals: field -> [(value, evidence)], from the page's meta tags and JSON-LD
    (evidence: the key), its <title> element, and trafilatura's own metadata (evidence:
    `trafilatura`, whose date comes from htmldate)."""
    signals = article.signals
    for name, keys in SIGNAL_KEYS.items():
        for key in keys:
            if meta.get(key):
                signals.setdefault(name, []).append((meta[key], key))
    if title_element.strip():
        signals.setdefault("title", []).append((" ".join(title_element.split()), "<title>"))
    for name, key in EXTRACTOR_FIELDS.items():
        value = found.get(key)
        if value:
            signals.setdefault(name, []).append((str(value), "trafilatura"))


def choose_known(article: Article, meta: dict[str, str], title_element: str,
                 found: dict[str, Any]) -> None:
    """The page's title, date, URL and outlet as the pipeline uses them (article.known)."""
    known = article.known
    names = [_first(meta, SOURCE_KEYS), found.get("sitename") or ""]
    html_title = provisional_title([meta.get(k, "") for k in TITLE_KEYS]
                              + [title_element, found.get("title") or ""],
                              names, article.page_lines)
    if html_title:
        known.setdefault("html_title", html_title)
    date_text = _first(meta, DATE_KEYS) or found.get("date") or ""
    if date_text:
        known.setdefault("html_date", date_text)
    url = _first(meta, URL_KEYS) or found.get("url") or ""
    if url:
        known.setdefault("html_url", url)
    site = _first(meta, SOURCE_KEYS) or found.get("sitename") or ""
    if site:
        known.setdefault("html_source", site)
