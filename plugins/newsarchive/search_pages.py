"""Read an article page for the search index and check what search relies on in it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .search_service import BODY_MARK, SearchIndexError, indexed_part

SORT_KEY = 'data-pagefind-sort="date"'


def read_page(path: Path) -> tuple[str, str]:
    """What Pagefind reads of the page (`indexed_part`) and its sha256, checked for what search
    relies on: one body mark and the date sort key. Hashing only that part means a page whose
    navigation changed (a neighbour's new date) leaves its bundle as it is."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SearchIndexError(f"{path}: cannot read article page to index: {exc}") from exc
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SearchIndexError(f"{path}: article page is not UTF-8: {exc}") from exc
    if html.count(BODY_MARK) != 1:
        raise SearchIndexError(
            f"{path}: an article page needs exactly one `{BODY_MARK}` element (the theme's "
            f"article.html), found {html.count(BODY_MARK)}"
        )
    if SORT_KEY not in html:
        raise SearchIndexError(
            f"{path}: no `{SORT_KEY}` sort key; it would drop out of date-sorted search results "
            "(include partial/pagefind_meta.html inside the article's data-pagefind-body)"
        )
    indexed = indexed_part(html)
    return indexed, hashlib.sha256(indexed.encode("utf-8")).hexdigest()
