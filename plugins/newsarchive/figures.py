"""Reported figures: each article's `Figures:` header (tools/figures.py) as a small box on the
article, and one ledger page per conflict (the article's category) listing every figure by the
day it was reported. A figure stays its claimant's: nothing is summed or merged, so "Yerevan:
772 soldiers" and "Baku: 2,783 soldiers" stand side by side as two claims."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from tools.figures import Figure, FigureError, parse_figures

logger = logging.getLogger(__name__)

_DEFAULTS = {
    "FIGURES_URL": "figures/{slug}/",
    "FIGURES_SAVE_AS": "figures/{slug}/index.html",
}


@dataclass
class Ledger:
    """The figures reported in one conflict's articles, oldest report first."""

    name: str
    slug: str
    url: str
    save_as: str
    rows: list[tuple[Figure, Any]] = field(default_factory=list)  # (figure, article)


def article_figures(article: Any) -> list[Figure]:
    """The article's figures; a malformed field is a warning naming the file (a build with
    --fatal warnings stops), and `python -m tools check` says on which line."""
    value = article.metadata.get("figures")
    if not value:
        return []
    if isinstance(value, list):  # `Figures:` given twice: Pelican keeps both lines
        value = "; ".join(value)
    try:
        return parse_figures(str(value))
    except FigureError as exc:
        logger.warning("%s: `Figures:` %s; run `python -m tools check %s` for the line and the "
                       "fix", article.source_path, exc, article.source_path)
        return []


def annotate(generator: Any) -> None:
    """Set `reported_figures` on every article and `FIGURE_LEDGERS` (one per conflict with
    figures, by name) in the context."""
    settings = generator.settings
    for key, value in _DEFAULTS.items():
        settings.setdefault(key, value)
    ledgers: dict[str, Ledger] = {}
    for article in [*generator.articles, *generator.translations]:
        article.reported_figures = article_figures(article)
        category = getattr(article, "category", None)
        if not article.reported_figures or category is None:
            continue
        ledger = ledgers.get(category.slug)
        if ledger is None:
            ledger = ledgers[category.slug] = Ledger(
                category.name, category.slug, settings["FIGURES_URL"].format(slug=category.slug),
                settings["FIGURES_SAVE_AS"].format(slug=category.slug))
        ledger.rows += [(figure, article) for figure in article.reported_figures]
    for article in [*generator.drafts, *generator.hidden_articles, *generator.hidden_translations]:
        article.reported_figures = article_figures(article)
        article.figure_ledger = None
    for ledger in ledgers.values():
        ledger.rows.sort(key=lambda row: (row[0], row[1].date, row[1].url))
    found = sorted(ledgers.values(), key=lambda ledger: ledger.name.casefold())
    generator.context["FIGURE_LEDGERS"] = found
    for article in [*generator.articles, *generator.translations]:
        category = getattr(article, "category", None)
        article.figure_ledger = ledgers.get(category.slug) if category is not None else None


def write(generator: Any, writer: Any) -> None:
    """One ledger page per conflict."""
    template = generator.get_template("figures")
    for ledger in generator.context.get("FIGURE_LEDGERS", []):
        writer.write_file(ledger.save_as, template, generator.context,
                          relative_urls=generator.settings["RELATIVE_URLS"],
                          template_name="figures", url=ledger.url, ledger=ledger,
                          page_name=ledger.save_as.removesuffix(".html"))
