"""Coverage over time: articles per month for the archive index chart and the year pages.

Computed once from the dates Pelican already sorted; templates only read the result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class Month:
    year: int
    month: int
    count: int
    url: str  # "" when the month has no articles (and so no page)
    percent: int  # bar height relative to the busiest month, 0..100


@dataclass
class Year:
    year: int
    count: int
    url: str  # the year archive page
    months: list[Month] = field(default_factory=list)


def coverage(articles: list[Any], settings: dict[str, Any]) -> list[Year]:
    """One entry per year that has articles, oldest first, each with its twelve months."""
    per_month = Counter((a.date.year, a.date.month) for a in articles)
    if not per_month:
        return []
    busiest = max(per_month.values())
    month_url = settings["MONTH_ARCHIVE_URL"]
    year_url = settings["YEAR_ARCHIVE_URL"]
    years = []
    first, last = min(per_month)[0], max(per_month)[0]
    for year in range(first, last + 1):
        months = []
        for month in range(1, 13):
            count = per_month.get((year, month), 0)
            url = month_url.format(date=date(year, month, 1)) if count else ""
            months.append(Month(year, month, count, url, round(100 * count / busiest)))
        total = sum(m.count for m in months)
        if total:  # years without a single article are left out of the chart
            years.append(Year(year, total, year_url.format(date=date(year, 1, 1)), months))
    return years


def add_to_context(generator: Any) -> None:
    """Expose `coverage` (list of Year) and `coverage_by_year` to every template."""
    years = coverage(generator.articles, generator.settings)
    generator.context["coverage"] = years
    generator.context["coverage_by_year"] = {y.year: y for y in years}
