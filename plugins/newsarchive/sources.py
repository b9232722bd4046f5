"""A page and an Atom feed per news site (the `Source` header), and the sources index.

`Source` is a Pelican URLWrapper, so its URLs come from SOURCE_URL / SOURCE_SAVE_AS like
tags and categories; its feed path from SOURCE_FEED_ATOM.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican.urlwrappers import URLWrapper

logger = logging.getLogger(__name__)

_DEFAULTS = {
    "SOURCE_URL": "source/{slug}/",
    "SOURCE_SAVE_AS": "source/{slug}/index.html",
    "SOURCES_URL": "sources/",
    "SOURCES_SAVE_AS": "sources/index.html",
}


class Source(URLWrapper):
    """The news site an article was taken from."""


def collect(generator: Any) -> None:
    """Set `source_page` on each article; sorted `sources` [(Source, articles)] in context."""
    settings = generator.settings
    for key, value in _DEFAULTS.items():
        settings.setdefault(key, value)
    by_name: dict[str, tuple[Source, list[Any]]] = {}
    for article in generator.articles:
        name = (article.metadata.get("source") or "").strip()
        if not name:
            article.source_page = None
            continue
        if name not in by_name:
            by_name[name] = (Source(name, settings), [])
        source, members = by_name[name]
        article.source_page = source
        members.append(article)
    for article in [*generator.translations, *generator.drafts, *generator.hidden_articles,
                    *generator.hidden_translations]:
        name = (article.metadata.get("source") or "").strip()
        article.source_page = by_name[name][0] if name in by_name else None
    generator.context["sources"] = sorted(by_name.values(), key=lambda s: s[0].name.casefold())
    generator.context["SOURCES_URL"] = settings["SOURCES_URL"]


def write(generator: Any, writer: Any) -> None:
    """Write each source's paginated page and Atom feed, and the sources index."""
    settings = generator.settings
    context = generator.context
    relative = settings["RELATIVE_URLS"]
    template = generator.get_template("source")
    feed_pattern = settings.get("SOURCE_FEED_ATOM")
    for source, articles in context["sources"]:
        writer.write_file(source.save_as, template, context, relative_urls=relative,
                          paginated={"articles": articles, "dates": articles},
                          template_name="source", url=source.url, page_name=source.page_name,
                          source=source, articles=articles, dates=articles, blog=True,
                          all_articles=generator.articles)
        if feed_pattern:
            path = feed_pattern.format(slug=source.slug)
            writer.write_feed(articles, context, path,
                              feed_title=source.name)
    writer.write_file(settings["SOURCES_SAVE_AS"], generator.get_template("sources"), context,
                      relative_urls=relative, template_name="sources",
                      url=settings["SOURCES_URL"], page_name="sources/index")
