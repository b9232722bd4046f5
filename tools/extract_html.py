"""Saved HTML pages: body via trafilatura, title/date/url/source from the page's metadata."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import lxml_html_clean  # noqa: F401  (trafilatura needs it explicitly with lxml 6)
import trafilatura
from lxml import html as lxml_html

from tools.article import Article

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
    except ValueError:
        return
    items = data if isinstance(data, list) else [data, *data.get("@graph", [])]
    for item in items:
        if isinstance(item, dict) and "datePublished" in item:
            found.setdefault("datepublished", str(item["datePublished"]))
            if item.get("headline"):
                found.setdefault("headline", str(item["headline"]))


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[k] for k in keys if meta.get(k)), "")


def clean_title(title: str, site_names: list[str]) -> str:
    """Drop a trailing/leading ' - Site' or ' | Site' part naming the site."""
    title = " ".join(title.split())
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1:
        names = [n.lower() for n in site_names if n]
        keep = [p for p in parts if not any(n in p.lower() for n in names) or len(p) > 40]
        if keep and len(keep) < len(parts):
            title = " - ".join(keep)
    return title


def extract_html(article: Article) -> None:
    """Fill article.lines (body paragraphs) and article.known (page metadata)."""
    tree = lxml_html.fromstring(article.text)
    meta = page_meta(tree)
    doc = trafilatura.bare_extraction(article.text, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      deduplicate=False, as_dict=True)
    doc = doc or {}
    text = doc.get("text") or ""
    article.lines = [line.strip() for line in text.split("\n")]
    known = article.known
    html_title = _first(meta, TITLE_KEYS) or doc.get("title") or ""
    if html_title:
        names = [_first(meta, SOURCE_KEYS), doc.get("sitename") or ""]
        known.setdefault("html_title", clean_title(html_title, names))
    date_text = _first(meta, DATE_KEYS)
    if date_text:
        known.setdefault("html_date", date_text)
    elif doc.get("date"):
        known.setdefault("html_date", doc["date"])
    url = _first(meta, URL_KEYS) or doc.get("url") or ""
    if url:
        known.setdefault("html_url", url)
    site = _first(meta, SOURCE_KEYS) or doc.get("sitename") or ""
    if site:
        known.setdefault("html_source", site)
    log.debug("%s: html meta %s", article.path, {k: v for k, v in known.items() if "html" in k})
