"""Tags as the vocabulary sees them: kind (place, person, organisation, topic) and aliases.

Pelican makes a new Tag object per article, so every instance is annotated. A tag missing
from the vocabulary is shown as a topic without aliases (the content checker rejects unknown
tags before publishing, so this only happens in drafts and tests).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

PAGE_KINDS = ("place", "person", "organisation")  # each has a page; topics only with articles
logger = logging.getLogger(__name__)

KINDS = ("place", "person", "organisation", "topic")
FALLBACK_KIND = "topic"


def load_entities(settings: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Tag name -> (kind, aliases) from the project vocabulary (NEWSARCHIVE_VOCABULARY)."""
    from tools.vocabulary import load_vocabulary

    path = settings.get("NEWSARCHIVE_VOCABULARY")
    vocabulary = load_vocabulary(Path(path) if path else None)
    return {e.name: (e.kind, distinct_aliases(e.name, e.aliases)) for e in vocabulary.entities}


def distinct_aliases(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases a reader needs to see: sorted, one per spelling ignoring case, and none that
    is the name itself in lower case ("perang" for Perang is matching data, not another name)."""
    seen = {name.casefold()}
    kept = []
    for alias in sorted(set(aliases), key=lambda a: (a.casefold(), a)):
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return tuple(kept)


def annotate(generator: Any) -> None:
    """Set tag `kind`/`aliases`, article `tags_by_kind` ([(kind, [(tag, has a page)])]) and
    `category_page` (whether its category has a page), and `tag_groups` in the context. A
    draft's or hidden article's tag or category may have no page: no published article
    carries it, and only the vocabulary's people, places and organisations get a page anyway
    (entities.py)."""
    entities = load_entities(generator.settings)
    unknown: set[str] = set()
    everything = [*generator.articles, *generator.translations, *generator.drafts,
                  *generator.drafts_translations, *generator.hidden_articles,
                  *generator.hidden_translations]
    with_page = {category for category, _ in generator.context.get("categories", ())}
    tag_pages = {tag.name for tag, _ in generator.context["tags"]} | {
        name for name, (kind, _) in entities.items() if kind in PAGE_KINDS}
    for article in everything:
        article.category_page = getattr(article, "category", None) in with_page
        tags = getattr(article, "tags", None) or []
        for tag in tags:
            _annotate_tag(tag, entities, unknown)
        article.tags_by_kind = group_by_kind((tag, tag.name in tag_pages) for tag in tags)
    counted = []
    for tag, articles in generator.context["tags"]:
        _annotate_tag(tag, entities, unknown)
        counted.append((tag, len(articles)))
    generator.context["tag_groups"] = group_by_kind(counted)
    if unknown:
        logger.debug("Tags not in the vocabulary, shown as topics: %s", sorted(unknown))


def _annotate_tag(tag: Any, entities: dict[str, tuple[str, tuple[str, ...]]],
                  unknown: set[str]) -> None:
    kind, aliases = entities.get(tag.name, (None, ()))
    if kind is None:
        unknown.add(tag.name)
    tag.kind = kind or FALLBACK_KIND
    tag.aliases = aliases


def group_by_kind(items: Any) -> list[tuple[str, list[Any]]]:
    """[(kind, [(tag, value), ...])] in KINDS order, tags sorted by name, empty kinds left out."""
    groups: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for tag, value in items:
        groups.setdefault(tag.kind, []).append((tag, value))
    return [(kind, sorted(members, key=lambda m: (m[0].name.casefold(), m[0].name)))
            for kind, members in groups.items() if members]
