"""Related articles by shared tags weighted by rarity (IDF), and previous/next, computed once.

Weighting: a shared tag counts the smoothed IDF log((N + 1) / df), so sharing a rare person beats
sharing the common "Armenia" + "Azerbaijan", and a tag that every article carries still counts
a little (log(1 + 1/N)) instead of nothing: in a small archive, or one about a single conflict,
two articles sharing five tags are related.

To stay linear, each article looks at a bounded set of candidates:
every article of its rarer tags while the budget lasts, then only the nearest in time of its
common tags. Ties go to the closer in time, then to the newer, so the output is stable.

The ranking is a pure function of the articles' tag sets in date order (and the two settings),
so an incremental build (issue 8) keeps the last one in `CACHE_PATH/related.json` and reuses it
when none of those changed, as after a body edit: ~1 s of a warm rebuild at 10,000 articles.
"""

from __future__ import annotations

import heapq
import logging
import math
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import cachefile
from .fingerprints import sha256_text
from .incremental_writer import current_state

DEFAULT_COUNT = 5
DEFAULT_CANDIDATES = 80
CACHE_NAME = "related.json"

logger = logging.getLogger(__name__)


def link(generator: Any) -> None:
    """Set `related_articles`, `newer_article`, `older_article` (empty unless listed)."""
    settings = generator.settings
    for other in [*generator.translations, *generator.drafts, *generator.drafts_translations,
                  *generator.hidden_articles, *generator.hidden_translations]:
        other.related_articles, other.newer_article, other.older_article = [], None, None
    articles = sorted(generator.articles, key=lambda a: (a.date, a.slug), reverse=True)
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
    count = settings.get("RELATED_ARTICLES_COUNT", DEFAULT_COUNT)
    budget = settings.get("RELATED_ARTICLES_CANDIDATES", DEFAULT_CANDIDATES)
    tag_sets = [frozenset(t.name for t in getattr(a, "tags", None) or ()) for a in articles]
    if current_state() is not None:  # an incremental build: reuse the last ranking if it holds
        ranked = cached_rank_related(tag_sets, count, budget,
                                     cachefile.cache_folder(settings) / CACHE_NAME)
    else:
        ranked = rank_related(tag_sets, count, budget)
    for article, related in zip(articles, ranked, strict=True):
        article.related_articles = [articles[j] for j in related]


def cached_rank_related(tag_sets: list[frozenset[str]], count: int, budget: int,
                        path: Path) -> list[list[int]]:
    """`rank_related`, taken from `path` when it holds the answer for these very inputs (and
    this module's code); otherwise computed and stored there."""
    key = sha256_text(repr((Path(__file__).read_bytes(), count, budget,
                            [sorted(tags) for tags in tag_sets])))
    cached = cachefile.load(path, key)
    if _valid(cached, len(tag_sets)):
        return cached
    ranked = rank_related(tag_sets, count, budget)
    try:
        cachefile.save(path, ranked, key)
    except OSError as exc:  # only an accelerator: the next build ranks again
        logger.info("Related articles: cannot write %s (%s)", path, exc)
    return ranked


def _valid(ranked: Any, total: int) -> bool:
    return isinstance(ranked, list) and len(ranked) == total and all(
        isinstance(row, list) and all(type(j) is int and 0 <= j < total for j in row)
        for row in ranked)


def rank_related(tag_sets: list[frozenset[str]], count: int, budget: int) -> list[list[int]]:
    """For each item (in date order), the indexes of its `count` best neighbours by IDF score."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, tags in enumerate(tag_sets):
        for tag in tags:
            postings[tag].append(index)
    total = len(tag_sets)
    idf = {tag: math.log((total + 1) / len(items)) for tag, items in postings.items()}
    ranked = []
    for index, tags in enumerate(tag_sets):
        candidates = _candidates(index, tags, postings, budget)
        scored = []
        for other in candidates:
            # fsum is exact, so the score does not depend on set order (the hash seed).
            score = math.fsum(idf[t] for t in tags & tag_sets[other])
            if score > 0:
                scored.append((-score, abs(other - index), other))
        ranked.append([other for _, _, other in heapq.nsmallest(count, scored)])
    return ranked


def _candidates(index: int, tags: frozenset[str], postings: dict[str, list[int]],
                budget: int) -> set[int]:
    found: set[int] = set()
    for tag in sorted(tags, key=lambda t: (len(postings[t]), t)):
        items = postings[tag]
        room = budget - len(found)
        if room <= 0:
            break
        if len(items) <= room:
            found.update(items)
        else:
            middle = bisect_left(items, index)
            half = max(room // 2, 1)
            found.update(items[max(middle - half, 0):middle + half + 1])
    found.discard(index)
    return found
