"""Copies of one story across outlets, grouped at build time from the articles' text.

Each published article's text is sketched (tools/syndication.py, shared with the importer) and
articles whose texts are near-duplicates form a story. An editor decides in the header:
`Cluster: <slug>` puts the article with the article of that slug (and with every article giving
the same value), `Cluster: none` says it is no copy; an article with a `Cluster:` header is
grouped only as it says. Each article gets `story` (None when it has no copy) and
`syndication`: "syndicated" for a later copy of a story another article carries earlier or an
article crediting a news agency (`Agencies:`), else "original" (the search filter).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from tools.syndication import copies, groups, sketch

from .dates import published_iso
from .fingerprints import sha256_text
from .presentation import body_as_read

NOT_A_COPY = {"none", "-"}
logger = logging.getLogger(__name__)


@dataclass
class Story:
    """One story and its copies, earliest first."""

    articles: list[Any]
    outlets: int  # distinct sources among the copies
    agencies: list[str]  # what the earliest copy credits (else the first copy that credits one)
    by_editor: set[str]  # slugs of the copies an editor's `Cluster:` header put here

    @property
    def earliest(self) -> Any:
        return self.articles[0]


def link(generator: Any) -> None:
    """`article_generator_finalized`: set `story`, `syndication` and `syndication_key`."""
    started = time.perf_counter()
    articles = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    explicit = {i: str(a.metadata.get("cluster") or "").strip() for i, a in enumerate(articles)}
    explicit = {i: value for i, value in explicit.items() if value}
    automatic = [i for i in range(len(articles)) if i not in explicit]
    sketches = [sketch(body_as_read(articles[i])) for i in automatic]
    pairs = [(automatic[i], automatic[j]) for i, j in copies(sketches)]
    manual = _editor_pairs(articles, explicit)
    for other in [*generator.translations, *generator.drafts, *generator.drafts_translations,
                  *generator.hidden_articles, *generator.hidden_translations, *articles]:
        other.story, other.syndication_key = None, None
        other.syndication = "syndicated" if _agencies(other) else "original"
    for members in groups(len(articles), pairs + manual):
        story = _story([articles[i] for i in members],
                       {articles[i].slug for i in members if i in explicit})
        key = sha256_text(repr([(a.url, a.title, a.date.isoformat(), published_iso(a),
                                 _source(a), _agencies(a)) for a in story.articles]))
        for index, article in enumerate(story.articles):
            article.story, article.syndication_key = story, key
            if index:
                article.syndication = "syndicated"
    logger.info("Syndication: %d articles sketched, %d copies found in %.2f s",
                len(sketches), len(pairs), time.perf_counter() - started)


def _editor_pairs(articles: list[Any], explicit: dict[int, str]) -> list[tuple[int, int]]:
    """The links `Cluster:` headers make: to the article of that slug, and to the first
    article giving the same value."""
    by_slug = {a.slug: i for i, a in enumerate(articles)}
    first: dict[str, int] = {}
    pairs = []
    for index, value in explicit.items():
        if value.casefold() in NOT_A_COPY:
            continue
        owner = by_slug.get(value)
        if owner is not None and owner != index:
            pairs.append((owner, index))
        if first.setdefault(value, index) != index:
            pairs.append((first[value], index))
    return pairs


def _story(members: list[Any], by_editor: set[str]) -> Story:
    credited = next((a for a in members if _agencies(a)), None)
    agencies = _agencies(members[0]) or (_agencies(credited) if credited else [])
    return Story(members, len({_source(a) or a.slug for a in members}), agencies, by_editor)


def _source(article: Any) -> str:
    return str(article.metadata.get("source") or "").strip()


def _agencies(article: Any) -> list[str]:
    return [a.strip() for a in str(article.metadata.get("agencies") or "").split(",")
            if a.strip()]
