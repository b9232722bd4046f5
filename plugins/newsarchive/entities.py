"""Entity pages: the tag page of a vocabulary entity, and the page of a conflict, grown up.

Each profile holds what a researcher asks of a person, place, organisation or conflict: its
names in every script with who uses them (and a neutral note where they are contested), its
dated facts, its articles per month, the outlets and outlet countries that cover it, and the
entities it appears with most. Computed once per build from the articles' tags, categories and
outlets (sources.py); tag.html and category.html show it on their first page. Entities and
conflicts with no article yet still get their page (`write_missing`), so every name of the
vocabulary leads somewhere.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import permutations
from pathlib import Path
from typing import Any

from pelican.urlwrappers import Category, Tag

from .archives import Month, Year
from .sources import country_label
from .taxonomy import PAGE_KINDS, distinct_aliases

TOGETHER_COUNT = 10
UNKNOWN_COUNTRY = ("", "")


@dataclass
class Profile:
    """What an entity or conflict page shows besides its list of articles."""

    names: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, lang, script, use
    scripts: list[tuple[str, list[str]]] = field(default_factory=list)  # other spellings by script
    note: str = ""
    facts: list[Any] = field(default_factory=list)  # tools.vocabulary.Fact
    chart_years: list[Year] = field(default_factory=list)
    outlets: list[tuple[Any, int]] = field(default_factory=list)  # (Source, articles)
    countries: list[tuple[str, str, int]] = field(default_factory=list)  # code, name, articles
    together: list[tuple[Any, int]] = field(default_factory=list)  # (Tag, shared articles)
    members: list[Any] = field(default_factory=list)  # a conflict's entities (Tag)


def script_of(text: str) -> str:
    """The Unicode script of a name's first letter ("Latin", "Cyrillic", "Armenian"...)."""
    for char in text:
        if char.isalpha():
            return unicodedata.name(char, "OTHER").split()[0].title()
    return "Other"


def _load(settings: dict[str, Any]) -> Any:
    from tools.vocabulary import load_vocabulary

    path = settings.get("NEWSARCHIVE_VOCABULARY")
    return load_vocabulary(Path(path) if path else None)


def build(generator: Any) -> None:
    """`article_generator_finalized` (after taxonomy and sources): `entity_profiles` (tag name ->
    Profile) and `conflict_profiles` (category name -> Profile) in the context."""
    vocabulary = _load(generator.settings)
    settings = generator.settings
    tags_of: dict[str, Any] = {}
    pairs: Counter = Counter()  # (tag, other tag) -> articles carrying both
    for article in generator.articles:
        tags = getattr(article, "tags", None) or []
        for tag in tags:
            tags_of.setdefault(tag.name, tag)
        pairs.update(permutations({tag.name for tag in tags}, 2))
    together: defaultdict[str, Counter] = defaultdict(Counter)
    for (name, other), count in pairs.items():
        together[name][other] = count
    profiles = {}
    for tag, articles in generator.tags.items():
        entity = vocabulary.by_name.get(tag.name)
        profile = _profile(articles, settings["DEFAULT_LANG"])
        _describe(profile, entity, tag.name)
        profile.together = _top(together.get(tag.name, Counter()), tags_of)
        profiles[tag.name] = profile
    generator.context["entity_profiles"] = profiles
    generator.context["conflict_profiles"] = _conflicts(generator, vocabulary, tags_of)
    generator.context["entities_without_articles"] = _without_articles(vocabulary, profiles,
                                                                       settings)


def _without_articles(vocabulary: Any, profiles: dict[str, Profile],
                      settings: dict[str, Any]) -> list[Any]:
    """Tags (with kind and aliases) for the vocabulary's people, places and organisations that
    no published article carries yet, each with its profile (names, note, facts)."""
    missing = []
    for entity in vocabulary.entities:
        if entity.kind in PAGE_KINDS and entity.name not in profiles:
            tag = Tag(entity.name, settings)
            tag.kind, tag.aliases = entity.kind, distinct_aliases(entity.name, entity.aliases)
            profile = profiles[entity.name] = Profile()
            _describe(profile, entity, entity.name)
            missing.append(tag)
    return sorted(missing, key=lambda tag: (tag.name.casefold(), tag.name))


