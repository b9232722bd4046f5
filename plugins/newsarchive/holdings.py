"""What the archive holds today, for the About page: counted from the published articles at
build time, so the page cannot promise coverage the archive does not have."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .search_shards import search_languages


def add_to_context(generator: Any) -> None:
    """Set `ARCHIVE_HOLDINGS`: article count, sources, languages, conflicts and date range."""
    articles = [*generator.articles, *generator.translations]
    generator.context["ARCHIVE_HOLDINGS"] = holdings(
        articles, generator.settings.get("DEFAULT_LANG", "id"))


def holdings(articles: list[Any], ui_lang: str) -> dict[str, Any]:
    """The facts the About page states, most articles first within each list."""
    sources = Counter(a.metadata.get("source") for a in articles if a.metadata.get("source"))
    conflicts = Counter(str(a.category) for a in articles if getattr(a, "category", None))
    dates = sorted(a.date for a in articles)
    return {
        "articles": len(articles),
        "sources": _ranked(sources),
        "languages": search_languages(articles, ui_lang) if articles else [],
        "conflicts": _ranked(conflicts),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
    }


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
