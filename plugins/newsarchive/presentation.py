"""Per-article values the article template shows, computed once instead of in Jinja.

`reading_minutes` from the `Words` header (or the body), `original_url` only when the
Source_url is http(s) (anything else, e.g. `javascript:`, is shown as text, never linked),
and `agency_list` split from the comma-separated `Agencies` header.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

from .dates import published_iso
from .fragment_cache import cached_fragment
from .seo import site_root

WORDS_PER_MINUTE = 200
_TAGS = re.compile(r"<[^>]+>")


def is_http_url(value: object) -> bool:
    """True for absolute http(s) URLs with a host: the only metadata URLs rendered as links."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def body_as_read(article: Any) -> str:
    """The body's HTML as read, `{filename}` links not yet resolved. For use while articles are
    finalised: `article.content` resolves links then, and one to a page fails the build, since
    Pelican reads the pages after the articles."""
    return getattr(article, "_content", None) or ""


def reading_minutes(article: Any) -> int:
    """Minutes to read at 200 words a minute, at least 1."""
    words = str(article.metadata.get("words") or "").strip()
    count = int(words) if words.isdigit() else len(_TAGS.sub(" ", body_as_read(article)).split())
    return max(1, math.ceil(count / WORDS_PER_MINUTE))


def annotate(generator: Any) -> None:
    """Set `reading_minutes`, `original_url` and `agency_list` on every article. (The JSON-LD
    is made by the `news_article` filter when a page is rendered: an incremental build renders
    a few pages, and building it for all 10,000 articles took ~0.3 s of every build.)"""
    for article in [*generator.articles, *generator.translations, *generator.drafts,
                    *generator.drafts_translations, *generator.hidden_articles,
                    *generator.hidden_translations]:
        if not hasattr(article, "tags"):  # Pelican sets `tags` only when the header has Tags:
            article.tags = []
        metadata = article.metadata
        url = (metadata.get("source_url") or "").strip()
        article.original_url = url if is_http_url(url) else None
        article.reading_minutes = reading_minutes(article)
        agencies = metadata.get("agencies") or ""
        article.agency_list = [a.strip() for a in agencies.split(",") if a.strip()]


def news_article(article: Any, root: str) -> dict[str, Any]:
    """schema.org NewsArticle for the page; the original report is `isBasedOn`."""
    url = f"{root}/{article.url}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": published_iso(article),
        "inLanguage": article.lang,
        "url": url,
        "mainEntityOfPage": url,
        "keywords": [tag.name for tag in getattr(article, "tags", None) or ()],
    }
    summary = article.metadata.get("summary")
    if summary:
        data["description"] = str(summary)
    source = (article.metadata.get("source") or "").strip()
    if source:
        data["publisher"] = {"@type": "Organization", "name": source}
    authors = [str(a) for a in article.metadata.get("authors") or ()]
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    if article.original_url:
        data["isBasedOn"] = article.original_url
    return data


def install_filters(generator: Any) -> None:
    """Jinja test `http_url` for templates that show other metadata URLs, the filters
    `news_article` (the page's JSON-LD) and `published_iso` (an article's date for
    `<time datetime>`: dates.py), and the listing card cache (fragment_cache.py)."""
    root = site_root(generator.settings)
    generator.env.tests["http_url"] = is_http_url
    generator.env.filters["news_article"] = lambda article: news_article(article, root)
    generator.env.filters["published_iso"] = published_iso
    generator.env.globals["cached_fragment"] = cached_fragment
