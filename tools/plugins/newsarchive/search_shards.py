"""Plan the Pagefind index: which article pages go into which bundle, and which languages exist.

A shard is a run of whole years, newest first, so that date-sorted results can be read shard after
shard. The first shard is the primary bundle at `pagefind/` (the only one on a small archive);
the others live under `pagefind/shards/<years>/` and are merged by the search page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError


@dataclass
class Shard:
    """One Pagefind bundle: its path under the output folder, its years and its pages."""

    path: str
    years: tuple[str, ...]
    pages: list[tuple[str, str]] = field(default_factory=list)  # (url, save_as), sorted


def plan_shards(articles: list[Any], bundle: str, max_pages: int) -> list[Shard]:
    """Group article pages by year into shards of at most `max_pages` (a year is never split)."""
    by_year: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for article in articles:
        by_year[article.date.strftime("%Y")].add((article.url, article.save_as))
    total = sum(len(pages) for pages in by_year.values())
    if total <= max_pages:
        years = tuple(sorted(by_year, reverse=True))
        pages = sorted(page for year in years for page in by_year[year])
        return [Shard(path=bundle, years=years, pages=pages)]
    groups: list[list[str]] = []
    size = 0
    for year in sorted(by_year, reverse=True):
        if groups and size + len(by_year[year]) <= max_pages:
            groups[-1].append(year)
            size += len(by_year[year])
        else:
            groups.append([year])
            size = len(by_year[year])
    shards = []
    for number, years in enumerate(groups):
        path = bundle if number == 0 else f"{bundle}/shards/{years[-1]}-{years[0]}"
        pages = sorted(page for year in years for page in by_year[year])
        shards.append(Shard(path=path, years=tuple(years), pages=pages))
    return shards


def search_languages(articles: list[Any], ui_lang: str) -> list[dict[str, Any]]:
    """[{code, name, count}] of the article languages, most articles first, names in `ui_lang`."""
    counts = Counter(getattr(article, "lang", None) or ui_lang for article in articles)
    try:
        names = Locale.parse(ui_lang).languages
    except (ValueError, UnknownLocaleError):
        names = {}
    return [
        {"code": code, "name": names.get(code, code), "count": count}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
