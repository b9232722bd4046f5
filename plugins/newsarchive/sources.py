"""A page and an Atom feed per news site (the `Source` header), and the sources index.

`Source` is a Pelican URLWrapper, so its URLs come from SOURCE_URL / SOURCE_SAVE_AS like
tags and categories; its feed path from SOURCE_FEED_ATOM.

Outlet origin: every article gets `article.outlet`, the tools.outlets.Outlet its `Source` (or
the domain of its `Source_URL`) names in tools/data/outlets.yaml (fields name, country,
country_name, language, kind, domains), or None when the outlet is not in the data; the sources
index groups the sources by the outlet's country (`source_countries`).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from pelican.urlwrappers import URLWrapper

logger = logging.getLogger(__name__)

_DEFAULTS = {
    "SOURCE_URL": "source/{slug}/",
    "SOURCE_SAVE_AS": "source/{slug}/index.html",
    "SOURCES_URL": "sources/",
    "SOURCES_SAVE_AS": "sources/index.html",
}


class Source(URLWrapper):
    """The news site an article was taken from; `outlet` is its Outlet or None, `country` the
    outlet country's name in the site language."""

    outlet: Any = None
    country: str = ""


@cache
def country_label(code: str, fallback: str, lang: str) -> str:
    """A country's name in `lang` (Babel's CLDR names: "Inggris Raya" in Indonesian), else the
    name outlets.yaml gives."""
    try:
        return Locale.parse(lang).territories.get(code) or fallback
    except (UnknownLocaleError, ValueError):
        return fallback


def _outlets(settings: dict[str, Any]) -> Any:
    from tools.outlets import load_outlets

    path = settings.get("NEWSARCHIVE_OUTLETS")
    return load_outlets(Path(path) if path else None)


def _find(outlets: Any, article: Any) -> Any:
    metadata = article.metadata
    return outlets.find((metadata.get("source") or "").strip(), metadata.get("source_url") or "")


def collect(generator: Any) -> None:
    """Set `source_page` on each article; sorted `sources` [(Source, articles)] in context.
    Spellings with one slug (`civil.ge`, `Civil.ge`) share one page, as Pelican's tags do,
    under the newest article's spelling; a name with no slug (`???`) gets none (the checker
    reports it)."""
    settings = generator.settings
    for key, value in _DEFAULTS.items():
        settings.setdefault(key, value)
    outlets = _outlets(settings)
    by_slug: dict[str, tuple[Source, list[Any]]] = {}
    for article in generator.articles:
        article.outlet = _find(outlets, article)
        slug = _slug(article, settings)
        if not slug:
            article.source_page = None
            continue
        if slug not in by_slug:
            by_slug[slug] = (Source(article.metadata["source"].strip(), settings), [])
            _set_outlet(by_slug[slug][0], article.outlet, settings)
        source, members = by_slug[slug]
        article.source_page = source
        members.append(article)
    for article in [*generator.translations, *generator.drafts, *generator.hidden_articles,
                    *generator.hidden_translations]:
        article.outlet = _find(outlets, article)
        found = by_slug.get(_slug(article, settings))
        article.source_page = found[0] if found else None
    sources = sorted(by_slug.values(), key=lambda s: s[0].name.casefold())
    generator.context["sources"] = sources
    generator.context["source_countries"] = by_country(sources)
    generator.context["SOURCES_URL"] = settings["SOURCES_URL"]


def _slug(article: Any, settings: dict[str, Any]) -> str:
    name = (article.metadata.get("source") or "").strip()
    return Source(name, settings).slug if name else ""


def _set_outlet(source: Source, outlet: Any, settings: dict[str, Any]) -> None:
    source.outlet = outlet
    if outlet is not None:
        source.country = country_label(outlet.country, outlet.country_name,
                                       settings.get("DEFAULT_LANG", "id"))


def by_country(sources: list[tuple[Source, list[Any]]]) -> list[tuple[str, str, list[Any]]]:
    """[(country code, country name, [(Source, articles)])] by country name; sources whose
    outlet is not in outlets.yaml last, under an empty code and name."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for source, articles in sources:
        key = (source.outlet.country, source.country) if source.outlet else ("", "")
        groups.setdefault(key, []).append((source, articles))
    ordered = sorted(groups.items(), key=lambda item: (not item[0][0], item[0][1].casefold()))
    return [(code, name, members) for (code, name), members in ordered]


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
