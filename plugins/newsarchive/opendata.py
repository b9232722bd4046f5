"""Open data: the archive's metadata as files a researcher loads in pandas or a spreadsheet.

`data/articles.csv` and `data/articles.json` hold one record per published article, and
`data/figures.csv` one row per reported figure (plugins/newsarchive/figures.py). The columns are
fixed (COLUMNS, FIGURE_COLUMNS; described on the About page): a value the archive does not know
is empty, never guessed. The same articles always give the same bytes: rows sorted by date and
address, no build time in the files, `\\n` line ends.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path
from typing import Any

from .dates import published_iso
from .seo import site_root

logger = logging.getLogger(__name__)

DATA_DIR = "data"
TAG_KINDS = {"place": "places", "person": "people", "organisation": "organisations",
             "topic": "topics"}
COLUMNS = ("date", "title", "url", "outlet", "country", "outlet_kind", "language", "category",
           "places", "people", "organisations", "topics", "agencies", "cluster", "source_url",
           "figures")
FIGURE_COLUMNS = ("as_of", "reported_by", "what", "whom", "count", "at_least", "conflict",
                  "article_url", "outlet", "language")
LIST_SEPARATOR = "; "  # between the values of one CSV cell (JSON has lists)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a value other parts of the plugin may add is found: the article's attributes, then its
# header fields, first non-empty wins.
def _outlet(article: Any, field: str) -> str:
    """A field of the outlet the `sources` feature matched (tools/data/outlets.yaml), or ''."""
    outlet = getattr(article, "outlet", None)
    return str(getattr(outlet, field, "") or "") if outlet else ""


def _cluster(article: Any) -> str:
    """The slug of the story's earliest copy (the syndication feature's `story`), or ''."""
    story = getattr(article, "story", None)
    return story.articles[0].slug if story and story.articles else ""


def record(article: Any, root: str) -> dict[str, Any]:
    """One article's metadata: lists as lists (CSV cells join them)."""
    tags: dict[str, list[str]] = {column: [] for column in TAG_KINDS.values()}
    for kind, members in getattr(article, "tags_by_kind", None) or []:
        tags[TAG_KINDS.get(kind, "topics")] += [str(tag) for tag, _has_page in members]
    category = getattr(article, "category", None)
    return {
        "date": published_iso(article), "title": article.title,
        "url": f"{root}/{article.url}", "outlet": article.metadata.get("source") or "",
        "country": _outlet(article, "country"), "outlet_kind": _outlet(article, "kind"),
        "language": article.lang or "", "category": str(category) if category else "",
        **tags, "agencies": list(getattr(article, "agency_list", None) or []),
        "cluster": _cluster(article),
        "source_url": article.metadata.get("source_url") or "",
        "figures": list(getattr(article, "reported_figures", [])),
    }


def json_figure(figure: Any) -> dict[str, Any]:
    """A figure in articles.json: the columns of figures.csv that are the figure's own."""
    return {"as_of": figure.as_of, "reported_by": figure.claimant, "what": figure.category,
            "whom": figure.whom, "count": figure.count, "at_least": figure.at_least}


def figure_rows(article: Any, root: str) -> list[dict[str, Any]]:
    category = getattr(article, "category", None)
    return [{"as_of": f.as_of, "reported_by": f.claimant, "what": f.category, "whom": f.whom,
             "count": f.count, "at_least": "yes" if f.at_least else "",
             "conflict": str(category) if category else "", "article_url": f"{root}/{article.url}",
             "outlet": article.metadata.get("source") or "", "language": article.lang or ""}
            for f in getattr(article, "reported_figures", [])]


def _cell(value: Any) -> str:
    return value.entry() if hasattr(value, "entry") else str(value)


def to_json(records: list[dict[str, Any]]) -> str:
    """A JSON array, one article per line (figures as objects)."""
    lines = [json.dumps({**r, "figures": [json_figure(f) for f in r["figures"]]},
                        ensure_ascii=False, sort_keys=False) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """RFC 4180 CSV (quoted where needed), a header row, lists joined by `; `; a cell that
    would start a spreadsheet formula (`=`, `+`, `-`, `@`) starts with `'`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_safe(row[key]) for key in columns] for row in rows)
    return buffer.getvalue()


def _safe(value: Any) -> Any:
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(map(_cell, value))
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def write(generator: Any, writer: Any = None) -> None:
    """Write data/articles.csv, data/articles.json and data/figures.csv (published articles in
    every language, oldest first)."""
    root = site_root(generator.settings)
    articles = sorted([*generator.articles, *generator.translations],
                      key=lambda a: (a.date.timestamp(), a.url))
    records = [record(article, root) for article in articles]
    figures = [row for article in articles for row in figure_rows(article, root)]
    folder = Path(generator.output_path) / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    files = {"articles.csv": to_csv(records, COLUMNS),
             "articles.json": to_json(records),
             "figures.csv": to_csv(figures, FIGURE_COLUMNS)}
    for name, text in files.items():
        path = folder / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:  # unchanged files keep their mtime
            path.write_bytes(data)
    logger.info("Wrote %s/: %d articles, %d reported figures", DATA_DIR, len(records),
                len(figures))
