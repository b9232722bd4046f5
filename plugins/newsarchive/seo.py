"""sitemap.xml, robots.txt, the 404 page and feed ids; the absolute site root for canonicals.

The sitemap lists what a reader can land on (articles, pages, tags, categories, sources,
archives, indexes, the events timeline and the figure ledgers), sorted by URL, with no build
timestamps: the same content gives the same bytes. The 404 page is written with root-relative
links because it is served at any path.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import pass_context

logger = logging.getLogger(__name__)

_urls: dict[str, str] = {}


def site_root(settings: dict[str, Any]) -> str:
    """The absolute root URL: SITEURL when absolute, else FEED_DOMAIN (dev builds)."""
    siteurl = settings.get("SITEURL") or ""
    root = siteurl if siteurl.startswith(("http://", "https://")) else settings.get("FEED_DOMAIN")
    return (root or "http://127.0.0.1:8000").rstrip("/")


def add_to_context(generator: Any) -> None:
    """`SITE_ROOT` (absolute) and `canonical_url()` for canonical links, Open Graph, JSON-LD."""
    generator.context["SITE_ROOT"] = site_root(generator.settings)
    generator.env.globals["canonical_url"] = canonical_url


@pass_context
def canonical_url(context: Any) -> str:
    """Absolute URL of the page being rendered (directory URL for `.../index.html`)."""
    name = context.get("output_file") or ""
    if name.endswith("index.html"):
        name = name[: -len("index.html")]
    return f"{context.get('SITE_ROOT') or ''}/{name}"


def collect(generators: list[Any]) -> None:
    """Remember every URL the sitemap lists, with a lastmod date where one is meaningful."""
    _urls.clear()
    for generator in generators:
        for article in getattr(generator, "articles", []):
            _urls[article.url] = _lastmod(article)
        for page in getattr(generator, "pages", []):
            _urls[page.url] = ""
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    for key in ("tags", "categories", "sources"):
        for wrapper, _articles in context.get(key) or []:
            _urls[wrapper.url] = ""
    for archives in (context.get("period_archives") or {}).values():
        for archive in archives:
            _urls[archive["url"]] = ""
    for ledger in context.get("FIGURE_LEDGERS") or []:
        _urls[ledger.url] = ""
    for name in ("TAGS_URL", "CATEGORIES_URL", "SOURCES_URL", "ARCHIVES_URL", "EVENTS_URL"):
        if settings.get(name):
            _urls[settings[name]] = ""
    _urls[""] = ""


def _lastmod(article: Any) -> str:
    when = getattr(article, "modified", None) or article.date
    return when.date().isoformat() if hasattr(when, "date") else date.isoformat(when)


def write(pelican: Any) -> None:
    """Write sitemap.xml and robots.txt into the output folder."""
    output = Path(pelican.output_path)
    root = site_root(pelican.settings)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(_urls):
        entry = f"<url><loc>{escape(root + '/' + url)}</loc>"
        if _urls[url]:
            entry += f"<lastmod>{_urls[url]}</lastmod>"
        lines.append(entry + "</url>")
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    robots = f"User-agent: *\nAllow: /\nSitemap: {root}/sitemap.xml\n"
    (output / "robots.txt").write_text(robots, encoding="utf-8")
    logger.info("Wrote sitemap.xml with %d URLs and robots.txt", len(_urls))


def feed_id(context: Any, feed: Any) -> None:
    """`feed_generated`: a feed's atom:id is its own address. Pelican gives every feed (site,
    tag, category, source) the site's root, so a reader keying feeds on the id takes them all
    for one (RFC 4287: an id is universally unique)."""
    feed.feed["id"] = feed.feed["feed_url"]


def write_404(generator: Any, writer: Any) -> None:
    """The not-found page, with root-relative links (it is served for any missing path)."""
    save_as = generator.settings.get("NOT_FOUND_SAVE_AS", "404.html")
    if save_as:
        writer.write_file(save_as, generator.get_template("404"), generator.context,
                          relative_urls=False, template_name="404", url=save_as,
                          page_name="404")