def _conflicts(generator: Any, vocabulary: Any, tags_of: dict[str, Any]) -> dict[str, Profile]:
    by_name = {category.name: articles for category, articles in generator.categories}
    profiles = {}
    for conflict in vocabulary.conflicts:
        articles = by_name.get(conflict.name, [])
        profile = _profile(articles, generator.settings["DEFAULT_LANG"])
        entities = Counter(tag.name for article in articles
                           for tag in getattr(article, "tags", None) or [])
        profile.together = _top(entities, tags_of)
        profile.members = [tags_of.get(name) or Tag(name, generator.settings)
                           for name in conflict.triggers]
        profiles[conflict.name] = profile
    return profiles


def chart(articles: list[Any]) -> list[Year]:
    """Articles per month for the years that have any, bars relative to the busiest month
    (archives.Year without links: the month pages list every article of the month)."""
    per_month = Counter((a.date.year, a.date.month) for a in articles)
    if not per_month:
        return []
    busiest = max(per_month.values())
    years = []
    for year in sorted({y for y, _ in per_month}):
        counts = [per_month.get((year, month), 0) for month in range(1, 13)]
        months = [Month(year, month, n, "", round(100 * n / busiest))
                  for month, n in enumerate(counts, 1)]
        years.append(Year(year, sum(counts), "", months))
    return years


def _profile(articles: list[Any], lang: str) -> Profile:
    """Chart, outlets and outlet countries (named in `lang`) of a list of published articles."""
    outlets: Counter = Counter()
    sources: dict[str, Any] = {}
    countries: Counter = Counter()
    for article in articles:
        source = getattr(article, "source_page", None)
        if source is not None:
            outlets[source.name] += 1
            sources[source.name] = source
        outlet = getattr(article, "outlet", None)
        countries[(outlet.country, country_label(outlet.country, outlet.country_name, lang))
                  if outlet else UNKNOWN_COUNTRY] += 1
    return Profile(
        chart_years=chart(articles),
        outlets=[(sources[name], n) for name, n in _ranked(outlets)],
        countries=[(code, name, n) for (code, name), n in _ranked(countries)],
    )


def _describe(profile: Profile, entity: Any, name: str) -> None:
    """Names with usage, other spellings grouped by script, note and facts of an entity."""
    if entity is None:
        return
    profile.names = [(n.name, n.lang, script_of(n.name), n.used_by) for n in entity.names]
    listed = {n.name.casefold() for n in entity.names} | {name.casefold()}
    by_script: dict[str, list[str]] = {}
    for alias in entity.aliases:
        if alias.casefold() not in listed:
            listed.add(alias.casefold())
            by_script.setdefault(script_of(alias), []).append(alias)
    profile.scripts = sorted(by_script.items(), key=lambda item: (item[0] != "Latin", item[0]))
    profile.note = entity.note
    profile.facts = list(entity.facts)


def _ranked(counter: Counter) -> list[tuple[Any, int]]:
    """Most first; ties by name, so the page is the same on every build."""
    return sorted(counter.items(), key=lambda item: (-item[1], str(item[0]).casefold()))


def _top(counter: Counter, tags_of: dict[str, Any]) -> list[tuple[Any, int]]:
    return [(tags_of[name], n) for name, n in _ranked(counter)[:TOGETHER_COUNT]
            if name in tags_of]


def write_missing(generator: Any, writer: Any) -> None:
    """`article_writer_finalized`: the page of each person, place, organisation and conflict
    of the vocabulary that no published article mentions yet (Pelican writes the others)."""
    settings = generator.settings
    vocabulary = _load(settings)
    used_categories = {category.name for category, _ in generator.categories}
    tag_template = generator.get_template("tag")
    category_template = generator.get_template("category")
    for tag in generator.context["entities_without_articles"]:
        _write_empty(writer, generator, tag.save_as, tag_template, "tag", tag, tag=tag)
    for conflict in vocabulary.conflicts:
        if conflict.name not in used_categories:
            category = Category(conflict.name, settings)
            _write_empty(writer, generator, category.save_as, category_template, "category",
                         category, category=category)


def _write_empty(writer: Any, generator: Any, save_as: str, template: Any, name: str,
                 wrapper: Any, **extra: Any) -> None:
    writer.write_file(save_as, template, generator.context,
                      relative_urls=generator.settings["RELATIVE_URLS"],
                      paginated={"articles": [], "dates": []}, template_name=name,
                      url=wrapper.url, page_name=wrapper.page_name, articles=[], dates=[],
                      blog=True, all_articles=generator.articles, **extra)
