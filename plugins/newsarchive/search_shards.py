"""Plan the Pagefind index: which article pages go into which bundle, and which languages exist.

A shard is a run of whole periods, newest first, so that date-sorted results can be read shard
after shard. A period is a year, or a month when its year alone has more pages than a bundle may
hold: Pagefind keeps every page of a bundle in memory until it writes (~250 KiB a page), so an
unsplit year of a 100,000-article archive (~20,000 pages, ~5 GiB) would not fit the 1 GiB budget.
The first shard is the primary bundle at `pagefind/` (the only one on a small archive); the
others live under `pagefind/shards/<oldest>-<newest period>/` and are merged by the search page,
which tells them apart by their position in SEARCH_BUNDLES (not by their years, which a split
year shares between bundles).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError


@dataclass
class Shard:
    """One Pagefind bundle: its path under the output folder, its periods and its pages.

    `periods` are "YYYY" or "YYYY-MM", newest first; `years` the years they fall in.
    """

    path: str
    years: tuple[str, ...]
    pages: list[tuple[str, str]] = field(default_factory=list)  # (url, save_as), sorted
    periods: tuple[str, ...] = ()


Pages = set[tuple[str, str]]  # (url, save_as)


def plan_shards(articles: list[Any], bundle: str, max_pages: int) -> list[Shard]:
    """Group article pages into shards of at most `max_pages`, newest periods first.

    Periods are whole years; a year with more than `max_pages` pages is split into its months
    (a single month bigger than that stays whole: it is the smallest period a shard holds).
    An archive without articles still gets its (empty) primary bundle.
    """
    shards = []
    for number, group in enumerate(_fill(_periods(articles, max_pages), max_pages) or [[]]):
        names = tuple(name for name, _ in group)
        path = bundle if number == 0 else f"{bundle}/shards/{names[-1]}-{names[0]}"
        years = tuple(dict.fromkeys(name[:4] for name in names))
        pages = sorted(page for _, members in group for page in members)
        shards.append(Shard(path=path, years=years, pages=pages, periods=names))
    return shards


def _periods(articles: list[Any], max_pages: int) -> list[tuple[str, Pages]]:
    """Years newest first, each with its pages; a year above `max_pages` as its months."""
    by_month: dict[str, Pages] = defaultdict(set)
    for article in articles:
        by_month[article.date.strftime("%Y-%m")].add((article.url, article.save_as))
    by_year: dict[str, Pages] = defaultdict(set)
    for month, pages in by_month.items():
        by_year[month[:4]].update(pages)
    periods: list[tuple[str, Pages]] = []
    for year in sorted(by_year, reverse=True):
        if len(by_year[year]) <= max_pages:
            periods.append((year, by_year[year]))
        else:
            months = sorted((m for m in by_month if m.startswith(year)), reverse=True)
            periods.extend((month, by_month[month]) for month in months)
    return periods


def _fill(periods: list[tuple[str, Pages]], max_pages: int) -> list[list[tuple[str, Pages]]]:
    """Consecutive periods packed into groups of at most `max_pages` pages, in order (a period
    bigger than that alone in its group)."""
    groups: list[list[tuple[str, Pages]]] = []
    size = 0
    for period in periods:
        if groups and size + len(period[1]) <= max_pages:
            groups[-1].append(period)
            size += len(period[1])
        else:
            groups.append([period])
            size = len(period[1])
    return groups


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
