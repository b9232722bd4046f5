"""Build the Pagefind search index from the article pages Pelican wrote.

Only article pages are indexed (listing pages, tag pages and static pages are not), and inside
them only the element marked `data-pagefind-body`. A failed index fails the build: Pelican
turns the exception into a non-zero exit naming the cause.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

logger = logging.getLogger(__name__)

_articles: list[tuple[str, str]] = []


class SearchIndexError(RuntimeError):
    """The Pagefind index could not be built."""


def collect_articles(generator: Any) -> None:
    """Remember the published articles (not drafts) of this build, in a stable order."""
    _articles.clear()
    pages = {(article.url, article.save_as) for article in generator.articles}
    for translation in generator.translations:
        pages.add((translation.url, translation.save_as))
    _articles.extend(sorted(pages))


def build_index(pelican: Any) -> None:
    settings = pelican.settings
    if not settings.get("PAGEFIND_ENABLED", True):
        return
    output = Path(pelican.output_path).resolve()
    bundle = output / settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind")
    pages = [(url, output / save_as) for url, save_as in _articles]
    try:
        count = asyncio.run(_index(pages, bundle))
    except SearchIndexError:
        raise
    except Exception as exc:  # the service speaks many dialects of failure
        raise SearchIndexError(f"Pagefind indexing of {output} failed: {exc}") from exc
    logger.info("Pagefind indexed %d article pages into %s", count, bundle)


async def _index(pages: list[tuple[str, Path]], bundle: Path) -> int:
    config = IndexConfig(output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        for url, path in pages:
            try:
                html = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise SearchIndexError(f"{path}: cannot read article page to index: {exc}") from exc
            await index.add_html_file(content=html, url="/" + url.lstrip("/"))
        # Leaving the context writes the bundle to config["output_path"].
    return len(pages)
