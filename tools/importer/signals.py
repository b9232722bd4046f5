"""Metadata signals a saved page carries, each with where it came from: JSON-LD (NewsArticle
and kin), OpenGraph and other `<meta>` tags, `<html lang>`, `<time datetime>`, `<title>`,
`<h1>`, the date in the URL, and htmldate's reading of the page (asked only when the page
states no date itself). tools/importer/decide.py weighs them; --explain shows them all."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html


@dataclass(frozen=True)
class Evidence:
    """One value for one field (`title`, `date`, `lang`, `source`, `author`, `url`) and the
    signal that gave it (`JSON-LD headline`, `og:title`, `URL /2019/11/19/`...)."""

    field: str
    value: str
    origin: str


META_FIELDS = {  # <meta> name/property/itemprop (lower-cased) -> field
    "og:title": "title", "twitter:title": "title", "headline": "title",
    "article:published_time": "date", "og:published_time": "date", "datepublished": "date",
    "pubdate": "date", "publishdate": "date", "publish-date": "date", "dc.date.issued": "date",
    "dc.date": "date", "dcterms.created": "date", "date": "date", "sailthru.date": "date",
    "parsely-pub-date": "date", "content_publishdate": "date", "article_date_original": "date",
    "dtk:publishdate": "date", "og:site_name": "source", "application-name": "source",
    "og:locale": "lang", "content-language": "lang", "language": "lang", "dc.language": "lang",
    "author": "author", "article:author": "author", "dc.creator": "author",
    "og:url": "url",
}
ARTICLE_TYPES = re.compile(r"(?i)article|posting|report|newsarticle")
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-])")


def html_signals(text: str, tree: Any = None) -> list[Evidence]:
    """Every metadata signal of a saved page, in the page's order within each kind."""
    if tree is None:
        try:
            tree = lxml_html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1))
        except (ValueError, Exception):  # lxml's ParserError for a page with no element
            return []
    found: list[Evidence] = []
    for item in _json_ld_items(tree):
        found.extend(_json_ld_evidence(item))
    found.extend(_meta_evidence(tree))
    found.extend(_element_evidence(tree))
    for url in [e.value for e in found if e.field == "url"][:1]:
        found.extend(url_signals(url))
    return found


def _json_ld_items(tree: Any) -> Iterator[dict[str, Any]]:
    """JSON-LD objects of article types first (NewsArticle, BlogPosting, Report...), then
    the rest (WebPage, Organization)."""
    items: list[dict[str, Any]] = []
    for node in tree.iterfind(".//script"):
        if (node.get("type") or "").lower().strip() != "application/ld+json":
            continue
        try:
            data = json.loads(node.text or "")
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                items.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    ranked = sorted(items, key=lambda item: not ARTICLE_TYPES.search(str(item.get("@type"))))
    yield from ranked


def _names(value: Any) -> list[str]:
    """Names in a JSON-LD person/organisation value (string, object or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [str(name)] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [name for part in value for name in _names(part)]
    return []


def _json_ld_evidence(item: dict[str, Any]) -> list[Evidence]:
    kind = str(item.get("@type") or "JSON-LD")
    kind = kind.strip("[]'\"") if not isinstance(item.get("@type"), list) \
        else ",".join(map(str, item["@type"]))
    found = []
    is_article = bool(ARTICLE_TYPES.search(kind))
    pairs = [("headline", "title"), ("datePublished", "date"), ("dateCreated", "date"),
             ("inLanguage", "lang"), ("url", "url")]
    if is_article:
        pairs.append(("name", "title"))
    for key, field in pairs:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            found.append(Evidence(field, " ".join(value.split()), f"JSON-LD {kind} {key}"))
    if is_article:
        for name in _names(item.get("publisher")):
            found.append(Evidence("source", name.strip(), f"JSON-LD {kind} publisher"))
        for name in _names(item.get("author")):
            found.append(Evidence("author", name.strip(), f"JSON-LD {kind} author"))
    return found


def _meta_evidence(tree: Any) -> list[Evidence]:
    found = []
    root = tree.getroottree().getroot()
    if root.get("lang"):
        found.append(Evidence("lang", root.get("lang").strip(), "<html lang>"))
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop")
               or node.get("http-equiv") or "").lower().strip()
        value = " ".join((node.get("content") or "").split())
        field = META_FIELDS.get(key)
        if field and value and not (field == "author" and value.startswith("http")):
            found.append(Evidence(field, value, f"<meta {key}>"))
    for node in tree.iterfind(".//link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            found.append(Evidence("url", node.get("href").strip(), "<link rel=canonical>"))
    return found


def _element_evidence(tree: Any) -> list[Evidence]:
    found = []
    times = list(tree.iterfind(".//time"))
    times.sort(key=lambda n: not (n.get("pubdate") is not None
                                  or (n.get("itemprop") or "").lower() == "datepublished"))
    for node in times[:3]:
        value = (node.get("datetime") or "").strip()
        if value:
            found.append(Evidence("date", value, "<time datetime>"))
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        found.append(Evidence("title", " ".join(title.text_content().split()), "<title>"))
    for node in list(tree.iter("h1"))[:3]:
        text = " ".join(node.text_content().split())
        if text:
            found.append(Evidence("title", text, "<h1>"))
    return found


def url_signals(url: str) -> list[Evidence]:
    """The date a URL holds in its path (`/2019/11/19/`, `/2019-11-19-`, `/20191119/`)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    match = URL_DATE.search(path) or URL_DATE_COMPACT.search(path)
    if not match:
        return []
    year, month, day = (int(g) for g in match.groups())
    return [Evidence("date", f"{year:04d}-{month:02d}-{day:02d}", f"URL {match.group(0)}")]


def htmldate_signal(text: str) -> list[Evidence]:
    """htmldate's publication date of the page: its quick search (metadata, date markup,
    URL), else its extensive search of the whole text (a guess: origin says so)."""
    from htmldate import find_date

    for extensive, origin in ((False, "htmldate"), (True, "htmldate (extensive search)")):
        try:
            value = find_date(text, original_date=True, extensive_search=extensive,
                              outputformat="%Y-%m-%d")
        except Exception:  # noqa: BLE001  (a third-party parser on hostile input: no date)
            value = None
        if value:
            return [Evidence("date", value, origin)]
    return []
